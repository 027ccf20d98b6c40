"""Who goes on to the next stage, and why: a proposal for the hiring committee."""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import decimal, t
from .report import knockout_ids, score_range
from .scoring import CandidateResult
from .screen import Screening


@dataclass(frozen=True)
class Shortlist:
    taken: tuple[CandidateResult, ...]  # proposed to go on, in rank order
    tied: tuple[CandidateResult, ...]  # share the last place taken: the committee chooses
    not_taken: tuple[CandidateResult, ...]
    knocked_out: tuple[CandidateResult, ...]  # proposed knock-outs: a person decides first


def shortlist(screening: Screening, take: int) -> Shortlist:
    """The best `take` candidates without a proposed knock-out. Candidates tied with the
    last place are not cut at random: they are returned as tied for the committee."""
    eligible = [r for r in screening.results if not r.knockouts]
    knocked_out = tuple(r for r in screening.results if r.knockouts)
    if take >= len(eligible):
        return Shortlist(tuple(eligible), (), (), knocked_out)
    cut_rank = eligible[take - 1].rank if take > 0 else None
    boundary = [r for r in eligible if r.rank == cut_rank]
    spills = any(r not in eligible[:take] for r in boundary)
    taken = tuple(r for r in eligible[:take] if not (spills and r.rank == cut_rank))
    tied = tuple(boundary) if spills else ()
    not_taken = tuple(r for r in eligible if r not in taken and r not in tied)
    return Shortlist(taken, tied, not_taken, knocked_out)


def reasons(result: CandidateResult, strongest: int = 3) -> str:
    """A short Danish reason: score range, coverage, strongest criteria, open krav, proposed
    knock-outs (marked where the krav is met only in part), disagreements."""
    met = sorted((o for o in result.outcomes if o.status == "opfyldt"),
                 key=lambda o: (-o.max_points, o.criterion.id))
    parts = [t("score {score}, dækning {coverage} %", score=score_range(result.total),
               coverage=_n(result.coverage))]
    if met:
        parts.append(f"{t('stærkest')}: " + ", ".join(o.criterion.name for o in met[:strongest]))
    open_krav = [o.criterion.id for o in result.outcomes
                 if o.criterion.priority == "krav" and o.status == "ikke_belyst"]
    if open_krav:
        parts.append(f"{t('krav ikke belyst')}: " + ", ".join(open_krav))
    if result.knockouts:
        parts.append(f"{t('foreslået knock-out')}: " + knockout_ids(result))
    disagreements = [o.criterion.id for o in result.outcomes if o.disagreement]
    if disagreements:
        parts.append(f"{t('uenige kilder')}: " + ", ".join(disagreements))
    return "; ".join(parts)


def _n(value: float | None) -> str:
    return "–" if value is None else decimal(f"{value:g}")
