"""The reasoning for one candidate in Danish words a consultant can paste into a committee note.

The text is built from the outcomes (what the engine fired and the evidence it matched);
conditions are rendered as words only to say what *would* meet a criterion.
"""

from __future__ import annotations

from .audit.decisions import Decision, decision_line
from .display import markdown as markdown_text
from .display import one_line
from .i18n import t
from .profiles import CATEGORIES, Profile
from .records import SOURCES
from .report import knockout_ids, number_text, points_text, score_range
from .results import (
    PENDING_BAND,
    CandidateResult,
    CriterionOutcome,
    Screening,
    band_range,
)
from .vocabulary import CATEGORY_TITLES, PRIORITIES, STAGES, STATUSES, label, recommendation
from .wording import grounds, missing_text, render


def criterion_text(outcome: CriterionOutcome, profile: Profile, decided: bool = False
                   ) -> list[str]:
    """A criterion's outcome in lines; `decided`: a person has decided on the candidate on
    this evidence."""
    c = outcome.criterion
    points = points_text(outcome.points, outcome.max_points, outcome.open_points)
    lines = [f"- [{label(PRIORITIES, c.priority)}] {c.name}: "
             f"{label(STATUSES, outcome.status)}, {points}",
             f"  {t('Profilen')}: \"{c.quote}\" ({c.section}; {c.document})",
             f"  {t('Regel')}: {c.id} ({c.rule_file}:{c.line})"]
    if outcome.evidence:
        lines.append(f"  {t('Grundlag')}: " + "; ".join(grounds(outcome.evidence, profile)))
    if outcome.missing and outcome.status != "opfyldt":
        lines.append(f"  {t('Mangler')}: " + "; ".join(
            one_line(missing_text(m)) for m in outcome.missing))
    if outcome.disagreement:
        lines.append("  " + t("Uenighed: kilderne vurderer kompetencen markant forskelligt; "
                              "drøft vurderingerne før der lægges vægt på resultatet."))
    if outcome.status in ("ikke_opfyldt", "delvist", "ikke_belyst"):
        lines.append(f"  {t('Opfyldt, hvis')}: {render(c.when, profile)}.")
        if c.partial is not None and outcome.status != "delvist":
            lines.append(f"  {t('Delvist opfyldt, hvis')}: {render(c.partial, profile)}.")
    if c.priority == "krav" and outcome.status in ("ikke_opfyldt", "delvist"):
        lines.append("  " + knockout_text(outcome.status == "delvist", decided))
    return lines


def knockout_text(partly: bool, decided: bool) -> str:
    """What a proposed knock-out on a krav is, and who settles it: once a person has decided
    on this evidence, that it is settled ("to be confirmed" beside the decision read as
    pending)."""
    if decided:
        return (t("Foreslået knock-out: kravet er kun delvist opfyldt på det foreliggende "
                  "grundlag, og et krav skal være opfyldt. Et menneske har taget stilling; se "
                  "beslutningen.") if partly else
                t("Foreslået knock-out: kravet er ikke opfyldt på det foreliggende grundlag. "
                  "Et menneske har taget stilling; se beslutningen."))
    return (t("Foreslået knock-out: kravet er kun delvist opfyldt på det foreliggende grundlag, "
              "og et krav skal være opfyldt. Et menneske bekræfter eller underkender med en "
              "begrundelse.") if partly else
            t("Foreslået knock-out: kravet er ikke opfyldt på det foreliggende grundlag. Et "
              "menneske bekræfter eller underkender med en begrundelse."))


def explain(screening: Screening, candidate_id: str, criterion_id: str | None = None,
            markdown: bool = False, decision: Decision | None = None) -> str:
    """The reasoning as text; `markdown` adds headings so it pastes into a document;
    `decision` is a person's standing decision on the candidate, shown under the header."""
    result = screening.result(candidate_id)
    profile = screening.profile
    outcomes = [o for o in result.outcomes if criterion_id in (None, o.criterion.id)]
    lines = _header(screening, result, decision) if criterion_id is None else [
        t("Kandidat {id}, {title} ({profile} v{version}), stadie: {stage}, vurderet pr. "
          "{as_of}", id=result.id, title=profile.meta.title, profile=profile.meta.id,
          version=profile.meta.version, stage=label(STAGES, screening.stage),
          as_of=screening.as_of.isoformat()),
        *_decided(decision), ""]
    if markdown:  # what people typed (titles, assessors, a decision's reason) is text
        lines[0] = f"# {lines[0]}"
        lines[1:] = [f"{markdown_text(line)}  " if line else line  # hard line breaks
                     for line in lines[1:]]
    for category in CATEGORIES:
        members = [o for o in outcomes if o.criterion.category == category]
        if not members:
            continue
        score = result.categories[category]
        lines.append(("## " if markdown else "") + t(
            "{title} (score {score}, dækning {coverage} %)", title=label(CATEGORY_TITLES, category),
            score=score_range(score), coverage=number_text(score.coverage)))
        if markdown:
            lines.append("")
        for o in sorted(members, key=lambda o: o.criterion.priority != "krav"):
            block = criterion_text(o, profile, decision is not None
                                   and not decision.on_other_evidence)
            if markdown:  # each line its own, not one paragraph with the criterion's line
                block = block[:1] + [_indented(line) for line in block[1:]]
                block = [f"{line}  " for line in block[:-1]] + block[-1:]
            lines.extend(block)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _indented(line: str) -> str:
    """A line under a criterion as Markdown that shows exactly what it says, indented."""
    text = line.lstrip()
    return line[:len(line) - len(text)] + markdown_text(text)


def _header(screening: Screening, result: CandidateResult,
            decision: Decision | None) -> list[str]:
    profile = screening.profile.meta
    reached = SOURCES.index(screening.stage) + 1
    later = SOURCES[reached:]
    lines = [
        t("Kandidat {id}: {title}, {organisation} ({profile} v{version})", id=result.id,
          title=profile.title, organisation=profile.organisation, profile=profile.id,
          version=profile.version),
        t("Stadie: {stage} (vurderinger fra {sources}); vurderet pr. {as_of}",
          stage=label(STAGES, screening.stage),
          sources=", ".join(label(STAGES, s) for s in SOURCES[:reached]),
          as_of=screening.as_of.isoformat()),
        # the possible score counts what is not belyst, and what an ønske judged only so
        # far may still add (`open_points`), as met
        # of how many: "Placering: 1." of one record explained alone read as first of all
        t("Placering: {rank} af {total}. Score {score} af 100 sikret af evidensen, op til "
          "{possible} muligt, hvis alt ikke belyst eller kun foreløbigt vurderet viser sig "
          "opfyldt; dækning {coverage} % af vægten.",
          rank=result.rank, total=len(screening.results), score=number_text(result.score),
          possible=number_text(result.possible), coverage=number_text(result.coverage)),
        t("Anbefaling: {label}.", label=recommendation(result.recommendation_label)),
    ]
    # "Placering: 1." alone reads as first of all, in a justification, when two others are too
    if tied := [r.id for r in screening.results if r.rank == result.rank and r.id != result.id]:
        lines.insert(3, t("Deler placeringen med {ids}: samme sikrede og mulige score.",
                          ids=", ".join(tied)))
    if result.recommendation == PENDING_BAND:
        low, high = band_range(screening.profile.scoring, result.total)
        if low != high:
            lines.append(t("Scoren kan ende fra '{low}' til '{high}'; den næste evidens afgør "
                           "det.", low=low.label if low else "–",
                           high=high.label if high else "–"))
        if open_krav := result.krav_not_belyst():
            lines.append(t("Krav ikke belyst endnu: {ids}; et krav, der ikke er fuldt opfyldt, "
                           "er et foreslået knock-out.", ids=", ".join(open_krav)))
    if to_come := result.krav_to_come():
        lines.append(t("Krav ikke fuldt opfyldt endnu, som de kommende kilder kan nå at "
                       "opfylde: {ids}; forbliver et af dem ikke fuldt opfyldt, er det et "
                       "foreslået knock-out.", ids=", ".join(to_come)))
    if result.knockouts and decision is not None and not decision.on_other_evidence:
        # the decision under the header says what; "to be confirmed" would read as pending
        lines.append(t("Foreslåede knock-outs (et menneske har taget stilling): {ids}.",
                       ids=knockout_ids(result)))
    elif result.knockouts:
        lines.append(t("Foreslåede knock-outs (skal bekræftes eller underkendes af et "
                       "menneske): {ids}.", ids=knockout_ids(result)))
    else:
        lines.append(t("Foreslåede knock-outs: ingen."))
    unjudged = [o.criterion.id for o in result.outcomes if o.status == "ikke_belyst"]
    if unjudged:
        lines.append(t("Ikke belyst endnu ({count}): {ids}", count=len(unjudged),
                       ids=", ".join(unjudged))
                     + (t(". Kommende kilder: {sources}.",
                          sources=", ".join(label(STAGES, s) for s in later))
                        if later else "."))
    # the rest of the gap between the score and the possible one: named, as what is not belyst
    provisional = [o.criterion.id for o in result.outcomes if o.open_points > 0]
    if provisional:
        lines.append(t("Foreløbigt vurderet, kan endnu give flere point ({count}): {ids}.",
                       count=len(provisional), ids=", ".join(provisional)))
    disagreements = [o.criterion.id for o in result.outcomes if o.disagreement]
    if disagreements:
        lines.append(t("Uenige kilder: {ids}.", ids=", ".join(disagreements)))
    lines.append(t("Værktøjet anbefaler; ansættelsesudvalget beslutter."))
    return [*lines, *_decided(decision), ""]


def _decided(decision: Decision | None) -> list[str]:
    """The line naming a person's decision, when there is one."""
    return [] if decision is None else [decision_line(decision)]


def explain_document(screening: Screening, candidate_id: str,
                     criterion_id: str | None = None) -> dict:
    """The reasoning as data: per criterion the outcome, what is missing, what would meet it."""
    from .report import candidate

    result = screening.result(candidate_id)
    data = candidate(result)
    data["criteria"] = [c for c in data["criteria"] if criterion_id in (None, c["id"])]
    for entry in data["criteria"]:
        c = screening.profile.criterion(entry["id"])
        entry["name"] = c.name
        entry["rule"] = f"{c.rule_file}:{c.line}"
        entry["would_meet"] = render(c.when, screening.profile, codes=True)
        entry["would_partly_meet"] = (render(c.partial, screening.profile, codes=True)
                                      if c.partial else None)
        entry["proposed_knockout"] = entry["id"] in result.knockouts
    return {"profile": {"id": screening.profile.meta.id,
                        "version": screening.profile.meta.version,
                        "sha256": screening.profile.sha256},
            "stage": screening.stage, "as_of": screening.as_of.isoformat(), "candidate": data}
