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
from typing import Any

from pydantic import ValidationError

from .records import CandidateRecord

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
    notes: list[str] = field(default_factory=list)  # guesses and what was left out
    errors: list[str] = field(default_factory=list)


def _first(patterns: list[tuple[str, str]], text: str) -> str | None:
    lowered = text.lower()
    for value, pattern in patterns:
        if re.search(pattern, lowered):
            return value
    return None


def _date(value: Any, where: str, notes: list[str]) -> date | None:
    """JSON Resume dates are YYYY, YYYY-MM or YYYY-MM-DD; the missing parts become 01."""
    if not isinstance(value, str) or not value:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    if not match:
        notes.append(f"{where}: dato '{value}' kunne ikke læses")
        return None
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        notes.append(f"{where}: dato '{value}' findes ikke")
        return None


def slug(text: str) -> str:
    """A record id from a name: lower case, Danish letters kept, other accents dropped."""
    kept = "".join(ch if ch in "æøå" else unicodedata.normalize("NFKD", ch)[:1]
                   for ch in text.lower())
    return re.sub(r"[^a-z0-9æøå]+", "-", kept).strip("-")[:60] or "kandidat"


def _text(value: Any) -> str:
    """A text field of the resume; anything else (a number, a list) counts as absent."""
    return value.strip() if isinstance(value, str) else ""


def _entries(resume: dict[str, Any], section: str, notes: list[str]) -> list[tuple[str, dict]]:
    """The objects of a list section, with their place; what is not an object is noted."""
    value = resume.get(section) or []
    if not isinstance(value, list):
        notes.append(f"{section}: sprunget over (ikke en liste)")
        return []
    entries = []
    for n, entry in enumerate(value):
        if isinstance(entry, dict):
            entries.append((f"{section}[{n}]", entry))
        else:
            notes.append(f"{section}[{n}]: sprunget over (ikke et objekt)")
    return entries


def convert(resume: dict[str, Any], fallback_id: str) -> Conversion:
    notes: list[str] = []
    basics = resume.get("basics") or {}
    if not isinstance(basics, dict):
        return Conversion(None, notes, ["basics: skal være et objekt"])
    candidate_id = slug(_text(basics.get("name")) or fallback_id)
    personal = {k: _text(basics.get(k)) for k in ("name", "email", "phone")
                if _text(basics.get(k))}
    if basics.get("location"):
        notes.append("basics.location: ikke overført (bruges ikke i screeningen)")
    positions = []
    for where, job in _entries(resume, "work", notes):
        organisation = _text(job.get("name")) or _text(job.get("company"))
        title = _text(job.get("position"))
        start = _date(job.get("startDate"), where, notes)
        if not (organisation and title and start):
            notes.append(f"{where}: sprunget over (mangler organisation, stilling eller "
                         "startdato)")
            continue
        sector = _first(SECTOR_WORDS, organisation)
        if sector is None:
            sector = "privat"
            notes.append(f"{where}: sektor gættet som 'privat' ud fra '{organisation}'; ret "
                         "den, hvis det er forkert")
        else:
            notes.append(f"{where}: sektor '{sector}' læst ud fra '{organisation}'")
        position = {"title": title, "organisation": organisation, "sector": sector,
                    "start": start.isoformat()}
        end = _date(job.get("endDate"), where, notes)
        if end:
            position["end"] = end.isoformat()
        level = _first(LEVEL_WORDS, title)
        if level:
            position["leadership_level"] = level
            notes.append(f"{where}: ledelsesniveau '{level}' læst ud fra '{title}'")
        notes.append(f"{where}: antal ledere og medarbejdere, budget og fagområder står ikke "
                     "i JSON Resume; tilføj dem fra samtalen")
        positions.append(position)
    education = []
    for where, school in _entries(resume, "education", notes):
        words = " ".join(_text(school.get(k)) for k in ("studyType", "area"))
        level = _first(EDUCATION_WORDS, words)
        if level is None:
            notes.append(f"{where}: uddannelsesniveau for '{words.strip()}' ukendt; sprunget "
                         "over")
            continue
        entry = {"degree": words.strip() or level, "level": level,
                 "leadership": bool(re.search(LEADERSHIP_EDUCATION, words.lower()))}
        if _text(school.get("institution")):
            entry["institution"] = _text(school.get("institution"))
        if _text(school.get("area")):
            entry["field"] = _text(school.get("area"))
        end = _date(school.get("endDate"), where, notes)
        if end:
            entry["year"] = end.year
        education.append(entry)
    for section in UNMAPPED_SECTIONS:
        if resume.get(section):
            notes.append(f"{section}: ikke overført (ingen tilsvarende felter i kandidatposten)")
    data: dict[str, Any] = {"id": candidate_id, "positions": positions, "education": education}
    if personal:
        data["personal"] = personal
    try:
        return Conversion(CandidateRecord.model_validate(data), notes)
    except ValidationError as exc:
        errors = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        return Conversion(None, notes, errors)
