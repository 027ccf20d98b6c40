"""The four-valued condition algebra: for every combination of child statuses, exactly one
status rule holds, and it is the one the documented semantics give.

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
    all_of,
    and_,
    any_of,
    compare,
    holds,
    negated,
    on_scale,
    or_,
    with_partial,
)
from screening.compile import compile_profile
from screening.results import STATUSES, D, I, O, U
from screening.rulefiles import load_profile

from .conftest import ROOT

SCORE_FOR = {O: 5, D: 3, I: 1}  # with thresholds opfyldt 4, delvist 3


def leaf(n: int):
    return on_scale(f"k{n}", 4, 3)


def fact_for(statuses: tuple[str, ...]) -> dict:
    return {f"k{n}": SCORE_FOR[s] for n, s in enumerate(statuses) if s != U}


def status_of(exprs: dict, fact: dict) -> str:
    true = [s for s in STATUSES if holds(exprs[s], fact)]
    assert len(true) == 1, f"{true} hold for {fact}"
    return true[0]


ORDER = {I: 0, D: 1, O: 2}


def expected_all(children):
    if I in children:
        return I
    if U in children:
        return U
    return min(children, key=ORDER.get)


def expected_any(children):
    if O in children:
        return O
    if D in children:
        return D
    if U in children:
        return U
    return I


@pytest.mark.parametrize("arity", [1, 2, 3])
@pytest.mark.parametrize("combine,expected", [(all_of, expected_all), (any_of, expected_any)])
def test_combinators_give_exactly_the_expected_status(arity, combine, expected):
    exprs = combine([leaf(n) for n in range(arity)])
    for children in itertools.product(STATUSES, repeat=arity):
        assert status_of(exprs, fact_for(children)) == expected(children), children


def test_not_swaps_met_and_unmet_and_keeps_the_rest():
    swap = {O: I, I: O, D: D, U: U}
    for status in STATUSES:
        assert status_of(negated(leaf(0)), fact_for((status,))) == swap[status]


def test_nested_conditions_stay_exclusive_and_exhaustive():
    exprs = any_of([all_of([leaf(0), negated(leaf(1))]), leaf(2)])
    for children in itertools.product(STATUSES, repeat=3):
        inner = expected_all((children[0], {O: I, I: O}.get(children[1], children[1])))
        assert status_of(exprs, fact_for(children)) == expected_any((inner, children[2]))


@pytest.mark.parametrize("when", STATUSES)
@pytest.mark.parametrize("partial", STATUSES)
def test_partial_lifts_a_failure_and_only_a_known_failure_is_ikke_opfyldt(when, partial):
    exprs = with_partial(leaf(0), leaf(1))
    got = status_of(exprs, fact_for((when, partial)))
    if when == I:
        assert got == {O: D, D: D, I: I, U: U}[partial]
    elif when == U:  # not judged yet, but at least partly met whatever it turns out to be
        assert got == {O: D, D: D, I: U, U: U}[partial]
    else:
        assert got == when


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
