"""What a criterion misses is data (`results.Missing`), and so is the inline `some` an
evidence path tells of: each is worded in the language of whoever reads it. A result
screened in Danish and stored in the audit trail reads in English, and the reverse, in
`audit show`, `audit export` and `explain`; a run stored before, with words only, shows its
words as they were."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from screening.audit.store import AuditStore, CandidateInput
from screening.cli import main
from screening.explain import explain
from screening.i18n import set_language
from screening.records import CandidateRecord
from screening.rulefiles import load_profile
from screening.screen import screen

from .conftest import write

PROFILE = """\
    profile: {id: p, title: T, organisation: O, source: s.txt, version: "1", date: 2024-01-01}
    competencies: {ledelse: Ledelse}
    derived:
      topledelse_aar: {description: År som direktør eller chef, of: positions,
                       where: {field: leadership_level, in: [direktion, chef]},
                       aggregate: sum, field: years}
      raadgiver_aar: {description: År som rådgiver, of: experience,
                      where: {field: role, eq: rådgiver}, aggregate: sum, field: years}
    criteria:
      - {id: fem-aar, name: Fem år i topledelse, category: ledelsesmæssige, priority: krav,
         quote: q1, section: S, when: {fact: topledelse_aar, gte: 5}}
      - {id: raadgiver, name: To år som rådgiver, category: faglige, priority: ønske,
         quote: q2, section: S, when: {fact: raadgiver_aar, gte: 2}}
      - {id: ledelse, name: God ledelse, category: personlige, priority: ønske, quote: q3,
         section: S, sources: [samtale1, reference], when: {assessed: ledelse}}
      - {id: kommune, name: Kommunal stilling, category: faglige, priority: ønske, quote: q4,
         section: S, when: {some: positions, where: {field: sector, eq: kommune}}}
"""

# a position whose level is not recorded, no experience at all, and no assessment
CANDIDATE = {
    "id": "k",
    "positions": [
        {"title": "Direktør", "organisation": "A Kommune", "sector": "kommune",
         "start": "2021-01-01", "leadership_level": "direktion"},
        {"title": "Chef", "organisation": "B A/S", "sector": "privat",
         "start": "2017-01-01", "end": "2021-01-01"}]}

# what the candidate misses, one kind of each (an item's fields, a collection not given, a
# competency not assessed), as each language words it: a section not given by its name in
# that language (Danish papers said "experience: ikke oplyst")
MISSING = {
    "da": ["stilling 2 (Chef, B A/S) mangler ledelsesniveau", "erfaring: ikke oplyst",
           "ingen vurdering af 'Ledelse' fra samtale1, reference"],
    "en": ["position 2 (Chef, B A/S) lacks leadership level", "experience: not given",
           "no assessment of 'Ledelse' by first interview, references"],
}
# the evidence of the inline `some`, as each language words it
SOME = {"da": "en stilling hvor sektor er kommune", "en": "a position where sector is kommune"}
# the papers say the record's code in words; the path above, machines' output, keeps it
SOME_WORDED = {**SOME, "en": "a position where sector is municipality"}
LINE = {"da": "Mangler", "en": "Missing"}
GROUNDS = {"da": "Grundlag", "en": "Evidence"}
ACROSS = [("da", "en"), ("en", "da")]


@pytest.fixture
def files(tmp_path):
    candidate = tmp_path / "k.json"
    candidate.write_text(json.dumps(CANDIDATE), encoding="utf-8")
    return write(tmp_path, "p.yaml", PROFILE), candidate


def cli(*args: str):
    result = CliRunner().invoke(main, [*args])
    assert result.exit_code == 0, result.output
    return result


def screened_in(language: str, files, audit_db) -> str:
    """The run of the candidate screened with `--lang language`, recorded in `audit_db`."""
    rules, candidate = files
    cli("--lang", language, "screen", str(rules), str(candidate), "--audit-db", str(audit_db))
    (run,) = [r["run"] for r in AuditStore(audit_db).runs()][-1:]
    return run


def missing_in(criteria: list[dict]) -> list[str]:
    return sorted(m for c in criteria for m in c["missing"])


def paths_in(criteria: list[dict]) -> list[str]:
    return [e["path"] for c in criteria for e in c["evidence"] if "some" in e]


@pytest.mark.parametrize(("made_in", "read_in"), ACROSS)
def test_a_stored_result_shows_what_is_missing_in_the_readers_language(files, audit_db,
                                                                       made_in, read_in):
    """Screened in Danish, `--lang en audit show/export` read "positions[1] (Chef, B A/S)
    mangler ledelsesniveau", "erfaring: ikke oplyst" and "ingen vurdering af 'Ledelse' fra
    samtale1, reference"; screened in English, Danish readers got English."""
    run = screened_in(made_in, files, audit_db)
    stored = AuditStore(audit_db).result(run, "k")
    assert missing_in(stored["criteria"]) == sorted(MISSING[made_in])  # as the run wrote it
    assert paths_in(stored["criteria"]) == [SOME[made_in]]

    shown = cli("--lang", read_in, "audit", "show", run, "--candidate", "k",
                "--audit-db", str(audit_db)).output.replace("\\", "")  # Markdown's escapes
    exported = cli("--lang", read_in, "audit", "export", run, "--candidate", "k",
                   "--audit-db", str(audit_db)).output.replace("\\", "")
    for text in (shown, exported):
        assert all(f"- {LINE[read_in]}: {m}" in text for m in MISSING[read_in]), text
        assert not any(m in text for m in MISSING[made_in]), text
        assert f"- {GROUNDS[read_in]}: {SOME_WORDED[read_in]} (cv)" in text, text
        assert SOME[made_in] not in text
    document = json.loads(cli("--lang", read_in, "audit", "export", run, "--candidate", "k",
                              "--format", "json", "--audit-db", str(audit_db)).output)
    assert missing_in(document["result"]["criteria"]) == sorted(MISSING[read_in])
    assert paths_in(document["result"]["criteria"]) == [SOME[read_in]]


@pytest.mark.parametrize(("made_in", "read_in"), ACROSS)
def test_explain_words_what_is_missing_in_the_language_it_is_read_in(files, made_in,
                                                                     read_in):
    """A screening made in one language and explained in the other (a result kept by a
    program, or sent back from a worker) named what is missing in the first."""
    rules, _ = files
    set_language(made_in)
    screening = screen(load_profile(rules), [CandidateRecord.model_validate(CANDIDATE)])
    # made now, in the language of the run: as a result kept by a program, or pickled by a
    # worker, has its outcomes
    assert screening.result("k").outcomes[0].missing
    set_language(read_in)
    text = explain(screening, "k")
    assert all(f"{LINE[read_in]}: {m}" in text for m in MISSING[read_in]), text
    assert not any(m in text for m in MISSING[made_in]), text
    assert f"{GROUNDS[read_in]}: {SOME_WORDED[read_in]} (cv)" in text, text
    assert SOME[made_in] not in text


def test_a_run_stored_with_words_only_shows_them_as_they_were(files, audit_db):
    """A run recorded before what is missing was stored as data holds its words alone: they
    show as recorded, in any language, and the chain still verifies."""
    run = screened_in("da", files, audit_db)
    store = AuditStore(audit_db)
    meta, result = store.run(run), store.result(run, "k")
    old = {**{k: v for k, v in result.items() if k != "input"},
           "criteria": [{**{k: v for k, v in c.items() if k != "missing_structured"},
                         "evidence": [{k: v for k, v in e.items() if k != "some"}
                                      for e in c["evidence"]]}
                        for c in result["criteria"]]}
    kept = {k: v for k, v in meta.items() if k not in ("run", "created", "rule_files")}
    source = result["input"]
    record = json.loads(store.blob(source["record"]))
    old_run = store.record_run(
        kept, [(f["path"], store.blob(f["sha256"])) for f in meta["rule_files"]],
        [(CandidateInput("k", source["source"], source["sha256"], record, None), old)])
    store.close()
    for language in ("da", "en"):
        shown = cli("--lang", language, "audit", "show", old_run, "--candidate", "k",
                    "--audit-db", str(audit_db)).output.replace("\\", "")
        assert all(f"- {LINE[language]}: {m}" in shown for m in MISSING["da"]), shown
        assert f"- {GROUNDS[language]}: {SOME['da']} (cv)" in shown, shown
    document = json.loads(cli("--lang", "en", "audit", "export", old_run, "--candidate", "k",
                              "--format", "json", "--audit-db", str(audit_db)).output)
    assert missing_in(document["result"]["criteria"]) == sorted(MISSING["da"])
    assert [e["path"] for c in document["result"]["criteria"] for e in c["evidence"]
            if e["path"] == SOME["da"]] == [SOME["da"]]
    cli("audit", "verify", "--audit-db", str(audit_db))
