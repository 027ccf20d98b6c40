"""The cache of loaded profiles: the same profile as from the files, renewed when any file
of the profile changes, and never trusted when damaged, foreign or in a shared folder."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import shutil
from datetime import date
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from screening import cache, rulefiles
from screening.cli import main
from screening.errors import RuleFileError
from screening.rulefiles import load_profile

from .conftest import HELSINGOR, ROOT, write

SHIPPED = sorted((ROOT / "rules").glob("*.yaml"))

MODULE = """\
    module: {id: m, title: M, organisation: O, source: m.txt}
    competencies: {relationelle: Relationelle}
"""
PROFILE = """\
    profile: {id: p, title: T, organisation: O, source: s.txt, version: "1", date: 2024-01-01}
    include: [modul.yaml]
    criteria:
      - id: relationer
        name: N
        category: personlige
        priority: krav
        quote: relationel
        section: S
        when: {assessed: relationelle}
"""


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    """This test's own cache folder."""
    cache = tmp_path / "cache" / "screening"
    monkeypatch.setenv("SCREENING_CACHE", str(cache))
    return cache


@pytest.fixture
def reads(monkeypatch) -> list[Path]:
    """The rule files read (not taken from the cache), in order."""
    read: list[Path] = []
    read_profile = rulefiles._read_profile

    def counted(path, allow_module):
        read.append(Path(path))
        return read_profile(path, allow_module)
    monkeypatch.setattr(rulefiles, "_read_profile", counted)
    return read


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


@pytest.fixture
def profile_file(tmp_path) -> Path:
    rules = tmp_path / "rules"
    rules.mkdir()
    write(rules, "modul.yaml", MODULE)
    return write(rules, "profil.yaml", PROFILE)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_a_cached_profile_is_the_profile_read_from_its_files(path, folder, reads):
    loaded = load_profile(path)
    cached = load_profile(path)
    assert reads == [path] and len(entries(folder)) == 1
    assert cached == loaded and cached is not loaded
    assert cached.files == loaded.files


def test_the_folder_is_private_and_entries_are_written_whole(profile_file, folder):
    load_profile(profile_file)
    assert folder.stat().st_mode & 0o777 == 0o700
    assert [p.name for p in folder.iterdir()] == [e.name for e in entries(folder)]  # no temp
    assert entries(folder)[0].stat().st_mode & 0o077 == 0


def test_an_edited_include_is_read_again(profile_file, folder, reads):
    assert load_profile(profile_file).competencies == {"relationelle": "Relationelle"}
    module = profile_file.parent / "modul.yaml"
    module.write_text(module.read_text().replace("Relationelle}", "Relationer}"))
    assert load_profile(profile_file).competencies == {"relationelle": "Relationer"}
    load_profile(profile_file)
    assert reads == [profile_file, profile_file]


def test_an_include_that_breaks_is_reported_not_hidden_by_the_cache(profile_file, folder):
    load_profile(profile_file)
    (profile_file.parent / "modul.yaml").write_text("module: {id: m}\n")
    with pytest.raises(RuleFileError, match=r"modul\.yaml:1"):
        load_profile(profile_file)


def test_a_profile_with_problems_is_not_cached(tmp_path, folder):
    broken = write(tmp_path, "p.yaml", PROFILE.replace("krav", "skal"))
    for _ in range(2):
        with pytest.raises(RuleFileError, match="priority"):
            load_profile(broken)
    assert entries(folder) == []


def test_the_same_files_in_another_folder_are_cached_apart(profile_file, folder, tmp_path):
    other = tmp_path / "andre"
    shutil.copytree(profile_file.parent, other)
    first, second = load_profile(profile_file), load_profile(other / "profil.yaml")
    assert first.criteria[0].rule_file != second.criteria[0].rule_file
    assert len(entries(folder)) == 2


@pytest.mark.parametrize("damage", [
    lambda body: body[: len(body) // 2],  # cut short
    lambda body: body.replace(b'"relationer"', b'"relationex"'),  # changed, digest kept
    lambda body: b"",
])
def test_a_damaged_entry_is_ignored_and_written_anew(profile_file, folder, damage, reads):
    loaded = load_profile(profile_file)
    entry = entries(folder)[0]
    entry.write_bytes(damage(entry.read_bytes()))
    assert load_profile(profile_file) == loaded
    assert load_profile(profile_file) == loaded
    assert reads == [profile_file, profile_file]  # the second read renewed the entry


def sealed(body: bytes) -> bytes:
    """An entry with a digest that matches its content, as the cache writes it."""
    return hashlib.sha256(body).hexdigest().encode() + b"\n" + body


def test_an_entry_naming_a_type_outside_the_profile_is_not_decoded(profile_file, folder,
                                                                    reads):
    loaded = load_profile(profile_file)
    entry = entries(folder)[0]
    data = orjson.loads(entry.read_bytes().partition(b"\n")[2])
    assert data["profile"]["dict"][0][0] == "meta"
    data["profile"]["dict"][0][1] = {"dataclass": "Path", "fields": {}}
    entry.write_bytes(sealed(orjson.dumps(data)))
    assert load_profile(profile_file) == loaded
    assert reads == [profile_file, profile_file]


def test_an_entry_for_another_rule_file_is_not_taken(profile_file, folder, tmp_path):
    other = write(tmp_path, "andet.yaml", PROFILE.replace("id: p,", "id: q,")
                  .replace("include: [modul.yaml]\n", "competencies: {relationelle: R}\n"))
    load_profile(other)
    theirs = entries(folder)[0].read_bytes()
    loaded = load_profile(profile_file)
    mine = next(e for e in entries(folder) if e.read_bytes() != theirs)
    mine.write_bytes(theirs)  # same folder and owner, another rule file's key
    assert load_profile(profile_file) == loaded


def test_an_entry_written_by_other_code_is_stale(profile_file, folder, reads, monkeypatch):
    loaded = load_profile(profile_file)
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "other code")
    assert load_profile(profile_file) == loaded
    assert reads == [profile_file, profile_file]


def test_installations_of_different_code_keep_their_own_entries(profile_file, folder, reads,
                                                                monkeypatch):
    loaded = load_profile(profile_file)
    with monkeypatch.context() as other_installation:
        other_installation.setattr(cache, "code_fingerprint", lambda: "other code")
        load_profile(profile_file)
    assert load_profile(profile_file) == loaded
    assert reads == [profile_file, profile_file]  # the first entry was still there


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The names of the rule files parsed from here on (rulefiles.read_document)."""
    names: list[str] = []
    read_document = rulefiles.read_document

    def counted(path):
        names.append(Path(path).name)
        return read_document(path)
    monkeypatch.setattr(rulefiles, "read_document", counted)
    return names


def test_profiles_are_listed_from_the_cache_without_parsing_a_rule_file(folder, tmp_path,
                                                                       request):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    write(rules, "modul.yaml", MODULE)  # a module beside the profiles is left out
    write(rules, "broken.yaml", PROFILE.replace("priority: krav", "priority: skal"))
    write(rules, "garbled.yaml", PROFILE.replace("quote: relationel", "quote: [relationel"))
    first = rulefiles.list_profiles(rules)
    parsed = request.getfixturevalue("parsed")  # counting from the second listing on
    again = rulefiles.list_profiles(rules)
    assert [path.name for path, _ in again] == [path.name for path, _ in first] == \
        sorted(["broken.yaml", "garbled.yaml", *(p.name for p in SHIPPED)])
    assert [p for _, p in again if not isinstance(p, RuleFileError)] == \
        [p for _, p in first if not isinstance(p, RuleFileError)]
    assert isinstance(dict(again)[rules / "broken.yaml"], RuleFileError)
    assert isinstance(dict(again)[rules / "garbled.yaml"], RuleFileError)  # may be a profile
    # only what does not load is parsed
    assert sorted(set(parsed)) == ["broken.yaml", "garbled.yaml", "modul.yaml"]


def test_a_profile_is_found_by_its_id_from_the_cache_without_parsing(profile_file, folder,
                                                                     request):
    rules = profile_file.parent
    write(rules, "broken.yaml", PROFILE.replace("id: p,", "id: q,").replace("krav", "skal"))
    assert rulefiles.find_profile("p", rules) == profile_file  # the file is named profil
    parsed = request.getfixturevalue("parsed")  # counting from the second lookup on
    assert rulefiles.find_profile("p", rules) == profile_file
    assert rulefiles.find_profile("q", rules) == rules / "broken.yaml"  # found, to report
    with pytest.raises(RuleFileError, match="E001"):
        rulefiles.find_profile("m", rules)  # a module is no profile
    assert sorted(set(parsed)) == ["broken.yaml", "modul.yaml"]  # what does not load


def test_a_folder_others_can_write_into_is_not_used(profile_file, folder, reads):
    folder.mkdir(parents=True)
    os.chmod(folder, 0o777)
    load_profile(profile_file)
    os.chmod(folder, 0o700)
    load_profile(profile_file)  # writes the entry now
    os.chmod(folder, 0o777)
    load_profile(profile_file)  # yet does not read it
    assert reads == [profile_file] * 3


def test_a_cache_folder_that_cannot_be_made_only_costs_speed(profile_file, tmp_path,
                                                             monkeypatch):
    occupied = write(tmp_path, "a-file", "not a folder")
    monkeypatch.setenv("SCREENING_CACHE", str(occupied / "screening"))
    assert load_profile(profile_file).meta.id == "p"


def test_the_cache_can_be_switched_off(profile_file, monkeypatch, tmp_path):
    monkeypatch.setenv("SCREENING_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    load_profile(profile_file)
    assert cache.directory() is None
    assert not (tmp_path / "xdg").exists() and not (tmp_path / "home").exists()


def test_the_users_cache_folder_by_default(monkeypatch, tmp_path):
    monkeypatch.delenv("SCREENING_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.directory() == tmp_path / "xdg" / "screening"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.directory() == tmp_path / "home" / ".cache" / "screening"
    monkeypatch.setenv("HOME", "relative")  # never a cache in whatever folder a run starts
    assert cache.directory() is None


def test_a_data_file_is_parsed_once_for_the_same_content(folder):
    parses: list[bytes] = []

    def parse(content: bytes) -> dict:
        parses.append(content)
        return {"words": content.decode().split(), "count": len(content)}

    text = "alder køn".encode()
    first = cache.parsed(text, parse)
    assert cache.parsed(text, parse) == first == {"words": ["alder", "køn"], "count": 10}
    assert cache.parsed(b"alder", parse) == {"words": ["alder"], "count": 5}
    assert parses == [text, b"alder"]


def test_data_json_cannot_hold_is_parsed_each_time(folder):
    parses: list[bytes] = []

    def parse(content: bytes) -> dict:
        parses.append(content)
        return {"when": date(2024, 1, 1)}

    assert cache.parsed(b"x", parse) == cache.parsed(b"x", parse) == {"when": date(2024, 1, 1)}
    assert len(parses) == 2 and entries(folder) == []


def test_the_protected_attributes_come_from_the_cache_as_from_the_file(folder, monkeypatch):
    from screening import protected

    read: list[bytes] = []
    read_yaml = protected._read_yaml

    @functools.wraps(read_yaml)  # the same reader, counted
    def counted(content: bytes):
        read.append(content)
        return read_yaml(content)
    monkeypatch.setattr(protected, "_read_yaml", counted)
    protected.lists.cache_clear()
    from_file = protected.lists()
    protected.lists.cache_clear()
    assert protected.lists() == from_file
    protected.lists.cache_clear()
    assert len(read) == 1


def test_a_screening_from_the_cached_profile_is_the_same(folder, reads):
    examples = ROOT / "examples" / "candidates" / HELSINGOR.stem
    args = ["screen", HELSINGOR.stem, str(examples), "--no-audit", "--format", "json",
            "--rules-dir", str(HELSINGOR.parent)]
    first, second = (CliRunner().invoke(main, args) for _ in range(2))
    assert first.exit_code == second.exit_code == 0, first.output
    assert reads == [HELSINGOR.parent / f"{HELSINGOR.stem}.yaml"]
    assert second.stdout == first.stdout


def test_a_profile_that_passed_the_protected_check_is_not_searched_again(profile_file,
                                                                         folder, monkeypatch):
    from screening import protected

    searched: list[str] = []
    search = protected.findings

    def counted(profile):
        searched.append(profile.meta.id)
        return search(profile)
    monkeypatch.setattr(protected, "findings", counted)
    profile = load_profile(profile_file)
    protected.refuse(profile)
    protected.refuse(load_profile(profile_file))
    assert searched == ["p"]


def test_a_profile_that_differs_from_the_one_that_passed_is_searched_and_refused(
        profile_file, folder):
    from screening import protected

    profile = load_profile(profile_file)
    protected.refuse(profile)
    criterion = dataclasses.replace(profile.criteria[0], name="Ung og dynamisk")
    with pytest.raises(RuleFileError, match=r"profil\.yaml:\d+:1: E501"):
        protected.refuse(dataclasses.replace(profile, criteria=(criterion,)))


def test_a_refused_profile_is_refused_with_its_place_from_the_cache_too(profile_file, folder):
    profile_file.write_text(profile_file.read_text().replace("name: N", "name: Ung og dynamisk"))
    args = ["screen", str(profile_file), str(ROOT / "examples" / "candidates"), "--no-audit"]
    runs = [CliRunner().invoke(main, args) for _ in range(2)]
    assert len(entries(folder)) >= 1  # the second run took the profile from the cache
    for run in runs:
        assert run.exit_code == 2
        assert f"{profile_file}:4:1: E501 relationer" in run.stderr
        assert "Traceback" not in run.output
