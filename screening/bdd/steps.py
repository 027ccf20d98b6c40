"""The Danish step library: describe candidates, screen them, and check the explained result.

Each step is marked (grammar.step) with its phrasings and an example line each; the
catalogue collected from this module and `prose` (`library.step_library`) is what
`screening steps` prints and what `screening test --check` reads feature lines with.
pytest-bdd sees one catch-all step per kind that reads the line the same way (`perform`),
with the catalogue the session built once (the `step_library` fixture). A step that talks
about "kandidaten" means the candidate described last; most checks take an optional
`for "id"` to name another one. The steps here take quoted arguments; `prose` holds the
steps in the consultant's own words.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, overload

import pytest
from pydantic import ValidationError
from pytest_bdd import given, parsers, then, when

from ..audit.decisions import Decision
from ..candidates import load_record
from ..documents import error_message, field_path
from ..i18n import decimal, t
from ..profiles import CATEGORIES, Criterion, Profile
from ..protected import refuse as refuse_protected
from ..records import SOURCES, CandidateRecord
from ..report import number_text
from ..vocabulary import BANDS, STATUSES, did_you_mean, label
from ..vocabulary import recommendation as recommendation_words
from ..wording import grounds, missing_text
from .arguments import find_criterion as _find_criterion
from .arguments import within_reach
from .grammar import NotRead, ReadContext, StepCatalogue, read, step
from .words import NUMBER, Unreadable, plain, read_number, slug

__all__ = ["FIGURE", "Context", "figure", "find_criterion", "perform"]

POSITION_FIELDS = {"titel": "title", "organisation": "organisation", "sektor": "sector",
                   "politisk styret": "politically_governed", "start": "start", "slut": "end",
                   "ledelsesniveau": "leadership_level", "ledere": "leaders_led",
                   "medarbejdere": "staff_led", "budget": "budget_mio_dkk",
                   "fagområder": "domains"}
_OPTIONAL_FOR = r'(?: for "(?P<candidate>[^"]+)")?'
FIGURE = r"\d+(?:[,.]\d+)?"  # a score or coverage as the tables print it: 73,7 (or 73.7)
_CANDIDATE = r"(?:kandidaten|ansøgeren)"


@dataclass
class Context:
    """What a scenario has said so far, and the steps it is read with."""

    steps: StepCatalogue
    rules_dir: Path
    profile: Profile | None = None
    stage: str = SOURCES[-1]
    feature_dir: Path | None = None  # the folder of the feature file that runs
    language: str | None = None  # of the feature file that runs (da | en)
    candidates: dict[str, dict] = field(default_factory=dict)  # id -> record data
    current: str | None = None
    screening: Any = None  # screening.results.Screening, once screened
    steps_done: int = 0  # the steps of the scenario that have run without failing
    # a person's latest decision on a candidate, and the screening it was made on
    decisions: dict[str, tuple[Decision, Any]] = field(default_factory=dict)

    def chosen_profile(self) -> Profile:
        if self.profile is None:
            raise AssertionError(t('Vælg først en profil: Givet profilen "id"'))
        return self.profile

    def candidate(self) -> dict:
        if self.current is None:
            raise AssertionError(t('Der er ingen kandidat endnu: skriv først Givet kandidaten '
                                   '"id"'))
        return self.candidates[self.current]

    def screened(self) -> Any:
        """The screening (screening.results.Screening), or an error that says to screen the
        candidates first: a step that needs one must not fail in Python's words."""
        if self.screening is None:
            raise AssertionError(t("Kandidaterne er ikke screenet endnu: skriv Når kandidaten "
                                   "screenes"))
        return self.screening

    def result(self, candidate: str | None):
        results = self.screened().results
        # an id, or a name as the prose steps take it ('for "Mette"')
        wanted = self.named(candidate) if candidate else self.current
        for r in results:
            if r.id == wanted:
                return r
        raise AssertionError(t("Ingen kandidat med id '{wanted}' blev screenet; kendte: {known}",
                               wanted=wanted, known=", ".join(r.id for r in results)))

    @overload
    def named(self, name: str) -> str: ...
    @overload
    def named(self, name: None) -> None: ...
    def named(self, name: str | None) -> str | None:
        """The id of the candidate a step names: its id, its name, or the id its name gives
        ('Mette Kjær' and 'Mette' are k01-mette-kjaer); None means the candidate described
        last."""
        if name is None or name in self.candidates:
            return name
        wanted = plain(slug(name))
        for candidate_id, data in self.candidates.items():
            person = (data.get("personal") or {}).get("name", "")
            if name.casefold() == person.casefold() or plain(candidate_id) == wanted:
                return candidate_id
        # 'Mette' or 'Kjær' alone, when only one candidate's id has that name in it
        part = [c for c in self.candidates
                if plain(c).endswith(f"-{wanted}") or wanted in plain(c).split("-")]
        if len(part) == 1:
            return part[0]
        raise AssertionError(t("Ingen kandidat hedder '{name}'; kendte: {known}", name=name,
                               known=", ".join(self.candidates)))

    def shown_decisions(self) -> dict[str, Decision]:
        """Each decided candidate's latest decision as papers show it beside her: standing
        on the evidence screened now, or marked as made on other evidence (another stage)."""
        now = (self.screening.stage, self.screening.as_of)
        return {candidate_id: made if (on.stage, on.as_of) == now
                else made.made_in(on.stage, on.as_of.isoformat(),
                                  "stage" if on.stage != now[0] else "date")
                for candidate_id, (made, on) in self.decisions.items()}

    def rescreen(self, stage: str) -> None:
        """Screen the candidates again as they stand at another stage of the process."""
        self.stage = stage
        run_screening(self, None)

    def read_context(self) -> ReadContext:
        return ReadContext(self.steps, self.rules_dir, self.profile, self.feature_dir,
                           self.language)


@pytest.fixture(scope="session")
def step_library() -> StepCatalogue:
    """The step catalogue, collected once for the session's scenarios."""
    from .library import step_library as collected

    return collected()


@pytest.fixture
def screening_context(request, step_library: StepCatalogue) -> Context:
    rules = os.environ.get("SCREENING_RULES") or str(request.config.rootpath / "rules")
    scenario = getattr(request.function, "__scenario__", None)  # pytest-bdd's, of this test
    return Context(step_library, Path(rules), feature_dir=Path(request.node.path).parent,
                   language=scenario.feature.language if scenario else None)


# --- profile and stage -------------------------------------------------------------------


@step("given", r'profilen "(?P<profile>[^"]+)"', 'Givet profilen "helsingor-direktor-2024"',
      also=((r"stillingen (?:som|for) (?P<profile>[^\"].*)",
             "Givet stillingen som Direktør, Helsingør"),
            (r"profilen (?:for|til) (?P<profile>[^\"].*)",
             "Givet profilen for lederen af Sekretariat for Politik, Jura, Kommunikation & "
             "Udvikling")),
      english=((r'the profile "(?P<profile>[^"]+)"', 'Given the profile "ishoj-direktoer"'),
               (r"the (?:post|position|profile) (?:of|for) (?P<profile>[^\"].*)",
                "Given the post of Direktør, Ishøj Kommune")))
def choose_profile(screening_context: Context, profile: Profile) -> None:
    """The profile candidates are screened against: its id, title or 'title, place'."""
    refuse_protected(profile)  # RuleFileError: `screening test` exits 2
    screening_context.profile = profile


@step("given", r'stadiet "(?P<stage>[^"]+)"', 'Og stadiet "samtale1"',
      also=((r"(?:vi er|processen er) (?:nået )?(?P<stage>(?:på|til|efter|ved) .+)",
             "Og vi er nået til anden samtale"),),
      english=((r"we are (?P<stage>(?:at|after|for) .+)", "And we are after the references"),))
def choose_stage(screening_context: Context, stage: str) -> None:
    """The stage of the process: which sources of evidence are in."""
    screening_context.stage = stage


# --- candidates ---------------------------------------------------------------------------


@step("given", _CANDIDATE + r' "(?P<candidate_id>[^"]+)"', 'Givet kandidaten "k1"',
      english=((r'the (?:candidate|applicant) "(?P<candidate_id>[^"]+)"',
                'Given the candidate "k1"'),))
def new_candidate(screening_context: Context, candidate_id: str) -> None:
    """A new candidate with this id, described by the steps that follow."""
    screening_context.candidates[candidate_id] = {"id": candidate_id}
    screening_context.current = candidate_id


@step("given", _CANDIDATE + r' fra filen "(?P<path>[^"]+)"',
      'Givet kandidaten fra filen "examples/candidates/helsingor-direktor-2024/'
      'k02-anders-lykke.yaml"',
      english=((r'the candidate from the file "(?P<path>[^"]+)"',
                'Given the candidate from the file "examples/candidates/ishoj-direktoer/'
                'i01-susanne-moeller.yaml"'),))
def candidate_from_file(request, screening_context: Context, path: str) -> None:
    """A candidate read from a record file (relative to the project folder), which lies under
    it or beside the feature file, as a rule file the feature names does (within_reach)."""
    file = Path(path) if Path(path).is_absolute() else request.config.rootpath / path
    reach = [request.config.rootpath, *filter(None, [screening_context.feature_dir])]
    if not within_reach(file, reach):
        raise AssertionError(t("Kandidaten kan ikke indlæses:") + "\n" + t(
            "en kandidatpost, et scenarie nævner, skal ligge under mappen, kørslen starter i, "
            "eller ved siden af feature-filen"))
    add_record_file(screening_context, file)


def add_record_file(screening_context: Context, file: Path) -> None:
    loaded, problems = load_record(file)
    if loaded is None:
        raise AssertionError(t("Kandidaten kan ikke indlæses:") + "\n"
                             + "\n".join(map(str, problems)))
    data = loaded.record.model_dump(mode="json", exclude_none=True)
    screening_context.candidates[data["id"]] = data
    screening_context.current = data["id"]


@step("given", _CANDIDATE + r' har været (?P<level>direktion|chef|mellemleder|førstelinjeleder|'
      r'ingen) i "(?P<organisation>[^"]+)" \((?P<sector>[^)]+)\) i (?P<years>'
      + NUMBER + r') år(?: og ledet (?P<leaders>' + NUMBER + r') ledere)?',
      'Og kandidaten har været chef i "Gentofte Kommune" (kommune) i 6 år og ledet 8 ledere',
      english=((r'the (?:candidate|applicant) has been (?P<level>direktion|chef|mellemleder|'
                r'førstelinjeleder|ingen) at "(?P<organisation>[^"]+)" \((?P<sector>[^)]+)\) for '
                r'(?P<years>' + NUMBER + r') years(?: and led (?P<leaders>' + NUMBER
                + r') managers)?', 'And the candidate has been chef at "Gentofte Kommune" '
                '(kommune) for 6 years and led 8 managers'),))
def short_position(screening_context: Context, level: str, organisation: str, sector: str,
                   years: int, leaders: int | None) -> None:
    """A position by level, organisation, sector and years, and the leaders led."""
    end_year = screening_context.profile.meta.date.year if screening_context.profile else 2024
    position: dict[str, str | int] = {
        "title": level.capitalize(), "organisation": organisation, "sector": sector,
        "leadership_level": level, "start": f"{end_year - int(years)}-01-01",
        "end": f"{end_year}-01-01"}
    if leaders is not None:
        position["leaders_led"] = int(leaders)
    screening_context.candidate().setdefault("positions", []).append(position)


@step("given", _CANDIDATE + r" har en stilling:",
      "Og kandidaten har en stilling:\n  | titel | Skolechef |\n  | sektor | kommune |",
      english=((r"the (?:candidate|applicant) has a position:",
                "And the applicant has a position:\n  | titel | Skolechef |\n"
                "  | sektor | kommune |"),),
      table_keys=tuple(POSITION_FIELDS))
def table_position(screening_context: Context, datatable: list[list[str]]) -> None:
    """A position as a table of field and value (the keys below)."""
    position: dict[str, Any] = {}
    for row in datatable:
        if len(row) != 2:
            raise AssertionError(t("En stilling beskrives med rækker af felt og værdi: {row}",
                                   row=row))
        name, value = row[0].strip().lower(), row[1].strip()
        if name not in POSITION_FIELDS:
            raise AssertionError(t("Ukendt felt '{name}' i stillingen; brug {known}", name=name,
                                   known=", ".join(POSITION_FIELDS)))
        try:
            position[POSITION_FIELDS[name]] = _typed(POSITION_FIELDS[name], value)
        except ValueError:  # not said in Python's words ('invalid literal for int()')
            raise AssertionError(t("Feltet '{name}' kan ikke være '{value}'; skriv {expected}",
                                   name=name, value=value,
                                   expected=t(TABLE_VALUES[POSITION_FIELDS[name]]))) from None
    screening_context.candidate().setdefault("positions", []).append(position)


# what a table cell that is not text must hold (the others are read as written)
TABLE_VALUES = {"leaders_led": "et tal med cifre eller ord", "staff_led":
                "et tal med cifre eller ord", "budget_mio_dkk": "et tal (mio. kr.), fx 12,5",
                "politically_governed": "ja eller nej"}
YES_NO = {"ja": True, "nej": False, "yes": True, "no": False, "true": True, "false": False}


def _typed(field_name: str, value: str) -> Any:
    if field_name in ("leaders_led", "staff_led"):
        return read_number(value)  # 'to ledere' as the prose steps read it
    if field_name == "budget_mio_dkk":
        return float(value.replace(",", "."))
    if field_name == "politically_governed":
        if value.casefold() not in YES_NO:  # 'måske' was read as nej
            raise ValueError(value)
        return YES_NO[value.casefold()]
    if field_name == "domains":
        return [d.strip() for d in value.split(",") if d.strip()]
    return value


@step("given", _CANDIDATE + r' har (?P<leadership>ledelses)?uddannelsen "(?P<degree>[^"]+)" '
      r'på niveau "(?P<level>[^"]+)"(?: inden for "(?P<area>[^"]+)")?',
      'Og kandidaten har ledelsesuddannelsen "MPA" på niveau "master"',
      english=((r'the (?:candidate|applicant) has the (?P<leadership>leadership )?education '
                r'"(?P<degree>[^"]+)" at level "(?P<level>[^"]+)"(?: in "(?P<area>[^"]+)")?',
                'And the candidate has the leadership education "MPA" at level "master"'),))
def education(screening_context: Context, leadership: str | None, degree: str, level: str,
              area: str | None) -> None:
    """An education by its record values: degree, level and area."""
    item = {"degree": degree, "level": level, "leadership": leadership is not None}
    if area:
        item["area"] = area
    screening_context.candidate().setdefault("education", []).append(item)


@step("given", _CANDIDATE + r' har erfaring med "(?P<kind>[^"]+)"(?: som "(?P<role>[^"]+)")?',
      'Og kandidaten har erfaring med "mediehåndtering" som "rådgiver"',
      english=((r'the (?:candidate|applicant) has experience with "(?P<kind>[^"]+)"'
                r'(?: as "(?P<role>[^"]+)")?',
                'And the candidate has experience with "mediehåndtering" as "rådgiver"'),))
def experience(screening_context: Context, kind: str, role: str | None) -> None:
    """An experience by its record values: kind and role."""
    item = {"kind": kind} | ({"role": role} if role else {})
    screening_context.candidate().setdefault("experience", []).append(item)


@step("given", _CANDIDATE + r" har ingen (?P<what>stillinger|uddannelser|erfaringer|"
      r"uddannelse|erfaring)", "Og kandidaten har ingen erfaringer",
      english=((r"the (?:candidate|applicant) has no (?P<what>positions|education|experience)",
                "And the applicant has no education"),))
def nothing_of(screening_context: Context, what: str) -> None:
    """Known to have none of these (not the same as not knowing)."""
    key = {"stillinger": "positions", "uddannelser": "education", "erfaringer": "experience",
           "uddannelse": "education", "erfaring": "experience", "positions": "positions",
           "education": "education", "experience": "experience"}
    screening_context.candidate()[key[what]] = []


@step("given", _CANDIDATE + r' er vurderet til (?P<score>' + NUMBER
      + r') på "(?P<competency>[^"]+)" i "(?P<source>[^"]+)"',
      'Og kandidaten er vurderet til 4 på "relationelle_kompetencer" i "samtale1"',
      english=((r'the (?:candidate|applicant) is rated (?P<score>' + NUMBER
                + r') on "(?P<competency>[^"]+)" in "(?P<source>[^"]+)"',
                'And the candidate is rated 4 on "relationelle_kompetencer" in "samtale1"'),))
def assessment(screening_context: Context, score: int, competency: str, source: str) -> None:
    """An assessment by competency id and source id."""
    profile = screening_context.profile
    if profile is not None and competency not in profile.competencies:
        raise AssertionError(t("Profilen har ingen kompetence '{competency}'",
                               competency=competency)
                             + str(did_you_mean(competency, profile.competencies, most=3)))
    add_assessment(screening_context, None, competency, source, score)


def add_assessment(screening_context: Context, who: str | None, competency: str, source: str,
                   score: int) -> None:
    if not 1 <= score <= 5:
        raise AssertionError(t("En vurdering går fra 1 til 5, ikke {score}", score=score))
    named = screening_context.named(who)
    # the candidate described last, or says that a candidate is needed first
    data = screening_context.candidates[named] if named else screening_context.candidate()
    data.setdefault("assessments", []).append(
        {"competency": competency, "source": source, "score": score})


# --- screening ----------------------------------------------------------------------------


@step("when", r'(?:kandidaten|kandidaterne) screenes(?: til stadiet "(?P<stage>[^"]+)")?',
      'Når kandidaterne screenes til stadiet "samtale1"',
      also=((r"(?:ansøgeren|ansøgerne|kandidaten|kandidaterne) (?:screenes|vurderes)"
             r"(?: (?P<stage>(?:på|til|efter|ved) .+))?", "Når ansøgeren screenes efter "
             "referencerne"),
            (r"vi screener (?:ansøgeren|ansøgerne|kandidaten|kandidaterne)"
             r"(?: (?P<stage>(?:på|til|efter|ved) .+))?",
             "Når vi screener ansøgerne på ansøgningstidspunktet")),
      english=((r"the (?:applicant|applicants|candidate|candidates) (?:is|are) screened"
                r"(?: (?P<stage>(?:at|after|for) .+))?",
                "When the applicants are screened after the references"),
               (r"we screen the (?:applicant|applicants|candidate|candidates)"
                r"(?: (?P<stage>(?:at|after|for) .+))?",
                "When we screen the applicants at the application stage")))
def run_screening(screening_context: Context, stage: str | None) -> None:
    """Screen every candidate described so far, at the stage named or the current one."""
    from ..screen import screen

    profile = screening_context.chosen_profile()
    if stage:
        choose_stage(screening_context, stage)
    records = []
    for data in screening_context.candidates.values():
        try:
            records.append(CandidateRecord.model_validate(data))
        except ValidationError as exc:  # in the words a record file's mistakes are told in
            problems = "; ".join(f"{field_path(e['loc'])}: {error_message(e)}"
                                 for e in exc.errors(include_url=False))
            raise AssertionError(t("Kandidaten '{id}' er ugyldig: {problem}", id=data["id"],
                                   problem=problems)) from None
    screening_context.screening = screen(profile, records, stage=screening_context.stage)


# --- checks -------------------------------------------------------------------------------


def find_criterion(profile: Profile, wanted: str) -> Criterion:
    """A criterion by id, by name, or by a phrase of its name or quote that only it fits."""
    try:
        return _find_criterion(profile, wanted)
    except Unreadable as exc:
        raise AssertionError(str(exc.text)) from None


def _outcome(context: Context, criterion: str, candidate: str | None):
    wanted = find_criterion(context.chosen_profile(), criterion)
    result = context.result(candidate)
    return result, next(o for o in result.outcomes if o.criterion.id == wanted.id)


@step("then", r'(?:er )?kriteriet "(?P<criterion>[^"]+)" (?:er )?"(?P<status>[^"]+)"'
      + _OPTIONAL_FOR,
      'Så er kriteriet "ledelse-af-ledere" "opfyldt"',
      english=((r'the criterion "(?P<criterion>[^"]+)" is "(?P<status>[^"]+)"' + _OPTIONAL_FOR,
                'Then the criterion "ledelse-af-ledere" is "met"'),))
def criterion_status(screening_context: Context, criterion: str, status: str,
                     candidate: str | None) -> None:
    """A criterion's status (opfyldt, delvist opfyldt, ikke opfyldt, ikke belyst)."""
    result, outcome = _outcome(screening_context, criterion, candidate)
    if outcome.status != status:
        said = "; ".join(grounds(outcome.evidence, screening_context.profile))
        missing = "; ".join(map(missing_text, outcome.missing))
        raise AssertionError(
            t("Kriteriet '{criterion}' er '{status}' for '{candidate}', forventet '{expected}'.",
              criterion=outcome.criterion.id, status=label(STATUSES, outcome.status),
              candidate=result.id, expected=label(STATUSES, status))
            + (t("\nGrundlag: {grounds}", grounds=said) if said else "")
            + (t("\nMangler: {missing}", missing=missing) if missing else ""))


@step("then", r'(?:er )?kategorien "(?P<category>[^"]+)" (?:er )?(?:scoret mindst (?P<least>'
      + FIGURE + r')|'
      r'(?P<unjudged>ikke belyst))' + _OPTIONAL_FOR,
      'Så er kategorien "personlige" scoret mindst 75',
      english=((r'the category "(?P<category>[^"]+)" is (?:scored at least (?P<least>' + FIGURE
                + r')|(?P<unjudged>not assessed))' + _OPTIONAL_FOR,
                'Then the category "personlige" is scored at least 75'),))
def category_score(screening_context: Context, category: str, least: str | None,
                   unjudged: str | None, candidate: str | None) -> None:
    if category not in CATEGORIES:
        raise AssertionError(t("Ukendt kategori '{category}'; brug {known}", category=category,
                               known=", ".join(CATEGORIES)))
    result = screening_context.result(candidate)
    score = result.categories.get(category)
    if unjudged and score is not None and score.coverage > 0:
        raise AssertionError(t("Kategorien '{category}' har dækningen {coverage} % for "
                               "'{candidate}', forventet ikke belyst", category=category,
                               coverage=number_text(score.coverage), candidate=result.id))
    score = score.score if score is not None else None  # the secured score
    if least and (score is None or score < figure(least)):
        raise AssertionError(t("Kategorien '{category}' har scoren {score} for '{candidate}', "
                               "forventet mindst {least}", category=category,
                               score=number_text(score),
                               candidate=result.id, least=least))


# the English words of `bounds` as the Danish ones it is written with
BOUND_WORDS = {"score": "scoren", "coverage": "dækningen", "dækning": "dækningen",
               "at least": "mindst", "at most": "højst", "above": "over", "more than": "over",
               "below": "under", "less than": "under"}
# a score or coverage bound as written: "over 70" is more than 70, as "mindst 70" is 70 or more
BOUND = r"(?P<bound>mindst|højst|over|under)"
BOUND_EN = r"(?P<bound>at least|at most|above|below|more than|less than)"
HOLDS_BOUND = {"mindst": float.__ge__, "højst": float.__le__, "over": float.__gt__,
               "under": float.__lt__}


def figure(text: str) -> float:
    return float(text.replace(",", "."))


@step("then", r'(?:er der|der er) foreslået knock-out på "(?P<criterion>[^"]+)"' + _OPTIONAL_FOR,
      'Så er der foreslået knock-out på "ledelse-af-ledere"',
      english=((r'there is a proposed knock-out on "(?P<criterion>[^"]+)"' + _OPTIONAL_FOR,
                'Then there is a proposed knock-out on "ledelse-af-ledere"'),))
def knockout(screening_context: Context, criterion: str, candidate: str | None) -> None:
    result, outcome = _outcome(screening_context, criterion, candidate)
    if outcome.criterion.id not in result.knockouts:
        raise AssertionError(t("Ingen foreslået knock-out på '{criterion}' for '{candidate}' "
                               "(status: {status}); foreslåede: {proposed}",
                               criterion=outcome.criterion.id, candidate=result.id,
                               status=label(STATUSES, outcome.status),
                               proposed=", ".join(result.knockouts) or t("ingen")))


@step("then", r"(?:er der|der er) ingen foreslåede knock-outs" + _OPTIONAL_FOR,
      "Så er der ingen foreslåede knock-outs",
      english=((r"there are no proposed knock-outs" + _OPTIONAL_FOR,
                "Then there are no proposed knock-outs"),))
def no_knockout(screening_context: Context, candidate: str | None) -> None:
    result = screening_context.result(candidate)
    if result.knockouts:
        raise AssertionError(t("'{candidate}' har foreslåede knock-outs: {proposed}",
                               candidate=result.id, proposed=", ".join(result.knockouts)))


@step("then", rf"(?:er )?(?P<what>scoren|dækningen) (?:er )?{BOUND} "
      rf"(?P<value>{FIGURE})(?: %)?" + _OPTIONAL_FOR, "Så er dækningen højst 50 %",
      english=((rf"the (?P<what>score|coverage) is {BOUND_EN} "
                rf"(?P<value>{FIGURE})(?: %)?" + _OPTIONAL_FOR,
                "Then the coverage is at most 50 %"),))
def bounds(screening_context: Context, what: str, bound: str, value: str,
           candidate: str | None) -> None:
    what, bound = BOUND_WORDS.get(what, what), BOUND_WORDS.get(bound, bound)
    result = screening_context.result(candidate)
    actual = result.score if what == "scoren" else result.coverage
    limit = figure(value)
    if not HOLDS_BOUND[bound](float(actual), limit):
        raise AssertionError(t("{what} er {actual} for '{candidate}', forventet {bound} {value}",
                               what=t(what.capitalize()), actual=decimal(str(actual)),
                               candidate=result.id, bound=t(bound), value=value))


@step("then", r'(?:er kilderne|kilderne er) (?P<negated>ikke )?uenige om '
      r'"(?P<criterion>[^"]+)"' + _OPTIONAL_FOR,
      'Så er kilderne uenige om "gennemslagskraft-og-inddragelse"',
      english=((r'the sources (?P<negated>do not )?disagree on "(?P<criterion>[^"]+)"'
                + _OPTIONAL_FOR,
                'Then the sources disagree on "gennemslagskraft-og-inddragelse"'),))
def disagreement(screening_context: Context, negated: str | None, criterion: str,
                 candidate: str | None) -> None:
    result, outcome = _outcome(screening_context, criterion, candidate)
    if outcome.disagreement == bool(negated):
        scores = "; ".join(f"{e.source} {e.value}" for e in outcome.evidence)
        raise AssertionError(t("Kilderne er uenige om '{criterion}' for '{candidate}' ({scores})"
                               if outcome.disagreement else
                               "Kilderne er ikke uenige om '{criterion}' for '{candidate}' "
                               "({scores})", criterion=outcome.criterion.id,
                               candidate=result.id, scores=scores))


@step("then", r'nævner forklaringen "(?P<text>[^"]+)"' + _OPTIONAL_FOR,
      'Så nævner forklaringen "politisk styret"',
      english=((r'the explanation mentions "(?P<text>[^"]+)"' + _OPTIONAL_FOR,
                'Then the explanation mentions "politisk styret"'),))
def explanation_mentions(screening_context: Context, text: str, candidate: str | None) -> None:
    from ..explain import explain

    result = screening_context.result(candidate)
    explained = explain(screening_context.screening, result.id,
                        decision=screening_context.shown_decisions().get(result.id))
    if text.casefold() not in explained.casefold():
        raise AssertionError(t("Forklaringen for '{candidate}' nævner ikke '{phrase}':",
                               candidate=result.id, phrase=text) + "\n" + explained)


@step("then", r'(?:er )?anbefalingen (?:er )?"(?P<label>[^"]+)"' + _OPTIONAL_FOR,
      'Så er anbefalingen "Anbefales til næste runde"',
      english=((r'the recommendation is "(?P<label>[^"]+)"' + _OPTIONAL_FOR,
                'Then the recommendation is "Anbefales til næste runde"'),))
def recommendation(screening_context: Context, label: str, candidate: str | None) -> None:
    """The recommendation by its band id or label; the tool's own labels in either language
    ("Afventer belysning", "Awaiting evidence"), a profile's band in the profile's words."""
    result = screening_context.result(candidate)
    tool_label = BANDS.get(result.recommendation)
    said = {result.recommendation, result.recommendation_label,
            *((tool_label.da, tool_label.en) if tool_label else ())}
    if label.casefold() not in {word.casefold() for word in said}:
        raise AssertionError(t("Anbefalingen for '{candidate}' er '{found}', forventet '{label}'",
                               candidate=result.id,
                               found=recommendation_words(result.recommendation_label),
                               label=label))


@step("then", r'scorer "(?P<better>[^"]+)" højere end "(?P<worse>[^"]+)"',
      'Så scorer "k1" højere end "k2"',
      english=((r'"(?P<better>[^"]+)" scores higher than "(?P<worse>[^"]+)"',
                'Then "k1" scores higher than "k2"'),))
def scores_higher(screening_context: Context, better: str, worse: str) -> None:
    a, b = screening_context.result(better), screening_context.result(worse)
    if a.score <= b.score:
        raise AssertionError(t("'{better}' har scoren {a}, '{worse}' har {b}", better=better,
                               a=number_text(a.score), worse=worse, b=number_text(b.score)))


@step("then", r'(?:er )?rækkefølgen (?:er )?"(?P<order>[^"]+)"', 'Så er rækkefølgen "k1, k3, k2"',
      english=((r'the order is "(?P<order>[^"]+)"', 'Then the order is "k1, k3, k2"'),))
def ranking(screening_context: Context, order: str) -> None:
    wanted = [x.strip() for x in order.split(",")]
    results = screening_context.screened().results
    actual = [r.id for r in results]
    if actual != wanted:
        ranks = ", ".join(f"{r.rank}. {r.id}" for r in results)
        raise AssertionError(t("Rækkefølgen er {ranks}; forventet {wanted}", ranks=ranks,
                               wanted=", ".join(wanted)))


@step("then", r'går "(?P<chosen>[^"]+)" videre, når der tages (?P<take>' + NUMBER + ')',
      'Så går "k1, k3" videre, når der tages 2',
      english=((r'"(?P<chosen>[^"]+)" go on when (?P<take>' + NUMBER + ') are taken',
                'Then "k1, k3" go on when 2 are taken'),))
def shortlist_of(screening_context: Context, chosen: str, take: str) -> None:
    from ..shortlist import shortlist

    wanted = sorted(x.strip() for x in chosen.split(","))
    picked = shortlist(screening_context.screened(), int(take),
                       screening_context.shown_decisions())
    actual = sorted(r.id for r in picked.taken)
    if actual != wanted:
        tied = ", ".join(r.id for r in picked.tied)
        raise AssertionError(t("Videre går {actual}; forventet {wanted}",
                               actual=", ".join(actual) or t("ingen"), wanted=", ".join(wanted))
                             + (t(" (uafgjort: {tied})", tied=tied) if tied else ""))


# --- pytest-bdd: every line is read by the catalogue --------------------------------------


def pytest_bdd_after_scenario(request, feature, scenario) -> None:
    """A scenario without a 'Så' checks nothing and would pass whatever the profile says
    (its outcomes left in a comment, or never written): once its steps have all run (a
    step that failed says more), it fails, in either runner."""
    done = request.getfixturevalue("screening_context").steps_done
    if done == len(scenario.steps) and not any(step.type == "then" for step in scenario.steps):
        pytest.fail(t("Scenariet har intet Så-trin og kan derfor ikke fejle: skriv, hvad "
                      "der forventes"), pytrace=False)


def perform(kind: str, line: str, screening_context: Context, request: Any = None,
            datatable: list[list[str]] | None = None) -> None:
    """Read a step line the way `--check` does and run the step it means."""
    try:
        reading = read(kind, line, screening_context.read_context())
    except NotRead as exc:
        raise AssertionError(str(exc.text)) from None
    reading.run(screening_context=screening_context, request=request, datatable=datatable)
    screening_context.steps_done += 1


@given(parsers.re(r"(?P<line>.+)"))
def _given(request, screening_context: Context, line: str, datatable=None) -> None:
    perform("given", line, screening_context, request, datatable)


@when(parsers.re(r"(?P<line>.+)"))
def _when(request, screening_context: Context, line: str, datatable=None) -> None:
    perform("when", line, screening_context, request, datatable)


@then(parsers.re(r"(?P<line>.+)"))
def _then(request, screening_context: Context, line: str, datatable=None) -> None:
    perform("then", line, screening_context, request, datatable)
