"""Protected attributes in a profile: wording, names, proxy fields and caps on experience.

A profile must not select on age, gender, origin, religion, disability or family status,
nor on what stands in for them. `findings` says where a profile does (lint code E501); the
screening commands refuse such a profile (`refuse`), unless the criterion accepts E501
knowingly in `lint_ignore` with its reason. The words live in data/protected.yaml, each with
its source.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from . import conditions as cond
from .cache import check_key, keep_passed, parsed, passed_before
from .catalogue import COLLECTIONS
from .errors import Problem, RuleFileError
from .messages import Message, Worded, message
from .profiles import Criterion, Profile

CODE = "E501"


@dataclass(frozen=True)
class Wording:
    id: str
    attribute: str
    source: str  # the short reference
    patterns: tuple[re.Pattern, ...]


@dataclass(frozen=True)
class Identifier:
    term: str
    attribute: str
    source: str
    pattern: re.Pattern


@dataclass(frozen=True)
class Lists:
    wordings: tuple[Wording, ...]
    identifiers: tuple[Identifier, ...]
    caps_source: str


@cache
def _data() -> bytes:
    # read beside the module, as the cache reads the code (importlib.resources' readers
    # cost a run 2-5 ms of imports, measured)
    return (Path(__file__).parent / "data" / "protected.yaml").read_bytes()


@cache
def lists() -> Lists:
    data = parsed(_data(), _read_yaml)  # the YAML took 90 ms to read; JSON from the cache 1
    short = {key: s["short"] for key, s in data["sources"].items()}
    wordings = tuple(Wording(w["id"], w["attribute"], short[w["source"]],
                             tuple(re.compile(p, re.IGNORECASE) for p in w["patterns"]))
                     for w in data["wordings"])
    identifiers = tuple(Identifier(i["term"], i["attribute"], short[i["source"]],
                                   re.compile(rf"(?:^|[\W_]){re.escape(i['term'])}(?:$|[\W_])",
                                              re.IGNORECASE))
                        for i in data["identifiers"])
    return Lists(wordings, identifiers, short[data["caps_source"]])


def _read_yaml(content: bytes) -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(content.decode("utf-8"))


@dataclass(frozen=True)
class Finding(Worded):
    criterion: Criterion
    text: Message


def findings(profile: Profile) -> list[Finding]:
    """Every way each criterion reads a protected attribute, unless it accepts E501."""
    found: list[Finding] = []
    for c in profile.criteria:
        if CODE in c.lint_ignore:
            continue
        reasons = [*_wording(profile, c), *_reads(profile, c), *_caps(profile, c)]
        found.extend(Finding(c, message("about", subject=c.id, message=r))
                     for r in dict.fromkeys(reasons))
    return found


# the profiles that passed in this process, by identity (a profile is frozen): the command
# that loads one refuses it, and so does the Screener it makes; naming it for the cache
# (`check_key`) is what costs, a few milliseconds
_passed_here: weakref.WeakValueDictionary[int, Profile] = weakref.WeakValueDictionary()


def refuse(profile: Profile) -> None:
    """Raise RuleFileError (exit 2, file:line:col) when the profile reads a protected
    attribute: screening on it would be discrimination. A profile that passed with the
    same values, word lists and code before is not searched again."""
    if _passed_here.get(id(profile)) is profile:
        return
    key = check_key(CODE, profile, _data())  # encoding the profile once
    if not passed_before(key):
        found = findings(profile)
        if found:
            raise RuleFileError([Problem(f.criterion.rule_file, f.text, f.criterion.line, 1,
                                         code=CODE) for f in found])
        keep_passed(key)
    _passed_here[id(profile)] = profile


def _texts(profile: Profile, c: Criterion) -> list[tuple[str, str]]:
    """(what, text) of the words a criterion selects on: its name and quote, the labels of
    the competencies it assesses and the descriptions of the derived facts it reads."""
    texts = [("name", c.name), ("quote", c.quote)]
    for node in _nodes(c):
        if isinstance(node, cond.Assessed) and node.competency in profile.competencies:
            texts.append(("competency label", profile.competencies[node.competency]))
        elif isinstance(node, cond.Compare) and node.name in profile.derived:
            texts.append(("fact description", profile.derived[node.name].description))
    return list(dict.fromkeys(texts))


def _wording(profile: Profile, c: Criterion) -> list[Message]:
    reasons = []
    for what, text in _texts(profile, c):
        plain = " ".join(text.split())
        for wording in lists().wordings:
            for pattern in wording.patterns:
                if match := pattern.search(plain):
                    reasons.append(message(
                        "coded_wording", what=message(f"the_{what.replace(' ', '_')}"),
                        words=match.group(0).strip(),
                        attribute=message(f"coded_for_{wording.attribute.replace(' ', '_')}"),
                        id=wording.id, source=wording.source))
                    break
    return reasons


def _reads(profile: Profile, c: Criterion) -> list[Message]:
    """Fields marked protected in the catalogue, and ids or labels naming an attribute."""
    reasons = []
    for node in _nodes(c):
        names: list[str] = []  # ids and labels that may name an attribute
        if isinstance(node, cond.Some):
            reasons += _protected_fields(node.collection, node.where)
        elif isinstance(node, cond.Assessed):
            names = [node.competency, profile.competencies.get(node.competency, "")]
        elif isinstance(node, cond.Compare) and not node.item_level:
            derived = profile.derived.get(node.name)
            names = [node.name, derived.description if derived else ""]
            if derived and derived.where is not None:
                reasons += _protected_fields(derived.collection, derived.where)
        for name in names:
            for identifier in lists().identifiers:
                if identifier.pattern.search(name):
                    reasons.append(message("names_protected", name=name,
                                           term=identifier.term))
                    break
    return reasons


def _protected_fields(collection: str, where: cond.Condition) -> list[Message]:
    fields = COLLECTIONS[collection].fields
    return [message("reads_proxy", field=f"{collection}.{n.name}",
                    why=message(fields[n.name].protected))
            for n in cond.walk(where) if isinstance(n, cond.Compare) and
            fields[n.name].protected]


UPPER = {"lt", "lte"}
LOWER = {"gt", "gte"}


def _caps(profile: Profile, c: Criterion) -> list[Message]:
    """A ceiling on years of experience: `fact: SUM_OF_YEARS, lte: N`, or `not` of a floor."""
    reasons = []
    for tree in (c.when, c.partial):
        for node, negated in _with_polarity(tree, False) if tree is not None else ():
            derived = profile.derived.get(node.name)
            if derived is None or derived.aggregate != "sum" or derived.field != "years":
                continue
            if node.op in (LOWER if negated else UPPER):
                shown = f"{'not ' if negated else ''}{node.op} {node.value:g}"
                reasons.append(message("caps_experience", name=node.name, cap=shown,
                                       source=lists().caps_source))
    return reasons


def _with_polarity(node: cond.Condition, negated: bool):
    """Candidate-level comparisons with whether an odd number of `not`s stands above them."""
    if isinstance(node, cond.Not):
        yield from _with_polarity(node.child, not negated)
    elif isinstance(node, cond.All | cond.AnyOf):
        for child in node.children:
            yield from _with_polarity(child, negated)
    elif isinstance(node, cond.Compare) and not node.item_level:
        yield node, negated


def _nodes(c: Criterion):
    for tree in (c.when, c.partial):
        if tree is not None:
            yield from cond.walk(tree)
