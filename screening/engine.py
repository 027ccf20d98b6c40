"""Run compiled profiles in durable-rules. The only module that knows durable-rules exists.

We drive durable-rules' C core (`durable_rules_engine`, shipped in the durable_rules
package) directly rather than through its Python `Host`:
- the Host's timer threads race our calls (they crashed runs), and its Python actions
  swallow exceptions into the session state; here no Python code runs inside the engine;
- the Host decodes every match into Python objects; here a firing is read as the JSON text
  the core returns, and the facts it matched are identified by the ids we gave them (their
  content is exactly what we asserted). That is most of the engine's cost saved.
Every rule has `cap`, so one firing carries all its matches in a batch; candidates go in as
facts, one session per batch, deleted afterwards. Every fact must be handled by some rule or
the whole batch fails: the compiled rules give every fact exactly one status, checked here.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sys
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from types import ModuleType

from . import facts as factlib
from .compile import CompiledProfile
from .errors import EngineError
from .records import CandidateRecord


def _load_core() -> ModuleType:
    """durable-rules' C module, bound lazily.

    Its callbacks into Python stores call `PyEval_CallObject`, which Python 3.13 removed, so
    on 3.13 the module fails to load when every symbol is bound at load time (`undefined
    symbol`). We register no such callback, so that symbol is never called: bound lazily,
    the module loads and runs on 3.11 to 3.13 alike, built as plain `pip install` builds it."""
    flags = sys.getdlopenflags()
    sys.setdlopenflags((flags & ~os.RTLD_NOW) | os.RTLD_LAZY)
    try:
        import durable_rules_engine
    finally:
        sys.setdlopenflags(flags)
    return durable_rules_engine


core = _load_core()
BATCH_SIZE = 500
_ruleset_numbers = itertools.count()
# fact ids we assign: type:candidate:item, e.g. p0:12:3 (position 3 of candidate 12 as fact
# type p0), v1:12:0 (a view fact of candidate 12)
_FACT_ID = re.compile(r'"id":\s*"([a-z]\d+):(\d+):(\d+)"')
_COMPACT = (",", ":")
# assert_facts result codes of the C core (see durable/engine.py, Ruleset._handle_result)
_OK, _NOT_HANDLED, _ALREADY_OBSERVED = 0, 1, 2


@dataclass
class Firings:
    """What the engine fired for one candidate."""

    item_status: dict[str, dict[int, str]] = field(default_factory=dict)  # predicate -> item
    criteria: dict[str, str] = field(default_factory=dict)  # criterion id -> status
    gaps: set[str] = field(default_factory=set)  # assessment keys whose sources disagree


@dataclass
class Evaluated:
    facts: factlib.CandidateFacts
    view: dict  # the view fact the criterion rules matched
    firings: Firings
    as_of: date  # open-ended positions counted up to this day


class Engine:
    """One compiled profile registered once in the durable-rules core; reuse it for many runs."""

    def __init__(self, compiled: CompiledProfile, batch_size: int = BATCH_SIZE):
        self.compiled = compiled
        self.batch_size = batch_size
        self._name = f"screening{next(_ruleset_numbers)}"
        # more than any batch can match: one firing per rule. A copy: the compiled profile
        # is shared, and another engine may use another batch size.
        cap = batch_size * 64
        definitions = {name: {**rule, "cap": cap} for name, rule in compiled.rules().items()}
        # the core compares strings as written: `\u00e5` escapes would never equal "å"
        self._handle = core.create_ruleset(self._name, json.dumps(definitions,
                                                                  ensure_ascii=False))
        # the core keeps the ruleset until deleted: on close(), or when the engine goes
        self._release = weakref.finalize(self, core.delete_ruleset, self._handle)
        self._batches = itertools.count()
        self._readers = factlib.item_readers_of(compiled)
        self._members = {g.type: g.members for groups in compiled.layout.item_groups.values()
                         for g in groups}  # item fact type -> the predicates it decides

    def close(self) -> None:
        """Give the ruleset's memory in the core back; the engine cannot evaluate after."""
        self._release()

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
        if not self._release.alive:  # the core would read freed memory
            raise EngineError("the engine was closed; make a new one")
        sid = f"b{next(self._batches)}"
        built = [factlib.build(self.compiled, r, n, stage, as_of, self._readers)
                 for n, r in enumerate(records)]
        firings = [Firings() for _ in records]
        try:
            items = [item for f in built for item in f.items]
            if items:
                for rule_name, matched in self._fire(sid, items):
                    self._record_items(firings, rule_name, matched)
            views = [factlib.derive(self.compiled, f, firings[f.index].item_status)
                     for f in built]
            view_facts = [fact for f in built
                          for fact in factlib.view_facts(self.compiled, views[f.index], f.index)]
            for rule_name, matched in self._fire(sid, view_facts):
                self._record_criteria(firings, rule_name, matched)
        finally:
            core.delete_state(self._handle, sid)
        self._check(built, firings)
        return [Evaluated(f, views[f.index], firings[f.index], as_of)
                for f in built]

    def _fire(self, sid: str, facts: list[dict]) -> Iterator[tuple[str, list[tuple]]]:
        """Assert facts into session `sid` and yield each firing: rule name and the ids of
        the facts it matched, as (type, candidate, item) tuples."""
        text = json.dumps([dict(f, sid=sid) for f in facts], separators=_COMPACT,
                          ensure_ascii=False)
        try:
            code, state = core.assert_facts(self._handle, text)
        except Exception as exc:  # the core raises plain exceptions with error codes
            raise EngineError(f"durable-rules refused the facts: {exc}") from None
        if code == _NOT_HANDLED:
            raise EngineError(f"durable-rules handled no rule for a fact: {text[:300]}")
        if code == _ALREADY_OBSERVED:
            raise EngineError(f"durable-rules saw a fact twice: {text[:300]}")
        if code != _OK:
            raise EngineError(f"durable-rules returned code {code} for assert_facts")
        try:
            started = core.start_action_for_state(self._handle, state)
            message = started[1] if started else None
            while message:
                # {"rule name":[{"m":{...fact...}}, ...]}: read the name and the fact ids
                rule_name = message[2:message.index('"', 2)]
                yield rule_name, [(t, int(c), int(i)) for t, c, i in _FACT_ID.findall(message)]
                message = core.complete_and_start_action(self._handle, state)
        except EngineError:
            raise
        except Exception as exc:
            raise EngineError(f"durable-rules failed while firing rules: {exc}") from None

    @staticmethod
    def _record_items(firings: list[Firings], rule_name: str, matched: list[tuple]) -> None:
        _, predicate, status = rule_name.split("|")[:3]  # item|pred|status[|piece]
        for _type, candidate, item in matched:
            per_item = firings[candidate].item_status.setdefault(predicate, {})
            # a fact matching several branches of an `$or` fires the rule once per branch
            if per_item.setdefault(item, status) != status:
                raise EngineError(f"item {_type}:{candidate}:{item} got two outcomes for "
                                  f"{predicate}: {per_item[item]} and {status}")

    @staticmethod
    def _record_criteria(firings: list[Firings], rule_name: str, matched: list[tuple]) -> None:
        kind, ref, *status = rule_name.split("|")
        for _type, candidate, _item in matched:
            got = firings[candidate]
            if kind == "gap":
                got.gaps.add(ref)
            elif got.criteria.setdefault(ref, status[0]) != status[0]:
                raise EngineError(f"criterion {ref} got two statuses for one candidate: "
                                  f"{got.criteria[ref]} and {status[0]}")

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
                for pred in self._members[item["t"]]:
                    if item["i"] not in got.item_status.get(pred, {}):
                        raise EngineError(f"no outcome fired for item {item['id']} / {pred}")
