"""Bar charts as inline SVG text, for the self-contained HTML report.

Our own small code rather than a chart library: the report needs two kinds of horizontal
bars, must work with no network and no script at view time, and must escape every label
that comes from a record. matplotlib would add a large dependency and draw text as paths
(unsearchable, and not in the report's language settings); pygal embeds script tags.
Eighty lines of SVG we can test are easier to trust.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .i18n import decimal

WIDTH = 640
LABEL_WIDTH = 190
ROW = 24
BAR = 16
AXIS_HEIGHT = 22


@dataclass(frozen=True)
class Segment:
    """One part of a stacked bar: how many, and the CSS class that colours it."""

    value: float
    css_class: str
    title: str  # shown as a tooltip and read by screen readers


@dataclass(frozen=True)
class Row:
    label: str
    segments: tuple[Segment, ...]
    note: str = ""  # printed after the bar, e.g. the number itself


def bar_chart(title: str, rows: list[Row], scale: float, css_class: str = "chart") -> str:
    """Horizontal bars, one row each, segments stacked left to right; `scale` is the value
    of a full-width bar. Segments of zero are left out."""
    plot = WIDTH - LABEL_WIDTH - 110  # room for the note after a full bar
    height = len(rows) * ROW + AXIS_HEIGHT
    parts = [f'<svg class="{escape(css_class)}" xmlns="http://www.w3.org/2000/svg" '
             f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
             f'aria-label="{escape(title)}">', f"<title>{escape(title)}</title>"]
    for n, row in enumerate(rows):
        y = n * ROW
        parts.append(f'<text class="label" x="{LABEL_WIDTH - 6}" y="{y + BAR - 3}" '
                     f'text-anchor="end">{escape(_shortened(row.label))}</text>')
        x = float(LABEL_WIDTH)
        for segment in row.segments:
            if segment.value <= 0:
                continue
            width = plot * segment.value / scale
            parts.append(f'<rect class="bar {escape(segment.css_class)}" x="{x:.1f}" '
                         f'y="{y + 2}" width="{width:.1f}" height="{BAR}">'
                         f"<title>{escape(segment.title)}</title></rect>")
            x += width
        if row.note:
            parts.append(f'<text class="note" x="{x + 4:.1f}" y="{y + BAR - 3}">'
                         f"{escape(row.note)}</text>")
    axis = len(rows) * ROW + 4
    parts.append(f'<line class="axis" x1="{LABEL_WIDTH}" y1="{axis}" '
                 f'x2="{LABEL_WIDTH + plot}" y2="{axis}"/>')
    for tick in (0, 0.5, 1):
        x = LABEL_WIDTH + plot * tick
        parts.append(f'<text class="tick" x="{x:.1f}" y="{axis + 14}" text-anchor="middle">'
                     f"{_number(scale * tick)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def _shortened(label: str, limit: int = 30) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _number(value: float) -> str:
    return decimal(f"{value:g}")
