"""Presenting a screening (screening/report.py): the JSON document, JSON Lines, CSV, the
table and Markdown, over every shipped profile and its example candidates; figures in the
chosen language's notation; no personal data in any of them."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest

from screening.i18n import set_language
from screening.profiles import CATEGORIES
from screening.report import (
    CSV_FIELDS,
    csv_text,
    document,
    jsonl_line,
    knockout_ids,
    markdown,
    number_text,
    score_range,
    table,
)
from screening.results import Score
from screening.screen import screen
from screening.vocabulary import STAGES, STATUSES, label

from .conftest import EXAMPLES, example_records


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.name)
def screened(request):
    """(screening, records) of a shipped profile's example candidates."""
    profile, records = example_records(request.param)
    return screen(profile, records, "samtale2"), records


def _personal_words(records) -> list[str]:
    return [value for r in records if r.personal is not None
            for value in r.personal.model_dump(exclude_none=True).values()
            if isinstance(value, str)]


def test_the_document_holds_every_candidate_ranked_with_every_criterion(screened):
    screening, records = screened
    doc = json.loads(json.dumps(document(screening)))  # plain JSON all through
    profile = screening.profile
    assert doc["profile"] == {"id": profile.meta.id, "version": profile.meta.version,
                              "sha256": profile.sha256}
    assert (doc["stage"], doc["as_of"]) == ("samtale2", screening.as_of.isoformat())
    assert [c["id"] for c in doc["candidates"]] == [r.id for r in screening.results]
    assert sorted(c["id"] for c in doc["candidates"]) == sorted(r.id for r in records)
    ranks = [c["rank"] for c in doc["candidates"]]
    assert ranks == sorted(ranks) and ranks[0] == 1
    criteria = [c.id for c in profile.criteria]
    for entry, result in zip(doc["candidates"], screening.results, strict=True):
        assert sorted(c["id"] for c in entry["criteria"]) == sorted(criteria)
        assert {c["status"] for c in entry["criteria"]} <= set(STATUSES)
        assert entry["knockouts"] == list(result.knockouts)
        assert set(entry["partly_met_knockouts"]) <= set(entry["knockouts"])
        assert set(entry["categories"]) <= set(CATEGORIES)
        assert entry["score"] <= entry["possible"]
        for c in entry["criteria"]:
            assert (c["points"] is None) == (c["status"] == "ikke_belyst")
            # the value of an inline `some` with the `some` itself, to be worded again
            assert all(set(e) - {"some"} == {"path", "value", "source"} for e in c["evidence"])


def test_json_lines_are_the_document_candidates_before_ranking(screened):
    screening, _ = screened
    profile = screening.profile
    entries = json.loads(json.dumps(document(screening)))["candidates"]  # decision included
    for result, entry in zip(screening.results, entries, strict=True):
        line = jsonl_line(profile, screening.stage, screening.as_of, result)
        assert "\n" not in line
        assert json.loads(line) == {"profile": profile.meta.id,
                                    "profile_version": profile.meta.version,
                                    "profile_sha256": profile.sha256, "stage": screening.stage,
                                    "as_of": screening.as_of.isoformat(), **entry,
                                    "rank": None}


def test_csv_has_one_row_per_candidate_with_status_counts(screened):
    screening, _ = screened
    rows = list(csv.DictReader(io.StringIO(csv_text(screening))))
    assert list(rows[0]) == CSV_FIELDS
    assert [row["id"] for row in rows] == [r.id for r in screening.results]
    for row, result in zip(rows, screening.results, strict=True):
        assert sum(int(row[s]) for s in STATUSES) == len(result.outcomes)
        assert float(row["score"]) == result.score  # dot decimals whatever the language
        assert row["knockouts"].split() == list(result.knockouts)


@pytest.mark.parametrize("render", [table, markdown], ids=["table", "markdown"])
def test_the_table_has_a_title_a_header_and_one_row_per_candidate(screened, render):
    screening, _ = screened
    text = render(screening)
    title, blank, *grid = text.splitlines()
    meta = screening.profile.meta
    assert blank == ""
    assert f"({meta.id} v{meta.version})" in title and title.endswith(label(STAGES, "samtale2"))
    assert title.startswith("## ") == (render is markdown)
    body = grid[2:]  # header and rule
    assert len(body) == len(screening.results)
    for line, result in zip(body, screening.results, strict=True):
        assert f" {result.id} " in line
    if render is markdown:
        assert all(line.startswith("|") and line.endswith("|") for line in grid)


def test_no_report_holds_personal_data(screened):
    screening, records = screened
    words = _personal_words(records)
    assert words  # the examples carry names and contact details
    texts = [json.dumps(document(screening), ensure_ascii=False), csv_text(screening),
             table(screening), markdown(screening),
             *(jsonl_line(screening.profile, "s", screening.as_of, r) for r in screening.results)]
    for word in words:
        assert not any(word in text for text in texts), word


@pytest.mark.parametrize("language, secured, ranged, none", [
    ("da", "70,6", "70,6–91,2", "–"), ("en", "70.6", "70.6–91.2", "–")])
def test_figures_use_the_languages_decimal_mark(language, secured, ranged, none):
    set_language(language)
    assert score_range(Score(70.64, 70.64, 100.0)) == secured
    assert score_range(Score(70.64, 91.2, 79.4)) == ranged
    assert number_text(None) == none


@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda p: p.name)
def test_the_table_counts_statuses_without_making_the_outcomes(folder, monkeypatch):
    from screening import scoring

    made: list[str] = []
    outcomes_of = scoring.outcomes_of

    def counted(compiled, evaluated):
        made.append(evaluated.facts.record.id)
        return outcomes_of(compiled, evaluated)
    monkeypatch.setattr(scoring, "outcomes_of", counted)
    profile, records = example_records(folder)
    screening = screen(profile, records, "samtale2")
    before = [(r.status_counts(), r.partly_met_knockouts()) for r in screening.results]
    text = table(screening)
    assert made == []
    made_first = replace(screening, results=tuple(replace(r, outcomes=tuple(r.outcomes))
                                                  for r in screening.results))
    assert sorted(made) == sorted(r.id for r in screening.results)
    assert text == table(made_first)  # counted from the outcomes themselves
    for (counts, partly), result in zip(before, screening.results, strict=True):
        assert counts == {s: sum(o.status == s for o in result.outcomes) for s in STATUSES}
        assert partly == tuple(o.criterion.id for o in result.outcomes
                               if o.criterion.id in result.knockouts and o.status == "delvist")


def test_knock_outs_met_in_part_are_marked(screened):
    screening, _ = screened
    for result in screening.results:
        marked = knockout_ids(result).split(", ") if result.knockouts else []
        assert [k.removesuffix(" (kun delvist)") for k in marked] == list(result.knockouts)
        assert [k for k in marked if k.endswith(" (kun delvist)")] == \
            [f"{k} (kun delvist)" for k in result.partly_met_knockouts()]
