"""Results as plain data: a screened result's outcomes are made when first read, and read,
compare and pickle as the tuple they stand for."""

from __future__ import annotations

import pickle

import pytest

from screening.candidates import load_records
from screening.results import Deferred
from screening.rulefiles import load_profile
from screening.screen import screen

from .conftest import ROOT

EXAMPLES = sorted(p for p in (ROOT / "examples" / "candidates").iterdir() if p.is_dir())


def test_a_deferred_tuple_is_made_once_when_first_read():
    made = []

    def make() -> tuple[str, ...]:
        made.append(1)
        return ("a", "b")

    deferred = Deferred(make)
    assert made == []
    assert deferred == ("a", "b") and deferred != ("a",)
    assert ("a", "b") == deferred  # noqa: SIM300  (a tuple on the left compares too)
    assert list(deferred) == ["a", "b"] and len(deferred) == 2 and deferred[1] == "b"
    assert hash(deferred) == hash(("a", "b")) and repr(deferred) == repr(("a", "b"))
    assert made == [1]
    copy = pickle.loads(pickle.dumps(deferred))
    assert type(copy) is tuple and copy == ("a", "b")


@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda p: p.name)
def test_a_screened_result_pickles_with_its_full_explanation(folder):
    """Worker processes send results back pickled: outcomes and evidence arrive whole."""
    profile = load_profile(ROOT / "rules" / f"{folder.name}.yaml")
    loaded, problems = load_records([folder])
    assert problems == []
    for result in screen(profile, [r.record for r in loaded]).results:
        copy = pickle.loads(pickle.dumps(result))
        assert type(copy.outcomes) is tuple
        assert copy == result
        assert [(o.evidence, o.missing) for o in copy.outcomes] == [
            (o.evidence, o.missing) for o in result.outcomes]
