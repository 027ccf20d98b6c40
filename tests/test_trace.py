"""Traceability: the rule files say what the seed documents say.

Every quote must occur in the document its rule file encodes, and every competency statement
of each seed must be covered by some criterion. Texts are compared after normalising
whitespace, hyphenation and markdown emphasis, so a quote may be copied across a line break.

A competency statement is one of:
- a bullet (a line starting with "- ") between two markers;
- a block: a heading and the text under it up to the next heading, covered when a quote
  lies inside it (the numbered competencies of Albertslund, Ishøj's areas of responsibility);
- a sentence of a prose section (Helsingør writes its profile as paragraphs), covered when a
  quote lies inside it or contains it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import pytest

from screening.rulefiles import list_profiles

from .conftest import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
RULES = ROOT / "rules"


@dataclass(frozen=True)
class Bullets:
    start: str
    end: str


@dataclass(frozen=True)
class Blocks:
    headings: tuple[str, ...]
    end: str


@dataclass(frozen=True)
class Sentences:
    start: str
    end: str
    skip: tuple[str, ...] = ()  # sentences that state no competency (say why at the use)
    # the sentences start at `start` (included) and end before `end`


# Per seed: where its competency statements are.
COMPETENCY_SECTIONS: dict[str, tuple] = {
    "000_b0393b841ff0c696.txt": (
        Bullets("### 3.1. Faglige kompetencer", "## 4. Stillingens besættelse"),
    ),
    "001_be384447807b6d87.txt": (
        Bullets("Ledelse i Høje-Taastrup Kommune hviler på kommunens fire værdier:",
                "De fire værdier er derfor fundamentet"),
        Bullets("God ledelse i Høje-Taastrup Kommune kræver, at lederen",
                "Alt er kommunikation"),
    ),
    "002_efd3ecca8ba06eef.txt": (
        Blocks(("1. Struktureret ledelsesstil", "2. Gode relationelle kompetencer",
                "3. Sikker proces- og forandringsledelse", "4. Tydelig kommunikation",
                "5. Politisk tæft"), "Øvrige personlige og ledelsesmæssige egenskaber"),
        Bullets("Øvrige personlige og ledelsesmæssige egenskaber",
                "Organisation – Vision, værdier og ledelsesgrundlag"),
        Bullets("Det fælles grundlag udtrykker forventninger til adfærd",
                "Læs mere i medarbejder- og ledelsesgrundlaget"),
        # the section's opening: the environment, education and experience wishes
        Sentences("Stillingen som leder af Sekretariat for Politik, Jura, Kommunikation & "
                  "Udvikling er kompleks", "Væsentlige personlige og",
                  # the five væsentlige competencies below spell this sentence out
                  skip=("Stillingen som leder af Sekretariat",)),
    ),
    "003_cf1ba9441081b400.txt": (
        Sentences("Vi forventer ikke, at du kan alt", "Organisation\n",
                  # how to read the list that follows
                  skip=("Vi forventer ikke, at du kan alt",)),
    ),
    "004_8ed1146f012d1324.txt": (
        # the direktør's role, the koncernledelse every direktør and centerchef is part of,
        # and the centerchef's role
        Bullets("Vores formål er:", "Dette sker i et tæt samspil"),
        Blocks(("Økonomisk ansvarlighed, overblik og fremsyn",
                "Vi oversætter politiske ønsker til en realiserbar fremtid",
                "Organisatorisk balance mellem udvikling og drift",
                "Helhed og tværfaglighed – på både faglige og politiske arenaer",
                "Et velfungerende lokaldemokrati", "Ambassadører for Ishøj Kommune",
                "Ledelse og læring for alle", "Strategisk kommunikation",
                "Rollen som enhedsdirektion"), "Direktionens mødefora og arbejdsformer\n"),
        Bullets("Koncernledelsens formål er:", "Koncernledelsens ansvarsområder"),
        Bullets("Koncernledelsens ansvarsområder er:", "Samspil mellem direktionen"),
        Bullets("Rollen som centerchef\n", "Koncernledelsens mødefora og arbejdsformer – rette "
                "mødefora til rette formål\n\nFor"),
    ),
}


def normalise(text: str) -> str:
    text = re.sub(r"[*_]", "", text)  # markdown emphasis
    text = text.replace("“", '"').replace("”", '"').replace("’", "'")
    text = re.sub(r"(\w)-\s*(\w)", r"\1\2", text)  # hyphenation, at line breaks or not
    return re.sub(r"\s+", " ", text).strip()


def between(text: str, start: str, end: str) -> str:
    at = text.index(start) + len(start)
    return text[at:text.index(end, at)]


def statements(text: str, spec) -> list[tuple[str, str]]:
    """(shown text, text a quote must lie in or contain) for each statement."""
    if isinstance(spec, Bullets):
        lines = between(text, spec.start, spec.end).splitlines()
        return [(line[2:].strip(), line[2:]) for line in lines if line.startswith("- ")]
    if isinstance(spec, Blocks):
        marks = [*spec.headings, spec.end]
        return [(heading, between(text, heading, following))
                for heading, following in itertools.pairwise(marks)]
    body = spec.start + between(text, spec.start, spec.end)
    sentences = re.split(r"(?<=[.!?:])\s+(?=[A-ZÆØÅ])", normalise(body))
    return [(s, s) for s in sentences if not s.startswith(spec.skip)]


def profile_ids() -> list[str]:
    return [path.stem for path, _ in list_profiles(RULES)]


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed documents are not here ({SEEDS}); they live in ../shared/seeds")
    return {path.name: path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt")}


def load(profile_id: str):
    loaded = dict((path.stem, profile) for path, profile in list_profiles(RULES))
    profile = loaded[profile_id]
    assert not isinstance(profile, Exception), profile
    return profile


def test_there_is_a_profile_for_every_job_profile_seed():
    sources = {load(pid).meta.source for pid in profile_ids()}
    assert {"000_b0393b841ff0c696.txt", "002_efd3ecca8ba06eef.txt",
            "003_cf1ba9441081b400.txt", "004_8ed1146f012d1324.txt"} <= sources


@pytest.mark.parametrize("profile_id", profile_ids())
def test_every_quote_occurs_in_its_source(profile_id, seeds):
    wrong = []
    for criterion in load(profile_id).criteria:
        source = seeds.get(criterion.document)
        assert source is not None, f"{criterion.id}: unknown source {criterion.document}"
        if normalise(criterion.quote) not in normalise(source):
            wrong.append(f"{criterion.id}: {criterion.quote!r}")
    assert not wrong, "quotes not found in their source:\n" + "\n".join(wrong)


@pytest.mark.parametrize("profile_id", profile_ids())
def test_every_competency_statement_of_the_seeds_is_covered(profile_id, seeds):
    profile = load(profile_id)
    documents = sorted({c.document for c in profile.criteria})
    uncovered = []
    for document in documents:
        quotes = [normalise(c.quote).casefold() for c in profile.criteria
                  if c.document == document]
        quotes += [normalise(a.quote).casefold() for a in profile.set_aside
                   if a.document == document]  # set aside with a reason: accounted for
        for spec in COMPETENCY_SECTIONS.get(document, ()):
            for shown, body in statements(seeds[document], spec):
                inside = normalise(body).casefold()
                if not any(q in inside or inside in q for q in quotes):
                    uncovered.append(f"{document}: {shown}")
    assert not uncovered, "statements no criterion covers:\n" + "\n".join(uncovered)


def test_the_seed_sections_are_found(seeds):
    """A marker that drifted from the seed text would make a section silently empty."""
    for document, specs in COMPETENCY_SECTIONS.items():
        for spec in specs:
            assert statements(seeds[document], spec), f"{document}: {spec} found nothing"
