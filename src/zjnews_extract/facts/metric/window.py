"""The words before a number, read: what names the metric, and what says besides it
(a leading place, a benchmark, the whole of a share, an absolute change, 分别).

The window is the clause text between the previous number (or the clause start) and
this number. Words that carry no name (periods, places, connectors, status cues,
growth verbs, qualifiers) are peeled off both ends; what is left names the metric. An
empty remainder means the sentence left the metric out (其中出口4.18万亿元、增长7.2%).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache, lru_cache
from types import SimpleNamespace

import regex

from .. import words
from ..lexicon import alternation, confirmed, cues, match_place
from .heads import drop_method_phrases, heads_suffixes, measurable, place_classes, without_predicate
from .labelled import labelled_item, without_class
from .peel import peel, peel_cache_clear, strip_single as _strip_single
from .bodies import (class_rate, close_brackets, host_name, is_kind_of_goods, is_named, is_timed, names_indicator,
                     population_named, site_list)
from .owners import benchmark_place, bracket_owner, firm_first
from .phrases import after_list, excludes, head_of_relative, joined, shorten, without_adverbs
from .nouns import drop_leading_verbs, is_generic, only_function_words
from ...text import Piece, split_clauses
from ..period.runs import sentence_start


@dataclass(frozen=True)
class Window:
    """The cleaned words before a number and what they say besides the metric."""

    metric: str  # what is left: the metric's own words (may be "")
    subject: str | None = None  # a place or body at the start (浙江, 经开区)
    versus: str | None = None  # benchmark of a gap, whole of a share, field of a rank
    share: str | None = None  # the 占-phrase of a share (占全国份额)
    change: str | None = None  # an absolute change phrase (比去年同期增加)
    respective: bool = False  # 分别: one metric per number of a list
    year_ago: bool = False  # 同比 / 较上年同期: the basis of a gap
    rate_head: str = ""  # a gap in points names the rate that changed (增速, 涨幅): kept in its metric
    bare_verb: bool = False  # 实现/完成 with no doer before it (…增长明显,实现零售额): the doer was said before
    base_led: bool = False  # 较2012年度净利润: the measure after a base time is the thing just named's



# Why: 为/是/相当于 X 的 right before a multiple (分别为全国的1.4倍和1.8倍): X's level is the base.
_RATIO_OF = regex.compile(r"(?:分别)?(?:是|为|相当于)(?P<v>[^，,；;的]{1,12})的$")


# Why: a gap whose words are only 、 and a place (…快于全省2.2个百分点、全国4.3个百分点) is the next
# benchmark of a list of gaps; (平均 after it: 、全国平均4.3个百分点).
_NEXT_BENCHMARK = regex.compile(r"^\s*[、和及]\s*(?P<v>\p{Han}{2,8}?)(?:平均水平|平均)?\s*$")


@cache
def _listed_place() -> regex.Pattern:
    """前10名的城市分别为广州(1005万人次)、北京…: the first listed place opens the list's first item."""
    m = cues()["metric"]
    return regex.compile(rf"(?:{alternation(m['list_order_marks'])})(?:{alternation(m['list_order_links'])})"
                         r"[:：]?(?P<v>\p{Han}{2,8})$")


@cache
def patterns() -> dict[str, regex.Pattern]:
    m = cues()["metric"]
    g = cues()["grammar"]
    status = cues()["status"]
    lead = list(m["lead_strip"]) + list(status["strong"]) + list(status["weak"])
    tail = list(m["tail_strip"]) + [w for w in status["strong"] if w not in status["nouns"]] + list(status["weak"])
    multi_lead = [w for w in lead if len(w) > 1]
    multi_tail = [w for w in tail if len(w) > 1]
    return {
        # list numbering in front of an item (1.地区生产总值…, （二）, 三、) is not part of a name;
        # 一、二、三产 is a list of labels (一产, 二产, 三产), no numbering
        "lead": regex.compile(r"^(?:\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、(?![一二三四五六七八九十](?:[、和及与]|产|次产业))"
                              r"|(?:19|20)\d{2}年同期"  # 2020年同期规模以上工业增加值: a time, not a name
                              rf"|{m['dateline_lead']}|{m['holiday_day_lead']}"
                              # (a lead word that forms a word with a one-character head after it stays: 完成率)
                              rf"|\s|[、，,：:；;（）()/／]|(?:{alternation(multi_lead)})(?!(?:{alternation(heads_suffixes())})$))+"),
        # (?r): matched from the end backwards, three times faster for a pattern anchored at $
        "tail": regex.compile(rf"(?r)(?:\s|[、，,：:；;（）()]|{alternation(multi_tail)})+$"),
        # brackets are asides (…(以下简称“社零总额”), (人民币,下同)), but an abbreviation in them
        # is part of the name: 广义货币供应量(M2), 居民消费价格指数(CPI)
        # a bracketed aside, and a note's mark (生产总值[2], 谷物[1]: see the notes under a bulletin)
        # (and a column's label in 【】 before a report: 【信息快报】, 【世界快播报】)
        # a bracket that bounds what is counted is part of the name too: 固定资产投资(不含农户), 基础设施投资(不含
        # 电力、热力、燃气及水生产和供应业) are indicators of their own
        "paren": regex.compile(rf"[（(](?![A-Za-z0-9]{{1,6}}[)）]|{alternation(m['scope_bracket_openers'])})[^（）()]{{0,60}}[)）]"
                               r"|\[\d{1,2}\]|［\d{1,2}］|【[^【】]{1,12}】"),
        # 规模连续9年居全球第一: how long a record has held is not part of what is ranked
        "streak": regex.compile(r"(?r)(?:已|已经)?连续(?:[\d一二两三四五六七八九十]{1,3}|多)(?:个)?"
                                rf"(?:{alternation(g['streak_units'])})$"),
        # 较疫情前的2019年同期: what a base year was is no part of the name (较2019年同期)
        "base_said": regex.compile(rf"(?<=比|较)[\u4e00-\u9fff]{{1,6}}?的(?=(?:19|20)\d{{2}}年)|{m['report_span']}"),
        "compare": regex.compile(rf"(?:{alternation(m['compare'])})(?P<v>.*)$"),
        "compare_after": regex.compile(rf"(?:(?<![同环对相占])比(?![重例率])|较)(?P<v>[^，,；;]{{2,16}}?)(?:{alternation(m['compare_after'])})$"),
        "progress": regex.compile(rf"(?P<share>(?:{alternation(m['progress_verbs'])})(?P<v>[^，,；;]{{0,6}}?"
                                  rf"(?:{alternation(m['progress_wholes'])})))(?:的)?$"),
        # (占有率 is a rate of its own, not 占 + what it is a share of)
        # 完成投资295.9亿元，为年投资计划的80%: a share of the whole named after 为 (as after 占)
        "share_of": regex.compile(r"(?:^|(?<=[，,\s]))为(?P<v>[^，,；;的为]{2,12})的?$"),
        "share": regex.compile(rf"(?P<share>占(?!有)(?P<v>[^，,；;]*?)(?:的)?(?:{alternation(g['share_nouns'])})?)(?:的)?(?:为|达|是)?$"),
        "change": regex.compile(
            rf"(?P<change>(?:(?:{alternation(m['compare_with_leads'])})[^，,；;]{{1,12}}?{m['compare_with_close']}"
            rf"|(?:比|较)[^，,；;]{{0,12}}?|{alternation(m['change_bases'])})?(?:{alternation(m['change_verbs'])}))了?$"),
        "rank": regex.compile(rf"(?:{alternation(cues()['versus']['rank_marks'])})(?P<v>[^，,；;]*)$"),
        "year_ago": regex.compile(alternation(cues()["versus"]["year_ago"])),
        "respective": regex.compile(alternation(g["respective_marks"])),
        # the patterns facts_cues.toml [metric] writes out whole, under their own names
        **{name: regex.compile(m[key]) for name, key in (
            ("base_tail", "base_tail"), ("base_lead", "base_lead"), ("share_said_as", "share_said_as"),
            ("share_named", "share_named_in_bracket"), ("recovery", "recovery_share"),
            ("visitor_origin", "visitor_origin"), ("forecaster_verb", "forecaster_verb"), ("base_list", "base_list"),
            ("rank_tail", "rank_tail"), ("transition_tail", "transition_tail"), ("from_time_tail", "from_time_tail"),
            ("time_inside", "time_inside"), ("rank_lead", "rank_lead"))},
        "rank_role_apposition": regex.compile(cues()["versus"]["rank_role_apposition"]),
        "rank_field_before": regex.compile(cues()["versus"]["rank_field_before"]),
        "rank_field_end": regex.compile(cues()["versus"]["rank_field_end"]),
        "rank_field_tail": regex.compile(cues()["versus"]["rank_field_tail"]),
        "rank_table": regex.compile(rf"(?:{alternation(cues()['versus']['rank_tables'])})$"),
        # (not 投资完成率, 计划完成额: the verb and a one-character head after it are one word, a rate or amount)
        "predicate": regex.compile(rf"^.*?(?:{alternation(m['predicates'])})(?=.)(?!(?:{alternation(heads_suffixes())})$)"),
        "channel": regex.compile(alternation(m["channel_marks"])),
        "predicate_word": regex.compile(rf"(?:{alternation(m['predicates'])})$"),
        "part_doer": regex.compile(rf"(?:{alternation(m['part_doer_heads'])})$"),
        "company": regex.compile(rf"(?:{alternation(m['company_heads'])})$"),
        "firm_kind": regex.compile(rf"(?:{alternation(m['firm_kind_heads'])})$"),
        "population": regex.compile(rf"(?:{alternation(m['firm_populations'])})"),
        "host": regex.compile(rf"^(?P<doer>.+?)(?=(?:{alternation(m['host_verbs'])}))"),
        "host_time_tail": regex.compile(rf"{m['host_time']}$"),
        "host_time_head": regex.compile(rf"^{m['host_time']}"),
        "host_list_tail": regex.compile(m["host_list_tail"]),
        "gap_filler": regex.compile(rf"(?r)(?:\s|{alternation(m['gap_fillers'])})+$"),
        "gap_change": regex.compile(rf"(?r)(?:{alternation(m['compare_after'])})$"),
        "gap_base": regex.compile(r"(?:(?<![同环对相占])比(?![重例率])|较|与)(?P<v>[^，,；;比较]{1,16})(?:相比)?$"),
        "place_group": regex.compile(
            rf"^(?:[一二两三四五六七八九十\d]{{0,3}}(?:{alternation(m['place_group_marks'])})"
            rf"(?:{alternation(m['place_group_kinds'])})?|[一二两三四五六七八九十\d]{{0,3}}"
            rf"(?:{alternation(m['place_group_kinds'])}))"
            rf"(?:{alternation(place_classes())})(?:{alternation(m['place_group_links'])})?"),
        "rate_head": regex.compile(rf"(?r)(?:{alternation(m['rate_heads'])})$"),
        "exclusion": regex.compile(m["exclusion_lead"]),  # 除河北、新疆外的: who is left out, anywhere
        "report_frame": regex.compile(m["report_frame"]),  # 海关公布…: who released the figure
        "benchmark_figure": regex.compile(rf"(?:{alternation(m['figure_of_benchmark'])})"),
        "benchmark_tail": regex.compile(rf"^(?:{alternation(m['figure_of_benchmark_tail'])})?(?:的|[（(])?\s*$"),
    }


def _field(text: str) -> str:
    """The benchmark or field named after 高于 / 居: only end words are dropped, places stay."""
    p = patterns()
    text = p["paren"].sub("", text)
    whole = text.strip(" ，,、：:；;")
    for _ in range(4):
        before = text
        text = _strip_single(p["tail"].sub("", p["lead"].sub("", text)))
        if text == before:
            break
    if not text.strip() and whole in cues()["versus"]["goal_fields"]:
        return whole  # 高于预期目标0.5个百分点: the goal is the benchmark, though its words are plan cues
    return text.strip()


def drop_place_group(name: str) -> str:
    """其他省份的增速 -> 增速: a group of places in front of a measured thing says whose it is."""
    g = patterns()["place_group"].match(name)
    return name[g.end():] if g and measurable(name[g.end():]) else name


def _places_left_out(m: regex.Match) -> str:
    """除河北、新疆外的 (29个省份…): places left out of a count say who, no name, and go; 除汽车以外的消费品零售额
    and 除房地产开发投资外的第三产业投资 are series of their own, and stay."""
    inner = m.group()[1:].rstrip("的")
    for end in ("以外", "之外", "外"):
        if inner.endswith(end):
            inner = inner[:-len(end)]
            break
    items = [x for x in regex.split(r"[、和与及]", inner) if x]
    whole = all((at := match_place(x)) is not None and at.end() == len(x) for x in items)
    return "" if items and whole else m.group()


_SCOPE_BRACKET = regex.compile(r"[（(](?:不含|不包括)[^（）()]{1,30}[)）]")


def _place_scope_out(raw: str) -> str:
    """`raw` without a bracket that bounds a place, not a measure (武进区(不含经开区)完成28.2亿元, 广东省(不含深圳)商业银行…:
    the place's coverage; 固定资产投资(不含农户) stays, the indicator's own)."""
    if "含" not in raw:
        return raw
    out, last = [], 0
    for m in _SCOPE_BRACKET.finditer(raw):
        before = raw[max(0, m.start() - 8):m.start()]
        if any((at := match_place(before[-k:])) is not None and at.end() == k for k in range(2, len(before) + 1)):
            out.append(raw[last:m.start()])
            last = m.end()
    return "".join(out) + raw[last:] if out else raw


def _without_report_frame(text: str) -> str:
    """海关公布黄石市外贸出口总值 -> 黄石市外贸出口总值: the source and its verb go when the verb is a word of its own
    (not 显示器) and the figure is not the source's own (太平洋证券快报显示其净利润: 其 is the source)."""
    m = patterns()["report_frame"].match(text)
    if m is None or text.startswith(("其", "该"), m.end()):
        return text
    at = 0
    for w, _ in words.words(text):
        at += len(w)
        if at >= m.end():
            return text[m.end():] if at == m.end() else text
    return text


def _no_rank_words(text: str) -> str:
    """`text` with the words that hold a rank mark and are no rank (居民, 系列) blanked, each character for one, so
    offsets stay: 城镇居民人均可支配收入 has no 居 of 居全省第三."""
    for w in cues()["versus"]["rank_mark_words_not"]:
        if w in text:
            text = text.replace(w, "\u3000" * len(w))
    return text


_COPULA_END = regex.compile(r"(?r)[为是达到將将会]+$")  # (?r): from the end, linear on a long run


def _peel_keeping_origin(text: str) -> tuple[str, str | None]:
    """peel, except that a place right before the word for visitors (香港旅客) is where they came from: part of what
    is counted, no subject."""
    rest, place = peel(text)
    # (not a site: 新安县黛眉山景区游客 are the site's visitors)
    if place and patterns()["visitor_origin"].match(rest.strip()) \
            and not place.endswith(tuple(cues()["metric"]["site_classes"])):
        return place + rest.strip(), None
    return rest, place


def read_window(raw: str, kind: str | None = None) -> Window:
    """See _read_window; the article's confirmed county names are part of the cache's key."""
    out = _read_window(raw, kind, confirmed())
    if out.metric and (named := patterns()["share_named"].search(raw)):
        # 城镇人口占常住人口比重(常住人口城镇化率)为: the bracket names the indicator; the share's whole stays its benchmark
        return replace(out, metric=named.group("name"), share=None)
    return out


@lru_cache(maxsize=4096)
def _read_window(raw: str, kind: str | None, _places: frozenset[str]) -> Window:
    """Split the words before a number into metric, subject, benchmark, share and change.

    Which split applies depends on the number's kind: a change for amounts, a share
    for percentages, a benchmark for percentage points, a field for ranks (`None`
    tries them all, for words shared by a list).
    """
    p = patterns()
    if (recovered := p["recovery"].search(raw)) is not None:
        # 国内旅游收入恢复至2019年同期的: the thing's level as a share of that time's, the recovery its share
        head = _read_window(raw[:recovered.start()], kind, _places) if recovered.start() else Window(metric="")
        return replace(head, share=recovered.group("share"), year_ago=False)
    text = drop_method_phrases(p["exclusion"].sub(_places_left_out, p["base_said"].sub("", p["paren"].sub("", _place_scope_out(raw)))))
    text = _without_report_frame(text)
    if (said := p["forecaster_verb"].search(text)) is not None \
            and measurable(_COPULA_END.sub("", text[said.end():])):
        # 經濟部預估零售業營業額: the forecaster, then what it forecasts (a place before the verb stays: 全县预计实现…)
        place = peel(text[:said.start()])[1]
        text = (place if place and match_place(place) else "") + text[said.end():]
    if (item := labelled_item(text)) is not None:  # 接待量分别是黄鹤楼3.8万人次、东湖…: the body is no measure
        head = _read_window(item[0], kind, _places)
        return replace(head, metric=without_class(head.metric), subject=item[1], respective=False)
    owner, text = bracket_owner(text)
    if from_time := p["from_time_tail"].search(text):
        text = text[:from_time.start()]  # 毛利率由2020年上半年的(18.05%下降至…): the time the change starts at
    text = p["time_inside"].sub("", text)  # 酒店场所在黄金周的平均房价: the period, said inside the name
    # 在全国总量中的比重, 相当于全市生产总值的比例: the share 占 says, of that whole
    text = p["share_said_as"].sub(lambda m: "占" + (m.group("w1") or m.group("w2")) + "的" + m.group("head"), text)
    # (对第一大贸易伙伴东盟进出口951.3亿元: after the rank 第一, 大贸易伙伴 is its role; the trade is with 东盟)
    text = p["rank_role_apposition"].sub("对", text, count=1)
    if kind == "rank":
        text = p["rank_lead"].sub("", text, count=1)
    out = SimpleNamespace(metric="", subject=None, versus=None, share=None, change=None, respective=False,
                          year_ago=False)
    if p["respective"].search(text):
        out.respective = True
    if p["year_ago"].search(text):
        out.year_ago = True
    if kind == "pp" and (m := _NEXT_BENCHMARK.match(text)) and (place := match_place(m.group("v"))) \
            and place.end() >= len(m.group("v")) - 2:
        # 快于全省2.2个百分点、全国4.3个百分点: the list of gaps goes on with another benchmark
        out.versus = m.group("v")
        return Window(**vars(out))
    if kind == "pp":
        # 增速较上年同期分别加快了8.75个百分点: read before peeling, which would drop 回落
        text, out.versus, out.rate_head = _gap(text)
    if kind == "percent" and (m := p["progress"].search(text.rstrip())):
        out.share = m.group("share")  # 完成年度目标的105%: a share of the goal (read before peeling,
        out.versus = m.group("v")     # which would drop 完成 and 计划 as a verb and a plan cue)
        text = text[:m.start()]
    if kind == "value" and (m := _RATIO_OF.search(text)):
        out.versus = m.group("v")  # 收入…为全国的(1.4倍): a multiple of another's level, see facts/assemble.py
        text = text[:m.start()]
    if (m := _listed_place().search(text)) and (place := match_place(m.group("v"))) and place.end() == len(m.group("v")):
        out.subject, out.respective = m.group("v"), True  # …的城市分别为广州: the place is the item's
        text = text[:m.start()]
    if kind in ("value", "growth", "percent") and (place := benchmark_place(text)):
        out.subject = place  # 落后于河北(255亿美元: the place's own figure of the sentence's thing
        return Window(**vars(out))
    if owner:
        out.subject = owner  # 厦门联芯集成电路项目(到资6.4亿元): the project's own figure
    listed = out.subject
    if kind == "rank" and (m := p["rank_field_end"].fullmatch(text.strip())) and len(m.group("v")) == 2:
        # 全国第一 right after a streak (粮食产量连续11年全国第一): a bare whole is the rank's field, not a
        # subject for the place peeler (全国吞吐量前十 names its own whole and thing: peeled below)
        out.versus, text = m.group("v"), ""
    before = text
    text, out.subject = _peel_keeping_origin(text)
    # 实现/完成 stripped from the front with no place or name before it: the doer was said earlier
    opened = before[:before.find(text)] if text and text in before else ""
    out.bare_verb = not out.subject and not listed and p["predicate_word"].search(opened.rstrip(" ，,")) is not None \
        and not any(pos.startswith("n") for _, pos in words.words(opened))  # (公司实现: the company did)
    out.subject, text = firm_first(listed or out.subject, text)
    any_kind = kind is None
    if (any_kind or kind == "value") and (m := p["change"].search(text)):
        out.change = m.group("change")
        text = text[:m.start()]
    elif kind == "growth" and (m := p["change"].search(text)) and (m.start() > 0 or text.startswith(tuple(cues()["period"]["base_marks"]))):
        # (较去年同期减少15.34%: the comparison and its verb alone name nothing; the thing is the one before)
        text = text[:m.start()]  # 进口猪肉增加919.4%: a rate of change says its verb again, no part of the name
    elif kind == "percent" and not out.share and raw.rstrip().endswith("的") and (m := p["share_of"].search(text)):
        out.share, out.versus = "为" + m.group("v"), m.group("v")
        text = text[:m.start()]
    elif (any_kind or kind in ("percent", "pp")) and not out.share and (m := p["share"].search(text)):
        out.share = m.group("share")
        out.versus = m.group("v").rstrip("的") or None
        text = text[:m.start()]
    elif (any_kind or kind in ("pp", "growth")) and (m := p["compare"].search(text)):
        out.versus = _field(m.group("v")) or None
        text = text[:m.start()]
        if kind == "pp" and not out.rate_head and (head := p["rate_head"].search(text.rstrip(" ，,"))):
            # 增速高于全省平均水平5.1个百分点: the gap is the rate's, as with 增速比上年同期回落 (_gap)
            out.rate_head, text = head.group(), text[:head.start()]
    elif (any_kind or kind == "rank") and (m := p["rank"].search(_no_rank_words(text))):
        out.versus = _field(text[m.start("v"):]).removesuffix("中").removesuffix("的") or None
        text = text[:m.start()]
        if (field := p["rank_field_tail"].search(text.rstrip())) and field.start() > 0:
            # 增速在全省列第2位, GDP总量在内地省份中排第11: the whole ranked among, after what is ranked
            out.versus, text = out.versus or field.group("v").removesuffix("中"), text[:field.start()]
            if (head := p["rate_head"].search(text)) and not peel(text[:head.start()])[0]:
                text = head.group()  # 累计增速: how the rate is counted, the rate is what is ranked
        elif field := p["rank_field_before"].match(text.strip()):
            out.versus, text = field.group("v"), ""  # 在副省级城市中分列第四和第五位: the field, no name
        if out.versus and (table := p["rank_table"].search(out.versus)) and table.start() >= 2:
            text = out.versus[:table.start()]  # 暂列旅游总收入排行榜第一名: the table's measure is ranked
            out.versus = None
    elif kind == "rank" and (m := p["rank_field_end"].search(text)):
        out.versus, text = m.group("v"), text[:m.start()]  # 增速全省第4: the field, then what is ranked
    if kind == "rank" and (head := p["rate_head"].fullmatch(text.strip(" ，,、"))):
        out.rate_head, text = head.group(), ""  # …同比增长5.3%，增速居全省第五位: the thing's rate is ranked
    text = after_list(text)
    text = p["base_tail"].sub("", text)
    if kind in ("growth", "percent", "pp") and (led := p["base_lead"].match(text)) is not None \
            and not text.startswith(tuple(cues()["metric"]["base_lead_not_before"]), led.end()):
        text, out.base_led = text[led.end():], True  # 较2012年度净利润: the measure compared, after its base time
    text = p["transition_tail"].sub("", text)
    text, subject = _peel_keeping_origin(text)
    out.subject = out.subject or subject
    text = p["respective"].sub("", text)
    text = p["base_tail"].sub("", text)  # 与去年春节假期相比分别增长: the base stood before 分别
    text, _ = _peel_keeping_origin(text)
    if (m := p["predicate"].match(text)) and not text.startswith("的", m.end()) \
            and not p["channel"].search(text, 0, m.end()):
        # (限额以上企业(单位)通过互联网实现商品零售额: sales made through a channel are an indicator of their own,
        # the whole phrase its name, as 通过互联网实现的零售额 is)
        # (…实现的零售额: the verb is inside a relative clause that names the measure; no doer to split)
        # 公司实现营业收入: the doer is no part of the name; 批发和零售业实现零售总额, 基础设施建设
        # 业务实现营业收入: a sector or a segment is (it makes the figure a part of the whole)
        doer = without_adverbs(p["predicate_word"].sub("", text[:m.end()]))  # 规上工业实际|完成: how, not who
        text = text[m.end():]
        if (p["part_doer"].search(doer) and not p["company"].search(doer)) or population_named(doer, text) \
                or (p["firm_kind"].search(doer) and not is_named(doer)
                    and (not p["population"].match(doer) or not names_indicator(text) or _sector_said_twice(doer, text))):
            # a part of the whole keeps its name: a sector or segment, a kind of firms (国有控股企业实现利润
            # 总额), a population that is part of the indicator's official name (规模以上工业企业实现利润总额:
            # 工业企业利润总额; not 工业出口交货值, so 规模以上工业企业实现出口交货值 stays 出口交货值)
            text = joined(doer, text)
        elif not out.subject and is_named(doer):
            out.subject = doer  # 宁波舟山港完成货物吞吐量: the port did it
        elif is_kind_of_goods(doer):
            text = doer + text  # 基本生活类商品实现零售额, 乘用车实现销售: a kind of goods' own part
    hosted = False
    if (m := p["host"].match(text)) and (doer := is_named(host := host_name(m.group("doer")), out.subject,
                                                          is_timed(host, m.group("doer"))) and host
                                         or site_list(m.group("doer"), out.subject)):
        # 北碚缙云山接待5.66万人次: the site received them; 南川区监测的乡村旅游点: a body in a place
        out.subject = (out.subject or "") + doer
        text, hosted = text[m.end():], True  # the verb alone (接待) still says what was counted
    elif m and (host := host_name(m.group("doer"))) != m.group("doer"):
        # 所属各公园景点7天共接待游客, A级旅游景区共接待游客: the class of sites did it, the time and the 共 are
        # no name; a list of them did it together (A级景区、宾馆酒店…春节共接待全域游客): what they did
        said = m.group("doer")[len(host):]
        kept = host + "".join(w for w in cues()["metric"]["host_kept_adverbs"] if w in said)  # 累计接待游客
        text = ("" if "、" in host else kept) + text[m.end():]
    if text and (hosted or not only_function_words(text) or _verb_tagged_measure(text)):
        out.metric = text.strip() if excludes(text) else \
            class_rate(close_brackets(without_predicate(shorten(drop_leading_verbs(head_of_relative(text))))))
    lead = next((w for w in cues()["metric"]["year_ago_leads"] if out.metric.startswith(w)), None) \
        if kind == "value" else None  # (恢复到去年同期游客量的67.9%: a share of the base keeps it)
    if lead and len(out.metric) > len(lead) + 1 \
            and not out.metric.startswith(tuple(cues()["metric"]["base_lead_not_before"]), len(lead)):
        out.metric = out.metric[len(lead):]  # 上年同期亏损67.86亿元: the year-ago figure's own thing
    done = next((w for w in cues()["metric"]["completion_measures"]
                 if out.metric.endswith(w) and raw.rstrip().endswith("完成" + w)), None)
    if done and not out.metric.endswith("完成" + done):
        # 1-10月份完成投资258.68亿元, 重点项目完成投资: the investment done, not the plan
        out.metric = out.metric[:-len(done)] + "完成" + done
    return Window(**vars(out))


def _gap(text: str) -> tuple[str, str | None, str]:
    """The words before a gap in points, read from the end: [thing][rate][比/较 base][fillers]
    [change verb][fillers]. Returns the rest, the benchmark and the rate named (may be "")."""
    p = patterns()
    t = p["gap_filler"].sub("", text.rstrip())
    changed = p["gap_change"].search(t)
    if changed:
        t = p["gap_filler"].sub("", t[:changed.start()])
    versus = None
    if changed and (m := p["gap_base"].search(t)):
        versus = _field(m.group("v")) or None
        t = p["gap_filler"].sub("", t[:m.start()])
    head = ""
    if m := p["rate_head"].search(t):
        head, t = m.group(), t[:m.start()]
    return (t if changed or head or versus else text), versus, head


def _verb_tagged_measure(text: str) -> bool:
    """收入 (the segmenter tags it a verb): a measure by itself, though no word of it is a noun; not a
    rate (增速), which names the thing's change and needs the thing."""
    return measurable(text) and not is_generic(text) and not patterns()["rate_head"].search(text)


def firm_doer(clause: str) -> str:
    """The population or kind of firms a clause opens with before 实现/完成 (上半年，规模以上工业企业实现利税…
    -> 规模以上工业企业), else ""."""
    p = patterns()
    text = peel(clause)[0]
    if not (m := p["predicate"].match(text)):
        return ""
    doer = without_adverbs(p["predicate_word"].sub("", text[:m.end()]))
    return doer if p["firm_kind"].search(doer) and not is_named(doer) and not _PUNCT_IN.search(doer) else ""


_PUNCT_IN = regex.compile(r"[，,、；;：:（）()]")


# Why: the clauses looked back over for the firms a bare 实现/完成 continues (利税, 增长, then 利润).
_FIRM_CLAUSES_BACK = 3


def firm_said_before(text: str, at: int) -> str:
    """The population or kind of firms that opens one of the few clauses before the one at `at`, within
    its sentence, else "" (at once when the sentence so far names no firms: a substring test)."""
    start = sentence_start(text, at)
    if not any(h in text[start:at] for h in cues()["metric"]["firm_kind_heads"]):
        return ""
    clauses = [c for c in split_clauses(text, Piece(start, at)) if c.end < at]
    for clause in reversed(clauses[-_FIRM_CLAUSES_BACK:]):
        if doer := firm_doer(text[clause.start:clause.end]):
            return doer
    return ""


def _sector_said_twice(doer: str, measure: str) -> bool:
    """规模以上工业企业 + 工业增加值: the firms' sector opens the measure, whose indicator is the scoped one
    (规模以上工业增加值, another series than 工业增加值); 出口交货值 names no sector and stays alone."""
    return joined(doer, measure) != doer + measure


def clear_caches() -> None:
    """Forget the words read so far (benchmarks measure a new article each run)."""
    from . import heads  # noqa: PLC0415

    peel_cache_clear()
    _read_window.cache_clear()
    heads.measurable.cache_clear()
    heads.clear_junk()
