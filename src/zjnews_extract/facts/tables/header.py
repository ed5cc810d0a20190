"""A table's header rows and what each column holds.

Rows before the first row of figures are caption rows (one filled cell: a title, a period,
单位:亿元) or header rows (two or more). Header rows shorter than the body are placed by
their words: a label-column title (指标, 地区) over the first text column, the rest over the
columns of figures, right-aligned, a title spread evenly over the columns it spans (3月 over
绝对量 and 同比增长). A column is then read from its header: unit, kind (growth, pp, rank,
percent, index), the measure it names, its period words, its benchmark and status.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

import regex

from ..lexicon import alternation, match_place
from .columns import (
    column_content,
    counts_rows,
    index_levels,
    mostly_latin,
    mostly_places,
    mostly_units,
    names_measures,
)
from ..status import status_deny
from .header_periods import MONTHS_ONLY, header_period
from .layout import Cell, Row, Table, figures_row, squash, words
from .links import change_unit, link_columns
from .rowspans import lost_spans, restated_spans
from .placement import place_row
from .units import Unit, base_index_unit, counted_unit, unit_line, units_in

_YEAR = regex.compile(r"(?:19|20)\d{2}")
_MARKS = regex.compile(r"[±+\-—()（）%％\s:：、_]")  # signs, brackets, spaces: no words
_DATES = regex.compile(r"(?:19|20)\d{2}\s*年?(?:度|末|底)?|\d{1,2}\s*[-—–~～至]\s*\d{1,2}\s*月份?|\d{1,2}\s*月份?"
                       r"|(?:第|前)?[1-4一二三四]\s*季度|[上下]半年")  # (1季度 under 绝对额: a period, no name)


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    header: str
    role: str  # label, place, unit, year, numbering, rank or figures
    unit: Unit | None = None
    kind: str | None = None  # growth, pp, rank, percent, index; None: from the row or the figure
    measure: str = ""  # what the header names, without unit, period and comparison words
    period: tuple[str, str] | None = None  # ("relative", "ytd"), ("year", "2014"), ("words", "1-9月")
    versus: str | None = None
    status: str = "actual"
    noun: str = ""  # the growth word of a growth column (增幅): a pp column's metric ends in it
    subject: str | None = None  # a column headed by a place (指标 | 全省 | 杭州)
    refers_to: int | None = None  # a growth or pp column: the column of amounts it describes


@dataclass(frozen=True, slots=True)
class Grid:
    captions: tuple[str, ...]  # caption lines above and caption rows inside
    header_start: int  # where the header (or the body) starts: the table's period is read there
    columns: tuple[Column, ...]
    body: tuple[Row, ...]


@cache
def _patterns():
    h = words()["header"]
    return {
        "growth": regex.compile(alternation(h["growth_words"])),
        "pp": regex.compile(alternation(h["pp_words"])),
        "rank": regex.compile(alternation(h["rank_words"])),
        "target": regex.compile(alternation(h["target_words"])),
        "status": regex.compile(alternation(h["target_words"] + h["actual_words"])),
        "versus": regex.compile(alternation(h["versus"])),
        "whole": regex.compile(alternation(h["wholes"])),
        "relative": regex.compile(alternation(words()["periods"]["relative"])),
        "year": regex.compile(words()["periods"]["year_header"]),
        "prefix": regex.compile("^(?:" + alternation(h["period_prefixes"]) + ")"),
        "numbering": regex.compile(h["caption_numbering"]),
        "caption_rate_tail": regex.compile(h["caption_rate_tail"]),
        "base_index": regex.compile(h["base_index_header"]),
        "caption_follows": regex.compile(rf"(?:{alternation(h['caption_follows'])})\s*[:：]?\s*$"),
        "rate_title": regex.compile(rf"(?:{alternation(h['caption_rate_bases'])})(?:{alternation(h['caption_rate_nouns'])})$"),
        "caption_state": regex.compile(rf"(?:{alternation(h['caption_state_words'])})\s*[:：]?\s*$"),
        "caption_joins": regex.compile(alternation(h["caption_state_joins"])),
        "suffix": regex.compile("(?:" + alternation(h["period_prefixes"]) + r")\s*+$"),
        "nouns": regex.compile(alternation(["增幅", "增速", "涨幅", "降幅", "增长"])),
    }


def is_year(cell: Cell) -> bool:
    return bool(_patterns()["year"].match(cell.text))


def year_of(text: str) -> str | None:
    """2021年, 2021, 2021年度 -> 2021: the year a row of a 年份 column stands for."""
    m = _patterns()["year"].match(squash(text))
    return m.group("y") if m else None


def read_grid(table: Table, is_figure) -> Grid:
    """Caption rows, header rows and body of `table`; `is_figure(cell)` tells a figure.

    The body starts at the first row of figures (a row of years only is a header); the rows
    above it are captions (one filled cell, before any header row), header rows, and, once a
    row names nothing over a column of figures (人口(‰) | Population(‰)), section rows."""
    rows = tuple(r for r in table.rows if not _numbers_columns(r))
    k = next((i for i, r in enumerate(rows) if figures_row(r, is_figure)), len(rows))
    ncols = max((len(r.cells) for r in rows[k:]), default=0)
    kinds = [column_content(rows[k:], j, is_figure) for j in range(ncols)]
    captions, headers, sections = list(table.captions), [], []
    for row in rows[:k]:
        filled = row.filled()
        if sections or headers and not any(c.text and j < ncols and kinds[j] == "figures"
                                           for j, c in enumerate(row.cells)):
            sections.append(row)
        elif not headers and len(filled) >= 2 and any(unit_line(c.text) for c in filled) \
                and all(unit_line(c.text) or header_period(c.text) for c in filled):
            captions.extend(c.text for c in filled)  # 2018年1-8月 | 单位:万元: a unit note is no column's title
        elif len(filled) >= 2 or len(filled) == 1 and any(
                c.text and j < ncols and kinds[j] == "figures" for j, c in enumerate(row.cells)):
            headers.append(row)  # (a lone cell over a column of figures heads it: PMI over 49.0, 50.2 …)
        elif not headers:
            captions.extend(c.text for c in filled)
    body = tuple(sections) + rows[k:]
    header_start = headers[0].start if headers else (body[0].start if body else table.rows_start)
    texts = [""] * ncols
    figures = [j for j, k in enumerate(kinds) if k == "figures"]
    if len(headers) == 2 and (spread := lost_spans(headers[0], headers[1], ncols)
                              or restated_spans(headers[0], headers[1], ncols)) is not None:
        texts, headers = spread, []
    for i, row in enumerate(headers):
        free = [j for j in figures if not texts[j]]
        filled = [c for c in row.cells[:ncols] if c.text]
        if i and 0 < len(free) < len(figures) and len(filled) == len(free):
            # PMI (two rows high) | 生产 | 新订单 … under a row naming it alone: the lower row's cells
            # fill the columns the upper row's tall cell leaves free, in order
            for c, j in zip(filled, free):
                texts[j] = c.text
            continue
        below = len([c for c in headers[i + 1].cells[:ncols] if c.text]) if i < len(headers) - 1 else 0
        for j, words_ in place_row(row, ncols, kinds, upper=i < len(headers) - 1, below=below).items():
            texts[j] = (texts[j] + " " + words_).strip()
    columns = _month_and_ytd([_column(j, squash(texts[j]), kinds[j], body, is_figure) for j in range(ncols)])
    columns = _caption_base(columns, captions)
    columns = change_unit(columns, lambda text: bool(_patterns()["growth"].search(text)))
    return Grid(tuple(captions), header_start, link_columns(columns), body)


def _caption_base(columns: list[Column], captions: list[str]) -> list[Column]:
    """市区居民消费价格指数 (以上年为100) over 指标 | 2010年 | 2009年: the caption's base makes every column
    that says nothing of its own kind a percent of that base's level."""
    based = next((m for line in captions if (m := _patterns()["base_index"].search(squash(line)))), None)
    if based is None:
        return columns
    _, base, word = _base_of(based)
    h = words()["header"]
    unit = base_index_unit(based.group())
    return [replace(c, kind="index", unit=unit, versus=h["versus"][word] if word else base)
            if c.role == "figures" and c.kind is None and c.unit is None else c for c in columns]


def _month_and_ytd(columns: list[Column]) -> list[Column]:
    """比上年同月(%) | 比上年同期(%) side by side and undated: a monthly release's two rates, the month's
    against the same month and January-to-month's against the same period (N's and U's Shanghai
    tables say so beside 本月 | 1-本月; M's 湖南 table does not)."""
    undated = [c for c in columns if c.role == "figures" and c.kind == "growth" and c.period is None]
    pair = words()["header"]["month_and_ytd"]
    month = [c for c in undated if pair["month"] in c.header]
    ytd = [c for c in undated if pair["ytd"] in c.header and pair["month"] not in c.header]
    if not month or not ytd:
        return columns
    dated = {c.index: ("relative", "month") for c in month} | {c.index: ("relative", "ytd") for c in ytd}
    return [replace(c, period=dated[c.index]) if c.index in dated else c for c in columns]


def _numbers_columns(row: Row) -> bool:
    """甲 | 1 | 2 | 3 | 4: a row that numbers the columns, not a row of figures."""
    cells = [c.text.strip() for c in row.cells if c.text.strip()]
    if len(cells) < 3 or squash(cells[0]) not in words()["header"]["column_number_labels"]:
        return False
    return cells[1:] == [str(i) for i in range(1, len(cells))]



def _column(j: int, header: str, content: str, body, is_figure) -> Column:
    h = words()["header"]
    pats = _patterns()
    first = header.split(" ")[0] if header else ""
    if first in h["numbering_titles"]:
        return Column(j, header, "numbering")
    if header.endswith(tuple(h["not_figure_titles"])):
        return Column(j, header, "skip")  # 开工时间 | 2023.12, 联系电话: numbers, no facts
    if first in h["year_titles"] and content != "empty":
        return Column(j, header, "year")
    if content != "figures":
        if mostly_latin(body, j):
            return Column(j, header, "skip")  # 轻工业 | Light Industry: the label again, in English
        if first in h["unit_titles"] or mostly_units(body, j):
            return Column(j, header, "unit")
        if first in h["place_titles"] or first in h["body_titles"] or mostly_places(body, j) \
                and (first not in h["label_titles"] or not names_measures(body, j)):
            # 指标 over 水产品总产量, 定海区…: rows of parts; 项目 over 全市, 东城区…: rows of places
            return Column(j, header, "place")
        return Column(j, header, "label")
    if not header and counts_rows(body, j, is_figure):
        return Column(j, header, "numbering")
    if pats["rank"].search(header):
        return Column(j, header, "rank", kind="rank", versus=_whole(header))
    based = pats["base_index"].search(header)
    if based is not None:
        # 以上月价格为100 over 本月: percents of last month's level; the rest dates the column
        start, base, word = _base_of(based)
        rest = header[:start] + header[based.end():]
        for said in h["index_bases"]:
            rest = rest.replace(said, " ")  # 定基 over 2010年=100: the base says it again
        rest = squash(rest)
        return Column(j, header, "figures", unit=base_index_unit(based.group()), kind="index",
                      measure=_measure(rest, "index") if rest else "", period=header_period(rest),
                      versus=h["versus"][word] if word else base)
    if (word := _index_base(header, body, j, is_figure)) is not None:
        # 新建住宅价格指数 over 环比 holding 100.3: the level on last month's base, not a change of 100.3 %
        rest = header.replace(word, " ").strip()
        return Column(j, header, "figures", unit=base_index_unit(word), kind="index",
                      measure=_measure(rest, "index"), period=header_period(rest), versus=h["index_bases"][word])
    unit, rest = units_in(header)
    unit = counted_unit(unit, rest)  # 接待游客总人数(万): 万 人
    if unit is not None and unit.kind == "value" and unit.unit \
            and (per := next((a for a in h["per_area_units"] if squash(rest).startswith("每" + a)), None)):
        unit = replace(unit, unit=f"{unit.unit}/{per}")  # 每公顷产量(公斤): a yield, 公斤/公顷
    kind = None
    if pats["pp"].search(rest) or unit is not None and unit.kind == "pp":
        kind = "pp"
    elif pats["growth"].search(rest) or pats["growth"].search(header):  # ±%: the sign says change
        # (增减(家), 较前月增减(亿): a change counted in the amount's own unit is an amount, not a rate)
        kind = None if unit is not None and unit.kind == "value" and unit.unit else "growth"
    elif unit is not None and unit.kind in ("percent", "permille", "index"):
        kind = unit.kind
    period = header_period(rest)
    versus = None
    if kind == "pp" and (m := pats["versus"].search(rest)):
        versus = h["versus"][m.group()]
    elif kind == "percent":
        versus = _whole(rest)
    noun = (pats["nouns"].search(rest) or [""])[0] if kind == "growth" else ""
    subject = _place_header(rest) or _part_region(rest)
    measure = "" if subject else _measure(rest, kind)
    # (年计划投资完成率, 完成年度计划: how much of a plan was done is a result, as in prose)
    status = "target" if pats["target"].search(status_deny().sub("", rest)) else "actual"
    return Column(j, header, "figures", unit=unit, kind=kind, measure=measure, period=period, versus=versus,
                  status=status, noun=noun, subject=subject)


def _base_of(based) -> tuple[int, str, str]:
    """Where the base of a base-index match starts, the base, and its comparison word: the base is a
    comparison word (上月, 上年同月) or a year (2010年) at the end of the run before =100; the words in
    front of it name the index (新建住宅价格指数环比上月=100 in a header squashed over three rows)."""
    base, start = based.group("base"), based.start("base")
    words_ = list(_patterns()["versus"].finditer(base))
    m = words_[-1] if words_ else _YEAR.search(base)
    word = words_[-1].group() if words_ else ""
    if m is None or m.start() == 0:
        return based.start(), base, word  # 以上年同期价格为100: the whole match is the base
    return start + m.start(), base[m.start():], word


def _index_base(header: str, body, j: int, is_figure) -> str | None:
    """The base word (环比, 同比, 定基) of an index column whose cells are levels around 100: the
    header names an index and no change word but its base (see data [header] index_level_range)."""
    h = words()["header"]
    bases = h["index_bases"]
    found = [b for b in bases if b in header]
    if len(found) != 1 or not any(m in header for m in h["index_marks"]):
        return None
    if any(m.group() not in bases for m in _patterns()["growth"].finditer(header)):
        return None  # 价格指数同比涨幅: a change after all
    low, high = h["index_level_range"]
    return found[0] if index_levels(body, j, is_figure, low, high) else None


_HAN = regex.compile(r"\p{Han}")
_GROUPED_BY = regex.compile(r"按\p{Han}{1,10}?分(?=\p{Han}{2})")


def caption_column(captions: tuple[str, ...]) -> Column | None:
    """The measure, unit and kind a caption line names for the whole table (指标:工业增加值_同比增长(%),
    a data export's title; 各地区夏粮产量(万吨)): what a table of places by periods measures,
    since neither its rows nor its columns say it."""
    h = words()["header"]
    for line in reversed(captions):
        text = line.strip()
        if unit_line(text) or not _HAN.search(text):
            continue  # 单位:万元 names the unit, never the measure; an English title is a translation
        for title in sorted(h["label_titles"], key=len, reverse=True):
            if text.startswith(title) and text[len(title):len(title) + 1] in (":", "："):
                text = text[len(title) + 1:]  # 指标: in front of the indicator's name
                break
        text = _patterns()["numbering"].sub("", text)
        text = _GROUPED_BY.sub("", text)  # 按主要贸易方式分进口商品贸易额: how the rows split it, no part of the measure
        text = _patterns()["caption_follows"].sub("", text)  # 主要工业产品产量如下: the words that point at the table
        stated = _patterns()["caption_state"].sub("", text)  # 规上工业新增单位情况: the table shows the state of
        if stated != text and _patterns()["caption_joins"].search(stated):
            continue  # 全国房地产开发和销售情况: the state of several measures, the rows' own names say which
        text = stated
        col = _column(0, text.replace("_", " "), "figures", (), lambda cell: False)
        # (the measure without the title's periods and the rate it names besides: 及增速)
        bare = _patterns()["caption_rate_tail"].sub("", _without_periods(text))
        measure = _column(0, bare.replace("_", " "), "figures", (), lambda cell: False).measure
        if col.kind == "growth" and measure and bare.startswith(measure) and _patterns()["rate_title"].search(bare):
            measure = bare  # 表2 GDP同比增长速度, 表3 GDP环比增长速度: a title naming a series of rates keeps its name
        if bare != text:
            col = replace(col, kind=None) if col.kind == "growth" and _patterns()["caption_rate_tail"].search(text) \
                else col
        region = match_place(measure)  # 湖州市各县…: the region whose places the rows are
        starts = (0, region.end()) if region else (0,)
        # 各地区夏粮产量: the rows are the places
        scoped = next(((at, scope) for scope in sorted(h["caption_scopes"], key=len, reverse=True)
                       for at in starts if measure.startswith(scope, at)), None)
        if scoped is not None:
            measure = measure[scoped[0] + len(scoped[1]):]
        if measure:
            return replace(col, measure=measure)
    return None


def names_rate_series(name: str) -> bool:
    """GDP同比增长速度: the name of a series of rates (a caption's measure, kept whole)."""
    return bool(name) and _patterns()["rate_title"].search(name) is not None


def _without_periods(caption: str) -> str:
    """2018年上半年各市县地区生产总值 -> 各市县地区生产总值: a title's periods are the table's, no part of its measure."""
    from ..period.grammar import grammar  # noqa: PLC0415

    return grammar().sub("", caption)


def growth_only(text: str) -> bool:
    """The words name a rate of change and nothing else (增长, 比上年增长, 同比)."""
    pats = _patterns()
    if not pats["growth"].search(text):
        return False  # 全市 alone is a place (a row's), though 比全市 names a comparison
    rest = pats["growth"].sub("", pats["versus"].sub("", text))
    return not _MARKS.sub("", rest)





def _place_header(rest: str) -> str | None:
    m = match_place(rest) if rest else None
    return m.group() if m and m.end() == len(rest) else None


def _part_region(rest: str) -> str | None:
    """域外, 郊区: a column of a part of the region (data [header] part_regions), written alone."""
    text = _MARKS.sub("", rest).strip()
    return text if text in words()["header"]["part_regions"] else None



def _whole(text: str) -> str | None:
    m = _patterns()["whole"].search(text)
    return m.group() if m else None


# relative period words, the most specific first (a column under 本年 and 本月 is the month)
def _measure(rest: str, kind: str | None) -> str:
    """What a header names once its unit, period, comparison and growth words are gone."""
    h = words()["header"]
    pats = _patterns()
    # (环比涨跌幅(%): a month-on-month rate is a series of its own, named so where it stands, as prose's 环比)
    kept = next((w for w in h["kept_rate_bases"] if w in rest), "") if kind == "growth" else ""
    text = rest.replace(kept, "\0") if kept else rest
    for p in (pats["versus"], pats["growth"], pats["pp"], pats["status"]):
        text = p.sub("", text)
    bare = text.replace("\0", "")
    text = text.replace("\0", kept) if bare.strip(" ()（）%％") else bare  # (环比 alone names no measure)
    text = _DATES.sub("", MONTHS_ONLY.sub("", text.strip()))  # 1-8 数值: the months and a generic word
    text = pats["prefix"].sub("", text)
    if not _MARKS.sub("", pats["relative"].sub("", text)).strip("0123456789-—~～至 "):
        return ""  # 本年 | 1-本月 over one column: period words only, no measure
    # 全体居民 over 累计: the lower header row's period words end the measure's words
    text = pats["suffix"].sub("", text)
    text = _MARKS.sub("", text)
    text = pats["relative"].sub("", text) if text in words()["periods"]["relative"] else text
    if text in h["generic"] or text in h["label_titles"] or len(text) < 2 and kind:
        return ""
    if text in h["rate_words"]:
        return _MARKS.sub("", _DATES.sub("", pats["versus"].sub("", rest)))  # 增长速度, not 速度
    if kind == "growth" and (rate := next((w for w in h["rate_words"] if text.endswith(w)), None)):
        text = text[:-len(rate)]  # 规模工业增加值增长速度: the growth of 规模工业增加值
        if text in h["generic"]:
            return ""  # 增减变动幅度(%): a change of the row's measure, no measure of its own
    from ..metric.heads import is_junk  # noqa: PLC0415  (metric/ reads table labels: imported late)

    return "" if is_junk(text) else text  # 增速与去年同期比较 leaves 与比较: no noun, no name
