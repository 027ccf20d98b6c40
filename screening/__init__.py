"""Screening candidates for Danish public-sector leadership posts against a profile's rule
file, every score explained. The public API, at the top:

    from screening import AuditSink, Screener, load_profile, load_records

    path = "rules/helsingor-direktor-2024.yaml"  # the rule file: the audit trail keeps it
    with Screener(load_profile(path), path) as screener:
        run = screener.screen_paths(["examples/candidates/helsingor-direktor-2024"],
                                    stage="reference", audit=AuditSink("audit.db", "Mette"))
    run.screening.results[0].recommendation, run.summary.screened, run.run_id

Each name is imported when first used (PEP 562), so that the command line, which imports
this package, starts no slower for it. The one-call `screen(profile, records)` stays in
`screening.screen`: that name here is the module, which `import screening.screen` binds.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # what editors and mypy see; at run time `__getattr__` imports it
    from .candidates import LoadedRecord, load_records
    from .errors import (
        EngineError,
        InputError,
        Problem,
        RecordError,
        RuleFileError,
        ScreeningError,
        UnknownCandidate,
        UnknownCriterion,
    )
    from .profiles import Profile
    from .records import CandidateRecord
    from .results import CandidateResult, CriterionOutcome, Evidence, Screening
    from .rulefiles import load_profile
    from .screen import AuditSink, PathRun, RankedRun, RunSummary, Screener

# each public name and the module it comes from
_EXPORTS = {
    "Screener": "screen", "AuditSink": "screen", "PathRun": "screen", "RankedRun": "screen",
    "RunSummary": "screen",
    "load_profile": "rulefiles", "load_records": "candidates", "LoadedRecord": "candidates",
    "Profile": "profiles", "CandidateRecord": "records",
    "Screening": "results", "CandidateResult": "results", "CriterionOutcome": "results",
    "Evidence": "results",
    "ScreeningError": "errors", "InputError": "errors", "RuleFileError": "errors",
    "RecordError": "errors", "EngineError": "errors", "Problem": "errors",
    "UnknownCandidate": "errors", "UnknownCriterion": "errors",
}

__all__ = [
    "AuditSink", "CandidateRecord", "CandidateResult", "CriterionOutcome", "EngineError",
    "Evidence", "InputError", "LoadedRecord", "PathRun", "Problem", "Profile", "RankedRun",
    "RecordError", "RuleFileError", "RunSummary", "Screener", "Screening", "ScreeningError",
    "UnknownCandidate", "UnknownCriterion", "load_profile", "load_records",
]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
