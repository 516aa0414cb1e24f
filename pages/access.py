"""Who may see and change what at steps 3–5. Every view opens with one of these: 404 outside
the person's office, 403 for a person of the office without the right role."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from sakip.models import Person, Role
from workflow.models import Report, Submission
from workflow.permissions import can_act_on_submission, can_edit_rows  # noqa: F401

# Roles that see every unit's rows and evidence of their office.
OFFICE_WIDE = {Role.SEKCAM, Role.CAMAT, Role.JF, Role.ADMIN}


def person_for(request) -> Person:
    person = getattr(request.user, "person", None)
    if person is None or person.office_id is None:
        raise Http404
    return person


def report_for(request, pk: int) -> tuple[Person, Report]:
    person = person_for(request)
    report = get_object_or_404(
        Report.objects.select_related("office", "year"), pk=pk, office_id=person.office_id
    )
    return person, report


def can_view_unit(person: Person, unit_id: int) -> bool:
    if person.role in OFFICE_WIDE:
        return True
    return person.heads_unit and person.unit_id == unit_id


def submission_for(request, pk: int, sub_pk: int) -> tuple[Person, Report, Submission]:
    person, report = report_for(request, pk)
    submission = get_object_or_404(
        Submission.objects.select_related("unit"), pk=sub_pk, report=report
    )
    submission.report = report
    if not can_view_unit(person, submission.unit_id):
        raise PermissionDenied
    return person, report, submission


def require_office_wide(person: Person) -> None:
    if person.role not in OFFICE_WIDE:
        raise PermissionDenied
