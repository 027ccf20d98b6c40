"""The main commands over the shipped examples speak one language: with --lang en no Danish
word of the tool's own, and in Danish no English one.

What people wrote is left as written in both languages: the profile's texts (names,
quotes, labels, descriptions, questions, ids), the candidates' records and the codes their
fields take, the scenarios of the feature files and the step library's names and example
lines. Those texts are taken out of the
output before it is searched, so what remains is the tool's own words.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from screening.bdd.library import step_library
from screening.catalogue import COLLECTIONS
from screening.cli import main
from screening.i18n import EN

from .conftest import ROOT

# free-text fields of rule files and candidate records: written by people, in their language
TEXT_FIELDS = frozenset({
    "title", "organisation", "name", "quote", "section", "note", "reason", "description",
    "id", "label", "source", "consultant", "degree", "institution", "field", "assessor", "email",
    "phone"})
TEXT_MAPPINGS = frozenset({"competencies", "questions"})  # their values are text
DANISH = re.compile(r"\b(opfyldt|ikke belyst|fejl|advarsel|kandidat(?:en|er|erne)?|krav(?:et|ene)?"
                    r"|ønske(?:t|r)?|vægt|dækning|anbefaling|stadie|kørsel|beslutning(?:er)?"
                    r"|grundlag|mangler|profilen|videre|ingen|nej|ja|sikret|muligt|kilde[rn]?"
                    r"|placering|scenarie[rt]?)\b", re.IGNORECASE)
ENGLISH = re.compile(r"\b(met|partly met|not met|not assessed|error|warning|candidates?"
                     r"|requirements?|wish|coverage|recommendation|stage|decisions?|evidence"
                     r"|missing|none|yes|no|secured|possible|sources?|rank|passed|failed|mean)\b",
                     re.IGNORECASE)
SHIPPED = sorted(p.stem for p in (ROOT / "rules").glob("*.yaml")
                 if (ROOT / "examples" / "candidates" / p.stem).is_dir())


def people_texts(data, key: str = "", free: bool = False) -> set[str]:
    """The strings of a rule file or record that people wrote (see TEXT_FIELDS)."""
    if isinstance(data, dict):
        return {text for k, v in data.items()
                for text in ({str(k)} if key in TEXT_MAPPINGS else set())
                | people_texts(v, str(k), free or key in TEXT_MAPPINGS)}
    if isinstance(data, list):
        return {text for v in data for text in people_texts(v, key, free)}
    if isinstance(data, str) and (free or key in TEXT_FIELDS):
        return {data}
    return set()


def written_by_people(profile: str) -> list[str]:
    yaml = YAML(typ="safe")
    files = [*(ROOT / "rules").rglob("*.yaml"),
             *(ROOT / "examples" / "candidates" / profile).glob("*.y*ml")]
    texts = {t for f in files for t in people_texts(yaml.load(f.read_text("utf-8")))}
    for feature in (ROOT / "features").glob(f"{profile}*.feature"):
        lines = feature.read_text("utf-8").splitlines()  # names of scenarios, their steps
        texts |= {line.split(":", 1)[-1].strip() for line in lines}
        texts |= {line.strip() for line in lines}
    texts |= {line.strip() for d in step_library().steps for p in d.phrasings
              for line in p.example.splitlines()}
    texts |= {d.name for d in step_library().steps}  # the steps' names are identifiers of the code
    # the values a record's fields take are codes, written as in the records ('kandidat',
    # the level of education); removed as written, so the UI word 'Kandidat' is still seen
    texts |= {v for c in COLLECTIONS.values() for f in c.fields.values() for v in f.values}
    return sorted((t for t in texts if len(t) > 2), key=len, reverse=True)


# columns of the scenario table that hold the feature file's words and the steps' own
# messages: left out (the file's texts are taken out elsewhere; these are wrapped beyond it)
PEOPLES_COLUMNS = ("Fil", "File", "Scenarie", "Scenario", "Fejlende trin", "Failing step",
                   "Forventet / fundet", "Expected / found")


def unwrapped(output: str, leave_out: tuple[str, ...] = PEOPLES_COLUMNS) -> str:
    """`output` with each table row on one line, the cells a table wrapped joined again (a
    row starts where its first cell is filled), and the `leave_out` columns left out."""
    lines, out, n = output.splitlines(), [], 0
    while n < len(lines):
        rule = lines[n + 1] if n + 1 < len(lines) else ""
        if not re.fullmatch(r"-+(?:  -+)+", rule):
            out.append(lines[n])
            n += 1
            continue
        spans = [m.span() for m in re.finditer(r"-+", rule)]
        header = lines[n]
        kept = [(a, b) for a, b in spans
                if not any(header[a:].startswith(h) for h in leave_out)]
        rows: list[list[str]] = []
        n += 2
        while n < len(lines) and lines[n].strip():
            cells = [lines[n][a:b + 2].strip() for a, b in spans]  # +2: a cell may overrun
            if cells[0] or not rows:
                rows.append(cells)
            else:
                rows[-1] = [f"{old}{'' if old.endswith('-') else ' '}{new}".strip()
                            if new else old for old, new in zip(rows[-1], cells, strict=True)]
            n += 1
        out.append(" | ".join(header[a:b].strip() for a, b in kept))
        out += [" | ".join(row[spans.index(span)] for span in kept) for row in rows]
    return "\n".join(out)


def tool_words(output: str, texts: list[str]) -> str:
    output = unwrapped(output)
    for text in texts:
        output = output.replace(text, " ")
    return output


def outputs(profile: str, language: str, tmp_path: Path) -> dict[str, str]:
    runner = CliRunner()
    env = {"SCREENING_RULES": str(ROOT / "rules"), "SCREENING_AUDIT_DB": str(tmp_path / "a.db"),
           "SCREENING_OPERATOR": "tester"}
    folder = str(ROOT / "examples" / "candidates" / profile)
    first = sorted(Path(folder).glob("*.y*ml"))[0]

    def run(*args: str) -> str:
        result = runner.invoke(main, ["--lang", language, *args], env=env)
        assert result.exit_code in (0, 1), (args, result.output, result.exception)
        return result.output

    found = {
        "screen": run("screen", profile, folder),
        "explain": run("explain", profile, str(first)),
        "shortlist": run("shortlist", profile, folder, "--take", "2"),
        "lint": run("lint", str(ROOT / "rules" / f"{profile}.yaml")),
        "profiles": run("profiles"),
        "profile show": run("profile", "show", profile),
        "audit list": run("audit", "list"),
        "steps": run("steps"),
    }
    latest = found["audit list"].strip().splitlines()[-1].split()[0]
    found["audit show"] = run("audit", "show", latest)
    found["audit show --candidate"] = run("audit", "show", latest, "--candidate", first.stem)
    found["test"] = run("test", str(ROOT / "features" / f"{profile}.feature"))
    return found


@pytest.mark.parametrize("profile", SHIPPED)
def test_english_output_has_no_danish_words_of_the_tool(profile, tmp_path):
    texts = written_by_people(profile)
    for command, output in outputs(profile, "en", tmp_path).items():
        left = DANISH.findall(tool_words(output, texts))
        assert not left, f"screening --lang en {command}: {sorted(set(left))}"


@pytest.mark.parametrize("profile", SHIPPED)
def test_danish_output_has_no_english_words_of_the_tool(profile, tmp_path):
    texts = written_by_people(profile)
    for command, output in outputs(profile, "da", tmp_path).items():
        left = ENGLISH.findall(tool_words(output, texts))
        assert not left, f"screening {command}: {sorted(set(left))}"


def _danish_texts(node: ast.AST) -> list[str]:
    """The literal texts a `t(...)` call may be given: a string, or either side of an `if`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _danish_texts(node.body) + _danish_texts(node.orelse)
    return []


def test_every_sentence_the_package_translates_has_its_english():
    """Every text given to i18n.t in the package, failing scenario steps included, has an
    English entry: a missing one would show Danish in --lang en."""
    missing = []
    for path in sorted((ROOT / "screening").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id == "t" and node.args:
                missing += [f"{path.relative_to(ROOT)}:{node.lineno}: {text}"
                            for text in _danish_texts(node.args[0]) if text not in EN]
    assert missing == []


def test_no_usage_error_is_written_in_one_language_only():
    """A usage error names its text through i18n.t (or a message), so --lang en shows it in
    English: a bare string literal would be shown as written whatever the language."""
    bare = []
    for path in sorted((ROOT / "screening").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                    and ast.unparse(node.func).split(".")[-1] in (
                        "UsageError", "BadParameter", "ClickException", "BadOptionUsage"):
                bare.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert bare == []


def test_no_failing_step_says_what_it_found_in_one_language_only():
    """A step's failure goes through i18n.t: the prose steps wrote theirs as Danish f-strings,
    so `screening --lang en test` said 'Bedst er bo og ida; forventet bo'."""
    bare = []
    for path in sorted((ROOT / "screening").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) \
                    and ast.unparse(node.exc.func) == "AssertionError" and node.exc.args \
                    and isinstance(node.exc.args[0], ast.JoinedStr | ast.Constant):
                bare.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert bare == []


@pytest.mark.parametrize(("language", "expected"), [
    ("da", "--format xlsx skriver et regneark og kræver --out FIL"),
    ("en", "--format xlsx writes a spreadsheet and needs --out FILE")])
def test_a_usage_error_of_screen_speaks_the_chosen_language(language, expected):
    profile = SHIPPED[0]
    folder = str(ROOT / "examples" / "candidates" / profile)
    result = CliRunner().invoke(main, ["--lang", language, "screen", profile, folder,
                                       "--format", "xlsx", "--no-audit"],
                                env={"SCREENING_RULES": str(ROOT / "rules")})
    assert result.exit_code == 2
    assert expected in result.output


@pytest.mark.parametrize("profile", SHIPPED)
def test_the_shortlist_names_its_stage_in_the_chosen_language(profile, tmp_path):
    """'after references', as explain and the table name the stage, not its Danish id."""
    folder = str(ROOT / "examples" / "candidates" / profile)
    result = CliRunner().invoke(main, ["--lang", "en", "shortlist", profile, folder, "--take",
                                       "2", "--stage", "reference", "--no-audit"],
                                env={"SCREENING_RULES": str(ROOT / "rules")})
    assert result.exit_code == 0, result.output
    assert re.match(r"Shortlist: \d+ of \d+ to the next round after references \(",
                    result.stdout.splitlines()[0])


def test_english_names_too_little_evidence_as_the_table_does():
    """The English table's band is 'Insufficient evidence' (Danish: 'Utilstrækkeligt belyst',
    the same words in the summary and the shortlist); the English summary and shortlist
    said 'too little evidence', so one status had two names."""
    folder = ROOT / "examples" / "candidates" / "helsingor-direktor-2024"
    env = {"SCREENING_RULES": str(ROOT / "rules")}
    runner = CliRunner()
    screened = runner.invoke(main, ["--lang", "en", "screen", folder.name, str(folder),
                                    "--stage", "reference", "--no-audit"], env=env)
    listed = runner.invoke(main, ["--lang", "en", "shortlist", folder.name, str(folder),
                                  "--stage", "reference", "--take", "3", "--no-audit"], env=env)
    assert screened.exit_code == listed.exit_code == 0
    assert " Insufficient evidence" in screened.stdout  # a candidate in that band
    assert " · insufficient evidence: " in screened.stderr
    assert "Awaiting a person's decision: insufficient evidence" in listed.stdout
    assert "too little evidence" not in screened.output + listed.output


def test_a_mistyped_language_setting_is_a_usage_error_naming_it():
    """SCREENING_LANG=de is refused as --lang de is, not read as Danish; --lang wins."""
    result = CliRunner().invoke(main, ["profiles"], env={"SCREENING_LANG": "de",
                                                         "SCREENING_RULES": str(ROOT / "rules")})
    assert result.exit_code == 2, result.output
    assert "SCREENING_LANG er 'de'; sprogene er da, en" in result.output
    chosen = CliRunner().invoke(main, ["--lang", "en", "profiles"],
                                env={"SCREENING_LANG": "de",
                                     "SCREENING_RULES": str(ROOT / "rules")})
    assert chosen.exit_code == 0 and "Requirements" in chosen.output


def test_the_language_setting_is_read_whatever_its_case():
    result = CliRunner().invoke(main, ["profiles"], env={"SCREENING_LANG": "EN",
                                                         "SCREENING_RULES": str(ROOT / "rules")})
    assert result.exit_code == 0, result.output
    assert "Requirements" in result.output


@pytest.mark.parametrize("args", [["profiles", "--lang", "en"], ["profiles", "--lang=en"],
                                  ["--lang", "da", "profiles", "--lang", "en"]])
def test_the_language_may_be_given_after_the_command_as_users_type_it(args):
    """`screening profiles --lang en` was refused ("Intet tilvalg hedder '--lang'"): the
    language is the group's option, but users put it where they put every other one."""
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Requirements" in result.output and "Krav" not in result.output


def test_help_and_usage_errors_of_a_subcommand_follow_a_language_given_after_it():
    runner = CliRunner()
    helped = runner.invoke(main, ["audit", "list", "--lang", "en", "--help"])
    assert helped.exit_code == 0 and "List the runs" in helped.output
    refused = runner.invoke(main, ["guide", "--lang", "en"])
    assert refused.exit_code == 2 and "Missing argument" in refused.output


def test_a_lang_after_a_double_dash_is_left_to_the_command():
    from screening.cli.app import _language_first

    assert _language_first(["test", "--lang", "en", "--", "--lang", "da"]) == \
        ["--lang", "en", "test", "--", "--lang", "da"]
