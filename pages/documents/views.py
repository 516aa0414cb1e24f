"""The documents page of a report and its downloads. Every view opens with the workflow's
access helper: a report of another office is a 404."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from documents import tabel, xlsx
from documents.registry import KINDS, availability, document_pdf
from documents.selectors import DocumentMissing
from documents.word.base import DOCX_CONTENT_TYPE
from documents.word.registry import KINDS as WORD_KINDS
from documents.word.registry import document_docx
from pages.procedure.access import guarded, report_for


def _pdf_response(document, *, inline: bool = True) -> HttpResponse:
    response = HttpResponse(document.content, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{document.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@guarded
@require_GET
def documents_page(request, pk: int):
    report, _person = report_for(request, pk)
    signed = getattr(report, "signed_document", None)
    return render(
        request,
        "documents/documents_page.html",
        {
            "report": report,
            "documents": availability(report),
            "signed": signed,
            "word_kinds": WORD_KINDS,
        },
    )


@login_required
@guarded
@require_GET
def document_prepare(request, pk: int, kind: str):
    """Render (or take from the cache) and answer with the download link. Called by htmx so
    the page shows a progress indicator while WeasyPrint works."""
    report, _person = report_for(request, pk)
    if kind not in KINDS:
        raise Http404
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
@guarded
@require_GET
def document_download(request, pk: int, kind: str):
    report, _person = report_for(request, pk)
    if kind not in KINDS:
        raise Http404
    try:
        document = document_pdf(report, kind)
    except DocumentMissing as exc:
        raise Http404(exc.message) from None
    return _pdf_response(document, inline=request.GET.get("unduh") != "1")


@login_required
@guarded
@require_GET
def document_word(request, pk: int, kind: str):
    """The Word copy of a document, for those who finish in Word (never the signed record)."""
    report, _person = report_for(request, pk)
    if kind not in WORD_KINDS:
        raise Http404
    try:
        document = document_docx(report, kind)
    except DocumentMissing as exc:
        raise Http404(exc.message) from None
    response = HttpResponse(document.content, content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@guarded
@require_GET
def table_xlsx(request, pk: int):
    report, _person = report_for(request, pk)
    response = HttpResponse(tabel.workbook(report), content_type=xlsx.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{tabel.filename(report, "xlsx")}"'
    return response
