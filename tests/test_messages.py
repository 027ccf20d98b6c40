"""The problem catalogue: every code renders in both languages, and every code the package
makes a message with is in the catalogue."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from screening.errors import Problem
from screening.i18n import set_language
from screening.messages import Message, from_data, message
from screening.problem_text import CATALOGUE
from screening.vocabulary import did_you_mean

PACKAGE = Path(__file__).resolve().parent.parent / "screening"
LEFTOVER = re.compile(r"\{[a-z_]+\}")  # a placeholder nothing filled in


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def sample(code: str) -> Message:
    """The message with every placeholder of either template filled: a hint or a reason is
    itself a message (so composition is rendered in one language), the rest plain words."""
    english, danish = CATALOGUE[code]
    values: dict[str, object] = {name: f"<{name}>" for name in placeholders(english + danish)}
    for name in values.keys() & {"message", "reason", "why", "what", "hint", "attribute"}:
        values[name] = message("score_range")
    return message(code, **values)


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_code_renders_in_both_languages_without_leftover_placeholders(code):
    english, danish = (sample(code).render(language) for language in ("en", "da"))
    for text in (english, danish):
        assert text.strip(), f"{code} renders empty"
        assert not LEFTOVER.search(text), f"{code}: {text}"
    words_of_its_own = re.sub(r"\{[^}]*\}", "", CATALOGUE[code][0] + CATALOGUE[code][1])
    if re.search(r"[^\W\d_]", words_of_its_own):  # not a mere composition of parameters
        assert english != danish, f"{code} is the same in both languages: {english}"


def test_a_composed_message_is_rendered_in_one_language_throughout():
    problem = Problem("r.yaml", message("unknown_fact", name="leder")
                      + did_you_mean("leder", ["ledere", "cv"]), 3, 5, None, "E207")
    assert str(problem) == "r.yaml:3:5: E207 ukendt faktum 'leder' (mente du 'ledere'?)"
    assert problem.message == "unknown fact 'leder' (did you mean 'ledere'?)"
    set_language("en")
    try:
        assert str(problem) == "r.yaml:3:5: E207 unknown fact 'leder' (did you mean 'ledere'?)"
    finally:
        set_language("da")


def test_an_unknown_code_fails_where_the_message_is_made():
    with pytest.raises(KeyError, match="no_such_code"):
        message("no_such_code")


def test_a_stored_message_is_shown_again_in_the_language_of_the_moment():
    stored = (message("unknown_competency", name="x") + did_you_mean("x", ["xy"])).as_data()
    again = from_data(stored, "as stored")
    assert again.render("da") == "ukendt kompetence 'x' (mente du 'xy'?)"
    assert again.render("en") == "unknown competency 'x' (did you mean 'xy'?)"
    assert from_data({"code": "gone_in_this_version"}, "as stored").render("da") == "as stored"
    assert from_data(None, "from an older store").render("en") == "from an older store"


def test_every_code_the_package_names_is_in_the_catalogue():
    named = {code for path in PACKAGE.rglob("*.py")
             for code in re.findall(r"""\bmessage\(\s*["']([a-z_0-9]+)["']""",
                                    path.read_text(encoding="utf-8"))}
    assert len(named) > 100
    assert named <= CATALOGUE.keys(), named - CATALOGUE.keys()


def test_every_protected_attribute_and_proxy_has_its_words():
    # these codes are made from data (protected.yaml, the fact catalogue), not written out
    from screening.catalogue import COLLECTIONS

    data = YAML(typ="safe").load((PACKAGE / "data" / "protected.yaml").read_text("utf-8"))
    attributes = {entry["attribute"] for key in ("wordings", "identifiers")
                  for entry in data[key]}
    assert {f"coded_for_{a.replace(' ', '_')}" for a in attributes} <= CATALOGUE.keys()
    proxies = {f.protected for c in COLLECTIONS.values() for f in c.fields.values()
               if f.protected}
    assert proxies and proxies <= CATALOGUE.keys()
