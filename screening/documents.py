"""Reading YAML and JSON documents while keeping where each value stands.

ruamel.yaml's round-trip loader remembers line and column of every key and item, so a
problem found later (by pydantic or by our own checks) can be reported as file:line:col.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import Problem
from .i18n import language

MAX_FILE_BYTES = 5_000_000


@dataclass
class Document:
    path: str
    content: bytes
    data: Any  # ruamel CommentedMap/Seq (YAML) or plain dict/list (JSON)

    def locate(self, loc: tuple) -> tuple[int | None, int | None]:
        """1-based line and column of the node at `loc` (keys and indexes), best effort."""
        node, line, col = self.data, None, None
        for key in loc:
            lc = getattr(node, "lc", None)
            try:
                if lc is not None and isinstance(node, dict) and key in node:
                    line, col = lc.key(key)
                elif lc is not None and isinstance(node, list) and isinstance(key, int):
                    line, col = lc.item(key)
                node = node[key]
            except (KeyError, IndexError, TypeError, AttributeError):
                break
        if line is None and getattr(self.data, "lc", None) is not None:
            line, col = self.data.lc.line, self.data.lc.col
        return (line + 1 if line is not None else None, col + 1 if col is not None else None)

    def problem(self, loc: tuple, message: str, code: str) -> Problem:
        line, col = self.locate(loc)
        return Problem(self.path, message, line, col, field_path(loc) or None, code)

    def validation_problems(self, error: ValidationError, prefix: tuple = ()) -> list[Problem]:
        """Every pydantic error as a located problem."""
        return [self.problem((*prefix, *e["loc"]), error_message(e), "E101")
                for e in error.errors(include_url=False)]


# pydantic's error types in the consultant's words; English keeps pydantic's own
DANISH_ERRORS = {
    "missing": "mangler (feltet skal udfyldes)",
    "extra_forbidden": "ukendt felt",
    "int_type": "skal være et heltal", "int_parsing": "skal være et heltal",
    "int_from_float": "skal være et heltal",
    "float_type": "skal være et tal", "float_parsing": "skal være et tal",
    "bool_type": "skal være true eller false", "bool_parsing": "skal være true eller false",
    "string_type": "skal være tekst",
    "date_type": "skal være en dato (ÅÅÅÅ-MM-DD)",
    "date_parsing": "skal være en gyldig dato (ÅÅÅÅ-MM-DD)",
    "date_from_datetime_parsing": "skal være en gyldig dato (ÅÅÅÅ-MM-DD)",
    "date_from_datetime_inexact": "skal være en dato uden klokkeslæt",
    "literal_error": "skal være en af: {expected}",
    "enum": "skal være en af: {expected}",
    "greater_than_equal": "skal være mindst {ge}",
    "greater_than": "skal være over {gt}",
    "less_than_equal": "må højst være {le}",
    "less_than": "skal være under {lt}",
    "too_long": "må højst have {max_length} elementer",
    "string_too_short": "må ikke være tom",
    "string_too_long": "må højst være {max_length} tegn",
    "string_pattern_mismatch": "har et ugyldigt format (små bogstaver, tal og - _ .)",
    "list_type": "skal være en liste",
    "dict_type": "skal være en mapping (felt: værdi)",
    "model_type": "skal være en mapping (felt: værdi)",
    "model_attributes_type": "skal være en mapping (felt: værdi)",
}
_VALUE_ERRORS = [  # our own validators' messages
    (re.compile(r"end (\S+) is before start (\S+)"), "slut {0} er før start {1}"),
    (re.compile(r"start (\S+) is not a plausible date"), "start {0} er ikke en troværdig dato"),
    (re.compile(r"expected a date written YYYY-MM-DD, got (.+)"),
     "skal være en dato skrevet ÅÅÅÅ-MM-DD"),
    (re.compile(r"lint code (\S+) needs a reason"),
     'lint-koden {0} skal have en begrundelse: skriv {{code: {0}, reason: "..."}}'),
]


def error_message(error: ErrorDetails) -> str:
    """A pydantic error as one line, with the offending value when it helps."""
    message = _danish(error) if language() == "da" else error["msg"]
    if error["type"] in _MAPPING_ERRORS and isinstance(error.get("input"), list):
        return LIST_TRAP
    if error["type"] not in ("missing", "extra_forbidden") and "input" in error:
        message += f" ({'fik' if language() == 'da' else 'got'} {_short(error['input'])})"
    return message


_MAPPING_ERRORS = ("dict_type", "model_type", "model_attributes_type")


LIST_TRAP = "a list (lines starting with '- ') where fields (name: value) were expected"


def _danish(error: ErrorDetails) -> str:
    ctx = error.get("ctx") or {}
    if error["type"] == "value_error":
        text = str(ctx.get("error", error["msg"]))
        for pattern, danish in _VALUE_ERRORS:
            found = pattern.search(text)
            if found:
                return danish.format(*found.groups())
        return text
    template = DANISH_ERRORS.get(error["type"])
    if template is None:
        return error["msg"]
    try:
        return template.format(**{k: str(v).replace("'", "").replace(" or ", " eller ")
                                  for k, v in ctx.items()})
    except KeyError:
        return error["msg"]


def field_path(loc: tuple) -> str:
    """('positions', 2, 'end') -> 'positions[2].end'"""
    out = ""
    for key in loc:
        if isinstance(key, int):
            out += f"[{key}]"
        elif isinstance(key, str) and key.startswith(("function-after", "function-before")):
            continue
        else:
            out += f".{key}" if out else str(key)
    return out


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def read_document(path: str | Path) -> tuple[Document | None, Problem | None]:
    """Read a .yaml/.yml/.json file; returns the document or the one problem that stopped it."""
    path = Path(path)
    name = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, Problem(name, f"file is larger than {MAX_FILE_BYTES} bytes", code="E002")
        content = path.read_bytes()
    except FileNotFoundError:
        return None, Problem(name, "file not found", code="E001")
    except IsADirectoryError:
        return None, Problem(name, "is a folder, expected a file", code="E001")
    except OSError as exc:
        return None, Problem(name, f"cannot read file: {exc.strerror}", code="E001")
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, Problem(name, f"not UTF-8 text (byte {exc.start})", code="E003")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            return None, Problem(name, f"invalid JSON: {exc.msg}", exc.lineno, exc.colno,
                                 code="E004")
    else:
        try:
            data = _yaml().load(text)
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
            return None, Problem(name, f"invalid YAML: {yaml_trap(exc)}", line, col,
                                 code="E004")
        except YAMLError as exc:
            return None, Problem(name, f"invalid YAML: {exc}", code="E004")
    if not isinstance(data, dict):
        return None, Problem(name, "expected a mapping at the top of the document", 1, 1,
                             code="E005")
    return Document(name, content, data), None


def yaml_trap(error: MarkedYAMLError) -> str:
    """A YAML error in the words of the mistake that usually causes it."""
    said = str(error.problem or error.context)
    if "mapping values are not allowed" in said:
        return 'a colon and a space inside a value: put the text in quotes ("...")'
    if "\\t" in said or "\t" in said:
        return "a tab: YAML indents with spaces only"
    return said


class _DatesAsText(RoundTripConstructor):
    """Dates stay text for the models to parse: ruamel raises a bare ValueError, without a
    line, on an impossible date like 2023-02-30; pydantic names the field instead."""


_DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", _DatesAsText.construct_yaml_str)


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _DatesAsText
    return yaml


def plain(data: Any) -> Any:
    """ruamel containers and scalars to plain Python (dict, list, str, int, float, bool, date)."""
    if isinstance(data, dict):
        return {str(k): plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [plain(v) for v in data]
    if isinstance(data, bool) or data is None:
        return data
    if isinstance(data, int):
        return int(data)
    if isinstance(data, float):
        return float(data)
    if isinstance(data, str):
        return str(data)
    return data
