"""The quarterly measurement's pages: the office's years, one year's four quarters (opened
here by the Sekcam once a quarter has ended), and one quarter with its units, figures,
meeting and follow-ups. The units fill and the Sekcam evaluates on the same entry and
review pages as the year's collection."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from documents.quarter_documents import QUARTER_KINDS
from pages import access
from pages.errors import safe_next
from pages.measurement.forms import FollowUpDoneForm, FollowUpForm, MeetingForm
from pages.measurement.status import course_rows, quarter_statuses, unit_rows
from pages.procedure.links import work_links
from sakip.models import Year
from workflow.measurement import indicator_courses, open_follow_ups
from workflow.models import ROMAN, FollowUp, MeetingKind
from workflow.services.core import available_transitions
from workflow.services.measurement import (
    follow_up_add,
    follow_up_done,
    may_finish_follow_up,
    measurement_open,
    meeting_record,
)


@login_required
@require_GET
def index(request):
    """The office's years, each with its four quarters' state."""
    person = access.person_for(request)
    if person.office_id is None:
        raise Http404
    years = list(Year.objects.filter(office_id=person.office_id).order_by("-year"))
    today = timezone.localdate()
    rows = [(y, quarter_statuses(person, y, today)) for y in years]
    return render(request, "measurement/index.html", {"rows": rows})


@login_required
@require_GET
def year_page(request, tahun: int):
    person, year = access.measurement_year_for(request, tahun)
    statuses = quarter_statuses(person, year, timezone.localdate())
    follow_ups = list(open_follow_ups(year.office_id, year.pk))
    return render(
        request,
        "measurement/year.html",
        {"year": year, "statuses": statuses, "follow_ups": _with_done(person, follow_ups)},
    )


@login_required
@require_POST
def open_quarter(request, tahun: int, tw: int):
    """The Sekcam opens TW `tw` (refusals come back as a message: future quarter, open
    earlier quarter, already open, no signed PK)."""
    if tw not in ROMAN:
        raise Http404
    person, year = access.measurement_year_for(request, tahun)
    measurement_open(person=person, year=year, quarter=tw)
    messages.success(
        request,
        _("Pengukuran TW %(tw)s %(year)s dibuka; setiap unit menerima barisnya.")
        % {"tw": ROMAN[tw], "year": year.year},
    )
    return redirect("measurement:quarter", tahun=tahun, tw=tw)


@login_required
@require_GET
def quarter_page(request, tahun: int, tw: int):
    person, report = access.quarter_report_for(request, tahun, tw)
    refusal = access.quarter_figures_refusal(person, report)
    courses = [] if refusal else indicator_courses(report.year, upto=tw)
    meeting = (
        report.meetings.filter(kind=MeetingKind.MEASUREMENT)
        .prefetch_related("invitees", "attendees")
        .first()
    )
    follow_ups = list(
        report.follow_ups.select_related("indikator", "unit", "done_by", "report__year")
    )
    carried = list(open_follow_ups(report.office_id, report.year_id, before=tw))
    may_measure = access.may_measure(person, report)
    context = {
        "report": report,
        "units": unit_rows(person, report),
        "courses": course_rows(courses, tw),
        "figures_refusal": refusal,
        "meeting": meeting,
        "follow_ups": _with_done(person, follow_ups, report),
        "carried": _with_done(person, carried, report),
        "may_measure": may_measure,
        "documents": [
            (d.title, reverse("measurement:document", args=[tahun, tw, d.kind]))
            for d in QUARTER_KINDS.values()
            if not (d.figures and refusal)
        ],
        "transitions": available_transitions(report, request.user),
        "work_links": work_links(report, person),
    }
    return render(request, "measurement/quarter.html", context)


def _with_done(person, follow_ups: list[FollowUp], report=None) -> list[FollowUp]:
    """Each follow-up with whether this person may mark it done; the office's step roles
    are read once for all of them (`report`, or the first follow-up's report)."""
    if follow_ups:
        roles = (report or follow_ups[0].report).step_roles()
        for f in follow_ups:
            f.report.prime_step_roles(roles)
            f.may_finish = f.is_open and may_finish_follow_up(person, f)
    return follow_ups


@login_required
@require_http_methods(["GET", "POST"])
def meeting(request, tahun: int, tw: int):
    person, report = access.quarter_report_for(request, tahun, tw)
    access.measurer_for(person, report)
    current = report.meetings.filter(kind=MeetingKind.MEASUREMENT).first()
    initial = {}
    if current is None:
        initial = {"place": _("Aula Kantor Camat %(office)s") % {"office": report.office.name}}
    form = MeetingForm(
        request.POST or None,
        instance=current,
        report=report,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meeting_record(
            report=report,
            person=person,
            data=data,
            invitees=data["invitees"],
            attendees=data["attendees"],
        )
        messages.success(request, _("Rapat pengukuran tersimpan."))
        return redirect("measurement:quarter", tahun=tahun, tw=tw)
    return render(request, "measurement/meeting.html", {"report": report, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def follow_up_new(request, tahun: int, tw: int):
    person, report = access.quarter_report_for(request, tahun, tw)
    access.measurer_for(person, report)
    form = FollowUpForm(request.POST or None, report=report)
    if request.method == "POST" and form.is_valid():
        follow_up_add(report=report, person=person, **form.cleaned_data)
        messages.success(request, _("Tindak lanjut tercatat."))
        return redirect(reverse("measurement:quarter", args=[tahun, tw]) + "#tindak-lanjut")
    return render(request, "measurement/follow_up.html", {"report": report, "form": form})


@login_required
@require_POST
def follow_up_finish(request, tahun: int, pk: int):
    person, year = access.measurement_year_for(request, tahun)
    follow_up = get_object_or_404(
        FollowUp.objects.select_related("report", "unit"), pk=pk, report__year=year
    )
    # Who may mark it done is the service's rule (a refusal is a 403 with the reason).
    form = FollowUpDoneForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    follow_up_done(follow_up=follow_up, person=person, note=note)
    messages.success(request, _("Tindak lanjut ditandai selesai."))
    return redirect(safe_next(request) or reverse("measurement:year", args=[tahun]))
