"""Scores, coverage, knock-outs, bands and rank from criterion outcomes."""

from __future__ import annotations

from dataclasses import replace

from screening.scoring import CandidateResult, CriterionOutcome, Score, rank, score_of


def outcome(criterion, status: str, weight: float) -> CriterionOutcome:
    factor = {"opfyldt": 1.0, "delvist": 0.5, "ikke_opfyldt": 0.0}.get(status)
    points = None if factor is None else weight * factor
    return CriterionOutcome(replace(criterion, weight=weight), status, points, weight, (), (),
                            False)


def test_score_is_over_judged_weight_and_coverage_is_the_judged_share(helsingor):
    c = helsingor.criteria[0]
    outcomes = [outcome(c, "opfyldt", 3), outcome(c, "delvist", 2), outcome(c, "ikke_opfyldt", 1),
                outcome(c, "ikke_belyst", 4)]
    # points 3 + 1 + 0 of judged weight 6; judged 6 of 10
    assert score_of(outcomes) == Score(66.7, 60.0)
    assert score_of([outcome(c, "ikke_belyst", 4)]) == Score(None, 0.0)


def result(cid: str, score: float | None, coverage: float, knockouts=(),
           band="anbefales") -> CandidateResult:
    return CandidateResult(cid, (), Score(score, coverage), {}, tuple(knockouts), band, band)


def test_rank_puts_knockouts_and_thin_evidence_last_and_ties_share_a_rank():
    ranked = rank([
        result("e", 95, 90, knockouts=["krav"], band="knockout_foreslået"),
        result("d", 99, 10, band="utilstrækkeligt_belyst"),
        result("b", 80, 70), result("a", 80, 70), result("c", 80, 60), result("f", 90, 50)])
    assert [(r.id, r.rank) for r in ranked] == [
        ("f", 1), ("a", 2), ("b", 2), ("c", 4), ("d", 5), ("e", 6)]


def test_rank_does_not_depend_on_input_order():
    results = [result("x", 70, 50), result("y", 70, 50), result("z", 60, 80)]
    assert rank(results) == rank(list(reversed(results)))
