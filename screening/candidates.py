"""Loading candidate records from files and folders, with every problem located."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .documents import plain, read_document
from .errors import Problem
from .records import CandidateRecord

RECORD_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class LoadedRecord:
    record: CandidateRecord
    path: str
    sha256: str


def expand(paths: list[str | Path]) -> tuple[list[Path], list[Problem]]:
    """Files as given, folders as their record files in name order."""
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir()
                           if p.is_file() and p.suffix.lower() in RECORD_SUFFIXES)
            if not found:
                problems.append(Problem(str(path), "folder holds no .yaml, .yml or .json "
                                                   "candidate records", code="E006"))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            problems.append(Problem(str(path), "file not found", code="E001"))
    return files, problems


def load_record(path: str | Path) -> tuple[LoadedRecord | None, list[Problem]]:
    doc, problem = read_document(path)
    if problem:
        return None, [problem]
    try:
        record = CandidateRecord.model_validate(plain(doc.data))
    except ValidationError as exc:
        return None, doc.validation_problems(exc)
    return LoadedRecord(record, doc.path, hashlib.sha256(doc.content).hexdigest()), []


def load_records(paths: list[str | Path]) -> tuple[list[LoadedRecord], list[Problem]]:
    """Every valid record, and every problem (bad files, bad fields, duplicate ids)."""
    files, problems = expand(paths)
    loaded: list[LoadedRecord] = []
    seen: dict[str, str] = {}
    for path in files:
        record, found = load_record(path)
        problems.extend(found)
        if record is None:
            continue
        if record.record.id in seen:
            problems.append(Problem(record.path, f"candidate id '{record.record.id}' is also "
                                                 f"used by {seen[record.record.id]}",
                                    field="id", code="E102"))
            continue
        seen[record.record.id] = record.path
        loaded.append(record)
    return loaded, problems
