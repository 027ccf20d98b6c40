"""The score never rewards missing evidence: more evidence moves it only the way it points.

Checked with hypothesis on every profile in rules/, at the level where each property is true:
on criterion outcomes (one status changed, everything else equal) and end to end through
records (one extra piece of evidence). The one exception is by design and has its own test:
a krav that goes from ikke belyst to delvist becomes a proposed knock-out ("krav kun delvist
opfyldt"), and a proposed knock-out ranks below every candidate without one.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screening.candidates import load_records
from screening.compile import D, I, O, U
from screening.records import SOURCES, CandidateRecord
from screening.rulefiles import list_profiles
from screening.scoring import POINTS_FACTOR, CandidateResult, rank, summarise

from .conftest import ROOT
from .screeners import screen
from .strategies import positions, records

PROFILES = {path.stem: profile for path, profile in list_profiles(ROOT / "rules")}
FAST = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])


def batches(profile, n: int = 4):
    competencies = sorted(profile.competencies)
    return st.tuples(*(records(competencies, f"k{i}") for i in range(n)))


def changed(profile, result: CandidateResult, criterion_id: str,
            status: str) -> CandidateResult:
    """The same candidate with one criterion's status changed and everything re-scored."""
    outcomes = tuple(
        replace(o, status=status,
                points=None if status == U else o.max_points * POINTS_FACTOR[status])
        if o.criterion.id == criterion_id else o for o in result.outcomes)
    return summarise(result.id, outcomes, profile.scoring)


def reranked(results, replacement: CandidateResult) -> CandidateResult:
    """`replacement` ranked among the others as they are."""
    others = [r for r in results if r.id != replacement.id]
    return next(r for r in rank([*others, replacement]) if r.id == replacement.id)


def one_change(profile, before: str, after: list[str], priority: str | None = None):
    """A screened batch, one candidate in it, one of its criteria with status `before` (of
    `priority`, if given; hypothesis rejects batches without one), and the status it turns
    into."""
    @st.composite
    def draw_change(draw):
        stage = draw(st.sampled_from(SOURCES))
        results = screen(profile, draw(batches(profile)), stage=stage).results
        choices = [(r, o) for r in results for o in r.outcomes if o.status == before
                   and priority in (None, o.criterion.priority)]
        if not choices:
            draw(st.nothing())
        result, o = draw(st.sampled_from(choices))
        return results, result, o.criterion, draw(st.sampled_from(after))

    return draw_change()


@pytest.mark.parametrize("profile_id", sorted(PROFILES))
def test_judging_an_unassessed_criterion_met_never_lowers_score_or_rank(profile_id):
    """ikke belyst -> opfyldt / delvist: the score rises (delvist: by half the weight, and
    the possible score falls by the other half), the rank never falls. Exception: a krav
    turning delvist is a proposed knock-out (see the test below)."""
    profile = PROFILES[profile_id]

    @FAST
    @given(one_change(profile, U, [O, D]))
    def check(change):
        results, result, criterion, status = change
        if criterion.priority == "krav" and status == D:
            return  # the proposed knock-out: its own property below
        after = changed(profile, result, criterion.id, status)
        assert after.score >= result.score
        assert after.possible == result.possible if status == O else \
            after.possible <= result.possible
        assert after.knockouts == result.knockouts
        assert reranked(results, after).rank <= result.rank

    check()


@pytest.mark.parametrize("profile_id", sorted(PROFILES))
def test_a_met_criterion_found_weaker_never_raises_score_or_rank(profile_id):
    profile = PROFILES[profile_id]

    @FAST
    @given(one_change(profile, O, [D, I]))
    def check(change):
        results, result, criterion, status = change
        after = changed(profile, result, criterion.id, status)
        assert after.score <= result.score and after.possible <= result.possible
        assert reranked(results, after).rank >= result.rank

    check()


@pytest.mark.parametrize("profile_id", sorted(PROFILES))
def test_the_exception_a_krav_found_only_partly_met_is_a_proposed_knockout(profile_id):
    """By design, not by accident: a krav that is only partly met must not pass silently, so
    it ranks the candidate below everyone without a proposed knock-out, although its
    points are higher than when it was ikke belyst."""
    profile = PROFILES[profile_id]
    if not any(c.priority == "krav" for c in profile.criteria):
        pytest.skip("no krav in this profile")

    @FAST
    @given(one_change(profile, U, [D], priority="krav"))
    def check(change):
        results, result, criterion, status = change
        after = reranked(results, changed(profile, result, criterion.id, status))
        assert after.score > result.score
        assert criterion.id in after.knockouts
        assert criterion.id in after.partly_met_knockouts()
        assert after.recommendation == "knockout_foreslået"
        without = [r.rank for r in rank([*(r for r in results if r.id != after.id), after])
                   if not r.knockouts]
        assert all(after.rank > r for r in without)

    check()


@pytest.mark.parametrize("profile_id", sorted(PROFILES))
def test_one_extra_top_assessment_never_ranks_a_candidate_lower(profile_id):
    """End to end: two records identical but for one assessment at the top of the scale.
    Krav take the weakest source and ønsker the mean, so a top score can only help, except
    where it lifts a krav from ikke belyst to delvist: a proposed knock-out."""
    profile = PROFILES[profile_id]
    competencies = sorted(profile.competencies)

    @FAST
    @given(batches(profile), st.sampled_from(competencies), st.sampled_from(SOURCES),
           st.data())
    def check(batch, competency, stage, data):
        source = data.draw(st.sampled_from(SOURCES[:SOURCES.index(stage) + 1]))
        first = batch[0]
        extra = CandidateRecord.model_validate({
            **first.model_dump(exclude_none=True),
            "assessments": [*(a.model_dump(exclude_none=True) for a in first.assessments),
                            {"competency": competency, "source": source, "score": 5}]})
        before = screen(profile, batch, stage=stage).result(first.id)
        after = screen(profile, [extra, *batch[1:]], stage=stage).result(first.id)
        new_knockouts = set(after.knockouts) - set(before.knockouts)
        was = {o.criterion.id: o.status for o in before.outcomes}
        assert all(was[k] == U and k in after.partly_met_knockouts() for k in new_knockouts)
        if not new_knockouts:
            assert after.score >= before.score and after.possible >= before.possible
            assert after.rank <= before.rank

    check()


@pytest.mark.parametrize("profile_id", sorted(PROFILES))
def test_a_candidate_judged_on_little_never_reads_as_perfect(profile_id):
    """The score counts what is unknown as nothing, so it never exceeds the coverage, and a
    candidate under the profile's minimum coverage gets no band but "utilstrækkeligt
    belyst" (or a proposed knock-out)."""
    profile = PROFILES[profile_id]

    @FAST
    @given(batches(profile), st.sampled_from(SOURCES))
    def check(batch, stage):
        for r in screen(profile, batch, stage=stage).results:
            assert r.score <= r.coverage
            if r.coverage < 100:
                assert r.score < 100
            if r.coverage < profile.scoring.min_coverage:
                assert r.recommendation in ("utilstrækkeligt_belyst", "knockout_foreslået")

    check()


def test_top_leadership_outside_politically_governed_organisations_is_a_proposed_knockout():
    """Helsingør: "Det er afgørende, at du har ledelseserfaring på højt niveau fra en politisk
    styret organisation". Whoever has led at the top only outside politics gets a proposed
    knock-out on it, never a silent pass."""
    profile = PROFILES["helsingor-direktor-2024"]
    top_outside_politics = positions().map(lambda p: {
        **p, "sector": "privat", "politically_governed": False, "leadership_level": "direktion"})
    below_the_top = positions().map(lambda p: {
        **p, "leadership_level": "mellemleder"})

    @FAST
    @given(st.lists(top_outside_politics, min_size=1, max_size=2),
           st.lists(below_the_top, max_size=2), st.sampled_from(SOURCES))
    def check(top, other, stage):
        record = CandidateRecord.model_validate({"id": "k", "positions": [*top, *other]})
        result = screen(profile, [record], stage=stage).results[0]
        assert "ledelse-hojt-niveau-politisk" in result.knockouts

    check()


EXAMPLES = sorted(d for d in (ROOT / "examples" / "candidates").iterdir()
                  if d.is_dir() and d.name in PROFILES)


@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda d: d.name)
def test_leaving_out_a_cv_section_never_raises_an_example_candidate(folder):
    """The issue found 26 shipped cases where deleting `experience` or `education` raised a
    score. Leaving a section out can only lose what it secured. Where the section showed a
    failure, the possible score rises and a knock-out it proposed goes: only then can the
    rank improve. Hiding a failure is for the completeness checks of the process to catch,
    not for the score."""
    profile = PROFILES[folder.name]
    loaded, problems = load_records([folder])
    assert problems == []
    batch = [r.record for r in loaded]
    for stage in ("ansøgning", "reference"):
        full = {r.id: r for r in screen(profile, batch, stage=stage).results}
        for record in batch:
            for section in ("experience", "education"):
                if getattr(record, section) is None:
                    continue
                shorter = [r.model_copy(update={section: None}) if r.id == record.id else r
                           for r in batch]
                after = screen(profile, shorter, stage=stage).result(record.id)
                before = full[record.id]
                assert after.score <= before.score, (stage, record.id, section)
                failure_hidden = any(
                    o.status in (I, D) and a.status == U
                    for o, a in zip(before.outcomes, after.outcomes, strict=True)
                    if o.status == I or o.criterion.priority == "krav")
                if not failure_hidden:
                    assert after.rank >= before.rank, (stage, record.id, section)
