"""Convert JSON Resume documents (https://jsonresume.org/schema) into candidate records.

A CV says less than a consultant's record: sector, leadership level and education level are
read from the words used, and every guess and everything left out is reported, so a
consultant knows what to check.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from .documents import as_written_in, editable, error_message, field_path, plain, written_back
from .errors import Problem
from .messages import Message, message
from .records import MAX_EDUCATION, MAX_POSITIONS, CandidateRecord, Personal

if TYPE_CHECKING:
    from .candidates import LoadedRecord

SECTOR_WORDS = [("region", r"\bregion"), ("kommune", r"kommune\b|\bmunicipality"),
                ("stat", r"styrelse|ministeri|\bagency\b|\bministry\b|\bstyrelsen\b"),
                ("selvejende", r"selvejende|fond\b"), ("forening", r"forening|association")]
LEVEL_WORDS = [("direktion", r"direktør|director|\bceo\b|adm\. ?dir"),
               ("chef", r"chef\b|\bhead of\b|centerchef|afdelingschef"),
               ("mellemleder", r"leder\b|manager|\bteamleder"),
               ("ingen", r"konsulent|consultant|specialist|medarbejder|advisor|rådgiver")]
EDUCATION_WORDS = [("phd", r"ph\.? ?d|doctor"), ("mba", r"\bmba\b|executive master"),
                   ("master", r"master|\bmpa\b|mpm"), ("kandidat", r"kandidat|cand\.|msc|m\.sc"),
                   ("diplom", r"diplom"), ("professionsbachelor", r"professionsbachelor"),
                   ("bachelor", r"bachelor|\bba\b|\bbsc\b")]
LEADERSHIP_EDUCATION = r"ledelse|leadership|management|\bmpa\b|\bmba\b|\bmpm\b"
UNMAPPED_SECTIONS = ("volunteer", "awards", "certificates", "publications", "skills",
                     "languages", "interests", "references", "projects")


@dataclass
class Conversion:
    record: CandidateRecord | None
    notes: list[Message] = field(default_factory=list)  # guesses and what was left out
    errors: list[Message] = field(default_factory=list)


def _first(patterns: list[tuple[str, str]], text: str) -> str | None:
    lowered = text.lower()
    for value, pattern in patterns:
        if re.search(pattern, lowered):
            return value
    return None


def _date(value: Any, where: str, notes: list[Message]) -> date | None:
    """JSON Resume dates are YYYY, YYYY-MM or YYYY-MM-DD; the missing parts become 01."""
    if not isinstance(value, str) or not value:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    if not match:
        notes.append(_at(where, message("resume_date_unreadable", value=value)))
        return None
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        notes.append(_at(where, message("resume_date_impossible", value=value)))
        return None


# what CV programs write as the end of a post held now ('Present'), or none at all
HELD_NOW = {"", "present", "now", "current", "today", "nu", "nuværende", "d.d.", "dags dato",
            "i dag"}


def _held_now(value: Any) -> bool:
    """Whether a work entry's endDate says the post is held now: none, or in words."""
    return value is None or (isinstance(value, str) and value.strip().lower() in HELD_NOW)


def slug(text: str) -> str:
    """A record id from a name: lower case, Danish letters kept, other accents dropped."""
    kept = "".join(ch if ch in "æøå" else unicodedata.normalize("NFKD", ch)[:1]
                   for ch in text.lower())
    return re.sub(r"[^a-z0-9æøå]+", "-", kept).strip("-")[:60] or "kandidat"


def _text(value: Any) -> str:
    """A text field of the resume; anything else (a number, a list) counts as absent."""
    return value.strip() if isinstance(value, str) else ""


def _at(where: str, text: Message) -> Message:
    return message("about", subject=where, message=text)


def _entries(resume: dict[str, Any], section: str,
             notes: list[Message]) -> list[tuple[str, dict]]:
    """The objects of a list section, with their place; what is not an object is noted."""
    value = resume.get(section) or []
    if not isinstance(value, list):
        notes.append(_at(section, message("resume_not_a_list")))
        return []
    entries = []
    for n, entry in enumerate(value):
        if isinstance(entry, dict):
            entries.append((f"{section}[{n}]", entry))
        else:
            notes.append(_at(f"{section}[{n}]", message("resume_not_an_object")))
    return entries


def convert(resume: dict[str, Any], fallback_id: str) -> Conversion:
    notes: list[Message] = []
    basics = resume.get("basics") or {}
    if not isinstance(basics, dict):
        return Conversion(None, notes, [_at("basics", message("resume_basics"))])
    # more entries than a record holds: refused before each is read and noted (85,000 took
    # 27 s and 370 MB to end in the record's limit, said as Python's form of the list)
    too_many = [_at(section, message("resume_too_many", count=len(entries), limit=limit))
                for section, limit in (("work", MAX_POSITIONS), ("education", MAX_EDUCATION))
                if isinstance(entries := resume.get(section), list) and len(entries) > limit]
    if too_many:
        return Conversion(None, notes, too_many)
    candidate_id = slug(_text(basics.get("name")) or fallback_id)
    personal = {k: _text(basics.get(k)) for k in ("name", "email", "phone")
                if _text(basics.get(k))}
    if basics.get("location"):
        notes.append(_at("basics.location", message("resume_location")))
    positions: list[dict[str, Any]] = []
    placed: dict[tuple[str, int], str] = {}  # a record's item -> the resume's entry it came from
    for where, job in _entries(resume, "work", notes):
        organisation = _text(job.get("name")) or _text(job.get("company"))
        title = _text(job.get("position"))
        start = _date(job.get("startDate"), where, notes)
        if not (organisation and title and start):
            notes.append(_at(where, message("resume_job_incomplete")))
            continue
        ended = job.get("endDate")
        end = None if _held_now(ended) else _date(ended, where, notes)
        if end is None and not _held_now(ended):
            # without its end, the post would count as held to this day: years as a leader
            # the CV does not give
            notes.append(_at(where, message("resume_end_unreadable")))
            continue
        sector = _first(SECTOR_WORDS, organisation)
        if sector is None:
            sector = "privat"
            notes.append(_at(where, message("resume_sector_guessed", organisation=organisation)))
        else:
            notes.append(_at(where, message("resume_sector_read", sector=sector,
                                            organisation=organisation)))
        position = {"title": title, "organisation": organisation, "sector": sector,
                    "start": start.isoformat()}
        if end:
            position["end"] = end.isoformat()
        for key, read in (("startDate", start), ("endDate", end)):
            if read and len(job[key].strip()) < len("YYYY-MM-DD"):  # "2019" or "2019-08"
                notes.append(_at(f"{where}.{key}", message(
                    "resume_date_completed", value=job[key].strip(), date=read.isoformat())))
        level = _first(LEVEL_WORDS, title)
        if level:
            position["leadership_level"] = level
            notes.append(_at(where, message("resume_level_read", level=level, title=title)))
        notes.append(_at(where, message("resume_no_numbers")))
        placed["positions", len(positions)] = where
        positions.append(_with_cv(position, "positions"))
    education: list[dict[str, Any]] = []
    for where, school in _entries(resume, "education", notes):
        words = " ".join(_text(school.get(k)) for k in ("studyType", "area"))
        level = _first(EDUCATION_WORDS, words)
        if level is None:
            notes.append(_at(where, message("resume_education_unknown", words=words.strip())))
            continue
        entry = {"degree": words.strip() or level, "level": level,
                 "leadership": bool(re.search(LEADERSHIP_EDUCATION, words.lower()))}
        notes.append(_at(where, message("resume_education_read", level=level, words=words.strip(),
                                        leadership=_shown(entry["leadership"]))))
        if _text(school.get("institution")):
            entry["institution"] = _text(school.get("institution"))
        if _text(school.get("area")):
            entry["field"] = _text(school.get("area"))
        end = _date(school.get("endDate"), where, notes)
        if end:
            entry["year"] = end.year
        placed["education", len(education)] = where
        education.append(_with_cv(entry, "education"))
    for section in UNMAPPED_SECTIONS:
        if resume.get(section):
            notes.append(_at(section, message("resume_section_left_out")))
    data: dict[str, Any] = {"id": candidate_id, "positions": positions, "education": education}
    if personal:
        data["personal"] = _with_cv(personal, "personal")
    try:
        record = CandidateRecord.model_validate(data)
    except ValidationError as exc:
        found = exc.errors()
        said = {e["loc"] for e in found}
        # what the record keeps of the CV (`cv:`) holds the same bad value: said once, at
        # the entry's own field
        errors = [_at(_in_resume(e["loc"], placed), error_message(e)) for e in found
                  if not (e["loc"][2:3] == (CV,) and (*e["loc"][:2], *e["loc"][3:]) in said)]
        return Conversion(None, notes, errors)
    # a record's list is all there is ('positions: []' is known: none), and a CV that lists
    # no work, or an entry that could not be read, does not show that: the record leaves the
    # section out, so what it would show is ikke belyst, never ikke opfyldt
    unknown = [(section, key) for section, key, items in (("work", "positions", positions),
                                                          ("education", "education", education))
               if not items or len(items) != len(resume.get(section) or [])]
    notes += [_at(section, message("resume_section_unknown", field=key))
              for section, key in unknown]
    return Conversion(record.model_copy(update={key: None for _, key in unknown}), notes)


def _with_cv(entry: dict[str, Any], section: str) -> dict[str, Any]:
    """An entry of the record with what the resume states of it kept apart (`cv:`): the
    next import tells by it a value the consultant edited from one the resume changed."""
    return {**entry, CV: {name: entry[name] for name in STATED[section] if name in entry}}


def _in_resume(loc: tuple, placed: dict[tuple[str, int], str]) -> str:
    """Where a record's field came from in the resume: ('positions', 0, 'end') -> the
    work entry it was made of ('work[2]'), and the record's field name after it."""
    where = placed.get(loc[:2]) if len(loc) >= 2 else None
    if where is None:
        return field_path(loc)
    rest = field_path(loc[2:])
    return f"{where}.{rest}" if rest else where


# --- a resume imported again over a record (--overwrite) ------------------------------------

# what a resume states, which it keeps apart in each entry (under CV) as it gave it, and
# which a later import takes in where the resume changed it since; the rest of a record's
# entry (leaders led, budget, domains, an address) is the consultant's, and stays
CV = "cv"
STATED = {"personal": ("name", "email", "phone"),
          "positions": ("title", "organisation", "start", "end"),
          "education": ("degree", "institution", "field", "year")}
# what is only read from the resume's words: the consultant's value, once there, is kept
GUESSED = {"positions": ("sector", "leadership_level"),
           "education": ("level", "leadership")}
# how an entry of the resume is found in the record: the first key whose values all agree,
# so a title corrected by hand, or a job that has ended since, is still the same job
MATCHED_BY = {"positions": (("organisation", "start"), ("organisation", "title")),
              "education": (("institution", "year"), ("degree",))}


# what a record made of a resume leaves out: no assessments yet (a resume holds none), and
# politically governed is left for the record to derive from its sector: written out from
# a guessed sector, it would contradict the sector the consultant corrects
NOT_WRITTEN: dict[str, Any] = {"assessments": True,
                               "positions": {"__all__": {"politically_governed"}}}


def new_record_text(record: CandidateRecord) -> str:
    """The YAML of a record made of a resume, laid out as the shipped records are: its
    fields in the record's order, dates as dates, and what the resume gave of each entry
    (`cv:`) on one line of its own."""
    from ruamel.yaml.comments import CommentedMap

    data = CommentedMap(record.model_dump(exclude_none=True, exclude=NOT_WRITTEN))
    for key, value in data.items():
        data[key] = (_as_in(data, value) if isinstance(value, dict) else
                     [_as_in(data, entry) for entry in value] if isinstance(value, list)
                     else value)
    return written_back(Path(f"{record.id}.yaml"), data)


def taken_into(path: Path, record: CandidateRecord) -> tuple[str | None, list[Message],
                                                               list[Problem]]:
    """The record file at `path` with the resume's `record` taken into it (`merge`): its
    new text (None when nothing changed, so a resume imported twice leaves the file as it
    is, byte for byte), what there is to say, and the problems of the record it would make
    (a start typed by hand after the end the resume now gives), when it is not written."""
    data = editable(path)
    converted = record.model_dump(mode="json" if path.suffix == ".json" else "python",
                                  exclude_none=True, exclude={"id": True, **NOT_WRITTEN})
    changed, notes = merge(data, converted)
    if not changed:
        return None, notes, []
    try:
        CandidateRecord.model_validate(plain(data))
    except ValidationError as exc:
        return None, notes, [Problem(str(path), error_message(e), field=field_path(e["loc"]),
                                     code="E101") for e in exc.errors(include_url=False)]
    return as_written_in(path, written_back(path, data)), notes, []


def record_of(record: CandidateRecord, folder: Path,
              held: list[LoadedRecord]) -> tuple[Path | None, Problem | None]:
    """The file of the candidate's record in `folder` (whose records are `held`), if there
    is one, or why none can be taken: `<id>.yaml` (or .yml, .json), unless it is a
    namesake's; else hers under another id (k01-mette-kjaer, as consultants number them),
    for a new `<id>.yaml` beside it was the candidate twice in every ranking."""
    there = next((found for suffix in (".yaml", ".yml", ".json")
                  if (found := folder / f"{record.id}{suffix}").exists()), None)
    if there is not None:
        return there, namesake(there, next((r.record.personal for r in held
                                            if r.record.id == record.id), None),
                               record.personal)
    hers = [r for r in held if r.record.id != record.id
            and same_person(r.record.personal, record.personal)]
    if len(hers) > 1:
        return None, Problem(str(folder), message("resume_person_twice", records=", ".join(
            str(r.path) for r in hers)), code="E007")
    if not hers:
        return None, None
    if Path(hers[0].path).suffix not in (".yaml", ".yml", ".json"):  # a JSON Lines pool
        return None, Problem(str(hers[0].path), message("candidate_in_jsonl",
                                                        candidate=hers[0].record.id),
                             code="E304")
    return Path(hers[0].path), None


def same_person(record: Personal | None, resume: Personal | None) -> bool:
    """Whether a record and a resume are of one person: the same e-mail where both give one
    (a namesake has her own), else the same name."""
    if record is None or resume is None:
        return False
    if record.email and resume.email:
        return record.email.casefold() == resume.email.casefold()
    if record.name and resume.name:
        return " ".join(record.name.casefold().split()) == " ".join(resume.name.casefold().split())
    return False


def namesake(path: Path, record: Personal | None, resume: Personal | None) -> Problem | None:
    """The record at `path`, of the resume's id, as another person's (E007): both give an
    e-mail, and they differ. Taken in, her CV would stand beside the other's assessments."""
    if (record is None or resume is None or not (record.email and resume.email)
            or same_person(record, resume)):
        return None
    return Problem(str(path), message("resume_of_namesake", email=record.email,
                                      resume_email=resume.email), code="E007")


def merge(record: dict[str, Any], converted: dict[str, Any]) -> tuple[bool, list[Message]]:
    """The converted resume (its values as the record's file holds them: dates as dates
    in YAML, as text in JSON) taken into `record` (a record file's data, changed in place,
    so its comments and layout stay). What the resume states is merged three ways with what
    it stated at the last import (each entry's `cv:`): a value the resume changed since
    replaces the record's, and is said; a value the consultant edited stays; where both
    changed, the consultant's stays and the resume's new value is said as a conflict; a
    value the resume no longer gives stays, and is said. An entry without `cv:` (written by
    hand, or by an import before it kept one) cannot tell an edit from the resume's value:
    the resume's replaces it, said with the one it replaces. What the resume only lets us
    guess fills a gap and never replaces the consultant's value; everything else in the
    record stays (assessments, experience, what was added by hand). A section the resume
    does not give whole (left out of `converted`) is left as the record has it. Whether
    anything changed, and what there is to say."""
    notes: list[Message] = []
    changed = False
    if "personal" in converted:
        if not isinstance(record.get("personal"), dict):
            record["personal"], changed = _as_in(record, converted["personal"]), True
        else:
            changed |= _take(record["personal"], converted["personal"], "personal",
                             STATED["personal"], (), notes)
    for section in ("positions", "education"):
        if converted.get(section) is None:
            continue
        if not isinstance(record.get(section), list):
            record[section], changed = [_as_in(record, e) for e in converted[section]], True
            continue
        entries = record[section]
        matched: set[int] = set()
        for entry in converted[section]:
            n = _match(entries, entry, MATCHED_BY[section], matched)
            if n is None:
                entries.append(_as_in(record, entry))
                matched.add(len(entries) - 1)
                changed = True
                continue
            matched.add(n)
            changed |= _take(entries[n], entry, f"{section}[{n}]", STATED[section],
                             GUESSED[section], notes)
        notes += [message("about", subject=f"{section}[{n}]", message=message(
            "resume_entry_kept", entry=_entry_name(entries[n])))
            for n in range(len(entries)) if n not in matched]
    return changed, notes


def _match(entries: list, entry: dict[str, Any], keys: tuple[tuple[str, ...], ...],
           taken: set[int]) -> int | None:
    """The record's entry the resume's `entry` is: by what the resume gave of it last
    (a title the consultant tidied since is still the job), else by the record's values."""
    for key in keys:
        if any(entry.get(name) is None for name in key):
            continue
        for values_of in (_cv_of, lambda there: there):
            found = next((n for n, there in enumerate(entries) if n not in taken
                          and isinstance(there, dict)
                          and all(_same(values_of(there).get(name), entry[name])
                                  for name in key)), None)
            if found is not None:
                return found
    return None


def _cv_of(there: dict) -> dict:
    """What the resume gave of a record's entry at its last import, if the entry says."""
    return there[CV] if isinstance(there.get(CV), dict) else {}


def _take(there: dict, entry: dict[str, Any], where: str, stated: tuple[str, ...],
          guessed: tuple[str, ...], notes: list[Message]) -> bool:
    """The resume's values taken into one entry of the record, three ways (see `merge`);
    whether any changed."""
    changed = False
    known = isinstance(there.get(CV), dict)  # what the resume gave at the last import
    for name in stated:
        given, before, value = entry.get(name), _cv_of(there).get(name), there.get(name)
        said = None
        if known and _alike(before, given):
            continue  # the resume did not change it: the record's value stands, edited or not
        if given is None:  # a value the resume does not give (an end: current) stays
            if value is not None:
                said = (message("resume_value_dropped", before=_shown(before), kept=_shown(value))
                        if known else message("resume_value_not_given", kept=_shown(value)))
        elif _alike(value, given):
            pass
        elif known and not _alike(value, before):  # both changed it: the consultant's stays
            said = message("resume_value_conflict", kept=_shown(value), after=_shown(given),
                           before=_shown(before) if before is not None else "–")
        else:  # only the resume changed it, or the record cannot say who did
            if value is not None:
                said = message("resume_value_changed" if known else "resume_value_replaced",
                               before=_shown(value), after=_shown(given))
            there[name], changed = given, True
        if said is not None:
            notes.append(message("about", subject=f"{where}.{name}", message=said))
    if CV in entry and not (known and _alike_all(there[CV], entry[CV])):
        there[CV], changed = _laid_out(there, entry[CV]), True
    for name in guessed:
        if name not in entry or _same(there.get(name), entry[name]):
            continue
        if there.get(name) is None:
            there[name], changed = entry[name], True
        else:
            notes.append(message("about", subject=f"{where}.{name}", message=message(
                "resume_guess_kept", kept=_shown(there[name]), guess=_shown(entry[name]))))
    return changed


def _same(value: Any, converted: Any) -> bool:
    """A record's value and the converted one alike: a date and the same date written as
    text (a record written by an earlier import quotes it), the same text or number."""
    return value is not None and str(value) == str(converted) and (
        isinstance(value, bool) == isinstance(converted, bool))


def _alike(value: Any, other: Any) -> bool:
    """Two values of a field alike, where either may be absent (None)."""
    return (value is None and other is None) or _same(value, other)


def _alike_all(values: dict, others: dict) -> bool:
    return values.keys() == others.keys() and all(_same(values[k], others[k]) for k in values)


def _as_in(record: Any, entry: dict[str, Any]) -> dict[str, Any]:
    """A resume's entry as the record's file lays it out: in YAML, what the resume gave of
    it (`cv:`) on one line, `{title: …, start: …}`, beside the entry's own values."""
    return {**entry, CV: _laid_out(record, entry[CV])} if CV in entry else entry


def _laid_out(record: Any, given: dict[str, Any]) -> Any:
    from ruamel.yaml.comments import CommentedMap

    if not isinstance(record, CommentedMap):  # JSON
        return given
    block = CommentedMap(given)
    block.fa.set_flow_style()
    return block


def _shown(value: Any) -> Message | str:
    if isinstance(value, bool):
        return message("yes" if value else "no")
    return str(value)


def _entry_name(entry: Any) -> str:
    return ", ".join(str(entry[key]) for key in ("title", "organisation", "degree",
                                                 "institution")
                     if isinstance(entry, dict) and entry.get(key)) or "–"
