"""JSON Schemas for candidate records and rule files, so editors can validate and complete them.

The record schema is pydantic's own. Rule files keep conditions as raw data in the models
(the loader parses them with positions), so their schema is written out here from the
condition language and the fact catalogue.
"""

from __future__ import annotations

from typing import Any

from .catalogue import COLLECTIONS, describe_field
from .conditions import OPS
from .profiles import ID_PATTERN, RuleFileSpec
from .records import SOURCES, CandidateRecord

SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"
# a competency or derived fact a condition names: never found unless it could be one's id
NAME = {"type": "string", "pattern": ID_PATTERN}
# a rule file is a profile or a module, never both; only a profile has scoring
PROFILE_OR_MODULE = [
    {"required": ["profile"], "properties": {"profile": {"type": "object"}}},
    {"required": ["module"], "properties": {"module": {"type": "object"},
                                            "scoring": {"type": "null"}}},
]


def candidate_schema() -> dict[str, Any]:
    schema = CandidateRecord.model_json_schema()
    schema["$schema"] = SCHEMA_DRAFT
    schema["title"] = "Kandidatpost (screening)"
    return schema


def _operators(value_schema: dict) -> dict[str, Any]:
    ops: dict[str, Any] = {op: value_schema for op in OPS if op not in ("in", "contains")}
    ops["in"] = {"type": "array", "minItems": 1, "items": value_schema}
    ops["contains"] = value_schema
    return ops


def _item_condition() -> dict[str, Any]:
    fields = sorted({name for c in COLLECTIONS.values() for name in c.fields})
    scalar = {"type": ["string", "number", "boolean"]}
    return {
        "oneOf": [
            {"type": "object", "required": ["all"], "additionalProperties": False,
             "properties": {"all": {"type": "array", "minItems": 1,
                                    "items": {"$ref": "#/$defs/ItemCondition"}}}},
            {"type": "object", "required": ["any"], "additionalProperties": False,
             "properties": {"any": {"type": "array", "minItems": 1,
                                    "items": {"$ref": "#/$defs/ItemCondition"}}}},
            {"type": "object", "required": ["not"], "additionalProperties": False,
             "properties": {"not": {"$ref": "#/$defs/ItemCondition"}}},
            {"type": "object", "required": ["field"], "additionalProperties": False,
             "minProperties": 1, "maxProperties": 2,
             "properties": {"field": {"enum": fields, "description": _catalogue()},
                            **_operators(scalar)}},
        ],
    }


def _catalogue() -> str:
    """The fact catalogue, as `screening fields` prints it."""
    return "\n".join(describe_field(c.name, f) for c in COLLECTIONS.values()
                     for f in c.fields.values())


def _condition() -> dict[str, Any]:
    scalar = {"type": ["number", "boolean"]}
    return {
        "oneOf": [
            {"type": "object", "required": ["all"], "additionalProperties": False,
             "properties": {"all": {"type": "array", "minItems": 1,
                                    "items": {"$ref": "#/$defs/Condition"}}}},
            {"type": "object", "required": ["any"], "additionalProperties": False,
             "properties": {"any": {"type": "array", "minItems": 1,
                                    "items": {"$ref": "#/$defs/Condition"}}}},
            {"type": "object", "required": ["not"], "additionalProperties": False,
             "properties": {"not": {"$ref": "#/$defs/Condition"}}},
            {"type": "object", "required": ["fact"], "additionalProperties": False,
             "maxProperties": 2,
             "properties": {"fact": NAME, **_operators(scalar)}},
            {"type": "object", "required": ["some", "where"], "additionalProperties": False,
             "properties": {"some": {"enum": sorted(COLLECTIONS), "description": _catalogue()},
                            "where": {"$ref": "#/$defs/ItemCondition"}}},
            {"type": "object", "required": ["assessed"], "additionalProperties": False,
             "properties": {"assessed": NAME,
                            "by": {"type": "array", "minItems": 1,
                                   "items": {"enum": list(SOURCES)}},
                            "gte": {"type": "number", "minimum": 1, "maximum": 5}}},
        ],
    }


def profile_schema() -> dict[str, Any]:
    schema = RuleFileSpec.model_json_schema()
    defs = schema.setdefault("$defs", {})
    defs["Condition"] = _condition()
    defs["ItemCondition"] = _item_condition()
    criterion = defs["CriterionSpec"]["properties"]
    criterion["when"] = {"$ref": "#/$defs/Condition"}
    criterion["partial"] = {"$ref": "#/$defs/Condition"}
    defs["DerivedSpec"]["properties"]["where"] = {"$ref": "#/$defs/ItemCondition"}
    # the lowest band takes the scores below every other one
    defs["Scoring"]["properties"]["bands"]["contains"] = {
        "required": ["min_score"], "properties": {"min_score": {"const": 0}}}
    schema["oneOf"] = PROFILE_OR_MODULE
    _only_ids_as_keys(schema)
    schema["$schema"] = SCHEMA_DRAFT
    schema["title"] = "Regelfil: profil eller modul (screening)"
    return schema


def _only_ids_as_keys(node: Any) -> None:
    """pydantic gives a mapping keyed by ids (`competencies:`, `derived:`, `questions:`) the
    id pattern for its keys but lets any other key through; the loader refuses one."""
    if isinstance(node, dict):
        if "patternProperties" in node:
            node.setdefault("additionalProperties", False)
        for value in node.values():
            _only_ids_as_keys(value)
    elif isinstance(node, list):
        for value in node:
            _only_ids_as_keys(value)
