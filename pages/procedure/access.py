"""Who may see what: every workflow view opens with one of these. A report outside the
person's office is a 404 (its existence is not revealed); a wrong role is a 403 with a
message in Indonesian."""

from __future__ import annotations

from functools import wraps

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from workflow.models import Report, Submission


class Forbidden(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def forbidden(request, message: str) -> HttpResponse:
    return render(request, "workflow/forbidden.html", {"message": message}, status=403)


def person_of(request):
    person = getattr(request.user, "person", None)
    if person is None:
        raise Forbidden(_("Akun Anda belum terdaftar sebagai pegawai kantor."))
    return person


def visible_reports(person):
    """Reports of the person's office; a kabupaten reader reads every office of the
    kabupaten."""
    reports = Report.objects.select_related("office", "year")
    if person.office_id:
        return reports.filter(office_id=person.office_id)
    if person.role == "kabupaten" and person.kabupaten_id:
        return reports.filter(office__kabupaten_id=person.kabupaten_id)
    return reports.none()


def report_for(request, pk: int) -> tuple[Report, object]:
    person = person_of(request)
    report = get_object_or_404(visible_reports(person), pk=pk)
    return report, person


def submission_for(request, pk: int, sub_pk: int) -> tuple[Report, Submission, object]:
    report, person = report_for(request, pk)
    try:
        submission = report.submissions.select_related("unit").get(pk=sub_pk)
    except Submission.DoesNotExist:
        raise Http404 from None
    submission.report = report
    return report, submission, person


def require_office_member(person, report: Report) -> None:
    """Acting on a report needs a post in its office (kabupaten readers only read)."""
    if person.office_id != report.office_id:
        raise Forbidden(_("Anda hanya dapat membaca laporan ini."))


def guarded(view):
    """Turn a `Forbidden` raised by an access helper into the 403 page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Forbidden as exc:
            return forbidden(request, exc.message)

    return wrapper
