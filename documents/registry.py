"""The documents a report has, by kind: the one list the pages and the command share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from django.utils.translation import gettext_lazy as _

from documents import lakip, sop, tabel
from documents.pdf import RenderedPdf, cached_pdf, render_pdf
from documents.selectors import letters
from documents.selectors.shared import DocumentMissing


@dataclass(frozen=True)
class DocumentKind:
    """One document a report can have. A letter or minutes names its template, the selector
    that fills it and its file name, and `render_template_document` makes it; the table, the
    LAKIP and the SOP do more (a workbook, charts, a flowchart) and have their own module
    with `render(report)` and `filename(report)`."""

    kind: str
    title: str
    step: int | None
    module: ModuleType | None = None
    template: str = ""
    selector: Callable[..., dict] | None = None
    filename_pattern: str = ""  # with {office} and {year}

    def render(self, report) -> RenderedPdf:
        if self.module is not None:
            return self.module.render(report)
        return render_template_document(self, report)

    def filename(self, report) -> str:
        if self.module is not None:
            return self.module.filename(report)
        return self.filename_pattern.format(
            office=report.office.name.lower(), year=report.year.year
        )


def render_template_document(entry: DocumentKind, report) -> RenderedPdf:
    """The PDF of a template document, served from the cache while its data is unchanged."""
    return cached_pdf(
        report,
        entry.kind,
        lambda: entry.selector(report),
        lambda data: render_pdf(entry.template, {"doc": data}),
    )


KINDS = {
    d.kind: d
    for d in [
        DocumentKind(
            "nota-dinas",
            _("Nota dinas perintah penyusunan LAKIP"),
            1,
            # The Camat's order, in the Tata Naskah Dinas layout.
            template="documents/nota_dinas.html",
            selector=letters.nota_dinas_data,
            filename_pattern="nota-dinas-lakip-{office}-{year}.pdf",
        ),
        DocumentKind("tabel", _("Format pengumpulan (tabel sembilan kolom)"), 3, module=tabel),
        DocumentKind("lakip", _("LAKIP (draf atau final bertanda tangan)"), 6, module=lakip),
        DocumentKind(
            "berita-acara",
            _("Berita acara dan daftar hadir rapat finalisasi"),
            8,
            # The daftar hadir alternates the signature column left and right, as on paper.
            template="documents/berita_acara.html",
            selector=letters.berita_acara_data,
            filename_pattern="berita-acara-finalisasi-lakip-{office}-{year}.pdf",
        ),
        DocumentKind(
            "surat-pengantar",
            _("Surat pengantar bernomor"),
            11,
            # The cover letter that sends the signed LAKIP, with its register number.
            template="documents/surat_pengantar.html",
            selector=letters.surat_pengantar_data,
            filename_pattern="surat-pengantar-lakip-{office}-{year}.pdf",
        ),
        DocumentKind("sop", _("SOP Perencanaan Kinerja"), None, module=sop),
    ]
}


@dataclass(frozen=True)
class DocumentFile:
    content: bytes
    filename: str
    pages: int
    cached: bool
    signed: bool = False


def document_pdf(report, kind: str) -> DocumentFile:
    """The PDF of `kind` for `report`. Once signed, the LAKIP is always the stored signed
    bytes; never rendered again. Raises `DocumentMissing` (with an Indonesian message) when
    the report has no such document yet, and KeyError for an unknown kind."""
    entry = KINDS[kind]
    if kind == "lakip":
        if not report.has_draft:
            raise DocumentMissing(_("Draf LAKIP baru dapat dibuat mulai langkah 6."))
        signed = getattr(report, "signed_document", None)
        if signed is not None:
            from documents.signing import signed_bytes

            return DocumentFile(
                content=signed_bytes(signed),
                filename=lakip.filename(report).replace(".pdf", "-final-ttd.pdf"),
                pages=signed.pages,
                cached=True,
                signed=True,
            )
    result = entry.render(report)
    return DocumentFile(
        content=result.content,
        filename=entry.filename(report),
        pages=result.pages,
        cached=result.cached,
    )


def availability(report) -> list[dict]:
    """Which documents exist for the report now, for the documents page."""
    from workflow.models import LetterKind, LetterNumber, Meeting, MeetingKind

    available = {
        "nota-dinas": hasattr(report, "nota_dinas"),
        "tabel": report.submissions.exists(),
        "lakip": report.has_draft,
        "berita-acara": Meeting.objects.filter(
            report=report, kind=MeetingKind.FINALISATION
        ).exists(),
        "surat-pengantar": LetterNumber.objects.filter(
            report=report, kind=LetterKind.SURAT_PENGANTAR
        ).exists(),
        "sop": True,
    }
    return [{"entry": entry, "available": available[kind]} for kind, entry in KINDS.items()]
