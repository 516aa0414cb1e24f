"""Horizontal bars coloured by capaian band: one bar per indicator or sasaran."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from documents.charts.format import Number, format_value, wrap_label
from documents.charts.scale import _axis_bounds
from documents.charts.svg import (
    BAND_COLOURS,
    CHAR_WIDTH,
    LINE_HEIGHT,
    MUTED_COLOUR,
    NO_BAND_COLOUR,
    TITLE_HEIGHT,
    _backdrop,
    _f,
    _open_svg,
    _reference_line,
    _text,
    _value_axis,
)


@dataclass
class Bar:
    label: str
    value: Number | None
    band: str | None = None
    note: str = ""


def bar_chart(
    bars: list[Bar],
    *,
    title: str,
    unit: str = "%",
    reference: float | None = 100,
    width: int = 640,
    decimals: int = 1,
) -> SafeString:
    """Horizontal bars, one per label, coloured by capaian band, with the value beside each."""
    label_width = round(width * 0.38)
    value_space = 64
    x0 = label_width + 8
    plot_width = width - x0 - value_space
    max_chars = int(label_width / CHAR_WIDTH)
    values = [float(b.value) for b in bars if b.value is not None]
    maximum = _axis_bounds(values, reference)

    top = TITLE_HEIGHT + 16
    rows: list[str] = []
    y = top
    for bar in bars:
        lines = wrap_label(bar.label, max_chars, max_lines=3 if len(bars) <= 6 else 2)
        row_height = max(26, len(lines) * LINE_HEIGHT + 10)
        centre = y + row_height / 2
        tooltip = escape(
            f"{bar.label}: {format_value(bar.value, unit, decimals)}"
            + (f" ({bar.note})" if bar.note else "")
        )
        rows.append(f'<g class="bar"><title>{tooltip}</title>')
        first_line_y = centre - (len(lines) - 1) * LINE_HEIGHT / 2 + 4
        for i, line in enumerate(lines):
            rows.append(_text(label_width, first_line_y + i * LINE_HEIGHT, line, anchor="end"))
        if bar.value is None:
            rows.append(
                _text(x0 + 4, centre + 4, bar.note or "belum ada data", size=11, fill=MUTED_COLOUR)
            )
        else:
            value = max(float(bar.value), 0.0)
            length = plot_width * min(value, maximum) / maximum
            colour = BAND_COLOURS.get(bar.band or "", NO_BAND_COLOUR)
            rows.append(
                f'<rect x="{_f(x0)}" y="{_f(centre - 9)}" width="{_f(length)}" height="18" '
                f'rx="2" fill="{colour}" data-value="{value:.4f}"/>'
            )
            label = format_value(bar.value, unit, decimals)
            rows.append(_backdrop(x0 + length + 2, centre - 7, label, 11))
            rows.append(_text(x0 + length + 4, centre + 4, label, size=11, weight="bold"))
        rows.append("</g>")
        y += row_height
    bottom = y
    if not bars:
        rows.append(_text(x0, top + 16, "Belum ada data", fill=MUTED_COLOUR))
        bottom = top + 26

    parts = [_open_svg(width, bottom + 24, title, "bar")]
    parts += _value_axis(x0, plot_width, top, bottom, maximum, unit)
    if reference is not None:
        # Drawn before the bars so that value labels stay on top of the dashed line.
        parts += _reference_line(
            x0 + plot_width * reference / maximum, top, bottom, reference, unit
        )
    parts += rows
    parts.append("</svg>")
    return mark_safe("".join(parts))
