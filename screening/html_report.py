"""The committee's report: one self-contained HTML file (CSS and charts inline, no script,
nothing fetched when it is opened) that prints one candidate per page.

It shows what `screening screen` and `explain` compute (it reads the same results, through
`views`), the profile's own words, and where the audit trail stands: the run that gave these
results, its rule-file hashes and the decisions people have recorded on it. Candidates are
named (from the records' personal data) because the committee decides about people: the file
holds personal data and is to be kept as such. Jinja2 autoescapes everything from records.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from . import report
from .audit.decisions import Decision, ProfileKey, decided, describe, standing
from .charts import Row, Segment, bar_chart
from .errors import InputError, Problem
from .explain import knockout_text
from .i18n import language, moment, t
from .messages import message
from .profiles import CATEGORIES, Profile
from .results import CandidateResult, Screening
from .views import CandidateView, candidate_view
from .vocabulary import CATEGORY_TITLES, STATUSES, TEMPLATE_LABELS, label
from .wording import grounds, missing_text

STATUS_CLASS = {"opfyldt": "s-met", "delvist": "s-partly", "ikke_opfyldt": "s-not",
                "ikke_belyst": "s-unknown"}


@dataclass(frozen=True)
class AuditInfo:
    """The run the report stands on, or None when no run in the store matches it."""

    run: str | None
    created: str | None
    operator: str | None
    store: str | None
    rule_files: tuple[tuple[str, str], ...]  # (path, sha256)
    decisions: dict[str, tuple[dict, ...]]  # by candidate, oldest first


def unrecorded(profile: Profile, decisions: dict[str, tuple[dict, ...]] | None = None
               ) -> AuditInfo:
    """No matching run: the hashes are computed now, from the rule files as they are; the
    decisions are those made on other evidence, if any."""
    from .audit.store import sha256

    files = tuple((path, sha256(content)) for path, content in profile.files)
    return AuditInfo(None, None, None, None, files, decisions or {})


def from_store(store_path: str | Path, screening: Screening, run: str | None,
               inputs: dict[str, str]) -> AuditInfo:
    """The given run, checked against these results, or the latest run that gave exactly
    these results with these rule files at this stage; `unrecorded` when there is none.
    The decisions are as `screen`, `explain` and `shortlist` find them: every decision on
    the same records (`inputs`, id -> sha256; the run's, when one matches) at this stage and
    date in any run of the profile (a later run with the same results does not hide them,
    and a later decision superseding one of the given run's stands), and for a candidate
    with none, the latest made on other evidence, marked as such."""
    from .audit import nothing_recorded
    from .audit.store import AuditStore

    if run is None and nothing_recorded(store_path):
        return unrecorded(screening.profile)
    store = AuditStore(store_path, read_only=True)
    found: dict | None
    try:
        if run is not None:
            found = store.run(run)
            if not _same(store, found, screening):
                raise InputError([Problem(str(store_path), message("run_differs", run=run),
                                          code="E402")])
        else:
            found = next((r for r in reversed(store.runs()) if _same(store, r, screening)),
                         None)
        # decided in the run or another screening of the same records (a decision that
        # superseded one of the run's in a later run stands in its place), and for the
        # others the latest made on other evidence, marked; with no run that matches (a
        # candidate added since), on these records, as `screen` shows them
        if found is not None:
            inputs = {r["id"]: r["input"]["sha256"] for r in store.results(found["run"])}
        history, shown = store.decisions_with_history(
            ProfileKey.of(screening.profile), screening.profile.meta.id, screening.stage,
            screening.as_of.isoformat(), inputs)
        recorded = history + [d for d in shown.values() if d.on_other_evidence]
        decisions: dict[str, list[dict]] = {}
        for decision in recorded:
            decisions.setdefault(decision.candidate, []).append(decision.as_dict())
        by_candidate = {c: tuple(d) for c, d in decisions.items()}
        if found is None:
            return unrecorded(screening.profile, by_candidate)
        return AuditInfo(found["run"], found["created"], found["operator"], str(store_path),
                         tuple((f["path"], f["sha256"]) for f in found["rule_files"]),
                         by_candidate)
    finally:
        store.close()


def _same(store, run: dict, screening: Screening) -> bool:
    if run["profile"]["sha256"] != screening.profile.sha256 or run["stage"] != screening.stage \
            or run["as_of"] != screening.as_of.isoformat():
        return False
    stored = {r["id"]: _in_any_language(r) for r in store.results(run["run"])}
    fresh = {r.id: _in_any_language(json.loads(json.dumps(report.candidate(r))))
             for r in screening.results}
    return stored == fresh


# what a stored result holds beside the result itself: its input, and, in a JSON Lines
# run's line, the profile (id, version, sha256), stage and date (compared with the run's)
# and no rank (a stream is not ranked; the rank follows from the results, which are
# compared)
_NOT_THE_RESULT = ("input", "profile", "profile_version", "profile_sha256", "stage", "as_of",
                   "rank")


def _in_any_language(result: dict) -> dict:
    """A stored or fresh result without what is worded in the language it was made in (what
    is missing, and the descriptions that stand as evidence paths), so that a run screened
    with --lang en gives the same results as one in Danish: statuses, points, scores,
    knock-outs and every evidence value and source still count. What is missing as data
    and the `some` an evidence path tells of go too: runs recorded before have neither."""
    criteria = [{**{k: v for k, v in c.items() if k not in ("missing", "missing_structured")},
                 "evidence": [{k: v for k, v in e.items() if k not in ("path", "some")}
                              for e in c["evidence"]]} for c in result["criteria"]]
    return {**{k: v for k, v in result.items() if k not in _NOT_THE_RESULT},
            "criteria": criteria}


def templates() -> Environment:
    """The papers' templates, autoescaping everything they are given."""
    environment = Environment(loader=PackageLoader("screening", "templates"),
                              autoescape=select_autoescape(["html", "j2"]),
                              trim_blocks=True, lstrip_blocks=True)
    environment.filters["number"] = report.number_text
    return environment


def render(screening: Screening, audit: AuditInfo, names: dict[str, str] | None = None,
           skipped: Sequence[str] = ()) -> str:
    """The report; `skipped` names the inputs that gave no record, so that the committee
    knows who is not in it."""
    names = names or {}
    views = [candidate_view(r, names.get(r.id)) for r in screening.results]
    template = templates().get_template("report.html.j2")
    profile = screening.profile
    stands = standing(Decision(**d) for recorded in audit.decisions.values() for d in recorded)
    return template.render(
        t=t, moment=moment, lang=language(), profile=profile, stage=screening.stage,
        as_of=screening.as_of.isoformat(), audit=audit, views=views,
        not_included=report.not_included(skipped),
        decided={c: decided(d) for c, d in stands.items()},
        categories=_profile_categories(profile), statuses=list(STATUSES),
        status_class=STATUS_CLASS, comparison=Markup(comparison_chart(views)),
        candidates=[_candidate(screening, r, v, audit, stands.get(r.id)) for r, v in
                    zip(screening.results, views, strict=True)],
        used_categories=[c for c in CATEGORIES if any(c in v.categories for v in views)],
        **TEMPLATE_LABELS)


def _profile_categories(profile: Profile) -> list[tuple[str, list]]:
    return [(label(CATEGORY_TITLES, c), sorted((k for k in profile.criteria if k.category == c),
                                        key=lambda k: k.priority != "krav"))
            for c in CATEGORIES if any(k.category == c for k in profile.criteria)]


def _candidate(screening: Screening, result: CandidateResult, view: CandidateView,
               audit: AuditInfo, stands: Decision | None) -> dict:
    criteria: list[dict] = []
    partly = result.partly_met_knockouts()
    recorded = [Decision(**d) for d in audit.decisions.get(result.id, ())]
    undecided = stands is None or stands.on_other_evidence
    for category in CATEGORIES:
        members = sorted((o for o in result.outcomes if o.criterion.category == category),
                         key=lambda o: o.criterion.priority != "krav")
        criteria.extend({
            "category": label(CATEGORY_TITLES, category), "criterion": o.criterion,
            "status": o.status,
            "points": report.points_text(o.points, o.max_points, o.open_points),
            "evidence": grounds(o.evidence, screening.profile),
            "missing": list(map(missing_text, o.missing)) if o.status != "opfyldt" else [],
            "disagreement": o.disagreement} for o in members)
    return {"view": view, "chart": Markup(candidate_chart(result)), "criteria": criteria,
            # once a person has decided on this evidence, the knock-out says it is settled
            "knockouts": [{"criterion": screening.profile.criterion(k),
                           "text": knockout_text(k in partly, not undecided)}
                          for k in result.knockouts],
            # oldest first, each one a later decision replaced marked as such
            "decisions": [describe(d) if d == stands else f"({t('erstattet')}) {describe(d)}"
                          for d in recorded],
            # a decision made on other evidence leaves this one to the committee
            "undecided": undecided,
            "unassessed": [o.criterion for o in result.outcomes if o.status == "ikke_belyst"],
            # what the evidence not yet there may still lift (`open_points`): the rest of the
            # gap between the score and the possible one
            "provisional": [o.criterion for o in result.outcomes if o.open_points > 0],
            # the krav that may still prove knock-outs: "no proposed knock-outs" alone read
            # as every krav passed (explain and the shortlist name them too)
            "open_krav": _names(screening.profile, result.krav_not_belyst()),
            "krav_to_come": _names(screening.profile, result.krav_to_come())}


def _names(profile: Profile, criteria: Sequence[str]) -> str:
    """The criteria by name, for a sentence of the report."""
    return ", ".join(profile.criterion(c).name for c in criteria)


def candidate_chart(result: CandidateResult) -> str:
    """Per category, the criteria stacked by status (by count)."""
    rows = []
    for category in CATEGORIES:
        members = [o for o in result.outcomes if o.criterion.category == category]
        if members:
            rows.append(Row(label(CATEGORY_TITLES, category), tuple(
                Segment(n, STATUS_CLASS[s], f"{label(STATUSES, s)}: {n}")
                for s in STATUSES if (n := sum(o.status == s for o in members)))))
    scale = max(sum(seg.value for seg in row.segments) for row in rows)
    return bar_chart(t("Kriterier efter kategori og status: {id}", id=result.id), rows, scale,
                     "chart candidate-chart")


def comparison_chart(views: list[CandidateView]) -> str:
    """Score (secured, then what is still possible) and coverage per candidate, in ranking
    order, on the same 0-100 scale."""
    rows = []
    for v in views:
        label = f"{v.rank}. {v.name or v.id}"
        rows.append(Row(label, (
            Segment(v.score.value, "score", f"{t('Sikret')}: {report.number_text(v.score.value)}"),
            Segment(v.score.possible - v.score.value, "possible",
                    f"{t('Muligt')}: {report.number_text(v.score.possible)}")),
            f"{t('Score')} {v.score.text}"))
        rows.append(Row("", (Segment(v.coverage, "coverage",
                                     f"{t('Dækning')}: {report.number_text(v.coverage)} %"),),
                        f"{t('Dækning')} {report.number_text(v.coverage)} %"))
    return bar_chart(t("Score og dækning pr. kandidat"), rows, 100.0, "chart comparison-chart")
