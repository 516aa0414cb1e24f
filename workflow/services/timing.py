"""Working minutes between two moments, and the moment a number of working minutes after a
start, on the office's working days and hours (default Monday–Friday 07:30–16:00 WIB),
skipping holidays. The Mutu Baku counts office time, so a step started on Friday afternoon
is not late on Saturday."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import timezone

# A deadline never lies further ahead than this (guards against a calendar with no working
# day at all, e.g. an empty `work_days`).
_MAX_DAYS = 366


@dataclass(frozen=True)
class Calendar:
    work_start: dt.time = dt.time(7, 30)
    work_end: dt.time = dt.time(16, 0)
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    holidays: frozenset[dt.date] = field(default_factory=frozenset)

    def _window(self, day: dt.date, tz) -> tuple[dt.datetime, dt.datetime] | None:
        if day.weekday() not in self.weekdays or day in self.holidays:
            return None
        return (
            dt.datetime.combine(day, self.work_start, tzinfo=tz),
            dt.datetime.combine(day, self.work_end, tzinfo=tz),
        )

    def minutes_between(self, start: dt.datetime, end: dt.datetime) -> int:
        if end <= start:
            return 0
        tz = timezone.get_default_timezone()
        start, end = timezone.localtime(start, tz), timezone.localtime(end, tz)
        total = dt.timedelta()
        day = start.date()
        while day <= end.date():
            window = self._window(day, tz)
            if window:
                lo, hi = max(window[0], start), min(window[1], end)
                if hi > lo:
                    total += hi - lo
            day += dt.timedelta(days=1)
        return int(total.total_seconds() // 60)

    def deadline(self, start: dt.datetime, minutes: int) -> dt.datetime:
        """The moment `minutes` working minutes after `start`."""
        tz = timezone.get_default_timezone()
        start = timezone.localtime(start, tz)
        left = dt.timedelta(minutes=minutes)
        day = start.date()
        for _ in range(_MAX_DAYS):
            window = self._window(day, tz)
            if window:
                lo = max(window[0], start)
                if window[1] > lo:
                    if lo + left <= window[1]:
                        return lo + left
                    left -= window[1] - lo
            day += dt.timedelta(days=1)
        return start + dt.timedelta(minutes=minutes)


def working_minutes(
    start: dt.datetime,
    end: dt.datetime,
    *,
    work_start: dt.time = dt.time(7, 30),
    work_end: dt.time = dt.time(16, 0),
    weekdays: Iterable[int] = (0, 1, 2, 3, 4),
    holidays: Iterable[dt.date] = (),
) -> int:
    return Calendar(work_start, work_end, frozenset(weekdays), frozenset(holidays)).minutes_between(
        start, end
    )


def office_calendar(office, first: dt.date, last: dt.date) -> Calendar:
    """The office's calendar with the holidays between `first` and `last` loaded."""
    from django.db.models import Q

    from sakip.models import Holiday

    holidays = Holiday.objects.filter(
        Q(office=office) | Q(office__isnull=True), date__range=(first, last)
    ).values_list("date", flat=True)
    return Calendar(
        office.work_start, office.work_end, frozenset(office.working_weekdays), frozenset(holidays)
    )


def office_working_minutes(office, start: dt.datetime, end: dt.datetime) -> int:
    tz = timezone.get_default_timezone()
    first = timezone.localtime(start, tz).date()
    last = timezone.localtime(max(start, end), tz).date()
    return office_calendar(office, first, last).minutes_between(start, end)


def working_deadline(office, start: dt.datetime, minutes: int) -> dt.datetime:
    """When a step started at `start` with `minutes` standard minutes is due."""
    tz = timezone.get_default_timezone()
    first = timezone.localtime(start, tz).date()
    # Holidays of the coming year are enough for any step of the SOP (at most 120 minutes).
    calendar = office_calendar(office, first, first + dt.timedelta(days=_MAX_DAYS))
    return calendar.deadline(start, minutes)
