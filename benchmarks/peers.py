"""The profile's criteria for other evaluators, on flat facts derived beforehand.

A candidate's flat facts are what the conditions compare, computed once per record by the
tests' reference evaluator: each derived fact's value, each `some`'s status, each
assessment's aggregated score (None where unknown). Each criterion then becomes one
expression that gives its status as a number (I=0, U=1, D=2, O=3, so that `all` is the
minimum and `any` the maximum of its children), written for three evaluators:

- plain Python, generated and compiled into one function per profile;
- zen-engine (GoRules' JDM, in Rust): one decision with an expression node per criterion;
- rule-engine: one compiled `Rule` per criterion.

The same expression in each, so their agreement with `screen()` checks the translation, and
their speed is the cost of the conditions alone, without records, evidence or scores.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from screening import conditions as cond
from screening.profiles import Criterion, Profile
from screening.records import CandidateRecord
from tests.reference import ORDER, Reference

CODE = ORDER  # status -> number: ikke_opfyldt 0, ikke_belyst 1, delvist 2, opfyldt 3
STATUS = {code: status for status, code in CODE.items()}
SWAPPED_BY_NOT = {"opfyldt": "ikke_opfyldt", "ikke_opfyldt": "opfyldt"}  # the others stay
NOT = [CODE[SWAPPED_BY_NOT.get(STATUS[code], STATUS[code])] for code in range(4)]
OPS = {"eq": "==", "ne": "!=", "gt": ">", "gte": ">=", "lt": "<", "lte": "<="}


def _with_partial(when: int, partial: int) -> int:
    """A criterion's status from those of `when` and `partial` (as the reference reads it)."""
    w, p = STATUS[when], STATUS[partial]
    if w in ("ikke_opfyldt", "ikke_belyst") and p in ("opfyldt", "delvist"):
        return CODE["delvist"]
    if w == "ikke_opfyldt" and p == "ikke_belyst":
        return CODE["ikke_belyst"]
    return when


PARTIAL = [_with_partial(w, p) for w in range(4) for p in range(4)]  # index: 4 * when + partial


@dataclass(frozen=True)
class Dialect:
    """How one evaluator writes the few constructs the expressions use."""

    name: str
    null: str
    true: str
    false: str
    minimum: str  # a function of a list
    maximum: str

    def literal(self, value: Any) -> str:
        if value is None:
            return self.null
        if isinstance(value, bool):
            return self.true if value else self.false
        return repr(value)

    def choose(self, test: str, then: Any, otherwise: Any) -> str:
        if self is PYTHON:
            return f"({then} if {test} else {otherwise})"
        return f"({test} ? {then} : {otherwise})"

    def unknown_or(self, key: str, known: str) -> str:
        """ikke belyst (1) when the fact is unknown, else `known`."""
        return self.choose(f"{key} is None" if self is PYTHON else f"{key} == null", 1, known)


PYTHON = Dialect("python", "None", "True", "False", "min", "max")
ZEN = Dialect("zen", "null", "true", "false", "min", "max")
RULE_ENGINE = Dialect("rule-engine", "null", "true", "false", "$min", "$max")


@dataclass
class FlatFacts:
    """The keys of a profile's flat facts and how to compute each from a record."""

    profile: Profile
    keys: dict[str, str] = field(default_factory=dict)  # what a key holds (repr) -> key
    holds: dict[str, tuple] = field(default_factory=dict)  # key -> what it holds

    @classmethod
    def of_profile(cls, profile: Profile) -> FlatFacts:
        flat = cls(profile)
        for criterion in profile.criteria:  # every key the expressions read
            expression(flat, criterion, PYTHON)
        return flat

    def key(self, what: tuple) -> str:
        key = self.keys.setdefault(repr(what), f"k{len(self.keys)}")
        self.holds[key] = what
        return key

    def of(self, record: CandidateRecord, stage: str) -> dict[str, Any]:
        reference = Reference(self.profile, record, stage)
        scale = self.profile.scoring.assessment
        facts: dict[str, Any] = {}
        for key, what in self.holds.items():
            if what[0] == "derived":
                facts[key] = reference.derived(what[1])
            elif what[0] == "some":
                facts[key] = CODE[reference._exists(what[1], what[2])]
            else:
                _, competency, sources, priority = what
                found = reference.assessment(competency, sources, getattr(scale, priority))
                facts[key] = None if found is None else found[0]
        return facts


def expression(flat: FlatFacts, criterion: Criterion, dialect: Dialect) -> str:
    """The criterion's status as a number, in `dialect`, over the keys of `flat`."""
    scale = flat.profile.scoring.assessment

    def node(tree: cond.Condition) -> str:
        if isinstance(tree, cond.All | cond.AnyOf):
            combine = dialect.minimum if isinstance(tree, cond.All) else dialect.maximum
            return f"{combine}([{', '.join(node(c) for c in tree.children)}])"
        if isinstance(tree, cond.Not):
            return f"{NOT}[{node(tree.child)}]"
        if isinstance(tree, cond.Some):
            return flat.key(("some", tree.collection, tree.where))
        if isinstance(tree, cond.Assessed):
            key = flat.key(("assessed", tree.competency, tree.by or criterion.sources,
                            criterion.priority))
            if tree.gte is not None:
                return dialect.unknown_or(key, dialect.choose(f"{key} >= {tree.gte}", 3, 0))
            return dialect.unknown_or(key, dialect.choose(
                f"{key} >= {scale.opfyldt}", 3,
                dialect.choose(f"{key} >= {scale.delvist}", 2, 0)))
        assert isinstance(tree, cond.Compare)
        key = flat.key(("derived", tree.name))
        test = f"{key} {OPS[tree.op]} {dialect.literal(tree.value)}"
        return dialect.unknown_or(key, dialect.choose(test, 3, 0))

    when = node(criterion.when)
    if criterion.partial is None:
        return when
    return f"{PARTIAL}[4 * {when} + {node(criterion.partial)}]"


Evaluate = Callable[[dict[str, Any]], dict[str, int]]


def python_evaluator(flat: FlatFacts) -> Evaluate:
    """One generated function: reads each key once, returns every criterion's number."""
    body = {c.id: expression(flat, c, PYTHON) for c in flat.profile.criteria}
    reads = "\n".join(f"    {key} = facts[{key!r}]" for key in flat.holds)
    returned = ",\n".join(f"        {cid!r}: {text}" for cid, text in body.items())
    source = f"def statuses(facts):\n{reads}\n    return {{\n{returned}\n    }}\n"
    scope: dict[str, Any] = {}
    exec(compile(source, f"<{flat.profile.meta.id}>", "exec"), scope)
    return scope["statuses"]


def zen_evaluator(flat: FlatFacts) -> Evaluate | None:
    try:
        import zen
    except ImportError:
        return None
    expressions = [{"id": f"e{n}", "key": c.id, "value": expression(flat, c, ZEN)}
                   for n, c in enumerate(flat.profile.criteria)]
    graph = {"nodes": [
        {"id": "in", "type": "inputNode", "name": "facts", "position": {"x": 0, "y": 0}},
        {"id": "criteria", "type": "expressionNode", "name": "criteria",
         "position": {"x": 1, "y": 0}, "content": {"expressions": expressions}},
        {"id": "out", "type": "outputNode", "name": "statuses", "position": {"x": 2, "y": 0}}],
        "edges": [{"id": "a", "sourceId": "in", "targetId": "criteria", "type": "edge"},
                  {"id": "b", "sourceId": "criteria", "targetId": "out", "type": "edge"}]}
    decision = zen.ZenEngine().create_decision(json.dumps(graph))
    return lambda facts: decision.evaluate(facts)["result"]


def rule_engine_evaluator(flat: FlatFacts) -> Evaluate | None:
    try:
        import rule_engine
    except ImportError:
        return None
    rules = {c.id: rule_engine.Rule(expression(flat, c, RULE_ENGINE))
             for c in flat.profile.criteria}
    return lambda facts: {cid: rule.evaluate(facts) for cid, rule in rules.items()}
