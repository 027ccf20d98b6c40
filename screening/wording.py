"""Conditions and values in Danish words, for explanations and names of derived facts."""

from __future__ import annotations

from typing import Any

from . import conditions as cond
from .catalogue import COLLECTIONS
from .i18n import decimal
from .profiles import Profile

OP_WORDS = {"eq": "er", "ne": "er ikke", "gt": "er over", "gte": "er mindst", "lt": "er under",
            "lte": "er højst", "in": "er en af", "contains": "omfatter"}


def value_text(value: Any) -> str:
    if value is True:
        return "ja"
    if value is False:
        return "nej"
    if isinstance(value, float):
        return decimal(f"{value:g}")
    if isinstance(value, list | tuple):
        return ", ".join(value_text(v) for v in value) or "ingen"
    return str(value)


def render(node: cond.Condition, profile: Profile, collection: str | None = None) -> str:
    """A condition in Danish, e.g. 'en stilling hvor politisk styret er ja og ...'."""
    if isinstance(node, cond.All):
        return " og ".join(_child(c, profile, collection) for c in node.children)
    if isinstance(node, cond.AnyOf):
        return " eller ".join(_child(c, profile, collection) for c in node.children)
    if isinstance(node, cond.Not):
        return f"ikke ({render(node.child, profile, collection)})"
    if isinstance(node, cond.Some):
        label = COLLECTIONS[node.collection].label
        return f"en {label} hvor {render(node.where, profile, node.collection)}"
    if isinstance(node, cond.Assessed):
        label = profile.competencies[node.competency]
        by = f" (fra {', '.join(node.by)})" if node.by else ""
        if node.gte is not None:
            return f"'{label}' vurderes til mindst {value_text(node.gte)}{by}"
        scale = profile.scoring.assessment
        return (f"'{label}' vurderes til mindst {value_text(scale.opfyldt)} (delvist: mindst "
                f"{value_text(scale.delvist)}){by}")
    assert isinstance(node, cond.Compare)
    if node.item_level:
        name = COLLECTIONS[collection].fields[node.name].label
    else:
        derived = profile.derived[node.name]
        if derived.aggregate == "exists":
            positive = (node.value is True) == (node.op == "eq")
            return derived.description[0].lower() + derived.description[1:] if positive \
                else f"ikke: {derived.description[0].lower() + derived.description[1:]}"
        name = derived.description[0].lower() + derived.description[1:]
    return f"{name} {OP_WORDS[node.op]} {value_text(node.value)}"


def _child(node: cond.Condition, profile: Profile, collection: str | None) -> str:
    text = render(node, profile, collection)
    return f"({text})" if isinstance(node, cond.All | cond.AnyOf) else text
