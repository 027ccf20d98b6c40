"""The durable-rules ruleset a compiled profile becomes: the rule JSON, long conditions split
to fit the core, and the fact types that carry the rules.

Part of the run layer with `engine.py` (which registers this ruleset in durable-rules' C
core and fires it): together the only code that knows durable-rules. This module is pure
Python and never loads the core, so loading a profile checks it against the core's limits
(`layout_of` raises `ConditionTooComplex`) without loading the engine.

The compiled profile is two strata, and the engine asserts them one after the other,
because durable-rules does not withdraw a pending `none` match when a later action asserts
the fact it was waiting for (measured; see README):

1. item rules: per item predicate three rules over item facts (positions, education,
   experience): holds, fails, or cannot be decided. Every item fires exactly one of them.
2. criterion rules: per criterion up to four rules over the candidate's view facts, one per
   status, exactly one of which fires; and per assessment a rule that fires when its
   sources disagree.

Every rule starts with an equality on the fact type: a rule whose condition is only a
"field absent" test (`$nex`) makes durable-rules hang (measured). Two limits of the core
shape the rules further: at most 15 nested all/any per rule (`fit_for_engine`), and at
most 64 pending rule nodes per asserted fact (`RULES_PER_FACT_TYPE`). The cap on each
rule's batch of matches depends on the engine's batch size, so `engine.py` adds it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .algebra import FALSE, TRUE, Expr, and_, compare
from .compile import CompiledProfile
from .messages import Message, Told, message
from .results import I, O, U

# the fact types' names start with one letter per kind of fact: one per item collection,
# and the view of a candidate
ITEM_FACT_TYPES = {"positions": "p", "education": "e", "experience": "x"}
VIEW_FACT_TYPE = "v"

# durable-rules keeps at most 31 entries in the expression sequence of a rule, and every
# $and/$or takes two of them (rete.c, MAX_SEQUENCE_EXPRESSIONS); a longer condition cannot
# be registered (error 113). One more $and joins the fact type test in `_rule`.
MAX_COMBINATORS = 15 - 1
MAX_PIECES = 512

# durable-rules walks an asserted fact through the rule nodes it matches with a stack of 64
# (events.c, MAX_STACK_SIZE): a fact that many rules read fails to assert (error 303), as the
# view fact of the 39-criterion HTK profile did (about 190 rules on one fact type) once most
# criteria were assessed; 160 rules per type passed a stress test of 2,300 records. So the
# rules of a stratum are spread over fact types of at most RULES_PER_FACT_TYPE rules, with a
# wide margin, and each fact carries only the keys its own rules read.
RULES_PER_FACT_TYPE = 60

# a Python bool is an int, but durable-rules' `true` is no number
_NUMBERS = (int, float)


class ConditionTooComplex(Told, ValueError):
    """A condition that does not fit durable-rules even split into MAX_PIECES rules;
    `member` names the criterion or item predicate it belongs to, once known."""

    def __init__(self, text: Message, member: str | None = None):
        super().__init__(text)
        self.member = member


@dataclass(frozen=True)
class FactGroup:
    """One fact type: the members (item predicates or criteria) whose rules read it."""

    type: str  # e.g. p0, v3
    members: tuple[str, ...]
    keys: tuple[str, ...]  # the fact keys its rules read
    # the keys its rules read only as `key >= number` (no `$nex`, no other test), each with
    # the lowest such number: a value below it no rule can match, so a fact may leave it out
    # and every status stays the same (durable-rules makes every comparison on an absent
    # key false, and no rule tests the key's presence)
    floors: tuple[tuple[str, float], ...] = ()
    # the keys its rules read only by comparing them with numbers (=, !=, <, <=, >, >=) or
    # by testing their presence, each with those numbers, sorted: a value's outcomes depend
    # only on where it falls among them, so items alike in that may share a fact
    cuts: tuple[tuple[str, tuple[float, ...]], ...] = ()
    # the assessment keys whose disagreement rules read it (`gap|key`; view fact types only)
    gaps: tuple[str, ...] = ()
    # the keys its rules read only as `key >= number` or `key < number` (or by testing their
    # presence), each with those numbers, sorted: values past the same thresholds give the
    # same outcomes (`facts.reachable` needs no best view for such a value)
    thresholds: tuple[tuple[str, tuple[float, ...]], ...] = ()


@dataclass
class Layout:
    """The ruleset definition (rule name -> rule, without caps) and the fact types it reads."""

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
            tests: list[tuple[str | None, str, Any]] = []
            for _member, rules in pending:
                for name, pieces in rules.items():
                    for n, piece in enumerate(pieces, start=1):
                        self.rules[name if len(pieces) == 1 else f"{name}|{n}"] = \
                            _rule(fact_type, piece)
                        tests.extend(_tests_of(piece))
            groups.append(FactGroup(fact_type, tuple(m for m, _ in pending),
                                    tuple(dict.fromkeys(key for _, key, _ in tests)),
                                    _floors(tests), _cuts(tests),
                                    tuple(ref for _, rules in pending
                                          for kind, ref, _ in map(meaning_of, rules)
                                          if kind == "gap"),
                                    _thresholds(tests)))
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


def layout_of(compiled: CompiledProfile) -> Layout:
    """The rules of both strata, and the fact types that carry them (see `Layout`).

    Raises ConditionTooComplex for a condition durable-rules cannot take."""
    layout = Layout()
    for collection in sorted({p.collection for p in compiled.predicates.values()}):
        members = [(pred.key, {f"item|{pred.key}|{status}": pred.exprs[status]
                               for status in (O, I, U)})
                   for pred in compiled.predicates.values() if pred.collection == collection]
        layout.item_groups[collection] = layout.add(ITEM_FACT_TYPES[collection], members)
    readers: dict[str, str] = {}  # assessment key -> first criterion reading it
    for cc in compiled.criteria:
        for key in cc.keys:
            readers.setdefault(key, cc.criterion.id)
    gap = compiled.profile.scoring.disagreement
    members = []
    for cc in compiled.criteria:
        named = {f"crit|{cc.criterion.id}|{status}": expr for status, expr in cc.exprs.items()}
        for plan in compiled.assessments.values():  # gaps go with their first reader
            if readers.get(plan.key) == cc.criterion.id:
                named[f"gap|{plan.key}"] = compare(plan.spread_key, "gte", gap)[O]
        members.append((cc.criterion.id, named))
    layout.view_groups = layout.add(VIEW_FACT_TYPE, members)
    return layout


def meaning_of(rule_name: str) -> tuple[str, str, str]:
    """A rule's name read: item|predicate|status, crit|criterion|status or gap|assessment
    key, each perhaps with |piece after it (see `Layout.add`)."""
    kind, ref, *rest = rule_name.split("|")
    return kind, ref, rest[0] if kind != "gap" else ""


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


def _tests_of(expr: Expr) -> Iterator[tuple[str | None, str, Any]]:
    """The tests a condition makes: operator (None: equality), fact key, value."""
    for key, value in expr.items():
        if key in ("$and", "$or"):
            for child in value:
                yield from _tests_of(child)
        elif key.startswith("$"):
            if isinstance(value, dict):
                for read, against in value.items():
                    yield key, read, against
        else:
            yield None, key, value


def _floors(tests: list[tuple[str | None, str, Any]]) -> tuple[tuple[str, float], ...]:
    """The keys these tests read only as `key >= number`, each with the lowest number (see
    `FactGroup.floors`)."""
    floors: dict[str, float] = {}
    other: set[str] = set()  # read by some other test: presence, equality, another order
    for op, key, value in tests:
        if op == "$gte" and value.__class__ in _NUMBERS:
            floors[key] = min(floors.get(key, value), value)
        else:
            other.add(key)
    return tuple((key, floor) for key, floor in floors.items() if key not in other)


# the tests whose outcome on a number depends only on where it falls among the numbers
# tested (None: equality), and those that read only whether a key is there
_ORDERED = (None, "$neq", "$lt", "$lte", "$gt", "$gte")
_THRESHOLDS = ("$lt", "$gte")  # of these, only how many of the numbers are <= the value
_PRESENCE = ("$ex", "$nex")


def _cuts(tests: list[tuple[str | None, str, Any]]) -> tuple[tuple[str, tuple[float, ...]], ...]:
    """The keys these tests read only by comparing them with numbers or by testing their
    presence, each with the numbers, sorted (see `FactGroup.cuts`)."""
    return _compared(tests, _ORDERED)


def _thresholds(tests: list[tuple[str | None, str, Any]]
                ) -> tuple[tuple[str, tuple[float, ...]], ...]:
    """The keys these tests read only as `key >= number` or `key < number` or by testing
    their presence, each with the numbers, sorted (see `FactGroup.thresholds`)."""
    return _compared(tests, _THRESHOLDS)


def _compared(tests: list[tuple[str | None, str, Any]], ops: tuple[str | None, ...]
              ) -> tuple[tuple[str, tuple[float, ...]], ...]:
    """The keys these tests read only by comparing them with numbers with `ops`, or by
    testing their presence, each with the numbers, sorted."""
    numbers: dict[str, set[float]] = {}
    other: set[str] = set()
    for op, key, value in tests:
        if op in _PRESENCE:
            continue
        if op in ops and value.__class__ in _NUMBERS:
            numbers.setdefault(key, set()).add(value)
        else:
            other.add(key)
    return tuple((key, tuple(sorted(found))) for key, found in numbers.items()
                 if key not in other)


def floors_across(groups: list[FactGroup]) -> dict[str, float]:
    """The keys that every fact type reading them reads only as `key >= number` (see
    `FactGroup.floors`), each with the lowest such number."""
    floors: dict[str, float] = {}
    other: set[str] = set()
    for group in groups:
        own = dict(group.floors)
        for key in group.keys:
            if key in own:
                floors[key] = min(floors.get(key, own[key]), own[key])
            else:
                other.add(key)
    return {key: floor for key, floor in floors.items() if key not in other}


def _rule(fact_type: str, expr: Expr) -> dict:
    # one fact per rule, never a join: so a fact's outcomes depend on its content alone, and
    # the engine asserts items alike in what their fact carries as one fact (tests/test_engine)
    if expr is TRUE:
        return {"all": [{"m": {"t": fact_type}}]}
    return {"all": [{"m": and_({"t": fact_type}, expr)}]}
