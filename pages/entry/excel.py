"""The Excel round-trip of step 3: download the unit's format, upload it filled, look at
the preview of every change and error, confirm. Nothing is saved before the confirmation,
and nothing at all while an error remains."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from documents.workbook_export import submission_workbook
from documents.workbook_import import from_session, read_upload, to_session
from documents.xlsx import XLSX_CONTENT_TYPE
from pages import access
from pages.entry.forms import UploadForm
from workflow.services.rows import rows_apply
from workflow.services.uploads import UploadRefused

SESSION_KEY = "entry_uploads"


def xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def xlsx_download(request, pk: int, sub_pk: int):
    submission = access.submission_for(request, pk, sub_pk)
    report = submission.report
    name = f"format-isian-{slugify(submission.unit.short_name or submission.unit.name)}-{report.year.year}.xlsx"
    return xlsx_response(submission_workbook(submission), name)


@login_required
def xlsx_upload(request, pk: int, sub_pk: int):
    submission = access.submission_for(request, pk, sub_pk)
    report = submission.report
    access.editable_submission(access.person_for(request), submission)
    url = reverse("entry:xlsx_upload", args=[pk, sub_pk])
    form = UploadForm(request.POST or None, request.FILES or None, url=url)
    context = {"report": report, "submission": submission, "form": form}
    if request.method != "POST" or not form.is_valid():
        return render(request, "entry/xlsx_upload.html", context)
    upload = form.cleaned_data["file"]
    try:
        if upload.size > _limit():
            raise UploadRefused(_("Berkas terlalu besar untuk diunggah."))
        result = read_upload(upload.read(), submission)
    except UploadRefused as exc:
        context["refused"] = exc.message
        return render(request, "entry/xlsx_upload.html", context, status=400)
    token = ""
    if not result.errors and result.changes:
        token = secrets.token_urlsafe(16)
        pending = request.session.get(SESSION_KEY, {})
        # One pending upload per submission: a new upload replaces the previous preview.
        pending = {k: v for k, v in pending.items() if v.get("submission") != submission.pk}
        pending[token] = to_session(result, submission)
        request.session[SESSION_KEY] = pending
    context.update({"result": result, "token": token, "filename": upload.name})
    return render(request, "entry/xlsx_preview.html", context)


def _limit() -> int:
    from django.conf import settings

    return settings.SAKIP_UPLOAD_MAX_BYTES


@require_POST
@login_required
def xlsx_confirm(request, pk: int, sub_pk: int, token: str):
    submission = access.submission_for(request, pk, sub_pk)
    person = access.person_for(request)
    pending = request.session.get(SESSION_KEY, {})
    stored = pending.get(token)
    if not stored or stored.get("submission") != submission.pk:
        messages.error(
            request, _("Pratinjau unggahan sudah tidak berlaku. Unggah ulang berkasnya.")
        )
        return redirect("entry:xlsx_upload", pk, sub_pk)
    values, versions = from_session(stored)
    try:
        count = rows_apply(submission=submission, person=person, changes=values, versions=versions)
    finally:
        pending.pop(token, None)
        request.session[SESSION_KEY] = pending
    messages.success(request, _("%(n)s baris diperbarui dari berkas Excel.") % {"n": count})
    return redirect("entry:submission", pk, sub_pk)
