"""A criterion's `partial` lifts a `when` it does not meet to delvist. Of an ønske, that is
credit the evidence has secured, also while `when` is not judged yet; of a krav, delvist is a
proposed knock-out, so only a `when` known to fail is lifted: missing evidence never proposes
one."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from screening.cli import main
from screening.records import CandidateRecord
from screening.results import D, O, U
from screening.rulefiles import load_profile
from screening.wording import missing_text

from .conftest import write
from .screeners import screen

CONDITIONS = """\
    when:
      some: positions
      where:
        all: [{field: politically_governed, eq: true},
              {field: leadership_level, in: [direktion, chef]}]
    partial:
      some: positions
      where:
        all: [{field: politically_governed, eq: false},
              {field: leadership_level, in: [direktion, chef]}]
"""
PROFILE = """\
profile: {id: p, title: T, organisation: O, source: s.txt, version: "1", date: 2024-01-01}
criteria:
  - id: topledelse
    name: Topledelse i en politisk styret organisation
    category: ledelsesmæssige
    priority: PRIORITY
    quote: Det er afgørende, at du har ledelseserfaring på højt niveau
    section: S
""" + CONDITIONS

# a private company's director, and a department head in a municipality whose level the
# CV does not give
CANDIDATE = {"id": "k", "positions": [
    {"title": "Administrerende direktør", "organisation": "LæringsTech ApS", "sector": "privat",
     "start": "2016-07-01", "leadership_level": "direktion"},
    {"title": "Afdelingschef", "organisation": "Gladsaxe Kommune", "sector": "kommune",
     "start": "2007-01-01", "end": "2016-06-30"}]}


def profile_of(tmp_path, priority: str):
    return load_profile(write(tmp_path, "p.yaml", PROFILE.replace("PRIORITY", priority)))


def result_of(profile, record: dict):
    return screen(profile, [CandidateRecord.model_validate(record)]).result(record["id"])


def with_level(level: str) -> dict:
    positions = [CANDIDATE["positions"][0], {**CANDIDATE["positions"][1],
                                             "leadership_level": level}]
    return {**CANDIDATE, "positions": positions}


def test_a_krav_whose_when_is_not_judged_is_ikke_belyst_not_a_knockout(tmp_path):
    """The private top post met `partial`; whether the municipal post was at chef level is
    not known. The krav read delvist and was proposed as a knock-out."""
    profile = profile_of(tmp_path, "krav")
    result = result_of(profile, CANDIDATE)
    (outcome,) = result.outcomes
    assert outcome.status == U
    assert result.knockouts == ()
    assert any("stilling 2" in missing_text(m) for m in outcome.missing)
    # judged, it is met, or only partly met and a proposed knock-out
    assert result_of(profile, with_level("chef")).outcomes[0].status == O
    partly = result_of(profile, with_level("mellemleder"))
    assert partly.outcomes[0].status == D
    assert partly.knockouts == ("topledelse",)


def test_an_oenske_keeps_the_credit_partial_secures(tmp_path):
    result = result_of(profile_of(tmp_path, "ønske"), CANDIDATE)
    assert result.outcomes[0].status == D


@pytest.mark.parametrize("lang,reason", [
    ("da", "foreløbigt vurderet; kan endnu blive opfyldt; nu: delvist opfyldt"),
    ("en", "judged provisionally; may yet be met; now: partly met")])
def test_the_guide_lists_an_oenske_partly_met_so_far(tmp_path, lang, reason):
    """The next interview may lift it to opfyldt (the municipal post's level), yet the
    guide listed only what was ikke belyst, in disagreement, or a krav partly met."""
    from screening.guide import guide, why
    from screening.i18n import set_language

    profile = profile_of(tmp_path, "ønske")
    screening = screen(profile, [CandidateRecord.model_validate(CANDIDATE)], "ansøgning")
    set_language(lang)
    try:
        (item,) = guide(screening, "samtale1")[0].items
        assert item.criterion.id == "topledelse" and reason in why(item)
    finally:
        set_language("da")
    judged = screen(profile, [CandidateRecord.model_validate(with_level("mellemleder"))],
                    "ansøgning")
    assert guide(judged, "samtale1")[0].items == ()  # delvist, and final


def test_an_oenske_partly_met_so_far_may_still_be_met(tmp_path):
    """The private top post secures half; the municipal post's level, not yet known, may
    still meet the ønske in full. The possible score read 50: the CV's good news capped the
    candidate below one who sent no CV (0-100)."""
    profile = profile_of(tmp_path, "ønske")
    result = result_of(profile, CANDIDATE)
    assert (result.score, result.possible, result.coverage) == (50.0, 100.0, 50.0)
    assert result.outcomes[0].open_points == result.outcomes[0].points
    assert result_of(profile, with_level("chef")).score == 100.0
    nothing = result_of(profile, {"id": "k"})
    assert (nothing.score, nothing.possible) == (0.0, 100.0)
    # judged, the half is final
    partly = result_of(profile, with_level("mellemleder"))
    assert (partly.score, partly.possible, partly.coverage) == (50.0, 50.0, 100.0)


@pytest.mark.parametrize("lang,pending,none", [
    ("da", "ikke belyst", "Foreslåede knock-outs: ingen."),
    ("en", "not assessed", "Proposed knock-outs: none.")])
def test_explain_says_the_krav_is_not_yet_judged(tmp_path, lang, pending, none):
    write(tmp_path, "k.json", json.dumps(CANDIDATE))
    profile_of(tmp_path, "krav")
    done = CliRunner().invoke(main, ["--lang", lang, "explain", "p", "--rules-dir",
                                     str(tmp_path), str(tmp_path / "k.json"), "--no-audit"])
    assert done.exit_code == 0, done.output
    assert pending in done.output
    assert none in done.output


BANDED = """\
profile: {id: b, title: T, organisation: O, source: s.txt, version: "1", date: 2024-01-01}
scoring:
  min_coverage: 0
  bands:
    - {min_score: 75, band: anbefales, label: Anbefales}
    - {min_score: 55, band: kan_overvejes, label: Kan overvejes}
    - {min_score: 0, band: anbefales_ikke, label: Anbefales ikke}
competencies: {mod: Mod, ro: Ro}
criteria:
  - {id: mod, name: Mod, category: personlige, priority: ønske, quote: Q, section: S,
     when: {assessed: mod},
     partial: {some: experience, where: {field: kind, eq: mediehåndtering}}}
  - {id: ro, name: Ro, category: personlige, priority: ønske, quote: Q, section: S,
     when: {assessed: ro}}
"""


def test_no_band_is_settled_on_a_ceiling_the_evidence_does_not_set(tmp_path):
    """Media experience meets `mod` in part before the interview; `ro` was rated 3, delvist.
    The interview may still meet `mod`, and 75 is within reach: the candidate read 50-50,
    "Anbefales ikke"."""
    profile = load_profile(write(tmp_path, "b.yaml", BANDED))
    result = result_of(profile, {
        "id": "k", "experience": [{"kind": "mediehåndtering"}],
        "assessments": [{"competency": "ro", "source": "samtale1", "score": 3}]})
    assert (result.score, result.possible) == (50.0, 75.0)
    assert result.recommendation == "afventer_belysning"


@pytest.mark.parametrize("lang,points", [
    ("da", "delvist opfyldt, 0,5 af 1,0 point, op til 1,0 muligt"),
    ("en", "partly met, 0.5 of 1.0 points, up to 1.0 possible")])
def test_explain_and_json_show_what_an_oenske_partly_met_so_far_may_reach(tmp_path, lang, points):
    """Its points alone (0,5 of 1,0) did not add up to the possible score beside them."""
    write(tmp_path, "k.json", json.dumps(CANDIDATE))
    profile_of(tmp_path, "ønske")
    args = ["--lang", lang, "explain", "p", "--rules-dir", str(tmp_path),
            str(tmp_path / "k.json"), "--no-audit"]
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 0, done.output
    assert points in done.output
    done = CliRunner().invoke(main, ["screen", *args[3:], "--format", "json"])
    assert done.exit_code == 0, done.output
    assert '"open_points": 0.5' in done.output


@pytest.mark.parametrize("lang,reach", [("da", "Op til"), ("en", "Up to")])
def test_csv_and_workbook_show_what_an_oenske_partly_met_so_far_may_reach(tmp_path, lang, reach):
    """The criteria CSV and the workbook's criteria sheet gave its points alone (0.5 of 1.0):
    summed, a candidate's points fell short of the possible score the ranking shows."""
    from openpyxl import load_workbook

    write(tmp_path, "k.json", json.dumps(CANDIDATE))
    profile_of(tmp_path, "ønske")
    args = ["--lang", lang, "screen", "p", "--rules-dir", str(tmp_path),
            str(tmp_path / "k.json"), "--no-audit"]
    done = CliRunner().invoke(main, [*args, "--format", "csv", "--detail", "criteria"])
    assert done.exit_code == 0, done.output
    (row,) = csv.DictReader(io.StringIO(done.stdout))
    assert (row["points"], row["max_points"], row["open_points"]) == ("0.5", "1.0", "0.5")
    out = tmp_path / "screening.xlsx"
    done = CliRunner().invoke(main, [*args, "--format", "xlsx", "--out", str(out)])
    assert done.exit_code == 0, done.output
    criteria = load_workbook(out).worksheets[1]
    headers, values = (list(r) for r in criteria.iter_rows(min_row=2, max_row=3,
                                                             values_only=True))
    assert headers[-1] == reach and values[-2:] == [0.5, 1.0]
    assert criteria.cell(3, len(values)).number_format == "0.0"


@pytest.mark.parametrize("lang,possible", [
    ("da", "op til 100,0 muligt, hvis alt ikke belyst eller kun foreløbigt vurderet viser sig "
           "opfyldt"),
    ("en", "up to 100.0 possible if everything not assessed or only provisionally judged "
           "turns out met")])
def test_explain_says_the_possible_score_counts_what_is_judged_only_so_far(tmp_path, lang,
                                                                           possible):
    """Nothing is ikke belyst: the header said 100 was reached 'if everything not belyst
    turns out met', which is nothing, yet the possible score counts the ønske's open half."""
    write(tmp_path, "k.json", json.dumps(CANDIDATE))
    profile_of(tmp_path, "ønske")
    done = CliRunner().invoke(main, ["--lang", lang, "explain", "p", "--rules-dir",
                                     str(tmp_path), str(tmp_path / "k.json"), "--no-audit"])
    assert done.exit_code == 0, done.output
    assert possible in done.output


@pytest.mark.parametrize("lang,reason", [
    ("da", "foreløbigt vurderet; kan endnu blive opfyldt; nu: ikke opfyldt"),
    ("en", "judged provisionally; may yet be met; now: not met")])
def test_the_guide_words_what_is_still_open_whatever_the_status_so_far(tmp_path, lang, reason):
    """An ønske not met on the evidence so far, whose sources are still to come, has open
    points too: the guide called it 'delvist opfyldt indtil videre' beside 'nu: ikke
    opfyldt'."""
    from screening.guide import item, why
    from screening.i18n import set_language
    from screening.results import CriterionOutcome

    (criterion,) = profile_of(tmp_path, "ønske").criteria
    not_yet = CriterionOutcome(criterion, "ikke_opfyldt", 0.0, criterion.weight, (), (), False,
                               criterion.weight)
    set_language(lang)
    try:
        assert why(item(profile_of(tmp_path, "ønske"), not_yet, "samtale1")) == reason
    finally:
        set_language("da")


@pytest.mark.parametrize("lang,named", [
    ("da", "Foreløbigt vurderet, kan endnu give flere point"),
    ("en", "Judged provisionally, may yet earn more points")])
def test_explain_and_the_report_name_what_is_judged_only_provisionally(tmp_path, lang, named):
    """Between 50 secured and 100 possible nothing was named: explain listed what is not
    belyst (nothing) and the report said 'Alt er belyst.', yet the ønske may still be met."""
    write(tmp_path, "k.json", json.dumps(CANDIDATE))
    profile_of(tmp_path, "ønske")
    common = ["p", "--rules-dir", str(tmp_path), str(tmp_path / "k.json")]
    done = CliRunner().invoke(main, ["--lang", lang, "explain", *common, "--no-audit"])
    assert done.exit_code == 0, done.output
    assert f"{named} (1): topledelse." in done.stdout.split("\n\n")[0]  # in the header
    out = tmp_path / "report.html"
    done = CliRunner().invoke(main, ["--lang", lang, "report", *common, "--out", str(out)])
    assert done.exit_code == 0, done.output
    page = out.read_text("utf-8")
    assert f"<strong>{named}:</strong> Topledelse i en politisk styret organisation" in page
