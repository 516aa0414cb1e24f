"""Reads for the report page: the 13 steps as a timeline with their timing against Mutu
Baku, the units' submissions, the revision rounds and the history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from sakip.models import Role
from workflow.history import edit_groups, history
from workflow.models import (
    Report,
    ReportState,
    RevisionRequest,
    Step,
    StepRecord,
    Submission,
)
from workflow.services.core import available_transitions, blocked_transitions
from workflow.services.timing import office_calendar

S = ReportState

# The step the report waits for in each state (steps with open records are current too).
STATE_STEP = {
    S.ORDERED: 2,
    S.COLLECTING: 3,
    S.EVALUATING: 5,
    S.DRAFTING: 6,
    S.CORRECTING: 7,
    S.FINALISATION: 8,
    S.FINALISED: 9,
    S.AWAITING_APPROVAL: 10,
    S.SIGNED: 11,
    S.NUMBERED: 12,
    S.DUPLICATED: 13,
}

ROLE_LABELS = dict(Role.choices)


@dataclass
class RecordRow:
    record: StepRecord
    elapsed: int
    due_at: dt.datetime
    overdue: bool
    open: bool


@dataclass
class StepRow:
    step: Step
    status: str  # done | current | pending
    roles: list[str]
    records: list[RecordRow] = field(default_factory=list)
    revisions: list[RevisionRequest] = field(default_factory=list)

    @property
    def overdue(self) -> bool:
        return any(r.overdue for r in self.records)

    @property
    def elapsed(self) -> int:
        return sum(r.elapsed for r in self.records)


@dataclass
class SubmissionRow:
    submission: Submission
    transitions: list
    last_revision: RevisionRequest | None
    # The unit's page, filled in by the page layer where this person may open it.
    url: str = ""


def step_timeline(report: Report, *, now: dt.datetime | None = None) -> list[StepRow]:
    now = now or timezone.now()
    steps = list(Step.objects.filter(office_id=report.office_id).order_by("number"))
    records = list(
        report.step_records.select_related("step", "actor", "submission__unit").order_by(
            "started_at", "id"
        )
    )
    revisions = list(
        report.revisions.select_related("created_by", "submission__unit").prefetch_related(
            "items__row", "items__chapter"
        )
    )
    tz = timezone.get_default_timezone()
    first = timezone.localtime(min((r.started_at for r in records), default=now), tz).date()
    calendar = office_calendar(
        report.office, first, timezone.localtime(now, tz).date() + dt.timedelta(days=366)
    )
    open_numbers = {r.step.number for r in records if r.finished_at is None}
    current = set(open_numbers)
    if report.state in STATE_STEP:
        current.add(STATE_STEP[report.state])
    furthest = max(current, default=14)
    rows = []
    for step in steps:
        if step.number in current:
            status = "current"
        elif step.number < furthest or report.is_closed:
            status = "done"
        else:
            status = "pending"
        row = StepRow(
            step=step,
            status=status,
            roles=[str(ROLE_LABELS.get(r, r)) for r in step.actor_roles],
            revisions=[v for v in revisions if v.step_number == step.number],
        )
        for record in (r for r in records if r.step_id == step.pk):
            is_open = record.finished_at is None
            elapsed = (
                calendar.minutes_between(record.started_at, now)
                if is_open
                else (record.elapsed_minutes or 0)
            )
            row.records.append(
                RecordRow(
                    record=record,
                    elapsed=elapsed,
                    due_at=calendar.deadline(record.started_at, record.standard_minutes),
                    overdue=elapsed > record.standard_minutes,
                    open=is_open,
                )
            )
        rows.append(row)
    return rows


def submission_rows(report: Report, user) -> list[SubmissionRow]:
    subs = list(report.submissions.select_related("unit").order_by("unit__order"))
    last = {}
    for rev in report.revisions.filter(submission__isnull=False).order_by("created_at"):
        last[rev.submission_id] = rev
    rows = []
    for sub in subs:
        sub.report = report
        rows.append(SubmissionRow(sub, available_transitions(sub, user), last.get(sub.pk)))
    return rows


def report_page(report: Report, user) -> dict:
    """Everything the report page shows, for this user."""
    return {
        "steps": step_timeline(report),
        "submissions": submission_rows(report, user),
        "transitions": available_transitions(report, user),
        "blocked": blocked_transitions(report, user),
        "history": history(report),
        "edits": edit_groups(report),
        "letters": list(report.letter_numbers.all()),
    }
