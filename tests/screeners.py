"""One Screener per profile for a whole test session: the property tests screen thousands of
batches, and compiling the profile for each would take most of their time."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from screening.profiles import Profile
from screening.records import CandidateRecord
from screening.results import Screening
from screening.screen import DEFAULT_STAGE, Screener

_screeners: dict[str, Screener] = {}


def screen(profile: Profile, records: Iterable[CandidateRecord], stage: str = DEFAULT_STAGE,
           as_of: date | None = None) -> Screening:
    """As screening.screen.screen, with the profile's Screener kept for the session."""
    if profile.sha256 not in _screeners:
        _screeners[profile.sha256] = Screener(profile)
    return _screeners[profile.sha256].screen(records, stage, as_of)
