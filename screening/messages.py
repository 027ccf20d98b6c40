"""The problem catalogue: every message a problem (or a finding) can carry, by code.

A message is a code and its parameters, made where the problem is found and rendered when it
is shown, in the language of that moment, from one template per language. A parameter may
itself be a message (a hint such as "did you mean ...", the reason an include failed), so
composed messages are rendered in one language throughout. Text from a third-party library
(pydantic, ruamel.yaml, the operating system) is a parameter of its own code where it cannot
be templated.
"""

from __future__ import annotations

import errno
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

    def but(self, **params: Any) -> Message:
        """The same message with some parameters changed."""
        return Message(self.code, tuple({**dict(self.params), **params}.items()))

    def as_data(self) -> dict[str, Any]:
        """The message as JSON data (for the audit trail), to be shown again later in the
        language of that moment."""
        return {"code": self.code, "params": {
            name: value.as_data() if isinstance(value, Message) else value
            for name, value in self.params}}

    def __add__(self, hint: Message | str) -> Message:
        """This message followed by a hint (a suggestion, what to write instead)."""
        return message("hinted", message=self, hint=hint) if hint else self


class Worded:
    """A problem or finding: its `text` is a message, shown in the language of the moment;
    `message` is that text in English, the language of logs and machine-read output."""

    text: Message

    @property
    def message(self) -> str:
        return self.text.render("en")


class Told(Exception):
    """An exception whose text is a message: `text` is shown to users in their language;
    str() gives the English, for tracebacks and logs."""

    def __init__(self, text: Message) -> None:
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return self.text.render("en")


def message(code: str, /, **params: Any) -> Message:
    """The message `code` with `params`; an unknown code fails where the message is made."""
    if code not in CATALOGUE:
        raise KeyError(f"no message '{code}' in the catalogue")
    return Message(code, tuple(params.items()))


# the operating system's reasons a person meets, in the catalogue: its own text is English
_OS_REASONS = {errno.ENOENT: "os_not_found", errno.EACCES: "os_no_access",
               errno.EPERM: "os_no_access", errno.ENOSPC: "os_disk_full",
               errno.EDQUOT: "os_disk_full", errno.EROFS: "os_read_only",
               errno.EISDIR: "os_is_folder", errno.ENOTDIR: "os_not_folder",
               errno.ENAMETOOLONG: "os_name_too_long", errno.ELOOP: "os_link_loop",
               errno.EEXIST: "os_taken"}


def os_reason(exc: OSError) -> Message | str:
    """Why the system refused, in the language of the moment where the catalogue has it,
    else as the system says it."""
    code = _OS_REASONS.get(exc.errno) if exc.errno is not None else None
    return message(code) if code else (exc.strerror or str(exc))


def from_data(data: Any, english: str) -> Message:
    """A message stored with `as_data`; `english`, its text as stored, when the code is not
    in this version's catalogue (or the store predates stored messages)."""
    if not isinstance(data, dict) or data.get("code") not in CATALOGUE:
        return message("verbatim", detail=english)
    return Message(data["code"], tuple(
        (name, from_data(value, english) if isinstance(value, dict) else value)
        for name, value in data.get("params", {}).items()))


def _rendered(value: Any, language: str) -> Any:
    return value.render(language) if isinstance(value, Message) else value
