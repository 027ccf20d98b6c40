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
    # statuses, categories, priorities, bands, stages and decisions: see vocabulary.py
    "ikke belyst": "not assessed",
    # the table
    "Nr.": "Rank", "Kandidat": "Candidate", "Score": "Score", "Dækning": "Coverage",
    "Opf./delv./ikke/ubel.": "Met/partly/not/unassessed",
    "Foreslåede knock-outs": "Proposed knock-outs", "Anbefaling": "Recommendation",
    "stadie": "stage",
    # explanations
    "{what}: ikke oplyst": "{what}: not given",
    "{item} ({title}) mangler {fields}": "{item} ({title}) lacks {fields}",
    "ingen vurdering af '{competency}' fra {sources}":
        "no assessment of '{competency}' by {sources}",
    "ingen": "none",
    "Kandidat {id}: {title}, {organisation} ({profile} v{version})":
        "Candidate {id}: {title}, {organisation} ({profile} v{version})",
    "Kandidat {id}, {title} ({profile} v{version}), stadie: {stage}, vurderet pr. {as_of}":
        "Candidate {id}, {title} ({profile} v{version}), stage: {stage}, assessed as of {as_of}",
    "Stadie: {stage} (vurderinger fra {sources}); vurderet pr. {as_of}":
        "Stage: {stage} (assessments from {sources}); assessed as of {as_of}",
    "Placering: {rank} af {total}. Score {score} af 100 sikret af evidensen, op til {possible} "
    "muligt, hvis alt ikke belyst eller kun foreløbigt vurderet viser sig opfyldt; dækning "
    "{coverage} % af vægten.":
        "Rank: {rank} of {total}. Score {score} of 100 secured by the evidence, up to {possible} "
        "possible if everything not assessed or only provisionally judged turns out met; "
        "coverage {coverage} % of the weight.",
    "Placering: {rank} af {total}.": "Rank: {rank} of {total}.",
    "Deler placeringen med {ids}: samme sikrede og mulige score.":
        "Shares the rank with {ids}: the same secured and possible score.",
    "Anbefaling: {label}.": "Recommendation: {label}.",
    "Foreslåede knock-outs (skal bekræftes eller underkendes af et menneske): {ids}.":
        "Proposed knock-outs (to be confirmed or overridden by a person): {ids}.",
    "Foreslåede knock-outs: ingen.": "Proposed knock-outs: none.",
    "Foreslåede knock-outs (et menneske har taget stilling): {ids}.":
        "Proposed knock-outs (a person has decided): {ids}.",
    "Ikke belyst endnu ({count}): {ids}": "Not assessed yet ({count}): {ids}",
    ". Kommende kilder: {sources}.": ". Sources still to come: {sources}.",
    "Foreløbigt vurderet, kan endnu give flere point ({count}): {ids}.":
        "Judged provisionally, may yet earn more points ({count}): {ids}.",
    "Foreløbigt vurderet, kan endnu give flere point":
        "Judged provisionally, may yet earn more points",
    "Uenige kilder: {ids}.": "Sources disagree: {ids}.",
    "Værktøjet anbefaler; ansættelsesudvalget beslutter.":
        "The tool recommends; the hiring committee decides.",
    "{title} (score {score}, dækning {coverage} %)": "{title} (score {score}, coverage "
                                                    "{coverage} %)",
    "ingen point": "no points",
    "{points} af {max} point": "{points} of {max} points",
    ", op til {reach} muligt": ", up to {reach} possible",
    "Profilen": "Profile", "Regel": "Rule", "Grundlag": "Evidence", "Mangler": "Missing",
    "Uenighed: kilderne vurderer kompetencen markant forskelligt; drøft vurderingerne før der "
    "lægges vægt på resultatet.": "Disagreement: the sources rate the competency very "
    "differently; discuss the assessments before relying on the result.",
    "Opfyldt, hvis": "Met if", "Delvist opfyldt, hvis": "Partly met if",
    "Foreslået knock-out: kravet er ikke opfyldt på det foreliggende grundlag. Et menneske "
    "bekræfter eller underkender med en begrundelse.": "Proposed knock-out: the requirement "
    "is not met on the evidence so far. A person confirms or overrides it, with a reason.",
    # the JSON Schemas editors read
    "Regelfil: profil eller modul (screening)": "Rule file: profile or module (screening)",
    "Kandidatpost (screening)": "Candidate record (screening)",
    "Øverste niveau af en regelfil: en profil har `profile:`, et modul har `module:`.":
        "Top level of a rule file: a profile has `profile:`, a module has `module:`.",
    "Hvordan en samlet vurdering på 1-5 bliver til en status.":
        "How an aggregated 1-5 assessment score maps to a status.",
    "En lint-kode, som kriteriet bevidst bryder, og begrundelsen på én linje, som "
    "`profile show` viser.": "A lint code the criterion knowingly breaks, and the one-line "
    "reason `profile show` prints.",
    "Et udsagn i teksten, der bevidst ikke er et kriterium, og hvorfor.":
        "A statement of the text deliberately not made a criterion, and why.",
    "Alt, hvad der vides om én kandidat. En sektion, der mangler, betyder \"ikke kendt "
    "endnu\".": "Everything known about one candidate. A missing section means \"not known "
    "yet\".",
    "Personoplysninger, holdt for sig, så de kan udelades af rapporter og slettes.":
        "Personal data, kept apart so it can be left out of reports and erased.",
    "Det, CV'et oplyste ved sidste import (screening import jsonresume), så den næste kan "
    "skelne konsulentens rettelser fra CV'ets ændringer. Ingen regel læser det.":
        "What the CV gave at its last import (screening import jsonresume), so that the next "
        "tells the consultant's edits from the CV's changes. No rule reads it.",
    "; værdier: {values}": "; values: {values}",
    "; operatorer: {operators}": "; operators: {operators}",
    # command line
    "fejl": "error", "advarsel": "warning", "intern fejl": "internal error",
    "Screener": "Screening",  # the progress bar of `screen` on a terminal
    "Afbrudt.": "Interrupted.",
    "{count} fil(er) sprunget over; {valid} kandidat(er) screenes":
        "{count} file(s) skipped; {valid} candidate(s) screened",
    "Revisionsspor: kørsel {run} i {path}": "Audit trail: run {run} in {path}",
    "Screenet: {screened} · foreslået knock-out: {knocked} · utilstrækkeligt belyst: "
    "{unassessed} · "
    "ugyldige poster: {invalid}": "Screened: {screened} · proposed knock-out: {knocked} · "
    "insufficient evidence: {unassessed} · invalid records: {invalid}",
    "Videre": "Goes on", "Uafgjort om sidste plads": "Tied for the last place",
    "Uafgjort om de sidste pladser": "Tied for the last places",
    "Ikke videre": "Does not go on",
    "Foreslået knock-out (afventer menneskelig vurdering)":
        "Proposed knock-out (awaiting a person's review)",
    "Forslag": "Proposal", "Begrundelse": "Reason",
    "Shortlist: {take} af {total} til næste runde efter {stage} ({profile} v{version})":
        "Shortlist: {take} of {total} to the next round after {stage} ({profile} v{version})",
    "{count} kandidater står lige om den sidste plads: udvalget vælger.":
        "{count} candidates are tied for the last place: the committee chooses.",
    "{count} kandidater står lige om de sidste {places} pladser: udvalget vælger.":
        "{count} candidates are tied for the last {places} places: the committee chooses.",
    "score {score}, dækning {coverage} %": "score {score}, coverage {coverage} %",
    "stærkest": "strongest", "krav ikke belyst": "requirements not assessed",
    "krav, kommende kilder kan opfylde": "requirements the sources to come may meet",
    "foreslået knock-out": "proposed knock-out", "uenige kilder": "sources disagree",
    # the score as a range, krav met only in part
    "Score (sikret–mulig)": "Score (secured–possible)",
    "kun delvist": "only partly",
    "Scoren kan ende fra '{low}' til '{high}'; den næste evidens afgør det.":
        "The score can end anywhere from '{low}' to '{high}'; the next evidence decides.",
    "Krav ikke belyst endnu: {ids}; et krav, der ikke er fuldt opfyldt, er et foreslået "
    "knock-out.":
        "Requirements not yet assessed: {ids}; a requirement not fully met is a proposed "
        "knock-out.",
    "Krav ikke fuldt opfyldt endnu, som de kommende kilder kan nå at opfylde: {ids}; "
    "forbliver et af dem ikke fuldt opfyldt, er det et foreslået knock-out.":
        "Requirements not yet fully met that the sources still to come may yet meet: {ids}; "
        "one that stays not fully met is a proposed knock-out.",
    "Foreslået knock-out: kravet er kun delvist opfyldt på det foreliggende grundlag, og et krav "
    "skal være opfyldt. Et menneske bekræfter eller underkender med en begrundelse.":
        "Proposed knock-out: the requirement is only partly met on the evidence so far, and a "
        "requirement must be met. A person confirms or overrides it, with a reason.",
    "Foreslået knock-out: kravet er ikke opfyldt på det foreliggende grundlag. Et menneske "
    "har taget stilling; se beslutningen.":
        "Proposed knock-out: the requirement is not met on the evidence so far. A person has "
        "decided; see the decision.",
    "Foreslået knock-out: kravet er kun delvist opfyldt på det foreliggende grundlag, og et krav "
    "skal være opfyldt. Et menneske har taget stilling; se beslutningen.":
        "Proposed knock-out: the requirement is only partly met on the evidence so far, and a "
        "requirement must be met. A person has decided; see the decision.",
    # decisions (screening decide, and where standing decisions are shown)
    "{what}: {by}, {when}: {reason}": "{what}: {by}, {when}: {reason}",
    "Beslutning registreret (post {seq}): {candidate} {outcome}.":
        "Decision recorded (entry {seq}): {candidate} {outcome}.",
    "vælg netop én af --confirm, --override, --advance og --stop":
        "choose exactly one of --confirm, --override, --advance and --stop",
    "--only-knockouts og --hide-knockouts udelukker hinanden":
        "--only-knockouts and --hide-knockouts exclude each other",
    "--format xlsx skriver et regneark og kræver --out FIL":
        "--format xlsx writes a spreadsheet and needs --out FILE",
    "--detail og --decimal gælder kun --format csv":
        "--detail and --decimal apply only to --format csv",
    "--top kræver en placering; jsonl skrives løbende uden; brug json eller csv":
        "--top needs a ranking; jsonl is written as it comes, unranked; use json or csv",
    "en beslutning kræver --reason: den skal begrundes (forvaltningsloven §§ 22-24)":
        "a decision needs --reason: it must be reasoned (Danish Public Administration Act "
        "§§ 22-24)",
    "en beslutning kræver en navngiven person: --operator NAVN (eller SCREENING_OPERATOR; "
    "--operator alene bruger brugernavnet)": "a decision needs a named person: --operator "
    "NAME (or SCREENING_OPERATOR; --operator alone uses the user name)",
    "Besluttet: {decision}": "Decided: {decision}",
    "Stående beslutning: {decision}": "Standing decision: {decision}",
    "Stående beslutninger ({source}):": "Standing decisions ({source}):",
    "Tidligere beslutning: {decision}": "Earlier decision: {decision}",
    "Tidligere beslutninger, på andet grundlag:": "Earlier decisions, on other evidence:",
    "{decided}, på andet grundlag ({stage}, {as_of}; en anden udgave af posten)":
        "{decided}, on other evidence ({stage}, {as_of}; another version of the record)",
    "{decided}, på andet grundlag ({stage}, {as_of}; en anden udgave af profilen)":
        "{decided}, on other evidence ({stage}, {as_of}; another version of the profile)",
    "{decided}, på andet grundlag ({stage}, {as_of})":
        "{decided}, on other evidence ({stage}, {as_of})",
    "Afventer menneskelig vurdering: utilstrækkeligt belyst":
        "Awaiting a person's decision: insufficient evidence",
    "Videre (besluttet)": "Goes on (decided)", "Ikke videre (besluttet)":
        "Does not go on (decided)",
    "kørsel {run}": "run {run}",
    # lint, test, profiles
    "Fundet {count}: {errors} fejl, {warnings} advarsler i {files} fil(er).":
        "Found {count}: {errors} error(s), {warnings} warning(s) in {files} file(s).",
    "Ingen fund i {files} fil(er).": "Nothing found in {files} file(s).",
    "ingen regelfiler i {folder}/": "no rule files in {folder}/",
    "Fundet {count} problem(er) i {files} fil(er).":
        "Found {count} problem(s) in {files} file(s).",
    "bestået": "passed", "FEJLET": "FAILED", "Scenarie": "Scenario", "Resultat": "Result",
    "Fejlende trin": "Failing step", "Forventet / fundet": "Expected / found",
    "{passed} bestået, {failed} fejlet i {files} fil(er).":
        "{passed} passed, {failed} failed in {files} file(s).",
    "sprunget over": "skipped",
    "{passed} bestået, {failed} fejlet, {skipped} sprunget over i {files} fil(er).":
        "{passed} passed, {failed} failed, {skipped} skipped in {files} file(s).",
    "(fejl i regelfilen: {where} {code})": "(error in the rule file: {where} {code})",
    "Id": "Id", "Titel": "Title",
    "Organisation": "Organisation", "Version": "Version", "Krav": "Requirements",
    "Ønsker": "Wishes",
    # the audit trail (screening audit)
    "Tidspunkt": "Time", "Af": "By", "Kommando": "Command",
    "Foreslået knock-out": "Proposed knock-out",
    "Kørsel {run}: {created} af {operator} med {command}; {profile} v{version} (sha256 "
    "{sha256}); stadie {stage}, dato {as_of}; screening {screening}, durable-rules "
    "{durable_rules}":
        "Run {run}: {created} by {operator} with {command}; {profile} v{version} (sha256 "
        "{sha256}); stage {stage}, as of {as_of}; screening {screening}, durable-rules "
        "{durable_rules}",
    "Profil: {title}, {organisation} ({id} v{version}, regler sha256 {sha256})":
        "Profile: {title}, {organisation} ({id} v{version}, rules sha256 {sha256})",
    "Screenet {screened} af {by} med {command}, stadie {stage}, dato for vurdering {as_of}, "
    "kørsel {run}.":
        "Screened {screened} by {by} with {command}, stage {stage}, assessed as of {as_of}, "
        "run {run}.",
    "sikret–muligt": "secured–possible",
    "Score {score} af 100{ranged}, dækning {coverage} %. Anbefaling: {recommendation}. "
    "Foreslåede knock-outs: {knockouts}.": "Score {score} of 100{ranged}, coverage "
    "{coverage} %. Recommendation: {recommendation}. Proposed knock-outs: {knockouts}.",
    "erstattet": "superseded", "Post": "Entry",
    "Ingen endnu: en person beslutter, om kandidaten går videre.":
        "None yet: a person decides whether the candidate goes on.",
    "brud": "break", "Kæden er brudt: {count} fund.": "The chain is broken: {count} finding(s).",
    "Kæden er hel: {entries} poster, hoved {head}":
        "The chain is whole: {entries} entries, head {head}",
    "Ingen forskelle: samme resultat for alle kandidater og kriterier.":
        "No differences: the same result for every candidate and criterion.",
    "Hvad": "What", "Før": "Before", "Nu": "Now",
    "Personoplysninger om {candidate} slettet fra {count} kørsel(er).":
        "Personal data of {candidate} erased from {count} run(s).",
    "seneste på samme profil, stadie og post": "latest on the same profile, stage and record",
    # screening fairness
    "Udvælgelsesrater pr. gruppe i kørsel {run}": "Selection rates per group in run {run}",
    "Udfaldene er værktøjets forslag, undtagen de sidste, der tæller personers beslutninger. "
    "Raten er andelen med udfaldet blandt de kandidater, hvis udfald er afklaret; de "
    "uafklarede står for sig og tæller hverken med eller imod.":
        "The outcomes are the tool's proposals, but for the last ones, which count people's "
        "decisions. The rate is the share with the outcome among the candidates whose outcome "
        "is settled; the unsettled stand apart and count neither for nor against.",
    "på shortlisten (top {take}) efter personers beslutninger":
        "on the shortlist (top {take}) after people's decisions",
    "en foreslået knock-out eller for lidt evidens, ingen person har afgjort endnu":
        "a proposed knock-out or too little evidence nobody has decided yet",
    "{count} kandidat(er) har en stående beslutning truffet af en person; beslutningerne "
    "tæller med i udfaldene efter personers beslutninger, ikke i værktøjets forslag":
        "{count} candidate(s) have a standing decision made by a person; the decisions count "
        "in the outcomes after people's decisions, not in the tool's proposals",
    "{count} kandidat(er) har kun en beslutning truffet på andet grundlag (i en kørsel på et "
    "andet stadie, en anden dato eller en anden udgave af posten eller profilen); den står ikke "
    "på denne kørsels grundlag og tæller ikke med":
        "{count} candidate(s) have only a decision made on other evidence (in a run at another "
        "stage, date or version of the record or profile); it does not stand on this run's "
        "evidence and is not counted",
    "Uafklarede": "Unsettled",
    "{outcome}: {count} kandidat(er) har endnu intet afklaret udfald ({why}) og tæller ikke "
    "med i raterne; de står under Uafklarede":
        "{outcome}: {count} candidate(s) have no settled outcome yet ({why}) and are not "
        "counted in the rates; they stand under Unsettled",
    "et krav endnu ikke belyst, eller et, kommende kilder kan opfylde":
        "a requirement not yet assessed, or one the sources still to come may meet",
    "utilstrækkeligt belyst: værktøjet foreslår intet":
        "insufficient evidence: the tool proposes nothing",
    "afventer belysning eller utilstrækkeligt belyst: endnu ingen anbefaling":
        "awaiting evidence or insufficient evidence: no recommendation yet",
    "ingen foreslået knock-out": "no proposed knock-out",
    "går videre efter personers beslutninger": "goes on after people's decisions",
    "foreslået knock-out underkendt af en person (blandt de foreslåede)":
        "proposed knock-out overridden by a person (of those proposed)",
    "en foreslået knock-out, ingen person har afgjort endnu, et krav endnu ikke belyst eller "
    "for lidt evidens til et forslag":
        "a proposed knock-out nobody has decided yet, a requirement not yet assessed or too "
        "little evidence for a proposal",
    "ingen person har afgjort den foreslåede knock-out endnu":
        "nobody has decided the proposed knock-out yet",
    "på shortlisten (top {take})": "on the shortlist (top {take})",
    "anbefaling '{label}' eller bedre": "recommendation '{label}' or better",
    "Gruppe": "Group", "Antal": "Candidates", "Med udfaldet": "With the outcome",
    "Rate": "Rate", "Forhold": "Impact ratio", "4/5-reglen": "Four-fifths rule",
    "p (Fisher)": "p (Fisher)", "under 4/5": "below 4/5", "skjult": "hidden",
    "{attribute}: {groups} vises uden tal: {why}":
        "{attribute}: {groups} shown without figures: {why}",
    "tallene for en gruppe under {n} kandidater, eller tal, hvorfra sammen med andre tabellers "
    "tallene for færre end {n} kunne regnes ud, ville vise, hvordan det gik den enkelte":
        "the figures of a group of fewer than {n} candidates, or figures from which, with other "
        "tables', those of fewer than {n} could be worked out, would show what happened to the "
        "individual",
    "sammen med de andre tal og kørslens totaler ville tallene vise en del af kørslen, hvor "
    "alle eller ingen med afklaret udfald havde udfaldet, og dermed hvordan det gik hver "
    "enkelt i den; om en gruppe blev behandlet anderledes, kan her ikke vises uden at vise det":
        "with the other figures and the run's totals the figures would show a part of the run "
        "where everyone or no one with a settled outcome had the outcome, and so what happened "
        "to each one in it; whether a group was treated differently cannot be shown here "
        "without showing that",
    "ingen foreslået knock-out i kørslen: ingen at underkende, så der er ingen tabel over "
    "underkendte knock-outs":
        "no proposed knock-out in the run: none to override, so there is no table of "
        "overridden knock-outs",
    "{attribute}: grupperne {groups} har under {n} kandidater med afklaret udfald; for få til "
    "at konkludere noget om forskelsbehandling": "{attribute}: the groups {groups} have fewer "
    "than {n} candidates with a settled outcome; too few to conclude anything about unequal "
    "treatment",
    "{attribute}: gruppen {groups} har under {n} kandidater med afklaret udfald; for få til at "
    "konkludere noget om forskelsbehandling": "{attribute}: the group {groups} has fewer than "
    "{n} candidates with a settled outcome; too few to conclude anything about unequal "
    "treatment",
    "{count} kandidat(er) i kørslen står ikke i gruppefilen og er ikke talt med: {ids}":
        "{count} candidate(s) of the run are not in the groups file and are not counted: {ids}",
    "{count} id('er) i gruppefilen er ikke i kørslen: {ids}":
        "{count} id(s) in the groups file are not in the run: {ids}",
    "{attribute}: {count} kandidat(er) har ikke oplyst det og er ikke talt med under det: "
    "{ids}": "{attribute}: {count} candidate(s) did not give it and are not counted under it: "
             "{ids}",
    # screening trace
    "Kilde {document}: {path}": "Source {document}: {path}",
    "Citater fundet: {found} af {total}": "Quotes found: {found} of {total}",
    "  {rule_file}:{line}:{column}: {owner}: fundet på linje {found}":
        "  {rule_file}:{line}:{column}: {owner}: found on line {found}",
    "  {rule_file}:{line}:{column}: {owner}: citatet findes ikke i kilden: \"{quote}\"":
        "  {rule_file}:{line}:{column}: {owner}: the quote is not in the source: \"{quote}\"",
    "    nærmeste (linje {line}): \"{passage}\"": "    nearest (line {line}): \"{passage}\"",
    "Udsagn, der stiller krav: {total}; redegjort for: {done} ({share} %)":
        "Statements that ask something: {total}; accounted for: {done} ({share} %)",
    "  {document}:{line}: intet kriterium og ingen set_aside ({kind}){section}: {passage}":
        "  {document}:{line}: no criterion and no set_aside ({kind}){section}: {passage}",
    "punkt": "bullet", "nummereret punkt": "numbered item", "sætning": "sentence",
    "tabelcelle": "table cell",
    # screening fields
    "Samling": "Collection", "Felt": "Field", "Type": "Type", "Betydning": "Meaning",
    "Tilladte værdier": "Allowed values", "Operatorer": "Operators",
    # screening new
    "skrev {path}": "wrote {path}",
    "uændret: {path}": "unchanged: {path}",
    "kriterier: {count} ({krav} krav); se hovedkommentaren for det, der skal besluttes":
        "criteria: {count} ({krav} krav); the header comment lists what is still to decide",
    # profile show
    "Kilde: {source}": "Source: {source}", "Regelfiler: {files}": "Rule files: {files}",
    "Vægte: krav {krav}, ønske {ønske}. Vurderinger 1-5: opfyldt fra {met}, delvist fra "
    "{partly}; flere kilders vurderinger samles til {krav_by} for krav og {ønske_by} for "
    "ønsker.":
        "Weights: requirement {krav}, wish {ønske}. Assessments 1-5: met from {met}, partly "
        "from {partly}; the assessments of several sources are combined into {krav_by} for "
        "requirements and {ønske_by} for wishes.",
    "Anbefaling: {bands}": "Recommendation: {bands}", "{label} fra {score}": "{label} from "
                                                                          "{score}",
    "alle kilder": "all sources", "vægt": "weight", "Evidens": "Evidence", "Note": "Note",
    "  Lint {code} accepteret: {reason}": "  Lint {code} accepted: {reason}",
    # assessments of competencies a profile does not declare
    "{count} vurdering(er) af kompetencer, som profilen ikke kender, er {what}":
        "{count} assessment(s) of competencies the profile does not know are {what}",
    "fejl (--strict)": "errors (--strict)",
    "ikke talt med (--strict gør dem til fejl)": "not counted (--strict makes them errors)",
    # the step catalogue (screening steps, screening test)
    "Givet": "Given", "Når": "When", "Så": "Then", "Trin": "Step",
    "Eksempler": "Examples", "Tabelnøgler": "Table keys", "som": "as",
    "dansk": "Danish", "engelsk": "English", "Trinbiblioteket": "The step library",
    "Nøgler i datatabellen": "Keys of the data table",
    "Genereret af `screening steps --format markdown`; ret trinene, ikke filen.":
        "Generated by `screening steps --format markdown`; edit the steps, not the file.",
    "Hvert trin har flere formuleringer; ét eksempel pr. formulering. Tal kan skrives med "
    "cifre eller ord (seks, tolv, tyve), stadier efter processen (på ansøgningstidspunktet, "
    "efter referencerne, til anden samtale), og kriterier ved id, navn eller en bid af "
    "navnet. 'Og' og 'Men' fortsætter typen fra linjen før. Engelske formuleringer gælder "
    "under `# language: en`.":
        "Each step has several phrasings; one example per phrasing. Numbers may be written "
        "in digits or words (six, twelve, twenty), stages by the process (at the application "
        "stage, after the references, for the second interview), and criteria by id, name or "
        "a piece of the name. 'And' and 'But' continue the kind of the line before. The "
        "English phrasings apply under `# language: en`.",
    "'Og' og 'Men' fortsætter typen fra linjen før. Et trin om \"ansøgeren\" gælder den "
    "senest beskrevne; et navn peger på en anden.":
        "'And' and 'But' continue the kind of the line before. A step about \"the "
        "applicant\" means the one described last; a name points at another.",
    "{count} trin kan ikke læses; de scenarier, der bruger dem, fejler.":
        "{count} step(s) cannot be read; the scenarios that use them fail.",
    "(kan ikke indlæses)": "(cannot be loaded)",
    "SCREENING_LANG er '{value}'; sprogene er {languages}":
        "SCREENING_LANG is '{value}'; the languages are {languages}",
    "findes": "present", "findes ikke": "absent",
    "'{id}' kan ikke være en profils id: små bogstaver, tal, - og _ (fx greve-direktor-2025)":
        "'{id}' cannot be a profile's id: lower case letters, digits, - and _ (e.g. "
        "greve-direktor-2025)",
    "kan ikke læses; se problemerne ovenfor": "cannot be read; see the problems above",
    # the committee's papers (report, guide, sheets)
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
    "Afsnit": "Section", "Vægt": "Weight",
    "Placering": "Ranking", "Sammenligning": "Comparison",
    "Score og dækning pr. kandidat": "Score and coverage per candidate",
    "Kriterier efter kategori og status: {id}": "Criteria by category and status: {id}",
    "Kriterier": "Criteria", "Kategori": "Category", "Prioritet": "Priority",
    "Kriterium": "Criterion", "Status": "Status", "Point": "Points", "Op til": "Up to",
    "Ingen foreslåede knock-outs.": "No proposed knock-outs.",
    "Beslutninger": "Decisions",
    "Beslutning": "Decision", "Besluttet": "Decided",
    "Ikke med: {inputs} kunne ikke læses som kandidatposter og er ikke screenet.":
        "Not included: {inputs} could not be read as candidate records and were not screened.",
    "Beslutning (udfyldes af ansættelsesudvalget)":
        "Decision (to be filled in by the hiring committee)",
    "Bekræftet / underkendt, begrundelse, dato, underskrift":
        "Confirmed / overridden, reason, date, signature",
    "Går videre / går ikke videre, begrundelse, dato, underskrift":
        "Goes on / does not go on, reason, date, signature",
    "Ingen beslutning i revisionssporet endnu.": "No decision in the audit trail yet.",
    "Ikke belyst endnu": "Not assessed yet", "Alt er belyst.": "Everything is assessed.",
    "Uenighed mellem kilderne": "Sources disagree",
    "Sikret": "Secured", "Muligt": "Possible",
    "{category} sikret": "{category} secured", "{category} muligt": "{category} possible",
    # the interview guide
    "krav kun delvist opfyldt": "requirement only partly met",
    "foreløbigt vurderet; kan endnu blive opfyldt":
        "judged provisionally; may yet be met",
    "foreløbigt vurderet; kan endnu blive delvist opfyldt":
        "judged provisionally; may yet be partly met",
    "Interviewguide til {stage}": "Interview guide for {stage}",
    "{organisation}, profil {profile} v{version}; grundlag: evidens til og med {stage}.":
        "{organisation}, profile {profile} v{version}; based on the evidence up to {stage}.",
    "Score {score}, dækning {coverage} %. {count} kriterier at afklare.":
        "Score {score}, coverage {coverage} %. {count} criteria to settle.",
    "Score {score}, dækning {coverage} %. {count} kriterium at afklare.":
        "Score {score}, coverage {coverage} %. {count} criterion to settle.",
    "Score {score}, dækning {coverage} %. {count} kriterier at afklare nu, {later} på et "
    "senere stadie.":
        "Score {score}, coverage {coverage} %. {count} criteria to settle now, {later} at a "
        "later stage.",
    "Score {score}, dækning {coverage} %. {count} kriterium at afklare nu, {later} på et "
    "senere stadie.":
        "Score {score}, coverage {coverage} %. {count} criterion to settle now, {later} at a "
        "later stage.",
    "Intet at afklare på dette stadie: det, der står åbent, afklares på et senere stadie "
    "(se nedenfor).":
        "Nothing to settle at this stage: what is open is settled at a later stage (see "
        "below).",
    "Afklares på et senere stadie": "Settled at a later stage",
    "Intet at afklare: alle kriterier er belyst, kilderne er enige, og ingen krav er kun "
    "delvist opfyldt.": "Nothing to settle: every criterion is assessed, the sources agree "
    "and no requirement is only partly met.",
    "Score {score}, dækning {coverage} %.": "Score {score}, coverage {coverage} %.",
    "Ingen spørgsmål: kandidaten går ikke videre efter beslutningen ovenfor.":
        "No questions: the candidate does not go on, by the decision above.",
    "Hvorfor": "Why", "nu": "now", "Kan belyses ved": "Can be assessed at",
    "Spørgsmål": "Questions",
    "Profilen giver ingen spørgsmål til dette kriterium.":
        "The profile gives no questions for this criterion.",
    # the guide as a Word document: a table of the questions, notes and scores to fill in
    "Noter": "Notes",
    "Score for {competency} (1–5)": "Score for {competency} (1–5)",
    "en kandidatpost, et scenarie nævner, skal ligge under mappen, kørslen starter i, eller "
    "ved siden af feature-filen": "a record file a scenario names must lie under the folder "
    "the run starts in, or beside the feature file",
    "miljøvariablen {name}='{value}' er ikke UTF-8-tekst: skriv den i UTF-8":
        "the environment variable {name}='{value}' is not UTF-8 text: write it in UTF-8",
    "argumentet '{argument}' er ikke UTF-8-tekst: skriv det i UTF-8, eller omdøb filen":
        "the argument '{argument}' is not UTF-8 text: type it in UTF-8, or rename the file",
    "--format docx skriver et Word-dokument og kræver --out FIL":
        "--format docx writes a Word document and needs --out FILE",
    # spreadsheets
    "Navn": "Name", "Kilde": "Source", "Bedømmer": "Assessor", "Vurderinger": "Assessments",
    "SAND": "TRUE", "FALSK": "FALSE",  # a logical cell, as Excel shows it in each language
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
    # what a failing scenario step says (bdd/steps.py, bdd/prose.py)
    "Vælg først en profil: Givet profilen \"id\"":
        "Choose a profile first: Givet profilen \"id\"",
    "Der er ingen kandidat endnu: skriv først Givet kandidaten \"id\"":
        "There is no candidate yet: first write Givet kandidaten \"id\"",
    "Kandidaterne er ikke screenet endnu: skriv Når kandidaten screenes":
        "The candidates are not screened yet: write Når kandidaten screenes",
    "Ingen kandidat med id '{wanted}' blev screenet; kendte: {known}":
        "No candidate with id '{wanted}' was screened; known: {known}",
    "Ingen kandidat hedder '{name}'; kendte: {known}":
        "No candidate is called '{name}'; known: {known}",
    "Kandidaten kan ikke indlæses:":
        "The candidate cannot be loaded:",
    "En stilling beskrives med rækker af felt og værdi: {row}":
        "A position is described by rows of field and value: {row}",
    "Ukendt felt '{name}' i stillingen; brug {known}":
        "Unknown field '{name}' in the position; use {known}",
    "Profilen har ingen kompetence '{competency}'":
        "The profile has no competency '{competency}'",
    "En vurdering går fra 1 til 5, ikke {score}":
        "An assessment goes from 1 to 5, not {score}",
    "Kandidaten '{id}' er ugyldig: {problem}":
        "The candidate '{id}' is invalid: {problem}",
    "Kriteriet '{criterion}' er '{status}' for '{candidate}', forventet '{expected}'.":
        "The criterion '{criterion}' is '{status}' for '{candidate}', expected '{expected}'.",
    "\nGrundlag: {grounds}":
        "\nEvidence: {grounds}",
    "\nMangler: {missing}":
        "\nMissing: {missing}",
    "Ukendt kategori '{category}'; brug {known}":
        "Unknown category '{category}'; use {known}",
    "Kategorien '{category}' har dækningen {coverage} % for '{candidate}', forventet ikke belyst":
        ("The category '{category}' has a coverage of {coverage} % for '{candidate}', expected "
         "not assessed"),
    "Kategorien '{category}' har scoren {score} for '{candidate}', forventet mindst {least}":
        ("The category '{category}' has the score {score} for '{candidate}', expected at least "
         "{least}"),
    ("Ingen foreslået knock-out på '{criterion}' for '{candidate}' (status: {status}); "
     "foreslåede: {proposed}"):
        ("No proposed knock-out on '{criterion}' for '{candidate}' (status: {status}); "
         "proposed: {proposed}"),
    "'{candidate}' har foreslåede knock-outs: {proposed}":
        "'{candidate}' has proposed knock-outs: {proposed}",
    "{what} er {actual} for '{candidate}', forventet {bound} {value}":
        "{what} is {actual} for '{candidate}', expected {bound} {value}",
    "Scoren":
        "The score",
    "Dækningen":
        "The coverage",
    "mindst":
        "at least",
    "højst":
        "at most",
    "over": "above", "under": "below",
    "Kilderne er uenige om '{criterion}' for '{candidate}' ({scores})":
        "The sources disagree on '{criterion}' for '{candidate}' ({scores})",
    "Kilderne er ikke uenige om '{criterion}' for '{candidate}' ({scores})":
        "The sources do not disagree on '{criterion}' for '{candidate}' ({scores})",
    "Forklaringen for '{candidate}' nævner ikke '{phrase}':":
        "The explanation for '{candidate}' does not mention '{phrase}':",
    "Anbefalingen for '{candidate}' er '{found}', forventet '{label}'":
        "The recommendation for '{candidate}' is '{found}', expected '{label}'",
    "'{better}' har scoren {a}, '{worse}' har {b}":
        "'{better}' has the score {a}, '{worse}' has {b}",
    "Rækkefølgen er {ranks}; forventet {wanted}":
        "The order is {ranks}; expected {wanted}",
    "Videre går {actual}; forventet {wanted}":
        "Going on: {actual}; expected {wanted}",
    " (uafgjort: {tied})":
        " (tied: {tied})",
    "Ingen eksempler i {folder}":
        "No examples in {folder}",
    "Intet entydigt eksempel '{name}'; kendte: {known}":
        "No one example is '{name}'; known: {known}",
    "'før det' kræver en stilling at gå ud fra: beskriv først den nuværende stilling":
        "'før det' needs a position to start from: describe the current position first",
    ("Scenariet siger både, at ansøgeren aldrig har arbejdet i det offentlige, og at ansøgeren "
     "har været i {public}"):
        ("The scenario says both that the applicant never worked in the public sector and that "
         "the applicant has been at {public}"),
    "Scenariet siger både ingen lederuddannelse og {led}":
        "The scenario says both no leadership education and {led}",
    "'{name}' er et {priority}, ikke et {wanted}":
        "'{name}' is a {priority}, not a {wanted}",
    "'{name}' er {status} for '{candidate}', forventet {expected}":
        "'{name}' is {status} for '{candidate}', expected {expected}",
    "Ikke alle krav er {status} for '{candidate}': {other}":
        "Not every requirement is {status} for '{candidate}': {other}",
    ("Udvalget har intet at tage stilling til for '{candidate}': ingen foreslåede knock-outs, "
     "ingen uenige kilder, og nok belyst til at værktøjet foreslår ({recommendation})"):
        ("The committee has nothing to decide for '{candidate}': no proposed knock-outs, no "
         "disagreeing sources, and enough evidence for the tool to propose "
         "({recommendation})"),
    ("'{name}' er {status} for '{candidate}', uden foreslået knock-out og uden uenige kilder; "
     "foreslåede knock-outs: {proposed}"):
        ("'{name}' is {status} for '{candidate}', with no proposed knock-out and no disagreeing "
         "sources; proposed knock-outs: {proposed}"),
    "Foreslået frasorteret: {out}":
        "Proposed for rejection: {out}",
    "Scenariet har intet Så-trin og kan derfor ikke fejle: skriv, hvad der forventes":
        "The scenario has no Then step and so cannot fail: write what is expected",
    "Feltet '{name}' kan ikke være '{value}'; skriv {expected}":
        "The field '{name}' cannot be '{value}'; write {expected}",
    "et tal med cifre eller ord": "a number in digits or words",
    "et tal (mio. kr.), fx 12,5": "a number (million DKK), e.g. 12.5",
    "ja eller nej": "ja or nej",
    "Af {total} ansøgere foreslås {count} frasorteret ({out}); forventet {expected} af "
    "{expected_total}": "Of {total} applicants, {count} proposed for rejection ({out}); "
                        "expected {expected} of {expected_total}",
    "Anbefalingen for '{candidate}' er '{found}'":
        "The recommendation for '{candidate}' is '{found}'",
    "'{candidate}' er ikke stoppet: anbefalingen er '{found}', og evidensen har endnu ikke "
    "afgjort, om ansøgeren går videre":
        "'{candidate}' has not been stopped: the recommendation is '{found}', and the "
        "evidence has not yet settled whether the applicant goes on",
    "Anbefalingen for '{candidate}' er '{found}', ikke utilstrækkeligt belyst (dækning "
    "{coverage} %)": "The recommendation for '{candidate}' is '{found}', not insufficiently "
                     "assessed (coverage {coverage} %)",
    "{category} er belyst for {coverage} % af vægten for '{candidate}'":
        "{category} are assessed for {coverage} % of the weight for '{candidate}'",
    "Forklaringen for '{candidate}' nævner '{phrase}':":
        "The explanation for '{candidate}' mentions '{phrase}':",
    "Bedst er {first}; forventet {wanted}": "The best is {first}; expected {wanted}",
    "Sidst er {last}; forventet {wanted}": "The last is {last}; expected {wanted}",
    "'{name}' er {status} for '{candidate}': {points}; forventet {expected}":
        "'{name}' is {status} for '{candidate}': {points}; expected {expected}",
    "op til {reach} point": "up to {reach} points",
    "ikke op til {reach} point": "not up to {reach} points",
    "foreløbigt vurderet": "judged provisionally",
    "ikke foreløbigt vurderet": "not judged provisionally",
    "flere point": "more points", "ingen flere point": "no more points",
    "'{candidate}' har en foreslået knock-out: skriv, om den bekræftes eller underkendes: "
    "'formanden underkender den foreslåede knock-out for …'":
        "'{candidate}' has a proposed knock-out: write whether it is confirmed or overridden: "
        "'the chair overrides the proposed knock-out of …'",
    "'{candidate}' har ingen foreslået knock-out at bekræfte eller underkende; skriv, om "
    "ansøgeren går videre: 'udvalget beslutter, at … går videre'":
        "'{candidate}' has no proposed knock-out to confirm or override; say whether the "
        "applicant goes on: 'the committee decides that … goes on'",
    "scenariet": "the scenario",
    "Udvalget har taget stilling til '{candidate}': {decision}":
        "The committee has decided on '{candidate}': {decision}",
    "'{candidate}': {decision}": "'{candidate}': {decision}",
    "Forklaringen for '{candidate}' viser en beslutning:":
        "The reasoning for '{candidate}' shows a decision:",
    "Beslutningen om '{candidate}' står på dette grundlag:":
        "The decision on '{candidate}' stands on this evidence:",
    "Forklaringen for '{candidate}' viser ingen beslutning:":
        "The reasoning for '{candidate}' shows no decision:",
    "'{candidate}' er nummer {rank}, forventet nummer {wanted}":
        "'{candidate}' is number {rank}, expected number {wanted}",
    "Trinnet nævner både {who} og {candidate}": "The step names both {who} and {candidate}",
    "'{name}' er {status} for '{candidate}'; foreslåede knock-outs: {proposed}":
        "'{name}' is {status} for '{candidate}'; proposed knock-outs: {proposed}",
    "En beslutning skal begrundes (forvaltningsloven §§ 22-24): skriv '… med begrundelsen "
    "\"…\"'": "A decision must give its reason (forvaltningsloven §§ 22-24): write '… "
                "because \"…\"'",
    "Pladserne er {places}; forventet {expected}": "The places are {places}; expected {expected}",
    "forskellige pladser": "different places", "samme plads": "the same place",
    "at dele {place}. pladsen": "to share place {place}",
    " og ": " and ",
    "Trinnet nævner {names} navne, men siger de {n} bedste":
        "The step names {names} names but says the top {n}",
    "De {n} bedste er {actual}; forventet {wanted}": "The top {n} are {actual}; expected {wanted}",
    " (uafgjort med {tied})": " (tied with {tied})",
    "Rækkefølge: {ranks}": "Order: {ranks}",
    "'{a}' er nummer {a_rank}, '{b}' nummer {b_rank}": "'{a}' ranks {a_rank}, '{b}' ranks {b_rank}",
    "stoppet efter {seconds} s": "stopped after {seconds} s",
    "(kørslen af filen gik ned)": "(the run of the file crashed)",
    "ingen krav, så intet udkast til scenarier": "no krav, so no draft scenarios",
    "Ikke talt med: {count} sætning(er) under overskrifter om formål, opgaver, ansvar eller "
    "rolle, som intet kræver af personen: de beskriver stillingen, ikke kandidaten (R10); citér "
    "en i et kriterium, hvis den skal screenes":
        "Not counted: {count} sentence(s) under headings on purpose, tasks, responsibilities or "
        "role that ask nothing of the person: they describe the post, not the candidate (R10); "
        "quote one in a criterion if it is to be screened",
    "  {document}:{line}: ikke talt med [{section}]: {passage}":
        "  {document}:{line}: not counted [{section}]: {passage}",
    # the comments and lint_ignore reasons of a draft rule file (screening/draft.py)
    "UDKAST skrevet af `screening new` ud fra {source}; kriterier: {count} ({krav} krav, "
    "{wishes} ønske(r)), ét pr. udsagn, der stiller krav. Hvert citat er kopieret fra teksten.":
        "DRAFT written by `screening new` from {source}; criteria: {count} ({krav} krav, "
        "{wishes} ønske(r)), one per statement that asks something. Every quote is copied from "
        "the text.",
    "Skal besluttes, før der screenes for alvor:": "Still to decide before screening for real:",
    # the draft's scenarios (a .feature file), in the Gherkin of the run's language
    "Egenskab: Udkast: {title}": "Feature: Draft: {title}",
    "Skrevet af `screening new`: ét scenarie pr. krav. Et krav vurderet lavt er en foreslået "
    "knock-out, som et menneske bekræfter eller underkender.":
        "Written by `screening new`: one scenario per krav. A krav rated low is a proposed "
        "knock-out that a person confirms or overrides.",
    "Baggrund:": "Background:",
    'Givet profilen "{profile}"': 'Given the profile "{profile}"',
    "Scenarie: {id}: kravet vurderet lavt er en foreslået knock-out":
        "Scenario: {id}: the krav rated low is a proposed knock-out",
    'Givet kandidaten "k"': 'Given the candidate "k"',
    'Og kandidaten er vurderet til 2 på "{competency}" i "samtale1"':
        'And the candidate is rated 2 on "{competency}" in "samtale1"',
    "Når kandidaten screenes": "When the candidate is screened",
    'Så er der foreslået knock-out på "{id}"': 'Then there is a proposed knock-out on "{id}"',
    # the draft's placeholders, written as the profile's values until the consultant fills them
    "Organisation (udfyld)": "Organisation (fill in)", "0.1-udkast": "0.1-draft",
    "Derefter: screening lint, screening trace, screen eksemplerne, screening test.":
        "Then: screening lint, screening trace, screen the examples, screening test.",
    "krav eller ønske og vægten af hvert kriterium: foreslået ud fra ordlyden, se "
    "kommentaren ved hvert":
        "krav or ønske and the weight of each criterion: proposed from the wording, see the "
        "comment at each",
    "hvordan hvert kriterium bedømmes: hvert er `assessed` i samtalerne, testen og "
    "referencerne; læs i stedet fakta fra CV'et, hvor teksten spørger om erfaring eller "
    "uddannelse (`derived:`- og `some:`-betingelser, se `screening fields`)":
        "how each criterion is judged: every one is `assessed` in the interviews, test and "
        "references; read facts of the CV instead where the text asks for experience or "
        "education (`derived:` and `some:` conditions, see `screening fields`)",
    "`sources:` pr. kriterium (som standard alle trin i processen)":
        "`sources:` per criterion (by default every stage of the process)",
    "kategorier (den, en overskrift nævner, fx 'Faglige kompetencer', ellers gættet ud fra "
    "ord som 'ledelse' og 'faglig') og korte navne":
        "categories (the one a heading names, such as 'Faglige kompetencer', else guessed "
        "from words such as 'ledelse' and 'faglig') and short names",
    "udsagn, der ikke er kompetencer (organisationen, processen): fjern deres kriterier, og "
    "skriv dem under `set_aside:` med en begrundelse":
        "statements that are not competencies (the organisation, the process): remove their "
        "criteria and list them under `set_aside:` with a reason",
    "scoring: vægte, tærskler for vurderinger, anbefalinger (værktøjets standarder, til de "
    "er sat)": "scoring: weights, assessment thresholds, bands (the tool's defaults until set)",
    "organisationen: ikke fundet i teksten": "the organisation: not found in the text",
    "profilens dato: ikke fundet i teksten, sat til udkastets dato":
        "the profile's date: not found in the text, set to the day of the draft",
    "Sådan læses udsagnene, der følger (en blødgører, R7): deres skal og forventes giver "
    "ønsker med vægt 2": "How to read the statements that follow (a softener, R7): their skal "
    "and forventes make ønsker of weight 2",
    "(linje {line} i teksten)": "(line {line} of the text)",
    "Krav ud fra indledningen: {lead_in}": "Krav by its lead-in: {lead_in}",
    "{head} ud fra tabellens krav/ønske-kolonne: {cell}":
        "{head} by its table's krav/ønske column: {cell}",
    "{head}: {words} i indledningen \"{lead_in}\"": "{head}: {words} in its lead-in \"{lead_in}\"",
    "{head}: {words} i tabellens krav/ønske-kolonne": "{head}: {words} in its table's krav/ønske "
                                                      "column",
    "{head}: {words} i citatet": "{head}: {words} in the quote",
    "{head}: intet ord i citatet afgør det, et ønske som standard":
        "{head}: no word of the quote decides, an ønske by default",
    ", blødgjort af teksten (R7, se set_aside)": ", softened by the text (R7, see set_aside)",
    "; indledningen siger {words}": "; its lead-in says {words}",
    "; tabellens krav/ønske-kolonne siger '{cell}', hvilket intet afgør":
        "; its table's krav/ønske column says '{cell}', which decides nothing",
    "; tabellens krav/ønske-kolonne siger intet": "; its table's krav/ønske column says nothing",
    "{priority}, vægt {weight}": "{priority}, weight {weight}",
    "intet trin passer på denne linje": "no step matches this line",
    "processen blev stoppet af signal {number} ({name})":
        "the process was stopped by signal {number} ({name})",
    "processen sluttede med kode {code}: {last}": "the process ended with code {code}: {last}",
}


def set_language(language: str | None) -> None:
    """Choose the language for this run: the option, else SCREENING_LANG, else Danish."""
    chosen = (language or os.environ.get("SCREENING_LANG") or "da").lower()
    _language.set(chosen if chosen in LANGUAGES else "da")


def language() -> str:
    return _language.get()


def decimal(text: str, language: str | None = None) -> str:
    """A formatted number with the decimal mark of `language` (the chosen one when None)."""
    return text.replace(".", ",") if (language or _language.get()) == "da" else text


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
              "Dec")


def moment(stamp: str | None) -> str:
    """A moment the audit trail keeps in ISO 8601 UTC ("2026-11-27T03:51:16+00:00") as a
    reader of papers reads it: in this machine's time zone, named, to the minute
    ("27.11.2026 kl. 04.51 CET"; "27 Nov 2026, 04:51 CET"). What does not read as a moment is
    shown as it is."""
    from datetime import datetime

    try:
        local = datetime.fromisoformat(stamp or "").astimezone()
    except ValueError:
        return stamp or ""
    zone = local.tzname() or ""
    if _language.get() == "en":
        return f"{local.day} {_MONTHS_EN[local.month - 1]} {local.year}, {local:%H:%M} {zone}"
    return f"{local:%d.%m.%Y} kl. {local:%H.%M} {zone}"


def t(text: str, **values) -> str:
    """`text` (Danish) in the chosen language, with `values` filled in."""
    template = EN.get(text, text) if _language.get() == "en" else text
    return template.format(**values) if values else template
