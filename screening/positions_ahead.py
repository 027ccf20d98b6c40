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

import re
from datetime import date

from .assessments import source_text
from .errors import Problem
from .messages import message
from .records import CandidateRecord

CODE = "W102"
EDUCATION_CODE = "W104"


def positions_ahead(record: CandidateRecord, as_of: date, source: str) -> list[Problem]:
    """One warning per position of `record` starting after `as_of`; `source` is where the
    record came from (a file, or `file.jsonl:LINE`)."""
    ahead = [(i, p.start) for i, p in enumerate(record.positions or []) if p.start > as_of]
    if not ahead:
        return []
    path, line_number, text = source_text(source)
    seen: dict[date, int] = {}
    problems = []
    for index, start in ahead:
        nth = seen[start] = seen.get(start, -1) + 1
        line, column = _locate(text, "start", start.isoformat(), nth)
        if line_number is not None:  # one line of a JSON Lines file
            line = line_number
        problems.append(Problem(path, message("position_after_as_of", start=start.isoformat(),
                                              as_of=as_of.isoformat()),
                                line, column, f"positions[{index}].start", CODE))
    return problems


def educations_ahead(record: CandidateRecord, as_of: date, source: str) -> list[Problem]:
    """One warning per education of `record` completed in a year after that of `as_of`;
    `source` is where the record came from (a file, or `file.jsonl:LINE`)."""
    ahead = [(i, e.year) for i, e in enumerate(record.education or [])
             if e.year is not None and e.year > as_of.year]
    if not ahead:
        return []
    path, line_number, text = source_text(source)
    seen: dict[int, int] = {}
    problems = []
    for index, year in ahead:
        nth = seen[year] = seen.get(year, -1) + 1
        line, column = _locate(text, "year", str(year), nth)
        if line_number is not None:  # one line of a JSON Lines file
            line = line_number
        problems.append(Problem(path, message("education_after_as_of", year=year,
                                              as_of=as_of.isoformat()),
                                line, column, f"education[{index}].year", EDUCATION_CODE))
    return problems


def _locate(text: str, key: str, value: str, nth: int) -> tuple[int | None, int | None]:
    """Line and column of the `nth` `KEY: VALUE` (YAML or JSON) in `text`."""
    pattern = re.compile(rf"""(?<![\w-]){key}["']?\s*:\s*["']?({re.escape(value)})(?![\w-])""")
    matches = list(pattern.finditer(text))
    if len(matches) <= nth:
        return None, None
    found = matches[nth].start(1)
    line = text.count("\n", 0, found) + 1
    return line, found - (text.rfind("\n", 0, found) + 1) + 1
