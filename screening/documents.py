"""Reading YAML and JSON documents while keeping where each value stands.

ruamel.yaml's round-trip loader remembers line and column of every key and item, so a
problem found later (by pydantic or by our own checks) can be reported as file:line:col.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .errors import Problem
from .messages import Message, message, os_reason

if TYPE_CHECKING:  # ruamel is imported when YAML is read: a run that reads only JSON and
    # cached profiles never needs it (20-40 ms at start-up)
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.nodes import Node

MAX_FILE_BYTES = 5_000_000
MAX_DEPTH = 40  # nesting of mappings and lists; the deepest shipped rule file needs 14
MAX_VALUES = 100_000  # values in one document once YAML aliases are expanded


@dataclass
class Document:
    path: str
    content: bytes
    data: Any  # ruamel CommentedMap/Seq (YAML) or plain dict/list (JSON)

    @cached_property
    def _located(self) -> Any:
        """The data with line and column on every node. JSON is read by the json module
        (fast) and only read again as YAML, which it also is, for the positions when a
        place must be told: reading every record as YAML cost 70 ms a file (measured)."""
        if hasattr(self.data, "lc"):
            return self.data
        text = self.content.decode("utf-8").removeprefix("\ufeff")
        located, problem = _load_yaml(self.path, text)
        return located if problem is None and located == self.data else self.data

    def plain_data(self) -> Any:
        """The data as plain Python: the json module reads it so already (copying each
        record again took about as long as validating it, measured); YAML is converted."""
        return plain(self.data) if hasattr(self.data, "lc") else self.data

    def locate(self, loc: tuple) -> tuple[int | None, int | None]:
        """1-based line and column of the node at `loc` (keys and indexes), best effort."""
        node, line, col = self._located, None, None
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
        if line is None and getattr(self._located, "lc", None) is not None:
            line, col = self._located.lc.line, self._located.lc.col
        return (line + 1 if line is not None else None, col + 1 if col is not None else None)

    def problem(self, loc: tuple, text: Message, code: str) -> Problem:
        line, col = self.locate(loc)
        return Problem(self.path, text, line, col, field_path(loc) or None, code)

    def validation_problems(self, error: ValidationError, prefix: tuple = ()) -> list[Problem]:
        """Every pydantic error as a located problem."""
        return [self.problem((*prefix, *e["loc"]), error_message(e), "E101")
                for e in error.errors(include_url=False)]


# pydantic's error types as catalogue codes: English keeps pydantic's own words (the
# detail), Danish is the consultant's; a bound or the allowed values come from pydantic's ctx
_PYDANTIC_CODES = {
    "missing": "missing", "extra_forbidden": "unknown_field",
    "int_type": "not_an_integer_value", "int_parsing": "not_an_integer_value",
    "int_from_float": "not_an_integer_value",
    "float_type": "not_a_number_value", "float_parsing": "not_a_number_value",
    "finite_number": "not_a_finite_number",
    "bool_type": "not_a_bool", "bool_parsing": "not_a_bool",
    "string_type": "not_text", "string_unicode": "not_unicode_text",
    "date_type": "not_a_date",
    "date_parsing": "not_a_valid_date", "date_from_datetime_parsing": "not_a_valid_date",
    "date_from_datetime_inexact": "date_with_time",
    "literal_error": "not_one_of", "enum": "not_one_of",
    "greater_than_equal": "at_least", "greater_than": "above",
    "less_than_equal": "at_most", "less_than": "below",
    "too_long": "too_many_items", "too_short": "too_few_items", "string_too_short": "empty_text",
    "string_too_long": "text_too_long", "string_pattern_mismatch": "bad_id_format",
    "list_type": "not_a_list",
    "dict_type": "not_a_mapping_value", "model_type": "not_a_mapping_value",
    "model_attributes_type": "not_a_mapping_value",
}
_BOUNDS = ("ge", "gt", "le", "lt", "max_length", "min_length")


def error_message(error: ErrorDetails) -> Message:
    """A pydantic error as one message, with the offending value when it helps."""
    if error["type"] in _MAPPING_ERRORS and isinstance(error.get("input"), list):
        return message("list_for_mapping")
    said = _message_of(error)
    # a whole mapping (what a check of several fields got) says nothing more, and a list too
    # long is said by its count (pydantic's English says it too), not as Python writes it
    if error["type"] not in ("missing", "extra_forbidden", "too_long") and "input" in error \
            and not isinstance(error["input"], dict):
        return message("got", message=said, value=_short(error["input"]))
    return said


_MAPPING_ERRORS = ("dict_type", "model_type", "model_attributes_type")


def _message_of(error: ErrorDetails) -> Message:
    ctx = error.get("ctx") or {}
    if error["type"] == "value_error":
        raised = ctx.get("error")
        if isinstance(raised, ValueError) and raised.args and isinstance(raised.args[0],
                                                                          Message):
            return raised.args[0]  # our own validators raise catalogue messages
        return message("invalid_value", detail=str(raised or error["msg"]))
    code = _PYDANTIC_CODES.get(error["type"])
    if code is None:
        return message("invalid_value", detail=error["msg"])
    bound = next((ctx[k] for k in _BOUNDS if k in ctx), "")
    if isinstance(bound, float) and bound.is_integer():
        bound = int(bound)  # "må højst være 100", not "100.0"
    expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", " eller ")
    return message(code, detail=error["msg"], bound=bound, expected=expected,
                   length=ctx.get("actual_length"))


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


class EntryPlaces:
    """Where a key of an entry of a rule file's list (`criteria:`, `set_aside:`) stands, each
    file read once: what lint and trace find points at the key to change."""

    def __init__(self) -> None:
        self._documents: dict[str, Document | None] = {}

    def __call__(self, path: str, listed: str, chosen: Callable[[Any], bool],
                 key: str) -> tuple[int | None, int | None]:
        if path not in self._documents:
            self._documents[path] = read_document(path)[0]
        doc = self._documents[path]
        entries = doc.data.get(listed) if doc is not None and isinstance(doc.data, dict) else None
        index = next((i for i, entry in enumerate(entries) if isinstance(entry, dict)
                      and chosen(entry)), None) if isinstance(entries, list) else None
        if doc is None or index is None:
            return None, None
        return doc.locate((listed, index, key))


def read_document(path: str | Path) -> tuple[Document | None, Problem | None]:
    """Read a .yaml/.yml/.json file; returns the document or the one problem that stopped it."""
    name = str(path)
    content, problem = read_bounded(path)
    if problem:
        return None, problem
    text, problem = decoded_text(name, content, "E003")
    if text is None:
        return None, problem
    if Path(path).suffix.lower() == ".json":
        data, problem = _load_json(name, text)
    else:
        data, problem = _load_yaml(name, text)
    if problem:
        return None, problem
    if not isinstance(data, dict):
        return None, Problem(name, message("not_a_mapping"), 1, 1,
                             code="E005")
    return Document(name, content, data), None


def yaml_trap(error: MarkedYAMLError) -> Message | str:
    """A YAML error in the words of the mistake that usually causes it; else ruamel's own
    words (or ours, for the limits _DatesAsText enforces)."""
    said = error.problem or error.context
    if isinstance(said, Message):
        return said
    if "mapping values are not allowed" in str(said):
        return message("yaml_colon_in_value")
    if "\\t" in str(said) or "\t" in str(said):
        return message("yaml_tab")
    # a key written twice (ruamel's words repeat both whole values, a criteria list and all)
    duplicate = re.match(r'found duplicate key "(.*?)" with value', str(said))
    if duplicate:
        return message("duplicate_key", key=duplicate.group(1))
    if "expected <block end>" in str(said):
        return message("yaml_text_after_quote" if "<scalar>" in str(said) else "yaml_indent")
    if "could not find expected ':'" in str(said):
        return message("yaml_no_colon")
    return str(said)


# the byte order marks of UTF-16, which Excel's and Word's "Unicode text" begins with
UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")


def read_text(path: str | Path, code: str = "E003") -> tuple[str | None, Problem | None]:
    """The UTF-8 text of a regular file within the limit, without the byte order mark some
    editors write; or the problem reading it, a text that is not UTF-8 located (as `code`)."""
    content, problem = read_bounded(path)
    if problem:
        return None, problem
    return decoded_text(str(path), content, code)


def decoded_text(name: str, content: bytes, code: str) -> tuple[str | None, Problem | None]:
    try:
        return content.decode("utf-8").removeprefix("\ufeff"), None
    except UnicodeDecodeError as exc:
        return None, undecoded(name, content, exc.start, code)


def undecoded(name: str, content: bytes, at: int, code: str, first_line: int = 1) -> Problem:
    """The problem of `content` (from line `first_line` of the file) that is no UTF-8 at
    byte `at`: located, or, saved as "Unicode text" (UTF-16), said how to save it."""
    if first_line == 1 and content.startswith(UTF16_MARKS):
        return Problem(name, message("utf16"), 1, 1, code=code)
    line, column = text_position(content, at)
    return Problem(name, message("not_utf8"), first_line + line - 1, column, code=code)


def read_bounded(path: str | Path, limit: int | None = None) -> tuple[bytes, Problem | None]:
    """The bytes of a regular file of at most `limit` bytes (MAX_FILE_BYTES unless given).
    Anything else (a device, a FIFO, a folder) is refused before it is opened for reading,
    so /dev/zero or a pipe nobody writes to can never stall or flood a run."""
    name = str(path)
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            return b"", Problem(name, message("folder_not_file"), code="E001")
        if not stat.S_ISREG(info.st_mode):
            return b"", Problem(name, message("not_regular_file"), code="E001")
        if info.st_size > limit:
            return b"", Problem(name, message("file_too_large", limit=limit), code="E002")
        with open(path, "rb", opener=_nonblocking) as handle:
            content = handle.read(limit + 1)
    except FileNotFoundError:
        return b"", Problem(name, message("file_not_found"), code="E001")
    except OSError as exc:
        return b"", Problem(name, message("cannot_read_file", reason=os_reason(exc)),
                            code="E001")
    if len(content) > limit:  # it grew since we looked
        return b"", Problem(name, message("file_too_large", limit=limit), code="E002")
    return content, None


# how a compound file begins: Word and Excel save a .docx or .xlsx with a password as one,
# and an old .doc or .xls is one; neither is the zip the newer formats are, and python-docx
# and openpyxl say only "File is not a zip file"
COMPOUND_FILE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# a character no text holds (whitespace aside): what tells a document's bytes from a text's
_BINARY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
OPEN_DOCUMENT = b"application/vnd.oasis.opendocument."  # a LibreOffice file's mimetype part


def container_kind(content: bytes) -> str | None:
    """What a file given as an Office document (.docx, .xlsx) is, by its first bytes and, in
    a zip, by the parts it holds: "compound" (saved with a password, or an old .doc or
    .xls), "docx", "xlsx", "ods", "odt", "zip" (of other files), "text" (such as a CSV), or
    None (other bytes). The readers' own faults for a file of another kind ('File is not a
    zip file', "There is no item named '[Content_Types].xml'") tell a consultant nothing
    to do."""
    if content.startswith(COMPOUND_FILE):
        return "compound"
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as container:
            names = set(container.namelist())
            # the mimetype part is a few bytes (within the size checked before reading)
            declared = container.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        sample = content[:4096]
        text = (sample.decode("utf-16", "replace")
                if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
                else sample.decode("latin-1"))  # any byte is a character of it
        return "text" if text.strip() and not _BINARY.search(text) else None
    for kind, found in (("ods", declared.startswith(OPEN_DOCUMENT + b"spreadsheet")),
                        ("odt", declared.startswith(OPEN_DOCUMENT + b"text")),
                        ("docx", "word/document.xml" in names),
                        ("xlsx", "xl/workbook.xml" in names)):
        if found:
            return kind
    return "zip"


def unpacked_problem(name: str, content: bytes, limit: int,
                     parts: str = "") -> Problem | None:
    """A zip container (.xlsx, .docx) whose parts (those whose names end in `parts`)
    unpack to more than `limit` bytes: a few kB can unpack to gigabytes (a zip bomb), which
    a reader would parse into memory whole. The sizes the container declares bound what
    unpacking gives (Python's zipfile stops at them), so they are checked before anything
    is unpacked; a file that is no zip is left to the reader to name."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as container:
            size = sum(part.file_size for part in container.infolist()
                       if part.filename.endswith(parts))
    except (zipfile.BadZipFile, ValueError, EOFError):
        return None
    if size > limit:
        return Problem(name, message("unpacks_too_large", limit=limit), code="E002")
    return None


def _nonblocking(path: str, flags: int) -> int:
    # a file swapped for a FIFO between stat and open must not block the open
    return os.open(path, flags | os.O_NONBLOCK)


def text_position(content: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters, counted as UTF-8 where it decodes) of the
    byte at `offset`."""
    line_start = content.rfind(b"\n", 0, offset) + 1
    column = len(content[line_start:offset].decode("utf-8", errors="replace")) + 1
    return content.count(b"\n", 0, offset) + 1, column


def _load_json(name: str, text: str) -> tuple[Any, Problem | None]:
    try:
        data = json.loads(text, object_pairs_hook=_refuse_duplicate_keys)
    except json.JSONDecodeError as exc:
        return None, Problem(name, json_fault(exc), exc.lineno, exc.colno, code="E004")
    except _DuplicateKey as exc:
        line, col = _json_key_position(text, exc.key)
        return None, Problem(name, message("duplicate_key", key=exc.key), line, col,
                             code="E004")
    except RecursionError:
        return None, Problem(name, message("too_deep", levels=MAX_DEPTH), code="E007")
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        return None, Problem(name, message("invalid_json", detail=unbuildable(exc)),
                             code="E004")
    return data, _depth_problem(name, data)


def repeated_key(text: str) -> tuple[str, int | None] | None:
    """The first key an object of the JSON `text` gives twice, and the column where it is
    given again (best effort); None when no key is repeated. Parsers keep the last value
    of a repeated key without a word, so a record parsed by one is checked here too."""
    try:
        json.loads(text, object_pairs_hook=_refuse_duplicate_keys)
    except _DuplicateKey as exc:
        return exc.key, _json_key_position(text, exc.key)[1]
    return None


class _DuplicateKey(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict:
    # YAML refuses a repeated key; JSON would silently keep the last one
    data = dict(pairs)  # one C call for the common case, no key repeated
    if len(data) < len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return data


def _json_key_position(text: str, key: str) -> tuple[int | None, int | None]:
    """Where `key` is written the second time (best effort: the text of the key)."""
    quoted = json.dumps(key, ensure_ascii=False)
    first = text.find(quoted)
    second = text.find(quoted, first + 1) if first >= 0 else -1
    if second < 0:
        return None, None
    return text.count("\n", 0, second) + 1, second - text.rfind("\n", 0, second)


def _depth_problem(name: str, data: Any) -> Problem | None:
    """Nesting beyond MAX_DEPTH: nothing we read is that deep, and recursive code further
    on (validation, conditions) must never meet a RecursionError. Read a level at a time,
    as every candidate file is: less than half the time of a stack of (node, depth)."""
    level = [data]  # the values at depth 1, then 2, ...
    for _depth in range(MAX_DEPTH):
        below: list[Any] = []
        for node in level:
            if isinstance(node, dict):
                below += node.values()
            elif isinstance(node, list):
                below += node
        if not below:
            return None
        level = below
    return Problem(name, message("too_deep", levels=MAX_DEPTH), code="E007")


def _load_yaml(name: str, text: str) -> tuple[Any, Problem | None]:
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    try:
        return _yaml().load(text), None
    except MarkedYAMLError as exc:
        return None, yaml_problem(name, exc)
    except ReaderError as exc:  # a character YAML refuses (ESC, from a terminal): at its place
        at = exc.position
        return None, Problem(name, message("invalid_yaml", detail=message(
            "yaml_character", character=f"U+{exc.character:04X}")),
            text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at), code="E004")
    except YAMLError as exc:
        return None, Problem(name, message("invalid_yaml", detail=str(exc)), code="E004")
    except RecursionError:  # the composer recurses per level before we can measure
        return None, Problem(name, message("too_deep", levels=MAX_DEPTH), code="E007")


def yaml_problem(name: str, exc: MarkedYAMLError) -> Problem:
    """A YAML error as one located problem (the one place where they are worded)."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
    return Problem(name, message("invalid_yaml", detail=yaml_trap(exc)), line, col, code="E004")


def _first_line(exc: Exception) -> str:
    return str(exc).split("\n", 1)[0].split(";", 1)[0]


@cache
def _dates_as_text() -> type:
    """ruamel's round-trip constructor, with dates kept as text and documents measured."""
    from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor

    class DatesAsText(RoundTripConstructor):
        """Dates stay text for the models to parse: ruamel raises a bare ValueError,
        without a line, on an impossible date like 2023-02-30; pydantic names the field.

        Before anything is built, the document is measured with its aliases expanded: a
        few hundred bytes of nested aliases ("billion laughs") would otherwise take minutes
        and gigabytes. And a scalar that cannot be built (`!!int 'abc'`, an integer of
        5,000 digits) is reported where it stands rather than as a bare ValueError."""

        def construct_document(self, node: Any) -> Any:
            _measure(node)
            return super().construct_document(node)

        def construct_object(self, node: Any, deep: bool = False) -> Any:
            try:
                return super().construct_object(node, deep)
            except (ValueError, TypeError, OverflowError) as exc:
                raise ConstructorError(None, None, unbuildable(exc),
                                       node.start_mark) from None

    DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", DatesAsText.construct_yaml_str)
    return DatesAsText


# the json module's words for what it met, in ours (so in Danish too)
_JSON_SAYS = {
    "Expecting value": "json_value_expected",
    "Expecting property name enclosed in double quotes": "json_name_expected",
    "Expecting ',' delimiter": "json_comma_expected",
    "Expecting ':' delimiter": "json_colon_expected",
    "Extra data": "json_extra_data",
    "Invalid \\escape": "json_bad_escape",  # also said of a \u escape (below)
    "Invalid control character at": "json_control_character",
    "Unterminated string starting at": "json_unterminated_string",
    "Illegal trailing comma before end of object": "json_trailing_comma",
    "Illegal trailing comma before end of array": "json_trailing_comma",
    "Unexpected UTF-8 BOM (decode using utf-8-sig)": "json_bom",  # a file's first is dropped
}


def json_fault(exc: json.JSONDecodeError) -> Message:
    """What is wrong where the json module stopped, in the chosen language."""
    code = _JSON_SAYS.get(exc.msg) or ("json_bad_escape" if exc.msg.startswith("Invalid \\u")
                                       else None)
    return message("invalid_json", detail=message(code) if code else exc.msg)


def unbuildable(exc: Exception) -> Message:
    """Why a scalar cannot be built, from Python's own words about it."""
    said = _first_line(exc)
    for pattern, code in ((r"invalid literal for int\(\) with base 10: (?P<value>.+)",
                           "not_an_integer"),
                          (r"could not convert string to float: (?P<value>.+)", "not_a_float"),
                          (r"Exceeds the limit \((?P<limit>\d+) digits\) for integer string "
                           r"conversion: value has (?P<digits>\d+) digits", "too_many_digits")):
        found = re.search(pattern, said)
        if found:
            return message(code, **found.groupdict())
    return message("verbatim", detail=said)


def _measure(root: Node) -> None:
    """Refuse a document whose expanded size or depth is beyond bounds, or whose aliases
    refer to themselves, walking the composed nodes once (an alias is the same node)."""
    from ruamel.yaml.constructor import ConstructorError
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    def children_of(node: Node) -> list[Node]:
        if isinstance(node, MappingNode):
            return [n for pair in node.value for n in pair]
        if isinstance(node, SequenceNode):
            return list(node.value)
        return []

    measured: dict[int, tuple[int, int]] = {}  # id(node) -> (values, depth) expanded
    open_nodes: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    aliased = False  # a node met twice: the document's size is its aliases' doing
    while stack:
        node, children_done = stack.pop()
        if id(node) in measured:
            aliased = True
            continue
        children = children_of(node)
        if not children_done:
            if id(node) in open_nodes:
                raise ConstructorError(None, None, message("alias_to_itself"),
                                       node.start_mark)
            open_nodes.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in children)
            continue
        values = 1 + sum(measured[id(c)][0] for c in children)
        depth = 1 + max((measured[id(c)][1] for c in children), default=0)
        if values > MAX_VALUES:
            raise ConstructorError(None, None,  # a message: see yaml_trap
                                   message("too_many_values" if aliased else "too_many_written",
                                           limit=MAX_VALUES),
                                   node.start_mark)
        if depth > MAX_DEPTH:
            raise ConstructorError(None, None,  # a message: see yaml_trap
                                   message("too_deep", levels=MAX_DEPTH),
                                   node.start_mark)
        measured[id(node)] = (values, depth)
        open_nodes.discard(id(node))


def _yaml() -> YAML:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _dates_as_text()
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


# --- a record file changed in place: its comments, layout and line ends kept ---------------


def editable(path: Path) -> Any:
    """The data of the YAML or JSON record at `path`, to be changed in place and written
    back with `written_back`: ruamel's round-trip containers keep a YAML file's comments."""
    # as records are read: a byte order mark is no part of the data (json refuses one)
    text = path.read_bytes().decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    return json.loads(text) if path.suffix == ".json" else round_trip_yaml().load(text)


def written_back(path: Path, data: Any) -> str:
    """The text of `data` (from `editable`) as the record at `path` is written: JSON
    indented by two, or YAML laid out as the shipped records are."""
    if path.suffix == ".json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    round_trip_yaml().dump(data, out)
    return out.getvalue()


def round_trip_yaml() -> YAML:
    from ruamel.yaml import YAML

    yaml = YAML()  # round trip: the consultant's comments and layout stay
    yaml.preserve_quotes = True
    yaml.width = 4096  # long lines as written: never folded (with a trailing space)
    yaml.indent(mapping=2, sequence=4, offset=2)  # "  - item", as the shipped records
    return yaml


def as_written_in(path: Path, text: str) -> str:
    """`text` with the byte order mark and Windows line ends of the record at `path` where
    it has them, so that the consultant's file changes only by the lines changed."""
    raw = path.read_bytes()
    if b"\r\n" in raw:
        text = text.replace("\n", "\r\n")
    return "\ufeff" + text if raw.startswith(codecs.BOM_UTF8) else text
