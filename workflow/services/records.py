"""Step records (timing against Mutu Baku) and the audit trail."""

from __future__ import annotations

from django.utils import timezone

from workflow.models import AuditEntry, Report, Step, StepRecord, Submission
from workflow.services.timing import office_working_minutes


def step_of(report: Report, number: int) -> Step:
    return Step.objects.get(office_id=report.office_id, number=number)


def start_step(
    report: Report, number: int, *, submission: Submission | None = None, round: int | None = None
) -> StepRecord:
    """Open the record of a step that just became due. Its round is the unit's round (steps
    3 and 5) or the draft's round (the report's steps, which repeat after a return)."""
    step = step_of(report, number)
    if round is None:
        round = submission.round if submission else report.draft_round
    return StepRecord.objects.create(
        report=report,
        step=step,
        submission=submission,
        round=round,
        started_at=timezone.now(),
        standard_minutes=step.minutes,
    )


def finish_step(
    report: Report, number: int, *, actor, submission: Submission | None = None, note: str = ""
) -> StepRecord:
    """Close the open record of the step (for this submission at steps 3 and 5). Where none is
    open (the step had no waiting period, e.g. step 1), one is opened and closed now."""
    now = timezone.now()
    record = (
        StepRecord.objects.filter(
            report=report, step__number=number, submission=submission, finished_at__isnull=True
        )
        .order_by("-started_at")
        .first()
    )
    if record is None:
        record = start_step(
            report,
            number,
            submission=submission,
            round=submission.round if submission else report.draft_round,
        )
    record.actor = actor
    record.finished_at = now
    record.elapsed_minutes = office_working_minutes(report.office, record.started_at, now)
    record.note = note
    record.save()
    return record


def audit(report: Report, action: str, actor, **payload) -> AuditEntry:
    return AuditEntry.objects.create(
        office_id=report.office_id, report=report, action=action, actor=actor, payload=payload
    )


def audit_office(office_id: int, action: str, actor, **payload) -> AuditEntry:
    """An audit line of the office outside a report (the plan, its Perjanjian Kinerja)."""
    return AuditEntry.objects.create(
        office_id=office_id, report=None, action=action, actor=actor, payload=payload
    )
