"""pytest plugin (entry point `pytest11`): `.feature` files are collected on their own.

Each feature file becomes a module of pytest-bdd scenarios, so `pytest features/` runs them
without a Python test file, and a broken file is one collection error, not the end of the
run (collection errors do not stop a run that has feature files). The Danish steps are
registered the first time a feature file is collected, so a pytest run without features
pays nothing for them.
"""

from __future__ import annotations

import types
from pathlib import Path

import pytest

STEPS_PLUGIN = "screening-steps"


def pytest_collect_file(file_path: Path, parent: pytest.Collector):
    if file_path.suffix != ".feature":
        return None
    manager = parent.config.pluginmanager
    if not manager.has_plugin(STEPS_PLUGIN):
        from . import steps

        manager.register(steps, STEPS_PLUGIN)
        # a feature file that does not parse is one error; the other files still run
        parent.config.option.continue_on_collection_errors = True
    return FeatureFile.from_parent(parent, path=file_path)


class FeatureFile(pytest.Module):
    """A feature file as a module holding one test per scenario."""

    def _getobj(self):
        from pytest_bdd import scenarios
        from pytest_bdd.feature import get_feature

        from .check import file_problems, names_used_twice

        # said as `screening test --check` says them, not as pytest-bdd's exceptions; and
        # pytest-bdd keeps one scenario of each name and drops the other without a word
        unread, gherkin = file_problems(self.path)
        unread = unread or names_used_twice(self.path, gherkin or {})
        if unread:
            raise self.CollectError("\n".join(map(str, unread)))
        module = types.ModuleType(f"feature_{self.path.stem}")
        module.__file__ = str(self.path)
        # read once with utf-8-sig into pytest-bdd's cache: a byte order mark (some editors
        # write one) would hide '# language: da' and with it every Danish keyword
        feature = get_feature(str(self.path.parent), self.path.name, encoding="utf-8-sig")
        for tag in sorted(tags_of(feature)):  # labels consultants choose, not typos
            self.config.addinivalue_line("markers", f"{tag}: a tag of {self.path.name}")
        # pytest-bdd puts the scenario tests into the calling module's namespace
        code = compile("scenarios(path, features_base_dir=base, encoding='utf-8-sig')",
                       str(self.path), "exec")
        exec(code, {"__builtins__": __builtins__, "scenarios": scenarios,
                    "path": str(self.path), "base": str(self.path.parent)}, module.__dict__)
        return module


def tags_of(feature) -> set[str]:
    """Every tag a feature file gives: pytest-bdd makes each a pytest mark, which pytest
    warns of as a typo unless registered."""
    tags = set(feature.tags)
    for scenario in feature.scenarios.values():
        tags |= scenario.tags | (scenario.rule.tags if scenario.rule else set())
        for examples in scenario.examples:
            tags |= examples.tags or set()
    return tags
