"""The scaling check the linear-time tests share: ten times the input may take about ten times the CPU
time, never a hundred (a ratio of times, never a wall-clock limit)."""
from __future__ import annotations

import time

# Why: 10x the input is ~10x the time when linear; a quadratic step makes it ~100x. The bound leaves
# room for a busy machine's noise.
MAX_RATIO = 30


def fastest_seconds(fn, runs: int = 5) -> float:
    """The fastest of a few runs in CPU time: other work on the machine only ever adds time, so the
    minimum is the truest figure (a median of three let one busy run through)."""
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def assert_linear(fn, small, large) -> None:
    """`fn(large)` takes at most MAX_RATIO times what `fn(small)` takes (large is ten times small)."""
    ratio = fastest_seconds(lambda: fn(large)) / fastest_seconds(lambda: fn(small))
    assert ratio < MAX_RATIO, ratio
