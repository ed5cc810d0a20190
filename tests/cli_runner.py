"""Run the command line in this process (no interpreter start, jieba already loaded): exit code,
stdout and stderr as a subprocess would give them. Tests of what only a real process shows
(kill -9, Ctrl-C, `python -m`) start one instead."""
from __future__ import annotations

import io
import sys
from dataclasses import dataclass

from zjnews_extract.cli import main


@dataclass
class Ran:
    returncode: int
    stdout: bytes
    stderr: bytes


def run_main(*args: str, stdin: bytes = b"") -> Ran:
    out, err = io.BytesIO(), io.BytesIO()
    streams = (sys.stdin, sys.stdout, sys.stderr)
    wrappers = (io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"),
                io.TextIOWrapper(out, encoding="utf-8", write_through=True),
                io.TextIOWrapper(err, encoding="utf-8", write_through=True))
    sys.stdin, sys.stdout, sys.stderr = wrappers
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse: --help, a wrong argument
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.stdin, sys.stdout, sys.stderr = streams
        for wrapper in wrappers:
            wrapper.flush()
            wrapper.detach()  # a wrapper that is collected closes the buffer under it
    return Ran(code, out.getvalue(), err.getvalue())
