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


def _screen_through_run(plugins_off: str | None) -> dict:
    """What `screening screen` (its entry point, `run`) loaded, and whether it worked."""
    env_line = ("" if plugins_off is None
                else f"import os; os.environ['PYDANTIC_DISABLE_PLUGINS'] = {plugins_off!r}\n")
    probe = (f"import json, sys\n{env_line}"
             f"sys.argv = ['screening', 'screen', {str(HELSINGOR)!r}, "
             f"{str(ROOT / 'examples' / 'candidates' / HELSINGOR.stem)!r}, '--no-audit', "
             f"'--format', 'json']\n"
             f"from screening.cli import run\n"
             f"try:\n    run()\nexcept SystemExit as exit:\n    code = exit.code\n"
             f"loader = sys.modules.get('pydantic.plugin._loader')\n"
             f"print(json.dumps({{'code': code, 'metadata': 'importlib.metadata' in sys.modules,"
             f" 'real_loader': bool(getattr(loader, '__file__', None))}}))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=ROOT)
    *output, last = done.stdout.splitlines()
    assert json.loads("\n".join(output))["candidates"], done.stderr
    return json.loads(last)


def test_the_command_skips_pydantics_plugin_loader_when_every_plugin_is_off():
    """Importing the loader costs importlib.metadata (4.6 % of a 50-candidate run); with
    every plugin off it finds none, so the command never imports it, and screens as ever."""
    assert _screen_through_run(None) == {"code": 0, "metadata": False, "real_loader": False}


@pytest.mark.parametrize("setting", ["some-plugin", ""])
def test_a_user_naming_plugins_gets_pydantics_own_loader(setting):
    assert _screen_through_run(setting) == {"code": 0, "metadata": True, "real_loader": True}
