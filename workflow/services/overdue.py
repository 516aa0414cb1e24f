"""Overdue steps: open step records whose working minutes since they started exceed the
step's standard minutes. Each is mailed to its actors once (`overdue_notified_at`)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from workflow.models import ReportState, StepRecord
from workflow.services.notifications import notify_overdue
from workflow.services.timing import office_working_minutes


def overdue_records(now: dt.datetime | None = None) -> list[StepRecord]:
    """Open, not yet notified step records that are past their standard minutes."""
    now = now or timezone.now()
    candidates = (
        StepRecord.objects.filter(finished_at__isnull=True, overdue_notified_at__isnull=True)
        .exclude(report__state=ReportState.DISPATCHED)
        .select_related("step", "report__office", "report__year", "submission__unit")
        .order_by("started_at", "id")
    )
    return [
        r
        for r in candidates
        if office_working_minutes(r.report.office, r.started_at, now) > r.standard_minutes
    ]


def notify_overdue_steps(now: dt.datetime | None = None) -> int:
    """Mail the actors of every newly overdue step once. Safe to run again and in parallel:
    a record is claimed by a conditional update before its mail is scheduled."""
    now = now or timezone.now()
    sent = 0
    for record in overdue_records(now):
        with transaction.atomic():
            claimed = StepRecord.objects.filter(
                pk=record.pk, finished_at__isnull=True, overdue_notified_at__isnull=True
            ).update(overdue_notified_at=now)
            if claimed:
                sent += 1
                transaction.on_commit(lambda r=record: notify_overdue(r))
    return sent
