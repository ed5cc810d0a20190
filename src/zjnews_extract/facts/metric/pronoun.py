"""对其进出口: the pronoun 其 in a trade flow's name stands for the partner named before it, so the flow is named
with that partner (对东盟进出口), one series with the trade written out elsewhere."""
from __future__ import annotations

from ..lexicon import cues, match_place, place_names

# Why: a partner named this many characters before the pronoun at most (东盟为湖北省第一大贸易伙伴，对其进出口…)
_LOOK_BACK = 40


def partner_for_pronoun(name: str, before: str) -> str:
    """`name` with 其 after a partner mark (对其, 對其) replaced by the partner: the words before the mark when they are
    a foreign place (美国对其进出口, an item of 分别为美国、欧盟…, 分别对其进出口…), else the last foreign place named
    in `before` (the text before the number); `name` unchanged when there is none."""
    for mark in cues()["grammar"]["partner_pronouns"]:
        at = name.find(mark)
        if at < 0:
            continue
        lead, rest = name[:at], name[at + len(mark):]
        partner = lead if _foreign(lead) else _last_foreign(before[-_LOOK_BACK:])
        return name if not partner or not rest else mark[0] + partner + rest
    return name


def _foreign(text: str) -> bool:
    m = match_place(text) if text else None
    return m is not None and m.end() == len(text) and place_names().get(m.group()) == "foreign"


def _last_foreign(text: str) -> str:
    found = ""
    i = 0
    while i < len(text):
        m = match_place(text, i)
        if m is not None and place_names().get(m.group()) == "foreign":
            found, i = m.group(), m.end()
        else:
            i += 1
    return found
