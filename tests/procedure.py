"""The one helper that drives the procedure in tests: a report of a demo office walked
through the real step services, the way people do it in the pages (rows filled by the
unit's head through the entry service, evidence uploaded through the evidence service).

    procedure = Procedure()              # Mungka 2025
    report = procedure.to(S.EVALUATING)  # every unit filled and sent, compiled

The fixtures `procedure` and `report_at(state)` (tests/conftest.py) build one per test."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from sakip.models import Person, Role, TargetKind, Year
from workflow.models import Report, ReportState, Submission, SubmissionState
from workflow.services import procedure as svc
from workflow.services.rows import evidence_add, row_update

S, SS = ReportState, SubmissionState
PROOF_DATA = Path(__file__).resolve().parent / "data" / "proof"

# Chapters as a drafter writes them (short, but real sentences for the documents' tests).
CHAPTER_TEXT = {
    "kata_pengantar": "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa.\n\n"
    "Laporan Kinerja ini disusun sebagai wujud pertanggungjawaban kinerja Kecamatan.",
    "ikhtisar": "Secara umum sasaran strategis Kecamatan tercapai dengan baik.",
    "bab1": "Kecamatan merupakan perangkat daerah yang dipimpin oleh Camat.\n\n"
    "Tugas pokok dan fungsi Kecamatan diatur dalam Peraturan Bupati Nomor 72 Tahun 2016.",
    "bab2": "Perencanaan kinerja mengacu pada Renstra dan Perjanjian Kinerja.",
    "bab3_analisis": "Capaian kinerja diukur dengan membandingkan target dan realisasi.",
    "bab3_efisiensi": "Penggunaan sumber daya telah efisien.",
    "bab3_program": "Program pendukung dilaksanakan sesuai DPA.",
    "bab4": "Demikian Laporan Kinerja ini disusun.",
}


def person(username: str) -> Person:
    return Person.objects.select_related("user", "office", "unit").get(user__username=username)


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def head_of(submission: Submission) -> Person:
    """The Kasi/Kasubag heading the submission's unit."""
    return Person.objects.select_related("user").get(
        unit_id=submission.unit_id, heads_unit=True, role=Role.KASI
    )


def pdf_upload(name: str = "bukti.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (PROOF_DATA / "minimal.pdf").read_bytes(), "application/pdf")


def fill(
    submission: Submission, *, evidence: bool = True, not_started: tuple[int, ...] = ()
) -> None:
    """Fill every row of the unit as its head, through the entry services: 90 % of the
    target (or a sentence for a text target), a sumber data and one evidence file. Rows whose
    number is in `not_started` are marked "kegiatan belum berjalan" with a reason."""
    head = head_of(submission)
    for row in submission.rows.select_related("indikator", "target").order_by("number"):
        if row.number in not_started:
            values = {
                "belum_berjalan": True,
                "belum_berjalan_reason": "Kegiatan dijadwalkan pada triwulan berikutnya.",
            }
        elif row.indikator.target_kind == TargetKind.TEXT:
            values = {"realisasi_text": "Tercapai sesuai rencana"}
        else:
            values = {"realisasi": (row.target.value or Decimal(10)) * Decimal("0.9")}
        values["sumber_data"] = row.sumber_data or "Laporan seksi"
        values["keterangan"] = row.keterangan or "-"
        row_update(row=row, person=head, values=values, version=row.version)
        if evidence and not row.evidence.exists():
            evidence_add(row=row, person=head, upload=pdf_upload())


class Procedure:
    """One report of a demo office walked through the services, step by step."""

    def __init__(
        self, office_name: str = "Mungka", year: int = 2025, *, not_started: tuple[int, ...] = ()
    ) -> None:
        people = Person.objects.filter(office__name=office_name).select_related("user", "office")
        self.camat = people.get(role=Role.CAMAT)
        self.sekcam = people.get(role=Role.SEKCAM)
        self.jf = people.filter(role=Role.JF).order_by("-heads_unit", "pk").first()
        self.office = self.camat.office
        self.year = Year.objects.get(office=self.office, year=year)
        self.not_started = not_started
        self.report: Report | None = None

    @property
    def submissions(self) -> list[Submission]:
        return list(self.report.submissions.select_related("unit").order_by("unit__order"))

    def refresh(self) -> Report:
        self.report = fresh(self.report)
        return self.report

    def on(self, month: int, day: int) -> dt.date:
        """A date in the January–February after the report's year."""
        return dt.date(self.year.year + 1, month, day)

    # ---- Steps 1–5 --------------------------------------------------------------------

    def create(self) -> Report:
        nota = svc.nota_dinas_defaults(self.camat, self.year)
        self.report = svc.report_create(person=self.camat, year=self.year, nota=nota)
        return self.report

    def distribute(self) -> None:
        attendees = list(Person.objects.filter(office=self.office, role__in=[Role.KASI, Role.JF]))
        svc.report_distribute(
            report=self.refresh(),
            person=self.sekcam,
            meeting={"date": self.on(1, 12), "place": "Aula Kantor Camat"},
            attendees=attendees,
        )

    def fill(self, submission: Submission, **kwargs) -> None:
        fill(submission, not_started=self.not_started, **kwargs)

    def submit(self, submission: Submission) -> Submission:
        self.fill(submission)
        return svc.submission_submit(submission=fresh(submission), person=head_of(submission))

    def submit_all(self) -> None:
        for sub in self.submissions:
            if sub.state in (SS.PENDING, SS.RETURNED):
                self.submit(sub)

    def collect(self) -> None:
        svc.report_collect(report=self.refresh(), person=self.jf)

    def accept_all(self) -> None:
        for sub in self.submissions:
            if sub.state == SS.SUBMITTED:
                svc.submission_accept(submission=sub, person=self.sekcam)

    def finish_evaluation(self) -> None:
        svc.report_finish_evaluation(report=self.refresh(), person=self.sekcam)

    # ---- Steps 6–10 -------------------------------------------------------------------

    def write_chapters(self) -> None:
        for chapter in self.refresh().chapters.all():
            svc.chapter_update(
                chapter=chapter,
                person=self.jf,
                body=CHAPTER_TEXT.get(chapter.key, f"Isi {chapter.title}."),
                version=chapter.version,
            )

    def submit_draft(self) -> None:
        self.write_chapters()
        svc.draft_submit(report=self.refresh(), person=self.jf)

    def accept_draft(self) -> None:
        svc.draft_accept(report=self.refresh(), person=self.sekcam)

    def finalise(self) -> None:
        attendees = list(Person.objects.filter(office=self.office).exclude(role=Role.ADMIN))
        meeting = {
            "date": self.on(2, 10),
            "place": "Aula Kantor Camat",
            "agenda": "Finalisasi LAKIP",
            "decisions": "Draf LAKIP disetujui untuk ditandatangani.",
            "chaired_by": self.camat,
            "other_attendees": "Wali Nagari Mungka; Wali Nagari",
        }
        svc.report_finalise(
            report=self.refresh(), person=self.sekcam, meeting=meeting, attendees=attendees
        )

    def send_for_approval(self) -> None:
        svc.report_send_for_approval(report=self.refresh(), person=self.sekcam)

    def sign(self) -> None:
        svc.report_sign(report=self.refresh(), person=self.camat)

    # ---- Steps 11–13 ------------------------------------------------------------------

    def number_letter(self) -> None:
        svc.report_number_letter(report=self.refresh(), person=self.jf, date=self.on(1, 20))

    def duplicate(self) -> None:
        svc.report_duplicate(
            report=self.refresh(),
            person=self.jf,
            count=5,
            recipients="Bupati\nInspektorat",
            made_at=self.on(1, 21),
        )

    def dispatch(self) -> None:
        svc.report_dispatch(
            report=self.refresh(),
            person=self.jf,
            dispatch={
                "recipient": "Bupati Lima Puluh Kota",
                "date": self.on(1, 22),
                "method": "Diantar langsung",
                "receipt_reference": "TT-01",
            },
        )

    # What takes the report from the previous state to each state.
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

    def to(self, state: str, *, chapters: bool = False) -> Report:
        """Create the report if needed and take it to `state`; `chapters=True` also writes
        the draft's chapters (a draft ready to submit at step 6)."""
        if self.report is None:
            self.create()
        order = [S.ORDERED, *self.STEPS]
        for next_state in order[order.index(self.refresh().state) + 1 : order.index(state) + 1]:
            names = self.STEPS[next_state]
            for name in (names,) if isinstance(names, str) else names:
                getattr(self, name)()
        if chapters:
            self.write_chapters()
        return self.refresh()


def start_collecting(office_name: str = "Mungka", year: int = 2025) -> Report:
    """The office's report at step 3, every unit's rows still empty."""
    return Procedure(office_name, year).to(S.COLLECTING)


def to_evaluation(report: Report) -> Report:
    """Fill and send every unit's rows of a collecting report, then compile them (step 4)."""
    procedure = Procedure(report.office.name, report.year.year)
    procedure.report = report
    return procedure.to(S.EVALUATING)


# A day after every quarter of 2025 has ended.
AFTER_2025 = dt.date(2026, 1, 10)


class Quarters:
    """Mungka's 2025 quarters (TW I–IV), walked through the real services: the demo's 2025
    PK is signed and its targets carry TW I–IV. The demo has measured those quarters already
    (demo/measurement.py); they are set aside so the test measures them afresh.

        quarters.open(1)       # the Sekcam opens TW I
        quarters.measured(2)   # TW II opened, every unit filled, sent and accepted: closed
    """

    def __init__(self) -> None:
        self.sekcam = person("sekcam")
        self.year = Year.objects.get(office=self.sekcam.office, year=2025)
        # The demo's own 2025 quarters (with their rows, meetings and follow-ups) go; the
        # test's transaction brings them back.
        Report.objects.filter(year=self.year, period__gt=0).delete()

    def open(self, quarter: int, today: dt.date = AFTER_2025) -> Report:
        from workflow.services.measurement import measurement_open

        return measurement_open(person=self.sekcam, year=self.year, quarter=quarter, today=today)

    def measured(self, quarter: int, *, not_started=()) -> Report:
        report = self.open(quarter)
        for sub in report.submissions.all():
            fill(sub, not_started=not_started)
            svc.submission_submit(submission=sub, person=head_of(sub))
        for sub in report.submissions.all():
            svc.submission_accept(submission=sub, person=self.sekcam)
        return Report.objects.get(pk=report.pk)
