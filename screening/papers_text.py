"""English for the committee's papers (report, guide, sheets), added to `i18n.EN` on import.

Kept beside the papers rather than in i18n.py so that the papers' many labels stay together.
"""

from __future__ import annotations

from .i18n import EN

EN_PAPERS: dict[str, str] = {
    # the HTML report
    "Rapport til ansættelsesudvalget": "Report for the hiring committee",
    "Stadie": "Stage", "Vurderet pr.": "As of", "Profil": "Profile",
    "Revisionsspor": "Audit trail", "Kørsel": "Run", "Screenet": "Screened", "af": "by",
    "Revisionsspor: {path}": "Audit store: {path}",
    "Regelfiler": "Rule files", "Fil": "File",
    "Ingen kørsel i revisionssporet giver netop disse resultater. Hashværdierne herunder er "
    "beregnet nu af regelfilerne, som de er; kør `screening screen` for at gemme kørslen.":
        "No run in the audit trail gives exactly these results. The hashes below are computed "
        "now from the rule files as they are; run `screening screen` to record the run.",
    "Kravene og ønskerne i profilen": "The profile's requirements and wishes",
    "krav": "requirement", "ønske": "wish", "Afsnit": "Section", "Vægt": "Weight",
    "Placering": "Ranking", "Sammenligning": "Comparison",
    "Score og dækning pr. kandidat": "Score and coverage per candidate",
    "Kriterier efter kategori og status: {id}": "Criteria by category and status: {id}",
    "Kriterier": "Criteria", "Kategori": "Category", "Prioritet": "Priority",
    "Kriterium": "Criterion", "Status": "Status", "Point": "Points",
    "Uenige kilder": "Sources disagree",
    "Ingen foreslåede knock-outs.": "No proposed knock-outs.",
    "Beslutninger": "Decisions",
    "bekræftet": "confirmed", "underkendt": "overridden",
    "Beslutning (udfyldes af ansættelsesudvalget)":
        "Decision (to be filled in by the hiring committee)",
    "Bekræftet / underkendt, begrundelse, dato, underskrift":
        "Confirmed / overridden, reason, date, signature",
    "Ingen beslutning i revisionssporet endnu.": "No decision in the audit trail yet.",
    "Ikke belyst endnu": "Not assessed yet", "Alt er belyst.": "Everything is assessed.",
    "Uenighed mellem kilderne": "Sources disagree",
    "Sikret": "Secured", "Muligt": "Possible",
    # the interview guide
    "krav kun delvist opfyldt": "requirement only partly met",
    "Interviewguide til {stage}": "Interview guide for {stage}",
    "{organisation}, profil {profile} v{version}; grundlag: evidens til og med {stage}.":
        "{organisation}, profile {profile} v{version}; based on the evidence up to {stage}.",
    "Score {score}, dækning {coverage} %. {count} kriterier at afklare.":
        "Score {score}, coverage {coverage} %. {count} criteria to settle.",
    "Intet at afklare: alle kriterier er belyst, kilderne er enige, og ingen krav er kun "
    "delvist opfyldt.": "Nothing to settle: every criterion is assessed, the sources agree "
    "and no requirement is only partly met.",
    "Hvorfor": "Why", "nu": "now", "Kan belyses ved": "Can be assessed at",
    "Spørgsmål": "Questions",
    "Profilen giver ingen spørgsmål til dette kriterium.":
        "The profile gives no questions for this criterion.",
    # spreadsheets
    "Navn": "Name", "Kilde": "Source", "Bedømmer": "Assessor",
    "Vurderinger {stage}: {title} ({profile} v{version}). Skriv en score fra 1 til 5; lad "
    "feltet stå tomt, hvis kompetencen ikke er vurderet.":
        "Assessments {stage}: {title} ({profile} v{version}). Write a score from 1 to 5; leave "
        "the cell empty where the competency was not assessed.",
    "Score fra 1 til 5": "Score from 1 to 5",
    "Skriv et helt tal fra 1 til 5, eller lad feltet stå tomt.":
        "Write a whole number from 1 to 5, or leave the cell empty.",
    "{path}: {count} vurdering(er)": "{path}: {count} assessment(s)",
    "Læst ind: {scores} vurdering(er) til {records} kandidat(er).":
        "Imported: {scores} assessment(s) for {records} candidate(s).",
}
EN.update(EN_PAPERS)
