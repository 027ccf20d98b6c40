"""Screening many records: in this process, or in a pool of worker processes with one
durable-rules engine each (threads would not help: the GIL is held).

Records travel to workers raw (a file name, or where a span of JSON Lines lies in its
file) and are read and parsed there, in chunks; at most two chunks per worker are in
flight, so memory stays flat however many records come in. Results come back in input
order, so the output is the same for any number of workers. What the main process does
per record is kept small, as it takes a core's time from the workers: it never decodes a
line, and a result rendered as bytes comes back and is written as those bytes. Each chunk
comes back through a file of a private temporary folder, which goes with the run.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .candidates import (
    SPAN_LINES,
    LineSpan,
    RawInput,
    Unread,
    cut_span,
    expand,
    parse_input,
    read_sources,
)
from .errors import Problem
from .results import CandidateResult

if TYPE_CHECKING:  # the pool and the audit trail are loaded only by runs that use them
    from multiprocessing.context import BaseContext

    from .audit.decisions import DecisionBook
    from .audit.store import CandidateInput
    from .profiles import Profile
    from .screen import Screener

# inputs; a span of a JSON Lines file counts its lines, and `iter_sources` cuts spans of
# SPAN_LINES by default, so that one span fills one chunk
CHUNK_SIZE = SPAN_LINES
# the last chunk of a pool's run, in pieces of this size: a run waits for its last worker
LAST_PIECE = CHUNK_SIZE // 4
POOL_FROM_BYTES = 2_000_000  # smaller inputs are screened before a pool would have started

T = TypeVar("T")


@dataclass(frozen=True)
class Job:
    """What a worker needs to set itself up: it compiles the profile once. The profile
    itself, not its rule file, which may have been edited since the caller loaded it."""

    profile: Profile
    stage: str
    as_of: date | None
    render: Callable[..., str | bytes] | None = None  # e.g. a JSON line each
    audit: bool = False  # keep what the audit trail stores of each input
    strict: bool = False  # an assessment of an unknown competency makes the record invalid
    # with these, each result is rendered with the decision shown beside it: render(result,
    # decision), the decision looked up by the sha256 of the record it came from
    decisions: DecisionBook | None = None
    language: str = "da"  # what the results are worded in: a worker not forked has its own


@dataclass
class Chunk:
    """The outcome of one chunk of raw inputs, in input order."""

    problems: list[Problem] = field(default_factory=list)
    invalid: int = 0  # inputs that gave no record
    sources: list[str] = field(default_factory=list)  # where each result's record came from
    results: list[CandidateResult] = field(default_factory=list)
    rendered: list[str | bytes] = field(default_factory=list)  # when the job renders
    inputs: list[CandidateInput] = field(default_factory=list)  # when the job audits
    warnings: list[Problem] = field(default_factory=list)  # assessments the profile ignores
    hashes: list[str] = field(default_factory=list)  # sha256 of each result's input


def screen_chunk(screener: Screener, job: Job, raws: list[RawInput | LineSpan]) -> Chunk:
    from .assessments import assessments_not_taken, unknown_assessments
    from .positions_ahead import educations_ahead, positions_ahead

    profile = screener.profile
    as_of = job.as_of or profile.meta.date
    chunk = Chunk()
    records = []
    unread: list[Unread] = []  # lines that could not be read, reported in line order
    for raw in read_sources(raws, unread):
        _count_unread(chunk, unread)
        loaded, problems = parse_input(raw)
        chunk.problems.extend(problems)
        if loaded is not None and (unknown := unknown_assessments(profile, loaded.record,
                                                                  loaded.path)):
            if job.strict:
                chunk.problems.extend(unknown)
                loaded = None
            else:
                chunk.warnings.extend(unknown)
        chunk.invalid += loaded is None
        if loaded is not None:
            chunk.warnings.extend(assessments_not_taken(profile, loaded.record, loaded.path))
            chunk.warnings.extend(positions_ahead(loaded.record, as_of, loaded.path))
            chunk.warnings.extend(educations_ahead(loaded.record, as_of, loaded.path))
            records.append(loaded.record)
            chunk.sources.append(loaded.path)
            chunk.hashes.append(loaded.sha256)
            if job.audit:
                from .audit.recording import audit_input

                chunk.inputs.append(audit_input(loaded))
    _count_unread(chunk, unread)
    for n, result in enumerate(screener.results(records, job.stage, job.as_of)):
        if job.render is None:
            chunk.results.append(result)
        else:  # render in the worker: a line of text is cheaper to send back than a result
            chunk.rendered.append(job.render(result) if job.decisions is None else
                                  job.render(result, job.decisions.shown(result.id,
                                                                         chunk.hashes[n])))
            if job.audit and n == 0:  # once a chunk, before any line of it is written
                from .audit.recording import check_recordable

                check_recordable(chunk.rendered[0], result)
            # what the caller still needs once a result is rendered: id and knock-outs
            chunk.results.append(result.remade((), result.rank))
    return chunk


def _count_unread(chunk: Chunk, unread: list[Unread]) -> None:
    """Each line that could not be read is an input that gave no record."""
    for problem, inputs in unread:
        chunk.problems.append(problem)
        chunk.invalid += inputs
    unread.clear()


class _Worker:
    """What one worker process screens with: set up once by the pool's initializer, as a
    pool has no other way to give each process its own state."""

    screener: Screener | None = None
    job: Job | None = None

    @classmethod
    def start(cls, job: Job) -> None:
        from .i18n import set_language
        from .screen import Screener

        set_language(job.language)
        cls.screener = Screener(job.profile)
        cls.job = job

    @classmethod
    def work(cls, raws: list[RawInput | LineSpan], folder: str) -> str:
        """Screen a chunk and leave it pickled in a file of `folder`; its name goes back.

        A chunk sent back through the pool's result pipe (megabytes of rendered JSON) kept
        workers waiting on the main process, whose reader thread takes the GIL again for
        each 64 KB: about 5 % of a worker's time (measured); a file's name never fills the pipe."""
        assert cls.screener is not None and cls.job is not None, "started by the pool"
        chunk = screen_chunk(cls.screener, cls.job, raws)
        descriptor, name = tempfile.mkstemp(dir=folder)
        with os.fdopen(descriptor, "wb") as file:
            pickle.dump(chunk, file, pickle.HIGHEST_PROTOCOL)
        return name


def weight_of(raw: object) -> int:
    """What an input counts towards a chunk: a span its lines, anything else one."""
    return raw.lines if isinstance(raw, LineSpan) else 1


def chunks_of(inputs: Iterable[T], size: int = CHUNK_SIZE) -> Iterator[list[T]]:
    """Chunks of `size` inputs, a span counting as its lines, each yielded once full."""
    chunk: list[T] = []
    filled = 0
    for raw in inputs:
        weight = weight_of(raw)
        if chunk and filled + weight > size:
            yield chunk
            chunk, filled = [], 0
        chunk.append(raw)
        filled += weight
        if filled >= size:
            yield chunk
            chunk, filled = [], 0
    if chunk:
        yield chunk


def pool_chunks(inputs: Iterable[RawInput | LineSpan]) -> Iterator[list[RawInput | LineSpan]]:
    """`chunks_of` the inputs, the last cut in pieces of LAST_PIECE: the workers then finish
    within about a piece of each other, not a chunk (on 2 cores, 20,000 records: the first
    idle 0.15 s on average before the last was done, now 0.06 s; measured). One chunk is
    held back to know which is the last."""
    held: list[RawInput | LineSpan] | None = None
    for chunk in chunks_of(inputs):
        if held is not None:
            yield held
        held = chunk
    if held is not None:
        yield from chunks_of([piece for raw in held for piece in
                              (cut_span(raw, LAST_PIECE) if isinstance(raw, LineSpan)
                               else [raw])], LAST_PIECE)


def screen_many(screener: Screener, job: Job, inputs: Iterable[RawInput | LineSpan],
                workers: int) -> Iterator[Chunk]:
    """Chunks of results in input order, from `workers` processes (1: this process), never
    more than the machine's cores: more would only take turns on them, each with memory of
    its own (a pool forks all its processes at once: `--workers 1000` forked 1000)."""
    workers = min(workers, os.cpu_count() or 1)
    if workers <= 1:
        for raws in chunks_of(inputs):
            yield screen_chunk(screener, job, raws)
        return
    from concurrent.futures import Future, ProcessPoolExecutor

    # private (0700), so that only this user's processes can leave a pickle in it to be
    # loaded; removed with whatever chunks a run stopped early leaves in it
    with tempfile.TemporaryDirectory(prefix="screening-chunks-") as folder:
        pool = ProcessPoolExecutor(workers, _pool_context(), _Worker.start, (job,))
        try:
            pending: deque[Future[str]] = deque()
            for raws in pool_chunks(inputs):
                pending.append(pool.submit(_Worker.work, raws, folder))
                if len(pending) >= 2 * workers:
                    yield _taken(pending.popleft().result())
            while pending:
                yield _taken(pending.popleft().result())
        finally:  # a run stopped early waits for no chunk that is not yet being screened
            pool.shutdown(cancel_futures=True)


def _taken(name: str) -> Chunk:
    """The chunk a worker left in file `name`, which goes."""
    with open(name, "rb") as file:
        chunk: Chunk = pickle.load(file)
    os.unlink(name)
    return chunk


def auto_workers(paths: Iterable[str | Path]) -> int:
    """All cores for a large input, one process for a small one (no pool start-up cost).
    Only what the run reads counts: a folder's other files (a PDF beside the records) do not."""
    files, _problems = expand(list(paths))  # the run itself reports the problems
    total = 0
    for path in files:
        total += path.stat().st_size if path.is_file() else 0
        if total > POOL_FROM_BYTES:
            return os.cpu_count() or 1
    return 1


def _pool_context() -> BaseContext:
    """Fork where it is safe: it starts workers at once and needs no importable `__main__`
    (a script or notebook without a main guard would run again in every spawned worker).
    The engine runs no threads, so a fork copies nothing half-done; when the caller runs
    threads of its own, workers start from a fork server instead."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and _only_thread():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _only_thread() -> bool:
    """Whether this process runs a single thread: as Python counts them and, where the
    system lists them (Linux), as it does, which also sees the threads native libraries
    start (a numerical library's pool, say), which Python does not count."""
    if threading.active_count() != 1:
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no such listing here: Python's count is all there is
        return True
