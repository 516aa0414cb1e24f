"""The quarter's documents: invitation, attendance list, minutes and the quarterly
measurement report, as inline PDFs. Who may read which is
`pages.access.quarter_document_for`; a quarter never opened, or of another office, is a 404."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.urls import path
from django.views.decorators.http import require_GET

from documents.quarter_documents import QUARTER_KINDS, quarter_document_pdf
from pages import access


@login_required
@require_GET
def document(request, tahun: int, tw: int, kind: str):
    if kind not in QUARTER_KINDS:
        raise Http404
    _person, report = access.quarter_document_for(request, tahun, tw, kind)
    pdf = quarter_document_pdf(report, kind)
    response = HttpResponse(pdf.content, content_type="application/pdf")
    disposition = "attachment" if request.GET.get("unduh") == "1" else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{pdf.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["X-Document-Source"] = "cache" if pdf.cached else "rendered"
    return response


urlpatterns = [
    path("<slug:kind>.pdf", document, name="document"),
]
