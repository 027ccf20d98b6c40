"""Sources still to come: at a stage before the last, an assessment has heard only some of
the sources its criterion takes it from. The status is what those show; the possible score
counts the best the sources to come can make of it, so a band is settled only when no
evidence still to come can move the candidate out of it."""

from __future__ import annotations

import re

from click.testing import CliRunner

from screening.cli import main
from screening.compile import compile_profile
from screening.engine import Engine
from screening.records import CandidateRecord
from screening.results import D, I, O
from screening.rulefiles import load_profile

from .conftest import write
from .screeners import screen

PROFILE = """\
profile: {id: p, title: T, organisation: O, source: s.txt, version: "1", date: 2024-01-01}
scoring:
  weights: {krav: 2, ønske: 1}
  assessment: {opfyldt: 4, delvist: 3, krav: min, ønske: mean}
  min_coverage: 0
  bands:
    - {min_score: 70, band: anbefales, label: Anbefales}
    - {min_score: 0, band: anbefales_ikke, label: Anbefales ikke}
competencies:
  samarbejde: Samarbejde
  overblik: Overblik
  styring: Styring
  enegang: Enegang
criteria:
  - id: samarbejde
    name: Godt samarbejde
    category: personlige
    priority: ønske
    quote: Vi ser gerne en god samarbejdspartner
    section: S
    sources: [samtale1, reference]
    when: {assessed: samarbejde}
  - id: overblik
    name: Overblik
    category: ledelsesmæssige
    priority: ønske
    quote: Overblik vægtes positivt
    section: S
    sources: [samtale1, reference]
    when: {assessed: overblik}
"""
# a krav the weakest source decides, and an ønske met when a competency is not rated high
MORE = """\
  - id: styring
    name: Styring
    category: faglige
    priority: krav
    quote: Det er afgørende, at du kan styre
    section: S
    sources: [samtale1, reference]
    when: {assessed: styring}
  - id: ikke-enegang
    name: Ikke en enegænger
    category: personlige
    priority: ønske
    quote: Vi ser gerne en, der ikke går enegang
    section: S
    sources: [samtale1, reference]
    when: {not: {assessed: enegang}}
"""


def rated(**scores: dict[str, int]) -> CandidateRecord:
    """A candidate with the scores given per source: samtale1={"samarbejde": 2}, …"""
    return CandidateRecord.model_validate({"id": "k", "assessments": [
        {"competency": c, "source": source, "score": score, "assessor": "Udvalget"}
        for source, by in scores.items() for c, score in by.items()]})


def outcomes(result) -> dict:
    return {o.criterion.id: o for o in result.outcomes}


def test_a_low_first_interview_leaves_open_what_the_references_may_lift(tmp_path):
    """The first interview rates samarbejde 2 and overblik 5. Read as final, she was
    "Anbefales ikke" (50,0–50,0) at samtale1 and "Anbefales" (75,0) once a reference of 5
    made samarbejde's mean 3,5: a band the tool called settled was left upwards."""
    profile = load_profile(write(tmp_path, "p.yaml", PROFILE))
    record = rated(samtale1={"samarbejde": 2, "overblik": 5})
    result = screen(profile, [record], "samtale1").result("k")
    samarbejde = outcomes(result)["samarbejde"]
    assert (samarbejde.status, samarbejde.points, samarbejde.open_points) == (I, 0.0, 0.5)
    assert [m.sources for m in samarbejde.missing] == [("reference",)]
    assert outcomes(result)["overblik"].open_points == 0.0  # a 5 cannot rise
    assert (result.score, result.possible) == (50.0, 75.0)
    assert result.recommendation == "afventer_belysning"
    later = rated(samtale1={"samarbejde": 2, "overblik": 5},
                  reference={"samarbejde": 5, "overblik": 5})
    lifted = screen(profile, [later], "reference").result("k")
    assert (lifted.score, lifted.possible, lifted.recommendation) == (75.0, 75.0, "anbefales")
    # with the sources all heard, nothing is left open
    assert outcomes(lifted)["samarbejde"].open_points == 0.0


def test_what_the_sources_to_come_cannot_change_is_settled(tmp_path):
    """A 1 at the first interview: with one reference to come the mean is at most 3, delvist;
    a krav taking the weakest source cannot rise at all, and stays a proposed knock-out."""
    profile = load_profile(write(tmp_path, "p.yaml", PROFILE + MORE))
    record = rated(samtale1={"samarbejde": 1, "overblik": 4, "styring": 2, "enegang": 1})
    result = screen(profile, [record], "samtale1").result("k")
    got = outcomes(result)
    assert (got["samarbejde"].status, got["samarbejde"].open_points) == (I, 0.5)
    assert (got["overblik"].status, got["overblik"].open_points) == (O, 0.0)
    assert (got["styring"].status, got["styring"].open_points) == (I, 0.0)
    assert got["styring"].missing == ()
    assert result.knockouts == ("styring",)
    # `not`: a 1 meets it; the best a reference can do for it is another 1
    assert (got["ikke-enegang"].status, got["ikke-enegang"].open_points) == (O, 0.0)


def test_under_a_not_the_best_a_source_to_come_gives_is_its_lowest_score(tmp_path):
    """Rated 5 for enegang at the first interview, "ikke en enegænger" is ikke opfyldt; a
    reference of 1 makes the mean 3, at which `not` of the delvist is delvist."""
    profile = load_profile(write(tmp_path, "p.yaml", PROFILE + MORE))
    record = rated(samtale1={"enegang": 5})
    outcome = outcomes(screen(profile, [record], "samtale1").result("k"))["ikke-enegang"]
    assert (outcome.status, outcome.points, outcome.open_points) == (I, 0.0, 0.5)
    assert [m.sources for m in outcome.missing] == [("reference",)]


def test_a_krav_the_sources_to_come_may_still_meet_is_no_knockout_until_they_are_heard(
        tmp_path):
    """With `krav: mean` a 3 from the first interview is delvist so far, but a reference of
    5 makes the mean 4, opfyldt: proposing a knock-out at samtale1 told the committee to drop
    a candidate the profile's own rule may still pass. She awaits the reference. A 2 (a
    mean of at most 3,5, delvist) cannot be lifted to met: a proposed knock-out now."""
    text = (PROFILE + MORE).replace("krav: min", "krav: mean")
    profile = load_profile(write(tmp_path, "p.yaml", text))
    low = rated(samtale1={"styring": 3, "samarbejde": 5, "overblik": 5})
    result = screen(profile, [low], "samtale1").result("k")
    styring = outcomes(result)["styring"]
    assert (styring.status, styring.points, styring.open_points) == (D, 1.0, 1.0)
    assert result.knockouts == ()
    assert result.krav_to_come() == ("styring",)
    assert result.recommendation == "afventer_belysning"
    # the reference heard: what the rule file says of the mean decides
    for reference, knockouts in ((5, ()), (3, ("styring",))):
        heard = rated(samtale1={"styring": 3}, reference={"styring": reference})
        assert screen(profile, [heard], "reference").result("k").knockouts == knockouts
    hopeless = screen(profile, [rated(samtale1={"styring": 2})], "samtale1").result("k")
    assert (hopeless.knockouts, hopeless.krav_to_come()) == (("styring",), ())
    assert outcomes(hopeless)["styring"].open_points == 1.0  # delvist at best


def test_explain_and_the_shortlist_name_the_krav_the_sources_to_come_may_still_meet(tmp_path):
    rules = write(tmp_path, "p.yaml", (PROFILE + MORE).replace("krav: min", "krav: mean"))
    record = write(tmp_path, "k.yaml", """\
        id: k
        assessments:
          - {competency: styring, source: samtale1, score: 3, assessor: Udvalget}
        """)
    runner = CliRunner()
    danish = runner.invoke(main, ["explain", str(rules), str(record), "--stage", "samtale1",
                                  "--no-audit"])
    assert danish.exit_code == 0, danish.output
    assert ("Krav ikke fuldt opfyldt endnu, som de kommende kilder kan nå at opfylde: "
            "styring;") in danish.output
    assert "Foreslåede knock-outs: ingen." in danish.output
    english = runner.invoke(main, ["--lang", "en", "explain", str(rules), str(record),
                                   "--stage", "samtale1", "--no-audit"])
    assert english.exit_code == 0, english.output
    assert ("Requirements not yet fully met that the sources still to come may yet meet: "
            "styring;") in english.output
    listed = runner.invoke(main, ["shortlist", str(rules), str(record), "--stage", "samtale1",
                                  "--take", "1", "--no-audit"])
    assert listed.exit_code == 0, listed.output
    assert "krav, kommende kilder kan opfylde: styring" in listed.output
    for lang, said in (("da", "Krav ikke fuldt opfyldt endnu, som de kommende kilder kan nå at "
                              "opfylde: Styring;"),
                       ("en", "Requirements not yet fully met that the sources still to come "
                              "may yet meet: Styring;")):
        paper = tmp_path / f"report-{lang}.html"
        reported = runner.invoke(main, ["--lang", lang, "report", str(rules), str(record),
                                        "--stage", "samtale1", "--out", str(paper)],
                                 env={"SCREENING_AUDIT_DB": str(tmp_path / "none.db")})
        assert reported.exit_code == 0, reported.output
        assert said in paper.read_text("utf-8")


def test_explain_and_the_guide_say_what_may_still_be_reached_and_who_is_to_judge(tmp_path):
    rules = write(tmp_path, "p.yaml", PROFILE)
    record = write(tmp_path, "k.yaml", """\
        id: k
        assessments:
          - {competency: samarbejde, source: samtale1, score: 2, assessor: Udvalget}
          - {competency: overblik, source: samtale1, score: 5, assessor: Udvalget}
        """)
    runner = CliRunner()
    explained = runner.invoke(main, ["explain", str(rules), str(record), "--stage", "samtale1",
                                     "--no-audit"])
    assert explained.exit_code == 0, explained.output
    assert "Godt samarbejde: ikke opfyldt, 0,0 af 1,0 point, op til 0,5 muligt" \
        in explained.output
    assert "Mangler: ingen vurdering af 'Samarbejde' fra reference" in explained.output
    english = runner.invoke(main, ["--lang", "en", "explain", str(rules), str(record),
                                   "--stage", "samtale1", "--no-audit"])
    assert english.exit_code == 0, english.output
    assert re.search(r"not met, 0\.0 of 1\.0 points, up to 0\.5 possible", english.output)
    assert "no assessment of 'Samarbejde' by references" in english.output
    guide = runner.invoke(main, ["guide", str(rules), str(record), "--stage", "reference"])
    assert guide.exit_code == 0, guide.output
    assert "### [ønske] Godt samarbejde" in guide.output
    assert "foreløbigt vurderet; kan endnu blive delvist opfyldt; nu: ikke opfyldt" in guide.output
    assert "### [ønske] Overblik" not in guide.output


def test_only_a_value_the_rules_tell_apart_from_the_one_so_far_gets_a_best_view(tmp_path):
    """A 4 may become 4,5 with a reference of 5, but every rule reads both as opfyldt: the
    engine asserts no second view for it. A 2 may become 3,5: delvist, a second view."""
    profile = load_profile(write(tmp_path, "p.yaml", PROFILE))
    engine = Engine(compile_profile(profile))
    met, low = engine.evaluate([rated(samtale1={"overblik": 4}),
                                rated(samtale1={"samarbejde": 2})], "samtale1",
                               profile.meta.date)
    assert (met.facts.reachable, met.reachable) == ({}, {})
    assert low.reachable["samarbejde"] == "delvist"  # and the other criteria of its fact type
    assert list(low.facts.reachable.values()) == [(3.5, ("reference",))]
