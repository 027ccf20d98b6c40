"""`screening lint`: what loading catches, plus mistakes a rule file can make while valid.

Codes (stable; a criterion can knowingly accept one with
`lint_ignore: [{code: CODE, reason: "..."}]`, and `profile show` prints the reason):
  E1xx-E2xx  load errors (see rulefiles.py)
  L101  a criterion that can never be met
  L102  a criterion that is always met once its evidence is there
  L103  a `partial` that never lifts a status to delvist: it cannot hold, or only where
        `when` holds too (a threshold written the wrong way round, say)
  L201  two criteria score the same evidence (a competency or a derived fact) twice
  L202  a criterion that reads only the CV with `sources:` that leave out ansøgning: the CV
        comes with the application and counts at every stage (`sources:` limits assessments)
  L301-L305  the wording, read as docs/reading-profiles.md does (wording.read_wording):
  L301  a krav whose quote uses the words of a wish ("et plus", "gerne", ...)
  L302  an ønske whose quote uses the words of a requirement ("afgørende", "skal", ...)
  L303  a krav whose quote has no word that makes one (a description, a softened list, an
        organisation text)
  L304  a weight above what the words ask for (weight 2 with no emphasis word)
  L305  an ønske whose words ask for weight 2 ("særdeles", "vigtig", ...) at a lower weight
  L401  a derived fact no criterion uses
  L402  a `lint_ignore` that ignores nothing: its code does not fire for the criterion, or is
        no lint code (an exception kept after its reason went away hides the next mistake)
  E501  a rule reads a protected attribute or a proxy (age, gender, origin, religion,
        disability, family status, appearance): coded wording in its name, quote or
        competency labels, ids naming an attribute, proxy fields, caps on years of
        experience (see protected.py and data/protected.yaml). An error, because screening
        on it is discrimination; screen, explain, shortlist and test refuse such a profile
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import conditions as cond
from . import protected
from .algebra import FALSE, TRUE, StatusExprs, holds
from .catalogue import COLLECTIONS
from .compile import CompiledCriterion, CompiledProfile, D, I, O, P, compile_profile
from .documents import EntryPlaces
from .errors import RuleFileError
from .i18n import decimal
from .messages import Message, Worded, message
from .profiles import Criterion, Profile
from .wording import WISH_WORDS, is_softener, read_wording

MAX_ASSIGNMENTS = 200_000  # beyond this a criterion is not searched for never/always


@dataclass(frozen=True)
class Finding(Worded):
    path: str
    line: int
    column: int
    code: str
    text: Message  # rendered in the language of the moment it is shown

    @property
    def is_error(self) -> bool:
        return self.code.startswith("E")

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.text}"


def lint_paths(paths: list[Path]) -> list[Finding]:
    findings: list[Finding] = []
    declared: dict[str, Path] = {}  # profile id -> the first file declaring it
    for path in paths:
        try:
            profile = _load(path)
        except RuleFileError as exc:
            findings.extend(Finding(p.path, p.line or 1, p.column or 1, p.code,
                                    message("about", subject=p.field, message=p.text)
                                    if p.field else p.text)
                            for p in exc.problems)
            continue
        findings.extend(lint_profile(profile))
        findings.extend(_id_twice(path, profile.meta.id, declared))
    # the message breaks ties (in English, so that both languages list in one order): a set
    # iterates in an order that changes with each process's hash seed
    return sorted(set(findings), key=lambda f: (f.path, f.line, f.column, f.code, f.message))


def _id_twice(path: Path, profile_id: str, declared: dict[str, Path]) -> list[Finding]:
    """E213 when a profile (not a module) of `path` has the id of one linted before it
    (`declared`: id -> its file, which this one joins otherwise): `screen <id>` would
    take one of the two files and never say so."""
    from .documents import read_document

    doc, _ = read_document(path)
    if doc is None or not isinstance(doc.data, dict) or "profile" not in doc.data:
        return []  # a module: its id is never looked up
    first = declared.setdefault(profile_id, path)
    if first == path:
        return []
    line, column = doc.locate(("profile", "id"))
    return [Finding(str(path), line or 1, column or 1, "E213",
                    message("profile_id_twice", id=profile_id, first=str(first)))]


def _load(path: Path) -> Profile:
    from .rulefiles import load_profile

    return load_profile(path, allow_module=True)


def lint_profile(profile: Profile) -> list[Finding]:
    compiled = compile_profile(profile)
    softened = {a.rule_file: a.quote for a in profile.set_aside if is_softener(a.quote)}
    modules = {path for path, content in profile.files
               if re.search(rb"^module:", content, re.MULTILINE)}
    found: list[Finding] = []
    fired: set[tuple[str, str]] = set()  # (criterion id, code) before lint_ignore
    place = _Places()
    for cc in compiled.criteria:
        c = cc.criterion

        def add(code: str, text: Message, c=c) -> None:
            fired.add((c.id, code))
            if code not in c.lint_ignore:
                found.append(Finding(c.rule_file, *place(c, code), code,
                                     message("about", subject=c.id, message=text)))

        verdict = _never_or_always(compiled, cc.exprs, cc.keys)
        if verdict == "never":
            add("L101", message("never_met"))
        elif verdict == "always":
            add("L102", message("always_met"))
        if cc.when_exprs is not None and not _partial_lifts(compiled, cc):
            add("L103", message("partial_never_lifts"))
        for code, text in _wording(profile, c, softened, modules):
            add(code, text)
        if "ansøgning" not in c.sources and _reads_only_cv(c):
            add("L202", message("cv_without_application"))
    found.extend(Finding(f.criterion.rule_file, f.criterion.line, 1, protected.CODE, f.text)
                 for f in protected.findings(profile))
    found.extend(_overlaps(compiled, fired, place))
    found.extend(_ignoring_nothing(profile, fired, place))
    found.extend(_unused_derived(profile))
    return found


def _wording(profile: Profile, c: Criterion, softened: dict[str, str],
             modules: set[str]) -> list[tuple[str, Message]]:
    """Priority and weight against the reading of the quote (docs/reading-profiles.md)."""
    reading = read_wording(c.quote, softened=c.rule_file in softened,
                           organisation=c.rule_file in modules)
    words = ", ".join(f"'{w}'" for w in reading.words)
    if c.priority == "krav" and reading.priority == "ønske":
        wishes = [w for w in reading.words if w in WISH_WORDS]
        if wishes:
            return [("L301", message("krav_in_wish_words", words=wishes[0]))]
        if c.rule_file in modules:
            return [("L303", message("krav_in_module"))]
        if c.rule_file in softened and read_wording(c.quote).priority == "krav":
            return [("L303", message("krav_in_softened_list", words=reading.words[0],
                                     softener=softened[c.rule_file],
                                     weight=_number(reading.weight
                                                    or profile.scoring.weights.ønske)))]
        return [("L303", message("krav_without_words"))]
    if c.priority == "ønske" and reading.priority == "krav":
        return [("L302", message("wish_in_krav_words", words=reading.words[0]))]
    asked = reading.weight or getattr(profile.scoring.weights, c.priority)
    if c.weight > asked:
        return [("L304", message("weight_above_words", weight=_number(c.weight),
                                 asked=_number(asked)))]
    if c.weight < asked:
        return [("L305", message("weight_below_words", weight=_number(c.weight), words=words,
                                 asked=_number(asked)))]
    return []


def _number(value: float) -> str:
    return decimal(f"{value:g}")


# the key of a criterion a finding asks to change: the editor opens there
FIX_AT = {"L101": "when", "L102": "when", "L103": "partial", "L201": "when", "L202": "sources",
          "L301": "priority", "L302": "priority", "L303": "priority", "L304": "weight",
          "L305": "weight", "L402": "lint_ignore"}


class _Places:
    """Line and column of the key a finding about a criterion asks to change (the
    criterion's own place when it does not write the key: a weight by default, say)."""

    def __init__(self) -> None:
        self._entries = EntryPlaces()

    def __call__(self, c: Criterion, code: str) -> tuple[int, int]:
        line, column = self._entries(c.rule_file, "criteria", lambda e: e.get("id") == c.id,
                                     FIX_AT[code])
        return (line, column or 1) if line else (c.line, 1)


def _overlaps(compiled: CompiledProfile, fired: set[tuple[str, str]],
              place: _Places) -> list[Finding]:
    """Two criteria whose `when` scores the same competency or derived fact (each pair's
    second criterion added to `fired`, whether it accepts L201 or not)."""
    owners: dict[tuple[str, str], list] = {}  # (kind, name) -> the criteria scoring it
    for cc in compiled.criteria:
        for node in cond.walk(cc.criterion.when):
            if isinstance(node, cond.Assessed):
                owners.setdefault(("competency", node.competency), []).append(cc.criterion)
            elif isinstance(node, cond.Compare) and not node.item_level:
                owners.setdefault(("derived_fact", node.name), []).append(cc.criterion)
    found = []
    for (kind, name), criteria in owners.items():
        unique = list({c.id: c for c in criteria}.values())
        for first, second in itertools.combinations(unique, 2):
            fired.add((second.id, "L201"))
            if "L201" not in second.lint_ignore:
                found.append(Finding(second.rule_file, *place(second, "L201"), "L201", message(
                    "about", subject=second.id, message=message(
                        "scored_twice", what=message(f"the_{kind}", name=name),
                        first=first.id))))
    return found


# the codes a criterion's lint_ignore can silence, and whether lint judges each one here
CRITERION_CODES = ("L101", "L102", "L103", "L201", "L202", "L301", "L302", "L303", "L304", "L305")
IGNORABLE = (*CRITERION_CODES, protected.CODE)  # E501 is judged by protected.py


def _reads_only_cv(c: Criterion) -> bool:
    """Whether a criterion's conditions read facts of the CV and no assessment."""
    conditions = [c.when, *([c.partial] if c.partial is not None else [])]
    return not any(isinstance(node, cond.Assessed)
                   for condition in conditions for node in cond.walk(condition))


def _ignoring_nothing(profile: Profile, fired: set[tuple[str, str]],
                      place: _Places) -> list[Finding]:
    """L402 for each code a criterion's lint_ignore names that lint did not find in it."""
    found = []
    for c in profile.criteria:
        for code in c.lint_ignore:
            if code not in IGNORABLE:
                said = message("no_such_lint_code", code=code, codes=", ".join(IGNORABLE))
            elif code in CRITERION_CODES and (c.id, code) not in fired:
                said = message("ignores_nothing", code=code)
            else:
                continue
            found.append(Finding(c.rule_file, *place(c, "L402"), "L402",
                                 message("about", subject=c.id, message=said)))
    return found


def _unused_derived(profile: Profile) -> list[Finding]:
    used = {node.name for c in profile.criteria for tree in (c.when, c.partial) if tree
            for node in cond.walk(tree) if isinstance(node, cond.Compare) and not node.item_level}
    found = []
    for path, content in profile.files:
        text = content.decode("utf-8")
        for name in profile.derived:
            match = re.search(rf"^([ \t]*){re.escape(name)}\s*:", text, re.MULTILINE)
            if name not in used and match:
                line = text.count("\n", 0, match.start()) + 1
                found.append(Finding(path, line, len(match.group(1)) + 1, "L401",
                                     message("unused_derived", name=name)))
    return found


# --- searching for assignments: can a criterion be met, can it fail? ---------------------


def _never_or_always(compiled: CompiledProfile, exprs: dict, keys: tuple[str, ...]) -> str | None:
    if exprs[O] is FALSE:
        return "never"
    domains = [_domain(compiled, key) for key in keys]
    if _product_size(domains) > MAX_ASSIGNMENTS:
        return None
    can_hold = can_fail = False
    for values in itertools.product(*domains):
        fact = {k: v for k, v in zip(keys, values, strict=True) if v is not _ABSENT}
        if holds(exprs[O], fact):
            can_hold = True
        if len(fact) == len(keys) and (holds(exprs[I], fact) or holds(exprs[D], fact)):
            can_fail = True
        if can_hold and can_fail:
            return None
    return "never" if not can_hold else "always" if not can_fail else None


def _partial_lifts(compiled: CompiledProfile, cc: CompiledCriterion) -> bool:
    """Whether some evidence is delvist by the criterion's `partial`, not by its `when`
    alone (True also when there is too much evidence to try it all)."""
    assert cc.when_exprs is not None, "only a criterion with a partial is asked"
    domains = [_domain(compiled, key) for key in cc.keys]
    if _product_size(domains) > MAX_ASSIGNMENTS:
        return True
    for values in itertools.product(*domains):
        fact = {k: v for k, v in zip(cc.keys, values, strict=True) if v is not _ABSENT}
        if _partly(cc.exprs, fact) and not _partly(cc.when_exprs, fact):
            return True
    return False


def _partly(exprs: StatusExprs, fact: dict[str, Any]) -> bool:
    """Whether `fact` is delvist, or of an ønske at least delvist (`algebra.settled`)."""
    return holds(exprs[D], fact) or (P in exprs and holds(exprs[P], fact))


_ABSENT = object()


def _product_size(domains: list[list]) -> int:
    size = 1
    for d in domains:
        size *= len(d)
    return size


def _domain(compiled: CompiledProfile, key: str) -> list:
    if key in compiled.assessments:
        return [1, 2, 2.5, 3, 3.5, 4, 4.5, 5, _ABSENT]
    plan = compiled.derived[key]
    can_hold, can_fail = _predicate_outcomes(compiled, plan.predicate)
    if plan.aggregate == "exists":
        return [v for v, possible in ((True, can_hold), (False, can_fail)) if possible] + \
            [_ABSENT]
    if not can_hold:
        return [0, _ABSENT]
    bounds = {0.0}
    for cc in compiled.criteria:
        for status_expr in cc.exprs.values():
            bounds |= set(_bounds_for(status_expr, key))
    return [*sorted({v + d for v in bounds for d in (-0.5, 0, 0.5) if v + d >= 0}), _ABSENT]


def _bounds_for(expr: Any, key: str):
    if isinstance(expr, dict):
        for op, arg in expr.items():
            if op in ("$and", "$or"):
                for e in arg:
                    yield from _bounds_for(e, key)
            elif isinstance(arg, dict) and key in arg and isinstance(arg[key], int | float):
                yield float(arg[key])


def _predicate_outcomes(compiled: CompiledProfile, predicate: str) -> tuple[bool, bool]:
    """Whether some item can make the predicate hold, and whether one can make it fail."""
    pred = compiled.predicates[predicate]
    if pred.exprs[O] is TRUE:
        return True, False
    collection = COLLECTIONS[pred.collection]
    item_keys = {k: v for k, v in compiled.item_keys[pred.collection].items()
                 if k[0] in pred.fields}
    domains: list[list[Any]] = []  # the values each field may take: bools, names, numbers
    for (field_name, member), _key in item_keys.items():
        spec = collection.fields[field_name]
        if member is not None or spec.kind == "bool":
            domains.append([True, False])
        elif spec.kind == "enum":
            domains.append(list(spec.values))
        else:
            numbers = {0.0}
            for status_expr in pred.exprs.values():
                numbers |= set(_bounds_for(status_expr, _key))
            # every number a record holds is at least 0 (its model says so): a test of
            # `leaders_led lt 0` can never hold
            domains.append(sorted({v + d for v in numbers for d in (-0.5, 0, 0.5)
                                   if v + d >= 0}))
    if _product_size(domains) > MAX_ASSIGNMENTS:
        return True, True
    met = failed = False
    for values in itertools.product(*domains):
        item = dict(zip(item_keys.values(), values, strict=True))
        met = met or holds(pred.exprs[O], item)
        failed = failed or holds(pred.exprs[I], item)
        if met and failed:
            break
    return met, failed
