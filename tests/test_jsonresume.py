"""`screening import jsonresume`: odd resumes are problems, never crashes, and never cost
the good ones; two resumes with one id are an error (issue 15, defect 12)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from screening.candidates import load_records
from screening.cli import main
from screening.jsonresume import convert
from screening.rulefiles import load_profile
from screening.screen import screen
from screening.stages import SOURCES

from .conftest import ROOT

GOOD = {"basics": {"name": "Ida Berg"},
        "work": [{"name": "Odense Kommune", "position": "Skolechef", "startDate": "2019-08"}]}


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("resume", [
    {"basics": "x"}, {"basics": ["Ida"]}, {"basics": {"name": 5, "email": ["x"]}},
    {"work": "x"}, {"work": [1, None, "x"]}, {"education": {"a": 1}},
    {"work": [{"name": 5, "position": ["Chef"], "startDate": {"y": 2019}}]},
    {"education": [{"studyType": 5, "area": None, "institution": [1], "endDate": 2017}]},
    {"skills": "x", "basics": None, "work": None},
])
def test_an_odd_resume_is_converted_or_refused_never_a_crash(resume):
    result = convert(resume, "fil")
    assert (result.record is None) == bool(result.errors)


@pytest.mark.parametrize("content", [
    '{"basics": "x"}', '{"work": [1]}', "[1, 2]", '"tekst"', "{", '{"basics": {"name": "A"},'
    ' "basics": {"name": "B"}}', '{"n": ' + "9" * 5000 + "}", "\xff",
])
def test_one_bad_file_never_suppresses_the_good_ones(tmp_path, content):
    good, bad = tmp_path / "god.json", tmp_path / "daarlig.json"
    good.write_text(json.dumps(GOOD), encoding="utf-8")
    bad.write_bytes(content.encode("latin-1") if content == "\xff" else content.encode())
    out = tmp_path / "ud"
    result = run("import", "jsonresume", str(bad), str(good), "--out-dir", str(out))
    assert result.exit_code in (0, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert (out / "ida-berg.yaml").exists()


def test_two_resumes_with_one_id_are_an_error_and_the_first_is_kept(tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(json.dumps(GOOD), encoding="utf-8")
    second.write_text(json.dumps({**GOOD, "work": []}), encoding="utf-8")
    out = tmp_path / "ud"
    result = run("import", "jsonresume", str(first), str(second), "--out-dir", str(out))
    assert result.exit_code == 2
    assert f"{second}: E102 id: kandidat-id'et 'ida-berg' bruges også af {first}" \
        in result.output
    assert "Skolechef" in (out / "ida-berg.yaml").read_text(encoding="utf-8")


def test_a_record_already_there_is_kept_unless_overwrite_is_asked_for(tmp_path):
    """A record written earlier may have gained assessments since: importing the resume
    again refuses to replace it (exit 2, naming it) and still writes the others."""
    resume, other = tmp_path / "ida.json", tmp_path / "bo.json"
    resume.write_text(json.dumps(GOOD), encoding="utf-8")
    other.write_text(json.dumps({**GOOD, "basics": {"name": "Bo Holm"}}), encoding="utf-8")
    out = tmp_path / "ud"
    out.mkdir()
    kept = out / "ida-berg.yaml"
    kept.write_text("id: ida-berg\nassessments: []  # udvalgets\n", encoding="utf-8")
    result = run("import", "jsonresume", str(resume), str(other), "--out-dir", str(out))
    assert result.exit_code == 2, result.output
    assert f"{kept}: E007 rummer allerede kandidatens post; --overwrite tager CV'et ind i den" \
        in result.output
    assert kept.read_text(encoding="utf-8").endswith("# udvalgets\n")
    assert (out / "bo-holm.yaml").exists()
    replaced = run("import", "jsonresume", str(resume), "--out-dir", str(out), "--overwrite")
    assert replaced.exit_code == 0, replaced.output
    assert "Skolechef" in kept.read_text(encoding="utf-8")


def test_an_out_dir_that_cannot_be_made_is_a_located_error_not_an_internal_one(tmp_path):
    """`--out-dir` under a file, or named by a symlink loop, stopped with 'intern fejl:
    NotADirectoryError' / 'FileExistsError' (exit 3)."""
    resume = tmp_path / "ida.json"
    resume.write_text(json.dumps(GOOD), encoding="utf-8")
    (tmp_path / "en-fil").write_text("x", encoding="utf-8")
    (tmp_path / "ring").symlink_to(tmp_path / "ring")
    for out, reason in ((tmp_path / "en-fil" / "ud", "en del af stien er ikke en mappe"),
                        (tmp_path / "ring", "noget, der ikke er en mappe, har det navn")):
        result = run("import", "jsonresume", str(resume), "--out-dir", str(out))
        assert result.exit_code == 2, result.output
        assert result.output.splitlines()[-1] == f"fejl: {out}: E007 kan ikke skrive her: {reason}"


def test_a_resume_named_twice_is_imported_once(tmp_path):
    """`import jsonresume cv/*.json cv/ida.json --out-dir ud` wrote Ida's record, then
    refused her second mention as a record already there (exit 2)."""
    resume = tmp_path / "ida.json"
    resume.write_text(json.dumps(GOOD), encoding="utf-8")
    out = tmp_path / "ud"
    result = run("import", "jsonresume", str(resume), str(resume), "--out-dir", str(out))
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir()] == ["ida-berg.yaml"]


def test_a_record_mistake_is_placed_at_the_resume_entry_it_came_from():
    """A work entry ending before it started was 'positions[0]: slut … (fik {'title': …})':
    the record's field, and the whole position, where the consultant edits work[1]."""
    resume = {"basics": {"name": "Ida Berg"}, "work": [
        {"name": "Firma"},  # left out: no title or start, so work[1] is positions[0]
        {"name": "Odense Kommune", "position": "Skolechef", "startDate": "2019-08",
         "endDate": "2018-01"}]}
    conversion = convert(resume, "ida")
    assert conversion.record is None
    (error,) = (e.render("da") for e in conversion.errors)
    assert error.startswith("work[1]: slut 2018-01-01 er før start 2019-08-01"), error
    assert "{" not in error


@pytest.mark.parametrize("section, entry, limit", [
    ("work", {"name": "Odense Kommune", "position": "Leder", "startDate": "2019"}, 100),
    ("work", {}, 100),
    ("education", {"studyType": "Master", "area": "Ledelse"}, 50),
])
@pytest.mark.parametrize("lang, said", [
    ("da", "{section}: {count} poster; en kandidatpost rummer højst {limit}"),
    ("en", "{section}: {count} entries; a candidate record holds at most {limit}"),
])
def test_a_resume_of_more_entries_than_a_record_holds_is_refused_before_converting(
        tmp_path, section, entry, limit, lang, said):
    """85,000 work entries (4.8 MB) took 27 s and 370 MB to say 'positions: må højst have
    100 elementer (fik [{'title': 'Leder', …' (Python's form of the list, at the record's
    field); 600,000 empty ones 44 s and 430 MB, a note for each, and a record written."""
    count = 20_000
    resume = tmp_path / "cv.json"
    resume.write_text(json.dumps({"basics": {"name": "Ida Berg"}, section: [entry] * count}),
                      encoding="utf-8")
    out = tmp_path / "ud"
    result = run("--lang", lang, "import", "jsonresume", str(resume), "--out-dir", str(out))
    assert result.exit_code == 2, result.output
    assert f"{resume}: E101 " + said.format(section=section, count=count, limit=limit) \
        in result.output
    assert len(result.output.splitlines()) < 5 and "{'" not in result.output
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("end", ["Present", "present ", "nu", "Now", "current", ""])
def test_an_end_date_saying_the_post_is_held_now_is_read_so(end):
    """'Present', as many CV programs write it, was 'dato 'Present' kunne ikke læses'."""
    conversion = convert({"basics": {"name": "Ida Berg"},
                          "work": [{**GOOD["work"][0], "endDate": end}]}, "ida")
    assert conversion.record is not None and conversion.record.positions is not None
    assert [p.end for p in conversion.record.positions] == [None]
    assert not any("endDate" in n.render("en") or "could not" in n.render("en")
                   for n in conversion.notes)


@pytest.mark.parametrize("end", ["2019-13", "sommer 2021", "2021-02-30", 2021])
@pytest.mark.parametrize("lang, said", [
    ("da", "work[0]: sprunget over: slutdatoen kan ikke læses, og stillingen ville ellers "
     "tælle, som var den nuværende"),
    ("en", "work[0]: skipped: the end date cannot be read, and the post would else count "
     "as held now"),
])
def test_a_post_whose_end_date_cannot_be_read_is_not_counted_as_held_now(end, lang, said):
    """'2019-13', 'sommer 2021' or the number 2021 was a note at most, and the post read
    as held to this day: years as a leader counted that the CV does not give."""
    conversion = convert({"basics": {"name": "Ida Berg"}, "work": [
        {"name": "Odense Kommune", "position": "Skolechef", "startDate": "2010-08",
         "endDate": end}]}, "ida")
    assert conversion.record is not None
    assert conversion.record.positions is None  # not known yet: ikke belyst
    assert said in [n.render(lang) for n in conversion.notes]


def test_a_bad_value_the_record_keeps_twice_is_said_once_at_the_resumes_entry():
    """A year of 9999 was said twice: 'education[0].year: må højst være 2100 (fik 9999)'
    and again as 'education[0].cv.year', the copy the record keeps of what the CV said."""
    conversion = convert({"basics": {"name": "Ida Berg"}, "education": [
        {"studyType": "Master", "area": "Ledelse", "endDate": "9999-12-31"}]}, "ida")
    assert conversion.record is None
    assert [e.render("da") for e in conversion.errors] == [
        "education[0].year: må højst være 2100 (fik 9999)"]


@pytest.mark.parametrize("resume", [
    {"basics": {"name": "Bo Holm"}},  # no work or education at all
    {"basics": {"name": "Bo Holm"},  # a director's post without a start date: skipped
     "work": [{"name": "Gentofte Kommune", "position": "Direktør"},
              {"name": "Køge Kommune", "position": "Fuldmægtig", "startDate": "2001-02"}],
     "education": [{"studyType": "Kursus", "area": "Yoga"},  # a level not known: skipped
                   {"studyType": "Bachelor", "area": "Historie", "endDate": "2000-06"}]},
])
@pytest.mark.parametrize("rule_file", sorted((ROOT / "rules").glob("*.yaml")),
                         ids=lambda p: p.stem)
def test_a_section_the_resume_does_not_give_whole_is_not_known_yet(resume, rule_file):
    """A resume with no work became `positions: []`, 'known: none', and one whose director's
    post lacked a start date listed only the clerk's job before it: either way a proposed
    knock-out on leading leaders. What the CV does not give whole is ikke belyst, and the
    consultant is told."""
    conversion = convert(resume, "bo")
    assert conversion.record is not None
    assert (conversion.record.positions, conversion.record.education) == (None, None)
    told = [n.render("da") for n in conversion.notes]
    assert "work: posten udelader 'positions': CV'et giver det ikke helt, så det er ikke " \
           "kendt endnu (ikke belyst), aldrig en tom eller en komplet liste" in told
    assert any(n.startswith("education: posten udelader 'education'") for n in told)
    profile = load_profile(rule_file)
    (result,) = screen(profile, [conversion.record], SOURCES[-1]).results
    assert [o.criterion.id for o in result.outcomes if o.status == "ikke_opfyldt"] == []


def test_a_read_only_record_is_not_overwritten(tmp_path):
    """--overwrite replaced a record made read-only: a rename over a file needs no
    permission on it."""
    resume = tmp_path / "ida.json"
    resume.write_text(json.dumps(GOOD), encoding="utf-8")
    out = tmp_path / "ud"
    out.mkdir()
    locked = out / "ida-berg.yaml"
    locked.write_text("id: ida-berg\n", encoding="utf-8")
    locked.chmod(0o444)
    result = run("import", "jsonresume", str(resume), "--out-dir", str(out), "--overwrite")
    assert result.exit_code == 2, result.output
    assert f"{locked}: E007 filen er skrivebeskyttet" in result.output
    assert locked.read_text(encoding="utf-8") == "id: ida-berg\n"


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_overwrite_replaces_the_record_in_its_own_file_and_keeps_its_assessments(tmp_path,
                                                                                 suffix):
    """An updated CV imported again with --overwrite dropped the assessments the scoring
    sheets had added to the record (a resume holds none), and beside a record kept as
    <id>.json it wrote <id>.yaml: the candidate twice (E102 at the next screening)."""
    resume = tmp_path / "ida.json"
    resume.write_text(json.dumps(GOOD), encoding="utf-8")
    out = tmp_path / "ud"
    assert run("import", "jsonresume", str(resume), "--out-dir", str(out)).exit_code == 0
    (written,) = out.iterdir()
    record = written.with_suffix(suffix)
    data = load_records([written])[0][0].record.model_dump(mode="json", exclude_none=True)
    assessment = {"competency": "ledelse", "source": "samtale1", "score": 4,
                  "assessor": "Udvalget", "sheet": "abc123"}
    written.unlink()
    record.write_text(json.dumps({**data, "assessments": [assessment]}), encoding="utf-8")
    again = run("import", "jsonresume", str(resume), "--out-dir", str(out), "--overwrite")
    assert again.exit_code == 0, again.output
    assert list(out.iterdir()) == [record]
    (loaded,), problems = load_records([record])
    assert not problems
    assert [a.model_dump(mode="json", exclude_none=True)
            for a in loaded.record.assessments] == [assessment]


HAND_MADE = """\
# Ida Berg, rettet efter samtalen
id: ida-berg
personal:
  name: Ida Berg
  address: Strandvejen 1   # fra ansøgningen
positions:
  - title: Skolechef
    organisation: Odense Kommune
    sector: kommune
    start: 2019-08-01
    leaders_led: 12   # oplyst i samtalen
  - title: Afdelingsleder
    organisation: Egmont Fonden
    sector: selvejende  # rettet: ikke privat
    start: 2012-01-01
    end: 2019-07-31
experience:
  - {kind: mediehåndtering, role: rådgiver, years: 6}
assessments:
  - {competency: ledelse, source: samtale1, score: 4, assessor: Udvalget}  # enig
"""


@pytest.mark.parametrize("language", ["da", "en"])
def test_overwrite_takes_the_resume_into_the_record_and_keeps_what_was_added_by_hand(
        tmp_path, language):
    """An updated CV imported again with --overwrite wrote the record afresh from the
    resume: the leaders led, the experience, the address and every comment the consultant
    had added were gone, and the sector she corrected was the resume's guess again. Now the
    resume's facts come in (an end, a new job, a title changed), each value it replaces is
    said, a guess never replaces the consultant's value, and importing it once more leaves
    the file as it is, byte for byte."""
    resume = tmp_path / "ida.json"
    resume.write_text(json.dumps({"basics": {"name": "Ida Berg"}, "work": [
        {"name": "Region Syddanmark", "position": "Direktør", "startDate": "2024-02"},
        {"name": "Odense Kommune", "position": "Skole- og dagtilbudschef",
         "startDate": "2019-08", "endDate": "2024-01"},
        {"name": "Egmont Fonden", "position": "Afdelingsleder", "startDate": "2012-01",
         "endDate": "2019-07-31"}]}), encoding="utf-8")
    out = tmp_path / "ud"
    out.mkdir()
    record = out / "ida-berg.yaml"
    record.write_text(HAND_MADE, encoding="utf-8")
    result = run("import", "jsonresume", str(resume), "--out-dir", str(out), "--overwrite",
                 "--lang", language)
    assert result.exit_code == 0, result.output
    text = record.read_text(encoding="utf-8")
    for kept in ("# Ida Berg, rettet efter samtalen", "address: Strandvejen 1   # fra ans",
                 "leaders_led: 12   # oplyst i samtalen", "sector: selvejende  # rettet",
                 "{kind: mediehåndtering, role: rådgiver, years: 6}",
                 "assessor: Udvalget}  # enig"):
        assert kept in text
    (loaded,), problems = load_records([record])
    assert not problems
    odense, egmont, region = loaded.record.positions
    assert (odense.title, str(odense.end), odense.leaders_led) == (
        "Skole- og dagtilbudschef", "2024-01-01", 12)
    assert (egmont.sector, region.organisation, region.sector) == (
        "selvejende", "Region Syddanmark", "region")
    said = {"da": [f"{record}: positions[0].title: 'Skolechef' erstattet af CV'ets "
                   "'Skole- og dagtilbudschef'; var postens værdi en rettelse, så sæt den ind "
                   "igen", f"{record}: positions[1].sector: postens 'selvejende' beholdt "
                   "(CV'et giver kun gættet 'privat')"],
            "en": [f"{record}: positions[0].title: 'Skolechef' replaced by the resume's "
                   "'Skole- og dagtilbudschef'; if the record's value was a correction, put "
                   "it back", f"{record}: positions[1].sector: the record's 'selvejende' kept "
                   "(the resume gives only the guess 'privat')"]}[language]
    for line in said:
        assert line in result.output.splitlines()
    again = run("import", "jsonresume", str(resume), "--out-dir", str(out), "--overwrite",
                "--lang", language)
    assert again.exit_code == 0, again.output
    assert record.read_text(encoding="utf-8") == text
    assert {"da": f"uændret: {record}", "en": f"unchanged: {record}"}[language] \
        in again.output.splitlines()


def test_a_resume_that_would_make_the_record_wrong_leaves_it_as_it_is(tmp_path):
    """The resume's start after the end the consultant added by hand: a record that cannot
    be read is not written, and the mistake is named at the record's field."""
    resume = tmp_path / "ida.json"
    resume.write_text(json.dumps({"basics": {"name": "Ida Berg"}, "work": [
        {"name": "Odense Kommune", "position": "Skolechef", "startDate": "2021-08"}]}),
        encoding="utf-8")
    out = tmp_path / "ud"
    out.mkdir()
    record = out / "ida-berg.yaml"
    hand_made = HAND_MADE.replace("start: 2019-08-01\n", "start: 2019-08-01\n    end: 2020-12-31\n")
    record.write_text(hand_made, encoding="utf-8")
    result = run("import", "jsonresume", str(resume), "--out-dir", str(out), "--overwrite")
    assert result.exit_code == 2, result.output
    assert record.read_text(encoding="utf-8") == hand_made
    assert f"{record}: E101 positions[0]: slut 2020-12-31 er før start 2021-08-01" \
        in result.output


def test_a_resume_s_words_cannot_forge_a_line_of_the_import_s_report(tmp_path):
    """A title holding a line break (or a direction override) was echoed as it stood in the
    notes: 'Chef\\r\\nskrev …' made a line of its own, the report of a record written."""
    resume = tmp_path / "ida.json"
    resume.write_text(json.dumps({"basics": {"name": "Ida Berg"}, "work": [
        {"name": "Odense Kommune\u202e", "position": "Chef\r\nskrev ud/bo-holm.yaml",
         "startDate": "2019-08"}]}), encoding="utf-8")
    result = run("import", "jsonresume", str(resume), "--out-dir", str(tmp_path / "ud"))
    assert result.exit_code == 0, result.output
    assert "skrev ud/bo-holm.yaml" not in result.output.splitlines()
    assert "\u202e" not in result.output and "\r" not in result.output
    assert f"{resume}: work[0]: ledelsesniveau 'chef' læst ud fra 'Chef skrev " \
           "ud/bo-holm.yaml'" in result.output.splitlines()


def test_a_candidate_s_record_under_another_id_is_hers_not_a_second_candidate(tmp_path):
    """The consultant numbers her candidates (k01-ida-berg, as the examples do): an updated
    CV imported again, with or without --overwrite, wrote ida-berg.yaml beside her record,
    and she stood twice in every ranking, once without the panel's scores. Her record is
    found by her e-mail (a namesake has her own), or her name where there is no e-mail."""
    resume = tmp_path / "ida.json"
    resume.write_text(json.dumps({**GOOD, "basics": {"name": "Ida Berg",
                                                     "email": "IDA@example.dk"}}),
                      encoding="utf-8")
    out = tmp_path / "ud"
    out.mkdir()
    record = out / "k01-ida-berg.yaml"
    record.write_text(HAND_MADE.replace("id: ida-berg", "id: k01-ida-berg").replace(
        "  name: Ida Berg", "  name: Ida Berg\n  email: ida@example.dk"), encoding="utf-8")
    namesake = out / "k02-ida-berg.yaml"
    namesake.write_text("id: k02-ida-berg\npersonal: {name: Ida Berg, email: ib@example.dk}\n",
                        encoding="utf-8")
    refused = run("import", "jsonresume", str(resume), "--out-dir", str(out))
    assert refused.exit_code == 2, refused.output
    assert f"{record}: E007 rummer allerede kandidatens post" in refused.output
    taken = run("import", "jsonresume", str(resume), "--out-dir", str(out), "--overwrite")
    assert taken.exit_code == 0, taken.output
    assert sorted(p.name for p in out.iterdir()) == [record.name, namesake.name]
    (loaded,), problems = load_records([record])
    assert not problems
    assert (loaded.record.id, loaded.record.personal.email, len(loaded.record.assessments)) == (
        "k01-ida-berg", "IDA@example.dk", 1)
    assert namesake.read_text(encoding="utf-8").startswith("id: k02-ida-berg\n")


def test_two_records_that_could_be_the_candidate_s_are_an_error_not_a_choice(tmp_path):
    resume = tmp_path / "ida.json"
    resume.write_text(json.dumps(GOOD), encoding="utf-8")
    out = tmp_path / "ud"
    out.mkdir()
    for n in (1, 2):
        (out / f"k0{n}.yaml").write_text(f"id: k0{n}\npersonal: {{name: ida  berg}}\n",
                                         encoding="utf-8")
    result = run("--lang", "en", "import", "jsonresume", str(resume), "--out-dir", str(out),
                 "--overwrite")
    assert result.exit_code == 2, result.output
    assert f"{out}: E007 more than one record is this candidate's, by her name or e-mail " \
           f"({out / 'k01.yaml'}, {out / 'k02.yaml'})" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["k01.yaml", "k02.yaml"]


def test_a_namesake_s_record_is_not_taken_into(tmp_path):
    """Two candidates named Ida Berg: the second one's CV, imported with --overwrite, went
    into the first one's record (ida-berg.yaml), her positions beside the other's scores."""
    resume = tmp_path / "ida.json"
    resume.write_text(json.dumps({**GOOD, "basics": {"name": "Ida Berg",
                                                     "email": "ida.berg@example.dk"}}),
                      encoding="utf-8")
    out = tmp_path / "ud"
    out.mkdir()
    record = out / "ida-berg.yaml"
    other = HAND_MADE.replace("  name: Ida Berg", "  name: Ida Berg\n  email: ib@example.dk")
    record.write_text(other, encoding="utf-8")
    result = run("--lang", "en", "import", "jsonresume", str(resume), "--out-dir", str(out),
                 "--overwrite")
    assert result.exit_code == 2, result.output
    assert f"{record}: E007 holds the record of a candidate with this id and the e-mail " \
           "ib@example.dk, the resume's is ida.berg@example.dk" in result.output
    assert record.read_text(encoding="utf-8") == other


FIRST_CV = {"basics": {"name": "Ida Berg", "email": "ida@example.dk"}, "work": [
    {"name": "Odense Kommune", "position": "Skolechef", "startDate": "2019-08",
     "endDate": "2024-01"},
    {"name": "Egmont Fonden", "position": "Konsulent", "startDate": "2012-01",
     "endDate": "2019-07-31"}]}


def imported_then_edited(tmp_path, edits: dict[str, str]):
    """The first CV imported, then the record edited by hand (`edits`: text replaced)."""
    resume = tmp_path / "ida.json"
    resume.write_text(json.dumps(FIRST_CV), encoding="utf-8")
    out = tmp_path / "ud"
    assert run("import", "jsonresume", str(resume), "--out-dir", str(out)).exit_code == 0
    record = out / "ida-berg.yaml"
    text = record.read_text(encoding="utf-8")
    for before, after in edits.items():
        assert text.count(before) == 1, (before, text)
        text = text.replace(before, after)
    record.write_text(text, encoding="utf-8")
    return resume, out, record


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_re_import_keeps_the_consultant_s_edits_and_takes_the_cv_s_changes(tmp_path,
                                                                             language):
    """Every re-import replaced each value the CV states by the CV's: a title or an
    organisation the consultant had tidied in the record was undone each time (and said
    each time). Now each entry keeps what the CV gave (`cv:`): a value only the CV changed
    is taken in, a value only the consultant changed stays, and where both changed the
    consultant's stays and the CV's new value is named as a conflict."""
    resume, out, record = imported_then_edited(tmp_path, {
        "  - title: Skolechef\n": "  - title: Skolechef, Odense\n",
        "    organisation: Egmont Fonden\n": "    organisation: Egmont Fonden (Kbh.)\n"})
    edited = record.read_text(encoding="utf-8")
    same = run("import", "jsonresume", str(resume), "--out-dir", str(out), "--overwrite",
               "--lang", language)
    assert same.exit_code == 0, same.output
    assert record.read_text(encoding="utf-8") == edited  # the CV changed nothing
    later = json.loads(json.dumps(FIRST_CV))
    later["work"][0].update(position="Skole- og dagtilbudschef", endDate="2024-02")
    later["work"][1]["position"] = "Seniorkonsulent"
    resume.write_text(json.dumps(later), encoding="utf-8")
    result = run("import", "jsonresume", str(resume), "--out-dir", str(out), "--overwrite",
                 "--lang", language)
    assert result.exit_code == 0, result.output
    (loaded,), problems = load_records([record])
    assert not problems
    odense, egmont = loaded.record.positions
    assert (odense.title, str(odense.end), egmont.title, egmont.organisation) == (
        "Skolechef, Odense", "2024-02-01", "Seniorkonsulent", "Egmont Fonden (Kbh.)")
    said = {"da": [f"{record}: positions[0].title: postens 'Skolechef, Odense' beholdt, rettet "
                   "siden sidste import; CV'et giver nu 'Skole- og dagtilbudschef' (gav "
                   "'Skolechef'): skriv det ind i hånden, hvis det er rigtigt",
                   f"{record}: positions[0].end: '2024-01-01' ændret i CV'et til "
                   "'2024-02-01'; taget ind",
                   f"{record}: positions[1].title: 'Konsulent' ændret i CV'et til "
                   "'Seniorkonsulent'; taget ind"],
            "en": [f"{record}: positions[0].title: the record's 'Skolechef, Odense' kept, "
                   "edited since the last import; the resume now gives 'Skole- og "
                   "dagtilbudschef' (it gave 'Skolechef'): take it in by hand if it is right",
                   f"{record}: positions[0].end: '2024-01-01' changed in the resume to "
                   "'2024-02-01'; taken in",
                   f"{record}: positions[1].title: 'Konsulent' changed in the resume to "
                   "'Seniorkonsulent'; taken in"]}[language]
    lines = result.output.splitlines()
    for line in said:
        assert line in lines
    assert not [line for line in lines if "organisation" in line], lines
    text = record.read_text(encoding="utf-8")
    again = run("import", "jsonresume", str(resume), "--out-dir", str(out), "--overwrite",
                "--lang", language)
    assert again.exit_code == 0, again.output
    assert record.read_text(encoding="utf-8") == text
    assert not [line for line in again.output.splitlines() if line.startswith(f"{record}:")]
    assert {"da": f"uændret: {record}", "en": f"unchanged: {record}"}[language] \
        in again.output.splitlines()


@pytest.mark.parametrize("language, said", [
    ("da", ["personal.email: står ikke længere i CV'et (det gav 'ida@example.dk'); postens "
            "'ida@example.dk' beholdt", "positions[0].end: står ikke længere i CV'et (det gav "
            "'2024-01-01'); postens '2024-01-01' beholdt"]),
    ("en", ["personal.email: no longer in the resume (it gave 'ida@example.dk'); the "
            "record's 'ida@example.dk' kept", "positions[0].end: no longer in the resume (it "
            "gave '2024-01-01'); the record's '2024-01-01' kept"])])
def test_a_value_the_new_cv_drops_is_named_and_kept(tmp_path, language, said):
    """A CV that no longer gives an e-mail, or a position's end, was taken in without a word
    about either: the record kept them, and nobody knew the CV had changed."""
    resume, out, record = imported_then_edited(tmp_path, {})
    later = json.loads(json.dumps(FIRST_CV))
    del later["basics"]["email"], later["work"][0]["endDate"]
    resume.write_text(json.dumps(later), encoding="utf-8")
    result = run("import", "jsonresume", str(resume), "--out-dir", str(out), "--overwrite",
                 "--lang", language)
    assert result.exit_code == 0, result.output
    for line in said:
        assert f"{record}: {line}" in result.output.splitlines()
    (loaded,), _ = load_records([record])
    assert (loaded.record.personal.email, str(loaded.record.positions[0].end)) == (
        "ida@example.dk", "2024-01-01")


def test_what_the_cv_gave_is_in_the_schema_and_never_a_fact_of_the_screening(tmp_path):
    """The `cv:` of each entry is the record's own, described by `screening schema`, and
    screening reads none of it: the results, their grounds included, are those of the
    record without it, and the audit keeps the personal part with the personal data."""
    from screening.audit.recording import audit_input

    _, out, record = imported_then_edited(tmp_path, {})
    (loaded,), problems = load_records([record])
    assert not problems and loaded.record.positions[0].cv is not None
    bare = out / "uden.yaml"
    bare.write_text("".join(line for line in record.read_text(encoding="utf-8").splitlines(
        keepends=True) if not line.strip().startswith("cv:")), encoding="utf-8")
    (without,), _ = load_records([bare])
    assert without.record.positions[0].cv is None
    for rule_file in sorted((ROOT / "rules").glob("*.yaml")):
        profile = load_profile(rule_file)
        ours, theirs = (screen(profile, [r.record], SOURCES[-1]).results[0]
                        for r in (loaded, without))
        assert ours.outcomes == theirs.outcomes
    kept = audit_input(loaded)
    assert "cv" in kept.personal and "cv" not in kept.record.get("personal", {})
    schema = json.loads(run("schema", "candidate").output)
    assert {"PersonalInCv", "PositionInCv", "EducationInCv"} <= schema["$defs"].keys()


def test_a_first_import_writes_no_derived_value_and_says_what_it_guessed(tmp_path):
    """A first import wrote `politically_governed` read from a guessed sector (a sector
    the consultant corrected to 'kommune' still said not politically governed), quoted
    its dates as text, and said nothing of the education level and the leadership flag it
    had guessed from the degree's words, nor of the day it gave a start of '2019-08'."""
    resume = tmp_path / "ida.json"
    resume.write_text(json.dumps({**FIRST_CV, "education": [
        {"institution": "CBS", "studyType": "Master", "area": "Public Administration",
         "endDate": "2016"}]}), encoding="utf-8")
    out = tmp_path / "ud"
    result = run("import", "jsonresume", str(resume), "--out-dir", str(out))
    assert result.exit_code == 0, result.output
    text = (out / "ida-berg.yaml").read_text(encoding="utf-8")
    assert "politically_governed" not in text and "assessments" not in text
    assert "    start: 2019-08-01\n" in text and "'2019" not in text
    for said in ("education[0]: uddannelsesniveau 'master' og ledelsesuddannelse 'nej' læst "
                 "ud fra 'Master Public Administration'; ret dem, hvis de er forkerte",
                 "work[0].startDate: '2019-08' skrevet som 2019-08-01, den første i måneden "
                 "eller året: CV'et giver ikke mere; ret den, hvis du kender dagen"):
        assert f"{resume}: {said}" in result.output.splitlines()
    assert "work[1].endDate" not in result.output  # given to the day
    corrected = out / "ida-berg.yaml"
    corrected.write_text(text.replace("sector: privat", "sector: kommune"), encoding="utf-8")
    (loaded,), problems = load_records([corrected])
    assert not problems and loaded.record.positions[1].politically_governed


def test_a_value_a_hand_made_record_has_and_the_cv_does_not_give_is_named(tmp_path):
    """A record without `cv:` cannot say whether the CV gave a value before: an end the
    consultant added, which the CV does not give, is named as kept, once; the import keeps
    what the CV gave from then on, and says it no more."""
    resume = tmp_path / "ida.json"
    resume.write_text(json.dumps(GOOD), encoding="utf-8")
    out = tmp_path / "ud"
    out.mkdir()
    record = out / "ida-berg.yaml"
    record.write_text(HAND_MADE.replace("start: 2019-08-01\n",
                                        "start: 2019-08-01\n    end: 2024-01-31\n"),
                      encoding="utf-8")
    said = f"{record}: positions[0].end: står ikke i CV'et; postens '2024-01-31' beholdt"
    first = run("import", "jsonresume", str(resume), "--out-dir", str(out), "--overwrite")
    assert first.exit_code == 0, first.output
    assert said in first.output.splitlines()
    again = run("import", "jsonresume", str(resume), "--out-dir", str(out), "--overwrite")
    assert again.exit_code == 0, again.output
    assert said not in again.output.splitlines()
    assert f"uændret: {record}" in again.output.splitlines()
