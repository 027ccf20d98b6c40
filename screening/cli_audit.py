"""`screening audit …` and `screening decide`: the audit trail and human decisions."""

from __future__ import annotations

import json

import click

from .cli import _reports_errors, main
from .display import one_line, terminal
from .errors import shown

audit_db_option = click.option(
    "--audit-db", type=click.Path(dir_okay=False), envvar="SCREENING_AUDIT_DB",
    help="Revisionssporets SQLite-fil (standard: ~/.local/share/screening/audit.db).")


def _store(audit_db):
    from .audit.store import AuditStore, default_path

    return AuditStore(audit_db or default_path(), create=False)


@main.group()
def audit():
    """Revisionssporet: hver screening og hver menneskelig beslutning, hash-kædet.

    \b
    Eksempel:
      screening audit list
      screening audit show 20261125T101500-a1b2c3 --candidate k02-anders-lykke
      screening audit verify
    """


@audit.command("list")
@audit_db_option
@_reports_errors
def list_runs(audit_db):
    """Vis kørslerne: hvornår, hvem, profil, stadie, antal og beslutninger.

    \b
    Eksempel:
      screening audit list
    """
    from tabulate import tabulate

    store = _store(audit_db)
    rows = [(r["run"], r["created"], r["operator"], f"{r['profile']['id']} "
             f"v{r['profile']['version']}", r["stage"], r["summary"]["screened"],
             r["summary"]["knocked_out"], r["decisions"]) for r in store.runs()]
    click.echo(terminal(tabulate(rows, headers=["Kørsel", "Tidspunkt", "Af", "Profil",
                                                "Stadie", "Screenet", "Knock-out",
                                                "Beslutninger"])))


@audit.command()
@click.argument("run")
@click.option("--candidate", help="Vis én kandidats kriterier og beslutninger.")
@audit_db_option
@_reports_errors
def show(run, candidate, audit_db):
    """Vis en kørsel, eller én kandidat i den.

    \b
    Eksempel:
      screening audit show 20261125T101500-a1b2c3
      screening audit show 20261125T101500-a1b2c3 --candidate k04-jonas-vestergaard
    """
    from tabulate import tabulate

    store = _store(audit_db)
    meta = store.run(run)
    p = meta["profile"]
    click.echo(terminal(f"Kørsel {run}: {meta['created']} af {meta['operator']}; {p['id']} "
               f"v{p['version']} (sha256 {p['sha256'][:12]}); stadie {meta['stage']}, dato "
               f"{meta['as_of']}; screening {meta['tool']['screening']}, durable-rules "
               f"{meta['tool']['durable_rules']}"))
    if candidate is None:
        rows = [(r["rank"], r["id"], r["score"], r["coverage"], r["recommendation"],
                 ", ".join(r["knockouts"]) or "–", len(store.decisions(run, r["id"])))
                for r in store.results(run)]
        click.echo(terminal(tabulate(rows, headers=["Nr.", "Kandidat", "Score", "Dækning",
                                                    "Anbefaling", "Foreslåede knock-outs",
                                                    "Beslutninger"])))
        return
    from .audit.export import begrundelse, markdown

    click.echo(markdown(begrundelse(store, run, candidate)))


@audit.command()
@audit_db_option
@_reports_errors
def verify(audit_db):
    """Kontrollér hash-kæden: ændrede, slettede eller omrokerede poster findes og nævnes.

    Exit 0: kæden er hel; 1: brud fundet. Gem den viste hoved-hash et andet sted, så også
    en afkortet kæde kan opdages.

    \b
    Eksempel:
      screening audit verify
    """
    store = _store(audit_db)
    problems = store.verify()
    for problem in problems:
        click.echo(f"brud: {shown(problem)}")
    head = store.head()
    if problems:
        click.echo(f"Kæden er brudt: {len(problems)} fund.")
        raise SystemExit(1)
    click.echo(f"Kæden er hel: {head[0] if head else 0} poster, hoved {head[1] if head else '-'}")


@audit.command()
@click.argument("run")
@click.option("--rules", "rules", help="Genscreen med de nuværende regler (profil-id eller "
                                       "regelfil) i stedet for de gemte.")
@click.option("--rules-dir", default="rules", show_default=True, envvar="SCREENING_RULES")
@audit_db_option
@_reports_errors
def replay(run, rules, rules_dir, audit_db):
    """Genscreen en kørsel med de gemte input og regler og vis enhver forskel.

    Med --rules bruges de nuværende regelfiler: sådan ses virkningen af en regelændring pr.
    kandidat og kriterium. Exit 0: ingen forskel; 1: forskelle.

    \b
    Eksempel:
      screening audit replay 20261125T101500-a1b2c3
      screening audit replay 20261125T101500-a1b2c3 --rules helsingor-direktor-2024
    """
    from tabulate import tabulate

    from .audit.replay import replay as run_replay
    from .rulefiles import find_profile, load_profile

    store = _store(audit_db)
    profile = load_profile(find_profile(rules, rules_dir)) if rules else None
    changes = run_replay(store, run, profile)
    if not changes:
        click.echo("Ingen forskelle: samme resultat for alle kandidater og kriterier.")
        return
    click.echo(tabulate([(c.candidate, c.criterion or "–", c.what, _show(c.before),
                          _show(c.after)) for c in changes],
                        headers=["Kandidat", "Kriterium", "Hvad", "Før", "Nu"]))
    raise SystemExit(1)


def _show(value) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)


@audit.command()
@click.argument("run")
@click.option("--candidate", required=True)
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown",
              show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Skriv til FILE (atomisk).")
@audit_db_option
@_reports_errors
def export(run, candidate, fmt, out, audit_db):
    """Begrundelsen for én kandidat: kriterier, status, profilens ord, grundlag og beslutninger.

    Indeholder kun den kandidats data (til partsaktindsigt).

    \b
    Eksempel:
      screening audit export 20261125T101500-a1b2c3 --candidate k02-anders-lykke --out k02.md
    """
    from .audit.export import begrundelse, markdown
    from .cli import _emit

    doc = begrundelse(_store(audit_db), run, candidate)
    _emit(markdown(doc) if fmt == "markdown" else json.dumps(doc, ensure_ascii=False, indent=2),
          out)


@audit.command()
@click.argument("candidate")
@click.option("--operator", help="Hvem der sletter (standard: brugernavnet).")
@audit_db_option
@_reports_errors
def erase(candidate, operator, audit_db):
    """Slet en kandidats personoplysninger (navn, kontakt) fra alle kørsler.

    Resultaterne og kæden bevares og kan stadig verificeres; sletningen noteres i kæden.

    \b
    Eksempel:
      screening audit erase k02-anders-lykke
    """
    from .audit.store import operator as os_operator

    gone = _store(audit_db).erase(candidate, operator or os_operator())
    click.echo(f"Personoplysninger om {candidate} slettet fra {gone} kørsel(er).")


@main.command()
@click.argument("run")
@click.argument("candidate")
@click.option("--confirm", "decision", flag_value="confirm",
              help="Bekræft den foreslåede knock-out eller anbefaling.")
@click.option("--override", "decision", flag_value="override",
              help="Underkend den (kræver --reason).")
@click.option("--reason", help="Begrundelsen; påkrævet ved --override.")
@click.option("--operator", help="Hvem der beslutter (standard: brugernavnet).")
@audit_db_option
@_reports_errors
def decide(run, candidate, decision, reason, operator, audit_db):
    """Registrér en menneskelig beslutning om en kandidat i en kørsel.

    En foreslået knock-out (eller, uden knock-out, anbefalingen) bekræftes eller
    underkendes; hvem og hvorfor gemmes i revisionssporet. Underkendelse uden begrundelse
    afvises.

    \b
    Eksempel:
      screening decide 20261125T101500-a1b2c3 k04-jonas-vestergaard --confirm
      screening decide 20261125T101500-a1b2c3 k03-sofie-brandt --override \\
          --reason "Kommunal indsigt vurderet i 2. samtale"
    """
    from .audit.store import operator as os_operator

    if decision is None:
        raise click.UsageError("vælg --confirm eller --override")
    if decision == "override" and not one_line(reason or ""):  # a zero-width space is blank
        raise click.UsageError("--override kræver --reason: en underkendelse skal begrundes")
    store = _store(audit_db)
    seq = store.decide(run, candidate, decision, reason, operator or os_operator())
    click.echo(f"Beslutning registreret (post {seq}).")
