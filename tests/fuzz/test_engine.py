"""The compiler fuzzed against durable-rules' C core: random rule files with deep, redundant
condition trees (double negation, nested all/any of one child, repeated branches), screened
in a child process so that a crash of the core fails the case instead of the test run. The
engine must also agree with the reference evaluator."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screening.records import SOURCES

from ..strategies import COMPETENCIES, field_test, record_data, rule_files
from . import limits


def tangled(collection: str):
    """Item conditions in the shapes that once crashed the core: every combinator may wrap
    a single child, negations come in pairs, branches repeat."""
    return st.recursive(field_test(collection), lambda children: st.one_of(
        st.lists(children, min_size=1, max_size=3).map(lambda c: {"all": c}),
        st.lists(children, min_size=1, max_size=3).map(lambda c: {"any": c}),
        children.map(lambda c: {"not": c}),
        children.map(lambda c: {"not": {"not": c}}),
        children.map(lambda c: {"any": [c, c]})), max_leaves=8)


@st.composite
def cases(draw) -> dict:
    data = draw(rule_files())
    for spec in data["derived"].values():
        spec["where"] = draw(tangled(spec["of"]))
    records = [draw(record_data(sorted(COMPETENCIES), f"k{n}")) for n in range(3)]
    return {"rule_file": data, "records": records, "stage": draw(st.sampled_from(SOURCES))}


@pytest.fixture(scope="module")
def child(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("engine")
    holder = {"process": limits.start(["-m", "tests.fuzz.engine_child"], tmp)}

    def ask(case: dict) -> str:
        process = holder["process"]
        process.stdin.write(json.dumps(case, default=str, ensure_ascii=False) + "\n")
        process.stdin.flush()
        line = process.stdout.readline()
        if line:
            return line.rstrip("\n")
        code = process.wait()
        stderr = process.stderr.read()[-2000:]
        holder["process"] = limits.start(["-m", "tests.fuzz.engine_child"], tmp)
        return f"died with exit code {code}: {stderr}"

    yield ask
    holder["process"].stdin.close()
    holder["process"].wait(timeout=60)


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(cases())
def test_random_condition_trees_never_crash_the_core_and_agree_with_the_reference(
        child, case):
    answer = child(case)
    assert answer == "ok" or answer.startswith("refused "), answer
