"""The command line loads a command's module when the command runs or is listed: every
command is still there, in `--help` and when run, in both languages."""

from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from screening.cli import COMMANDS, main

from .conftest import HELSINGOR, ROOT

COMMAND_MODULES = sorted(p.stem for p in (ROOT / "screening" / "cli").glob("*.py")
                         if p.stem not in {"__init__", "app", "common", "help", "help_text"})


def loaded_after(code: str) -> dict[str, list[str]]:
    """The command modules, and whether sqlite3, a fresh interpreter has loaded after `code`."""
    probe = (f"import json, sys\n{code}\n"
             f"print(json.dumps({{'commands': sorted(m.rsplit('.', 1)[1] for m in sys.modules "
             f"if m.rsplit('.', 1)[0] == 'screening.cli' and m.rsplit('.', 1)[1] in "
             f"{COMMAND_MODULES!r}), 'sqlite3': [m for m in sys.modules if m == 'sqlite3']}}))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    return json.loads(done.stdout.splitlines()[-1])


def test_importing_the_command_line_loads_no_command_module():
    assert loaded_after("import screening.cli") == {"commands": [], "sqlite3": []}


def test_screening_without_the_audit_trail_loads_only_its_own_command_module():
    # with no audit store (each test has its own, not yet made), no decision is looked up
    run = (f"from screening.cli import main\n"
           f"try:\n    main(['screen', {str(HELSINGOR)!r}, "
           f"{str(ROOT / 'examples' / 'candidates' / HELSINGOR.stem)!r}, '--no-audit'])\n"
           f"except SystemExit as exit:\n    assert exit.code == 0, exit.code")
    assert loaded_after(run) == {"commands": ["screen"], "sqlite3": []}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_help_lists_every_command_with_its_help(lang):
    result = CliRunner().invoke(main, ["--lang", lang, "--help"])
    assert result.exit_code == 0, result.output
    listed = result.output.split("\n\n")[-1]
    ctx = click.Context(main)
    for name in COMMANDS:
        command = main.get_command(ctx, name)
        assert command is not None and command.name == name
        summary = command.get_short_help_str(limit=45)
        assert summary and f"  {name}  " in listed and summary[:20] in listed, (name, listed)


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_command_runs_its_help(name, lang):
    result = CliRunner().invoke(main, ["--lang", lang, name, "--help"])
    assert result.exit_code == 0, result.output
    assert ("Brug:" if lang == "da" else "Usage:") in result.output


def test_an_unknown_command_is_a_usage_error():
    result = CliRunner().invoke(main, ["scren"])
    assert result.exit_code == 2 and "scren" in result.output
