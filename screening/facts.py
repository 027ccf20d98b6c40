"""Turn validated candidate records into the small facts the compiled rules read.

Facts carry only the fields some rule reads (cheaper to move through durable-rules), and
every value keeps where it came from, so an explanation can point at the record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from statistics import fmean
from typing import Any

from .catalogue import COLLECTIONS
from .compile import CompiledProfile, FactGroup
from .records import CandidateRecord, sources_up_to
from .results import Evidence, I, O

# per item field a rule reads: its key on the item fact, its reader, and the set member it
# tests (a value, several values for an `any` of `contains`, or None: the value itself)
ItemReader = tuple[str, Callable[[Any, date], Any], str | frozenset[str] | None]
# per collection: its record attribute, its fact groups, its item readers
CollectionReaders = tuple[str, str, list[FactGroup], list[ItemReader]]
# how the mean scores of several sources make one (a rule file's `aggregate:`)
SOURCE_AGGREGATES: dict[str, Callable[[list[float]], float]] = {
    "min": min, "max": max, "mean": fmean}


@dataclass(frozen=True)
class AssessmentValue:
    value: float
    spread: float
    evidence: tuple[Evidence, ...]


@dataclass
class CandidateFacts:
    index: int  # position in the batch
    record: CandidateRecord
    items: list[dict] = field(default_factory=list)  # item facts for stratum 1
    item_facts: dict[tuple[str, int], dict] = field(default_factory=dict)  # (collection, i)
    assessments: dict[str, AssessmentValue] = field(default_factory=dict)  # by view key


def build(compiled: CompiledProfile, record: CandidateRecord, index: int, stage: str,
          as_of: date, readers: list[CollectionReaders] | None = None) -> CandidateFacts:
    """The facts of one record; pass `readers(compiled)` when building many."""
    facts = CandidateFacts(index, record)
    for collection, attr, groups, item_readers in readers or item_readers_of(compiled):
        for i, item in enumerate(getattr(record, attr) or ()):
            values = {}
            for key, read, member in item_readers:
                value = read(item, as_of)
                if value is not None:  # unknown: the rules see the field as absent
                    values[key] = value if member is None else (
                        not member.isdisjoint(value) if isinstance(member, frozenset)
                        else member in value)
            facts.item_facts[(collection, i)] = values
            for group in groups:  # one fact per fact type, with the keys its rules read
                fact = {"t": group.type, "id": f"{group.type}:{index}:{i}", "c": index, "i": i}
                fact.update((k, values[k]) for k in group.keys if k in values)
                facts.items.append(fact)
    allowed = set(sources_up_to(stage))
    by_competency: dict[str, list[tuple[int, Any]]] = {}
    for n, a in enumerate(record.assessments):
        if a.source in allowed:
            by_competency.setdefault(a.competency, []).append((n, a))
    for key, plan in compiled.assessments.items():
        by_source: dict[str, list[int]] = {}
        evidence = []
        for n, a in by_competency.get(plan.competency, ()):
            if a.source in plan.sources:
                by_source.setdefault(a.source, []).append(a.score)
                evidence.append(Evidence(f"assessments[{n}].score", a.score, a.source,
                                         a.assessor))
        if not by_source:
            continue
        means = [fmean(scores) for scores in by_source.values()]
        value = SOURCE_AGGREGATES[plan.aggregate](means)
        facts.assessments[key] = AssessmentValue(round(value, 2), round(max(means) - min(means),
                                                                       2), tuple(evidence))
    return facts


def item_readers_of(compiled: CompiledProfile) -> list[CollectionReaders]:
    """Per collection the rules read: its record attribute, its fact groups and
    (key, reader, set member) triples."""
    readers: list[CollectionReaders] = []
    for collection, groups in compiled.layout.item_groups.items():
        fields = COLLECTIONS[collection].fields
        readers.append((collection, COLLECTIONS[collection].record_attr, groups,
                        [(key, fields[name].read, member) for (name, member), key
                         in compiled.item_keys.get(collection, {}).items()]))
    return readers


def view_facts(compiled: CompiledProfile, view: dict[str, Any], index: int) -> list[dict]:
    """The view split into one fact per fact type, each with the keys its rules read."""
    facts = []
    for group in compiled.layout.view_groups:
        fact = {"t": group.type, "id": f"{group.type}:{index}:0", "c": index}
        fact.update((k, view[k]) for k in group.keys if k in view)
        facts.append(fact)
    return facts


def derive(compiled: CompiledProfile, facts: CandidateFacts,
           item_status: dict[str, dict[int, str]]) -> dict[str, Any]:
    """The view of a candidate for stratum 2, from the item rules' firings (`item_status`:
    predicate -> item index -> status) and the assessment values: every key a criterion rule
    may read (see `view_facts`)."""
    view: dict[str, Any] = {}
    for key, plan in compiled.derived.items():
        items = getattr(facts.record, COLLECTIONS[plan.collection].record_attr)
        if items is None:
            continue  # the collection is not recorded: the derived fact is unknown
        statuses = item_status.get(plan.predicate, {})
        matched = [i for i in range(len(items)) if statuses.get(i) == O]
        value: bool | float
        if plan.aggregate == "exists":
            if matched:
                value = True
            elif all(statuses.get(i) == I for i in range(len(items))):
                value = False
            else:
                continue  # no item holds and some cannot be decided
        elif plan.aggregate == "count":
            value = len(matched)
        else:
            assert plan.field is not None, "the loader requires `field:` with a sum"
            key_of_field = compiled.item_keys[plan.collection][(plan.field, None)]
            value = round(sum(facts.item_facts[(plan.collection, i)].get(key_of_field, 0)
                              for i in matched), 2)
        view[key] = value
    for key, assessed in facts.assessments.items():
        view[key] = assessed.value
        view[compiled.assessments[key].spread_key] = assessed.spread
    return view
