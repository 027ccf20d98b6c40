"""The `screening` command line: a thin layer over the Python API in screening.screen.

Exit codes: 0 screened; 2 bad input (rule file, candidate records, options), with a
message naming the file, line and field; 3 an internal error (the engine failed: a bug,
not your input).
"""

from __future__ import annotations

import json
import os
import sys
from functools import wraps
from importlib import metadata

import click

from .records import SOURCES

STAGE_HELP = "Brug kun evidens til og med dette stadie: " + " → ".join(SOURCES) + "."


def _versions() -> str:
    return (f"screening {metadata.version('screening')}, "
            f"durable-rules {metadata.version('durable_rules')}")


def _reports_errors(command):
    """Turn our errors into a message on stderr and the documented exit code."""
    @wraps(command)
    def wrapper(*args, **kwargs):
        from .errors import ScreeningError

        try:
            return command(*args, **kwargs)
        except ScreeningError as exc:
            for line in str(exc).splitlines():
                click.echo(f"fejl: {line}", err=True)
            sys.exit(exc.exit_code)
        except Exception as exc:  # a bug: say so briefly; SCREENING_DEBUG=1 shows the trace
            if os.environ.get("SCREENING_DEBUG"):
                raise
            click.echo(f"intern fejl: {type(exc).__name__}: {exc} (kør med SCREENING_DEBUG=1 "
                       "for detaljer)", err=True)
            sys.exit(3)
    return wrapper


def _print_versions(ctx: click.Context, _param, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(_versions())
        ctx.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=_print_versions, help="Vis versionen af screening og durable-rules.")
def main() -> None:
    """Screen kandidater til offentlige lederstillinger mod en kompetenceprofil.

    Værktøjet anbefaler; mennesker beslutter. Hver score forklares med profilens egne
    ord og den evidens, der afgjorde den.
    """


def _profile(name: str, rules_dir: str):
    from .rulefiles import find_profile, load_profile

    return load_profile(find_profile(name, rules_dir))


def _records(paths: tuple[str, ...]):
    """Valid records; invalid ones are reported on stderr and skipped."""
    from .candidates import load_records
    from .errors import RecordError

    loaded, problems = load_records(list(paths))
    if not loaded:
        raise RecordError(problems)
    for problem in problems:
        click.echo(f"fejl: {problem}", err=True)
    if problems:
        click.echo(f"advarsel: {len({p.path for p in problems})} fil(er) sprunget over; "
                   f"{len(loaded)} kandidat(er) screenes", err=True)
    return [r.record for r in loaded]


stage_option = click.option("--stage", type=click.Choice(SOURCES), default=SOURCES[-1],
                            show_default=True, help=STAGE_HELP)
as_of_option = click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]),
                            help="Dato som igangværende stillinger regnes til (standard: "
                                 "profilens dato).")
rules_dir_option = click.option("--rules-dir", default="rules", show_default=True,
                                envvar="SCREENING_RULES",
                                help="Mappe med profiler, når PROFILE er et profil-id.")


@main.command()
@click.argument("profile")
@click.argument("candidates", nargs=-1, required=True)
@stage_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="table til læsning, json til maskiner.")
@as_of_option
@rules_dir_option
@_reports_errors
def screen(profile, candidates, stage, fmt, as_of, rules_dir):
    """Screen CANDIDATES (filer eller mapper) mod PROFILE (regelfil eller profil-id).

    \b
    Eksempel:
      screening screen helsingor-direktor-2024 examples/candidates/helsingor-direktor-2024
      screening screen rules/helsingor-direktor-2024.yaml k01.yaml --stage samtale1 --format json
    """
    from . import report
    from .screen import screen as run

    loaded_profile = _profile(profile, rules_dir)
    records = _records(candidates)
    result = run(loaded_profile, records, stage, as_of.date() if as_of else None)
    if fmt == "json":
        click.echo(json.dumps(report.document(result), ensure_ascii=False, indent=2))
    else:
        click.echo(report.table(result))


@main.command()
@click.argument("profile")
@click.argument("candidates", nargs=-1, required=True)
@click.option("--id", "candidate_id", help="Kandidatens id, når CANDIDATES er flere.")
@click.option("--criterion", help="Forklar kun dette kriterium (id).")
@stage_option
@as_of_option
@rules_dir_option
@_reports_errors
def explain(profile, candidates, candidate_id, criterion, stage, as_of, rules_dir):
    """Forklar begrundelsen for én kandidat i ord, der kan bruges i en indstilling.

    \b
    Eksempel:
      screening explain helsingor-direktor-2024 examples/candidates/helsingor-direktor-2024/k02.yaml
      screening explain helsingor-direktor-2024 examples/candidates/helsingor-direktor-2024 \\
          --id k02-anders-lykke --criterion ledelse-af-ledere
    """
    from .errors import InputError, Problem
    from .explain import explain as render
    from .rulefiles import suggest
    from .screen import screen as run

    loaded_profile = _profile(profile, rules_dir)
    records = _records(candidates)
    ids = [r.id for r in records]
    if candidate_id is None:
        if len(records) > 1:
            raise InputError([Problem("--id", f"{len(records)} candidates given; name one with "
                                              f"--id ({', '.join(ids[:5])}, ...)")])
        candidate_id = ids[0]
    if candidate_id not in ids:
        raise InputError([Problem("--id", f"no candidate '{candidate_id}'"
                                          + suggest(candidate_id, ids))])
    known = [c.id for c in loaded_profile.criteria]
    if criterion is not None and criterion not in known:
        raise InputError([Problem("--criterion", f"no criterion '{criterion}' in "
                                  f"{loaded_profile.meta.id}" + suggest(criterion, known))])
    result = run(loaded_profile, records, stage, as_of.date() if as_of else None)
    click.echo(render(result, candidate_id, criterion), nl=False)


# Command families in their own modules add themselves to `main` when imported.
from . import cli_profiles  # noqa: E402, F401
