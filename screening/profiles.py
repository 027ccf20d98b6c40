"""Rule files: a job profile (or an organisation module) as plain, validated data.

The pydantic models mirror the YAML a consultant writes; conditions stay raw here and are
parsed by the loader, which knows where each one stands in the file.
"""

# No `from __future__ import annotations` here: pydantic would compile every field's
# annotation from its text each time the tool starts (~1 % of a 50-candidate run).

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .conditions import Condition
from .messages import message
from .records import Date, Source

Category = Literal["faglige", "ledelsesmæssige", "personlige"]
CATEGORIES: tuple[str, ...] = ("faglige", "ledelsesmæssige", "personlige")
Priority = Literal["krav", "ønske"]
Aggregate = Literal["min", "mean", "max"]

ID_PATTERN = r"^[a-z0-9æøå][a-z0-9æøå_-]{0,63}$"  # a profile's, criterion's or competency's
Id = Annotated[str, Field(pattern=ID_PATTERN)]
Text = Annotated[str, Field(min_length=1, max_length=4000)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class AsWritten(Strict):
    """A part of a rule file that only reading the file validates: a profile from the cache
    never needs one, so its validator is built on first use, not when the tool starts
    (about 15 ms of every run, measured)."""

    model_config = ConfigDict(defer_build=True)


class Meta(Strict):
    id: Id
    title: Text
    organisation: Text
    source: Text  # the document the profile encodes, e.g. a seed file name
    consultant: Text | None = None
    version: Text
    date: Date


class ModuleMeta(AsWritten):
    id: Id
    title: Text
    organisation: Text
    source: Text
    version: Text | None = None


class Weights(Strict):
    krav: Annotated[float, Field(gt=0, le=100, allow_inf_nan=False)] = 3.0
    ønske: Annotated[float, Field(gt=0, le=100, allow_inf_nan=False)] = 1.0


class AssessmentScale(Strict):
    """How an aggregated 1-5 assessment score maps to a status."""

    opfyldt: Annotated[float, Field(ge=1, le=5, allow_inf_nan=False)] = 4.0  # score >= this
    delvist: Annotated[float, Field(ge=1, le=5, allow_inf_nan=False)] = 3.0  # score >= this
    # krav: the weakest source decides (a low reference is never averaged away);
    # ønske: the mean of the sources.
    krav: Aggregate = "min"
    ønske: Aggregate = "mean"


class Band(Strict):
    min_score: Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
    band: Id
    label: Text


class Scoring(Strict):
    weights: Weights = Weights()
    assessment: AssessmentScale = AssessmentScale()
    disagreement: Annotated[float, Field(ge=1, le=4, allow_inf_nan=False)] = 3.0  # spread 5 vs 2
    min_coverage: Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)] = 40.0
    bands: Annotated[list[Band], Field(min_length=1)] = [
        Band(min_score=75, band="anbefales", label="Anbefales til næste runde"),
        Band(min_score=55, band="kan_overvejes", label="Kan overvejes"),
        Band(min_score=0, band="anbefales_ikke", label="Anbefales ikke"),
    ]


class DerivedSpec(AsWritten):
    description: Text
    of: Literal["positions", "education", "experience"]
    where: Any = None
    aggregate: Literal["exists", "count", "sum"]
    field: str | None = None  # the number summed, for aggregate: sum


class LintIgnoreSpec(AsWritten):
    """A lint code a criterion knowingly breaks, and the one-line reason `profile show` prints."""

    code: Annotated[str, Field(pattern=r"^[EL][0-9]{3}$")]
    reason: Text

    @model_validator(mode="before")
    @classmethod
    def _needs_a_reason(cls, data: Any) -> Any:
        if isinstance(data, str):  # the old bare form: an exception nobody explained
            raise ValueError(message("lint_ignore_reason", code=data))
        return data


class CriterionSpec(AsWritten):
    id: Id
    name: Text
    category: Category
    priority: Priority
    weight: Annotated[float, Field(gt=0, le=100, allow_inf_nan=False)] | None = None
    quote: Text
    section: Text
    note: Text | None = None
    sources: Annotated[list[Source], Field(min_length=1)] | None = None
    when: Any
    partial: Any = None
    lint_ignore: list[LintIgnoreSpec] = []  # lint codes this criterion knowingly breaks, and why


class SetAsideSpec(AsWritten):
    """A statement of the source deliberately not encoded as a criterion, and why."""

    quote: Text
    reason: Text


class RuleFileSpec(AsWritten):
    """Top level of a rule file: a profile has `profile`, a module has `module`."""

    profile: Meta | None = None
    module: ModuleMeta | None = None
    include: list[str] = []
    scoring: Scoring | None = None
    competencies: dict[Id, Text] = {}
    derived: dict[Id, DerivedSpec] = {}
    criteria: list[CriterionSpec] = []
    set_aside: list[SetAsideSpec] = []
    # behavioural questions for the interview guide, by competency or criterion id
    questions: dict[Id, Annotated[list[Text], Field(min_length=1)]] = {}


# Resolved form: what the rest of the tool works with.


@dataclass(frozen=True)
class Derived:
    id: str
    description: str
    collection: str
    where: Condition | None
    aggregate: str
    field: str | None


@dataclass(frozen=True)
class Criterion:
    id: str
    name: str
    category: str
    priority: str
    weight: float
    quote: str
    section: str
    document: str  # the source document of the rule file the criterion stands in
    rule_file: str
    line: int
    sources: tuple[str, ...]
    when: Condition
    partial: Condition | None
    note: str | None = None
    lint_ignore: tuple[str, ...] = ()  # the codes, for `code in criterion.lint_ignore`
    lint_reasons: tuple[str, ...] = ()  # the reason for each code, in the same order


@dataclass(frozen=True)
class SetAside:
    quote: str
    reason: str
    document: str  # the source document of the rule file it stands in
    rule_file: str
    line: int


@dataclass(frozen=True)
class Profile:
    meta: Meta
    scoring: Scoring
    competencies: dict[str, str]
    derived: dict[str, Derived]
    criteria: tuple[Criterion, ...]
    files: tuple[tuple[str, bytes], ...] = field(repr=False)  # (path, content) of every file
    sha256: str = ""
    # the sha256 of what decides a verdict (`rulefiles.grounds_of`): edits elsewhere (the
    # interview questions, notes, comments, layout) leave it, and people's decisions, as is
    grounds: str = ""
    set_aside: tuple[SetAside, ...] = ()
    questions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # by competency or
    # criterion id, from every rule file of the profile

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion with this id; `errors.UnknownCriterion` (a KeyError) names an id no
        criterion has, and the ids there are."""
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        from .errors import UnknownCriterion

        raise UnknownCriterion(criterion_id, [c.id for c in self.criteria],
                               profile=self.meta.id)
