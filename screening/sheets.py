"""Spreadsheets in and out (openpyxl), and the CSV variants consultants open in Excel.

Out: the screening as a workbook (a ranking sheet, and criteria × candidates with statuses
and points), and a blank scoring sheet for one stage (candidates × competencies, with the
profile's quotes and the allowed scores 1-5 validated in the sheet). In: the filled scoring
sheet becomes assessments in the candidates' records, with source and assessor; every bad
cell is reported as Sheet!A1, and nothing is written unless every cell is good.

Numbers are stored as numbers with Danish display formats (one decimal, per cent), so
Excel shows them with the reader's decimal mark and they still add up.
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from . import report
from .audit.decisions import Decisions, decision_line, describe
from .candidates import load_records
from .display import terminal
from .documents import (
    as_written_in,
    container_kind,
    editable,
    error_message,
    field_path,
    plain,
    read_bounded,
    round_trip_yaml,
    unpacked_problem,
    written_back,
)
from .errors import InputError, Problem
from .guide import competencies_read
from .i18n import EN, decimal, t
from .messages import Message, message
from .profiles import ID_PATTERN, Profile
from .records import CandidateRecord
from .results import CriterionOutcome, Screening
from .stages import SOURCES
from .views import candidate_view
from .vocabulary import (
    CATEGORY_SHORT,
    CATEGORY_TITLES,
    PRIORITIES,
    STAGES,
    STATUSES,
    did_you_mean,
    label,
)
from .wording import evidence_path, missing_text, value_text

if TYPE_CHECKING:
    from openpyxl import Workbook

ONE_DECIMAL = "0.0"
PER_CENT = "0.0%"
SCORE_SHEET = "Vurderinger"  # in the language of the sheet; either reads back
FIRST_SCORE_ROW = 5  # rows 1-4: title, competency labels, ids, quotes
FIRST_SCORE_COLUMN = 3  # A: candidate id, B: name
NAME_LABEL = "Navn"  # over the names, whose column holds the sheet's id and its profile's
BLANK_ROWS = 30  # rows for candidates added by hand when none are given
# what a filled sheet may unpack to: thousands of candidates take a few MB, and openpyxl
# takes about 20 s and 600 MB for each 10 MB it reads
MAX_UNPACKED_BYTES = 10_000_000
# A1 of a scoring sheet, which names its profile (read back where B4 does not: a sheet
# written before B4 held the id)
SHEET_TITLE = ("Vurderinger {stage}: {title} ({profile} v{version}). Skriv en score fra 1 til 5; "
               "lad feltet stå tomt, hvis kompetencen ikke er vurderet.")


# --- the screening as a workbook -----------------------------------------------------------


def screening_workbook(screening: Screening, decisions: Decisions | None = None,
                       skipped: Sequence[str] = ()) -> bytes:
    """The ranking and every criterion's status in a workbook; the ranking, and the criteria
    under them, say what people decided when they decided on any candidate, and, under the
    ranking, which inputs gave no record (`skipped`: a paper says who is not in it, as the
    report and the guide do)."""
    from openpyxl import Workbook  # here, not at the top: openpyxl costs a CSV run 0.5 s

    book = Workbook()
    ranking = book.worksheets[0]  # a new workbook's one sheet
    ranking.title = t("Placering")
    views = [candidate_view(r) for r in screening.results]
    used = [c for c in CATEGORY_TITLES if any(c in v.categories for v in views)]
    # each category as secured and possible, like the total: a category not yet belyst is
    # 0 secured, and must not read as a category failed
    headers = [t("Nr."), t("Kandidat"), t("Sikret"), t("Muligt"), t("Dækning"),
               *(t(part, category=label(CATEGORY_SHORT, c)) for c in used
                 for part in ("{category} sikret", "{category} muligt")),
               *(label(STATUSES, s) for s in STATUSES), t("Foreslåede knock-outs"),
               t("Anbefaling")]
    decided_on = [(decisions or {}).get(v.id) for v in views]
    if any(decided_on):
        headers.append(t("Beslutning"))
    _append(ranking, headers)
    for v, decision in zip(views, decided_on, strict=True):
        _append(ranking, [v.rank, v.id, v.score.value, v.score.possible,
                          round(v.coverage / 100, 4),
                          *(x for c in used for x in ((v.categories[c].value,
                                                       v.categories[c].possible)
                                                      if c in v.categories else (None, None))),
                          *(v.counts[s] for s in STATUSES), v.knockouts_text,
                          v.recommendation,
                          *([] if not any(decided_on) else
                            ["" if decision is None else describe(decision)])])
    _number_formats(ranking, {3: ONE_DECIMAL, 4: ONE_DECIMAL, 5: PER_CENT,
                              **{6 + n: ONE_DECIMAL for n in range(2 * len(used))}})
    _style_header(ranking, 1)
    if left_out := report.not_included(skipped):
        _append(ranking, [])
        _append(ranking, [left_out])

    criteria = book.create_sheet(t("Kriterier"))
    fixed = [t("Kriterium"), t("Navn"), t("Kategori"), t("Prioritet"), t("Vægt")]
    # per candidate: the status, the points and what the criterion may still reach ("op til",
    # as explain writes it), so that the points add up to the possible score of the ranking
    per_candidate = (t("Status"), t("Point"), t("Op til"))
    width = len(per_candidate)
    _append(criteria, [*fixed, *(x for r in screening.results
                                 for x in (r.id, *[None] * (width - 1)))])
    _append(criteria, [None] * len(fixed) + [x for _ in screening.results for x in per_candidate])
    for n in range(len(screening.results)):
        column = len(fixed) + 1 + width * n
        criteria.merge_cells(start_row=1, start_column=column, end_row=1,
                             end_column=column + width - 1)
    outcomes = [{o.criterion.id: o for o in r.outcomes} for r in screening.results]
    for c in screening.profile.criteria:
        _append(criteria, [c.id, c.name, label(CATEGORY_TITLES, c.category),
                           label(PRIORITIES, c.priority), c.weight,
                           *(x for by_id in outcomes
                             for x in (label(STATUSES, by_id[c.id].status), by_id[c.id].points,
                                       _reach(by_id[c.id])))])
    if any(decided_on):  # filtered to a krav not met, a column still says who decided
        _append(criteria, [t("Beslutning"), *[None] * (len(fixed) - 1),
                           *(x for decision in decided_on
                             for x in ("" if decision is None else describe(decision),
                                       *[None] * (width - 1)))])
        row = criteria.max_row
        for n in range(len(screening.results)):
            column = len(fixed) + 1 + width * n
            criteria.merge_cells(start_row=row, start_column=column, end_row=row,
                                 end_column=column + width - 1)
    _number_formats(criteria, {5: ONE_DECIMAL,
                               **{len(fixed) + 1 + width * n + k: ONE_DECIMAL
                                  for n in range(len(screening.results)) for k in (1, 2)}},
                    first_row=3)
    _style_header(criteria, 1)
    _style_header(criteria, 2)
    criteria.freeze_panes = "F3"
    return _saved(book)


def _reach(outcome: CriterionOutcome) -> float | None:
    """The points a criterion judged so far may still reach (`open_points` added), or None
    when nothing more is open on the evidence it was judged on."""
    return outcome.ceiling if outcome.open_points else None


def _append(sheet, values: list) -> None:
    """A row of cells. Names, titles and quotes come from records and rule files: a control
    character in one (a bell, an escape) is no text a workbook may hold (openpyxl refuses
    it, and the run stopped as an internal error), nor is an invisible direction override
    anything a reader should get."""
    sheet.append([terminal(v) if isinstance(v, str) else v for v in values])


def _number_formats(sheet, formats: dict[int, str], first_row: int = 2) -> None:
    for row in sheet.iter_rows(min_row=first_row):
        for cell in row:
            if cell.column in formats:
                cell.number_format = formats[cell.column]


def _style_header(sheet, row: int) -> None:
    from openpyxl.styles import Font, PatternFill

    for cell in sheet[row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DCE6F0")


def _saved(book: Workbook) -> bytes:
    """The workbook's bytes. No cell is a formula: openpyxl takes any text that starts with
    '=' for one, and names, titles and quotes come from records and rule files, so such a
    text (a name typed as '=HYPERLINK(…)') is kept as the text it is."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- CSV variants --------------------------------------------------------------------------


CRITERIA_FIELDS = ["rank", "id", "criterion", "category", "priority", "status", "points",
                   "max_points", "disagreement", "evidence", "missing", *report.DECISION_FIELDS,
                   "open_points"]
_DECIMAL = re.compile(r"^-?\d+\.\d+$")


def criteria_csv(screening: Screening, decisions: Decisions | None = None) -> str:
    """One row per candidate and criterion, machine-friendly like the summary CSV, each with
    the candidate's decision: a row filtered out of the sheet still says it."""
    out = io.StringIO()
    writer = csv.DictWriter(out, CRITERIA_FIELDS, lineterminator="\n")
    writer.writeheader()
    for r in screening.results:
        decided = report.decision_fields((decisions or {}).get(r.id))
        for o in r.outcomes:
            c = o.criterion
            writer.writerow({
                "rank": r.rank, "id": r.id, "criterion": c.id, "category": c.category,
                "priority": c.priority, "status": o.status, "points": o.points,
                "max_points": o.max_points, "open_points": o.open_points,
                "disagreement": "true" if o.disagreement else "false",  # as the JSON says it
                "evidence": "; ".join(f"{evidence_path(e)}={value_text(e.value)} ({e.source})"
                                      for e in o.evidence),
                "missing": "; ".join(map(missing_text, o.missing)), **decided})
    return out.getvalue()


def decimal_comma(text: str, keep: tuple[str, ...] = ("id", "criterion", "decided_by",
                                                       "decision_reason")) -> str:
    """The CSV as Danish Excel reads it: `;` between fields and `,` as the decimal mark
    (ids, and what a person wrote, are left as they are, even where one looks like a
    number), and no text Excel would take for a formula."""
    rows = list(csv.reader(io.StringIO(text)))
    kept = {n for n, name in enumerate(rows[0]) if name in keep} if rows else set()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(rows[0] if rows else [])
    for row in rows[1:]:
        writer.writerow([cell.replace(".", ",") if n not in kept and _DECIMAL.match(cell)
                         else _as_text(cell) for n, cell in enumerate(row)])
    return out.getvalue()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _as_text(cell: str) -> str:
    """A cell Excel shows as the text it is: a reason a person typed as "-2 år som chef" or
    "=HYPERLINK(…)" would be read as a formula (#NAVN? or a live link), so it gets the
    apostrophe Excel takes as "text follows" (OWASP's advice for CSV files)."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def csv_for(screening: Screening, detail: str, decimal: str,
            decisions: Decisions | None = None) -> str:
    """`screen --format csv`: per candidate or per criterion (each with the candidate's
    decision), dot or comma decimals."""
    text = (criteria_csv(screening, decisions) if detail == "criteria"
            else report.csv_text(screening, decisions))
    return decimal_comma(text) if decimal == "comma" else text


# --- the blank scoring sheet ---------------------------------------------------------------


def stage_competencies(profile: Profile, stage: str) -> list[str]:
    """The competencies that criteria take from assessments at `stage`, in the profile's
    order: a score in the sheet for one that is not would count for nothing."""
    read = {k for c in profile.criteria for k in competencies_read(c, stage)}
    return [k for k in profile.competencies if k in read]


def scoring_sheet(profile: Profile, stage: str, candidates: list[tuple[str, str | None]],
                  decisions: Decisions | None = None, skipped: Sequence[str] = ()) -> bytes:
    """Candidates (id, name) × the stage's competencies; score cells accept 1-5 only. A
    stage no criterion takes an assessment from is refused: its sheet had no column to
    score in. When people decided on any candidate (`decisions`, by id), a last column
    says what, so the panel does not score a candidate as if nobody had; under the rows,
    the inputs that gave no record (`skipped`), as the screening's workbook names them."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    competencies = stage_competencies(profile, stage)
    if not competencies:
        taken = [s for s in SOURCES if stage_competencies(profile, s)]
        raise InputError([Problem("--stage", message(
            "sheet_nothing_to_score", profile=profile.meta.id, stage=stage,
            stages=", ".join(taken) or "–"), code="E305")])
    quotes = {k: [c.quote for c in profile.criteria
                  if k in competencies_read(c, stage)] for k in competencies}
    book = Workbook()
    sheet = book.worksheets[0]  # a new workbook's one sheet
    sheet.title = t(SCORE_SHEET)
    source_column = FIRST_SCORE_COLUMN + len(competencies)
    _append(sheet, [t(SHEET_TITLE, stage=label(STAGES, stage), title=profile.meta.title,
                      profile=profile.meta.id, version=profile.meta.version)])
    decided = {c: decision_line(d) for c, d in (decisions or {}).items()
               if c in {candidate_id for candidate_id, _ in candidates}}
    _append(sheet, [t("Kandidat"), t(NAME_LABEL),
                    *(profile.competencies[k] for k in competencies), t("Kilde"), t("Bedømmer"),
                    *([t("Beslutning")] if decided else [])])
    # beside "id", this sheet's own: its copies, filled and corrected, share it, and each
    # imported score keeps it, so that a row imported again replaces what it wrote before
    _append(sheet, ["id", uuid.uuid4().hex[:12], *competencies, "source", "assessor",
                    *(["decision"] if decided else [])])
    # beside "Profilen", its id: the import checks each score against the profile
    _append(sheet, [t("Profilen"), profile.meta.id,
                    *(" / ".join(quotes[k]) for k in competencies)])
    rows = candidates or [("", None)] * BLANK_ROWS
    for candidate_id, name in rows:
        _append(sheet, [candidate_id or None, name, *([None] * len(competencies)), stage, None,
                        *([decided.get(candidate_id)] if decided else [])])
    last = FIRST_SCORE_ROW + len(rows) - 1
    if left_out := report.not_included(skipped):  # no scores beside it: import passes it by
        _append(sheet, [])
        _append(sheet, [left_out])
    scores = DataValidation(type="whole", operator="between", formula1="1", formula2="5",
                            allow_blank=True, showErrorMessage=True,
                            errorTitle=t("Score fra 1 til 5"),
                            error=t("Skriv et helt tal fra 1 til 5, eller lad feltet stå tomt."))
    sources = DataValidation(type="list", formula1='"' + ",".join(SOURCES) + '"',
                             allow_blank=False, showErrorMessage=True)
    sheet.add_data_validation(scores)
    sheet.add_data_validation(sources)
    if competencies:
        scores.add(f"{get_column_letter(FIRST_SCORE_COLUMN)}{FIRST_SCORE_ROW}:"
                   f"{get_column_letter(source_column - 1)}{last}")
    sources.add(f"{get_column_letter(source_column)}{FIRST_SCORE_ROW}:"
                f"{get_column_letter(source_column)}{last}")
    for n, k in enumerate(competencies):
        column = get_column_letter(FIRST_SCORE_COLUMN + n)
        sheet.column_dimensions[column].width = 24
        sheet[f"{column}2"].comment = Comment(terminal("\n".join(quotes[k])), "screening")
    for column in ("A", "B"):
        sheet.column_dimensions[column].width = 26
    if decided:
        sheet.column_dimensions[get_column_letter(source_column + 2)].width = 60
    for cell in sheet[4]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.font = Font(italic=True, size=9)
    for cell in sheet[2]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[4].height = 120
    _style_header(sheet, 2)
    for cell in sheet[3]:
        cell.font = Font(color="808080", size=8)
    sheet.freeze_panes = f"{get_column_letter(FIRST_SCORE_COLUMN)}{FIRST_SCORE_ROW}"
    return _saved(book)


# --- reading a filled scoring sheet back ---------------------------------------------------


@dataclass(frozen=True)
class Score:
    candidate: str
    competency: str
    source: str
    score: int
    assessor: str | None
    cell: str  # where the candidate id stands (Sheet!A5), for problems found later
    sheet: str | None  # the id the sheet was written with (beside "id"), if any
    score_cell: str  # where the score stands (Sheet!D5)
    profile: str | None  # the id of the profile the sheet was written for, if it says


@dataclass(frozen=True)
class Emptied:
    """A row of a sheet with an id that holds no score, and names its assessor."""

    candidate: str
    assessor: str
    sheet: str


def _refused(problems: list[Problem]
             ) -> tuple[list[Score], list[Problem], list[Emptied], list[Problem]]:
    """What `read_scores` gives for a sheet it does not read: its problems alone."""
    return [], problems, [], []


def read_scores(path: str | Path
                ) -> tuple[list[Score], list[Problem], list[Emptied], list[Problem]]:
    """Every score in the sheet, or the problems, each located as Sheet!Cell; the rows
    that name their assessor but hold no score (a corrected copy may have emptied them);
    and the warnings: a decision typed into the sheet, which no import records (W304)."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    where = str(path)
    # a regular file within the limit (a FIFO is refused, not waited for), which unpacks to
    # no more than a scoring sheet of thousands of candidates needs (not a zip bomb)
    content, unread = read_bounded(path)
    unread = unread or unpacked_problem(where, content, MAX_UNPACKED_BYTES)
    if unread:
        return _refused([unread])
    try:
        book = load_workbook(io.BytesIO(content), data_only=True, read_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        return _refused([Problem(where, _not_a_workbook(content, exc), code="E301")])
    title = next((n for n in (SCORE_SHEET, EN[SCORE_SHEET]) if n in book.sheetnames), None)
    if title is None:
        return _refused([Problem(where, message("no_score_sheet", sheet=t(SCORE_SHEET)),
                                 code="E301")])
    # a copy of the tab (a second assessor's, "Vurderinger (2)") would be passed over, and
    # its judgements lost without a word
    copies = [other.title for other in book.worksheets if other.title != title
              and {"id", "source", "assessor"} <= {cell.value for (row, _), cell
                                                   in other._cells.items() if row == 3}]
    if copies:
        return _refused([Problem(where, message("about", subject=copy, message=message(
            "second_score_sheet", sheet=title)), code="E301") for copy in copies])
    sheet = book[title]
    ids = [cell.value for cell in sheet[3]]
    # each column by its label, wherever it was moved to (cut and inserted in Excel, its
    # cells go with it): the candidates' ids under "id", the names under "Navn" (with the
    # sheet's id in the third row and the profile's in the fourth), then source and assessor
    names = [n for n, cell in enumerate(sheet[2], start=1)
             if cell.value in (NAME_LABEL, EN[NAME_LABEL])]
    try:
        candidate_column = ids.index("id") + 1
        source_column = ids.index("source") + 1
        assessor_column = ids.index("assessor") + 1
    except ValueError:
        return _refused([Problem(where, message("about", subject=f"{title}!3",
                                                message=message("ids_row_broken")),
                                 code="E302")])
    if len(names) != 1:  # read by place, the sheet's id was a competency's, or a name
        return _refused([Problem(where, message("about", subject=f"{title}!2", message=message(
            "names_column_lost", label=NAME_LABEL if title == SCORE_SHEET
            else EN[NAME_LABEL])), code="E302")])  # in the sheet's language
    # a column copied beside itself (a second assessor's scores typed in a copy) was read
    # twice, the copy's scores replacing the first's, or not at all
    first_at: dict[object, int] = {}
    twice = [(n, first_at.setdefault(value, n)) for n, value in enumerate(ids, start=1)
             if value not in (None, "")]
    copied = [Problem(where, message("about", subject=f"{title}!{get_column_letter(n)}3",
                                     message=message("sheet_column_twice",
                                                     first=get_column_letter(first),
                                                     label=_as_shown(ids[n - 1]))),
                      code="E302") for n, first in twice if first != n]
    if copied:
        return _refused(copied)
    name_column = names[0]
    written = _text(sheet.cell(3, name_column)) or None  # none in a sheet written before
    # likewise the profile's id beside "Profilen", or else as the title in A1 names it: an
    # id only, never a path to be read
    written_for = next((named for named in (_text(sheet.cell(4, name_column)),
                                            _titled_profile(_text(sheet.cell(1, 1))))
                        if named and re.fullmatch(ID_PATTERN, named)), None)
    # the columns before the source, and a competency's column moved past the source or the
    # assessor (its id goes with it): its scores were passed over. Past them, a column
    # without an id is the consultant's note
    competencies = {n: value for n, value in enumerate(ids, start=1)
                    if n not in (candidate_column, name_column, source_column, assessor_column)
                    and (n < source_column or value not in (None, "", "decision"))}
    problems = [Problem(where, message("about", subject=f"{title}!{get_column_letter(n)}3",
                                       message=message("empty_competency_id")),
                        code="E302") for n, value in competencies.items() if not value]
    problems += [_bad(where, f"{title}!{merged.coord}", message("sheet_merged", value=_as_shown(
        sheet.cell(merged.min_row, merged.min_col).value)))
        for merged in _merged_over(sheet, {candidate_column, source_column, assessor_column,
                                           *competencies})]
    rows = _rows(sheet)
    # a cell read held without a value may be a formula saved without one: only then is
    # the workbook read a second time, for its formulas (most sheets hold none)
    texts = (candidate_column, source_column, assessor_column)
    candidate_letter = get_column_letter(candidate_column)
    formulas = (_formulas(content, title)
                if any(cells[n].value is None for _, cells in rows
                       for n in (*competencies, *texts) if n in cells) else {})
    scores: list[Score] = []
    emptied: list[Emptied] = []
    seen: dict[str, int | None] = {}  # candidate -> row
    for line, cells in rows:
        filled = [(n, cells[n]) for n in competencies if n in cells  # a cell of spaces
                  and (_text(cells[n]) or (line, n) in formulas)]  # looks empty
        candidate = _text(cells.get(candidate_column))
        if not filled:
            if candidate and written and (emptied_by := _text(cells.get(assessor_column))):
                emptied.append(Emptied(candidate, emptied_by, written))
            continue
        unsaved = [_bad(where, f"{title}!{cells[n].coordinate}",
                        message("sheet_formula_text", formula=formulas[line, n]))
                   for n in texts if (line, n) in formulas and cells[n].value is None]
        if unsaved:  # the row's candidate, source or assessor would be lost, or taken for none
            problems.extend(unsaved)
            continue
        if not candidate:
            problems.append(_bad(where, f"{title}!{candidate_letter}{line}",
                                 message("scores_without_candidate")))
            continue
        if candidate in seen:
            problems.append(_bad(where, f"{title}!{candidate_letter}{line}", message(
                "candidate_on_two_rows", candidate=candidate, row=seen[candidate])))
            continue
        seen[candidate] = line
        source = _text(cells.get(source_column))
        if source not in SOURCES:
            problems.append(_bad(where, f"{title}!{get_column_letter(source_column)}{line}",
                                 message("sheet_source", source=source or "",
                                         sources=", ".join(SOURCES))))
        assessor = _text(cells.get(assessor_column)) or None
        for column, cell in filled:
            value = _score(cell.value)
            if cell.value is None:  # a formula saved without its value
                problems.append(_bad(where, f"{title}!{cell.coordinate}",
                                     message("sheet_formula", formula=formulas[line, column])))
            elif value is None:
                problems.append(_bad(where, f"{title}!{cell.coordinate}",
                                     message("sheet_score", value=_as_shown(cell.value))))
            elif source in SOURCES:
                scores.append(Score(candidate, str(competencies[column]), source, value,
                                    assessor, f"{title}!{candidate_letter}{line}", written,
                                    f"{title}!{cell.coordinate}", written_for))
    return scores, problems, emptied, _typed_decisions(sheet, ids, rows, where)


# the lines a sheet writes in its decision column, in either language: what follows them
# is the tool's; anything else there was typed by a person
_DECIDED = tuple(text.split("{decision}")[0]
                 for key in ("Stående beslutning: {decision}", "Tidligere beslutning: {decision}")
                 for text in (key, EN[key]))


def _typed_decisions(sheet, ids: list, rows: list[tuple[int, dict]], where: str
                     ) -> list[Problem]:
    """A decision typed into the decision column ('går videre' beside an undecided
    candidate): the import reads no decision, and a panel that typed one believed it
    recorded; each is named at its cell (W304), with the command that records one."""
    if "decision" not in ids:
        return []
    column = ids.index("decision") + 1
    heading = _text(sheet.cell(2, column)) or t("Beslutning")
    typed = [cells[column] for _, cells in rows if column in cells
             and (text := _text(cells[column])) and not text.startswith(_DECIDED)]
    return [Problem(where, message("about", subject=f"{sheet.title}!{cell.coordinate}",
                                   message=message("sheet_decision_typed",
                                                   value=_as_shown(cell.value),
                                                   column=heading)), code="W304")
            for cell in typed]


def _merged_over(sheet, read: set[int]) -> list:
    """The merged ranges holding a value that reach over a cell the import reads in the
    score rows: Excel shows the value in each (one assessor over several candidates' rows,
    one score for two), but only the first cell holds it, and the others were read empty."""
    found = []
    for merged in sheet.merged_cells.ranges:
        first = (merged.min_row, merged.min_col)
        rows = range(max(merged.min_row, FIRST_SCORE_ROW), merged.max_row + 1)
        columns = [n for n in sorted(read) if merged.min_col <= n <= merged.max_col]
        if (any((row, n) != first for row in rows[:2] for n in columns[:2])
                and sheet.cell(*first).value is not None):
            found.append(merged)
    return found


def _titled_profile(title: str) -> str | None:
    """The profile's id in a sheet's title (A1), as written in either language."""
    for template in (SHEET_TITLE, EN[SHEET_TITLE]):
        parts = re.split(r"\{(\w+)\}", template)  # text, a placeholder's name, text, ...
        pattern = "".join(re.escape(part) if n % 2 == 0
                          else r"(?P<profile>[^()\s]+)" if part == "profile" else ".*"
                          for n, part in enumerate(parts))
        if found := re.match(pattern, title, re.DOTALL):
            return found["profile"]
    return None


def not_counted(scores: list[Score], profile: Profile, sheet_path: str) -> list[Problem]:
    """The scores `profile` would count at no stage (E306), each at its cell: of a
    competency the profile does not declare (an id in the sheet's third row typed over, or
    renamed in the profile since), or from a source no criterion takes it from (a source
    typed wrong). Screening found them only as warnings (W101, W103), once the records held
    them; the sheet is where they are put right, and nothing is written till they are."""
    read_at = {source: set(stage_competencies(profile, source)) for source in SOURCES}
    problems = []
    for s in scores:
        if s.competency not in profile.competencies:
            text = message("unknown_assessed_competency", name=s.competency,
                           profile=profile.meta.id) + did_you_mean(s.competency,
                                                                   profile.competencies)
        elif s.competency not in read_at[s.source]:
            text = message("assessment_source_not_taken", name=s.competency, source=s.source,
                           sources=", ".join(x for x in SOURCES if s.competency in read_at[x])
                           or "–")
        else:
            continue
        problems.append(Problem(sheet_path, message("about", subject=s.score_cell,
                                                    message=text), code="E306"))
    return problems


def _not_a_workbook(content: bytes, exc: Exception) -> Message:
    """Why openpyxl could not read the file: what it is instead, where it can tell, and how
    to save it as a workbook; else the kind of fault openpyxl met. A workbook saved with a
    password, a CSV and a LibreOffice sheet renamed .xlsx were each said as Python's name
    for the fault ('BadZipFile', 'KeyError'), which tells a consultant nothing to do."""
    kind = container_kind(content)
    return (message("sheet_protected") if kind == "compound"
            else message("sheet_open_document") if kind == "ods"
            else message("sheet_is_text") if kind == "text"
            # a workbook's parts, one of them broken (or declaring XML entities, never
            # Excel's doing: refused, nothing expanded or read from another file)
            else message("sheet_damaged", detail=type(exc).__name__) if kind == "xlsx"
            else message("not_a_workbook", detail=type(exc).__name__))


def _formulas(content: bytes, title: str) -> dict[tuple[int, int], str]:
    """The formulas of the score rows, by row and column. Excel saves each formula's value,
    which the import reads; a sheet filled by a script (openpyxl) saves none, and such a
    cell read as empty: its score was dropped without a word."""
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content), read_only=False)[title]
    return {(row, column): str(cell.value) for row, cells in _rows(sheet)
            for column, cell in cells.items() if cell.data_type == "f"}


def _rows(sheet) -> list[tuple[int, dict]]:
    """The score rows' cells the sheet holds, by row and column. Not `iter_rows`, which
    makes every cell of the rectangle up to the farthest one held: a space typed in
    XFD1048576 made it build 17 billion empty cells, and the import never ended."""
    rows: dict[int, dict] = {}
    for (row, column), cell in sheet._cells.items():  # openpyxl's map of the cells held
        if row >= FIRST_SCORE_ROW:
            rows.setdefault(row, {})[column] = cell
    return sorted(rows.items())


def _score(value: object) -> int | None:
    """A score cell's whole number from 1 to 5, or None. Excel may keep it as 4.0, or as the
    text "4" (a cell formatted as text, a pasted value): the number the consultant wrote.
    One digit, leading zeros aside: a text of 5,000 digits is no score, and Python refuses
    to read it as a number (an internal error)."""
    if isinstance(value, str) and re.fullmatch(r"\s*0*[0-9]\s*", value):
        value = int(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        return None
    return value


def _as_shown(value: object) -> str:
    """A cell's value as the sheet shows it: a date as a date, a number in the language's
    notation with every digit it has, a logical value as Excel names it, text in quotes
    (never Python's repr, such as datetime.datetime(2024, 4, 5))."""
    from datetime import date, datetime, time

    if isinstance(value, datetime) and value.time() == time():
        value = value.date()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bool):  # as Excel shows a logical value, not "ja"
        return t("SAND") if value else t("FALSK")
    if isinstance(value, float):  # every digit: "4" for 4.0000000001 hid why it was refused
        return decimal(repr(value))
    return f"'{value}'" if isinstance(value, str) else value_text(value)


def _text(cell) -> str:
    return "" if cell is None or cell.value is None else str(cell.value).strip()


def _bad(path: str, place: str, text: Message) -> Problem:
    return Problem(path, message("about", subject=place, message=text),
                   code="E303")


@dataclass(frozen=True)
class Update:
    path: Path
    text: str
    added: int


def updates(scores: list[Score], folder: str | Path, sheet_path: str,
            emptied: Sequence[Emptied] = ()) -> list[Update]:
    """The records with the sheet's scores added, validated; raises InputError with every
    problem and writes nothing. A candidate's row is one judgement: imported again from a
    corrected copy of the same sheet, it replaces what its earlier import wrote, whatever
    the assessor and the source then, unless another assessor was named then (`_renamed`);
    and a score for the same competency, source and assessor replaces the one there, from
    wherever it came, but for another sheet's by nobody named (a second assessor's). A row
    emptied of its scores by the assessor its earlier import named removes what that import
    wrote; a row left blank may be one another assessor's copy did not fill, and stays."""
    loaded, problems = load_records([folder])
    if problems:
        raise InputError(problems)
    by_id = {r.record.id: r for r in loaded}
    unknown = {s.candidate: s.cell for s in scores if s.candidate not in by_id}
    if unknown:
        # a candidate renamed in the sheet, or a typo: the nearest record's id is offered
        raise InputError([_bad(sheet_path, cell,
                               message("no_record_for", candidate=c, folder=folder)
                               + did_you_mean(c, by_id))
                          for c, cell in unknown.items()])
    retracted = {e.candidate: e.sheet for e in emptied if e.candidate in by_id
                 and _imported_by(by_id[e.candidate].record, e.sheet, e.assessor)}
    found: list[Update] = []
    for candidate in dict.fromkeys([*(s.candidate for s in scores), *retracted]):
        path = Path(by_id[candidate].path)
        if path.suffix not in (".yaml", ".yml", ".json"):  # a line of a .jsonl talent pool
            problems.append(Problem(str(path), message("candidate_in_jsonl", candidate=candidate),
                                    code="E304"))
            continue
        mine = [s for s in scores if s.candidate == candidate]
        if mine and (renamed := _renamed(by_id[candidate].record, mine, sheet_path, path)):
            problems.append(renamed)
            continue
        text = _with_scores(path, mine, mine[0].sheet if mine else retracted[candidate])
        try:
            CandidateRecord.model_validate(
                json.loads(text) if path.suffix == ".json" else plain(round_trip_yaml().load(text)))
        except ValidationError as exc:
            problems.extend(Problem(sheet_path, message("about", subject=candidate,
                                                        message=error_message(e)),
                                    field=field_path(e["loc"]), code="E101")
                            for e in exc.errors(include_url=False))
            continue
        found.append(Update(path, as_written_in(path, text), len(mine)))
    if problems:
        raise InputError(problems)
    return found


def _renamed(record: CandidateRecord, scores: list[Score], sheet_path: str,
             path: Path) -> Problem | None:
    """A row read in before from the same sheet by one named assessor, now by another:
    refused (E305). A corrected name and a second assessor filling a copy of one sheet look
    alike (so do a name left out and an assessor who did not give one), and replacing would
    lose the first assessor's scores without a word; a name added where there was none is a
    correction, and replaces."""
    row = scores[0]
    if row.sheet is None:
        return None
    before = next((a.assessor for a in record.assessments or ()
                   if a.sheet == row.sheet and a.assessor and a.assessor != row.assessor),
                  None)
    if before is None:
        return None
    return Problem(sheet_path, message("about", subject=row.cell, message=message(
        "row_assessor_changed", candidate=row.candidate, before=before,
        now=row.assessor or "–", path=str(path))), code="E305")


def _imported_by(record: CandidateRecord, sheet: str, assessor: str) -> bool:
    """Whether the record holds an earlier import of its row of `sheet`, all of it by
    `assessor`."""
    mine = [a.assessor for a in record.assessments or () if a.sheet == sheet]
    return bool(mine) and all(name == assessor for name in mine)


def _with_scores(path: Path, scores: list[Score], sheet: str | None) -> str:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    data = editable(path)
    assessments = data.get("assessments")
    if assessments is None:
        assessments = data["assessments"] = [] if path.suffix == ".json" else CommentedSeq()
    # the scores are one row of one sheet: what an earlier import of the row wrote (marked
    # with the sheet) is replaced by the row as it is now, an emptied cell included, so one
    # judgement never counts twice when a corrected copy names (or renames) the assessor;
    # and a score for the same competency, source and assessor replaces the one there. Each
    # is replaced in its place, keeping what else it holds (a referee's note).
    by_key = {(s.competency, s.source, s.assessor): s for s in scores}
    by_competency = {s.competency: s for s in scores}
    dropped, replaced = [], set()
    for n, a in enumerate(assessments):
        key: tuple[str, str, str | None] | None = (
            a.get("competency"), a.get("source"), a.get("assessor"))
        if sheet is not None and a.get("sheet") == sheet:
            new = by_competency.get(a.get("competency"))
            key = None if new is None else (new.competency, new.source, new.assessor)
        elif (sheet is None and a.get("sheet") is None and not a.get("assessor")
              and (new := by_competency.get(a.get("competency"))) is not None
              and new.assessor and (new.source, new.score) == (a.get("source"), a.get("score"))):
            # a sheet without an id, whose row was read in with no assessor and now names
            # one: the same competency, source and score, claimed by no sheet, is taken for
            # the row's earlier import, as one with no assessor now too would be
            key = (new.competency, new.source, new.assessor)
        elif a.get("sheet") is not None and not a.get("assessor"):
            # another sheet's row, by nobody named: a second assessor's judgement (a new
            # sheet adds to the first), never this row's to replace
            continue
        if key is None or key in replaced:
            dropped.append(n)  # emptied in the corrected row, or a second score of one key
            continue
        if key not in by_key:
            continue  # not this row's: another source, assessor or sheet
        s = by_key[key]
        a["source"], a["score"] = s.source, s.score
        if s.assessor:
            a["assessor"] = s.assessor
        elif "assessor" in a:
            del a["assessor"]
        if sheet is not None:
            a["sheet"] = sheet
        replaced.add(key)
    # one by one, not the list replaced as a whole, which lost every comment written beside
    # an assessment (ruamel keeps them by position, and moves them only on a deletion)
    for n in reversed(dropped):
        del assessments[n]
    for s in (s for key, s in by_key.items() if key not in replaced):
        entry = {"competency": s.competency, "source": s.source, "score": s.score,
                 **({"assessor": s.assessor} if s.assessor else {}),
                 **({"sheet": s.sheet} if s.sheet else {})}
        if path.suffix != ".json":
            entry = CommentedMap(entry)
            entry.fa.set_flow_style()
        assessments.append(entry)
    return written_back(path, data)
