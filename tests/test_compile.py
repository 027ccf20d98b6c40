"""The condition algebra: for every combination of child statuses, exactly one status rule
holds, and it is the one the documented semantics give.

A node has one of five statuses: the four, and "at least delvist" (`P`: delvist, perhaps
opfyldt), which a criterion settles as delvist of an ønske and ikke belyst of a krav. The
expected statuses are stated as what the evidence allows, from ikke opfyldt (0) over delvist
(1) to opfyldt (2), ikke belyst allowing anything from 0 up.

The compiled expressions are checked with a tiny interpreter of durable-rules' condition
JSON (missing fields make every comparison false, as measured in durable-rules)."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys

import pytest

from screening.algebra import (
    FALSE,
    TRUE,
    P,
    all_of,
    and_,
    any_of,
    compare,
    holds,
    negated,
    on_scale,
    or_,
    settled,
    with_partial,
)
from screening.compile import compile_profile
from screening.results import STATUSES, D, I, O, U
from screening.rulefiles import load_profile

from .conftest import ROOT

NODE_STATUSES = (*STATUSES, P)
SPAN = {I: (0, 0), D: (1, 1), O: (2, 2), P: (1, 2), U: (0, 2)}


def of_span(low: int, high: int) -> str:
    return {(0, 0): I, (1, 1): D, (2, 2): O, (1, 2): P}.get((low, high), U)


def leaf(n: int):
    """A node that takes each of the five statuses: an assessment (thresholds opfyldt 4,
    delvist 3) or a flag, either of which may be missing."""
    return any_of([on_scale(f"k{n}", 4, 3), compare(f"f{n}", "eq", True)])


# the facts giving `leaf(n)` each status: an assessment score and the flag
LEAF_FACTS = {O: (5, False), D: (3, False), I: (1, False), U: (None, None), P: (3, None)}


def fact_for(statuses: tuple[str, ...]) -> dict:
    fact = {}
    for n, status in enumerate(statuses):
        score, flag = LEAF_FACTS[status]
        fact.update({k: v for k, v in ((f"k{n}", score), (f"f{n}", flag)) if v is not None})
    return fact


def status_of(exprs: dict, fact: dict) -> str:
    true = [s for s in exprs if holds(exprs[s], fact)]
    assert len(true) == 1, f"{true} hold for {fact}"
    return true[0]


def expected_all(children):
    spans = [SPAN[c] for c in children]
    return of_span(min(lo for lo, _ in spans), min(hi for _, hi in spans))


def expected_any(children):
    spans = [SPAN[c] for c in children]
    return of_span(max(lo for lo, _ in spans), max(hi for _, hi in spans))


def expected_not(child):
    low, high = SPAN[child]
    return of_span(2 - high, 2 - low)


def test_a_leaf_takes_each_status():
    for status in NODE_STATUSES:
        assert status_of(leaf(0), fact_for((status,))) == status


@pytest.mark.parametrize("arity", [1, 2, 3])
@pytest.mark.parametrize("combine,expected", [(all_of, expected_all), (any_of, expected_any)])
def test_combinators_give_exactly_the_expected_status(arity, combine, expected):
    exprs = combine([leaf(n) for n in range(arity)])
    for children in itertools.product(NODE_STATUSES, repeat=arity):
        assert status_of(exprs, fact_for(children)) == expected(children), children


def test_any_of_delvist_and_what_is_not_judged_is_at_least_delvist():
    assert expected_any((D, U)) == P
    assert expected_all((D, U)) == U


def test_not_swaps_met_and_unmet_and_keeps_the_rest():
    """"At least delvist", negated, is "at most delvist": ikke belyst."""
    swap = {O: I, I: O, D: D, U: U, P: U}
    for status in NODE_STATUSES:
        assert status_of(negated(leaf(0)), fact_for((status,))) == swap[status]
        assert expected_not(status) == swap[status]


def test_nested_conditions_stay_exclusive_and_exhaustive():
    exprs = any_of([all_of([leaf(0), negated(leaf(1))]), leaf(2)])
    for children in itertools.product(NODE_STATUSES, repeat=3):
        inner = expected_all((children[0], expected_not(children[1])))
        assert status_of(exprs, fact_for(children)) == expected_any((inner, children[2]))


@pytest.mark.parametrize("when", NODE_STATUSES)
@pytest.mark.parametrize("partial", NODE_STATUSES)
def test_partial_lifts_a_failure_and_only_a_known_failure_is_ikke_opfyldt(when, partial):
    exprs = with_partial(leaf(0), leaf(1))
    got = status_of(exprs, fact_for((when, partial)))
    if when == I:
        assert got == {O: D, D: D, P: D, I: I, U: U}[partial]
    elif when == U:  # not judged yet, but at least partly met whatever it turns out to be
        assert got == {O: P, D: P, P: P, I: U, U: U}[partial]
    else:
        assert got == when


@pytest.mark.parametrize("status", NODE_STATUSES)
def test_a_criterion_settles_at_least_delvist_by_its_priority(status):
    """Of an ønske, it stays: delvist secured, opfyldt still possible (scoring counts half
    its weight earned, half open); of a krav not yet a knock-out, as the evidence not there
    may show it met."""
    fact = fact_for((status,))
    assert status_of(settled(leaf(0), krav=False), fact) == status
    assert status_of(settled(leaf(0), krav=True), fact) == {P: U}.get(status, status)
    assert set(settled(leaf(0), krav=True)) == set(STATUSES)


@pytest.mark.parametrize("op,value,present,status", [
    ("eq", True, True, O), ("eq", True, False, I), ("ne", True, True, I),
    ("gte", 5, 5, O), ("gte", 5, 4.9, I), ("gt", 5, 5, I), ("lt", 2, 1, O),
    ("lte", 2, 2, O), ("in", ("chef", "direktion"), "chef", O),
    ("in", ("chef", "direktion"), "mellemleder", I),
])
def test_comparisons(op, value, present, status):
    exprs = compare("x", op, value)
    assert status_of(exprs, {"x": present}) == status
    assert status_of(exprs, {}) == U


def test_and_or_simplify_constants_and_flatten():
    a, b = {"x": 1}, {"y": 2}
    assert and_(TRUE, a) == a
    assert and_(a, FALSE) is FALSE
    assert and_() is TRUE
    assert or_(FALSE, a) == a
    assert or_(a, TRUE) is TRUE
    assert or_() is FALSE
    assert and_(and_(a, b), a) == {"$and": [a, b]}  # a repeated test is dropped
    assert or_(or_(a, b), b) == {"$or": [a, b]}


def test_the_same_where_is_compiled_once_and_shared():
    compiled = compile_profile(load_profile("rules/helsingor-direktor-2024.yaml"))
    wheres = [(p.collection, p.where) for p in compiled.predicates.values()]
    assert len(wheres) == len(set(wheres))


def test_non_ascii_values_match_in_the_engine(helsingor):
    """Rule values like 'mediehåndtering' reach durable-rules' core unescaped."""
    from datetime import date

    from screening.engine import Engine
    from screening.records import CandidateRecord

    record = CandidateRecord.model_validate(
        {"id": "x", "experience": [{"kind": "mediehåndtering", "role": "rådgiver"}]})
    (evaluated,) = Engine(compile_profile(helsingor)).evaluate([record], "samtale2",
                                                               date(2024, 1, 15))
    assert evaluated.firings.criteria["mediehaandtering"] == "opfyldt"


def test_a_fully_assessed_candidate_of_a_large_profile_is_screened():
    from screening.records import CandidateRecord
    from screening.screen import screen

    profile = load_profile("rules/hoje-taastrup-arbejdsmarkeds-og-socialdirektoer-2009.yaml")
    assessments = [{"competency": c, "source": s, "score": 4 + (n % 2)}
                   for n, c in enumerate(profile.competencies)
                   for s in ("samtale1", "test", "reference", "samtale2")]
    record = CandidateRecord.model_validate({"id": "alle", "assessments": assessments})
    (result,) = screen(profile, [record]).results
    assessed_only = [o for o in result.outcomes if o.criterion.sources != ("ansøgning",)]
    assert {o.status for o in assessed_only} == {O}


L = {"field": "leadership", "eq": True}
CLI = [sys.executable, "-c", "from screening.cli import main; main()"]
TANGLED = {"all": [{"not": {"not": {"any": [{"all": [{"all": [L]}]}, {"all": [{"all": [
    {"all": [{"not": {"not": L}}]}]}]}]}}}]}  # issue 15, defect 1


def test_conditions_are_normalised_before_compiling():
    from screening import conditions as cond

    leaf = cond.parse(L, item_level=True)
    assert cond.normalise(cond.parse(TANGLED, item_level=True)) == leaf
    nested = cond.parse({"all": [{"all": [L, {"field": "year", "gte": 2000}]}, L,
                                 {"not": {"not": {"not": L}}}]}, item_level=True)
    year = cond.parse({"field": "year", "gte": 2000}, item_level=True)
    assert cond.normalise(nested) == cond.All((leaf, year, cond.Not(leaf)))


def conditions_of(compiled):
    """The four-status conditions of a compiled profile, per item predicate and criterion."""
    return ({key: p.exprs for key, p in compiled.predicates.items()},
            {cc.criterion.id: cc.exprs for cc in compiled.criteria})


def test_a_tangled_condition_does_not_crash_the_engine(tmp_path):
    """Double negation around nested all/any overflowed durable-rules' match stack and
    corrupted its memory: exit 134 or 139 on the Helsingør examples, 8 of 8 times."""
    text = (ROOT / "rules" / "helsingor-direktor-2024.yaml").read_text(encoding="utf-8")
    original = "where: {field: leadership, eq: true}"
    assert original in text
    tangled = text.replace(original, "where: " + json.dumps(TANGLED), 1)
    (tmp_path / "tangled.yaml").write_text(tangled, encoding="utf-8")
    run = subprocess.run(
        [*CLI, "screen", str(tmp_path / "tangled.yaml"),
         str(ROOT / "examples" / "candidates" / "helsingor-direktor-2024"), "--format", "json"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
        env={**os.environ, "SCREENING_AUDIT_DB": str(tmp_path / "a.db")})
    assert run.returncode == 0, run.stderr[-2000:]
    plain = compile_profile(load_profile(ROOT / "rules" / "helsingor-direktor-2024.yaml"))
    assert conditions_of(compile_profile(load_profile(tmp_path / "tangled.yaml"))) == \
        conditions_of(plain)
