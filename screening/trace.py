"""Traceability: does a rule file say what its source text says, and all of it?

`screening trace` checks two things against the text a profile encodes:
- every quote (of criteria and of `set_aside:` entries) occurs in the text, after
  normalising whitespace, hyphenation, list markers and markdown emphasis (so a quote may be
  copied across a line break); when one does not, the nearest passage is shown;
- every statement of the text that states a requirement is accounted for: a criterion
  quotes it, or a `set_aside:` entry covers it.

What a statement is (`split_statements`), deliberately simple so a consultant can predict it:
- a *heading*: a markdown `#` line, or a short line standing alone (at most 80 characters,
  no closing punctuation), or a numbered line right above its first subsection ("2.
  Personprofil" above "2.1 Faglige kompetencer"). Headings open sections; a numbered
  heading ("## 2.1.") nests under the heading with the shorter number;
- a *bullet*: a line starting with "- ", "* ", "• ", "– " or another bullet sign (BULLETS),
  with the lines that continue it;
- a *numbered* item: a line starting with "1. ", "1) " or "a) ". A numbered line standing alone
  with prose under it ("1. Struktureret ledelsesstil") is one statement with that prose,
  so its sentences are not counted on their own;
- a *sentence* of a prose paragraph (split after . ! ? or : before a capital letter); a
  paragraph ending in ":", or in no full stop ("Vi forventer at du"), just before a list
  is the list's lead-in, not counted itself;
- a *table cell*: of a line with a tab (a table saved as text) or of a markdown table (its
  outer pipes optional under its heading row); a *table row* instead, all its cells in one,
  when a column of the table says how much each row counts ("Krav", "Ønske", "Afgørende",
  "Et plus": wording.read_cell), or a "Krav" and an "Ønske" column mark it (X, ✓, "ja").

Which statements count (must be quoted or set aside), `Statement.counted`:
- every bullet, numbered item and sentence in a *competency section*: one whose heading, or
  a heading above it, names what the post asks of the person (COMPETENCY_HEADING_WORDS:
  kompetencer, egenskaber, personprofil, forventninger, ...);
- every sentence under a plain heading that the paragraph right above it introduces as one
  of its items ("Med dette formål som fundament er direktionens ansvarsområder følgende:"
  above "Økonomisk ansvarlighed", "Et velfungerende lokaldemokrati", ...): such headings
  nest under the section of the lead-in, as a list's items would, until a heading naming a
  section of its own (SECTION_WORDS: "Rollen som enhedsdirektion"; OTHER_SECTION: "Om
  Greve Kommune", "Løn- og ansættelsesvilkår", "Ansøgning") or one with a level;
  so do plain headings right under a plain heading naming competencies ("Personlige
  kompetencer" right above "Robusthed", "Samarbejde"), not the kind of document
  ("Stillings- og personprofil" above the post's name);
- a bullet or numbered item whose lead-in (the paragraph just before its list), or a
  heading above it, states a requirement or names competencies, values, purposes,
  responsibilities or a role (LEAD_IN_WORDS: "Det forventes, at den kommende direktør:",
  "God ledelse ... kræver, at lederen", "Vores formål er:", "2.1.1. Ansvar");
- anywhere, a sentence that asks something of the people the post is about: words that
  `read_wording` finds deciding ("skal", "afgørende", "et plus", "gerne", "vigtig", ...)
  and a word for those people (PERSON_WORDS: du, vi, man, direktøren, lederen, ...), so
  "Du skal sikre ..." counts and "Ansøgningen skal være fremme ..." does not;
- a table cell only when it asks something of people, as a sentence anywhere does; a table
  row always (its column says it is asked);
- never a heading or a bullet that is only a link.

Prose under a heading on the post's purpose, tasks, responsibilities or role ("Centrale
opgaver for direktøren", "Jobprofil") that asks nothing of people does not count: it says
what the post holder will do, not what the candidate must bring (docs/reading-profiles.md,
R10). Trace lists each such sentence no quote covers as skipped (`DocumentTrace.skipped`),
so a consultant sees what was not checked and why.

A statement is covered when a quote contains it, or lies inside it and in no counted
statement before it (words that recur cover only where they are first quoted from). A
`set_aside:` quote that is a heading sets aside its whole section, subsections included.
"""

from __future__ import annotations

import codecs
import difflib
import io
import os
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from .documents import (
    COMPOUND_FILE,
    EntryPlaces,
    container_kind,
    decoded_text,
    read_bounded,
    read_document,
    text_position,
    unpacked_problem,
)
from .documents import read_text as read_bounded_text
from .errors import InputError, Problem
from .messages import Message, message
from .profiles import Profile
from .wording import read_cell, read_wording

# Word beginnings ("ansvar" finds "ansvarsområder"). A heading about the person makes every
# sentence under it count: "kompetencer" in the plural, since "ansvar og kompetence" is
# authority, not a competency. A heading on the post's purpose, tasks, responsibilities or
# role makes only its lists count: its prose is often description ("Strategisk Lederforum mødes
# 3-4 gange årligt"). The Danish words, then the English ones.
COMPETENCY_HEADING_WORDS = ("kompetencer", "egenskaber", "kvalifikation", "personprofil",
                            "forventning", "krav", "om dig", "vi søger", "competenc",
                            "qualification", "skills", "requirement", "about you",
                            "we are looking for", "person specification")
RESPONSIBILITY_WORDS = ("formål", "ansvar", "rolle", "opgave", "jobprofil", "purpose",
                        "responsibilit", "role", "task", "duties")
# lead-in words a heading does not stand for: its list counts by the words of a lead-in
LEAD_IN_ONLY_WORDS = ("kræver", "forvent", "værdi", "require", "expect", "value")
LEAD_IN_WORDS = (*LEAD_IN_ONLY_WORDS, *RESPONSIBILITY_WORDS, *COMPETENCY_HEADING_WORDS)
SECTION_WORDS = (*RESPONSIBILITY_WORDS, *COMPETENCY_HEADING_WORDS)  # a heading's of its own
# A heading on the organisation, the terms or the application ("Om Greve Kommune", "Løn- og
# ansættelsesvilkår", "Ansøgning") is a section of its own too, never an item of a run of
# plain subheadings above it: the run under "Personlige kompetencer" went on into them, and
# their prose was counted and drafted as competencies. "Om" and "About" begin the heading;
# the others begin a word of it ("Lønog" as trace compares it).
OTHER_SECTION = re.compile(r"^(?:om|about)\b|(?<!\w)(?:løn|ansættelse|ansøgning|"
                           r"rekruttering|tiltrædelse|kontakt\b|yderligere oplysninger|"
                           r"salary|terms of employment|application|how to apply|"
                           r"recruitment|contact\b|further information)")
MAX_HEADING_CHARS = 80
# bullet signs: markdown's, and those Word and PDF exports write ("●", "▪", "◦", and "\uf0b7",
# the Symbol font's bullet, in text taken from a PDF)
BULLETS = "-*•–●▪◦○■·\uf0b7"
_BULLET = re.compile(rf"^\s*[{BULLETS}]\s+(?=\S)")
# "1." and "1)", and a lettered list's "a)" (never "a.": "f. eks." starts a sentence)
NUMBER = r"(?:\d{1,2}[.)]|[a-zæøå]\))"
_NUMBERED = re.compile(rf"^\s*{NUMBER}\s+(?=\S)")
LIST_MARKER = re.compile(rf"^\s*(?:[{BULLETS}]|{NUMBER})\s+")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_SECTION_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.?\s")
_MD_TABLE = re.compile(r"^\s*\|.*\|\s*$")  # a line of a markdown table: | a | b |
# the line under a markdown table's heading row, with or without the outer pipes: |---|:--|
# (a pipe at least: "---" alone is a rule)
_MD_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")
_LINK_ONLY = re.compile(r"^\[[^\]]*\]\([^)]*\)\.?$")
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[\"“'«(]?[A-ZÆØÅ])")


@dataclass(frozen=True)
class Statement:
    kind: str  # heading | bullet | numbered | sentence | row (a table cell)
    text: str  # one line, whitespace collapsed, as shown
    line: int  # 1-based line where it starts
    section: str  # the nearest heading above it ("" before the first)
    sections: tuple[str, ...]  # every heading it stands under, outermost first
    body: str  # the text a quote must lie in (a numbered block: its title and prose)
    counted: bool  # states a requirement: must be quoted or set aside
    # as the source writes it, for showing (`text` is as quotes are compared: "Høje-Taastrup"
    # and "3-4 gange" there read "HøjeTaastrup" and "34 gange", which a consultant copying
    # the passage into a quote would make the profile's words)
    shown: str
    lead_in: str = ""  # a list item's lead-in paragraph ("Det forventes, at du:")
    # a row of a table with a krav/ønske column: the row's cell in it ("Afgørende", "Et plus",
    # "" when empty); its body is the row's other cells, one a line
    priority_cell: str | None = None


@dataclass(frozen=True)
class QuoteCheck:
    owner: str  # criterion id, or "set_aside"
    quote: str
    rule_file: str
    line: int  # of the quote in its rule file (of its criterion when it cannot be placed)
    found_line: int | None  # where the quote stands in the source, when found
    nearest: str  # when not found: the nearest passage of the source
    nearest_line: int | None
    column: int = 1  # of the quote in its rule file


@dataclass(frozen=True)
class DocumentTrace:
    document: str  # as the rule file names it
    path: str  # the file read
    quotes: tuple[QuoteCheck, ...]
    statements: tuple[Statement, ...]  # the counted ones
    uncovered: tuple[Statement, ...]
    # sentences not counted because they describe the post, not the person (R10), and
    # quoted by no criterion: trace says it skipped them
    skipped: tuple[Statement, ...]

    @property
    def missing_quotes(self) -> tuple[QuoteCheck, ...]:
        return tuple(q for q in self.quotes if q.found_line is None)

    @property
    def coverage(self) -> float:
        """Share of the counted statements that are accounted for, 0-100."""
        if not self.statements:
            return 100.0
        return 100.0 * (len(self.statements) - len(self.uncovered)) / len(self.statements)


# --- reading a source text -----------------------------------------------------------------


# word processors' formats read by neither python-docx nor pypdf
OTHER_DOCUMENTS = (".doc", ".odt", ".rtf", ".pages", ".wpd")
# a job advert saved from a site ("Gem som"): its text is read, not its markup
WEB_PAGES = (".html", ".htm")
# a site saved as one archive (Edge's and Word's .mht, Safari's .webarchive): MIME parts or
# a property list, whose headers and encoded markup were drafted as if they were the text
WEB_ARCHIVES = (".mht", ".mhtml", ".webarchive")
# a .docx or .pdf may hold photos (a brochure), so it may be larger than a text; what a
# .docx unpacks to is bounded too (a zip bomb), and so is its markup, which takes time to
# read as a text of its size does
MAX_DOCUMENT_BYTES = 50_000_000
MAX_MARKUP_BYTES = 10_000_000


def read_text(path: str | Path) -> str:
    """The text of a .txt, .md, .docx, .pdf or .html file; headings and bullets kept as
    markdown."""
    return read_source(path)[0]


def read_source(path: str | Path) -> tuple[str, tuple[Problem, ...]]:
    """The text of a .txt, .md, .docx, .pdf or .html file (as `read_text`), and the
    warnings reading it gave: a web page whose text ends inside a comment never closed
    (W001), at the comment."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():  # python-docx and pypdf would each say it their own way
        # why, as every reader says it: missing, a folder, links in a ring, no access
        _, why = read_bounded(path, 0)
        raise InputError([why or Problem(str(path), message("not_regular_file"),
                                         code="E001")])
    if suffix in OTHER_DOCUMENTS:  # read as text: bytes that are no UTF-8
        raise InputError([Problem(str(path), message("save_as_readable", suffix=suffix),
                                  code="E004")])
    if suffix in WEB_ARCHIVES:
        raise InputError([Problem(str(path), message("save_as_web_page", suffix=suffix),
                                  code="E004")])
    if suffix in WEB_PAGES:  # all markup, within the limit of a .docx's
        content, unread = read_bounded(path, MAX_MARKUP_BYTES)
        page, unread = (None, unread) if unread else _web_page_decoded(str(path), content)
        if page is None:
            assert unread is not None  # the page's text or the problem decoding it
            raise InputError([unread])
        shown, comment = _web_page_text(page)
        # a browser shows nothing after it either, but the consultant may not know the
        # text was cut there, nor where
        return shown, (() if comment is None else (
            Problem(str(path), message("page_ends_in_comment"), *comment, code="W001"),))
    if suffix not in (".docx", ".pdf"):
        # within the limit every other input keeps; Notepad's byte order mark is no part
        # of the first heading or quote
        text, unread = read_bounded_text(path)
        if unread is not None:
            raise InputError([unread])
        assert text is not None  # read_text gives the text or the problem
        return text, ()
    content, unread = read_bounded(path, MAX_DOCUMENT_BYTES)
    if suffix == ".docx" and content.startswith(COMPOUND_FILE):
        unread = Problem(str(path), message("docx_protected"), code="E004")
    if suffix == ".docx" and not unread:
        unread = (unpacked_problem(str(path), content, MAX_DOCUMENT_BYTES)
                  or unpacked_problem(str(path), content, MAX_MARKUP_BYTES, parts=".xml"))
    if unread:
        raise InputError([unread])
    try:
        return (_docx_text(content) if suffix == ".docx"
                else _pdf_text(str(path), content)), ()
    except InputError:
        raise
    except Exception as exc:  # python-docx and pypdf raise their own kinds on a broken file
        raise InputError([Problem(str(path), _unreadable(suffix, content, exc),
                                  code="E004")]) from None


def _unreadable(suffix: str, content: bytes, exc: Exception) -> Message:
    """Why a .docx or .pdf could not be read: for a .docx that is another kind of file (a
    text, a workbook, an OpenDocument, a zip), that, and what to do, in the user's words;
    python-docx's own ('File is not a zip file') was English inside the Danish line, and
    once named an object in memory ('<_io.BytesIO object at 0x7f…>'). Else the reader's
    fault: a Word document broken inside, which only its detail tells apart."""
    kind = container_kind(content) if suffix == ".docx" else "docx"
    return (message("docx_is_text") if kind == "text"
            else message("docx_not_word") if kind != "docx"
            else message("cannot_read_document", suffix=suffix, detail=str(exc)))


def _docx_text(content: bytes) -> str:
    import docx  # python-docx
    from docx.table import Table

    lines: list[str] = []

    def read(container: Any) -> None:
        # paragraphs and tables in the order they stand: a profile often lists its
        # competencies in a table, each cell read as the paragraphs it holds
        for block in container.iter_inner_content():
            if isinstance(block, Table):
                rows = [_unmerged(row.cells) for row in block.rows]
                texts = [[cell.text.strip() for cell in row] for row in rows]
                if (_priority_columns(texts)[0]
                        and not any("\n" in text or "\t" in text for row in texts for text in row)):
                    # a krav/ønske column: a row a line, as a table saved as text, so each
                    # row is one statement (its short cells are no headings)
                    lines.append("\n".join("\t".join(row) for row in texts))
                    continue
                for row in rows:
                    for cell in row:
                        read(cell)
                continue
            style = style_names.get(block._p.style, "")
            text = block.text.strip()
            if not text:
                continue
            if style.startswith("Heading") and style[-1:].isdigit():
                text = "#" * int(style[-1]) + " " + text
            elif style.startswith("Title"):
                text = "# " + text
            elif style.startswith("List"):  # List Bullet, List Number, ...: items of a list
                text = "- " + text
            lines.append(text)

    document = docx.Document(io.BytesIO(content))
    # a paragraph's style by its id, looked up once: python-docx's `paragraph.style` reads
    # every style to find the default for each paragraph without one (1.6 ms each: a
    # document of 100,000 short paragraphs took minutes)
    style_names = {style.style_id: style.name or "" for style in document.styles}
    read(document)
    return "\n\n".join(lines) + "\n"


# what the page declares it is written in, within its first bytes as a browser looks
# (<meta charset="windows-1252">, or the http-equiv Content-Type's charset=)
_DECLARED_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([-\w.:]+)", re.IGNORECASE)


def _web_page_decoded(name: str, content: bytes) -> tuple[str | None, Problem | None]:
    """The page's text in the character set it declares (a byte order mark first, else a
    <meta> charset, else UTF-8), or the located problem decoding it."""
    found = None if content.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                        codecs.BOM_UTF16_BE)) \
        else _DECLARED_CHARSET.search(content, 0, 4096)
    declared = (found.group(1).decode("ascii").lower() if found
                else "utf-16" if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
                else "utf-8")
    # a <meta> readable as ASCII is no UTF-16 page: browsers read one declaring so as UTF-8
    declared = "utf-8" if found and declared.startswith(("utf-16", "utf-32")) else declared
    if declared.replace("-", "").replace("_", "") in ("utf8", "unicode11utf8"):
        return decoded_text(name, content, "E003")
    try:
        return content.decode(declared), None
    except LookupError:  # no character set Python knows, or no text encoding (base64)
        line, column = text_position(content, found.start(1)) if found else (1, 1)
        return None, Problem(name, message("unknown_charset", charset=declared), line, column,
                             code="E003")
    except UnicodeError as exc:  # where it is not; a codec that decodes nothing, at the <meta>
        at = exc.start if isinstance(exc, UnicodeDecodeError) else found.start(1) if found else 0
        line, column = text_position(content, at)
        return None, Problem(name, message("not_in_charset", charset=declared), line, column,
                             code="E003")


# elements whose text is no part of the profile: code, the head's title, the site's
# navigation and frame, forms; a page header or footer only outside an article or section
_UNREAD = {"script", "style", "noscript", "template", "title", "nav", "aside", "form",
           "button", "select", "textarea", "svg", "iframe", "object", "dialog"}
_FRAME = {"header", "footer"}
_CONTENT = {"main", "article", "section"}
# the roles ARIA gives the site's frame, and a cookie banner's
_UNREAD_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog",
                 "alertdialog"}
_COOKIE_BANNER = re.compile(r"cookie|consent", re.IGNORECASE)
# elements that end a line: each paragraph, heading, item and cell its own
_BLOCKS = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th",
           "blockquote", "pre", "section", "article", "main", "body", "hr", "figure",
           "figcaption", "address", "caption", "h1", "h2", "h3", "h4", "h5", "h6"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}
# C0 and C1 control characters a browser does not show (whitespace is collapsed apart)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _web_page_text(page: str) -> tuple[str, tuple[int, int] | None]:
    """A web page's text as the .docx reader gives a document's: headings (h1-h6) as
    markdown's, list items as bullets, a paragraph a block, <br> a line break; and where a
    comment never closed begins (line, column), after which a browser shows nothing, or
    None (see `_comment_never_ended`)."""
    from html import unescape
    from html.parser import HTMLParser

    blocks: list[str] = []  # paragraphs, headings and lists, each its lines joined
    lines: list[str] = []  # the lines of the block being read
    words: list[str] = []  # the text of the line being read
    marker = [""]  # what the line being read starts with: "## ", "- "
    unread: list[str] = []  # the element left out, once for it and each of its name within
    content = [0]  # open <main>, <article>, <section>: a header within is the content's
    lists = [0]  # open <ul>, <ol>: the items and their paragraphs are one block
    # open tables: where each began in `blocks`, its rows of cells' texts, where the open
    # cell began (-1: none open)
    tables: list[tuple[int, list[list[str]], list[int]]] = []

    def end_cell() -> None:
        end_block()
        _, rows, cell = tables[-1]
        if cell[0] >= 0:
            if not rows:
                rows.append([])
            rows[-1].append("\n".join(blocks[cell[0]:]))
        cell[0] = -1

    def end_table() -> None:
        from .rulefiles import MAX_CRITERIA

        end_cell()
        began, rows, _ = tables.pop()
        # a table of more rows than a profile has criteria is no krav/ønske table, and
        # looking for its column costs a millisecond a row (a page of 500,000 took minutes)
        if (len(rows) <= MAX_CRITERIA and _priority_columns(rows)[0]
                and not any("\n" in text or "\t" in text for row in rows for text in row)):
            # a krav/ønske column: a row a line, as the .docx reader gives such a table
            blocks[began:] = ["\n".join("\t".join(row) for row in rows)]

    def end_line(kept_marker: bool = False) -> None:
        text = " ".join(" ".join(words).split())
        words.clear()
        if text:
            lines.append(marker[0] + text)
        if text or not kept_marker:
            marker[0] = ""

    def end_block() -> None:
        end_line()
        if lines:
            blocks.append("\n".join(lines))
        lines.clear()

    def left_out(tag: str, attrs: dict[str, str | None]) -> bool:
        return (tag in _UNREAD or (tag in _FRAME and not content[0])
                or (attrs.get("role") or "").strip().lower() in _UNREAD_ROLES
                or (attrs.get("aria-hidden") or "").strip().lower() == "true"
                or "hidden" in attrs
                or bool(_COOKIE_BANNER.search(f"{attrs.get('id') or ''} "
                                              f"{attrs.get('class') or ''}")))

    def heading_level(tag: str) -> int:
        return int(tag[1]) if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456" else 0

    class Page(HTMLParser):
        def parse_marked_section(self, i: int, report: bool = True) -> int:
            # "<![" with no name, or one HTML does not know: Python's parser raises an
            # AssertionError (the run stopped as an internal error); a browser reads it as
            # a comment up to the next ">"
            try:
                return super().parse_marked_section(i, report)
            except AssertionError:
                end = self.rawdata.find(">", i + 3)
                return -1 if end < 0 else end + 1

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if unread:
                if tag == unread[0]:
                    unread.append(tag)
            elif tag == "br":
                end_line(kept_marker=True)  # the line goes on as its item's or heading's
            elif tag in _VOID:
                return
            elif left_out(tag, dict(attrs)):
                unread.append(tag)
            elif heading_level(tag):
                end_block()
                marker[0] = "#" * heading_level(tag) + " "
            elif tag == "li":
                end_line()
                marker[0] = "- "
            elif tag in ("ul", "ol"):
                if not lists[0]:
                    end_block()
                lists[0] += 1
            elif tag == "table":
                end_block()
                tables.append((len(blocks), [], [-1]))
            elif tag == "tr" and tables:
                end_cell()
                tables[-1][1].append([])
            elif tag in ("td", "th") and tables:
                end_cell()
                tables[-1][2][0] = len(blocks)
            elif tag in _BLOCKS:
                if tag in _CONTENT:
                    content[0] += 1
                if lists[0]:
                    end_line(kept_marker=True)  # an item's paragraph: the item's line
                else:
                    end_block()

        def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.handle_starttag(tag, attrs)
            if tag not in _VOID:  # <div/> opens a div in HTML; it is ended here
                self.handle_endtag(tag)

        def handle_endtag(self, tag: str) -> None:
            if unread:
                if tag == unread[0]:
                    unread.pop()
                return
            if tag in _CONTENT:
                content[0] = max(content[0] - 1, 0)
            if tag in ("ul", "ol"):
                lists[0] = max(lists[0] - 1, 0)
            if tag == "table" and tables:
                end_table()
                return
            if tag in ("td", "th", "tr") and tables:
                end_cell()
                return
            if heading_level(tag) or (tag in _BLOCKS and not lists[0]):
                end_block()
            elif tag in _BLOCKS:
                end_line()

        def handle_data(self, data: str) -> None:
            if not unread:
                words.append(_CONTROL.sub("", data))

    # what follows the last ">" ends no markup, and is the text it is: Python's parser, at
    # the end of the page, looked for the end of each "<a " or "</" there through the rest
    # of it, one character further each time (a page of 120 kB of them took 3.5 minutes)
    last = page.rfind(">") + 1
    reader = Page(convert_charrefs=True)
    reader.feed(page[:last])
    at = (last - len(reader.rawdata) if _comment_never_ended(reader.rawdata, reader.cdata_elem)
          else page.find("<!--", last) if reader.cdata_elem is None else -1)
    if at < 0 or at >= last:
        reader.close()
        # passed over within a <script> never ended; up to a comment never ended
        reader.handle_data(unescape(page[last:] if at < 0 else page[last:at]))
    while tables:  # a table never closed
        end_table()
    end_block()
    # nothing after a comment never ended is read, as a browser shows nothing after it
    comment = None if at < 0 else (page.count("\n", 0, at) + 1, at - page.rfind("\n", 0, at))
    return "\n\n".join(blocks) + "\n", comment


# what ends a comment in HTML: "-->", or "--!>" as browsers read it too
_COMMENT_END = re.compile(r"--!?>")


def _comment_never_ended(rest: str, in_element: str | None) -> bool:
    """Whether the parser stopped, before its end, at a comment begun and never ended
    (`rest`: what it has not read; not within a <script> or <style>, whose "<!--" is their
    text). A browser shows nothing of the page after it; Python's parser hid the rest (the
    criteria under it not drafted, without a word) or, by its version, read it as text and
    passed over the list that followed: either way the draft was not the page."""
    return (in_element is None and rest.startswith("<!--")
            and not rest.startswith(("<!-->", "<!--->")) and not _COMMENT_END.search(rest, 4))


def _unmerged(cells: Any) -> list[Any]:
    """A Word table row's cells, a merged cell once (python-docx gives it once per column it
    spans)."""
    seen: list[Any] = []
    for cell in cells:
        if not any(cell._tc is other._tc for other in seen):
            seen.append(cell)
    return seen


def _pdf_text(name: str, content: bytes) -> str:
    import logging

    from pypdf import PasswordType, PdfReader

    # pypdf logs what it finds wrong in a file to stderr, in English, before it fails or
    # reads around it; what cannot be read is said once, as E004
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    reader = PdfReader(io.BytesIO(content))
    # pypdf opens a PDF whose password only restricts copying or printing; one that needs a
    # password to be read fails on its first page with "File has not been decrypted"
    if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise InputError([Problem(name, message("pdf_password"), code="E004")])
    # the pages' drawing instructions, unpacked, within the limit of a .docx's markup: a
    # PDF of 600 kB unpacked to 6.5 MB of them took 48 s to read, and pypdf unpacks up
    # to 75 MB a page (photos are no part of them)
    markup = 0
    for page in reader.pages:
        drawn = page.get_contents()
        markup += len(drawn.get_data()) if drawn is not None else 0
        if markup > MAX_MARKUP_BYTES:
            raise InputError([Problem(name, message("unpacks_too_large",
                                                    limit=MAX_MARKUP_BYTES), code="E002")])
    # layout mode keeps the blank lines between paragraphs, which the splitter reads
    pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    return "\n".join(line.rstrip() for page in pages for line in page.splitlines()) + "\n"


def find_source(document: str, rule_file: str | Path) -> Path:
    """The file a rule file's `source:` names: a path relative to the rule file, any path,
    or a seed name looked up in the seeds folder (SCREENING_SEEDS, else a `shared/seeds`
    folder beside the project or above it)."""
    rule_dir = Path(rule_file).parent
    for candidate in (rule_dir / document, Path(document)):
        if candidate.is_file():
            return candidate
    for seeds in seed_folders(rule_dir):
        if (seeds / document).is_file():
            return seeds / document
    doc, _ = read_document(rule_file)  # loaded before: the `source:` line to point at
    head = "module" if doc is not None and "module" in doc.data else "profile"
    line, column = doc.locate((head, "source")) if doc is not None else (None, None)
    raise InputError([Problem(str(rule_file), message("source_not_found", document=document),
                              line, column, field=f"{head}.source", code="E008")])


def seed_folders(start: Path) -> list[Path]:
    found = [Path(os.environ["SCREENING_SEEDS"])] if os.environ.get("SCREENING_SEEDS") else []
    for folder in (start.resolve(), *start.resolve().parents):
        if (folder / "shared" / "seeds").is_dir():
            found.append(folder / "shared" / "seeds")
    return found


# --- statements ----------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Text as quotes are compared: no markdown emphasis, list markers or hyphenation."""
    text = re.sub(rf"(?m)^\s*(?:#{{1,6}}|[{BULLETS}])\s+", "", text)
    text = re.sub(r"[*_]", "", text)
    text = text.replace("“", '"').replace("”", '"').replace("’", "'")
    text = re.sub(r"(\w)-\s*(\w)", r"\1\2", text)  # hyphenation, at line breaks or not
    return re.sub(r"\s+", " ", text).strip()


def as_written(text: str) -> str:
    """Text as the source writes it, without markdown's markers and emphasis, whitespace
    collapsed: hyphens and quotation marks kept, which `normalise` drops to compare."""
    text = re.sub(rf"(?m)^\s*(?:#{{1,6}}|[{BULLETS}])\s+", "", text)
    return " ".join(re.sub(r"[*_]", "", text).split())


def _starts_word(text: str, beginnings: tuple[str, ...]) -> bool:
    return bool(_beginnings(beginnings).search(text.casefold()))


@cache  # a few lists of words, asked of every statement
def _beginnings(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the words as a word's beginning, in one pattern compiled once: a pattern a
    word, compiled again for each paragraph, took a quarter of a text's reading."""
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})")


# The people a requirement is asked of: the candidate ("du"), the management the post is
# part of ("vi", "direktionen"), leaders in general ("man", "lederen"). Word beginnings, in
# Danish and in English; the English "we", "our" and "us" as whole words ("well", "use").
PERSON_WORDS = ("du", "dig", "din", "dit", "dine", "vi", "os", "vores", "man", "direktør",
                "direktion", "leder", "chef", "kandidat", "ansøger", "koncernledelse", "you",
                "director", "leader", "candidate", "applicant")
PERSON_WHOLE_WORDS = ("we", "our", "us")


def states_requirement(text: str) -> bool:
    """Deciding words, said of the people the post is about."""
    return bool(read_wording(text).words) and _names_people(text)


_PEOPLE = re.compile(rf"(?<!\w)(?:{'|'.join(PERSON_WORDS)}"
                     rf"|(?:{'|'.join(PERSON_WHOLE_WORDS)})(?!\w))")


def _names_people(text: str) -> bool:
    return bool(_PEOPLE.search(text.casefold()))


@dataclass
class _Block:
    """Consecutive non-blank lines."""

    line: int
    lines: list[str]


def _blocks(text: str) -> list[_Block]:
    """Consecutive non-blank lines; a heading stands alone even with no blank line around it:
a markdown heading ("## Faglige kompetencer" is no part of the item above it), and a
heading line right above a list ("FAGLIGE KOMPETENCER", not its first item) unless it
reads as the list's lead-in (`_heads_list`)."""
    blocks: list[_Block] = []
    current: _Block | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        if (current is not None and len(current.lines) == 1
                and (_BULLET.match(raw) or _NUMBERED.match(raw))
                and _heads_list(current.lines[0])):
            current = None
        if _MD_HEADING.match(raw.strip()):
            blocks.append(_Block(number, [raw.rstrip()]))
            current = None
        elif raw.strip():
            if current is None:
                current = _Block(number, [])
                blocks.append(current)
            current.lines.append(raw.rstrip())
        else:
            current = None
    return blocks


def _heads_list(line: str) -> bool:
    """A heading line right above a list is its heading, unless it reads as the list's
    lead-in: it speaks of people ("Sammen vil vi") or asks something ("Herunder forventes")."""
    return (_is_heading_line(line) and not _names_people(line) and not read_wording(line).words
            and not _starts_word(line, LEAD_IN_ONLY_WORDS))


def _is_heading_line(line: str) -> bool:
    text = line.strip()
    return (bool(_MD_HEADING.match(text)) or
            (len(text) <= MAX_HEADING_CHARS and "\t" not in text and not _BULLET.match(text)
             and not _NUMBERED.match(text) and text[-1] not in ".:;!?,"))


def _heading_text(line: str) -> str:
    found = _MD_HEADING.match(line.strip())
    return normalise(found.group(2) if found else line)


def _heading_level(line: str) -> int:
    text = _heading_text(line)
    number = _SECTION_NUMBER.match(text)
    if number:
        return number.group(1).count(".") + 1
    found = _MD_HEADING.match(line.strip())
    return len(found.group(1)) if found else 1


def _items(block: _Block) -> list[tuple[str, int, str]]:
    """(kind, line, text) of the list items of a block; continuation lines join their item."""
    # each item's lines gathered, then joined once: joining them a line at a time copied the
    # item so far for every line (a text of 40,000 lines in one paragraph took minutes)
    items: list[tuple[str, int, list[str]]] = []
    for offset, line in enumerate(block.lines):
        kind = "bullet" if _BULLET.match(line) else "numbered" if _NUMBERED.match(line) else ""
        if kind or not items:
            items.append((kind or "sentence", block.line + offset, [line]))
        else:
            items[-1][2].append(line)
    return [(kind, at, "\n".join(lines)) for kind, at, lines in items]


def split_statements(text: str) -> list[Statement]:
    """Every statement of `text` in reading order, each marked counted or not."""
    statements: list[Statement] = []
    path: list[tuple[int, str]] = []  # open headings: (level, text)
    blocks = _blocks(text)
    lead_in = ""
    numbered_block: list | None = None  # [line, title, parts] of an open numbered block
    # the level of the section whose lead-in introduces the plain headings below it as its
    # items, while they last (None otherwise)
    items_level: int | None = None

    def close_numbered() -> None:
        nonlocal numbered_block
        if numbered_block is not None:
            line, title, parts = numbered_block
            body = "\n".join([title, *parts])
            statements.append(_statement("numbered", title, line, path, body, True))
            numbered_block = None

    for n, block in enumerate(blocks):
        first = block.lines[0]
        # a short line alone above a list is its heading, or its lead-in when it speaks of
        # people ("Vi forventer at du"): a heading would close the section it stands in
        leads_in = (n + 1 < len(blocks) and not _MD_HEADING.match(first.strip())
                    and _names_people(first)
                    and any(kind != "sentence" for kind, _, _ in _items(blocks[n + 1])))
        if (len(block.lines) == 1
                and (_is_heading_line(first) or _numbers_section(first, blocks[n + 1:n + 2]))
                and not leads_in):
            close_numbered()
            level = _heading_level(first)
            above = blocks[n - 1] if n else None
            introduced = (" ".join(above.lines) if above is not None and not any(
                kind != "sentence" for kind, _, _ in _items(above)) else "")
            items_level = _items_level(first, introduced, path, items_level)
            if items_level is not None:
                level = items_level + 1
            while path and path[-1][0] >= level:
                path.pop()
            path.append((level, _heading_text(first)))
            statements.append(_statement("heading", first, block.line, path, first, False))
            lead_in = ""
            continue
        items = _items(block)
        is_list = any(kind != "sentence" for kind, _, _ in items)
        if (len(block.lines) == 1 and items[0][0] == "numbered"
                and _is_heading_line(_NUMBERED.sub("", first))):
            close_numbered()  # "1. Struktureret ledelsesstil": the prose below belongs to it
            numbered_block = [block.line, first, []]
            continue
        if numbered_block is not None and not is_list:
            numbered_block[2].append("\n".join(block.lines))
            continue
        close_numbered()
        if is_list and _introduces(lead_in) and statements[-1].kind == "sentence":
            # "Det forventes, at den kommende direktør:" introduces; its items state
            statements[-1] = replace(statements[-1], counted=False)
        # the prose of a heading a lead-in introduces counts, as the items of a list do
        in_section = _competency_section(path) or items_level is not None
        for kind, line, item in items:
            rows = item.split("\n")
            markdown = (all(_MD_TABLE.match(row) for row in rows)
                        or (len(rows) > 1 and bool(_MD_DELIMITER.match(rows[1]))))
            if markdown or "\t" in LIST_MARKER.sub("", item, count=1):
                # a table saved as text (Word's "•<tab>" is no table), or a markdown table
                statements += _table(rows, markdown, line, path)
            elif kind == "sentence":
                for sentence, at in _sentences(item, line):
                    counted = in_section or states_requirement(sentence)
                    statements.append(_statement("sentence", sentence, at, path, sentence,
                                                 counted))
                if is_list:  # a paragraph right above its list, no blank line between
                    lead_in = " ".join(item.split())
                    if _introduces(lead_in) and statements[-1].kind == "sentence":
                        statements[-1] = replace(statements[-1], counted=False)
            else:
                content = normalise(item)
                counted = ((in_section or states_requirement(lead_in)
                            or _starts_word(lead_in, LEAD_IN_WORDS)
                            or any(_starts_word(h, RESPONSIBILITY_WORDS) for _, h in path))
                           and not _LINK_ONLY.match(content))
                statements.append(replace(_statement(kind, item, line, path, item, counted),
                                          lead_in=lead_in))
        if not is_list:
            lead_in = " ".join(block.lines)
    close_numbered()
    return statements


def _items_level(heading: str, above: str, path: list[tuple[int, str]],
                 items_level: int | None) -> int | None:
    """The level of the section whose items the plain heading is, or None: plain text has
    no heading levels, so "Et velfungerende lokaldemokrati" would close "Direktionens
    ansvarsområder", whose lead-in, the paragraph right above it ("Med dette formål som
    fundament er direktionens ansvarsområder følgende:"), introduces it and the headings
    like it. They are its items, as a list's items are, until a heading that names a
    section of its own ("Rollen som enhedsdirektion", "Personlige kompetencer", "Om Greve
    Kommune", "Ansøgning": OTHER_SECTION) or has a level (markdown's #, "2.1"). A plain
    heading right under a plain heading naming competencies ("Robusthed" under "Personlige
    kompetencer", a Word profile saved as text) is likewise its item: standing on its own,
    it closed the section, and nothing under it was counted."""
    if _MD_HEADING.match(heading.strip()) or _SECTION_NUMBER.match(_heading_text(heading)):
        return None
    if path and above.rstrip().endswith(":") and (states_requirement(above)
                                                  or _starts_word(above, LEAD_IN_WORDS)):
        return path[-1][0]
    if (_starts_word(heading, SECTION_WORDS)
            or OTHER_SECTION.search(_heading_text(heading).casefold())):
        return None  # a section of its own ends the run
    if path and _heading_text(above) == path[-1][1] and _names_competencies(path[-1][1]):
        return path[-1][0]  # "Personlige kompetencer" right above "Robusthed"
    return items_level


# how a heading naming the kind of document ends: "Stillings- og personprofil", "Job and
# person specification" title the text; the post named right under them is no competency
DOCUMENT_KIND_WORDS = ("profil", "specification")


def _names_competencies(heading: str) -> bool:
    """Whether a heading names what the post asks of the person ("Personlige kompetencer",
    "Om dig"), not the kind of document."""
    return (_starts_word(heading, COMPETENCY_HEADING_WORDS)
            and not any(word in heading.casefold() for word in DOCUMENT_KIND_WORDS))


def _numbers_section(line: str, following: list[_Block]) -> bool:
    """Whether a numbered line is the heading of a section whose first subsection follows:
    "2. Personprofil" right above "2.1 Faglige kompetencer" (where "1. Struktureret
    ledelsesstil" above its prose is an item)."""
    number = _SECTION_NUMBER.match(line.strip())
    if number is None or not following or not _is_heading_line(_NUMBERED.sub("", line)):
        return False
    below = _SECTION_NUMBER.match(_heading_text(following[0].lines[0]))
    return below is not None and below.group(1) == f"{number.group(1)}.1"


def _introduces(lead_in: str) -> bool:
    """Whether a paragraph right above a list only leads into it: it ends in a colon, or
    its last sentence is left open for the items to finish ("Vi forventer at du")."""
    ended = lead_in.rstrip("\"”»')")  # a sentence may end inside its quotation marks
    return bool(ended) and ended[-1] not in ".!?"


def _table(rows: list[str], markdown: bool, line: int,
           path: list[tuple[int, str]]) -> list[Statement]:
    """The statements of a table. With a krav/ønske column ("Krav", "Ønske", "Afgørende",
    "Et plus" in half its rows or more), or a Krav and an Ønske column marked with X, each
    row under the heading is one statement, counted, even one whose column says nothing
    readable: its cells say what is asked, its column how much. Else each cell on its own,
    counted when it asks something of people ("Ledelse<tab>Det er afgørende, at du ...",
    "| Ledelse | Det er ... |")."""
    table = [(line + offset, _cells(row, markdown)) for offset, row in enumerate(rows)]
    columns, heading = _priority_columns([cells for _, cells in table])
    statements = []
    for at, cells in table:
        asked = [cell.strip() for n, cell in enumerate(cells)
                 if n not in columns and normalise(cell)]
        if columns and cells is not heading and asked:
            shown = " | ".join(cell.strip() for cell in cells if normalise(cell))
            statements.append(replace(
                _statement("row", shown, at, path, "\n".join(asked), True),
                priority_cell=_priority_cell(cells, columns, heading)))
        else:
            statements += [_statement("row", cell, at, path, cell, states_requirement(cell))
                           for cell in cells if normalise(cell)]
    return statements


def _priority_columns(rows: list[list[str]]) -> tuple[tuple[int, ...], list[str] | None]:
    """The columns that say how much each row counts, and the heading row: the column whose
    cells, in at least half the rows of more than one cell under the heading row, say it in
    words (a first row where no cell does is the heading), or a Krav and an Ønske column
    (headings read_cell reads so) whose cells mark at least half the rows (MARKS). No
    columns for a table without them."""
    rows = [cells for cells in rows if sum(bool(normalise(cell)) for cell in cells) > 1]
    marked = _marked_columns(rows)
    if marked:
        return marked, rows[0]
    heading = rows[0] if rows and not any(read_cell(cell) for cell in rows[0]) else None
    body = rows[1:] if heading is not None else rows
    for column in range(max((len(cells) for cells in body), default=0)):
        if 2 * sum(len(cells) > column and bool(read_cell(cells[column]))
                   for cells in body) >= len(body):
            return (column,), heading
    return (), None


# what marks a row in a table's Krav or Ønske column: "X", "x", a tick, "ja"
MARKS = ("x", "✓", "✔", "×", "ja")


def _marks(cell: str) -> bool:
    return normalise(cell).casefold() in MARKS


def _marked_columns(rows: list[list[str]]) -> tuple[int, ...]:
    """A Krav and an Ønske column of marks: the first column whose heading reads as a krav
    and the first that reads as an ønske, when their cells mark at least half the rows under
    the heading; () for a table without them."""
    if len(rows) < 2:
        return ()
    readings = [read_cell(cell) for cell in rows[0]]
    krav = next((n for n, r in enumerate(readings) if r and r.priority == "krav"), None)
    wish = next((n for n, r in enumerate(readings) if r and r.priority == "ønske"), None)
    if krav is None or wish is None:
        return ()
    columns = (krav, wish)
    if 2 * sum(any(len(cells) > c and _marks(cells[c]) for c in columns)
               for cells in rows[1:]) < len(rows) - 1:
        return ()
    return columns


def _priority_cell(cells: list[str], columns: tuple[int, ...],
                   heading: list[str] | None) -> str:
    """What a row's krav/ønske column says of it: its cell ("Afgørende", "" when empty), or
    the headings of the Krav and Ønske columns it marks ("Krav"; "Krav/Ønske" for both,
    which decides nothing; "" for neither)."""
    if heading is None or len(columns) == 1:
        return normalise(cells[columns[0]]) if len(cells) > columns[0] else ""
    return "/".join(normalise(heading[c]) for c in columns if len(cells) > c and _marks(cells[c]))


def _cells(row: str, markdown: bool) -> list[str]:
    """The cells of a table row: between tabs, or between a markdown table's pipes (its
    |---| line has none)."""
    if not markdown:
        return row.split("\t")
    return [cell for cell in row.strip().strip("|").split("|")
            if not re.fullmatch(r"\s*:?-+:?\s*", cell)]


def _competency_section(path: list[tuple[int, str]]) -> bool:
    return any(_starts_word(heading, COMPETENCY_HEADING_WORDS) for _, heading in path)


def _statement(kind: str, text: str, line: int, path: list[tuple[int, str]], body: str,
               counted: bool) -> Statement:
    sections = tuple(heading for _, heading in path)
    if kind == "heading":
        sections = sections[:-1]
    return Statement(kind, normalise(text), line, sections[-1] if sections else "", sections,
                     body, counted, as_written(text))


def _sentences(text: str, line: int) -> list[tuple[str, int]]:
    """The sentences of a paragraph, each with the line it starts on."""
    found: list[tuple[str, int]] = []
    at = 0
    # the line breaks counted from the sentence before, not from the paragraph's start each
    # time: a paragraph of 40,000 sentences took minutes
    for part in _SENTENCE_END.split(text):
        start = text.find(part, at)
        line += text.count("\n", at, start)
        if normalise(part):
            found.append((part, line))
        line += part.count("\n")
        at = start + len(part)
    return found


# --- tracing -------------------------------------------------------------------------------


class _Located:
    """A source text normalised once, with the line of a normalised offset: the first line
    whose text up to its end, normalised, is longer than the offset. Those lengths grow with
    the line (but at a list marker alone on its line, normalised away only once a line
    follows: bisection puts a quote after it on its own line, as it should), so a line is
    found by bisection, each length normalised once when first needed: all of them,
    normalised from the start, took minutes for a text of 8,000 lines."""

    def __init__(self, text: str):
        self.text = normalise(text)
        self.folded = self.text.casefold()
        self._lines = text.splitlines()
        self._ends: dict[int, int] = {}  # line number -> normalised length up to its end

    def _end(self, number: int) -> int:
        end = self._ends.get(number)
        if end is None:
            end = self._ends[number] = len(normalise("\n".join(self._lines[:number])))
        return end

    def line_of(self, quote: str) -> int | None:
        at = self.folded.find(normalise(quote).casefold())
        if at < 0:
            return None
        # the lines whose end lies at or before the quote's start; the quote's is the next
        before = bisect_right(range(1, len(self._lines) + 1), at, key=self._end)
        return min(before + 1, len(self._lines))  # no lines: 0, as before


def _nearest(quote: str, statements: list[Statement]) -> tuple[str, int | None]:
    wanted = normalise(quote).casefold()
    best, best_ratio = None, 0.0
    for statement in statements:
        if statement.kind == "heading":
            continue
        matcher = difflib.SequenceMatcher(None, wanted, normalise(statement.body).casefold(),
                                          autojunk=False)
        if matcher.quick_ratio() <= best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = statement, ratio
    return (best.shown, best.line) if best else ("", None)


def covered(statement: Statement, quotes: list[str], set_aside_headings: set[str]) -> bool:
    """A quote lies inside the statement or contains it, or a set-aside heading is above it."""
    if set_aside_headings & set(statement.sections):
        return True
    inside = normalise(statement.body).casefold()
    return any(q in inside or inside in q for q in quotes)


def trace_text(text: str, document: str, path: str, quotes: list[QuoteCheck],
               set_aside_quotes: list[str]) -> DocumentTrace:
    """Check `quotes` (found_line not yet filled in) against `text`."""
    statements = split_statements(text)
    located = _Located(text)
    checked = []
    for q in quotes:
        line = located.line_of(q.quote)
        nearest, nearest_line = ("", None) if line else _nearest(q.quote, statements)
        checked.append(replace(q, found_line=line, nearest=nearest, nearest_line=nearest_line))
    headings = {s.text for s in statements if s.kind == "heading"}
    set_aside_headings = {normalise(q) for q in set_aside_quotes} & headings
    folded = [normalise(q.quote).casefold() for q in quotes]
    counted = [s for s in statements if s.counted]
    # a part of a statement covers the first statement it lies in, not every other one
    # where the same words recur ("ledelse af ledere" in a krav and in an ønske)
    bodies = [normalise(s.body).casefold() for s in counted]
    first_in = {q: next((n for n, body in enumerate(bodies) if q in body), None)
                for q in folded}
    uncovered = [s for n, s in enumerate(counted)
                 if not covered(s, [q for q in folded if first_in[q] in (n, None)
                                    or bodies[n] in q], set_aside_headings)]
    skipped = [s for s in statements
               if describes_the_post(s) and not covered(s, folded, set_aside_headings)]
    return DocumentTrace(document, path, tuple(checked), tuple(counted), tuple(uncovered),
                         tuple(skipped))


def describes_the_post(statement: Statement) -> bool:
    """A sentence under a heading on the post's purpose, tasks, responsibilities or role
    ("Direktionens formål og ansvarsområder", "Centrale opgaver for direktøren", "Rollen som
    centerchef") that asks nothing of people: what the
    post holder will do, not what the candidate must bring (R10), so it is not counted (a
    list's lead-in, "Vores formål er:", is no such sentence: its items count)."""
    return (statement.kind == "sentence" and not statement.counted
            and not _introduces(statement.text)
            and any(_starts_word(h, RESPONSIBILITY_WORDS) for h in statement.sections))


def trace_profile(profile: Profile, source: str | Path | None = None) -> list[DocumentTrace]:
    """One trace per source document of the profile and its modules; `source` replaces the
    text of the profile's own document (`--source`)."""
    by_document: dict[str, tuple[str, list[QuoteCheck], list[str]]] = {}
    root_file = profile.files[-1][0]
    place = EntryPlaces()

    def check(owner: str, quote: str, rule_file: str, listed: str, field: str, value: str,
              line: int) -> QuoteCheck:
        """The quote of the entry of `listed` whose `field` is `value`, placed in its file."""
        at, column = place(rule_file, listed, lambda entry: entry.get(field) == value, "quote")
        return QuoteCheck(owner, quote, rule_file, at or line, None, "", None, column or 1)

    for c in profile.criteria:
        entry = by_document.setdefault(c.document, (c.rule_file, [], []))
        entry[1].append(check(c.id, c.quote, c.rule_file, "criteria", "id", c.id, c.line))
    for s in profile.set_aside:
        entry = by_document.setdefault(s.document, (s.rule_file, [], []))
        entry[1].append(check("set_aside", s.quote, s.rule_file, "set_aside", "quote", s.quote,
                              s.line))
        entry[2].append(s.quote)
    traces = []
    for document, (rule_file, quotes, set_aside) in by_document.items():
        if source is not None and document == profile.meta.source:
            path = Path(source)
        else:
            path = find_source(document, rule_file if document != profile.meta.source
                               else root_file)
        traces.append(trace_text(read_text(path), document, str(path), quotes, set_aside))
    return traces
