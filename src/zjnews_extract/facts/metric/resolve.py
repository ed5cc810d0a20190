"""The metric of one number: its own name when its words give one, else the one its frame
carries (ellipsis), with the share or change it states appended.

Order: a count takes the noun after it when its own words end open (组织4637个团组) or
give none; a generic head (规模, 增速) takes the thing it belongs to; a name given
outright becomes the frame's for later numbers; a number with no name of its own takes
the noun that ended the clause before, the sentence's last share (for a gap in points),
or the last metric named.
"""
from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import regex
from msgspec.structs import replace

from ...records import Quantity
from .. import words
from ..lexicon import alternation, cues, match_place
from .partners import partner_flow
from .pronoun import partner_for_pronoun
from ..versus import normalise_versus
from .heads import head_of, is_junk, measurable, names_entity, part_measure, without_basis
from .instrument import instrument_noun, linked_noun
from .nouns import (ends_open, has_verb, is_body, is_generic, is_place_class, leading_noun, milestone_nouns, moved_only,
                    noun_after, object_of_verb, object_swapped, set_defined_after, share_modifier)
from .bodies import names_indicator, part_before, part_named, population_named
from .phrases import joined
from .siblings import sibling_name, topic_kind_name
from .bracketed import bracketed_metric
from .share_after import share_named_after
from .streak import streak_name
from .aspects import aspect_name
from ..parts import within_whole
from .contribution import contribution, lifting_doer
from .window import Window, drop_place_group, firm_said_before, patterns, peel
from .owners import benchmark_place
from .topics import clause_topic, gap_nouns
from .wholes import grown, whole_measure
from ..tables.labels import is_measure as names_measure

if TYPE_CHECKING:
    from ..frames import Frame

_MONEY = ("CNY", "USD", "EUR", "HKD", "JPY")


def metric_of(text: str, q: Quantity, w: Window, raw: str, frame: "Frame",
              list_end: int) -> tuple[str, "Frame", bool]:
    """The metric of `q`, the frame after it, and whether the metric came from the frame (an
    earlier clause or sentence) rather than the number's own words; `list_end` is where the list
    of numbers that `q` belongs to ends (3个、5个和7个项目: the noun after the list is each one's)."""
    counts = q.kind == "value" and q.unit not in (None, "%", "pp", "ratio", *_MONEY)  # (a ratio counts nothing)
    base_before = frame.base  # (the partner of a trade named before: partners.py)
    if q.text.startswith("连续"):
        return streak_name(text, q, w, frame)  # 货物吞吐量连续15年位居世界第一: the thing's record
    if counts and not w.share and not w.change and (not w.metric or is_junk(w.metric) or ends_open(raw)) \
            and (defined := set_defined_after(text[list_end:list_end + 32],
                                              q.unit if q.unit and is_place_class(q.unit) else "",
                                              object_of_verb(raw))):
        # 7家公司营收和净利双降, 有59个县(市)增速高于全省平均增速: the set the predicate defines,
        # a name of this count alone (the figures after it are of the sentence's thing: 6个省份主营业务收入
        # 同比增长，增速较快的江西、安徽分别增长13.5%和12% -> 主营业务收入)
        predicate, _, counted = defined.rpartition("的")
        if moved_only(predicate) and is_body(counted):
            if (topic := frame.last_metric or frame.base) and measurable(topic) and not is_generic(topic) \
                    and not any(m in topic for m in cues()["period"]["base_marks"]):
                defined = topic + defined  # 10个省份同比增长 after 房地产开发投资…: the places where that measure grew
            return defined, replace(frame, count_set=defined), False
        frame = replace(frame, count_set=defined)
        if (thing := peel(defined.rsplit("的", 1)[0])[0]) and measurable(thing) and not is_generic(thing) \
                and not any(ch.isdigit() for ch in thing):  # (旅游总收入超过200亿元: a threshold, no measure's name)
            frame = frame.named(thing, "value")
        return defined, frame, False
    if counts and w.change and not w.metric and frame.count_set:
        return frame.count_set + w.change, frame, True  # …的县(市)，比一季度增加了9个: the same set's change
    if (bracketed := bracketed_metric(text, q, raw, frame)) is not None:
        return bracketed
    if q.kind == "rank" and raw.lstrip().startswith(("(", "（")) and frame.clause_metric:
        # 峨眉山门票收入2208.67万元(列全省旅游排名第一位): a bracket right after a figure ranks that figure
        return frame.clause_metric, frame, True
    if (whole_after := share_named_after(text, q)) is not None:  # 27.7%的游客出行目的为…: the noun after it
        named = dict.fromkeys(("clause_metric", "last_metric", "share_metric"), whole_after)
        return whole_after, replace(frame, **named), False
    name, inherited, frame = _own_name(text, q, w, raw, frame, list_end, counts)
    name = name if w.subject else partner_flow(name, base_before, text, q.start)  # 其中出口…: 对东盟出口
    if (aspects := aspect_name(name, raw, frame.last_metric)) is not None:
        name, inherited = aspects, True  # 生产总值…，总量和增幅均列全市第三
    if counts and frame.counted[0] == q.unit and _names_level(w.metric) and frame.counted[1] not in (name or ""):
        name, inherited = w.metric + frame.counted[1], True  # 其中：省级6项 after 重点工程项目共30项
    if w.base_led and name and frame.last_metric and frame.last_metric.endswith(name) and frame.last_metric != name:
        name, inherited = frame.last_metric, True  # 净利润15546.88万元,较2012年度净利润增长19.62%: the same thing's
    if name in _average_words() and frame.last_metric and not frame.last_metric.startswith(name):
        name, inherited = name + frame.last_metric, True  # 累计14.67亿人次，日均2.93亿人次: the same measure's average
    if name and not inherited and not w.share and (fuller := sibling_name(name, frame.bases, bool(w.subject))):
        name, inherited = fuller, True  # 汽车产量131.27万辆…；销量119.47万辆: the car's 销量
    elif name and not inherited and not w.share and not w.subject \
            and (fuller := topic_kind_name(name, frame.prev_clause)):
        name, inherited = fuller, True  # …乘用车销售结束了去年的下降趋势，销售量达到…: that thing's 销售量
    if not (counts and _scope_count(text, q, raw)):
        frame = _remember(name, q, w, raw, frame, counts)  # 在…的13个省区市中: a set, no thing later figures measure
    if not name:
        name, inherited, frame = _frame_name(q, w, frame, counts)
    frame = replace(frame, clause_metric=name if not w.share and not w.change else "", last_metric=name)
    if w.share:
        share = w.share.rstrip("的")
        # 进出口3975.9亿元，下降8%，占22.7%: a bare 占 of the whole the sentence implies is the part's 占比
        share = cues()["metric"]["bare_share_name"] if share == "占" else share
        # (为去年同期的92.49%: a share of the base time, the versus, names nothing more than the thing)
        share = "" if not patterns()["base_tail"].sub("", share) and not any(c.isdigit() for c in share) else share
        ends = (share, *cues()["metric"]["share_endings"])
        name = (name or "") + ("" if name and name.endswith(ends) else share)  # (…占比，占比较去年同期提升: once)
        frame = replace(frame, share_metric=name)
    if w.change:
        name = (name or "") + w.change
    if w.rate_head and w.rate_head not in name:
        # 增速较上年同期加快0.5个百分点: the growth rate's gap (生产总值(GDP) -> 生产总值增速: the gloss
        # of a name is no part of its rate's)
        name = _GLOSS_END.sub("", name or "") + w.rate_head
    name = drop_place_group(name)
    if name and (gloss := _GLOSS_END.search(name)) and gloss.start() >= 2:
        name = name[:gloss.start()]  # 地区生产总值(GDP): the abbreviation glosses the name, one series
    if name and name.endswith(_TOPIC_MARK) and len(name) > len(_TOPIC_MARK) + 1:
        name = name[:-len(_TOPIC_MARK)]  # 外省客源方面，上海市(2.79%)…: a topic's marker, no part of a name
    if name and "、" in name:
        name = _after_doers(name)
    if name and (among := name.rfind("中的")) >= 2 and len(name) - among - 2 >= 2:
        name = name[among + 2:]  # 一般公共预算收入中的税收收入: the part named after the whole it is in
    if name and len(name) <= 2 and is_junk(name) and not (counts and is_place_class(name)):
        name = ""  # 占 with nothing before it: no metric rather than a word that names nothing (全省17个市州: a count's class)
    if name and "其" in name:
        name = partner_for_pronoun(name, text[max(0, q.start - 80):q.start])  # 对其进出口: with the partner before
    return name, frame, inherited


@cache
def _stated_rate() -> regex.Pattern:
    return regex.compile(rf"(?P<rate>{alternation(cues()['metric']['growth_rate_heads'])})(?:为|达|是|达到)?$")


@cache
def _average_words() -> frozenset[str]:
    return frozenset(cues()["metric"]["average_words"])


def _after_doers(name: str) -> str:
    """公园、景区和特色街区共接待游客 -> 接待游客: what a listed group did together, after its 共."""
    ws = words.words(name)
    marks = cues()["metric"]["together_marks"]
    at = next((i for i in range(len(ws) - 1, 0, -1) if ws[i][0] in marks), None)
    if at is None or not any(w == "、" for w, _ in ws[:at]):
        return name
    rest = "".join(w for w, _ in ws[at + 1:])
    return rest if len(rest) >= 2 else name


_TOPIC_MARK = "方面"
_GLOSS_END = regex.compile(r"[（(][A-Za-z0-9]{1,6}[)）]$")


@cache
def _physical_units() -> frozenset[str]:
    from ...data import load_toml  # noqa: PLC0415

    return frozenset(load_toml("quantity_units.toml")["physical"].values())


def _physical(unit: str | None) -> bool:
    """A physical unit (千公顷, 吨, 千瓦时): an amount of a thing, not a count of entities."""
    return unit in _physical_units()


def _linked_measure(text: str, q: Quantity, raw: str) -> str:
    """29.85%的市占率, 按65%的分红比例, 9.6%的GDP增速: the measure the figure's 的 links it to, or "" where the noun
    after 的 is no measure of the figure's own."""
    linked = linked_noun(text, q.end)
    if not linked or q.kind == "rank":
        return ""  # (排名前10名的住宅用地 are the things ranked, 成交总价 what ranks them)
    if (place := match_place(linked)) and place.start() == 0:
        return ""  # 高于4.8%的全国水平: the benchmark's label, no measure
    if q.kind == "percent" and not linked.endswith(tuple(cues()["metric"]["linked_percent_heads"])):
        return ""  # 贡献了57%的利润: a share of the profit, not a measure called 利润
    if is_generic(linked) or linked in cues()["metric"]["rate_heads"]:
        # 已超去年全年7.09万亿元的规模, 低于上年2.9%的涨幅, 录得15.9%的跌幅: a bare 规模 or 涨幅 is the rate or size
        # of the thing named or framed before, not a measure of its own
        return ""
    if benchmark_place(raw):
        return ""  # 高于全国同期1.7%的两年平均增速: the place's figure of the sentence's thing, one series with it
    return linked


def _own_name(text: str, q: Quantity, w: Window, raw: str, frame: "Frame", list_end: int,
              counts: bool) -> tuple[str, bool, "Frame"]:
    """The name the number's own words give (with a head or a noun taken from around it)."""
    name, inherited = without_basis(w.metric), False
    if w.bare_verb and name and not frame.clause_metric and measurable(name) \
            and (doer := part_before(frame.prev_clause) if frame.prev_clause else part_named(frame.last_metric)):
        # 石油及制品商品石油零售增长明显，实现零售额122.7亿元; 基础设施建设业务仍然是营业收入的最大来源，
        # 全年实现营业收入…: the part the clause before opened with is who did it; 建设项目同比增长14.0%，
        # 完成投资额同比增长20.1%: the part the figure before was of
        name = joined(doer, name)
    elif name and not frame.clause_metric and (w.bare_verb or not w.subject) and measurable(name) \
            and (doer := firm_said_before(text, q.start)) and (w.bare_verb or population_named(doer, name)) \
            and (not names_indicator(name) or population_named(doer, name)):  # (…实现营业收入…，利润总额增长: too)
        # 全区规模以上工业企业实现利税27.56亿元,同比增长18.2%;实现利润20.98亿元: the population an earlier clause
        # of the sentence named did it too, and a bare 利润 needs it as 利税 did
        name = joined(doer, name)
    if name in _half_words() and not w.share and frame.base and measurable(frame.base):
        # 其中城市上涨4.6%，农村上涨5.7% after 居民消费价格: each half's own (城市居民消费价格)
        base = frame.base
        for half in _half_words():
            base = base.removeprefix(half)
        return name + part_measure(base, name), True, frame  # a part of a total is no total: 城镇消费品零售额
    linked = _linked_measure(text, q, raw)
    if (by := instrument_noun(text, q.end, raw) or linked) and not w.share and measurable(by):
        # (以292.1亿元开局: no measure; 29.85%的市占率, 按65%的分红比例: the noun the figure's 的 links it to)
        # 西藏以11.7%的增速位居首位: the noun after the figure names it; a generic one stays bare
        # unless the frame already is that rate (GDP增速 … 以6%的增速)
        full = frame.base if frame.base and frame.base.endswith(by) else by
        consumed = q.end + 1 + text[q.end + 1:].find(by) + len(by)
        # (以168亿元列旅游总收入排行榜第一: the list's name 排行榜 is read with the field, no benchmark of the rank)
        consumed += next((len(t) for t in cues()["metric"]["instrument_rank_tails"] if text.startswith(t, consumed)), 0)
        return full, False, replace(frame, consumed_to=consumed)
    if q.kind == "growth" and name and not measurable(name) and not is_junk(name) \
            and (rate := _stated_rate().search(raw.rstrip(" ，,：:"))):
        # 全年经济增速为6.8%: the rate word the tail dropped names what grew when nothing else does
        # (经济增速, not 经济 taken for a part of the GDP named before: 经济增加值)
        name += rate.group("rate")
    if name and is_junk(name) and not (counts and names_entity(name)):
        name = ""  # 省份, 报, 非常明显: no name of its own; the frame's is taken later
    elif name and not counts and not measurable(name) and not w.share and not w.change and not has_verb(name) \
            and (whole := within_whole(text, q.start)):
        name = joined(name, whole)  # 在限额以上…商品零售额中，粮油食品类增长15.7%: the sentence's whole, not the last measure
    elif name and (not counts or _physical(q.unit) and not names_measure(name)) and not measurable(name) \
            and not w.share and not w.change \
            and not has_verb(name) \
            and not name.endswith(gap_nouns()) \
            and measurable(whole := grown(frame, q)) and (head := head_of(whole)):
        # 其中农业41.51亿元 after 农林牧渔总产值, 钢材21343万吨 after 产品产量: a part's own; a group of
        # sites (沿海港口完成60990万吨 after 货物吞吐量) does the whole's measure, not a kind of it
        # (农村居民 + 居民人均可支配收入, 重工业 + 工业增加值: the words they share are said once)
        name = joined(name, whole_measure(whole) if name.endswith(tuple(cues()["metric"]["site_classes"])) else head)
    elif name and (not counts or _physical(q.unit) and not names_measure(name)) and not measurable(name) \
            and not w.share and not w.change and not has_verb(name) and frame.base \
            and (swapped := object_swapped(frame.base, name)):
        # 平均日产粗钢227.13万吨…；生铁198.78万吨: the measure of one thing, then another thing in its place
        name, inherited = swapped, True
    took_head = False
    if q.kind == "value" and not w.share and not w.change and frame.base and not measurable(name) \
            and (head := _generic_end(raw)):
        name, inherited = frame.base + head, True  # 远低于6月份的增幅9639亿元: the thing's 增幅
    elif q.kind == "value" and not w.share and frame.base:
        after = noun_after(text[q.end:q.end + 12])
        if took_head := is_generic(after):  # 远低于分析师预期的7800亿元增幅: the figure is the thing's 增幅
            inherited = not (measurable(name) and not is_generic(name))
            name = (name if not inherited else frame.base) + after
            frame = replace(frame, consumed_to=q.end + text[q.end:q.end + 12].find(after) + len(after))
    of_noun = text[q.end:q.end + 1] == "的"  # 272亿元的现金红利
    if q.kind == "value" and (not name or of_noun or ends_open(raw)) and not w.share and not w.change \
            and not took_head:
        after = noun_after(text[list_end:list_end + 24])
        if after.startswith(tuple(milestone_nouns())) \
                or any(g in after[:6] for g in cues()["metric"]["goal_nouns_after"]):
            # 站上1.4万亿斤台阶, 实现产销量1000万千升的宏伟目标, 以…的成绩分列全市前三: the milestone, the goal or
            # the result, not what is measured
            after = ""
        if after and raw.rstrip().endswith(tuple(cues()["metric"]["instrument_marks"])) and not measurable(after):
            after = ""  # 1月以292.1亿元开局: what the figure opened, no measure of it
        if after and (counts or of_noun or not name):
            open_ = ends_open(raw) or of_noun
            name = (name + after) if name and not open_ and len(name) <= 8 else after
            frame = replace(frame, consumed_to=text.find(after, list_end) + len(after))
    if name and name == w.metric and raw.lstrip().startswith("、") and frame.clause_metric and len(name) <= 3:
        # 新增“同线同标同质”企业155家、产品276种: 产品 shares the modifier of 企业
        name = share_modifier(frame.clause_metric, name)
    if name and is_generic(name) and frame.base:
        # 增速 after 从GDP同比增速来看: the base already is that rate
        name, inherited = _of_base(name, frame.base, q.kind), True
    elif name and is_generic(name) and frame.prev_clause and measurable(topic := clause_topic(frame.prev_clause)):
        name, inherited = _of_base(name, topic, q.kind), True  # 社会融资规模…实现显著跃升:2013年增量为4969亿元
    if q.kind == "pp" and (lift := contribution(raw)) and (doer := lifting_doer(name, frame, lift)):
        # 最终消费支出对经济增长的贡献率为64.8%，拉动GDP增长6.4个百分点: what lifted and what it lifted
        name, inherited = doer + lift, not w.metric or doer != w.metric
    return name, inherited, frame



def _of_base(head: str, base: str, kind: str) -> str:
    """A generic head (增速, 总量) of the thing named before: its rate (GDP增速), or for an amount, an
    amount word (总量, 金额) names the thing's amount itself (GDP)."""
    if base.endswith(head) or kind == "value" and head in _amount_words() or head in _level_words():
        return base  # (创下历史同期最好水平，增长31.5%: the thing's level is the thing)
    return base + head


@cache
def _level_words() -> frozenset[str]:
    return frozenset(cues()["metric"]["level_words"])


@cache
def _amount_words() -> frozenset[str]:
    return frozenset(cues()["metric"]["amount_words"])


@cache
def _half_words() -> tuple[str, ...]:
    return tuple(cues()["metric"]["half_words"])


def _names_level(name: str) -> bool:
    """省级, 市级, 国家级: a level of things, no thing of its own."""
    return 2 <= len(name) <= 3 and name.endswith(tuple(cues()["metric"]["level_endings"]))


def _remember(name: str, q: Quantity, w: Window, raw: str, frame: "Frame", counts: bool) -> "Frame":
    """The frame after a number that named its thing: later numbers may leave it out."""
    if counts and name and not _names_level(w.metric) and names_entity(name) and not is_junk(name):
        frame = replace(frame, counted=(q.unit, name))  # 重点工程项目共30项: what later counts of 项 may count
    if counts and "的" in name and is_junk(name.rpartition("的")[2]) and (inner := _thing_in_clause(name)):
        # 经济总量超过1万亿元的省份有10个，…广东130879亿元: the counted set is defined by a
        # quantity, and the amounts that follow are of that quantity
        return replace(frame.named(name, q.kind), amount_base=inner, base=inner)
    if name.endswith(gap_nouns()):
        return frame  # 江苏与广东之间的差距只有639.79亿元: a difference, never what later figures measure
    # (an amount of money or a growth names what it measures, whatever its words: 东盟实际到资17.5亿元，同比增长1.9倍,
    # 高技术制造业增长18.4%，较1月至9月提高0.6个百分点;
    # not words that end in a verb: 完成市政府下达19500万美元目标任务的77.69%)
    if name and (not w.share or q.kind == "percent") \
            and (measurable(name) or counts and not is_junk(name)
                 or (q.unit in _MONEY or q.kind == "growth") and not is_junk(name)
                 and not words.words(name)[-1][1].startswith("v")) \
            and not (w.change and w.change[:1] in "比较" and frame.bases):
        # 人民币贷款增加3459亿元: the thing, whatever its change; but a change against a base that
        # the sentence already named a thing for says it again in other words (单产385.6公斤/亩，
        # 每亩产量比2021年增加2.3公斤，增长0.6%: 0.6% is 单产's)
        # a part's name before its share (现代工业产业体系增加值占比91.6%，同比增长5.4%) is an amount's:
        # a growth after it is the part's; a pull (…拉动GDP增长) names no amount a growth could be of
        kind = "value" if w.share and q.kind == "percent" else "percent" if contribution(name) else q.kind
        frame = frame.named(name, kind)
        if alias := _alias(raw):
            frame = frame.named(alias, q.kind)  # 社会消费品零售总额(以下简称“社零总额”): the short name carries on
    return frame


def _frame_name(q: Quantity, w: Window, frame: "Frame", counts: bool) -> tuple[str, bool, "Frame"]:
    """The name a number with none of its own takes from its frame (ellipsis)."""
    if q.kind == "pp" and w.rate_head and frame.last_metric and not is_junk(frame.last_metric):
        # 火电增长6.3%，增速比10月份加快2.3个百分点: the rate just stated is the previous number's
        return frame.last_metric, True, frame
    if q.kind in ("value", "growth", "pp") and frame.clause_metric and not w.share and not is_junk(frame.clause_metric):
        # 利润指标稳步增长，实现净利润71.21亿元、同比增加6.24亿元: the figure before it in its own clause
        # named the thing; the figure-less clause before is only the paragraph's topic
        return frame.clause_metric, True, frame
    if frame.prev_clause and (topic := clause_topic(frame.prev_clause)):
        if is_generic(topic) and frame.base:
            topic = _of_base(topic, frame.base, q.kind)  # 诸暨市总量相对较高，以75.49亿元…: the thing's amount
        return topic, True, frame.named(topic, q.kind)  # 全国居民消费价格指数同比由涨转平；环比上涨0.2%
    if q.kind == "pp" and frame.share_metric and normalise_versus(w.versus) in (None, "去年同期") \
            and not w.rate_head:
        return frame.share_metric, True, frame  # 占全国份额11.1%，较去年同期提高1.1个百分点
    if q.kind == "percent" and frame.share_metric and not w.share:
        return frame.share_metric, True, frame  # 占…比重达到12.5%，预计年底达到13%: the same share
    name = frame.amount_base if q.kind in ("value", "growth", "rank") and frame.amount_base else frame.base
    if name and not counts and is_junk(name):
        name = ""  # 省份有10个 … 广东130879亿元: places counted before name no amount
    return name, True, frame


_SCOPE_END = regex.compile(r"[^，,。；;！？!?\n]{0,12}?(?:之)?中\s*[，,]")


def _scope_count(text: str, q: Quantity, raw: str) -> bool:
    """在已经公布数字的13个省区市中, 在三十八个县区中: a count that sets the field the clause's places
    are picked from or ranked in (the figures after it measure something else)."""
    return raw.lstrip(" ，,").startswith("在") and _SCOPE_END.match(text, q.end, q.end + 16) is not None


@cache
def _alias_pattern():
    marks = alternation(cues()["metric"]["alias_marks"])
    return regex.compile(rf"[（(](?:{marks})[“\"「]?(?P<a>[^”\"」（）()]{{1,12}})[”\"」]?[)）]")


def _alias(raw: str) -> str:
    m = _alias_pattern().search(raw)
    return m.group("a") if m else ""


def _thing_in_clause(name: str) -> str:
    """The quantity a relative clause defines its head by (经济总量超过1万亿元的省份 -> 经济总量)."""
    before = name.rpartition("的")[0]
    lead = leading_noun(before)
    return lead if lead and measurable(lead) and lead != before else ""


def _generic_end(raw: str) -> str:
    """A generic head (增幅, 规模) that ends the words before a number, before a linking verb."""
    ws = words.words(raw.rstrip(" ，,为是达到了"))
    return ws[-1][0] if ws and is_generic(ws[-1][0]) else ""
