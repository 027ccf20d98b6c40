"""Several assessors of one source: two referees, two interviewers. A krav takes the weakest
single score (no referee averages another away), an ønske the mean of each source's mean (a
source weighs the same however many assessed from it), and two assessors as far apart as two
sources are a disagreement."""

from __future__ import annotations

from screening.records import CandidateRecord
from screening.results import D, I, O
from screening.rulefiles import load_profile

from .conftest import write
from .screeners import screen

PROFILE = """\
profile: {id: p, title: T, organisation: O, source: s.txt, version: "1", date: 2024-01-01}
scoring:
  assessment: {opfyldt: 4, delvist: 3, krav: min, ønske: mean}
  disagreement: 3
competencies:
  loyalitet: Loyalitet
  samarbejde: Samarbejde
criteria:
  - id: loyalitet
    name: Loyal over for den politiske ledelse
    category: personlige
    priority: krav
    quote: Det er afgørende, at du er loyal over for den politiske ledelse
    section: S
    sources: [samtale1, reference]
    when: {assessed: loyalitet, gte: 3}
  - id: samarbejde
    name: Godt samarbejde
    category: personlige
    priority: ønske
    quote: Vi ser gerne en god samarbejdspartner
    section: S
    sources: [samtale1, reference]
    when: {assessed: samarbejde}
"""


def result_of(tmp_path, *assessments: tuple[str, str, int, str]):
    profile = load_profile(write(tmp_path, "p.yaml", PROFILE))
    record = CandidateRecord.model_validate({"id": "k", "assessments": [
        {"competency": c, "source": source, "score": score, "assessor": who}
        for c, source, score, who in assessments]})
    result = screen(profile, [record], "reference").result("k")
    return result, {o.criterion.id: o for o in result.outcomes}


def test_a_low_referee_is_not_averaged_away_by_another_for_a_krav(tmp_path):
    """Two referees, 5 and 1, on a krav taking the weakest source: their mean, 3, met the
    krav's 'at least 3', and the low reference was gone, against README's promise."""
    result, got = result_of(tmp_path, ("loyalitet", "samtale1", 5, "Udvalget"),
                            ("loyalitet", "reference", 5, "Tidligere borgmester"),
                            ("loyalitet", "reference", 1, "Tidligere kommunaldirektør"))
    assert got["loyalitet"].status == I
    assert result.knockouts == ("loyalitet",)
    assert got["loyalitet"].disagreement
    assert {e.value for e in got["loyalitet"].evidence} == {5, 1}


def test_two_referees_far_apart_are_a_disagreement(tmp_path):
    """5 and 1 from two referees averaged to a quiet delvist: nothing told the committee
    that the references contradict each other."""
    _, got = result_of(tmp_path, ("samarbejde", "reference", 5, "Tidligere borgmester"),
                       ("samarbejde", "reference", 1, "Tidligere kommunaldirektør"))
    assert (got["samarbejde"].status, got["samarbejde"].disagreement) == (D, True)


def test_an_ønske_weighs_each_source_the_same_however_many_assessed_from_it(tmp_path):
    """Two interviewers' 5 and 5 and one reference's 2: the interview's mean 5 and the
    reference's 2 make 3,5 (delvist), not the three scores' 4 (opfyldt)."""
    _, got = result_of(tmp_path, ("samarbejde", "samtale1", 5, "Formand"),
                       ("samarbejde", "samtale1", 5, "Næstformand"),
                       ("samarbejde", "reference", 2, "Tidligere borgmester"))
    assert got["samarbejde"].status == D
    _, agreed = result_of(tmp_path, ("samarbejde", "samtale1", 4, "Formand"),
                          ("samarbejde", "samtale1", 5, "Næstformand"))
    assert (agreed["samarbejde"].status, agreed["samarbejde"].disagreement) == (O, False)
