"""The committee's papers: `screening report` (HTML), `screening guide` (interview guide),
`screening sheet` (a blank scoring sheet) and `screening import scores` (the filled sheet)."""

from __future__ import annotations

import click

from ..i18n import t
from ..stages import SOURCES
from .common import (
    as_of_option,
    audit_db_option,
    check_out,
    emit,
    found_profile,
    loaded_of,
    overwrite_option,
    refuse_existing,
    rules_dir_option,
    screening_profile,
    stage_option,
    standing_decisions,
    warn_of_records,
)
from .help import HelpCommand, argument, option

NEXT_STAGES = SOURCES[1:]  # as guide.NEXT_STAGES, without importing it at start-up


def _screening(profile, candidates, stage, as_of, rules_dir, out, audit_db):
    """The screening, the candidates' names (for the papers that name them), the sha256
    of each record (to find what people decided on it) and the inputs skipped (a paper
    says who is not in it). A paper records no run of its own: the report names the
    recorded run its results match. `out` is checked first: a paper never replaces what it
    is made from."""
    from ..display import one_line
    from ..screen import Screener

    loaded_profile, path = found_profile(profile, rules_dir)
    check_out(out, candidates, loaded_profile, audit_db, store=True)
    loaded, skipped = loaded_of(candidates)
    warn_of_records(loaded_profile, loaded, as_of.date() if as_of else loaded_profile.meta.date)
    records = [r.record for r in loaded]
    # a name of spaces or invisible characters names nobody: the paper uses the id
    names = {r.id: r.personal.name for r in records
             if r.personal and r.personal.name and one_line(r.personal.name)}
    with Screener(loaded_profile, path) as screener:
        screening = screener.screen(records, stage, as_of.date() if as_of else None)
    return screening, names, {r.record.id: r.sha256 for r in loaded}, skipped


@click.command(cls=HelpCommand)
@argument("profile")
@argument("candidates", nargs=-1, required=True)
@stage_option
@option("--run", "run_id", help="Kørslen i revisionssporet, rapporten bygger på (standard: "
                                "den seneste, der giver netop disse resultater).")
@option("--out", type=click.Path(dir_okay=False), required=True,
        help="HTML-filen, der skrives (atomisk).")
@as_of_option
@rules_dir_option
@audit_db_option
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
    from ..audit import default_path
    from ..html_report import from_store, render

    screening, names, inputs, skipped = _screening(profile, candidates, stage, as_of,
                                                   rules_dir, out, audit_db)
    audit = from_store(audit_db or default_path(), screening, run_id, inputs)
    emit(render(screening, audit, names, skipped), out)
    click.echo(out, err=True)


@click.command(cls=HelpCommand)
@argument("profile")
@argument("candidates", nargs=-1, required=True)
@option("--stage", "next_stage", type=click.Choice(NEXT_STAGES), required=True,
        help="Det næste stadie, guiden forbereder; grundlaget er evidensen fra "
             "stadierne før det.")
@option("--id", "candidate_id", help="Kun denne kandidat (standard: alle).")
@option("--format", "fmt", type=click.Choice(["markdown", "html", "docx"]),
        default="markdown", show_default=True,
        help="markdown til et dokument; html til browseren eller print; docx et "
             "Word-dokument at dele ud og skrive noter i (kræver --out).")
@option("--out", type=click.Path(dir_okay=False), help="Skriv til FIL (atomisk).")
@option("--overwrite", is_flag=True,
        help="Erstat et Word-dokument i --out, hvis det findes (der kan være skrevet i det).")
@as_of_option
@rules_dir_option
@audit_db_option
def guide(profile, candidates, next_stage, candidate_id, fmt, out, overwrite, as_of, rules_dir,
          audit_db):
    """Interviewguide til næste stadie: hvad der skal afklares om hver kandidat.

    For hvert kriterium, der ikke er belyst endnu, hvor kilderne er uenige, som er et krav,
    der kun er delvist opfyldt, eller et ønske, der kun er foreløbigt vurderet, og som
    stadiet kan afklare (det er blandt de stadier, kriteriet tager evidens fra, eller intet
    senere stadie er): profilens ord, hvilken evidens der ville afgøre det, og spørgsmål at
    stille (fra regelfilernes `questions:`). De åbne kriterier, et senere stadie afklarer,
    nævnes kort under hver kandidat med de stadier, der kan belyse dem, uden spørgsmål. En
    kandidat, et menneske har besluttet ikke går videre, får ingen spørgsmål: guiden siger,
    hvem der besluttede det, hvornår og hvorfor. En beslutning på andet grundlag (et andet
    stadie eller en anden udgave af posten) vises, men følges ikke, som i shortlist.

    \b
    Eksempel:
      screening guide helsingor-direktor-2024 examples/candidates/helsingor-direktor-2024 \\
          --stage samtale2 --id k02-anders-lykke
      screening guide helsingor-direktor-2024 examples/candidates/helsingor-direktor-2024 \\
          --stage samtale1 --format html --out guide.html
      screening guide helsingor-direktor-2024 examples/candidates/helsingor-direktor-2024 \\
          --stage samtale1 --format docx --out guide.docx
    """
    from .. import guide as guides
    from ..errors import InputError, Problem

    if fmt == "docx" and out is None:
        raise click.UsageError(t("--format docx skriver et Word-dokument og kræver --out FIL"))
    if fmt == "docx":  # handed out to annotate and edit: the notes in it are kept
        refuse_existing(out, overwrite)
    screening, names, inputs, skipped = _screening(profile, candidates,
                                                   guides.evidence_stage(next_stage), as_of,
                                                   rules_dir, out, audit_db)
    if candidate_id and candidate_id not in {r.id for r in screening.results}:
        from ..messages import message
        from ..vocabulary import did_you_mean

        raise InputError([Problem("--id", message("no_candidate", id=candidate_id)
                                  + did_you_mean(candidate_id, [r.id for r in screening.results]))])
    # what people decided on these records at the evidence's stage shows in the guide too
    decisions = standing_decisions(screening.profile, screening.stage, screening.as_of,
                                   inputs, None, audit_db)
    written = guides.guide(screening, next_stage, candidate_id, names, decisions)
    if fmt == "docx":
        from ..guide_docx import document
        from ..output import write_bytes

        write_bytes(out, document(screening, next_stage, written, skipped))
        click.echo(out, err=True)
        return
    render = guides.html if fmt == "html" else guides.markdown
    emit(render(screening, next_stage, written, skipped), out)


@click.command(cls=HelpCommand)
@argument("profile")
@argument("candidates", nargs=-1)
@option("--stage", type=click.Choice(SOURCES), required=True,
        help="Stadiet, der vurderes (fx samtale1); kilde-kolonnen udfyldes med det.")
@option("--out", type=click.Path(dir_okay=False), required=True,
        help="Regnearket (.xlsx), der skrives (atomisk).")
@option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]),
        help="Datoen, screeningen med beslutningerne var vurderet pr. (dens --as-of; "
             "standard: profilens dato).")
@overwrite_option
@rules_dir_option
@audit_db_option
def sheet(profile, candidates, stage, out, as_of, overwrite, rules_dir, audit_db):
    """Skriv et tomt scoringsark: kandidater × stadiets kompetencer.

    Overskrifterne har kompetencernes navne og profilens citater; scorefelterne tager kun
    hele tal fra 1 til 5. Med KANDIDATER står kandidaterne i arket, hver med den
    beslutning, et menneske har truffet om kandidaten; ellers skrives id'erne i kolonne A.
    Udfyld, og læs arket ind med `screening import scores`.

    \b
    Eksempel:
      screening sheet helsingor-direktor-2024 examples/candidates/helsingor-direktor-2024 \\
          --stage samtale1 --out scores.xlsx
    """
    from ..output import write_bytes
    from ..sheets import scoring_sheet

    loaded_profile = screening_profile(profile, rules_dir)
    check_out(out, candidates, loaded_profile, audit_db, store=True)
    refuse_existing(out, overwrite)
    loaded, skipped = loaded_of(candidates) if candidates else ([], ())
    # what people decided on the evidence before this stage, as the interview guide shows
    # (on the day the screening counted to: one screened --as-of a day decided on that)
    decided_on = SOURCES[max(SOURCES.index(stage) - 1, 0)]
    decisions = standing_decisions(loaded_profile, decided_on, as_of.date() if as_of else None,
                                   {r.record.id: r.sha256 for r in loaded}, None, audit_db)
    write_bytes(out, scoring_sheet(loaded_profile, stage, [
        (r.record.id, r.record.personal.name if r.record.personal else None)
        for r in loaded], decisions, skipped))
    click.echo(out, err=True)


@click.command("scores", cls=HelpCommand)
@argument("workbook", type=click.Path(dir_okay=False))
@option("--into", "folder", type=click.Path(file_okay=False), required=True,
        help="Mappen med kandidatposterne, vurderingerne føjes til.")
@option("--rules-dir", default="rules", show_default=True, envvar="SCREENING_RULES",
        help="Mappe med profilen, arket er skrevet til; hver score tjekkes mod den.")
def import_scores(workbook, folder, rules_dir):
    """Læs et udfyldt scoringsark ind som vurderinger (kilde og bedømmer med).

    Hver forkert celle meldes som Ark!Celle; er der blot én, skrives intet. Posterne
    skrives alle eller ingen. En række i arket er én vurdering: læst ind igen fra et rettet ark
    erstatter den, hvad den skrev første gang, også når bedømmeren er tilføjet; og en score
    for samme kompetence, kilde og bedømmer erstatter den, der står i posten. Et nyt ark
    (screening sheet) til en anden bedømmer føjer til; en række, der før havde én bedømmer
    og nu en anden, afvises (E305), så ingen vurdering går tabt.

    En score, som profilen, arket er skrevet til, ikke ville tælle med (en kompetence, den
    ikke kender, eller en kilde, den ikke tager kompetencen fra), afvises (E306).

    \b
    Eksempel:
      screening import scores scores.xlsx --into examples/candidates/helsingor-direktor-2024
    """
    from ..errors import InputError, Problem
    from ..messages import message
    from ..output import write_all
    from ..sheets import read_scores, updates
    from .common import echo_warning

    scores, problems, emptied, unread = read_scores(workbook)
    if problems:
        raise InputError(problems)
    for warning in unread:
        echo_warning(warning)
    if scores and scores[0].sheet is None:  # the risk of an old sheet, said where it is met
        echo_warning(Problem(workbook, message("sheet_without_id"), code="W302"))
    written_for = next((s.profile for s in scores if s.profile), None)
    if scores and written_for is None:  # nothing to check them against: said, not passed over
        echo_warning(Problem(workbook, message("sheet_names_no_profile"), code="W303"))
    if written_for is not None:
        from ..rulefiles import find_profile, load_profile
        from ..sheets import not_counted

        try:
            profile = load_profile(find_profile(written_for, rules_dir))
        except InputError as exc:  # not there, or broken: the import needs it only to check
            echo_warning(Problem(workbook, message(
                "sheet_profile_unread", profile=written_for,
                reason=exc.problems[0].text if exc.problems else "–"), code="W301"))
        else:
            if problems := not_counted(scores, profile, workbook):
                raise InputError(problems)
    changed = updates(scores, folder, workbook, emptied)
    write_all([(update.path, update.text) for update in changed])
    for update in changed:
        click.echo(t("{path}: {count} vurdering(er)", path=update.path, count=update.added),
                   err=True)
    click.echo(t("Læst ind: {scores} vurdering(er) til {records} kandidat(er).",
                 scores=len(scores), records=len(changed)), err=True)
