"""JSON Schemas for candidate records and rule files, so editors can validate and complete them.

The record schema is pydantic's own. Rule files keep conditions as raw data in the models
(the loader parses them with positions), so their schema is written out here from the
condition language and the fact catalogue.
"""

from __future__ import annotations

from typing import Any

from .catalogue import COLLECTIONS, COMPARISON_OPS, OPS_BY_KIND, ItemField, describe_field
from .conditions import MAX_IN_VALUES
from .i18n import t
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


def _model_descriptions() -> dict[str, str]:
    """What each model is, in the chosen language: pydantic gives an editor the model's
    docstring, which is the code's English. A model given a docstring must be named here."""
    return {
        "RuleFileSpec": t("Øverste niveau af en regelfil: en profil har `profile:`, et modul "
                          "har `module:`."),
        "AssessmentScale": t("Hvordan en samlet vurdering på 1-5 bliver til en status."),
        "LintIgnoreSpec": t("En lint-kode, som kriteriet bevidst bryder, og begrundelsen på én "
                            "linje, som `profile show` viser."),
        "SetAsideSpec": t("Et udsagn i teksten, der bevidst ikke er et kriterium, og hvorfor."),
        "CandidateRecord": t("Alt, hvad der vides om én kandidat. En sektion, der mangler, "
                             "betyder \"ikke kendt endnu\"."),
        "Personal": t("Personoplysninger, holdt for sig, så de kan udelades af rapporter og "
                      "slettes."),
        **dict.fromkeys(("PersonalInCv", "EducationInCv", "PositionInCv"), t(
            "Det, CV'et oplyste ved sidste import (screening import jsonresume), så den næste "
            "kan skelne konsulentens rettelser fra CV'ets ændringer. Ingen regel læser det.")),
    }


def _described(schema: dict[str, Any], title: str) -> dict[str, Any]:
    """`schema` with its title and its models' descriptions in the chosen language."""
    descriptions = _model_descriptions()
    for name, node in [(schema["title"], schema), *schema.get("$defs", {}).items()]:
        if "description" in node:
            node["description"] = descriptions[name]
    schema["$schema"] = SCHEMA_DRAFT
    schema["title"] = title
    return schema


def candidate_schema() -> dict[str, Any]:
    return _described(CandidateRecord.model_json_schema(), t("Kandidatpost (screening)"))


def _value(field: ItemField) -> dict[str, Any]:
    """What a field may be compared with: a number, true or false, or one of its values."""
    if field.kind in ("bool", "number"):
        return {"type": "boolean" if field.kind == "bool" else "number"}
    return {"enum": list(field.values)}


def _field_test(collection: str, field: ItemField) -> dict[str, Any]:
    """`{field: sector, eq: kommune}`: the operators of the field's kind, with its values;
    a bool field alone reads 'is true'."""
    value = _value(field)
    operators = {op: {"type": "array", "minItems": 1, "maxItems": MAX_IN_VALUES, "items": value}
                 if op == "in" else value for op in OPS_BY_KIND[field.kind]}
    return {"type": "object", "required": ["field"], "additionalProperties": False,
            "minProperties": 1 if field.kind == "bool" else 2, "maxProperties": 2,
            "properties": {"field": {"const": field.name,
                                     "description": describe_field(collection, field)},
                           **operators}}


def _item_condition_name(collection: str) -> str:
    return f"ItemCondition_{collection}"


def _item_condition(collection: str) -> dict[str, Any]:
    """A condition on one item of `collection` (`where:`): its own fields only."""
    ref = {"$ref": f"#/$defs/{_item_condition_name(collection)}"}
    return {
        "oneOf": [
            {"type": "object", "required": ["all"], "additionalProperties": False,
             "properties": {"all": {"type": "array", "minItems": 1, "items": ref}}},
            {"type": "object", "required": ["any"], "additionalProperties": False,
             "properties": {"any": {"type": "array", "minItems": 1, "items": ref}}},
            {"type": "object", "required": ["not"], "additionalProperties": False,
             "properties": {"not": ref}},
            *(_field_test(collection, field)
              for field in COLLECTIONS[collection].fields.values()),
        ],
    }


def _where_of(key: str, optional: bool = False) -> list[dict[str, Any]]:
    """`where:` holds a condition on the collection `key` names (`some:`, or `of:` where
    a derived fact may count every item: `where: null`)."""
    def where(name: str) -> dict[str, Any]:
        ref = {"$ref": f"#/$defs/{_item_condition_name(name)}"}
        return {"anyOf": [ref, {"type": "null"}]} if optional else ref
    return [{"if": {"required": [key], "properties": {key: {"const": name}}},
             "then": {"properties": {"where": where(name)}}}
            for name in COLLECTIONS]


def _sum_field() -> list[dict[str, Any]]:
    """A derived fact sums a number field of its collection, and only a sum names one."""
    return [
        *({"if": {"required": ["of", "aggregate"],
                  "properties": {"of": {"const": name}, "aggregate": {"const": "sum"}}},
           "then": {"required": ["field"], "properties": {"field": {"enum": [
               f.name for f in c.fields.values() if f.kind == "number"]}}}}
          for name, c in COLLECTIONS.items()),
        {"if": {"properties": {"aggregate": {"not": {"const": "sum"}}}},
         "then": {"properties": {"field": {"type": "null"}}}},
    ]


def _catalogue() -> str:
    """The fact catalogue, as `screening fields` prints it."""
    return "\n".join(describe_field(c.name, f) for c in COLLECTIONS.values()
                     for f in c.fields.values())


def _condition() -> dict[str, Any]:
    # a fact is true or false (`exists`: eq, ne) or a number (`count`, `sum`: every
    # comparison), never `in`
    fact_ops = {op: {"type": ["number", "boolean"] if op in OPS_BY_KIND["bool"]
                     else "number"} for op in COMPARISON_OPS}
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
             "properties": {"fact": NAME, **fact_ops}},
            {"type": "object", "required": ["some", "where"], "additionalProperties": False,
             "properties": {"some": {"enum": sorted(COLLECTIONS), "description": _catalogue()},
                            "where": True},
             "allOf": _where_of("some")},
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
    for collection in COLLECTIONS:
        defs[_item_condition_name(collection)] = _item_condition(collection)
    criterion = defs["CriterionSpec"]["properties"]
    criterion["when"] = {"$ref": "#/$defs/Condition"}
    criterion["partial"] = {"anyOf": [{"$ref": "#/$defs/Condition"}, {"type": "null"}]}
    defs["DerivedSpec"]["properties"]["where"] = True  # by `of`:
    defs["DerivedSpec"]["allOf"] = [*_where_of("of", optional=True), *_sum_field()]
    # the lowest band takes the scores below every other one
    defs["Scoring"]["properties"]["bands"]["contains"] = {
        "required": ["min_score"], "properties": {"min_score": {"const": 0}}}
    schema["oneOf"] = PROFILE_OR_MODULE
    _only_ids_as_keys(schema)
    return _described(schema, t("Regelfil: profil eller modul (screening)"))


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
