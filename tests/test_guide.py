"""The interview guide lists exactly what the next stage should settle; questions in rule files."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from screening import conditions as cond
from screening import guide, guide_docx
from screening.candidates import load_records
from screening.cli import main
from screening.errors import RuleFileError
from screening.guide import NEXT_STAGES, evidence_stage
from screening.i18n import set_language
from screening.report import knockout_ids
from screening.rulefiles import find_profile, load_profile
from screening.screen import screen
from screening.stages import SOURCES
from screening.vocabulary import PRIORITIES, STAGES, label

from .conftest import EXAMPLES, ROOT

PROFILES = sorted((ROOT / "rules").glob("*.yaml"))


def run(*args: str):
    return CliRunner().invoke(main, list(args), env={"SCREENING_RULES": str(ROOT / "rules")})


def stages_taking_evidence(criterion) -> set[str]:
    """From the profile as written: an `assessed` takes its `by:`, else the criterion's
    sources; anything else it reads (a fact, an item of the CV) is asked about at the
    criterion's sources."""
    nodes = [n for tree in (criterion.when, criterion.partial) if tree
             for n in cond.walk(tree)]
    stages = {s for n in nodes if isinstance(n, cond.Assessed)
              for s in (n.by or criterion.sources)}
    if any(isinstance(n, cond.Compare | cond.Some) for n in nodes):
        stages |= set(criterion.sources)
    return stages


def expected(folder: Path, next_stage: str, lang: str) -> dict[str, tuple[list, list]]:
    """Per candidate, from the screening on the evidence before `next_stage`, of the criteria
    still open (not yet belyst, sources that disagree, a krav only partly met, or an ønske
    partly met so far): those to settle at `next_stage` (it takes evidence there, or no stage
    still to come does), as (id, heading), and the rest as the line naming each with the
    stages to come that can settle it."""
    profile = load_profile(find_profile(folder.name, ROOT / "rules"))
    loaded, problems = load_records([folder])
    assert not problems
    screening = screen(profile, [r.record for r in loaded], evidence_stage(next_stage))
    to_come = SOURCES[SOURCES.index(next_stage):]
    at = "Kan belyses ved" if lang == "da" else "Can be assessed at"
    found = {}
    set_language(lang)
    try:
        for r in screening.results:
            now, later = [], []
            for o in r.outcomes:
                c = o.criterion
                if not (o.status == "ikke_belyst" or o.disagreement or o.open_points
                        or (c.priority == "krav" and o.status == "delvist")):
                    continue
                stages = [s for s in to_come if s in stages_taking_evidence(c)]
                heading = f"[{label(PRIORITIES, c.priority)}] {c.name}"
                if next_stage in stages or not stages:
                    now.append((c.id, heading))
                else:
                    later.append(f"{heading}. {at}: "
                                 + ", ".join(label(STAGES, s) for s in stages))
            found[r.id] = (sorted(now), sorted(later))
    finally:
        set_language("da")
    return found


def split_in(fmt: str, path: Path) -> dict[str, tuple[list, list]]:
    """Per candidate, the items to settle now (criterion ids in HTML, headings in Markdown
    and Word) and the lines naming those for a later stage, as the guide shows them."""
    found = {}
    if fmt == "docx":
        current = None
        for paragraph in docx.Document(str(path)).paragraphs:
            style = paragraph.style.name
            if style == "Heading 1":
                current = found.setdefault(re.search(r"\(([^()]+)\)$", paragraph.text)
                                           .group(1), ([], []))
            elif style == "Heading 2":
                current[0].append(paragraph.text)
            elif style == "List Bullet":
                current[1].append(paragraph.text)
    elif fmt == "html":
        text = path.read_text("utf-8")
        for section in text.split('<section class="candidate" id="c-')[1:]:
            candidate = section.split('"', 1)[0]
            found[candidate] = (
                re.findall(rf'<article class="guide-item" id="c-{re.escape(candidate)}-([^"]+)"',
                           section),
                [unescape(li) for later in re.findall(r'<section class="later">(.*?)</section>',
                                                      section, re.S)
                 for li in re.findall(r"<li>(.*?)</li>", later)])
    else:
        for section in path.read_text("utf-8").split("\n## ")[1:]:
            heading, _, rest = section.partition("\n")
            found[re.search(r"\(([^()]+)\)$", heading).group(1)] = (
                re.findall(r"^### (.+)$", rest, re.M), re.findall(r"^- (\[.+)$", rest, re.M))
    return {c: (sorted(now), sorted(later)) for c, (now, later) in found.items()}


@pytest.mark.parametrize("next_stage", NEXT_STAGES)
@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda p: p.name)
def test_the_guide_asks_what_the_next_stage_settles_and_names_the_rest(folder, next_stage,
                                                                       tmp_path):
    """The guide for NEXT asks about what NEXT can settle, and what no stage still to come
    can; it names what a later stage settles, with those stages, and asks nothing of it."""
    for lang in ("da", "en"):
        want = expected(folder, next_stage, lang)
        assert set(want) == {p.stem for p in folder.iterdir()}
        for fmt, suffix in (("markdown", "md"), ("html", "html"), ("docx", "docx")):
            out = tmp_path / f"guide-{lang}.{suffix}"
            result = run("--lang", lang, "guide", folder.name, str(folder), "--stage",
                         next_stage, "--format", fmt, "--out", str(out))
            assert result.exit_code == 0, result.output
            shown = split_in(fmt, out)
            assert list(shown) == list(want) if fmt != "html" else set(shown) == set(want)
            for candidate, (now, later) in want.items():
                now_shown = [i for i, _ in now] if fmt == "html" else sorted(h for _, h in now)
                assert shown[candidate] == (now_shown, later), (fmt, lang, candidate)


def test_a_criterion_is_asked_about_at_the_stages_its_assessments_are_taken_by(tmp_path):
    """An `assessed` with `by:` takes the competency from those stages only: a criterion
    whose sources name the first interview, but whose assessment is taken by the second
    alone, is for the second interview's guide, not the first's."""
    folder = ROOT / "examples" / "candidates" / "helsingor-direktor-2024"
    text = (ROOT / "rules" / f"{folder.name}.yaml").read_text("utf-8")
    assert text.count("when: {assessed: ledelse_gennem_andre}") == 1
    rules = tmp_path / f"{folder.name}.yaml"
    rules.write_text(text.replace("when: {assessed: ledelse_gennem_andre}",
                                  "when: {assessed: ledelse_gennem_andre, by: [samtale2]}"),
                     "utf-8")
    (criterion,) = [c for c in load_profile(rules).criteria
                    if "samtale1" in c.sources and c.when == cond.Assessed(
                        "ledelse_gennem_andre", ("samtale2",), None)]
    loaded, problems = load_records([folder])
    assert not problems
    screening = screen(load_profile(rules), [r.record for r in loaded], "ansøgning")
    (first, *_) = guide.guide(screening, "samtale1")
    assert criterion.id not in {i.criterion.id for i in first.items}
    (later,) = [i for i in first.later if i.criterion.id == criterion.id]
    assert later.sources_to_come == ("samtale2",)
    assert f"{criterion.name}. Kan belyses ved: samtale2" in guide.markdown(
        screening, "samtale1", [first])


@pytest.mark.parametrize(("lang", "said"), [
    ("da", "De åbne kriterier, et senere stadie afklarer, nævnes kort under hver kandidat"),
    ("en", "The open criteria a later stage settles are named briefly under each candidate")])
def test_the_help_says_the_guide_asks_only_what_the_stage_settles(lang, said):
    result = run("--lang", lang, "guide", "--help")
    assert result.exit_code == 0
    assert said in " ".join(result.stdout.split())


@pytest.mark.parametrize(("lang", "said"), [
    ("da", "En beslutning på andet grundlag (et andet stadie eller en anden udgave af posten) "
           "vises, men følges ikke"),
    ("en", "A decision made on other evidence (another stage, or another version of the "
           "record) is shown, not followed")])
def test_the_help_says_a_decision_on_other_evidence_is_shown_not_followed(lang, said):
    """The help said a candidate decided not to go on gets no questions; one stopped after
    the test still got the second interview's questions (the decision was made on other
    evidence), and the consultant who read the help expected her left out."""
    result = run("--lang", lang, "guide", "--help")
    assert result.exit_code == 0
    assert said in " ".join(result.stdout.split())


def test_a_hand_checked_guide_for_the_second_interview():
    """Anders Lykke after the references (README): the interview and the reference disagree
    on gennemslagskraft; five ønsker are not belyst yet; three are delvist so far, which the
    second interview may lift (a 5 there makes a 3 so far a mean of 4); every krav is met."""
    folder = ROOT / "examples" / "candidates" / "helsingor-direktor-2024"
    result = run("guide", "helsingor-direktor-2024", str(folder), "--stage", "samtale2",
                 "--id", "k02-anders-lykke")
    assert result.exit_code == 0, result.output
    headings = re.findall(r"^### (.+)$", result.stdout, re.M)
    assert headings == [
        "[ønske] Mestrer ledelse gennem andre",
        "[ønske] Inspirerende, værdibaseret og anerkendende ledelsesstil",
        "[ønske] Kan sætte sig igennem og lytte og inddrage",
        "[ønske] Stiller sig frem, tager ansvar og skærmer organisationen",
        "[ønske] Strategisk blik og solide analytiske egenskaber",
        "[ønske] Udviklingsorienteret med afsæt i viden og evidens",
        "[ønske] Forståelse for økonomi og juridiske rammer",
        "[ønske] Dygtig, åben og ærlig kommunikator",
        "[ønske] Begår sig smidigt på alle niveauer og taler med alle i øjenhøjde",
    ]
    disagreeing = result.stdout.split("### ")[3]
    assert ("Hvorfor: uenige kilder, foreløbigt vurderet; kan endnu blive opfyldt; "
            "nu: delvist opfyldt") in disagreeing
    assert ("Grundlag: 'Gennemslagskraft balanceret med lytning og inddragelse' vurderet til 5 "
            "(samtale1, Rekrutteringsudvalget)") in disagreeing
    assert ("Grundlag: 'Gennemslagskraft balanceret med lytning og inddragelse' vurderet til 2 "
            "(reference, Tidligere skoleleder)") in disagreeing
    assert "1. Fortæl om en beslutning, du fik gennemført trods modstand." in disagreeing
    assert "Mangler: ingen vurdering af 'Gennemslagskraft balanceret med lytning og " \
        "inddragelse' fra samtale2" in disagreeing
    # two competencies, the questions of both
    economy = result.stdout.split("### ")[7]
    assert economy.count("\n1. ") == 2
    assert "## 2. Anders Lykke (k02-anders-lykke)" in result.stdout


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_guide_in_english_names_the_stages_in_english(fmt, tmp_path):
    """As explain and the table do: 'second interview', not the Danish stage id."""
    folder = ROOT / "examples" / "candidates" / "helsingor-direktor-2024"
    out = tmp_path / f"guide.{fmt}"
    result = run("--lang", "en", "guide", "helsingor-direktor-2024", str(folder), "--stage",
                 "samtale2", "--format", fmt, "--out", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    assert "Interview guide for second interview" in text
    assert "based on the evidence up to references." in text
    assert "Can be assessed at: second interview" in text
    assert not re.search(r"\bsamtale[12]\b", text)


def test_what_a_record_says_cannot_forge_a_heading_or_line_of_the_guide(tmp_path):
    """Names and titles are typed by people: a line break in them must not start a heading
    ('## Anbefaling: …') or a line of its own in the Markdown the committee reads."""
    record = tmp_path / "k1.yaml"
    record.write_text(
        'id: k1\n'
        'personal: {name: "Ida\\n## Anbefaling: ansæt straks"}\n'
        'positions:\n'
        '  - {title: "Chef\\n# Anbefales", organisation: Gribskov Kommune, sector: kommune,\n'
        '     start: 2015-01-01, leadership_level: chef, leaders_led: 3}\n', "utf-8")
    result = run("guide", "helsingor-direktor-2024", str(record), "--stage", "samtale1")
    assert result.exit_code == 0, result.output
    headings = re.findall(r"^(#+ .*)$", result.stdout, re.M)
    assert [h for h in headings if h.startswith("## ")] == ["## 1. Ida \\#\\# Anbefaling: ansæt "
                                                            "straks (k1)"]
    assert not [h for h in headings if "Anbefales" in h]
    assert "(Chef \\# Anbefales, Gribskov Kommune)" in result.stdout


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_guide_names_the_records_it_could_not_read(fmt, tmp_path):
    """A record with a mistake was skipped with an error on the consultant's screen, and
    the panel's guide listed the others as if no one else were to be interviewed."""
    folder = tmp_path / "candidates"
    folder.mkdir()
    source = sorted((ROOT / "examples" / "candidates" / "helsingor-direktor-2024").iterdir())[0]
    (folder / source.name).write_bytes(source.read_bytes())
    broken = folder / "z_broken.yaml"
    broken.write_text("id: z-broken\npositions: [{title: X}]\n", "utf-8")
    out = tmp_path / "guide"
    result = run("guide", "helsingor-direktor-2024", str(folder), "--stage", "samtale1",
                 "--format", fmt, "--out", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    named = str(broken).replace("_", "\\_") if fmt == "markdown" else str(broken)
    assert f"Ikke med: {named} kunne ikke læses som kandidatposter og er ikke screenet." \
        in text
    assert source.stem in text


def test_a_title_in_the_evidence_is_text_not_markup_of_the_guide(tmp_path):
    """The guide escaped names and decisions, but the evidence and what is missing quote
    titles as typed: a position titled with an <img onerror=…> tag or a Markdown link put
    the tag, or a live link, into the guide the committee opens."""
    title = "<img src=x onerror=alert(1)> [klik](http://evil.example) **Direktør**"
    record = tmp_path / "k1.yaml"
    record.write_text(
        'id: k1\n'
        'positions:\n'
        f'  - {{title: "{title}", organisation: LæringsTech ApS, sector: privat,\n'
        '     start: 2015-01-01, leadership_level: direktion, leaders_led: 3}\n'
        f'  - {{title: "{title}", organisation: Gribskov Kommune, sector: kommune,\n'
        '     start: 2010-01-01, end: 2014-12-31}\n', "utf-8")
    result = run("guide", "helsingor-direktor-2024", str(record), "--stage", "samtale1")
    assert result.exit_code == 0, result.output
    quoted = [line for line in result.stdout.splitlines() if "img src" in line]
    assert any(line.startswith("- Grundlag: ") for line in quoted)
    assert any(line.startswith("- Mangler: ") for line in quoted)
    for line in quoted:
        assert "\\<img src=x onerror=alert(1)\\> \\[klik\\](http://evil.example) " \
               "\\*\\*Direktør\\*\\*" in line


@pytest.mark.parametrize(("lang", "one", "more"),
                         [("da", "1 kriterium at afklare.", "kriterier at afklare."),
                          ("en", "1 criterion to settle.", "criteria to settle.")])
def test_one_criterion_to_settle_is_counted_in_the_singular(lang, one, more):
    """A candidate with one criterion left read "1 kriterier at afklare" in the guide."""
    folder = ROOT / "examples" / "candidates" / "helsingor-direktor-2024"
    profile = load_profile(find_profile(folder.name, ROOT / "rules"))
    loaded, problems = load_records([folder])
    assert not problems
    screening = screen(profile, [r.record for r in loaded], "reference")
    first, *others = guide.guide(screening, "samtale2")
    assert len(first.items) > 1
    guides = [replace(first, items=first.items[:1]), *others]
    set_language(lang)
    try:
        texts = [guide.markdown(screening, "samtale2", guides),
                 guide.html(screening, "samtale2", guides)]
    finally:
        set_language("da")
    for text in texts:
        assert text.count(one) == 1
        assert text.count(more) == len(others)
        assert not re.search(r"\b1 (kriterier|criteria)\b", text)


def screened_for(folder: Path, next_stage: str):
    profile = load_profile(find_profile(folder.name, ROOT / "rules"))
    loaded, problems = load_records([folder])
    assert not problems
    return screen(profile, [r.record for r in loaded], evidence_stage(next_stage))


def a_guide_with_only_later_items():
    """The first shipped example and stage with a candidate the next stage has nothing to
    settle with, but a later stage has."""
    for folder in EXAMPLES:
        for next_stage in NEXT_STAGES:
            screening = screened_for(folder, next_stage)
            for g in guide.guide(screening, next_stage):
                if not g.items and g.later:
                    return screening, next_stage, g
    pytest.fail("no shipped example has a candidate with items for a later stage only")


@pytest.mark.parametrize(("lang", "said", "count"), [
    ("da", "Intet at afklare på dette stadie: det, der står åbent, afklares på et senere "
     "stadie (se nedenfor).", "0 kriterier at afklare nu, {later} på et senere stadie."),
    ("en", "Nothing to settle at this stage: what is open is settled at a later stage (see "
     "below).", "0 criteria to settle now, {later} at a later stage.")])
def test_a_candidate_with_nothing_to_settle_now_but_later_is_told_so(lang, said, count,
                                                                     tmp_path):
    """Not "Intet at afklare: alle kriterier er belyst", which would be untrue of her."""
    screening, next_stage, g = a_guide_with_only_later_items()
    set_language(lang)
    try:
        later = [guide.later_line(i) for i in g.later]
        (tmp_path / "guide.docx").write_bytes(guide_docx.document(screening, next_stage, [g]))
        texts = [guide.markdown(screening, next_stage, [g]),
                 unescape(guide.html(screening, next_stage, [g])),
                 "\n".join(p.text for p in docx.Document(str(tmp_path / "guide.docx"))
                           .paragraphs)]
    finally:
        set_language("da")
    for text in texts:
        assert said in text and count.format(later=len(g.later)) in text
        assert all(line in text for line in later)
        assert ("belyst, kilderne er enige" not in text
                and "every criterion is assessed" not in text)


@pytest.mark.parametrize(("lang", "one"), [
    ("da", "1 kriterium at afklare nu, {later} på et senere stadie."),
    ("en", "1 criterion to settle now, {later} at a later stage.")])
def test_one_criterion_to_settle_now_is_counted_in_the_singular(lang, one):
    for folder in EXAMPLES:
        for next_stage in NEXT_STAGES:
            screening = screened_for(folder, next_stage)
            found = [g for g in guide.guide(screening, next_stage) if g.items and g.later]
            if found:
                break
        if found:
            break
    g = replace(found[0], items=found[0].items[:1])
    set_language(lang)
    try:
        texts = [guide.markdown(screening, next_stage, [g]),
                 guide.html(screening, next_stage, [g])]
    finally:
        set_language("da")
    for text in texts:
        assert one.format(later=len(g.later)) in text
        assert not re.search(r"\b1 (kriterier|criteria)\b", text)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_guide_names_each_candidates_proposed_knock_outs(fmt, tmp_path):
    """A krav not met at all is no item of the guide (nothing is left to settle), so the
    panel preparing k04-jonas-vestergaard's interview read nothing of his two proposed
    knock-outs."""
    folder = ROOT / "examples" / "candidates" / "helsingor-direktor-2024"
    profile = load_profile(find_profile(folder.name, ROOT / "rules"))
    loaded, problems = load_records([folder])
    assert not problems
    screening = screen(profile, [r.record for r in loaded], "reference")
    out = tmp_path / "guide"
    result = run("guide", folder.name, str(folder), "--stage", "samtale2", "--format", fmt,
                 "--out", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    assert any(r.knockouts for r in screening.results)
    for r in screening.results:
        section = text.split(f"({r.id})" if fmt == "markdown" else f'id="c-{r.id}"')[1]
        section = section.split("\n## " if fmt == "markdown" else "<section")[0]
        said = "Foreslåede knock-outs (skal bekræftes eller underkendes af et menneske): "
        assert (said in section) == bool(r.knockouts), r.id
        if r.knockouts:
            assert f"{said}{knockout_ids(r)}." in section


def test_the_guide_for_an_unknown_candidate_is_refused():
    folder = ROOT / "examples" / "candidates" / "helsingor-direktor-2024"
    result = run("guide", "helsingor-direktor-2024", str(folder), "--stage", "samtale1",
                 "--id", "k02-anders-lyk")
    assert result.exit_code == 2
    assert "k02-anders-lykke" in result.stderr  # did you mean


@pytest.mark.parametrize("lang,said", [("da", "Placering: {rank} af {total}."),
                                       ("en", "Rank: {rank} of {total}.")])
def test_the_guide_says_of_how_many_a_candidate_is_ranked(lang, said):
    """A guide for one record said "## 1." of every candidate screened alone, and with
    --id "## 7." and no more, as explain said "Placering: 1." before it said of how many."""
    folder = next(f for f in EXAMPLES if len(list(f.iterdir())) > 1)
    ranked = screen(load_profile(find_profile(folder.name, ROOT / "rules")),
                    [r.record for r in load_records([folder])[0]], stage="samtale1").results
    last = ranked[-1]
    alone = next(p for p in sorted(folder.iterdir()) if load_records([p])[0][0].record.id
                 == last.id)
    for candidates, rest, rank, total in ((folder, ["--id", last.id], last.rank, len(ranked)),
                                          (alone, [], 1, 1)):
        result = run("--lang", lang, "guide", folder.name, str(candidates), "--stage",
                     "samtale2", *rest)
        assert result.exit_code == 0, result.output
        assert said.format(rank=rank, total=total) in result.stdout


def test_the_first_stage_has_no_guide():
    result = run("guide", "helsingor-direktor-2024", "examples", "--stage", "ansøgning")
    assert result.exit_code == 2


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.name)
def test_every_competency_of_a_shipped_profile_has_questions(path):
    profile = load_profile(path)
    assert [c for c in profile.competencies if not profile.questions.get(c)] == []


def test_questions_for_an_unknown_id_are_refused_with_their_place(tmp_path):
    text = (ROOT / "rules" / "helsingor-direktor-2024.yaml").read_text("utf-8")
    broken = tmp_path / "broken.yaml"
    head, block, tail = text.partition("\nquestions:\n")
    broken.write_text(head + block + "  politisk_forstaelse:\n    - Et spørgsmål?\n" + tail,
                      "utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_profile(broken)
    (problem,) = caught.value.problems
    assert problem.code == "E207" and problem.line == (head + block).count("\n") + 1
    assert "did you mean 'politisk_forstaaelse'" in problem.message


@pytest.mark.parametrize("paper", ["guide", "report"])
def test_the_papers_warn_of_an_assessment_that_counts_for_nothing(paper, tmp_path):
    """`screen` warned of a mistyped competency (W101) and of a post after the date (W102);
    the guide and the report made from the same records said nothing, and showed the
    criterion the score was meant for as not belyst, the post as held, without a word."""
    profile = load_profile(PROFILES[0])
    competency = sorted(profile.competencies)[0]
    record = tmp_path / "k1.yaml"
    record.write_text(
        "id: k1\n"
        "positions:\n"
        "  - {title: Direktør, organisation: Gribskov Kommune, sector: kommune,\n"
        f"     start: {profile.meta.date.year + 1}-01-01, leadership_level: direktion}}\n"
        "assessments:\n"
        f"  - {{competency: {competency}x, source: samtale1, score: 4}}\n", "utf-8")
    out = tmp_path / "paper"
    args = (["--stage", "reference"] if paper == "guide" else []) + ["--out", str(out)]
    result = run(paper, str(PROFILES[0]), str(record), *args)
    assert result.exit_code == 0, result.output
    assert out.exists()
    warnings = result.stderr.splitlines()
    assert any(f"k1.yaml:6:18: W101 assessments[0].competency: kompetencen '{competency}x'"
               in line for line in warnings), warnings
    assert any("k1.yaml:4:13: W102 positions[0].start:" in line for line in warnings), warnings
