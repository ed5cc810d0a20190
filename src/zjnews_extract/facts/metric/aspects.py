"""Aspects of a measure named before: 总量和增幅均列全市第三 after 生产总值237.2亿元，增长9.4% ranks the
生产总值's 总量和增幅, not a thing called 总量. A name made only of aspect words (总量, 增速, 占比 …, joined
by 和/及/、) takes the measure the clause before named. (String steps, no patterns: a run of aspects is
read once, left to right.)"""
from __future__ import annotations

from functools import cache

from ..lexicon import cues


@cache
def _words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    m = cues()["metric"]
    return _longest_first(m["aspect_words"]), _longest_first(m["aspect_joins"]), _longest_first(m["aspect_tail_words"])


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def _run(text: str, at: int = 0) -> list[str]:
    """The aspects of the run that starts at `at` (总量和增幅 -> [总量, 增幅]); [] when none starts there."""
    aspects, joins, _ = _words()
    found: list[str] = []
    pos = at
    while True:
        word = next((w for w in aspects if text.startswith(w, pos)), None)
        if word is None:
            return found
        found.append(word)
        pos += len(word)
        join = next((j for j in joins if text.startswith(j, pos)), None)
        if join is None or not any(text.startswith(w, pos + len(join)) for w in aspects):
            return found
        pos += len(join)


def _base(measure: str) -> str:
    """`measure` without the aspects it ends in (建筑业产值总量 -> 建筑业产值; 占GDP比重 stays)."""
    _, joins, tails = _words()
    while True:
        word = next((w for w in tails if measure.endswith(w)), None)
        if word is None:
            return measure
        measure = measure[:-len(word)]
        join = next((j for j in joins if measure.endswith(j)), None)
        if join is not None:
            measure = measure[:-len(join)]


def _only_aspects(name: str) -> bool:
    """总量, 总量和增幅, 总量和 (cut at a change word): aspects and joins alone."""
    _, joins, _ = _words()
    run = _run(name)
    if not run:
        return False
    rest = name
    for word in run:
        rest = rest[rest.index(word) + len(word):]
    return rest == "" or rest in joins


def aspect_name(name: str | None, raw: str, measure: str | None) -> str | None:
    """`measure` + the aspects `name` holds (its run in `raw` when the reader cut it at a change word:
    总量和 | 增幅), or None when `name` is no bare aspect or no measure was named before."""
    if not name or not measure or not _only_aspects(name):
        return None
    base = _base(measure)
    if len(base) < 2:
        return None
    at = raw.find(name)
    run = _run(raw, at) if at >= 0 else []
    written = _written(raw, at, run) if run else name
    return base + (written if written.startswith(name.rstrip("和及与、")) else name)


def _written(text: str, at: int, run: list[str]) -> str:
    """The run of aspects as written from `at` (with its joins)."""
    _, joins, _ = _words()
    pos = at
    for k, word in enumerate(run):
        pos += len(word)
        if k + 1 < len(run):
            pos += len(next(j for j in joins if text.startswith(j, pos)))
    return text[at:pos]


def aspect_list(pre: str, n: int, measure: str | None) -> tuple[str, ...] | None:
    """总量和增速分居全市第二和第三 after 建筑业产值…: one aspect of the measure named before per figure
    (建筑业产值总量, 建筑业产值增速), or None when `pre` opens with no run of n aspects."""
    if not measure:
        return None
    items = _run(pre.strip())
    base = _base(measure)
    return tuple(base + x for x in items) if len(items) == n and len(base) >= 2 else None
