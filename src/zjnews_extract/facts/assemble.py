"""Walk an article sentence by sentence and turn its fact quantities into Facts.

The walk is a fold: each clause is read against the `Frame` the clauses before it left (frames.py) and
returns its facts and the next frame. A number's attributes each come from their own module: metric (metric/),
subject (the frame's, or a list's), period (period/reach.py: the one path), status (status.py), benchmark (versus.py).
"""
from __future__ import annotations

import bisect
from functools import cache
from msgspec.structs import replace

import msgspec
import regex

from ..records import Fact, Quantity
from ..text import CLAUSE_ENDS, SENTENCE_ENDS, Piece, split_clauses, split_sentences
from . import metric as M
from .basis import average_words, clause_before
from .context import ArticleContext
from .frames import Frame, Slot, chains, clause_slots
from .fromto import from_to_pairs
from .ids import fact_id
from .neighbours import conversions, growth_of_amounts
from .lexicon import alternation, cues, match_place, place_names, place_pattern, port_pattern
from .listed_hosts import counts_hosts, host_item, names_host, site_subject
from .lists import numbers_list_ends, respective, split_compound
from .notfacts import implied_unit
from .period import period_of_measure
from .period.parts import last_of, summed_like_whole, whole_fact_of_part
from .period.asof import year_to_end
from .period.averages import (average_span, past_average_span, plan_increment_span, target_level_year,
                               years_averaged)
from .period.calendar_days import streak_period
from .period.grammar import grammar as period_grammar, is_since
from .period.month_list import listed_months, month_by_month, year_by_year
from .rates import goal_of_amount, names_growth_rate
from .status import StatusCues, named_goal, status_from_cues
from .subject import whole_of
from .versus import rank_field, versus_of

_BREAKDOWN = ("其中", "分别来看", "具体来看")
# A fact carries its sentence; past this length (a page with no full stops) a window of it around the number,
# or output would grow with facts x sentence length.
_SENTENCE_MAX = 600


def assemble(ctx: ArticleContext, quantities: list[Quantity]) -> list[Fact]:
    """The facts of `quantities` (fact quantities, in text order) read in their sentences."""
    text = ctx.text
    sentences = split_sentences(text)
    by_sentence: dict[int, list[Quantity]] = {}
    qi = 0
    for si, s in enumerate(sentences):
        while qi < len(quantities) and quantities[qi].start < s.end:
            if quantities[qi].start >= s.start:
                by_sentence.setdefault(si, []).append(quantities[qi])
            qi += 1
    frame = Frame(subject=ctx.home)
    facts: list[Fact] = []
    for si, s in enumerate(sentences):
        if si and "\n" in text[sentences[si - 1].end:s.start] \
                and not text.startswith(_BREAKDOWN, s.start):  # 其中… goes on about the topic before
            frame = replace(frame, subject=ctx.home)  # a new paragraph starts from the article's place
        elif place_names().get(frame.subject or "") == "foreign":
            frame = replace(frame, subject=ctx.home)  # a partner country is the topic of its own sentence only
        frame = frame.new_sentence()
        qs = by_sentence.get(si)
        if qs:
            frame = _sentence(ctx, s, qs, frame, facts)
    return _fill_missing_metrics(text, from_to_pairs(text, growth_of_amounts(conversions(text, facts))))


def _cue_lead(text: str, clause: Piece) -> bool:
    """A clause that ends in a plan's cue and holds no number (专家预计，据初步预测，)."""
    words = text[clause.start:clause.end].rstrip(" ，,：:")
    return words.endswith(tuple(cues()["status"]["strong"])) and not any(ch.isdigit() for ch in words)


def _fill_missing_metrics(text: str, facts: list[Fact]) -> list[Fact]:
    """A headline number with no name of its own (首次跻身全国前三) is named where the
    body states the same figure again; an amount a place ranks by (陕西省以113.36亿元暂列旅游总收入
    排行榜第一名) is named by the rank right after it."""
    out = []
    next_named: dict[tuple, str] = {}  # (kind, value) -> metric of the next fact that has one
    after: Fact | None = None  # the fact after this one
    for f in reversed(facts):
        if not f.metric:
            later = next_named.get((f.kind, f.value))
            if later is None and after is not None and after.kind == "rank" and after.metric \
                    and _RANKED_BY.search(text, max(0, f.start - 2), f.start) \
                    and after.start - f.end <= _RANKED_BY_GAP and not _STOP.search(text, f.end, after.start):
                later = after.metric
            if later is not None:
                f = msgspec.structs.replace(f, metric=later, metric_from="frame")
        elif f.value == f.value:  # NaN equals nothing, as in a pairwise comparison
            next_named[(f.kind, f.value)] = f.metric
        out.append(f)
        after = f
    out.reverse()
    return out


# Why: 以 right before an amount, a rank a few words after it: the amount is what the place ranks by.
_RANKED_BY = regex.compile(r"以\s*$")
_RANKED_BY_GAP = 16
_STOP = regex.compile(f"[{regex.escape(SENTENCE_ENDS + CLAUSE_ENDS)}]")


class _Sentence:
    """What one sentence's clauses share: its span, its status cues (read once) and its numbers."""

    def __init__(self, ctx: ArticleContext, s: Piece, clauses: list[Piece], qs: list[Quantity], facts: list[Fact]):
        self.ctx, self.s, self.qs, self.facts = ctx, s, qs, facts
        # a clause that opens with a time of its own starts a new stretch for status cues: 预计全年出口增长8%，1-10月
        # 出口已增长7.2% (预计 does not reach the result beside it; 专家预计，下半年…: a lead alone reaches on)
        self.scopes = [s.start] + [c.start for prev, c in zip(clauses, clauses[1:])
                                   if _opens_with_period(ctx, c.start) and not _cue_lead(ctx.text, prev)]
        self.cues: dict[int, StatusCues] = {}
        starts = [q.start for q in qs]
        self.starts = starts if all(a <= b for a, b in zip(starts, starts[1:])) else None

    def numbers_in(self, clause: Piece) -> list[Quantity]:
        if self.starts is None:  # not in order: look each clause's numbers up one by one
            return [q for q in self.qs if clause.start <= q.start < clause.end]
        return self.qs[bisect.bisect_left(self.starts, clause.start):bisect.bisect_left(self.starts, clause.end)]

    def status(self, offset: int, period) -> str:
        i = bisect.bisect_right(self.scopes, offset) - 1
        start = self.scopes[i]
        if start not in self.cues:
            end = self.scopes[i + 1] if i + 1 < len(self.scopes) else self.s.end
            self.cues[start] = StatusCues(self.ctx.text, start, end)
        strong, weak = self.cues[start].before(offset)
        # (an item of a list a line of plans announced: 主要预期目标安排如下： ——地区生产总值增长8%左右)
        return status_from_cues(strong or self.ctx.in_target_list(offset), weak, period, self.ctx.published)

    def emit(self, q: Quantity, metric, subject, period, versus, inherited: bool) -> None:
        text, s = self.ctx.text, self.s
        if s.end - s.start <= _SENTENCE_MAX:
            sentence = text[s.start:s.end]
        else:
            half = _SENTENCE_MAX // 2
            sentence = text[max(s.start, q.start - half):min(s.end, q.end + half)]
        if q.kind == "value" and q.unit == "倍" and versus and q.value is not None:
            # 为全国的1.4倍: the level is 140 % of the base's (H, Y, Z gold), not a count of 倍
            q = msgspec.structs.replace(q, kind="percent", value=round(q.value * 100, 10), unit="%")
        if q.kind == "percent" and q.value is not None and q.value < 0 and versus is None \
                and any(w in (metric or "") for w in cues()["metric"]["negative_rate_is_growth"]):
            # 人口自然增长率-1.35‰: a rate of growth below nought is a change; a negative margin or share stays one
            # (毛利率-26.48%, 委托贷款占比-8.8% of a social financing increment)
            q = msgspec.structs.replace(q, kind="growth")
        goal_of = goal_of_amount(metric) if q.kind in ("percent", "growth") and versus is None else ""
        if q.kind == "percent" and versus is None and metric and (names_growth_rate(metric) or goal_of):
            # 广东（3.3%） in a sentence on GDP同比增速; 海南为9.5%左右 under 各地GDP目标: a % of an amount's goal: its growth
            q = msgspec.structs.replace(q, kind="growth")
        before = text[max(s.start, q.start - _AS_OF_LOOK):q.start]
        if (q.kind in ("growth", "pp") or q.kind == "value" and metric and metric.startswith("年均")) and "均" in before \
                and (average := average_words(clause_before(text, q.start)) or average_words(metric or "")):
            # (年均新增旅游就业人数100万人: a flow's average; 从两年平均增速看,…以7.1%居首: the topic's average)
            if metric and average not in metric:
                # 两年平均增长6.7%: another series than the year's growth, named with its verb as the releases name it
                # (GDP年均增长, 固定资产投资两年平均增长: BI, BW, CK, DC, JO, JP, OV, PH gold; a bare 年均 left dangling)
                verb = next((v for v in cues()["metric"]["average_verbs"] if before.endswith(average + v)), "") \
                    if q.kind == "growth" else ""  # (两年平均提高1.2个百分点: the gap of the average rate, no verb)
                metric += average + verb
            period = years_averaged(average_span(period, self.ctx.published), average)  # 两年平均: 2020-2021
            if average == "年均":  # 年均增长8.6% after 从2011年…到2016年: the years averaged over
                period = past_average_span(period, text[max(0, q.start - _PLAN_LOOK):q.start], self.ctx.published)
        period = year_to_end(period, metric, q.kind, before)  # 截至7月底全县工业总产值: January to July
        if q.kind == "value":  # 到2025年，风电新增约1100万千瓦 under “十四五”: the plan's years
            period = plan_increment_span(period, metric, text[max(0, q.start - _PLAN_LOOK):q.start])
        if metric and q.kind in ("growth", "pp") and period is not None and period.start \
                and (m := _year_base_before().search(before)) and int(m.group("y")) < int(period.start[:4]) - 1 \
                and m.group("y") not in metric:
            # 接待游客比2019年同期增长5.05% in 2021: a base before the year before makes another series
            metric += m.group("mark") + m.group("y") + "年同期"
        if q.text.startswith("连续") and q.unit in ("个月", "年") and q.value:
            # 连续16个月, 连续5年: the months or years the streak covers
            period = streak_period(period, int(q.value) * (12 if q.unit == "年" else 1),
                                   since=bool(period) and is_since(period.text))
        status = "target" if named_goal(text, q.end) or goal_of else self.status(q.start, period)
        if status == "target" or _yearly_indicator(metric, q):
            # 今后五年…突破3000亿元, 过去五年…全省生产总值达到4.5万亿元左右: the level of the span's last
            # year (not a sum the years make: 过去十年…收到转移支付超过2万亿元)
            period = target_level_year(period, q.kind, q.text, lambda: clause_before(text, q.start))
        metric = self.ctx.without_company(metric, subject)
        self.facts.append(Fact(
            id=fact_id(q), text=q.text, start=q.start, end=q.end, kind=q.kind, value=q.value, unit=q.unit,
            qualifier=q.qualifier, metric=metric or None,
            metric_from=("frame" if inherited else "own") if metric else None, subject=subject, period=period,
            status=status, versus=versus, sentence=sentence))


def _listed_names(name: str) -> int:
    """How many names a list written 'A、B和C' holds when its last 和 joins two (运输总周转量、旅客运输量和
    货邮运输量: 3; the caller also takes it as one name: 社会保障和就业); 0 without 、."""
    if "、" not in name:
        return 0
    last = name.rsplit("、", 1)[1]
    return name.count("、") + 1 + int(any(j in last[1:] for j in _LAST_JOINS))


# the words that join the last name of a list to the one before it (…旅客运输量和货邮运输量)
_LAST_JOINS = ("和", "及")


@cache
def _year_base_before() -> regex.Pattern:
    return regex.compile(cues()["metric"]["year_base_before"])


def _yearly_indicator(metric: str | None, q: Quantity) -> bool:
    """`metric` is a statistical indicator counted by the year (生产总值, 社会消费品零售总额) for a figure
    of its kind and unit: a level of it reached over several years is its level in the last."""
    if not metric or q.kind not in ("value", "rank"):
        return False
    from ..indicators.matcher import match_metric  # noqa: PLC0415  (the catalogue loads on first use)

    return match_metric(metric, kind=q.kind, unit=q.unit).indicator is not None


# Why: how far back a five-year plan's name (“十三五”时期…) still dates the average rates of its review.
_PLAN_LOOK = 1500
# Why: a stock's verb (共有, 累计共设) stands before its number in the same sentence, within a clause or two.
_AS_OF_LOOK = 48


def _opens_with_period(ctx: ArticleContext, start: int) -> bool:
    i = bisect.bisect_left(ctx.cut_starts, start)
    return i < len(ctx.cut_starts) and ctx.cut_starts[i] == start


def _sentence(ctx: ArticleContext, s: Piece, qs: list[Quantity], frame: Frame, facts: list[Fact]) -> Frame:
    clauses = split_clauses(ctx.text, s)
    sentence = _Sentence(ctx, s, clauses, qs, facts)
    topic = None
    for clause in clauses:
        if topic is None and ctx.text.startswith(_BREAKDOWN, clause.start):
            topic = frame.subject  # 其中，宁波港域…: a part of the topic, for this sentence only
        frame = _clause(sentence, clause, frame)
    if topic is not None:
        frame = replace(frame, subject=topic)
    return frame


def _clause(sentence: _Sentence, clause: Piece, frame: Frame) -> Frame:
    """The numbers of one clause, each with the words between it and the one before."""
    ctx = sentence.ctx
    cq = sentence.numbers_in(clause)
    if not cq:
        words = ctx.cut(clause.start, clause.end)
        if (place_pattern().search(words[:12]) or port_pattern().search(words[:12])) \
                and not _comparison_clause().match(words.strip()):  # 与全国、全省相比: benchmarks, no subject
            cw = M.read_window(words)
            if cw.subject:
                frame = replace(frame, subject=ctx.subject_name(cw.subject))
        if not M.may_state_topic(words) and ctx.text[clause.start:clause.end].lstrip().startswith("从"):
            words = "从" + words.lstrip()  # 从上半年各省份的国内生产总值增速看: the cut period took the 从 with it
        if M.may_state_topic(words) and (topic := M.stated_topic(M.peel(words)[0]) or M.stated_topic(words)):
            frame = frame.named(topic, "value")  # 在人口出生率方面，东北三省再次垫底，…分别为…: the figures' thing
        elif heading := M.list_heading(words, ctx.text[clause.end:clause.end + 1] in ":："):
            frame = frame.named(heading, "value")  # 各市GDP增速分别为:杭州12.3%、…: the listed figures' thing
        elif best := M.superlative_measure(words):
            # 安徽省成为接待游客总数最多的省份,达4294.84万人次: the place's figure of it (this sentence's only)
            frame = frame.named_here(best, "value")
        return replace(frame, last_clause=words)
    frame = replace(frame, prev_clause=frame.last_clause, last_clause="", clause_metric="")
    if place_names().get(frame.subject or "") == "foreign":
        # 美国为我国第三大贸易伙伴，中美贸易总值为1.42万亿元: the partner is the subject of its rank only, its trade the place's
        frame = replace(frame, subject=ctx.home)
    if frame.prev_clause and (topic := M.stated_topic(frame.prev_clause)):
        frame = frame.named(topic, "value")  # 从GDP同比增速来看，共有21个省份增速高于…: the figures' thing
    slots = clause_slots(ctx.cut, clause.start, cq)
    list_ends = numbers_list_ends(ctx.text, cq)
    for chain in chains(slots):
        head = slots[chain[0]]
        if frame.consumed_to > head.after_start:  # the name after the last count is not ours (unless it acts: doer_start)
            raw = ctx.cut(M.doer_start(ctx.text, min(frame.consumed_to, head.q.start), head.q, frame.counted[1]), head.q.start)
            slots[chain[0]] = Slot(head.q, raw, M.read_window(raw, head.q.kind), head.after_start)
        frame = _chain(sentence, clause, slots, chain, frame, list_ends)
    return frame


def _chain(sentence: _Sentence, clause: Piece, slots: list[Slot], chain: list[int], frame: Frame,
           list_ends: list[int]) -> Frame:
    ctx, text = sentence.ctx, sentence.ctx.text
    head = slots[chain[0]]
    w = head.window
    metrics = subjects = versus_carry = None
    listed_from_frame = False
    if len(chain) >= 2 and (w.respective or not w.metric or split_compound(w.metric, len(chain))
                            or len(chain) in (w.metric.count("、") + 1, _listed_names(w.metric))):
        # (A、B、C的贸易额为x、y、z: as many listed items as figures in a run is 分别 unsaid)
        group, frame = respective(ctx, frame, sentence.s, clause, head.q, head.raw, len(chain))
        if group is not None:
            metrics, versus_carry, subjects = group.names, group.versus, group.subjects
            listed_from_frame = group.inherited
    months = _listed_months(sentence, head.q, len(chain)) if len(chain) >= 2 and not subjects \
        and len(set(metrics or ())) <= 1 else None
    if months is None and head.window.respective and not subjects and len(set(metrics or ())) <= 1:
        # 2025-2027年…分别为83.2/102.2/118.2亿元 (not 生产总值、财政总收入…分别增长: a figure per name, not per year)
        own = ctx.periods.period_at(head.q.start)
        months = year_by_year(own, len(chain)) or month_by_month(own, len(chain), text[sentence.s.start:head.q.start])
    for k, i in enumerate(chain):
        q = slots[i].q
        own = slots[i] if i == chain[0] else Slot(q, "", w, slots[i].after_start)
        wi = own.window
        period = ctx.periods.period_at(q.start, slots[i - 1].q.end if i else clause.start)
        if months:
            period = months[k]  # 5、6月份进出口环比分别增长3.9%、0.3%: each its own month
        if q.kind == "number":
            # a bare figure is kept only when its metric implies a measure word (游客 -> 人次)
            name = wi.metric if i == chain[0] else ""
            unit = implied_unit(name)
            if unit is not None:
                sentence.emit(msgspec.structs.replace(q, kind="value", unit=unit), name, frame.subject, period, None,
                              False)
            continue
        if wi.subject and i == chain[0] and not subjects:
            # (a place named again is this figure's, not the list's before it: …分别增长…；东盟对华投资增长6.4%)
            frame = replace(frame, subject=ctx.subject_name(wi.subject), listed_subject=None)
        elif subjects and i == chain[0]:
            # 黔东南州、黔南州…分别为15%、14.8%，排全省前两位: each figure's place is its own, a later figure
            # of the sentence is of them all; the next sentence goes back to the topic before the list
            frame = replace(frame, listed_subject="、".join(dict.fromkeys(subjects)))
        hosted = host_item(own.raw, wi, q, frame.host_run, frame.last_metric, i == 0, text[max(0, clause.start - 4):clause.start]) \
            if i == chain[0] and not metrics and not subjects else None
        if hosted:
            # 接待游客分别为天水麦积山风景名胜区10.9万人次、…临潭冶力关4.89万人次: the site hosted them
            host, metric = hosted
            frame = replace(frame, subject=ctx.subject_name(host), listed_subject=None, last_metric=metric,
                            clause_metric=metric)
            frame = frame.named(metric, q.kind)
            inherited = True
        elif metrics:
            metric, inherited = M.drop_place_group(metrics[k]), listed_from_frame
        else:
            metric, frame, inherited = M.metric_of(text, q, wi, own.raw, frame, list_ends[i])
        if i == chain[0] and counts_hosts(q):
            frame = replace(frame, host_run=bool(hosted or site_subject(wi.subject) or names_host(metric)))
        versus = versus_of(text, q, wi, head.raw) or versus_carry
        if versus and len(chain) >= 2 and (each := _listed_versus(versus, len(chain))):
            versus = each[k]  # 分别高于全国、全省1.2和0.6个百分点: one benchmark per figure
        whole = whole_fact_of_part(text, q.start, sentence.facts)  # (其中…: a part of the fact before; 存款余额: at its end)
        period = summed_like_whole(text, period, whole or last_of(sentence.facts, sentence.s.start, metric)) \
            or period_of_measure(period, metric, q.kind, versus, text[clause.start:q.start], whole and whole.metric or "",
                                 event=lambda day, at=q.start: ctx.periods.event_holding(day, at), unit=q.unit, published=ctx.published)
        big = q.text.endswith("大") or text[q.end:q.end + 1] == "大"  # 第一大投资来源地
        if q.kind == "rank" and big:
            skip = q.end + (0 if q.text.endswith("大") else 1)
            if after := M.role_after_rank(text[skip:skip + 24], own.raw, bool(wi.metric)):
                metric, versus = after, after
        if q.kind == "rank" and versus is None:
            versus = rank_field(text, q, sentence.s.start)
        versus_carry = versus
        subject = subjects[k] if subjects else frame.listed_subject or frame.subject
        if not subjects and not (wi.subject and i == chain[0]) and M.in_brackets_after_name(text, q) \
                and (name := M.bracket_name(text, q)):
            subject = ctx.subject_name(name)  # 、清明上河园(30.95万人次): each bracketed figure is its name's
        if q.kind == "percent" and wi.share in ("占", "占比") and versus is None:
            versus = whole_of(frame.subject, ctx.region)  # 占11.5%: the whole the sentence implies
        if q.kind == "percent" and not wi.share and versus is None and metric and metric == frame.share_metric:
            versus = frame.share_versus  # 预计年底达到13%: the share named before, of the same whole
        elif q.kind == "percent" and wi.share:
            frame = replace(frame, share_versus=versus)
        if k and q.qualifier == "exact" and slots[chain[0]].q.qualifier == "approx" \
                and slots[chain[0]].q.text.startswith(("约", "近", "大约")):
            q = msgspec.structs.replace(q, qualifier="approx")  # 约A、B: 约 covers the list
        sentence.emit(q, metric, subject, period, versus, inherited)
    return frame


@cache
def _comparison_clause() -> regex.Pattern:
    return regex.compile(cues()["grammar"]["comparison_clause"])


@cache
def _list_split() -> regex.Pattern:
    return regex.compile("、|" + alternation(cues()["grammar"]["list_joins"]))


def _listed_versus(versus: str, n: int) -> list[str] | None:
    """全国、全省 (or 上半年、前三季度) before two figures: one benchmark each, in order; None unless n
    places or n times."""
    parts = [x for x in _list_split().split(versus) if x]
    if len(parts) != n or not (all((m := match_place(x)) is not None and m.end() == len(x) for x in parts)
                               or all(period_grammar().fullmatch(x) for x in parts)):
        return None
    return parts


def _listed_months(sentence: _Sentence, q: Quantity, n: int):
    """The months listed one by one before a list of n figures, each its figure's period (the year is
    the one the first figure's own period has, else the published year), or None."""

    def year() -> int | None:  # asked only when a list of months stands before the figures
        own = sentence.ctx.periods.period_at(q.start)
        if own is not None and own.start:
            return int(own.start[:4])
        published = sentence.ctx.published
        return published.year if published is not None else None  # a release's months are its year's

    # a sentence opening with 其中 goes on with the months of the one before it
    start = sentence.ctx.periods.frame_start(sentence.s.start)
    return listed_months(sentence.ctx.text, start, q.start, n, year) or sentence.ctx.periods.listed_run(start, q.start, n)


__all__ = ["assemble", "fact_id"]
