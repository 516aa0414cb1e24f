"""The documents a report has, by kind: the one list the pages and the command share."""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from django.utils.translation import gettext_lazy as _

from documents import berita_acara, lakip, nota_dinas, sop, surat_pengantar, tabel
from documents.pdf import RenderedPdf
from documents.selectors import DocumentMissing


@dataclass(frozen=True)
class DocumentKind:
    kind: str
    title: str
    step: int | None
    module: ModuleType


KINDS = {
    d.kind: d
    for d in [
        DocumentKind("nota-dinas", _("Nota dinas perintah penyusunan LAKIP"), 1, nota_dinas),
        DocumentKind("tabel", _("Format pengumpulan (tabel sembilan kolom)"), 3, tabel),
        DocumentKind("lakip", _("LAKIP (draf atau final bertanda tangan)"), 6, lakip),
        DocumentKind(
            "berita-acara", _("Berita acara dan daftar hadir rapat finalisasi"), 8, berita_acara
        ),
        DocumentKind("surat-pengantar", _("Surat pengantar bernomor"), 11, surat_pengantar),
        DocumentKind("sop", _("SOP Perencanaan Kinerja"), None, sop),
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
        if report.state in {"diperintahkan", "pengumpulan", "evaluasi"}:
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
    result: RenderedPdf = entry.module.render(report)
    return DocumentFile(
        content=result.content,
        filename=entry.module.filename(report),
        pages=result.pages,
        cached=result.cached,
    )


def availability(report) -> list[dict]:
    """Which documents exist for the report now, for the documents page."""
    from workflow.models import LetterKind, LetterNumber, Meeting, MeetingKind

    early = report.state in {"diperintahkan", "pengumpulan", "evaluasi"}
    available = {
        "nota-dinas": hasattr(report, "nota_dinas"),
        "tabel": report.submissions.exists(),
        "lakip": not early,
        "berita-acara": Meeting.objects.filter(
            report=report, kind=MeetingKind.FINALISATION
        ).exists(),
        "surat-pengantar": LetterNumber.objects.filter(
            report=report, kind=LetterKind.SURAT_PENGANTAR
        ).exists(),
        "sop": True,
    }
    return [{"entry": entry, "available": available[kind]} for kind, entry in KINDS.items()]
