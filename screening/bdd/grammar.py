"""How a step line is read: the catalogue of steps, each with its phrasings, and the reader.

A step is one handler with several phrasings (Danish, and English for `# language: en`),
each a regular expression over the line and an example line. Reading a line finds the
first phrasing that matches and turns its named groups into values (numbers written as
words, stages named by the process, criteria by a phrase of their name) with the
catalogue's readers. A line no phrasing matches is reported with the nearest example lines;
a line that matches but whose argument cannot be read is reported with that argument and
what was expected. pytest-bdd sees one catch-all step per kind that hands the line to `perform`,
so `--check`, `screening steps --suggest` and the run read lines the same way.

There is no registry filled at import: `step` and `argument` only mark a function, and
`collect` gathers the marked functions of the step modules into a `StepCatalogue` in one
call (`library.step_library`). What reads a line is given the catalogue in its
`ReadContext`.
"""

from __future__ import annotations

import difflib
import inspect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import Any

from ..messages import Message, Told, message
from ..profiles import Profile

KINDS = ("given", "when", "then")
KEYWORDS = {
    "da": {"Givet": "given", "Når": "when", "Så": "then", "Og": None, "Men": None},
    "en": {"Given": "given", "When": "when", "Then": "then", "And": None, "But": None},
}


@dataclass(frozen=True)
class Phrasing:
    pattern: re.Pattern
    example: str  # a whole line, keyword first, as a feature file has it
    language: str  # da | en

    @property
    def text(self) -> str:
        """The example without its keyword and data table."""
        return self.example.split(" ", 1)[1].splitlines()[0]

    def starts(self, text: str) -> bool:
        """Whether `text` begins as this phrasing reads, whole words, and goes on."""
        return re.match(self.pattern.pattern.removesuffix("$") + r"(?=\s)", text) is not None


@dataclass(frozen=True)
class StepDoc:
    kind: str  # given | when | then
    handler: Callable
    phrasings: tuple[Phrasing, ...]
    table_keys: tuple[str, ...] = ()

    @property
    def pattern(self) -> re.Pattern:
        return self.phrasings[0].pattern

    @property
    def example(self) -> str:
        return self.phrasings[0].example

    @property
    def name(self) -> str:
        return self.handler.__name__

    @property
    def summary(self) -> str:
        return (inspect.getdoc(self.handler) or self.name).splitlines()[0]


# the attributes `step` and `argument` mark a function with, for `collect` to find
STEP_MARK = "screening_step"
READER_MARK = "screening_reads"

Reader = Callable[[str, "ReadContext"], Any]


def step(kind: str, pattern: str, example: str, *, also: tuple[tuple[str, str], ...] = (),
         english: tuple[tuple[str, str], ...] = (), table_keys: tuple[str, ...] = ()
         ) -> Callable:
    """Mark a function as a step: its first phrasing, more Danish ones, English ones."""
    phrasings = tuple(Phrasing(re.compile(p + "$"), e, language)
                      for language, pairs in (("da", ((pattern, example), *also)),
                                              ("en", english))
                      for p, e in pairs)

    def mark(handler: Callable) -> Callable:
        setattr(handler, STEP_MARK, StepDoc(kind, handler, phrasings, table_keys))
        return handler

    return mark


def argument(*names: str) -> Callable:
    """Mark a function as the reader of the named groups of every phrasing."""
    def mark(reader: Reader) -> Reader:
        setattr(reader, READER_MARK, names)
        return reader

    return mark


@dataclass(frozen=True)
class StepCatalogue:
    """The steps a feature line may mean, in the order they are tried (the first that reads
    a line is the one it means), and the readers of their arguments by group name."""

    steps: tuple[StepDoc, ...]
    readers: Mapping[str, Reader]

    def of_kind(self, kind: str) -> Iterator[StepDoc]:
        return (doc for doc in self.steps if doc.kind == kind)

    def nearest(self, kind: str, text: str, language: str | None = None,
                n: int = 2) -> Message | str:
        """The example lines of the phrasings a line starts as ('går ansøgeren videre til
        anden samtale' is 'går … videre' and more), then of those most like it, in the
        line's `language` when known (an English example is no help in a Danish file).
        Looser than a "did you mean" (a cut-off of 0.4): a whole sentence differs from its
        phrasing's pattern in more ways than a misspelt name from the name."""
        phrasings = [p for d in self.of_kind(kind) for p in d.phrasings
                     if language in (None, p.language)]
        examples = {p.text: p.example for p in phrasings}
        started = [p.text for p in phrasings if p.starts(text)]
        close = list(dict.fromkeys(started + difflib.get_close_matches(
            text, list(examples), n=n, cutoff=0.4)))[:n]
        if not close:
            return ""
        return message("nearest_steps",
                       steps=" | ".join(examples[c].splitlines()[0] for c in close))


def collect(modules: Iterable[ModuleType]) -> StepCatalogue:
    """The steps and readers the modules define, module by module in the order given and
    each module's in the order written."""
    steps: list[StepDoc] = []
    readers: dict[str, Reader] = {}
    for module in modules:
        for function in _defined_in(module):
            doc = getattr(function, STEP_MARK, None)
            if isinstance(doc, StepDoc):
                steps.append(doc)
            readers.update((name, function) for name in getattr(function, READER_MARK, ()))
    return StepCatalogue(tuple(steps), MappingProxyType(readers))


def _defined_in(module: ModuleType) -> list[Callable]:
    """The functions a module defines (not those it imports), in the order written."""
    functions = [value for value in vars(module).values()
                 if inspect.isfunction(value) and value.__module__ == module.__name__]
    return sorted(functions, key=lambda function: function.__code__.co_firstlineno)


# --- reading a line -----------------------------------------------------------------------


class NotRead(Told):
    """A line no step reads; `text` names the nearest steps or the unreadable argument, and
    its `line` parameter is the line as read."""


@dataclass
class ReadContext:
    """What reading a line may look at: the steps it may mean, where profiles are, and the
    profile chosen so far."""

    steps: StepCatalogue
    rules_dir: Path
    profile: Profile | None = None
    feature_dir: Path | None = None  # the folder of the feature file read, when known
    language: str | None = None  # of the feature file read (da | en), when known


@dataclass
class Reading:
    """A line read: the step, the phrasing that matched, and its arguments as values."""

    doc: StepDoc
    phrasing: Phrasing
    arguments: dict[str, Any] = field(default_factory=dict)

    def run(self, **available: Any) -> None:
        """Call the step's handler with its arguments and what it asks for of `available`
        (screening_context, request, datatable)."""
        wanted = inspect.signature(self.doc.handler).parameters
        kwargs = {name: value for name, value in (available | self.arguments).items()
                  if name in wanted}
        self.doc.handler(**kwargs)


def read(kind: str, text: str, context: ReadContext) -> Reading:
    """The step a line means (the first phrasing that matches and whose arguments read)."""
    from .words import Unreadable

    # an outline's empty cell leaves two spaces ('lever ansøgeren <grad> op til' with no grad)
    text = " ".join(text.split())
    unreadable: list[Message] = []
    for doc in context.steps.of_kind(kind):
        for phrasing in doc.phrasings:
            match = phrasing.pattern.match(text)
            if match is None:
                continue
            try:
                return Reading(doc, phrasing, _arguments(match, context))
            except Unreadable as exc:
                unreadable.append(message("about", subject=doc.name, message=exc.text))
    if unreadable:
        raise NotRead(message("unreadable_argument", line=text, why=unreadable[0]))
    raise NotRead(message("no_step_matches", line=text,
                          nearest=context.steps.nearest(kind, text, context.language)))


def _arguments(match: re.Match, context: ReadContext) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, text in match.groupdict().items():
        reader = context.steps.readers.get(name)
        values[name] = reader(text, context) if reader and text is not None else text
    return values


def split_keyword(line: str) -> tuple[str | None, str]:
    """'Så lever ansøgeren …' -> ('then', 'lever ansøgeren …'); 'Og …' -> (None, '…')."""
    word, _, rest = line.strip().partition(" ")
    for keywords in KEYWORDS.values():
        if word in keywords:
            return keywords[word], rest.strip()
    return None, line.strip()
