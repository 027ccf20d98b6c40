"""The JSON Schemas editors use accept every shipped rule file and example record, and flag
the mistakes loading would flag."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from screening.cli import main
from screening.documents import plain, read_document

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
