"""Shared fixtures: the Helsingør profile and a few small candidate records written to disk."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from screening.i18n import set_language
from screening.rulefiles import load_profile

ROOT = Path(__file__).resolve().parent.parent
HELSINGOR = ROOT / "rules" / "helsingor-direktor-2024.yaml"
# every example folder, named as the shipped profile whose candidates it holds
EXAMPLES = sorted(p for p in (ROOT / "examples" / "candidates").iterdir() if p.is_dir())

STRONG = """\
    id: strong
    personal: {name: Mette Holm, email: mette@example.dk}
    education:
      - {degree: MPA, level: master, area: samfundsvidenskab, leadership: true, year: 2015}
    positions:
      - title: Børne- og ungedirektør
        organisation: Gentofte Kommune
        sector: kommune
        start: 2016-01-01
        leadership_level: direktion
        leaders_led: 8
        domains: [skole, dagtilbud]
    experience:
      - {kind: mediehåndtering, role: rådgiver, years: 6}
    assessments:
      - {competency: relationelle_kompetencer, source: samtale1, score: 5}
      - {competency: relationelle_kompetencer, source: reference, score: 2}
      - {competency: politisk_forstaaelse, source: samtale1, score: 4}
      - {competency: okonomisk_forstaaelse, source: samtale2, score: 4}
      - {competency: juridisk_forstaaelse, source: samtale2, score: 4}
"""

KNOCKED_OUT = """\
    id: no-leaders
    positions:
      - title: Specialkonsulent
        organisation: Roskilde Kommune
        sector: kommune
        start: 2012-01-01
        leadership_level: førstelinjeleder
        leaders_led: 0
        staff_led: 6
        domains: [skole]
    education: []
    experience: []
"""

SPARSE = """\
    id: sparse
    positions:
      - {title: Chef, organisation: Et Firma, sector: privat, start: 2015-01-01}
"""

BROKEN = """\
    id: broken
    positions:
      - title: Chef
        organisation: X
        sector: kommun
        start: 2015-01-01
        leaders_led: "4"
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture(autouse=True, scope="session")
def cache_folder(tmp_path_factory):
    """The tests share one cache of loaded profiles and data, never the user's."""
    monkeypatch = pytest.MonkeyPatch()
    folder = tmp_path_factory.mktemp("cache") / "screening"
    monkeypatch.setenv("SCREENING_CACHE", str(folder))
    yield folder
    monkeypatch.undo()


@pytest.fixture(autouse=True)
def audit_db(tmp_path, monkeypatch):
    """Every test screens into its own audit store, never the user's."""
    path = tmp_path / "audit.db"
    monkeypatch.setenv("SCREENING_AUDIT_DB", str(path))
    return path


@pytest.fixture(autouse=True)
def danish():
    """Every test starts in Danish, the default: a command run with --lang en in the same
    process must not decide the language of the next test."""
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.delenv("SCREENING_LANG", raising=False)
    set_language(None)
    yield
    monkeypatch.undo()
    set_language(None)


def example_records(folder: Path):
    """The shipped profile of an example folder and the folder's records, which all load:
    (profile, records)."""
    from screening.candidates import load_records

    loaded, problems = load_records([folder])
    assert problems == []
    return load_profile(ROOT / "rules" / f"{folder.name}.yaml"), [r.record for r in loaded]


def screened_at_stages(profile_id: str, stages: tuple[str, ...]):
    """A shipped profile and its example candidates screened at each of `stages`:
    (profile, {stage: {candidate id: result}})."""
    from screening.screen import screen

    profile, records = example_records(ROOT / "examples" / "candidates" / profile_id)
    return profile, {stage: {r.id: r for r in screen(profile, records, stage=stage).results}
                     for stage in stages}


@pytest.fixture(scope="session")
def helsingor():
    return load_profile(HELSINGOR)


@pytest.fixture
def candidates(tmp_path: Path) -> Path:
    folder = tmp_path / "kandidater"
    folder.mkdir()
    write(folder, "strong.yaml", STRONG)
    write(folder, "no-leaders.yaml", KNOCKED_OUT)
    write(folder, "sparse.yaml", SPARSE)
    return folder
