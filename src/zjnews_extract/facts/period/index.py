"""Each number's period: the nearest earlier period mention whose reach (reach.py) covers it,
walked back from the number over an index of the article's mentions built once."""
from __future__ import annotations

import bisect
from datetime import date
from dataclasses import replace

import regex

from ...records import Period
from .asides import aside_close
from .calendar_days import first_day, last_day, make_period, month_end, year_before
from .reach import CLAUSE_MARK, LINE_MARK, SENTENCE_MARK, WALK_LIMIT
from .reach_words import word_tuple
from .year_ago import section_starts, under_heading, year_ago_list

_MONTH_DAYS = 27  # (a span shorter than February is a week's or a day's: when a report came out)


def _in_year(p: Period | None, year: int, text: str) -> Period | None:
    """The months of `p` in `year` (1-2月 of 2021 -> 1-2月 of 2020 for 2020年同期)."""
    if p is None or not p.start or not p.end:
        return None
    shift = year - int(p.end[:4])

    def move(day: str) -> str:
        y, rest = int(day[:4]) + shift, day[4:]
        return f"{y}{'-02-28' if rest == '-02-29' else rest}"

    return Period(start=move(p.start), end=move(p.end), text=text)


# a year-ago time as the topic of what follows (year_ago.py)
_YEAR_AGO_TOPICS = ("year_ago_section", "year_ago_line", "year_ago_sentence")
# what joins the times of a list written side by side (25H1/25Q2, 2023、2024年)
_RUN_JOINS = ("/", "／", "、")
# the words between a time and the first figure of its clause
_SENTENCE_END, _SENTENCE_REACH = regex.compile(r"[。！？!?]|\n"), 200
_CLAUSE_TO_FIGURE = regex.compile(r"[，,]?[^\d，,。；;！？!?\n]{0,20}")  # (1-11月,CPI同比累计上涨: past a comma)
# how many mentions back a holiday or campaign may stand before the day it holds (one article's lead)
_EVENT_LOOK_BACK = 12



class PeriodIndex:
    """The mentions of one article, ready to answer `period_at` for each of its numbers."""

    def __init__(self, text: str, mentions):
        self.text = text
        self.items = [m for m in mentions if m.reach != "none"]
        # the days said anywhere, whatever they reach (the month of a daily report: _day_month)
        self.days = [m for m in mentions if m.kind == "day" and m.period is not None and m.period.start]
        self.ends = [m.end for m in self.items]
        usable = [m for m in self.items if m.kind in ("span", "now") and m.period is not None]
        # the article's running period, not a time said in passing before it (意见征求期间为…) nor in
        # brackets (拟开发产品(其中相当一部分将在2010年一季度转为在建): an annual report's aside)
        passing = ("sentence", "own_sentence", "aside", "period_end", "report_span")
        first = next((m for m in usable if m.reach not in passing), usable[0] if usable else None)
        self.first = first.period if first is not None else None
        if first is not None and first.reach == "clause" and first.text.endswith(word_tuple("year_end")) \
                and self.first is not None and self.first.start:
            # 生猪年末存栏965万头 as the only time of a bulletin: the stock's moment tells the year the
            # text reports on; the other figures are that year's flows, not December's
            y = self.first.start[:4]
            self.first = Period(start=f"{y}-01-01", end=f"{y}-12-31", text=self.first.text)
        self.clause_marks = [m.start() for m in CLAUSE_MARK.finditer(text)]
        self.sentence_marks = [m.start() for m in SENTENCE_MARK.finditer(text)]
        self.lines = [m.start() for m in LINE_MARK.finditer(text)]
        self.sections = section_starts(text)
        self.last_carry = self._carries()
        for i, m in enumerate(self.items):
            if self._year_to_date_aside(m):
                # 10月份…同比上涨2.4%，1—10月份累计平均上涨1.1%。从环比看，…鲜菜价格上涨32.9%: a month's
                # release sums up the months to date in passing; what follows is the month's again
                self.items[i] = replace(m, reach="own_sentence")
                self.last_carry = self._carries()
        for i, m in enumerate(self.items):
            if m.reach == "period_end":  # 截至报告期末: the last month of the period running where it is said
                running = self.period_at(m.start)
                end = running.end if running is not None and running.end else None
                self.items[i] = replace(m, period=None if end is None else
                                        Period(start=end[:8] + "01", end=end, text=m.text))
        if any(m.reach == "report_span" for m in self.items):
            # 期内，营业额…: the report's own period again, carried on as a time named there would be
            self.items = [m for m in (self._report_span(i) for i in range(len(self.items))) if m is not None]
            self.ends = [m.end for m in self.items]
            self.last_carry = self._carries()

    def _report_span(self, i: int):
        """Item `i`, or, for 期内, the latest running period before it that is more than a week and not said
        of a past year (去年度…: periods.toml report_span_not), carried on; None when there is none."""
        m = self.items[i]
        if m.reach != "report_span":
            return m
        past = word_tuple("report_span_not")
        for earlier in reversed(self.items[max(0, i - WALK_LIMIT):i]):  # (bounded: linear in the text)
            p = earlier.period
            if earlier.reach == "carry" and p is not None and p.start and p.end \
                    and (date.fromisoformat(p.end) - date.fromisoformat(p.start)).days >= _MONTH_DAYS \
                    and not any(w in earlier.text for w in past):
                return replace(m, period=p, reach="carry")
        return None

    def _carries(self) -> list[int]:
        """For each mention, the index of the last carrying mention at or before it (-1: none)."""
        out, last = [], -1
        for i, m in enumerate(self.items):
            if m.reach == "carry":
                last = i
            out.append(last)
        return out

    def _year_to_date_aside(self, m) -> bool:
        """A carrying January-to-month span said where that month alone is the running period."""
        p = m.period
        if m.reach != "carry" or p is None or not p.start or not p.end or p.start[5:7] != "01" \
                or p.start[:4] != p.end[:4] or p.start[:7] == p.end[:7]:
            return False
        # only an average of the months (累计平均上涨, 1-8月CPI累计上涨: a price index's months summed up);
        # a flow's months to date (1-4月，全社会用电量累计…) are what a release goes on to report
        clause = _CLAUSE_TO_FIGURE.match(self.text, m.end)
        if clause is None or not any(w in clause.group() for w in word_tuple("averaged_to_date")):
            return False  # (the words first: cheaper than the walk back for the running period)
        running = self.period_at(m.start)
        if running is None or not running.start or not running.start[:7] == running.end[:7] == p.end[:7]:
            return False
        # and the summing up closes its paragraph or hands back to the month (。从环比看): a sentence going on
        # with the months' breakdown (1-4月份，…同比上涨3.6%，八大类商品四升三降一平。上涨的有…) keeps them
        end = _SENTENCE_END.search(self.text, m.end, m.end + _SENTENCE_REACH)  # (bounded: linear in the text)
        if end is None:
            return False
        after = self.text[end.end():end.end() + 8].lstrip(" \t\u3000")
        return end.group() == "\n" or not after or after.startswith("\n") \
            or after.startswith(word_tuple("month_again_openers")) or self._opens_with(end.end(), running)

    def _opens_with(self, at: int, period: Period) -> bool:
        """The sentence from `at` opens with a mention of `period`'s month (。10月份，全国居民消费价格…)."""
        i = bisect.bisect_left(self.ends, at)  # (the first mention ending after `at`: mentions do not overlap)
        m = self.items[i] if i < len(self.items) else None
        return m is not None and m.start - at <= 2 and m.period is not None and bool(m.period.start) \
            and m.period.start[:7] == m.period.end[:7] == period.end[:7]

    @staticmethod
    def _start(marks: list[int], offset: int) -> int:
        i = bisect.bisect_left(marks, offset) - 1
        return marks[i] + 1 if i >= 0 else 0

    def frame_start(self, sentence: int) -> int:
        """Where the frame a sentence continues starts: a sentence opening with 其中 belongs to the
        one before it (at most three back), in the same paragraph."""
        words = word_tuple("frame_continuations")
        for _ in range(3):
            if sentence == 0 or not self.text[sentence:sentence + 8].lstrip().startswith(words) \
                    or self.text[sentence - 1] == "\n":
                break
            sentence = self._start(self.sentence_marks, sentence - 1)
        return sentence

    def listed_run(self, start: int, end: int, n: int) -> list[Period] | None:
        """The n periods written side by side right before a list of n figures (25H1/25Q2毛利率分别为
        25.6%/25.8%: a broker note's list of times), each its figure's; else None."""
        i = bisect.bisect_right(self.ends, end) - 1
        run: list = []
        while i >= 0 and self.items[i].start >= start:
            m = self.items[i]
            if run and self.text[m.end:run[0].start].strip() not in _RUN_JOINS:
                break
            if m.kind == "span" and m.period is not None:
                run.insert(0, m)
            i -= 1
        return [m.period for m in run] if len(run) == n and n >= 2 else None

    def event_holding(self, day: str, before: int) -> Period | None:
        """The last span of days said before `before` that holds `day` (YYYY-MM-DD) and is no run of whole
        months: a holiday or a campaign (国庆假期 10-01..10-07, 春运 01-13..02-21), else None."""
        i = bisect.bisect_right(self.ends, before) - 1
        for m in reversed(self.items[max(0, i - _EVENT_LOOK_BACK):i + 1]):
            p = m.period
            if m.kind == "span" and p is not None and p.start and p.start < day <= p.end \
                    and (p.start[8:] != "01" or not month_end(p.end)):
                return p
        return None

    def period_at(self, offset: int, prev_end: int = 0, topics: bool = True) -> Period | None:
        """The period of a number starting at `offset`; `prev_end` is where the number before it
        in its clause ended (a comparison's own value is the first number after it only). Without
        `topics`, a year-ago section or sentence is passed over: the report's own period, which
        such a topic moves one year back (and only once, though a sentence sits in a section)."""
        clause = self._start(self.clause_marks, offset)
        sentence = self._start(self.sentence_marks, offset)
        paragraph = self._start(self.lines, offset)
        i = bisect.bisect_right(self.ends, offset) - 1
        if (own := self._base_year_level(i, offset)) is not None:
            return own
        fallback = None
        steps = 0
        while i >= 0:
            m = self.items[i]
            steps += 1
            if steps > WALK_LIMIT:
                i = self.last_carry[i]
                if i < 0:
                    break
                m = self.items[i]
            reach = m.reach
            if reach == "carry":
                return m.period
            if reach == "next":
                if m.start >= clause and m.end <= offset and m.start >= prev_end:
                    return m.period
            elif reach == "year_ago":
                if m.start >= clause and m.end <= offset \
                        and (m.start >= prev_end or year_ago_list(self.text, m.end, offset)):
                    return year_before(self.period_at(m.start))
            elif reach in _YEAR_AGO_TOPICS:
                if topics and (m.start >= sentence if reach == "year_ago_sentence"
                               else m.start >= paragraph if reach == "year_ago_line"
                               else under_heading(self.sections, m.end, offset)):
                    return year_before(self.period_at(m.start, topics=False))
            elif reach == "year_same":
                if m.start >= clause:
                    return _in_year(self.period_at(m.start), int(m.period.start[:4]), m.text)
            elif reach == "year_same_next":
                if m.start >= clause and m.end <= offset and m.start >= prev_end:
                    return _in_year(self.period_at(m.start), int(m.period.start[:4]), m.text)
            elif reach in ("clause", "cause"):
                if m.start >= clause:
                    return m.period
            elif reach in ("own_sentence", "period_end"):
                if m.start >= sentence:
                    return m.period
            elif reach == "sentence":
                if m.start >= sentence or m.start >= self.frame_start(sentence):
                    return m.period
            elif reach == "aside":
                if aside_close(self.text, m.end) >= offset:
                    return m.period
            elif reach == "paragraph":
                if m.start >= paragraph:
                    return m.period
                fallback = fallback or m
            i -= 1
        if fallback is not None:
            return fallback.period
        return self.first if self.first is not None else self._day_month(offset)

    def _base_year_level(self, i: int, offset: int) -> Period | None:
        """比1978年的340元增长113.5倍: the growth runs over the years since the base year, the level said right
        after 1978年的 is that year's own (AM's 成都, and eight more 比N年的…倍 in the held-out pages)."""
        m = self.items[i] if i >= 0 else None
        p = m.period if m is not None else None
        if p is None or not p.start or not p.end or p.start[:4] == p.end[:4] \
                or self.text[m.end:offset].strip(" \u3000") != "的" or p.start[:4] not in m.text:
            return None
        y = int(p.start[:4])
        return make_period(date(y, 1, 1), date(y, 12, 31), m.text)

    def _day_month(self, offset: int) -> Period | None:
        """With no span anywhere, the month of the last day said before `offset` (else of the first day the
        article says): a daily report (哈尔滨市3日交通安全有序…; 7月20日与上个监测日比…) tells its day once, the
        figures around are that month's (TK 黑龙江 and ZC 张家界 holiday days, WH 哈尔滨 prices, RM 海南, KQ, WE)."""
        if not self.days:
            return None
        before = [m for m in self.days if m.end <= offset]
        p = (before[-1] if before else self.days[0]).period
        y, mo = int(p.start[:4]), int(p.start[5:7])
        return make_period(first_day(y, mo), last_day(y, mo), p.text)
