"""Assessments that count for nothing: of a competency the profile does not declare (a typo
or a stray rating), or from a source no criterion takes the competency from.

Without a word, the criterion such an assessment was meant for silently stays ikke belyst.
Each one is a warning located at file:line:col: an unknown competency (W101) with the
nearest declared one, and `--strict` makes it an error; a source not taken (W103) with the
sources the profile reads the competency from.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import conditions as cond
from .errors import Problem
from .messages import message
from .profiles import Profile
from .records import SOURCES, CandidateRecord
from .vocabulary import did_you_mean

CODE = "W101"
SOURCE_NOT_TAKEN = "W103"


def unknown_assessments(profile: Profile, record: CandidateRecord, source: str) -> list[Problem]:
    """One problem per assessment whose competency the profile does not declare; `source`
    is where the record came from (a file, or `file.jsonl:LINE`)."""
    unknown = [(i, a.competency) for i, a in enumerate(record.assessments or [])
               if a.competency not in profile.competencies]
    if not unknown:
        return []
    path, line_number, text = source_text(source)
    seen: dict[str, int] = {}
    problems = []
    for index, name in unknown:
        nth = seen[name] = seen.get(name, -1) + 1
        line, column = _locate(text, name, nth)
        if line_number is not None:  # one line of a JSON Lines file
            line = line_number
        problems.append(Problem(path, message("unknown_assessed_competency", name=name,
                                        profile=profile.meta.id)
                                + did_you_mean(name, profile.competencies),
                                line, column, f"assessments[{index}].competency", CODE))
    return problems


def assessments_not_taken(profile: Profile, record: CandidateRecord,
                          source: str) -> list[Problem]:
    """One problem per assessment of a declared competency from a source that no criterion
    takes it from (its `sources:`, or an `assessed`'s `by:`): at no stage does it count.
    `source` is where the record came from (a file, or `file.jsonl:LINE`)."""
    taken = _sources_taken(profile)
    assessments = record.assessments or []
    not_taken = [i for i, a in enumerate(assessments) if a.competency in profile.competencies
                 and a.source not in taken.get(a.competency, ())]
    if not not_taken:
        return []
    path, line_number, text = source_text(source)
    problems = []
    for index in not_taken:
        name, from_source = assessments[index].competency, assessments[index].source
        nth = sum(a.competency == name for a in assessments[:index])
        line, column = _locate(text, name, nth)
        if line_number is not None:  # one line of a JSON Lines file
            line = line_number
        problems.append(Problem(path, message(
            "assessment_source_not_taken", name=name, source=from_source,
            sources=", ".join(s for s in SOURCES if s in taken.get(name, ())) or "–"),
            line, column, f"assessments[{index}].source", SOURCE_NOT_TAKEN))
    return problems


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


def _locate(text: str, name: str, nth: int) -> tuple[int | None, int | None]:
    """Line and column of the `nth` `competency: NAME` (YAML or JSON) in `text`."""
    pattern = re.compile(rf"""competency["']?\s*:\s*["']?({re.escape(name)})(?![\w-])""")
    matches = list(pattern.finditer(text))
    if len(matches) <= nth:
        return None, None
    start = matches[nth].start(1)
    line = text.count("\n", 0, start) + 1
    return line, start - (text.rfind("\n", 0, start) + 1) + 1
