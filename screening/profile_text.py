"""A profile rendered as a consultant reads it: by category, krav before ønske, in Danish."""

from __future__ import annotations

from pathlib import Path

from .explain import CATEGORY_TITLES
from .i18n import t
from .profiles import CATEGORIES, Profile
from .records import SOURCES
from .wording import render, value_text


def profile_text(profile: Profile) -> str:
    meta, scoring = profile.meta, profile.scoring
    lines = [
        f"{meta.title}",
        f"{meta.organisation} · {meta.id} v{meta.version} · {meta.date.isoformat()}"
        + (f" · {meta.consultant}" if meta.consultant else ""),
        f"Kilde: {meta.source}",
        "Regelfiler: " + ", ".join(Path(path).name for path, _ in profile.files),
        f"Vægte: krav {value_text(scoring.weights.krav)}, ønske "
        f"{value_text(scoring.weights.ønske)}. Vurderinger 1-5: opfyldt fra "
        f"{value_text(scoring.assessment.opfyldt)}, delvist fra "
        f"{value_text(scoring.assessment.delvist)}; flere kilder samles med "
        f"{scoring.assessment.krav} (krav) og {scoring.assessment.ønske} (ønsker).",
        "Anbefaling: " + "; ".join(f"{b.label} fra {value_text(b.min_score)}"
                                   for b in sorted(scoring.bands, key=lambda b: -b.min_score)),
        "",
    ]
    for category in CATEGORIES:
        members = sorted((c for c in profile.criteria if c.category == category),
                         key=lambda c: c.priority != "krav")
        if not members:
            continue
        lines.append(f"{CATEGORY_TITLES[category]} ({len(members)})")
        for c in members:
            sources = "alle kilder" if c.sources == SOURCES else ", ".join(c.sources)
            lines += [
                f"- [{c.priority}, vægt {value_text(c.weight)}] {c.name} ({c.id})",
                f"  \"{c.quote}\"",
                f"  {c.document}, {c.section} · {Path(c.rule_file).name}:{c.line}",
                f"  Evidens: {sources}",
                f"  Opfyldt, hvis: {render(c.when, profile)}.",
            ]
            if c.partial is not None:
                lines.append(f"  Delvist opfyldt, hvis: {render(c.partial, profile)}.")
            if c.note:
                lines.append(f"  Note: {c.note}")
            lines += [t("  Lint {code} accepteret: {reason}", code=code, reason=reason)
                      for code, reason in zip(c.lint_ignore, c.lint_reasons, strict=True)]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
