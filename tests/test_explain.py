"""The reasoning for one candidate (screening/explain.py), as text, as Markdown and as data,
over every shipped profile and its example candidates."""

from __future__ import annotations

import json
import re

import pytest

from screening.audit.decisions import Decision
from screening.explain import criterion_text, explain, explain_document
from screening.guide import competencies_read
from screening.profiles import CATEGORIES
from screening.records import SOURCES, CandidateRecord
from screening.results import band_range
from screening.rulefiles import load_profile
from screening.screen import screen
from screening.vocabulary import CATEGORY_TITLES, label
from screening.wording import render

from .conftest import EXAMPLES, ROOT, example_records


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.name)
def screened(request):
    profile, records = example_records(request.param)
    return screen(profile, records, "samtale2")


def _rules_named(text: str) -> list[str]:
    return [line.split(": ", 1)[1].split(" (")[0] for line in text.splitlines()
            if line.strip().startswith("Regel: ")]


def test_every_criterion_is_explained_once_under_its_category(screened):
    for result in screened.results:
        text = explain(screened, result.id)
        lines = text.splitlines()
        meta = screened.profile.meta
        assert lines[0].startswith(f"Kandidat {result.id}: ") and f"({meta.id} v" in lines[0]
        assert sorted(_rules_named(text)) == sorted(o.criterion.id for o in result.outcomes)
        used = [c for c in CATEGORIES if any(o.criterion.category == c for o in result.outcomes)]
        headings = [line for line in lines
                    if any(line.startswith(label(CATEGORY_TITLES, c) + " (") for c in used)]
        assert len(headings) == len(used)
        assert lines[-1] != "" and text.endswith("\n")


def test_the_header_names_knock_outs_open_criteria_and_who_decides(screened):
    for result in screened.results:
        text = explain(screened, result.id)
        assert ("Foreslåede knock-outs: ingen." in text) == (not result.knockouts)
        for knockout in result.knockouts:
            assert knockout in text.split("Foreslåede knock-outs (")[1].splitlines()[0]
        open_ids = [o.criterion.id for o in result.outcomes if o.status == "ikke_belyst"]
        assert (f"Ikke belyst endnu ({len(open_ids)})" in text) == bool(open_ids)
        assert "Værktøjet anbefaler; ansættelsesudvalget beslutter." in text


@pytest.mark.parametrize("rules", sorted((ROOT / "rules").glob("*.yaml")), ids=lambda p: p.stem)
def test_a_krav_not_yet_belyst_leaves_the_candidate_awaiting_it_by_name(rules):
    """Per krav of every shipped profile: a candidate rated at the top on every competency
    but those the krav reads, with no CV yet, so that only krav read from the CV or this
    one stay open. However high the rest, she awaits evidence, and the header names the
    open krav (each may still prove a proposed knock-out), never a range from one band to
    the same."""
    profile = load_profile(rules)
    for krav in (c for c in profile.criteria if c.priority == "krav"):
        record = CandidateRecord.model_validate({"id": "k", "assessments": [
            {"competency": competency, "source": SOURCES[-1], "score": 5}
            for competency in profile.competencies
            if competency not in competencies_read(krav)]})
        screened = screen(profile, [record], SOURCES[-1])
        result = screened.results[0]
        open_krav = [o.criterion.id for o in result.outcomes
                     if o.criterion.priority == "krav" and o.status == "ikke_belyst"]
        assert krav.id in open_krav and not result.knockouts, krav.id
        assert result.recommendation in ("afventer_belysning", "utilstrækkeligt_belyst")
        header = explain(screened, "k").split("\n\n")[0]
        if result.recommendation == "afventer_belysning":
            low, high = band_range(profile.scoring, result.total)
            assert ("Scoren kan ende fra" in header) == (low != high)
            assert f"Krav ikke belyst endnu: {', '.join(open_krav)};" in header


def test_one_criterion_is_explained_alone(screened):
    result = screened.results[0]
    for outcome in result.outcomes:
        text = explain(screened, result.id, outcome.criterion.id)
        assert _rules_named(text) == [outcome.criterion.id]
        assert "Placering:" not in text  # the short header
        assert text.startswith(f"Kandidat {result.id}, ")


def test_the_header_says_the_day_the_candidate_was_judged_as_of(screened):
    """Open positions count up to that day (`--as-of`, by default the profile's date): the
    text said the stage alone, and an explanation read later could not be reproduced."""
    from dataclasses import replace
    from datetime import date

    from screening.i18n import set_language

    result = screened.results[0]
    later = replace(screened, as_of=date(2031, 5, 4))
    assert "; vurderet pr. 2031-05-04" in explain(later, result.id).splitlines()[1]
    first = explain(later, result.id, result.outcomes[0].criterion.id).splitlines()[0]
    assert first.endswith(", vurderet pr. 2031-05-04")
    set_language("en")
    try:
        assert "; assessed as of 2031-05-04" in explain(later, result.id).splitlines()[1]
    finally:
        set_language("da")


def test_markdown_adds_headings_and_hard_line_breaks(screened):
    result = screened.results[-1]
    plain = explain(screened, result.id).splitlines()
    marked = explain(screened, result.id, markdown=True).splitlines()
    assert marked[0] == f"# {plain[0]}"
    headings = [line for line in marked if line.startswith("## ")]
    assert headings and all(heading[3:] in plain for heading in headings)
    header = marked[1:marked.index("")]
    assert header and all(line.endswith("  ") for line in header)
    # a criterion's profile words, rule, evidence and what is missing stay lines of their
    # own under it: without hard breaks Markdown ran them into one paragraph
    starts = [n for n, line in enumerate(marked) if line.startswith("- [")]
    assert starts
    for start, end in zip(starts, [*starts[1:], len(marked)], strict=True):
        block = marked[start:end]
        block = block[:block.index("")] if "" in block else block
        assert len(block) > 1 and all(line.endswith("  ") for line in block[:-1]), block
        assert not block[-1].endswith(" ")


def test_a_standing_decision_is_shown_under_the_header(screened):
    result = screened.results[0]
    decision = Decision(7, "run", result.id, "2024-05-01T10:00:00+00:00", "advance",
                        "candidate", "advances", "Stærk ledelseserfaring", "Konsulent A")
    text = explain(screened, result.id, decision=decision)
    assert "Stående beslutning: " in text and "Stærk ledelseserfaring" in text
    assert "Stående beslutning" not in explain(screened, result.id)


def test_a_standing_decision_is_shown_with_one_criterion_too(screened):
    """Explaining the krav a person already decided on must not read as if nobody had."""
    result = screened.results[-1]
    decision = Decision(7, "run", result.id, "2024-05-01T10:00:00+00:00", "override",
                        "knockout", "advances", "Vist i 2. samtale", "Formand")
    criterion = result.outcomes[0].criterion.id
    for markdown in (False, True):
        lines = explain(screened, result.id, criterion, markdown, decision).splitlines()
        assert "Stående beslutning: går videre (foreslået knock-out underkendt): Formand" \
            in lines[1]
        assert "Stående beslutning" not in explain(screened, result.id, criterion, markdown)


def _screened_typed(tmp_path, title: str, assessor: str):
    """A Helsingør candidate whose position title and assessor are as typed (YAML inside
    double quotes), screened at the first interview."""
    from screening.candidates import load_records
    from screening.rulefiles import find_profile, load_profile

    record = tmp_path / "k1.yaml"
    record.write_text(
        'id: k1\n'
        'positions:\n'
        f'  - {{title: "{title}", organisation: Gribskov Kommune, sector: kommune,\n'
        '     start: 2015-01-01, leadership_level: chef}\n'
        'assessments:\n'
        '  - {competency: relationelle_kompetencer, source: samtale1, score: 4,\n'
        f'     assessor: "{assessor}"}}\n', "utf-8")
    loaded, problems = load_records([record])
    assert not problems
    profile = load_profile(find_profile("helsingor-direktor-2024", ROOT / "rules"))
    return screen(profile, [r.record for r in loaded], "samtale1")


def test_what_a_record_says_stays_on_the_line_it_is_explained_on(tmp_path):
    """Titles and assessors are typed by people: a line break in them must not start a new
    line (a forged '## heading') in the explanation pasted into a committee note."""
    screening = _screened_typed(tmp_path, "Chef\\n## Forfalsket", "Bo\\n## Forfalsket")
    for markdown in (False, True):
        text = explain(screening, "k1", markdown=markdown)
        assert "Forfalsket" in text  # shown, on the line of its evidence
        assert not [line for line in text.splitlines() if "Forfalsket" in line
                    and not line.lstrip().startswith(("Grundlag: ", "Mangler: "))]


def test_what_people_typed_is_text_not_markup_in_the_markdown_explanation(tmp_path):
    """A title, an assessor and a decision's reason went into the Markdown as typed: an
    <img onerror=…> tag, or a link, in the note pasted into a committee's document."""
    screening = _screened_typed(tmp_path, "<img src=x onerror=alert(1)>",
                                "[klik](http://evil.example)")
    decision = Decision(7, "run", "k1", "2024-05-01T10:00:00+00:00", "advance", "candidate",
                        "advances", "<b>Stærk</b>", "Formand")
    text = explain(screening, "k1", markdown=True, decision=decision)
    assert "\\<img src=x onerror=alert(1)\\>" in text
    assert "\\[klik\\](http://evil.example)" in text
    assert "\\<b\\>Stærk\\</b\\>" in text
    for line in text.splitlines():  # a criterion's own line gives its priority in brackets
        assert line.startswith("- [") or not re.search(r"(?<!\\)[<>\[\]]", line), line
    plain = explain(screening, "k1", decision=decision)  # the terminal shows what was typed
    assert "<img src=x onerror=alert(1)>" in plain and "<b>Stærk</b>" in plain


def test_an_unknown_candidate_is_a_key_error(screened):
    with pytest.raises(KeyError):
        explain(screened, "nobody-by-this-id")


def test_what_is_not_met_says_what_would_meet_it(screened):
    profile = screened.profile
    for result in screened.results:
        for outcome in result.outcomes:
            lines = criterion_text(outcome, profile)
            c = outcome.criterion
            would = f"  Opfyldt, hvis: {render(c.when, profile)}."
            assert (would in lines) == (outcome.status != "opfyldt")
            partly = any(line.startswith("  Delvist opfyldt, hvis: ") for line in lines)
            assert partly == (c.partial is not None
                              and outcome.status in ("ikke_opfyldt", "ikke_belyst"))
            knockout = any(line.startswith("  Foreslået knock-out") for line in lines)
            assert knockout == (c.priority == "krav"
                                and outcome.status in ("ikke_opfyldt", "delvist"))
            assert any(line.startswith("  Grundlag: ") for line in lines) == \
                bool(outcome.evidence)


def test_the_document_holds_the_outcomes_and_what_would_meet_them(screened):
    profile = screened.profile
    for result in screened.results:
        doc = json.loads(json.dumps(explain_document(screened, result.id)))
        assert doc["profile"]["id"] == profile.meta.id and doc["stage"] == screened.stage
        criteria = doc["candidate"]["criteria"]
        assert [c["id"] for c in criteria] == [o.criterion.id for o in result.outcomes]
        for entry in criteria:
            c = profile.criterion(entry["id"])
            # the machines' output: the record's codes, as the rule file writes them
            assert entry["would_meet"] == render(c.when, profile, codes=True)
            assert entry["would_partly_meet"] == (render(c.partial, profile, codes=True)
                                                  if c.partial else None)
            assert entry["proposed_knockout"] == (c.id in result.knockouts)
            assert entry["rule"] == f"{c.rule_file}:{c.line}"
        only = explain_document(screened, result.id, criteria[0]["id"])
        assert [c["id"] for c in only["candidate"]["criteria"]] == [criteria[0]["id"]]


def test_a_count_of_every_item_of_a_collection_is_explained(tmp_path):
    """`{of: education, aggregate: count}` with no `where`, and no rule reading an education
    field: `explain` (and every result's evidence) stopped with an internal KeyError."""
    rules = tmp_path / "p.yaml"
    rules.write_text(
        'profile: {id: p, title: T, organisation: O, source: s.txt, version: "1",'
        " date: 2024-01-01}\n"
        "competencies: {ledelse: Ledelse}\n"
        "derived:\n"
        "  uddannelser: {description: Uddannelser, of: education, aggregate: count}\n"
        "criteria:\n"
        "  - {id: to, name: To uddannelser, category: faglige, priority: ønske, quote: q,\n"
        "     section: S, when: {fact: uddannelser, gte: 2}}\n", encoding="utf-8")
    record = CandidateRecord.model_validate(
        {"id": "e", "education": [{"degree": "MPA", "level": "master"}]})
    (outcome,) = screen(load_profile(rules), [record]).result("e").outcomes
    assert outcome.status == "ikke_opfyldt"
    assert [(e.path, e.value) for e in outcome.evidence] == [("derived.uddannelser", 1)]


def test_the_readme_quotes_the_explanation_explain_prints(monkeypatch):
    """README's walk-through shows the explanation as the tool prints it, each line whole
    or shortened with "…" between parts the line holds in that order (it quoted the rule's
    line in the rule file long after the rule had moved)."""
    import shlex

    from click.testing import CliRunner

    from screening.cli import main

    monkeypatch.chdir(ROOT)  # the commands name the examples as README does, from the root
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```console\n\$ (screening explain [^\n]+)\n(.*?)```", readme, re.S)
    assert blocks
    for command, shown in blocks:
        done = CliRunner().invoke(main, [*shlex.split(command)[1:], "--no-audit"],
                                  env={"SCREENING_RULES": "rules"})  # named as README names it
        assert done.exit_code == 0, done.output
        printed = done.stdout.splitlines()
        assert any(line.startswith("Placering: ") for line in shown.splitlines()), command
        for line in shown.splitlines():
            parts = [part.strip() for part in line.split("…") if part.strip()]
            assert not parts or any(_in_order(parts, said) for said in printed), line


def _in_order(parts: list[str], line: str) -> bool:
    at = 0
    for part in parts:
        at = line.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


def test_a_rank_shared_with_others_says_so():
    """Three candidates alike shared rank 1, and each one's explanation said "Placering: 1."
    and nothing more: in a justification it reads as first of all."""
    profile, records = example_records(EXAMPLES[0])
    record = records[0]
    twins = [record.model_copy(update={"id": f"{record.id}-{n}"}) for n in (2, 3)]
    screening = screen(profile, [record, *twins])
    assert {r.rank for r in screening.results} == {1}
    text = explain(screening, screening.results[0].id)
    lines = text.splitlines()
    assert lines[2].startswith("Placering: 1 af 3. ")
    others = [r.id for r in screening.results[1:]]
    assert lines[3] == f"Deler placeringen med {', '.join(others)}: samme sikrede og mulige score."
    alone = screen(profile, [record])
    assert "Deler placeringen" not in explain(alone, record.id)


def test_the_rank_says_of_how_many_candidates(tmp_path):
    """`explain PROFILE k02.yaml` (as --help shows it) said "Placering: 1." of a candidate
    the screening of the whole field placed second: of one record, every one is first."""
    from click.testing import CliRunner

    from screening.candidates import load_records
    from screening.cli import main

    folder = EXAMPLES[0]
    profile = ROOT / "rules" / f"{folder.name}.yaml"
    field = screen(*example_records(folder))
    second = next(r for r in field.results if r.rank > 1)
    source = next(r.path for r in load_records([folder])[0] if r.record.id == second.id)

    def header(*paths: str, lang: str = "da") -> str:
        done = CliRunner().invoke(main, ["--lang", lang, "explain", str(profile), *paths,
                                         "--id", second.id, "--no-audit"])
        assert done.exit_code == 0, done.output
        return done.stdout.splitlines()[2]

    assert header(source).startswith("Placering: 1 af 1. ")
    total = len(field.results)
    assert header(str(folder)).startswith(f"Placering: {second.rank} af {total}. ")
    assert header(str(folder), lang="en").startswith(f"Rank: {second.rank} of {total}. ")
