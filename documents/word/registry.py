"""Which documents exist as Word files, and the one function the page and the command use."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from documents.registry import KINDS as PDF_KINDS
from documents.selectors.shared import DocumentMissing
from documents.word import lakip, letters

KINDS = ["nota-dinas", "lakip", "berita-acara", "surat-pengantar"]


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
        if not report.has_draft:
            raise DocumentMissing(_("Draf LAKIP baru dapat dibuat mulai langkah 6."))
        return WordFile(lakip.docx(report), lakip.filename(report))
    filename = PDF_KINDS[kind].filename(report).replace(".pdf", ".docx")
    return WordFile(letters.WRITERS[kind](report), filename)
