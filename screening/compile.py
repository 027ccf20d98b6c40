"""Compile a profile into durable-rules ruleset definitions and the fact shapes they read.

Evaluation runs in two strata, because durable-rules does not withdraw a pending `none`
match when a later action asserts the fact it was waiting for (measured; see README):

1. item rules: for each distinct item condition (a derived fact's `where`, or a `some`),
   three rules over item facts (positions, education, experience): holds, fails, or cannot
   be decided (a field it reads is missing). Every item gets exactly one of them.
2. criterion rules: the firings of stratum 1 are aggregated into derived facts, asserted
   with the candidate's assessment scores as small "view" facts per candidate. Each
   criterion compiles to up to four rules, one per status, built so that exactly one holds:
   opfyldt, delvist, ikke_opfyldt or ikke_belyst (the evidence a condition reads is absent).

Every rule starts with an equality on the fact type: a rule whose condition is only a
"field absent" test (`$nex`) makes durable-rules hang (measured). Two limits of the core
shape the rules further (see `fit_for_engine` and `Layout`): at most 15 nested all/any per
rule, and at most 64 pending rule nodes per asserted fact. The four-status algebra the
rules are built from is `algebra.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from . import conditions as cond
from .algebra import (
    FALSE,
    TRUE,
    Expr,
    StatusExprs,
    all_of,
    and_,
    any_of,
    compare,
    negated,
    on_scale,
    with_partial,
)
from .messages import Message, Told, message
from .profiles import Criterion, Profile
from .results import STATUSES, D, I, O, U
from .wording import render

ITEM_FACT_TYPES = {"positions": "p", "education": "e", "experience": "x"}
VIEW_FACT_TYPE = "v"

# --- what the facts hold -----------------------------------------------------------------


@dataclass(frozen=True)
class ItemPredicate:
    """A `where` over one collection, with the rules deciding it per item."""

    key: str
    collection: str
    where: cond.Condition | None
    fields: tuple[str, ...]  # item fields it reads (for explanations)
    exprs: StatusExprs  # O / I / U per item (D never occurs at item level)


@dataclass(frozen=True)
class DerivedPlan:
    """A value on the view fact aggregated from the firings of one item predicate."""

    key: str
    name: str  # derived fact id, or a description of an inline `some`
    predicate: str
    collection: str
    aggregate: str  # exists | count | sum
    field: str | None


@dataclass(frozen=True)
class AssessmentPlan:
    """A competency's score from some sources, aggregated, plus the spread between sources."""

    key: str
    spread_key: str
    competency: str
    sources: tuple[str, ...]
    aggregate: str  # min | mean | max


@dataclass(frozen=True)
class CompiledCriterion:
    criterion: Criterion
    exprs: StatusExprs
    keys: tuple[str, ...]  # view keys its rules read


@dataclass
class CompiledProfile:
    profile: Profile
    predicates: dict[str, ItemPredicate] = field(default_factory=dict)
    derived: dict[str, DerivedPlan] = field(default_factory=dict)  # by view key
    assessments: dict[str, AssessmentPlan] = field(default_factory=dict)  # by view key
    criteria: list[CompiledCriterion] = field(default_factory=list)
    # item field -> key on the item fact; set membership gets one flag key per value
    item_keys: dict[str, dict[tuple[str, Any], str]] = field(default_factory=dict)

    def rules(self) -> dict[str, dict]:
        """The durable-rules ruleset definition (without actions), rule name -> rule."""
        return self.layout.rules

    @cached_property
    def layout(self) -> Layout:
        """The rules, and the fact types that carry them (see `Layout`)."""
        layout = Layout()
        for collection in sorted(self.item_collections()):
            members = [(pred.key, {f"item|{pred.key}|{status}": pred.exprs[status]
                                   for status in (O, I, U)})
                       for pred in self.predicates.values() if pred.collection == collection]
            layout.item_groups[collection] = layout.add(ITEM_FACT_TYPES[collection], members)
        readers: dict[str, str] = {}  # assessment key -> first criterion reading it
        for cc in self.criteria:
            for key in cc.keys:
                readers.setdefault(key, cc.criterion.id)
        gap = self.profile.scoring.disagreement
        members = []
        for cc in self.criteria:
            named = {f"crit|{cc.criterion.id}|{status}": cc.exprs[status] for status in STATUSES}
            for plan in self.assessments.values():  # gaps go with their first reader
                if readers.get(plan.key) == cc.criterion.id:
                    named[f"gap|{plan.key}"] = {"$gte": {plan.spread_key: gap}}
            members.append((cc.criterion.id, named))
        layout.view_groups = layout.add(VIEW_FACT_TYPE, members)
        return layout

    def item_collections(self) -> set[str]:
        return {p.collection for p in self.predicates.values()}


# durable-rules keeps at most 31 entries in the expression sequence of a rule, and every
# $and/$or takes two of them (rete.c, MAX_SEQUENCE_EXPRESSIONS); a longer condition cannot
# be registered (error 113). One more $and joins the fact type test in `_rule`.
MAX_COMBINATORS = 15 - 1
MAX_PIECES = 512


class ConditionTooComplex(Told, ValueError):
    """A condition that does not fit durable-rules even split into MAX_PIECES rules;
    `member` names the criterion or item predicate it belongs to, once known."""

    def __init__(self, text: Message, member: str | None = None):
        super().__init__(text)
        self.member = member


def _combinators(expr: Expr) -> int:
    return sum(1 + sum(_combinators(e) for e in value)
               for key, value in expr.items() if key in ("$and", "$or"))


def fit_for_engine(expr: Expr) -> list[Expr]:
    """Conditions whose disjunction is `expr`, each short enough for durable-rules.

    Splits the widest `$or` among the terms of the top `$and` into its branches, as often
    as needed. A fact matching several pieces fires several rules with the same status;
    the engine counts a status once."""
    if expr is TRUE or _combinators(expr) <= MAX_COMBINATORS:
        return [expr]
    terms = expr["$and"] if set(expr) == {"$and"} else [expr]
    choices = [t for t in terms if set(t) == {"$or"}]
    if not choices:
        raise ConditionTooComplex(message("nested_combinators", count=_combinators(expr)))
    widest = max(choices, key=_combinators)
    rest = [t for t in terms if t is not widest]
    pieces = [piece for branch in widest["$or"]
              for piece in fit_for_engine(and_(*rest, branch))]
    if len(pieces) > MAX_PIECES:
        raise ConditionTooComplex(message("more_rules_than", limit=MAX_PIECES))
    return pieces


# durable-rules walks an asserted fact through the rule nodes it matches with a stack of 64
# (events.c, MAX_STACK_SIZE): a fact that many rules read fails to assert (error 303), as the
# view fact of the 39-criterion HTK profile did (about 190 rules on one fact type) once most
# criteria were assessed; 160 rules per type passed a stress test of 2,300 records. So the
# rules of a stratum are spread over fact types of at most RULES_PER_FACT_TYPE rules, with a
# wide margin, and each fact carries only the keys its own rules read.
RULES_PER_FACT_TYPE = 60


@dataclass(frozen=True)
class FactGroup:
    """One fact type: the members (item predicates or criteria) whose rules read it."""

    type: str  # e.g. p0, v3
    members: tuple[str, ...]
    keys: tuple[str, ...]  # the fact keys its rules read


@dataclass
class Layout:
    rules: dict[str, dict] = field(default_factory=dict)
    item_groups: dict[str, list[FactGroup]] = field(default_factory=dict)  # by collection
    view_groups: list[FactGroup] = field(default_factory=list)

    def add(self, prefix: str, members: list[tuple[str, dict[str, Expr]]]) -> list[FactGroup]:
        """Rules for `members` (id, rule name -> condition), spread over fact types
        `prefix0`, `prefix1`, …; a condition too long for durable-rules becomes several
        rules `name|1`, `name|2`, … (the engine reads a name up to its status)."""
        groups: list[FactGroup] = []
        pending: list[tuple[str, dict[str, list[Expr]]]] = []
        count = 0

        def close() -> None:
            fact_type = f"{prefix}{len(groups)}"
            keys: dict[str, None] = {}
            for _member, rules in pending:
                for name, pieces in rules.items():
                    for n, piece in enumerate(pieces, start=1):
                        self.rules[name if len(pieces) == 1 else f"{name}|{n}"] = \
                            _rule(fact_type, piece)
                        keys.update(dict.fromkeys(_keys_of(piece)))
            groups.append(FactGroup(fact_type, tuple(m for m, _ in pending), tuple(keys)))
            pending.clear()

        for member, named in members:
            try:
                split = {name: fit_for_engine(expr) for name, expr in named.items()
                         if expr is not FALSE}
            except ConditionTooComplex as exc:
                raise ConditionTooComplex(exc.text, member) from None
            size = sum(len(pieces) for pieces in split.values())
            if pending and count + size > RULES_PER_FACT_TYPE:
                close()
                count = 0
            pending.append((member, split))
            count += size
        if pending:
            close()
        return groups


def _keys_of(expr: Expr) -> list[str]:
    """The fact keys a condition reads."""
    keys = []
    for key, value in expr.items():
        if key in ("$and", "$or"):
            for child in value:
                keys.extend(_keys_of(child))
        elif key.startswith("$"):
            if isinstance(value, dict):
                keys.extend(value)
        else:
            keys.append(key)
    return keys


def _rule(fact_type: str, expr: Expr) -> dict:
    if expr is TRUE:
        return {"all": [{"m": {"t": fact_type}}]}
    return {"all": [{"m": and_({"t": fact_type}, expr)}]}


# --- compiling ---------------------------------------------------------------------------


class _Compiler:
    def __init__(self, profile: Profile):
        self.out = CompiledProfile(profile)
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
            exprs = self._node(cond.normalise(criterion.when), criterion, keys)
            if criterion.partial is not None:
                exprs = with_partial(exprs, self._node(cond.normalise(criterion.partial),
                                                       criterion, keys))
            self.out.criteria.append(
                CompiledCriterion(criterion, exprs, tuple(dict.fromkeys(keys))))
        return self.out

    def _node(self, node: cond.Condition, criterion: Criterion, keys: list[str]) -> StatusExprs:
        if isinstance(node, cond.All):
            return all_of([self._node(c, criterion, keys) for c in node.children])
        if isinstance(node, cond.AnyOf):
            return any_of([self._node(c, criterion, keys) for c in node.children])
        if isinstance(node, cond.Not):
            return negated(self._node(node.child, criterion, keys))
        if isinstance(node, cond.Compare):
            key = self._derived_by_name[node.name]
            keys.append(key)
            return compare(key, node.op, node.value)
        if isinstance(node, cond.Some):
            # the name is shown as evidence, so it is worded in the run's language (a
            # compiled profile lives for one run; only the loaded profile is cached)
            name = render(node, self.out.profile)
            key = self._derived(name, node.collection, node.where, "exists", None)
            keys.append(key)
            return compare(key, "eq", True)
        if isinstance(node, cond.Assessed):
            scale = self.out.profile.scoring.assessment
            aggregate = getattr(scale, criterion.priority)
            sources = node.by or criterion.sources
            spec = (node.competency, tuple(sources), aggregate)
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
                 aggregate: str, sum_field: str | None) -> str:
        predicate = self._predicate(collection, where)
        spec_key = f"{name}|{predicate}|{aggregate}|{sum_field}"
        if spec_key not in self._derived_by_name:
            key = f"d{len(self.out.derived)}"
            self.out.derived[key] = DerivedPlan(key, name, predicate, collection, aggregate,
                                                sum_field)
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
                     else {O: TRUE, D: FALSE, I: FALSE, U: FALSE})
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
