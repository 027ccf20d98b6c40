"""The audit store: SQLite, one file, created on first use.

Tables:
- `entries`: the hash chain (runs, candidate results, decisions, erasures); append-only.
- `head`: the last sequence number and hash, written in the same transaction, so that
  cutting entries off the end is detected too.
- `blobs`: rule files and candidate records (without personal data) by sha256, for replay;
  the chain holds their hashes, so a changed blob is detected.
- `personal`: name and contact per run and candidate, outside the chain: `erase` deletes it
  and the chain still verifies.

A run is written in one transaction at its end (BEGIN IMMEDIATE, WAL): a process killed
mid-run leaves nothing, and concurrent writers queue instead of interleaving.

An entry's body is JSON, covered by its hash, so what a run records can grow without a new
table or column: a store keeps the runs written before a field existed as they were, and
they verify as they did. Readers take such a field with its absence in mind (`command_of`).
"""

from __future__ import annotations

import getpass
import hashlib
import os
import secrets
import sqlite3
import stat
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..display import file_name, one_line
from ..errors import InputError, Problem
from ..messages import Message, message, os_reason
from ..vocabulary import did_you_mean
from .chain import GENESIS, StoredEntry, canonical, entry_hash, verify
from .decisions import (
    Decision,
    DecisionBook,
    ProfileKey,
    check_decision,
    check_words,
    standing,
)

BUSY_SECONDS = 60  # how long a writer waits for another to finish writing

ENTRY_COLUMNS = "seq, kind, run, candidate, created, body, previous, hash"  # as StoredEntry
APPLICATION_ID = 0x53435231  # "SCR1": marks the file as ours
TABLES = {"entries", "head", "blobs", "personal"}
SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, run TEXT NOT NULL, candidate TEXT,
    created TEXT NOT NULL, body TEXT NOT NULL, previous TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS entries_run ON entries (run, candidate);
CREATE INDEX IF NOT EXISTS entries_kind ON entries (kind, run);
CREATE TABLE IF NOT EXISTS head (one INTEGER PRIMARY KEY CHECK (one = 1), seq INTEGER,
    hash TEXT);
CREATE TABLE IF NOT EXISTS blobs (sha256 TEXT PRIMARY KEY, content BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS personal (run TEXT NOT NULL, candidate TEXT NOT NULL,
    data TEXT NOT NULL, PRIMARY KEY (run, candidate));
"""


def operator() -> str:
    try:  # a user name that is no UTF-8 as `ls -b` shows it: the store holds only text
        return file_name(getpass.getuser())
    except (KeyError, OSError):  # no user name in a container: say so rather than guess
        return "ukendt"


def person(name: str | None) -> str:
    """Who is recorded as doing something: `name` on one line, or the OS user name when it
    names nobody (not given, or blank: spaces, a bell, a zero-width space)."""
    return one_line(name or "") or operator()


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class CandidateInput:
    """What the audit keeps of one screened record."""

    candidate: str
    source: str  # file (and line) it came from
    sha256: str  # of the input as read
    record: dict  # the record without personal data, for replay
    personal: dict | None


class AuditStore:
    """The store holds personal data: a new store's folder is made 0700 and its file 0600
    (SQLite gives its -wal and -shm files the file's mode). With `create=False` nothing is
    created or written unless the store is already there and ours. With `read_only=True`
    (implying `create=False`) nothing is ever written and no lock is taken: a reader never
    waits for a run being recorded, and a store the user may only read can be read."""

    def __init__(self, path: str | Path, create: bool = True, read_only: bool = False):
        self.path = Path(path)
        create = create and not read_only
        try:
            kind = self.path.stat().st_mode
        except OSError:
            kind = None  # no store yet, or none that can be reached: opening it says which
        if kind is not None and not (stat.S_ISREG(kind) or stat.S_ISDIR(kind)):
            # a FIFO would be waited on for ever, opened to read or to write; a device such
            # as /dev/null would take a run and keep nothing (a folder: opening it says so)
            raise _bad(self.path, message("not_regular_file"))
        if not self.path.exists() and not create:
            raise _bad(self.path, message("no_audit_store"))
        try:
            if create:
                self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
            mode = "?mode=ro" if read_only else "" if create else "?mode=rw"
            self.db = sqlite3.connect(self.path.resolve().as_uri() + mode,
                                      timeout=BUSY_SECONDS, isolation_level=None, uri=True)
            self.db.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
            if read_only:
                self._read_prepared()
            else:
                self._prepare(create)
            if create:
                keep_reserve(self.path)
        except sqlite3.Error as exc:
            raise _bad(self.path, store_fault(exc)) from None
        except OSError as exc:
            raise _bad(self.path, message("cannot_open_store", reason=os_reason(exc))) from None

    def _prepare(self, create: bool) -> None:
        # checked and created under the write lock: of several processes opening a new
        # store at once, one creates it and the others find it whole (not half made)
        with self.transaction():
            if self._check_ours(create) == 0:
                self.db.execute(f"PRAGMA application_id={APPLICATION_ID}")
            # every statement is IF NOT EXISTS: a store made by an earlier version gets
            # what was added since (the index by kind) from its first writer
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self.db.execute(statement)
        self._in_wal_mode()  # only once the file is known to be ours

    def _in_wal_mode(self) -> None:
        """WAL mode. Changing the journal mode takes the write lock without waiting for a
        process that holds it (SQLite's rule against deadlocks: the busy timeout is not
        used), as the first writers of a new store do at once; one of several processes
        recording their first runs together failed with "låst" (E401). So it is tried
        again until the busy timeout has passed."""
        deadline = time.monotonic() + BUSY_SECONDS
        while True:
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    def _read_prepared(self) -> None:
        """Checked in one snapshot, so a store being created by another process is seen
        before or after, never half made."""
        with self.snapshot():
            self._check_ours(create=False)

    def _check_ours(self, create: bool) -> int:
        """The file's application id, once it is known to be a store of ours (or, when
        `create`, an empty file to make one in)."""
        app_id: int = self.db.execute("PRAGMA application_id").fetchone()[0]
        tables = self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables):
            raise _bad(self.path, message("foreign_sqlite"))
        if app_id == 0 and not create:  # e.g. an empty file: never write a schema into it
            raise _bad(self.path, message("not_a_store", why=message("an_empty_file")))
        names = {name for (name,) in self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app_id == APPLICATION_ID and not names >= TABLES:
            raise _bad(self.path, message("store_table_missing"))
        return app_id

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")  # take the write lock now: writers queue here
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads that must agree see the store as it was at the first of them, whatever
        another process commits meanwhile; in WAL mode the read waits for no writer."""
        if self.db.in_transaction:
            yield
            return
        self.db.execute("BEGIN")
        try:
            yield
        finally:
            self.db.execute("COMMIT")

    # --- writing ---------------------------------------------------------------------------

    def _append(self, kind: str, run: str, candidate: str | None, body: dict) -> int:
        row = self.db.execute("SELECT seq, hash FROM head").fetchone()
        seq, previous = (row[0] + 1, row[1]) if row else (1, GENESIS)
        created, text = now(), canonical(body)
        digest = entry_hash(previous, seq, kind, run, candidate, created, text)
        self.db.execute("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (seq, kind, run, candidate, created, text, previous, digest))
        self.db.execute("INSERT OR REPLACE INTO head VALUES (1, ?, ?)", (seq, digest))
        return seq

    def _blob(self, content: bytes) -> str:
        digest = sha256(content)
        self.db.execute("INSERT OR IGNORE INTO blobs VALUES (?, ?)", (digest, content))
        return digest

    def record_run(self, run: dict, rule_files: list[tuple[str, bytes]],
                   results: Iterable[tuple[CandidateInput, dict]]) -> str:
        """One screening: its settings and rule files, then each result with its input.
        `results` is read once, as it comes: a run of any size is written in flat memory."""
        run_id = new_run_id()
        with self.transaction():
            files = [{"path": path, "sha256": self._blob(content)} for path, content in rule_files]
            self._append("run", run_id, None, {**run, "rule_files": files})
            for item, result in results:
                source = {"source": item.source, "sha256": item.sha256,
                          "record": self._blob(canonical(item.record).encode())}
                if item.personal:
                    self.db.execute("INSERT OR REPLACE INTO personal VALUES (?, ?, ?)",
                                    (run_id, item.candidate, canonical(item.personal)))
                self._append("result", run_id, result["id"], {**result, "input": source})
        return run_id

    def decide(self, run: str, candidate: str, decision: str, reason: str, by: str,
               supersede: bool = False) -> Decision:
        """Append a decision; refused (DecisionRefused) when it needs a knock-out the
        candidate does not have, or reverses the standing decision without `supersede`.
        The standing decision is the one screen shows beside the candidate: the latest on
        the same evidence, in this run or another run of the same profile, stage, date and
        record. Checked and written under the write lock, so two people cannot both be
        first."""
        check_words(reason, by)
        result = self.result(run, candidate)
        meta = self.run(run)
        with self.transaction():
            current = self.standing_for_inputs(
                ProfileKey.of_run(meta["profile"]), meta["stage"], meta["as_of"],
                {candidate: result["input"]["sha256"]}).get(candidate)
            target, outcome = check_decision(decision, bool(result.get("knockouts")), current,
                                             supersede)
            body = {"decision": decision, "target": target, "outcome": outcome,
                    "reason": reason, "by": by, "knockouts": result.get("knockouts", []),
                    "recommendation": result.get("recommendation"),
                    "supersedes": current.seq if current else None}
            seq = self._append("decision", run, candidate, body)
        created = self.db.execute("SELECT created FROM entries WHERE seq = ?", (seq,)
                                  ).fetchone()[0]
        return Decision.from_entry(seq, run, candidate, created, body)

    def erase(self, candidate: str, by: str) -> int:
        """Delete the candidate's personal data from every run; the chain records that it
        happened, not what it was."""
        with self.transaction():
            gone = self.db.execute("DELETE FROM personal WHERE candidate = ?",
                                   (candidate,)).rowcount
            self._append("erasure", "-", candidate, {"by": by, "runs_erased": gone})
        return gone

    # --- reading ---------------------------------------------------------------------------

    def entries(self) -> Iterator[StoredEntry]:
        for row in self.db.execute(f"SELECT {ENTRY_COLUMNS} FROM entries ORDER BY rowid"):
            yield StoredEntry(*row)

    def verify(self) -> list[Message]:
        with self.snapshot():  # a run committed meanwhile is not a head cut off or moved
            return self._verified()

    def _verified(self) -> list[Message]:
        problems = verify(self.entries())
        head = self.db.execute("SELECT seq, hash FROM head").fetchone()
        last = self.db.execute("SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1"
                               ).fetchone()
        if head != last and head and last and head[0] == last[0]:
            problems.append(message("head_hash_mismatch", seq=last[0]))
        elif head != last:
            problems.append(message("head_mismatch", last=last and last[0],
                                    head=head and head[0]))
        for digest, content in self.db.execute("SELECT sha256, content FROM blobs"):
            if sha256(content) != digest:
                problems.append(message("blob_changed", digest=digest[:12]))
        stored = {digest for (digest,) in self.db.execute("SELECT sha256 FROM blobs")}
        for entry in self.entries():
            for digest in _referenced_blobs(entry):
                if digest not in stored:
                    problems.append(message("blob_missing", seq=entry.seq, digest=digest[:12]))
        return problems

    def head(self) -> tuple[int, str] | None:
        return self.db.execute("SELECT seq, hash FROM head").fetchone()

    def _read(self, where: str, params: tuple = ()) -> list[tuple[StoredEntry, Any]]:
        """The entries `where` says, oldest first, each with its body read; an entry whose
        hash no longer covers what it holds (a body edited in the file) is a named problem,
        never followed or shown as what was recorded."""
        found = []
        for row in self.db.execute(f"SELECT {ENTRY_COLUMNS} FROM entries WHERE {where} "
                                   "ORDER BY seq", params):
            e = StoredEntry(*row)
            if entry_hash(e.previous, e.seq, e.kind, e.run, e.candidate, e.created,
                          e.body) != e.hash:
                raise _bad(self.path, message("entry_changed_read", seq=e.seq, kind=e.kind,
                                              run=e.run))
            found.append((e, _json(e.body)))
        return found

    def runs(self) -> list[dict]:
        # candidates decided on, not entries: a superseded decision is history, not another one
        decisions = dict(self.db.execute("SELECT run, count(DISTINCT candidate) FROM entries "
                                         "WHERE kind = 'decision' GROUP BY run").fetchall())
        return [{"run": e.run, "created": e.created, "decisions": decisions.get(e.run, 0),
                 **body} for e, body in self._read("kind = 'run'")]

    def run(self, run: str) -> dict:
        found = self._read("kind = 'run' AND run = ?", (run,))
        if not found:
            known = [r["run"] for r in self.runs()[-5:]]
            raise _bad(self.path, message("no_run", run=run)
                       + (message("latest_runs", runs=", ".join(known)) if known else ""))
        (e, body), = found
        return {"run": run, "created": e.created, **body}

    def results(self, run: str) -> list[dict]:
        self.run(run)
        return [body for _, body in self._read("kind = 'result' AND run = ?", (run,))]

    def result(self, run: str, candidate: str) -> dict:
        self.run(run)
        found = self._read("kind = 'result' AND run = ? AND candidate = ?", (run, candidate))
        if found:  # one entry read and checked, not every result of the run
            return found[0][1]
        known = [c for (c,) in self.db.execute("SELECT candidate FROM entries WHERE kind = "
                                                "'result' AND run = ?", (run,))]
        raise _bad(self.path, message("run_without_candidate", run=run, candidate=candidate)
                   + did_you_mean(candidate, known))

    def decisions(self, run: str, candidate: str | None = None) -> list[dict]:
        return [d.as_dict() for d in self.decision_records(run, candidate)]

    def decision_records(self, run: str, candidate: str | None = None) -> list[Decision]:
        return [d for d in self._decisions("AND run = ?", (run,))
                if candidate in (None, d.candidate)]

    def run_decisions(self, run: str, profile: ProfileKey, stage: str, as_of: str,
                      inputs: dict[str, str]) -> dict[str, Decision]:
        """The decisions standing on the evidence `run` screened (made in it, or in another
        screening of the same records, a later one superseding), shown beside candidates
        screened now (id -> record sha256, where known): standing where the run screened
        the same evidence (the same profile, stage, date and record), otherwise marked as
        made on other evidence; for a candidate with none there, the latest decision on other
        evidence, marked, as `decisions_shown` gives it."""
        meta, screened, alike, there = self._standing_in_run(run, profile, stage, as_of)
        shown = {c: d if alike and inputs.get(c) in (None, screened[c])
                 else d.made_in(meta["stage"], meta["as_of"], _because(meta, profile, stage, as_of))
                 for c, d in there.items()}
        # a candidate nobody decided on the run's evidence may have been decided on other
        # evidence (stopped after the application): shown marked, as without --run
        others = set(inputs) - set(shown)
        return {**shown, **_earlier(self._decided_about(others), meta["profile"]["id"], others,
                                    profile, stage, as_of)}

    def _standing_in_run(self, run: str, profile: ProfileKey, stage: str, as_of: str
                         ) -> tuple[dict, dict[str, str], bool, dict[str, Decision]]:
        """Of `run`: its meta, the record sha256 of each candidate it screened, whether it
        screened on this profile, stage and date, and the decisions standing on its
        evidence."""
        meta = self.run(run)
        screened = {r["id"]: r["input"]["sha256"] for r in self.results(run)}
        alike = _alike(meta, profile, stage, as_of)
        there = self.standing_for_inputs(ProfileKey.of_run(meta["profile"]), meta["stage"],
                                         meta["as_of"], screened)
        return meta, screened, alike, there

    def standing_for_inputs(self, profile: ProfileKey, stage: str, as_of: str,
                            inputs: dict[str, str]) -> dict[str, Decision]:
        """Standing decisions about these inputs (candidate id -> record sha256) in any run
        of the same profile, stage and date: the latest decision on the same evidence."""
        return standing(self.decisions_for_inputs(profile, stage, as_of, inputs))

    def decisions_for_inputs(self, profile: ProfileKey, stage: str, as_of: str,
                             inputs: dict[str, str]) -> list[Decision]:
        """Every decision about these inputs (candidate id -> record sha256) in any run of
        the same profile, stage and date, oldest first."""
        return self._on_evidence(self._decided_about(inputs), profile, stage, as_of, inputs)

    def decisions_shown(self, profile: ProfileKey, profile_id: str, stage: str, as_of: str,
                        inputs: dict[str, str]) -> dict[str, Decision]:
        """The decision shown beside each of these candidates (id -> record sha256): the
        standing one on the same evidence, in any run; for a candidate with none, the latest
        made on other evidence, marked as such."""
        return self.decisions_with_history(profile, profile_id, stage, as_of, inputs)[1]

    def decisions_with_history(self, profile: ProfileKey, profile_id: str, stage: str,
                               as_of: str, inputs: dict[str, str]
                               ) -> tuple[list[Decision], dict[str, Decision]]:
        """`decisions_for_inputs` and `decisions_shown` at once: the decisions and their runs
        are read once for both."""
        about = self._decided_about(inputs)
        history = self._on_evidence(about, profile, stage, as_of, inputs)
        shown = standing(history)
        return history, {**shown, **_earlier(about, profile_id, set(inputs) - set(shown),
                                              profile, stage, as_of)}

    def decision_book(self, profile: ProfileKey, profile_id: str, stage: str,
                      as_of: str) -> DecisionBook:
        """`decisions_shown` for candidates not known yet, read once: every decision made in
        a run of the profile, with the record each was made on where the run screened this
        version, stage and date."""
        about = self._decided_on(profile_id)
        on_evidence: dict[str, list[tuple[str, Decision]]] = {}
        for d, r in about:
            if _alike(r, profile, stage, as_of):
                made_on = self._input_sha256(d.run, d.candidate)
                if made_on is not None:
                    on_evidence.setdefault(d.candidate, []).append((made_on, d))
        return DecisionBook({c: tuple(made) for c, made in on_evidence.items()},
                            _earlier(about, profile_id, {d.candidate for d, _ in about},
                                     profile, stage, as_of))

    def run_decision_book(self, run: str, profile: ProfileKey, stage: str,
                          as_of: str) -> DecisionBook:
        """`run_decisions` for candidates not known yet, read once: standing beside a record
        of the sha256 `run` screened on this profile, stage and date, otherwise marked as
        made on other evidence."""
        meta, screened, alike, there = self._standing_in_run(run, profile, stage, as_of)
        about = self._decided_on(meta["profile"]["id"])
        # a candidate nobody decided on the run's evidence shows the latest decision on other
        # evidence, as `run_decisions` does
        return DecisionBook({c: ((screened[c], d),) for c, d in there.items()} if alike else {},
                            {**_earlier(about, meta["profile"]["id"],
                                        {d.candidate for d, _ in about} - set(there),
                                        profile, stage, as_of),
                             **{c: d.made_in(meta["stage"], meta["as_of"],
                                             _because(meta, profile, stage, as_of))
                                for c, d in there.items()}})

    def run_decisions_shown(self, run: str) -> dict[str, Decision]:
        """`decisions_shown` for the candidates of a recorded run, on its evidence."""
        meta = self.run(run)
        return self.decisions_shown(ProfileKey.of_run(meta["profile"]), meta["profile"]["id"],
                                    meta["stage"], meta["as_of"],
                                    {r["id"]: r["input"]["sha256"] for r in self.results(run)})

    def _decided_on(self, profile_id: str) -> list[tuple[Decision, dict]]:
        """Each decision made in a run of the profile (by its id: any version), oldest first,
        with its run, each run read once."""
        runs: dict[str, dict] = {}
        about = []
        for d in self._decisions():
            if d.run not in runs:
                runs[d.run] = self.run(d.run)
            if runs[d.run]["profile"]["id"] == profile_id:
                about.append((d, runs[d.run]))
        return about

    def _decided_about(self, candidates: Iterable[str]) -> list[tuple[Decision, dict]]:
        """Each decision about these candidates, oldest first, with its run: from the
        decisions (few, made by people) to their runs, each run read once."""
        wanted = set(candidates)
        decisions = [d for d in self._decisions() if d.candidate in wanted]
        runs = {run: self.run(run) for run in {d.run for d in decisions}}
        return [(d, runs[d.run]) for d in decisions]

    def _on_evidence(self, about: list[tuple[Decision, dict]], profile: ProfileKey,
                     stage: str, as_of: str, inputs: dict[str, str]) -> list[Decision]:
        """The decisions of `about` made on the same profile, stage, date and record."""
        return [d for d, r in about
                if _alike(r, profile, stage, as_of)
                and self._input_sha256(d.run, d.candidate) == inputs[d.candidate]]

    def _decisions(self, where: str = "", params: tuple = ()) -> list[Decision]:
        # a decision entry always names its candidate (decide writes none without)
        return [Decision.from_entry(e.seq, e.run, e.candidate or "", e.created, body)
                for e, body in self._read(f"kind = 'decision' {where}", params)]

    def _input_sha256(self, run: str, candidate: str) -> str | None:
        found = self._read("kind = 'result' AND run = ? AND candidate = ?", (run, candidate))
        return found[0][1]["input"]["sha256"] if found else None

    def personal(self, run: str, candidate: str) -> dict | None:
        row = self.db.execute("SELECT data FROM personal WHERE run = ? AND candidate = ?",
                              (run, candidate)).fetchone()
        return _json(row[0]) if row else None

    def blob(self, digest: str) -> bytes:
        row = self.db.execute("SELECT content FROM blobs WHERE sha256 = ?", (digest,)).fetchone()
        if row is None or sha256(row[0]) != digest:
            raise _bad(self.path, message("blob_gone", digest=digest[:12]))
        return row[0]


UNKNOWN = "–"  # shown for what a run recorded before it was recorded does not say


def command_of(run: dict[str, Any]) -> str:
    """The command that made a run (`screen`, `shortlist`, `explain`, `api` from Python);
    runs recorded before the command was recorded say none."""
    return str(run.get("command") or UNKNOWN)


def _referenced_blobs(entry: StoredEntry) -> list[str]:
    """The blobs an entry needs for replay: a run's rule files, a result's record."""
    try:
        body = _json(entry.body)
        if entry.kind == "run":
            return [f["sha256"] for f in body["rule_files"]]
        if entry.kind == "result":
            return [body["input"]["record"]]
    except (ValueError, KeyError, TypeError):
        pass  # a body that no longer reads is reported by the chain's own check
    return []


# Disk space kept beside the store (a file of zeros), given up when an erasure meets a full
# disk: the right to erasure must not wait for someone to free space.
RESERVE_BYTES = 1 << 20


def reserve_path(path: Path) -> Path:
    return path.with_name(path.name + ".reserve")


def keep_reserve(path: Path) -> None:
    """Write the reserve if it is missing; without room for it, go on without (it is a
    margin, not data)."""
    target = reserve_path(path)
    if target.exists():
        return
    try:
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError:
        return
    try:
        written = os.write(fd, bytes(RESERVE_BYTES))  # real bytes: a sparse file frees nothing
    except OSError:
        written = 0
    finally:
        os.close(fd)
    if written < RESERVE_BYTES:
        with suppress(OSError):
            target.unlink()


def erase_personal(path: Path, candidate: str, by: str | None) -> int:
    """Erase a candidate's personal data from the store at `path`, as done `by` a person
    (`person`). On a storage fault (a
    full disk stops SQLite from even opening its write-ahead log) the reserve is given up
    and the erasure tried once more; the reserve is written again when there is room."""
    def attempt() -> int:
        store = AuditStore(path, create=False)
        try:
            return store.erase(candidate, person(by))
        except sqlite3.Error as exc:
            raise _bad(path, store_fault(exc)) from None
        finally:
            store.close()

    try:
        return attempt()
    except InputError:
        reserve = reserve_path(path)
        if not reserve.exists():
            raise
        reserve.unlink()
    gone = attempt()
    keep_reserve(path)
    return gone


# SQLite's words for what went wrong with the file, and ours
_FAULTS = (
    ("readonly", message("store_read_only")),
    ("disk is full", message("store_disk_full")),
    ("malformed", message("store_corrupt")),
    ("could not decode to utf-8", message("store_not_text")),  # bytes of an entry overwritten
    ("not a database", message("not_a_store", why=message("not_sqlite"))),
    ("no such table", message("store_table_missing")),
    # a store of another version, or altered by hand
    ("no such column", message("store_column_missing")),
    ("unable to open", message("store_cannot_open")),
    ("locked", message("store_locked")),
)


def store_fault(exc: sqlite3.Error) -> Message:
    """A storage fault as a named problem: bad store or bad disk, not a bug of the tool."""
    text = str(exc).lower()
    return next((fault for key, fault in _FAULTS if key in text),
                message("store_fault", detail=str(exc)))


def _json(text: str) -> Any:
    import json

    return json.loads(text)


def _bad(path: Path, text: Message) -> InputError:
    return InputError([Problem(str(path), text, code="E401")])


def _alike(run: dict, profile: ProfileKey, stage: str, as_of: str) -> bool:
    """Whether `run` screened on the grounds of `profile` at this stage and date: the
    evidence a decision made in it stands on, the candidate's record alike."""
    return _because(run, profile, stage, as_of) == "record"


def _because(run: dict, profile: ProfileKey, stage: str, as_of: str) -> str:
    """What makes the evidence `run` screened other than this: its stage, its date, the
    profile's grounds, or else, all of them alike, the candidate's record."""
    if run["stage"] != stage:
        return "stage"
    if run["as_of"] != as_of:
        return "date"
    return "record" if profile.same_grounds(ProfileKey.of_run(run["profile"])) else "profile"


def _earlier(about: list[tuple[Decision, dict]], profile_id: str, candidates: set[str],
             profile: ProfileKey, stage: str, as_of: str) -> dict[str, Decision]:
    """The latest decision of `about` on each of `candidates` in a run of the profile (by its
    id: any version), marked with the stage and date of its run: for candidates with no
    standing decision on the evidence shown, whatever a person decided about them was
    decided on other evidence."""
    runs = {d.run: r for d, r in about}
    latest = standing(d for d, r in about
                      if d.candidate in candidates and r["profile"]["id"] == profile_id)
    return {candidate: d.made_in(runs[d.run]["stage"], runs[d.run]["as_of"],
                                 _because(runs[d.run], profile, stage, as_of))
            for candidate, d in latest.items()}
