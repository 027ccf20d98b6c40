"""The Danish step library, the pytest plugin, and `screening test` / `steps` / `--check`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from screening.bdd.check import check_file
from screening.bdd.library import step_library
from screening.bdd.runner import run_features
from screening.bdd.steps import find_criterion
from screening.cli import main

from .conftest import ROOT

LIBRARY = step_library()

PASSING = """\
    # language: da
    Egenskab: Helsingør
      Scenarie: Ledelse af ledere
        Givet profilen "helsingor-direktor-2024"
        Og kandidaten "k"
        Og kandidaten har været chef i "Gladsaxe Kommune" (kommune) i 6 år og ledet 4 ledere
        Når kandidaten screenes
        Så er kriteriet "ledelse-af-ledere" "opfyldt"
"""
FAILING = PASSING.replace('"ledelse-af-ledere" "opfyldt"', '"ledelse-af-ledere" "ikke opfyldt"')


def feature(tmp_path, text: str, name: str = "x.feature"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# Susanne and Bo alike (they tie), Ida behind, screened for Ishøj's director post
_SUSANNE_BO_AND_IDA = """\
    # language: da
    Egenskab: {title}
      Baggrund:
        Givet stillingen som Direktør, Ishøj Kommune
        Og ansøgeren Susanne, der i syv år har været direktør i Vallensbæk Kommune med fem ledere under sig
        Og ansøgeren Bo, der i syv år har været direktør i Albertslund Kommune med fem ledere under sig
        Og ansøgeren Ida, der i to år har været teamleder i Greve Kommune
        Når ansøgerne screenes på ansøgningstidspunktet
"""  # noqa: E501


def susanne_bo_and_ida(title: str, scenarios: str) -> str:
    """A feature with `_SUSANNE_BO_AND_IDA` as its background and `scenarios` under it."""
    return (textwrap.dedent(_SUSANNE_BO_AND_IDA).format(title=title)
            + textwrap.indent(textwrap.dedent(scenarios), "  "))


# Sofie, a proposed knock-out at the application (top management outside the political
# system), and Ida, who leads leaders in a municipality, screened for Helsingør's director
_SOFIE_AND_IDA = """\
    # language: da
    Egenskab: Beslutninger
      Baggrund:
        Givet stillingen som Direktør, Helsingør
        Og ansøgeren Sofie, der i otte år har været administrerende direktør i LæringsTech ApS med fem ledere under sig
        Og ansøgeren Ida, der i seks år har været centerchef i Roskilde Kommune med syv afdelingsledere under sig
        Når ansøgerne screenes på ansøgningstidspunktet
"""  # noqa: E501


def sofie_and_ida(scenarios: str) -> str:
    """A feature with `_SOFIE_AND_IDA` as its background and `scenarios` under it."""
    return textwrap.dedent(_SOFIE_AND_IDA) + textwrap.indent(textwrap.dedent(scenarios), "  ")


def what_test_says(path, *options: str) -> str:
    """What `screening test` says of the feature at `path`, on one line (the table wraps
    long cells)."""
    result = CliRunner().invoke(main, [*options, "test", str(path), "--rules-dir",
                                       str(ROOT / "rules")])
    return " ".join(result.output.split())



def run_pytest(path) -> subprocess.CompletedProcess:
    env = dict(os.environ, SCREENING_RULES=str(ROOT / "rules"))
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           str(path)], cwd=path.parent, env=env, capture_output=True,
                          text=True, timeout=120)


def test_pytest_runs_a_feature_file_on_its_own_and_fails_when_a_scenario_fails(tmp_path):
    assert run_pytest(feature(tmp_path, PASSING)).returncode == 0
    failed = run_pytest(feature(tmp_path, FAILING, "y.feature"))
    assert failed.returncode == 1
    assert "Kriteriet 'ledelse-af-ledere' er 'opfyldt' for 'k', forventet 'ikke opfyldt'" \
        in failed.stdout


def test_a_broken_feature_file_does_not_stop_the_others(tmp_path):
    feature(tmp_path, PASSING, "a.feature")
    feature(tmp_path, "# language: da\nEgenskab: x\n  Scenarie: y\n    Givet x\n  Givt y\n",
            "b.feature")
    result = run_pytest(tmp_path)
    assert "1 passed" in result.stdout and "1 error" in result.stdout


def test_a_scenario_name_used_twice_is_a_collection_error_not_a_silent_pass(tmp_path):
    """pytest-bdd keeps one scenario of each name: run by pytest, the file is refused with
    the name's lines (B301), and the other files still run."""
    feature(tmp_path, PASSING, "a.feature")
    path = feature(tmp_path, PASSING + PASSING[PASSING.index("      Scenarie:"):], "b.feature")
    result = run_pytest(tmp_path)
    assert "1 passed" in result.stdout and "1 error" in result.stdout, result.stdout
    assert f"{path}:" in result.stdout and ": B301 " in result.stdout


def test_a_consultants_tags_are_marks_pytest_knows_not_typos(tmp_path):
    """@wip or @udkast on a feature, a rule, a scenario or its examples gave pytest's
    'Unknown pytest.mark.wip - is this a typo?' for every scenario; `-m` still selects them."""
    path = feature(tmp_path, """\
        # language: da
        @wip
        Egenskab: Helsingør
          @udkast
          Regel: Ledelse
            @konsulent
            Abstrakt Scenario: Ledelse af ledere
              Givet profilen "helsingor-direktor-2024"
              Og kandidaten "k"
              Og kandidaten har været chef i "Ry Kommune" (kommune) i <år> år og ledet 4 ledere
              Når kandidaten screenes
              Så er kriteriet "ledelse-af-ledere" "opfyldt"

              @lang_erfaring
              Eksempler:
                | år |
                | 6  |
    """)
    result = run_pytest(path)
    assert result.returncode == 0, result.stdout
    assert "PytestUnknownMarkWarning" not in result.stdout + result.stderr
    env = dict(os.environ, SCREENING_RULES=str(ROOT / "rules"))
    selected = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                               "-m", "lang_erfaring and konsulent", str(path)], cwd=tmp_path,
                              env=env, capture_output=True, text=True, timeout=120)
    assert "1 passed" in selected.stdout, selected.stdout


def test_what_a_failing_step_searched_is_shown_under_the_table_not_in_a_cell(tmp_path):
    """A failing 'nævner forklaringen' step put the whole explanation it searched into the
    table's last cell: 200 lines of a column 60 characters wide."""
    path = feature(tmp_path, PASSING.replace('Så er kriteriet "ledelse-af-ledere" "opfyldt"',
                                             'Så nævner forklaringen "Roskilde"'))
    result = CliRunner().invoke(main, ["test", str(path), "--rules-dir", str(ROOT / "rules")])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    (row,) = [line for line in lines if "FEJLET" in line]
    assert row.endswith("Forklaringen for 'k' nævner ikke 'Roskilde':")
    heading = lines.index("x.feature:8 Ledelse af ledere:")
    assert lines.index(row) < heading and lines[heading + 1].startswith("  Kandidat k: ")


def test_a_failing_steps_evidence_starts_its_own_line_in_the_table(tmp_path):
    """The table wrapped a failure and its evidence as one paragraph ("forventet ikke
    opfyldt Grundlag: …"), where README shows the evidence on a line of its own."""
    result = CliRunner().invoke(main, ["test", str(feature(tmp_path, FAILING)),
                                       "--rules-dir", str(ROOT / "rules")])
    assert result.exit_code == 1
    cells = [line.split("  ")[-1].strip() for line in result.output.splitlines()]
    # the evidence worded as explain words it: "derived.har_ledet_ledere = ja (cv)" before
    assert any(cell.startswith("Grundlag: har ledet andre ledere (cv)") for cell in cells)
    assert not any("Grundlag" in cell and not cell.startswith("Grundlag") for cell in cells)


@pytest.mark.parametrize(("text", "codes"), [
    ("Feature: x\n", ["B101", "B104"]),
    (PASSING.replace("# language: da\n", ""), ["B101"]),
    ("# language: da\nEgenskab: x\n  Baggrund:\n    Givet profilen \"helsingor-direktor-2024\"\n",
     ["B104"])])
def test_pytest_says_why_a_feature_file_cannot_be_read_as_screening_test_does(tmp_path, text,
                                                                              codes):
    """`python -m pytest features/` showed pytest-bdd's own exceptions (TokenError: Unexpected
    token found; NoScenariosFound: [...]) for a file without '# language:' or scenarios; and
    an English file without its language line was also said to be full of misspelt
    keywords, read as Danish."""
    path = feature(tmp_path, text)
    result = run_pytest(path)
    assert result.returncode != 0
    found = re.findall(rf"{re.escape(str(path))}:\d+:\d+: (B\d+) ", result.stdout)
    assert found == codes, result.stdout
    assert "pytest_bdd.exceptions" not in result.stdout
    assert [p.code for p in check_file(path, LIBRARY, ROOT / "rules")] == codes


def test_the_shipped_features_are_collected_once_each():
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q",
                             "-p", "no:cacheprovider"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    collected = [line for line in result.stdout.splitlines() if ".feature::" in line]
    assert collected and len(collected) == len(set(collected))
    files = {line.split("::")[0] for line in collected}
    assert files == {f"features/{p.name}" for p in (ROOT / "features").glob("*.feature")}


def test_screening_test_reports_the_failing_step_and_what_was_expected(tmp_path):
    path = feature(tmp_path, FAILING)
    result = CliRunner().invoke(main, ["test", str(path), "--rules-dir", str(ROOT / "rules")])
    assert result.exit_code == 1
    assert "FEJLET" in result.output
    assert 'Så er kriteriet "ledelse-af-ledere"' in result.output
    assert "0 bestået, 1 fejlet" in result.output
    ok = CliRunner().invoke(main, ["test", str(feature(tmp_path, PASSING, "ok.feature")),
                                   "--rules-dir", str(ROOT / "rules")])
    assert ok.exit_code == 0 and "1 bestået, 0 fejlet" in ok.output


def test_a_failing_step_says_what_it_expected_in_the_chosen_language(tmp_path):
    """The scenario is Danish as written; what the tool says of its failure follows --lang."""
    path = feature(tmp_path, FAILING)
    english = CliRunner().invoke(main, ["--lang", "en", "test", str(path),
                                        "--rules-dir", str(ROOT / "rules")])
    said = " ".join(english.output.split())  # the table wraps its cells beside the step's
    assert english.exit_code == 1
    assert "The criterion 'ledelse-af-ledere' is 'met' for 'k', expected" in said
    assert "'not met'. Evidence:" in said
    assert "forventet" not in said and "Grundlag" not in said
    danish = CliRunner().invoke(main, ["test", str(path), "--rules-dir", str(ROOT / "rules")])
    assert "Kriteriet 'ledelse-af-ledere' er 'opfyldt' for 'k'," in " ".join(danish.output.split())


def test_screening_test_without_feature_files_is_bad_input(tmp_path):
    result = CliRunner().invoke(main, ["test", str(tmp_path / "nothing.feature")])
    assert result.exit_code == 2
    assert "ingen sådan feature-fil" in result.output


@pytest.mark.parametrize(("text", "code"), [
    ("Egenskab: x\n  Scenarie: y\n    Givet en ansøger\n", "B101"),
    ("", "B101"),
    ("# language: da\nEgenskab x\n", "B102")])
def test_a_file_that_cannot_be_read_says_where_and_why_when_run(tmp_path, text, code):
    """`screening test` reports what keeps a file from being read, located, as --check does,
    and the table row says so in the tool's words (not pytest's 'E   KeyError: ...')."""
    path = feature(tmp_path, text, "r.feature")
    result = CliRunner().invoke(main, ["test", str(path), "--rules-dir", str(ROOT / "rules")])
    assert result.exit_code == 1, result.output
    assert f"r.feature:1:1: {code} " in result.output or f"r.feature:2:1: {code} " in \
        result.output
    (row,) = [line for line in result.output.splitlines() if line.startswith("r.feature  ")]
    assert "kan ikke læses; se problemerne ovenfor" in row
    assert "E   " not in result.output and "KeyError" not in result.output


def test_a_scenario_name_used_twice_is_not_a_silent_pass(tmp_path):
    """pytest-bdd runs one scenario per name: the other is never run, so the run reports the
    name used twice (B301, as --check does) and does not pass."""
    path = feature(tmp_path, """\
        # language: da
        Egenskab: To ens
          Baggrund:
            Givet stillingen som Direktør, Helsingør
          Scenarie: y
            Givet en ansøger
            Når ansøgeren screenes på ansøgningstidspunktet
            Så er ansøgeren utilstrækkeligt belyst
          Scenarie: y
            Givet en ansøger
            Når ansøgeren screenes på ansøgningstidspunktet
            Så er kravet om ledelse af ledere ikke belyst
    """, "d.feature")
    result = CliRunner().invoke(main, ["test", str(path), "--rules-dir", str(ROOT / "rules")])
    assert "d.feature:9:3: B301 " in result.output
    assert result.exit_code == 1, result.output


def test_check_finds_each_kind_of_mistake(tmp_path):
    path = feature(tmp_path, """\
        Egenskab: Fejl
          Scenarie: To ens
            Givet profilen "helsingor-direktor-2024"
            Så er kandidaten god
          Abstrakt Scenario: To ens
            Givet kandidaten "x"
            Og kandidaten er vurderet til <score> på "ordentlighed" i "samtale1"
            Så er kriteriet "ordentlighed-og-kultur" "<status>"

            Eksempler:
              | score |
              | 4     |
    """)
    codes = [(p.code, p.line) for p in check_file(path, LIBRARY)]
    assert ("B101", 1) in codes
    assert ("B201", 4) in codes  # "er kandidaten god" matches no step
    assert ("B202", 8) in codes  # <status> has no column
    assert ("B301", 5) in codes  # the scenario name is used twice
    misspelt = feature(tmp_path, "# language: da\nEgenskab: x\n  Scenarie: y\n    Givt z\n",
                       "m.feature")
    (problem,) = check_file(misspelt, LIBRARY)
    assert problem.code == "B102" and "Givet" in problem.message


@pytest.mark.parametrize(("text", "line", "danish", "english"), [
    ("  Scenarie: y\n    Givet a\n    Naar b\n", 5,
     "'Naar b' er hverken et trin, et nøgleord eller en tabelrække, der kan stå her (mente du "
     "'Når'?)", "'Naar b' is not a step, a keyword or a table row that can stand here (did "
     "you mean 'Når'?)"),
    ("  Scenarie: y\n    Givet a\n      | a | b |\n      | c |\n", 6,
     "tabellens rækker har ikke lige mange celler",
     "the rows of the table have different numbers of cells"),
    ("  @a\n", 4, "filen slutter, hvor der skal mere til",
     "the file ends where more must follow"),
    ("  Scenarie: y\n    Saa b\n", 4, "ukendt nøgleord 'Saa' (mente du 'Så'?)",
     "unknown keyword 'Saa' (did you mean 'Så'?)")])
def test_the_gherkin_parsers_complaints_are_said_in_the_chosen_language(
        tmp_path, text, line, danish, english):
    """B102 gave the parser's own English ('expected: #EOF, #TableRow, #DocStringSeparator,
    …, got 'Naar b'') under Danish, and suggested nothing for 'Saa', 'Naar'."""
    path = feature(tmp_path, "# language: da\nEgenskab: x\n" + text)
    for lang, said in (("da", danish), ("en", english)):
        checked = CliRunner().invoke(main, ["--lang", lang, "test", "--check", str(path)])
        assert f"x.feature:{line}:" in checked.output and f"B102 {said}" in checked.output, \
            checked.output
        assert "#EOF" not in checked.output


def test_the_shipped_features_pass_the_check():
    for path in (ROOT / "features").glob("*.feature"):
        assert check_file(path, LIBRARY) == [], path


def test_steps_lists_every_phrasing_and_the_table_keys():
    result = CliRunner().invoke(main, ["steps"])
    assert result.exit_code == 0
    for doc in LIBRARY.steps:
        for phrasing in doc.phrasings:
            assert phrasing.example.splitlines()[0] in result.output
    assert "ledelsesniveau" in result.output  # a key of the position table


def test_docs_steps_md_is_the_catalogue_as_markdown():
    result = CliRunner().invoke(main, ["steps", "--format", "markdown"])
    assert result.exit_code == 0
    assert (ROOT / "docs" / "steps.md").read_text(encoding="utf-8") == result.output, \
        "run: screening steps --format markdown > docs/steps.md"


def test_suggest_shows_how_a_sentence_is_read_or_the_nearest_steps():
    read_it = CliRunner().invoke(main, [
        "steps", "--suggest", "Så lever ansøgeren ikke op til kravet om ledelse af ledere",
        "--profile", "Direktør, Helsingør", "--rules-dir", str(ROOT / "rules")])
    assert read_it.exit_code == 0
    assert "lives_up_to" in read_it.output and "crit = ledelse-af-ledere [krav]" in \
        read_it.output and "degree_words = 'ikke_opfyldt'" in read_it.output
    nested = CliRunner().invoke(main, [
        "steps", "--suggest", "Givet en ansøger, der i seks år har været centerchef i Roskilde "
        "Kommune med syv afdelingsledere under sig"])
    assert "years = 6" in nested.output and "led_count = 7" in nested.output
    # the reading alone, as the README shows it: not followed by the whole step library
    assert read_it.output.splitlines()[0].startswith("Så · lives_up_to (som: ")
    assert "choose_profile" not in read_it.output and "choose_profile" not in nested.output
    unread = CliRunner().invoke(main, ["steps", "--suggest", "Når ansøgeren screenes efter "
                                                             "frokost"])
    assert unread.exit_code == 1 and "'efter frokost' er ikke et stadie" in unread.output
    nearest = CliRunner().invoke(main, ["steps", "--suggest", "Så er ansøgeren god"])
    assert nearest.exit_code == 1 and "nærmeste: Så" in nearest.output
    # without a keyword it is tried as each kind; the same answer is said once
    empty = CliRunner().invoke(main, ["steps", "--suggest", ""])
    assert empty.exit_code == 1 and empty.output == "intet trin passer på ''\n"


@pytest.mark.parametrize("sentence, read", [
    ("Givet en ansøger, der i seks år har været afdelingsleder i Hvidovre Kommune med 25 "
     "medarbejdere", ["org = name=Hvidovre Kommune,", "led_count = 25", "'staff_led'"]),
    ("Givet en ansøger, der siden 2019 har været centerchef i Brøndby Kommune med fire ledere, "
     "med ansvar for skole", ["led_count = 4", "'leaders_led'", "domain_words = ('skole',)"]),
    ("Given an applicant who has been head of centre at Roskilde Kommune for six years with "
     "40 staff", ["org = name=Roskilde Kommune,", "led_count = 40", "'staff_led'"]),
    # without a number, "med" is part of a name, as before
    ("Givet en ansøger, der i seks år har været centerchef i Børn med Handicap (selvejende)",
     ["org = name=Børn med Handicap, sector=selvejende"])])
def test_those_led_may_be_written_without_under_sig(sentence, read):
    """"med 25 medarbejdere" was refused (B203): only "med 25 medarbejdere under sig" was
    read, and "with 40 staff" only with "reporting to them"; consultants leave it out."""
    suggested = CliRunner().invoke(main, ["steps", "--suggest", sentence])
    assert suggested.exit_code == 0, suggested.output
    for part in read:
        assert part in suggested.output, suggested.output


@pytest.mark.parametrize("sentence, read", [
    ("Og i første samtale får kandidaten 4 i politisk tæft",
     ["source = 'samtale1'", "score = 4", "comp = 'politisk tæft'"]),
    ("Og referencen vurderer Anders til 5 i samarbejde",
     ["source = 'reference'", "who = 'Anders'", "score = 5"]),
    ("And at the reference, Anders scores 2 on samarbejde",
     ["source = 'reference'", "who = 'Anders'", "score = 2"])])
def test_a_score_may_be_given_as_consultants_say_it(sentence, read):
    """'i første samtale får kandidaten 4 i …' and 'referencen vurderer kandidaten til 5 i …'
    were refused (B201) beside 'i første samtale vurderes kandidaten til 4 i …'."""
    suggested = CliRunner().invoke(main, ["steps", "--suggest", sentence])
    assert suggested.exit_code == 0, suggested.output
    assert suggested.output.startswith("Givet · prose_assessment"), suggested.output
    for part in read:
        assert part in suggested.output, suggested.output


def test_outcomes_may_be_said_as_consultants_say_them(tmp_path):
    """'kommer … foran', 'er foreslået frasorteret', a label in single quotes, 'endnu ikke
    belyst' were refused (B201), or the quotes taken as part of the label; each now says
    what its neighbours say, and fails when it does not hold."""
    path = feature(tmp_path, susanne_bo_and_ida("Ord", """\
        Scenarie: holder
          Så kommer Susanne foran Ida
          Og Ida kommer efter Bo
          Og Ida er foreslået frasorteret
          Og Susanne bliver ikke foreslået frasorteret
          Og anbefalingen for Susanne er 'Utilstrækkeligt belyst'
          Og kravet om enhedsdirektion er endnu ikke belyst for Ida

        Scenarie: holder ikke
          Så kommer Ida foran Susanne

        Scenarie: heller ikke
          Så er Susanne foreslået frasorteret
        """))
    said = what_test_says(path)
    assert "2 fejlet" in said and "1 bestået" in said, said
    assert "Så kommer Ida foran Susanne 'ida' er nummer 3, 'susanne' nummer 1" in said
    assert "Så er Susanne foreslået frasorteret 'susanne' har foreslåede knock-outs: ingen" \
        in said


def test_english_outcomes_may_be_said_as_consultants_say_them(tmp_path):
    """'partly meets', 'is ranked above', 'comes ahead of', 'comes after' and 'the test
    shows 2 on …' were refused (B201) under '# language: en'."""
    path = feature(tmp_path, """\
        # language: en
        Feature: Words
          Background:
            Given the position of Direktør, Ishøj Kommune
            And the applicant Susanne, who has been director at Vallensbæk Kommune for seven years with five managers reporting to them
            And the applicant Ida, who has been team leader at Greve Kommune for two years
            When the applicants are screened at the application stage

          Scenario: holds
            Then Susanne is ranked above Ida
            And Susanne comes ahead of Ida
            And Ida comes after Susanne

          Scenario: does not hold
            Then Ida is ranked above Susanne
    """)  # noqa: E501
    said = what_test_says(path, "--lang", "en")
    assert "1 passed, 1 failed" in said, said
    assert "Then Ida is ranked above Susanne 'ida' ranks 2, 'susanne' ranks 1" in said
    for sentence, read in (("Then the candidate partly meets the requirement of topledelse",
                            "degree_words = 'delvist'"),
                           ("And the test shows 2 on samarbejde", "source = 'test'")):
        suggested = CliRunner().invoke(main, ["--lang", "en", "steps", "--suggest", sentence])
        assert suggested.exit_code == 0 and read in suggested.output, suggested.output


def test_ranks_scores_and_counts_may_be_said_as_consultants_say_them(tmp_path):
    """'Mette er bedst', 'Jonas ligger sidst', 'har Mette en score på mindst …', 'er Mettes
    dækning mindst …', 'foreslås to af kandidaterne frasorteret', 'er der to ansøgere, der
    foreslås frasorteret', 'skal udvalget forholde sig til …' and 'er Anders og Mette de to
    bedste' were refused (B201); each now reads as its neighbours, and fails when it does
    not hold."""
    path = feature(tmp_path, susanne_bo_and_ida("Ord", """\
        Scenarie: holder
          Så ligger Ida sidst
          Og Susanne har en score på mindst 9
          Og er Susannes dækning mindst 9 %
          Og foreslås én af kandidaterne frasorteret
          Og er der én ansøger, der foreslås frasorteret
          Og skal udvalget forholde sig til Ida
          Og er Susanne og Bo de to bedste

        Scenarie: ikke sidst
          Så er Susanne sidst

        Scenarie: ikke bedst
          Så er Ida bedst

        Scenarie: ikke to
          Så foreslås to af kandidaterne frasorteret
        """))
    said = what_test_says(path)
    assert "1 bestået, 3 fejlet" in said, said
    assert "Så er Susanne sidst Sidst er ida; forventet susanne" in said
    assert "Så er Ida bedst Bedst er bo og susanne; forventet ida" in said
    assert "Af 3 ansøgere foreslås 1 frasorteret (ida); forventet 2 af 3" in said


def test_a_score_over_or_under_a_figure_is_strictly_above_or_below_it(tmp_path):
    """'Mette scorer over 70' and 'dækningen er under 50 %' were refused (B201): only
    'mindst' and 'højst' were read. 'over' is more than the figure, not the figure itself."""
    path = feature(tmp_path, susanne_bo_and_ida("Over og under", """\
        Scenarie: holder
          Så scorer Susanne over 9
          Og Ida scorer under 1
          Og er dækningen for Susanne over 9 %
          Og Susanne scorer mindst 9,1

        Scenarie: ikke over sig selv
          Så scorer Susanne over 9,1
        """))
    said = what_test_says(path)
    assert "1 bestået, 1 fejlet" in said, said
    assert "Scoren er 9,1 for 'susanne', forventet over 9,1" in said
    english = feature(tmp_path, """\
        # language: en
        Feature: Above
          Scenario: Above
            Given the position of Direktør, Ishøj Kommune
            And the applicant Susanne, who has been director at Vallensbæk Kommune for seven years with five managers reporting to them
            When the applicant is screened at the application stage
            Then Susanne scores more than 9
            And the score for Susanne is below 10
    """, "en.feature")  # noqa: E501
    assert "1 passed, 0 failed" in what_test_says(english, "--lang", "en")


UNREADABLE = """\
    # language: da
    Egenskab: Ulæselig
      Baggrund:
        Givet stillingen som Direktør, Helsingborg

      Scenarie: Tre trin, ingen læses
        Givet en ansøger, der i seks år har været centerchef i Firmaet
        Når ansøgeren screenes efter frokost
        Så er ansøgeren god

      Scenarie: Et trin mere
        Givet en ansøger
        Så lever ansøgeren op til det hele
"""


def test_every_unreadable_step_is_reported_in_one_run_also_after_a_failing_background(tmp_path):
    path = feature(tmp_path, UNREADABLE)
    problems = check_file(path, LIBRARY, ROOT / "rules")
    assert [(p.code, p.line) for p in problems] == [
        ("B203", 4), ("B203", 7), ("B203", 8), ("B201", 9), ("B201", 13)]
    assert "Helsingborg" in problems[0].message and "helsingor-direktor-2024" in \
        problems[0].message  # the known profiles are named
    assert "cannot tell the sector of 'Firmaet'" in problems[1].message
    result = CliRunner().invoke(main, ["test", str(path), "--rules-dir", str(ROOT / "rules")])
    assert result.exit_code == 1
    reported = [line for line in result.output.splitlines() if ": B20" in line]
    assert len(reported) == 5 and "5 trin kan ikke læses" in result.output
    assert "0 bestået, 2 fejlet" in result.output


def test_outline_rows_are_named_by_their_example_values(tmp_path):
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Rækker
          Abstrakt Scenario: Relationelle kompetencer
            Givet profilen "helsingor-direktor-2024"
            Og en ansøger
            Og første samtale giver <score> i relationelle kompetencer
            Når ansøgeren screenes
            Så er ønsket om særdeles stærke relationelle kompetencer <status>

            Eksempler:
              | score | status       |
              | 5     | opfyldt      |
              | 2     | opfyldt      |
    """)
    results = run_features([str(path)], str(ROOT / "rules"))
    assert [(r.scenario, r.passed) for r in results] == [
        ("Relationelle kompetencer (score=5, status=opfyldt)", True),
        ("Relationelle kompetencer (score=2, status=opfyldt)", False)]


def test_criteria_are_found_by_id_name_or_words_and_near_misses_are_suggested(helsingor):
    assert find_criterion(helsingor, "ledelse-af-ledere").id == "ledelse-af-ledere"
    assert find_criterion(helsingor, "Erfaring med ledelse af ledere").id == "ledelse-af-ledere"
    assert find_criterion(helsingor, "mediehåndtering").id == "mediehaandtering"
    with pytest.raises(AssertionError, match="mente du 'ledelse-af-ledere'"):
        find_criterion(helsingor, "ledelse-af-ledre")
    with pytest.raises(AssertionError, match="passer på flere"):
        find_criterion(helsingor, "ledelse")


# --- issue 15: one odd feature file never stops the others --------------------------------


def test_check_locates_a_feature_that_is_not_utf8_and_goes_on(tmp_path):
    feature(tmp_path, PASSING, "a.feature")
    (tmp_path / "b.feature").write_bytes(b"# language: da\nEgenskab: \xe6bler\n")
    result = CliRunner().invoke(main, ["test", "--check", str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert f"{tmp_path / 'b.feature'}:2:11: B103 ikke UTF-8-tekst" in result.output
    assert "Fundet 1 problem(er) i 2 fil(er)." in result.output


@pytest.mark.parametrize("lang, said", [("da", "B103 filens navn er ikke UTF-8-tekst"),
                                        ("en", "B103 the file's name is not UTF-8 text")])
def test_a_feature_named_in_another_encoding_is_said_and_the_others_run(tmp_path, lang, said):
    # unpacked from a zip made on Windows, "æbler.feature" is named with the byte 0xE6: its
    # name reached the terminal and the runner's report as a lone surrogate (exit 3)
    feature(tmp_path, PASSING, "a.feature")
    feature(tmp_path, PASSING, os.fsdecode(b"\xe6bler.feature"))
    for check in (["--check"], ["--rules-dir", str(ROOT / "rules")]):
        result = CliRunner().invoke(main, ["--lang", lang, "test", str(tmp_path), *check])
        assert result.exit_code == 1, result.output
        assert f"{tmp_path}/\\xe6bler.feature: {said}" in result.output
    assert ("1 bestået, 1 fejlet i 2 fil(er)." if lang == "da" else
            "1 passed, 1 failed in 2 file(s).") in result.output


def test_a_byte_order_mark_and_a_folder_named_like_a_feature_are_harmless(tmp_path):
    path = tmp_path / "a.feature"
    path.write_bytes(b"\xef\xbb\xbf" + textwrap.dedent(PASSING).encode())
    (tmp_path / "gammel.feature").mkdir()
    checked = CliRunner().invoke(main, ["test", "--check", str(tmp_path)])
    assert checked.exit_code == 0 and "Ingen fund i 1 fil(er)." in checked.output
    ran = CliRunner().invoke(main, ["test", str(tmp_path), "--rules-dir", str(ROOT / "rules")])
    assert ran.exit_code == 0 and "1 bestået, 0 fejlet i 1 fil(er)." in ran.output


def test_a_feature_file_that_crashes_its_process_fails_alone(tmp_path):
    good, bad = tmp_path / "god", tmp_path / "nedbrud"
    for folder in (good, bad):
        folder.mkdir()
    feature(good, PASSING, "a.feature")
    feature(bad, PASSING, "b.feature")
    # a crash of the engine's C core, as a rule file once caused: the process dies
    (bad / "conftest.py").write_text("import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\n")
    result = CliRunner().invoke(main, ["test", str(good), str(bad),
                                       "--rules-dir", str(ROOT / "rules")])
    assert result.exit_code == 1
    assert "1 bestået, 1 fejlet i 2 fil(er)." in result.output
    assert "signal 11 (SIGSEGV)" in result.output


# --- a new profile's own feature file: what keeps it from running is said where it is ------


def test_a_run_says_where_a_feature_file_cannot_be_read_and_fails(tmp_path):
    """A misspelt first keyword is read by Gherkin as the scenario's description, so the
    step never runs; a wrong encoding, a missing language line or a misspelt keyword later
    on keeps the file from loading. The run says each where it is, as --check does, in the
    chosen language, and fails: a scenario that checked nothing must not pass."""
    rules = ["--rules-dir", str(ROOT / "rules")]
    misspelt = feature(tmp_path, PASSING + """\
      Scenarie: Uden trin
        Saa er kriteriet "ledelse-af-ledere" "ikke opfyldt"
""", "a.feature")
    (tmp_path / "b.feature").write_bytes(textwrap.dedent(PASSING).encode("latin-1"))
    no_language = feature(tmp_path, PASSING.replace("# language: da", "# sprog"), "c.feature")
    result = CliRunner().invoke(main, ["test", str(misspelt), *rules])
    assert result.exit_code == 1, result.output
    assert f"{misspelt}:10:1: B102 ukendt nøgleord 'Saa'" in result.output
    result = CliRunner().invoke(main, ["--lang", "en", "test", str(tmp_path / "b.feature"),
                                       str(no_language), *rules])
    assert result.exit_code == 1, result.output
    assert f"{tmp_path / 'b.feature'}:2:18: B103 not UTF-8 text" in result.output
    assert f"{no_language}:1:1: B101 " in result.output


def test_a_file_that_cannot_be_loaded_is_named_so_in_the_chosen_language(tmp_path):
    path = feature(tmp_path, PASSING.replace("Og kandidaten \"k\"", "Og kandidaten \"k\"\n  Givt"))
    english = run_features_in(path, "en")
    assert [(r.scenario, r.passed) for r in english] == [("(cannot be loaded)", False)]
    assert [r.scenario for r in run_features_in(path, "da")] == ["(kan ikke indlæses)"]


def run_features_in(path, lang: str):
    from screening.i18n import set_language

    set_language(lang)
    return run_features([str(path)], str(ROOT / "rules"))


def test_a_profile_that_does_not_load_is_named_with_its_mistake_not_as_unknown(tmp_path):
    """A consultant mid-edit: the rule file has a typo. The scenario naming the profile (by
    id, path or title) said it did not exist, with an empty list of known profiles."""
    rules = tmp_path / "rules"
    rules.mkdir()
    text = (ROOT / "rules" / "helsingor-direktor-2024.yaml").read_text(encoding="utf-8")
    broken = rules / "helsingor-direktor-2024.yaml"
    broken.write_text(text.replace("category: faglige", "category: faglig", 1),
                      encoding="utf-8")
    line = text[:text.index("category: faglige")].count("\n") + 1
    path = feature(tmp_path, f"""\
        # language: da
        Egenskab: Under arbejde
          Scenarie: Ved id
            Givet profilen "helsingor-direktor-2024"
            Så er der ingen foreslåede knock-outs
          Scenarie: Ved sti
            Givet profilen "{broken}"
            Så er der ingen foreslåede knock-outs
          Scenarie: Ved titel
            Givet stillingen som Direktør, Helsingør
            Så er der ingen foreslåede knock-outs
    """)
    problems = check_file(path, LIBRARY, rules)
    assert [(p.code, p.line) for p in problems] == [("B203", 4), ("B203", 7), ("B203", 10)]
    for problem in problems:
        assert f"{broken}:{line}:5: E101 criteria[" in problem.message, problem.message
    assert all("no profile in" not in p.message for p in problems[:2])  # found, not unknown


def outside_the_project(tmp_path, monkeypatch, named: str, content: str) -> tuple[Path, Path]:
    """A project folder (the working directory) and a file outside it holding `content`,
    named as `named` says: by its absolute path, through "..", or by a link inside."""
    project, secret = tmp_path / "project", tmp_path / "secret.yaml"
    project.mkdir()
    secret.write_text(content, encoding="utf-8")
    (project / "link.yaml").symlink_to(secret)
    monkeypatch.chdir(project)
    return project, {"outside": secret, "../outside": Path("..") / secret.name,
                     "link": Path("link.yaml")}[named]


@pytest.mark.parametrize("named", ["outside", "../outside", "link"])
def test_a_scenario_cannot_name_a_file_outside_the_rules_or_the_project_as_its_profile(
        tmp_path, monkeypatch, named):
    """A feature file passed around like a document named '../../etc/shadow' as its profile:
    the run read it, and its errors echoed the file's lines."""
    project, path = outside_the_project(tmp_path, monkeypatch, named, "kodeord: hemmeligt-ord\n")
    written = feature(project, f"""\
        # language: da
        Egenskab: Udefra
          Scenarie: En fremmed fil
            Givet profilen "{path}"
            Så er der ingen foreslåede knock-outs
    """)
    (problem,) = check_file(written, LIBRARY, ROOT / "rules")
    assert problem.code == "B203" and "hemmeligt-ord" not in problem.message
    for lang, said in [("da", "skal ligge i"), ("en", "must lie in")]:
        checked = CliRunner().invoke(main, ["--lang", lang, "test", str(written), "--check",
                                            "--rules-dir", str(ROOT / "rules")])
        assert said in checked.output and "hemmeligt-ord" not in checked.output


@pytest.mark.parametrize("named", ["outside", "../outside", "link"])
def test_a_scenario_cannot_read_a_record_file_outside_the_project_or_its_folder(
        tmp_path, monkeypatch, named):
    """As its profile (above), so its candidates: 'Givet kandidaten fra filen
    "/home/x/.config/noget.yaml"' in a feature file passed around read the file, and its
    errors echoed the value they found ("fik 'hemmeligt-ord'")."""
    project, path = outside_the_project(tmp_path, monkeypatch, named, "id: Hemmeligt Ord\n")
    written = feature(project, f"""\
        # language: da
        Egenskab: Udefra
          Scenarie: En fremmed fil
            Givet profilen "helsingor-direktor-2024"
            Og kandidaten fra filen "{path}"
            Så er der ingen foreslåede knock-outs
    """)
    for lang, said in [("da", "skal ligge under"), ("en", "must lie under")]:
        ran = CliRunner().invoke(main, ["--lang", lang, "test", str(written),
                                        "--rules-dir", str(ROOT / "rules")])
        assert ran.exit_code == 1, ran.output
        assert said in ran.output and "Hemmeligt" not in ran.output


def test_a_feature_without_scenarios_is_said_where_it_starts_not_as_a_pytest_error(tmp_path):
    """A consultant's file begun with its Baggrund only: --check found nothing, and the run
    showed 'E   pytest_bdd.exceptions.NoScenariosFound: [...]'."""
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Skolechef
          Baggrund:
            Givet profilen "helsingor-direktor-2024"
    """)
    problems = check_file(path, LIBRARY, ROOT / "rules")
    assert [(p.code, p.line) for p in problems] == [("B104", 2)]
    result = CliRunner().invoke(main, ["--lang", "en", "test", str(path),
                                       "--rules-dir", str(ROOT / "rules")])
    assert result.exit_code == 1
    assert f"{path}:2:1: B104 the feature has no scenario" in result.output


def test_check_finds_a_scenario_that_can_never_fail(tmp_path):
    """A scenario whose Så was left in a comment fails when it runs; `--check`, which a
    consultant runs first, said nothing of it (B105)."""
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Skolechef
          Baggrund:
            Givet profilen "helsingor-direktor-2024"

          Scenarie: Uden forventning
            Givet ansøgeren har været chef i "Gentofte Kommune" (kommune) i 6 år
            # Så er der ingen foreslåede knock-outs

          Scenarie: Med forventning
            Givet ansøgeren har været chef i "Gentofte Kommune" (kommune) i 6 år
            Så er der ingen foreslåede knock-outs
    """)
    problems = check_file(path, LIBRARY, ROOT / "rules")
    assert [(p.code, p.line) for p in problems] == [("B105", 6)]
    result = CliRunner().invoke(main, ["--lang", "en", "test", str(path), "--check",
                                       "--rules-dir", str(ROOT / "rules")])
    assert result.exit_code == 1
    assert f"{path}:6:3: B105 the scenario has no Then ('Så') step and so cannot fail" in \
        " ".join(result.output.split())


def test_a_reasoning_named_for_someone_is_hers_not_words_that_cannot_be_found(tmp_path):
    """'nævner forklaringen ikke Roskilde for Ida' looked for 'Roskilde for Ida', found it
    nowhere and passed, although Ida's reasoning names Roskilde: a test that could not fail."""
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Forklaringen for en navngiven
          Baggrund:
            Givet stillingen som Direktør, Helsingør
            Og ansøgeren Ida, der i seks år har været centerchef i Roskilde Kommune
            Og ansøgeren Bo, der i seks år har været centerchef i Gribskov Kommune
            Når ansøgerne screenes
          Scenarie: Nævner det for Ida
            Så nævner forklaringen Roskilde for Ida
            Og forklaringen nævner Roskilde for Ida
          Scenarie: Nævner ikke efter verbet
            Så nævner forklaringen ikke Roskilde for Ida
          Scenarie: Nævner ikke efter forklaringen
            Så forklaringen nævner ikke Roskilde for Ida
    """)
    result = CliRunner().invoke(main, ["test", str(path), "--rules-dir", str(ROOT / "rules")])
    assert "1 bestået, 2 fejlet" in result.output, result.output
    english = feature(tmp_path, """\
        # language: en
        Feature: The reasoning for someone named
          Background:
            Given the post of Direktør, Helsingør
            And the applicant Ida who has been head of centre at Roskilde Kommune for six years
            And the applicant Bo who has been head of centre at Gribskov Kommune for six years
            When the applicants are screened
          Scenario: Mentions it for Ida
            Then the reasoning mentions Roskilde for Ida
          Scenario: Does not mention it for Ida
            Then the reasoning does not mention Roskilde for Ida
    """, "en.feature")
    result = CliRunner().invoke(main, ["test", str(english), "--rules-dir", str(ROOT / "rules")])
    assert "1 bestået, 1 fejlet" in result.output, result.output


def test_a_scenario_skipped_by_a_tag_is_shown_as_skipped_not_left_out(tmp_path):
    """pytest skips a scenario tagged @skip; `screening test` left it out of its table and
    counted only the others, so nobody saw that it never ran."""
    path = feature(tmp_path, PASSING + """\
      @skip
      Scenarie: Ikke færdig endnu
        Givet profilen "helsingor-direktor-2024"
        Og kandidaten "k"
        Når kandidaten screenes
        Så er kriteriet "ledelse-af-ledere" "opfyldt"
""")
    result = CliRunner().invoke(main, ["test", str(path), "--rules-dir", str(ROOT / "rules")])
    (row,) = [line for line in result.output.splitlines() if "Ikke færdig endnu" in line]
    assert row.startswith("x.feature ") and "sprunget over" in row
    assert "1 bestået, 0 fejlet, 1 sprunget over i 1 fil(er)." in result.output
    assert result.exit_code == 0, result.output
    assert "1 passed, 1 skipped" in run_pytest(path).stdout  # the two runners agree


def test_the_prose_steps_say_what_they_found_in_english_under_lang_en(tmp_path):
    path = feature(tmp_path, """\
        # language: en
        Feature: Failing in English
          Background:
            Given the post of Direktør, Helsingør
            And the applicant Ida who has been head of centre at Roskilde Kommune for six years
            And the applicant Bo who has been head of centre at Gribskov Kommune for six years
            When the applicants are screened
          Scenario: The best
            Then the best is Bo
          Scenario: Goes on
            Then Ida goes on to the next round
          Scenario: Assessed
            Then the personal competencies are fully assessed for Ida
    """)
    said = what_test_says(path, "--lang", "en")
    assert "The best is bo and ida; expected bo" in said, said
    assert "The recommendation for 'ida' is 'Insufficient" in said
    assert "Personal competencies are assessed for 0.0 % of the weight" in said
    for danish in ("Bedst", "Anbefalingen", "belyst", "vægten"):
        assert danish not in said


def test_a_score_or_coverage_is_written_as_the_tables_print_it_with_a_decimal_comma(tmp_path):
    """The table prints '73,7'; 'Så er scoren mindst 73,7' was a line no step reads."""
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Decimalkomma
          Baggrund:
            Givet stillingen som Direktør, Helsingør
            Og en ansøger
            Når ansøgeren screenes
          Scenarie: Højst
            Så er dækningen højst 0,5 %
            Og kategorien "personlige" er scoret mindst 0,0
          Scenarie: Mindst
            Så er scoren mindst 0,5
    """)
    said = what_test_says(path)
    assert "1 bestået, 1 fejlet" in said, said
    assert "Scoren er 0,0 for 'ansøger-1', forventet mindst 0,5" in said


def test_a_candidate_the_steps_left_incomplete_is_told_in_the_tools_words(tmp_path):
    """A position table without organisation and start said '3 validation errors for
    CandidateRecord … For further information visit https://errors.pydantic.dev/…'."""
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Tabel uden start
          Scenarie: Mangler
            Givet profilen "helsingor-direktor-2024"
            Og kandidaten "k"
            Og kandidaten har en stilling:
              | titel  | Skolechef |
              | sektor | kommune   |
            Når kandidaten screenes
            Så er der ingen foreslåede knock-outs
    """)
    said = what_test_says(path)
    assert "Kandidaten 'k' er ugyldig: positions[0].organisation: mangler" in said, said
    assert "positions[0].start: mangler" in said
    assert "pydantic" not in said and "validation error" not in said


def test_a_position_table_reads_numbers_in_words_and_refuses_what_it_cannot_read(tmp_path):
    """'ledere | to' failed with Python's "invalid literal for int() with base 10: 'to'"
    (the library reads numbers in words everywhere else), and 'politisk styret | måske' was
    read as nej without a word."""
    table = """\
        # language: da
        Egenskab: Tabel
          Scenarie: Tabel
            Givet profilen "helsingor-direktor-2024"
            Og kandidaten "k"
            Og kandidaten har en stilling:
              | titel           | Skolechef           |
              | organisation    | Gribskov Kommune    |
              | sektor          | kommune             |
              | start           | 2015-01-01          |
              | ledelsesniveau  | chef                |
              | ledere          | to                  |
            Når kandidaten screenes
            Så er kriteriet "ledelse-af-ledere" "opfyldt"
    """
    passed = CliRunner().invoke(main, ["test", str(feature(tmp_path, table)),
                                       "--rules-dir", str(ROOT / "rules")])
    assert "1 bestået, 0 fejlet" in passed.output, passed.output
    unread = table.replace("| ledere          | to                  |",
                           "| politisk styret | måske               |")
    failed = CliRunner().invoke(main, ["--lang", "en", "test", str(feature(tmp_path, unread)),
                                       "--rules-dir", str(ROOT / "rules")])
    said = " ".join(failed.output.split())
    assert "The field 'politisk styret' cannot be 'måske'; write ja or nej" in said, said


def test_a_candidate_named_again_is_added_to_not_described_anew(tmp_path):
    """'Og ansøgeren Ida med en master …' after Bo wiped what was said of Ida before: her
    post was gone, so 'ikke belyst' held for a krav her post meets."""
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Ida igen
          Scenarie: Ida to gange
            Givet stillingen som Direktør, Helsingør
            Og ansøgeren Ida, der i seks år har været centerchef i Roskilde Kommune med syv afdelingsledere under sig
            Og ansøgeren Bo, der har en cand.pæd. fra 2001
            Og ansøgeren Ida med en master i offentlig ledelse fra 2016
            Når ansøgerne screenes
            Så lever Ida op til kravet om ledelse af ledere
            Og Ida lever op til ønsket om ledelsesmæssig efteruddannelse
    """)  # noqa: E501
    result = CliRunner().invoke(main, ["test", str(path), "--rules-dir", str(ROOT / "rules")])
    assert "1 bestået, 0 fejlet" in result.output, result.output


def test_an_outline_row_with_an_empty_cell_reads_as_the_line_without_it(tmp_path):
    """'lever ansøgeren <grad> op til …' with an empty grad left two spaces, and the row was
    'no step matches', in --check and in the run."""
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Tom celle
          Abstrakt Scenario: Ledere under sig
            Givet stillingen som Direktør, Helsingør
            Og en ansøger, der i seks år har været centerchef i Roskilde Kommune med <antal> afdelingsledere under sig
            Når ansøgeren screenes
            Så lever ansøgeren <grad> op til kravet om ledelse af ledere

            Eksempler:
              | antal | grad |
              | syv   |      |
              | nul   | ikke |
    """)  # noqa: E501
    assert check_file(path, LIBRARY, ROOT / "rules") == []
    result = CliRunner().invoke(main, ["test", str(path), "--rules-dir", str(ROOT / "rules")])
    assert "2 bestået, 0 fejlet" in result.output, result.output


def test_a_ranking_after_then_is_read_in_danish_word_order(tmp_path):
    """After 'Så' Danish puts the verb first: 'Så ligger Ida før Bo' was no step, though
    'Så går Mette videre' and 'Så lever ansøgeren op til …' are."""
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Rækkefølge
          Baggrund:
            Givet stillingen som Direktør, Helsingør
            Og ansøgeren Ida, der i seks år har været centerchef i Roskilde Kommune med syv afdelingsledere under sig
            Og ansøgeren Bo, der i to år har været teamleder i Greve Kommune
          Scenarie: Ida før Bo
            Når ansøgerne screenes
            Så ligger Ida før Bo
          Scenarie: Bo før Ida
            Når ansøgerne screenes
            Så ligger Bo før Ida
    """)  # noqa: E501
    result = CliRunner().invoke(main, ["test", str(path), "--rules-dir", str(ROOT / "rules")])
    assert "1 bestået, 1 fejlet" in result.output, result.output
    assert "'bo' er nummer 2, 'ida' nummer 1" in " ".join(result.output.split())


def test_a_scenario_without_an_outcome_fails_in_either_runner(tmp_path):
    """Its 'Så' left in a comment, a scenario checked nothing and passed."""
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Uden Så
          Scenarie: Glemt udfaldet
            Givet stillingen som Direktør, Helsingør
            Og en ansøger, der i to år har været teamleder i Greve Kommune
            Når ansøgeren screenes
            # Så lever ansøgeren op til kravet om ledelse af ledere
    """)
    result = CliRunner().invoke(main, ["test", str(path), "--rules-dir", str(ROOT / "rules")])
    assert "0 bestået, 1 fejlet" in result.output, result.output
    assert "Scenariet har intet Så-trin og kan derfor ikke fejle" in " ".join(
        result.output.split())
    assert run_pytest(path).returncode == 1


def test_the_quoted_steps_read_numbers_in_words_as_docs_steps_md_says(tmp_path):
    """docs/steps.md: 'Tal kan skrives med cifre eller ord'; the quoted steps read digits
    only, so 'i seks år og ledet otte ledere' was no step."""
    path = feature(tmp_path, PASSING.replace("i 6 år og ledet 4 ledere",
                                             "i seks år og ledet fire ledere"))
    assert check_file(path, LIBRARY, ROOT / "rules") == []
    result = CliRunner().invoke(main, ["test", str(path), "--rules-dir", str(ROOT / "rules")])
    assert "1 bestået, 0 fejlet" in result.output, result.output


def test_a_failing_step_is_located_by_its_line_in_the_feature_file(tmp_path):
    """The table named the file and the step's words, not where the step is: with the same
    line in a Baggrund and in several scenarios, a consultant had to hunt for it."""
    path = feature(tmp_path, FAILING)
    result = CliRunner().invoke(main, ["test", str(path), "--rules-dir", str(ROOT / "rules")])
    (row,) = [line for line in result.output.splitlines() if line.startswith("x.feature")]
    assert row.startswith("x.feature:8 "), result.output


def test_an_example_candidate_is_named_by_her_first_name(tmp_path, monkeypatch):
    """README: 'er de to bedste Mette og Anders'; 'Mette' named nobody among the examples,
    and 'Givet ansøgeren Mette' made a new, empty Mette, for whom 'ikke belyst' held."""
    monkeypatch.chdir(ROOT)  # the project the examples are read from
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Eksempler ved fornavn
          Baggrund:
            Givet stillingen som Direktør, Helsingør
            Og ansøgerne k01-mette-kjaer, k02-anders-lykke og k04-jonas-vestergaard fra eksemplerne
            Og ansøgeren Mette
            Når ansøgerne screenes efter referencerne
          Scenarie: De to bedste
            Så er de to bedste Mette og Anders
            Og af 3 ansøgere foreslås 1 frasorteret
          Scenarie: Mette er belyst
            Så er kravet om ledelse af ledere ikke belyst for Mette
    """)
    result = CliRunner().invoke(main, ["test", str(path), "--rules-dir", str(ROOT / "rules")])
    assert "1 bestået, 1 fejlet" in result.output, result.output
    # Mette Kjær's, not blank (on one line once the table's wrapping is undone)
    assert "Skole- og dagtilbudschef, Furesø Kommune: antal ledere ledet er 28 (cv)" in \
        " ".join(result.output.split())


def test_a_feature_kept_outside_the_project_reads_the_examples_of_the_project(tmp_path,
                                                                             monkeypatch):
    """Run from the project, a feature file kept in another folder looked for the examples
    and candidate files beside itself ('Ingen eksempler i /…/scenarier/examples/…')."""
    monkeypatch.chdir(ROOT)
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Uden for projektet
          Scenarie: Eksempler
            Givet stillingen som Direktør, Helsingør
            Og ansøgerne k01-mette-kjaer og k04-jonas-vestergaard fra eksemplerne
            Og kandidaten fra filen "examples/candidates/helsingor-direktor-2024/k02-anders-lykke.yaml"
            Når ansøgerne screenes efter referencerne
            Så af 3 ansøgere foreslås 1 frasorteret
    """)  # noqa: E501
    result = CliRunner().invoke(main, ["test", str(path)])
    assert "1 bestået, 0 fejlet" in result.output, result.output


def test_what_a_feature_file_hides_never_reaches_the_terminal(tmp_path):
    """A scenario name or step with a NUL, a bell, an escape sequence or a direction override
    went to the terminal as written (in `test`, `test --check` and the results table), where
    the override reversed the rest of the line."""
    hidden = "\x00\x07\x1b[2J\u202e\u200b"
    path = feature(tmp_path, PASSING.replace("Ledelse af ledere", f"Ledelse{hidden} af ledere")
                   + f"        Og kandidaten er{hidden} god\n")
    for args in (["test", "--check", str(path)], ["test", str(path)]):
        result = CliRunner().invoke(main, [*args, "--rules-dir", str(ROOT / "rules")])
        assert result.exit_code == 1, result.output
        assert "intet trin passer på 'Og kandidaten er[2J god'" in result.output
        assert not any(ch in result.output for ch in "\x00\x07\x1b\u202e\u200b")
    assert "Ledelse[2J af ledere" in result.output and "FEJLET" in result.output


def test_candidates_who_tie_share_a_rank_and_a_failure_shows_the_places(tmp_path):
    """With sources still to come two candidates often tie (the same secured and possible
    score), and no step could say so: 'Susanne og Bo deler pladsen' was no step."""
    path = feature(tmp_path, susanne_bo_and_ida("Delt plads", """\
        Scenarie: Susanne og Bo
          Så deler Susanne og Bo førstepladsen
          Og Susanne og Ida står ikke lige
        Scenarie: Susanne og Ida
          Så deler Susanne og Ida pladsen
        """))
    said = what_test_says(path)
    assert "1 bestået, 1 fejlet" in said, said
    assert re.search(r"Pladserne er 1\. susanne \([\d,–]+\), 3\. ida \([\d,–]+\); "
                     r"forventet samme plads", said), said
    english = feature(tmp_path, """\
        # language: en
        Feature: Shared rank
          Background:
            Given the post of Direktør, Ishøj Kommune
            And the applicant Susanne, who has been director at Vallensbæk Kommune for seven years with five managers reporting to them
            And the applicant Bo, who has been director at Albertslund Kommune for seven years with five managers reporting to them
            And the applicant Ida, who has been team leader at Greve Kommune for two years
            When the applicants are screened at the application stage
          Scenario: Susanne and Bo
            Then Susanne and Bo share first place
            And Susanne and Ida are not tied
          Scenario: Susanne and Ida
            Then Susanne and Ida share a rank
    """, "en.feature")  # noqa: E501
    said = what_test_says(english, "--lang", "en")
    assert "1 passed, 1 failed" in said, said
    assert "expected the same place" in said


def test_what_a_criterion_judged_provisionally_may_still_give_is_a_step(tmp_path):
    """Explain shows '1,0 af 2,0 point, op til 2,0 muligt' while sources are still to come,
    and a scenario could not say so ('kan endnu give op til 2,0 point' was no step)."""
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Åbne point
          Baggrund:
            Givet stillingen som Direktør, Helsingør
            Og en ansøger, der i seks år har været centerchef i Roskilde Kommune med syv afdelingsledere under sig
            Og i første samtale vurderes ansøgeren til 3 i ledelse gennem andre
            Når ansøgeren screenes efter første samtale
          Scenarie: Foreløbigt
            Så er ønsket om ledelse gennem andre kun foreløbigt vurderet
            Og ønsket om ledelse gennem andre kan endnu give op til 2,0 point
            Og ønsket om mediehåndtering kan endnu give flere point
            Og ønsket om mediehåndtering er ikke foreløbigt vurderet
            Og kravet om ledelse af ledere kan ikke give flere point
            Men efter anden samtale kan ønsket om ledelse gennem andre ikke give flere point
          Scenarie: For meget
            Så kan ønsket om ledelse gennem andre endnu give op til 1,5 point
    """)  # noqa: E501
    for lang, said_there in (("da", "1 bestået, 1 fejlet"), ("en", "1 passed, 1 failed")):
        result = CliRunner().invoke(main, ["--lang", lang, "test", str(path),
                                           "--rules-dir", str(ROOT / "rules")])
        said = " ".join(result.output.split())
        assert said_there in said, said
    assert "1.0 of 2.0 points, up to 2.0 possible; expected up to 1.5 points" in said, said


@pytest.mark.parametrize(("language", "text", "foreign"), [
    ("da", """\
        Egenskab: Sprog
          Scenarie: Bedre
            Givet stillingen som Direktør, Ishøj Kommune
            Og ansøgeren Susanne, der i syv år har været direktør i Vallensbæk Kommune
            Og ansøgeren Bo, der i to år har været teamleder i Greve Kommune
            Når ansøgerne screenes
            Så er Susanne bedre end Bo
    """, ("Then ", "Given ", "And ")),
    ("en", """\
        Feature: Language
          Scenario: Better
            Given the post of Direktør, Ishøj Kommune
            And the applicant Susanne, who has been director at Vallensbæk Kommune for seven years
            And the applicant Bo, who has been team leader at Greve Kommune for two years
            When the applicants are screened
            Then Susanne is better than Bo
    """, ("Så ", "Givet ", "Og "))], ids=["da", "en"])
def test_the_nearest_steps_are_offered_in_the_language_of_the_feature_file(tmp_path, language,
                                                                           text, foreign):
    """A Danish line no step reads was offered 'Then the top two are Susanne and Bo | Then
    Susanne ranks above Bo', lines a Danish file cannot use."""
    path = feature(tmp_path, f"        # language: {language}\n" + text)
    (problem,) = check_file(path, LIBRARY, ROOT / "rules")
    result = CliRunner().invoke(main, ["test", str(path), "--rules-dir", str(ROOT / "rules")])
    run = " ".join(result.output.split())
    for said in (str(problem), run[run.index("nærmeste:"):]):
        nearest = said.split("nærmeste:", 1)[1]
        assert nearest.strip() and not any(word in nearest for word in foreign), said


def test_a_persons_decision_is_a_step_and_shows_wherever_the_candidate_does(tmp_path):
    """A scenario could not say that the chair overrode a proposed knock-out, nor check
    that the decision shows for the candidate: the explanation, 'går videre', the
    shortlist and 'udvalget skal tage stilling til' all ignored people's decisions."""
    path = feature(tmp_path, sofie_and_ida("""\
        Scenarie: Underkendt
          Når formanden underkender den foreslåede knock-out for Sofie med begrundelsen "Topledelse med offentlige kunder"
          Så viser forklaringen for Sofie beslutningen
          Og forklaringen for Sofie nævner "Topledelse med offentlige kunder"
          Og Sofie går videre
          Og går "sofie" videre, når der tages 2
          Og forklaringen for Ida viser ingen beslutning
          Men efter første samtale viser forklaringen for Sofie den tidligere beslutning
        Scenarie: Allerede besluttet
          Når udvalget beslutter, at Ida ikke går videre, med begrundelsen "Ingen ledere"
          Så skal udvalget tage stilling til Ida
        Scenarie: Intet at bekræfte
          Når udvalget bekræfter knock-outen for Ida med begrundelsen "Ingen ledere"
          Så går Ida ikke videre
        Scenarie: Uden begrundelse
          Når formanden underkender den foreslåede knock-out for Sofie
          Så går Sofie videre
        """))  # noqa: E501
    result = CliRunner().invoke(main, ["test", str(path), "--rules-dir", str(ROOT / "rules")])
    said = " ".join(result.output.split())
    assert "1 bestået, 3 fejlet" in said, said
    assert "Udvalget har taget stilling til 'ida': Stående beslutning" in said
    assert "En beslutning skal begrundes" in said
    assert "'ida' har ingen foreslået knock-out at bekræfte" in said
    english = feature(tmp_path, """\
        # language: en
        Feature: Decisions
          Scenario: Overridden
            Given the post of Direktør, Helsingør
            And the applicant Sofie, who has been managing director at LæringsTech ApS for eight years with five managers reporting to them
            When the applicant is screened at the application stage
            And the chair overrides the proposed knock-out of Sofie because "Top management with public clients"
            Then the reasoning for Sofie shows the decision
            And Sofie goes on to the next round
            But after the first interview, the reasoning for Sofie shows the earlier decision
    """, "en.feature")  # noqa: E501
    result = CliRunner().invoke(main, ["--lang", "en", "test", str(english),
                                       "--rules-dir", str(ROOT / "rules")])
    assert "1 passed, 0 failed" in result.output, result.output


def test_a_decisions_reason_may_follow_fordi_and_the_shortlist_may_be_named(tmp_path):
    """'… for Sofie, fordi hun har ledet en virksomhed', 'Sofie er på shortlisten, når der
    tages to', 'formanden Anne Hansen underkender …' and 'er Sofie placeret bag Ida' were
    refused (B201): a reason had to be quoted after 'med begrundelsen'."""
    path = feature(tmp_path, sofie_and_ida("""\
        Scenarie: Fordi
          Når formanden Anne Hansen underkender knock-outen for Sofie, fordi hun har ledet en virksomhed
          Så nævner forklaringen for Sofie "hun har ledet en virksomhed"
          Og forklaringen for Sofie nævner "formanden Anne Hansen"
          Og Sofie er på shortlisten, når der tages to
          Og er Sofie placeret bag Ida
        Scenarie: Ikke på shortlisten
          Så er Sofie på shortlisten, når der tages to
        """))  # noqa: E501
    said = what_test_says(path)
    assert "1 bestået, 1 fejlet" in said, said
    english = feature(tmp_path, """\
        # language: en
        Feature: Decisions
          Scenario: Because
            Given the post of Direktør, Helsingør
            And the applicant Sofie, who has been managing director at LæringsTech ApS for eight years with five managers reporting to them
            When the applicant is screened at the application stage
            And the chair overrides the proposed knock-out of Sofie because she led a company
            Then the reasoning for Sofie mentions "she led a company"
            And Sofie is on the shortlist when one is taken
    """, "en.feature")  # noqa: E501
    assert "1 passed, 0 failed" in what_test_says(english, "--lang", "en")


def test_examples_are_chosen_by_first_name_as_the_steps_after_name_them(tmp_path,
                                                                        monkeypatch):
    """'Givet ansøgerne Mette og Anders fra eksemplerne' said 'Intet entydigt eksempel
    'Mette'', though every later step names her Mette."""
    monkeypatch.chdir(ROOT)  # the project the examples are read from
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Eksempler ved fornavn
          Scenarie: Fornavne
            Givet stillingen som Direktør, Helsingør
            Og ansøgerne Mette, Anders og Vestergaard fra eksemplerne
            Når ansøgerne screenes efter referencerne
            Så af 3 ansøgere foreslås 1 frasorteret
          Scenarie: Ukendt
            Givet stillingen som Direktør, Helsingør
            Og ansøgerne Mette og Ib fra eksemplerne
            Når ansøgerne screenes
            Så foreslås ansøgeren ikke frasorteret
    """)
    said = what_test_says(path)
    assert "1 bestået, 1 fejlet" in said, said
    assert "Intet entydigt eksempel 'Ib'" in said


def test_a_candidates_place_is_checked_and_a_failure_shows_the_order(tmp_path):
    """'Så er Bo nummer to' was no step; the places, ties shared, are checked."""
    path = feature(tmp_path, susanne_bo_and_ida("Placering", """\
        Scenarie: Pladser
          Så er Bo nummer et
          Og Susanne ligger på førstepladsen
          Og Ida ligger på tredjepladsen
          Og Ida ligger efter Bo
        Scenarie: Forkert
          Så er Ida nummer to
        """))
    said = what_test_says(path)
    assert "1 bestået, 1 fejlet" in said, said
    assert "'ida' er nummer 3, forventet nummer 2 Rækkefølge: 1. bo (" in said


def test_the_quoted_steps_read_in_english_and_say_the_recommendation_in_its_language(tmp_path):
    """Under '# language: en' no quoted step read ('the score is at least 20' was no step),
    and a failing recommendation was told in Danish under --lang en ('Utilstrækkeligt
    belyst')."""
    path = feature(tmp_path, """\
        # language: en
        Feature: Quoted steps in English
          Background:
            Given the profile "helsingor-direktor-2024"
            And the candidate "j"
            And the candidate has been mellemleder at "Greve Kommune" (kommune) for 2 years
            And the candidate "k"
            And the candidate has been chef at "Gentofte Kommune" (kommune) for 6 years and led 8 managers
            And the candidate has the leadership education "MPA" at level "master"
            And the candidate has experience with "mediehåndtering" as "rådgiver"
            And the candidate is rated 4 on "relationelle_kompetencer" in "samtale1"
            When the candidates are screened after the first interview
          Scenario: All
            Then the criterion "ledelse-af-ledere" is "met"
            And the criterion "ledelse-af-ledere" is "not assessed" for "j"
            And the category "personlige" is scored at least 10
            And there is a proposed knock-out on "ledelse-hojt-niveau-politisk" for "j"
            And there are no proposed knock-outs
            And the coverage is at most 50 %
            And the score is at least 20
            And the sources do not disagree on "relationelle-kompetencer"
            And the explanation mentions "Gentofte"
            And the recommendation is "Insufficient evidence"
            And the recommendation is "Utilstrækkeligt belyst"
            And "k" scores higher than "j"
            And the order is "k, j"
          Scenario: Recommendation
            Then the recommendation is "Awaiting evidence"
    """)  # noqa: E501
    said = what_test_says(path, "--lang", "en")
    assert "1 passed, 1 failed" in said, said
    assert "The recommendation for 'k' is 'Insufficient evidence'" in said


def test_sources_and_the_committee_are_checked_for_the_candidate_named(tmp_path):
    """'Så er kilderne uenige om gennemslagskraft for Anders' was unreadable ('…for Anders'
    is no criterion), and without 'for' the step checked the candidate described last."""
    path = feature(tmp_path, """\
        # language: da
        Egenskab: For en navngiven
          Baggrund:
            Givet stillingen som Direktør, Helsingør
            Og ansøgeren Anders, der i seks år har været centerchef i Roskilde Kommune med syv afdelingsledere under sig
            Og i første samtale vurderes Anders til 5 i gennemslagskraft
            Og efter referencerne vurderes Anders til 2 i gennemslagskraft
            Og ansøgeren Jonas, der i otte år har været skoleleder i Helsingør Kommune uden ledere under sig
            Når ansøgerne screenes efter referencerne
          Scenarie: Navngivet
            Så er kilderne uenige om gennemslagskraft for Anders
            Og kilderne er ikke uenige om gennemslagskraft for Jonas
            Og udvalget skal tage stilling til kravet om ledelse af ledere for Jonas
          Scenarie: Forkert
            Så skal udvalget tage stilling til kravet om ledelse af ledere for Anders
    """)  # noqa: E501
    said = what_test_says(path)
    assert "1 bestået, 1 fejlet" in said, said
    assert "uden foreslået knock-out og uden uenige kilder" in said


def test_a_named_candidates_recommendation_and_score_are_steps(tmp_path):
    """'Så afventer Ida belysning', 'anbefalingen for Ida er …' and 'scoren for Ida er mindst
    …' were no steps: the quoted steps name a candidate only by id, as 'for "ida"'."""
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Anbefaling og score
          Baggrund:
            Givet stillingen som Direktør, Helsingør
            Og ansøgeren Ida, der i seks år har været centerchef i Roskilde Kommune med syv afdelingsledere under sig
            Og ansøgeren Jonas, der i otte år har været skoleleder i Helsingør Kommune uden ledere under sig
            Når ansøgerne screenes efter referencerne
          Scenarie: Ida
            Så anbefalingen for Ida er Utilstrækkeligt belyst
            Og scoren for Ida er mindst 10
            Og Ida scorer højst 50
            Og dækningen for Ida er højst 50 %
          Scenarie: Jonas
            Så afventer Jonas belysning
    """)  # noqa: E501
    said = what_test_says(path)
    assert "1 bestået, 1 fejlet" in said, said
    assert "Anbefalingen for 'jonas' er 'Krav ikke opfyldt" in said


def test_a_category_score_or_two_scores_are_told_as_the_tables_print_them(tmp_path):
    """'Kategorien 'ledelsesmæssige' har scoren 37.5' and 'har scoren 18.4': the tables
    print '37,5', and the failing step printed Python's decimal point."""
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Decimalkomma
          Baggrund:
            Givet profilen "helsingor-direktor-2024"
            Og kandidaten "j"
            Og kandidaten har været mellemleder i "Greve Kommune" (kommune) i 2 år
            Og kandidaten "k"
            Og kandidaten har været chef i "Gentofte Kommune" (kommune) i 6 år og ledet 8 ledere
            Når kandidaterne screenes til stadiet "samtale1"
          Scenarie: Kategori
            Så er kategorien "ledelsesmæssige" scoret mindst 99 for "k"
          Scenarie: Højere
            Så scorer "j" højere end "k"
    """)
    said = what_test_says(path)
    assert "0 bestået, 2 fejlet" in said, said
    assert re.search(r"'ledelsesmæssige' har scoren \d+,\d for 'k'", said), said
    assert re.search(r"'j' har scoren \d+,\d, 'k' har \d+,\d", said), said


def test_a_knock_out_not_proposed_on_a_criterion_says_what_the_criterion_is(tmp_path):
    """'Så foreslås ansøgeren frasorteret på kravet om ledelse af ledere' failed with only
    'har foreslåede knock-outs: ingen', not that the krav was ikke belyst."""
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Hvorfor ikke
          Scenarie: Ikke belyst
            Givet stillingen som Direktør, Helsingør
            Og en ansøger, der siden 2014 har været centerchef i Region Hovedstaden
            Når ansøgeren screenes på ansøgningstidspunktet
            Så foreslås ansøgeren frasorteret på kravet om ledelse af ledere
    """)
    said = what_test_says(path)
    assert "'Erfaring med ledelse af ledere' er ikke belyst for" in said, said


@pytest.mark.parametrize(("language", "lines"), [
    ("da", ("Egenskab: Udvalget", "Scenarie: Ansøgeren", "Givet stillingen som Direktør, Helsingør",
            "Og en ansøger, der i otte år har været skoleleder i Helsingør Kommune uden ledere "
            "under sig", "Når ansøgeren screenes", "Så skal udvalget tage stilling til ansøgeren")),
    ("en", ("Feature: The committee", "Scenario: The applicant",
            "Given the post of Direktør, Helsingør",
            "And an applicant who has been head of school at Helsingør Kommune for eight years "
            "with no managers reporting to them", "When the applicant is screened",
            "Then the committee must decide on the applicant"))], ids=["da", "en"])
def test_the_committee_decides_on_the_applicant_described_last(tmp_path, language, lines):
    """'udvalget skal tage stilling til ansøgeren' failed with "no criterion 'ansøgeren'":
    only a capitalised name was read as a candidate."""
    path = feature(tmp_path, f"# language: {language}\n" + "\n".join(lines) + "\n")
    result = CliRunner().invoke(main, ["test", str(path), "--rules-dir", str(ROOT / "rules")])
    assert "1 bestået, 0 fejlet" in result.output, result.output


def test_the_committee_decides_on_a_candidate_too_little_known_as_the_shortlist_says(
        tmp_path, monkeypatch):
    """The shortlist hands a candidate with too little evidence to a person ('Afventer
    menneskelig vurdering: utilstrækkeligt belyst'), yet 'udvalget skal tage stilling til
    hende' failed: 'no proposed knock-outs and no disagreeing sources'."""
    monkeypatch.chdir(ROOT)  # the project the examples are read from
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Udvalget
          Baggrund:
            Givet stillingen som Direktør, Helsingør
            Og ansøgerne Mette og Lene fra eksemplerne
            Og en ansøger, der siden 2014 har været centerchef i Region Hovedstaden
            Når ansøgerne screenes efter referencerne
          Scenarie: For lidt belyst
            Så er ansøgeren utilstrækkeligt belyst
            Og udvalget skal tage stilling til ansøgeren
          Scenarie: Belyst nok
            Så skal udvalget tage stilling til Mette
    """)
    said = what_test_says(path)
    assert "1 bestået, 1 fejlet" in said, said
    assert "nok belyst til at værktøjet foreslår (Afventer belysning)" in said


@pytest.mark.parametrize(("sentence", "foreign"), [
    ("Så har ansøgeren ingen foreslåede knock-outs", ("Then ", "Given ", "And ")),
    ("Then the applicant has no knock-outs", ("Så ", "Givet ", "Og "))], ids=["da", "en"])
def test_suggest_offers_the_nearest_steps_in_the_language_of_the_keyword(sentence, foreign):
    """'screening steps --suggest "Så har ansøgeren …"' offered 'Then there are no proposed
    knock-outs', a line a Danish feature file cannot use."""
    result = CliRunner().invoke(main, ["steps", "--suggest", sentence])
    nearest = result.output.split("nærmeste:", 1)[1]
    assert result.exit_code == 1 and not any(word in nearest for word in foreign), \
        result.output


def test_one_example_is_chosen_in_the_singular_and_none_rejected_reads_both_ways(
        tmp_path, monkeypatch):
    """'Givet ansøgeren Mette fra eksemplerne' and 'Så foreslås ingen ansøgere frasorteret'
    were no steps (only 'ansøgerne … fra eksemplerne' and 'ingen af ansøgerne …')."""
    monkeypatch.chdir(ROOT)  # the project the examples are read from
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Ental
          Scenarie: Mette
            Givet stillingen som Direktør, Helsingør
            Og ansøgeren Mette fra eksemplerne
            Når ansøgeren screenes efter referencerne
            Så foreslås ingen ansøgere frasorteret
          Scenarie: Mette og Jonas
            Givet stillingen som Direktør, Helsingør
            Og ansøgeren Mette fra eksemplerne
            Og ansøgeren Jonas fra eksemplerne
            Når ansøgerne screenes efter referencerne
            Så foreslås ingen ansøgere frasorteret
    """)
    said = what_test_says(path)
    assert "1 bestået, 1 fejlet" in said and "Foreslået frasorteret: k04-jonas-vestergaard" \
        in said, said


def test_who_goes_on_when_some_are_taken_is_said_by_name(tmp_path, monkeypatch):
    """'Så går Mette og Anders videre, når der tages to' was no step: the shortlist step
    took ids in quotes only ('går \"k1, k3\" videre, når der tages 2')."""
    monkeypatch.chdir(ROOT)  # the project the examples are read from
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Videre
          Baggrund:
            Givet stillingen som Direktør, Helsingør
            Og ansøgerne Mette, Anders, Birgitte og Peter fra eksemplerne
            Når ansøgerne screenes efter referencerne
          Scenarie: De bedste
            Så går Mette og Anders videre, når der tages to
          Scenarie: Ikke Peter
            Så går Mette og Peter videre, når der tages to
    """)
    said = what_test_says(path)
    assert "1 bestået, 1 fejlet" in said and "Videre går k01-mette-kjaer, k02-anders-lykke" \
        in said, said


def test_a_failing_ranking_step_shows_the_order_and_the_scores_that_decide_it(tmp_path):
    """'Så ligger Susanne før Bo' failed with "'susanne' er nummer 1, 'bo' nummer 1" and
    'Så er den bedste Ida' with 'Bedst er bo og susanne': neither said why (a tie: the same
    secured and possible score), nor where Ida was."""
    path = feature(tmp_path, susanne_bo_and_ida("Rækkefølgen", """\
        Scenarie: Før
          Så ligger Susanne før Bo
        Scenarie: Bedst
          Så er den bedste Ida
        """))
    said = what_test_says(path)
    assert "0 bestået, 2 fejlet" in said, said
    assert said.count("Rækkefølge: 1. bo (") == 2 and "3. ida (" in said, said


def test_a_quoted_step_names_a_candidate_by_name_as_well_as_by_id(tmp_path):
    """'for "Ida"' failed with "Ingen kandidat med id 'Ida' blev screenet; kendte: ida, bo",
    though every prose step names her so."""
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Navn i anførselstegn
          Scenarie: Ida
            Givet stillingen som Direktør, Helsingør
            Og ansøgeren Ida, der i seks år har været centerchef i Roskilde Kommune med syv afdelingsledere under sig
            Og ansøgeren Bo, der i to år har været teamleder i Greve Kommune
            Når ansøgerne screenes
            Så er kriteriet "ledelse-af-ledere" "opfyldt" for "Ida"
            Og der er ingen foreslåede knock-outs for "Ida"
    """)  # noqa: E501
    result = CliRunner().invoke(main, ["test", str(path), "--rules-dir", str(ROOT / "rules")])
    assert "1 bestået, 0 fejlet" in result.output, result.output


def test_a_step_that_needs_a_screening_before_one_says_so_not_in_pythons_words(tmp_path):
    """Without 'Når … screenes', 'Så går \"ida\" videre, når der tages 1' and 'Så er
    rækkefølgen \"ida\"' failed with \"'NoneType' object has no attribute …\"."""
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Glemt at screene
          Baggrund:
            Givet stillingen som Direktør, Helsingør
            Og ansøgeren Ida, der i seks år har været centerchef i Roskilde Kommune
          Scenarie: Videre
            Så går "ida" videre, når der tages 1
          Scenarie: Rækkefølge
            Så er rækkefølgen "ida"
    """)
    said = what_test_says(path)
    assert said.count("Kandidaterne er ikke screenet endnu") == 2, said
    assert "NoneType" not in said


def test_a_candidate_awaiting_evidence_does_not_pass_as_stopped(tmp_path):
    """'Anders går ikke videre' passed for a candidate who afventer belysning: the step only
    checked she was not in the top band. Neither she nor one too little assessed has been
    stopped; a proposed knock-out has (the shipped features say so), and still passes."""
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Stoppet
          Baggrund:
            Givet stillingen som Direktør, Helsingør
            Og ansøgeren Ida, der i seks år har været centerchef i Roskilde Kommune med syv afdelingsledere under sig
            Og ansøgeren Jonas, der i otte år har været skoleleder i Helsingør Kommune uden ledere under sig
            Og alle ansøgerne fra eksemplerne
            Når ansøgerne screenes efter referencerne
          Scenarie: Afventer
            Så afventer Anders belysning
            Og Anders går ikke videre
          Scenarie: Utilstrækkeligt belyst
            Så er Ida utilstrækkeligt belyst
            Og Ida går ikke videre
          Scenarie: Foreslået knock-out
            Så udvalget skal tage stilling til Jonas
            Og Jonas går ikke videre
    """)  # noqa: E501
    said = what_test_says(path)
    assert "1 bestået, 2 fejlet" in said, said
    assert "'k02-anders-lykke' er ikke stoppet: anbefalingen er 'Afventer belysning'" in said
    assert "'ida' er ikke stoppet: anbefalingen er 'Utilstrækkeligt belyst'" in said, said
    english = feature(tmp_path, """\
        # language: en
        Feature: Stopped
          Scenario: Awaiting
            Given the post of Direktør, Helsingør
            And all the applicants from the examples
            When the applicants are screened after the references
            Then Anders is awaiting evidence
            And Anders does not go on to the next round
    """, "en.feature")
    said = what_test_says(english, "--lang", "en")
    assert "0 passed, 1 failed" in said, said
    assert "'k02-anders-lykke' has not been stopped" in said, said


def test_a_score_given_a_named_candidate_is_read_as_for_that_candidate(tmp_path):
    """'referencen giver 2 i samarbejde for Anders' was refused (B203: 'samarbejde for
    Anders' is no competency) while 'i første samtale vurderes Anders til 4 i …' was read.
    Each score lands on the candidate it names, in Danish and English."""
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Reference for en navngiven ansøger
          Scenarie: To ansøgere
            Givet stillingen som Direktør, Helsingør
            Og ansøgeren Ida, der i seks år har været centerchef i Roskilde Kommune med syv afdelingsledere under sig
            Og ansøgeren Jonas, der i otte år har været skoleleder i Helsingør Kommune uden ledere under sig
            Og referencen giver 1 i samarbejde for Ida
            Og referencen giver Jonas 5 i samarbejde
            Og testen viser 5 i ledelse gennem andre til Ida
            Når ansøgerne screenes efter referencerne
            Så lever Ida ikke op til ønsket om samarbejde
            Og Jonas lever op til ønsket om samarbejde
            Og Ida lever op til ønsket om ledelse gennem andre
    """)  # noqa: E501
    said = what_test_says(path)
    assert "1 bestået, 0 fejlet" in said, said
    english = feature(tmp_path, """\
        # language: en
        Feature: A reference for a named applicant
          Scenario: Two applicants
            Given the post of Direktør, Helsingør
            And the applicant Ida who has been head of centre at Roskilde Kommune for six years
            And the applicant Bo who has been head of centre at Gribskov Kommune for six years
            And the reference gives 1 on samarbejde for Ida
            And the reference gives Bo 5 on samarbejde
            When the applicants are screened after the references
            Then Ida does not meet the wish for samarbejde
            And Bo meets the wish for samarbejde
    """, "en.feature")
    said = what_test_says(english, "--lang", "en")
    assert "1 passed, 0 failed" in said, said


def test_a_scenario_cannot_pass_a_proposed_knockout_by(tmp_path):
    """'udvalget beslutter, at Jonas går videre' was taken for a candidate with a proposed
    knock-out, which `screening decide` now refuses: a knock-out is confirmed or overridden."""
    path = feature(tmp_path, """\
        # language: da
        Egenskab: Knock-out
          Scenarie: Forbi
            Givet stillingen som Direktør, Helsingør
            Og ansøgeren Jonas, der i otte år har været skoleleder i Helsingør Kommune uden ledere under sig
            Når ansøgerne screenes efter referencerne
            Og udvalget beslutter, at Jonas går videre, med begrundelsen "Stærk i samtalen"
            Så går Jonas videre
    """)  # noqa: E501
    said = what_test_says(path)
    assert "0 bestået, 1 fejlet" in said, said
    assert "'jonas' har en foreslået knock-out" in said, said
