"""From what the engine fired to explained scores: outcomes, evidence, knock-outs, bands, rank.

Missing evidence is `ikke_belyst`, and the score never rewards it: the score is what the
evidence has *secured* over the whole weight (ikke belyst earns nothing), and beside it
stands what is still *possible* (as if every ikke belyst criterion turned out met). More
evidence can only move them the way it points: a met criterion raises the score, a failed
one lowers what is possible, a partly met one does a half of each. Candidates rank by the
score, then by what is possible.

A krav that is not fully met, `ikke_opfyldt` or only `delvist`, is a *proposed* knock-out
for a person to confirm or override; the tool never rejects anyone by itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache, partial
from operator import itemgetter

from .catalogue import COLLECTIONS, label_of
from .compile import CompiledProfile
from .engine import Evaluated
from .i18n import language, t
from .profiles import CATEGORIES, Criterion, Scoring
from .results import (
    KNOCKOUT_BAND,
    KNOCKOUT_LABEL,
    PARTLY_MET_KNOCKOUT_LABEL,
    PENDING_BAND,
    PENDING_LABEL,
    SPARSE_BAND,
    SPARSE_LABEL,
    CandidateResult,
    CriterionOutcome,
    D,
    DeferredOutcomes,
    Evidence,
    I,
    O,
    Score,
    U,
    band_range,
)
from .vocabulary import STAGES, label

POINTS_FACTOR = {O: 1.0, D: 0.5, I: 0.0}
KNOCKOUT_STATUSES = (I, D)  # a krav must be fully met; anything less is for a person to weigh

# some criteria, as what picks their values from a list by position (None: all of them),
# and their weight
Members = tuple[Callable[[list[float]], tuple[float, ...]] | None, float]


def score_of(outcomes: Sequence[CriterionOutcome]) -> Score:
    earned, unknown = _earned_and_unknown(outcomes)
    return _score_of(earned, unknown, (None, _weight_of([o.max_points for o in outcomes],
                                                        range(len(outcomes)))))


def _earned_and_unknown(outcomes: Sequence[CriterionOutcome]
                        ) -> tuple[list[float], list[float]]:
    """Per outcome, by position: the points it earned (none while ikke belyst), and the
    weight still unknown (all of it while ikke belyst, else none)."""
    return ([0.0 if o.points is None else o.points for o in outcomes],
            [o.max_points if o.points is None else 0.0 for o in outcomes])


def _weight_of(weights: Sequence[float], members: Iterable[int]) -> float:
    """The weight of the criteria at positions `members`, added in order."""
    total: float = 0
    for n in members:
        total += weights[n]
    return total


def _score_of(earned: list[float], unknown: list[float], members: Members) -> Score:
    """The score of the criteria `members` picks (see `_earned_and_unknown`)."""
    pick, total_weight = members
    if not total_weight:  # a profile without criteria: nothing secured, nothing possible
        return Score(0.0, 0.0, 0.0)
    # added in order; the 0.0 that a criterion adds to the sum it has no part in changes
    # no float, so each sum is the one over the criteria it counts
    if pick is None:
        return _percentages(sum(earned), sum(unknown), total_weight)
    return _percentages(sum(pick(earned)), sum(pick(unknown)), total_weight)


@lru_cache(maxsize=4096)  # few sums recur for every candidate; rounding is the slow part
def _percentages(earned: float, unknown: float, total_weight: float) -> Score:
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
        # `_earned_and_unknown` gives them from the outcome `_outcome` makes
        self._earned = [{status: 0.0 if status == U else c.weight * POINTS_FACTOR[status]
                         for status in (O, D, I, U)} for c in criteria]
        self._unknown = [{status: c.weight if status == U else 0.0
                          for status in (O, D, I, U)} for c in criteria]
        self._categories = _categories_of(criteria)
        self._krav = _krav_of(criteria)
        # (score, has a proposed knock-out, a krav failed) -> band and label: few recur
        self._recommendations: dict[tuple[Score, bool, bool], tuple[str, str]] = {}

    def result(self, evaluated: Evaluated) -> CandidateResult:
        """The scored result; its outcomes, with their evidence, are made when first read.
        Scored as `summarise` scores outcomes (both through `_scored`)."""
        # by position, through C-level maps: no Python frame per criterion
        got = list(map(evaluated.firings.criteria.__getitem__, self._ids))
        return _scored(evaluated.facts.record.id,
                       DeferredOutcomes(evaluated.firings.criteria,
                                        partial(outcomes_of, self.compiled, evaluated)),
                       self._criteria, got, list(map(dict.__getitem__, self._earned, got)),
                       list(map(dict.__getitem__, self._unknown, got)), self._categories,
                       self._krav, self._recommendation)

    def _recommendation(self, total: Score, knockouts: tuple[str, ...],
                        failed: bool) -> tuple[str, str]:
        key = (total, bool(knockouts), failed)
        recommendation = self._recommendations.get(key)
        if recommendation is None:
            recommendation = self._recommendations[key] = _recommendation(
                self.compiled.profile.scoring, total, knockouts, failed)
        return recommendation


def outcomes_of(compiled: CompiledProfile, evaluated: Evaluated
                ) -> tuple[CriterionOutcome, ...]:
    """Every criterion's outcome with the evidence that decided it and what is missing."""
    derived_evidence: dict[str, list[Evidence]] = {}  # several criteria read the same fact
    return tuple(_outcome(compiled, evaluated, cc.criterion, cc.keys, derived_evidence)
                 for cc in compiled.criteria)


def summarise(candidate_id: str, outcomes: tuple[CriterionOutcome, ...],
              scoring: Scoring) -> CandidateResult:
    """Score, category scores, proposed knock-outs and band from the criterion outcomes."""
    criteria = [o.criterion for o in outcomes]
    return _scored(candidate_id, outcomes, criteria, [o.status for o in outcomes],
                   *_earned_and_unknown(outcomes), _categories_of(criteria), _krav_of(criteria),
                   partial(_recommendation, scoring))


def _scored(candidate_id: str, outcomes: Sequence[CriterionOutcome],
            criteria: list[Criterion], statuses: list[str], earned: list[float],
            unknown: list[float], categories: tuple[Members, list[tuple[str, Members]]],
            krav: list[int],
            recommend: Callable[[Score, tuple[str, ...], bool], tuple[str, str]]
            ) -> CandidateResult:
    """The result of criteria with these statuses, earned and unknown points (by position,
    see `_earned_and_unknown`), scored in all and per category (`_categories_of`), with the
    krav (`_krav_of`) not fully met proposed as knock-outs and the band `recommend` gives."""
    every, by_members = categories
    total = _score_of(earned, unknown, every)
    by_category = {category: _score_of(earned, unknown, members)
                   for category, members in by_members}
    short = [n for n in krav if statuses[n] in KNOCKOUT_STATUSES]
    knockouts: tuple[str, ...] = ()
    failed = False
    if short:  # most candidates have none: no tuple or test made for them
        knockouts = tuple([criteria[n].id for n in short])
        failed = I in [statuses[n] for n in short]
    return CandidateResult(candidate_id, outcomes, total, by_category, knockouts,
                           *recommend(total, knockouts, failed))


def _categories_of(criteria: list[Criterion]) -> tuple[Members, list[tuple[str, Members]]]:
    """All criteria, and each category that has criteria in the profile's order: what picks
    their values, and their weight."""
    weights = [c.weight for c in criteria]
    return ((None, _weight_of(weights, range(len(criteria)))),
            [(category, (_picker(members), _weight_of(weights, members)))
             for category in CATEGORIES
             if (members := [n for n, c in enumerate(criteria) if c.category == category])])


def _picker(members: list[int]) -> Callable[[list[float]], tuple[float, ...]]:
    """What picks the values at positions `members` from a list, in order, as a tuple."""
    if len(members) == 1:  # itemgetter of one position gives the value, not a tuple
        (only,) = members
        return lambda values: (values[only],)
    return itemgetter(*members)


def _krav_of(criteria: list[Criterion]) -> list[int]:
    return [n for n, c in enumerate(criteria) if c.priority == "krav"]


def _recommendation(scoring: Scoring, total: Score, knockouts: tuple[str, ...],
                    failed: bool) -> tuple[str, str]:
    """A band is given only when the evidence settles it: the score already reaches it and
    the possible score cannot lift the candidate out of it. Between the two, the honest
    answer is that the candidate awaits more evidence."""
    if knockouts:
        return KNOCKOUT_BAND, KNOCKOUT_LABEL if failed else PARTLY_MET_KNOCKOUT_LABEL
    if total.coverage < scoring.min_coverage:
        return SPARSE_BAND, SPARSE_LABEL
    secured, possible = band_range(scoring, total)
    if secured is not possible and secured != possible:  # the same band: no model comparison
        return PENDING_BAND, PENDING_LABEL
    if secured is None:  # below every band, whatever the rest shows
        return SPARSE_BAND, SPARSE_LABEL
    return secured.band, secured.label


def _outcome(compiled: CompiledProfile, evaluated: Evaluated, criterion: Criterion,
             keys: tuple[str, ...], derived_evidence: dict[str, list[Evidence]]
             ) -> CriterionOutcome:
    status = evaluated.firings.criteria[criterion.id]
    evidence: list[Evidence] = []
    missing: list[str] = []
    for key in keys:
        if key not in evaluated.view:
            missing.append(_missing(compiled, evaluated, key))
        elif key in compiled.derived:
            if key not in derived_evidence:
                derived_evidence[key] = _derived_evidence(compiled, evaluated, key)
            evidence.extend(derived_evidence[key])
        else:
            evidence.extend(_assessment_evidence(evaluated, key))
    gaps = evaluated.firings.gaps
    disagreement = bool(gaps) and any(k in gaps for k in keys if k in compiled.assessments)
    points = None if status == U else criterion.weight * POINTS_FACTOR[status]
    if len(keys) > 1:  # two facts can point at the same record fields
        evidence, missing = list(dict.fromkeys(evidence)), list(dict.fromkeys(missing))
    return CriterionOutcome(criterion, status, points, criterion.weight, tuple(evidence),
                            tuple(missing), disagreement)


def _assessment_evidence(evaluated: Evaluated, key: str) -> list[Evidence]:
    assessments = evaluated.facts.record.assessments
    return [Evidence(f"assessments[{n}].score", assessments[n].score, assessments[n].source,
                     assessments[n].assessor) for n in evaluated.facts.assessments[key].assessments]


def _derived_evidence(compiled: CompiledProfile, evaluated: Evaluated,
                      key: str) -> list[Evidence]:
    plan = compiled.derived[key]
    predicate = compiled.predicates[plan.predicate]
    # a named derived fact by its id; an inline `some` by its description
    named = plan.name in compiled.profile.derived
    evidence = [Evidence(f"derived.{plan.name}" if named else plan.name, evaluated.view[key],
                         "cv")]
    statuses = evaluated.firings.item_status.get(plan.predicate, {})
    matched = [i for i, status in statuses.items() if status == O]
    if not matched:
        return evidence
    items = getattr(evaluated.facts.record, COLLECTIONS[plan.collection].record_attr)
    fields = list(dict.fromkeys([*predicate.fields, *([plan.field] if plan.field else [])]))
    for i in sorted(matched):
        item, title = items[i], _item_title(plan.collection, items[i])
        for field_name in fields:
            # through the catalogue: `current` and a position's `years` are computed
            value = COLLECTIONS[plan.collection].fields[field_name].read(item, evaluated.as_of)
            if isinstance(value, list):
                value = tuple(value)  # evidence is hashable and immutable
            evidence.append(Evidence(f"{plan.collection}[{i}].{field_name}", value, "cv",
                                     title))
    return evidence


_TITLE_ATTRS = {"positions": ("title", "organisation"), "education": ("degree", "institution"),
                "experience": ("kind", "description")}


def _item_title(collection: str, item) -> str:
    return ", ".join(str(v) for v in (getattr(item, a) for a in _TITLE_ATTRS[collection]) if v)


def _missing(compiled: CompiledProfile, evaluated: Evaluated, key: str) -> str:
    if key in compiled.assessments:
        assessment = compiled.assessments[key]
        return _not_assessed(compiled.profile.competencies[assessment.competency],
                             assessment.sources, language())
    plan = compiled.derived[key]
    collection = COLLECTIONS[plan.collection]
    items = getattr(evaluated.facts.record, collection.record_attr)
    if items is None:
        return t("{what}: ikke oplyst", what=plan.collection)
    predicate = compiled.predicates[plan.predicate]
    statuses = evaluated.firings.item_status.get(plan.predicate, {})
    gaps = []
    for i, item in enumerate(items):
        if statuses.get(i) == U:
            fact = evaluated.facts.item_facts[plan.collection][i]
            absent = [label_of(collection.fields[f], language())
                      for (f, _member), k in compiled.item_keys[plan.collection].items()
                      if f in predicate.fields and k not in fact]
            gaps.append(t("{item} ({title}) mangler {fields}", item=f"{plan.collection}[{i}]",
                          title=_item_title(plan.collection, item),
                          fields=", ".join(dict.fromkeys(absent))))
    return "; ".join(gaps) or t("{what}: ikke oplyst", what=plan.name)


@lru_cache(maxsize=1024)  # the same few texts for every candidate
def _not_assessed(competency: str, sources: tuple[str, ...], worded_in: str) -> str:
    """`worded_in`, the chosen language, is there to key the cache: t() reads it itself."""
    return t("ingen vurdering af '{competency}' fra {sources}", competency=competency,
             sources=", ".join(label(STAGES, s) for s in sources))


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
        # made directly: `dataclasses.replace` took three times as long (measured)
        ranked.append(CandidateResult(
            id=r.id, outcomes=r.outcomes, total=r.total, categories=r.categories,
            knockouts=r.knockouts, recommendation=r.recommendation,
            recommendation_label=r.recommendation_label, rank=current))
    return ranked
