"""What a screening produces, as plain data: statuses, evidence, outcomes, scores, results.

Presenters (explain, report, shortlist, the papers, the audit trail) read these types and
nothing else of the run, so this module imports nothing from the engine, the compiler or
the fact builder: rendering a stored or test-made result never loads durable-rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar, overload

from .conditions import Some
from .profiles import Band, Criterion, Profile, Scoring
from .vocabulary import BANDS, KNOCKOUT_BAND, PENDING_BAND, SPARSE_BAND

STATUSES = ("opfyldt", "delvist", "ikke_opfyldt", "ikke_belyst")
O, D, I, U = STATUSES  # noqa: E741  (the four statuses, short: they fill the condition algebra)
# An ønske's "at least delvist" as the engine gives it (`algebra.settled`): an outcome shows
# it as delvist, with the half the evidence not yet there may still add (`open_points`)
P = "delvist_eller_bedre"

# the tool's own recommendations, labelled (in Danish, as results store them) by vocabulary
KNOCKOUT_LABEL = BANDS[KNOCKOUT_BAND].da
PARTLY_MET_KNOCKOUT_LABEL = BANDS["knockout_delvist"].da
SPARSE_LABEL = BANDS[SPARSE_BAND].da
PENDING_LABEL = BANDS[PENDING_BAND].da


T = TypeVar("T")


class Deferred(Sequence[T]):
    """A tuple made when it is first read.

    A screening keeps every candidate's full explanation available, but most candidates'
    are never read: the criterion outcomes with their evidence are made from the engine's
    firings on first use (`make`), then kept. It reads, compares, hashes and pickles as the
    tuple it stands for (a pickled result carries its explanation, not the engine's state)."""

    __slots__ = ("_items", "_make")

    def __init__(self, make: Callable[[], tuple[T, ...]]) -> None:
        self._make: Callable[[], tuple[T, ...]] | None = make
        self._items: tuple[T, ...] = ()

    def _tuple(self) -> tuple[T, ...]:
        # the maker read once: another thread may make the tuple and let go of the maker
        # between a look at it and a call of it (both then make equal tuples); the items
        # are set before the maker goes, so a thread that sees it gone sees them
        make = self._make
        if make is not None:
            self._items = make()
            self._make = None
        return self._items

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...
    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        return self._tuple()[index]

    def __len__(self) -> int:
        return len(self._tuple())

    def __iter__(self) -> Iterator[T]:
        return iter(self._tuple())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Deferred):
            other = other._tuple()
        return isinstance(other, tuple) and self._tuple() == other

    def __hash__(self) -> int:
        return hash(self._tuple())

    def __repr__(self) -> str:
        return repr(self._tuple())

    def __reduce__(self) -> tuple[type, tuple[tuple[T, ...]]]:
        return tuple, (self._tuple(),)


@dataclass(frozen=True)
class Between:
    """The value of a count or a sum over items some of which could not be decided: at
    least `low`, at most `high` (None: no upper bound is known, as where an item's summed
    value is missing). Results store it as {"low": …, "high": …} (`stored`)."""

    low: float
    high: float | None

    def stored(self) -> dict[str, float | None]:
        return {"low": self.low, "high": self.high}


@dataclass(frozen=True)
class NotAssessed:
    """No assessment of a competency from the sources that may assess it."""

    competency: str  # its id in the profile
    name: str  # in the profile's words
    sources: tuple[str, ...]  # stage codes

    def stored(self) -> dict[str, Any]:
        return {"kind": "not_assessed", "competency": self.competency, "name": self.name,
                "sources": list(self.sources)}


@dataclass(frozen=True)
class NotGiven:
    """Nothing about `what` in the record: a collection (positions), a derived fact by its
    id, or an inline `some` by its description."""

    what: str

    def stored(self) -> dict[str, Any]:
        return {"kind": "not_given", "what": self.what}


@dataclass(frozen=True)
class ItemLacks:
    """An item that could not be decided: its path (positions[1]), its title (typed by
    people: "Direktør, Helsingør Kommune") and the fields of its collection it lacks."""

    item: str
    title: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class ItemsLacking:
    """The items of a collection that could not be decided, each with the fields it lacks."""

    collection: str
    items: tuple[ItemLacks, ...]

    def stored(self) -> dict[str, Any]:
        return {"kind": "items_lacking", "collection": self.collection,
                "items": [{"item": i.item, "title": i.title, "fields": list(i.fields)}
                          for i in self.items]}


# What evidence would let a criterion be judged, as data: shown in the reader's language
# (`wording.missing_text`), so that a result stored in the audit trail reads in any language.
Missing = NotAssessed | NotGiven | ItemsLacking


def missing_of(stored: dict[str, Any]) -> Missing:
    """A `Missing` from its stored form (its `stored()`)."""
    kind = stored["kind"]
    if kind == "not_assessed":
        return NotAssessed(stored["competency"], stored["name"], tuple(stored["sources"]))
    if kind == "not_given":
        return NotGiven(stored["what"])
    return ItemsLacking(stored["collection"],
                        tuple(ItemLacks(i["item"], i["title"], tuple(i["fields"]))
                              for i in stored["items"]))


@dataclass(frozen=True, init=False)
class Evidence:
    """One piece of the record that decided something: where, what, from which source."""

    path: str  # e.g. positions[1].leaders_led or assessments[3].score
    value: Any
    source: str  # cv, or the assessment's source
    note: str | None = None
    # the value of an inline `some`: the condition, worded in the reader's language when
    # shown (`wording.evidence_path`); the path words it in the language of the run
    some: Some | None = None
    # an assessment's competency, so the papers name what was rated; not in the machines'
    # output, whose path leads to it in the record
    competency: str | None = None

    # A frozen dataclass's own __init__ calls object.__setattr__ once per field: for the
    # tens of Evidence and CriterionOutcome an explanation makes, a third of its cost
    # (measured). Writing the fields into the instance's dict makes the same object.
    def __init__(self, path: str, value: Any, source: str, note: str | None = None,
                 some: Some | None = None, competency: str | None = None) -> None:
        fields = self.__dict__
        fields["path"] = path
        fields["value"] = value
        fields["source"] = source
        fields["note"] = note
        fields["some"] = some
        fields["competency"] = competency


@dataclass(frozen=True, init=False)
class CriterionOutcome:
    criterion: Criterion
    status: str
    points: float | None  # None when ikke_belyst: no evidence, no points either way
    max_points: float
    evidence: tuple[Evidence, ...]
    missing: tuple[Missing, ...]  # what evidence would let the criterion be judged
    disagreement: bool
    # what evidence not yet there may still add (an ønske "at least delvist", or sources
    # still to come at the stage), counted in the possible score; else 0
    open_points: float = 0.0

    def __init__(self, criterion: Criterion, status: str, points: float | None,
                 max_points: float, evidence: tuple[Evidence, ...], missing: tuple[Missing, ...],
                 disagreement: bool, open_points: float = 0.0) -> None:
        fields = self.__dict__  # as Evidence.__init__, for the same reason
        fields["criterion"] = criterion
        fields["status"] = status
        fields["points"] = points
        fields["max_points"] = max_points
        fields["evidence"] = evidence
        fields["missing"] = missing
        fields["disagreement"] = disagreement
        fields["open_points"] = open_points

    @property
    def ceiling(self) -> float:
        """The most the criterion may still come to: its points and what is still open of
        them, or all of its weight while ikke belyst."""
        return self.max_points if self.points is None else self.points + self.open_points


class DeferredOutcomes(Deferred[CriterionOutcome]):
    """Criterion outcomes made when first read, with each criterion's status known before:
    what only counts statuses (the ranked table of `screening screen`) does not make every
    criterion's evidence for every candidate (a twentieth of a 50-candidate run, measured).
    Pickled, it is the tuple of outcomes, as a Deferred is."""

    __slots__ = ("statuses",)

    def __init__(self, statuses: Mapping[str, str],
                 make: Callable[[], tuple[CriterionOutcome, ...]]) -> None:
        super().__init__(make)
        self.statuses = statuses  # criterion id -> status


@dataclass(frozen=True, init=False)
class Score:
    """Over the whole weight, so that `possible - score == 100 - coverage`: the range is
    exactly as wide as what is still unknown."""
    score: float  # 0-100: secured, the points the evidence has earned (ikke belyst earns 0)
    possible: float  # 0-100: the score if every ikke belyst criterion turned out met
    coverage: float  # 0-100: share of the weight that has evidence

    def __init__(self, score: float, possible: float, coverage: float) -> None:
        fields = self.__dict__  # as Evidence.__init__, for the same reason
        fields["score"] = score
        fields["possible"] = possible
        fields["coverage"] = coverage


@dataclass(frozen=True, init=False)
class CandidateResult:
    id: str
    outcomes: Sequence[CriterionOutcome]  # a tuple, or a Deferred one made when first read
    total: Score
    categories: dict[str, Score]
    knockouts: tuple[str, ...]
    recommendation: str
    recommendation_label: str
    rank: int = 0

    # every result is made twice, scored and ranked: as Evidence.__init__, for the same reason
    def __init__(self, id: str, outcomes: Sequence[CriterionOutcome], total: Score,
                 categories: dict[str, Score], knockouts: tuple[str, ...],
                 recommendation: str, recommendation_label: str, rank: int = 0) -> None:
        fields = self.__dict__
        fields["id"] = id
        fields["outcomes"] = outcomes
        fields["total"] = total
        fields["categories"] = categories
        fields["knockouts"] = knockouts
        fields["recommendation"] = recommendation
        fields["recommendation_label"] = recommendation_label
        fields["rank"] = rank

    @property
    def score(self) -> float:
        return self.total.score

    @property
    def possible(self) -> float:
        return self.total.possible

    @property
    def coverage(self) -> float:
        return self.total.coverage

    def remade(self, outcomes: Sequence[CriterionOutcome], rank: int) -> CandidateResult:
        """This result with other outcomes and rank (ranked; or sent back from a worker
        without its rendered outcomes). Made directly: `dataclasses.replace` took three
        times as long (measured), and every result of a run is remade."""
        return CandidateResult(self.id, outcomes, self.total, self.categories, self.knockouts,
                               self.recommendation, self.recommendation_label, rank)

    def partly_met_knockouts(self) -> tuple[str, ...]:
        """The proposed knock-outs whose krav is met in part: "krav kun delvist opfyldt"."""
        if not self.knockouts:
            return ()
        partly = {criterion for criterion, status in self._statuses() if status == D}
        return tuple(k for k in self.knockouts if k in partly)

    def krav_not_belyst(self) -> tuple[str, ...]:
        """The krav not yet belyst: each may still prove a proposed knock-out."""
        return tuple([o.criterion.id for o in self.outcomes
                      if o.criterion.priority == "krav" and o.status == U])

    def krav_to_come(self) -> tuple[str, ...]:
        """The krav not fully met so far that the sources still to come at the stage may yet
        meet in full: no proposed knock-out until they are heard (`scoring._scored`)."""
        return tuple([o.criterion.id for o in self.outcomes
                      if o.criterion.priority == "krav" and o.status in (I, D)
                      and o.ceiling >= o.max_points])

    def status_counts(self) -> dict[str, int]:
        """How many criteria have each status, in the order of STATUSES."""
        counts = dict.fromkeys(STATUSES, 0)
        for _criterion, status in self._statuses():
            counts[status] += 1
        return counts

    def _statuses(self) -> Iterable[tuple[str, str]]:
        """(criterion id, status) of each outcome, without making outcomes not made yet."""
        if isinstance(self.outcomes, DeferredOutcomes):  # the engine's, where an ønske's
            # "at least delvist" is P: shown as delvist, as its outcome shows it
            return ((c, D if s == P else s) for c, s in self.outcomes.statuses.items())
        return ((o.criterion.id, o.status) for o in self.outcomes)


@dataclass(frozen=True)
class Screening:
    profile: Profile
    stage: str
    as_of: date
    results: tuple[CandidateResult, ...]  # ranked

    def result(self, candidate_id: str) -> CandidateResult:
        """The result of the candidate with this id; `errors.UnknownCandidate` (a KeyError)
        names an id the screening does not hold, and the ids it does."""
        for r in self.results:
            if r.id == candidate_id:
                return r
        from .errors import UnknownCandidate

        raise UnknownCandidate(candidate_id, [r.id for r in self.results])


def band_range(scoring: Scoring, total: Score) -> tuple[Band | None, Band | None]:
    """The bands the score and the possible score fall in (None: below every band)."""
    highest_first = bands_highest_first(scoring)
    return band_of(highest_first, total.score), band_of(highest_first, total.possible)


def bands_highest_first(scoring: Scoring) -> list[Band]:
    return sorted(scoring.bands, key=lambda b: -b.min_score)


def band_of(highest_first: list[Band], value: float) -> Band | None:
    """The band `value` falls in, of `bands_highest_first` (None: below every band)."""
    for band in highest_first:
        if value >= band.min_score:
            return band
    return None
