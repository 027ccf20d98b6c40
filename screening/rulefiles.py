"""Loading rule files: YAML -> validated, resolved Profile, or every problem with its place.

Checks: the file's shape (pydantic), condition syntax, includes (missing files, cycles),
duplicate ids, and every name a condition uses (competencies, derived facts, collections,
item fields, operators, values) against the profile and the fact catalogue, with
"did you mean" suggestions; and that the compiled profile fits durable-rules' limits, by
planning its ruleset (`ruleset.layout_of`, pure Python: the engine is not loaded).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, NoReturn, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from . import cache
from . import conditions as cond
from .catalogue import COLLECTIONS, OPS_BY_KIND
from .compile import compile_profile
from .display import file_name
from .documents import Document, plain, read_bounded, read_document
from .errors import Problem, RuleFileError
from .messages import Message, message
from .profiles import (
    Criterion,
    Derived,
    Meta,
    Profile,
    RuleFileSpec,
    Scoring,
    SetAside,
)
from .records import SOURCES
from .ruleset import ConditionTooComplex, layout_of
from .vocabulary import did_you_mean

MAX_CRITERIA = 300  # the largest shipped profile has 43


@dataclass
class _Part:
    """One loaded rule file with its spec."""

    doc: Document
    spec: RuleFileSpec


# Keys a consultant writes in Danish, and what the rule file calls them.
DANISH_KEYS = {"vægt": "weight", "navn": "name", "citat": "quote", "kategori": "category",
               "prioritet": "priority", "afsnit": "section", "kilder": "sources",
               "kilde": "source", "når": "when", "delvist": "partial", "note": "note",
               "titel": "title", "dato": "date", "kompetencer": "competencies",
               "kriterier": "criteria", "afledte": "derived", "profil": "profile",
               "modul": "module", "organisation": "organisation", "konsulent": "consultant"}


def key_hint(loc: tuple) -> Message | str:
    """For an unknown key of a rule file at `loc`: the key meant, in the message's own words,
    of the keys its place takes (a key of another place, such as `id` at the top, is no
    typo of itself)."""
    key = str(loc[-1])
    if key in ("krav", "ønske"):
        return message("write_priority", priority=key)
    if key in ("all", "any", "not", "fact", "some", "assessed"):  # `when:` indented wrongly
        return message("condition_outside_when", key=key)
    # a Danish key is offered its English name as its place has it (`vægt` is a
    # criterion's `weight` but under `scoring:` the `weights`), or nothing
    return did_you_mean(DANISH_KEYS.get(key.casefold(), key), _keys_at(loc))


def _keys_at(loc: tuple) -> list[str]:
    """The keys of the mapping in which the key at `loc` stands, read off the models."""
    shape: Any = RuleFileSpec
    for step in loc[:-1]:
        shape = _bare(shape)
        if isinstance(shape, type) and issubclass(shape, BaseModel):
            if str(step) not in shape.model_fields:
                return []
            shape = shape.model_fields[str(step)].annotation
        elif get_args(shape):  # a list's index or a mapping's key: what it holds
            shape = get_args(shape)[-1]
        else:
            return []
    shape = _bare(shape)
    return list(shape.model_fields) if isinstance(shape, type) and \
        issubclass(shape, BaseModel) else []


def _bare(shape: Any) -> Any:
    """A type without its Annotated constraints and without `| None`."""
    while True:
        if get_origin(shape) is Annotated:
            shape = get_args(shape)[0]
        elif get_origin(shape) in (Union, UnionType):
            shape = next(arg for arg in get_args(shape) if arg is not type(None))
        else:
            return shape


def load_profile(path: str | Path, allow_module: bool = False) -> Profile:
    """Load a profile and its includes; raise RuleFileError listing every problem.

    With `allow_module`, a module file loads on its own too (for lint), under default
    scoring. A profile loaded before from the same unchanged files comes from the cache
    (see screening.cache)."""
    if file_name(path) != str(path):  # its name is in the audit trail, the cache, the papers
        raise RuleFileError([Problem(file_name(path), message("name_not_utf8"), code="E001")])
    cached = cache.cached_profile(Path(path), allow_module)
    if cached is not None:
        return cached
    profile = _read_profile(path, allow_module)
    cache.keep_profile(Path(path), allow_module, profile)
    return profile


def _read_profile(path: str | Path, allow_module: bool) -> Profile:
    problems: list[Problem] = []
    parts: list[_Part] = []
    _load_tree(Path(path), (), parts, problems, loc=None, including=None,
               folder=Path(os.path.realpath(path)).parent)
    if problems:
        raise RuleFileError(problems)
    root = parts[-1]  # includes are appended before the file that includes them
    module = root.spec.module
    if root.spec.profile is None and allow_module and module is not None:
        root.spec.profile = Meta(id=module.id, title=module.title,
                                 organisation=module.organisation, source=module.source,
                                 version=module.version or "modul", date=date(2000, 1, 1))
    if root.spec.profile is None:
        raise RuleFileError([root.doc.problem((), message("module_not_profile"), "E201")])
    profile = _resolve(root.spec.profile, parts, problems)
    if not problems:
        _check_compiles(profile, parts, problems)
    if problems:
        raise RuleFileError(problems)
    return profile


def _check_compiles(profile: Profile, parts: list[_Part], problems: list[Problem]) -> None:
    """A condition within the bounds of the language can still compile into more rules
    than durable-rules takes; say where, at load time, rather than fail at screening."""
    compiled = compile_profile(profile)
    try:
        layout_of(compiled)  # planning the engine's rules is the check (the core not loaded)
    except ConditionTooComplex as exc:
        too_many = message("too_many_rules", detail=exc.text)
        predicate = compiled.predicates.get(exc.member or "")
        for part in parts:
            for did in part.spec.derived:
                if predicate is not None and profile.derived[did].where == predicate.where:
                    problems.append(part.doc.problem(("derived", did, "where"), too_many, "E212"))
                    return
            for i, spec in enumerate(part.spec.criteria):
                criterion = next(c for c in profile.criteria if c.id == spec.id)
                if spec.id == exc.member or (predicate is not None and any(
                        isinstance(n, cond.Some) and n.where == predicate.where
                        for tree in (criterion.when, criterion.partial) if tree is not None
                        for n in cond.walk(tree))):
                    problems.append(part.doc.problem(("criteria", i, "when"), too_many, "E212"))
                    return
        problems.append(parts[-1].doc.problem((), too_many, "E212"))


def _load_tree(path: Path, stack: tuple[Path, ...], parts: list[_Part],
               problems: list[Problem], loc, including: Document | None,
               folder: Path) -> None:
    """Load `path` and its includes; an include must lie inside `folder` (the folder of the
    profile: its rules folder), so a rule file cannot read and echo any file on the
    machine, such as /etc/shadow, into its error messages. realpath, not resolve: a symlink
    loop is a file that cannot be read, said as such, and resolve raises on one."""
    resolved = Path(os.path.realpath(path))
    if including is not None and not resolved.is_relative_to(folder):
        problems.append(including.problem(loc, message("include_outside", path=str(path),
                                                       folder=str(folder)), "E202"))
        return
    if resolved in stack and including is not None:  # only an included file is in a cycle
        cycle = " -> ".join(p.name for p in (*stack, resolved))
        problems.append(including.problem(loc, message("include_cycle", cycle=cycle), "E203"))
        return
    if any(Path(os.path.realpath(p.doc.path)) == resolved for p in parts):
        return  # included twice through different routes: load once
    doc, problem = read_document(path)
    if doc is None:
        assert problem is not None, "read_document gives the document or what stopped it"
        if including is not None and problem.line is None:  # it cannot be read at all
            problems.append(including.problem(loc, message("cannot_include", path=str(path),
                                                            reason=problem.text), "E202"))
        else:  # a mistake inside it is located there, as its other mistakes are
            problems.append(problem)
        return
    try:
        spec = RuleFileSpec.model_validate(plain(doc.data))
    except ValidationError as exc:
        found = doc.validation_problems(exc)
        for error, problem in zip(exc.errors(include_url=False), found, strict=True):
            if error["type"] == "extra_forbidden" and error["loc"]:
                problem.text += key_hint(error["loc"])
        problems.extend(found)
        return
    if (spec.profile is None) == (spec.module is None):
        problems.append(doc.problem((), message("profile_or_module"), "E201"))
        return
    if including is not None and spec.profile is not None:
        problems.append(including.problem(loc, message("include_not_module", path=str(path)),
                                          "E201"))
        return
    if spec.module is not None and spec.scoring is not None:
        problems.append(doc.problem(("scoring",), message("scoring_in_module"), "E201"))
    for i, include in enumerate(spec.include):
        _load_tree(path.parent / include, (*stack, resolved), parts, problems,
                   ("include", i), doc, folder)
    parts.append(_Part(doc, spec))


def _document(spec: RuleFileSpec) -> str:
    """The source document a rule file encodes: its profile's, or its module's."""
    meta = spec.profile or spec.module
    assert meta is not None, "_load_tree admits a file only with one of the two"
    return meta.source


def _resolve(meta: Meta, parts: list[_Part], problems: list[Problem]) -> Profile:
    root = parts[-1]
    competencies: dict[str, str] = {}
    derived_specs: dict[str, tuple[_Part, Any]] = {}
    for part in parts:
        for cid, label in part.spec.competencies.items():
            if cid in competencies and competencies[cid] != label:
                problems.append(part.doc.problem(("competencies", cid),
                                                 message("competency_twice", id=cid), "E204"))
            competencies[cid] = label
        for did, spec in part.spec.derived.items():
            if did in derived_specs:
                problems.append(part.doc.problem(("derived", did),
                                                 message("derived_twice", id=did), "E204"))
            derived_specs[did] = (part, spec)

    derived: dict[str, Derived] = {}
    for did, (part, spec) in derived_specs.items():
        where = None
        if spec.where is not None:
            where = _parse(part.doc, spec.where, ("derived", did, "where"), True, problems)
        if spec.aggregate == "sum":
            field = COLLECTIONS[spec.of].fields.get(spec.field or "")
            if field is None or field.kind != "number":
                numbers = [f.name for f in COLLECTIONS[spec.of].fields.values()
                           if f.kind == "number"]
                problems.append(part.doc.problem(
                    ("derived", did, "field"),
                    message("sum_needs_field", collection=spec.of, fields=", ".join(numbers)),
                    "E210"))
        elif spec.field is not None:
            problems.append(part.doc.problem(("derived", did, "field"),
                                             message("field_without_sum"), "E210"))
        if where is not None:
            _check_items(part.doc, spec.of, where, ("derived", did, "where"), problems)
        derived[did] = Derived(did, spec.description, spec.of, where, spec.aggregate, spec.field)

    scoring = root.spec.scoring or Scoring()
    if scoring.assessment.delvist > scoring.assessment.opfyldt:
        problems.append(root.doc.problem(("scoring", "assessment", "delvist"),
                                         message("thresholds_crossed"), "E211"))
    if min(band.min_score for band in scoring.bands) != 0:  # else low scores get a wrong band
        problems.append(root.doc.problem(("scoring", "bands"), message("lowest_band"), "E211"))
    # the first of two bands with one floor takes every score: the other is shown by
    # `profile show` and never given; and results name a band by its id
    first_at: dict[float, str] = {}
    ids: set[str] = set()
    for n, band in enumerate(scoring.bands):
        if band.band in ids:
            problems.append(root.doc.problem(("scoring", "bands", n, "band"),
                                             message("band_twice", band=band.band), "E211"))
        elif band.min_score in first_at:
            problems.append(root.doc.problem(
                ("scoring", "bands", n, "min_score"),
                message("band_never_given", band=band.band, first=first_at[band.min_score]),
                "E211"))
        ids.add(band.band)
        first_at.setdefault(band.min_score, band.band)
    criteria: list[Criterion] = []
    seen: dict[str, str] = {}
    names = _Names(competencies, derived)
    for part in parts:
        document = _document(part.spec)
        for i, entry in enumerate(part.spec.criteria):
            loc = ("criteria", i)
            if entry.id in seen:
                problems.append(part.doc.problem(
                    (*loc, "id"), message("duplicate_criterion", id=entry.id, first=seen[entry.id]),
                    "E204"))
                continue
            seen[entry.id] = part.doc.path
            sources = tuple(entry.sources) if entry.sources else SOURCES
            when = _parse(part.doc, entry.when, (*loc, "when"), False, problems)
            partial = None
            if entry.partial is not None:
                partial = _parse(part.doc, entry.partial, (*loc, "partial"), False, problems)
            for key, tree in (("when", when), ("partial", partial)):
                if tree is not None:
                    names.check(part.doc, tree, (*loc, key), sources, problems)
            if when is None:  # its problem is recorded: the profile will not load
                continue
            weight = entry.weight or getattr(scoring.weights, entry.priority)
            line = part.doc.locate(loc)[0] or 1
            criteria.append(Criterion(
                entry.id, entry.name, entry.category, entry.priority, weight, entry.quote,
                entry.section, document, part.doc.path, line, sources, when, partial, entry.note,
                tuple(i.code for i in entry.lint_ignore),
                tuple(i.reason for i in entry.lint_ignore),
            ))
    if not seen:
        problems.append(root.doc.problem((), message("no_criteria"), "E205"))
    if len(criteria) > MAX_CRITERIA:  # about 3,000 overflowed durable-rules (error 106)
        problems.append(root.doc.problem(("criteria",), message(
            "too_many_criteria", limit=MAX_CRITERIA, count=len(criteria)), "E205"))
    set_aside = tuple(
        SetAside(spec.quote, spec.reason, _document(part.spec),
                 part.doc.path, part.doc.locate(("set_aside", i))[0] or 1)
        for part in parts for i, spec in enumerate(part.spec.set_aside))
    files = tuple((p.doc.path, p.doc.content) for p in parts)
    return Profile(meta, scoring, competencies, derived, tuple(criteria), files,
                   _sha256(files), grounds_of(meta, scoring, competencies, derived, criteria),
                   set_aside, _questions(parts, competencies, seen, problems))


def _questions(parts: list[_Part], competencies: dict[str, str], criteria: dict[str, str],
               problems: list[Problem]) -> dict[str, tuple[str, ...]]:
    """Interview questions by competency or criterion id; a module's questions add to the
    profile's for the same id."""
    questions: dict[str, tuple[str, ...]] = {}
    for part in parts:
        for key, asked in part.spec.questions.items():
            if key not in competencies and key not in criteria:
                problems.append(part.doc.problem(
                    ("questions", key), message("unknown_competency_or_criterion", name=key)
                    + did_you_mean(key, [*competencies, *criteria]), "E207"))
                continue
            questions[key] = (*questions.get(key, ()), *asked)
    return questions


def grounds_of(meta: Meta, scoring: Scoring, competencies: dict[str, str],
               derived: dict[str, Derived], criteria: list[Criterion]) -> str:
    """The sha256 of what decides a profile's verdicts: its id, version and date, scoring,
    competencies, derived facts and criteria (their words, weights, sources and
    conditions). A decision made on a run stands on a later run of the same records, stage
    and date whose profile has the same grounds; the interview questions, set-aside
    statements, notes, lint exceptions, comments and layout are not among them, so editing
    them leaves people's decisions standing. Conditions are written as their dataclasses'
    repr (no sets in them: the same in every process)."""
    decisive = {
        "profile": [meta.id, meta.version, meta.date.isoformat()],
        "scoring": scoring.model_dump(mode="json"), "competencies": competencies,
        "derived": {key: [d.collection, repr(d.where), d.aggregate, d.field]
                    for key, d in derived.items()},
        "criteria": [[c.id, c.name, c.category, c.priority, c.weight, c.quote,
                      list(c.sources), repr(c.when), repr(c.partial)] for c in criteria]}
    return hashlib.sha256(json.dumps(decisive, sort_keys=True, ensure_ascii=False)
                          .encode()).hexdigest()


def _sha256(files: tuple[tuple[str, bytes], ...]) -> str:
    digest = hashlib.sha256()
    for path, content in files:
        digest.update(Path(path).name.encode() + b"\0" + content + b"\0")
    return digest.hexdigest()


def _parse(doc: Document, data: Any, loc: tuple, item_level: bool,
           problems: list[Problem]) -> cond.Condition | None:
    try:
        return cond.parse(data, (), item_level)
    except cond.ConditionSyntaxError as exc:
        problems.append(doc.problem((*loc, *exc.path), exc.text, "E206"))
        return None


@dataclass
class _Names:
    competencies: dict[str, str]
    derived: dict[str, Derived]

    def check(self, doc: Document, tree: cond.Condition, loc: tuple,
              sources: tuple[str, ...], problems: list[Problem]) -> None:
        """Check the names of a candidate-level condition; `loc` is where `tree` stands."""
        for path, node in _with_paths(tree, ()):
            here = (*loc, *path)
            if isinstance(node, cond.Assessed):
                if node.competency not in self.competencies:
                    hint = (message("competency_is_fact", name=node.competency)
                            if node.competency in self.derived
                            else did_you_mean(node.competency, self.competencies))
                    problems.append(doc.problem((*here, "assessed"),
                                                message("unknown_competency",
                                                        name=node.competency) + hint, "E207"))
                for source in node.by or ():
                    if source not in SOURCES:
                        problems.append(doc.problem((*here, "by"), message(
                            "unknown_source", name=source, sources=", ".join(SOURCES))
                            + did_you_mean(source, SOURCES), "E207"))
                    elif source not in sources:
                        problems.append(doc.problem((*here, "by"), message(
                            "source_not_allowed", name=source), "E207"))
                if node.gte is not None and not 1 <= node.gte <= 5:
                    problems.append(doc.problem((*here, "gte"), message("score_range"), "E208"))
            elif isinstance(node, cond.Compare):
                self._check_fact(doc, node, here, problems)
            elif isinstance(node, cond.Some):
                if node.collection not in COLLECTIONS:
                    problems.append(doc.problem((*here, "some"), message(
                        "unknown_collection", name=node.collection)
                        + did_you_mean(node.collection, COLLECTIONS), "E207"))
                else:
                    _check_items(doc, node.collection, node.where, (*here, "where"), problems)

    def _check_fact(self, doc, node: cond.Compare, here: tuple, problems) -> None:
        derived = self.derived.get(node.name)
        if derived is None:
            hint = (message("fact_is_competency", name=node.name)
                    if node.name in self.competencies else did_you_mean(node.name, self.derived))
            problems.append(doc.problem((*here, "fact"), message("unknown_fact", name=node.name)
                                        + hint, "E207"))
            return
        kind = "bool" if derived.aggregate == "exists" else "number"
        _check_operator(doc, node, kind, (), here, problems)


def _with_paths(tree: cond.Condition, path: tuple):
    """(path, node) for the candidate-level nodes of a condition (not inside `where`)."""
    yield path, tree
    if isinstance(tree, cond.All | cond.AnyOf):
        key = "all" if isinstance(tree, cond.All) else "any"
        for i, child in enumerate(tree.children):
            yield from _with_paths(child, (*path, key, i))
    elif isinstance(tree, cond.Not):
        yield from _with_paths(tree.child, (*path, "not"))


def _check_items(doc: Document, collection: str, where: cond.Condition, loc: tuple,
                 problems: list[Problem]) -> None:
    fields = COLLECTIONS[collection].fields
    for path, node in _with_paths(where, ()):
        if not isinstance(node, cond.Compare):
            continue
        here = (*loc, *path)
        spec = fields.get(node.name)
        if spec is None:
            problems.append(doc.problem((*here, "field"), message(
                "unknown_item_field", name=node.name, collection=collection)
                + did_you_mean(node.name, fields), "E207"))
            continue
        _check_operator(doc, node, spec.kind, spec.values, here, problems)


def _check_operator(doc, node: cond.Compare, kind: str, values: tuple, here: tuple,
                    problems: list[Problem]) -> None:
    allowed = OPS_BY_KIND[kind]
    if node.op not in allowed:
        problems.append(doc.problem((*here, node.op), message(
            "operator_mismatch", op=node.op, name=node.name, kind=kind,
            allowed=", ".join(allowed)), "E209"))
        return
    items = node.value if node.op == "in" else [node.value]
    for value in items:
        if kind == "bool" and not isinstance(value, bool):
            wrong = message("not_true_or_false", name=node.name, value=repr(value))
        elif kind == "number" and (isinstance(value, bool) or not isinstance(value, int | float)):
            wrong = message("not_a_number_fact", name=node.name, value=repr(value))
        elif kind in ("enum", "set") and value not in values:
            wrong = (message("not_a_value_of", value=value, name=node.name)
                     + did_you_mean(str(value), values)
                     + message("one_of", names=", ".join(values)))
        else:
            continue
        problems.append(doc.problem((*here, node.op), wrong, "E209"))


def _is_there(path: Path) -> bool:
    """Whether something is at `path`; a name the file system cannot even look up (longer
    than it allows, say: a sentence taken for a profile) is simply not there."""
    try:
        return path.exists()
    except OSError:
        return False


def find_profile(name: str, rules_dir: str | Path = "rules") -> Path:
    """A rule file path, or a profile id looked up in `rules_dir`: first as the file's name
    (`rules/<id>.yaml`, as profiles are shipped), then in every file's `profile.id`."""
    path = Path(name)
    if path.suffix in (".yaml", ".yml") or _is_there(path):
        return path
    for suffix in (".yaml", ".yml"):
        named = Path(rules_dir) / f"{name}{suffix}"
        if _is_there(named):  # parsing every rule file to find one id cost 145 ms a command
            if others := _claiming(name, rules_dir, named):  # a copy kept its id, say
                _refuse_twins(name, [named, *others])
            return named
    found: dict[str, list[Path]] = {}
    for candidate in sorted(Path(rules_dir).glob("*.y*ml")):
        if (profile_id := _profile_id(candidate)) is not None:
            found.setdefault(profile_id, []).append(candidate)
    if name in found:
        if len(found[name]) > 1:
            _refuse_twins(name, found[name])
        return found[name][0]
    raise RuleFileError([Problem(name, message("no_profile", folder=f"{rules_dir}/")
                                 + did_you_mean(name, found), code="E001")])


def _claiming(name: str, rules_dir: str | Path, named: Path) -> list[Path]:
    """The rule files of `rules_dir` other than `named` whose profile id is `name`. Only a
    file whose text gives some `id:` that name is parsed: reading the bytes of a folder of
    rule files takes a millisecond, parsing them all took 145."""
    given = re.compile(rb"\bid:[ \t]*['\"]?" + re.escape(name.encode()) + rb"['\"]?[ \t]*[,}#\r\n]")
    return [path for path in sorted(Path(rules_dir).glob("*.y*ml"))
            if path != named and given.search(read_bounded(path)[0])
            and _profile_id(path) == name]


def _refuse_twins(name: str, paths: list[Path]) -> NoReturn:
    """Two files with one profile id: which one is meant only a person can say."""
    first, *others = paths
    raise RuleFileError([Problem(file_name(other), message("profile_id_twice", id=name,
                                                           first=file_name(first)),
                                 code="E213")
                         for other in others])


def _profile_id(path: Path) -> str | None:
    """The id of the profile in `path` (none for a module or what is not a rule file): from
    the cache when the profile loads and its files are unchanged, else as written."""
    try:
        return load_profile(path).meta.id
    except RuleFileError:
        doc, _ = read_document(path)
    meta = doc.data.get("profile") if doc else None
    return str(meta["id"]) if isinstance(meta, dict) and "id" in meta else None


def list_profiles(rules_dir: str | Path = "rules") -> list[tuple[Path, Profile | RuleFileError]]:
    """Every profile in `rules_dir` (modules left out), loaded, or the error that stopped it.
    A profile that loads comes from the cache when its files are unchanged: only a file
    that does not load is parsed to see whether it is a profile at all, and one that
    cannot even be read (broken YAML, say) is listed too, as it may be the one sought."""
    found: list[tuple[Path, Profile | RuleFileError]] = []
    for path in sorted(Path(rules_dir).glob("*.y*ml")):
        try:
            found.append((path, load_profile(path)))
        except RuleFileError as exc:
            doc, _ = read_document(path)
            if doc is None or "profile" in doc.data:
                found.append((path, exc))
    return found
