"""Compile a profile into four-status conditions: what a candidate's facts must hold for
each criterion to be opfyldt, delvist, ikke_opfyldt or ikke_belyst.

The flow: models (`profiles.py`, `records.py`) -> load (`rulefiles.py`) -> compile (here,
with the algebra of `algebra.py`) -> run (`engine.py` with `ruleset.py`: the only code that
knows durable-rules) -> score and explain (`scoring.py`, `explain.py`). A compiled profile
is plain data, the same whatever runs it; how durable-rules takes it (rule JSON, splitting
long conditions, the fact types, caps) is decided in the run layer, which never changes it.

A compiled profile is two strata:

1. item predicates: for each distinct item condition (a derived fact's `where`, or a
   `some`), the conditions under which an item (a position, an education, an experience)
   holds, fails, or cannot be decided (a field it reads is missing). Every item has
   exactly one of them.
2. criteria: what stratum 1 decides per item is aggregated into derived values (`derived`,
   e.g. "some position holds", a count or a sum; a count or a sum over items some of which
   cannot be decided is a range, `DerivedPlan.high_key`), which with the candidate's assessment
   scores (`assessments`) make the candidate's view. Each criterion's four conditions over
   the view are built so that exactly one holds: opfyldt, delvist, ikke_opfyldt or
   ikke_belyst (the evidence a condition reads is absent).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from . import conditions as cond
from .algebra import (
    FALSE,
    TRUE,
    P,
    StatusExprs,
    all_of,
    any_of,
    compare,
    compare_range,
    negated,
    on_scale,
    settled,
    with_partial,
)
from .profiles import Criterion, Profile
from .results import D, I, O, U
from .wording import render

# --- what the facts hold -----------------------------------------------------------------


@dataclass(frozen=True)
class ItemPredicate:
    """A `where` over one collection, with the conditions deciding it per item."""

    key: str
    collection: str
    where: cond.Condition | None
    fields: tuple[str, ...]  # item fields it reads (for explanations)
    exprs: StatusExprs  # O / I / U per item (D and P never occur at item level)


@dataclass(frozen=True)
class DerivedPlan:
    """A value of the view aggregated from what one item predicate decided per item."""

    key: str
    name: str  # derived fact id, or a description of an inline `some`
    predicate: str
    collection: str
    aggregate: str  # exists | count | sum
    field: str | None
    # a count or a sum over items some of which cannot be decided is a range: `key` holds
    # its lowest value, this key its highest (`facts.derive`, `algebra.compare_range`);
    # None for `exists`, which is decided or not
    high_key: str | None = None
    # an inline `some`: its condition, worded in the language of whoever reads its evidence
    # (`name` words it in the run's)
    some: cond.Some | None = None


@dataclass(frozen=True)
class AssessmentPlan:
    """A competency's score from some sources, aggregated, plus the spread of its scores."""

    key: str
    spread_key: str
    competency: str
    sources: tuple[str, ...]
    aggregate: str  # min | mean | max
    # read under an odd number of `not`s: a lower score is better for the criterion, so the
    # best a source still to come can do is its lowest (`facts.reachable`); a competency
    # read both ways has a plan for each
    negated: bool = False


@dataclass(frozen=True)
class CompiledCriterion:
    criterion: Criterion
    exprs: StatusExprs  # its statuses (`algebra.settled`: an ønske may be P)
    keys: tuple[str, ...]  # view keys its conditions read
    when_exprs: StatusExprs | None = None  # `when` alone, when a `partial` lifts it (lint)


@dataclass(frozen=True)
class CompiledProfile:
    """A profile compiled: plain data, shared by whatever runs it and changed by none."""

    profile: Profile
    predicates: dict[str, ItemPredicate] = field(default_factory=dict)
    derived: dict[str, DerivedPlan] = field(default_factory=dict)  # by view key
    assessments: dict[str, AssessmentPlan] = field(default_factory=dict)  # by view key
    criteria: tuple[CompiledCriterion, ...] = ()
    # item field -> key on the item fact; set membership gets one flag key per value
    item_keys: dict[str, dict[tuple[str, Any], str]] = field(default_factory=dict)


# --- compiling ---------------------------------------------------------------------------


class _Compiler:
    def __init__(self, profile: Profile):
        self.out = CompiledProfile(profile)
        self._criteria: list[CompiledCriterion] = []
        self._predicate_by_where: dict[tuple[str, cond.Condition | None], str] = {}
        self._derived_by_name: dict[str, str] = {}
        self._assessment_by_spec: dict[tuple, str] = {}

    def run(self) -> CompiledProfile:
        profile = self.out.profile
        for derived in profile.derived.values():
            self._derived(derived.id, derived.collection, derived.where, derived.aggregate,
                          derived.field)
        for criterion in profile.criteria:
            keys: list[str] = []
            krav = criterion.priority == "krav"
            when = exprs = self._node(cond.normalise(criterion.when), criterion, keys, False)
            if criterion.partial is not None:
                exprs = with_partial(when, self._node(cond.normalise(criterion.partial),
                                                      criterion, keys, False))
            self._criteria.append(CompiledCriterion(
                criterion, settled(exprs, krav), tuple(dict.fromkeys(keys)),
                settled(when, krav) if criterion.partial is not None else None))
        return replace(self.out, criteria=tuple(self._criteria))

    def _node(self, node: cond.Condition, criterion: Criterion, keys: list[str],
              negative: bool) -> StatusExprs:
        """The statuses of `node`; `negative`: it is read under an odd number of `not`s."""
        if isinstance(node, cond.All):
            return all_of([self._node(c, criterion, keys, negative) for c in node.children])
        if isinstance(node, cond.AnyOf):
            return any_of([self._node(c, criterion, keys, negative) for c in node.children])
        if isinstance(node, cond.Not):
            return negated(self._node(node.child, criterion, keys, not negative))
        if isinstance(node, cond.Compare):
            key = self._derived_by_name[node.name]
            keys.append(key)
            high_key = self.out.derived[key].high_key
            if high_key is None:
                return compare(key, node.op, node.value)
            return compare_range(key, high_key, node.op, node.value)
        if isinstance(node, cond.Some):
            # the name is the evidence's path, so it is worded in the run's language (a
            # compiled profile lives for one run; only the loaded profile is cached)
            name = render(node, self.out.profile, codes=True)
            key = self._derived(name, node.collection, node.where, "exists", None, node)
            keys.append(key)
            return compare(key, "eq", True)
        if isinstance(node, cond.Assessed):
            scale = self.out.profile.scoring.assessment
            aggregate = getattr(scale, criterion.priority)
            sources = node.by or criterion.sources
            spec = (node.competency, tuple(sources), aggregate, negative)
            if spec not in self._assessment_by_spec:
                n = len(self._assessment_by_spec)
                plan = AssessmentPlan(f"a{n}", f"g{n}", *spec)
                self._assessment_by_spec[spec] = plan.key
                self.out.assessments[plan.key] = plan
            key = self._assessment_by_spec[spec]
            keys.append(key)
            if node.gte is not None:
                return compare(key, "gte", node.gte)
            return on_scale(key, scale.opfyldt, scale.delvist)
        raise TypeError(f"not a candidate-level condition: {node!r}")

    def _derived(self, name: str, collection: str, where: cond.Condition | None,
                 aggregate: str, sum_field: str | None, some: cond.Some | None = None) -> str:
        predicate = self._predicate(collection, where)
        spec_key = f"{name}|{predicate}|{aggregate}|{sum_field}"
        if spec_key not in self._derived_by_name:
            key = f"d{len(self.out.derived)}"
            self.out.derived[key] = DerivedPlan(
                key, name, predicate, collection, aggregate, sum_field,
                None if aggregate == "exists" else f"{key}h", some)
            self._derived_by_name[spec_key] = key
            self._derived_by_name.setdefault(name, key)
        if sum_field is not None:
            self._item_key(collection, sum_field, None)
        return self._derived_by_name[spec_key]

    def _predicate(self, collection: str, where: cond.Condition | None) -> str:
        ident = (collection, where)
        if ident not in self._predicate_by_where:
            key = f"q{len(self.out.predicates)}"
            fields: list[str] = []
            exprs = (self._item_node(collection, cond.normalise(where), fields)
                     if where is not None
                     else {O: TRUE, D: FALSE, I: FALSE, U: FALSE, P: FALSE})
            self.out.predicates[key] = ItemPredicate(key, collection, where,
                                                     tuple(dict.fromkeys(fields)), exprs)
            self._predicate_by_where[ident] = key
        return self._predicate_by_where[ident]

    def _item_node(self, collection: str, node: cond.Condition,
                   fields: list[str]) -> StatusExprs:
        if isinstance(node, cond.All):
            return all_of([self._item_node(collection, c, fields) for c in node.children])
        if isinstance(node, cond.AnyOf):
            shared = _contains_any(node)
            if shared is not None:  # one flag for "contains any of": see _contains_any
                fields.append(shared[0])
                return compare(self._item_key(collection, *shared), "eq", True)
            return any_of([self._item_node(collection, c, fields) for c in node.children])
        if isinstance(node, cond.Not):
            return negated(self._item_node(collection, node.child, fields))
        assert isinstance(node, cond.Compare)
        fields.append(node.name)
        if node.op == "contains":  # a set field becomes one true/false flag per value asked
            return compare(self._item_key(collection, node.name, node.value), "eq", True)
        return compare(self._item_key(collection, node.name, None), node.op, node.value)

    def _item_key(self, collection: str, field_name: str, member: Any) -> str:
        keys = self.out.item_keys.setdefault(collection, {})
        if (field_name, member) not in keys:
            keys[(field_name, member)] = f"f{len(keys)}"
        return keys[(field_name, member)]


def _contains_any(node: cond.AnyOf) -> tuple[str, frozenset] | None:
    """`any` of `contains` on one set field, as (field, values). The per-value flags of a
    field are all present or all absent, which the general algebra cannot know: it would
    spell "cannot be decided" out over every flag (88 nested all/any for six domains)."""
    compares = [c for c in node.children if isinstance(c, cond.Compare) and c.op == "contains"]
    names = {c.name for c in compares}
    if len(compares) == len(node.children) and len(names) == 1:
        return names.pop(), frozenset(c.value for c in compares)
    return None


def compile_profile(profile: Profile) -> CompiledProfile:
    return _Compiler(profile).run()
