"""Tables whose columns are separated by spaces or tabs, as a statistical bulletin pasted from a
PDF or a plain-text page carries them:

    表1:2018年泾源县地区生产总值及其增长速度
    指标 绝对值(万元) 比上年增长(%)
    全县地区生产总值 184413 6.0
    农林牧渔业 37554 4.0

A row is a label and figures (or blank marks), one run of spaces or a tab between cells. At
least three such rows of the same width, under a header line of exactly as many cells of words,
make a table; without a header line that fits, nothing is guessed (the columns would be
unknown). The cells keep their offsets in the text, so the rows read as bar-separated rows do.
"""
from __future__ import annotations

from functools import cache

import regex

from ..lexicon import alternation
from .cell_lines import BRACKETED, FIGURE_WITH_UNIT
from .cells import join_point_changes, point_change
from .layout import Cell, Row, Table, cell_marks, words
from .spaced_labels import label_goes_on, opens_label, wrapped_label
from .spaced_headers import stacked_top, titled_top, wrapped_top

_CELL = regex.compile(r"\S+")
# a figure cell of a space-separated row (↓7.50% a decline, as a ranking writes it); flattened.py's too
# (a figure in brackets is accounting's negative: (18.57), (90,099))
FIGURE = regex.compile(r"^(?:[-+−－＋↓↑]?\d[\d,，]*(?:\.\d+)?[%％‰]?|[(（]\d[\d,]*(?:\.\d+)?[)）][%％]?)$")


@cache
def _patterns():
    return {
        **cell_marks(),
        "figure": FIGURE,
        "bound": regex.compile(rf"^(?:{alternation(words()['cells']['bound_before'])})(?=\d)"),
        "han": regex.compile(r"\p{Han}"),
        "rank": regex.compile(r"^\d{1,3}[.、．]?$"),  # 1 广东, 1. 广东
        "bracketed": BRACKETED,
        # possessive steps: each line is scanned once whatever its length
        "row_hint": regex.compile(r"(?m)^[ \t]*+(?:\d{1,3}+[.、．]?+[ \t]++)?+(?=\S*?\p{Han})\S++(?:[ \t]++\p{Han}{1,4}+)?+"
                                  r"(?:[ \t]++(?:[-+]?\d[\d,.]*+(?:%|\p{Han}{1,4}+)?|[—―–/]++)){1,12}+[ \t]*+$"),  # (—— a blank)
        "min_rows": words()["stacked"]["min_rows"],
        "max_chars": words()["stacked"]["cell_max_chars"],
    }


def may_be_spaced(text: str) -> bool:
    """Cheap test: a line that is a word and figures separated by spaces."""
    if "\n" not in text:
        return False
    if _patterns()["row_hint"].search(text) is not None:
        return True
    # a bilingual yearbook's rows (施工项目个数 (个) Number of Projects … 23578 22195): rows once the English is gone
    return any(_row_width(line) > 0 for line in text_lines(text) if _LATIN.search(line[1]) and len(line[1]) <= 400)


def find_spaced(text: str) -> list[Table]:
    """Every space-separated table of `text` that has a header line of its width."""
    lines = text_lines(text)
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        width = _row_width(lines[i])
        top, stacked = _header_top(lines, i, width) if width >= 2 else (None, False)
        heads = None
        if top is None and width >= 3:
            top, heads = wrapped_top(lines, i, width)
        if top is None and width >= 3:
            top, heads = titled_top(lines, i, width)
        if top is None:
            i += 1
            continue
        j, rows = i, 0
        unit_column = _unit_cell(_cells(lines[i]))
        while j < len(lines) and (_row_width(lines[j]) == width or _without_unit(lines[j], width, unit_column)
                                  or (_translation(lines[j]) or _section(lines[j]) or _blank_row(lines[j], width)
                                                                     or j > i and wrapped_label(lines[j]))
                                  and j + 1 < len(lines) and (_row_width(lines[j + 1]) == width
                                                              or _translation(lines[j + 1])
                                                              or wrapped_label(lines[j]) and wrapped_label(lines[j + 1])
                                                              and j + 2 < len(lines) and _row_width(lines[j + 2]) == width)
                                  or j > i and wrapped_label(lines[j]) and label_goes_on(lines, i, j, width)):
            rows += _row_width(lines[j]) == width or _without_unit(lines[j], width, unit_column)
            j += 1
        # (a wrapped header's fragments add up to the columns: evidence enough for a table of two rows, as a
        # report's 总资产 | 归属于上市公司股东的所有者权益 is)
        if rows >= _patterns()["min_rows"] - (heads is not None):
            tables.append(_table(lines, top, i, j, stacked, heads))
            i = j
        else:
            i += 1
    return tables


def _header_top(lines, first: int, width: int) -> tuple[int | None, bool]:
    """The first header line above the body row `first` (else None), and whether the header is
    stacked, its cells a few to a line (see spaced_headers.stacked_top). The line right above has
    the body's width, or one cell less (累计 同比±% … under 指标 | 全体居民 | …, the label column's
    title on the upper line only); up to max_header_rows lines of fewer cells may stand above it
    (a group title over two columns)."""
    # the line right above names every column, or all but the label's, or only the columns of figures
    # (数值 | 增长(%) | 数值 | 增长(%) over 指标 | 单位 | 8月 | 1-8月 and rows with a unit column)
    found = _header_top_at(lines, first, width, first - 1) if first else (None, False)
    above = first - 1
    while found[0] is None and above > 0 and first - above <= _GAP_LINES and _no_cells(lines[above]):
        above -= 1  # a bilingual header's English line, a blank line: between the header and the rows
        if not _no_cells(lines[above]):
            found = _header_top_at(lines, first, width, above)
    return found


def _header_top_at(lines, first: int, width: int, above: int) -> tuple[int | None, bool]:
    """_header_top with the header's lowest line at `above`."""
    figures = width - 1 - _unit_cell(_cells(lines[first]))
    if not _is_header(lines[above]):
        return None, False
    if len(_cells(lines[above])) not in (width, width - 1, figures):
        top = stacked_top(lines, first, width)  # (above may stand over a bilingual header's English line)
        return top, top is not None
    top = above
    while top > 0 and first - top < words()["stacked"]["max_header_rows"] \
            and _is_header(lines[top - 1], months=True) and 2 <= len(_cells(lines[top - 1])) < width \
            and not _TABLE_NUMBER.match(lines[top - 1][1].strip()):
        top -= 1  # (表1: 15个…对比表 above is the caption, no header row)
    return top, False


_DATE_PARTS = ("年", "月", "日", "年度")
_YEAR_START = regex.compile(r"^(?:19|20)\d{2}年")


def header_cells(lines, top: int, end: int) -> list[Cell]:
    """The header cells of lines top..end-1, a bracketed unit joined to the cell before it."""
    out: list[Cell] = []
    for k in range(top, end):
        for c in _cells(lines[k]):
            if out and _patterns()["bracketed"].match(c.text):
                out[-1] = Cell(out[-1].start, c.end, out[-1].text + c.text)  # 旅游总收入 + (亿元)
            else:
                out.append(c)
    return out


def text_lines(text: str) -> list[tuple[int, str]]:
    """Each line of `text` with the offset it starts at."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _cells(line: tuple[int, str]) -> list[Cell]:
    start, body = line
    if len(body) > 400:  # a paragraph, not a row
        return []
    cells = [Cell(start + m.start(), start + m.end(), m.group()) for m in _CELL.finditer(body)]
    totals = words()["labels"]["english_totals"]
    if cells and cells[0].text.lower() in totals and len(cells) > 2:
        cells[0] = Cell(cells[0].start, cells[0].end, totals[cells[0].text.lower()])  # total: 总计 in English
    # a yearbook's English beside the Chinese (施工项目个数 (个) Number of Projects Under Construction(unit) 23578 …):
    # a translation, no cell
    cells = [c for k, c in enumerate(cells) if not (_LATIN.search(c.text) and not _patterns()["han"].search(c.text))
             and not (k and _LETTER.search(c.text) and not _patterns()["han"].search(c.text)
                      and not any(ch.isdigit() for ch in c.text))]  # (I. before FoodTobacco)
    if cells and cells[0].text in ("#", "＃") and len(cells) > 1:
        cells = cells[1:]  # # 食 品: the mark of an "of which" row, no cell
    # 施工项目个数 (个), 旅游总收入 (亿元) in a header: a unit in brackets after a name is the name's
    k = 1
    while k < len(cells):
        if _patterns()["bracketed"].match(cells[k].text) and _patterns()["han"].search(cells[k - 1].text) \
                and not any(ch.isdigit() for ch in cells[k - 1].text):
            cells[k - 1:k + 1] = [Cell(cells[k - 1].start, cells[k].end, cells[k - 1].text + cells[k].text)]
            continue
        k += 1
    # 增减变动幅度(% ): a bracket closed after a space is one cell
    k = 0
    while k + 1 < len(cells):
        a, b = cells[k], cells[k + 1]
        if a.text.count("(") + a.text.count("（") > a.text.count(")") + a.text.count("）") \
                and len(b.text) <= 2 and b.text[-1] in ")）":
            cells[k:k + 2] = [Cell(a.start, b.end, a.text + b.text)]
        k += 1
    # 2023 年 12 月 31 日: a date a PDF copy spaced out is one cell (the figures' cells never end in 年, 月, 日)
    k = 1
    while k < len(cells):
        a, b = cells[k - 1], cells[k]
        if b.text in _DATE_PARTS and a.text[-1:].isdigit() \
                or b.text.isdigit() and a.text.endswith(_DATE_PARTS[:2]) and k + 1 < len(cells) \
                and cells[k + 1].text in _DATE_PARTS[1:3] and _YEAR_START.match(a.text):
            cells[k - 1:k + 1] = [Cell(a.start, b.end, a.text + b.text)]
            continue
        k += 1
    cells = join_point_changes(body, start, cells)
    # a short label padded to the column's width (全  省, 指  标): its single characters are one cell
    n = next((k for k, c in enumerate(cells) if len(c.text) != 1 or not _patterns()["han"].match(c.text)), len(cells))
    if 2 <= n < len(cells):
        cells[:n] = [Cell(cells[0].start, cells[n - 1].end, "".join(c.text for c in cells[:n]))]
    return cells


def _row_width(line: tuple[int, str]) -> int:
    """The number of cells of a row (a label of words, maybe its unit, then figures or blanks), else 0."""
    p = _patterns()
    cells = _cells(line)
    # 1 广东 256.00 24.00%: a ranking table's rows open with the rank, then the label
    ranked = int(len(cells) > 2 and p["rank"].match(cells[0].text) is not None)
    label = cells[ranked:]
    if len(label) < 2 or not p["han"].search(label[0].text) or len(label[0].text) > p["max_chars"] \
            or p["prose"].search(label[0].text):
        return 0
    rest = [c.text for c in label[1 + _unit_cell(label):]]
    rest = [p["bound"].sub("", t, count=1) for t in rest]  # 突破5000: a bounded figure is a figure
    if not all(p["figure"].match(t) or p["blank"].match(t) or _unit_figure(t) or point_change().match(t) for t in rest) \
            or not any(p["figure"].match(t) or _unit_figure(t) for t in rest):
        return 0
    return len(cells)


def _blank_row(line: tuple[int, str], width: int) -> bool:
    """A row of the table's width whose every figure cell is a blank mark (中外合作 —— —— —— ——: nothing
    to report this month); it holds no figure, so it counts as no row, but the rows go on under it."""
    p = _patterns()
    cells = _cells(line)
    return len(cells) == width and bool(p["han"].search(cells[0].text)) and len(cells[0].text) <= p["max_chars"] \
        and all(p["blank"].match(c.text) for c in cells[1:])


def _without_unit(line: tuple[int, str], width: int, unit_column: int) -> bool:
    """In a table with a unit column, a row that leaves its unit cell out (人均地区生产总值(GDP) 12130 …) or
    wrote it into its label (地区生产总值(GDP)增速 (%) 6.8 …): a label and one figure cell fewer."""
    return bool(unit_column) and _row_width(line) == width - 1 and not _unit_cell(_cells(line))


def _unit_figure(cell: str) -> bool:
    """A figure with its own unit (269万吨, 200亿米 under 1994年 in a bulletin's product list)."""
    from .units import read_unit  # noqa: PLC0415  (units reads the layout's words)

    m = FIGURE_WITH_UNIT.match(cell)
    return m is not None and read_unit(m.group("unit")) is not None


def _unit_cell(cells: list[Cell]) -> int:
    """1 when the cell after the label is a unit column's (一、规模以上工业增加值 亿元 - 1.5 …), else 0."""
    from .units import read_unit  # noqa: PLC0415  (units reads the layout's words)

    return int(len(cells) > 2 and not any(ch.isdigit() for ch in cells[1].text) and read_unit(cells[1].text) is not None)


def _section(line: tuple[int, str]) -> bool:
    """A section line inside a table (一、按销售地区分:, 二、按行业分:): the rows under it split the same
    measure another way; it holds no figure (a bilingual table's English after it is no part of it)."""
    body = " ".join(c.text for c in _cells(line)) if _LATIN.search(line[1]) else line[1].strip()
    return bool(body) and len(body) <= 20 and _SECTION.match(body) is not None


def _section_cells(line: tuple[int, str]) -> list[Cell]:
    body = line[1].strip()
    at = line[0] + line[1].index(body)
    return [Cell(at, at + len(body), body)]


# lines of no cells (English, blank) that may stand between a header and its rows
_GAP_LINES = 3


def _no_cells(line: tuple[int, str]) -> bool:
    """A blank line, or a bilingual table's line in English only."""
    return not line[1].strip() or _translation(line)


def _translation(line: tuple[int, str]) -> bool:
    """A line of a bilingual table in English only (the unit of the row above: (10 000 persons))."""
    return bool(_LATIN.search(line[1])) and not _patterns()["han"].search(line[1]) and _row_width(line) == 0


def _is_header(line: tuple[int, str], months: bool = False) -> bool:
    """A line of words naming the columns: every cell short, Han in each, no sentence marks; with
    `months`, a span of months may stand as a cell of its own (指标 单位 8月 1-8 over 数值 增长…)."""
    p = _patterns()
    cells = _cells(line)
    return all((p["han"].search(c.text) or months and _MONTH_SPAN.match(c.text) or _YEAR.match(c.text))
               and len(c.text) <= p["max_chars"] and not p["prose"].search(c.text) for c in cells) \
        and (any(p["han"].search(c.text) for c in cells) or len(cells) >= 2)  # (指标 2018 2019, Item 2006 2007)


_LATIN = regex.compile(r"[A-Za-z]{2}")
_SECTION = regex.compile(r"^(?:[一二三四五六七八九十]{1,2}、)?按\p{Han}{1,8}分\s*[:：]?$")
_LETTER = regex.compile(r"[A-Za-z]")
_YEAR = regex.compile(r"^(?:19|20)\d{2}年?$")
_TABLE_NUMBER = regex.compile(r"^(?:表|附表)\s*\d")
_MONTH_SPAN = regex.compile(r"^(?:1[0-2]|0?[1-9])[-—~～](?:1[0-2]|0?[1-9])$")


def _table(lines, header: int, first: int, after: int, stacked: bool, wrapped: list[list[Cell]] | None = None) -> Table:
    # a stacked header's lines make one row, as a wrapped header's fragments do
    # (an English line or a blank line under a Chinese header is no header row; an English header alone is)
    kept = [k for k in range(header, first) if not _no_cells(lines[k])] or list(range(header, first))
    heads = wrapped or ([header_cells(lines, header, first)] if stacked else [_cells(lines[k]) for k in kept])
    body: list[list[Cell]] = []
    skip: set[int] = set()
    for k in range(first, after):
        if k in skip:
            continue
        if _translation(lines[k]):
            continue
        if body and not _section(lines[k]) and wrapped_label(lines[k]) and not opens_label(lines, k, after):
            label, more = body[-1][0], _cells(lines[k])[0]  # 华侨、港澳台胞、外 / 籍华人捐赠物资: one label
            body[-1] = [Cell(label.start, more.end, label.text + more.text)] + body[-1][1:]
            continue
        if wrapped_label(lines[k]) and k + 1 < after and _row_width(lines[k + 1]) > 0:
            opening = _cells(lines[k])[0]  # 归属于上市公司股东的 / 扣除非经常性损益的净 19,902,297.26 …: one label
            nxt = _cells(lines[k + 1])
            body.append([Cell(opening.start, nxt[0].end, opening.text + nxt[0].text)] + nxt[1:])
            skip.add(k + 1)
            continue
        cells = _section_cells(lines[k]) if _section(lines[k]) else _cells(lines[k])
        if len(cells) == len(heads[-1]) - 1 and len(body) and len(body[0]) == len(heads[-1]) \
                and _unit_cell(body[0]) and not _unit_cell(cells) and len(cells) >= 2:
            cells = [cells[0], Cell(cells[0].end, cells[0].end, "")] + cells[1:]  # its unit cell left empty
        body.append(cells)
    rows = tuple(Row(c[0].start, c[-1].end, tuple(c)) for c in heads + body)
    captions, start = captions_above(lines, header)
    return Table(rows=rows, captions=tuple(captions), start=start, end=rows[-1].end, rows_start=rows[0].start)


def captions_above(lines, header: int) -> tuple[list[str], int]:
    """The caption lines right above the header line `header` (title, 单位), top first, and where
    the first of them starts."""
    captions: list[str] = []
    start = lines[header][0]
    k = header - 1
    lay = words()["layout"]
    while k >= 0 and len(captions) < lay["caption_lines"]:
        line = lines[k][1].strip()
        if _translation(lines[k]):
            k -= 1  # a bilingual title's English line: the Chinese title above it is the caption
            continue
        if not line or len(line) > lay["caption_max_chars"] or _patterns()["prose"].search(line) \
                or any(FIGURE.match(c.text) for c in _cells(lines[k])[1:]):
            break  # (研发投入合计 51,729,239.32 …: a row of the table above, no caption of this one)
        captions.insert(0, line)
        start = lines[k][0]
        k -= 1
    return captions, start
