"""The tool's own words, once: statuses, categories, priorities, bands, stages and decision
kinds, each a code with its label in Danish and English; and the one "did you mean" helper.

Codes are what files, the engine and the audit trail store (`ikke_belyst`,
`knockout_foreslået`); labels are what a person reads, in the language of the run. Profile
text (criterion names, quotes, a profile's own band labels) is the consultancy's and is not
here.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .messages import Message, message

# How alike a name must be to one we know to be offered (difflib's ratio, 0-1). 0.6 keeps
# one typo in a short id ('ledre' for 'ledere') and drops words that merely share a prefix.
SUGGESTION_CUTOFF = 0.6


def did_you_mean(name: str, known: Iterable[str], most: int = 1) -> Message | str:
    """" (did you mean 'x'?)" for the `most` known names nearest to `name`; "" if none is
    near enough."""
    close = difflib.get_close_matches(name, list(known), n=most, cutoff=SUGGESTION_CUTOFF)
    if not close:
        return ""
    return message("did_you_mean", names=", ".join(f"'{c}'" for c in close))
