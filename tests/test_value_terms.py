"""A record's coded values in words on every paper a committee reads: the grounds said
"ingen stilling hvor fagområder omfatter børn_og_unge (cv)" and, in English, "leadership
level is direktion" and "kind is politisk_betjening", Danish codes inside English sentences.
The machines' output, the rule files and the schema keep the codes."""

from __future__ import annotations

import re
from html import unescape
from typing import Literal, get_args, get_origin

import pytest
from click.testing import CliRunner

from screening import guide, html_report, records
from screening.audit.store import AuditStore
from screening.candidates import load_records
from screening.catalogue import COLLECTIONS
from screening.cli import main
from screening.explain import explain
from screening.i18n import set_language
from screening.profile_text import profile_text
from screening.rulefiles import load_profile
from screening.screen import screen
from screening.vocabulary import STAGES

from .conftest import EXAMPLES, HELSINGOR, write
from .test_grounds import EVIDENCE_DIV, PROFILES

CODED = [f for c in COLLECTIONS.values() for f in c.fields.values() if f.values]
# the lines of a paper that word a condition or its evidence
WORDED_LINE = re.compile(r"(?:Grundlag|Evidence|Opfyldt, hvis|Delvist opfyldt, hvis|Met if"
                         r"|Partly met if|Mangler|Missing): (.*)")


def test_every_coded_value_of_a_record_has_a_term_in_both_languages():
    """Each Literal of records.py is the values of a catalogue field with a term for each, or
    the sources (the stages' labels): a new code cannot be left without words."""
    literals = {name: get_args(v) for name, v in vars(records).items()
                if get_origin(v) is Literal}
    assert literals
    covered = [f.values for f in CODED] + [tuple(STAGES)]
    assert [name for name, values in literals.items() if values not in covered] == []
    for field in CODED:
        assert set(field.terms) == set(field.values), field.name
        for code, term in field.terms.items():
            assert term.da and term.en, code
            assert "_" not in term.da + term.en, code


def raw_codes(text: str, language: str) -> list[str]:
    """The codes `text` shows where its words should stand: a code as a word that its term
    in `language` does not hold ("børn_og_unge"; "direktion" in English)."""
    return [code for field in CODED for code, term in field.terms.items()
            if _word(code).search(text) and not _word(code).search(term.said(language))]


def _word(code: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(code)}(?![\w-])")


def own_words(profile, record_list) -> list[str]:
    """What the profile and the candidates wrote themselves (descriptions, competencies,
    titles, assessors): shown as written, so left out of the search, longest first."""
    texts = [*profile.competencies.values()]
    for d in profile.derived.values():
        texts += [d.description, d.description[0].lower() + d.description[1:]]
    for r in record_list:
        texts += [t for p in r.positions or () for t in (p.title, p.organisation)]
        texts += [t for e in r.education or () for t in (e.degree, e.institution)]
        texts += [e.description for e in r.experience or ()]
        texts += [a.assessor for a in r.assessments]
    return sorted({t for t in texts if t}, key=len, reverse=True)


def without(text: str, own: list[str]) -> str:
    for words in own:
        text = text.replace(words, " | ")
    return text


@pytest.fixture(scope="module")
def example_records():
    loaded, problems = load_records(EXAMPLES)
    assert not problems
    return [r.record for r in loaded]


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("rules", PROFILES, ids=lambda p: p.stem)
def test_no_paper_shows_a_coded_value_raw(rules, language, example_records):
    """Every example record against every profile, in both languages: explain (text and
    Markdown), the guide (its items, which the Markdown, HTML and Word guides show), the
    HTML report and `profile show` word each coded value of the conditions, the grounds and
    what is missing (an entry lacking a field, under its title)."""
    profile = load_profile(rules)
    screening = screen(profile, example_records)
    set_language(language)
    texts = [explain(screening, r.id, markdown=markdown) for r in screening.results
             for markdown in (False, True)]
    texts.append(profile_text(profile))
    shown = [line for text in texts for line in WORDED_LINE.findall(text.replace("\\", ""))]
    for candidate in guide.guide(screening, "samtale2"):
        shown += [line for i in candidate.items for line in (*i.evidence, *i.missing,
                                                             i.would_meet)]
    shown += map(unescape, EVIDENCE_DIV.findall(
        html_report.render(screening, html_report.unrecorded(profile))))
    assert shown
    own = own_words(profile, example_records)
    assert {line: raw_codes(without(line, own), language) for line in shown
            if raw_codes(without(line, own), language)} == {}


K06 = sorted((EXAMPLES[[p.name for p in EXAMPLES].index(HELSINGOR.stem)]).glob("k06*"))[0]
WORDED = {
    "da": ["ingen stilling hvor fagområder omfatter børn og unge (cv)",
           "en erfaring hvor type er politisk betjening (cv)",
           "politisk betjening, Ministerbetjening: type er politisk betjening (cv)",
           "Vicedirektør, Styrelsen for Undervisning og Kvalitet: politisk styret og "
           "ledelsesniveau er direktion (cv)"],
    "en": ["no position where fields includes children and young people (cv)",
           "an experience where kind is political advisory services (cv)",
           "political advisory services, Ministerbetjening: kind is political advisory "
           "services (cv)",
           "Vicedirektør, Styrelsen for Undervisning og Kvalitet: politically governed and "
           "leadership level is executive management (cv)",
           "Kontorchef, Beskæftigelsesministeriet: politically governed and leadership level "
           "is head of department (cv)"],
}


@pytest.mark.parametrize("language", ["da", "en"])
def test_explain_and_audit_show_word_the_codes(language, audit_db):
    """Helsingør's k06 in both languages: explain, and `audit show` of the run it made, say
    the record's codes in words, the experience's title too."""
    explained = CliRunner().invoke(main, ["--lang", language, "explain", str(HELSINGOR),
                                          str(K06), "--audit-db", str(audit_db)])
    assert explained.exit_code == 0, explained.output
    run = AuditStore(audit_db).runs()[-1]["run"]
    shown = CliRunner().invoke(main, ["--lang", language, "audit", "show", run,
                                      "--candidate", K06.stem, "--audit-db", str(audit_db)])
    assert shown.exit_code == 0, shown.output
    for text in (explained.stdout, shown.stdout):
        grounds = [g for line in WORDED_LINE.findall(text) for g in line.split("; ")]
        assert [w for w in WORDED[language] if w not in grounds] == [], grounds


def test_a_condition_says_the_value_in_words(tmp_path):
    """"Opfyldt, hvis" of a `some` naming codes, `in` a list of them too."""
    rules = write(tmp_path, "p.yaml", """\
        profile: {id: p, title: T, organisation: O, source: s.txt, version: "1",
                  date: 2024-01-01}
        competencies: {ledelse: Ledelse}
        criteria:
          - {id: a, name: A, category: faglige, priority: ønske, quote: q, section: S,
             when: {some: positions, where: {all: [
               {field: sector, in: [selvejende, privat]},
               {field: domains, contains: teknik_og_miljø}]}}}
          - {id: b, name: B, category: faglige, priority: ønske, quote: q, section: S,
             when: {some: experience, where: {field: kind, eq: med_samarbejde}}}
        """)
    said = {}
    for language in ("da", "en"):
        done = CliRunner().invoke(main, ["--lang", language, "profile", "show", str(rules)])
        assert done.exit_code == 0, done.output
        said[language] = re.findall(r"(?:Opfyldt, hvis|Met if): (.*)", done.stdout)
    assert said == {
        "da": ["en stilling hvor sektor er en af selvejende institution, privat og fagområder "
               "omfatter teknik og miljø.",
               "en erfaring hvor type er MED-samarbejde."],
        "en": ["a position where sector is one of self-governing institution, private sector "
               "and fields includes technical and environmental services.",
               "an experience where kind is works council cooperation (MED)."]}


def test_the_machines_output_keeps_the_codes():
    """explain's JSON (an inline `some`'s path and the `some` itself, the conditions) keeps
    the record's codes, in both languages."""
    for language in ("da", "en"):
        done = CliRunner().invoke(main, ["--lang", language, "explain", str(HELSINGOR),
                                         str(K06), "--format", "json", "--no-audit"])
        assert done.exit_code == 0, done.output
        assert "børn_og_unge" in done.stdout
        assert "children and young people" not in done.stdout
        assert "børn og unge" not in done.stdout


@pytest.mark.parametrize(("language", "said"), [
    ("da", "erfaring 1 (MED-samarbejde, MED-udvalg) mangler rolle"),
    ("en", "experience 1 (works council cooperation (MED), MED-udvalg) lacks role")])
def test_what_is_missing_names_an_experience_by_its_kind_in_words(tmp_path, language, said):
    """An experience lacking a field the condition reads is named by its kind in words, as
    the grounds name it ("med_samarbejde, MED-udvalg" was the code)."""
    rules = write(tmp_path, "p.yaml", """\
        profile: {id: p, title: T, organisation: O, source: s.txt, version: "1",
                  date: 2024-01-01}
        competencies: {ledelse: Ledelse}
        criteria:
          - {id: b, name: B, category: faglige, priority: ønske, quote: q, section: S,
             when: {some: experience, where: {all: [{field: kind, eq: med_samarbejde},
                                                   {field: role, eq: ansvarlig}]}}}
        """)
    candidate = write(tmp_path, "k.yaml", """\
        id: k
        experience:
          - {kind: med_samarbejde, description: MED-udvalg}
        """)
    done = CliRunner().invoke(main, ["--lang", language, "explain", str(rules), str(candidate),
                                     "--no-audit"])
    assert done.exit_code == 0, done.output
    assert re.findall(r"(?:Mangler|Missing): (.*)", done.stdout) == [said]
