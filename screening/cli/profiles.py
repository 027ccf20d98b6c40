"""`screening profiles` and `screening profile show`: the rule files as a consultant reads them."""

from __future__ import annotations

import click

from ..i18n import t
from .common import emit, rules_dir_option, screening_profile
from .help import HelpCommand, HelpGroup, argument


@click.command(cls=HelpCommand)
@rules_dir_option
def profiles(rules_dir):
    """Vis profilerne i regelmappen.

    \b
    Eksempel:
      screening profiles
    """
    from pathlib import Path

    from tabulate import tabulate

    from ..display import file_name
    from ..errors import RuleFileError
    from ..rulefiles import list_profiles

    rows: list[list[str | int]] = []
    for path, loaded in list_profiles(rules_dir):
        if isinstance(loaded, RuleFileError):
            first = loaded.problems[0]  # where to look; `screening lint` says them all
            where = f"{first.path}:{first.line}:{first.column or 1}" if first.line else first.path
            rows.append([Path(file_name(path)).stem, t("(fejl i regelfilen: {where} {code})",
                                                       where=where, code=first.code),
                         "", "", "", ""])
            continue
        krav = sum(c.priority == "krav" for c in loaded.criteria)
        rows.append([loaded.meta.id, loaded.meta.title, loaded.meta.organisation,
                     loaded.meta.version, krav, len(loaded.criteria) - krav])
    if not rows:  # a mistyped --rules-dir, as lint says it
        raise click.UsageError(t("ingen regelfiler i {folder}/", folder=rules_dir))
    emit(tabulate(rows, headers=[t(h) for h in ["Id", "Titel", "Organisation", "Version",
                                                "Krav", "Ønsker"]],
                  disable_numparse=True), None)


@click.group(cls=HelpGroup)
def profile():
    """Vis en profil.

    \b
    Eksempel:
      screening profile show helsingor-direktor-2024
    """


@profile.command("show")
@argument("profile_name", metavar="PROFILE")
@rules_dir_option
def show(profile_name, rules_dir):
    """Vis PROFIL som en konsulent læser den: kriterier pr. kategori, krav før ønsker.

    \b
    Eksempel:
      screening profile show helsingor-direktor-2024
    """
    from ..profile_text import profile_text

    emit(profile_text(screening_profile(profile_name, rules_dir)), None)
