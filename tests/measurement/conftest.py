"""Quarterly measurement: Mungka's 2025 quarters, opened by the Sekcam through the service
(the demo's 2025 PK is signed and its targets carry TW I–IV). The demo has measured those
quarters already (demo/measurement.py); `Quarters` sets them aside so each test measures
them afresh."""

from __future__ import annotations

import datetime as dt

import pytest

from sakip.models import Year
from tests.procedure import fill, head_of, person
from workflow.models import Report
from workflow.services.measurement import measurement_open
from workflow.services.procedure import submission_accept

# A day after every quarter of 2025 has ended.
AFTER_2025 = dt.date(2026, 1, 10)


class Quarters:
    """Mungka's 2025 quarters, walked through the real services."""

    def __init__(self) -> None:
        self.sekcam = person("sekcam")
        self.year = Year.objects.get(office=self.sekcam.office, year=2025)
        # The demo's own 2025 quarters (with their rows, meetings and follow-ups) go; the
        # test's transaction brings them back.
        Report.objects.filter(year=self.year, period__gt=0).delete()

    def open(self, quarter: int, today: dt.date = AFTER_2025) -> Report:
        return measurement_open(person=self.sekcam, year=self.year, quarter=quarter, today=today)

    def measured(self, quarter: int, *, not_started=()) -> Report:
        """Open TW `quarter`, fill every unit's rows and accept them all: the quarter closes."""
        report = self.open(quarter)
        for sub in report.submissions.all():
            fill(sub, not_started=not_started)
            from workflow.services.procedure import submission_submit

            submission_submit(submission=sub, person=head_of(sub))
        for sub in report.submissions.all():
            submission_accept(submission=sub, person=self.sekcam)
        return Report.objects.get(pk=report.pk)


@pytest.fixture
def quarters(demo):
    return Quarters()
