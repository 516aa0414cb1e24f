"""Mungka's LAKIP 2024, run through the real services as the office ran it in January and
February 2025: the Camat's nota dinas, the format distributed, every unit's rows filled with
evidence files, one unit returned once and corrected, the first draft written by the product
and then edited into the office's own chapters, the finalisation meeting, the Camat's
signature, the numbered cover letter, the copies and the dispatch. Its signed LAKIP verifies
on the public verification page like any other.

The demo's clock (`office_clock`) is set to those working days while the services run, so
the step records, the audit trail and the documents carry the dates of the year's reporting
season instead of the moment `seed_demo` ran. Only the demo does this; the services read the
time the usual way (`django.utils.timezone.now`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from unittest import mock

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from weasyprint import HTML

from sakip.models import Indikator, Office, Person, PlanRow, Role, TargetKind, Year
from workflow.models import Report, ReportState, SubmissionState
from workflow.services import procedure as svc
from workflow.services.rows import evidence_add, row_update

S, SS = ReportState, SubmissionState
WIB = dt.timezone(dt.timedelta(hours=7))

# What a drafter writes where the product's first draft leaves a cause to the office.
DRAFTER_NOTE = re.compile(r"\[Penyusun:[^\]]*\]")
CAUSES = [
    "Capaian ini didukung koordinasi rutin dengan wali nagari dan pendampingan langsung oleh "
    "seksi yang membidangi.",
    "Kendala utama adalah keterbatasan tenaga teknis; ke depan kecamatan menjadwalkan "
    "pendampingan bertahap di setiap nagari.",
    "Pelaksanaan kegiatan berjalan sesuai jadwal dalam DPA dan dipantau dalam rapat staf bulanan.",
]
RECOMMENDATIONS = (
    "Rekomendasi untuk tahun berikutnya:\n\n"
    "1. Memperkuat pendampingan administrasi pemerintahan nagari.\n"
    "2. Mempercepat tindak lanjut pengaduan masyarakat melalui layanan daring.\n"
    "3. Menjadikan pengukuran kinerja triwulanan sebagai bahan rapat staf."
)


class OfficeClock:
    """The demo's clock: a moment on the office's calendar that the services read as now."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def at(self, day: dt.date, hour: int = 8, minute: int = 0) -> None:
        self.now = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=WIB)

    def later(self, minutes: int) -> None:
        self.now += dt.timedelta(minutes=minutes)


@contextmanager
def office_clock(start: dt.datetime) -> Iterator[OfficeClock]:
    clock = OfficeClock(start)
    with mock.patch("django.utils.timezone.now", lambda: clock.now):
        yield clock


def run_year(
    office: Office, year: Year, indikator: list[tuple[Indikator, dict]], people: dict
) -> Report | None:
    """The year's LAKIP through every step; nothing if the year already has its report."""
    if Report.objects.filter(office=office, year=year).exists():
        return None
    cast = _cast(people)
    reals = {ind.pk: values.get(year.year) for ind, values in indikator}
    season = year.year + 1
    with office_clock(dt.datetime(season, 1, 6, 8, 0, tzinfo=WIB)) as clock:
        report = _order_and_distribute(year, cast, clock)
        _collect(report, reals, cast, clock)
        _draft(report, cast, clock)
        return _close(report, cast, clock)


def _cast(people: dict) -> dict[str, Person]:
    by_role = {}
    for p in people.values():
        by_role.setdefault(p.role, []).append(p)
    jf = sorted(by_role[Role.JF], key=lambda p: (not p.heads_unit, p.pk))[0]
    return {"camat": by_role[Role.CAMAT][0], "sekcam": by_role[Role.SEKCAM][0], "jf": jf}


def _order_and_distribute(year: Year, cast: dict, clock: OfficeClock) -> Report:
    camat, sekcam = cast["camat"], cast["sekcam"]
    nota = svc.nota_dinas_defaults(camat, year)
    report = svc.report_create(person=camat, year=year, nota=nota)
    clock.at(dt.date(year.year + 1, 1, 7), 9)
    attendees = list(
        Person.objects.filter(office=report.office, role__in=[Role.SEKCAM, Role.KASI, Role.JF])
    )
    meeting = {
        "date": timezone.localdate(),
        "start_time": dt.time(9, 0),
        "place": "Aula Kantor Camat",
        "agenda": f"Penyampaian format pengumpulan data dan informasi kinerja {year.year}",
    }
    return svc.report_distribute(report=report, person=sekcam, meeting=meeting, attendees=attendees)


def evidence_pdf(heading: str, unit_name: str) -> bytes:
    """A one-page evidence file of a unit, as the demo's Kasi upload it."""
    html = (
        "<html><body style='font-family: Liberation Serif'>"
        f"<h2>{heading}</h2><p>{unit_name}</p>"
        "<p>Rekapitulasi kegiatan, daftar hadir dan dokumentasi pelaksanaan.</p>"
        "</body></html>"
    )
    return HTML(string=html).write_pdf()


def _evidence(unit_name: str, year: int) -> bytes:
    return evidence_pdf(f"Bukti dukung capaian kinerja {year}", unit_name)


def _values(row: PlanRow, real) -> dict:
    if real is None:
        return {
            "belum_berjalan": True,
            "belum_berjalan_reason": "Kegiatan dialihkan ke tahun berikutnya karena refocusing "
            "anggaran.",
        }
    if row.indikator.target_kind == TargetKind.TEXT or isinstance(real, str):
        return {"realisasi_text": str(real)}
    return {"realisasi": Decimal(str(real))}


def unit_head(submission) -> Person:
    """The Kasi/Kasubag heading the submission's unit."""
    return Person.objects.get(unit_id=submission.unit_id, heads_unit=True, role=Role.KASI)


def _collect(report: Report, reals: dict, cast: dict, clock: OfficeClock) -> None:
    """Steps 3–5: each unit fills and sends; the staff compile; the Sekcam returns one unit
    once (a row whose evidence did not show the figure), then accepts every unit."""
    day = dt.date(report.year.year + 1, 1, 8)
    submissions = list(report.submissions.select_related("unit").order_by("unit__order"))
    for n, submission in enumerate(submissions):
        clock.at(day + dt.timedelta(days=n % 3), 9 + n)
        head = unit_head(submission)
        content = _evidence(submission.unit.name, report.year.year)
        for row in submission.rows.select_related("indikator", "target").order_by("number"):
            values = {**_values(row, reals.get(row.indikator_id)), "keterangan": "-"}
            values["sumber_data"] = row.sumber_data or row.indikator.sumber_data
            row_update(row=row, person=head, values=values, version=row.version)
            if not values.get("belum_berjalan"):
                upload = SimpleUploadedFile(
                    f"bukti-{row.number}.pdf", content, content_type="application/pdf"
                )
                evidence_add(row=row, person=head, upload=upload)
            clock.later(12)
        svc.submission_submit(submission=submission, person=head)
    clock.at(day + dt.timedelta(days=4), 10)
    report = svc.report_collect(report=Report.objects.get(pk=report.pk), person=cast["jf"])
    clock.at(day + dt.timedelta(days=5), 9)
    returned = submissions[0]
    row = returned.rows.order_by("number").first()
    svc.submission_return(
        submission=returned,
        person=cast["sekcam"],
        reason="Bukti dukung baris pertama belum memuat rekapitulasi per nagari.",
        row_notes={row.pk: "Lampirkan rekapitulasi per nagari sebagai bukti dukung."},
    )
    for other in submissions[1:]:
        svc.submission_accept(submission=other, person=cast["sekcam"])
        clock.later(20)
    clock.at(day + dt.timedelta(days=6), 10)
    head = unit_head(returned)
    row.refresh_from_db()
    row_update(
        row=row,
        person=head,
        values={"keterangan": "Rekapitulasi per nagari dilampirkan."},
        version=row.version,
    )
    upload = SimpleUploadedFile(
        "rekapitulasi-per-nagari.pdf",
        _evidence(f"{returned.unit.name} — rekapitulasi per nagari", report.year.year),
        content_type="application/pdf",
    )
    evidence_add(row=row, person=head, upload=upload)
    svc.submission_submit(submission=returned, person=head)
    clock.at(day + dt.timedelta(days=7), 9)
    svc.submission_accept(submission=returned, person=cast["sekcam"])
    clock.later(30)
    svc.report_finish_evaluation(report=Report.objects.get(pk=report.pk), person=cast["sekcam"])


def _edited(text: str, n: int) -> str:
    """The product's first draft as the drafter finished it: every "[Penyusun: …]" replaced
    by the office's own words."""
    counter = iter(range(n, n + 100))
    return DRAFTER_NOTE.sub(lambda _m: CAUSES[next(counter) % len(CAUSES)], text)


def _draft(report: Report, cast: dict, clock: OfficeClock) -> None:
    """Steps 6–7: the drafter edits the product's first draft into the office's chapters and
    analyses, the Sekcam accepts it."""
    jf = cast["jf"]
    clock.at(dt.date(report.year.year + 1, 1, 20), 8)
    for n, chapter in enumerate(report.chapters.order_by("order")):
        body = _edited(chapter.body, n)
        if chapter.key == "bab4":
            body = f"{body}\n\n{RECOMMENDATIONS}"
        svc.chapter_update(chapter=chapter, person=jf, body=body, version=chapter.version)
        clock.later(25)
    for n, row in enumerate(PlanRow.objects.filter(submission__report=report).order_by("number")):
        if DRAFTER_NOTE.search(row.analysis):
            svc.row_analysis_update(
                row=row, person=jf, analysis=_edited(row.analysis, n), version=row.version
            )
            clock.later(5)
    svc.draft_submit(report=Report.objects.get(pk=report.pk), person=jf)
    clock.at(dt.date(report.year.year + 1, 1, 22), 9)
    svc.draft_accept(report=Report.objects.get(pk=report.pk), person=cast["sekcam"])


def _close(report: Report, cast: dict, clock: OfficeClock) -> Report:
    """Steps 8–13: the finalisation meeting, the Camat's approval and signature, the cover
    letter with its register number, the copies, the dispatch."""
    camat, sekcam, jf = cast["camat"], cast["sekcam"], cast["jf"]
    season = report.year.year + 1
    clock.at(dt.date(season, 1, 27), 9)
    attendees = list(Person.objects.filter(office=report.office).exclude(role=Role.ADMIN))
    meeting = {
        "date": timezone.localdate(),
        "start_time": dt.time(9, 0),
        "place": "Aula Kantor Camat",
        "agenda": f"Finalisasi Laporan Kinerja Tahun {report.year.year}",
        "decisions": "Draf LAKIP disetujui untuk disampaikan kepada Camat dan ditandatangani.",
        "chaired_by": camat,
        "other_attendees": "Wali Nagari Mungka; Wali Nagari\nWali Nagari Talang Maur; Wali Nagari",
    }
    svc.report_finalise(
        report=Report.objects.get(pk=report.pk),
        person=sekcam,
        meeting=meeting,
        attendees=attendees,
    )
    clock.at(dt.date(season, 1, 28), 10)
    svc.report_send_for_approval(report=Report.objects.get(pk=report.pk), person=sekcam)
    clock.at(dt.date(season, 1, 29), 11)
    svc.report_sign(report=Report.objects.get(pk=report.pk), person=camat)
    clock.at(dt.date(season, 1, 30), 9)
    svc.report_number_letter(
        report=Report.objects.get(pk=report.pk), person=jf, date=timezone.localdate()
    )
    clock.later(90)
    svc.report_duplicate(
        report=Report.objects.get(pk=report.pk),
        person=jf,
        count=4,
        recipients="Bupati Lima Puluh Kota\nInspektorat Daerah\nBappeda\nArsip kantor",
        made_at=timezone.localdate(),
    )
    clock.at(dt.date(season, 1, 31), 9)
    return svc.report_dispatch(
        report=Report.objects.get(pk=report.pk),
        person=jf,
        dispatch={
            "recipient": "Bupati Lima Puluh Kota c.q. Bagian Organisasi Setda",
            "date": timezone.localdate(),
            "method": "Diantar langsung",
            "receipt_reference": "Tanda terima Bagian Organisasi",
        },
    )
