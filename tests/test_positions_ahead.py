"""A position that starts after the date of assessment is a warning (W102), located at its
`start:`, in every language; the candidate is still screened, and a date of assessment
after the start says nothing."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from screening.cli import main
from screening.positions_ahead import positions_ahead
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


def test_a_json_lines_record_is_located_by_its_line(tmp_path):
    record = CandidateRecord.model_validate(
        {"id": "a", "positions": [{"title": "Direktør", "organisation": "X Kommune",
                                   "sector": "kommune", "start": "2025-02-01"}]})
    pool = tmp_path / "pool.jsonl"
    pool.write_text('{"id": "b"}\n' + json.dumps(record.model_dump(mode="json",
                                                                     exclude_none=True)) + "\n",
                    encoding="utf-8")
    (found,) = positions_ahead(record, date(2024, 1, 15), f"{pool}:2")
    assert (found.path, found.line, found.field, found.code) == (
        str(pool), 2, "positions[0].start", "W102")
