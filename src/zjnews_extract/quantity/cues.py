"""Growth or share, and the sign, of every % and pp from the words around it.

The nearest cue before a rate decides (下降2.1% -> growth -2.1, 占比12% -> share);
a few constructions refine that: a change verb right before the number (增5%) and
the list it starts (同增1.9%和38.4%), a rate named after it (以8.8%的增速), a pp
change of a rate of decline (降幅扩大1.5个百分点 -> -1.5), the level a change
reaches (下降0.3个百分点至5.0%; 均下降10个基点，分别为2.85%). Words are data
(data/quantity_words.toml). Every walk is bounded, so a sentence of a thousand
rates stays linear.
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

import regex

from ..text import BULLET_END
from .grammar import Lexicon
from .reading import Item

_SENTENCE_END = re.compile(r"[。！？!?；;\n]")  # a class over the whole text: stdlib re, 2x faster
_CLAUSE_BREAK = regex.compile("[，,；;]")
_CLAUSE_BREAKS = frozenset("，,；;")
_HAN = regex.compile(r"\p{Han}")
_LIST_GAPS = frozenset(("、", "和", "及", "与", "與", "或", "以及"))
_LIST_AFTER = frozenset("和与與及或、至到")
_DASHES = frozenset(("-", "—", "~", "～"))  # a range's ends (提升1个百分点至52.4%: 至 reaches a level, no range)
_JOINS = _LIST_GAPS | _DASHES | {"到", "至"}  # list members and range ends
_PLUS = frozenset("+＋")
_CUE_LOOKBACK = 12  # cues looked at before a rate; the deciding one is nearly always the first or second


class _Cue(NamedTuple):  # a tuple: a text holds thousands of cues and they are made on every call
    start: int
    end: int
    word: str
    type: str  # "+", "-", "0", "share", "level", "cmp", "cmp-"


def cue_kind(items, text: str, lex: Lexicon) -> None:
    """Growth or share, and the sign, for % and pp from the cues around them."""
    targets = [it for it in items if it.kind in ("percent", "pp") and not it.fixed_kind]
    if not targets:
        return
    cues = [_Cue(c.start(), c.end(), c.group(), lex.cues[c.group()]) for c in lex.cue_pattern.finditer(text)]
    ends = [c.end for c in cues]
    bounds = [b.start() for b in _SENTENCE_END.finditer(text)]
    if "[" in text or " - " in text:  # a summary in bullets run together: each item its own sentence
        bounds = sorted({*bounds, *(b.start() for b in BULLET_END.finditer(text))})
    pp_ends = [it.end for it in items if it.kind == "pp"]
    prev: tuple[Item, str | None] | None = None  # the last rate and the adjacent verb that decided it
    decided = []
    for it in targets:
        bi = bisect.bisect_left(bounds, it.start) - 1
        sentence_start = bounds[bi] + 1 if bi >= 0 else 0
        kind, sign, adjacent = _decide(it, text, lex, cues, ends, sentence_start, pp_ends, prev)
        prev = (it, adjacent)
        decided.append([kind, sign])
    # 分别以3.8%和8%的增速, 0.5到4个百分点的下滑: a change named after the last member of a list
    # or range names all of it
    for i in range(len(targets) - 2, -1, -1):
        a, b = targets[i], targets[i + 1]
        undecided = decided[i][0] is None if a.kind == "percent" else decided[i][1] in (None, "0")
        if undecided and b.kind == a.kind and text[a.end:b.start] in _JOINS and lex.cue_after.match(text, b.end):
            decided[i] = list(decided[i + 1])
    for i, it in enumerate(targets):
        if decided[i][0] is None and it.kind == "percent" and (rate := _bracket_run_rate(it, text, lex)):
            decided[i] = [rate, rate]  # 兴庆区(33.4%)和西夏区(20.6%)规模以上工业增加值增速: each member's growth
    for it, (kind, sign) in zip(targets, decided):
        if it.kind == "percent" and (kind in ("+", "-", "0") or text[it.start] in _PLUS):
            it.kind = "growth"  # (a rate written with a plus, 教育(+8.24%), is a change: a share has no plus; a minus may be a level, 贡献率为-8.6%)
        if it.kind == "pp" and sign == "cmp-":
            sign = "-"  # 低于全国0.4个百分点: below the benchmark
        if it.kind in ("growth", "pp") and sign == "-" and not it.explicit_sign:
            it.value = -abs(it.value)


def _decide(it: Item, text: str, lex: Lexicon, cues, ends, sentence_start: int, pp_ends, prev):
    """(kind cue type, sign cue type, adjacent verb) for one rate."""
    # (漲 7.62%, 同比上升 34.3%: Taiwan's price releases and some bulletins put a space after the verb: 33 held-out pages)
    near = text[max(sentence_start, it.start - 3):it.start].rstrip(" ").rstrip("了")
    if near and near[-1] in lex.adjacent and not near.endswith(lex.adjacent_nouns):
        verb = lex.adjacent[near[-1]]
        return verb, verb, verb  # 增5%, 降2%, 低0.07个百分点
    if prev is not None and prev[1] is not None and (text[prev[0].end:it.start] in _LIST_GAPS or
                                                     prev[0].kind == it.kind and text[prev[0].end:it.start] in _DASHES):
        return prev[1], prev[1], prev[1]  # 同增1.9%和38.4%, 增7.5%-8%: the verb before a list or range governs all of it
    if _opens_clause_as_subject(text, it):
        return None, None, None  # 订单增加，超八成企业满意: a rate that opens its clause and names a noun is a share
    kind_found = sign_found = None
    if it.kind == "percent" and _DIGIT.search(text, it.start, it.end) and _FROM.search(text, max(sentence_start, it.start - 12), it.start) \
            and _TO.match(text, it.end):
        kind_found = sign_found = "level"  # 从2020年0.86%降至2024年0.68%: the level a change starts from
    # 恢复至疫情前的120%: after 的, a change verb in an earlier clause does not make it a change
    after_de = it.kind == "percent" and it.start > 0 and text[it.start - 1] == "的"
    if text.endswith(lex.pp_then_level, max(0, it.start - 5), it.start):
        kind_found = sign_found = "level"  # 下降0.3个百分点至5.0%: the rate reached, not a change
    ci = bisect.bisect_right(ends, it.start) - 1
    stop, first = ci - _CUE_LOOKBACK, ci
    reached = near.endswith(lex.level_before)
    decided_by = None  # the cue that gave the sign
    rate_start = None  # where a rate noun with no sign of its own (涨幅, 增速) stands before the figure
    while ci >= 0 and ci > stop and (kind_found in (None, "level") or sign_found is None):
        cue = cues[ci]
        if cue.start < sentence_start:
            break
        if rate_start is not None and sign_found is None and _CLAUSE_BREAK.search(text, cue.end, rate_start):
            break  # 上市量下降,价格环比涨幅分别达55.8%: an earlier clause's change is not the rate's sign
        ctype = cue.type
        rate = lex.rate_nouns.get(cue.word)
        if reached and kind_found is None and _names_own_level(text, cue.end, it, lex):
            break  # 能力提升，研发经费投入强度达到3.3%: the change is another clause's; this is a level
        if (ci == first and kind_found is None and it.kind == "percent" and ctype in "+-" and rate is None
                and _taken_by_pp(cue.end, it.start, pp_ends)):
            kind_found = sign_found = "level"  # 均下降10个基点，分别为2.85%: the verb changed the pp; this is the level
            break
        if ctype in "+-" and text[cue.end:cue.end + 1] in ("至", "到"):
            ctype = "level"  # 下调至1%: the verb reaches a level
        if after_de and ctype in "+-" and rate is None:
            break
        if kind_found == "level" and rate is not None and ctype in "0-":
            kind_found = "0"  # 增速回升至5%: the level reached is a growth rate
            if rate == "-":
                sign_found = "-"  # 降幅收窄至2.3%: a rate of decline
        if kind_found is None and ctype not in ("cmp", "cmp-"):
            if ctype == "-" and rate == "-" and _shared_out(cues, ci, sentence_start, text):
                ctype = "share"  # 占CPI总降幅近六成: a share of the decline, not a decline
            kind_found = ctype
        if sign_found is None and ctype != "0":
            sign_found = ctype  # a gap word (好于, 高出) keeps the sign of an earlier change off the gap
            decided_by = ci
        elif sign_found is None and rate is not None and rate_start is None and it.kind == "percent":
            rate_start = cue.start
        if ctype == "share" and kind_found == "level":
            break  # 占比提高到35%: a share's level
        ci -= 1
    if decided_by is not None and _CLAUSE_BREAK.search(text, cues[decided_by].end, it.start) \
            and text.startswith("的", it.end) and (m := lex.cue_after.match(text, it.end)):
        # …略有下降，而…实现7%的较大增幅: a rate that names its own change after it is not the
        # earlier clause's change
        cue = m.group("cue")
        return lex.cues_after.get(cue) or lex.cues[cue], lex.cues_after.get(cue) or lex.cues[cue], None
    if it.kind == "pp" and sign_found in ("+", "-") and decided_by is not None and _of_a_decline(cues, decided_by, text, lex):
        sign_found = "+" if sign_found == "-" else "-"  # 降幅扩大1.5个百分点: the decline deepens, -1.5
    if (kind_found is None and it.kind == "percent") or (it.kind == "pp" and sign_found in (None, "0")):
        m = lex.cue_after.match(text, it.end)
        if m:
            cue = m.group("cue")
            kind_found = sign_found = lex.cues_after.get(cue) or lex.cues[cue]  # 以8.8%的增速, 4个百分点的下滑
    return kind_found, sign_found, None


# Why: 从 (with a year or a time and 的 between) right before a rate that a change carries on to
# (降至, 提高到, 收窄至): the rate is where the change starts, a level like the one it reaches.
_FROM = regex.compile(r"从(?:[^，,。；;！？!?%]{0,10}?的?)$")
_TO = regex.compile(r"[^，,。；;！？!?%0-9]{0,6}?(?:至|到)")
_DIGIT = regex.compile(r"[0-9０-９]")  # (从两位数下降到个位数: a growth word, not a rate's level)


_BRACKET = regex.compile(r"[（(][^（）()]{0,24}[)）]")
_OPENS = "（("
_CLOSES = "）)"


def _bracket_run_rate(it: Item, text: str, lex: Lexicon) -> str | None:
    """The sign of the rate noun that names a run of bracketed figures (西夏区(13.0%)和灵武市(8.2%)地区生产总值增速,
    惠州(20.4%)、广州(19.5%)一季度GDP增速数据, 汽車制造業(16.6%)…等先進制造業用電增速): the rest of the clause after
    the figure, its brackets left out, names the rate before any other figure; None otherwise."""
    if it.start == 0 or text[it.start - 1] not in _OPENS or text[it.end:it.end + 1] not in _CLOSES:
        return None
    reach = min(len(text), it.end + 1 + _RUN_LOOK)  # (searches bounded: linear in the text however many runs)
    ends = (_CLAUSE_BREAK.search(text, it.end, reach), _SENTENCE_END.search(text, it.end, reach))
    breaks = [m.start() for m in ends if m]
    rest = _BRACKET.sub("", text[it.end + 1:min(breaks, default=reach)])
    rates = [(rest.find(w), sign) for w, sign in lex.rate_nouns.items() if w in rest]
    if not rates:
        return None
    at, sign = min(rates)
    return None if _DIGIT.search(rest, 0, at) else sign  # (第2位 after the rate names a rank, no figure of the run)


_RUN_LOOK = 80  # the rest of a run of bracketed members and the measure named after it


def _taken_by_pp(cue_end: int, start: int, pp_ends) -> bool:
    """A pp change stands between the verb and this rate: the verb is its, not this rate's."""
    i = bisect.bisect_right(pp_ends, start) - 1
    return i >= 0 and pp_ends[i] > cue_end


def _of_a_decline(cues, ci: int, text: str, lex: Lexicon) -> bool:
    """The verb at cues[ci] changes a rate of decline: the nearest rate noun before it is 降幅/跌幅,
    in its clause or in one its clause continues (降幅比去年同期扩大3.9个百分点，比一季度收窄5.5个百分点)."""
    verb = cues[ci]
    if verb.word in lex.rate_nouns:
        return False
    for j in range(ci - 1, max(-1, ci - _CUE_LOOKBACK), -1):
        noun = cues[j]
        breaks = list(_CLAUSE_BREAK.finditer(text, noun.end, cues[j + 1].start))
        if any(not text.startswith(lex.continuations, b.end()) for b in breaks):
            return False  # a new clause with a subject of its own
        if noun.word in lex.rate_nouns:
            return lex.rate_nouns[noun.word] == "-"
        if noun.type not in "+-":
            return False
    return False


def _shared_out(cues, ci: int, sentence_start: int, text: str) -> bool:
    """A share verb (占) governs the rate noun at cues[ci] in the same clause: 占CPI总降幅近六成."""
    if ci == 0:
        return False
    before = cues[ci - 1]
    return (before.type == "share" and before.start >= sentence_start
            and not _CLAUSE_BREAK.search(text, before.end, cues[ci].start))


def _names_own_level(text: str, cue_end: int, it: Item, lex: Lexicon) -> bool:
    """A rate after 达到/为 in a later clause than the change cue, whose clause names a
    thing of its own (…提升，研发经费投入强度达到3.3%): a level. With no name of its own
    (…高速增长，分别达103.4%) the clause goes on with the cue's change."""
    breaks = list(_CLAUSE_BREAK.finditer(text, cue_end, it.start))
    if not breaks:
        return False
    own = text[breaks[-1].end():it.start]
    for w in sorted(lex.level_before, key=len, reverse=True):
        if own.endswith(w):
            own = own[:-len(w)]
            break
    return len(_HAN.findall(own.replace("分别", "").replace("同比", ""))) >= 2


def _opens_clause_as_subject(text: str, it: Item) -> bool:
    """超八成企业 right after a comma: the rate is the subject of a new clause, not a verb's object."""
    if it.start == 0 or text[it.start - 1] not in _CLAUSE_BREAKS or it.end >= len(text):
        return False
    nxt = text[it.end]
    return bool(_HAN.match(nxt)) and nxt not in _LIST_AFTER
