"""Run feature files through pytest and report per scenario (`screening test`), each file
in a child process of its own."""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pytest

from ..display import file_name
from ..errors import InputError
from ..i18n import language, set_language, t


@dataclass
class ScenarioResult:
    feature: str
    scenario: str
    passed: bool
    failing_step: str = ""
    message: str = ""  # expected vs actual, as the step said it
    bad_input: bool = False  # a step refused its input (a profile reading a protected attribute)
    skipped: bool = False  # a tag such as @skip or @xfail kept it from counting, as in pytest
    line: int = 0  # of the failing step in the feature file, when a step failed


@dataclass(eq=False)  # pytest keeps plugins in sets: hashed by identity
class _Collector:
    """A pytest plugin recording what each scenario did."""

    results: list[ScenarioResult] = field(default_factory=list)
    _names: dict[str, tuple[str, str]] = field(default_factory=dict)
    _failed: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    _bad_input: set[str] = field(default_factory=set)

    def pytest_itemcollected(self, item):
        # named when collected: a scenario a tag skips (@skip) is never set up to be named
        scenario = getattr(getattr(item, "obj", None), "__scenario__", None)
        if scenario is not None:
            self._names[item.nodeid] = (Path(scenario.feature.filename).name,
                                        _row_name(item, scenario.name))

    def pytest_bdd_step_error(self, request, feature, scenario, step, step_func,
                              step_func_args, exception):
        self._failed[request.node.nodeid] = (f"{step.keyword} {step.name}", str(exception),
                                             step.line_number)
        if isinstance(exception, InputError):
            self._bad_input.add(request.node.nodeid)

    def pytest_bdd_step_func_lookup_error(self, request, feature, scenario, step, exception):
        self._failed[request.node.nodeid] = (f"{step.keyword} {step.name}",
                                             t("intet trin passer på denne linje"),
                                             step.line_number)

    def pytest_runtest_logreport(self, report):
        # a scenario skipped by a tag has no call: without its setup it would vanish
        if report.when != "call" and not (report.failed or report.skipped):
            return
        feature, scenario = self._names.get(report.nodeid, (report.nodeid, ""))
        step, message, line = self._failed.get(report.nodeid, ("", "", 0))
        if report.failed and not message:
            message = str(report.longrepr).splitlines()[-1]
        self.results.append(ScenarioResult(feature, scenario, report.passed, step, message,
                                           report.nodeid in self._bad_input, report.skipped,
                                           line))

    @pytest.hookimpl(wrapper=True)
    def pytest_make_collect_report(self, collector):
        report = yield
        if report.failed:  # named by its path: a file outside the project has no node id
            # the located reasons (B101-B103) are shown before the run, as --check finds them
            self.results.append(_unloaded(collector.path.name))
        return report


def _unloaded(name: str) -> ScenarioResult:
    return ScenarioResult(name, t("(kan ikke indlæses)"), False, "",
                          t("kan ikke læses; se problemerne ovenfor"))


FEATURE_SECONDS = 900  # one feature file; the shipped ones take seconds


def _row_name(item, name: str) -> str:
    """An outline row is named by its example values, unless its name already shows them."""
    callspec = getattr(item, "callspec", None)
    example = callspec.params.get("_pytest_bdd_example") if callspec else None
    if not example or all(str(value) in name for value in example.values()):
        return name
    return f"{name} (" + ", ".join(f"{k}={v}" for k, v in example.items()) + ")"


def run_features(paths: list[str], rules_dir: str | None = None) -> list[ScenarioResult]:
    """Run each feature file in a child process, so that one that crashes the engine (or
    hangs) fails alone: its scenarios are reported as failed and the others still run."""
    results: list[ScenarioResult] = []
    for path in paths:
        if file_name(path) != path:  # its name is no text the child could report it by
            results.append(_unloaded(Path(file_name(path)).name))
            continue
        try:
            child = subprocess.run(
                [sys.executable, "-m", "screening.bdd.runner", path, rules_dir or ""],
                capture_output=True, text=True, timeout=FEATURE_SECONDS,
                env=dict(os.environ, SCREENING_LANG=language()))  # failures in the run's words
        except subprocess.TimeoutExpired:
            results.append(_lost(path, t("stoppet efter {seconds} s", seconds=FEATURE_SECONDS)))
            continue
        if child.returncode != 0:
            results.append(_lost(path, _ending(child.returncode, child.stderr)))
            continue
        results.extend(ScenarioResult(**r) for r in json.loads(child.stdout))
    return results


def _lost(path: str, why: str) -> ScenarioResult:
    return ScenarioResult(Path(path).name, t("(kørslen af filen gik ned)"), False, "", why)


def _ending(code: int, stderr: str) -> str:
    if code < 0:
        return t("processen blev stoppet af signal {number} ({name})", number=-code,
                 name=signal.Signals(-code).name)
    last = stderr.strip().splitlines()[-1:] or [""]
    return t("processen sluttede med kode {code}: {last}", code=code, last=last[0][:200])


def run_in_process(paths: list[str], rules_dir: str | None = None) -> list[ScenarioResult]:
    """Run the features quietly; every scenario's result, failures with their step."""
    collector = _Collector()
    # the project is where the command runs: examples and candidate files are read from it
    # (and rules/ too), also for a feature file kept elsewhere
    args = [*paths, "-p", "no:terminal", "-p", "no:cacheprovider", "-o", "addopts=",
            "-o", "testpaths=", "--rootdir", str(Path.cwd())]
    output = io.StringIO()
    with _rules_dir(rules_dir), contextlib.redirect_stdout(output), \
            contextlib.redirect_stderr(output):
        code = pytest.main(args, plugins=[collector])
    if code in (pytest.ExitCode.INTERNAL_ERROR, pytest.ExitCode.USAGE_ERROR):
        raise RuntimeError(f"pytest could not run the features:\n{output.getvalue()[-2000:]}")
    return collector.results


@contextlib.contextmanager
def _rules_dir(rules_dir: str | None):
    before = os.environ.get("SCREENING_RULES")
    if rules_dir:
        os.environ["SCREENING_RULES"] = str(Path(rules_dir).resolve())
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SCREENING_RULES", None)
        else:
            os.environ["SCREENING_RULES"] = before


if __name__ == "__main__":  # the child of run_features: one feature file, results as JSON
    set_language(None)  # SCREENING_LANG, as the parent run set it
    found = run_in_process([sys.argv[1]], sys.argv[2] or None)
    print(json.dumps([asdict(r) for r in found], ensure_ascii=False))
