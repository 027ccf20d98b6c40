"""Problems (load errors of rule files and records) in Danish, the default language.

The messages are written in English where they are made, the way gettext keeps its source
strings; this table gives each its Danish form when a problem is shown. A message without
an entry is shown as written.
"""

from __future__ import annotations

import re

DANISH: list[tuple[str, str]] = [
    (r"a profile needs a `profile:` section \(this looks like a module\)",
     "en profil skal have en `profile:`-sektion (dette ligner et modul)"),
    (r"include cycle: (.+)", r"cirkulær include: \1"),
    (r"cannot include (.+?): (.+)", r"kan ikke inkludere \1: \2"),
    (r"a rule file has exactly one of `profile:` \(a job profile\) or `module:` "
     r"\(an organisation module\)",
     "en regelfil har netop én af `profile:` (en stillingsprofil) og `module:` "
     "(et organisationsmodul)"),
    (r"scoring belongs in the profile, not in a module",
     "scoring hører til i profilen, ikke i et modul"),
    (r"competency '(.+?)' is defined twice with different labels",
     r"kompetencen '\1' er defineret to gange med forskellige navne"),
    (r"derived fact '(.+?)' is defined twice", r"det afledte faktum '\1' er defineret to gange"),
    (r"`aggregate: sum` needs `field:` naming a number of (\w+) \((.*)\)",
     r"`aggregate: sum` kræver `field:` med et tal fra \1 (\2)"),
    (r"`field:` is only used with `aggregate: sum`",
     "`field:` bruges kun med `aggregate: sum`"),
    (r"delvist threshold is above opfyldt", "tærsklen for delvist ligger over opfyldt"),
    (r"duplicate criterion id '(.+?)' \(first in (.+?)\)",
     r"kriterie-id'et '\1' er brugt før (første gang i \2)"),
    (r"the profile has no criteria", "profilen har ingen kriterier"),
    (r"unknown competency or criterion '(.+?)'", r"ukendt kompetence eller kriterium '\1'"),
    (r"unknown competency '(.+?)'", r"ukendt kompetence '\1'"),
    (r"unknown evidence source '(.+?)' \(one of (.+?)\)",
     r"ukendt evidenskilde '\1' (en af \2)"),
    (r"source '(.+?)' is not in the criterion's `sources`",
     r"kilden '\1' er ikke blandt kriteriets `sources`"),
    (r"scores run from 1 to 5", "vurderinger går fra 1 til 5"),
    (r"unknown collection '(.+?)'", r"ukendt samling '\1'"),
    (r"unknown fact '(.+?)'", r"ukendt faktum '\1'"),
    (r"unknown field '(.+?)' of (\w+)", r"ukendt felt '\1' i \2"),
    (r"operator `(.+?)` does not apply to '(.+?)' \((\w+)\); use (.+)",
     r"operatoren `\1` passer ikke til '\2' (\3); brug \4"),
    (r"'(.+?)' is true or false, got (.+)", r"'\1' er sand eller falsk, fik \2"),
    (r"'(.+?)' is a number, got (.+)", r"'\1' er et tal, fik \2"),
    (r"'(.+?)' is not a value of '(.+?)'", r"'\1' er ikke en værdi af '\2'"),
    (r"; one of: ", "; en af: "),
    (r"no rule file and no profile with this id in (.+)",
     r"ingen regelfil og ingen profil med dette id i \1"),
    (r"folder holds no \.yaml, \.yml, \.json or \.jsonl candidate records",
     "mappen indeholder ingen kandidatposter (.yaml, .yml, .json eller .jsonl)"),
    (r"file not found", "filen findes ikke"),
    (r"not UTF-8 text \(byte (\d+)\)", r"ikke UTF-8-tekst (byte \1)"),
    (r"cannot read file: (.+)", r"kan ikke læse filen: \1"),
    (r"line longer than (\d+) bytes", r"linjen er længere end \1 byte"),
    (r"invalid JSON: (.+)", r"ugyldig JSON: \1"),
    (r"invalid YAML: (.+)", r"ugyldig YAML: \1"),
    (r"expected a JSON object \(one record per line\)",
     "forventede et JSON-objekt (én kandidat pr. linje)"),
    (r"expected a mapping at the top of the document",
     "forventede en mapping (felt: værdi) øverst i dokumentet"),
    (r"candidate id '(.+?)' is also used by (.+)", r"kandidat-id'et '\1' bruges også af \2"),
    (r"file is larger than (\d+) bytes", r"filen er større end \1 byte"),
    (r"is a folder, expected a file", "er en mappe; forventede en fil"),
    # feature files (screening test --check)
    (r"the first line must be '# language: da' \(the steps are Danish\)",
     "første linje skal være '# language: da' (trinene er på dansk)"),
    (r"not Gherkin: (.+)", r"ikke Gherkin: \1"),
    (r"no 'Egenskab:' in the file", "ingen 'Egenskab:' i filen"),
    (r"scenario name '(.+?)' is also used on line (\d+)",
     r"scenarienavnet '\1' bruges også på linje \2"),
    (r"placeholder <(.+?)> has no column in Eksempler",
     r"pladsholderen <\1> har ingen kolonne i Eksempler"),
    (r"no step matches '(.+?)'(?=;|$)", r"intet trin passer på '\1'"),
    (r"; nearest: ", "; nærmeste: "),
    (r"the first line must be '# language: da' \(or 'en' for the English steps\)",
     "første linje skal være '# language: da' (eller 'en' for de engelske trin)"),
    (r"cannot read the argument of '(.+?)': (\w+): ", r"kan ikke læse argumentet i '\1': \2: "),
    (r"'(.+?)' is not a number \(write digits or a word such as 'seks'\)",
     r"'\1' er ikke et tal (skriv cifre eller et ord som 'seks')"),
    (r"'(.+?)' is not a source of evidence", r"'\1' er ikke en evidenskilde"),
    (r"'(.+?)' is not a stage of the process \(write e\.g\. (.+?) or one of (.+?)\)",
     r"'\1' er ikke et stadie i processen (skriv fx \2 eller et af \3)"),
    (r"cannot tell the leadership level of '(.+?)': the title names none of",
     r"kan ikke se ledelsesniveauet i '\1': titlen nævner ingen af"),
    (r"cannot tell the sector of '(.+?)'; add it in brackets, e\.g\.",
     r"kan ikke se sektoren for '\1'; skriv den i parentes, fx"),
    (r"'(.+?)' is neither leaders \((.+?)\) nor staff \((.+?)\)",
     r"'\1' er hverken ledere (\2) eller medarbejdere (\3)"),
    (r"'(.+?)' is not an education the steps know \(e\.g\.",
     r"'\1' er ikke en uddannelse, trinene kender (fx"),
    (r"'(.+?)' is not a degree the steps know; known:",
     r"'\1' er ikke en grad, trinene kender; kendte:"),
    (r"'(.+?)' is not a kind of experience", r"'\1' er ikke en slags erfaring"),
    (r"'(.+?)' fits several (.+?): ", r"'\1' passer på flere (\2): "),
    (r"^no (criterion|competency|profile in .+?) '(.+?)'", r"ingen (\1) '\2'"),
    (r"; use one of:? ", "; brug en af "),
    (r"; known: ", "; kendte: "),
    (r" \(did you mean ('.+?'(?:, '.+?')*)\?\)", r" (mente du \1?)"),
    (r"unknown keyword '(.+?)'", r"ukendt nøgleord '\1'"),
    (r"no such feature file", "ingen sådan feature-fil"),
    (r"no \.feature files", "ingen .feature-filer"),
    # scoring sheets (screening import scores)
    (r"not an \.xlsx workbook \((.+?)\)", r"ikke en .xlsx-projektmappe (\1)"),
    (r"no sheet '(.+?)' \(write one with `screening sheet`\)",
     r"intet ark '\1' (skriv et med `screening sheet`)"),
    (r"the row of ids lost its 'source' or 'assessor' column",
     "rækken med id'er har mistet kolonnen 'source' eller 'assessor'"),
    (r"empty competency id", "tomt kompetence-id"),
    (r"scores without a candidate id", "scorer uden kandidat-id"),
    (r"candidate '(.+?)' is also on row (\d+)", r"kandidaten '\1' står også i række \2"),
    (r"source '(.*?)' is not one of (.+)", r"kilden '\1' er ikke en af \2"),
    (r"score (.+?) is not a whole number from 1 to 5",
     r"scoren \1 er ikke et helt tal fra 1 til 5"),
    (r"no record for candidate '(.+?)' in (.+)", r"ingen post for kandidaten '\1' i \2"),
    (r"candidate '(.+?)' is a line of a JSON Lines file, which is not updated; give it its own "
     r"record file", r"kandidaten '\1' er en linje i en JSON Lines-fil, som ikke opdateres; giv "
     r"den sin egen postfil"),
    # the audit store
    (r"no audit store here \(nothing has been screened with it yet\)",
     "intet revisionsspor her (der er ikke screenet med det endnu)"),
    (r"a SQLite file, but not a screening audit store",
     "en SQLite-fil, men ikke et revisionsspor fra screening"),
    (r"not an audit store \((.+)\)", r"ikke et revisionsspor (\1)"),
    (r"run '(.+?)' has no candidate '(.+?)'", r"kørsel '\1' har ingen kandidat '\2'"),
    (r"^no candidate '(.+?)'", r"ingen kandidat '\1'"),
    (r"run '(.+?)' screened other rule files, stage or records than this report; leave out "
     r"--run to use the latest matching run",
     r"kørsel '\1' screenede andre regelfiler, et andet stadie eller andre poster end denne "
     r"rapport; udelad --run for at bruge den seneste kørsel, der passer"),
    (r"no run '(.+?)'", r"ingen kørsel '\1'"),
    (r"; latest: ", "; seneste: "),
    (r"stored file (\w+) is missing or changed; run `screening audit verify`",
     r"den gemte fil \1 mangler eller er ændret; kør `screening audit verify`"),
    # lint findings
    (r"derived fact '(.+?)' is not used by any criterion",
     r"det afledte faktum '\1' bruges ikke af noget kriterium"),
    (r"can never be met \(no facts make its condition hold\)",
     "kan aldrig opfyldes (ingen fakta gør betingelsen sand)"),
    (r"is always met once its evidence is there \(the condition cannot fail\)",
     "er altid opfyldt, når evidensen er der (betingelsen kan ikke fejle)"),
    (r"scores (derived fact|competency) '(.+?)' which (.+?) scores too \(the same evidence "
     r"counts twice\)", r"scorer \2, som \3 også scorer (samme evidens tæller to gange)"),
    (r"is a krav, but its quote says '(.+?)', the wording of a wish",
     r"er et krav, men citatet siger '\1', som er ønskeord"),
    (r"is an ønske, but its quote says '(.+?)', the wording of a requirement",
     r"er et ønske, men citatet siger '\1', som er kravord"),
    (r"is a krav, but no word of its quote makes one \(it reads as an ønske\)",
     "er et krav, men intet ord i citatet gør det til et krav (det læses som et ønske)"),
    (r"is a krav, but an organisation module never makes one \(the profile that includes it "
     r"decides\)", "er et krav, men et organisationsmodul gør aldrig noget til krav (profilen, "
     "der inkluderer det, afgør det)"),
    (r"weighs (\S+), but no word of its quote asks for more than (\S+)",
     r"vejer \1, men intet ord i citatet beder om mere end \2"),
    (r"weighs (\S+), but its quote says (.+): weight (\S+)",
     r"vejer \1, men citatet siger \2: vægt \3"),
    (r"reads (\S+): graduation year can stand in for age",
     r"læser \1: afgangsåret kan stå i stedet for alder"),
    (r"uses '(.+?)', which names a protected attribute \('(.+?)'\)",
     r"bruger '\1', som nævner en beskyttet oplysning ('\2')"),
    # protected attributes (protected.py)
    (r"the name says '", "navnet siger '"), (r"the quote says '", "citatet siger '"),
    (r"the competency label says '", "kompetencens navn siger '"),
    (r"the fact description says '", "faktummets beskrivelse siger '"),
    (r"': wording coded for age \(", "': ordlyd der peger på alder ("),
    (r"': wording coded for gender \(", "': ordlyd der peger på køn ("),
    (r"': wording coded for origin \(", "': ordlyd der peger på etnisk eller national "
     "oprindelse ("),
    (r"': wording coded for appearance \(", "': ordlyd om udseende, der står i stedet for køn, "
     "alder eller oprindelse ("),
    (r"': wording coded for family status \(", "': ordlyd der peger på familiestatus ("),
    (r"caps (\S+) at (.+?): a ceiling on years of experience is an age proxy \((.+?)\)",
     r"sætter loft over \1 (\2): et loft over års erfaring står i stedet for alder (\3)"),
    # groups files (screening fairness)
    (r"the groups file is empty", "gruppefilen er tom"),
    (r"the first line names an id column \(id\) and at least one attribute, e\.g\. "
     r"id,køn,aldersgruppe", "første linje nævner en id-kolonne (id) og mindst én "
     "oplysning, fx id,køn,aldersgruppe"),
    (r"(\d+) fields, the header has (\d+)", r"\1 felter, overskriften har \2"),
    (r"candidate '(.+?)' is listed twice", r"kandidaten '\1' står der to gange"),
    # assessments (assessments.py)
    (r"competency '(.+?)' is not in profile (\S+); the assessment counts for nothing",
     r"kompetencen '\1' findes ikke i profilen \2; vurderingen tæller ikke med"),
    # decisions
    (r"has no proposed knock-out to confirm or override; decide whether the candidate goes "
     r"on with --advance or --stop",
     "har ingen foreslået knock-out at bekræfte eller underkende; beslut med --advance eller "
     "--stop, om kandidaten går videre"),
    (r"contradicts the standing decision \(entry (\d+), (\w+) by (.+?) at (\S+)\); pass "
     r"--supersede with a reason to replace it",
     r"strider mod den stående beslutning (post \1, \2 af \3 \4); brug --supersede med en "
     r"begrundelse for at erstatte den"),
    (r"run '(.+?)' is of profile '(.+?)', not '(.+?)'",
     r"kørslen '\1' er af profilen '\2', ikke '\3'"),
    # conditions (E206)
    (r"expected a condition \(a mapping such as \{all: \[\.\.\.\]\}\)",
     "forventede en betingelse (en mapping som {all: [...]})"),
    (r"expected a non-empty list", "forventede en liste, der ikke er tom"),
    (r"unknown condition keys (\[.*?\]); expected (.+?) or (\w+)",
     r"ukendte nøgler i betingelsen \1; forventede \2 eller \3"),
    (r"`some` needs a `where` condition", "`some` kræver en `where`-betingelse"),
    (r"expected a list of evidence sources", "forventede en liste af evidenskilder"),
    (r"expected a score from 1 to 5", "forventede en vurdering fra 1 til 5"),
    (r"unexpected key `(.+?)` here", r"nøglen `\1` hører ikke til her"),
    (r"expected a name", "forventede et navn"),
    (r"expected exactly one operator \((.+?)\), got `(.+?)`",
     r"forventede netop én operator (\1), fik `\2`"),
    (r"`in` needs a non-empty list", "`in` kræver en liste, der ikke er tom"),
    # YAML traps
    (r"a colon and a space inside a value: put the text in quotes \(\"\.\.\.\"\)",
     'kolon og mellemrum inde i en værdi: sæt teksten i anførselstegn ("...")'),
    (r"a tab: YAML indents with spaces only",
     "et tabulatortegn: YAML indrykker kun med mellemrum"),
    (r"a list \(lines starting with '- '\) where fields \(name: value\) were expected",
     "en liste (linjer der starter med '- '), hvor der forventedes felter (navn: værdi)"),
    (r" \(write `priority: (\w+)` instead\)", r" (skriv `priority: \1` i stedet)"),
    # screening trace and screening new
    (r"source '(.+?)' not found \(not beside the rule file, not a path, not a seed\)",
     r"kilden '\1' findes ikke (ikke ved siden af regelfilen, ikke en sti, ikke en kildetekst)"),
    (r"cannot read this (\S+) file: (.+)", r"kan ikke læse denne \1-fil: \2"),
    (r"found no statement that asks something of the candidate \(a bullet, a numbered item, "
     r"a sentence with (.+)\)", r"fandt intet udsagn, der stiller krav til kandidaten (et "
     r"punkt, et nummereret punkt, en sætning med \1)"),
    (r" \(did you mean '(.+?)'\?\)", r" (mente du '\1'?)"),
    # limits of what is read (documents, JSON Lines, includes)
    (r"not UTF-8 text", "ikke UTF-8-tekst"),
    (r"not a regular file", "ikke en almindelig fil"),
    (r"nested deeper than (\d+) levels", r"indlejret dybere end \1 niveauer"),
    (r"more than (\d+) values once its aliases are expanded",
     r"mere end \1 værdier, når aliaserne foldes ud"),
    (r"an alias refers to itself", "et alias henviser til sig selv"),
    (r"duplicate key `(.+?)`", r"nøglen `\1` står to gange"),
    (r"invalid literal for int\(\) with base 10: (.+)", r"ikke et heltal: \1"),
    (r"could not convert string to float: (.+)", r"ikke et tal: \1"),
    (r"Exceeds the limit \((\d+) digits\) for integer string conversion: value has (\d+) "
     r"digits", r"et tal med \2 cifre (højst \1)"),
    (r"outside the folder of the profile \((.+?)\)", r"uden for profilens mappe (\1)"),
    (r"more than (\d+) tests in one condition \((\d+)\); split the criterion",
     r"mere end \1 test i én betingelse (\2); del kriteriet op"),
    (r"`in` takes at most (\d+) values", r"`in` tager højst \1 værdier"),
    (r"this condition compiles into too many rules for the engine \((.+)\); simplify or "
     r"split it", r"betingelsen bliver til for mange regler for motoren (\1); forenkl eller "
     r"del den op"),
    (r"more than (\d+) rules", r"mere end \1 regler"),
    (r"more than (\d+) criteria \((\d+)\)", r"mere end \1 kriterier (\2)"),
    # faults of the audit store
    (r"the results were not recorded: ", "resultaterne blev ikke gemt i revisionssporet: "),
    (r"the audit store is read-only", "revisionssporet er skrivebeskyttet"),
    (r"the disk holding the audit store is full", "disken med revisionssporet er fuld"),
    (r"the audit store is damaged \(corrupt pages\)", "revisionssporet er beskadiget "
     "(ødelagte sider)"),
    (r"not a SQLite file", "ikke en SQLite-fil"),
    (r"the audit store is damaged \(a table is missing\)",
     "revisionssporet er beskadiget (en tabel mangler)"),
    (r"the audit store cannot be opened", "revisionssporet kan ikke åbnes"),
    (r"the audit store is locked by another process",
     "revisionssporet er låst af en anden proces"),
    (r"audit store fault: (.+)", r"fejl i revisionssporet: \1"),
    (r"cannot open the audit store: (.+)", r"kan ikke åbne revisionssporet: \1"),
    (r"an empty file", "en tom fil"),
    (r"entry (\d+): stored file (\w+) is missing", r"post \1: den gemte fil \2 mangler"),
    (r"the lowest band must have `min_score: 0`",
     "det laveste bånd skal have `min_score: 0`"),
]
_COMPILED = [(re.compile(pattern), danish) for pattern, danish in DANISH]


def danish(message: str) -> str:
    for pattern, replacement in _COMPILED:
        message = pattern.sub(replacement, message)
    return message
