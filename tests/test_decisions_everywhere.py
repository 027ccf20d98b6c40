"""A person's decision shows wherever that candidate appears: checked on generated candidates
against every profile in rules/, at every stage, in both languages, for each kind of decision.

One candidate of a recorded run is decided on (a proposed knock-out confirmed or overridden;
otherwise advanced or stopped), and every paper and format that shows candidates is read for
it: the decision, the person and the reason stand with that candidate and with no other.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from screening.audit.decisions import Decision
from screening.audit.decisions import decided as decided_words
from screening.audit.store import AuditStore
from screening.cli import main
from screening.i18n import set_language
from screening.rulefiles import list_profiles
from screening.sheets import stage_competencies
from screening.stages import SOURCES

from .conftest import ROOT
from .strategies import record_data

PROFILES = {path.stem: profile for path, profile in list_profiles(ROOT / "rules")}
IDS = ("k0", "k1", "k2")
PERSON = "Ditte Ørsted"
# a few examples each, not shrunk: each runs some twenty commands
FEW = settings(max_examples=3, deadline=None, derandomize=True,
               phases=[Phase.explicit, Phase.generate],
               suppress_health_check=[HealthCheck.too_slow])


class Pool:
    """Generated records written to a folder, screened into an audit store of their own."""

    def __init__(self, folder: Path, profile_id: str, stage: str, lang: str) -> None:
        self.folder, self.profile_id, self.stage, self.lang = folder, profile_id, stage, lang
        self.env = {"SCREENING_AUDIT_DB": str(folder / "audit.db")}
        self.candidates = folder / "candidates"
        self.candidates.mkdir()

    def cli(self, *args: str) -> str:
        result = CliRunner().invoke(main, ["--lang", self.lang, *args], env=self.env)
        assert result.exit_code == 0, (args, result.output)
        return result.stdout

    def command(self, name: str, *args: str, stage: str | None = None) -> str:
        return self.cli(name, self.profile_id, str(self.candidates), "--rules-dir",
                        str(ROOT / "rules"), "--stage", stage or self.stage, *args)

    def recorded_run(self) -> tuple[str, dict]:
        doc = json.loads(self.command("screen", "--format", "json"))
        return AuditStore(self.folder / "audit.db").runs()[-1]["run"], doc


def decision_flag(candidate: dict, goes_on: bool) -> str:
    if candidate["knockouts"] or candidate["partly_met_knockouts"]:
        return "--override" if goes_on else "--confirm"
    return "--advance" if goes_on else "--stop"


def assert_only(decided: str, words: tuple[str, ...], shown: dict[str, str], where: str) -> None:
    """`shown`: each candidate's part of an output; `words` are in the decided one's, and
    in no other."""
    assert set(shown) == set(IDS), (where, sorted(shown))
    for candidate, text in shown.items():
        if candidate == decided:
            assert all(w in text for w in words), (where, candidate, words, text[:600])
        else:
            assert not any(w in text for w in words), (where, candidate, words, text[:600])


def plain(data: object) -> str:
    return json.dumps(data, ensure_ascii=False)


def rows_by_id(rows: list[list[str]], column: int = 0) -> dict[str, str]:
    return {row[column]: " ".join(row) for row in rows if row and row[column] in IDS}


def table_rows(text: str) -> dict[str, str]:
    return {cell: line for line in text.splitlines()
            for cell in IDS if f" {cell} " in f" {line.replace('|', ' ')} "}


def sections(text: str, start: str) -> dict[str, str]:
    """Each candidate's part of a document whose candidate parts begin with `start` and
    name the candidate's id on that line."""
    parts = text.split(start)[1:]
    return {next(c for c in IDS if f"({c})" in part.split("\n")[0] or f'"c-{c}"' in
                 part.split("\n")[0]): part for part in parts}


def workbook_rows(path: Path, sheet: int = 0) -> dict[str, str]:
    book = load_workbook(path)
    values = [["" if v is None else str(v) for v in row]
              for row in book.worksheets[sheet].iter_rows(values_only=True)]
    return {row[0]: " ".join(row) for row in values if row and row[0] in IDS} or \
        rows_by_id(values, 1)


@dataclass(frozen=True)
class Decided:
    """The candidate decided on, and the words that say it: in full (the person and the
    reason), and in brief as a table's column says it (what was decided)."""

    candidate: str
    full: tuple[str, ...]
    brief: tuple[str, ...]

    def only(self, shown: dict[str, str], where: str, words: tuple[str, ...] = ()) -> None:
        assert_only(self.candidate, words or self.full, shown, where)

    def in_own(self, candidate: str, text: str, where: str) -> None:
        """`text`: an output about `candidate` alone."""
        said = [w in text for w in self.full]
        assert said == [candidate == self.candidate] * len(said), (where, candidate, text[:600])


@pytest.mark.parametrize("profile_id", sorted(PROFILES))
@given(data=st.data(), stage=st.sampled_from(SOURCES), lang=st.sampled_from(["da", "en"]),
       candidate=st.sampled_from(IDS), goes_on=st.booleans())
@FEW
def test_a_persons_decision_shows_wherever_the_candidate_appears(profile_id, data, stage,
                                                                 lang, candidate, goes_on):
    competencies = sorted(PROFILES[profile_id].competencies)
    records = [data.draw(record_data(competencies, c)) for c in IDS]
    with tempfile.TemporaryDirectory() as scratch:
        pool = Pool(Path(scratch), profile_id, stage, lang)
        for record in records:
            (pool.candidates / f"{record['id']}.json").write_text(
                json.dumps(record, default=str, ensure_ascii=False), encoding="utf-8")
        run, doc = pool.recorded_run()
        screened = next(c for c in doc["candidates"] if c["id"] == candidate)
        reason = f"Begrundelse {profile_id[:6]} {stage} {candidate}"
        pool.cli("decide", run, candidate, decision_flag(screened, goes_on), "--operator",
                 PERSON, "--reason", reason)
        after = json.loads(pool.command("screen", "--no-audit", "--format", "json"))
        recorded = next(c for c in after["candidates"] if c["id"] == candidate)["decision"]
        set_language(lang)
        decided = Decided(candidate, (PERSON, reason), (decided_words(Decision(**recorded)),))
        set_language(None)
        check_screen_formats(pool, after, decided)
        check_papers(pool, run, decided)


def check_screen_formats(pool: Pool, doc: dict, decided: Decided) -> None:
    decided.only({c["id"]: plain(c["decision"])
                  for c in doc["candidates"]}, "json")
    lines = [json.loads(line) for line in
             pool.command("screen", "--no-audit", "--format", "jsonl").splitlines()]
    decided.only({c["id"]: plain(c["decision"]) for c in lines},
                 "jsonl")
    for detail in ("candidates", "criteria"):
        rows = list(csv.DictReader(io.StringIO(pool.command(
            "screen", "--no-audit", "--format", "csv", "--detail", detail))))
        by_id: dict[str, str] = {}
        for row in rows:  # every row of the candidate carries it, under criteria too
            text = f"{row['decided_by']} {row['decision_reason']}"
            assert by_id.setdefault(row["id"], text) == text, (detail, row)
        decided.only(by_id, f"csv {detail}")
    for fmt in ("table", "markdown"):
        decided.only(table_rows(pool.command("screen", "--no-audit", "--format", fmt)), fmt,
                     decided.brief)
    ranking = pool.folder / "ranking.xlsx"
    pool.command("screen", "--no-audit", "--format", "xlsx", "--out", str(ranking))
    decided.only(workbook_rows(ranking), "xlsx")


def check_papers(pool: Pool, run: str, decided: Decided) -> None:
    for candidate in IDS:
        explained = pool.command("explain", "--no-audit", "--id", candidate)
        as_json = json.loads(pool.command("explain", "--no-audit", "--id", candidate,
                                          "--format", "json"))
        shown = pool.cli("audit", "show", run, "--candidate", candidate)
        exported = json.loads(pool.cli("audit", "export", run, "--candidate", candidate,
                                       "--format", "json"))
        for text, where in ((explained, "explain"), (shown, "audit show"),
                            (plain(as_json["decision"]), "explain json"),
                            (plain(exported["standing_decision"]), "audit export")):
            decided.in_own(candidate, text, where)
    # the shortlist wraps the reason onto lines of its own: the row names who decided what
    decided.only(table_rows(pool.command("shortlist", "--no-audit", "--take", "2")),
                 "shortlist", (*decided.brief, PERSON))
    report = pool.folder / "report.html"
    pool.command("report", "--out", str(report))
    decided.only(sections(report.read_text(encoding="utf-8"), '<section class="candidate"'),
                 "report")
    if pool.stage == SOURCES[-1]:
        return  # the guide and the scoring sheet are for a stage still to come
    after = SOURCES[SOURCES.index(pool.stage) + 1]
    decided.only(sections(pool.command("guide", stage=after), "\n## "), "guide")
    if stage_competencies(PROFILES[pool.profile_id], after):  # else no sheet to score on
        sheet = pool.folder / "sheet.xlsx"
        pool.command("sheet", "--out", str(sheet), stage=after)
        decided.only(workbook_rows(sheet), "sheet")
