"""The status algebra over durable-rules conditions: what the compiler builds every
criterion's conditions from, what lint searches with, and what its tests check.

A condition is written in durable-rules' own condition JSON (`{"$gte": {"years": 5}}`,
`{"$and": [...]}`), so the run layer puts it into rules as it is; how long a rule may be and
which facts carry it are the run layer's (`ruleset.py`). A node of a profile's condition
compiles to `StatusExprs`, one condition per status (opfyldt, delvist, ikke_opfyldt,
ikke_belyst, and `P`, "at least delvist"), built so that exactly one holds for any fact;
`settled` gives a criterion its statuses. `holds` says what durable-rules makes of
a condition, so the algebra can be checked without the engine.

A status is what the evidence allows: ikke_opfyldt, delvist or opfyldt when it allows one,
ikke_belyst when it allows ikke_opfyldt and more, and `P` when it allows delvist or opfyldt
(`any` of a delvist and something not yet judged; `partial` met while `when` is not yet
judged). Of an ønske, `P` stays: delvist secured, opfyldt still possible (scoring counts
half its weight earned and half open). Of a krav it is ikke_belyst, since a krav only
delvist is a proposed knock-out, and evidence not yet there may show the krav met.
"""
from __future__ import annotations

import json
import sys
from typing import Any

from .results import D, I, O, P, U

TRUE: dict[str, Any] = {"$true": 1}  # sentinels; never reach durable-rules
FALSE: dict[str, Any] = {"$false": 1}

Expr = dict[str, Any]


def and_(*exprs: Expr) -> Expr:
    return _combined("$and", exprs, absorbing=FALSE, neutral=TRUE)


def or_(*exprs: Expr) -> Expr:
    return _combined("$or", exprs, absorbing=TRUE, neutral=FALSE)


def _combined(combinator: str, exprs: tuple[Expr, ...], absorbing: Expr, neutral: Expr) -> Expr:
    """`exprs` joined by `combinator`, flattened, with repeats dropped: `absorbing` decides
    the whole (FALSE for `$and`), `neutral` is left out (TRUE for `$and`)."""
    parts: dict[str, Expr] = {}
    for e in exprs:
        if e is absorbing:
            return absorbing
        if e is neutral:
            continue
        for part in e[combinator] if set(e) == {combinator} else [e]:
            parts.setdefault(_identity(part), part)
    if not parts:
        return neutral
    return _joined(combinator, list(parts.values()))


def _identity(expr: Expr) -> str:
    # a repeated test is dropped: durable-rules gives every copy its own node on the match
    # stack, and nested copies overflowed it (see conditions.normalise)
    return json.dumps(expr, sort_keys=True, default=str)


def _joined(combinator: str, parts: list[Expr]) -> Expr:
    return parts[0] if len(parts) == 1 else {combinator: parts}


_CMP = {"$lt": lambda a, b: a < b, "$lte": lambda a, b: a <= b, "$gt": lambda a, b: a > b,
        "$gte": lambda a, b: a >= b, "$neq": lambda a, b: a != b}


def holds(expr: Expr, fact: dict[str, Any]) -> bool:
    """What durable-rules makes of a condition over one fact (a comparison on a missing
    field is false): for lint's search and for the tests of the algebra."""
    if expr is TRUE:
        return True
    if expr is FALSE:
        return False
    (op, arg), = expr.items()
    if op == "$and":
        return all(holds(e, fact) for e in arg)
    if op == "$or":
        return any(holds(e, fact) for e in arg)
    if op == "$nex":
        return next(iter(arg)) not in fact
    if op == "$ex":
        return next(iter(arg)) in fact
    if op in _CMP:
        (key, value), = arg.items()
        return key in fact and _CMP[op](fact[key], value)
    return op in fact and fact[op] == arg


StatusExprs = dict[str, Expr]  # status -> condition under which the node has that status


# durable-rules operator for "holds" and for "fails" of each comparison (None: plain equality)
_HOLDS = {"eq": None, "ne": "$neq", "gt": "$gt", "gte": "$gte", "lt": "$lt", "lte": "$lte"}
_FAILS = {"eq": "$neq", "ne": None, "gt": "$lte", "gte": "$lt", "lt": "$gte", "lte": "$gt"}


def _test(operator: str | None, key: str, value: Any) -> Expr:
    return {key: value} if operator is None else {operator: {key: value}}


def compare(key: str, op: str, value: Any) -> StatusExprs:
    """A comparison is opfyldt or ikke_opfyldt when the field is there, ikke_belyst if not.

    durable-rules makes every comparison on a missing field false (`$neq` included),
    so neither side needs its own presence test."""
    if op == "in":
        holds = or_(*(_test(None, key, v) for v in value))
        fails = and_(*(_test("$neq", key, v) for v in value))
    else:
        holds, fails = _test(_HOLDS[op], key, value), _test(_FAILS[op], key, value)
    return {O: holds, D: FALSE, I: fails, U: {"$nex": {key: 1}}, P: FALSE}


# the highest value of a range unbounded above: the largest number, which no threshold of a
# rule file reaches (durable-rules takes JSON numbers; infinity is none)
UNBOUNDED = sys.float_info.max


def compare_range(key: str, high: str, op: str, value: Any) -> StatusExprs:
    """A comparison on a value that may be a range (`facts.derive`): `key` holds the value,
    or the lowest value of a range whose highest is `high` (UNBOUNDED when nothing bounds
    it); no `high` means one value. A range is opfyldt when every value in it holds,
    ikke_opfyldt when every one fails, and otherwise ikke_belyst, as is a value unknown
    (neither key). A range has two values or more, so it never equals one everywhere.

    Built from few distinct tests: durable-rules keeps at most a few tests other than
    equality below one node (error 107, ERR_RULE_EXISTS_LIMIT_EXCEEDED), which spelling
    every case out overflowed on generated profiles."""
    one_value = {"$nex": {high: 1}}
    if op in ("gte", "gt"):  # the lowest value decides holding, the highest failing
        below = _test(_FAILS[op], key, value)
        return {O: _test(_HOLDS[op], key, value), D: FALSE,
                I: and_(below, or_(one_value, _test(_FAILS[op], high, value))),
                U: or_({"$nex": {key: 1}}, and_(below, _test(_HOLDS[op], high, value))),
                P: FALSE}
    if op in ("lte", "lt"):  # the highest value decides holding, the lowest failing
        within = _test(_HOLDS[op], key, value)
        return {O: and_(within, or_(one_value, _test(_HOLDS[op], high, value))), D: FALSE,
                I: _test(_FAILS[op], key, value),
                U: or_({"$nex": {key: 1}}, and_(within, _test(_FAILS[op], high, value))),
                P: FALSE}
    equal = and_({key: value}, one_value)
    apart = or_(and_({"$neq": {key: value}}, one_value), {"$gt": {key: value}},
                {"$lt": {high: value}})
    around = and_({"$lte": {key: value}}, {"$gte": {high: value}})
    holds, fails = (equal, apart) if op == "eq" else (apart, equal)
    return {O: holds, D: FALSE, I: fails, U: or_({"$nex": {key: 1}}, around), P: FALSE}


def on_scale(key: str, opfyldt: float, delvist: float) -> StatusExprs:
    """An assessment score mapped to all four statuses by the profile's thresholds."""
    return {
        O: {"$gte": {key: opfyldt}},
        D: and_({"$gte": {key: delvist}}, {"$lt": {key: opfyldt}}),
        I: {"$lt": {key: delvist}},
        U: {"$nex": {key: 1}},
        P: FALSE,
    }


def all_of(children: list[StatusExprs]) -> StatusExprs:
    # the weakest child decides; a known failure outweighs missing evidence
    return {
        O: and_(*(c[O] for c in children)),
        I: or_(*(c[I] for c in children)),
        D: and_(*(or_(c[O], c[D], c[P]) for c in children), or_(*(c[D] for c in children))),
        P: and_(*(or_(c[O], c[P]) for c in children), or_(*(c[P] for c in children))),
        U: and_(*(or_(c[O], c[D], c[P], c[U]) for c in children),
                or_(*(c[U] for c in children))),
    }


def any_of(children: list[StatusExprs]) -> StatusExprs:
    # the strongest child decides; missing evidence could still hold, so it beats a failure,
    # and beside a delvist it makes "at least delvist"
    return {
        O: or_(*(c[O] for c in children)),
        D: and_(*(or_(c[D], c[I]) for c in children), or_(*(c[D] for c in children))),
        P: and_(*(or_(c[D], c[I], c[P], c[U]) for c in children),
                or_(*(c[D] for c in children), *(c[P] for c in children)),
                or_(*(c[P] for c in children), *(c[U] for c in children))),
        U: and_(*(or_(c[I], c[U]) for c in children), or_(*(c[U] for c in children))),
        I: and_(*(c[I] for c in children)),
    }


def negated(child: StatusExprs) -> StatusExprs:
    # "at least delvist", negated, is "at most delvist": it may fail, so ikke_belyst
    return {O: child[I], D: child[D], I: child[O], P: FALSE, U: or_(child[U], child[P])}


def with_partial(when: StatusExprs, partial: StatusExprs) -> StatusExprs:
    """`partial` lifts a `when` that fails to delvist, and one not yet judged to at least
    delvist (`P`): whatever the missing evidence shows, the criterion is at least partly met.
    A failed `when` is only ikke_opfyldt once `partial` is known to fail too, so more
    evidence never hides a knock-out."""
    lifted = or_(partial[O], partial[D], partial[P])
    return {
        O: when[O],
        D: or_(when[D], and_(when[I], lifted)),
        P: or_(when[P], and_(when[U], lifted)),
        I: and_(when[I], partial[I]),
        U: or_(and_(when[U], or_(partial[I], partial[U])), and_(when[I], partial[U])),
    }


def settled(node: StatusExprs, krav: bool) -> StatusExprs:
    """A criterion's statuses from its condition's: "at least delvist" is ikke_belyst of a
    krav (a krav only delvist is a proposed knock-out, which evidence not yet there must
    never bring) and stays `P` of an ønske: delvist secured, yet opfyldt still possible, so
    the evidence that shows it partly met never lowers what the ønske may reach."""
    if krav:
        return {O: node[O], D: node[D], I: node[I], U: or_(node[U], node[P])}
    return node
