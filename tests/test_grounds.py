"""The evidence under each criterion ("Grundlag:"), worded for the hiring committee that reads
it: `explain` wrote "derived.kommunal_erfaring_aar = 0 (cv)", "positions[0].politically_governed
= nej (cv)" and "en stilling hvor fagområder omfatter skole = nej (cv)" in every paper."""

from __future__ import annotations

import re
import sqlite3
from html import unescape

import pytest
from click.testing import CliRunner

from screening import guide, html_report
from screening.audit.store import AuditStore
from screening.candidates import load_records
from screening.cli import main
from screening.explain import explain
from screening.i18n import set_language
from screening.results import Evidence
from screening.rulefiles import load_profile
from screening.screen import screen
from screening.wording import grounds

from .conftest import EXAMPLES, HELSINGOR, ROOT, write

PROFILES = sorted((ROOT / "rules").glob("*.yaml"))
# what a committee member cannot read: a derived fact's id, a record's path, a value after "="
ENGINE_TERMS = re.compile(r"derived\.|\w\[\d+\]|= (?:ja|nej|yes|no)\b")
GROUNDS_LINE = re.compile(r"(?:Grundlag|Evidence): (.*)")
EVIDENCE_DIV = re.compile(r'<div class="evidence">(.*?)</div>', re.S)


@pytest.fixture(scope="module")
def records():
    loaded, problems = load_records(EXAMPLES)
    assert not problems
    return [r.record for r in loaded]


def grounds_in(text: str) -> list[str]:
    return [g for found in GROUNDS_LINE.findall(text) for g in found.split("; ")]


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("rules", PROFILES, ids=lambda p: p.stem)
def test_no_paper_words_the_evidence_in_engine_terms(rules, language, records):
    """Every example record against every profile: explain (text and Markdown), the guide
    and the HTML report word each piece of evidence as people do."""
    screening = screen(load_profile(rules), records)
    set_language(language)
    texts = [explain(screening, r.id, markdown=markdown) for r in screening.results
             for markdown in (False, True)]
    guides = guide.guide(screening, "samtale2")
    texts.append(guide.markdown(screening, "samtale2", guides))
    shown = [*(g for text in texts for g in grounds_in(text.replace("\\", ""))),
             *(unescape(g) for g in EVIDENCE_DIV.findall(
                 guide.html(screening, "samtale2", guides)
                 + html_report.render(screening, html_report.unrecorded(screening.profile))))]
    assert shown
    assert [g for g in shown if ENGINE_TERMS.search(g)] == []


def test_the_begrundelse_words_the_evidence_as_explain_does(audit_db):
    """audit show and export: the stored evidence in words, a derived fact by the
    description in the run's own rule files (show in Danish, export in English: one
    rendering, `audit.export.markdown`)."""
    folder = EXAMPLES[[p.name for p in EXAMPLES].index(HELSINGOR.stem)]
    done = CliRunner().invoke(main, ["screen", str(HELSINGOR), str(folder),
                                     "--audit-db", str(audit_db)])
    assert done.exit_code == 0, done.output
    store = AuditStore(audit_db)
    run = store.runs()[-1]["run"]
    shown = []
    for candidate in (r["id"] for r in store.results(run)):
        for language, command in (("da", "show"), ("en", "export")):
            done = CliRunner().invoke(main, ["--lang", language, "audit", command, run,
                                             "--candidate", candidate,
                                             "--audit-db", str(audit_db)])
            assert done.exit_code == 0, done.output
            shown += grounds_in(done.stdout.replace("\\", ""))
    assert [g for g in shown if ENGINE_TERMS.search(g)] == []
    described = [d.description.lower() for d in load_profile(HELSINGOR).derived.values()]
    assert any(g.lower().startswith(tuple(described)) for g in shown)


def test_the_begrundelse_words_the_evidence_as_the_papers_did(audit_db):
    """audit show (Danish) and export (English) word each candidate's evidence as explain
    did when the run was made: the scores with their competency and assessor, the entries
    by their titles, read back from the record the run stored (it said "vurderet til 2
    (samtale1)" and "stilling 1: ikke politisk styret")."""
    folder = EXAMPLES[[p.name for p in EXAMPLES].index(HELSINGOR.stem)]
    done = CliRunner().invoke(main, ["screen", str(HELSINGOR), str(folder),
                                     "--audit-db", str(audit_db)])
    assert done.exit_code == 0, done.output
    run = AuditStore(audit_db).runs()[-1]["run"]
    for record in sorted(folder.glob("*.yaml")):
        for language, command in (("da", "show"), ("en", "export")):
            explained = CliRunner().invoke(main, ["--lang", language, "explain",
                                                  str(HELSINGOR), str(record), "--no-audit"])
            stored = CliRunner().invoke(main, ["--lang", language, "audit", command, run,
                                               "--candidate", record.stem,
                                               "--audit-db", str(audit_db)])
            assert stored.exit_code == 0, stored.output
            assert sorted(grounds_in(stored.stdout.replace("\\", ""))) == \
                sorted(grounds_in(explained.stdout)), record.stem


def test_the_begrundelse_without_its_stored_record_words_the_paths(audit_db):
    """A store whose record is gone (a blob deleted by hand) still shows the begrundelse:
    each score and entry as the stored evidence says it, without the record's names."""
    folder = EXAMPLES[[p.name for p in EXAMPLES].index(HELSINGOR.stem)]
    record = sorted(folder.glob("*.yaml"))[0]
    done = CliRunner().invoke(main, ["screen", str(HELSINGOR), str(record),
                                     "--audit-db", str(audit_db)])
    assert done.exit_code == 0, done.output
    store = AuditStore(audit_db)
    run = store.runs()[-1]["run"]
    digest = store.result(run, record.stem)["input"]["record"]
    db = sqlite3.connect(audit_db)
    db.execute("DELETE FROM blobs WHERE sha256 = ?", (digest,))
    db.commit()
    db.close()
    shown = CliRunner().invoke(main, ["audit", "show", run, "--candidate", record.stem,
                                      "--audit-db", str(audit_db)])
    assert shown.exit_code == 0, shown.output
    grounds = grounds_in(shown.stdout)
    assert any(g.startswith("vurderet til ") for g in grounds)
    assert not any(" vurderet til " in g for g in grounds)


PROFILE = """\
    profile: {id: p, title: T, organisation: O, source: s.txt, version: "1", date: 2024-01-01}
    competencies: {ledelse: Ledelse, jura: Juridisk forståelse}
    derived:
      kommunal_aar: {description: År i stillinger i kommuner, of: positions,
                     where: {field: sector, eq: kommune}, aggregate: sum, field: years}
      topledelse: {description: Har haft en stilling på direktionsniveau, of: positions,
                   where: {field: leadership_level, eq: direktion}, aggregate: exists}
    criteria:
      - {id: kommune, name: Kommune, category: faglige, priority: ønske, quote: q1,
         section: S, when: {fact: kommunal_aar, gte: 5}}
      - {id: top, name: Top, category: ledelsesmæssige, priority: krav, quote: q2,
         section: S, when: {fact: topledelse}}
      - {id: skole, name: Skole, category: faglige, priority: ønske, quote: q3, section: S,
         when: {some: positions, where: {field: domains, contains: skole}}}
      - {id: politisk, name: Politisk, category: ledelsesmæssige, priority: ønske,
         quote: q4, section: S,
         when: {some: positions, where: {field: politically_governed, eq: true}}}
      - {id: mba, name: MBA, category: faglige, priority: ønske, quote: q5, section: S,
         when: {some: education, where: {field: leadership, eq: true}}}
      - {id: lede, name: Lede, category: personlige, priority: ønske, quote: q6, section: S,
         when: {assessed: ledelse}}
      - {id: jura, name: Ledelse og jura, category: faglige, priority: ønske, quote: q7,
         section: S, when: {all: [{assessed: ledelse}, {assessed: jura}]}}
"""

CANDIDATE = """\
    id: k
    positions:
      - {title: Afdelingschef, organisation: Forlaget A/S, sector: privat, start: 2015-01-01,
         end: 2020-01-01, leadership_level: chef, domains: [kultur]}
    education:
      - {degree: Executive MBA, institution: Henley, level: mba, area: ledelse,
         leadership: true, year: 2019}
    assessments:
      - {competency: ledelse, source: samtale1, score: 4, assessor: Borgmester}
      - {competency: jura, source: samtale1, score: 2, assessor: Borgmester}
"""

WORDED = {
    "da": ["år i stillinger i kommuner: 0 (cv)",
           "ikke: har haft en stilling på direktionsniveau (cv)",
           "ingen stilling hvor fagområder omfatter skole (cv)",
           "en uddannelse hvor uddannelsen er en ledelsesuddannelse (cv)",
           "Executive MBA, Henley: ledelsesuddannelse (cv)",
           "ingen stilling hvor organisationen er politisk styret (cv)",
           "'Ledelse' vurderet til 4 (samtale1, Borgmester)",
           "'Juridisk forståelse' vurderet til 2 (samtale1, Borgmester)"],
    "en": ["år i stillinger i kommuner: 0 (cv)",
           "not: har haft en stilling på direktionsniveau (cv)",
           "no position where fields includes schools (cv)",
           "an education where the education is a leadership education (cv)",
           "Executive MBA, Henley: leadership education (cv)",
           "no position where the organisation is politically governed (cv)",
           "'Ledelse' rated 4 (first interview, Borgmester)",
           "'Juridisk forståelse' rated 2 (first interview, Borgmester)"],
}


@pytest.mark.parametrize("language", ["da", "en"])
def test_each_kind_of_evidence_in_words(tmp_path, language):
    """A derived fact by its description, an inline `some` found or not, an entry's field
    under its title, a bool field as what it says, a score with its competency and assessor
    (a criterion reading two said "vurderet til 4 (samtale1, X); vurderet til 2 (samtale1,
    X)", and the committee could not tell which was which)."""
    rules = write(tmp_path, "p.yaml", PROFILE)
    candidate = write(tmp_path, "k.yaml", CANDIDATE)
    done = CliRunner().invoke(main, ["--lang", language, "explain", str(rules), str(candidate),
                                     "--no-audit"])
    assert done.exit_code == 0, done.output
    shown = grounds_in(done.stdout)
    assert [w for w in WORDED[language] if w not in shown] == [], shown


@pytest.mark.parametrize(("language", "worded"), [
    ("da", ["Vicedirektør, Styrelsen: fagområder er uddannelse, skole (cv)",
            "Lektor, Gymnasiet: fagområder er skole (cv)"]),
    ("en", ["Vicedirektør, Styrelsen: fields are education, schools (cv)",
            "Lektor, Gymnasiet: fields is schools (cv)"])])
def test_a_field_of_several_values_is_said_as_several(language, worded):
    """English read "fields is education, schools": a list of two or more takes "are"."""
    evidence = [Evidence("positions[0].domains", ["uddannelse", "skole"], "cv",
                         "Vicedirektør, Styrelsen"),
                Evidence("positions[1].domains", ["skole"], "cv", "Lektor, Gymnasiet")]
    set_language(language)
    try:
        assert grounds(evidence, None) == worded
    finally:
        set_language("da")
