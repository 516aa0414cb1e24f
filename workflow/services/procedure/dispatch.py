"""Steps 11–13: the numbered cover letter, the copies, the dispatch that closes the report."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from sakip.models import Person
from workflow.models import CopyRecord, Dispatch, LetterKind, Report
from workflow.services import records
from workflow.services.core import run_transition
from workflow.services.letters import letter_number_allocate


def report_number_letter(*, report: Report, person: Person, date: dt.date | None = None) -> Report:
    """Step 11: the cover letter takes the next number of the office's register."""

    def before(report, _t):
        letter_number_allocate(
            office=report.office,
            person=person,
            report=report,
            date=date,
            kind=LetterKind.SURAT_PENGANTAR,
            purpose=_("Surat pengantar LAKIP Tahun %(year)s") % {"year": report.year.year},
        )

    return run_transition(
        report,
        "number_letter",
        person=person,
        before=before,
        after=lambda r, _t: records.start_step(r, 12),
    )


def report_duplicate(
    *, report: Report, person: Person, count: int, recipients: str, made_at
) -> Report:
    """Step 12: the copies made and for whom."""

    def before(report, _t):
        CopyRecord.objects.create(
            report=report, count=count, recipients=recipients, made_at=made_at
        )

    return run_transition(
        report,
        "duplicate",
        person=person,
        before=before,
        after=lambda r, _t: records.start_step(r, 13),
    )


def report_dispatch(*, report: Report, person: Person, dispatch: dict) -> Report:
    """Step 13: the LAKIP is sent; the report is closed and read-only."""

    def before(report, _t):
        Dispatch.objects.create(report=report, **dispatch)

    return run_transition(report, "dispatch", person=person, before=before)
