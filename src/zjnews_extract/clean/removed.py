"""The log of removed lines, one entry per run: consecutive lines dropped for the same
reason become one Removed whose text joins them with newlines.

A page drops about a thousand menu lines; one entry each bloated the JSON and slowed
batch runs. Joining keeps every line and its reason, in page order.
"""
from __future__ import annotations

from ..records import Removed


class RemovedLog:
    """Collects (line, reason) in page order; `cut` marks a kept line between two runs."""

    __slots__ = ("_entries", "_lines", "_reason")

    def __init__(self) -> None:
        self._entries: list[Removed] = []
        self._lines: list[str] = []
        self._reason: str | None = None

    def add(self, text: str, reason: str) -> None:
        if reason != self._reason:
            self.cut()
            self._reason = reason
        self._lines.append(text)

    def cut(self) -> None:
        """Close the current run (a kept line, or lines from elsewhere on the page, follow)."""
        if self._lines:
            self._entries.append(Removed(text="\n".join(self._lines), reason=self._reason))
        self._lines = []
        self._reason = None

    def entries(self) -> list[Removed]:
        self.cut()
        return self._entries
