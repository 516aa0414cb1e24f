"""The rules of the procedure: evaluation ends only when every unit is accepted, a return
touches one unit, state is what the database says, and a failing step leaves no trace."""

from __future__ import annotations

import pytest
from django.core import mail

from tests.procedure import head_of as unit_head
from workflow.models import (
    AuditEntry,
    LetterNumber,
    LetterSequence,
    Meeting,
    Report,
    ReportState,
    RevisionRequest,
    StepRecord,
    Submission,
    SubmissionState,
)
from workflow.services import TransitionRefused, WorkflowError
from workflow.services import procedure as svc
from workflow.services.procedure import dispatch

S, SS = ReportState, SubmissionState


def _state(obj) -> str:
    return type(obj).objects.values_list("state", flat=True).get(pk=obj.pk)


def _rows(sub):
    return list(sub.rows.order_by("pk").values("pk", "realisasi", "version", "updated_at"))


def test_evaluation_waits_for_every_unit_and_a_return_touches_only_one(procedure, sekcam):
    report = procedure.to(S.EVALUATING)
    subs = procedure.submissions
    assert len(subs) == 6
    returned, others = subs[0], subs[1:]
    for sub in others:
        svc.submission_accept(submission=sub, person=sekcam.person)
    rows_before = {s.pk: _rows(s) for s in others}
    svc.submission_return(
        submission=returned, person=sekcam.person, reason="Sumber data baris 1 belum jelas."
    )

    with pytest.raises(TransitionRefused) as refused:
        svc.report_finish_evaluation(report=procedure.refresh(), person=sekcam.person)
    assert "belum semua isian unit diterima" in refused.value.message

    assert _state(report) == S.EVALUATING
    for sub in others:
        assert _state(sub) == SS.ACCEPTED
        assert _rows(sub) == rows_before[sub.pk]
    returned = Submission.objects.get(pk=returned.pk)
    assert returned.state == SS.RETURNED
    assert returned.round == 2
    revision = RevisionRequest.objects.get(submission=returned)
    assert (revision.round, revision.step_number) == (1, 5)
    assert revision.reason == "Sumber data baris 1 belum jelas."

    svc.submission_submit(submission=returned, person=unit_head(returned))
    svc.submission_accept(submission=Submission.objects.get(pk=returned.pk), person=sekcam.person)
    svc.report_finish_evaluation(report=procedure.refresh(), person=sekcam.person)
    assert _state(report) == S.DRAFTING


def test_a_return_needs_a_reason(procedure, sekcam):
    procedure.to(S.EVALUATING)
    sub = procedure.submissions[0]
    with pytest.raises(WorkflowError):
        svc.submission_return(submission=sub, person=sekcam.person, reason="  ")
    assert _state(sub) == SS.SUBMITTED
    assert not RevisionRequest.objects.filter(submission=sub).exists()


def test_returning_the_draft_sends_it_back_to_drafting_in_a_new_round(procedure, sekcam, jf):
    report = procedure.to(S.CORRECTING)
    svc.draft_return(report=procedure.refresh(), person=sekcam.person, reason="Bab I kurang.")
    report = Report.objects.get(pk=report.pk)
    assert (report.state, report.draft_round) == (S.DRAFTING, 2)
    assert RevisionRequest.objects.get(report=report, step_number=7).round == 1
    assert StepRecord.objects.get(report=report, step__number=6, round=2).finished_at is None


def test_each_step_is_in_the_database_after_its_service(procedure):
    """The state is re-read from the database after every call, with its record and audit."""
    procedure.create()
    report = procedure.report
    assert _state(report) == S.ORDERED
    expected = {
        "distribute": S.COLLECTING,
        "submit_all": S.COLLECTING,
        "collect": S.EVALUATING,
        "accept_all": S.EVALUATING,
        "finish_evaluation": S.DRAFTING,
        "submit_draft": S.CORRECTING,
        "accept_draft": S.FINALISATION,
        "finalise": S.FINALISED,
        "send_for_approval": S.AWAITING_APPROVAL,
        "sign": S.SIGNED,
        "number_letter": S.NUMBERED,
        "duplicate": S.DUPLICATED,
        "dispatch": S.DISPATCHED,
    }
    audits = AuditEntry.objects.filter(report=report).count()
    for name, state in expected.items():
        getattr(procedure, name)()
        assert _state(report) == state, name
        now = AuditEntry.objects.filter(report=report).count()
        assert now > audits, name
        audits = now
    assert not StepRecord.objects.filter(report=report, finished_at__isnull=True).exists()
    done = set(StepRecord.objects.filter(report=report).values_list("step__number", flat=True))
    assert done == set(range(1, 14))
    assert all(s == SS.ACCEPTED for s in report.submissions.values_list("state", flat=True))


def _trace(report):
    return (
        _state(report),
        StepRecord.objects.filter(report=report).count(),
        AuditEntry.objects.filter(report=report).count(),
        Meeting.objects.filter(report=report).count(),
        Submission.objects.filter(report=report).count(),
    )


def test_a_failure_after_the_transition_keeps_nothing(
    procedure, sekcam, monkeypatch, django_capture_on_commit_callbacks
):
    report = procedure.to(S.ORDERED)
    mail.outbox.clear()
    before = _trace(report)

    def broken(*args, **kwargs):
        raise RuntimeError("disk penuh")

    # `after` of step 2 opens the units' step 3 records: make that fail.
    monkeypatch.setattr("workflow.services.records.start_step", broken)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError):
            svc.report_distribute(
                report=Report.objects.get(pk=report.pk),
                person=sekcam.person,
                meeting={"date": "2026-01-12"},
                attendees=[],
            )
    assert _trace(report) == before
    assert callbacks == []
    assert mail.outbox == []


def test_a_failure_before_the_transition_gives_back_the_letter_number(
    procedure, jf, monkeypatch, django_capture_on_commit_callbacks
):
    report = procedure.to(S.SIGNED)
    mail.outbox.clear()
    numbers = LetterNumber.objects.count()
    sequences = list(LetterSequence.objects.values_list("pk", "last_number"))
    before = _trace(report)
    real = dispatch.letter_number_allocate

    def allocate_then_fail(**kwargs):
        real(**kwargs)
        raise RuntimeError("printer macet")

    monkeypatch.setattr(dispatch, "letter_number_allocate", allocate_then_fail)
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError):
            svc.report_number_letter(report=Report.objects.get(pk=report.pk), person=jf.person)
    assert _trace(report) == before
    assert LetterNumber.objects.count() == numbers
    assert list(LetterSequence.objects.values_list("pk", "last_number")) == sequences
    assert mail.outbox == []


def test_a_step_not_possible_now_is_refused_with_a_message(procedure, camat):
    report = procedure.to(S.ORDERED)
    with pytest.raises(TransitionRefused) as refused:
        svc.report_sign(report=report, person=camat.person)
    assert "tidak dapat dilakukan pada tahap sekarang" in refused.value.message
    assert _state(report) == S.ORDERED


def test_a_closed_report_cannot_be_created_twice(procedure, camat):
    procedure.create()
    with pytest.raises(TransitionRefused):
        svc.report_create(
            person=camat.person,
            year=procedure.year,
            nota=svc.nota_dinas_defaults(camat.person, procedure.year),
        )
    annual = Report.objects.filter(office=procedure.office, year=procedure.year, period=0)
    assert annual.count() == 1


def test_after_the_camat_sends_it_back_the_finalisation_meeting_is_held_again(procedure, camat):
    report = procedure.to(S.AWAITING_APPROVAL)
    svc.report_send_back(report=procedure.refresh(), person=camat.person, reason="Tabel kurang.")
    report = Report.objects.get(pk=report.pk)
    assert (report.state, report.draft_round) == (S.DRAFTING, 2)
    assert RevisionRequest.objects.get(report=report, step_number=10).round == 1
    procedure.submit_draft()
    procedure.accept_draft()
    svc.report_finalise(
        report=procedure.refresh(),
        person=camat.person,
        meeting={"date": "2026-02-02", "decisions": "Disepakati setelah perbaikan."},
        attendees=[camat.person],
    )
    meeting = Meeting.objects.get(report=report, kind="finalisasi")
    assert meeting.decisions == "Disepakati setelah perbaikan."
    assert meeting.place == ""
    assert list(meeting.attendees.all()) == [camat.person]
    assert _state(report) == S.FINALISED


def test_the_steps_repeated_after_a_send_back_are_timed_in_the_new_round(procedure, camat):
    report = procedure.to(S.AWAITING_APPROVAL)
    svc.report_send_back(report=procedure.refresh(), person=camat.person, reason="Tabel kurang.")
    procedure.to(S.AWAITING_APPROVAL)
    rounds = {
        n: sorted(
            StepRecord.objects.filter(report=report, step__number=n).values_list("round", flat=True)
        )
        for n in (6, 7, 8, 9, 10)
    }
    assert rounds == {n: [1, 2] for n in (6, 7, 8, 9, 10)}
