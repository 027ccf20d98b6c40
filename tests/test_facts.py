"""Candidate records into the facts the compiled rules read (screening/facts.py): fact ids
and owners, only the keys some rule reads, unknown values left out, assessment values and
the derived view checked against the reference evaluator, over every shipped profile and
its example candidates."""

from __future__ import annotations

import pytest

from benchmarks.generate import candidates
from screening import facts as factlib
from screening.algebra import holds
from screening.catalogue import COLLECTIONS
from screening.compile import compile_profile
from screening.records import CandidateRecord
from screening.results import I, O, U
from screening.ruleset import layout_of, meaning_of
from screening.stages import SOURCES

from .conftest import EXAMPLES, example_records
from .reference import Reference


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.name)
def shipped(request):
    """(compiled profile, its fact plan, the example records)."""
    profile, records = example_records(request.param)
    compiled = compile_profile(profile)
    return compiled, factlib.plan_of(compiled, layout_of(compiled)), records


def _built(compiled, plan, records, stage="samtale2"):
    batch = factlib.BatchFacts()
    built = [factlib.build(plan, r, n, stage, compiled.profile.meta.date, batch)
             for n, r in enumerate(records)]
    return built, batch


def test_item_facts_are_numbered_by_position_and_stand_for_their_items(shipped):
    compiled, plan, records = shipped
    layout = layout_of(compiled)
    conditions: dict[str, list] = {}  # per item fact type: the conditions of its rules
    for name, rule in layout.rules.items():
        if meaning_of(name)[0] == "item":
            (term,) = rule["all"]
            conditions.setdefault(term["m"]["$and"][0]["t"] if "$and" in term["m"]
                                  else term["m"]["t"], []).append(term["m"])
    # with generated records too: many items then share a fact, with differing numbers
    records = [*records, *(CandidateRecord.model_validate(r)
                           for r in candidates(compiled.profile, 200))]
    built, batch = _built(compiled, plan, records)
    assert [f["id"] for f in batch.facts] == list(range(len(batch.facts)))
    assert len(batch.candidates) == len(batch.items) == len(batch.fact_ids)
    seen: set[int] = set()
    for candidate, item, fact_id in zip(batch.candidates, batch.items, batch.fact_ids,
                                        strict=True):
        fact = batch.facts[fact_id]
        collection = next(c for c, groups in layout.item_groups.items()
                          if fact["t"] in {g.type for g in groups})
        values = built[candidate].item_facts[collection][item]
        (group,) = [g for g in layout.item_groups[collection] if g.type == fact["t"]]
        read = {"t": fact["t"], **{k: values[k] for k in group.keys if k in values}}
        if fact_id not in seen:  # the first item a fact stands for gives its content, less
            seen.add(fact_id)    # what no rule of it reads (a sum's field)
            assert {k: v for k, v in fact.items() if k != "id"} == read
        # and every item it stands for is one its rules cannot tell apart from that
        for condition in conditions[fact["t"]]:
            assert holds(condition, read) == holds(condition, fact), (condition, read, fact)
    # one entry per item and fact type of each collection the rules read; each fact once
    expected = sum(len(getattr(r, COLLECTIONS[c].record_attr) or ())
                   * len(layout.item_groups[c]) for r in records for c in layout.item_groups)
    assert len(batch.fact_ids) == expected
    assert seen == set(range(len(batch.facts)))


def test_alike_items_of_different_candidates_share_one_fact(shipped):
    compiled, plan, records = shipped
    _, batch = _built(compiled, plan, [*records, *records])  # every item twice
    half = len(batch.fact_ids) // 2
    assert batch.fact_ids[half:] == batch.fact_ids[:half]
    assert batch.items[half:] == batch.items[:half]
    assert batch.candidates[half:] == [c + len(records) for c in batch.candidates[:half]]


def test_item_values_are_what_the_catalogue_reads_and_unknown_ones_are_left_out(shipped):
    compiled, plan, records = shipped
    built, _ = _built(compiled, plan, records)
    as_of = compiled.profile.meta.date
    for facts in built:
        for collection, keyed in compiled.item_keys.items():
            fields = COLLECTIONS[collection].fields
            items = getattr(facts.record, COLLECTIONS[collection].record_attr) or ()
            for i, item in enumerate(items):
                values = facts.item_facts[collection][i]
                for (name, member), key in keyed.items():
                    value = fields[name].read(item, as_of)
                    if value is None:
                        assert key not in values
                    elif member is None:
                        assert values[key] == value
                    elif isinstance(member, frozenset):
                        assert values[key] == bool(member & set(value))
                    else:
                        assert values[key] == (member in value)


@pytest.mark.parametrize("stage", SOURCES)
def test_assessment_values_are_the_references_at_every_stage(shipped, stage):
    compiled, plan, records = shipped
    built, _ = _built(compiled, plan, records, stage)
    for facts in built:
        reference = Reference(compiled.profile, facts.record, stage)
        for key, assessment in compiled.assessments.items():
            expected = reference.assessment(assessment.competency, assessment.sources,
                                            assessment.aggregate)
            got = facts.assessments.get(key)
            assert (None if got is None else (got.value, got.spread)) == expected, key
            if got is not None:  # the indices point at the assessments that made it
                for n in got.assessments:
                    a = facts.record.assessments[n]
                    assert a.competency == assessment.competency
                    assert a.source in assessment.sources
                    assert SOURCES.index(a.source) <= SOURCES.index(stage)


def _item_status(compiled, reference: Reference, record: CandidateRecord):
    """What the engine's item rules report, here from the reference evaluator."""
    status: dict[str, dict[int, str]] = {}
    for key, predicate in compiled.predicates.items():
        items = getattr(record, COLLECTIONS[predicate.collection].record_attr) or ()
        status[key] = {i: reference.item(predicate.collection, item, predicate.where)
                       for i, item in enumerate(items)}
    return status


def test_the_derived_view_agrees_with_the_reference(shipped):
    compiled, plan, records = shipped
    built, _ = _built(compiled, plan, records)
    profile = compiled.profile
    for facts in built:
        reference = Reference(profile, facts.record, "samtale2")
        view = factlib.derive(compiled, plan, facts, _item_status(compiled, reference,
                                                                 facts.record))
        for key, derived in compiled.derived.items():
            if derived.name in profile.derived:
                expected = reference.derived(derived.name)
            else:  # an inline `some`: exists, known true or false, or unknown
                where = compiled.predicates[derived.predicate].where
                expected = {O: True, I: False, U: None}[reference._exists(derived.collection,
                                                                          where)]
            assert view.get(key) == expected, (facts.record.id, derived.name)
        for key, assessed in facts.assessments.items():
            assert view[key] == assessed.value
            # a spread below the disagreement threshold no rule can match: left out
            spread_key = compiled.assessments[key].spread_key
            gap = profile.scoring.disagreement
            assert view.get(spread_key) == (assessed.spread if assessed.spread >= gap
                                            else None)


def test_an_empty_collection_is_known_and_a_missing_one_is_not(shipped):
    compiled, plan, _ = shipped
    views = {}
    for name, data in {"empty": {"positions": [], "education": [], "experience": []},
                       "missing": {}}.items():
        record = CandidateRecord.model_validate({"id": name, **data})
        batch = factlib.BatchFacts()
        facts = factlib.build(plan, record, 0, "samtale2", compiled.profile.meta.date, batch)
        assert batch.facts == []
        views[name] = factlib.derive(compiled, plan, facts, {})
    assert compiled.derived
    for key, derived in compiled.derived.items():  # no item holds; exists is known false
        value = views["empty"][key]
        assert value is False if derived.aggregate == "exists" else (value == 0
                                                                    and value is not False)
    assert views["missing"] == {}


def _first_view(compiled, plan, records):
    """The batch of `records`' item facts, and the first record's view."""
    built, batch = _built(compiled, plan, records)
    reference = Reference(compiled.profile, records[0], "samtale2")
    return batch, factlib.derive(compiled, plan, built[0],
                                 _item_status(compiled, reference, records[0]))


def test_the_view_is_split_into_one_fact_per_view_fact_type(shipped):
    compiled, plan, records = shipped
    batch, view = _first_view(compiled, plan, records)
    start = len(batch.facts)
    factlib.view_facts(plan, view, 0, batch)
    added = batch.facts[start:]
    groups = layout_of(compiled).view_groups
    assert [f["t"] for f in added] == [g.type for g in groups]
    assert [f["id"] for f in added] == list(range(start, start + len(groups)))
    entries = len(batch.candidates) - len(groups)  # the entries of the item facts come first
    assert batch.candidates[entries:] == batch.items[entries:] == [0] * len(groups)
    assert batch.fact_ids[entries:] == list(range(start, start + len(groups)))
    for fact, group in zip(added, groups, strict=True):
        assert {k: v for k, v in fact.items() if k not in ("id", "t")} == \
            {k: view[k] for k in group.keys if k in view}


def test_alike_views_share_the_view_facts_of_types_reading_no_count_or_sum(shipped):
    compiled, plan, records = shipped
    batch, view = _first_view(compiled, plan, records)
    factlib.view_facts(plan, view, 0, batch)
    first_ids = batch.fact_ids[-len(plan.view_groups):]
    start, entries = len(batch.facts), len(batch.fact_ids)
    factlib.view_facts(plan, dict(view), 1, batch)  # a second candidate alike in every key
    # a count or sum of items spreads over many values: its fact types are not shared
    wide = {key for key, derived in compiled.derived.items() if derived.aggregate != "exists"}
    assert [shared for _, _, shared in plan.view_groups] == \
        [wide.isdisjoint(keys) for _, keys, _ in plan.view_groups]
    assert batch.shared == [(1, fact_id) for fact_id, (_, _, shared)
                            in zip(first_ids, plan.view_groups, strict=True) if shared]
    assert [f["t"] for f in batch.facts[start:]] == \
        [fact_type for fact_type, _, shared in plan.view_groups if not shared]
    assert batch.candidates[entries:] == [1] * (len(batch.facts) - start)
    assert batch.fact_ids[entries:] == list(range(start, len(batch.facts)))


def test_views_differing_in_any_key_a_shared_type_reads_do_not_share_its_fact(shipped):
    compiled, plan, records = shipped
    _, view = _first_view(compiled, plan, records)
    for fact_type, keys, shared in plan.view_groups:
        if not shared:
            continue
        for key in keys:  # the last ones too: often a spread, which seldom decides anything
            changed = {**view, key: -1.0}  # no key holds a negative value
            without = {k: v for k, v in view.items() if k != key}
            batch = factlib.BatchFacts()
            for n, candidate_view in enumerate((view, changed, without)):
                factlib.view_facts(plan, candidate_view, n, batch)
            made = [fact for fact in batch.facts if fact["t"] == fact_type]
            # without a key the view lacks anyway, the third view is the first
            assert len(made) == (3 if key in view else 2), (fact_type, key)
            assert [fact_type in {batch.facts[fact_id]["t"] for c, fact_id in batch.shared
                                  if c == n} for n in (1, 2)] == [False, key not in view]
