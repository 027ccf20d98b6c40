"""Every `--help` in Danish and English: `screening/cli/help.py` and `help_text.py`.

The commands are found by walking the click group, so a new command is checked without being
listed here. Values a user types (choices, defaults, metavars, quoted literals, the example
command lines) are the same in both languages and are left out of the word checks.
"""

from __future__ import annotations

import ast
import inspect
import re
from collections.abc import Iterator

import click
import pytest
from click.testing import CliRunner

from screening.cli import main
from screening.cli.help import CLICK_MODULES, help_key, paragraphs
from screening.cli.help_text import CLICK_DA, CLICK_METAVAR_DA, HELP_EN, NAME_METAVAR_DA
from screening.i18n import set_language

from .conftest import ROOT


def _commands(command: click.Command = main,
              path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    yield path, command
    if isinstance(command, click.Group):  # as click finds them: loaded when listed
        ctx = click.Context(command)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None, name
            yield from _commands(sub, (*path, name))


COMMANDS = list(_commands())
IDS = [" ".join(path) or "screening" for path, _command in COMMANDS]

DANISH_WORDS = re.compile(
    r"[æøå]|\b(?:og|af|til|med|ikke|eller|der|den|det|som|fra|på|kun|uden|hvor|hvad|vis|"
    r"skriv|standard|kandidat\w*|profil(?:en|er|erne)?|fil(?:en|er|erne)?|mappe\w*|kørsel\w*|"
    r"stadie\w*|beslutning\w*|regel\w*|krav|ønske\w*|eksempel\w*|brug|tilvalg)\b",
    re.IGNORECASE)
CLICK_ENGLISH = ("Usage", "Options", "Commands", "Positional arguments", "Show this message",
                 "default", "required", "env var", "Try '", "Error", "Example")
QUOTED = re.compile(r"'[^'\n]*'|`[^`\n]*`|\"[^\"\n]*\"")


def _written_texts(command: click.Command) -> Iterator[str]:
    """The Danish help of a command and its options, as written in the code."""
    for text in (command.help, command.short_help, command.epilog,
                 *(getattr(param, "help", None) for param in command.params)):
        if text:
            yield text


def _help_keys(command: click.Command) -> Iterator[str]:
    for text in _written_texts(command):
        yield from (help_key(paragraph) for paragraph in paragraphs(text))


def _typed_values(command: click.Command) -> set[str]:
    """What a user types as it is in any language: choices, defaults and metavars."""
    values: set[str] = set()
    for param in command.params:
        if isinstance(param.type, click.Choice):
            values.update(str(choice) for choice in param.type.choices)
        if isinstance(param.default, str):
            values.add(param.default)
        if param.metavar:
            values.add(param.metavar)
    return values


def _without_examples(text: str, heading: str) -> str:
    """The help without its example blocks: the heading and the command lines under it."""
    return re.sub(rf"^ *{heading}\n(^ +\S.*\n?)*", "", text, flags=re.MULTILINE)


def _prose(output: str, command: click.Command, heading: str) -> str:
    """The words of a help page, without what the user types literally."""
    text = QUOTED.sub(" ", _without_examples(output, heading))
    for value in sorted(_typed_values(command), key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(value)}(?![\w-])", " ", text)
    return text


def _help(path: tuple[str, ...], *options: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(main, [*options, *path, "--help"], env=env)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_every_danish_help_text_has_an_english_entry(path, command):
    missing = [key for key in _help_keys(command) if key not in HELP_EN]
    assert not missing, f"no English in screening/cli/help_text.py HELP_EN for: {missing}"


def test_every_english_entry_is_used_by_a_command():
    used = {key for _path, command in COMMANDS for key in _help_keys(command)}
    unused = sorted(set(HELP_EN) - used)
    assert not unused, f"HELP_EN entries no command's help has: {unused}"


@pytest.mark.parametrize("chosen", [("--lang", "en"), "SCREENING_LANG"])
@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_english_help_has_no_danish_words(path, command, chosen):
    if chosen == "SCREENING_LANG":
        output = _help(path, env={"SCREENING_LANG": "en"})
    else:
        output = _help(path, *chosen)
    assert "Usage:" in output and "Options:" in output
    danish = DANISH_WORDS.findall(_prose(output, command, "Example:"))
    assert not danish, f"Danish words {danish} in:\n{output}"


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_danish_help_has_no_english_ui_words(path, command):
    output = _help(path)
    assert "Brug:" in output and "Tilvalg:" in output
    english = [word for word in CLICK_ENGLISH if word in _prose(output, command, "Eksempel:")]
    assert not english, f"English words {english} in:\n{output}"


def test_example_blocks_are_headed_in_the_language_and_keep_their_command_lines():
    danish, english = _help(("screen",)), _help(("screen",), "--lang", "en")
    assert "Eksempel:" in danish and "Example:" in english
    command_lines = [line for line in danish.splitlines() if line.strip().startswith("screening")]
    assert command_lines
    assert all(line in english.splitlines() for line in command_lines)


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS if p], ids=IDS[1:])
def test_every_command_shows_an_example_in_either_language(path):
    """README: 'Every command has `--help` with an example'; `screening profile --help` and
    `screening import --help` had none."""
    assert "Eksempel:" in _help(path)
    assert "Example:" in _help(path, "--lang", "en")


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_the_shipped_files_a_help_names_exist(path, command):
    """`explain --help` gave `examples/candidates/helsingor-direktor-2024/k02.yaml` as an
    example, which does not ship: run as written, it ended "E001 filen findes ikke"."""
    named = [word.strip("`'\",.:;()") for word in _help(path).split()
             if word.strip("`'\"(").startswith("examples/")]
    assert [word for word in named if not (ROOT / word).exists()] == []


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=IDS)
def test_every_option_says_what_it_does(path):
    """`explain --help` listed `--format [text|markdown|json]` with nothing but its default,
    as did `fields`, `trace` and `guide`, `audit export` (and its --candidate) and `audit
    replay`'s --rules-dir."""
    (command,) = [c for p, c in COMMANDS if p == path]
    bare = [param.opts for param in command.params
            if isinstance(param, click.Option) and not param.help]
    assert bare == []


def test_group_lists_its_commands_in_the_language():
    danish, english = _help(()), _help((), "--lang", "en")
    assert "Kommandoer:" in danish and "Commands:" in english
    assert "Vis profilerne i regelmappen." in danish
    assert "List the profiles in the rules folder." in english


def test_help_option_follows_the_language_of_each_run():
    # click makes each command's --help option once; its text must not stay in the first
    # language a process used
    for _ in range(2):
        assert "Vis denne hjælp og afslut." in _help(("lint",))
        assert "Show this message and exit." in _help(("lint",), "--lang", "en")


USAGE_ERRORS = [
    (["screen"], "Mangler argument 'PROFIL'.", "Missing argument 'PROFILE'."),
    (["screen", "p", "--bogus"], "Intet tilvalg hedder '--bogus'.", "No such option '--bogus'."),
    (["screen", "p", "c", "--stage", "nope"], "Ugyldig værdi for '--stage': 'nope' er ikke en af",
     "Invalid value for '--stage': 'nope' is not one of"),
    (["screen", "p", "c", "--top", "0"], "Ugyldig værdi for '--top': 0 er ikke i intervallet",
     "Invalid value for '--top': 0 is not in the range"),
    (["import", "scores", "ark.xlsx"], "Mangler tilvalg '--into'.", "Missing option '--into'."),
    (["nocommand"], "Ingen kommando hedder 'nocommand'.", "No such command 'nocommand'."),
    (["fields", "a"], "Uventet ekstra argument (a)", "Got unexpected extra argument (a)"),
    (["fields", "a", "b"], "Uventede ekstra argumenter (a b)",
     "Got unexpected extra arguments (a b)"),
    (["guide", "p", "c"], "Mangler tilvalg '--stage'. Vælg blandt:\n\tsamtale1,",
     "Missing option '--stage'. Choose from:\n\tsamtale1,"),
    (["schema"], "Mangler argument '{candidate|profile}'. Vælg blandt:",
     "Missing argument '{candidate|profile}'. Choose from:"),
]


@pytest.mark.parametrize(("args", "danish", "english"), USAGE_ERRORS,
                         ids=[" ".join(case[0]) for case in USAGE_ERRORS])
def test_usage_errors_are_in_the_language_and_exit_2(args, danish, english):
    in_danish = CliRunner().invoke(main, args)
    assert in_danish.exit_code == 2
    assert f"Fejl: {danish}" in in_danish.output
    assert "Brug: " in in_danish.output and "for hjælp." in in_danish.output
    for run in (CliRunner().invoke(main, ["--lang", "en", *args]),
                CliRunner().invoke(main, args, env={"SCREENING_LANG": "en"})):
        assert run.exit_code == 2
        assert f"Error: {english}" in run.output and "Usage: " in run.output


# click's English in a usage error, beside the words of CLICK_ENGLISH
ENGLISH_WORDS = re.compile(r"\b(?:Usage|Error|Try|Missing|Choose|from|the|of|is|not|one|and|"
                           r"or|with|for help|option)\b")


def _short_of_what_is_required(command: click.Command) -> list[list[str]]:
    """Arguments that leave out what a command requires, so that it runs nothing: none at
    all, and, when it requires an option, every argument but none of the options."""
    if isinstance(command, click.Group) or not any(p.required for p in command.params):
        return []  # a group shows its help; a command needing nothing would run
    arguments = [param for param in command.params if isinstance(param, click.Argument)]
    if not any(param.required and isinstance(param, click.Option) for param in command.params):
        return [[]]
    return [[], ["x" for param in arguments if param.required]]


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_a_command_short_of_what_it_requires_says_so_in_the_language(path, command):
    """`screening guide P C` without its required --stage said "Mangler tilvalg '--stage'.
    Choose from:" in Danish. Every command given less than it requires names what is
    missing in the language of the run, and runs nothing."""
    for given in _short_of_what_is_required(command):
        danish = CliRunner().invoke(main, [*path, *given])
        assert danish.exit_code == 2, danish.output
        assert danish.output.startswith("Brug: ") and "Fejl: Mangler " in danish.output
        shown = QUOTED.sub(" ", danish.output)
        for value in sorted(_typed_values(command), key=len, reverse=True):
            shown = shown.replace(value, " ")
        assert not ENGLISH_WORDS.findall(shown), danish.output
        for english in (CliRunner().invoke(main, ["--lang", "en", *path, *given]),
                        CliRunner().invoke(main, [*path, *given],
                                           env={"SCREENING_LANG": "en"})):
            assert english.exit_code == 2, english.output
            assert english.output.startswith("Usage: ") and "Error: Missing " in english.output
            danish_words = DANISH_WORDS.findall(_prose(english.output, command, "Example:"))
            assert not danish_words, english.output


def test_a_usage_error_before_lang_is_read_is_in_the_language_of_the_run():
    CliRunner().invoke(main, ["--lang", "en", "--help"])
    assert "Fejl: Intet tilvalg hedder '--bogus'." in CliRunner().invoke(main, ["--bogus"]).output


def _click_strings() -> set[str]:
    return {node.value for module in CLICK_MODULES
            for node in ast.walk(ast.parse(inspect.getsource(module)))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def test_every_danish_click_word_is_one_of_clicks_messages():
    gone = sorted(set(CLICK_DA) - _click_strings())
    assert not gone, f"CLICK_DA keys click no longer has (changed in a click upgrade?): {gone}"


def test_click_words_keep_their_placeholders_in_danish():
    fields = re.compile(r"\{[^}]*\}")
    changed = {msgid: danish for msgid, danish in CLICK_DA.items()
               if sorted(fields.findall(msgid)) != sorted(fields.findall(danish))}
    assert not changed


def test_click_speaks_english_outside_the_screening_group():
    @click.command()
    @click.option("--n", type=int)
    def other(n):
        """Another tool."""

    CliRunner().invoke(main, ["--help"])
    output = CliRunner().invoke(other, ["--help"]).output
    assert "Usage:" in output and "Show this message and exit." in output


# an upper-case word of a metavar or of prose naming one: `FILE`, `RULE-FILE`, `KØRSEL`;
# not the `Y` of `[%Y-%m-%d]`
METAVAR_WORD = re.compile(r"(?<![\w%-])[A-ZÆØÅ][A-ZÆØÅ0-9_-]*[A-ZÆØÅ0-9](?![\w-])")


def _metavar_words(text: str) -> set[str]:
    return set(METAVAR_WORD.findall(text))


def _usage_metavars(language: str) -> dict[str, set[str]]:
    """The words of every metavar in the command tree (each parameter's, and the usage line's
    `[OPTIONS]` and `COMMAND [ARGS]...`) in a language, by where they are used."""
    set_language(language)
    try:
        words: dict[str, set[str]] = {}
        for path, command in COMMANDS:
            ctx = click.Context(command, info_name=" ".join(path) or "screening")
            used = " ".join(command.collect_usage_pieces(ctx))
            for param in command.get_params(ctx):
                if not (isinstance(param, click.Option) and param.is_flag):
                    used += " " + param.make_metavar(ctx)
            for word in _metavar_words(used):
                words.setdefault(word, set()).add(" ".join(path) or "screening")
        return words
    finally:
        set_language(None)


ENGLISH_METAVARS, DANISH_METAVARS = _usage_metavars("en"), _usage_metavars("da")
SAME_IN_BOTH = {english for english, danish in CLICK_METAVAR_DA.items() if english == danish}


def test_every_metavar_has_its_danish():
    untranslated = {word: sorted(used) for word, used in ENGLISH_METAVARS.items()
                    if word in DANISH_METAVARS and word not in SAME_IN_BOTH}
    assert not untranslated, ("metavars without Danish in screening/cli/help_text.py "
                              f"NAME_METAVAR_DA (or CLICK_METAVAR_DA): {untranslated}")


def test_every_danish_metavar_name_is_used_by_a_command():
    assert not set(NAME_METAVAR_DA) - set(ENGLISH_METAVARS)


def _click_type_names() -> set[str]:
    """The metavar click gives each of its types when the type gives none of its own."""
    paths = [click.Path(), click.Path(dir_okay=False), click.Path(file_okay=False)]
    types = [value for value in vars(click.types).values()
             if isinstance(value, click.ParamType)] + paths
    for kind in (click.IntRange, click.FloatRange, click.Choice, click.DateTime, click.File):
        types.append(kind(["a"]) if kind is click.Choice else kind())
    return {kind.name.upper() for kind in types}


def test_every_click_type_has_a_danish_metavar():
    missing = sorted(_click_type_names() - set(CLICK_METAVAR_DA))
    assert not missing, f"click types without Danish in CLICK_METAVAR_DA: {missing}"


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_danish_help_shows_no_english_metavar(path, command):
    output = _without_examples(_help(path), "Eksempel:")
    english = sorted((_metavar_words(output) & set(ENGLISH_METAVARS)) - SAME_IN_BOTH)
    assert not english, f"English metavars {english} in:\n{output}"


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_english_help_shows_no_danish_metavar(path, command):
    output = _without_examples(_help(path, "--lang", "en"), "Example:")
    danish = sorted((_metavar_words(output) & set(DANISH_METAVARS)) - SAME_IN_BOTH)
    assert not danish, f"Danish metavars {danish} in:\n{output}"


def test_metavars_are_in_the_language_in_usage_options_and_errors():
    danish, english = _help(("screen",)), _help(("screen",), "--lang", "en")
    assert "screen [TILVALG] PROFIL KANDIDATER..." in danish
    assert "screen [OPTIONS] PROFILE CANDIDATES..." in english
    assert re.search(r"--out FIL +Skriv til FIL", danish)
    assert re.search(r"--out FILE +Write to FILE", english)
    assert re.search(r"--top HELTAL ", danish) and re.search(r"--top INTEGER RANGE ", english)
    assert "[TILVALG] KOMMANDO [ARG]..." in _help(("audit",))
    assert "[OPTIONS] COMMAND [ARGS]..." in _help(("audit",), "--lang", "en")
