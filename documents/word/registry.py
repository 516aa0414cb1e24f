"""Which documents exist as Word files, and the one function the page and the command use."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from documents.selectors import DocumentMissing
from documents.word import lakip, letters
from workflow.models import ReportState

KINDS = ["nota-dinas", "lakip", "berita-acara", "surat-pengantar"]
EARLY = {ReportState.ORDERED, ReportState.COLLECTING, ReportState.EVALUATING}


@dataclass(frozen=True)
class WordFile:
    content: bytes
    filename: str


def document_docx(report, kind: str) -> WordFile:
    """The DOCX of `kind` for `report`. Raises KeyError for a kind without a Word version and
    `DocumentMissing` when the report has no such document yet."""
    if kind not in KINDS:
        raise KeyError(kind)
    if kind == "lakip":
        if report.state in EARLY:
            raise DocumentMissing(_("Draf LAKIP baru dapat dibuat mulai langkah 6."))
        return WordFile(lakip.docx(report), lakip.filename(report))
    writer, pdf_name = letters.WRITERS[kind]
    return WordFile(writer(report), pdf_name(report).replace(".pdf", ".docx"))
