"""A position that starts after the date of assessment is a warning (W102), located at its
`start:`, and so is an education completed in a later year (W104), at its `year:`, in every
language; the candidate is still screened, and a date of assessment after the start or in
the year says nothing."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from screening.cli import main
from screening.positions_ahead import educations_ahead, positions_ahead
from screening.records import CandidateRecord

from .conftest import HELSINGOR, STRONG, write

AHEAD = STRONG.replace("start: 2016-01-01", "start: 2024-06-01")  # Helsingør's date: 2024-01-15


def screen(*args: str):
    return CliRunner().invoke(main, ["screen", str(HELSINGOR), *args])


@pytest.mark.parametrize("lang, said", [
    ("da", "strong.yaml:9:12: W102 positions[0].start: stillingen starter 2024-06-01, efter "
           "vurderingsdatoen 2024-01-15: den tæller som beklædt, med 0 år"),
    ("en", "strong.yaml:9:12: W102 positions[0].start: the position starts 2024-06-01, after "
           "the date of assessment 2024-01-15: it counts as held, with 0 years")])
def test_a_position_starting_after_the_date_of_assessment_is_a_located_warning(
        tmp_path, lang, said):
    write(tmp_path, "strong.yaml", AHEAD)
    result = CliRunner().invoke(main, ["--lang", lang, "screen", str(HELSINGOR),
                                       str(tmp_path / "strong.yaml"), "--no-audit"])
    assert result.exit_code == 0, result.output
    assert said in " ".join(result.stderr.split())
    assert "strong" in result.stdout  # screened all the same


def test_a_date_of_assessment_after_the_start_says_nothing(tmp_path):
    write(tmp_path, "strong.yaml", AHEAD)
    result = screen(str(tmp_path / "strong.yaml"), "--no-audit", "--as-of", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert "W102" not in result.stderr


LATER_DEGREE = STRONG.replace("year: 2015}", "year: 2025}")  # Helsingør's date: 2024-01-15


@pytest.mark.parametrize("lang, said", [
    ("da", "strong.yaml:4:83: W104 education[0].year: uddannelsen afsluttes i 2025, efter "
           "vurderingsdatoen 2024-01-15: den tæller som taget"),
    ("en", "strong.yaml:4:83: W104 education[0].year: the education is completed in 2025, "
           "after the date of assessment 2024-01-15: it counts as taken")])
def test_an_education_completed_after_the_date_of_assessment_is_a_located_warning(
        tmp_path, lang, said):
    """An MPA to be completed next year met a wish for a leadership education today,
    without a word."""
    write(tmp_path, "strong.yaml", LATER_DEGREE)
    for command in (["screen"], ["explain", "--id", "strong"], ["shortlist", "--take", "1"]):
        result = CliRunner().invoke(main, ["--lang", lang, command[0], str(HELSINGOR),
                                           str(tmp_path / "strong.yaml"), *command[1:],
                                           "--no-audit"])
        assert result.exit_code == 0, (command, result.output)
        assert said in " ".join(result.stderr.split()), command
        assert "strong" in result.stdout  # screened all the same
    in_the_year = screen(str(tmp_path / "strong.yaml"), "--no-audit", "--as-of", "2025-01-01")
    assert in_the_year.exit_code == 0 and "W104" not in in_the_year.stderr


@pytest.mark.parametrize("warned, data, field, code", [
    (positions_ahead, {"positions": [{"title": "Direktør", "organisation": "X Kommune",
                                      "sector": "kommune", "start": "2025-02-01"}]},
     "positions[0].start", "W102"),
    (educations_ahead, {"education": [{"degree": "MPA", "level": "master", "year": 2024},
                                      {"degree": "MPA", "level": "master", "year": 2025}]},
     "education[1].year", "W104")], ids=["position", "education"])
def test_a_json_lines_record_is_located_by_its_line(tmp_path, warned, data, field, code):
    record = CandidateRecord.model_validate({"id": "a", **data})
    pool = tmp_path / "pool.jsonl"
    pool.write_text('{"id": "b"}\n' + json.dumps(record.model_dump(mode="json",
                                                                     exclude_none=True)) + "\n",
                    encoding="utf-8")
    (found,) = warned(record, date(2024, 1, 15), f"{pool}:2")
    assert (found.path, found.line, found.field, found.code) == (str(pool), 2, field, code)


def test_explains_json_carries_every_warning_about_the_record(tmp_path):
    """A program reading `explain --format json` learns what the consultant saw on stderr:
    the JSON held only unknown assessments (W101), not a position or degree ahead."""
    write(tmp_path, "strong.yaml", AHEAD.replace("year: 2015}", "year: 2025}"))
    result = CliRunner().invoke(main, ["explain", str(HELSINGOR), str(tmp_path / "strong.yaml"),
                                       "--no-audit", "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert [w.split(" ")[1] for w in document["warnings"]] == ["W102", "W104"]
    assert document["unknown_assessments"] == []


def test_a_warning_is_placed_at_its_position_past_what_an_import_kept_of_the_one_before(
        tmp_path):
    """An imported position keeps what the CV gave of it (`cv:`, with its start): a second
    position starting the same day was located at the first one's `cv:` line."""
    record = tmp_path / "ida.yaml"
    record.write_text("""\
id: ida
positions:
  - title: Direktør
    organisation: Region Syddanmark
    sector: region
    start: 2024-06-01
    cv: {title: Direktør, organisation: Region Syddanmark, start: 2024-06-01}
  - title: Bestyrelsesformand
    organisation: Fonden
    sector: selvejende
    start: 2024-06-01
""", encoding="utf-8")
    loaded = CandidateRecord.model_validate({"id": "ida", "positions": [
        {"title": "Direktør", "organisation": "Region Syddanmark", "sector": "region",
         "start": "2024-06-01", "cv": {"title": "Direktør", "start": "2024-06-01"}},
        {"title": "Bestyrelsesformand", "organisation": "Fonden", "sector": "selvejende",
         "start": "2024-06-01"}]})
    second = positions_ahead(loaded, date(2024, 1, 15), str(record))[1]
    assert (second.field, second.line) == ("positions[1].start", 11)
