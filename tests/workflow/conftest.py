"""Builders that take a fresh 2025 report of Kecamatan Mungka through the real step
services to a given state (`report_at(state)`), a stand-in for the final's signing where the
documents module is absent or too slow for a test, and the PostgreSQL-only selection."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.db import connection

from sakip.models import Evidence, Person, PlanRow, TargetKind, Year
from workflow import hooks
from workflow.models import Report, ReportState, Submission
from workflow.services import procedure as svc

S = ReportState

# The report states in the order the procedure reaches them.
ORDER = [
    S.ORDERED,
    S.COLLECTING,
    S.EVALUATING,
    S.DRAFTING,
    S.CORRECTING,
    S.FINALISATION,
    S.FINALISED,
    S.AWAITING_APPROVAL,
    S.SIGNED,
    S.NUMBERED,
    S.DUPLICATED,
    S.DISPATCHED,
]


def person(username: str) -> Person:
    return Person.objects.select_related("user", "office", "unit").get(user__username=username)


def unit_head(submission: Submission) -> Person:
    return Person.objects.select_related("user").get(
        office_id=submission.report.office_id,
        unit_id=submission.unit_id,
        heads_unit=True,
        role="kasi",
    )


def fill(submission: Submission, by: Person | None = None) -> None:
    """Fill every row of a unit's submission so that it may be submitted."""
    for row in PlanRow.objects.filter(submission=submission).select_related("indikator", "target"):
        if row.indikator.target_kind == TargetKind.TEXT:
            row.realisasi_text = "Tercapai sesuai rencana"
        else:
            row.realisasi = (row.target.value or Decimal(1)) * Decimal("0.9")
        row.sumber_data = row.sumber_data or "Laporan seksi"
        row.save()
        if not row.evidence.exists():
            content = b"%PDF-1.4 bukti"
            Evidence.objects.create(
                row=row,
                file=ContentFile(content, name="bukti.pdf"),
                original_name="bukti.pdf",
                content_type="application/pdf",
                size=len(content),
                sha256=hashlib.sha256(content).hexdigest(),
                uploaded_by=by,
            )


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


MEETING = {"date": dt.date(2026, 1, 12), "start_time": dt.time(9, 0), "place": "Aula Kantor"}


class Procedure:
    """One report of Mungka walked through the services, step by step."""

    def __init__(self, year: int = 2025) -> None:
        self.camat = person("camat")
        self.sekcam = person("sekcam")
        self.jf = person("jf")
        self.office = self.camat.office
        self.year = Year.objects.get(office=self.office, year=year)
        self.report: Report | None = None

    @property
    def submissions(self) -> list[Submission]:
        return list(self.report.submissions.select_related("unit").order_by("unit__order"))

    def refresh(self) -> Report:
        self.report = fresh(self.report)
        return self.report

    def create(self) -> Report:
        nota = svc.nota_dinas_defaults(self.camat, self.year)
        self.report = svc.report_create(person=self.camat, year=self.year, nota=nota)
        return self.report

    def distribute(self) -> None:
        attendees = list(Person.objects.filter(office=self.office, role__in=["kasi", "jf"]))
        svc.report_distribute(
            report=self.report, person=self.sekcam, meeting=MEETING, attendees=attendees
        )

    def submit(self, submission: Submission) -> Submission:
        head = unit_head(submission)
        fill(submission, head)
        return svc.submission_submit(submission=fresh(submission), person=head)

    def submit_all(self) -> None:
        for sub in self.submissions:
            if sub.state in ("belum_dikirim", "dikembalikan"):
                self.submit(sub)

    def collect(self) -> None:
        svc.report_collect(report=self.refresh(), person=self.jf)

    def accept_all(self) -> None:
        for sub in self.submissions:
            if sub.state == "dikirim":
                svc.submission_accept(submission=sub, person=self.sekcam)

    def finish_evaluation(self) -> None:
        svc.report_finish_evaluation(report=self.refresh(), person=self.sekcam)

    def write_chapters(self) -> None:
        for chapter in self.report.chapters.all():
            svc.chapter_update(
                chapter=chapter,
                person=self.jf,
                body=f"Isi {chapter.title}.",
                version=chapter.version,
            )

    def submit_draft(self) -> None:
        self.write_chapters()
        svc.draft_submit(report=self.refresh(), person=self.jf)

    def accept_draft(self) -> None:
        svc.draft_accept(report=self.refresh(), person=self.sekcam)

    def finalise(self) -> None:
        attendees = list(Person.objects.filter(office=self.office).exclude(role="admin"))
        meeting = {**MEETING, "decisions": "LAKIP disetujui untuk ditandatangani."}
        svc.report_finalise(
            report=self.refresh(), person=self.sekcam, meeting=meeting, attendees=attendees
        )

    def send_for_approval(self) -> None:
        svc.report_send_for_approval(report=self.refresh(), person=self.sekcam)

    def sign(self) -> None:
        svc.report_sign(report=self.refresh(), person=self.camat)

    def number_letter(self) -> None:
        svc.report_number_letter(report=self.refresh(), person=self.jf, date=dt.date(2026, 1, 20))

    def duplicate(self) -> None:
        svc.report_duplicate(
            report=self.refresh(),
            person=self.jf,
            count=5,
            recipients="Bupati\nInspektorat",
            made_at=dt.date(2026, 1, 21),
        )

    def dispatch(self) -> None:
        svc.report_dispatch(
            report=self.refresh(),
            person=self.jf,
            dispatch={
                "recipient": "Bupati Lima Puluh Kota",
                "date": dt.date(2026, 1, 22),
                "method": "Diantar langsung",
                "receipt_reference": "TT-01",
            },
        )

    STEPS = {
        S.COLLECTING: "distribute",
        S.EVALUATING: ("submit_all", "collect"),
        S.DRAFTING: ("accept_all", "finish_evaluation"),
        S.CORRECTING: "submit_draft",
        S.FINALISATION: "accept_draft",
        S.FINALISED: "finalise",
        S.AWAITING_APPROVAL: "send_for_approval",
        S.SIGNED: "sign",
        S.NUMBERED: "number_letter",
        S.DUPLICATED: "duplicate",
        S.DISPATCHED: "dispatch",
    }

    def to(self, state: str) -> Report:
        if self.report is None:
            self.create()
        for next_state in ORDER[ORDER.index(self.refresh().state) + 1 : ORDER.index(state) + 1]:
            names = self.STEPS[next_state]
            for name in (names,) if isinstance(names, str) else names:
                getattr(self, name)()
        return self.refresh()


@pytest.fixture
def signed_finals(monkeypatch):
    """Replace step 10's `freeze_final` hook (the documents app renders and signs a PDF:
    slow, and tested where it lives) with a recorder. Returns the list of calls."""
    calls = []

    def sign_final(*, report, person):
        calls.append((report.pk, person.pk))

    monkeypatch.setattr(hooks.freeze_final, "_impl", sign_final)
    return calls


@pytest.fixture
def procedure(demo, signed_finals):
    return Procedure()


@pytest.fixture
def report_at(procedure):
    """`report_at(state)`: a fresh 2025 Mungka report walked through the services."""

    def build(state: str) -> Report:
        return procedure.to(state)

    return build


def is_postgres() -> bool:
    return connection.vendor == "postgresql"
