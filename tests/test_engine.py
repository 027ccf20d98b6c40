"""The engine module, the one place that knows durable-rules: it leaves the compiled profile
as it found it, sizes its firings to its own batches, gives each item the outcomes of the
item fact it shares with alike items and each candidate the statuses of the view facts it
shares with alike candidates, and refuses a missing or second outcome or status."""

from __future__ import annotations

import copy
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import candidates
from screening import facts as factlib
from screening.catalogue import COLLECTIONS
from screening.compile import compile_profile
from screening.engine import Engine
from screening.errors import EngineError
from screening.records import SOURCES, CandidateRecord
from screening.results import D, P
from screening.rulefiles import load_profile
from screening.ruleset import layout_of, meaning_of

from .conftest import EXAMPLES, ROOT, example_records
from .reference import Reference
from .strategies import records as record_strategy


def shown(statuses: dict[str, str]) -> dict[str, str]:
    """The engine's statuses as outcomes show them: an ønske "at least delvist" (P) as
    delvist, which is what the reference evaluator gives it."""
    return {c: D if s == P else s for c, s in statuses.items()}


def test_building_engines_leaves_the_compiled_profile_unchanged(helsingor):
    compiled = compile_profile(helsingor)
    before = copy.deepcopy(compiled)
    Engine(compiled, batch_size=10)
    Engine(compiled, batch_size=500)
    assert compiled == before
    assert all("cap" not in rule for rule in layout_of(compiled).rules.values())


def test_engines_of_different_batch_sizes_agree(helsingor):
    compiled = compile_profile(helsingor)
    records = [CandidateRecord.model_validate(
        {"id": f"k{n}", "experience": [{"kind": "mediehåndtering", "role": "rådgiver",
                                        "years": n}]}) for n in range(7)]
    small, large = (list(Engine(compiled, batch_size=size).evaluate(records, "samtale2",
                                                                   date(2024, 1, 15)))
                    for size in (2, 500))
    assert [e.firings for e in small] == [e.firings for e in large]


@pytest.mark.parametrize("rules", sorted((ROOT / "rules").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_item_rule_reads_one_fact(rules):
    """Items alike in what an item fact carries share one fact per batch, and the engine
    gives its outcomes to each of them: right only while no item rule joins facts."""
    layout = layout_of(compile_profile(load_profile(rules)))
    item_rules = {name: rule for name, rule in layout.rules.items()
                  if meaning_of(name)[0] == "item"}
    assert item_rules
    for rule in item_rules.values():
        assert list(rule) == ["all"]
        assert [list(term) for term in rule["all"]] == [["m"]]


def _reordered(record: CandidateRecord, n: int) -> CandidateRecord:
    """A copy whose every item collection is in reverse order: its items are those of
    `record`, each at another index (a collection of two or more)."""
    return record.model_copy(update={"id": f"{record.id}-{n}", **{
        c.record_attr: list(reversed(getattr(record, c.record_attr)))
        for c in COLLECTIONS.values() if getattr(record, c.record_attr)}})


@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda p: p.name)
def test_shared_item_facts_give_each_item_its_own_outcomes(folder):
    profile, records = example_records(folder)
    compiled = compile_profile(profile)
    # in one batch: each record, a copy with the same items at other indices, and a copy
    # whose first position, moved last, led no one; and generated records, whose items
    # often differ only in numbers the rules compare alike
    batch = [*records, *(_reordered(r, 1) for r in records),
             *(CandidateRecord.model_validate(r) for r in candidates(profile, 150))]
    for record in records:
        if record.positions:
            lowered = record.positions[0].model_copy(update={"leadership_level": "ingen"})
            batch.append(record.model_copy(update={
                "id": f"{record.id}-2", "positions": [*record.positions[1:], lowered]}))
    engine = Engine(compiled)
    shared = factlib.BatchFacts()
    for n, record in enumerate(batch):
        factlib.build(engine._plan, record, n, "samtale2", profile.meta.date, shared)
    assert len(shared.facts) < len(shared.fact_ids)  # items do share facts here
    evaluated = list(engine.evaluate(batch, "samtale2", profile.meta.date))
    assert len(evaluated) == len(batch)
    for record, got in zip(batch, evaluated, strict=True):
        reference = Reference(profile, record, "samtale2")
        for key, predicate in compiled.predicates.items():
            items = getattr(record, COLLECTIONS[predicate.collection].record_attr) or ()
            expected = {i: reference.item(predicate.collection, item, predicate.where)
                        for i, item in enumerate(items)}
            assert got.firings.item_status.get(key, {}) == expected, (record.id, key)


def _item_predicate(engine: Engine) -> str:
    """An item predicate of the engine's profile that decides the first item fact."""
    plan_type = engine._plan.collections[0].groups[0][0]
    return engine._members[plan_type][0]


def _without_firings(engine: Engine, monkeypatch, meaning: tuple[str, str]) -> None:
    """The engine as if the core missed every firing of the rules with this kind and
    predicate or criterion (`ruleset.meaning_of`)."""
    fire = engine._fire
    monkeypatch.setattr(engine, "_fire", lambda facts: (
        (name, matched) for name, matched in fire(facts) if meaning_of(name)[:2] != meaning))


def test_a_missing_item_outcome_is_refused_naming_its_candidate(helsingor, monkeypatch):
    engine = Engine(compile_profile(helsingor))
    record = CandidateRecord.model_validate(
        {"id": "uden-udfald", "education": [{"degree": "MPA", "level": "master"}],
         "positions": [{"title": "Chef", "organisation": "X", "sector": "kommune",
                        "start": "2015-01-01", "leadership_level": "chef"}],
         "experience": [{"kind": "mediehåndtering", "role": "rådgiver", "years": 3}]})
    predicate = _item_predicate(engine)
    _without_firings(engine, monkeypatch, ("item", predicate))
    with pytest.raises(EngineError, match=rf"no outcome fired for item 0 of candidate "
                                          rf"uden-udfald .*/ {re.escape(predicate)}$"):
        list(engine.evaluate([record], "samtale2", date(2024, 1, 15)))


def test_a_second_item_outcome_is_refused_naming_its_candidate(helsingor, monkeypatch):
    engine = Engine(compile_profile(helsingor))
    records = [CandidateRecord.model_validate(
        {"id": f"k{n}", "experience": [{"kind": "mediehåndtering", "role": "rådgiver",
                                        "years": 3}]}) for n in range(2)]
    fire = engine._fire

    def twice(facts):  # every item outcome fired again as the other two statuses
        for name, matched in fire(facts):
            yield name, matched
            kind, ref, status = meaning_of(name)
            if kind == "item" and matched:
                for other in {"opfyldt", "ikke_opfyldt", "ikke_belyst"} - {status}:
                    yield f"item|{ref}|{other}", matched

    monkeypatch.setattr(engine, "_fire", twice)
    with pytest.raises(EngineError, match=r"item 0 of candidate k0 .* got two outcomes"):
        list(engine.evaluate(records, "samtale2", date(2024, 1, 15)))


def _shared_types(engine: Engine) -> list[str]:
    """The view fact types whose facts candidates alike in them share."""
    return [fact_type for fact_type, _, shared in engine._plan.view_groups if shared]


def _counting_shared(engine: Engine, monkeypatch) -> list[int]:
    """Per batch with any, how many candidates were given a view fact made for another."""
    counts: list[int] = []
    give = engine._give_shared

    def counted(built, batch, viewers, firings):
        counts.append(len(batch.shared))
        give(built, batch, viewers, firings)

    monkeypatch.setattr(engine, "_give_shared", counted)
    return counts


@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda p: p.name)
def test_shared_view_facts_give_each_candidate_its_own_statuses(folder, monkeypatch):
    profile, records = example_records(folder)
    compiled = compile_profile(profile)
    # in one batch: each record, a copy under another id, whose every view fact of a type
    # the plan shares is the record's, and generated records, many alike in a few keys
    batch = [*records, *(r.model_copy(update={"id": f"{r.id}-kopi"}) for r in records),
             *(CandidateRecord.model_validate(r) for r in candidates(profile, 150))]
    engine = Engine(compiled)
    counts = _counting_shared(engine, monkeypatch)
    evaluated = list(engine.evaluate(batch, "samtale2", profile.meta.date))
    assert sum(counts) >= len(records) * len(_shared_types(engine))
    # one candidate per batch: no view fact is shared
    alone = Engine(compiled, batch_size=1).evaluate(batch, "samtale2", profile.meta.date)
    for record, got, expected in zip(batch, evaluated, alone, strict=True):
        assert shown(got.firings.criteria) == Reference(profile, record, "samtale2").statuses()
        assert got.firings == expected.firings, record.id


@pytest.mark.parametrize("rules", sorted((ROOT / "rules").glob("*.yaml")), ids=lambda p: p.stem)
def test_sharing_view_facts_changes_no_status_gap_or_outcome(rules):
    profile = load_profile(rules)
    compiled = compile_profile(profile)
    engine, alone = Engine(compiled), Engine(compiled, batch_size=1)

    @settings(max_examples=50, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(record_strategy(sorted(profile.competencies)), min_size=2, max_size=6),
           st.sampled_from(SOURCES))
    def check(drawn, stage):
        # each drawn record twice: the second shares every view fact of a shared type
        batch = [r.model_copy(update={"id": f"k{n}"}) for n, r in enumerate(drawn + drawn)]
        got = list(engine.evaluate(batch, stage, profile.meta.date))
        expected = list(alone.evaluate(batch, stage, profile.meta.date))
        assert ([(e.firings, e.view, e.reachable) for e in got]
                == [(e.firings, e.view, e.reachable) for e in expected])
        for record, evaluated in zip(batch, got, strict=True):
            assert shown(evaluated.firings.criteria) == Reference(profile, record, stage).statuses()

    check()


def _twins() -> list[CandidateRecord]:
    """Two candidates alike in every value: the second shares every view fact it can."""
    return [CandidateRecord.model_validate(
        {"id": f"k{n}", "experience": [{"kind": "mediehåndtering", "role": "rådgiver",
                                        "years": 3}]}) for n in range(2)]


def test_a_criterion_a_shared_view_fact_decides_twice_is_refused_naming_it(helsingor):
    engine = Engine(compile_profile(helsingor))
    shared_type = _shared_types(engine)[0]
    other_type = next(t for t in engine._decides if t != shared_type)
    criterion = engine._decides[other_type][0][0]
    criteria, gaps = engine._decides[shared_type]
    # as if the shared fact type decided a criterion of another type too
    engine._decides[shared_type] = ((*criteria, criterion), gaps)
    with pytest.raises(EngineError, match=rf"criterion {re.escape(criterion)} was decided "
                                          rf"twice for candidate k1$"):
        list(engine.evaluate(_twins(), "samtale2", date(2024, 1, 15)))


def test_a_missing_status_of_a_shared_view_fact_is_refused_naming_its_candidate(
        helsingor, monkeypatch):
    engine = Engine(compile_profile(helsingor))
    criterion = engine._decides[_shared_types(engine)[0]][0][0]
    _without_firings(engine, monkeypatch, ("crit", criterion))
    with pytest.raises(EngineError, match=rf"no status fired for {re.escape(criterion)} "
                                          rf"\(candidate k0\)$"):
        list(engine.evaluate(_twins(), "samtale2", date(2024, 1, 15)))
