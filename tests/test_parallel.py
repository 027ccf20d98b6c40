"""Screening many records (screening/parallel.py): chunking, when a pool is worth starting,
worker processes giving what one process gives, and what a chunk carries with the audit
trail on or off, rendering, and strict assessments."""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from screening.candidates import (
    LineSpan,
    RawInput,
    iter_inputs,
    iter_sources,
    load_records,
    read_sources,
)
from screening.parallel import (
    CHUNK_SIZE,
    LAST_PIECE,
    POOL_FROM_BYTES,
    Job,
    _pool_context,
    auto_workers,
    chunks_of,
    pool_chunks,
    screen_chunk,
    screen_many,
    weight_of,
)
from screening.profiles import Profile
from screening.report import jsonl_line
from screening.rulefiles import load_profile
from screening.screen import Screener

from .conftest import EXAMPLES, HELSINGOR, ROOT


@pytest.mark.parametrize("count, size, lengths", [
    (0, 3, []), (2, 3, [2]), (3, 3, [3]), (7, 3, [3, 3, 1]), (1, 1, [1])])
def test_chunks_keep_input_order_and_only_the_last_is_short(count, size, lengths):
    chunks = list(chunks_of(range(count), size))
    assert [len(c) for c in chunks] == lengths
    assert list(itertools.chain.from_iterable(chunks)) == list(range(count))


def test_a_span_counts_its_lines_towards_a_chunk():
    span = lambda lines: LineSpan("pool.jsonl", 0, 10, 1, lines, (0, 0))  # noqa: E731
    inputs = [span(3), RawInput("a.yaml"), RawInput("b.yaml"), span(2), span(4), span(1)]
    assert list(chunks_of(inputs, 4)) == [inputs[:2], inputs[2:4], inputs[4:5], inputs[5:]]


def test_chunks_are_taken_as_the_input_comes():
    """An endless input gives its first chunk: memory stays flat however many records."""
    assert next(chunks_of(itertools.count(), 4)) == [0, 1, 2, 3]


@pytest.mark.parametrize("files", [0, 3, CHUNK_SIZE + 3])
def test_a_pool_gets_the_last_chunk_in_pieces(tmp_path, files):
    """The spans of a pool and the record files after it, in chunks; the last chunk in
    pieces of LAST_PIECE, so that the workers finish close together."""
    pool, count = _pool(EXAMPLES[0], tmp_path, copies=150)
    inputs = [*iter_sources([pool], [], CHUNK_SIZE),
              *(RawInput(f"{n}.yaml") for n in range(files))]
    chunks = list(pool_chunks(iter(inputs)))
    weights = [sum(map(weight_of, chunk)) for chunk in chunks]
    whole = list(chunks_of(inputs))
    assert chunks[:len(whole) - 1] == whole[:-1]
    assert weights[len(whole) - 1:] == [len(c) for c in chunks_of(range(
        sum(map(weight_of, whole[-1]))), LAST_PIECE)]
    unread: list = []
    assert [r for chunk in chunks for r in read_sources(chunk, unread)] == \
        list(read_sources(inputs, []))
    assert sum(weights) == count + files


def test_pool_chunks_are_taken_as_the_input_comes():
    """One chunk is held back, no more."""
    assert next(pool_chunks(RawInput(str(n)) for n in itertools.count())) == \
        [RawInput(str(n)) for n in range(CHUNK_SIZE)]


def _sized(path, size: int):
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                    reason="this system starts no process by fork")
def test_workers_are_forked_only_from_a_process_of_one_thread(monkeypatch):
    """Forking copies other threads' locks as they are: a process running threads of its
    own, Python's or a native library's, starts workers from a fork server instead."""
    fresh = subprocess.run([sys.executable, "-c", "from screening.parallel import "
                            "_pool_context; print(_pool_context().get_start_method())"],
                           capture_output=True, text=True, check=True, cwd=ROOT)
    assert fresh.stdout.split() == ["fork"]
    waiting = threading.Event()
    python_thread = threading.Thread(target=waiting.wait)
    python_thread.start()
    try:
        assert _pool_context().get_start_method() == "forkserver"
    finally:
        waiting.set()
        python_thread.join()
    if Path("/proc/self/task").is_dir():  # as the system lists a native library's threads
        monkeypatch.setattr(threading, "active_count", lambda: 1)
        monkeypatch.setattr(os, "listdir", lambda path: ["1", "2"])
        assert _pool_context().get_start_method() == "forkserver"


def test_a_pool_is_started_only_for_a_large_input(tmp_path, monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 7)
    small = _sized(tmp_path / "small.jsonl", POOL_FROM_BYTES)
    assert auto_workers([small]) == 1
    assert auto_workers([_sized(tmp_path / "large.jsonl", POOL_FROM_BYTES + 1)]) == 7
    folder = tmp_path / "folder"
    folder.mkdir()
    for name in ("a.yaml", "b.yaml"):  # neither alone, but together over the threshold
        _sized(folder / name, POOL_FROM_BYTES // 2 + 1)
    assert auto_workers([folder]) == 7
    assert auto_workers([small, tmp_path / "large.jsonl"]) == 7  # summed over the paths
    monkeypatch.setattr("os.cpu_count", lambda: None)  # unknown: one process
    assert auto_workers([folder]) == 1


def test_only_the_files_a_run_reads_count_towards_a_pool(tmp_path, monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 7)
    _sized(tmp_path / "k01.yaml", 100)
    _sized(tmp_path / "opslag.pdf", POOL_FROM_BYTES + 1)  # beside the records, never read
    assert auto_workers([tmp_path]) == 1
    assert auto_workers([tmp_path / "missing.jsonl"]) == 1  # the run reports it


def _pool(folder, tmp_path, copies: int):
    """The example records of `folder` as JSON Lines, `copies` times over (new ids), with
    a line that is no record at the start."""
    records = [r.record for r in load_records([folder])[0]]
    path = tmp_path / "pool.jsonl"
    lines = ["{not json"]
    for n in range(copies):
        for record in records:
            data = record.model_dump(mode="json", exclude_none=True)
            lines.append(json.dumps({**data, "id": f"{record.id}-{n}"}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, 1 + copies * len(records)


def _audited(profile: Profile) -> Job:
    return Job(profile, "samtale2", None, audit=True)


def _screened(folder, job_of, inputs, workers: int = 1):
    """What `screen_many` gives for the inputs with the profile of the example `folder` and
    the job `job_of` makes from the profile, with `workers` processes."""
    profile = load_profile(ROOT / "rules" / f"{folder.name}.yaml")
    with Screener(profile) as screener:
        return list(screen_many(screener, job_of(profile), inputs, workers))


def _flat(chunks):
    """Everything the chunks carry, in order, with the chunk boundaries left out."""
    chunks = list(chunks)
    return {name: [x for c in chunks for x in getattr(c, name)]
            for name in ("problems", "sources", "results", "rendered", "inputs", "warnings",
                         "hashes")} | {"invalid": sum(c.invalid for c in chunks)}


@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda p: p.name)
def test_worker_processes_give_what_one_process_gives(folder, tmp_path):
    pool, count = _pool(folder, tmp_path, copies=70)  # more than one chunk of 500
    one, two = (_flat(_screened(folder, _audited, iter_inputs([pool], []), workers))
                for workers in (1, 2))
    assert len(one["results"]) == count - 1 and one["invalid"] == 1
    assert [p.line for p in one["problems"]] == [1]
    assert one["sources"] == [f"{pool}:{n}" for n in range(2, count + 1)]  # input order
    assert one == two


def test_no_more_processes_are_started_than_there_are_cores(tmp_path, monkeypatch):
    """A pool forks all its processes at once: `--workers 1000`, typed by mistake, forked
    1000 copies of the screening on a machine of 2 cores."""
    import concurrent.futures

    started: list[int] = []

    class Counted(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, max_workers, *args):
            started.append(max_workers)
            super().__init__(max_workers, *args)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Counted)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    pool, count = _pool(EXAMPLES[0], tmp_path, copies=2)
    screened = _flat(_screened(EXAMPLES[0], _audited, iter_inputs([pool], []), 1000))
    assert started == [2] and len(screened["results"]) == count - 1
    monkeypatch.setattr(os, "cpu_count", lambda: None)  # unknown: one, this process
    assert _flat(_screened(EXAMPLES[0], _audited, iter_inputs([pool], []), 1000)) == screened
    assert started == [2]


def test_workers_read_their_spans_and_locate_bad_lines_past_the_first_chunk(tmp_path):
    pool, count = _pool(EXAMPLES[0], tmp_path, copies=150)
    lines = pool.read_bytes().split(b"\n")
    lines[CHUNK_SIZE + 99] = lines[CHUNK_SIZE + 99].replace(b'"id"', b'\xff"id"')  # not UTF-8
    lines[2 * CHUNK_SIZE + 4] = b"[1]"
    pool.write_bytes(b"\n".join(lines))
    one, two = (_flat(_screened(EXAMPLES[0], _audited, iter_sources([pool], [], CHUNK_SIZE),
                                workers))
                for workers in (1, 2))
    bad = [CHUNK_SIZE + 100, 2 * CHUNK_SIZE + 5]
    assert [(p.line, p.code) for p in one["problems"]] == [(1, "E004"), (bad[0], "E003"),
                                                          (bad[1], "E005")]
    assert one["invalid"] == 3  # a line that cannot be read is an invalid input too
    assert one["sources"] == [f"{pool}:{n}" for n in range(2, count + 1) if n not in bad]
    assert one == two


def test_the_lines_of_a_pool_replaced_mid_run_count_as_invalid_inputs(tmp_path):
    pool, count = _pool(EXAMPLES[0], tmp_path, copies=150)
    spans = list(iter_sources([pool], [], CHUNK_SIZE))
    replacement = tmp_path / "replacement.jsonl"
    replacement.write_bytes(pool.read_bytes())
    replacement.replace(pool)  # the same text, but another file than the one scanned
    chunks = _screened(EXAMPLES[0], lambda profile: Job(profile, "samtale2", None), spans)
    assert sum(len(c.results) for c in chunks) == 0
    assert sum(c.invalid for c in chunks) == count
    assert {p.code for c in chunks for p in c.problems} == {"E001"}


@pytest.mark.parametrize("taken", [1, None], ids=["stopped-early", "to-the-end"])
def test_workers_leave_no_chunk_files_behind(tmp_path, monkeypatch, taken):
    """Workers hand chunks back as files in a temporary folder: it goes when a run ends,
    also when it stops early, and holds nothing that others may read meanwhile."""
    pool, _count = _pool(EXAMPLES[0], tmp_path, copies=150)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    seen_folders = []
    profile = load_profile(ROOT / "rules" / f"{EXAMPLES[0].name}.yaml")
    with Screener(profile) as screener:
        chunks = screen_many(screener, _audited(profile),
                             iter_sources([pool], [], CHUNK_SIZE), 2)
        for chunk in itertools.islice(chunks, taken):
            assert chunk.results
            seen_folders.extend((f, f.stat().st_mode & 0o077) for f in temporary.iterdir())
        chunks.close()
    assert len(set(seen_folders)) == 1 and seen_folders[0][1] == 0  # the owner's alone
    assert list(temporary.iterdir()) == []


def test_a_chunk_keeps_inputs_for_the_audit_only_when_asked(helsingor, candidates):
    raws = [RawInput(str(p)) for p in sorted(candidates.iterdir())]
    with Screener(helsingor, HELSINGOR) as screener:
        plain = screen_chunk(screener, Job(helsingor, "samtale2", None), raws)
        audited = screen_chunk(screener, Job(helsingor, "samtale2", None, audit=True), raws)
    assert plain.inputs == [] and plain.rendered == []
    assert plain.results == audited.results
    assert [i.candidate for i in audited.inputs] == [r.id for r in audited.results]
    assert [i.source for i in audited.inputs] == audited.sources == [r.path for r in raws]
    assert [i.sha256 for i in audited.inputs] == audited.hashes
    strong = next(i for i in audited.inputs if i.candidate == "strong")
    assert "personal" not in strong.record and strong.personal == {
        "name": "Mette Holm", "email": "mette@example.dk"}  # kept apart, to be erased
    assert next(i for i in audited.inputs if i.candidate == "sparse").personal is None


def test_a_rendering_job_sends_back_lines_and_summaries(helsingor, candidates):
    raws = [RawInput(str(p)) for p in sorted(candidates.iterdir())]

    def render(result):
        return jsonl_line(helsingor, "samtale2", helsingor.meta.date, result)

    with Screener(helsingor, HELSINGOR) as screener:
        full = screen_chunk(screener, Job(helsingor, "samtale2", None), raws)
        rendered = screen_chunk(screener, Job(helsingor, "samtale2", None, render), raws)
    assert rendered.rendered == [render(r) for r in full.results]
    assert [(r.id, r.knockouts, r.outcomes) for r in rendered.results] == \
        [(r.id, r.knockouts, ()) for r in full.results]


def test_an_unknown_competency_warns_or_with_strict_makes_the_record_invalid(helsingor,
                                                                             tmp_path):
    record = tmp_path / "k.yaml"
    record.write_text("id: k\nassessments:\n  - {competency: fantasi, source: samtale1, "
                      "score: 4}\n", encoding="utf-8")
    with Screener(helsingor, HELSINGOR) as screener:
        lenient = screen_chunk(screener, Job(helsingor, "samtale2", None),
                               [RawInput(str(record))])
        strict = screen_chunk(screener, Job(helsingor, "samtale2", None, strict=True),
                              [RawInput(str(record))])
    assert [r.id for r in lenient.results] == ["k"] and lenient.invalid == 0
    assert lenient.problems == [] and len(lenient.warnings) == 1
    assert strict.results == [] and strict.invalid == 1
    assert strict.problems == lenient.warnings and strict.warnings == []


@pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(),
                    reason="this system has no fork server")
def test_workers_not_forked_word_the_results_in_the_callers_language():
    """A caller running threads of its own gets workers from a fork server, which knew
    nothing of set_language("en"): with two workers every line was worded in Danish, with
    one in English."""
    probe = f"""
import json, threading
from functools import partial
from screening import Screener, load_profile
from screening.i18n import set_language
from screening.report import jsonl_line
profile = load_profile({str(HELSINGOR)!r})
set_language("en")
waiting = threading.Event()
thread = threading.Thread(target=waiting.wait)
thread.start()
worded = {{}}
try:
    for workers in (1, 2):
        lines = []
        with Screener(profile) as screener:
            screener.stream_paths([{str(EXAMPLES[0].parent / HELSINGOR.stem)!r}],
                                  partial(jsonl_line, profile, "reference", profile.meta.date),
                                  lambda _result, line: lines.append(line), "reference",
                                  workers=workers)
        worded[workers] = [m for line in lines for c in json.loads(line)["criteria"]
                           for m in c["missing"]]
finally:
    waiting.set()
    thread.join()
print(json.dumps(worded))
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    worded = json.loads(done.stdout.splitlines()[-1])
    assert worded["1"] and worded["2"] == worded["1"]
    assert any(m.startswith("no assessment of") for m in worded["2"])
