"""`screening fields` (the fact catalogue) and the messages for YAML traps in rule files."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from screening.catalogue import COLLECTIONS
from screening.cli import main
from screening.schema import profile_schema


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_fields_lists_every_field_by_collection_with_type_values_and_operators():
    table = run("fields")
    assert table.exit_code == 0 and table.output.startswith("Samling")
    shown = json.loads(run("fields", "--format", "json").output)
    assert set(shown) == set(COLLECTIONS)
    for name, collection in COLLECTIONS.items():
        assert [f["field"] for f in shown[name]] == list(collection.fields)
        for field in shown[name]:
            spec = collection.fields[field["field"]]
            assert (field["type"], field["values"]) == (spec.kind, list(spec.values))
            assert field["field"] in table.output
    assert "ingen" in shown["positions"][2]["values"]  # leadership_level: ingen is a value
    assert run("--lang", "en", "fields").output.startswith("Collection")


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_table_says_what_each_field_means_in_the_chosen_language(language):
    table = run("--lang", language, "fields")
    assert table.exit_code == 0, table.output
    rows = [line.split() for line in table.output.splitlines()[2:]]
    for collection in COLLECTIONS.values():
        for field in collection.fields.values():
            meaning = field.english if language == "en" else field.label
            (row,) = [r for r in rows if r[:2] == [collection.name, field.name]]
            assert " ".join(row[3:]).startswith(meaning), (collection.name, field.name, row)


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_json_says_what_each_field_means_in_the_chosen_language(language):
    """`--lang en fields --format json` gave every label in Danish ("sektor", "politisk
    styret"), while the table beside it said "sector", "politically governed"."""
    shown = json.loads(run("--lang", language, "fields", "--format", "json").output)
    for collection in COLLECTIONS.values():
        for field in shown[collection.name]:
            spec = collection.fields[field["field"]]
            assert field["label"] == (spec.english if language == "en" else spec.label)


def test_the_profile_schema_describes_the_catalogue_where_conditions_name_fields():
    schema = profile_schema()
    described = json.dumps(schema, ensure_ascii=False)
    for collection in COLLECTIONS.values():
        for field in collection.fields.values():
            assert f"{collection.name}.{field.name} ({field.kind}" in described


TRAPS = [
    ("profile:\n  id: x\n  title: Du er ansvarlig for at: lede\n",
     'kolon og mellemrum inde i en værdi: sæt teksten i anførselstegn ("...")',
     'a colon and a space inside a value: put the text in quotes ("...")'),
    ("profile:\n\tid: x\n", "et tabulatortegn: YAML indrykker kun med mellemrum",
     "a tab: YAML indents with spaces only"),
    ("profile:\n  - id: x\n",
     "profile: en liste (linjer der starter med '- '), hvor der forventedes felter",
     "profile: a list (lines starting with '- ') where fields (name: value) were expected"),
    ("profile: {id: x}\nkriterier: []\n", "kriterier: ukendt felt (mente du 'criteria'?)",
     "kriterier: Extra inputs are not permitted (did you mean 'criteria'?)"),
    ("profile: {id: x, titel: y}\n", "profile.titel: ukendt felt (mente du 'title'?)",
     "(did you mean 'title'?)"),
    ("criteria:\n  - {id: x, vægt: 3, krav: ja}\n", "criteria[0].vægt: ukendt felt (mente du "
     "'weight'?)", "criteria[0].krav: Extra inputs are not permitted (write `priority: krav` "
     "instead)"),
    ("criteria:\n  - {id: x, qoute: y}\n", "criteria[0].qoute: ukendt felt (mente du 'quote'?)",
     "(did you mean 'quote'?)"),
]


@pytest.mark.parametrize(("text", "danish", "english"), TRAPS)
def test_yaml_traps_get_messages_that_say_what_to_do_in_danish_and_english(
        tmp_path, text, danish, english):
    path = tmp_path / "profil.yaml"
    path.write_text(text, encoding="utf-8")
    in_danish, in_english = run("lint", str(path)), run("--lang", "en", "lint", str(path))
    assert in_danish.exit_code == in_english.exit_code == 1
    assert danish in in_danish.output
    assert english in in_english.output
    assert "Traceback" not in in_danish.output + in_english.output


def test_condition_syntax_errors_e206_are_danish_by_default(tmp_path):
    path = tmp_path / "profil.yaml"
    path.write_text("""\
profile: {id: x, title: T, organisation: O, source: s.txt, version: "1", date: 2024-01-01}
competencies: {k: K}
criteria:
  - {id: a, name: A, category: faglige, priority: krav, quote: q, section: S,
     when: {some: positions}}
""", encoding="utf-8")
    assert "E206 criteria[0].when: `some` kræver en `where`-betingelse" in run(
        "lint", str(path)).output
    assert "`some` needs a `where` condition" in run("--lang", "en", "lint", str(path)).output


@pytest.mark.parametrize(("language", "said"), [
    ("da", ["selvejende (selvejende institution)", "børn_og_unge,",
            "med_samarbejde (MED-samarbejde)"]),
    ("en", ["selvejende (self-governing institution)",
            "børn_og_unge (children and young people)", "direktion (executive management)"])])
def test_the_values_are_the_codes_with_what_the_papers_say_for_them(language, said):
    """The table gave the codes alone, in English too ("direktion"): a rule's author saw
    the code to write and not what the committee reads for it. The JSON keeps `values` the
    codes, with `value_labels` beside."""
    table = run("--lang", language, "fields")
    assert table.exit_code == 0, table.output
    assert [s for s in said if s not in table.output] == []  # a value is never wrapped inside
    shown = json.loads(run("--lang", language, "fields", "--format", "json").output)
    sector = next(f for f in shown["positions"] if f["field"] == "sector")
    assert "selvejende" in sector["values"]
    assert sector["value_labels"]["selvejende"] == {
        "da": "selvejende institution", "en": "self-governing institution"}[language]
