"""--out: atomic replacement of regular files only; devices, FIFOs and symlink targets are
written through (issue 15, defect 2), and temporaries of killed writers are cleaned up."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import threading

import pytest

from screening.errors import InputError
from screening.output import atomic_writer


def test_a_regular_file_is_replaced_whole_and_keeps_its_mode(tmp_path):
    target = tmp_path / "ud.txt"
    target.write_text("gammel")
    target.chmod(0o640)
    with atomic_writer(target) as handle:
        handle.write("ny")
    assert target.read_text() == "ny"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ud.txt"]


def test_a_failed_write_leaves_the_old_file(tmp_path):
    target = tmp_path / "ud.txt"
    target.write_text("gammel")
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write("halv")
        raise RuntimeError("stop")
    assert target.read_text() == "gammel"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ud.txt"]


def test_a_symlink_stays_a_link_and_its_target_is_written(tmp_path):
    real = tmp_path / "rigtig.txt"
    real.write_text("gammel")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with atomic_writer(link) as handle:
        handle.write("ny")
    assert link.is_symlink() and real.read_text() == "ny"


def test_a_fifo_is_written_through_not_replaced(tmp_path):
    fifo = tmp_path / "rør"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    with atomic_writer(fifo) as handle:
        handle.write("gennem røret")
    reader.join(timeout=30)
    assert received == ["gennem røret".encode()]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_character_device_stays_a_device(tmp_path):
    """`--out /dev/null` as root once put a regular file where the system's /dev/null was.
    A private null device keeps the test off the machine's own."""
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("creating a device needs root")
    with atomic_writer(null) as handle:
        handle.write("intet")
    assert stat.S_ISCHR(os.stat(null).st_mode)


def test_a_folder_is_bad_input(tmp_path):
    with pytest.raises(InputError), atomic_writer(tmp_path) as handle:
        handle.write("x")


def test_temporaries_of_a_killed_writer_are_removed(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    abandoned = tmp_path / f".ud.txt.{gone.stdout.strip()}.abc123.tmp"
    abandoned.write_text("29 MB af en afbrudt kørsel")
    mine = tmp_path / f".ud.txt.{os.getpid()}.def456.tmp"  # a live writer's: kept
    mine.write_text("i gang")
    with atomic_writer(tmp_path / "ud.txt") as handle:
        handle.write("ny")
    assert sorted(p.name for p in tmp_path.iterdir()) == [mine.name, "ud.txt"]


@pytest.mark.parametrize(("language", "said"), [
    ("da", "E007 kan ikke skrive her: filen eller mappen findes ikke"),
    ("en", "E007 cannot write here: no such file or folder")])
def test_why_the_system_refused_is_said_in_the_chosen_language(tmp_path, language, said):
    """The system's own reason is English ('No such file or directory'): a Danish line
    said it so."""
    from screening.i18n import set_language

    set_language(language)
    target = tmp_path / "no-such-folder" / "out.json"
    with pytest.raises(InputError) as refused, atomic_writer(target) as handle:
        handle.write("x")
    assert [str(p) for p in refused.value.problems] == [f"{target}: {said}"]


@pytest.mark.parametrize("fmt", ["table", "jsonl"])
def test_out_never_writes_over_the_audit_store_the_run_makes(candidates, tmp_path, fmt):
    """`--audit-db run.db --out run.db` with no run.db yet: the run made the store, recorded
    itself in it and said so ("Revisionsspor: kørsel … i run.db"), and the output then
    replaced the store, the run's record with it."""
    from click.testing import CliRunner

    from screening.cli import main

    from .conftest import HELSINGOR

    store, out = tmp_path / "run.db", f"{tmp_path}/./run.db"  # one file, named two ways
    result = CliRunner().invoke(main, ["screen", str(HELSINGOR), str(candidates),
                                       "--format", fmt, "--audit-db", str(store),
                                       "--out", out])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[-1] == (
        f"fejl: {out}: E007 er en fil, kommandoen læser; --out ville skrive over den")
    assert not store.exists()


@pytest.mark.parametrize("command, written", [
    (["screen", "{rules}", "{folder}"], "{record}"),
    (["screen", "{rules}", "{folder}", "--format", "jsonl"], "{link}"),
    (["screen", "{rules}", "{folder}", "--format", "xlsx"], "{rules}"),
    (["screen", "{rules}", "{folder}"], "{store}"),
    (["report", "{rules}", "{folder}"], "{rules}"),
    (["guide", "{rules}", "{folder}", "--stage", "samtale2"], "{record}"),
    (["guide", "{rules}", "{folder}", "--stage", "samtale2"], "{store}"),
    (["sheet", "{rules}", "{folder}", "--stage", "samtale1"], "{record}"),
    (["audit", "export", "{run}", "--candidate", "strong"], "{store}"),
])
def test_out_never_writes_over_what_the_command_reads(command, written, candidates, tmp_path,
                                                      audit_db):
    """`screen P folder --out folder/k01.yaml` replaced the candidate's record with the
    table (a rule file or the audit store the same way): now it is bad input, and every
    input is as it was."""
    from click.testing import CliRunner

    from screening.cli import main

    from .conftest import HELSINGOR

    rules = tmp_path / HELSINGOR.name
    rules.write_bytes(HELSINGOR.read_bytes())
    recorded = CliRunner().invoke(main, ["screen", str(rules), str(candidates)])
    assert recorded.exit_code == 0, recorded.output
    run = re.search(r"kørsel (\S+)", recorded.stderr).group(1)
    (tmp_path / "link.yaml").symlink_to(candidates / "strong.yaml")
    names = {"rules": str(rules), "folder": str(candidates), "run": run,
             "record": str(candidates / "strong.yaml"), "store": str(audit_db),
             "link": str(tmp_path / "link.yaml")}
    inputs = [rules, audit_db, *candidates.iterdir()]
    before = {path: path.read_bytes() for path in inputs}
    out = written.format(**names)
    result = CliRunner().invoke(main, [part.format(**names) for part in command]
                                + ["--out", out])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[-1] == (
        f"fejl: {out}: E007 er en fil, kommandoen læser; --out ville skrive over den")
    assert {path: path.read_bytes() for path in inputs} == before


def test_a_file_that_cannot_be_replaced_is_bad_output_not_an_internal_error(tmp_path,
                                                                            monkeypatch):
    """A file made immutable (chattr +i) refuses the rename over it: that was an internal
    error (exit 3) instead of E007 naming the file."""
    target = tmp_path / "ud.txt"
    target.write_text("gammel")

    def refused(source, destination):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(InputError) as raised, atomic_writer(target) as handle:
        handle.write("ny")
    assert raised.value.problems[0].code == "E007"
    assert target.read_text() == "gammel"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ud.txt"]
