"""Child processes for fuzzing, with limits on memory and CPU time, so that a case that
crashes, hangs or eats memory is a failed case rather than a dead test run."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEMORY_BYTES = 1_500_000_000  # address space, generous: Python and the engine's C core
CPU_SECONDS = 120  # per child, which may run many cases


def _limit(memory: int, cpu: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    return apply


def child_env(tmp: Path) -> dict[str, str]:
    """A clean environment: the audit trail goes to `tmp`, messages in English."""
    env = dict(os.environ, SCREENING_AUDIT_DB=str(tmp / "audit.db"), SCREENING_LANG="en")
    env.pop("SCREENING_DEBUG", None)
    return env


def run(args: list[str], tmp: Path, input: bytes | None = None, timeout: float = 60,
        memory: int = MEMORY_BYTES) -> subprocess.CompletedProcess:
    """`python args…` in the project folder, limited; the time limit raises TimeoutExpired."""
    return subprocess.run([sys.executable, *args], cwd=ROOT, input=input, capture_output=True,
                          timeout=timeout, env=child_env(tmp),
                          preexec_fn=_limit(memory, CPU_SECONDS))


def start(args: list[str], tmp: Path, memory: int = MEMORY_BYTES) -> subprocess.Popen:
    """A long-lived limited child that answers one line of input with one line of output."""
    return subprocess.Popen([sys.executable, *args], cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=child_env(tmp), preexec_fn=_limit(memory, CPU_SECONDS * 10))
