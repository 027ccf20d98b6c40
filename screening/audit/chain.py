"""Hash chain: each entry's hash covers the previous hash and the entry's canonical JSON.

Editing, deleting or reordering an entry breaks the hash of that entry or the link of the
next one, which `verify` reports by sequence number.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..messages import Message, message

GENESIS = "0" * 64


def canonical(value: Any) -> str:
    """One text per value: sorted keys, no spaces, unicode kept."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(previous: str, seq: int, kind: str, run: str, candidate: str | None,
               created: str, body: str) -> str:
    header = canonical([seq, kind, run, candidate, created])
    return hashlib.sha256(f"{previous}\n{header}\n{body}".encode()).hexdigest()


@dataclass(frozen=True)
class StoredEntry:
    seq: int
    kind: str
    run: str
    candidate: str | None
    created: str
    body: str  # canonical JSON
    previous: str
    hash: str


def verify(entries: Iterable[StoredEntry]) -> list[Message]:
    """Every break in the chain, in order; empty when the chain is whole."""
    problems: list[Message] = []
    previous, expected_seq = GENESIS, 1
    for e in entries:
        if e.seq == expected_seq + 1:
            problems.append(message("entry_missing", seq=expected_seq))
        elif e.seq > expected_seq:
            problems.append(message("entries_missing", first=expected_seq, last=e.seq - 1))
        elif e.seq != expected_seq:
            problems.append(message("entry_out_of_order", seq=expected_seq, found=e.seq))
        if e.previous != previous:
            problems.append(message("entry_unchained", seq=e.seq))
        if entry_hash(e.previous, e.seq, e.kind, e.run, e.candidate, e.created,
                      e.body) != e.hash:
            problems.append(message("entry_changed", seq=e.seq, kind=e.kind, run=e.run))
        previous, expected_seq = e.hash, e.seq + 1
    return problems
