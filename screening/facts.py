"""Turn validated candidate records into the small facts the compiled rules read.

Facts carry only the fields some rule reads (cheaper to move through durable-rules), and of
a spread of scores only one some rule can match (`ruleset.floors_across`: the core
copies every matched fact's text into each firing), split over the fact types the engine's
ruleset decided (`ruleset.Layout`, given to `plan_of`), and are built directly in the shape the core
reads: a fact's id is its position in its batch, written first so that a firing's matched
facts are read from the start of each match. Items alike in every value an item fact's rules
read share one fact per batch (see BatchFacts): many are (the same levels, sectors, flags),
and the core's work grows with the facts asserted and the text of every match. So do
candidates alike in the keys of a view fact type that reads no count or sum of items.
Every value keeps where it came from (an item's index, an assessment's index), so an
explanation can point at the record when one is asked for.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from math import fsum, inf
from statistics import fmean
from typing import Any, NamedTuple

from .algebra import UNBOUNDED
from .catalogue import COLLECTIONS, Stored
from .compile import AssessmentPlan, CompiledProfile
from .records import SCORE_RANGE, CandidateRecord, sources_up_to
from .results import O, U
from .ruleset import FactGroup, Layout, floors_across
from .stages import SOURCES

# per item field a rule reads: its key on the item fact, the record attribute holding it
# (None: computed by the reader), its catalogue reader, and the set member it tests (a
# value, several values for an `any` of `contains`, or None: the value itself)
ItemReader = tuple[str, str | None, Callable[[Any, date], Any], str | frozenset[str] | None]
# per fact type of a collection: the type, the keys its rules read, whether those are all
# the keys its collection's readers make (then an item's values are its fact's content), and
# per key read only by comparing it with numbers, its position in the keys (from 1) and the
# numbers (`ruleset.FactGroup.cuts`)
GroupKeys = tuple[str, tuple[str, ...], bool, tuple[tuple[int, tuple[float, ...]], ...]]
# per view fact type: the type, the keys its rules read, and whether candidates alike in
# those share one fact (`_worth_sharing`)
ViewKeys = tuple[str, tuple[str, ...], bool]


class CollectionReaders(NamedTuple):
    """How the facts of one collection the rules read are made from a record."""

    name: str
    record_attr: str
    groups: list[GroupKeys]  # each fact carries only the keys its rules read
    readers: list[ItemReader]


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
    # per collection, per item: the values the rules and derived sums read (absent: unknown)
    item_facts: dict[str, list[dict]] = field(default_factory=dict)
    assessments: dict[str, AssessmentValue] = field(default_factory=dict)  # by view key
    # of an assessment value with sources still to come at the stage that could move it
    # the criteria's way: the best value they can give it, and those sources (by view key)
    reachable: dict[str, tuple[float, tuple[str, ...]]] = field(default_factory=dict)


@dataclass
class BatchFacts:
    """The facts of a batch, both strata; a fact's id is its position in `facts`.

    An item fact stands for every item of the batch, of any candidate, that its rules cannot
    tell apart from the first (the same values for the keys they read, a number they only
    compare with numbers in the same place among those): it is asserted once, with the first
    item's values, and its outcomes are those of each of these items, because no item rule
    reads more than one fact (`ruleset._rule`). A view fact stands for the candidate it was
    made for, whose values it carries, and, of a type the plan shares (`plan_of`), for every
    later candidate of the batch with the same values for the keys its rules read (`shared`).
    The entries (`candidates`, `items`, `fact_ids`, in step) say which: one per item and item
    fact type, in the order built, then one per view fact, its first candidate's.
    """

    facts: list[dict] = field(default_factory=list)
    candidates: list[int] = field(default_factory=list)  # the candidate's position in the batch
    items: list[int] = field(default_factory=list)  # the item's index in its collection (view: 0)
    fact_ids: list[int] = field(default_factory=list)
    # (candidate, view fact id) for each candidate a view fact stands for but the one it was
    # made for, whose entry it has
    shared: list[tuple[int, int]] = field(default_factory=list)
    # per item fact: (its type, per key in order the value, its place (`_placed`) or None
    # if absent) -> the fact's id
    distinct: dict[tuple, int] = field(default_factory=dict)


@dataclass(frozen=True)
class FactPlan:
    """What building facts needs of a compiled profile, looked up once for many records."""

    collections: list[CollectionReaders]
    # per stage: (competency, source) -> the assessment values an assessment of that
    # competency from that source counts for, there (by view key)
    routes: dict[str, dict[tuple[str, str], tuple[str, ...]]]
    aggregates: dict[str, str]  # assessment view key -> how its sources' scores make one
    # per stage: assessment view key -> its sources still to come after that stage, and the
    # score of theirs best for the criteria reading it (`reachable`)
    to_come: dict[str, dict[str, tuple[tuple[str, ...], int]]]
    # assessment view key -> the numbers its rules test it against as `>=` or `<`, sorted,
    # or None when some rule reads it otherwise (`ruleset.FactGroup.thresholds`)
    thresholds: dict[str, tuple[float, ...] | None]
    # per derived view key: its collection, predicate, aggregate, summed item key, and the
    # key of its range's highest value (`compile.DerivedPlan.high_key`)
    derived: list[tuple[str, str, str, str, str | None, str | None]]
    # assessment view key -> the key of its sources' spread, and the floor below which no
    # rule can match a spread (`FactGroup.floors`; -inf where a rule reads it otherwise)
    spreads: dict[str, tuple[str, float]]
    view_groups: list[ViewKeys]  # the fact types a candidate's view is split into


def plan_of(compiled: CompiledProfile, layout: Layout) -> FactPlan:
    """What building facts for `compiled` needs, in the fact types of `layout`."""
    derived = [(key, plan.collection, plan.predicate, plan.aggregate,
                None if plan.field is None
                else compiled.item_keys[plan.collection][(plan.field, None)], plan.high_key)
               for key, plan in compiled.derived.items()]
    floors = floors_across(layout.view_groups)
    wide = {key for key, *_, high in derived if high is not None for key in (key, high)}
    return FactPlan(item_readers_of(compiled, layout),
                    {stage: _routes(compiled.assessments, stage) for stage in SOURCES},
                    {key: plan.aggregate for key, plan in compiled.assessments.items()},
                    {stage: _to_come(compiled.assessments, stage) for stage in SOURCES},
                    _thresholds(compiled, layout),
                    derived,
                    {key: (plan.spread_key, floors.get(plan.spread_key, -inf))
                     for key, plan in compiled.assessments.items()},
                    [(g.type, g.keys, _worth_sharing(g, wide)) for g in layout.view_groups])


def _thresholds(compiled: CompiledProfile, layout: Layout
                ) -> dict[str, tuple[float, ...] | None]:
    """Per assessment view key, the thresholds every view fact type reading it tests it
    against (`ruleset.FactGroup.thresholds`), or None when one reads it some other way."""
    found: dict[str, set[float] | None] = {}
    for group in layout.view_groups:
        thresholds = dict(group.thresholds)
        for key in compiled.assessments.keys() & set(group.keys):
            numbers, known = thresholds.get(key), found.get(key, set())
            found[key] = None if numbers is None or known is None else known.union(numbers)
    return {key: None if numbers is None else tuple(sorted(numbers))
            for key, numbers in found.items()}


def _worth_sharing(group: FactGroup, wide: set[str]) -> bool:
    """Whether candidates alike in the keys of view fact type `group` share one fact: unless
    it reads a count or sum of items (`wide`). Such a value spreads over hundreds (Helsingør's
    years of leadership: 257 values in 500 generated candidates), so its facts are seldom
    alike (497 distinct of 500) and the key made to find one alike costs more than the few
    shared save; existence flags and assessment scores take few values."""
    return wide.isdisjoint(group.keys)


def build(plan: FactPlan, record: CandidateRecord, index: int, stage: str, as_of: date,
          into: BatchFacts) -> CandidateFacts:
    """The facts of one record; its item facts are added to the batch's, `into`."""
    facts = CandidateFacts(index, record)
    batch, distinct = into.facts, into.distinct
    candidates, item_of, fact_ids = into.candidates, into.items, into.fact_ids
    for collection, attr, groups, readers in plan.collections:
        items = getattr(record, attr)
        if items is None:
            continue  # not recorded: no entry, so derived facts from it are unknown
        items_values = facts.item_facts[collection] = []
        for i, item in enumerate(items):
            values: dict[str, Any] = {}
            _read_item(item, as_of, readers, values)
            items_values.append(values)
            for fact_type, keys, every_key, cuts in groups:  # one fact per fact type
                # a value is never None (unknown ones are left out), and each key holds one
                # type (the records' models fix it), so equal tuples are facts alike
                content = (fact_type, *map(values.get, keys))
                if cuts:
                    content = _placed(content, cuts)
                fact_id = distinct.get(content)
                if fact_id is None:
                    fact_id = distinct[content] = len(batch)
                    # merged whole where it can be: a comprehension costs a call (measured)
                    batch.append({"id": fact_id, "t": fact_type, **values} if every_key else
                                 {"id": fact_id, "t": fact_type,
                                  **{k: values[k] for k in keys if k in values}})
                candidates.append(index)
                item_of.append(i)
                fact_ids.append(fact_id)
    if record.assessments:
        _assess(plan, record, stage, facts)
    return facts


def _placed(content: tuple, cuts: tuple[tuple[int, tuple[float, ...]], ...]) -> tuple:
    """`content` with each number its rules only compare with numbers replaced by its place
    among them (`cuts`: by position in `content`): 2i+1 when it equals the i-th, else 2i
    with i the numbers below it. Every such comparison gives the same for the same place."""
    placed = list(content)
    for position, numbers in cuts:
        value = placed[position]
        if value is not None:
            i = bisect_left(numbers, value)
            placed[position] = 2 * i + 1 if i < len(numbers) and numbers[i] == value else 2 * i
    return tuple(placed)


def _read_item(item: Any, as_of: date, readers: list[ItemReader], into: dict) -> None:
    """The values of one item the rules read, added to `into`; an unknown one is left out,
    so the rules see the field as absent."""
    stored = item.__dict__  # a record's field values, as pydantic keeps them
    for key, attribute, read, member in readers:
        value = stored[attribute] if attribute is not None else read(item, as_of)
        if value is not None:
            into[key] = value if member is None else (
                not member.isdisjoint(value) if isinstance(member, frozenset)
                else member in value)


def _routes(assessments: dict[str, AssessmentPlan], stage: str
            ) -> dict[tuple[str, str], tuple[str, ...]]:
    """Where an assessment goes at `stage` (see FactPlan.routes): to each assessment value
    of its competency whose plan takes its source, when the source is there by `stage`."""
    routes: dict[tuple[str, str], list[str]] = {}
    for key, plan in assessments.items():
        for source in set(plan.sources).intersection(sources_up_to(stage)):
            routes.setdefault((plan.competency, source), []).append(key)
    return {route: tuple(keys) for route, keys in routes.items()}


def _to_come(assessments: dict[str, AssessmentPlan], stage: str
             ) -> dict[str, tuple[tuple[str, ...], int]]:
    """Per assessment value with sources after `stage`: those sources, and the score of
    theirs the criteria reading it gain most from (the highest; the lowest under `not`)."""
    after = SOURCES[SOURCES.index(stage) + 1:]
    lowest, highest = SCORE_RANGE
    return {key: (coming, lowest if plan.negated else highest)
            for key, plan in assessments.items()
            if (coming := tuple(s for s in after if s in plan.sources))}


def _assess(plan: FactPlan, record: CandidateRecord, stage: str,
            facts: CandidateFacts) -> None:
    """The assessment values the rules read, each from the sources its plan allows, and of
    those whose sources still to come could move them, the best they can reach."""
    into = facts.assessments
    routes = plan.routes[stage]
    # per assessment value: (index in the record, source, score) of the assessments in it
    used: dict[str, list[tuple[int, str, int]]] = {}
    for n, assessment in enumerate(record.assessments):
        stored = assessment.__dict__  # its field values: one attribute lookup, not three
        source = stored["source"]
        keys = routes.get((stored["competency"], source))
        if keys is not None:
            for key in keys:
                found = used.get(key)
                if found is None:  # most values have one assessment: no list to grow
                    used[key] = [(n, source, stored["score"])]
                else:
                    found.append((n, source, stored["score"]))
    for key, found in used.items():
        if len(found) == 1:
            n, _, score = found[0]
            into[key] = _one_score(n, score)
        else:
            value, spread = _combined(plan.aggregates[key], tuple([one[1:] for one in found]))
            into[key] = AssessmentValue(value, spread, tuple([one[0] for one in found]))
    to_come = plan.to_come[stage]
    if to_come:
        for key in to_come.keys() & used.keys():
            coming, best = to_come[key]
            reached = reachable(plan.aggregates[key], tuple([one[1:] for one in used[key]]),
                                len(coming), best)
            value, numbers = into[key].value, plan.thresholds.get(key)
            # past no more thresholds than the value so far, it cannot move any status
            if reached != value and (numbers is None or bisect_right(numbers, reached)
                                     != bisect_right(numbers, value)):
                facts.reachable[key] = (reached, coming)


@lru_cache(maxsize=4096)
def reachable(aggregate: str, scores: tuple[tuple[str, int], ...], coming: int,
              best: int) -> float:
    """The value of (source, score) once `coming` more sources have each given `best`:
    the most the sources still to come can move it the criteria's way."""
    return round(SOURCE_AGGREGATES[aggregate](_aggregated(aggregate, scores)
                                              + [float(best)] * coming), 2)


def _aggregated(aggregate: str, scores: tuple[tuple[str, int], ...]) -> list[float]:
    """What `aggregate` takes of (source, score): for `mean` each source's mean score (in
    the order the sources first occur), so that a source weighs the same however many
    assessed from it; for `min` and `max` every score, so that no assessor of a source
    averages another away (two referees' 5 and 1 are a 1 to a krav, not a 3)."""
    if aggregate != "mean":
        return [float(score) for _, score in scores]
    by_source: dict[str, list[int]] = {}
    for source, score in scores:
        by_source.setdefault(source, []).append(score)
    return [fsum(scores) / len(scores) for scores in by_source.values()]  # as fmean


@lru_cache(maxsize=1024)  # few positions and scores: made once, not per candidate
def _one_score(index: int, score: int) -> AssessmentValue:
    """The value of one whole score, the assessment at `index`: what `_combined` gives."""
    return AssessmentValue(float(score), 0.0, (index,))


@lru_cache(maxsize=4096)  # the same few scores from the same few sources recur
def _combined(aggregate: str, scores: tuple[tuple[str, int], ...]) -> tuple[float, float]:
    """The value and the spread of several (source, score): the scores aggregated (see
    `_aggregated`), and the largest difference between two of them, whether two sources or
    two assessors of one disagree."""
    values = [score for _, score in scores]
    return (round(SOURCE_AGGREGATES[aggregate](_aggregated(aggregate, scores)), 2),
            float(max(values) - min(values)))


# sums of a few item values recur, and round() costs a microsecond; typed, so that a
# whole-number sum stays an int and a float a float, as round() gives them
@lru_cache(maxsize=4096, typed=True)
def _hundredths(value: float) -> float:
    return round(value, 2)


def item_readers_of(compiled: CompiledProfile, layout: Layout) -> list[CollectionReaders]:
    """How the facts of each collection the rules read are made (see CollectionReaders)."""
    readers: list[CollectionReaders] = []
    for collection, groups in layout.item_groups.items():
        fields = COLLECTIONS[collection].fields
        keyed = compiled.item_keys.get(collection, {})
        readers.append(CollectionReaders(
            collection, COLLECTIONS[collection].record_attr,
            [(g.type, g.keys, set(g.keys) == set(keyed.values()),
              tuple((g.keys.index(key) + 1, numbers) for key, numbers in g.cuts))
             for g in groups],
            [(key, _stored_attribute(fields[name].read), fields[name].read, member)
             for (name, member), key in keyed.items()]))
    return readers


def _stored_attribute(read: Callable[[Any, date], Any]) -> str | None:
    """The record attribute a reader returns as stored, or None when it computes a value."""
    return read.attribute if isinstance(read, Stored) else None


def view_facts(plan: FactPlan, view: dict[str, Any], index: int, into: BatchFacts,
               groups: list[ViewKeys] | None = None) -> None:
    """The view split into one fact per fact type (of `groups`, else all), each with the
    keys its rules read; of a type `plan` shares, a fact alike in those to one of another
    candidate of the batch is that one (see BatchFacts)."""
    batch, distinct = into.facts, into.distinct
    for fact_type, keys, shared in plan.view_groups if groups is None else groups:
        fact_id = len(batch)
        # absent keys read as None, never a value, and each key holds one type (bool flags,
        # float scores and spreads): equal tuples are facts alike
        if shared:
            fact_id = distinct.setdefault((fact_type, *map(view.get, keys)), fact_id)
            if fact_id != len(batch):
                into.shared.append((index, fact_id))
                continue
        fact = {"id": fact_id, "t": fact_type}
        for key in keys:  # filled in place: no second dict to merge
            if key in view:
                fact[key] = view[key]
        batch.append(fact)
        into.fact_ids.append(fact_id)
        into.candidates.append(index)
        into.items.append(0)


def _sum_range(values: list[dict], by_item: dict[int, str], summed: str, key: str,
               high_key: str, view: dict[str, Any]) -> None:
    """A sum with undecided items, or with held items whose summed value is unknown, into
    `view`: its lowest value under `key`, its highest under `high_key` (see
    `algebra.compare_range`). An undecided item adds its value's negative part to the
    lowest and its positive part to the highest; a value unknown leaves the highest
    unbounded and the lowest as it is, as every number a record holds is at least 0 (its
    model says so). A range of one value is that value, with no `high_key`."""
    low = high = 0
    bounded = True
    for i, item in enumerate(values):
        status = by_item.get(i)
        if status not in (O, U):
            continue
        value = item.get(summed)
        if value is None:
            bounded = False
        elif status == O:
            low, high = low + value, high + value
        else:
            low, high = low + min(value, 0), high + max(value, 0)
    view[key] = lowest = _hundredths(low)
    if not bounded:
        view[high_key] = UNBOUNDED
    elif _hundredths(high) != lowest:
        view[high_key] = _hundredths(high)


_NO_ITEMS: dict[int, str] = {}  # the statuses of a predicate no item fired for (read only)


def derive(compiled: CompiledProfile, plan: FactPlan, facts: CandidateFacts,
           item_status: dict[str, dict[int, str]]) -> dict[str, Any]:
    """The view of a candidate for stratum 2, from the item rules' firings (`item_status`:
    predicate -> item index -> status) and the assessment values: every key a criterion rule
    may read (see `view_facts`), less the spreads no rule can match."""
    view: dict[str, Any] = {}
    recorded = facts.item_facts  # no entry: the collection is not recorded
    for key, collection, predicate, aggregate, summed, high_key in plan.derived:
        values = recorded.get(collection)
        if values is None:
            continue  # the derived fact is unknown
        # every item has one status (the engine checks it), so the statuses' values say
        # whether some item holds, or all fail
        by_item = item_status.get(predicate, _NO_ITEMS)
        statuses = by_item.values()
        if aggregate == "exists":
            if O in statuses:
                view[key] = True
            elif len(statuses) == len(values) and U not in statuses:
                view[key] = False  # an item's status is O, I or U: here every one is I
            # else no item holds and some cannot be decided: unknown
        elif aggregate == "count":
            view[key] = held = list(statuses).count(O)
            if U in statuses:  # each undecided item may hold or not: a range
                assert high_key is not None, "compile gives a count its range's key"
                view[high_key] = held + list(statuses).count(U)
        else:
            assert summed is not None, "the loader requires `field:` with a sum"
            summands: list[Any] = [values[i].get(summed) for i in range(len(values))
                                   if by_item.get(i) == O]
            if U in statuses or None in summands:  # a range: see _sum_range
                assert high_key is not None, "compile gives a sum its range's key"
                _sum_range(values, by_item, summed, key, high_key, view)
            else:
                view[key] = _hundredths(sum(summands))
    spreads = plan.spreads
    for key, assessed in facts.assessments.items():
        view[key] = assessed.value
        spread_key, floor = spreads[key]
        if assessed.spread >= floor:  # below it, the spread is left out: no rule matches it
            view[spread_key] = assessed.spread
    return view
