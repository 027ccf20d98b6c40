"""Run compiled profiles in durable-rules. With `ruleset.py`, which plans the rules and fact
types a compiled profile becomes in pure Python, the only code that knows durable-rules.

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
Items alike in what their rules read share one item fact per batch (`facts.BatchFacts`):
the fact's outcomes are checked once and then given to each of its items. So do candidates
alike in what a view fact type's rules read, for the types worth it (`facts.plan_of`): the
fact's statuses are recorded for the candidate it was made for and copied to the others.
At a stage before the last, a candidate whose assessment values the sources still to come
could move (`facts.CandidateFacts.reachable`) has a second view in the same batch, her best:
those values at their best, of the fact types that read them, decided by the same rules;
its statuses bound what she may still reach (`Evaluated.reachable`, scored in `scoring.py`).
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sys
import threading
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from types import ModuleType

import orjson

from . import facts as factlib
from .compile import CompiledProfile
from .errors import EngineError
from .records import CandidateRecord
from .ruleset import layout_of, meaning_of


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
# how a matched fact starts in a firing's text: our ids come first in every fact, so the
# pattern reads a few characters at the start of each match and skips the rest
_MATCHED_ID = re.compile(r'\{"m":\{"id":(\d+)')
_SESSION = "0"  # the core's session for facts that name none
# assert_facts result codes of the C core (see durable/engine.py, Ruleset._handle_result)
_OK, _NOT_HANDLED, _ALREADY_OBSERVED = 0, 1, 2


@dataclass(init=False, slots=True)
class Firings:
    """What the engine fired for one candidate."""

    item_status: dict[str, dict[int, str]]  # predicate -> item -> status
    criteria: dict[str, str]  # criterion id -> status
    gaps: set[str]  # assessment keys whose sources disagree

    # made for every candidate: a dataclass's own __init__ with a default factory per
    # field took almost twice as long (measured)
    def __init__(self) -> None:
        self.item_status = {}
        self.criteria = {}
        self.gaps = set()


_NONE_REACHABLE: dict[str, str] = {}  # of most candidates (read only)


@dataclass
class Evaluated:
    facts: factlib.CandidateFacts
    view: dict  # the view fact the criterion rules matched
    firings: Firings
    as_of: date  # open-ended positions counted up to this day
    # criterion id -> its status on the best view (`Engine._best_views`): of the criteria
    # that read an assessment its sources still to come could move; the others have none
    reachable: dict[str, str]


class Engine:
    """One compiled profile registered once in the durable-rules core; reuse it for many runs."""

    def __init__(self, compiled: CompiledProfile, batch_size: int = BATCH_SIZE):
        self.compiled = compiled
        self.batch_size = batch_size
        self._name = f"screening{next(_ruleset_numbers)}"
        # the rules and fact types this profile becomes (never written into `compiled`,
        # which is shared); each rule capped at more than any batch can match, so that it
        # fires once per batch
        layout = layout_of(compiled)
        cap = batch_size * 64
        definitions = {name: {**rule, "cap": cap} for name, rule in layout.rules.items()}
        # the core compares strings as written: `\u00e5` escapes would never equal "å"
        self._handle = core.create_ruleset(self._name, json.dumps(definitions,
                                                                  ensure_ascii=False))
        # the core keeps the ruleset until deleted: on close(), or when the engine goes
        self._release = weakref.finalize(self, core.delete_ruleset, self._handle)
        # every batch uses the ruleset's one default session: two threads screening with one
        # engine at once asserted into and deleted each other's session (EngineError, or a
        # crash in the core), so a batch, and close(), have the engine to themselves
        self._session = threading.Lock()
        # rule name -> (kind, predicate or criterion or assessment key, status)
        self._rules = {name: meaning_of(name) for name in definitions}
        self._plan = factlib.plan_of(compiled, layout)
        self._members = {g.type: g.members for groups in layout.item_groups.values()
                         for g in groups}  # item fact type -> the predicates it decides
        self._criteria = [cc.criterion.id for cc in compiled.criteria]
        # view fact type -> the criteria and the assessment keys' disagreements it decides
        self._decides = {g.type: (g.members, g.gaps) for g in layout.view_groups}

    def close(self) -> None:
        """Give the ruleset's memory in the core back; the engine cannot evaluate after."""
        with self._session:
            self._release()

    def evaluate(self, records: Iterable[CandidateRecord], stage: str,
                 as_of: date) -> Iterator[Evaluated]:
        batch: list[CandidateRecord] = []
        for record in records:
            batch.append(record)
            if len(batch) == self.batch_size:
                yield from self._alone(batch, stage, as_of)
                batch = []
        if batch:
            yield from self._alone(batch, stage, as_of)

    def _alone(self, records: list[CandidateRecord], stage: str,
               as_of: date) -> list[Evaluated]:
        """A batch run to its end with no other batch of this engine in any thread; the
        lock is let go before its results are yielded, so a caller may screen again with
        this engine between them."""
        with self._session:
            return self._batch(records, stage, as_of)

    def _batch(self, records: list[CandidateRecord], stage: str, as_of: date) -> list[Evaluated]:
        if not self._release.alive:  # the core would read freed memory
            raise EngineError("the engine was closed; make a new one")
        # one batch at a time per engine (a batch runs to its end before it is yielded), so
        # every batch uses the core's default session and deletes it afterwards; both strata
        # go into it, so their facts share one numbering (`batch`)
        batch = factlib.BatchFacts()
        built = [factlib.build(self._plan, r, n, stage, as_of, batch)
                 for n, r in enumerate(records)]
        item_count, item_entries = len(batch.facts), len(batch.candidates)
        firings = [Firings() for _ in records]
        try:
            if item_count:
                outcomes = self._item_outcomes(built, batch)
                self._fan_out(batch, outcomes, firings)
            derived = [factlib.derive(self.compiled, self._plan, f, firings[f.index].item_status)
                       for f in built]
            for f in built:
                factlib.view_facts(self._plan, derived[f.index], f.index, batch)
            best = self._best_views(built, derived, batch, firings)
            # per view fact, by its id as written: the firings of the candidate it was made for
            viewers = dict(zip(map(str, range(item_count, len(batch.facts))),
                               [firings[c] for c in batch.candidates[item_entries:]], strict=True))
            for rule_name, matched in self._fire(batch.facts[item_count:]):
                self._record_criteria(viewers, rule_name, matched)
            if batch.shared:
                self._give_shared(built, batch, viewers, firings)
        finally:
            core.delete_state(self._handle, _SESSION)
        self._check(built, firings[:len(built)])
        reachable = {index: self._checked_best(built[index], types, firings[view_index])
                     for index, view_index, types in best}
        return [Evaluated(f, derived[f.index], firings[f.index], as_of,
                          reachable.get(f.index, _NONE_REACHABLE)) for f in built]

    def _best_views(self, built: list[factlib.CandidateFacts], derived: list[dict],
                    batch: factlib.BatchFacts, firings: list[Firings]
                    ) -> list[tuple[int, int, list[str]]]:
        """For each candidate with an assessment value its sources still to come could move
        (`facts.CandidateFacts.reachable`), her best view: her view with those values at
        their best, asserted as the view facts of one more candidate (its firings appended
        to `firings`), of the fact types that read them only. Per such candidate: her
        position, the best view's, and its fact types."""
        best: list[tuple[int, int, list[str]]] = []
        for f in built:
            if not f.reachable:
                continue
            view = dict(derived[f.index])
            for key, (value, _) in f.reachable.items():
                view[key] = value
            groups = [g for g in self._plan.view_groups if not f.reachable.keys().isdisjoint(g[1])]
            best.append((f.index, len(firings), [g[0] for g in groups]))
            factlib.view_facts(self._plan, view, len(firings), batch, groups)
            firings.append(Firings())
        return best

    def _checked_best(self, f: factlib.CandidateFacts, types: list[str],
                      got: Firings) -> dict[str, str]:
        """The statuses of a best view: exactly one for each criterion of its fact types."""
        for fact_type in types:
            for criterion in self._decides[fact_type][0]:
                if criterion not in got.criteria:
                    raise EngineError(f"no status fired for {criterion} "
                                      f"(best view of candidate {f.record.id})")
        return got.criteria

    def _fire(self, facts: list[dict]) -> Iterator[tuple[str, list[str]]]:
        """Assert facts into the session and yield each firing: rule name and the ids of the
        facts it matched, as written (a fact is matched many times: a lookup by its text
        costs less than making a number of it at each match)."""
        text = orjson.dumps(facts).decode()  # UTF-8 as written: the core compares "å" as is
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
                # {"rule name":[{"m":{"id":7,...}}, ...]}: the name, then each match's id,
                # which we wrote first in every fact
                rule_name = message[2:message.index('"', 2)]
                yield rule_name, _MATCHED_ID.findall(message)
                message = core.complete_and_start_action(self._handle, state)
        except EngineError:
            raise
        except Exception as exc:
            raise EngineError(f"durable-rules failed while firing rules: {exc}") from None

    def _item_outcomes(self, built: list[factlib.CandidateFacts],
                       batch: factlib.BatchFacts) -> list[dict[str, str]]:
        """Per item fact (the batch's facts so far), predicate -> status: exactly one
        outcome for each predicate its fact type decides, or EngineError."""
        outcomes: list[dict[str, str]] = [{} for _ in batch.facts]
        # by its id as written
        by_id = dict(zip(map(str, range(len(outcomes))), outcomes, strict=True))
        for rule_name, matched in self._fire(batch.facts):
            _, predicate, status = self._rules[rule_name]
            for fact_id in matched:
                got = by_id[fact_id]
                # a fact matching several branches of an `$or` fires the rule once per branch
                if got.setdefault(predicate, status) != status:
                    raise EngineError(f"{_first_item(built, batch, int(fact_id))} got two "
                                      f"outcomes for {predicate}: {got[predicate]} and {status}")
        # recording refuses a second outcome, so counting is enough; only when one is
        # missing are they searched for it
        members = self._members
        if sum(map(len, outcomes)) != sum(len(members[fact["t"]]) for fact in batch.facts):
            for n, (fact, got) in enumerate(zip(batch.facts, outcomes, strict=True)):
                for predicate in members[fact["t"]]:
                    if predicate not in got:
                        raise EngineError(f"no outcome fired for "
                                          f"{_first_item(built, batch, n)} / {predicate}")
        return outcomes

    @staticmethod
    def _fan_out(batch: factlib.BatchFacts, outcomes: list[dict[str, str]],
                 firings: list[Firings]) -> None:
        """Each item fact's outcomes given to every item it stands for (called before the
        view facts' entries are added: every entry is an item's)."""
        item_status = [got.item_status for got in firings]
        for candidate, item, fact_id in zip(batch.candidates, batch.items, batch.fact_ids,
                                            strict=True):
            status_of = item_status[candidate]
            for predicate, status in outcomes[fact_id].items():
                per_item = status_of.get(predicate)
                if per_item is None:
                    per_item = status_of[predicate] = {}
                per_item[item] = status

    def _record_criteria(self, viewers: dict[str, Firings], rule_name: str,
                         matched: list[str]) -> None:
        kind, ref, status = self._rules[rule_name]
        if kind == "gap":
            for fact_id in matched:
                viewers[fact_id].gaps.add(ref)
            return
        for fact_id in matched:
            got = viewers[fact_id].criteria
            if got.setdefault(ref, status) != status:
                raise EngineError(f"criterion {ref} got two statuses for one candidate: "
                                  f"{got[ref]} and {status}")

    def _give_shared(self, built: list[factlib.CandidateFacts], batch: factlib.BatchFacts,
                     viewers: dict[str, Firings], firings: list[Firings]) -> None:
        """A shared view fact's statuses and disagreements, recorded for the candidate it was
        made for, given to each other candidate it stands for (`batch.shared`): those of the
        criteria and assessment keys its type decides. A missing status stays missing
        (`_check` names it). A criterion's rules all read one fact type
        (`ruleset.Layout.add`), so one a candidate already has was decided twice: refused."""
        facts, decides = batch.facts, self._decides
        for candidate, fact_id in batch.shared:
            first = viewers[str(fact_id)]
            criteria, gaps = decides[facts[fact_id]["t"]]
            got = firings[candidate].criteria
            for criterion in criteria:
                status = first.criteria.get(criterion)
                if status is not None:
                    if criterion in got:
                        whose = (f"candidate {built[candidate].record.id}"
                                 if candidate < len(built) else "a best view")
                        raise EngineError(f"criterion {criterion} was decided twice for "
                                          f"{whose}")
                    got[criterion] = status
            if first.gaps:
                firings[candidate].gaps.update(first.gaps.intersection(gaps))

    def _check(self, built: list[factlib.CandidateFacts], firings: list[Firings]) -> None:
        """Exactly one status per criterion and candidate (the item outcomes are checked per
        item fact, in `_item_outcomes`).

        Recording refuses a second status, so counting the statuses is enough; only when one
        is missing are they searched for it."""
        if len(self._criteria) * len(built) == sum(len(got.criteria) for got in firings):
            return
        for f in built:
            got = firings[f.index]
            missing = [c for c in self._criteria if c not in got.criteria]
            if missing:
                raise EngineError(f"no status fired for {', '.join(missing)} "
                                  f"(candidate {f.record.id})")


def _first_item(built: list[factlib.CandidateFacts], batch: factlib.BatchFacts,
                fact_id: int) -> str:
    """The first item an item fact stands for, named for an error message."""
    entry = batch.fact_ids.index(fact_id)
    return (f"item {batch.items[entry]} of candidate "
            f"{built[batch.candidates[entry]].record.id} (item fact {fact_id})")
