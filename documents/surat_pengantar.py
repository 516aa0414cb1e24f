"""Step 11: the cover letter that sends the signed LAKIP, with its register number."""

from __future__ import annotations

from documents import selectors
from documents.pdf import RenderedPdf, cached_pdf, render_pdf

KIND = "surat-pengantar"
TEMPLATE = "documents/surat_pengantar.html"


def filename(report) -> str:
    return f"surat-pengantar-lakip-{report.office.name.lower()}-{report.year.year}.pdf"


def render(report) -> RenderedPdf:
    data = selectors.surat_pengantar_data(report)
    return cached_pdf(report, KIND, data, lambda: render_pdf(TEMPLATE, {"doc": data}))
