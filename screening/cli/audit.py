"""`screening audit …` and `screening decide`: the audit trail and human decisions."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..display import one_line, terminal
from ..i18n import moment, t
from ..vocabulary import STAGES, label
from .common import audit_db_option, check_out, check_run, emit
from .help import HelpCommand, HelpGroup, argument, option


def _store(audit_db, read_only: bool = True):
    from ..audit import default_path
    from ..audit.store import AuditStore

    return AuditStore(audit_db or default_path(), create=False, read_only=read_only)


@click.group(cls=HelpGroup)
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
def list_runs(audit_db):
    """Vis kørslerne: hvornår, hvem, med hvilken kommando, profil, stadie, antal og
    kandidater besluttet om.

    \b
    Eksempel:
      screening audit list
    """
    from tabulate import tabulate

    from ..audit.store import command_of

    store = _store(audit_db)
    rows = [(r["run"], moment(r["created"]), r["operator"], command_of(r), f"{r['profile']['id']} "
             f"v{r['profile']['version']}", label(STAGES, r["stage"]), r["summary"]["screened"],
             r["summary"]["knocked_out"], r["decisions"]) for r in store.runs()]
    click.echo(terminal(tabulate(rows, headers=[t(h) for h in [
        "Kørsel", "Tidspunkt", "Af", "Kommando", "Profil", "Stadie", "Screenet",
        "Foreslået knock-out", "Besluttet"]])))


@audit.command()
@argument("run")
@option("--candidate", help="Vis én kandidats kriterier og beslutninger.")
@audit_db_option
def show(run, candidate, audit_db):
    """Vis en kørsel, eller én kandidat i den.

    \b
    Eksempel:
      screening audit show 20261125T101500-a1b2c3
      screening audit show 20261125T101500-a1b2c3 --candidate k04-jonas-vestergaard
    """
    from tabulate import tabulate

    from ..assessments import CODE
    from ..audit.store import command_of
    from ..errors import Problem
    from ..messages import from_data

    store = _store(audit_db)
    meta = store.run(run)
    p = meta["profile"]
    click.echo(terminal(t(
        "Kørsel {run}: {created} af {operator} med {command}; {profile} v{version} (sha256 "
        "{sha256}); stadie {stage}, dato {as_of}; screening {screening}, durable-rules "
        "{durable_rules}",
        run=run, created=moment(meta["created"]), operator=meta["operator"],
        command=command_of(meta), profile=p["id"],
        version=p["version"], sha256=p["sha256"][:12], stage=label(STAGES, meta["stage"]),
        as_of=meta["as_of"], screening=meta["tool"]["screening"],
        durable_rules=meta["tool"]["durable_rules"])))
    for unknown in meta["summary"].get("unknown_assessments", []):
        problem = Problem(unknown["source"], from_data(unknown.get("text"), unknown["message"]),
                          unknown["line"], unknown["column"], unknown["field"], CODE)
        click.echo(f"{t('advarsel')}: " + terminal(str(problem)))
    if candidate is None:
        from ..audit.decisions import decided
        from ..audit.export import (
            knockout_texts,
            recommendation_text,
            score_range_text,
            stored_bands,
        )
        from ..report import number_text

        bands = stored_bands(store, meta)
        # what a person decided on this evidence (in this run or another), or else on other
        # evidence, marked: as screen's table shows it
        stands = store.run_decisions_shown(run)
        rows = [(r["rank"], r["id"], score_range_text(r), f"{number_text(r['coverage'])} %",
                 recommendation_text(r, bands),
                 ", ".join(knockout_texts(r)) or "–",
                 decided(stands[r["id"]]) if r["id"] in stands else "–")
                for r in store.results(run)]
        click.echo(terminal(tabulate(rows, headers=[t(h) for h in [
            "Nr.", "Kandidat", "Score (sikret–mulig)", "Dækning", "Anbefaling",
            "Foreslåede knock-outs", "Besluttet"]], disable_numparse=True)))
        return
    from ..audit.export import begrundelse, markdown, plain, readable_profile, stored_record

    # read here, not handed on: what people typed as written, without the backslashes that
    # keep an exported file's Markdown from reading it as markup
    click.echo(terminal(markdown(begrundelse(store, run, candidate), plain,
                                 readable_profile(store, meta),
                                 stored_record(store, run, candidate))))


@audit.command()
@audit_db_option
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
        click.echo(f"{t('brud')}: {problem}")
    head = store.head()
    if problems:
        click.echo(t("Kæden er brudt: {count} fund.", count=len(problems)))
        from ..errors import Reported

        raise Reported(1)
    click.echo(t("Kæden er hel: {entries} poster, hoved {head}", entries=head[0] if head else 0,
                 head=head[1] if head else "-"))


@audit.command()
@argument("run")
@option("--rules", "rules", help="Genscreen med de nuværende regler (profil-id eller "
                                 "regelfil) i stedet for de gemte.")
@option("--rules-dir", default="rules", show_default=True, envvar="SCREENING_RULES",
        help="Mappe med profiler, når --rules er et profil-id.")
@audit_db_option
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

    from ..audit.export import stored_bands
    from ..audit.replay import band_labels
    from ..audit.replay import replay as run_replay
    from ..rulefiles import find_profile, load_profile

    store = _store(audit_db)
    profile = load_profile(find_profile(rules, rules_dir)) if rules else None
    if profile is not None:
        check_run(profile, run, audit_db)  # today's rules of the run's own profile
    changes = run_replay(store, run, profile)
    if not changes:
        click.echo(t("Ingen forskelle: samme resultat for alle kandidater og kriterier."))
        return
    before = stored_bands(store, store.run(run))  # a band is shown by its profile's label
    after = before if profile is None else band_labels(profile)
    click.echo(tabulate([(c.candidate, c.criterion or "–", t(_WHAT[c.what]),
                          _show(c.what, c.before, before), _show(c.what, c.after, after))
                         for c in changes],
                        headers=[t(h) for h in ["Kandidat", "Kriterium", "Hvad", "Før", "Nu"]],
                        disable_numparse=True))
    from ..errors import Reported

    raise Reported(1)


# what a replay compares (audit.replay.Change.what), named as the other views name it
_WHAT = {"rank": "Nr.", "recommendation": "Anbefaling", "knockouts": "Foreslåede knock-outs",
         "score": "Score", "possible": "Muligt", "coverage": "Dækning", "status": "Status",
         "points": "Point", "criterion": "Kriterium", "candidate": "Kandidat"}


def _show(what: str, value, bands: dict[str, str]) -> str:
    """A compared value in the chosen language: statuses and recommendations by their labels
    (a profile's band by its label in `bands`), scores, points and coverage as the tables
    and explain write them,
    other figures in the language's notation, whether a criterion or candidate is there at
    all in words."""
    from ..report import number_text
    from ..vocabulary import BANDS, STATUSES
    from ..wording import value_text

    if value is None or value == []:
        return "–"
    if what == "status":
        return label(STATUSES, value)
    if what == "recommendation":
        return bands.get(value) or label(BANDS, value)
    if what in ("score", "possible", "points"):
        return number_text(value)
    if what == "coverage":
        return f"{number_text(value)} %"
    if isinstance(value, bool):
        return t("findes") if value else t("findes ikke")
    if isinstance(value, list):
        return ", ".join(value)
    return value_text(value)


@audit.command()
@argument("run")
@option("--candidate", required=True, help="Kandidatens id.")
@option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown",
        show_default=True, help="markdown til læsning; json til maskiner.")
@option("--out", type=click.Path(dir_okay=False), help="Skriv til FIL (atomisk).")
@audit_db_option
def export(run, candidate, fmt, out, audit_db):
    """Begrundelsen for én kandidat: kriterier, status, profilens ord, grundlag og beslutninger.

    Indeholder kun den kandidats data (til partsaktindsigt).

    \b
    Eksempel:
      screening audit export 20261125T101500-a1b2c3 --candidate k02-anders-lykke --out k02.md
    """
    from ..audit.export import begrundelse, markdown, readable_profile, stored_record

    check_out(out, audit_db=audit_db, store=True)
    store = _store(audit_db)
    doc = begrundelse(store, run, candidate)
    emit(markdown(doc, profile=readable_profile(store, store.run(run)),
                  record=stored_record(store, run, candidate)) if fmt == "markdown"
         else json.dumps(doc, ensure_ascii=False, indent=2), out)


@audit.command()
@argument("candidate")
@option("--operator", help="Hvem der sletter (standard: brugernavnet).")
@audit_db_option
def erase(candidate, operator, audit_db):
    """Slet en kandidats personoplysninger (navn, kontakt) fra alle kørsler.

    Resultaterne og kæden bevares og kan stadig verificeres; sletningen noteres i kæden.

    \b
    Eksempel:
      screening audit erase k02-anders-lykke
    """
    from ..audit import default_path
    from ..audit.store import erase_personal

    gone = erase_personal(Path(audit_db or default_path()), candidate, operator)
    click.echo(t("Personoplysninger om {candidate} slettet fra {count} kørsel(er).",
                 candidate=candidate, count=gone))


OS_USER = "\0os-user"  # `--operator` given without a name: the person chose the OS user name

decision_flags = [
    ("--confirm", "confirm", "Bekræft den foreslåede knock-out: kandidaten går ikke videre."),
    ("--override", "override", "Underkend den foreslåede knock-out: kandidaten går videre."),
    ("--advance", "advance", "Kandidaten uden foreslået knock-out går videre."),
    ("--stop", "stop", "Kandidaten uden foreslået knock-out går ikke videre."),
]


def _decision_options(command):
    for flag, name, text in reversed(decision_flags):
        command = option(flag, name, is_flag=True, help=text)(command)
    return command


def named_operator(operator: str | None) -> str:
    """The person deciding: named with --operator or SCREENING_OPERATOR; the OS user name only
    when asked for with a bare `--operator`. Nobody named is a usage error (exit 2)."""
    from ..audit.store import operator as os_operator

    if operator == OS_USER:
        return os_operator()
    if operator is None or not one_line(operator):  # a bell or zero-width space names nobody
        raise click.UsageError(t("en beslutning kræver en navngiven person: --operator NAVN "
                                 "(eller SCREENING_OPERATOR; --operator alene bruger "
                                 "brugernavnet)"))
    return one_line(operator)


@click.command(cls=HelpCommand)
@argument("run")
@argument("candidate")
@_decision_options
@option("--reason", help="Begrundelsen (påkrævet: forvaltningsloven §§ 22-24).")
@option("--supersede", is_flag=True,
        help="Erstat en stående beslutning med det modsatte udfald (kræver --reason).")
@option("--operator", is_flag=False, flag_value=OS_USER, envvar="SCREENING_OPERATOR",
        help="Hvem der beslutter (påkrævet; eller SCREENING_OPERATOR; --operator uden "
             "navn bruger brugernavnet).")
@audit_db_option
def decide(run, candidate, confirm, override, advance, stop, reason, supersede, operator,
           audit_db):
    """Registrér en menneskelig beslutning om en kandidat i en kørsel.

    En foreslået knock-out bekræftes (--confirm: går ikke videre) eller underkendes
    (--override: går videre); om en kandidat uden foreslået knock-out besluttes --advance
    (går videre) eller --stop (går ikke videre). Hver beslutning kræver en navngiven person
    og en begrundelse. Den seneste beslutning står; en beslutning med det modsatte udfald
    kræver --supersede. Beslutningen vises, hvor kandidaten optræder: screen, explain,
    shortlist, guide, sheet, report og audit show/export.

    \b
    Eksempel:
      screening decide 20261125T101500-a1b2c3 k04-jonas-vestergaard --confirm \\
          --operator "Formand" --reason "Har ikke ledet ledere"
      screening decide 20261125T101500-a1b2c3 k02-anders-lykke --advance --operator Formand \\
          --reason "Stærkest på ledelse gennem andre i 2. samtale"
    """
    from ..audit.decisions import DecisionRefused
    from ..errors import InputError, Problem
    from ..vocabulary import OUTCOMES, label

    chosen = [name for name, given in (("confirm", confirm), ("override", override),
                                       ("advance", advance), ("stop", stop)) if given]
    if len(chosen) != 1:
        raise click.UsageError(t("vælg netop én af --confirm, --override, --advance og --stop"))
    if not one_line(reason or ""):  # a zero-width space is blank too
        raise click.UsageError(t("en beslutning kræver --reason: den skal begrundes "
                                 "(forvaltningsloven §§ 22-24)"))
    by = named_operator(operator)
    store = _store(audit_db, read_only=False)
    try:
        decided = store.decide(run, candidate, chosen[0], one_line(reason), by, supersede)
    except DecisionRefused as exc:
        raise InputError([Problem(f"{run} {candidate}", exc.text, code="E402")]) from None
    click.echo(t("Beslutning registreret (post {seq}): {candidate} {outcome}.",
                 seq=decided.seq, candidate=candidate, outcome=label(OUTCOMES, decided.outcome)))
