"""Loading candidates from files, folders and JSON Lines: every valid record, every problem
named by file and line, duplicate ids refused, and a talent pool read as it is consumed."""

from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screening import candidates
from screening.candidates import (
    DuplicateIds,
    cut_span,
    expand,
    iter_inputs,
    iter_sources,
    load_record,
    load_records,
    parse_input,
    read_sources,
)
from screening.i18n import set_language
from screening.messages import message

from .conftest import KNOCKED_OUT, SPARSE, STRONG, write

POSITION = {"title": "Skolechef", "organisation": "Furesø Kommune", "sector": "kommune",
            "start": "2015-01-01", "leaders_led": 12}


def line(candidate_id: str, **fields) -> str:
    return json.dumps({"id": candidate_id, "positions": [{**POSITION, **fields}]},
                      ensure_ascii=False)


def jsonl(folder, name: str, *lines: str):
    path = folder / name
    path.write_text("".join(f"{text}\n" for text in lines), encoding="utf-8")
    return path


def shown(problems, folder) -> list[str]:
    return [str(p).replace(f"{folder}/", "") for p in problems]


def test_a_folder_gives_its_record_files_in_name_order(tmp_path):
    for name in ("b.yaml", "a.json", "c.yml", "d.jsonl", "noter.txt", "e.YAML"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    (tmp_path / "under").mkdir()
    files, problems = expand([tmp_path])
    assert [f.name for f in files] == ["a.json", "b.yaml", "c.yml", "d.jsonl", "e.YAML"]
    assert problems == []


def test_files_are_taken_as_given_and_missing_paths_or_empty_folders_are_problems(tmp_path):
    given = write(tmp_path, "x.txt", "id: x\n")  # named explicitly: read whatever its name
    (tmp_path / "tom").mkdir()
    files, problems = expand([given, tmp_path / "tom", tmp_path / "mangler.yaml"])
    assert files == [given]
    assert shown(problems, tmp_path) == [
        "tom: E006 mappen indeholder ingen kandidatposter (.yaml, .yml, .json eller .jsonl)",
        "mangler.yaml: E001 filen findes ikke"]


def test_valid_records_load_with_their_source_and_checksum(candidates):
    loaded, problems = load_records([candidates])
    assert problems == []
    assert [r.record.id for r in loaded] == ["no-leaders", "sparse", "strong"]
    strong = loaded[2]
    assert strong.path == str(candidates / "strong.yaml")
    assert strong.sha256 == hashlib.sha256((candidates / "strong.yaml").read_bytes()).hexdigest()


def test_json_lines_give_one_input_per_line_and_skip_blank_lines(tmp_path):
    path = jsonl(tmp_path, "pool.jsonl", line("a"), "", "   ", line("b"))
    problems: list = []
    inputs = list(iter_inputs([path], problems))
    assert [(i.line, json.loads(i.text)["id"]) for i in inputs] == [(1, "a"), (4, "b")]
    assert problems == []
    loaded, _ = parse_input(inputs[1])
    assert loaded.record.id == "b" and loaded.path == f"{path}:4"
    assert loaded.sha256 == hashlib.sha256(inputs[1].text.encode("utf-8")).hexdigest()


def test_a_talent_pool_is_read_as_it_is_consumed_not_up_front(tmp_path):
    first, last = line("k00001"), line("k99999")
    path = jsonl(tmp_path, "pool.jsonl", first, *[line(f"k{n:05d}") for n in range(2, 20000)],
                 last)
    inputs = iter_inputs([path], [])
    assert next(inputs).line == 1
    # rewrite the last record in place: a reader that had read the file already would miss it
    with path.open("r+b") as handle:
        handle.seek(-len(last.encode("utf-8")) - 1, 2)
        handle.write(line("k99998").encode("utf-8"))
    *_, final = inputs
    assert final.line == 20000 and json.loads(final.text)["id"] == "k99998"


# a pool with what a reader must get right at every place a span or a read block may end
_AWKWARD = [b"\xef\xbb\xbf" + line("a").encode(),  # a byte order mark before line 1
            line("b").encode() + b"\r",  # a line ended by CRLF
            b"", b"   ",  # blank lines
            line("c", title="Skolechef i Ærø").encode(),  # letters of two bytes each
            b"x" * 400,  # longer than the limit set below
            line("d").encode("latin-1"),  # not UTF-8
            line("e").encode()]  # the last, with no newline


@pytest.mark.parametrize("scan_bytes", [1, 5, 64, 1 << 20])
@pytest.mark.parametrize("span_lines", [1, 2, 3, 500])
def test_spans_cover_a_pool_in_whole_lines_read_as_one_reader_would(tmp_path, monkeypatch,
                                                                    scan_bytes, span_lines):
    monkeypatch.setattr(candidates, "SCAN_BYTES", scan_bytes)
    monkeypatch.setattr(candidates, "MAX_LINE_BYTES", 300)
    path = tmp_path / "pool.jsonl"
    path.write_bytes(b"\n".join(_AWKWARD))
    problems: list = []
    spans = list(iter_sources([path], problems, span_lines))
    assert [s.offset for s in spans] == [0, *(s.offset + s.length for s in spans[:-1])]
    assert spans[-1].offset + spans[-1].length == path.stat().st_size
    assert [s.first for s in spans] == list(range(1, len(_AWKWARD) + 1, span_lines))
    assert sum(s.lines for s in spans) == len(_AWKWARD)
    unread: list = []
    inputs = list(read_sources(spans, unread))
    assert [count for _, count in unread] == [1, 1]  # each stands for its one line
    problems = [problem for problem, _ in unread]
    assert [(i.line, i.text) for i in inputs] == [
        (1, line("a") + "\n"), (2, line("b") + "\r\n"),
        (5, line("c", title="Skolechef i Ærø") + "\n"), (8, line("e"))]
    column = _AWKWARD[6].index("ø".encode("latin-1")) + 1
    assert shown(problems, tmp_path) == ["pool.jsonl:6:1: E002 linjen er længere end 300 byte",
                                         f"pool.jsonl:7:{column}: E003 ikke UTF-8-tekst"]


@pytest.mark.parametrize("span_lines, piece_lines", [(3, 1), (3, 2), (8, 3), (8, 8)])
def test_a_span_cut_in_pieces_is_read_as_the_span_is(tmp_path, monkeypatch, span_lines,
                                                      piece_lines):
    """`cut_span` cuts where `iter_sources` would have: the pieces are the span's lines, in
    order, each numbered as in the file, and read as the whole span reads."""
    monkeypatch.setattr(candidates, "MAX_LINE_BYTES", 300)
    path = tmp_path / "pool.jsonl"
    path.write_bytes(b"\n".join(_AWKWARD))
    for span in iter_sources([path], [], span_lines):
        pieces = cut_span(span, piece_lines)
        assert [p.offset for p in pieces] == [span.offset,
                                              *(p.offset + p.length for p in pieces[:-1])]
        assert pieces[-1].offset + pieces[-1].length == span.offset + span.length
        assert [p.first for p in pieces] == list(range(span.first, span.first + span.lines,
                                                       piece_lines))
        assert sum(p.lines for p in pieces) == span.lines
        whole_unread: list = []
        cut_unread: list = []
        assert list(read_sources(pieces, cut_unread)) == list(read_sources([span],
                                                                           whole_unread))
        assert cut_unread == whole_unread


def test_a_span_of_a_replaced_file_is_left_whole_for_its_reader_to_report(tmp_path):
    path = jsonl(tmp_path, "pool.jsonl", line("a"), line("b"), line("c"))
    [span] = iter_sources([path], [], 3)
    jsonl(tmp_path, "newer.jsonl", line("x"), line("y"), line("z")).replace(path)
    assert cut_span(span, 1) == [span]
    path.unlink()
    assert cut_span(span, 1) == [span]


def test_spans_of_a_pool_that_ends_with_a_newline_end_there(tmp_path):
    path = jsonl(tmp_path, "pool.jsonl", line("a"), line("b"), line("c"), line("d"))
    spans = list(iter_sources([path], [], 2))
    assert [(s.first, s.lines) for s in spans] == [(1, 2), (3, 2)]
    assert spans[-1].offset + spans[-1].length == path.stat().st_size
    assert list(iter_sources([jsonl(tmp_path, "empty.jsonl")], [], 2)) == []


def test_a_pool_replaced_after_it_was_scanned_is_not_read_at_the_old_offsets(tmp_path):
    path = jsonl(tmp_path, "pool.jsonl", line("a"), line("b"), line("c"))
    spans = list(iter_sources([path], [], 2))
    newer = jsonl(tmp_path, "newer.jsonl", line("x"), line("y"), line("z"), line("w"))
    newer.replace(path)  # as an editor saves: a new file under the old name
    unread: list = []
    assert list(read_sources(spans, unread)) == []
    assert [count for _, count in unread] == [2, 1]  # every line of each span is unread
    assert shown([problem for problem, _ in unread], tmp_path) == [
        "pool.jsonl:1:1: E001 filen blev udskiftet, mens den blev læst; linjer herfra, der "
        "ikke blev screenet: 2",
        "pool.jsonl:3:1: E001 filen blev udskiftet, mens den blev læst; linjer herfra, der "
        "ikke blev screenet: 1"]


def test_problems_in_json_lines_name_the_file_and_the_line(tmp_path):
    path = jsonl(tmp_path, "pool.jsonl",
                 line("ok"),
                 line("a", leaders_led="4"),
                 '{"id": "b", "positions": [}',
                 '["c"]',
                 line("d", sector="kommun", start="2015-02-30"))
    loaded, problems = load_records([path])
    assert [r.record.id for r in loaded] == ["ok"]
    assert shown(problems, tmp_path) == [
        "pool.jsonl:2:1: E101 positions[0].leaders_led: skal være et heltal (fik '4')",
        "pool.jsonl:3:27: E004 ugyldig JSON: her mangler en værdi (et tal, en tekst i dobbelte "
        "anførselstegn, true, false, null, [ eller {)",
        "pool.jsonl:4:1: E005 forventede et JSON-objekt (én kandidat pr. linje)",
        "pool.jsonl:5:1: E101 positions[0].sector: skal være en af: kommune, region, stat, "
        "privat, selvejende, forening eller andet (fik 'kommun')",
        "pool.jsonl:5:1: E101 positions[0].start: skal være en gyldig dato (ÅÅÅÅ-MM-DD) "
        "(fik '2015-02-30')"]


def test_a_line_that_gives_a_key_twice_is_refused_as_a_record_file_is(tmp_path):
    """Parsed alone, the line would keep the last value: another id, or a score of 5 where
    the assessor first wrote 2, without a word."""
    twice_id = line("a")[:-1] + ', "id": "b"}'
    twice_score = ('{"id": "c", "assessments": [{"competency": "samarbejde", '
                   '"source": "samtale1", "score": 2, "score": 5, "assessor": "Udvalget"}]}')
    path = jsonl(tmp_path, "pool.jsonl", twice_id, twice_score, line("d"))
    id_key, score_key = '"id"', '"score"'  # where each key is given the second time
    loaded, problems = load_records([path])
    assert [r.record.id for r in loaded] == ["d"]
    assert shown(problems, tmp_path) == [
        f"pool.jsonl:1:{twice_id.rindex(id_key) + 1}: E004 nøglen `id` står to gange",
        f"pool.jsonl:2:{twice_score.rindex(score_key) + 1}: E004 nøglen `score` står to gange"]


def test_a_byte_order_mark_inside_a_pool_is_named_in_the_chosen_language(tmp_path):
    """A file's first line may start with a BOM; a later one does where two files saved by
    Notepad were joined, and json says so only in English."""
    path = jsonl(tmp_path, "pool.jsonl", "\ufeff" + line("a"), "\ufeff" + line("b"), line("c"))
    loaded, problems = load_records([path])
    assert [r.record.id for r in loaded] == ["a", "c"]
    assert shown(problems, tmp_path) == [
        "pool.jsonl:2:1: E004 ugyldig JSON: et byte order mark (BOM), hvor ingen fil starter, "
        "som når to filer er sat sammen: slet det"]


def test_an_overlong_line_is_refused_without_being_parsed(tmp_path, monkeypatch):
    monkeypatch.setattr(candidates, "MAX_LINE_BYTES", 50)
    path = jsonl(tmp_path, "pool.jsonl", '{"id": "a"}', line("b"))
    loaded, problems = load_records([path])
    assert [r.record.id for r in loaded] == ["a"]
    assert shown(problems, tmp_path) == ["pool.jsonl:2:1: E002 linjen er længere end 50 byte"]


def test_a_pool_that_is_not_utf8_is_a_problem_after_its_good_lines(tmp_path):
    path = tmp_path / "pool.jsonl"
    path.write_bytes(line("a").encode("utf-8") + b"\n" + b"x" * 10_000 + b"\xff\n")
    loaded, problems = load_records([path])
    assert [r.record.id for r in loaded] == ["a"]
    assert len(problems) == 1 and "E003 ikke UTF-8-tekst" in str(problems[0])


@pytest.mark.parametrize("name", ["k01.yaml", "k01.json", "pool.jsonl"])
@pytest.mark.parametrize(("lang", "said"), [
    ("da", "E003 UTF-16-tekst (det Excel og Word kalder \"Unicode-tekst\"), ikke UTF-8: gem"),
    ("en", "E003 UTF-16 text (what Excel and Word call \"Unicode text\"), not UTF-8: save")])
def test_a_record_saved_as_unicode_text_says_how_to_save_it(tmp_path, name, lang, said):
    """Word's and Excel's "Unicode text" is UTF-16: the record was 'ikke UTF-8-tekst' at
    some column of line 1, and the consultant was left to find out what that means."""
    path = tmp_path / name
    path.write_bytes('{"id": "k01"}\n'.encode("utf-16"))
    set_language(lang)
    loaded, problems = load_records([path])
    assert loaded == []
    assert str(problems[0]).startswith(f"{path}:1:1: {said}")


def test_a_bad_record_file_names_the_file_line_and_field(tmp_path):
    write(tmp_path, "broken.yaml", "id: broken\npositions:\n  - {title: T, organisation: O, "
                                   "sector: kommune, start: 2015-01-01, staff_led: -1}\n")
    write(tmp_path, "good.yaml", SPARSE)
    loaded, problems = load_records([tmp_path])
    assert [r.record.id for r in loaded] == ["sparse"]
    assert shown(problems, tmp_path) == [
        "broken.yaml:3:69: E101 positions[0].staff_led: skal være mindst 0 (fik -1)"]


def test_a_second_record_with_the_same_id_is_refused_and_the_first_kept(tmp_path):
    folder = tmp_path / "kandidater"
    folder.mkdir()
    write(folder, "a-strong.yaml", STRONG)
    write(folder, "b-copy.yaml", STRONG)
    write(folder, "c.yaml", KNOCKED_OUT)
    pool = jsonl(tmp_path, "pool.jsonl", line("no-leaders"), line("strong"))
    loaded, problems = load_records([folder, pool])
    assert [(r.record.id, r.path.rsplit("/", 1)[1]) for r in loaded] == [
        ("strong", "a-strong.yaml"), ("no-leaders", "c.yaml")]
    # a line of a JSON Lines file is located as its file and line, as its other problems are
    assert [(p.code, p.field, p.path.rsplit("/", 1)[1], p.line) for p in problems] == [
        ("E102", "id", "b-copy.yaml", None), ("E102", "id", "pool.jsonl", 1),
        ("E102", "id", "pool.jsonl", 2)]
    assert f"bruges også af {folder / 'a-strong.yaml'}" in str(problems[0])
    assert f"bruges også af {folder / 'c.yaml'}" in str(problems[1])


def test_a_file_named_twice_is_read_once(tmp_path, monkeypatch):
    """A file given again (itself, by another path, or inside a folder also given) is the
    same record, not a second candidate: it was screened, ranked and recorded twice."""
    folder = tmp_path / "kandidater"
    folder.mkdir()
    strong = write(folder, "a-strong.yaml", STRONG)
    write(folder, "c.yaml", KNOCKED_OUT)
    pool = jsonl(tmp_path, "pool.jsonl", line("pooled"))
    monkeypatch.chdir(tmp_path)
    files, problems = expand([folder, strong, "kandidater/./a-strong.yaml", pool, "pool.jsonl"])
    assert [f.name for f in files] == ["a-strong.yaml", "c.yaml", "pool.jsonl"]
    assert problems == []
    loaded, problems = load_records([strong, folder, pool, pool])
    assert [r.record.id for r in loaded] == ["strong", "no-leaders", "pooled"]
    assert problems == []


@pytest.mark.parametrize("name", ["k.yaml", "k.json"])
def test_a_single_record_file_that_is_missing_is_a_problem_not_a_crash(tmp_path, name):
    record, problems = load_record(tmp_path / name)
    assert record is None
    assert shown(problems, tmp_path) == [f"{name}: E001 filen findes ikke"]


# --- issue 15: one bad input never costs another ------------------------------------------


def test_a_latin1_line_in_a_pool_loses_no_valid_line(tmp_path):
    """2,000 lines with a latin-1 line 1001: 996 were screened and the rest dropped."""
    lines = [line(f"k{n:04d}").encode("utf-8") for n in range(1, 2001)]
    lines[1000] = line("k1001", title="Skolechef i Ærø").encode("latin-1")
    path = tmp_path / "pool.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    loaded, problems = load_records([path])
    assert len(loaded) == 1999 and "k1001" not in {r.record.id for r in loaded}
    column = lines[1000].index(b"\xc6") + 1
    assert shown(problems, tmp_path) == [f"pool.jsonl:1001:{column}: E003 ikke UTF-8-tekst"]


@pytest.mark.parametrize("bad,expected", [
    ('{"id": "x", "positions": ' + "[" * 600 + "]" * 600 + "}", "pool.jsonl:2:"),
    ('[' * 100_000 + ']' * 100_000, "pool.jsonl:2:1: E007 indlejret dybere end 40 niveauer"),
    ('{"id": "x", "n": ' + "9" * 5000 + "}", "pool.jsonl:2:"),
], ids=["deep-record", "deeper-than-json", "5000-digits"])
def test_a_hostile_line_is_one_problem_and_the_rest_is_read(tmp_path, bad, expected):
    path = jsonl(tmp_path, "pool.jsonl", line("a"), bad, line("b"))
    loaded, problems = load_records([path])
    assert [r.record.id for r in loaded] == ["a", "b"]
    assert len(problems) == 1 and shown(problems, tmp_path)[0].startswith(expected)


def test_a_fifo_is_refused_not_waited_for(tmp_path):
    import os

    for name in ("pool.jsonl", "k.yaml"):
        os.mkfifo(tmp_path / name)
    loaded, problems = load_records([tmp_path / "pool.jsonl", tmp_path / "k.yaml"])
    assert loaded == []
    assert shown(problems, tmp_path) == ["pool.jsonl: E001 ikke en almindelig fil",
                                         "k.yaml: E001 ikke en almindelig fil"]


def test_a_byte_order_mark_starts_a_pool_without_harm(tmp_path):
    path = tmp_path / "pool.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + line("a").encode() + b"\n")
    assert [r.record.id for r in load_records([path])[0]] == ["a"]


def test_hostile_record_files_cost_only_themselves_in_a_screening(tmp_path):
    from click.testing import CliRunner

    from screening.cli import main

    from .conftest import HELSINGOR

    write(tmp_path, "good.yaml", STRONG)
    write(tmp_path, "bomb.yaml", "id: bomb\na: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n" for p, n in zip("abcde", "bcdef",
                                                                  strict=True)))
    write(tmp_path, "deep.json", '{"id": "deep", "x": ' + "[" * 600 + "]" * 600 + "}")
    write(tmp_path, "int.yaml", "id: int\nx: !!int 'abc'\n")
    write(tmp_path, "huge.yaml", "id: huge\nx: " + "9" * 5000 + "\n")
    result = CliRunner().invoke(main, ["screen", str(HELSINGOR), str(tmp_path), "--format",
                                       "json"], env={"SCREENING_AUDIT_DB":
                                                     str(tmp_path / "audit.db")})
    assert result.exit_code == 0, result.output
    assert [c["id"] for c in json.loads(result.stdout)["candidates"]] == ["strong"]
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name, text", [
    ("k01.json", '{"id": "k01", "personal": {"name": "a\\ud800b"}}'),
    ("k01.yaml", 'id: k01\npersonal: {name: "a\\ud800b"}\n')])
@pytest.mark.parametrize(("lang", "said"), [
    ("da", "personal.name: er ikke tekst: den rummer et halvt tegn"),
    ("en", "personal.name: is no text: it holds half a character")])
def test_half_a_character_in_a_record_is_said_in_the_chosen_language(tmp_path, name, text,
                                                                     lang, said):
    """A lone surrogate escape was pydantic's English inside the Danish line: 'ugyldig
    værdi: Input should be a valid string, unable to parse raw data as a unicode string'."""
    path = write(tmp_path, name, text)
    set_language(lang)
    loaded, problems = load_records([path])
    assert loaded == []
    assert said in str(problems[0]) and "Input should" not in str(problems[0])


def test_a_record_that_is_a_ring_of_links_says_so(tmp_path):
    """A link to itself was 'filen findes ikke', where the readers say why."""
    ring = tmp_path / "k01.yaml"
    ring.symlink_to(ring)
    loaded, problems = load_records([ring])
    assert loaded == []
    assert [str(p) for p in problems] == [
        f"{ring}: E001 kan ikke læse filen: symbolske links peger på hinanden i ring"]


def test_a_file_named_with_a_line_break_cannot_forge_a_line_of_the_problems(tmp_path):
    """A record file named "x\nfejl: k01.yaml:1:1: E101 …" wrote two lines to stderr, the
    second a problem of a record that had none."""
    from click.testing import CliRunner

    from screening.cli import main

    from .conftest import HELSINGOR

    write(tmp_path, "good.yaml", STRONG)
    forged = "ond\nfejl: good.yaml:1:1: E101 falsk.yaml"
    write(tmp_path, forged, "id: [\n")
    result = CliRunner().invoke(main, ["screen", str(HELSINGOR), str(tmp_path), "--format",
                                       "json", "--no-audit"])
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if line.startswith("fejl:")] == [
        next(line for line in result.stderr.splitlines() if "ond\\nfejl: good.yaml" in line)]


@pytest.mark.parametrize("lang, said", [("da", "filens navn er ikke UTF-8-tekst"),
                                        ("en", "the file's name is not UTF-8 text")])
def test_a_file_named_in_another_encoding_is_refused_by_name_and_the_rest_screened(
        tmp_path, lang, said):
    # a zip made on Windows unpacks "søren.yaml" as the byte 0xF8, no UTF-8: the run, the
    # audit trail and the papers name every input as text, and stopped at it (exit 3)
    import os

    from click.testing import CliRunner

    from screening.cli import main

    from .conftest import HELSINGOR

    write(tmp_path, "good.yaml", STRONG)
    write(tmp_path, os.fsdecode(b"s\xf8ren.yaml"), SPARSE)
    env = {"SCREENING_AUDIT_DB": str(tmp_path / "audit.db")}
    result = CliRunner().invoke(main, ["--lang", lang, "screen", str(HELSINGOR),
                                       str(tmp_path), "--format", "json"], env=env)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert [c["id"] for c in document["candidates"]] == ["strong"]
    assert f"s\\xf8ren.yaml: E001 {said}" in result.stderr
    report = tmp_path / "rapport.html"
    result = CliRunner().invoke(main, ["--lang", lang, "report", str(HELSINGOR),
                                       str(tmp_path), "--out", str(report)], env=env)
    assert result.exit_code == 0, result.output
    assert "s\\xf8ren.yaml" in report.read_text(encoding="utf-8")


_SOURCES = st.one_of(st.text(max_size=30), st.sampled_from(["pool.jsonl:7", "a.yaml"]))


@pytest.mark.parametrize("in_memory", [DuplicateIds.IN_MEMORY, 2])
@given(seen=st.lists(st.tuples(st.sampled_from(["a", "b", "c", "d", "e"]), _SOURCES),
                     max_size=12))
def test_a_refused_duplicate_names_the_first_source_wherever_the_ids_are_kept(in_memory, seen):
    duplicates = DuplicateIds(in_memory)
    first: dict[str, str] = {}
    for candidate_id, source in seen:
        problem = duplicates.problem_for(candidate_id, source)
        earlier = first.setdefault(candidate_id, source)
        if earlier == source:
            assert problem is None
        else:
            assert problem is not None and problem.code == "E102"
            assert problem.text == message("duplicate_candidate", id=candidate_id,
                                           first=earlier)
    duplicates.close()


def _full_disk(*_args, **_kwargs):
    import sqlite3

    raise sqlite3.OperationalError("database or disk is full")


def test_ids_that_cannot_be_kept_on_disk_stop_the_run_with_a_located_error(monkeypatch):
    import sqlite3

    from screening.errors import InputError

    monkeypatch.setattr(sqlite3, "connect", _full_disk)
    duplicates = DuplicateIds(in_memory=1)
    assert duplicates.problem_for("a", "pool.jsonl:1") is None
    with pytest.raises(InputError) as raised:
        duplicates.problem_for("b", "pool.jsonl:2")
    [problem] = raised.value.problems
    assert (problem.path, problem.field, problem.code) == ("pool.jsonl:2", "id", "E403")
    assert "disk is full" in problem.message


def test_a_screening_whose_ids_cannot_be_kept_writes_nothing_and_exits_2(tmp_path, monkeypatch):
    import sqlite3

    from click.testing import CliRunner

    from screening.cli import main

    from .conftest import HELSINGOR

    pool = tmp_path / "pool.jsonl"
    pool.write_text("".join(line(f"k{n}") + "\n" for n in range(3)), encoding="utf-8")
    monkeypatch.setattr(DuplicateIds.__init__, "__defaults__", (1,))
    monkeypatch.setattr(sqlite3, "connect", _full_disk)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["screen", str(HELSINGOR), str(pool), "--format", "jsonl",
                                       "--no-audit", "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert "E403" in result.output and "Traceback" not in result.output
    assert not out.exists()
