"""The role a 第N大 rank names (东盟为我国第一大贸易伙伴 -> 贸易伙伴): after a copula, the noun after
第N大 is what the one before the copula is ranked as; without one, only when nothing before names it."""
from __future__ import annotations

from functools import cache

import regex

from ..lexicon import alternation, cues
from .nouns import is_place_class, noun_after


@cache
def _patterns() -> dict[str, regex.Pattern]:
    v = cues()["versus"]
    return {
        "copula": regex.compile(rf"(?:{alternation(v['rank_copulas'])}){v['rank_copula_field']}"),
        "role_end": regex.compile(rf"(?:{alternation(v['rank_role_ends'])})$"),
    }


def role_after_rank(after: str, before: str, named_before: bool) -> str:
    """The role named right after 第N大 (`after` starts after 大), or "" when the words before
    (`before`, up to the rank) name what is ranked: a measure with no copula between (以资产计中国
    第二大银行), or a role that is only a class of places (四川是中国白酒生产第一大省)."""
    p = _patterns()
    if named_before and not p["copula"].search(before):
        return ""
    role = noun_after(after)
    role = p["role_end"].sub("", role)
    if len(role) < 2 or is_place_class(role):
        return ""
    return role
