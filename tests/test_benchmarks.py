"""The benchmark script runs end to end (at tiny sizes: figures are not checked here)."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def test_the_benchmark_prints_every_section(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick",
                             "--data", str(tmp_path)], capture_output=True, text=True,
                            timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    for heading in ("Machine:", "Engine path in one process", "CLI, 300 records",
                    "Peak memory streaming", "CLI on 50 candidates"):
        assert heading in result.stdout
    assert "hoje-taastrup-arbejdsmarkeds-og-socialdirektoer-2009" in result.stdout
