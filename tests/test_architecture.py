"""The layers stay apart: what presents a result never loads the engine that made it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# Everything that shows, stores or judges a result rather than computing one. The command
# line is imported through `screening.cli`, which registers every `cli_*` module, as the
# `screening` entry point does.
PRESENTERS = [
    "screening.explain", "screening.report", "screening.shortlist", "screening.views",
    "screening.html_report", "screening.guide", "screening.sheets", "screening.fairness",
    "screening.profile_text", "screening.audit.export", "screening.audit.recording",
    "screening.bdd.steps", "screening.bdd.prose", "screening.cli",
]
ENGINE_MODULES = ("durable_rules_engine", "screening.engine")
# the layers results.py sits below: it may not load any of them
RUN_MODULES = (*ENGINE_MODULES, "screening.compile", "screening.facts", "screening.scoring",
               "screening.screen")


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


def test_screening_a_record_does_load_the_engine():
    """The check above can fail: the module that runs a screening loads what it watches."""
    assert "screening.engine" in loaded_by("screening.screen", ENGINE_MODULES)
