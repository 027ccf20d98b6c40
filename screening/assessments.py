"""Assessments of competencies the profile does not declare: a typo or a stray rating.

Such an assessment counts for nothing (no criterion reads it), so without a word the
criterion it was meant for silently stays ikke belyst. Each one is a warning (W101) located
at file:line:col, with the nearest declared competency; `--strict` makes it an error.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import Problem
from .messages import message
from .profiles import Profile
from .records import CandidateRecord
from .vocabulary import did_you_mean

CODE = "W101"


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
