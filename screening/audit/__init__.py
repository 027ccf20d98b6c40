"""The audit trail: every screening and every human decision, verifiable and replayable.

`chain` hashes entries into an append-only chain; `store` keeps it in SQLite with the rule
files and records needed to replay a run, and personal data apart so it can be erased;
`replay` screens a stored run again; `export` writes the begrundelse for one candidate.
"""

import os
import stat
from pathlib import Path


def default_path() -> Path:
    """SCREENING_AUDIT_DB, else the user's data folder. Here, not in `store`, so that a
    command can see whether there is a store without loading sqlite3 and the store's code."""
    if os.environ.get("SCREENING_AUDIT_DB"):
        return Path(os.environ["SCREENING_AUDIT_DB"])
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "screening" / "audit.db"


def nothing_recorded(path: str | Path) -> bool:
    """Nothing recorded at `path` yet: no file, or an empty one (made by `touch` or `mktemp`;
    the first run recorded there makes the store in it). Here for the reason `default_path`
    is: a command that finds nothing loads no sqlite3."""
    try:
        found = os.stat(path)
    except OSError:
        return True  # as os.path.exists says of a path it cannot see
    return stat.S_ISREG(found.st_mode) and found.st_size == 0
