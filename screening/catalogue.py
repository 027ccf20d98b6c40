"""The fact catalogue: what a rule may read about a candidate, and how it is read.

Like declared variables in a business-rules engine, a rule cannot name a fact that is not
here: the loader checks every field against this catalogue, with its type and operators.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import records as r
from .i18n import language, t
from .vocabulary import Term

COMPARISON_OPS = ("eq", "ne", "gt", "gte", "lt", "lte")
OPS_BY_KIND: dict[str, tuple[str, ...]] = {
    "bool": ("eq", "ne"),
    "number": COMPARISON_OPS,
    "enum": ("eq", "ne", "in"),
    "set": ("contains",),
}


@dataclass(frozen=True)
class ItemField:
    name: str
    kind: str  # bool | number | enum | set
    label: str  # Danish, for explanations
    read: Callable[[Any, date], Any]  # (item, as_of) -> value or None when unknown
    values: tuple[str, ...] = ()  # allowed values of enum and set fields
    protected: str = ""  # the message code saying why reading it discriminates (lint)
    english: str = ""  # the label in English
    # of a bool field, what it says of an entry where it is true, as a clause after "hvor"
    # ("en stilling hvor organisationen er politisk styret"), in Danish and in English
    holds: str = ""
    holds_english: str = ""
    # of an enum or set field, each coded value as people say it (VALUE_TERMS); the record,
    # the rule files and the machines' output keep the codes
    terms: Mapping[str, Term] = field(default_factory=dict, compare=False)


# The coded values of a record, as a committee reads them: Danish as the consultant says it
# (mostly the code with spaces), English as a Danish public-sector HR consultant translates
# it. Every value of records.py's Literals has one (tests/test_value_terms.py).
SECTOR_TERMS = {
    "kommune": Term("kommune", "municipality"), "region": Term("region", "region"),
    "stat": Term("stat", "central government"), "privat": Term("privat", "private sector"),
    "selvejende": Term("selvejende institution", "self-governing institution"),
    "forening": Term("forening", "association"), "andet": Term("andet", "other"),
}
LEADERSHIP_LEVEL_TERMS = {
    "direktion": Term("direktion", "executive management"),
    "chef": Term("chef", "head of department"),
    "mellemleder": Term("mellemleder", "middle manager"),
    "førstelinjeleder": Term("førstelinjeleder", "first-line manager"),
    "ingen": Term("ingen", "none"),
}
DOMAIN_TERMS = {
    "dagtilbud": Term("dagtilbud", "day care"), "skole": Term("skole", "schools"),
    "fritid": Term("fritid", "leisure"), "idræt": Term("idræt", "sport"),
    "børn_og_unge": Term("børn og unge", "children and young people"),
    "familie": Term("familie", "families"),
    "specialområdet": Term("specialområdet", "special needs"),
    "ungeindsats": Term("ungeindsats", "youth services"),
    "uddannelse": Term("uddannelse", "education"),
    "beskæftigelse": Term("beskæftigelse", "employment"),
    "socialområdet": Term("socialområdet", "social services"),
    "handicap": Term("handicap", "disability"), "psykiatri": Term("psykiatri", "psychiatry"),
    "sundhed": Term("sundhed", "health"), "ældre": Term("ældre", "elderly care"),
    "integration": Term("integration", "integration"), "kultur": Term("kultur", "culture"),
    "teknik_og_miljø": Term("teknik og miljø", "technical and environmental services"),
    "økonomi": Term("økonomi", "finance"), "hr": Term("HR", "HR"),
    "jura": Term("jura", "legal affairs"),
    "kommunikation": Term("kommunikation", "communications"),
    "politisk_sekretariat": Term("politisk sekretariat", "political secretariat"),
    "digitalisering": Term("digitalisering", "digitalisation"),
    "administration": Term("administration", "administration"),
    "udvikling": Term("udvikling", "development"),
}
EDUCATION_LEVEL_TERMS = {
    "erhvervsuddannelse": Term("erhvervsuddannelse", "vocational education"),
    "professionsbachelor": Term("professionsbachelor", "professional bachelor's degree"),
    "bachelor": Term("bachelor", "bachelor's degree"),
    "kandidat": Term("kandidat", "master's degree"),
    "diplom": Term("diplom", "diploma degree"),
    "master": Term("master", "executive master's degree"),
    "mba": Term("MBA", "MBA"), "phd": Term("ph.d.", "PhD"), "kursus": Term("kursus", "course"),
}
EDUCATION_AREA_TERMS = {
    "samfundsvidenskab": Term("samfundsvidenskab", "social sciences"),
    "jura": Term("jura", "law"), "økonomi": Term("økonomi", "economics"),
    "erhvervsøkonomi": Term("erhvervsøkonomi", "business economics"),
    "pædagogik": Term("pædagogik", "pedagogy"), "sundhed": Term("sundhed", "health"),
    "humaniora": Term("humaniora", "humanities"),
    "naturvidenskab": Term("naturvidenskab", "natural sciences"),
    "teknik": Term("teknik", "engineering"), "ledelse": Term("ledelse", "management"),
    "andet": Term("andet", "other"),
}
EXPERIENCE_KIND_TERMS = {
    "mediehåndtering": Term("mediehåndtering", "media relations"),
    "politisk_betjening": Term("politisk betjening", "political advisory services"),
    "bestyrelsesarbejde": Term("bestyrelsesarbejde", "board work"),
    "forhandling": Term("forhandling", "negotiation"),
    "tværsektorielt_samarbejde": Term("tværsektorielt samarbejde", "cross-sector collaboration"),
    "forandringsledelse": Term("forandringsledelse", "change management"),
    "strategiarbejde": Term("strategiarbejde", "strategy work"),
    "projektledelse": Term("projektledelse", "project management"),
    "økonomistyring": Term("økonomistyring", "financial management"),
    "juridisk_sagsbehandling": Term("juridisk sagsbehandling", "legal casework"),
    "kommunikation": Term("kommunikation", "communication"),
    "innovation": Term("innovation", "innovation"),
    "borgerinddragelse": Term("borgerinddragelse", "citizen involvement"),
    "med_samarbejde": Term("MED-samarbejde", "works council cooperation (MED)"),
    "undervisning": Term("undervisning", "teaching"),
}
EXPERIENCE_ROLE_TERMS = {
    "udøvende": Term("udøvende", "practitioner"), "rådgiver": Term("rådgiver", "advisor"),
    "ansvarlig": Term("ansvarlig", "in charge"),
}


@dataclass(frozen=True)
class Collection:
    name: str
    label: str  # Danish, singular
    record_attr: str
    fields: dict[str, ItemField]
    english: str  # the label in English
    titled_by: tuple[str, ...]  # the fields an entry is named by in the papers


def entry_title(item: Any, collection: Collection) -> str:
    """An entry's title as the papers name it ("Direktør, Helsingør Kommune")."""
    return ", ".join([str(v) for v in (getattr(item, a) for a in collection.titled_by) if v])


@dataclass(frozen=True)
class Stored:
    """A field read as the record stores it: the reader of most fields. The fact builder
    reads these straight from the record's values, without a call per field."""

    attribute: str

    def __call__(self, item: Any, _as_of: date) -> Any:
        return getattr(item, self.attribute)


def _attr(name: str) -> Callable[[Any, date], Any]:
    return Stored(name)


def _fields(*fields: ItemField) -> dict[str, ItemField]:
    return {f.name: f for f in fields}


COLLECTIONS: dict[str, Collection] = {
    "positions": Collection("positions", "stilling", "positions", _fields(
        ItemField("sector", "enum", "sektor", _attr("sector"), r.SECTORS, english="sector",
                  terms=SECTOR_TERMS),
        ItemField("politically_governed", "bool", "politisk styret",
                  _attr("politically_governed"), english="politically governed",
                  holds="organisationen er politisk styret",
                  holds_english="the organisation is politically governed"),
        ItemField("leadership_level", "enum", "ledelsesniveau", _attr("leadership_level"),
                  r.LEADERSHIP_LEVELS, english="leadership level", terms=LEADERSHIP_LEVEL_TERMS),
        ItemField("leaders_led", "number", "antal ledere ledet", _attr("leaders_led"),
                  english="leaders led"),
        ItemField("staff_led", "number", "antal medarbejdere ledet", _attr("staff_led"),
                  english="staff led"),
        ItemField("budget_mio_dkk", "number", "budget (mio. kr.)", _attr("budget_mio_dkk"),
                  english="budget (DKK million)"),
        ItemField("years", "number", "år i stillingen", lambda p, as_of: p.years(as_of),
                  english="years in the position"),
        ItemField("current", "bool", "nuværende stilling", lambda p, _a: p.end is None,
                  english="current position", holds="stillingen er den nuværende",
                  holds_english="the position is the current one"),
        ItemField("domains", "set", "fagområder", _attr("domains"), r.DOMAINS,
                  english="fields", terms=DOMAIN_TERMS),
    ), "position", ("title", "organisation")),
    "education": Collection("education", "uddannelse", "education", _fields(
        ItemField("level", "enum", "uddannelsesniveau", _attr("level"), r.EDUCATION_LEVELS,
                  english="level of education", terms=EDUCATION_LEVEL_TERMS),
        ItemField("area", "enum", "fagområde", _attr("area"), r.EDUCATION_AREAS,
                  english="field", terms=EDUCATION_AREA_TERMS),
        ItemField("leadership", "bool", "ledelsesuddannelse", _attr("leadership"),
                  english="leadership education", holds="uddannelsen er en ledelsesuddannelse",
                  holds_english="the education is a leadership education"),
        ItemField("year", "number", "afslutningsår", _attr("year"),
                  protected="graduation_year_for_age", english="year of graduation"),
    ), "education", ("degree", "institution")),
    "experience": Collection("experience", "erfaring", "experience", _fields(
        ItemField("kind", "enum", "type", _attr("kind"), r.EXPERIENCE_KINDS, english="kind",
                  terms=EXPERIENCE_KIND_TERMS),
        ItemField("role", "enum", "rolle", _attr("role"), r.EXPERIENCE_ROLES, english="role",
                  terms=EXPERIENCE_ROLE_TERMS),
        ItemField("years", "number", "år", _attr("years"), english="years"),
    ), "experience", ("kind", "description")),
}


def label_of(named: ItemField | Collection, language: str) -> str:
    """A field's or collection's label in `language`."""
    return named.english if language == "en" else named.label


def value_label(field: ItemField, value: str, language: str) -> str:
    """A coded value of `field` as people say it in `language` ("børn og unge", "children
    and young people"); a value without a term (a free number, a newer code) as it is."""
    term = field.terms.get(value)
    return value if term is None else term.said(language)


def holds_of(field: ItemField, language: str) -> str:
    """What a bool field says of an entry where it is true, in `language`."""
    return field.holds_english if language == "en" else field.holds


def describe_field(collection: str, field: ItemField) -> str:
    """One line for the JSON Schema, in the chosen language: type, label, allowed values,
    operators."""
    values = t("; værdier: {values}", values=", ".join(field.values)) if field.values else ""
    return (f"{collection}.{field.name} ({field.kind}, {label_of(field, language())}){values}"
            + t("; operatorer: {operators}", operators=", ".join(OPS_BY_KIND[field.kind])))
