"""Assessments that count for nothing: of a competency the profile does not declare (a typo
or a stray rating), or from a source no criterion takes the competency from.

Without a word, the criterion such an assessment was meant for silently stays ikke belyst.
Each one is a warning located at file:line:col: an unknown competency (W101) with the
nearest declared one, and `--strict` makes it an error; a source not taken (W103) with the
sources the profile reads the competency from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import conditions as cond
from .errors import Problem
from .messages import Message, message
from .profiles import Profile
from .records import SOURCES, CandidateRecord
from .vocabulary import did_you_mean

CODE = "W101"
SOURCE_NOT_TAKEN = "W103"


def unknown_assessments(profile: Profile, record: CandidateRecord, source: str) -> list[Problem]:
    """One problem per assessment whose competency the profile does not declare; `source`
    is where the record came from (a file, or `file.jsonl:LINE`)."""
    assessments = record.assessments or []
    return located(source, [
        Finding(f"assessments[{i}].competency", "competency", a.competency,
                alike_before(assessments, i, "competency"),
                message("unknown_assessed_competency", name=a.competency,
                        profile=profile.meta.id) + did_you_mean(a.competency,
                                                                profile.competencies), CODE)
        for i, a in enumerate(assessments) if a.competency not in profile.competencies])


def assessments_not_taken(profile: Profile, record: CandidateRecord,
                          source: str) -> list[Problem]:
    """One problem per assessment of a declared competency from a source that no criterion
    takes it from (its `sources:`, or an `assessed`'s `by:`): at no stage does it count.
    `source` is where the record came from (a file, or `file.jsonl:LINE`)."""
    taken = _sources_taken(profile)
    assessments = record.assessments or []
    return located(source, [
        Finding(f"assessments[{i}].source", "competency", a.competency,
                alike_before(assessments, i, "competency"),
                message("assessment_source_not_taken", name=a.competency, source=a.source,
                        sources=", ".join(s for s in SOURCES
                                          if s in taken.get(a.competency, ())) or "–"),
                SOURCE_NOT_TAKEN)
        for i, a in enumerate(assessments) if a.competency in profile.competencies
        and a.source not in taken.get(a.competency, ())])


@dataclass(frozen=True)
class Finding:
    """What a warning says about one value of a record, and where it is written: the
    `nth` (from 0) `key: value` of the record's text."""

    field: str  # its path in the record: "assessments[2].competency"
    key: str
    value: str
    nth: int
    text: Message
    code: str


def located(source: str, findings: list[Finding]) -> list[Problem]:
    """Each finding as a problem at its place in the text of `source` (a file, or
    `file.jsonl:LINE`), read only when there is something to say."""
    if not findings:
        return []
    path, line_number, text = source_text(source)
    problems = []
    for f in findings:
        line, column = _locate(text, f.key, f.value, f.nth)
        if line_number is not None:  # one line of a JSON Lines file
            line = line_number
        problems.append(Problem(path, f.text, line, column, f.field, f.code))
    return problems


def alike_before(items: Sequence[Any], index: int, attribute: str) -> int:
    """How many items before `index` have the same `attribute` as it: the place of its
    `attribute: value` among those the text holds."""
    value = getattr(items[index], attribute)
    return sum(getattr(item, attribute) == value for item in items[:index])


# by the sha256 of a loaded profile: found once, not for every record of a talent pool
_taken: dict[str, dict[str, frozenset[str]]] = {}


def _sources_taken(profile: Profile) -> dict[str, frozenset[str]]:
    """Per competency some criterion assesses, the sources it is taken from."""
    taken = _taken.get(profile.sha256) if profile.sha256 else None
    if taken is None:
        found: dict[str, set[str]] = {}
        for c in profile.criteria:
            for tree in (c.when, *([c.partial] if c.partial else [])):
                for node in cond.walk(tree):
                    if isinstance(node, cond.Assessed):
                        found.setdefault(node.competency, set()).update(node.by or c.sources)
        taken = {k: frozenset(v) for k, v in found.items()}
        if profile.sha256:  # a profile made in code has none: found anew each time
            _taken[profile.sha256] = taken
    return taken


def source_text(source: str) -> tuple[str, int | None, str]:
    """(path, line of a JSON Lines record or None, the text to search)."""
    match = re.fullmatch(r"(.+\.jsonl):(\d+)", source)
    path, line_number = (match.group(1), int(match.group(2))) if match else (source, None)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):  # gone since it was read: report without place
        return path, line_number, ""
    if line_number is not None:
        lines = text.splitlines()
        text = lines[line_number - 1] if line_number <= len(lines) else ""
    return path, line_number, text


def _locate(text: str, key: str, value: str, nth: int) -> tuple[int | None, int | None]:
    """Line and column of the `nth` `KEY: VALUE` (YAML or JSON) in `text`."""
    pattern = re.compile(rf"""(?<![\w-]){key}["']?\s*:\s*["']?({re.escape(value)})(?![\w-])""")
    matches = list(pattern.finditer(text))
    if len(matches) <= nth:
        return None, None
    found = matches[nth].start(1)
    line = text.count("\n", 0, found) + 1
    return line, found - (text.rfind("\n", 0, found) + 1) + 1
