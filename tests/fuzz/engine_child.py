"""Child of test_engine: reads one case per line (a rule file's data, records, a stage),
screens the records and answers one line: `ok`, `refused <message>` when the loader refuses
the rule file with located problems, or `mismatch <details>` when the engine disagrees with
the reference evaluator (on the statuses, or on the points a criterion may still reach). A
crash of the engine's C core ends this process; the parent sees which case did it."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from screening.errors import InputError
from screening.records import CandidateRecord
from screening.rulefiles import load_profile
from screening.screen import screen
from tests.reference import Reference, reachable


def answer(case: dict, folder: Path) -> str:
    path = folder / "genereret.yaml"
    path.write_text(json.dumps(case["rule_file"], ensure_ascii=False), encoding="utf-8")
    try:
        profile = load_profile(path)
    except InputError as exc:
        return "refused " + " | ".join(str(p) for p in exc.problems)
    records = [CandidateRecord.model_validate(r) for r in case["records"]]
    screened = screen(profile, records, stage=case["stage"])
    for record in records:
        got = {o.criterion.id: o.status for o in screened.result(record.id).outcomes}
        expected = Reference(profile, record, case["stage"]).statuses()
        if got != expected:
            return f"mismatch {record.id}: engine {got}, reference {expected}"
        got, expected = (reachable(screened.result(record.id)),
                         Reference(profile, record, case["stage"]).reachable())
        if got != expected:
            return f"mismatch {record.id}: engine may reach {got}, reference {expected}"
    return "ok"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for line in sys.stdin:
            print(answer(json.loads(line), Path(folder)), flush=True)


if __name__ == "__main__":
    main()
