"""An assessment of a competency the profile does not declare is reported, located and with
a suggestion, in screen's summary, explain, shortlist and the audit trail; --strict makes it
an error. So is, as a warning, an assessment of a declared competency from a source no
criterion takes it from (W103)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from screening.assessments import unknown_assessments
from screening.audit.store import AuditStore
from screening.cli import main
from screening.records import CandidateRecord

from .conftest import ROOT, STRONG, write

TYPO = STRONG.replace("- {competency: politisk_forstaaelse,",
                      "- {competency: politisk_forstaelse,").replace(
    "      - {competency: juridisk_forstaaelse, source: samtale2, score: 4}\n",
    "      - {competency: juridisk_forstaaelse, source: samtale2, score: 4}\n"
    "      - {competency: alder, source: samtale2, score: 5}\n")
LOCATED = ("strong.yaml:18:18: W101 assessments[2].competency: kompetencen "
           "'politisk_forstaelse' findes ikke i profilen helsingor-direktor-2024; vurderingen "
           "tæller ikke med (mente du 'politisk_forstaaelse'?)")


def cli(*args: str):
    return CliRunner().invoke(main, [*args])


@pytest.fixture
def typo(tmp_path) -> Path:
    return write(tmp_path, "strong.yaml", TYPO)


def test_each_unknown_competency_is_located_with_a_suggestion(helsingor, typo):
    from screening.candidates import load_record

    loaded, problems = load_record(typo)
    assert problems == []
    found = unknown_assessments(helsingor, loaded.record, loaded.path)
    assert [(p.line, p.column, p.field) for p in found] == [
        (18, 18, "assessments[2].competency"), (21, 18, "assessments[5].competency")]
    assert "(did you mean 'politisk_forstaaelse'?)" in found[0].message
    assert "alder" in found[1].message and "did you mean" not in found[1].message


def test_a_json_lines_record_is_located_on_its_line(helsingor, tmp_path):
    record = {"id": "j", "assessments": [
        {"competency": "relationelle_kompetencer", "source": "samtale1", "score": 4},
        {"competency": "relationelle_kompetenser", "source": "samtale1", "score": 4}]}
    path = tmp_path / "pulje.jsonl"
    path.write_text('{"id": "other"}\n' + json.dumps(record) + "\n", encoding="utf-8")
    (problem,) = unknown_assessments(helsingor, CandidateRecord.model_validate(record),
                                     f"{path}:2")
    line = path.read_text(encoding="utf-8").splitlines()[1]
    assert (problem.path, problem.line) == (str(path), 2)
    assert line[problem.column - 1:].startswith("relationelle_kompetenser")


def test_screen_warns_counts_and_records_it_in_the_audit_trail(typo, audit_db):
    result = cli("screen", "helsingor-direktor-2024", str(typo), "--rules-dir",
                 str(ROOT / "rules"))
    assert result.exit_code == 0, result.output
    assert f"advarsel: {typo.parent}/{LOCATED}" in result.stderr
    assert "2 vurdering(er) af kompetencer, som profilen ikke kender, er ikke talt med" in \
        result.stderr
    store = AuditStore(audit_db)
    (run,) = store.runs()
    recorded = run["summary"]["unknown_assessments"]
    assert [(u["line"], u["field"]) for u in recorded] == [
        (18, "assessments[2].competency"), (21, "assessments[5].competency")]
    shown = cli("audit", "show", run["run"]).output
    assert f"advarsel: {typo.parent}/{LOCATED}" in shown


def test_strict_makes_it_an_error(typo, audit_db):
    for command in (["screen"], ["explain"], ["shortlist", "--take", "1"]):
        result = cli(command[0], "helsingor-direktor-2024", str(typo), *command[1:],
                     "--rules-dir", str(ROOT / "rules"), "--strict")
        assert result.exit_code == 2, (command, result.output)
        assert f"fejl: {typo.parent}/{LOCATED}" in result.output
    assert not audit_db.exists() or AuditStore(audit_db).runs() == []


# Helsingør takes politisk_forstaaelse from samtale1, reference and samtale2 only
FROM_TEST = STRONG.replace("- {competency: politisk_forstaaelse, source: samtale1,",
                           "- {competency: politisk_forstaaelse, source: test,")


@pytest.mark.parametrize("lang, said", [
    ("da", "strong.yaml:18:18: W103 assessments[2].source: intet kriterium tager kompetencen "
           "'politisk_forstaaelse' fra test: vurderingen tæller ikke med (profilen tager den "
           "fra samtale1, reference, samtale2)"),
    ("en", "strong.yaml:18:18: W103 assessments[2].source: no criterion takes competency "
           "'politisk_forstaaelse' from test: the assessment counts for nothing (the profile "
           "takes it from samtale1, reference, samtale2)")])
def test_an_assessment_from_a_source_no_criterion_takes_is_a_located_warning(
        tmp_path, lang, said):
    """The rating used to vanish without a word, its criterion ikke belyst at every stage."""
    strong = write(tmp_path, "strong.yaml", FROM_TEST)
    for command in (["screen"], ["explain", "--id", "strong"], ["shortlist", "--take", "1"]):
        result = CliRunner().invoke(main, ["--lang", lang, command[0],
                                           "helsingor-direktor-2024", str(strong),
                                           *command[1:], "--rules-dir", str(ROOT / "rules"),
                                           "--no-audit"])
        assert result.exit_code == 0, (command, result.output)
        assert said in " ".join(result.stderr.split()), command
        assert "strong" in result.stdout  # screened all the same
    taken = write(tmp_path, "taken.yaml", STRONG.replace("id: strong", "id: taken"))
    result = cli("screen", "helsingor-direktor-2024", str(taken), "--rules-dir",
                 str(ROOT / "rules"), "--no-audit")
    assert result.exit_code == 0 and "W103" not in result.stderr


def test_explain_shows_it(typo):
    result = cli("explain", "helsingor-direktor-2024", str(typo), "--rules-dir",
                 str(ROOT / "rules"), "--format", "json")
    assert result.exit_code == 0
    assert f"advarsel: {typo.parent}/{LOCATED}" in result.stderr
    doc = json.loads(result.stdout)
    assert len(doc["unknown_assessments"]) == 2


@pytest.mark.parametrize("path", sorted((ROOT / "rules").glob("*.yaml")), ids=lambda p: p.stem)
def test_the_shipped_examples_assess_only_declared_competencies(path):
    result = cli("screen", str(path), str(ROOT / "examples" / "candidates" / path.stem),
                 "--no-audit", "--strict")
    assert result.exit_code == 0 and "W101" not in result.output and "W103" not in result.output
