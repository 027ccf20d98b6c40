"""The step library as one catalogue: the steps of `steps` (quoted arguments), then those of
`prose` (the consultant's own words), with the readers of `arguments`.

The order is part of the meaning: a line is the first step that reads it, so the quoted
steps are tried before the prose that could also match them. The catalogue is built when
asked for, not at import: by the pytest plugin once per session, by `screening steps` and
`screening test --check` once per command.
"""

from __future__ import annotations

from .grammar import StepCatalogue, collect


def step_library() -> StepCatalogue:
    """The steps and argument readers of the step modules, collected afresh."""
    from . import arguments, prose, steps

    return collect((steps, prose, arguments))
