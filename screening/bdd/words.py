"""The small vocabulary consultants use in acceptance criteria, read deterministically.

Each reader takes the words as written in a step ("seks", "efter referencerne", "centerchef",
"cand.scient.pol.", "Region Hovedstaden") and returns the record value they stand for, or
raises `Unreadable` saying what it expected. Danish first, with the English words of the
same steps under `# language: en`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from ..messages import Message, Told, message
from ..records import EXPERIENCE_KINDS, SOURCES
from ..vocabulary import did_you_mean

T = TypeVar("T")


class Unreadable(Told, ValueError):
    """Words a step could not read as its argument; `text` says what was expected."""


# --- numbers ------------------------------------------------------------------------------

NUMBER_WORDS = {
    "nul": 0, "ingen": 0, "en": 1, "et": 1, "én": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4,
    "fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12,
    "tretten": 13, "fjorten": 14, "femten": 15, "seksten": 16, "sytten": 17, "atten": 18,
    "nitten": 19, "tyve": 20, "tredive": 30, "fyrre": 40, "halvtreds": 50,
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}
# "fireogtyve", "twenty-four": a unit joined to a ten
_DANISH_COMPOUND = re.compile(r"^(en|to|tre|fire|fem|seks|syv|otte|ni)og(tyve|tredive|fyrre|"
                              r"halvtreds)$")
_ENGLISH_COMPOUND = re.compile(r"^(twenty|thirty|forty|fifty)-(one|two|three|four|five|six|"
                               r"seven|eight|nine)$")
NUMBER = r"(?:\d+|[a-zæøåé]+(?:og[a-z]+|-[a-z]+)?)"  # checked by read_number


def read_number(text: str) -> int:
    word = text.strip().casefold()
    if word.isdigit():
        return int(word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    compound = _DANISH_COMPOUND.match(word) or _ENGLISH_COMPOUND.match(word)
    if compound:
        return NUMBER_WORDS[compound.group(1)] + NUMBER_WORDS[compound.group(2)]
    raise Unreadable(message("not_a_number_word", text=text))


# a place in the ranking: "andenpladsen", "2. pladsen", "second place", "2nd place"
PLACE_WORDS = {
    "første": 1, "anden": 2, "tredje": 3, "fjerde": 4, "femte": 5, "sjette": 6, "syvende": 7,
    "ottende": 8, "niende": 9, "tiende": 10,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}


def read_place(text: str) -> int:
    """'anden', '2.', 'second', '2nd' -> 2."""
    word = text.strip().casefold()
    if word in PLACE_WORDS:
        return PLACE_WORDS[word]
    digits = re.fullmatch(r"(\d+)(?:\.|st|nd|rd|th)", word)
    if digits and int(digits.group(1)) > 0:
        return int(digits.group(1))
    raise Unreadable(message("not_a_place", text=text))


# --- the process: sources of evidence and stages ------------------------------------------

SOURCE_WORDS: dict[str, tuple[str, ...]] = {
    "ansøgning": ("ansøgning", "ansøgningen", "cv'et", "cv", "ansøgningstidspunktet",
                  "ansøgningsfristen", "the application", "application", "the application "
                  "stage", "the cv"),
    "samtale1": ("samtale1", "første samtale", "1. samtale", "første samtaler",
                 "1. samtaler", "første runde", "samtale 1", "the first interview",
                 "first interview", "the 1st interview", "1st interview"),
    "test": ("test", "testen", "dialogtest", "dialogtesten", "ledelsestest", "ledelsestesten",
             "personlighedstest", "personlighedstesten", "the test", "the dialogue test"),
    "reference": ("reference", "referencen", "referencerne", "referencetagningen",
                  "the reference", "the references", "references"),
    "samtale2": ("samtale2", "anden samtale", "2. samtale", "anden samtaler", "2. samtaler",
                 "anden runde", "samtale 2", "the second interview", "second interview",
                 "the 2nd interview", "2nd interview"),
}
_SOURCE_OF_WORD = {word: source for source, words in SOURCE_WORDS.items() for word in words}
STAGE_PREPOSITIONS = ("på", "til", "efter", "ved", "at", "for", "after")


def read_source(text: str) -> str:
    word = text.strip().casefold()
    if word in _SOURCE_OF_WORD:
        return _SOURCE_OF_WORD[word]
    raise Unreadable(message("not_a_source", text=text)
                     + did_you_mean(word, _SOURCE_OF_WORD, most=3)
                     + message("use_one_of", names=", ".join(SOURCE_WORDS)))


def read_stage(text: str) -> str:
    """'efter referencerne', 'på ansøgningstidspunktet', 'til anden samtale' or a source id."""
    words = text.strip()
    first, _, rest = words.partition(" ")
    if first.casefold() in STAGE_PREPOSITIONS and rest:
        words = rest
    try:
        return read_source(words)
    except Unreadable:
        raise Unreadable(message("not_a_stage", text=text, stages=", ".join(SOURCES))
                         ) from None


# --- positions ----------------------------------------------------------------------------

# the first word found in a title decides its level ("skolechef": chef; "afdelingsleder":
# mellemleder); the order matters: "teamleder" before "leder", "direktør" before "chef"
TITLE_LEVELS: tuple[tuple[str, str], ...] = (
    ("direktør", "direktion"), ("director", "direktion"), ("chief executive", "direktion"),
    ("teamleder", "førstelinjeleder"), ("førstelinjeleder", "førstelinjeleder"),
    ("team leader", "førstelinjeleder"), ("team lead", "førstelinjeleder"),
    ("chef", "chef"), ("head of", "chef"), ("leder", "mellemleder"), ("manager", "mellemleder"),
    ("konsulent", "ingen"), ("medarbejder", "ingen"), ("fuldmægtig", "ingen"),
    ("sagsbehandler", "ingen"), ("specialist", "ingen"), ("rådgiver", "ingen"),
    ("consultant", "ingen"), ("adviser", "ingen"), ("advisor", "ingen"),
)
TITLE_DOMAINS: tuple[tuple[str, str], ...] = (
    ("skole", "skole"), ("school", "skole"), ("dagtilbud", "dagtilbud"),
    ("daginstitution", "dagtilbud"), ("fritid", "fritid"), ("idræt", "idræt"),
    ("børne", "børn_og_unge"), ("børn", "børn_og_unge"), ("children", "børn_og_unge"),
    ("familie", "familie"), ("jobcenter", "beskæftigelse"), ("beskæftigelse", "beskæftigelse"),
    ("arbejdsmarked", "beskæftigelse"), ("employment", "beskæftigelse"),
    ("social", "socialområdet"), ("handicap", "handicap"), ("psykiatri", "psykiatri"),
    ("sundhed", "sundhed"), ("health", "sundhed"), ("ældre", "ældre"), ("integration",
                                                                         "integration"),
    ("kultur", "kultur"), ("teknisk", "teknik_og_miljø"), ("teknik", "teknik_og_miljø"),
    ("miljø", "teknik_og_miljø"), ("økonomi", "økonomi"), ("finance", "økonomi"),
    ("personale", "hr"), ("hr", "hr"), ("kommunikation", "kommunikation"),
    ("communication", "kommunikation"), ("sekretariat", "politisk_sekretariat"),
    ("digitalisering", "digitalisering"), ("jura", "jura"), ("juridisk", "jura"),
    ("udvikling", "udvikling"), ("administration", "administration"),
)
SECTOR_WORDS = ("kommune", "region", "stat", "privat", "selvejende", "forening", "andet")
# how an organisation's name gives away its sector; checked in this order
_SECTOR_SIGNS: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"\b(a/s|aps|i/s|p/s|k/s|amba|a\.m\.b\.a\.?|holding|ltd|inc|gmbh|ab)\b",
                re.I), "privat"),
    (re.compile(r"\b(kommune|kommunes|municipality|council)\b", re.I), "kommune"),
    (re.compile(r"\bregion\b", re.I), "region"),
    (re.compile(r"(ministeriet|ministerium|styrelsen|styrelse|direktoratet|rigspolitiet|"
                r"folketinget|ministry|agency)\b", re.I), "stat"),
    (re.compile(r"(fonden|\bfond\b|selvejende|foundation)", re.I), "selvejende"),
    (re.compile(r"(forening|forbund|association)", re.I), "forening"),
)
LEADER_WORDS = re.compile(r"^(?:\w*ledere|\w*chefer|direktører|managers|heads|leaders|"
                          r"team leaders|directors)$", re.I)
STAFF_WORDS = re.compile(r"^(?:medarbejdere|ansatte|staff|employees|people)$", re.I)


def read_level(title: str) -> str:
    low = title.casefold()
    for word, level in TITLE_LEVELS:
        if word in low:
            return level
    raise Unreadable(message("no_leadership_level", title=title,
                             words=", ".join(w for w, _ in TITLE_LEVELS)))


def domains_in(text: str) -> list[str]:
    """The fields a title or a 'med ansvar for …' phrase names, in the order named."""
    low = text.casefold()
    found: list[str] = []
    for word, domain in TITLE_DOMAINS:
        if re.search(rf"\b{re.escape(word)}|{re.escape(word)}\w*chef", low) and \
                domain not in found:
            found.append(domain)
    return found


def read_sector(organisation: str, explicit: str | None = None) -> str:
    if explicit:
        if explicit.casefold() in SECTOR_WORDS:
            return explicit.casefold()
        raise Unreadable(message("not_a_sector", text=explicit)
                         + message("use_one_of", names=", ".join(SECTOR_WORDS)))
    for sign, sector in _SECTOR_SIGNS:
        if sign.search(organisation):
            return sector
    raise Unreadable(message("no_sector", organisation=organisation,
                             sectors=", ".join(SECTOR_WORDS)))


def read_led(word: str) -> str:
    """'afdelingsledere' are leaders led, 'medarbejdere' staff led."""
    if LEADER_WORDS.match(word):
        return "leaders_led"
    if STAFF_WORDS.match(word):
        return "staff_led"
    raise Unreadable(message("not_leaders_or_staff", word=word))


# --- education ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Degree:
    level: str
    area: str | None = None
    leadership: bool = False


# cand.<x>: the area of the subject abbreviation
CAND_AREAS = {
    "scient.pol": "samfundsvidenskab", "scient.adm": "samfundsvidenskab",
    "scient.soc": "samfundsvidenskab", "soc": "samfundsvidenskab", "polit": "økonomi",
    "oecon": "økonomi", "jur": "jura", "merc": "erhvervsøkonomi", "merc.jur": "jura",
    "pæd": "pædagogik", "psych": "samfundsvidenskab", "mag": "humaniora", "phil": "humaniora",
    "theol": "humaniora", "comm": "humaniora", "scient": "naturvidenskab",
    "med": "sundhed", "scient.san": "sundhed", "cur": "sundhed", "arch": "teknik",
    "polyt": "teknik",
}
# a degree named in words: the first pattern that matches decides
DEGREE_PATTERNS: tuple[tuple[re.Pattern, Degree], ...] = (
    (re.compile(r"\b(mpa|mpg|master (i|of) (offentlig|public) (ledelse|administration|"
                r"governance))\b", re.I), Degree("master", "ledelse", True)),
    (re.compile(r"\bmba\b|master of business administration", re.I),
     Degree("mba", "ledelse", True)),
    (re.compile(r"\bmaster\w* (i|in) \w*ledelse|master\w* (i|in) (leadership|management)",
                re.I), Degree("master", "ledelse", True)),
    (re.compile(r"\bdiplom\w* (i|in) \w*ledelse|\bdil\b|diploma (i|in) (leadership|"
                r"management)", re.I), Degree("diplom", "ledelse", True)),
    (re.compile(r"\b(lederuddannelse|ledelsesuddannelse|leadership (course|programme|"
                r"program))\b", re.I), Degree("kursus", "ledelse", True)),
    (re.compile(r"\bph\.?d\.?\b", re.I), Degree("phd")),
    (re.compile(r"\bmaster\b", re.I), Degree("master")),
    (re.compile(r"\bdiplom", re.I), Degree("diplom")),
    (re.compile(r"professionsbachelor\w* (som )?(lærer|pædagog)", re.I),
     Degree("professionsbachelor", "pædagogik")),
    (re.compile(r"professionsbachelor\w* (som )?(sygeplejerske|fysioterapeut|ergoterapeut)",
                re.I), Degree("professionsbachelor", "sundhed")),
    (re.compile(r"professionsbachelor\w* (som )?socialrådgiver", re.I),
     Degree("professionsbachelor", "samfundsvidenskab")),
    (re.compile(r"professionsbachelor", re.I), Degree("professionsbachelor")),
    (re.compile(r"\bbachelor", re.I), Degree("bachelor")),
    (re.compile(r"\b(kandidatuddannelse|kandidatgrad|master's degree)\b", re.I),
     Degree("kandidat")),
    (re.compile(r"\b(erhvervsuddannelse|vocational)\b", re.I), Degree("erhvervsuddannelse")),
)
_CAND = re.compile(r"\bcand\.\s*([a-zæøå.]+?)\.?(?=\s|$|,)", re.I)
AREA_WORDS = {"samfundsvidenskab": "samfundsvidenskab", "statskundskab": "samfundsvidenskab",
              "political science": "samfundsvidenskab", "jura": "jura", "law": "jura",
              "økonomi": "økonomi", "economics": "økonomi", "historie": "humaniora",
              "dansk": "humaniora", "pædagogik": "pædagogik", "sociologi": "samfundsvidenskab",
              "forvaltning": "samfundsvidenskab", "folkesundhed": "sundhed"}


def read_degree(text: str) -> Degree:
    """'en cand.scient.pol.', 'en master i offentlig ledelse', 'en diplomuddannelse i
    ledelse', 'en professionsbachelor som lærer' as level, area and leadership."""
    cand = _CAND.search(text)
    if cand:
        subject = cand.group(1).casefold().rstrip(".")
        area = CAND_AREAS.get(subject) or CAND_AREAS.get(subject.split(".")[0])
        if area is None:
            raise Unreadable(message("unknown_degree", degree=f"cand.{subject}.")
                             + message("known", names=", ".join(f"cand.{s}." for s in CAND_AREAS)))
        return Degree("kandidat", area)
    for pattern, degree in DEGREE_PATTERNS:
        if pattern.search(text):
            area = degree.area or _area_named(text)
            return Degree(degree.level, area, degree.leadership)
    raise Unreadable(message("unknown_education", text=text))


def _area_named(text: str) -> str | None:
    low = text.casefold()
    return next((area for word, area in AREA_WORDS.items() if word in low), None)


# --- experience ---------------------------------------------------------------------------

EXPERIENCE_SYNONYMS = {"pressehåndtering": "mediehåndtering", "pressen": "mediehåndtering",
                       "media relations": "mediehåndtering",
                       "medierne": "mediehåndtering", "media": "mediehåndtering",
                       "the media": "mediehåndtering", "med-systemet": "med_samarbejde",
                       "med-samarbejdet": "med_samarbejde", "økonomi": "økonomistyring",
                       "budgetter": "økonomistyring", "budgets": "økonomistyring",
                       "politikerne": "politisk_betjening", "politicians": "politisk_betjening",
                       "bestyrelser": "bestyrelsesarbejde"}


def read_experience(text: str) -> str:
    """An experience kind from its words: 'mediehåndteringen', 'politisk betjening'."""
    low = text.strip().casefold()
    if low in EXPERIENCE_SYNONYMS:
        return EXPERIENCE_SYNONYMS[low]
    spelled = {kind.replace("_", " "): kind for kind in EXPERIENCE_KINDS}
    found = best_matches(low, spelled)
    if len(found) == 1:
        return spelled[found[0]]
    raise Unreadable(message("not_an_experience", text=text)
                     + did_you_mean(low, spelled, most=3)
                     + message("known", names=", ".join(spelled)))


# --- phrases: criteria, competencies, profiles, people ------------------------------------

STOPWORDS = frozenset(
    {"i", "og", "om", "for", "fra", "en", "et", "med", "af", "at", "på", "til", "der", "det",
     "de", "den", "som", "er", "har", "kun", "eller", "samt", "særligt", "særdeles", "gode",
     "god", "godt", "stærke", "stærk", "sin", "sit", "sine", "the", "of", "a", "an", "in", "on",
     "with", "and", "to"})


def tokens(text: str) -> list[str]:
    return [w for w in re.findall(r"[\wæøå]+", text.casefold()) if w not in STOPWORDS]


INFLECTIONS = ("erne", "ende", "ning", "ene", "en", "et", "er", "e")


def _same_word(a: str, b: str) -> bool:
    """One word inflected or compounded: 'socialområdet'/'social', 'enhedsdirektionen'/
    'enhedsdirektion', 'rådgivning'/'rådgiver' (not 'Helsingborg'/'Helsingør')."""
    if a == b:
        return True
    if min(len(a), len(b)) >= 5 and (a.startswith(b) or b.startswith(a)):
        return True
    stem = _stem(a)
    return len(stem) >= 5 and stem == _stem(b)


def _stem(word: str) -> str:
    return next((word[: -len(end)] for end in INFLECTIONS if word.endswith(end)), word)


@dataclass
class _Tiers:
    """Matches of a phrase by how exactly they match: the first tier that has any wins."""

    exact: list[str] = field(default_factory=list)
    piece: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)


def best_matches(phrase: str, names: dict[str, T] | Iterable[str]) -> list[str]:
    """The names a phrase means: exactly, as a piece of the name, or word by word (each
    word of the phrase, inflected or compounded, found in the name)."""
    low = " ".join(phrase.casefold().replace("_", " ").replace("-", " ").split())
    wanted = tokens(low)
    tiers = _Tiers()
    for name in names:
        spelled = " ".join(name.casefold().replace("_", " ").replace("-", " ").split())
        if low == spelled:
            tiers.exact.append(name)
        elif low and low in spelled:
            tiers.piece.append(name)
        elif wanted and all(any(_same_word(w, n) for n in tokens(spelled)) for w in wanted):
            tiers.words.append(name)
    return tiers.exact or tiers.piece or tiers.words


def choose(phrase: str, options: dict[str, T], what: Message) -> T:
    """The one option a phrase names (keys are the names, several may lead to one value);
    `what` names the kind of option, as in "no criterion 'x'"."""
    found = best_matches(phrase, options)
    values = list({_identity(options[name]): options[name] for name in found}.values())
    if len(values) == 1:
        return values[0]
    if values:
        raise Unreadable(message("fits_several", phrase=phrase, what=what,
                                 names=", ".join(sorted({_display(v) for v in values}))))
    raise Unreadable(message("no_such", what=what, phrase=phrase)
                     + did_you_mean(phrase, options, most=3))


def _identity(value: object) -> object:
    """Equal strings are one option; other values (profiles) are one option each."""
    return value if isinstance(value, str) else id(value)


def _display(value: object) -> str:
    """An option as a message names it: its id (a profile's is its meta's), or itself."""
    return str(getattr(getattr(value, "meta", value), "id", value))


def slug(name: str) -> str:
    """A record id from a person's name: 'Mette Kjær' -> 'mette-kjær'."""
    return "-".join(re.findall(r"[\wæøå]+", name.casefold()))


def plain(text: str) -> str:
    """Danish letters spelled out the way ids do: 'kjær' -> 'kjaer'."""
    text = text.casefold().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def split_names(text: str) -> list[str]:
    """'Mette, Anders og Sofie' -> the three names ('and' in English)."""
    return [n.strip() for n in re.split(r",\s*|\s+og\s+|\s+and\s+", text) if n.strip()]
