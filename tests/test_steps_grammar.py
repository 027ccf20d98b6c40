"""The step grammar: every catalogue phrasing reads to its own step, the vocabulary reads
the consultant's words into record values, and profiles, criteria and competencies are
found by a phrase of their names (for every shipped profile)."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

from screening.bdd import arguments, grammar, prose, steps
from screening.bdd.arguments import criterion_ref, resolve_profile
from screening.bdd.grammar import NotRead, ReadContext, read, split_keyword
from screening.bdd.library import step_library
from screening.bdd.steps import Context
from screening.bdd.words import Unreadable, read_degree, read_number, read_place, read_stage
from screening.rulefiles import list_profiles

from .conftest import ROOT

RULES = ROOT / "rules"
LIBRARY = step_library()
PHRASINGS = [(doc, phrasing) for doc in LIBRARY.steps for phrasing in doc.phrasings]
PROFILES = [p for _, p in list_profiles(RULES) if not isinstance(p, Exception)]


@pytest.mark.parametrize(("doc", "phrasing"), PHRASINGS,
                         ids=[f"{d.name}:{p.text[:40]}" for d, p in PHRASINGS])
def test_every_catalogue_phrasing_reads_as_its_own_step(doc, phrasing):
    kind, text = split_keyword(phrasing.example.splitlines()[0])
    assert kind in (doc.kind, None)
    reading = read(doc.kind, text, ReadContext(LIBRARY, RULES))
    assert (reading.doc, reading.phrasing) == (doc, phrasing)


@pytest.mark.parametrize(("doc", "phrasing"), PHRASINGS,
                         ids=[f"{d.name}:{p.text[:40]}" for d, p in PHRASINGS])
def test_the_shipped_files_an_example_names_exist(doc, phrasing):
    """The Danish example of a candidate from a file named `.../k02.yaml`, which does not
    ship: copied from `screening steps` into a scenario, the scenario failed."""
    named = re.findall(r'"(examples/[^"]+)"', phrasing.example)
    assert [path for path in named if not (ROOT / path).exists()] == []


def test_the_catalogue_has_danish_and_english_phrasings_for_every_kind():
    for kind in ("given", "when", "then"):
        languages = {p.language for d in LIBRARY.of_kind(kind) for p in d.phrasings}
        assert languages == {"da", "en"}


@pytest.mark.parametrize("doc", LIBRARY.steps, ids=lambda d: d.name)
def test_every_step_has_a_danish_and_an_english_phrasing(doc):
    """A consultant writing in English could not say 'the score is at least 60', 'the
    recommendation is "…"' or who goes on when some are taken: the quoted steps were
    Danish only."""
    assert {p.language for p in doc.phrasings} == {"da", "en"}


@pytest.mark.parametrize(("words", "number"), [
    ("7", 7), ("en", 1), ("et", 1), ("to", 2), ("seks", 6), ("syv", 7), ("tolv", 12),
    ("atten", 18), ("tyve", 20), ("fireogtyve", 24), ("six", 6), ("twenty-one", 21)])
def test_numbers_are_read_in_digits_and_words(words, number):
    assert read_number(words) == number


def test_a_word_that_is_no_number_says_so():
    with pytest.raises(Unreadable, match="'mange' is not a number"):
        read_number("mange")


@pytest.mark.parametrize(("words", "place"), [
    ("første", 1), ("anden", 2), ("2.", 2), ("tiende", 10), ("second", 2), ("3rd", 3),
    ("21st", 21)])
def test_places_in_the_ranking_are_read_in_words_and_digits(words, place):
    assert read_place(words) == place


@pytest.mark.parametrize(("line", "names", "place"), [
    ("deler Susanne og Bo pladsen", ["Susanne", "Bo"], None),
    ("Susanne, Anne og Bo deler andenpladsen", ["Susanne", "Anne", "Bo"], 2),
    ("Susanne og Anne deler 2. pladsen", ["Susanne", "Anne"], 2),
    ("står Susanne og Bo lige", ["Susanne", "Bo"], None),
    ("Susanne and Bo share the third place", ["Susanne", "Bo"], 3),
    ("Susanne and Bo are tied", ["Susanne", "Bo"], None),
    ("Susanne deler andenpladsen med Anne", ["Susanne", "Anne"], 2),
    ("deler Susanne pladsen med Bo", ["Susanne", "Bo"], None),
    ("Susanne shares second place with Anne", ["Susanne", "Anne"], 2),
    ("Susanne is tied with Bo", ["Susanne", "Bo"], None)])
def test_candidates_sharing_a_rank_are_read_with_the_place_if_named(line, names, place):
    """When sources are still to come, two candidates often tie, and no step could say so;
    nor 'Susanne deler andenpladsen med Anne'."""
    reading = read("then", line, ReadContext(LIBRARY, RULES))
    assert reading.doc.name == "share_rank"
    arguments = reading.arguments
    said = arguments.get("names") or [arguments["one"], arguments["another"]]
    assert (said, arguments.get("place")) == (names, place)


@pytest.mark.parametrize(("line", "step_name", "arguments"), [
    ("Bo er nummer fire", "placed_at", {"who": "Bo", "rank": 4}),
    ("ligger Susanne på andenpladsen", "placed_at", {"who": "Susanne", "place": 2}),
    ("Bo is in the 4th place", "placed_at", {"who": "Bo", "place": 4}),
    ("Mette er den bedste", "the_best", {"who": "Mette"}),
    ("Susanne is the best", "the_best", {"who": "Susanne"}),
    ("Bo ligger efter Ida", "ranks_before", {"who": "Ida", "other": "Bo"}),
    ("Bo ranks below Susanne", "ranks_before", {"who": "Susanne", "other": "Bo"})])
def test_a_place_in_the_ranking_is_read_as_a_consultant_says_it(line, step_name, arguments):
    """'Bo er nummer fire', 'Mette er den bedste', 'Bo ligger efter Ida' were no steps."""
    reading = read("then", line, ReadContext(LIBRARY, RULES))
    assert reading.doc.name == step_name
    assert {k: v for k, v in reading.arguments.items() if v is not None} == arguments


@pytest.mark.parametrize(("kind", "line", "step_name"), [
    ("then", "the applicant does not go on", "goes_on"),
    ("then", "Susanne is ranked first", "placed_at"),
    ("then", "Bo comes 4th", "placed_at"),
    ("when", "we screen the applicants after the references", "run_screening")])
def test_english_reads_what_the_danish_steps_read(kind, line, step_name):
    """'the applicant does not go on' (Danish: 'går ikke videre'), 'Susanne is ranked
    first' and 'we screen the applicants …' (Danish: 'vi screener ansøgerne …') were no
    steps in English."""
    assert read(kind, line, ReadContext(LIBRARY, RULES)).doc.name == step_name


@pytest.mark.parametrize("outcome", [
    "afventer Mette belysning", "scorer Mette mindst 70", "deler Susanne og Bo pladsen",
    "kan ønsket om mediehåndtering ikke give flere point",
    "viser forklaringen for Sofie den tidligere beslutning"])
def test_an_outcome_in_danish_word_order_may_name_its_own_stage(outcome):
    """'Men efter referencerne afventer Mette belysning' was no step: the outcome of 'efter
    referencerne, …' had to begin with one of a list of verbs, and the newer steps' were
    not in it."""
    reading = read("then", f"efter referencerne {outcome}", ReadContext(LIBRARY, RULES))
    assert (reading.doc.name, reading.arguments["stage"]) == ("at_stage", "reference")


@pytest.mark.parametrize(("line", "who", "reach", "negated"), [
    ("kan Susanne endnu få op til 2,0 point på økonomisk ansvarlighed", "Susanne", "2,0", None),
    ("Bo kan ikke få flere point på enhedsdirektion", "Bo", None, "ikke"),
    ("ønsket om enhedsdirektion kan stadig give flere point", None, None, None),
    ("Susanne can still get up to 2.0 points on enhedsdirektion", "Susanne", "2.0", None)])
def test_what_a_candidate_may_still_get_is_said_of_her_too(line, who, reach, negated):
    """'Så kan Susanne endnu få op til 2,0 point på økonomisk ansvarlighed' and '… kan
    stadig give …' were no steps: only the criterion could be the subject, with 'endnu'."""
    reading = read("then", line, ReadContext(LIBRARY, RULES))
    assert reading.doc.name == "may_still_give"
    assert (reading.arguments.get("who"), reading.arguments.get("reach"),
            reading.arguments.get("negated")) == (who, reach, negated)


def test_a_place_that_is_no_place_says_what_to_write():
    with pytest.raises(NotRead, match=r"'sidste' is not a place in the ranking"):
        read("then", "Susanne og Bo deler sidstepladsen", ReadContext(LIBRARY, RULES))


@pytest.mark.parametrize(("words", "stage"), [
    ("på ansøgningstidspunktet", "ansøgning"), ("til første samtale", "samtale1"),
    ("efter testen", "test"), ("efter dialogtesten", "test"),
    ("efter referencerne", "reference"), ("til anden samtale", "samtale2"),
    ("samtale2", "samtale2"), ("at the application stage", "ansøgning"),
    ("after the references", "reference"), ("for the second interview", "samtale2"),
    ("at the 2nd interview", "samtale2"), ("after the 1st interview", "samtale1")])
def test_stages_are_named_by_the_process(words, stage):
    assert read_stage(words) == stage


def test_an_unknown_stage_lists_what_it_could_be():
    with pytest.raises(Unreadable, match=r"not a stage of the process.*samtale1"):
        read_stage("efter frokost")


def test_the_stages_a_message_suggests_are_in_its_language_and_each_reads():
    """In English the message suggested the Danish 'efter referencerne'."""
    with pytest.raises(Unreadable) as raised:
        read_stage("after lunch")
    english, danish = (raised.value.text.render(lang) for lang in ("en", "da"))
    suggested = {lang: re.findall(r"'([^']+)'", text)[1:3]
                 for lang, text in (("en", english), ("da", danish))}
    assert suggested == {"en": ["after the references", "at the second interview"],
                         "da": ["efter referencerne", "til anden samtale"]}
    for phrase in suggested["en"] + suggested["da"]:
        read_stage(phrase)


@pytest.mark.parametrize(("words", "level", "area", "leadership"), [
    ("cand.scient.pol.", "kandidat", "samfundsvidenskab", False),
    ("cand.jur.", "kandidat", "jura", False),
    ("cand.mag. i historie", "kandidat", "humaniora", False),
    ("master i offentlig ledelse", "master", "ledelse", True),
    ("diplomuddannelse i ledelse", "diplom", "ledelse", True),
    ("MBA", "mba", "ledelse", True),
    ("professionsbachelor som lærer", "professionsbachelor", "pædagogik", False)])
def test_degrees_are_read_from_their_usual_names(words, level, area, leadership):
    degree = read_degree(words)
    assert (degree.level, degree.area, degree.leadership) == (level, area, leadership)


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.meta.id)
def test_every_profile_is_found_by_id_title_and_place(profile):
    place = profile.meta.organisation.removesuffix(" Kommune")
    for words in (profile.meta.id, f"{profile.meta.title}, {profile.meta.organisation}",
                  f"{profile.meta.title}, {place}"):
        assert resolve_profile(words, RULES).meta.id == profile.meta.id, words


def test_words_two_profiles_share_name_both_and_an_id_still_names_one(tmp_path):
    """A draft of the Helsingør text written beside the shipped profile took its title and
    organisation: "Givet stillingen som Direktør, Helsingør" then ran the shipped
    profile's scenarios against the draft without a word."""
    shipped = next(p for p in PROFILES if p.meta.id == "helsingor-direktor-2024")
    text = (RULES / "helsingor-direktor-2024.yaml").read_text(encoding="utf-8")
    (tmp_path / "helsingor-direktor-2024.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "udkast.yaml").write_text(text.replace(
        "id: helsingor-direktor-2024", "id: udkast", 1), encoding="utf-8")
    for words in (f"{shipped.meta.title}, {shipped.meta.organisation}", shipped.meta.title):
        with pytest.raises(Unreadable) as raised:
            resolve_profile(words, tmp_path)
        said = str(raised.value).split("; known:")[0]  # the profiles it fits, by id
        assert said.endswith(": helsingor-direktor-2024, udkast"), said
    assert resolve_profile("udkast", tmp_path).meta.id == "udkast"
    assert resolve_profile("helsingor-direktor-2024", tmp_path).meta.id == \
        "helsingor-direktor-2024"


def test_an_unknown_profile_suggests_the_known_ones():
    with pytest.raises(Unreadable) as raised:
        resolve_profile("Direktør, Helsingborg", RULES)
    assert "known:" in str(raised.value) and "helsingor-direktor-2024" in str(raised.value)


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.meta.id)
def test_every_criterion_is_found_by_its_id_and_its_name(profile):
    context = ReadContext(LIBRARY, RULES, profile)
    for criterion in profile.criteria:
        for words in (criterion.id, criterion.name, f"kriteriet om {criterion.name}"):
            assert criterion_ref(words, context).criterion.id == criterion.id, words


def test_a_criterion_is_found_by_a_phrase_with_inflections(helsingor):
    context = ReadContext(LIBRARY, RULES, helsingor)
    ref = criterion_ref("kravet om bred indsigt i kommunernes opgaver", context)
    assert (ref.priority, ref.criterion.id) == ("krav", "bred-kommunal-indsigt")
    assert criterion_ref("ønsket om mediehåndteringen", context).criterion.id == \
        "mediehaandtering"
    with pytest.raises(Unreadable, match="fits more than one criterion"):
        criterion_ref("kravet om ledelse", context)


def test_a_criterion_named_for_a_candidate_is_hers_unless_the_whole_phrase_is_a_criterion(
        helsingor):
    """'kilderne er uenige om politisk tæft for Rasmus' read 'politisk tæft for Rasmus' as
    the criterion (no such criterion), so no step could check another candidate than the
    one described last; a criterion whose name goes on 'for Albertslund Kommune' stays
    whole."""
    context = ReadContext(LIBRARY, RULES, helsingor)
    for line in ("kilderne er uenige om gennemslagskraft for Anders",
                 "the sources disagree on gennemslagskraft for Anders"):
        crit = read("then", line, context).arguments["crit"]
        assert (crit.criterion.id, crit.candidate) == ("gennemslagskraft-og-inddragelse",
                                                       "Anders"), line
    for profile in PROFILES:
        context = ReadContext(LIBRARY, RULES, profile)
        for criterion in profile.criteria:
            if re.search(r" for [A-ZÆØÅ]", criterion.name):
                crit = criterion_ref(criterion.name, context)
                assert (crit.criterion.id, crit.candidate) == (criterion.id, None)


def _candidate(profile, *lines: str) -> dict:
    """The record the given lines describe."""
    context = Context(LIBRARY, RULES, profile)
    for line in lines:
        read("given", line, context.read_context()).run(screening_context=context)
    return context.candidates[context.current]


def test_a_prose_candidate_becomes_a_record(helsingor):
    record = _candidate(
        helsingor,
        "en ansøger, der i seks år har været centerchef i Roskilde Kommune med syv "
        "afdelingsledere under sig",
        "før det var ansøgeren i fire år skoleleder i Gribskov Kommune med 3 ledere under sig",
        "ansøgeren har en cand.scient.pol. fra 2009",
        "ansøgeren har rådgivet borgmesteren om mediehåndtering",
        "referencen giver 3 i samarbejde",
        "i første samtale vurderes ansøgeren til fire i relationelle kompetencer")
    now, before = record["positions"]
    assert now == {"title": "Centerchef", "organisation": "Roskilde Kommune",
                   "sector": "kommune", "leadership_level": "chef", "start": "2018-01-15",
                   "leaders_led": 7}
    assert (before["start"], before["end"], before["leadership_level"], before["domains"]) == \
        ("2014-01-15", "2018-01-15", "mellemleder", ["skole"])
    assert record["education"] == [{"degree": "cand.scient.pol.", "level": "kandidat",
                                    "leadership": False, "area": "samfundsvidenskab",
                                    "year": 2009}]
    assert record["experience"] == [{"kind": "mediehåndtering", "role": "rådgiver"}]
    assert record["assessments"] == [
        {"competency": "samarbejde_naervaer", "source": "reference", "score": 3},
        {"competency": "relationelle_kompetencer", "source": "samtale1", "score": 4}]


def test_a_position_held_since_a_year_may_name_the_year_after_the_organisation(helsingor):
    """'der har været socialchef i Greve Kommune siden 2005' was no step: 'siden' was read
    only before 'har været', though 'i fem år' is read in either place."""
    (position,) = _candidate(helsingor, "en ansøger, der har været socialchef i Greve Kommune "
                             "siden 2005 med 250 medarbejdere under sig")["positions"]
    assert (position["start"], position["organisation"], position["staff_led"]) == (
        "2005-01-01", "Greve Kommune", 250)


def test_sectors_follow_the_organisation_and_never_public_is_checked(helsingor):
    record = _candidate(helsingor, "en ansøger, der i otte år har været direktør i "
                                   "LæringsTech ApS", "ansøgeren har aldrig arbejdet i det "
                                                      "offentlige")
    assert record["positions"][0]["sector"] == "privat"
    with pytest.raises(AssertionError, match="aldrig har arbejdet i det offentlige"):
        _candidate(helsingor, "en ansøger, der i to år har været chef i Region Sjælland",
                   "ansøgeren har aldrig arbejdet i det offentlige")
    assert _candidate(helsingor, "en ansøger", "ansøgeren har aldrig arbejdet i det "
                                               "offentlige")["positions"] == []


def test_an_english_candidate_reads_to_the_same_record(helsingor):
    danish = _candidate(helsingor, "en ansøger, der i syv år har været direktør i "
                                   "Vallensbæk Kommune med fem ledere under sig")
    english = _candidate(helsingor, "an applicant who has been director at Vallensbæk "
                                    "Kommune for seven years with five managers reporting "
                                    "to them")
    assert [p | {"title": ""} for p in danish["positions"]] == \
        [p | {"title": ""} for p in english["positions"]]


@pytest.mark.parametrize(("line", "message"), [
    ("en ansøger, der i seks år har været centerchef i Firmaet", "cannot tell the sector"),
    ("en ansøger, der i mange år har været chef i Greve Kommune", "not a number"),
    ("en ansøger, der i to år har været gartner i Greve Kommune", "leadership level"),
    ("ansøgeren har en kørekortsuddannelse", "not an education")])
def test_an_argument_that_cannot_be_read_says_what_was_expected(line, message):
    with pytest.raises(NotRead, match=message):
        read("given", line, ReadContext(LIBRARY, RULES))


@pytest.mark.parametrize("line", [
    "en ansøger, der i seks år har været skoleleder i Næstved Kommune med et budget på 40 mio.",
    "en ansøger, der i seks år har været centerchef i Roskilde Kommune med tre afdelingsledere "
    "og 200 medarbejdere under sig"])
def test_a_clause_after_the_organisation_the_grammar_does_not_read_is_not_its_name(line):
    """It was read as part of the organisation's name ('Næstved Kommune med et budget på 40
    mio.'), so a scenario silently went without the leaders or the budget it described."""
    with pytest.raises(NotRead, match=r"cannot read 'med .*' after '.* Kommune'"):
        read("given", line, ReadContext(LIBRARY, RULES))


def test_a_line_no_step_reads_names_the_nearest_steps():
    with pytest.raises(NotRead, match=r"no step matches.*nearest: Så"):
        read("then", "lever ansøgeren ikke op til noget", ReadContext(LIBRARY, RULES))


@pytest.mark.parametrize(("line", "meant"), [
    ("går ansøgeren videre til anden samtale", "Så går Mette videre"),
    ("er scoren mindst 60 for Ida", "Så er dækningen højst 50 %")])
def test_a_line_that_starts_as_a_step_and_goes_on_names_that_step_first(line, meant):
    """The nearest steps were those most like the whole line: 'går ansøgeren videre til
    anden samtale' was offered 'er utilstrækkeligt belyst' and 'lever ikke op til', never
    the step it begins with."""
    with pytest.raises(NotRead, match=rf"nearest: {meant} \|"):
        read("then", line, ReadContext(LIBRARY, RULES))


def test_the_profile_words_in_the_shipped_features_are_profiles():
    for path in Path(ROOT / "features").glob("*-konsulent*.feature"):
        first_given = next(line.strip() for line in path.read_text(encoding="utf-8")
                           .splitlines() if line.strip().startswith(("Givet", "Given")))
        kind, text = split_keyword(first_given)
        assert "profile" in read(kind, text, ReadContext(LIBRARY, RULES)).arguments, path


STEP_MODULES = (grammar, steps, prose, arguments)


def _module_state() -> dict[str, dict[str, object]]:
    """What each step module's names are bound to, and the contents of its containers."""
    return {module.__name__: {name: (value, repr(value) if isinstance(value, (list, dict, set))
                                     else None)
                              for name, value in vars(module).items()}
            for module in STEP_MODULES}


def test_catalogues_built_apart_are_equal_and_building_changes_no_module():
    before = _module_state()
    first, second = step_library(), step_library()
    assert first is not second and first == second
    assert first.steps and first.readers
    assert _module_state() == before


def test_the_quoted_steps_are_tried_before_the_prose_each_in_the_order_written():
    modules = [doc.handler.__module__ for doc in LIBRARY.steps]
    assert modules == sorted(modules, key=[steps.__name__, prose.__name__].index)
    for module in (steps, prose):
        lines = [inspect.getsourcelines(doc.handler)[1] for doc in LIBRARY.steps
                 if doc.handler.__module__ == module.__name__]
        assert lines == sorted(lines)


MUTATORS = {"append", "extend", "insert", "update", "setdefault", "add", "__setitem__"}


def _mutated_globals(module) -> set[str]:
    """Module-level lists, dicts and sets that code in the module adds to or rebinds."""
    containers = {name for name, value in vars(module).items()
                  if isinstance(value, (list, dict, set))}
    found = set()
    for node in ast.walk(ast.parse(inspect.getsource(module))):
        if isinstance(node, ast.Global):
            found |= set(node.names)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and isinstance(node.func.value, ast.Name) and node.func.attr in MUTATORS:
            found.add(node.func.value.id)
        elif isinstance(node, (ast.Subscript, ast.AugAssign)):
            target = node.value if isinstance(node, ast.Subscript) else node.target
            if isinstance(target, ast.Name) and isinstance(getattr(node, "ctx", ast.Store()),
                                                           ast.Store):
                found.add(target.id)
    return found & containers


@pytest.mark.parametrize("module", STEP_MODULES, ids=lambda m: m.__name__)
def test_no_step_module_keeps_a_registry_filled_as_it_is_imported(module):
    assert _mutated_globals(module) == set()
