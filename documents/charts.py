"""Server-rendered SVG charts, shared by the dashboards and the LAKIP PDF.

No JavaScript: the browser shows the SVG as it is and WeasyPrint draws the same markup
into the PDF. That is why styling lives in presentation attributes (``fill``, ``stroke``,
``font-size``) rather than in CSS classes, and why every label is escaped here: indicator
and office names come from user data and end up inside markup.

Each chart carries ``role="img"``, an ``aria-label`` and a ``<title>``; pages still show the
figures in a table beside the chart for screen readers and printing."""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.html import escape
from django.utils.numberformat import format as number_format
from django.utils.safestring import SafeString, mark_safe

# The colours of the CSS classes band-<code> in static/css/sakip.css.
BAND_COLOURS = {
    "sangat_tinggi": "#198754",
    "tinggi": "#5cb85c",
    "sedang": "#ffc107",
    "rendah": "#fd7e14",
    "sangat_rendah": "#dc3545",
}
NO_BAND_COLOUR = "#adb5bd"
# Series colours for lines and grouped bars: distinguishable, also in greyscale print.
PALETTE = ["#0d6efd", "#d63384", "#198754", "#fd7e14", "#6f42c1", "#20c997", "#6c757d", "#795548"]

FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
TEXT_COLOUR = "#212529"
MUTED_COLOUR = "#6c757d"
GRID_COLOUR = "#dee2e6"
CHAR_WIDTH = 6.9  # average glyph width at font-size 12 (Liberation Sans is metric-compatible with Arial), for wrapping labels
LINE_HEIGHT = 14
TITLE_HEIGHT = 28

Number = float | Decimal | int


@dataclass
class Bar:
    label: str
    value: Number | None
    band: str | None = None
    note: str = ""


def format_number(value: Number | None, places: int = 1) -> str:
    """Indonesian format regardless of the active language (the PDF renders outside requests)."""
    if value is None:
        return "–"
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return number_format(
        rounded,
        ",",
        decimal_pos=places,
        grouping=3,
        thousand_sep=".",
        force_grouping=True,
    )


def format_value(value: Number | None, unit: str, places: int = 1) -> str:
    if value is None:
        return "–"
    return (
        f"{format_number(value, places)}{unit}"
        if unit == "%"
        else (f"{format_number(value, places)} {unit}".rstrip())
    )


def wrap_label(label: str, max_chars: int, max_lines: int = 2) -> list[str]:
    """Break a long indicator name over a few lines, ending with an ellipsis if it is cut."""
    lines = textwrap.wrap(" ".join(str(label).split()), width=max(max_chars, 4)) or [""]
    if len(lines) > max_lines:
        kept = lines[:max_lines]
        last = kept[-1]
        if len(last) > max_chars - 1:
            last = last[: max_chars - 1].rstrip()
        kept[-1] = last + "…"
        return kept
    return lines


def nice_maximum(value: float) -> float:
    """A round upper bound for the axis (120, 150, 200, …) so ticks fall on round numbers."""
    if value <= 0:
        return 100.0
    magnitude = 10 ** math.floor(math.log10(value))
    for factor in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if factor * magnitude >= value:
            return factor * magnitude
    return 10 * magnitude


def _step(span: float) -> float:
    magnitude = 10 ** math.floor(math.log10(span)) if span > 0 else 1
    for factor in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10):
        if span / (factor * magnitude) <= 6:
            return factor * magnitude
    return span / 5


def ticks(maximum: float, minimum: float = 0.0) -> list[float]:
    """Three to six ticks on a round step (25, 50, 100 …) from `minimum` to `maximum`."""
    step = _step(maximum - minimum)
    first = math.ceil(minimum / step - 1e-9)
    count = int(math.floor(maximum / step + 1e-9)) - first
    return [round((first + i) * step, 6) for i in range(count + 1)]


def zoomed_minimum(values: list[float], maximum: float) -> float:
    """Where a line chart's axis may start: close below the lowest value when every value
    sits high (capaian of 90–105 % would otherwise be a flat line at the top), else 0."""
    if not values or min(values) <= 0 or min(values) < maximum * 0.5:
        return 0.0
    lowest = min(values)
    step = _step(maximum - lowest)
    minimum = math.floor(lowest / step) * step
    if minimum >= lowest:
        minimum -= step
    # Align to the step of the final axis so that its first tick sits on the axis line.
    final = _step(maximum - minimum)
    return max(0.0, math.floor(minimum / final) * final)


def _f(value: float) -> str:
    """Coordinates with one decimal, always with a dot (SVG syntax, not Indonesian prose)."""
    return f"{value:.1f}"


def _text(
    x: float,
    y: float,
    content: str,
    *,
    size: int = 12,
    anchor: str = "start",
    fill: str = TEXT_COLOUR,
    weight: str = "normal",
) -> str:
    return (
        f'<text x="{_f(x)}" y="{_f(y)}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{fill}" font-weight="{weight}">{escape(content)}</text>'
    )


def _backdrop(x: float, y: float, label: str, size: int) -> str:
    """A white patch behind a value label so the dashed reference line does not cross it."""
    width = len(label) * size * 0.62 + 4
    return (
        f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(width)}" height="{size + 3}" '
        f'fill="#ffffff" fill-opacity="0.9"/>'
    )


def _open_svg(width: int, height: float, title: str, kind: str) -> str:
    label = escape(title)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind}" role="img" '
        f'aria-label="{label}" width="{width}" height="{_f(height)}" '
        f'viewBox="0 0 {width} {_f(height)}" font-family="{FONT}" '
        f'style="max-width:100%;height:auto">'
        f"<title>{label}</title>" + _text(0, 18, title, size=14, weight="bold")
    )


def _axis_bounds(values: list[float], reference: float | None) -> float:
    candidates = [v for v in values if v is not None] + ([reference] if reference else [])
    return nice_maximum(max(candidates, default=100.0))


def _value_axis(
    x0: float, plot_width: float, y_top: float, y_bottom: float, maximum: float, unit: str
) -> list[str]:
    parts = []
    for tick in ticks(maximum):
        x = x0 + plot_width * tick / maximum
        parts.append(
            f'<line x1="{_f(x)}" y1="{_f(y_top)}" x2="{_f(x)}" y2="{_f(y_bottom)}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        parts.append(
            _text(
                x,
                y_bottom + 14,
                format_value(tick, unit, 0),
                size=10,
                anchor="middle",
                fill=MUTED_COLOUR,
            )
        )
    return parts


def _reference_line(
    x: float, y_top: float, y_bottom: float, reference: float, unit: str
) -> list[str]:
    return [
        f'<line class="reference" x1="{_f(x)}" y1="{_f(y_top - 4)}" x2="{_f(x)}" '
        f'y2="{_f(y_bottom)}" stroke="{TEXT_COLOUR}" stroke-width="1.5" stroke-dasharray="4 3"/>',
        _text(
            x,
            y_top - 6,
            format_value(reference, unit, 0),
            size=10,
            anchor="middle",
            fill=TEXT_COLOUR,
        ),
    ]


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


def _legend(
    names: list[str], y: float, width: int, palette: list[str] = PALETTE
) -> tuple[list[str], float]:
    """Swatches in rows across the chart; returns the markup and the height used."""
    parts, x, row = [], 0.0, 0
    for i, name in enumerate(names):
        shown = wrap_label(name, 40, max_lines=1)[0]
        item_width = 22 + len(shown) * CHAR_WIDTH + 16
        if x and x + item_width > width:
            x, row = 0.0, row + 1
        yy = y + row * 20
        colour = palette[i % len(palette)]
        parts.append(
            f'<g class="legend-item"><title>{escape(name)}</title>'
            f'<rect x="{_f(x)}" y="{_f(yy - 10)}" width="14" height="12" rx="2" fill="{colour}"/>'
            + _text(x + 20, yy, shown, size=11)
            + "</g>"
        )
        x += item_width
    return parts, (row + 1) * 20 if names else 0


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
