"""The command line through click's CliRunner, and once through the installed console script."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from screening.cli import main
from screening.rulefiles import load_profile

from .conftest import BROKEN, HELSINGOR, ROOT, write

PROFILE = "helsingor-direktor-2024"


def run(*args: str, env: dict | None = None):
    runner = CliRunner()
    return runner.invoke(main, ["--help"] if not args else list(args),
                         env={"SCREENING_RULES": str(ROOT / "rules"), **(env or {})})


def test_screen_table_ranks_and_labels_in_danish(candidates):
    result = run("screen", PROFILE, str(candidates))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "stadie: samtale2" in lines[0]
    assert "Kandidat" in lines[2] and "Anbefaling" in lines[2]
    rows = [line.split()[:2] for line in lines[4:]]
    assert rows == [["1", "strong"], ["2", "sparse"], ["3", "no-leaders"]]
    assert "ledelse-af-ledere" in lines[-1]  # the proposed knock-out is named
    assert "Screenet: 3 · foreslået knock-out: 1" in result.stderr


def test_screen_json_document_shape(candidates):
    result = run("screen", str(HELSINGOR), str(candidates), "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["profile"]["id"] == PROFILE and len(doc["profile"]["sha256"]) == 64
    assert doc["stage"] == "samtale2"
    strong = doc["candidates"][0]
    assert set(strong) == {"id", "rank", "score", "possible", "coverage", "recommendation",
                           "knockouts", "partly_met_knockouts", "categories", "criteria",
                           "decision"}
    assert strong["decision"] is None  # no person has decided on it
    # the range is as wide as what is unknown (each figure rounded to 0.1 on its own)
    assert abs((strong["possible"] - strong["score"]) - (100 - strong["coverage"])) <= 0.15
    assert set(strong["categories"]) == {"faglige", "ledelsesmæssige", "personlige"}
    assert set(strong["categories"]["faglige"]) == {"score", "possible", "coverage"}
    criterion = next(c for c in strong["criteria"] if c["id"] == "relationelle-kompetencer")
    assert criterion["disagreement"] is True
    assert {"path": "assessments[1].score", "value": 2, "source": "reference"} in \
        criterion["evidence"]
    assert set(criterion) >= {"id", "category", "priority", "status", "points", "max_points",
                              "quote", "evidence", "disagreement"}
    knocked = next(c for c in doc["candidates"] if c["id"] == "no-leaders")
    assert knocked["knockouts"] == ["ledelse-hojt-niveau-politisk", "ledelse-af-ledere"]
    assert knocked["partly_met_knockouts"] == []
    assert knocked["recommendation"] == "knockout_foreslået"


def test_screen_stage_leaves_out_later_evidence(candidates):
    early = json.loads(run("screen", PROFILE, str(candidates), "--stage", "samtale1",
                           "--format", "json").stdout)
    strong = next(c for c in early["candidates"] if c["id"] == "strong")
    okonomi = next(c for c in strong["criteria"] if c["id"] == "okonomi-og-jura")
    assert okonomi["status"] == "ikke_belyst"  # its assessments come from samtale2


def test_screen_csv_jsonl_markdown(candidates):
    rows = list(csv.DictReader(io.StringIO(
        run("screen", PROFILE, str(candidates), "--format", "csv").stdout)))
    assert [r["id"] for r in rows] == ["strong", "sparse", "no-leaders"]
    assert rows[2]["knockouts"] == "ledelse-hojt-niveau-politisk ledelse-af-ledere"
    lines = run("screen", PROFILE, str(candidates), "--format", "jsonl").stdout.splitlines()
    streamed = [json.loads(line) for line in lines]  # input order: the files' name order
    assert [c["id"] for c in streamed] == ["no-leaders", "sparse", "strong"]
    assert {c["rank"] for c in streamed} == {None}
    assert streamed[0]["knockouts"] == ["ledelse-hojt-niveau-politisk", "ledelse-af-ledere"]
    # each line says what it was screened against, as the JSON document does
    document = json.loads(run("screen", PROFILE, str(candidates), "--format", "json").stdout)
    profile = document["profile"]
    assert {(c["profile"], c["profile_version"], c["profile_sha256"], c["stage"], c["as_of"])
            for c in streamed} == {(profile["id"], profile["version"], profile["sha256"],
                                    document["stage"], document["as_of"])}
    dated = run("screen", PROFILE, str(candidates), "--format", "jsonl", "--as-of", "2023-05-01")
    assert {json.loads(line)["as_of"] for line in dated.stdout.splitlines()} == {"2023-05-01"}
    markdown = run("screen", PROFILE, str(candidates), "--format", "markdown").stdout
    assert markdown.startswith("## ") and "| Nr." in markdown


def test_json_lines_of_two_versions_of_a_profile_are_told_apart(candidates, tmp_path):
    """A line named the profile by id only: lines joined from runs before and after the rule
    file changed could not be told apart. Each names the version and the sha256 of the rule
    files, as the audit trail keeps them."""
    edited = tmp_path / HELSINGOR.name
    edited.write_text(HELSINGOR.read_text(encoding="utf-8").replace(
        "version: 1.0.0", "version: 1.0.1", 1), encoding="utf-8")
    seen = set()
    for rule_file in (HELSINGOR, edited):
        lines = run("screen", str(rule_file), str(candidates), "--format", "jsonl",
                    "--no-audit").stdout.splitlines()
        seen |= {(c["profile"], c["profile_version"], c["profile_sha256"])
                 for c in map(json.loads, lines)}
    profile = load_profile(edited)
    assert seen == {(PROFILE, "1.0.0", load_profile(HELSINGOR).sha256),
                    (PROFILE, "1.0.1", profile.sha256)}


@pytest.mark.parametrize("language, label, not_label", [("da", "Screener", "Screening"),
                                                        ("en", "Screening", "Screener")])
def test_the_progress_bar_on_a_terminal_is_labelled_in_the_language(monkeypatch, language,
                                                                    label, not_label):
    """On a terminal, `screen`'s progress bar said "Screener" in an English run too."""
    from screening.cli.screen import _progress
    from screening.i18n import set_language

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    set_language(language)
    with _progress() as advance:
        advance(3)
    shown = terminal.getvalue()
    assert label in shown and not_label not in shown, shown


def test_screen_top_and_knockout_filters(candidates):
    top = json.loads(run("screen", PROFILE, str(candidates), "--top", "1",
                         "--format", "json").stdout)
    assert [c["id"] for c in top["candidates"]] == ["strong"]
    write(candidates, "twin.yaml", (candidates / "strong.yaml").read_text().replace(
        "id: strong", "id: twin"))  # ranked as strong: shown with it, never cut by its id
    tied = json.loads(run("screen", PROFILE, str(candidates), "--top", "1",
                          "--format", "json").stdout)
    assert [(c["id"], c["rank"]) for c in tied["candidates"]] == [("strong", 1), ("twin", 1)]
    (candidates / "twin.yaml").unlink()
    only = json.loads(run("screen", PROFILE, str(candidates), "--only-knockouts",
                          "--format", "json").stdout)
    assert [c["id"] for c in only["candidates"]] == ["no-leaders"]
    hidden = json.loads(run("screen", PROFILE, str(candidates), "--hide-knockouts",
                            "--format", "json").stdout)
    assert "no-leaders" not in [c["id"] for c in hidden["candidates"]]
    both = run("screen", PROFILE, str(candidates), "--only-knockouts", "--hide-knockouts")
    assert both.exit_code == 2


def test_screen_out_writes_the_whole_file_and_leaves_no_temporary(candidates, tmp_path):
    target = tmp_path / "resultat.json"
    target.write_text("old")
    result = run("screen", PROFILE, str(candidates), "--format", "json", "--out", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text())["stage"] == "samtale2"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_screen_out_to_a_folder_is_bad_input(candidates, tmp_path):
    result = run("screen", PROFILE, str(candidates), "--out", str(tmp_path))
    assert result.exit_code == 2


def test_invalid_record_is_reported_and_skipped(candidates):
    write(candidates, "broken.yaml", BROKEN)
    result = run("screen", PROFILE, str(candidates), "--format", "json")
    assert result.exit_code == 0
    assert [c["id"] for c in json.loads(result.stdout)["candidates"]] == \
        ["strong", "sparse", "no-leaders"]
    assert "broken.yaml:5:5: E101 positions[0].sector:" in result.stderr
    assert "broken.yaml:7:5: E101 positions[0].leaders_led:" in result.stderr
    assert "ugyldige poster: 1" in result.stderr
    assert "Traceback" not in result.output


def test_the_json_document_names_each_input_it_skipped(candidates, tmp_path):
    """`--format json` left the skipped inputs on stderr only: a machine reading the document
    took it for the whole field. It names each problem of an input it could not screen (a
    file; a line of JSON Lines, a refused second id too), located, with code and message in
    the language chosen, as the report names the inputs it leaves out."""
    write(candidates, "broken.yaml", BROKEN)
    pool = _pool_jsonl(tmp_path / "pulje.jsonl", 3)
    with open(pool, "a", encoding="utf-8") as handle:
        handle.write('{"id": "strong"}\nnot json\n')
    result = run("screen", PROFILE, str(candidates), str(pool), "--format", "json",
                 "--no-audit")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert len(doc["candidates"]) == 6
    skipped = doc["skipped"]
    broken = str(candidates / "broken.yaml")
    assert [(s["input"], s["line"], s["column"], s["field"], s["code"]) for s in skipped] == [
        (broken, 5, 5, "positions[0].sector", "E101"),
        (broken, 7, 5, "positions[0].leaders_led", "E101"),
        (f"{pool}:5", 5, 1, None, "E004"),
        (f"{pool}:4", 4, None, "id", "E102")]
    assert [s["path"] for s in skipped] == [broken, broken, str(pool), str(pool)]
    assert skipped[2]["message"].startswith("ugyldig JSON")
    assert "ugyldige poster: 3" in result.stderr  # the same inputs the summary counts
    english = json.loads(run("--lang", "en", "screen", PROFILE, str(candidates), str(pool),
                             "--format", "json", "--no-audit").stdout)
    assert english["skipped"][2]["message"].startswith("invalid JSON")
    clean = json.loads(run("screen", PROFILE, str(pool), "--format", "json",
                           "--no-audit").stdout)
    assert [s["code"] for s in clean["skipped"]] == ["E004"]  # "strong" is not seen twice


def test_nothing_valid_exits_2_with_the_reasons(tmp_path):
    bad = write(tmp_path, "broken.yaml", BROKEN)
    result = run("screen", PROFILE, str(bad))
    assert result.exit_code == 2
    assert "positions[0].sector" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("args,fragment", [
    (["screen", "no-such-profile", "x.yaml"], "ingen regelfil og ingen profil med dette id"),
    (["screen", PROFILE, "missing.yaml"], "missing.yaml: E001 filen findes ikke"),
    (["explain", PROFILE, "missing.yaml"], "filen findes ikke"),
])
def test_bad_input_exit_2_without_traceback(args, fragment):
    result = run(*args)
    assert result.exit_code == 2
    assert fragment in result.stderr
    assert "Traceback" not in result.output


def test_broken_rule_file_names_file_line_and_column(tmp_path, candidates):
    rule = tmp_path / "profil.yaml"
    text = HELSINGOR.read_text(encoding="utf-8").replace(
        "when: {assessed: kommunikation}", "when: {assessed: kommunikatoin}")
    rule.write_text(text, encoding="utf-8")
    result = run("screen", str(rule), str(candidates))
    assert result.exit_code == 2
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "kommunikatoin" in t)
    assert f"profil.yaml:{line}:" in result.stderr
    assert "ukendt kompetence 'kommunikatoin' (mente du 'kommunikation'?)" in result.stderr


def test_explain_names_knockout_and_what_would_change_it(candidates):
    result = run("explain", PROFILE, str(candidates / "no-leaders.yaml"))
    assert result.exit_code == 0
    text = result.stdout
    assert "Foreslåede knock-outs (skal bekræftes eller underkendes af et menneske): " \
           "ledelse-hojt-niveau-politisk, ledelse-af-ledere" in text
    assert "Opfyldt, hvis: har ledet andre ledere." in text
    assert "positions[0].leaders_led" not in text.split("Erfaring med ledelse af ledere")[0]


def test_explain_criterion_json_and_markdown(candidates):
    data = json.loads(run("explain", PROFILE, str(candidates), "--id", "strong",
                          "--criterion", "mediehaandtering", "--format", "json").stdout)
    (criterion,) = data["candidate"]["criteria"]
    assert criterion["status"] == "opfyldt" and criterion["proposed_knockout"] is False
    assert criterion["would_meet"].startswith("en erfaring hvor type er mediehåndtering")
    markdown = run("explain", PROFILE, str(candidates), "--id", "sparse",
                   "--format", "markdown").stdout
    assert markdown.startswith("# Kandidat sparse") and "\n## Faglige kompetencer" in markdown


def test_explain_json_says_the_date_it_was_judged_as_of_as_screen_json_does(candidates):
    """`explain --format json` said the profile and stage but not the date open-ended
    positions were counted to, on which the years, and so the statuses, depend."""
    for as_of in ([], ["--as-of", "2030-06-01"]):
        args = (PROFILE, str(candidates), "--stage", "reference", *as_of, "--no-audit")
        explained = json.loads(run("explain", *args, "--id", "strong", "--format",
                                   "json").stdout)
        screened = json.loads(run("screen", *args, "--format", "json").stdout)
        assert explained["as_of"] == screened["as_of"] == \
            (as_of[1] if as_of else load_profile(HELSINGOR).meta.date.isoformat())


def test_explain_needs_an_id_among_several_and_suggests(candidates):
    assert run("explain", PROFILE, str(candidates)).exit_code == 2
    result = run("explain", PROFILE, str(candidates), "--id", "strnog")
    assert result.exit_code == 2 and "mente du 'strong'" in result.stderr
    result = run("explain", PROFILE, str(candidates), "--id", "strong",
                 "--criterion", "ledelse-af-leder")
    assert "mente du 'ledelse-af-ledere'" in result.stderr


def test_shortlist_never_takes_a_knockout_and_shows_ties(candidates):
    write(candidates, "twin.yaml", (candidates / "strong.yaml").read_text().replace(
        "id: strong", "id: twin"))
    result = run("shortlist", PROFILE, str(candidates), "--take", "1")
    assert result.exit_code == 0
    text = result.stdout
    assert "Uafgjort om sidste plads" in text and "strong" in text and "twin" in text
    knocked = next(line for line in text.splitlines() if "no-leaders" in line)
    assert knocked.startswith("Foreslået knock-out")
    sparse = next(line for line in text.splitlines() if "sparse" in line)
    assert sparse.startswith("Afventer menneskelig vurdering: utilstrækkeligt belyst")
    assert "2 kandidater står lige om den sidste plads: udvalget vælger." in text
    english = run("--lang", "en", "shortlist", PROFILE, str(candidates), "--take", "1").stdout
    assert "2 candidates are tied for the last place: the committee chooses." in english
    write(candidates, "triplet.yaml", (candidates / "strong.yaml").read_text().replace(
        "id: strong", "id: triplet"))
    text = run("shortlist", PROFILE, str(candidates), "--take", "2").stdout
    assert "3 kandidater står lige om de sidste 2 pladser: udvalget vælger." in text
    # each of them is tied for the last places, not for "the last place"
    tied = [line for line in text.splitlines() if line.startswith("Uafgjort")]
    assert len(tied) == 3 and all(line.startswith("Uafgjort om de sidste pladser")
                                  for line in tied)


def test_a_shortlist_asked_for_more_than_there_are_takes_them_all(candidates):
    count = len(list(candidates.iterdir()))
    result = run("shortlist", PROFILE, str(candidates), "--take", str(count + 10))
    assert result.exit_code == 0, result.output
    # all it can take: a proposed knock-out or too little evidence waits for a person
    goers = sum(line.startswith("Videre") for line in result.stdout.splitlines())
    assert 0 < goers < count
    assert result.stdout.startswith(f"Shortlist: {goers} af {count} til næste runde")


def test_the_shortlist_names_the_records_it_could_not_read(candidates):
    """A record with a mistake was skipped with an error on the consultant's screen only:
    the shortlist handed to the committee ("3 af 3") read as if every applicant were on it,
    and the one whose file could not be read was neither taken nor left out, but absent."""
    write(candidates, "broken.yaml", BROKEN)
    result = run("shortlist", PROFILE, str(candidates), "--take", "1")
    assert result.exit_code == 0, result.output
    broken = candidates / "broken.yaml"
    assert result.stdout.rstrip().endswith(
        f"Ikke med: {broken} kunne ikke læses som kandidatposter og er ikke screenet.")
    english = run("--lang", "en", "shortlist", PROFILE, str(candidates), "--take", "1")
    assert f"Not included: {broken} could not be read as candidate records" in english.stdout
    (candidates / "broken.yaml").unlink()
    assert "Ikke med" not in run("shortlist", PROFILE, str(candidates), "--take", "1").stdout


PRIVATE_CEO = """\
id: ceo
positions:
  - {title: Administrerende direktør, organisation: Nordsjællands Energi A/S, sector: privat,
     start: 2014-01-01, leadership_level: direktion, leaders_led: 5, staff_led: 350}
"""


def test_scores_show_as_a_range_and_a_krav_met_in_part_is_named(candidates):
    write(candidates, "ceo.yaml", PRIVATE_CEO)
    table = run("screen", PROFILE, str(candidates)).stdout
    assert "Score (sikret–mulig)" in table
    ceo = next(line for line in table.splitlines() if " ceo " in line)
    assert "ledelse-hojt-niveau-politisk (kun delvist)" in ceo
    assert "Krav kun delvist opfyldt: foreslået knock-out til vurdering" in ceo
    score, possible = ceo.split()[2].split("–")  # a range: much is not belyst yet
    assert float(score.replace(",", ".")) < float(possible.replace(",", "."))
    text = run("explain", PROFILE, str(candidates), "--id", "ceo").stdout
    assert f"Score {score} af 100 sikret af evidensen, op til " in text
    assert "Foreslået knock-out: kravet er kun delvist opfyldt" in text
    listed = run("shortlist", PROFILE, str(candidates), "--take", "1").stdout
    assert "niveau-politisk (kun delvist)" in listed  # the column wraps at hyphens
    english = run("--lang", "en", "screen", PROFILE, str(candidates)).stdout
    assert "Score (secured–possible)" in english
    assert "Requirement only partly met: proposed knock-out for review" in english
    text = run("--lang", "en", "explain", PROFILE, str(candidates), "--id", "ceo").stdout
    assert f"Score {score.replace(',', '.')} of 100 secured by the evidence" in text
    assert "the requirement is only partly met" in text


def test_profiles_and_profile_show():
    listing = run("profiles").stdout
    assert PROFILE in listing and "Helsingør Kommune" in listing
    shown = run("profile", "show", PROFILE).stdout
    for category in shown.split("\n\n")[1:]:  # krav before ønsker within each category
        kinds = re.findall(r"^- \[(krav|ønske)", category, re.MULTILINE)
        assert kinds == sorted(kinds, key=lambda kind: kind != "krav")
    assert "[krav" in shown
    assert '"Det er afgørende, at du har ledelseserfaring på højt niveau' in shown


def test_lint_clean_and_with_findings(tmp_path):
    assert run("lint", str(HELSINGOR)).exit_code == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(HELSINGOR.read_text(encoding="utf-8").replace(
        ", herunder erfaring med ledelse af ledere\n",
        ", herunder erfaring med ledelse af ledere er et plus\n"), encoding="utf-8")
    result = run("lint", str(bad))
    assert result.exit_code == 1
    assert "L301 ledelse-af-ledere: er et krav, men citatet siger 'et plus'" in result.stdout


def test_schema_commands_print_json_schema():
    candidate = json.loads(run("schema", "candidate").stdout)
    assert "positions" in candidate["properties"]
    profile = json.loads(run("schema", "profile").stdout)
    assert "Condition" in profile["$defs"]


def test_import_jsonresume_reports_guesses(tmp_path):
    resume = tmp_path / "cv.json"
    resume.write_text(json.dumps({
        "basics": {"name": "Ida Berg"},
        "work": [{"name": "Odense Kommune", "position": "Skolechef", "startDate": "2019-08"}],
        "education": [{"studyType": "Master", "area": "Offentlig ledelse", "endDate": "2017"}],
        "skills": [{"name": "x"}]}), encoding="utf-8")
    out = tmp_path / "out"
    result = run("import", "jsonresume", str(resume), "--out-dir", str(out))
    assert result.exit_code == 0, result.output
    record = (out / "ida-berg.yaml").read_text(encoding="utf-8")
    assert "sector: kommune" in record and "leadership_level: chef" in record
    assert "leadership: true" in record
    assert "skills: ikke overført" in result.stderr
    screened = run("screen", PROFILE, str(out / "ida-berg.yaml"))
    assert screened.exit_code == 0


def test_version_names_the_engine():
    result = run("--version")
    assert result.stdout.startswith("screening ") and "durable-rules 2.0.28" in result.stdout


def test_every_command_has_help_with_an_example():
    for command in ("screen", "explain", "shortlist", "profiles", "lint", "schema", "test",
                    "steps", "decide", "audit", "trace", "new", "fields"):
        assert "Eksempel:" in run(command, "--help").stdout, command


@pytest.mark.skipif(shutil.which("screening") is None and not
                    (Path(sys.executable).parent / "screening").exists(),
                    reason="console script not installed")
def test_console_script_runs_in_a_real_process(candidates):
    script = shutil.which("screening") or str(Path(sys.executable).parent / "screening")
    env = {**os.environ, "SCREENING_RULES": str(ROOT / "rules")}
    done = subprocess.run([script, "screen", PROFILE, str(candidates), "--format", "json"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert [c["id"] for c in json.loads(done.stdout)["candidates"]] == \
        ["strong", "sparse", "no-leaders"]
    failed = subprocess.run([script, "screen", PROFILE, str(candidates / "nope.yaml")],
                            capture_output=True, text=True, env=env, timeout=120)
    assert failed.returncode == 2 and "Traceback" not in failed.stderr


def test_english_labels_from_option_and_environment(candidates):
    result = run("--lang", "en", "screen", PROFILE, str(candidates))
    assert "Candidate" in result.stdout and "Recommendation" in result.stdout
    assert "Screened: 3 · proposed knock-out: 1" in result.stderr
    text = run("explain", PROFILE, str(candidates / "no-leaders.yaml"),
               env={"SCREENING_LANG": "en"}).stdout
    assert "Proposed knock-outs (to be confirmed or overridden by a person)" in text
    assert "The tool recommends; the hiring committee decides." in text
    # profile text stays as written
    assert "Erfaring med ledelse af ledere" in text
    danish = run("screen", PROFILE, str(candidates))
    assert "Kandidat" in danish.stdout and "Screenet: 3" in danish.stderr


def _pool_jsonl(path: Path, count: int, broken_line: int | None = None) -> Path:
    """A JSON Lines talent pool of simple, varied records."""
    sectors = ["kommune", "region", "privat", "stat"]
    levels = ["direktion", "chef", "mellemleder", "ingen"]
    lines = []
    for n in range(count):
        record = {"id": f"p{n:05d}", "positions": [{
            "title": "Chef", "organisation": "Org", "sector": sectors[n % 4],
            "start": f"{2000 + n % 20}-01-01", "leadership_level": levels[(n // 4) % 4],
            "leaders_led": n % 5, "domains": ["skole"] if n % 3 else ["sundhed"]}],
            "assessments": [{"competency": "relationelle_kompetencer", "source": "samtale1",
                             "score": 1 + n % 5}]}
        lines.append(json.dumps(record))
    if broken_line is not None:
        lines[broken_line - 1] = lines[broken_line - 1].replace('"leaders_led": ',
                                                                '"leaders_led": -')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_input_reports_bad_lines_by_number_and_screens_the_rest(tmp_path):
    pool = _pool_jsonl(tmp_path / "pulje.jsonl", 30, broken_line=7)
    with open(pool, "a", encoding="utf-8") as handle:
        handle.write('{"id": "p00001"}\nnot json\n')
    result = run("screen", PROFILE, str(pool), "--format", "jsonl")
    assert result.exit_code == 0
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert len(ids) == 29 and "p00006" not in ids and ids == sorted(ids)
    assert f"{pool}:7:1: E101 positions[0].leaders_led:" in result.stderr
    assert f"{pool}:31:1: E102 id: kandidat-id'et 'p00001' bruges også af {pool}:2" \
        in result.stderr
    assert f"{pool}:32:1: E004 ugyldig JSON" in result.stderr
    assert "ugyldige poster: 3" in result.stderr


def test_workers_give_the_same_output_as_one_process(tmp_path):
    pool = _pool_jsonl(tmp_path / "pulje.jsonl", 1300)
    one = run("screen", PROFILE, str(pool), "--format", "json", "--workers", "1")
    two = run("screen", PROFILE, str(pool), "--format", "json", "--workers", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    streamed_one = run("screen", PROFILE, str(pool), "--format", "jsonl", "--workers", "1")
    streamed_two = run("screen", PROFILE, str(pool), "--format", "jsonl", "--workers", "2")
    assert streamed_one.stdout == streamed_two.stdout
    assert len(streamed_two.stdout.splitlines()) == 1300


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_nothing_screened_leaves_the_out_file_as_it_was(tmp_path, fmt):
    """Exit 2, nothing could be screened: a streamed --out is not replaced by an empty file
    any more than a ranked one is."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "positons": []}\n', encoding="utf-8")
    target = tmp_path / f"ud.{fmt}"
    target.write_text("the previous results\n", encoding="utf-8")
    result = run("screen", PROFILE, str(bad), "--format", fmt, "--out", str(target),
                 "--no-audit")
    assert result.exit_code == 2, result.output
    assert "Screenet: 0" in result.stderr and "positons" in result.stderr
    assert target.read_text(encoding="utf-8") == "the previous results\n"


@pytest.mark.parametrize("folder", ["mangler", "tom"])
def test_profiles_in_a_folder_without_profiles_is_a_usage_error(tmp_path, folder):
    """A mistyped --rules-dir (or one holding no profile) is said, not shown as an empty
    table, as lint says it."""
    (tmp_path / "tom").mkdir()
    result = run("profiles", "--rules-dir", str(tmp_path / folder))
    assert result.exit_code == 2, result.output
    assert f"ingen regelfiler i {tmp_path / folder}/" in result.output


def test_profiles_names_where_a_broken_rule_file_goes_wrong(tmp_path):
    """A rule file that does not load was listed as '(fejl i regelfilen)', with no file,
    line or code to go by."""
    (tmp_path / "udkast.yaml").write_text("profile: {id: udkast}\ncriteria: []\nvægt: 2\n",
                                          encoding="utf-8")
    result = run("profiles", "--rules-dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert f"(fejl i regelfilen: {tmp_path / 'udkast.yaml'}:1:" in result.output
    assert " E101)" in result.output


def test_profiles_lists_a_rule_file_that_cannot_even_be_read(tmp_path):
    """A profile whose YAML did not parse (a colon in a quote, a tab) was left out of the
    listing without a word, or, alone in its folder, said 'ingen regelfiler'."""
    (tmp_path / "udkast.yaml").write_text("profile: {id: udkast\ncriteria: []\n",
                                          encoding="utf-8")
    result = run("profiles", "--rules-dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert f"udkast  (fejl i regelfilen: {tmp_path / 'udkast.yaml'}:2:9 E004)" in result.output


def test_jsonl_out_is_written_atomically(tmp_path):
    pool = _pool_jsonl(tmp_path / "pulje.jsonl", 20)
    target = tmp_path / "ud.jsonl"
    result = run("screen", PROFILE, str(pool), "--format", "jsonl", "--out", str(target),
                 "--hide-knockouts")
    assert result.exit_code == 0 and result.stdout == ""
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line)["knockouts"] == [] for line in lines)
    assert run("screen", PROFILE, str(pool), "--format", "jsonl", "--top", "3").exit_code == 2


@pytest.mark.parametrize("lang, said", [("da", "Afbrudt."), ("en", "Interrupted.")])
def test_ctrl_c_exits_130_with_a_word_and_records_nothing(candidates, tmp_path, monkeypatch,
                                                           lang, said):
    """Ctrl-C is the shell's 130, not 1 (which says findings), and leaves no run behind."""
    from screening.screen import Screener

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(Screener, "results", interrupted)
    audit_db = tmp_path / "audit.db"
    result = CliRunner().invoke(main, ["--lang", lang, "screen", str(HELSINGOR),
                                       str(candidates), "--audit-db", str(audit_db)])
    assert result.exit_code == 130, result.output
    assert said in result.stderr and "Traceback" not in result.output
    if audit_db.exists():
        from screening.audit.store import AuditStore

        assert AuditStore(audit_db, read_only=True).runs() == []


@pytest.mark.parametrize("lang, said", [("da", "er ikke UTF-8-tekst"),
                                        ("en", "is not UTF-8 text")])
def test_an_argument_that_is_no_utf8_is_bad_input_named_not_an_internal_error(
        tmp_path, candidates, lang, said):
    # a terminal set to Latin-1 types "Søren" as the byte 0xF8, and a file copied from a
    # zip made on Windows is named so: Python holds it as a lone surrogate, which neither
    # the audit trail nor a cache key can be written with (exit 3, 'intern fejl')
    rule_file = tmp_path / os.fsdecode(b"profil-s\xf8ren.yaml")
    shutil.copy(HELSINGOR, rule_file)
    store = tmp_path / "audit.db"
    for args, named in (
            (["screen", PROFILE, str(candidates), "--operator", os.fsdecode(b"S\xf8ren")],
             "'S\\xf8ren'"),
            (["lint", str(rule_file)], "profil-s\\xf8ren.yaml'")):
        result = run("--lang", lang, *args, env={"SCREENING_AUDIT_DB": str(store)})
        assert result.exit_code == 2, result.output
        assert said in result.stderr and named in result.stderr
        assert "UnicodeEncodeError" not in result.output
    assert not store.exists()


def test_a_name_from_the_environment_that_is_no_utf8_is_said_or_kept_as_text(tmp_path,
                                                                             candidates):
    # `export SCREENING_OPERATOR=Søren` in a profile saved as Latin-1, or a user name so
    # made, reached the audit store as a lone surrogate: 'intern fejl' (exit 3)
    store = tmp_path / "audit.db"
    søren = os.fsdecode(b"S\xf8ren")
    for lang, said in [("da", "miljøvariablen SCREENING_OPERATOR='S\\xf8ren' er ikke UTF-8"),
                       ("en", "the environment variable SCREENING_OPERATOR='S\\xf8ren' is not "
                              "UTF-8")]:
        result = run("--lang", lang, "decide", "nope", "strong", "--stop", "--reason", "x",
                     env={"SCREENING_AUDIT_DB": str(store), "SCREENING_OPERATOR": søren})
        assert result.exit_code == 2, result.output
        assert said in result.stderr
    result = run("screen", PROFILE, str(candidates),
                 env={"SCREENING_AUDIT_DB": str(store), "LOGNAME": søren, "USER": søren})
    assert result.exit_code == 0, result.output
    listed = run("audit", "list", env={"SCREENING_AUDIT_DB": str(store)})
    assert "S\\xf8ren" in listed.stdout
