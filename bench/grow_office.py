"""The office around the grown rows, for `bench/grow.py`: the quarter's follow-ups, the
office's people at its meetings, and earlier years closed with their figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from bench import data
from sakip.models import Indikator, Person, PlanRow, Role, Target, TargetKind, Year
from workflow.models import (
    FollowUp,
    Meeting,
    Period,
    Report,
    ReportState,
    Step,
    StepRecord,
    Submission,
    SubmissionState,
)
from workflow.services.measurement import follow_up_add

FACTOR = 10


def pair(before: list[int], after: list[int]) -> tuple[str, str]:
    return " / ".join(map(str, before)), " / ".join(map(str, after))


def follow_ups(quarter: Report) -> tuple[str, str]:
    """The quarter's follow-ups ×10, and ×10 (at least nine) open ones from its earlier
    quarters, decided by the Sekcam."""
    sekcam = Person.objects.get(office=quarter.office, role=Role.SEKCAM)
    own = FollowUp.objects.filter(report=quarter)
    carried = FollowUp.objects.filter(
        report__office=quarter.office,
        report__year=quarter.year,
        report__period__lt=quarter.period,
        done_at__isnull=True,
    )
    before = [own.count(), carried.count()]
    earlier = list(
        Report.objects.filter(
            office=quarter.office, year=quarter.year, period__gt=0, period__lt=quarter.period
        ).order_by("period")
    )
    reports = [quarter] * (max(before[0], 1) * (FACTOR - 1))
    if earlier:
        reports += [earlier[i % len(earlier)] for i in range(max(before[1], 1) * (FACTOR - 1))]
    indicators = list(
        Indikator.objects.filter(targets__year=quarter.year, unit__isnull=False).order_by("pk")
    )
    for n, report in enumerate(reports):
        ind = indicators[n % len(indicators)]
        follow_up_add(
            report=report,
            person=sekcam,
            indikator=ind,
            action=f"Tindak lanjut capaian {ind.name[:60]} (ke-{n + 1})",
            unit=ind.unit,
            due_date=data.TODAY + dt.timedelta(days=7 + n % 60),
        )
    return pair(before, [own.count(), carried.count()])


def people(office, before: int, reports: list[Report | None]) -> tuple[int, int]:
    """Staff (who never sign in) up to ten times the office's people, everyone at the
    meetings of `reports` (invited too where the meeting has invitees)."""
    units = list(office.units.order_by("order"))
    have = Person.objects.filter(office=office).count()
    users = get_user_model().objects.bulk_create(
        [
            get_user_model()(username=f"bench-staf-{i}", password="!")
            for i in range(before * FACTOR - have)
        ]
    )
    Person.objects.bulk_create(
        [
            Person(
                user=user,
                office=office,
                full_name=f"Staf Pelaksana {i + 1}",
                golongan=("II/c", "III/a", "III/b")[i % 3],
                jabatan="Pengadministrasi Umum",
                unit=units[i % len(units)],
                role=Role.JF,
            )
            for i, user in enumerate(users)
        ]
    )
    everyone = list(Person.objects.filter(office=office))
    for meeting in Meeting.objects.filter(report__in=[r for r in reports if r is not None]):
        meeting.attendees.add(*everyone)
        if meeting.invitees.exists():
            meeting.invitees.add(*everyone)
    return before, len(everyone)


def past_years(office) -> tuple[int, int]:
    """Closed annual reports of the years before the office's first, ×10 of those with
    figures: the first year's targets, every unit accepted, rows filled, the 13 steps timed
    (as `demo.build` imports a past year)."""
    annual = Report.objects.filter(office=office, period=Period.ANNUAL)
    before = annual.filter(submissions__state=SubmissionState.ACCEPTED).distinct().count()
    first = Year.objects.filter(office=office).order_by("year").first()
    camat = Person.objects.get(office=office, role=Role.CAMAT)
    targets = list(Target.objects.filter(year=first).select_related("indikator").order_by("pk"))
    targets = [t for t in targets if t.indikator.unit_id]
    steps = list(Step.objects.filter(office=office).order_by("number"))
    years = Year.objects.bulk_create(
        [
            Year(office=office, year=first.year - 1 - i, bands=first.bands)
            for i in range(before * (FACTOR - 1))
        ]
    )
    reports = Report.objects.bulk_create(
        [
            Report(office=office, year=y, created_by=camat, state=ReportState.DISPATCHED)
            for y in years
        ]
    )
    now = timezone.now()
    units = sorted({t.indikator.unit_id for t in targets})
    subs = Submission.objects.bulk_create(
        [
            Submission(
                report=r,
                unit_id=u,
                state=SubmissionState.ACCEPTED,
                submitted_at=now,
                accepted_at=now,
            )
            for r in reports
            for u in units
        ]
    )
    sub_of = {(s.report_id, s.unit_id): s for s in subs}
    rows, records = [], []
    for report, year in zip(reports, years, strict=True):
        made = Target.objects.bulk_create(
            [
                Target(indikator_id=t.indikator_id, year=year, value=t.value, text=t.text)
                for t in targets
            ]
        )
        for n, (old, target) in enumerate(zip(targets, made, strict=True), start=1):
            ind = old.indikator
            value = (target.value or Decimal(100)) * Decimal(80 + (n + year.year) % 30) / 100
            text = ind.target_kind == TargetKind.TEXT
            rows.append(
                PlanRow(
                    submission=sub_of[(report.pk, ind.unit_id)],
                    indikator=ind,
                    target=target,
                    unit_id=ind.unit_id,
                    number=n,
                    realisasi=None if text else value.quantize(Decimal("0.01")),
                    realisasi_text="Terlaksana sesuai rencana" if text else "",
                    sumber_data=ind.sumber_data or "Laporan seksi",
                    version=2,
                )
            )
        start = timezone.make_aware(dt.datetime(year.year + 1, 1, 6, 8, 0))
        for step in steps:
            elapsed = step.minutes * (6 + (step.number + year.year) % 10) // 10
            records.append(
                StepRecord(
                    report=report,
                    step=step,
                    actor=camat,
                    started_at=start + dt.timedelta(days=step.number),
                    finished_at=start + dt.timedelta(days=step.number, minutes=elapsed),
                    elapsed_minutes=elapsed,
                    standard_minutes=step.minutes,
                )
            )
    PlanRow.objects.bulk_create(rows)
    StepRecord.objects.bulk_create(records)
    return before, before + len(reports)
