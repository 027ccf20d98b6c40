"""`screening fairness`: selection rates, impact ratios, the four-fifths rule and Fisher's
exact test, checked against numbers computed by hand; small groups are warned about."""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Callable

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from screening.audit.decisions import DECISIONS, Decision
from screening.audit.store import AuditStore
from screening.cli import main
from screening.errors import InputError
from screening.fairness import (
    FEW,
    Comparison,
    Groups,
    Outcome,
    compare,
    decided,
    outcomes,
    rates,
    read_groups,
)
from screening.results import O
from screening.vocabulary import PENDING_BAND

from .conftest import ROOT

EXAMPLES = ROOT / "examples" / "candidates" / "helsingor-direktor-2024"
GROUPS = ROOT / "examples" / "groups" / "helsingor-direktor-2024.csv"


def test_rates_ratios_and_fisher_by_hand():
    # A: 5 of 6 selected, B: 1 of 4. Rates 5/6 and 1/4; B's ratio (1/4)/(5/6) = 0.3.
    # Fisher, B against the rest: 10 candidates, 6 selected, 4 in B; P(B has k selected) =
    # C(6,k)·C(4,4-k)/C(10,4) = 1, 24, 90, 80, 15 (/210) for k = 0..4. Observed k = 1 (24);
    # two-sided: the outcomes no likelier, 1 + 24 + 15 = 40/210 = 4/21.
    a, b = rates({"A": (6, 5, 0), "B": (4, 1, 0)})
    assert (a.rate, a.impact_ratio, a.below_four_fifths) == (pytest.approx(5 / 6), 1.0, False)
    assert b.rate == 0.25 and b.impact_ratio == pytest.approx(0.3) and b.below_four_fifths
    assert b.p_value == pytest.approx(4 / 21) and a.p_value == pytest.approx(4 / 21)


def test_three_groups_each_against_the_rest():
    # C: 0 of 2 against the rest, 4 of 6 (8 candidates, 4 selected).
    # P(C has k) = C(4,k)·C(4,2-k)/C(8,2) = 6, 16, 6 (/28); observed 0 (6): 6 + 6 = 12/28.
    found = {r.group: r for r in rates({"A": (3, 3, 0), "B": (3, 1, 0), "C": (2, 0, 0)})}
    assert found["C"].impact_ratio == 0.0 and found["C"].p_value == pytest.approx(12 / 28)
    assert found["B"].impact_ratio == pytest.approx(1 / 3)


def test_a_ratio_of_exactly_four_fifths_is_not_marked():
    # 3 of 5 against 3 of 4: (3/5)/(3/4) = 12/15 = 4/5, which the rule does not mark (it
    # marks less than four-fifths); so is 2 of 3 against 5 of 6 (12/15 again)
    for counts in ({"A": (5, 3, 0), "B": (4, 3, 0)}, {"A": (3, 2, 0), "B": (6, 5, 0)}):
        low = rates(counts)[0]
        assert low.impact_ratio == pytest.approx(0.8) and not low.below_four_fifths


def test_nobody_selected_has_no_ratio():
    (only, other) = rates({"A": (3, 0, 0), "B": (2, 0, 0)})
    assert only.impact_ratio is None and not only.below_four_fifths
    assert only.p_value == 1.0 and other.p_value == 1.0


def test_intersections_and_small_groups():
    results = [{"id": f"c{i}", "knockouts": [] if i % 2 else ["k"], "recommendation": "x",
                "rank": i, "criteria": []} for i in range(12)]
    groups = Groups(("køn", "alder"), {f"c{i}": {"køn": "k" if i < 6 else "m",
                                                 "alder": "ung" if i % 3 else "ældre"}
                                       for i in range(12)})
    found = {(c.attribute, c.outcome.id): c for c in compare(results, groups,
                                                             outcomes(results, None, [("x", "X")]))}
    by_gender = found[("køn", "no_knockout")]
    assert [(r.group, r.candidates, r.selected) for r in by_gender.rates] == \
        [("k", 6, 3), ("m", 6, 3)]
    assert by_gender.small_groups == ()
    crossed = found[("køn × alder", "no_knockout")]
    # k / ung shown beside k would tell k / ældre, two candidates
    assert [(r.group, r.candidates) for r in crossed.rates] == \
        [("k / ung", None), ("k / ældre", None), ("m / ung", None), ("m / ældre", None)]
    assert crossed.small_groups == ("k / ung", "k / ældre", "m / ung", "m / ældre")


def test_the_groups_file_is_read_with_comma_or_semicolon_and_errors_are_located():
    groups = read_groups("id;køn;aldersgruppe\na;kvinde;\nb;mand;40-49\n", "g.csv")
    assert groups.attributes == ("køn", "aldersgruppe")
    assert groups.members == {"a": {"køn": "kvinde"}, "b": {"køn": "mand",
                                                           "aldersgruppe": "40-49"}}
    with pytest.raises(InputError) as bad:
        read_groups("id,køn\na,kvinde\na,mand\nb\n", "g.csv")
    assert [str(p) for p in bad.value.problems] == [
        "g.csv:3:1: E603 kandidaten 'a' står der to gange",
        "g.csv:4:1: E602 1 felter, overskriften har 2"]
    with pytest.raises(InputError, match="E601"):
        read_groups("navn,køn\na,kvinde\n", "g.csv")


def test_a_group_written_in_another_case_is_a_located_error_not_a_group_of_its_own():
    """'Kvinde' and 'kvinde' were two groups: each too small to show, the women's figures
    were hidden, or split, without a word."""
    with pytest.raises(InputError) as bad:
        read_groups("id;køn;alder\na;Kvinde;50-59\nb;mand;40-49\nc;kvinde;50-59\n"
                    "d;kvinde;40-49\ne;KVINDE;60+\n", "g.csv")
    assert [str(p) for p in bad.value.problems] == [
        "g.csv:4:2: E602 'kvinde' under køn er også skrevet 'Kvinde' (linje 2): én gruppe, "
        "skrevet på én måde",
        "g.csv:6:2: E602 'KVINDE' under køn er også skrevet 'Kvinde' (linje 2): én gruppe, "
        "skrevet på én måde"]


def test_columns_without_a_name_are_no_attribute_unless_they_hold_a_value():
    """Danish Excel ends every line with ';;' after a stray cell: the file was refused as
    naming the column '' twice, and with one such column every candidate was named as not
    having given the attribute ''."""
    groups = read_groups("id;køn;aldersgruppe;;\na;kvinde;50-59;;\nb;mand;;;\n", "g.csv")
    assert groups.attributes == ("køn", "aldersgruppe")
    assert groups.members == {"a": {"køn": "kvinde", "aldersgruppe": "50-59"},
                              "b": {"køn": "mand"}}
    assert read_groups("id;køn;\na;kvinde;\n", "g.csv").attributes == ("køn",)
    with pytest.raises(InputError) as bad:
        read_groups("id;køn;;\na;kvinde;;x\nb;mand;y;\n", "g.csv")
    assert [str(p) for p in bad.value.problems] == [
        "g.csv:2:4: E601 kolonne 4 har en værdi, men intet navn i første linje",
        "g.csv:3:3: E601 kolonne 3 har en værdi, men intet navn i første linje"]
    with pytest.raises(InputError, match="E601 første linje nævner en id-kolonne"):
        read_groups("id;;\na;;\n", "g.csv")


def test_a_first_line_telling_excel_the_separator_is_followed():
    """A CSV written for Excel begins "sep=;": that line was taken for the header, and the
    file refused as naming no id column."""
    groups = read_groups("\ufeffsep=;\nid;køn\na;kvinde\nb;mand, over 50\n", "g.csv")
    assert groups.members == {"a": {"køn": "kvinde"}, "b": {"køn": "mand, over 50"}}
    with pytest.raises(InputError) as bad:
        read_groups("sep=,\nid,køn\na,kvinde,x\n", "g.csv")
    assert [str(p) for p in bad.value.problems] == ["g.csv:3:1: E602 3 felter, overskriften har 2"]
    with pytest.raises(InputError) as bad:
        read_groups("sep=;\nnavn;køn\n", "g.csv")
    (problem,) = bad.value.problems
    assert str(problem).startswith("g.csv:2:1: E601 første linje")
    with pytest.raises(InputError, match="E601 gruppefilen er tom"):
        read_groups("sep=;\n", "g.csv")


def test_an_id_written_in_capitals_is_the_candidates_own():
    """A record's id is lower case; "K01-Mette-Kjaer" in a groups file typed by hand was
    counted under nobody, the candidate reported as missing from the file."""
    groups = read_groups("id;køn\nK01-Mette-Kjaer;kvinde\nK02-ØRSTED;mand\n", "g.csv")
    assert groups.members == {"k01-mette-kjaer": {"køn": "kvinde"},
                              "k02-ørsted": {"køn": "mand"}}
    with pytest.raises(InputError) as bad:
        read_groups("id;køn\nk01;kvinde\nK01;mand\n", "g.csv")
    assert [str(p) for p in bad.value.problems] == [
        "g.csv:3:1: E603 kandidaten 'k01' står der to gange"]


def test_a_value_in_decomposed_letters_is_the_same_group():
    """'Århus' with the Å as A and a combining ring (copied from a Mac or a PDF) looks just
    like 'Århus', and was a group of its own."""
    groups = read_groups("id;bopæl\na;\u00c5rhus\nb;A\u030arhus\n", "g.csv")
    assert groups.members == {"a": {"bopæl": "\u00c5rhus"}, "b": {"bopæl": "\u00c5rhus"}}


def test_an_attribute_named_twice_is_refused_not_counted_as_the_second():
    # a column copied in Excel: the second køn would have overwritten the first, and
    # "køn × køn" been counted as an intersection
    with pytest.raises(InputError) as bad:
        read_groups("id;køn;aldersgruppe;køn\na;kvinde;50-59;mand\n", "g.csv")
    assert [str(p) for p in bad.value.problems] == [
        "g.csv:1:1: E601 kolonne 4, 'køn', er også kolonne 2: hver oplysning én gang"]


@pytest.fixture
def run(audit_db) -> str:
    result = CliRunner().invoke(main, ["screen", "helsingor-direktor-2024", str(EXAMPLES),
                                       "--stage", "reference", "--rules-dir",
                                       str(ROOT / "rules"), "--format", "json"])
    assert result.exit_code == 0, result.output
    return AuditStore(audit_db).runs()[-1]["run"]


@pytest.mark.parametrize(("lang", "said"), [
    ("da", "advarsel: bopæl: gruppen land har under 5 kandidater med afklaret udfald;"),
    ("en", "warning: bopæl: the group land has fewer than 5 candidates with a settled "
           "outcome;")])
def test_one_small_group_is_named_in_the_singular(audit_db, tmp_path, lang, said):
    """Five candidates in one group and one in another: the warning said 'grupperne land
    har' ('the groups land have'). Five copies of Mette, recommended at the last stage, are
    settled under every outcome; Sofie, a proposed knock-out, is the one in the country."""
    folder = tmp_path / "candidates"
    folder.mkdir()
    mette = (EXAMPLES / "k01-mette-kjaer.yaml").read_text("utf-8")
    for copy in range(5):
        (folder / f"k01-{copy}.yaml").write_text(
            mette.replace("id: k01-mette-kjaer", f"id: k01-mette-{copy}"), "utf-8")
    (folder / "k03.yaml").write_text((EXAMPLES / "k03-sofie-brandt.yaml").read_text("utf-8"),
                                     "utf-8")
    screened = CliRunner().invoke(main, ["screen", "helsingor-direktor-2024", str(folder),
                                         "--stage", "samtale2", "--rules-dir",
                                         str(ROOT / "rules"), "--format", "json"])
    assert screened.exit_code == 0, screened.output
    run = AuditStore(audit_db).runs()[-1]["run"]
    groups = tmp_path / "bopael.csv"
    groups.write_text("id,bopæl\n" + "".join(f"k01-mette-{copy},by\n" for copy in range(5))
                      + "k03-sofie-brandt,land\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--lang", lang, "fairness", run, "--groups", str(groups)])
    assert result.exit_code == 0, result.output
    assert said in result.stderr


def test_a_p_value_too_small_for_three_decimals_is_not_shown_as_zero(audit_db, tmp_path):
    """In a larger field, a group whose members were proposed knock-outs but one had
    Fisher's p of 0.00005: the table read 'p (Fisher) 0,000' and the JSON 0.0, as if chance
    were ruled out entirely. (One of each group is the other's kind: a group where every
    member, or none, was a proposed knock-out is shown without figures.)"""
    folder = tmp_path / "candidates"
    folder.mkdir()
    for copy in range(4):
        for record in EXAMPLES.iterdir():
            text = record.read_text("utf-8")
            (folder / f"{copy}-{record.name}").write_text(
                text.replace(f"id: {record.stem}", f"id: {record.stem}-{copy}"), "utf-8")
    screened = CliRunner().invoke(main, ["screen", "helsingor-direktor-2024", str(folder),
                                         "--stage", "reference", "--rules-dir",
                                         str(ROOT / "rules"), "--format", "json"])
    assert screened.exit_code == 0, screened.output
    results = json.loads(screened.stdout)["candidates"]
    run_id = AuditStore(audit_db).runs()[-1]["run"]
    groups = tmp_path / "groups.csv"
    swapped = {"k01-mette-kjaer-0", "k03-sofie-brandt-0"}
    groups.write_text("id,g\n" + "".join(
        f"{r['id']},{'B' if bool(r['knockouts']) != (r['id'] in swapped) else 'A'}\n"
        for r in results), encoding="utf-8")
    table = CliRunner().invoke(main, ["fairness", run_id, "--groups", str(groups)])
    assert table.exit_code == 0, table.output
    rows = table.stdout.split("g · ingen foreslået knock-out")[1].split("\n\n")[0]
    assert [line.split(maxsplit=1)[0] for line in rows.splitlines()
            if line.endswith("< 0,001")] == ["A", "B"]
    document = json.loads(CliRunner().invoke(main, ["fairness", run_id, "--groups",
                                                    str(groups), "--format", "json"]).stdout)
    (no_knockout,) = [c for c in document["comparisons"] if c["outcome"] == "no_knockout"]
    assert all(0 < g["p_value"] < 0.001 for g in no_knockout["groups"])


@pytest.mark.parametrize(("lang", "said"), [
    ("da", "advarsel: køn: 1 kandidat(er) har ikke oplyst det og er ikke talt med under det: "),
    ("en", "warning: køn: 1 candidate(s) did not give it and are not counted under it: ")])
def test_a_candidate_who_left_an_attribute_empty_is_named(run, audit_db, tmp_path, lang,
                                                           said):
    """An empty cell is 'not given': the candidate was in none of the attribute's groups,
    and the tables counted one candidate fewer than the run without a word."""
    ids = sorted(r["id"] for r in AuditStore(audit_db).results(run))
    groups = tmp_path / "groups.csv"
    groups.write_text("id,køn,alder\n" + "".join(
        f"{c},{'' if n == 0 else 'kvinde' if n % 2 else 'mand'},{40 + n}\n"
        for n, c in enumerate(ids)), encoding="utf-8")
    result = CliRunner().invoke(main, ["--lang", lang, "fairness", run, "--groups",
                                       str(groups)])
    assert result.exit_code == 0, result.output
    assert f"{said}{ids[0]}\n" in result.stderr
    assert result.stderr.count("ikke oplyst det" if lang == "da" else "did not give it") == 1
    document = json.loads(CliRunner().invoke(main, ["fairness", run, "--groups", str(groups),
                                                    "--format", "json"]).stdout)
    assert document["not_given"] == {"køn": [ids[0]]}


def test_bands_are_the_profiles_best_first_each_with_the_better_ones():
    results = [{"id": i, "knockouts": [], "recommendation": band, "rank": n}
               for n, (i, band) in enumerate([("a", "top"), ("b", "mid"), ("c", "low"),
                                              ("d", "utilstrækkeligt_belyst")], start=1)]
    chosen = outcomes(results, None, [("top", "Anbefales"), ("mid", "Kan overvejes"),
                                      ("low", "Anbefales ikke")])
    found = {o.id: {r["id"] for r in results if o.holds(r)} for o in chosen}
    assert found["band:top"] == {"a"} and found["band:mid"] == {"a", "b"}
    assert found["band:low"] == {"a", "b", "c"}
    # named in the profile's words, not by the band's id
    assert [o.text() for o in chosen if o.id == "band:mid"] == \
        ["anbefaling 'Kan overvejes' eller bedre"]


def test_a_candidate_whose_outcome_is_not_settled_is_in_no_rate():
    """A group of thin records (a krav not yet belyst, no recommendation yet) counted as
    all favoured under "ingen foreslået knock-out", 5 of 5, which put the four-fifths mark
    on a group the tool had judged (3 of 5), and as all disfavoured under every band. The
    unsettled are now counted apart, in neither rate."""
    def result(n: int, krav: str, knockouts: list[str], recommendation: str) -> dict:
        return {"id": f"c{n}", "knockouts": knockouts, "recommendation": recommendation,
                "rank": n, "criteria": [{"priority": "krav", "status": krav},
                                        {"priority": "ønske", "status": "ikke_belyst"}]}

    # beside the five thin records, the thin group has one judged top and one knock-out
    results = ([result(n, "ikke_belyst", [], "afventer_belysning") for n in range(5)]
               + [result(n, "opfyldt", [], "top") for n in range(5, 8)]
               + [result(n, "ikke_opfyldt", ["k"], "knockout_foreslået") for n in (8, 9)]
               + [result(10, "opfyldt", [], "top"),
                  result(11, "ikke_opfyldt", ["k"], "knockout_foreslået")])
    groups = Groups(("g",), {r["id"]: {"g": "tynd" if n < 5 or n > 9 else "fuld"}
                             for n, r in enumerate(results)})
    found = {c.outcome.id: {r.group: r for r in c.rates}
             for c in compare(results, groups, outcomes(results, None, [("top", "Top")]))}
    for outcome in ("no_knockout", "band:top"):
        thin, judged = found[outcome]["tynd"], found[outcome]["fuld"]
        # counted as favoured, the thin group was 6 of 7; as disfavoured, 1 of 7
        assert (thin.candidates, thin.unsettled, thin.selected, thin.rate) == \
            (7, 5, 1, 0.5), outcome
        assert (judged.candidates, judged.unsettled, judged.selected, judged.rate,
                judged.impact_ratio, judged.below_four_fifths) == (5, 0, 3, 0.6, 1.0, False)
        assert thin.impact_ratio == pytest.approx(5 / 6) and not thin.below_four_fifths


def test_a_candidate_with_too_little_evidence_waits_for_a_person_after_decisions_too():
    """Every krav met and no knock-out, but too little evidence for a recommendation: the
    tool proposes nothing and a person decides (`shortlist`), yet after people's decisions
    the candidate counted as going on, a decision nobody had made."""
    from screening.vocabulary import SPARSE_BAND

    thin = {"id": "a", "knockouts": [], "recommendation": SPARSE_BAND,
            "criteria": [{"priority": "krav", "status": O}]}
    (goes_on,) = decided([thin], None, {})
    assert not goes_on.settled(thin)
    stopped = Decision(1, "run", "a", "", "stop", "candidate", DECISIONS["stop"][1], "", "F")
    (goes_on,) = decided([thin], None, {"a": stopped})
    assert goes_on.settled(thin) and not goes_on.holds(thin)


def test_the_helsingor_example_run_against_hand_computed_numbers(run, tmp_path):
    result = CliRunner().invoke(main, ["fairness", run, "--groups", str(GROUPS), "--take", "3",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    table = {(c["attribute"], c["outcome"]): {g["group"]: g for g in c["groups"]}
             for c in doc["comparisons"]}
    # Sofie (kvinde) and Jonas (mand) are proposed knock-outs at the reference stage, and
    # Lene (kvinde) has her krav not yet belyst: unsettled, in neither count. kvinde 2/3,
    # mand 3/4; ratio (2/3)/(3/4) = 8/9. Fisher: 7 settled, 5 without, 4 men: P(k) =
    # C(5,k)·C(2,4-k)/C(7,4) = 10, 20, 5 (/35) for k = 2..4; observed 3: p = 1.
    gender = table[("køn", "no_knockout")]
    assert (gender["kvinde"]["unsettled"], gender["mand"]["unsettled"]) == (1, 0)
    assert (gender["kvinde"]["selected"], gender["mand"]["selected"]) == (2, 3)
    assert gender["kvinde"]["impact_ratio"] == pytest.approx(8 / 9, abs=1e-4)
    assert not gender["kvinde"]["below_four_fifths"]
    assert gender["kvinde"]["p_value"] == gender["mand"]["p_value"] == 1.0
    # the top 3 at the reference stage are Mette, Anders and Birgitte, and the shortlist
    # proposes nothing for Lene (too little evidence): kvinde 2/3, mand 1/4, mand's ratio
    # (1/4)/(2/3) = 3/8. Fisher: 7 settled, 3 taken, 3 women: P(k) = C(3,k)·C(4,3-k)/C(7,3)
    # = 4, 18, 12, 1 (/35) for k = 0..3; observed 2: p = (4 + 12 + 1)/35.
    listed = table[("køn", "shortlisted")]
    assert (listed["kvinde"]["selected"], listed["mand"]["selected"]) == (2, 1)
    assert listed["mand"]["impact_ratio"] == pytest.approx(0.375, abs=1e-4)
    assert listed["mand"]["below_four_fifths"]
    assert listed["mand"]["p_value"] == pytest.approx(17 / 35, abs=1e-4)
    # every age group is hidden: beside the women and the men, any of them would give away
    # Sofie (the one woman of 30-39) or Peter (the one man of 60+)
    assert all(g["hidden"] for g in table[("aldersgruppe", "no_knockout")].values())
    assert ("advarsel: køn: grupperne kvinde, mand har under 5 kandidater med afklaret udfald"
            in result.stderr)
    assert doc["not_in_groups_file"] == [] and doc["not_in_run"] == []


def test_a_candidate_not_in_the_groups_file_is_named_and_not_counted(run, tmp_path):
    # Sofie is left out of this groups file: a file need not name everyone, and whoever it
    # does not name is reported and not counted; the women are then hidden, as with the
    # men and the run's totals theirs would tell what happened to her.
    groups = tmp_path / "grupper.csv"
    groups.write_text("\n".join(line for line in GROUPS.read_text(encoding="utf-8").splitlines()
                                if not line.startswith("k03")) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["fairness", run, "--groups", str(groups), "--format",
                                       "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    (gender,) = [{g["group"]: g for g in c["groups"]} for c in doc["comparisons"]
                 if (c["attribute"], c["outcome"]) == ("køn", "no_knockout")]
    assert gender["kvinde"]["hidden"] and gender["mand"]["candidates"] == 4
    assert doc["not_in_groups_file"] == ["k03-sofie-brandt"] and doc["not_in_run"] == []
    assert "1 kandidat(er) i kørslen står ikke i gruppefilen" in result.stderr


def test_a_json_lines_run_is_compared_as_the_same_run_ranked(run, audit_db):
    """A JSON Lines run records its lines unranked: sorted by id, every candidate was tied
    for the last place on the shortlist, so "på shortlisten (top 3)" counted all five
    without a knock-out and put the four-fifths mark on the women instead of the men."""
    streamed = CliRunner().invoke(main, ["screen", "helsingor-direktor-2024", str(EXAMPLES),
                                         "--stage", "reference", "--rules-dir",
                                         str(ROOT / "rules"), "--format", "jsonl"])
    assert streamed.exit_code == 0, streamed.output
    stream_run = AuditStore(audit_db).runs()[-1]["run"]
    docs = []
    for compared in (run, stream_run):
        result = CliRunner().invoke(main, ["fairness", compared, "--groups", str(GROUPS),
                                           "--take", "3", "--format", "json"])
        assert result.exit_code == 0, result.output
        docs.append({**json.loads(result.stdout), "run": None})
    assert docs[0] == docs[1]


def test_the_table_in_english_and_group_data_stays_out_of_the_store(run, audit_db):
    before = AuditStore(audit_db).head()
    result = CliRunner().invoke(main, ["--lang", "en", "fairness", run, "--groups",
                                       str(GROUPS)])
    assert result.exit_code == 0, result.output
    assert "køn · no proposed knock-out" in result.stdout
    assert "kvinde   4             1            2                   66.7 %" in result.stdout
    assert "too few to conclude" in result.stderr
    assert ("warning: no proposed knock-out: 1 candidate(s) have no settled outcome yet (a "
            "requirement not yet assessed, or one the sources still to come may meet)"
            in result.stderr)
    assert AuditStore(audit_db).head() == before  # nothing written


def decide(run: str, candidate: str, decision: str) -> None:
    decided = CliRunner().invoke(main, ["decide", run, candidate, decision, "--operator",
                                        "Formand", "--reason", "Udvalgets vurdering"])
    assert decided.exit_code == 0, decided.output


def fairness_json(run: str, *options: str) -> dict:
    result = CliRunner().invoke(main, ["fairness", run, "--groups", str(GROUPS), *options,
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def by_outcome(document: dict, attribute: str = "køn") -> dict[str, dict[str, dict]]:
    return {c["outcome"]: {g["group"]: g for g in c["groups"]}
            for c in document["comparisons"] if c["attribute"] == attribute}


@pytest.mark.parametrize(("lang", "said"), [
    ("da", ["advarsel: 2 kandidat(er) har en stående beslutning truffet af en person; "
            "beslutningerne tæller med i udfaldene efter personers beslutninger, ikke i "
            "værktøjets forslag\n",
            "advarsel: går videre efter personers beslutninger: 1 kandidat(er) har endnu intet "
            "afklaret udfald (en foreslået knock-out, ingen person har afgjort endnu, et krav "
            "endnu ikke belyst eller for lidt evidens til et forslag)",
            "advarsel: køn · foreslået knock-out underkendt af en person (blandt de foreslåede): "
            "grupperne kvinde, mand har under 5 kandidater med afklaret udfald"]),
    ("en", ["warning: 2 candidate(s) have a standing decision made by a person; the decisions "
            "count in the outcomes after people's decisions, not in the tool's proposals\n",
            "warning: goes on after people's decisions: 1 candidate(s) have no settled outcome "
            "yet (a proposed knock-out nobody has decided yet, a requirement not yet assessed "
            "or too little evidence for a proposal)",
            "warning: køn · proposed knock-out overridden by a person (of those proposed): the "
            "groups kvinde, mand have fewer than 5 candidates with a settled outcome"])])
def test_the_outcome_after_peoples_decisions_is_counted_beside_the_proposals(run, audit_db,
                                                                          lang, said):
    """With Jonas's knock-out overridden and Lene stopped by the committee, the tables
    counted only the tool's proposals: who went on after the committee's decisions, and
    whom its overrides favoured, an analyst of adverse impact could not see. The proposals
    are counted as before, and beside them the outcome after people's decisions and the
    overrides among the proposed knock-outs."""
    before = fairness_json(run)
    decide(run, "k04-jonas-vestergaard", "--override")
    decide(run, "k05-lene-friis", "--stop")
    after = fairness_json(run)
    assert [c for c in after["comparisons"] if c["counts"] == "proposals"] == \
        [c for c in before["comparisons"] if c["counts"] == "proposals"]
    assert after["decisions"] == 2 and before["decisions"] == 0
    # before: Sofie's and Jonas's knock-outs undecided and Lene's krav not yet belyst, all
    # three unsettled; Mette and Birgitte, Anders, Karim and Peter go on. After: Lene out,
    # Jonas on, Sofie's knock-out undecided, and the overrides among the proposed
    # knock-outs: Sofie's undecided, Jonas's overridden.
    results = AuditStore(audit_db).results(run)
    outcome_of = {}
    for standing in ({}, {"k04-jonas-vestergaard": "override", "k05-lene-friis": "stop"}):
        made = {c: Decision(n, run, c, "", d, *DECISIONS[d], "", "F")
                for n, (c, d) in enumerate(standing.items())}
        outcome_of[bool(standing)] = {o.id: {r["id"][:3]: state(o, r) for r in results}
                                      for o in decided(results, None, made)}
    unsettled = {"k03", "k04", "k05"}
    assert outcome_of[False]["goes_on"] == {
        c: "unsettled" if c in unsettled else "with" for c in outcome_of[False]["goes_on"]}
    assert outcome_of[True]["goes_on"] == {
        **{c: "with" for c in outcome_of[True]["goes_on"]}, "k03": "unsettled",
        "k05": "without"}
    assert {c: s for c, s in outcome_of[True]["overridden"].items() if s != "not about"} \
        == {"k03": "unsettled", "k04": "with"}
    # women 2 of 3 go on, men 4 of 4: the men's figures told each man's outcome, and with
    # the run's totals the women's would tell them; one overridden knock-out of one man was
    # Jonas's: both are shown without figures, and why
    for outcome in ("goes_on", "overridden"):
        assert {g: (f["hidden_because"], f["selected"]) for g, f in
                by_outcome(after)[outcome].items()} == \
            {"kvinde": ("all_or_none", None), "mand": ("all_or_none", None)}, outcome
    assert [c["counts"] for c in after["comparisons"] if c["outcome"] in
            ("goes_on", "overridden")] == ["decisions"] * 6  # køn, aldersgruppe, the pair
    table = CliRunner().invoke(main, ["--lang", lang, "fairness", run, "--groups",
                                      str(GROUPS)])
    assert table.exit_code == 0, table.output
    assert all(line in table.stderr for line in said), table.stderr
    heading = ("køn · går videre efter personers beslutninger" if lang == "da" else
               "køn · goes on after people's decisions")
    assert heading in table.stdout.splitlines()


@pytest.mark.parametrize(("lang", "said", "why"), [
    ("da", "advarsel: køn · går videre efter personers beslutninger: kvinde, mand vises uden "
           "tal: sammen med de andre tal og kørslens totaler ville tallene vise en del af "
           "kørslen, hvor alle eller ingen med afklaret udfald havde udfaldet, og dermed "
           "hvordan det gik hver enkelt i den; om en gruppe blev behandlet anderledes, kan her "
           "ikke vises uden at vise det\n", "sammen med de andre tal"),
    ("en", "warning: køn · goes on after people's decisions: kvinde, mand shown without "
           "figures: with the other figures and the run's totals the figures would show a part "
           "of the run where everyone or no one with a settled outcome had the outcome, and so "
           "what happened to each one in it; whether a group was treated differently cannot be "
           "shown here without showing that\n", "with the other figures")])
def test_a_group_where_everyone_had_the_outcome_does_not_tell_each_ones(run, lang, said, why):
    """After the committee overrode Jonas's knock-out and stopped Lene, the table read
    'mand  4  0  4  100,0 %' under "går videre efter personers beslutninger": each man's
    outcome, for anyone who knows he is a man; hiding the men alone, the run's totals less
    the women's figures were theirs. Both are shown without figures, and the warning and
    the JSON say why; the shortlist after the decisions, where neither group is all or
    none, is shown as before."""
    decide(run, "k04-jonas-vestergaard", "--override")
    decide(run, "k05-lene-friis", "--stop")
    table = CliRunner().invoke(main, ["--lang", lang, "fairness", run, "--groups",
                                      str(GROUPS), "--take", "3"])
    assert table.exit_code == 0, table.output
    heading = ("køn · går videre efter personers beslutninger" if lang == "da" else
               "køn · goes on after people's decisions")
    rows = table.stdout.split(heading + "\n")[1].split("\n\n")[0].splitlines()[2:]
    hidden = "skjult" if lang == "da" else "hidden"
    assert [row.split() for row in rows] == [[g, hidden, *["–"] * 6] for g in ("kvinde", "mand")]
    assert said in table.stderr
    document = json.loads(CliRunner().invoke(main, ["--lang", lang, "fairness", run,
                                                    "--groups", str(GROUPS), "--take", "3",
                                                    "--format", "json"]).stdout)
    assert document["hidden_because"]["all_or_none"].startswith(why)
    listed = by_outcome(document)["shortlisted_decided"]
    assert [(listed[g]["hidden_because"], listed[g]["selected"]) for g in ("kvinde", "mand")] \
        == [(None, 1), (None, 2)]


@pytest.mark.parametrize(("lang", "said"), [
    ("da", "advarsel: ingen foreslået knock-out i kørslen: ingen at underkende, så der er "
           "ingen tabel over underkendte knock-outs\n"),
    ("en", "warning: no proposed knock-out in the run: none to override, so there is no table "
           "of overridden knock-outs\n")])
def test_a_run_without_a_proposed_knockout_says_so_instead_of_a_table_of_zeros(
        audit_db, tmp_path, lang, said):
    """Without Sofie and Jonas, nobody is a proposed knock-out: the overrides were a table
    of 'kvinde 0 0 0 –' and 'mand 0 0 0 –' under a warning that the groups were too few to
    conclude anything, as if there were knock-outs to weigh."""
    folder = tmp_path / "candidates"
    folder.mkdir()
    for record in EXAMPLES.iterdir():
        if not record.name.startswith(("k03", "k04")):
            (folder / record.name).write_text(record.read_text("utf-8"), "utf-8")
    screened = CliRunner().invoke(main, ["screen", "helsingor-direktor-2024", str(folder),
                                         "--stage", "reference", "--rules-dir",
                                         str(ROOT / "rules"), "--format", "json"])
    assert screened.exit_code == 0, screened.output
    run = AuditStore(audit_db).runs()[-1]["run"]
    table = CliRunner().invoke(main, ["--lang", lang, "fairness", run, "--groups", str(GROUPS)])
    assert table.exit_code == 0, table.output
    assert said in table.stderr
    label = ("foreslået knock-out underkendt af en person" if lang == "da" else
             "proposed knock-out overridden by a person")
    assert label not in table.stdout and label not in table.stderr
    document = fairness_json(run)
    assert document["proposed_knockouts"] == 0
    assert "overridden" not in {c["outcome"] for c in document["comparisons"]}


def test_the_shortlist_after_peoples_decisions_is_the_one_the_committee_meets(run):
    """With --take, the tables had only the tool's shortlist: Jonas, his knock-out
    overridden, takes a place on the committee's (`shortlist` with the decisions), Lene,
    stopped, does not, and Sofie's undecided knock-out waits for a person."""
    decide(run, "k04-jonas-vestergaard", "--override")
    decide(run, "k05-lene-friis", "--stop")
    listed = by_outcome(fairness_json(run, "--take", "3"))["shortlisted_decided"]
    # of the two places left, Mette and Anders; settled: the women Mette, Lene and
    # Birgitte (1 listed), the men Anders, Jonas, Karim and Peter (2): ratio (1/3)/(1/2).
    # Fisher: 7 settled, 3 listed, 3 women: P(k) = 4, 18, 12, 1 (/35) for k = 0..3;
    # observed 1, the likeliest: p = 1
    assert [(listed[g]["unsettled"], listed[g]["selected"]) for g in ("kvinde", "mand")] == \
        [(1, 1), (0, 2)]
    assert listed["kvinde"]["impact_ratio"] == pytest.approx(2 / 3, abs=1e-4)
    assert listed["kvinde"]["below_four_fifths"] and listed["kvinde"]["p_value"] == 1.0


def test_a_decision_on_other_evidence_is_no_outcome_and_one_on_the_same_counts(run, audit_db):
    """A decision stands on the evidence it was made on (`on_this_evidence`): one made at
    the reference stage is shown beside Jonas at the second interview, but decides nothing
    there; one made in a later run of the same records, stage and date is the run's."""
    later = CliRunner().invoke(main, ["screen", "helsingor-direktor-2024", str(EXAMPLES),
                                      "--stage", "samtale2", "--rules-dir",
                                      str(ROOT / "rules"), "--format", "json"])
    assert later.exit_code == 0, later.output
    interview = AuditStore(audit_db).runs()[-1]["run"]
    again = CliRunner().invoke(main, ["screen", "helsingor-direktor-2024", str(EXAMPLES),
                                      "--stage", "reference", "--rules-dir",
                                      str(ROOT / "rules"), "--format", "json"])
    assert again.exit_code == 0, again.output
    same = AuditStore(audit_db).runs()[-1]["run"]
    before = fairness_json(interview)
    decide(same, "k04-jonas-vestergaard", "--override")
    assert fairness_json(interview) == {**before, "decisions_on_other_evidence": 1}
    assert fairness_json(run)["decisions"] == 1


@pytest.mark.parametrize(("lang", "said"), [
    ("da", "advarsel: 1 kandidat(er) har kun en beslutning truffet på andet grundlag (i en "
           "kørsel på et andet stadie, en anden dato eller en anden udgave af posten eller "
           "profilen); den står ikke på denne kørsels grundlag og tæller ikke med\n"),
    ("en", "warning: 1 candidate(s) have only a decision made on other evidence (in a run at "
           "another stage, date or version of the record or profile); it does not stand on "
           "this run's evidence and is not counted\n")])
def test_a_decision_made_on_other_evidence_is_named_not_taken_for_none(run, audit_db, lang,
                                                                      said):
    """The committee overrode Jonas's knock-out at the reference stage; at the second
    interview the tables called his knock-out one 'nobody has decided yet' and said nothing
    of the decision every paper shows beside him."""
    decide(run, "k04-jonas-vestergaard", "--override")
    later = CliRunner().invoke(main, ["screen", "helsingor-direktor-2024", str(EXAMPLES),
                                      "--stage", "samtale2", "--rules-dir",
                                      str(ROOT / "rules"), "--format", "json"])
    assert later.exit_code == 0, later.output
    interview = AuditStore(audit_db).runs()[-1]["run"]
    result = CliRunner().invoke(main, ["--lang", lang, "fairness", interview, "--groups",
                                       str(GROUPS)])
    assert result.exit_code == 0, result.output
    assert said in result.stderr
    assert "stående beslutning" not in result.stderr and "standing" not in result.stderr
    assert fairness_json(run)["decisions_on_other_evidence"] == 0


def test_a_missing_groups_file_or_run_exits_2(run, tmp_path):
    missing = CliRunner().invoke(main, ["fairness", run, "--groups", str(tmp_path / "x.csv")])
    assert missing.exit_code == 2 and "filen findes ikke" in missing.output
    no_run = CliRunner().invoke(main, ["fairness", "nope", "--groups", str(GROUPS)])
    assert no_run.exit_code == 2 and "ingen kørsel 'nope'" in no_run.output


def test_a_groups_file_in_utf16_is_a_located_error_not_an_internal_one(run, tmp_path):
    """Excel's "Unicode text" is UTF-16: it stopped the command with 'intern fejl:
    UnicodeDecodeError' (exit 3)."""
    groups = tmp_path / "grupper.csv"
    groups.write_bytes(GROUPS.read_text(encoding="utf-8").encode("utf-16"))
    result = CliRunner().invoke(main, ["fairness", run, "--groups", str(groups)])
    assert result.exit_code == 2, result.output
    assert result.output == (f"fejl: {groups}:1:1: E003 UTF-16-tekst (det Excel og Word kalder "
                             "\"Unicode-tekst\"), ikke UTF-8: gem den som \"CSV UTF-8\" eller "
                             "\"UTF-8\"-tekst\n")


def test_a_group_named_with_hidden_characters_reaches_no_terminal_with_them(run, tmp_path):
    """A group typed as 'kv<BEL><U+202E>inde' went to the terminal as written, in the table
    and in the warning about small groups."""
    groups = tmp_path / "grupper.csv"
    groups.write_text(GROUPS.read_text(encoding="utf-8").replace("kvinde", "kv\x07\u202einde"),
                      encoding="utf-8")
    for fmt in ("table", "json"):
        result = CliRunner().invoke(main, ["fairness", run, "--groups", str(groups),
                                           "--format", fmt])
        assert result.exit_code == 0, result.output
        assert "\x07" not in result.output and "\u202e" not in result.output, fmt
        assert "kvinde" in result.stdout.replace("\\u0007", "")
    assert "grupperne kvinde, mand har under 5 kandidater" in result.stderr


def test_a_groups_file_with_none_of_the_runs_ids_exits_2_and_long_id_lists_are_cut(
        run, tmp_path):
    """A groups file of another run (or ids in capitals) gave a title with no table under
    it and exit 0; a register of every applicant of the year named each id not in the run
    on one line of the warning."""
    other = tmp_path / "andre.csv"
    other.write_text("id;køn\n" + "".join(f"x{n};kvinde\n" for n in range(500)),
                     encoding="utf-8")
    result = CliRunner().invoke(main, ["fairness", run, "--groups", str(other)])
    assert result.exit_code == 2, result.output
    assert f"E604 ingen af kandidaterne i kørsel {run} står i gruppefilen" in result.stderr
    assert result.stdout == ""
    register = tmp_path / "register.csv"
    register.write_text(GROUPS.read_text(encoding="utf-8")
                        + "".join(f"x{n},kvinde,50-59\n" for n in range(500)), encoding="utf-8")
    result = CliRunner().invoke(main, ["fairness", run, "--groups", str(register)])
    assert result.exit_code == 0, result.output
    (line,) = [w for w in result.stderr.splitlines() if "er ikke i kørslen" in w]
    assert line.startswith("advarsel: 500 id('er) i gruppefilen er ikke i kørslen: x0, x1, ")
    assert line.endswith(", … (+480)")


def test_a_groups_file_of_hundreds_of_attributes_is_refused_at_once(run, audit_db, tmp_path):
    """A whole HR export of 300 columns: every pair of them was compared (45,000
    intersections), which took over three minutes and 800 MB; it is now a located limit."""
    with pytest.raises(InputError) as bad:
        read_groups("id," + ",".join(f"a{n}" for n in range(300)) + "\nk1" + ",x" * 300,
                    "g.csv")
    assert [str(p) for p in bad.value.problems] == [
        "g.csv:1:1: E601 300 oplysninger; højst 20 (hvert par af dem sammenlignes også): "
        "behold dem, der skal sammenlignes, fx id,køn,aldersgruppe"]
    ids = [r["id"] for r in AuditStore(audit_db).results(run)]
    groups = tmp_path / "hr.csv"
    groups.write_text("id," + ",".join(f"a{n}" for n in range(300)) + "\n"
                      + "".join(f"{c}" + ",x" * 300 + "\n" for c in ids), encoding="utf-8")
    result = CliRunner().invoke(main, ["--lang", "en", "fairness", run, "--groups", str(groups)])
    assert result.exit_code == 2
    assert result.output == (f"error: {groups}:1:1: E601 300 attributes; at most 20 (each "
                             "pair of them is compared too): keep the attributes to compare, "
                             "e.g. id,køn,aldersgruppe\n")


@pytest.mark.parametrize(("lang", "said"), [
    ("da", "advarsel: aldersgruppe: 30-39, 40-49, 50-59, 60+ vises uden tal: tallene for en "
           "gruppe under 3 kandidater, eller tal, hvorfra sammen med andre tabellers tallene "
           "for færre end 3 kunne regnes ud, ville vise, hvordan det gik den enkelte"),
    ("en", "warning: aldersgruppe: 30-39, 40-49, 50-59, 60+ shown without figures: the "
           "figures of a group of fewer than 3 candidates, or figures from which, with other "
           "tables', those of fewer than 3 could be worked out, would show what happened to "
           "the individual")])
def test_a_group_of_one_does_not_show_what_happened_to_that_person(run, lang, said):
    """Sofie is the only candidate of 30-39 and Peter of 60+: the table showed '30-39  1  0
    0,0 %' under 'ingen foreslået knock-out', which is Sofie's proposed knock-out for anyone
    who knows her age. Their figures are hidden, and so are those of 40-49 and 50-59, from
    which with the women's and the men's theirs would follow."""
    result = CliRunner().invoke(main, ["--lang", lang, "fairness", run, "--groups",
                                       str(GROUPS)])
    assert result.exit_code == 0, result.output
    hidden = "skjult" if lang == "da" else "hidden"
    rows = [line.split() for line in result.stdout.splitlines()
            if line.split()[:1] in (["30-39"], ["40-49"], ["50-59"], ["60+"])]
    assert rows and all(row[1:] == [hidden, *["–"] * 6] for row in rows), rows
    assert said in result.stderr
    shown = CliRunner().invoke(main, ["fairness", run, "--groups", str(GROUPS), "--format",
                                      "json"])
    ages = [g for c in json.loads(shown.stdout)["comparisons"] for g in c["groups"]
            if c["attribute"] == "aldersgruppe"]
    assert {g["group"] for g in ages if g["hidden"]} == {"30-39", "40-49", "50-59", "60+"}
    assert all(g["candidates"] is g["selected"] is g["rate"] is g["p_value"] is None
               for g in ages if g["hidden"])


def in_group(groups: Groups, attribute: str, group: str) -> Callable[[str], bool]:
    """Whether a candidate is in `group` of `attribute` (a pair's "kvinde / 50-59" too)."""
    names = attribute.split(" × ")
    values = group.split(" / ") if len(names) > 1 else [group]
    return lambda c: all(groups.members.get(c, {}).get(a) == v
                         for a, v in zip(names, values, strict=True))


def worked_out(document: dict, groups: Groups, screened: list[str]) -> list[str]:
    """The hidden groups, and the candidates, whose figures follow by adding and subtracting
    the figures `document` shows and the run's totals, for one who knows everyone's groups:
    each group's members in the vector space over the `screened`, one in the span of the
    groups shown (and the whole run) is worked out. A group's size is the same under every
    outcome, its other figures are the outcome's own: a candidate, or a hidden group of
    fewer than three, is worked out from what any table shows; a group hidden under an
    outcome, from what that outcome's tables show."""
    def in_span(rows: list[list[float]], row: list[float]) -> bool:
        return bool(np.linalg.matrix_rank(np.array([*rows, row]))
                    == np.linalg.matrix_rank(np.array(rows)))

    everyone = [1.0] * len(screened)
    shown: dict[str, list[list[float]]] = {}
    hidden: dict[str, dict[str, list[float]]] = {}
    for comparison in document["comparisons"]:
        outcome = comparison.get("outcome", "")
        for group in comparison["groups"]:
            member = in_group(groups, comparison["attribute"], group["group"])
            row = [float(member(c)) for c in screened]
            if group["hidden"]:
                hidden.setdefault(outcome, {})[
                    f"{comparison['attribute']}: {group['group']}"] = row
            else:
                shown.setdefault(outcome, []).append(row)
    anywhere = [everyone, *(row for rows in shown.values() for row in rows)]
    found = {c for c in screened if in_span(anywhere, [float(c == o) for o in screened])}
    for outcome, named in hidden.items():
        found |= {name for name, row in named.items()
                  if row != everyone  # a group of the whole run: its figures are the totals
                  and (in_span([everyone, *shown.get(outcome, [])], row)
                       or (sum(row) < 3 and in_span(anywhere, row)))}
    return sorted(found)


def beyond_the_counts(compared: list[Comparison], results: list[dict]) -> list[str]:
    """The shown rates, ratios and p-values that are not worked out from the counts shown
    (candidates, unsettled, with the outcome) and the run's totals alone, and so could tell
    more than the counts `told` reads: Fisher's p of a group tested against the other groups
    of an attribute someone did not give told, with the run's totals, that one's outcome."""
    from scipy.stats import fisher_exact

    found = []
    for c in compared:
        settled = [r for r in results if c.outcome.about(r) and c.outcome.settled(r)]
        total, chosen = len(settled), sum(c.outcome.holds(r) for r in settled)
        shown = [r for r in c.rates if not r.hidden]
        best = max((r.selected / (r.candidates - r.unsettled) for r in shown
                    if r.candidates > r.unsettled), default=0)
        for r in shown:
            n, k = r.candidates - r.unsettled, r.selected
            rate = k / n if n else None
            p = (fisher_exact([[k, n - k], [chosen - k, total - n - (chosen - k)]]).pvalue
                 if n and len(c.rates) > 1 else None)
            if (r.rate != pytest.approx(rate) or r.p_value != pytest.approx(p)
                    or r.impact_ratio != pytest.approx(rate / best if rate is not None
                                                       and best else None)):
                found.append(f"{c.attribute} · {c.outcome.id}: {r.group}")
    return found


STATES = ("with", "without", "unsettled", "not about")


def state(outcome: Outcome, result: dict) -> str:
    if not outcome.about(result):
        return "not about"
    if not outcome.settled(result):
        return "unsettled"
    return "with" if outcome.holds(result) else "without"


def told(compared: list[Comparison], results: list[dict], groups: Groups) -> list[str]:
    """What the figures shown (`compared`: the numbers the table and JSON print; hidden
    groups print none) and the run's totals tell of anyone, to a reader who knows everyone's
    groups, worked out exactly, whatever hid what: the candidates are counted per cell (the
    same groups under every attribute), the unknowns, per outcome, how many of a cell had
    it, had it not (settled), are unsettled, or are not among those it is about (the
    overrides are about the proposed knock-outs: those without "ingen foreslået knock-out",
    so the two are worked out together); every count shown is a constraint, and integer
    programming finds what each cell's counts can be. Told is a member of a cell (so of
    every group it is in) who cannot have had the outcome, or cannot have been settled
    without it; and a cell of fewer than three whose count with it can be one number only.
    An outcome the run's totals tell everyone's of (everyone or no one had it) tells
    nothing more."""
    from scipy.optimize import LinearConstraint, milp

    by_id = {r["id"]: r for r in results}
    cells: dict[tuple, list[str]] = {}
    for candidate in sorted(by_id):
        given = groups.members.get(candidate)
        signature = (given is not None, *((given or {}).get(a) for a in groups.attributes))
        cells.setdefault(signature, []).append(candidate)
    members = list(cells.values())
    by_outcome: dict[str, list[Comparison]] = {}
    for c in compared:
        by_outcome.setdefault(c.outcome.id, []).append(c)
    found = []
    for name, tables in by_outcome.items():
        outcome = tables[0].outcome
        held = Counter(state(outcome, r) for r in results)
        if not held["with"] or not held["without"]:
            continue
        together = [name] + (["no_knockout"] if name == "overridden" else [])
        size = len(together) * len(members) * len(STATES)

        def at(outcome_id: str, cell: int, held: str, together=together) -> int:
            return ((together.index(outcome_id) * len(members) + cell) * len(STATES)
                    + STATES.index(held))

        rows, values = [], []

        def equals(coefficients: dict[int, float], value: float, size=size, rows=rows,
                   values=values) -> None:
            row = np.zeros(size)
            for i, x in coefficients.items():
                row[i] += x
            rows.append(row)
            values.append(value)

        for outcome_id in together:
            these = by_outcome[outcome_id]
            counted = these[0].outcome
            for cell, ids in enumerate(members):
                equals({at(outcome_id, cell, s): 1 for s in STATES}, len(ids))
            shown = [(lambda c: True, (sum(counted.about(r) for r in results),
                                       sum(state(counted, r) == "unsettled" for r in results),
                                       sum(state(counted, r) == "with" for r in results)))]
            shown += [(in_group(groups, table.attribute, rate.group),
                       (rate.candidates, rate.unsettled, rate.selected))
                      for table in these for rate in table.rates if not rate.hidden]
            for member, (candidates, unsettled, selected) in shown:
                inside = [cell for cell, ids in enumerate(members) if member(ids[0])]
                equals({at(outcome_id, cell, s): 1 for cell in inside for s in STATES[:3]},
                       candidates)
                equals({at(outcome_id, cell, "unsettled"): 1 for cell in inside}, unsettled)
                equals({at(outcome_id, cell, "with"): 1 for cell in inside}, selected)
        if len(together) > 1:  # about the proposed knock-outs: those without no knock-out
            for cell in range(len(members)):
                equals({**{at(name, cell, s): 1 for s in STATES[:3]},
                        at("no_knockout", cell, "without"): -1}, 0)
        constraints = LinearConstraint(np.array(rows), values, values)

        def least(i: int, most: bool = False, size=size, constraints=constraints) -> int:
            """The least (or `most`) the unknown `i` can be, given every figure shown."""
            sign = -1 if most else 1
            objective = np.zeros(size)
            objective[i] = sign
            solved = milp(objective, constraints=constraints, integrality=np.ones(size),
                          bounds=(0, len(by_id)))
            assert solved.success, solved.message
            return round(sign * solved.fun)

        for cell, ids in enumerate(members):
            counts = Counter(state(outcome, by_id[c]) for c in ids)
            for s in ("with", "without"):
                if not counts[s] and least(at(name, cell, s), most=True) == 0:
                    found.append(f"{name}: {', '.join(ids)} not '{s}'")
            had = at(name, cell, "with")
            if len(ids) < 3 and least(had) == counts["with"] == least(had, most=True):
                found.append(f"{name}: {', '.join(ids)} had it: {counts['with']}")
    return found


@pytest.mark.parametrize("change", [
    lambda lines: lines,
    lambda lines: [line for line in lines if not line.startswith("k03")],
    lambda lines: [line.replace("k03-sofie-brandt,kvinde", "k03-sofie-brandt,")
                   for line in lines]], ids=["as shipped", "Sofie not in it", "Sofie no køn"])
def test_no_hidden_figures_follow_from_the_tables_and_the_totals(run, audit_db, tmp_path,
                                                                 change):
    """Each table hid its own small groups, yet the women (4: 2 of the 3 settled without a
    proposed knock-out) beside 50-59 (Mette, Lene and Birgitte, the women of 50-59 as the
    intersections' names told) left Sofie, the one woman of 30-39, a proposed knock-out;
    left out of the groups file, or without a køn, the run's totals less the women and the
    men were her. A group's figures are now shown only when no figures of fewer than three
    follow from them."""
    groups = tmp_path / "grupper.csv"
    groups.write_text("\n".join(change(GROUPS.read_text(encoding="utf-8").splitlines()))
                      + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["fairness", run, "--groups", str(groups), "--take",
                                       "3", "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    screened = sorted(r["id"] for r in AuditStore(audit_db).results(run))
    assert worked_out(document, read_groups(groups.read_text("utf-8"), "g"), screened) == []
    if len(document["not_given"]) + len(document["not_in_groups_file"]) == 0:
        # the first attribute is shown where it gives nobody away: hidden under no outcome
        # for being too few, and shown without a proposed knock-out
        assert not any(g["hidden_because"] == "few" for c in document["comparisons"]
                       if c["attribute"] == "køn" for g in c["groups"])
        assert not any(g["hidden"] for c in document["comparisons"]
                       if (c["attribute"], c["outcome"]) == ("køn", "no_knockout")
                       for g in c["groups"])


def test_nothing_about_fewer_than_three_follows_from_any_groups_file():
    """The same, over groups files drawn at random (seeded): three attributes, some values
    not given, some candidates not in the file, some candidates proposed knock-outs; and
    the rates, ratios and p-values shown follow from the counts shown and the run's totals
    alone."""
    draw = random.Random(20261127)
    for _ in range(25):
        screened = [f"c{n:02}" for n in range(draw.randint(3, 30))]
        results = [{"id": c, "knockouts": ["k"] if draw.random() < 0.4 else [],
                    "recommendation": "x", "rank": 1, "criteria": []} for c in screened]
        members = {c: {a: v for a, v in (("køn", draw.choice("kmm")),
                                         ("alder", draw.choice(["", "u", "m", "æ"])),
                                         ("by", draw.choice("abcd"))) if v}
                   for c in screened if draw.random() < 0.9}
        groups = Groups(("køn", "alder", "by"), members)
        compared = compare(results, groups, outcomes(results, None, []))
        document = {"comparisons": [
            {"attribute": c.attribute, "outcome": c.outcome.id,
             "groups": [{"group": r.group, "hidden": r.hidden} for r in c.rates]}
            for c in compared]}
        assert worked_out(document, groups, screened) == [], members
        assert told(compared, results, groups) == [], members
        assert beyond_the_counts(compared, results) == [], members


@st.composite
def decided_runs(draw) -> tuple[list[dict], Groups, dict[str, Decision]]:
    """A run of candidates, some proposed knock-outs, some with a krav not yet belyst, each
    with a recommendation or none yet, the decisions people made on some of them, and a
    groups file of three attributes."""
    screened = [f"c{n:02}" for n in range(draw(st.integers(3, 20)))]
    results, decisions = [], {}
    for seq, candidate in enumerate(screened):
        knockout = draw(st.booleans())
        status = draw(st.sampled_from([O, "ikke belyst"]))
        results.append({"id": candidate, "knockouts": ["krav"] if knockout else [],
                        "recommendation": draw(st.sampled_from(["x", "y", PENDING_BAND])),
                        "rank": 1, "criteria": [{"priority": "krav", "status": status}]})
        if draw(st.booleans()):
            made = draw(st.sampled_from(["confirm", "override"] if knockout else
                                        ["advance", "stop"]))
            target, outcome = DECISIONS[made]
            decisions[candidate] = Decision(seq, "run", candidate, "", made, target, outcome,
                                            "", "Formand")
    values = {"køn": "kmm", "alder": ["", "u", "m", "æ"], "by": "abcd"}
    members = {c: {a: v for a, v in ((a, draw(st.sampled_from(list(vs))))
                                     for a, vs in values.items()) if v}
               for c in screened if draw(st.integers(0, 9))}
    return results, Groups(tuple(values), members), decisions


@settings(max_examples=25, deadline=None, derandomize=True)
@given(decided_runs())
def test_nothing_about_anyone_follows_from_the_figures_shown(drawn):
    """'mand: 4 of 4 go on' told each man's outcome to anyone who knows he is a man, and
    'kvinde 1 of 1' under the overrides was Sofie's: the size of a group guarded groups of
    one or two, not groups where everyone or no one had the outcome. Over random runs,
    groups and decisions, under every outcome, the tool's and people's: nothing about a
    candidate, or a cell of fewer than three, follows from the figures shown and the run's
    totals (`told`, which reads only the counts shown, and `beyond_the_counts`: every
    other figure shown follows from them); nor do the figures of a group hidden
    (`worked_out`); and a group too small to show is hidden under every outcome."""
    results, groups, decisions = drawn
    compared = compare(results, groups, outcomes(results, 2, [("x", "X"), ("y", "Y")])
                       + decided(results, 3, decisions))
    few: dict[str, set[str]] = {}
    for c in compared:
        assert few.setdefault(c.attribute, {r.group for r in c.rates if r.hidden_because
                                            == FEW}) == \
            {r.group for r in c.rates if r.hidden_because == FEW}, c.outcome.id
    document = {"comparisons": [
        {"attribute": c.attribute, "outcome": c.outcome.id,
         "groups": [{"group": r.group, "hidden": r.hidden} for r in c.rates]}
        for c in compared]}
    assert worked_out(document, groups, sorted(r["id"] for r in results)) == []
    assert told(compared, results, groups) == []
    assert beyond_the_counts(compared, results) == []


def test_a_quote_left_open_or_a_huge_value_is_a_located_error():
    """A quote left open ran every line after it into one group ('kvinde\\nk02-…,mand…'),
    and the run's other candidates were reported missing from the file; a value of 200,000
    characters was an internal error (the csv module's limit)."""
    with pytest.raises(InputError) as bad:
        read_groups('id,køn\nk1,mand\nk2,"kvinde\nk3,mand\nk4,mand\n', "g.csv")
    assert [str(p) for p in bad.value.problems] == [
        "g.csv:3:1: E602 en værdi løber over flere linjer (et citationstegn, der ikke er "
        "lukket?)"]
    with pytest.raises(InputError) as bad:
        read_groups("id,køn\nk1,mand\nk2," + "x" * 200_000 + "\n", "g.csv")
    assert [str(p) for p in bad.value.problems] == [
        "g.csv:3:1: E602 en værdi er længere end 131072 tegn"]
    # a quoted value over two lines is counted from the line it begins on
    with pytest.raises(InputError) as bad:
        read_groups('id,køn\nk1,"kv\ninde"\nk2,mand,x\n', "g.csv")
    assert [str(p) for p in bad.value.problems] == [
        "g.csv:2:1: E602 en værdi løber over flere linjer (et citationstegn, der ikke er "
        "lukket?)", "g.csv:4:1: E602 3 felter, overskriften har 2"]


def test_a_row_without_an_id_is_a_located_error():
    """Rows of attributes without an id: one was listed as an id not in the run (blank),
    two as 'kandidaten '' står der to gange'."""
    with pytest.raises(InputError) as bad:
        read_groups("id,køn\n,kvinde\n ,mand\nk1,mand\n", "g.csv")
    assert [str(p) for p in bad.value.problems] == [
        "g.csv:2:1: E602 rækken har intet kandidat-id",
        "g.csv:3:1: E602 rækken har intet kandidat-id"]
