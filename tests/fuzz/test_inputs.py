"""The fuzz harness in a bounded form (see run.py and the README for long runs): mutated
records, JSON Lines, rule files and feature files through the CLI, in limited child
processes. Every case must end with exit code 0, 1 or 2, without a traceback or a signal,
in bounded time and memory, and lose no valid record."""

from __future__ import annotations

import os

import pytest

from .cases import KINDS, make
from .run import describe, run_parallel

# cases per kind in CI (a JSON Lines case holds 5 to 30 lines); FUZZ_CASES=N for more
CASES = {"record": 500, "jsonl": 400, "rule": 200, "feature": 300}
SEED = int(os.environ.get("FUZZ_SEED", "0"))


@pytest.mark.parametrize("kind", KINDS)
def test_mutated_inputs_never_crash_hang_or_lose_a_valid_record(kind, tmp_path):
    count = int(os.environ.get("FUZZ_CASES", CASES[kind]))
    cases = [make(kind, n, SEED) for n in range(count)]
    failures = run_parallel(cases, tmp_path, jobs=2)
    assert not failures, "\n".join(describe(case, reason, SEED) for case, reason in failures)
