"""Grouped horizontal bars: one group per category, one bar per series (office, year)."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from documents.charts.format import Number, format_value, wrap_label
from documents.charts.scale import _axis_bounds
from documents.charts.svg import (
    CHAR_WIDTH,
    LINE_HEIGHT,
    MUTED_COLOUR,
    PALETTE,
    TITLE_HEIGHT,
    _backdrop,
    _f,
    _legend,
    _open_svg,
    _reference_line,
    _text,
    _value_axis,
)


def grouped_bar_chart(
    categories: list[str],
    series: list[tuple[str, list[Number | None]]],
    *,
    title: str,
    unit: str = "%",
    reference: float | None = 100,
    width: int = 640,
    decimals: int = 1,
    colours: list[str] | None = None,
) -> SafeString:
    """Horizontal bar groups: one group per category (a sasaran, a step), one bar per series
    (an office, a year) in the series' colour (`colours`, else the palette), with a legend."""
    palette = colours or PALETTE
    label_width = round(width * 0.34)
    value_space = 64
    x0 = label_width + 8
    plot_width = width - x0 - value_space
    max_chars = int(label_width / CHAR_WIDTH)
    values = [float(v) for _n, vals in series for v in vals if v is not None]
    maximum = _axis_bounds(values, reference)
    bar_height = 14 if len(series) > 2 else 16

    top = TITLE_HEIGHT + 16
    rows: list[str] = []
    y = top
    for c, category in enumerate(categories):
        lines = wrap_label(category, max_chars, max_lines=3)
        group_height = max(len(series) * (bar_height + 3) + 10, len(lines) * LINE_HEIGHT + 10)
        centre = y + group_height / 2
        rows.append('<g class="bar-group">')
        first_line_y = centre - (len(lines) - 1) * LINE_HEIGHT / 2 + 4
        for i, line in enumerate(lines):
            rows.append(_text(label_width, first_line_y + i * LINE_HEIGHT, line, anchor="end"))
        bar_y = centre - len(series) * (bar_height + 3) / 2
        for s, (name, vals) in enumerate(series):
            value = vals[c] if c < len(vals) else None
            colour = palette[s % len(palette)]
            tooltip = escape(f"{category} – {name}: {format_value(value, unit, decimals)}")
            if value is None:
                rows.append(
                    f"<g><title>{tooltip}</title>"
                    + _text(x0 + 4, bar_y + bar_height - 3, "–", size=10, fill=MUTED_COLOUR)
                    + "</g>"
                )
            else:
                v = max(float(value), 0.0)
                length = plot_width * min(v, maximum) / maximum
                rows.append(
                    f'<g><title>{tooltip}</title><rect x="{_f(x0)}" y="{_f(bar_y)}" '
                    f'width="{_f(length)}" height="{bar_height}" rx="2" fill="{colour}" '
                    f'data-value="{v:.4f}"/>'
                    + _backdrop(
                        x0 + length + 2,
                        bar_y,
                        format_value(value, unit, decimals),
                        10,
                    )
                    + _text(
                        x0 + length + 4,
                        bar_y + bar_height - 3,
                        format_value(value, unit, decimals),
                        size=10,
                    )
                    + "</g>"
                )
            bar_y += bar_height + 3
        rows.append("</g>")
        y += group_height
    bottom = y
    if not categories:
        rows.append(_text(x0, top + 16, "Belum ada data", fill=MUTED_COLOUR))
        bottom = top + 26

    legend, legend_height = _legend([name for name, _v in series], bottom + 40, width, palette)
    parts = [_open_svg(width, bottom + 28 + legend_height + 6, title, "grouped")]
    parts += _value_axis(x0, plot_width, top, bottom, maximum, unit)
    if reference is not None:
        # Drawn before the bars so that value labels stay on top of the dashed line.
        parts += _reference_line(
            x0 + plot_width * reference / maximum, top, bottom, reference, unit
        )
    parts += rows
    parts += legend
    parts.append("</svg>")
    return mark_safe("".join(parts))
