"""An independent reference evaluator: the rule language's semantics in plain Python.

It reads the condition trees and the candidate record directly and never touches the
compiler, the facts or durable-rules, so agreeing with it checks that whole path. Item fields
are read through the catalogue (the same definition of what a field means).
"""

from __future__ import annotations

import math
from datetime import date
from statistics import fmean

from screening import conditions as cond
from screening.catalogue import COLLECTIONS
from screening.profiles import Criterion, Profile
from screening.records import SOURCES, CandidateRecord

O, D, I, U = "opfyldt", "delvist", "ikke_opfyldt", "ikke_belyst"  # noqa: E741

# Items: `all` takes its weakest child, where a known failure is weaker than missing
# evidence; `any` takes its strongest, where missing evidence beats a failure
ORDER = {I: 0, U: 1, D: 2, O: 3}

# A candidate-level condition: the statuses the evidence allows, from ikke_opfyldt (0) over
# delvist (1) to opfyldt (2). Missing evidence allows them all (ikke_belyst: anything from
# 0 up, whatever the top); "at least delvist" allows 1 and 2.
AT_LEAST_D = "delvist eller bedre"
SPAN = {I: (0, 0), D: (1, 1), O: (2, 2), AT_LEAST_D: (1, 2), U: (0, 2)}


# the share of its weight a criterion may reach with each status, before an ønske's "at
# least delvist" is settled: ikke belyst and "at least delvist" may yet prove opfyldt
REACH = {I: 0.0, D: 0.5, O: 1.0, U: 1.0, AT_LEAST_D: 1.0}


def ceiling(outcome) -> float:
    """The most a criterion's outcome may still come to: its weight while ikke belyst, else
    its points and what is still open of it."""
    return outcome.max_points if outcome.points is None else outcome.points + outcome.open_points


def reachable(result) -> dict[str, float]:
    """Per criterion of a screened result the points it may reach (`ceiling`)."""
    return {o.criterion.id: ceiling(o) for o in result.outcomes}


def status_of(low: int, high: int) -> str:
    return {(0, 0): I, (1, 1): D, (2, 2): O, (1, 2): AT_LEAST_D}.get((low, high), U)


def compare(value, op: str, wanted) -> bool:
    if op == "eq":
        return value == wanted
    if op == "ne":
        return value != wanted
    if op == "in":
        return value in wanted
    if op == "contains":
        return wanted in value
    return {"gt": value > wanted, "gte": value >= wanted, "lt": value < wanted,
            "lte": value <= wanted}[op]


class Reference:
    def __init__(self, profile: Profile, record: CandidateRecord, stage: str,
                 as_of: date | None = None, best: bool = False):
        """`best`: every source still to come after `stage` gives each assessment the score
        best for the criterion (5; 1 under an odd number of `not`s), where it has one."""
        self.profile, self.record = profile, record
        self.as_of = as_of or profile.meta.date
        self.stage, self.allowed = stage, SOURCES[: SOURCES.index(stage) + 1]
        self.best = best

    def statuses(self) -> dict[str, str]:
        return {c.id: self.criterion(c) for c in self.profile.criteria}

    def criterion(self, c: Criterion) -> str:
        status = self.unsettled(c)
        if status == AT_LEAST_D:  # credit of an ønske; of a krav, not yet a knock-out
            return U if c.priority == "krav" else D
        return status

    def reachable(self) -> dict[str, float]:
        """Per criterion the points it may reach: the better of what its status so far
        allows and what its status allows when every source still to come gives each
        assessment its best score."""
        best = Reference(self.profile, self.record, self.stage, self.as_of, best=True)
        return {c.id: c.weight * max(REACH[self.unsettled(c)], REACH[best.unsettled(c)])
                for c in self.profile.criteria}

    def unsettled(self, c: Criterion) -> str:
        """The criterion's status, "at least delvist" kept as it is."""
        status = self.node(c.when, c)
        if c.partial is not None:
            status = self.with_partial(status, self.node(c.partial, c))
        return status

    @staticmethod
    def with_partial(when: str, partial: str) -> str:
        """The better of `when` and `partial` capped at delvist."""
        (wl, wh), (pl, ph) = SPAN[when], SPAN[partial]
        return status_of(max(wl, min(pl, 1)), max(wh, min(ph, 1)))

    def node(self, node, c: Criterion, negative: bool = False) -> str:
        """`negative`: `node` is read under an odd number of `not`s."""
        if isinstance(node, cond.All):
            spans = [SPAN[self.node(n, c, negative)] for n in node.children]
            return status_of(min(lo for lo, _ in spans), min(hi for _, hi in spans))
        if isinstance(node, cond.AnyOf):
            spans = [SPAN[self.node(n, c, negative)] for n in node.children]
            return status_of(max(lo for lo, _ in spans), max(hi for _, hi in spans))
        if isinstance(node, cond.Not):
            low, high = SPAN[self.node(node.child, c, not negative)]
            return status_of(2 - high, 2 - low)
        if isinstance(node, cond.Some):
            return self._exists(node.collection, node.where)
        if isinstance(node, cond.Assessed):
            return self._assessed(node, c, negative)
        value = self.derived(node.name)
        if value is None:
            return U
        if isinstance(value, tuple):
            return self._on_range(*value, node.op, node.value)
        return O if compare(value, node.op, node.value) else I

    @staticmethod
    def _on_range(low, high, op: str, wanted) -> str:
        """A comparison on every value from `low` to `high` (None: no end): opfyldt if all
        pass, ikke_opfyldt if all fail, else ikke_belyst. An order comparison is decided by
        the two ends; a range of several values never equals one number."""
        top = math.inf if high is None else high
        if op in ("eq", "ne"):
            if low <= wanted <= top:
                return U
            return I if op == "eq" else O
        passed = {compare(low, op, wanted), compare(top, op, wanted)}
        return O if passed == {True} else I if passed == {False} else U

    def derived(self, name: str):
        """The value of a derived fact: None when unknown, (low, high) when items that
        could not be decided (or a held item's unknown summed value) leave it open, high
        None when nothing bounds it."""
        spec = self.profile.derived[name]
        items = getattr(self.record, COLLECTIONS[spec.collection].record_attr)
        if items is None:
            return None
        statuses = [self.item(spec.collection, item, spec.where) for item in items]
        if spec.aggregate == "exists":
            return True if O in statuses else (False if all(s == I for s in statuses)
                                               else None)
        if spec.aggregate == "count":
            held, open_ = statuses.count(O), statuses.count(U)
            return (held, held + open_) if open_ else held
        read = COLLECTIONS[spec.collection].fields[spec.field].read
        low = high = 0
        for item, status in zip(items, statuses, strict=True):
            if status == I:
                continue
            value = read(item, self.as_of)
            if value is None:  # at least 0 (the record's model), at most anything
                high = None
            elif status == O:
                low += value
                high = None if high is None else high + value
            elif high is not None:  # may hold or not: 0 or its value
                high += max(value, 0)
                low += min(value, 0)
            else:
                low += min(value, 0)
        low = round(low, 2)
        if high is not None and round(high, 2) == low:
            return low
        return low, None if high is None else round(high, 2)

    def _exists(self, collection: str, where) -> str:
        items = getattr(self.record, COLLECTIONS[collection].record_attr)
        if items is None:
            return U
        statuses = [self.item(collection, item, where) for item in items]
        return O if O in statuses else (I if all(s == I for s in statuses) else U)

    def item(self, collection: str, item, node) -> str:
        if node is None:
            return O
        if isinstance(node, cond.All):
            return min((self.item(collection, item, n) for n in node.children),
                       key=ORDER.get)
        if isinstance(node, cond.AnyOf):
            return max((self.item(collection, item, n) for n in node.children),
                       key=ORDER.get)
        if isinstance(node, cond.Not):
            inner = self.item(collection, item, node.child)
            return {O: I, I: O}.get(inner, inner)
        value = COLLECTIONS[collection].fields[node.name].read(item, self.as_of)
        if value is None:
            return U
        return O if compare(value, node.op, node.value) else I

    def assessment(self, competency: str, sources: tuple[str, ...], aggregate: str,
                   negative: bool = False):
        """The aggregated score and the largest difference between two scores, or None. In
        the best case, each source still to come adds the score best for the criterion
        (`negative`: read under an odd number of `not`s, where 1 is best)."""
        per_source: dict[str, list[int]] = {}
        for a in self.record.assessments:
            if a.competency == competency and a.source in sources and a.source in self.allowed:
                per_source.setdefault(a.source, []).append(a.score)
        if not per_source:
            return None
        every = [score for scores in per_source.values() for score in scores]
        # `mean` takes each source's mean; `min` and `max` the single scores: no assessor
        # averages another of the same source away
        taken = ([fmean(scores) for scores in per_source.values()] if aggregate == "mean"
                 else every)
        spread = float(max(every) - min(every))  # two sources or two assessors apart
        if self.best:
            coming = [s for s in sources if s not in self.allowed]
            taken = taken + [1 if negative else 5] * len(coming)
        value = {"min": min, "max": max, "mean": fmean}[aggregate](taken)
        return round(value, 2), spread

    def _assessed(self, node: cond.Assessed, c: Criterion, negative: bool) -> str:
        scale = self.profile.scoring.assessment
        found = self.assessment(node.competency, node.by or c.sources,
                                getattr(scale, c.priority), negative)
        if found is None:
            return U
        score = found[0]
        if node.gte is not None:
            return O if score >= node.gte else I
        return O if score >= scale.opfyldt else (D if score >= scale.delvist else I)
