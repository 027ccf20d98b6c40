"""The committee's HTML report: self-contained, escaped, tied to the audit trail; the charts."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from screening.audit.store import AuditStore
from screening.charts import Row, Segment, bar_chart
from screening.cli import main
from screening.screen import screen

from .conftest import ROOT, example_records

PROFILE = "helsingor-direktor-2024"
EXAMPLES = ROOT / "examples" / "candidates" / PROFILE
HOSTILE_NAME = "<script>alert('x')</script> & Co"


def run(*args: str, db: Path):
    return CliRunner().invoke(main, list(args), env={"SCREENING_RULES": str(ROOT / "rules"),
                                                     "SCREENING_AUDIT_DB": str(db)})


def latest_run(db: Path) -> str:
    store = AuditStore(db, create=False)
    try:
        return store.runs()[-1]["run"]
    finally:
        store.close()


class _Elements(HTMLParser):
    """Tags with their attributes and the text of each table row, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parsed(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def hostile_candidates(tmp_path: Path) -> Path:
    """The shipped examples, one of them with a name that is markup."""
    folder = tmp_path / "candidates"
    shutil.copytree(EXAMPLES, folder)
    first = sorted(folder.glob("*.yaml"))[0]
    record = YAML(typ="safe", pure=True).load(first.read_text("utf-8"))
    record["personal"] = {**(record.get("personal") or {}), "name": HOSTILE_NAME}
    first.unlink()
    first.with_suffix(".json").write_text(json.dumps(record, default=str), "utf-8")
    return folder


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> tuple[str, Path]:
    tmp_path = tmp_path_factory.mktemp("report")
    folder = hostile_candidates(tmp_path)
    db = tmp_path / "audit.db"
    out = tmp_path / "report.html"
    screened = run("screen", PROFILE, str(folder), "--stage", "reference", db=db)
    assert screened.exit_code == 0, screened.output
    result = run("report", PROFILE, str(folder), "--stage", "reference", "--out", str(out),
                 db=db)
    assert result.exit_code == 0, result.output
    return out.read_text("utf-8"), folder


def test_the_report_escapes_what_records_hold(written):
    html, _ = written
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co" in html
    assert HOSTILE_NAME in "".join(parsed(html).text)  # shown as text


def test_the_report_needs_nothing_from_the_network(written):
    html, _ = written
    tags = parsed(html).tags
    assert not [t for t, a in tags if t in ("link", "script", "img", "iframe")]
    assert not [a for _, a in tags if "src" in a]
    assert not re.findall(r"https?://(?!www\.w3\.org/2000/svg)", html)


def test_the_ranking_has_a_row_per_candidate_in_rank_order(written):
    html, folder = written
    body = html.split('<table class="ranking">')[1].split("</table>")[0]
    rows = body.split("<tbody>")[1].count("<tr>")
    assert rows == len(list(folder.iterdir()))
    ranks = [int(r) for r in re.findall(r'<tr>\s*<td class="num">(\d+)</td>', body)]
    assert ranks == sorted(ranks) and ranks[0] == 1


def test_each_candidate_has_a_section_a_chart_and_a_decision_space(written):
    html, folder = written
    count = len(list(folder.iterdir()))
    assert html.count('<section class="candidate"') == count
    assert html.count('class="chart candidate-chart"') == count
    # no decision recorded yet: a clearly labelled space, never a made-up decision
    assert html.count('class="decision-space"') == count
    assert "Ingen beslutning i revisionssporet endnu." in html
    # the decision asked for: on a proposed knock-out, else on going on (as `decide` takes)
    sections = html.split('<section class="candidate"')[1:]
    for section in sections:
        knocked_out = "Foreslået knock-out:" in section
        assert ("Bekræftet / underkendt, begrundelse" in section) == knocked_out
        assert ("Går videre / går ikke videre, begrundelse" in section) != knocked_out
    assert any("Foreslået knock-out:" in s for s in sections)
    assert not all("Foreslået knock-out:" in s for s in sections)


def test_the_report_stands_on_the_matching_run_and_shows_its_rule_file_hashes(written):
    html, _ = written
    assert re.search(r"Kørsel <code>\d{8}T\d{6}-[0-9a-f]{6}</code>", html)
    assert re.search(r"helsingor-direktor-2024\.yaml</td><td><code>[0-9a-f]{64}</code>", html)


def test_a_recorded_decision_replaces_the_blank_space(tmp_path):
    db, out = tmp_path / "audit.db", tmp_path / "report.html"
    assert run("screen", PROFILE, str(EXAMPLES), "--stage", "reference", db=db).exit_code == 0
    run_id = latest_run(db)
    decided = run("decide", run_id, "k04-jonas-vestergaard", "--override",
                  "--reason", "Ledelse af ledere vist i 2. samtale", "--operator", "Formand",
                  db=db)
    assert decided.exit_code == 0, decided.output
    result = run("report", PROFILE, str(EXAMPLES), "--stage", "reference", "--run",
                 run_id, "--out", str(out), db=db)
    assert result.exit_code == 0, result.output
    html = out.read_text("utf-8")
    assert "går videre (foreslået knock-out underkendt): Formand, " in html
    assert ": Ledelse af ledere vist i 2. samtale" in html
    assert html.count('class="decision-space"') == len(list(EXAMPLES.glob("*.yaml"))) - 1


def test_the_ranking_says_what_people_decided(tmp_path):
    """The committee reads the ranking first: a knock-out a person overrode must not stand
    there as a proposal alone, as the screen table, shortlist and workbook show it; the
    latest decision is the one that stands, and the one it replaced says so."""
    db, out = tmp_path / "audit.db", tmp_path / "report.html"
    assert run("screen", PROFILE, str(EXAMPLES), "--stage", "reference", db=db).exit_code == 0
    run_id = latest_run(db)
    for candidate, flag, extra in [("k04-jonas-vestergaard", "--confirm", []),
                                   ("k04-jonas-vestergaard", "--override", ["--supersede"]),
                                   ("k05-lene-friis", "--stop", [])]:
        decided = run("decide", run_id, candidate, flag, *extra, "--reason", "Drøftet i udvalget",
                      "--operator", "Formand", db=db)
        assert decided.exit_code == 0, decided.output
    result = run("report", PROFILE, str(EXAMPLES), "--stage", "reference", "--run", run_id,
                 "--out", str(out), db=db)
    assert result.exit_code == 0, result.output
    ranking = out.read_text("utf-8").split('<table class="ranking">')[1].split("</table>")[0]
    assert "<th>Besluttet</th>" in ranking
    rows = {re.search(r'<span class="id">([^<]+)</span>', row)[1]: row
            for row in ranking.split("<tbody>")[1].split("</tr>")[:-1]}
    assert rows.keys() == {p.stem for p in EXAMPLES.glob("*.yaml")}
    assert "<td>går videre (foreslået knock-out underkendt)</td>" in rows["k04-jonas-vestergaard"]
    assert "<td>går ikke videre</td>" in rows["k05-lene-friis"]
    assert all(row.rstrip().endswith("<td>–</td>") for c, row in rows.items()
               if c not in ("k04-jonas-vestergaard", "k05-lene-friis"))
    section = out.read_text("utf-8").split('id="c-k04-jonas-vestergaard"')[1]
    decisions = section.split('<ul class="decisions">')[1].split("</ul>")[0]
    replaced, stands = re.findall(r"<li>(.*?)</li>", decisions)
    assert replaced.startswith("(erstattet) går ikke videre (foreslået knock-out bekræftet)")
    assert stands.startswith("går videre (foreslået knock-out underkendt)")


@pytest.mark.parametrize(("flag", "said"), [("--advance", "går videre: Formand, "),
                                             ("--stop", "går ikke videre: Formand, ")])
def test_a_decision_on_a_candidate_without_a_knockout_says_what_was_decided(tmp_path, flag,
                                                                             said):
    """--advance and --stop are no knock-out decisions: the report says the outcome, as
    shortlist, explain and audit export do, never "candidate underkendt"."""
    db, out = tmp_path / "audit.db", tmp_path / "report.html"
    assert run("screen", PROFILE, str(EXAMPLES), "--stage", "reference", db=db).exit_code == 0
    run_id = latest_run(db)
    decided = run("decide", run_id, "k01-mette-kjaer", flag, "--reason", "Besluttet i udvalget",
                  "--operator", "Formand", db=db)
    assert decided.exit_code == 0, decided.output
    result = run("report", PROFILE, str(EXAMPLES), "--stage", "reference", "--run", run_id,
                 "--out", str(out), db=db)
    assert result.exit_code == 0, result.output
    (line,) = re.findall(r'<ul class="decisions">\s*<li>(.*?)</li>', out.read_text("utf-8"))
    assert said in line and line.endswith(": Besluttet i udvalget")
    assert "underkendt" not in line and "candidate" not in line


def test_a_decision_made_on_an_earlier_run_of_the_same_records_shows_without_run(tmp_path):
    """As in screen, explain and shortlist: without --run the report shows what a person
    decided on the same profile, stage, date and records in any run, also when a later run
    (here the shortlist's) gave the same results."""
    db, out = tmp_path / "audit.db", tmp_path / "report.html"
    common = [PROFILE, str(EXAMPLES), "--stage", "reference"]
    assert run("screen", *common, db=db).exit_code == 0
    decided = run("decide", latest_run(db), "k04-jonas-vestergaard", "--override",
                  "--reason", "Ledelse af ledere vist i 2. samtale", "--operator", "Formand",
                  db=db)
    assert decided.exit_code == 0, decided.output
    assert run("shortlist", *common, "--take", "3", db=db).exit_code == 0
    result = run("report", *common, "--out", str(out), db=db)
    assert result.exit_code == 0, result.output
    html = out.read_text("utf-8")
    assert f"Kørsel <code>{latest_run(db)}</code>" in html  # the latest matching run
    assert "går videre (foreslået knock-out underkendt): Formand, " in html
    assert html.count('class="decision-space"') == len(list(EXAMPLES.glob("*.yaml"))) - 1


def test_a_run_recorded_in_the_other_language_is_the_run_of_the_same_results(tmp_path):
    """The audit trail keeps the wording of the language a run was made in; the results are
    the same, so a report in Danish stands on a run screened with --lang en, and --run
    names it without being refused."""
    db, out = tmp_path / "audit.db", tmp_path / "report.html"
    common = [PROFILE, str(EXAMPLES), "--stage", "reference"]
    assert run("--lang", "en", "screen", *common, db=db).exit_code == 0
    run_id = latest_run(db)
    for named in ([], ["--run", run_id]):
        result = run("report", *common, *named, "--out", str(out), db=db)
        assert result.exit_code == 0, result.output
        assert f"Kørsel <code>{run_id}</code>" in out.read_text("utf-8")


def test_a_json_lines_run_is_the_run_of_the_same_results(tmp_path):
    """A talent pool screened with --format jsonl was never the run of a report: its lines
    are unranked and carry their profile, stage and date, so --run RUN was refused as a run
    of 'other rule files, another stage or other records', and without --run the report
    said the screening was not recorded."""
    db, out = tmp_path / "audit.db", tmp_path / "report.html"
    common = [PROFILE, str(EXAMPLES), "--stage", "reference"]
    assert run("screen", *common, "--format", "jsonl", db=db).exit_code == 0
    run_id = latest_run(db)
    for named in ([], ["--run", run_id]):
        result = run("report", *common, *named, "--out", str(out), db=db)
        assert result.exit_code == 0, result.output
        assert f"Kørsel <code>{run_id}</code>" in out.read_text("utf-8")


def test_a_krav_met_only_in_part_is_not_called_unmet_in_the_knock_out_section(tmp_path):
    """As explain says it: a proposed knock-out on a krav met in part reads 'kun delvist
    opfyldt', one on a krav not met 'ikke opfyldt', each under its own krav."""
    out = tmp_path / "report.html"
    result = run("report", PROFILE, str(EXAMPLES), "--stage", "reference", "--out", str(out),
                 db=tmp_path / "none.db")
    assert result.exit_code == 0, result.output
    html = out.read_text("utf-8")
    profile, records = example_records(EXAMPLES)
    screening = screen(profile, records, "reference")
    partly, unmet = ("Foreslået knock-out: kravet er kun delvist opfyldt",
                     "Foreslået knock-out: kravet er ikke opfyldt")
    checked = 0
    for r in screening.results:
        section = html.split(f'id="c-{r.id}"')[1].split('<section class="candidate"')[0]
        section = section.split("<h3>")[1]  # the knock-outs
        assert section.count(partly) == len(r.partly_met_knockouts())
        assert section.count(unmet) == len(r.knockouts) - len(r.partly_met_knockouts())
        checked += len(r.partly_met_knockouts())
    assert checked  # the examples hold a krav met only in part at this stage


def test_without_a_matching_run_the_report_says_the_hashes_are_computed_now(tmp_path):
    out = tmp_path / "report.html"
    result = run("report", PROFILE, str(EXAMPLES), "--stage", "samtale1", "--out", str(out),
                 db=tmp_path / "none.db")
    assert result.exit_code == 0, result.output
    html = out.read_text("utf-8")
    assert "Ingen kørsel i revisionssporet giver netop disse resultater" in html
    assert "<code>" in html.split('id="audit"')[1]


def test_a_run_that_does_not_match_is_refused(tmp_path):
    db, out = tmp_path / "audit.db", tmp_path / "report.html"
    assert run("screen", PROFILE, str(EXAMPLES), "--stage", "ansøgning", db=db).exit_code == 0
    run_id = latest_run(db)
    result = run("report", PROFILE, str(EXAMPLES), "--stage", "reference", "--run",
                 run_id, "--out", str(out), db=db)
    assert result.exit_code == 2
    assert "E402" in result.stderr and "Traceback" not in result.output
    assert not out.exists()


@pytest.mark.parametrize(("lang", "said"), [
    ("da", "Ikke med: {inputs} kunne ikke læses som kandidatposter og er ikke screenet."),
    ("en", "Not included: {inputs} could not be read as candidate records and were not "
           "screened.")])
def test_the_report_names_the_records_it_could_not_read(tmp_path, lang, said):
    """A record with a mistake was skipped with an error on the consultant's screen, and the
    committee's report listed the others as if no one else had applied."""
    folder = tmp_path / "candidates"
    shutil.copytree(EXAMPLES, folder)
    (folder / "z-broken.yaml").write_text("id: z-broken\npositions: [{title: X}]\n", "utf-8")
    pool = folder / "pool.jsonl"
    pool.write_text('{"id": "p1"}\n{"id": "p2", "positions": 3}\n', "utf-8")
    out = tmp_path / "report.html"
    result = run("--lang", lang, "report", PROFILE, str(folder), "--out", str(out),
                 db=tmp_path / "none.db")
    assert result.exit_code == 0, result.output
    html = out.read_text("utf-8")
    inputs = f"{pool}:2, {folder / 'z-broken.yaml'}"
    assert said.format(inputs=inputs) in html
    assert len(re.findall(r'<section class="candidate"', html)) == \
        len(list(EXAMPLES.iterdir())) + 1  # the others, and p1 of the pool


def test_a_name_of_spaces_or_invisible_characters_gives_way_to_the_id(tmp_path):
    """A record named ' ' or with a zero-width space only put an empty link in the ranking
    and an empty heading over the candidate's page."""
    folder = tmp_path / "candidates"
    folder.mkdir()
    for n, name in enumerate([" ", "\u200b\u0007"]):
        (folder / f"k{n}.json").write_text(json.dumps(
            {"id": f"k{n}", "personal": {"name": name}, "positions": []}), "utf-8")
    out = tmp_path / "report.html"
    result = run("report", PROFILE, str(folder), "--out", str(out), db=tmp_path / "none.db")
    assert result.exit_code == 0, result.output
    html = out.read_text("utf-8")
    for n in range(2):
        assert f'<a href="#c-k{n}">k{n}</a>' in html
        assert re.search(rf"<h2>\d+\. k{n} <span", html)


def test_a_report_of_records_all_read_says_nothing_is_left_out(written):
    assert "Ikke med:" not in written[0]


def test_the_report_in_english(tmp_path):
    out = tmp_path / "report.html"
    result = run("--lang", "en", "report", PROFILE, str(EXAMPLES), "--out", str(out),
                 db=tmp_path / "none.db")
    assert result.exit_code == 0, result.output
    html = out.read_text("utf-8")
    assert '<html lang="en">' in html and "Report for the hiring committee" in html
    assert "Rapport til ansættelsesudvalget" not in html
    assert "Stage: second interview" in html  # the stage's English name, not its id


# --- charts ------------------------------------------------------------------------------


def test_bars_are_as_long_as_their_share_of_the_scale_and_zero_segments_are_left_out():
    svg = bar_chart("t", [Row("a", (Segment(2, "x", "two"), Segment(0, "y", "none"),
                                    Segment(1, "z", "one")))], scale=4)
    widths = [float(w) for w in re.findall(r'<rect class="bar [xyz]"[^>]*width="([\d.]+)"',
                                           svg)]
    assert len(widths) == 2
    assert widths[0] == pytest.approx(2 * widths[1])
    full = bar_chart("t", [Row("a", (Segment(4, "x", "all"),))], scale=4)
    assert float(re.search(r'<rect [^>]*width="([\d.]+)"', full).group(1)) == \
        pytest.approx(2 * widths[0])


def test_chart_labels_and_titles_are_escaped():
    svg = bar_chart("<b>", [Row("<i>x</i>", (Segment(1, "c", "a&b"),), "<n>")], scale=1)
    assert "<b>" not in svg and "<i>" not in svg and "<n>" not in svg
    assert "&lt;i&gt;x&lt;/i&gt;" in svg and "a&amp;b" in svg


@pytest.mark.parametrize("lang, said", [
    ("da", "Krav ikke belyst endnu: {names}; et krav, der ikke er fuldt opfyldt, er et "
           "foreslået knock-out."),
    ("en", "Requirements not yet assessed: {names}; a requirement not fully met is a proposed "
           "knock-out.")])
def test_the_knock_out_section_names_the_krav_not_yet_belyst(tmp_path, lang, said):
    """"No proposed knock-outs" alone read as every krav passed, for a candidate whose krav
    nobody has judged yet: they may still prove knock-outs, as explain and shortlist say."""
    out = tmp_path / "report.html"
    result = run("--lang", lang, "report", PROFILE, str(EXAMPLES), "--stage", "reference",
                 "--out", str(out), db=tmp_path / "none.db")
    assert result.exit_code == 0, result.output
    html = out.read_text("utf-8")
    profile, records = example_records(EXAMPLES)
    checked = 0
    for r in screen(profile, records, "reference").results:
        section = html.split(f'id="c-{r.id}"')[1].split('<section class="candidate"')[0]
        knockouts = section.split("<h3>")[1]
        names = ", ".join(profile.criterion(k).name for k in r.krav_not_belyst())
        line = said.format(names=names).replace("'", "&#39;")
        assert (line in knockouts) == bool(names), r.id
        checked += bool(names)
    assert checked  # the examples hold a candidate whose krav are not yet belyst
