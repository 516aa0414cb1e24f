"""Step 8: the berita acara of the finalisation meeting with its daftar hadir."""

from __future__ import annotations

from documents import selectors
from documents.pdf import RenderedPdf, cached_pdf, render_pdf

KIND = "berita-acara"
TEMPLATE = "documents/berita_acara.html"


def filename(report) -> str:
    return f"berita-acara-finalisasi-lakip-{report.office.name.lower()}-{report.year.year}.pdf"


def render(report) -> RenderedPdf:
    data = selectors.berita_acara_data(report)
    # The daftar hadir alternates the signature column left and right, as on paper.
    return cached_pdf(report, KIND, data, lambda: render_pdf(TEMPLATE, {"doc": data}))
