"""The `screening` command line: one group (`app.main`) and the command families, each in
its own module, registered here so that no command module imports another."""

from __future__ import annotations

import os

from . import audit, authoring, bdd, fairness, papers, profiles, screen, tools
from .app import main

__all__ = ["main", "run"]

for command in (screen.screen, screen.shortlist, screen.explain,
                profiles.profiles, profiles.profile,
                tools.lint, tools.schema, tools.import_group,
                authoring.new, authoring.trace, authoring.fields,
                bdd.test_command, bdd.steps,
                papers.report, papers.guide, papers.sheet,
                audit.audit, audit.decide,
                fairness.fairness):
    main.add_command(command)
tools.import_group.add_command(papers.import_scores)


def run() -> None:
    """The `screening` command. pydantic searches every installed package's metadata for
    plugins when it builds the first model (25-50 ms of each run, measured); the tool uses
    none, so its command line skips the search unless the environment says otherwise."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    main()
