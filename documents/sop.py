"""The SOP "Perencanaan Kinerja" itself, generated from the office's Step records so that the
SOP on paper and the procedure the system runs never differ.

The flowchart uses the SOP AP symbols (Permenpan-RB 35/2012): terminator for the first and
last step, process boxes, decision diamonds with their return arrows, off-page connectors
where the table continues on the next page. Every step row carries its own small SVG; the
lines meet at the row edges, so the drawing stays continuous across rows."""

from __future__ import annotations

import base64
import math

from django.utils.html import format_html
from django.utils.safestring import SafeString

from documents.pdf import RenderedPdf, cached_pdf, render_pdf
from documents.selectors.sop import sop_data

KIND = "sop"
TEMPLATE = "documents/sop.html"

# The SOP's two loops: a decision step returns the work to an earlier step (DESIGN.md).
DECISIONS = {5: 3, 7: 6}

# The header texts of the SOP (seed: SOP Perencanaan Kinerja Kecamatan Mungka 2025).
DASAR_HUKUM = [
    "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
    "Pemerintah (SAKIP);",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik "
    "Indonesia Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan "
    "Kinerja dan Tata Cara Reviu Atas Laporan Kinerja Instansi Pemerintah;",
    "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
    "Pemerintah;",
    "Peraturan Bupati Lima Puluh Koto No 72 tahun 2016 tentang Kedudukan, Susunan Organisasi, "
    "Tugas dan Fungsi, Serta Tata Kerja Kecamatan;",
]
KUALIFIKASI = [
    "Memahami tentang teknis pengumpulan data kinerja",
    "Memiliki kemampuan dalam penyusunan data kinerja",
    "Memiliki kemampuan mengoperasikan komputer.",
]
KETERKAITAN = [
    "SOP Penyusunan Laporan Kinerja Individu;",
    "SOP Laporan Rencana Aksi",
    "SOP Penyusunan Lkj",
    "SOP Perencanaan",
]
PERALATAN = [
    "Dokumen Renstra;",
    "Dokumen Perjanjian Kinerja, RKT, DPA;",
    "Dokumen Rencana Aksi, IKI;",
    "Perangkat Pengolah Data/Komputer;",
    "ATK.",
]
PERINGATAN = (
    "Apabila kegiatan belum berjalan maka pelaksanaan pengumpulan data belum dapat dilakukan."
)

# Geometry of the flow cell (SVG user units; one actor column is 100 units wide).
COL = 100
FLOW_WIDTH_CM = 10.0
ROW_H = 64  # 1.6 cm at a flow width of 10 cm
CONNECTOR_H = 32
BOX_W, BOX_H = 64, 24
DIAMOND_W, DIAMOND_H = 66, 34
LANE_X = 4 * COL - 8  # return arrows run down the right edge, clear of every other line
STROKE = 'stroke="#000" stroke-width="1.3" fill="none"'
SHAPE = 'stroke="#000" stroke-width="1.3" fill="#fff"'


def filename(report) -> str:
    return f"sop-perencanaan-kinerja-{report.office.name.lower()}-{report.year.year}.pdf"


def _cx(col: int) -> float:
    return col * COL + COL / 2


def _arrow(x: float, y: float, direction: str) -> str:
    d = 5
    points = {
        "down": [(x, y), (x - d * 0.7, y - d), (x + d * 0.7, y - d)],
        "left": [(x, y), (x + d, y - d * 0.7), (x + d, y + d * 0.7)],
        "right": [(x, y), (x - d, y - d * 0.7), (x - d, y + d * 0.7)],
    }[direction]
    pts = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
    return f'<polygon points="{pts}" fill="#000"/>'


def _grid(height: float) -> str:
    return "".join(
        f'<line x1="{c * COL}" y1="0" x2="{c * COL}" y2="{height}" stroke="#000" '
        f'stroke-width="0.8"/>'
        for c in range(1, 4)
    )


def _svg(body: str, height: float) -> SafeString:
    width = 4 * COL
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" preserveAspectRatio="none" font-family="Liberation Sans, Arial, sans-serif">'
        f"{_grid(height)}{body}</svg>"
    )
    encoded = base64.b64encode(svg.encode()).decode()
    # Only geometry and fixed labels are drawn here; no user text enters the SVG.
    return format_html(
        '<img class="flow" alt="" style="width:{}cm;height:{}cm" src="data:image/svg+xml;base64,{}">',
        f"{FLOW_WIDTH_CM:.2f}",
        f"{height * FLOW_WIDTH_CM / width:.3f}",
        encoded,
    )


def _connector(x: float, label: str, *, top: bool) -> SafeString:
    """Off-page connector (pentagon) where the flow continues on the next page."""
    h = CONNECTOR_H
    y0 = 6 if top else 8
    shape = (
        f'<polygon points="{x - 10},{y0} {x + 10},{y0} {x + 10},{y0 + 12} {x},{y0 + 18} '
        f'{x - 10},{y0 + 12}" {SHAPE}/>'
        f'<text x="{x}" y="{y0 + 11}" font-size="9" text-anchor="middle">{label}</text>'
    )
    line = (
        f'<line x1="{x}" y1="{y0 + 18}" x2="{x}" y2="{h}" {STROKE}/>'
        if top
        else f'<line x1="{x}" y1="0" x2="{x}" y2="{y0}" {STROKE}/>' + _arrow(x, y0, "down")
    )
    return _svg(shape + line, h)


def flow_rows(steps: list[dict]) -> list[dict]:
    """Add to every step the SVG of its flow cell and where its line leaves the row."""
    mids = {s["number"]: s for s in steps}
    lanes: dict[int, str] = {}  # step number -> "start" | "through" | "end" of a return lane
    for decision, target in DECISIONS.items():
        if decision in mids and target in mids:
            lanes[decision] = "start"
            lanes[target] = "end"
            for n in range(target + 1, decision):
                lanes[n] = "through"
    previous_x: float | None = None
    last = steps[-1]["number"] if steps else 0
    for i, step in enumerate(steps):
        cols = step["actors"] or [0]
        span = (_cx(min(cols)), _cx(max(cols)))
        nxt = steps[i + 1]["actors"][:1] if i + 1 < len(steps) else []
        y = ROW_H / 2
        parts = []
        x_in = _cx(cols[0]) if previous_x is None else min(max(previous_x, span[0]), span[1])
        decision = step["number"] in DECISIONS
        half_h = DIAMOND_H / 2 if decision else BOX_H / 2
        if previous_x is not None:
            parts.append(
                f'<path d="M{previous_x},0 V6 H{x_in} V{y - half_h}" {STROKE}/>'
                + _arrow(x_in, y - half_h, "down")
            )
        left, right = span[0] - BOX_W / 2, span[1] + BOX_W / 2
        if decision:
            cx = span[0]
            w = DIAMOND_W / 2
            parts.append(
                f'<polygon points="{cx},{y - half_h} {cx + w},{y} {cx},{y + half_h} {cx - w},{y}" '
                f"{SHAPE}/>"
            )
        elif step["number"] in (1, last):
            parts.append(
                f'<rect x="{left}" y="{y - half_h}" width="{right - left}" height="{BOX_H}" '
                f'rx="{BOX_H / 2}" {SHAPE}/>'
            )
        else:
            parts.append(
                f'<rect x="{left}" y="{y - half_h}" width="{right - left}" height="{BOX_H}" '
                f"{SHAPE}/>"
            )
        x_out = _cx(nxt[0]) if nxt and span[0] <= _cx(nxt[0]) <= span[1] else x_in
        if decision:
            x_out = span[0]
        if step["number"] != last:
            parts.append(
                f'<line x1="{x_out}" y1="{y + half_h}" x2="{x_out}" y2="{ROW_H}" {STROKE}/>'
            )
            if decision:
                parts.append(f'<text x="{x_out + 4}" y="{ROW_H - 3}" font-size="8">Ya</text>')
        lane = lanes.get(step["number"])
        if lane == "start":
            parts.append(
                f'<path d="M{span[0] + DIAMOND_W / 2},{y} H{LANE_X} V0" {STROKE}/>'
                f'<text x="{span[0] + DIAMOND_W / 2 + 3}" y="{y - 3}" font-size="8">Tidak</text>'
            )
        elif lane == "through":
            parts.append(f'<line x1="{LANE_X}" y1="0" x2="{LANE_X}" y2="{ROW_H}" {STROKE}/>')
        elif lane == "end":
            parts.append(
                f'<path d="M{LANE_X},{ROW_H} V{y} H{right}" {STROKE}/>' + _arrow(right, y, "left")
            )
        step["flow"] = _svg("".join(parts), ROW_H)
        step["x_out"] = x_out
        step["returns_to"] = DECISIONS.get(step["number"])
        previous_x = x_out
    return steps


def sop_context(data: dict) -> dict:
    steps = flow_rows([dict(s) for s in data["steps"]])
    split = math.ceil(len(steps) / 2)
    pages = [steps[:split], steps[split:]] if len(steps) > 8 else [steps]
    connectors = []
    for index in range(len(pages) - 1):
        x = pages[index][-1]["x_out"]
        label = chr(ord("A") + index)
        connectors.append(
            {"bottom": _connector(x, label, top=False), "top": _connector(x, label, top=True)}
        )
    return {
        "doc": data,
        "office": data["office"],
        "pages": [
            {
                "steps": page,
                "connector_top": connectors[i - 1]["top"] if i > 0 else None,
                "connector_bottom": connectors[i]["bottom"] if i < len(connectors) else None,
            }
            for i, page in enumerate(pages)
        ],
        "dasar_hukum": DASAR_HUKUM,
        "kualifikasi": KUALIFIKASI,
        "keterkaitan": KETERKAITAN,
        "peralatan": PERALATAN,
        "peringatan": PERINGATAN,
    }


def render(report) -> RenderedPdf:
    return cached_pdf(
        report, KIND, lambda: sop_data(report), lambda data: render_pdf(TEMPLATE, sop_context(data))
    )
