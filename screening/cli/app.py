"""The `screening` command group: global options, and the one place where errors become
exit codes.

Exit codes: 0 done; 1 findings (lint problems, failing scenarios, a broken audit chain);
2 bad input (rule file, candidate records, options, a bad audit store), with a message
naming the file, line and field, never a traceback; 3 an internal error (a bug, not your
input); 130 interrupted (Ctrl-C). Commands raise; they never exit.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from ..i18n import LANGUAGES, set_language, t
from .help import HelpGroup, click_in_language, option

if TYPE_CHECKING:
    from ..messages import Message

INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C


class ScreeningGroup(HelpGroup):
    """A click group that turns the tool's errors into a message and the documented exit
    code, for every command and subgroup below it, and speaks the chosen language in its
    help and click's usage errors. Its commands may be registered by what loads them
    (`add_lazy_command`): a command's module is then imported only when the command is run
    or listed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lazy: dict[str, Callable[[], click.Command]] = {}

    def add_lazy_command(self, name: str, load: Callable[[], click.Command]) -> None:
        self._lazy[name] = load

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self._lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self._lazy:
            self.add_command(self._lazy[cmd_name](), cmd_name)
        return super().get_command(ctx, cmd_name)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.parent is None:  # the top group: its --lang may come after the command too
            args = _language_first(args)
            parsed = super().parse_args(ctx, args)
            _refuse_unencoded(args)  # after --lang, so that it is said in the chosen language
            return parsed
        return super().parse_args(ctx, args)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # the language of SCREENING_LANG until --lang is read: a usage error found before
        # then is in the language of this run, not the previous one of the process
        set_language(None)
        with click_in_language():
            return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        from ..display import terminal
        from ..errors import ScreeningError

        try:
            return super().invoke(ctx)
        except ScreeningError as exc:
            for line in terminal(str(exc)).splitlines():
                click.echo(f"{t('fejl')}: {line}", err=True)
            ctx.exit(exc.exit_code)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # click reports these itself (usage errors exit 2)
        except KeyboardInterrupt:  # Ctrl-C: the shell's 128 + SIGINT, not 1 (findings)
            click.echo(f"\n{t('Afbrudt.')}", err=True)
            ctx.exit(INTERRUPTED)
        except BrokenPipeError:  # the reader went away (`| head`): stop quietly, like git
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # so the exit flush does not fail again
            ctx.exit(0)
        except Exception as exc:
            fault = _audit_store_fault(exc)
            if fault is not None:  # the audit store's file or disk: a bad store, exit 2
                click.echo(f"{t('fejl')}: {fault}", err=True)
                ctx.exit(2)
            # a bug: say so briefly; SCREENING_DEBUG=1 shows the trace
            if os.environ.get("SCREENING_DEBUG"):
                raise
            click.echo(f"{t('intern fejl')}: {type(exc).__name__}: {exc} (SCREENING_DEBUG=1)",
                       err=True)
            ctx.exit(3)


def _refuse_unencoded(args: list[str]) -> None:
    """An argument or a SCREENING_ variable that is no UTF-8 (typed in a terminal set to
    Latin-1, saved in a shell profile so, or a file named so by a zip made on Windows) is a
    usage error, named as `ls -b` shows it: Python holds its bytes as lone surrogates, which
    no audit trail, cache key or paper can be written with."""
    from ..display import file_name

    for arg in args:
        if file_name(arg) != arg:
            raise click.UsageError(t("argumentet '{argument}' er ikke UTF-8-tekst: skriv det i "
                                     "UTF-8, eller omdøb filen", argument=file_name(arg)))
    for name, value in os.environ.items():
        if name.startswith("SCREENING_") and file_name(value) != value:
            raise click.UsageError(t("miljøvariablen {name}='{value}' er ikke UTF-8-tekst: "
                                     "skriv den i UTF-8", name=name, value=file_name(value)))


def _language_first(args: list[str]) -> list[str]:
    """`args` with each `--lang X` (or `--lang=X`) moved to the front, where the group reads
    it: `screening profiles --lang en` is `screening --lang en profiles`, as users type it
    (the language is the whole run's, help and usage errors included). Not past a `--`."""
    moved: list[str] = []
    rest: list[str] = []
    n = 0
    while n < len(args):
        if args[n] == "--":
            return moved + rest + args[n:]
        if args[n] == "--lang" and n + 1 < len(args):
            moved += args[n:n + 2]
            n += 2
            continue
        (moved if args[n].startswith("--lang=") else rest).append(args[n])
        n += 1
    return moved + rest


def _audit_store_fault(exc: Exception) -> Message | None:
    """What is wrong with the audit store, when `exc` is sqlite3's. A run that never loaded
    sqlite3 (`--no-audit`, most commands) opened no store: it is not imported just to ask."""
    if "sqlite3" not in sys.modules:
        return None
    import sqlite3

    from ..audit.store import store_fault

    return store_fault(exc) if isinstance(exc, sqlite3.Error) else None


def _versions() -> str:
    from importlib import metadata

    return (f"screening {metadata.version('screening')}, "
            f"durable-rules {metadata.version('durable_rules')}")


def _print_versions(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(_versions())
        ctx.exit()


def _choose_language(ctx: click.Context, param: click.Parameter,
                     value: str | None) -> str | None:
    chosen = os.environ.get("SCREENING_LANG") if value is None else value
    if chosen and chosen.lower() not in LANGUAGES:  # a mistyped setting is not Danish
        raise click.BadParameter(t("SCREENING_LANG er '{value}'; sprogene er {languages}",
                                   value=chosen, languages=", ".join(LANGUAGES)), ctx, param)
    set_language(value)
    return value


@click.group(cls=ScreeningGroup, context_settings={"help_option_names": ["-h", "--help"]})
@option("--version", is_flag=True, expose_value=False, is_eager=True,
        callback=_print_versions, help="Vis versionen af screening og durable-rules.")
@option("--lang", type=click.Choice(LANGUAGES, case_sensitive=False), expose_value=False,
        is_eager=True, callback=_choose_language,
        help="Sprog for etiketter, statusser og meddelelser (standard: da, eller "
             "SCREENING_LANG). Profilernes tekst vises som skrevet.")
def main() -> None:
    """Screen kandidater til offentlige lederstillinger mod en kompetenceprofil.

    Værktøjet anbefaler; mennesker beslutter. Hver score forklares med profilens egne
    ord og den evidens, der afgjorde den.
    """
