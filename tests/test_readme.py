"""README's console blocks with a ranked table (screen, shortlist), and those on the run its
walk-through recorded (decisions, fairness), are what the tool prints: the commands run as
written, from a folder laid out as README's reader has it, and every figure, status,
decision and message README quotes is compared with the tool's."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from click.testing import CliRunner
from ruamel.yaml import YAML

from screening.candidates import load_records
from screening.cli import main

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
RUN_ID = re.compile(r"\d{8}T\d{6}-[0-9a-f]{6}")
# when a person decided, and the entry it was recorded as, differ from run to run
MOMENT = re.compile(r"\d\d\.\d\d\.\d{4}\s+kl\.\s+\d\d\.\d\d\s+[A-Z]+")
ENTRY = re.compile(r"post \d+")
CELLS = re.compile(r"\s{2,}")


def console_blocks() -> list[list[tuple[str, list[str]]]]:
    """Each ```console block as its commands, each with the lines README shows it print."""
    blocks = []
    for body in re.findall(r"```console\n(.*?)```", README, re.S):
        commands: list[tuple[str, list[str]]] = []
        for line in body.splitlines():
            if line.startswith("$ "):
                commands.append((line[2:], []))
            elif commands:
                commands[-1][1].append(line)
        blocks.append(commands)
    return blocks


def is_table_header(line: str) -> bool:
    return line.startswith(("Nr. ", "Forslag "))


def ranked_blocks() -> list[list[tuple[str, list[str]]]]:
    """The blocks with a ranked table, and those on the run README's walk-through recorded
    (the decisions its later tables show, the fairness of its outcomes)."""
    return [block for block in console_blocks()
            if any(is_table_header(line) for _, shown in block for line in shown)
            or any(" RUN " in command for command, _ in block)]


def lay_out_readers_folder(folder: Path) -> None:
    """The rules and examples, and the records README's walk-through writes beside them: the
    YAML it shows (named in its first line), and Mette's record without each section."""
    for name in ("rules", "examples"):
        (folder / name).symlink_to(ROOT / name)
    for text in re.findall(r"```yaml\n# (\S+\.yaml)\n(.*?)```", README, re.S):
        (folder / text[0]).write_text(text[1], encoding="utf-8")
    mette = next((ROOT / "examples" / "candidates").glob("*/k01-mette-kjaer.yaml"))
    (folder / mette.name).write_text(mette.read_text(encoding="utf-8"), encoding="utf-8")
    yaml = YAML()
    for section in ("education", "experience"):
        record = yaml.load(mette)
        del record[section]
        record["id"] = f"k01-uden-{section}"
        with (folder / f"k01-uden-{section}.yaml").open("w", encoding="utf-8") as out:
            yaml.dump(record, out)


def normalised(text: str) -> str:
    return ENTRY.sub("post N", MOMENT.sub("MOMENT", RUN_ID.sub("RUN", text)))


def table(lines: list[str]) -> tuple[list[str], list[list[str]]]:
    """The first ranked table in lines: its header cells and rows, each row's wrapped lines
    joined to its cells; a row README leaves out ("…") is no row."""
    start = next(i for i, line in enumerate(lines) if is_table_header(line))
    header = CELLS.split(lines[start].strip())
    rows: list[list[str]] = []
    for line in lines[start + 1:]:
        if re.fullmatch(r"[-\s]+", line) and line.strip():
            continue  # tabulate's rule under the header
        if line.strip() == "…":
            continue
        if line.startswith(" ") and line.strip() and rows:
            continuation = CELLS.split(line.strip())
            rows[-1][-len(continuation):] = [
                f"{cell} {more}" for cell, more in
                zip(rows[-1][-len(continuation):], continuation, strict=True)]
            continue
        cells = CELLS.split(line.strip())
        if len(cells) < 2:
            break
        rows.append(cells)
    return header, rows


def agrees(shown: str, printed: str) -> bool:
    """A cell README shows equals the tool's, or, shortened with "…", holds its parts in
    order; wrapping and spacing aside."""
    shown, printed = (re.sub(r"\s", "", normalised(cell)) for cell in (shown, printed))
    if "…" not in shown:
        return shown == printed
    at = 0
    for part in filter(None, shown.split("…")):
        at = printed.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


def compare_tables(shown: list[str], printed: list[str], command: str) -> None:
    shown_header, shown_rows = table(shown)
    header, rows = table(printed)
    columns = [name for name in shown_header if name != "…"]
    assert set(columns) <= set(header), (command, columns, header)
    candidate = header.index("Kandidat")
    by_id = {row[candidate]: row for row in rows}
    ids = [row[shown_header.index("Kandidat")] for row in shown_rows]
    order = [row[candidate] for row in rows if row[candidate] in ids]
    assert order == ids, (command, ids, order)
    if not any(line.strip() == "…" for line in shown):
        assert len(rows) == len(shown_rows), command
    for shown_row in shown_rows:
        cells = dict(zip(shown_header, shown_row, strict=True))
        row = dict(zip(header, by_id[cells["Kandidat"]], strict=True))
        for name in columns:
            assert agrees(cells[name], row[name]), (command, cells["Kandidat"], name,
                                                     cells[name], row[name])


def test_the_readme_ranked_tables_and_decisions_are_what_the_tool_prints(tmp_path,
                                                                         monkeypatch):
    blocks = ranked_blocks()
    assert blocks
    lay_out_readers_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    run = None  # README decides on the run its walk-through screened first
    for block in blocks:
        for command, shown in block:
            args = shlex.split(command.replace("RUN", run or "RUN"))[1:]
            done = runner.invoke(main, args, env={"SCREENING_RULES": "rules",
                                                  "SCREENING_LANG": None})
            assert "Traceback" not in done.output, done.output
            if run is None:
                recorded = RUN_ID.search(done.output)
                assert recorded, done.output
                run = recorded.group()
            ranked = any(is_table_header(line) for line in shown)
            if ranked:
                compare_tables(shown, done.stdout.splitlines(), command)
            printed = done.output.splitlines()
            for line in shown:
                in_table = ranked and (line.startswith(" ") or len(CELLS.split(line)) > 1)
                if (in_table or line.strip() in ("", "…") or re.fullmatch(r"[-\s]+", line)
                        or line.startswith("Revisionsspor:")):
                    continue  # tables are compared above; the store lies where it lies
                assert any(agrees(line, said) for said in printed), (command, line)


def test_the_candidate_records_readme_shows_are_valid(tmp_path):
    """A record README shows as an example is one the tool reads without a problem."""
    records = [text for text in re.findall(r"```yaml\n(.*?)```", README, re.S)
               if re.search(r"^id: ", text, re.M)]
    assert records
    for number, text in enumerate(records):
        path = tmp_path / f"readme-{number}.yaml"
        path.write_text(text, encoding="utf-8")
        loaded, problems = load_records([path])
        assert len(loaded) == 1 and not problems, (text, [str(p) for p in problems])


def test_the_scenarios_readme_shows_pass(tmp_path, monkeypatch):
    """README's Gherkin example is a feature file a consultant may copy: it runs and passes."""
    (feature,) = re.findall(r"```gherkin\n(.*?)```", README, re.S)
    path = tmp_path / "readme.feature"
    path.write_text(feature, encoding="utf-8")
    monkeypatch.chdir(ROOT)  # where its "fra eksemplerne" finds the examples
    done = CliRunner().invoke(main, ["test", str(path), "--rules-dir", "rules"])
    assert done.exit_code == 0, done.output
    assert f"\n{feature.count('Scenarie:')} bestået, 0 fejlet" in done.output, done.output


def test_the_rule_file_readme_quotes_says_what_the_file_says():
    """README's rule-file example quotes the shipped profile it names, key by key: its
    criterion took its evidence from three sources, where the profile's takes four."""
    (named,) = re.findall(r"See `(rules/[^`]+\.yaml)`", README)
    (quoted,) = [text for text in re.findall(r"```yaml\n(.*?)```", README, re.S)
                 if re.search(r"^criteria:", text, re.M)]
    yaml = YAML(typ="safe")
    shown, shipped = yaml.load(quoted), yaml.load(ROOT / named)
    for name, derived in shown["derived"].items():
        assert derived == shipped["derived"][name], name
    criteria = {criterion["id"]: criterion for criterion in shipped["criteria"]}
    for criterion in shown["criteria"]:
        kept = criteria[criterion["id"]]
        assert {key: kept.get(key) for key in criterion} == criterion, criterion["id"]
