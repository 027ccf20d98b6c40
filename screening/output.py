"""Writing output files atomically: a reader sees the old file or the whole new one.

Only a regular file (or a name not yet taken) is replaced that way. A device, a FIFO or a
terminal (`--out /dev/null`, `--out /dev/stdout`) is written to in place: replacing it would
put a regular file where the device was. A symlink is followed, so its target is written
and the link stays. A file made read-only is not replaced (E007): renaming over it needs no
permission on the file, and its owner made it so that it would not change.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from .errors import InputError, Problem
from .messages import message, os_reason


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[TextIO]:
    """Write to a temporary file beside `path` and rename it over `path` only on success."""
    target = Path(os.path.realpath(path))
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise InputError([Problem(str(path), message("out_is_folder"),
                                  code="E007")])
    if mode is not None and stat.S_ISREG(mode):
        _refuse_read_only(path, mode)
    if mode is not None and not stat.S_ISREG(mode):
        try:
            with open(target, "w", encoding="utf-8", newline="") as handle:
                yield handle
        except OSError as exc:
            raise _cannot_write(path, exc) from None
        return
    _remove_abandoned(target)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp",
                                    dir=target.parent)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.chmod(temp, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
            os.replace(temp, target)
        except OSError as exc:  # the file made immutable, or a folder put in its place
            raise _cannot_write(path, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def write_all(files: Sequence[tuple[Path, str]]) -> None:
    """Each text to its file, or no file changed (`import scores` rewrites many records):
    every text is written in full beside its file before any is renamed over its file, and
    a rename that fails (a file made immutable, a Ctrl-C between two) puts back the files
    renamed before it."""
    # each file as named and as found (a link followed), its new text's temporary, its bytes
    staged: list[tuple[Path, Path, str, bytes]] = []
    replaced: list[tuple[Path, bytes]] = []
    current = None  # the file named in a problem
    try:
        for current, text in files:
            target = Path(os.path.realpath(current))
            _refuse_read_only(current, os.stat(target).st_mode)
            original = target.read_bytes()
            fd, temp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.",
                                        suffix=".tmp", dir=target.parent)
            staged.append((current, target, temp, original))
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temp, stat.S_IMODE(os.stat(target).st_mode))
        for named, target, temp, original in staged:
            current = named
            os.replace(temp, target)
            replaced.append((target, original))
    except BaseException as exc:
        for target, original in replaced:
            with contextlib.suppress(InputError, OSError):
                write_bytes(target, original)
        if isinstance(exc, OSError) and current is not None:
            raise _cannot_write(current, exc) from None
        raise
    finally:
        for _, _, temp, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def refuse_inputs(path: str | Path, inputs: Iterable[str | Path]) -> None:
    """Bad input (E007) when `path` is one of `inputs` under any name (a link, another
    path): replacing a record, a rule file or the audit store with the output loses it."""
    try:
        out = os.stat(path)
    except OSError:  # a name not taken yet, unless by an input the run makes: the audit store
        if any(os.path.realpath(path) == os.path.realpath(source) for source in inputs):
            raise InputError([Problem(str(path), message("out_over_input"),
                                      code="E007")]) from None
        return
    for source in inputs:
        with contextlib.suppress(OSError):
            if os.path.samestat(out, os.stat(source)):
                raise InputError([Problem(str(path), message("out_over_input"), code="E007")])


def write_bytes(path: str | Path, data: bytes) -> None:
    """A binary file (a spreadsheet), written as atomically as `atomic_writer` writes text."""
    with atomic_writer(path) as handle:
        handle.flush()
        handle.buffer.write(data)


def _refuse_read_only(path: str | Path, mode: int) -> None:
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise InputError([Problem(str(path), message("file_read_only"), code="E007")])


def _cannot_write(path: str | Path, exc: OSError) -> InputError:
    return InputError([Problem(str(path), message("cannot_write", reason=os_reason(exc)),
                                code="E007")])


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _remove_abandoned(target: Path) -> None:
    """Temporary files of earlier writers of `target` that were killed (kill -9 leaves them
    behind, as large as the output was when it died): the process named in them is gone."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(\d+)\.[^.]+\.tmp")
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            found = pattern.fullmatch(entry.name)
            if found and not _alive(int(found.group(1))):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True
