"""One exception hierarchy; the CLI maps each class to an exit code in one place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .messages import Message, Worded, message


class ScreeningError(Exception):
    """Base of every error the tool reports to a user (never with a traceback)."""

    exit_code = 2


_BREAKS_SHOWN = str.maketrans({"\n": "\\n", "\r": "\\r"})


@dataclass
class Problem(Worded):
    """One thing wrong in one input file, located as precisely as we can."""

    path: str
    text: Message  # rendered in the language of the moment it is shown
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    field: str | None = None  # dotted path inside the document, e.g. positions[2].end
    code: str = "E000"

    def __str__(self) -> str:
        # a file may be named with a line break: shown as `ls -b` shows it, so that its name
        # cannot write a line of its own among the problems
        where = self.path.translate(_BREAKS_SHOWN)
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}: {self.code}{field} {self.text}"


class InputError(ScreeningError):
    """Bad input: carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class RuleFileError(InputError):
    """A rule file (profile or module) that cannot be loaded."""


class RecordError(InputError):
    """A candidate record that does not validate."""


class UnknownId(ScreeningError, KeyError):
    """A lookup by id that finds nothing. A KeyError, as a lookup by key is, whose text names
    the id, how many ids there are, the first of them and the nearest; `wanted` and `known`
    (every id, in order) are the data. Each kind names what was looked up in its message."""

    SHOWN = 10  # ids named in the text: a talent pool holds thousands
    CODE = ""  # its catalogue message, of the id, the count and the ids, and of `where`

    def __init__(self, wanted: str, known: Sequence[str], **where: str) -> None:
        super().__init__(wanted)
        self.wanted = wanted
        self.known = tuple(known)
        self.where = where

    @property
    def text(self) -> Message:
        from .vocabulary import did_you_mean

        shown = ", ".join(self.known[:self.SHOWN]) + (", ..." if len(self.known) > self.SHOWN
                                                      else "")
        return message(self.CODE, id=self.wanted, count=len(self.known), ids=shown,
                       **self.where) + did_you_mean(self.wanted, self.known)

    def __str__(self) -> str:  # in the language of the moment, not KeyError's repr
        return self.text.render()


class UnknownCandidate(UnknownId):
    """`Screening.result(id)` for an id the screening does not hold."""

    CODE = "not_screened"


class UnknownCriterion(UnknownId):
    """`Profile.criterion(id)` for an id no criterion of the profile has."""

    CODE = "not_a_criterion_of"


class EngineError(ScreeningError):
    """durable-rules misbehaved (an action failed, an invariant broke): not the user's fault."""

    exit_code = 3


class Reported(ScreeningError):
    """What was wrong has been shown as it was found; only the exit code is left to give:
    1 for findings (lint problems, failing scenarios, a broken audit chain, a changed
    replay), 2 for input that could not be used."""

    def __init__(self, exit_code: int) -> None:
        super().__init__("")
        self.exit_code = exit_code
