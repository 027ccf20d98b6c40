"""The begrundelse for one candidate: what was decided, on which rules and evidence, by whom.

It holds only that candidate's data, so it can be handed over on a request for access to
the documents (partsaktindsigt)."""

from __future__ import annotations

from typing import Any

from ..display import markdown as escape
from ..wording import value_text
from .decisions import Decision, describe
from .store import AuditStore

STATUS = {"opfyldt": "opfyldt", "delvist": "delvist opfyldt", "ikke_opfyldt": "ikke opfyldt",
          "ikke_belyst": "ikke belyst"}


def begrundelse(store: AuditStore, run_id: str, candidate: str) -> dict[str, Any]:
    run = store.run(run_id)
    result = dict(store.result(run_id, candidate))
    source = result.pop("input")
    return {
        "run": run_id, "screened": run["created"], "by": run["operator"],
        "profile": run["profile"], "stage": run["stage"], "as_of": run["as_of"],
        "tool": run["tool"], "record_sha256": source["sha256"],
        "personal": store.personal(run_id, candidate),
        "result": result,
        "decisions": store.decisions(run_id, candidate),
        "standing_decision": _as_dict(store.standing(run_id).get(candidate)),
    }


def _as_dict(decision: Decision | None) -> dict | None:
    return decision.as_dict() if decision else None


def markdown(doc: dict[str, Any]) -> str:
    """The begrundelse as Markdown. Every text that people typed (names, titles, quotes,
    reasons) is one escaped paragraph, so none of it can add a section or a line."""
    r, p = doc["result"], doc["profile"]
    m = escape
    lines = [f"# Begrundelse: {m(r['id'])}", "",
             f"Profil: {m(p['title'])}, {m(p['organisation'])} ({m(p['id'])} "
             f"v{m(p['version'])}, regler sha256 {p['sha256'][:12]})",
             f"Screenet {m(doc['screened'])} af {m(doc['by'])}, stadie {m(doc['stage'])}, "
             f"dato for vurdering {m(doc['as_of'])}, kørsel {m(doc['run'])}."]
    if doc["personal"]:
        lines.append("Kandidat: " + ", ".join(m(v) for v in doc["personal"].values()))
    ranged = " (sikret–muligt)" if r.get("possible") not in (None, r["score"]) else ""
    partly = r.get("partly_met_knockouts", [])  # runs recorded before it existed hold none
    knockouts = [f"{k} (krav kun delvist opfyldt)" if k in partly else k
                 for k in r["knockouts"]]
    lines += ["", f"Score {score_range_text(r)} af 100{ranged}, dækning "
              f"{value_text(r['coverage'])} %. Anbefaling: "
              f"{m(r['recommendation'])}. Foreslåede knock-outs: "
              f"{m(', '.join(knockouts) or 'ingen')}.",
              "Værktøjet anbefaler; ansættelsesudvalget beslutter.", "", "## Kriterier", ""]
    for c in r["criteria"]:
        points = "ingen point" if c["points"] is None else \
            f"{value_text(c['points'])} af {value_text(c['max_points'])} point"
        lines.append(f"- **{m(c['id'])}** ({m(c['category'])}, {m(c['priority'])}): "
                     f"{STATUS[c['status']]}, {points}")
        lines.append(f"  - Profilen: \"{m(c['quote'])}\"")
        for e in c["evidence"]:
            lines.append(f"  - Grundlag: {m(e['path'])} = {m(value_text(e['value']))} "
                         f"({m(e['source'])})")
        for missing in c["missing"]:
            lines.append(f"  - Mangler: {m(missing)}")
    lines += ["", "## Beslutninger", ""]
    standing = doc["standing_decision"]
    if standing:
        lines += [f"Stående beslutning: {m(describe(Decision(**standing)))}.", ""]
    for d in doc["decisions"] or []:
        superseded = " (erstattet)" if standing and d["seq"] != standing["seq"] else ""
        lines.append(f"- Post {d['seq']}{superseded}: {m(describe(Decision(**d)))}")
    if not doc["decisions"]:
        lines.append("- Ingen endnu: en person beslutter, om kandidaten går videre.")
    return "\n".join(lines) + "\n"


def score_range_text(result: dict[str, Any]) -> str:
    """"70,6–91,2" while something is unknown; runs recorded before the possible score
    existed show their single score."""
    possible = result.get("possible")
    if possible is None or possible == result["score"]:
        return value_text(result["score"])
    return f"{value_text(result['score'])}–{value_text(possible)}"
