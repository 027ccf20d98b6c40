"""Tools around the rule files and records: lint, schema, import."""

from __future__ import annotations

from pathlib import Path

import click

from ..i18n import t
from .help import HelpCommand, HelpGroup, argument, option


@click.command(cls=HelpCommand)
@argument("rule_files", nargs=-1, type=click.Path())
@option("--rules-dir", default="rules", show_default=True, envvar="SCREENING_RULES",
        help="Mappe der gennemgås, når ingen filer er givet.")
def lint(rule_files, rules_dir):
    """Find fejl og svagheder i regelfiler, som en linter: fil:linje:kolonne KODE besked.

    Ud over det, indlæsningen fanger: kriterier der aldrig eller altid er opfyldt (L101,
    L102), samme evidens scoret to gange (L201), ordlyden læst som i
    docs/reading-profiles.md: krav med ønskeord og omvendt (L301, L302), krav uden et ord,
    der gør det til krav (L303), vægt uden et ord, der beder om den, eller omvendt (L304,
    L305), ubrugte afledte fakta (L401) og brug af beskyttede oplysninger som alder, køn
    eller navn (E501). Et kriterium kan bevidst acceptere en kode med en begrundelse:
    `lint_ignore: [{code: KODE, reason: "..."}]`.
    Exit 0: intet fundet; 1: fund; 2: værktøjet kunne ikke køre.

    \b
    Eksempel:
      screening lint
      screening lint rules/helsingor-direktor-2024.yaml rules/modules/*.yaml
    """
    from ..display import terminal
    from ..lint import lint_paths

    paths = [Path(p) for p in rule_files] or sorted(
        [*Path(rules_dir).glob("*.y*ml"), *Path(rules_dir).glob("modules/*.y*ml")])
    if not paths:
        raise click.UsageError(t("ingen regelfiler i {folder}/", folder=rules_dir))
    findings = lint_paths(paths)
    for finding in findings:
        click.echo(terminal(str(finding)))
    errors = sum(f.is_error for f in findings)
    if findings:
        click.echo(t("Fundet {count}: {errors} fejl, {warnings} advarsler i {files} fil(er).",
                     count=len(findings), errors=errors, warnings=len(findings) - errors,
                     files=len(paths)))
        from ..errors import Reported

        raise Reported(1)
    click.echo(t("Ingen fund i {files} fil(er).", files=len(paths)))


@click.command(cls=HelpCommand)
@argument("kind", type=click.Choice(["candidate", "profile"]))
@option("--out", type=click.Path(dir_okay=False), help="Skriv skemaet til FIL.")
def schema(kind, out):
    """Udskriv JSON Schema for kandidatposter eller regelfiler (til editorer).

    I VS Code med YAML-udvidelsen (redhat.vscode-yaml): gem skemaerne og peg på dem i
    .vscode/settings.json, se README.

    \b
    Eksempel:
      screening schema profile --out schemas/profile.schema.json
      screening schema candidate --out schemas/candidate.schema.json
    """
    import json

    from ..output import atomic_writer
    from ..schema import candidate_schema, profile_schema

    text = json.dumps(candidate_schema() if kind == "candidate" else profile_schema(),
                      ensure_ascii=False, indent=2) + "\n"
    if out is None:
        click.echo(text, nl=False)
    else:
        with atomic_writer(out) as handle:
            handle.write(text)


@click.group("import", cls=HelpGroup)
def import_group():
    """Konverter andre formater til kandidatposter.

    \b
    Eksempel:
      screening import scores scores.xlsx --into examples/candidates/helsingor-direktor-2024
      screening import jsonresume cv/mette.json --out-dir kandidater/
    """


@import_group.command("jsonresume")
@argument("files", nargs=-1, required=True, type=click.Path())
@option("--out-dir", type=click.Path(file_okay=False),
        help="Skriv én <id>.yaml pr. kandidat her (ellers til stdout).")
@option("--overwrite", is_flag=True,
        help="Tag CV'et ind i en kandidats post, der allerede ligger i --out-dir (i samme "
             "fil): det, CV'et har ændret siden sidste import (postens cv:), tages ind og "
             "meldes; det, konsulenten har rettet, bliver (har begge ændret det, meldes "
             "CV'ets nye værdi); det tilføjede (vurderinger, tal, kommentarer) bliver.")
def import_jsonresume(files, out_dir, overwrite):
    """Konverter JSON Resume-filer (jsonresume.org) til kandidatposter.

    Det, der ikke kunne overføres, og det, der er gættet (sektor, ledelsesniveau,
    uddannelsesniveau), meldes på stderr, så det kan tjekkes. Exit 2, hvis en fil ikke
    kunne konverteres.

    \b
    Eksempel:
      screening import jsonresume cv/mette.json --out-dir kandidater/
    """
    from ..candidates import load_records
    from ..display import one_line
    from ..documents import plain, read_document
    from ..errors import InputError, Problem
    from ..jsonresume import convert, new_record_text, record_of, taken_into
    from ..messages import message, os_reason
    from ..output import atomic_writer

    failed: list[Problem] = []
    documents = []
    first_with: dict[str, str] = {}  # candidate id -> the file it came from
    for name in dict.fromkeys(files):  # a file named twice (overlapping globs) is read once
        path = Path(name)
        doc, problem = read_document(path)  # bounded, located, like every record file
        if doc is None:
            assert problem is not None  # read_document gives the document or the problem
            failed.append(problem)
            continue
        result = convert(plain(doc.data), path.stem)
        for note in result.notes:  # one line each, whatever the resume's words hold
            click.echo(one_line(f"{name}: {note}"), err=True)
        if result.record is None:
            failed.extend(Problem(name, error, code="E101") for error in result.errors)
            continue
        first = first_with.setdefault(result.record.id, name)
        if first != name:  # two resumes, one id: neither may overwrite the other
            failed.append(Problem(name, message("duplicate_candidate", id=result.record.id,
                                                first=first), field="id", code="E102"))
            continue
        documents.append(result.record)
    if out_dir and documents:
        try:
            Path(out_dir).mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # under a file, a symlink loop, /proc: nothing can be written
            raise InputError([*failed, Problem(out_dir, message("cannot_write",
                                                                reason=os_reason(exc)),
                                               code="E007")]) from None
    # the records there, to find a candidate's under another id than the resume gives her
    held = load_records([out_dir])[0] if out_dir and documents else []

    for record in documents:
        if not out_dir:
            click.echo(f"---\n{new_record_text(record)}", nl=False)
            continue
        # a record there may hold what was added since (assessments): never lost unasked
        there, problem = record_of(record, Path(out_dir), held)
        if problem is not None:
            failed.append(problem)
            continue
        if there is not None and not overwrite:
            failed.append(Problem(str(there), message("record_exists"), code="E007"))
            continue
        if there is None:
            target = Path(out_dir) / f"{record.id}.yaml"
            with atomic_writer(target) as handle:
                handle.write(new_record_text(record))
            click.echo(t("skrev {path}", path=target), err=True)
            continue
        # asked, the resume is taken into the record in its own file (a new <id>.yaml
        # beside an <id>.json was the candidate twice): what the consultant added (the
        # scoring sheets' assessments, a budget, a comment) stays, see `merge`
        _, problems = load_records([there])
        if problems:
            failed.extend(problems)
            continue
        text, notes, problems = taken_into(there, record)
        for note in notes:
            click.echo(one_line(f"{there}: {note}"), err=True)
        if problems:
            failed.extend(problems)
        elif text is None:
            click.echo(t("uændret: {path}", path=there), err=True)
        else:
            with atomic_writer(there) as handle:
                handle.write(text)
            click.echo(t("skrev {path}", path=there), err=True)
    if failed:
        raise InputError(failed)
