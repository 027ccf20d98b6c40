"""The engine module, the one place that knows durable-rules: it leaves the compiled profile
as it found it, and sizes its firings to its own batches."""

from __future__ import annotations

import copy
from datetime import date

from screening.compile import compile_profile
from screening.engine import Engine
from screening.records import CandidateRecord
from screening.ruleset import layout_of


def test_building_engines_leaves_the_compiled_profile_unchanged(helsingor):
    compiled = compile_profile(helsingor)
    before = copy.deepcopy(compiled)
    Engine(compiled, batch_size=10)
    Engine(compiled, batch_size=500)
    assert compiled == before
    assert all("cap" not in rule for rule in layout_of(compiled).rules.values())


def test_engines_of_different_batch_sizes_agree(helsingor):
    compiled = compile_profile(helsingor)
    records = [CandidateRecord.model_validate(
        {"id": f"k{n}", "experience": [{"kind": "mediehåndtering", "role": "rådgiver",
                                        "years": n}]}) for n in range(7)]
    small, large = (list(Engine(compiled, batch_size=size).evaluate(records, "samtale2",
                                                                   date(2024, 1, 15)))
                    for size in (2, 500))
    assert [e.firings for e in small] == [e.firings for e in large]
