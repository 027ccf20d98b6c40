"""The JSON Schemas editors use accept every shipped rule file and example record, and flag
the mistakes loading would flag."""

from __future__ import annotations

import datetime
import json
import re
import shutil

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from screening.cli import main
from screening.documents import plain, read_document
from screening.errors import RuleFileError
from screening.rulefiles import load_profile

from .conftest import ROOT

jsonschema = pytest.importorskip("jsonschema")


def schema(kind: str) -> dict:
    result = CliRunner().invoke(main, ["schema", kind])
    assert result.exit_code == 0
    return json.loads(result.output)


def data(path) -> dict:
    doc, problem = read_document(path)
    assert problem is None
    return plain(doc.data)


def as_written(value):
    """Data as an editor's YAML support reads it: a date is a string."""
    if isinstance(value, dict):
        return {k: as_written(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_written(v) for v in value]
    return value.isoformat() if isinstance(value, datetime.date) else value


def test_the_schemas_match_the_shipped_files_in_schemas():
    for kind in ("candidate", "profile"):
        stored = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text("utf-8"))
        assert stored == schema(kind), f"schemas/{kind}.schema.json is out of date"


def test_every_shipped_rule_file_and_example_record_is_valid():
    profile, candidate = (jsonschema.Draft202012Validator(schema(k))
                          for k in ("profile", "candidate"))
    rule_files = [*(ROOT / "rules").glob("*.yaml"), *(ROOT / "rules" / "modules").glob("*.yaml")]
    for path in rule_files:
        assert not list(profile.iter_errors(data(path))), path
    records = list((ROOT / "examples" / "candidates").rglob("*.yaml"))
    assert len(records) >= 32
    for path in records:
        assert not list(candidate.iter_errors(data(path))), path


def test_the_schemas_flag_unknown_keys_and_wrong_values():
    candidate = jsonschema.Draft202012Validator(schema("candidate"))
    assert list(candidate.iter_errors({"id": "a", "favourite_colour": "blå"}))
    assert list(candidate.iter_errors({"id": "a", "positions": [
        {"title": "T", "organisation": "O", "sector": "kommun", "start": "2020-01-01"}]}))
    profile = jsonschema.Draft202012Validator(schema("profile"))
    assert list(profile.iter_errors({"profile": {"id": "p"}, "criteria": [{"id": "x"}]}))


def broken_copies(data: dict) -> dict[str, dict]:
    """A shipped rule file's data with one mistake each that loading refuses."""
    module = "module" in data
    head = "module" if module else "profile"
    copies = {f"no {head}": {k: v for k, v in data.items() if k != head},
              "both profile and module": {**data, "profile" if module else "module":
                                          data[head]},
              "a condition naming nothing": {**data, "criteria": [
                  {**data["criteria"][0], "when": {"assessed": ""}}, *data["criteria"][1:]]}}
    if data.get("competencies"):
        first, *rest = data["competencies"].items()
        copies["a competency id with a space"] = {
            **data, "competencies": {"Ledelse af ledere": first[1], **dict(rest)}}
    if module:
        copies["scoring in a module"] = {**data, "scoring": {}}
    else:
        copies["no band from 0"] = {**data, "scoring": {
            **data.get("scoring", {}), "bands": [{"min_score": 50, "band": "b", "label": "B"}]}}
    return copies


def test_the_profile_schema_refuses_what_loading_refuses_in_each_shipped_rule_file(tmp_path):
    """An editor showed rule files as valid that `screening lint` then refused: an id with a
    space as a key of `competencies:`, a file with neither `profile:` nor `module:` (or
    both), `assessed: ""`, scoring in a module, bands with no floor at 0."""
    validator = jsonschema.Draft202012Validator(schema("profile"))
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    for path in [*rules.glob("*.yaml"), *(rules / "modules").glob("*.yaml")]:
        original = path.read_text("utf-8")
        for mistake, broken in broken_copies(data(path)).items():
            with path.open("w", encoding="utf-8") as out:
                YAML(typ="safe", pure=True).dump(broken, out)
            with pytest.raises(RuleFileError):
                load_profile(path, allow_module=True)
            assert list(validator.iter_errors(as_written(broken))), (path.name, mistake)
        path.write_text(original, "utf-8")


WRONG_CONDITIONS = {
    "a value the field does not have": {"some": "positions",
                                        "where": {"field": "sector", "eq": "kommun"}},
    "a value of another collection's field": {"some": "positions",
                                              "where": {"field": "level", "eq": "master"}},
    "an operator the field does not take": {"some": "education",
                                            "where": {"field": "level", "gte": "master"}},
    "a number field alone": {"some": "positions", "where": {"field": "years"}},
    "a fact compared with in": {"fact": "f", "in": [1, 2]},
    "a fact at least true": {"fact": "f", "gte": True},
}
WRONG_DERIVED = {
    "a sum of no number": {"description": "d", "of": "positions", "aggregate": "sum",
                           "field": "sector"},
    "a field without a sum": {"description": "d", "of": "positions", "aggregate": "count",
                              "field": "years"},
}


@pytest.mark.parametrize("mistake", [*WRONG_CONDITIONS, *WRONG_DERIVED])
def test_the_profile_schema_knows_each_collections_fields_values_and_operators(
        tmp_path, mistake):
    """`sector: kommun` in a `where:` passed the editor and failed lint: every field took
    every operator and any value, and a fact `in`, which no fact takes."""
    path = sorted((ROOT / "rules").glob("*.yaml"))[0]
    broken = data(path)
    broken["derived"] = {**broken.get("derived", {}), "f": WRONG_DERIVED.get(
        mistake, {"description": "d", "of": "positions", "aggregate": "count"})}
    when = WRONG_CONDITIONS.get(mistake, {"fact": "f", "gte": 1})
    broken["criteria"] = [{**broken["criteria"][0], "when": when}, *broken["criteria"][1:]]
    target = tmp_path / "rules" / path.name
    shutil.copytree(ROOT / "rules", target.parent)
    with target.open("w", encoding="utf-8") as out:
        YAML(typ="safe", pure=True).dump(broken, out)
    with pytest.raises(RuleFileError):
        load_profile(target)
    validator = jsonschema.Draft202012Validator(schema("profile"))
    assert list(validator.iter_errors(as_written(broken)))


def test_the_profile_schema_accepts_what_loading_accepts(tmp_path):
    """`partial: null` loads (no partial) but the editor marked it wrong."""
    path = sorted((ROOT / "rules").glob("*.yaml"))[0]
    written = data(path)
    written["criteria"] = [{**written["criteria"][0], "partial": None}, *written["criteria"][1:]]
    written["derived"] = {**written.get("derived", {}), "f": {
        "description": "d", "of": "positions", "aggregate": "count", "where": None}}
    written["criteria"].append({**written["criteria"][0], "id": "f-kriterium",
                                "when": {"fact": "f", "gte": 1}})
    target = tmp_path / "rules" / path.name
    shutil.copytree(ROOT / "rules", target.parent)
    with target.open("w", encoding="utf-8") as out:
        YAML(typ="safe", pure=True).dump(written, out)
    load_profile(target)
    validator = jsonschema.Draft202012Validator(schema("profile"))
    assert not list(validator.iter_errors(as_written(written)))


@pytest.mark.parametrize("kind", ["candidate", "profile"])
def test_the_schemas_speak_the_chosen_language(kind):
    """An editor showed the models' English docstrings ('How an aggregated 1-5 assessment
    score maps to a status.') and English field lines under a Danish title, and
    `--lang en schema` printed the same Danish title."""
    def descriptions(*language: str) -> list[str]:
        result = CliRunner().invoke(main, [*language, "schema", kind])
        assert result.exit_code == 0, result.output
        schema = json.loads(result.output)
        found: list[str] = [schema["title"]]  # a field's title is its key, humanised

        def walk(node):
            if isinstance(node, dict):
                found.extend(v for k, v in node.items() if k == "description"
                             and isinstance(v, str))
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)
        walk(schema)
        return found

    danish, english = descriptions(), descriptions("--lang", "en")
    assert len(danish) == len(english) > 1
    for da, en in zip(danish, english, strict=True):
        assert da != en, da
        assert not re.search(r"\b(?:the|of|and|values|operators)\b", da), da
