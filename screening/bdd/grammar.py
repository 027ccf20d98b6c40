"""How a step line is read: the catalogue of steps, each with its phrasings, and the reader.

A step is one handler with several phrasings (Danish, and English for `# language: en`),
each a regular expression over the line and an example line. Reading a line finds the
first phrasing that matches and turns its named groups into values (numbers written as
words, stages named by the process, criteria by a phrase of their name) with the readers
in `ARGUMENTS`. A line no phrasing matches is reported with the nearest example lines; a
line that matches but whose argument cannot be read is reported with that argument and what
was expected. pytest-bdd sees one catch-all step per kind that hands the line to `perform`,
so `--check`, `screening steps --suggest` and the run read lines the same way.
"""

from __future__ import annotations

import difflib
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
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


CATALOGUE: list[StepDoc] = []


def step(kind: str, pattern: str, example: str, *, also: tuple[tuple[str, str], ...] = (),
         english: tuple[tuple[str, str], ...] = (), table_keys: tuple[str, ...] = ()
         ) -> Callable:
    """Add a step to the catalogue: its first phrasing, more Danish ones, English ones."""
    phrasings = tuple(Phrasing(re.compile(p + "$"), e, language)
                      for language, pairs in (("da", ((pattern, example), *also)),
                                              ("en", english))
                      for p, e in pairs)

    def register(handler: Callable) -> Callable:
        CATALOGUE.append(StepDoc(kind, handler, phrasings, table_keys))
        return handler

    return register


# --- reading a line -----------------------------------------------------------------------


class NotRead(Told):
    """A line no step reads; `text` names the nearest steps or the unreadable argument, and
    its `line` parameter is the line as read."""


@dataclass
class ReadContext:
    """What reading a line may look at: where profiles are, and the profile chosen so far."""

    rules_dir: Path
    profile: Profile | None = None


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


# group name -> reader(text, context); filled by the step modules (`argument`)
ARGUMENTS: dict[str, Callable[[str, ReadContext], Any]] = {}


def argument(*names: str) -> Callable:
    """Register a reader for the named groups of every phrasing."""
    def register(reader: Callable[[str, ReadContext], Any]) -> Callable:
        for name in names:
            ARGUMENTS[name] = reader
        return reader

    return register


def read(kind: str, text: str, context: ReadContext) -> Reading:
    """The step a line means (the first phrasing that matches and whose arguments read)."""
    from .words import Unreadable

    unreadable: list[Message] = []
    for doc in CATALOGUE:
        if doc.kind != kind:
            continue
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
    raise NotRead(message("no_step_matches", line=text, nearest=nearest(kind, text)))


def _arguments(match: re.Match, context: ReadContext) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, text in match.groupdict().items():
        reader = ARGUMENTS.get(name)
        values[name] = reader(text, context) if reader and text is not None else text
    return values


def nearest(kind: str, text: str, n: int = 2) -> Message | str:
    """The example lines of the phrasings most like `text`. Looser than a "did you mean"
    (a cut-off of 0.4): a whole sentence differs from its phrasing's pattern in more ways
    than a misspelt name from the name."""
    examples = {p.text: p.example for d in CATALOGUE if d.kind == kind for p in d.phrasings}
    close = difflib.get_close_matches(text, list(examples), n=n, cutoff=0.4)
    if not close:
        return ""
    return message("nearest_steps", steps=" | ".join(examples[c].splitlines()[0] for c in close))


def split_keyword(line: str) -> tuple[str | None, str]:
    """'Så lever ansøgeren …' -> ('then', 'lever ansøgeren …'); 'Og …' -> (None, '…')."""
    word, _, rest = line.strip().partition(" ")
    for keywords in KEYWORDS.values():
        if word in keywords:
            return keywords[word], rest.strip()
    return None, line.strip()
