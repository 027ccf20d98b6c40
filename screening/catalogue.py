"""The fact catalogue: what a rule may read about a candidate, and how it is read.

Like declared variables in a business-rules engine, a rule cannot name a fact that is not
here: the loader checks every field against this catalogue, with its type and operators.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from . import records as r
from .i18n import language, t

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
        ItemField("sector", "enum", "sektor", _attr("sector"), r.SECTORS, english="sector"),
        ItemField("politically_governed", "bool", "politisk styret",
                  _attr("politically_governed"), english="politically governed",
                  holds="organisationen er politisk styret",
                  holds_english="the organisation is politically governed"),
        ItemField("leadership_level", "enum", "ledelsesniveau", _attr("leadership_level"),
                  r.LEADERSHIP_LEVELS, english="leadership level"),
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
                  english="fields"),
    ), "position", ("title", "organisation")),
    "education": Collection("education", "uddannelse", "education", _fields(
        ItemField("level", "enum", "uddannelsesniveau", _attr("level"), r.EDUCATION_LEVELS,
                  english="level of education"),
        ItemField("area", "enum", "fagområde", _attr("area"), r.EDUCATION_AREAS,
                  english="field"),
        ItemField("leadership", "bool", "ledelsesuddannelse", _attr("leadership"),
                  english="leadership education", holds="uddannelsen er en ledelsesuddannelse",
                  holds_english="the education is a leadership education"),
        ItemField("year", "number", "afslutningsår", _attr("year"),
                  protected="graduation_year_for_age", english="year of graduation"),
    ), "education", ("degree", "institution")),
    "experience": Collection("experience", "erfaring", "experience", _fields(
        ItemField("kind", "enum", "type", _attr("kind"), r.EXPERIENCE_KINDS, english="kind"),
        ItemField("role", "enum", "rolle", _attr("role"), r.EXPERIENCE_ROLES, english="role"),
        ItemField("years", "number", "år", _attr("years"), english="years"),
    ), "experience", ("kind", "description")),
}


def label_of(named: ItemField | Collection, language: str) -> str:
    """A field's or collection's label in `language`."""
    return named.english if language == "en" else named.label


def holds_of(field: ItemField, language: str) -> str:
    """What a bool field says of an entry where it is true, in `language`."""
    return field.holds_english if language == "en" else field.holds


def describe_field(collection: str, field: ItemField) -> str:
    """One line for the JSON Schema, in the chosen language: type, label, allowed values,
    operators."""
    values = t("; værdier: {values}", values=", ".join(field.values)) if field.values else ""
    return (f"{collection}.{field.name} ({field.kind}, {label_of(field, language())}){values}"
            + t("; operatorer: {operators}", operators=", ".join(OPS_BY_KIND[field.kind])))
