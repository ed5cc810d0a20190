#!/usr/bin/env python3
"""Speed of zjnews_extract.quantities() on a realistic news paragraph, and import time.

The paragraph is the body of the seed article (fixtures/zj_commerce_2026_plan.txt),
its paragraphs joined and repeated to about 7 kB: dense with amounts, growth rates,
percentage points, ranks, dates and names, as real economic news is.
Reports the median of several runs in characters per second (one core), and the
median time of `import zjnews_extract` in a fresh interpreter.

    .venv/bin/python bench/bench_quantities.py [--runs 15] [--size 7000]

With --against, a second copy of the reader (the `src` folder of another checkout, e.g. one made with
`git worktree add /tmp/before main`) runs in the same process, calls alternating, and the ratio of
the two medians is printed: on a machine shared with other jobs this is the figure to compare.

    .venv/bin/python bench/bench_quantities.py --against /tmp/before/src --runs 61
"""
from __future__ import annotations

import argparse
import atexit
import importlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "fixtures" / "zj_commerce_2026_plan.txt"


def paragraph(size: int) -> str:
    """About `size` characters of article body: the longer paragraphs, joined, repeated."""
    lines = [ln.strip() for ln in FIXTURE.read_text(encoding="utf-8").splitlines()]
    body = "".join(ln for ln in lines if len(ln) > 60)
    text = body
    while len(text) < size:
        text += body
    return text[:size]


def import_time(runs: int) -> float:
    code = "import time; t=time.perf_counter(); import zjnews_extract; print(time.perf_counter()-t)"
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
        times.append(float(out.stdout.strip()))
    return statistics.median(times)


def load_other(src: Path):
    """The zjnews_extract package of another checkout, imported under another name."""
    tmp = Path(tempfile.mkdtemp(prefix="bench-against-"))
    atexit.register(shutil.rmtree, tmp, True)
    shutil.copytree(src / "zjnews_extract", tmp / "zjnews_extract_against")
    sys.path.insert(0, str(tmp))
    return importlib.import_module("zjnews_extract_against")


def against(text: str, other, runs: int) -> None:
    import zjnews_extract  # noqa: PLC0415

    ours, theirs = zjnews_extract.quantities, other.quantities
    ours(text), theirs(text)
    t_ours, t_theirs = [], []
    for i in range(runs):
        pair = ((ours, t_ours), (theirs, t_theirs))
        for fn, acc in (pair if i % 2 else pair[::-1]):
            c0 = time.process_time()
            fn(text)
            acc.append(time.process_time() - c0)
    a, b = statistics.median(t_ours), statistics.median(t_theirs)
    print(f"same process, alternating, {runs} runs each: this tree {a * 1000:.2f} ms, other {b * 1000:.2f} ms "
          f"(median CPU) -> this/other {a / b:.3f}; {len(ours(text))} vs {len(theirs(text))} quantities")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--size", type=int, default=7000)
    ap.add_argument("--against", type=Path, help="the src folder of another checkout to compare with")
    args = ap.parse_args()
    if args.against:
        against(paragraph(args.size), load_other(args.against), args.runs)
        return 0

    import zjnews_extract  # noqa: PLC0415

    text = paragraph(args.size)
    t0 = time.perf_counter()
    found = zjnews_extract.quantities(text)  # first call compiles the grammar once
    first = time.perf_counter() - t0
    runs, cpu = [], []
    for _ in range(args.runs):
        t0, c0 = time.perf_counter(), time.process_time()
        zjnews_extract.quantities(text)
        runs.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    med = statistics.median(runs)
    cpu_med = statistics.median(cpu)
    print(f"paragraph: {len(text)} chars, {len(found)} quantities")
    print(f"first call (grammar compile + parse): {first * 1000:.1f} ms")
    print(f"quantities(): median {med * 1000:.2f} ms over {args.runs} runs -> {len(text) / med:,.0f} chars/s (wall)")
    # CPU time of this process: the figure that stays honest when other jobs share the machine
    print(f"quantities(): median CPU {cpu_med * 1000:.2f} ms -> {len(text) / cpu_med:,.0f} chars/s (one core)")
    print(f"import zjnews_extract (fresh interpreter, median of 7): {import_time(7) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
