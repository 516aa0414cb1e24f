"""Editing the plan in place: a row (an indicator and its target of the year) opens as a form
inside the table (htmx) or on its own page (without JavaScript); a stale save is refused and
shows both the stored values and what the person typed. Adding indicators and sasaran."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pages import access
from pages.planning.common import edit_refusal, invalid_status, plan_url
from pages.planning.forms import (
    IndikatorAddForm,
    PlanRowEditForm,
    SasaranForm,
    row_initial,
)
from pages.planning.table import plan_table, row_view
from sakip.models import SasaranStrategis
from sakip.planning.snapshot import indikator_data, quarter_texts, renstra_text, target_text
from workflow.services import planning as svc
from workflow.services.planning import StalePlan


def _stale_view(current) -> dict:
    data = indikator_data(current)
    return {
        "target": target_text(data),
        "tw": " / ".join(t or "—" for t in quarter_texts(data)),
        "renstra": renstra_text(data),
        "name": data["name"],
    }


def _row_context(request, year, target, form, *, stale=None) -> dict:
    return {
        "year": year,
        "v": row_view(year, target.pk),
        "form": form,
        "stale": stale,
        "stale_view": _stale_view(stale) if stale is not None else None,
    }


@login_required
@require_http_methods(["GET", "POST"])
def row_edit(request, tahun: int, target_pk: int):
    person, year, target = access.plan_target_for(request, tahun, target_pk)
    back = edit_refusal(request, person, year, post=request.method == "POST")
    if back is not None:
        return back
    url = reverse("planning:row_edit", args=[tahun, target.pk])
    cancel = reverse("planning:row_show", args=[tahun, target.pk])
    dom_id = f"rencana-{target.pk}"
    kwargs = {"year": year, "url": url, "cancel_url": cancel, "dom_id": dom_id}
    template = "planning/_row_form.html" if request.htmx else "planning/row_edit.html"
    if request.method != "POST":
        form = PlanRowEditForm(initial=row_initial(target), **kwargs)
        return render(request, template, _row_context(request, year, target, form))
    form = PlanRowEditForm(request.POST, **kwargs)
    if not form.is_valid():
        return render(
            request,
            template,
            _row_context(request, year, target, form),
            status=invalid_status(request),
        )
    versions = (form.cleaned_data["ind_version"], form.cleaned_data["target_version"])
    try:
        svc.plan_row_update(target=target, person=person, values=form.values, versions=versions)
    except StalePlan as exc:
        # Keep what the person typed; show what is stored now. Saving again is a choice made
        # knowingly, against the current versions.
        data = request.POST.copy()
        data["ind_version"] = exc.current.indikator.version
        data["target_version"] = exc.current.version
        form = PlanRowEditForm(data, **kwargs)
        form.is_valid()
        form.errors.clear()
        if not request.htmx:
            messages.error(request, exc.message)
        return render(
            request,
            template,
            _row_context(request, year, target, form, stale=exc.current),
            status=invalid_status(request),
        )
    if not request.htmx:
        messages.success(request, _("Baris rencana disimpan."))
        return redirect(plan_url(year, dom_id))
    return _row_response(request, person, year, target.pk, saved=True)


def _row_response(request, person, year, target_pk: int, *, saved: bool = False):
    table = plan_table(year, unit_id=access.plan_scope(person))
    v = next((r for r in table.rows if r.pk == target_pk), None)
    return render(
        request,
        "planning/_row.html",
        {
            "year": year,
            "v": v,
            "table": table,
            "can_edit": access.may_edit_plan(person, year),
            "saved": saved,
            "oob": True,
        },
    )


@login_required
@require_GET
def row_show(request, tahun: int, target_pk: int):
    person, year, target = access.plan_target_for(request, tahun, target_pk)
    if not request.htmx:
        return redirect(plan_url(year, f"rencana-{target.pk}"))
    return _row_response(request, person, year, target.pk)


@login_required
@require_POST
def row_remove(request, tahun: int, target_pk: int):
    person, year, target = access.plan_target_for(request, tahun, target_pk)
    name = target.indikator.name
    svc.plan_row_remove(target=target, person=person)
    messages.success(
        request,
        _("“%(name)s” dikeluarkan dari rencana tahun %(year)s.")
        % {
            "name": name,
            "year": year.year,
        },
    )
    return redirect(plan_url(year))


@login_required
@require_http_methods(["GET", "POST"])
def indikator_add(request, tahun: int):
    person, year = access.plan_preparer_for(request, tahun)
    back = edit_refusal(request, person, year, post=request.method == "POST")
    if back is not None:
        return back
    url = reverse("planning:indikator_add", args=[tahun])
    sasaran = SasaranStrategis.objects.filter(office_id=year.office_id).order_by("order", "pk")
    initial = {"sasaran": request.GET.get("sasaran"), "target_kind": "number"}
    form = IndikatorAddForm(
        request.POST or None,
        initial=initial,
        year=year,
        url=url,
        cancel_url=plan_url(year),
        dom_id="tambah-indikator",
        sasaran_queryset=sasaran,
    )
    if request.method == "POST" and form.is_valid():
        target = svc.indikator_add(
            year=year, person=person, sasaran=form.cleaned_data["sasaran"], values=form.values
        )
        messages.success(
            request, _("Indikator ditambahkan ke rencana tahun %(year)s.") % {"year": year.year}
        )
        return redirect(plan_url(year, f"rencana-{target.pk}"))
    return render(
        request,
        "planning/indikator_add.html",
        {"year": year, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def sasaran_add(request, tahun: int):
    person, year = access.plan_preparer_for(request, tahun)
    back = edit_refusal(request, person, year, post=request.method == "POST")
    if back is not None:
        return back
    url = reverse("planning:sasaran_add", args=[tahun])
    form = SasaranForm(request.POST or None, url=url, label=_("Tambahkan sasaran"))
    if request.method == "POST" and form.is_valid():
        svc.sasaran_add(
            year=year, person=person, name=form.cleaned_data["name"], code=form.cleaned_data["code"]
        )
        messages.success(request, _("Sasaran strategis ditambahkan."))
        return redirect(plan_url(year))
    return render(
        request,
        "planning/sasaran_form.html",
        {"year": year, "form": form, "title": _("Tambah sasaran strategis")},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def sasaran_edit(request, tahun: int, sasaran_pk: int):
    person, year = access.plan_preparer_for(request, tahun)
    sasaran = get_object_or_404(SasaranStrategis, pk=sasaran_pk, office_id=year.office_id)
    back = edit_refusal(request, person, year, post=request.method == "POST")
    if back is not None:
        return back
    url = reverse("planning:sasaran_edit", args=[tahun, sasaran.pk])
    form = SasaranForm(
        request.POST or None,
        instance=sasaran,
        initial={"version": sasaran.version},
        url=url,
        label=_("Simpan sasaran"),
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        values = {"name": form.cleaned_data["name"], "code": form.cleaned_data["code"]}
        try:
            svc.sasaran_update(
                year=year,
                sasaran=sasaran,
                person=person,
                values=values,
                version=form.cleaned_data["version"] or 0,
            )
        except StalePlan as exc:
            stale = exc.current
            data = request.POST.copy()
            data["version"] = stale.version
            form = SasaranForm(data, instance=stale, url=url, label=_("Simpan sasaran"))
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Sasaran strategis disimpan."))
            return redirect(plan_url(year))
    return render(
        request,
        "planning/sasaran_form.html",
        {"year": year, "form": form, "stale": stale, "title": _("Ubah sasaran strategis")},
        status=400 if request.method == "POST" else 200,
    )
