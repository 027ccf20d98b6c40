"""`screening lint`: each finding code, `lint_ignore`, and the shipped rule files are clean."""

from __future__ import annotations

import textwrap

from click.testing import CliRunner

from screening.cli import main
from screening.lint import lint_paths

from .conftest import ROOT

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
         section: S, lint_ignore: [L302, L201], when: {fact: ledere}}
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
