"""Hypothesis strategies: valid candidate records with every field sometimes missing."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from screening.records import (
    DOMAINS,
    EDUCATION_AREAS,
    EDUCATION_LEVELS,
    EXPERIENCE_KINDS,
    EXPERIENCE_ROLES,
    LEADERSHIP_LEVELS,
    SECTORS,
    SOURCES,
    CandidateRecord,
)


def maybe(strategy):
    return st.none() | strategy


@st.composite
def positions(draw):
    start = draw(st.dates(date(1985, 1, 1), date(2025, 12, 31)))
    end = draw(maybe(st.integers(30, 6000).map(lambda days: start + timedelta(days=days))))
    position = {"title": "Leder", "organisation": draw(st.sampled_from(["A", "B", "Ishøj"])),
                "sector": draw(st.sampled_from(SECTORS)), "start": start, "end": end,
                "politically_governed": draw(maybe(st.booleans())),
                "leadership_level": draw(maybe(st.sampled_from(LEADERSHIP_LEVELS))),
                "leaders_led": draw(maybe(st.integers(0, 30))),
                "staff_led": draw(maybe(st.integers(0, 3000))),
                "budget_mio_dkk": draw(maybe(st.sampled_from([0.0, 120.5, 499.0, 500.0, 2000.0]))),
                "domains": draw(maybe(st.lists(st.sampled_from(DOMAINS), max_size=4,
                                               unique=True)))}
    return {k: v for k, v in position.items() if v is not None}


education = st.fixed_dictionaries(
    {"degree": st.just("Uddannelse"), "level": st.sampled_from(EDUCATION_LEVELS)},
    optional={"area": st.sampled_from(EDUCATION_AREAS), "leadership": st.booleans(),
              "year": st.integers(1970, 2024)})
experience = st.fixed_dictionaries(
    {"kind": st.sampled_from(EXPERIENCE_KINDS)},
    optional={"role": st.sampled_from(EXPERIENCE_ROLES),
              "years": st.floats(0, 30, allow_nan=False).map(lambda y: round(y, 1))})


def assessments(competencies: list[str]):
    return st.lists(st.fixed_dictionaries({
        "competency": st.sampled_from([*competencies, "ukendt_kompetence"]),
        "source": st.sampled_from(SOURCES), "score": st.integers(1, 5)}), max_size=25)


@st.composite
def records(draw, competencies: list[str], candidate_id: str = "k"):
    data = {"id": candidate_id,
            "personal": draw(maybe(st.fixed_dictionaries({"name": st.sampled_from(
                ["Anna Hansen", "Bo Jensen"])}))),
            "positions": draw(maybe(st.lists(positions(), max_size=4))),
            "education": draw(maybe(st.lists(education, max_size=3))),
            "experience": draw(maybe(st.lists(experience, max_size=3))),
            "assessments": draw(assessments(competencies))}
    return CandidateRecord.model_validate({k: v for k, v in data.items() if v is not None})
