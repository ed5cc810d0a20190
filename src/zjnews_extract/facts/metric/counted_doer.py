"""A counted set that goes on to act: 11家住餐样本企业累计实现营业额368.57万元 counts the firms, and the
amount after it is theirs (住餐样本企业营业额), as it would be with no count in front of them."""
from __future__ import annotations

from functools import cache

import regex

from ..lexicon import alternation, cues
from .heads import is_junk, measurable
from .nouns import flow_verbs, is_bare_body
from .window import read_window


def doer_start(text: str, start: int, q, noun: str) -> int:
    """Where the words a number reads should start: before the noun an earlier count read (`noun`, ending at
    `start`) when the words from `start` to the number `q` open with a verb and no doer of their own (实现, 累计接待)
    and name a measure; else `start`. A bare class of bodies (企业, 单位) says no more than the verb's measure."""
    if not noun or not text.endswith(noun, 0, start) or is_junk(noun) or is_bare_body(noun):
        return start
    raw = text[start:q.start]
    w = read_window(raw, q.kind)
    # (…景区累计接待游客, 共计接待: a flow verb that names the measure itself opens the words as 实现 does)
    opened = _leading_adverbs().sub("", raw, count=1)
    acts = w.bare_verb or opened.startswith(flow_verbs())
    return start - len(noun) if acts and measurable(w.metric) else start


@cache
def _leading_adverbs() -> regex.Pattern:
    """The adverbs that may open the words before their verb (累计, 共计: facts_cues.toml doer_adverbs)."""
    return regex.compile(rf"^\s*(?:{alternation(cues()['metric']['doer_adverbs'])})*")
