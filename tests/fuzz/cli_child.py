"""Child of the fuzz runner: runs one case per input line through the CLI, in this process,
and answers one JSON line with what happened. Many cases share a process (startup is the
expensive part); a case that crashes the process is still told apart by the parent, which
knows which case it sent last."""

from __future__ import annotations

import base64
import json
import resource
import signal
import sys
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner

from screening.cli import main

CASE_SECONDS = 60  # generous: CI machines are shared; a hang is what this catches


def _timeout(_signum, _frame):
    raise TimeoutError(f"case took over {CASE_SECONDS} s")


def run(case: dict) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        for name, content in case["files"].items():
            path = Path(folder) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(base64.b64decode(content))
        args = [a.replace("{dir}", folder) for a in case["args"]]
        started = time.perf_counter()
        signal.alarm(CASE_SECONDS)
        try:
            result = CliRunner().invoke(main, args)
        finally:
            signal.alarm(0)
    output = result.output
    error = None
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        error = f"{type(result.exception).__name__}: {result.exception}"
    elif "Traceback" in output:
        error = "a traceback in the output"
    missing = [i for i in case["expect_ids"] if f'"{i}"' not in output]
    return {"code": result.exit_code, "error": error, "missing": missing,
            "seconds": round(time.perf_counter() - started, 3),
            "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            "output": output[-600:]}


def main_loop() -> None:
    signal.signal(signal.SIGALRM, _timeout)
    for line in sys.stdin:
        print(json.dumps(run(json.loads(line))), flush=True)


if __name__ == "__main__":
    main_loop()
