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
    (r" \(did you mean '(.+?)'\?\)", r" (mente du '\1'?)"),
]
_COMPILED = [(re.compile(pattern), danish) for pattern, danish in DANISH]


def danish(message: str) -> str:
    for pattern, replacement in _COMPILED:
        message = pattern.sub(replacement, message)
    return message
