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
    (r"unknown keyword '(.+?)'", r"ukendt nøgleord '\1'"),
    (r"no such feature file", "ingen sådan feature-fil"),
    (r"no \.feature files", "ingen .feature-filer"),
    # the audit store
    (r"no audit store here \(nothing has been screened with it yet\)",
     "intet revisionsspor her (der er ikke screenet med det endnu)"),
    (r"a SQLite file, but not a screening audit store",
     "en SQLite-fil, men ikke et revisionsspor fra screening"),
    (r"not an audit store \((.+)\)", r"ikke et revisionsspor (\1)"),
    (r"run '(.+?)' has no candidate '(.+?)'", r"kørsel '\1' har ingen kandidat '\2'"),
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
    (r"reads (\S+): graduation year can stand in for age",
     r"læser \1: afgangsåret kan stå i stedet for alder"),
    (r"uses '(.+?)', which names a protected attribute \('(.+?)'\)",
     r"bruger '\1', som nævner en beskyttet oplysning ('\2')"),
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
