"""The office's reports: the list, step 1 (the Camat orders the year's LAKIP) and the report
page with its timeline, units, history and the buttons of this person's transitions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from pages import access
from pages.procedure.links import unit_page_url, work_links
from sakip.models import Year
from workflow.forms import ReportCreateForm
from workflow.models import Period, PerjanjianState, Report
from workflow.permissions import can_act_on_report
from workflow.services.procedure import nota_dinas_defaults, report_create
from workflow.timeline import report_page


def open_years(person):
    """The office's years that have ended, have no LAKIP yet and whose Perjanjian Kinerja is
    signed: a year's LAKIP reports on a whole year, and step 2 fills the rows from the PK in
    force, so neither the running year nor a year still being planned is offered."""
    return (
        Year.objects.filter(office_id=person.office_id, year__lt=timezone.localdate().year)
        .exclude(reports__period=Period.ANNUAL)
        .filter(perjanjian__unit__isnull=True, perjanjian__state=PerjanjianState.SIGNED)
        .distinct()
    )


def may_create_report(person) -> bool:
    if not person.office_id:
        return False
    return can_act_on_report(person, Report(office_id=person.office_id), 1)


@login_required
def report_list(request):
    person = access.person_for(request)
    reports = (
        access.visible_reports(person)
        .filter(period=Period.ANNUAL)
        .order_by("office__name", "-year__year")
    )
    may_create = may_create_report(person) and open_years(person).exists()
    return render(
        request, "workflow/report_list.html", {"reports": reports, "may_create": may_create}
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_create_view(request):
    person = access.person_for(request)
    if not may_create_report(person):
        raise PermissionDenied(_("Hanya Camat yang dapat memerintahkan penyusunan LAKIP."))
    years = open_years(person).order_by("year")
    if not years.exists():
        messages.info(
            request,
            _(
                "Tidak ada tahun yang menunggu LAKIP: setiap tahun yang Perjanjian Kinerjanya "
                "sudah ditandatangani sudah memiliki LAKIP."
            ),
        )
        return redirect("workflow:report_list")
    chosen = years.filter(pk=request.GET.get("tahun") or 0).first() or years.first()
    form = ReportCreateForm(
        request.POST if request.method == "POST" else None,
        years=years,
        initial={"year": chosen.pk, **nota_dinas_defaults(person, chosen)},
    )
    if request.method == "POST" and form.is_valid():
        report = report_create(person=person, year=form.cleaned_data["year"], nota=form.nota())
        messages.success(
            request,
            _("LAKIP tahun %(year)s diperintahkan. Sekretaris Camat menerima tugasnya.")
            % {"year": report.year.year},
        )
        return redirect("workflow:report_detail", pk=report.pk)
    return render(request, "workflow/report_create.html", {"form": form, "years": years})


@login_required
def report_detail(request, pk: int):
    report = access.report_for(request, pk)
    if report.is_quarter:
        # A quarter's measurement has its own page (no 13-step timeline).
        return redirect("measurement:quarter", tahun=report.year.year, tw=report.period)
    person = access.person_for(request)
    context = report_page(report, request.user)
    for row in context["submissions"]:
        row.url = unit_page_url(person, report, row.submission)
    context["report"] = report
    context["work_links"] = work_links(report, person)
    context["nota"] = getattr(report, "nota_dinas", None)
    context["meetings"] = list(report.meetings.prefetch_related("attendees"))
    return render(request, "workflow/report_detail.html", context)
