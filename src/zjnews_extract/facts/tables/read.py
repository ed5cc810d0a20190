"""One table -> its facts: every cell holding a figure, with the metric of its row and
column, the unit of its column (or row, or 单位 line), its row's place as subject where the
table has a column of places, and its column's period.

Section rows: a row without figures (总产出(亿元)), or a measure with a unit and figures of
its own (总产出指数(上年=100) | 110.4), gives its measure and unit to the category rows under
it (第一产业 -> 第一产业总产出); 按主要行业分 splits the same measure another way. A category
row under no section takes the measure of its column, else of the table's first row, as a
part of it (城镇 -> 城镇零售额 under 社会消费品零售总额: a part of a total is no total, data
[part_forms]). A row of growth rates (增长(%)) is the growth of the row above.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

import regex

from ...records import Fact, Period
from ..basis import find_basis
from ..ids import span_id
from ..lexicon import match_place, place_names
from ..metric.heads import head_of, measurable, part_measure
from ..subject import whole_of
from .cells import Figure, is_blank
from .rate_rows import amount_after_rate, relative_change
from .column_periods import chain, column_periods
from .dates import column_period, label_period
from .header import Column, Grid, caption_column, names_rate_series, year_of
from .labels import (Label, is_change, is_measure, is_within_total, merge, names_rate, place_label, place_section,
                     population, rate_only, read_label)
from .layout import Cell, Row, words
from .row_places import WHOLE_KINDS, place_name, rank_row, row_place_of, whole_place
from ..period.measures import year_plan
from .units import Unit, bare_count_unit, column_unit, read_unit, unit_line, units_listed


# Why: a fact carries the row it came from; past this length, a window of it (as a prose fact
# carries a window of a sentence longer than 600 characters).
_SENTENCE_MAX = 600
_INDEX_BASE = regex.compile(r"(?P<base>[^(（=＝为]{1,8})\s*(?:=|＝|为)\s*100")
_NO_UNIT = Unit("value")


@dataclass(frozen=True, slots=True)
class Context:
    subject: str | None  # the article's subject
    ref: Period | None  # the article's period where the table starts
    published: date | None
    company: bool = False  # the subject is a company reporting its results: its places are its markets
    source: str | None = None  # the text as written, when rows were found in a copy with bars made breaks
    wholes: dict | None = None  # the article's place of each level (全市 of a county's report: its city)


@dataclass(slots=True)
class Section:
    measure: str = ""  # 总产出: the measure of the rows under a section row
    unit: Unit | None = None
    carried: Unit | None = None  # the unit the last labelled row stated
    lead: str | None = None  # the first row's measure: the total its category rows are parts of
    last: str = ""  # the last row's name: a growth row under it is its growth
    parent: str = ""  # the last row that named a measure: the place rows under it are its parts
    by_place: bool = False  # a section of places (分县(区)工业总产值): every row's label is a place
    year: int | None = None  # the year of the last row labelled with a time (2016年12月, then 1月 of 2017)
    outlined: str = ""  # the measure of the last outline section (一、…) above, figures or none
    outlined_unit: str | None = None  # that section's own unit (亿元 -> CNY): its parts are counted in it
    split_of: str = ""  # the measure a "by …" row (按投资方式分) splits: the rows under it are its kinds
    unit_row: str = ""  # the last row with figures whose label states its unit (新设外商投资企业(家))


def read_table(text: str, grid: Grid, figure_of, ctx: Context) -> list[Fact]:
    cols = grid.columns
    role = {c.role: c.index for c in reversed(cols)}  # the first column of each role
    bodies = [c.index for c in cols if c.role == "place" and c.header.split(" ")[0] in words()["header"]["body_titles"]]
    if bodies:
        role["place"] = bodies[0]  # 省份 | 景区: the site, not its province, is whose figures they are
    labels = [c.index for c in cols if c.role == "label"]
    if len(labels) > 1:
        # 一级指标 | 二级指标: a category written once per group is no row's name; the column that
        # names every row is (the most filled, the right one on a tie)
        role["label"] = max(labels, key=lambda j: (sum(1 for r in grid.body if j < len(r.cells) and r.cells[j].text
                                                   and not is_blank(r.cells[j].text)), j))  # (—— fills nothing)
    table_unit = next((u for line in grid.captions if (u := unit_line(line))), None)
    listed = next((us for line in grid.captions if len(us := units_listed(line)) > 1), ())  # 单位:个、亿元
    periods = column_periods(cols, ctx.ref, ctx.published)
    whole = next((w for line in grid.captions for w in words()["header"]["wholes"] if w in line), None)
    ranked = _ranked_column(grid, cols, figure_of)
    caption = caption_column(grid.captions)
    if caption is not None and not is_measure(caption.measure) and not names_rate_series(caption.measure):
        caption = None  # 工业生产情况: a title, not a measure
    # 2017年1-3月工业增加值 over rows 轻工业, 重工业, 国有控股企业 and columns 本月 | 累计 that name no measure:
    # each row is a part of the caption's measure
    parts_of = caption if "label" in role and not any(c.measure for c in cols if c.role == "figures") else None
    if "label" in role:
        caption = None
    state = Section()
    facts: list[Fact] = []
    for row in grid.body:
        label = read_label(_cell(row, role.get("label")).text) if "label" in role else Label("", None, False)
        place = place_label(_cell(row, role.get("place")).text) if "place" in role else ""
        # 丽水位次 | 11 | 2: a row of the place's ranks in the columns' measures, not amounts
        ranks_of = rank_row(place) if place else None
        if ranks_of is not None:
            place = ranks_of
        found = [(c, f) for c in cols if c.role in ("figures", "rank") and (f := figure_of(_cell(row, c.index)))]
        if label.furniture:
            continue  # 阅读 | 1234: a page counter
        if not found:
            if (scoped := place_section(label.name)) is not None:
                state.measure, state.by_place, state.parent = scoped, True, ""
                state.unit, state.carried = label.unit or state.unit, None
                continue
            if label.grouping or is_within_total(label.name):
                # 按主要行业分: the same measure, split another way; 在总额中: its parts. Under a row of a
                # measure's figures (新设外商投资企业(家) | 341 …, then 按投资方式分 | 中外合资 | 127 …) the kinds
                # below are kinds of that measure
                if label.grouping and (state.split_of or state.unit_row):
                    state.split_of = state.split_of or state.unit_row
                continue
            if label.name or label.unit:
                state.measure = label.name if is_measure(label.name) else ""
                state.unit, state.carried = label.unit, None
                state.by_place, state.parent = False, ""
            continue
        if parts_of is not None and label.name in words()["labels"]["bare_totals"]:
            label = replace(label, name=parts_of.measure)  # 总指数 under 工业生产者出厂价格指数: the caption's total
        row_place = row_place_of(label.name, state, ctx.subject) if "label" in role and not place else ""
        if not row_place and parts_of is not None and "label" in role and not place and whole_place(label.name) \
                and place_names().get(label.name) not in WHOLE_KINDS:
            row_place = label.name  # 广州市 | … under a title 工业增加值: the city's own figures (全省 stays the table's)
        if ctx.company and (place or row_place):
            # 分地区 | 营业收入, then 华南地区 | 5.05亿元 in a company's results: a market of the company's, its
            # segment (华南地区营业收入), the company still the subject
            label, place, row_place = Label(place or row_place, label.unit, False), "", ""
        if state.lead is None:
            state.lead = label.name if is_measure(label.name) else ""
        if label.unit is not None and is_measure(label.name):
            state.measure = label.name  # 总产出指数(上年=100) | 110.4: a section head with figures of its own
        if label.outline == 1:
            # 一、限额以上商业企业数 | - | 332: a section of the outline, its rows under it its parts
            # (一、接待过夜游客(人次): a count with its unit is a measure too, its items the kinds counted)
            state.outlined = label.name if is_measure(label.name) or label.unit is not None and measurable(label.name) \
                else ""
            if state.outlined:
                state.measure = state.outlined
        elif label.outline == 2 and state.outlined and is_measure(label.name) \
                and (firms := population(state.outlined)) and not label.name.startswith(firms):
            label = replace(label, name=firms + label.name)  # 1、客房收入 under 四、限额以上住宿餐饮企业营业收入
        change = is_change(label.name)  # 增长(%) under 进出口(亿元): the growth of the row above
        if change:
            label = Label(state.last, label.unit, False)
        elif row_place:
            # 其中:定海 under 社会消费品零售总额: the place is the subject, the measure the parent's
            label = Label(state.measure if state.by_place else state.parent, label.unit, False)
        else:
            if label.unit is not None:
                state.split_of, state.unit_row = "", label.name  # 实际使用外资(亿美元) | …: a measure of its own
            elif state.split_of and label.name:
                label = replace(label, name=merge(label.name, state.split_of))  # 中外合资新设外商投资企业
            state.last = label.name
            if is_measure(label.name) and not label.part:
                state.parent = label.name
        if label.unit is not None and not change:
            state.carried = label.unit  # (比上年增长(%) under a total: its % is its own, not the next rows')
        carried = state.carried if not amount_after_rate(state.carried, label.name) else None
        row_unit = label.unit or carried or state.unit
        if "unit" in role:
            # (a unit column's empty cell says the row has none of its own: 人均地区生产总值(GDP) under a row in %
            # takes no %; a unit the label states in brackets stays its own)
            row_unit = read_unit(_cell(row, role["unit"]).text) or label.unit \
                or (None if state.carried is not None else state.unit)
        if label.outline == 1:
            state.outlined_unit = row_unit.unit if row_unit is not None else None
        # 其中:函件 | 万件 under 二、邮政行业业务总量 | 亿元: counted in another unit, no part of the section's measure
        foreign = bool(state.outlined and label.outline != 1 and row_unit is not None and state.outlined_unit
                       and row_unit.unit != state.outlined_unit)
        subject = place_name(place or row_place, ctx.subject, ctx.wholes) if place or row_place else ctx.subject
        year = year_of(_cell(row, role["year"]).text) if "year" in role else None
        row_period = None
        # (a label of digits alone reads as no name: 2023-12-31, a report date, is still the row's time)
        written = label.name or (_cell(row, role["label"]).text.strip() if "label" in role else "")
        if timed := label_period(written, state.year or (int(ctx.ref.end[:4]) if ctx.ref and ctx.ref.end else None)):
            # 2016年2月 | 49.0 | 50.2: a time series, each row a time; the columns name the measures
            row_period, state.year = timed
            label = Label("", label.unit, False)
        for col, fig in found:
            # 年投资计划: an amount of the year's plan covers the whole year (not its completion rate)
            period = row_period or (year_plan(periods[col.index], col.header) if col.kind is None and not fig.percent
                                    else periods[col.index])
            if year is not None:
                period = column_period(("year", year), None, None)
                if col.period is not None and col.period[0] == "words":
                    period = column_period(col.period, period, None)  # 2012 | 8.1 under 1季度: 2012's first quarter
            if caption is not None and not any(c.measure for c in chain(col, cols)):
                # the caption's measure, and its kind and unit where the column states none (a growth
                # column keeps its own: 同比增长(%) under a title 社会消费品零售总额)
                col = replace(col, kind=caption.kind, unit=caption.unit, measure=caption.measure) \
                    if col.kind is None and col.unit is None else replace(col, measure=caption.measure)
            elif caption is not None and col.measure and not is_measure(col.measure) \
                    and (merged := merge(col.measure, caption.measure)) != col.measure + caption.measure:
                # 全体居民 | 城镇常住居民 under a title 城乡居民人均可支配收入: each column a kind of the
                # measure's own group (they share 居民)
                col = replace(col, measure=merged)
            own_unit = row_unit or (column_unit(col.header, listed) if listed else table_unit)
            in_percent = fig.percent or (own_unit or col.unit or _NO_UNIT).kind == "percent"
            rate = change or (names_rate(label.name) and in_percent)  # 地区生产总值增长率 | % | 7.2: a growth rate
            kind, value, unit = _amount(col, fig, own_unit, "growth" if rate else None)
            if kind == "growth" and col.kind == "growth" and not relative_change(fig, found) \
                    and (any(f.percent for c, f in found if c.kind is None)
                         or not fig.percent and label.unit is not None and label.unit.kind == "percent"):
                # 加权平均净资产收益率 | 6.32% | 10.96% | -4.64: a rate's change is in points, also when the page
                # writes it with % (0.66% | 0.07% | -0.10% | 0.40%: a listed company's quarterly table)
                kind, unit = "pp", "pp"
            metric = _metric(label, cols[ranked] if col.role == "rank" and ranked is not None else col, cols,
                             replace(state, measure="", lead="", outlined="", parent="") if foreign else state)
            if parts_of is not None and not is_measure(metric) and not (state.outlined and measurable(metric)):
                whole = _member_head(parts_of.measure) or parts_of.measure  # (化学纤维 under 主要工业产品产量如下:)
                metric = merge(metric, whole) if metric else parts_of.measure  # 轻工业工业增加值
                if (at := match_place(metric)) is not None and at.end() < len(metric):
                    metric = metric[at.end():]  # 全省总计: the whole, its place the table's subject
            if kind == "value" and unit is None and metric:
                unit = bare_count_unit(metric)  # 外商直接投资企业数 | 29: firms, counted in 家
            if ranks_of is not None:
                if kind == "growth":  # the rank of a growth column orders the rates (…收入增幅)
                    noun = _noun(col, cols)
                    metric = metric if metric.endswith(noun) else metric + noun
                kind, value, unit = "rank", float(fig.value), None
            if kind == "pp" and col.kind == "pp":
                noun = _noun(col, cols)
                metric = metric if metric.endswith(noun) else metric + noun
            versus = col.versus
            cell_unit = row_unit or table_unit or col.unit
            if kind == "value" and versus is None and cell_unit is not None and cell_unit.kind == "index":
                versus = _whole_of_share(cell_unit, state)  # 用电量指数(上年=100) | 108.2: a level on 上年's base
            if kind == "percent" and versus is None:
                versus = _whole_of_share(cell_unit, state)
                if versus is None and _structure_word(col):
                    versus = state.lead or None  # a structure column: shares of the table's first measure
            if kind == "rank" and versus is None:
                versus = (whole or words()["header"]["whole_of_places"].get(place_names().get(subject or "", ""))
                          or whole_of(ctx.subject, None))  # places inside the article's own region
            facts.append(Fact(
                id=span_id(fig.start, fig.end, fig.text), text=fig.text, start=fig.start, end=fig.end,
                kind=kind, value=value, unit=unit,
                qualifier=fig.quantity.qualifier if fig.quantity is not None else fig.qualifier,
                metric=metric or None, metric_from="own" if metric else None,
                subject=place_name(own, ctx.subject, ctx.wholes) if (own := next((c.subject for c in chain(col, cols) if c.subject),
                                                                      None)) else subject,  # (域外 | 增长: the growth's too)
                period=period, status=col.status,
                versus=versus, sentence=_row_text(ctx.source or text, row, fig),
                basis=_header_basis(col, kind, period)))
    return facts


def _header_basis(col: Column, kind: str, period: Period | None) -> str | None:
    """The basis a change's column header states (环比涨跌幅(%) -> 环比; 比上年增长 -> 同比): a cell has no
    clause of its own to read it from."""
    if kind not in ("growth", "pp"):
        return None
    header = col.header.replace(" ", "")
    years = (int(period.start[:4]), int(period.end[:4])) if period and period.start and period.end else (None, None)
    # (find_basis reads the words before a number: the header stands before a figure of its own)
    return find_basis(header + "0", len(header), kind, *years)


def _whole_of_share(unit, state: "Section") -> str | None:
    """What a percent or index cell is of: the base an index names (总产出指数(上年=100) -> 上年), or the
    table's lead measure for a structure section (总产出构成(%) -> 总产出)."""
    if unit is None:
        return None
    base = _INDEX_BASE.search(unit.text)
    if base:
        return base.group("base")
    if state.measure and any(w in state.measure for w in words()["header"]["structure_words"]):
        return state.lead or None
    return None


def _row_text(text: str, row: Row, fig: Figure) -> str:
    """The row a figure was read from; of a very wide row, a window around the figure (else the
    output would grow with cells x row length)."""
    if row.end - row.start <= _SENTENCE_MAX:
        return text[row.start:row.end]
    half = _SENTENCE_MAX // 2
    return text[max(row.start, fig.start - half):min(row.end, fig.end + half)]


def _cell(row: Row, j: int | None) -> Cell:
    if j is None or j >= len(row.cells):
        return Cell(row.end, row.end, "")
    return row.cells[j]


def _noun(col: Column, cols) -> str:
    return next((c.noun for c in chain(col, cols) if c.noun), "增幅")


def _metric(label: Label, col: Column, cols, state: Section) -> str:
    measure = next((c.measure for c in chain(col, cols) if c.measure), "")
    if (share := _structure_word(col)) and (col.kind == "percent" or col.measure == share):
        # 餐饮业 under 结构(%): the share of the row's own measure (餐饮业零售额结构); 占比 next to 营业收入
        # (its cells carry their %): the row's 营业收入占比
        amounts = [c for c in cols[:col.index] if c.role == "figures" and c.kind is None and c.measure]
        if col.measure == share and amounts:
            own = _metric(label, amounts[-1], cols, state)  # the amount column right before it
        else:
            own = _metric(label, replace(col, measure="", kind=None), cols, state)
        return own + share if own and not own.endswith(share) else own or share
    name = label.name
    if name and col.kind == "growth" and rate_only(measure):
        measure = ""  # 铁路 under 货物运输量, in a 增长速度(%) column: the growth of 铁路货物运输量, as 货物运输量's is its own
    if not name:
        return measure or state.measure or state.lead or ""
    if is_measure(name):
        return merge(name, measure) if measure else name
    # a category row: its part of the column's, section's or table's measure (城镇 -> 城镇零售额)
    # (寿险 under 保费收入, after rows under 保险金额: the measure row right above it, not the table's first)
    whole = measure or state.measure or state.parent or state.lead or ""
    if head := _member_head(whole):
        return merge(name, head)  # 原油 under 主要工业产品产量: a member of the class, 原油产量
    return merge(name, part_measure(whole, name))


def _member_head(whole: str) -> str:
    """产量 for 主要工业产品产量: what each member of a class of the main ones is measured by (the
    head's shortest measure: 产品产量 -> 产量); "" when `whole` names no such class."""
    if not whole.startswith(tuple(words()["header"]["member_sections"])) or not (head := head_of(whole)):
        return ""
    return next((head[i:] for i in range(len(head) - 2, -1, -1) if measurable(head[i:])), head)


def _structure_word(col: Column) -> str:
    """构成, 结构 or 比重 when the column holds the shares of a whole (结构(%)), else ""."""
    return next((w for w in words()["header"]["structure_words"] if w in col.header), "")


def _amount(col: Column, fig: Figure, unit: Unit | None, row_kind: str | None) -> tuple[str, float, str | None]:
    """Kind, value in base units and unit of one figure."""
    number = Decimal(fig.digits) if fig.digits else Decimal(repr(fig.value))
    if col.kind == "rank":
        return "rank", float(number), None
    if fig.points:
        return "pp", float(number), "pp"  # 增加 0.32 个百分点 under 增减变动幅度(%): the cell says points
    if col.kind == "growth" or row_kind == "growth":
        return "growth", float(number), "%"
    if col.kind == "pp":
        return "pp", float(number), "pp"
    own = col.unit if col.unit is not None and col.unit.kind in ("value", "index") else None
    unit = own or unit
    if fig.quantity is not None:
        q = fig.quantity
        return q.kind, q.value, q.unit
    if col.kind == "percent" or fig.percent:
        return "percent", float(number), "%"
    if col.kind == "permille" or fig.permille:
        return "percent", float(number / 10), "%"
    if unit is None:
        return "value", float(number), None
    if unit.kind == "index":
        return "value", float(number), unit.unit
    if unit.kind == "percent":
        return "percent", float(number), "%"
    if unit.kind == "permille":
        return "percent", float(number / 10), "%"
    if unit.kind == "pp":
        return "pp", float(number), "pp"
    return "value", float(number * Decimal(repr(unit.scale))), unit.unit


def _ranked_column(grid: Grid, cols, figure_of) -> int | None:
    """The column of amounts a rank column orders: its values fall as the rank rises (else the
    first column of amounts)."""
    rank = next((c for c in cols if c.role == "rank"), None)
    if rank is None:
        return None
    amounts = [c for c in cols if c.role == "figures" and c.kind in (None, "index")]
    for c in amounts:
        pairs = []
        for row in grid.body:
            r, v = figure_of(_cell(row, rank.index)), figure_of(_cell(row, c.index))
            if r is not None and v is not None:
                pairs.append((r.value, v.value))
        pairs.sort()
        if len(pairs) >= 2 and all(b[1] <= a[1] for a, b in zip(pairs, pairs[1:])):
            return c.index
    return amounts[0].index if amounts else None
