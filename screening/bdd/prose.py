"""Steps in the consultant's own words: candidates in prose, stages by the process, outcomes
as the committee hears them.

"Givet en ansøger, der i seks år har været centerchef i Roskilde Kommune med syv
afdelingsledere under sig", "Og referencen giver 3 i samarbejde", "Når ansøgeren screenes
efter referencerne", "Så lever ansøgeren ikke op til kravet om ledelse af ledere", "Så skal
udvalget tage stilling til …", "Så er de to bedste Mette og Anders". Every step has English
phrasings for `# language: en`. Outcomes are about statuses, knock-outs, recommendations and
ranks; none reads the score.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ..audit.decisions import ADVANCES, DECISIONS, Decision, decision_line
from ..i18n import decimal, t
from ..report import number_text, points_text, score_range
from ..results import PENDING_LABEL, SPARSE_BAND, CandidateResult, CriterionOutcome
from ..vocabulary import CATEGORY_TITLES, PENDING_BAND, PRIORITIES, STATUSES, label, recommendation
from ..wording import grounds, missing_text
from . import arguments
from .arguments import STATUS, CriterionRef, Organisation, Title
from .grammar import Reading, step
from .steps import (
    BOUND,
    BOUND_EN,
    FIGURE,
    Context,
    add_assessment,
    add_record_file,
    bounds,
    figure,
    shortlist_of,
)
from .steps import recommendation as recommendation_is
from .words import NUMBER, Degree, plain, slug

SUBJECT = r"(?:ansøgeren|kandidaten|hun|han)"
SUBJECT_EN = r"(?:the applicant|the candidate|she|he|they)"
NAME = r"[A-ZÆØÅ][\wæøå-]*(?: [A-ZÆØÅ][\wæøå-]*)*"
WHO = rf"(?P<who>ansøgeren|kandidaten|{NAME})"
WHO_EN = rf"(?P<who>the applicant|the candidate|{NAME})"
OTHER = rf"(?P<other>ansøgeren|kandidaten|{NAME})"
OTHER_EN = rf"(?P<other>the applicant|the candidate|{NAME})"
CRIT = r"(?P<crit>(?:kravet|ønsket|kriteriet|kompetencen) om .+?)"
CRIT_EN = r"(?P<crit>the (?:requirement|wish|criterion) (?:of|for|on) .+?)"
FOR_WHO = rf"(?: for {WHO})?"
FOR_WHO_EN = rf"(?: for {WHO_EN})?"
# "under sig" may be left out after a number: "med 25 medarbejdere", as consultants write it
# (without a number, "med" may belong to a name: "Børn med Handicap")
LED = (rf"(?: (?:med (?P<led_count>{NUMBER}) (?P<led_word>[\wæøå]+)(?: under sig)?|"
       r"uden (?P<none_led>[\wæøå]+) under sig))?(?:,? med ansvar for (?P<domain_words>.+))?")
LED_EN = (rf"(?: (?:with (?P<led_count>{NUMBER}) (?P<led_word>[\w ]+?)(?: reporting to "
          r"(?:them|him|her))?|with no (?P<none_led>[\w ]+?) reporting to (?:them|him|her)))?"
          r"(?:,? responsible for (?P<domain_words>.+))?")
ORG = r"(?P<org>[A-ZÆØÅ].*?)"
AT = r"(?:i|hos|ved|på)"
CANDIDATES = r"(?:ansøgere|kandidater|applicants|candidates)"
# two or more named candidates: "Susanne og Anne", "Mette, Anders og Sofie"
NAMES = rf"(?P<names>{NAME}(?:(?:,| og) {NAME})+)"
NAMES_EN = rf"(?P<names>{NAME}(?:(?:,| and) {NAME})+)"
PLACE = r"(?:(?P<place>[a-zæøå]+?|\d+\. )pladsen|pladsen)"
PLACE_EN = r"(?:a rank|the same rank|(?:the )?(?P<place>[a-z]+|\d+(?:st|nd|rd|th)) place)"


# --- who the candidates are ---------------------------------------------------------------


@step("given", r"(?:en|et) (?:ansøger|kandidat)", "Givet en ansøger",
      also=((r"(?:en (?:ansøger|kandidat)|(?:ansøgeren|kandidaten) (?P<name>" + NAME + r")),?"
             r" (?:der|som) (?P<clause>.+)",
             "Givet en ansøger, der i seks år har været centerchef i Roskilde Kommune med syv "
             "afdelingsledere under sig"),
            (r"(?:en (?:ansøger|kandidat)|(?:ansøgeren|kandidaten) (?P<name>" + NAME + r"))"
             r" med (?P<clause_har>.+)",
             "Givet ansøgeren Ida med en master i offentlig ledelse fra 2016"),
            (r"(?:ansøgeren|kandidaten) (?P<name>" + NAME + ")", "Givet ansøgeren Mette")),
      english=((r"an? (?:applicant|candidate)", "Given an applicant"),
               (r"(?:an? (?:applicant|candidate)|the (?:applicant|candidate) (?P<name>" + NAME
                + r")),? who (?P<clause_en>.+)",
                "Given an applicant who has been head of centre at Roskilde Kommune for six "
                "years with seven managers reporting to them"),
               (r"(?:an? (?:applicant|candidate)|the (?:applicant|candidate) (?P<name>" + NAME
                + r")) with (?P<clause_en_with>.+)",
                "Given the applicant Ida with a Master of Public Administration from 2016")))
def prose_candidate(screening_context: Context, request: Any = None, name: str | None = None,
                    clause: Reading | None = None, clause_har: Reading | None = None,
                    clause_en: Reading | None = None,
                    clause_en_with: Reading | None = None) -> None:
    """A candidate, new or named before, and what the rest of the sentence says about them."""
    known = screening_context.candidates
    candidate_id = _known_as(screening_context, name) if name else _fresh_id(known)
    # a name described before is her again, and the rest of the sentence adds to her
    known.setdefault(candidate_id, {"id": candidate_id})
    screening_context.current = candidate_id
    for reading in (clause, clause_har, clause_en, clause_en_with):
        if reading is not None:
            reading.run(screening_context=screening_context, request=request)


def _known_as(screening_context: Context, name: str) -> str:
    """The id of the candidate a name already means ('Mette' is k01-mette-kjaer from the
    examples), else the id the name makes for a new one."""
    try:
        return screening_context.named(name)
    except AssertionError:  # nobody of that name yet
        return slug(name)


def _fresh_id(known: dict[str, dict]) -> str:
    number = 1
    while f"ansøger-{number}" in known:
        number += 1
    return f"ansøger-{number}"


@step("given", r"(?:ansøgerne|kandidaterne) (?P<names>.+) fra eksemplerne",
      "Givet ansøgerne k01-mette-kjaer og k02-anders-lykke fra eksemplerne",
      also=((r"alle (?:ansøgerne|kandidaterne) fra eksemplerne",
             "Givet alle ansøgerne fra eksemplerne"),
            (r"(?:ansøgeren|kandidaten) (?P<names>[^,]+) fra eksemplerne",
             "Givet ansøgeren Sofie fra eksemplerne")),
      english=((r"the (?:applicants|candidates) (?P<names>.+) from the examples",
                "Given the applicants i01-susanne-moeller and i02-bo-andersen from the "
                "examples"),
               (r"the (?:applicant|candidate) (?P<names>[^,]+) from the examples",
                "Given the applicant Susanne from the examples"),
               (r"all the (?:applicants|candidates) from the examples",
                "Given all the applicants from the examples")))
def example_candidates(screening_context: Context, request: Any,
                       names: list[str] | None = None) -> None:
    """Candidates from examples/candidates/<profile id>/, by id or name, or all of them."""
    folder = (request.config.rootpath / "examples" / "candidates"
              / screening_context.chosen_profile().meta.id)
    files = sorted(folder.glob("*.y*ml")) + sorted(folder.glob("*.json"))
    if not files:
        raise AssertionError(t("Ingen eksempler i {folder}", folder=folder))
    for file in (files if names is None else [_example(files, n) for n in names]):
        add_record_file(screening_context, file)


def _example(files: list[Path], name: str) -> Path:
    """The example a name means: by its id or the name's end ('Mette Kjær', 'Kjær'), else by
    a first name only one example's id has ('Mette'), as the steps name candidates after."""
    wanted = plain(slug(name))
    stems = {file: plain(file.stem) for file in files}
    found = ([f for f, stem in stems.items() if stem == wanted or stem.endswith(f"-{wanted}")]
             or [f for f, stem in stems.items() if wanted in stem.split("-")])
    if len(found) != 1:
        raise AssertionError(t("Intet entydigt eksempel '{name}'; kendte: {known}", name=name,
                               known=", ".join(f.stem for f in files)))
    return found[0]


# --- positions ----------------------------------------------------------------------------


@step("given", rf"{SUBJECT} (?:har )?(?:i (?P<years>{NUMBER}) år|siden (?P<since>\d{{4}})) "
      rf"(?:har )?været (?P<title>.+?) {AT} {ORG}{LED}",
      "Og ansøgeren har i seks år været centerchef i Roskilde Kommune med syv "
      "afdelingsledere under sig",
      also=((rf"{SUBJECT} har været (?P<title>.+?) {AT} {ORG} (?:i (?P<years>{NUMBER}) år|"
             rf"siden (?P<since>\d{{4}})){LED}",
             "Og ansøgeren har været skolechef i Gribskov Kommune i fem år med ansvar for "
             "skole og fritid"),),
      english=((rf"{SUBJECT_EN} has been (?P<title>.+?) (?:at|in|with) {ORG} "
                rf"(?:for (?P<years>{NUMBER}) years|since (?P<since>\d{{4}})){LED_EN}",
                "And the applicant has been director at Vallensbæk Kommune for seven years "
                "with five managers reporting to them"),))
def current_position(screening_context: Context, title: Title, org: Organisation,
                     years: int | None = None, since: int | None = None,
                     led_count: int | None = None, led_word: str | None = None,
                     none_led: str | None = None,
                     domain_words: tuple[str, ...] | None = None) -> None:
    """The position the candidate holds now, for some years or since a year.

    The title gives the level ('direktør', '…chef', '…leder', 'teamleder') and fields
    ('skolechef': skole); the organisation's name gives its sector ('… Kommune', 'Region …',
    '…ministeriet', '… A/S'), or write it in brackets: 'Novo (privat)'.
    """
    as_of = _as_of(screening_context)
    start = date(since, 1, 1) if since else _years_before(as_of, years or 0)
    _add_position(screening_context, title, org, start, None,
                  _led(led_count, led_word, none_led), domain_words)


@step("given", rf"før det var {SUBJECT} i (?P<years>{NUMBER}) år (?P<title>.+?) {AT} {ORG}{LED}",
      "Og før det var ansøgeren i fire år kontorchef i Gribskov Kommune med tre ledere under "
      "sig",
      english=((rf"before that {SUBJECT_EN} was (?P<title>.+?) (?:at|in|with) {ORG} for "
                rf"(?P<years>{NUMBER}) years{LED_EN}",
                "And before that the applicant was head of section at Gribskov Kommune for "
                "four years"),))
def earlier_position(screening_context: Context, title: Title, org: Organisation, years: int,
                     led_count: int | None = None, led_word: str | None = None,
                     none_led: str | None = None,
                     domain_words: tuple[str, ...] | None = None) -> None:
    """The position before the earliest one described so far, ending when that one began."""
    positions = screening_context.candidate().get("positions") or []
    if not positions:
        raise AssertionError(t("'før det' kræver en stilling at gå ud fra: beskriv først den "
                               "nuværende stilling"))
    end = min(date.fromisoformat(p["start"]) for p in positions)
    _add_position(screening_context, title, org, _years_before(end, years), end,
                  _led(led_count, led_word, none_led), domain_words)


def _led(count: int | None, word: str | None, none_word: str | None) -> dict[str, int]:
    if none_word:
        return {none_word: 0}
    return {word: count} if word and count is not None else {}


def _add_position(screening_context: Context, title: Title, org: Organisation, start: date,
                  end: date | None, led: dict[str, int],
                  domain_words: tuple[str, ...] | None) -> None:
    domains = list(dict.fromkeys(title.domains + (domain_words or ())))
    position: dict[str, Any] = {"title": title.text[:1].upper() + title.text[1:],
                                "organisation": org.name, "sector": org.sector,
                                "leadership_level": title.level, "start": start.isoformat()}
    if end:
        position["end"] = end.isoformat()
    position |= led
    if domains:
        position["domains"] = domains
    screening_context.candidate().setdefault("positions", []).append(position)


def _as_of(screening_context: Context) -> date:
    """Years are counted back from the profile's date, the date screening counts up to."""
    profile = screening_context.profile
    return profile.meta.date if profile else date.today()


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


@step("given", rf"{SUBJECT} har (?:aldrig arbejdet i det offentlige|kun arbejdet i det "
      r"private)", "Og ansøgeren har aldrig arbejdet i det offentlige",
      english=((rf"{SUBJECT_EN} (?:has|have) never worked in the public sector",
                "And the applicant has never worked in the public sector"),))
def never_public(screening_context: Context) -> None:
    """No position in a politically governed organisation (and no unknown ones left)."""
    candidate = screening_context.candidate()
    public = [p["organisation"] for p in candidate.get("positions") or []
              if p.get("politically_governed", p["sector"] in ("kommune", "region", "stat"))]
    if public:
        raise AssertionError(t("Scenariet siger både, at ansøgeren aldrig har arbejdet i det "
                               "offentlige, og at ansøgeren har været i {public}",
                               public=", ".join(public)))
    candidate.setdefault("positions", [])


# --- education and experience -------------------------------------------------------------


@step("given", rf"{SUBJECT} har (?P<education>(?:en|et) .+?)"
      r"(?: fra (?:(?P<year>\d{4})|(?P<institution>[^\d].*)))?",
      "Og ansøgeren har en cand.scient.pol. fra 2009",
      english=((rf"{SUBJECT_EN} has (?P<education>an? .+?)"
                r"(?: from (?:(?P<year>\d{4})|(?P<institution>[^\d].*)))?",
                "And the applicant has a Master of Public Administration from 2016"),))
def prose_education(screening_context: Context, education: tuple[str, Degree],
                    year: int | None = None, institution: str | None = None) -> None:
    """An education in words: 'en cand.scient.pol.', 'en master i offentlig ledelse', 'en
    diplomuddannelse i ledelse', 'en professionsbachelor som lærer', 'en MBA', 'en ph.d.'."""
    written, degree = education
    item: dict[str, Any] = {"degree": written, "level": degree.level,
                            "leadership": degree.leadership}
    if degree.area:
        item["area"] = degree.area
    if year:
        item["year"] = year
    if institution:
        item["institution"] = institution
    screening_context.candidate().setdefault("education", []).append(item)


@step("given", rf"{SUBJECT} har ingen (?:lederuddannelse|ledelsesuddannelse|"
      r"ledelsesmæssig efteruddannelse)", "Og ansøgeren har ingen lederuddannelse",
      english=((rf"{SUBJECT_EN} has no leadership education",
                "And the applicant has no leadership education"),))
def no_leadership_education(screening_context: Context) -> None:
    """No leadership education among the ones described (and no unknown ones left)."""
    candidate = screening_context.candidate()
    led = [e["degree"] for e in candidate.get("education") or [] if e.get("leadership")]
    if led:
        raise AssertionError(t("Scenariet siger både ingen lederuddannelse og {led}",
                               led=", ".join(led)))
    candidate.setdefault("education", [])


ROLES = {"rådgiver": "rådgiver", "ansvarlig": "ansvarlig", "udøvende": "udøvende",
         "adviser": "rådgiver", "advisor": "rådgiver", "the one responsible": "ansvarlig",
         "practitioner": "udøvende"}


@step("given", rf"{SUBJECT} har erfaring med (?P<experience>[^\"].*?)"
      r"(?: som (?P<role>rådgiver|ansvarlig|udøvende))?",
      "Og ansøgeren har erfaring med mediehåndtering som rådgiver",
      also=((rf"{SUBJECT} har (?P<advised>rådgivet) (?:.+? )?om (?P<experience>.+)",
             "Og ansøgeren har rådgivet borgmesteren om mediehåndtering"),
            (rf"{SUBJECT} har (?:stået for|haft ansvaret for|haft ansvar for) "
             r"(?P<experience>[\wæøå-]+)(?P<responsible> .*)?",
             "Og ansøgeren har stået for mediehåndteringen i sin forvaltning")),
      english=((rf"{SUBJECT_EN} has experience (?:of|with|in) (?P<experience>.+?)"
                r"(?: as (?P<role>adviser|advisor|the one responsible|practitioner))?",
                "And the applicant has experience with media relations as adviser"),
               (rf"{SUBJECT_EN} has (?P<advised>advised) (?:.+? )?on (?P<experience>.+)",
                "And the applicant has advised the mayor on the media")))
def prose_experience(screening_context: Context, experience: str, role: str | None = None,
                     advised: str | None = None, responsible: str | None = None) -> None:
    """An experience in words; 'rådgivet om' is the adviser's role, 'stået for' the
    responsible one's."""
    phrasing_role = (ROLES.get(role or "") or ("rådgiver" if advised else None)
                     or ("ansvarlig" if responsible is not None else None))
    item = {"kind": experience} | ({"role": phrasing_role} if phrasing_role else {})
    screening_context.candidate().setdefault("experience", []).append(item)


# a score ending 'for Anders' (one name, or the applicant) is given to that candidate; with
# more words ('for Albertslund Kommune') it is first read as a competency so named, and as
# given to a candidate only when no competency is
NOT_FOR_ONE = r"(?!.* (?:for|til) (?:ansøgeren|kandidaten|[A-ZÆØÅ][\wæøå-]*)$)"
NOT_FOR_ONE_EN = r"(?!.* (?:for|to) (?:the applicant|the candidate|[A-ZÆØÅ][\wæøå-]*)$)"


@step("given", r"(?P<source>[\wæøå. ]+?) giver (?P<score>" + NUMBER + r") (?:i|på|for) "
      + NOT_FOR_ONE + r"(?P<comp>.+)", "Og referencen giver 3 i samarbejde",
      also=((r"(?P<source>[\wæøå. ]+?) viser (?P<score>" + NUMBER + r") (?:i|på) "
             + NOT_FOR_ONE + r"(?P<comp>.+)", "Og testen viser 2 i struktureret ledelsesstil"),
            (r"(?:i|til|ved|efter|under) (?P<source>[\wæøå. ]+?) vurderes " + WHO
             + r" til (?P<score>" + NUMBER + r") (?:i|på) (?P<comp>.+)",
             "Og i første samtale vurderes ansøgeren til 4 i politisk tæft"),
            (r"(?P<source>[\wæøå. ]+?) (?:giver|viser) (?P<score>" + NUMBER + r") (?:i|på|for) "
             r"(?P<comp>.+) (?:for|til) " + WHO, "Og referencen giver 2 i samarbejde for Anders"),
            (r"(?P<source>[\wæøå. ]+?) giver " + WHO + r" (?P<score>" + NUMBER
             + r") (?:i|på|for) (?P<comp>.+)", "Og referencen giver Anders 2 i samarbejde"),
            (r"(?:i|til|ved|efter|under) (?P<source>[\wæøå. ]+?) får " + WHO
             + r" (?P<score>" + NUMBER + r") (?:i|på) (?P<comp>.+)",
             "Og i første samtale får kandidaten 4 i politisk tæft"),
            (r"(?P<source>[\wæøå. ]+?) vurderer " + WHO + r" til (?P<score>" + NUMBER
             + r") (?:i|på) (?P<comp>.+)", "Og referencen vurderer Anders til 5 i samarbejde")),
      english=((r"(?P<source>the [\w ]+?) gives (?P<score>" + NUMBER + r") (?:on|for|in) "
                + NOT_FOR_ONE_EN + r"(?P<comp>.+)", "And the reference gives 3 on samarbejde"),
               (r"(?P<source>the [\w ]+?) shows (?P<score>" + NUMBER + r") (?:on|for|in) "
                + NOT_FOR_ONE_EN + r"(?P<comp>.+)",
                "And the test shows 2 on struktureret ledelsesstil"),
               (r"(?P<source>the [\w ]+?) rates " + WHO_EN + r" (?P<score>" + NUMBER
                + r") (?:on|for|in) (?P<comp>.+)",
                "And the first interview rates the applicant 4 on politisk tæft"),
               (r"(?P<source>the [\w ]+?) gives (?P<score>" + NUMBER + r") (?:on|for|in) "
                r"(?P<comp>.+) (?:for|to) " + WHO_EN,
                "And the reference gives 2 on samarbejde for Anders"),
               (r"(?P<source>the [\w ]+?) gives " + WHO_EN + r" (?P<score>" + NUMBER
                + r") (?:on|for|in) (?P<comp>.+)",
                "And the reference gives Anders 2 on samarbejde"),
               (r"(?:in|at|after) (?P<source>the [\w ]+?),? " + WHO_EN + r" (?:gets|scores) "
                r"(?P<score>" + NUMBER + r") (?:on|for|in) (?P<comp>.+)",
                "And in the first interview the applicant gets 4 on politisk tæft")))
def prose_assessment(screening_context: Context, source: str, score: int, comp: str,
                     who: str | None = None) -> None:
    """A score from 1 to 5 from a source (the reference, the test, an interview) on a
    competency named by id, label or the criterion that assesses it, for the candidate
    described last or one named."""
    add_assessment(screening_context, who, comp, source, score)


# --- what people decide -------------------------------------------------------------------

# the committee, its chair (named or not: "formanden Anne Hansen") or a person by name
BY = rf"(?P<by>udvalget|ansættelsesudvalget|(?:formanden|udvalgsformanden)(?: {NAME})?|{NAME})"
BY_EN = rf"(?P<by>the committee|the chair(?: {NAME})?|{NAME})"
# the reason quoted, or in plain words after "fordi" (to the end of the line)
REASON = r'(?:,? (?:med begrundelsen "(?P<reason>[^"]+)"|fordi (?P<because>.+)))?'
REASON_EN = r'(?:,? because (?:"(?P<reason>[^"]+)"|(?P<because>[^"].*)))?'
DECIDED = {"bekræfter": "confirm", "har bekræftet": "confirm", "underkender": "override",
           "har underkendt": "override", "går videre": "advance", "ikke går videre": "stop",
           "confirms": "confirm", "has confirmed": "confirm", "overrides": "override",
           "has overridden": "override", "goes on": "advance", "does not go on": "stop"}


@step("when", rf"{BY} (?P<decision>bekræfter|underkender|har bekræftet|har underkendt) "
      rf"(?:den foreslåede )?knock-out(?:en)? (?:for|af|på) {WHO}{REASON}",
      'Og formanden underkender den foreslåede knock-out for Sofie med begrundelsen '
      '"Topledelse med offentlige kunder"',
      also=((rf"{BY} (?:beslutter|har besluttet), at {WHO} (?P<decision>går videre|ikke går "
             rf"videre){REASON}", 'Og udvalget beslutter, at Mette går videre, med begrundelsen '
             '"Stærkest på ledelse af ledere"'),),
      english=((rf"{BY_EN} (?P<decision>confirms|overrides|has confirmed|has overridden) the "
                rf"(?:proposed )?knock-out (?:of|for|on) {WHO_EN}{REASON_EN}",
                'And the chair overrides the proposed knock-out of Peter because "Top '
                'management with public clients"'),
               (rf"{BY_EN} (?:decides|has decided) that {WHO_EN} (?P<decision>goes on|does not "
                rf"go on){REASON_EN}", 'And the committee decides that Susanne goes on because '
                '"Strongest on leading managers"')))
def decide(screening_context: Context, by: str, decision: str, who: str | None = None,
           reason: str | None = None, because: str | None = None) -> None:
    """A person's decision on a screened candidate, with its reason: a proposed knock-out
    confirmed or overridden, or whether a candidate without one goes on. The latest
    stands, and shows wherever the candidate does (the explanation, the shortlist), at
    another stage as a decision made on other evidence."""
    reason = reason or because
    if not (reason or "").strip():  # as `screening decide` refuses one without --reason
        raise AssertionError(t("En beslutning skal begrundes (forvaltningsloven §§ 22-24): "
                               "skriv '… med begrundelsen \"…\"'"))
    result = _result(screening_context, who)
    code = DECIDED[decision]
    target, outcome = DECISIONS[code]
    if target == "knockout" and not result.knockouts:
        raise AssertionError(t("'{candidate}' har ingen foreslået knock-out at bekræfte eller "
                               "underkende; skriv, om ansøgeren går videre: 'udvalget "
                               "beslutter, at … går videre'", candidate=result.id))
    if target == "candidate" and result.knockouts:  # as `screening decide` refuses it
        raise AssertionError(t("'{candidate}' har en foreslået knock-out: skriv, om den "
                               "bekræftes eller underkendes: 'formanden underkender den "
                               "foreslåede knock-out for …'", candidate=result.id))
    screening = screening_context.screening
    made = Decision(len(screening_context.decisions) + 1, t("scenariet"), result.id,
                    f"{screening.as_of.isoformat()}T12:00:00+00:00", code, target, outcome,
                    reason, by)
    screening_context.decisions[result.id] = (made, screening)


# --- outcomes -----------------------------------------------------------------------------


def _result(screening_context: Context, who: str | None) -> CandidateResult:
    return screening_context.result(screening_context.named(who))


def _ranked(screening_context: Context) -> tuple[CandidateResult, ...]:
    return screening_context.screened().results


def _criterion_outcome(screening_context: Context, ref: CriterionRef,
                       who: str | None) -> tuple[CandidateResult, CriterionOutcome]:
    if ref.criterion is None:
        raise AssertionError(t('Vælg først en profil: Givet profilen "id"'))
    if ref.priority and ref.priority != ref.criterion.priority:
        raise AssertionError(t("'{name}' er et {priority}, ikke et {wanted}",
                               name=ref.criterion.name,
                               priority=label(PRIORITIES, ref.criterion.priority),
                               wanted=label(PRIORITIES, ref.priority)))
    if who is not None and ref.candidate not in (None, who):
        raise AssertionError(t("Trinnet nævner både {who} og {candidate}", who=who,
                               candidate=ref.candidate))
    result = _result(screening_context, who or ref.candidate)
    return result, next(o for o in result.outcomes if o.criterion.id == ref.criterion.id)


def _expect_status(screening_context: Context, crit: CriterionRef, status: str,
                   who: str | None) -> None:
    result, outcome = _criterion_outcome(screening_context, crit, who)
    if outcome.status != status:
        said = "; ".join(grounds(outcome.evidence, screening_context.profile))
        raise AssertionError(
            t("'{name}' er {status} for '{candidate}', forventet {expected}",
              name=outcome.criterion.name, status=label(STATUSES, outcome.status),
              candidate=result.id, expected=label(STATUSES, status))
            + (t("\nGrundlag: {grounds}", grounds=said) if said else "")
            + (t("\nMangler: {missing}", missing="; ".join(map(missing_text, outcome.missing)))
               if outcome.missing else ""))


DEGREE = r"(?:(?P<degree_words>ikke|kun delvist) )?"
DEGREE_EN = r"(?:(?P<degree_words>does not|only partly|partly) )?"


@step("then", rf"lever {WHO} {DEGREE}op til {CRIT}",
      "Så lever ansøgeren ikke op til kravet om ledelse af ledere",
      also=((rf"{WHO} lever {DEGREE}op til {CRIT}",
             "Og ansøgeren lever kun delvist op til kravet om topledelse"),
            (rf"opfylder {WHO} {DEGREE}{CRIT}", "Så opfylder ansøgeren kravet om topledelse"),
            (rf"{WHO} opfylder {DEGREE}{CRIT}",
             "Og Ida opfylder ikke ønsket om mediehåndtering")),
      english=((rf"{WHO_EN} {DEGREE_EN}meets? {CRIT_EN}",
                "Then the applicant does not meet the requirement of ledelse af ledere"),))
def lives_up_to(screening_context: Context, crit: CriterionRef, who: str | None = None,
                degree_words: str | None = None) -> None:
    """Whether a candidate lives up to a krav or ønske: fully, only partly, or not.
    'kravet om …' and 'ønsket om …' also say which of the two the criterion is."""
    _expect_status(screening_context, crit, degree_words or "opfyldt", who)


@step("then", rf"(?:er )?{CRIT} (?:er )?(?P<status>{STATUS}){FOR_WHO}",
      "Så er kravet om ledelse af ledere ikke belyst",
      english=((rf"{CRIT_EN} is (?P<status>{STATUS}){FOR_WHO_EN}",
                "Then the requirement of enhedsdirektion is not assessed"),))
def criterion_is(screening_context: Context, crit: CriterionRef, status: str,
                 who: str | None = None) -> None:
    """A criterion's status in words: opfyldt, delvist opfyldt, ikke opfyldt, ikke belyst."""
    _expect_status(screening_context, crit, status, who)


POINTS = rf"(?:flere point|op til (?P<reach>{FIGURE}) point)"
POINTS_EN = rf"(?:more points|up to (?P<reach>{FIGURE}) points?)"
MAY_GIVE = rf"(?:(?:endnu|stadig) give|(?P<negated>ikke) give) {POINTS}{FOR_WHO}"
# said of the candidate: "Susanne kan endnu få op til 2,0 point på økonomisk ansvarlighed"
MAY_GET = (rf"(?:(?:endnu|stadig) få|(?P<negated>ikke) få) {POINTS} (?:på|i|for) "
           r"(?P<crit>.+)")


@step("then", rf"kan {CRIT} {MAY_GIVE}",
      "Så kan ønsket om ledelse gennem andre endnu give op til 2,0 point",
      also=((rf"{CRIT} kan {MAY_GIVE}",
             "Og ønsket om mediehåndtering kan ikke give flere point for Mette"),
            (rf"(?:er )?{CRIT} (?:er )?(?P<negated>ikke )?(?:kun )?(?P<provisional>foreløbigt) "
             rf"vurderet{FOR_WHO}", "Så er ønsket om ledelse gennem andre kun foreløbigt "
             "vurderet"),
            (rf"kan {WHO} {MAY_GET}", "Så kan Susanne endnu få op til 2,0 point på økonomisk "
             "ansvarlighed"),
            (rf"{WHO} kan {MAY_GET}", "Og Bo kan ikke få flere point på enhedsdirektion")),
      english=((rf"{CRIT_EN} (?:can still give|(?P<negated>cannot) give) {POINTS_EN}"
                rf"{FOR_WHO_EN}", "Then the wish for ledelse gennem andre can still give up to "
                "2.0 points"),
               (rf"{WHO_EN} (?:can still get|(?P<negated>cannot get)) {POINTS_EN} (?:on|for|in) "
                r"(?P<crit>.+)", "Then Susanne can still get up to 2.0 points on økonomisk "
                "ansvarlighed"),
               (rf"{CRIT_EN} is (?P<negated>not )?(?:only )?(?P<provisional>provisionally) "
                rf"(?:assessed|judged){FOR_WHO_EN}",
                "Then the wish for ledelse gennem andre is only provisionally judged")))
def may_still_give(screening_context: Context, crit: CriterionRef, who: str | None = None,
                   negated: str | None = None, reach: str | None = None,
                   provisional: str | None = None) -> None:
    """What a criterion may still give at this stage: one not yet belyst its full points,
    one judged only provisionally (sources still to come) up to what `explain` shows as
    'op til … muligt'; 'foreløbigt vurderet' is the latter alone."""
    result, outcome = _criterion_outcome(screening_context, crit, who)
    secured = outcome.points or 0.0
    reachable = outcome.max_points if outcome.points is None else secured + outcome.open_points
    if reach is not None:  # compared as the papers print it, one decimal
        holds = number_text(reachable) == number_text(figure(reach))
        expected = t("ikke op til {reach} point" if negated else "op til {reach} point",
                     reach=number_text(figure(reach)))
    elif provisional:
        holds = outcome.points is not None and outcome.open_points > 0
        expected = t("ikke foreløbigt vurderet" if negated else "foreløbigt vurderet")
    else:
        holds = reachable > secured
        expected = t("ingen flere point" if negated else "flere point")
    if holds == bool(negated):
        raise AssertionError(t("'{name}' er {status} for '{candidate}': {points}; forventet "
                               "{expected}", name=outcome.criterion.name,
                               status=label(STATUSES, outcome.status), candidate=result.id,
                               points=points_text(outcome.points, outcome.max_points,
                                                  outcome.open_points),
                               expected=expected))


@step("then", rf"(?:alle krav er|er alle krav|kravene er|er kravene) (?P<status>{STATUS})"
      + FOR_WHO, "Så er kravene ikke belyst",
      english=((rf"all requirements are (?P<status>{STATUS}){FOR_WHO_EN}",
                "Then all requirements are met"),))
def all_requirements(screening_context: Context, status: str, who: str | None = None) -> None:
    """Every krav of the profile has this status."""
    result = _result(screening_context, who)
    other = [f"{o.criterion.id} ({label(STATUSES, o.status)})" for o in result.outcomes
             if o.criterion.priority == "krav" and o.status != status]
    if other:
        raise AssertionError(t("Ikke alle krav er {status} for '{candidate}': {other}",
                               status=label(STATUSES, status), candidate=result.id,
                               other=", ".join(other)))


@step("then", r"(?:udvalget skal|skal udvalget) (?:tage stilling|forholde sig) til "
      r"(?P<target>.+)",
      "Så skal udvalget tage stilling til kravet om ledelse af ledere",
      english=((r"the committee (?:must|has to) decide on (?P<target>.+)",
                "Then the committee must decide on the requirement of topledelse"),))
def committee_decides(screening_context: Context, target: str) -> None:
    """What the tool hands to the committee: a candidate with a proposed knock-out or too
    little evidence to propose anything (as the shortlist does), or a criterion with a
    proposed knock-out or sources that disagree."""
    _ranked(screening_context)  # says so when the candidates are not screened yet
    named = _candidate_named(screening_context, target)
    if named is not None:
        result = screening_context.result(named)
        _not_decided(screening_context, result)
        # as the shortlist hands her to a person: a proposed knock-out, or too little
        # evidence for the tool to propose anything; or sources that disagree
        if not result.knockouts and result.recommendation != SPARSE_BAND and not any(
                o.disagreement for o in result.outcomes):
            raise AssertionError(t("Udvalget har intet at tage stilling til for '{candidate}': "
                                   "ingen foreslåede knock-outs, ingen uenige kilder, og nok "
                                   "belyst til at værktøjet foreslår ({recommendation})",
                                   candidate=result.id,
                                   recommendation=recommendation(result.recommendation_label)))
        return
    crit = arguments.criterion_ref(target, screening_context.read_context())
    result, outcome = _criterion_outcome(screening_context, crit, None)
    _not_decided(screening_context, result)
    if outcome.criterion.id not in result.knockouts and not outcome.disagreement:
        raise AssertionError(t("'{name}' er {status} for '{candidate}', uden foreslået knock-out "
                               "og uden uenige kilder; foreslåede knock-outs: {proposed}",
                               name=outcome.criterion.name,
                               status=label(STATUSES, outcome.status), candidate=result.id,
                               proposed=", ".join(result.knockouts) or t("ingen")))


def _not_decided(screening_context: Context, result: CandidateResult) -> None:
    """A decision standing on this evidence leaves the committee nothing to decide."""
    decided = _standing(screening_context, result)
    if decided is not None:
        raise AssertionError(t("Udvalget har taget stilling til '{candidate}': {decision}",
                               candidate=result.id, decision=decision_line(decided)))


def _standing(screening_context: Context, result: CandidateResult) -> Decision | None:
    """The decision on the candidate that stands on the evidence screened now."""
    shown = screening_context.shown_decisions().get(result.id)
    return None if shown is None or shown.on_other_evidence else shown


def _candidate_named(screening_context: Context, words: str) -> str | None:
    """The id of the candidate `words` name: 'ansøgeren' is the one described last, a
    capitalised name one described by it; None for anything else (a criterion)."""
    if words.casefold() in arguments.SUBJECT_WORDS:
        return screening_context.candidate()["id"]
    if not words[:1].isupper():
        return None
    try:
        return screening_context.named(words)
    except AssertionError:
        return None


@step("then", rf"{WHO} foreslås (?P<negated>ikke )?frasorteret(?: på (?P<crit>.+))?",
      "Og ansøgeren foreslås ikke frasorteret",
      also=((rf"foreslås {WHO} (?P<negated>ikke )?frasorteret(?: på (?P<crit>.+))?",
             "Så foreslås ansøgeren frasorteret på kravet om ledelse af ledere"),
            (rf"{WHO} (?:er|bliver) (?P<negated>ikke )?foreslået frasorteret"
             r"(?: på (?P<crit>.+))?", "Og Ida er foreslået frasorteret"),
            (rf"(?:er|bliver) {WHO} (?P<negated>ikke )?foreslået frasorteret"
             r"(?: på (?P<crit>.+))?", "Så bliver Jonas foreslået frasorteret")),
      english=((rf"{WHO_EN} is (?P<negated>not )?proposed for rejection"
                r"(?: on (?P<crit>.+))?", "Then the applicant is not proposed for rejection"),))
def proposed_rejected(screening_context: Context, who: str | None = None,
                      negated: str | None = None, crit: CriterionRef | None = None) -> None:
    """A proposed knock-out (frasortering) for the candidate, or on one criterion."""
    if crit is not None:
        result, outcome = _criterion_outcome(screening_context, crit, who)
        if (outcome.criterion.id in result.knockouts) == bool(negated):
            # what the criterion is tells why it is (not) a proposed knock-out
            raise AssertionError(t("'{name}' er {status} for '{candidate}'; foreslåede "
                                   "knock-outs: {proposed}", name=outcome.criterion.name,
                                   status=label(STATUSES, outcome.status), candidate=result.id,
                                   proposed=", ".join(result.knockouts) or t("ingen")))
        return
    result = _result(screening_context, who)
    if bool(result.knockouts) == bool(negated):
        raise AssertionError(t("'{candidate}' har foreslåede knock-outs: {proposed}",
                               candidate=result.id,
                               proposed=", ".join(result.knockouts) or t("ingen")))


@step("then", r"ingen af (?:ansøgerne|kandidaterne) foreslås frasorteret",
      "Og ingen af ansøgerne foreslås frasorteret",
      also=((r"(?:ingen (?:ansøgere|kandidater) foreslås|foreslås ingen (?:ansøgere|"
             r"kandidater)) frasorteret", "Så foreslås ingen ansøgere frasorteret"),),
      english=((r"none of the (?:applicants|candidates) is proposed for rejection",
                "Then none of the applicants is proposed for rejection"),))
def none_rejected(screening_context: Context) -> None:
    """No candidate has a proposed knock-out."""
    out = [r.id for r in _ranked(screening_context) if r.knockouts]
    if out:
        raise AssertionError(t("Foreslået frasorteret: {out}", out=", ".join(out)))


@step("then", rf"af (?:de )?(?P<total>{NUMBER}) {CANDIDATES} foreslås (?P<count>{NUMBER}) "
      "frasorteret", "Så af 5 ansøgere foreslås 1 frasorteret",
      also=((rf"foreslås (?P<count>{NUMBER}) af (?:de )?(?P<total>{NUMBER}) {CANDIDATES} "
             "frasorteret", "Så foreslås 1 af 2 ansøgere frasorteret"),
            (rf"foreslås (?P<count>{NUMBER}) af (?:ansøgerne|kandidaterne) frasorteret",
             "Så foreslås to af kandidaterne frasorteret"),
            (rf"er der (?P<count>{NUMBER}) (?:ansøgere|kandidater|ansøger|kandidat),? (?:der|som) "
             r"foreslås frasorteret", "Så er der to ansøgere, der foreslås frasorteret")),
      english=((rf"(?P<count>{NUMBER}) of (?:the )?(?P<total>{NUMBER}) {CANDIDATES} "
                r"(?:is|are) proposed for rejection",
                "Then 1 of 3 applicants is proposed for rejection"),))
def rejected_count(screening_context: Context, count: int, total: int | None = None) -> None:
    """How many of how many (or of all) candidates have a proposed knock-out."""
    results = _ranked(screening_context)
    out = [r.id for r in results if r.knockouts]
    total = len(results) if total is None else total
    if (len(results), len(out)) != (total, count):
        raise AssertionError(t("Af {total} ansøgere foreslås {count} frasorteret ({out}); "
                               "forventet {expected} af {expected_total}", total=len(results),
                               count=len(out), out=", ".join(out) or t("ingen"),
                               expected=count, expected_total=total))


ONE_OR_MORE = rf"(?P<names>{NAME}(?:(?:,| og) {NAME})*)"
ONE_OR_MORE_EN = rf"(?P<names>{NAME}(?:(?:,| and) {NAME})*)"
TAKEN = rf"når (?:der tages|vi tager) (?P<take>{NUMBER})"


@step("then", rf"går {ONE_OR_MORE} videre, {TAKEN}",
      "Så går Mette og Anders videre, når der tages to",
      also=((rf"{ONE_OR_MORE} går videre, {TAKEN}", "Og Karen går videre, når vi tager én"),
            (rf"(?:er|kommer) {ONE_OR_MORE} på shortlisten, {TAKEN}",
             "Så kommer Sofie på shortlisten, når der tages tre"),
            (rf"{ONE_OR_MORE} (?:er|kommer) på shortlisten, {TAKEN}",
             "Og Mette er på shortlisten, når vi tager to")),
      english=((rf"{ONE_OR_MORE_EN} go(?:es)? on when (?P<take>{NUMBER}) (?:are|is) taken",
                "Then Susanne and Bo go on when two are taken"),
               (rf"{ONE_OR_MORE_EN} (?:is|are) on the shortlist when (?P<take>{NUMBER}) "
                r"(?:are|is) taken", "Then Susanne is on the shortlist when two are taken")))
def named_go_on(screening_context: Context, names: list[str], take: int) -> None:
    """Who the shortlist takes when `take` go on, named as the other steps name them."""
    chosen = ", ".join(screening_context.named(name) for name in names)
    shortlist_of(screening_context, chosen, str(take))


def _top_band(screening_context: Context) -> str:
    return max(screening_context.chosen_profile().scoring.bands,
               key=lambda b: b.min_score).band


@step("then", rf"{WHO} går (?P<negated>ikke )?videre",
      "Og ansøgeren går ikke videre",
      also=((rf"går {WHO} (?P<negated>ikke )?videre", "Så går Mette videre"),),
      english=((rf"{WHO_EN} (?:goes|(?P<negated>does not go)) on(?: to the next round)?",
                "Then the applicant goes on to the next round"),))
def goes_on(screening_context: Context, who: str | None = None,
            negated: str | None = None) -> None:
    """A person's decision standing on this evidence, else the recommendation: the
    profile's top band ('Anbefales til næste runde'), or another the evidence has settled
    (a lower band, a proposed knock-out); a candidate still awaiting evidence, or too
    little assessed, has not been stopped."""
    result = _result(screening_context, who)
    decided = _standing(screening_context, result)
    if decided is not None:
        if (decided.outcome == ADVANCES) == bool(negated):
            raise AssertionError(t("'{candidate}': {decision}", candidate=result.id,
                                   decision=decision_line(decided)))
        return
    if negated and result.recommendation in (PENDING_BAND, SPARSE_BAND):
        raise AssertionError(t("'{candidate}' er ikke stoppet: anbefalingen er '{found}', og "
                               "evidensen har endnu ikke afgjort, om ansøgeren går videre",
                               candidate=result.id,
                               found=recommendation(result.recommendation_label)))
    if (result.recommendation == _top_band(screening_context)) == bool(negated):
        raise AssertionError(t("Anbefalingen for '{candidate}' er '{found}'",
                               candidate=result.id,
                               found=recommendation(result.recommendation_label)))


@step("then", rf"{WHO} er (?:utilstrækkeligt|for dårligt) belyst",
      "Og ansøgeren er utilstrækkeligt belyst",
      also=((rf"er {WHO} (?:utilstrækkeligt|for dårligt) belyst",
             "Så er ansøgeren for dårligt belyst"),),
      english=((rf"{WHO_EN} is insufficiently assessed",
                "Then the applicant is insufficiently assessed"),))
def too_little_known(screening_context: Context, who: str | None = None) -> None:
    """Too little of the profile is assessed to recommend anything yet."""
    result = _result(screening_context, who)
    if result.recommendation != SPARSE_BAND:
        raise AssertionError(t("Anbefalingen for '{candidate}' er '{found}', ikke "
                               "utilstrækkeligt belyst (dækning {coverage} %)",
                               candidate=result.id,
                               found=recommendation(result.recommendation_label),
                               coverage=decimal(str(result.coverage))))


@step("then", rf"anbefalingen for {WHO} er \"?(?P<label>[^\"]+)\"?",
      "Og anbefalingen for Nanna er Afventer belysning",
      also=((rf"er anbefalingen for {WHO} \"?(?P<label>[^\"]+)\"?",
             'Så er anbefalingen for Mette "Anbefales til næste runde"'),
            (rf"{WHO} (?P<pending>afventer belysning)", "Og Anders afventer belysning"),
            (rf"(?P<pending>afventer) {WHO} belysning", "Så afventer Anders belysning")),
      english=((rf"the recommendation for {WHO_EN} is \"?(?P<label>[^\"]+)\"?",
                "Then the recommendation for Nanna is Awaiting evidence"),
               (rf"{WHO_EN} is (?P<pending>awaiting evidence)",
                "Then Anders is awaiting evidence")))
def recommended(screening_context: Context, who: str | None = None,
                label: str | None = None) -> None:
    """A named candidate's recommendation: a band's label or the tool's own; without a label,
    'Afventer belysning' (what she has shown and what she may still reach fall in
    different bands)."""
    if label and len(label) > 1 and label[0] in QUOTES and label[-1] in QUOTES:
        label = label[1:-1]  # 'Kan overvejes', „Kan overvejes“: the label is inside
    recommendation_is(screening_context, label or PENDING_LABEL,
                      _result(screening_context, who).id)


QUOTES = "'‘’“”„«»"


@step("then", rf"(?:er )?(?P<what>scoren|dækningen) for {WHO} (?:er )?{BOUND} "
      rf"(?P<value>{FIGURE})(?: %)?", "Så er scoren for Mette mindst 70",
      also=((rf"{WHO} scorer {BOUND} (?P<value>{FIGURE})",
             "Og Mette scorer mindst 70"),
            (rf"scorer {WHO} {BOUND} (?P<value>{FIGURE})",
             "Så scorer Jonas højst 20"),
            (rf"har {WHO} en (?P<what>score|dækning) på {BOUND} "
             rf"(?P<value>{FIGURE})(?: %)?", "Så har Mette en score på mindst 70"),
            (rf"{WHO} har en (?P<what>score|dækning) på {BOUND} "
             rf"(?P<value>{FIGURE})(?: %)?", "Og Jonas har en dækning på højst 50 %"),
            (rf"er (?P<who>{NAME})s (?P<what>score|dækning) {BOUND} "
             rf"(?P<value>{FIGURE})(?: %)?", "Så er Mettes dækning mindst 60 %")),
      english=((rf"the (?P<what>score|coverage) (?:for|of) {WHO_EN} is {BOUND_EN} "
                rf"(?P<value>{FIGURE})(?: %)?", "Then the coverage for Bo is at most 50 %"),
               (rf"{WHO_EN} scores {BOUND_EN} (?P<value>{FIGURE})",
                "Then Susanne scores at least 20")))
def named_bounds(screening_context: Context, bound: str, value: str, who: str | None = None,
                 what: str = "scoren") -> None:
    """A named candidate's secured score or coverage, at least or at most a figure."""
    bounds(screening_context, what, bound, value, _result(screening_context, who).id)


COVERAGE_TEST = {"partly": lambda c: 0 < c < 100, "fully": lambda c: c == 100,
                 "none": lambda c: c == 0}


@step("then", r"(?:er )?(?P<category>de (?:faglige|ledelsesmæssige|personlige)) kompetencer "
      rf"(?:er )?(?P<coverage>kun delvist|fuldt|ikke) belyst{FOR_WHO}",
      "Så er de faglige kompetencer kun delvist belyst",
      english=((r"the (?P<category>professional|leadership|personal) competencies are "
                rf"(?P<coverage>only partly|fully|not) assessed{FOR_WHO_EN}",
                "Then the leadership competencies are only partly assessed"),))
def category_coverage(screening_context: Context, category: str, coverage: str,
                      who: str | None = None) -> None:
    """How much of a category's weight has evidence: kun delvist, fuldt, or ikke belyst."""
    result = _result(screening_context, who)
    actual = result.categories[category].coverage if category in result.categories else 0.0
    if not COVERAGE_TEST[coverage](actual):
        raise AssertionError(t("{category} er belyst for {coverage} % af vægten for "
                               "'{candidate}'", category=label(CATEGORY_TITLES, category),
                               coverage=decimal(str(actual)), candidate=result.id))


# unquoted words end before a trailing "for Ida": read into them, "nævner ikke topledelse for
# Ida" would look for "topledelse for Ida", find it nowhere and pass whatever Ida's reasoning
MENTIONED = r"(?P<negated>ikke )?\"?(?P<text>[^\"]+?)\"?"
MENTIONED_EN = r"(?P<negated>does not )?mentions? \"?(?P<text>[^\"]+?)\"?"


@step("then", rf"forklaringen for {WHO} nævner {MENTIONED}",
      'Og forklaringen for Mette nævner "Master of Public Administration"',
      also=((rf"forklaringen nævner {MENTIONED}{FOR_WHO}",
             "Og forklaringen nævner ikke topledelse for Mette"),
            (rf"nævner forklaringen {MENTIONED}{FOR_WHO}",
             "Så nævner forklaringen ikke topledelse"),
            (rf"nævner forklaringen for {WHO} {MENTIONED}",
             'Så nævner forklaringen for Bo "Albertslund Kommune"')),
      english=((rf"the reasoning {MENTIONED_EN}{FOR_WHO_EN}",
                'Then the reasoning mentions "Vestegnens"'),
               (rf"the reasoning for {WHO_EN} {MENTIONED_EN}",
                "Then the reasoning for Susanne does not mention Albertslund")))
def reasoning_mentions(screening_context: Context, text: str, who: str | None = None,
                       negated: str | None = None) -> None:
    """The explanation the committee reads mentions a word or phrase (or does not)."""
    from ..explain import explain

    result = _result(screening_context, who)
    explained = explain(screening_context.screening, result.id,
                        decision=screening_context.shown_decisions().get(result.id))
    if (text.casefold() in explained.casefold()) == bool(negated):
        raise AssertionError(t("Forklaringen for '{candidate}' nævner '{phrase}':" if negated
                               else "Forklaringen for '{candidate}' nævner ikke '{phrase}':",
                               candidate=result.id, phrase=text) + "\n" + explained)


SHOWN = r"(?:(?P<negated>ingen )|(?P<earlier>den tidligere ))?beslutning(?:en)?"


@step("then", rf"forklaringen for {WHO} viser {SHOWN}",
      "Og forklaringen for Sofie viser beslutningen",
      also=((rf"viser forklaringen for {WHO} {SHOWN}",
             "Så viser forklaringen for Jonas ingen beslutning"),),
      english=((rf"the reasoning for {WHO_EN} shows (?:(?P<negated>no )|the "
                r"(?P<earlier>earlier )?)decision",
                "Then the reasoning for Peter shows the earlier decision"),))
def decision_shown(screening_context: Context, who: str | None = None,
                   negated: str | None = None, earlier: str | None = None) -> None:
    """The explanation names a person's decision on the candidate (standing, or made at
    another stage: 'den tidligere beslutning' says that), or no decision."""
    from ..explain import explain

    result = _result(screening_context, who)
    shown = screening_context.shown_decisions().get(result.id)
    explained = explain(screening_context.screening, result.id, decision=shown)
    if negated and shown is not None:
        raise AssertionError(t("Forklaringen for '{candidate}' viser en beslutning:",
                               candidate=result.id) + "\n" + decision_line(shown))
    if earlier and shown is not None and not shown.on_other_evidence:
        raise AssertionError(t("Beslutningen om '{candidate}' står på dette grundlag:",
                               candidate=result.id) + "\n" + decision_line(shown))
    if not negated and (shown is None or decision_line(shown) not in explained):
        raise AssertionError(t("Forklaringen for '{candidate}' viser ingen beslutning:",
                               candidate=result.id) + "\n" + explained)


@step("then", r"(?:kilderne er|er kilderne) (?P<negated>ikke )?uenige om (?P<crit>[^\"].*)",
      "Så er kilderne uenige om gennemslagskraft",
      also=((r"er der (?P<negated>ikke )?uenighed om (?P<crit>[^\"].*)",
             "Så er der uenighed om enhedsdirektionen"),),
      english=((r"the sources (?P<negated>do not )?disagree (?:on|about) (?P<crit>.+)",
                "Then the sources disagree on enhedsdirektion"),))
def sources_disagree(screening_context: Context, crit: CriterionRef,
                     negated: str | None = None) -> None:
    """The sources (interview, test, references) score a criterion far apart."""
    result, outcome = _criterion_outcome(screening_context, crit, None)
    if outcome.disagreement == bool(negated):
        scores = "; ".join(f"{e.source} {e.value}" for e in outcome.evidence)
        raise AssertionError(t("Kilderne er uenige om '{criterion}' for '{candidate}' ({scores})"
                               if outcome.disagreement else
                               "Kilderne er ikke uenige om '{criterion}' for '{candidate}' "
                               "({scores})", criterion=outcome.criterion.name,
                               candidate=result.id, scores=scores))


BEST = r"(?:den bedste|bedst|den bedst placerede|øverst)"


@step("then", rf"(?:er )?den bedste (?:er )?{WHO}", "Så er den bedste Mette Kjær",
      also=((rf"{WHO} (?:er|ligger) {BEST}", "Og Mette er den bedste"),
            (rf"(?:er|ligger) {WHO} {BEST}", "Så er Mette den bedste")),
      english=((rf"the best is {WHO_EN}", "Then the best is Susanne"),
               (rf"{WHO_EN} is the best", "Then Susanne is the best")))
def the_best(screening_context: Context, who: str | None = None) -> None:
    """The candidate ranked first, alone."""
    ranked = _ranked(screening_context)
    wanted = screening_context.named(who) or screening_context.current
    first = [r.id for r in ranked if r.rank == 1]
    if first != [wanted]:
        raise AssertionError(t("Bedst er {first}; forventet {wanted}",
                               first=t(" og ").join(first), wanted=wanted)
                             + "\n" + _order(ranked))


@step("then", rf"{WHO} (?:er|ligger) (?:sidst|nederst|den sidste)", "Og Jonas ligger sidst",
      also=((rf"(?:er|ligger) {WHO} (?:sidst|nederst|den sidste)", "Så er Jonas sidst"),),
      english=((rf"{WHO_EN} (?:is|ranks|comes) last", "Then Bo is last"),))
def the_last(screening_context: Context, who: str | None = None) -> None:
    """The candidate ranked last, alone (proposed knock-outs rank after the others)."""
    ranked = _ranked(screening_context)
    wanted = screening_context.named(who) or screening_context.current
    last = [r.id for r in ranked if r.rank == ranked[-1].rank]
    if last != [wanted]:
        raise AssertionError(t("Sidst er {last}; forventet {wanted}",
                               last=t(" og ").join(last), wanted=wanted)
                             + "\n" + _order(ranked))


@step("then", rf"(?:er )?de (?P<n>{NUMBER}) bedste (?:er )?(?P<names>.+)",
      "Så er de to bedste Mette Kjær og Anders Lykke",
      also=((rf"(?:er )?(?P<names>{NAME}(?:(?:,| og) {NAME})+) (?:er )?de (?P<n>{NUMBER}) "
             r"bedste", "Så er Anders og Mette de to bedste"),),
      english=((rf"the (?:best|top) (?P<n>{NUMBER}) are (?P<names>.+)",
                "Then the top two are Susanne and Bo"),))
def the_best_few(screening_context: Context, n: int, names: list[str]) -> None:
    """The n candidates ranked highest (proposed knock-outs rank last); a tie at the n-th
    place is not cut at random but reported."""
    ranked = _ranked(screening_context)
    wanted = sorted(screening_context.named(name) for name in names)
    if len(wanted) != n:
        raise AssertionError(t("Trinnet nævner {names} navne, men siger de {n} bedste",
                               names=len(wanted), n=n))
    best = ranked[:n]
    tied = [r.id for r in ranked[n:] if best and r.rank == best[-1].rank]
    actual = sorted(r.id for r in best)
    if actual != wanted or tied:
        raise AssertionError(t("De {n} bedste er {actual}; forventet {wanted}", n=n,
                               actual=", ".join(actual), wanted=", ".join(wanted))
                             + (t(" (uafgjort med {tied})", tied=", ".join(tied)) if tied else "")
                             + "\n" + _order(ranked))


@step("then", rf"{WHO} (?:er|ligger) (?:nummer (?P<rank>{NUMBER})|på {PLACE})",
      "Og Bo er nummer fire",
      also=((rf"(?:er|ligger) {WHO} (?:nummer (?P<rank>{NUMBER})|på {PLACE})",
             "Så ligger Susanne på andenpladsen"),),
      english=((rf"{WHO_EN} (?:is|ranks) (?:number (?P<rank>{NUMBER})|in (?:the )?(?P<place>[a-z]+"
                r"|\d+(?:st|nd|rd|th)) place)", "Then Bo is number four"),
               (rf"{WHO_EN} (?:is ranked|ranks|comes) (?P<place>[a-z]+|\d+(?:st|nd|rd|th))",
                "Then Susanne is ranked first")))
def placed_at(screening_context: Context, who: str | None = None, rank: int | None = None,
              place: int | None = None) -> None:
    """A candidate's place in the ranking; candidates who tie share it (1, 2, 2, 4)."""
    ranked = _ranked(screening_context)
    result = _result(screening_context, who)
    wanted = rank if rank is not None else place
    if result.rank != wanted:
        raise AssertionError(t("'{candidate}' er nummer {rank}, forventet nummer {wanted}",
                               candidate=result.id, rank=result.rank, wanted=wanted)
                             + "\n" + _order(ranked))


BEFORE = r"(?:ligger|kommer|er placeret) (?:før|over|foran)"
AFTER = r"(?:ligger|kommer|er placeret) (?:efter|under|bag)"


@step("then", rf"{WHO} {BEFORE} {OTHER}", "Og Mette Kjær ligger før Anders Lykke",
      also=((rf"(?:ligger|kommer) {WHO} (?:før|over|foran) {OTHER}", "Så ligger Ida før Bo"),
            # the same said from the other end: who is the one before
            (rf"{OTHER} {AFTER} {WHO}", "Og Bo ligger efter Ida"),
            (rf"(?:ligger|kommer) {OTHER} (?:efter|under|bag) {WHO}", "Så kommer Bo efter Ida"),
            (rf"er {WHO} placeret (?:før|over|foran) {OTHER}", "Så er Ida placeret før Bo"),
            (rf"er {OTHER} placeret (?:efter|under|bag) {WHO}", "Så er Bo placeret bag Ida")),
      english=((rf"{WHO_EN} (?:ranks|is ranked|comes) (?:above|before|ahead of) "
                rf"(?P<other>{NAME})", "Then Susanne ranks above Bo"),
               (rf"{OTHER_EN} (?:ranks|is ranked|comes) (?:below|after|behind) {WHO_EN}",
                "Then Bo ranks below Susanne")))
def ranks_before(screening_context: Context, who: str | None, other: str | None) -> None:
    """One candidate is ranked before another."""
    a = _result(screening_context, who)
    b = _result(screening_context, other)
    if a.rank >= b.rank:  # a tie (the same rank) is not before either
        raise AssertionError(t("'{a}' er nummer {a_rank}, '{b}' nummer {b_rank}", a=a.id,
                               a_rank=a.rank, b=b.id, b_rank=b.rank)
                             + "\n" + _order(_ranked(screening_context)))


@step("then", rf"{NAMES} deler (?P<negated>ikke )?{PLACE}", "Og Susanne og Anne deler andenpladsen",
      also=((rf"deler {NAMES} (?P<negated>ikke )?{PLACE}", "Så deler Susanne og Bo pladsen"),
            (rf"{NAMES} (?:står|ligger) (?P<negated>ikke )?lige", "Og Susanne og Anne står lige"),
            (rf"(?:står|ligger) {NAMES} (?P<negated>ikke )?lige",
             "Så står Susanne og Bo ikke lige"),
            (rf"(?P<one>{NAME}) deler (?P<negated>ikke )?{PLACE} med (?P<another>{NAME})",
             "Og Susanne deler andenpladsen med Anne"),
            (rf"deler (?P<one>{NAME}) (?P<negated>ikke )?{PLACE} med (?P<another>{NAME})",
             "Så deler Susanne pladsen med Anne")),
      english=((rf"{NAMES_EN} (?P<negated>do not )?share {PLACE_EN}",
                "Then Susanne and Bo share a rank"),
               (rf"{NAMES_EN} are (?P<negated>not )?tied", "Then Susanne and Anne are tied"),
               (rf"(?P<one>{NAME}) (?:shares|(?P<negated>does not share)) {PLACE_EN} with "
                rf"(?P<another>{NAME})", "Then Susanne shares second place with Anne"),
               (rf"(?P<one>{NAME}) is (?P<negated>not )?tied with (?P<another>{NAME})",
                "Then Susanne is tied with Anne")))
def share_rank(screening_context: Context, names: list[str] | None = None,
               negated: str | None = None, place: int | None = None, one: str | None = None,
               another: str | None = None) -> None:
    """Candidates share a place in the ranking (the same secured and possible score, and
    alike in having a proposed knock-out or not); the place may be named."""
    ranked = _ranked(screening_context)
    results = [_result(screening_context, name) for name in names or (one, another)]
    ranks = {r.rank for r in results}
    shared = len(ranks) == 1 and place in (None, *ranks)
    if shared == bool(negated):
        expected = (t("forskellige pladser") if negated else t("samme plads") if place is None
                    else t("at dele {place}. pladsen", place=place))
        raise AssertionError(t("Pladserne er {places}; forventet {expected}",
                               places=", ".join(_placed(r) for r in results),
                               expected=expected)
                             + "\n" + _order(ranked))


def _order(ranked: tuple[CandidateResult, ...]) -> str:
    """The whole ranking, with the scores that decide it, as a failing step shows it."""
    return t("Rækkefølge: {ranks}", ranks=", ".join(_placed(r) for r in ranked))


def _placed(result: CandidateResult) -> str:
    """'2. i01-susanne-moeller (27,3–100,0)': the place and the scores that decide it."""
    return f"{result.rank}. {result.id} ({score_range(result.total)})"


@step("then", r"(?P<stage>(?:efter|til|på|ved) [^,]+?),? (?P<outcome>(?:lever|opfylder|er|går|"
      r"foreslås|skal|nævner|ligger|kommer|deler|står|kan|viser|afventer|scorer|"
      r"bliver) .+)",
      "Men efter referencerne lever ansøgeren op til ønsket om ordentlighed",
      english=((r"(?P<stage>(?:after|at|for) [^,]+?), (?P<outcome>.+)",
                "But after the references, the applicant meets the wish for ordentlighed"),))
def at_stage(screening_context: Context, stage: str, outcome: Reading) -> None:
    """An outcome at another stage of the process: the candidates are screened again as
    they stand then."""
    screening_context.rescreen(stage)
    outcome.run(screening_context=screening_context)

