"""Bar tables printed as one stream of cells, the page's line breaks falling inside cells and rows running
on (a portal's copy of a quarterly report, 中财网):

    | 本报告期 | 本报告期比上年同期
    增减 | 年初至报告期末 | 年初至报告期末比上
    年同期增减 | 营业收入(元) | 666,805,568.78 | 28.59% | 1,932,209,385.98 | 3.61% | 归属于上市公司股东
    的净利润(元) | 31,898,907.94 | …

`with_stream_rows` gives the text back with each row on a line of its own: the bar before a row's label (a
cell of words followed by a figure) and before the empty cell that opens a new header become line breaks,
and a line break inside a cell becomes a space. The text keeps its length, so offsets still point into the
original; the bar-table reader (layout.py) then reads it."""
from __future__ import annotations

import regex

from ...text import STATEMENT_ENDS
from .spaced import FIGURE

# Why: a stream holds a header and rows of several cells each; fewer cells are no such table.
_MIN_CELLS = 10
_NO_FIGURE = ("--", "-", "—", "－", "/")
# a line of a cell's words wrapped between two lines of bars is short and holds no sentence
_CELL_LINE = 20
_PROSE = regex.compile(r"[。；;，,！？]")


def may_be_stream(text: str) -> bool:
    """Cheap test: a line with bars whose last cell is the words of the next row's label, or with rows within."""
    return any(line.count("|") >= 2 and _runs_on(line) or line.count("|") >= _MIN_CELLS and _rows_within(line)
               for line in text.split("\n"))


def with_stream_rows(text: str) -> str:
    """`text` with every stream of bar cells broken into rows (same length, same offsets)."""
    chars: list[str] | None = None
    for start, end in _regions(text):
        cuts, wraps = _cuts(text, start, end)
        if not cuts:
            continue
        cuts += _lead_cuts(text, start, end)
        chars = chars if chars is not None else list(text)
        for at in cuts:
            chars[at] = "\n"
        for at in wraps:
            chars[at] = " "
    return "".join(chars) if chars is not None else text


def _regions(text: str) -> list[tuple[int, int]]:
    """Runs of lines with bars (a short line of a cell's words between two of them belongs to the run),
    two or more lines with two bars or more, one line ending inside a cell."""
    lines = text.split("\n")
    out, run_start, pos, wrapped, n = [], None, 0, False, 0
    for k, line in enumerate(lines + [""]):
        inner = run_start is not None and 0 < len(line.strip()) <= _CELL_LINE and not _PROSE.search(line) \
            and k + 1 < len(lines) and "|" in lines[k + 1]
        if line.count("|") >= 2 or (run_start is not None and ("|" in line or inner)):
            if run_start is None:
                run_start, wrapped, n, within = pos, False, 0, False
            wrapped = wrapped or _runs_on(line)
            within = within or line.count("|") >= _MIN_CELLS and _rows_within(line)
            n += line.count("|") >= 2
        else:
            # (a whole table on one line, rows run together after the prose and the caption before it: a
            # bulletin's 表1 copied as text, MA's 紫云 and UA's 崆峒 bulletins)
            if run_start is not None and (n >= 2 and wrapped or n == 1 and within):
                out.append((run_start, pos - 1))
            run_start = None
        pos += len(line) + 1
    return out


def _cuts(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """(the bars to turn into line breaks, the line breaks inside cells to turn into spaces)."""
    bars = [m.start() for m in regex.finditer(r"\|", text[start:end])]
    bars = [start + b for b in bars]
    bounds = [start] + bars + [end]
    cells = [(bounds[i] + (1 if i else 0), bounds[i + 1]) for i in range(len(bounds) - 1)]
    if len(cells) < _MIN_CELLS:
        return [], []
    kinds = [_kind(text[s:e]) for s, e in cells]
    cuts: list[int] = []
    blanks: list[int] = []
    for i in range(1, len(cells)):
        if kinds[i] != "words" or i + 1 == len(cells):
            continue
        j = i  # the empty cells right before: the row's end, or the gap between two tables
        while j > 1 and kinds[j - 1] == "empty":
            j -= 1
        if kinds[i + 1] == "figure" and kinds[j - 1] in ("figure", "words", "empty"):
            # a row's label: a line break at the first bar before it, the gap's other bars blanked
            cuts.append(cells[j][0] - 1)
            blanks += [cells[k][0] - 1 for k in range(j + 1, i + 1)]
        elif kinds[i + 1] == "words" and j < i and kinds[j - 1] == "figure":
            # 0.47% | | 本报告期末 | 上年度末 |: a new table under the first (a blank line between: its own width),
            # its header opening with a bar for its corner cell as the first one did
            cuts.append(cells[j][0] - 1)
            if cells[j][1] > cells[j][0]:
                cuts.append(cells[j][0])
            blanks += [cells[k][0] - 1 for k in range(j + 1, i)]
    k = len(cells) - 1
    while k > 0 and kinds[k] == "empty":  # (1.35% | |: bars closing the stream make no cells)
        blanks.append(cells[k][0] - 1)
        k -= 1
    wraps = [start + i for i, ch in enumerate(text[start:end]) if ch == "\n"]
    return cuts, wraps + blanks


def _rows_within(line: str) -> bool:
    """A figure, then a cell of words, then a figure (… | 9.8 | 其中:第一产业 | 30.02 | …): a row ends and the next
    begins inside the line."""
    kinds = [_kind(c) for c in line.split("|")]
    return any(kinds[i - 1] == "figure" and kinds[i] == "words" and kinds[i + 1] == "figure"
               for i in range(1, len(kinds) - 1))


# Why: the words before a one-line table's first bar hold the prose and the caption before its corner cell
# (…增长6.7%。 表1 生产总值及行业构成 单位:亿元 指标名称 | 增加值 |): the corner is the last few words
_CORNER = 8


def _lead_cuts(text: str, start: int, end: int) -> list[int]:
    """Line breaks that put the prose, the caption and the header of a table on lines of their own, when the
    table's region opens on a line that starts with them: at the space before the last words before the first
    bar (the corner cell), and at the space after the last sentence end before it."""
    first = text.find("|", start, end)
    line_start = text.rfind("\n", 0, start) + 1
    lead = text[line_start:first]
    if len(lead.strip()) <= _CORNER:
        return []
    cuts = []
    if (space := lead.rstrip().rfind(" ")) > 0 and len(lead.rstrip()) - space - 1 <= _CORNER:
        cuts.append(line_start + space)
    ends = [i + 1 for i, ch in enumerate(lead) if ch in STATEMENT_ENDS]
    if ends and ends[-1] < len(lead) and lead[ends[-1]] == " " and (not cuts or line_start + ends[-1] < cuts[0]):
        cuts.append(line_start + ends[-1])
    return cuts


def _runs_on(line: str) -> bool:
    """A line whose figures are followed by the words of the next row's label (… | 3.61% | 归属于上市公司股东):
    rows run on over it. A table of one row a line ends its rows with a figure or a bar."""
    cells = line.split("|")
    return _kind(cells[-1]) == "words" and any(_kind(c) == "figure" for c in cells[:-1])


def _kind(cell: str) -> str:
    s = cell.strip()
    if not s:
        return "empty"
    if s in _NO_FIGURE or FIGURE.fullmatch(s.replace(" ", "")):
        return "figure"
    return "words"
