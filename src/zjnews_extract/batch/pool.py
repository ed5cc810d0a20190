"""The local engine: our own small process pool, one item at a time per worker.

Each worker warms up once (jieba, patterns), then is handed one item, answers it, and gets the
next: an item that hangs (a FIFO with no writer, a pathological page) holds back no other item,
the other workers keep taking items, and when it runs past `timeout` seconds it becomes a
TimeoutError record and its worker is replaced. A worker that dies (segfault, out of memory)
costs one WorkerCrash record, never the batch. Workers die with the batch process, even when it
is killed with kill -9. Items in flight plus results waiting for their turn are bounded, so memory
stays flat however many items stream through.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from multiprocessing.connection import wait

from ..errors import InternalError
from .items import Item
from .work import Outcome, Work, process_item

_WAITING_PER_WORKER = 16  # finished results held for their turn, per worker (ordered output): the memory bound
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _warm() -> None:
    try:
        from ..pipeline import warm_up  # noqa: PLC0415

        warm_up()
    except Exception:  # noqa: BLE001, S110  (a failed warm-up shows up again, per item, as errors)
        pass


def _die_with_parent() -> None:
    """Make this worker end when the process that started it ends, however that ends (kill -9 too).

    Linux: the kernel sends SIGKILL (prctl PR_SET_PDEATHSIG). Elsewhere: a thread that watches for
    the parent to go. Without this, a worker busy on a hung item would outlive a killed batch."""
    parent = os.getppid()
    try:
        import ctypes  # noqa: PLC0415

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != parent:  # the parent went before the request took effect
                os._exit(1)
            return
    except (OSError, AttributeError, TypeError):
        pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _worker_main(conn, work: Work) -> None:
    """A worker: warm up once, then answer one item at a time until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()
    _warm()  # after fork this finds everything loaded already: it costs one small page
    conn.send(None)  # ready: the per-item clock starts only now
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, item = message
        conn.send(process_item(index, item, work))


class _Worker:
    def __init__(self, ctx, work: Work) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, args=(child, work), daemon=True)
        self.proc.start()
        child.close()
        self.ready = False
        self.current: tuple[int, Item] | None = None  # the item it is on
        self.deadline = float("inf")

    def give(self, pair: tuple[int, Item], timeout: float) -> None:
        self.current = pair
        self.deadline = time.monotonic() + timeout
        self.conn.send(pair)

    def stop(self, *, kill: bool = False) -> None:
        if not kill:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                kill = True
        if not kill:
            self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)
        self.conn.close()


def _context():
    """How workers start. On Linux, from a parent with no other thread: fork, after warming up here,
    so every worker shares the loaded jieba dictionary and starts at once (and scripts need no
    `if __name__ == "__main__"` guard). Otherwise forkserver (a clean, thread-free parent to fork
    from) or spawn; each worker then warms up itself, once."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        _warm()
        # Loaded objects (the jieba dictionary: millions of them) move out of the collector's reach:
        # a full collection in a worker would otherwise touch, hence copy, every shared page.
        gc.freeze()
        return multiprocessing.get_context("fork")
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        ctx.set_forkserver_preload(["zjnews_extract.pipeline"])
    return ctx


def run_pool(stream: Iterator[tuple[int, Item]], *, workers: int, work: Work, timeout: float,
             ordered: bool) -> Iterator[Outcome]:
    """Outcomes of (index, item) pairs on `workers` processes; see the module docstring."""
    ctx = _context()
    pool = [_Worker(ctx, work) for _ in range(workers)]
    done: dict[int, Outcome] = {}  # finished, waiting for their turn (ordered output)
    limit = workers * _WAITING_PER_WORKER
    next_out = 0  # next index to yield (ordered)
    exhausted = False
    starts_failed = 0

    def lost(worker: _Worker, kind: str, message: str) -> Outcome:
        index, item = worker.current
        worker.current = None
        return process_item(index, Item(doc_id=item.doc_id, url=item.url, error_type=kind, error_message=message),
                            work)

    try:
        while True:
            busy = sum(w.current is not None for w in pool)
            for w in pool:
                if exhausted or busy + len(done) >= limit:
                    break
                if w.ready and w.current is None:
                    pair = next(stream, None)
                    if pair is None:
                        exhausted = True
                        break
                    w.give(pair, timeout)
                    busy += 1
            if busy == 0 and exhausted:
                break
            now = time.monotonic()
            soonest = min((w.deadline for w in pool if w.current is not None), default=now + 1.0)
            ready = wait([w.conn for w in pool], timeout=max(0.0, min(soonest - now, 1.0)))
            finished: list[Outcome] = []
            for i, w in enumerate(pool):
                if w.conn not in ready:
                    continue
                try:
                    message = w.conn.recv()
                except (EOFError, OSError):
                    w.proc.join(1)
                    code = w.proc.exitcode
                    if not w.ready:  # died while warming up: retrying forever would hang the batch
                        starts_failed += 1
                        if starts_failed > 3:
                            raise InternalError(f"batch workers die on start (exit code {code})") from None
                    if w.current is not None:
                        finished.append(lost(w, "WorkerCrash", f"the worker process died (exit code {code}) on this item"))
                    w.stop(kill=True)
                    pool[i] = _Worker(ctx, work)
                    continue
                if message is None:
                    w.ready = True
                    continue
                w.current, w.deadline = None, float("inf")
                finished.append(message)
            now = time.monotonic()
            for i, w in enumerate(pool):
                if w.current is not None and now > w.deadline:
                    finished.append(lost(w, "TimeoutError", f"extraction took longer than {timeout:g} s; stopped"))
                    w.stop(kill=True)
                    pool[i] = _Worker(ctx, work)
            if not ordered:
                yield from finished
                continue
            for outcome in finished:
                done[outcome.index] = outcome
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
        while next_out in done:  # nothing is left behind
            yield done.pop(next_out)
            next_out += 1
    finally:
        for w in pool:
            w.stop(kill=w.current is not None)
