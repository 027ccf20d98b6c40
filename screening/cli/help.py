"""`--help` and click's own words in the chosen language.

The help of every command is written in Danish where the command is (docstring, option
`help=`); `HelpCommand` and `HelpGroup` show it in English through `help_text.HELP_EN` when
the run is English. Click's own words ("Usage:", "Options", its usage errors) are English
gettext messages; while the `screening` group runs (`click_in_language`) they come from
`help_text.CLICK_DA` when the run is Danish.

Metavars (`[OPTIONS]`, `TEXT`, `FILE`, an argument's `PROFILE`) are written in English, as
click names its types and as the commands name their arguments; `option`, `argument` and the
command classes show them through `help_text.METAVAR_DA` when the run is Danish: in the
usage line, the option list and the usage errors alike, since click takes them all from
`make_metavar`.
"""

from __future__ import annotations

import gettext
import inspect
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Generic, TypeVar

import click

from ..i18n import language
from .help_text import CLICK_DA, HELP_EN, METAVAR_DA

EXAMPLE_BLOCK = "\b"  # click's mark for a paragraph it prints as written
HELP_OPTION_TEXT = "Show this message and exit."  # click's wording of its --help option

_click_in_language: ContextVar[bool] = ContextVar("click_in_language", default=False)


def paragraphs(text: str) -> list[str]:
    """A help text's paragraphs, as click separates them."""
    return inspect.cleandoc(text).split("\n\n")


def help_key(paragraph: str) -> str:
    """What a paragraph is looked up by: its words on one line (click rewraps them anyway);
    for an example block, its heading line, since the command lines stay as typed."""
    if paragraph.startswith(EXAMPLE_BLOCK):
        return paragraph.split("\n")[1].strip()
    return " ".join(paragraph.split())


def _english_paragraph(paragraph: str) -> str:
    key = help_key(paragraph)
    english = HELP_EN.get(key, key)
    if paragraph.startswith(EXAMPLE_BLOCK):
        lines = paragraph.split("\n")
        return "\n".join([lines[0], lines[1].replace(key, english), *lines[2:]])
    return english


def translated(text: str) -> str:
    """A Danish help text in the chosen language."""
    if language() != "en":
        return text
    return "\n\n".join(_english_paragraph(p) for p in paragraphs(text))


# a metavar word stands alone: "FILE" in "--out FILE", not inside "RULE-FILE"
_METAVAR_WORD = re.compile(
    r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(METAVAR_DA, key=len, reverse=True)))
    + r")(?![\w-])")


def metavar_in_language(metavar: str) -> str:
    """An English metavar in the chosen language: `FILE` is `FIL` in Danish."""
    if language() == "en":
        return metavar
    return _METAVAR_WORD.sub(lambda word: METAVAR_DA[word.group()], metavar)


class Option(click.Option):
    """An option whose metavar is shown in the chosen language."""

    def make_metavar(self, ctx: click.Context) -> str:
        return metavar_in_language(super().make_metavar(ctx))


class Argument(click.Argument):
    """An argument whose metavar (its name, by default) is shown in the chosen language."""

    def make_metavar(self, ctx: click.Context) -> str:
        return metavar_in_language(super().make_metavar(ctx))


Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def option(*param_decls: str, **attrs: Any) -> Decorator:
    """`click.option`, with its metavar in the chosen language."""
    return click.option(*param_decls, cls=Option, **attrs)


def argument(*param_decls: str, **attrs: Any) -> Decorator:
    """`click.argument`, with its metavar in the chosen language."""
    return click.argument(*param_decls, cls=Argument, **attrs)


def _click_in_danish() -> bool:
    return _click_in_language.get() and language() == "da"


def click_text(message: str) -> str:
    """One of click's messages in the chosen language, while `screening` runs."""
    if _click_in_danish():
        return CLICK_DA.get(message, message)
    return gettext.gettext(message)


def _click_plural(singular: str, plural: str, count: int) -> str:
    if _click_in_danish():
        message = singular if count == 1 else plural
        return CLICK_DA.get(message, message)
    return gettext.ngettext(singular, plural, count)


CLICK_MODULES = (click.core, click.decorators, click.exceptions, click.formatting,
                 click.parser, click.types)


@contextmanager
def click_in_language() -> Iterator[None]:
    """Let click speak the chosen language until the block ends. Click fetches every word it
    shows through `gettext` by name, so its modules are given `click_text` for that name."""
    for module in CLICK_MODULES:
        names = vars(module)
        names["_"] = click_text
        if "ngettext" in names:
            names["ngettext"] = _click_plural
    token = _click_in_language.set(True)
    try:
        yield
    finally:
        _click_in_language.reset(token)


Missing = TypeVar("Missing", bound=str | None)


class _InLanguage(Generic[Missing]):
    """A command's text attribute, stored as written and read in the chosen language: its
    help (help, short_help, epilog; written in Danish, `translated`) or a usage metavar
    (`[OPTIONS]`, `COMMAND [ARGS]...`; written by click in English, `metavar_in_language`,
    and none is the empty text, which click skips)."""

    def __init__(self, shown: Callable[[str], str], missing: Missing) -> None:
        self.shown, self.missing = shown, missing

    def __set_name__(self, owner: type, name: str) -> None:
        self.stored = f"_written_{name}"

    def __get__(self, command: Any, owner: type | None = None) -> str | Missing:
        written = getattr(command, self.stored, None)
        return self.missing if written is None else self.shown(written)

    def __set__(self, command: Any, value: str | None) -> None:
        setattr(command, self.stored, value)


def _option_rows(command: click.Command, ctx: click.Context) -> list[tuple[str, str]]:
    rows = []
    help_option = command.get_help_option(ctx)
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None or isinstance(param, click.Argument):
            continue
        names, shown = record
        # click caches its --help option, worded in the language of the first run
        written = HELP_OPTION_TEXT if param is help_option else param.help or ""
        wording = click_text(written) if param is help_option else translated(written)
        # click writes the help, then its notes ("[default: …]", in the chosen language)
        rows.append((names, wording + shown[len(param.help or ""):]))
    return rows


def _write_options(command: click.Command, ctx: click.Context,
                   formatter: click.HelpFormatter) -> None:
    rows = _option_rows(command, ctx)
    if rows:
        with formatter.section(click_text("Options")):
            formatter.write_dl(rows)


class HelpCommand(click.Command):
    """A command whose help is shown in the chosen language."""

    help = _InLanguage(translated, None)
    short_help = _InLanguage(translated, None)
    epilog = _InLanguage(translated, None)
    options_metavar = _InLanguage(metavar_in_language, missing="")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _write_options(self, ctx, formatter)


class HelpGroup(click.Group):
    """A group whose help, and its commands' help, is shown in the chosen language."""

    command_class = HelpCommand
    help = _InLanguage(translated, None)
    short_help = _InLanguage(translated, None)
    epilog = _InLanguage(translated, None)
    options_metavar = _InLanguage(metavar_in_language, missing="")
    subcommand_metavar = _InLanguage(metavar_in_language, missing="")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _write_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)


HelpGroup.group_class = HelpGroup
