"""One period mention resolved to its first and last day: which alternative of the grammar matched
(a year, months, a quarter, a holiday, a day, 今年, 截至…, 自…以来, a base) and the year it falls in
(see mentions.py for the rules of bare words and relative years). Used by mentions.py."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import regex

from ...records import Period
from .bases import comparison_base, figure_clause_end, ratio_base
from .calendar_days import count, first_day, last_day, make_period, num
from .spec_months import spec_months
from .grammar import after_patterns, age_after, base_patterns, lexicon, multi_year_cue
from .grammar import plan_before, plan_cue, record_in_clause, trend_before
from .holidays import holiday_kind_mention, holiday_mention, lunar_day_mention
from .ranges import day_range
from ..lexicon import match_place
from .runs import sentence_start
from .speaking import Speaking, has_months, sentence_end


# a week's own days in brackets right after its word (本周(9月22日-9月28日), 上周(4月6日至12日))
# (a single day, 本周(12月16日), is the day the week is reported on: the week stands)
_DATED_AFTER = regex.compile(r"\s*[（(]\s*(?:(?:19|20)\d{2}\s*年)?\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[-—–―~～至到]")


@dataclass(frozen=True, slots=True)
class PeriodMention:
    start: int  # offsets into the text given
    end: int
    text: str  # text[start:end]
    period: Period | None  # None when nothing fixes the year, or for what recurs
    explicit_year: bool  # the words fix the year (2025年, 去年); False when inferred from context
    kind: str  # "span", "day", "now", "base" or "recurring" (see mentions.py's docstring)
    # How far the period reaches over later numbers that name none (reach.py decides; see there)
    reach: str = "carry"


def _december_written_late(text: str, m: regex.Match, g: dict, published: date) -> bool:
    """今年 before the year's last months in a page of January, with no plan in its sentence: a report on
    the months just ended, written in their year and published after it (SS 白云机场, SN 乌兰察布)."""
    if published.month != 1 or not has_months(g) or g["full"]:
        return False
    first_m, last_m, _ = spec_months(g)
    return first_m is not None and first_m >= 10 and last_m == 12 \
        and not plan_before().search(text, max(0, m.start() - 4), m.start()) \
        and not plan_cue().search(text, m.end(), sentence_end(text, m.end()))


def resolve_mention(text: str, m: regex.Match, g: dict[str, str | None], published: date | None, anchor: int | None,
             speaking: "Speaking", last_month: date | None, named_day: date | None = None) -> PeriodMention | None:
    lex = lexicon()

    def mention(start_d, end_d, explicit, kind="span", s=m.start(), e=m.end()):
        return PeriodMention(s, e, text[s:e], make_period(start_d, end_d, text[s:e]), explicit, kind)

    if g["ts_y"]:
        try:
            d = date(int(g["ts_y"]), int(g["ts_m"]), int(g["ts_d"]))
        except ValueError:
            return None
        return mention(d, d, True, "day")
    if g["cy1"]:
        y1, m1, y2, m2 = int(g["cy1"]), num(g["cm1"]), int(g["cy2"]), num(g["cm2"])
        return mention(first_day(y1, m1), last_day(y2, m2), True)
    if g["yr1"]:
        y1, y2 = int(g["yr1"]), int(g["yr2"])
        if y2 < y1:
            return None
        # 低于2011-2019年间的同期平均水平: the years compared with; 2013-2018年同期广东…平均增速为7.35%
        # opens its clause: those years' figure
        base, s, e = comparison_base(text, m)
        if base and s == m.start():
            base, s, e = False, m.start(), m.end()
        return mention(date(y1, 1, 1), date(y2, 12, 31), True, "base" if base else "span", s, e)
    if g["plan"]:
        first, last = lex["five_year_plans"][g["plan"]]
        part = lex["five_year_plan_parts"][g["part"]]
        if part == "first":
            return mention(date(first, 1, 1), date(first, 12, 31), True)
        if part == "last":
            return mention(date(last, 1, 1), date(last, 12, 31), True)
        if part == "since" and published is not None and published.year >= first:
            return mention(date(first, 1, 1), last_day(published.year, published.month), True)
        return mention(date(first, 1, 1), date(last, 12, 31), True)
    if (g["pastn"] or g["pastn2"] or g["since2"]) and record_in_clause().match(text, m.end(), m.end() + 16):
        # 3年来发电量首次实现两位数增长, 近十年来同期最高, 这也是今年以来成交均价最高的一天, 为2010年以来最高: how
        # long a record reaches back, no time of the figures around it
        return None
    if g["pastn"] or g["pastn2"]:
        n = count(g["pastn"] or g["pastn2"])
        if not 1 <= n <= 100:
            return None
        if published is None or speaking.other_time:
            # no date, or a page posted long after its text (a 2007 work report put online in 2018):
            # counted back from the year the text speaks from (一年来 under 一、2024年工作回顾 in a
            # work report given in 2025, 一年来 under 一、2006年工作回顾), else from nothing
            spoken = speaking.year(m.start())
            if spoken is None:
                return mention(None, None, True)
            return mention(date(spoken - n, 1, 1), date(spoken - 1, 12, 31), True)
        last = published.year - 1
        if published.month >= lex["words"]["look_back_ends_this_year_from_month"]:
            last = published.year  # a year-end review: 五年来 published in December ends this year
        base, s, e = comparison_base(text, m)  # 较过去10年年均人口增量减少: the years compared with
        base = base and s < m.start()
        return mention(date(last - n + 1, 1, 1), date(last, 12, 31), True, "base" if base else "span",
                       s if base else m.start(), e if base else m.end())
    if g["nextn"]:
        n = count(g["nextn"])
        if not 1 <= n <= 100 or published is None:
            return None if published is not None else mention(None, None, True)
        return mention(date(published.year, 1, 1), date(published.year + n - 1, 12, 31), True)
    if g["within"]:
        n = count(g["within"])
        if not 1 <= n <= 100 or published is None:
            return None
        return mention(date(published.year + n, 1, 1), date(published.year + n, 12, 31), True)  # 5年内: by then
    if g["now"]:
        if published is None:
            return mention(None, None, False, "now")
        return mention(first_day(published.year, published.month), last_day(published.year, published.month), False, "now")
    if g["every"]:
        return mention(None, None, False, "recurring")
    if g["mend"]:
        if last_month is None:
            return None
        return mention(first_day(last_month.year, last_month.month), last_month, False)

    if g["themonth"]:
        if last_month is None:
            return None
        return mention(first_day(last_month.year, last_month.month), last_month, False)

    if g["bd"]:
        if published is None:
            return None
        d = int(g["bd"])
        ref = published if d <= published.day else first_day(published.year, published.month) - timedelta(days=1)
        try:
            day = date(ref.year, ref.month, d)
        except ValueError:
            return None
        return mention(day, day, False, "day")
    if g["theday"]:
        return mention(named_day, named_day, False, "day") if named_day is not None else None
    if g["prevm"]:
        base, s, e = comparison_base(text, m)
        # 较上月, 水电下降11.0%，上月为增长2.4%: the month before the one just named; 上月 opening a sentence as its
        # time (澳門上月綜合消費物價指數按月上升, a release of October on September): the month before the page's own
        # (so too 上月 right before a place, the time of what the place did: 受…影响，上月湖北CPI同比上涨2.6%, 构成上月
        # 福州市区CPI的八大类 in EA, AJ, WH: the page's last month, not the one before the month just named)
        said = _opens_sentence(text, m.start()) or match_place(text, m.end()) is not None
        ref = (published and not base and said and first_day(published.year, published.month)) \
            or last_month or (published and first_day(published.year, published.month))
        if ref is None:
            return None
        prev = first_day(ref.year, ref.month) - timedelta(days=1)
        return mention(first_day(prev.year, prev.month), prev, False, "base" if base else "span", s, e)
    if g["prevq"]:
        ref = last_month or published
        if ref is None:
            return None
        start = first_day(ref.year, 3 * ((ref.month - 1) // 3) + 1) - timedelta(days=1)  # the quarter before ref's
        base, s, e = comparison_base(text, m)
        return mention(first_day(start.year, start.month - 2), start, False, "base" if base else "span", s, e)
    if g["prevw"] or g["thisw"]:
        if published is None or _DATED_AFTER.match(text, m.end()):
            return None  # 本周(9月22日-9月28日): the days in brackets say which week
        monday = published - timedelta(days=published.weekday())
        if g["thisw"]:  # the week so far: no figure is of days after the page
            return mention(monday, published, False)
        base, s, e = comparison_base(text, m)
        return mention(monday - timedelta(days=7), monday - timedelta(days=1), False, "base" if base else "span", s, e)
    if g["since2"] and after_patterns()[0].match(text, m.end(), m.end() + 4):
        return None  # 创下2019年一季度以来新高: the base of a record, not a period
    if (g["since2"] or g["ytd"]) and trend_before().search(text[max(0, m.start() - 4):m.start()]):
        return None  # 延续今年以来两位数快速增长的态势: how long a trend has run, not the figures' time
    if g["rel"] and age_after().match(text, m.end(), m.end() + 8):
        return None  # 今年30岁的市民: an age
    base = False
    if g["asof"] and base_patterns()[0].search(text, max(0, m.start() - 4), m.start()):
        base, s, e = comparison_base(text, m)  # 较截至二零一七年十二月三十一日止年度: the year compared with
    elif not g["asof"] and not g["since2"] and not g["ytd"]:
        base, s, e = comparison_base(text, m)
        if base and g["y"] and not has_months(g):
            # 与2001年相比…增长14.3倍, 年均增长14.6%: growth over the years since the base year
            context = anchor if anchor is not None else (published.year if published else None)
            level = any(w in text[m.end():e] for w in lex["words"]["base_level_words"])
            y = int(g["y"])
            end = sentence_end(text, e)
            if context is not None and not level and y < context - 1 and not ratio_base(text, m.start(), m.end()) \
                    and multi_year_cue().search(text, e, figure_clause_end(text, e, end)):
                # (是2007年的1.7倍: a level's multiple of that year's, now; no growth over the years between)
                return mention(date(y, 1, 1), date(context, 12, 31), True, s=s, e=e)

    explicit = bool(g["y"] or g["rel"])
    if g["y"]:
        year = int(g["y"])
    elif g["rel"]:
        offset = lex["relative_years"][g["rel"]]
        if base and offset < 0 and anchor is not None and (published is None or anchor < published.year):
            year = anchor + offset  # 由上年的13.72∶… in a 2016 bulletin on 2015: the year before 2015
        elif published is not None and not speaking.other_time:
            year = published.year + offset
            if offset == 0 and _december_written_late(text, m, g, published):
                year -= 1  # 今年12月，白云机场完成航班起降… in a January page: the December just gone
        else:
            context = speaking.year(m.start())
            if context is None:
                return mention(None, None, True, "base" if base else "span")
            year = context + offset  # no published date: 去年 is the year before the one the text speaks from
    else:
        year = anchor

    kind = "base" if base else "span"
    if g["hol"] or g["hol2"]:
        return holiday_mention(g, year, published, explicit, kind, mention)
    if g["lunar"]:
        return lunar_day_mention(g["lunar"], year, published, explicit, mention)
    if g["holkind"]:
        return holiday_kind_mention(g["holkind"], published, kind, mention)
    if g["weekn"]:
        if not explicit or year is None:
            return None  # (连续第3周: a count of weeks, no week of a year)
        try:
            monday = date.fromisocalendar(year, int(g["weekn"]), 1)
        except ValueError:
            return None
        return mention(monday, monday + timedelta(days=6), explicit, kind)
    first_m, last_m, unit = spec_months(g)
    if first_m is None:
        return None
    if year is None:
        if published is None:  # no year anywhere: the words still say what kind of time they are
            return mention(None, None, False, "day" if unit == "day" and not g["asof"] else kind)
        year = published.year
        ahead = plan_before().search(text, max(0, m.start() - 4), m.start())
        if g["annual"]:
            year -= 1  # 披露年报 with no year: the report comes out after the year it covers
        elif unit != "day" and not (g["full"] or g["ytd"] or g["since2"]) and last_m > published.month + 1 \
                and not ahead:
            year -= 1  # 1—11月 or 四季度 published in January: last year's figures (预计年底: this year's)
        elif g["full"] and (published.month <= lex["words"]["full_year_is_last_year_until_month"]
                            or speaking.last_year or _result_of_unfinished_year(text, m.start(), published)):
            # 全年 with no year in sight, in a report of the first months: the year just ended,
            # also when estimated (a January report's 预计全年增长5.5%左右 is last year's estimate)
            year -= 1
    if g["rm1"]:
        return day_range(g, year, explicit, kind, mention)
    if unit == "day":
        try:
            d = date(year, first_m, num(g["d"]))
        except ValueError:
            return None
        if _closes_span(g, m):
            # 截至2022年6月30日止6个月: the six months that end that day (至2022年12月31日止年度: 止年度 says it alone)
            return mention(_months_back(g, d), d, explicit, "base" if base else "span")
        if g["asof"]:
            return mention(d, d, explicit, "span")
        return mention(d, d, explicit, "base" if base else "day")
    start_d, end_d = first_day(year, first_m), last_day(year, last_m)
    if _closes_span(g, m):
        # 截至9月底止中期業績 (香港興業, 包浩斯: a half that ends in September), 截至去年十二月底止全年業績; a
        # Hong Kong wire may drop the 截至 (澳門博彩昨公布6月底止中期業績: EJ's SJM): 止中期 and 止年度 say it alone
        return mention(_months_back(g, end_d), end_d, explicit, "base" if base else "span")
    if g["asof2"] or (g["asof"] and lex["relative_years"].get(g["rel"] or "") == 0 and not m.group().endswith(("底", "末"))):
        start_d = date(year, 1, 1)  # 今年截至4月底, 截至今年上半年: January to the end named
    elif g["asof"] and not g["ytd"] and (first_m == last_m or m.group().endswith(("底", "末"))):
        # (截至今年3月底 too: an end's level; asof.py makes a flow's span; 截止上半年 names the span itself)
        start_d = first_day(year, last_m)  # 截至4月底: the stock at the end of April
    if g["ytd"] or g["since2"]:
        if published is not None and published >= start_d:
            end_d = last_day(published.year, published.month)
        else:
            end_d = date(year, 12, 31)  # no published date to run to
    return mention(start_d, end_d, explicit, kind)


def _result_of_unfinished_year(text: str, at: int, published: date) -> bool:
    """True when 全年 at `at` states a result in a year that still had a quarter to run when the page appeared
    (a June bulletin's 全年全体居民人均可支配收入60925元; 全年实现地区生产总值61.48亿元 in a June review):
    no year's results are known before it ends, so they are the last year's. A plan's or a forecast's
    cue in the sentence (预计全年…, 全年目标) keeps this year."""
    from ..lexicon import cues  # noqa: PLC0415  (facts words; the period grammar does not need them)

    status = cues()["status"]
    if date(published.year, 12, 31) - published <= timedelta(days=status["horizon_days"]):
        return False
    sentence = text[sentence_start(text, at):sentence_end(text, at)]
    return not any(w in sentence for w in (*status["strong"], *status["weak"]))


def _closes_span(g: dict, m: regex.Match) -> bool:
    """截至2022年6月30日止6个月, 6月底止中期, 至今年8月为止的十二个月: the words name a span that ends at the time
    (止中期 and 止年度 alone say so; N个月 needs 截至 or 止 before it)."""
    return bool(g["endyr"] or g["endhalf"] or g["endn"] and (g["asof"] or "止" in m.group()))


def _months_back(g: dict, end: date) -> date:
    """The first day of the span a …止 phrase closes at `end`: a year (止年度), a half (止中期) or N months."""
    n = 12 if g["endyr"] else 6 if g["endhalf"] else (int(g["endn"]) if g["endn"].isdigit() else num(g["endn"]))
    back = end.year * 12 + end.month - n
    return date(back // 12, back % 12 + 1, 1)


def _opens_sentence(text: str, pos: int) -> bool:
    """Only spaces, quotes or a place name stand between the sentence's start and `pos` (澳門|上月…)."""
    start = sentence_start(text, pos)
    head = text[start:pos].strip(" \u3000\n“\"「")
    if not head:
        return True
    place = match_place(head)
    return place is not None and place.start() == 0 and place.end() == len(head)
