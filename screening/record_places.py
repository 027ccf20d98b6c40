"""Where in a record's text a warning about one of its values belongs: the file, and the line
and column of the `key: value` it is about (YAML or JSON), so that W101-W104 are located as
errors are. The text is read only when there is something to say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import Problem
from .messages import Message


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
    """How many items before `index` have the same `attribute` as it, as their own or as
    what an import kept of the CV's within them (`cv:`): the place of its
    `attribute: value` among those the text holds."""
    value = getattr(items[index], attribute)
    return sum((getattr(item, attribute) == value)
               + (getattr(getattr(item, "cv", None), attribute, None) == value)
               for item in items[:index])


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
