"""Working minutes against Mutu Baku on a frozen clock, due times, and the overdue mail."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command

from sakip.models import Holiday
from workflow.models import StepRecord
from workflow.services.timing import office_working_minutes, working_deadline, working_minutes

WIB = ZoneInfo("Asia/Jakarta")
FRIDAY_3PM = dt.datetime(2026, 1, 9, 15, 0, tzinfo=WIB)
MONDAY_9AM = dt.datetime(2026, 1, 12, 9, 0, tzinfo=WIB)


class Clock:
    def __init__(self, monkeypatch, at: dt.datetime) -> None:
        self.at = at
        monkeypatch.setattr("django.utils.timezone.now", lambda: self.at)


def test_a_weekend_does_not_count():
    # Friday 15:00–16:00 and Monday 07:30–09:00.
    assert working_minutes(FRIDAY_3PM, MONDAY_9AM) == 60 + 90


def test_a_holiday_does_not_count(mungka):
    Holiday.objects.create(office=None, date=dt.date(2026, 1, 12), name="Cuti bersama")
    assert office_working_minutes(mungka, FRIDAY_3PM, MONDAY_9AM) == 60
    tuesday = dt.datetime(2026, 1, 13, 9, 0, tzinfo=WIB)
    assert office_working_minutes(mungka, FRIDAY_3PM, tuesday) == 60 + 90


def test_the_deadline_skips_the_weekend_and_holidays(mungka):
    start = dt.datetime(2026, 1, 9, 15, 30, tzinfo=WIB)
    assert working_deadline(mungka, start, 120) == MONDAY_9AM
    Holiday.objects.create(office=mungka, date=dt.date(2026, 1, 12), name="Libur daerah")
    assert working_deadline(mungka, start, 120) == dt.datetime(2026, 1, 13, 9, 0, tzinfo=WIB)


def test_a_deadline_outside_working_hours_starts_at_the_next_opening(mungka):
    saturday = dt.datetime(2026, 1, 10, 10, 0, tzinfo=WIB)
    assert working_deadline(mungka, saturday, 60) == dt.datetime(2026, 1, 12, 8, 30, tzinfo=WIB)


def test_a_step_over_the_weekend_is_timed_in_working_minutes(procedure, monkeypatch):
    clock = Clock(monkeypatch, FRIDAY_3PM)
    report = procedure.create()
    clock.at = dt.datetime(2026, 1, 12, 8, 30, tzinfo=WIB)
    procedure.distribute()
    record = StepRecord.objects.get(report=report, step__number=2)
    assert record.elapsed_minutes == 60 + 60
    assert record.standard_minutes == 60
    assert record.is_overdue
    assert record.actor.user.username == "sekcam"


def test_check_overdue_mails_each_overdue_step_once(
    procedure, sekcam, monkeypatch, django_capture_on_commit_callbacks
):
    clock = Clock(monkeypatch, FRIDAY_3PM)
    report = procedure.create()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        clock.at = dt.datetime(2026, 1, 9, 15, 45, tzinfo=WIB)
        call_command("check_overdue", verbosity=0)
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        clock.at = dt.datetime(2026, 1, 12, 8, 0, tzinfo=WIB)
        call_command("check_overdue", verbosity=0)
    assert [m.to for m in mail.outbox] == [[sekcam.email]]
    assert "Terlambat" in mail.outbox[0].subject
    assert f"/laporan/{report.pk}/" in mail.outbox[0].body
    record = StepRecord.objects.get(report=report, step__number=2)
    assert record.overdue_notified_at == clock.at

    with django_capture_on_commit_callbacks(execute=True):
        clock.at = dt.datetime(2026, 1, 13, 8, 0, tzinfo=WIB)
        call_command("check_overdue", verbosity=0)
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("minutes,expected", [(0, FRIDAY_3PM), (60, FRIDAY_3PM.replace(hour=16))])
def test_the_deadline_ends_inside_the_day_when_it_fits(mungka, minutes, expected):
    assert working_deadline(mungka, FRIDAY_3PM, minutes) == expected
