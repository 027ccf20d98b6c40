"""The layers stay apart: what presents a result never loads the engine that made it."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

CLI_PACKAGE = Path(__file__).parent.parent / "screening" / "cli"
# Everything that shows, stores or judges a result rather than computing one. `screening.cli`
# imports a command's module only when the command runs, so each module is named as well.
PRESENTERS = [
    "screening.explain", "screening.report", "screening.shortlist", "screening.views",
    "screening.html_report", "screening.guide", "screening.guide_docx", "screening.sheets",
    "screening.fairness",
    "screening.profile_text", "screening.audit.export", "screening.audit.recording",
    "screening.bdd.steps", "screening.bdd.prose", "screening.cli",
    *(f"screening.cli.{p.stem}" for p in sorted(CLI_PACKAGE.glob("*.py"))
      if p.stem != "__init__"),
]
ENGINE_MODULES = ("durable_rules_engine", "screening.engine")
# the layers results.py sits below: it may not load any of them
RUN_MODULES = (*ENGINE_MODULES, "screening.compile", "screening.ruleset", "screening.facts",
               "screening.scoring", "screening.screen")


def loaded_by(module: str, watched: tuple[str, ...]) -> list[str]:
    """Which of `watched` a fresh interpreter has loaded after importing `module` alone."""
    code = (f"import json, sys, {module}\n"
            f"print(json.dumps([m for m in {list(watched)!r} if m in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


@pytest.mark.parametrize("module", PRESENTERS)
def test_a_presenter_does_not_load_the_engine(module):
    assert loaded_by(module, ENGINE_MODULES) == []


def test_the_result_types_load_nothing_of_the_run():
    assert loaded_by("screening.results", RUN_MODULES) == []


def test_compiling_knows_nothing_of_the_engine_and_planning_its_rules_loads_no_core():
    """compile.py makes plain conditions; the run layer (ruleset.py, engine.py) makes them
    durable-rules rules, and loading a profile checks them without loading the core."""
    assert loaded_by("screening.compile", ("screening.ruleset", *ENGINE_MODULES)) == []
    assert loaded_by("screening.ruleset", ENGINE_MODULES) == []
    assert "screening.ruleset" in loaded_by("screening.rulefiles", ("screening.ruleset",))


def test_screening_a_record_does_load_the_engine():
    """The check above can fail: the module that runs a screening loads what it watches."""
    assert "screening.engine" in loaded_by("screening.screen", ENGINE_MODULES)


SHARED_CLI_MODULES = {"app", "common", "help", "help_text"}  # what every command module builds on


def _relative_imports(path: Path) -> set[str]:
    """The sibling modules a module of the cli package imports (`from .x import ...`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.module.split(".")[0] for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module}


@pytest.mark.parametrize("path", sorted(p for p in CLI_PACKAGE.glob("*.py")
                                        if p.name != "__init__.py"), ids=lambda p: p.name)
def test_command_modules_do_not_import_each_other(path):
    assert _relative_imports(path) <= SHARED_CLI_MODULES


@pytest.mark.parametrize("path", sorted(CLI_PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_commands_raise_and_only_the_group_exits(path):
    """Exit codes are decided in app.ScreeningGroup: a command raises, it never exits."""
    text = path.read_text(encoding="utf-8")
    exits = [n for n in ast.walk(ast.parse(text)) if isinstance(n, ast.Call)
             and ast.unparse(n.func) in {"sys.exit", "SystemExit", "exit", "ctx.exit"}]
    assert path.name == "app.py" or exits == []
