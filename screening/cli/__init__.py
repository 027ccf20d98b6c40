"""The `screening` command line: one group (`app.main`) and the command families, each in
its own module, registered here so that no command module imports another.

A command's module is imported when the command is run or listed (`--help`), not before:
`screening screen` does not wait for the modules of the audit, paper and authoring commands.
"""

from __future__ import annotations

import gc
import os
import sys
import types
from collections.abc import Callable
from importlib import import_module

import click

from .app import main

__all__ = ["main", "run"]


def _command(module: str, name: str) -> Callable[[], click.Command]:
    """What loads the command `name` of the command module `module`."""
    def load() -> click.Command:
        command: click.Command = getattr(import_module(f".{module}", __name__), name)
        return command
    return load


def _import_group() -> click.Command:
    """`screening import`: its commands come from two command modules."""
    from . import papers, tools

    tools.import_group.add_command(papers.import_scores)
    return tools.import_group


COMMANDS: dict[str, Callable[[], click.Command]] = {
    "screen": _command("screen", "screen"),
    "shortlist": _command("screen", "shortlist"),
    "explain": _command("screen", "explain"),
    "profiles": _command("profiles", "profiles"),
    "profile": _command("profiles", "profile"),
    "lint": _command("tools", "lint"),
    "schema": _command("tools", "schema"),
    "import": _import_group,
    "new": _command("authoring", "new"),
    "trace": _command("authoring", "trace"),
    "fields": _command("authoring", "fields"),
    "test": _command("bdd", "test_command"),
    "steps": _command("bdd", "steps"),
    "report": _command("papers", "report"),
    "guide": _command("papers", "guide"),
    "sheet": _command("papers", "sheet"),
    "audit": _command("audit", "audit"),
    "decide": _command("audit", "decide"),
    "fairness": _command("fairness", "fairness"),
}
for name, load in COMMANDS.items():
    main.add_lazy_command(name, load)


def run() -> None:
    """The `screening` command. pydantic searches every installed package's metadata for
    plugins when it builds the first model (25-50 ms of each run, measured); the tool uses
    none, so its command line skips the search unless the environment says otherwise.

    The collector: the objects a run makes while it starts (modules, classes, validators)
    live until it ends, yet the default thresholds rescan them hundreds of times, and the
    interpreter's collections on exit scan them all again to free memory the operating
    system takes back anyway. So a run collects every 100,000 new objects, as the screening
    itself does (screen.fewer_collections), and leaves what it holds at exit to the
    system: 1,139 -> 1,063 M instructions for `screen` on 50 candidates (measured). Files
    and the audit store are closed by the code that opens them, never by a collection."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _without_plugin_loader()
    gc.set_threshold(100_000, *gc.get_threshold()[1:])
    try:
        main()
    finally:
        gc.freeze()


# the values of PYDANTIC_DISABLE_PLUGINS for which pydantic's loader returns no plugin
_ALL_PLUGINS_OFF = ("__all__", "1", "true")


def _without_plugin_loader() -> None:
    """With every plugin disabled, pydantic's loader returns none, yet importing it imports
    importlib.metadata and with it zipfile, email, socket and calendar: 50 M of the
    1,097 M instructions of `screen` on 50 candidates (callgrind). Its one function, as it
    behaves then, stands in for it. A user naming only some plugins gets the real loader."""
    name = "pydantic.plugin._loader"
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in _ALL_PLUGINS_OFF and \
            name not in sys.modules:
        loader = types.ModuleType(name, "pydantic's plugin loader with every plugin disabled")
        loader.get_plugins = tuple  # type: ignore[attr-defined]  # no plugin, as pydantic's
        sys.modules[name] = loader

