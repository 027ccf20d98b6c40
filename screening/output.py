"""Writing output files atomically: a reader sees the old file or the whole new one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from .errors import InputError, Problem


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[TextIO]:
    """Write to a temporary file beside `path` and rename it over `path` only on success."""
    target = Path(path)
    if target.is_dir():
        raise InputError([Problem(str(target), "is a folder; --out needs a file name",
                                  code="E007")])
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                    dir=target.parent if str(target.parent) else ".")
    except OSError as exc:
        raise InputError([Problem(str(target), f"cannot write here: {exc.strerror}",
                                  code="E007")]) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def write_bytes(path: str | Path, data: bytes) -> None:
    """A binary file (a spreadsheet), written as atomically as `atomic_writer` writes text."""
    with atomic_writer(path) as handle:
        handle.flush()
        handle.buffer.write(data)
