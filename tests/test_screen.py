"""The Python API every command goes through: a Screener compiles its profile once, screens
records or files, counts, de-duplicates, ranks and records the run in the audit trail."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import threading
import warnings
from datetime import date, datetime
from functools import partial

import pytest

import screening.screen
from screening.audit.replay import replay
from screening.audit.store import AuditStore
from screening.candidates import load_records
from screening.errors import EngineError
from screening.records import CandidateRecord
from screening.report import jsonl_line, jsonl_row
from screening.rulefiles import load_profile
from screening.screen import AuditSink, Screener, screen

from .conftest import EXAMPLES, HELSINGOR, ROOT, write


def _statuses(screening):
    return [(r.id, r.rank, r.recommendation, [(o.criterion.id, o.status) for o in r.outcomes])
            for r in screening.results]


@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda p: p.name)
def test_screening_files_gives_what_screening_their_records_gives(folder):
    profile_path = ROOT / "rules" / f"{folder.name}.yaml"
    profile = load_profile(profile_path)
    records = [r.record for r in load_records([folder])[0]]
    with Screener(profile, profile_path) as screener:
        run = screener.screen_paths([folder])
        assert _statuses(run.screening) == _statuses(screener.screen(records))
    assert _statuses(run.screening) == _statuses(screen(profile, records))
    assert run.summary.screened == len(records) and run.summary.invalid == 0
    assert list(run.sources) == [r.id for r in records]  # input order


def test_bad_inputs_and_duplicates_are_reported_counted_and_skipped(helsingor, candidates):
    write(candidates, "broken.yaml", "id: [unclosed\n")
    write(candidates, "again.yaml", (candidates / "strong.yaml").read_text())
    problems = []
    with Screener(helsingor, HELSINGOR) as screener:
        run = screener.screen_paths([candidates], on_problem=problems.append)
    assert run.summary.screened == 3 and run.summary.invalid == 2
    assert len(problems) == 2
    assert [p.path for p in problems if p.code == "E102"] == [str(candidates / "strong.yaml")]
    assert [p.path for p in problems if p.code != "E102"] == [str(candidates / "broken.yaml")]
    assert run.summary.knocked_out == sum(bool(r.knockouts) for r in run.screening.results)


def test_a_run_is_recorded_in_the_audit_sink_with_its_summary(helsingor, candidates, tmp_path):
    store_path = tmp_path / "run.db"
    with Screener(helsingor, HELSINGOR) as screener:
        run = screener.screen_paths([candidates], audit=AuditSink(store_path, "Mette"))
    store = AuditStore(store_path, create=False)
    try:
        stored = store.run(run.run_id)
        assert stored["operator"] == "Mette"
        assert stored["summary"]["screened"] == run.summary.screened == 3
        assert store.verify() == []
    finally:
        store.close()


def test_without_an_audit_sink_nothing_is_recorded(helsingor, candidates, tmp_path):
    with Screener(helsingor, HELSINGOR) as screener:
        run = screener.screen_paths([candidates])
    assert run.run_id is None and not (tmp_path / "audit.db").exists()


def test_streaming_writes_each_result_in_input_order_and_records_it(helsingor, candidates,
                                                                     tmp_path):
    lines: list[str] = []
    render = lambda result: jsonl_line(helsingor, "samtale2", helsingor.meta.date, result)  # noqa: E731
    with Screener(helsingor, HELSINGOR) as screener:
        run = screener.stream_paths([candidates], render,
                                    lambda _result, line: lines.append(line),
                                    audit=AuditSink(tmp_path / "run.db"))
        ranked = screener.screen_paths([candidates])
    assert [json.loads(line)["id"] for line in lines] == list(ranked.sources)
    assert run.screening is None and run.run_id is not None
    assert run.summary.screened == ranked.summary.screened


@pytest.mark.parametrize("workers", [1, 2])
def test_a_result_rendered_as_bytes_is_written_as_those_bytes(helsingor, candidates, tmp_path,
                                                              workers):
    texts: list[str] = []
    rows: list[bytes] = []
    against = (helsingor, "samtale2", helsingor.meta.date)
    with Screener(helsingor, HELSINGOR) as screener:
        screener.stream_paths([candidates], partial(jsonl_line, *against),
                              lambda _result, line: texts.append(line), workers=workers)
        run = screener.stream_paths([candidates], partial(jsonl_row, *against),
                                    lambda _result, line: rows.append(line), workers=workers,
                                    audit=AuditSink(tmp_path / "run.db"))
    assert rows == [f"{text}\n".encode() for text in texts] and len(rows) > 1
    store = AuditStore(tmp_path / "run.db")
    try:  # the audit trail keeps what was written, but for the decision a line shows
        recorded = [{k: v for k, v in r.items() if k != "input"}
                    for r in store.results(run.run_id)]
    finally:
        store.close()
    assert recorded == [{k: v for k, v in json.loads(text).items() if k != "decision"}
                        for text in texts]


def test_worker_processes_give_the_results_of_one_process(helsingor, candidates):
    pool = candidates.parent / "pool.jsonl"
    records = [r.record for r in load_records([candidates])[0]]
    with pool.open("w", encoding="utf-8") as handle:
        for n in range(12):
            for record in records:
                handle.write(json.dumps(record.model_dump(mode="json", exclude_none=True)
                                        | {"id": f"{record.id}-{n}"}) + "\n")
    with Screener(helsingor, HELSINGOR) as screener:
        one = screener.screen_paths([pool], workers=1)
        two = screener.screen_paths([pool], workers=2)
    assert _statuses(two.screening) == _statuses(one.screening)
    assert two.summary == one.summary


def test_a_closed_screener_refuses_to_screen(helsingor, candidates):
    records = [r.record for r in load_records([candidates])[0]]
    screener = Screener(helsingor)
    screener.close()
    with pytest.raises(EngineError):
        screener.screen(records)


def test_an_unknown_stage_is_refused(helsingor):
    with Screener(helsingor) as screener, pytest.raises(ValueError):
        screener.screen([], stage="frokost")


@pytest.mark.parametrize("given", ["helsingor-direktor-2024", "rules/ishoj-direktoer.yaml"])
def test_a_profile_path_that_is_not_the_profiles_rule_file_is_refused(helsingor, candidates,
                                                                       tmp_path, given):
    """Screener(profile, "helsingor-direktor-2024") (an id, as the CLI takes) or another
    profile's file audited its runs as of that path: `audit replay` then failed with
    "E001 filen findes ikke" for every such run."""
    with pytest.raises(ValueError, match=f"profile_path '{given}' is not the rule file"):
        Screener(helsingor, given)
    another_way = HELSINGOR.parent / ".." / "rules" / HELSINGOR.name  # the same file
    with Screener(helsingor, another_way) as screener:
        run = screener.screen_paths([candidates], audit=AuditSink(tmp_path / "run.db"))
    store = AuditStore(tmp_path / "run.db")
    try:
        assert replay(store, run.run_id) == []
    finally:
        store.close()


def test_the_example_of_the_module_runs_as_written(candidates, tmp_path, monkeypatch):
    """The example atop screening/screen.py made its Screener without the rule file's path
    and then audited a run: "ValueError: auditing needs the Screener's profile_path"."""
    example = "\n".join(line[4:] for line in screening.screen.__doc__.splitlines()
                        if line.startswith("    "))
    for folder in ("rules", "examples"):
        (tmp_path / folder).symlink_to(ROOT / folder)
    monkeypatch.chdir(tmp_path)
    records = [r.record for r in load_records([candidates])[0]]
    exec(example, {"records": records})
    assert (tmp_path / "audit.db").exists()


@pytest.mark.parametrize("given", [str(HELSINGOR), HELSINGOR, None])
def test_a_profile_that_is_no_profile_is_refused_saying_how_to_load_one(given):
    """Screener("rules/helsingor-direktor-2024.yaml"), the PROFILE the CLI takes, raised
    "AttributeError: 'str' object has no attribute 'criteria'"."""
    with pytest.raises(TypeError, match=r"profile must be a Profile, not \w+ .*load_profile"):
        Screener(given)
    with pytest.raises(TypeError, match="profile must be a Profile"):
        screen(given, [])


def test_an_audit_store_given_as_its_path_is_refused_before_screening(helsingor, candidates,
                                                                     tmp_path):
    """audit="run.db" screened (or streamed) every record and then failed with
    "AttributeError: 'str' object has no attribute 'store'", nothing recorded."""
    written = []
    store = str(tmp_path / "run.db")
    with Screener(helsingor, HELSINGOR) as screener:
        with pytest.raises(TypeError, match=r"audit must be an AuditSink, not str .*"
                                            r"give AuditSink\('.*run.db'\)"):
            screener.screen_paths([candidates], audit=store)
        with pytest.raises(TypeError, match="audit must be an AuditSink"):
            screener.stream_paths([candidates], str, lambda _r, line: written.append(line),
                                  audit=store)
    assert written == [] and not (tmp_path / "run.db").exists()


@pytest.mark.parametrize(("given", "refused"), [
    ({"store": None}, "store must be a path, not NoneType None"),
    ({"operator": 3}, "operator must be a name or None .*, not int 3"),
    ({"command": None}, "command must be a str, not NoneType None")],
    ids=["store", "operator", "command"])
def test_an_audit_sink_of_the_wrong_types_is_refused_where_it_is_made(tmp_path, given,
                                                                      refused):
    """AuditSink(store, operator=3) was taken, and the run failed only when it was recorded,
    every record screened: "TypeError: 'int' object is not iterable", nothing recorded
    (command=None was recorded as the command)."""
    with pytest.raises(TypeError, match=refused):
        AuditSink(**{"store": tmp_path / "run.db", **given})


@pytest.mark.parametrize("streamed", [False, True], ids=["ranked", "streamed"])
def test_a_recorded_run_closes_its_files(helsingor, candidates, tmp_path, streamed):
    """The spool of a recorded run was left to the garbage collector: every run audited
    through the API gave "ResourceWarning: unclosed file", an error in a caller's tests
    that turn warnings into errors."""
    audit = AuditSink(tmp_path / "run.db")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        with Screener(helsingor, HELSINGOR) as screener:
            if streamed:
                render = partial(jsonl_line, helsingor, "samtale2", helsingor.meta.date)
                run = screener.stream_paths([candidates], render, lambda _r, _line: None,
                                            audit=audit)
            else:
                run = screener.screen_paths([candidates], audit=audit)
            del screener
        gc.collect()
    assert run.run_id is not None
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []


def _csv_line(result) -> str:  # named, not a lambda: workers from a fork server unpickle it
    return f"{result.id};{result.score}\n"


def _json_of_its_own(result) -> str:
    return json.dumps({"id": result.id, "score": result.score})


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("render", [_csv_line, _json_of_its_own],
                         ids=["csv", "json-of-its-own"])
def test_an_audited_stream_refuses_a_rendering_the_audit_trail_cannot_keep(
        helsingor, candidates, tmp_path, render, workers):
    """A stream records each result as rendered: a CSV line failed with a JSONDecodeError
    once every record was streamed, and JSON of the caller's own was recorded as the
    results, after which audit show, replay, export and fairness on the run, and the report
    of the profile, failed with an internal error for good."""
    written = []
    with Screener(helsingor, HELSINGOR) as screener, \
            pytest.raises(ValueError, match="render must give a JSON object of the result"):
        screener.stream_paths([candidates], render, lambda _r, line: written.append(line),
                              audit=AuditSink(tmp_path / "run.db"), workers=workers)
    assert written == [] and not (tmp_path / "run.db").exists()


def test_auditing_needs_the_rule_file_the_profile_came_from(helsingor, candidates, tmp_path):
    with Screener(helsingor) as screener, pytest.raises(ValueError, match="profile_path"):
        screener.screen_paths([candidates], audit=AuditSink(tmp_path / "run.db"))
    assert not (tmp_path / "run.db").exists()


def test_records_with_one_id_twice_are_refused_by_the_api(helsingor, candidates):
    """screen() ranked both, at one rank; which one a result, a decision or a paper meant
    could not be said (screen_paths refuses the second record and goes on)."""
    loaded, _problems = load_records([candidates])
    records = [r.record for r in loaded]
    with pytest.raises(ValueError, match=f"more than once: {records[0].id}$"):
        screen(helsingor, [records[0], *records, records[0]])
    with Screener(helsingor) as screener:
        assert len(screener.screen(records).results) == len(records)



def test_as_of_a_datetime_counts_as_its_day(helsingor, candidates, tmp_path):
    """A datetime is a date to Python and to mypy, and `--as-of` gives one: the API raised
    "can't compare datetime.datetime to datetime.date" from inside the engine."""
    records = [r.record for r in load_records([candidates])[0]]
    day, moment = date(2019, 6, 1), datetime(2019, 6, 1, 14, 30)
    with Screener(helsingor, HELSINGOR) as screener:
        by_day = screener.screen(records, as_of=day)
        by_moment = screener.screen(records, as_of=moment)
        run = screener.screen_paths([candidates], as_of=moment,
                                    audit=AuditSink(tmp_path / "run.db"))
    assert _statuses(by_moment) == _statuses(run.screening) == _statuses(by_day)
    assert _statuses(by_day) != _statuses(screen(helsingor, records))  # the day counts
    assert type(by_moment.as_of) is type(run.screening.as_of) is date
    store = AuditStore(tmp_path / "run.db")
    try:
        assert store.run(run.run_id)["as_of"] == "2019-06-01"
    finally:
        store.close()


@pytest.mark.parametrize("as_of", ["2024-05-01", 20240501])
def test_an_as_of_that_is_no_date_is_refused_naming_it(helsingor, candidates, as_of):
    records = [r.record for r in load_records([candidates])[0]]
    with Screener(helsingor, HELSINGOR) as screener:
        with pytest.raises(TypeError, match=f"as_of must be a date, not .*{as_of}"):
            screener.screen(records, as_of=as_of)
        with pytest.raises(TypeError, match="as_of must be a date"):
            screener.screen_paths([candidates], as_of=as_of)



def test_records_that_are_not_candidate_records_are_refused_saying_what_they_are(helsingor,
                                                                                 candidates):
    """A record's data as a dict, or one record where records go, failed in the engine with
    "'dict' object has no attribute 'education'" (or 'tuple': a record iterates as its
    fields), which named neither the argument nor what it should be."""
    records = [r.record for r in load_records([candidates])[0]]
    data = records[1].model_dump(mode="json", exclude_none=True)
    with Screener(helsingor) as screener:
        with pytest.raises(TypeError, match=r"records\[1\] is a dict, not a CandidateRecord"):
            screener.screen([records[0], data])
        with pytest.raises(TypeError, match="not one record"):
            screener.screen(records[0])
        with pytest.raises(TypeError, match=r"records\[0\] is a str"):
            list(screener.results(["strong.yaml"]))
        validated = CandidateRecord.model_validate(data)  # as the message says
        assert _statuses(screener.screen([records[0], validated])) == \
            _statuses(screener.screen(records[:2]))



@pytest.mark.parametrize("one", [str, lambda path: path], ids=["str", "Path"])
def test_one_path_where_paths_go_is_refused(helsingor, candidates, one):
    """screen_paths("folder") screened each letter of the name as a path: an empty
    screening, its problems ignored unless the caller listened for them."""
    with Screener(helsingor) as screener:
        with pytest.raises(TypeError, match=r"not one path: give \['.*kandidater'\]"):
            screener.screen_paths(one(candidates))
        with pytest.raises(TypeError, match="not one path"):
            screener.stream_paths(one(candidates), str, lambda _result, _line: None)
    # load_records("folder") gave no record and one E001 "file not found" per letter
    with pytest.raises(TypeError, match=r"not one path: give \['.*kandidater'\]"):
        load_records(one(candidates))



def test_worker_processes_screen_with_the_screeners_profile_not_its_file_now(helsingor,
                                                                            candidates,
                                                                            tmp_path):
    """Workers loaded the profile again from profile_path: a Screener kept while its rule
    file was edited (a service holding one per profile) screened with two workers by the
    edited rules, one process by the loaded ones, and recorded both as the loaded profile."""
    rule_file = tmp_path / "p.yaml"
    rule_file.write_bytes(HELSINGOR.read_bytes())
    pool = candidates.parent / "pool.jsonl"
    records = [r.record for r in load_records([candidates])[0]]
    pool.write_text("".join(json.dumps(r.model_dump(mode="json", exclude_none=True)
                                       | {"id": f"{r.id}-{n}"}) + "\n"
                            for n in range(4) for r in records), encoding="utf-8")
    with Screener(load_profile(rule_file), rule_file) as screener:
        rule_file.write_text(rule_file.read_text(encoding="utf-8").replace(
            "priority: krav", "priority: ønske"), encoding="utf-8")  # no knock-out any more
        one = screener.screen_paths([pool], workers=1)
        two = screener.screen_paths([pool], workers=2)
    assert one.summary.knocked_out > 0
    assert _statuses(two.screening) == _statuses(one.screening)
    assert [r.knockouts for r in two.screening.results] == \
        [r.knockouts for r in one.screening.results]



def test_runs_in_two_threads_leave_the_garbage_collector_as_they_found_it(helsingor,
                                                                         candidates):
    """Each run raises the collector's threshold and puts back what it found; a run that
    began while another ran found the raised one and, ending last, left it raised for the
    rest of the process (a service's memory then grew between collections)."""
    found = gc.get_threshold()
    first_in, second_in, first_out = (threading.Event() for _ in range(3))

    def first_waits(_count):  # the first run holds on until the second has begun
        first_in.set()
        second_in.wait(10)

    def second_waits(_count):  # the second until the first has ended
        second_in.set()
        first_out.wait(10)

    def first(screener):
        screener.screen_paths([candidates], on_progress=first_waits)
        first_out.set()

    def second(screener):
        first_in.wait(10)
        screener.screen_paths([candidates], on_progress=second_waits)

    try:
        with Screener(helsingor) as screener:
            threads = [threading.Thread(target=run, args=(screener,)) for run in (first, second)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        assert first_out.is_set() and second_in.is_set()
        assert gc.get_threshold() == found
    finally:
        gc.set_threshold(*found)

# Threads sharing one Screener, each screening other stages again and again; run in a child
# process, as two threads in one engine's session could crash the core.
SHARED_BY_THREADS = """\
import sys, threading
from screening.candidates import load_records
from screening.rulefiles import load_profile
from screening.screen import Screener

profile_path, folder = sys.argv[1:]
records = [r.record for r in load_records([folder])[0]]
records = [r.model_copy(update={"id": f"{r.id}-{n}"}) for n in range(30) for r in records]
stages = ("ansøgning", "reference")

def shown(screening):
    return [(r.id, r.score, r.possible, r.knockouts,
             [(o.criterion.id, o.status, o.evidence) for o in r.outcomes])
            for r in screening.results]

with Screener(load_profile(profile_path), profile_path) as screener:
    alone = {stage: shown(screener.screen(records, stage)) for stage in stages}
    agreed = []

    def screen_again(stage):
        try:
            agreed.extend(shown(screener.screen(records, stage)) == alone[stage]
                          for _ in range(3))
        except Exception as exc:
            agreed.append(repr(exc)[:200])

    threads = [threading.Thread(target=screen_again, args=(stage,)) for stage in stages]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
print(agreed)
"""


def test_threads_sharing_a_screener_get_the_results_of_screening_alone():
    """One Screener screening in two threads at once (a web service keeping one per
    profile) gave "durable-rules saw a fact twice", a core error, or a segmentation fault:
    every batch of an engine uses one session of the core."""
    folder = ROOT / "examples" / "candidates" / HELSINGOR.stem
    done = subprocess.run([sys.executable, "-c", SHARED_BY_THREADS, str(HELSINGOR), str(folder)],
                          capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, str([True] * 6), "")


@pytest.mark.parametrize(("workers", "error"), [(0, ValueError), (-2, ValueError),
                                                 (1.5, TypeError), ("2", TypeError),
                                                 (True, TypeError)])
def test_a_number_of_workers_the_cli_refuses_the_api_refuses(helsingor, candidates,
                                                             workers, error):
    """workers=0 or -2 screened in one process as if 1 had been given, where `--workers 0`
    is refused; "2" and 1.5 failed deep in the pool, or not at all."""
    with Screener(helsingor) as screener:
        with pytest.raises(error, match=f"workers must be .*{workers!r}"
                           if error is TypeError else f"workers must be 1 or more, not {workers}"):
            screener.screen_paths([candidates], workers=workers)
        with pytest.raises(error, match="workers must be"):
            screener.stream_paths([candidates], str, lambda _result, _line: None,
                                  workers=workers)
