"""Spreadsheets in and out, and the CSV variants: a filled scoring sheet changes the screening."""

from __future__ import annotations

import codecs
import csv
import difflib
import hashlib
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from screening import conditions as cond
from screening.audit.store import AuditStore
from screening.candidates import load_records
from screening.cli import main
from screening.profiles import CATEGORIES
from screening.rulefiles import find_profile, load_profile
from screening.screen import screen
from screening.sheets import (
    BLANK_ROWS,
    FIRST_SCORE_COLUMN,
    FIRST_SCORE_ROW,
    MAX_UNPACKED_BYTES,
    SCORE_SHEET,
    stage_competencies,
)
from screening.stages import SOURCES
from screening.vocabulary import CATEGORY_SHORT, label

from .conftest import ROOT

PROFILE = "helsingor-direktor-2024"
EXAMPLES = ROOT / "examples" / "candidates" / PROFILE
STAGE = "samtale1"
SCRIPT = shutil.which("screening", path=os.path.dirname(sys.executable)) or "screening"


def run(*args: str):
    return CliRunner().invoke(main, list(args), env={"SCREENING_RULES": str(ROOT / "rules")})


def screened(folder: Path, stage: str = STAGE):
    profile = load_profile(find_profile(PROFILE, ROOT / "rules"))
    loaded, problems = load_records([folder])
    assert not problems
    return screen(profile, [r.record for r in loaded], stage)


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


@pytest.fixture
def folder(tmp_path) -> Path:
    copy = tmp_path / "candidates"
    shutil.copytree(EXAMPLES, copy)
    return copy


# --- out -----------------------------------------------------------------------------------


def test_screen_as_a_workbook_has_the_ranking_and_criteria_by_candidates(tmp_path):
    out = tmp_path / "screening.xlsx"
    result = run("screen", PROFILE, str(EXAMPLES), "--stage", "reference", "--format", "xlsx",
                 "--out", str(out), "--no-audit")
    assert result.exit_code == 0, result.output
    expected = screened(EXAMPLES, "reference")
    book = load_workbook(out)
    ranking, criteria = book["Placering"], book["Kriterier"]
    rows = list(ranking.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1]) for r in rows] == [(r.rank, r.id) for r in expected.results]
    assert [(r[2], r[3]) for r in rows] == [(r.score, r.possible) for r in expected.results]
    assert ranking["C2"].number_format == ranking["D2"].number_format == "0.0"
    assert ranking["E2"].number_format == "0.0%"
    assert ranking["E2"].value == pytest.approx(expected.results[0].coverage / 100)
    assert criteria.max_row == 2 + len(expected.profile.criteria)
    by_row = {row[0]: row for row in criteria.iter_rows(min_row=3, values_only=True)}
    for n, r in enumerate(expected.results):
        for o in r.outcomes:
            status, points, reach = by_row[o.criterion.id][5 + 3 * n: 8 + 3 * n]
            assert points == o.points
            assert reach == ((o.points + o.open_points) if o.open_points else None)
            assert status == {"opfyldt": "opfyldt", "delvist": "delvist opfyldt",
                              "ikke_opfyldt": "ikke opfyldt",
                              "ikke_belyst": "ikke belyst"}[o.status]


@pytest.mark.parametrize("lang,words", [("da", "Ikke med: "), ("en", "Not included: ")])
def test_the_workbook_says_which_inputs_it_leaves_out(tmp_path, folder, lang, words):
    """A record that could not be read was left out of the workbook with no word: the
    committee saw a ranking as if no one else had applied (the report and the guide say)."""
    broken = folder / "k99-broken.yaml"
    broken.write_text("id: k99\npositions: [{title: X}]\n", encoding="utf-8")
    out = tmp_path / "screening.xlsx"
    result = run("--lang", lang, "screen", PROFILE, str(folder), "--format", "xlsx",
                 "--out", str(out), "--no-audit")
    assert result.exit_code == 0, result.output
    ranking = load_workbook(out).worksheets[0]
    rows = list(ranking.iter_rows(min_row=2, values_only=True))
    assert len([r for r in rows if isinstance(r[0], int)]) == len(list(EXAMPLES.iterdir()))
    assert rows[-2] == (None,) * len(rows[-2])
    assert rows[-1][0].startswith(words) and str(broken) in rows[-1][0]


def test_the_workbook_ranking_gives_each_category_secured_and_possible(tmp_path):
    """A category nobody has shown anything in is 0 secured and up to its weight possible:
    the ranking sheet showed the 0 alone, which a committee reads as failed."""
    out = tmp_path / "screening.xlsx"
    result = run("screen", PROFILE, str(EXAMPLES), "--stage", "ansøgning", "--format", "xlsx",
                 "--out", str(out), "--no-audit")
    assert result.exit_code == 0, result.output
    expected = screened(EXAMPLES, "ansøgning")
    used = [c for c in CATEGORIES if c in expected.results[0].categories]
    ranking = load_workbook(out)["Placering"]
    headers = [cell.value for cell in ranking[1]]
    assert headers[5:5 + 2 * len(used)] == [
        f"{label(CATEGORY_SHORT, c)} {part}" for c in used for part in ("sikret", "muligt")]
    rows = list(ranking.iter_rows(min_row=2, values_only=True))
    for row, r in zip(rows, expected.results, strict=True):
        assert list(row[5:5 + 2 * len(used)]) == [
            x for c in used for x in (r.categories[c].score, r.categories[c].possible)]
    assert any(r.categories[c].possible > r.categories[c].score
               for r in expected.results for c in used)


def test_xlsx_needs_a_file():
    result = run("screen", PROFILE, str(EXAMPLES), "--format", "xlsx", "--no-audit")
    assert result.exit_code == 2 and "--out" in result.output


def test_csv_per_criterion_with_decimal_commas():
    result = run("screen", PROFILE, str(EXAMPLES), "--format", "csv", "--detail", "criteria",
                 "--decimal", "comma", "--no-audit")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter=";"))
    expected = screened(EXAMPLES, "samtale2")
    assert len(rows) == len(expected.results) * len(expected.profile.criteria)
    assert [(r["id"], r["criterion"]) for r in rows] == \
        [(r.id, o.criterion.id) for r in expected.results for o in r.outcomes]
    half = next(r for r in rows if r["status"] == "delvist")
    assert "," in half["points"] and "." not in half["points"]


@pytest.mark.parametrize("decimal", ["dot", "comma"])
def test_csv_per_criterion_writes_a_flag_as_the_json_does(decimal):
    """The `disagreement` column said Python's "True"/"False"; the JSON says true/false."""
    args = ["screen", PROFILE, str(EXAMPLES), "--no-audit"]
    result = run(*args, "--format", "csv", "--detail", "criteria", "--decimal", decimal)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout),
                               delimiter=";" if decimal == "comma" else ","))
    document = json.loads(run(*args, "--format", "json").stdout)
    flags = {(c["id"], o["id"]): json.dumps(o["disagreement"])
             for c in document["candidates"] for o in c["criteria"]}
    assert {(r["id"], r["criterion"]): r["disagreement"] for r in rows} == flags
    assert set(flags.values()) == {"true", "false"}


def test_csv_options_belong_to_csv():
    result = run("screen", PROFILE, str(EXAMPLES), "--detail", "criteria", "--no-audit")
    assert result.exit_code == 2


# --- the scoring sheet, filled and read back -----------------------------------------------


def blank_sheet(folder: Path, tmp_path: Path) -> Path:
    out = tmp_path / "scores.xlsx"
    result = run("sheet", PROFILE, str(folder), "--stage", STAGE, "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


def refused_import(path: Path, folder: Path, lang: str):
    """`import scores` of `path` in `lang`, refused (exit 2) with no record changed."""
    before = digests(folder)
    result = run("--lang", lang, "import", "scores", str(path), "--into", str(folder))
    assert result.exit_code == 2, result.output
    assert digests(folder) == before
    return result


def row_of(sheet, candidate: str) -> int:
    """The row of a candidate in a scoring sheet."""
    return next(r for r in range(FIRST_SCORE_ROW, sheet.max_row + 1)
                if sheet.cell(r, 1).value == candidate)


def fill(path: Path, scores: dict[tuple[str, str], object], assessor: str | None = "Udvalget"):
    """Write scores by (candidate, competency id) into the sheet's cells."""
    book = load_workbook(path)
    sheet = book[SCORE_SHEET]
    columns = {cell.value: cell.column for cell in sheet[3]}
    rows = {sheet.cell(row, 1).value: row for row in range(FIRST_SCORE_ROW, sheet.max_row + 1)}
    for (candidate, competency), value in scores.items():
        if candidate not in rows:  # a row added by hand
            rows[candidate] = sheet.max_row + 1
            sheet.cell(rows[candidate], 1).value = candidate
            sheet.cell(rows[candidate], columns["source"]).value = STAGE
        sheet.cell(rows[candidate], columns[competency]).value = value
        sheet.cell(rows[candidate], columns["assessor"]).value = assessor
    book.save(path)


@pytest.mark.parametrize("rule_file", sorted((ROOT / "rules").glob("*.yaml")),
                         ids=lambda p: p.stem)
def test_a_stage_with_nothing_to_score_is_refused_not_a_sheet_without_columns(rule_file,
                                                                              tmp_path):
    """A sheet for a stage no criterion takes an assessment from (references, where a
    profile takes none) came out with no column to score in, and exit 0."""
    profile = load_profile(rule_file)
    for stage in SOURCES:
        out = tmp_path / f"{stage}.xlsx"
        result = run("sheet", str(rule_file), "--stage", stage, "--out", str(out))
        if stage_competencies(profile, stage):
            assert result.exit_code == 0, result.output
            continue
        assert result.exit_code == 2, stage
        assert "--stage: E305 " in result.stderr and "Traceback" not in result.output
        taken = [s for s in SOURCES if stage_competencies(profile, s)]
        assert result.stderr.rstrip().endswith(f"de tager dem fra {', '.join(taken)}")
        assert not out.exists()


def test_the_sheet_says_what_people_decided_about_each_candidate(folder, tmp_path, audit_db):
    """The scoring sheet for the next interview listed a candidate a person had decided
    does not go on like any other: the panel scored them as if nobody had decided."""
    screened_run = run("screen", PROFILE, str(folder), "--stage", "reference", "--format",
                       "json")
    assert screened_run.exit_code == 0, screened_run.output
    first, second = json.loads(screened_run.stdout)["candidates"][:2]
    run_id = AuditStore(audit_db).runs()[-1]["run"]
    flag = "--confirm" if first["knockouts"] else "--stop"
    assert run("decide", run_id, first["id"], flag, "--operator", "Formand", "--reason",
               "Ikke nok ledelse").exit_code == 0
    for stage, said in (("samtale2", "Stående beslutning: går ikke videre"),
                        ("samtale1", "Tidligere beslutning: går ikke videre")):
        path = tmp_path / f"{stage}.xlsx"
        result = run("sheet", PROFILE, str(folder), "--stage", stage, "--out", str(path))
        assert result.exit_code == 0, result.output
        sheet = load_workbook(path)[SCORE_SHEET]
        ids = [c.value for c in sheet[3]]
        assert ids[-3:] == ["source", "assessor", "decision"]
        rows = {sheet.cell(r, 1).value: sheet.cell(r, len(ids)).value
                for r in range(FIRST_SCORE_ROW, sheet.max_row + 1)}
        assert rows[first["id"]].startswith(said) and "Ikke nok ledelse" in rows[first["id"]]
        assert rows[second["id"]] is None
    # the column is no score: the sheet still reads back
    fill(path, {(second["id"], ids[FIRST_SCORE_COLUMN - 1]): 4})
    imported = run("import", "scores", str(path), "--into", str(folder))
    assert imported.exit_code == 0, imported.output


@pytest.mark.parametrize("lang, said", [
    ("da", "W304 {cell}: 'går videre' i kolonnen Beslutning læses ikke ind: en beslutning "
           "registreres med screening decide KØRSEL KANDIDAT --operator NAVN --reason"),
    ("en", "W304 {cell}: 'går videre' in the column Decision is not read: a decision is "
           "recorded with screening decide RUN CANDIDATE --operator NAME --reason")])
def test_a_decision_typed_into_the_sheet_is_said_not_to_be_read(folder, tmp_path, audit_db,
                                                                lang, said):
    """The sheet's last column is headed 'Beslutning'; a panel that typed 'går videre' there
    for a candidate nobody had decided on read the sheet in without a word, and believed the
    decision recorded. The scores go in; the typed decision is named at its cell; the
    tool's own lines (a decision already standing) are not."""
    screened_run = run("screen", PROFILE, str(folder), "--stage", STAGE, "--format", "json")
    assert screened_run.exit_code == 0, screened_run.output
    first, second = json.loads(screened_run.stdout)["candidates"][:2]
    flag = "--confirm" if first["knockouts"] else "--stop"
    assert run("decide", AuditStore(audit_db).runs()[-1]["run"], first["id"], flag,
               "--operator", "Formand", "--reason", "Ikke nok ledelse").exit_code == 0
    path = tmp_path / "samtale2.xlsx"
    assert run("--lang", lang, "sheet", PROFILE, str(folder), "--stage", "samtale2", "--out",
               str(path)).exit_code == 0
    book = load_workbook(path)
    sheet = book.worksheets[0]
    ids = [c.value for c in sheet[3]]
    rows = {sheet.cell(r, 1).value: r for r in range(FIRST_SCORE_ROW, sheet.max_row + 1)}
    typed = sheet.cell(rows[second["id"]], len(ids))
    typed.value = "går videre"
    sheet.cell(rows[second["id"]], FIRST_SCORE_COLUMN).value = 4
    sheet.cell(rows[second["id"]], ids.index("assessor") + 1).value = "Udvalget"
    book.save(path)
    result = run("--lang", lang, "import", "scores", str(path), "--into", str(folder))
    assert result.exit_code == 0, result.output
    assert said.format(cell=f"{sheet.title}!{typed.coordinate}") in " ".join(
        result.stderr.split())
    assert result.stderr.count("W304") == 1  # not the decision the sheet itself wrote


def test_the_sheet_finds_a_decision_made_on_a_screening_as_of_another_day(folder, tmp_path,
                                                                         audit_db):
    """Screened --as-of a later day and decided on, the candidate read 'går ikke videre' in
    the interview guide (--as-of that day) but 'Tidligere beslutning …, på andet grundlag'
    in the scoring sheet for the same interview: the sheet had no --as-of and looked for
    decisions on the profile's date only."""
    day = "2024-06-01"
    screened_run = run("screen", PROFILE, str(folder), "--stage", "reference", "--as-of", day,
                       "--format", "json")
    assert screened_run.exit_code == 0, screened_run.output
    first = json.loads(screened_run.stdout)["candidates"][0]
    run_id = AuditStore(audit_db).runs()[-1]["run"]
    flag = "--confirm" if first["knockouts"] else "--stop"
    assert run("decide", run_id, first["id"], flag, "--operator", "Formand", "--reason",
               "Ikke nok ledelse").exit_code == 0
    guide = run("guide", PROFILE, str(folder), "--stage", "samtale2", "--as-of", day)
    assert "Stående beslutning: går ikke videre" in guide.stdout
    path = tmp_path / "samtale2.xlsx"
    result = run("sheet", PROFILE, str(folder), "--stage", "samtale2", "--as-of", day,
                 "--out", str(path))
    assert result.exit_code == 0, result.output
    sheet = load_workbook(path)[SCORE_SHEET]
    decided = {sheet.cell(r, 1).value: sheet.cell(r, sheet.max_column).value
               for r in range(FIRST_SCORE_ROW, sheet.max_row + 1)}
    assert decided[first["id"]].startswith("Stående beslutning: går ikke videre")


@pytest.mark.parametrize("lang,words", [("da", "Ikke med: "), ("en", "Not included: ")])
def test_the_sheet_says_which_inputs_it_leaves_out_and_still_reads_back(tmp_path, folder,
                                                                       lang, words):
    """A record that could not be read was left out of the scoring sheet with no word: the
    panel scored the candidates in it as if no one else were to be interviewed."""
    broken = folder / "k99-broken.yaml"
    broken.write_text("id: k99\npositions: [{title: X}]\n", encoding="utf-8")
    path = tmp_path / "scores.xlsx"
    result = run("--lang", lang, "sheet", PROFILE, str(folder), "--stage", STAGE, "--out",
                 str(path))
    assert result.exit_code == 0, result.output
    sheet = load_workbook(path).worksheets[0]
    rows = list(sheet.iter_rows(min_row=FIRST_SCORE_ROW, values_only=True))
    assert len(rows) == len(list(EXAMPLES.iterdir())) + 2
    assert rows[-2] == (None,) * len(rows[-2])
    assert rows[-1][0].startswith(words) and str(broken) in rows[-1][0]
    broken.unlink()  # import refuses a folder with a record it cannot read
    imported = run("import", "scores", str(path), "--into", str(folder))
    assert imported.exit_code == 0, imported.output


def test_a_sheet_without_decisions_has_no_decision_column(tmp_path):
    ids = [c.value for c in load_workbook(blank_sheet(EXAMPLES, tmp_path))[SCORE_SHEET][3]]
    assert ids[-2:] == ["source", "assessor"]


def test_the_english_sheet_names_its_stage_in_english(tmp_path):
    """The title said 'Assessments samtale2: …' in an English sheet; the source column keeps
    the code the import reads."""
    out = tmp_path / "scores.xlsx"
    result = run("--lang", "en", "sheet", PROFILE, str(EXAMPLES), "--stage", "samtale2",
                 "--out", str(out))
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out)["Assessments"]
    assert sheet["A1"].value.startswith("Assessments second interview: ")
    sources = {row[-2] for row in sheet.iter_rows(min_row=FIRST_SCORE_ROW, values_only=True)}
    assert sources == {"samtale2"}


def test_the_english_sheet_is_named_in_english_and_reads_back_in_either_language(folder,
                                                                               tmp_path):
    """The English sheet's tab was 'Vurderinger', and an English import located its cells
    as 'Vurderinger!D5'."""
    (candidate, _, competency), *_ = single_competency_gaps(folder)
    path = tmp_path / "scores.xlsx"
    result = run("--lang", "en", "sheet", PROFILE, str(folder), "--stage", STAGE, "--out",
                 str(path))
    assert result.exit_code == 0, result.output
    book = load_workbook(path)
    assert book.sheetnames == ["Assessments"]
    sheet = book["Assessments"]
    columns = {cell.value: cell.column for cell in sheet[3]}
    row = row_of(sheet, candidate)
    cell = sheet.cell(row, columns[competency])
    cell.value = "four"
    book.save(path)
    refused = run("--lang", "en", "import", "scores", str(path), "--into", str(folder))
    assert refused.exit_code == 2
    assert f"Assessments!{cell.coordinate}: " in refused.stderr
    assert "Vurderinger" not in refused.stderr
    book["Assessments"][cell.coordinate].value = 4
    book.save(path)
    imported = run("import", "scores", str(path), "--into", str(folder))
    assert imported.exit_code == 0, imported.output
    outcome = next(o for o in screened(folder).result(candidate).outcomes
                   if isinstance(o.criterion.when, cond.Assessed)
                   and o.criterion.when.competency == competency)
    assert outcome.status != "ikke_belyst"


def test_a_name_that_reads_as_a_formula_stays_text_in_the_sheet(folder, tmp_path):
    """A record's name comes from the applicant (or a JSON Resume): written as it is, a name
    starting with '=' became a live formula (a link, a lookup) in the consultant's Excel."""
    formula = '=HYPERLINK("http://example.invalid","Klik")'
    record = sorted(folder.glob("*.yaml"))[0]
    text = record.read_text("utf-8")
    (line,) = [n for n, row in enumerate(text.splitlines()) if row.startswith("personal:")]
    rows = text.splitlines()
    rows[line] = f"personal: {{name: '{formula}'}}"
    record.write_text("\n".join(rows) + "\n", "utf-8")
    path = blank_sheet(folder, tmp_path)
    sheet = load_workbook(path)[SCORE_SHEET]
    names = {sheet.cell(row, 2).value: sheet.cell(row, 2)
             for row in range(FIRST_SCORE_ROW, sheet.max_row + 1)}
    assert names[formula].data_type == "s"  # a string, not a formula
    result = run("import", "scores", str(path), "--into", str(folder))
    assert result.exit_code == 0, result.output


def test_a_name_or_rule_file_with_control_characters_makes_a_workbook_not_an_internal_error(
        folder, tmp_path):
    """A name typed with a bell or an escape (`name: "Mette\\x07 Kjær"`), or a criterion name
    with one, stopped `sheet` and `screen --format xlsx` with 'intern fejl:
    IllegalCharacterError' (exit 3): openpyxl holds no such character."""
    record = sorted(folder.glob("*.yaml"))[0]
    text = record.read_text("utf-8")
    (line,) = [n for n, row in enumerate(text.splitlines()) if row.startswith("personal:")]
    rows = text.splitlines()
    rows[line] = 'personal: {name: "Mette\\x07\\x1b[2J Kjær\\u202e"}'
    record.write_text("\n".join(rows) + "\n", "utf-8")
    rules = tmp_path / "rules"
    rules.mkdir()
    rule_file = find_profile(PROFILE, ROOT / "rules")
    (rules / rule_file.name).write_text(rule_file.read_text("utf-8").replace(
        "\n    name: ", '\n    name: "Kriteriet\\x07" # ', 1), "utf-8")
    sheet, workbook = tmp_path / "ark.xlsx", tmp_path / "screening.xlsx"
    for args in (["sheet", PROFILE, str(folder), "--stage", STAGE, "--out", str(sheet)],
                 ["screen", PROFILE, str(folder), "--format", "xlsx", "--out", str(workbook)]):
        result = CliRunner().invoke(main, [*args, "--rules-dir", str(rules)])
        assert result.exit_code == 0, result.output
    scores = load_workbook(sheet)[SCORE_SHEET]
    names = [scores.cell(row, 2).value for row in range(FIRST_SCORE_ROW, scores.max_row + 1)]
    assert "Mette[2J Kjær" in names
    criteria = [row[1] for row in load_workbook(workbook).worksheets[1].iter_rows(
        values_only=True)]
    assert "Kriteriet" in criteria


def test_the_blank_sheet_has_the_stages_competencies_quotes_and_validation(tmp_path):
    path = blank_sheet(EXAMPLES, tmp_path)
    sheet = load_workbook(path)[SCORE_SHEET]
    profile = load_profile(find_profile(PROFILE, ROOT / "rules"))
    ids = [c.value for c in sheet[3]][FIRST_SCORE_COLUMN - 1:-2]
    read_at_stage = {n.competency for c in profile.criteria if STAGE in c.sources
                     for tree in (c.when, c.partial) if tree is not None
                     for n in cond.walk(tree) if isinstance(n, cond.Assessed)}
    assert set(ids) == read_at_stage and ids
    assert [c.value for c in sheet[2]][FIRST_SCORE_COLUMN - 1] == profile.competencies[ids[0]]
    assert all(sheet.cell(4, FIRST_SCORE_COLUMN + n).value for n in range(len(ids)))
    candidates = [sheet.cell(r, 1).value for r in range(FIRST_SCORE_ROW, sheet.max_row + 1)]
    assert candidates == sorted(r.id for r in screened(EXAMPLES).results)
    validations = sheet.data_validations.dataValidation
    whole = next(v for v in validations if v.type == "whole")
    assert (whole.operator, whole.formula1, whole.formula2) == ("between", "1", "5")
    first = f"{sheet.cell(FIRST_SCORE_ROW, FIRST_SCORE_COLUMN).coordinate}"
    assert first in whole.sqref and sheet.cell(FIRST_SCORE_ROW, 3 + len(ids)).value == STAGE


def test_the_blank_sheet_asks_only_for_scores_the_criteria_take_at_its_stage(tmp_path):
    """A criterion assessed at samtale1 whose `assessed` takes the competency `by:` samtale2
    only: the samtale1 sheet asked for a score that counted at no stage."""
    text = (ROOT / "rules" / f"{PROFILE}.yaml").read_text(encoding="utf-8")
    assert text.count("when: {assessed: politisk_forstaaelse}") == 1
    rules = tmp_path / f"{PROFILE}.yaml"
    rules.write_text(text.replace("when: {assessed: politisk_forstaaelse}",
                                  "when: {assessed: politisk_forstaaelse, by: [samtale2]}"),
                     encoding="utf-8")
    profile = load_profile(rules)
    assert "politisk_forstaaelse" not in stage_competencies(profile, "samtale1")
    assert "politisk_forstaaelse" in stage_competencies(profile, "samtale2")
    assert "politisk_forstaaelse" in stage_competencies(
        load_profile(find_profile(PROFILE, ROOT / "rules")), "samtale1")


def single_competency_gaps(folder: Path) -> list[tuple[str, str, str]]:
    """(candidate, criterion, competency): criteria judged on one competency at this stage
    that are not belyst yet."""
    return [(r.id, o.criterion.id, o.criterion.when.competency)
            for r in screened(folder).results for o in r.outcomes
            if o.status == "ikke_belyst" and isinstance(o.criterion.when, cond.Assessed)
            and o.criterion.partial is None and STAGE in o.criterion.sources]


def test_a_filled_sheet_round_trips_into_the_records_and_changes_the_screening(folder,
                                                                              tmp_path):
    gaps = single_competency_gaps(folder)
    candidate = gaps[0][0]
    chosen = [g for g in gaps if g[0] == candidate][:3]
    assert len(chosen) == 3, gaps
    scores = dict(zip(chosen, (5, 3, 2), strict=True))
    path = blank_sheet(folder, tmp_path)
    fill(path, {(c, k): score for (c, _, k), score in scores.items()})
    first_line = next(folder.glob(f"{candidate}.*")).read_text("utf-8").splitlines()[0]
    result = run("import", "scores", str(path), "--into", str(folder))
    assert result.exit_code == 0, result.output
    after = {o.criterion.id: o for o in screened(folder).result(candidate).outcomes}
    assert {criterion: after[criterion].status for (_, criterion, _) in scores} == dict(
        zip([g[1] for g in scores], ["opfyldt", "delvist", "ikke_opfyldt"], strict=True))
    record = next(folder.glob(f"{candidate}.*"))
    assert record.read_text("utf-8").splitlines()[0] == first_line  # comments are kept
    loaded, _ = load_records([record])
    added = [a for a in loaded[0].record.assessments if a.assessor == "Udvalget"]
    assert {(a.competency, a.source, a.score) for a in added} == \
        {(k, STAGE, s) for (_, _, k), s in scores.items()}
    # a corrected sheet imported again replaces the scores rather than adding to them
    assert run("import", "scores", str(path), "--into", str(folder)).exit_code == 0
    loaded, _ = load_records([record])
    assert len([a for a in loaded[0].record.assessments if a.assessor == "Udvalget"]) == 3


def test_a_row_imported_again_with_its_assessor_named_replaces_its_scores(folder, tmp_path):
    """A sheet imported without an assessor, then corrected to name one (and again to
    another name), kept every import's scores: one judgement counted two and three times,
    moving the mean and the spread. A row of a sheet is one judgement; the record's other
    assessments stay, and a sheet written anew for a second assessor adds to it."""
    gaps = single_competency_gaps(folder)
    candidate = gaps[0][0]
    (_, _, k1), (_, _, k2) = [g for g in gaps if g[0] == candidate][:2]
    record = next(folder.glob(f"{candidate}.*"))
    before = load_records([record])[0][0].record.assessments
    path = blank_sheet(folder, tmp_path)

    def imported(scores: dict[str, int | None], assessor: str | None, sheet: Path = path):
        fill(sheet, {(candidate, k): score for k, score in scores.items()}, assessor)
        result = run("import", "scores", str(sheet), "--into", str(folder))
        assert result.exit_code == 0, result.output
        after = load_records([record])[0][0].record.assessments
        assert after[:len(before)] == before  # what did not come from a sheet is kept
        return {(a.competency, a.source, a.score, a.assessor) for a in after[len(before):]}

    assert imported({k1: 4, k2: 3}, None) == {(k1, STAGE, 4, None), (k2, STAGE, 3, None)}
    assert imported({k1: 5}, "Borgmester") == {(k1, STAGE, 5, "Borgmester"),
                                               (k2, STAGE, 3, "Borgmester")}
    # another name where one was given: a corrected name, or a second assessor on a copy
    # of the sheet (`test_two_assessors_on_copies_of_one_sheet_never_replace_each_other`);
    # corrected in the record too, the row replaces its scores
    record.write_text(record.read_text(encoding="utf-8").replace("Borgmester", "Formand"),
                      encoding="utf-8")
    assert imported({k1: None, k2: 2}, "Formand") == {(k2, STAGE, 2, "Formand")}
    second = tmp_path / "second"
    second.mkdir()
    assert imported({k1: 1}, "Konsulent", blank_sheet(folder, second)) == {
        (k2, STAGE, 2, "Formand"), (k1, STAGE, 1, "Konsulent")}


def test_a_row_emptied_by_its_assessor_takes_back_what_its_earlier_import_wrote(folder,
                                                                                tmp_path):
    """Scores typed in the wrong candidate's row, then moved to the right one in a
    corrected copy: the emptied row's earlier import stayed, and the judgement counted for
    both candidates. A row that still names its assessor and holds no score is that
    assessor's row emptied; a row left blank may be one another assessor's copy did not
    fill, and what it wrote before stays."""
    gaps = single_competency_gaps(folder)
    wrong, _, competency = gaps[0]
    right = next(c for c, _, k in gaps if c != wrong and k == competency)
    path = blank_sheet(folder, tmp_path)

    def imported(scores: dict[str, int | None], assessor: str | None = "Borgmester"):
        fill(path, {(c, competency): score for c, score in scores.items()}, assessor)
        result = run("import", "scores", str(path), "--into", str(folder))
        assert result.exit_code == 0, result.output
        return {c: [a.score for a in load_records([next(folder.glob(f"{c}.*"))])[0][0]
                    .record.assessments if a.sheet] for c in (wrong, right)}

    assert imported({wrong: 4}) == {wrong: [4], right: []}
    assert imported({wrong: None, right: 4}, None) == {wrong: [4], right: [4]}
    assert imported({wrong: None, right: 4}) == {wrong: [], right: [4]}


def test_two_assessors_on_copies_of_one_sheet_never_replace_each_other(folder, tmp_path):
    """Two assessors fill copies of one written sheet: the second import replaced the
    first's scores (a row read in again replaces what it wrote), and a judgement was lost
    without a word. Refused, located, nothing written; in English too."""
    candidate, _, competency = single_competency_gaps(folder)[0]
    record = next(folder.glob(f"{candidate}.*"))
    path = blank_sheet(folder, tmp_path)
    fill(path, {(candidate, competency): 4}, "Borgmester")
    assert run("import", "scores", str(path), "--into", str(folder)).exit_code == 0
    written = record.read_bytes()
    for lang, words in (("da", "blev læst ind fra dette ark med bedømmer 'Borgmester', nu "
                               "'Formand'"),
                        ("en", "was read in from this sheet with assessor 'Borgmester', now "
                               "'Formand'")):
        fill(path, {(candidate, competency): 2}, "Formand")
        refused = run("--lang", lang, "import", "scores", str(path), "--into", str(folder))
        assert refused.exit_code == 2, refused.output
        assert "E305" in refused.output and words in refused.output
        assert f"{SCORE_SHEET}!A" in refused.output  # the sheet was written in Danish
        assert record.read_bytes() == written


def test_a_second_sheet_by_an_unnamed_assessor_adds_and_a_corrected_source_moves_the_row(
        folder, tmp_path):
    """Two sheets of one round, each filled by an assessor who gave no name: the second
    import replaced the first's score (same competency, source and no assessor), and a
    judgement was lost without a word. A row corrected from one source to another moves
    that row's score, and leaves the other sheet's score where it is."""
    profile = load_profile(find_profile(PROFILE, ROOT / "rules"))
    candidate, competency, later = next(
        (c, k, s) for c, _, k in single_competency_gaps(folder)
        for s in SOURCES[SOURCES.index(STAGE) + 1:] if k in stage_competencies(profile, s))
    record = next(folder.glob(f"{candidate}.*"))
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    first, second = blank_sheet(folder, first), blank_sheet(folder, second)

    def imported(sheet: Path, score: int, source: str = STAGE):
        fill(sheet, {(candidate, competency): score}, None)
        book = load_workbook(sheet)
        rows = book[SCORE_SHEET]
        row = next(r for r in range(FIRST_SCORE_ROW, rows.max_row + 1)
                   if rows.cell(r, 1).value == candidate)
        rows.cell(row, [c.value for c in rows[3]].index("source") + 1).value = source
        book.save(sheet)
        result = run("import", "scores", str(sheet), "--into", str(folder))
        assert result.exit_code == 0, result.output
        return sorted((a.source, a.score) for a in load_records([record])[0][0].record.assessments
                      if a.competency == competency and a.sheet)

    assert imported(first, 4) == [(STAGE, 4)]
    assert imported(second, 2) == [(STAGE, 2), (STAGE, 4)]
    assert imported(first, 4, later) == sorted([(STAGE, 2), (later, 4)])
    assert imported(second, 3, later) == [(later, 3), (later, 4)]


def test_a_corrected_score_keeps_the_note_beside_it(folder, tmp_path):
    """A referee's note stands beside the score in the record; importing a corrected score
    of the same competency, source and assessor removed the assessment and added a new one
    without its note."""
    loaded, problems = load_records([folder])
    assert not problems
    candidate, made = next((r.record.id, a) for r in loaded for a in r.record.assessments
                           if a.note and a.assessor)
    profile = load_profile(find_profile(PROFILE, ROOT / "rules"))
    assert made.competency in stage_competencies(profile, made.source)
    path = tmp_path / "scores.xlsx"
    result = run("sheet", PROFILE, str(folder), "--stage", made.source, "--out", str(path))
    assert result.exit_code == 0, result.output
    book = load_workbook(path)
    sheet = book[SCORE_SHEET]
    columns = {cell.value: cell.column for cell in sheet[3]}
    row = row_of(sheet, candidate)
    corrected = 5 if made.score != 5 else 4
    sheet.cell(row, columns[made.competency]).value = corrected
    sheet.cell(row, columns["assessor"]).value = made.assessor
    book.save(path)
    record = next(r for r in loaded if r.record.id == candidate)
    result = run("import", "scores", str(path), "--into", str(folder))
    assert result.exit_code == 0, result.output
    (after,) = load_records([record.path])[0]
    same = [a for a in after.record.assessments
            if (a.competency, a.source, a.assessor) == (made.competency, made.source,
                                                       made.assessor)]
    assert [(a.score, a.note) for a in same] == [(corrected, made.note)]
    assert len(after.record.assessments) == len(record.record.assessments)


def test_every_bad_cell_is_reported_and_nothing_is_written(folder, tmp_path):
    gaps = single_competency_gaps(folder)
    (c1, _, k1), (c2, _, k2) = gaps[0], next(g for g in gaps if g[0] != gaps[0][0])
    path = blank_sheet(folder, tmp_path)
    fill(path, {(c1, k1): 4, (c2, k2): 7})
    book = load_workbook(path)
    sheet = book[SCORE_SHEET]
    columns = {cell.value: cell.column for cell in sheet[3]}
    rows = {sheet.cell(r, 1).value: r for r in range(FIRST_SCORE_ROW, sheet.max_row + 1)}
    sheet.cell(rows[c1], columns[k2]).value = "fire"
    sheet.cell(rows[c1], columns["source"]).value = "samtale3"
    bad_score = sheet.cell(rows[c2], columns[k2]).coordinate
    word = sheet.cell(rows[c1], columns[k2]).coordinate
    source = sheet.cell(rows[c1], columns["source"]).coordinate
    book.save(path)
    before = digests(folder)
    result = run("import", "scores", str(path), "--into", str(folder))
    assert result.exit_code == 2
    for cell in (bad_score, word, source):
        assert f"{SCORE_SHEET}!{cell}:" in result.stderr, cell
    assert "Traceback" not in result.output
    assert digests(folder) == before


def test_a_score_excel_keeps_as_text_is_the_number_and_a_cell_of_spaces_is_empty(folder,
                                                                                 tmp_path):
    # a column formatted as text, or a pasted value: Excel keeps the 4 as the text "4"
    gaps = single_competency_gaps(folder)
    candidate = gaps[0][0]
    (_, _, k1), (_, _, k2) = [g for g in gaps if g[0] == candidate][:2]
    path = blank_sheet(folder, tmp_path)
    fill(path, {(candidate, k1): " 4", (candidate, k2): "  "})
    result = run("import", "scores", str(path), "--into", str(folder))
    assert result.exit_code == 0, result.output
    loaded, _ = load_records([next(folder.glob(f"{candidate}.*"))])
    assert [(a.competency, a.score) for a in loaded[0].record.assessments
            if a.assessor == "Udvalget"] == [(k1, 4)]


@pytest.mark.parametrize(("lang", "shown"), [
    ("da", ["scoren 2024-04-05 er", "scoren 4,5 er", "scoren '4,5' er"]),
    ("en", ["score 2024-04-05 is", "score 4.5 is", "score '4,5' is"])])
def test_a_bad_score_is_named_as_the_sheet_shows_it(folder, tmp_path, lang, shown):
    from datetime import datetime

    gaps = single_competency_gaps(folder)
    candidate = gaps[0][0]
    (_, _, k1), (_, _, k2), (_, _, k3) = [g for g in gaps if g[0] == candidate][:3]
    path = blank_sheet(folder, tmp_path)
    fill(path, {(candidate, k1): datetime(2024, 4, 5), (candidate, k2): 4.5,
                (candidate, k3): "4,5"})  # "4-5" that Excel made a date, a decimal, text
    result = CliRunner().invoke(main, ["import", "scores", str(path), "--into", str(folder)],
                                env={"SCREENING_LANG": lang})
    assert result.exit_code == 2
    for said in shown:
        assert said in result.stderr
    assert "datetime" not in result.stderr


@pytest.mark.parametrize(("lang", "shown"), [("da", "scoren SAND er"),
                                             ("en", "score TRUE is")])
def test_a_logical_cell_is_named_as_excel_shows_it(folder, tmp_path, lang, shown):
    """A ticked cell (TRUE, SAND in a Danish Excel) was reported as 'scoren ja'."""
    candidate, _, competency = single_competency_gaps(folder)[0]
    path = blank_sheet(folder, tmp_path)
    fill(path, {(candidate, competency): True})
    result = CliRunner().invoke(main, ["import", "scores", str(path), "--into", str(folder)],
                                env={"SCREENING_LANG": lang})
    assert result.exit_code == 2
    assert shown in result.stderr


@pytest.mark.parametrize(("lang", "shown"), [("da", "scoren 4,0000000001 er"),
                                             ("en", "score 4.0000000001 is")])
def test_a_score_all_but_whole_is_named_with_every_digit(folder, tmp_path, lang, shown):
    """A cell holding 4.0000000001 (a sum or a pasted value) was refused as 'scoren 4 er
    ikke et helt tal': a number shown to six digits hid why."""
    candidate, _, competency = single_competency_gaps(folder)[0]
    path = blank_sheet(folder, tmp_path)
    fill(path, {(candidate, competency): 4.0000000001})
    result = CliRunner().invoke(main, ["import", "scores", str(path), "--into", str(folder)],
                                env={"SCREENING_LANG": lang})
    assert result.exit_code == 2
    assert shown in result.stderr


def test_an_unknown_candidate_in_the_sheet_writes_nothing(folder, tmp_path):
    (c1, _, k1) = single_competency_gaps(folder)[0]
    path = blank_sheet(folder, tmp_path)
    fill(path, {(c1, k1): 4, ("k99-ukendt", k1): 3})
    before = digests(folder)
    result = run("import", "scores", str(path), "--into", str(folder))
    assert result.exit_code == 2
    assert f"{SCORE_SHEET}!A{FIRST_SCORE_ROW + 8}: ingen post for kandidaten 'k99-ukendt'" in \
        result.stderr
    assert digests(folder) == before


@pytest.mark.parametrize(("lang", "said"), [("da", "mente du"), ("en", "did you mean")])
def test_a_candidate_id_changed_in_the_sheet_is_offered_the_nearest_record(folder, tmp_path,
                                                                         lang, said):
    """An id typed over in Excel ("…-lykk" for "…-lykke") got "no record" and no more."""
    candidate, _, competency = single_competency_gaps(folder)[0]
    path = blank_sheet(folder, tmp_path)
    fill(path, {(candidate, competency): 4})
    book = load_workbook(path)
    cell = next(row[0] for row in book[SCORE_SHEET].iter_rows(min_row=FIRST_SCORE_ROW)
                if row[0].value == candidate)
    cell.value = candidate[:-1]
    book.save(path)
    result = CliRunner().invoke(main, ["import", "scores", str(path), "--into", str(folder)],
                                env={"SCREENING_LANG": lang})
    assert result.exit_code == 2
    assert f"'{candidate[:-1]}'" in result.stderr
    assert f"({said} '{candidate}'?)" in result.stderr


def test_a_file_that_is_not_a_workbook_is_refused(folder, tmp_path):
    path = tmp_path / "scores.xlsx"
    path.write_text("not a workbook", "utf-8")
    result = run("import", "scores", str(path), "--into", str(folder))
    assert result.exit_code == 2 and "E301" in result.stderr


def _open_document_spreadsheet() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as container:
        container.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        container.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


@pytest.mark.parametrize("lang, content, said", [
    # Excel saves a workbook with a password as a compound file, as it saved an old .xls
    ("da", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000),
     "E301 projektmappen er beskyttet med en adgangskode eller er en gammel "
     "Excel-projektmappe (.xls): gem en kopi uden adgangskode som .xlsx"),
    ("en", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000),
     "E301 the workbook is protected with a password, or is an old Excel workbook (.xls): "
     "save a copy without a password as .xlsx"),
    ("da", "id;navn;indsigt_fagomraader\nk01-mette-kjaer;Mette Kjær;4\n".encode("cp1252"),
     "E301 en tekstfil (en CSV?), ikke en .xlsx-projektmappe: åbn den i Excel, og gem den "
     "som Excel-projektmappe (.xlsx)"),
    ("en", codecs.BOM_UTF16_LE + "id\tscore\n".encode("utf-16-le"),
     "E301 a text file (a CSV?), not an .xlsx workbook: open it in Excel and save it as an "
     "Excel workbook (.xlsx)"),
    ("da", _open_document_spreadsheet(),
     "E301 et OpenDocument-regneark (.ods), ikke en .xlsx-projektmappe: gem det som "
     "Excel-projektmappe (.xlsx)"),
    ("en", _open_document_spreadsheet(),
     "E301 an OpenDocument spreadsheet (.ods), not an .xlsx workbook: save it as an Excel "
     "workbook (.xlsx)"),
], ids=["protected-da", "protected-en", "csv-da", "utf16-en", "ods-da", "ods-en"])
def test_a_file_that_is_another_kind_than_a_workbook_says_which_and_how_to_save_it(
        folder, tmp_path, lang, content, said):
    """A workbook saved with a password (or an old .xls), a CSV and a LibreOffice sheet
    renamed .xlsx were each 'ikke en .xlsx-projektmappe (BadZipFile)' or '(KeyError)':
    Python's name for the fault, and not what to do."""
    path = tmp_path / "scores.xlsx"
    path.write_bytes(content)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = run("--lang", lang, "import", "scores", str(path), "--into", str(folder))
    assert result.exit_code == 2, result.output
    assert f"{path}: {said}" in " ".join(result.stderr.split())
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


@pytest.mark.parametrize("lang, said", [
    ("da", "E301 projektmappen er beskadiget indeni"),
    ("en", "E301 the workbook is damaged inside"),
])
@pytest.mark.parametrize("entity", [
    # an entity expanded a billion times (a few kB of XML), and one read from another file
    '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(8)) + "]>",
    '<!ENTITY i SYSTEM "file:///etc/hostname">]>',
], ids=["billion-laughs", "external"])
def test_a_workbook_whose_xml_declares_entities_is_refused_unread(folder, tmp_path, lang, said,
                                                                  entity):
    """A sheet whose XML declares entities (never Excel's doing) is refused, nothing read
    from another file and nothing expanded, and said as a workbook damaged inside, not 'not
    an .xlsx workbook (ParseError)', Python's name for the fault, of what is one."""
    written = tmp_path / "blank.xlsx"
    assert run("sheet", PROFILE, str(folder), "--stage", STAGE, "--out",
               str(written)).exit_code == 0
    path = tmp_path / "scores.xlsx"
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(path, "w") as target:
        for part in source.infolist():
            data = source.read(part.filename)
            if part.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                data = ('<?xml version="1.0"?><!DOCTYPE worksheet [' + entity
                        + text[text.index("<worksheet"):].replace("<is><t>", "<is><t>&i;", 1)
                        ).encode("utf-8")
            target.writestr(part, data)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = run("--lang", lang, "import", "scores", str(path), "--into", str(folder))
    assert result.exit_code == 2, result.output
    assert f"{path}: {said}" in result.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_the_summary_csv_with_decimal_commas_keeps_its_rows_and_ids():
    dot = run("screen", PROFILE, str(EXAMPLES), "--format", "csv", "--no-audit")
    comma = run("screen", PROFILE, str(EXAMPLES), "--format", "csv", "--decimal", "comma",
                "--no-audit")
    assert dot.exit_code == comma.exit_code == 0
    plain = list(csv.DictReader(io.StringIO(dot.stdout)))
    danish = list(csv.DictReader(io.StringIO(comma.stdout), delimiter=";"))
    assert [r["id"] for r in danish] == [r["id"] for r in plain]
    assert [r["score"] for r in danish] == [r["score"].replace(".", ",") for r in plain]
    assert any("," in r["coverage"] for r in danish)


def test_a_sheet_without_candidates_has_validated_rows_to_fill_in(tmp_path):
    out = tmp_path / "scores.xlsx"
    result = run("sheet", PROFILE, "--stage", "reference", "--out", str(out))
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out)[SCORE_SHEET]
    source_column = [c.value for c in sheet[3]].index("source") + 1
    rows = range(FIRST_SCORE_ROW, sheet.max_row + 1)
    assert len(rows) == BLANK_ROWS
    assert all(sheet.cell(r, 1).value is None for r in rows)
    assert all(sheet.cell(r, source_column).value == "reference" for r in rows)
    whole = next(v for v in sheet.data_validations.dataValidation if v.type == "whole")
    assert sheet.cell(sheet.max_row, source_column - 1).coordinate in whole.sqref


def test_importing_scores_only_adds_lines_to_a_record(folder, tmp_path):
    """The consultant's record keeps every line as written, long ones too (a flow mapping
    of over 100 characters was folded, leaving a trailing space); the scores are added."""
    candidate, _, competency = single_competency_gaps(folder)[0]
    record = next(folder.glob(f"{candidate}.*"))
    assert max(map(len, record.read_text("utf-8").splitlines())) > 100  # the shipped records
    assert_import_only_adds(folder, tmp_path, record, candidate, competency)


def assert_import_only_adds(folder, tmp_path, record, candidate: str, competency: str) -> None:
    """A score of `candidate` for `competency` imported into `record` adds lines to it and
    changes none."""
    before = record.read_text("utf-8").splitlines()
    path = blank_sheet(folder, tmp_path)
    fill(path, {(candidate, competency): 4})
    assert run("import", "scores", str(path), "--into", str(folder)).exit_code == 0
    after = record.read_text("utf-8").splitlines()
    changes = difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    assert {op for op, *_ in changes} == {"equal", "insert"}, [
        (before[i:j], after[k:m]) for op, i, j, k, m in changes if op != "equal"]


def test_importing_scores_keeps_the_comments_beside_a_records_assessments(folder, tmp_path):
    """A consultant's comment at the end of an assessment's line ('# samtalen gik godt')
    was lost by every import, even one that only added a score: the list of assessments was
    replaced as a whole, and the comments beside its items with it."""
    candidate, _, competency = single_competency_gaps(folder)[0]
    record = next(folder.glob(f"{candidate}.*"))
    lines = record.read_text("utf-8").splitlines(keepends=True)
    commented = [n for n, line in enumerate(lines) if line.lstrip().startswith("- {competency:")]
    assert commented, "the record has no assessment to comment on"
    for n in commented:
        lines[n] = lines[n].rstrip("\n") + f"  # note {n}\n"
    record.write_text("".join(lines), "utf-8")
    assert_import_only_adds(folder, tmp_path, record, candidate, competency)


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_importing_scores_keeps_a_records_byte_order_mark_and_windows_line_ends(
        folder, tmp_path, suffix):
    """A record saved by Notepad (a byte order mark, CRLF) changes only by the lines added;
    a JSON record with a byte order mark was an internal error."""
    candidate, _, competency = single_competency_gaps(folder)[0]
    record = next(folder.glob(f"{candidate}.*"))
    loaded, _ = load_records([record])
    if suffix == ".json":
        record.unlink()
        record = record.with_suffix(".json")
        record.write_text(json.dumps(loaded[0].record.model_dump(mode="json",
                                                                 exclude_none=True),
                                     ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    windows = codecs.BOM_UTF8 + record.read_bytes().replace(b"\n", b"\r\n")
    record.write_bytes(windows)
    path = blank_sheet(folder, tmp_path)
    fill(path, {(candidate, competency): 4})
    result = run("import", "scores", str(path), "--into", str(folder))
    assert result.exit_code == 0, result.output
    after = record.read_bytes()
    assert after.startswith(codecs.BOM_UTF8) and b"\n" not in after.replace(b"\r\n", b"")
    if suffix == ".yaml":  # JSON is written again whole; YAML keeps every line
        assert set(windows.decode("utf-8-sig").split("\r\n")) <= \
            set(after.decode("utf-8-sig").split("\r\n"))
    reloaded, _ = load_records([record])
    assert any(a.competency == competency and a.score == 4
               for a in reloaded[0].record.assessments)


@pytest.mark.parametrize("lang, said", [("da", "E007 kan ikke skrive her"),
                                        ("en", "E007 cannot write here")])
def test_a_record_that_cannot_be_replaced_leaves_every_record_as_it_was(folder, tmp_path,
                                                                       monkeypatch, lang, said):
    """All records or none: a record the import could not replace (made immutable, or a
    folder put in its place) after others were replaced left those changed, and was an
    internal error."""
    gaps = single_competency_gaps(folder)
    chosen = {c: (c, k) for c, _, k in reversed(gaps)}
    assert len(chosen) >= 2
    path = blank_sheet(folder, tmp_path)
    fill(path, {key: 4 for key in chosen.values()})
    replace = os.replace
    replaced: list[Path] = []

    def refused(source, target):  # the second record, once the first is replaced
        if replaced and Path(target) not in replaced:
            raise PermissionError(1, "Operation not permitted")
        replace(source, target)
        replaced.append(Path(target))

    monkeypatch.setattr(os, "replace", refused)
    result = refused_import(path, folder, lang)
    assert replaced and said in result.stderr and "Traceback" not in result.output


def test_a_stray_cell_at_the_sheets_far_corner_is_no_reason_to_hang(folder, tmp_path):
    """A space typed in XFD1048576 (Ctrl+End, then a key) made the import build every
    cell of the rectangle up to it: it never ended, taking gigabytes. Run in a process of
    its own with 1.5 GB of address space, where that fails at once."""
    candidate, _, competency = single_competency_gaps(folder)[0]
    path = blank_sheet(folder, tmp_path)
    fill(path, {(candidate, competency): 4})
    book = load_workbook(path)
    book[SCORE_SHEET]["XFD1048576"] = " "
    book.save(path)
    limit = 1_500_000_000
    done = subprocess.run(
        [SCRIPT, "import", "scores", str(path), "--into",
         str(folder)], capture_output=True, text=True, timeout=300,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)))
    assert done.returncode == 0, done.stderr
    assert "1 vurdering(er) til 1 kandidat(er)" in done.stderr


def test_a_workbook_that_unpacks_to_too_much_is_refused_before_it_is_read(folder, tmp_path):
    """A zip bomb: a file of under 1 MB whose sheet unpacks to 10,000,000 bytes of rows
    took half a minute and 600 MB to read, and more took the machine's memory."""
    path = blank_sheet(folder, tmp_path)
    sheet_part = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as original:
        parts = {info.filename: original.read(info) for info in original.infolist()}
    row = '<row r="{0}"><c r="C{0}" t="n"><v>4</v></c></row>'
    rows = "".join(row.format(n) for n in range(100, 100 + MAX_UNPACKED_BYTES // 40))
    parts[sheet_part] = parts[sheet_part].replace(b"</sheetData>",
                                                  rows.encode() + b"</sheetData>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for name, data in parts.items():
            bomb.writestr(name, data)
    assert path.stat().st_size < 5_000_000
    before = digests(folder)
    result = run("--lang", "en", "import", "scores", str(path), "--into", str(folder))
    assert result.exit_code == 2
    assert f"E002 the file unpacks to more than {MAX_UNPACKED_BYTES} bytes" in result.stderr
    assert digests(folder) == before


def test_a_fifo_named_as_the_workbook_is_refused_not_waited_for(folder, tmp_path):
    fifo = tmp_path / "scores.xlsx"
    os.mkfifo(fifo)
    done = subprocess.run([SCRIPT, "import", "scores", str(fifo),
                           "--into", str(folder)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "E001 ikke en almindelig fil" in done.stderr


def test_a_score_of_thousands_of_digits_is_a_bad_cell_not_an_internal_error(folder,
                                                                           tmp_path):
    candidate, _, competency = single_competency_gaps(folder)[0]
    path = blank_sheet(folder, tmp_path)
    fill(path, {(candidate, competency): "9" * 5000})
    result = run("import", "scores", str(path), "--into", str(folder))
    assert result.exit_code == 2
    assert "E303" in result.stderr and "intern fejl" not in result.stderr


def _with_part(path: Path, part: str, change) -> None:
    with zipfile.ZipFile(path) as original:
        parts = {info.filename: original.read(info) for info in original.infolist()}
    parts[part] = change(parts[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as written:
        for name, data in parts.items():
            written.writestr(name, data)


@pytest.mark.parametrize("lang, said", [
    ("da", "formlen =2+2 er gemt uden sin værdi (et ark udfyldt af et program): skriv "
           "scoren, eller åbn og gem arket i Excel"),
    ("en", "the formula =2+2 has no value saved with it (a sheet filled by a program): type "
           "the score, or open and save the sheet in Excel")])
def test_a_formula_saved_without_its_value_is_a_bad_cell_not_a_score_dropped(folder, tmp_path,
                                                                            lang, said):
    """A sheet filled by a script (openpyxl saves no formula's value): the cell read as
    empty, and 'Læst ind: 0 vurdering(er)' said nothing of the score. A formula saved with
    its value, as Excel saves it, is that value."""
    gaps = single_competency_gaps(folder)
    (c1, _, k1), (c2, _, k2) = gaps[0], next(g for g in gaps if g[0] != gaps[0][0])
    path = blank_sheet(folder, tmp_path)
    fill(path, {(c1, k1): "=2+2", (c2, k2): 3})
    book = load_workbook(path)
    cell = book[SCORE_SHEET].cell(
        next(r for r in range(FIRST_SCORE_ROW, book[SCORE_SHEET].max_row + 1)
             if book[SCORE_SHEET].cell(r, 1).value == c1),
        next(c.column for c in book[SCORE_SHEET][3] if c.value == k1)).coordinate
    result = refused_import(path, folder, lang)
    assert f"{SCORE_SHEET}!{cell}: {said}" in result.stderr
    _with_part(path, "xl/worksheets/sheet1.xml",
               lambda xml: xml.replace(b"<f>2+2</f><v></v>", b"<f>2+2</f><v>4</v>"))
    assert run("import", "scores", str(path), "--into", str(folder)).exit_code == 0
    scores = {(s.competency, s.score) for s in load_records([next(folder.glob(f"{c1}.*"))])[0][0]
              .record.assessments}
    assert (k1, 4) in scores


@pytest.mark.parametrize("column", ["assessor", "source"])
@pytest.mark.parametrize("lang, said", [
    ("da", "formlen =B1 er gemt uden sin værdi (et ark udfyldt af et program): skriv "
           "teksten, eller åbn og gem arket i Excel"),
    ("en", "the formula =B1 has no value saved with it (a sheet filled by a program): type "
           "the text, or open and save the sheet in Excel")])
def test_an_assessor_or_source_held_as_a_formula_without_its_value_is_a_bad_cell(
        folder, tmp_path, column, lang, said):
    """A sheet filled by a script that wrote the assessor as a formula (openpyxl saves no
    value): the scores were read in with no assessor, and the name was lost without a
    word. Located like a score cell with the same problem; nothing is written."""
    candidate, _, competency = single_competency_gaps(folder)[0]
    path = blank_sheet(folder, tmp_path)
    fill(path, {(candidate, competency): 4})
    book = load_workbook(path)
    sheet = book[SCORE_SHEET]
    row = row_of(sheet, candidate)
    cell = sheet.cell(row, [c.value for c in sheet[3]].index(column) + 1)
    cell.value = "=B1"
    book.save(path)
    result = refused_import(path, folder, lang)
    assert f"{SCORE_SHEET}!{cell.coordinate}: {said}" in result.stderr


@pytest.mark.parametrize("lang, unknown, not_taken", [
    ("da", "kompetencen '{typo}' findes ikke i profilen {profile}; vurderingen tæller ikke med "
           "(mente du '{competency}'?)",
     "intet kriterium tager kompetencen '{competency}' fra {source}: vurderingen tæller ikke "
     "med"),
    ("en", "competency '{typo}' is not in profile {profile}; the assessment counts for "
           "nothing (did you mean '{competency}'?)",
     "no criterion takes competency '{competency}' from {source}: the assessment counts for "
     "nothing")])
def test_a_score_the_sheets_profile_would_not_count_is_refused_at_its_cell(folder, tmp_path,
                                                                          lang, unknown,
                                                                          not_taken):
    """A competency id typed over in the sheet, or a row's source the profile does not take
    the competency from: the import wrote the scores, and screening found them only as
    W101/W103 afterwards, judgements counting for nothing. The sheet names its profile."""
    profile = load_profile(find_profile(PROFILE, ROOT / "rules"))
    gaps = single_competency_gaps(folder)
    c1, _, k1 = gaps[0]
    c2, k2, source = next((c, k, s) for c, _, k in gaps if c != c1 and k != k1
                          for s in SOURCES if k not in stage_competencies(profile, s))
    path = blank_sheet(folder, tmp_path)
    fill(path, {(c1, k1): 4, (c2, k2): 3})
    book = load_workbook(path)
    sheet = book[SCORE_SHEET]
    columns = {cell.value: cell.column for cell in sheet[3]}
    rows = {sheet.cell(r, 1).value: r for r in range(FIRST_SCORE_ROW, sheet.max_row + 1)}
    typo = k1 + "x"
    sheet.cell(3, columns[k1]).value = typo
    sheet.cell(rows[c2], columns["source"]).value = source
    book.save(path)
    result = refused_import(path, folder, lang)
    first = sheet.cell(rows[c1], columns[k1]).coordinate
    second = sheet.cell(rows[c2], columns[k2]).coordinate
    assert f"E306 {SCORE_SHEET}!{first}: " + unknown.format(
        typo=typo, profile=PROFILE, competency=k1) in result.stderr
    assert f"E306 {SCORE_SHEET}!{second}: " + not_taken.format(
        competency=k2, source=source) in result.stderr


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_sheet_written_before_it_named_its_profile_in_b4_is_checked_by_its_title(
        folder, tmp_path, lang):
    """A sheet written before B4 held the profile's id went in unchecked: a competency id
    typed over in its third row became a judgement that counts for nothing. Its title (A1)
    has always named the profile, in the language it was written in."""
    candidate, _, competency = single_competency_gaps(folder)[0]
    path = tmp_path / "scores.xlsx"
    written = run("--lang", lang, "sheet", PROFILE, str(folder), "--stage", STAGE,
                  "--out", str(path))
    assert written.exit_code == 0, written.output
    book = load_workbook(path)
    sheet = book.worksheets[0]
    sheet["B4"] = None  # as sheets were written before
    columns = {cell.value: cell.column for cell in sheet[3]}
    rows = {sheet.cell(r, 1).value: r for r in range(FIRST_SCORE_ROW, sheet.max_row + 1)}
    sheet.cell(3, columns[competency]).value = competency + "x"
    score = sheet.cell(rows[candidate], columns[competency])
    score.value = 4
    book.save(path)
    result = refused_import(path, folder, lang)
    assert f"E306 {sheet.title}!{score.coordinate}: " in result.stderr


@pytest.mark.parametrize("lang, said", [
    ("da", "W303 arket nævner ingen profil (ved siden af 'Profilen' i B4 eller i titlen i A1)"),
    ("en", "W303 the sheet names no profile (beside 'Profilen' in B4, nor in its title in A1)")])
def test_a_sheet_that_names_no_profile_says_its_scores_go_in_unchecked(folder, tmp_path,
                                                                      lang, said):
    """With B4 and the title both typed over, nothing tells which profile counts the scores:
    they went in unchecked without a word."""
    candidate, _, competency = single_competency_gaps(folder)[0]
    path = blank_sheet(folder, tmp_path)
    fill(path, {(candidate, competency): 4})
    book = load_workbook(path)
    sheet = book[SCORE_SHEET]
    sheet["A1"], sheet["B4"] = "Udvalgets scorer", None
    book.save(path)
    result = run("--lang", lang, "import", "scores", str(path), "--into", str(folder))
    assert result.exit_code == 0, result.output
    assert said in result.stderr


def test_a_sheet_whose_profile_cannot_be_read_goes_in_with_a_warning(folder, tmp_path):
    candidate, _, competency = single_competency_gaps(folder)[0]
    path = blank_sheet(folder, tmp_path)
    fill(path, {(candidate, competency): 4})
    elsewhere = tmp_path / "rules"
    elsewhere.mkdir()
    for lang, said in (("da", f"W301 arket er skrevet til profilen {PROFILE}, som ikke kunne "
                              "læses"),
                       ("en", f"W301 the sheet was written for profile {PROFILE}, which could "
                              "not be read")):
        result = CliRunner().invoke(main, ["--lang", lang, "import", "scores", str(path),
                                           "--into", str(folder), "--rules-dir",
                                           str(elsewhere)])
        assert result.exit_code == 0, result.output
        assert said in result.stderr


@pytest.mark.parametrize("lang, said", [
    ("da", "W302 arket har intet id ved siden af 'id' (B3)"),
    ("en", "W302 the sheet has no id beside 'id' (B3)")])
def test_a_sheet_without_an_id_read_in_again_with_the_assessor_named_replaces_its_score(
        folder, tmp_path, lang, said):
    """A sheet written before sheets had an id, read in without an assessor, then again
    with the name added: the score counted twice, once named and once not. The same
    competency, source and score, without an assessor and claimed by no sheet, is the row's
    earlier import; what no rule can tell apart is named as a risk on each import."""
    candidate, _, competency = single_competency_gaps(folder)[0]
    record = next(folder.glob(f"{candidate}.*"))
    path = blank_sheet(folder, tmp_path)
    book = load_workbook(path)
    book[SCORE_SHEET].cell(3, 2).value = None  # as sheets were written before they had ids
    book.save(path)

    def imported(assessor: str | None):
        fill(path, {(candidate, competency): 4}, assessor)
        result = run("--lang", lang, "import", "scores", str(path), "--into", str(folder))
        assert result.exit_code == 0, result.output
        assert said in result.stderr
        return [(a.source, a.score, a.assessor, a.sheet)
                for a in load_records([record])[0][0].record.assessments
                if (a.competency, a.source) == (competency, STAGE)]

    assert imported(None) == [(STAGE, 4, None, None)]
    assert imported("Borgmester") == [(STAGE, 4, "Borgmester", None)]


@pytest.mark.parametrize("lang, said", [("da", "E007 filen er skrivebeskyttet"),
                                        ("en", "E007 the file is read-only")])
def test_a_read_only_record_is_not_replaced_and_no_record_is_written(folder, tmp_path, lang,
                                                                     said):
    """A record made read-only (signed off, say) was replaced all the same: a rename over a
    file needs no permission on it. Refused, located, and no other record written."""
    gaps = single_competency_gaps(folder)
    (c1, _, k1), (c2, _, k2) = gaps[0], next(g for g in gaps if g[0] != gaps[0][0])
    path = blank_sheet(folder, tmp_path)
    fill(path, {(c1, k1): 4, (c2, k2): 3})
    locked = next(folder.glob(f"{c2}.*"))
    locked.chmod(0o444)
    result = refused_import(path, folder, lang)
    assert f"{locked}: {said}" in result.stderr
    assert oct(locked.stat().st_mode & 0o777) == oct(0o444)


@pytest.mark.parametrize("lang, said", [
    ("da", "E301 {copy}: også et scoringsark, ved siden af '{sheet}', hvis scorer ikke ville "
           "blive læst"),
    ("en", "E301 {copy}: a scoring sheet too, beside '{sheet}', whose scores would not be "
           "read")])
def test_a_copy_of_the_scoring_tab_is_refused_not_passed_over(folder, tmp_path, lang, said):
    """A second assessor scored in a copy of the tab ('Vurderinger Copy'): the import read
    the first tab, wrote its scores, and the copy's judgements were lost without a word."""
    gaps = single_competency_gaps(folder)
    first, _, competency = gaps[0]
    second = next(c for c, _, _ in gaps if c != first)
    path = blank_sheet(folder, tmp_path)
    fill(path, {(first, competency): 4})
    book = load_workbook(path)
    copy = book.copy_worksheet(book[SCORE_SHEET])
    columns = {cell.value: cell.column for cell in copy[3]}
    row = next(r for r in range(FIRST_SCORE_ROW, copy.max_row + 1)
               if copy.cell(r, 1).value == second)
    copy.cell(row, columns[competency]).value = 3
    book.save(path)
    result = refused_import(path, folder, lang)
    assert said.format(copy=copy.title, sheet=SCORE_SHEET) in result.stderr


def test_a_competency_column_moved_past_the_source_still_reads(folder, tmp_path):
    """A consultant moved a competency's column to the end (cut and insert in Excel, its id
    in the third row with it): its scores were passed over, and the import said it had read
    the others only."""
    candidate, _, competency = single_competency_gaps(folder)[0]
    path = blank_sheet(folder, tmp_path)
    fill(path, {(candidate, competency): 4})
    book = load_workbook(path)
    sheet = book[SCORE_SHEET]
    column = [cell.value for cell in sheet[3]].index(competency) + 1
    sheet.move_range(f"{sheet.cell(1, column).coordinate}:"
                     f"{sheet.cell(sheet.max_row, column).coordinate}",
                     cols=sheet.max_column + 1 - column)
    sheet.delete_cols(column)
    sheet.cell(2, sheet.max_column + 1).value = "Noter"  # a note column beside it is no score
    sheet.cell(FIRST_SCORE_ROW, sheet.max_column).value = "god samtale"
    book.save(path)
    result = run("import", "scores", str(path), "--into", str(folder))
    assert result.exit_code == 0, result.output
    (record,), _ = load_records([folder / f"{candidate}.yaml"])
    assert [(a.competency, a.score) for a in record.record.assessments
            if a.source == STAGE and a.competency == competency][-1:] == [(competency, 4)]


def moved_to_the_end(path: Path, column: int) -> None:
    """The sheet's `column` cut and inserted past its last, as a consultant does in Excel."""
    book = load_workbook(path)
    sheet = book[SCORE_SHEET]
    sheet.move_range(f"{sheet.cell(1, column).coordinate}:"
                     f"{sheet.cell(sheet.max_row, column).coordinate}",
                     cols=sheet.max_column + 1 - column)
    sheet.delete_cols(column)
    book.save(path)


@pytest.mark.parametrize("moved", [1, 2], ids=["ids", "names"])
def test_a_candidates_or_names_column_moved_is_read_by_its_label(folder, tmp_path, moved):
    """A consultant moved the names' column (B) to the end: the import read the first
    competency's id as the sheet's id (the scores kept it as `sheet:`, so the next import of
    a corrected copy could not find them) and passed the first competency's scores over;
    with the candidates' column (A) moved, it read the names as candidate ids. Each column
    is now found by its label."""
    candidate, _, competency = single_competency_gaps(folder)[0]
    path = blank_sheet(folder, tmp_path)
    sheet_id = load_workbook(path)[SCORE_SHEET]["B3"].value
    first = load_workbook(path)[SCORE_SHEET].cell(3, FIRST_SCORE_COLUMN).value
    fill(path, {(candidate, competency): 4, (candidate, first): 2})
    moved_to_the_end(path, moved)
    result = run("import", "scores", str(path), "--into", str(folder))
    assert result.exit_code == 0, result.output
    (record,), _ = load_records([folder / f"{candidate}.yaml"])
    imported = {(a.competency, a.score, a.sheet) for a in record.record.assessments
                if a.source == STAGE}
    assert {(competency, 4, sheet_id), (first, 2, sheet_id)} <= imported


@pytest.mark.parametrize("lang, said", [
    ("da", "E302 Vurderinger!2: ingen kolonne alene har overskriften 'Navn'"),
    ("en", "E302 Vurderinger!2: no one column is headed 'Navn'")])
def test_a_sheet_whose_names_column_lost_its_label_is_refused_not_misread(folder, tmp_path,
                                                                          lang, said):
    """Without its label, the names' column (with the sheet's id) cannot be told from a
    competency's: the import says where, and writes nothing."""
    candidate, _, competency = single_competency_gaps(folder)[0]
    path = blank_sheet(folder, tmp_path)
    fill(path, {(candidate, competency): 4})
    book = load_workbook(path)
    book[SCORE_SHEET]["B2"].value = "Fulde navn"
    book.save(path)
    result = refused_import(path, folder, lang)
    assert said in result.output


@pytest.mark.parametrize("lang, said", [
    ("da", "kolonnen er også kolonne {first} ('{label}'): hver kolonne én gang; en anden "
           "bedømmers scorer hører til i et nyt ark (screening sheet)"),
    ("en", "the column is also column {first} ('{label}'): each column once; a second "
           "assessor's scores go in a new sheet (screening sheet)")])
@pytest.mark.parametrize("copied", ["competency", "assessor"])
def test_a_column_copied_in_the_sheet_is_refused_not_read_twice(folder, tmp_path, lang, said,
                                                                copied):
    """A competency's column copied beside itself (a second assessor's scores typed there)
    gave two scores for one competency, source and assessor, and the second replaced the
    first without a word; a copied 'assessor' column was read as the first alone."""
    candidate, _, competency = single_competency_gaps(folder)[0]
    path = blank_sheet(folder, tmp_path)
    fill(path, {(candidate, competency): 4})
    book = load_workbook(path)
    sheet = book[SCORE_SHEET]
    labels = [cell.value for cell in sheet[3]]
    label = competency if copied == "competency" else "assessor"
    first = labels.index(label) + 1
    extra = len(labels) + 1
    for row in range(1, sheet.max_row + 1):
        sheet.cell(row, extra).value = sheet.cell(row, first).value
    book.save(path)
    result = refused_import(path, folder, lang)
    assert (f"{SCORE_SHEET}!{get_column_letter(extra)}3: "
            + said.format(first=get_column_letter(first), label=label)) in result.output


@pytest.mark.parametrize("lang, said", [
    ("da", "flettede celler: 'Udvalget' vises i hver, men kun den første rummer den"),
    ("en", "merged cells: 'Udvalget' shows in each, but only the first holds it")])
def test_merged_cells_over_the_rows_are_a_bad_cell_not_an_assessor_lost(folder, tmp_path,
                                                                         lang, said):
    """One assessor's name merged over two candidates' rows shows beside both in Excel, but
    the file holds it in the first cell only: the second candidate's scores went in with no
    assessor, and a merged score likewise went in for the first candidate only."""
    gaps = single_competency_gaps(folder)
    first, _, competency = gaps[0]
    second = next(c for c, _, _ in gaps if c != first)
    path = blank_sheet(folder, tmp_path)
    fill(path, {(first, competency): 4, (second, competency): 3})
    book = load_workbook(path)
    sheet = book[SCORE_SHEET]
    rows = {sheet.cell(r, 1).value: r for r in range(FIRST_SCORE_ROW, sheet.max_row + 1)}
    if rows[second] < rows[first]:  # the rows in the order they stand
        first, second = second, first
    sheet.move_range(f"A{rows[second]}:{sheet.cell(rows[second], sheet.max_column).coordinate}",
                     rows=rows[first] + 1 - rows[second])  # below the first
    assessor = sheet.cell(rows[first], [c.value for c in sheet[3]].index("assessor") + 1)
    sheet.merge_cells(f"{assessor.coordinate}:{assessor.column_letter}{rows[first] + 1}")
    book.save(path)
    result = refused_import(path, folder, lang)
    assert (f"E303 {SCORE_SHEET}!{assessor.coordinate}:{assessor.column_letter}"
            f"{rows[first] + 1}: {said}") in result.stderr


@pytest.mark.parametrize("lang, said", [("da", "E007 findes allerede; --overwrite erstatter den"),
                                        ("en", "E007 exists already; --overwrite replaces it")])
def test_a_filled_sheet_is_not_replaced_by_a_blank_one_unasked(folder, tmp_path, lang, said):
    """`screening sheet … --out scores.xlsx` run again (the README's command, for a candidate
    added) wrote a blank sheet over the one the assessors had filled: every score lost."""
    out = blank_sheet(folder, tmp_path)
    first = load_records([folder])[0][0].record.id
    competency = sorted(stage_competencies(load_profile(find_profile(PROFILE, ROOT / "rules")),
                                           STAGE))[0]
    fill(out, {(first, competency): 4})
    filled = out.read_bytes()
    args = ["sheet", PROFILE, str(folder), "--stage", STAGE, "--out", str(out)]
    result = run("--lang", lang, *args)
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[-1].endswith(f"{out}: {said}")
    assert out.read_bytes() == filled
    assert run(*args, "--overwrite").exit_code == 0 and out.read_bytes() != filled
    # a device is written through, as every --out writes it: no file of anyone's is there
    assert run(*args[:-1], os.devnull).exit_code == 0


@pytest.mark.parametrize("lang, said", [
    ("da", "kandidaten '{candidate}' står også i række {row}: hver kandidat én række; en anden "
           "bedømmers scorer hører til i et nyt ark (screening sheet)"),
    ("en", "candidate '{candidate}' is also on row {row}: each candidate once; a second "
           "assessor's scores go in a new sheet (screening sheet)")])
def test_a_candidates_row_copied_for_a_second_assessor_says_where_those_scores_go(
        folder, tmp_path, lang, said):
    """A second assessor's scores typed on a copy of the candidate's row were refused as
    'står også i række 5' alone: the panel was not told what to do instead."""
    candidate, _, competency = single_competency_gaps(folder)[0]
    path = blank_sheet(folder, tmp_path)
    fill(path, {(candidate, competency): 4})
    book = load_workbook(path)
    sheet = book[SCORE_SHEET]
    row = row_of(sheet, candidate)
    copy = sheet.max_row + 1
    for column in range(1, sheet.max_column + 1):
        sheet.cell(copy, column).value = sheet.cell(row, column).value
    book.save(path)
    result = refused_import(path, folder, lang)
    assert f"{SCORE_SHEET}!A{copy}: " + said.format(candidate=candidate, row=row) in result.output
