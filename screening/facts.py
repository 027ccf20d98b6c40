"""Turn validated candidate records into the small facts the compiled rules read.

Facts carry only the fields some rule reads (cheaper to move through durable-rules), split
over the fact types the engine's ruleset decided (`ruleset.Layout`, given to `plan_of`), and
are built directly in the shape the core reads: a fact's id is its position in its batch,
written first so that a firing's matched facts are read from the start of each match.
Every value keeps where it came from (an item's index, an assessment's index), so an
explanation can point at the record when one is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from math import fsum
from statistics import fmean
from typing import Any, NamedTuple

from .catalogue import COLLECTIONS
from .compile import AssessmentPlan, CompiledProfile
from .records import CandidateRecord, sources_up_to
from .results import I, O
from .ruleset import FactGroup, Layout

# per item field a rule reads: its key on the item fact, its reader, and the set member it
# tests (a value, several values for an `any` of `contains`, or None: the value itself)
ItemReader = tuple[str, Callable[[Any, date], Any], str | frozenset[str] | None]
# per fact type of a collection: the type, and the keys its rules read (None: every key
# the collection's readers give, so the item's values are the fact as they are)
GroupKeys = tuple[str, tuple[str, ...] | None]
# per collection: its name, its record attribute, its fact types, its item readers
CollectionReaders = tuple[str, str, list[GroupKeys], list[ItemReader]]
# how the mean scores of several sources make one (a rule file's `aggregate:`)
SOURCE_AGGREGATES: dict[str, Callable[[list[float]], float]] = {
    "min": min, "max": max, "mean": fmean}


class AssessmentValue(NamedTuple):
    value: float
    spread: float
    assessments: tuple[int, ...]  # indices in the record's assessments that made it


@dataclass
class CandidateFacts:
    index: int  # position in the batch
    record: CandidateRecord
    # per collection, per item: the values the rules read (absent: unknown)
    item_facts: dict[str, list[dict]] = field(default_factory=dict)
    assessments: dict[str, AssessmentValue] = field(default_factory=dict)  # by view key


@dataclass
class BatchFacts:
    """The facts of a batch, both strata; a fact's id is its position in `facts`."""

    facts: list[dict] = field(default_factory=list)
    # per fact: the candidate (its position in the batch) and the item it stands for
    candidates: list[int] = field(default_factory=list)
    items: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class FactPlan:
    """What building facts needs of a compiled profile, looked up once for many records."""

    collections: list[CollectionReaders]
    # competency -> (view key, plan) of the assessment values read from it
    assessments: dict[str, list[tuple[str, AssessmentPlan]]]
    # per derived view key: its collection, predicate, aggregate and summed item key
    derived: list[tuple[str, str, str, str, str | None]]
    view_groups: list[FactGroup]  # the fact types a candidate's view is split into


def plan_of(compiled: CompiledProfile, layout: Layout) -> FactPlan:
    """What building facts for `compiled` needs, in the fact types of `layout`."""
    assessments: dict[str, list[tuple[str, AssessmentPlan]]] = {}
    for key, assessment in compiled.assessments.items():
        assessments.setdefault(assessment.competency, []).append((key, assessment))
    derived = [(key, plan.collection, plan.predicate, plan.aggregate,
                None if plan.field is None
                else compiled.item_keys[plan.collection][(plan.field, None)])
               for key, plan in compiled.derived.items()]
    return FactPlan(item_readers_of(compiled, layout), assessments, derived,
                    layout.view_groups)


def build(plan: FactPlan, record: CandidateRecord, index: int, stage: str, as_of: date,
          into: BatchFacts) -> CandidateFacts:
    """The facts of one record; its item facts are added to the batch's, `into`."""
    facts = CandidateFacts(index, record)
    batch, candidates, item_of = into.facts, into.candidates, into.items
    for collection, attr, groups, item_readers in plan.collections:
        items = getattr(record, attr)
        if items is None:
            continue  # not recorded: no entry, so derived facts from it are unknown
        items_values = facts.item_facts[collection] = []
        for i, item in enumerate(items):
            values = {}
            for key, read, member in item_readers:
                value = read(item, as_of)
                if value is not None:  # unknown: the rules see the field as absent
                    values[key] = value if member is None else (
                        not member.isdisjoint(value) if isinstance(member, frozenset)
                        else member in value)
            items_values.append(values)
            for fact_type, keys in groups:  # one fact per fact type
                if keys is None:
                    batch.append({"id": len(batch), "t": fact_type, **values})
                else:
                    batch.append({"id": len(batch), "t": fact_type,
                                  **{k: values[k] for k in keys if k in values}})
                candidates.append(index)
                item_of.append(i)
    if record.assessments:
        _assess(plan, record, stage, facts.assessments)
    return facts


def _assess(plan: FactPlan, record: CandidateRecord, stage: str,
            into: dict[str, AssessmentValue]) -> None:
    """The assessment values the rules read, each from the sources its plan allows."""
    allowed = sources_up_to(stage)
    by_competency: dict[str, list[tuple[int, Any]]] = {}
    for n, a in enumerate(record.assessments):
        if a.competency in plan.assessments and a.source in allowed:
            by_competency.setdefault(a.competency, []).append((n, a))
    for competency, assessed in by_competency.items():
        for key, assessment in plan.assessments[competency]:
            by_source: dict[str, list[int]] = {}
            used = []
            for n, a in assessed:
                if a.source in assessment.sources:
                    by_source.setdefault(a.source, []).append(a.score)
                    used.append(n)
            if not by_source:
                continue
            if len(used) == 1:  # one whole score: what the rounding below would give
                into[key] = AssessmentValue(float(record.assessments[used[0]].score), 0.0,
                                            (used[0],))
                continue
            means = [fsum(scores) / len(scores) for scores in by_source.values()]  # as fmean
            value = SOURCE_AGGREGATES[assessment.aggregate](means)
            into[key] = AssessmentValue(round(value, 2), round(max(means) - min(means), 2),
                                        tuple(used))


def item_readers_of(compiled: CompiledProfile, layout: Layout) -> list[CollectionReaders]:
    """Per collection the rules read: its name, record attribute, fact types with their
    keys, and (key, reader, set member) triples."""
    readers: list[CollectionReaders] = []
    for collection, groups in layout.item_groups.items():
        fields = COLLECTIONS[collection].fields
        keyed = compiled.item_keys.get(collection, {})
        # one fact type: the item's values are its fact (a key no rule reads, a sum's
        # field, rides along); several: each fact carries only the keys its rules read
        types = [(g.type, None if len(groups) == 1 else g.keys) for g in groups]
        readers.append((collection, COLLECTIONS[collection].record_attr, types,
                        [(key, fields[name].read, member)
                         for (name, member), key in keyed.items()]))
    return readers


def view_facts(plan: FactPlan, view: dict[str, Any], index: int, into: BatchFacts) -> None:
    """The view split into one fact per fact type, each with the keys its rules read."""
    batch = into.facts
    for group in plan.view_groups:
        batch.append({"id": len(batch), "t": group.type,
                      **{k: view[k] for k in group.keys if k in view}})
        into.candidates.append(index)
        into.items.append(0)


def derive(compiled: CompiledProfile, plan: FactPlan, facts: CandidateFacts,
           item_status: dict[str, dict[int, str]]) -> dict[str, Any]:
    """The view of a candidate for stratum 2, from the item rules' firings (`item_status`:
    predicate -> item index -> status) and the assessment values: every key a criterion rule
    may read (see `view_facts`)."""
    view: dict[str, Any] = {}
    recorded = facts.item_facts  # no entry: the collection is not recorded
    for key, collection, predicate, aggregate, summed in plan.derived:
        values = recorded.get(collection)
        if values is None:
            continue  # the derived fact is unknown
        # every item has one status (the engine checks it), so the statuses' values say
        # whether some item holds, or all fail
        statuses = item_status.get(predicate, {})
        value: bool | float
        if aggregate == "exists":
            if O in statuses.values():
                value = True
            elif len(statuses) == len(values) and all(s == I for s in statuses.values()):
                value = False
            else:
                continue  # no item holds and some cannot be decided
        elif aggregate == "count":
            value = sum(s == O for s in statuses.values())
        else:
            assert summed is not None, "the loader requires `field:` with a sum"
            value = round(sum(values[i].get(summed, 0) for i in range(len(values))
                              if statuses.get(i) == O), 2)
        view[key] = value
    for key, assessed in facts.assessments.items():
        view[key] = assessed.value
        view[compiled.assessments[key].spread_key] = assessed.spread
    return view
