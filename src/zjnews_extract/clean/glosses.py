"""Pinyin glosses a mirror site writes after characters (社會消費(fèi)品零售總額, 絕對duì數shù): page
furniture, like ruby annotations shown inline. They split the words every later stage reads, so the
text drops them; each removal is logged, never silent.
"""
from __future__ import annotations

import regex

from ..records import Removed

# A syllable with a tone mark: the mark is what tells pinyin from an English word or an abbreviation.
_SYLLABLE = r"[a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}"
_GLOSS = regex.compile(rf"(?<=\p{{Han}})(?:[(（]{_SYLLABLE}[)）]|{_SYLLABLE}(?=\p{{Han}}|[(（]|$))", regex.MULTILINE)
# Why: one or two glosses can be a name written in pinyin on purpose; a mirror glosses dozens.
_MIN_GLOSSES = 3


def without_glosses(text: str) -> tuple[str, list[Removed]]:
    """`text` without the pinyin written after its characters, and a log entry when any went."""
    found = _GLOSS.findall(text)
    if len(found) < _MIN_GLOSSES:
        return text, []
    shown = " ".join(dict.fromkeys(found[:12]))
    return _GLOSS.sub("", text), [Removed(text=shown, reason=f"{len(found)} pinyin glosses after characters")]
