"""Adverse impact: does a screening treat groups of applicants differently?

Pure computation over a recorded run's outcomes and a groups file the organisation keeps
apart (candidate id and voluntarily given attributes such as køn or aldersgruppe). The group
data never enters the records or the audit chain; this module only reads both and counts.

For each attribute (and each pair of attributes, as intersections) and each stage outcome
(the tool's proposals: no proposed knock-out, on the shortlist, a recommendation band or
better; and people's decisions: who goes on after them, and of the proposed knock-outs, those
a person overrode, `decided`): per group the number
of candidates, how many of them have no settled outcome yet (a krav not yet belyst, too
little evidence for a recommendation: the tool has not proposed either way), how many had
the outcome and the rate among those whose outcome is settled, as an analyst of adverse
impact compares those a decision has been made on; the impact ratio against the group
with the highest rate, judged by the four-fifths rule (Uniform Guidelines, 29 CFR
1607.4(D)); and Fisher's exact test of the group against all other candidates (two-sided,
scipy.stats.fisher_exact), which stays exact at the small numbers of a leadership hiring.
Groups under MIN_GROUP candidates are named in a plain warning: too few to conclude. The
figures of a group under MIN_SHOWN candidates are not shown at all, as they would tell what
happened to one person; nor are those of any group that would let such figures be worked
out by adding and subtracting the others, of its own table, of the other attributes' and
the intersections', and the run's totals (`blocks`). Nor, under an outcome, are those of a
group that would tell a part of the run where everyone, or no one, had it, as "mand: 4 of 4
go on" tells each man's (`pooled`).
"""

from __future__ import annotations

import csv
import io
import itertools
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from types import SimpleNamespace
from typing import TYPE_CHECKING

from .errors import InputError, Problem
from .messages import message

if TYPE_CHECKING:
    from .audit.decisions import Decision

FOUR_FIFTHS = Fraction(4, 5)
MIN_GROUP = 5  # below this a rate moves by 20 points or more with one candidate
MIN_SHOWN = 3  # a group of one or two: its figures are what happened to those persons
# why a group is shown without figures: it is (or, with the other tables, would tell) fewer
# than MIN_SHOWN candidates; or under this outcome it would tell, with the others and the
# run's totals, a part of the run where everyone, or no one, had the outcome
FEW, ALL_OR_NONE = "few", "all_or_none"
ID_COLUMNS = ("id", "kandidat", "candidate")
# attributes a groups file may give: each pair is compared too, so 300 columns (a whole HR
# export) made 45,000 intersections, three minutes and 800 MB of tables nobody reads
MAX_ATTRIBUTES = 20


@dataclass(frozen=True)
class Outcome:
    id: str
    label: str  # a Danish template (i18n gives the English) filled with `values`
    values: dict[str, object]
    holds: Callable[[dict], bool]  # on a stored result whose outcome is settled
    # whether the tool has proposed either way on a stored result: one not settled is in no
    # rate, neither as had nor as not had (a thin record would else look favoured by "no
    # proposed knock-out" and disfavoured by every band)
    settled: Callable[[dict], bool]
    unsettled: str  # a Danish phrase (i18n gives the English): what leaves it unsettled
    # the candidates it is about, the others in none of its counts: for the overrides,
    # those with a proposed knock-out a person is to decide on (None: every candidate)
    among: Callable[[dict], bool] | None = None
    counts: str = "proposals"  # or "decisions": whose outcome it is, the tool's or people's
    # the outcome whose tables count, per group, the candidates this one is about (the
    # overrides are about the proposed knock-outs, which "no_knockout" counts): its parts are
    # pooled from that outcome's, or the two tables together told the count of a smaller part
    within: str | None = None

    def about(self, result: dict) -> bool:
        """Whether the stored `result` is one of the candidates the outcome is about."""
        return self.among is None or self.among(result)

    def text(self) -> str:
        from .i18n import t

        return t(self.label, **self.values)


@dataclass(frozen=True)
class GroupRate:
    group: str
    candidates: int | None  # None, with every figure, for a hidden group (`blocks`)
    unsettled: int | None  # of the candidates, those whose outcome is not settled yet
    selected: int | None
    rate: float | None  # selected among the settled; None when none is settled
    impact_ratio: float | None  # None when no group was selected at all
    below_four_fifths: bool
    p_value: float | None  # group against the rest; None with only one group
    hidden_because: str | None = None  # FEW or ALL_OR_NONE for a hidden group

    @property
    def hidden(self) -> bool:
        """Whether the group's figures are not shown (see `blocks`)."""
        return self.candidates is None


@dataclass(frozen=True)
class Comparison:
    attribute: str
    outcome: Outcome
    rates: tuple[GroupRate, ...]
    small_groups: tuple[str, ...]  # groups whose rate rests on under MIN_GROUP candidates


@dataclass(frozen=True)
class Groups:
    attributes: tuple[str, ...]
    members: dict[str, dict[str, str]]  # candidate id -> attribute -> value (given ones only)


def read_groups(text: str, path: str) -> Groups:
    """The groups file: CSV (comma, semicolon or tab) with a header; an id column and one
    column per attribute. An empty cell means the candidate did not give that attribute."""
    # composed, as records and rule files are: "Århus" typed as A and a ring (copied from a
    # Mac or a PDF) was a group apart from "Århus", which looks just the same
    lines = unicodedata.normalize("NFC", text.lstrip("\ufeff")).splitlines()
    if not lines:
        raise InputError([Problem(path, message("groups_empty"), code="E601")])
    # "sep=;" first, as programs write a CSV for Excel to split on ";": the header follows
    first = lines[0].strip().lower()
    told = first[-1] if len(first) == 5 and first.startswith("sep=") else None
    delimiter = told or max(",;\t", key=lines[0].count)
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []  # each row with the line it begins on
    try:
        for row in reader:
            rows.append((reader.line_num - row_lines(row), row))
    except csv.Error:  # the one error of a lenient reader: a value beyond the csv module's limit
        raise InputError([Problem(path, message("groups_value_too_long",
                                                limit=csv.field_size_limit()),
                                  reader.line_num, 1, code="E602")]) from None
    if told:
        rows = rows[1:]
    if not rows:
        raise InputError([Problem(path, message("groups_empty"), code="E601")])
    header_line, header = rows[0][0], [h.strip() for h in rows[0][1]]
    ids = [i for i, h in enumerate(header) if h.lower() in ID_COLUMNS]
    # a column without a name, as Danish Excel ends each line ";;" after a stray cell, is
    # no attribute (taken for one named '', every candidate was named as not giving it),
    # unless a row gives it a value, whose attribute nobody can tell
    named = [i for i, h in enumerate(header) if h]
    unnamed = [next(((number, i) for number, row in rows[1:]
                     if i < len(row) and row[i].strip()), None)
               for i, h in enumerate(header) if not h]
    if valued := sorted(found for found in unnamed if found):
        raise InputError([Problem(path, message("groups_unnamed_column", column=i + 1),
                                  number, i + 1, code="E601") for number, i in valued])
    if len(ids) != 1 or len(named) < 2:
        raise InputError([Problem(path, message("groups_header"), header_line, 1,
                                  code="E601")])
    id_at = ids[0]
    first_at: dict[str, int] = {}
    for column, name in enumerate(header, start=1):
        if not name:
            continue
        if name in first_at:  # a copied column: its values would overwrite the first's
            raise InputError([Problem(path, message("groups_column_twice", column=column,
                                                    name=name, first=first_at[name]),
                                      header_line, 1, code="E601")])
        first_at[name] = column
    given_at = [i for i in named if i != id_at]  # the attributes' columns
    attributes = tuple(header[i] for i in given_at)
    if len(attributes) > MAX_ATTRIBUTES:
        raise InputError([Problem(path, message("groups_too_many", count=len(attributes),
                                                limit=MAX_ATTRIBUTES), header_line, 1,
                                  code="E601")])
    members: dict[str, dict[str, str]] = {}
    problems = []
    # per attribute, each value as first written, and where, by its letters in any case:
    # "Kvinde" and "kvinde" were two groups, each too small to show, and the women hidden
    spellings: dict[str, dict[str, tuple[str, int]]] = {a: {} for a in attributes}
    misspelt: set[tuple[str, str]] = set()  # each other spelling named once, where first
    for number, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        if row_lines(row):  # a quote left open runs the lines after it into one value
            problems.append(Problem(path, message("groups_line_break"), number, 1,
                                    code="E602"))
            continue
        if len(row) != len(header):
            problems.append(Problem(path, message("groups_row_width", fields=len(row),
                                                  header=len(header)),
                                    number, 1, code="E602"))
            continue
        # a record's id is lower case (records.Slug): "K01-Mette-Kjaer" can only be hers
        candidate = row[id_at].strip().lower()
        if not candidate:  # attributes of nobody: counted under no candidate of any run
            problems.append(Problem(path, message("groups_no_id"), number, 1, code="E602"))
            continue
        if candidate in members:
            problems.append(Problem(path, message("groups_twice", candidate=candidate), number,
                                    1, code="E603"))
            continue
        values = [row[i].strip() for i in given_at]
        members[candidate] = {a: v for a, v in zip(attributes, values, strict=True) if v}
        for attribute, value in members[candidate].items():
            spelt, line = spellings[attribute].setdefault(value.casefold(), (value, number))
            if spelt != value and (attribute, value) not in misspelt:
                misspelt.add((attribute, value))
                problems.append(Problem(path, message("groups_spelt_twice", value=value,
                                                      attribute=attribute, first=spelt,
                                                      line=line),
                                        number, first_at[attribute], code="E602"))
    if problems:
        raise InputError(problems)
    return Groups(attributes, members)


def row_lines(row: list[str]) -> int:
    """The line breaks inside a row's values: the lines it runs over, beyond its first."""
    return sum(cell.count("\n") for cell in row)


def outcomes(results: Sequence[dict], take: int | None, bands: Sequence[tuple[str, str]]
             ) -> list[Outcome]:
    """The stage outcomes of a run, each one a selection: no proposed knock-out, on the
    shortlist of `take` (the tool's proposal, ties for the last place included), and each of
    the profile's `bands` (best first, as band and label) or a better one, named by its label
    in the profile's words. Each says when a candidate's outcome is settled: no proposed
    knock-out is settled by one proposed or by every krav met (a krav not yet belyst, or one
    the sources still to come may meet, may still prove one); the shortlist for all but
    those with too little evidence, for whom it proposes nothing; a band by a
    recommendation (a proposed knock-out is in none), not by "afventer belysning" or
    "utilstrækkeligt belyst"."""
    from .vocabulary import PENDING_BAND, SPARSE_BAND

    found = [Outcome("no_knockout", "ingen foreslået knock-out", {},
                     lambda r: not r["knockouts"],
                     lambda r: bool(r["knockouts"]) or _every_krav_met(r),
                     "et krav endnu ikke belyst, eller et, kommende kilder kan opfylde")]
    if take is not None:
        listed, unjudged = _shortlisted(results, take)
        found.append(Outcome("shortlisted", "på shortlisten (top {take})", {"take": take},
                             lambda r: r["id"] in listed, lambda r: r["id"] not in unjudged,
                             "utilstrækkeligt belyst: værktøjet foreslår intet"))
    found += [Outcome(f"band:{band}", "anbefaling '{label}' eller bedre", {"label": label},
                      _in_bands(frozenset(better for better, _ in bands[:n + 1])),
                      lambda r: r["recommendation"] not in (PENDING_BAND, SPARSE_BAND),
                      "afventer belysning eller utilstrækkeligt belyst: endnu ingen "
                      "anbefaling")
              for n, (band, label) in enumerate(bands)]
    return found


def decided(results: Sequence[dict], take: int | None, decisions: Mapping[str, Decision]
            ) -> list[Outcome]:
    """The outcomes people's `decisions` (the standing ones on the run's evidence,
    `on_this_evidence`) give: who goes on after them, on the shortlist of `take` the
    committee meets (`shortlist` with the decisions: who was decided to go on takes a place,
    a proposed knock-out or too little evidence waits for a decision), and, of the proposed
    knock-outs, which a person overrode. A candidate goes on by an advance or an override,
    is out by a stop or a confirmation, and without a decision goes on when no knock-out is
    proposed, every krav is met and the evidence is enough for the tool to propose (with too
    little, a person decides: `shortlist`); a proposed knock-out nobody has decided yet, a
    krav not yet belyst or too little evidence nobody has decided on, is unsettled, as the
    process has not ended there either way. The overrides are an outcome only of a run with
    a proposed knock-out."""
    from .audit.decisions import ADVANCES
    from .vocabulary import SPARSE_BAND

    def goes_on(result: dict) -> bool:
        decision = decisions.get(result["id"])
        return decision.outcome == ADVANCES if decision else not result["knockouts"]

    def settled(result: dict) -> bool:
        decision = decisions.get(result["id"])
        if decision:
            return decision.outcome is not None
        return (not result["knockouts"] and _every_krav_met(result)
                and result["recommendation"] != SPARSE_BAND)

    found = [Outcome("goes_on", "går videre efter personers beslutninger", {}, goes_on,
                     settled, "en foreslået knock-out, ingen person har afgjort endnu, et "
                     "krav endnu ikke belyst eller for lidt evidens til et forslag",
                     counts="decisions")]
    if take is not None:
        listed, waiting = _shortlisted(results, take, decisions)
        found.append(Outcome("shortlisted_decided",
                             "på shortlisten (top {take}) efter personers beslutninger",
                             {"take": take}, lambda r: r["id"] in listed,
                             lambda r: r["id"] not in waiting,
                             "en foreslået knock-out eller for lidt evidens, ingen person har "
                             "afgjort endnu", counts="decisions"))
    if not any(r["knockouts"] for r in results):  # no override to compare: not a table of 0s
        return found
    return [*found,
            Outcome("overridden",
                    "foreslået knock-out underkendt af en person (blandt de foreslåede)", {},
                    goes_on, lambda r: r["id"] in decisions and settled(r),
                    "ingen person har afgjort den foreslåede knock-out endnu",
                    among=lambda r: bool(r["knockouts"]), counts="decisions",
                    within="no_knockout")]


def _every_krav_met(result: dict) -> bool:
    from .results import O

    return all(c["status"] == O for c in result["criteria"] if c["priority"] == "krav")


def _in_bands(bands: frozenset[str]) -> Callable[[dict], bool]:
    return lambda result: result["recommendation"] in bands


def _shortlisted(results: Sequence[dict], take: int, decisions: Mapping[str, Decision] | None = None
                 ) -> tuple[set[str], set[str]]:
    """The ids the shortlist of `take` takes (ties included), and those it proposes nothing
    for (too little evidence: a person decides); with people's `decisions`, the shortlist
    the committee meets, where a proposed knock-out nobody has decided waits too."""
    from .shortlist import shortlist

    ranks = _ranks(results)
    ranked = [SimpleNamespace(**{**r, "rank": ranks[r["id"]]})
              for r in sorted(results, key=lambda r: (ranks[r["id"]], r["id"]))]
    chosen = shortlist(SimpleNamespace(results=ranked), take,  # type: ignore[arg-type]
                       decisions)
    waiting = chosen.unjudged + (chosen.knocked_out if decisions is not None else ())
    return {r.id for r in (*chosen.taken, *chosen.tied)}, {r.id for r in waiting}


def _ranks(results: Sequence[dict]) -> dict[str, int]:
    """Each candidate's rank as recorded; a JSON Lines run records its lines unranked (rank
    None: every candidate tied for the last place), so they are ranked here by the figures
    recorded, as `scoring.rank` ranks any run."""
    if all(r["rank"] is not None for r in results):
        return {r["id"]: r["rank"] for r in results}
    from .results import CandidateResult, Score
    from .scoring import rank

    return {ranked.id: ranked.rank for ranked in rank([
        CandidateResult(r["id"], (), Score(r["score"], r["possible"], r["coverage"]), {},
                        tuple(r["knockouts"]), r["recommendation"], "") for r in results])}


# a candidate's group under an attribute, or under a pair of them (None: not recorded)
GroupOf = Callable[[Mapping[str, str]], str | None]


def _value_of(attribute: str) -> GroupOf:
    return lambda groups: groups.get(attribute)


def _pair_of(a: str, b: str) -> GroupOf:
    return lambda groups: f"{groups[a]} / {groups[b]}" if a in groups and b in groups else None


def compare(results: Sequence[dict], groups: Groups, outcome_list: Sequence[Outcome]
            ) -> list[Comparison]:
    """Every attribute and pair of attributes, against every outcome. A group's figures are
    shown under an outcome when it is whole parts of the run under that outcome (`pooled`),
    each holding someone who had it and someone whose settled outcome is without it; else it
    is hidden, FEW when it is not whole `blocks` at all, ALL_OR_NONE when only this outcome
    hides it."""
    by_id = {r["id"]: r for r in results}
    attributes = [(a, _value_of(a)) for a in groups.attributes]
    attributes += [(f"{a} × {b}", _pair_of(a, b))
                   for a, b in itertools.combinations(groups.attributes, 2)]
    divided = blocks(sorted(by_id), groups)
    parts: dict[str, list[Part]] = {}
    uniform = set()  # the outcomes under which even the whole run is all or none
    run = {}  # per outcome, the run's settled and those of them with the outcome
    for outcome in outcome_list:
        settled = [r for r in results if outcome.about(r) and outcome.settled(r)]
        run[outcome.id] = (len(settled), sum(outcome.holds(r) for r in settled))
        mixed = _mixed(outcome, by_id)
        parts[outcome.id] = pooled(parts[outcome.within] if outcome.within else divided, mixed)
        if not all(mixed(part) for _, part in parts[outcome.id]):
            uniform.add(outcome.id)
    comparisons = []
    for name, value_of in attributes:
        members: dict[str, list[dict]] = {}
        for candidate, given in groups.members.items():
            value = value_of(given)
            if candidate in by_id and value is not None:
                members.setdefault(value, []).append(by_id[candidate])
        if not members:
            continue
        few = {g for g, rs in members.items() if not _whole(rs, divided)}
        for outcome in outcome_list:
            hidden = {g: FEW if g in few else ALL_OR_NONE for g, rs in members.items()
                      if g in few or outcome.id in uniform
                      or not _whole(rs, parts[outcome.id])}
            counts = {}
            for group, everyone in sorted(members.items()):
                rs = [r for r in everyone if outcome.about(r)]
                settled = [r for r in rs if outcome.settled(r)]
                counts[group] = (len(rs), sum(outcome.holds(r) for r in settled),
                                 len(rs) - len(settled))
            comparisons.append(Comparison(name, outcome, rates(counts, hidden, run[outcome.id]),
                                          tuple(g for g, (n, _, u) in counts.items()
                                                if n - u < MIN_GROUP)))
    return comparisons


# a part of the run: where it was divided off (its place in each division it went through,
# so the parts of one division begin alike) and its candidates
Part = tuple[tuple[int, ...], list[str]]


def blocks(candidates: Sequence[str], groups: Groups) -> list[Part]:
    """The run's `candidates` in blocks of at least MIN_SHOWN (unless the run is smaller): a
    group's figures are shown only when it is whole blocks. Every figure shown, of any
    table, and the run's totals, is then a sum over whole blocks, and so is whatever adding
    and subtracting them works out: never the figures of fewer than MIN_SHOWN, nor of a
    group not shown. Hidden per table, the women of 50-59 shown beside all women told what
    happened to the one woman of 30-39.

    The run is divided by the attributes in the file's order (not given, or not in the
    file, as a value of its own), a block kept whole where a part of it would hold fewer
    than MIN_SHOWN: the small parts are pooled, with the next smallest while the pool holds
    fewer, so the first attribute is the one most likely shown."""
    found: list[Part] = [((), list(candidates))]
    for attribute in groups.attributes:
        divided = []
        for place, block in found:
            parts: dict[str | None, list[str]] = {}
            for candidate in block:
                parts.setdefault(groups.members.get(candidate, {}).get(attribute),
                                 []).append(candidate)
            smallest_first = [part for _, part in sorted(
                parts.items(), key=lambda item: (len(item[1]), item[0] is not None,
                                                 item[0] or ""))]
            pool = [c for part in smallest_first if len(part) < MIN_SHOWN for c in part]
            kept = [part for part in smallest_first if len(part) >= MIN_SHOWN]
            while pool and len(pool) < MIN_SHOWN and kept:
                pool += kept.pop(0)
            divided += [((*place, n), part) for n, part in enumerate(kept + ([pool] if pool
                                                                             else []))]
        found = divided
    return found


def pooled(parts: Sequence[Part], mixed: Callable[[Sequence[str]], bool]) -> list[Part]:
    """The `parts`, each one that is not `mixed` pooled with a neighbour, the one divided
    off in the same division if there is one (the smaller of two), until every part is or
    the run is one part. Under an outcome, a part where everyone or no one had it would tell
    each one's outcome to whoever knows who is in it (every man goes on: so did he), as
    surely as a group of one: pooled, its figures are part of a part's that holds both.
    Pooling only joins whole parts, so whatever the tables of every outcome work out
    together is still a sum over whole `blocks`."""
    found = list(parts)
    while len(found) > 1:
        at = next((n for n, (_, part) in enumerate(found) if not mixed(part)), None)
        if at is None:
            break
        place = found[at][0]
        near = max((n for n in (at - 1, at + 1) if 0 <= n < len(found)),
                   key=lambda n: (_shared(place, found[n][0]), -len(found[n][1])))
        first, second = sorted((at, near))
        found[first:second + 1] = [(found[first][0][:_shared(place, found[near][0])],
                                    found[first][1] + found[second][1])]
    return found


def _shared(place: tuple[int, ...], other: tuple[int, ...]) -> int:
    """How many divisions two parts went through together."""
    return next((n for n, (a, b) in enumerate(zip(place, other, strict=False))
                 if a != b),
                min(len(place), len(other)))


def _mixed(outcome: Outcome, by_id: Mapping[str, dict]) -> Callable[[Sequence[str]], bool]:
    """Whether a part of the run holds, under `outcome`, both someone who had it and someone
    whose settled outcome is without it (a part where no one's is settled is all or none
    too: no one had it)."""
    def mixed(part: Sequence[str]) -> bool:
        had = [outcome.holds(r) for r in (by_id[c] for c in part)
               if outcome.about(r) and outcome.settled(r)]
        return any(had) and not all(had)
    return mixed


def _whole(members: Sequence[dict], parts: Sequence[Part]) -> bool:
    """Whether `members` are whole `parts`, and MIN_SHOWN or more."""
    ids = {r["id"] for r in members}
    return len(ids) >= MIN_SHOWN and all(ids.isdisjoint(part) or ids.issuperset(part)
                                         for _, part in parts)


def rates(counts: Mapping[str, tuple[int, int, int]], hidden: Mapping[str, str] | None = None,
          everyone: tuple[int, int] | None = None) -> tuple[GroupRate, ...]:
    """Per group (candidates, selected, unsettled): the rate among the settled (candidates
    but the unsettled), impact ratio against the highest rate, the four-fifths rule, and
    Fisher's exact test of the group's settled against the rest's; a `hidden` group (with
    why: FEW or ALL_OR_NONE) with none of them, nor is it the highest rate the others are
    measured against. The rest is `everyone` (the settled of the whole run, and those of
    them with the outcome) but the group, or else the other groups: tested against the
    groups of an attribute Sofie did not give, a group's p told, with the run's totals, what
    happened to her.
    Rates and ratios are exact fractions until shown: 3 of 5 against 3 of 4 is a ratio of
    exactly 4/5, which the rule does not mark, yet in floating point it came out 0.7999…."""
    from scipy.stats import fisher_exact

    hidden = hidden or {}
    total, chosen = everyone or (sum(n - u for n, _, u in counts.values()),
                                 sum(k for _, k, _ in counts.values()))
    best = max((Fraction(k, n - u) for g, (n, k, u) in counts.items()
                if g not in hidden and n > u), default=0)
    found = []
    for group, (candidates, k, u) in counts.items():
        if group in hidden:
            found.append(GroupRate(group, None, None, None, None, None, False, None,
                                   hidden[group]))
            continue
        n = candidates - u
        ratio = Fraction(k, n) / best if best and n else None
        p = None
        if len(counts) > 1 and n:
            table = [[k, n - k], [chosen - k, (total - n) - (chosen - k)]]
            p = float(fisher_exact(table, alternative="two-sided").pvalue)
        found.append(GroupRate(group, candidates, u, k, k / n if n else None,
                               None if ratio is None else float(ratio),
                               ratio is not None and ratio < FOUR_FIFTHS, p))
    return tuple(found)


def not_given(results: Sequence[dict], groups: Groups) -> dict[str, list[str]]:
    """Per attribute, the run's candidates in the groups file who left it empty: they are
    in none of its groups, nor in the intersections with it."""
    screened = sorted(r["id"] for r in results)
    return {a: missing for a in groups.attributes
            if (missing := [c for c in screened
                            if c in groups.members and a not in groups.members[c]])}


def coverage(results: Sequence[dict], groups: Groups) -> tuple[list[str], list[str]]:
    """Candidates of the run missing from the groups file, and ids of the file not in the
    run (a misspelt id, or a candidate of another run)."""
    screened = {r["id"] for r in results}
    return (sorted(screened - groups.members.keys()),
            sorted(groups.members.keys() - screened))
