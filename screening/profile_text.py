"""A profile rendered as a consultant reads it: by category, krav before ønske."""

from __future__ import annotations

from pathlib import Path

from .i18n import t
from .profiles import CATEGORIES, Profile
from .records import SOURCES
from .vocabulary import CATEGORY_TITLES, COMBINES, PRIORITIES, STAGES, label
from .wording import render, value_text


def profile_text(profile: Profile) -> str:
    meta, scoring = profile.meta, profile.scoring
    lines = [
        f"{meta.title}",
        f"{meta.organisation} · {meta.id} v{meta.version} · {meta.date.isoformat()}"
        + (f" · {meta.consultant}" if meta.consultant else ""),
        t("Kilde: {source}", source=meta.source),
        t("Regelfiler: {files}", files=", ".join(Path(path).name for path, _ in profile.files)),
        t("Vægte: krav {krav}, ønske {ønske}. Vurderinger 1-5: opfyldt fra {met}, delvist fra "
          "{partly}; flere kilders vurderinger samles til {krav_by} for krav og {ønske_by} "
          "for ønsker.",
          krav=value_text(scoring.weights.krav), ønske=value_text(scoring.weights.ønske),
          met=value_text(scoring.assessment.opfyldt),
          partly=value_text(scoring.assessment.delvist),
          krav_by=label(COMBINES, scoring.assessment.krav),
          ønske_by=label(COMBINES, scoring.assessment.ønske)),
        t("Anbefaling: {bands}", bands="; ".join(
            t("{label} fra {score}", label=b.label, score=value_text(b.min_score))
            for b in sorted(scoring.bands, key=lambda b: -b.min_score))),
        "",
    ]
    for category in CATEGORIES:
        members = sorted((c for c in profile.criteria if c.category == category),
                         key=lambda c: c.priority != "krav")
        if not members:
            continue
        lines.append(f"{label(CATEGORY_TITLES, category)} ({len(members)})")
        for c in members:
            sources = t("alle kilder") if c.sources == SOURCES else \
                ", ".join(label(STAGES, s) for s in c.sources)
            lines += [
                f"- [{label(PRIORITIES, c.priority)}, {t('vægt')} {value_text(c.weight)}] "
                f"{c.name} ({c.id})",
                f"  \"{c.quote}\"",
                f"  {c.document}, {c.section} · {Path(c.rule_file).name}:{c.line}",
                f"  {t('Evidens')}: {sources}",
                f"  {t('Opfyldt, hvis')}: {render(c.when, profile)}.",
            ]
            if c.partial is not None:
                lines.append(f"  {t('Delvist opfyldt, hvis')}: {render(c.partial, profile)}.")
            if c.note:
                lines.append(f"  {t('Note')}: {c.note}")
            lines += [t("  Lint {code} accepteret: {reason}", code=code, reason=reason)
                      for code, reason in zip(c.lint_ignore, c.lint_reasons, strict=True)]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
