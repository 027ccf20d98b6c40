"""The English of every `--help`, and the Danish of click's own words.

`HELP_EN` is keyed like `help.help_key`: a paragraph of a command's Danish help (or of an
option's `help=`) with its words on one line, and the heading of an example block. A test
fails naming any Danish paragraph without an entry, and any entry no command uses.

`CLICK_DA` is keyed by click's own gettext messages (its headings, notes and usage errors);
a test fails naming any key click no longer has.

`METAVAR_DA` is the Danish of the metavars: click's words for its usage line and its types
(`CLICK_METAVAR_DA`; a test fails naming a type click has and this lacks), and the names the
commands give what they take (`NAME_METAVAR_DA`; a test fails naming a metavar without
Danish, and an entry no command uses). Help texts name an argument by its metavar in their
own language: `PROFIL` in Danish, `PROFILE` in English.
"""

from __future__ import annotations

HELP_EN: dict[str, str] = {
    "Eksempel:": "Example:",
    # the group
    "Screen kandidater til offentlige lederstillinger mod en kompetenceprofil.":
        "Screen candidates for public-sector leadership jobs against a competency profile.",
    "Værktøjet anbefaler; mennesker beslutter. Hver score forklares med profilens egne ord og "
    "den evidens, der afgjorde den.":
        "The tool recommends; people decide. Every score is explained in the profile's own "
        "words and by the evidence that decided it.",
    "Vis versionen af screening og durable-rules.":
        "Show the versions of screening and durable-rules.",
    "Sprog for etiketter, statusser og meddelelser (standard: da, eller SCREENING_LANG). "
    "Profilernes tekst vises som skrevet.":
        "Language of labels, statuses and messages (default: da, or SCREENING_LANG). The "
        "profiles' text is shown as written.",
    # options several commands share
    "Brug kun evidens til og med dette stadie: ansøgning → samtale1 → test → reference → "
    "samtale2.":
        "Use only evidence up to and including this stage: ansøgning → samtale1 → test → "
        "reference → samtale2.",
    "Datoen, screeningen med beslutningerne var vurderet pr. (dens --as-of; standard: "
    "profilens dato).": "The date the screening with the decisions was assessed as of (its "
    "--as-of; default: the profile's date).",
    "Dato som igangværende stillinger regnes til (standard: profilens dato).":
        "Date up to which current positions count (default: the profile's date).",
    "Mappe med profiler, når PROFIL er et profil-id.":
        "Folder of profiles, when PROFILE is a profile id.",
    "Revisionssporets SQLite-fil (standard: ~/.local/share/screening/audit.db).":
        "The audit trail's SQLite file (default: ~/.local/share/screening/audit.db).",
    "Vis de stående beslutninger fra denne kørsel (standard: den seneste beslutning på samme "
    "profil, stadie og post); en kandidat uden viser den seneste på andet grundlag, markeret "
    "som tidligere.":
        "Show the standing decisions of this run (default: the latest decision on the same "
        "profile, stage and record); a candidate with none shows the latest on other "
        "evidence, marked as earlier.",
    "Gem ikke kørslen i revisionssporet (fx ved genscreening af en talentpulje).":
        "Do not record the run in the audit trail (e.g. when rescreening a talent pool).",
    "Hvem der screener (standard: brugernavnet).": "Who screens (default: the user name).",
    "En vurdering af en kompetence, profilen ikke kender, er en fejl (exit 2) i stedet for en "
    "advarsel.":
        "An assessment of a competency the profile does not know is an error (exit 2) "
        "instead of a warning.",
    "Skriv til FIL (atomisk).": "Write to FILE (atomically).",
    # screen
    "Screen KANDIDATER (filer, mapper eller .jsonl) mod PROFIL (regelfil eller profil-id).":
        "Screen CANDIDATES (files, folders or .jsonl) against PROFILE (rule file or profile "
        "id).",
    "Ugyldige kandidatposter meldes med fil, linje og felt og springes over; kørslen "
    "fortsætter med de gyldige. Exit 0: screenet; 2: intet kunne screenes eller fejl i input.":
        "Invalid candidate records are reported with file, line and field and skipped; the "
        "run goes on with the valid ones. Exit 0: screened; 2: nothing could be screened, or "
        "bad input.",
    "table/markdown til læsning; json, csv til maskiner; jsonl skrives løbende, én kandidat "
    "pr. linje i inputrækkefølge (uden placering); xlsx et regneark med placering og "
    "kriterier (kræver --out).":
        "table/markdown for reading; json, csv for machines; jsonl is written as it goes, one "
        "candidate per line in input order (without rank); xlsx a spreadsheet with rank and "
        "criteria (needs --out).",
    "Skriv til FIL (atomisk: filen er enten den gamle eller hele den nye).":
        "Write to FILE (atomically: the file is either the old one or all of the new one).",
    "Vis kun de N bedst placerede (og dem, der står lige med den sidste).":
        "Show only the N best ranked (and those tied with the last of them).",
    "csv: én række pr. kandidat, eller pr. kandidat og kriterium.":
        "csv: one row per candidate, or per candidate and criterion.",
    "csv: decimaltegnet; comma skriver også ; mellem felterne, som dansk Excel læser det.":
        "csv: the decimal mark; comma also writes ; between the fields, as Danish Excel "
        "reads it.",
    "Vis kun kandidater med foreslået knock-out.":
        "Show only candidates with a proposed knock-out.",
    "Skjul kandidater med foreslået knock-out, som ingen har underkendt.":
        "Hide candidates with a proposed knock-out no person has overridden.",
    "Antal processer, højst én pr. kerne (standard: alle kerner ved store input, ellers 1).":
        "Number of processes, at most one per core (default: all cores for large inputs, "
        "else 1).",
    # shortlist
    "Foreslå hvem der går videre til næste runde, med begrundelse.":
        "Propose who goes on to the next round, with the reasons.",
    "En kandidat med foreslået knock-out, eller med for lidt evidens til at blive vurderet, "
    "går hverken videre eller ud, før et menneske har taget stilling (screening decide); en "
    "stående beslutning vises og følges, en tidligere på andet grundlag vises kun. Står flere "
    "lige på sidste plads, vises de som uafgjort, så udvalget vælger.":
        "A candidate with a proposed knock-out, or with too little evidence to be assessed, "
        "neither goes on nor out before a person has decided (screening decide); a standing "
        "decision is shown and followed, an earlier one on other evidence only shown. When "
        "several are tied for the last place, they are shown as tied, so the committee "
        "chooses.",
    "Hvor mange der skal videre.": "How many go on.",
    # explain
    "Forklar begrundelsen for én kandidat i ord, der kan bruges i en indstilling.":
        "Explain the reasons for one candidate in words fit for a recommendation.",
    "Kandidatens id, når KANDIDATER er flere.":
        "The candidate's id, when CANDIDATES are several.",
    "Forklar kun dette kriterium (id).": "Explain only this criterion (id).",
    # profiles
    "Vis profilerne i regelmappen.": "List the profiles in the rules folder.",
    "Vis en profil.": "Show a profile.",
    "Vis PROFIL som en konsulent læser den: kriterier pr. kategori, krav før ønsker.":
        "Show PROFILE as a consultant reads it: criteria by category, requirements before "
        "wishes.",
    # lint, schema, fields, import
    "Find fejl og svagheder i regelfiler, som en linter: fil:linje:kolonne KODE besked.":
        "Find errors and weaknesses in rule files, like a linter: file:line:column CODE "
        "message.",
    "Ud over det, indlæsningen fanger: kriterier der aldrig eller altid er opfyldt (L101, "
    "L102), samme evidens scoret to gange (L201), ordlyden læst som i "
    "docs/reading-profiles.md: krav med ønskeord og omvendt (L301, L302), krav uden et ord, "
    "der gør det til krav (L303), vægt uden et ord, der beder om den, eller omvendt (L304, "
    "L305), ubrugte afledte fakta (L401) og brug af beskyttede oplysninger som alder, køn "
    "eller navn (E501). Et kriterium kan bevidst acceptere en kode med en begrundelse: "
    "`lint_ignore: [{code: KODE, reason: \"...\"}]`. Exit 0: intet fundet; 1: fund; 2: "
    "værktøjet kunne ikke køre.":
        "Beyond what loading catches: criteria that are never or always met (L101, L102), "
        "the same evidence scored twice (L201), the wording read as in "
        "docs/reading-profiles.md: requirements worded as wishes and the other way round "
        "(L301, L302), a requirement without a word that makes it one (L303), weight without "
        "a word that asks for it, or the other way round (L304, L305), unused derived facts "
        "(L401) and use of protected attributes such as age, gender or name (E501). A "
        "criterion can accept a code on purpose, with a reason: "
        "`lint_ignore: [{code: CODE, reason: \"...\"}]`. Exit 0: nothing found; 1: findings; "
        "2: the tool could not run.",
    "Mappe der gennemgås, når ingen filer er givet.":
        "Folder to go through when no files are given.",
    "Udskriv JSON Schema for kandidatposter eller regelfiler (til editorer).":
        "Print the JSON Schema of candidate records or rule files (for editors).",
    "I VS Code med YAML-udvidelsen (redhat.vscode-yaml): gem skemaerne og peg på dem i "
    ".vscode/settings.json, se README.":
        "In VS Code with the YAML extension (redhat.vscode-yaml): save the schemas and point "
        "to them in .vscode/settings.json, see README.",
    "Skriv skemaet til FIL.": "Write the schema to FILE.",
    "Vis faktakataloget: de felter en regel kan læse pr. samling (positions, education, "
    "experience), med type, tilladte værdier og operatorer.":
        "Show the fact catalogue: the fields a rule can read per collection (positions, "
        "education, experience), with type, allowed values and operators.",
    "Konverter andre formater til kandidatposter.":
        "Convert other formats to candidate records.",
    "Konverter JSON Resume-filer (jsonresume.org) til kandidatposter.":
        "Convert JSON Resume files (jsonresume.org) to candidate records.",
    "Det, der ikke kunne overføres, og det, der er gættet (sektor, ledelsesniveau, "
    "uddannelsesniveau), meldes på stderr, så det kan tjekkes. Exit 2, hvis en fil ikke kunne "
    "konverteres.":
        "What could not be carried over, and what was guessed (sector, management level, "
        "education level), is reported on stderr so it can be checked. Exit 2 if a file "
        "could not be converted.",
    "Skriv én <id>.yaml pr. kandidat her (ellers til stdout).":
        "Write one <id>.yaml per candidate here (else to stdout).",
    "Tag CV'et ind i en kandidats post, der allerede ligger i --out-dir (i samme fil): det, "
    "CV'et har ændret siden sidste import (postens cv:), tages ind og meldes; det, "
    "konsulenten har rettet, bliver (har begge ændret det, meldes CV'ets nye værdi); det "
    "tilføjede (vurderinger, tal, kommentarer) bliver.":
        "Take the resume into a candidate's record already in --out-dir (in the same file): "
        "what the resume changed since the last import (the record's cv:) is taken in and "
        "said; what the consultant edited stays (where both changed it, the resume's new "
        "value is said); what was added (assessments, numbers, comments) stays.",
    "Erstat et Word-dokument i --out, hvis det findes (der kan være skrevet i det).":
        "Replace a Word document in --out if it exists (it may have been written in).",
    "Erstat filen i --out, hvis den findes (den kan være udfyldt).":
        "Replace the file in --out if it exists (it may have been filled in).",
    "Erstat en regelfil eller et scenarieudkast, der allerede findes.":
        "Replace a rule file or draft scenarios that already exist.",
    "Læs et udfyldt scoringsark ind som vurderinger (kilde og bedømmer med).":
        "Read a filled-in score sheet in as assessments (with source and assessor).",
    "Hver forkert celle meldes som Ark!Celle; er der blot én, skrives intet. Posterne skrives "
    "alle eller ingen. En række i arket er én vurdering: læst ind igen fra et rettet ark erstatter "
    "den, hvad den skrev første gang, også når bedømmeren er tilføjet; og en score for samme "
    "kompetence, kilde og bedømmer erstatter den, der står i posten. Et nyt ark (screening "
    "sheet) til en anden bedømmer føjer til; en række, der før havde én bedømmer og nu en "
    "anden, afvises (E305), så ingen vurdering går tabt.":
        "Every wrong cell is reported as Sheet!Cell; if there is just one, nothing is "
        "written. The records are written all or none. A row of the sheet is one judgement: "
        "read in again from a corrected sheet, it replaces what it wrote the first time, "
        "also when the assessor was added; and a score for the same competency, source and "
        "assessor replaces the one in the record. A new sheet (screening sheet) for another "
        "assessor adds to them; a row that had one assessor before and another now is "
        "refused (E305), so that no judgement is lost.",
    "En score, som profilen, arket er skrevet til, ikke ville tælle med (en kompetence, den "
    "ikke kender, eller en kilde, den ikke tager kompetencen fra), afvises (E306).":
        "A score the profile the sheet was written for would not count (a competency it does "
        "not know, or a source it does not take the competency from) is refused (E306).",
    "Mappe med profilen, arket er skrevet til; hver score tjekkes mod den.":
        "Folder of the profile the sheet was written for; every score is checked against it.",
    "Mappen med kandidatposterne, vurderingerne føjes til.":
        "The folder of the candidate records the assessments are added to.",
    # authoring
    "Skriv et udkast til en regelfil ud fra en profiltekst (.txt, .md, .docx, .pdf, .html).":
        "Write a draft rule file from a profile text (.txt, .md, .docx, .pdf, .html).",
    "Ét kriterium pr. udsagn, der stiller krav (samme udsagn som `screening trace` tæller), "
    "med citatet ordret fra teksten, krav eller ønske foreslået ud fra ordlyden, og "
    "`when: {assessed: …}`, så udkastet kan screene med det samme. Hovedkommentaren siger, "
    "hvad konsulenten selv skal tage stilling til. En tabel med en kolonne, der siger krav "
    "eller ønske, eller med en Krav- og en Ønske-kolonne, hvor rækken er markeret med X, "
    "giver ét kriterium pr. række. Med --out skrives også et udkast til "
    "scenarier (ét pr. krav) i en .feature-fil ved siden af.":
        "One criterion per statement that asks for something (the statements `screening "
        "trace` counts), with the quote verbatim from the text, requirement or wish proposed "
        "from the wording, and `when: {assessed: …}`, so the draft can screen at once. The "
        "head comment says what the consultant must decide. A table with a column saying "
        "requirement or wish, or with a requirement ('Krav') and a wish ('Ønske') column "
        "where the row is marked with X, gives one criterion per row. With --out a draft of "
        "scenarios (one per requirement) is written beside it too, in a .feature file.",
    "Skriv regelfilen her og et udkast til scenarier ved siden af (.feature).":
        "Write the rule file here, and a draft of scenarios beside it (.feature).",
    "Profilens id (standard: regelfilens navn fra --out, ellers tekstfilens).":
        "The profile's id (default: the rule file's name from --out, else the text file's).",
    "Tjek en regelfil (profil eller modul) mod teksten, den bygger på: hvert citat findes i "
    "teksten, og hvert udsagn i teksten, der stiller et krav, er citeret af et kriterium eller "
    "lagt til side med `set_aside:`.":
        "Check a rule file (profile or module) against the text it is built on: every quote "
        "is found in the text, and every statement in the text that asks for something is "
        "quoted by a criterion or put aside with `set_aside:`.",
    "Et udsagn er en punktopstilling, et nummereret punkt eller en sætning i et afsnit om "
    "kompetencer, eller en sætning eller tabelcelle med krav- eller ønskeord (se "
    "screening/trace.py). "
    "`source:` kan være en sti i forhold til regelfilen, en hvilken som helst sti eller "
    "navnet på en af kildeteksterne (SCREENING_SEEDS). Exit 0: alt er redegjort for; 1: "
    "citater ikke fundet eller udsagn uden kriterium.":
        "A statement is a bullet, a numbered item or a sentence in a section on "
        "competencies, or a sentence or table cell with words of requirement or wish (see "
        "screening/trace.py). `source:` can be a path relative to the rule file, any path, "
        "or the name of one of the source texts (SCREENING_SEEDS). Exit 0: everything is "
        "accounted for; 1: quotes not found, or statements without a criterion.",
    "Tjek mod denne tekst (.txt, .md, .docx, .pdf, .html) i stedet for profilens `source:`.":
        "Check against this text (.txt, .md, .docx, .pdf, .html) instead of the profile's "
        "`source:`.",
    # scenarios
    "Kør profilernes scenarier (Gherkin på dansk) og vis resultatet pr. scenarie.":
        "Run the profiles' scenarios (Gherkin in Danish) and show the result per scenario.",
    "Uden FEATUREFILER køres alle .feature-filer i features/. Først meldes alle trin, der ikke kan "
    "læses (med de nærmeste trin eller det argument, der ikke kunne læses), også når "
    "baggrunden har et; så køres scenarierne. Et scenarie, der fejler, vises med det trin, der "
    "fejlede, og hvad der var forventet og fundet; rækker i et Abstrakt Scenario vises med "
    "deres eksempelværdier. Med --check findes fejl uden at køre: manglende '# language: da' "
    "(eller 'en'), ukendte nøgleord, trin uden trindefinition, argumenter der ikke kan læses, "
    "pladsholdere uden kolonne i Eksempler og scenarienavne brugt to gange. Exit 0: alt "
    "bestået; 1: noget fejlede eller blev fundet; 2: ingen feature-filer.":
        "Without FEATURES, every .feature file in features/ is run. First every step that "
        "cannot be read is reported (with the nearest steps, or the argument that could not "
        "be read), also when the background has one; then the scenarios run. A scenario that "
        "fails is shown with the step that failed, and what was expected and found; rows of "
        "a scenario outline ('Abstrakt Scenario') are shown with their example values. With "
        "--check, errors are found without running: a missing '# language: da' (or 'en'), "
        "unknown keywords, steps without a step definition, arguments that cannot be read, "
        "placeholders without a column in the examples ('Eksempler'), and scenario names "
        "used twice. Exit 0: all passed; 1: something failed or was found; 2: no feature "
        "files.",
    "Find fejl i feature-filerne uden at køre dem.":
        "Find errors in the feature files without running them.",
    "Hvor profil-id'er i 'Givet profilen' slås op.":
        "Where profile ids in 'Givet profilen' are looked up.",
    "Vis trinbiblioteket: hvert trin med eksempler på dets formuleringer og nøglerne i dets "
    "datatabel, klar til en feature-fil.":
        "Show the step library: every step with examples of its wordings and the keys of its "
        "data table, ready for a feature file.",
    "Med --suggest \"SÆTNING\" vises, hvilket trin en sætning læses som, og hvad dens "
    "argumenter bliver (et stadie, et tal, et kriterium); kan den ikke læses, vises hvorfor og "
    "de nærmeste trin (exit 1).":
        "With --suggest \"SENTENCE\", shows which step a sentence is read as, and what its "
        "arguments become (a stage, a number, a criterion); if it cannot be read, shows why "
        "and the nearest steps (exit 1).",
    "table til læsning; markdown til docs/steps.md.":
        "table for reading; markdown for docs/steps.md.",
    "Vis, hvordan biblioteket læser en sætning, eller de nærmeste trin.":
        "Show how the library reads a sentence, or the nearest steps.",
    "Med --suggest: slå kriterier og kompetencer op i denne profil.":
        "With --suggest: look criteria and competencies up in this profile.",
    "Hvor profiler slås op.": "Where profiles are looked up.",
    # papers
    "Skriv rapporten til ansættelsesudvalget som én HTML-fil.":
        "Write the report for the hiring committee as one HTML file.",
    "Profilens krav og ønsker med citater, placeringen med score og dækning, et diagram pr. "
    "kandidat og et, der sammenligner dem, hver kandidats kriterier med grundlag og uenige "
    "kilder, foreslåede knock-outs og beslutninger, det der ikke er belyst endnu, samt kørsel "
    "og regelfilernes hashværdier fra revisionssporet. Filen er selvstændig (intet hentes, "
    "når den åbnes) og udskrives med én kandidat pr. side. Den nævner kandidaterne ved navn "
    "og skal behandles som personoplysninger.":
        "The profile's requirements and wishes with quotes, the ranking with score and "
        "coverage, a chart per candidate and one that compares them, each candidate's "
        "criteria with evidence and disagreeing sources, proposed knock-outs and decisions, "
        "what is not assessed yet, and the run and the rule files' hashes from the audit "
        "trail. The file stands alone (nothing is fetched when it is opened) and prints one "
        "candidate per page. It names the candidates and must be handled as personal data.",
    "Kørslen i revisionssporet, rapporten bygger på (standard: den seneste, der giver netop "
    "disse resultater).":
        "The run in the audit trail the report is built on (default: the latest that gives "
        "exactly these results).",
    "HTML-filen, der skrives (atomisk).": "The HTML file to write (atomically).",
    "Interviewguide til næste stadie: hvad der skal afklares om hver kandidat.":
        "Interview guide for the next stage: what to settle about each candidate.",
    "For hvert kriterium, der ikke er belyst endnu, hvor kilderne er uenige, som er et krav, "
    "der kun er delvist opfyldt, eller et ønske, der kun er foreløbigt vurderet, og som "
    "stadiet kan afklare (det er blandt de stadier, kriteriet tager evidens fra, eller intet "
    "senere stadie er): profilens ord, hvilken evidens der ville afgøre det, og spørgsmål at "
    "stille (fra regelfilernes `questions:`). De åbne kriterier, et senere stadie afklarer, "
    "nævnes kort under hver kandidat med de stadier, der kan belyse dem, uden spørgsmål. En "
    "kandidat, et menneske har besluttet ikke går videre, får ingen spørgsmål: guiden siger, "
    "hvem der besluttede det, hvornår og hvorfor. En beslutning på andet grundlag (et andet "
    "stadie eller en anden udgave af posten) vises, men følges ikke, som i shortlist.":
        "For each criterion that is not assessed yet, where the sources disagree, that is a "
        "requirement only partly met, or a wish judged only provisionally, and that the "
        "stage can settle (it is among the stages the criterion takes evidence from, or no "
        "later stage is): the profile's words, which evidence would settle it, and questions "
        "to ask (from the rule files' `questions:`). The open criteria a later stage settles "
        "are named briefly under each candidate, with the stages that can assess them, "
        "without questions. "
        "A candidate a person has decided does not go on gets no questions: the guide says "
        "who decided it, when and why. A decision made on other evidence (another stage, or "
        "another version of the record) is shown, not followed, as in shortlist.",
    "Det næste stadie, guiden forbereder; grundlaget er evidensen fra stadierne før det.":
        "The next stage, which the guide prepares; it builds on the evidence of the stages "
        "before it.",
    "Kun denne kandidat (standard: alle).": "Only this candidate (default: all).",
    "Skriv et tomt scoringsark: kandidater × stadiets kompetencer.":
        "Write an empty score sheet: candidates × the stage's competencies.",
    "Overskrifterne har kompetencernes navne og profilens citater; scorefelterne tager kun "
    "hele tal fra 1 til 5. Med KANDIDATER står kandidaterne i arket, hver med den "
    "beslutning, et menneske har truffet om kandidaten; ellers skrives id'erne i kolonne A. "
    "Udfyld, og læs arket ind med `screening import scores`.":
        "The headings have the competencies' names and the profile's quotes; the score cells "
        "take only whole numbers from 1 to 5. With CANDIDATES the candidates are in the "
        "sheet, each with the decision a person made about the candidate; otherwise the ids "
        "are written in column A. Fill it in, and read the sheet in with `screening import "
        "scores`.",
    "Stadiet, der vurderes (fx samtale1); kilde-kolonnen udfyldes med det.":
        "The stage being assessed (e.g. samtale1); the source column is filled in with it.",
    "Regnearket (.xlsx), der skrives (atomisk).": "The spreadsheet (.xlsx) to write "
                                                  "(atomically).",
    # audit
    "Revisionssporet: hver screening og hver menneskelig beslutning, hash-kædet.":
        "The audit trail: every screening and every human decision, hash-chained.",
    "Vis kørslerne: hvornår, hvem, med hvilken kommando, profil, stadie, antal og "
    "kandidater besluttet om.":
        "List the runs: when, who, with which command, profile, stage, counts and the "
        "candidates decided on.",
    "Vis en kørsel, eller én kandidat i den.": "Show a run, or one candidate in it.",
    "Vis én kandidats kriterier og beslutninger.":
        "Show one candidate's criteria and decisions.",
    "Kontrollér hash-kæden: ændrede, slettede eller omrokerede poster findes og nævnes.":
        "Check the hash chain: changed, deleted or reordered entries are found and named.",
    "Exit 0: kæden er hel; 1: brud fundet. Gem den viste hoved-hash et andet sted, så også en "
    "afkortet kæde kan opdages.":
        "Exit 0: the chain is whole; 1: a break found. Keep the head hash shown somewhere "
        "else, so that a shortened chain can be detected too.",
    "Begrundelsen for én kandidat: kriterier, status, profilens ord, grundlag og "
    "beslutninger.":
        "The reasons for one candidate: criteria, status, the profile's words, evidence and "
        "decisions.",
    "Indeholder kun den kandidats data (til partsaktindsigt).":
        "Holds only that candidate's data (for a subject access request).",
    "Genscreen en kørsel med de gemte input og regler og vis enhver forskel.":
        "Rescreen a run with the stored inputs and rules and show every difference.",
    "Med --rules bruges de nuværende regelfiler: sådan ses virkningen af en regelændring pr. "
    "kandidat og kriterium. Exit 0: ingen forskel; 1: forskelle.":
        "With --rules the current rule files are used: this shows the effect of a rule "
        "change per candidate and criterion. Exit 0: no difference; 1: differences.",
    "Genscreen med de nuværende regler (profil-id eller regelfil) i stedet for de gemte.":
        "Rescreen with the current rules (profile id or rule file) instead of the stored "
        "ones.",
    "Slet en kandidats personoplysninger (navn, kontakt) fra alle kørsler.":
        "Erase a candidate's personal data (name, contact) from all runs.",
    "Resultaterne og kæden bevares og kan stadig verificeres; sletningen noteres i kæden.":
        "The results and the chain are kept and can still be verified; the erasure is noted "
        "in the chain.",
    "Hvem der sletter (standard: brugernavnet).": "Who erases (default: the user name).",
    "Registrér en menneskelig beslutning om en kandidat i en kørsel.":
        "Record a human decision about a candidate in a run.",
    "En foreslået knock-out bekræftes (--confirm: går ikke videre) eller underkendes "
    "(--override: går videre); om en kandidat uden foreslået knock-out besluttes --advance "
    "(går videre) eller --stop (går ikke videre). Hver beslutning kræver en navngiven person "
    "og en begrundelse. Den seneste beslutning står; en beslutning med det modsatte udfald "
    "kræver --supersede. Beslutningen vises, hvor kandidaten optræder: screen, explain, "
    "shortlist, guide, sheet, report og audit show/export.":
        "A proposed knock-out is confirmed (--confirm: does not go on) or overridden "
        "(--override: goes on); about a candidate without a proposed knock-out, --advance "
        "(goes on) or --stop (does not go on) is decided. Every decision needs a named person "
        "and a reason. The latest decision stands; a decision with the opposite outcome needs "
        "--supersede. The decision shows wherever the candidate appears: screen, explain, "
        "shortlist, guide, sheet, report and audit show/export.",
    "Bekræft den foreslåede knock-out: kandidaten går ikke videre.":
        "Confirm the proposed knock-out: the candidate does not go on.",
    "Underkend den foreslåede knock-out: kandidaten går videre.":
        "Override the proposed knock-out: the candidate goes on.",
    "Kandidaten uden foreslået knock-out går videre.":
        "The candidate without a proposed knock-out goes on.",
    "Kandidaten uden foreslået knock-out går ikke videre.":
        "The candidate without a proposed knock-out does not go on.",
    "Begrundelsen (påkrævet: forvaltningsloven §§ 22-24).":
        "The reason (required: the Danish Public Administration Act, sections 22-24).",
    "Erstat en stående beslutning med det modsatte udfald (kræver --reason).":
        "Replace a standing decision with the opposite outcome (needs --reason).",
    "Hvem der beslutter (påkrævet; eller SCREENING_OPERATOR; --operator uden navn bruger "
    "brugernavnet).":
        "Who decides (required; or SCREENING_OPERATOR; --operator without a name uses the "
        "user name).",
    # fairness
    "Behandler screeningen grupper af ansøgere forskelligt? Udvælgelsesrater pr. gruppe.":
        "Does the screening treat groups of applicants differently? Selection rates per "
        "group.",
    "For hver oplysning i --groups-filen (og hvert par af dem) og hvert udfald af KØRSEL: "
    "antal, hvor mange der endnu er uafklarede, raten blandt de afklarede, forholdet til "
    "gruppen med den højeste rate (4/5-reglen: under 0,8 markeres) og Fishers eksakte test af "
    "gruppen mod resten. Udfaldene er værktøjets forslag (ingen foreslået knock-out, shortlist "
    "med --take, en anbefaling eller bedre) og personers beslutninger: hvem der går videre "
    "efter dem, og med --take shortlisten efter dem (en foreslået knock-out, ingen har "
    "afgjort, er uafklaret), og hvor mange af de foreslåede knock-outs en person har "
    "underkendt (når nogen er foreslået). Grupper under 5 afklarede kandidater "
    "nævnes: for få til at konkludere; en gruppe, hvis tal ville vise, hvordan det gik under 3 "
    "kandidater, vises uden tal, og under et udfald også en, hvis tal ville vise en del af "
    "kørslen, hvor alle eller ingen havde udfaldet: det ville vise, hvordan det gik hver "
    "enkelt. Gruppeoplysningerne læses kun fra filen; de gemmes hverken i poster eller "
    "revisionsspor.":
        "For each attribute in the --groups file (and each pair of them) and each outcome of "
        "the run RUN: count, how many are still unsettled, the rate among the settled, the "
        "ratio to the group with the highest rate (the 4/5 rule: below 0.8 is marked) and "
        "Fisher's exact test of the group against the rest. The outcomes are the tool's "
        "proposals (no proposed knock-out, shortlist with --take, a recommendation or better) "
        "and people's decisions: who goes on after them, and with --take the shortlist after "
        "them (a proposed knock-out nobody has decided is unsettled), and how many of the "
        "proposed knock-outs a person overrode (when any was proposed). Groups under 5 "
        "settled candidates are named: too few to conclude; a group whose figures would show "
        "what happened to fewer than 3 candidates is shown without figures, and under an "
        "outcome also one whose figures would show a part of the run where everyone or no one "
        "had the outcome: that would show what happened to each one. The group attributes are "
        "read from the file only; they are stored neither in records nor in the audit trail.",
    "CSV med kandidat-id og frivilligt oplyste grupper (fx id,køn,aldersgruppe).":
        "CSV with candidate id and voluntarily disclosed groups (e.g. id,gender,age_group).",
    "Tag også shortlisten med: de N, værktøjet foreslår går videre, og de N efter personers "
    "beslutninger.":
        "Include the shortlist too: the N the tool proposes go on, and the N after people's "
        "decisions.",
    "table til læsning; json til maskiner.": "table for reading; json for machines.",
    # the formats of explain, fields, trace and audit export, and what audit export and
    # replay take
    "text til læsning; json til maskiner.": "text for reading; json for machines.",
    "text til læsning; markdown med overskrifter til et dokument; json til maskiner.":
        "text for reading; markdown with headings for a document; json for machines.",
    "markdown til læsning; json til maskiner.": "markdown for reading; json for machines.",
    "markdown til et dokument; html til browseren eller print; docx et Word-dokument at "
    "dele ud og skrive noter i (kræver --out).":
        "markdown for a document; html for the browser or print; docx a Word document to "
        "hand out and write notes in (needs --out).",
    "Mappe med profiler, når --rules er et profil-id.":
        "Folder of profiles, when --rules is a profile id.",
    "Kandidatens id.": "The candidate's id.",
}

CLICK_DA: dict[str, str] = {
    # help
    "Usage:": "Brug:",
    "Options": "Tilvalg",
    "Commands": "Kommandoer",
    "Positional arguments": "Argumenter",
    "Show this message and exit.": "Vis denne hjælp og afslut.",
    "default: {default}": "standard: {default}",
    "env var: {var}": "miljøvariabel: {var}",
    "required": "påkrævet",
    "(dynamic)": "(beregnes)",
    # usage errors
    "Error: {message}": "Fejl: {message}",
    "Try '{command} {option}' for help.": "Prøv '{command} {option}' for hjælp.",
    "Missing argument": "Mangler argument",
    "Missing option": "Mangler tilvalg",
    "Missing parameter": "Mangler parameter",
    "Missing parameter: {param_name}": "Mangler parameter: {param_name}",
    "Missing {param_type}": "Mangler {param_type}",
    "Choose from:\n\t{choices}": "Vælg blandt:\n\t{choices}",
    "Missing command.": "Mangler kommando.",
    "No such option {name!r}.": "Intet tilvalg hedder {name!r}.",
    "No such command {name!r}.": "Ingen kommando hedder {name!r}.",
    "Did you mean {possibility}?": "Mente du {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Mente du en af: {possibilities}?)",
    "Invalid value for {param_hint}: {message}": "Ugyldig værdi for {param_hint}: {message}",
    "Invalid value: {message}": "Ugyldig værdi: {message}",
    "Got unexpected extra argument ({args})": "Uventet ekstra argument ({args})",
    "Got unexpected extra arguments ({args})": "Uventede ekstra argumenter ({args})",
    "Option {name!r} requires an argument.": "Tilvalget {name!r} kræver en værdi.",
    "Option {name!r} requires {nargs} arguments.": "Tilvalget {name!r} kræver {nargs} værdier.",
    "Option {name!r} does not take a value.": "Tilvalget {name!r} tager ingen værdi.",
    "Argument {name!r} takes {nargs} values.": "Argumentet {name!r} tager {nargs} værdier.",
    "Could not open file {filename!r}: {message}": "Kunne ikke åbne filen {filename!r}: {message}",
    "Aborted!": "Afbrudt!",
    # values
    "{value!r} is not {choice}.": "{value!r} er ikke {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} er ikke en af {choices}.",
    "{value!r} does not match the format {format}.": "{value!r} passer ikke til formatet {format}.",
    "{value!r} does not match the formats {formats}.":
        "{value!r} passer ikke til formaterne {formats}.",
    "{value} is not in the range {range}.": "{value} er ikke i intervallet {range}.",
    "{value!r} is not a valid {number_type}.": "{value!r} er ikke et gyldigt {number_type}.",
    "file": "fil", "directory": "mappe", "path": "sti",
    "{name} {filename!r} does not exist.": "{name} {filename!r} findes ikke.",
    "{name} {filename!r} is a file.": "{name} {filename!r} er en fil.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} er en mappe.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} kan ikke læses.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} kan ikke skrives.",
}

CLICK_METAVAR_DA: dict[str, str] = {
    # the usage line: `[OPTIONS]`, a group's `COMMAND [ARGS]...`
    "OPTIONS": "TILVALG", "COMMAND": "KOMMANDO", "COMMAND1": "KOMMANDO1",
    "COMMAND2": "KOMMANDO2", "ARGS": "ARG",
    # the types (a range's bounds are shown in its note, `[x>=1]`)
    "TEXT": "TEKST", "INTEGER": "HELTAL", "INTEGER RANGE": "HELTAL", "FLOAT": "DECIMALTAL",
    "FLOAT RANGE": "DECIMALTAL", "BOOLEAN": "BOOLSK", "CHOICE": "VALG", "DATETIME": "TIDSPUNKT",
    "UUID": "UUID", "FILENAME": "FILNAVN", "FILE": "FIL", "DIRECTORY": "MAPPE", "PATH": "STI",
}

NAME_METAVAR_DA: dict[str, str] = {
    "CANDIDATE": "KANDIDAT",
    "CANDIDATES": "KANDIDATER",
    "FEATURES": "FEATUREFILER",
    "FILES": "FILER",
    "PROFILE": "PROFIL",
    "PROFILE-TEXT": "PROFILTEKST",
    "RULE-FILE": "REGELFIL",
    "RULE_FILES": "REGELFILER",
    "RUN": "KØRSEL",
    "SENTENCE": "SÆTNING",
    "WORKBOOK": "REGNEARK",
}

METAVAR_DA: dict[str, str] = {**CLICK_METAVAR_DA, **NAME_METAVAR_DA}
