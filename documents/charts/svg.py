"""The drawing pieces every chart shares: colours, text, the frame, the value axis, the
reference line and the legend. Every label is escaped here (see the package docstring)."""

from __future__ import annotations

from django.utils.html import escape

from documents.charts.format import format_value, wrap_label
from documents.charts.scale import ticks

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
