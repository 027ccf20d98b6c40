"""Run compiled profiles in durable-rules. The only module that knows durable-rules exists.

Design around its edges (each measured, see README):
- candidates go in as facts, in batches, into one session per batch that is deleted after;
- every rule has `cap`, so one firing carries all its matches in the batch;
- the Host runs without its timer threads (they race our calls and crashed runs);
- exceptions in actions are swallowed by durable-rules, so actions only append to a list
  and the session state is checked after every batch;
- every fact must be handled by some rule, or the whole batch fails: the compiled rules
  give every fact exactly one status, and that is checked here too.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from durable.engine import Host, MessageNotHandledException, MessageObservedException

from . import facts as factlib
from .compile import CompiledProfile
from .errors import EngineError
from .records import CandidateRecord

BATCH_SIZE = 500
_ruleset_numbers = itertools.count()


class _SyncHost(Host):
    """durable-rules' Host without the two timer threads that call dispatch() every 0.2 s."""

    def _run(self) -> None:
        pass


@dataclass
class Firings:
    """What the engine fired for one candidate."""

    item_status: dict[str, dict[int, str]] = field(default_factory=dict)  # predicate -> item
    criteria: dict[str, str] = field(default_factory=dict)  # criterion id -> status
    gaps: set[str] = field(default_factory=set)  # assessment keys whose sources disagree


@dataclass
class Evaluated:
    facts: factlib.CandidateFacts
    view: dict  # the view fact as the criterion rules matched it
    derived: dict
    firings: Firings


class Engine:
    """One compiled profile registered in one durable-rules host; reuse it for many runs."""

    def __init__(self, compiled: CompiledProfile, batch_size: int = BATCH_SIZE):
        self.compiled = compiled
        self.batch_size = batch_size
        self._fired: list[tuple[str, list[dict]]] = []
        self._name = f"screening{next(_ruleset_numbers)}"
        definitions = copy.deepcopy(compiled.rules())  # set_rulesets mutates what it gets
        for rule_name, rule in definitions.items():
            rule["cap"] = batch_size * 64
            rule["run"] = self._collector(rule_name)
        self._host = _SyncHost()
        self._host.set_rulesets({self._name: definitions})
        self._batches = itertools.count()

    def _collector(self, rule_name: str):
        def action(c) -> None:
            self._fired.append((rule_name, [m._d for m in c.m]))
        return action

    def evaluate(self, records: Iterable[CandidateRecord], stage: str,
                 as_of: date) -> Iterator[Evaluated]:
        batch: list[CandidateRecord] = []
        for record in records:
            batch.append(record)
            if len(batch) == self.batch_size:
                yield from self._batch(batch, stage, as_of)
                batch = []
        if batch:
            yield from self._batch(batch, stage, as_of)

    def _batch(self, records: list[CandidateRecord], stage: str, as_of: date) -> list[Evaluated]:
        sid = f"b{next(self._batches)}"
        built = [factlib.build(self.compiled, r, n, stage, as_of) for n, r in enumerate(records)]
        firings = [Firings() for _ in records]
        try:
            items = [item for f in built for item in f.items]
            if items:
                self._assert(sid, items)
                self._collect_items(firings)
            views = [factlib.derive(self.compiled, f, firings[f.index].item_status)
                     for f in built]
            self._assert(sid, [view for view, _ in views])
            self._collect_criteria(firings)
        finally:
            self._fired.clear()
            self._host.delete_state(self._name, sid)
        self._check(built, firings)
        return [Evaluated(f, views[f.index][0], views[f.index][1], firings[f.index])
                for f in built]

    def _assert(self, sid: str, facts: list[dict]) -> None:
        try:
            self._host.assert_facts(self._name, [dict(f, sid=sid) for f in facts])
        except MessageNotHandledException as exc:
            raise EngineError(f"durable-rules handled no rule for a fact: {exc.message[:300]}") \
                from None
        except MessageObservedException as exc:
            raise EngineError(f"durable-rules saw a fact twice: {exc.message[:300]}") from None
        state = self._host.get_state(self._name, sid)
        if "exception" in state:
            raise EngineError(f"a rule action failed in durable-rules: {state['exception']}")

    def _collect_items(self, firings: list[Firings]) -> None:
        for rule_name, matches in self._fired:
            _, predicate, status = rule_name.split("|")
            for m in matches:
                per_item = firings[m["c"]].item_status.setdefault(predicate, {})
                # a fact matching several branches of an `$or` fires the rule once per branch
                if per_item.setdefault(m["i"], status) != status:
                    raise EngineError(f"item {m['id']} got two outcomes for {predicate}: "
                                      f"{per_item[m['i']]} and {status}")
        self._fired.clear()

    def _collect_criteria(self, firings: list[Firings]) -> None:
        for rule_name, matches in self._fired:
            kind, ref, *status = rule_name.split("|")
            for m in matches:
                got = firings[m["c"]]
                if kind == "gap":
                    got.gaps.add(ref)
                elif got.criteria.setdefault(ref, status[0]) != status[0]:
                    raise EngineError(f"criterion {ref} got two statuses for one candidate: "
                                      f"{got.criteria[ref]} and {status[0]}")
        self._fired.clear()

    def _check(self, built: list[factlib.CandidateFacts], firings: list[Firings]) -> None:
        """Exactly one outcome per item and predicate, and per criterion and candidate."""
        expected = [cc.criterion.id for cc in self.compiled.criteria]
        for f in built:
            got = firings[f.index]
            missing = [c for c in expected if c not in got.criteria]
            if missing:
                raise EngineError(f"no status fired for {', '.join(missing)} "
                                  f"(candidate {f.record.id})")
            for item in f.items:
                for pred in self.compiled.predicates.values():
                    if factlib.ITEM_FACT_TYPES[pred.collection] == item["t"] and \
                            item["i"] not in got.item_status.get(pred.key, {}):
                        raise EngineError(f"no outcome fired for item {item['id']} / {pred.key}")
