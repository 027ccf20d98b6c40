"""The committee's papers: `screening report` (HTML), `screening guide` (interview guide),
`screening sheet` (a blank scoring sheet) and `screening import scores` (the filled sheet)."""

from __future__ import annotations

import click

from .cli import (
    _emit,
    _profile,
    _records,
    _reports_errors,
    as_of_option,
    main,
    rules_dir_option,
    stage_option,
)
from .cli_audit import audit_db_option


def _screening(profile, candidates, stage, as_of, rules_dir):
    """The screening and the candidates' names (for the papers that name them)."""
    from .screen import screen as run

    loaded_profile = _profile(profile, rules_dir)
    records, _invalid = _records(candidates)
    names = {r.id: r.personal.name for r in records if r.personal and r.personal.name}
    return run(loaded_profile, records, stage, as_of.date() if as_of else None), names


@main.command()
@click.argument("profile")
@click.argument("candidates", nargs=-1, required=True)
@stage_option
@click.option("--run", "run_id", help="Kørslen i revisionssporet, rapporten bygger på (standard: "
                                      "den seneste, der giver netop disse resultater).")
@click.option("--out", type=click.Path(dir_okay=False), required=True,
              help="HTML-filen, der skrives (atomisk).")
@as_of_option
@rules_dir_option
@audit_db_option
@_reports_errors
def report(profile, candidates, stage, run_id, out, as_of, rules_dir, audit_db):
    """Skriv rapporten til ansættelsesudvalget som én HTML-fil.

    Profilens krav og ønsker med citater, placeringen med score og dækning, et diagram pr.
    kandidat og et, der sammenligner dem, hver kandidats kriterier med grundlag og uenige
    kilder, foreslåede knock-outs og beslutninger, det der ikke er belyst endnu, samt
    kørsel og regelfilernes hashværdier fra revisionssporet. Filen er selvstændig (intet
    hentes, når den åbnes) og udskrives med én kandidat pr. side. Den nævner kandidaterne
    ved navn og skal behandles som personoplysninger.

    \b
    Eksempel:
      screening report helsingor-direktor-2024 examples/candidates/helsingor-direktor-2024 \\
          --stage reference --out rapport.html
    """
    from .audit.store import default_path
    from .html_report import from_store, render

    screening, names = _screening(profile, candidates, stage, as_of, rules_dir)
    audit = from_store(audit_db or default_path(), screening, run_id)
    _emit(render(screening, audit, names), out)
    click.echo(out, err=True)

