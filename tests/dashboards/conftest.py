"""Data the dashboard tests add on top of the demo: a running 2025 report, extra
indicators and extra offices (for the query-count tests)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from sakip.models import (
    Indikator,
    Kabupaten,
    Office,
    Person,
    PlanRow,
    SasaranStrategis,
    Target,
    Unit,
    Year,
)
from tests.procedure import start_collecting
from workflow.models import Report, Step, StepRecord, Submission, SubmissionState


@pytest.fixture
def running_report(mungka):
    return start_collecting(mungka.name)


def add_indicators(office: Office, year: int, count: int) -> None:
    """`count` more indicators under a new sasaran, with targets and filled rows in the
    year's existing report."""
    report = Report.objects.get(office=office, year__year=year)
    submission = report.submissions.select_related("unit").first()
    sasaran = SasaranStrategis.objects.create(
        office=office, name=f"Sasaran tambahan {count}", order=90
    )
    last = PlanRow.objects.filter(submission__report=report).order_by("-number").first().number
    for i in range(count):
        indikator = Indikator.objects.create(
            office=office,
            sasaran=sasaran,
            name=f"Indikator tambahan {i}",
            satuan="%",
            target_kind="percent",
            unit=submission.unit,
            order=i,
        )
        target = Target.objects.create(indikator=indikator, year=report.year, value=Decimal(80))
        PlanRow.objects.create(
            submission=submission,
            indikator=indikator,
            target=target,
            unit=submission.unit,
            number=last + i + 1,
            realisasi=Decimal(60 + i),
            sumber_data="Uji",
        )


def make_office(kabupaten: Kabupaten, name: str, *, realisasi: Decimal = Decimal(45)) -> Office:
    """An office with one sasaran, two indicators, a 2024 report (as created by step 1, not
    advanced) with one sent submission of filled rows, an open step record, its Camat and
    the unit's Kasi."""
    office = Office.objects.create(kabupaten=kabupaten, name=name, letter_code="X")
    unit = Unit.objects.create(office=office, name="Seksi Uji", kind="seksi", supplies_data=True)
    users = get_user_model().objects
    camat = Person.objects.create(
        user=users.create_user(f"camat-{name.lower()}", password="x"),
        office=office,
        full_name=f"Camat {name}",
        role="camat",
    )
    Person.objects.create(
        user=users.create_user(f"kasi-{name.lower()}", password="x"),
        office=office,
        unit=unit,
        heads_unit=True,
        full_name=f"Kasi {name}",
        role="kasi",
    )
    step = Step.objects.get(office=office, number=3)  # every new office has the SOP's steps
    year = Year.objects.create(office=office, year=2024)
    sasaran = SasaranStrategis.objects.create(office=office, name=f"Sasaran {name}")
    report = Report.objects.create(office=office, year=year, created_by=camat)
    # Imported as already sent, like the demo's closed years: the rows then count.
    submission = Submission.objects.create(
        report=report, unit=unit, state=SubmissionState.SUBMITTED
    )
    for i in range(2):
        indikator = Indikator.objects.create(
            office=office, sasaran=sasaran, name=f"Indikator {name} {i}", unit=unit
        )
        target = Target.objects.create(indikator=indikator, year=year, value=Decimal(90))
        PlanRow.objects.create(
            submission=submission,
            indikator=indikator,
            target=target,
            unit=unit,
            number=i + 1,
            realisasi=realisasi,
        )
    StepRecord.objects.create(
        report=report,
        step=step,
        submission=submission,
        started_at=dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC),
        standard_minutes=120,
    )
    return office
