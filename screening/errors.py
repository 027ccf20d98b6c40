"""One exception hierarchy; the CLI maps each class to an exit code in one place."""

from __future__ import annotations

from dataclasses import dataclass

from .messages import Message, Worded


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
