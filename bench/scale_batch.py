"""Scale proof: a WARC of the corpus pages repeated to 20 000+ records, through the batch command on a
Dask LocalCluster of 1 and 2 workers and through the local pool of 1 and 2 workers.

    .venv/bin/pip install -e '.[test,dask,bench]'
    .venv/bin/python bench/scale_batch.py [--records 20000] [--corpus ../shared/corpus/pages]
        [--engines dask,local] [--workers 1,2] [--warc /tmp/corpus.warc] [--keep]

Each run is the real command, in a fresh process, as a user types it:

    zjnews-extract batch CORPUS.warc -o out.jsonl --engine dask --workers N --quiet
    zjnews-extract batch CORPUS.warc -o out.jsonl --workers N --quiet

timed from start to exit (cluster start and warm-up included). Printed per run: records/s, records/s
per worker, CPU seconds per record (this process's children: the command and its workers), peak PSS of
the command's process tree and of its largest worker, and the output's line count (one line per
record, always). Then the 1 -> 2 scaling ratio of each engine. Runs alternate engines so that a burst
of load from other processes falls on each; the load average is printed with each run.

On a real cluster (one scheduler, worker machines with the package installed; see README "On a Dask
cluster"), give --scheduler tcp://HOST:8786: the same command then runs with --scheduler instead of
--workers, once; the WARC is read by the client only (its records travel with their partitions).
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from _common import ROOT, corpus_pages


def build_warc(path: Path, pages: list[Path], records: int) -> None:
    """An uncompressed WARC of `records` response records, the pages repeated in turn."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    blobs = [(p.name, p.read_bytes()) for p in pages]
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for k in range(records):
            name, body = blobs[k % len(blobs)]
            url = f"http://corpus.example/{k // len(blobs)}/{name}"
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http,
                                               warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:{uuid.uuid4()}>"})
            writer.write_record(record)


def _tree_pss(root_pid: int) -> tuple[float, float]:
    """(summed PSS of a process and its descendants, largest single PSS), MiB."""
    import psutil

    total = largest = 0.0
    try:
        procs = [psutil.Process(root_pid)]
        procs += procs[0].children(recursive=True)
    except psutil.Error:
        return 0.0, 0.0
    for proc in procs:
        try:
            pss = proc.memory_full_info().pss / 2**20
        except psutil.Error:
            continue
        total += pss
        if proc.pid != root_pid:
            largest = max(largest, pss)
    return total, largest


def run(warc: Path, engine: str, workers: int | None, scheduler: str | None, records: int) -> dict:
    out = Path(tempfile.mkdtemp(prefix="zjnews-scale-")) / "out.jsonl"
    cmd = [sys.executable, "-m", "zjnews_extract", "batch", str(warc), "-o", str(out), "--quiet"]
    cmd += ["--engine", engine] if engine == "dask" else []
    cmd += ["--scheduler", scheduler] if scheduler else ["--workers", str(workers)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    began = time.perf_counter()
    child = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    peak_total = peak_worker = 0.0
    while child.poll() is None:
        total, worker = _tree_pss(child.pid)
        peak_total, peak_worker = max(peak_total, total), max(peak_worker, worker)
        time.sleep(1.0)
    spent = time.perf_counter() - began
    err = child.stderr.read()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if child.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({child.returncode}):\n{err[-2000:]}")
    with open(out, "rb") as fh:
        lines = sum(1 for _ in fh)
    out.unlink()
    out.parent.rmdir()
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"engine": engine, "workers": workers, "seconds": spent, "rate": records / spent, "cpu": cpu,
            "lines": lines, "pss": peak_total, "worker_pss": peak_worker, "load": load,
            "summary": err.strip().splitlines()[-1] if err.strip() else ""}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=20000)
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--engines", default="dask,local")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--scheduler", help="a running Dask scheduler (tcp://host:8786): one dask run on it")
    ap.add_argument("--warc", type=Path, help="where to write the WARC (default: a temporary file)")
    ap.add_argument("--keep", action="store_true", help="keep the WARC afterwards")
    args = ap.parse_args()

    pages = corpus_pages(args.corpus)
    warc = args.warc or Path(tempfile.mkdtemp(prefix="zjnews-warc-")) / "corpus.warc"
    began = time.perf_counter()
    build_warc(warc, pages, args.records)
    print(f"WARC: {args.records} records ({len(pages)} pages repeated), {warc.stat().st_size / 2**30:.2f} GiB, "
          f"written in {time.perf_counter() - began:.0f} s; {os.cpu_count()} cores; python {sys.version.split()[0]}")
    try:
        plan = [("dask", None)] if args.scheduler else [
            (engine, int(n)) for n in args.workers.split(",") for engine in args.engines.split(",")]
        results = []
        for engine, workers in plan:
            r = run(warc, engine, workers, args.scheduler, args.records)
            results.append(r)
            per = r["rate"] / workers if workers else float("nan")
            print(f"{engine:<5} {workers or 'cluster'} worker(s): {r['seconds']:7.1f} s, {r['rate']:6.1f} records/s, "
                  f"{per:6.1f} per worker, {1000 * r['cpu'] / args.records:5.1f} CPU ms/record, lines {r['lines']}, "
                  f"peak PSS {r['pss']:.0f} MiB (largest worker {r['worker_pss']:.0f} MiB), "
                  f"load {r['load']:.2f} at start", flush=True)
            if r["lines"] != args.records:
                print(f"  !! {r['lines']} lines for {args.records} records")
        for engine in args.engines.split(","):
            rates = {r["workers"]: r["rate"] for r in results if r["engine"] == engine}
            cpu = {r["workers"]: r["cpu"] for r in results if r["engine"] == engine}
            if 1 in rates and 2 in rates:
                # Wall clock is what a user gets; on a machine that other jobs load, the second core is not
                # all ours. CPU seconds per record tell whether the work itself grows with 2 workers (it
                # should not): 2 x cpu(1) / cpu(2) is the speed-up two otherwise idle cores would allow.
                print(f"{engine}: 1 -> 2 workers {rates[2] / rates[1]:.2f}x wall clock; CPU per record "
                      f"{1000 * cpu[1] / args.records:.1f} -> {1000 * cpu[2] / args.records:.1f} ms "
                      f"({2 * cpu[1] / cpu[2]:.2f}x on CPU time)")
    finally:
        if not args.keep and not args.warc:
            warc.unlink()
            warc.parent.rmdir()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "bench"))
    main()
