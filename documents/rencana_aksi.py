"""Rencana Aksi: per indicator its TW I–IV targets and the kegiatan behind it, from the PK in
force (a draft from the live plan before one is signed)."""

from __future__ import annotations

from documents.pdf import RenderedPdf, render_pdf
from documents.plan_context import plan_context
from documents.selectors.planning import rencana_aksi_data

KIND = "rencana-aksi"
TEMPLATE = "documents/rencana_aksi.html"


def filename(year, unit=None) -> str:
    suffix = f"-{unit.pk}" if unit is not None else ""
    return f"rencana-aksi-{year.office.name.lower()}-{year.year}{suffix}.pdf"


def render(year, unit=None) -> RenderedPdf:
    return render_pdf(TEMPLATE, plan_context(rencana_aksi_data(year, unit=unit)))
