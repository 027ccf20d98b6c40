"""The Danish step library: describe candidates, screen them, and check the explained result.

Each step is registered once, with an example line; `CATALOGUE` is what `screening steps`
prints and what `screening test --check` matches feature lines against. A step that talks
about "kandidaten" means the candidate described last; most checks take an optional
`for "id"` to name another one.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from ..candidates import load_record
from ..errors import ScreeningError
from ..profiles import CATEGORIES, Criterion, Profile
from ..protected import refuse as refuse_protected
from ..records import SOURCES, CandidateRecord
from ..rulefiles import find_profile, load_profile

STATUS_WORDS = {"opfyldt": "opfyldt", "delvist opfyldt": "delvist", "delvist": "delvist",
                "ikke opfyldt": "ikke_opfyldt", "ikke belyst": "ikke_belyst"}
SHOWN_STATUS = {"opfyldt": "opfyldt", "delvist": "delvist opfyldt",
                "ikke_opfyldt": "ikke opfyldt", "ikke_belyst": "ikke belyst"}
POSITION_FIELDS = {"titel": "title", "organisation": "organisation", "sektor": "sector",
                   "politisk styret": "politically_governed", "start": "start", "slut": "end",
                   "ledelsesniveau": "leadership_level", "ledere": "leaders_led",
                   "medarbejdere": "staff_led", "budget": "budget_mio_dkk",
                   "fagområder": "domains"}


@dataclass(frozen=True)
class StepDoc:
    kind: str  # given | when | then
    pattern: re.Pattern
    example: str


CATALOGUE: list[StepDoc] = []
_REGISTER = {"given": given, "when": when, "then": then}
_OPTIONAL_FOR = r'(?: for "(?P<candidate>[^"]+)")?'


def step(kind: str, pattern: str, example: str) -> Callable:
    """Register a step with pytest-bdd (in this module) and in the catalogue."""
    compiled = re.compile(pattern + "$")
    CATALOGUE.append(StepDoc(kind, compiled, example))
    return _REGISTER[kind](parsers.re(pattern + "$"))  # applied by the module: lands there


@dataclass
class Context:
    """What a scenario has said so far."""

    rules_dir: Path
    profile: Profile | None = None
    stage: str = SOURCES[-1]
    candidates: dict[str, dict] = field(default_factory=dict)  # id -> record data
    current: str | None = None
    screening: Any = None  # screening.screen.Screening, once screened

    def candidate(self) -> dict:
        if self.current is None:
            raise AssertionError('Der er ingen kandidat endnu: skriv først Givet kandidaten "id"')
        return self.candidates[self.current]

    def result(self, candidate: str | None):
        if self.screening is None:
            raise AssertionError("Kandidaterne er ikke screenet endnu: skriv Når kandidaten "
                                 "screenes")
        wanted = candidate or self.current
        for r in self.screening.results:
            if r.id == wanted:
                return r
        raise AssertionError(f"Ingen kandidat med id '{wanted}' blev screenet; kendte: "
                             + ", ".join(r.id for r in self.screening.results))


@pytest.fixture
def screening_context(request) -> Context:
    rules = os.environ.get("SCREENING_RULES") or str(request.config.rootpath / "rules")
    return Context(Path(rules))


# --- profile and stage -------------------------------------------------------------------


@step("given", r'profilen "(?P<name>[^"]+)"', 'Givet profilen "helsingor-direktor-2024"')
def choose_profile(screening_context: Context, name: str) -> None:
    try:
        screening_context.profile = load_profile(find_profile(name, screening_context.rules_dir))
    except ScreeningError as exc:
        raise AssertionError(f"Profilen '{name}' kan ikke indlæses: {exc}") from None
    refuse_protected(screening_context.profile)  # RuleFileError: `screening test` exits 2


@step("given", r'stadiet "(?P<stage>[^"]+)"', 'Og stadiet "samtale1"')
def choose_stage(screening_context: Context, stage: str) -> None:
    if stage not in SOURCES:
        raise AssertionError(f"Ukendt stadie '{stage}'; brug et af {', '.join(SOURCES)}")
    screening_context.stage = stage


# --- candidates ---------------------------------------------------------------------------


@step("given", r'kandidaten "(?P<candidate_id>[^"]+)"', 'Givet kandidaten "k1"')
def new_candidate(screening_context: Context, candidate_id: str) -> None:
    screening_context.candidates[candidate_id] = {"id": candidate_id}
    screening_context.current = candidate_id


@step("given", r'kandidaten fra filen "(?P<path>[^"]+)"',
      'Givet kandidaten fra filen "examples/candidates/helsingor-direktor-2024/k02.yaml"')
def candidate_from_file(request, screening_context: Context, path: str) -> None:
    file = Path(path) if Path(path).is_absolute() else request.config.rootpath / path
    loaded, problems = load_record(file)
    if problems:
        raise AssertionError("Kandidaten kan ikke indlæses:\n" + "\n".join(map(str, problems)))
    data = loaded.record.model_dump(mode="json", exclude_none=True)
    screening_context.candidates[data["id"]] = data
    screening_context.current = data["id"]


@step("given", r'kandidaten har været (?P<level>direktion|chef|mellemleder|førstelinjeleder|'
      r'ingen) i "(?P<organisation>[^"]+)" \((?P<sector>[^)]+)\) i (?P<years>\d+) år'
      r'(?: og ledet (?P<leaders>\d+) ledere)?',
      'Og kandidaten har været chef i "Gentofte Kommune" (kommune) i 6 år og ledet 8 ledere')
def short_position(screening_context: Context, level: str, organisation: str, sector: str,
                   years: str, leaders: str | None) -> None:
    end_year = screening_context.profile.meta.date.year if screening_context.profile else 2024
    position = {"title": level.capitalize(), "organisation": organisation, "sector": sector,
                "leadership_level": level, "start": f"{end_year - int(years)}-01-01",
                "end": f"{end_year}-01-01"}
    if leaders is not None:
        position["leaders_led"] = int(leaders)
    screening_context.candidate().setdefault("positions", []).append(position)


@step("given", r"kandidaten har en stilling:",
      "Og kandidaten har en stilling:\n  | titel | Skolechef |\n  | sektor | kommune |")
def table_position(screening_context: Context, datatable: list[list[str]]) -> None:
    position: dict[str, Any] = {}
    for row in datatable:
        if len(row) != 2:
            raise AssertionError(f"En stilling beskrives med rækker af felt og værdi: {row}")
        name, value = row[0].strip().lower(), row[1].strip()
        if name not in POSITION_FIELDS:
            raise AssertionError(f"Ukendt felt '{name}' i stillingen; brug "
                                 + ", ".join(POSITION_FIELDS))
        position[POSITION_FIELDS[name]] = _typed(POSITION_FIELDS[name], value)
    screening_context.candidate().setdefault("positions", []).append(position)


def _typed(field_name: str, value: str) -> Any:
    if field_name in ("leaders_led", "staff_led"):
        return int(value)
    if field_name == "budget_mio_dkk":
        return float(value.replace(",", "."))
    if field_name == "politically_governed":
        return value.lower() in ("ja", "true")
    if field_name == "domains":
        return [d.strip() for d in value.split(",") if d.strip()]
    return value


@step("given", r'kandidaten har (?P<leadership>ledelses)?uddannelsen "(?P<degree>[^"]+)" på niveau '
      r'"(?P<level>[^"]+)"(?: inden for "(?P<area>[^"]+)")?',
      'Og kandidaten har ledelsesuddannelsen "MPA" på niveau "master"')
def education(screening_context: Context, leadership: str | None, degree: str, level: str,
              area: str | None) -> None:
    item = {"degree": degree, "level": level, "leadership": leadership is not None}
    if area:
        item["area"] = area
    screening_context.candidate().setdefault("education", []).append(item)


@step("given", r'kandidaten har erfaring med "(?P<kind>[^"]+)"(?: som "(?P<role>[^"]+)")?',
      'Og kandidaten har erfaring med "mediehåndtering" som "rådgiver"')
def experience(screening_context: Context, kind: str, role: str | None) -> None:
    item = {"kind": kind} | ({"role": role} if role else {})
    screening_context.candidate().setdefault("experience", []).append(item)


@step("given", r'kandidaten har ingen (?P<what>stillinger|uddannelser|erfaringer)',
      "Og kandidaten har ingen erfaringer")
def nothing_of(screening_context: Context, what: str) -> None:
    key = {"stillinger": "positions", "uddannelser": "education", "erfaringer": "experience"}
    screening_context.candidate()[key[what]] = []


@step("given", r'kandidaten er vurderet til (?P<score>\d) på "(?P<competency>[^"]+)" i '
      r'"(?P<source>[^"]+)"',
      'Og kandidaten er vurderet til 4 på "relationelle_kompetencer" i "samtale1"')
def assessment(screening_context: Context, score: str, competency: str, source: str) -> None:
    profile = screening_context.profile
    if profile is not None and competency not in profile.competencies:
        raise AssertionError(f"Profilen har ingen kompetence '{competency}'"
                             + _near(competency, list(profile.competencies)))
    screening_context.candidate().setdefault("assessments", []).append(
        {"competency": competency, "source": source, "score": int(score)})


# --- screening ----------------------------------------------------------------------------


@step("when", r'(?:kandidaten|kandidaterne) screenes(?: til stadiet "(?P<stage>[^"]+)")?',
      'Når kandidaterne screenes til stadiet "samtale1"')
def run_screening(screening_context: Context, stage: str | None) -> None:
    from ..screen import screen

    if screening_context.profile is None:
        raise AssertionError('Vælg først en profil: Givet profilen "id"')
    if stage:
        choose_stage(screening_context, stage)
    records = []
    for data in screening_context.candidates.values():
        try:
            records.append(CandidateRecord.model_validate(data))
        except ValueError as exc:
            raise AssertionError(f"Kandidaten '{data['id']}' er ugyldig: {exc}") from None
    screening_context.screening = screen(screening_context.profile, records,
                                         stage=screening_context.stage)


# --- checks -------------------------------------------------------------------------------


def find_criterion(profile: Profile, wanted: str) -> Criterion:
    """A criterion by id, by name, or by a piece of its name or quote that only it has."""
    low = wanted.casefold()
    for c in profile.criteria:
        if low in (c.id.casefold(), c.name.casefold()):
            return c
    pieces = [c for c in profile.criteria if low in c.name.casefold() or low in
              c.quote.casefold()]
    if len(pieces) == 1:
        return pieces[0]
    if len(pieces) > 1:
        raise AssertionError(f"'{wanted}' passer på flere kriterier: "
                             + ", ".join(c.id for c in pieces))
    names = [c.id for c in profile.criteria] + [c.name for c in profile.criteria]
    raise AssertionError(f"Profilen har intet kriterium '{wanted}'" + _near(wanted, names))


def _near(wanted: str, known: list[str]) -> str:
    close = difflib.get_close_matches(wanted, known, n=3, cutoff=0.5)
    return f"; mente du: {', '.join(close)}?" if close else ""


def _outcome(context: Context, criterion: str, candidate: str | None):
    wanted = find_criterion(context.profile, criterion)
    result = context.result(candidate)
    return result, next(o for o in result.outcomes if o.criterion.id == wanted.id)


@step("then", r'(?:er )?kriteriet "(?P<criterion>[^"]+)" (?:er )?"(?P<status>[^"]+)"'
      + _OPTIONAL_FOR,
      'Så er kriteriet "ledelse-af-ledere" "opfyldt"')
def criterion_status(screening_context: Context, criterion: str, status: str,
                     candidate: str | None) -> None:
    if status not in STATUS_WORDS:
        raise AssertionError(f"Ukendt status '{status}'; brug {', '.join(STATUS_WORDS)}")
    result, outcome = _outcome(screening_context, criterion, candidate)
    if outcome.status != STATUS_WORDS[status]:
        grounds = "; ".join(f"{e.path} = {e.value} ({e.source})" for e in outcome.evidence)
        missing = "; ".join(outcome.missing)
        raise AssertionError(
            f"Kriteriet '{outcome.criterion.id}' er '{SHOWN_STATUS[outcome.status]}' for "
            f"'{result.id}', forventet '{status}'."
            + (f"\nGrundlag: {grounds}" if grounds else "")
            + (f"\nMangler: {missing}" if missing else ""))


@step("then", r'(?:er )?kategorien "(?P<category>[^"]+)" (?:er )?(?:scoret mindst (?P<least>\d+)|'
      r'(?P<unjudged>ikke belyst))' + _OPTIONAL_FOR,
      'Så er kategorien "personlige" scoret mindst 75')
def category_score(screening_context: Context, category: str, least: str | None,
                   unjudged: str | None, candidate: str | None) -> None:
    if category not in CATEGORIES:
        raise AssertionError(f"Ukendt kategori '{category}'; brug {', '.join(CATEGORIES)}")
    result = screening_context.result(candidate)
    score = result.categories.get(category)
    if unjudged and score is not None and score.coverage > 0:
        raise AssertionError(f"Kategorien '{category}' har dækningen {score.coverage} % for "
                             f"'{result.id}', forventet ikke belyst")
    score = score.score if score is not None else None  # the secured score
    if least and (score is None or score < float(least)):
        raise AssertionError(f"Kategorien '{category}' har scoren {score} for '{result.id}', "
                             f"forventet mindst {least}")


@step("then", r'(?:er der|der er) foreslået knock-out på "(?P<criterion>[^"]+)"' + _OPTIONAL_FOR,
      'Så er der foreslået knock-out på "ledelse-af-ledere"')
def knockout(screening_context: Context, criterion: str, candidate: str | None) -> None:
    result, outcome = _outcome(screening_context, criterion, candidate)
    if outcome.criterion.id not in result.knockouts:
        raise AssertionError(f"Ingen foreslået knock-out på '{outcome.criterion.id}' for "
                             f"'{result.id}' (status: {SHOWN_STATUS[outcome.status]}); "
                             f"foreslåede: {', '.join(result.knockouts) or 'ingen'}")


@step("then", r"(?:er der|der er) ingen foreslåede knock-outs" + _OPTIONAL_FOR,
      "Så er der ingen foreslåede knock-outs")
def no_knockout(screening_context: Context, candidate: str | None) -> None:
    result = screening_context.result(candidate)
    if result.knockouts:
        raise AssertionError(f"'{result.id}' har foreslåede knock-outs: "
                             + ", ".join(result.knockouts))


@step("then", r"(?:er )?(?P<what>scoren|dækningen) (?:er )?(?P<bound>mindst|højst) "
      r"(?P<value>\d+)(?: %)?" + _OPTIONAL_FOR, "Så er dækningen højst 50 %")
def bounds(screening_context: Context, what: str, bound: str, value: str,
           candidate: str | None) -> None:
    result = screening_context.result(candidate)
    actual = result.score if what == "scoren" else result.coverage
    ok = actual >= float(value) if bound == "mindst" else actual <= float(value)
    if not ok:
        raise AssertionError(f"{what.capitalize()} er {actual} for '{result.id}', forventet "
                             f"{bound} {value}")


@step("then", r'(?:er kilderne|kilderne er) (?P<negated>ikke )?uenige om '
      r'"(?P<criterion>[^"]+)"' + _OPTIONAL_FOR,
      'Så er kilderne uenige om "gennemslagskraft-og-inddragelse"')
def disagreement(screening_context: Context, negated: str | None, criterion: str,
                 candidate: str | None) -> None:
    result, outcome = _outcome(screening_context, criterion, candidate)
    if outcome.disagreement == bool(negated):
        scores = "; ".join(f"{e.source} {e.value}" for e in outcome.evidence)
        raise AssertionError(f"Kilderne er {'' if outcome.disagreement else 'ikke '}uenige "
                             f"om '{outcome.criterion.id}' for '{result.id}' ({scores})")


@step("then", r'nævner forklaringen "(?P<text>[^"]+)"' + _OPTIONAL_FOR,
      'Så nævner forklaringen "politisk styret"')
def explanation_mentions(screening_context: Context, text: str, candidate: str | None) -> None:
    from ..explain import explain

    result = screening_context.result(candidate)
    explained = explain(screening_context.screening, result.id)
    if text.casefold() not in explained.casefold():
        raise AssertionError(f"Forklaringen for '{result.id}' nævner ikke '{text}':\n"
                             + explained)


@step("then", r'(?:er )?anbefalingen (?:er )?"(?P<label>[^"]+)"' + _OPTIONAL_FOR,
      'Så er anbefalingen "Anbefales til næste runde"')
def recommendation(screening_context: Context, label: str, candidate: str | None) -> None:
    result = screening_context.result(candidate)
    if label.casefold() not in (result.recommendation.casefold(),
                                result.recommendation_label.casefold()):
        raise AssertionError(f"Anbefalingen for '{result.id}' er "
                             f"'{result.recommendation_label}', forventet '{label}'")


@step("then", r'scorer "(?P<better>[^"]+)" højere end "(?P<worse>[^"]+)"',
      'Så scorer "k1" højere end "k2"')
def scores_higher(screening_context: Context, better: str, worse: str) -> None:
    a, b = screening_context.result(better), screening_context.result(worse)
    if a.score <= b.score:
        raise AssertionError(f"'{better}' har scoren {a.score}, '{worse}' har {b.score}")


@step("then", r'(?:er )?rækkefølgen (?:er )?"(?P<order>[^"]+)"', 'Så er rækkefølgen "k1, k3, k2"')
def ranking(screening_context: Context, order: str) -> None:
    wanted = [x.strip() for x in order.split(",")]
    actual = [r.id for r in screening_context.screening.results]
    if actual != wanted:
        ranks = ", ".join(f"{r.rank}. {r.id}" for r in screening_context.screening.results)
        raise AssertionError(f"Rækkefølgen er {ranks}; forventet {', '.join(wanted)}")


@step("then", r'går "(?P<chosen>[^"]+)" videre, når der tages (?P<take>\d+)',
      'Så går "k1, k3" videre, når der tages 2')
def shortlist_of(screening_context: Context, chosen: str, take: str) -> None:
    from ..shortlist import shortlist

    wanted = sorted(x.strip() for x in chosen.split(","))
    picked = shortlist(screening_context.screening, int(take))
    actual = sorted(r.id for r in picked.taken)
    if actual != wanted:
        tied = ", ".join(r.id for r in picked.tied)
        raise AssertionError(f"Videre går {', '.join(actual) or 'ingen'}; forventet "
                             f"{', '.join(wanted)}" + (f" (uafgjort: {tied})" if tied else ""))
