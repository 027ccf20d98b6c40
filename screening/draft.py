"""`screening new`: a draft rule file (and feature file) from a profile text.

The draft is a starting point that already works: it loads, lints clean, screens, and every
quote is copied from the text (never invented). One criterion per statement that asks
something of the candidate (screening.trace decides which, so `screening trace` accounts for
every statement of the draft's source; a sentence asking two things in two clauses gives one
a clause), each assessed in the interviews by default. What
only a person can decide is listed in the header and marked at each criterion.
"""

from __future__ import annotations

import json
import os
import re
import textwrap
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import InputError, Problem
from .i18n import language, t
from .messages import message
from .profiles import CATEGORIES
from .trace import LIST_MARKER, Statement, as_written, read_source, split_statements
from .wording import DECISIVE_WORDS, WISH_WORDS, Reading, is_softener, read_cell, read_wording

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december")
ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
                  "september", "october", "november", "december")
# Word stems of each category, counted in the statement (and its section, under a heading
# naming none): the most found wins, of equals the first. A statement of a person's ways
# ("robust", "samarbejde") was personlige only when it named no leadership or field word, so
# "Din ledelsesstil er karakteriseret af en oprigtig interesse for andre, nærvær og
# samarbejdsvilje" was drafted ledelsesmæssige.
CATEGORY_WORDS = {  # the Danish stems, then the English ones
    "ledelsesmæssige": ("ledelse", "leder", "lede ", "strategi", "retning", "styring", "drift",
                        "udvikling", "organisation", "implementer", "følgeskab", "forandring",
                        "direktion", "lead ", "leader", "leading", "manag", "change"),
    "faglige": ("faglig", "uddannelse", "erfaring", "viden", "indsigt", "kendskab", "økonomi",
                "jura", "juridisk", "politisk", "politik", "rådgiv", "kommunal", "lovgivning",
                "professional", "degree", "experience", "knowledge", "financ", "legal",
                "political", "advis", "municipal"),
    "personlige": ("personlig", "person ", "robust", "autentisk", "integritet", "ærlig",
                   "nysgerrig", "samarbejd", "relation", "kommunik", "formidl", "nærvær",
                   "initiativ", "beslutningskraft", "udadvendt", "troværdig", "ordentlig",
                   "tillid", "rolig", "empati", "engagement", "personal", "honest", "curious",
                   "collaborat", "communicat", "trust", "calm", "humour"),
}
# what a heading names each category by, in Danish ("Faglige kompetencer") and English
# ("Professional competencies")
CATEGORY_HEADINGS = {"faglige": ("faglig", "professional"),
                     "ledelsesmæssige": ("ledelsesmæssig", "leadership", "management"),
                     "personlige": ("personlig", "personal")}
DEFAULT_CATEGORY = "personlige"  # a description with none of the words
# an education asked for is faglige, whatever it is in: the consultants file a "ledelsesmæssig
# efteruddannelse" and a "formel lederuddannelse" with the other formal qualifications
EDUCATION_WORDS = ("uddannelse", "degree", "education")
MAX_NAME_WORDS = 8
# the draft's comments and reasons are written in the run's language (i18n.t)
SOFTENER_REASON = ("Sådan læses udsagnene, der følger (en blødgører, R7): deres skal og "
                   "forventes giver ønsker med vægt 2")
# a lead clause that says how much a statement counts: "Det er afgørende, at du ", "Vi ser
# gerne, at du ", "Det er et plus, hvis du ", "It is essential that you "
_ASKING = re.compile(r"(?P<lead>[^,.;:]{1,40}?),? (?:at|hvis|that|if) (?:du|you) ")
DOCUMENT_KIND_WORDS = 4  # "Stillings- og personprofil", "Job- og personprofil for ..." is more
# how a heading naming only the kind of document ends: "Stillings- og personprofil", "Job
# profile", "Job and person specification"
DOCUMENT_KINDS = ("profil", "profile", "specification")
POST_HEADINGS = 3  # the post is named right under the kind of document, if at all
TO_DECIDE = (
    "krav eller ønske og vægten af hvert kriterium: foreslået ud fra ordlyden, se "
    "kommentaren ved hvert",
    "hvordan hvert kriterium bedømmes: hvert er `assessed` i samtalerne, testen og "
    "referencerne; læs i stedet fakta fra CV'et, hvor teksten spørger om erfaring eller "
    "uddannelse (`derived:`- og `some:`-betingelser, se `screening fields`)",
    "`sources:` pr. kriterium (som standard alle trin i processen)",
    "kategorier (den, en overskrift nævner, fx 'Faglige kompetencer', ellers gættet ud fra "
    "ord som 'ledelse' og 'faglig') og korte navne",
    "udsagn, der ikke er kompetencer (organisationen, processen): fjern deres kriterier, og "
    "skriv dem under `set_aside:` med en begrundelse",
    "scoring: vægte, tærskler for vurderinger, anbefalinger (værktøjets standarder, til de "
    "er sat)",
)


@dataclass(frozen=True)
class Drafted:
    """One criterion of the draft."""

    id: str
    competency: str
    name: str
    category: str
    quote: str
    section: str
    statement: Statement
    wording: Reading
    # "lead-in": a krav by its lead-in's decisive word; "column": krav or ønske by its table
    # row's krav/ønske column; "": by its own words
    decided_by: str = ""
    accepts: str = ""  # the lint code its quote, read alone, raises: lint reads only the quote


@dataclass(frozen=True)
class Draft:
    rule_file: str  # YAML text
    feature: str | None  # Gherkin text: one scenario per krav, none without krav
    criteria: tuple[Drafted, ...]
    warnings: tuple[Problem, ...] = ()  # of reading the text: where it was cut short


def draft(text_path: str | Path, out: str | Path | None = None,
          profile_id: str | None = None) -> Draft:
    """A draft rule file for the profile text at `text_path`, to be written at `out`."""
    text_path = Path(text_path)
    text, warnings = read_source(text_path)
    statements = split_statements(text)
    # "Vi forventer ikke, at du kan alt, men ..." softens what follows (R7): set aside, as
    # lint reads a rule file setting one aside, its obligation words make ønsker
    softener = next((_quote_and_name(s)[0] for s in statements
                     if s.kind == "sentence" and is_softener(s.text)), None)
    drafted = _criteria(statements, softener)
    if not drafted:
        raise InputError([Problem(str(text_path), message("no_statements"), code="E009")])
    profile_id = profile_id or _slug(text_path.stem, "-")
    out_dir = Path(out).parent if out else Path(".")
    source = os.path.relpath(text_path.resolve(), out_dir.resolve())
    organisation = _organisation(text)
    title = _title([s.shown for s in statements if s.kind == "heading"],
                   organisation) or text_path.stem
    rule = _rule_text(profile_id, title, organisation, _date(text), source, drafted,
                      softener)
    profile_ref = str(out) if out else f"{profile_id}.yaml"
    feature = (_feature_text(title, profile_ref, drafted)
               if any(d.wording.priority == "krav" for d in drafted) else None)
    return Draft(rule, feature, tuple(drafted), warnings)


def _title(headings: list[str], organisation: str | None) -> str | None:
    """The first heading that is not the organisation's name or a date ("Ishøj Kommune"
    above "Arbejdsgrundlag"); when it only names the kind of document ("Stillings- og
    personprofil"), the post named in a heading below it, not the organisation's name or
    the date ("Skolechef"): every profile would otherwise be listed under one title."""
    while headings[1:] and (headings[0] == organisation or _date(headings[0]) is not None):
        headings = headings[1:]
    if not headings:
        return None
    first = headings[0]
    if not (first.casefold().endswith(DOCUMENT_KINDS)
            and len(first.split()) <= DOCUMENT_KIND_WORDS):
        return first
    return next((h for h in headings[1:1 + POST_HEADINGS]
                 if h != organisation and _date(h) is None), first)


def _criteria(statements: list[Statement], softener: str | None) -> list[Drafted]:
    # a statement's section is its heading as trace compares it (no hyphens); the draft
    # names it as the text writes it
    written = {s.text: s.shown for s in statements if s.kind == "heading"}
    drafted: list[Drafted] = []
    ids: set[str] = set()
    next_number: dict[str, int] = {}  # by base: counting from 2 each time was quadratic
    quotes: set[str] = set()
    for s in statements:
        if not s.counted:
            continue
        for quote, name, sentence in _clauses(s):
            if not quote or quote in quotes or quote == softener:
                continue  # the same words twice: the first criterion quotes them
            quotes.add(quote)
            base = _slug(name, "-")[:48].rstrip("-") or "kriterium"
            cid, n = base, next_number.get(base, 2)
            while cid in ids:
                cid, n = f"{base}-{n}", n + 1
            ids.add(cid)
            next_number[base] = n
            drafted.append(_drafted(s, cid, quote, name, sentence, softener is not None,
                                    written.get(s.section, s.section) or "Profilen"))
    return drafted


def _drafted(s: Statement, cid: str, quote: str, name: str, sentence: str, softened: bool,
             section: str) -> Drafted:
    """The criterion `cid` drafted of `quote` (all or a clause of statement `s`)."""
    # priority and weight from the quote's own words, as lint reads them, so the draft lints
    # clean; a lead-in's words are pointed out (see _decided), and its decisive word makes a
    # krav of an item whose own words do not decide (R1 holds even in a softened list): "Det
    # er afgørende, at du:" must not turn into ønsker
    wording = read_wording(quote, softened=softened)
    lead = read_wording(s.lead_in) if s.lead_in and not wording.words else None
    column = read_cell(s.priority_cell) if s.priority_cell else None
    if column is not None:  # the table says how much the row counts, in so many words
        wording, accepts = _by_column(column, wording)
        decided_by = "column"
    elif lead is not None and lead.priority == "krav" and any(
            word in DECISIVE_WORDS for word in lead.words):
        wording, decided_by, accepts = lead, "lead-in", "L303"
    else:
        decided_by = accepts = ""
    # a numbered block's title and a table row's name cell say what it is about too
    titled = s.kind == "numbered" or s.priority_cell is not None
    category = _category(s, f"{name} {quote}" if titled else quote, sentence)
    return Drafted(cid, cid.replace("-", "_"), name, category, quote, section, s, wording,
                   decided_by, accepts)


# where a sentence asks a second thing of the candidate in a clause of its own: "Du skal have
# en værdibaseret og anerkendende ledelsesstil, hvor ..., og du skal kunne sætte dig
# igennem, hvor det er nødvendigt, ..." (Helsingør's consultant quoted the two as two
# criteria, a style of leadership and the weight to carry a decision)
_SECOND_CLAUSE = re.compile(r",\s+(?:og|and)\s+(?=(?:du|you)\s)")


def _clauses(s: Statement) -> list[tuple[str, str, str]]:
    """The quotes and names a counted statement drafts, each with the sentence it is a
    clause of: its own ("" for that sentence), or, for a sentence whose clauses each ask
    something in their own words, one a clause."""
    quote, name = _quote_and_name(s)
    clauses = _SECOND_CLAUSE.split(quote) if s.kind == "sentence" else [quote]
    if len(clauses) == 1 or not all(read_wording(clause).words for clause in clauses):
        return [(quote, name, "")]
    return [(clause, _short_name(clause), quote) for clause in clauses]


def _by_column(column: Reading, own: Reading) -> tuple[Reading, str]:
    """A table row read by its krav/ønske column, and the lint code the reading of its quote
    alone (`own`) then raises, as screening.lint finds it ("" for none)."""
    if column.priority != own.priority:
        if column.priority == "ønske":
            return column, "L302"
        return column, "L301" if any(w in WISH_WORDS for w in own.words) else "L303"
    if column.weight is not None and own.weight is None:
        return column, "L304"
    return Reading(column.priority, own.weight, column.words), ""


def _quote_and_name(s: Statement) -> tuple[str, str]:
    """The verbatim words to quote (whitespace joined, without markdown's emphasis, which
    trace reads past: '**Helhed** – Ledere ...' is shown as 'Helhed – Ledere ...') and a
    short name."""
    if s.kind == "numbered" and "\n" in s.body:
        title, prose = s.body.split("\n", 1)
        name = as_written(LIST_MARKER.sub("", title, count=1))
        sentences = re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", as_written(prose))
        return _most_telling(sentences, name), name
    if s.priority_cell is not None:  # a row: its longest cell says what, another names it
        cells = [as_written(cell) for cell in s.body.split("\n")]
        quote = max(cells, key=len)
        others = [cell for cell in cells if cell != quote]
        return quote, _short_name(others[0] if others else quote)
    quote = as_written(LIST_MARKER.sub("", s.body, count=1))
    return quote, _short_name(quote)


def _short_name(quote: str) -> str:
    """What is asked, not how strongly: "Det er afgørende, at du har ledet ledere" is named
    (and its competency given the id) "Har ledet ledere"."""
    asked = _ASKING.match(quote)
    if asked and read_wording(asked.group("lead")).words:
        quote_named = quote[asked.end():]
    else:
        quote_named = quote
    words = re.sub(r"[\"“”]", "", quote_named).rstrip(".:;!?,").split()
    name = " ".join(words[:MAX_NAME_WORDS]) + (" …" if len(words) > MAX_NAME_WORDS else "")
    return name[:1].upper() + name[1:]


def _most_telling(sentences: list[str], title: str) -> str:
    """The sentence of a numbered block whose words best say how much it counts: one with
    requirement words, else wish words, else 'vigtig'-words, else the first; of several,
    the one that says most of the block's title ("Sikker proces- og forandringsledelse":
    "Det kræver en leder, der har evnen til at styre processer ...")."""
    stems = {word[:5] for word in re.findall(r"\w{4,}", title.casefold())}

    def says_of_title(sentence: str) -> int:
        return len(stems & {word[:5] for word in re.findall(r"\w{4,}", sentence.casefold())})

    for wanted in ("krav", "ønske"):
        asking = [sentence for sentence in sentences
                  if (reading := read_wording(sentence)).priority == wanted and reading.words]
        if asking:
            return max(asking, key=says_of_title)  # the first of equals
    return sentences[0]


def _category(s: Statement, quote: str, sentence: str = "") -> str:
    """The category the text files the statement under ("3.1. Faglige kompetencer"), else
    one guessed from its words and its section's; under a heading naming more than one
    ("Personlige og ledelsesmæssige kompetencer") from its own words alone. A clause
    (`sentence`: the one it is part of) whose own words name none is filed by its
    sentence's: "du skal kunne sætte dig igennem" by the "ledelsesstil" it balances."""
    for heading in reversed(s.sections):
        named = [c for c in CATEGORIES if any(re.search(rf"(?<!\w){stem}", heading.casefold())
                                              for stem in CATEGORY_HEADINGS[c])]
        if len(named) == 1:
            return named[0]
        if named:
            return _guessed_category(quote, sentence)
    return _guessed_category(quote, f"{s.section} {sentence}")


def _guessed_category(words: str, section: str = "") -> str:
    """The category most of the statement's own words name; its section's words (the
    heading above it) only choose between equals, or when its own name none: a consultant
    files "du skal have kendskab til ... opgaveområder" under 'Centrale opgaver for lederen'
    by what it asks, not by the heading's 'lederen'. Of equals still, the first. An
    education is faglige (EDUCATION_WORDS)."""
    own_words = _NAME.sub("", words)
    if any(stem in own_words.casefold() for stem in EDUCATION_WORDS):
        return "faglige"
    own, around = _category_words(own_words), _category_words(section)
    best = max(CATEGORY_WORDS, key=lambda category: (own[category], around[category]))
    return best if own[best] or around[best] else DEFAULT_CATEGORY


# stems that begin words of another sense, and what follows them there: "kommunaldirektøren"
# is a person, not the municipal field ("tæt på ... kommunaldirektøren, hvor du skal kunne
# udvise mod, initiativ og beslutningskraft" was drafted faglige); the English "personal"
# begins the Danish "personale", the staff
OTHER_SENSE = {"kommunal": "direktør", "personal": "e"}
# a stem found anywhere in a word ("ledelse" in "koncernledelse"), but one written with a
# space after it only as a word of its own: "lede " is the verb, not the end of "samlede"
# ("den samlede direktion" was a leadership word)
_STEMS = {category: [re.compile(rf"(?<!\w){re.escape(stem.strip())}(?!\w)"
                                if stem.endswith(" ") else
                                rf"{re.escape(stem)}(?!{OTHER_SENSE[stem]})"
                                if stem in OTHER_SENSE else re.escape(stem))
                     for stem in stems]
          for category, stems in CATEGORY_WORDS.items()}


# a word capitalised inside a sentence is a name ("enhederne i Økonomi & Stab", "Sekretariat
# for Politik, Jura, Kommunikation & Udvikling"): it names a unit, not the field asked for
_NAME = re.compile(r"(?<=[\w,] )[A-ZÆØÅ]\w*")


def _category_words(words: str) -> dict[str, int]:
    """How many words of each category the text uses."""
    lowered = words.casefold()
    return {category: sum(len(stem.findall(lowered)) for stem in stems)
            for category, stems in _STEMS.items()}


def _slug(text: str, sep: str) -> str:
    lowered = text.casefold().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    words = re.findall(r"[a-z0-9]+", lowered)[:6]
    return sep.join(words)


def _organisation(text: str) -> str | None:
    # "Høje-Taastrup Kommune", "Region Hovedstaden"; in English "Municipality of Greve",
    # "Greve Municipality"
    found = Counter(re.findall(r"\b((?:[A-ZÆØÅ][\wæøå]+-)*[A-ZÆØÅ][\wæøå]+ Kommune|Region "
                               r"[A-ZÆØÅ][\wæøå]+|Municipality of (?:[A-ZÆØÅ][\wæøå]+-)*"
                               r"[A-ZÆØÅ][\wæøå]+|(?!The\b)(?:[A-ZÆØÅ][\wæøå]+-)*[A-ZÆØÅ][\wæøå]+ "
                               r"Municipality)\b", text))
    return found.most_common(1)[0][0] if found else None


def _date(text: str) -> date | None:
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if iso:
        try:
            return date(*map(int, iso.groups()))
        except ValueError:
            pass
    # the first date with its day, as the deadline for applications is written ("senest den
    # 19. maj 2009", "by 1 March 2025"), the date the shipped profiles count years up to;
    # else the first month ("Januar 2024", "March 2025")
    numbers = {name: n for months in (MONTHS, ENGLISH_MONTHS) for n, name in enumerate(months, 1)}
    names = "|".join(numbers)
    day = re.search(rf"\b(\d{{1,2}})\.?\s+({names})\s+(\d{{4}})\b", text, re.IGNORECASE)
    if day:
        try:
            return date(int(day.group(3)), numbers[day.group(2).lower()], int(day.group(1)))
        except ValueError:  # "31. februar": the month is still the text's
            pass
    month = re.search(rf"\b({names})\s+(\d{{4}})\b", text, re.IGNORECASE)
    if month:
        return date(int(month.group(2)), numbers[month.group(1).lower()], 1)
    return None


def _q(value: str) -> str:
    """A YAML double-quoted string (JSON's escapes are YAML's): safe with colons and #."""
    return json.dumps(value, ensure_ascii=False)


def _rule_text(profile_id: str, title: str, organisation: str | None, when: date | None,
               source: str, drafted: list[Drafted], softener: str | None) -> str:
    decide = [t(item) for item in TO_DECIDE]
    if organisation is None:
        decide.append(t("organisationen: ikke fundet i teksten"))
    if when is None:
        decide.append(t("profilens dato: ikke fundet i teksten, sat til udkastets dato"))
    krav = sum(d.wording.priority == "krav" for d in drafted)
    lines = [
        *_comment(t("UDKAST skrevet af `screening new` ud fra {source}; kriterier: {count} "
                    "({krav} krav, {wishes} ønske(r)), ét pr. udsagn, der stiller krav. Hvert "
                    "citat er kopieret fra teksten.", source=source, count=len(drafted),
                    krav=krav, wishes=len(drafted) - krav)),
        "# " + t("Skal besluttes, før der screenes for alvor:"),
        *[line for item in decide for line in _comment(item, "# - ", "#   ")],
        "# " + t("Derefter: screening lint, screening trace, screen eksemplerne, "
                 "screening test."),
        "profile:",
        f"  id: {profile_id}",
        f"  title: {_q(title)}",
        f"  organisation: {_q(organisation or t('Organisation (udfyld)'))}",
        f"  source: {_q(source)}",
        f"  version: {_q(t('0.1-udkast'))}",
        f"  date: {(when or date.today()).isoformat()}",
        "",
        "competencies:",
        *[f"  {d.competency}: {_q(d.name)}" for d in drafted],
        "",
    ]
    if softener:
        lines += ["set_aside:", f"  - quote: {_q(softener)}",
                  f"    reason: {_q(t(SOFTENER_REASON))}", ""]
    lines += ["criteria:"]
    for d in drafted:
        w = d.wording
        lines += [
            f"  # {_decided(d)} " + t("(linje {line} i teksten)", line=d.statement.line),
            f"  - id: {d.id}",
        ]
        if d.accepts:  # lint reads the quote alone: say why the draft reads it otherwise
            reason = (t("Krav ud fra indledningen: {lead_in}", lead_in=d.statement.lead_in)
                      if d.decided_by == "lead-in"
                      else t("{head} ud fra tabellens krav/ønske-kolonne: {cell}",
                             head=_head(w).capitalize(), cell=d.statement.priority_cell))
            lines += ["    lint_ignore:", f"      - {{code: {d.accepts}, reason: {_q(reason)}}}"]
        lines += [
            f"    name: {_q(d.name)}",
            f"    category: {d.category}",
            f"    priority: {w.priority}",
        ]
        if w.weight is not None:
            lines.append(f"    weight: {w.weight:g}")
        lines += [
            f"    quote: {_q(d.quote)}",
            f"    section: {_q(d.section)}",
            f"    when: {{assessed: {d.competency}}}",
            "",
        ]
    return "\n".join(lines)


def _decided(d: Drafted) -> str:
    """Which words decided the criterion, for its comment."""
    w = d.wording
    said = ", ".join(f"'{word}'" for word in w.words)
    head = _head(w)
    if d.decided_by == "lead-in":
        return t("{head}: {words} i indledningen \"{lead_in}\"", head=head, words=said,
                 lead_in=d.statement.lead_in)
    if d.decided_by == "column":
        return t("{head}: {words} i tabellens krav/ønske-kolonne", head=head, words=said)
    decided = t("{head}: {words} i citatet", head=head, words=said) if said else \
        t("{head}: intet ord i citatet afgør det, et ønske som standard", head=head)
    if read_wording(d.quote).priority != w.priority:
        decided += t(", blødgjort af teksten (R7, se set_aside)")
    lead = read_wording(d.statement.lead_in).words if d.statement.lead_in else ()
    if lead and not w.words:
        decided += t("; indledningen siger {words}",
                     words=", ".join(f"'{word}'" for word in lead))
    cell = d.statement.priority_cell
    if cell is not None:  # a row whose krav/ønske column no reading knows
        decided += (t("; tabellens krav/ønske-kolonne siger '{cell}', hvilket intet afgør",
                      cell=cell)
                    if cell else t("; tabellens krav/ønske-kolonne siger intet"))
    return decided


def _head(w: Reading) -> str:
    return (t("{priority}, vægt {weight}", priority=w.priority, weight=f"{w.weight:g}")
            if w.weight is not None else w.priority)


def _comment(text: str, first: str = "# ", rest: str = "# ") -> list[str]:
    return textwrap.wrap(text, width=95, initial_indent=first, subsequent_indent=rest)


def _feature_text(title: str, profile_ref: str, drafted: list[Drafted]) -> str:
    """The draft's scenarios in the Gherkin of the run's language: a consultant working in
    English reads and extends English steps."""
    lines = [
        f"# language: {language()}",
        t("Egenskab: Udkast: {title}", title=title),
        *textwrap.wrap(t("Skrevet af `screening new`: ét scenarie pr. krav. Et krav vurderet "
                         "lavt er en foreslået knock-out, som et menneske bekræfter eller "
                         "underkender."),
                       width=85, initial_indent="  ", subsequent_indent="  "),
        "",
        "  " + t("Baggrund:"),
        "    " + t('Givet profilen "{profile}"', profile=profile_ref),
    ]
    for d in drafted:
        if d.wording.priority != "krav":
            continue
        lines += [
            "",
            "  " + t("Scenarie: {id}: kravet vurderet lavt er en foreslået knock-out", id=d.id),
            "    " + t('Givet kandidaten "k"'),
            "    " + t('Og kandidaten er vurderet til 2 på "{competency}" i "samtale1"',
                       competency=d.competency),
            "    " + t("Når kandidaten screenes"),
            "    " + t('Så er der foreslået knock-out på "{id}"', id=d.id),
        ]
    return "\n".join(lines) + "\n"
