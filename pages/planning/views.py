"""The plan's pages: the list of years, the plan page of a year (its table, budget, checks,
Perjanjian Kinerja and documents), opening a year, and "Salin dari tahun sebelumnya"."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pages import access
from pages.planning.forms import YearForm
from pages.planning.table import plan_table
from sakip.models import Anggaran, Target, Year
from sakip.planning.snapshot import (
    indicators,
    plan_budget,
    plan_snapshot,
    plan_targets,
    target_text,
)
from workflow.models import PerjanjianKinerja
from workflow.models.perjanjian import office_agreement_in_force
from workflow.permissions import may_prepare_plan
from workflow.services import planning as svc


def plan_path(year: int, perjanjian_id: int | None = None) -> str:
    """The `plan_page_path` hook: the year's plan page, or one PK's page."""
    if perjanjian_id is not None:
        return reverse("planning:perjanjian", args=[year, perjanjian_id])
    return reverse("planning:plan", args=[year])


@login_required
@require_GET
def index(request):
    """The office's years and the state of each one's Perjanjian Kinerja."""
    person = access.person_for(request)
    if person.office_id is None:
        raise Http404
    if not access.may_read_plan(person):
        raise PermissionDenied(
            _("Rencana kinerja dibaca pegawai kantor yang menyusun dan melaksanakannya.")
        )
    years = list(Year.objects.filter(office_id=person.office_id).order_by("-year"))
    pks = PerjanjianKinerja.objects.filter(office_id=person.office_id, unit__isnull=True)
    latest = {}
    for pk in pks.order_by("year_id", "version"):
        latest[pk.year_id] = pk
    rows = [{"year": y, "perjanjian": latest.get(y.pk)} for y in years]
    preparer = may_prepare_plan(person, person.office_id)
    next_year = (years[0].year + 1) if years else None
    form = YearForm(initial={"year": next_year}, url=reverse("planning:year_open"))
    return render(
        request,
        "planning/index.html",
        {"rows": rows, "preparer": preparer, "year_form": form if preparer else None},
    )


@login_required
@require_POST
def year_open(request):
    person = access.person_for(request)
    if person.office_id is None:
        raise Http404
    form = YearForm(request.POST, url=reverse("planning:year_open"))
    if not form.is_valid():
        messages.error(request, _("Tuliskan tahun yang akan dibuka, mis. 2027."))
        return redirect("planning:index")
    year = svc.year_open(person=person, year=form.cleaned_data["year"])
    messages.success(request, _("Tahun %(year)s dibuka.") % {"year": year.year})
    return redirect("planning:plan", year.year)


def perjanjian_rows(year: Year, person) -> list[dict]:
    """The year's PKs (latest version of each party pair), those the person may read."""
    latest: dict[int | None, PerjanjianKinerja] = {}
    for pk in (
        PerjanjianKinerja.objects.filter(year=year).select_related("unit").order_by("version")
    ):
        latest[pk.unit_id] = pk
    rows = [
        latest[u] for u in sorted(latest, key=lambda u: (u is not None, _unit_order(latest[u])))
    ]
    return [
        {"perjanjian": pk, "url": reverse("planning:perjanjian", args=[year.year, pk.pk])}
        for pk in rows
        if access.may_read_perjanjian(person, pk)
    ]


def _unit_order(pk: PerjanjianKinerja) -> tuple:
    return (pk.unit.order, pk.unit.name) if pk.unit_id else (0, "")


@login_required
@require_GET
def plan_page(request, tahun: int):
    person, year = access.plan_year_for(request, tahun)
    scope = access.plan_scope(person)
    preparer = may_prepare_plan(person, year.office_id)
    refusal = access.plan_edit_refusal(person, year)
    can_edit = refusal is None
    table = plan_table(year, unit_id=scope, with_empty=can_edit)
    pks = perjanjian_rows(year, person)
    previous = Year.objects.filter(office_id=year.office_id, year=year.year - 1).first()
    empty = not table.snapshot["sasaran"] and not table.budget
    missing_pk = preparer and bool(table.rows) and _missing_perjanjian(year)
    in_force = office_agreement_in_force(year)
    return render(
        request,
        "planning/plan.html",
        {
            "year": year,
            "table": table,
            "scope": scope,
            "preparer": preparer,
            "can_edit": can_edit,
            "lock_reason": refusal if preparer else None,
            "perjanjian": pks,
            "missing_pk": missing_pk,
            "in_force": in_force,
            "can_copy": can_edit and empty and previous is not None,
            "previous": previous,
            "years": Year.objects.filter(office_id=year.office_id).order_by("year"),
            "documents": _documents(year, person, scope),
        },
    )


def _missing_perjanjian(year: Year) -> bool:
    units = {u.pk for u in svc.units_with_indicators(year)} | {None}
    have = set(PerjanjianKinerja.objects.filter(year=year).values_list("unit_id", flat=True))
    return bool(units - have)


def _documents(year: Year, person, scope) -> list[dict]:
    suffix = f"?unit={scope}" if scope else ""
    docs = [
        ("iku", _("Indikator Kinerja Utama (IKU)")),
        ("rencana-aksi", _("Rencana Aksi")),
    ]
    return [
        {"url": reverse("planning:document", args=[year.year, kind]) + suffix, "label": label}
        for kind, label in docs
    ]


@login_required
@require_http_methods(["GET", "POST"])
def copy_previous(request, tahun: int):
    """ "Salin dari tahun sebelumnya": what would be copied (GET), the copy (POST)."""
    person, year = access.plan_preparer_for(request, tahun)
    previous = Year.objects.filter(office_id=year.office_id, year=year.year - 1).first()
    if request.method == "POST":
        count = svc.plan_copy(year=year, person=person)
        messages.success(
            request,
            _(
                "Rencana tahun %(prev)s disalin ke tahun %(year)s (%(n)s baris). Periksa dan "
                "sesuaikan targetnya."
            )
            % {"prev": year.year - 1, "year": year.year, "n": count},
        )
        return redirect("planning:plan", year.year)
    source = plan_snapshot(previous) if previous else None
    preview = (
        [
            {"sasaran": s["name"], "indikator": ind["name"], "target": target_text(ind)}
            for s, ind in indicators(source)
        ]
        if source
        else []
    )
    filled = (
        Target.objects.filter(year=year).exists() or Anggaran.objects.filter(year=year).exists()
    )
    return render(
        request,
        "planning/copy.html",
        {
            "year": year,
            "previous": previous,
            "preview": preview,
            "targets": list(plan_targets(previous)) if previous else [],
            "budget": list(plan_budget(previous)) if previous else [],
            "filled": filled,
            "lock_reason": access.plan_edit_refusal(person, year),
        },
    )
