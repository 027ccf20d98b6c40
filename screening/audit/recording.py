"""What one screening run leaves in the audit trail: its settings and rule files,
and each screened candidate's input and result, spooled to disk until the run ends."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import fields
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from ..profiles import Profile
from .store import AuditStore, CandidateInput, person

if TYPE_CHECKING:
    from ..candidates import LoadedRecord
    from ..results import CandidateResult


def audit_input(loaded: LoadedRecord) -> CandidateInput:
    """The record without personal data (to replay), and the personal data apart."""
    record = loaded.record
    personal = record.personal.model_dump(exclude_none=True) if record.personal else None
    return CandidateInput(record.id, loaded.path, loaded.sha256,
                          record.model_dump(mode="json", exclude={"personal"},
                                            exclude_none=True), personal or None)


def check_recordable(rendered: str | bytes, result: CandidateResult) -> None:
    """A streamed run records each result as it was rendered (it is never decoded and
    rendered again): a ValueError unless `rendered` is a JSON object of the result's fields,
    as `report.jsonl_row` renders it. Any other text recorded as the result would fail
    every audit command that reads the run, and the report of its profile, for good."""
    from ..report import candidate

    try:
        row = json.loads(rendered)
    except ValueError:
        row = None
    missing = [key for key in candidate(result) if not isinstance(row, dict) or key not in row]
    if missing or row["id"] != result.id:
        wrong = f"missing {', '.join(missing)}" if missing else \
            f"id {row['id']!r} where the result's is {result.id!r}"
        raise ValueError("an audited stream records each result as rendered: render must give "
                         "a JSON object of the result's fields, as screening.report.jsonl_row "
                         f"does ({wrong})")


class Spool:
    """(input, result) pairs on disk, so that memory stays flat however many candidates
    stream through a run."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115

    def close(self) -> None:
        """The file goes (a temporary file); closed by its run, not left to the collector."""
        self._file.close()

    def add(self, item: CandidateInput, rendered: str | bytes | None) -> None:
        # the fields as they are: dataclasses.asdict would first copy each record's data
        # value by value (4 times the time of writing it, measured)
        written = {f.name: getattr(item, f.name) for f in fields(item)}
        if isinstance(rendered, bytes):  # as a JSON Lines run writes it: UTF-8
            rendered = rendered.decode("utf-8")
        self._file.write(json.dumps([written, rendered], ensure_ascii=False) + "\n")

    def _rows(self) -> Iterator[tuple[CandidateInput, str | None]]:
        self._file.seek(0)
        for line in self._file:
            item, rendered = json.loads(line)
            yield CandidateInput(**item), rendered

    def pairs(self) -> Iterator[tuple[CandidateInput, dict]]:
        """With the results as they were rendered (JSON Lines runs), less the decision a
        line showed: decisions are entries of their own, and one later superseded must not
        stand in the run's result as if it were the candidate's."""
        for item, rendered in self._rows():
            assert rendered is not None, "only a JSON Lines run reads the rendered results"
            result = json.loads(rendered)
            result.pop("decision", None)
            yield item, result

    def inputs(self) -> dict[str, CandidateInput]:
        return {item.candidate: item for item, _ in self._rows()}


def record_run(store_path: str | Path, profile: Profile, profile_path: str | Path, stage: str,
               as_of: date, who: str | None, command: str, summary: dict,
               results: Iterable[tuple[CandidateInput, dict]]) -> str:
    """Write the run; rule files are kept relative to the profile's folder, includes too."""
    root = Path(profile_path).resolve().parent
    rule_files = [(os.path.relpath(Path(path).resolve(), root), content)
                  for path, content in profile.files]
    run = {"operator": person(who), "command": command,
           "tool": {"screening": metadata.version("screening"),
                    "durable_rules": metadata.version("durable_rules")},
           "profile": {"id": profile.meta.id, "version": profile.meta.version,
                       "title": profile.meta.title, "organisation": profile.meta.organisation,
                       "sha256": profile.sha256, "grounds": profile.grounds},
           "profile_file": os.path.relpath(Path(profile_path).resolve(), root),
           "stage": stage, "as_of": as_of.isoformat(), "summary": summary}
    store = AuditStore(store_path)
    try:
        return store.record_run(run, rule_files, results)
    finally:
        store.close()
