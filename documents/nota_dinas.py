"""Step 1: the Camat's nota dinas ordering the LAKIP, in the Tata Naskah Dinas layout."""

from __future__ import annotations

from documents import selectors
from documents.pdf import RenderedPdf, cached_pdf, render_pdf

KIND = "nota-dinas"
TEMPLATE = "documents/nota_dinas.html"


def filename(report) -> str:
    return f"nota-dinas-lakip-{report.office.name.lower()}-{report.year.year}.pdf"


def render(report) -> RenderedPdf:
    data = selectors.nota_dinas_data(report)
    return cached_pdf(report, KIND, data, lambda: render_pdf(TEMPLATE, {"doc": data}))
