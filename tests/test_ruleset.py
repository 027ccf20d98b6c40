"""Planning the durable-rules ruleset (screening/ruleset.py): the rule JSON, long conditions
split to fit the core, and the fact types that carry the rules. The compiled profile keeps
one condition per status; only the ruleset knows the core's limits."""

from __future__ import annotations

import copy
import itertools
import textwrap
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screening.algebra import and_, holds, or_
from screening.compile import compile_profile
from screening.engine import Engine
from screening.records import SOURCES, CandidateRecord
from screening.results import STATUSES, D, I, O, P, U
from screening.rulefiles import load_profile
from screening.ruleset import (
    MAX_COMBINATORS,
    RULES_PER_FACT_TYPE,
    FactGroup,
    Layout,
    _combinators,
    fit_for_engine,
    floors_across,
    layout_of,
    meaning_of,
)

from .conftest import ROOT
from .strategies import record_sets

PROFILES = sorted((ROOT / "rules").glob("*.yaml"))
COMPETENCIES = [f"c{n}" for n in range(6)]
# a criterion whose delvist condition needs more nested all/any than one rule may have
WIDE_PROFILE = """\
    profile: {id: p, title: T, organisation: O, source: s.txt, version: "1", date: 2024-01-01}
    competencies: {COMPETENCIES}
    criteria:
      - id: alle
        name: N
        category: personlige
        priority: ønske
        quote: et plus
        section: S
        when: {all: [ASSESSED]}
"""


def _first_test(rule: dict) -> dict:
    (condition,) = rule["all"]
    return condition["m"]["$and"][0] if "$and" in condition["m"] else condition["m"]


@pytest.fixture(scope="module")
def wide(tmp_path_factory):
    text = textwrap.dedent(WIDE_PROFILE).replace(
        "COMPETENCIES", ", ".join(f"{c}: {c.upper()}" for c in COMPETENCIES)).replace(
        "ASSESSED", ", ".join(f"{{assessed: {c}}}" for c in COMPETENCIES))
    path = Path(tmp_path_factory.mktemp("wide")) / "p.yaml"
    path.write_text(text, encoding="utf-8")
    return compile_profile(load_profile(path))


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_every_rule_starts_with_its_fact_type_and_has_no_cap(path):
    compiled = compile_profile(load_profile(path))
    layout = layout_of(compiled)
    for name, rule in layout.rules.items():
        # a rule testing only `$nex` hangs durable-rules: every rule begins with the type
        assert set(_first_test(rule)) == {"t"}, name
        assert "cap" not in rule  # the engine sizes it to its batches
    criteria = {cc.criterion.id for cc in compiled.criteria}
    assert {name.split("|")[1] for name in layout.rules if name.startswith("crit|")} == criteria


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_every_rule_name_reads_back_as_what_it_decides(path):
    compiled = compile_profile(load_profile(path))
    criteria = {cc.criterion.id for cc in compiled.criteria}
    kinds = set()
    for name in layout_of(compiled).rules:
        kind, ref, status = meaning_of(name)
        kinds.add(kind)
        if kind == "item":
            assert ref in compiled.predicates and status in (O, I, U), name
        elif kind == "crit":
            assert ref in criteria and status in (*STATUSES, P), name  # P: of an ønske
        else:
            assert (kind, status) == ("gap", "") and ref in compiled.assessments, name
    assert "crit" in kinds


def test_a_long_condition_is_split_into_pieces_that_mean_the_same():
    """durable-rules refuses a rule with more than 15 nested all/any (error 113)."""
    leaves = [{f"k{n}": True} for n in range(40)]
    wide = and_(*[or_(leaves[2 * n], {"$nex": {f"k{2 * n + 1}": 1}}) for n in range(5)],
                or_(*[and_(leaves[n], leaves[n + 1]) for n in range(10, 30)]))
    assert fit_for_engine(and_(leaves[0], leaves[1])) == [and_(leaves[0], leaves[1])]
    pieces = fit_for_engine(wide)
    assert len(pieces) > 1
    assert all(_combinators(p) <= MAX_COMBINATORS for p in pieces)
    for bits in itertools.islice(itertools.product([True, False, None], repeat=12), 0, None, 7):
        fact = {f"k{n}": b for n, b in enumerate(bits) if b is not None}
        fact.update({f"k{n}": n % 3 == 0 for n in range(12, 31)})
        assert holds(wide, fact) == any(holds(p, fact) for p in pieces)


def test_the_compiled_profile_keeps_one_condition_the_ruleset_splits(wide):
    (criterion,) = wide.criteria
    compiled_before = copy.deepcopy(criterion.exprs)
    assert _combinators(criterion.exprs[D]) > MAX_COMBINATORS  # too long for one rule
    rules = layout_of(wide).rules
    pieces = [rule for name, rule in rules.items() if name.startswith("crit|alle|delvist|")]
    assert len(pieces) > 1 and "crit|alle|delvist" not in rules
    assert {meaning_of(name) for name in rules if name.startswith("crit|alle|delvist|")} \
        == {("crit", "alle", D)}
    assert all(_combinators(_condition(rule)) <= MAX_COMBINATORS + 1 for rule in pieces)
    assert criterion.exprs == compiled_before  # one condition per status, as compiled


def _condition(rule: dict) -> dict:
    (condition,) = rule["all"]
    return condition["m"]


def test_the_engine_decides_a_split_condition_as_the_one_condition_does(wide):
    """Every mix of met, partly met, failed and missing scores over three competencies
    (the others met): the status that fires is the one the compiled conditions give."""
    (criterion,) = wide.criteria
    score = {"opfyldt": 5, "delvist": 3, "ikke_opfyldt": 1, "ikke_belyst": None}
    records = []
    for n, statuses in enumerate(itertools.product(STATUSES, repeat=3)):
        scores = [score[s] for s in statuses] + [5] * (len(COMPETENCIES) - 3)
        records.append(CandidateRecord.model_validate({"id": f"k{n}", "assessments": [
            {"competency": c, "source": "samtale1", "score": s}
            for c, s in zip(COMPETENCIES, scores, strict=True) if s is not None]}))
    evaluated = list(Engine(wide, batch_size=20).evaluate(records, "samtale2",
                                                          date(2024, 1, 1)))
    fired = [e.firings.criteria["alle"] for e in evaluated]
    expected = [next(s for s in STATUSES if holds(criterion.exprs[s], e.view))
                for e in evaluated]
    assert fired == expected
    assert set(fired) == set(STATUSES)


def test_rules_are_spread_over_fact_types_that_carry_only_what_they_read():
    """One fact read by too many rules overflows durable-rules' match stack (error 303)."""
    compiled = compile_profile(load_profile(max(PROFILES, key=lambda p: len(
        load_profile(p).criteria))))
    layout = layout_of(compiled)
    assert len(layout.view_groups) > 1
    per_type: dict[str, int] = {}
    for rule in layout.rules.values():
        fact_type = _first_test(rule)["t"]
        per_type[fact_type] = per_type.get(fact_type, 0) + 1
    assert max(per_type.values()) <= RULES_PER_FACT_TYPE
    members = [m for g in layout.view_groups for m in g.members]
    assert members == [cc.criterion.id for cc in compiled.criteria]
    for group in layout.view_groups:
        read = {k for cc in compiled.criteria if cc.criterion.id in group.members
                for k in cc.keys}
        assert read <= set(group.keys)


def test_only_keys_read_as_at_least_a_number_have_a_floor():
    layout = Layout()
    (group,) = layout.add("v", [("k", {
        "crit|k|opfyldt": and_({"$gte": {"spread": 3.0}}, {"$gte": {"other": 2}},
                               {"$gte": {"known": 1}}, {"$gt": {"high": 1}}, {"word": "ja"}),
        "crit|k|delvist": and_({"$gte": {"spread": 2.5}}, {"$lt": {"other": 9}}),
        "crit|k|ikke_belyst": or_({"$nex": {"known": 1}}, {"$gte": {"flag": True}})})])
    assert group.floors == (("spread", 2.5),)


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_leaving_out_spreads_below_their_floor_changes_no_firing(path, monkeypatch):
    """The compact view facts give every item status, criterion status and disagreement
    the full ones give, over generated candidates at every stage."""
    compiled = compile_profile(load_profile(path))
    floors = {k: f for g in layout_of(compiled).view_groups for k, f in g.floors}
    assert floors  # every shipped profile has disagreement rules
    compact = Engine(compiled)
    with monkeypatch.context() as patched:  # no floors: every spread goes into the facts
        patched.setattr("screening.ruleset._floors", lambda tests: ())
        full = Engine(compiled)
    left_out = 0

    @settings(max_examples=30, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow])
    @given(record_sets(sorted(compiled.profile.competencies), n=4), st.sampled_from(SOURCES))
    def check(batch, stage):
        nonlocal left_out
        as_of = compiled.profile.meta.date
        for small, whole in zip(compact.evaluate(batch, stage, as_of),
                                full.evaluate(batch, stage, as_of), strict=True):
            assert small.firings == whole.firings
            missing = whole.view.keys() - small.view.keys()
            assert all(whole.view[k] < floors[k] for k in missing)
            assert small.view == {k: v for k, v in whole.view.items() if k not in missing}
            left_out += len(missing)

    check()
    assert left_out  # the generated candidates had spreads to leave out


def test_only_keys_compared_with_numbers_alone_have_cuts():
    layout = Layout()
    (group,) = layout.add("p", [("k", {
        "item|k|opfyldt": and_({"$gte": {"years": 5}}, {"budget": 2.5}, {"$lt": {"staff": 9}},
                               {"level": "chef"}, {"$gte": {"flag": True}}),
        "item|k|ikke_opfyldt": or_({"$lt": {"years": 5}}, {"$neq": {"budget": 2.5}},
                                   {"$gte": {"staff": 100}}, {"$gt": {"years": 1.5}}),
        "item|k|ikke_belyst": or_({"$nex": {"years": 1}}, {"$nex": {"level": 1}},
                                  {"$lte": {"level": 3}})})])
    # `level` is also compared with a word, `flag` with a truth value
    assert dict(group.cuts) == {"years": (1.5, 5), "budget": (2.5,), "staff": (9, 100)}


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_items_sharing_a_fact_by_their_cuts_change_no_firing(path, monkeypatch):
    """Items whose numbers fall alike among their rules' numbers share a fact: every item
    status, criterion status and disagreement is what one fact per distinct item gives,
    over generated candidates at every stage."""
    compiled = compile_profile(load_profile(path))
    shared = Engine(compiled)
    with monkeypatch.context() as patched:  # no cuts: items share a fact only when equal
        patched.setattr("screening.ruleset._cuts", lambda tests: ())
        apart = Engine(compiled)

    @settings(max_examples=30, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow])
    @given(record_sets(sorted(compiled.profile.competencies), n=4), st.sampled_from(SOURCES))
    def check(batch, stage):
        as_of = compiled.profile.meta.date
        for one, other in zip(shared.evaluate(batch, stage, as_of),
                              apart.evaluate(batch, stage, as_of), strict=True):
            assert one.firings == other.firings
            assert one.view == other.view

    check()


def test_a_value_is_left_out_only_where_no_fact_type_reading_it_could_match_it():
    groups = [FactGroup("v0", ("a",), ("s", "g"), (("s", 3.0), ("g", 3.0))),
              FactGroup("v1", ("b",), ("s", "g"), (("g", 2.0),))]
    # `s` is read otherwise by v1's rules; `g` only as `g >= 3` and `g >= 2`
    assert floors_across(groups) == {"g": 2.0}
