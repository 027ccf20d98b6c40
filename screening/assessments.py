"""Assessments that count for nothing: of a competency the profile does not declare (a typo
or a stray rating), or from a source no criterion takes the competency from.

Without a word, the criterion such an assessment was meant for silently stays ikke belyst.
Each one is a warning located at file:line:col: an unknown competency (W101) with the
nearest declared one, and `--strict` makes it an error; a source not taken (W103) with the
sources the profile reads the competency from.
"""

from __future__ import annotations

from . import conditions as cond
from .errors import Problem
from .messages import message
from .profiles import Profile
from .record_places import Finding, alike_before, located
from .records import SOURCES, CandidateRecord
from .vocabulary import did_you_mean

CODE = "W101"
SOURCE_NOT_TAKEN = "W103"


def unknown_assessments(profile: Profile, record: CandidateRecord, source: str) -> list[Problem]:
    """One problem per assessment whose competency the profile does not declare; `source`
    is where the record came from (a file, or `file.jsonl:LINE`)."""
    assessments = record.assessments or []
    return located(source, [
        Finding(f"assessments[{i}].competency", "competency", a.competency,
                alike_before(assessments, i, "competency"),
                message("unknown_assessed_competency", name=a.competency,
                        profile=profile.meta.id) + did_you_mean(a.competency,
                                                                profile.competencies), CODE)
        for i, a in enumerate(assessments) if a.competency not in profile.competencies])


def assessments_not_taken(profile: Profile, record: CandidateRecord,
                          source: str) -> list[Problem]:
    """One problem per assessment of a declared competency from a source that no criterion
    takes it from (its `sources:`, or an `assessed`'s `by:`): at no stage does it count.
    `source` is where the record came from (a file, or `file.jsonl:LINE`)."""
    taken = _sources_taken(profile)
    assessments = record.assessments or []
    return located(source, [
        Finding(f"assessments[{i}].source", "competency", a.competency,
                alike_before(assessments, i, "competency"),
                message("assessment_source_not_taken", name=a.competency, source=a.source,
                        sources=", ".join(s for s in SOURCES
                                          if s in taken.get(a.competency, ())) or "–"),
                SOURCE_NOT_TAKEN)
        for i, a in enumerate(assessments) if a.competency in profile.competencies
        and a.source not in taken.get(a.competency, ())])


# by the sha256 of a loaded profile: found once, not for every record of a talent pool
_taken: dict[str, dict[str, frozenset[str]]] = {}


def _sources_taken(profile: Profile) -> dict[str, frozenset[str]]:
    """Per competency some criterion assesses, the sources it is taken from."""
    taken = _taken.get(profile.sha256) if profile.sha256 else None
    if taken is None:
        found: dict[str, set[str]] = {}
        for c in profile.criteria:
            for tree in (c.when, *([c.partial] if c.partial else [])):
                for node in cond.walk(tree):
                    if isinstance(node, cond.Assessed):
                        found.setdefault(node.competency, set()).update(node.by or c.sources)
        taken = {k: frozenset(v) for k, v in found.items()}
        if profile.sha256:  # a profile made in code has none: found anew each time
            _taken[profile.sha256] = taken
    return taken
