"""From what the engine fired to explained scores: outcomes, evidence, knock-outs, bands, rank.

Missing evidence is `ikke_belyst`, and the score never rewards it: the score is what the
evidence has *secured* over the whole weight (ikke belyst earns nothing), and beside it
stands what is still *possible* (as if every ikke belyst criterion turned out met). More
evidence can only move them the way it points: a met criterion raises the score, a failed
one lowers what is possible, a partly met one does a half of each. Candidates rank by the
score, then by what is possible.

A krav that is not fully met, `ikke_opfyldt` or only `delvist`, is a *proposed* knock-out
for a person to confirm or override; the tool never rejects anyone by itself. One that
sources still to come at the stage may yet meet in full is not one until they are heard.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache, partial
from itertools import chain
from math import fsum
from operator import itemgetter
from typing import Any

from .algebra import UNBOUNDED
from .catalogue import COLLECTIONS, Collection, entry_title
from .compile import CompiledCriterion, CompiledProfile, DerivedPlan
from .engine import Evaluated
from .profiles import CATEGORIES, Band, Criterion, Scoring
from .results import (
    KNOCKOUT_BAND,
    KNOCKOUT_LABEL,
    PARTLY_MET_KNOCKOUT_LABEL,
    PENDING_BAND,
    PENDING_LABEL,
    SPARSE_BAND,
    SPARSE_LABEL,
    Between,
    CandidateResult,
    CriterionOutcome,
    D,
    DeferredOutcomes,
    Evidence,
    I,
    ItemLacks,
    ItemsLacking,
    Missing,
    NotAssessed,
    NotGiven,
    O,
    P,
    Score,
    U,
    band_of,
    bands_highest_first,
)

# the share of a criterion's weight each status has earned (ikke belyst: none at all), and
# the share still open, which only the possible score counts: an ønske "at least delvist"
# (P) has earned half, and the evidence not yet there may add the other half
POINTS_FACTOR = {O: 1.0, D: 0.5, I: 0.0, P: 0.5}
OPEN_FACTOR = {O: 0.0, D: 0.0, I: 0.0, U: 1.0, P: 0.5}
# the share a criterion can reach at best with each status: earned and still open
REACH_FACTOR = {status: POINTS_FACTOR.get(status, 0.0) + OPEN_FACTOR[status]
                for status in OPEN_FACTOR}
KNOCKOUT_STATUSES = (I, D)  # a krav must be fully met; anything less is for a person to weigh

# a category that has criteria in a profile: its name, what picks the values of its
# criteria from a list by position, and their weight
Category = tuple[str, Callable[[list[float]], Sequence[float]], float]


def score_of(outcomes: Sequence[CriterionOutcome]) -> Score:
    earned, unknown = _earned_and_unknown(outcomes)
    return _percentages(fsum(earned), fsum(unknown), fsum([o.max_points for o in outcomes]))


def _points_by_status(criterion: Criterion) -> dict[str, float | None]:
    """The points a criterion's outcome has with each status the engine gives it (None:
    ikke belyst)."""
    return {status: None if status == U else criterion.weight * POINTS_FACTOR[status]
            for status in OPEN_FACTOR}


def _weighted(criterion: Criterion, factors: dict[str, float]) -> dict[str, float]:
    """Per status, the criterion's weight times its factor: the points still open of it
    (OPEN_FACTOR), or the points it can reach at best with the status its best view gives
    it (REACH_FACTOR, see `engine.Evaluated.reachable`)."""
    return {status: criterion.weight * factor for status, factor in factors.items()}


def _earned_and_unknown(outcomes: Sequence[CriterionOutcome]
                        ) -> tuple[list[float], list[float]]:
    """Per outcome, by position: the points it earned (none while ikke belyst), and the
    weight still unknown (all of it while ikke belyst, else what is still open)."""
    return ([0.0 if o.points is None else o.points for o in outcomes],
            [o.max_points if o.points is None else o.open_points for o in outcomes])


# Points and weights are summed with fsum, exactly rounded: a weight such as 0.1 gives the
# same score in any order and on every Python (sum() compensates its rounding from 3.12 on,
# and a plain loop does not); the 0.0 a criterion adds to a sum it has no part in changes
# nothing.
def _weight_of(weights: Sequence[float], members: Iterable[int]) -> float:
    """The weight of the criteria at positions `members`."""
    return fsum([weights[n] for n in members])


@lru_cache(maxsize=4096)  # few sums recur for every candidate; rounding is the slow part
def _percentages(earned: float, unknown: float, total_weight: float) -> Score:
    """The score of summed earned and unknown points (see `_earned_and_unknown`)."""
    if not total_weight:  # a profile without criteria: nothing secured, nothing possible
        return Score(0.0, 0.0, 0.0)
    return Score(round(100 * earned / total_weight, 1),
                 round(100 * (earned + unknown) / total_weight, 1),
                 round(100 * (total_weight - unknown) / total_weight, 1))


class Scorer:
    """Scores the evaluated candidates of one compiled profile. What every candidate shares
    (weights, categories, which criteria are krav, the bands) is looked up once here."""

    def __init__(self, compiled: CompiledProfile) -> None:
        self.compiled = compiled
        criteria = [cc.criterion for cc in compiled.criteria]
        self._criteria = criteria
        self._ids = [c.id for c in criteria]
        # per criterion: what it earns and what is unknown of it per status, as
        # `_earned_and_unknown` gives them from the outcome `outcomes_of` makes
        points = [_points_by_status(c) for c in criteria]
        self._earned = [{status: 0.0 if got is None else got for status, got in by.items()}
                        for by in points]
        self._unknown = [_weighted(c, OPEN_FACTOR) for c in criteria]
        self._reach = {c.id: (n, _weighted(c, REACH_FACTOR)) for n, c in enumerate(criteria)}
        self._categories = _categories_of(criteria)
        self._krav = _krav_of(criteria)
        self._judged = _Judged(compiled.profile.scoring, fsum([c.weight for c in criteria]))

    def result(self, evaluated: Evaluated) -> CandidateResult:
        """The scored result; its outcomes, with their evidence, are made when first read.
        Scored as `summarise` scores outcomes (both through `_scored`)."""
        # by position, through C-level maps: no Python frame per criterion
        got = list(map(evaluated.firings.criteria.__getitem__, self._ids))
        earned = list(map(dict.__getitem__, self._earned, got))
        unknown = list(map(dict.__getitem__, self._unknown, got))
        for criterion_id, best in evaluated.reachable.items():  # most candidates: none
            n, reach = self._reach[criterion_id]
            unknown[n] = max(unknown[n], reach[best] - earned[n])
        return _scored(evaluated.facts.record.id,
                       DeferredOutcomes(evaluated.firings.criteria,
                                        partial(outcomes_of, self.compiled, evaluated)),
                       self._criteria, got, earned, unknown, self._categories,
                       self._krav, self._judged)


_JUDGED_KEPT = 65_536  # sums a _Judged keeps at most: memory stays bounded in any run


class _Judged(dict[tuple[float, float], tuple[Score, str, str]]):
    """Per sum of earned and of unknown points (see `_earned_and_unknown`): the total score
    over `total_weight`, with the band and label it settles when every krav is met (see
    `_scored`). Made when first asked for, then kept: few sums recur (hundreds in 5,000
    candidates of a shipped profile), and a recurring one is found by the dict's own lookup
    with no Python call (the cache it replaces was keyed by the Score, which a dataclass
    hashes and compares in Python)."""

    def __init__(self, scoring: Scoring, total_weight: float) -> None:
        super().__init__()
        self._scoring, self._total_weight = scoring, total_weight
        self._bands = bands_highest_first(scoring)  # most sums are new in a run: sorted once
        # the bands a krav not yet belyst leaves as they are: too little evidence, and the
        # lowest of several bands, which a proposed knock-out could not make any better
        self.unmoved = {SPARSE_BAND, *([self._bands[-1].band] if len(self._bands) > 1 else [])}

    def __missing__(self, sums: tuple[float, float]) -> tuple[Score, str, str]:
        if len(self) >= _JUDGED_KEPT:  # weights with many decimals: ever new sums
            self.clear()
        total = _percentages(*sums, self._total_weight)
        judged = self[sums] = (total, *_band(self._scoring, self._bands, total))
        return judged


def outcomes_of(compiled: CompiledProfile, evaluated: Evaluated
                ) -> tuple[CriterionOutcome, ...]:
    """Every criterion's outcome with the evidence that decided it and what is missing."""
    return _explainer(compiled).outcomes(evaluated)


_explainers: dict[int, _Explainer] = {}  # by the id of a compiled profile still alive


def _explainer(compiled: CompiledProfile) -> _Explainer:
    """The explainer of `compiled`, made once for as long as the compiled profile lives (a
    compiled profile is not hashable, so it is known by its id, dropped when it is freed)."""
    explainer = _explainers.get(id(compiled))
    if explainer is None:
        explainer = _explainers[id(compiled)] = _Explainer(compiled)
        weakref.finalize(compiled, _explainers.pop, id(compiled), None)
    return explainer


def summarise(candidate_id: str, outcomes: tuple[CriterionOutcome, ...],
              scoring: Scoring) -> CandidateResult:
    """Score, category scores, proposed knock-outs and band from the criterion outcomes."""
    criteria = [o.criterion for o in outcomes]
    return _scored(candidate_id, outcomes, criteria, [o.status for o in outcomes],
                   *_earned_and_unknown(outcomes), _categories_of(criteria), _krav_of(criteria),
                   _Judged(scoring, fsum([c.weight for c in criteria])))


def _scored(candidate_id: str, outcomes: Sequence[CriterionOutcome],
            criteria: list[Criterion], statuses: list[str], earned: list[float],
            unknown: list[float], categories: list[Category], krav: list[int],
            judged: _Judged) -> CandidateResult:
    """The result of criteria with these statuses, earned and unknown points (by position,
    see `_earned_and_unknown`), scored in all (`judged`, with its band) and per category
    (`_categories_of`), with the krav (`_krav_of`) not fully met proposed as knock-outs,
    but for those the sources still to come may yet meet, which leave the band open as a
    krav not yet belyst does (but the lowest: see `_Judged.unmoved`)."""
    total, band, label = judged[fsum(earned), fsum(unknown)]
    by_category = {category: _percentages(fsum(pick(earned)), fsum(pick(unknown)), weight)
                   for category, pick, weight in categories}
    short = [n for n in krav if statuses[n] in KNOCKOUT_STATUSES]
    knockouts: tuple[str, ...] = ()
    settled = short
    if short:  # most candidates have none: no list, tuple or test made for them
        # a krav short so far that the sources still to come may yet meet in full (its
        # best reaches its weight: `krav: mean` or `max`, or under a `not`) awaits them
        settled = [n for n in short if earned[n] + unknown[n] < criteria[n].weight]
    if settled:
        knockouts = tuple([criteria[n].id for n in settled])
        band = KNOCKOUT_BAND
        label = (KNOCKOUT_LABEL if I in [statuses[n] for n in settled]
                 else PARTLY_MET_KNOCKOUT_LABEL)
    elif band not in judged.unmoved and (short or U in [statuses[n] for n in krav]):
        # a krav not yet belyst, or not yet met while its sources may still meet it, may
        # still prove a proposed knock-out: no band is settled
        band, label = PENDING_BAND, PENDING_LABEL
    return CandidateResult(candidate_id, outcomes, total, by_category, knockouts, band, label)


def _categories_of(criteria: list[Criterion]) -> list[Category]:
    """Each category that has criteria, in the profile's order: what picks their values,
    and their weight."""
    weights = [c.weight for c in criteria]
    return [(category, _picker(members), _weight_of(weights, members))
            for category in CATEGORIES
            if (members := [n for n, c in enumerate(criteria) if c.category == category])]


def _picker(members: list[int]) -> Callable[[list[float]], Sequence[float]]:
    """What picks the values at positions `members` from a list, in order."""
    if len(members) == 1:  # itemgetter of one position gives the value, not a sequence
        (only,) = members
        return itemgetter(slice(only, only + 1))
    return itemgetter(*members)


def _krav_of(criteria: list[Criterion]) -> list[int]:
    return [n for n, c in enumerate(criteria) if c.priority == "krav"]


def _band(scoring: Scoring, highest_first: list[Band], total: Score) -> tuple[str, str]:
    """A band is given only when the evidence settles it: the score already reaches it and
    the possible score cannot lift the candidate out of it. Between the two, the honest
    answer is that the candidate awaits more evidence. (A krav not fully met overrides it,
    and one not yet belyst leaves it open: see `_scored`.) `highest_first`: the scoring's
    bands (`bands_highest_first`)."""
    if total.coverage < scoring.min_coverage:
        return SPARSE_BAND, SPARSE_LABEL
    secured = band_of(highest_first, total.score)
    # both of one list, and equal bands have equal floors: the same band is the same object
    if secured is not band_of(highest_first, total.possible):
        return PENDING_BAND, PENDING_LABEL
    if secured is None:  # below every band, whatever the rest shows
        return SPARSE_BAND, SPARSE_LABEL
    return secured.band, secured.label


Part = tuple[tuple[Evidence, ...], tuple[Missing, ...]]  # a key's evidence, or what is missing


class _Explainer:
    """What explaining the candidates of one compiled profile needs, looked up once: per
    criterion its keys and points, per derived key where its evidence comes from, and per
    key what is missing when it is absent and nothing about the candidate says more: an
    assessed competency's assessment, or a derived fact none of whose items was undecided
    (the same for every candidate; in no language: see `results.Missing`)."""

    def __init__(self, compiled: CompiledProfile) -> None:
        self._criteria = [_CriterionParts(cc, compiled) for cc in compiled.criteria]
        self._derived = {key: _DerivedParts(compiled, plan)
                         for key, plan in compiled.derived.items()}
        competencies = compiled.profile.competencies
        self._not_assessed = {
            key: NotAssessed(plan.competency, competencies[plan.competency], plan.sources)
            for key, plan in compiled.assessments.items()}
        self._absent: dict[str, Missing] = dict(self._not_assessed)
        self._absent.update((key, NotGiven(plan.name)) for key, plan in compiled.derived.items())

    def outcomes(self, evaluated: Evaluated) -> tuple[CriterionOutcome, ...]:
        statuses, gaps = evaluated.firings.criteria, evaluated.firings.gaps
        shared = _Shared()
        # per key: its evidence (present in the view) or what is missing (absent); several
        # criteria read the same key
        parts: dict[str, Part] = {}
        outcomes = []
        for c in self._criteria:
            status = statuses[c.id]
            if len(c.keys) == 1:
                evidence, missing = (parts.get(c.keys[0])
                                     or self._part(evaluated, c.keys[0], shared, parts))
            else:
                made = [parts.get(key) or self._part(evaluated, key, shared, parts)
                        for key in c.keys]
                evidence = tuple(chain.from_iterable([e for e, _ in made]))
                missing = tuple(chain.from_iterable([m for _, m in made]))
                if c.may_repeat:  # two facts can point at the same record fields
                    # a path names one field of the record: the same path, the same evidence
                    evidence = tuple({e.path: e for e in evidence}.values())
                    missing = tuple(dict.fromkeys(missing))
            disagreement = bool(gaps) and not gaps.isdisjoint(c.assessed)
            points = c.points[status]
            # an ønske "at least delvist" is shown delvist, with its open half beside it
            shown, open_points = (D, c.open) if status == P else (status, 0.0)
            best = evaluated.reachable.get(c.id)
            if best is not None and points is not None and c.reach[best] - points > open_points:
                # sources still to come may lift it: what they may add, and who is to judge
                open_points = c.reach[best] - points
                missing += self._to_come(evaluated, c)
            outcomes.append(CriterionOutcome(c.criterion, shown, points, c.weight, evidence,
                                             missing, disagreement, open_points))
        return tuple(outcomes)

    def _to_come(self, evaluated: Evaluated, c: _CriterionParts) -> tuple[Missing, ...]:
        """The assessments of `c` its sources still to come may move: none from them yet."""
        reachable = evaluated.facts.reachable
        return tuple(dict.fromkeys(replace(self._not_assessed[key], sources=reachable[key][1])
                                   for key in c.assessed if key in reachable))

    def _part(self, evaluated: Evaluated, key: str, shared: _Shared,
              parts: dict[str, Part]) -> Part:
        """The evidence of `key`, or what is missing for it; kept in `parts`."""
        derived = self._derived.get(key)
        part: Part
        if key not in evaluated.view:
            missing = derived.missing(evaluated, shared) if derived is not None else None
            part = (), (missing or self._absent[key],)
        elif derived is not None:
            # a range: what the held items give, and the items that could add to it
            missing = (derived.missing(evaluated, shared)
                       if derived.high_key in evaluated.view else None)
            part = derived.evidence(evaluated, shared), (missing,) if missing else ()
        else:
            part = _assessment_evidence(evaluated, key, shared), ()
        parts[key] = part
        return part


class _CriterionParts:
    """A criterion as its outcome is made: the keys it reads, its points per status."""

    __slots__ = ("assessed", "criterion", "id", "keys", "may_repeat", "open", "points",
                 "reach", "weight")

    def __init__(self, compiled_criterion: CompiledCriterion,
                 compiled: CompiledProfile) -> None:
        criterion = self.criterion = compiled_criterion.criterion
        self.id, self.weight, self.keys = criterion.id, criterion.weight, compiled_criterion.keys
        self.assessed = tuple(k for k in self.keys if k in compiled.assessments)
        self.points = _points_by_status(criterion)
        self.open = criterion.weight * OPEN_FACTOR[P]  # what an ønske "at least delvist" may add
        self.reach = _weighted(criterion, REACH_FACTOR)
        # Only keys of one kind can give the same evidence or missing text: an assessment's
        # evidence is `assessments[n].score` and its text names the competency, which no
        # derived fact's evidence or text can be.
        self.may_repeat = len(self.keys) - len(self.assessed) > 1 or len(self.assessed) > 1


class _DerivedParts:
    """A derived key's evidence made of a candidate: its value, then each item its predicate
    held for with the fields the predicate reads (and the summed one); or, if the value is
    unknown, the items that could not be decided and the fields they lack. A count's or a
    sum's range has both: its evidence shows the range, and the items that would settle it
    are missing."""

    __slots__ = ("collection", "fields", "high_key", "item_fields", "key", "name",
                 "path", "predicate", "record_attr", "some", "summed", "titled")

    def __init__(self, compiled: CompiledProfile, plan: DerivedPlan) -> None:
        predicate = compiled.predicates[plan.predicate]
        collection = COLLECTIONS[plan.collection]
        self.key, self.name, self.predicate = plan.key, plan.name, plan.predicate
        self.high_key = plan.high_key
        self.collection, self.record_attr = plan.collection, collection.record_attr
        # a named derived fact by its id; an inline `some` by its description
        self.path = f"derived.{plan.name}" if plan.name in compiled.profile.derived else plan.name
        self.some = plan.some
        self.titled = COLLECTIONS[plan.collection]
        names = dict.fromkeys([*predicate.fields, *([plan.field] if plan.field else [])])
        # through the catalogue: `current` and a position's `years` are computed
        self.fields = [(f".{name}", collection.fields[name].read) for name in names]
        # the keys on an item's fact of the fields the predicate reads, with their fields'
        # names (none: a count of every item of a collection whose fields no rule reads)
        self.item_fields = [(k, f) for (f, _member), k
                            in compiled.item_keys.get(plan.collection, {}).items()
                            if f in predicate.fields]
        # the key on an item's fact of the summed field: a held item without it leaves a
        # sum open (see `facts._sum_range`)
        self.summed: str | None = None
        if plan.field is not None:
            self.summed = compiled.item_keys[plan.collection][(plan.field, None)]
            if plan.field not in predicate.fields:
                self.item_fields.append((self.summed, plan.field))

    def value(self, view: dict[str, Any]) -> Any:
        """The value, or the range from it to the highest (`algebra.compare_range`)."""
        value = view[self.key]
        high = view.get(self.high_key) if self.high_key is not None else None
        if high is None:
            return value
        return Between(value, None if high == UNBOUNDED else high)

    def evidence(self, evaluated: Evaluated, shared: _Shared) -> tuple[Evidence, ...]:
        evidence = [Evidence(self.path, self.value(evaluated.view), "cv", None, self.some)]
        statuses = evaluated.firings.item_status.get(self.predicate)
        if not statuses:
            return tuple(evidence)
        matched = sorted([i for i, status in statuses.items() if status == O])
        if not matched:
            return tuple(evidence)
        items = getattr(evaluated.facts.record, self.record_attr)
        told = shared.evidence
        for i in matched:
            item_path = f"{self.collection}[{i}]"
            for suffix, read in self.fields:
                path = item_path + suffix
                found = told.get(path)
                if found is None:
                    value = read(items[i], evaluated.as_of)
                    if isinstance(value, list):
                        value = tuple(value)  # evidence is hashable and immutable
                    found = told[path] = Evidence(path, value, "cv",
                                                  shared.title(item_path, items[i], self.titled))
                evidence.append(found)
        return tuple(evidence)

    def missing(self, evaluated: Evaluated, shared: _Shared) -> Missing | None:
        """The items that could not be decided, and of a sum those held whose summed value
        is unknown, each with the fields it lacks (None if none)."""
        items = getattr(evaluated.facts.record, self.record_attr)
        if items is None:
            return NotGiven(self.collection)
        statuses = evaluated.firings.item_status.get(self.predicate)
        if not statuses:
            return None
        facts = evaluated.facts.item_facts[self.collection]
        lacking = []
        summed = self.summed
        for i in sorted([i for i, status in statuses.items() if status == U
                         or (summed is not None and status == O and summed not in facts[i])]):
            fact, item_path = facts[i], f"{self.collection}[{i}]"
            lacking.append(ItemLacks(item_path, shared.title(item_path, items[i], self.titled),
                                     tuple(dict.fromkeys([name for k, name in self.item_fields
                                                          if k not in fact]))))
        return ItemsLacking(self.collection, tuple(lacking)) if lacking else None


class _Shared:
    """What one candidate's explanation makes once for all the keys that read it: an item's
    title by the item's path ("positions[1]"), and the evidence of an item's field or of an
    assessment by its path ("positions[1].sector")."""

    __slots__ = ("evidence", "titles")

    def __init__(self) -> None:
        self.evidence: dict[str, Evidence] = {}
        self.titles: dict[str, str] = {}

    def title(self, item_path: str, item: Any, collection: Collection) -> str:
        """The item's title ("Direktør, Helsingør Kommune")."""
        title = self.titles.get(item_path)
        if title is None:
            title = self.titles[item_path] = entry_title(item, collection)
        return title


def _assessment_evidence(evaluated: Evaluated, key: str,
                         shared: _Shared) -> tuple[Evidence, ...]:
    assessments, told = evaluated.facts.record.assessments, shared.evidence
    evidence = []
    for n in evaluated.facts.assessments[key].assessments:
        path = f"assessments[{n}].score"
        found = told.get(path)
        if found is None:
            made = assessments[n]
            found = told[path] = Evidence(path, made.score, made.source, made.assessor,
                                          competency=made.competency)
        evidence.append(found)
    return tuple(evidence)


def rank(results: list[CandidateResult]) -> list[CandidateResult]:
    """Order by proposed knock-out (never above one without), then the score (what the
    evidence has secured), then the possible score; ties share a rank (1, 1, 3) and are
    listed by id so the order never depends on input order.

    Coverage is no key of its own: the score already counts the unknown as nothing, and
    ranking by coverage would let a failed criterion (which adds coverage) lift a
    candidate. Thin evidence ranks low because little is secured, not by a separate tier."""
    keyed = sorted([((bool(r.knockouts), -r.total.score, -r.total.possible), r.id, r)
                    for r in results], key=itemgetter(0, 1))
    ranked, previous, current = [], None, 0
    for n, (key, _, r) in enumerate(keyed, start=1):
        if key != previous:
            current, previous = n, key
        ranked.append(r.remade(r.outcomes, current))
    return ranked
