"""Human decisions as state: what a person decided about a candidate, and which decision stands.

Decisions are appended to the hash chain like everything else; the *standing* decision for a
run and candidate is computed: the latest one. A decision that would reverse the standing one
must say so (`supersede`), so two contradicting decisions never sit side by side unnoticed.

Every decision ends in an outcome a person can act on: the candidate goes on, or does not.
On a proposed knock-out a person confirms it (does not go on) or overrides it (goes on); on a
candidate without one, the person says which of the two it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..messages import Told, message

if TYPE_CHECKING:
    from ..profiles import Profile

ADVANCES, STOPS = "advances", "stops"
# a reason is a paragraph or a page, and a name a name (a record's texts take 2,000
# characters); a megabyte of either would be shown in full on every paper that names the
# candidate
MAX_REASON = 10_000
MAX_NAME = 2_000
# decision -> (what it applies to, the outcome it gives)
DECISIONS: dict[str, tuple[str, str]] = {
    "confirm": ("knockout", STOPS),
    "override": ("knockout", ADVANCES),
    "advance": ("candidate", ADVANCES),
    "stop": ("candidate", STOPS),
}


@dataclass(frozen=True)
class Decision:
    seq: int  # the entry in the chain
    run: str
    candidate: str
    created: str
    decision: str  # confirm | override | advance | stop
    target: str  # knockout | candidate
    outcome: str | None  # advances | stops (None: recorded before outcomes were kept)
    reason: str | None
    by: str
    supersedes: int | None = None  # the entry of the standing decision it replaced
    # set on a decision made in a run on other evidence (another stage, date, record or
    # grounds of the profile: `ProfileKey`), shown so that nobody meets the candidate as if
    # no one had decided: the stage and date of that run. It stands for nothing on this
    # evidence.
    other_stage: str | None = None
    other_as_of: str | None = None
    # what differs from the evidence shown, the first of stage, date, profile (its grounds)
    # and record (`store._because`): at the same stage and date, "på andet grundlag
    # (samtale1, 2024-01-15)" alone did not say what had changed (scores read in, most often)
    other_because: str | None = None

    @property
    def on_other_evidence(self) -> bool:
        return self.other_stage is not None

    def made_in(self, stage: str, as_of: str, because: str) -> Decision:
        """This decision, marked as made in a run at `stage` on `as_of`, on other evidence:
        another stage, date, record or profile (`because`, one of those words)."""
        return replace(self, other_stage=stage, other_as_of=as_of, other_because=because)

    @classmethod
    def from_entry(cls, seq: int, run: str, candidate: str, created: str,
                   body: dict) -> Decision:
        outcome = body.get("outcome")
        if outcome is None and body.get("target") == "knockout":
            outcome = DECISIONS.get(body["decision"], (None, None))[1]
        return cls(seq, run, candidate, created, body["decision"], body["target"], outcome,
                   body.get("reason"), body["by"], body.get("supersedes"))

    def as_dict(self) -> dict:
        return {"seq": self.seq, "run": self.run, "candidate": self.candidate,
                "created": self.created, "decision": self.decision, "target": self.target,
                "outcome": self.outcome, "reason": self.reason, "by": self.by,
                "supersedes": self.supersedes,
                **({"other_stage": self.other_stage, "other_as_of": self.other_as_of,
                    "other_because": self.other_because}
                   if self.on_other_evidence else {})}


# the standing decision of each candidate who has one, by candidate id, as papers show them;
# a candidate with none on this evidence may have one made on other evidence, so marked
Decisions = Mapping[str, "Decision"]


@dataclass(frozen=True)
class DecisionBook:
    """What people decided about the candidates of one profile, read from the audit store
    once for a run whose candidates are not known ahead (a JSON Lines stream): each
    candidate's decisions on this profile, stage and date with the sha256 of the record
    each was made on, oldest first, and the latest made on any evidence, marked as made on
    other evidence. Small (people decide, one at a time), so it travels to workers."""

    on_evidence: Mapping[str, tuple[tuple[str, Decision], ...]]
    earlier: Mapping[str, Decision]

    def shown(self, candidate: str, sha256: str) -> Decision | None:
        """The decision shown beside `candidate` screened from a record of `sha256`, as
        `AuditStore.decisions_shown` gives it: the latest on this evidence, else the latest
        made on other evidence."""
        if candidate not in self.earlier:  # nobody decided: most candidates of a pool
            return None
        made_here = [d for made_on, d in self.on_evidence.get(candidate, ()) if made_on == sha256]
        return made_here[-1] if made_here else self.earlier[candidate]


@dataclass(frozen=True)
class ProfileKey:
    """The version of a profile a run screened with, as people's decisions know it: its
    files' sha256, and the sha256 of what decides its verdicts (`Profile.grounds`; runs
    recorded before it was kept have none)."""

    sha256: str
    grounds: str | None = None

    @classmethod
    def of(cls, profile: Profile) -> ProfileKey:
        return cls(profile.sha256, profile.grounds or None)

    @classmethod
    def of_run(cls, recorded: Mapping) -> ProfileKey:
        """The key of a recorded run's `profile`."""
        return cls(recorded["sha256"], recorded.get("grounds"))

    def same_grounds(self, other: ProfileKey) -> bool:
        """Whether a decision made with one stands with the other: the same verdicts' grounds
        (an edit of the interview questions changes the files, not them), or, where a run
        recorded before grounds were kept says none, the same files."""
        if self.grounds and other.grounds:
            return self.grounds == other.grounds
        return self.sha256 == other.sha256


class DecisionRefused(Told, ValueError):
    """A decision that cannot be recorded as asked; `text` says why."""


def check_words(reason: str, by: str) -> None:
    """DecisionRefused when the reason or the name is longer than a reason or a name is."""
    if len(reason) > MAX_REASON:
        raise DecisionRefused(message("reason_too_long", length=len(reason), limit=MAX_REASON))
    if len(by) > MAX_NAME:
        raise DecisionRefused(message("name_too_long", length=len(by), limit=MAX_NAME))


def check_decision(decision: str, has_knockout: bool, standing: Decision | None,
                   supersede: bool) -> tuple[str, str]:
    """(target, outcome) of a new decision, or DecisionRefused: a confirm or override needs a
    proposed knock-out, an advance or stop a candidate without one (a knock-out is confirmed
    or overridden, never passed by), and reversing the standing decision needs `supersede`."""
    target, outcome = DECISIONS[decision]
    if target == "knockout" and not has_knockout:
        raise DecisionRefused(message("nothing_to_confirm"))
    if target == "candidate" and has_knockout:
        raise DecisionRefused(message("knockout_to_decide"))
    if standing is not None and standing.outcome != outcome and not supersede:
        from ..i18n import moment

        raise DecisionRefused(message("contradicts_standing", seq=standing.seq,
                                      decision=decided(standing), by=standing.by,
                                      created=moment(standing.created)))
    return target, outcome


def standing(decisions: Iterable[Decision]) -> dict[str, Decision]:
    """The standing decision per candidate: the latest in the chain."""
    latest: dict[str, Decision] = {}
    for d in sorted(decisions, key=lambda d: d.seq):
        latest[d.candidate] = d
    return latest


def on_this_evidence(decisions: Decisions) -> dict[str, Decision]:
    """The decisions that stand on the evidence shown: those a tool may follow."""
    return {c: d for c, d in decisions.items() if not d.on_other_evidence}


def decision_line(d: Decision) -> str:
    """The line naming a person's decision beside a candidate: standing, or made earlier on
    other evidence."""
    from ..i18n import t

    if d.on_other_evidence:
        return t("Tidligere beslutning: {decision}", decision=describe(d))
    return t("Stående beslutning: {decision}", decision=describe(d))


def describe(d: Decision) -> str:
    """Who decided what, when and why, in one line for tables and explanations."""
    from ..i18n import moment, t

    return t("{what}: {by}, {when}: {reason}", what=decided(d), by=d.by, when=moment(d.created),
             reason=d.reason or "–")


def decided(d: Decision) -> str:
    """What was decided, in a few words: "går videre (foreslået knock-out underkendt)"."""
    from ..i18n import t
    from ..vocabulary import DECISIONS as DECISION_WORDS
    from ..vocabulary import OUTCOMES, STAGES, label

    what = label(OUTCOMES, d.outcome) if d.outcome else d.decision
    if d.decision in DECISION_WORDS:
        what += f" ({label(DECISION_WORDS, d.decision)})"
    if d.on_other_evidence:  # the stage and date say the others
        what = t(OTHER_EVIDENCE_TEXT.get(d.other_because or "",
                                         "{decided}, på andet grundlag ({stage}, {as_of})"),
                 decided=what, stage=label(STAGES, d.other_stage or ""), as_of=d.other_as_of)
    return what


OTHER_EVIDENCE_TEXT = {
    "record": "{decided}, på andet grundlag ({stage}, {as_of}; en anden udgave af posten)",
    "profile": "{decided}, på andet grundlag ({stage}, {as_of}; en anden udgave af profilen)"}
