"""The package's public API, offered at the top (`from screening import Screener, ...`) and
imported only when a name is first used, so that the command line starts no slower."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from fnmatch import fnmatch
from importlib import import_module

import pytest

import screening

from .conftest import ROOT


def _in_fresh_interpreter(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", f"import json, sys\n{code}"],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.parametrize("name", screening.__all__)
def test_each_public_name_is_the_object_of_the_module_it_comes_from(name):
    """`screening` exported nothing: `from screening import Screener` was an ImportError,
    and users had to know which of fifty modules holds what."""
    exported = getattr(screening, name)
    assert exported is getattr(import_module(exported.__module__), name)
    assert name in dir(screening)


def test_the_api_of_the_readme_imports_from_the_top():
    found = _in_fresh_interpreter(
        "from screening import AuditSink, Screener, load_profile, load_records\n"
        "from screening import *\n"
        "print(json.dumps([n for n in ('RuleFileError', 'CandidateRecord', 'Screening') "
        "if n in globals()]))")
    assert found == ["RuleFileError", "CandidateRecord", "Screening"]


def test_importing_the_package_imports_none_of_its_modules():
    """The command line imports the package first: what it offers is loaded when used."""
    loaded = _in_fresh_interpreter(
        "import screening\n"
        "before = sorted(m for m in sys.modules if m.startswith('screening.'))\n"
        "screening.Screener\n"
        "print(json.dumps([before, 'screening.screen' in sys.modules]))")
    assert loaded == [[], True]


def test_the_old_paths_still_work_and_the_module_keeps_its_name():
    """`screening.screen` is the module, however the package was reached first."""
    found = _in_fresh_interpreter(
        "from screening import Screener\n"
        "import screening.screen\n"
        "from screening.screen import Screener as Old, screen\n"
        "print(json.dumps([Old is Screener, callable(screen), "
        "type(screening.screen).__name__]))")
    assert found == [True, True, "module"]


def test_a_name_the_package_does_not_offer_is_an_attribute_error():
    assert sorted(screening._EXPORTS) == sorted(screening.__all__)  # every name listed
    with pytest.raises(AttributeError, match="has no attribute 'Screner'"):
        screening.Screner  # noqa: B018
    with pytest.raises(ImportError):
        exec("from screening import Screner", {})


def test_the_example_of_the_package_runs_as_written(tmp_path, monkeypatch):
    example = "\n".join(line[4:] for line in screening.__doc__.splitlines()
                        if line.startswith("    "))
    for folder in ("rules", "examples"):
        (tmp_path / folder).symlink_to(ROOT / folder)
    monkeypatch.chdir(tmp_path)
    exec(example, {})
    assert (tmp_path / "audit.db").exists()


def _readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"### The Python API\n.*?```python\n(.*?)```", readme, re.S)
    assert example is not None
    return example.group(1)


def test_the_python_api_of_the_readme_runs_as_written(tmp_path, monkeypatch):
    example = _readme_example()
    for folder in ("rules", "examples"):
        (tmp_path / folder).symlink_to(ROOT / folder)
    monkeypatch.chdir(tmp_path)
    exec(example, {"print": lambda *_args: None})
    assert (tmp_path / "audit.db").exists()


def test_the_package_tells_type_checkers_its_names_are_typed():
    """Installed from its wheel, screening had no py.typed: mypy in a project that used it
    said "module is installed, but missing library stubs or py.typed marker" and took
    every name, Screener and load_profile included, as Any (PEP 561)."""
    assert (ROOT / "screening" / "py.typed").is_file()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = pyproject["tool"]["setuptools"]["package-data"]["screening"]
    assert any(fnmatch("py.typed", pattern) for pattern in shipped)


def _type_check(code: str, folder, monkeypatch) -> None:
    from mypy import api

    example = folder / "example.py"
    example.write_text(code, encoding="utf-8")
    monkeypatch.chdir(ROOT)  # where mypy finds the package and the project's settings
    report, errors, status = api.run([str(example)])
    assert status == 0, report + errors


def test_the_python_api_of_the_readme_type_checks(tmp_path, monkeypatch):
    """`run.screening.results`, the README's own line, was a mypy error for every user:
    screen_paths gave a PathRun, whose screening may be None (a streamed run's is)."""
    _type_check(_readme_example(), tmp_path, monkeypatch)


def test_records_load_from_the_paths_any_iterable_gives_as_screen_paths_takes_them(
        tmp_path, monkeypatch):
    """load_records took `list[str | Path]`: a list[Path] or a tuple of folders was a mypy
    error (a list is invariant), though screen_paths takes any iterable of paths."""
    _type_check("from pathlib import Path\n"
                "from screening import load_records\n"
                "load_records([Path('examples')])\n"
                "load_records(('examples',))\n", tmp_path, monkeypatch)
