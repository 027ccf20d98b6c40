"""Screening as a Python API: the CLI, the tests and notebooks all call this.

    from screening.rulefiles import load_profile
    from screening.screen import AuditSink, Screener

    path = "rules/helsingor-direktor-2024.yaml"  # the rule file: the audit trail keeps it
    screener = Screener(load_profile(path), path)
    screening = screener.screen(records, stage="samtale1")          # CandidateRecord objects
    run = screener.screen_paths(["examples/candidates/helsingor-direktor-2024"],
                                audit=AuditSink("audit.db", operator="Mette"))
    run.screening.results[0].recommendation, run.summary.screened, run.run_id

A Screener compiles its profile once and registers it in durable-rules once; reuse it for
as many screenings as you like, and `close()` it (or use it in a `with` block) to give the
engine's memory back.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from os import PathLike
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, cast

from .compile import compile_profile
from .engine import Engine
from .errors import InputError, Problem
from .messages import message
from .profiles import Profile
from .records import SOURCES, CandidateRecord
from .results import SPARSE_BAND, CandidateResult, Screening
from .scoring import Scorer, rank

if TYPE_CHECKING:
    from .audit.decisions import Decision, DecisionBook
    from .audit.recording import Spool
    from .audit.store import CandidateInput

__all__ = ["AuditSink", "PathRun", "RankedRun", "RunSummary", "Screener", "rank", "screen"]

DEFAULT_STAGE = SOURCES[-1]
R = TypeVar("R", str, bytes)  # a rendered result: text, or the UTF-8 bytes of text


@dataclass(frozen=True)
class AuditSink:
    """Where a run is recorded, who ran it (None: the OS user name), and with which command:
    the CLI names its own (`screen`, `shortlist`, `explain`); a run from Python is `api`."""

    store: str | Path
    operator: str | None = None
    command: str = "api"

    def __post_init__(self) -> None:
        # refused where given: found when the run is recorded, a wrong type left a whole
        # talent pool screened, and streamed, with nothing recorded
        if not isinstance(self.store, str | PathLike):
            raise TypeError(f"store must be a path, not {type(self.store).__name__} "
                            f"{self.store!r}")
        if not isinstance(self.operator, str | None):
            raise TypeError(f"operator must be a name or None (the OS user), not "
                            f"{type(self.operator).__name__} {self.operator!r}")
        if not isinstance(self.command, str):
            raise TypeError(f"command must be a str, not {type(self.command).__name__} "
                            f"{self.command!r}")


@dataclass
class RunSummary:
    """What a run of files screened, counted as the audit trail stores it."""

    screened: int = 0
    knocked_out: int = 0
    too_little_evidence: int = 0
    invalid: int = 0  # inputs that gave no record, and records refused (duplicate ids)
    # assessments of competencies the profile lacks, kept in the words they were made
    unknown_assessments: list[dict[str, Any]] = field(default_factory=list)

    def count(self, result: CandidateResult) -> None:
        self.screened += 1
        self.knocked_out += bool(result.knockouts)
        self.too_little_evidence += result.recommendation == SPARSE_BAND

    def note(self, problem: Problem) -> None:
        from .assessments import CODE

        if problem.code == CODE:
            self.unknown_assessments.append({
                "source": problem.path, "line": problem.line, "column": problem.column,
                "field": problem.field, "message": problem.message,
                "text": problem.text.as_data()})  # to be shown again in either language

    def as_dict(self) -> dict[str, Any]:
        return {"screened": self.screened, "knocked_out": self.knocked_out,
                "too_little_evidence": self.too_little_evidence, "invalid": self.invalid,
                "unknown_assessments": self.unknown_assessments}


@dataclass
class PathRun:
    """The outcome of screening files: the ranked screening (None when streamed), the
    counts and the audit run it was recorded as. A ranked run also knows each candidate's
    source and input sha256 (to look up the decisions people made on the same input)."""

    summary: RunSummary
    screening: Screening | None = None
    run_id: str | None = None
    input_hashes: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)


@dataclass
class RankedRun(PathRun):
    """What `screen_paths` gives: a PathRun whose ranked screening is always there, so that
    `run.screening.results` type-checks without a test for None."""

    screening: Screening


def _ignore(_problem: Problem) -> None:
    """Problems are counted in the run either way; a caller that shows them passes its own."""


def _ignore_count(_count: int) -> None:
    """No progress to show."""


class Screener:
    """One profile, compiled and registered in durable-rules once. A profile that selects on
    a protected attribute is refused (RuleFileError, E501), as every screening command
    refuses it: screening on it would be discrimination, whoever calls."""

    def __init__(self, profile: Profile, profile_path: str | Path | None = None) -> None:
        from .protected import refuse

        if not isinstance(profile, Profile):  # a rule file's path, as the CLI takes, say
            raise TypeError(f"profile must be a Profile, not {type(profile).__name__} "
                            f"{profile!r}: screening.rulefiles.load_profile(path) loads one")
        refuse(profile)
        rule_file = profile.files[-1][0]  # the profile's own file, after its includes
        if profile_path is not None and Path(profile_path).resolve() != Path(rule_file).resolve():
            # the audit trail records the run as of this file, and replays it from there
            raise ValueError(f"profile_path {str(profile_path)!r} is not the rule file the "
                             f"profile was loaded from, {rule_file!r}")
        self.profile = profile
        self.profile_path = profile_path  # needed to audit
        self._engine = Engine(compile_profile(profile))
        self._scorer = Scorer(self._engine.compiled)

    def close(self) -> None:
        self._engine.close()

    def __enter__(self) -> Screener:
        return self

    def __exit__(self, *_exc: type[BaseException] | BaseException | TracebackType | None
                 ) -> None:
        self.close()

    def results(self, records: Iterable[CandidateRecord], stage: str = DEFAULT_STAGE,
                as_of: date | None = None) -> Iterator[CandidateResult]:
        """Results in input order as batches finish, unranked: memory stays flat.

        Open-ended positions count up to `as_of`, by default the profile's date, so that a
        result never depends on the day it is computed."""
        _check_stage(stage)
        day = self._day(as_of)
        scorer = self._scorer
        for evaluated in self._engine.evaluate(_records_only(records), stage, day):
            yield scorer.result(evaluated)

    def screen(self, records: Iterable[CandidateRecord], stage: str = DEFAULT_STAGE,
               as_of: date | None = None) -> Screening:
        """Screen records using the evidence available up to `stage`, ranked. Two records
        with one id are a ValueError: which of them a result, a decision or a paper means
        only the caller can say (`screen_paths` refuses the second and goes on)."""
        day = self._day(as_of)
        with no_collections():
            ranked = rank(list(self.results(records, stage, day)))
        if len({r.id for r in ranked}) != len(ranked):
            from collections import Counter

            twice = sorted(i for i, n in Counter(r.id for r in ranked).items() if n > 1)
            raise ValueError(f"candidate ids given more than once: {', '.join(twice)}")
        return Screening(self.profile, stage, day, tuple(ranked))

    def screen_paths(self, paths: Iterable[str | Path], stage: str = DEFAULT_STAGE,
                     as_of: date | None = None, *, workers: int = 1,
                     audit: AuditSink | None = None, strict: bool = False,
                     on_problem: Callable[[Problem], None] = _ignore,
                     on_warning: Callable[[Problem], None] = _ignore,
                     on_progress: Callable[[int], None] = _ignore_count) -> RankedRun:
        """Screen record files, folders and JSON Lines files, ranked.

        A bad input is reported to `on_problem` and skipped; the others are screened. A
        second record with an id already seen is refused. An assessment of a competency the
        profile does not know goes to `on_warning`, or with `strict` makes its record
        invalid. `on_progress` hears how many inputs each chunk screened. With `audit`, the
        run is recorded there; a store that cannot record it is an error (E402), so that no
        result is shown as recorded that is not."""
        day = self._day(as_of)
        results: list[CandidateResult] = []
        input_hashes: dict[str, str] = {}
        sources: dict[str, str] = {}

        def keep(result: CandidateResult, source: str, _rendered: str | bytes | None,
                 sha256: str) -> None:
            results.append(result)
            input_hashes[result.id] = sha256
            sources[result.id] = source

        with _spool_for(audit) as spool:
            with fewer_collections():
                summary = self._run(paths, stage, day, workers, audit, spool, strict,
                                    on_problem, on_warning, on_progress, keep)
                screening = Screening(self.profile, stage, day, tuple(rank(results)))
            run = RankedRun(summary, screening, input_hashes=input_hashes, sources=sources)
            if audit is not None and spool is not None and summary.screened:
                from .report import candidate

                inputs = spool.inputs()
                run.run_id = self._record(audit, stage, day, summary,
                                          ((inputs[r.id], candidate(r))
                                           for r in screening.results))
        return run

    def stream_paths(self, paths: Iterable[str | Path],
                     render: Callable[[CandidateResult], R]
                     | Callable[[CandidateResult, Decision | None], R],
                     write: Callable[[CandidateResult, R], None], stage: str = DEFAULT_STAGE,
                     as_of: date | None = None, *, workers: int = 1,
                     audit: AuditSink | None = None, strict: bool = False,
                     decisions: DecisionBook | None = None,
                     on_problem: Callable[[Problem], None] = _ignore,
                     on_warning: Callable[[Problem], None] = _ignore,
                     on_progress: Callable[[int], None] = _ignore_count) -> PathRun:
        """As `screen_paths`, for talent pools: each result is rendered (in the worker that
        screened it) and handed to `write` with its text, in input order as it comes and
        unranked; nothing is held in memory but what the audit trail spools to disk. Text
        rendered as bytes (UTF-8) reaches `write` as those bytes, never decoded on the way:
        the cheapest for the main process, which takes a core's time from the workers.
        With `decisions` (`AuditStore.decision_book`, read once for the run), each result is
        rendered as `render(result, decision)`, with the decision a person made that is shown
        beside the candidate on the record screened (None: nobody decided)."""
        def accept(result: CandidateResult, _source: str, line: str | bytes | None,
                   _sha256: str) -> None:
            write(result, cast(R, line))  # what `render` gave, pickled and back

        day = self._day(as_of)
        with _spool_for(audit) as spool:
            with fewer_collections():
                summary = self._run(paths, stage, day, workers, audit, spool, strict,
                                    on_problem, on_warning, on_progress, accept, render,
                                    decisions)
            run = PathRun(summary)
            if audit is not None and spool is not None and summary.screened:
                run.run_id = self._record(audit, stage, day, summary, spool.pairs())
        return run

    def _run(self, paths: Iterable[str | Path], stage: str, as_of: date, workers: int,
             audit: AuditSink | None, spool: Spool | None, strict: bool,
             on_problem: Callable[[Problem], None], on_warning: Callable[[Problem], None],
             on_progress: Callable[[int], None],
             accept: Callable[[CandidateResult, str, str | bytes | None, str], None],
             render: Callable[..., str | bytes] | None = None,
             decisions: DecisionBook | None = None) -> RunSummary:
        """Screen the inputs in chunks, handing each accepted result to `accept` with its
        source, its rendered text (with `render`, and the decision shown with `decisions`)
        and its input's sha256; what the audit trail records goes to `spool`."""
        from .candidates import DuplicateIds, iter_sources, listed_paths
        from .i18n import language
        from .parallel import Job, screen_many

        _check_stage(stage)
        given = listed_paths(paths)
        _check_workers(workers)
        if audit is not None and not isinstance(audit, AuditSink):
            # found here, not once every record is screened (and streamed) unrecorded
            raise TypeError(f"audit must be an AuditSink, not {type(audit).__name__} "
                            f"{audit!r}: give AuditSink({str(audit)!r})")
        if self.profile_path is None and audit is not None:
            # the audit trail keeps the rule files by their place
            raise ValueError("auditing needs the Screener's profile_path")
        summary = RunSummary()
        path_problems: list[Problem] = []  # filled as the inputs are read
        duplicates = DuplicateIds()

        def problem(found: Problem) -> None:
            summary.note(found)
            on_problem(found)

        job = Job(self.profile, stage, as_of, render, audit=spool is not None,
                  strict=strict, decisions=decisions, language=language())
        with closing(duplicates):
            inputs = iter_sources(given, path_problems)
            for chunk in screen_many(self, job, inputs, workers):
                for found in [*path_problems, *chunk.problems]:
                    problem(found)
                for found in chunk.warnings:
                    summary.note(found)
                    on_warning(found)
                summary.invalid += len(path_problems) + chunk.invalid  # one input each
                path_problems.clear()
                for n, (result, source) in enumerate(zip(chunk.results, chunk.sources,
                                                         strict=True)):
                    if duplicate := duplicates.problem_for(result.id, source):
                        problem(duplicate)
                        summary.invalid += 1
                        continue
                    summary.count(result)
                    rendered = chunk.rendered[n] if render else None
                    if spool is not None:
                        spool.add(chunk.inputs[n], rendered)
                    accept(result, source, rendered, chunk.hashes[n])
                on_progress(len(chunk.sources))
        for found in path_problems:  # paths that gave no input at all
            problem(found)
        summary.invalid += len(path_problems)
        return summary

    def _day(self, as_of: date | None) -> date:
        """The day open-ended positions count up to: `as_of`, by default the profile's date.
        A datetime counts as its day, as `--as-of` does; anything else but a date is refused
        here, where it was given, not by a comparison deep in the engine."""
        if as_of is None:
            return self.profile.meta.date
        if isinstance(as_of, datetime):
            return as_of.date()
        if isinstance(as_of, date):
            return as_of
        raise TypeError(f"as_of must be a date, not {type(as_of).__name__} {as_of!r}")

    def _record(self, audit: AuditSink, stage: str, as_of: date, summary: RunSummary,
                pairs: Iterable[tuple[CandidateInput, dict[str, Any]]]) -> str:
        import sqlite3  # with the audit trail's modules: a run without it loads none

        from .audit.recording import record_run
        from .audit.store import store_fault

        try:
            return record_run(audit.store, self.profile, str(self.profile_path), stage,
                              as_of, audit.operator, audit.command,
                              summary.as_dict(), pairs)
        except sqlite3.Error as exc:  # say plainly that these results were not recorded
            raise InputError([Problem(str(audit.store), message("not_recorded",
                                                                reason=store_fault(exc)),
                                      code="E402")]) from None


@contextmanager
def _spool_for(audit: AuditSink | None) -> Iterator[Spool | None]:
    """Where a recorded run keeps its inputs and results until it is recorded; its file is
    closed when the run ends, however it ends. None for a run not recorded: the audit
    trail's modules load only for runs it records."""
    if audit is None:
        yield None
        return
    from .audit.recording import Spool

    with closing(Spool()) as spool:
        yield spool


def _records_only(records: Iterable[CandidateRecord]) -> Iterator[CandidateRecord]:
    """The records, each refused as a TypeError that says what it is, where the engine
    would fail on it with an AttributeError naming a field of a record."""
    if isinstance(records, CandidateRecord):
        raise TypeError("records must be an iterable of CandidateRecord, not one record: "
                        "give [record]")
    for n, record in enumerate(records):
        if not isinstance(record, CandidateRecord):
            raise TypeError(f"records[{n}] is a {type(record).__name__}, not a "
                            "CandidateRecord (CandidateRecord.model_validate(data) checks "
                            "a record's data as a record file is checked)")
        yield record


def _check_workers(workers: int) -> None:
    """A number of processes is a whole number from 1, as `--workers` takes it; 0 or less
    screened in this process as if 1 had been given, and True as 1."""
    if isinstance(workers, bool) or not isinstance(workers, int):
        raise TypeError(f"workers must be an int, not {type(workers).__name__} {workers!r}")
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, not {workers}")


def _check_stage(stage: str) -> None:
    if stage not in SOURCES:
        raise ValueError(f"unknown stage {stage!r}; one of {', '.join(SOURCES)}")


def screen(profile: Profile, records: Iterable[CandidateRecord], stage: str = DEFAULT_STAGE,
           as_of: date | None = None) -> Screening:
    """Screen records once: compiles the profile for this call. To screen with one profile
    again and again, make a Screener and keep it."""
    with Screener(profile) as screener:
        return screener.screen(records, stage, as_of)


@contextmanager
def no_collections() -> Iterator[None]:
    """No garbage collection while a call holds every result until it ranks them: the
    collector would only rescan them (8-15 % of the engine path, measured) and finds no
    cycles in them; what a call leaves is collected after it as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# runs now tuning the collector, and the threshold the first of them found; the threshold
# is the process's, so only the last run to end may put it back
_tuning = threading.Lock()
_tuned_runs = 0
_found_threshold = gc.get_threshold()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Results pile up until ranked and hold no reference cycles, yet the default collector
    rescans them ever more often: a third of the time at 5,000 results (measured)."""
    global _tuned_runs, _found_threshold
    with _tuning:
        if not _tuned_runs:
            _found_threshold = gc.get_threshold()
            gc.set_threshold(100_000, 50, 100)
        _tuned_runs += 1
    try:
        yield
    finally:
        with _tuning:
            _tuned_runs -= 1
            if not _tuned_runs:
                gc.set_threshold(*_found_threshold)
