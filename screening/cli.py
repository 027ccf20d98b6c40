"""The `screening` command line: a thin layer over the Python API in screening.screen.

Exit codes: 0 screened; 2 bad input (rule file, candidate records, options), with a
message naming the file, line and field, or a bad audit store (read-only, full disk,
damaged: named, never a traceback); 3 an internal error (the engine failed: a bug,
not your input).
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import wraps
from typing import TYPE_CHECKING

import click

from .i18n import LANGUAGES, set_language, t
from .stages import SOURCES

if TYPE_CHECKING:  # for annotations only: the command line starts fast
    from .parallel import Chunk

STAGE_HELP = "Brug kun evidens til og med dette stadie: " + " → ".join(SOURCES) + "."


def _versions() -> str:
    from importlib import metadata

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
                click.echo(f"{t('fejl')}: {line}", err=True)
            sys.exit(exc.exit_code)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # click reports these itself (usage errors exit 2)
        except sqlite3.Error as exc:  # the audit store's file or disk: a bad store, exit 2
            from .audit.store import store_fault

            click.echo(f"{t('fejl')}: {store_fault(exc)}", err=True)
            sys.exit(2)
        except BrokenPipeError:  # the reader went away (`| head`): stop quietly, like git
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # so the exit flush does not fail again
            sys.exit(0)
        except Exception as exc:  # a bug: say so briefly; SCREENING_DEBUG=1 shows the trace
            if os.environ.get("SCREENING_DEBUG"):
                raise
            click.echo(f"{t('intern fejl')}: {type(exc).__name__}: {exc} (SCREENING_DEBUG=1)",
                       err=True)
            sys.exit(3)
    return wrapper


def _print_versions(ctx: click.Context, _param, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(_versions())
        ctx.exit()


def _choose_language(_ctx: click.Context, _param, value: str | None) -> str | None:
    set_language(value)
    return value


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=_print_versions, help="Vis versionen af screening og durable-rules.")
@click.option("--lang", type=click.Choice(LANGUAGES), expose_value=False, is_eager=True,
              callback=_choose_language,
              help="Sprog for etiketter, statusser og meddelelser (standard: da, eller "
                   "SCREENING_LANG). Profilernes tekst vises som skrevet.")
def main() -> None:
    """Screen kandidater til offentlige lederstillinger mod en kompetenceprofil.

    Værktøjet anbefaler; mennesker beslutter. Hver score forklares med profilens egne
    ord og den evidens, der afgjorde den.
    """


def _profile(name: str, rules_dir: str):
    """The profile to screen with; refused (exit 2) when it reads a protected attribute."""
    from .protected import refuse
    from .rulefiles import find_profile, load_profile

    profile = load_profile(find_profile(name, rules_dir))
    refuse(profile)
    return profile


def _records(paths: tuple[str, ...]):
    """Valid records and how many files were invalid (reported on stderr and skipped)."""
    loaded, invalid = _loaded_records(paths)
    return [r.record for r in loaded], invalid


def _loaded_records(paths: tuple[str, ...]):
    """Valid records as loaded (with where from and their sha256), and how many files were
    invalid (reported on stderr and skipped)."""
    from .candidates import load_records
    from .errors import RecordError

    loaded, problems = load_records(list(paths))
    if not loaded:
        raise RecordError(problems)
    for problem in problems:
        click.echo(f"{t('fejl')}: {problem}", err=True)
    invalid = len({p.path for p in problems})
    if invalid:
        click.echo(f"{t('advarsel')}: " + t("{count} fil(er) sprunget over; {valid} "
                                           "kandidat(er) screenes", count=invalid,
                                           valid=len(loaded)), err=True)
    return loaded, invalid


def _standing_decisions(profile, stage: str, as_of, inputs: dict[str, str], run: str | None,
                        audit_db: str | None) -> dict:
    """Standing decisions to show: those of RUN, or else the latest a person made on the same
    profile, stage, date and record (by sha256) in any run of the audit store."""
    from .audit.store import AuditStore, default_path
    from .errors import InputError, Problem
    from .messages import message

    path = audit_db or default_path()
    if run is None and not os.path.exists(path):
        return {}
    store = AuditStore(path, create=False)
    try:
        if run is None:
            return store.standing_for_inputs(profile.sha256, stage,
                                             (as_of or profile.meta.date).isoformat(), inputs)
        stored = store.run(run)["profile"]["id"]
        if stored != profile.meta.id:
            raise InputError([Problem("--run", message(
                "run_of_other_profile", run=run, stored=stored, profile=profile.meta.id),
                code="E402")])
        return store.standing(run)
    finally:
        store.close()


def _warn_unknown_assessments(profile, loaded, strict: bool) -> list:
    """Assessments of competencies the profile does not declare: warnings on stderr, or
    with `strict` an error (exit 2)."""
    from .assessments import unknown_assessments
    from .errors import RecordError

    found = [p for r in loaded for p in unknown_assessments(profile, r.record, r.path)]
    if found and strict:
        raise RecordError(found)
    for problem in found:
        click.echo(f"{t('advarsel')}: {problem}", err=True)
    return found


strict_option = click.option("--strict", is_flag=True,
                             help="En vurdering af en kompetence, profilen ikke kender, er en "
                                  "fejl (exit 2) i stedet for en advarsel.")
run_option = click.option("--run", "run_id",
                          help="Vis de stående beslutninger fra denne kørsel (standard: den "
                               "seneste beslutning på samme profil, stadie og post).")
audit_db_option = click.option("--audit-db", type=click.Path(dir_okay=False),
                               envvar="SCREENING_AUDIT_DB",
                               help="Revisionssporets SQLite-fil (standard: "
                                    "~/.local/share/screening/audit.db).")


stage_option = click.option("--stage", type=click.Choice(SOURCES), default=SOURCES[-1],
                            show_default=True, help=STAGE_HELP)
as_of_option = click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]),
                            help="Dato som igangværende stillinger regnes til (standard: "
                                 "profilens dato).")
rules_dir_option = click.option("--rules-dir", default="rules", show_default=True,
                                envvar="SCREENING_RULES",
                                help="Mappe med profiler, når PROFILE er et profil-id.")


FORMATS = ("table", "json", "jsonl", "csv", "markdown", "xlsx")


@main.command()
@click.argument("profile")
@click.argument("candidates", nargs=-1, required=True)
@stage_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
              show_default=True,
              help="table/markdown til læsning; json, csv til maskiner; jsonl skrives løbende, "
                   "én kandidat pr. linje i inputrækkefølge (uden placering); xlsx et "
                   "regneark med placering og kriterier (kræver --out).")
@click.option("--out", type=click.Path(dir_okay=False),
              help="Skriv til FILE (atomisk: filen er enten den gamle eller hele den nye).")
@click.option("--top", type=click.IntRange(min=1), help="Vis kun de N bedst placerede.")
@click.option("--detail", type=click.Choice(["candidates", "criteria"]), default="candidates",
              show_default=True, help="csv: én række pr. kandidat, eller pr. kandidat og "
                                      "kriterium.")
@click.option("--decimal", type=click.Choice(["dot", "comma"]), default="dot",
              show_default=True, help="csv: decimaltegnet; comma skriver også ; mellem "
                                      "felterne, som dansk Excel læser det.")
@click.option("--only-knockouts", is_flag=True, help="Vis kun kandidater med foreslået knock-out.")
@click.option("--hide-knockouts", is_flag=True, help="Skjul kandidater med foreslået knock-out.")
@click.option("--workers", type=click.IntRange(min=1),
              help="Antal processer (standard: alle kerner ved store input, ellers 1).")
@as_of_option
@rules_dir_option
@click.option("--audit-db", type=click.Path(dir_okay=False), envvar="SCREENING_AUDIT_DB",
              help="Revisionssporets SQLite-fil (standard: ~/.local/share/screening/audit.db).")
@click.option("--no-audit", is_flag=True,
              help="Gem ikke kørslen i revisionssporet (fx ved genscreening af en talentpulje).")
@click.option("--operator", help="Hvem der screener (standard: brugernavnet).")
@run_option
@strict_option
@_reports_errors
def screen(profile, candidates, stage, fmt, out, top, detail, decimal, only_knockouts,
           hide_knockouts, workers, as_of, rules_dir, audit_db, no_audit, operator, run_id,
           strict):
    """Screen CANDIDATES (filer, mapper eller .jsonl) mod PROFILE (regelfil eller profil-id).

    Ugyldige kandidatposter meldes med fil, linje og felt og springes over; kørslen
    fortsætter med de gyldige. Exit 0: screenet; 2: intet kunne screenes eller fejl i input.

    \b
    Eksempel:
      screening screen helsingor-direktor-2024 examples/candidates/helsingor-direktor-2024
      screening screen rules/helsingor-direktor-2024.yaml k01.yaml --stage samtale1 --format json
      screening screen helsingor-direktor-2024 talentpulje.jsonl --format jsonl --out ud.jsonl
    """
    import gc
    from dataclasses import replace
    from functools import partial

    from . import report, sheets
    from .audit.recording import Spool, record_run
    from .audit.store import default_path, store_fault
    from .candidates import DuplicateIds, iter_inputs
    from .errors import InputError, Problem
    from .messages import message
    from .output import write_bytes
    from .parallel import Job, auto_workers, screen_many
    from .protected import refuse as refuse_protected
    from .results import Screening
    from .rulefiles import find_profile, load_profile
    from .screen import rank

    # as in screen.screen: results pile up until ranked, and hold no reference cycles
    gc.set_threshold(100_000, 50, 100)
    if only_knockouts and hide_knockouts:
        raise click.UsageError("--only-knockouts og --hide-knockouts udelukker hinanden")
    if fmt == "xlsx" and out is None:
        raise click.UsageError("--format xlsx skriver et regneark og kræver --out FILE")
    if fmt != "csv" and (detail, decimal) != ("candidates", "dot"):
        raise click.UsageError("--detail og --decimal gælder kun --format csv")
    if top and fmt == "jsonl":
        raise click.UsageError("--top kræver en placering; jsonl skrives løbende uden; brug "
                               "json eller csv")
    profile_path = find_profile(profile, rules_dir)
    loaded_profile = load_profile(profile_path)
    refuse_protected(loaded_profile)
    as_of_date = as_of.date() if as_of else None
    render = partial(report.jsonl_line, loaded_profile.meta.id, stage) \
        if fmt == "jsonl" else None
    job = Job(str(profile_path), stage, as_of_date, render, audit=not no_audit, strict=strict)
    audited = Spool() if job.audit else None  # (input, result) of every candidate
    problems: list[Problem] = []
    inputs = iter_inputs(list(candidates), problems)
    chunks = screen_many(loaded_profile, job, inputs, workers or auto_workers(candidates))
    counts = _Counts(strict)

    def keep(result) -> bool:
        return not (only_knockouts and not result.knockouts) and \
            not (hide_knockouts and result.knockouts)

    def accepted(chunk):
        """Results of a chunk, minus duplicates; problems reported as they come."""
        for problem in [*problems, *chunk.problems]:
            counts.problem(problem)
        for warning in chunk.warnings:
            counts.warning(warning)
        counts.invalid += len(problems) + chunk.invalid  # path problems: one input each
        problems.clear()
        for n, (result, source) in enumerate(zip(chunk.results, chunk.sources, strict=True)):
            duplicate = duplicates.problem_for(result.id, source)
            if duplicate:
                counts.problem(duplicate)
                counts.invalid += 1
                continue
            counts.screened(result)
            if audited is not None:
                audited.add(chunk.inputs[n], chunk.rendered[n] if chunk.rendered else None)
            yield n, result

    duplicates = DuplicateIds()
    if fmt == "jsonl":
        with _output(out) as handle:
            for chunk in chunks:
                for n, result in accepted(chunk):
                    if keep(result):
                        handle.write(chunk.rendered[n] + "\n")
    else:
        results = [result for chunk in _with_progress(chunks)
                   for _, result in accepted(chunk)]
        as_of_date = as_of_date or loaded_profile.meta.date
        screening = Screening(loaded_profile, stage, as_of_date, tuple(rank(results)))
        kept = [r for r in screening.results if keep(r)]
        shown = replace(screening, results=tuple(kept[:top] if top else kept))
        render_all: dict[str, Callable[[Screening], str]] = {
            "table": report.table, "markdown": report.markdown,
            "csv": partial(sheets.csv_for, detail=detail, decimal=decimal),
            "json": lambda s: json.dumps(report.document(s), ensure_ascii=False, indent=2)}
        if results and fmt == "xlsx":
            write_bytes(out, sheets.screening_workbook(shown))
        elif results:  # nothing valid: the problems and the summary say it all
            _emit(render_all[fmt](shown), out)
    for problem in problems:
        counts.problem(problem)
    counts.invalid += len(problems)
    if audited is not None and counts.total:
        if fmt == "jsonl":  # results streamed: read back from the spool
            pairs = audited.pairs()
        else:  # ranked results, all in memory already
            by_candidate = audited.inputs()
            pairs = ((by_candidate[r.id], report.candidate(r)) for r in screening.results)
        summary = {"screened": counts.total, "knocked_out": counts.knocked_out,
                   "too_little_evidence": counts.unassessed, "invalid": counts.invalid,
                   "unknown_assessments": counts.unknown}
        store = audit_db or default_path()
        try:
            recorded = record_run(store, loaded_profile, profile_path, stage,
                                  as_of_date or loaded_profile.meta.date, operator, summary,
                                  pairs)
        except sqlite3.Error as exc:  # say plainly that the results shown were not recorded
            raise InputError([Problem(str(store), message("not_recorded", reason=store_fault(exc)),
                                      code="E402")]) from None
        click.echo(t("Revisionsspor: kørsel {run} i {path}", run=recorded, path=store), err=True)
    if run_id or (audited is not None and fmt != "jsonl" and counts.total):
        # a talent pool streamed as JSON Lines is not held in memory to look decisions up
        hashes = {} if run_id or audited is None else {
            c: i.sha256 for c, i in audited.inputs().items()}
        decisions = _standing_decisions(loaded_profile, stage, as_of_date, hashes, run_id,
                                        audit_db)
        if fmt != "jsonl":
            decisions = {r.id: decisions[r.id] for r in screening.results if r.id in decisions}
        _echo_decisions(decisions, run_id)
    counts.finish()


def _echo_decisions(decisions: dict, run_id: str | None) -> None:
    """The standing decisions of people, on stderr beside the run summary."""
    from .audit.decisions import describe

    if not decisions:
        return
    source = t("kørsel {run}", run=run_id) if run_id else \
        t("seneste på samme profil, stadie og post")
    click.echo(t("Stående beslutninger ({source}):", source=source), err=True)
    for candidate, decision in decisions.items():
        click.echo(f"  {candidate}: {describe(decision)}", err=True)


class _Counts:
    """Problems on stderr as they come, and the one-line summary at the end."""

    def __init__(self, strict: bool = False) -> None:
        from .results import SPARSE_BAND

        self.total = self.knocked_out = self.unassessed = self.invalid = 0
        self.unknown: list[dict] = []  # assessments of competencies the profile lacks
        self._strict = strict
        self._sparse_band = SPARSE_BAND

    def problem(self, problem) -> None:
        click.echo(f"{t('fejl')}: {problem}", err=True)
        self._note_unknown(problem)

    def warning(self, problem) -> None:
        click.echo(f"{t('advarsel')}: {problem}", err=True)
        self._note_unknown(problem)

    def _note_unknown(self, problem) -> None:
        from .assessments import CODE

        if problem.code == CODE:  # kept for the audit trail, to be shown in either language
            self.unknown.append({"source": problem.path, "line": problem.line,
                                 "column": problem.column, "field": problem.field,
                                 "message": problem.message, "text": problem.text.as_data()})

    def screened(self, result) -> None:
        self.total += 1
        self.knocked_out += bool(result.knockouts)
        self.unassessed += result.recommendation == self._sparse_band

    def finish(self) -> None:
        from .errors import RecordError

        click.echo(t("Screenet: {screened} · foreslået knock-out: {knocked} · "
                     "utilstrækkeligt belyst: "
                     "{unassessed} · ugyldige poster: {invalid}", screened=self.total,
                     knocked=self.knocked_out, unassessed=self.unassessed,
                     invalid=self.invalid), err=True)
        if self.unknown:
            click.echo(t("{count} vurdering(er) af kompetencer, som profilen ikke kender, er "
                         "{what}", count=len(self.unknown),
                         what=t("fejl (--strict)") if self._strict else
                         t("ikke talt med (--strict gør dem til fejl)")), err=True)
        if self.total == 0 or (self._strict and self.unknown):
            raise RecordError([])


def _output(out: str | None):
    """Where streamed output goes: stdout, or a file written atomically."""
    import contextlib

    from .output import atomic_writer

    if out is None:
        return contextlib.nullcontext(sys.stdout)
    return atomic_writer(out)


def _with_progress(chunks: Iterable[Chunk]) -> Iterator[Chunk]:
    """Chunks as they come, with a progress bar on stderr when it is a terminal."""
    if not sys.stderr.isatty():
        yield from chunks
        return
    with click.progressbar(length=0, label="Screener", file=sys.stderr,
                           show_pos=True) as bar:
        total = 0  # grows as chunks come: the inputs are not counted ahead
        for chunk in chunks:
            total += len(chunk.sources)
            bar.length = total
            bar.update(len(chunk.sources))
            yield chunk


def _emit(text: str, out: str | None) -> None:
    from .display import terminal
    from .output import atomic_writer

    text = terminal(text)  # names and titles typed by people carry no escape sequences out
    if not text.endswith("\n"):
        text += "\n"
    if out is None:
        click.echo(text, nl=False)
        return
    with atomic_writer(out) as handle:
        handle.write(text)


@main.command()
@click.argument("profile")
@click.argument("candidates", nargs=-1, required=True)
@stage_option
@click.option("--take", type=click.IntRange(min=1), required=True,
              help="Hvor mange der skal videre.")
@as_of_option
@rules_dir_option
@run_option
@audit_db_option
@strict_option
@_reports_errors
def shortlist(profile, candidates, stage, take, as_of, rules_dir, run_id, audit_db, strict):
    """Foreslå hvem der går videre til næste runde, med begrundelse.

    En kandidat med foreslået knock-out, eller med for lidt evidens til at blive vurderet,
    går hverken videre eller ud, før et menneske har taget stilling (screening decide); en
    stående beslutning vises og følges. Står flere lige på sidste plads, vises de som
    uafgjort, så udvalget vælger.

    \b
    Eksempel:
      screening shortlist helsingor-direktor-2024 examples/candidates/helsingor-direktor-2024 \\
          --stage samtale1 --take 3
    """
    from tabulate import tabulate

    from .audit.decisions import describe
    from .screen import screen as run
    from .shortlist import reasons
    from .shortlist import shortlist as choose

    loaded_profile = _profile(profile, rules_dir)
    loaded, _invalid = _loaded_records(candidates)
    _warn_unknown_assessments(loaded_profile, loaded, strict)
    as_of_date = as_of.date() if as_of else None
    screening = run(loaded_profile, [r.record for r in loaded], stage, as_of_date)
    decisions = _standing_decisions(loaded_profile, stage, as_of_date,
                                    {r.record.id: r.sha256 for r in loaded}, run_id, audit_db)
    chosen = choose(screening, take, decisions)
    groups = [("Videre", chosen.taken), ("Uafgjort om sidste plads", chosen.tied),
              ("Ikke videre", chosen.not_taken), ("Ikke videre (besluttet)", chosen.stopped),
              ("Foreslået knock-out (afventer menneskelig vurdering)", chosen.knocked_out),
              ("Afventer menneskelig vurdering: utilstrækkeligt belyst", chosen.unjudged)]

    def label(name: str, r) -> str:
        return t("Videre (besluttet)") if name == "Videre" and r.id in decisions else t(name)

    def reason(r) -> str:
        if r.id not in decisions:
            return reasons(r)
        return f"{t('Besluttet: {decision}', decision=describe(decisions[r.id]))}; {reasons(r)}"

    rows = [[label(name, r), r.rank, r.id, reason(r)] for name, members in groups
            for r in members]
    click.echo(t("Shortlist: {take} af {total} til næste runde efter {stage} ({profile} "
                 "v{version})", take=take, total=len(screening.results), stage=stage,
                 profile=loaded_profile.meta.id, version=loaded_profile.meta.version) + "\n")
    click.echo(tabulate(rows, headers=[t(h) for h in ["Forslag", "Nr.", "Kandidat",
                                                      "Begrundelse"]],
                        disable_numparse=True, maxcolwidths=[None, None, None, 90]))
    if chosen.tied:
        click.echo("\n" + t("{count} kandidater står lige om de sidste {places} plads(er): "
                            "udvalget vælger.", count=len(chosen.tied),
                            places=take - len(chosen.taken)))


@main.command()
@click.argument("profile")
@click.argument("candidates", nargs=-1, required=True)
@click.option("--id", "candidate_id", help="Kandidatens id, når CANDIDATES er flere.")
@click.option("--criterion", help="Forklar kun dette kriterium (id).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]),
              default="text", show_default=True)
@stage_option
@as_of_option
@rules_dir_option
@run_option
@audit_db_option
@strict_option
@_reports_errors
def explain(profile, candidates, candidate_id, criterion, fmt, stage, as_of, rules_dir, run_id,
            audit_db, strict):
    """Forklar begrundelsen for én kandidat i ord, der kan bruges i en indstilling.

    \b
    Eksempel:
      screening explain helsingor-direktor-2024 examples/candidates/helsingor-direktor-2024/k02.yaml
      screening explain helsingor-direktor-2024 examples/candidates/helsingor-direktor-2024 \\
          --id k02-anders-lykke --criterion ledelse-af-ledere
    """
    from .errors import InputError, Problem
    from .explain import explain as render
    from .explain import explain_document
    from .messages import message
    from .screen import screen as run
    from .vocabulary import did_you_mean

    loaded_profile = _profile(profile, rules_dir)
    loaded, _invalid = _loaded_records(candidates)
    records = [r.record for r in loaded]
    ids = [r.id for r in records]
    if candidate_id is None:
        if len(records) > 1:
            raise InputError([Problem("--id", message("name_one_candidate", count=len(records),
                                                      ids=", ".join(ids[:5])))])
        candidate_id = ids[0]
    if candidate_id not in ids:
        raise InputError([Problem("--id", message("no_candidate", id=candidate_id)
                                          + did_you_mean(candidate_id, ids))])
    known = [c.id for c in loaded_profile.criteria]
    if criterion is not None and criterion not in known:
        raise InputError([Problem("--criterion", message("no_criterion_in", id=criterion,
                                                            profile=loaded_profile.meta.id)
                                  + did_you_mean(criterion, known))])
    from .display import terminal

    unknown = _warn_unknown_assessments(
        loaded_profile, [r for r in loaded if r.record.id == candidate_id], strict)
    as_of_date = as_of.date() if as_of else None
    result = run(loaded_profile, records, stage, as_of_date)
    decision = _standing_decisions(loaded_profile, stage, as_of_date,
                                   {r.record.id: r.sha256 for r in loaded
                                    if r.record.id == candidate_id},
                                   run_id, audit_db).get(candidate_id)
    if fmt == "json":
        document = explain_document(result, candidate_id, criterion)
        document["decision"] = decision.as_dict() if decision else None
        document["unknown_assessments"] = [str(p) for p in unknown]
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        click.echo(terminal(render(result, candidate_id, criterion, fmt == "markdown",
                                   decision)),
                   nl=False)


# Command families in their own modules add themselves to `main` when imported.
from . import (  # noqa: E402, F401
    cli_audit,
    cli_authoring,
    cli_bdd,
    cli_fairness,
    cli_papers,
    cli_profiles,
    cli_tools,
)
