"""Text typed by people reaches terminals and documents harmlessly (issue 15, defect 8)."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from click.testing import CliRunner

from screening.audit.store import AuditStore
from screening.cli import main
from screening.display import markdown, one_line, terminal

from .conftest import ROOT, write

HOSTILE_NAME = "Mette\x1b[2J\x1b[H Kjær\u202e"
FORGED = "ok\n\n## Beslutninger\n\n- 2026-01-01: knockout underkendt af Borgmesteren"


def test_control_and_format_characters_are_dropped_and_lines_kept_or_joined():
    assert terminal("a\x1b[2Jb\u202ec\u200b\nd\te\x7f\x9b") == "a[2Jbc\nd\te"  # ESC gone
    assert one_line(" to\n\nlinjer\r\n\tog \x1b[31mfarve ") == "to linjer og [31mfarve"
    # the line and paragraph separators, which some viewers break a line at
    assert terminal("Mette\u2028## Beslutninger\u2029x\n") == "Mette## Beslutningerx\n"
    assert one_line("Mette\u2028Kjær\u2029Holm") == "Mette Kjær Holm"


def test_every_control_and_format_character_of_unicode_is_dropped_from_plain_text():
    unseen = [chr(c) for c in range(sys.maxunicode + 1)
              if unicodedata.category(chr(c)) in ("Cc", "Cf", "Zl", "Zp")
              and chr(c) not in "\n\t"]
    assert len(unseen) > 150  # C0, DEL, C1 and the format characters
    for ch in unseen:
        assert terminal(f"Kandidat{ch} 1\nplain line\t2\n") == "Kandidat 1\nplain line\t2\n"
    plain = "Nr.  Kandidat  Score – æøå 60,5 %\n1    k0000007\n"
    assert terminal(plain) is plain


def test_markdown_escapes_what_could_make_structure():
    assert markdown("# *fed* [link](x) `kode` <b>|") == \
        r"\# \*fed\* \[link\](x) \`kode\` \<b\>\|"
    assert "\n" not in markdown(FORGED)


def test_explain_shows_a_name_without_its_escape_sequences(tmp_path, audit_db):
    write(tmp_path, "k.yaml", f"""\
        id: k
        personal: {{name: "{HOSTILE_NAME.encode('unicode_escape').decode()}"}}
        positions:
          - {{title: "Chef\\x1b[2J", organisation: "Kommune\\x07", sector: kommune,
              start: 2015-01-01, leadership_level: chef, leaders_led: 3}}
        """)
    result = CliRunner().invoke(main, ["explain", str(ROOT / "rules" /
                                                     "helsingor-direktor-2024.yaml"),
                                       str(tmp_path / "k.yaml"), "--id", "k"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    screened = CliRunner().invoke(main, ["screen", str(ROOT / "rules" /
                                                       "helsingor-direktor-2024.yaml"),
                                         str(tmp_path / "k.yaml"), "--format", "markdown"])
    assert screened.exit_code == 0 and "\x1b" not in screened.output


def recorded_run(audit_db) -> str:
    """The run of Helsingør's examples, recorded in `audit_db`, for a decision to be made on."""
    screened = CliRunner().invoke(main, [
        "screen", "helsingor-direktor-2024", str(ROOT / "examples" / "candidates" /
                                                 "helsingor-direktor-2024"),
        "--rules-dir", str(ROOT / "rules"), "--audit-db", str(audit_db), "--format", "json"])
    assert screened.exit_code == 0
    (run,) = [r["run"] for r in AuditStore(audit_db).runs()]
    return run


def test_a_reason_cannot_forge_a_section_of_the_export(tmp_path, audit_db):
    run = recorded_run(audit_db)
    decided = CliRunner().invoke(main, ["decide", run, "k04-jonas-vestergaard", "--override",
                                        "--reason", FORGED, "--operator", "Konsulent\x1b[2J",
                                        "--audit-db", str(audit_db)])
    assert decided.exit_code == 0, decided.output
    for args, said in ((("audit", "export"), r"ok \#\# Beslutninger - 2026-01-01"),
                       # read in a terminal as written, but on the decision's own line
                       (("audit", "show"), "ok ## Beslutninger - 2026-01-01")):
        text = CliRunner().invoke(main, [*args, run, "--candidate", "k04-jonas-vestergaard",
                                         "--audit-db", str(audit_db)]).output
        assert [line for line in text.splitlines()
                if line.startswith("## Beslutninger")] == ["## Beslutninger"], text
        assert "\x1b" not in text
        assert said in text


def test_a_reason_of_only_invisible_characters_is_no_reason(audit_db):
    run = recorded_run(audit_db)
    refused = CliRunner().invoke(main, ["decide", run, "k04-jonas-vestergaard", "--override",
                                        "--reason", "\u200b \u200b", "--audit-db",
                                        str(audit_db)])
    assert refused.exit_code == 2 and "--reason" in refused.output


def test_a_rule_files_hidden_characters_reach_no_listing_and_no_json_of_explain(
        tmp_path):
    """A title, organisation or criterion name with a bell, NUL or direction override went
    to the terminal as written in `profiles`, `profile show`, `shortlist`'s reasons and
    `explain --format json` (the JSON of `screen` never had them)."""
    hidden = "\\x00\\x07\\u202e\\u200b"
    rules = tmp_path / "rules"
    rules.mkdir()
    text = (ROOT / "rules" / "helsingor-direktor-2024.yaml").read_text(encoding="utf-8")
    text = text.replace("\n  organisation: ", f'\n  organisation: "Kommunen{hidden}" # ', 1)
    text = text.replace("\n    name: ", f'\n    name: "Kriteriet{hidden}" # ', 1)
    (rules / "helsingor-direktor-2024.yaml").write_text(text, encoding="utf-8")
    candidates = str(ROOT / "examples" / "candidates" / "helsingor-direktor-2024")
    for args in (["profiles"], ["profile", "show", "helsingor-direktor-2024"],
                 ["shortlist", "helsingor-direktor-2024", candidates, "--take", "8"],
                 ["explain", "helsingor-direktor-2024", candidates, "--id", "k01-mette-kjaer",
                  "--format", "json", "--no-audit"]):
        result = CliRunner().invoke(main, [*args, "--rules-dir", str(rules)])
        assert result.exit_code == 0, result.output
        assert not any(ch in result.stdout for ch in "\x00\x07\u202e\u200b"), args
        assert "Kommunen" in result.stdout or "Kriteriet" in result.stdout, args


def test_a_file_named_with_hidden_characters_is_reported_without_them(tmp_path):
    """A candidate's file named 'k<BEL><U+202E>.yaml' (an upload may be named anything) went
    to the terminal as named in the line reporting it; so did an argument the command could
    not find."""
    folder = tmp_path / "kandidater"
    folder.mkdir()
    write(folder, "k\x07\u202e.yaml", "id: k\npositions: 5\n")
    write(folder, "ok.yaml", "id: ok\n")
    profile = str(ROOT / "rules" / "helsingor-direktor-2024.yaml")
    result = CliRunner().invoke(main, ["screen", profile, str(folder), "--no-audit"])
    assert result.exit_code == 0, result.output
    assert f"fejl: {folder}/k.yaml:2:1: E101 positions: skal være en liste (fik 5)" \
        in result.stderr.splitlines()
    missing = CliRunner().invoke(main, ["screen", profile, str(folder / "nej\x07\u202e.yaml")])
    assert missing.exit_code == 2
    assert f"fejl: {folder}/nej.yaml: E001 filen findes ikke" in missing.stderr.splitlines()


def test_lint_and_trace_show_a_file_name_or_statement_without_hidden_characters(tmp_path):
    """`lint` printed a rule file's name as it is ('r<BEL><U+202E>.yaml'), and `trace` a
    statement of the profile text with its bell and direction override."""
    bad = write(tmp_path, "r\x07\u202e.yaml", "profile: 5\n")
    linted = CliRunner().invoke(main, ["lint", str(bad)])
    assert linted.exit_code == 1
    assert linted.output.splitlines()[0].startswith(f"{tmp_path}/r.yaml:1:1: E101 profile:")
    text = write(tmp_path, "profil.md", "# T\n\nDu skal have erfaring med ledelse af ledere.\n\n"
                                        "Du skal kunne lide\x07 kaffe\u202e.\n")
    rule_file = tmp_path / "udkast.yaml"
    drafted = CliRunner().invoke(main, ["new", str(text), "--out", str(rule_file)])
    assert drafted.exit_code == 0, drafted.output
    kept = rule_file.read_text(encoding="utf-8")  # the first criterion only
    rule_file.write_text(kept[:kept.index("  - id:", kept.index("  - id:") + 1)],
                         encoding="utf-8")
    traced = CliRunner().invoke(main, ["trace", str(rule_file)])
    assert traced.exit_code == 1, traced.output
    assert "Du skal kunne lide kaffe." in traced.output
    assert "\x07" not in traced.output and "\u202e" not in traced.output


@pytest.mark.parametrize("operator", ["\x07", "\u200b \u200b", "\u202e"])
def test_an_operator_of_only_invisible_characters_names_nobody(audit_db, operator):
    """`decide … --operator $'\\x07'` recorded a decision by a person shown as nobody: the
    decision a named person must make had no name."""
    run = recorded_run(audit_db)
    before = AuditStore(audit_db).head()
    for args in (["--operator", operator], []):
        refused = CliRunner().invoke(main, ["decide", run, "k04-jonas-vestergaard", "--confirm",
                                            "--reason", "Har ikke ledet ledere", *args,
                                            "--audit-db", str(audit_db)],
                                     env={"SCREENING_OPERATOR": operator})
        assert refused.exit_code == 2, refused.output
        assert "en beslutning kræver en navngiven person" in refused.output
    assert AuditStore(audit_db).head() == before
