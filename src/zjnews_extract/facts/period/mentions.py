"""Period mentions: the words of an article that say when, each resolved to a Period.

`find_periods` finds every mention in order (grammar.py) and resolves it to first and
last day. Why not dateparser: it reads "2025年" as year 1, collapses "1—11月" to one
day and returns nothing for 去年1—11月, 上半年 or 一季度.

Kinds of mention (`PeriodMention.kind`):
- ``span``: a stretch of time a fact can cover: a year, months, a quarter or half, 全年,
  year-to-date, "as of" (截至4月底: that month), "since" (自2020年3月以来: to the
  published month), several years, a five-year plan used as a time, a holiday (春节假期),
  a day range (10月1日至7日), a look back or ahead (过去五年, 今后五年, 5年内).
- ``day``: a calendar day (1月21日): the date of an event or of the page, not what a
  number covers; its year still anchors later bare words, except a calendar widget's.
- ``now``: 目前, 近日: the published month.
- ``base``: what a number is compared with (较一季度, 比上年, 与2019年相比): never the
  period of the comparison, though it may date the base's own value (较一季度的10.6%).
- ``recurring``: 每年, 每月: what recurs has no period of its own (period None).

`explicit_year` is True when the words fix the year themselves (2025年, 去年, “十四五”期间).

Year of bare words (一季度, 1—4月, 上半年, 全年, 8月): the year of the nearest preceding
mention whose words fixed a year; with none, the published year, or the year before when
the span would end more than a month after the published month (1—11月 published in
January -> last year's). Relative words resolve against the published date; with none,
against the nearest year the text fixes.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import cache
from datetime import date, timedelta

import regex

from ...records import Period
from .base_frame import in_base_frame
from .calendar_days import count, num
from .fiscal import fiscal_months, fiscal_years
from .grammar import after_patterns, grammar, group_names, lexicon
from .grammar import report_after, windows
from .runs import opens_paragraph, own_month_runs, section_restarts, sentence_start, states_figure, \
    this_year_as_reported
from .reach_words import named_event, released_now
from .speaking import FixedYears, Speaking, has_months
from .resolve import PeriodMention, resolve_mention


def find_periods(text: str, published: date | None) -> list[PeriodMention]:
    """Every period mention in the article, in order, each resolved to a Period (see module doc)."""
    from .reach import inner_spans, listed_periods  # noqa: PLC0415  (reach reads the mention)

    pattern = grammar()
    names = group_names()
    lex = lexicon()
    raw = [(m, dict(zip(names, m.groups())))
           for start, end in windows(text) for m in pattern.finditer(text, start, end)]
    from ..page_currency import writes_roc_years  # noqa: PLC0415  (one pattern for both)

    if not any(w in text for w in lex["words"]["roc_calendar_pages"]) and not writes_roc_years(text):
        raw = [(m, g) for m, g in raw if not g["yroc"]]  # (a 103年度 elsewhere is no year of ours)
    elif not any(w in text for w in lex["words"]["roc_bare_year_pages"]):
        raw = [(m, g) for m, g in raw if not g["yroc"] or g["rocfull"]]  # (100年 alone may be a century)
    needing_prefix = lex["words"]["since_suffixes_needing_prefix"]
    for _, g in raw:
        if g["yroc"]:  # 民国103年 -> 2014
            g["y"] = str(int(g["yroc"]) + lex["words"]["roc_first_year"] - 1)
        if g["since2"] in needing_prefix and not g["since"]:
            g["since2"] = None  # 2026年开始实施: a start date, not a "since"
        if g["y2"]:  # 25H1 -> 2025
            g["y"] = "20" + g["y2"]
        if g["ycn"] or g["y2cn"]:  # 二〇二五年 -> 2025, ○九年 -> 2009
            digits = lex["words"]["chinese_year_digits"]
            # (after 〇..九 come the other ways to write 0, 零 and ○: all of them are 0)
            g["y"] = ("20" if g["y2cn"] else "") + "".join(str(i if (i := digits.index(c)) < 10 else 0)
                                                          for c in g["ycn"] or g["y2cn"])
    # (where, the year the text then speaks from): an article about a whole year was written in
    # the next (2021年全年… is looked back on in 2022), one about part of a year in that year
    fixed_years = FixedYears(text, raw)
    # The year bare words (1-2月, 上半年) belong to: a year the same paragraph fixed before them,
    # else the published date's, else the year the article names most often. A 2021 article that
    # mentions 2019 in passing (比2019年同期增长, 2019年增速变缓至3%) keeps its bare 1-2月 in 2021.
    bulletin = _bulletin_year(text, published)
    first, years = _walk(text, raw, published, fixed_years, None, None, bulletin=bulletin)
    # a year a change starts from (自2007年上市以来, 从1930年的7000多只) is a starting point, never the
    # year the text reports on: it does not vote
    starts = tuple(lex["words"]["since_prefixes"])
    years = [(y, at) for y, at in years if at is None or not at[0].group().startswith(starts)
             and not _is_published_day(at[0].group(), published) and not _issue_line(text, at[0], published)]
    votes = Counter(y for y, at in years if at is not None) or Counter(y for y, _ in years)
    # a tie goes to the later year: a text reports on the latest time it names, the earlier one is
    # history (在1995年才撤县设区 beside 2019年重庆市38区县排名)
    dominant = max(votes, key=lambda y: (votes[y], y)) if votes else None
    # with a published date the year reported on is that date's (or the year before, or a later,
    # planned one: 2013年还将… in a 2012 report) whenever the text names it; only a text about another
    # time (a 2013 bulletin put online in 2022) or with no date at all takes its own most named year
    # (今年, 上年 vote for the published year by construction: they count only when the text names
    # no year in figures; a 2015 bulletin posted in 2023 says 2015年 and 上年 means 2014)
    numeric = Counter(y for y, at in years if at is not None)
    # (a text that opens on an undated time and says 今年 speaks from its published year, whatever past
    # years it names later: 上半年河北55家上市公司… 2015年河钢股份力压长城汽车… 今年上半年; one that opens on a
    # year, 解读2014年早稻产量 on a page dated 2023, speaks from that year)
    near_published = published is not None and (any(y >= published.year - 1 for y in (numeric or votes))
                                                 or _names_published_day(raw, published)
                                                 or bool(raw) and not raw[0][1].get("y") and any(
                                                     lex["relative_years"].get(g.get("rel") or "") == 0 for _, g in raw))
    # (one bare year named once, far from the published one, is said in passing: 这也是2016年…建立…制度以来的
    # 最低水平, 全面完成2015-2016年攻坚村范围项目: the text still speaks from its published year)
    passing = published is not None and sum(numeric.values()) == 1 \
        and not any(has_months(at[1]) for _, at in years if at is not None) \
        and not any(text.startswith(tuple(lex["words"]["review_after"]), at[0].end()) or _on_heading_line(text, at[0].start())
                    for _, at in years if at is not None)  # (2011年上半年 reports on 2011; 2006年工作回顾 on 2006)
    fallback = dominant if dominant is not None and not near_published and not passing else None
    fallback_at = next((at for y, at in years if y == fallback), None)
    other_time = fallback is not None and bool(numeric)  # years in figures, all far from the published one
    # a text whose figures are all of the year before its published one (a 2021 bulletin posted in July
    # 2022): its 全年 is that year's
    last_year = published is not None and bool(numeric) and max(numeric) == published.year - 1
    if fallback is None and not other_time and not last_year:
        out = first  # the same walk again would find the same (the common case: a text about its own year)
    else:
        out, _ = _walk(text, raw, published, fixed_years, fallback, fallback_at, other_time, last_year, bulletin)
    out = fiscal_years(text, raw, fiscal_months(raw, out))
    dated = [i for i, m in enumerate(out) if m.period is not None and m.reach != "none"]
    first = out[dated[0]] if dated else None
    if first is not None and first.kind == "day" and first.reach == "sentence" \
            and not any(c.isdigit() for c in text[:text.rfind("\n", 0, first.start) + 1]):
        # 3日全国接待国内游客1.19亿人次 heading an article (no figure in a line above it): the day
        # it reports on; a day further down (9月6日，港股…走低) dates its sentence only
        out[dated[0]] = replace(out[dated[0]], reach="carry")
    out = this_year_as_reported(text, own_month_runs(out, dated), dated)
    redated = [i for i, m in enumerate(out) if m.period is not None and m.reach != "none"]  # (reaches changed above)
    out = section_restarts(text, out, redated)
    return inner_spans(text, listed_periods(text, out))


_DIGITS = regex.compile(r"\d+")
_CLAUSE_MARK = regex.compile(r"[，,。；;！？!?]")


def _on_heading_line(text: str, pos: int) -> bool:
    """A year on a line with no clause marks (一、2006年工作回顾; 1994年 比上年增长% over a table's
    columns): a heading or a column's title, which names the year the text is about, never in passing."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end >= 0 else len(text)]
    return len(line) <= 40 and _CLAUSE_MARK.search(line) is None


def _names_published_day(raw, published: date) -> bool:
    """A day with no year that is the published one (12月7日 in a page of 2023-12-07, opening 12月7日，成都…迎来
    今年第7000万名旅客): the text speaks from its published date, however old the years it looks back on
    (2004年…2009年11月…2018年12月 in the history of an airport's passenger count)."""
    return any(g.get("dm") and g.get("d") and not g.get("y") and num(g["dm"]) == published.month
               and num(g["d"]) == published.day for _, g in raw)


def _issue_line(text: str, m, published: date | None) -> bool:
    """A month alone on its line under a title (兰坪县2021年国民经济和社会发展统计公报 / 兰坪县统计局 / 2022年3月) that
    is the reference month or the one before it (a page with no date is read from the month after the latest it
    names): the month the text was issued, not what it reports on; it casts no vote."""
    if published is None:
        return False
    start, end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
    if text[start:end if end >= 0 else len(text)].strip() != m.group().strip():
        return False
    nums = [int(x) for x in _DIGITS.findall(m.group())]
    before = published.replace(day=1) - timedelta(days=1)
    return len(nums) == 2 and tuple(nums) in ((published.year, published.month), (before.year, before.month))


def _is_published_day(words: str, published: date | None) -> bool:
    """The page's own date line (发布日期:2018-04-05 17:22 on a page published that day): it dates the
    page, not what the text reports on, so it casts no vote for the year the text speaks from."""
    if published is None:
        return False
    nums = [int(x) for x in _DIGITS.findall(words)]
    return nums[:3] == [published.year, published.month, published.day]


_BULLETIN_HEAD = 120  # characters of a page's opening that may hold its title


def _bulletin_year(text: str, published: date | None) -> int | None:
    """The year of a statistics bulletin the page opens with, when it was published the year after (辰溪縣2021年國民
    經濟和社會發展統計公報 on a page of 2022-04-11); else None."""
    if published is None:
        return None
    m = _bulletin_title().search(text[:_BULLETIN_HEAD])
    return int(m.group(1)) if m and int(m.group(1)) == published.year - 1 else None


@cache
def _bulletin_title() -> regex.Pattern:
    titles = "|".join(regex.escape(w) for w in lexicon()["words"]["bulletin_titles"])
    return regex.compile(rf"((?:19|20)\d{{2}})年[^，,。；;\n\d]{{0,24}}?(?:{titles})")


def _walk(text: str, raw, published: date | None, fixed_years, fallback: int | None, fallback_at,
          other_time: bool = False, last_year: bool = False, bulletin: int | None = None):
    """The mentions resolved in order, and the years that fixed bare words' year on the way.
    A fixed year reaches on to the next one, except that a year long before the published one
    reaches the end of its paragraph only; with no fixed year, `fallback` (else the published
    date's year) gives bare words their year."""
    from .asides import in_quoted_speech  # noqa: PLC0415
    from .reach import reach_of, respective_after  # noqa: PLC0415  (reach reads the mention)

    out: list[PeriodMention] = []
    years: list[tuple[int, object]] = []  # (year, the match that fixed it)
    anchor: int | None = None  # end year of the last mention whose words fixed a year
    anchor_at = None  # ...and its match, for the year the text speaks from (see _speaking_year)
    last_month: date | None = None  # last day of the last month named (for a bare 月底)
    # the spans of years the text writes out (2010年至2020年), for the N years it counts back (过去十年)
    years_written = [(m.start(), int(g["yr1"]), int(g["yr2"])) for m, g in raw if g["yr1"] and g["yr2"]]
    named_day: date | None = None  # the last calendar day named (for 当天)
    paragraph_end = -1
    sentence_at, sentence_anchor, sentence_years = -1, (None, None), 0  # years named in this sentence
    anchor_figures = True  # the sentence of the anchor's year states a figure
    months_named: dict[tuple[str, str], str] = {}  # the months of a span whose words fixed its year -> that year
    for m, g in raw:
        if m.start() > paragraph_end:
            nl = text.find("\n", m.start())
            paragraph_end = nl if nl >= 0 else len(text)
            if published is not None and anchor is not None and (anchor < published.year - 1 or (not anchor_figures and anchor < published.year)):
                # a new paragraph: a year long past (2019年增速变缓至3%), or one whose sentence states
                # no figure (所以2021年外贸的高增长带有恢复性成分), was said in passing; back to the
                # year reported on
                anchor, anchor_at = None, None
            elif published is None and anchor is not None and fallback is not None and anchor < fallback:
                # an undated text: a year before the one it names most (2023年全国第五次经济普查结果 in a
                # 2024 bulletin) was another time's paragraph; the next is back in the year reported on
                anchor, anchor_at = None, None
        if published is not None and anchor is not None and anchor < published.year and not g["y"] \
                and released_now().search(text, max(0, m.start() - 12), m.start()):
            # 經濟部今天公布10月外銷訂單 after a paragraph on 民國100年: what is released today is the latest such
            # month, in the published year's reach (BL's, UU's, ZM's Taiwan and Macau releases)
            anchor, anchor_at = None, None
        speaking = Speaking(text, anchor if anchor is not None else fallback,
                             anchor_at if anchor is not None else fallback_at, fixed_years, other_time, last_year)
        mention = resolve_mention(text, m, g, published, anchor if anchor is not None else fallback, speaking, last_month,
                           named_day)
        if mention is None:
            continue
        if published is not None:  # (an undated page's 今年 is a guess: no months are fixed by it)
            mention = _same_months_again(mention, g, months_named)
        # 2026年政府工作报告, 2026年全省商务工作会议: the year names a report or a meeting that looks
        # back on the year before; like an event's day, it is not what the body's numbers cover
        titled = mention.kind == "span" and not has_months(g) and \
            report_after().match(text, mention.end, mention.end + 16)
        if titled:
            mention = PeriodMention(mention.start, mention.end, mention.text, mention.period,
                                    mention.explicit_year, "day")
        if (g["pastn"] or g["pastn2"]) and mention.kind == "span":
            n = count(g["pastn"] or g["pastn2"])
            # 过去十年 in a text that writes the decade out (从2010年到2020年): those years
            fits = [y for y in years_written if n in (y[2] - y[1], y[2] - y[1] + 1)]
            before = [y for y in fits if y[0] < mention.start]
            if span := (before[-1] if before else fits[0] if fits else None):  # the nearest before, else after
                mention = replace(mention, period=Period(start=f"{span[1]}-01-01", end=f"{span[2]}-12-31",
                                                         text=mention.text))
            elif n == 1 and anchor is not None and anchor_at is not None \
                    and sentence_start(text, anchor_at[0].start()) == sentence_start(text, mention.start):
                # 2006年是“十一五”规划的开局之年,一年来…: the year its sentence just named (BX's 尖草坪, JZ's county bulletin)
                mention = replace(mention, period=Period(start=f"{anchor}-01-01", end=f"{anchor}-12-31",
                                                         text=mention.text))
        mention = PeriodMention(mention.start, mention.end, mention.text, mention.period, mention.explicit_year,
                                mention.kind, reach_of(text, mention, g))
        out.append(mention)
        if mention.period is not None and mention.kind == "span" and has_months(g) and mention.reach != "none":
            last_month = date.fromisoformat(mention.period.end)  # (not a base's month: 在7月份…的基础上。当月…)
        if mention.period is not None and mention.period.start and mention.kind == "day" \
                and mention.period.start == mention.period.end and not g["ts_y"]:
            named_day = date.fromisoformat(mention.period.end)  # for a later 当天
        if g["pastn"] or g["pastn2"] or g["nextn"] or g["within"] or mention.kind == "base" \
                or mention.reach in ("next", "cause") or (g["yr1"] and mention.reach == "sentence") \
                or mention.reach == "none" and (in_base_frame(text, mention.start, mention.end)
                                                or named_event().match(text, mention.end) is not None) \
                or (g["since"] or g["since2"]) and mention.reach == "clause":
            # (自2020年三季度以来连续7个季度…: a streak's start; the report's 二季度 after it stays the report's year)
            # 过去五年, a comparison's year, 已超2020年全年的…, 在2019年下降0.82个百分点的基础上 (what the
            # figures build on): later bare words keep the reporting year
            continue
        widget = mention.kind == "day" and after_patterns()[1].match(text, mention.end, mention.end + 4)
        # a date with a clock time (最后更新时间:2016/05/16 15:06, a crawl's 2024-08-14 23:28:56) is when the page
        # was posted, updated or copied: it dates the page, never the figures, so it fixes no year
        widget = widget or bool(g["ts_y"]) and ":" in m.group()
        # a day in the published year (a dateline, the day a report was delivered) says no more
        # than the published date: it must not stop 1—11月 published in January meaning last year
        same_as_published = mention.kind == "day" and published is not None and \
            mention.period.start[:4] == str(published.year)
        # 明年, 去年 do not set the year of later bare words: 1至9月 after 明年初…部署 is this year's
        numeric_year = bool(g["y"] or g["yr2"] or g["cy2"] or g["ts_y"] or g["ry2"])
        opened = sentence_start(text, mention.start)
        if opened != sentence_at:
            sentence_at, sentence_anchor, sentence_years = opened, (anchor, anchor_at), 0
        if numeric_year and sentence_years and respective_after(text, mention.end):
            # 2020年上半年和2021年上半年净利分别…: years listed one per figure; later bare words keep
            # the year reported on
            anchor, anchor_at = sentence_anchor
            continue
        # (an event's day in an earlier year, its sentence stating no figure: 2020年12月25日，…试点正式运行。
        # …截至6月底 is the year reported on, not the event's)
        event_day = mention.kind == "day" and published is not None and mention.period is not None \
            and int(mention.period.end[:4]) < published.year and not states_figure(text, opened, mention.end)
        # (扭转了2018年第四季度以来增速持续减缓的局面 in a sentence of no figure: a trend's start, not the year
        # a 2019 bulletin's 全年 is of; 2020年以来，… opening its sentence is the report's year)
        trend_start = mention.text.endswith(_SINCE) and mention.start - opened > _SINCE_OPENING \
            and not states_figure(text, opened, mention.end)
        if numeric_year and mention.period is not None and mention.kind != "now" and not widget \
                and not same_as_published and not titled and not in_quoted_speech(text, mention.start) \
                and not event_day and not trend_start \
                and mention.reach != "aside":  # (2017年一季度出售部分股票…): the bracket's year only
            sentence_years += 1
            anchor = int(mention.period.end[:4])
            anchor_figures = states_figure(text, opened, mention.end) or opens_paragraph(text, mention.start,
                                                                                          mention.end)
            anchor_at = (m, g)
            years.append((anchor, anchor_at))
        elif mention.kind == "span" and (g["hol"] or g["hol2"]) and published is not None \
                and mention.period is not None:
            # 春节假期: this year's holiday, as sure a vote as a year in figures (2019年春节 only compares)
            years.append((int(mention.period.end[:4]), (m, g)))
        elif mention.kind == "span" and g["rel"] and published is not None and mention.period is not None:
            years.append((int(mention.period.end[:4]), None))  # 今年, 去年: a vote for the year reported on
            if lexicon()["relative_years"].get(g["rel"]) == 0 and bulletin is not None:
                # a bulletin of last year says 今年 of the year it reports: that year, and its figures stay there
                out[-1] = replace(mention, period=_in_year(mention.period, bulletin))
                years[-1] = (bulletin, None)
                anchor, anchor_at = bulletin, (m, g)
            elif lexicon()["relative_years"].get(g["rel"]) == 0 and anchor is not None and anchor < published.year:
                # 2021年天津地区生产总值… then 今年一季度天津…: the text is back in the year it speaks
                # from, and a later bare 一季度 is of that year again
                anchor, anchor_at = None, None
    return out, years


def _in_year(period: Period, year: int) -> Period:
    """`period` moved to `year` (a 今年 of the published year read as the year a bulletin reports)."""
    shift = year - int(period.start[:4])
    return Period(start=f"{year}{period.start[4:]}", end=f"{int(period.end[:4]) + shift}{period.end[4:]}", text=period.text)


def _same_months_again(mention: PeriodMention, g: dict, named: dict[tuple[str, str], str]) -> PeriodMention:
    """今年1-11月… then, after 在2020年、2022年超过欧盟… , 1—11月，全市对东盟进出口…: the months of this year the text
    reports on, named again without a year, are the same months, not those of the last year named in passing."""
    p = mention.period
    if mention.kind != "span" or p is None or not p.start or not has_months(g) or p.start[:4] != p.end[:4]:
        return mention
    key = (p.start[5:], p.end[5:])
    if key == ("01-01", "12-31"):
        return mention  # (今年全年 in a forecast, then 2005年…全年: a whole year follows the year named last)
    if mention.explicit_year:
        if lexicon()["relative_years"].get(g.get("rel") or "") == 0:
            named[key] = p.start[:4]  # (今年1-11月: the months of the year the text speaks from)
        return mention
    year = named.get(key)
    if year is None or year == p.start[:4]:
        return mention
    return replace(mention, period=Period(start=year + p.start[4:], end=year + p.end[4:], text=p.text))


_SINCE = ("以来",)
# Why: a since-time within the first few characters of its sentence opens it (2020年以来，…, 今年以来，…).
_SINCE_OPENING = 4
