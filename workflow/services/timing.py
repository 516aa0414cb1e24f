"""Working minutes between two moments, on the office's working days and hours (default
Monday–Friday 07:30–16:00 WIB), skipping holidays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone


def working_minutes(
    start: dt.datetime,
    end: dt.datetime,
    *,
    work_start: dt.time = dt.time(7, 30),
    work_end: dt.time = dt.time(16, 0),
    weekdays: Iterable[int] = (0, 1, 2, 3, 4),
    holidays: Iterable[dt.date] = (),
) -> int:
    if end <= start:
        return 0
    tz = timezone.get_default_timezone()
    start, end = timezone.localtime(start, tz), timezone.localtime(end, tz)
    weekdays, holidays = set(weekdays), set(holidays)
    total = dt.timedelta()
    day = start.date()
    while day <= end.date():
        if day.weekday() in weekdays and day not in holidays:
            open_ = dt.datetime.combine(day, work_start, tzinfo=tz)
            close = dt.datetime.combine(day, work_end, tzinfo=tz)
            lo, hi = max(open_, start), min(close, end)
            if hi > lo:
                total += hi - lo
        day += dt.timedelta(days=1)
    return int(total.total_seconds() // 60)


def office_working_minutes(office, start: dt.datetime, end: dt.datetime) -> int:
    from django.db.models import Q

    from sakip.models import Holiday

    tz = timezone.get_default_timezone()
    holidays = Holiday.objects.filter(
        Q(office=office) | Q(office__isnull=True),
        date__range=(timezone.localtime(start, tz).date(), timezone.localtime(end, tz).date()),
    ).values_list("date", flat=True)
    return working_minutes(
        start,
        end,
        work_start=office.work_start,
        work_end=office.work_end,
        weekdays=office.working_weekdays,
        holidays=list(holidays),
    )
