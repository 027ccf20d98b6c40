"""Candidate records: strict validation that names the file, line and field of each problem."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from screening.candidates import load_record
from screening.documents import error_message, field_path
from screening.records import CandidateRecord, sources_up_to

from .conftest import STRONG, write

POSITION = "  - {title: T, organisation: O, sector: kommune, start: 2020-01-01%s}\n"
PLAIN_POSITION = {"title": "T", "organisation": "O", "sector": "kommune", "start": "2020-01-01"}


def test_a_complete_record_loads_with_typed_values(tmp_path):
    loaded, problems = load_record(write(tmp_path, "strong.yaml", STRONG))
    assert problems == []
    record = loaded.record
    assert record.id == "strong" and record.personal.name == "Mette Holm"
    [position] = record.positions
    assert position.start == date(2016, 1, 1) and position.end is None
    assert position.leaders_led == 8 and position.domains == ["skole", "dagtilbud"]
    assert record.education[0].leadership is True
    assert record.experience[0].years == 6.0
    assert [(a.competency, a.source, a.score) for a in record.assessments][:2] == [
        ("relationelle_kompetencer", "samtale1", 5), ("relationelle_kompetencer", "reference", 2)]


def test_a_missing_section_is_unknown_and_an_empty_one_is_known_to_be_empty():
    unknown = CandidateRecord.model_validate({"id": "a"})
    empty = CandidateRecord.model_validate({"id": "a", "positions": [], "experience": []})
    assert unknown.positions is None and unknown.experience is None
    assert empty.positions == [] and empty.experience == []
    assert unknown.assessments == []


@pytest.mark.parametrize("data,path,message", [
    ({"positions": [{**PLAIN_POSITION, "start": "1900-01-01"}]}, "positions[0]",
     "start 1900-01-01 er ikke en troværdig dato"),
    # the count, never Python's form of the list ("(fik [{'title': 'Leder', …")
    ({"positions": [PLAIN_POSITION] * 101}, "positions", "må højst have 100 elementer, ikke 101"),
    ({"positions": [{**PLAIN_POSITION, "domains": ["skole"] * 31}]}, "positions[0].domains",
     "må højst have 30 elementer, ikke 31"),
    ({"positions": [{**PLAIN_POSITION, "budget_mio_dkk": 1e6}]}, "positions[0].budget_mio_dkk",
     "må højst være 100000 (fik 1000000.0)"),
    ({"positions": [{**PLAIN_POSITION, "staff_led": 200_000}]}, "positions[0].staff_led",
     "må højst være 100000 (fik 200000)"),
    ({"experience": [{"kind": "mediehåndtering", "years": 70}]}, "experience[0].years",
     "må højst være 60 (fik 70)"),
    ({"experience": [{"kind": "mediehåndtering", "years": -1}]}, "experience[0].years",
     "skal være mindst 0 (fik -1)"),
    ({"positions": [{**PLAIN_POSITION, "budget_mio_dkk": float("nan")}]},
     "positions[0].budget_mio_dkk", "skal være et endeligt tal (fik nan)"),
    ({"education": [{"degree": "MPA", "level": "master", "year": 1850}]}, "education[0].year",
     "skal være mindst 1940 (fik 1850)"),
    ({"assessments": [{"competency": "x", "source": "test", "score": 0}]},
     "assessments[0].score", "skal være mindst 1 (fik 0)"),
    ({"positions": [{**PLAIN_POSITION, "leaders_led": 4.0}]}, "positions[0].leaders_led",
     "skal være et heltal (fik 4.0)"),
    ({"positions": [{**PLAIN_POSITION, "politically_governed": "ja"}]},
     "positions[0].politically_governed", "skal være true eller false (fik 'ja')"),
    ({"positions": [{**PLAIN_POSITION, "foo": 1}]}, "positions[0].foo", "ukendt felt"),
    ({"personal": {"name": ""}}, "personal.name", "må ikke være tom"),
])
def test_each_validation_error_names_its_field_path(data, path, message):
    with pytest.raises(ValidationError) as caught:
        CandidateRecord.model_validate({"id": "a", **data})
    found = {field_path(e["loc"]): str(error_message(e)) for e in caught.value.errors()}
    assert message in found.get(path, ""), found
    assert "{'" not in found.get(path, ""), found


def test_each_stage_adds_its_own_source_to_the_earlier_ones():
    assert sources_up_to("ansøgning") == ("ansøgning",)
    assert sources_up_to("reference") == ("ansøgning", "samtale1", "test", "reference")
    assert sources_up_to("samtale2")[-1] == "samtale2"


@pytest.mark.parametrize("text,expected", [
    ("id: a\npositions:\n" + POSITION % ", leaders_led: '4'",
     ":3:69: E101 positions[0].leaders_led: skal være et heltal (fik '4')"),
    ("id: a\npositions:\n  - {title: T, organisation: O, sector: kommune, start: 2023-02-30}\n",
     ":3:50: E101 positions[0].start: skal være en gyldig dato (ÅÅÅÅ-MM-DD)"),
    ("id: a\npositions:\n" + POSITION % ", end: 2019-01-01",
     ":3:5: E101 positions[0]: slut 2019-01-01 er før start 2020-01-01"),
    ("id: a\npositions:\n" + POSITION % ", staff_led: -3",
     "positions[0].staff_led: skal være mindst 0 (fik -3)"),
    ("id: a\npositions:\n" + POSITION % ", leaders_led: 100000",
     "positions[0].leaders_led: må højst være 10000"),
    ("id: a\nfavourite_colour: blue\n", ":2:1: E101 favourite_colour: ukendt felt"),
    ("id: a\nassessments:\n  - {competency: x, source: samtale1, score: 6}\n",
     "assessments[0].score: må højst være 5"),
    ("id: a\nassessments:\n  - {competency: x, source: samtale3, score: 3}\n",
     "assessments[0].source: skal være en af: ansøgning, samtale1, test"),
    ("id: a\npositions: [\n", ":3:1: E004 ugyldig YAML"),
    ("- id: a\n", ":1:1: E005 forventede en mapping"),
])
def test_each_problem_names_file_line_and_field(tmp_path, text, expected):
    path = tmp_path / "k.yaml"
    path.write_text(text, encoding="utf-8")
    record, problems = load_record(path)
    assert record is None
    assert any(str(p).startswith(str(path)) and expected in str(p) for p in problems), problems


def test_a_missing_or_unreadable_file_is_a_problem_not_a_crash(tmp_path):
    record, problems = load_record(tmp_path / "nope.yaml")
    assert record is None and "E001" in str(problems[0])
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"\xff\xfe\x00")
    assert "ikke UTF-8" in str(load_record(binary)[1][0])


def test_political_governance_is_derived_from_the_sector_unless_given():
    record = CandidateRecord.model_validate({"id": "a", "positions": [
        {"title": "T", "organisation": "O", "sector": s, "start": "2020-01-01"}
        for s in ("kommune", "region", "stat", "privat", "selvejende")] + [
        {"title": "T", "organisation": "O", "sector": "selvejende", "start": "2020-01-01",
         "politically_governed": True}]})
    assert [p.politically_governed for p in record.positions] == \
        [True, True, True, False, False, True]


def test_years_run_to_the_reference_date_for_open_positions():
    record = CandidateRecord.model_validate({"id": "a", "positions": [
        {"title": "T", "organisation": "O", "sector": "stat", "start": "2020-01-01"},
        {"title": "T", "organisation": "O", "sector": "stat", "start": "2010-01-01",
         "end": "2015-01-01"}]})
    open_ended, closed = record.positions
    assert open_ended.years(date(2024, 1, 1)) == 4.0
    assert closed.years(date(2024, 1, 1)) == 5.0
    assert closed.years(date(2012, 1, 1)) == 2.0  # only up to the reference date
    assert open_ended.years(date(2019, 1, 1)) == 0.0


def test_messages_follow_the_language(tmp_path):
    from screening.i18n import set_language

    path = tmp_path / "k.yaml"
    path.write_text("id: a\nfoo: 1\n", encoding="utf-8")
    set_language("en")
    try:
        assert "foo: Extra inputs are not permitted" in str(load_record(path)[1][0])
    finally:
        set_language("da")
    assert "foo: ukendt felt" in str(load_record(path)[1][0])


def test_json_records_are_checked_the_same_way(tmp_path):
    path = tmp_path / "k.json"
    path.write_text('{"id": "a", "positions": [{"title": "T", "organisation": "O",\n'
                    ' "sector": "kommun", "start": "2020-01-01"}]}', encoding="utf-8")
    _, problems = load_record(path)
    assert "positions[0].sector: skal være en af: kommune" in str(problems[0])


def test_problems_are_shown_in_the_chosen_language():
    from screening.errors import Problem
    from screening.i18n import set_language
    from screening.messages import message
    from screening.vocabulary import did_you_mean

    problem = Problem("r.yaml", message("unknown_fact", name="leder")
                      + did_you_mean("leder", ["ledere", "cv"]), 3, 5, "criteria[0].when.fact",
                      "E207")
    assert str(problem) == ("r.yaml:3:5: E207 criteria[0].when.fact: ukendt faktum 'leder' "
                            "(mente du 'ledere'?)")
    set_language("en")
    try:
        assert str(problem).endswith("unknown fact 'leder' (did you mean 'ledere'?)")
    finally:
        set_language("da")


@pytest.mark.parametrize("value", [0, 1577836800, 2020])
def test_a_number_is_not_a_date(tmp_path, value):
    path = tmp_path / "k.yaml"
    path.write_text("id: a\npositions:\n  - {title: T, organisation: O, sector: stat, "
                    f"start: {value}}}\n", encoding="utf-8")
    record, problems = load_record(path)
    assert record is None
    assert f"positions[0].start: skal være en dato skrevet ÅÅÅÅ-MM-DD (fik {value})" \
        in str(problems[0])
