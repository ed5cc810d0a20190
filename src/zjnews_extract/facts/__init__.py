"""Facts: article text -> quantities -> facts and initiatives.

`find_facts` runs the stages in order: quantities (the quantity/ package), period
mentions (period/), named initiatives (initiatives.py, whose names are kept whole by the
segmenter while this article is read), which quantities are facts (notfacts.py), the
article's context (context.py: its place, its periods), the published tables (tables/,
whose lines the sentence walk then skips), then the sentence walk that ties each fact
quantity to its metric, subject, period, status and benchmark (assemble.py).
Nothing heavy is imported at package import time.
"""
from __future__ import annotations

import calendar
from datetime import date

import regex
from msgspec.structs import replace

from ..records import Fact, Initiative, Period
from .ids import fact_id, span_id

_QUOTED_SHORT = regex.compile(r"[“\"「]([^”\"」]{1,12})[”\"」]")


def find_facts(text: str, *, published: date | None = None, url: str | None = None,
               title: str | None = None, source: str | None = None,
               traditional: bool = False) -> tuple[list[Fact], list[Initiative]]:
    """Every stated fact of `text` (Document.text) and the initiatives it names; `source` (the
    page's 来源, e.g. 运城日报) may tell the article's place; `traditional` says the page was written in
    traditional script (`text` being its simplified shadow), which tells a Hong Kong page's dollar. A PDF's
    wrapped lines are read as the sentences they are (unwrap.py); the spans stay those of `text`."""
    from .unwrap import unwrap  # noqa: PLC0415

    wrapped = unwrap(text)
    facts, initiatives = _find_facts(wrapped.text, published=published, url=url, title=title, source=source,
                                     traditional=traditional)
    if not wrapped.dropped:
        return facts, initiatives
    return [_spanned(f, text, wrapped) for f in facts], [_mentioned(i, wrapped) for i in initiatives]


def _spanned(fact: Fact, text: str, wrapped) -> Fact:
    """`fact`, read in the unwrapped text, with its span, text and id in `text`."""
    start, end = wrapped.span(fact.start, fact.end)
    return replace(fact, start=start, end=end, text=text[start:end], id=span_id(start, end, text[start:end]))


def _mentioned(initiative: Initiative, wrapped) -> Initiative:
    return replace(initiative, mentions=[replace(m, start=s, end=e) for m in initiative.mentions
                                         for s, e in [wrapped.span(m.start, m.end)]])


def _find_facts(text: str, *, published: date | None, url: str | None, title: str | None,
                source: str | None, traditional: bool = False) -> tuple[list[Fact], list[Initiative]]:
    from ..quantity import find_quantities  # noqa: PLC0415
    from . import words  # noqa: PLC0415  (jieba loads on first use only)
    from .assemble import assemble  # noqa: PLC0415
    from .groups import scope_groups  # noqa: PLC0415
    from .parts import parts_within, scope_parts  # noqa: PLC0415
    from .headings import restate_headings  # noqa: PLC0415
    from .sections import section_metrics  # noqa: PLC0415
    from .context import article_context  # noqa: PLC0415
    from .initiatives import find_initiatives, protected_spans  # noqa: PLC0415
    from .lexicon import confirming  # noqa: PLC0415
    from .counties import confirmed_counties  # noqa: PLC0415
    from .notfacts import fact_quantities  # noqa: PLC0415
    from .period import find_periods  # noqa: PLC0415
    from .structure import find_structure_facts, ratio_to_one_quantities  # noqa: PLC0415
    from .series_units import in_series_units  # noqa: PLC0415
    from .page_currency import in_page_currency  # noqa: PLC0415

    quantities = find_quantities(text)
    if ratios := ratio_to_one_quantities(text):
        quantities = sorted(quantities + [r for r in ratios if not any(q.start < r.end and r.start < q.end
                                                                            for q in quantities)],
                            key=lambda q: q.start)  # (约为61:1 the reader already read: its reading stays)
    mentions = find_periods(text, published)
    initiatives = find_initiatives(text)
    protected = list(protected_spans(initiatives)) + _quoted_short_names(text)
    ctx = article_context(text, mentions, title, published, url, source)
    with confirming(confirmed_counties(text)):  # 温岭 in a 台州 story is a place
        table_facts, quantities = _tables(text, quantities, ctx)
        forecast_facts, quantities = _forecast_tables(text, quantities, ctx)
        table_facts += forecast_facts
        ratio_facts, ratio_spans = find_structure_facts(text, ctx, fact_id)
        if ratio_spans:  # the terms of a sector ratio are read there, not again as bare numbers
            quantities = [q for q in quantities if not any(s <= q.start < e for s, e in ratio_spans)]
        with words.keeping_whole([i.name for i in initiatives]):
            facts = parts_within(text, scope_parts(text, scope_groups(text, assemble(
                ctx, fact_quantities(text, quantities, protected, ctx.cut_spans)))))
    facts = sorted(facts + table_facts + ratio_facts, key=lambda f: f.start)
    return in_page_currency(text, in_series_units(section_metrics(text, restate_headings(text, facts))),
                            traditional=traditional), initiatives


def _tables(text, quantities, ctx):
    """Facts of the published tables (tables/), and the quantities left for the sentence walk:
    none on a table's lines, captions or footnotes."""
    from .tables import find_table_facts, may_hold_tables  # noqa: PLC0415

    if not may_hold_tables(text):
        return [], quantities
    facts, spans = find_table_facts(text, quantities, subject=ctx.home, published=ctx.published,
                                    period_at=_table_period_at(ctx),
                                    company=bool(ctx.company) and ctx.home == ctx.company, wholes=ctx.wholes)
    ends, i, rest = [e for _, e in spans], 0, []
    for q in quantities:  # both in text order
        while i < len(spans) and ends[i] <= q.start:
            i += 1
        if i == len(spans) or q.end <= spans[i][0]:
            rest.append(q)
    return facts, rest


def _forecast_tables(text, quantities, ctx):
    """Facts of a results forecast's table (forecast_table.py), and the quantities left outside it."""
    from .forecast_table import find_forecast_tables  # noqa: PLC0415

    facts, spans = find_forecast_tables(text, quantities, subject=ctx.home, period_at=ctx.periods.period_at)
    return facts, [q for q in quantities if not any(s <= q.start < e for s, e in spans)]


# how far into a table its header's words are looked for
_HEADER_REACH = 400


def _table_period_at(ctx):
    """The period a table starting at an offset reports on: the text's, else, for a table no time
    precedes (a data page of 指标 | 本年本月累计 | 上年同期), the month before the published one, a
    statistics page being released the month after its data (its columns' 本月, 累计 and 上年同期
    read from that month). The header's own words (本年 of 本年本月累计) are no time of the text."""
    index, published = ctx.periods, ctx.published
    from .tables.layout import words as table_words  # noqa: PLC0415

    relative = tuple(table_words()["header"]["report_month_words"])

    def period_at(offset: int):
        if published is None or any(m.start < offset and m.period is not None for m in index.items) \
                or not any(w in ctx.text[offset:offset + _HEADER_REACH] for w in relative):
            # (a table with no time of its own and no 本月 or 累计 in its header says no period: 湖南's
            # 规模工业增加值增长速度 by city, posted in May, is of no month the page states)
            return index.period_at(offset)
        y, m = (published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12)
        last = calendar.monthrange(y, m)[1]
        return Period(start=f"{y:04d}-{m:02d}-01", end=f"{y:04d}-{m:02d}-{last:02d}", text="")

    return period_at


def _quoted_short_names(text: str) -> list[tuple[int, int]]:
    """Short quoted strings (“十五五”, “三外”, “新三样”) are names: their numbers are not facts,
    unless the quoted words are themselves a figure (“双第一”, “三个90%”)."""
    from .initiatives import is_figure  # noqa: PLC0415

    return [(m.start(), m.end()) for m in _QUOTED_SHORT.finditer(text) if not is_figure(m.group(1))]


def warm_up() -> None:
    """Load jieba, the lexicons and every stage's patterns now (once per process), by
    running the whole chain on one short sentence."""
    from . import words  # noqa: PLC0415

    words.warm_up()
    find_facts("2025年，全省实现进出口额5.55万亿元、增长5.4%，居全国第二，“千团万企”行动组织团组4637个。",
               published=date(2026, 1, 21))
