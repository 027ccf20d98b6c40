"""Writing a profile: `screening trace` (does the rule file say what its text says?),
`screening new` (a draft rule file from a profile text) and `screening fields` (what a rule
may read about a candidate)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from ..i18n import decimal, language, t
from .common import echo_warning, rules_dir_option
from .help import HelpCommand, argument, option

if TYPE_CHECKING:
    from ..catalogue import ItemField
    from ..errors import Problem

KIND_WORDS = {"bullet": "punkt", "numbered": "nummereret punkt", "sentence": "sætning",
              "row": "tabelcelle"}


@click.command(cls=HelpCommand)
@argument("profile_name", metavar="RULE-FILE")
@option("--source", type=click.Path(dir_okay=False),
        help="Tjek mod denne tekst (.txt, .md, .docx, .pdf, .html) i stedet for profilens "
             "`source:`.")
@option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
        show_default=True, help="text til læsning; json til maskiner.")
@rules_dir_option
def trace(profile_name, source, fmt, rules_dir):
    """Tjek en regelfil (profil eller modul) mod teksten, den bygger på: hvert citat findes
    i teksten, og hvert udsagn i teksten, der stiller et krav, er citeret af et kriterium
    eller lagt til side med `set_aside:`.

    Et udsagn er en punktopstilling, et nummereret punkt eller en sætning i et afsnit om
    kompetencer, eller en sætning eller tabelcelle med krav- eller ønskeord (se
    screening/trace.py).
    `source:` kan være en sti i forhold til regelfilen, en hvilken som helst sti eller
    navnet på en af kildeteksterne (SCREENING_SEEDS).
    Exit 0: alt er redegjort for; 1: citater ikke fundet eller udsagn uden kriterium.

    \b
    Eksempel:
      screening trace helsingor-direktor-2024
      screening trace udkast.yaml --source profil.docx --format json
    """
    from ..display import terminal
    from ..rulefiles import find_profile, load_profile
    from ..trace import trace_profile

    profile = load_profile(find_profile(profile_name, rules_dir), allow_module=True)
    traces = trace_profile(profile, source)
    if fmt == "json":
        click.echo(terminal(json.dumps([_trace_json(tr) for tr in traces],
                                       ensure_ascii=False, indent=2)))
    else:
        for tr in traces:  # the profile text's statements are shown as it writes them
            click.echo(terminal(_trace_text(tr)), nl=False)
    if any(tr.missing_quotes or tr.uncovered for tr in traces):
        from ..errors import Reported

        raise Reported(1)


def _trace_text(tr) -> str:
    lines = [t("Kilde {document}: {path}", document=tr.document, path=tr.path)]
    found = len(tr.quotes) - len(tr.missing_quotes)
    lines.append(t("Citater fundet: {found} af {total}", found=found, total=len(tr.quotes)))
    for q in tr.quotes:
        if q.found_line is not None:
            lines.append(t("  {rule_file}:{line}:{column}: {owner}: fundet på linje {found}",
                           rule_file=q.rule_file, line=q.line, column=q.column, owner=q.owner,
                           found=q.found_line))
        else:
            lines.append(t("  {rule_file}:{line}:{column}: {owner}: citatet findes ikke i "
                           "kilden: \"{quote}\"", rule_file=q.rule_file, line=q.line,
                           column=q.column, owner=q.owner, quote=q.quote))
            if q.nearest_line is not None:
                lines.append(t("    nærmeste (linje {line}): \"{passage}\"", line=q.nearest_line,
                               passage=q.nearest))
    lines.append(t("Udsagn, der stiller krav: {total}; redegjort for: {done} ({share} %)",
                   total=len(tr.statements), done=len(tr.statements) - len(tr.uncovered),
                   share=decimal(f"{tr.coverage:.1f}")))
    for s in tr.uncovered:
        section = f" [{s.section}]" if s.section else ""
        lines.append(t("  {document}:{line}: intet kriterium og ingen set_aside ({kind}){section}"
                       ": {passage}", document=tr.document, line=s.line, kind=t(KIND_WORDS[s.kind]),
                       section=section, passage=s.shown))
    if tr.skipped:
        lines.append(t("Ikke talt med: {count} sætning(er) under overskrifter om formål, opgaver, "
                       "ansvar eller rolle, som intet kræver af personen: de beskriver stillingen, "
                       "ikke kandidaten (R10); citér en i et kriterium, hvis den skal screenes",
                       count=len(tr.skipped)))
    for s in tr.skipped:
        lines.append(t("  {document}:{line}: ikke talt med [{section}]: {passage}",
                       document=tr.document, line=s.line, section=s.section, passage=s.shown))
    return "\n".join(lines) + "\n"


def _trace_json(tr) -> dict:
    return {
        "document": tr.document, "path": tr.path,
        "quotes": [{"owner": q.owner, "quote": q.quote, "rule_file": q.rule_file,
                    "line": q.line, "column": q.column, "found_line": q.found_line,
                    "nearest": q.nearest or None,
                    "nearest_line": q.nearest_line} for q in tr.quotes],
        "statements": len(tr.statements),
        "coverage": round(tr.coverage, 1),
        "uncovered": [{"line": s.line, "kind": s.kind, "section": s.section, "text": s.shown}
                      for s in tr.uncovered],
        # not counted: prose that describes the post, not the person (R10)
        "skipped": [{"line": s.line, "kind": s.kind, "section": s.section, "text": s.shown,
                     "reason": "R10"} for s in tr.skipped],
    }


@click.command("new", cls=HelpCommand)
@argument("text", metavar="PROFILE-TEXT", type=click.Path(dir_okay=False))
@option("--out", type=click.Path(dir_okay=False),
        help="Skriv regelfilen her og et udkast til scenarier ved siden af (.feature).")
@option("--id", "profile_id", callback=lambda _ctx, _param, value: _profile_id(value),
        help="Profilens id (standard: regelfilens navn fra --out, ellers tekstfilens).")
@option("--overwrite", is_flag=True,
        help="Erstat en regelfil eller et scenarieudkast, der allerede findes.")
def new(text, out, profile_id, overwrite):
    """Skriv et udkast til en regelfil ud fra en profiltekst (.txt, .md, .docx, .pdf, .html).

    Ét kriterium pr. udsagn, der stiller krav (samme udsagn som `screening trace` tæller),
    med citatet ordret fra teksten, krav eller ønske foreslået ud fra ordlyden, og
    `when: {assessed: …}`, så udkastet kan screene med det samme. Hovedkommentaren siger,
    hvad konsulenten selv skal tage stilling til. En tabel med en kolonne, der siger krav
    eller ønske, eller med en Krav- og en Ønske-kolonne, hvor rækken er markeret med X, giver
    ét kriterium pr. række. Med --out skrives også et udkast til
    scenarier (ét pr. krav) i en .feature-fil ved siden af.

    \b
    Eksempel:
      screening new stillingsprofil.docx --out rules/greve-direktor-2025.yaml
      screening lint rules/greve-direktor-2025.yaml && screening trace greve-direktor-2025
    """
    import contextlib
    import os
    from pathlib import Path

    from ..draft import draft
    from ..errors import InputError, Problem
    from ..messages import message
    from ..output import atomic_writer

    if out is None:
        drafted = draft(text, out, profile_id)
        _warn_of_reading(drafted.warnings)
        click.echo(drafted.rule_file, nl=False)
        return
    feature = Path(out).with_suffix(".feature")
    # the scenarios are written after the rule file: neither may replace it or the text
    written = {os.path.realpath(out), os.path.realpath(feature)}
    clash = ("out_over_text" if os.path.realpath(text) in written
             else "out_is_feature" if len(written) == 1 else None)
    if clash:
        raise InputError([Problem(str(out), message(clash), code="E007")])
    # a rule file there may be hours of a consultant's edits: never replaced unasked (a
    # folder is no file --overwrite replaces: it is refused where it would be written)
    there = [] if overwrite else [path for path in (Path(out), feature)
                                  if path.exists() and not path.is_dir()]
    if there:
        raise InputError([Problem(str(path), message("file_exists"), code="E007")
                          for path in there])
    drafted = draft(text, out, profile_id or _named_as(out))
    _warn_of_reading(drafted.warnings)
    written_files = [(out, drafted.rule_file)]
    if drafted.feature is not None:
        written_files.append((feature, drafted.feature))
    # both or neither: each file is renamed into place only once every one is written
    with contextlib.ExitStack() as writing:
        for path, content in written_files:
            writing.enter_context(atomic_writer(path)).write(content)
    for path, _ in written_files:
        click.echo(t("skrev {path}", path=path), err=True)
    if drafted.feature is None:
        click.echo(t("ingen krav, så intet udkast til scenarier"), err=True)
    krav = sum(d.wording.priority == "krav" for d in drafted.criteria)
    click.echo(t("kriterier: {count} ({krav} krav); se hovedkommentaren for det, der skal "
                 "besluttes", count=len(drafted.criteria), krav=krav), err=True)


def _warn_of_reading(warnings: tuple[Problem, ...]) -> None:
    """What reading the text warned of (a web page cut short by a comment), before the draft
    of what was read."""
    for problem in warnings:
        echo_warning(problem)


def _named_as(out: str) -> str | None:
    """The id a rule file written to `out` is found by (`rules/<id>.yaml`, as profiles are
    shipped), when its name can be one: the text's own name is most often the same
    "stillingsprofil" for every post, and two drafts would claim one id (E213)."""
    import re
    from pathlib import Path

    from ..profiles import ID_PATTERN

    stem = Path(out).stem
    return stem if re.match(ID_PATTERN, stem) else None


def _profile_id(value: str | None) -> str | None:
    """--id as a rule file takes it: refused here, before a draft that cannot load is
    written."""
    import re

    from ..profiles import ID_PATTERN

    if value is not None and not re.match(ID_PATTERN, value):
        raise click.BadParameter(t("'{id}' kan ikke være en profils id: små bogstaver, tal, "
                                   "- og _ (fx greve-direktor-2025)", id=value))
    return value


VALUES_WIDTH = 60  # the allowed values' column, in characters


def _values_cell(field: ItemField, lang: str) -> str:
    """The codes a rule file writes, each with what the papers say for it where that is
    more than the code with spaces ("selvejende (selvejende institution)", "skole
    (schools)"), in lines of at most VALUES_WIDTH: wrapped between values, never inside one,
    as the table's own wrapping did ("selvejende (self-" / "governing institution)")."""
    from ..catalogue import value_label

    lines = [""]
    for value in field.values:
        words = value_label(field, value, lang)
        part = value if words == value.replace("_", " ") else f"{value} ({words})"
        if lines[-1] and len(lines[-1]) + len(part) + 3 > VALUES_WIDTH:
            lines[-1] += ","
            lines.append(part)
        else:
            lines[-1] += f", {part}" if lines[-1] else part
    return "\n".join(lines) or "–"


@click.command(cls=HelpCommand)
@option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
        show_default=True, help="table til læsning; json til maskiner.")
def fields(fmt):
    """Vis faktakataloget: de felter en regel kan læse pr. samling (positions, education,
    experience), med type, tilladte værdier og operatorer.

    \b
    Eksempel:
      screening fields
      screening fields --format json
    """
    from tabulate import tabulate

    from ..catalogue import COLLECTIONS, OPS_BY_KIND, label_of, value_label

    lang = language()
    if fmt == "json":  # the codes a rule file writes, and beside them what the papers say
        click.echo(json.dumps({c.name: [{"field": f.name, "type": f.kind,
                                         "label": label_of(f, lang),
                                         "values": list(f.values),
                                         "value_labels": {v: value_label(f, v, lang)
                                                          for v in f.values},
                                         "operators": list(OPS_BY_KIND[f.kind])}
                                        for f in c.fields.values()]
                               for c in COLLECTIONS.values()}, ensure_ascii=False, indent=2))
        return
    rows = [[c.name, f.name, f.kind, label_of(f, lang),
             _values_cell(f, lang),
             ", ".join(OPS_BY_KIND[f.kind])]
            for c in COLLECTIONS.values() for f in c.fields.values()]
    click.echo(tabulate(rows, headers=[t("Samling"), t("Felt"), t("Type"), t("Betydning"),
                                       t("Tilladte værdier"), t("Operatorer")],
                        disable_numparse=True))
