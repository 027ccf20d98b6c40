"""The condition language (screening/conditions.py): parsing plain data into a tree, the
errors with their paths, the bounds, normalisation and walking."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screening import conditions as cond
from screening.records import CandidateRecord
from screening.rulefiles import load_profile

from .conftest import ROOT
from .reference import Reference
from .strategies import combined, field_test, positions

PROFILES = sorted((ROOT / "rules").glob("*.yaml"))
LEADERSHIP = {"field": "leadership", "eq": True}
YEAR = {"field": "year", "gte": 2000}


def leaf(name: str, op: str = "eq", value: object = True, item_level: bool = True):
    return cond.Compare(name, op, value, item_level)


@pytest.mark.parametrize("data, item_level, tree", [
    (LEADERSHIP, True, leaf("leadership")),
    ({"fact": "kommunal_erfaring_aar", "gte": 5}, False,
     leaf("kommunal_erfaring_aar", "gte", 5, item_level=False)),
    ({"fact": "har_mpa"}, False, leaf("har_mpa", item_level=False)),  # bare: "is true"
    ({"field": "domains", "in": ["skole", "dagtilbud"]}, True,
     leaf("domains", "in", ("skole", "dagtilbud"))),  # a list is kept as a tuple
    ({"all": [LEADERSHIP, YEAR]}, True, cond.All((leaf("leadership"), leaf("year", "gte", 2000)))),
    ({"any": [LEADERSHIP]}, True, cond.AnyOf((leaf("leadership"),))),
    ({"not": LEADERSHIP}, True, cond.Not(leaf("leadership"))),
    ({"some": "education", "where": LEADERSHIP}, False,
     cond.Some("education", leaf("leadership"))),
    ({"assessed": "politisk_forstaaelse"}, False,
     cond.Assessed("politisk_forstaaelse", None, None)),
    ({"assessed": "politisk_forstaaelse", "by": ["samtale1", "reference"], "gte": 3.5}, False,
     cond.Assessed("politisk_forstaaelse", ("samtale1", "reference"), 3.5)),
])
def test_plain_data_parses_into_its_tree(data, item_level, tree):
    assert cond.parse(data, item_level=item_level) == tree


@pytest.mark.parametrize("data, item_level, path, code", [
    ([], False, ("when",), "expected_condition"),
    ({}, False, ("when",), "expected_condition"),
    ({"all": []}, False, ("when", "all"), "expected_list"),
    ({"any": LEADERSHIP}, True, ("when", "any"), "expected_list"),
    ({"all": [LEADERSHIP], "any": [LEADERSHIP]}, True, ("when", "any"), "unexpected_key"),
    ({"all": [LEADERSHIP, {"fact": "x"}]}, True, ("when", "all", 1), "unknown_condition_keys"),
    ({"field": "year"}, False, ("when",), "unknown_condition_keys"),  # no field at candidate level
    ({"field": "year", "gte": 1, "lte": 2}, True, ("when", "lte"), "range_in_one"),
    ({"field": "year", "gte": 1, "about": 2}, True, ("when", "about"), "one_operator"),
    ({"field": "year", "about": 1}, True, ("when", "about"), "one_operator"),
    ({"field": "domains", "in": "skole"}, True, ("when", "in"), "in_needs_list"),
    ({"field": "domains", "in": []}, True, ("when", "in"), "in_needs_list"),
    ({"field": "", "eq": 1}, True, ("when", "field"), "expected_name"),
    ({"some": "positions"}, False, ("when",), "some_needs_where"),
    ({"some": "positions", "where": LEADERSHIP, "when": 1}, False, ("when", "when"),
     "unexpected_key"),
    ({"some": "positions", "were": LEADERSHIP}, False, ("when", "were"), "unexpected_key"),
    ({"some": "positions", "where": {"fact": "x"}}, False, ("when", "where"),
     "unknown_condition_keys"),  # a `where` is item level
    ({"assessed": "k", "by": []}, False, ("when", "by"), "expected_sources"),
    ({"assessed": "k", "by": "samtale1"}, False, ("when", "by"), "expected_sources"),
    ({"assessed": "k", "gte": True}, False, ("when", "gte"), "expected_score"),
    ({"assessed": "k", "gte": "4"}, False, ("when", "gte"), "expected_score"),
    ({"not": {"not": {"all": [{"fact": 3}]}}}, False, ("when", "not", "not", "all", 0, "fact"),
     "expected_name"),
])
def test_a_bad_condition_names_the_place_and_the_problem(data, item_level, path, code):
    with pytest.raises(cond.ConditionSyntaxError) as raised:
        cond.parse(data, ("when",), item_level)
    text = raised.value.text
    if text.code == "hinted":  # the problem, then a suggestion ("when" -> 'where'?)
        text = dict(text.params)["message"]
    assert (raised.value.path, text.code) == (path, code)


def test_an_in_list_is_bounded():
    values = [str(n) for n in range(cond.MAX_IN_VALUES)]
    assert cond.parse({"field": "domains", "in": values}, item_level=True).value == tuple(values)
    with pytest.raises(cond.ConditionSyntaxError) as raised:
        cond.parse({"field": "domains", "in": [*values, "one more"]}, item_level=True)
    assert raised.value.text.code == "in_too_many"


def test_the_tests_in_one_condition_are_bounded():
    tests = [{"field": "year", "gte": n} for n in range(cond.MAX_TESTS)]
    assert len(cond.parse({"any": tests}, item_level=True).children) == cond.MAX_TESTS
    with pytest.raises(cond.ConditionSyntaxError) as raised:
        cond.parse({"any": [*tests, YEAR]}, item_level=True)
    assert raised.value.text.code == "too_many_tests"


def _alternating(levels: int) -> dict:
    """all / any alternating `levels` deep: no level is redundant."""
    data: dict = LEADERSHIP
    for n in range(levels):
        data = {"all" if n % 2 else "any": [data, {"field": "year", "gte": n}]}
    return data


def _redundant(levels: int) -> dict:
    """`all` of one child, `levels` deep: normalised, only the leaf is left."""
    data: dict = LEADERSHIP
    for _ in range(levels):
        data = {"all": [data]}
    return data


def test_depth_is_bounded_once_redundant_nesting_is_removed():
    cond.parse(_alternating(cond.MAX_DEPTH), item_level=True)
    with pytest.raises(cond.ConditionSyntaxError) as raised:
        cond.parse(_alternating(cond.MAX_DEPTH + 1), item_level=True)
    assert raised.value.text.code == "combinators_too_deep"
    # redundant nesting counts only up to the written bound, which keeps parsing cheap
    assert cond.parse(_redundant(cond.MAX_WRITTEN_DEPTH), item_level=True) != leaf("leadership")
    assert cond.normalise(cond.parse(_redundant(cond.MAX_WRITTEN_DEPTH),
                                     item_level=True)) == leaf("leadership")
    with pytest.raises(cond.ConditionSyntaxError) as raised:
        cond.parse(_redundant(cond.MAX_WRITTEN_DEPTH + 2), item_level=True)
    assert raised.value.text.code == "combinators_too_deep"


def test_normalise_flattens_drops_repeats_and_double_negation_keeping_order():
    year, led = leaf("year", "gte", 2000), leaf("leadership")
    tree = cond.AnyOf((cond.AnyOf((year, led)), cond.Not(cond.Not(year)),
                       cond.All((cond.Not(led),))))
    assert cond.normalise(tree) == cond.AnyOf((year, led, cond.Not(led)))
    # a combinator of another kind is not merged into its parent
    mixed = cond.All((cond.AnyOf((year, led)), led))
    assert cond.normalise(mixed) == mixed
    # an odd number of negations keeps one
    assert cond.normalise(cond.Not(cond.Not(cond.Not(led)))) == cond.Not(led)
    # inside `some`, the `where` is normalised too
    assert cond.normalise(cond.Some("positions", cond.All((led, led)))) == \
        cond.Some("positions", led)


def test_normalise_keeps_repeats_apart_by_value_even_when_unhashable():
    first, second = leaf("x", "eq", {"a": 1}), leaf("x", "eq", {"a": 2})
    assert cond.normalise(cond.All((first, second, first))) == cond.All((first, second))


def test_walk_yields_parents_before_children_in_written_order():
    led, year = leaf("leadership"), leaf("year", "gte", 2000)
    tree = cond.All((cond.Not(led), cond.Some("positions", cond.AnyOf((year, led)))))
    assert list(cond.walk(tree)) == [tree, tree.children[0], led, tree.children[1],
                                     cond.AnyOf((year, led)), year, led]


@settings(max_examples=150, deadline=None)
@given(data=combined(field_test("positions"), max_leaves=8),
       items=st.lists(positions(), min_size=1, max_size=3))
def test_normalising_changes_the_shape_never_the_status(helsingor, data, items):
    """Under the four statuses (the reference evaluator's semantics), for any position."""
    tree = cond.parse(data, item_level=True)
    normal = cond.normalise(tree)
    assert cond.normalise(normal) == normal
    record = CandidateRecord.model_validate({"id": "k", "positions": items})
    reference = Reference(helsingor, record, "ansøgning")
    for item in record.positions or ():
        assert reference.item("positions", item, normal) == \
            reference.item("positions", item, tree)


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_every_shipped_condition_is_normalised_to_a_fixed_point(path: Path):
    profile = load_profile(path)
    conditions = [c for criterion in profile.criteria
                  for c in (criterion.when, criterion.partial) if c is not None]
    conditions += [d.where for d in profile.derived.values() if d.where is not None]
    assert conditions
    for tree in conditions:
        normal = cond.normalise(tree)
        assert cond.normalise(normal) == normal
        leaves = {repr(n) for n in cond.walk(tree) if isinstance(n, cond.Compare | cond.Assessed)}
        assert {repr(n) for n in cond.walk(normal)
                if isinstance(n, cond.Compare | cond.Assessed)} == leaves


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_every_shipped_condition_is_stored_as_data_that_parses_back_to_it(path: Path):
    """`as_data` stores an inline `some` with its evidence, to be worded again when read."""
    profile = load_profile(path)
    trees = [c for criterion in profile.criteria
             for c in (criterion.when, criterion.partial) if c is not None]
    assert trees
    for tree in trees:
        assert cond.parse(cond.as_data(tree)) == tree
        for some in (node for node in cond.walk(tree) if isinstance(node, cond.Some)):
            assert cond.parse(cond.as_data(some)) == some
    for derived in profile.derived.values():
        if derived.where is not None:
            assert cond.parse(cond.as_data(derived.where), item_level=True) == derived.where


def test_a_range_in_one_condition_says_how_to_write_it():
    with pytest.raises(cond.ConditionSyntaxError) as raised:
        cond.parse({"fact": "ledelseserfaring_aar", "gte": 5, "lt": 10}, ("when",))
    assert raised.value.text.render("da") == (
        "én operator pr. betingelse: et interval er én betingelse pr. operator under `all:`, "
        "fx `all: [{fact: ledelseserfaring_aar, gte: 5}, {fact: ledelseserfaring_aar, lt: 10}]`")
