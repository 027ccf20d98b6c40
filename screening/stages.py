"""The evidence sources, in the order they become available during a recruitment.

Kept free of imports so that the command line starts fast."""

SOURCES: tuple[str, ...] = ("ansøgning", "samtale1", "test", "reference", "samtale2")
