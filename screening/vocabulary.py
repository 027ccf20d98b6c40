"""The tool's own words, once: statuses, categories, priorities, bands, stages and decision
kinds, each a code with its label in Danish and English; and the one "did you mean" helper.

Codes are what files, the engine and the audit trail store (`ikke_belyst`,
`knockout_foreslået`); labels are what a person reads, in the language of the run. Profile
text (criterion names, quotes, a profile's own band labels) is the consultancy's and is not
here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial

from .i18n import language
from .messages import Message, message


@dataclass(frozen=True)
class Term:
    """One word of the tool in both languages; str() gives it in the chosen language."""

    da: str
    en: str

    def __str__(self) -> str:
        return self.said(language())

    def said(self, language: str) -> str:
        """The word in `language`."""
        return self.en if language == "en" else self.da


# a criterion's status, in the order tables count them
STATUSES: dict[str, Term] = {
    "opfyldt": Term("opfyldt", "met"),
    "delvist": Term("delvist opfyldt", "partly met"),
    "ikke_opfyldt": Term("ikke opfyldt", "not met"),
    "ikke_belyst": Term("ikke belyst", "not assessed"),
}

# the three categories of competency a profile sorts its criteria into
CATEGORY_TITLES: dict[str, Term] = {
    "faglige": Term("Faglige kompetencer", "Professional competencies"),
    "ledelsesmæssige": Term("Ledelsesmæssige kompetencer", "Leadership competencies"),
    "personlige": Term("Personlige kompetencer", "Personal competencies"),
}
CATEGORY_SHORT: dict[str, Term] = {  # table headers
    "faglige": Term("Faglig", "Professional"),
    "ledelsesmæssige": Term("Ledelse", "Leadership"),
    "personlige": Term("Personlig", "Personal"),
}

# krav and ønske: a requirement (a knock-out when not met) and a wish (points only)
PRIORITIES: dict[str, Term] = {
    "krav": Term("krav", "requirement"),
    "ønske": Term("ønske", "wish"),
}

# the recommendations the tool gives itself; a profile's own bands keep the profile's words
KNOCKOUT_BAND = "knockout_foreslået"
PARTLY_MET_KNOCKOUT_BAND = "knockout_delvist"  # a label only: results store KNOCKOUT_BAND
SPARSE_BAND = "utilstrækkeligt_belyst"
PENDING_BAND = "afventer_belysning"
BANDS: dict[str, Term] = {
    KNOCKOUT_BAND: Term("Krav ikke opfyldt: foreslået knock-out til vurdering",
                        "Requirement not met: proposed knock-out for review"),
    PARTLY_MET_KNOCKOUT_BAND: Term(
        "Krav kun delvist opfyldt: foreslået knock-out til vurdering",
        "Requirement only partly met: proposed knock-out for review"),
    SPARSE_BAND: Term("Utilstrækkeligt belyst", "Insufficient evidence"),
    PENDING_BAND: Term("Afventer belysning", "Awaiting evidence"),
}

# how a profile combines one competency's assessments from several sources (scoring.assessment)
COMBINES: dict[str, Term] = {
    "min": Term("den laveste", "the lowest"),
    "mean": Term("gennemsnittet", "the mean"),
    "max": Term("den højeste", "the highest"),
}

# the stages of a recruitment, named by the source of evidence each one adds
STAGES: dict[str, Term] = {  # Danish: the ids themselves, which the options and files use
    "ansøgning": Term("ansøgning", "application"),
    "samtale1": Term("samtale1", "first interview"),
    "test": Term("test", "test"),
    "reference": Term("reference", "references"),
    "samtale2": Term("samtale2", "second interview"),
}

# what a person decides about a candidate (screening decide), and what follows from it
OUTCOMES: dict[str, Term] = {
    "advances": Term("går videre", "goes on"),
    "stops": Term("går ikke videre", "does not go on"),
}
DECISIONS: dict[str, Term] = {
    "confirm": Term("foreslået knock-out bekræftet", "proposed knock-out confirmed"),
    "override": Term("foreslået knock-out underkendt", "proposed knock-out overridden"),
}


def label(terms: Mapping[str, Term], code: str) -> str:
    """The label of `code` in the chosen language; a code the tool has no word for (a
    profile's own band, a value from a newer version) as it is."""
    term = terms.get(code)
    return str(term) if term is not None else code


# for the papers' templates: each takes a code and gives its label
TEMPLATE_LABELS = {
    "status": partial(label, STATUSES), "priority": partial(label, PRIORITIES),
    "category_title": partial(label, CATEGORY_TITLES),
    "category_short": partial(label, CATEGORY_SHORT), "stage_label": partial(label, STAGES),
}


def recommendation(band_label: str) -> str:
    """A result's recommendation label: the tool's own in the chosen language, a profile's
    band as the profile words it."""
    term = next((term for term in BANDS.values() if term.da == band_label), None)
    return str(term) if term is not None else band_label

# How alike a name must be to one we know to be offered (difflib's ratio, 0-1). 0.6 keeps
# one typo in a short id ('ledre' for 'ledere') and drops words that merely share a prefix.
SUGGESTION_CUTOFF = 0.6


def did_you_mean(name: str, known: Iterable[str], most: int = 1) -> Message | str:
    """" (did you mean 'x'?)" for the `most` known names nearest to `name`; "" if none is
    near enough."""
    import difflib  # here: the command line starts without it

    close = difflib.get_close_matches(name, list(known), n=most, cutoff=SUGGESTION_CUTOFF)
    if not close:
        return ""
    return message("did_you_mean", names=", ".join(f"'{c}'" for c in close))
