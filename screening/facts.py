"""Turn validated candidate records into the small facts the compiled rules read.

Facts carry only the fields some rule reads (cheaper to move through durable-rules), and
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
    item_facts: dict[tuple[str, int], dict] = field(default_factory=dict)  # (collection, i)
    assessments: dict[str, AssessmentValue] = field(default_factory=dict)  # by view key


@dataclass
class BatchFacts:
    """The facts of a batch, both strata; a fact's id is its position in `facts`."""

    facts: list[dict] = field(default_factory=list)
    owners: list[tuple[int, int]] = field(default_factory=list)  # (candidate, item) per fact


@dataclass(frozen=True)
class FactPlan:
    """What building facts needs of a compiled profile, looked up once for many records."""

    collections: list[CollectionReaders]
    # competency -> (view key, plan) of the assessment values read from it
    assessments: dict[str, list[tuple[str, AssessmentPlan]]]
    # per derived view key: its record attribute, predicate, aggregate and summed item key
    derived: list[tuple[str, str, str, str, str | None]]


def plan_of(compiled: CompiledProfile) -> FactPlan:
    assessments: dict[str, list[tuple[str, AssessmentPlan]]] = {}
    for key, assessment in compiled.assessments.items():
        assessments.setdefault(assessment.competency, []).append((key, assessment))
    derived = [(key, COLLECTIONS[plan.collection].record_attr, plan.predicate, plan.aggregate,
                None if plan.field is None
                else compiled.item_keys[plan.collection][(plan.field, None)])
               for key, plan in compiled.derived.items()]
    return FactPlan(item_readers_of(compiled), assessments, derived)


def build(plan: FactPlan, record: CandidateRecord, index: int, stage: str, as_of: date,
          items: BatchFacts) -> CandidateFacts:
    """The facts of one record; its item facts are added to `items`."""
    facts = CandidateFacts(index, record)
    batch, owners = items.facts, items.owners
    for collection, attr, groups, item_readers in plan.collections:
        for i, item in enumerate(getattr(record, attr) or ()):
            values = {}
            for key, read, member in item_readers:
                value = read(item, as_of)
                if value is not None:  # unknown: the rules see the field as absent
                    values[key] = value if member is None else (
                        not member.isdisjoint(value) if isinstance(member, frozenset)
                        else member in value)
            facts.item_facts[(collection, i)] = values
            for fact_type, keys in groups:  # one fact per fact type
                if keys is None:
                    batch.append({"id": len(batch), "t": fact_type, **values})
                else:
                    fact = {"id": len(batch), "t": fact_type}
                    fact.update((k, values[k]) for k in keys if k in values)
                    batch.append(fact)
                owners.append((index, i))
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
            means = [fsum(scores) / len(scores) for scores in by_source.values()]  # as fmean
            value = SOURCE_AGGREGATES[assessment.aggregate](means)
            into[key] = AssessmentValue(round(value, 2), round(max(means) - min(means), 2),
                                        tuple(used))


def item_readers_of(compiled: CompiledProfile) -> list[CollectionReaders]:
    """Per collection the rules read: its name, record attribute, fact types with their
    keys, and (key, reader, set member) triples."""
    readers: list[CollectionReaders] = []
    for collection, groups in compiled.layout.item_groups.items():
        fields = COLLECTIONS[collection].fields
        keyed = compiled.item_keys.get(collection, {})
        # one fact type: the item's values are its fact (a key no rule reads, a sum's
        # field, rides along); several: each fact carries only the keys its rules read
        types = [(g.type, None if len(groups) == 1 else g.keys) for g in groups]
        readers.append((collection, COLLECTIONS[collection].record_attr, types,
                        [(key, fields[name].read, member)
                         for (name, member), key in keyed.items()]))
    return readers


def view_facts(compiled: CompiledProfile, view: dict[str, Any], index: int,
               into: BatchFacts) -> None:
    """The view split into one fact per fact type, each with the keys its rules read."""
    batch = into.facts
    for group in compiled.layout.view_groups:
        fact = {"id": len(batch), "t": group.type}
        fact.update((k, view[k]) for k in group.keys if k in view)
        batch.append(fact)
        into.owners.append((index, 0))


def derive(compiled: CompiledProfile, plan: FactPlan, facts: CandidateFacts,
           item_status: dict[str, dict[int, str]]) -> dict[str, Any]:
    """The view of a candidate for stratum 2, from the item rules' firings (`item_status`:
    predicate -> item index -> status) and the assessment values: every key a criterion rule
    may read (see `view_facts`)."""
    view: dict[str, Any] = {}
    record = facts.record
    for key, attr, predicate, aggregate, summed in plan.derived:
        items = getattr(record, attr)
        if items is None:
            continue  # the collection is not recorded: the derived fact is unknown
        # every item has one status (the engine checks it), so the statuses' values say
        # whether some item holds, or all fail
        statuses = item_status.get(predicate, {})
        value: bool | float
        if aggregate == "exists":
            if O in statuses.values():
                value = True
            elif len(statuses) == len(items) and all(s == I for s in statuses.values()):
                value = False
            else:
                continue  # no item holds and some cannot be decided
        elif aggregate == "count":
            value = sum(s == O for s in statuses.values())
        else:
            assert summed is not None, "the loader requires `field:` with a sum"
            collection = compiled.derived[key].collection
            value = round(sum(facts.item_facts[(collection, i)].get(summed, 0)
                              for i in range(len(items)) if statuses.get(i) == O), 2)
        view[key] = value
    for key, assessed in facts.assessments.items():
        view[key] = assessed.value
        view[compiled.assessments[key].spread_key] = assessed.spread
    return view
