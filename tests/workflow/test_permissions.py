"""Every role × every transition, through the step service and through a direct POST to the
transition page. The wrong person changes nothing; the right one moves the state."""

from __future__ import annotations

import datetime as dt

import pytest

from sakip.models import Person
from tests.procedure import fill
from workflow.models import AuditEntry, Report, ReportState, StepRecord, Submission
from workflow.services import TransitionDenied
from workflow.services import procedure as svc

S = ReportState
PERSONAS = ["camat", "sekcam", "kasi", "other_kasi", "jf", "admin_user", "outsider"]
UNIT = "Seksi Pemerintahan"  # headed by the `kasi` persona


def _sub(report) -> Submission:
    return Submission.objects.get(report=report, unit__name=UNIT)


def _people_ids(report):
    return [str(p.pk) for p in Person.objects.filter(office=report.office, role__in=["kasi"])]


def _filled(procedure):
    sub = _sub(procedure.report)
    fill(sub)


def _all_submitted(procedure):
    procedure.submit_all()


def _all_accepted(procedure):
    procedure.accept_all()


def _chapters(procedure):
    procedure.write_chapters()


# name: (report state, extra setup, on submission?, allowed personas,
#        service call (obj, person) -> None, POST data for the view)
MATRIX = {
    "distribute": (
        S.ORDERED,
        None,
        False,
        {"sekcam"},
        lambda r, p: svc.report_distribute(
            report=r, person=p, meeting={"date": dt.date(2026, 1, 12)}, attendees=[]
        ),
        lambda r: {
            "date": "2026-01-12",
            "start_time": "09:00",
            "place": "Aula",
            "attendees": _people_ids(r),
        },
    ),
    "submit": (
        S.COLLECTING,
        _filled,
        True,
        {"kasi"},
        lambda s, p: svc.submission_submit(submission=s, person=p),
        lambda r: {},
    ),
    "collect": (
        S.COLLECTING,
        _all_submitted,
        False,
        {"jf"},
        lambda r, p: svc.report_collect(report=r, person=p),
        lambda r: {},
    ),
    "accept": (
        S.EVALUATING,
        None,
        True,
        {"sekcam"},
        lambda s, p: svc.submission_accept(submission=s, person=p),
        lambda r: {},
    ),
    "return_for_revision": (
        S.EVALUATING,
        None,
        True,
        {"sekcam"},
        lambda s, p: svc.submission_return(submission=s, person=p, reason="Perbaiki."),
        lambda r: {"reason": "Perbaiki sumber data."},
    ),
    "finish_evaluation": (
        S.EVALUATING,
        _all_accepted,
        False,
        {"sekcam"},
        lambda r, p: svc.report_finish_evaluation(report=r, person=p),
        lambda r: {},
    ),
    "submit_draft": (
        S.DRAFTING,
        _chapters,
        False,
        {"jf"},
        lambda r, p: svc.draft_submit(report=r, person=p),
        lambda r: {},
    ),
    "accept_draft": (
        S.CORRECTING,
        None,
        False,
        {"sekcam"},
        lambda r, p: svc.draft_accept(report=r, person=p),
        lambda r: {},
    ),
    "return_draft": (
        S.CORRECTING,
        None,
        False,
        {"sekcam"},
        lambda r, p: svc.draft_return(report=r, person=p, reason="Perbaiki Bab I."),
        lambda r: {"reason": "Perbaiki Bab I."},
    ),
    "finalise": (
        S.FINALISATION,
        None,
        False,
        {"camat", "sekcam", "kasi", "other_kasi", "jf"},
        lambda r, p: svc.report_finalise(
            report=r,
            person=p,
            meeting={"date": dt.date(2026, 1, 15), "decisions": "Disetujui."},
            attendees=[],
        ),
        lambda r: {
            "date": "2026-01-15",
            "start_time": "09:00",
            "place": "Aula",
            "attendees": _people_ids(r),
            "decisions": "Disetujui.",
        },
    ),
    "send_for_approval": (
        S.FINALISED,
        None,
        False,
        {"sekcam"},
        lambda r, p: svc.report_send_for_approval(report=r, person=p),
        lambda r: {},
    ),
    "sign": (
        S.AWAITING_APPROVAL,
        None,
        False,
        {"camat"},
        lambda r, p: svc.report_sign(report=r, person=p),
        lambda r: {},
    ),
    "send_back": (
        S.AWAITING_APPROVAL,
        None,
        False,
        {"camat"},
        lambda r, p: svc.report_send_back(report=r, person=p, reason="Tabel kurang."),
        lambda r: {"reason": "Tabel kurang."},
    ),
    "number_letter": (
        S.SIGNED,
        None,
        False,
        {"jf"},
        lambda r, p: svc.report_number_letter(report=r, person=p),
        lambda r: {"date": "2026-01-20"},
    ),
    "duplicate": (
        S.NUMBERED,
        None,
        False,
        {"jf"},
        lambda r, p: svc.report_duplicate(
            report=r, person=p, count=3, recipients="Bupati", made_at=dt.date(2026, 1, 21)
        ),
        lambda r: {"count": "3", "recipients": "Bupati", "made_at": "2026-01-21"},
    ),
    "dispatch": (
        S.DUPLICATED,
        None,
        False,
        {"jf"},
        lambda r, p: svc.report_dispatch(
            report=r,
            person=p,
            dispatch={"recipient": "Bupati", "date": dt.date(2026, 1, 22), "method": "Pos"},
        ),
        lambda r: {"recipient": "Bupati", "date": "2026-01-22", "method": "Pos"},
    ),
}


def _prepare(procedure, name):
    state, setup, on_sub, allowed, call, data = MATRIX[name]
    report = procedure.to(state)
    if setup:
        setup(procedure)
    report = Report.objects.get(pk=report.pk)
    obj = _sub(report) if on_sub else report
    return report, obj


def _trace(report):
    return (
        Report.objects.get(pk=report.pk).state,
        list(Submission.objects.filter(report=report).values_list("state", flat=True)),
        StepRecord.objects.filter(report=report).count(),
        AuditEntry.objects.filter(report=report).count(),
    )


@pytest.mark.parametrize("name", list(MATRIX))
def test_only_the_steps_roles_may_perform_it_through_the_service(request, procedure, name):
    report, obj = _prepare(procedure, name)
    allowed = MATRIX[name][3]
    call = MATRIX[name][4]
    before = _trace(report)
    for persona in PERSONAS:
        if persona in allowed:
            continue
        person = request.getfixturevalue(persona).person
        with pytest.raises(TransitionDenied):
            call(type(obj).objects.get(pk=obj.pk), person)
        assert _trace(report) == before, persona
    performer = request.getfixturevalue(sorted(allowed)[0]).person
    call(type(obj).objects.get(pk=obj.pk), performer)
    assert _trace(report) != before
    assert AuditEntry.objects.filter(report=report, actor=performer).exists()


@pytest.mark.parametrize("name", list(MATRIX))
def test_only_the_steps_roles_may_post_it(request, procedure, client, name):
    report, obj = _prepare(procedure, name)
    allowed = MATRIX[name][3]
    data = MATRIX[name][5](report)
    if obj is report:
        url = f"/laporan/{report.pk}/langkah/{name}/"
    else:
        url = f"/laporan/{report.pk}/isian/{obj.pk}/langkah/{name}/"
    before = _trace(report)
    for persona in PERSONAS:
        if persona in allowed:
            continue
        client.force_login(request.getfixturevalue(persona))
        response = client.post(url, data)
        # Outside the office the report does not exist; inside it, a wrong role is a 403.
        expected = 404 if persona == "outsider" else 403
        assert response.status_code == expected, persona
        if expected == 403:
            assert "berwenang" in response.content.decode()
        assert _trace(report) == before, persona
    client.force_login(request.getfixturevalue(sorted(allowed)[0]))
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == f"/laporan/{report.pk}/"
    assert _trace(report) != before
