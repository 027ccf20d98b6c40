"""Protected attributes: coded wording, names, proxy fields and caps on experience are found
by lint (E501) and refused by screen, explain, shortlist and test; legitimate words are not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from screening.candidates import load_records
from screening.cli import main
from screening.errors import RuleFileError
from screening.protected import findings, lists
from screening.rulefiles import load_profile
from screening.screen import Screener, screen

from .conftest import ROOT, STRONG, write

HEAD = """\
    profile: {id: p, title: T, organisation: O, source: s.txt, version: "1", date: 2024-01-01}
    competencies: {relationelle: Relationelle kompetencer, energi: %(label)s}
    derived:
      ledere: {description: Har ledet ledere, of: positions, where: {field: leaders_led, gte: 1},
               aggregate: exists}
      erfaring_aar: {description: År i stillinger, of: positions, aggregate: sum, field: years}
    criteria:
      - {id: ledere, name: Ledelse af ledere, category: faglige, priority: krav, quote: q,
         section: S, when: {fact: ledere}}
      - id: tjekket
        name: %(name)s
        category: personlige
        priority: ønske
        quote: %(quote)s
        section: S
        when: %(when)s
"""
LEGITIMATE = {"name": "Relationelle kompetencer", "quote": "Du skaber relationer",
              "label": "Energi i samarbejdet", "when": "{assessed: relationelle}"}


def rule_file(tmp_path: Path, **changes: str) -> Path:
    return write(tmp_path, "p.yaml", HEAD % {**LEGITIMATE, **changes})


def messages(path: Path) -> list[str]:
    return [f.message for f in findings(load_profile(path))]


MISSED = [  # the wordings issue 16 found missed, and their kin
    ({"name": "Ung og dynamisk"}, "'Ung og'"),
    ({"name": "Udseende og fremtoning"}, "'Udseende'"),
    ({"quote": "Dansk som modersmål"}, "'modersmål'"),
    ({"quote": "Du er en energisk ung leder"}, "energisk ung"),
    ({"name": "Moden leder med overblik"}, "'Moden"),
    ({"quote": "Etnisk dansk baggrund er en fordel"}, "'Etnisk'"),
    ({"quote": "Vi søger en kvindelig direktør"}, "'kvindelig'"),
    ({"quote": "Du er højst 45 år"}, "'højst 45 år'"),
    ({"quote": "A young and dynamic leader"}, "'young'"),
    ({"quote": "Native speaker of Danish"}, "'Native speaker'"),
    ({"label": "Energisk ung profil", "when": "{assessed: energi}"}, "competency label"),
    ({"when": "{fact: erfaring_aar, lte: 15}"}, "caps erfaring_aar at lte 15"),
    ({"when": "{not: {fact: erfaring_aar, gt: 20}}"}, "caps erfaring_aar at not gt 20"),
    ({"when": "{some: education, where: {field: year, gte: 2010}}"}, "education.year"),
]


@pytest.mark.parametrize(("change", "shown"), MISSED, ids=[m[1] for m in MISSED])
def test_each_missed_wording_is_found_by_lint_and_refused_by_screen(tmp_path, change, shown):
    path = rule_file(tmp_path, **change)
    found = messages(path)
    assert len(found) >= 1 and all(m.startswith("tjekket: ") for m in found), found
    assert any(shown in m for m in found), found

    linted = CliRunner().invoke(main, ["--lang", "en", "lint", str(path)])
    assert linted.exit_code == 1 and f"{path}:10:1: E501 tjekket: " in linted.output

    candidate = write(tmp_path, "strong.yaml", STRONG)
    screened = CliRunner().invoke(main, ["screen", str(path), str(candidate), "--no-audit"])
    assert screened.exit_code == 2
    assert f"fejl: {path}:10:1: E501 tjekket: " in screened.output
    assert "Screenet:" not in screened.output  # nothing was screened, nothing recorded


@pytest.mark.parametrize("command", [["explain"], ["shortlist", "--take", "1"]])
def test_explain_and_shortlist_refuse_too(tmp_path, command):
    path = rule_file(tmp_path, name="Ung og dynamisk")
    candidate = write(tmp_path, "strong.yaml", STRONG)
    result = CliRunner().invoke(main, [command[0], str(path), str(candidate), *command[1:]])
    assert result.exit_code == 2 and "E501 tjekket: navnet siger 'Ung og'" in result.output


def test_the_python_api_refuses_such_a_profile_as_the_commands_do(tmp_path):
    """`screen` refused the profile (E501) while Screener and screen() screened with it: a
    service built on the API ranked candidates on "Ung og dynamisk"."""
    path = rule_file(tmp_path, name="Ung og dynamisk")
    records = [r.record for r in load_records([write(tmp_path, "strong.yaml", STRONG)])[0]]
    with pytest.raises(RuleFileError, match=f"{re.escape(str(path))}:10:1: E501 tjekket: "):
        Screener(load_profile(path), path)
    with pytest.raises(RuleFileError, match="E501"):
        screen(load_profile(path), records)


def test_screening_test_refuses_a_scenario_on_such_a_profile(tmp_path):
    rules = tmp_path / "regler"
    rules.mkdir()
    rule_file(rules, quote="Dansk som modersmål")
    feature = write(tmp_path, "p.feature", """\
        # language: da
        Egenskab: En profil med en beskyttet oplysning

          Scenarie: Profilen afvises
            Givet profilen "p"
        """)
    result = CliRunner().invoke(main, ["test", str(feature), "--rules-dir", str(rules)])
    assert result.exit_code == 2, result.output
    assert "E501" in result.output


@pytest.mark.parametrize("text", [
    "Du har erfaring med at lede en dynamisk organisation",
    "båret af en dynamisk, åben og ærlig tilgang",
    "de bedst mulige rammer for børn, unge og familier med særlige behov",
    "Direktør for Børn, Unge og Familier",
    "Indsigt i ældreområdet",
    "Mindst 10 års ledelseserfaring",
    "Du har mindst 25 års erfaring",
    "Organisationens digitale modenhed",
    "Du kan forklare komplekse sager i et klart og forståeligt sprog",
])
def test_legitimate_words_are_not_flagged(tmp_path, text):
    assert messages(rule_file(tmp_path, quote=text, name=text)) == []


def test_a_floor_on_experience_is_not_a_cap(tmp_path):
    assert messages(rule_file(tmp_path, when="{fact: erfaring_aar, gte: 5}")) == []
    assert messages(rule_file(tmp_path, when="{not: {fact: erfaring_aar, lt: 5}}")) == []


def test_lint_ignore_accepts_it_knowingly_and_then_it_screens(tmp_path):
    path = rule_file(tmp_path, name="Udseende og fremtoning")
    text = path.read_text(encoding="utf-8").replace(
        "    section: S\n", "    section: S\n    lint_ignore: [{code: E501, reason: 'Citeret "
        "fra en afgørelse som eksempel på, hvad en profil ikke må'}]\n")
    path.write_text(text, encoding="utf-8")
    assert messages(path) == []
    candidate = write(tmp_path, "strong.yaml", STRONG)
    screened = CliRunner().invoke(main, ["screen", str(path), str(candidate), "--no-audit"])
    assert screened.exit_code == 0, screened.output


@pytest.mark.parametrize("path", sorted((ROOT / "rules").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_shipped_profile_is_clean_and_screens(path):
    assert messages(path) == []
    examples = ROOT / "examples" / "candidates" / path.stem
    result = CliRunner().invoke(main, ["screen", str(path), str(examples), "--no-audit"])
    assert result.exit_code == 0, result.output


def test_every_entry_of_the_word_lists_has_a_source():
    loaded = lists()
    assert loaded.wordings and loaded.identifiers and loaded.caps_source
    assert all(w.patterns and w.source for w in loaded.wordings)
    assert all(i.source for i in loaded.identifiers)


def test_the_seed_documents_raise_no_wording_finding():
    """The five source profiles describe organisations and tasks, not the person's age,
    gender or origin: a pattern matching their text would be imprecise."""
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("../shared/seeds/ not present")
    hits = [(seed.name, m.group(0)) for seed in seeds
            for text in [" ".join(seed.read_text(encoding="utf-8").split())]
            for w in lists().wordings for p in w.patterns for m in p.finditer(text)]
    assert hits == []


def test_the_findings_read_in_english_too(tmp_path):
    path = rule_file(tmp_path, **{"when": "{fact: erfaring_aar, lte: 15}"})
    out = CliRunner().invoke(main, ["--lang", "en", "lint", str(path)]).output
    assert "a ceiling on years of experience is an age proxy" in out
    out = CliRunner().invoke(main, ["lint", str(path)]).output
    assert "et loft over års erfaring står i stedet for alder" in out




def test_replaying_a_run_whose_profile_is_refused_today_says_where_the_trail_keeps_it(
        tmp_path):
    """A run recorded before a word list grew is refused on replay (E501), as any screening
    with its profile is now; the message named the temporary folder its rule files were
    read back into, gone before anyone read it."""
    from datetime import date

    from screening.audit.recording import record_run

    path = rule_file(tmp_path, name="Ung og dynamisk")
    db = tmp_path / "audit.db"
    run = record_run(db, load_profile(path), path, "samtale2", date(2024, 1, 1), "F", "screen",
                     {}, [])
    replayed = CliRunner().invoke(main, ["audit", "replay", run, "--audit-db", str(db)])
    assert replayed.exit_code == 2, replayed.output
    assert f"audit/{run}/p.yaml:10:1: E501 tjekket: " in replayed.output
    assert "/tmp" not in replayed.output.replace(str(tmp_path), "")
