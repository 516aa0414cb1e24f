"""Walk the demo office's 2025 report through the real services up to a given step, so the
documents render from data made the way users make it."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

from django.core.files.base import ContentFile

from sakip.models import Evidence, Person, PlanRow, TargetKind, Year
from workflow.models import Report
from workflow.services import procedure as p

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

STEPS = [
    "ordered",
    "distributed",
    "submitted",
    "collected",
    "evaluated",
    "drafted",
    "correcting",
    "accepted",
    "finalised",
    "approval",
    "signed",
    "numbered",
]


def person(username: str) -> Person:
    return Person.objects.select_related("user", "office").get(user__username=username)


def fresh(report: Report) -> Report:
    return Report.objects.get(pk=report.pk)


def _fill(report: Report) -> None:
    for row in PlanRow.objects.filter(submission__report=report).select_related("indikator"):
        if row.number == 2:
            row.belum_berjalan = True
            row.belum_berjalan_reason = "Kegiatan dijadwalkan pada triwulan berikutnya."
        elif row.indikator.target_kind == TargetKind.TEXT:
            row.realisasi_text = "Tercapai sesuai rencana"
        else:
            row.realisasi = (row.target.value or Decimal(1)) * Decimal("0.9")
        row.sumber_data = row.sumber_data or "Laporan seksi"
        row.keterangan = "-"
        row.save()
        content = b"%PDF-1.4 bukti"
        Evidence.objects.create(
            row=row,
            file=ContentFile(content, name="bukti.pdf"),
            original_name="bukti.pdf",
            content_type="application/pdf",
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
        )


def build_report(office_name: str = "Mungka", until: str = "drafted", year: int = 2025) -> Report:
    """Create the office's report for `year` and advance it to `until` (one of STEPS)."""
    stop = STEPS.index(until)
    camat, sekcam, jf = person("camat"), person("sekcam"), person("jf")
    year_obj = Year.objects.get(office=camat.office, year=year)
    report = p.report_create(
        person=camat, year=year_obj, nota=p.nota_dinas_defaults(camat, year_obj)
    )
    if stop >= 1:
        p.report_distribute(
            report=fresh(report),
            person=sekcam,
            meeting={"date": dt.date(year + 1, 1, 6), "place": "Aula Kantor Camat"},
            attendees=Person.objects.filter(office=camat.office, role__in=["kasi", "jf"]),
        )
    if stop >= 2:
        report = fresh(report)
        _fill(report)
        for sub in report.submissions.select_related("unit"):
            head = Person.objects.get(unit=sub.unit, heads_unit=True, role="kasi")
            p.submission_submit(submission=sub, person=head)
    if stop >= 3:
        p.report_collect(report=fresh(report), person=jf)
    if stop >= 4:
        for sub in fresh(report).submissions.all():
            p.submission_accept(submission=sub, person=sekcam)
        p.report_finish_evaluation(report=fresh(report), person=sekcam)
    if stop >= 5:
        for chapter in fresh(report).chapters.all():
            p.chapter_update(
                chapter=chapter, person=jf, body=CHAPTER_TEXT[chapter.key], version=chapter.version
            )
    if stop >= 6:
        p.draft_submit(report=fresh(report), person=jf)
    if stop >= 7:
        p.draft_accept(report=fresh(report), person=sekcam)
    if stop >= 8:
        p.report_finalise(
            report=fresh(report),
            person=camat,
            meeting={
                "date": dt.date(year + 1, 2, 10),
                "place": "Aula Kantor Camat",
                "agenda": "Finalisasi LAKIP",
                "decisions": "Draf LAKIP disetujui untuk ditandatangani.",
                "chaired_by": camat,
                "other_attendees": "Wali Nagari Mungka; Wali Nagari",
            },
            attendees=Person.objects.filter(office=camat.office).exclude(role="admin"),
        )
    if stop >= 9:
        p.report_send_for_approval(report=fresh(report), person=sekcam)
    if stop >= 10:
        p.report_sign(report=fresh(report), person=camat)
    if stop >= 11:
        p.report_number_letter(report=fresh(report), person=jf)
    return fresh(report)
