"""Loading rule files: includes, and an error with file, line, column and field for each
mistake, with a suggestion where a near name exists."""

from __future__ import annotations

import textwrap

import pytest

from screening.errors import RuleFileError
from screening.rulefiles import find_profile, load_profile

from .conftest import ROOT

HEAD = """\
    profile: {id: p, title: T, organisation: O, source: s.txt, version: "1", date: 2024-01-01}
    competencies: {relationelle: Relationelle}
    derived:
      ledere: {description: d, of: positions, where: {field: leaders_led, gte: 1},
               aggregate: exists}
    criteria:
"""
CRITERION = """\
      - id: {id}
        name: N
        category: faglige
        priority: ønske
        quote: et plus
        section: S
        when: {when}
"""


def rule_file(tmp_path, *criteria: tuple[str, str], head: str = HEAD, name="p.yaml"):
    text = textwrap.dedent(head) + "".join(
        textwrap.dedent(CRITERION).replace("{id}", i).replace("{when}", w) for i, w in criteria)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path) -> list[str]:
    with pytest.raises(RuleFileError) as caught:
        load_profile(path)
    return [str(p).replace(str(path.parent) + "/", "") for p in caught.value.problems]


def test_a_valid_file_loads_with_lines_and_defaults(tmp_path):
    path = rule_file(tmp_path, ("a", "{fact: ledere}"), ("b", "{assessed: relationelle}"))
    profile = load_profile(path)
    assert [c.id for c in profile.criteria] == ["a", "b"]
    assert profile.criteria[0].weight == 1.0 and profile.criteria[0].line == 7
    assert profile.criteria[1].sources == ("ansøgning", "samtale1", "test", "reference",
                                           "samtale2")
    assert len(profile.sha256) == 64


@pytest.mark.parametrize("when,expected", [
    ("{assessed: relationel}", "E207 criteria[0].when.assessed: ukendt kompetence "
                               "'relationel' (mente du 'relationelle'?)"),
    ("{fact: leder}", "E207 criteria[0].when.fact: ukendt faktum 'leder' (mente du "
                      "'ledere'?)"),
    ("{some: positions, where: {field: sector, gte: 3}}",
     "E209 criteria[0].when.where.gte: operatoren `gte` passer ikke til 'sector' (enum)"),
    ("{some: positions, where: {field: sektor, eq: kommune}}", "mente du 'sector'?"),
    ("{some: positions, where: {field: sector, eq: kommun}}", "kommune"),
    ("{alle: []}", "criteria[0].when"),
    ("{fact: ledere, gte: 3}", "E209 criteria[0].when.gte: operatoren `gte` passer ikke til "
                               "'ledere' (bool); brug eq, ne"),
    ("{some: posts, where: {field: sector, eq: kommune}}",
     "E207 criteria[0].when.some: ukendt samling 'posts' (mente du 'positions'?)"),
    ("{assessed: relationelle, by: [samtale3]}",
     "E207 criteria[0].when.by: ukendt evidenskilde 'samtale3'"),
    # a competency read as a fact, and a derived fact as assessed: the name is known, the
    # key is wrong (it said only "ukendt faktum", with no way on)
    ("{fact: relationelle}", "E207 criteria[0].when.fact: ukendt faktum 'relationelle' "
                             "('relationelle' er en kompetence: skriv {assessed: relationelle})"),
    ("{assessed: ledere}", "E207 criteria[0].when.assessed: ukendt kompetence 'ledere' "
                           "('ledere' er et afledt faktum: skriv {fact: ledere})"),
    # a misspelt key of a condition gets its suggestion, as other keys do
    ("{fakt: ledere}", "forventede all, any, not, fact, some eller assessed (mente du 'fact'?)"),
    ("{assessed: relationelle, gtee: 4}", "E206 criteria[0].when.gtee: nøglen `gtee` hører "
                                          "ikke til her (mente du 'gte'?)"),
    ("{some: positions, where: {feild: sector, eq: kommune}}", "(mente du 'field'?)"),
])
def test_each_mistake_is_located_and_explained(tmp_path, when, expected):
    found = problems(rule_file(tmp_path, ("a", when)))
    assert any(expected in p for p in found), found
    assert all(p.startswith("p.yaml:") for p in found)


@pytest.mark.parametrize("old,new,expected", [
    ("priority:", "priorty:", ["p.yaml:7:3: E101 criteria[0].priority: mangler (feltet skal "
                               "udfyldes)", "p.yaml:10:3: E101 criteria[0].priorty: ukendt felt"]),
    ("priority: ønske", "priority: onske", ["p.yaml:10:3: E101 criteria[0].priority: skal være "
                                            "en af: krav eller ønske (fik 'onske')"]),
    ("criteria:\n", "scorng: {}\ncriteria:\n", ["p.yaml:6:1: E101 scorng: ukendt felt"]),
    ("profile: {id: p,", "profile: {id: p", ["p.yaml:1:22: E004 ugyldig YAML"]),
    # pydantic's own English ("List should have at least 1 item ...") in a Danish message
    # `when:` with its condition not indented under it
    ("when: {fact: ledere}", "when:\n  fact: ledere", [
        "p.yaml:14:3: E101 criteria[0].fact: ukendt felt (`fact` hører til en betingelse: ryk "
        "den ind under `when:` eller `partial:`)"]),
    ("section: S", "section: S\n  sources: []", ["p.yaml:13:3: E101 criteria[0].sources: skal "
                                                 "have mindst 1 element(er) (fik [])"]),
])
def test_structural_mistakes_are_located(tmp_path, old, new, expected):
    path = rule_file(tmp_path, ("a", "{fact: ledere}"))
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    found = problems(path)
    assert len(found) == len(expected)
    assert all(f.startswith(e) for f, e in zip(found, expected, strict=True)), found


@pytest.mark.parametrize("old,new,expected", [
    # keys of another place were offered as the key meant, the key itself included
    ("criteria:\n", "id: p\ncriteria:\n", "p.yaml:6:1: E101 id: ukendt felt"),
    ("title: T,", "title: T, name: N,", "p.yaml:1:28: E101 profile.name: ukendt felt"),
    ("criteria:\n", "scoring: {weight: 2}\ncriteria:\n",
     "p.yaml:6:11: E101 scoring.weight: ukendt felt (mente du 'weights'?)"),
    ("section: S", "section: S\n  wieght: 2",
     "p.yaml:13:3: E101 criteria[0].wieght: ukendt felt (mente du 'weight'?)"),
    ("where: {field", "were: {field",
     "p.yaml:4:43: E101 derived.ledere.were: ukendt felt (mente du 'where'?)"),
    # a Danish key was offered its English name wherever it stood
    ("criteria:\n", "scoring: {vægt: 2}\ncriteria:\n",
     "p.yaml:6:11: E101 scoring.vægt: ukendt felt (mente du 'weights'?)"),
    ("title: T,", "title: T, navn: N,", "p.yaml:1:28: E101 profile.navn: ukendt felt"),
])
def test_an_unknown_key_is_offered_a_key_of_its_own_place(tmp_path, old, new, expected):
    """`id:` at the top of a rule file (or a candidate record given as one) was answered
    "id: ukendt felt (mente du 'id'?)", `personal:` "(mente du 'version'?)": the hint came
    from every key of every part of a rule file."""
    path = rule_file(tmp_path, ("a", "{fact: ledere}"))
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    assert expected in problems(path)


def test_a_missing_include_names_the_include_line(tmp_path):
    head = HEAD.replace("    competencies:", "    include: [nope.yaml]\n    competencies:")
    found = problems(rule_file(tmp_path, ("a", "{fact: ledere}"), head=head))
    assert found == ["p.yaml:2:11: E202 include[0]: kan ikke inkludere nope.yaml: filen findes "
                     "ikke"]


def test_duplicate_criterion_ids_are_refused(tmp_path):
    found = problems(rule_file(tmp_path, ("a", "{fact: ledere}"), ("a", "{fact: ledere}")))
    assert any("E204 criteria[1].id: kriterie-id'et 'a' er brugt før" in p for p in found)


def test_includes_load_and_cycles_are_refused(tmp_path):
    (tmp_path / "mod.yaml").write_text(textwrap.dedent("""\
        module: {id: m, title: M, organisation: O, source: m.txt}
        competencies: {mod_x: X}
        criteria:
          - {id: mx, name: X, category: personlige, priority: ønske, quote: q, section: S,
             when: {assessed: mod_x}}
    """), encoding="utf-8")
    head = HEAD.replace("    competencies:", "    include: [mod.yaml]\n    competencies:")
    profile = load_profile(rule_file(tmp_path, ("a", "{fact: ledere}"), head=head))
    assert [(c.id, c.document) for c in profile.criteria] == [("mx", "m.txt"), ("a", "s.txt")]
    cyclic = (tmp_path / "mod.yaml").read_text(encoding="utf-8") + "include: [p.yaml]\n"
    (tmp_path / "mod.yaml").write_text(cyclic, encoding="utf-8")
    found = problems(tmp_path / "p.yaml")
    assert any("E203" in p and "cirkulær include: p.yaml -> mod.yaml -> p.yaml" in p
               for p in found), found


def test_a_criterion_id_used_by_an_included_module_is_a_duplicate(tmp_path):
    (tmp_path / "mod.yaml").write_text(textwrap.dedent("""\
        module: {id: m, title: M, organisation: O, source: m.txt}
        criteria:
          - {id: a, name: X, category: personlige, priority: ønske, quote: q, section: S,
             when: {fact: ledere}}
    """), encoding="utf-8")
    head = HEAD.replace("    competencies:", "    include: [mod.yaml]\n    competencies:")
    found = problems(rule_file(tmp_path, ("a", "{fact: ledere}"), head=head))
    assert found == ["p.yaml:8:3: E204 criteria[0].id: kriterie-id'et 'a' er brugt før (første "
                     "gang i mod.yaml)"]


def test_an_included_profile_is_refused_naming_the_include(tmp_path):
    """Only modules are included: a profile included by mistake (a copy of a shipped one, the
    draft of another post) added its criteria to this post's and lost its own scoring."""
    rule_file(tmp_path, ("b", "{fact: ledere}"), name="anden.yaml")
    head = HEAD.replace("    competencies:", "    include: [anden.yaml]\n    competencies:")
    found = problems(rule_file(tmp_path, ("a", "{fact: ledere}"), head=head))
    assert found == ["p.yaml:2:11: E201 include[0]: anden.yaml er en profil, ikke et modul "
                     "(kun filer med `module:` kan inkluderes)"]


def test_a_yaml_mistake_in_an_included_module_is_located_in_the_module(tmp_path):
    """As every other mistake of a module is: it was put on the profile's include line."""
    (tmp_path / "mod.yaml").write_text(textwrap.dedent("""\
        module: {id: m, title: M, organisation: O, source: m.txt}
        competencies:
          mod_x: X
          mod_x: Y
    """), encoding="utf-8")
    head = HEAD.replace("    competencies:", "    include: [mod.yaml]\n    competencies:")
    found = problems(rule_file(tmp_path, ("a", "{fact: ledere}"), head=head))
    assert len(found) == 1 and found[0].startswith("mod.yaml:4:3: E004 ugyldig YAML"), found


def test_a_module_is_not_a_profile_unless_asked(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(textwrap.dedent("""\
        module: {id: m, title: M, organisation: O, source: m.txt}
        competencies: {mod_x: X}
        criteria:
          - {id: mx, name: X, category: personlige, priority: ønske, quote: q, section: S,
             when: {assessed: mod_x}}
    """), encoding="utf-8")
    assert any("E201" in p for p in problems(path))
    assert [c.id for c in load_profile(path, allow_module=True).criteria] == ["mx"]


def test_profiles_are_found_by_id_with_a_suggestion_for_near_misses():
    assert find_profile("helsingor-direktor-2024", ROOT / "rules").name == \
        "helsingor-direktor-2024.yaml"
    with pytest.raises(RuleFileError, match="mente du 'helsingor-direktor-2024'"):
        find_profile("helsingor-direktor", ROOT / "rules")


def test_statements_set_aside_carry_their_reason_document_and_line(tmp_path):
    path = rule_file(tmp_path, ("a", "{fact: ledere}"))
    path.write_text(path.read_text("utf-8") + textwrap.dedent("""\
        set_aside:
          - quote: Du er ansvarlig for driften
            reason: beskriver stillingen, ikke personen
        """), encoding="utf-8")
    (aside,) = load_profile(path).set_aside
    assert (aside.quote, aside.reason, aside.document) == (
        "Du er ansvarlig for driften", "beskriver stillingen, ikke personen", "s.txt")
    assert aside.rule_file == str(path) and aside.line == path.read_text("utf-8").splitlines(
    ).index("  - quote: Du er ansvarlig for driften") + 1


def test_a_profile_is_found_by_file_name_first_then_by_the_id_inside(tmp_path):
    head = HEAD.replace("id: p,", "id: inde,")
    by_name = rule_file(tmp_path, ("a", "{fact: ledere}"), head=head, name="filnavn.yaml")
    assert find_profile("filnavn", tmp_path) == by_name
    assert find_profile("inde", tmp_path) == by_name


# --- issue 15: includes stay in the rules folder, conditions stay within bounds -----------


@pytest.mark.parametrize("include", ["/etc/shadow", "/dev/zero", "../outside.yaml"])
def test_an_include_outside_the_profiles_folder_is_not_read(tmp_path, include):
    (tmp_path / "outside.yaml").write_text("hemmelig: adgangskode\n", encoding="utf-8")
    folder = tmp_path / "rules"
    folder.mkdir()
    head = HEAD.replace("    competencies:", f"    include: ['{include}']\n    competencies:")
    found = problems(rule_file(folder, ("a", "{fact: ledere}"), head=head))
    assert len(found) == 1 and found[0].startswith(
        f"p.yaml:2:11: E202 include[0]: kan ikke inkludere {include}: uden for profilens mappe")
    assert "adgangskode" not in found[0]


def test_an_include_that_is_a_fifo_is_refused_not_waited_for(tmp_path):
    import os

    os.mkfifo(tmp_path / "rør.yaml")
    head = HEAD.replace("    competencies:", "    include: [rør.yaml]\n    competencies:")
    found = problems(rule_file(tmp_path, ("a", "{fact: ledere}"), head=head))
    assert found == ["p.yaml:2:11: E202 include[0]: kan ikke inkludere rør.yaml: ikke en "
                     "almindelig fil"]


def test_a_rule_file_or_include_that_is_a_symlink_loop_is_a_file_that_cannot_be_read(
        tmp_path):
    """`screening screen loop.yaml …` and `lint`, with the rule file (or an include) a
    symlink pointing back on itself, stopped with 'intern fejl: RuntimeError: Symlink loop'
    (exit 3): the cache key and the includes' check resolved the path, which raises."""
    from click.testing import CliRunner

    from screening.cli import main

    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    head = HEAD.replace("    competencies:", "    include: [a.yaml]\n    competencies:")
    including = rule_file(tmp_path, ("a", "{fact: ledere}"), head=head)
    (found,) = problems(including)
    assert found == ("p.yaml:2:11: E202 include[0]: kan ikke inkludere a.yaml: kan ikke læse "
                     "filen: symbolske links peger på hinanden i ring")
    loop = str(tmp_path / "a.yaml")
    for args in (["screen", loop, str(ROOT / "examples")], ["lint", loop],
                 ["profile", "show", loop]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == (1 if args[0] == "lint" else 2), result.output
        assert f"{loop}" in result.output and "E001 kan ikke læse filen: " in result.output
    english = CliRunner().invoke(main, ["--lang", "en", "lint", loop])
    assert f"{loop}:1:1: E001 cannot read file: symbolic links point at each other in a " \
        "loop" in english.output


@pytest.mark.parametrize("lang, said", [("da", "E001 filens navn er ikke UTF-8-tekst"),
                                        ("en", "E001 the file's name is not UTF-8 text")])
def test_a_rule_file_named_in_another_encoding_is_a_problem_of_its_own_not_of_the_folder(
        tmp_path, lang, said):
    """A rules folder holding a copy unpacked from a zip made on Windows ('gammel-\\xf8.yaml')
    stopped `profiles` and `lint` with 'intern fejl: UnicodeEncodeError' (exit 3): the cache
    key was written with its name, which is no text."""
    import os
    import shutil

    from click.testing import CliRunner

    from screening.cli import main

    shipped = sorted((ROOT / "rules").glob("*.yaml"))[0]
    shutil.copy(shipped, tmp_path / shipped.name)
    shutil.copy(shipped, tmp_path / os.fsdecode(b"gammel-\xf8.yaml"))
    named = f"{tmp_path}/gammel-\\xf8.yaml"
    listed = CliRunner().invoke(main, ["--lang", lang, "profiles", "--rules-dir", str(tmp_path)])
    assert listed.exit_code == 0, listed.output
    assert f"{named} E001" in listed.output and shipped.stem in listed.output
    linted = CliRunner().invoke(main, ["--lang", lang, "lint", "--rules-dir", str(tmp_path)])
    assert linted.exit_code == 1, linted.output
    assert f"{named}:1:1: {said}" in linted.output


def _nested(levels: int) -> str:
    """`levels` of all/any alternating around two tests, written as flow YAML."""
    condition = "{fact: ledere}"
    for n in range(levels):
        condition = f"{{{'all' if n % 2 else 'any'}: [{condition}, {{not: {{fact: ledere}}}}]}}"
    return condition


@pytest.mark.parametrize("levels,expected", [
    (16, "E206 criteria[0].when: all/any/not indlejret dybere end 8 niveauer"),
    (200, "E004 ugyldig YAML: indlejret dybere end 40 niveauer"),
])
def test_deeply_nested_conditions_are_a_located_problem_found_quickly(tmp_path, levels,
                                                                    expected):
    import time

    path = rule_file(tmp_path, ("a", _nested(levels)))
    started = time.perf_counter()
    found = problems(path)
    assert time.perf_counter() - started < 30  # was over 60 s, or a RecursionError
    assert len(found) == 1 and found[0].startswith("p.yaml:") and expected in found[0], found


def test_a_condition_that_compiles_into_too_many_rules_is_located(tmp_path):
    where = "{all: [" + ", ".join(
        f"{{any: [{{field: leaders_led, gte: {n}}}, {{not: {{field: staff_led, gte: {n}}}}}]}}"
        for n in range(12)) + "]}"
    head = HEAD.replace("where: {field: leaders_led, gte: 1}", f"where: {where}")
    found = problems(rule_file(tmp_path, ("a", "{fact: ledere}"), head=head))
    assert len(found) == 1 and found[0].startswith(
        "p.yaml:4:43: E212 derived.ledere.where: betingelsen bliver til for mange regler"), found


def test_huge_in_lists_and_criteria_counts_are_refused_with_their_place(tmp_path):
    values = ", ".join(f"v{n}" for n in range(10_000))
    head = HEAD.replace("where: {field: leaders_led, gte: 1}",
                        f"where: {{field: sector, in: [{values}]}}")
    found = problems(rule_file(tmp_path, ("a", "{fact: ledere}"), head=head))
    assert found == ["p.yaml:4:66: E206 derived.ledere.where.in: `in` tager højst 100 "
                     "værdier"]
    many = [(f"k{n}", "{fact: ledere}") for n in range(3_000)]
    assert problems(rule_file(tmp_path, *many, name="mange.yaml")) == [
        "mange.yaml:6:1: E205 criteria: mere end 300 kriterier (3000)"]


@pytest.mark.parametrize("weight", ["true", '"3"'])
def test_a_weight_is_a_number_not_a_flag_or_text(tmp_path, weight):
    path = rule_file(tmp_path, ("a", "{fact: ledere}"))
    path.write_text(path.read_text(encoding="utf-8").replace(
        "priority: ønske", f"priority: ønske\n  weight: {weight}"), encoding="utf-8")
    found = problems(path)
    assert len(found) == 1 and "E101 criteria[0].weight: skal være et tal" in found[0], found


def test_a_band_table_must_start_at_zero(tmp_path):
    head = HEAD.replace("    derived:", "    scoring:\n      bands: [{min_score: 50, band: god, "
                                       "label: God}]\n    derived:")
    assert problems(rule_file(tmp_path, ("a", "{fact: ledere}"), head=head)) == [
        "p.yaml:4:3: E211 scoring.bands: det laveste bånd skal have `min_score: 0`"]


def test_a_band_that_can_never_be_given_and_a_band_id_used_twice_are_refused(tmp_path):
    """Two bands with one min_score: the first took every score, the other was printed by
    `profile show` and never given; a band id used twice named two bands alike."""
    head = HEAD.replace("    derived:", "    scoring:\n      bands: [{min_score: 55, band: god, "
                                       "label: God}, {min_score: 55, band: ok, label: OK},\n"
                                       "              {min_score: 0, band: god, label: Svag}]"
                                       "\n    derived:")
    assert problems(rule_file(tmp_path, ("a", "{fact: ledere}"), head=head)) == [
        "p.yaml:4:52: E211 scoring.bands[1].min_score: båndet 'ok' kan aldrig gives: båndet "
        "'god' har samme min_score",
        "p.yaml:5:26: E211 scoring.bands[2].band: bånd-id'et 'god' er brugt to gange"]


def test_a_name_too_long_for_the_file_system_is_an_unknown_profile_not_a_crash():
    sentence = "stillingen som arbejdsmarkeds- og socialdirektør i Høje-Taastrup " * 8
    with pytest.raises(RuleFileError, match="E001"):
        find_profile(sentence, ROOT / "rules")
