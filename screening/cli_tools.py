"""Tools around the rule files and records: lint, schema, import."""

from __future__ import annotations

from pathlib import Path

import click

from .cli import _reports_errors, main


@main.command()
@click.argument("rule_files", nargs=-1, type=click.Path())
@click.option("--rules-dir", default="rules", show_default=True, envvar="SCREENING_RULES",
              help="Mappe der gennemgås, når ingen filer er givet.")
@_reports_errors
def lint(rule_files, rules_dir):
    """Find fejl og svagheder i regelfiler, som en linter: fil:linje:kolonne KODE besked.

    Ud over det, indlæsningen fanger: kriterier der aldrig eller altid er opfyldt (L101,
    L102), samme evidens scoret to gange (L201), krav med ønskeord og omvendt (L301, L302),
    ubrugte afledte fakta (L401) og brug af beskyttede oplysninger som alder, køn eller
    navn (E501). Et kriterium kan bevidst acceptere en kode med `lint_ignore: [KODE]`.
    Exit 0: intet fundet; 1: fund; 2: værktøjet kunne ikke køre.

    \b
    Eksempel:
      screening lint
      screening lint rules/helsingor-direktor-2024.yaml rules/modules/*.yaml
    """
    from .lint import lint_paths

    paths = [Path(p) for p in rule_files] or sorted(
        [*Path(rules_dir).glob("*.y*ml"), *Path(rules_dir).glob("modules/*.y*ml")])
    if not paths:
        raise click.UsageError(f"ingen regelfiler i {rules_dir}/")
    findings = lint_paths(paths)
    for finding in findings:
        click.echo(str(finding))
    errors = sum(f.is_error for f in findings)
    if findings:
        click.echo(f"Fundet {len(findings)}: {errors} fejl, {len(findings) - errors} advarsler "
                   f"i {len(paths)} fil(er).")
        raise SystemExit(1)
    click.echo(f"Ingen fund i {len(paths)} fil(er).")


@main.command()
@click.argument("kind", type=click.Choice(["candidate", "profile"]))
@click.option("--out", type=click.Path(dir_okay=False), help="Skriv skemaet til FILE.")
@_reports_errors
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

    from .output import atomic_writer
    from .schema import candidate_schema, profile_schema

    text = json.dumps(candidate_schema() if kind == "candidate" else profile_schema(),
                      ensure_ascii=False, indent=2) + "\n"
    if out is None:
        click.echo(text, nl=False)
    else:
        with atomic_writer(out) as handle:
            handle.write(text)
