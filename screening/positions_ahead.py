"""Positions that start after the date of assessment (W102), and educations completed in a
later year (W104).

A candidate is judged as of one date (the profile's, or `--as-of`), and a position's years
run up to it. A position starting later has no years by then, yet its level, sector and
domains still count as held: a direktør post that begins next year meets a krav for a
direktør today. So does a degree to be completed next year count as taken. Each is a warning
located at its `start:` or `year:`, so that the consultant screens at the date the evidence
speaks for, or corrects the record.
"""

from __future__ import annotations

from datetime import date

from .errors import Problem
from .messages import message
from .record_places import Finding, alike_before, located
from .records import CandidateRecord

CODE = "W102"
EDUCATION_CODE = "W104"


def positions_ahead(record: CandidateRecord, as_of: date, source: str) -> list[Problem]:
    """One warning per position of `record` starting after `as_of`; `source` is where the
    record came from (a file, or `file.jsonl:LINE`)."""
    positions = record.positions or []
    return located(source, [
        Finding(f"positions[{i}].start", "start", p.start.isoformat(),
                alike_before(positions, i, "start"),
                message("position_after_as_of", start=p.start.isoformat(),
                        as_of=as_of.isoformat()), CODE)
        for i, p in enumerate(positions) if p.start > as_of])


def educations_ahead(record: CandidateRecord, as_of: date, source: str) -> list[Problem]:
    """One warning per education of `record` completed in a year after that of `as_of`;
    `source` is where the record came from (a file, or `file.jsonl:LINE`)."""
    education = record.education or []
    return located(source, [
        Finding(f"education[{i}].year", "year", str(e.year), alike_before(education, i, "year"),
                message("education_after_as_of", year=e.year, as_of=as_of.isoformat()),
                EDUCATION_CODE)
        for i, e in enumerate(education) if e.year is not None and e.year > as_of.year])
