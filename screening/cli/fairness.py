"""`screening fairness`: selection rates per group of a recorded run, from a groups file."""

from __future__ import annotations

import json

import click

from ..i18n import decimal, t
from .common import emit
from .help import HelpCommand, argument, option


@click.command(cls=HelpCommand)
@argument("run")
@option("--groups", "groups_file", required=True, type=click.Path(dir_okay=False),
        help="CSV med kandidat-id og frivilligt oplyste grupper (fx id,køn,aldersgruppe).")
@option("--take", type=click.IntRange(min=1),
        help="Tag også shortlisten med: de N, værktøjet foreslår går videre, og de N efter "
             "personers beslutninger.")
@option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
        show_default=True, help="table til læsning; json til maskiner.")
@option("--audit-db", type=click.Path(dir_okay=False), envvar="SCREENING_AUDIT_DB",
        help="Revisionssporets SQLite-fil (standard: ~/.local/share/screening/audit.db).")
def fairness(run, groups_file, take, fmt, audit_db):
    """Behandler screeningen grupper af ansøgere forskelligt? Udvælgelsesrater pr. gruppe.

    For hver oplysning i --groups-filen (og hvert par af dem) og hvert udfald af KØRSEL:
    antal, hvor mange der endnu er uafklarede, raten blandt de afklarede, forholdet til
    gruppen med den højeste rate (4/5-reglen: under 0,8 markeres) og Fishers eksakte test af
    gruppen mod resten. Udfaldene er værktøjets forslag (ingen foreslået knock-out, shortlist
    med --take, en anbefaling eller bedre) og personers beslutninger: hvem der går videre
    efter dem, og med --take shortlisten efter dem (en foreslået knock-out, ingen har
    afgjort, er uafklaret), og hvor mange af de foreslåede knock-outs en person har
    underkendt (når nogen er foreslået). Grupper under 5 afklarede kandidater
    nævnes: for få til at konkludere; en gruppe, hvis tal ville vise, hvordan det gik under 3
    kandidater, vises uden tal, og under et udfald også en, hvis tal ville vise en del af
    kørslen, hvor alle eller ingen havde udfaldet: det ville vise, hvordan det gik hver
    enkelt. Gruppeoplysningerne læses kun fra filen; de gemmes hverken i poster eller
    revisionsspor.

    \b
    Eksempel:
      screening fairness 20261125T101500-a1b2c3 --groups examples/groups/helsingor-direktor-2024.csv
      screening fairness 20261125T101500-a1b2c3 --groups grupper.csv --take 3 --format json
    """
    from ..audit import default_path
    from ..audit.decisions import on_this_evidence
    from ..audit.replay import stored_profile
    from ..audit.store import AuditStore
    from ..display import terminal
    from ..documents import read_text
    from ..errors import InputError, Problem
    from ..fairness import compare, coverage, decided, not_given, outcomes, read_groups
    from ..messages import message

    text, unread = read_text(groups_file)  # a spreadsheet's "Unicode text" is UTF-16: E003
    if unread is not None:
        raise InputError([unread])
    assert text is not None  # read_text gives the text or the problem
    groups = read_groups(text, groups_file)
    store = AuditStore(audit_db or default_path(), read_only=True)
    try:
        results = store.results(run)
        scoring = stored_profile(store, store.run(run)).scoring
        # the decisions standing on the run's evidence: one made on other evidence stands
        # for nothing here (shown beside the candidate, it is no outcome of this run)
        shown = store.run_decisions_shown(run)
        decisions = on_this_evidence(shown)
    finally:
        store.close()
    missing, unknown = coverage(results, groups)
    unstated = not_given(results, groups)
    if len(missing) == len(results):  # tables of nobody, and exit 0, would read as fair
        raise InputError([Problem(groups_file, message("groups_none_of_run", run=run,
                                                       ids=_listed(missing, 3)), code="E604")])
    bands = [(b.band, b.label) for b in sorted(scoring.bands, key=lambda b: -b.min_score)]
    outcome_list = outcomes(results, take, bands) + decided(results, take, decisions)
    comparisons = compare(results, groups, outcome_list)
    knockouts = sum(bool(r["knockouts"]) for r in results)
    if fmt == "json":
        emit(json.dumps(_document(run, comparisons, missing, unknown, unstated,
                                  len(decisions), len(shown) - len(decisions), knockouts),
                        ensure_ascii=False, indent=2), None)
    else:
        emit(_table(run, comparisons), None)
    unsettled = [(o, sum(o.about(r) and not o.settled(r) for r in results))
                 for o in outcome_list]
    for text in _warnings(comparisons, unsettled, missing, unknown, unstated,
                          len(decisions), len(shown) - len(decisions), knockouts):
        click.echo(f"{t('advarsel')}: {terminal(text)}", err=True)


# why a group is shown without figures (fairness.FEW, fairness.ALL_OR_NONE), said in the
# warnings of the table and under "hidden_because" in JSON
HIDDEN_BECAUSE = {
    "few": "tallene for en gruppe under {n} kandidater, eller tal, hvorfra sammen med andre "
           "tabellers tallene for færre end {n} kunne regnes ud, ville vise, hvordan det gik den "
           "enkelte",
    "all_or_none": "sammen med de andre tal og kørslens totaler ville tallene vise en del af "
                   "kørslen, hvor alle eller ingen med afklaret udfald havde udfaldet, og dermed "
                   "hvordan det gik hver enkelt i den; om en gruppe blev behandlet anderledes, "
                   "kan her ikke vises uden at vise det"}


def _document(run: str, comparisons, missing: list[str], unknown: list[str],
              unstated: dict[str, list[str]], decided: int, elsewhere: int,
              knockouts: int) -> dict:
    from ..fairness import FOUR_FIFTHS, MIN_GROUP, MIN_SHOWN

    return {"run": run, "decisions": decided, "decisions_on_other_evidence": elsewhere,
            "proposed_knockouts": knockouts,
            "four_fifths": float(FOUR_FIFTHS), "min_group": MIN_GROUP,
            "min_shown": MIN_SHOWN,
            "hidden_because": {why: t(text, n=MIN_SHOWN) for why, text in HIDDEN_BECAUSE.items()},
            "not_in_groups_file": missing, "not_in_run": unknown, "not_given": unstated,
            "comparisons": [{"attribute": c.attribute, "outcome": c.outcome.id,
                             "counts": c.outcome.counts,
                             "label": c.outcome.text(),
                             "unsettled_when": t(c.outcome.unsettled),
                             "small_groups": list(c.small_groups),
                             "groups": [{"group": r.group, "hidden": r.hidden,
                                         "hidden_because": r.hidden_because,
                                         "candidates": r.candidates,
                                         "unsettled": r.unsettled,
                                         "selected": r.selected,
                                         "rate": None if r.rate is None
                                         else round(r.rate, 4),
                                         "impact_ratio": None if r.impact_ratio is None
                                         else round(r.impact_ratio, 4),
                                         "below_four_fifths": r.below_four_fifths,
                                         "p_value": None if r.p_value is None
                                         else float(f"{r.p_value:.4g}")}
                                        for r in c.rates]}
                            for c in comparisons]}


def _table(run: str, comparisons) -> str:
    from tabulate import tabulate

    lines = [t("Udvælgelsesrater pr. gruppe i kørsel {run}", run=run),
             t("Udfaldene er værktøjets forslag, undtagen de sidste, der tæller personers "
               "beslutninger. Raten er andelen med udfaldet blandt de kandidater, hvis udfald "
               "er afklaret; de uafklarede står for sig og tæller hverken med eller imod."),
             ""]
    for c in comparisons:
        lines.append(f"{c.attribute} · {c.outcome.text()}")
        rows = [(r.group, t("skjult"), "–", "–", "–", "–", "–", "–") if r.hidden else
                (r.group, r.candidates, r.unsettled, r.selected, _percent(r.rate),
                 _number(r.impact_ratio), t("under 4/5") if r.below_four_fifths else "–",
                 _p_value(r.p_value))
                for r in c.rates]
        lines.append(tabulate(rows, headers=[t(h) for h in (
            "Gruppe", "Antal", "Uafklarede", "Med udfaldet", "Rate", "Forhold", "4/5-reglen",
            "p (Fisher)")], disable_numparse=True))
        lines.append("")
    return "\n".join(lines)


def _warnings(comparisons, unsettled: list, missing: list[str], unknown: list[str],
              unstated: dict[str, list[str]], decided: int, elsewhere: int,
              knockouts: int) -> list[str]:
    """What the tables cannot say themselves; `unsettled`: per outcome, how many of the run's
    candidates have no settled outcome yet, and `decided` how many have a person's decision
    standing on the run's evidence, `elsewhere` how many have only one made on other evidence
    (counted, not named: each is about a candidate's outcome)."""
    from ..fairness import ALL_OR_NONE, FEW, MIN_GROUP, MIN_SHOWN

    found = [t("{count} kandidat(er) har en stående beslutning truffet af en person; "
               "beslutningerne tæller med i udfaldene efter personers beslutninger, ikke i "
               "værktøjets forslag", count=decided)] if decided else []
    if elsewhere:  # else their proposed knock-outs read as ones nobody has decided
        found.append(t("{count} kandidat(er) har kun en beslutning truffet på andet grundlag "
                       "(i en kørsel på et andet stadie, en anden dato eller en anden udgave af "
                       "posten eller profilen); den står ikke på denne kørsels grundlag og "
                       "tæller ikke med", count=elsewhere))
    found += [t("{outcome}: {count} kandidat(er) har endnu intet afklaret udfald ({why}) og "
                "tæller ikke med i raterne; de står under Uafklarede", outcome=outcome.text(),
                count=count, why=t(outcome.unsettled))
              for outcome, count in unsettled if count]
    if not knockouts:  # else the overrides were a table of zeros, "too few to conclude"
        found.append(t("ingen foreslået knock-out i kørslen: ingen at underkende, så der er "
                       "ingen tabel over underkendte knock-outs"))
    # the groups hidden under every outcome (FEW) named once per attribute, those hidden
    # under one outcome only (ALL_OR_NONE) with it
    hidden = {}
    for c in comparisons:
        for why, named in ((FEW, c.attribute),
                           (ALL_OR_NONE, f"{c.attribute} · {c.outcome.text()}")):
            if groups := [r.group for r in c.rates if r.hidden_because == why]:
                hidden[named] = (why, groups)
    for named, (why, groups) in hidden.items():
        found.append(t("{attribute}: {groups} vises uden tal: {why}", attribute=named,
                       groups=", ".join(groups), why=t(HIDDEN_BECAUSE[why], n=MIN_SHOWN)))
    # per attribute, the groups small under any outcome about every candidate; under one
    # about some (the overrides: a handful of proposed knock-outs), named with it, as nearly
    # every group is small there and would read as small in the proposals too
    small: dict[str, set[str]] = {}
    for c in comparisons:
        named = c.attribute if c.outcome.among is None else f"{c.attribute} · {c.outcome.text()}"
        small.setdefault(named, set()).update(c.small_groups)
    for attribute, named in small.items():
        if not named:
            continue
        groups = sorted(named)
        found.append(t("{attribute}: gruppen {groups} har under {n} kandidater med afklaret "
                       "udfald; for få til at konkludere noget om forskelsbehandling"
                       if len(groups) == 1 else
                       "{attribute}: grupperne {groups} har under {n} kandidater med afklaret "
                       "udfald; for få til at konkludere noget om forskelsbehandling",
                       attribute=attribute, groups=", ".join(groups), n=MIN_GROUP))
    if missing:
        found.append(t("{count} kandidat(er) i kørslen står ikke i gruppefilen og er ikke "
                       "talt med: {ids}", count=len(missing), ids=_listed(missing)))
    for attribute, ids in unstated.items():
        found.append(t("{attribute}: {count} kandidat(er) har ikke oplyst det og er ikke talt "
                       "med under det: {ids}", attribute=attribute, count=len(ids),
                       ids=_listed(ids)))
    if unknown:
        found.append(t("{count} id('er) i gruppefilen er ikke i kørslen: {ids}",
                       count=len(unknown), ids=_listed(unknown)))
    return found


def _listed(ids: list[str], shown: int = 20) -> str:
    """The first `shown` ids, and how many more: a groups file of a whole register (or of
    another run) is no warning of a hundred thousand ids on one line."""
    more = len(ids) - shown
    return ", ".join(ids[:shown]) + (f", … (+{more})" if more > 0 else "")


def _percent(value: float | None) -> str:
    return "–" if value is None else decimal(f"{100 * value:.1f}") + " %"


def _number(value: float | None) -> str:
    return "–" if value is None else decimal(f"{value:.3f}")


def _p_value(value: float | None) -> str:
    """Fisher's p to three decimals, and one too small for them as such: in a large field a
    p of 0.0000007 read '0,000', as if the difference could not be chance at all."""
    return "< " + decimal("0.001") if value is not None and value < 0.0005 else _number(value)
