"""Hypothesis strategies: valid candidate records with every section and field sometimes
missing, and small random rule files over the fact catalogue.

Records carry fields no rule reads too (assessor, note, institution, description), so that
changing them can be checked to change nothing. Rule files are generated as the plain data a
consultant would write, and go through the real loader, so a generated file that the
language does not allow fails loudly instead of testing nothing.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from screening.catalogue import COLLECTIONS, COMPARISON_OPS
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

UNREAD_COMPETENCY = "ukendt_kompetence"  # assessed in records, read by no profile


def maybe(strategy):
    return st.none() | strategy


def _without_none(data: dict) -> dict:
    return {k: v for k, v in data.items() if v is not None}


@st.composite
def positions(draw):
    start = draw(st.dates(date(1985, 1, 1), date(2025, 12, 31)))
    end = draw(maybe(st.integers(30, 6000).map(lambda days: start + timedelta(days=days))))
    return _without_none({
        "title": draw(st.sampled_from(["Leder", "Direktør", "Chef for Skole"])),
        "organisation": draw(st.sampled_from(["A", "B", "Ishøj Kommune"])),
        "sector": draw(st.sampled_from(SECTORS)), "start": start, "end": end,
        "politically_governed": draw(maybe(st.booleans())),
        "leadership_level": draw(maybe(st.sampled_from(LEADERSHIP_LEVELS))),
        "leaders_led": draw(maybe(st.integers(0, 30))),
        "staff_led": draw(maybe(st.integers(0, 3000))),
        "budget_mio_dkk": draw(maybe(st.sampled_from([0.0, 120.5, 499.0, 500.0, 2000.0]))),
        "domains": draw(maybe(st.lists(st.sampled_from(DOMAINS), max_size=4, unique=True)))})


education = st.fixed_dictionaries(
    {"degree": st.sampled_from(["Cand.scient.pol.", "MPA", "Uddannelse"]),
     "level": st.sampled_from(EDUCATION_LEVELS)},
    optional={"area": st.sampled_from(EDUCATION_AREAS), "leadership": st.booleans(),
              "year": st.integers(1970, 2024),
              "institution": st.sampled_from(["KU", "AU", "CBS"]),
              "field": st.sampled_from(["Statskundskab", "Jura"])})
experience = st.fixed_dictionaries(
    {"kind": st.sampled_from(EXPERIENCE_KINDS)},
    optional={"role": st.sampled_from(EXPERIENCE_ROLES),
              "years": st.floats(0, 30, allow_nan=False).map(lambda y: round(y, 1)),
              "description": st.sampled_from(["Pressekontakt", "Bestyrelsesformand"])})


def assessments(competencies: list[str], consistent: bool = False, rising: bool = False):
    """Assessments across competencies and sources; `consistent`: every source gives a
    competency the same score, so later evidence never contradicts earlier evidence;
    `rising`: every source assesses the competencies picked, each giving one at least what
    the sources before it gave, so later evidence lifts what earlier evidence found."""
    named = st.sampled_from([*competencies, UNREAD_COMPETENCY])
    optional = {"assessor": st.sampled_from(["Borgmester", "Konsulent"]),
                "note": st.sampled_from(["Stærk case", "Usikker"])}
    if not (consistent or rising):
        return st.lists(st.fixed_dictionaries(
            {"competency": named, "source": st.sampled_from(SOURCES),
             "score": st.integers(1, 5)}, optional=optional), max_size=25)
    by_source = (st.integers(1, 5).map(lambda score: [score] * len(SOURCES)) if consistent
                 else st.lists(st.integers(1, 5), min_size=len(SOURCES),
                               max_size=len(SOURCES)).map(sorted))

    @st.composite
    def ordered(draw):
        scores = {c: dict(zip(SOURCES, draw(by_source), strict=True))
                  for c in [*competencies, UNREAD_COMPETENCY]}
        picked = (draw(st.lists(named, max_size=5, unique=True).map(
                      lambda some: [(c, s) for c in some for s in SOURCES])) if rising
                  else draw(st.lists(st.tuples(named, st.sampled_from(SOURCES)), max_size=25)))
        return [{"competency": c, "source": s, "score": scores[c][s]} for c, s in picked]

    return ordered()


@st.composite
def record_data(draw, competencies: list[str], candidate_id: str = "k",
                consistent: bool = False, rising: bool = False):
    """A record as the plain data of a candidate file (`consistent`, `rising`: see
    `assessments`)."""
    return _without_none({
        "id": candidate_id,
        "personal": draw(maybe(st.fixed_dictionaries({"name": st.sampled_from(
            ["Anna Hansen", "Bo Jensen"])}))),
        "positions": draw(maybe(st.lists(positions(), max_size=4))),
        "education": draw(maybe(st.lists(education, max_size=3))),
        "experience": draw(maybe(st.lists(experience, max_size=3))),
        "assessments": draw(assessments(competencies, consistent, rising))})


def records(competencies: list[str], candidate_id: str = "k", consistent: bool = False,
            rising: bool = False):
    return record_data(competencies, candidate_id, consistent, rising).map(
        CandidateRecord.model_validate)


def record_sets(competencies: list[str], n: int = 4, consistent: bool = False):
    return st.tuples(*(records(competencies, f"k{i}", consistent) for i in range(n)))


# --- random rule files ---------------------------------------------------------------------

COMPETENCIES = {"alfa": "Strategisk sans", "beta": "Politisk forståelse",
                "gamma": "Relationelle kompetencer"}

# thresholds near the values the record strategies produce, so comparisons go both ways
THRESHOLDS = {"leaders_led": [0, 1, 3, 10], "staff_led": [0, 50, 1000],
              "budget_mio_dkk": [0, 120.5, 500], "years": [0, 1, 2.5, 5, 10],
              "year": [1990, 2005, 2015]}
COUNT_THRESHOLDS = [0, 1, 2, 3]
SUM_THRESHOLDS = [0, 1, 4.5, 10, 100, 2000]


@st.composite
def field_test(draw, collection: str) -> dict:
    """One item-level comparison the catalogue allows, e.g. {field: sector, in: [kommune]}."""
    field = draw(st.sampled_from(sorted(COLLECTIONS[collection].fields.values(),
                                        key=lambda f: f.name)))
    if field.kind == "bool":
        return {"field": field.name, draw(st.sampled_from(["eq", "ne"])): draw(st.booleans())}
    if field.kind == "number":
        return {"field": field.name, draw(st.sampled_from(COMPARISON_OPS)):
                draw(st.sampled_from(THRESHOLDS[field.name]))}
    if field.kind == "set":
        return {"field": field.name, "contains": draw(st.sampled_from(field.values))}
    op = draw(st.sampled_from(["eq", "ne", "in"]))
    if op == "in":
        return {"field": field.name, "in": draw(st.lists(st.sampled_from(field.values),
                                                         min_size=1, max_size=3, unique=True))}
    return {"field": field.name, op: draw(st.sampled_from(field.values))}


def combined(leaf, max_leaves: int):
    """`leaf` conditions joined by all / any / not, at most `max_leaves` leaves."""
    return st.recursive(leaf, lambda children: st.one_of(
        st.lists(children, min_size=1, max_size=3).map(lambda c: {"all": c}),
        st.lists(children, min_size=1, max_size=3).map(lambda c: {"any": c}),
        children.map(lambda c: {"not": c})), max_leaves=max_leaves)


def where(collection: str):
    return combined(field_test(collection), max_leaves=3)


@st.composite
def derived_fact(draw) -> dict:
    collection = draw(st.sampled_from(sorted(COLLECTIONS)))
    aggregate = draw(st.sampled_from(["exists", "count", "sum"]))
    spec = {"description": f"Afledt af {collection}", "of": collection,
            "where": draw(maybe(where(collection))), "aggregate": aggregate}
    if aggregate == "sum":
        spec["field"] = draw(st.sampled_from(sorted(
            f.name for f in COLLECTIONS[collection].fields.values() if f.kind == "number")))
    return _without_none(spec)


def fact_test(name: str, aggregate: str):
    if aggregate == "exists":
        return st.one_of(st.just({"fact": name}), st.sampled_from(["eq", "ne"]).flatmap(
            lambda op: st.booleans().map(lambda v: {"fact": name, op: v})))
    values = COUNT_THRESHOLDS if aggregate == "count" else SUM_THRESHOLDS
    return st.tuples(st.sampled_from(COMPARISON_OPS), st.sampled_from(values)).map(
        lambda t: {"fact": name, t[0]: t[1]})


def assessed_test(sources: list[str]):
    return st.builds(
        lambda competency, by, gte: _without_none(
            {"assessed": competency, "by": by or None, "gte": gte}),
        st.sampled_from(sorted(COMPETENCIES)),
        st.lists(st.sampled_from(sources), max_size=2, unique=True),
        maybe(st.sampled_from([2, 3, 3.5, 4, 5])))


def some_test():
    return st.sampled_from(sorted(COLLECTIONS)).flatmap(
        lambda c: where(c).map(lambda w: {"some": c, "where": w}))


def candidate_condition(derived: dict[str, dict], sources: list[str]):
    leaves = [assessed_test(sources), some_test()]
    leaves += [fact_test(name, spec["aggregate"]) for name, spec in sorted(derived.items())]
    return combined(st.one_of(leaves), max_leaves=4)


@st.composite
def criterion(draw, n: int, derived: dict[str, dict]) -> dict:
    sources = draw(maybe(st.lists(st.sampled_from(SOURCES), min_size=1, max_size=5,
                                  unique=True).map(lambda s: sorted(s, key=SOURCES.index))))
    condition = candidate_condition(derived, sources or list(SOURCES))
    return _without_none({
        "id": f"c{n}", "name": f"Kriterium {n}",
        "category": draw(st.sampled_from(["faglige", "ledelsesmæssige", "personlige"])),
        "priority": draw(st.sampled_from(["krav", "ønske"])),
        "weight": draw(maybe(st.sampled_from([0.5, 1, 2, 5]))),
        "quote": f"Citat {n}", "section": "Profilen", "sources": sources,
        "when": draw(condition), "partial": draw(maybe(condition)),
        # a generated condition may read a proxy (education.year) or cap years, which a
        # Screener refuses unless accepted knowingly: these profiles test the engine
        "lint_ignore": [{"code": "E501", "reason": "Genereret til test af motoren"}]})


@st.composite
def scoring(draw) -> dict:
    opfyldt = draw(st.sampled_from([2, 3, 3.5, 4, 5]))
    return {"weights": {"krav": draw(st.sampled_from([1, 3, 10])),
                        "ønske": draw(st.sampled_from([0.5, 1, 2]))},
            "assessment": {"opfyldt": opfyldt,
                           "delvist": draw(st.sampled_from([d for d in (1, 2, 2.5, 3, 4)
                                                            if d <= opfyldt])),
                           "krav": draw(st.sampled_from(["min", "mean", "max"])),
                           "ønske": draw(st.sampled_from(["min", "mean", "max"]))},
            "disagreement": draw(st.sampled_from([1, 2, 3])),
            "min_coverage": draw(st.sampled_from([0, 40, 80]))}


@st.composite
def rule_files(draw, scoring_settings=None) -> dict:
    """A small profile as the plain data of a rule file (dates as text, as in YAML)."""
    derived = {f"d{n}": draw(derived_fact()) for n in range(draw(st.integers(0, 3)))}
    count = draw(st.integers(1, 5))
    return {"profile": {"id": "genereret", "title": "Genereret profil",
                        "organisation": "Testkommune", "source": "genereret.txt",
                        "version": "1", "date": "2024-01-15"},
            "scoring": draw(scoring_settings or scoring()),
            "competencies": COMPETENCIES, "derived": derived,
            "criteria": [draw(criterion(n, derived)) for n in range(count)]}
