"""A Mungka 2025 report brought to step 3 through the real services."""

from __future__ import annotations

import datetime as dt

import pytest

from sakip.models import Person, Year
from workflow.services.procedure import nota_dinas_defaults, report_create, report_distribute


def start_collecting(office):
    camat = Person.objects.get(office=office, role="camat")
    sekcam = Person.objects.get(office=office, role="sekcam")
    year = Year.objects.get(office=office, year=2025)
    report = report_create(person=camat, year=year, nota=nota_dinas_defaults(camat, year))
    return report_distribute(
        report=report,
        person=sekcam,
        meeting={"date": dt.date(2026, 1, 12), "place": "Aula Kantor Camat"},
        attendees=Person.objects.filter(office=office, role__in=["kasi", "sekcam"]),
    )


@pytest.fixture
def report(mungka):
    return start_collecting(mungka)


@pytest.fixture
def submission(report, kasi):
    return report.submissions.get(unit=kasi.person.unit)


@pytest.fixture
def other_submission(report, other_kasi):
    return report.submissions.get(unit=other_kasi.person.unit)


def row_url(row, suffix: str = "") -> str:
    sub = row.submission
    return f"/laporan/{sub.report_id}/isian/{sub.pk}/baris/{row.pk}/{suffix}"


def sub_url(submission, suffix: str = "") -> str:
    return f"/laporan/{submission.report_id}/isian/{submission.pk}/{suffix}"
