"""What every sentence of one article is read against: its text, published date, its own
place (and the 全区 it speaks of), its period mentions, and the period words to cut from
the words a metric is read from. Built once per article; immutable."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date

from .company import article_company
from .ownplace import own_place, whole_region_word
from .period import PeriodIndex
from .status import target_lists
from .subject import subject_name


@dataclass(frozen=True)
class ArticleContext:
    text: str
    published: date | None
    region: str | None  # the article's own place (facts/ownplace.py), or 全国
    wholes: dict  # what its 全X/我X words mean: {"区": "涪陵", "市": "重庆"}
    company: str | None  # the company whose results it reports (facts/company.py)
    home: str | None  # the subject a paragraph starts from
    periods: PeriodIndex
    cut_spans: tuple  # (start, end) of period words, sorted
    cut_starts: tuple
    target_spans: tuple = ()  # (start, end) of the lists a line of plans announces (facts/status.py)

    def in_target_list(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.target_spans)

    def cut(self, start: int, end: int) -> str:
        """text[start:end] without the period words in it (they are attributes, not names)."""
        out, cursor = [], start
        spans = self.cut_spans
        for i in range(max(0, bisect.bisect_left(self.cut_starts, start) - 2), len(spans)):
            s, e = spans[i]
            if s >= end:
                break
            if e <= cursor:
                continue
            before = self.text[cursor:max(cursor, s)]
            cursor = max(cursor, e)
            if before.endswith("在") and self.text.startswith("的", e) and e + 1 <= end:
                before, cursor = before[:-1], e + 1  # 酒店场所在黄金周的平均房价: 在…的 frames the time, cut with it
            out.append(before)
        out.append(self.text[cursor:end] if cursor < end else "")
        return "".join(out)

    def without_company(self, metric: str | None, subject: str | None) -> str | None:
        """合众思壮净利润 of 合众思壮: the company reported on is the subject, its name no part of the metric."""
        from .metric.heads import measurable  # noqa: PLC0415  (metric/ reads the context's words)

        company = self.company
        if metric and company and subject == company and metric.startswith(company) \
                and measurable(metric[len(company):]):
            return metric[len(company):]
        return metric

    def subject_name(self, name: str) -> str:
        """A place or body as a fact carries it: 全省 -> the article's province, 全区 -> its district,
        the place inside the name of the company it reports on (上海医药: 上海) -> the company."""
        if self.company and len(name) >= 2 and self.company.startswith(name):
            return self.company
        return subject_name(name, self.region, self.wholes)


def article_context(text: str, mentions, title: str | None, published: date | None,
                    url: str | None = None, source: str | None = None) -> ArticleContext:
    headline_end = len(title) if title and text.startswith(title) else text.find("\n")
    company = article_company(text, headline_end)
    own = own_place(text, title, url, skip=company.spans if company else (), source=source)
    if company is not None and company.mentions < own.weight:
        company = None  # a company named in passing in a region's report
    # the subject a paragraph starts from: the company reported on, the article's own place,
    # else the 全市 word it uses for a place it never names
    home = (company.name if company else None) or own.name or whole_region_word(text)
    # period words are cut from the words a metric is read from; a comparison base stays
    # (较上年同期 says what a gap is measured against)
    spans = tuple(sorted((m.start, m.end) for m in mentions if m.kind != "base"))
    return ArticleContext(text=text, published=published, region=own.name, wholes=own.wholes,
                          company=company.name if company else None, home=home,
                          periods=PeriodIndex(text, mentions), cut_spans=spans,
                          cut_starts=tuple(s for s, _ in spans), target_spans=tuple(target_lists(text)))
