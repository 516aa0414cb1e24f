"""The plan as a workbook: download it, upload it filled, look at the preview of every change
and error, confirm. Nothing is saved before the confirmation, nor while an error remains."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from documents.plan_workbook_export import plan_workbook
from documents.plan_workbook_import import from_session, read_plan_upload, to_session
from pages import access
from pages.entry.excel import xlsx_response
from pages.planning.common import edit_refusal
from pages.planning.forms import UploadForm
from workflow.services import planning as svc
from workflow.services.uploads import UploadRefused

SESSION_KEY = "plan_uploads"


@login_required
@require_GET
def xlsx_download(request, tahun: int):
    person, year = access.plan_year_for(request, tahun)
    if access.plan_scope(person) is not None:
        raise PermissionDenied(
            _("Berkas rencana memuat seluruh rencana kantor; Anda membaca indikator unit Anda.")
        )
    name = f"rencana-kinerja-{year.office.name.lower()}-{year.year}.xlsx"
    return xlsx_response(plan_workbook(year), name)


@login_required
@require_http_methods(["GET", "POST"])
def xlsx_upload(request, tahun: int):
    person, year = access.plan_preparer_for(request, tahun)
    back = edit_refusal(request, person, year, post=request.method == "POST")
    if back is not None:
        return back
    url = reverse("planning:xlsx_upload", args=[tahun])
    form = UploadForm(request.POST or None, request.FILES or None, url=url)
    context = {"year": year, "form": form}
    if request.method != "POST" or not form.is_valid():
        return render(request, "planning/xlsx_upload.html", context)
    upload = form.cleaned_data["file"]
    try:
        if upload.size > settings.SAKIP_UPLOAD_MAX_BYTES:
            raise UploadRefused(_("Berkas terlalu besar untuk diunggah."))
        result = read_plan_upload(upload.read(), year)
    except UploadRefused as exc:
        context["refused"] = exc.message
        return render(request, "planning/xlsx_upload.html", context, status=400)
    token = ""
    if not result.errors and result.changes:
        token = secrets.token_urlsafe(16)
        pending = request.session.get(SESSION_KEY, {})
        # One pending upload per year: a new upload replaces the previous preview.
        pending = {k: v for k, v in pending.items() if v.get("year") != year.pk}
        pending[token] = to_session(result, year)
        request.session[SESSION_KEY] = pending
    context.update({"result": result, "token": token, "filename": upload.name})
    return render(request, "planning/xlsx_preview.html", context)


@login_required
@require_POST
def xlsx_confirm(request, tahun: int, token: str):
    person, year = access.plan_preparer_for(request, tahun)
    pending = request.session.get(SESSION_KEY, {})
    stored = pending.get(token)
    if not stored or stored.get("year") != year.pk:
        messages.error(
            request, _("Pratinjau unggahan sudah tidak berlaku. Unggah ulang berkasnya.")
        )
        return redirect("planning:xlsx_upload", tahun)
    try:
        count = svc.plan_apply(year=year, person=person, **from_session(stored, year))
    finally:
        pending.pop(token, None)
        request.session[SESSION_KEY] = pending
    messages.success(request, _("%(n)s baris rencana diperbarui dari berkas Excel.") % {"n": count})
    return redirect("planning:plan", tahun)
