"""The office's organisation chart (Bab I of the LAKIP) as SVG, drawn from its units.

The usual kecamatan layout (PP 17/2018): the Camat on top; the Kelompok Jabatan Fungsional
beside the line down from the Camat on the left, the Sekretariat on the right with its
subbagian below it; the seksi in one row at the bottom. Units of other kinds join the seksi
row. Like the charts in `charts.py`: presentation attributes only, every label escaped."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from sakip.models import UnitKind

FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
WIDTH = 760
BOX_H = 66
GAP = 12
CHAR = 5.6  # average glyph width at font-size 10


def _wrap(text: str, width: float, max_lines: int) -> list[str]:
    import textwrap

    chars = max(8, int((width - 10) / CHAR))
    out = textwrap.wrap(text, chars) or [""]
    if len(out) > max_lines:
        out = out[:max_lines]
        out[-1] = out[-1][: chars - 1].rstrip() + "…"
    return out


def _box(x: float, y: float, w: float, unit: dict, *, dashed: bool = False) -> str:
    label = unit["name"]
    lines = _wrap(label, w, 3)
    dash = ' stroke-dasharray="5 3"' if dashed else ""
    parts = [
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{BOX_H}" rx="3" fill="#ffffff" '
        f'stroke="#212529" stroke-width="1.2"{dash}/>'
    ]
    total = len(lines) + (1 if unit["head"] else 0)
    top = y + BOX_H / 2 - (total - 1) * 6.5 + 3.5
    for i, line in enumerate(lines):
        parts.append(
            f'<text x="{x + w / 2:.1f}" y="{top + i * 13:.1f}" font-size="10" '
            f'font-weight="bold" text-anchor="middle" fill="#212529">{escape(line)}</text>'
        )
    if unit["head"]:
        head = _wrap(unit["head"], w, 1)[0]
        parts.append(
            f'<text x="{x + w / 2:.1f}" y="{top + len(lines) * 13:.1f}" font-size="9" '
            f'text-anchor="middle" fill="#495057">{escape(head)}</text>'
        )
    return "".join(parts)


def _line(x1: float, y1: float, x2: float, y2: float, *, dashed: bool = False) -> str:
    dash = ' stroke-dasharray="5 3"' if dashed else ""
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#212529" '
        f'stroke-width="1.2"{dash}/>'
    )


def org_chart(units: list[dict], *, title: str) -> SafeString:
    """`units`: dicts with name, kind and head (see `office_data.org_units`). The title is
    the chart's accessible name; the document prints its own caption."""
    top = [u for u in units if u["kind"] == UnitKind.PIMPINAN][:1]
    sekretariat = [u for u in units if u["kind"] == UnitKind.SEKRETARIAT][:1]
    subbagian = [u for u in units if u["kind"] == UnitKind.SUBBAGIAN]
    fungsional = [u for u in units if u["kind"] == UnitKind.FUNGSIONAL][:1]
    bottom = [
        u
        for u in units
        if u not in top + sekretariat + subbagian + fungsional and u["kind"] != UnitKind.PIMPINAN
    ]
    head = top[0] if top else {"name": "Camat", "head": "", "kind": UnitKind.PIMPINAN}
    parts: list[str] = []
    centre = WIDTH / 2
    y = 4.0
    top_w = 220
    parts.append(_box(centre - top_w / 2, y, top_w, head))
    trunk_top = y + BOX_H
    y += BOX_H + 30

    side_w = 230
    row1 = y
    if fungsional:
        x = 20
        parts.append(_box(x, row1, side_w, fungsional[0], dashed=True))
        parts.append(_line(x + side_w, row1 + BOX_H / 2, centre, row1 + BOX_H / 2, dashed=True))
    if sekretariat:
        x = WIDTH - 20 - side_w
        parts.append(_box(x, row1, side_w, sekretariat[0]))
        parts.append(_line(centre, row1 + BOX_H / 2, x, row1 + BOX_H / 2))
        if subbagian:
            sub_y = row1 + BOX_H + 28
            n = len(subbagian)
            # Right of the line down from the Camat, which must not cross them.
            sub_w = min(side_w, (WIDTH / 2 - 36 - GAP * (n - 1)) / n)
            start = WIDTH - 20 - (sub_w * n + GAP * (n - 1))
            bus = sub_y - 14
            sek_mid = x + side_w / 2
            parts.append(_line(sek_mid, row1 + BOX_H, sek_mid, bus))
            mids = [start + i * (sub_w + GAP) + sub_w / 2 for i in range(n)]
            parts.append(_line(min(mids + [sek_mid]), bus, max(mids + [sek_mid]), bus))
            for i, unit in enumerate(subbagian):
                parts.append(_line(mids[i], bus, mids[i], sub_y))
                parts.append(_box(start + i * (sub_w + GAP), sub_y, sub_w, unit))
            y = sub_y + BOX_H + 30
        else:
            y = row1 + BOX_H + 30
    elif fungsional:
        y = row1 + BOX_H + 30
    if bottom:
        n = len(bottom)
        box_w = (WIDTH - 40 - GAP * (n - 1)) / n
        bus = y - 14
        mids = [20 + i * (box_w + GAP) + box_w / 2 for i in range(n)]
        parts.append(_line(centre, trunk_top, centre, bus))
        parts.append(_line(min(mids + [centre]), bus, max(mids + [centre]), bus))
        for i, unit in enumerate(bottom):
            parts.append(_line(mids[i], bus, mids[i], y))
            parts.append(_box(20 + i * (box_w + GAP), y, box_w, unit))
        y += BOX_H
    else:
        parts.append(_line(centre, trunk_top, centre, row1 + BOX_H / 2))
    height = y + 16
    label = escape(title)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{label}" '
        f'width="{WIDTH}" height="{height:.0f}" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'font-family="{FONT}"><title>{label}</title>' + "".join(parts) + "</svg>"
    )
    return mark_safe(svg)
