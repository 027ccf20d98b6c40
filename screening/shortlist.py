"""Who goes on to the next stage, and why: a proposal for the hiring committee."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .audit.decisions import ADVANCES, STOPS, Decision, on_this_evidence
from .i18n import t
from .report import knockout_ids, number_text, score_range
from .results import SPARSE_BAND, CandidateResult, Screening


@dataclass(frozen=True)
class Shortlist:
    taken: tuple[CandidateResult, ...]  # proposed to go on (or decided so), in rank order
    tied: tuple[CandidateResult, ...]  # share the last place taken: the committee chooses
    not_taken: tuple[CandidateResult, ...]
    knocked_out: tuple[CandidateResult, ...]  # proposed knock-outs: a person decides first
    # too little evidence for the tool to judge: a person decides, the tool proposes nothing
    unjudged: tuple[CandidateResult, ...] = ()
    stopped: tuple[CandidateResult, ...] = ()  # a person decided they do not go on


def shortlist(screening: Screening, take: int,
              decisions: Mapping[str, Decision] | None = None) -> Shortlist:
    """The best `take` candidates the tool could judge, without a proposed knock-out.
    Candidates tied with the last place are not cut at random: they are returned as tied
    for the committee. A standing decision of a person comes first: who was decided to go
    on takes a place, who was decided not to is out; a proposed knock-out or a candidate
    with too little evidence waits for such a decision."""
    decisions = on_this_evidence(decisions or {})  # one made on other evidence is shown only

    def outcome(r: CandidateResult) -> str | None:
        return decisions[r.id].outcome if r.id in decisions else None

    decided_on = [r for r in screening.results if outcome(r) == ADVANCES]
    stopped = tuple(r for r in screening.results if outcome(r) == STOPS)
    undecided = [r for r in screening.results if outcome(r) is None]
    knocked_out = tuple(r for r in undecided if r.knockouts)
    unjudged = tuple(r for r in undecided
                     if not r.knockouts and r.recommendation == SPARSE_BAND)
    eligible = [r for r in undecided if not r.knockouts and r.recommendation != SPARSE_BAND]
    places = max(0, take - len(decided_on))

    def by_rank(members) -> tuple[CandidateResult, ...]:
        return tuple(sorted(members, key=lambda r: (r.rank, r.id)))

    if places >= len(eligible):
        return Shortlist(by_rank([*decided_on, *eligible]), (), (), knocked_out, unjudged,
                         stopped)
    cut_rank = eligible[places - 1].rank if places > 0 else None
    # sets of ids, not `in` over results: comparing results field by field made a pool
    # of 20,000 take minutes
    first = {r.id for r in eligible[:places]}
    boundary = [r for r in eligible if r.rank == cut_rank]
    spills = any(r.id not in first for r in boundary)
    chosen = [r for r in eligible[:places] if not (spills and r.rank == cut_rank)]
    tied = tuple(boundary) if spills else ()
    placed = {r.id for r in (*chosen, *tied)}
    not_taken = tuple(r for r in eligible if r.id not in placed)
    return Shortlist(by_rank([*decided_on, *chosen]), tied, not_taken, knocked_out, unjudged,
                     stopped)


def reasons(result: CandidateResult, strongest: int = 3) -> str:
    """A short Danish reason: score range, coverage, strongest criteria, open krav, proposed
    knock-outs (marked where the krav is met only in part), disagreements."""
    met = sorted((o for o in result.outcomes if o.status == "opfyldt"),
                 key=lambda o: (-o.max_points, o.criterion.id))
    parts = [t("score {score}, dækning {coverage} %", score=score_range(result.total),
               coverage=number_text(result.coverage))]
    if met:
        parts.append(f"{t('stærkest')}: " + ", ".join(o.criterion.name for o in met[:strongest]))
    if open_krav := result.krav_not_belyst():
        parts.append(f"{t('krav ikke belyst')}: " + ", ".join(open_krav))
    if to_come := result.krav_to_come():
        parts.append(f"{t('krav, kommende kilder kan opfylde')}: " + ", ".join(to_come))
    if result.knockouts:
        parts.append(f"{t('foreslået knock-out')}: " + knockout_ids(result))
    disagreements = [o.criterion.id for o in result.outcomes if o.disagreement]
    if disagreements:
        parts.append(f"{t('uenige kilder')}: " + ", ".join(disagreements))
    return "; ".join(parts)


