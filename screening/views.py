"""What the committee's papers (HTML report, interview guide, spreadsheets) show of a result.

Every score the papers print is read here, once: the secured score and what is still
possible, shown as the range `report.score_range` writes ("70,6–91,2").
"""

from __future__ import annotations

from dataclasses import dataclass

from .profiles import CATEGORIES
from .report import knockout_ids, score_range
from .results import STATUSES, CandidateResult, CriterionOutcome, Score
from .vocabulary import recommendation


@dataclass(frozen=True)
class ScoreView:
    """A score as the papers show it: the numbers for sheets and charts, the text for
    people."""

    value: float  # 0-100: secured by the evidence
    possible: float  # 0-100: if every ikke belyst criterion turned out met
    text: str  # "70,6–91,2", or one number when nothing is open


@dataclass(frozen=True)
class CandidateView:
    rank: int
    id: str
    name: str | None  # from the record's personal data, when the papers may show it
    score: ScoreView
    coverage: float
    categories: dict[str, ScoreView]  # only the categories the profile uses
    recommendation: str  # the label, in the chosen language
    knockouts: tuple[str, ...]
    knockouts_text: str  # those on a krav met only in part marked as such
    counts: dict[str, int]  # criteria per status
    disagreements: tuple[str, ...]
    unassessed: tuple[str, ...]


def score_view(score: Score) -> ScoreView:
    return ScoreView(score.score, score.possible, score_range(score))


def candidate_view(result: CandidateResult, name: str | None = None) -> CandidateView:
    return CandidateView(
        rank=result.rank, id=result.id, name=name,
        score=score_view(result.total), coverage=result.coverage,
        categories={c: score_view(result.categories[c]) for c in CATEGORIES
                    if c in result.categories},
        recommendation=recommendation(result.recommendation_label),
        knockouts=result.knockouts, knockouts_text=knockout_ids(result),
        counts={s: sum(o.status == s for o in result.outcomes) for s in STATUSES},
        disagreements=tuple(o.criterion.id for o in result.outcomes if o.disagreement),
        unassessed=tuple(o.criterion.id for o in result.outcomes if o.status == "ikke_belyst"),
    )


def needs_attention(outcome: CriterionOutcome) -> bool:
    """What the next stage should settle: not yet belyst, sources that disagree, a krav
    only partly met, or an ønske partly met so far (`open_points`: what is still to judge
    may lift it to opfyldt)."""
    return (outcome.status == "ikke_belyst" or outcome.disagreement
            or (outcome.criterion.priority == "krav" and outcome.status == "delvist")
            or outcome.open_points > 0)
