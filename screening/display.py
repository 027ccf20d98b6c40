"""Text from records, rule files and the audit trail made safe to show.

Names, titles, organisations, assessors and decision reasons are typed by people and may
hold anything: an escape sequence that clears the consultant's terminal (`\\x1b[2J`),
direction overrides that reorder what is read, or newlines and Markdown that forge a section
of a document handed to a candidate. Everything shown goes through here.
"""

from __future__ import annotations

import os
import re
import unicodedata

_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>#|!])")
_SPACES = re.compile(r"\s+")


def _unseen(ch: str) -> bool:
    # control characters (C0, DEL, C1), format characters (direction overrides, zero-width
    # spaces) and the line and paragraph separators (U+2028, U+2029), which some viewers
    # break a line at: nothing a reader should get without seeing it
    return unicodedata.category(ch) in _UNSEEN


_UNSEEN = ("Cc", "Cf", "Zl", "Zp")
_BREAKS = "\n\r\t\u2028\u2029"  # whitespace to one_line, whatever else it is


def terminal(text: str) -> str:
    """`text` without control and format characters; line breaks and tabs stay."""
    if all(line.isprintable() for line in text.split("\n")):
        return text  # none of them (C speed; a table was 5-10 ms character by character)
    return "".join(ch for ch in text if ch in "\n\t" or not _unseen(ch))


def file_name(path: str | os.PathLike[str]) -> str:
    """A name the system gives (a file's, a user's) as text: bytes of it that are no UTF-8
    (a name from a zip made on Windows, "s\\xf8ren.yaml") as `ls -b` shows them, where Python
    holds them as lone surrogates, which no file, terminal or audit trail can be written
    with."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def one_line(text: str) -> str:
    """`text` as one paragraph: control and format characters dropped, every run of
    whitespace (line breaks included) one space."""
    return _SPACES.sub(" ", "".join(" " if ch in _BREAKS else ch for ch in text
                                    if ch in _BREAKS or not _unseen(ch))).strip()


def markdown(text: object) -> str:
    """`text` as one paragraph of Markdown that shows exactly the characters written."""
    return _MARKDOWN.sub(r"\\\1", one_line(str(text)))
