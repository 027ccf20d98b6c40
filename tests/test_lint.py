"""`screening lint`: each finding code, `lint_ignore`, and the shipped rule files are clean."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from screening import rulefiles
from screening.cli import main
from screening.lint import lint_paths

from .conftest import ROOT
from .test_rulefiles import HEAD

RULES = """\
    profile: {id: p, title: T, organisation: O, source: s.txt, version: "1", date: 2024-01-01}
    competencies: {relationelle: Relationelle}
    derived:
      ledere: {description: d, of: positions, where: {field: leaders_led, gte: 1},
               aggregate: exists}
      ubrugt: {description: u, of: positions, where: {field: staff_led, gte: 1},
               aggregate: exists}
      gammel: {description: y, of: education, where: {field: year, lt: 1980}, aggregate: exists}
    criteria:
      - {id: aldrig, name: A, category: faglige, priority: ønske, quote: q, section: S,
         when: {all: [{fact: ledere}, {not: {fact: ledere}}]}}
      - {id: altid, name: B, category: faglige, priority: ønske, quote: q, section: S,
         when: {any: [{fact: ledere}, {not: {fact: ledere}}]}}
      - {id: dobbelt1, name: C, category: personlige, priority: ønske, quote: q, section: S,
         when: {assessed: relationelle}}
      - {id: dobbelt2, name: D, category: personlige, priority: ønske, quote: q, section: S,
         when: {assessed: relationelle}}
      - {id: onske-som-krav, name: E, category: faglige, priority: krav, quote: Det er et plus,
         section: S, when: {fact: ledere}}
      - {id: krav-som-onske, name: F, category: faglige, priority: ønske, quote: Du skal kunne,
         section: S, when: {fact: ledere}}
      - {id: alder, name: G, category: faglige, priority: ønske, quote: q, section: S,
         when: {fact: gammel}}
      - {id: bevidst, name: H, category: faglige, priority: ønske, quote: Du skal kunne,
         section: S, when: {fact: ledere},
         lint_ignore: [{code: L302, reason: "r1"}, {code: L201, reason: "r2"}]}
      - {id: beskrivelse-som-krav, name: I, category: personlige, priority: krav,
         quote: Du er autentisk, section: S, when: {assessed: relationelle}}
      - {id: vaegt-uden-ord, name: J, category: personlige, priority: ønske, weight: 2,
         quote: Du er autentisk, section: S, when: {assessed: relationelle}}
      - {id: vigtig-uden-vaegt, name: K, category: personlige, priority: ønske,
         quote: Det er vigtigt at være robust, section: S, when: {assessed: relationelle}}
"""


def findings(tmp_path) -> dict[str, set[str]]:
    path = tmp_path / "p.yaml"
    path.write_text(textwrap.dedent(RULES), encoding="utf-8")
    found: dict[str, set[str]] = {}
    for f in lint_paths([path]):
        subject = str(f).split(" ")[2].rstrip(":")
        found.setdefault(f.code, set()).add(subject if f.code != "L401" else str(f))
    return found


def test_each_kind_of_finding_names_its_criterion(tmp_path):
    found = findings(tmp_path)
    assert found["L101"] == {"aldrig"}
    assert found["L102"] == {"altid"}
    assert "dobbelt2" in found["L201"]
    assert found["L301"] == {"onske-som-krav"}
    assert found["L302"] == {"krav-som-onske"}
    assert found["L303"] == {"beskrivelse-som-krav"}
    assert found["L304"] == {"vaegt-uden-ord"}
    assert found["L305"] == {"vigtig-uden-vaegt"}
    assert found["E501"] == {"alder"}
    assert any("'ubrugt'" in f for f in found["L401"])


def test_lint_ignore_accepts_a_code_knowingly(tmp_path):
    found = findings(tmp_path)
    assert all("bevidst" not in subjects for code, subjects in found.items()
               if code in ("L302", "L201"))


def test_output_and_exit_codes_are_those_of_a_linter(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(textwrap.dedent(RULES), encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", str(path)])
    assert result.exit_code == 1
    assert f"{path}:22:1: E501 alder: læser education.year: afgangsåret kan stå i stedet " \
        "for alder" in result.output
    clean = CliRunner().invoke(main, ["lint", "--rules-dir", str(ROOT / "rules")])
    assert clean.exit_code == 0, clean.output
    shipped = [*(ROOT / "rules").glob("*.yaml"), *(ROOT / "rules").glob("modules/*.yaml")]
    assert f"Ingen fund i {len(shipped)} fil(er)." in clean.output


def test_a_bare_lint_ignore_code_is_refused_with_its_place(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(textwrap.dedent(RULES).replace(
        '[{code: L302, reason: "r1"}, {code: L201, reason: "r2"}]', "[L302]"), encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", str(path)])
    assert result.exit_code == 1
    assert f"{path}:26:20:" in result.output
    assert "criteria[7].lint_ignore[0]: lint-koden L302 skal have en begrundelse" \
        in result.output
    english = CliRunner().invoke(main, ["--lang", "en", "lint", str(path)])
    assert "lint code L302 needs a reason" in english.output


def _wording_findings(tmp_path: Path, extra: str, quote: str, priority: str,
                      module: bool = False) -> set[str]:
    head = ("module: {id: m, title: T, organisation: O, source: s.txt}" if module else
            'profile: {id: p, title: T, organisation: O, source: s.txt, version: "1", '
            "date: 2024-01-01}")
    path = tmp_path / "w.yaml"
    path.write_text(f"""{head}
competencies: {{c: C}}
criteria:
  - {{id: k, name: K, category: faglige, priority: {priority}, quote: "{quote}",
     section: S, when: {{assessed: c}}}}
{extra}""", encoding="utf-8")
    return {f.code for f in lint_paths([path])}


SKAL = "Du skal have et godt strategisk blik"
SOFTENER = ('set_aside:\n  - {quote: "Vi forventer ikke, at du kan alt", reason: "how to read '
            'the list"}\n')


def test_a_softened_list_reads_skal_as_a_weighted_wish(tmp_path):
    assert _wording_findings(tmp_path, "", SKAL, "krav") == set()
    assert _wording_findings(tmp_path, SOFTENER, SKAL, "krav") == {"L303"}
    assert _wording_findings(tmp_path, SOFTENER, SKAL, "ønske") == {"L305"}
    assert _wording_findings(tmp_path, SOFTENER, "Det er afgørende, at du", "krav") == set()


def test_an_organisation_module_never_makes_a_krav(tmp_path):
    assert _wording_findings(tmp_path, "", SKAL, "krav", module=True) == {"L303"}
    path = tmp_path / "w.yaml"
    (finding,) = lint_paths([path])
    assert finding.message == ("k: is a krav, but an organisation module never makes one (the "
                               "profile that includes it decides)")
    assert _wording_findings(tmp_path, "", "Ærlighed er afgørende", "ønske",
                             module=True) == {"L305"}


@pytest.mark.parametrize("rule_file", sorted(
    [*(ROOT / "rules").glob("*.y*ml"), *(ROOT / "rules").glob("modules/*.y*ml")]),
    ids=lambda p: p.name)
def test_every_accepted_finding_carries_its_reason_in_profile_show(rule_file):
    from screening.rulefiles import load_profile

    profile = load_profile(rule_file, allow_module=True)
    mine = [c for c in profile.criteria if c.rule_file == str(rule_file) and c.lint_ignore]
    if not mine:
        return
    shown = CliRunner().invoke(main, ["profile", "show", str(rule_file)])
    for c in mine:
        for code, reason in zip(c.lint_ignore, c.lint_reasons, strict=True):
            assert reason.strip()
            assert f"Lint {code} accepteret: {reason}" in shown.output


def test_a_krav_softened_by_the_set_aside_softener_is_told_so_not_that_no_word_makes_it(
        tmp_path):
    """'Du skal …' under a softener: its 'skal' does make a krav but for the softener, and
    the message said no word of the quote did, sending the consultant to look for one."""
    assert _wording_findings(tmp_path, SOFTENER, SKAL, "krav") == {"L303"}
    (finding,) = lint_paths([tmp_path / "w.yaml"])
    assert finding.message == ("k: is a krav, but its 'skal' stands in a list softened by 'Vi "
                               "forventer ikke, at du kan alt' (set_aside), so it reads as an "
                               "ønske of weight 2")
    danish = CliRunner().invoke(main, ["lint", str(tmp_path / "w.yaml")])
    assert ("k: er et krav, men dets 'skal' står i en liste, der blødgøres af 'Vi forventer "
            "ikke, at du kan alt' (set_aside); det læses som et ønske med vægt 2"
            ) in danish.output


def test_two_rule_files_with_one_profile_id_are_an_error_at_the_second_id(tmp_path):
    """`screen <id>` takes one file of an id: two profiles with it are E213, the modules
    they include are not profiles and never clash."""
    shipped = sorted((ROOT / "rules").glob("*.yaml"))
    first, second = shipped[0], shipped[1]
    shutil.copytree(ROOT / "rules" / "modules", tmp_path / "modules")
    copy = tmp_path / ("aa-" + first.name)  # neither file named by the id
    copy.write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    profile_id = next(line.split(":", 1)[1].strip() for line in copy.read_text().splitlines()
                      if line.startswith("  id:"))
    text = second.read_text(encoding="utf-8")
    (twin_line,) = [n for n, line in enumerate(text.splitlines(), start=1)
                    if line.startswith("  id:")]
    twin = tmp_path / ("zz-" + second.name)
    twin.write_text(text.replace(text.splitlines()[twin_line - 1], f"  id: {profile_id}", 1),
                    encoding="utf-8")
    found = [f for f in lint_paths([copy, twin, *sorted((ROOT / "rules" / "modules")
                                                         .glob("*.yaml"))])
             if f.code == "E213"]
    assert [(f.path, f.line, f.column) for f in found] == [(str(twin), twin_line, 3)]
    assert f"'{profile_id}'" in str(found[0]) and str(copy) in str(found[0])

    # looked up by that id: refused, not one of the two taken
    ambiguous = CliRunner().invoke(main, ["screen", profile_id, str(ROOT / "examples"),
                                          "--rules-dir", str(tmp_path), "--no-audit"])
    assert ambiguous.exit_code == 2, ambiguous.output
    assert f"{twin}: E213 " in ambiguous.output


def test_a_copy_that_kept_the_id_of_a_file_named_by_it_is_an_error(tmp_path):
    """`screen <id>` takes rules/<id>.yaml by its name; a copy saved beside it under another
    name with the id unchanged was never noticed, and the old file screened. A file that
    only mentions the id (a module's comment) is no second profile."""
    shipped = sorted((ROOT / "rules").glob("*.yaml"))[0]
    shutil.copytree(ROOT / "rules" / "modules", tmp_path / "modules")
    text = shipped.read_text(encoding="utf-8")
    profile_id = rulefiles.load_profile(shipped).meta.id
    (tmp_path / f"{profile_id}.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "notes.yaml").write_text(f"# {profile_id}: see the committee's notes\n",
                                         encoding="utf-8")
    args = ["screen", profile_id, str(ROOT / "examples"), "--rules-dir", str(tmp_path),
            "--no-audit"]
    assert "E213" not in CliRunner().invoke(main, args).output
    copy = tmp_path / f"{profile_id}-ny.yaml"
    copy.write_text(text, encoding="utf-8")
    twice = CliRunner().invoke(main, args)
    assert twice.exit_code == 2, twice.output
    assert f"{copy}: E213 " in twice.output


def test_a_lint_ignore_that_ignores_nothing_is_found(tmp_path):
    """An exception kept after its reason went away (the quote now says 'skal'), or a code
    mistyped, was accepted without a word: it would hide the next mistake of its kind."""
    stale = RULES + textwrap.indent(textwrap.dedent("""\
          - {id: forældet, name: L, category: faglige, priority: krav, quote: Du skal kunne,
             section: S, when: {assessed: relationelle},
             lint_ignore: [{code: L303, reason: "was a description"},
                           {code: L999, reason: "typo"}]}
    """), "      ")
    path = tmp_path / "p.yaml"
    path.write_text(textwrap.dedent(stale), encoding="utf-8")
    said = [str(f) for f in lint_paths([path]) if f.code == "L402"]
    assert len(said) == 2 and all("forældet" in s for s in said), said
    assert any("L303" in s and "ikke finder" in s for s in said)
    assert any("L999" in s and "ikke er en kode" in s for s in said)
    assert findings(tmp_path).get("L402") is None  # bevidst's L302 and L201 both fire


def test_a_weight_out_of_bounds_or_not_a_number_is_said_plainly(tmp_path):
    """'skal være over 0.0' in Danish, and a weight of .nan said to be above 100."""
    path = tmp_path / "p.yaml"
    path.write_text(textwrap.dedent("""\
        profile: {id: p, title: T, organisation: O, source: s.txt, version: "1", date: 2024-01-01}
        competencies: {relationelle: Relationelle}
        criteria:
          - {id: a, name: A, category: faglige, priority: ønske, quote: q, section: S,
             weight: 0, when: {assessed: relationelle}}
          - {id: b, name: B, category: faglige, priority: ønske, quote: q, section: S,
             weight: .nan, when: {assessed: relationelle}}
    """), encoding="utf-8")
    said = [str(f).split(": ", 1)[1] for f in lint_paths([path])]
    assert said == ["E101 criteria[0].weight: skal være over 0 (fik 0)",
                    "E101 criteria[1].weight: skal være et endeligt tal (fik nan)"], said


def test_a_criterion_reading_only_the_cv_with_sources_without_the_application(tmp_path):
    """`sources: [reference]` on a criterion of CV facts alone: profile show said 'Evidens:
    reference', yet the CV counts from the application on (sources limits assessments)."""
    path = tmp_path / "p.yaml"
    path.write_text(textwrap.dedent(HEAD + """\
          - {id: kun-cv, name: A, category: faglige, priority: ønske, quote: q, section: S,
             sources: [reference], when: {fact: ledere}}
          - {id: vurderet, name: B, category: personlige, priority: ønske, quote: r,
             section: S, sources: [samtale1], when: {assessed: relationelle},
             partial: {fact: ledere}}
    """), encoding="utf-8")
    assert [(f.code, str(f).split(" ")[2]) for f in lint_paths([path])
            if f.code == "L202"] == [("L202", "kun-cv:")]


def test_a_partial_that_never_changes_a_status_is_found(tmp_path):
    """A threshold written the wrong way round (`partial` asking more than `when`) or a
    `partial` that cannot hold: it lifts nothing to delvist, without a word."""
    path = tmp_path / "p.yaml"
    path.write_text(textwrap.dedent(HEAD + """\
          - {id: omvendt, name: A, category: faglige, priority: ønske, quote: q, section: S,
             when: {assessed: relationelle, gte: 3}, partial: {assessed: relationelle, gte: 4}}
          - {id: umulig, name: B, category: faglige, priority: ønske, quote: r, section: S,
             when: {assessed: relationelle}, partial: {all: [{fact: ledere},
                                                             {not: {fact: ledere}}]}}
          - {id: rigtig, name: C, category: personlige, priority: ønske, quote: s, section: S,
             when: {assessed: relationelle, gte: 4}, partial: {fact: ledere}}
    """), encoding="utf-8")
    assert sorted(str(f).split(" ")[2] for f in lint_paths([path]) if f.code == "L103") == \
        ["omvendt:", "umulig:"]


def test_a_test_no_record_can_meet_is_never_met(tmp_path):
    """`leaders_led lt 0` can never hold (a record's numbers are at least 0), yet lint took
    -0.5 for a possible value and said nothing."""
    path = tmp_path / "p.yaml"
    path.write_text(textwrap.dedent(HEAD.replace(
        "where: {field: leaders_led, gte: 1}", "where: {field: leaders_led, lt: 0}") + """\
          - {id: negativ, name: A, category: faglige, priority: ønske, quote: q, section: S,
             when: {fact: ledere}}
    """), encoding="utf-8")
    assert [(f.code, str(f).split(" ")[2]) for f in lint_paths([path])
            if f.code == "L101"] == [("L101", "negativ:")]


def test_a_finding_points_at_the_key_to_change(tmp_path):
    """Every finding about a criterion was placed at its `- id:` line, column 1, whatever
    it asked to change; the editor now opens at the priority, weight or condition."""
    path = tmp_path / "p.yaml"
    path.write_text(textwrap.dedent("""\
        profile: {id: p, title: T, organisation: O, source: s.txt, version: "1", date: 2024-01-01}
        competencies: {relationelle: Relationelle}
        criteria:
          - id: krav-uden-ord
            name: A
            category: personlige
            priority: krav
            quote: Du er autentisk
            section: S
            when: {assessed: relationelle}
          - id: for-tung
            name: B
            category: personlige
            priority: ønske
            quote: Du er robust
            section: S
            weight: 2
            when: {assessed: relationelle, gte: 3}
        """), encoding="utf-8")
    assert [str(f).split(" ")[:2] for f in lint_paths([path])] == [
        [f"{path}:7:5:", "L303"], [f"{path}:17:5:", "L304"], [f"{path}:18:5:", "L201"]]


def test_findings_at_one_place_come_in_one_order_whatever_the_process(tmp_path):
    """A rule file missing five fields of `profile:` was listed in another order each run
    (and by `--lang en` beside SCREENING_LANG=en): the findings share one place and code, so
    the order came from a set, which follows each process's hash seed. They are listed in
    the order of their message, in one order for both languages."""
    import os
    import subprocess
    import sys

    path = tmp_path / "p.yaml"
    path.write_text("profile: {id: p}\n", encoding="utf-8")
    outputs = {language: set() for language in ("da", "en")}
    for seed in ("1", "2", "3", "4"):
        for language in outputs:
            run = subprocess.run([sys.executable, "-c", "from screening.cli import main; "
                                  "main()", "--lang", language, "lint", str(path)],
                                 capture_output=True, text=True,
                                 env={**os.environ, "PYTHONHASHSEED": seed}, check=False)
            assert run.returncode == 1, run.stderr
            outputs[language].add(run.stdout)
    assert [len(seen) for seen in outputs.values()] == [1, 1]
    fields = {language: [line.split(" ")[2] for line in next(iter(seen)).splitlines()[:-1]]
              for language, seen in outputs.items()}
    assert fields["da"] == fields["en"] and len(fields["en"]) == 5
