"""The nine-column table of the SOP (section V) for one report, as PDF and as xlsx, in any
state of the report."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format

from documents import xlsx
from documents.pdf import RenderedPdf, cached_pdf, render_pdf
from documents.selectors.rows import table_data
from sakip.sop_format import SOP_HEADERS

KIND = "tabel"
TEMPLATE = "documents/tabel.html"
HEADERS = [*SOP_HEADERS, "Capaian (%)", "Kategori"]


def filename(report, ext: str = "pdf") -> str:
    return f"format-pengumpulan-{report.office.name.lower()}-{report.year.year}.{ext}"


def render(report) -> RenderedPdf:
    return cached_pdf(
        report, KIND, lambda: table_data(report), lambda data: render_pdf(TEMPLATE, {"doc": data})
    )


def workbook(report) -> bytes:
    """The same rows as the PDF, through the shared writer (text never becomes a formula)."""
    data = table_data(report)
    rows = [
        [
            r["number"],
            r["sasaran"],
            r["indikator"],
            r["target"],
            r["realisasi"],
            r["program"],
            r["sumber_data"],
            r["unit"],
            r["keterangan"],
            r["capaian"],
            "Kegiatan belum berjalan" if r["belum_berjalan"] else r["band_label"],
        ]
        for r in data["rows"]
    ]
    with translation.override(settings.LANGUAGE_CODE):
        downloaded = date_format(data["date"], "j F Y")
    return xlsx.table_workbook(
        headers=HEADERS,
        rows=rows,
        sheet_title="Format Pengumpulan",
        title_lines=[
            "FORMAT PENGUMPULAN PERENCANAAN KINERJA",
            f"Kecamatan {data['office']['name']} Tahun {data['year']}",
            f"Status: {data['state_label']}; diunduh {downloaded}",
        ],
        numbering=9,
        widths=[5, 28, 36, 14, 20, 34, 22, 22, 16, 11, 14],
    )
