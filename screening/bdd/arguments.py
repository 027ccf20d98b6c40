"""Readers for the named groups of the step phrasings (grammar.argument marks them).

A group's name says what it holds: `years` is a number, `stage` a stage of the process,
`crit` a criterion named the consultant's way ("kravet om ledelse af ledere"). Readers that
need the profile (criteria, competencies) resolve against it when one is chosen and keep
the words otherwise, so `--check` can read a file whose profile it cannot load.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..conditions import Assessed
from ..errors import RuleFileError, ScreeningError
from ..messages import message
from ..profiles import CATEGORIES, Criterion, Profile
from ..rulefiles import find_profile, list_profiles, load_profile
from ..vocabulary import STATUSES as STATUS_TERMS
from .grammar import ReadContext, Reading, argument, read
from .words import (
    Degree,
    Unreadable,
    choose,
    domains_in,
    read_degree,
    read_experience,
    read_led,
    read_level,
    read_number,
    read_place,
    read_sector,
    read_source,
    read_stage,
    split_names,
)

# a status as a step may write it: its label in either language, or a shorter form
STATUSES = {**{word: code for code, term in STATUS_TERMS.items() for word in (term.da, term.en)},
            "delvist": "delvist", "kun delvist opfyldt": "delvist",
            "only partly met": "delvist",
            # "not yet": of evidence only; "endnu ikke opfyldt" would not say which it is
            "endnu ikke belyst": "ikke_belyst", "ikke belyst endnu": "ikke_belyst",
            "not yet assessed": "ikke_belyst"}
STATUS = "|".join(sorted(map(re.escape, STATUSES), key=len, reverse=True))
# how a statement about a criterion says how far it is met: "lever ikke op til", "meets"
DEGREES = {None: "opfyldt", "ikke": "ikke_opfyldt", "kun delvist": "delvist",
           "does not": "ikke_opfyldt", "only partly": "delvist", "partly": "delvist"}
PRIORITY_WORDS = {"kravet": "krav", "krav": "krav", "ønsket": "ønske", "ønske": "ønske",
                  "kriteriet": None, "kompetencen": None, "the requirement": "krav",
                  "the wish": "ønske", "the criterion": None}
CATEGORY_WORDS = {"faglige": "faglige", "ledelsesmæssige": "ledelsesmæssige",
                  "personlige": "personlige", "professional": "faglige",
                  "leadership": "ledelsesmæssige", "personal": "personlige"}
COVERAGE_WORDS = {"kun delvist": "partly", "fuldt": "fully", "ikke": "none",
                  "only partly": "partly", "fully": "fully", "not": "none"}
SUBJECT_WORDS = frozenset({"ansøgeren", "kandidaten", "hun", "han", "the applicant",
                           "the candidate", "she", "he", "they"})


@argument("years", "leaders", "score", "take", "count", "total", "n", "led_count", "rank")
def _number(text: str, context: ReadContext) -> int:
    return read_number(text)


@argument("place")
def _place(text: str, context: ReadContext) -> int:
    return read_place(text)


@argument("stage")
def _stage(text: str, context: ReadContext) -> str:
    return read_stage(text)


@argument("source")
def _source(text: str, context: ReadContext) -> str:
    return read_source(text)


@argument("status")
def _status(text: str, context: ReadContext) -> str:
    if text.casefold() in STATUSES:
        return STATUSES[text.casefold()]
    raise Unreadable(message("not_a_status", text=text)
                     + message("use_one_of", names=", ".join(STATUSES)))


@argument("degree_words")
def _degree_words(text: str, context: ReadContext) -> str:
    """'ikke', 'kun delvist' as the status they say; no words at all say opfyldt."""
    return DEGREES[text]


@argument("category")
def _category(text: str, context: ReadContext) -> str:
    word = text.split()[-1].casefold()
    if word in CATEGORY_WORDS:
        return CATEGORY_WORDS[word]
    raise Unreadable(message("not_a_category", text=text)
                     + message("use_one_of", names=", ".join(CATEGORIES)))


@argument("coverage")
def _coverage(text: str, context: ReadContext) -> str:
    return COVERAGE_WORDS[text.casefold()]


# --- the profile --------------------------------------------------------------------------


@argument("profile")
def _profile(text: str, context: ReadContext) -> Profile:
    return resolve_profile(text, context.rules_dir, context.feature_dir)


def resolve_profile(text: str, rules_dir: Path, feature_dir: Path | None = None) -> Profile:
    """A profile by id or rule file, by its title, or as 'title, organisation' ('Direktør,
    Helsingør'), 'title i organisation', or any words of those that only it has. A rule file
    named by path must lie in `rules_dir`, under the folder the run starts in, or in the
    feature file's folder (`feature_dir`), where `screening new` writes a draft's."""
    try:
        path = find_profile(text, rules_dir)
    except ScreeningError:
        path = None  # not an id or a rule file: a title, below
    if path is not None:
        if not within_reach(path, [rules_dir, Path.cwd(), *([feature_dir] if feature_dir
                                                             else [])]):
            raise Unreadable(message("profile_out_of_reach", rules=f"{rules_dir}/"))
        try:
            return load_profile(path)
        except RuleFileError as exc:  # there, but with a mistake: say it, not "unknown"
            raise Unreadable(message("profile_does_not_load",
                                     problems=_problems(exc.problems))) from None
    profiles = _profiles(str(rules_dir), _stamp(rules_dir))
    named: dict[str, list[Profile]] = {}
    for p in profiles:
        title, organisation = p.meta.title, p.meta.organisation
        for name in (p.meta.id, title, f"{title}, {organisation}", f"{title} i {organisation}"):
            named.setdefault(name, []).append(p)
    # a name two profiles share (a draft of a shipped profile's text in the same folder) is
    # each one's with its id: the words then fit both, and the step says so, rather than
    # one of them taking the other's scenarios without a word
    options = {name if len(alike) == 1 else f"{name} ({p.meta.id})": p
               for name, alike in named.items() for p in alike}
    try:
        return choose(text, options, message("profile_in", folder=f"{rules_dir}/"))
    except Unreadable as exc:
        known = "; ".join(f"{p.meta.title}, {p.meta.organisation} ({p.meta.id})"
                          for p in profiles)
        hint = message("known", names=known)
        broken = [loaded.problems[0] for _, loaded in list_profiles(rules_dir)
                  if isinstance(loaded, RuleFileError)]
        if broken:  # the one meant may be among them
            hint += message("profiles_not_loading", problems=_problems(broken))
        raise Unreadable(exc.text + hint) from None


def _problems(problems) -> str:
    return "; ".join(map(str, problems))


def within_reach(path: Path, folders: list[Path]) -> bool:
    """Whether a file a feature names (a rule file, a record) lies under one of `folders`: a
    feature file is passed around like a document, and must not make a run read any file of
    the machine (and echo it in the errors of a file that is no profile or record)."""
    real = path.resolve()
    return any(real.is_relative_to(Path(folder).resolve()) for folder in folders)


def _stamp(rules_dir: Path) -> tuple[tuple[str, float], ...]:
    return tuple((str(p), p.stat().st_mtime) for p in sorted(Path(rules_dir).rglob("*.y*ml")))


@functools.lru_cache(maxsize=4)
def _profiles(rules_dir: str, stamp: tuple) -> tuple[Profile, ...]:
    """The profiles of a folder, loaded once while its files are unchanged."""
    return tuple(p for _, p in list_profiles(rules_dir) if isinstance(p, Profile))


# --- criteria and competencies ------------------------------------------------------------


@dataclass(frozen=True)
class CriterionRef:
    """A criterion as a step names it: 'kravet om ledelse af ledere' says krav too."""

    words: str
    priority: str | None  # krav | ønske when the step says so
    criterion: Criterion | None  # None until a profile is chosen
    # the candidate the words end by naming ("gennemslagskraft for Anders"); None: the one
    # the step names otherwise, or the candidate described last
    candidate: str | None = None


# "… for Anders" after a criterion's words: a capitalised name, or the candidate described last
_FOR_CANDIDATE = re.compile(r"^(?P<words>.+?) for (?P<candidate>[A-ZÆØÅ][\wæøå-]*"
                            r"(?: [A-ZÆØÅ][\wæøå-]*)*|ansøgeren|kandidaten|the applicant|"
                            r"the candidate)$")


_PRIORITY_PREFIX = re.compile(r"^(?P<word>kravet|krav|ønsket|ønske|kriteriet|kompetencen|"
                              r"the requirement|the wish|the criterion) (?:om|for|of|on) ")


@argument("crit")
def criterion_ref(text: str, context: ReadContext) -> CriterionRef:
    """'kravet om ledelse af ledere', 'ønsket om …' or just the criterion's words."""
    prefix = _PRIORITY_PREFIX.match(text)
    words = text[prefix.end():] if prefix else text
    priority = PRIORITY_WORDS[prefix.group("word")] if prefix else None
    if context.profile is None:
        return CriterionRef(words, priority, None)
    try:
        return CriterionRef(words, priority, find_criterion(context.profile, words))
    except Unreadable as whole:
        # 'politisk tæft for Rasmus' is Rasmus's criterion, but only when the whole phrase
        # names none: 'interesse for Albertslund Kommune' is a criterion's own words
        named = _FOR_CANDIDATE.match(words)
        if named is None:
            raise
        try:
            found = find_criterion(context.profile, named.group("words"))
        except Unreadable:
            raise whole from None  # the phrase as written is what could not be found
        candidate = named.group("candidate")
        return CriterionRef(named.group("words"), priority, found,
                            None if candidate.casefold() in SUBJECT_WORDS else candidate)


def find_criterion(profile: Profile, words: str) -> Criterion:
    """A criterion by id, by name, or by a phrase of its name or quote only it fits."""
    options = {c.id: c for c in profile.criteria} | {c.name: c for c in profile.criteria}
    try:
        return choose(words, options, message("a_criterion"))
    except Unreadable:
        quotes = {c.quote: c for c in profile.criteria}
        return choose(words, options | quotes, message("a_criterion"))


@argument("comp")
def _competency(text: str, context: ReadContext) -> str:
    """A competency by id or label, or by the criterion that assesses only it."""
    words = re.sub(r"^(?:kompetencen|the competency) ", "", text)
    if context.profile is None:
        return words
    profile = context.profile
    options = {cid: cid for cid in profile.competencies}
    options |= {label: cid for cid, label in profile.competencies.items()}
    options |= {name: c.when.competency for c in profile.criteria
                if isinstance(c.when, Assessed) for name in (c.id, c.name)}
    return choose(words, options, message("a_competency"))


# --- people -------------------------------------------------------------------------------


@argument("who", "other")
def _who(text: str, context: ReadContext) -> str | None:
    """None for the candidate described last ('ansøgeren'), else the name as written."""
    return None if text.casefold() in SUBJECT_WORDS else text


@argument("names")
def _names(text: str, context: ReadContext) -> list[str]:
    return split_names(text)


# --- positions, education, experience -----------------------------------------------------


@dataclass(frozen=True)
class Title:
    text: str
    level: str
    domains: tuple[str, ...]


@argument("title")
def _title(text: str, context: ReadContext) -> Title:
    return Title(text, read_level(text), tuple(domains_in(text)))


@dataclass(frozen=True)
class Organisation:
    name: str
    sector: str


@argument("org")
def _organisation(text: str, context: ReadContext) -> Organisation:
    explicit = re.match(r"^(?P<name>.+?) \((?P<sector>[^)]+)\)$", text)
    if explicit:
        return Organisation(explicit.group("name"), read_sector(explicit.group("name"),
                                                                explicit.group("sector")))
    clause = re.search(r" (?:med|uden) .*", text)  # "med … under sig" is read before this
    if clause:  # a clause the grammar does not read is not part of the name
        raise Unreadable(message("clause_after_organisation", clause=clause.group(0)[1:],
                                 name=text[:clause.start()]))
    return Organisation(text, read_sector(text))


@argument("led_word", "none_led")
def _led(text: str, context: ReadContext) -> str:
    return read_led(text)


@argument("since", "year")
def _year(text: str, context: ReadContext) -> int:
    year = int(text)
    if not 1940 <= year <= date.today().year + 1:
        raise Unreadable(message("implausible_year", text=text))
    return year


@argument("education")
def _education(text: str, context: ReadContext) -> tuple[str, Degree]:
    """The degree as written (without 'en'), and what it is."""
    written = re.sub(r"^(?:en|et|a|an) ", "", text)
    return written, read_degree(written)


@argument("experience")
def _experience(text: str, context: ReadContext) -> str:
    return read_experience(text)


@argument("domain_words")
def _domains(text: str, context: ReadContext) -> tuple[str, ...]:
    found = domains_in(text)
    if not found:
        raise Unreadable(message("unknown_domain", text=text))
    return tuple(found)


# --- steps inside steps -------------------------------------------------------------------


@argument("clause")
def _clause(text: str, context: ReadContext) -> Reading:
    """'…, der i seks år har været …' read as 'ansøgeren i seks år har været …'."""
    return _inner("given", f"ansøgeren {text}", context)


@argument("clause_har")
def _clause_with(text: str, context: ReadContext) -> Reading:
    """'… med en master i offentlig ledelse' read as 'ansøgeren har en master …'."""
    return _inner("given", f"ansøgeren har {text}", context)


@argument("clause_en")
def _clause_en(text: str, context: ReadContext) -> Reading:
    return _inner("given", f"the applicant {text}", context)


@argument("clause_en_with")
def _clause_en_with(text: str, context: ReadContext) -> Reading:
    return _inner("given", f"the applicant has {text}", context)


@argument("outcome")
def _outcome(text: str, context: ReadContext) -> Reading:
    return _inner("then", text, context)


def _inner(kind: str, text: str, context: ReadContext) -> Reading:
    from .grammar import NotRead

    try:
        return read(kind, text, context)
    except NotRead as exc:
        raise Unreadable(exc.text) from None
