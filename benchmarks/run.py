"""Speed and memory of screening, printed as figures (no pass/fail: targets are in README).

    python benchmarks/run.py                      # the standard run (a few minutes)
    python benchmarks/run.py --quick              # small sizes, to check it works
    python benchmarks/run.py --memory-sizes 10000,100000,1000000

Prints, in one run:
- candidates/s through the engine path in this process (parsed records in, explained
  results out) for each profile, and the same profiles evaluated by plain Python
  predicates (the independent reference evaluator of the tests) as the lower bound;
- candidates/s of the CLI (`screening screen … --format jsonl`) on a JSON Lines file with
  1 worker and with one worker per core;
- peak memory (max RSS) of the CLI streaming JSON Lines files of the given sizes;
- the wall time of `screening screen` on 50 candidates, audit trail included.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the reference evaluator lives with the tests

from benchmarks.generate import candidates  # noqa: E402
from screening.records import CandidateRecord  # noqa: E402
from screening.rulefiles import load_profile  # noqa: E402
from screening.screen import screen  # noqa: E402
from tests.reference import Reference  # noqa: E402

PROFILES = ["helsingor-direktor-2024", "ishoj-direktoer",
            "hoje-taastrup-arbejdsmarkeds-og-socialdirektoer-2009"]
SCRIPT = shutil.which("screening", path=os.path.dirname(sys.executable)) or "screening"


def write_pool(profile_path: Path, count: int, folder: Path) -> Path:
    path = folder / f"{profile_path.stem}-{count}.jsonl"
    if not path.exists():
        profile = load_profile(profile_path)
        with path.open("w", encoding="utf-8") as out:
            for record in candidates(profile, count):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def engine_rate(profile_id: str, count: int) -> tuple[int, float, float]:
    """Criteria, engine candidates/s, plain-Python candidates/s (best of three)."""
    profile = load_profile(ROOT / "rules" / f"{profile_id}.yaml")
    records = [CandidateRecord.model_validate(r) for r in candidates(profile, count)]
    screen(profile, records[:10])  # compile and register once, as a long run would
    engine = min(_timed(lambda: screen(profile, records)) for _ in range(3))
    plain = min(_timed(lambda: [Reference(profile, r, "samtale2").statuses()
                                for r in records]) for _ in range(3))
    return len(profile.criteria), count / engine, count / plain


def _timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def cli(args: list[str], audit_db: Path | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of one CLI run in its own process."""
    env = dict(os.environ)
    if audit_db is not None:
        env["SCREENING_AUDIT_DB"] = str(audit_db)
    probe = ("import resource, subprocess, sys, time\n"
             "t = time.perf_counter()\n"
             "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
             "wall = time.perf_counter() - t\n"
             "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
             "print(wall, peak, done.returncode)\n")
    out = subprocess.run([sys.executable, "-c", probe, SCRIPT, *args], env=env, cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.split()
    if out[2] != "0":
        raise SystemExit(f"screening failed: {' '.join(args)}")
    return float(out[0]), int(out[1]) // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine-count", type=int, default=5000)
    parser.add_argument("--cli-count", type=int, default=20000)
    parser.add_argument("--memory-sizes", default="10000,100000")
    parser.add_argument("--quick", action="store_true", help="small sizes, to check it works")
    parser.add_argument("--data", type=Path, help="keep generated pools here (default: temp)")
    args = parser.parse_args()
    if args.quick:
        args.engine_count, args.cli_count, args.memory_sizes = 200, 300, "300,600"
    cores = os.cpu_count() or 1
    print(f"Machine: {platform.processor() or platform.machine()}, {cores} cores, "
          f"Python {platform.python_version()}, {platform.system()} {platform.release()}")
    data = args.data or Path(tempfile.mkdtemp(prefix="screening-bench-"))
    data.mkdir(parents=True, exist_ok=True)

    print(f"\nEngine path in one process ({args.engine_count} records, full explanations):")
    print(f"{'profile':55} {'criteria':>8} {'engine/s':>9} {'plain/s':>9} {'ratio':>6}")
    for profile_id in PROFILES:
        n, engine, plain = engine_rate(profile_id, args.engine_count)
        print(f"{profile_id:55} {n:8} {engine:9.0f} {plain:9.0f} {plain / engine:6.1f}")

    helsingor = ROOT / "rules" / "helsingor-direktor-2024.yaml"
    pool = write_pool(helsingor, args.cli_count, data)
    print(f"\nCLI, {args.cli_count} records from JSON Lines to JSON Lines (no audit):")
    for workers in sorted({1, cores}):
        wall, peak = cli(["screen", str(helsingor), str(pool), "--format", "jsonl",
                          "--no-audit", "--workers", str(workers), "--out", os.devnull])
        print(f"  {workers} worker(s): {args.cli_count / wall:7.0f} candidates/s "
              f"({wall:.1f} s, peak {peak} MB in the main process)")

    print("\nPeak memory streaming JSON Lines (1 worker, no audit):")
    for size in (int(s) for s in args.memory_sizes.split(",")):
        big = write_pool(helsingor, size, data)
        wall, peak = cli(["screen", str(helsingor), str(big), "--format", "jsonl",
                          "--no-audit", "--workers", "1", "--out", os.devnull])
        print(f"  {size:>9} records: peak {peak} MB, {wall:.1f} s "
              f"({big.stat().st_size // 1_000_000} MB input)")

    fifty = data / "fifty"
    fifty.mkdir(exist_ok=True)
    for record in candidates(load_profile(helsingor), 50, seed=50):
        (fifty / f"{record['id']}.json").write_text(json.dumps(record, ensure_ascii=False))
    walls = [cli(["screen", "helsingor-direktor-2024", str(fifty)], data / "audit.db")[0]
             for _ in range(3)]
    print(f"\nCLI on 50 candidates (table, audit trail on): {min(walls):.2f} s wall "
          f"(best of 3)")
    print(f"\n(max RSS in this process: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB)")


if __name__ == "__main__":
    main()
