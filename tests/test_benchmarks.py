"""The benchmark script runs end to end (at tiny sizes: speed figures are not checked here),
and every evaluator it compares agrees with screen() on every status."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> str:
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick",
                             "--runs", "1", "--data", str(tmp_path_factory.mktemp("bench"))],
                            capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_benchmark_prints_every_section(printed):
    for heading in ("Machine:", "Engine path and peers in one process", "durable-rules C core",
                    "CLI, 300 records", "Peak memory streaming", "CLI on 50 candidates",
                    "find and load the profile", "audit trail on"):
        assert heading in printed
    assert "hoje-taastrup-arbejdsmarkeds-og-socialdirektoer-2009" in printed


def test_every_evaluator_agrees_with_screen_on_every_status(printed):
    agreements = re.findall(r"^  (\S[^:\n]*):.*\s([\d,]+) of ([\d,]+)$", printed, re.M)
    assert {name for name, _, _ in agreements} >= {"tests' reference evaluator",
                                                   "plain Python, generated"}
    assert all(same == total for _, same, total in agreements), agreements
