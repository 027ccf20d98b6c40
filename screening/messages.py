"""The problem catalogue: every message a problem (or a finding) can carry, by code.

A message is a code and its parameters, made where the problem is found and rendered when it
is shown, in the language of that moment, from one template per language. A parameter may
itself be a message (a hint such as "did you mean ...", the reason an include failed), so
composed messages are rendered in one language throughout. Text from a third-party library
(pydantic, ruamel.yaml, the operating system) is a parameter of its own code where it cannot
be templated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .problem_text import CATALOGUE


@dataclass(frozen=True)
class Message:
    """A problem's text before it is shown: a catalogue code and its parameters."""

    code: str
    params: tuple[tuple[str, Any], ...] = ()

    def render(self, language: str | None = None) -> str:
        """The text in `language` (the chosen language of the run when None)."""
        from .i18n import language as chosen

        lang = language or chosen()
        english, danish = CATALOGUE[self.code]
        values = {name: _rendered(value, lang) for name, value in self.params}
        return (danish if lang == "da" else english).format(**values)

    def __str__(self) -> str:
        return self.render()

    def __add__(self, hint: Message | str) -> Message:
        """This message followed by a hint (a suggestion, what to write instead)."""
        return message("hinted", message=self, hint=hint) if hint else self


def message(code: str, **params: Any) -> Message:
    """The message `code` with `params`; an unknown code fails where the message is made."""
    if code not in CATALOGUE:
        raise KeyError(f"no message '{code}' in the catalogue")
    return Message(code, tuple(params.items()))


def _rendered(value: Any, language: str) -> Any:
    return value.render(language) if isinstance(value, Message) else value
