"""The office's data version (sakip/versions.py) moves on every change its pages show: the
key of what the pages keep in the shared cache."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sakip.models import Holiday, Office, Target
from tests.procedure import Procedure, head_of
from workflow.models import ReportState, Step
from workflow.services.rows import row_update


def _version(office) -> int:
    return Office.objects.get(pk=office.pk).data_version


def test_master_data_moves_the_version_of_its_office_only(mungka, harau):
    before, other = _version(mungka), _version(harau)
    step = Step.objects.get(office=mungka, number=9)
    step.minutes = 15
    step.save()
    assert _version(mungka) == before + 1
    target = Target.objects.filter(year__office=mungka).first()
    target.tw1 = Decimal(1)
    target.save()
    assert _version(mungka) == before + 2
    assert _version(harau) == other


def test_a_national_holiday_moves_every_office(mungka, harau):
    before = (_version(mungka), _version(harau))
    Holiday.objects.create(date=dt.date(2026, 12, 25), name="Hari Raya Natal")
    assert (_version(mungka), _version(harau)) == (before[0] + 1, before[1] + 1)


def test_transitions_move_it_and_a_unit_filling_its_rows_does_not(mungka):
    """A unit's rows count on the office's pages once it sends them (the transition moves
    the version); its edits before that move only the report's own version, so a Kasi
    filling rows does not empty the dashboard's cache for the whole office."""
    procedure = Procedure()
    report = procedure.to(ReportState.COLLECTING)
    before = _version(mungka)
    submission = report.submissions.first()
    row = submission.rows.first()
    report_version = report.data_version
    row_update(row=row, person=head_of(submission), values={"keterangan": "x"}, version=row.version)
    assert _version(mungka) == before
    assert type(report).objects.get(pk=report.pk).data_version > report_version
    procedure.submit(submission)
    assert _version(mungka) > before


def test_a_quarter_opened_and_its_meeting_move_it(quarters):
    import datetime as dt

    from workflow.services.measurement import meeting_record

    office = quarters.sekcam.office
    before = type(office).objects.get(pk=office.pk).data_version
    report = quarters.open(1)
    opened = type(office).objects.get(pk=office.pk).data_version
    assert opened > before
    meeting_record(
        report=report,
        person=quarters.sekcam,
        data={"date": dt.date(2025, 4, 10)},
        invitees=[quarters.sekcam],
        attendees=[quarters.sekcam],
    )
    assert type(office).objects.get(pk=office.pk).data_version > opened
