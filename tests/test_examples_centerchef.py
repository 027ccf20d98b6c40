"""The Ishøj centerchef example candidates through the stages of the process (ansøgning,
1st interview, leadership test, references, 2nd interview).

The outcome at the last stage is stated with the other profiles in test_examples_profiles.py;
here is what a consultant expects along the way."""

from __future__ import annotations

import pytest

from screening.records import SOURCES

from .conftest import screened_at_stages

PROFILE_ID = "ishoj-centerchef"


@pytest.fixture(scope="module")
def at_stage():
    return screened_at_stages(PROFILE_ID, SOURCES)


def test_one_krav_read_from_the_cv_and_the_module_included(at_stage):
    profile, _ = at_stage
    krav = [c for c in profile.criteria if c.priority == "krav"]
    assert [(c.id, c.sources) for c in krav] == [("ledelse-af-ledere", ("ansøgning",))]
    assert krav[0].lint_ignore == ("L303",) and "driftsenheder" in krav[0].lint_reasons[0]
    assert {c.rule_file.rsplit("/", 1)[-1] for c in profile.criteria} == {
        "ishoj-centerchef.yaml", "ishoj-arbejdsgrundlag.yaml"}


def test_the_coordinator_without_leaders_is_a_proposed_knockout_from_the_application_on(
        at_stage):
    _, by_stage = at_stage
    for results in by_stage.values():
        assert results["c02-mads-winther"].knockouts == ("ledelse-af-ledere",)
        assert {r.id for r in results.values() if r.knockouts} == {"c02-mads-winther"}


def test_nobody_is_judged_on_the_application_alone(at_stage):
    _, by_stage = at_stage
    assert {r.recommendation for r in by_stage["ansøgning"].values()} == {
        "utilstrækkeligt_belyst", "knockout_foreslået"}


def test_a_cv_without_the_number_of_leaders_leaves_the_krav_open(at_stage):
    _, by_stage = at_stage
    sanne = by_stage["samtale2"]["c03-sanne-juhl"]
    status = {o.criterion.id: o.status for o in sanne.outcomes}
    assert status["ledelse-af-ledere"] == "ikke_belyst"
    assert sanne.knockouts == ()


def test_the_cv_lifts_the_role_to_delvist_before_the_interviews(at_stage):
    _, by_stage = at_stage
    hanne = {o.criterion.id: o.status for o in by_stage["samtale2"]["c07-hanne-lund"].outcomes}
    assert hanne["leder-eget-fagcenter"] == "delvist"  # centerchef in a kommune, not assessed
    assert hanne["lovgivning-og-initiativer"] == "delvist"  # juridisk sagsbehandling
    assert hanne["koncernledelsens-ansvar"] == "ikke_belyst"


def test_weak_references_lower_a_strong_interview_candidate(at_stage):
    _, by_stage = at_stage
    before, after = by_stage["test"]["c08-jens-kirk"], by_stage["reference"]["c08-jens-kirk"]
    assert after.score < before.score
    assert after.rank > before.rank


def test_the_disagreement_shows_once_the_references_are_in(at_stage):
    _, by_stage = at_stage

    def flagged(stage: str) -> list[str]:
        return [o.criterion.id for o in by_stage[stage]["c04-ole-brandt"].outcomes
                if o.disagreement]

    assert flagged("test") == []
    assert flagged("reference") == ["samarbejde-mellem-centerchefer"]
