"""The screening commands: `screen`, `shortlist` and `explain`, each a thin layer over the
Python API in screening.screen."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from ..i18n import t
from .common import (
    as_of_option,
    audit_sink,
    check_out,
    check_run,
    decision_book,
    echo_decisions,
    echo_problem,
    echo_recorded,
    echo_warning,
    emit,
    found_profile,
    output_to,
    rules_dir_option,
    screened,
    screening_run_options,
    skipped_inputs,
    stage_option,
    standing_decisions,
)
from .help import HelpCommand, argument, option

if TYPE_CHECKING:  # for annotations only: the command line starts fast
    from ..audit.decisions import Decisions
    from ..errors import Problem
    from ..results import CandidateResult, Screening

FORMATS = ("table", "json", "jsonl", "csv", "markdown", "xlsx")


@click.command(cls=HelpCommand)
@argument("profile")
@argument("candidates", nargs=-1, required=True)
@stage_option
@option("--format", "fmt", type=click.Choice(FORMATS), default="table",
        show_default=True,
        help="table/markdown til læsning; json, csv til maskiner; jsonl skrives løbende, "
             "én kandidat pr. linje i inputrækkefølge (uden placering); xlsx et "
             "regneark med placering og kriterier (kræver --out).")
@option("--out", type=click.Path(dir_okay=False),
        help="Skriv til FIL (atomisk: filen er enten den gamle eller hele den nye).")
@option("--top", type=click.IntRange(min=1),
        help="Vis kun de N bedst placerede (og dem, der står lige med den sidste).")
@option("--detail", type=click.Choice(["candidates", "criteria"]), default="candidates",
        show_default=True, help="csv: én række pr. kandidat, eller pr. kandidat og "
                                "kriterium.")
@option("--decimal", type=click.Choice(["dot", "comma"]), default="dot",
        show_default=True, help="csv: decimaltegnet; comma skriver også ; mellem "
                                "felterne, som dansk Excel læser det.")
@option("--only-knockouts", is_flag=True, help="Vis kun kandidater med foreslået knock-out.")
@option("--hide-knockouts", is_flag=True,
        help="Skjul kandidater med foreslået knock-out, som ingen har underkendt.")
@option("--workers", type=click.IntRange(min=1),
        help="Antal processer, højst én pr. kerne (standard: alle kerner ved store "
             "input, ellers 1).")
@as_of_option
@rules_dir_option
@screening_run_options
def screen(profile, candidates, stage, fmt, out, top, detail, decimal, only_knockouts,
           hide_knockouts, workers, as_of, rules_dir, audit_db, no_audit, operator, run_id,
           strict):
    """Screen KANDIDATER (filer, mapper eller .jsonl) mod PROFIL (regelfil eller profil-id).

    Ugyldige kandidatposter meldes med fil, linje og felt og springes over; kørslen
    fortsætter med de gyldige. Exit 0: screenet; 2: intet kunne screenes eller fejl i input.

    \b
    Eksempel:
      screening screen helsingor-direktor-2024 examples/candidates/helsingor-direktor-2024
      screening screen rules/helsingor-direktor-2024.yaml k01.yaml --stage samtale1 --format json
      screening screen helsingor-direktor-2024 talentpulje.jsonl --format jsonl --out ud.jsonl
    """
    from dataclasses import replace
    from functools import partial

    from .. import report
    from ..parallel import auto_workers
    from ..screen import Screener

    if only_knockouts and hide_knockouts:
        raise click.UsageError(t("--only-knockouts og --hide-knockouts udelukker hinanden"))
    if fmt == "xlsx" and out is None:
        raise click.UsageError(t("--format xlsx skriver et regneark og kræver --out FIL"))
    if fmt != "csv" and (detail, decimal) != ("candidates", "dot"):
        raise click.UsageError(t("--detail og --decimal gælder kun --format csv"))
    if top and fmt == "jsonl":
        raise click.UsageError(t("--top kræver en placering; jsonl skrives løbende uden; "
                                 "brug json eller csv"))
    loaded_profile, profile_path = found_profile(profile, rules_dir)
    check_out(out, candidates, loaded_profile, audit_db, store=True)
    check_run(loaded_profile, run_id, audit_db)
    as_of_date = as_of.date() if as_of else None
    audit = audit_sink(audit_db, no_audit, operator, "screen")

    def keep(result, going_on: frozenset[str] = frozenset()) -> bool:
        """Shown by --only-knockouts / --hide-knockouts: a knock-out a person overrode
        (`going_on`: decided to go on, on this evidence) is not hidden."""
        return not (only_knockouts and not result.knockouts) and \
            not (hide_knockouts and result.knockouts and result.id not in going_on)

    # the workbook, a paper, and the JSON document say which inputs they leave out
    problems: list[Problem] = []

    def problem(found) -> None:
        echo_problem(found)
        if fmt in ("xlsx", "json"):
            problems.append(found)

    with Screener(loaded_profile, profile_path) as screener, _progress() as progress:
        options = {"workers": workers or auto_workers(candidates), "audit": audit,
                   "strict": strict, "on_problem": problem, "on_warning": echo_warning,
                   "on_progress": progress}
        if fmt == "jsonl":
            # what people decided, read once: each line carries its candidate's decision
            book = decision_book(loaded_profile, stage, as_of_date, run_id, audit_db)
            with output_to(out) as handle:
                handle.flush()  # lines go to the bytes beneath, as the workers rendered them
                lines = handle.buffer

                def write(result, line: bytes) -> None:
                    # a person's decision to let a proposed knock-out go on is in its line
                    decided = hide_knockouts and result.knockouts and book is not None \
                        and result.id in book.earlier
                    if keep(result, _going_on(line) if decided else frozenset()):
                        lines.write(line)

                run = screener.stream_paths(
                    candidates, partial(report.jsonl_row, loaded_profile, stage,
                                        as_of_date or loaded_profile.meta.date),
                    write, stage, as_of_date, decisions=book, **options)
                if not run.summary.screened:
                    _finish(run.summary, strict)  # exit 2 here: --out is left as it was
        else:
            run = screener.screen_paths(candidates, stage, as_of_date, **options)
    screening = run.screening
    decisions: Decisions = {}
    # recorded or not (--no-audit), what people decided shows with the results; a line of
    # JSON Lines carries its own, looked up by its record as it was screened
    if screening is not None and run.summary.screened:
        decisions = standing_decisions(loaded_profile, stage, as_of_date, run.input_hashes,
                                       run_id, audit_db)
        decisions = {r.id: decisions[r.id] for r in screening.results if r.id in decisions}
    if screening is not None and screening.results:  # nothing valid: the summary says it
        from ..audit.decisions import ADVANCES, on_this_evidence

        going_on = frozenset(c for c, d in on_this_evidence(decisions).items()
                             if d.outcome == ADVANCES)
        kept = [r for r in screening.results if keep(r, going_on)]
        shown = replace(screening, results=tuple(_best(kept, top) if top else kept))
        if fmt == "xlsx":
            from ..output import write_bytes
            from ..sheets import screening_workbook

            write_bytes(out, screening_workbook(shown, decisions, skipped_inputs(problems)))
        else:
            emit(_rendered(shown, fmt, detail, decimal, decisions, problems), out)
    echo_recorded(run, audit)
    echo_decisions(decisions, run_id)
    _finish(run.summary, strict)


def _going_on(line: bytes) -> frozenset[str]:
    """The candidate of a JSON line, when the decision it carries stands on this evidence and
    lets the candidate go on; nobody otherwise."""
    import orjson

    from ..audit.decisions import ADVANCES

    entry = orjson.loads(line)
    decision = entry["decision"]
    goes_on = decision is not None and "other_stage" not in decision and \
        decision["outcome"] == ADVANCES
    return frozenset({entry["id"]}) if goes_on else frozenset()


def _best(ranked: list[CandidateResult], top: int) -> list[CandidateResult]:
    """The first `top` of `ranked`, and those tied with the last of them: a candidate ranked
    as one shown is never left out by the order of ids alone."""
    if len(ranked) <= top:
        return ranked
    last = ranked[top - 1].rank
    return [r for r in ranked if r.rank <= last]


def _rendered(shown: Screening, fmt: str, detail: str, decimal: str,
              decisions: Decisions, problems: list[Problem]) -> str:
    """The ranked screening as text in `fmt`. The spreadsheet module is imported for csv
    only: jinja2 and openpyxl come with it, 0.1-0.2 s that a table need not wait for."""
    from .. import report

    if fmt == "csv":
        from ..sheets import csv_for

        return csv_for(shown, detail=detail, decimal=decimal, decisions=decisions)
    if fmt == "json":
        return json.dumps(report.document(shown, decisions, problems), ensure_ascii=False,
                          indent=2)
    if fmt == "markdown":
        return report.markdown(shown, decisions)
    return report.table(shown, decisions=decisions)


def _finish(summary, strict: bool) -> None:
    """The one-line summary; nothing screened, or --strict with unknown assessments, is
    bad input (exit 2)."""
    from ..errors import Reported

    click.echo(t("Screenet: {screened} · foreslået knock-out: {knocked} · "
                 "utilstrækkeligt belyst: "
                 "{unassessed} · ugyldige poster: {invalid}", screened=summary.screened,
                 knocked=summary.knocked_out, unassessed=summary.too_little_evidence,
                 invalid=summary.invalid), err=True)
    if summary.unknown_assessments:
        click.echo(t("{count} vurdering(er) af kompetencer, som profilen ikke kender, er "
                     "{what}", count=len(summary.unknown_assessments),
                     what=t("fejl (--strict)") if strict else
                     t("ikke talt med (--strict gør dem til fejl)")), err=True)
    if summary.screened == 0 or (strict and summary.unknown_assessments):
        raise Reported(2)


@contextmanager
def _progress() -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr when it is a terminal; it grows as chunks come, since the
    inputs are not counted ahead."""
    if not sys.stderr.isatty():
        yield lambda _count: None
        return
    with click.progressbar(length=0, label=t("Screener"), file=sys.stderr,
                           show_pos=True) as bar:
        def advance(count: int) -> None:
            bar.length = (bar.length or 0) + count
            bar.update(count)

        yield advance


@click.command(cls=HelpCommand)
@argument("profile")
@argument("candidates", nargs=-1, required=True)
@stage_option
@option("--take", type=click.IntRange(min=1), required=True,
        help="Hvor mange der skal videre.")
@as_of_option
@rules_dir_option
@screening_run_options
def shortlist(profile, candidates, stage, take, as_of, rules_dir, run_id, audit_db, no_audit,
              operator, strict):
    """Foreslå hvem der går videre til næste runde, med begrundelse.

    En kandidat med foreslået knock-out, eller med for lidt evidens til at blive vurderet,
    går hverken videre eller ud, før et menneske har taget stilling (screening decide); en
    stående beslutning vises og følges, en tidligere på andet grundlag vises kun. Står flere
    lige på sidste plads, vises de som uafgjort, så udvalget vælger.

    \b
    Eksempel:
      screening shortlist helsingor-direktor-2024 examples/candidates/helsingor-direktor-2024 \\
          --stage samtale1 --take 3
    """
    from tabulate import tabulate

    from ..audit.decisions import decision_line, describe, on_this_evidence
    from ..report import not_included
    from ..shortlist import reasons
    from ..shortlist import shortlist as choose
    from ..vocabulary import STAGES
    from ..vocabulary import label as term

    problems: list = []
    run = screened(profile, candidates, rules_dir, stage, as_of,
                   audit_sink(audit_db, no_audit, operator, "shortlist"), strict,
                   run_id=run_id, audit_db=audit_db, problems=problems)
    screening = run.screening
    loaded_profile = screening.profile
    decisions = standing_decisions(loaded_profile, stage, as_of.date() if as_of else None,
                                   run.input_hashes, run_id, audit_db)
    chosen = choose(screening, take, decisions)
    # the places that go on: those taken (decided ones beyond --take too) and those the tied
    # share; a proposed knock-out or a candidate too thinly evidenced takes none until decided
    open_places = take - len(chosen.taken) if chosen.tied else 0
    tied = "Uafgjort om sidste plads" if open_places == 1 else "Uafgjort om de sidste pladser"
    groups = [("Videre", chosen.taken), (tied, chosen.tied),
              ("Ikke videre", chosen.not_taken), ("Ikke videre (besluttet)", chosen.stopped),
              ("Foreslået knock-out (afventer menneskelig vurdering)", chosen.knocked_out),
              ("Afventer menneskelig vurdering: utilstrækkeligt belyst", chosen.unjudged)]

    standing = on_this_evidence(decisions)  # one made on other evidence is only shown

    def label(name: str, r) -> str:
        return t("Videre (besluttet)") if name == "Videre" and r.id in standing else t(name)

    def reason(r) -> str:
        if r.id not in decisions:
            return reasons(r)
        said = t('Besluttet: {decision}', decision=describe(decisions[r.id])) \
            if r.id in standing else decision_line(decisions[r.id])
        return f"{said}; {reasons(r)}"

    rows = [[label(name, r), r.rank, r.id, reason(r)] for name, members in groups
            for r in members]
    click.echo(t("Shortlist: {take} af {total} til næste runde efter {stage} ({profile} "
                 "v{version})", take=len(chosen.taken) + open_places,
                 total=len(screening.results),
                 stage=term(STAGES, stage),
                 profile=loaded_profile.meta.id, version=loaded_profile.meta.version) + "\n")
    emit(tabulate(rows, headers=[t(h) for h in ["Forslag", "Nr.", "Kandidat", "Begrundelse"]],
                  disable_numparse=True, maxcolwidths=[None, None, None, 90]), None)
    if chosen.tied:
        click.echo("\n" + t("{count} kandidater står lige om den sidste plads: udvalget vælger."
                            if open_places == 1 else
                            "{count} kandidater står lige om de sidste {places} pladser: "
                            "udvalget vælger.", count=len(chosen.tied), places=open_places))
    # the committee reads who is not on it too, as the papers name them
    if left_out := not_included(skipped_inputs(problems)):
        click.echo("\n" + left_out)


@click.command(cls=HelpCommand)
@argument("profile")
@argument("candidates", nargs=-1, required=True)
@option("--id", "candidate_id", help="Kandidatens id, når KANDIDATER er flere.")
@option("--criterion", help="Forklar kun dette kriterium (id).")
@option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]),
        default="text", show_default=True,
        help="text til læsning; markdown med overskrifter til et dokument; json til maskiner.")
@stage_option
@as_of_option
@rules_dir_option
@screening_run_options
def explain(profile, candidates, candidate_id, criterion, fmt, stage, as_of, rules_dir, run_id,
            audit_db, no_audit, operator, strict):
    """Forklar begrundelsen for én kandidat i ord, der kan bruges i en indstilling.

    \b
    Eksempel:
      screening explain helsingor-direktor-2024 \\
          examples/candidates/helsingor-direktor-2024/k02-anders-lykke.yaml
      screening explain helsingor-direktor-2024 examples/candidates/helsingor-direktor-2024 \\
          --id k02-anders-lykke --criterion ledelse-af-ledere
    """
    from ..assessments import CODE as UNKNOWN_ASSESSMENT
    from ..display import terminal
    from ..errors import InputError, Problem
    from ..explain import explain as render
    from ..explain import explain_document
    from ..messages import message
    from ..vocabulary import did_you_mean

    warnings: list = []
    run = screened(profile, candidates, rules_dir, stage, as_of,
                   audit_sink(audit_db, no_audit, operator, "explain"), strict, warnings,
                   run_id=run_id, audit_db=audit_db)
    result = run.screening
    ids = list(run.sources)  # in input order
    if candidate_id is None:
        if len(ids) > 1:
            raise InputError([Problem("--id", message("name_one_candidate", count=len(ids),
                                                      ids=", ".join(ids[:5])))])
        candidate_id = ids[0]
    if candidate_id not in ids:
        raise InputError([Problem("--id", message("no_candidate", id=candidate_id)
                                          + did_you_mean(candidate_id, ids))])
    known = [c.id for c in result.profile.criteria]
    if criterion is not None and criterion not in known:
        raise InputError([Problem("--criterion", message("no_criterion_in", id=criterion,
                                                            profile=result.profile.meta.id)
                                  + did_you_mean(criterion, known))])
    told = [p for p in warnings if p.path == run.sources[candidate_id]]  # about this record
    decision = standing_decisions(result.profile, stage, as_of.date() if as_of else None,
                                  {candidate_id: run.input_hashes[candidate_id]},
                                  run_id, audit_db).get(candidate_id)
    if fmt == "json":
        document = explain_document(result, candidate_id, criterion)
        document["decision"] = decision.as_dict() if decision else None
        document["unknown_assessments"] = [str(p) for p in told if p.code == UNKNOWN_ASSESSMENT]
        document["warnings"] = [str(p) for p in told]  # W101-W104: what the record holds
        emit(json.dumps(document, ensure_ascii=False, indent=2), None)
    else:
        click.echo(terminal(render(result, candidate_id, criterion, fmt == "markdown",
                                   decision)),
                   nl=False)
