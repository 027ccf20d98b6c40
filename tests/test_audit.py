"""The audit trail: hash chain and tampering, decisions, erase, replay, concurrent and killed
writers, and bad store files."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from click.testing import CliRunner

from screening.audit.decisions import ProfileKey
from screening.audit.export import score_range_text
from screening.audit.replay import _compare
from screening.audit.store import AuditStore, CandidateInput
from screening.candidates import load_records
from screening.cli import main
from screening.report import number_text
from screening.rulefiles import find_profile, load_profile
from screening.screen import AuditSink, Screener, screen
from screening.vocabulary import STATUSES, label
from screening.wording import value_text

from .conftest import ROOT

EXAMPLES = ROOT / "examples" / "candidates" / "helsingor-direktor-2024"
SCRIPT = shutil.which("screening", path=os.path.dirname(sys.executable)) or "screening"
PROFILE = "helsingor-direktor-2024"


def cli(*args: str):
    return CliRunner().invoke(main, [*args])


def screen_run(audit_db, *extra: str) -> str:
    result = cli("screen", PROFILE, str(EXAMPLES), "--rules-dir", str(ROOT / "rules"),
                 "--audit-db", str(audit_db), "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    (run,) = [r["run"] for r in AuditStore(audit_db).runs()][-1:]
    return run


def tamper(audit_db, sql: str, *params) -> None:
    db = sqlite3.connect(audit_db)
    db.execute(sql, params)
    db.commit()
    db.close()


def test_a_screening_is_recorded_with_rules_inputs_and_every_result(audit_db):
    run = screen_run(audit_db, "--operator", "Konsulent A")
    store = AuditStore(audit_db)
    meta = store.run(run)
    assert meta["operator"] == "Konsulent A"
    assert meta["profile"]["id"] == PROFILE and meta["stage"] == "samtale2"
    assert meta["tool"]["durable_rules"] == "2.0.28"
    assert [f["path"] for f in meta["rule_files"]] == ["helsingor-direktor-2024.yaml"]
    results = store.results(run)
    assert all(len(r["input"]["sha256"]) == 64 and r["input"]["source"].endswith(".yaml")
               for r in results)
    assert [r["rank"] for r in results] == list(range(1, 9))
    jonas = store.result(run, "k04-jonas-vestergaard")
    assert jonas["knockouts"] == ["ledelse-hojt-niveau-politisk", "ledelse-af-ledere"]
    assert jonas["score"] < jonas["possible"] and jonas["partly_met_knockouts"] == []
    assert all(c["quote"] and "evidence" in c for c in jonas["criteria"])
    assert store.verify() == []


def test_personal_data_is_kept_out_of_the_chain_and_erase_keeps_it_verifiable(audit_db):
    run = screen_run(audit_db)
    store = AuditStore(audit_db)
    assert store.personal(run, "k01-mette-kjaer")["name"] == "Mette Kjær"
    chained = " ".join(e.body for e in store.entries())
    assert "Mette Kjær" not in chained and "mette.kjaer@example.dk" not in chained
    result = cli("audit", "erase", "k01-mette-kjaer", "--audit-db", str(audit_db))
    assert result.exit_code == 0 and "1 kørsel" in result.output
    assert store.personal(run, "k01-mette-kjaer") is None
    assert cli("audit", "verify", "--audit-db", str(audit_db)).exit_code == 0
    assert [e.kind for e in store.entries()][-1] == "erasure"


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB file system of the test's own, so that it can be filled for real."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(disk)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("needs a small file system of its own: mount as root")
    yield disk
    subprocess.run(["umount", "--lazy", str(disk)], check=True)  # lazy: open stores linger


@pytest.mark.parametrize("blank", ["   ", "\u200b", "\a"], ids=["spaces", "zero-width", "bell"])
def test_a_blank_operator_names_nobody_and_the_user_name_is_recorded(audit_db, blank):
    """`--operator "  "` was recorded as the one who screened, and as the one who erased a
    candidate's personal data: no one. Blank names nobody, as not giving it does."""
    from screening.audit.store import operator

    run = screen_run(audit_db, "--operator", blank)
    assert AuditStore(audit_db).run(run)["operator"] == operator()
    assert cli("audit", "erase", "k01-mette-kjaer", "--operator", blank,
               "--audit-db", str(audit_db)).exit_code == 0
    erasure = [e for e in AuditStore(audit_db).entries() if e.kind == "erasure"][-1]
    assert json.loads(erasure.body)["by"] == operator()


def test_a_full_disk_does_not_block_an_erasure(small_disk):
    audit_db = small_disk / "revision" / "audit.db"
    run = screen_run(audit_db)
    reserve = audit_db.with_name("audit.db.reserve")
    assert reserve.stat().st_size == 1 << 20 and stat.S_IMODE(reserve.stat().st_mode) == 0o600
    with open(small_disk / "fylder", "wb", buffering=0) as filler, pytest.raises(OSError):
        while True:  # the disk fills up with other things
            filler.write(bytes(1 << 16))
    result = cli("audit", "erase", "k01-mette-kjaer", "--operator", "DPO",
                 "--audit-db", str(audit_db))
    assert result.exit_code == 0 and "1 kørsel" in result.output, result.output
    store = AuditStore(audit_db, create=False)
    assert store.personal(run, "k01-mette-kjaer") is None
    assert [e.kind for e in store.entries()][-1] == "erasure"
    store.close()
    (small_disk / "fylder").unlink()
    screen_run(audit_db)  # with room again, the next screening keeps the reserve anew
    assert reserve.stat().st_size == 1 << 20


@pytest.mark.parametrize("attack,expected", [
    ("UPDATE entries SET body = replace(body, 'ikke_opfyldt', 'opfyldt') WHERE seq = 9",
     "post 9 (result"),
    ("DELETE FROM entries WHERE seq = 4", "post 4 mangler"),
    ("DELETE FROM entries WHERE seq IN (4, 5)", "post 4-5 mangler"),
    # the last entry replaced by one chained alike: only the head's hash tells
    ("UPDATE head SET hash = 'x'", "den sidste post, 9, er ikke den, revisionssporets hoved"),
    ("UPDATE entries SET seq = -seq WHERE seq IN (3, 5)", "i forkert rækkefølge"),
    ("DELETE FROM entries WHERE seq = 9", "skåret af"),
    ("UPDATE blobs SET content = X'00'", "den gemte fil"),
])
def test_editing_deleting_or_reordering_the_file_directly_is_detected(audit_db, attack,
                                                                       expected):
    screen_run(audit_db)
    assert cli("audit", "verify", "--audit-db", str(audit_db)).exit_code == 0
    tamper(audit_db, attack)
    result = cli("audit", "verify", "--audit-db", str(audit_db))
    assert result.exit_code == 1
    assert expected in result.output


def test_swapping_two_entries_is_detected(audit_db):
    screen_run(audit_db)
    db = sqlite3.connect(audit_db)
    (b3,), (b5,) = db.execute("SELECT body FROM entries WHERE seq IN (3, 5) ORDER BY seq")
    db.execute("UPDATE entries SET body = ? WHERE seq = 3", (b5,))
    db.execute("UPDATE entries SET body = ? WHERE seq = 5", (b3,))
    db.commit()
    db.close()
    output = cli("audit", "verify", "--audit-db", str(audit_db)).output
    assert "post 3" in output and "post 5" in output


def test_decisions_are_recorded_and_an_override_needs_a_reason(audit_db):
    run = screen_run(audit_db)
    refused = cli("decide", run, "k04-jonas-vestergaard", "--override", "--audit-db",
                  str(audit_db))
    assert refused.exit_code == 2 and "--reason" in refused.output
    assert cli("decide", run, "k04-jonas-vestergaard", "--override", "--reason", " ",
               "--audit-db", str(audit_db)).exit_code == 2
    ok = cli("decide", run, "k04-jonas-vestergaard", "--override", "--reason",
             "Har ledet ledere som konstitueret skoleleder", "--operator", "Formand",
             "--audit-db", str(audit_db))
    assert ok.exit_code == 0, ok.output
    (decision,) = AuditStore(audit_db).decisions(run, "k04-jonas-vestergaard")
    assert decision["decision"] == "override" and decision["target"] == "knockout"
    assert decision["by"] == "Formand" and decision["reason"].startswith("Har ledet")
    unknown = cli("decide", run, "nobody", "--confirm", "--reason", "r", "--operator", "F",
                  "--audit-db", str(audit_db))
    assert unknown.exit_code == 2 and "ingen kandidat 'nobody'" in unknown.output
    assert cli("audit", "verify", "--audit-db", str(audit_db)).exit_code == 0


def test_export_holds_one_candidates_begrundelse(audit_db):
    run = screen_run(audit_db)
    cli("decide", run, "k04-jonas-vestergaard", "--confirm", "--reason", "Har ikke ledet ledere",
        "--operator", "Formand", "--audit-db", str(audit_db))
    text = cli("audit", "export", run, "--candidate", "k04-jonas-vestergaard",
               "--audit-db", str(audit_db)).output
    assert "# Begrundelse: k04-jonas-vestergaard" in text
    assert "Det er afgørende, at du har ledelseserfaring" in text
    assert "går ikke videre (foreslået knock-out bekræftet): Formand" in text
    assert "k01-mette-kjaer" not in text and "Mette" not in text
    doc = cli("audit", "export", run, "--candidate", "k04-jonas-vestergaard", "--format",
              "json", "--audit-db", str(audit_db)).output
    assert '"decisions"' in doc and '"record_sha256"' in doc


def test_show_reads_the_begrundelse_as_written_and_export_keeps_it_markdown(audit_db):
    """`audit show --candidate` printed the exported Markdown's escapes in the terminal:
    "positions\\[0\\].domains", "derived.har\\_ledet\\_ledere". A reason typed over two
    lines stays one line in both."""
    run = screen_run(audit_db)
    jonas = "k04-jonas-vestergaard"
    cli("decide", run, jonas, "--confirm", "--reason", "Har ikke\nledet_ledere [sic]",
        "--operator", "Formand", "--audit-db", str(audit_db))
    shown = cli("audit", "show", run, "--candidate", jonas, "--audit-db", str(audit_db))
    exported = cli("audit", "export", run, "--candidate", jonas, "--audit-db", str(audit_db))
    assert shown.exit_code == exported.exit_code == 0
    assert "\\" not in shown.output
    assert "ingen stilling hvor fagområder omfatter børn og unge (cv)" in shown.output
    assert "Har ikke ledet_ledere [sic]" in shown.output
    assert "ingen stilling hvor fagområder omfatter børn og unge (cv)" in exported.output
    assert "Har ikke ledet\\_ledere \\[sic\\]" in exported.output
    # the same document apart from the escapes
    assert shown.output.rstrip().endswith(exported.output.replace("\\", "").rstrip())


def test_the_begrundelse_names_each_criterion_in_the_profiles_words(audit_db):
    """The paper handed over on a request for access names each criterion as the profile
    does, with its id beside it; with the run's rule files gone, by its id alone."""
    run = screen_run(audit_db)
    profile = load_profile(find_profile(PROFILE, ROOT / "rules"))
    export = ["audit", "export", run, "--candidate", "k04-jonas-vestergaard", "--audit-db",
              str(audit_db)]
    unescaped = cli(*export).output.replace("\\", "")  # Markdown's escapes
    assert all(f"- **{c.name}** ({c.id}, " in unescaped for c in profile.criteria)
    tamper(audit_db, "DELETE FROM blobs")
    unescaped = cli(*export).output.replace("\\", "")
    assert all(f"- **{c.id}** (" in unescaped for c in profile.criteria)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_explain_and_the_audit_trail_write_scores_and_coverage_as_the_table_does(audit_db,
                                                                                  lang):
    """A whole number kept its decimal in the table ("0,0–97,4", "100,0") but lost it in
    explain, audit show and audit export ("Score 0 af 100", "0–97,4", "73,7–100"), and audit
    show gave coverage without its per cent sign: the papers must read alike."""
    rules = ["--rules-dir", str(ROOT / "rules")]
    run = screen_run(audit_db, "--stage", "reference")
    table = cli("--lang", lang, "screen", PROFILE, str(EXAMPLES), *rules, "--stage",
                "reference", "--audit-db", str(audit_db), "--no-audit").stdout
    shown = cli("--lang", lang, "audit", "show", run, "--audit-db", str(audit_db)).stdout
    whole = [r["id"] for r in AuditStore(audit_db).results(run)
             if any(float(r[k]).is_integer() for k in ("score", "possible", "coverage"))]
    assert whole  # the figures that were written apart
    for candidate in whole:
        row = next(line for line in table.splitlines() if f" {candidate} " in line).split()
        score, coverage = row[2], f"{row[3]} {row[4]}"
        assert coverage.endswith(" %")
        listed = next(line for line in shown.splitlines() if f" {candidate} " in line)
        assert f" {score} " in listed and f" {coverage} " in listed
        export = cli("--lang", lang, "audit", "export", run, "--candidate", candidate,
                     "--audit-db", str(audit_db)).stdout
        assert f"Score {score} " in export and f" {coverage}." in export
        explained = cli("--lang", lang, "explain", PROFILE, str(EXAMPLES), *rules, "--stage",
                        "reference", "--id", candidate, "--audit-db", str(audit_db),
                        "--no-audit").stdout.splitlines()[2]
        secured, possible = score.split("–") if "–" in score else (score, score)
        assert f"Score {secured} " in explained and f" {possible} " in explained
        assert f" {coverage} " in explained


def test_the_begrundelse_shows_the_score_range_and_a_krav_met_only_in_part(audit_db):
    """The knock-out on a krav met in part is marked as screen, explain and shortlist mark
    it: the begrundelse wrote "(krav kun delvist opfyldt)" where they write "(kun delvist)"."""
    run = screen_run(audit_db)
    sofie = AuditStore(audit_db).result(run, "k03-sofie-brandt")
    assert sofie["score"] < sofie["possible"]  # much is not belyst yet
    score_range = f"{value_text(sofie['score'])}–{value_text(sofie['possible'])}"
    text = cli("audit", "export", run, "--candidate", "k03-sofie-brandt",
               "--audit-db", str(audit_db)).output
    assert f"Score {score_range} af 100 (sikret–muligt), dækning " \
           f"{value_text(sofie['coverage'])} %" in text
    assert "Foreslåede knock-outs: ledelse-hojt-niveau-politisk (kun delvist)." in text
    shown = cli("audit", "show", run, "--audit-db", str(audit_db)).output
    assert "Score (sikret–mulig)" in shown and score_range in shown


def test_a_krav_met_only_in_part_is_not_called_unmet_in_show_and_export(audit_db):
    """The recommendation and the knock-outs read as in `screen` and `explain`: a krav met
    only in part is "Krav kun delvist opfyldt", never "Krav ikke opfyldt"."""
    run = screen_run(audit_db)
    sofie = AuditStore(audit_db).result(run, "k03-sofie-brandt")
    assert sofie["knockouts"] == sofie["partly_met_knockouts"] != []
    partly = "Krav kun delvist opfyldt: foreslået knock-out til vurdering"
    text = cli("audit", "export", run, "--candidate", "k03-sofie-brandt",
               "--audit-db", str(audit_db)).output
    assert f"Anbefaling: {partly}." in text and "Krav ikke opfyldt" not in text
    shown = cli("audit", "show", run, "--audit-db", str(audit_db)).output
    (row,) = [line for line in shown.splitlines() if "k03-sofie-brandt" in line]
    assert partly in row and "Krav ikke opfyldt" not in row
    assert f"{sofie['knockouts'][0]} (kun delvist)" in row
    (jonas,) = [line for line in shown.splitlines() if "k04-jonas-vestergaard" in line]
    assert "Krav ikke opfyldt: foreslået knock-out til vurdering" in jonas


def test_runs_recorded_before_the_possible_score_still_show_and_replay():
    """Their results hold one score (over the judged criteria) and no possible score."""
    old = {"id": "k", "rank": 1, "score": 93.8, "coverage": 47.1,
           "recommendation": "anbefales", "knockouts": [], "criteria": []}
    assert score_range_text(old) == "93,8"
    new = {**old, "score": 44.1, "possible": 97.1, "recommendation": "afventer_belysning"}
    assert [(c.what, c.before, c.after) for c in _compare("k", old, new)] == [
        ("recommendation", "anbefales", "afventer_belysning"), ("score", 93.8, 44.1),
        ("possible", None, 97.1)]


def _stricter_rules(tmp_path):
    """A copy of the rules in which leading leaders takes 20 of them, not one: its
    Helsingør rule file."""
    changed = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", changed)
    profile = changed / "helsingor-direktor-2024.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace(
        "where: {field: leaders_led, gte: 1}", "where: {field: leaders_led, gte: 20}"),
        encoding="utf-8")
    return profile


def test_replay_gives_the_same_result_and_shows_what_a_rule_change_does(audit_db, tmp_path):
    run = screen_run(audit_db)
    same = cli("audit", "replay", run, "--audit-db", str(audit_db))
    assert same.exit_code == 0 and "Ingen forskelle" in same.output
    profile = _stricter_rules(tmp_path)
    result = cli("audit", "replay", run, "--rules", str(profile), "--audit-db", str(audit_db))
    assert result.exit_code == 1
    assert "ledelse-af-ledere" in result.output and "k02-anders-lykke" in result.output


def test_replay_names_a_candidate_whose_rank_moves_though_her_figures_do_not(audit_db,
                                                                             tmp_path):
    """A rule change gave three candidates a proposed knock-out, and a candidate with no
    evidence at all moved up past them; replay listed every figure that changed, and not
    her, whose own figures did not: the committee never saw the ranking move."""
    run = screen_run(audit_db)
    before = {r["id"]: r["rank"] for r in AuditStore(audit_db).results(run)}
    profile = _stricter_rules(tmp_path)
    after = {r.id: r.rank for r in screen(load_profile(profile), [
        r.record for r in load_records([EXAMPLES])[0]]).results}
    moved = {cid for cid in before if before[cid] != after[cid]}
    assert moved
    result = cli("audit", "replay", run, "--rules", str(profile), "--audit-db", str(audit_db))
    assert result.exit_code == 1
    rows = {tuple(re.split(r"\s{2,}", line.strip())) for line in result.output.splitlines()}
    for cid in moved:
        assert (cid, "–", "Nr.", str(before[cid]), str(after[cid])) in rows, result.output
    english = cli("--lang", "en", "audit", "replay", run, "--rules", str(profile),
                  "--audit-db", str(audit_db)).output
    assert any(line.split()[2:3] == ["Rank"] for line in english.splitlines())


def test_replay_writes_points_as_explain_and_the_report_do(audit_db, tmp_path):
    """A criterion's points went from '3,0 af 3,0 point' in explain, the report and the
    begrundelse to '3' in the replay of the same run, and '0,5' beside '1' for another."""
    run = screen_run(audit_db)
    result = cli("audit", "replay", run, "--rules", str(_stricter_rules(tmp_path)),
                 "--audit-db", str(audit_db))
    rows = [re.split(r"\s{2,}", line.strip()) for line in result.output.splitlines()]
    points = [row[3:] for row in rows if row[2:3] == ["Point"]]
    assert points
    for shown in points:
        assert all(cell == "–" or re.fullmatch(r"\d+,\d", cell) for cell in shown), shown


def test_explain_and_the_begrundelse_write_points_as_the_report_does(audit_db):
    """The report and the workbook wrote a criterion's points '2,0 af 2,0 point'; explain and
    the begrundelse of audit export wrote the same points '2 af 2 point'."""
    run = screen_run(audit_db, "--stage", "reference")
    candidate = "k02-anders-lykke"
    export = cli("audit", "export", run, "--candidate", candidate, "--audit-db",
                 str(audit_db)).stdout
    explained = cli("explain", PROFILE, str(EXAMPLES), "--rules-dir", str(ROOT / "rules"),
                    "--stage", "reference", "--id", candidate, "--audit-db", str(audit_db),
                    "--no-audit").stdout
    scored = [c for c in AuditStore(audit_db).result(run, candidate)["criteria"]
              if c["points"] is not None]
    assert any(float(c["max_points"]).is_integer() for c in scored)
    for c in scored:
        points = f"{number_text(c['points'])} af {number_text(c['max_points'])} point"
        if c["open_points"]:  # an ønske delvist so far
            points += f", op til {number_text(c['points'] + c['open_points'])} muligt"
        assert f"): {label(STATUSES, c['status'])}, {points}" in export
        assert f": {label(STATUSES, c['status'])}, {points}\n" in explained


@pytest.mark.parametrize(("lang", "heading"), [("da", "Foreslået knock-out"),
                                                ("en", "Proposed knock-out")])
def test_audit_list_counts_proposed_knock_outs_under_that_name(audit_db, lang, heading):
    """The column counting the candidates with a proposed knock-out was headed 'Knock-out',
    as if they were out before a person decided."""
    screen_run(audit_db, "--stage", "reference")
    header = cli("--lang", lang, "audit", "list", "--audit-db", str(audit_db)).stdout
    header = header.splitlines()[0]
    assert f"  {heading}  " in header
    assert "Knock-out " not in header.replace(heading, "")


@pytest.mark.parametrize(("lang", "heading"), [("da", "Besluttet"), ("en", "Decided")])
def test_audit_list_counts_the_candidates_decided_not_the_entries(audit_db, lang, heading):
    """A decision superseded by its opposite is two entries for one candidate: audit list
    said 3 'Beslutninger' for the two candidates a person had decided on."""
    run = screen_run(audit_db)
    first, second = [r["id"] for r in AuditStore(audit_db).results(run) if r["knockouts"]][:2]
    for who, *args in ((first, "--confirm"), (first, "--override", "--supersede"),
                       (second, "--confirm")):
        ok = cli("decide", run, who, *args, "--operator", "Formand", "--reason", "Set",
                 "--audit-db", str(audit_db))
        assert ok.exit_code == 0, ok.output
    assert len(AuditStore(audit_db).decisions(run)) == 3
    table = cli("--lang", lang, "audit", "list", "--audit-db", str(audit_db)).stdout
    header, _, row = table.splitlines()
    assert header.rstrip().endswith(heading)
    assert row.split()[-1] == "2"


def test_a_band_of_the_profile_reads_by_its_label_in_the_audit_trail(audit_db, tmp_path):
    """screen recommended k01-mette-kjaer as 'Anbefales til næste runde', while audit show,
    audit export and replay gave the band's code, 'anbefales'."""
    run = screen_run(audit_db)
    labels = {b.band: b.label
              for b in load_profile(find_profile(PROFILE, ROOT / "rules")).scoring.bands}
    banded = [r for r in AuditStore(audit_db).results(run) if r["recommendation"] in labels]
    assert banded
    shown = cli("audit", "show", run, "--audit-db", str(audit_db)).output
    for r in banded:
        label = labels[r["recommendation"]]
        assert label in next(line for line in shown.splitlines() if f" {r['id']} " in line)
        export = cli("audit", "export", run, "--candidate", r["id"], "--audit-db",
                     str(audit_db)).output
        assert f"Anbefaling: {label}." in export
    changed = tmp_path / "rules"  # the band from 60, not 75: more candidates reach it
    shutil.copytree(ROOT / "rules", changed)
    rule_file = changed / f"{PROFILE}.yaml"
    text = rule_file.read_text(encoding="utf-8")
    assert "{min_score: 75, band: anbefales," in text
    rule_file.write_text(text.replace("{min_score: 75, band: anbefales,",
                                      "{min_score: 60, band: anbefales,"), encoding="utf-8")
    replayed = cli("audit", "replay", run, "--rules", str(rule_file), "--audit-db",
                   str(audit_db)).output
    rows = [[cell.strip() for cell in line.split("Anbefaling", 1)[1].split("  ") if cell]
            for line in replayed.splitlines() if " Anbefaling " in line]
    assert rows and all(row[-1] == labels["anbefales"] for row in rows), replayed


@pytest.mark.parametrize(("language", "words", "foreign"), [
    ("da", ["Status", "ikke opfyldt", "Anbefaling", "Dækning"],
     ["status ", "recommendation", "coverage", "not met"]),
    ("en", ["Status", "not met", "Recommendation", "Coverage"],
     ["ikke opfyldt", "anbefaling", "dækning"])])
def test_replay_shows_what_changed_in_the_chosen_language(audit_db, tmp_path, language,
                                                          words, foreign):
    """The differences read as the other views word them: statuses, recommendations and
    figures in the chosen language, never the stored codes ('ikke_opfyldt', True)."""
    run = screen_run(audit_db)
    profile = _stricter_rules(tmp_path)
    result = cli("--lang", language, "audit", "replay", run, "--rules", str(profile),
                 "--audit-db", str(audit_db))
    assert result.exit_code == 1, result.output
    rows = result.output.splitlines()[2:]
    for word in words:
        assert word in result.output, word
    for word in foreign:
        assert not [row for row in rows if word in row.split("  ", 2)[-1]], word
    assert not [row for row in rows if "_" in row.split()[-1] or row.split()[-1] in
                ("True", "False")]


def test_replay_with_the_rules_of_another_profile_is_refused(audit_db):
    """'What would today's rules change' compares a profile with itself; another profile's
    rules gave a table of every criterion of both as appearing or disappearing."""
    run = screen_run(audit_db)
    result = cli("audit", "replay", run, "--rules", "ishoj-direktoer", "--rules-dir",
                 str(ROOT / "rules"), "--audit-db", str(audit_db))
    assert result.exit_code == 2, result.output
    assert f"E402 kørslen '{run}' er af profilen '{PROFILE}', ikke 'ishoj-direktoer'" in \
        result.output


def test_a_corrupt_or_foreign_file_is_a_clear_error(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    result = cli("audit", "list", "--audit-db", str(junk))
    assert result.exit_code == 2 and "ikke et revisionsspor" in result.output
    foreign = tmp_path / "foreign.db"
    db = sqlite3.connect(foreign)
    db.execute("CREATE TABLE something (x)")
    db.commit()
    db.close()
    result = cli("audit", "verify", "--audit-db", str(foreign))
    assert result.exit_code == 2 and "ikke et revisionsspor fra screening" in result.output
    missing = cli("audit", "list", "--audit-db", str(tmp_path / "none.db"))
    assert missing.exit_code == 2 and "intet revisionsspor her" in missing.output
    assert "Traceback" not in result.output + missing.output


def _screen_process(audit_db, candidates, *extra) -> subprocess.Popen:
    env = dict(os.environ, SCREENING_AUDIT_DB=str(audit_db))
    return subprocess.Popen([SCRIPT, "screen", PROFILE,
                             str(candidates), "--format", "jsonl", "--rules-dir",
                             str(ROOT / "rules"), *extra], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_concurrent_writers_lose_no_entry(audit_db):
    processes = [_screen_process(audit_db, EXAMPLES, "--operator", f"p{n}") for n in range(4)]
    for p in processes:
        assert p.wait(timeout=120) == 0, p.stderr.read()
    store = AuditStore(audit_db)
    runs = store.runs()
    assert sorted(r["operator"] for r in runs) == ["p0", "p1", "p2", "p3"]
    assert all(len(store.results(r["run"])) == 8 for r in runs)
    assert store.verify() == []


def test_a_writer_opening_a_new_store_waits_for_another_that_writes(tmp_path, monkeypatch):
    """The first writers of a new store set its journal mode, which takes the write lock
    without waiting for a process that holds it: one of several screenings recording at
    once failed with E401 "låst". Here another connection takes the write lock just after
    this store's first transaction, and lets go of it 0.3 s later."""
    path = tmp_path / "audit.db"
    AuditStore(path).close()
    plain = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    plain.execute("PRAGMA journal_mode=DELETE")  # as a store no writer has opened yet
    made = AuditStore.transaction

    @contextmanager
    def then_another_writes(self):
        with made(self):
            yield
        if not plain.in_transaction and not self.db.in_transaction:
            plain.execute("BEGIN IMMEDIATE")
            threading.Timer(0.3, plain.execute, ("COMMIT",)).start()

    monkeypatch.setattr(AuditStore, "transaction", then_another_writes)
    store = AuditStore(path)  # E401 before
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    plain.close()


# A writer that pauses inside its write transaction once `rows` results are written: it
# wraps the store's one append in this child process only, so the package carries no hook.
# At the pause it writes the sequence number it reached into `signal` and sleeps until killed.
PAUSING_WRITER = """
import sys, time
from pathlib import Path
from screening.audit.store import AuditStore
from screening.cli import main

signal, rows, args = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
append = AuditStore._append
written = 0

def pausing(self, kind, *rest):
    global written
    seq = append(self, kind, *rest)
    written += kind == "result"
    if written == rows:
        assert self.db.in_transaction, "the pause must be inside the write transaction"
        written_first = signal.with_suffix(".part")  # renamed whole: never read half written
        written_first.write_text(str(seq))
        written_first.rename(signal)
        time.sleep(3600)
    return seq

AuditStore._append = pausing
main(args, prog_name="screening")
"""


def _entries_committed(audit_db) -> int:
    """Read without the write lock (WAL readers never wait for a writer)."""
    db = sqlite3.connect(audit_db.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return db.execute("SELECT count(*) FROM entries").fetchone()[0]
    finally:
        db.close()


@contextmanager
def paused_writer(audit_db, signal_file, rows: int) -> Iterator[int]:
    """A `screen` recording into `audit_db`, paused inside its write transaction once `rows`
    results are written; gives the sequence number it reached, and is killed on leaving."""
    process = subprocess.Popen(
        [sys.executable, "-c", PAUSING_WRITER, str(signal_file), str(rows), "screen", PROFILE,
         str(EXAMPLES), "--format", "jsonl", "--rules-dir", str(ROOT / "rules")],
        cwd=ROOT, env=dict(os.environ, SCREENING_AUDIT_DB=str(audit_db)),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(1200):  # the writer reaches its pause, or ends and says why
            if signal_file.exists() or process.poll() is not None:
                break
            time.sleep(0.1)
        assert signal_file.exists(), process.stderr.read() if process.poll() is not None else ""
        yield int(signal_file.read_text())
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


def test_a_writer_killed_inside_its_transaction_leaves_no_partial_run(audit_db, tmp_path):
    screen_run(audit_db)  # one complete run before
    before = _entries_committed(audit_db)
    with paused_writer(audit_db, tmp_path / "paused", 3) as reached:
        assert reached == before + 4  # the run entry and 3 results written, not committed
        assert _entries_committed(audit_db) == before
    store = AuditStore(audit_db)
    assert store.verify() == []
    assert len(store.runs()) == 1
    assert _entries_committed(audit_db) == before and store.head()[0] == before
    store.close()
    screen_run(audit_db)  # the killed writer left no lock: the next run is written whole
    store = AuditStore(audit_db)
    assert [len(store.results(r["run"])) for r in store.runs()] == [8, 8]
    assert store.verify() == []


@pytest.mark.parametrize("command, shown", [
    (["screen", PROFILE, str(EXAMPLES), "--no-audit", "--rules-dir", str(ROOT / "rules")],
     "Besluttet"),
    (["explain", PROFILE, str(EXAMPLES / "k04-jonas-vestergaard.yaml"), "--no-audit",
      "--rules-dir", str(ROOT / "rules")], "Stående beslutning"),
    (["audit", "list"], "{run}"), (["audit", "verify"], "")])
def test_readers_do_not_wait_for_a_run_being_recorded(audit_db, tmp_path, command, shown):
    """Reading the store (the decisions `screen --no-audit` shows, `audit list`, ...) takes no
    lock: a colleague recording a large run never holds them up (they waited up to 60 s)."""
    run = screen_run(audit_db)
    assert cli("decide", run, "k04-jonas-vestergaard", "--confirm", "--reason", "r",
               "--operator", "F", "--audit-db", str(audit_db)).exit_code == 0
    env = dict(os.environ, SCREENING_AUDIT_DB=str(audit_db))
    with paused_writer(audit_db, tmp_path / "paused", 3):
        done = subprocess.run([SCRIPT, *command], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    assert shown.format(run=run) in done.stdout


def test_a_store_gets_the_index_by_kind_from_its_first_writer_and_readers_write_nothing(
        audit_db):
    """Runs and decisions are found through an index by kind, not by reading every result:
    a store made before the index has it from its next writer; a reader adds nothing."""
    screen_run(audit_db)
    tamper(audit_db, "DROP INDEX entries_kind")
    reader = AuditStore(audit_db, read_only=True)
    assert reader.runs() and reader.decisions_for_inputs(ProfileKey("x"), "samtale2", "2024-01-15",
                                                    {}) == []
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.db.execute("CREATE INDEX entries_kind ON entries (kind, run)")
    reader.close()
    assert not _has_index(audit_db, "entries_kind")
    AuditStore(audit_db, create=False).close()
    assert _has_index(audit_db, "entries_kind")
    db = sqlite3.connect(audit_db)
    plan = db.execute("EXPLAIN QUERY PLAN SELECT body FROM entries WHERE kind = 'run'"
                      ).fetchall()
    db.close()
    assert "entries_kind" in str(plan)


def _has_index(audit_db, name: str) -> bool:
    db = sqlite3.connect(audit_db)
    try:
        return db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
                          "name = ?", (name,)).fetchone()[0] == 1
    finally:
        db.close()


# --- issue 15: verify sees every missing blob and creates nothing; faults are named -------


def test_verify_and_replay_agree_that_deleted_blobs_break_the_store(audit_db):
    run = screen_run(audit_db)
    tamper(audit_db, "DELETE FROM blobs")
    verified = cli("audit", "verify", "--audit-db", str(audit_db))
    assert verified.exit_code == 1
    assert "den gemte fil" in verified.output and "mangler" in verified.output
    replayed = cli("audit", "replay", run, "--audit-db", str(audit_db))
    assert replayed.exit_code == 2 and "mangler eller er ændret" in replayed.output
    # what was recorded still shows, and the begrundelse can still be handed over
    mette = AuditStore(audit_db).result(run, "k01-mette-kjaer")
    shown = cli("audit", "show", run, "--audit-db", str(audit_db))
    assert shown.exit_code == 0, shown.output
    assert mette["recommendation"] in shown.stdout  # the band's code: its label is gone
    exported = cli("audit", "export", run, "--candidate", "k01-mette-kjaer", "--audit-db",
                   str(audit_db))
    assert exported.exit_code == 0, exported.output


def test_verify_refuses_an_empty_file_and_writes_nothing_into_it(tmp_path):
    empty = tmp_path / "audit.db"
    empty.write_bytes(b"")
    verified = cli("audit", "verify", "--audit-db", str(empty))
    assert verified.exit_code == 2
    assert "ikke et revisionsspor (en tom fil)" in verified.output
    assert empty.read_bytes() == b""
    missing = cli("audit", "verify", "--audit-db", str(tmp_path / "nope.db"))
    assert missing.exit_code == 2 and not (tmp_path / "nope.db").exists()


@pytest.mark.parametrize("command", [("audit", "list"), ("screen", PROFILE, str(EXAMPLES)),
                                     ("screen", PROFILE, str(EXAMPLES), "--format", "jsonl")],
                         ids=["audit-list", "screen", "screen-jsonl"])
def test_a_fifo_as_the_audit_store_is_refused_not_waited_for(tmp_path, monkeypatch, command):
    """SCREENING_AUDIT_DB naming a FIFO made every command that opens the store wait for
    ever: SQLite opens it like a file, and nobody writes to it or reads from it."""
    fifo = tmp_path / "audit.db"
    os.mkfifo(fifo)
    monkeypatch.setenv("SCREENING_AUDIT_DB", str(fifo))
    rules = ["--rules-dir", str(ROOT / "rules")] if command[0] == "screen" else []
    result = subprocess.run([SCRIPT, *command, *rules], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2, result.stderr
    assert f"fejl: {fifo}: E401 ikke en almindelig fil" in result.stderr


def test_an_empty_file_named_as_the_store_holds_no_decisions_yet(tmp_path):
    """A store made with mktemp is an empty file: screen recorded its first run in it as a
    table, but refused it as JSON Lines, or with --no-audit, looking up what people had
    decided ('ikke et revisionsspor (en tom fil)', exit 2) before anything was screened."""
    empty = tmp_path / "audit.db"
    empty.write_bytes(b"")
    common = [PROFILE, str(EXAMPLES), "--rules-dir", str(ROOT / "rules"), "--audit-db",
              str(empty)]
    for extra in (["--no-audit"], ["--format", "jsonl", "--no-audit"]):
        result = cli("screen", *common, *extra)
        assert result.exit_code == 0, result.output
        assert empty.read_bytes() == b""
    result = cli("screen", *common, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert len(AuditStore(empty).runs()) == 1


def test_a_new_store_is_private_to_its_owner(tmp_path):
    path = tmp_path / "ny" / "mappe" / "audit.db"
    AuditStore(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


@pytest.mark.parametrize("damage,expected", [
    ("DROP TABLE entries", "revisionssporet er beskadiget (en tabel mangler)"),
    ("DROP TABLE blobs", "revisionssporet er beskadiget (en tabel mangler)"),
    # a store of another version, or altered by hand: sqlite3's English said it
    # ('fejl i revisionssporet: no such column: body')
    ("ALTER TABLE entries RENAME COLUMN body TO text",
     "revisionssporet er beskadiget (en kolonne mangler)"),
])
def test_a_damaged_store_is_a_named_problem_not_an_internal_error(audit_db, damage, expected):
    screen_run(audit_db)
    tamper(audit_db, damage)
    for args in (("audit", "list"), ("audit", "verify"),
                 ("screen", PROFILE, str(EXAMPLES), "--rules-dir", str(ROOT / "rules"))):
        result = cli(*args, "--audit-db", str(audit_db))
        assert result.exit_code == 2, (args, result.output)
        assert expected in result.output and "intern fejl" not in result.output
        assert "no such" not in result.output


def test_a_store_with_corrupt_pages_is_named(audit_db):
    screen_run(audit_db)
    with open(audit_db, "r+b") as handle:  # keep SQLite's header, wreck the pages after it
        handle.seek(4096)
        handle.write(b"\xde\xad" * 8192)
    result = cli("audit", "verify", "--audit-db", str(audit_db))
    assert result.exit_code == 2 and "beskadiget" in result.output, result.output


def test_a_store_whose_entry_is_no_longer_text_is_named(audit_db):
    """Bytes overwritten inside an entry gave sqlite3's English and a piece of the entry:
    "fejl i revisionssporet: Could not decode to UTF-8 column 'body' with text '{…'"."""
    run = screen_run(audit_db)
    tamper(audit_db, "UPDATE entries SET body = CAST(X'7bff7d' AS TEXT) WHERE seq = 2")
    for args in (("audit", "verify"), ("audit", "show", run)):
        result = cli(*args, "--audit-db", str(audit_db))
        assert result.exit_code == 2, (args, result.output)
        assert result.output.endswith("fejl: revisionssporet er beskadiget (en post er ikke "
                                      "længere UTF-8-tekst)\n")
        assert "decode" not in result.output


def test_results_are_not_reported_as_recorded_when_the_disk_is_full(audit_db, monkeypatch):
    from screening.audit import store

    def full(*_args, **_kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store.AuditStore, "record_run", full)
    result = cli("screen", PROFILE, str(EXAMPLES), "--rules-dir", str(ROOT / "rules"),
                 "--audit-db", str(audit_db))
    assert result.exit_code == 2
    assert ("resultaterne blev ikke gemt i revisionssporet: disken med revisionssporet er "
            "fuld") in result.output
    assert "Revisionsspor: kørsel" not in result.output


RUN_COMMANDS = {"screen": [], "shortlist": ["--take", "3"],
                "explain": ["--id", "k04-jonas-vestergaard"]}


@pytest.mark.parametrize("command", sorted(RUN_COMMANDS))
def test_a_run_records_the_command_that_made_it(audit_db, command):
    result = cli(command, PROFILE, str(EXAMPLES), "--rules-dir", str(ROOT / "rules"),
                 "--audit-db", str(audit_db), *RUN_COMMANDS[command])
    assert result.exit_code == 0, result.output
    (run,) = AuditStore(audit_db).runs()
    assert run["command"] == command
    listed = cli("audit", "list", "--audit-db", str(audit_db)).output
    assert "Kommando" in listed and f" {command} " in listed
    shown = cli("audit", "show", run["run"], "--audit-db", str(audit_db)).output
    assert f"af {run['operator']} med {command};" in shown
    english = cli("--lang", "en", "audit", "show", run["run"], "--audit-db", str(audit_db))
    assert f"by {run['operator']} with {command};" in english.output
    export = cli("audit", "export", run["run"], "--candidate", "k04-jonas-vestergaard",
                 "--format", "json", "--audit-db", str(audit_db)).output
    assert json.loads(export)["command"] == command


def test_a_run_from_python_is_recorded_as_the_api(audit_db):
    path = find_profile(PROFILE, str(ROOT / "rules"))
    with Screener(load_profile(path), path) as screener:
        run = screener.screen_paths([EXAMPLES], audit=AuditSink(audit_db, "Mette"))
    assert AuditStore(audit_db).run(run.run_id)["command"] == "api"


def test_the_recorded_command_is_covered_by_the_hash_chain(audit_db):
    screen_run(audit_db)
    tamper(audit_db, "UPDATE entries SET body = replace(body, '\"command\":\"screen\"', "
                     "'\"command\":\"api\"') WHERE kind = 'run'")
    result = cli("audit", "verify", "--audit-db", str(audit_db))
    assert result.exit_code == 1 and "post 1 (run" in result.output
    listed = cli("audit", "list", "--audit-db", str(audit_db))  # not shown as recorded
    assert listed.exit_code == 2 and "post 1 (run" in listed.output


@pytest.mark.parametrize("edit", [
    "replace(body, '\"outcome\":\"stops\"', '\"outcome\":\"advances\"')",  # forged
    "'{'",  # no longer JSON
    "'{}'",  # JSON without what a decision holds
])
def test_a_decision_edited_in_the_file_is_named_and_never_followed(audit_db, edit):
    run = screen_run(audit_db)
    assert cli("decide", run, "k04-jonas-vestergaard", "--confirm", "--reason",
               "Har ikke ledet ledere", "--operator", "Formand",
               "--audit-db", str(audit_db)).exit_code == 0
    tamper(audit_db, f"UPDATE entries SET body = {edit} WHERE kind = 'decision'")
    for command in (["shortlist", PROFILE, str(EXAMPLES), "--take", "3", "--no-audit",
                     "--rules-dir", str(ROOT / "rules")],
                    ["audit", "show", run], ["audit", "export", run, "--candidate",
                                             "k04-jonas-vestergaard"]):
        result = cli(*command, "--audit-db", str(audit_db))
        assert result.exit_code == 2, (command, result.output)
        assert "post 10 (decision" in result.output and "audit verify" in result.output
        assert "går videre" not in result.output


def _record_as_before_commands(new_db, old_db) -> str:
    """The run in `new_db` written again as runs were before their command was recorded: the
    same tables and entries, the run's body without `command`."""
    new = AuditStore(new_db)
    (meta,) = new.runs()
    body = {key: value for key, value in meta.items()
            if key not in {"run", "created", "decisions", "command", "rule_files"}}
    rule_files = [(f["path"], new.blob(f["sha256"])) for f in meta["rule_files"]]
    results = []
    for result in new.results(meta["run"]):
        source = result.pop("input")
        record = json.loads(new.blob(source["record"]))
        results.append((CandidateInput(result["id"], source["source"], source["sha256"], record,
                                       new.personal(meta["run"], result["id"])), result))
    return AuditStore(old_db).record_run(body, rule_files, results)


def test_a_store_from_before_commands_were_recorded_still_verifies_lists_and_shows(audit_db,
                                                                                   tmp_path):
    screen_run(audit_db)
    old_db = tmp_path / "old.db"
    run = _record_as_before_commands(audit_db, old_db)
    assert "command" not in AuditStore(old_db).run(run)
    store = ("--audit-db", str(old_db))
    assert cli("audit", "verify", *store).exit_code == 0
    listed = cli("audit", "list", *store).output
    assert run in listed and " – " in listed
    assert " med –;" in cli("audit", "show", run, *store).output
    assert " with –;" in cli("--lang", "en", "audit", "show", run, *store).output
    exported = cli("audit", "export", run, "--candidate", "k04-jonas-vestergaard", *store)
    assert exported.exit_code == 0 and " med –, stadie" in exported.output
    assert cli("audit", "replay", run, *store).exit_code == 0


def test_verify_reads_one_snapshot_while_another_run_is_committed(audit_db, tmp_path):
    """A run another process commits while `audit verify` reads is not a tampered store:
    the chain, the head and the blobs are read as they were when verify began."""
    screen_run(audit_db)
    other = tmp_path / "other"
    other.mkdir()
    record = next(EXAMPLES.glob("*.yaml"))
    text = record.read_text(encoding="utf-8")
    (other / record.name).write_text(text.replace(f"id: {record.stem}", "id: k99-other", 1),
                                     encoding="utf-8")  # a record (a blob) verify has not seen
    store = AuditStore(audit_db, read_only=True)
    chain, calls = store.entries, []

    def entries_while_a_run_is_committed():
        calls.append(1)
        if len(calls) == 2:  # between verify's reads of the blobs and of the chain again
            done = cli("screen", PROFILE, str(other), "--rules-dir", str(ROOT / "rules"),
                       "--audit-db", str(audit_db))
            assert done.exit_code == 0, done.output
        yield from chain()

    store.entries = entries_while_a_run_is_committed  # type: ignore[method-assign]
    assert store.verify() == []
    store.close()
    assert len(AuditStore(audit_db, read_only=True).runs()) == 2
