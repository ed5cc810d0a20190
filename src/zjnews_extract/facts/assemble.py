"""Walk an article sentence by sentence and turn its fact quantities into Facts.

State carried across clauses and sentences, each until a new value appears:
the period (the last period mention before the number; one after the number in
its clause does not count), the subject (within a paragraph; the article's main
region by default) and the metric (for numbers whose own clause leaves it out).
"""
from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from datetime import date

import msgspec
import regex

from ..records import Fact, Period, Quantity
from . import metric as M
from . import words
from .lexicon import match_place, place_names, place_pattern, port_pattern
from ..text import Piece, split_clauses, split_sentences
from .period import PeriodIndex
from .notfacts import implied_unit, is_fact, span_mask
from .status import StatusCues, status_from_cues
from .subject import local_area, main_region, subject_name, whole_of, whole_region_word
from .versus import normalise_versus

_SEPARATORS = regex.compile(r"^[\s、，,和及与或至到]*$")
# contributions: 对GDP增长贡献2.5个百分点, 拉动出口增长1.36个百分点 -> versus the thing contributed to
_CONTRIB = regex.compile(r"对(?P<v>[^，,；;]{1,16}?)(?:的)?贡献|(?:拉动|带动)(?P<v>[^，,；;]{1,16}?增长)$")
_LIST_SPLIT = regex.compile(r"、")
_COLLECTIVE = regex.compile(r"^[一二两三四五六七八九十\d]+(?:个)?(?:省份|省市|省区|省|市|区|县|地|国|城)")
_BREAKDOWN = ("其中", "分别来看", "具体来看")
_LAST_JOIN = regex.compile(r"和|与|及|以及")
# 在全省13个设区市中 / 在全国主要港口中: the field a rank later in the sentence is among
_AMONG = regex.compile(r"(?:^|(?<=[，,。；;\s]))在(?P<v>[^，,。；;在]{2,16}?)(?:中|之中|当中)(?=[，,]|[\u4e00-\u9fff])")
_AMONG_REACH = 60  # characters back from a rank; keeps the look-up bounded in an endless sentence
# Why: a list that numbers report on is never this far back in a sentence; the bound keeps
# a hostile sentence of thousands of clauses linear.
_LOOK_BACK = 2000
# A fact carries its sentence; past this length (a page with no full stops) it carries a window of
# it around the number instead, or output would grow with facts x sentence length.
_SENTENCE_MAX = 600


@dataclass
class Group:
    """A list of things that a run of numbers reports on one by one (分别)."""

    items: list[str]
    shared: str = ""  # the words after the last item that every item shares (占全国份额)
    names: list[str] = field(default_factory=list)  # the metrics given to the items
    versus: str | None = None
    subjects: list[str] | None = None  # when the items are places, they are the subjects


@dataclass
class State:
    period: Period | None = None
    subject: str | None = None
    base: str = ""  # the last metric named outright
    amount_base: str = ""  # the last one named for an amount or a change (a rate's name is not reused for growth)
    bases: list[str] = field(default_factory=list)  # metrics named in this sentence, in order
    base_set: set[str] = field(default_factory=set)
    group: Group | None = None
    consumed_to: int = 0  # the words up to here were read as the name after an earlier count
    last_clause: str = ""  # the previous clause, when it held no number (its object may be the metric)
    prev_clause: str = ""
    clause_metric: str = ""  # the metric of the previous number in this clause
    share_metric: str = ""  # the last share of this sentence: a year-on-year gap in points is about it
    share_versus: str | None = None  # ...and its whole


def _fraction_as_share(q: Quantity) -> Quantity:
    """A fraction in news (约占全省的三分之一, 超过四分之一的企业) states a share: a percent, as
    几近一半 is 50 %."""
    if q.kind != "number" or "分之" not in q.text or q.value is None or not 0 < q.value <= 1:
        return q
    return msgspec.structs.replace(q, kind="percent", value=round(q.value * 100, 10), unit="%")


def _fact_id(q: Quantity) -> str:
    return hashlib.blake2s(f"{q.start}:{q.end}:{q.text}".encode(), digest_size=6).hexdigest()


def _is_han(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


def _split_list(text: str, n: int) -> Group | None:
    """'进出口、出口和进口占全国份额' with n=3 -> items 进出口, 出口, 进口 and shared 占全国份额."""
    parts = [p for p in _LIST_SPLIT.split(text)]
    if len(parts) != n:
        last = parts[-1]
        pieces = _LAST_JOIN.split(last, maxsplit=1)
        if len(parts) + len(pieces) - 1 != n or len(pieces) < 2:
            return None
        parts = parts[:-1] + pieces
    parts = [p.strip() for p in parts]
    if not all(parts):
        return None
    last = parts[-1]
    shared = ""
    if "等" in last[1:]:
        last, shared = last.split("等", 1)
    else:
        last_words = words.words(last)
        first_words = words.words(parts[0])
        if not (last_words and first_words and last_words[-1][0] == first_words[-1][0]):
            shortest = min(len(p) for p in parts[:-1])
            taken = ""
            for w, _ in last_words:
                if len(taken) >= shortest:
                    break
                taken += w
            last, shared = taken, last[len(taken):]
    return Group(items=parts[:-1] + [last], shared=shared.strip())


class Article:
    """One article's fact quantities, period mentions and protected spans, walked once by run()."""

    def __init__(self, text: str, quantities: list[Quantity], mentions, protected, published: date | None,
                 title: str | None):
        self.text = text
        self.published = published
        self.periods = PeriodIndex(text, mentions)
        # period words are attributes, not names: cut from the words a metric is read from
        # (a comparison base stays: 较上年同期 says what a gap is measured against)
        day_spans = [(m.start, m.end) for m in mentions if m.kind != "base"]
        self.cut_spans = sorted(day_spans)
        self.cut_starts = [s for s, _ in self.cut_spans]
        blocked, in_period = span_mask(len(text), protected), span_mask(len(text), day_spans)
        quantities = [_fraction_as_share(q) for q in quantities]
        self.quantities = [q for q in quantities if is_fact(q, text, blocked, in_period)]
        self.region = main_region(text, title)
        self.local = local_area(text)  # 武侯区 when the article says 全区 of 成都市武侯区
        home = whole_region_word(text)
        # the subject a paragraph starts from: a district the article is about, its main place,
        # else the 全市 word it uses for a place it never names
        self.home = self.local.get((home or " ")[-1]) or self.region or home
        self.facts: list[Fact] = []

    def run(self) -> list[Fact]:
        text = self.text
        state = State(subject=self.home)
        by_sentence: dict[int, list[Quantity]] = {}
        sentences = split_sentences(text)
        qi = 0
        for si, s in enumerate(sentences):
            while qi < len(self.quantities) and self.quantities[qi].start < s.end:
                if self.quantities[qi].start >= s.start:
                    by_sentence.setdefault(si, []).append(self.quantities[qi])
                qi += 1
        for si, s in enumerate(sentences):
            if si and "\n" in text[sentences[si - 1].end:s.start] \
                    and not text.startswith(_BREAKDOWN, s.start):  # 其中… goes on about the topic before
                state.subject = self.home  # a new paragraph starts from the article's place
            elif place_names().get(state.subject or "") == "foreign":
                state.subject = self.home  # a partner country is the topic of its own sentence only
            state.bases = []
            state.base_set = set()
            state.group = None
            state.share_metric = ""
            state.share_versus = None
            qs = by_sentence.get(si, [])
            if qs:
                self._sentence(s, qs, state)
        return self._fill_missing_metrics()

    def _fill_missing_metrics(self) -> list[Fact]:
        """A headline number with no name of its own (首次跻身全国前三) is named where the
        body states the same figure again."""
        out = []
        next_named: dict[tuple, str] = {}  # (kind, value) -> metric of the next fact that has one
        for f in reversed(self.facts):
            if not f.metric:
                later = next_named.get((f.kind, f.value))
                if later is not None:
                    f = msgspec.structs.replace(f, metric=later)
            elif f.value == f.value:  # NaN equals nothing, as in a pairwise comparison
                next_named[(f.kind, f.value)] = f.metric
            out.append(f)
        out.reverse()
        return out

    def _cut(self, start: int, end: int) -> str:
        """text[start:end] without the period words in it (they are attributes, not names)."""
        out, cursor = [], start
        spans = self.cut_spans
        for i in range(max(0, bisect.bisect_left(self.cut_starts, start) - 2), len(spans)):
            s, e = spans[i]
            if s >= end:
                break
            if e <= cursor:
                continue
            out.append(self.text[cursor:max(cursor, s)])
            cursor = max(cursor, e)
        out.append(self.text[cursor:end] if cursor < end else "")
        return "".join(out)

    def _subject_name(self, name: str) -> str:
        if name[-1:] in self.local and place_names().get(name) == "whole_region":
            return self.local[name[-1]]  # 全区 in an article about 成都市武侯区
        return subject_name(name, self.region)

    def _status(self, offset: int, period: Period | None) -> str:
        """The status of a number at `offset` of the current sentence (its cues read once)."""
        return status_from_cues(*self.sentence_cues.before(offset), period, self.published)

    # ------------------------------------------------------------ one sentence
    def _sentence(self, s: Piece, qs: list[Quantity], state: State) -> None:
        text = self.text
        topic = None
        self.sentence_cues = StatusCues(text, s.start, s.end)
        self.q_starts = [q.start for q in qs]
        if any(a > b for a, b in zip(self.q_starts, self.q_starts[1:])):
            self.q_starts = None  # not in order: look each clause's numbers up one by one
        for clause in split_clauses(text, s):
            if topic is None and text.startswith(_BREAKDOWN, clause.start):
                topic = state.subject  # 其中，宁波港域…: a part of the topic, for this sentence only
            self._clause(s, clause, qs, state)
        if topic is not None:
            state.subject = topic

    def _clause(self, s: Piece, clause: Piece, qs: list[Quantity], state: State) -> None:
        """The numbers of one clause, each with the words between it and the one before."""
        starts = self.q_starts
        cq = (qs[bisect.bisect_left(starts, clause.start):bisect.bisect_left(starts, clause.end)] if starts is not None
              else [q for q in qs if clause.start <= q.start < clause.end])
        if not cq:
            words = self._cut(clause.start, clause.end)
            if place_pattern().search(words[:12]) or port_pattern().search(words[:12]):  # only then can it open with a place
                cw = M.read_window(words)
                if cw.subject:
                    state.subject = self._subject_name(cw.subject)
            state.last_clause = words
            return
        state.prev_clause, state.last_clause = state.last_clause, ""
        state.clause_metric = ""
        windows, raws, starts = [], [], []
        prev_end = clause.start
        for q in cq:
            raw = self._cut(prev_end, q.start) if q.start > prev_end else ""
            raws.append(raw)
            windows.append(M.read_window(raw, q.kind))
            starts.append(prev_end)
            prev_end = q.end
        # chains: numbers joined only by 、/和 share their head's words
        chains: list[list[int]] = []
        for i, raw in enumerate(raws):
            if i and _SEPARATORS.match(raw) and cq[i].kind == cq[i - 1].kind:
                chains[-1].append(i)
            else:
                chains.append([i])
        for chain in chains:
            head = chain[0]
            if state.consumed_to > starts[head]:  # the name after the last count is not ours
                raws[head] = self._cut(min(state.consumed_to, cq[head].start), cq[head].start)
                windows[head] = M.read_window(raws[head], cq[head].kind)
            self._chain(s, clause, cq, chain, windows, raws, state)

    def _chain(self, s, clause, cq, chain, windows, raws, state) -> None:
        head = chain[0]
        w = windows[head]
        n = len(chain)
        metrics: list[str] | None = None
        versus_carry = None
        subjects: list[str] | None = None
        if n >= 2 and (w.respective or not w.metric):
            group = self._respective(s, clause, cq[head], raws[head], n, state)
            if group is not None:
                metrics, versus_carry, subjects = group.names, group.versus, group.subjects
        for k, i in enumerate(chain):
            q = cq[i]
            wi = windows[i] if i == head else windows[head]
            period = self.periods.period_at(q.start, cq[i - 1].end if i else clause.start)
            if q.kind == "number":
                # a bare figure is kept only when its metric implies a measure word (游客 -> 人次)
                name = wi.metric if i == head else ""
                unit = implied_unit(name)
                if unit is None:
                    continue
                q = msgspec.structs.replace(q, kind="value", unit=unit)
                self._emit(q, name, state.subject, period, self._status(q.start, period), None, s)
                continue
            if wi.subject and i == head:
                state.subject = self._subject_name(wi.subject)
            metric = metrics[k] if metrics else self._metric(q, wi, raws[i] if i == head else "", state, cq, i)
            versus = self._versus(q, wi, raws[head]) or versus_carry
            big = q.text.endswith("大") or self.text[q.end:q.end + 1] == "大"  # 第一大投资来源地
            if q.kind == "rank" and big and not wi.metric:
                skip = q.end + (0 if q.text.endswith("大") else 1)
                after = M.noun_after(self.text[skip:skip + 24])
                metric, versus = after or metric, after or versus
            if q.kind == "rank" and versus is None:
                among = _AMONG.search(self.text, max(s.start, q.start - _AMONG_REACH), q.start)
                if among:
                    versus = among.group("v")  # 在全省13个设区市中…排名第2: ranked among those
            versus_carry = versus
            subject = subjects[k] if subjects else state.subject
            if q.kind == "percent" and wi.share in ("占", "占比") and versus is None:
                versus = whole_of(state.subject, self.region)  # 占11.5%: the whole the sentence implies
            if q.kind == "percent" and not wi.share and versus is None and metric and metric == state.share_metric:
                versus = state.share_versus  # 预计年底达到13%: the share named before, of the same whole
            elif q.kind == "percent" and wi.share:
                state.share_versus = versus
            if k and q.qualifier == "exact" and cq[head].qualifier == "approx" \
                    and cq[head].text.startswith(("约", "近", "大约")):
                q = msgspec.structs.replace(q, qualifier="approx")  # 约A、B: 约 covers the list
            self._emit(q, metric, subject, period, self._status(q.start, period), versus, s)

    def _respective(self, s, clause, q, raw, n, state) -> Group | None:
        """One metric per number for 'A、B和C分别为x、y和z' and its follow-ups."""
        m = M.patterns()["respective"].search(raw)
        pre, post = (raw[:m.start()], raw[m.end():]) if m else ("", raw)
        post_w = M.read_window(post, q.kind)
        own = post_w.metric
        found = self._place_list(pre, n)
        if found:  # 深圳、广州分别实现网络零售额x和y: the list names the subjects
            places, shared = found
            name = (shared + own if own not in shared else shared) if shared else own
            return Group(items=places, names=[name or state.base] * n, subjects=places)
        pre_text = M.peel(M.patterns()["paren"].sub("", pre))[0] if pre else ""
        group = _split_list(pre_text, n) if pre_text else None
        if group is None and pre_text and not M.is_generic(pre_text) and not (state.group and len(state.group.items) == n):
            # one name for all the numbers (城乡居民人均可支配收入分别增长x和y)
            return Group(items=[pre_text] * n, names=[pre_text + (own if own not in pre_text else "")] * n)
        if group is None:
            if state.group and len(state.group.items) == n:
                prev = state.group
                group = Group(items=prev.items, shared=pre_text, versus=prev.versus)
                if not pre_text and not own:
                    group.names = list(prev.names)
            else:
                group = self._list_in_earlier_clause(s, clause, n)
                if group is None and len(state.bases) >= n:
                    group = Group(items=state.bases[-n:], shared=pre_text)
        if group is None:
            return None
        if not group.names:
            shared_w = M.read_window(group.shared, q.kind) if group.shared else M.Window(metric="")
            shared = shared_w.metric if shared_w.share or shared_w.versus else group.shared
            for item in group.items:
                name = item + shared + (own if own not in shared else "")
                if shared_w.share:
                    name += shared_w.share.rstrip("的")
                group.names.append(name)
            group.versus = group.versus or shared_w.versus
        if not (state.group and state.group.items == group.items and not post_w.change and not post_w.share):
            state.group = Group(items=group.items, shared=group.shared, names=list(group.names),
                                versus=group.versus)
        names = list(group.names)
        if post_w.share:
            names = [x + post_w.share.rstrip("的") for x in names]
            group.versus = post_w.versus
        if post_w.change:
            names = [x + post_w.change for x in names]
        return Group(items=group.items, shared=group.shared, names=names, versus=group.versus)

    def _place_list(self, pre: str, n: int) -> tuple[list[str], str] | None:
        """The n places of 'A、B和C[三省]进出口' when every item is a place, and the words after
        the last place (the metric they share), else None."""
        text = M.patterns()["lead"].sub("", M.patterns()["paren"].sub("", pre)).strip()
        parts = [p for p in regex.split(r"、|和|与|及", text) if p]
        if len(parts) != n:
            return None
        places, rest = [], ""
        for i, part in enumerate(parts):
            m = match_place(part)
            if not m or (m.end() < len(part) and i < n - 1):
                return None
            places.append(self._subject_name(m.group()))
            rest = part[m.end():]
        rest = _COLLECTIVE.sub("", rest)  # 三省, 两市: the list's own size
        return places, M.read_window(rest).metric if rest else ""

    def _list_in_earlier_clause(self, s: Piece, clause: Piece, n: int) -> Group | None:
        start = max(s.start, clause.start - _LOOK_BACK)
        clauses = split_clauses(self.text, Piece(start, clause.start))
        if start > s.start:
            clauses = clauses[1:]  # cut by the look-back limit: not a whole clause
        for c in reversed(clauses):
            t = self.text[c.start:c.end]
            if any(ch.isdigit() for ch in t):
                continue
            peeled = M.peel(t)[0]
            if peeled.count("、") >= n - 2 and (g := _split_list(peeled, n)):
                return g
        return None

    def _metric(self, q: Quantity, w: M.Window, raw: str, state: State, cq, i) -> str:
        name = w.metric
        counts = q.kind == "value" and q.unit not in (None, "CNY", "USD", "EUR", "HKD", "JPY", "%", "pp")
        of_noun = self.text[q.end:q.end + 1] == "的"  # 272亿元的现金红利
        if q.kind == "value" and (not name or of_noun or M.ends_open(raw)) and not w.share and not w.change:
            after_start = q.end
            j = i + 1
            while j < len(cq) and _SEPARATORS.match(self.text[after_start:cq[j].start]):
                after_start, j = cq[j].end, j + 1
            after = M.noun_after(self.text[after_start:after_start + 24])
            if after in M.milestone_nouns():
                after = ""  # 站上1.4万亿斤台阶: the milestone, not what is measured
            if after and (counts or of_noun or not name):
                open_ = M.ends_open(raw) or of_noun
                name = (name + after) if name and not open_ and len(name) <= 8 else after
                state.consumed_to = self.text.find(after, after_start) + len(after)
        if name and name == w.metric and raw.lstrip().startswith("、") and state.clause_metric and len(name) <= 3:
            # 新增“同线同标同质”企业155家、产品276种: 产品 shares the modifier of 企业
            name = M.share_modifier(state.clause_metric, name)
        if name and M.is_generic(name) and state.base:
            name = state.base + name
        elif name and not w.share and not w.change:
            state.base = name
            if q.kind != "percent":
                state.amount_base = name
            if name not in state.base_set:  # a set beside the list: a sentence may name thousands
                state.bases.append(name)
                state.base_set.add(name)
        if not name and state.prev_clause:
            name = M.trailing_noun(state.prev_clause)
        if not name and q.kind == "pp" and state.share_metric and normalise_versus(w.versus) in (None, "去年同期"):
            name = state.share_metric  # 占全国份额11.1%，较去年同期提高1.1个百分点
        if not name and q.kind == "percent" and state.share_metric and not w.share:
            name = state.share_metric  # 占…比重达到12.5%，预计年底达到13%: the same share
        if not name:
            name = state.amount_base if q.kind in ("value", "growth", "rank") and state.amount_base else state.base
        state.clause_metric = name if not w.share and not w.change else ""
        if w.share:
            name = (name or "") + w.share.rstrip("的")
            state.share_metric = name
        if w.change:
            name = (name or "") + w.change
        return name

    def _versus(self, q: Quantity, w: M.Window, raw: str) -> str | None:
        if q.kind not in ("pp", "percent", "rank"):
            return None
        if q.kind in ("pp", "percent") and (m := _CONTRIB.search(raw)):
            return m.group("v")
        if q.kind == "pp":
            if w.versus:
                return normalise_versus(w.versus)
            return "去年同期" if w.year_ago else None
        if q.kind == "percent":
            return normalise_versus(w.versus) if w.share else None
        if w.versus:
            return normalise_versus(w.versus)
        if q.text.endswith("大"):
            return M.noun_after(self.text[q.end:q.end + 24]) or None
        return None

    def _emit(self, q, metric, subject, period, status, versus, s: Piece) -> None:
        self.facts.append(Fact(
            id=_fact_id(q), text=q.text, start=q.start, end=q.end, kind=q.kind, value=q.value, unit=q.unit,
            qualifier=q.qualifier, metric=metric or None, subject=subject, period=period, status=status,
            versus=versus, sentence=self._sentence_text(q, s)))

    def _sentence_text(self, q: Quantity, s: Piece) -> str:
        if s.end - s.start <= _SENTENCE_MAX:
            return self.text[s.start:s.end]
        half = _SENTENCE_MAX // 2
        return self.text[max(s.start, q.start - half):min(s.end, q.end + half)]
