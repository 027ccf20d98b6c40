"""The audit trail: every screening and every human decision, verifiable and replayable.

`chain` hashes entries into an append-only chain; `store` keeps it in SQLite with the rule
files and records needed to replay a run, and personal data apart so it can be erased;
`replay` screens a stored run again; `export` writes the begrundelse for one candidate.
"""
