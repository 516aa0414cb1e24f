"""The quarter's measurement documents by kind: the invitation (undangan), the attendance
list (daftar hadir), the minutes (notulen) and the Laporan Pengukuran Kinerja Triwulan. They
belong to a quarter's `Report`; the quarter's pages and `render_document` share this list.
Like the report's letters they are served from the document cache while their data is
unchanged."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from documents.charts.grouped import grouped_bar_chart
from documents.measurement import measurement_data
from documents.pdf import cached_pdf, render_pdf
from documents.registry import DocumentFile

# Blank rows under the invitees on the attendance list, for those who come uninvited.
EXTRA_ROWS = 3
# Beyond this many invitees the invitation says "daftar terlampir" and lists them on a
# second sheet, as the Tata Naskah Dinas does.
LISTED_INVITEES = 5
# The chart's largest size on the landscape page, below its heading.
CHART_WIDTH_CM, CHART_HEIGHT_CM = 22.0, 16.0


@dataclass(frozen=True)
class QuarterDocumentKind:
    kind: str
    title: str
    template: str
    # The cache's kind (RenderedDocument.kind holds 20 characters).
    cache_kind: str
    figures: bool = False


QUARTER_KINDS = {
    d.kind: d
    for d in [
        QuarterDocumentKind(
            "undangan-pengukuran",
            _("Undangan rapat pengukuran kinerja"),
            "documents/undangan_pengukuran.html",
            "tw-undangan",
        ),
        QuarterDocumentKind(
            "daftar-hadir-pengukuran",
            _("Daftar hadir rapat pengukuran kinerja"),
            "documents/daftar_hadir_pengukuran.html",
            "tw-daftar-hadir",
        ),
        QuarterDocumentKind(
            "notulen-pengukuran",
            _("Notulen rapat pengukuran kinerja"),
            "documents/notulen_pengukuran.html",
            "tw-notulen",
        ),
        QuarterDocumentKind(
            "pengukuran-triwulan",
            _("Laporan Pengukuran Kinerja Triwulan"),
            "documents/pengukuran_triwulan.html",
            "tw-laporan",
            figures=True,
        ),
    ]
}


def filename(report, kind: str) -> str:
    """E.g. `pengukuran-triwulan-TW1-2025-mungka.pdf`."""
    office = report.office.name.lower().replace(" ", "-")
    return f"{kind}-TW{report.period}-{report.year.year}-{office}.pdf"


def quarter_document_pdf(report, kind: str) -> DocumentFile:
    """The PDF of `kind` for the quarter's `report` (KeyError for an unknown kind)."""
    entry = QUARTER_KINDS[kind]

    def select() -> dict:
        data = measurement_data(report, figures=entry.figures)
        if entry.figures:
            data["date"] = timezone.localdate()
        return data

    result = cached_pdf(
        report,
        entry.cache_kind,
        select,
        lambda data: render_pdf(entry.template, _context(entry, data)),
    )
    return DocumentFile(
        content=result.content,
        filename=filename(report, kind),
        pages=result.pages,
        cached=result.cached,
    )


def _context(entry: QuarterDocumentKind, data: dict) -> dict:
    context = {"doc": data, "office": data["office"]}
    on = _document_date(entry.kind, data)
    with translation.override(settings.LANGUAGE_CODE):
        context["place_date"] = (
            f"{data['office']['city']}, {date_format(on, 'j F Y')}"
            if on
            else f"{data['office']['city']}, ...................... {data['year']}"
        )
    if entry.kind == "undangan-pengukuran":
        # The one who signs the invitation is not among those it is addressed to.
        signer = data["signer"]["name"]
        context["invitees"] = [i for i in data["invitees"] if i["name"] != signer]
        context["attached"] = len(context["invitees"]) > LISTED_INVITEES
    if entry.kind == "daftar-hadir-pengukuran":
        context["sheet"] = attendance_sheet(data["participants"])
    if entry.figures:
        context["chart"] = progress_chart(data)
    return context


def _document_date(kind: str, data: dict):
    """The invitation carries its letter date, the report the day it is printed, the
    attendance list and the minutes the meeting's date (blank while none is recorded)."""
    if kind == "undangan-pengukuran":
        return data["letter_date"]
    if kind == "pengukuran-triwulan":
        return data["date"]
    return data["meeting"]["date"] if data["meeting"] else None


def attendance_sheet(participants: list[dict]) -> list[dict]:
    """One line per participant and a few blank ones; the signature of each line sits left
    or right by turn, as on a paper attendance list."""
    lines = [*participants, *({} for _n in range(EXTRA_ROWS))]
    return [
        {**p, "no": n, "side": "left" if n % 2 else "right"} for n, p in enumerate(lines, start=1)
    ]


def progress_chart(data: dict) -> SafeString | str:
    """Per indicator: capaian of the quarter against its target, and progress against the
    year's target (SVG, embedded as an image)."""
    courses = [c for c in data["courses"] if c["quarter_capaian"] is not None or c["progress"]]
    if not courses:
        return ""
    svg = grouped_bar_chart(
        [c["indikator"] for c in courses],
        [
            (
                f"Capaian s.d. {data['tw']} terhadap target {data['tw']}",
                [c["quarter_capaian"] for c in courses],
            ),
            ("Progres terhadap target tahun", [c["progress"] for c in courses]),
        ],
        title=f"Capaian indikator {data['tw']} {data['year']} (%)",
        width=900,
    )
    # As an image WeasyPrint keeps the chart's aspect ratio (see documents.lakip); it is
    # narrowed as far as needed for its height to fit one landscape page.
    svg = str(svg).replace('style="max-width:100%;height:auto"', "", 1)
    size = re.search(r'width="([\d.]+)" height="([\d.]+)"', svg)
    ratio = float(size[1]) / float(size[2])
    width = min(CHART_WIDTH_CM, CHART_HEIGHT_CM * ratio)
    encoded = base64.b64encode(svg.encode()).decode()
    return format_html(
        '<img class="chart-img" style="width:{}cm" alt="{}" src="data:image/svg+xml;base64,{}">',
        f"{width:.2f}",
        f"Grafik capaian {data['tw']}",
        encoded,
    )
