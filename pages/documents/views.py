"""The documents page of a report and its downloads. Who may read which document in which
state is `pages.access.document_refusal`: the page shows each person what they may open and
why not the rest; a report of another office is a 404."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from documents import tabel, xlsx
from documents.registry import KINDS, availability, document_pdf
from documents.selectors.shared import DocumentMissing
from documents.word.base import DOCX_CONTENT_TYPE
from documents.word.registry import KINDS as WORD_KINDS
from documents.word.registry import document_docx
from pages import access


def _file_response(content: bytes, filename: str, content_type: str, *, inline: bool = False):
    """A document as a download: private, never sniffed, never cached by the browser."""
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _pdf_response(document, *, inline: bool = True) -> HttpResponse:
    response = _file_response(document.content, document.filename, "application/pdf", inline=inline)
    # Whether this request rendered the PDF or took it from the shared cache (or the signed
    # store): several app servers share one cache, and the proof in tests/servers reads this.
    response["X-Document-Source"] = "cache" if document.cached else "rendered"
    return response


@login_required
@require_GET
def documents_page(request, pk: int):
    report = access.report_for(request, pk)
    person = access.person_for(request)
    documents = availability(report)
    for item in documents:
        item["refusal"] = access.document_refusal(person, report, item["entry"].kind)
    signed = getattr(report, "signed_document", None)
    return render(
        request,
        "documents/documents_page.html",
        {
            "report": report,
            "documents": documents,
            "signed": signed,
            "draft_link": report.is_being_drafted and access.may_read_draft(person, report),
            "word_kinds": WORD_KINDS,
        },
    )


@login_required
@require_GET
def document_prepare(request, pk: int, kind: str):
    """Render (or take from the cache) and answer with the download link. Called by htmx so
    the page shows a progress indicator while WeasyPrint works."""
    if kind not in KINDS:
        raise Http404
    report = access.document_report_for(request, pk, kind)
    try:
        document = document_pdf(report, kind)
    except DocumentMissing as exc:
        return render(request, "documents/_prepared.html", {"error": exc.message, "kind": kind})
    return render(
        request,
        "documents/_prepared.html",
        {"report": report, "kind": kind, "document": document},
    )


@login_required
@require_GET
def document_download(request, pk: int, kind: str):
    if kind not in KINDS:
        raise Http404
    report = access.document_report_for(request, pk, kind)
    try:
        document = document_pdf(report, kind)
    except DocumentMissing as exc:
        raise Http404(exc.message) from None
    return _pdf_response(document, inline=request.GET.get("unduh") != "1")


@login_required
@require_GET
def document_word(request, pk: int, kind: str):
    """The Word copy of a document, for those who finish in Word (never the signed record)."""
    if kind not in WORD_KINDS:
        raise Http404
    report = access.document_report_for(request, pk, kind)
    try:
        document = document_docx(report, kind)
    except DocumentMissing as exc:
        raise Http404(exc.message) from None
    return _file_response(document.content, document.filename, DOCX_CONTENT_TYPE)


@login_required
@require_GET
def table_xlsx(request, pk: int):
    report = access.document_report_for(request, pk, "tabel")
    return _file_response(
        tabel.workbook(report), tabel.filename(report, "xlsx"), xlsx.XLSX_CONTENT_TYPE
    )
