"""The one path from period mentions to the period of each number.

A number that names no period of its own takes the nearest earlier mention whose reach
covers it. `reach_of` decides a mention's reach from its words:

- ``carry``: until another mention (2025年, 1—11月, 上半年): the article's running period;
- ``paragraph``: a look back or ahead (过去五年, 5年内) and a single month inside a longer
  report; a single month from an earlier paragraph is used only when nothing longer is left;
- ``sentence``: "since" (自2020年3月以来), "now" (目前), one month of a report (4月单月);
- ``own_sentence``: a month-on-month aside (从环比看，10月份…) or a forecast's year (预计今年全年…):
  its sentence only, not the 其中 sentence after it, which continues the report's own period;
- ``clause``: a moment inside a clause (拟以2021年年末总股本为基数, 截至4月底 mid-clause),
  and what recurs (每年…: no period);
- ``next``: a comparison's own value (较一季度的10.6%, 从6月份的2.28万亿元降至…): only the
  first number after it in its clause;
- ``none``: a calendar day (the date of an event or of the page) and a comparison base
  (比上年, 与一季度相比): never the period of a number.

With no earlier mention, a number takes the article's first (its headline's).
"""
from __future__ import annotations

import bisect
from functools import cache
from dataclasses import replace
import re
from re import escape as regex_escape

from ...text import CLAUSE_ENDS, HAN_CLASS, SENTENCE_ENDS, is_han
from ..lexicon import cues, match_place
from .grammar import lexicon, plan_before
from .bases import from_with_figure, ratio_base
from .base_frame import base_states_figure, in_base_frame
from .runs import figureless_sentence, sentence_start
from .asides import in_aside, in_quoted_speech
from .year_ago import topic_reach, year_ago_said, year_ago_value
from .speaking import sentence_end
from .reach_words import (chart_caption, inline_caption, figureless_clause, named_event, numbered_event, own_rate, points_after,
                          stated_value, transition, trend, word_pattern, word_tuple)

CLAUSE_MARK = re.compile(f"[{regex_escape(SENTENCE_ENDS + CLAUSE_ENDS)}]")
SENTENCE_MARK = re.compile(f"[{regex_escape(SENTENCE_ENDS)}]")
LINE_MARK = re.compile("\n")
# 去年同期为增加16.18亿元, 由上年同期的2.05:1下降为…, 从去年同期的第7位: the year-ago value follows
_YEAR_AGO_OWN = re.compile(r"同期的(?=[^，,。；;\d]{0,4}\d)")
# a figure right after a comparison's time is that time's (较截至二零一七年…止年度约109.7百万港元减少…)
_BASE_FIGURE = re.compile(r"(?:约|近|逾)?\d")
# Why: a compared time's own level written right after it, closed by 的 or a bracket (接近去年全年133.7亿美元的水平;
# 已超2023年全年产量(63万辆); 逼近去年全年出口量5.59万辆。): that figure is of the base time, the figures after it
# are not. (超过去年全年1200亿元 may be the margin: a figure right after the time needs 的; 上年同期提高1.2个百分点
# is a change: words between that change or compare name no level.)
# (较去年同期(-1.1%)提高6.3个百分点, 较1-2月(-0.6%)收窄: the compared time's own rate in a bracket, signed)
_BASE_OWN_FIGURE = re.compile(r"(?P<bnoun>[\u4e00-\u9fff]{0,6})[（(](?:约|近|逾)?[-−]?\d[\d.,]{0,20}[%\u4e00-\u9fff]{0,4}[)）]"
                              r"|(?P<noun>[\u4e00-\u9fff]{1,6})(?:约|近|逾)?\d[\d.,]{0,20}[\u4e00-\u9fff]{0,4}[的，,。；;]"
                              r"|(?:约|近|逾)?\d[\d.,]{0,20}[\u4e00-\u9fff]{0,4}的")


def _base_own_figure(text: str, end: int) -> bool:
    if _base_value_then_change().match(text, end) is not None:
        return True  # 较去年第二季410.4億澳門元按年跌15.6%: the compared time's amount, then the change
    m = _BASE_OWN_FIGURE.match(text, end)
    if m is None:
        return False
    noun = m.group("noun") or m.group("bnoun") or ""
    if m.group("bnoun"):  # 去年|同期(-1.1%): in a bracket, the same months are the time's own words
        noun = noun.removeprefix(next((w for w in cues()["period"]["year_same_after"] if noun.startswith(w)), ""))
    return not any(w in noun for w in _change_words())


@cache
def _base_value_then_change() -> re.Pattern:
    w = lexicon()["words"]
    tails = "|".join(map(re.escape, w["base_value_time_tails"]))
    leads = "|".join(map(re.escape, w["base_value_change_leads"]))
    changes = "|".join(map(re.escape, sorted(w["base_value_then_change"], key=len, reverse=True)))
    # (bounded: the time's tail, an amount, its unit, a lead word, a change verb)
    return re.compile(rf"(?:{tails})?(?:约|近|逾)?\d[\d.,]{{0,20}}[{HAN_CLASS}]{{1,5}}?(?:{leads})?(?:{changes})")


@cache
def _change_words() -> tuple[str, ...]:
    return tuple(cues()["metric"]["compare_after"]) + tuple(lexicon()["words"]["base_own_not"])


# Why: a number's period is almost always among the last few mentions before it; past this
# many the walk jumps to the last carrying one, so a page of thousands of dates stays linear.
WALK_LIMIT = 64


def reach_of(text: str, mention, g: dict) -> str:
    """How far `mention`'s period carries over later numbers (see the module docstring); `g`
    holds the grammar slots that matched it."""
    marks = cues()["period"]
    slots = {k for k, v in g.items() if v}
    if "rend" in slots:
        return "period_end"  # 截至报告期末: the running period's last month, dated in index.py
    p = mention.period
    if p is not None and p.start and p.end and p.start[:4] != p.end[:4] and p.start[:4] in mention.text \
            and mention.text.startswith(tuple(cues()["grammar"]["base_marks"])):
        return "sentence"  # 比1978年的340元增长113.5倍，年均…。其中…: the years since the base, in their sentence
    if "rspan" in slots:
        return "report_span"  # 期内，营业额…: the report's own period, set in index.py
    if text.endswith(tuple(lexicon()["words"]["progress_before"]), max(0, mention.start - 3), mention.start) \
            and word_pattern("goal_after").match(text[mention.end:mention.end + 8]):
        return "none"  # 完成全年目标的95.0%: the goal's year, not the figure's
    if mention.text.endswith("年") and (numbered_event().match(text, mention.end) or named_event().match(text, mention.end)):
        return "none"  # 董事会2020年第4次会议, 2022年冬奥会: the year numbers a meeting or names an event, it dates no figure
    if mention.kind == "span" and points_after().match(text, mention.end):
        return "none"  # 同比增长22.6%,1-4月提高5.0个百分点: the months compared with, their 比/较 left out
    if mention.kind == "span" and _in_breakdown(text, mention.start):
        return "sentence"  # 分季度看，一季度增长7.4%，…前三季度增长10.2%。人均…: the parts, then the whole again
    if slots & {"rel", "full"} and text.startswith(word_tuple("goal_nouns"), mention.end):
        return "none"  # 确保了全年目标任务的完成: the goal's year, written in front of the goal
    if slots & {"rel", "full"} and word_pattern("goal_share_after").match(text[mention.end:mention.end + 24]):
        return "none"  # 完成省政府下达全年外贸进出口考核目标的111.8%: the goal's year
    if slots & {"rel", "full"} and word_pattern("goal_sentence_after").match(text[mention.end:mention.end + 40]):
        return "none"  # 为实现全年经济社会发展目标提供了坚实保障。: the goal's year, in a sentence with no figure
    line_start = text.rfind("\n", 0, mention.start) + 1
    if chart_caption().match(text, line_start, mention.start + 1) and mention.start - line_start <= 8:
        return "none"  # 图1:2011-2015年全县地区生产总值及增长速度: the chart's span
    if inline_caption(text, mention.start):
        return "none"  # …3782美元。 图1: 2000-2006年地区生产总值完成情况 第三产业比重提高。: the same, lines run together
    if mention.kind == "now" and (word_pattern("now_in_set").match(text[mention.end:mention.end + 24])
                                  or word_pattern("now_reported").match(text[mention.end:mention.end + 30])):
        return "none"  # 目前已公布的省份中, 目前，29个省已晒出上半年…: which members have reported yet
    if text.startswith(tuple(lexicon()["words"]["term_after"]), mention.end):
        return "none"  # 去年价格变动的翘尾影响: a term, not a time figures are of
    if mention.kind == "span" and ratio_base(text, mention.start, mention.end):
        return "none"  # 分别是“十二五”“十三五”期间增量的2.4倍、1.1倍: the plans are the bases of multiples of now
    if mention.kind == "day":
        # 3日全国接待国内游客1.19亿人次: a day with figures after it and no event between is their period
        return "sentence" if slots & {"dm", "bd", "theday"} and _dates_figures(text, mention.end) else "none"
    if mention.kind == "base":
        if year_ago_said().match(text, mention.end, mention.end + 6):
            return "year_ago"  # 去年同期为增加16.18亿元: the same months a year before
        if "rel" in slots and ratio_base(text, mention.start, mention.end):
            return "none"  # 为去年同期的92.49%, 达到去年同期的85%: a share of the base now, not the base's own value
        if "rel" in slots and _YEAR_AGO_OWN.match(text, mention.end, mention.end + 12) \
                and not text.endswith(word_tuple("share_of_base_before"), max(0, mention.start - 4), mention.start):
            # 由上年同期的2.05:1下降为…, 从去年同期的30元回落到14元: the year-ago value (not 恢复至去年同期的
            # 80%, a share of it now)
            return "year_ago"
        if lexicon()["relative_years"].get(g.get("rel") or "") == -1 \
                and (topic := topic_reach(text, mention.start, mention.end)):
            return topic  # 二、上年同期经营业绩和财务状况, 上年同期,归属于…: the year-ago figures follow
        if _starts_clause(text, mention.start) and text.startswith(tuple(marks["year_same_after"]), mention.end) \
                and mention.text.endswith("年") and mention.period is not None and mention.period.start:
            return "year_same"  # 2020年同期规模以上工业增加值同比下降23.2%: that year's same months
        if ratio_base(text, mention.start, mention.end):
            return "none"  # 是2023年的5.66倍: the multiple is of now, against that year
        if _owns_next_value(text, mention.end) or from_with_figure(text, mention.start, mention.end) \
                or mention.text.startswith(word_tuple("as_of")) and _BASE_FIGURE.match(text, mention.end) \
                or _base_own_figure(text, mention.end):
            # (较截至…止年度约109.7百万港元: a reporting span's own figure; 高出前5月1.0个百分点 is the gap)
            same = text.startswith(tuple(marks["year_same_after"]), mention.end) and mention.text.endswith("年") \
                and mention.period is not None and bool(mention.period.start)  # (上年 on an undated page: no year)
            return "year_same_next" if same else "next"  # 在上年同期18.0%的高增速基础上: its same months
        return "none"
    if ("since" in slots or "since2" in slots) \
            and text.startswith(tuple(lexicon()["words"]["since_streak_after"]), mention.end):
        return "clause"  # 自去年11月以来连续12个月保持正增长: the streak's span, no later figure's
    if "since" in slots and "since2" not in slots and _owns_next_value(text, mention.end) \
            and not _topic_frame(text, mention.end):
        return "next"  # 从6月份的2.28万亿元降至2378亿元: the starting value's own time
    if mention.kind == "recurring":
        return "clause"
    if stated_value().match(text, mention.end, mention.end + 8):
        return "next"  # …增长0.1%，1—6月份为下降0.3%: the earlier months' own value, then the report's months again
    if "holfirst" in slots:
        return "sentence"  # 春运前20天全国累计发送旅客…: the first days, then back to the holiday the report is on
    if lexicon()["relative_years"].get(g.get("rel") or "") == -1 and year_ago_value().match(text, mention.end):
        return "year_ago"  # 相比于去年公布的16.6亿元: last year's same months, the figure after only
    if word_pattern("goals_listed").match(text[mention.end:mention.end + 24]):
        # 2022年的经营目标:一是营收…增长15%左右; 2016年主要预期目标是:…。城镇新增就业110万人…: the goals' year, for
        # the figures of the list, which runs on over the sentences of its paragraph
        return "paragraph"
    if _owns_next_value(text, mention.end) and not _starts_clause(text, mention.start) \
            and not _place_opens_clause(text, mention.start):
        # 结束了去年的下降趋势: a time in front of a noun dates that noun only (澳門今年上半年的入境旅客共…;留宿旅客…,
        # 安徽省一季度的GDP为…，增长…: after the place the clause is about, the time opens the clause all the same)
        return "next"
    if any(w in mention.text for w in marks["not_periods"]):
        if year_ago_said().match(text, mention.end, mention.end + 2) or _base_value_then_change().match(text, mention.end):
            return "year_ago"  # 去年同期为增加16.18亿元, 比上年同期196978万元增长: the same months a year before
        return "none"  # 较去年同期: a year-ago basis, not a time a number covers
    if in_base_frame(text, mention.start, mention.end):
        # 在7月份环比增长的基础上: what the figures build on, no time of theirs; 在2024年突破7000亿元基础上,
        # 以2021年年末总股本10亿股为基数: it dates the base's own figure inside the frame, and nothing after
        return "next" if base_states_figure(text, mention.end) else "none"
    if _cause_before(text, mention.start):
        return "cause"  # 受春节假期和…影响, 考虑到2020年上半年受疫情影响较大: a time named in a
        # cause or a consideration, not the time reported on (it dates nothing after its clause)
    if text.startswith(tuple(marks["average_after"]), mention.end):
        return "own_sentence"  # 1~11月平均，河南居民消费价格…上涨2.9%: an aside of a month's release
    if slots & {"rel", "full"} and plan_before().search(text, max(0, mention.start - 4), mention.start):
        # 预计今年全年…将完成51.3亿: a forecast's year; the report goes on in its own period (预计全年毛利率延续
        # 优化趋势,销售费用率同增0.4pct: a forecast with no figure in its clause dates nothing after it)
        return "clause" if figureless_clause(text, mention.end) else "own_sentence"
    if in_aside(text, mention.start) and not _glosses_time(text, mention.start):
        return "aside"  # 营业税下降40.4%(1-5月增长37.3%,…); (即2026年…与2025年…对比),…分别…: the bracket's own times
    if "yr1" in slots and respective_after(text, mention.end):
        return "sentence"  # 2018-2019年，…分别为578.62亿、631.27亿: one year per number, then back
    if (text[max(0, mention.start - 1):mention.start] in _LIST_JOINS or text[mention.end:mention.end + 1] == "、") \
            and respective_after(text, mention.end):
        return "sentence"  # 3月、4月、5月、6月…当月速度分别为…: a list of times, one per number
    if slots & {"pastn", "pastn2", "nextn", "within"}:
        return "paragraph"
    if slots & {"since", "since2"} and mention.text.endswith(tuple(lexicon()["words"]["start_suffixes"])):
        # 从今年起,规模以上工业企业起点标准由…提高到…; 自2015年3月起,铁路客运量…统计口径…变更; 从4月份起,用电量…:
        # where a rule or a run starts dates its own sentence; the report goes on in its own period
        return "sentence"
    rel_this_year = lexicon()["relative_years"].get(g["rel"] or "") == 0
    if "since2" in slots and rel_this_year and figureless_sentence(text, mention.start, mention.end):
        # 今年以来，全省各地认真贯彻…，居民收支平穩增長。 between a 前三季度 lead and its figures (ES 云南, BX 阿克苏; 今年
        # 上半年以来，湖滨区各级各部门…发展态势 in KN's half-year review): a review's opening words, no time of the
        # figures after them, which stay the report's months
        return "sentence"
    if ("since2" in slots and "ytd" not in slots and not rel_this_year) or \
            ("plan" in slots and mention.text.endswith("以来")):
        return "sentence"  # 自2020年3月以来连续26个月增长: a streak, not the article's period
    if "plan" in slots and any(w in text[mention.end:sentence_end(text, mention.end)] for w in word_tuple("plan_opened")):
        return "sentence"  # 实现了"十一五"时期经济社会发展的良好开局。: the plan's first year is the report's own
    p = mention.period
    # a single month inside a longer report; not a holiday or a run of days, which is the
    # article's own period (2019年国庆假期…排行榜 heads the table below it)
    one_month = p is not None and p.start[:7] == p.end[:7] and not slots & {"mend", "hol", "hol2", "rm1"}
    if mention.kind == "now" or mention.text.endswith(tuple(marks["local_marks"])) and \
            not mention.text.startswith(tuple(marks["running_starts"])):
        if one_month and mention.kind != "now":
            # (…增长7.7%，其中，10月当月增长5.6%。41个行业大类中…: singled out, then back to 前10月)
            return "own_sentence" if _singled_out(text, mention.start) else "paragraph"
        return "sentence"
    point = (("asof" in slots and "asof2" not in slots and not slots & {"endn", "endyr", "endhalf"})
             or slots & {"yend", "yend2", "qend"} or mention.text.endswith(("末", "底")))
    if point and not _starts_clause(text, mention.start) \
            and not (text[mention.start - 1:mention.start] in marks["short_as_of"] and _starts_clause(text, mention.start - 1)):
        return "clause"  # 以2021年年末总股本为基数: the moment of one stock (至6月末，…: an as-of, which opens)
    if mention.text.endswith(("年末", "年底", "季末")) and "截" not in mention.text \
            and is_han(text[mention.end:mention.end + 1]):
        # 2021年年末总股本: a year-end in front of a noun dates that noun only; opening its sentence
        # (2023年末大理州牛存栏89.46万头，同比增长1.62%，居全省第四) it dates the stock's change and rank too, and
        # so it does opening a clause after a source (据…统计,年末全县户籍人口…。其中,城镇人口…: the parts too)
        return "sentence" if _starts_clause(text, mention.start) else "clause"
    if one_month and _after_month_on_month_topic(text, mention.start):
        return "own_sentence"  # 从环比速度看，10月份…增长0.44%。其中，民间固定资产投资…: back to 1-10月
    if (one_month or "q" in slots) and _singled_out(text, mention.start):
        # 1-5月…，其中5月份增长14.9%。按消费形态分…: back to 1-5月; 前三季度…，其中三季度两年平均增长3.9%。
        # 完成公路投资…: back to 前三季度
        return "own_sentence"
    if one_month:
        return "paragraph"  # 4月单月 inside a 1-4月 report
    if "rm1" in slots and not _dates_figures(text, mention.end):
        return "sentence"  # 意见征求期间为2021年9月10日--2021年9月21日: an event's days, no figures of theirs
    if in_quoted_speech(text, mention.start):
        return "paragraph"  # “对于2022年，稳定信心…”: a speaker's time, not the report's
    return "carry"


def _in_breakdown(text: str, at: int) -> bool:
    """The sentence up to `at` opens with a topic that splits the report's period into parts (分季度看, 分月看)."""
    return any(w in text[sentence_start(text, at):at] for w in word_tuple("breakdown_topics"))


def _glosses_time(text: str, pos: int) -> bool:
    """The mention opens a bracket that follows a time word: 春运前十三日(1月10日-22日)."""
    head = text[max(0, pos - 8):pos].rstrip()
    return head.endswith(("(", "（")) and head[:-1].rstrip().endswith(word_tuple("time_gloss_after"))


def listed_periods(text: str, mentions: list) -> list:
    """一季度同比增长6.7%，二季度增长6.7%，三季度增长6.7%: periods listed one after another in a
    sentence, each dating its own number, are items of a list, not a new running period: their
    reach ends with the sentence (the next one goes back to the article's 前三季度)."""
    out = list(mentions)
    sentence_marks = [m.start() for m in SENTENCE_MARK.finditer(text)]
    group: list[int] = []

    def close() -> None:
        if len(group) >= 2:
            for i in group:
                out[i] = replace(out[i], reach="sentence")
        group.clear()

    last_sentence = -1
    for i, m in enumerate(out):
        sentence = bisect.bisect_left(sentence_marks, m.start)
        if sentence != last_sentence:
            close()
            last_sentence = sentence
        if m.kind == "span" and m.reach == "carry" and m.period is not None:
            last = out[group[-1]].period if group else None
            # the same span again (2023年陕西省全年…) is one period named twice, not a list of two
            if group and (_months(last) != _months(m.period) or (last.start, last.end) == (m.period.start, m.period.end)):
                close()
            group.append(i)
    close()
    return out


def inner_spans(text: str, mentions: list) -> list:
    """1-2月 in a report on 一季度 (a service figure that lags a month), 1-8月 in one on 前三季度: a
    running span strictly inside the running span before it, which is less than a year, dates its
    paragraph only; the report's own period comes back after it. Inside a year the same holds for
    the parts a sentence splits the year into (1-12月累计增长5.4%,其中,1-5月增长36.6%;6-12月下降
    16.9%), not for a span that opens a sentence of its own (the half year an annual report is on)."""
    out = list(mentions)
    running = [i for i, m in enumerate(out) if m.kind == "span" and m.reach == "carry" and m.period is not None
               and m.period.start and not m.text.endswith(tuple(lexicon()["words"]["since_suffixes"]))]
    if not running:
        return out
    outer = out[running[0]].period  # the report's own period: the first it names
    year_long = _months(outer) >= 11
    last_outer = out[running[0]].end
    for i in running[1:]:
        p = out[i].period
        if (p.start, p.end) == (outer.start, outer.end):
            last_outer = out[i].end
            continue
        inside = outer.start <= p.start and p.end <= outer.end
        if inside and (not year_long or SENTENCE_MARK.search(text, last_outer, out[i].start) is None):
            out[i] = replace(out[i], reach="paragraph")
    return out


def _months(p) -> int:
    return (int(p.end[:4]) - int(p.start[:4])) * 12 + int(p.end[5:7]) - int(p.start[5:7])


_LIST_JOINS = ("、", "和", "及", "与")


def respective_after(text: str, end: int) -> bool:
    """分别 later in the sentence (a bounded look: a sentence is never this long)."""
    m = SENTENCE_MARK.search(text, end, end + 200)
    stop = m.start() if m else min(len(text), end + 200)
    return "分别" in text[end:stop]


def _cause_before(text: str, start: int) -> bool:
    """受/因/由于 earlier in the clause: what follows is named as a cause (受春节假期和…影响)."""
    clause_start = start
    while clause_start > 0 and text[clause_start - 1] not in SENTENCE_ENDS + CLAUSE_ENDS and start - clause_start < 24:
        clause_start -= 1
    return any(w in text[clause_start:start] for w in lexicon()["words"]["cause_marks"])




def _dates_figures(text: str, end: int) -> bool:
    """A figure follows in the sentence with no word of an event (发布, 召开, 电, 起) before it."""
    if (aside := _DAY_ASIDE.match(text, end)) is not None:
        end = aside.end()  # 2月9日(春运第15天,农历腊月三十,除夕),…: what the day was, said in brackets
    if (clock := word_pattern("clock_after_day").match(text, end)) is not None:
        end = clock.end()  # 7月21日12点38分，…用电负荷达到5007万千瓦: the reading's moment
    stop = SENTENCE_MARK.search(text, end, end + 80)
    segment = text[end:stop.start() if stop else min(len(text), end + 80)]
    digit = next((i for i, c in enumerate(segment) if c.isdigit()), None)
    if digit is None or "\n" in segment[:digit]:
        return False
    run = digit
    while run < len(segment) and (segment[run].isdigit() or segment[run] == "."):
        run += 1
    if segment[run:run + 1] in ("年", "月", "日", "号", "时", ":", "："):
        return False  # 2021年9月10日--2021年9月21日: another time follows, not a figure
    words = lexicon()["words"]
    before = segment[:digit]
    if not any(w in before for w in words["day_flow_words"]):
        return False
    for w in words["day_flow_words"] + words["day_event_free"]:
        before = before.replace(w, "")  # 发送, 发电 are flows: their 发 is no dateline's 发
    return not any(w in before for w in words["day_event_words"])


# a bracket right after a day (its weekday, its holiday, the day of a travel rush), closed within 40 characters
_DAY_ASIDE = re.compile(r"(?<!\s)\s*+[(（][^()（）。\n]{1,40}+[)）]")


def _topic_frame(text: str, end: int) -> bool:
    """从今年前三季度的数据来看, 从前三季度的整体营收表现来看: the clause after 从 + time closes with 来看/看, a
    frame of what follows (data [words] topic_frame_closes), not a starting value (从6月份的2.28万亿元降至…)."""
    stop = CLAUSE_MARK.search(text, end, end + 24)
    return stop is not None and text[end:stop.start()].endswith(tuple(lexicon()["words"]["topic_frame_closes"]))


def _owns_next_value(text: str, end: int) -> bool:
    """较一季度的10.6%, 远低于6月份的增幅9639亿元: the comparison's own value follows 的;
    较上月13.1%的增速: the rate right after the time is that time's."""
    return text[end:end + 1] == "的" or own_rate().match(text, end, end + 16) is not None \
        or transition().match(text, end, end + 28) is not None or trend().match(text, end, end + 10) is not None


def _opens(text: str, pos: int, ends: str) -> bool:
    """True when only spaces and opening quotes stand between `pos` and the last of `ends` before it."""
    i = pos - 1
    while i >= 0 and text[i] in " \u3000“\"「":
        i -= 1
    return i < 0 or text[i] in ends


def _after_month_on_month_topic(text: str, pos: int) -> bool:
    """`pos` follows 从环比看 at most a comma away in its sentence."""
    before = text[max(0, pos - 10):pos].rstrip("，,、 ")
    return before.endswith(_month_on_month_topics())


def _singled_out(text: str, pos: int) -> bool:
    """`pos` follows 其中 at most a comma away: one part of the period before it."""
    before = text[max(0, pos - 6):pos].rstrip("，,、 ")
    return before.endswith(tuple(cues()["period"]["part_marks"]))


@cache
def _month_on_month_topics() -> tuple[str, ...]:
    return tuple(cues()["period"]["month_on_month_topics"])


def _starts_clause(text: str, pos: int) -> bool:
    return _opens(text, pos, SENTENCE_ENDS + CLAUSE_ENDS)


def _place_opens_clause(text: str, pos: int) -> bool:
    """Only a place name stands between the clause's start and `pos` (澳門|今年上半年的…, 安徽省|一季度的…)."""
    start = max(text.rfind(c, max(0, pos - _PLACE_LOOK), pos) for c in SENTENCE_ENDS + CLAUSE_ENDS + "\n") + 1
    while start < pos and text[start] in " \u3000“\"「":
        start += 1
    place = match_place(text, start, pos) if start < pos else None
    return place is not None and place.end() == pos


_PLACE_LOOK = 12  # a place name and the spaces before it
