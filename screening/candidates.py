"""Loading candidate records from files, folders and JSON Lines, with every problem located.

Reading is lazy: `iter_inputs` yields one raw input at a time (a record file, or one line of
a `.jsonl` file), so a talent pool of a million records is never held in memory at once.
`iter_sources` hands out a `.jsonl` file as spans of whole lines instead, found by counting
newlines: the worker process that screens a span reads and decodes its lines itself.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from pydantic import ValidationError

from .display import file_name
from .documents import (
    MAX_DEPTH,
    error_message,
    field_path,
    json_fault,
    read_bounded,
    read_document,
    repeated_key,
    unbuildable,
    undecoded,
)
from .errors import InputError, Problem
from .messages import message, os_reason
from .records import CandidateRecord

if TYPE_CHECKING:
    import sqlite3

RECORD_SUFFIXES = (".yaml", ".yml", ".json", ".jsonl")
MAX_LINE_BYTES = 1_000_000
SPAN_LINES = 500  # lines of a JSON Lines file handed out as one span
SCAN_BYTES = 1 << 20  # read at a time when looking for the ends of spans


@dataclass(frozen=True)
class LoadedRecord:
    record: CandidateRecord
    path: str
    sha256: str


@dataclass(frozen=True)
class RawInput:
    """A record file, or one line of a JSON Lines file (`line` and `text` set)."""

    path: str
    line: int | None = None
    text: str | None = None


@dataclass(frozen=True)
class LineSpan:
    """Whole lines of a JSON Lines file: `length` bytes from `offset`, the first of them
    line number `first`, `lines` of them in all, in the file `file` (device and inode) that
    was scanned for them: a file replaced since then is not read at these offsets."""

    path: str
    offset: int
    length: int
    first: int
    lines: int
    file: tuple[int, int]


# a problem that kept inputs from being read, and how many inputs it stands for: one line,
# or every line of a span
Unread = tuple[Problem, int]


def expand(paths: list[str | Path]) -> tuple[list[Path], list[Problem]]:
    """Files as given, folders as their record files in name order; a file named again (by
    another path, or in a folder also given) is read once, where it was first named."""
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir()
                           if p.is_file() and p.suffix.lower() in RECORD_SUFFIXES)
            if not found:
                problems.append(Problem(str(path), message("no_records_in_folder"), code="E006"))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:  # why, as the readers say it: missing, links in a ring, no access
            _, why = read_bounded(path, 0)
            problems.append(why or Problem(str(path), message("file_not_found"), code="E001"))
    return _once(files), problems


def _once(files: list[Path]) -> list[Path]:
    """`files` without a file already in it under another (or the same) path."""
    kept: list[Path] = []
    named: set[Path] = set()
    for path in files:
        if path.resolve() not in named:
            named.add(path.resolve())
            kept.append(path)
    return kept


def iter_inputs(paths: list[str | Path], problems: list[Problem]) -> Iterator[RawInput]:
    """Raw inputs one at a time; problems with the paths, and lines that cannot be read, go
    to `problems`."""
    unread: list[Unread] = []
    for raw in read_sources(iter_sources(paths, problems), unread):
        problems.extend(problem for problem, _ in unread)
        unread.clear()
        yield raw
    problems.extend(problem for problem, _ in unread)


def iter_sources(paths: list[str | Path], problems: list[Problem],
                 span_lines: int = SPAN_LINES) -> Iterator[RawInput | LineSpan]:
    """Record files as raw inputs, JSON Lines files as spans of `span_lines` lines, one at
    a time; problems with the paths themselves go to `problems`."""
    files, found = expand(paths)
    problems.extend(found)
    for path in files:
        if file_name(path) != str(path):  # named in it everywhere: refused by its name
            problems.append(Problem(file_name(path), message("name_not_utf8"), code="E001"))
            continue
        if path.suffix.lower() != ".jsonl":
            yield RawInput(str(path))
            continue
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO would block the run
                problems.append(Problem(str(path), message("not_regular_file"), code="E001"))
                continue
            with path.open("rb") as handle:
                yield from _spans(str(path), handle, span_lines, _file_of(handle))
        except OSError as exc:
            problems.append(_unreadable(str(path), exc))


def cut_span(span: LineSpan, lines: int) -> list[LineSpan]:
    """`span` cut into spans of `lines` lines (the last may have fewer), found by counting
    the newlines of its bytes as `iter_sources` did; `span` whole when its file cannot be
    read as it was scanned (the worker that reads it then says so)."""
    try:
        with open(span.path, "rb") as handle:
            if _file_of(handle) != span.file:
                return [span]
            handle.seek(span.offset)
            data = handle.read(span.length)
    except OSError:
        return [span]
    if len(data) != span.length:
        return [span]
    return [LineSpan(span.path, span.offset + piece.offset, piece.length,
                     span.first + piece.first - 1, piece.lines, span.file)
            for piece in _spans(span.path, io.BytesIO(data), lines, span.file)]


def read_sources(sources: Iterable[RawInput | LineSpan],
                 unread: list[Unread]) -> Iterator[RawInput]:
    """Raw inputs one at a time, the lines of each span read as they are consumed; what
    cannot be read (a line, or a span of a file gone or replaced since it was scanned) goes
    to `unread`."""
    for source in sources:
        if isinstance(source, RawInput):
            yield source
            continue
        try:
            with open(source.path, "rb") as handle:
                if _file_of(handle) != source.file:
                    unread.append((_changed(source), source.lines))
                    continue
                handle.seek(source.offset)
                yield from _jsonl_lines(source, handle, unread)
        except OSError as exc:
            unread.append((_unreadable(source.path, exc), source.lines))


def _file_of(handle: BinaryIO) -> tuple[int, int]:
    """The file an open handle reads (device and inode), whatever name it has now."""
    opened = os.fstat(handle.fileno())
    return opened.st_dev, opened.st_ino


def _changed(span: LineSpan) -> Problem:
    return Problem(span.path, message("file_replaced", count=span.lines), span.first,
                   code="E001")


def _unreadable(name: str, exc: OSError) -> Problem:
    return Problem(name, message("cannot_read_file", reason=os_reason(exc)), code="E001")


def _spans(name: str, handle: BinaryIO, span_lines: int,
           file: tuple[int, int]) -> Iterator[LineSpan]:
    """The file in spans of `span_lines` lines (the last may have fewer, and its last line
    no newline), found by counting newlines: no line is decoded or copied here."""
    start, first, counted, scanned = 0, 1, 0, 0
    ends_line = True
    while block := handle.read(SCAN_BYTES):
        at = 0
        while (newline := block.find(b"\n", at)) >= 0:
            at, counted = newline + 1, counted + 1
            if counted == span_lines:
                end = scanned + at
                yield LineSpan(name, start, end - start, first, counted, file)
                start, first, counted = end, first + counted, 0
        scanned += len(block)
        ends_line = block.endswith(b"\n")
    if scanned > start:
        yield LineSpan(name, start, scanned - start, first, counted + (not ends_line), file)


def _jsonl_lines(span: LineSpan, handle: BinaryIO,
                 unread: list[Unread]) -> Iterator[RawInput]:
    """The lines of a span, `handle` at its start, each decoded on its own: a line that is
    not UTF-8 or too long is one located problem, and every other line is still read."""
    name, end = span.path, span.offset + span.length

    def piece(limit: int) -> bytes:  # never past the span, which another process reads
        return handle.readline(min(limit, end - handle.tell()))

    for number, line in enumerate(iter(lambda: piece(MAX_LINE_BYTES + 1), b""),
                                  start=span.first):
        if len(line) > MAX_LINE_BYTES:
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = piece(MAX_LINE_BYTES)
            unread.append((Problem(name, message("line_too_long", limit=MAX_LINE_BYTES),
                                   number, code="E002"), 1))
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            unread.append((undecoded(name, line, exc.start, "E003", number), 1))
            continue
        if number == 1:
            text = text.removeprefix("\ufeff")
        if text.strip():
            yield RawInput(name, number, text)


def parse_input(raw: RawInput) -> tuple[LoadedRecord | None, list[Problem]]:
    if raw.text is None:
        return load_record(raw.path)
    if len(raw.text) > MAX_LINE_BYTES:
        return None, [Problem(raw.path, message("line_too_long", limit=MAX_LINE_BYTES),
                              raw.line, code="E002")]
    try:  # parsed and validated in one step by pydantic's core: most lines are fine
        record = CandidateRecord.model_validate_json(raw.text)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        if any(e["type"] in ("json_invalid", "model_type") for e in errors):
            return None, [_json_problem(raw, raw.text)]
        return None, [Problem(raw.path, error_message(e), raw.line, None, field_path(e["loc"]),
                              "E101") for e in errors]
    if repeated := repeated_key(raw.text):  # pydantic keeps the last value without a word
        key, column = repeated
        return None, [Problem(raw.path, message("duplicate_key", key=key), raw.line, column,
                              code="E004")]
    digest = hashlib.sha256(raw.text.encode("utf-8")).hexdigest()
    return LoadedRecord(record, f"{raw.path}:{raw.line}", digest), []


def _json_problem(raw: RawInput, text: str) -> Problem:
    """A line that is not a JSON object, located the way the json module locates it."""
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        return Problem(raw.path, json_fault(exc), raw.line, exc.colno, code="E004")
    except RecursionError:
        return Problem(raw.path, message("too_deep", levels=MAX_DEPTH), raw.line,
                       code="E007")
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        return Problem(raw.path, message("invalid_json", detail=unbuildable(exc)), raw.line,
                       code="E004")
    return Problem(raw.path, message("not_a_json_object"), raw.line, 1,
                   code="E005")


def located(source: str) -> tuple[str, int | None]:
    """A record's source as a file and a line: a line of a JSON Lines file is its source
    as `parse_input` names it ("pool.jsonl:4"), a record file its path alone."""
    path, _, line = source.rpartition(":")
    if line.isdigit() and path.lower().endswith(".jsonl"):
        return path, int(line)
    return source, None


def load_record(path: str | Path) -> tuple[LoadedRecord | None, list[Problem]]:
    doc, problem = read_document(path)
    if doc is None:
        assert problem is not None, "read_document gives the document or what stopped it"
        return None, [problem]
    try:
        record = CandidateRecord.model_validate(doc.plain_data())
    except ValidationError as exc:
        return None, doc.validation_problems(exc)
    return LoadedRecord(record, doc.path, hashlib.sha256(doc.content).hexdigest()), []


class DuplicateIds:
    """Remembers candidate ids so a second record with the same id is refused.

    A talent pool of a million records has a million ids to remember: past `in_memory`
    of them they move to a private temporary database on disk, so that memory stays flat
    (a dict costs about 200 bytes of memory a record; the database about 10 µs a record
    once it is used, which runs of ordinary size never do; measured)."""

    IN_MEMORY = 100_000

    def __init__(self, in_memory: int = IN_MEMORY) -> None:
        self._in_memory = in_memory
        self._seen: dict[str, str] = {}
        self._spilled: sqlite3.Connection | None = None

    def problem(self, loaded: LoadedRecord) -> Problem | None:
        return self.problem_for(loaded.record.id, loaded.path)

    def problem_for(self, candidate_id: str, source: str) -> Problem | None:
        first = self._first_source(candidate_id, source)
        if first == source:
            return None
        path, line = located(source)
        return Problem(path, message("duplicate_candidate", id=candidate_id, first=first),
                       line, field="id", code="E102")

    def close(self) -> None:
        if self._spilled is not None:
            self._spilled.close()  # the database file is deleted with it
            self._spilled = None

    def _first_source(self, candidate_id: str, source: str) -> str:
        if self._spilled is None:
            first = self._seen.setdefault(candidate_id, source)
            if len(self._seen) > self._in_memory:
                with _on_disk(source):
                    self._spill()
            return first
        with _on_disk(source):
            spilled = self._spilled
            if spilled.execute("INSERT OR IGNORE INTO seen VALUES (?, ?)",
                               (candidate_id, source)).rowcount:
                return source
            row = spilled.execute("SELECT source FROM seen WHERE id = ?",
                                  (candidate_id,)).fetchone()
            return str(row[0])

    def _spill(self) -> None:
        import sqlite3

        spilled = sqlite3.connect("")  # "": a temporary database, on disk once it grows
        spilled.execute("CREATE TABLE seen (id TEXT PRIMARY KEY, source TEXT NOT NULL) "
                        "WITHOUT ROWID")
        spilled.executemany("INSERT INTO seen VALUES (?, ?)", self._seen.items())
        self._spilled, self._seen = spilled, {}


@contextmanager
def _on_disk(source: str) -> Iterator[None]:
    """The ids' temporary file failed (a full or unwritable disk): the run stops, as a
    second record with an id already seen could no longer be refused."""
    import sqlite3

    try:
        yield
    except sqlite3.Error as exc:
        raise InputError([Problem(source, message("ids_not_kept", detail=str(exc)),
                                  field="id", code="E403")]) from None


def listed_paths(paths: Iterable[str | Path]) -> list[str | Path]:
    """The paths the API was given, as a list. One path where paths go is a TypeError: a
    str is an iterable, of one-letter paths, each then reported as a file not found."""
    if isinstance(paths, str | os.PathLike):
        raise TypeError(f"paths must be an iterable of paths, not one path: give "
                        f"[{str(paths)!r}]")
    return list(paths)


def load_records(paths: Iterable[str | Path]) -> tuple[list[LoadedRecord], list[Problem]]:
    """Every valid record, and every problem (bad files, bad fields, duplicate ids)."""
    problems: list[Problem] = []
    loaded: list[LoadedRecord] = []
    duplicates = DuplicateIds()
    for raw in iter_inputs(listed_paths(paths), problems):
        record, found = parse_input(raw)
        problems.extend(found)
        if record is None:
            continue
        if duplicate := duplicates.problem(record):
            problems.append(duplicate)
            continue
        loaded.append(record)
    return loaded, problems
