"""Who goes on (screening/shortlist.py): taken, tied at the last place, not taken, stopped,
proposed knock-outs and candidates too thinly evidenced to judge, with and without a
person's decisions; and the short reason given per candidate."""

from __future__ import annotations

import pytest

from screening.audit.decisions import Decision
from screening.candidates import load_records
from screening.results import SPARSE_BAND, CandidateResult, Score, Screening
from screening.scoring import rank
from screening.screen import screen
from screening.shortlist import reasons, shortlist

# the decision kinds by what they decide: (decision, target, outcome)
ADVANCE = ("advance", "candidate", "advances")
STOP = ("stop", "candidate", "stops")
OVERRIDE = ("override", "knockout", "advances")
CONFIRM = ("confirm", "knockout", "stops")


def result(cid: str, score: float, knockouts: tuple[str, ...] = (),
           recommendation: str = "egnet") -> CandidateResult:
    total = Score(score, score, 100.0)
    return CandidateResult(cid, (), total, {}, knockouts, recommendation, recommendation)


def screening_of(helsingor, *results: CandidateResult) -> Screening:
    return Screening(helsingor, "samtale2", helsingor.meta.date, tuple(rank(list(results))))


def decided(kind: tuple[str, str, str], cid: str) -> Decision:
    decision, target, outcome = kind
    return Decision(1, "run", cid, "2024-01-01", decision, target, outcome, "grund", "F")


def ids(results) -> list[str]:
    return [r.id for r in results]


@pytest.fixture
def pool(helsingor) -> Screening:
    """a 80, b and c tied at 60, d 40; e knocked out; f too thinly evidenced to judge."""
    return screening_of(helsingor, result("a", 80), result("b", 60), result("c", 60),
                        result("d", 40), result("e", 90, knockouts=("krav-1",)),
                        result("f", 10, recommendation=SPARSE_BAND))


def test_the_best_are_taken_and_a_tie_at_the_last_place_goes_to_the_committee(pool):
    two = shortlist(pool, 2)
    assert (ids(two.taken), ids(two.tied), ids(two.not_taken)) == (["a"], ["b", "c"], ["d"])
    assert (ids(two.knocked_out), ids(two.unjudged), two.stopped) == (["e"], ["f"], ())


@pytest.mark.parametrize("take, taken, tied, not_taken", [
    (0, [], [], ["a", "b", "c", "d"]),
    (1, ["a"], [], ["b", "c", "d"]),
    (3, ["a", "b", "c"], [], ["d"]),  # the tie fits: nobody is cut from it
    (4, ["a", "b", "c", "d"], [], []),
    (10, ["a", "b", "c", "d"], [], []),  # more places than eligible candidates
])
def test_places_are_filled_in_rank_order(pool, take, taken, tied, not_taken):
    listed = shortlist(pool, take)
    assert (ids(listed.taken), ids(listed.tied), ids(listed.not_taken)) == \
        (taken, tied, not_taken)


def test_every_candidate_lands_in_exactly_one_group(pool):
    for take in range(7):
        listed = shortlist(pool, take)
        groups = [listed.taken, listed.tied, listed.not_taken, listed.knocked_out,
                  listed.unjudged, listed.stopped]
        assert sorted(r.id for group in groups for r in group) == sorted(ids(pool.results))


def test_a_decision_to_go_on_takes_a_place_and_a_stop_takes_one_out(pool):
    listed = shortlist(pool, 2, {"e": decided(OVERRIDE, "e"), "a": decided(STOP, "a")})
    # e (overridden knock-out) takes a place; a is out; one place left, b and c tie for it
    assert (ids(listed.taken), ids(listed.tied), ids(listed.not_taken)) == (["e"], ["b", "c"],
                                                                           ["d"])
    assert (ids(listed.stopped), listed.knocked_out, ids(listed.unjudged)) == (["a"], (), ["f"])


def test_decided_candidates_keep_their_place_beyond_the_number_asked(pool):
    listed = shortlist(pool, 1, {"f": decided(ADVANCE, "f"), "d": decided(ADVANCE, "d")})
    assert ids(listed.taken) == ["d", "f"]  # both decided on, in rank order; no place left
    assert ids(listed.not_taken) == ["a", "b", "c"] and listed.unjudged == ()


def test_a_confirmed_knock_out_is_stopped_not_proposed(pool):
    listed = shortlist(pool, 2, {"e": decided(CONFIRM, "e")})
    assert (ids(listed.stopped), listed.knocked_out) == (["e"], ())


def test_reasons_write_score_and_coverage_as_the_table_does():
    """The table said "100,0 %" where the shortlist's reason said "dækning 100 %"."""
    (judged,) = rank([result("a", 80)])
    assert judged.coverage == 100.0
    assert reasons(judged).startswith("score 80,0, dækning 100,0 %")


def test_reasons_name_score_coverage_strongest_criteria_and_knock_outs(helsingor, candidates):
    loaded, problems = load_records([candidates])
    assert problems == []
    screened = screen(helsingor, [r.record for r in loaded], "samtale2")
    strong, knocked = screened.result("strong"), screened.result("no-leaders")
    met = sorted((o for o in strong.outcomes if o.status == "opfyldt"),
                 key=lambda o: (-o.max_points, o.criterion.id))
    text = reasons(strong, strongest=2)
    assert text.startswith("score ") and "dækning" in text
    assert "stærkest: " + ", ".join(o.criterion.name for o in met[:2]) in text
    assert "foreslået knock-out" not in text
    assert knocked.knockouts
    assert "foreslået knock-out: " + ", ".join(knocked.knockouts) in reasons(knocked)
    open_krav = [o.criterion.id for o in knocked.outcomes
                 if o.criterion.priority == "krav" and o.status == "ikke_belyst"]
    assert ("krav ikke belyst" in reasons(knocked)) == bool(open_krav)
