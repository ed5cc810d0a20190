"""The partner a trade named before is with, carried to the flows the sentence splits it into
(对东盟进出口3亿美元，其中出口1.8亿美元，进口1.2亿美元 -> 对东盟出口, 对东盟进口). Used by resolve.py."""
from __future__ import annotations

from ..lexicon import cues, match_place, opens_with_partner


def parts_said(text: str, at: int) -> bool:
    """The sentence before `at` splits a whole into its parts (其中出口…；进口…)."""
    start = max(text.rfind("。", 0, at), text.rfind("\n", 0, at)) + 1
    return any(w in text[start:at] for w in cues()["grammar"]["parts_marks"])


def partner_of(base: str) -> str:
    """对东盟 of 对东盟进出口 (与东盟 -> 对东盟): the partner a trade named before is with, else ""."""
    if not base or not opens_with_partner(base):
        return ""
    place = match_place(base, 1)
    return ("对" if base[0] in "与同" else base[0]) + place.group() if place else ""


def partner_flow(name: str, base: str, text: str, at: int) -> str:
    """`name` with the partner of `base` when it is a bare flow (出口, 进口) the sentence before `at`
    splits the partner's trade into (与东盟贸易总值…，其中出口1.8亿美元；进口…), else `name`."""
    if name not in cues()["grammar"]["partner_flows"] or not parts_said(text, at):
        return name
    return partner_of(base) + name
