"""The condition language of rule files, as a small tree of plain data.

Candidate-level conditions (a criterion's `when` and `partial`):
  all: [..] | any: [..] | not: {..}
  fact: NAME, <op>: VALUE          a derived fact, e.g. {fact: kommunal_erfaring_aar, gte: 5}
  some: COLLECTION, where: {..}    some item of positions | education | experience holds
  assessed: COMPETENCY [by: [SOURCES]] [gte: N]
Item-level conditions (a `where`):
  all | any | not, and  field: NAME, <op>: VALUE
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .catalogue import COMPARISON_OPS
from .messages import Message, Told, message
from .vocabulary import did_you_mean

OPS = (*COMPARISON_OPS, "in", "contains")
# Bounds on one condition, checked as it is read. The shipped profiles nest 2 levels deep,
# with at most 7 tests and 4 values in an `in`; far beyond these, compiling into the
# four-status rules grew exponentially (16 levels: over a minute) and durable-rules refused
# the result (an `in` of 10,000 values: error 107).
MAX_DEPTH = 8  # all / any / not / some, nested, once redundant nesting is removed
MAX_WRITTEN_DEPTH = 32  # as written: deeper is refused before it is normalised
MAX_TESTS = 64  # comparisons and assessments in one condition
MAX_IN_VALUES = 100


@dataclass(frozen=True)
class All:
    children: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    children: tuple[Condition, ...]


@dataclass(frozen=True)
class Not:
    child: Condition


@dataclass(frozen=True)
class Compare:
    """`fact` (candidate level, a derived fact) or `field` (item level) compared with a value."""

    name: str
    op: str
    value: Any
    item_level: bool


@dataclass(frozen=True)
class Some:
    collection: str
    where: Condition


@dataclass(frozen=True)
class Assessed:
    competency: str
    by: tuple[str, ...] | None  # None: every source the criterion allows
    gte: float | None  # None: the profile's score-to-status mapping decides


Condition = All | AnyOf | Not | Compare | Some | Assessed


class ConditionSyntaxError(Told):
    """Raised with the path (keys and indexes) of the offending node."""

    def __init__(self, path: tuple, text: Message):
        super().__init__(text)
        self.path = path


def parse(data: Any, path: tuple = (), item_level: bool = False) -> Condition:
    """Turn the plain data of a rule file into a condition tree, or raise with the path."""
    tree = _parse(data, path, item_level, 0)
    tests = sum(1 for node in walk(tree) if isinstance(node, Compare | Assessed))
    if tests > MAX_TESTS:
        raise ConditionSyntaxError(path, message("too_many_tests", limit=MAX_TESTS,
                                                 count=tests))
    if _depth(normalise(tree)) > MAX_DEPTH:
        raise ConditionSyntaxError(path, message("combinators_too_deep", levels=MAX_DEPTH))
    return tree


def _depth(tree: Condition) -> int:
    if isinstance(tree, All | AnyOf):
        return 1 + max(_depth(child) for child in tree.children)
    if isinstance(tree, Not):
        return 1 + _depth(tree.child)
    if isinstance(tree, Some):
        return 1 + _depth(tree.where)
    return 0


def _parse(data: Any, path: tuple, item_level: bool, depth: int) -> Condition:
    if depth > MAX_WRITTEN_DEPTH:
        raise ConditionSyntaxError(path, message("combinators_too_deep",
                                                 levels=MAX_WRITTEN_DEPTH))
    if not isinstance(data, dict) or not data:
        raise ConditionSyntaxError(path, message("expected_condition"))
    keys = set(data)
    for combinator in ("all", "any"):
        if combinator in keys:
            _only(data, path, {combinator})
            items = data[combinator]
            if not isinstance(items, list) or not items:
                raise ConditionSyntaxError((*path, combinator), message("expected_list"))
            children = tuple(
                _parse(c, (*path, combinator, i), item_level, depth + 1)
                for i, c in enumerate(items)
            )
            return All(children) if combinator == "all" else AnyOf(children)
    if "not" in keys:
        _only(data, path, {"not"})
        return Not(_parse(data["not"], (*path, "not"), item_level, depth + 1))
    if item_level:
        if "field" in keys:
            return _compare(data, path, "field", item_level=True)
        raise ConditionSyntaxError(
            path, message("unknown_condition_keys", keys=str(sorted(keys)),
                          expected="all, any, not", last="field")
            + _nearest(keys, ("all", "any", "not", "field"))
        )
    if "fact" in keys:
        return _compare(data, path, "fact", item_level=False)
    if "some" in keys:
        _only(data, path, {"some", "where"})
        if "where" not in data:
            raise ConditionSyntaxError(path, message("some_needs_where"))
        return Some(_name(data, path, "some"),
                    _parse(data["where"], (*path, "where"), True, depth + 1))
    if "assessed" in keys:
        _only(data, path, {"assessed", "by", "gte"})
        by = data.get("by")
        if by is not None and (not isinstance(by, list) or not by
                               or not all(isinstance(s, str) for s in by)):
            raise ConditionSyntaxError((*path, "by"), message("expected_sources"))
        gte = data.get("gte")
        if gte is not None and (isinstance(gte, bool) or not isinstance(gte, int | float)):
            raise ConditionSyntaxError((*path, "gte"), message("expected_score"))
        return Assessed(_name(data, path, "assessed"), tuple(by) if by else None, gte)
    raise ConditionSyntaxError(
        path, message("unknown_condition_keys", keys=str(sorted(keys)),
                      expected="all, any, not, fact, some", last="assessed")
        + _nearest(keys, ("all", "any", "not", "fact", "some", "assessed"))
    )


def _nearest(keys: Iterable[str], known: Iterable[str]) -> Message | str:
    """' (mente du 'fact'?)' for the first of `keys` near a known one ('fakt')."""
    return next((hint for key in sorted(map(str, keys)) if (hint := did_you_mean(key, known))),
                "")


def _only(data: dict, path: tuple, allowed: set[str]) -> None:
    extra = sorted(set(data) - allowed)
    if extra:
        raise ConditionSyntaxError((*path, extra[0]), message("unexpected_key", key=extra[0])
                                   + _nearest(extra[:1], allowed))


def _name(data: dict, path: tuple, key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value:
        raise ConditionSyntaxError((*path, key), message("expected_name"))
    return value


def _compare(data: dict, path: tuple, key: str, item_level: bool) -> Compare:
    ops = [k for k in data if k != key]
    if not ops:  # {fact: har_x} reads as "har_x is true"
        return Compare(_name(data, path, key), "eq", True, item_level)
    if len(ops) > 1 or ops[0] not in OPS:
        bad = next((k for k in ops if k not in OPS), ops[-1])
        if all(op in OPS for op in ops):  # a range (gte and lt): a condition per operator
            example = ", ".join(f"{{{key}: {data[key]}, {op}: {data[op]}}}" for op in ops)
            raise ConditionSyntaxError((*path, bad), message("range_in_one", example=example))
        raise ConditionSyntaxError(
            (*path, bad), message("one_operator", operators=", ".join(OPS), got=bad)
        )
    op = ops[0]
    value = data[op]
    if op == "in" and (not isinstance(value, list) or not value):
        raise ConditionSyntaxError((*path, op), message("in_needs_list"))
    if op == "in" and len(value) > MAX_IN_VALUES:
        raise ConditionSyntaxError((*path, op), message("in_too_many", limit=MAX_IN_VALUES))
    if isinstance(value, list | dict):
        value = tuple(value) if isinstance(value, list) else value
    return Compare(_name(data, path, key), op, value, item_level)


def normalise(condition: Condition) -> Condition:
    """The same condition in a canonical shape: nested all/any of one kind flattened, a
    combinator of one child replaced by the child, repeated children dropped, double
    negation removed. Shapes like `not: {not: {any: [{all: [{all: [..]}]}, ..]}}` blew up
    into rules that overflowed durable-rules' match stack and corrupted its memory (exit
    134), so the compiler only ever sees normalised trees."""
    if isinstance(condition, Not):
        child = normalise(condition.child)
        return child.child if isinstance(child, Not) else Not(child)
    if isinstance(condition, Some):
        return Some(condition.collection, normalise(condition.where))
    if not isinstance(condition, All | AnyOf):
        return condition
    kind = type(condition)
    children: dict[str, Condition] = {}  # by repr: a compared value may be unhashable
    for child in map(normalise, condition.children):
        for part in (child.children if isinstance(child, kind) else (child,)):
            children.setdefault(repr(part), part)
    parts = tuple(children.values())
    return parts[0] if len(parts) == 1 else kind(parts)


def as_data(condition: Condition) -> dict[str, Any]:
    """The plain data of a rule file that `parse` reads as this condition: how a condition
    is stored where it is shown again later (the `some` an evidence path tells of)."""
    if isinstance(condition, All | AnyOf):
        return {"all" if isinstance(condition, All) else "any":
                [as_data(child) for child in condition.children]}
    if isinstance(condition, Not):
        return {"not": as_data(condition.child)}
    if isinstance(condition, Some):
        return {"some": condition.collection, "where": as_data(condition.where)}
    if isinstance(condition, Assessed):
        return {"assessed": condition.competency,
                **({"by": list(condition.by)} if condition.by is not None else {}),
                **({"gte": condition.gte} if condition.gte is not None else {})}
    value = list(condition.value) if isinstance(condition.value, tuple) else condition.value
    return {"field" if condition.item_level else "fact": condition.name, condition.op: value}


def walk(condition: Condition):
    """Every node of a condition tree, parents first."""
    yield condition
    if isinstance(condition, All | AnyOf):
        for child in condition.children:
            yield from walk(child)
    elif isinstance(condition, Not):
        yield from walk(condition.child)
    elif isinstance(condition, Some):
        yield from walk(condition.where)
