"""Words: how a profile's Danish wording is read, and conditions rendered for explanations.

`read_wording` is the one reading of docs/reading-profiles.md: which words make a krav, which
an ønske, and which ask for weight. `screening lint` checks rule files against it, and a
profile drafter can propose priorities and weights with it. The word lists below are the
guide's tables; change them together with the guide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any, NamedTuple

from . import conditions as cond
from .catalogue import COLLECTIONS, Collection, ItemField, holds_of, label_of, value_label
from .display import one_line
from .i18n import decimal, t
from .i18n import language as chosen_language
from .profiles import Derived, Profile
from .results import Between, Evidence, ItemsLacking, Missing, NotAssessed, NotGiven
from .vocabulary import STAGES, label

# --- reading the wording (docs/reading-profiles.md) ----------------------------------------

# Each list holds the Danish words, then the English ones: a profile text in English is
# read by the same rules ("must" as "skal", "an advantage" as "en fordel").
# Words that decide: the text says outright that the candidate cannot do without it (R1).
DECISIVE_WORDS = ("afgørende", "krav", "kræver", "kræves", "forudsætning", "forudsætter",
                  "forudsættes", "nødvendig", "nødvendigt", "nødvendige", "betingelse",
                  "påkrævet", "essential", "required", "requires", "a requirement")
# Words of obligation: a krav, unless a softened list or the organisation's voice (R2).
OBLIGATION_WORDS = ("skal", "forventes", "forventer", "forventningen", "must",
                    "you are expected", "we expect you", "it is expected that")
# Words of a wish: always an ønske, whatever else the sentence says (R3).
WISH_WORDS = ("gerne", "ser gerne", "et plus", "vægtes positivt", "fordel", "en fordel",
              "ønskelig", "ønskeligt", "vi forestiller os", "bør", "burde", "an advantage",
              "preferred", "we value", "desirable", "a plus", "should")
# Words that single a statement out: an ønske with them weighs 2 (R4). "afgørende vægt"
# weighs; it does not decide.
EMPHASIS_WORDS = ("særdeles", "vigtig", "vigtigt", "vigtige", "vigtigste", "væsentlig",
                  "væsentligt", "væsentlige", "væsentligste", "centralt", "særligt",
                  "først og fremmest", "lægger vægt på", "lægger vi vægt på",
                  "lægger stor vægt på", "lægger vi stor vægt på", "afgørende vægt",
                  "particularly", "especially", "important", "of great importance",
                  "above all", "first and foremost", "emphasis on")
# Obligations whose subject is the organisation, not the candidate ("Vi skal have et blik
# for …", "der skal være balance …"): they describe the job, so an ønske of weight 2 (R5).
ORGANISATION_VOICE = ("vi skal", "skal vi", "der skal", "skal der", "we must")
# Phrases whose requirement word speaks of a situation or a task, or is negated, or
# describes a thing ("en afgørende spiller"): read as if the phrase were not there (R6).
NEUTRAL_PHRASES = ("når situationen kræver det", "hvor det er nødvendigt",
                   "når det er nødvendigt", "når det er påkrævet", "der kræver",
                   "herunder særligt", "ikke en betingelse", "ikke et krav", "forventes ikke",
                   "forventer ikke", "ikke afgørende", "ikke nødvendigt", "ikke nødvendig",
                   "ikke påkrævet", "ikke en forudsætning", "ikke krav", "kræves ikke",
                   "forudsættes ikke", "en afgørende", "en helt afgørende", "et afgørende",
                   "den nødvendige", "det nødvendige", "de nødvendige", "hvad der forventes",
                   "not required",
                   "not essential", "not a requirement", "an essential", "the required",
                   "should you")
# A requirement word said of a thing, not of the person (R6): read as if it were not there.
_ADVERB = r"(?:derfor|også|desuden|altid|løbende|fortsat|samtidig|her|nu)"
_ADVERBS = rf"(?:{_ADVERB}\s+)*"
# a decisive adjective before its noun, not said of what it follows: "nødvendig
# koordinering", "afgørende betydning" (not "er afgørende, at", "er nødvendigt for", nor
# "Det afgørende er, at du")
_DECISIVE_BEFORE_NOUN = re.compile(
    r"(?<!\w)(?<!\ber )(?<!\bvære )(?:afgørende|nødvendig|nødvendigt|nødvendige|påkrævet|påkrævede)"
    r"(?=\s+(?!(?:at|for|og|eller|i|hvis|når|som|til|med|på|er|var)(?!\w))[a-zæøå])")
# "krav" after an adjective: requirements the post meets, not ones asked of the person
# ("modsatrettede krav", "lovgivningsmæssige krav", "nye krav")
_KRAV_OF_A_THING = re.compile(
    r"(?<!\w)(\w*(?:ige|ske|ede|nde)|nye|store|høje|mange|flere|disse|samme|andre)\s+krav(?!\w)")
# an obligation in the passive: what is to be done, by whoever ("Opgaven skal løses",
# "Organisationens innovative kraft skal understøttes"), not what the person must bring;
# "der skal løses" stays the organisation's voice (R5), "du skal trives" is said of the person
_PASSIVE = re.compile(rf"(?<!\w)(?<!\bder )(?<!\bdu )(?<!\bman )skal"
                      rf"(?=\s+{_ADVERBS}(?P<verb>\w{{3,}}es)(?!\w))")
# words in -es after "skal" that are no passive: adverbs, and verbs active in that form
NOT_PASSIVE = ("ligeledes", "således", "anderledes", "ellers", "trives", "lykkes", "mødes",
               "enes", "færdes", "findes", "synes", "længes", "mindes")
# "must be" and a participle: what is to be done, by whoever ("Experience of leading leaders
# must be documented", "Applications must be submitted …"), as "skal" in the passive is;
# said of "you" or "we", or with a participle that describes people ("The candidate must be
# experienced"), it asks something of the person
_PASSIVE_MUST = re.compile(r"(?<!\w)(?P<subject>\w+)\s+must(?:\s+(?:also|always))?\s+be\s+"
                           r"(?P<verb>\w+ed|\w+en|done|made|shown|held|sent|kept|met|set|"
                           r"built|found|brought|sought|taught|paid|read|put)(?!\w)")
SAID_OF_PEOPLE = ("prepared", "experienced", "committed", "interested", "motivated",
                  "skilled", "qualified", "dedicated", "trained", "educated", "engaged",
                  "driven", "organised", "organized", "structured", "used", "accustomed",
                  "known", "based", "seasoned", "grounded", "rooted", "talented", "gifted",
                  "focused", "determined", "balanced")
# The task, the post and the organisation, as the subject of a requirement (R6): "Opgaven
# kræver tæt koordinering", "indsatsen, som også kræver opmærksomhed", "The task requires
# close coordination" say what the work needs, not what the person must bring. Word endings:
# "Ledelsesopgaven", "ansvarsområdet".
WORK_SUBJECTS = ("opgave", "opgaven", "opgaver", "opgaverne", "stilling", "stillingen", "job",
                 "jobbet", "rolle", "rollen", "organisation", "organisationen", "kommunen",
                 "området", "arbejdet", "indsatsen", "funktionen", "task", "tasks", "role",
                 "post", "position", "organization", "work")
# What the work requires when it asks for the person after all: "Stillingen kræver en leder
# med …", "Opgaven kræver, at du …", "Rollen kræver erfaring med …", "The post requires a
# leader …". Whole words: "du", "dig", "you" (not "digital"); word beginnings: the others.
PERSON_ASKED_WORDS = ("du", "dig", "you")
ASKED_OF_THE_PERSON = ("leder", "direktør", "chef", "person", "kandidat", "ansøger", "erfaring",
                       "forståelse", "evne", "kompetence", "indsigt", "viden", "kendskab",
                       "uddannelse", "leader", "director", "manager", "candidate",
                       "experience", "understanding", "abilit", "competenc", "insight",
                       "knowledge", "education", "degree")
_REQUIRED_BY_THE_WORK = re.compile(
    rf"(?<!\w)\w*(?:{'|'.join(WORK_SUBJECTS)})(?:,?\s+(?:som|which|that))?\s+{_ADVERBS}"
    rf"(?P<verb>kræver|forudsætter|requires)(?!\w)"
    rf"(?P<what>(?:,?\s+(?:at|that)(?!\w))?[^.,;:!?]*)")
# The people a requirement may be said of: "Det forventes, at du …", "forventes det, at
# direktøren …", "Din ledelse skal …". Whole words: the pronouns; word beginnings: the
# others.
PERSON_SUBJECTS = ("du", "din", "dit", "dine", "man", "vi", "vedkommende", "you", "your",
                   "we")
PERSON_SUBJECT_STEMS = ("leder", "direktør", "direktion", "chef", "person", "kandidat",
                        "ansøger", "koncernledelse", "kollega", "profil", "leader", "director",
                        "manager", "candidate", "applicant", "colleague")
# a passive requirement whose "at"-clause begins with what it is said of: "Det forudsættes,
# at denne mailadresse kan anvendes …" asks a thing of the process, nothing of the
# candidate, as "It is required that the address can be used …" does
_REQUIRED_THAT = re.compile(
    rf"(?<!\w)(?:det\s+(?P<verb>forudsættes|forventes|kræves)|(?P<inverted>forudsættes"
    rf"|forventes|kræves)\s+det|it\s+is\s+(?P<english>required|expected))(?:\s+{_ADVERB})*,?"
    rf"\s+(?:at|that)\s+(?P<subject>\w+(?:\s+\w+){{0,2}})")
# "skal" said of a thing: the clause before it names no person, nor do the words right after
# it (where the subject stands in "Derfor skal lederne …", "I den sidste ende skal en leder
# …"): "Styring skal være en måde at skabe udvikling …", "Arbejdsprogrammet skal være et
# redskab …", "Medarbejderne skal have gode rammer …" say what a thing is to be, not what the
# candidate must bring. A clause begins the statement or follows a comma, colon or bracket.
_SKAL_OF_A_THING = re.compile(r"(?:^|(?<=[.,;:(!?–]))\s*(?P<before>(?:[\w-]+\s+){1,4})skal(?!\w)"
                              r"(?P<after>(?:\s+[\w-]+){0,3})")
_PERSON_SUBJECT = re.compile(rf"(?<!\w)(?:(?:{'|'.join(PERSON_SUBJECTS)})(?!\w)"
                             rf"|{'|'.join(PERSON_SUBJECT_STEMS)})")
_PERSON_ASKED = re.compile(rf"(?<!\w)(?:(?:{'|'.join(PERSON_ASKED_WORDS)})(?!\w)"
                           rf"|{'|'.join(ASKED_OF_THE_PERSON)})")

# Statements that soften the list they introduce: its obligation words make ønsker (R7). A
# rule file that reads such a list sets the statement aside, quoting it.
SOFTENERS = ("vi forventer ikke, at du kan alt", "flest mulig af nedenstående",
             "ingen ledere scorer højt hele vejen igennem", "we do not expect you to have it all",
             "we don't expect you to have it all", "we do not expect you to master everything",
             "as many as possible of the following", "as many of the following as possible",
             "no leader scores high on all")


# A krav/ønske column's own words for a wish, beside the wish words above: "Ønske", "Plus"
CELL_WISH_WORDS = ("ønske", "ønsket", "ønskes", "plus")


class Reading(NamedTuple):
    """What the words of a statement ask for."""

    priority: str  # "krav" or "ønske"
    weight: float | None  # None: the profile's weight for the priority; 2.0: an emphasised ønske
    words: tuple[str, ...]  # the words that decided, in the guide's spelling


def read_wording(text: str, *, softened: bool = False, organisation: bool = False) -> Reading:
    """Read one statement the way docs/reading-profiles.md does.

    `softened`: the statement stands in a list introduced by a softener ("Vi forventer ikke,
    at du kan alt …"). `organisation`: it stands in an organisation text (a module: a
    ledelsesgrundlag or arbejdsgrundlag for every leader), which never makes a krav.
    """
    text = _without(text.lower(), NEUTRAL_PHRASES)
    emphasis = _found(text, EMPHASIS_WORDS)
    text = _said_of_the_person(_without(text, EMPHASIS_WORDS))  # emphasis read once, as such
    wishes = _found(text, WISH_WORDS)
    voice = _found(text, ORGANISATION_VOICE)
    decisive = _found(text, DECISIVE_WORDS)
    obligations = _found(_without(text, ORGANISATION_VOICE), OBLIGATION_WORDS)
    if wishes:
        return Reading("ønske", 2.0 if emphasis else None, wishes + emphasis)
    if decisive and not organisation:
        return Reading("krav", None, decisive)
    if obligations and not softened and not organisation:
        return Reading("krav", None, obligations)
    asked = decisive + obligations + voice + emphasis
    return Reading("ønske", 2.0 if asked else None, asked)


def _said_of_the_person(text: str) -> str:
    """`text` without the requirement words it says of a thing (R6)."""
    text = _DECISIVE_BEFORE_NOUN.sub(" ", text)
    text = _KRAV_OF_A_THING.sub(r"\1 ", text)
    text = _REQUIRED_BY_THE_WORK.sub(_unless_asked_of_the_person, text)
    text = _REQUIRED_THAT.sub(_unless_said_of_people, text)
    text = _SKAL_OF_A_THING.sub(_unless_a_person_is_the_subject, text)
    text = _PASSIVE_MUST.sub(lambda found: found.group(0)
                             if found.group("subject") in PERSON_SUBJECTS
                             or found.group("verb") in SAID_OF_PEOPLE
                             else found.group(0).replace("must", " ", 1), text)
    return _PASSIVE.sub(lambda found: found.group(0) if found.group("verb") in NOT_PASSIVE
                        else " ", text)


def _unless_asked_of_the_person(found: re.Match[str]) -> str:
    """A requirement of the work without its verb, unless what it requires is the person."""
    if _PERSON_ASKED.search(found.group("what")):
        return found.group(0)
    start, end = found.span("verb")
    return found.group(0)[:start - found.start()] + " " + found.group(0)[end - found.start():]


def _unless_said_of_people(found: re.Match[str]) -> str:
    """A passive requirement without its verb, unless its "at"-clause is said of people."""
    if _PERSON_SUBJECT.search(found.group("subject")):
        return found.group(0)
    verb = next(name for name in ("verb", "inverted", "english") if found.group(name))
    start, end = found.span(verb)
    return found.group(0)[:start - found.start()] + " " + found.group(0)[end - found.start():]


def _unless_a_person_is_the_subject(found: re.Match[str]) -> str:
    """A "skal" said of a thing without its "skal"; "De skal gå forrest" speaks of people,
    "der skal være balance …" in the organisation's voice (R5)."""
    before = found.group("before")
    if (_PERSON_SUBJECT.search(before) or _PERSON_SUBJECT.search(found.group("after"))
            or before.split() == ["de"] or before.split()[-1] == "der"):  # "der skal": R5
        return found.group(0)
    return found.group(0).replace("skal", " ", 1)


def read_cell(text: str) -> Reading | None:
    """A table cell that says only how much its row counts ("Krav", "Ønske", "Afgørende",
    "Et plus"): its reading, the words of docs/reading-profiles.md as a statement's. None for
    any other cell, and for one naming both ("Krav/ønske": the column's heading)."""
    lowered = text.lower()
    rest = _without(lowered, NEUTRAL_PHRASES + DECISIVE_WORDS + OBLIGATION_WORDS + WISH_WORDS
                    + EMPHASIS_WORDS + CELL_WISH_WORDS)
    reading = read_wording(lowered)
    wishes = _found(_without(lowered, WISH_WORDS), CELL_WISH_WORDS)  # "et plus" once
    if re.search(r"\w", rest) or not (reading.words or wishes):
        return None
    if wishes and reading.priority == "krav":
        return None
    return Reading("ønske", reading.weight, reading.words + wishes) if wishes else reading


def is_softener(text: str) -> bool:
    return bool(_found(text.lower(), SOFTENERS))


def _found(text: str, words: tuple[str, ...]) -> tuple[str, ...]:
    if not _any_word(words).search(text):  # most statements: one search, not one a word
        return ()
    return tuple(w for w in words if _word(w).search(text))


def _without(text: str, phrases: tuple[str, ...]) -> str:
    if not _any_word(phrases).search(text):
        return text
    for phrase in phrases:
        text = _word(phrase).sub(" ", text)
    return text


# The guide's words, each and each list of them as whole words, escaped and compiled once,
# not for each statement: re's own cache holds fewer patterns than there are words, and a
# profile text of 100,000 sentences spent most of a minute compiling and trying them.
@cache
def _word(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")


@cache
def _any_word(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, phrases))})(?!\w)")


# --- conditions in words -------------------------------------------------------------------

OP_WORDS = {
    "da": {"eq": "er", "ne": "er ikke", "gt": "er over", "gte": "er mindst", "lt": "er under",
           "lte": "er højst", "in": "er en af", "contains": "omfatter"},
    "en": {"eq": "is", "ne": "is not", "gt": "is over", "gte": "is at least", "lt": "is under",
           "lte": "is at most", "in": "is one of", "contains": "includes"},
}
# the words that join a condition's parts; a profile's own words (labels, descriptions)
# are shown as written
CONDITION_WORDS = {
    "da": {"and": " og ", "or": " eller ", "not": "ikke ({})", "some": "en {} hvor {}",
           "none": "ingen {} hvor {}", "rated": "'{}' vurderes til mindst {}",
           "partly": " (delvist: mindst {})", "by": " (fra {})", "not_fact": "ikke: {}",
           "not_entry": "ikke {}", "rated_as": "vurderet til {}",
           "rated_named": "'{}' vurderet til {}", "are": "er"},
    "en": {"and": " and ", "or": " or ", "not": "not ({})", "some": "{} where {}",
           "none": "no {} where {}", "rated": "'{}' is rated at least {}",
           "partly": " (partly: at least {})", "by": " (by {})", "not_fact": "not: {}",
           "not_entry": "not {}", "rated_as": "rated {}",
           "rated_named": "'{}' rated {}", "are": "are"},
}
# an item field's evidence: "positions[1].politically_governed"
ITEM_FIELD = re.compile(r"^(?P<collection>\w+)\[(?P<index>\d+)\]\.(?P<field>\w+)$")


def value_text(value: Any, language: str | None = None) -> str:
    """A value as a person reads it, in `language` (the chosen language when None)."""
    lang = language or chosen_language()
    if isinstance(value, bool):
        return ("ja" if value else "nej") if lang == "da" else ("yes" if value else "no")
    if isinstance(value, float):
        return decimal(f"{value:g}", lang)
    if isinstance(value, dict) and value.keys() == {"low", "high"}:  # a stored Between
        value = Between(value["low"], value["high"])
    if isinstance(value, Between):  # "3–7", or "mindst 3" with no upper bound
        low = value_text(value.low, lang)
        if value.high is None:
            return f"mindst {low}" if lang == "da" else f"at least {low}"
        return f"{low}–{value_text(value.high, lang)}"
    if isinstance(value, list | tuple):
        return ", ".join(value_text(v, lang) for v in value) or ("ingen" if lang == "da"
                                                                  else "none")
    return str(value)


def missing_text(missing: Missing) -> str:
    """What is missing for a criterion, in the chosen language: "ingen vurdering af 'Robust'
    fra samtale1, reference", "stilling 2 (Direktør, Gentofte Kommune) mangler sektor"."""
    if isinstance(missing, ItemsLacking):
        return _items_lacking_text(missing, chosen_language())
    return _shared_missing_text(missing, chosen_language())


@lru_cache(maxsize=1024)  # the same few for every candidate of a profile
def _shared_missing_text(missing: NotAssessed | NotGiven, language: str) -> str:
    """`language`, the chosen language, is there to key the cache: t() reads it itself."""
    if isinstance(missing, NotAssessed):
        return t("ingen vurdering af '{competency}' fra {sources}", competency=missing.name,
                 sources=", ".join(label(STAGES, s) for s in missing.sources))
    what = missing.what
    if what in COLLECTIONS:  # a record's section, named in the reader's language ("erfaring")
        what = label_of(COLLECTIONS[what], language)
    return t("{what}: ikke oplyst", what=what)


def _items_lacking_text(missing: ItemsLacking, lang: str) -> str:
    """Each item with the fields it lacks, named as the grounds name an entry ("stilling 2",
    not the record's "positions[1]"): its title is the candidate's own, a coded kind in
    words (`missing_structured` keeps the path and the title as stored)."""
    collection = COLLECTIONS[missing.collection]
    return "; ".join(t("{item} ({title}) mangler {fields}",
                       item=_entry_words(i.item, collection, lang),
                       title=_title_words(i.title, collection, lang),
                       fields=", ".join(label_of(collection.fields[f], lang) for f in i.fields))
                     for i in missing.items)


def _entry_words(path: str, collection: Collection, lang: str) -> str:
    """An entry's path in the record ("positions[1]") as people count it: "stilling 2"."""
    index = path.rpartition("[")[2].rstrip("]")
    return f"{label_of(collection, lang)} {int(index) + 1}" if index.isdigit() else path


def evidence_path(evidence: Evidence) -> str:
    """Where the evidence was found, in the chosen language: its path, or the inline `some`
    whose value it is, in words with the record's codes ("en stilling hvor sektor er
    kommune"), as the machines' output has it."""
    if evidence.some is None:
        return evidence.path
    return some_text(evidence.some, chosen_language(), codes=True)


def grounds(evidence: Iterable[Evidence], profile: Profile | None) -> list[str]:
    """The evidence as a hiring committee reads it, in the chosen language, each with its
    source: a derived fact by the profile's description of it ("år i stillinger i kommuner:
    0 (cv)"), an inline `some` as found or not ("ingen stilling hvor fagområder omfatter
    skole (cv)"), an entry's fields under its title ("Afdelingschef, Dansk
    Uddannelsesforlag A/S: ikke politisk styret (cv)"), a score with its competency and
    assessor. The exact paths stay in the machines' output (JSON, CSV). `profile` None: a
    stored run whose rule files are gone, its derived facts by their ids."""
    lang = chosen_language()
    words = CONDITION_WORDS[lang]
    # each line: the entry it tells of (path, source), its head, its parts and its source
    lines: list[tuple[tuple[str, str] | None, str, list[str], str]] = []
    for e in evidence:
        source = label(STAGES, e.source)
        item = ITEM_FIELD.match(e.path) if e.some is None else None
        if item is None or item["collection"] not in COLLECTIONS:
            if item is not None and e.note:  # an assessment and its assessor
                source = f"{source}, {one_line(e.note)}"
            lines.append((None, "", [_fact_text(e, item is not None, profile, lang)], source))
            continue
        collection = COLLECTIONS[item["collection"]]
        part = _field_text(collection.fields[item["field"]], e.value, lang)
        entry = (e.path.rsplit(".", 1)[0], e.source)
        if lines and lines[-1][0] == entry:  # the fields of one entry on one line
            lines[-1][2].append(part)
            continue
        # a run stored without the entries' titles: "stilling 2"
        title = (_title_words(one_line(e.note), collection, lang) if e.note
                 else _entry_words(entry[0], collection, lang))
        lines.append((entry, f"{title}: ", [part], source))
    return [f"{head}{words['and'].join(parts)} ({source})" for _, head, parts, source in lines]


def _title_words(title: str, collection: Collection, lang: str) -> str:
    """An entry's title with its coded field in words: "politisk_betjening, Ministerbetjening"
    says "politisk betjening, Ministerbetjening". Only a title's first field can be coded
    (an experience's kind, which every entry has), and no code holds ", "."""
    first = collection.fields.get(collection.titled_by[0])
    if first is None or not first.terms:
        return title
    code, comma, rest = title.partition(", ")
    return value_label(first, code, lang) + comma + rest


def _fact_text(e: Evidence, scored: bool, profile: Profile | None, lang: str) -> str:
    """A score (`scored`: the evidence is an assessment's), an inline `some` or a derived
    fact in words."""
    words = CONDITION_WORDS[lang]
    if scored:
        # a stored run whose record is gone has no competency: the score alone
        named = profile.competencies.get(e.competency or "") if profile is not None else None
        if named is None:
            return words["rated_as"].format(value_text(e.value, lang))
        return words["rated_named"].format(named, value_text(e.value, lang))
    if e.some is not None:
        if e.value is False:
            return words["none"].format(label_of(COLLECTIONS[e.some.collection], lang),
                                        render(e.some.where, None, e.some.collection, lang))
        worded = some_text(e.some, lang)
        return worded if e.value is True else f"{worded}: {value_text(e.value, lang)}"
    name = e.path.removeprefix("derived.")
    derived = profile.derived.get(name) if profile is not None else None
    # without the profile's description (a stored run whose rule files are gone), or an
    # inline `some` stored in words alone (a run recorded before its `some` was): as stored
    described = _described(derived) if derived is not None else name
    if isinstance(e.value, bool) and (derived is None or derived.aggregate == "exists"):
        return described if e.value else words["not_fact"].format(described)
    return f"{described}: {value_text(e.value, lang)}"


def _field_text(field: ItemField, value: Any, lang: str) -> str:
    """An entry's field and its value: "ikke politisk styret", "sektor er kommune"."""
    if field.kind == "bool" and isinstance(value, bool):
        return (label_of(field, lang) if value
                else CONDITION_WORDS[lang]["not_entry"].format(label_of(field, lang)))
    several = isinstance(value, list | tuple) and len(value) > 1  # "fields are a, b"
    verb = CONDITION_WORDS[lang]["are"] if several else OP_WORDS[lang]["eq"]
    return f"{label_of(field, lang)} {verb} {_value_words(field, value, lang)}"


def _value_words(field: ItemField, value: Any, lang: str) -> str:
    """A field's value as people read it, each coded value by its term ("børn og unge")."""
    if isinstance(value, str):
        return value_label(field, value, lang)
    if isinstance(value, list | tuple):
        value = [value_label(field, v, lang) if isinstance(v, str) else v for v in value]
    return value_text(value, lang)


def _described(derived: Derived) -> str:
    """A derived fact by the profile's description, as part of a sentence."""
    return derived.description[0].lower() + derived.description[1:]


@lru_cache(maxsize=1024)  # the same few for every candidate of a profile
def some_text(node: cond.Some, language: str, codes: bool = False) -> str:
    """An inline `some` in words in `language`; it reads item fields only, so it needs no
    profile. `codes`: its values as the record codes them, for the machines' output."""
    return render(node, None, language=language, codes=codes)


def render(node: cond.Condition, profile: Profile | None, collection: str | None = None,
           language: str | None = None, codes: bool = False) -> str:
    """A condition in words, e.g. 'en stilling hvor politisk styret er ja og ...', in
    `language` (the chosen language when None). Only a competency and a derived fact are
    named in the profile's words: an item condition (a `some`) needs no `profile`. An item
    field's coded value in words ("fagområder omfatter børn og unge"), or, with `codes`, as
    the record codes it (an evidence path in the machines' output)."""
    lang = language or chosen_language()
    words = CONDITION_WORDS[lang]
    if isinstance(node, cond.All | cond.AnyOf):
        joint = words["and"] if isinstance(node, cond.All) else words["or"]
        return joint.join(_child(c, profile, collection, lang, codes) for c in node.children)
    if isinstance(node, cond.Not):
        return words["not"].format(render(node.child, profile, collection, lang, codes))
    if isinstance(node, cond.Some):
        label = label_of(COLLECTIONS[node.collection], lang)
        if lang == "en":
            label = f"{'an' if label[0] in 'aeiou' else 'a'} {label}"
        return words["some"].format(label, render(node.where, profile, node.collection, lang,
                                                  codes))
    if isinstance(node, cond.Assessed):
        assert profile is not None, "a competency is named in the profile's words"
        label = profile.competencies[node.competency]
        by = words["by"].format(", ".join(node.by)) if node.by else ""
        if node.gte is not None:
            return words["rated"].format(label, value_text(node.gte, lang)) + by
        scale = profile.scoring.assessment
        return (words["rated"].format(label, value_text(scale.opfyldt, lang))
                + words["partly"].format(value_text(scale.delvist, lang)) + by)
    assert isinstance(node, cond.Compare)
    if node.item_level:
        assert collection is not None, "an item field is read only inside a `some`"
        field = COLLECTIONS[collection].fields[node.name]
        if field.kind == "bool" and isinstance(node.value, bool) and node.op in ("eq", "ne"):
            holds = holds_of(field, lang)  # "organisationen er politisk styret", not "… er ja"
            positive = (node.value is True) == (node.op == "eq")
            return holds if positive else words["not"].format(holds)
        value = value_text(node.value, lang) if codes else _value_words(field, node.value, lang)
        return f"{label_of(field, lang)} {OP_WORDS[lang][node.op]} {value}"
    else:
        assert profile is not None, "a derived fact is named in the profile's words"
        derived = profile.derived[node.name]
        described = _described(derived)
        if derived.aggregate == "exists":
            positive = (node.value is True) == (node.op == "eq")
            return described if positive else words["not_fact"].format(described)
        name = described
    return f"{name} {OP_WORDS[lang][node.op]} {value_text(node.value, lang)}"


def _child(node: cond.Condition, profile: Profile | None, collection: str | None,
           language: str, codes: bool) -> str:
    text = render(node, profile, collection, language, codes)
    return f"({text})" if isinstance(node, cond.All | cond.AnyOf) else text
