"""Decisions are state: the standing decision is the latest, contradicting it needs
--supersede, every decision names a person and a reason, and shortlist, explain, screen and
audit export show what a person decided."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from screening.audit.decisions import (
    Decision,
    DecisionRefused,
    ProfileKey,
    check_decision,
    standing,
)
from screening.audit.store import AuditStore
from screening.cli import main

from .conftest import ROOT

EXAMPLES = ROOT / "examples" / "candidates" / "helsingor-direktor-2024"
PROFILE = "helsingor-direktor-2024"
JONAS = "k04-jonas-vestergaard"  # a proposed knock-out at the reference stage
LENE = "k05-lene-friis"  # too little evidence at the reference stage
METTE = "k01-mette-kjaer"  # first, no knock-out


def cli(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, [*args], env=env)


@pytest.fixture
def run(audit_db) -> str:
    result = cli("screen", PROFILE, str(EXAMPLES), "--stage", "reference", "--rules-dir",
                 str(ROOT / "rules"), "--format", "json")
    assert result.exit_code == 0, result.output
    return AuditStore(audit_db).runs()[-1]["run"]


def decide(run: str, candidate: str, *args: str, env: dict | None = None):
    return cli("decide", run, candidate, *args, env=env)


def decision(seq: int, candidate: str, outcome: str) -> Decision:
    return Decision(seq, "r", candidate, "t", "advance", "candidate", outcome, "why", "F")


def test_the_standing_decision_is_the_latest_per_candidate():
    found = standing([decision(5, "a", "stops"), decision(2, "a", "advances"),
                      decision(3, "b", "advances")])
    assert {c: d.seq for c, d in found.items()} == {"a": 5, "b": 3}


def test_a_contradicting_decision_needs_supersede_and_a_knockout_decision_a_knockout():
    standing_stop = decision(1, "a", "stops")
    with pytest.raises(DecisionRefused, match="contradicts the standing decision"):
        check_decision("override", True, standing_stop, supersede=False)
    assert check_decision("override", True, standing_stop, supersede=True) == \
        ("knockout", "advances")
    assert check_decision("confirm", True, standing_stop, supersede=False) == \
        ("knockout", "stops")  # the same outcome again: no contradiction
    with pytest.raises(DecisionRefused, match="no proposed knock-out"):
        check_decision("confirm", False, None, supersede=False)
    assert check_decision("stop", False, None, supersede=False) == ("candidate", "stops")


def test_confirm_and_override_together_exit_2(run, audit_db):
    result = decide(run, JONAS, "--confirm", "--override", "--reason", "x", "--operator", "F")
    assert result.exit_code == 2 and "netop én" in result.output
    assert AuditStore(audit_db).decisions(run) == []


@pytest.mark.parametrize("operator", [[], ["--operator", ""], ["--operator", "  "]])
def test_a_decision_needs_a_named_person(run, audit_db, operator):
    result = decide(run, JONAS, "--confirm", "--reason", "x", *operator,
                    env={"SCREENING_OPERATOR": None})
    assert result.exit_code == 2 and "navngiven person" in result.output
    assert AuditStore(audit_db).decisions(run) == []


def test_the_os_user_only_when_asked_for_or_configured(run, audit_db):
    from screening.audit.store import operator

    assert decide(run, JONAS, "--confirm", "--reason", "x", "--operator").exit_code == 0
    assert decide(run, METTE, "--advance", "--reason", "y",
                  env={"SCREENING_OPERATOR": "Sekretariatet"}).exit_code == 0
    by = {d["candidate"]: d["by"] for d in AuditStore(audit_db).decisions(run)}
    assert by == {JONAS: operator(), METTE: "Sekretariatet"}


@pytest.mark.parametrize("flag", ["--confirm", "--override", "--advance", "--stop"])
def test_every_decision_needs_a_reason(run, flag):
    result = decide(run, JONAS, flag, "--operator", "F")
    assert result.exit_code == 2 and "--reason" in result.output


def test_a_candidate_without_a_knockout_is_decided_on_going_on(run, audit_db):
    refused = decide(run, METTE, "--confirm", "--reason", "x", "--operator", "F")
    assert refused.exit_code == 2 and "--advance eller --stop" in refused.output
    ok = decide(run, METTE, "--stop", "--reason", "Trak ansøgningen", "--operator", "F")
    assert ok.exit_code == 0 and "k01-mette-kjaer går ikke videre" in ok.output
    (stored,) = AuditStore(audit_db).decisions(run, METTE)
    assert (stored["decision"], stored["target"], stored["outcome"]) == \
        ("stop", "candidate", "stops")


@pytest.mark.parametrize(("flag", "lang", "said"), [
    ("--advance", "da", "har en foreslået knock-out: bekræft den (--confirm: går ikke videre) "
                        "eller underkend den (--override: går videre)"),
    ("--stop", "en", "has a proposed knock-out: confirm it (--confirm: does not go on) or "
                     "override it (--override: goes on)")])
def test_a_proposed_knockout_is_confirmed_or_overridden_never_passed_by(run, audit_db, flag,
                                                                        lang, said):
    """--advance on a candidate with a proposed knock-out was recorded as 'går videre': the
    knock-out was never weighed, and the report, guide and export showed it still proposed
    beside a decision that did not answer it (--help's own example did so)."""
    refused = decide(run, JONAS, flag, "--reason", "Stærk i samtalen", "--operator", "F",
                     env={"SCREENING_LANG": lang})
    assert refused.exit_code == 2 and f"{run} {JONAS}: E402 {said}" in refused.output
    assert "Traceback" not in refused.output
    assert AuditStore(audit_db).decisions(run) == []
    with pytest.raises(DecisionRefused, match="has a proposed knock-out"):
        check_decision("advance", True, None, supersede=False)


def test_a_misspelt_candidate_gets_the_nearest_id_of_the_run(run, audit_db):
    refused = decide(run, "k04-jonas-vestergard", "--confirm", "--reason", "Ikke ledet ledere",
                     "--operator", "Formand")
    assert refused.exit_code == 2
    assert "har ingen kandidat 'k04-jonas-vestergard' (mente du 'k04-jonas-vestergaard'?)" \
        in refused.output
    assert AuditStore(audit_db).decisions(run) == []


def test_contradicting_a_standing_decision_without_supersede_is_refused(run, audit_db):
    assert decide(run, JONAS, "--confirm", "--reason", "Ikke ledet ledere",
                  "--operator", "Formand").exit_code == 0
    refused = decide(run, JONAS, "--override", "--reason", "Alligevel", "--operator", "B")
    assert refused.exit_code == 2 and "--supersede" in refused.output
    # the standing decision in the user's words, not its code ("confirm")
    assert "går ikke videre (foreslået knock-out bekræftet), besluttet af Formand" in \
        " ".join(refused.output.split()) and "confirm" not in refused.output
    refused = decide(run, JONAS, "--override", "--reason", "Anyway", "--operator", "B",
                     env={"SCREENING_LANG": "en"})
    assert "does not go on (proposed knock-out confirmed), decided by Formand" in \
        " ".join(refused.output.split())
    ok = decide(run, JONAS, "--override", "--supersede", "--reason", "Konstitueret leder",
                "--operator", "Formand")
    assert ok.exit_code == 0, ok.output
    store = AuditStore(audit_db)
    first, second = store.decisions(run, JONAS)
    assert second["supersedes"] == first["seq"]
    assert store.run_decisions_shown(run)[JONAS].outcome == "advances"
    assert store.verify() == []

def test_contradicting_a_decision_on_the_same_evidence_in_another_run_needs_supersede(
        run, audit_db):
    # the committee decides on the run of Monday; on Tuesday the same records are screened
    # again (a new run), and screen shows Monday's decision as standing beside the candidate
    assert decide(run, JONAS, "--confirm", "--reason", "Ikke ledet ledere",
                  "--operator", "Formand").exit_code == 0
    again = cli("screen", PROFILE, str(EXAMPLES), "--stage", "reference", "--rules-dir",
                str(ROOT / "rules"), "--format", "json")
    assert again.exit_code == 0, again.output
    store = AuditStore(audit_db)
    tuesday = store.runs()[-1]["run"]
    assert tuesday != run
    refused = decide(tuesday, JONAS, "--override", "--reason", "Alligevel", "--operator", "B")
    assert refused.exit_code == 2 and "--supersede" in refused.output
    assert store.decisions(tuesday) == []
    ok = decide(tuesday, JONAS, "--override", "--supersede", "--reason", "Konstitueret leder",
                "--operator", "B")
    assert ok.exit_code == 0, ok.output
    (monday,), (replacing,) = store.decisions(run, JONAS), store.decisions(tuesday, JONAS)
    assert replacing["supersedes"] == monday["seq"]



def test_an_override_shows_in_shortlist_explain_screen_and_export(run, audit_db):
    assert decide(run, JONAS, "--override", "--reason", "Konstitueret skoleleder i to år",
                  "--operator", "Formand").exit_code == 0
    common = [PROFILE, str(EXAMPLES), "--stage", "reference", "--rules-dir", str(ROOT / "rules")]

    listed = cli("shortlist", *common, "--take", "3", "--run", run).output
    (jonas_row,) = [line for line in listed.splitlines() if JONAS in line]
    assert jonas_row.startswith("Videre (besluttet)")
    assert "Formand" in listed and "Konstitueret skoleleder" in listed

    explained = cli("explain", *common, "--id", JONAS, "--run", run).output
    assert "Stående beslutning: går videre (foreslået knock-out underkendt): Formand" in \
        explained
    as_json = json.loads(cli("explain", *common, "--id", JONAS, "--format", "json").stdout)
    assert as_json["decision"]["by"] == "Formand"  # found without --run: same inputs

    screened = cli("screen", *common, "--format", "json")
    assert f"{JONAS}: går videre (foreslået knock-out underkendt): Formand" in screened.stderr

    exported = cli("audit", "export", run, "--candidate", JONAS).output
    assert "Stående beslutning: går videre (foreslået knock-out underkendt): Formand" in \
        exported
    doc = json.loads(cli("audit", "export", run, "--candidate", JONAS, "--format",
                         "json").output)
    assert doc["standing_decision"]["reason"] == "Konstitueret skoleleder i to år"



@pytest.mark.parametrize("command", [("screen",), ("screen", "--format", "json"),
                                     ("explain", "--id", JONAS), ("shortlist", "--take", "3")])
def test_a_standing_decision_shows_when_the_run_is_not_recorded(run, audit_db, command):
    """--no-audit records nothing; what people decided still shows with the results."""
    assert decide(run, JONAS, "--override", "--reason", "Konstitueret skoleleder i to år",
                  "--operator", "Formand").exit_code == 0
    before = len(AuditStore(audit_db).runs())
    name, *rest = command
    result = cli(name, PROFILE, str(EXAMPLES), "--stage", "reference", "--rules-dir",
                 str(ROOT / "rules"), "--no-audit", *rest)
    assert result.exit_code == 0, result.output
    assert "går videre (foreslået knock-out underkendt): Formand" in result.output
    assert len(AuditStore(audit_db).runs()) == before

@pytest.mark.parametrize("command", [("screen", "--format", "json"), ("explain", "--id", JONAS),
                                     ("shortlist", "--take", "3")])
@pytest.mark.parametrize("wrong", ["20200101T000000-abcdef", "other-profile"])
def test_a_wrong_run_is_refused_before_anything_is_screened_recorded_or_written(
        run, audit_db, tmp_path, command, wrong):
    """A mistyped --run (or one of another profile) is bad input: exit 2, and no run is
    recorded and no --out written for a command that then fails."""
    if wrong == "other-profile":
        albertslund = ROOT / "examples" / "candidates" / "albertslund-leder-sekretariat-2024"
        other = cli("screen", "albertslund-leder-sekretariat-2024", str(albertslund),
                    "--rules-dir", str(ROOT / "rules"))
        assert other.exit_code == 0, other.output
        wrong = AuditStore(audit_db).runs()[-1]["run"]
    name, *rest = command
    out = tmp_path / "out.json"
    before = len(AuditStore(audit_db).runs())
    result = cli(name, PROFILE, str(EXAMPLES), "--stage", "reference", "--rules-dir",
                 str(ROOT / "rules"), "--run", wrong, *rest,
                 *(["--out", str(out)] if name == "screen" else []))
    assert result.exit_code == 2, result.output
    assert wrong in result.stderr and "Traceback" not in result.output
    assert len(AuditStore(audit_db).runs()) == before
    assert not out.exists()
    assert "Revisionsspor: kørsel" not in result.stderr


def _changed_record(tmp_path, candidate: str):
    """The candidate's record with one more line: other evidence, by its sha256."""
    changed = tmp_path / f"{candidate}.yaml"
    changed.write_text((EXAMPLES / f"{candidate}.yaml").read_text(encoding="utf-8")
                       + "\n# ny oplysning\n", encoding="utf-8")
    return changed


def test_a_decision_on_other_evidence_shows_as_earlier_not_as_standing(run, audit_db,
                                                                       tmp_path):
    """A changed record, at the same stage: nothing was shown, as if no one had decided; then
    "på andet grundlag (reference, 2024-01-15)", the very stage and date shown, with nothing
    said of what had changed (scores read into the record since, most often)."""
    assert decide(run, JONAS, "--override", "--reason", "r", "--operator", "F").exit_code == 0
    as_of = AuditStore(audit_db).run(run)["as_of"]
    changed = str(_changed_record(tmp_path, JONAS))
    common = [PROFILE, changed, "--stage", "reference", "--rules-dir", str(ROOT / "rules")]
    explained = cli("explain", *common).output
    assert "Stående beslutning" not in explained
    assert (f"Tidligere beslutning: går videre (foreslået knock-out underkendt), på andet "
            f"grundlag (reference, {as_of}; en anden udgave af posten): F") in explained
    english = cli("--lang", "en", "explain", *common).output
    assert (f"Earlier decision: goes on (proposed knock-out overridden), on other evidence "
            f"(references, {as_of}; another version of the record): F") in english
    guide = cli("guide", PROFILE, changed, "--stage", "samtale2", "--format", "markdown",
                "--rules-dir", str(ROOT / "rules")).stdout
    assert "Tidligere beslutning: går videre" in guide and "Stående beslutning" not in guide


def test_a_decision_at_an_earlier_stage_is_shown_but_not_followed(run, audit_db):
    """Decided on at the references, Jonas appears at the second interview with that
    decision beside him, marked; the shortlist does not take him on it."""
    assert decide(run, JONAS, "--override", "--reason", "Konstitueret skoleleder i to år",
                  "--operator", "Formand").exit_code == 0
    common = [PROFILE, str(EXAMPLES), "--stage", "samtale2", "--rules-dir", str(ROOT / "rules"),
              "--no-audit"]
    screened = cli("screen", *common, "--format", "json")
    by_id = {c["id"]: c for c in json.loads(screened.stdout)["candidates"]}
    assert by_id[JONAS]["knockouts"], "the example's knock-out at the second interview"
    decision = by_id[JONAS]["decision"]
    assert (decision["decision"], decision["other_stage"], decision["other_because"]) == \
        ("override", "reference", "stage")
    assert by_id[METTE]["decision"] is None
    assert "Tidligere beslutninger, på andet grundlag:" in screened.stderr
    assert "Stående beslutninger" not in screened.stderr
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(
        cli("screen", *common, "--format", "csv").stdout))}
    assert (rows[JONAS]["decision"], rows[JONAS]["decision_other_stage"],
            rows[JONAS]["decision_other_because"]) == ("override", "reference", "stage")
    listed = cli("shortlist", *common, "--take", "8").stdout
    (jonas_row,) = [line for line in listed.splitlines() if JONAS in line]
    assert jonas_row.startswith("Foreslået knock-out (afventer menneskelig vurdering)")
    assert "Tidligere beslutning: går videre" in jonas_row
    assert "Videre (besluttet)" not in listed


def test_the_decisions_of_a_run_named_with_run_on_other_evidence_are_not_followed(
        run, audit_db, tmp_path):
    """`shortlist --stage samtale2 --run RUN` of the references run took Jonas on as
    'Videre (besluttet)', and a changed record was taken on its old decision likewise."""
    assert decide(run, JONAS, "--override", "--reason", "Konstitueret skoleleder i to år",
                  "--operator", "Formand").exit_code == 0
    as_of = AuditStore(audit_db).run(run)["as_of"]
    later = cli("shortlist", PROFILE, str(EXAMPLES), "--stage", "samtale2", "--take", "8",
                "--run", run, "--rules-dir", str(ROOT / "rules"), "--no-audit").stdout
    changed = cli("shortlist", PROFILE, str(_changed_record(tmp_path, JONAS)), "--take", "1",
                  "--stage", "reference", "--run", run, "--rules-dir", str(ROOT / "rules"),
                  "--no-audit").stdout
    for listed, because in ((later, ""), (changed, "; en anden udgave af posten")):
        assert "Videre (besluttet)" not in listed
        (jonas_row,) = [line for line in listed.splitlines() if JONAS in line]
        assert jonas_row.startswith("Foreslået knock-out (afventer menneskelig vurdering)")
        assert "Tidligere beslutning: går videre" in " ".join(listed.split())
        assert f"på andet grundlag (reference, {as_of}{because})" in " ".join(listed.split())
    same = cli("shortlist", PROFILE, str(EXAMPLES), "--stage", "reference", "--take", "3",
               "--run", run, "--rules-dir", str(ROOT / "rules"), "--no-audit").stdout
    (jonas_row,) = [line for line in same.splitlines() if JONAS in line]
    assert jonas_row.startswith("Videre (besluttet)")


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_with_run_a_decision_made_at_an_earlier_stage_still_shows(run, audit_db, tmp_path,
                                                                   fmt):
    """Stopped after her application, Lene showed '–' (no decision at all) in `screen`,
    `shortlist` and the committee's `report` when the references' run was named with `--run`,
    though the same papers without `--run` showed the stop, marked as made on other evidence."""
    rules = ["--rules-dir", str(ROOT / "rules")]
    assert cli("screen", PROFILE, str(EXAMPLES), "--stage", "ansøgning", *rules).exit_code == 0
    application = AuditStore(audit_db).runs()[-1]["run"]
    assert decide(application, LENE, "--stop", "--reason", "Ingen ledelseserfaring oplyst",
                  "--operator", "Formand").exit_code == 0
    common = [PROFILE, str(EXAMPLES), "--stage", "reference", *rules, "--run", run]
    screened = cli("screen", *common, "--no-audit", "--format", fmt)
    assert screened.exit_code == 0, screened.output
    lines = ([json.loads(line) for line in screened.stdout.splitlines()] if fmt == "jsonl"
             else json.loads(screened.stdout)["candidates"])
    (lene,) = [c["decision"] for c in lines if c["id"] == LENE]
    assert lene is not None, "the stop after the application is not shown"
    assert (lene["decision"], lene["other_stage"], lene["other_because"]) == \
        ("stop", "ansøgning", "stage")
    listed = " ".join(cli("shortlist", *common, "--take", "3", "--no-audit").stdout.split())
    assert "Tidligere beslutning: går ikke videre, på andet grundlag (ansøgning," in listed
    out = tmp_path / "report.html"
    assert cli("report", *common, "--out", str(out)).exit_code == 0
    page = " ".join(out.read_text(encoding="utf-8").split())
    start = page.index(f'id="c-{LENE}"')
    section = page[start:page.index("</section>", start)]
    assert "går ikke videre, på andet grundlag (ansøgning," in section


def test_with_run_a_decision_superseded_in_a_later_screening_of_the_same_records_is_not_followed(
        run, audit_db, tmp_path):
    """Confirmed in Monday's run, overridden (--supersede) in Tuesday's screening of the same
    records: `shortlist --run MONDAY` and `report --run MONDAY` still followed the confirm."""
    assert decide(run, JONAS, "--confirm", "--reason", "Ikke ledet ledere", "--operator",
                  "Formand").exit_code == 0
    assert cli("screen", PROFILE, str(EXAMPLES), "--stage", "reference", "--rules-dir",
               str(ROOT / "rules")).exit_code == 0
    tuesday = AuditStore(audit_db).runs()[-1]["run"]
    assert decide(tuesday, JONAS, "--override", "--supersede", "--reason",
                  "Konstitueret skoleleder i to år", "--operator", "Formand").exit_code == 0
    common = [PROFILE, str(EXAMPLES), "--stage", "reference", "--rules-dir", str(ROOT / "rules"),
              "--run", run]
    listed = cli("shortlist", *common, "--take", "3", "--no-audit").stdout
    (jonas_row,) = [line for line in listed.splitlines() if JONAS in line]
    assert jonas_row.startswith("Videre (besluttet)")
    out = tmp_path / "report.html"
    assert cli("report", *common, "--out", str(out)).exit_code == 0
    text = " ".join(out.read_text(encoding="utf-8").split())
    assert "(erstattet) går ikke videre (foreslået knock-out bekræftet)" in text
    assert "(erstattet) går videre (foreslået knock-out underkendt)" not in text


def test_the_report_keeps_the_space_for_a_decision_made_on_other_evidence(run, tmp_path):
    assert decide(run, JONAS, "--confirm", "--reason", "Ikke ledet ledere", "--operator",
                  "Formand").exit_code == 0
    out = tmp_path / "report.html"
    made = cli("report", PROFILE, str(EXAMPLES), "--stage", "samtale2", "--rules-dir",
               str(ROOT / "rules"), "--out", str(out))
    assert made.exit_code == 0, made.output
    page = out.read_text(encoding="utf-8")
    start = page.index(f'id="c-{JONAS}"')
    section = page[start:page.index("</section>", start)]
    assert "på andet grundlag (reference," in section
    assert "Beslutning (udfyldes af ansættelsesudvalget)" in section


def test_the_report_shows_decisions_on_the_same_records_when_a_candidate_was_added(
        run, tmp_path):
    """With a candidate added since the run, no run gives exactly the report's results:
    the report marked every decision as made 'på andet grundlag' and left the space for a
    decision blank, while shortlist and screen showed the same decisions as standing."""
    assert decide(run, JONAS, "--confirm", "--reason", "Ikke ledet ledere", "--operator",
                  "Formand").exit_code == 0
    folder = tmp_path / "candidates"
    shutil.copytree(EXAMPLES, folder)
    record = (EXAMPLES / f"{METTE}.yaml").read_text("utf-8")
    (folder / "k99-ny.yaml").write_text(record.replace(f"id: {METTE}", "id: k99-ny"),
                                        "utf-8")
    common = [PROFILE, str(folder), "--stage", "reference", "--rules-dir", str(ROOT / "rules")]
    listed = cli("shortlist", *common, "--take", "3", "--no-audit").stdout
    (jonas_row,) = [line for line in listed.splitlines() if JONAS in line]
    assert jonas_row.startswith("Ikke videre (besluttet)")
    out = tmp_path / "report.html"
    made = cli("report", *common, "--out", str(out))
    assert made.exit_code == 0, made.output
    page = " ".join(out.read_text(encoding="utf-8").split())
    assert "Ingen kørsel i revisionssporet giver netop disse resultater" in page
    start = page.index(f'id="c-{JONAS}"')
    section = page[start:page.index("</section>", start)]
    assert "går ikke videre (foreslået knock-out bekræftet): Formand" in section
    assert "på andet grundlag" not in section
    assert "Beslutning (udfyldes af ansættelsesudvalget)" not in section


def test_earlier_decisions_are_the_latest_of_the_same_profile(run, audit_db):
    assert decide(run, JONAS, "--confirm", "--reason", "a", "--operator", "F").exit_code == 0
    assert decide(run, JONAS, "--override", "--supersede", "--reason", "b",
                  "--operator", "F").exit_code == 0
    store = AuditStore(audit_db)
    meta = store.run(run)
    records = {r["id"]: r["input"]["sha256"] for r in store.results(run)}
    inputs = {c: records[c] for c in (JONAS, METTE)}
    # at another stage: what was decided at the references is earlier, on other evidence
    found = store.decisions_shown(ProfileKey.of_run(meta["profile"]), PROFILE, "samtale2",
                                  meta["as_of"], inputs)
    assert list(found) == [JONAS]
    assert (found[JONAS].reason, found[JONAS].other_stage) == ("b", "reference")
    assert found[JONAS].on_other_evidence
    assert store.decisions_shown(ProfileKey.of_run(meta["profile"]), "another-profile",
                                 "samtale2", meta["as_of"], inputs) == {}


def test_too_little_evidence_waits_for_a_person(run):
    common = ["shortlist", PROFILE, str(EXAMPLES), "--stage", "reference", "--rules-dir",
              str(ROOT / "rules"), "--take", "8"]
    (lene_row,) = [line for line in cli(*common).output.splitlines() if LENE in line]
    assert lene_row.startswith("Afventer menneskelig vurdering: utilstrækkeligt belyst")
    assert decide(run, LENE, "--stop", "--reason", "For lidt erfaring", "--operator",
                  "F").exit_code == 0
    (lene_row,) = [line for line in cli(*common).output.splitlines() if LENE in line]
    assert lene_row.startswith("Ikke videre (besluttet)")


def test_the_shortlist_heading_counts_who_goes_on(run):
    """With two candidates decided to go on, two rows said 'Videre' under the heading
    'Shortlist: 1 af 8' (--take 1); and a shortlist asking for more than can be taken before
    people decide named the number asked, not the number going on."""
    common = ["shortlist", PROFILE, str(EXAMPLES), "--stage", "reference", "--rules-dir",
              str(ROOT / "rules")]

    def heading_and_goers(take: str) -> tuple[str, int]:
        lines = cli(*common, "--take", take).stdout.splitlines()
        return lines[0], sum(line.startswith("Videre") for line in lines)

    heading, goers = heading_and_goers("8")  # knock-outs and thin evidence wait for a person
    assert goers < 8 and heading.startswith(f"Shortlist: {goers} af 8 ")
    for candidate in ("k06-karim-haddad", "k07-birgitte-dahl"):
        assert decide(run, candidate, "--advance", "--reason", "Stærk i samtalen", "--operator",
                      "Formand").exit_code == 0
    heading, goers = heading_and_goers("1")  # decided to go on: beyond the one asked for
    assert goers == 2 and heading.startswith("Shortlist: 2 af 8 ")


def test_audit_show_says_what_was_decided_on_each_candidate(run):
    """The run's table counted decisions ('1', '0'); a committee reading it could not see
    that k04-jonas-vestergaard's knock-out was overridden."""
    assert decide(run, JONAS, "--confirm", "--reason", "Ikke ledet ledere", "--operator",
                  "Formand").exit_code == 0
    assert decide(run, JONAS, "--override", "--supersede", "--reason", "Ledet ledere i 2 år",
                  "--operator", "Formand").exit_code == 0
    lines = cli("audit", "show", run).stdout.splitlines()
    assert lines[1].split()[-1] == "Besluttet"
    (jonas,) = [line for line in lines if f" {JONAS} " in line]
    assert jonas.endswith("  går videre (foreslået knock-out underkendt)")
    (mette,) = [line for line in lines if f" {METTE} " in line]
    assert mette.endswith("  –")


def test_audit_show_and_export_of_a_run_show_what_screen_shows_beside_the_candidate(
        run, audit_db):
    """Decided on Monday's run; Tuesday's screening of the same records (and Wednesday's at
    the second interview) showed no decision in audit show, and its export for the
    candidate said no one had decided yet, while screen showed the decision beside him."""
    assert decide(run, JONAS, "--confirm", "--reason", "Ikke ledet ledere", "--operator",
                  "Formand").exit_code == 0
    for stage in ("reference", "samtale2"):
        assert cli("screen", PROFILE, str(EXAMPLES), "--stage", stage, "--rules-dir",
                   str(ROOT / "rules")).exit_code == 0
    tuesday, wednesday = [r["run"] for r in AuditStore(audit_db).runs()[-2:]]
    as_of = AuditStore(audit_db).run(run)["as_of"]
    (jonas,) = [line for line in cli("audit", "show", tuesday).stdout.splitlines()
                if f" {JONAS} " in line]
    assert jonas.endswith("  går ikke videre (foreslået knock-out bekræftet)")
    exported = " ".join(cli("audit", "export", tuesday, "--candidate", JONAS).stdout.split())
    assert "Stående beslutning: går ikke videre (foreslået knock-out bekræftet): Formand" in \
        exported and "Ingen endnu" not in exported
    document = json.loads(cli("audit", "export", tuesday, "--candidate", JONAS, "--format",
                              "json").stdout)
    assert [(d["run"], d["decision"]) for d in document["decisions"]] == [(run, "confirm")]
    # on other evidence: shown, marked, and the committee still to decide on this one
    (jonas,) = [line for line in cli("audit", "show", wednesday).stdout.splitlines()
                if f" {JONAS} " in line]
    assert jonas.endswith(f", på andet grundlag (reference, {as_of})")
    exported = " ".join(cli("audit", "export", wednesday, "--candidate", JONAS).stdout.split())
    assert ("Tidligere beslutning: går ikke videre (foreslået knock-out bekræftet), på andet "
            f"grundlag (reference, {as_of}): Formand") in exported and "Ingen endnu" in exported


def test_shortlist_in_python_places_decided_candidates_first(helsingor):
    from screening.records import CandidateRecord
    from screening.screen import screen
    from screening.shortlist import shortlist

    records = [CandidateRecord.model_validate(_yaml(p)) for p in sorted(EXAMPLES.glob("*.yaml"))]
    screening = screen(helsingor, records, "reference")
    undecided = shortlist(screening, 2)
    assert [r.id for r in undecided.unjudged] == [LENE]
    assert LENE not in {r.id for r in (*undecided.taken, *undecided.not_taken)}
    on = {JONAS: Decision(1, "r", JONAS, "t", "override", "knockout", "advances", "w", "F")}
    decided = shortlist(screening, 2, on)
    assert [r.id for r in decided.taken] == [METTE, JONAS]  # one place left after Jonas
    assert JONAS not in {r.id for r in decided.knocked_out}


def _yaml(path):
    from screening.documents import plain, read_document

    doc, problem = read_document(path)
    assert problem is None
    return plain(doc.data)


def test_a_run_of_another_profile_is_refused(run):
    albertslund = "albertslund-leder-sekretariat-2024"
    examples = sorted((ROOT / "examples" / "candidates" / albertslund).glob("*.yaml"))
    result = cli("explain", albertslund, str(examples[0]), "--rules-dir", str(ROOT / "rules"),
                 "--run", run)
    assert result.exit_code == 2
    assert f"kørslen '{run}' er af profilen '{PROFILE}', ikke '{albertslund}'" in result.output


def test_a_standing_decision_is_in_every_format_screen_writes(run, audit_db, tmp_path):
    """JSON and CSV carry it as data, the table, Markdown and the workbook in words."""
    from openpyxl import load_workbook

    assert decide(run, JONAS, "--override", "--reason", "Konstitueret skoleleder i to år",
                  "--operator", "Formand").exit_code == 0
    common = [PROFILE, str(EXAMPLES), "--stage", "reference", "--rules-dir", str(ROOT / "rules"),
              "--no-audit"]
    doc = json.loads(cli("screen", *common, "--format", "json").stdout)
    by_id = {c["id"]: c["decision"] for c in doc["candidates"]}
    assert by_id[METTE] is None
    assert (by_id[JONAS]["decision"], by_id[JONAS]["by"]) == ("override", "Formand")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(
        cli("screen", *common, "--format", "csv").stdout))}
    assert (rows[JONAS]["decision"], rows[JONAS]["decided_by"],
            rows[JONAS]["decision_reason"]) == ("override", "Formand",
                                                "Konstitueret skoleleder i to år")
    assert rows[METTE]["decision"] == ""
    words = "går videre (foreslået knock-out underkendt)"
    for fmt in ("table", "markdown"):
        lines = cli("screen", *common, "--format", fmt).stdout.splitlines()
        assert "Besluttet" in next(line for line in lines if "Kandidat" in line)
        assert words in next(line for line in lines if JONAS in line)
    sheet = tmp_path / "ranking.xlsx"
    assert cli("screen", *common, "--format", "xlsx", "--out", str(sheet)).exit_code == 0
    ranking = load_workbook(sheet).worksheets[0]
    header = [c.value for c in ranking[1]]
    row = next([c.value for c in r] for r in ranking.iter_rows(min_row=2) if r[1].value == JONAS)
    assert "Formand" in row[header.index("Beslutning")]
    # the criteria sheet, where Jonas's unmet krav stand, says it under his criteria
    criteria = load_workbook(sheet).worksheets[1]
    column = next(c.column for c in criteria[1] if c.value == JONAS)
    decided = next(r for r in criteria.iter_rows(min_row=3) if r[0].value == "Beslutning")
    assert "Formand" in decided[column - 1].value
    assert decided[next(c.column for c in criteria[1] if c.value == METTE) - 1].value in ("", None)


def test_the_csv_per_criterion_carries_the_decision_on_every_row_of_the_candidate(run):
    """`--detail criteria` had no decision at all: filtered to Jonas's unmet krav in Excel,
    the rows read as a rejection nobody had looked at."""
    assert decide(run, JONAS, "--override", "--reason", "Konstitueret skoleleder i to år",
                  "--operator", "Formand").exit_code == 0
    common = [PROFILE, str(EXAMPLES), "--stage", "reference", "--rules-dir", str(ROOT / "rules"),
              "--no-audit", "--format", "csv", "--detail", "criteria"]
    rows = list(csv.DictReader(io.StringIO(cli("screen", *common).stdout)))
    jonas = [r for r in rows if r["id"] == JONAS]
    assert jonas and {(r["decision"], r["decided_by"], r["decision_reason"]) for r in jonas} \
        == {("override", "Formand", "Konstitueret skoleleder i to år")}
    assert {r["decision"] for r in rows if r["id"] == METTE} == {""}
    danish = list(csv.DictReader(io.StringIO(cli("screen", *common, "--decimal",
                                                 "comma").stdout), delimiter=";"))
    assert {r["decided_by"] for r in danish if r["id"] == JONAS} == {"Formand"}


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_standing_decision_shows_in_the_interview_guide(run, audit_db, fmt):
    """The guide for the next stage stands on the evidence of the stage decided at."""
    assert decide(run, JONAS, "--override", "--reason", "Konstitueret skoleleder i to år",
                  "--operator", "Formand").exit_code == 0
    guide = cli("guide", PROFILE, str(EXAMPLES), "--stage", "samtale2", "--format", fmt,
                "--rules-dir", str(ROOT / "rules"))
    assert guide.exit_code == 0, guide.output
    said = "Stående beslutning: går videre (foreslået knock-out underkendt): Formand"
    assert said in guide.stdout
    assert guide.stdout.count("Stående beslutning") == 1  # only the candidate decided on
    assert guide.stdout.index(JONAS) < guide.stdout.index(said)  # in Jonas's section


def _guide_section(text: str, candidate: str, fmt: str) -> str:
    """The part of the guide about `candidate`."""
    section = text.split(f"({candidate})" if fmt == "markdown" else f'id="c-{candidate}"')[1]
    return section.split("\n## " if fmt == "markdown" else "<section")[0]


@pytest.mark.parametrize("lang,stopped", [
    ("da", "Ingen spørgsmål: kandidaten går ikke videre efter beslutningen ovenfor."),
    ("en", "No questions: the candidate does not go on, by the decision above.")])
@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_guide_has_no_questions_for_a_candidate_a_person_stopped(run, fmt, lang, stopped):
    """Jonas's knock-out confirmed and Mette stopped, the guide for the second interview
    still listed what to settle with each and the questions to ask them, under the line
    saying they do not go on. Anders, whose knock-out would be overridden, keeps his."""
    assert decide(run, JONAS, "--confirm", "--reason", "Har ikke ledet ledere",
                  "--operator", "Formand").exit_code == 0
    assert decide(run, METTE, "--stop", "--reason", "Trak ansøgningen",
                  "--operator", "Formand").exit_code == 0
    guide = cli("--lang", lang, "guide", PROFILE, str(EXAMPLES), "--stage", "samtale2",
                "--format", fmt, "--rules-dir", str(ROOT / "rules"))
    assert guide.exit_code == 0, guide.output
    questions = "Spørgsmål" if lang == "da" else "Questions"
    for candidate, reason in ((JONAS, "Har ikke ledet ledere"), (METTE, "Trak ansøgningen")):
        section = _guide_section(guide.stdout, candidate, fmt)
        assert reason in section and "Formand" in section
        assert stopped in section
        assert questions not in section and "guide-item" not in section
    kept = _guide_section(guide.stdout, "k02-anders-lykke", fmt)
    assert questions in kept and stopped not in kept


def test_the_guide_keeps_the_questions_of_a_candidate_whose_knock_out_was_overridden(run):
    assert decide(run, JONAS, "--override", "--reason", "Konstitueret skoleleder i to år",
                  "--operator", "Formand").exit_code == 0
    guide = cli("guide", PROFILE, str(EXAMPLES), "--stage", "samtale2", "--rules-dir",
                str(ROOT / "rules"))
    assert guide.exit_code == 0, guide.output
    section = _guide_section(guide.stdout, JONAS, "markdown")
    assert "går videre (foreslået knock-out underkendt)" in section
    assert "Spørgsmål:" in section and "Ingen spørgsmål" not in section


@pytest.mark.parametrize("lang,pending,decided", [
    ("da", "Foreslåede knock-outs (skal bekræftes eller underkendes af et menneske): ",
     "Foreslåede knock-outs (et menneske har taget stilling): "),
    ("en", "Proposed knock-outs (to be confirmed or overridden by a person): ",
     "Proposed knock-outs (a person has decided): ")])
def test_a_knock_out_a_person_decided_on_is_not_said_to_await_a_person(run, lang, pending,
                                                                       decided):
    """Jonas's knock-out confirmed, explain and the guide still said it was to be confirmed
    or overridden by a person, right above the line saying who confirmed it."""
    assert decide(run, JONAS, "--confirm", "--reason", "Har ikke ledet ledere",
                  "--operator", "Formand").exit_code == 0
    rules = ["--rules-dir", str(ROOT / "rules")]
    explained = cli("--lang", lang, "explain", PROFILE, str(EXAMPLES), "--id", JONAS,
                    "--stage", "reference", "--no-audit", *rules)
    guide = cli("--lang", lang, "guide", PROFILE, str(EXAMPLES), "--stage", "samtale2", *rules)
    for done in (explained, guide):
        assert done.exit_code == 0, done.output
    jonas = _guide_section(guide.stdout, JONAS, "markdown")
    for text in (explained.stdout, jonas):
        assert decided in text and pending not in text
    assert pending in _guide_section(guide.stdout, "k03-sofie-brandt", "markdown")
    # decided on other evidence (the references), the knock-out at the second interview
    # still waits for a person
    later = cli("--lang", lang, "explain", PROFILE, str(EXAMPLES), "--id", JONAS,
                "--stage", "samtale2", "--no-audit", *rules)
    assert pending in later.stdout and decided not in later.stdout


@pytest.mark.parametrize("lang,pending,settled", [
    ("da", "Et menneske bekræfter eller underkender med en begrundelse.",
     "Et menneske har taget stilling; se beslutningen."),
    ("en", "A person confirms or overrides it, with a reason.",
     "A person has decided; see the decision.")])
def test_each_knock_out_a_person_decided_on_says_so_in_explain_and_the_report(
        run, tmp_path, lang, pending, settled):
    """Jonas's knock-out confirmed, the report said under each of his unmet krav "Et
    menneske bekræfter eller underkender med en begrundelse." right above the decision that
    did, and explain under each criterion likewise. Sofie's, undecided, still waits."""
    assert decide(run, JONAS, "--confirm", "--reason", "Har ikke ledet ledere",
                  "--operator", "Formand").exit_code == 0
    common = [PROFILE, str(EXAMPLES), "--stage", "reference", "--rules-dir",
              str(ROOT / "rules")]
    for candidate, decided in ((JONAS, True), ("k03-sofie-brandt", False)):
        explained = cli("--lang", lang, "explain", *common, "--id", candidate, "--no-audit")
        assert explained.exit_code == 0, explained.output
        assert (settled in explained.stdout, pending in explained.stdout) == \
            (decided, not decided)
    report = tmp_path / "report.html"
    assert cli("--lang", lang, "report", *common, "--out", str(report)).exit_code == 0
    text = report.read_text(encoding="utf-8")
    for candidate, decided in ((JONAS, True), ("k03-sofie-brandt", False)):
        section = text.split(f'id="c-{candidate}"')[1].split("<section")[0]
        assert (settled in section, pending in section) == (decided, not decided)


def test_a_reason_excel_would_take_for_a_formula_stays_text_in_the_excel_csv(run):
    """A reason typed as '-2 år som chef' or '=HYPERLINK(…)' became a formula in Danish
    Excel (#NAVN? or a live link) from `--decimal comma`, the CSV made for it; the plain
    CSV, for machines, keeps it as typed."""
    reason = '=HYPERLINK("https://example.org","se her")'
    assert decide(run, JONAS, "--override", "--reason", reason,
                  "--operator", "@Formand").exit_code == 0
    common = ["screen", PROFILE, str(EXAMPLES), "--stage", "reference", "--rules-dir",
              str(ROOT / "rules"), "--no-audit", "--format", "csv"]
    excel = {r["id"]: r for r in csv.DictReader(io.StringIO(
        cli(*common, "--decimal", "comma").stdout), delimiter=";")}
    assert (excel[JONAS]["decision_reason"], excel[JONAS]["decided_by"]) == \
        ("'" + reason, "'@Formand")
    assert excel[JONAS]["score"].count(",") == 1  # numbers stay numbers
    plain = {r["id"]: r for r in csv.DictReader(io.StringIO(cli(*common).stdout))}
    assert (plain[JONAS]["decision_reason"], plain[JONAS]["decided_by"]) == \
        (reason, "@Formand")


@pytest.fixture
def copenhagen():
    """This process in Danish time, as a consultant's machine is."""
    import os
    import time

    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Copenhagen"
    time.tzset()
    yield ZoneInfo("Europe/Copenhagen")
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_papers_say_when_a_person_decided_in_local_time_and_data_keeps_utc(run, audit_db,
                                                                           copenhagen):
    """Explanations, tables and papers said '2026-11-25T23:18:26+00:00': UTC, to the second,
    in ISO 8601, to a committee in Denmark."""
    assert decide(run, JONAS, "--override", "--reason", "r", "--operator", "F").exit_code == 0
    created = AuditStore(audit_db).decisions(run, JONAS)[0]["created"]
    local = datetime.fromisoformat(created).astimezone(copenhagen)
    common = [PROFILE, str(EXAMPLES), "--stage", "reference", "--rules-dir", str(ROOT / "rules"),
              "--no-audit"]
    danish = cli("explain", *common, "--id", JONAS).output
    assert f"F, {local:%d.%m.%Y} kl. {local:%H.%M} {local.tzname()}: r" in danish
    assert created not in danish
    english = cli("--lang", "en", "explain", *common, "--id", JONAS).output
    assert f"F, {local.day} {local:%b} {local.year}, {local:%H:%M} {local.tzname()}: r" in english
    listed = cli("audit", "list").output
    run_created = datetime.fromisoformat(AuditStore(audit_db).run(run)["created"])
    assert f"{run_created.astimezone(copenhagen):%d.%m.%Y kl. %H.%M}" in listed
    doc = json.loads(cli("screen", *common, "--format", "json").stdout)
    (jonas,) = [c for c in doc["candidates"] if c["id"] == JONAS]
    assert jonas["decision"]["created"] == created  # data stays as the audit trail keeps it


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_hide_knockouts_keeps_a_candidate_a_person_decided_goes_on(run, fmt):
    """--hide-knockouts hid k04 after the committee overrode his knock-out: the candidate
    decided to go on did not appear at all (in JSON Lines until they carried decisions). A
    confirmed one stays hidden; a decision made on other evidence does not count here."""
    assert decide(run, JONAS, "--override", "--reason", "Konstitueret skoleleder i to år",
                  "--operator", "Formand").exit_code == 0
    common = [PROFILE, str(EXAMPLES), "--rules-dir", str(ROOT / "rules"), "--no-audit",
              "--hide-knockouts", "--format", fmt]

    def shown(stage: str) -> list[str]:
        result = cli("screen", *common, "--stage", stage)
        assert result.exit_code == 0, result.output
        if fmt == "jsonl":
            return [json.loads(line)["id"] for line in result.stdout.splitlines()]
        return [c["id"] for c in json.loads(result.stdout)["candidates"]]

    at_references = shown("reference")
    assert JONAS in at_references
    assert "k03-sofie-brandt" not in at_references  # a proposed knock-out nobody decided on
    assert JONAS not in shown("samtale2")  # the override was made on other evidence


@pytest.mark.parametrize("workers", ["1", "2"])
def test_json_lines_carry_each_decision_as_the_json_document_does(run, tmp_path, workers):
    """`--format jsonl` carried no decision at all: a talent pool read by a machine showed
    a candidate a person had stopped, or overridden, as if no one had decided."""
    assert decide(run, JONAS, "--override", "--reason", "Konstitueret skoleleder i to år",
                  "--operator", "Formand").exit_code == 0
    assert decide(run, LENE, "--stop", "--reason", "Ingen ledelseserfaring oplyst",
                  "--operator", "Formand").exit_code == 0
    changed = str(_changed_record(tmp_path, JONAS))  # other evidence, by its sha256
    records = [str(EXAMPLES / f"{METTE}.yaml"), str(EXAMPLES / f"{LENE}.yaml"), changed]

    def decisions(fmt: str, inputs: list[str], *options: str) -> dict:
        result = cli("screen", PROFILE, *inputs, "--rules-dir", str(ROOT / "rules"),
                     "--no-audit", "--format", fmt, *options)
        assert result.exit_code == 0, result.output
        if fmt == "json":
            return {c["id"]: c["decision"] for c in json.loads(result.stdout)["candidates"]}
        return {c["id"]: c["decision"] for c in map(json.loads, result.stdout.splitlines())}

    for inputs, options in [([str(EXAMPLES)], ["--stage", "reference"]),
                            ([str(EXAMPLES)], ["--stage", "samtale2"]),
                            (records, ["--stage", "reference"]),
                            (records, ["--stage", "reference", "--run", run]),
                            ([str(EXAMPLES)], ["--stage", "samtale2", "--run", run])]:
        in_document = decisions("json", inputs, *options)
        assert decisions("jsonl", inputs, *options, "--workers", workers) == in_document
        assert any(in_document.values()) and in_document[METTE] is None
    # the summary beside the stream never calls standing what a line shows as earlier
    beside = cli("screen", PROFILE, *records, "--rules-dir", str(ROOT / "rules"), "--no-audit",
                 "--format", "jsonl", "--stage", "reference", "--run", run)
    assert "Stående beslutninger" not in beside.stderr
    standing = decisions("jsonl", [str(EXAMPLES)], "--stage", "reference")
    assert (standing[JONAS]["decision"], standing[JONAS]["by"]) == ("override", "Formand")
    assert "other_stage" not in standing[JONAS]
    assert decisions("jsonl", records, "--stage", "reference")[JONAS]["other_stage"] == \
        "reference"


def test_a_recorded_json_lines_run_keeps_no_copy_of_a_decision_in_its_results(run, audit_db):
    """The line a stream writes shows the decision standing then; the run's recorded result
    kept that copy, which a later decision could supersede while the export still showed it."""
    assert decide(run, JONAS, "--override", "--reason", "Konstitueret skoleleder i to år",
                  "--operator", "Formand").exit_code == 0
    streamed = cli("screen", PROFILE, str(EXAMPLES), "--stage", "reference", "--rules-dir",
                   str(ROOT / "rules"), "--format", "jsonl")
    assert streamed.exit_code == 0, streamed.output
    lines = {c["id"]: c for c in map(json.loads, streamed.stdout.splitlines())}
    assert lines[JONAS]["decision"]["decision"] == "override"
    store = AuditStore(audit_db)
    try:
        recorded = store.results(store.runs()[-1]["run"])
    finally:
        store.close()
    assert recorded and all("decision" not in r for r in recorded)


@pytest.mark.parametrize("lang, said", [
    ("da", ["E402 begrundelsen er 100000 tegn lang; højst 10000",
            "E402 navnet er 3000 tegn langt; højst 2000"]),
    ("en", ["E402 the reason is 100000 characters long; at most 10000",
            "E402 the name is 3000 characters long; at most 2000"])])
def test_a_reason_or_name_of_a_hundred_thousand_characters_is_refused(run, audit_db, lang,
                                                                     said):
    """A reason of 100,000 characters (or a megabyte through the API) was recorded, and
    shown in full in the shortlist, the guide, the report and every CSV row of the
    candidate; so was a name as long."""
    long_reason = decide(run, METTE, "--stop", "--reason", "ord." * 25_000, "--operator",
                         "Formand", env={"SCREENING_LANG": lang})
    long_name = decide(run, METTE, "--stop", "--reason", "Trak ansøgningen", "--operator",
                       "F" * 3000, env={"SCREENING_LANG": lang})
    for result, words in zip((long_reason, long_name), said, strict=True):
        assert result.exit_code == 2
        assert f"{run} {METTE}: {words}" in result.output
    with pytest.raises(DecisionRefused):
        AuditStore(audit_db).decide(run, METTE, "stop", "x" * 1_000_000, "Formand")
    assert AuditStore(audit_db).decisions(run) == []


def test_a_decision_stands_when_the_rule_file_changes_only_what_no_verdict_reads(
        tmp_path, audit_db):
    """An interview question added to the rule file (to prepare the next stage) changed
    its sha256, and every decision made on these records, at this stage, then read
    "på andet grundlag": the shortlist stopped following it and the knock-out was proposed
    again. Decisions stand on the grounds of the verdicts; a change of those (a weight, a
    threshold, the coverage asked for) still puts them on other evidence."""
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    rule_file = rules / f"{PROFILE}.yaml"
    screened = cli("screen", PROFILE, str(EXAMPLES), "--stage", "reference",
                   "--rules-dir", str(rules))
    assert screened.exit_code == 0, screened.output
    run = AuditStore(audit_db).runs()[-1]["run"]
    assert decide(run, JONAS, "--confirm", "--reason", "Ingen ledere", "--operator",
                  "Formand").exit_code == 0

    def shown() -> dict:
        result = cli("screen", PROFILE, str(EXAMPLES), "--stage", "reference", "--rules-dir",
                     str(rules), "--format", "json", "--no-audit")
        assert result.exit_code == 0, result.output
        return next(c for c in json.loads(result.stdout)["candidates"]
                    if c["id"] == JONAS)["decision"]

    text = rule_file.read_text(encoding="utf-8")
    assert "questions:\n" in text and "min_coverage: 40\n" in text
    first_question = text.index("\n    - \"", text.index("\nquestions:\n")) + 8
    rule_file.write_text(text[:first_question] + "Kort sagt: " + text[first_question:]
                         .replace("\n\n", "\n# rettet før 2. samtale\n\n", 1),
                         encoding="utf-8")
    stands = shown()
    assert stands["reason"] == "Ingen ledere" and "other_stage" not in stands
    rule_file.write_text(text.replace("min_coverage: 40\n", "min_coverage: 45\n"),
                         encoding="utf-8")
    other = shown()  # other grounds: shown, not followed, and said which
    assert (other["other_stage"], other["other_because"]) == ("reference", "profile")


def test_grounds_are_compared_where_both_runs_kept_them_and_files_where_one_did_not():
    new, edited, old = ProfileKey("a", "g"), ProfileKey("b", "g"), ProfileKey("a")
    assert new.same_grounds(edited) and edited.same_grounds(new)
    assert old.same_grounds(new) and not old.same_grounds(edited)
    assert not new.same_grounds(ProfileKey("a", "h"))

