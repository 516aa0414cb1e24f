"""The year's budget (pagu) per program, kegiatan and sub kegiatan, edited in place like the
plan's rows, with the same optimistic locking."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pages import access
from pages.planning.common import edit_refusal, invalid_status, plan_url
from pages.planning.forms import AnggaranAddForm, AnggaranEditForm, anggaran_initial
from pages.planning.table import plan_table
from sakip.models import Anggaran
from workflow.services import planning as svc
from workflow.services.planning import StalePlan


def _line_for(request, tahun: int, anggaran_pk: int):
    person, year = access.plan_preparer_for(request, tahun)
    line = get_object_or_404(
        Anggaran.objects.select_related("nomenklatur", "year"), pk=anggaran_pk, year=year
    )
    return person, year, line


def _line_response(request, person, year, line_pk: int, *, saved: bool = False):
    table = plan_table(year)
    b = next((b for b in table.budget if b["pk"] == line_pk), None)
    return render(
        request,
        "planning/_budget_row.html",
        {
            "year": year,
            "b": b,
            "table": table,
            "can_edit": access.may_edit_plan(person, year),
            "saved": saved,
            "oob": True,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def anggaran_edit(request, tahun: int, anggaran_pk: int):
    person, year, line = _line_for(request, tahun, anggaran_pk)
    back = edit_refusal(request, person, year, post=request.method == "POST")
    if back is not None:
        return back
    dom_id = f"anggaran-{line.pk}"
    kwargs = {
        "url": reverse("planning:anggaran_edit", args=[tahun, line.pk]),
        "cancel_url": reverse("planning:anggaran_show", args=[tahun, line.pk]),
        "dom_id": dom_id,
    }
    template = "planning/_budget_form.html" if request.htmx else "planning/budget_edit.html"
    context = {"year": year, "line": line, "dom_id": dom_id}
    if request.method != "POST":
        form = AnggaranEditForm(initial=anggaran_initial(line), **kwargs)
        return render(request, template, {**context, "form": form})
    form = AnggaranEditForm(request.POST, **kwargs)
    if not form.is_valid():
        return render(request, template, {**context, "form": form}, status=invalid_status(request))
    try:
        svc.anggaran_update(
            line=line, person=person, values=form.values, version=form.cleaned_data["version"]
        )
    except StalePlan as exc:
        data = request.POST.copy()
        data["version"] = exc.current.version
        form = AnggaranEditForm(data, **kwargs)
        form.is_valid()
        form.errors.clear()
        if not request.htmx:
            messages.error(request, exc.message)
        return render(
            request,
            template,
            {**context, "form": form, "stale": exc.current},
            status=invalid_status(request),
        )
    if not request.htmx:
        messages.success(request, _("Anggaran disimpan."))
        return redirect(plan_url(year, dom_id))
    return _line_response(request, person, year, line.pk, saved=True)


@login_required
@require_GET
def anggaran_show(request, tahun: int, anggaran_pk: int):
    person, year, line = _line_for(request, tahun, anggaran_pk)
    if not request.htmx:
        return redirect(plan_url(year, f"anggaran-{line.pk}"))
    return _line_response(request, person, year, line.pk)


@login_required
@require_POST
def anggaran_remove(request, tahun: int, anggaran_pk: int):
    person, year, line = _line_for(request, tahun, anggaran_pk)
    code = line.nomenklatur.code
    svc.anggaran_remove(line=line, person=person)
    messages.success(request, _("Anggaran %(code)s dihapus dari rencana.") % {"code": code})
    return redirect(plan_url(year, "anggaran"))


@login_required
@require_http_methods(["GET", "POST"])
def anggaran_add(request, tahun: int):
    person, year = access.plan_preparer_for(request, tahun)
    back = edit_refusal(request, person, year, post=request.method == "POST")
    if back is not None:
        return back
    form = AnggaranAddForm(
        request.POST or None,
        year=year,
        url=reverse("planning:anggaran_add", args=[tahun]),
        cancel_url=plan_url(year, "anggaran"),
        dom_id="tambah-anggaran",
    )
    if request.method == "POST" and form.is_valid():
        svc.anggaran_add(
            year=year,
            person=person,
            nomenklatur=form.cleaned_data["nomenklatur"],
            pagu=form.values["pagu"],
            realisasi=form.values["realisasi"],
        )
        messages.success(request, _("Anggaran ditambahkan."))
        return redirect(plan_url(year, "anggaran"))
    return render(
        request,
        "planning/budget_add.html",
        {"year": year, "form": form},
        status=400 if request.method == "POST" else 200,
    )
