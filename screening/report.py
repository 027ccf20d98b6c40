"""Presenting a screening: the machine-readable document and the consultant's table.

Reports never hold personal data (name, contact): candidates appear by id only.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Any

import orjson
from tabulate import tabulate

from .audit.decisions import Decision, Decisions, decided
from .conditions import Some, as_data
from .display import one_line
from .errors import Problem
from .i18n import decimal, language, t
from .profiles import CATEGORIES, Profile
from .results import Between, CandidateResult, CriterionOutcome, Evidence, Score, Screening
from .vocabulary import CATEGORY_SHORT, STAGES, STATUSES, label, recommendation
from .wording import missing_text, some_text


def not_included(skipped: Sequence[str]) -> str | None:
    """The sentence naming the inputs that gave no record, or None when there are none.
    File names may hold anything: they are shown as one line."""
    return t("Ikke med: {inputs} kunne ikke læses som kandidatposter og er ikke screenet.",
             inputs=one_line(", ".join(skipped))) if skipped else None


def input_named(problem: Problem) -> str:
    """The input a problem is about, named as records are: a file, or a line of a JSON Lines
    file."""
    if problem.line and problem.path.lower().endswith(".jsonl"):
        return f"{problem.path}:{problem.line}"
    return problem.path


def document(screening: Screening, decisions: Decisions | None = None,
             problems: Sequence[Problem] = ()) -> dict[str, Any]:
    """The JSON document of `screening screen --format json`, with each candidate's standing
    decision (None: no person has decided) and, under `skipped`, each problem of an input it
    could not screen: a machine sees who is left out, as a reader of the report does."""
    profile = screening.profile
    decided_on = decisions or {}
    return {
        "profile": {"id": profile.meta.id, "version": profile.meta.version,
                    "sha256": profile.sha256},
        "stage": screening.stage,
        "as_of": screening.as_of.isoformat(),
        "candidates": [{**candidate(r), "decision": _as_data(decided_on.get(r.id))}
                       for r in screening.results],
        "skipped": [{"input": input_named(p), "path": p.path, "line": p.line,
                     "column": p.column, "field": p.field, "code": p.code,
                     "message": str(p.text)} for p in problems],
    }


def _as_data(decision: Decision | None) -> dict[str, Any] | None:
    return None if decision is None else decision.as_dict()


def candidate(result: CandidateResult) -> dict[str, Any]:
    return {
        "id": result.id,
        "rank": result.rank,
        "score": result.score,
        "possible": result.possible,
        "coverage": result.coverage,
        "recommendation": result.recommendation,
        "knockouts": list(result.knockouts),
        "partly_met_knockouts": list(result.partly_met_knockouts()),
        "categories": {name: {"score": s.score, "possible": s.possible, "coverage": s.coverage}
                       for name, s in result.categories.items()},
        "criteria": list(map(criterion, result.outcomes)),
    }


def criterion(outcome: CriterionOutcome) -> dict[str, Any]:
    c, evidence, missing = outcome.criterion, outcome.evidence, outcome.missing
    return {
        "id": c.id,
        "category": c.category,
        "priority": c.priority,
        "status": outcome.status,
        "points": outcome.points,
        "max_points": outcome.max_points,
        "open_points": outcome.open_points,  # of an ønske delvist so far: what it may still add
        "quote": c.quote,
        # most criteria show none: no comprehension (a function and a frame) made for them
        "evidence": [{"path": e.path,
                      "value": e.value.stored() if isinstance(e.value, Between) else e.value,
                      "source": e.source} if e.some is None else _some_evidence(e)
                     for e in evidence] if evidence else [],
        # in the chosen language, and as data (`results.Missing`): a result stored in the
        # audit trail is shown in the language of whoever reads it
        "missing": list(map(missing_text, missing)) if missing else [],
        "missing_structured": [m.stored() for m in missing] if missing else [],
        "disagreement": outcome.disagreement,
    }


def _some_evidence(e: Evidence) -> dict[str, Any]:
    """The value of an inline `some` as data: its path in words in the chosen language, and
    the `some` itself as a rule file writes it, to be worded in any language when shown
    again."""
    assert e.some is not None
    path, some = _some_parts(e.some, language())
    return {"path": path, "value": e.value, "source": e.source, "some": some}


@lru_cache(maxsize=1024)  # the same few for every candidate
def _some_parts(some: Some, language: str) -> tuple[str, dict[str, Any]]:
    """An inline `some` in words in `language`, and as data: one dict, shared by every
    document that shows it (documents are written out, never changed)."""
    return some_text(some, language, codes=True), as_data(some)


def number_text(value: float | None) -> str:
    """A figure with one decimal in the language's notation, or "–" where there is none."""
    return "–" if value is None else decimal(f"{value:.1f}")


def points_text(points: float | None, max_points: float, open_points: float = 0.0) -> str:
    """A criterion's points as every paper writes them: "1,0 af 2,0 point", and of an ønske
    delvist so far what it may still reach (", op til 2,0 muligt"), or "ingen point"."""
    if points is None:
        return t("ingen point")
    text = t("{points} af {max} point", points=number_text(points), max=number_text(max_points))
    if open_points:  # the possible score counts the rest (`scoring.OPEN_FACTOR`)
        text += t(", op til {reach} muligt", reach=number_text(points + open_points))
    return text


def score_range(score: Score) -> str:
    """The secured score and, while something is unknown, the possible one: "70,6–91,2"."""
    if score.possible == score.score:
        return number_text(score.score)
    return f"{number_text(score.score)}–{number_text(score.possible)}"


def knockout_ids(result: CandidateResult) -> str:
    """The proposed knock-outs, those on a krav met only in part marked as such."""
    partly = result.partly_met_knockouts()
    return ", ".join(f"{k} ({t('kun delvist')})" if k in partly else k
                     for k in result.knockouts)


def table(screening: Screening, tablefmt: str = "simple",
          decisions: Decisions | None = None) -> str:
    """Ranked candidates, one row each, with Danish headers; a column of what people
    decided when they decided on any of them."""
    headers, rows = _rows(screening)
    shown = [(decisions or {}).get(r.id) for r in screening.results]
    if any(shown):
        headers.append(t("Besluttet"))
        for row, decision in zip(rows, shown, strict=True):
            row.append("–" if decision is None else decided(decision))
    profile = screening.profile.meta
    title = (f"{profile.title}, {profile.organisation} ({profile.id} v{profile.version}), "
             f"{t('stadie')}: {label(STAGES, screening.stage)}")
    if tablefmt == "github":
        title = f"## {title}"
    return title + "\n\n" + tabulate(rows, headers=headers, tablefmt=tablefmt,
                                     disable_numparse=True)


def markdown(screening: Screening, decisions: Decisions | None = None) -> str:
    return table(screening, "github", decisions)


def jsonl_line(profile: Profile, stage: str, as_of: date, result: CandidateResult,
               decision: Decision | None = None) -> str:
    """One candidate per line, written as results arrive: the rank is not known yet. Each
    line says what it was screened against, as the JSON document does once: the profile by
    id, version and the sha256 of its rule files (includes too, as the audit trail keeps
    them), so that lines of several runs joined tell versions apart; the stage and the day
    open positions were counted to; and, as the document does, the decision a person made
    (None: nobody has decided).
    orjson: a talent pool is millions of lines, and it writes them 4x faster than json."""
    return orjson.dumps(_jsonl_document(profile, stage, as_of, result, decision)).decode()


def jsonl_row(profile: Profile, stage: str, as_of: date, result: CandidateResult,
              decision: Decision | None = None) -> bytes:
    """`jsonl_line` as the UTF-8 bytes a file gets, newline included: rendered in a worker,
    it goes to the file as it is, never decoded and encoded again on the way."""
    return orjson.dumps(_jsonl_document(profile, stage, as_of, result, decision),
                        option=orjson.OPT_APPEND_NEWLINE)


def _jsonl_document(profile: Profile, stage: str, as_of: date, result: CandidateResult,
                    decision: Decision | None) -> dict[str, Any]:
    return {"profile": profile.meta.id, "profile_version": profile.meta.version,
            "profile_sha256": profile.sha256, "stage": stage, "as_of": as_of.isoformat(),
            **candidate(result), "rank": None, "decision": _as_data(decision)}


DECISION_FIELDS = ["decision", "decided_by", "decided_at", "decision_reason",
                   "decision_other_stage", "decision_other_as_of", "decision_other_because"]
CSV_FIELDS = ["rank", "id", "score", "possible", "coverage", "recommendation", "knockouts",
              "faglige", "ledelsesmæssige", "personlige", "opfyldt", "delvist", "ikke_opfyldt",
              "ikke_belyst", "disagreements", "partly_met_knockouts", "faglige_possible",
              "ledelsesmæssige_possible", "personlige_possible", *DECISION_FIELDS]


def decision_fields(decision: Decision | None) -> dict[str, Any]:
    """A CSV row's DECISION_FIELDS: the decision by its code (confirm, override, advance,
    stop), empty when none, and the stage and date of its run, and what differs, when it was
    made on other evidence."""
    if decision is None:
        return {}
    return {"decision": decision.decision, "decided_by": decision.by,
            "decided_at": decision.created, "decision_reason": decision.reason,
            "decision_other_stage": decision.other_stage,
            "decision_other_as_of": decision.other_as_of,
            "decision_other_because": decision.other_because}


def csv_text(screening: Screening, decisions: Decisions | None = None) -> str:
    """One row per candidate, machine-friendly: dot decimals, ids joined by spaces; the
    standing decision by its code (confirm, override, advance, stop), empty when none,
    and the stage and date of its run when it was made on other evidence."""
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for r in screening.results:
        counts = r.status_counts()
        writer.writerow({
            "rank": r.rank, "id": r.id, "score": r.score, "possible": r.possible,
            "coverage": r.coverage,
            "recommendation": r.recommendation, "knockouts": " ".join(r.knockouts),
            **{c: r.categories[c].score if c in r.categories else None for c in CATEGORIES},
            **counts,
            "disagreements": " ".join(o.criterion.id for o in r.outcomes if o.disagreement),
            "partly_met_knockouts": " ".join(r.partly_met_knockouts()),
            **{f"{c}_possible": r.categories[c].possible if c in r.categories else None
               for c in CATEGORIES},
            **decision_fields((decisions or {}).get(r.id)),
        })
    return out.getvalue()


def _rows(screening: Screening) -> tuple[list[str], list[list]]:
    """The table reads statuses and scores only: a candidate's outcomes, with the evidence
    of every criterion, are not made for it (see results.DeferredOutcomes)."""
    # a result is scored in every category its criteria have (scoring._categories_of)
    used = [c for c in CATEGORIES if any(c in r.categories for r in screening.results)]
    rows = []
    for r in screening.results:
        status_counts = r.status_counts()
        rows.append([
            r.rank, r.id, score_range(r.total), f"{number_text(r.coverage)} %",
            *(score_range(r.categories[c]) if c in r.categories else "–" for c in used),
            "/".join(str(status_counts[s]) for s in STATUSES),
            knockout_ids(r) or "–",
            recommendation(r.recommendation_label),
        ])
    headers = [*(t(h) for h in ["Nr.", "Kandidat", "Score (sikret–mulig)", "Dækning"]),
               *(label(CATEGORY_SHORT, c) for c in used),
               *(t(h) for h in ["Opf./delv./ikke/ubel.", "Foreslåede knock-outs", "Anbefaling"])]
    return headers, rows
