"""Candidate records: what a consultant knows about a leadership candidate.

One record per candidate, validated strictly: a wrong type is an error, never coerced
("4" is not 4), so nothing malformed can reach the rule engine.
"""

# No `from __future__ import annotations` here: pydantic would compile every field's
# annotation from its text each time the tool starts (~1 % of a 50-candidate run).

from datetime import date
from functools import lru_cache
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from .messages import message
from .stages import SOURCES

Source = Literal["ansøgning", "samtale1", "test", "reference", "samtale2"]
assert get_args(Source) == SOURCES

Sector = Literal["kommune", "region", "stat", "privat", "selvejende", "forening", "andet"]
SECTORS: tuple[str, ...] = get_args(Sector)
# Sectors governed by elected politicians ("politisk styret organisation").
POLITICALLY_GOVERNED_SECTORS = frozenset({"kommune", "region", "stat"})

EducationLevel = Literal[
    "erhvervsuddannelse", "professionsbachelor", "bachelor", "kandidat",
    "diplom", "master", "mba", "phd", "kursus",
]
EDUCATION_LEVELS: tuple[str, ...] = get_args(EducationLevel)

EducationArea = Literal[
    "samfundsvidenskab", "jura", "økonomi", "erhvervsøkonomi", "pædagogik", "sundhed",
    "humaniora", "naturvidenskab", "teknik", "ledelse", "andet",
]
EDUCATION_AREAS: tuple[str, ...] = get_args(EducationArea)

# From top management down; "ledelse på højt niveau" means direktion or chef.
LeadershipLevel = Literal["direktion", "chef", "mellemleder", "førstelinjeleder", "ingen"]
LEADERSHIP_LEVELS: tuple[str, ...] = get_args(LeadershipLevel)

Domain = Literal[
    "dagtilbud", "skole", "fritid", "idræt", "børn_og_unge", "familie", "specialområdet",
    "ungeindsats", "uddannelse", "beskæftigelse", "socialområdet", "handicap", "psykiatri",
    "sundhed", "ældre", "integration", "kultur", "teknik_og_miljø", "økonomi", "hr", "jura",
    "kommunikation", "politisk_sekretariat", "digitalisering", "administration", "udvikling",
]
DOMAINS: tuple[str, ...] = get_args(Domain)

ExperienceKind = Literal[
    "mediehåndtering", "politisk_betjening", "bestyrelsesarbejde", "forhandling",
    "tværsektorielt_samarbejde", "forandringsledelse", "strategiarbejde", "projektledelse",
    "økonomistyring", "juridisk_sagsbehandling", "kommunikation", "innovation",
    "borgerinddragelse", "med_samarbejde", "undervisning",
]
EXPERIENCE_KINDS: tuple[str, ...] = get_args(ExperienceKind)

ExperienceRole = Literal["udøvende", "rådgiver", "ansvarlig"]
EXPERIENCE_ROLES: tuple[str, ...] = get_args(ExperienceRole)

Slug = Annotated[str, Field(pattern=r"^[a-z0-9æøå][a-z0-9æøå_.-]{0,63}$")]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
Year = Annotated[int, Field(ge=1940, le=2100)]


def _date_or_text(value: object) -> object:
    """Dates come as text (YAML and JSON); a number is not a date (pydantic would read it
    as a Unix timestamp)."""
    if isinstance(value, str | date):
        return value
    raise ValueError(message("date_format", value=repr(value)))


Date = Annotated[date, BeforeValidator(_date_or_text), Field(strict=False)]
SCORE_RANGE = (1, 5)  # an assessment's score, lowest and highest
Score = Annotated[int, Field(ge=SCORE_RANGE[0], le=SCORE_RANGE[1])]


class Record(BaseModel):
    """Base for every part of a record: strict types, no unknown fields."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class PersonalInCv(Record):
    """What the CV gave at its last import."""

    name: Text | None = None
    email: Text | None = None
    phone: Text | None = None


class Personal(Record):
    """Personal data, kept apart so it can be left out of reports and erased."""

    name: Text | None = None
    email: Text | None = None
    phone: Text | None = None
    address: Text | None = None
    # what the CV gave when it was imported (`import jsonresume`), so that the next import
    # tells the consultant's edits from the CV's changes; no rule reads it
    cv: PersonalInCv | None = None


class EducationInCv(Record):
    """What the CV gave at its last import."""

    degree: Text | None = None
    institution: Text | None = None
    field: Text | None = None
    year: Year | None = None


class Education(Record):
    degree: Text
    level: EducationLevel
    area: EducationArea | None = None  # the broad field, which rules may read
    field: Text | None = None  # the exact subject, as written
    institution: Text | None = None
    year: Year | None = None
    leadership: bool = False  # a leadership education (MPA, diplom i ledelse, MBA, ...)
    cv: EducationInCv | None = None  # as in Personal


class PositionInCv(Record):
    """What the CV gave at its last import."""

    title: Text | None = None
    organisation: Text | None = None
    start: Date | None = None
    end: Date | None = None


class Position(Record):
    title: Text
    organisation: Text
    sector: Sector
    politically_governed: bool | None = None  # derived from sector when not given
    start: Date
    end: Date | None = None  # None: current position
    leadership_level: LeadershipLevel | None = None
    leaders_led: Annotated[int, Field(ge=0, le=10_000)] | None = None
    staff_led: Annotated[int, Field(ge=0, le=100_000)] | None = None
    budget_mio_dkk: Annotated[float, Field(ge=0, le=100_000, allow_inf_nan=False)] | None = None
    domains: Annotated[list[Domain], Field(max_length=30)] | None = None
    cv: PositionInCv | None = None  # as in Personal

    @model_validator(mode="after")
    def _check_dates_and_derive_governance(self) -> "Position":
        if not 1940 <= self.start.year <= 2100:
            raise ValueError(message("implausible_start", start=self.start))
        if self.end is not None and self.end < self.start:
            raise ValueError(message("end_before_start", end=self.end, start=self.start))
        if self.politically_governed is None:
            # frozen model: set the derived value the way pydantic does internally
            object.__setattr__(
                self, "politically_governed", self.sector in POLITICALLY_GOVERNED_SECTORS
            )
        return self

    def years(self, as_of: date) -> float:
        """Years in the position up to `as_of` (open positions run until then)."""
        end = min(self.end or as_of, as_of)
        return _years_of((end - self.start).days)


class Experience(Record):
    kind: ExperienceKind
    role: ExperienceRole | None = None
    years: Annotated[float, Field(ge=0, le=60, allow_inf_nan=False)] | None = None
    description: Text | None = None


class Assessment(Record):
    competency: Slug
    source: Source
    score: Score
    assessor: Text | None = None
    note: Text | None = None
    sheet: Slug | None = None  # the scoring sheet it was imported from (`import scores`)


MAX_EDUCATION = 50  # a record's educations and positions (an import refuses more)
MAX_POSITIONS = 100


class CandidateRecord(Record):
    """Everything known about one candidate. A missing section means "not known yet"."""

    id: Slug
    personal: Personal | None = None
    education: Annotated[list[Education], Field(max_length=MAX_EDUCATION)] | None = None
    positions: Annotated[list[Position], Field(max_length=MAX_POSITIONS)] | None = None
    experience: Annotated[list[Experience], Field(max_length=100)] | None = None
    assessments: Annotated[list[Assessment], Field(max_length=2000)] = []


@lru_cache(maxsize=4096)  # read for every position of every candidate; round() is slow
def _years_of(days: int) -> float:
    return max(0.0, round(days / 365.25, 2))


def sources_up_to(stage: str) -> tuple[str, ...]:
    """The evidence sources available once the process has reached `stage`."""
    return SOURCES[: SOURCES.index(stage) + 1]
