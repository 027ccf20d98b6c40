"""Find mistakes in feature files before running them (`screening test --check`).

Reports, like a linter (`file:line:col code message`): a missing `# language: da` (or `en`)
line (B101), a file that is not UTF-8 (B103), a line that is not Gherkin (B102, with the
nearest keyword), a feature with no scenario (B104), a scenario with no Så (Then) step, which
can never fail (B105), a step that no step matches (B201, with
the nearest steps), a step whose argument cannot be read (B203: a stage, number, profile or
criterion the vocabulary does not know, and what it expected), an outline placeholder with no
column in its Eksempler (B202), and two scenarios with the same name in one file (B301). Lines
are read with the same grammar the run uses, and every unmatched line of a file is reported,
also when the Background has one.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from functools import partial
from pathlib import Path

from gherkin.errors import CompositeParserException, ParserError
from gherkin.parser import Parser
from gherkin.token_scanner import TokenScanner

from ..display import file_name
from ..documents import read_text
from ..errors import Problem
from ..messages import Message, message
from ..vocabulary import did_you_mean
from .grammar import NotRead, ReadContext, StepCatalogue, read

KEYWORDS = ("Egenskab", "Baggrund", "Scenarie", "Eksempel", "Abstrakt Scenario", "Eksempler",
            "Regel", "Givet", "Når", "Så", "Og", "Men", "Feature", "Background", "Scenario",
            "Scenario Outline", "Examples", "Rule", "Given", "When", "Then", "And", "But")
LANGUAGES = ("da", "en")
_KIND_OF_KEYWORD = {"Context": "given", "Action": "when", "Outcome": "then"}
_PLACEHOLDER = re.compile(r"<([^<>]+)>")


def feature_files(paths: list[str | Path]) -> list[Path]:
    """Feature files as given, folders as the files in them (a folder that happens to be
    named x.feature is not one)."""
    found: list[Path] = []
    for path in map(Path, paths):
        found.extend(sorted(p for p in path.rglob("*.feature") if p.is_file())
                     if path.is_dir() else [path])
    return found


def read_feature(path: Path) -> tuple[str | None, Problem | None]:
    """The text of a feature file (a byte order mark dropped), or the problem reading it."""
    if file_name(path) != str(path):  # named in every report of it: not run (run_features)
        return None, Problem(file_name(path), message("name_not_utf8"), code="B103")
    return read_text(path, code="B103")


def check_file(path: Path, steps: StepCatalogue,
               rules_dir: str | Path | None = None) -> list[Problem]:
    """Every problem of one feature file, its lines read with `steps`; profiles named in it
    are looked up in `rules_dir` (default: $SCREENING_RULES or rules/)."""
    problems, feature = file_problems(path)
    if feature is None:
        return problems
    rules = Path(rules_dir or os.environ.get("SCREENING_RULES") or "rules")
    return problems + _check_feature(path, feature, ReadContext(
        steps, rules, feature_dir=path.parent, language=feature.get("language")))


def file_problems(path: Path) -> tuple[list[Problem], dict | None]:
    """What keeps a feature file from being read as Gherkin (B101-B104), and the feature it
    holds (None: nothing more to check)."""
    text, problem = read_feature(path)
    if text is None:
        assert problem is not None  # read_feature gives the text or the problem
        return [problem], None
    problems = []
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    shift = 0
    texts = [text]
    if first.replace(" ", "") not in {f"#language:{code}" for code in LANGUAGES}:
        problems.append(Problem(str(path), message("feature_language"), 1, 1, code="B101"))
        # the rest checked in the language it is written in: Danish, or else English
        texts, shift = [f"# language: {code}\n" + text for code in LANGUAGES], 1
    document = _parsed(texts)
    if not isinstance(document, dict):
        return problems + [_parse_problem(path, error, shift) for error in document], None
    if shift:
        _shift_lines(document, -shift)
    feature = document.get("feature")
    if feature is None:
        return [*problems, Problem(str(path), message("no_feature"), 1, 1, code="B102")], None
    if not any("scenario" in child for child in _children(feature)):
        problems.append(Problem(str(path), message("no_scenarios"), feature["location"]["line"],
                                feature["location"]["column"], code="B104"))
    return problems, feature


def _parsed(texts: list[str]) -> dict | list:
    """The Gherkin document of the first of `texts` that parses, or the first's errors."""
    first_errors: list = []
    for text in texts:
        try:
            return Parser().parse(TokenScanner(text))
        except (CompositeParserException, ParserError) as exc:
            first_errors = first_errors or getattr(exc, "errors", [exc])
    return first_errors


def _shift_lines(node, by: int) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("location"), dict):
            node["location"]["line"] += by
        for key, value in node.items():
            if key != "location":
                _shift_lines(value, by)
    elif isinstance(node, list):
        for value in node:
            _shift_lines(value, by)


# the Gherkin parser's errors a consultant meets, in words of ours (and so in Danish too)
_GOT = re.compile(r"^expected: .*, got '(?P<line>.*)'$")
_PARSER_WORDS = {"inconsistent cell count within the table": "uneven_table",
                 "A tag may not contain whitespace": "tag_with_space"}


def _parse_problem(path: Path, error, shift: int) -> Problem:
    location = dict(getattr(error, "location", None) or {})
    if location.get("line"):
        location["line"] -= shift
    text = re.sub(r"^\(\d+:\d+\): ", "", str(error))  # the location is ours to report
    if got := _GOT.match(text):
        line = got["line"]
        said = message("not_a_line_here", line=line) + did_you_mean(
            _danish_letters(line.split(" ")[0]), KEYWORDS)
    elif text in _PARSER_WORDS:
        said = message(_PARSER_WORDS[text])
    elif text.startswith("unexpected end of file"):
        said = message("ends_too_soon")
    else:
        said = message("not_gherkin", detail=text)
    return Problem(str(path), said, location.get("line"), location.get("column"), code="B102")


def _danish_letters(word: str) -> str:
    """'Saa', 'Naar' as a keyboard without å writes them: 'Så', 'Når'."""
    for ascii_letters, letter in (("aa", "å"), ("ae", "æ"), ("oe", "ø")):
        word = word.replace(ascii_letters, letter).replace(ascii_letters.capitalize(),
                                                           letter.upper())
    return word


def _check_feature(path: Path, feature: dict, background: ReadContext) -> list[Problem]:
    """`background` is the context before any step; the Background's steps fill it in."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for child in _children(feature):
        block = child.get("background") or child.get("scenario")
        if block is None:
            continue
        misspelt = _check_description(path, block)
        problems.extend(misspelt)
        if "scenario" in child and (twice := _named_twice(path, block, seen)):
            problems.append(twice)
        # a misspelt keyword (B102) is likely the Så itself: said once, not twice
        if "scenario" in child and not misspelt and not any(
                step["keywordType"] == "Outcome" for step in block.get("steps", [])):
            problems.append(Problem(str(path), message("scenario_without_then"),
                                    block["location"]["line"], block["location"]["column"],
                                    code="B105"))
        columns, rows = _examples(block)
        # a scenario starts from what its Background chose (the profile)
        context = background if "background" in child else replace(background)
        kind = "given"
        for step in block.get("steps", []):
            kind = _KIND_OF_KEYWORD.get(step["keywordType"], kind)
            text = step["text"]
            for name in _PLACEHOLDER.findall(text):
                if name not in columns:
                    problems.append(_at(path, step, message("placeholder_without_column",
                                                            name=name), "B202"))
            for row in rows or [{}]:
                problem = _check_step(path, step, kind, _PLACEHOLDER.sub(
                    partial(_example_value, row), text), context)
                if problem:
                    problems.append(problem)
                    break  # one report per line, not one per example row
    return problems


def _check_step(path: Path, step: dict, kind: str, text: str,
                context: ReadContext) -> Problem | None:
    try:
        reading = read(kind, text, context)
    except NotRead as exc:
        code = "B201" if exc.text.code == "no_step_matches" else "B203"
        return _at(path, step, exc.text.but(line=f"{step['keyword'].strip()} {text}"), code)
    if "profile" in reading.arguments:
        context.profile = reading.arguments["profile"]
    return None


def _example_value(row: dict[str, str], match: re.Match) -> str:
    return row.get(match.group(1), match.group(0))


def names_used_twice(path: Path, feature: dict) -> list[Problem]:
    """The scenario names of a feature file (its `feature`, as `file_problems` gives it) used
    twice (B301), for a run that checks nothing else (the pytest plugin): pytest-bdd runs one
    scenario of each name."""
    seen: dict[str, int] = {}
    return [twice for child in _children(feature) if "scenario" in child
            if (twice := _named_twice(path, child["scenario"], seen))]


def _named_twice(path: Path, scenario: dict, seen: dict[str, int]) -> Problem | None:
    """B301 when the scenario's name is one of `seen` (name -> the line it was first used),
    which it joins otherwise."""
    line, name = scenario["location"]["line"], scenario["name"]
    first = seen.setdefault(name, line)
    if first == line:
        return None
    return Problem(str(path), message("scenario_name_twice", name=name, line=first), line,
                   scenario["location"]["column"], code="B301")


def _children(feature: dict) -> list[dict]:
    children: list[dict] = []
    for child in feature.get("children", []):
        children.extend(child["rule"].get("children", []) if "rule" in child else [child])
    return children


def _check_description(path: Path, block: dict) -> list[Problem]:
    """Text under a scenario that is not a step is almost always a misspelt keyword."""
    problems = []
    for offset, line in enumerate((block.get("description") or "").splitlines(), start=1):
        word = line.strip().split(" ")[0] if line.strip() else ""
        if word:
            problems.append(Problem(
                str(path), message("unknown_keyword", word=word)
                + did_you_mean(_danish_letters(word), KEYWORDS),
                block["location"]["line"] + offset, 1, code="B102"))
    return problems


def _examples(block: dict) -> tuple[set[str], list[dict[str, str]]]:
    """The columns of an outline's Eksempler and every row, so each row's line is read."""
    columns: set[str] = set()
    rows: list[dict[str, str]] = []
    for examples in block.get("examples", []):
        header = [c["value"] for c in (examples.get("tableHeader") or {}).get("cells", [])]
        columns.update(header)
        rows.extend(dict(zip(header, (c["value"] for c in row["cells"]), strict=False))
                    for row in examples.get("tableBody") or [])
    return columns, rows


def _at(path: Path, step: dict, text: Message, code: str) -> Problem:
    return Problem(str(path), text, step["location"]["line"], step["location"]["column"],
                   code=code)
