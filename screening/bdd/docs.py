"""The step catalogue as text: `screening steps` (a table or Markdown for docs/steps.md) and
`screening steps --suggest` (how one sentence is read)."""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from typing import Any

from ..i18n import t
from ..profiles import Profile
from .arguments import CriterionRef
from .grammar import (
    KEYWORDS,
    KINDS,
    NotRead,
    ReadContext,
    Reading,
    StepCatalogue,
    StepDoc,
    read,
    split_keyword,
)

STEP_WORDS = {"given": "Givet", "when": "Når", "then": "Så"}
LANGUAGE_NAMES = {"da": "dansk", "en": "engelsk"}


def rows(steps: StepCatalogue) -> list[tuple[str, str, str, str]]:
    """One row per step: type, step, every example phrasing, data-table keys."""
    return [(t(STEP_WORDS[d.kind]), d.name, "\n".join(p.example.splitlines()[0]
                                                      for p in d.phrasings),
             ", ".join(d.table_keys)) for d in steps.steps]


def markdown(steps: StepCatalogue) -> str:
    """The catalogue for docs/steps.md, generated so it cannot drift from the steps."""
    lines = [f"# {t('Trinbiblioteket')}", "",
             t("Genereret af `screening steps --format markdown`; ret trinene, ikke filen."),
             "", t("Hvert trin har flere formuleringer; ét eksempel pr. formulering. Tal kan "
                   "skrives med cifre eller ord (seks, tolv, tyve), stadier efter processen "
                   "(på ansøgningstidspunktet, efter referencerne, til anden samtale), og "
                   "kriterier ved id, navn eller en bid af navnet. 'Og' og 'Men' fortsætter "
                   "typen fra linjen før. Engelske formuleringer gælder under "
                   "`# language: en`."), ""]
    for kind in KINDS:
        lines += [f"## {t(STEP_WORDS[kind])}", ""]
        for doc in steps.of_kind(kind):
            lines += _step_markdown(doc)
    return "\n".join(lines).rstrip() + "\n"


def _step_markdown(doc: StepDoc) -> list[str]:
    lines = [f"### `{doc.name}`", ""]
    for language in ("da", "en"):
        examples = [p.example for p in doc.phrasings if p.language == language]
        if examples:
            lines.append(f"{t(LANGUAGE_NAMES[language]).capitalize()}:")
            lines.append("")
            lines += ["```gherkin", *examples, "```", ""]
    if doc.table_keys:
        lines += [f"{t('Nøgler i datatabellen')}: " + ", ".join(f"`{k}`" for k in doc.table_keys),
                  ""]
    return lines


def suggest(sentence: str, context: ReadContext) -> tuple[bool, list[str]]:
    """How the library reads a sentence (with or without its keyword): the step and its
    arguments as values; or, when no step reads it, why, with the nearest steps."""
    kind, text = split_keyword(sentence)
    kinds = [kind] if kind else list(KINDS)
    # a sentence's keyword says its language ('Så', 'Then'): the nearest steps are offered
    # in it, as in a feature file of that language
    word = sentence.strip().partition(" ")[0]
    language = next((code for code, words in KEYWORDS.items() if word in words), None)
    context = replace(context, language=context.language or language)
    problems = []
    for candidate_kind in kinds:
        try:
            reading = read(candidate_kind, text, context)
        except NotRead as exc:
            problems.append(str(exc.text))
            continue
        return True, describe(reading)
    return False, list(dict.fromkeys(problems))  # read as each kind, alike for some


def describe(reading: Reading, indent: str = "") -> list[str]:
    doc = reading.doc
    lines = [f"{indent}{t(STEP_WORDS[doc.kind])} · {doc.name} "
             f"({t('som')}: {reading.phrasing.example.splitlines()[0]})"]
    for name, value in reading.arguments.items():
        if value is None:
            continue
        if isinstance(value, Reading):
            lines.append(f"{indent}  {name}:")
            lines += describe(value, indent + "    ")
        else:
            lines.append(f"{indent}  {name} = {_shown(value)}")
    return lines


def _shown(value: Any) -> str:
    if isinstance(value, Profile):
        return f"{value.meta.id} ({value.meta.title}, {value.meta.organisation})"
    if isinstance(value, CriterionRef):
        target = value.criterion.id if value.criterion else f"'{value.words}'"
        return target + (f" [{value.priority}]" if value.priority else "")
    if is_dataclass(value):
        return ", ".join(f"{f.name}={getattr(value, f.name)}" for f in fields(value))
    return repr(value)

