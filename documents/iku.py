"""Indikator Kinerja Utama: `No | Sasaran Strategis | Indikator Kinerja Utama |
Alasan/Formula | Sumber Data | Penanggung Jawab`, from the PK in force (a draft from the live
plan before one is signed)."""

from __future__ import annotations

from documents.pdf import RenderedPdf, render_pdf
from documents.plan_context import plan_context
from documents.selectors.planning import iku_data

KIND = "iku"
TEMPLATE = "documents/iku.html"


def filename(year, unit=None) -> str:
    suffix = f"-{unit.pk}" if unit is not None else ""
    return f"iku-{year.office.name.lower()}-{year.year}{suffix}.pdf"


def render(year, unit=None) -> RenderedPdf:
    return render_pdf(TEMPLATE, plan_context(iku_data(year, unit=unit)))
