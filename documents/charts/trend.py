"""Lines across years: capaian over time, one line per series."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from documents.charts.format import Number, format_value
from documents.charts.scale import _axis_bounds, ticks, zoomed_minimum
from documents.charts.svg import (
    GRID_COLOUR,
    MUTED_COLOUR,
    PALETTE,
    TEXT_COLOUR,
    TITLE_HEIGHT,
    _f,
    _legend,
    _open_svg,
    _text,
)


def trend_chart(
    series: list[tuple[str, list[tuple[int, Number | None]]]],
    *,
    title: str,
    unit: str = "%",
    width: int = 640,
    reference: float | None = None,
    decimals: int = 1,
    highlight: int | None = None,
) -> SafeString:
    """Lines across years, one per series; a missing year breaks the line rather than
    pretending a value. The series at index `highlight` (e.g. the office's total) is drawn
    dark and thick with its values written beside the points. The value axis starts close
    below the lowest value when all values are high, and says so with its tick labels."""
    years = sorted({year for _name, points in series for year, _v in points})
    values = [float(v) for _n, points in series for _y, v in points if v is not None]
    maximum = _axis_bounds(
        values, reference if reference is not None else (100 if unit == "%" else None)
    )
    minimum = zoomed_minimum(values + ([reference] if reference else []), maximum)
    left, right, inset = 56, 24, 28
    top = TITLE_HEIGHT + 18
    plot_height = 200
    bottom = top + plot_height
    plot_width = width - left - right

    def x_for(year: int) -> float:
        if len(years) == 1:
            return left + plot_width / 2
        span = plot_width - 2 * inset
        return left + inset + span * years.index(year) / (len(years) - 1)

    def y_for(value: float) -> float:
        clipped = min(max(value, minimum), maximum)
        return bottom - plot_height * (clipped - minimum) / (maximum - minimum)

    parts: list[str] = []
    for tick in ticks(maximum, minimum):
        y = y_for(tick)
        parts.append(
            f'<line x1="{left}" y1="{_f(y)}" x2="{width - right}" y2="{_f(y)}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        parts.append(
            _text(
                left - 6,
                y + 4,
                format_value(tick, unit, 0),
                size=10,
                anchor="end",
                fill=MUTED_COLOUR,
            )
        )
    parts.append(
        f'<line x1="{left}" y1="{bottom}" x2="{width - right}" y2="{bottom}" '
        f'stroke="{MUTED_COLOUR}" stroke-width="1"/>'
    )
    for year in years:
        parts.append(_text(x_for(year), bottom + 16, str(year), size=11, anchor="middle"))
    parts.append(
        _text(
            left + plot_width / 2, bottom + 34, "Tahun", size=11, anchor="middle", fill=MUTED_COLOUR
        )
    )
    axis_name = "Capaian (%)" if unit == "%" else unit
    parts.append(
        f'<text x="14" y="{_f(top + plot_height / 2)}" font-size="11" text-anchor="middle" '
        f'fill="{MUTED_COLOUR}" transform="rotate(-90 14 {_f(top + plot_height / 2)})">'
        f"{escape(axis_name)}</text>"
    )
    if reference is not None and reference <= maximum:
        y = y_for(reference)
        parts.append(
            f'<line class="reference" x1="{left}" y1="{_f(y)}" x2="{width - right}" '
            f'y2="{_f(y)}" stroke="{TEXT_COLOUR}" stroke-width="1" stroke-dasharray="4 3"/>'
        )

    colours = [
        TEXT_COLOUR if i == highlight else PALETTE[i % len(PALETTE)] for i in range(len(series))
    ]
    order = [i for i in range(len(series)) if i != highlight]
    order += [highlight] if highlight is not None and highlight < len(series) else []
    for i in order:
        name, points = series[i]
        colour = colours[i]
        emphasised = i == highlight
        label_points = emphasised or (highlight is None and len(series) <= 3)
        parts.append(f'<g class="series"><title>{escape(name)}</title>')
        segment: list[str] = []
        segments: list[list[str]] = []
        for year, value in sorted(points):
            if value is None:
                if segment:
                    segments.append(segment)
                segment = []
                continue
            segment.append(f"{_f(x_for(year))},{_f(y_for(float(value)))}")
        if segment:
            segments.append(segment)
        for seg in segments:
            if len(seg) > 1:
                parts.append(
                    f'<polyline points="{" ".join(seg)}" fill="none" stroke="{colour}" '
                    f'stroke-width="{3.5 if emphasised else 2}"/>'
                )
        for year, value in sorted(points):
            if value is None:
                continue
            x, y = x_for(year), y_for(float(value))
            parts.append(
                f'<circle cx="{_f(x)}" cy="{_f(y)}" r="{5 if emphasised else 3.5}" fill="{colour}">'
                f"<title>{escape(name)} {year}: {escape(format_value(value, unit, decimals))}</title>"
                "</circle>"
            )
            if label_points:
                # Alternate above and below the point so two close lines keep readable labels.
                offset = -10 if emphasised else (-8 - 11 * (i // 2) if i % 2 == 0 else 16)
                parts.append(
                    _text(
                        x,
                        y + offset,
                        format_value(value, unit, decimals),
                        size=10,
                        anchor="middle",
                        fill=colour,
                        weight="bold",
                    )
                )
        parts.append("</g>")
    if not values:
        parts.append(
            _text(
                left + plot_width / 2,
                top + plot_height / 2,
                "Belum ada data",
                anchor="middle",
                fill=MUTED_COLOUR,
            )
        )

    legend, legend_height = _legend([name for name, _p in series], bottom + 58, width, colours)
    height = bottom + 44 + legend_height + 6
    return mark_safe(_open_svg(width, height, title, "trend") + "".join(parts + legend) + "</svg>")
