"""What the commands share: the common options, loading the profile and records a command
screens, standing decisions, and writing output."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from contextlib import contextmanager

import click

from ..i18n import t
from ..stages import SOURCES
from .help import option

STAGE_HELP = "Brug kun evidens til og med dette stadie: " + " → ".join(SOURCES) + "."


def screening_profile(name: str, rules_dir: str):
    """The profile to screen with; refused (exit 2) when it reads a protected attribute."""
    return found_profile(name, rules_dir)[0]


def found_profile(name: str, rules_dir: str):
    """The profile and the file it was found in; refused as `screening_profile` says."""
    from ..protected import refuse
    from ..rulefiles import find_profile, load_profile

    path = find_profile(name, rules_dir)
    profile = load_profile(path)
    refuse(profile)
    return profile, path


def loaded_of(paths: tuple[str, ...]):
    """Valid records, for a paper that names the candidates, each as loaded (with where it
    came from and its sha256), and the inputs skipped: bad files are reported on stderr and
    skipped (a paper says who is not in it, as `screen` counts them), and nothing valid at
    all is bad input (exit 2)."""
    from ..candidates import load_records
    from ..errors import RecordError

    loaded, problems = load_records(list(paths))
    if not loaded:
        raise RecordError(problems)
    for problem in problems:
        echo_problem(problem)
    return loaded, skipped_inputs(problems)


def warn_of_records(profile, loaded, as_of) -> None:
    """The warnings `screen` gives about these records, for a paper made from them: an
    assessment that counts at no stage (W101, W103) shows there as not belyst, and a post or
    a degree after the date (W102, W104) as held, with nothing on the paper to say so."""
    from ..assessments import assessments_not_taken, unknown_assessments
    from ..positions_ahead import educations_ahead, positions_ahead

    for r in loaded:
        for problem in [*unknown_assessments(profile, r.record, r.path),
                        *assessments_not_taken(profile, r.record, r.path),
                        *positions_ahead(r.record, as_of, r.path),
                        *educations_ahead(r.record, as_of, r.path)]:
            echo_warning(problem)


def skipped_inputs(problems) -> tuple[str, ...]:
    """The inputs that gave no record, named as records are: a file, or a line of a JSON
    Lines file."""
    from ..report import input_named

    return tuple(dict.fromkeys(map(input_named, problems)))


def echo_problem(problem) -> None:
    click.echo(f"{t('fejl')}: {_shown(problem)}", err=True)


def echo_warning(problem) -> None:
    click.echo(f"{t('advarsel')}: {_shown(problem)}", err=True)


def _shown(problem) -> str:
    """A problem's line without the control and format characters of a file name or value
    in it: a candidate's file may be named anything, escape sequences included."""
    from ..display import terminal

    return terminal(str(problem))


def audit_sink(audit_db: str | None, no_audit: bool, operator: str | None, command: str):
    """Where the run of `command` is recorded, unless --no-audit."""
    if no_audit:
        return None
    from ..audit import default_path
    from ..screen import AuditSink

    return AuditSink(audit_db or default_path(), operator, command)


def echo_recorded(run, audit) -> None:
    if run.run_id is not None:
        click.echo(t("Revisionsspor: kørsel {run} i {path}", run=run.run_id, path=audit.store),
                   err=True)


def screened(profile_name: str, candidates: tuple[str, ...], rules_dir: str, stage: str,
             as_of, audit, strict: bool, warnings: list | None = None,
             run_id: str | None = None, audit_db: str | None = None,
             problems: list | None = None):
    """Screen CANDIDATES as `screen` does (recorded in the audit trail unless --no-audit),
    for a command that then shows the ranked result its own way, and the decisions of
    `run_id` (checked first). Bad inputs are reported on stderr, kept in `problems` (for a
    paper that names who is not in it) and skipped; nothing valid at all is bad input
    (exit 2)."""
    from ..errors import Reported
    from ..screen import Screener

    def skip(problem) -> None:
        echo_problem(problem)
        if problems is not None:
            problems.append(problem)

    def warn(problem) -> None:
        echo_warning(problem)
        if warnings is not None:
            warnings.append(problem)

    profile, path = found_profile(profile_name, rules_dir)
    check_run(profile, run_id, audit_db)
    with Screener(profile, path) as screener:
        run = screener.screen_paths(candidates, stage, as_of.date() if as_of else None,
                                    audit=audit, strict=strict, on_problem=skip,
                                    on_warning=warn)
    if not run.summary.screened:
        raise Reported(2)
    if run.summary.invalid:
        click.echo(f"{t('advarsel')}: " + t("{count} fil(er) sprunget over; {valid} "
                                           "kandidat(er) screenes", count=run.summary.invalid,
                                           valid=run.summary.screened), err=True)
    echo_recorded(run, audit)
    return run


def standing_decisions(profile, stage: str, as_of, inputs: dict[str, str], run: str | None,
                        audit_db: str | None) -> dict:
    """Standing decisions to show: those of RUN (marked as made on other evidence where RUN
    screened another stage, date, record or grounds of the profile), or else the latest a
    person made on the same profile, stage, date and record (by sha256) in any run of the
    audit store; for a candidate with none, the latest made on other evidence, marked."""
    from ..audit.decisions import ProfileKey

    as_of_text = (as_of or profile.meta.date).isoformat()
    with _decisions_store(run, audit_db) as store:
        if store is None:
            return {}
        if run is not None:  # a run the command checked first (check_run)
            return store.run_decisions(run, ProfileKey.of(profile), stage, as_of_text, inputs)
        return store.decisions_shown(ProfileKey.of(profile), profile.meta.id, stage,
                                     as_of_text, inputs)


def decision_book(profile, stage: str, as_of, run: str | None, audit_db: str | None):
    """`standing_decisions` for a stream, whose candidates are not known ahead: read once,
    looked up by candidate and record as each is screened; None when nothing is decided."""
    from ..audit.decisions import ProfileKey

    as_of_text = (as_of or profile.meta.date).isoformat()
    with _decisions_store(run, audit_db) as store:
        if store is None:
            return None
        if run is not None:
            return store.run_decision_book(run, ProfileKey.of(profile), stage, as_of_text)
        return store.decision_book(ProfileKey.of(profile), profile.meta.id, stage, as_of_text)


@contextmanager
def _decisions_store(run: str | None, audit_db: str | None):
    """The audit store, read-only, to look decisions up in; None when there is no store and
    no RUN names one (nothing decided: sqlite3 and the store's code stay unloaded)."""
    from ..audit import default_path, nothing_recorded

    path = audit_db or default_path()
    if run is None and nothing_recorded(path):
        yield None
        return
    from ..audit.store import AuditStore

    store = AuditStore(path, read_only=True)
    try:
        yield store
    finally:
        store.close()


def check_run(profile, run: str | None, audit_db: str | None) -> None:
    """A --run that names no run of this profile is bad input, refused before anything is
    screened, recorded or written."""
    if run is None:
        return
    from ..audit import default_path
    from ..audit.store import AuditStore
    from ..errors import InputError, Problem
    from ..messages import message

    store = AuditStore(audit_db or default_path(), read_only=True)
    try:
        stored = store.run(run)["profile"]["id"]
    finally:
        store.close()
    if stored != profile.meta.id:
        raise InputError([Problem("--run", message(
            "run_of_other_profile", run=run, stored=stored, profile=profile.meta.id),
            code="E402")])


strict_option = option("--strict", is_flag=True,
                       help="En vurdering af en kompetence, profilen ikke kender, er en "
                            "fejl (exit 2) i stedet for en advarsel.")
run_option = option("--run", "run_id",
                    help="Vis de stående beslutninger fra denne kørsel (standard: den "
                         "seneste beslutning på samme profil, stadie og post); en kandidat "
                         "uden viser den seneste på andet grundlag, markeret som tidligere.")
no_audit_option = option("--no-audit", is_flag=True,
                          help="Gem ikke kørslen i revisionssporet (fx ved genscreening "
                               "af en talentpulje).")
operator_option = option("--operator", help="Hvem der screener (standard: brugernavnet).")
audit_db_option = option("--audit-db", type=click.Path(dir_okay=False),
                         envvar="SCREENING_AUDIT_DB",
                         help="Revisionssporets SQLite-fil (standard: "
                              "~/.local/share/screening/audit.db).")


def screening_run_options(command):
    """The options of a command that screens and records the run: the audit store,
    --no-audit, who screens, whose standing decisions to show, and --strict."""
    for add_option in reversed((audit_db_option, no_audit_option, operator_option, run_option,
                                strict_option)):
        command = add_option(command)
    return command


stage_option = option("--stage", type=click.Choice(SOURCES), default=SOURCES[-1],
                      show_default=True, help=STAGE_HELP)
as_of_option = option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]),
                      help="Dato som igangværende stillinger regnes til (standard: "
                           "profilens dato).")
rules_dir_option = option("--rules-dir", default="rules", show_default=True,
                          envvar="SCREENING_RULES",
                          help="Mappe med profiler, når PROFIL er et profil-id.")


def echo_decisions(decisions: Mapping, run_id: str | None) -> None:
    """The standing decisions of people, on stderr beside the run summary."""
    from ..audit.decisions import describe, on_this_evidence

    standing = on_this_evidence(decisions)
    if standing:
        source = t("kørsel {run}", run=run_id) if run_id else \
            t("seneste på samme profil, stadie og post")
        click.echo(t("Stående beslutninger ({source}):", source=source), err=True)
        for candidate, decision in standing.items():
            click.echo(f"  {candidate}: {describe(decision)}", err=True)
    if earlier := {c: d for c, d in decisions.items() if c not in standing}:
        click.echo(t("Tidligere beslutninger, på andet grundlag:"), err=True)
        for candidate, decision in earlier.items():
            click.echo(f"  {candidate}: {describe(decision)}", err=True)


def output_to(out: str | None):
    """Where streamed output goes: stdout, or a file written atomically."""
    import contextlib

    from ..output import atomic_writer

    if out is None:
        return contextlib.nullcontext(sys.stdout)
    return atomic_writer(out)


def check_out(out: str | None, candidates: tuple[str, ...] = (), profile=None,
              audit_db: str | None = None, store: bool = False) -> None:
    """--out naming a file the command reads (a candidate record, one of the profile's rule
    files, the audit store when `store`, made by the run if it is not there yet) is bad
    input before anything is written."""
    if out is None:
        return
    from ..candidates import expand
    from ..output import refuse_inputs

    inputs: list = expand(list(candidates))[0]
    inputs += [path for path, _ in profile.files] if profile is not None else []
    if store:
        from ..audit import default_path

        inputs.append(audit_db or default_path())
    refuse_inputs(out, inputs)


def refuse_existing(out: str, overwrite: bool) -> None:
    """A file people go on to fill in or edit (a scoring sheet, a Word guide) is never
    replaced unasked: the scores and notes written in it would be lost without a word."""
    import os

    from ..errors import InputError, Problem
    from ..messages import message

    if not overwrite and os.path.isfile(out):  # a device (/dev/null) holds no one's notes
        raise InputError([Problem(out, message("file_exists"), code="E007")])


overwrite_option = option("--overwrite", is_flag=True,
                          help="Erstat filen i --out, hvis den findes (den kan være udfyldt).")


def emit(text: str, out: str | None) -> None:
    from ..display import terminal
    from ..output import atomic_writer

    text = terminal(text)  # names and titles typed by people carry no escape sequences out
    if not text.endswith("\n"):
        text += "\n"
    if out is None:
        click.echo(text, nl=False)
        return
    with atomic_writer(out) as handle:
        handle.write(text)
