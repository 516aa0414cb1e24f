"""Evidence: upload to a row, download through an access check, delete while editable.
Files live under MEDIA_ROOT, which is never served directly."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pages import access
from pages.entry.forms import EvidenceForm, RowForm
from pages.entry.rows import _render_form, _row_for, row_response
from workflow.services.core import TransitionDenied, WorkflowError
from workflow.services.rows import evidence_add, evidence_delete


@require_POST
@login_required
def evidence_upload(request, pk: int, sub_pk: int, row_pk: int):
    person, report, submission, row = _row_for(request, pk, sub_pk, row_pk)
    form = EvidenceForm(request.POST, request.FILES, row=row, url=request.path)
    if not form.is_valid():
        message = _("Pilih berkas bukti dukung terlebih dahulu.")
    else:
        try:
            evidence_add(row=row, person=person, upload=form.cleaned_data["file"])
        except TransitionDenied:
            raise
        except WorkflowError as exc:
            # The upload's own problem (type, size, editability) stands beside the upload.
            message = exc.message
        else:
            if not request.htmx:
                messages.success(request, _("Bukti dukung diunggah."))
            return row_response(request, person, report, submission, row, saved=True)
    if request.htmx:
        return _with_error(request, report, submission, row, message)
    messages.error(request, message)
    return redirect("entry:submission", pk, sub_pk)


def _with_error(request, report, submission, row, message: str):
    """The row's edit form again, with the evidence problem shown beside the upload."""
    url = reverse("entry:row_edit", args=[report.pk, submission.pk, row.pk])
    cancel = reverse("entry:row_show", args=[report.pk, submission.pk, row.pk])
    form = RowForm(row=row, url=url, cancel_url=cancel)
    return _render_form(request, report, submission, row, form, evidence_error=message)


@login_required
def evidence_download(request, pk: int, ev_pk: int):
    evidence = access.evidence_for(request, pk, ev_pk)
    try:
        handle = evidence.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_required
def evidence_remove(request, pk: int, ev_pk: int):
    evidence = access.evidence_for(request, pk, ev_pk)
    person = access.person_for(request)
    row, submission = evidence.row, evidence.row.submission
    evidence_delete(evidence=evidence, person=person)
    if not request.htmx:
        messages.success(request, _("Bukti dukung dihapus."))
    return row_response(request, person, submission.report, submission, row)
