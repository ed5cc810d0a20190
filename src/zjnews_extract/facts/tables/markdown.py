"""Markdown tables whose rows were run together on one line, as a page converted to Markdown and
pasted loses its line breaks:

    | 项目 | 本报告期 | 年初至报告期末 | | --- | --- | --- | | 营业收入 | 107,616,918.18 | 374,604,722.93 |

A line holding the header's rule (| --- | --- |) is such a table; `with_row_breaks` puts a line
break between each row's closing bar and the next row's opening one, so the bar-table reader
(layout.py) reads it. The text keeps its length and every other character: offsets still hold."""
from __future__ import annotations

import regex

# the rule under a Markdown header: | --- | :---: | ---: |
_RULE = regex.compile(r"\|(?:\s*+:?-{3,}+:?\s*+\|){2,}+")
# a row's closing bar, one space, the next row's opening bar
_JOIN = regex.compile(r"(?<=\|) (?=\|)")


def may_be_markdown(text: str) -> bool:
    """Cheap test: a Markdown header rule somewhere in the text."""
    return "---" in text and _RULE.search(text) is not None


def with_row_breaks(text: str) -> str:
    """`text` with the rows of every run-together Markdown table on lines of their own."""
    return "\n".join(_JOIN.sub("\n", line) if _RULE.search(line) else line for line in text.split("\n"))
