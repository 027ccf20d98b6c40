"""The interview guide as a Word document says what the Markdown guide says, read back with
python-docx: the same candidates, criteria and questions, the decisions people made, and
room for the interviewer's notes and scores."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.table import Table
from docx.text.paragraph import Paragraph

from screening.audit.store import AuditStore
from screening.cli import main
from screening.guide import NEXT_STAGES, competencies_read
from screening.i18n import set_language
from screening.rulefiles import find_profile, load_profile
from screening.vocabulary import PRIORITIES, label

from .conftest import ROOT

FOLDER = ROOT / "examples" / "candidates" / "helsingor-direktor-2024"
PROFILE = FOLDER.name
JONAS = "k04-jonas-vestergaard"  # a proposed knock-out at the reference stage
METTE = "k01-mette-kjaer"
ANDERS = "k02-anders-lykke"
QUESTION = re.compile(r"^\d+\. ")


def run(*args: str):
    return CliRunner().invoke(main, list(args), env={"SCREENING_RULES": str(ROOT / "rules")})


def body(path: Path) -> list[Paragraph | Table]:
    """The document's paragraphs and tables, in order."""
    document = docx.Document(str(path))
    return [Paragraph(el, document) if el.tag.endswith("}p") else Table(el, document)
            for el in document.element.body.iterchildren()
            if el.tag.endswith(("}p", "}tbl"))]


def candidates_in(path: Path) -> dict[str, dict]:
    """Per candidate id: its heading paragraph, its criteria (Heading 2) with their
    questions (the numbered rows of the table under each, without their numbers), the
    scores each table asks for, and all its text."""
    found: dict[str, dict] = {}
    current: dict | None = None
    for block in body(path):
        if isinstance(block, Table):
            assert current is not None
            rows = [row.cells[0].text for row in block.rows]
            current["items"][-1][1].extend(QUESTION.sub("", r) for r in rows
                                           if QUESTION.match(r))
            current["scores"][current["items"][-1][0]] = [r for r in rows
                                                          if r.startswith("Score")]
            current["text"] += "\n" + "\n".join(" | ".join(c.text for c in row.cells)
                                                for row in block.rows)
            continue
        if block.style.name == "Heading 1":
            current = {"heading": block, "items": [], "scores": {}, "text": block.text}
            found[re.search(r"\(([^()]+)\)$", block.text).group(1)] = current
        elif current is not None:
            if block.style.name == "Heading 2":
                current["items"].append((block.text, []))
            current["text"] += "\n" + block.text
    return found


def markdown_candidates(text: str) -> dict[str, list[tuple[str, list[str]]]]:
    """Per candidate id, its criteria (### headings) with their numbered questions."""
    found = {}
    for section in text.split("\n## ")[1:]:
        heading, _, rest = section.partition("\n")
        items = []
        for item in rest.split("\n### ")[1:]:
            name, _, lines = item.partition("\n")
            # Markdown numbers each "1." and the reader's viewer counts them
            items.append((name, [QUESTION.sub("", q) for q in lines.splitlines()
                                 if QUESTION.match(q)]))
        found[re.search(r"\(([^()]+)\)$", heading).group(1)] = items
    return found


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("next_stage", NEXT_STAGES)
def test_the_word_guide_asks_what_the_markdown_guide_asks(next_stage, lang, tmp_path):
    out = tmp_path / "guide.docx"
    written = run("--lang", lang, "guide", PROFILE, str(FOLDER), "--stage", next_stage,
                  "--format", "docx", "--out", str(out))
    assert written.exit_code == 0, written.output
    markdown = run("--lang", lang, "guide", PROFILE, str(FOLDER), "--stage", next_stage)
    assert markdown.exit_code == 0, markdown.output
    title = markdown.stdout.splitlines()[0].removeprefix("# ")
    assert body(out)[0].text == title and body(out)[0].style.name == "Title"
    assert docx.Document(str(out)).core_properties.title == title
    candidates = candidates_in(out)
    expected = markdown_candidates(markdown.stdout)
    assert list(candidates) == list(expected)  # in ranking order
    assert set(candidates) == {p.stem for p in FOLDER.iterdir()}
    assert any(items for items in expected.values())
    for candidate, items in expected.items():
        assert candidates[candidate]["items"] == items, candidate
    # each candidate on a page of her own, the first right under the title
    breaks = [c["heading"].paragraph_format.page_break_before for c in candidates.values()]
    assert breaks == [False] + [True] * (len(breaks) - 1)
    # a score for each competency the next stage assesses, named as the profile names it
    profile = load_profile(find_profile(PROFILE, ROOT / "rules"))
    set_language(lang)  # the priority in each heading, as the guide names it
    try:
        by_heading = {f"[{label(PRIORITIES, c.priority)}] {c.name}": c
                      for c in profile.criteria}
    finally:
        set_language("da")
    for candidate in candidates.values():
        for heading, scores in candidate["scores"].items():
            assert scores == [f"Score for {profile.competencies[k]} (1–5)" for k in
                              competencies_read(by_heading[heading], next_stage)], heading
    assert any(scores for c in candidates.values() for scores in c["scores"].values())
    notes = "Noter" if lang == "da" else "Notes"
    for table in (b for b in body(out) if isinstance(b, Table)):
        assert [c.text for c in table.rows[0].cells][1] == notes
        assert all(row.cells[1].text == "" for row in table.rows[1:])  # to be filled in
        numbered = [m.group() for row in table.rows if (m := QUESTION.match(row.cells[0].text))]
        assert numbered == [f"{n}. " for n in range(1, len(numbered) + 1)]


@pytest.fixture
def recorded_run(audit_db) -> str:
    result = run("screen", PROFILE, str(FOLDER), "--stage", "reference", "--format", "json")
    assert result.exit_code == 0, result.output
    return AuditStore(audit_db).runs()[-1]["run"]


@pytest.mark.parametrize(("lang", "stopped", "questions"), [
    ("da", "Ingen spørgsmål: kandidaten går ikke videre efter beslutningen ovenfor.",
     "Spørgsmål"),
    ("en", "No questions: the candidate does not go on, by the decision above.",
     "Questions")])
def test_the_word_guide_shows_decisions_and_asks_a_stopped_candidate_nothing(
        recorded_run, lang, stopped, questions, tmp_path):
    for candidate, flag, reason in ((JONAS, "--confirm", "Har ikke ledet ledere"),
                                    (METTE, "--stop", "Trak ansøgningen")):
        decided = run("decide", recorded_run, candidate, flag, "--reason", reason,
                      "--operator", "Formand")
        assert decided.exit_code == 0, decided.output
    out = tmp_path / "guide.docx"
    result = run("--lang", lang, "guide", PROFILE, str(FOLDER), "--stage", "samtale2",
                 "--format", "docx", "--out", str(out))
    assert result.exit_code == 0, result.output
    markdown = run("--lang", lang, "guide", PROFILE, str(FOLDER), "--stage", "samtale2")
    candidates = candidates_in(out)
    for candidate, reason in ((JONAS, "Har ikke ledet ledere"), (METTE, "Trak ansøgningen")):
        section = candidates[candidate]
        assert reason in section["text"] and "Formand" in section["text"]
        assert stopped in section["text"]
        assert section["items"] == [] and questions not in section["text"]
        decision = next(line for line in section["text"].splitlines() if reason in line)
        assert decision in markdown.stdout  # the line the Markdown guide shows
    assert candidates[ANDERS]["items"] and stopped not in candidates[ANDERS]["text"]
    assert "Formand" not in candidates[ANDERS]["text"]


def test_what_a_record_says_is_text_in_the_word_guide(tmp_path):
    """A name or title with a control character stopped python-docx ("All strings must be
    XML compatible"); markup in it is text, written as typed."""
    record = tmp_path / "k1.yaml"
    record.write_text(
        'id: k1\n'
        'personal: {name: "Ida\\a <script>alert(1)</script>\\e[2J\\uFFFE"}\n'
        'positions:\n'
        '  - {title: "Chef\\x00 <b>x</b>", organisation: Gribskov Kommune, sector: kommune,\n'
        '     start: 2015-01-01, leadership_level: chef, leaders_led: 3}\n', "utf-8")
    out = tmp_path / "guide.docx"
    result = run("guide", PROFILE, str(record), "--stage", "samtale1", "--format", "docx",
                 "--out", str(out))
    assert result.exit_code == 0, result.output
    (section,) = candidates_in(out).values()
    assert section["heading"].text == "1. Ida <script>alert(1)</script>[2J (k1)"
    assert "(Chef <b>x</b>, Gribskov Kommune)" in section["text"]


@pytest.mark.parametrize(("lang", "said"), [
    ("da", "--format docx skriver et Word-dokument og kræver --out FIL"),
    ("en", "--format docx writes a Word document and needs --out FILE")])
def test_the_word_guide_needs_out(lang, said, tmp_path):
    result = run("--lang", lang, "guide", PROFILE, str(FOLDER), "--stage", "samtale1",
                 "--format", "docx")
    assert result.exit_code == 2 and said in result.stderr
    assert result.stdout == ""


def test_the_word_guide_is_written_whole_or_not_at_all(tmp_path):
    out = tmp_path / "guide.docx"
    out.write_bytes(b"the committee's annotated copy")
    refused = run("guide", PROFILE, str(FOLDER), "--stage", "samtale1", "--format", "docx",
                  "--id", "k02-anders-lyk", "--out", str(out))
    assert refused.exit_code == 2
    record = next(FOLDER.iterdir())
    over_input = run("guide", PROFILE, str(record), "--stage", "samtale1", "--format",
                     "docx", "--out", str(record))
    assert over_input.exit_code == 2 and "E007" in over_input.stderr
    assert out.read_bytes() == b"the committee's annotated copy"
    args = ["guide", PROFILE, str(FOLDER), "--stage", "samtale1", "--format", "docx", "--out",
            str(out)]
    # a copy the committee annotated is not replaced unasked, even by a good guide
    kept = run(*args)
    assert kept.exit_code == 2 and kept.stderr.splitlines()[-1] == (
        f"fejl: {out}: E007 findes allerede; --overwrite erstatter den")
    assert out.read_bytes() == b"the committee's annotated copy"
    written = run(*args, "--overwrite")
    assert written.exit_code == 0, written.output
    assert candidates_in(out) and sorted(p.name for p in tmp_path.iterdir()) == ["guide.docx"]


@pytest.mark.parametrize(("lang", "said"), [("da", "docx et Word-dokument"),
                                            ("en", "docx a Word document")])
def test_the_help_names_the_word_guide_in_the_language(lang, said):
    result = run("--lang", lang, "guide", "--help")
    assert result.exit_code == 0
    assert said in " ".join(result.stdout.split())
    assert "--format docx --out guide.docx" in result.stdout


def test_readmes_papers_section_makes_the_word_guide(tmp_path, monkeypatch):
    """The command README's papers section shows, run as written from a folder laid out as
    README's reader has it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    papers = readme.split("## Papers for the committee")[1].split("\n## ")[0]
    (command,) = [line for line in papers.splitlines()
                  if line.startswith("screening guide") and "--format docx" in line]
    for name in ("rules", "examples"):
        (tmp_path / name).symlink_to(ROOT / name)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, shlex.split(command)[1:], env={"SCREENING_RULES": None})
    assert result.exit_code == 0, result.output
    out = tmp_path / shlex.split(command)[-1]
    assert ANDERS in candidates_in(out)


def test_the_word_guide_names_the_records_it_could_not_read(tmp_path):
    """As the Markdown and HTML guides do: nobody is left out of the panel's papers unseen."""
    folder = tmp_path / "candidates"
    folder.mkdir()
    source = sorted(FOLDER.iterdir())[0]
    (folder / source.name).write_bytes(source.read_bytes())
    broken = folder / "z_broken.yaml"
    broken.write_text("id: z-broken\npositions: [{title: X}]\n", "utf-8")
    out = tmp_path / "guide.docx"
    result = run("guide", PROFILE, str(folder), "--stage", "samtale1", "--format", "docx",
                 "--out", str(out))
    assert result.exit_code == 0, result.output
    said = f"Ikke med: {broken} kunne ikke læses som kandidatposter og er ikke screenet."
    assert said in [block.text for block in body(out) if isinstance(block, Paragraph)]
    assert list(candidates_in(out)) == [source.stem]


def test_the_word_guide_finds_its_styles_and_its_place_once_however_many_candidates(
        monkeypatch):
    """A guide for a whole field of applicants is made in time growing with their number:
    python-docx's own `add_paragraph` searched the body for its end and the styles for the
    one named on every paragraph, so 400 candidates took minutes. Counted, not timed: the
    guide for twice the candidates looks up no more styles and searches the body no more."""
    from docx.oxml.document import CT_Body
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.parts.document import DocumentPart

    from benchmarks.generate import candidates
    from screening import guide, guide_docx
    from screening.records import CandidateRecord

    from .screeners import screen

    profile = load_profile(find_profile(PROFILE, ROOT / "rules"))
    next_stage = NEXT_STAGES[0]
    counts = {"style lookups": 0, "body searches": 0}
    get_style_id, insert_element_before = (DocumentPart.get_style_id,
                                           BaseOxmlElement.insert_element_before)

    def counted_get_style_id(self, *args):
        counts["style lookups"] += 1
        return get_style_id(self, *args)

    def counted_insert_element_before(self, *args):
        counts["body searches"] += isinstance(self, CT_Body)
        return insert_element_before(self, *args)

    monkeypatch.setattr(DocumentPart, "get_style_id", counted_get_style_id)
    monkeypatch.setattr(BaseOxmlElement, "insert_element_before", counted_insert_element_before)

    def counted(n: int) -> dict[str, int]:
        records = [CandidateRecord.model_validate(r) for r in candidates(profile, n)]
        screening = screen(profile, records, guide.evidence_stage(next_stage))
        written = guide.guide(screening, next_stage)
        assert sum(len(g.items) for g in written) >= n  # each has criteria to settle
        counts.update({"style lookups": 0, "body searches": 0})
        guide_docx.document(screening, next_stage, written)
        return dict(counts)

    assert counted(20) == counted(10)
