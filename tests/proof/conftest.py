"""A Mungka 2025 report brought to the wanted step through the real services, with rows
filled and evidence attached the way the entry pages do it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sakip.models import Person, TargetKind, Year
from workflow.models import Report, Submission
from workflow.services import procedure as svc
from workflow.services.rows import evidence_add, row_update

DATA = Path(__file__).resolve().parents[1] / "data" / "proof"
TODAY = dt.date(2026, 1, 12)


def person(username: str) -> Person:
    return Person.objects.select_related("user", "office", "unit").get(user__username=username)


def pdf_upload(name: str = "bukti.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (DATA / "minimal.pdf").read_bytes(), "application/pdf")


def head_of(submission: Submission) -> Person:
    return Person.objects.select_related("user").get(unit=submission.unit, heads_unit=True)


def start_collecting(office_name: str = "Mungka", year: int = 2025) -> Report:
    camat = Person.objects.get(office__name=office_name, role="camat")
    sekcam = Person.objects.get(office__name=office_name, role="sekcam")
    y = Year.objects.get(office__name=office_name, year=year)
    report = svc.report_create(person=camat, year=y, nota=svc.nota_dinas_defaults(camat, y))
    return svc.report_distribute(
        report=report,
        person=sekcam,
        meeting={"date": TODAY, "place": "Aula Kantor Camat"},
        attendees=[sekcam],
    )


def fill(submission: Submission, *, evidence: bool = True) -> None:
    """Fill every row of the unit through the entry services, as its head."""
    head = head_of(submission)
    for row in submission.rows.select_related("indikator", "target"):
        if row.indikator.target_kind == TargetKind.TEXT:
            values = {"realisasi_text": "Terlaksana"}
        else:
            values = {"realisasi": (row.target.value or Decimal(10)) * Decimal("0.9")}
        values["sumber_data"] = row.sumber_data or "Laporan seksi"
        row_update(row=row, person=head, values=values, version=row.version)
        if evidence and not row.evidence.exists():
            evidence_add(row=row, person=head, upload=pdf_upload())


def submit_all(report: Report) -> None:
    for sub in report.submissions.all():
        fill(sub)
        svc.submission_submit(submission=sub, person=head_of(sub))


def to_evaluation(report: Report) -> Report:
    submit_all(report)
    return svc.report_collect(report=report, person=person("jf"))


@pytest.fixture
def collecting(demo) -> Report:
    return start_collecting()


@pytest.fixture
def submission(collecting, kasi):
    """Seksi Pemerintahan's part of the collecting report."""
    return collecting.submissions.get(unit=kasi.person.unit)


@pytest.fixture
def text_row(submission):
    """A row of that unit with a numeric target (named for the text typed into it)."""
    return submission.rows.exclude(indikator__target_kind=TargetKind.TEXT).first()
