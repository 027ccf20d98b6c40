"""This code against an older commit of it, on the same machine and in the same minutes.

A speed figure on its own says as much about the machine as about the code: on the virtual
machine the figures in README.md come from, the same unchanged code ran at half its speed
on some days. Run side by side, the two commits see the same machine, so their ratio is
the figure that carries over. Each commit runs in its own processes, with its own rule
files and candidate generator (as it was measured in its day), and the two take turns, so
a slow spell of the machine falls on both.

    python benchmarks/run.py --baseline 4444e2e   # the code issue 20 measured
"""

from __future__ import annotations

import io
import statistics
import subprocess
import sys
import tarfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

# One engine-path figure of a tree: `screen(profile, records)` on generated records, best
# of the given runs in one process, after one warm-up call (compiling, registering).
ENGINE = """\
import sys, time
tree, profile_id, count, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
sys.path.insert(0, tree)
import screening
assert screening.__file__.startswith(tree), screening.__file__
from pathlib import Path
from benchmarks.generate import candidates
from screening.records import CandidateRecord
from screening.rulefiles import load_profile
from screening.screen import screen
profile = load_profile(Path(tree) / "rules" / f"{profile_id}.yaml")
records = [CandidateRecord.model_validate(r) for r in candidates(profile, count)]
screen(profile, records[:10])
best = float("inf")
for _ in range(runs):
    start = time.perf_counter()
    screen(profile, records)
    best = min(best, time.perf_counter() - start)
print(count / best)
"""

# Writes the 50 candidates the CLI figure screens, from the tree's own generator.
FIFTY = """\
import json, sys
tree, profile_id, folder = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, tree)
from pathlib import Path
from benchmarks.generate import candidates
from screening.rulefiles import load_profile
for record in candidates(load_profile(Path(tree) / "rules" / f"{profile_id}.yaml"), 50,
                         seed=50):
    (Path(folder) / f"{record['id']}.json").write_text(json.dumps(record, ensure_ascii=False))
"""

# The tree's own console script (`[project.scripts]`), run with the given arguments.
SCRIPT = """\
import importlib, sys
tree, entry = sys.argv[1], sys.argv[2]
sys.path.insert(0, tree)
sys.argv = ["screening", *sys.argv[3:]]
module, function = entry.split(":")
sys.exit(getattr(importlib.import_module(module), function)())
"""


@dataclass
class Side:
    """One commit's code and what it measured, one figure per round."""

    name: str
    tree: Path
    entry: str  # its console script, `module:function` (`[project.scripts]`)
    engine: dict[str, list[float]] = field(default_factory=dict)  # profile -> cand/s
    cli: list[float] = field(default_factory=list)  # seconds


def extract(root: Path, revision: str, into: Path) -> Path:
    """The files of `revision` of the repository at `root`, written under `into`."""
    archived = subprocess.run(["git", "-C", str(root), "archive", "--format=tar", revision],
                              capture_output=True, check=False)
    if archived.returncode != 0:
        raise SystemExit(f"git archive {revision}: {archived.stderr.decode().strip()}")
    tree = into / f"baseline-{revision}"
    with tarfile.open(fileobj=io.BytesIO(archived.stdout)) as tar:
        if hasattr(tarfile, "data_filter"):  # from Python 3.11.4: nothing outside `tree`
            tar.extractall(tree, filter="data")
        else:  # our own repository's archive
            tar.extractall(tree)
    return tree


def compare(root: Path, revision: str, profiles: list[str], count: int, rounds: int,
            work: Path, env: dict[str, str]) -> None:
    """Print the engine path on `profiles` and the CLI on 50 candidates of the first, of
    `revision` and of this code, run in turns for `rounds` rounds."""
    sides = [Side(name, tree, _entry(tree)) for name, tree in
             ((revision, extract(root, revision, work)), ("this code", root))]
    for side in sides:
        _prepare_cli(side, profiles[0], work, env)
    for _ in range(rounds):
        for side in sides:
            for profile_id in profiles:
                side.engine.setdefault(profile_id, []).append(
                    float(_child(ENGINE, side.tree, profile_id, str(count), "3", env=env)))
            side.cli.append(_cli_seconds(side, profiles[0], work, env))
    print(f"\nSame machine, this code against {revision}, {rounds} rounds in turns (each "
          f"commit with its own rule files and generator; best and median of the rounds):")
    rows = [(f"engine path, {profile_id}, cand/s", [s.engine[profile_id] for s in sides],
             max, ",.0f") for profile_id in profiles]
    rows.append((f"CLI on 50 candidates, {profiles[0]}, s", [s.cli for s in sides], min, ".3f"))
    width = max(len(row[0]) for row in rows)
    print(f"  {'':{width}} {revision + ' best, median':>20} {'this code best, median':>24}"
          f" {'ratio best, median':>20}")
    for label, (old, new), best, form in rows:
        old_best, old_median, new_best, new_median = (
            best(old), statistics.median(old), best(new), statistics.median(new))
        print(f"  {label:{width}} {old_best:10{form}} {old_median:9{form}}"
              f" {new_best:14{form}} {new_median:9{form}}"
              f" {new_best / old_best:12.2f}× {new_median / old_median:6.2f}×")


def _prepare_cli(side: Side, profile_id: str, work: Path, env: dict[str, str]) -> None:
    """The side's 50 candidates, and two runs to fill its bytecode and profile caches."""
    folder = _fifty(side, work)
    folder.mkdir(exist_ok=True)
    _child(FIFTY, side.tree, profile_id, str(folder), env=env)
    for _ in range(2):
        _cli_seconds(side, profile_id, work, env)


def _entry(tree: Path) -> str:
    return str(tomllib.loads((tree / "pyproject.toml").read_text())["project"]["scripts"][
        "screening"])


def _cli_seconds(side: Side, profile_id: str, work: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    _child(SCRIPT, side.tree, side.entry, "screen", profile_id, str(_fifty(side, work)),
           "--no-audit", env=env, cwd=side.tree)
    return time.perf_counter() - start


def _fifty(side: Side, work: Path) -> Path:
    return work / f"fifty-{side.tree.name}"


def _child(script: str, tree: Path, *args: str, env: dict[str, str],
           cwd: Path | None = None) -> str:
    """Run `script` in a new interpreter; its standard output."""
    done = subprocess.run([sys.executable, "-c", script, str(tree), *args], env=env,
                          cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{tree}: {done.stderr.strip()[-2000:]}")
    return done.stdout
