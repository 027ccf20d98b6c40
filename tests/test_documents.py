"""Reading documents: every value can be traced back to its line and column, and pydantic's
errors become one line in the consultant's words."""

from __future__ import annotations

import textwrap

import pytest
from pydantic import ValidationError

from screening import documents
from screening.documents import error_message, field_path, plain, read_document
from screening.i18n import set_language
from screening.records import CandidateRecord

RECORD = """\
    id: a
    positions:
      - title: Skoleleder
        organisation: Gladsaxe Kommune
        start: 2020-01-01
      - {title: Chef, organisation: Furesø Kommune}
"""


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("da")


@pytest.fixture
def document(tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text(textwrap.dedent(RECORD), encoding="utf-8")
    doc, problem = read_document(path)
    assert problem is None
    return doc


def validation_errors(data: dict) -> list[dict]:
    with pytest.raises(ValidationError) as caught:
        CandidateRecord.model_validate(data)
    return caught.value.errors(include_url=False)


@pytest.mark.parametrize("loc,expected", [
    (("id",), (1, 1)),
    (("positions", 0, "start"), (5, 5)),
    (("positions", 1, "organisation"), (6, 19)),  # inside a flow mapping
    (("positions", 0, "sector"), (3, 5)),  # a missing key: the item that lacks it
    (("positions", 7), (2, 1)),  # no such item: the list's key
    ((), (1, 1)),
])
def test_a_path_is_located_at_its_line_and_column(document, loc, expected):
    assert document.locate(loc) == expected


def test_a_problem_carries_the_place_and_the_field_path(document):
    problem = document.problem(("positions", 1, "organisation"), "for kort", "E101")
    assert str(problem) == f"{document.path}:6:19: E101 positions[1].organisation: for kort"


def test_every_validation_error_becomes_a_located_problem(tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text("id: a\npositions:\n  - {title: T, organisation: O, sector: kommun,"
                    " start: 2020-01-01}\nfoo: 1\n", encoding="utf-8")
    doc, _ = read_document(path)
    with pytest.raises(ValidationError) as caught:
        CandidateRecord.model_validate(plain(doc.data))
    found = sorted(str(p).removeprefix(str(path)) for p in doc.validation_problems(caught.value))
    assert found == [":3:33: E101 positions[0].sector: skal være en af: kommune, region, stat, "
                     "privat, selvejende, forening eller andet (fik 'kommun')",
                     ":4:1: E101 foo: ukendt felt"]


def test_json_documents_are_located_like_yaml(tmp_path):
    path = tmp_path / "k.json"
    path.write_text('{"id": "a",\n "positions": []}', encoding="utf-8")
    doc, problem = read_document(path)
    assert problem is None and doc.data == {"id": "a", "positions": []}
    assert doc.locate(("positions",)) == (2, 2)
    assert str(doc.problem(("positions", 0), "x", "E101")) == f"{path}:2:2: E101 positions[0]: x"


@pytest.mark.parametrize("loc,expected", [
    (("positions", 2, "end"), "positions[2].end"),
    (("id",), "id"),
    ((), ""),
    (("positions", 0, "function-after[check(), Position]", "start"), "positions[0].start"),
    (("assessments", 3), "assessments[3]"),
])
def test_field_paths_read_like_the_document(loc, expected):
    assert field_path(loc) == expected


def test_error_messages_are_danish_and_show_the_offending_value():
    errors = validation_errors({"positions": [{"title": "T", "organisation": "O",
                                               "sector": "kommune", "start": "2020-01-01",
                                               "end": "2019-01-01"}],
                                "assessments": [{"competency": "x", "source": "samtale9",
                                                 "score": 3}], "foo": 1})
    messages = {field_path(e["loc"]): str(error_message(e)) for e in errors}
    assert messages["id"] == "mangler (feltet skal udfyldes)"  # nothing to show for missing
    assert messages["foo"] == "ukendt felt"
    assert messages["assessments[0].source"] == (
        "skal være en af: ansøgning, samtale1, test, reference eller samtale2 (fik 'samtale9')")
    # a check of several fields: the whole position was echoed as "(fik {'title': …"
    assert messages["positions[0]"] == "slut 2019-01-01 er før start 2020-01-01"


def test_error_messages_in_english_keep_pydantics_words(english):
    errors = validation_errors({"id": "A B", "foo": 1})
    messages = {field_path(e["loc"]): str(error_message(e)) for e in errors}
    assert messages["foo"] == "Extra inputs are not permitted"
    assert messages["id"].startswith("String should match pattern")
    assert messages["id"].endswith("(got 'A B')")


def test_a_long_offending_value_is_cut_short():
    [error] = validation_errors({"id": "a", "positions": [
        {"title": "T", "organisation": "O", "sector": "kommune", "start": "2020-01-01",
         "leaders_led": "cirka " * 20}]})
    message = str(error_message(error))
    assert message.endswith("...)")
    assert len(message.split("(fik ", 1)[1]) == 61  # 60 characters and the parenthesis


@pytest.mark.parametrize("name,content,expected", [
    ("k.yaml", "id: a\npositions: [\n", ":3:1: E004 ugyldig YAML"),
    ("k.yaml", "id: a\n  bad: indent\n", ":2:6: E004 ugyldig YAML"),
    ("k.json", '{"id": "a",\n "x": }', ":2:7: E004 ugyldig JSON: her mangler en værdi"),
    ("k.yaml", "- id: a\n", ":1:1: E005 forventede en mapping"),
    ("k.json", "[1, 2]", ":1:1: E005 forventede en mapping"),
])
def test_unreadable_documents_are_one_located_problem(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    doc, problem = read_document(path)
    assert doc is None
    assert str(problem).startswith(f"{path}{expected}"), str(problem)


def test_files_that_cannot_be_read_say_why(tmp_path, monkeypatch):
    assert "E001" in str(read_document(tmp_path / "nope.yaml")[1])
    assert "er en mappe" in str(read_document(tmp_path)[1])
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"id: a\n\xff\n")
    assert str(read_document(binary)[1]) == f"{binary}:2:1: E003 ikke UTF-8-tekst"
    monkeypatch.setattr(documents, "MAX_FILE_BYTES", 10)
    big = tmp_path / "big.yaml"
    big.write_text("id: abcdefghijkl\n", encoding="utf-8")
    assert "E002" in str(read_document(big)[1])


def test_dates_stay_text_so_an_impossible_one_is_a_field_error_not_a_crash(tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text("id: a\nstart: 2023-02-30\nwhen: 2024-01-15\n", encoding="utf-8")
    doc, problem = read_document(path)
    assert problem is None
    assert plain(doc.data) == {"id": "a", "start": "2023-02-30", "when": "2024-01-15"}


def test_plain_turns_the_loaders_containers_into_python_values(document):
    data = plain(document.data)
    assert type(data) is dict and type(data["positions"]) is list
    assert type(data["positions"][1]) is dict
    assert data["positions"][1] == {"title": "Chef", "organisation": "Furesø Kommune"}


# --- issue 15: inputs that once aborted a batch, hung or ate memory ------------------------

BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n"
    for a, b in zip("abcdefgh", "bcdefghi", strict=True))


@pytest.mark.parametrize("name,content,expected", [
    ("bomb.yaml", BILLION_LAUGHS, ":6:4: E004 ugyldig YAML: mere end 100000 værdier"),
    ("self.yaml", "id: a\nx: &x [*x]\n", ":2:4: E004 ugyldig YAML: et alias henviser til sig"),
    ("deep.yaml", "id: a\nx: " + "[" * 400 + "]" * 400 + "\n",
     ":2:363: E004 ugyldig YAML: indlejret dybere end 40 niveauer"),
    ("deep.json", '{"id": "a", "x": ' + "[" * 600 + "]" * 600 + "}",
     ": E007 indlejret dybere end 40 niveauer"),
    ("deeper.json", '{"x": ' + "[" * 100_000 + "]" * 100_000 + "}",
     ": E007 indlejret dybere end 40 niveauer"),
    ("int.yaml", "id: a\nx: !!int 'abc'\n", ":2:4: E004 ugyldig YAML: ikke et heltal: 'abc'"),
    ("big.yaml", "id: a\nx: " + "9" * 5000 + "\n",
     ":2:4: E004 ugyldig YAML: et tal med 5000 cifre (højst 4300)"),
    ("big.json", '{"id": "a", "x": ' + "9" * 5000 + "}",
     ": E004 ugyldig JSON: et tal med 5000 cifre (højst 4300)"),
    ("dup.json", '{"id": "a",\n "id": "b"}', ":2:2: E004 nøglen `id` står to gange"),
], ids=lambda value: value if isinstance(value, str) and len(value) < 20 else "")
def test_hostile_documents_are_one_located_problem_found_quickly(tmp_path, name, content,
                                                                 expected):
    import time

    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    started = time.perf_counter()
    doc, problem = read_document(path)
    assert time.perf_counter() - started < 5
    assert doc is None
    assert str(problem).startswith(f"{path}{expected}"), str(problem)


@pytest.mark.parametrize("content,expected", [
    # ruamel's words were shown in Danish output, the duplicate with both whole values
    ("criteria: [{id: a}]\nname: n\ncriteria: []\n",
     ":3:1: E004 ugyldig YAML: nøglen `criteria` står to gange"),
    ('- id: a\n  name: "n"\n    quote: q\n',
     ":3:5: E004 ugyldig YAML: indrykningen passer ikke til linjerne over"),
    ('quote: "Du er "robust" og rolig."\n',
     ':1:16: E004 ugyldig YAML: tekst efter slutningen af en værdi (et afsluttende " eller }): '
     'et " inde i en tekst i anførselstegn skrives \\"'),
    ("id: a\nname n\nquote: q\n",
     ":3:1: E004 ugyldig YAML: en linje uden `navn: værdi`, hvor der forventedes et felt"),
    # a name pasted from a terminal: ruamel's English, and no place to look
    ('id: a\npersonal: {name: "Mette \x1b[1mKjær"}\n',
     ":2:25: E004 ugyldig YAML: tegnet U+001B, et kontroltegn, som YAML ikke tillader: slet "
     "det"),
], ids=["duplicate-key", "indentation", "quote-inside-quote", "no-colon", "control-character"])
def test_a_yaml_mistake_a_consultant_makes_is_said_in_the_users_words(tmp_path, content,
                                                                       expected):
    path = tmp_path / "p.yaml"
    path.write_text(content, encoding="utf-8")
    doc, problem = read_document(path)
    assert doc is None
    assert str(problem).startswith(f"{path}{expected}"), str(problem)


def test_a_document_too_big_without_aliases_does_not_blame_aliases(tmp_path):
    path = tmp_path / "many.yaml"
    path.write_text("id: a\nx: [" + ", ".join(["1"] * 100_001) + "]\n", encoding="utf-8")
    doc, problem = read_document(path)
    assert doc is None
    assert str(problem) == f"{path}:2:4: E004 ugyldig YAML: mere end 100000 værdier i ét dokument"


def test_a_byte_order_mark_is_not_part_of_the_document(tmp_path):
    path = tmp_path / "k.yaml"
    path.write_bytes("\ufeffid: a\n".encode())
    doc, problem = read_document(path)
    assert problem is None and doc.data == {"id": "a"}


def test_only_regular_files_are_read(tmp_path):
    import os

    fifo = tmp_path / "k.yaml"
    os.mkfifo(fifo)  # nobody writes to it: reading would wait forever
    assert str(read_document(fifo)[1]) == f"{fifo}: E001 ikke en almindelig fil"
    assert str(read_document("/dev/zero")[1]) == "/dev/zero: E001 ikke en almindelig fil"


@pytest.mark.parametrize(("content", "danish", "english"), [
    # 3.13's json says 'Illegal trailing comma', 3.11's 'Expecting property name'
    ('{"id": "a",}', "er ét for meget", "is one too many"),
    ('{"id" "a"}', "her mangler et kolon efter feltnavnet",
     "a colon is missing here, after the field name"),
    ('{"id": "a\tb"}', "et kontroltegn, fx et tabulatortegn", "a control character, such as"),
    ('{"id": "a"} x', "der står mere, efter JSON'en slutter", "something follows after")])
def test_a_json_mistake_is_said_in_the_chosen_language(tmp_path, content, danish, english):
    """The json module's own English ('Expecting property name enclosed in double quotes')
    stood in Danish messages."""
    path = tmp_path / "k.json"
    path.write_text(content, encoding="utf-8")
    _doc, problem = read_document(path)
    assert problem is not None and problem.code == "E004"
    assert danish in problem.text.render("da") and english in problem.text.render("en")

