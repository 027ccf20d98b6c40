"""Danish by default, English on request: labels, statuses and messages of the tool itself.

Profile text (names, quotes, band labels) stays as the consultancy wrote it. Templates are
keyed by their Danish wording, so the Danish output reads as the code does.
"""

from __future__ import annotations

import os
from contextvars import ContextVar

LANGUAGES = ("da", "en")
_language: ContextVar[str] = ContextVar("language", default="da")

EN: dict[str, str] = {
    # statuses and recommendations
    "opfyldt": "met", "delvist opfyldt": "partly met", "ikke opfyldt": "not met",
    "ikke belyst": "not assessed",
    "Krav ikke opfyldt: foreslået knock-out til vurdering":
        "Requirement not met: proposed knock-out for review",
    "Utilstrækkeligt belyst": "Insufficient evidence",
    # categories
    "Faglige kompetencer": "Professional competencies",
    "Ledelsesmæssige kompetencer": "Leadership competencies",
    "Personlige kompetencer": "Personal competencies",
    "Faglig": "Professional", "Ledelse": "Leadership", "Personlig": "Personal",
    # the table
    "Nr.": "Rank", "Kandidat": "Candidate", "Score": "Score", "Dækning": "Coverage",
    "Opf./delv./ikke/ubel.": "Met/partly/not/unassessed",
    "Foreslåede knock-outs": "Proposed knock-outs", "Anbefaling": "Recommendation",
    "stadie": "stage",
    # explanations
    "Kandidat {id}: {title}, {organisation} ({profile} v{version})":
        "Candidate {id}: {title}, {organisation} ({profile} v{version})",
    "Kandidat {id}, {title} ({profile} v{version}), stadie: {stage}":
        "Candidate {id}, {title} ({profile} v{version}), stage: {stage}",
    "Stadie: {stage} (vurderinger fra {sources})": "Stage: {stage} (assessments from {sources})",
    "Placering: {rank}. Score {score} af 100 over de belyste kriterier, dækning {coverage} % af "
    "vægten.": "Rank: {rank}. Score {score} of 100 over the assessed criteria, coverage "
               "{coverage} % of the weight.",
    "Anbefaling: {label}.": "Recommendation: {label}.",
    "Foreslåede knock-outs (skal bekræftes eller underkendes af et menneske): {ids}.":
        "Proposed knock-outs (to be confirmed or overridden by a person): {ids}.",
    "Foreslåede knock-outs: ingen.": "Proposed knock-outs: none.",
    "Ikke belyst endnu ({count}): {ids}": "Not assessed yet ({count}): {ids}",
    ". Kommende kilder: {sources}.": ". Sources still to come: {sources}.",
    "Uenige kilder: {ids}.": "Sources disagree: {ids}.",
    "Værktøjet anbefaler; ansættelsesudvalget beslutter.":
        "The tool recommends; the hiring committee decides.",
    "{title} (score {score}, dækning {coverage} %)": "{title} (score {score}, coverage "
                                                    "{coverage} %)",
    "ingen point": "no points",
    "{points} af {max} point": "{points} of {max} points",
    "Profilen": "Profile", "Regel": "Rule", "Grundlag": "Evidence", "Mangler": "Missing",
    "Uenighed: kilderne vurderer kompetencen markant forskelligt; drøft vurderingerne før der "
    "lægges vægt på resultatet.": "Disagreement: the sources rate the competency very "
    "differently; discuss the assessments before relying on the result.",
    "Opfyldt, hvis": "Met if", "Delvist opfyldt, hvis": "Partly met if",
    "Foreslået knock-out: kravet er ikke opfyldt på det foreliggende grundlag. Et menneske "
    "bekræfter eller underkender med en begrundelse.": "Proposed knock-out: the requirement "
    "is not met on the evidence so far. A person confirms or overrides it, with a reason.",
    # command line
    "fejl": "error", "advarsel": "warning", "intern fejl": "internal error",
    "{count} fil(er) sprunget over; {valid} kandidat(er) screenes":
        "{count} file(s) skipped; {valid} candidate(s) screened",
    "Revisionsspor: kørsel {run} i {path}": "Audit trail: run {run} in {path}",
    "Screenet: {screened} · foreslået knock-out: {knocked} · utilstrækkeligt belyst: "
    "{unassessed} · "
    "ugyldige poster: {invalid}": "Screened: {screened} · proposed knock-out: {knocked} · "
    "too little evidence: {unassessed} · invalid records: {invalid}",
    "Videre": "Goes on", "Uafgjort om sidste plads": "Tied for the last place",
    "Ikke videre": "Does not go on",
    "Foreslået knock-out (afventer menneskelig vurdering)":
        "Proposed knock-out (awaiting a person's review)",
    "Forslag": "Proposal", "Begrundelse": "Reason",
    "Shortlist: {take} af {total} til næste runde efter {stage} ({profile} v{version})":
        "Shortlist: {take} of {total} to the next round after {stage} ({profile} v{version})",
    "{count} kandidater står lige om de sidste {places} plads(er): udvalget vælger.":
        "{count} candidates are tied for the last {places} place(s): the committee chooses.",
    "score {score}, dækning {coverage} %": "score {score}, coverage {coverage} %",
    "stærkest": "strongest", "krav ikke belyst": "requirements not assessed",
    "foreslået knock-out": "proposed knock-out", "uenige kilder": "sources disagree",
    # screening trace
    "Kilde {document}: {path}": "Source {document}: {path}",
    "Citater fundet: {found} af {total}": "Quotes found: {found} of {total}",
    "  {rule_file}:{line}: {owner}: fundet på linje {found}":
        "  {rule_file}:{line}: {owner}: found on line {found}",
    "  {rule_file}:{line}: {owner}: citatet findes ikke i kilden: \"{quote}\"":
        "  {rule_file}:{line}: {owner}: the quote is not in the source: \"{quote}\"",
    "    nærmeste (linje {line}): \"{passage}\"": "    nearest (line {line}): \"{passage}\"",
    "Udsagn, der stiller krav: {total}; redegjort for: {done} ({share} %)":
        "Statements that ask something: {total}; accounted for: {done} ({share} %)",
    "  {document}:{line}: intet kriterium og ingen set_aside ({kind}){section}: {passage}":
        "  {document}:{line}: no criterion and no set_aside ({kind}){section}: {passage}",
    "punkt": "bullet", "nummereret punkt": "numbered item", "sætning": "sentence",
    # screening fields
    "Samling": "Collection", "Felt": "Field", "Type": "Type", "Betydning": "Meaning",
    "Tilladte værdier": "Allowed values", "Operatorer": "Operators",
    # screening new
    "skrev {path}": "wrote {path}",
    "{count} kriterier ({krav} krav); se hovedkommentaren for det, der skal besluttes":
        "{count} criteria ({krav} krav); the header comment lists what is still to decide",
}


def set_language(language: str | None) -> None:
    """Choose the language for this run: the option, else SCREENING_LANG, else Danish."""
    chosen = language or os.environ.get("SCREENING_LANG") or "da"
    _language.set(chosen if chosen in LANGUAGES else "da")


def language() -> str:
    return _language.get()


def decimal(text: str) -> str:
    """A formatted number with the decimal mark of the chosen language."""
    return text.replace(".", ",") if _language.get() == "da" else text


def t(text: str, **values) -> str:
    """`text` (Danish) in the chosen language, with `values` filled in."""
    template = EN.get(text, text) if _language.get() == "en" else text
    return template.format(**values) if values else template
