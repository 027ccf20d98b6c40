"""The reading of the Danish wording (docs/reading-profiles.md) that lint and drafters share."""

from __future__ import annotations

import re

import pytest

from screening import wording
from screening.wording import Reading, read_wording

from .conftest import ROOT

GUIDE = ROOT / "docs" / "reading-profiles.md"

# Statements of the seeds, read as the guide reads them.
READINGS = [
    ("Det er afgørende, at du har ledelseserfaring på højt niveau fra en politisk styret "
     "organisation", {}, Reading("krav", None, ("afgørende",))),
    ("Det er afgørende, at du har ledelseserfaring", {"softened": True},
     Reading("krav", None, ("afgørende",))),
    ("Det forventes, at du har indsigt i skoleområdet", {}, Reading("krav", None, ("forventes",))),
    ("Det forventes, at du har indsigt i skoleområdet", {"softened": True},
     Reading("ønske", 2.0, ("forventes",))),
    ("Har du en ledelsesmæssig efteruddannelse er det desuden et plus.", {},
     Reading("ønske", None, ("et plus",))),
    ("Der må selvsagt gerne være ledelsesarbejde fra arbejdsmarkeds- og/eller "
     "social-/sundhedsområdet i bagagen – men det er ikke en betingelse.", {},
     Reading("ønske", None, ("gerne",))),
    ("Erfaring med mediehåndtering vægtes positivt, herunder særligt rollen som rådgiver "
     "omkring mediehåndtering.", {}, Reading("ønske", None, ("vægtes positivt",))),
    ("Politisk forståelse og en sikker hånd i forhold til den politiske betjening og "
     "rådgivning er vigtige kompetencer", {}, Reading("ønske", 2.0, ("vigtige",))),
    ("Ser økonomistyring som en opgave, der kræver særligt direktørfokus", {"softened": True},
     Reading("ønske", 2.0, ("særligt",))),
    ("du skal kunne sætte dig igennem, hvor det er nødvendigt", {"softened": True},
     Reading("ønske", 2.0, ("skal",))),
    ("Samtidig er du ikke bange for at stille dig frem, tage ansvar og skærme organisationen, "
     "når det er påkrævet.", {}, Reading("ønske", None, ())),
    ("Vi skal have et blik for, at kommunens samlede økonomi er stabil og bæredygtig på sigt",
     {}, Reading("ønske", 2.0, ("vi skal",))),
    ("Derfor lægger vi vægt på tværfagligt samarbejde", {},
     Reading("ønske", 2.0, ("lægger vi vægt på",))),
    ("Ærlighed er afgørende for succes i ledelsesopgaven.", {"organisation": True},
     Reading("ønske", 2.0, ("afgørende",))),
    ("Det forventes ikke, at du er ekspert på alle områderne, men du skal have kendskab til et "
     "eller flere af de opgaveområder", {}, Reading("krav", None, ("skal",))),
    ("Er pragmatisk og vedholdende for få ting til at lykkes", {}, Reading("ønske", None, ())),
    # a decisive word negated decides nothing: these were drafted as krav, knock-outs for
    # what the text says a candidate can do without
    ("Det er ikke afgørende, at du har ledet ledere.", {}, Reading("ønske", None, ())),
    ("Det er ikke nødvendigt, at du kender skoleområdet, men det er en fordel.", {},
     Reading("ønske", None, ("fordel", "en fordel"))),
    ("En pædagogisk uddannelse kræves ikke.", {}, Reading("ønske", None, ())),
    ("Det er ikke en forudsætning, at du har en master.", {}, Reading("ønske", None, ())),
    # nor one that describes a thing: the Helsingør draft made krav of these
    ("Den nye direktør træder ind i en organisation, hvor direktøren bliver en afgørende "
     "spiller i udviklingen af de politiske dagsordener", {}, Reading("ønske", None, ())),
    ("Du skal have fokus på alle områderne og sikre den nødvendige løbende udvikling", {},
     Reading("krav", None, ("skal",))),
    ("Ledere bedømmes i forhold til, om de skaber de nødvendige resultater", {},
     Reading("ønske", None, ())),
    # a passive requirement of the process asks nothing of the candidate: the HTK draft
    # made a krav, a knock-out scenario, of the e-mail address the secretariat writes to
    ("Det forudsættes, at denne mailadresse kan anvendes til den fortrolige kommunikation "
     "mellem ansøger og sekretariat i resten af ansættelsesprocessen.", {},
     Reading("ønske", None, ())),
    ("Det forventes også, at ansøgningen er fremme senest 1. maj.", {},
     Reading("ønske", None, ())),
    ("It is required that the address can be used for the process.", {},
     Reading("ønske", None, ())),
    ("Det forventes derfor, at den kommende direktør:", {}, Reading("krav", None, ("forventes",))),
    ("Inden for det første år forventes det, at direktøren tager initiativ", {},
     Reading("krav", None, ("forventes",))),
    ("Det forudsættes, at vedkommende kan tale dansk.", {},
     Reading("krav", None, ("forudsættes",))),
    # English, by the rules the Danish words follow: emphasis weighs (R4), "must" in the
    # passive asks nothing of the person (R6), a softened list makes weighted ønsker (R7)
    ("It is particularly important that you communicate clearly.", {},
     Reading("ønske", 2.0, ("particularly", "important"))),
    ("We place great emphasis on your integrity.", {}, Reading("ønske", 2.0, ("emphasis on",))),
    ("Above all, you must be curious.", {}, Reading("krav", None, ("must",))),
    ("Experience of leading leaders must be documented.", {}, Reading("ønske", None, ())),
    ("Applications must be submitted by 1 March 2025.", {}, Reading("ønske", None, ())),
    ("You must be prepared to work closely with the council.", {},
     Reading("krav", None, ("must",))),
    ("The candidate must be experienced in budgets.", {}, Reading("krav", None, ("must",))),
    ("You must have led leaders.", {"softened": True}, Reading("ønske", 2.0, ("must",))),
    ("You are expected to be visible and accessible.", {},
     Reading("krav", None, ("you are expected",))),
    ("We expect you to have led leaders.", {}, Reading("krav", None, ("we expect you",))),
    ("It is expected that you have led leaders.", {},
     Reading("krav", None, ("it is expected that",))),
    ("It is expected that the first interviews take place in March.", {},
     Reading("ønske", None, ())),
    ("We do not expect you to know every field.", {}, Reading("ønske", None, ())),
    # "skal" said of a thing asks nothing of the person: the Ishøj draft made knock-outs of
    # what steering and the work programme are to be (R6)
    ("Styring skal være en måde at skabe udvikling i organisationen.", {},
     Reading("ønske", None, ())),
    ("Arbejdsprogrammet og årshjulet skal være et redskab til at sætte mere fokus på det "
     "tværgående.", {}, Reading("ønske", None, ())),
    ("Medarbejderne skal have gode rammer for at løse opgaverne fagligt solidt.", {},
     Reading("ønske", None, ())),
    ("Omfanget af den enkelte kerneopgave (fx: hvor mange borgere skal have ydelsen)", {},
     Reading("ønske", None, ())),
    ("Derfor skal lederne gå forrest.", {}, Reading("krav", None, ("skal",))),
    # "what is expected" names no obligation: the Ishøj draft made it a knock-out
    ("Når vi anvender styringsværktøjer, gør vi det lettere for kommunens ledere at se og "
     "fornemme, hvad der forventes, når opgaverne skal løses.", {}, Reading("ønske", None, ())),
    ("I den sidste ende skal en leder fremstå som et ordentligt menneske.", {},
     Reading("krav", None, ("skal",))),
    ("Din ledelse skal være tydelig og nærværende.", {}, Reading("krav", None, ("skal",))),
    ("Den nye direktør skal kunne samle organisationen.", {}, Reading("krav", None, ("skal",))),
    ("Vores nye kollega skal have erfaring med budgetter.", {},
     Reading("krav", None, ("skal",))),
    ("Den rette profil skal have ledet ledere.", {}, Reading("krav", None, ("skal",))),
    ("Som enhedsdirektion er vi opmærksomme på, at der skal være balance mellem udvikling og "
     "drift.", {}, Reading("ønske", 2.0, ("der skal",))),
]


@pytest.mark.parametrize(("text", "context", "expected"), READINGS,
                         ids=[text[:40] for text, _, _ in READINGS])
def test_the_seeds_wording_reads_as_the_guide_says(text, context, expected):
    assert read_wording(text, **context) == expected


# A requirement word makes a krav only when it is said of the person: "nødvendig
# koordinering" (the Helsingør text's "Direktionen sidder fysisk sammen ... for at sikre et
# tæt dagligt samspil og nødvendig koordinering på tværs") is a necessity of the job, and was
# drafted as a krav, a proposed knock-out for no one's fault.
OF_A_THING = [
    "Direktionen sidder fysisk sammen og tæt på borgmesteren for at sikre et tæt dagligt "
    "samspil og nødvendig koordinering på tværs.",
    "Du sikrer nødvendig koordinering med regionen.",
    "Du har afgørende betydning for samarbejdet med byrådet.",
    "Der sker et relevant og nødvendigt samarbejde på tværs af enhederne.",
    "Du kan håndtere modsatrettede krav fra borgere og politikere.",
    "Ledere sikrer udførelsen af lovgivningsmæssige krav og politiske beslutninger.",
    "Organisationens innovative kraft skal understøttes.",
    "Opgaverne skal derfor løses i tæt samarbejde med regionen.",
    # said of the task, the post or the organisation: what the work needs
    "Opgaven kræver tæt koordinering på tværs af forvaltningerne.",
    "Ledelsesopgaven kræver derfor koordinering med regionen.",
    "Organisering og fysisk placering af specialtilbud er en del af indsatsen, som også "
    "kræver opmærksomhed.",
    "Stillingen forudsætter tæt koordinering med regionen.",
    "Opgaven kræver digital omstilling af hele forvaltningen.",
    "The task requires close coordination across the departments.",
    "It is a role which requires close coordination with the region.",
]
OF_THE_PERSON = [
    ("Det er nødvendigt, at du har erfaring med koordinering.", "nødvendigt"),
    ("Det er helt afgørende, at du har ledet ledere.", "afgørende"),
    ("Det afgørende er, at du har ledet ledere.", "afgørende"),
    ("Erfaring med ledelse af ledere er nødvendig for at lykkes i stillingen.", "nødvendig"),
    ("Det er et krav, at du har en kandidatuddannelse.", "krav"),
    ("Du skal kunne koordinere på tværs af forvaltningerne.", "skal"),
    ("Du skal trives med et højt tempo.", "skal"),
    ("Direktøren skal lykkes med at samle de to forvaltninger.", "skal"),
    ("Som direktør skal du stå for ordentlighed og skal understøtte en sund kultur.", "skal"),
    ("Afgørende", "afgørende"),
    # the work requiring the person, or what the person brings
    ("Stillingen kræver en leder med forståelse for medarbejdernes behov.", "kræver"),
    ("Opgaven kræver, at du kan koordinere på tværs.", "kræver"),
    ("Rollen kræver erfaring med politisk betjening.", "kræver"),
    ("The post requires a leader with an overview of the whole organisation.", "requires"),
    ("The role requires that you can coordinate across the departments.", "requires"),
]


@pytest.mark.parametrize("text", OF_A_THING, ids=[text[:40] for text in OF_A_THING])
def test_a_requirement_word_said_of_a_thing_makes_no_krav(text):
    assert read_wording(text) == Reading("ønske", None, ())


@pytest.mark.parametrize(("text", "word"), OF_THE_PERSON,
                         ids=[text[:40] for text, _ in OF_THE_PERSON])
def test_a_requirement_word_said_of_the_person_makes_a_krav(text, word):
    assert read_wording(text) == Reading("krav", None, (word,))


def test_the_reading_unpacks_as_priority_weight_and_words():
    priority, weight, words = read_wording("Du skal have et godt strategisk blik")
    assert (priority, weight, words) == ("krav", None, ("skal",))


def test_words_inside_other_words_do_not_count():
    assert read_wording("resultatkrav og lovkrav i skalaen").words == ()


def test_softeners_are_recognised():
    assert wording.is_softener("Vi forventer ikke, at du kan alt, men at du besidder flest "
                               "mulig af nedenstående egenskaber")
    assert not wording.is_softener("Det forventes, at du har indsigt i skoleområdet")
    assert wording.is_softener("We do not expect you to have it all, but as many as possible "
                               "of the following qualities.")
    assert not wording.is_softener("We expect you to have led leaders.")


@pytest.mark.parametrize("table", ["DECISIVE_WORDS", "OBLIGATION_WORDS", "WISH_WORDS",
                                   "EMPHASIS_WORDS", "ORGANISATION_VOICE", "NEUTRAL_PHRASES",
                                   "SOFTENERS", "CELL_WISH_WORDS"])
def test_the_guide_lists_every_word_the_code_reads(table):
    guide = re.sub(r"\s+", " ", GUIDE.read_text(encoding="utf-8"))
    missing = [w for w in getattr(wording, table) if w not in guide]
    assert not missing, f"{table}: not in {GUIDE.name}: {missing}"


def test_the_guide_documents_every_wording_lint_code():
    from screening import lint

    codes = set(re.findall(r"\bL30\d\b", lint.__doc__))
    guide = GUIDE.read_text(encoding="utf-8")
    assert codes == {"L301", "L302", "L303", "L304", "L305"}
    assert all(f"| {code} |" in guide for code in codes)


def test_the_guides_table_of_accepted_l303_gives_each_shipped_reason():
    """The guide lists every krav a shipped profile makes by what the post is (L303 accepted)
    with the words its reason quotes, which `profile show` prints: it gave Ishøj's
    centerchef the criterion's quote instead."""
    from ruamel.yaml import YAML

    guide = GUIDE.read_text(encoding="utf-8")
    start = guide.index("The shipped ones:")
    shown = guide[start:guide.index("\n#", start)]
    cells = r"^\| ([^|]+?) \| ([^|]+?) \| (.+?) \|$"
    rows = re.findall(cells, shown, re.M)[1:]  # after the heading row
    accepted = {}
    for path in (ROOT / "rules").glob("*.yaml"):
        profile = YAML(typ="safe").load(path)
        for criterion in profile["criteria"]:
            for ignored in criterion.get("lint_ignore", []):
                if ignored["code"] == "L303":
                    accepted[profile["profile"]["id"], criterion["id"]] = ignored["reason"]
    listed = {}
    for profile_id, criterion_id, post in rows:
        (key,) = [(p, c) for p, c in accepted if c == criterion_id and
                  re.fullmatch(re.escape(profile_id).replace("…", ".*"), p)]
        listed[key] = post
    assert listed.keys() == accepted.keys()
    unquoted = str.maketrans("", "", "'\"")
    for key, post in listed.items():
        assert post.translate(unquoted) in accepted[key].translate(unquoted), (key, post)
