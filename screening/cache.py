"""Loaded profiles and parsed data files kept between runs, keyed by their content.

Reading a rule file with ruamel's pure-Python loader, validating it and checking that it
compiles took 200-600 ms a command (measured), several times what screening 50 candidates
takes. A profile that loaded without problems is therefore written to the user's cache
folder as plain JSON data, and the next run takes it from there when every file of the
profile (the rule file and all it includes) still has the same content and place, and the
code that loads profiles is the same. The YAML data files shipped with screening (the
protected attributes: 90 ms to parse) are kept the same way, by their content, and so is
the fact that a profile passed a check that reads nothing but the profile and a data file
(the protected-attribute check before screening: 20-40 ms of regular expressions).

Where: $SCREENING_CACHE (a folder, or `off` to switch the cache off), else
$XDG_CACHE_HOME/screening, else ~/.cache/screening (no cache when neither is an absolute
path). The folder is created private (0700); a folder others may write into, or an entry
not owned by the user, is never read. Entries are written whole (to a temporary file, then
renamed), carry a digest of their content and decode only into the profile's own types: a
damaged, foreign or stale entry is ignored and written anew. Problems are never cached: a
rule file with problems is read again each time, and its problems are reported from the
file itself. Candidate records are never cached: they are personal data.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import orjson
import pydantic

from . import conditions as cond
from .documents import read_bounded
from .profiles import (
    AssessmentScale,
    Band,
    Criterion,
    Derived,
    Meta,
    Profile,
    Scoring,
    SetAside,
    Weights,
)

FORMAT = 1  # of an entry; a change of layout changes it
MAX_ENTRY_BYTES = 50_000_000
OFF = "off"

# The only types an entry decodes into: plain data, never code.
_DATACLASSES: dict[str, Any] = {cls.__name__: cls for cls in (
    cond.All, cond.AnyOf, cond.Not, cond.Compare, cond.Some, cond.Assessed,
    Derived, Criterion, SetAside)}
_MODELS: dict[str, type[pydantic.BaseModel]] = {cls.__name__: cls for cls in (
    Meta, Scoring, Weights, AssessmentScale, Band)}


def directory() -> Path | None:
    """The cache folder this run uses, or None when the cache is off."""
    setting = os.environ.get("SCREENING_CACHE", "")
    if setting.casefold() == OFF:
        return None
    if setting:
        return Path(setting)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    # a relative base (no home to expand `~` into) would put the cache wherever a run starts
    return base / "screening" if base.is_absolute() else None


def cached_profile(path: Path, allow_module: bool) -> Profile | None:
    """The profile cached for the rule file at `path`, if its files are unchanged."""
    folder = directory()
    if folder is None or not _private(folder):
        return None
    key = _key(path, allow_module)
    entry = _entry(folder, key)
    if entry is None:
        return None
    try:
        files = _unchanged_files(entry["files"])
        if files is None:
            return None
        profile = _decode(entry["profile"])
        if not isinstance(profile, dict):
            return None
        return Profile(**profile, files=files)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None  # damaged or written by another layout: read the rule files instead


def keep_profile(path: Path, allow_module: bool, profile: Profile) -> None:
    """Keep `profile`, loaded from `path`, for the next run."""
    folder = directory()
    if folder is None:
        return
    fields = _values(profile)
    try:
        encoded = _encode(fields)
    except TypeError:
        return  # a value the entry cannot hold as plain data: not cached
    if _decode(orjson.loads(orjson.dumps(encoded))) != fields:
        return  # would not come back the same (a float JSON cannot write, say)
    _keep(folder, _key(path, allow_module), {
        "files": [[name, str(Path(name).resolve()), hashlib.sha256(content).hexdigest()]
                  for name, content in profile.files],
        "profile": encoded})


def check_key(check: str, profile: Profile, data: bytes) -> str | None:
    """What names `check` of this very profile (every value of it, as the cache holds them)
    against `data`; None when a value cannot be written down (checked each time)."""
    try:
        values = orjson.dumps(_encode(_values(profile)))
    except TypeError:
        return None
    return _named(f"check\0{check}".encode(), values, data)


def passed_before(key: str | None) -> bool:
    """Whether the check named `key` (`check_key`) found nothing in an earlier run of the
    same code. Only a pass is kept: what a check finds is reported from the profile itself
    each time."""
    folder = directory()
    if folder is None or key is None or not _private(folder):
        return False
    entry = _entry(folder, key)
    return entry is not None and entry.get("passed") is True


def keep_passed(key: str | None) -> None:
    """Remember that the check named `key` found nothing."""
    folder = directory()
    if folder is not None and key is not None:
        _keep(folder, key, {"passed": True})


def _values(profile: Profile) -> dict[str, Any]:
    """What the profile is, without the bytes of its files (they made those values)."""
    return {f.name: getattr(profile, f.name)
            for f in dataclasses.fields(profile) if f.name != "files"}


def parsed(content: bytes, parse: Callable[[bytes], Any]) -> Any:
    """`parse(content)`, plain data, from the cache when the same content was parsed by the
    same code before (for data files shipped with screening)."""
    folder = directory()
    reader = f"{parse.__module__}.{parse.__qualname__}"
    key = _named(reader.encode(), content)
    entry = _entry(folder, key) if folder is not None and _private(folder) else None
    if entry is not None and "data" in entry:
        return entry["data"]
    data = parse(content)
    if folder is not None and _json_keeps(data):
        _keep(folder, key, {"data": data})
    return data


def _json_keeps(data: Any) -> bool:
    try:
        return bool(orjson.loads(orjson.dumps(data)) == data)
    except TypeError:  # a value JSON cannot hold, such as a date
        return False


def _entry(folder: Path, key: str) -> dict[str, Any] | None:
    """The entry stored under `key` when it is sound and written by this code, or None."""
    body = _read_entry(folder / f"{key}.json")
    if body is None:
        return None
    try:
        entry = orjson.loads(body)
    except ValueError:
        return None
    if not isinstance(entry, dict) \
            or (entry.get("format"), entry.get("code"), entry.get("key")) \
            != (FORMAT, code_fingerprint(), key):
        return None
    return entry


def _keep(folder: Path, key: str, content: dict[str, Any]) -> None:
    """Write an entry (best effort: a cache that cannot be written only costs speed)."""
    body = orjson.dumps({"format": FORMAT, "code": code_fingerprint(), "key": key, **content})
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            return
        _write_atomically(folder / f"{key}.json",
                          hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    except OSError:
        return


@cache
def code_fingerprint() -> str:
    """The code that loads profiles, and the libraries that shape what it makes: an entry
    written by other code is stale even when the rule files are the same."""
    digest = hashlib.sha256(f"{FORMAT} {sys.version} {pydantic.VERSION}".encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()


def _key(path: Path, allow_module: bool) -> str:
    """One entry per rule file as named (paths in the profile are written as given) and
    as found (the same name in another folder is another file). realpath, not resolve: a
    symlink loop is the loader's to report, and resolve raises on one."""
    return _named(f"{path}\0{os.path.realpath(path)}\0{allow_module}".encode())


def _named(*parts: bytes) -> str:
    """The key of an entry made of `parts` by this code. The code is part of the name, so
    that two installations of different versions sharing the user's cache folder each keep
    their own entry rather than replace each other's on every run."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def _private(folder: Path) -> bool:
    """Whether only this user can have written into `folder`."""
    try:
        info = folder.lstat()
    except OSError:
        return False
    return (stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
            and not info.st_mode & 0o022)


def _read_entry(entry: Path) -> bytes | None:
    """The content of an entry written by this user and not damaged since, or None."""
    try:
        handle = os.open(entry, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() \
                or info.st_size > MAX_ENTRY_BYTES:
            return None
        content = file.read(MAX_ENTRY_BYTES + 1)
    digest, _, body = content.partition(b"\n")
    if digest != hashlib.sha256(body).hexdigest().encode():
        return None
    return body


def _unchanged_files(listed: list[Any]) -> tuple[tuple[str, bytes], ...] | None:
    """(name, content) of each file of the entry when every one is where and as it was."""
    files = []
    for name, resolved, digest in listed:
        content, problem = read_bounded(name)
        if problem is not None or str(Path(name).resolve()) != resolved \
                or hashlib.sha256(content).hexdigest() != digest:
            return None
        files.append((name, content))
    return tuple(files)


def _write_atomically(entry: Path, content: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.replace(temporary, entry)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _encode(value: Any) -> Any:
    """A profile's values as JSON data, tagged where JSON has no type of its own."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, tuple):
        return {"tuple": [_encode(v) for v in value]}
    if isinstance(value, dict):
        return {"dict": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if type(value) is date:
        return {"date": value.isoformat()}
    name = type(value).__name__
    if _DATACLASSES.get(name) is type(value):
        return {"dataclass": name, "fields": {f.name: _encode(getattr(value, f.name))
                                              for f in dataclasses.fields(_DATACLASSES[name])}}
    if _MODELS.get(name) is type(value):
        return {"model": name, "fields": {f: _encode(getattr(value, f))
                                          for f in type(value).model_fields}}
    raise TypeError(f"cannot cache a {name}")


def _decode(data: Any) -> Any:
    if data is None or isinstance(data, bool | int | float | str):
        return data
    if isinstance(data, list):
        return [_decode(v) for v in data]
    if not isinstance(data, dict):
        raise TypeError(f"not an entry value: {type(data).__name__}")
    (tag, value), *rest = data.items()
    if tag == "tuple" and not rest:
        return tuple(_decode(v) for v in value)
    if tag == "dict" and not rest:
        return {_decode(k): _decode(v) for k, v in value}
    if tag == "date" and not rest:
        return date.fromisoformat(value)
    fields = {k: _decode(v) for k, v in rest[0][1].items()} if len(rest) == 1 else None
    if tag == "dataclass" and fields is not None:
        return _DATACLASSES[value](**fields)
    if tag == "model" and fields is not None:
        return _MODELS[value].model_validate(fields)  # validated as when read from the file
    raise ValueError(f"not an entry value: {tag}")
