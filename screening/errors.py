"""One exception hierarchy; the CLI maps each class to an exit code in one place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .messages import Message, Worded, message


class ScreeningError(Exception):
    """Base of every error the tool reports to a user (never with a traceback)."""

    exit_code = 2


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
        where = self.path
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


class UnknownCandidate(ScreeningError, KeyError):
    """`Screening.result(id)` for an id the screening does not hold. A KeyError, as a lookup
    by key is, whose text names the id, how many candidates the screening holds, the first of
    them and the nearest id; `candidate_id` and `known` (every id, ranked) are the data."""

    SHOWN = 10  # ids named in the text: a talent pool holds thousands

    def __init__(self, candidate_id: str, known: Sequence[str]) -> None:
        super().__init__(candidate_id)
        self.candidate_id = candidate_id
        self.known = tuple(known)

    @property
    def text(self) -> Message:
        from .vocabulary import did_you_mean

        shown = ", ".join(self.known[:self.SHOWN]) + (", ..." if len(self.known) > self.SHOWN
                                                      else "")
        return message("not_screened", id=self.candidate_id, count=len(self.known),
                       ids=shown) + did_you_mean(self.candidate_id, self.known)

    def __str__(self) -> str:  # in the language of the moment, not KeyError's repr
        return self.text.render()


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
