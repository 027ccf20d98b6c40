"""`screening new`: a draft from each seed text (and from a .docx and a .pdf made from one)
lints clean, screens the shipped examples, quotes only the text's own words, and covers at
least 90 % of the seed's statements as `screening trace` counts them."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from screening.cli import main
from screening.documents import plain, read_document
from screening.draft import Drafted, draft
from screening.lint import lint_paths
from screening.rulefiles import load_profile
from screening.schema import profile_schema
from screening.screen import screen
from screening.trace import (
    covered,
    find_source,
    normalise,
    read_text,
    split_statements,
    trace_profile,
)

from .conftest import EXAMPLES, ROOT
from .test_trace import HEADED_ITEMS, PROFILES, SEEDS

jsonschema = pytest.importorskip("jsonschema")
RULES = ROOT / "rules"
SEED_TEXTS = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
MIN_COVERAGE = 90.0


def collapsed(text: str) -> str:
    return " ".join(text.split())


def write_draft(text: Path, tmp_path: Path) -> Path:
    out = tmp_path / f"udkast-{text.stem.lower().replace('_', '-')}.yaml"
    result = CliRunner().invoke(main, ["new", str(text), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def check_draft(out: Path, seed: Path, source_text: str) -> None:
    assert lint_paths([out]) == []
    doc, _ = read_document(out)
    jsonschema.validate(plain(doc.data), profile_schema())  # editors accept it too
    profile = load_profile(out)
    # never an invented quote: each is the text's own words (whitespace and markdown's
    # emphasis aside)
    for c in profile.criteria:
        assert collapsed(c.quote) in collapsed(re.sub(r"[*_]", "", source_text)), c.quote
    (tr,) = trace_profile(profile)
    assert not tr.missing_quotes
    # the draft covers the seed's statements, as trace counts them in the .txt
    quotes = [normalise(c.quote).casefold() for c in profile.criteria]
    statements = [s for s in split_statements(seed.read_text(encoding="utf-8")) if s.counted]
    done = sum(covered(s, quotes, set()) for s in statements)
    assert 100 * done / len(statements) >= MIN_COVERAGE, (done, len(statements))
    from screening.candidates import load_records

    loaded, _ = load_records([EXAMPLES[0]])
    records = [r.record for r in loaded]
    assert len(screen(profile, records).results) == len(records)


@pytest.mark.parametrize("seed", SEED_TEXTS, ids=lambda p: p.name)
def test_a_draft_of_each_seed_lints_traces_screens_and_covers_the_seed(seed, tmp_path):
    out = write_draft(seed, tmp_path)
    check_draft(out, seed, seed.read_text(encoding="utf-8"))
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# UDKAST skrevet af `screening new`")
    assert "Skal besluttes" in text
    feature = out.with_suffix(".feature")
    krav = len(re.findall(r"^    priority: krav$", text, re.MULTILINE))
    if not krav:  # Høje-Taastrup's softener makes ønsker of all its statements (R7)
        assert not feature.exists()
        return
    result = CliRunner().invoke(main, ["test", str(feature), "--check"])
    assert result.exit_code == 0, result.output
    assert feature.read_text(encoding="utf-8").count("Scenarie:") == krav


def test_a_draft_from_a_docx_and_a_pdf_made_from_a_seed(tmp_path):
    if not SEED_TEXTS:
        pytest.skip("the seed documents are not here")
    import docx
    from fpdf import FPDF

    seed = SEED_TEXTS[-1]
    blocks = [b.strip() for b in seed.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    document = docx.Document()
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    for block in blocks:
        lines = block.splitlines()
        if all(line.startswith("- ") for line in lines):
            for line in lines:
                document.add_paragraph(line[2:], style="List Bullet")
        else:
            document.add_paragraph(" ".join(lines))
        # the PDF core fonts are Latin-1: dashes and curly quotes become '?'
        pdf.multi_cell(0, 5, block.encode("latin-1", "replace").decode("latin-1"))
        pdf.ln(5)
    for suffix, save in ((".docx", document.save), (".pdf", pdf.output)):
        made = tmp_path / f"{seed.stem}{suffix}"
        save(str(made))
        folder = tmp_path / suffix[1:]  # a draft of each: never one over the other's
        folder.mkdir()
        out = write_draft(made, folder)
        check_draft(out, seed if suffix == ".docx" else _latin1_seed(seed, tmp_path),
                    read_text(made))


def test_a_word_profile_with_its_competencies_in_a_table_drafts_each_of_them(tmp_path):
    """A .docx was read paragraph by paragraph and its tables skipped: two krav in a table
    were neither drafted nor counted, and trace reported the profile 100 % accounted for."""
    import docx

    document = docx.Document()
    document.add_heading("Direktør, Greve Kommune", 1)
    document.add_paragraph("Du er robust og rolig.")
    table = document.add_table(rows=3, cols=2)
    for row, (what, said) in enumerate([("Kompetence", "Forventning"),
                                        ("Ledelse", "Det er afgørende, at du har ledet ledere."),
                                        ("Økonomi", "Du skal kunne styre et stort budget.")]):
        table.cell(row, 0).text, table.cell(row, 1).text = what, said
    made = tmp_path / "profil.docx"
    document.save(str(made))
    profile = load_profile(write_draft(made, tmp_path))
    assert [(c.quote, c.priority, c.section) for c in profile.criteria
            if c.priority == "krav"] == [
        ("Det er afgørende, at du har ledet ledere.", "krav", "Ledelse"),
        ("Du skal kunne styre et stort budget.", "krav", "Økonomi")]
    (tr,) = trace_profile(profile)
    assert len(tr.statements) == 2 and not tr.uncovered and not tr.missing_quotes


@pytest.mark.parametrize("name,table", [
    ("profil.txt", "Kompetence\tForventning\nLedelse\tDet er afgørende, at du har ledet "
                   "ledere.\nØkonomi\tDu skal kunne styre et stort budget.\n"),
    ("profil.md", "| Kompetence | Forventning |\n|---|---|\n| Ledelse | Det er afgørende, at "
                  "du har ledet ledere. |\n| Økonomi | Du skal kunne styre et stort budget. |\n"),
], ids=["tabs", "markdown"])
def test_a_table_saved_as_text_drafts_the_cells_that_ask_something(tmp_path, name, table):
    """A line with tabs was one table row, never counted: the krav in its cells were
    neither drafted nor missed by trace. A markdown table was one sentence: one criterion
    quoting '| Kompetence | Forventning | |---|---| | Ledelse | Det er afgørende ...', two
    krav in one. Each cell now stands on its own."""
    text = tmp_path / name
    text.write_text("Direktør, Greve Kommune\n\n" + table, encoding="utf-8")
    profile = load_profile(write_draft(text, tmp_path))
    assert [(c.quote, c.priority) for c in profile.criteria] == [
        ("Det er afgørende, at du har ledet ledere.", "krav"),
        ("Du skal kunne styre et stort budget.", "krav")]
    (tr,) = trace_profile(profile)
    assert len(tr.statements) == 2 and not tr.uncovered and not tr.missing_quotes


def test_a_numbered_section_heading_in_plain_text_is_a_heading_not_a_criterion(tmp_path):
    """In a plain text, '2. Personprofil' right above '2.1 Faglige kompetencer' was read as a
    numbered item, as Albertslund's '1. Struktureret ledelsesstil' above its prose is: the
    draft had a criterion quoting 'Personprofil'. A numbered line right above its first
    subsection is the section's heading."""
    text = tmp_path / "profil.txt"
    text.write_text("Sundhedschef, Greve Kommune\n\n2. Personprofil\n\n2.1 Faglige kompetencer"
                    "\n\nDet er afgørende, at du har ledet ledere.\n\n1. Struktureret "
                    "ledelsesstil\n\nDu skal have en struktureret ledelsesstil.\n",
                    encoding="utf-8")
    profile = load_profile(write_draft(text, tmp_path))
    assert [(c.quote, c.section, c.category) for c in profile.criteria] == [
        ("Det er afgørende, at du har ledet ledere.", "2.1 Faglige kompetencer", "faglige"),
        ("Du skal have en struktureret ledelsesstil.", "2.1 Faglige kompetencer", "faglige")]
    assert [s.sections for s in split_statements(text.read_text(encoding="utf-8"))
            if s.kind == "sentence"] == [("2. Personprofil", "2.1 Faglige kompetencer")]


def test_a_numbered_block_quotes_the_sentence_that_says_its_title(tmp_path):
    """Albertslund's '3. Sikker proces- og forandringsledelse' was quoted by its first
    sentence with 'skal', 'Du bliver en del af en organisation ...', not by the one that
    asks for what the title names: the consultant's criterion quotes 'Det kræver en leder,
    der har evnen til at styre processer ...'."""
    text = tmp_path / "profil.md"
    text.write_text(
        "# Sekretariatschef, Greve Kommune\n\n## Væsentlige kompetencer\n\n"
        "1. Sikker proces- og forandringsledelse\n\n"
        "Du bliver en del af en organisation med mange projekter, som du skal bidrage til at "
        "få gennemført. Det kræver en leder, der har evnen til at styre processer og "
        "forandringer. Du skal kunne motivere alle parter.\n", encoding="utf-8")
    (criterion,) = load_profile(write_draft(text, tmp_path)).criteria
    assert criterion.quote == ("Det kræver en leder, der har evnen til at styre processer og "
                               "forandringer.")
    assert criterion.name == "Sikker proces- og forandringsledelse"


KRAV_OENSKE_TABLES = {
    "markdown": "| Kompetence | Beskrivelse | Krav/ønske |\n|---|---|---|\n"
                "| Ledelse af ledere | Erfaring med ledelse af ledere i en politisk styret "
                "organisation | Krav |\n| Sundhedsindsigt | Indsigt i det nære sundhedsvæsen "
                "| Et plus |\n| Økonomistyring | Solid erfaring med økonomistyring | "
                "Afgørende |\n",
    "markdown without outer pipes": "Kompetence | Prioritet | Beskrivelse\n:--|:-:|:--\n"
                "Ledelse af ledere | krav | Erfaring med ledelse af ledere i en politisk "
                "styret organisation\nSundhedsindsigt | ønske | Indsigt i det nære "
                "sundhedsvæsen\nØkonomistyring | afgørende | Solid erfaring med "
                "økonomistyring\n",
    "tabs": "Kompetence\tBeskrivelse\tKrav/ønske\nLedelse af ledere\tErfaring med ledelse "
            "af ledere i en politisk styret organisation\tKrav\nSundhedsindsigt\tIndsigt i "
            "det nære sundhedsvæsen\tVægtes positivt\nØkonomistyring\tSolid erfaring med "
            "økonomistyring\tAfgørende\n",
}


@pytest.mark.parametrize("table", KRAV_OENSKE_TABLES.values(), ids=KRAV_OENSKE_TABLES.keys())
def test_a_table_with_a_krav_oenske_column_drafts_each_row_as_its_column_says(tmp_path, table):
    """A profile as a table whose column says krav or ønske drafted nothing (E009): no cell
    asks something of people in words, so none counted, and a markdown table without its
    outer pipes was one sentence. Each row is now one criterion: its longest cell quoted, its
    first naming it, krav or ønske as its column says, with the reason lint needs."""
    text = tmp_path / "profil.md"
    text.write_text("# Sundhedschef, Greve Kommune\n\n## Kompetencer\n\n" + table,
                    encoding="utf-8")
    out = write_draft(text, tmp_path)
    assert lint_paths([out]) == []
    profile = load_profile(out)
    assert [(c.name, c.quote, c.priority, c.section) for c in profile.criteria] == [
        ("Ledelse af ledere",
         "Erfaring med ledelse af ledere i en politisk styret organisation", "krav",
         "Kompetencer"),
        ("Sundhedsindsigt", "Indsigt i det nære sundhedsvæsen", "ønske", "Kompetencer"),
        ("Økonomistyring", "Solid erfaring med økonomistyring", "krav", "Kompetencer")]
    assert [c.lint_ignore for c in profile.criteria] == [("L303",), (), ("L303",)]
    assert "reason: \"Krav ud fra tabellens krav/ønske-kolonne: " in out.read_text(
        encoding="utf-8")
    (tr,) = trace_profile(profile)
    assert len(tr.statements) == 3 and not tr.uncovered and not tr.missing_quotes


def test_a_row_whose_krav_oenske_column_says_nothing_readable_is_drafted_all_the_same(
        tmp_path):
    """One row whose column said 'Se note', or nothing, made the whole table no krav/ønske
    table: none of its rows was drafted or counted. The table is one when half its rows or
    more say krav or ønske; every row is drafted, the others as ønsker with the column's
    word pointed out for the consultant to decide."""
    text = tmp_path / "profil.md"
    text.write_text("# Sundhedschef, Greve Kommune\n\n## Kompetencer\n\n"
                    "| Kompetence | Beskrivelse | Krav/ønske |\n|---|---|---|\n"
                    "| Ledelse af ledere | Erfaring med ledelse af ledere | Krav |\n"
                    "| Sundhedsindsigt | Indsigt i det nære sundhedsvæsen | Et plus |\n"
                    "| Kommunikation | Formidler klart og i øjenhøjde | Se note |\n"
                    "| Økonomi | Styrer et budget på 2 mia. kr. | |\n", encoding="utf-8")
    out = write_draft(text, tmp_path)
    assert lint_paths([out]) == []
    profile = load_profile(out)
    assert [(c.quote, c.priority) for c in profile.criteria] == [
        ("Erfaring med ledelse af ledere", "krav"), ("Indsigt i det nære sundhedsvæsen", "ønske"),
        ("Formidler klart og i øjenhøjde", "ønske"), ("Styrer et budget på 2 mia. kr.", "ønske")]
    written = out.read_text(encoding="utf-8")
    assert "tabellens krav/ønske-kolonne siger 'Se note', hvilket intet afgør" in written
    assert "tabellens krav/ønske-kolonne siger intet" in written
    (tr,) = trace_profile(profile)
    assert len(tr.statements) == 4 and not tr.uncovered


def test_a_word_table_with_a_krav_oenske_column_drafts_each_row_as_its_column_says(tmp_path):
    """A .docx was read cell by cell, each a paragraph: 'Ledelse af ledere', 'Krav' and
    'Ønske' were read as headings and the profile drafted nothing (E009). A Word table with
    a krav/ønske column is now read as a table saved as text is, a row a line."""
    import docx

    document = docx.Document()
    document.add_heading("Sundhedschef, Greve Kommune", 1)
    document.add_heading("Kompetencer", 2)
    rows = [("Kompetence", "Beskrivelse", "Krav/ønske"),
            ("Ledelse af ledere", "Erfaring med ledelse af ledere", "Krav"),
            ("Sundhedsindsigt", "Indsigt i det nære sundhedsvæsen", "Et plus")]
    table = document.add_table(rows=len(rows), cols=3)
    for n, row in enumerate(rows):
        for m, text in enumerate(row):
            table.cell(n, m).text = text
    made = tmp_path / "profil.docx"
    document.save(str(made))
    out = write_draft(made, tmp_path)
    assert lint_paths([out]) == []
    profile = load_profile(out)
    assert [(c.name, c.quote, c.priority, c.section) for c in profile.criteria] == [
        ("Ledelse af ledere", "Erfaring med ledelse af ledere", "krav", "Kompetencer"),
        ("Sundhedsindsigt", "Indsigt i det nære sundhedsvæsen", "ønske", "Kompetencer")]
    (tr,) = trace_profile(profile)
    assert len(tr.statements) == 2 and not tr.uncovered and not tr.missing_quotes


MARKED_ROWS = [("Kompetence", "Beskrivelse", "Krav", "Ønske"),
               ("Ledelse af ledere", "Erfaring med ledelse af ledere", "X", ""),
               ("Sundhedsindsigt", "Indsigt i det nære sundhedsvæsen", "", "✓"),
               ("Økonomistyring", "Solid erfaring med økonomistyring", "ja", ""),
               ("Kommunikation", "Formidler klart og i øjenhøjde", "x", "x")]
MARKED_TABLES = {
    "markdown": "\n".join(["| " + " | ".join(MARKED_ROWS[0]) + " |", "|---|---|:-:|:-:|",
                           *("| " + " | ".join(row) + " |" for row in MARKED_ROWS[1:])]),
    "tabs": "\n".join("\t".join(row) for row in MARKED_ROWS),
}


def _marked_table_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Sundhedschef, Greve Kommune", 1)
    document.add_heading("Kompetencer", 2)
    table = document.add_table(rows=len(MARKED_ROWS), cols=len(MARKED_ROWS[0]))
    for n, row in enumerate(MARKED_ROWS):
        for m, text in enumerate(row):
            table.cell(n, m).text = text
    document.save(str(path))
    return path


@pytest.mark.parametrize("kind", [*MARKED_TABLES, "docx"])
def test_a_table_with_a_krav_and_an_oenske_column_marked_drafts_each_row_as_marked(
        tmp_path, kind):
    """A table with a 'Krav' and an 'Ønske' column, each row marked with X (✓, 'x', 'ja') in
    one of them, was read cell by cell: no cell asks something of people in words, so the
    draft had nothing (E009) and trace counted nothing. Each row is now one criterion, krav
    or ønske as its mark says; one marked in both is an ønske for the consultant to decide."""
    if kind == "docx":
        text = _marked_table_docx(tmp_path / "profil.docx")
    else:
        text = tmp_path / "profil.md"
        text.write_text("# Sundhedschef, Greve Kommune\n\n## Kompetencer\n\n"
                        + MARKED_TABLES[kind] + "\n", encoding="utf-8")
    out = write_draft(text, tmp_path)
    assert lint_paths([out]) == []
    profile = load_profile(out)
    assert [(c.name, c.quote, c.priority) for c in profile.criteria] == [
        ("Ledelse af ledere", "Erfaring med ledelse af ledere", "krav"),
        ("Sundhedsindsigt", "Indsigt i det nære sundhedsvæsen", "ønske"),
        ("Økonomistyring", "Solid erfaring med økonomistyring", "krav"),
        ("Kommunikation", "Formidler klart og i øjenhøjde", "ønske")]
    (tr,) = trace_profile(profile)
    assert len(tr.statements) == 4 and not tr.uncovered and not tr.missing_quotes


def _latin1_seed(seed: Path, tmp_path: Path) -> Path:
    """The seed as the PDF can hold it, to count its statements."""
    copy = tmp_path / f"{seed.stem}-latin1.txt"
    text = seed.read_text(encoding="utf-8").encode("latin-1", "replace").decode("latin-1")
    copy.write_text(text, encoding="utf-8")
    return copy


def test_a_draft_says_which_words_decided_each_criterion_and_quotes_colons_safely(tmp_path):
    text = tmp_path / "profil.md"
    text.write_text("# Direktør, Greve Kommune\n\nMarts 2025\n\n## Personlige kompetencer\n\n"
                    "Du er ansvarlig for at: lede ledere.\n\n"
                    "Det er afgørende, at du har ledelseserfaring.\n\n"
                    "Erfaring med medier vægtes positivt.\n\n"
                    "Du har en vigtig rolle i direktionen.\n\n"
                    "Det forventes, at du:\n\n- Er nysgerrig\n", encoding="utf-8")
    out = write_draft(text, tmp_path)
    written = out.read_text(encoding="utf-8")
    assert 'quote: "Du er ansvarlig for at: lede ledere."' in written
    assert "# krav: 'afgørende' i citatet (linje 9 i teksten)" in written
    assert "# ønske: 'vægtes positivt' i citatet (linje 11 i teksten)" in written
    assert "# ønske, vægt 2: 'vigtig' i citatet (linje 13 i teksten)" in written
    profile = load_profile(out)
    assert profile.meta.organisation == "Greve Kommune"
    assert profile.meta.date.isoformat() == "2025-03-01"
    assert profile.meta.source == "profil.md"
    weights = {c.quote: (c.priority, c.weight) for c in profile.criteria}
    assert weights["Det er afgørende, at du har ledelseserfaring."] == ("krav", 3)
    assert weights["Du har en vigtig rolle i direktionen."] == ("ønske", 2)
    # a list item gets its priority from its own words (lint reads the quote), and the
    # comment points at the lead-in's words for the consultant to weigh
    assert weights["Er nysgerrig"] == ("ønske", 1)
    assert ("# ønske: intet ord i citatet afgør det, et ønske som standard; indledningen "
            "siger 'forventes' (linje 17 i teksten)") in written
    assert lint_paths([out]) == []


@pytest.mark.parametrize("lang, said", [
    ("da", ["# UDKAST skrevet af `screening new` ud fra profil.md; kriterier: 3 (2 krav, 1",
            "# Skal besluttes, før der screenes for alvor:",
            "# - profilens dato: ikke fundet i teksten, sat til udkastets dato",
            "# krav: 'afgørende' i indledningen \"Det er afgørende, at du:\" (linje 7 i teksten)",
            "reason: \"Krav ud fra indledningen: Det er afgørende, at du:\"",
            "reason: \"Sådan læses udsagnene, der følger (en blødgører, R7)",
            "# ønske, vægt 2: 'skal' i citatet, blødgjort af teksten (R7, se set_aside)",
            'organisation: "Organisation (udfyld)"', 'version: "0.1-udkast"',
            "kriterier: 3 (2 krav); se hovedkommentaren"]),
    ("en", ["# DRAFT written by `screening new` from profil.md; criteria: 3 (2 krav, 1",
            "# Still to decide before screening for real:",
            "# - the profile's date: not found in the text, set to the day of the draft",
            "# krav: 'afgørende' in its lead-in \"Det er afgørende, at du:\" (line 7 of the text)",
            "reason: \"Krav by its lead-in: Det er afgørende, at du:\"",
            "reason: \"How to read the statements that follow (a softener, R7)",
            "# ønske, weight 2: 'skal' in the quote, softened by the text (R7, see set_aside)",
            'organisation: "Organisation (fill in)"', 'version: "0.1-draft"',
            "criteria: 3 (2 krav); the header comment lists"]),
])
def test_a_draft_comments_and_gives_its_reasons_in_the_language_of_the_run(
        tmp_path, lang, said):
    """A Danish run wrote the draft's head comment, the comment at each criterion and the
    reasons of its lint_ignore and set_aside in English: they are in the run's language, as
    are the placeholders of its organisation and version and what the run says of it."""
    text = tmp_path / "profil.md"
    text.write_text("## Personlige kompetencer\n\nVi forventer ikke, at du kan alt, men at du "
                    "besidder flest mulig af nedenstående egenskaber:\n\n"
                    "Det er afgørende, at du:\n\n- har ledet ledere\n- kender skolen\n\n"
                    "Du skal være robust.\n", encoding="utf-8")
    out = tmp_path / "udkast.yaml"
    result = CliRunner().invoke(main, ["--lang", lang, "new", str(text), "--out", str(out)])
    assert result.exit_code == 0, result.output
    written = out.read_text(encoding="utf-8") + result.output
    assert [line for line in said if line not in written] == []
    assert lint_paths([out]) == []
    assert len(load_profile(out).criteria) == 3


def test_a_text_that_asks_nothing_gives_a_located_error_not_an_empty_draft(tmp_path):
    text = tmp_path / "om.txt"
    text.write_text("Om kommunen\n\nKommunen ligger ved vandet.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["new", str(text)])
    assert result.exit_code == 2
    assert f"{text}: E009 fandt intet udsagn, der stiller krav til kandidaten" in result.output
    # in English: the words it reads, in both languages the text may be in
    english = tmp_path / "about.txt"
    english.write_text("About the municipality\n\nThe municipality lies by the sea.\n",
                       encoding="utf-8")
    said = CliRunner().invoke(main, ["--lang", "en", "new", str(english)]).output
    assert "E009" in said and "'must', 'essential', 'an advantage'" in said
    assert "the draft reads profile texts in Danish and in English" in said
    missing = CliRunner().invoke(main, ["--lang", "en", "new", str(tmp_path / "nej.docx")])
    assert missing.exit_code == 2 and "E001 file not found" in missing.output


@pytest.mark.parametrize("out_name,said", [
    ("profil.md", "E007 ville skrive over profilteksten, udkastet bygger på"),
    ("udkast.feature", "E007 regelfilen og dens scenarier (.feature) ville blive samme fil; "
                       "giv regelfilen endelsen .yaml"),
])
def test_a_draft_never_writes_over_the_text_or_its_own_rule_file(tmp_path, out_name, said):
    """`--out udkast.feature` wrote the rule file, then the scenarios over it; `--out` naming
    the profile text replaced the text the draft quotes. Refused before anything is written."""
    text = tmp_path / "profil.md"
    text.write_text("## Personlige kompetencer\n\nDet er afgørende, at du er ordentlig.\n",
                    encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    out = tmp_path / out_name
    result = CliRunner().invoke(main, ["new", str(text), "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert f"{out}: {said}" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert text.read_text(encoding="utf-8").startswith("## Personlige kompetencer")


def test_a_draft_names_each_section_as_the_text_writes_it(tmp_path):
    """Headings are compared without hyphens (a word split at a line break), and the draft
    wrote them so: 'Høje-Taastrup' became 'HøjeTaastrup', 'Faglige- og' 'Fagligeog'."""
    text = tmp_path / "profil.md"
    text.write_text("## Faglige- og personlige kompetencer i Høje-Taastrup Kommune\n\n"
                    "- Det er afgørende, at du er ordentlig.\n", encoding="utf-8")
    out = write_draft(text, tmp_path)
    (criterion,) = load_profile(out).criteria
    assert criterion.section == "Faglige- og personlige kompetencer i Høje-Taastrup Kommune"


def test_a_markdown_heading_right_above_its_list_opens_a_section_and_is_no_quote(tmp_path):
    """Markdown is often written without blank lines around headings. The heading was read
    as a line of the item above it: the draft quoted "Du er robust og rolig. ## Faglige
    kompetencer", which trace could not find, and put every criterion in "Profilen"."""
    text = tmp_path / "profil.md"
    text.write_text("# Direktør, Greve Kommune\n## Personlige kompetencer\n"
                    "- Du skal være en tydelig kommunikator.\n- Du er robust og rolig.\n"
                    "## Faglige kompetencer\n- Du skal have indsigt i teknik og miljø.\n",
                    encoding="utf-8")
    profile = load_profile(write_draft(text, tmp_path))
    assert profile.meta.title == "Direktør, Greve Kommune"
    assert [(c.quote, c.section) for c in profile.criteria] == [
        ("Du skal være en tydelig kommunikator.", "Personlige kompetencer"),
        ("Du er robust og rolig.", "Personlige kompetencer"),
        ("Du skal have indsigt i teknik og miljø.", "Faglige kompetencer")]
    (tr,) = trace_profile(profile)
    assert not tr.missing_quotes and not tr.uncovered


@pytest.mark.parametrize("marks", [("● ", "▪ ", "◦ "), ("·\t", "\uf0b7\t", "1.\t"),
                                   ("a) ", "b) ", "c) ")],
                         ids=["word-bullets", "marker-and-tab", "letters"])
def test_bullets_as_word_and_pdf_exports_write_them_are_items_each_its_own_criterion(
        tmp_path, marks):
    """"●"/"▪" (a PDF of a Word list) made one sentence of the whole list, and a marker with
    a tab after it (Word's plain text) a table row that never counts: the krav in it were
    drafted as one ønske ("et plus" wins) or not at all, and trace found nothing missing."""
    items = ["Du skal have ledet ledere", "Erfaring med medier er et plus",
             "Du skal kunne kommunikere"]
    text = tmp_path / "profil.txt"
    text.write_text("Direktør, Greve Kommune\n\nPersonlige kompetencer\n\n" + "".join(
        f"{mark}{item}\n" for mark, item in zip(marks, items, strict=True)), encoding="utf-8")
    profile = load_profile(write_draft(text, tmp_path))
    assert [(c.quote, c.priority) for c in profile.criteria] == [
        (items[0], "krav"), (items[1], "ønske"), (items[2], "krav")]
    (tr,) = trace_profile(profile)
    assert len(tr.statements) == 3 and not tr.uncovered and not tr.missing_quotes


def test_a_broken_pdf_is_one_located_error_without_the_readers_own_warnings(tmp_path):
    """pypdf logged 'invalid pdf header', 'EOF marker not found' (twice) to stderr first; in
    a real process, where no test harness catches its log."""
    text = tmp_path / "profil.pdf"
    text.write_bytes(b"garbage, not a PDF\n")
    script = Path(sys.executable).parent / "screening"
    result = subprocess.run([str(script), "new", str(text)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"fejl: {text}: E004 kan ikke læse denne .pdf-fil: Stream has ended unexpectedly"]


def test_a_draft_without_krav_writes_no_feature_file_that_cannot_run(tmp_path):
    """One scenario per krav: with none, the feature file had a Baggrund and no scenario,
    and `screening test` failed on it ('(kan ikke indlæses)', NoScenariosFound)."""
    text = tmp_path / "profil.md"
    text.write_text("## Personlige kompetencer\n\n- Du er nysgerrig.\n- Humor er et plus.\n",
                    encoding="utf-8")
    out = tmp_path / "udkast.yaml"
    result = CliRunner().invoke(main, ["new", str(text), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "ingen krav, så intet udkast til scenarier" in result.output
    assert out.exists() and not out.with_suffix(".feature").exists()
    english = CliRunner().invoke(main, ["--lang", "en", "new", str(text), "--out", str(out),
                                        "--overwrite"])
    assert "no krav, so no draft scenarios" in english.output


def test_a_rule_file_or_draft_scenarios_already_there_are_kept_unless_asked(tmp_path):
    """A rule file there may be hours of a consultant's edits: a new draft over it, or over
    its scenarios, is refused (E007, naming each) unless --overwrite says to replace them."""
    text = tmp_path / "profil.md"
    text.write_text("## Personlige kompetencer\n\nDet er afgørende, at du er ordentlig.\n",
                    encoding="utf-8")
    out = tmp_path / "greve.yaml"
    scenarios = out.with_suffix(".feature")
    for existing in ([out], [scenarios], [out, scenarios]):
        for path in existing:
            path.write_text("# rettet i hånden\n", encoding="utf-8")
        result = CliRunner().invoke(main, ["new", str(text), "--out", str(out)])
        assert result.exit_code == 2, result.output
        for path in existing:
            assert f"{path}: E007 findes allerede; --overwrite erstatter den" in result.output
            assert path.read_text(encoding="utf-8") == "# rettet i hånden\n"
            path.unlink()
    out.write_text("# rettet i hånden\n", encoding="utf-8")
    replaced = CliRunner().invoke(main, ["new", str(text), "--out", str(out), "--overwrite"])
    assert replaced.exit_code == 0, replaced.output
    assert "ordentlig" in out.read_text(encoding="utf-8") and scenarios.exists()


@pytest.mark.parametrize("lang, said", [("da", "E007 er en mappe; --out skal have et filnavn"),
                                        ("en", "E007 is a folder; --out needs a file name")])
def test_draft_scenarios_that_cannot_be_written_leave_the_rule_file_as_it_was(tmp_path, lang,
                                                                              said):
    """A folder where the draft's scenarios go: with --overwrite the rule file was replaced,
    then the scenarios failed (exit 2), and the run had changed what it said it could not
    write; without, the folder was said to be a file --overwrite replaces."""
    text = tmp_path / "profil.md"
    text.write_text("## Personlige kompetencer\n\nDet er afgørende, at du er ordentlig.\n",
                    encoding="utf-8")
    out = tmp_path / "greve.yaml"
    scenarios = out.with_suffix(".feature")
    scenarios.mkdir()
    for overwrite, there in (([], []), (["--overwrite"], ["greve.yaml"])):
        if there:
            out.write_text("# rettet i hånden\n", encoding="utf-8")
        result = CliRunner().invoke(main, ["--lang", lang, "new", str(text), "--out", str(out),
                                           *overwrite])
        assert result.exit_code == 2, result.output
        assert result.stderr.splitlines()[-1].endswith(f"{scenarios}: {said}")
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            ["greve.feature", "profil.md", *there])
    assert out.read_text(encoding="utf-8") == "# rettet i hånden\n"


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("profile_id", ["Greve Direktør", "greve: 2025", "-greve"])
def test_an_id_a_profile_cannot_have_is_refused_before_anything_is_written(
        tmp_path, language, profile_id):
    """`--id` becomes profile.id: one the rule file would refuse (or that breaks its YAML)
    is a usage error, and no draft is written that cannot load."""
    text = tmp_path / "profil.txt"
    text.write_text("## Personlige kompetencer\n\nDet er afgørende, at du har ledelseserfaring."
                    "\n", encoding="utf-8")
    out = tmp_path / "greve.yaml"
    result = CliRunner().invoke(main, ["--lang", language, "new", str(text), "--out", str(out),
                                       "--id", profile_id])
    assert result.exit_code == 2, result.output
    assert "--id" in result.output and profile_id in result.output
    assert ("små bogstaver" in result.output) == (language == "da")
    assert not out.exists() and not out.with_suffix(".feature").exists()


@pytest.mark.parametrize("suffix", [".doc", ".odt", ".RTF"])
def test_a_word_processors_other_format_says_how_to_save_it(tmp_path, suffix):
    """Read as text, it was 'ikke UTF-8-tekst' at some byte: say what the tool reads."""
    text = tmp_path / f"profil{suffix}"
    text.write_bytes(b"\xd0\xcf\x11\xe0 binary")
    result = CliRunner().invoke(main, ["new", str(text)])
    assert result.exit_code == 2, result.output
    assert (f"{text}: E004 en {suffix.lower()}-fil kan ikke læses; gem den som .docx, .pdf "
            f"eller .txt") in result.output


@pytest.mark.parametrize(("language", "said"), [("da", "links peger på hinanden i ring"),
                                                ("en", "links point at each other in a loop")])
def test_a_profile_text_that_is_a_ring_of_links_says_so(tmp_path, language, said):
    """A link to itself was 'filen findes ikke', where every other command says why."""
    text = tmp_path / "profil.txt"
    text.symlink_to(text)
    result = CliRunner().invoke(main, ["--lang", language, "new", str(text)])
    assert result.exit_code == 2, result.output
    assert f"{text}: E001 " in result.output and said in result.output


@pytest.mark.parametrize("suffix", [".mht", ".MHTML", ".webarchive"])
@pytest.mark.parametrize(("language", "said"), [
    ("da", "-fil er et webarkiv; gem siden som \"Webside, kun HTML\" (.html)"),
    ("en", " file is a web archive; save the page as \"Web Page, HTML only\" (.html)")])
def test_a_saved_web_archive_says_how_to_save_the_page(tmp_path, suffix, language, said):
    """Edge's "Gem som" one file (.mht) was read as text: its MIME headers and its
    quoted-printable markup drafted as criteria, exit 0."""
    text = tmp_path / f"stilling{suffix}"
    text.write_text("MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n\n--x\n"
                    "Content-Type: text/html\n\n<h2>Faglige kompetencer</h2><p>Det er =\n"
                    "afg=C3=B8rende, at du har ledet ledere.</p>\n--x--\n", encoding="utf-8")
    out = tmp_path / "x.yaml"
    result = CliRunner().invoke(main, ["--lang", language, "new", str(text), "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert f"{text}: E004 " in result.output and f"{suffix.lower()}{said}" in result.output
    assert not out.exists()


def as_web_page(text: str) -> str:
    """A profile text as a site shows it: its headings h1-h6, its paragraphs <p> (a line a
    <br>), its lists <ul>, its tables (lines of cells between tabs) <table>, between the
    site's navigation and footer."""
    parts = []
    for block in [b.strip() for b in text.split("\n\n") if b.strip()]:
        lines = block.splitlines()
        heading = re.match(r"(#{1,6}) (.*)", block)
        if heading and len(lines) == 1:
            level = len(heading.group(1))
            parts.append(f"<h{level}>{html.escape(heading.group(2))}</h{level}>")
        elif all("\t" in line for line in lines):
            parts.append("<table>" + "".join(
                "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in line.split("\t"))
                + "</tr>" for line in lines) + "</table>")
        elif all(line.startswith("- ") for line in lines):
            parts.append("<ul>" + "".join(f"<li>{html.escape(line[2:])}</li>"
                                          for line in lines) + "</ul>")
        else:
            parts.append("<p>" + "<br>".join(html.escape(line) for line in lines) + "</p>")
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Ledige stillinger"
            "</title><script>var du_skal = 'afgørende';</script></head><body>"
            "<nav><ul><li>Du skal se alle vores ledige stillinger</li></ul></nav><main>"
            + "\n".join(parts) + "</main><footer><p>Det er afgørende, at du accepterer "
            "cookies.</p></footer></body></html>\n")


def drafted_criteria(out: Path) -> tuple[Any, Any]:
    """The criteria and set_aside of a draft, without the section each stands in: a table
    without a krav/ønske column is read cell by cell from a page, as from a .docx, where a
    .txt reads its rows, so a short cell may head what follows it."""
    doc, problem = read_document(out)
    assert doc is not None, problem
    data = plain(doc.data)
    return ([{k: v for k, v in c.items() if k != "section"} for c in data["criteria"]],
            data.get("set_aside"))


@pytest.mark.parametrize("seed", SEED_TEXTS, ids=lambda p: p.name)
def test_a_web_page_drafts_the_criteria_its_text_drafts(seed, tmp_path):
    """`screening new stilling.html` was refused (E004, "save it as .docx, .pdf or .txt"):
    a job advert saved from the municipality's site ("Gem som") is read as the text it
    shows, its headings, paragraphs and lists as the .txt gives them."""
    page = tmp_path / f"{seed.stem}.html"
    page.write_text(as_web_page(seed.read_text(encoding="utf-8")), encoding="utf-8")
    from_page = write_draft(page, tmp_path)
    (tmp_path / "txt").mkdir()  # the draft of each: never one over the other's
    assert drafted_criteria(from_page) == drafted_criteria(write_draft(seed, tmp_path / "txt"))
    check_draft(from_page, seed, read_text(page))


@pytest.mark.parametrize("suffix", [".html", ".HTM"])
def test_a_web_pages_navigation_footer_code_and_cookie_banner_are_not_drafted(tmp_path,
                                                                              suffix):
    page = tmp_path / f"stilling{suffix}"
    page.write_text(
        "<html><head><title>Job i Greve</title><style>p { color: red }</style></head><body>"
        "<header><a href=/>Forside</a> Du skal logge ind</header>"
        "<nav><ul><li>Det er afgørende, at du ser alle stillinger</li></ul></nav>"
        "<div id=\"CookieConsent\" role=\"dialog\"><p>Du skal acceptere cookies.</p>"
        "<button>Ja</button></div>"
        "<main><article><header><h1>Direktør for Teknik &amp; Miljø</h1></header>"
        "<h2>Faglige kompetencer</h2><p>Det er afgørende, at du har ledet&nbsp;ledere"
        "<br>i en politisk styret organisation.</p>"
        "<h2>Personlige kompetencer</h2><ul><li><p>Du skal være robust.</p></li>"
        "<li>Du er tydelig i din kommunikation &ndash; også under pres.</li></ul>"
        "<span aria-hidden=\"true\">Du skal dele siden</span>"
        "<form><label>Du skal skrive din e-mail</label><input name=e></form>"
        "</article></main><aside>Du skal også se vores andre job</aside>"
        "<footer><p>Det er afgørende, at du kontakter os.</p></footer>"
        "<script>if (a < b) { document.write('Du skal'); }</script></body></html>",
        encoding="utf-8")
    assert read_text(page) == (
        "# Direktør for Teknik & Miljø\n\n## Faglige kompetencer\n\nDet er afgørende, at du "
        "har ledet ledere\ni en politisk styret organisation.\n\n## Personlige kompetencer"
        "\n\n- Du skal være robust.\n- Du er tydelig i din kommunikation – også under pres.\n")
    profile = load_profile(write_draft(page, tmp_path))
    assert profile.meta.title == "Direktør for Teknik & Miljø"
    assert [c.quote for c in profile.criteria] == [
        "Det er afgørende, at du har ledet ledere i en politisk styret organisation.",
        "Du skal være robust.", "Du er tydelig i din kommunikation – også under pres."]


def test_a_web_pages_table_with_a_krav_column_drafts_a_criterion_a_row(tmp_path):
    """As from a .docx: a row a statement, krav or ønske as its column says."""
    page = tmp_path / "stilling.html"
    page.write_text("<h2>Kompetencer</h2><table><tr><th>Kompetence<th>Krav/ønske"
                    "<tr><td>Erfaring med ledelse af ledere<td>Krav"
                    "<tr><td>Kendskab til <b>kommunal økonomi</b><td>Ønske</table>",
                    encoding="utf-8")
    profile = load_profile(write_draft(page, tmp_path))
    assert [(c.quote, c.priority) for c in profile.criteria] == [
        ("Erfaring med ledelse af ledere", "krav"), ("Kendskab til kommunal økonomi", "ønske")]


def test_a_web_pages_table_longer_than_a_profile_is_read_cell_by_cell(tmp_path):
    """Looking for the krav/ønske column costs a millisecond a row: a page of a table of
    500,000 rows (8.5 MB) took six minutes. One of more rows than a profile may have
    criteria is no such table."""
    from screening.rulefiles import MAX_CRITERIA

    page = tmp_path / "stilling.html"
    page.write_text("<table>" + "<tr><td>Ledelse<td>Krav" * (MAX_CRITERIA + 1),
                    encoding="utf-8")
    assert read_text(page) == "\n\n".join(["Ledelse", "Krav"] * (MAX_CRITERIA + 1)) + "\n"


def test_a_web_page_in_the_character_set_it_declares_is_read_in_it(tmp_path):
    page = tmp_path / "stilling.htm"
    page.write_bytes('<html><head><meta http-equiv="Content-Type" content="text/html; '
                     'charset=windows-1252"></head><body><h2>Kompetencer</h2><p>Du skal have '
                     'erfaring med ledelse af ledere – også i en kommune.</p></body></html>'
                     .encode("cp1252"))
    profile = load_profile(write_draft(page, tmp_path))
    assert [c.quote for c in profile.criteria] == [
        "Du skal have erfaring med ledelse af ledere – også i en kommune."]


@pytest.mark.parametrize("lang, page, said", [
    ("da", b'<html>\n<meta charset="klingon-8">\n<p>Du skal', "2:16: E003 sidens tegns\xe6t "
     "'klingon-8' er ukendt: gem den som UTF-8"),
    ("en", b'<meta charset=base64><p>Du skal', "1:15: E003 the page's character set 'base64' "
     "is unknown: save it as UTF-8"),
    ("en", b'<meta charset=undefined><p>Du skal', "1:15: E003 not undefined text, as the "
     "page's <meta charset> says it is"),
    ("da", b"<html>\n<p>Du skal v\xe6re robust.</p>", "2:13: E003 ikke UTF-8-tekst"),
    ("en", b'<meta charset="ascii">\n<p>Du skal v\xe6re robust.</p>', "2:13: E003 not ascii "
     "text, as the page's <meta charset> says it is"),
])
def test_a_web_page_not_in_its_character_set_is_a_located_problem(tmp_path, lang, page, said):
    text = tmp_path / "stilling.html"
    text.write_bytes(page)
    out = tmp_path / "udkast.yaml"
    result = CliRunner().invoke(main, ["--lang", lang, "new", str(text), "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert f"{text}:{said}" in result.output
    assert not out.exists()


@pytest.mark.parametrize("page", [
    "<div>" * 200_000 + "<p>Du skal være robust.",  # deep, and never closed
    "<p>Du skal være robust.<p>Du er <b>tydelig</p></b></li></ul></div></body></html>",
    "<p>Du skal v\x00\x07\x1bære robust.&#x1b;</p><![CDATA[ x ]]><?php echo 1; ?>",
    "<script><!-- var a = 1;\n</script><p>Du skal være robust.<script><!-- x",
], ids=["deep", "unclosed", "control-characters", "old-style-script"])
def test_a_broken_web_page_is_read_as_far_as_it_goes(tmp_path, page):
    text = tmp_path / "stilling.html"
    text.write_text(page, encoding="utf-8")
    out = tmp_path / "udkast.yaml"
    result = CliRunner().invoke(main, ["new", str(text), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert not any(chr(c) in out.read_text(encoding="utf-8")
                   for c in (*range(0x09), *range(0x0e, 0x20)))


@pytest.mark.parametrize(("lang", "said"), [
    ("da", "advarsel: {page}:4:3: W001 sidens tekst ender i denne kommentar"),
    ("en", "warning: {page}:4:3: W001 the page's text ends inside this comment")])
@pytest.mark.parametrize("out", [True, False], ids=["out", "stdout"])
def test_a_web_page_whose_text_ends_in_a_comment_never_closed_says_where(tmp_path, lang, said,
                                                                         out):
    """A comment opened and never closed hides the rest of the page from a browser; the
    drafter read the rest as text, its markup and all ('<!-- gammel tekst <p> Du skal
    være robust.'), and said nothing. Now nothing after it is read, as a browser shows, and
    a warning says where the text was cut short."""
    page = tmp_path / "stilling.html"
    page.write_text("<h1>Skolechef</h1>\n<h2>Kompetencer</h2>\n<p>Du skal kunne lede ledere.</p>"
                    "\n  <!-- gammel tekst\n<p>Du skal være robust.</p>\n", encoding="utf-8")
    target = tmp_path / "udkast.yaml"
    result = CliRunner().invoke(main, ["--lang", lang, "new", str(page),
                                       *(["--out", str(target)] if out else [])])
    assert result.exit_code == 0, result.output
    assert said.format(page=page) in " ".join(result.output.split())
    drafted = target.read_text(encoding="utf-8") if out else result.stdout
    assert "Du skal kunne lede ledere." in drafted
    assert "robust" not in drafted and "<" not in drafted


def test_a_web_pages_last_comment_never_ended_is_said_too(tmp_path):
    """After the page's last '>', where the rest is read as text: '<!-- note' there too,
    the text before it read."""
    text = tmp_path / "stilling.html"
    text.write_text("<p>Du skal have ledelseserfaring.</p>\nDu skal kunne lede. <!-- Du skal "
                    "kunne samarbejde.", encoding="utf-8")
    result = CliRunner().invoke(main, ["--lang", "en", "new", str(text)])
    assert result.exit_code == 0, result.output
    assert f"{text}:2:21: W001 the page's text ends inside this comment" in result.output
    assert "Du skal kunne lede." in result.stdout and "samarbejde" not in result.stdout


@pytest.mark.parametrize("markup", ["<a ", "</", "<?", "<a x=\"", "<!x"])
def test_a_web_page_of_markup_never_ended_is_read_in_seconds_not_hours(tmp_path, markup):
    """A start tag never ended ('<a ' over and over, 60 kB) took 45 s, 120 kB 3.5 minutes, a
    10 MB page for ever: Python's parser, at the end of the page, looked for each one's end
    through the rest of it, one character further each time. What follows the page's last
    '>' ends no markup, and is read as the text it is, as far as it goes."""
    import time

    text = tmp_path / "stilling.html"
    text.write_text("<h2>Kompetencer</h2><ul><li>Du skal have ledelseserfaring.</li></ul>"
                    + markup * 20_000, encoding="utf-8")
    started = time.monotonic()
    read = read_text(text)
    assert time.monotonic() - started < 10
    assert "- Du skal have ledelseserfaring." in read


@pytest.mark.parametrize("section", ["<![ x ]>", "<![if !IE]>", "<![foo[ x ]]>"])
def test_a_web_pages_odd_marked_section_is_passed_over_not_an_internal_error(tmp_path,
                                                                            section):
    """'<![' with no name or one HTML does not know (Word's '<![if !IE]>' is known) stopped
    `new` as an internal error (Python's parser raises AssertionError); a browser reads it as
    a comment up to the next '>', and so is it read here, the page around it drafted."""
    text = tmp_path / "stilling.html"
    text.write_text("<h2>Kompetencer</h2><ul><li>Du skal have ledelseserfaring.</li>"
                    f"{section}<li>Du skal kunne samarbejde.</li></ul>", encoding="utf-8")
    profile = load_profile(write_draft(text, tmp_path))
    assert [c.quote for c in profile.criteria] == ["Du skal have ledelseserfaring.",
                                                   "Du skal kunne samarbejde."]


@pytest.mark.parametrize("page", ["", "<nav>Det er afgørende, at du ser alle stillinger",
                                  "<html><head><title>Du skal være robust</title>",
                                  "<!-- ingen slutning <p>Du skal være robust."])
def test_a_web_page_that_shows_no_profile_says_so(tmp_path, page):
    """The site's frame never closed, or no body: nothing of the profile, E009 (and no
    draft of the navigation)."""
    text = tmp_path / "stilling.html"
    text.write_text(page, encoding="utf-8")
    result = CliRunner().invoke(main, ["--lang", "en", "new", str(text)])
    assert result.exit_code == 2, result.output
    assert f"{text}: E009 found no statement" in result.output


def test_a_web_page_beyond_the_limit_is_refused_unread(tmp_path):
    from screening.trace import MAX_MARKUP_BYTES

    text = tmp_path / "stilling.html"
    text.write_bytes(b"<p>Du skal v\xc3\xa6re robust.</p>" * (MAX_MARKUP_BYTES // 20))
    result = CliRunner().invoke(main, ["--lang", "en", "new", str(text)])
    assert result.exit_code == 2, result.output
    assert f"{text}: E002" in result.output


@pytest.mark.parametrize("lang", ["da", "en"])
def test_new_says_it_reads_a_web_page(lang):
    result = CliRunner().invoke(main, ["--lang", lang, "new", "--help"])
    assert result.exit_code == 0, result.output
    assert ".docx, .pdf, .html)" in " ".join(result.output.split())


def test_a_text_saved_by_notepad_starts_with_its_heading_not_a_byte_order_mark(tmp_path):
    """A .md with a byte order mark and CRLF (Notepad's way) gave the title '\\ufeff# Direktør
    for Teknik': the heading was not read as one, and the mark went into the rule file."""
    text = tmp_path / "profil.md"
    text.write_bytes("\ufeff# Direktør for Teknik\r\n\r\nDu skal have erfaring med ledelse af "
                     "ledere.\r\n".encode())
    out = write_draft(text, tmp_path)
    profile = load_profile(out)
    assert profile.meta.title == "Direktør for Teknik"
    assert [c.quote for c in profile.criteria] == ["Du skal have erfaring med ledelse af ledere."]
    assert "\ufeff" not in out.read_text(encoding="utf-8")


def test_a_draft_written_to_rules_takes_its_file_name_as_its_id(tmp_path):
    """Two posts' texts, each saved as the consultancy names them ("stillingsprofil.docx"),
    drafted as --help shows into rules/<post>.yaml, both took the id 'stillingsprofil':
    lint then refused the pair (E213), and a command given either id took neither."""
    rules = tmp_path / "rules"
    rules.mkdir()
    for post, asked in (("greve-direktor-2025", "ledelse af ledere"),
                        ("koege-chef-2025", "erfaring med politisk betjening")):
        text = tmp_path / post / "stillingsprofil.txt"
        text.parent.mkdir()
        text.write_text(f"Personlige kompetencer\n\nDet er afgørende, at du har {asked}.\n",
                        encoding="utf-8")
        result = CliRunner().invoke(main, ["new", str(text), "--out", str(rules / f"{post}.yaml")])
        assert result.exit_code == 0, result.output
        assert load_profile(rules / f"{post}.yaml").meta.id == post
    assert lint_paths(sorted(rules.glob("*.yaml"))) == []
    # --id still decides, and a file name no id can be leaves the text's name
    CliRunner().invoke(main, ["new", str(text), "--out", str(rules / "Udkast 1.yaml"),
                              "--id", "egen-2025"])
    assert load_profile(rules / "Udkast 1.yaml").meta.id == "egen-2025"
    CliRunner().invoke(main, ["new", str(text), "--out", str(rules / "Udkast 2.yaml")])
    assert load_profile(rules / "Udkast 2.yaml").meta.id == "stillingsprofil"


def test_a_fifo_given_as_the_text_is_said_to_be_no_file_not_missing(tmp_path):
    """`screening new rør.txt` on a FIFO said 'filen findes ikke' of a file that is there."""
    fifo = tmp_path / "rør.txt"
    os.mkfifo(fifo)
    result = CliRunner().invoke(main, ["new", str(fifo)])
    assert result.exit_code == 2, result.output
    assert result.output.splitlines() == [f"fejl: {fifo}: E001 ikke en almindelig fil"]


def test_statements_alike_in_their_first_words_get_numbered_ids(tmp_path):
    text = tmp_path / "profil.md"
    text.write_text("# Profil\n\n## Faglige kompetencer\n\n" + "".join(
        f"- Det er afgørende, at du har erfaring med ledelse af store politisk styrede "
        f"organisationer i {place}.\n" for place in ("Norden", "Europa", "Asien", "Afrika")),
                    encoding="utf-8")
    ids = [c.id for c in load_profile(write_draft(text, tmp_path)).criteria]
    base = ids[0]
    assert ids == [base, f"{base}-2", f"{base}-3", f"{base}-4"]


@pytest.mark.parametrize("command", [["new"], ["trace"]])
def test_a_profile_text_beyond_the_input_limit_is_refused(tmp_path, monkeypatch, command):
    """A profile text is read within the limit every other input keeps (a hostile 17 MB
    text ran for minutes)."""
    limit = max(p.stat().st_size for p in RULES.rglob("*.yaml"))  # the rule files still read
    monkeypatch.setattr("screening.documents.MAX_FILE_BYTES", limit)
    text = tmp_path / "profil.md"
    text.write_text("# Profil\n\n" + "- Du skal kunne lede ledere.\n" * (limit // 20),
                    encoding="utf-8")
    args = ([*command, str(text), "--out", str(tmp_path / "p.yaml")] if command == ["new"]
            else [*command, "helsingor-direktor-2024", "--source", str(text)])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert f"{text}: E002" in result.output
    assert not (tmp_path / "p.yaml").exists()


def test_items_under_a_decisive_lead_in_are_drafted_as_krav_with_the_reason(tmp_path):
    """'Det er afgørende, at du:' over a list gave as many ønsker, '0 krav' and no scenario:
    the krav was lost unless the consultant read each comment. A decisive word (R1) holds in
    any list; an obligation ('Det forventes, at du:') may be softened, and stays pointed out."""
    text = tmp_path / "profil.md"
    text.write_text("# Direktør, Greve Kommune\n\n## Ledelse\n\nDet er afgørende, at du:\n\n"
                    "- har ledet ledere\n- kender det politiske system\n\n"
                    "Det forventes, at du:\n\n- Er nysgerrig\n", encoding="utf-8")
    out = write_draft(text, tmp_path)
    profile = load_profile(out)
    priorities = {c.quote: c.priority for c in profile.criteria}
    assert priorities == {"har ledet ledere": "krav", "kender det politiske system": "krav",
                          "Er nysgerrig": "ønske"}
    written = out.read_text(encoding="utf-8")
    assert "# krav: 'afgørende' i indledningen \"Det er afgørende, at du:\"" in written
    krav = [c for c in profile.criteria if c.priority == "krav"]
    assert all(c.lint_ignore == ("L303",) for c in krav)
    assert lint_paths([out]) == []
    assert out.with_suffix(".feature").exists()  # a scenario per krav to fill in


def test_a_lead_in_without_a_colon_leads_into_its_list_and_is_no_criterion(tmp_path):
    """'Det er afgørende at du' over a list, with no colon, was drafted as a krav of its
    own, quoting only those words, with a knock-out scenario; alone on its line, 'Vi
    forventer at du' was a heading, and its items and all below it were no longer in the
    competency section, so not drafted at all. A sentence left open for the items to finish
    is their lead-in, as with a colon, blank line or not."""
    text = tmp_path / "profil.md"
    text.write_text("# Skolechef, Greve Kommune\n\n## Ledelsesmæssige kompetencer\n\n"
                    "Det er afgørende at du\n- har ledet ledere\n- kender skolen\n\n"
                    "Vi forventer at du\n\n- inddrager forældrene\n\n"
                    "Du er robust.\n- og rolig\n\n"
                    "Du siger \"det kan vi godt.\"\n- hver dag\n", encoding="utf-8")
    out = write_draft(text, tmp_path)
    profile = load_profile(out)
    priorities = {c.quote: c.priority for c in profile.criteria}
    assert priorities == {"har ledet ledere": "krav", "kender skolen": "krav",
                          "inddrager forældrene": "ønske", "Du er robust.": "ønske",
                          "og rolig": "ønske", "Du siger \"det kan vi godt.\"": "ønske",
                          "hver dag": "ønske"}
    # standing alone, the words were taken for a heading that closed the section
    assert {c.section for c in profile.criteria} == {"Ledelsesmæssige kompetencer"}
    (tr,) = trace_profile(profile)
    assert not tr.uncovered


def test_a_draft_files_each_criterion_under_the_category_its_heading_names(tmp_path):
    """Under 'Faglige kompetencer', 'Det er afgørende, at du har erfaring med ledelse af
    ledere' was drafted ledelsesmæssige (its word 'ledelse'), and every statement under
    'Personlige og ledelsesmæssige kompetencer' ledelsesmæssige (the heading's word): the
    text's own headings say the category; only a heading naming two leaves it to the words."""
    text = tmp_path / "profil.md"
    text.write_text("# Skolechef, Greve Kommune\n\n## Faglige kompetencer\n\n"
                    "Det er afgørende, at du har erfaring med ledelse af ledere.\n\n"
                    "## Personlige kompetencer\n\n"
                    "Vi ser gerne en leder, der har erfaring med medier.\n\n"
                    "## Personlige og ledelsesmæssige kompetencer\n\n"
                    "Du skal være robust og rolig.\n\n"
                    "Du skal kunne lede ledere.\n", encoding="utf-8")
    profile = load_profile(write_draft(text, tmp_path))
    assert {c.quote: c.category for c in profile.criteria} == {
        "Det er afgørende, at du har erfaring med ledelse af ledere.": "faglige",
        "Vi ser gerne en leder, der har erfaring med medier.": "personlige",
        "Du skal være robust og rolig.": "personlige",
        "Du skal kunne lede ledere.": "ledelsesmæssige"}


def test_a_statement_under_a_heading_naming_two_categories_is_filed_by_most_of_its_words(
        tmp_path):
    """Under 'Personlige og ledelsesmæssige kompetencer' a statement was filed by the first
    category with any word in it, leadership before field before personal: Helsingør's
    'Din ledelsesstil er ... en oprigtig interesse for andre, nærvær og samarbejdsvilje' was
    drafted ledelsesmæssige and 'Du er autentisk ... faglig integritet ... robust og rolig'
    faglige, where the consultant filed both personlige. The category with most words wins."""
    text = tmp_path / "profil.md"
    text.write_text("# Direktør, Greve Kommune\n\n## Personlige og ledelsesmæssige kompetencer"
                    "\n\nDin ledelsesstil er karakteriseret af en oprigtig interesse for andre, "
                    "nærvær og en udpræget samarbejdsvilje.\n\nDu er autentisk og har en stor "
                    "personlig og faglig integritet, og du er robust og rolig.\n\n"
                    "Du har erfaring med ledelse af ledere og strategisk ledelse.\n",
                    encoding="utf-8")
    profile = load_profile(write_draft(text, tmp_path))
    assert [c.category for c in profile.criteria] == [
        "personlige", "personlige", "ledelsesmæssige"]


def test_a_table_rows_name_and_a_numbered_blocks_title_help_file_it(tmp_path):
    """'Styrer et budget på 2 mia. kr.' in the row of 'Økonomi' was filed personlige (no word
    of its own names a category), and a numbered block only by its sentence: the name cell
    and the title say what the statement is about too."""
    text = tmp_path / "profil.md"
    text.write_text("# Sundhedschef, Greve Kommune\n\n## Om dig\n\n"
                    "| Kompetence | Beskrivelse | Krav/ønske |\n|---|---|---|\n"
                    "| Økonomi | Styrer et budget på 2 mia. kr. | Krav |\n"
                    "| Ledelse af ledere | Har ledet andre chefer | Ønske |\n\n"
                    "1. Politisk tæft\n\nDu skal kunne navigere tæt på byrådet.\n",
                    encoding="utf-8")
    profile = load_profile(write_draft(text, tmp_path))
    assert [(c.name, c.category) for c in profile.criteria] == [
        ("Økonomi", "faglige"), ("Ledelse af ledere", "ledelsesmæssige"),
        ("Politisk tæft", "faglige")]


def test_a_statement_is_filed_by_its_own_words_before_its_headings(tmp_path):
    """Under a heading naming no category, the heading's words counted as much as the
    statement's own: 'du skal have kendskab til ...' under 'Centrale opgaver for lederen af
    Sekretariatet' was drafted ledelsesmæssige (the heading's 'lederen'), where Albertslund's
    consultant filed it faglige. The heading's words now only choose between equals, or
    where the statement's own name no category."""
    text = tmp_path / "profil.md"
    text.write_text("# Skolechef, Greve Kommune\n\n## Centrale opgaver for lederen\n\n"
                    "Du skal have kendskab til skoleområdet.\n\n"
                    "Du skal være til stede i hverdagen.\n\n"
                    "## Økonomi\n\nDu skal kunne lede og have kendskab til budgetter."
                    "\n", encoding="utf-8")
    profile = load_profile(write_draft(text, tmp_path))
    assert [c.category for c in profile.criteria] == [
        "faglige", "ledelsesmæssige", "faglige"]


def test_a_units_name_in_a_statement_does_not_file_it(tmp_path):
    """'Det er afgørende, at du har blik for de muligheder, der eksisterer på tværs af
    enhederne i Økonomi & Stab' was drafted faglige by the unit's name ('Økonomi'), where
    Albertslund's consultant filed it ledelsesmæssige, as its heading ('Centrale opgaver for
    lederen') does. A word capitalised inside a sentence is a name, not a field."""
    text = tmp_path / "profil.md"
    text.write_text("# Skolechef, Greve Kommune\n\n## Centrale opgaver for lederen\n\n"
                    "Det er afgørende, at du ser mulighederne på tværs af Økonomi & Stab.\n\n"
                    "Økonomi og jura skal du kende, også i Center for Personale.\n",
                    encoding="utf-8")
    profile = load_profile(write_draft(text, tmp_path))
    assert [c.category for c in profile.criteria] == ["ledelsesmæssige", "faglige"]


@pytest.mark.parametrize(("lang", "heading", "asked"), [
    ("da", "Personlige og ledelsesmæssige kompetencer",
     "Har du en ledelsesmæssig efteruddannelse, er det desuden et plus."),
    ("en", "Personal and leadership competencies", "A degree in leadership is a plus."),
])
def test_an_education_asked_for_is_faglige_whatever_it_is_in(tmp_path, lang, heading, asked):
    """Helsingør's 'Har du en ledelsesmæssig efteruddannelse er det desuden et plus' was
    drafted ledelsesmæssige (its 'ledelse' equal to its 'uddannelse', leadership first),
    where the consultant filed it faglige, as every consultant files a formal education
    ('formel lederuddannelse', 'kandidatuddannelse', 'uddannelsesbaggrund')."""
    text = tmp_path / "profil.md"
    text.write_text(f"# Skolechef, Greve Kommune\n\n## {heading}\n\n{asked}\n",
                    encoding="utf-8")
    args = ["--lang", "en"] if lang == "en" else []
    out = tmp_path / "udkast.yaml"
    result = CliRunner().invoke(main, [*args, "new", str(text), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert [c.category for c in load_profile(out).criteria] == ["faglige"]


@pytest.mark.parametrize(("lang", "text", "wishes", "said"), [
    ("da", "# Skolechef, Greve Kommune\n\n## Om stillingen\n\n"
     "Du bør have erfaring med budgetter.\n\nDu skal kunne lede ledere.\n\n"
     "## Personlige kompetencer\n\nDu bør være robust.\n",
     ["Du bør have erfaring med budgetter.", "Du bør være robust."], "ønske: 'bør' i citatet"),
    # the conditional ('should', 'ought to') was read as no word at all
    ("da", "# Skolechef, Greve Kommune\n\n## Om stillingen\n\n"
     "Du burde have erfaring med budgetter.\n\nDu skal kunne lede ledere.\n",
     ["Du burde have erfaring med budgetter."], "ønske: 'burde' i citatet"),
    ("en", "# School head, Greve Municipality\n\n## About the post\n\n"
     "You should have experience with budgets.\n\nYou must be able to lead leaders.\n\n"
     "Should you have any questions, please call Anne Berg.\n",
     ["You should have experience with budgets."], "ønske: 'should' in the quote"),
])
def test_what_the_candidate_bør_have_is_drafted_as_a_wish(tmp_path, lang, text, wishes, said):
    """'Du bør (burde) have erfaring med budgetter' ('You should have …') asks for
    something a consultant drafts as an ønske; it was not read at all: under a heading on
    the post it was neither counted, drafted nor listed as skipped, and under a competency
    heading it was an ønske 'by default, no word deciding'. 'Should you have any questions' is a
    condition, no wish."""
    source = tmp_path / "profil.md"
    source.write_text(text, encoding="utf-8")
    args = ["--lang", "en"] if lang == "en" else []
    out = tmp_path / "udkast.yaml"
    result = CliRunner().invoke(main, [*args, "new", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    profile = load_profile(out)
    assert [c.quote for c in profile.criteria if c.priority == "ønske"] == wishes
    assert [c.priority for c in profile.criteria if c.quote not in wishes] == ["krav"]
    assert out.read_text(encoding="utf-8").count(said) == len(wishes)
    assert lint_paths([out]) == []
    (tr,) = trace_profile(profile)
    assert not tr.uncovered and not tr.skipped


def test_plain_subheadings_under_a_competency_heading_stay_in_its_section(tmp_path):
    """A Word profile saved as text, its competencies under subheadings ('Personlige
    kompetencer', then 'Robusthed' and a paragraph, 'Samarbejde' and a paragraph): each
    plain subheading closed the competency section, so nothing under it was counted and
    `screening new` refused the text (E009, no statement asking anything). The title above
    the post's name ('Stillings- og personprofil') opens no such section."""
    text = tmp_path / "profil.txt"
    text.write_text("Stillings- og personprofil\n\nSkolechef\n\nGreve Kommune\n\nMarts 2025"
                    "\n\nGreve Kommune er en kommune med 50.000 borgere.\n\n"
                    "Personlige kompetencer\n\nRobusthed\n\n"
                    "Du bevarer roen, også når presset er stort.\n\nSamarbejde\n\n"
                    "Du lytter og inddrager dine kolleger.\n\nFaglige kompetencer\n\n"
                    "Økonomi\n\nDu har styr på budgetter og regnskab.\n", encoding="utf-8")
    profile = load_profile(write_draft(text, tmp_path))
    assert [(c.quote, c.category, c.section) for c in profile.criteria] == [
        ("Du bevarer roen, også når presset er stort.", "personlige", "Robusthed"),
        ("Du lytter og inddrager dine kolleger.", "personlige", "Samarbejde"),
        ("Du har styr på budgetter og regnskab.", "faglige", "Økonomi")]
    (tr,) = trace_profile(profile)
    assert not tr.uncovered


@pytest.mark.parametrize("after", [
    "Om Greve Kommune\n\nGreve Kommune er en kommune med 50.000 borgere.",
    "Løn- og ansættelsesvilkår\n\nLøn efter overenskomst og en åremålsansættelse.",
    "Ansøgning\n\nAnsøgningsfristen er 1. marts 2025. Kontakt os for at høre mere.",
    "About Greve Municipality\n\nGreve is a municipality of 50,000 people."])
def test_a_run_of_plain_subheadings_ends_at_a_heading_on_the_organisation_or_terms(
        tmp_path, after):
    """The run of plain subheadings under 'Personlige kompetencer' ('Robusthed',
    'Samarbejde') went on into the next sections: 'Om Greve Kommune', 'Løn- og
    ansættelsesvilkår' and 'Ansøgning' were read as more competencies, and their prose was
    drafted as criteria. They are sections of their own."""
    text = tmp_path / "profil.txt"
    text.write_text("Stillings- og personprofil\n\nSkolechef\n\nGreve Kommune\n\n"
                    "Personlige kompetencer\n\nRobusthed\n\n"
                    "Du bevarer roen, også når presset er stort.\n\nSamarbejde\n\n"
                    f"Du lytter og inddrager dine kolleger.\n\n{after}\n", encoding="utf-8")
    profile = load_profile(write_draft(text, tmp_path))
    assert [c.quote for c in profile.criteria] == [
        "Du bevarer roen, også når presset er stort.", "Du lytter og inddrager dine kolleger."]
    (tr,) = trace_profile(profile)
    assert not tr.uncovered


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_sentence_asking_two_things_in_two_clauses_drafts_a_criterion_each(tmp_path, lang):
    """Helsingør's 'Du skal have en værdibaseret og anerkendende ledelsesstil, hvor ...,
    og du skal kunne sætte dig igennem, hvor det er nødvendigt, ...' asks for a style of
    leadership and for the weight to carry a decision: the consultant quoted them as two
    criteria, the draft as one, so one of them was not found in the draft. A clause that
    asks nothing in its own words ('og du får en bil') stays with its sentence; a clause
    naming no category is filed by its sentence's ('ledelsesstil')."""
    text = tmp_path / "profil.md"
    if lang == "da":
        asked = ("Du skal have en anerkendende ledelsesstil, og du skal kunne sætte dig "
                 "igennem, når det er nødvendigt.")
        kept = "Du skal kunne lede ledere, og du får en bil."
        clauses = ["Du skal have en anerkendende ledelsesstil",
                   "du skal kunne sætte dig igennem, når det er nødvendigt."]
    else:
        asked = "You must have an appreciative leadership style, and you must be decisive."
        kept = "You must be able to manage leaders, and you get a car."
        clauses = ["You must have an appreciative leadership style", "you must be decisive."]
    text.write_text(f"# Direktør, Greve Kommune\n\n## Personlige og ledelsesmæssige "
                    f"kompetencer\n\n{asked}\n\n{kept}\n", encoding="utf-8")
    out = write_draft(text, tmp_path)
    profile = load_profile(out)
    assert [(c.quote, c.category, c.priority) for c in profile.criteria] == [
        (clauses[0], "ledelsesmæssige", "krav"), (clauses[1], "ledelsesmæssige", "krav"),
        (kept, "ledelsesmæssige", "krav")]
    assert lint_paths([out]) == []
    (tr,) = trace_profile(profile)
    assert not tr.uncovered and not tr.missing_quotes


def test_a_word_ending_in_a_category_words_letters_is_not_that_word(tmp_path):
    """'lede' (to lead) was found at the end of 'samlede': 'Du skal sikre, at den samlede
    økonomi er i balance' was drafted ledelsesmæssige (Ishøj's 'den samlede direktion ...
    budgetprocessen' likewise, which the consultant filed faglige)."""
    text = tmp_path / "profil.md"
    text.write_text("# Økonomichef, Greve Kommune\n\n## Forventninger\n\n"
                    "Du skal sikre, at den samlede økonomi er i balance.\n\n"
                    "Du skal kunne lede.\n", encoding="utf-8")
    profile = load_profile(write_draft(text, tmp_path))
    assert [c.category for c in profile.criteria] == ["faglige", "ledelsesmæssige"]


def test_a_word_beginning_with_a_category_words_letters_in_another_sense_is_not_that_word(
        tmp_path):
    """'kommunal' (the municipal field) was found in 'kommunaldirektøren', a person:
    Albertslund's 'tæt på det politiske niveau og kommunaldirektøren, hvor du skal kunne
    udvise mod, initiativ og beslutningskraft' was drafted faglige, which the consultant
    filed personlige; the English 'personal' in the Danish 'personale' (the staff) likewise
    made 'personalet og personalepolitikken' personlige."""
    text = tmp_path / "profil.md"
    text.write_text("# Økonomichef, Greve Kommune\n\n## Forventninger\n\n"
                    "Du skal arbejde tæt på kommunaldirektøren og vise initiativ.\n\n"
                    "Du skal have styr på personalet og personalepolitikken.\n\n"
                    "Du skal kende kommunal økonomi.\n", encoding="utf-8")
    profile = load_profile(write_draft(text, tmp_path))
    assert [c.category for c in profile.criteria] == ["personlige", "faglige", "faglige"]


@pytest.mark.parametrize(("head", "title"), [
    ("Stillings- og personprofil\n\nSkolechef\n\nRoskilde Kommune\n\nMarts 2025", "Skolechef"),
    ("Stillings- og kompetenceprofil\n\nRoskilde Kommune\n\nMarts 2025\n\nSkolechef",
     "Skolechef"),
    ("Job- og personprofil for skolechefen i Roskilde Kommune\n\nMarts 2025",
     "Job- og personprofil for skolechefen i Roskilde Kommune"),
    # Ishøj's arbejdsgrundlag opens with the municipality's name: it was the draft's title
    ("Roskilde Kommune\n\nMarts 2025\n\nSkolechef", "Skolechef"),
    # in English: every English profile was titled so
    ("Job and person specification\n\nSkolechef\n\nRoskilde Kommune", "Skolechef"),
])
def test_a_draft_is_titled_by_the_post_not_the_kind_of_document(tmp_path, head, title):
    """Every profile drafted from a consultancy's 'Stillings- og personprofil' was titled
    so, and `screening profiles` listed them all under one title."""
    text = tmp_path / "profil.txt"
    text.write_text(f"{head}\n\nPersonlige kompetencer\n\nDu skal være robust.\n",
                    encoding="utf-8")
    profile = load_profile(write_draft(text, tmp_path))
    assert (profile.meta.title, profile.meta.organisation) == (title, "Roskilde Kommune")


def test_a_draft_quotes_the_words_without_markdowns_emphasis(tmp_path):
    """'- **Helhed** – Ledere ...' was quoted with its asterisks, which explain, the report
    and the interview guide then showed as the profile's words."""
    text = tmp_path / "profil.md"
    text.write_text("# Skolechef, Greve Kommune\n\n## Personlige kompetencer\n\n"
                    "- **Helhed** – du ser _hele_ kommunen.\n\n"
                    "1. Robusthed\nDu er *robust* og rolig.\n", encoding="utf-8")
    profile = load_profile(write_draft(text, tmp_path))
    assert [(c.name, c.quote) for c in profile.criteria] == [
        ("Helhed – du ser hele kommunen", "Helhed – du ser hele kommunen."),
        ("Robusthed", "Du er robust og rolig.")]
    (tr,) = trace_profile(profile)
    assert not tr.missing_quotes and not tr.uncovered


def test_a_draft_names_what_is_asked_not_how_strongly(tmp_path):
    """Every krav of 'Det er afgørende, at du ...' was named 'Det er afgørende, at du har
    ...' and its competency 'det_er_afgoerende_at_du_har', the next '..._har_2': ids a
    consultant types in every scenario and assessment. The lead clause saying how much it
    counts is left out of the name; the quote keeps it."""
    text = tmp_path / "profil.md"
    text.write_text("# Skolechef, Greve Kommune\n\n## Faglige kompetencer\n\n"
                    "Det er afgørende, at du har ledet ledere.\n\n"
                    "Det er afgørende, at du har en pædagogisk uddannelse.\n\n"
                    "Det er et plus, hvis du har erfaring med medier.\n\n"
                    "Du har vist, at du kan lede.\n", encoding="utf-8")
    profile = load_profile(write_draft(text, tmp_path))
    assert [(c.name, c.when.competency) for c in profile.criteria] == [
        ("Har ledet ledere", "har_ledet_ledere"),
        ("Har en pædagogisk uddannelse", "har_en_paedagogisk_uddannelse"),
        ("Har erfaring med medier", "har_erfaring_med_medier"),
        ("Du har vist, at du kan lede", "du_har_vist_at_du_kan")]
    assert profile.criteria[0].quote == "Det er afgørende, at du har ledet ledere."
    english = tmp_path / "profile.md"
    english.write_text("# Head of Schools, Greve\n\n## Professional competencies\n\n"
                       "It is essential that you have led leaders.\n\n"
                       "It is an advantage if you have worked with the media.\n",
                       encoding="utf-8")
    profile = load_profile(write_draft(english, tmp_path))
    assert [c.name for c in profile.criteria] == ["Have led leaders",
                                                  "Have worked with the media"]


def test_a_text_that_softens_its_list_drafts_its_obligations_as_weighted_wishes(tmp_path):
    """Helsingør's 'Vi forventer ikke, at du kan alt, men at du besidder flest mulig af
    nedenstående egenskaber:' softens the statements below it (R7), and the shipped profile
    reads its 'skal' and 'forventes' as ønsker of weight 2; the draft made 23 krav of them,
    each with a knock-out scenario, and the softener a criterion of its own. It now sets the
    softener aside, so lint reads the draft as softened too, and only a decisive word (R1)
    makes a krav."""
    text = tmp_path / "profil.md"
    text.write_text("# Direktør, Greve Kommune\n\n## Personlige kompetencer\n\n"
                    "Vi forventer ikke, at du kan alt, men at du besidder flest mulig af "
                    "nedenstående egenskaber:\n\n"
                    "Det er afgørende, at du har ledet ledere. Det forventes, at du kender "
                    "skolen. Du skal være robust.\n", encoding="utf-8")
    out = write_draft(text, tmp_path)
    profile = load_profile(out)
    assert [(c.quote, c.priority, c.weight) for c in profile.criteria] == [
        ("Det er afgørende, at du har ledet ledere.", "krav", 3),
        ("Det forventes, at du kender skolen.", "ønske", 2),
        ("Du skal være robust.", "ønske", 2)]
    assert [s.quote for s in profile.set_aside] == [
        "Vi forventer ikke, at du kan alt, men at du besidder flest mulig af nedenstående "
        "egenskaber:"]
    assert "# ønske, vægt 2: 'skal' i citatet, blødgjort af teksten (R7, se set_aside)" \
        in out.read_text(encoding="utf-8")
    assert lint_paths([out]) == []
    (tr,) = trace_profile(profile)
    assert not tr.uncovered and not tr.missing_quotes


def test_a_profile_text_in_english_is_drafted_by_its_english_words(tmp_path):
    """An English profile text was refused (E009, 'the draft reads profile texts in Danish'):
    'must', 'essential' and 'is required' make krav, 'an advantage', 'preferred' and 'we
    value' ønsker, by the rules the Danish words follow; its headings file the criteria."""
    text = tmp_path / "profile.md"
    text.write_text(
        "# Director of Children and Schools, Greve\n\n## Professional competencies\n\n"
        "- You must have experience of leading leaders in a politically governed "
        "organisation.\n- A degree in education is an advantage.\n\n"
        "## Personal competencies\n\nIt is essential that you are robust and calm. We value "
        "a sense of humour. Experience with the media is preferred. A master's degree is "
        "not required.\n\n## Leadership competencies\n\n"
        "Experience of leading change is required.\n\n## About the municipality\n\n"
        "The municipality lies by the sea and has 50,000 inhabitants.\n", encoding="utf-8")
    out = write_draft(text, tmp_path)
    profile = load_profile(out)
    assert [(c.quote, c.priority, c.category) for c in profile.criteria] == [
        ("You must have experience of leading leaders in a politically governed "
         "organisation.", "krav", "faglige"),
        ("A degree in education is an advantage.", "ønske", "faglige"),
        ("It is essential that you are robust and calm.", "krav", "personlige"),
        ("We value a sense of humour.", "ønske", "personlige"),
        ("Experience with the media is preferred.", "ønske", "personlige"),
        ("A master's degree is not required.", "ønske", "personlige"),
        ("Experience of leading change is required.", "krav", "ledelsesmæssige")]
    assert lint_paths([out]) == []
    (tr,) = trace_profile(profile)
    assert len(tr.statements) == 7 and not tr.uncovered and not tr.missing_quotes
    assert out.with_suffix(".feature").read_text(encoding="utf-8").count("Scenarie:") == 3


def test_a_requirement_the_text_says_of_the_task_drafts_no_krav(tmp_path):
    """'Opgaven kræver tæt koordinering på tværs' says what the work needs, not what the
    person must bring: it was drafted as a krav, with a knock-out scenario. Said of the task,
    the post or the organisation, 'kræver' is read as if it were not there (R6); 'Stillingen
    kræver en leder med …' and 'det er afgørende, at du' still make krav."""
    text = tmp_path / "profil.md"
    text.write_text("# Direktør, Greve Kommune\n\n## Ledelsesmæssige kompetencer\n\n"
                    "Opgaven kræver tæt koordinering på tværs af forvaltningerne.\n\n"
                    "Stillingen kræver en leder med overblik.\n\n"
                    "Det er afgørende, at du har ledet ledere.\n", encoding="utf-8")
    out = write_draft(text, tmp_path)
    assert [(c.quote, c.priority) for c in load_profile(out).criteria] == [
        ("Opgaven kræver tæt koordinering på tværs af forvaltningerne.", "ønske"),
        ("Stillingen kræver en leder med overblik.", "krav"),
        ("Det er afgørende, at du har ledet ledere.", "krav")]
    assert out.with_suffix(".feature").read_text(encoding="utf-8").count("Scenarie:") == 2
    assert lint_paths([out]) == []


def test_the_prose_of_headings_a_lead_in_introduces_is_drafted(tmp_path):
    """'Et velfungerende lokaldemokrati' and the headings like it under Ishøj's 'Direktionens
    ansvarsområder' were read as sections of their own: their prose was not drafted (4 of
    ishoj-direktoer's 13 criteria missing) nor listed by trace as skipped."""
    text = tmp_path / "arbejdsgrundlag.txt"
    text.write_text(HEADED_ITEMS, encoding="utf-8")
    out = write_draft(text, tmp_path)
    assert [(c.quote, c.section) for c in load_profile(out).criteria] == [
        ("Vi har et blik for en stabil økonomi.", "Økonomisk ansvarlighed"),
        ("Vi skaber gode demokratiske processer.", "Et velfungerende lokaldemokrati")]
    assert lint_paths([out]) == []


def test_a_requirement_the_text_says_of_the_process_drafts_no_krav(tmp_path):
    """'Det forudsættes, at denne mailadresse kan anvendes …' (Høje-Taastrup's timetable)
    was drafted as a krav, with a knock-out scenario, the only krav of that draft: a passive
    'forudsættes' of the process asks nothing of the candidate, so it is no criterion."""
    text = tmp_path / "profil.md"
    text.write_text("# Direktør, Greve Kommune\n\n## Kompetencer\n\n"
                    "Det er afgørende, at du har ledet ledere.\n\n## Tidsplan\n\n"
                    "Det forudsættes, at denne mailadresse kan anvendes til den fortrolige "
                    "kommunikation mellem ansøger og sekretariat.\n", encoding="utf-8")
    out = write_draft(text, tmp_path)
    assert [(c.quote, c.priority) for c in load_profile(out).criteria] == [
        ("Det er afgørende, at du har ledet ledere.", "krav")]
    assert out.with_suffix(".feature").read_text(encoding="utf-8").count("Scenarie:") == 1


def test_an_english_profile_text_is_read_as_a_consultant_writing_in_english_means_it(
        tmp_path):
    """An English text's emphasis ('particularly important'), softener ('We do not expect
    you to have it all'), passive 'must' ('Experience … must be documented'), date ('1 March
    2025') and 'Municipality of Greve' were not read: the draft made krav of the softened
    list and of the passive, weighed nothing, and asked for the organisation and the date."""
    text = tmp_path / "profile.md"
    text.write_text(
        "# Director of Children and Schools\n\nMunicipality of Greve, 1 March 2025\n\n"
        "## Personal competencies\n\nIt is particularly important that you communicate "
        "clearly.\n\nWe do not expect you to have it all, but as many as possible of the "
        "following:\n\n- You must be robust and calm.\n- Experience of leading leaders must "
        "be documented.\n", encoding="utf-8")
    out = write_draft(text, tmp_path)
    profile = load_profile(out)
    assert (profile.meta.organisation, profile.meta.date.isoformat()) == (
        "Municipality of Greve", "2025-03-01")
    assert [(c.quote, c.priority, c.weight) for c in profile.criteria] == [
        ("It is particularly important that you communicate clearly.", "ønske", 2.0),
        ("You must be robust and calm.", "ønske", 2.0),
        ("Experience of leading leaders must be documented.", "ønske", 1.0)]
    assert [s.quote for s in profile.set_aside] == [
        "We do not expect you to have it all, but as many as possible of the following:"]
    assert lint_paths([out]) == []
    assert not out.with_suffix(".feature").exists()


def test_a_skal_said_of_a_thing_drafts_no_krav(tmp_path):
    """Ishøj's 'Styring skal være en måde at skabe udvikling …' and 'Arbejdsprogrammet skal
    være et redskab …' were drafted as krav, each with a knock-out scenario: a 'skal' whose
    subject is a thing asks nothing of the candidate (R6)."""
    text = tmp_path / "profil.md"
    text.write_text("# Direktør, Greve Kommune\n\n## Kompetencer\n\n"
                    "Styring skal være en måde at skabe udvikling for ledere og medarbejdere.\n\n"
                    "Derfor skal lederen gå forrest.\n", encoding="utf-8")
    out = write_draft(text, tmp_path)
    assert [(c.quote, c.priority) for c in load_profile(out).criteria] == [
        ("Styring skal være en måde at skabe udvikling for ledere og medarbejdere.", "ønske"),
        ("Derfor skal lederen gå forrest.", "krav")]
    assert out.with_suffix(".feature").read_text(encoding="utf-8").count("Scenarie:") == 1
    assert lint_paths([out]) == []


def test_an_english_run_writes_the_draft_scenarios_in_english_gherkin(tmp_path):
    """`screening --lang en new` wrote its scenarios in Danish ('# language: da',
    'Scenarie:', 'Givet kandidaten'): the one file of the draft a consultant working in
    English could not read. They are in the run's language, and they run."""
    text = tmp_path / "profile.md"
    text.write_text("# Head of Schools, Greve\n\n## Professional competencies\n\n"
                    "It is essential that you have led leaders.\n", encoding="utf-8")
    out = tmp_path / "greve.yaml"
    result = CliRunner().invoke(main, ["--lang", "en", "new", str(text), "--out", str(out)])
    assert result.exit_code == 0, result.output
    feature = out.with_suffix(".feature")
    written = feature.read_text(encoding="utf-8")
    assert written.startswith("# language: en\nFeature: Draft: Head of Schools, Greve\n")
    assert "Scenario: have-led-leaders: the krav rated low is a proposed knock-out" in written
    assert 'Then there is a proposed knock-out on "have-led-leaders"' in written
    result = CliRunner().invoke(main, ["--lang", "en", "test", str(feature)])
    assert result.exit_code == 0, result.output
    assert "1 passed, 0 failed" in result.output


@pytest.mark.parametrize(("head", "when"), [
    ("November 2024\n\nAnsøgningsfrist\tTorsdag den 14. november 2024", "2024-11-14"),
    ("Ansøgningen skal være fremme senest den **19. maj 2009** kl. 12.", "2009-05-19"),
    ("Applications must be submitted by 1 March 2025.", "2025-03-01"),
    ("Marts 2025", "2025-03-01"),
])
def test_a_draft_is_dated_by_the_day_the_text_gives(tmp_path, head, when):
    """Albertslund's text says 'November 2024' and 'Ansøgningsfrist Torsdag den 14. november
    2024': the draft was dated 2024-11-01, where the consultant dated the profile by the
    deadline, 2024-11-14 (Høje-Taastrup's by its '19. maj 2009' too). A position's years run
    up to the profile's date, so the first date with its day dates the draft."""
    text = tmp_path / "profil.txt"
    text.write_text(f"Skolechef\n\nRoskilde Kommune\n\n{head}\n\nPersonlige kompetencer\n\n"
                    "Du skal være robust.\n", encoding="utf-8")
    assert load_profile(write_draft(text, tmp_path)).meta.date.isoformat() == when


# --- the draft measured against the shipped rule files ---------------------------------------


@dataclass(frozen=True)
class Measured:
    """How many of a rule file's criteria a draft of its source text finds, and of those
    how many with the rule file's category and krav/ønske."""

    criteria: int
    found: int
    category: int
    priority: int


def _folded(quote: str) -> str:
    return normalise(quote).casefold()


def _drafted_as(quote: str, drafted: tuple[Drafted, ...]) -> Drafted | None:
    """The draft criterion that says what a rule file's quote says: the shortest draft
    quote containing it, or, where the consultant joined statements, the longest of the
    draft quotes lying inside it when together they make at least half of it."""
    wanted = _folded(quote)
    around = [d for d in drafted if wanted in _folded(d.quote)]
    if around:
        return min(around, key=lambda d: len(d.quote))
    inside = [d for d in drafted if _folded(d.quote) in wanted]
    if 2 * sum(len(_folded(d.quote)) for d in inside) >= len(wanted):
        return max(inside, key=lambda d: len(d.quote))
    return None


def measure_draft(rule_file: Path, tmp_path: Path) -> Measured:
    profile = load_profile(rule_file)
    if not SEEDS.is_dir():
        pytest.skip("the seed texts are not beside the project")
    drafted = draft(find_source(profile.meta.source, rule_file), tmp_path / "udkast.yaml")
    own = [c for c in profile.criteria if Path(c.rule_file).resolve() == rule_file.resolve()]
    matched = [(c, _drafted_as(c.quote, drafted.criteria)) for c in own]
    found = [(c, d) for c, d in matched if d is not None]
    return Measured(len(own), len(found), sum(c.category == d.category for c, d in found),
                    sum(c.priority == d.wording.priority for c, d in found))


@pytest.mark.parametrize("rule_file", PROFILES, ids=lambda p: p.stem)
def test_a_draft_of_a_shipped_profiles_text_finds_most_of_its_criteria(rule_file, tmp_path):
    """What a consultant is spared: most criteria of each shipped profile are in the draft
    of its text, most of them with the category and krav/ønske the consultant chose. Floors,
    not figures: a profile of another shape may draft less well, not a regression."""
    measured = measure_draft(rule_file, tmp_path)
    assert measured.found >= 0.6 * measured.criteria, measured
    assert measured.category >= 0.5 * measured.found, measured
    assert measured.priority >= 0.75 * measured.found, measured


def test_the_drafts_of_the_shipped_profiles_find_what_they_found_on_the_day_this_was_written(
        tmp_path):
    """Figures of the shipped profiles (the one test here that counts on them): drafted from
    their seed texts, the five profiles' 88 criteria were found 82 times, 70 with the
    consultant's category and 79 with their krav/ønske (81, 61 and 77 before the drafter
    read tables, numbered blocks and categories as it does now; 87, 72 and 83 since it
    reads the plain headings a lead-in introduces as its items; 87, 75 and 83 since a
    statement is filed by its own words before its heading's, names and an education as
    they are; 87, 76 and 83 since 'kommunaldirektøren' is no field word; 88, 77 and 84
    since a sentence asking two things in two clauses drafts one a clause). A change to the
    drafter may lose a little, never much; a new shipped profile adds to each figure."""
    total = [measure_draft(path, tmp_path / path.stem) for path in PROFILES]
    found = sum(m.found for m in total)
    assert found >= 0.95 * sum(m.criteria for m in total)
    assert sum(m.category for m in total) >= 0.82 * found
    assert sum(m.priority for m in total) >= 0.92 * found


def _docx_of_paragraphs(path: Path, count: int) -> Path:
    import docx

    document = docx.Document()
    for n in range(count):
        document.add_paragraph(f"Du skal have erfaring med ledelse nummer {n}.")
    document.save(str(path))
    return path


def test_a_long_docx_is_read_in_seconds_not_minutes(tmp_path):
    """python-docx looked up each paragraph's style by reading every style (1.6 ms a
    paragraph): a 150 kB .docx of 20,000 short paragraphs took over half a minute before
    drafting began; it takes about two seconds."""
    import time

    path = _docx_of_paragraphs(tmp_path / "profil.docx", 20_000)
    started = time.monotonic()
    text = read_text(path)
    assert time.monotonic() - started < 15
    assert text.count("Du skal have erfaring") == 20_000


@pytest.mark.parametrize("breaks", ["\n", " "])
def test_a_long_paragraph_is_read_in_seconds_not_minutes(tmp_path, breaks):
    """A paragraph of 60,000 sentences (2.4 MB, a sentence a line or all on one line) took
    minutes: each sentence's line was counted from the paragraph's start and each line was
    joined to its item by copying the item so far. Every sentence is still placed on its
    line."""
    import time

    text = tmp_path / "profil.txt"
    text.write_text("# Skolechef\n\n## Om kommunen\n\n" + breaks.join(
        f"Kommunen har mange borgere nummer {n}." for n in range(60_000)) + "\n",
        encoding="utf-8")
    started = time.monotonic()
    statements = split_statements(read_text(text))
    assert time.monotonic() - started < 30
    sentences = [s for s in statements if s.kind == "sentence"]
    assert len(sentences) == 60_000
    assert sentences[-1].line == (5 + 59_999 if breaks == "\n" else 5)
    assert sentences[-1].text == "Kommunen har mange borgere nummer 59999."


def _zip_of(parts: dict[str, str]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as container:
        for name, text in parts.items():
            container.writestr(name, text)
    return buffer.getvalue()


@pytest.mark.parametrize("lang, content, said", [
    ("da", "Du skal være robust.\n".encode(),
     "E004 en tekstfil, ikke en .docx: omdøb den til .txt, så læses den som tekst"),
    ("en", "Du skal være robust.\n".encode("utf-16"),
     "E004 a text file, not a .docx: rename it .txt, and it is read as text"),
    ("da", _zip_of({"mimetype": "application/vnd.oasis.opendocument.text",
                    "content.xml": "<x/>"}),
     "E004 ikke et Word-dokument (.docx), men en anden slags fil (en zip, et regneark, et "
     "OpenDocument): åbn den i programmet, der lavede den, og gem den som Word-dokument (.docx)"),
    ("en", _zip_of({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}),
     "E004 not a Word document (.docx) but another kind of file (a zip, a spreadsheet, an "
     "OpenDocument): open it in the program that made it and save it as a Word document "
     "(.docx)"),
    ("en", b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
     "E004 not a Word document (.docx) but another kind of file"),
], ids=["text-da", "text-en", "odt-da", "xlsx-en", "png-en"])
def test_a_docx_that_is_another_kind_of_file_says_so_in_the_users_words(tmp_path, lang,
                                                                        content, said):
    """A text, a LibreOffice document or a workbook renamed .docx was said in python-docx's
    English inside the Danish line ('File is not a zip file', "There is no item named
    '[Content_Types].xml' in the archive"), once with Python's name of an object in memory
    ('<_io.BytesIO object at 0x7f…>', a new one each run)."""
    text = tmp_path / "stilling.docx"
    text.write_bytes(content)
    result = CliRunner().invoke(main, ["--lang", lang, "new", str(text)])
    assert result.exit_code == 2, result.output
    assert f"{text}: {said}" in " ".join(result.output.split())
    assert "0x" not in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("lang, said", [("da", "E002 filen pakkes ud til mere end"),
                                        ("en", "E002 the file unpacks to more than")])
def test_a_docx_zip_bomb_is_refused_before_it_is_read(tmp_path, lang, said):
    """A .docx of 150 kB unpacking to 33 MB of paragraphs ran for minutes."""
    import zipfile

    made = _docx_of_paragraphs(tmp_path / "lille.docx", 1)
    with zipfile.ZipFile(made) as small:
        parts = {info.filename: small.read(info) for info in small.infolist()}
    paragraph = b"<w:p><w:r><w:t>Du skal have erfaring med ledelse.</w:t></w:r></w:p>"
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:sectPr", paragraph * 200_000 + b"<w:sectPr", 1)
    bomb = tmp_path / "profil.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as packed:
        for name, data in parts.items():
            packed.writestr(name, data)
    result = CliRunner().invoke(main, ["--lang", lang, "new", str(bomb),
                                       "--out", str(tmp_path / "udkast.yaml")])
    assert result.exit_code == 2
    assert f"{bomb}: {said}" in result.stderr
    assert not (tmp_path / "udkast.yaml").exists()


def test_a_pdf_whose_pages_unpack_to_too_much_is_refused_before_it_is_read(tmp_path):
    """A PDF of 400 kB whose page unpacks to 11 MB of drawing instructions: 6.5 MB of them
    took 48 s to read as text."""
    import zlib

    drawn = zlib.compress(b"BT /F1 12 Tf 72 712 Td (Du skal have erfaring) Tj ET\n" * 200_000)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(drawn) + drawn
               + b"\nendstream"]
    content, places = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        places.append(len(content))
        content += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    table = len(content)
    content += (b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
                + b"".join(b"%010d 00000 n \n" % place for place in places)
                + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
                % (len(objects) + 1, table))
    pdf = tmp_path / "profil.pdf"
    pdf.write_bytes(content)
    result = CliRunner().invoke(main, ["new", str(pdf), "--out", str(tmp_path / "u.yaml")])
    assert result.exit_code == 2
    assert f"{pdf}: E002 filen pakkes ud til mere end" in result.stderr


@pytest.mark.parametrize("lang, said", [
    ("da", "E004 PDF'en er beskyttet med en adgangskode: gem en kopi uden"),
    ("en", "E004 the PDF is protected with a password: save a copy without one")])
def test_a_pdf_that_needs_a_password_says_so(tmp_path, lang, said):
    """A profile sent as a password-protected PDF: 'kan ikke læse denne .pdf-fil: File has
    not been decrypted', pypdf's English inside the Danish. One whose password only
    restricts copying is read as any PDF."""
    from fpdf import FPDF
    from pypdf import PdfWriter

    plain = tmp_path / "plain.pdf"
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    pdf.multi_cell(0, 5, "- Du skal have erfaring med ledelse af ledere.")
    pdf.output(str(plain))
    for name, password in (("laast.pdf", "hemmelig"), ("kopisikret.pdf", "")):
        protected = PdfWriter(clone_from=str(plain))
        protected.encrypt(user_password=password, owner_password="ejer")
        protected.write(str(tmp_path / name))
    locked = tmp_path / "laast.pdf"
    result = CliRunner().invoke(main, ["--lang", lang, "new", str(locked),
                                       "--out", str(tmp_path / "u.yaml")])
    assert result.exit_code == 2
    assert result.stderr == f"{'fejl' if lang == 'da' else 'error'}: {locked}: {said}\n"
    assert "Du skal have erfaring" in read_text(tmp_path / "kopisikret.pdf")


@pytest.mark.parametrize("lang, said", [
    ("da", "E004 .docx-filen er beskyttet med en adgangskode eller er et gammelt "
           "Word-dokument (.doc): gem en kopi uden adgangskode som .docx"),
    ("en", "E004 the .docx file is protected with a password, or is an old Word document "
           "(.doc): save a copy without a password as .docx")])
def test_a_docx_saved_with_a_password_or_an_old_doc_renamed_says_so(tmp_path, lang, said):
    """Word saves a .docx with a password as a compound file, as an old .doc is: the
    draft said 'kan ikke læse denne .docx-fil: File is not a zip file'."""
    protected = tmp_path / "profil.docx"
    protected.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    result = CliRunner().invoke(main, ["--lang", lang, "new", str(protected),
                                       "--out", str(tmp_path / "u.yaml")])
    assert result.exit_code == 2
    assert result.stderr == f"{'fejl' if lang == 'da' else 'error'}: {protected}: {said}\n"


def test_an_english_statement_on_leading_leaders_is_leadership(tmp_path):
    """The English stems had "leading" and "manag" but no "lead" or "leader": "You must be
    able to lead leaders" counted no category word and was drafted personlige."""
    text = tmp_path / "profil.md"
    text.write_text("# Director of Schools, Greve Kommune\n\n## Expectations\n\n"
                    "You must be able to lead leaders.\n\n"
                    "You must be a visible leader.\n", encoding="utf-8")
    profile = load_profile(write_draft(text, tmp_path))
    assert [c.category for c in profile.criteria] == ["ledelsesmæssige", "ledelsesmæssige"]
