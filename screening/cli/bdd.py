"""`screening test` and `screening steps`: Danish scenarios for the profiles."""

from __future__ import annotations

import textwrap

import click

from ..errors import Reported
from ..i18n import t
from .help import HelpCommand, argument, option

UNREAD_CODES = ("B201", "B203")  # a step no step reads, or whose argument cannot be read
# a file that is not '# language: da'/'en', not Gherkin, not UTF-8 or without a scenario:
# nothing in it is run; a scenario name used twice: pytest-bdd runs only one of them
UNRUN_CODES = ("B101", "B102", "B103", "B104", "B301")


@click.command("test", cls=HelpCommand)
@argument("features", nargs=-1, type=click.Path())
@option("--check", is_flag=True,
        help="Find fejl i feature-filerne uden at køre dem.")
@option("--rules-dir", default="rules", show_default=True, envvar="SCREENING_RULES",
        help="Hvor profil-id'er i 'Givet profilen' slås op.")
def test_command(features, check, rules_dir):
    """Kør profilernes scenarier (Gherkin på dansk) og vis resultatet pr. scenarie.

    Uden FEATUREFILER køres alle .feature-filer i features/. Først meldes alle trin, der ikke
    kan læses (med de nærmeste trin eller det argument, der ikke kunne læses), også når
    baggrunden har et; så køres scenarierne. Et scenarie, der fejler, vises med det trin,
    der fejlede, og hvad der var forventet og fundet; rækker i et Abstrakt Scenario vises
    med deres eksempelværdier. Med --check findes fejl uden at køre: manglende
    '# language: da' (eller 'en'), ukendte nøgleord, trin uden trindefinition,
    argumenter der ikke kan læses, pladsholdere uden kolonne i Eksempler og scenarienavne
    brugt to gange. Exit 0: alt bestået; 1: noget fejlede eller blev fundet; 2: ingen
    feature-filer.

    \b
    Eksempel:
      screening test
      screening test features/helsingor-direktor-2024.feature
      screening test --check
    """
    from tabulate import tabulate

    from ..bdd.check import check_file, feature_files
    from ..bdd.library import step_library
    from ..display import terminal
    from ..errors import InputError, Problem
    from ..messages import message

    files = feature_files(list(features) or ["features"])
    missing = [f for f in files if not f.is_file()]
    if missing or not files:
        raise InputError([Problem(str(f), message("no_feature_file"), code="E002")
                          for f in missing] or [Problem(" ".join(features) or "features",
                                                        message("no_feature_files"),
                                                        code="E002")])
    library = step_library()
    if check:
        problems = [p for f in files for p in check_file(f, library, rules_dir)]
        for problem in problems:
            click.echo(terminal(str(problem)))
        click.echo(t("Fundet {count} problem(er) i {files} fil(er).", count=len(problems),
                     files=len(files))
                   if problems else t("Ingen fund i {files} fil(er).", files=len(files)))
        if problems:
            raise Reported(1)
        return
    checked = [p for f in files for p in check_file(f, library, rules_dir)]
    for problem in checked:
        if problem.code in UNRUN_CODES + UNREAD_CODES:
            click.echo(terminal(str(problem)))
    unread = [p for p in checked if p.code in UNREAD_CODES]
    unrun = [p for p in checked if p.code in UNRUN_CODES]
    if unread:
        click.echo(t("{count} trin kan ikke læses; de scenarier, der bruger dem, fejler.",
                     count=len(unread)) + "\n")
    from ..bdd.runner import run_features

    results = run_features([str(f) for f in files], rules_dir)
    # a failing step located as file:line, as --check locates a line it cannot read
    places = [f"{r.feature}:{r.line}" if r.line else r.feature for r in results]
    # a long message (the explanation a "nævner" step searched, say) gives its first line to
    # the table and the rest under it, where it can be read
    said = [_cell_and_detail(r) for r in results]
    rows = [(place, r.scenario, t("bestået") if r.passed else
             t("sprunget over") if r.skipped else t("FEJLET"), r.failing_step,
             _wrapped(cell, CELL_WIDTH))
            for place, r, (cell, _) in zip(places, results, said, strict=True)]
    # scenario names, steps and what was found are typed by people: no escape sequence,
    # NUL or direction override of theirs reaches the terminal
    click.echo(terminal(tabulate(rows, headers=[t(h) for h in [
        "Fil", "Scenarie", "Resultat", "Fejlende trin", "Forventet / fundet"]],
        maxcolwidths=[30, 45, 13, 40, None])))
    for place, r, (_, detail) in zip(places, results, said, strict=True):
        if detail:
            click.echo(terminal(f"\n{place} {r.scenario}:\n" + textwrap.indent(detail, "  ")))
    failed = sum(not r.passed and not r.skipped for r in results)
    skipped = sum(r.skipped for r in results)
    passed = len(results) - failed - skipped
    click.echo("\n" + (t("{passed} bestået, {failed} fejlet, {skipped} sprunget over i {files} "
                          "fil(er).", passed=passed, failed=failed, skipped=skipped,
                          files=len(files)) if skipped else
                        t("{passed} bestået, {failed} fejlet i {files} fil(er).",
                          passed=passed, failed=failed, files=len(files))))
    if any(r.bad_input for r in results):
        raise Reported(2)  # a profile was refused: bad input, not a failing scenario
    if failed or unread or unrun or not results:
        raise Reported(1)


CELL_CHARACTERS = 400  # what the table's last column shows of a message, wrapped
CELL_WIDTH = 60


def _wrapped(text: str, width: int) -> str:
    """Each line of a message wrapped on its own: tabulate's wrapping runs a message's lines
    into one paragraph, and its evidence ("Grundlag: …") then read as part of the sentence
    before it."""
    return "\n".join(textwrap.fill(line, width) for line in text.splitlines())


def _cell_and_detail(result) -> tuple[str, str]:
    """A scenario's message as the table's cell and what is shown under the table."""
    if len(result.message) <= CELL_CHARACTERS:
        return result.message, ""
    first, _, rest = result.message.partition("\n")
    return first, rest.strip("\n")


@click.command(cls=HelpCommand)
@option("--format", "fmt", type=click.Choice(["table", "markdown"]), default="table",
        show_default=True, help="table til læsning; markdown til docs/steps.md.")
@option("--suggest", metavar="SENTENCE",
        help="Vis, hvordan biblioteket læser en sætning, eller de nærmeste trin.")
@option("--profile", "profile_name", metavar="PROFILE",
        help="Med --suggest: slå kriterier og kompetencer op i denne profil.")
@option("--rules-dir", default="rules", show_default=True, envvar="SCREENING_RULES",
        help="Hvor profiler slås op.")
def steps(fmt, suggest, profile_name, rules_dir):
    """Vis trinbiblioteket: hvert trin med eksempler på dets formuleringer og nøglerne i
    dets datatabel, klar til en feature-fil.

    Med --suggest "SÆTNING" vises, hvilket trin en sætning læses som, og hvad dens
    argumenter bliver (et stadie, et tal, et kriterium); kan den ikke læses, vises hvorfor
    og de nærmeste trin (exit 1).

    \b
    Eksempel:
      screening steps
      screening steps --format markdown > docs/steps.md
      screening steps --suggest "Så lever ansøgeren ikke op til kravet om ledelse af ledere"
      screening steps --suggest "Og referencen giver 3 i samarbejde" --profile "Direktør, Helsingør"
    """
    from pathlib import Path

    from tabulate import tabulate

    from ..bdd import docs
    from ..bdd.grammar import ReadContext
    from ..bdd.library import step_library
    from ..display import terminal

    library = step_library()
    if suggest is not None:
        context = ReadContext(library, Path(rules_dir))
        if profile_name:
            from ..bdd.arguments import resolve_profile
            from ..bdd.words import Unreadable
            from ..errors import InputError, Problem

            try:
                context.profile = resolve_profile(profile_name, Path(rules_dir))
            except Unreadable as exc:
                raise InputError([Problem(profile_name, exc.text, code="E001")]) from None
        read_it, lines = docs.suggest(suggest, context)
        for line in lines:
            click.echo(terminal(line))
        if not read_it:
            raise Reported(1)
        return
    if fmt == "markdown":
        click.echo(docs.markdown(library), nl=False)
        return
    click.echo(tabulate(docs.rows(library), headers=[t("Type"), t("Trin"), t("Eksempler"),
                                              t("Tabelnøgler")]))
    click.echo("\n" + t("'Og' og 'Men' fortsætter typen fra linjen før. Et trin om "
                         "\"ansøgeren\" gælder den senest beskrevne; et navn peger på en "
                         "anden."))
