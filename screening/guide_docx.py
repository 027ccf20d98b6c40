"""The interview guide as a Word document, for the committee to hand out, annotate and edit.

It renders the guide's plain data (`guide.guide`) as the Markdown and HTML guides do, in the
municipality's plain style: a title with the profile, stage and date; per candidate, on a page
of its own, her score, proposed knock-outs and standing decision; then each criterion to
settle with the profile's words, why, what would settle it and a table of the questions with
room for the interviewer's notes and scores; last, those a later stage settles, by name.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime

from .display import one_line
from .guide import (
    CandidateGuide,
    GuideItem,
    basis,
    competencies_read,
    knockouts,
    later_line,
    nothing_now,
    summary,
    title,
    why,
)
from .i18n import language, t
from .profiles import Profile
from .report import not_included
from .results import Screening
from .vocabulary import CATEGORY_TITLES, PRIORITIES, STAGES, label

# the language Word checks the spelling in, by the guide's language
_WORD_LANGUAGES = {"da": "da-DK", "en": "en-GB"}


def _text(value: object) -> str:
    """`value` as text a Word document may hold, on one line. Names, titles and reasons are
    typed by people: a control character (a bell, an escape) is no XML, and python-docx
    refuses it, as it refuses the noncharacters U+FFFE and U+FFFF and a lone surrogate."""
    return "".join(ch for ch in one_line(str(value))
                   if ch not in "\ufffe\uffff" and not "\ud800" <= ch <= "\udfff")


def document(screening: Screening, next_stage: str, guides: list[CandidateGuide],
             skipped: Sequence[str] = ()) -> bytes:
    """The guide as the bytes of a .docx file."""
    import docx  # python-docx, loaded only for this format

    guide_title = _text(title(screening, next_stage))
    doc = docx.Document()
    _set_language(doc, _WORD_LANGUAGES[language()])
    # the template's own (author "python-docx", made in 2013) would be read as the guide's
    properties = doc.core_properties
    properties.title, properties.author, properties.comments = guide_title, "", ""
    properties.last_modified_by = ""
    properties.created = properties.modified = datetime.now(UTC)
    body = _Body(doc)
    body.paragraph(guide_title, "Title")
    body.paragraph(_text(basis(screening)))
    body.paragraph(f"{t('Vurderet pr.')} {screening.as_of.isoformat()}")
    body.paragraph(t("Værktøjet anbefaler; ansættelsesudvalget beslutter."))
    if skipped_text := not_included(skipped):
        body.paragraph(_text(skipped_text))
    for number, g in enumerate(guides):
        v = g.view
        heading = body.paragraph(_text(f"{v.rank}. {v.name or v.id} ({v.id})"), "Heading 1")
        # each candidate on a page of her own: the committee hands out one at a time
        heading.paragraph_format.page_break_before = number > 0
        body.paragraph(summary(g))
        if proposed := knockouts(g):
            body.paragraph(_text(proposed))
        if g.decision:
            body.paragraph().add_run(_text(g.decision)).bold = True
        if said := nothing_now(g):
            body.paragraph(said)
        for i in g.items:
            _item(body, screening.profile, i, next_stage)
        if g.later:
            body.paragraph().add_run(f"{t('Afklares på et senere stadie')}:").bold = True
            for i in g.later:
                body.paragraph(_text(later_line(i)), "List Bullet")
    saved = io.BytesIO()
    doc.save(saved)
    return saved.getvalue()


class _Body:
    """The document's body, added to at its end. python-docx's own `add_paragraph`,
    `add_heading` and `add_table` search the body for its closing section properties and the
    styles for the one named on every call, so a guide for many candidates took time growing
    with the square of their number: here each paragraph and table goes just before the
    section properties at once, and each style is looked up once."""

    def __init__(self, doc) -> None:
        self._doc = doc
        self._end = doc.element.body.sectPr
        section = doc.sections[-1]  # the one section: the width between its margins
        self._width = section.page_width - section.left_margin - section.right_margin
        self._style_ids: dict[tuple[str, object], str | None] = {}

    def paragraph(self, text: str = "", style: str | None = None):
        """A paragraph of `text` in `style` (the document's default without), as
        `Document.add_paragraph` makes it."""
        from docx.enum.style import WD_STYLE_TYPE
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        element = OxmlElement("w:p")
        self._end.addprevious(element)
        paragraph = Paragraph(element, self._doc)
        if text:
            paragraph.add_run(text)
        if style is not None:
            element.style = self._style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        return paragraph

    def table(self, rows: int, cols: int, style: str):
        """A table in `style` as wide as the text, as `Document.add_table` makes it."""
        from docx.enum.style import WD_STYLE_TYPE
        from docx.oxml.table import CT_Tbl
        from docx.table import Table

        element = CT_Tbl.new_tbl(rows, cols, self._width)
        self._end.addprevious(element)
        element.tblStyle_val = self._style_id(style, WD_STYLE_TYPE.TABLE)
        return Table(element, self._doc)

    def _style_id(self, name: str, kind: object) -> str | None:
        if (name, kind) not in self._style_ids:
            self._style_ids[name, kind] = self._doc.part.get_style_id(name, kind)
        return self._style_ids[name, kind]


def _item(body: _Body, profile: Profile, i: GuideItem, next_stage: str) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Cm

    c = i.criterion
    body.paragraph(_text(f"[{label(PRIORITIES, c.priority)}] {c.name}"), "Heading 2")
    _labelled(body, t("Hvorfor"), f"{why(i)} ({label(CATEGORY_TITLES, c.category)})")
    _labelled(body, t("Profilen"), f"“{c.quote}” ({c.section})")
    _labelled(body, t("Opfyldt, hvis"), i.would_meet)
    for e in i.evidence:
        _labelled(body, t("Grundlag"), e)
    for m in i.missing:
        _labelled(body, t("Mangler"), m)
    if i.sources_to_come:
        _labelled(body, t("Kan belyses ved"),
                  ", ".join(label(STAGES, s) for s in i.sources_to_come))
    if not i.questions:
        body.paragraph(t("Profilen giver ingen spørgsmål til dette kriterium."))
    # a score for each competency the next stage assesses, as its scoring sheet asks it; a
    # criterion it assesses none of (a fact of the CV, one the references judge) gets none,
    # since no score written here would count; with nothing to ask or score, a row for notes
    scores = [t("Score for {competency} (1–5)", competency=profile.competencies[k])
              for k in competencies_read(c, next_stage)]
    rows = [f"{n}. {q}" for n, q in enumerate(i.questions, 1)] + scores or [""]
    table = body.table(len(rows) + 1, 2, "Table Grid")
    header = table.rows[0].cells
    header[0].paragraphs[0].add_run(t("Spørgsmål")).bold = True
    header[1].paragraphs[0].add_run(t("Noter")).bold = True
    for row, text in zip(table.rows[1:], rows, strict=True):
        row.cells[0].text = _text(text)
    # room to write an answer by hand, beside each question or in the row for notes
    for row in table.rows[1:1 + (len(i.questions) or int(not scores))]:
        row.height, row.height_rule = Cm(3), WD_ROW_HEIGHT_RULE.AT_LEAST


def _labelled(body: _Body, name: str, text: str) -> None:
    """A paragraph that starts with its label in bold, as the Markdown guide's lines do."""
    paragraph = body.paragraph()
    paragraph.add_run(f"{name}: ").bold = True
    paragraph.add_run(_text(text))


def _set_language(doc, code: str) -> None:
    """Word checks the spelling in the guide's language, not in the template's English."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = doc.styles["Normal"].element.get_or_add_rPr()
    found = properties.find(qn("w:lang"))
    if found is None:
        found = OxmlElement("w:lang")
        properties.append(found)
    found.set(qn("w:val"), code)
