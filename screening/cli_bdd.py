"""`screening test` and `screening steps`: Danish scenarios for the profiles."""

from __future__ import annotations

import click

from .cli import _reports_errors, main

STEP_WORDS = {"given": "Givet", "when": "Når", "then": "Så"}


@main.command("test")
@click.argument("features", nargs=-1, type=click.Path())
@click.option("--check", is_flag=True,
              help="Find fejl i feature-filerne uden at køre dem.")
@click.option("--rules-dir", default="rules", show_default=True, envvar="SCREENING_RULES",
              help="Hvor profil-id'er i 'Givet profilen' slås op.")
@_reports_errors
def test_command(features, check, rules_dir):
    """Kør profilernes scenarier (Gherkin på dansk) og vis resultatet pr. scenarie.

    Uden FEATURES køres alle .feature-filer i features/. Et scenarie, der fejler, vises
    med det trin, der fejlede, og hvad der var forventet og fundet. Med --check findes
    fejl før kørslen: manglende '# language: da', ukendte nøgleord, trin uden
    trindefinition (med de nærmeste trin), pladsholdere uden kolonne i Eksempler og
    scenarienavne brugt to gange. Exit 0: alt bestået; 1: noget fejlede eller blev fundet;
    2: ingen feature-filer.

    \b
    Eksempel:
      screening test
      screening test features/helsingor-direktor-2024.feature
      screening test --check
    """
    from tabulate import tabulate

    from .bdd.check import check_file, feature_files
    from .errors import InputError, Problem

    files = feature_files(list(features) or ["features"])
    missing = [f for f in files if not f.is_file()]
    if missing or not files:
        raise InputError([Problem(str(f), "no such feature file", code="E002")
                          for f in missing] or [Problem(" ".join(features) or "features",
                                                        "no .feature files", code="E002")])
    if check:
        problems = [p for f in files for p in check_file(f)]
        for problem in problems:
            click.echo(str(problem))
        click.echo(f"Fundet {len(problems)} problem(er) i {len(files)} fil(er)."
                   if problems else f"Ingen fund i {len(files)} fil(er).")
        raise SystemExit(1 if problems else 0)
    from .bdd.runner import run_features

    results = run_features([str(f) for f in files], rules_dir)
    rows = [(r.feature, r.scenario, "bestået" if r.passed else "FEJLET", r.failing_step,
             r.message) for r in results]
    click.echo(tabulate(rows, headers=["Fil", "Scenarie", "Resultat", "Fejlende trin",
                                       "Forventet / fundet"], maxcolwidths=[30, 45, 8, 40, 60]))
    failed = sum(not r.passed for r in results)
    click.echo(f"\n{len(results) - failed} bestået, {failed} fejlet i {len(files)} fil(er).")
    if any(r.bad_input for r in results):
        raise SystemExit(2)  # a profile was refused: bad input, not a failing scenario
    raise SystemExit(1 if failed or not results else 0)


@main.command()
@_reports_errors
def steps():
    """Vis trinbiblioteket: hvert trin med en eksempellinje, klar til en feature-fil.

    \b
    Eksempel:
      screening steps
    """
    from tabulate import tabulate

    from .bdd.steps import CATALOGUE

    rows = [(STEP_WORDS[d.kind], d.example) for d in CATALOGUE]
    click.echo(tabulate(rows, headers=["Type", "Eksempel"]))
    click.echo("\n'Og' og 'Men' fortsætter typen fra linjen før. Et trin om \"kandidaten\" gælder "
               "den senest beskrevne; tilføj for \"id\" for at pege på en anden.")

