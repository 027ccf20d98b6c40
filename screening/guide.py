"""The interview guide for the next stage: what the committee should settle there.

For each candidate, the criteria still open (see `views.needs_attention`): not yet belyst,
sources that disagree, a krav only partly met, or an ønske partly met so far. Those the next
stage can settle (it is among the stages the criterion takes evidence from, or no stage still
to come is, as for a fact the CV left out) come with the profile's words, what evidence
would settle it, and the behavioural questions the rule files give for the criterion or the
competencies it reads; the rest are named with the later stages that can settle them. The
guide is built from the screening on the evidence up to the stage *before* the next one. A
candidate a person decided does not go on, on that evidence, is not interviewed: the guide
names the decision and lists nothing to settle with her.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from . import conditions as cond
from .audit.decisions import STOPS, Decision, decision_line
from .display import markdown as markdown_text
from .display import one_line
from .html_report import templates
from .i18n import language, t
from .profiles import Criterion, Profile
from .report import not_included, number_text
from .results import CriterionOutcome, Screening
from .stages import SOURCES
from .views import CandidateView, candidate_view, needs_attention
from .vocabulary import CATEGORY_TITLES, PRIORITIES, STAGES, STATUSES, TEMPLATE_LABELS, label
from .wording import grounds, missing_text, render

NEXT_STAGES: tuple[str, ...] = SOURCES[1:]  # the first stage has nothing before it


def evidence_stage(next_stage: str) -> str:
    """The stage whose evidence the guide for `next_stage` is built on."""
    return SOURCES[SOURCES.index(next_stage) - 1]


@dataclass(frozen=True)
class GuideItem:
    criterion: Criterion
    status: str
    reasons: tuple[str, ...]  # why it is in the guide, in the chosen language
    evidence: tuple[str, ...]  # what the sources said so far
    missing: tuple[str, ...]
    would_meet: str  # the condition in words
    sources_to_come: tuple[str, ...]  # the criterion's sources from the next stage on
    questions: tuple[str, ...]


@dataclass(frozen=True)
class CandidateGuide:
    view: CandidateView
    items: tuple[GuideItem, ...]  # to settle at the next stage, with their questions
    later: tuple[GuideItem, ...] = ()  # open too, but for a stage after the next one
    decision: str | None = None  # the line naming a person's decision (standing or earlier)
    # the outcome (advances, stops) of a person's decision standing on this evidence; one
    # made on other evidence stands for nothing here, as `shortlist` reads it
    outcome: str | None = None
    total: int = 1  # the candidates screened: a rank is read "of how many"

    @property
    def stopped(self) -> bool:
        """A person decided the candidate does not go on: the committee does not interview
        her, so the guide says so and has no items."""
        return self.outcome == STOPS


def competencies_read(criterion: Criterion, stage: str | None = None) -> tuple[str, ...]:
    """The competencies the criterion assesses; with `stage`, those it takes from an
    assessment made at that stage (an `assessed`'s `by:`, else the criterion's sources)."""
    trees = [criterion.when, *([criterion.partial] if criterion.partial else [])]
    return tuple(dict.fromkeys(node.competency for tree in trees for node in cond.walk(tree)
                               if isinstance(node, cond.Assessed)
                               and (stage is None or stage in (node.by or criterion.sources))))


def stages_assessing(criterion: Criterion) -> tuple[str, ...]:
    """The stages the criterion takes evidence from, in the order they come: those of its
    assessments (an `assessed`'s `by:`, else the criterion's sources) and, when it reads what
    a candidate has done (a CV fact), the criterion's sources, where that is asked about."""
    trees = [criterion.when, *([criterion.partial] if criterion.partial else [])]
    reads_facts = any(isinstance(node, cond.Compare | cond.Some)
                      for tree in trees for node in cond.walk(tree))
    return tuple(s for s in SOURCES if competencies_read(criterion, s)
                 or (reads_facts and s in criterion.sources))


def questions_for(profile: Profile, criterion: Criterion) -> tuple[str, ...]:
    """The criterion's own questions, then those of the competencies it reads."""
    keys = (criterion.id, *competencies_read(criterion))
    return tuple(dict.fromkeys(q for key in keys for q in profile.questions.get(key, ())))


def _reasons(outcome: CriterionOutcome) -> tuple[str, ...]:
    reasons = []
    if outcome.status == "ikke_belyst":
        reasons.append(t("ikke belyst"))
    if outcome.disagreement:
        reasons.append(t("uenige kilder"))
    if outcome.criterion.priority == "krav" and outcome.status == "delvist":
        reasons.append(t("krav kun delvist opfyldt"))
    if outcome.open_points > 0:
        reasons.append(_so_far(outcome))
    return tuple(reasons)


def _so_far(outcome: CriterionOutcome) -> str:
    """What the evidence still to come may make of a criterion with points still open,
    whatever its status so far (which `why` adds)."""
    if outcome.ceiling >= outcome.max_points:
        return t("foreløbigt vurderet; kan endnu blive opfyldt")
    return t("foreløbigt vurderet; kan endnu blive delvist opfyldt")


def item(profile: Profile, outcome: CriterionOutcome, next_stage: str) -> GuideItem:
    c = outcome.criterion
    to_come = SOURCES[SOURCES.index(next_stage):]
    return GuideItem(c, outcome.status, _reasons(outcome),
                     tuple(grounds(outcome.evidence, profile)),
                     tuple(map(missing_text, outcome.missing)),
                     render(c.when, profile),
                     tuple(s for s in stages_assessing(c) if s in to_come),
                     questions_for(profile, c))


def settled_at(i: GuideItem, next_stage: str) -> bool:
    """Whether the item is for `next_stage`: it takes evidence there, or no stage still to
    come takes any (a fact the CV left out, a criterion read from the application alone),
    and the interview is where the consultant asks."""
    return next_stage in i.sources_to_come or not i.sources_to_come


def why(i: GuideItem) -> str:
    """The reasons, and the status so far when it is not already one of them."""
    status = "" if i.status == "ikke_belyst" else f"; {t('nu')}: {label(STATUSES, i.status)}"
    return ", ".join(i.reasons) + status


def guide(screening: Screening, next_stage: str, candidate_id: str | None = None,
          names: dict[str, str] | None = None,
          decisions: Mapping[str, Decision] | None = None) -> list[CandidateGuide]:
    """One guide per candidate (or for `candidate_id`), in ranking order, each with the
    standing decision a person made on the candidate (`decisions`, by id)."""
    names, decisions = names or {}, decisions or {}
    results = [screening.result(candidate_id)] if candidate_id else screening.results
    guides = []
    for r in results:
        decision = decisions.get(r.id)
        outcome = None if decision is None or decision.on_other_evidence else decision.outcome
        items = () if outcome == STOPS else tuple(item(screening.profile, o, next_stage)
                                                  for o in r.outcomes if needs_attention(o))
        guides.append(CandidateGuide(candidate_view(r, names.get(r.id)),
                                     tuple(i for i in items if settled_at(i, next_stage)),
                                     tuple(i for i in items if not settled_at(i, next_stage)),
                                     None if decision is None else decision_line(decision),
                                     outcome, len(screening.results)))
    return guides


def summary(g: CandidateGuide) -> str:
    """The candidate's rank of how many (as explain says it: a guide of one record, or of
    one candidate with --id, said "1." or "7." and no more), score and coverage, how many
    criteria the next stage should settle, in the number the count asks for ("1 kriterium",
    "5 kriterier"), and how many are left to a later stage, if any."""
    rank = t("Placering: {rank} af {total}.", rank=g.view.rank, total=g.total)
    return f"{rank} {_settle(g)}"


def _settle(g: CandidateGuide) -> str:
    if g.stopped:  # nothing is to be settled with a candidate who does not go on
        return t("Score {score}, dækning {coverage} %.", score=g.view.score.text,
                 coverage=number_text(g.view.coverage))
    if g.later:
        template = ("Score {score}, dækning {coverage} %. {count} kriterium at afklare nu, "
                    "{later} på et senere stadie." if len(g.items) == 1 else
                    "Score {score}, dækning {coverage} %. {count} kriterier at afklare nu, "
                    "{later} på et senere stadie.")
    else:
        template = ("Score {score}, dækning {coverage} %. {count} kriterium at afklare."
                    if len(g.items) == 1 else
                    "Score {score}, dækning {coverage} %. {count} kriterier at afklare.")
    return t(template, score=g.view.score.text, coverage=number_text(g.view.coverage),
             count=len(g.items), later=len(g.later))


def nothing_now(g: CandidateGuide) -> str | None:
    """What the guide says of a candidate it has no item for at the next stage."""
    if g.stopped:
        return t("Ingen spørgsmål: kandidaten går ikke videre efter beslutningen ovenfor.")
    if g.items:
        return None
    if g.later:
        return t("Intet at afklare på dette stadie: det, der står åbent, afklares på et "
                 "senere stadie (se nedenfor).")
    return t("Intet at afklare: alle kriterier er belyst, kilderne er enige, og ingen krav "
             "er kun delvist opfyldt.")


def later_line(i: GuideItem) -> str:
    """An item for a later stage, named briefly: its priority, name and the stages that
    can settle it."""
    c = i.criterion
    return (f"[{label(PRIORITIES, c.priority)}] {c.name}. {t('Kan belyses ved')}: "
            f"{', '.join(label(STAGES, s) for s in i.sources_to_come)}")


def knockouts(g: CandidateGuide) -> str | None:
    """The candidate's proposed knock-outs, for the panel to know before it meets the
    candidate: a krav not met at all needs no more evidence, so no item of the guide names
    it."""
    if not g.view.knockouts:
        return None
    if g.outcome is not None:  # the decision beside it says what; not pending any more
        return t("Foreslåede knock-outs (et menneske har taget stilling): {ids}.",
                 ids=g.view.knockouts_text)
    return t("Foreslåede knock-outs (skal bekræftes eller underkendes af et menneske): {ids}.",
             ids=g.view.knockouts_text)


def title(screening: Screening, next_stage: str) -> str:
    """The guide's title: the stage it is for and the post."""
    return (f"{t('Interviewguide til {stage}', stage=label(STAGES, next_stage))}: "
            f"{screening.profile.meta.title}")


def basis(screening: Screening) -> str:
    """The line under the title: the organisation, the profile and the evidence used."""
    meta = screening.profile.meta
    return t("{organisation}, profil {profile} v{version}; grundlag: evidens til og med "
             "{stage}.", organisation=meta.organisation, profile=meta.id,
             version=meta.version, stage=label(STAGES, screening.stage))


def markdown(screening: Screening, next_stage: str, guides: list[CandidateGuide],
             skipped: Sequence[str] = ()) -> str:
    lines = [f"# {title(screening, next_stage)}", "", basis(screening),
             t("Værktøjet anbefaler; ansættelsesudvalget beslutter."), ""]
    if skipped_text := not_included(skipped):
        lines += [markdown_text(skipped_text), ""]
    for g in guides:
        v = g.view
        lines += [f"## {v.rank}. {markdown_text(v.name or v.id)} ({v.id})", "", summary(g), ""]
        if proposed := knockouts(g):
            lines += [proposed, ""]
        if g.decision:  # reasons are typed by people: one line, escaped
            lines += [markdown_text(one_line(g.decision)), ""]
        if said := nothing_now(g):
            lines += [said, ""]
        for i in g.items:
            c = i.criterion
            lines += [f"### [{label(PRIORITIES, c.priority)}] {c.name}", "",
                      f"- {t('Hvorfor')}: {why(i)} ({label(CATEGORY_TITLES, c.category)})",
                      f"- {t('Profilen')}: \"{c.quote}\" ({c.section})",
                      f"- {t('Opfyldt, hvis')}: {i.would_meet}"]
            # evidence and what is missing name titles, organisations and assessors typed
            # by people: a title such as "<img onerror=…>" or "[klik](http://…)" is text
            lines += [f"- {t('Grundlag')}: {markdown_text(e)}" for e in i.evidence]
            lines += [f"- {t('Mangler')}: {markdown_text(m)}" for m in i.missing]
            if i.sources_to_come:
                lines.append(f"- {t('Kan belyses ved')}: "
                             f"{', '.join(label(STAGES, s) for s in i.sources_to_come)}")
            lines += ["", f"{t('Spørgsmål')}:", ""]
            lines += [f"1. {q}" for q in i.questions] or \
                [f"- {t('Profilen giver ingen spørgsmål til dette kriterium.')}"]
            lines.append("")
        if g.later:
            lines += [f"**{t('Afklares på et senere stadie')}:**", ""]
            lines += [f"- {later_line(i)}" for i in g.later]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def html(screening: Screening, next_stage: str, guides: list[CandidateGuide],
         skipped: Sequence[str] = ()) -> str:
    return templates().get_template("guide.html.j2").render(
        t=t, lang=language(), profile=screening.profile, stage=label(STAGES, screening.stage),
        next_stage=label(STAGES, next_stage), guides=guides, why=why, summary=summary,
        knockouts=knockouts, nothing_now=nothing_now, later_line=later_line,
        not_included=not_included(skipped),
        **TEMPLATE_LABELS)
