"""The begrundelse for one candidate: what was decided, on which rules and evidence, by whom.

It holds only that candidate's data, so it can be handed over on a request for access to
the documents (partsaktindsigt)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..catalogue import COLLECTIONS, entry_title
from ..conditions import Some, parse
from ..display import markdown as escape
from ..display import one_line
from ..i18n import language, moment, t
from ..report import number_text, points_text
from ..results import Evidence, missing_of
from ..vocabulary import (
    BANDS,
    CATEGORY_TITLES,
    KNOCKOUT_BAND,
    PARTLY_MET_KNOCKOUT_BAND,
    PRIORITIES,
    STAGES,
    STATUSES,
    label,
)
from ..wording import ITEM_FIELD, grounds, missing_text, some_text
from .decisions import Decision, ProfileKey, decision_line, describe
from .store import AuditStore, command_of

if TYPE_CHECKING:
    from ..profiles import Profile
    from ..records import CandidateRecord


def begrundelse(store: AuditStore, run_id: str, candidate: str) -> dict[str, Any]:
    run = store.run(run_id)
    result = dict(store.result(run_id, candidate))
    source = result.pop("input")
    # what a person decided on this evidence, in this run or another screening of the same
    # records (oldest first), and the decision that stands on it; with none, the latest
    # made on other evidence, marked: as screen shows the candidate
    profile, stage, as_of = run["profile"], run["stage"], run["as_of"]
    inputs = {candidate: source["sha256"]}
    history, shown = store.decisions_with_history(ProfileKey.of_run(profile), profile["id"],
                                                  stage, as_of, inputs)
    return {
        "run": run_id, "screened": run["created"], "by": run["operator"],
        "command": command_of(run),
        "profile": run["profile"], "stage": run["stage"], "as_of": run["as_of"],
        "tool": run["tool"], "record_sha256": source["sha256"],
        "personal": store.personal(run_id, candidate),
        "result": in_reader_language(result),
        "decisions": [d.as_dict() for d in history],
        "standing_decision": _as_dict(shown.get(candidate)),
        **_stored_words(store, run),
    }


def in_reader_language(result: dict[str, Any]) -> dict[str, Any]:
    """A stored result with what its criteria miss, and the inline `some` an evidence path
    tells of, worded in the chosen language from the data stored beside the words
    (`results.Missing`, the `some` as its rule file wrote it); a run recorded before that
    data existed keeps the words it was recorded with."""
    return {**result, "criteria": [_criterion_in_reader_language(c) for c in result["criteria"]]}


def _criterion_in_reader_language(criterion: dict[str, Any]) -> dict[str, Any]:
    worded = {**criterion, "evidence": [
        {**e, "path": some_text(_some_of(e["some"]), language(), codes=True)} if "some" in e
        else e
        for e in criterion["evidence"]]}
    if "missing_structured" in criterion:
        worded["missing"] = [missing_text(missing_of(m))
                             for m in criterion["missing_structured"]]
    return worded


def _evidence_of(stored: dict[str, Any], record: CandidateRecord | None) -> Evidence:
    """A stored piece of evidence as the result had it: the entry's title, or the
    assessment's assessor and competency, read from the `record` the run stored (not
    stored with the evidence); without the record, its path alone."""
    note, competency = _told_by(record, stored["path"]) if record else (None, None)
    return Evidence(stored["path"], stored["value"], stored["source"], note,
                    _some_of(stored["some"]) if "some" in stored else None, competency)


def _told_by(record: CandidateRecord, path: str) -> tuple[str | None, str | None]:
    """What the record says of the entry at `path` ("assessments[3].score"): its title, or
    an assessment's assessor and competency."""
    found = ITEM_FIELD.match(path)
    if found is None:
        return None, None
    collection, index = found["collection"], int(found["index"])
    items = record.assessments if collection == "assessments" else (
        getattr(record, COLLECTIONS[collection].record_attr) if collection in COLLECTIONS
        else [])
    if index >= len(items):
        return None, None
    item = items[index]
    if collection == "assessments":
        return item.assessor, item.competency
    return entry_title(item, COLLECTIONS[collection]) or None, None


def stored_record(store: AuditStore, run_id: str, candidate: str) -> CandidateRecord | None:
    """The record the run screened (without its personal data), or None when the store no
    longer holds it or it no longer reads as a record."""
    from pydantic import ValidationError

    from ..errors import InputError
    from ..records import CandidateRecord

    digest = store.result(run_id, candidate)["input"].get("record")
    try:
        return CandidateRecord.model_validate_json(store.blob(digest)) if digest else None
    except (InputError, ValidationError):
        return None


def _some_of(stored: dict[str, Any]) -> Some:
    some = parse(stored)
    assert isinstance(some, Some), "only an inline `some` is stored with its evidence"
    return some


def stored_bands(store: AuditStore, run: dict) -> dict[str, str]:
    """The bands of the run's own profile (band -> label in the profile's words), read from
    its stored rule files: a result stores the band, and the papers show its label."""
    return _stored_words(store, run)["bands"]


def _stored_words(store: AuditStore, run: dict) -> dict[str, dict[str, str]]:
    """The profile's own words for what a result stores by code, read from the run's stored
    rule files: its bands' labels and its criteria's names. A run whose rule files are gone
    from the store, or no longer load, still shows (and its begrundelse can still be handed
    over), with each band and criterion by its code."""
    from .replay import band_labels

    profile = readable_profile(store, run)
    if profile is None:
        return {"bands": {}, "names": {}}
    return {"bands": band_labels(profile), "names": {c.id: c.name for c in profile.criteria}}


def readable_profile(store: AuditStore, run: dict) -> Profile | None:
    """The run's profile as its stored rule files say it; None when they are gone from the
    store or no longer load."""
    from ..errors import InputError
    from .replay import stored_profile

    try:
        return stored_profile(store, run)
    except InputError:
        return None


def _as_dict(decision: Decision | None) -> dict | None:
    return decision.as_dict() if decision else None


def markdown(doc: dict[str, Any], m: Callable[[object], str] = escape,
             profile: Profile | None = None, record: CandidateRecord | None = None) -> str:
    """The begrundelse as Markdown. Every text that people typed (names, titles, quotes,
    reasons) is one escaped paragraph, so none of it can add a section or a line; for a
    terminal (`m=plain`) one paragraph as written, without Markdown's backslashes. The
    evidence is worded for people (`wording.grounds`), a derived fact by the description
    of the run's `profile` (`readable_profile`), an entry by its title and a score by its
    competency and assessor in the `record` the run stored (`stored_record`); the exact
    paths are in the JSON."""
    r, p = doc["result"], doc["profile"]
    lines = [f"# {t('Begrundelse')}: {m(r['id'])}", "",
             t("Profil: {title}, {organisation} ({id} v{version}, regler sha256 {sha256})",
               title=m(p["title"]), organisation=m(p["organisation"]), id=m(p["id"]),
               version=m(p["version"]), sha256=p["sha256"][:12]),
             t("Screenet {screened} af {by} med {command}, stadie {stage}, dato for vurdering "
               "{as_of}, kørsel {run}.", screened=m(moment(doc["screened"])), by=m(doc["by"]),
               command=m(doc["command"]), stage=m(label(STAGES, doc["stage"])),
               as_of=m(doc["as_of"]), run=m(doc["run"]))]
    if doc["personal"]:
        lines.append(f"{t('Kandidat')}: " + ", ".join(m(v) for v in doc["personal"].values()))
    ranged = f" ({t('sikret–muligt')})" if r.get("possible") not in (None, r["score"]) else ""
    knockouts = knockout_texts(r)
    lines += ["", t("Score {score} af 100{ranged}, dækning {coverage} %. Anbefaling: "
                    "{recommendation}. Foreslåede knock-outs: {knockouts}.",
                    score=score_range_text(r), ranged=ranged,
                    coverage=number_text(r["coverage"]),
                    recommendation=m(recommendation_text(r, doc["bands"])),
                    knockouts=m(", ".join(knockouts) or t("ingen"))),
              t("Værktøjet anbefaler; ansættelsesudvalget beslutter."), "",
              f"## {t('Kriterier')}", ""]
    for c in r["criteria"]:
        # a run recorded before open points existed holds none
        points = points_text(c["points"], c["max_points"], c.get("open_points", 0.0))
        name = doc["names"].get(c["id"])  # by its name where the rules still say it
        named = f"{m(name)}** ({m(c['id'])}, " if name else f"{m(c['id'])}** ("
        lines.append(f"- **{named}{m(label(CATEGORY_TITLES, c['category']))}, "
                     f"{m(label(PRIORITIES, c['priority']))}): "
                     f"{label(STATUSES, c['status'])}, {points}")
        lines.append(f"  - {t('Profilen')}: \"{m(c['quote'])}\"")
        for ground in grounds([_evidence_of(e, record) for e in c["evidence"]], profile):
            lines.append(f"  - {t('Grundlag')}: {m(ground)}")
        for missing in c["missing"]:
            lines.append(f"  - {t('Mangler')}: {m(missing)}")
    lines += ["", f"## {t('Beslutninger')}", ""]
    standing = doc["standing_decision"]
    if standing:
        lines += [m(decision_line(Decision(**standing))) + ".", ""]
    for d in doc["decisions"] or []:
        superseded = f" ({t('erstattet')})" if standing and d["seq"] != standing["seq"] else ""
        lines.append(f"- {t('Post')} {d['seq']}{superseded}: {m(describe(Decision(**d)))}")
    if not doc["decisions"]:
        lines.append("- " + t("Ingen endnu: en person beslutter, om kandidaten går videre."))
    return "\n".join(lines) + "\n"


def plain(text: object) -> str:
    """A text people typed as one line as written: for the begrundelse read in a terminal."""
    return one_line(str(text))


def knockout_texts(result: dict[str, Any]) -> list[str]:
    """A stored result's proposed knock-outs, those on a krav met only in part marked as
    `report.knockout_ids` marks them in screen, explain and shortlist: "(kun delvist)"."""
    partly = result.get("partly_met_knockouts", [])  # runs recorded before it existed hold none
    return [f"{k} ({t('kun delvist')})" if k in partly else k for k in result["knockouts"]]


def recommendation_text(result: dict[str, Any], bands: dict[str, str]) -> str:
    """A stored result's recommendation as `screen` words it: a band of the profile by its
    label in `bands` (see `stored_bands`); the knock-out band is stored once for both kinds,
    and reads "kun delvist opfyldt" when every krav short is met in part (as scoring labels
    it)."""
    knockouts, partly = result["knockouts"], result.get("partly_met_knockouts", [])
    if result["recommendation"] == KNOCKOUT_BAND and knockouts and set(knockouts) <= set(partly):
        return label(BANDS, PARTLY_MET_KNOCKOUT_BAND)
    return bands.get(result["recommendation"]) or label(BANDS, result["recommendation"])


def score_range_text(result: dict[str, Any]) -> str:
    """"70,6–91,2" while something is unknown, as `screen` writes it; runs recorded before
    the possible score existed show their single score."""
    possible = result.get("possible")
    if possible is None or possible == result["score"]:
        return number_text(result["score"])
    return f"{number_text(result['score'])}–{number_text(possible)}"
