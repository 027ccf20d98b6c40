"""The example candidates of the Høje-Taastrup, Albertslund and Ishøj profiles (direktør and
centerchef) screen the way a consultant reading each profile would expect."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from screening.candidates import load_records
from screening.rulefiles import load_profile
from screening.screen import screen

from .conftest import ROOT


@dataclass(frozen=True)
class Expected:
    first: str
    knockouts: dict[str, tuple[str, ...]]  # every candidate with a proposed knock-out
    disagreements: dict[str, tuple[str, ...]]  # every flagged criterion
    too_little_evidence: tuple[str, ...]
    # of the knock-outs, the krav met only in part ("krav kun delvist opfyldt")
    partly_met: dict[str, tuple[str, ...]] = field(default_factory=dict)


EXPECTED = {
    "hoje-taastrup-arbejdsmarkeds-og-socialdirektoer-2009": Expected(
        first="h01-hanne-skov",
        knockouts={"h03-camilla-berg": ("generalistbaggrund-politisk-ledet",),
                   "h06-thomas-bak": ("ledelse-af-ledere",)},
        partly_met={},
        disagreements={"h02-morten-ravn": ("gennemslagskraft-og-dialog",)},
        too_little_evidence=("h04-ole-mikkelsen", "h05-sara-nielsen")),
    "albertslund-leder-sekretariat-2024": Expected(
        first="a01-nanna-juul",
        # Six krav, and a krav met only in part is a proposed knock-out too: whoever is
        # rated between the thresholds on one of them waits for a person's decision.
        knockouts={"a02-rasmus-krog": ("relationelle-kompetencer", "proces-og-forandringsledelse",
                                       "kommunikation-og-formidling"),
                   "a03-helle-winther": ("struktureret-ledelsesstil", "politisk-taeft"),
                   "a04-kasper-dam": ("struktureret-ledelsesstil",),
                   "a06-ali-yilmaz": ("paa-tvaers-af-oekonomi-og-stab",),
                   "a07-lotte-friberg": ("proces-og-forandringsledelse",
                                         "kommunikation-og-formidling", "politisk-taeft",
                                         "paa-tvaers-af-oekonomi-og-stab"),
                   "a08-jakob-tang": ("relationelle-kompetencer", "proces-og-forandringsledelse",
                                      "kommunikation-og-formidling", "politisk-taeft")},
        partly_met={"a02-rasmus-krog": ("relationelle-kompetencer",
                                        "proces-og-forandringsledelse",
                                        "kommunikation-og-formidling"),
                    "a03-helle-winther": ("struktureret-ledelsesstil",),
                    "a06-ali-yilmaz": ("paa-tvaers-af-oekonomi-og-stab",),
                    "a07-lotte-friberg": ("proces-og-forandringsledelse",
                                          "kommunikation-og-formidling", "politisk-taeft",
                                          "paa-tvaers-af-oekonomi-og-stab"),
                    "a08-jakob-tang": ("kommunikation-og-formidling", "politisk-taeft")},
        disagreements={"a04-kasper-dam": ("struktureret-ledelsesstil",)},
        too_little_evidence=("a05-mia-lund",)),
    "ishoj-direktoer": Expected(
        first="i01-susanne-moeller",
        # Peter Lindberg has led a private company at the top: the decisive krav of top
        # leadership in a politically governed organisation is met only in part, which is a
        # proposed knock-out (he used to pass as merely thinly assessed).
        knockouts={"i02-bo-andersen": ("enhedsdirektion",),
                   "i03-peter-lindberg": ("topledelse-politisk-styret",),
                   "i06-lise-holt": ("topledelse-politisk-styret",)},
        partly_met={"i03-peter-lindberg": ("topledelse-politisk-styret",)},
        disagreements={"i02-bo-andersen": ("enhedsdirektion",),
                       "i08-anne-bech": ("okonomisk-ansvarlighed",)},
        too_little_evidence=("i05-jonas-krag",)),
    "ishoj-centerchef": Expected(
        first="c01-karen-holm",
        knockouts={"c02-mads-winther": ("ledelse-af-ledere",)},
        disagreements={"c04-ole-brandt": ("samarbejde-mellem-centerchefer",)},
        too_little_evidence=("c03-sanne-juhl", "c07-hanne-lund")),
}


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def screened(request):
    profile = load_profile(ROOT / "rules" / f"{request.param}.yaml")
    loaded, problems = load_records([ROOT / "examples" / "candidates" / request.param])
    assert problems == []
    assert len(loaded) >= 8
    return request.param, screen(profile, [r.record for r in loaded])


def test_the_strongest_candidate_ranks_first(screened):
    profile_id, result = screened
    assert result.results[0].id == EXPECTED[profile_id].first
    assert result.results[0].recommendation == "anbefales"


def test_proposed_knockouts_are_the_intended_ones_and_rank_last(screened):
    profile_id, result = screened
    expected = EXPECTED[profile_id].knockouts
    assert {r.id: r.knockouts for r in result.results if r.knockouts} == expected
    assert {r.id for r in result.results[-len(expected):]} == set(expected)
    assert {r.id: r.partly_met_knockouts() for r in result.results
            if r.partly_met_knockouts()} == EXPECTED[profile_id].partly_met


def test_sources_that_disagree_are_flagged(screened):
    profile_id, result = screened
    flagged = {r.id: tuple(o.criterion.id for o in r.outcomes if o.disagreement)
               for r in result.results}
    assert {k: v for k, v in flagged.items() if v} == EXPECTED[profile_id].disagreements


def test_candidates_with_too_little_evidence_are_not_ranked_above_judged_ones(screened):
    """Not a tier of its own any more: little evidence secures little of the score."""
    profile_id, result = screened
    sparse = [r for r in result.results if r.recommendation == "utilstrækkeligt_belyst"]
    assert tuple(sorted(r.id for r in sparse)) == EXPECTED[profile_id].too_little_evidence
    judged = [r.rank for r in result.results if not r.knockouts and r not in sparse]
    assert max(judged) < min(r.rank for r in sparse)
    assert all(r.score <= r.coverage < result.profile.scoring.min_coverage for r in sparse)


def test_every_status_occurs(screened):
    _, result = screened
    seen = {o.status for r in result.results for o in r.outcomes}
    assert seen == {"opfyldt", "delvist", "ikke_opfyldt", "ikke_belyst"}
