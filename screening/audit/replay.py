"""Screen a recorded run again: with its own rule files (does the tool still give the same
answer?) or with the current ones (what would a rule change do to these candidates?)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from .. import report
from ..errors import RuleFileError
from ..profiles import Profile
from ..records import CandidateRecord
from ..rulefiles import load_profile
from .store import AuditStore


@dataclass(frozen=True)
class Change:
    candidate: str
    criterion: str | None  # None: the candidate as a whole
    what: str  # status, points, rank, score, possible, recommendation, knockouts, candidate
    before: object
    after: object


def stored_profile(store: AuditStore, run: dict) -> Profile:
    """The profile exactly as it was: its rule files written back to a temporary folder."""
    with tempfile.TemporaryDirectory() as folder:
        for f in run["rule_files"]:
            target = Path(folder) / f["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(store.blob(f["sha256"]))
        with as_stored(folder, run["run"]):
            return load_profile(Path(folder) / run["profile_file"])


@contextmanager
def as_stored(folder: str, run_id: str) -> Iterator[None]:
    """A rule-file problem of a run's stored profile located in the audit trail
    (`audit/RUN/helsingor.yaml:41:1`), not in the temporary folder it was read back from,
    which is gone by the time anyone reads the message."""
    try:
        yield
    except RuleFileError as exc:
        raise RuleFileError([replace(p, path=_in_store(p.path, folder, run_id))
                             for p in exc.problems]) from None


def _in_store(path: str, folder: str, run_id: str) -> str:
    inside = os.path.relpath(path, folder)
    return path if inside.startswith("..") else f"audit/{run_id}/{Path(inside).as_posix()}"


def band_labels(profile: Profile) -> dict[str, str]:
    """A profile's own bands, each with its label in the profile's words."""
    return {b.band: b.label for b in profile.scoring.bands}


def replay(store: AuditStore, run_id: str, profile: Profile | None = None) -> list[Change]:
    # here, not at the top: what reads a run's stored profile (audit show, export, fairness)
    # never loads the engine
    from ..screen import screen

    run = store.run(run_id)
    stored = profile is None
    profile = profile or stored_profile(store, run)
    before = {r["id"]: r for r in store.results(run_id)}
    records = [CandidateRecord.model_validate_json(store.blob(r["input"]["record"]))
               for r in before.values()]
    # the stored profile is refused as any profile is (E501) when today's word lists find
    # a protected attribute in it: said where the audit trail keeps it
    with as_stored(_folder_of(profile, run), run_id) if stored else nullcontext():
        again = screen(profile, records, run["stage"], date.fromisoformat(run["as_of"]))
    after = {r.id: report.candidate(r) for r in again.results}
    before = {cid: {k: v for k, v in r.items() if k != "input"} for cid, r in before.items()}
    return [change for cid in sorted(before.keys() | after.keys())
            for change in _compare(cid, before.get(cid), after.get(cid))]


def _folder_of(profile: Profile, run: dict) -> str:
    """The folder a stored profile was read back from: its own file, less its stored path."""
    own = Path(profile.files[-1][0])
    return str(own.parents[len(Path(run["profile_file"]).parts) - 1])


def _compare(candidate: str, old: dict | None, new: dict | None) -> list[Change]:
    if old is None or new is None:
        return [Change(candidate, None, "candidate", old is not None, new is not None)]
    # runs recorded before the possible score existed hold none: `get` shows it as new
    changes = [Change(candidate, None, key, old.get(key), new[key])
               for key in ("rank", "recommendation", "knockouts", "score", "possible",
                           "coverage")
               if old.get(key) != new[key]]
    old_criteria = {c["id"]: c for c in old["criteria"]}
    new_criteria = {c["id"]: c for c in new["criteria"]}
    for cid in sorted(old_criteria.keys() | new_criteria.keys()):
        o, n = old_criteria.get(cid), new_criteria.get(cid)
        if o is None or n is None:
            changes.append(Change(candidate, cid, "criterion", o is not None, n is not None))
            continue
        changes.extend(Change(candidate, cid, key, o[key], n[key])
                       for key in ("status", "points") if o[key] != n[key])
    return changes
