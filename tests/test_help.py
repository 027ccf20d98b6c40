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
from screening.cli.help_text import CLICK_DA, HELP_EN


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
    (["screen"], "Mangler argument 'PROFILE'.", "Missing argument 'PROFILE'."),
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
