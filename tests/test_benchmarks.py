"""The benchmark script runs end to end (at tiny sizes: speed figures are not checked here),
and every evaluator it compares agrees with screen() on every status."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

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
                    "sources still to come:",
                    "CLI, 300 records", "× one worker, median of the rounds",
                    "Peak memory streaming", "CLI on 50 candidates",
                    "find and load the profile", "audit trail on"):
        assert heading in printed
    assert "hoje-taastrup-arbejdsmarkeds-og-socialdirektoer-2009" in printed


def test_every_evaluator_agrees_with_screen_on_every_status(printed):
    agreements = re.findall(r"^  (\S[^:\n]*):.*\s([\d,]+) of ([\d,]+)$", printed, re.M)
    assert {name for name, _, _ in agreements} >= {"tests' reference evaluator",
                                                   "plain Python, generated"}
    assert all(same == total for _, same, total in agreements), agreements


def test_the_baseline_comparison_prints_both_commits_and_their_ratio(tmp_path):
    """`--baseline REV` runs an older commit beside this code; here the commit is HEAD,
    extracted from the repository as any other would be."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", "HEAD",
                             "rules/"], capture_output=True, text=True, check=False)
    if listed.returncode != 0:
        pytest.skip("not a git checkout: there is no commit to compare with")
    profile_id = next(Path(name).stem for name in sorted(listed.stdout.split())
                      if name.endswith(".yaml"))
    script = ("import sys; sys.path.insert(0, sys.argv[1])\n"
              "from pathlib import Path\n"
              "from benchmarks import baseline\n"
              "baseline.compare(Path(sys.argv[1]), 'HEAD', [sys.argv[2]], 20, 1,"
              " Path(sys.argv[3]), {**__import__('os').environ})\n")
    done = subprocess.run([sys.executable, "-c", script, str(ROOT), profile_id, str(tmp_path)],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "this code against HEAD" in done.stdout
    rows = re.findall(r"^  (engine path|CLI on 50 candidates), " + re.escape(profile_id)
                      + r", (cand/s|s) +([\d,.]+ +){4}([\d.]+)× +([\d.]+)×$", done.stdout, re.M)
    assert [row[0] for row in rows] == ["engine path", "CLI on 50 candidates"], done.stdout
    assert (tmp_path / "baseline-HEAD" / "pyproject.toml").is_file()
