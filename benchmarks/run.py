"""Speed and memory of screening, printed as figures (no pass/fail: targets are in README).

    python benchmarks/run.py                      # the standard run (several minutes)
    python benchmarks/run.py --quick              # small sizes, to check it works
    python benchmarks/run.py --memory-sizes 10000,100000,1000000

Prints, in one run:
- per profile, candidates/s of the engine path in this process (parsed records in,
  explained results out) and the share of it spent in durable-rules' C core; beside it the
  tests' reference evaluator (plain Python over the records), and generated plain Python,
  zen-engine and rule-engine over flat facts derived beforehand (see benchmarks/peers.py;
  the two engines come with `pip install -e '.[bench]'`), each with how many of its
  criterion × candidate statuses agree with `screen()`;
- candidates/s of the CLI (`screening screen … --format jsonl`) on a JSON Lines file with
  1 worker and with one worker per core, and the speed-up;
- peak memory (max RSS) of the CLI streaming JSON Lines files of the given sizes;
- the median wall time of `screening screen` on 50 candidates, and where it goes:
  interpreter, imports, finding and loading the profile, screening, output;
- with `--baseline REV`, the engine path and the 50-candidate CLI of this code and of the
  commit REV, run in turns on the same machine (see benchmarks/baseline.py).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the reference evaluator lives with the tests

from benchmarks import baseline, peers  # noqa: E402
from benchmarks.generate import candidates  # noqa: E402
from screening import engine  # noqa: E402
from screening.compile import compile_profile  # noqa: E402
from screening.records import CandidateRecord  # noqa: E402
from screening.rulefiles import load_profile  # noqa: E402
from screening.screen import screen  # noqa: E402
from tests.reference import Reference  # noqa: E402

PROFILES = ["helsingor-direktor-2024", "ishoj-direktoer",
            "hoje-taastrup-arbejdsmarkeds-og-socialdirektoer-2009"]
STAGE = "samtale2"  # every source counts
# a stage with sources still to come: candidates whose later sources could move a criterion
# get a second view, their best (README, "Sources still to come")
MID_STAGE = "reference"
SCRIPT = shutil.which("screening", path=os.path.dirname(sys.executable)) or "screening"


def write_pool(profile_path: Path, count: int, folder: Path) -> Path:
    path = folder / f"{profile_path.stem}-{count}.jsonl"
    if not path.exists():
        profile = load_profile(profile_path)
        with path.open("w", encoding="utf-8") as out:
            for record in candidates(profile, count):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def best_of(runs: int, work: Callable[[], Any]) -> tuple[float, Any]:
    """The shortest wall time of `runs` runs, and what the last one returned."""
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


class TimedCore:
    """durable-rules' C module with the time spent in its calls added up."""

    def __init__(self, module: Any):
        self.module, self.seconds = module, 0.0

    def __getattr__(self, name: str) -> Any:
        function = getattr(self.module, name)

        def timed(*args: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args)
            finally:
                self.seconds += time.perf_counter() - start
        return timed


def with_core_time(work: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall seconds of `work`, the seconds of it spent inside the C core, and its result."""
    untimed = engine.core
    engine.core = timed = TimedCore(untimed)
    try:
        start = time.perf_counter()
        result = work()
        return time.perf_counter() - start, timed.seconds, result
    finally:
        engine.core = untimed


def evaluators(profile_id: str, count: int, runs: int) -> None:
    """One table: the engine path and every peer on the same candidates."""
    profile = load_profile(ROOT / "rules" / f"{profile_id}.yaml")
    records = [CandidateRecord.model_validate(r) for r in candidates(profile, count)]
    screen(profile, records[:10], STAGE)  # compile and register once, as a long run would
    # the best run, with its own C-core time (timing a few core calls per batch of 500
    # costs microseconds)
    seconds, in_core, screened = min(
        (with_core_time(lambda: screen(profile, records, STAGE)) for _ in range(runs)),
        key=lambda timed: timed[0])
    truth = {r.id: {o.criterion.id: o.status for o in r.outcomes} for r in screened.results}
    statuses = len(records) * len(profile.criteria)
    print(f"\n{profile_id}: {len(profile.criteria)} criteria, {count} candidates, "
          f"best of {runs}")
    print(f"  {'evaluator':70} {'cand/s':>8} {'µs/cand':>8}  agrees with screen()")

    def row(name: str, seconds: float, agree: str) -> None:
        print(f"  {name:70} {count / seconds:8,.0f} {seconds / count * 1e6:8.0f}  {agree}")

    row("screen(): records in, 4 statuses, evidence, scores, rank", seconds, "(itself)")
    print(f"  {'  of which durable-rules C core':70} {'':8} {in_core / count * 1e6:8.0f}  "
          f"({in_core / seconds:.0%} of the engine path; the Python around it "
          f"{(seconds - in_core) / in_core:.1f}× the core)")
    mid, _ = best_of(runs, lambda: screen(profile, records, MID_STAGE))
    counting = engine.Engine(compile_profile(profile))
    with_best_view = sum(bool(e.facts.reachable)
                         for e in counting.evaluate(records, MID_STAGE, profile.meta.date))
    counting.close()
    row(f"screen() at {MID_STAGE}, sources still to come: {with_best_view / count:.0%} with a "
        f"best view", mid, "–")

    def agreement(found: list[dict[str, str]]) -> str:
        same = sum(status == truth[record.id][cid]
                   for record, statuses_of in zip(records, found, strict=True)
                   for cid, status in statuses_of.items())
        return f"{same:,} of {statuses:,}"

    seconds, found = best_of(runs, lambda: [Reference(profile, r, STAGE).statuses()
                                            for r in records])
    row("tests' reference evaluator: records in, 4 statuses", seconds, agreement(found))
    flat = peers.FlatFacts.of_profile(profile)
    derive, facts = best_of(1, lambda: [flat.of(r, STAGE) for r in records])
    for name, made in (("plain Python, generated", peers.python_evaluator(flat)),
                       (_version("zen-engine", "JDM expression node"), peers.zen_evaluator(flat)),
                       (_version("rule-engine", "one Rule per criterion"),
                        peers.rule_engine_evaluator(flat))):
        if made is None:
            print(f"  {name:70} not installed: pip install -e '.[bench]'")
            continue
        evaluate = made
        seconds, numbers = best_of(runs, lambda: [evaluate(f) for f in facts])  # noqa: B023
        found = [{cid: peers.STATUS[int(n)] for cid, n in one.items()} for one in numbers]
        row(f"{name}: flat facts in, 4 statuses", seconds, agreement(found))
    print(f"  (flat facts derived from the records beforehand by the reference evaluator: "
          f"{derive / count * 1e6:.0f} µs/cand, not in the three rows above)")


def _version(package: str, how: str) -> str:
    try:
        return f"{package} {metadata.version(package)}, {how}"
    except metadata.PackageNotFoundError:
        return package


def cli(args: list[str], audit_db: Path | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of one CLI run in its own process."""
    probe = ("import resource, subprocess, sys, time\n"
             "t = time.perf_counter()\n"
             "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
             "wall = time.perf_counter() - t\n"
             "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
             "print(wall, peak, done.returncode)\n")
    out = subprocess.run([sys.executable, "-c", probe, SCRIPT, *args], env=_env(audit_db),
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    if out[2] != "0":
        raise SystemExit(f"screening failed: {' '.join(args)}")
    return float(out[0]), int(out[1]) // 1024


def worker_runs(profile: Path, pool: Path, count: int, worker_counts: list[int],
                rounds: int) -> None:
    """The CLI on `pool` with each worker count, in turns for `rounds` rounds: on a shared
    machine one run against another swings by a fifth, so each ratio to one worker is taken
    within a round, and the median of the rounds is printed."""
    walls: dict[int, list[float]] = {workers: [] for workers in worker_counts}
    peaks: dict[int, int] = {}
    for _ in range(rounds):
        for workers in worker_counts:
            wall, peak = cli(["screen", str(profile), str(pool), "--format", "jsonl",
                              "--no-audit", "--workers", str(workers), "--out", os.devnull])
            walls[workers].append(wall)
            peaks[workers] = max(peak, peaks.get(workers, 0))
    for workers in worker_counts:
        median = statistics.median(walls[workers])
        line = (f"  {workers} worker(s): {count / median:7.0f} candidates/s (median "
                f"{median:.1f} s, best {min(walls[workers]):.1f} s, peak {peaks[workers]} MB "
                f"in the main process)")
        if workers > 1:
            ratios = sorted(one / wall for one, wall in zip(walls[1], walls[workers],
                                                            strict=True))
            line += (f"; {statistics.median(ratios):.2f}× one worker, median of the rounds "
                     f"({ratios[0]:.2f}-{ratios[-1]:.2f}×)")
        print(line)


def _env(audit_db: Path | None) -> dict[str, str]:
    """The environment of a measured CLI run: as a user's, with Python's bytecode cache on
    (a sandbox with PYTHONDONTWRITEBYTECODE=1 compiles every module of every run from
    source, 70-90 ms here)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if audit_db is not None:
        env["SCREENING_AUDIT_DB"] = str(audit_db)
    return env


# Runs the CLI in this process with the phases timed: the modules the command imports are
# imported first (their names come from `-X importtime` of a real run), then the command
# runs with finding and loading the profile and rendering the table timed.
PHASES = """\
import sys, time
started = time.perf_counter()
import importlib
from screening import report, rulefiles
spent = {"profile": 0.0, "output": 0.0}
def timed(module, name, phase):
    function = getattr(module, name)
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[phase] += time.perf_counter() - start
    setattr(module, name, run)
timed(rulefiles, "find_profile", "profile")
timed(rulefiles, "load_profile", "profile")
timed(report, "table", "output")
for name in sys.argv[1].split(","):
    try:
        importlib.import_module(name)
    except ImportError:
        pass
imported = time.perf_counter()
from screening.cli import main
sys.argv = ["screening", *sys.argv[2:]]
try:
    main()
except SystemExit:
    pass
ran = time.perf_counter()
print(imported - started, ran - imported, spent["profile"], spent["output"], file=sys.stderr)
"""


def phases(args: list[str], runs: int) -> dict[str, float]:
    """Median seconds of each phase of `screening <args>` over `runs` runs."""
    traced = subprocess.run([sys.executable, "-X", "importtime", SCRIPT, *args],
                            env=_env(None), cwd=ROOT, capture_output=True, text=True)
    modules = re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)$", traced.stderr, re.M)
    walls, interpreter, parts = [], [], []
    for _ in range(runs):
        walls.append(cli(args)[0])
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        interpreter.append(time.perf_counter() - start)
        done = subprocess.run([sys.executable, "-c", PHASES, ",".join(modules), *args],
                              env=_env(None), cwd=ROOT, capture_output=True, text=True,
                              check=True)
        parts.append([float(x) for x in done.stderr.split()[-4:]])
    imports, command, profile, output = (statistics.median(p[i] for p in parts)
                                         for i in range(4))
    return {"wall": statistics.median(walls), "interpreter": statistics.median(interpreter),
            "imports": imports, "profile": profile, "screening": command - profile - output,
            "output": output}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine-count", type=int, default=5000)
    parser.add_argument("--cli-count", type=int, default=20000)
    parser.add_argument("--memory-sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=3, help="best of (engine), median of (CLI)")
    parser.add_argument("--quick", action="store_true", help="small sizes, to check it works")
    parser.add_argument("--data", type=Path, help="keep generated pools here (default: temp)")
    parser.add_argument("--baseline", metavar="REV",
                        help="also compare with this commit on the same machine (e.g. 4444e2e, "
                             "the code issue 20 measured)")
    args = parser.parse_args()
    if args.quick:
        args.engine_count, args.cli_count, args.memory_sizes = 200, 300, "300,600"
    cores = os.cpu_count() or 1
    print(f"Machine: {platform.processor() or platform.machine()}, {cores} cores, "
          f"Python {platform.python_version()}, {platform.system()} {platform.release()}, "
          f"load average {os.getloadavg()[0]:.1f} at the start")
    data = args.data or Path(tempfile.mkdtemp(prefix="screening-bench-"))
    data.mkdir(parents=True, exist_ok=True)

    print(f"\nEngine path and peers in one process ({args.engine_count} records, stage "
          f"{STAGE}):")
    for profile_id in PROFILES:
        evaluators(profile_id, args.engine_count, args.runs)

    helsingor = ROOT / "rules" / "helsingor-direktor-2024.yaml"
    pool = write_pool(helsingor, args.cli_count, data)
    print(f"\nCLI, {args.cli_count} records from JSON Lines to JSON Lines (no audit), "
          f"{args.runs} rounds, each running every worker count in turn:")
    worker_runs(helsingor, pool, args.cli_count, sorted({1, 2, cores}), args.runs)

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
    runs = max(args.runs, 5)
    cli(["screen", "helsingor-direktor-2024", str(fifty), "--no-audit"])  # fills the cache
    took = phases(["screen", "helsingor-direktor-2024", str(fifty), "--no-audit"], runs)
    rest = took["wall"] - sum(v for k, v in took.items() if k != "wall")
    print(f"\nCLI on 50 candidates (table, --no-audit, profile cache filled): "
          f"{took['wall']:.3f} s wall (median of {runs}); median phases:")
    for phase, label in (("interpreter", "interpreter start (python -c pass)"),
                         ("imports", "imports"), ("profile", "find and load the profile"),
                         ("screening", "screening (records read, validated, screened)"),
                         ("output", "output (the table)")):
        print(f"  {label:48} {took[phase] * 1000:6.0f} ms")
    print(f"  {'the rest (exit, and the phases measured apart)':48} {rest * 1000:6.0f} ms")
    walls = [cli(["screen", "helsingor-direktor-2024", str(fifty)], data / "audit.db")[0]
             for _ in range(runs)]
    print(f"CLI on 50 candidates, audit trail on: {statistics.median(walls):.3f} s wall "
          f"(median of {runs})")
    if args.baseline:
        baseline.compare(ROOT, args.baseline, PROFILES, args.engine_count,
                         max(args.runs, 3), data, _env(None))
    print(f"\n(max RSS in this process: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB)")


if __name__ == "__main__":
    main()
