"""What every sentence of one article is read against: its text, published date, its own
place (and the 全区 it speaks of), its period mentions, and the period words to cut from
the words a metric is read from. Built once per article; immutable."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date

from .lexicon import place_names
from .period import PeriodIndex
from .subject import local_area, main_region, place_of_site, subject_name, whole_region_word


@dataclass(frozen=True)
class ArticleContext:
    text: str
    published: date | None
    region: str | None  # the most named province or city, or 全国
    local: dict  # {"区": "武侯区"} when the article says 全区 of 成都市武侯区
    home: str | None  # the subject a paragraph starts from
    periods: PeriodIndex
    cut_spans: tuple  # (start, end) of period words, sorted
    cut_starts: tuple

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
            out.append(self.text[cursor:max(cursor, s)])
            cursor = max(cursor, e)
        out.append(self.text[cursor:end] if cursor < end else "")
        return "".join(out)

    def subject_name(self, name: str) -> str:
        """A place or body as a fact carries it: 全省 -> the article's province, 全区 -> its district."""
        if name[-1:] in self.local and place_names().get(name) == "whole_region":
            return self.local[name[-1]]
        return subject_name(name, self.region)


def article_context(text: str, mentions, title: str | None, published: date | None,
                    url: str | None = None) -> ArticleContext:
    # an article that never names its place (我市…, 全省…) is about the place its site is of
    region = main_region(text, title) or place_of_site(url)
    local = local_area(text)
    home = whole_region_word(text)
    # the subject a paragraph starts from: a district the article is about, its main place,
    # else the 全市 word it uses for a place it never names
    home = local.get((home or " ")[-1]) or region or home
    # period words are cut from the words a metric is read from; a comparison base stays
    # (较上年同期 says what a gap is measured against)
    spans = tuple(sorted((m.start, m.end) for m in mentions if m.kind != "base"))
    return ArticleContext(text=text, published=published, region=region, local=local, home=home,
                          periods=PeriodIndex(text, mentions), cut_spans=spans,
                          cut_starts=tuple(s for s, _ in spans))
