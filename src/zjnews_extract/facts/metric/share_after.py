"""A share whose whole is named after it (27.7%的游客出行目的为“探亲访友”, 45.1%的出口商品销往亚洲地区,
9.9%的城市居民家庭发生过出省游): the number is the part of the noun after 的 that does what the clause
says, so the noun and its predicate are the metric. Words in data/facts_cues.toml [share_after]."""
from __future__ import annotations

from functools import cache

import regex

from ...records import Quantity
from ...text import CLAUSE_ENDS, SENTENCE_ENDS
from ..lexicon import alternation, cues
from .. import words

_STOP = regex.compile(f"[{regex.escape(SENTENCE_ENDS + CLAUSE_ENDS)}]")
_FIGURE = regex.compile(r"[0-9０-９%％]")
_NEXT_SHARE = regex.compile(r"[、和及与][约近超逾]?[0-9０-９][0-9０-９.]*[%％]的")  # …、1.4%的…
_RATE = regex.compile(r"\p{Han}{0,4}率")  # 29.85%的市占率, 99.3%的赞成率: the rate is named, no whole


@cache
def _words() -> tuple[regex.Pattern, int]:
    w = cues()["share_after"]
    return regex.compile(alternation(w["not_wholes"])), int(w["reach"])


def share_named_after(text: str, q: Quantity) -> str | None:
    """The noun after a share's 的 with the predicate that ends its clause, or None when the share is not
    followed so (…的比重, …的增量: the rate or whole is named elsewhere) or the clause holds another figure."""
    if q.kind != "percent" or not text.startswith("的", q.end):
        return None
    not_wholes, reach = _words()
    stop = _STOP.search(text, q.end + 1, q.end + 1 + reach)
    if stop is None:
        return None
    tail = text[q.end + 1:stop.start()].strip()
    if (nxt := _NEXT_SHARE.search(tail)) and not _FIGURE.search(tail, 0, nxt.start()):
        # 9.9%的城市居民家庭、1.4%的农村居民家庭发生过出省游: each share's noun with the predicate they share
        own, last = tail[:nxt.start()], tail[tail.rfind("的") + 1:]
        ws = words.words(last)
        verb = next((i for i, (_, pos) in enumerate(ws) if i and pos.startswith("v")), None)
        tail = own + last[sum(len(w) for w, _ in ws[:verb]):] if verb is not None and own else tail
    if len(tail) < 4 or _FIGURE.search(tail) or not_wholes.match(tail) or _RATE.match(tail) \
            or not _predicated(tail):
        return None
    return tail


def _predicated(tail: str) -> bool:
    """True when a noun opens `tail` and a verb follows it (出口商品销往亚洲地区; 销往 is tagged vn)."""
    ws = words.words(tail)
    return len(ws) > 1 and ws[0][1].startswith("n") and any(pos.startswith("v") for _, pos in ws[1:])
