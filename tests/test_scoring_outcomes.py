"""The explanation `scoring.outcomes_of` makes from its per-profile tables is the plain
definition's, evidence for evidence and what is missing for what is missing, on every
shipped profile.

`plain_outcomes` below is that definition written straight from the compiled profile and
the evaluated candidate, looking everything up per criterion and per key as it goes (as
scoring did before its tables); nothing is shared with scoring but the types."""

from __future__ import annotations

import pytest

from benchmarks.generate import candidates
from screening.catalogue import COLLECTIONS
from screening.compile import CompiledProfile, compile_profile
from screening.engine import Engine, Evaluated
from screening.i18n import set_language
from screening.records import SOURCES, CandidateRecord
from screening.results import (
    CriterionOutcome,
    D,
    Evidence,
    ItemLacks,
    ItemsLacking,
    Missing,
    NotAssessed,
    NotGiven,
    P,
)
from screening.rulefiles import load_profile
from screening.scoring import POINTS_FACTOR, outcomes_of

from .conftest import ROOT, example_records

PROFILES = sorted((ROOT / "rules").glob("*.yaml"))

TITLES = {"positions": ("title", "organisation"), "education": ("degree", "institution"),
          "experience": ("kind", "description")}


def plain_outcomes(compiled: CompiledProfile, evaluated: Evaluated
                   ) -> tuple[CriterionOutcome, ...]:
    return tuple(plain_outcome(compiled, evaluated, cc.criterion.id, cc.keys)
                 for cc in compiled.criteria)


def plain_outcome(compiled: CompiledProfile, evaluated: Evaluated, criterion_id: str,
                  keys: tuple[str, ...]) -> CriterionOutcome:
    criterion = compiled.profile.criterion(criterion_id)
    status = evaluated.firings.criteria[criterion_id]
    # an ønske "at least delvist" is shown delvist, with the other half of its weight open
    open_points = criterion.weight * POINTS_FACTOR[D] if status == P else 0.0
    status = D if status == P else status
    evidence: list[Evidence] = []
    missing: list[Missing] = []
    for key in keys:
        if key not in evaluated.view:
            missing.append(plain_missing(compiled, evaluated, key))
        elif key in compiled.derived:
            evidence.extend(plain_derived_evidence(compiled, evaluated, key))
        else:
            record = evaluated.facts.record
            evidence.extend(Evidence(f"assessments[{n}].score", record.assessments[n].score,
                                     record.assessments[n].source,
                                     record.assessments[n].assessor,
                                     competency=record.assessments[n].competency)
                            for n in evaluated.facts.assessments[key].assessments)
    disagreement = any(k in evaluated.firings.gaps for k in keys if k in compiled.assessments)
    points = None if status == "ikke_belyst" else criterion.weight * POINTS_FACTOR[status]
    best = evaluated.reachable.get(criterion_id)
    if best is not None and points is not None:
        # sources still to come may lift it as far as its best view's status allows
        reach = criterion.weight * {"opfyldt": 1.0, "delvist": 0.5, "ikke_opfyldt": 0.0,
                                    "ikke_belyst": 1.0, P: 1.0}[best]
        if reach - points > open_points:
            open_points = reach - points
            for key in keys:
                if key in evaluated.facts.reachable:
                    plan = compiled.assessments[key]
                    missing.append(NotAssessed(plan.competency,
                                               compiled.profile.competencies[plan.competency],
                                               evaluated.facts.reachable[key][1]))
    # two keys can point at the same record fields: each piece is told once, first place
    return CriterionOutcome(criterion, status, points, criterion.weight,
                            tuple(dict.fromkeys(evidence)), tuple(dict.fromkeys(missing)),
                            disagreement, open_points)


def title(collection: str, item) -> str:
    return ", ".join(str(getattr(item, a)) for a in TITLES[collection] if getattr(item, a))


def plain_derived_evidence(compiled: CompiledProfile, evaluated: Evaluated,
                           key: str) -> list[Evidence]:
    plan = compiled.derived[key]
    path = f"derived.{plan.name}" if plan.name in compiled.profile.derived else plan.name
    evidence = [Evidence(path, evaluated.view[key], "cv", None, plan.some)]
    statuses = evaluated.firings.item_status.get(plan.predicate, {})
    items = getattr(evaluated.facts.record, COLLECTIONS[plan.collection].record_attr)
    fields = dict.fromkeys([*compiled.predicates[plan.predicate].fields,
                            *([plan.field] if plan.field else [])])
    for i in sorted(i for i, status in statuses.items() if status == "opfyldt"):
        for name in fields:
            value = COLLECTIONS[plan.collection].fields[name].read(items[i], evaluated.as_of)
            evidence.append(Evidence(f"{plan.collection}[{i}].{name}",
                                     tuple(value) if isinstance(value, list) else value, "cv",
                                     title(plan.collection, items[i])))
    return evidence


def plain_missing(compiled: CompiledProfile, evaluated: Evaluated, key: str) -> Missing:
    if key in compiled.assessments:
        plan = compiled.assessments[key]
        return NotAssessed(plan.competency, compiled.profile.competencies[plan.competency],
                           plan.sources)
    plan = compiled.derived[key]
    collection = COLLECTIONS[plan.collection]
    items = getattr(evaluated.facts.record, collection.record_attr)
    if items is None:
        return NotGiven(plan.collection)
    read = compiled.predicates[plan.predicate].fields
    statuses = evaluated.firings.item_status.get(plan.predicate, {})
    gaps = []
    for i, item in enumerate(items):
        if statuses.get(i) == "ikke_belyst":
            fact = evaluated.facts.item_facts[plan.collection][i]
            absent = dict.fromkeys(f for (f, _), k in compiled.item_keys[plan.collection].items()
                                   if f in read and k not in fact)
            gaps.append(ItemLacks(f"{plan.collection}[{i}]", title(plan.collection, item),
                                  tuple(absent)))
    return ItemsLacking(plan.collection, tuple(gaps)) if gaps else NotGiven(plan.name)


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("rules", PROFILES, ids=[p.stem for p in PROFILES])
def test_outcomes_are_the_plain_definitions_on_every_shipped_profile(rules, lang):
    set_language(lang)  # before compiling: an inline `some` is named in the run's language
    folder = ROOT / "examples" / "candidates" / rules.stem
    profile, examples = example_records(folder) if folder.is_dir() else (load_profile(rules), [])
    generated = [CandidateRecord.model_validate(r) for r in candidates(profile, 150)]
    compiled = compile_profile(profile)
    engine = Engine(compiled)
    try:
        for stage in SOURCES:
            for evaluated in engine.evaluate([*examples, *generated], stage, profile.meta.date):
                assert outcomes_of(compiled, evaluated) == plain_outcomes(compiled, evaluated)
    finally:
        engine.close()
