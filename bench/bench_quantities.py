#!/usr/bin/env python3
"""Speed of zjnews_extract.quantities() on a realistic news paragraph, and import time.

The paragraph is the body of the seed article (fixtures/zj_commerce_2026_plan.txt),
its paragraphs joined and repeated to about 7 kB: dense with amounts, growth rates,
percentage points, ranks, dates and names, as real economic news is.
Reports the median of several runs in characters per second (one core), and the
median time of `import zjnews_extract` in a fresh interpreter.

    .venv/bin/python bench/bench_quantities.py [--runs 15] [--size 7000]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--size", type=int, default=7000)
    args = ap.parse_args()

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
