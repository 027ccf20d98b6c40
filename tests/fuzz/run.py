"""Run fuzz cases in limited child processes and collect the failures.

A case fails when the command exits with anything but 0, 1 or 2, prints a traceback, dies
of a signal, runs past its time, grows the child past its memory limit, or loses a valid
record. Usage (from the project folder; the README has the million-case run):

    python -m tests.fuzz.run --cases 1000 --seed 7 --jobs 2 [--kind record]
"""

from __future__ import annotations

import argparse
import json
import select
import sys
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

from . import limits
from .cases import KINDS, Case, make
from .cli_child import CASE_SECONDS

BLOCK = 1000  # case numbers generated at a time by `main`
# a fresh child now and then: the tool caches an engine per profile, and the rule cases
# bring a new profile each, so a child's memory measures the cases, not the cache
CASES_PER_CHILD = 100
MAX_RSS_KB = 1_000_000  # a child that grew past 1 GB on these small inputs has a problem


def verdict(case: Case, answer: dict | None, death: str | None) -> str | None:
    """Why the case failed, or None."""
    if death:
        return death
    assert answer is not None
    if answer["error"]:
        return answer["error"]
    if answer["code"] not in (0, 1, 2):
        return f"exit code {answer['code']}"
    if answer["missing"]:
        return f"valid records lost: {', '.join(answer['missing'])}"
    if answer["seconds"] > CASE_SECONDS:
        return f"took {answer['seconds']} s"
    if answer["max_rss_kb"] > MAX_RSS_KB:
        return f"grew to {answer['max_rss_kb']} kB"
    return None


def run_cases(cases: Iterable[Case], tmp: Path) -> list[tuple[Case, str]]:
    """Every failing case with its reason; a dead child is replaced and the run goes on."""
    failures: list[tuple[Case, str]] = []
    child = None
    served = 0
    try:
        for case in cases:
            if child is not None and served == CASES_PER_CHILD:
                child.stdin.close()
                child.wait(timeout=60)
                child = None
            if child is None:
                child = limits.start(["-m", "tests.fuzz.cli_child"], tmp)
                served = 0
            served += 1
            child.stdin.write(case.to_json() + "\n")
            child.stdin.flush()
            ready, _, _ = select.select([child.stdout], [], [], CASE_SECONDS * 3)
            line = child.stdout.readline() if ready else ""
            answer, death = (json.loads(line), None) if line else (None, None)
            if answer is None:
                child.kill()
                code = child.wait()
                death = ("hung" if not ready else
                         f"child died (exit {code}): {child.stderr.read()[-800:]}")
                child = None
            reason = verdict(case, answer, death)
            if reason:
                failures.append((case, reason))
    finally:
        if child is not None:
            child.stdin.close()
            child.wait(timeout=60)
    return failures


def run_parallel(cases: list[Case], tmp: Path, jobs: int) -> list[tuple[Case, str]]:
    """`run_cases` in `jobs` children at once, each taking every jobs-th case."""
    failures: list[tuple[Case, str]] = []
    threads = [threading.Thread(target=lambda job=job: failures.extend(
        run_cases(cases[job::jobs], tmp))) for job in range(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failures


def describe(case: Case, reason: str, seed: int) -> str:
    return (f"{case.kind} #{case.number} ({case.mutation}): {reason}\n"
            f"  replay: python -m tests.fuzz.run --kind {case.kind} --seed {seed} "
            f"--first {case.number} --cases 1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1000, help="cases per kind")
    parser.add_argument("--first", type=int, default=0, help="number of the first case")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1, help="child processes at once")
    parser.add_argument("--kind", choices=KINDS, action="append")
    options = parser.parse_args()
    kinds = options.kind or list(KINDS)
    failures: list[tuple[Case, str]] = []
    total = 0
    with tempfile.TemporaryDirectory() as tmp:
        # in blocks, so that a million cases never sit in memory at once
        for start in range(options.first, options.first + options.cases, BLOCK):
            numbers = range(start, min(start + BLOCK, options.first + options.cases))
            cases = [make(kind, n, options.seed) for kind in kinds for n in numbers]
            found = run_parallel(cases, Path(tmp), options.jobs)
            for case, reason in found:
                print(describe(case, reason, options.seed), flush=True)
            failures.extend(found)
            total += len(cases)
    print(f"{total - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
