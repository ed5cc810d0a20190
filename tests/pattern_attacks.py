"""Adversarial lines for a regular expression, and how its search time grows with them.

Catastrophic backtracking needs a part of the pattern that repeats: it shows when a
line holds many copies of something that repeated part accepts (the pump), after what
the pattern needs before it (the prefix), followed by one character that makes the
match fail at the end (the suffix). This module reads a pattern with the standard
library's own parser, builds such lines for every repeat in it (several pumps and
suffixes each) and times `search` on lines of 10, 100 and 1,000 pumps. Used by
tests/test_pattern_growth.py; knows nothing about the package.
"""
from __future__ import annotations

import re
import signal
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

try:
    import re._parser as sre_parse  # Python 3.11+
    from re import _constants as C
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

SIZES = (10, 100, 1000)
# Characters tried against character classes, negated ones above all: ASCII letters and
# digits, spaces, Han, CJK punctuation, the arrows and brackets of page chrome.
_CANDIDATES = "a1 中x。，>/.-:：|【]Z_\t·"
# What may follow the pumped part: nothing, or one character that ends the match badly.
SUFFIXES = ("", "!", "。", "x", "1", " ", "中", "\n")
_MAX_SAMPLES = 6  # variants kept per node: enough shapes, no combinatorial blow-up
_MAX_PUMPS = 10


@dataclass(frozen=True)
class Attack:
    prefix: str
    pump: str
    suffix: str

    def line(self, n: int) -> str:
        return self.prefix + self.pump * n + self.suffix


def _unique(values, limit: int = _MAX_SAMPLES) -> list[str]:
    out: list[str] = []
    for value in values:
        if value not in out:
            out.append(value)
            if len(out) >= limit:
                break
    return out


def _class_accepts(items, ch: str) -> bool:
    negate = False
    hit = False
    code = ord(ch)
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            hit |= code == av
        elif op is C.RANGE:
            hit |= av[0] <= code <= av[1]
        elif op is C.CATEGORY:
            hit |= _category(av, ch)
        elif op is C.CHARSET or op is C.BIGCHARSET:  # not produced by the parser; safe default
            hit |= False
    return hit != negate


_CATEGORIES = {
    "CATEGORY_DIGIT": str.isdigit, "CATEGORY_NOT_DIGIT": lambda c: not c.isdigit(),
    "CATEGORY_SPACE": str.isspace, "CATEGORY_NOT_SPACE": lambda c: not c.isspace(),
    "CATEGORY_WORD": lambda c: c.isalnum() or c == "_", "CATEGORY_NOT_WORD": lambda c: not (c.isalnum() or c == "_"),
}


def _category(av, ch: str) -> bool:
    return _CATEGORIES.get(str(av), lambda c: False)(ch)


def _class_samples(items) -> list[str]:
    own = []
    if not any(op is C.NEGATE for op, _ in items):
        for op, av in items:
            if op is C.LITERAL:
                own.append(chr(av))
            elif op is C.RANGE:
                own.append(chr(av[0]))
            if len(own) >= 3:
                break
    return _unique([*own, *(c for c in _CANDIDATES if _class_accepts(items, c))], 4)


def node_samples(op, av) -> list[str]:
    """Strings one node of the parsed pattern accepts, a few different shapes."""
    if op is C.LITERAL:
        return [chr(av)]
    if op is C.NOT_LITERAL:
        return _unique(c for c in _CANDIDATES if ord(c) != av)[:2]
    if op is C.ANY:
        return ["a", "中", " "]
    if op is C.IN:
        return _class_samples(av) or [""]
    if op is C.BRANCH:
        return _unique(s for alt in av[1] for s in seq_samples(alt)[:2])
    if op is C.SUBPATTERN:
        return seq_samples(av[-1])
    if op is C.ATOMIC_GROUP:
        return seq_samples(av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, body = av
        out = []
        for sample in seq_samples(body)[:3]:
            out.append(sample * low)
            if high >= 1:
                out.append(sample * max(low, 1))
            if high >= 2 and low < 2:
                out.append(sample * 2)
        return _unique(out)
    if op is C.GROUPREF_EXISTS:
        return seq_samples(av[1])
    return [""]  # AT, ASSERT, ASSERT_NOT, GROUPREF: no text of their own


def seq_samples(seq) -> list[str]:
    """Strings a sequence of nodes accepts: every node's first shape, then one node varied at a time."""
    per_node = [node_samples(op, av) for op, av in seq]
    base = [s[0] for s in per_node]
    out = ["".join(base), "".join(s[-1] for s in per_node)]
    for i, samples in enumerate(per_node):
        for alt in samples[1:]:
            out.append("".join(base[:i]) + alt + "".join(base[i + 1:]))
    return _unique(out)


def _repeats(seq, prefix: str) -> Iterator[tuple[str, list]]:
    """(text before it, body) for every repeat that can run more than once, at any depth."""
    for i, (op, av) in enumerate(seq):
        before = prefix + "".join(node_samples(o, a)[0] for o, a in seq[:i])
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            low, high, body = av
            if high > 1:
                yield before, body
            yield from _repeats(body, before)
        elif op is C.SUBPATTERN:
            yield from _repeats(av[-1], before)
        elif op is C.ATOMIC_GROUP:
            yield from _repeats(av, before)
        elif op is C.BRANCH:
            for alt in av[1]:
                yield from _repeats(alt, before)
        elif op is C.ASSERT or op is C.ASSERT_NOT:
            yield from _repeats(av[1], before)
        elif op is C.GROUPREF_EXISTS:
            for branch in av[1:]:
                if branch is not None:
                    yield from _repeats(branch, before)


# Syntax of the `regex` module that the standard parser does not know, written the standard way
# (only to build lines: the pattern timed is always the real one).
_REGEX_ONLY = [(re.compile(r"\\p\{Han\}|\\p\{Script=Han\}"), "[\u4e00-\u9fff]"),
               (re.compile(r"\\[pP]\{[^}]*\}"), r"\\w")]


def attacks(pattern: str | bytes, flags: int = 0) -> list[Attack]:
    """Adversarial lines for `pattern`: for every repeat, pumps of what it accepts between a
    prefix that leads to it and each suffix."""
    text = pattern.decode("utf-8", "replace") if isinstance(pattern, bytes) else pattern
    for finder, standard in _REGEX_ONLY:
        text = finder.sub(standard, text)
    try:
        with warnings.catch_warnings():  # "possible nested set" is the compiling module's to heed
            warnings.simplefilter("ignore", FutureWarning)
            parsed = list(sre_parse.parse(text, flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE)))
    except (re.error, ValueError, TypeError, OverflowError, RecursionError):
        parsed = None
    found: list[Attack] = []
    if parsed is None:  # syntax the standard parser refuses: pump every character of the pattern
        chars = _unique((c for c in text if not c.isspace() and c not in "\\()[]{}?*+|^$"), 40)
        pumps = [(c, "") for c in chars] + [(c + " ", "") for c in chars[:10]]
    else:
        pumps = []
        for before, body in _repeats(parsed, ""):
            samples = [s for s in seq_samples(body) if s]
            joined = [a + b for a in samples[:3] for b in samples[:3] if a != b]
            pumps.extend((pump, before) for pump in _unique([*samples, *joined], _MAX_PUMPS))
    seen = set()
    for pump, before in pumps:
        for suffix in SUFFIXES:
            attack = Attack(before, pump, suffix)
            if attack.line(1) not in seen:
                seen.add(attack.line(1))
                found.append(attack)
    return found


class _Timeout(Exception):
    pass


def _alarm(*_args):
    raise _Timeout


def search_seconds(compiled, line, *, budget: float) -> float | None:
    """Seconds one search takes; None when it runs past `budget` (a stopped, runaway search)."""
    is_regex_module = type(compiled).__module__.startswith("regex")
    if is_regex_module:
        started = time.perf_counter()
        try:
            compiled.search(line, timeout=budget)
        except TimeoutError:
            return None
        return time.perf_counter() - started
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, budget)
    started = time.perf_counter()
    try:
        compiled.search(line)
        return time.perf_counter() - started
    except _Timeout:
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def steady_seconds(compiled, line, *, budget: float, repeats: int = 5, floor: float = 0.002) -> float | None:
    """Per-search seconds, the least of `repeats` runs of enough searches to last `floor` seconds."""
    one = search_seconds(compiled, line, budget=budget)
    if one is None:
        return None
    loops = max(1, min(100_000, int(floor / max(one, 1e-7))))
    best = one
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in range(loops):
            compiled.search(line)
        best = min(best, (time.perf_counter() - started) / loops)
    return best


@dataclass
class Growth:
    attack: Attack
    seconds: dict[int, float | None]  # size -> seconds per search; None = ran past the budget

    def ratio(self) -> float:
        """The worst growth between neighbouring sizes (10x more input)."""
        worst = 0.0
        for small, big in zip(SIZES, SIZES[1:]):
            a, b = self.seconds.get(small), self.seconds.get(big)
            if a is None or b is None:
                return float("inf")
            worst = max(worst, b / max(a, 1e-7))
        return worst

    def worst_seconds(self) -> float:
        values = self.seconds.values()
        return float("inf") if None in values else max(values)


def encode_like(pattern, line: str):
    return line.encode("utf-8") if isinstance(pattern, bytes) else line


def growth(compiled, attack: Attack, *, budget: float = 2.0, careful: bool = False) -> Growth:
    """Search times at 10, 100 and 1,000 pumps; stops at the first size past the budget."""
    seconds: dict[int, float | None] = {}
    for n in SIZES:
        line = encode_like(compiled.pattern, attack.line(n))
        took = (steady_seconds(compiled, line, budget=budget) if careful
                else search_seconds(compiled, line, budget=budget))
        seconds[n] = took
        if took is None:
            break
    return Growth(attack, seconds)
