"""A fact's benchmark: the whole of a share, the benchmark of a gap, the field of a rank.

Words come from data/facts_cues.toml [versus].
"""
from __future__ import annotations

from functools import cache

from .lexicon import cues


@cache
def _year_ago() -> frozenset[str]:
    return frozenset(cues()["versus"]["year_ago"])


def normalise_versus(v: str | None) -> str | None:
    """Year-ago spellings read 去年同期; a place keeps its short name."""
    if not v:
        return None
    v = v.strip("的 ，,、")
    if v in _year_ago():
        return "去年同期"
    return v or None
