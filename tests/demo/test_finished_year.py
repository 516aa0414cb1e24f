"""A new user of `make run` finds a finished, signed 2024: the demo runs Mungka's LAKIP 2024
through every step of the real procedure, dated in the reporting season of January 2025, and
its signed final verifies on the public page."""

from __future__ import annotations

import datetime as dt
import subprocess

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from documents.signing import signed_bytes, validate_signature
from workflow.models import (
    LetterKind,
    Report,
    ReportState,
    RevisionRequest,
    SignedDocument,
    StepRecord,
    SubmissionState,
)


def _report_2024(mungka) -> Report:
    return Report.objects.get(office=mungka, year__year=2024)


def test_the_2024_lakip_went_through_every_step(mungka):
    report = _report_2024(mungka)
    assert report.state == ReportState.DISPATCHED
    assert set(report.submissions.values_list("state", flat=True)) == {SubmissionState.ACCEPTED}
    # Every step of the SOP has its record, in the January after the year.
    numbers = set(StepRecord.objects.filter(report=report).values_list("step__number", flat=True))
    assert numbers == set(range(1, 14))
    first = StepRecord.objects.filter(report=report).order_by("started_at").first()
    last = StepRecord.objects.filter(report=report).order_by("-finished_at").first()
    assert timezone.localtime(first.started_at).date() == dt.date(2025, 1, 6)
    assert timezone.localtime(last.finished_at).date() <= dt.date(2025, 1, 31)
    # One unit was returned once, with a note on a row, and then accepted.
    returned = RevisionRequest.objects.get(report=report, step_number=5)
    assert returned.items.filter(row__isnull=False).exists()
    assert returned.submission.round == 2
    # Every row sent has its evidence; the letters carry the register's numbers.
    for row in report.submissions.first().rows.all():
        assert row.belum_berjalan or row.evidence.exists()
    kinds = set(report.letter_numbers.values_list("kind", flat=True))
    assert kinds == {LetterKind.NOTA_DINAS, LetterKind.BERITA_ACARA, LetterKind.SURAT_PENGANTAR}
    assert report.nota_dinas.nomor.endswith("/CMK/I/2025")


def test_the_drafter_finished_the_products_first_draft(mungka):
    report = _report_2024(mungka)
    for chapter in report.chapters.all():
        assert chapter.body.strip(), chapter.key
        assert "[Penyusun:" not in chapter.body, chapter.key
    assert "Rekomendasi untuk tahun berikutnya" in report.chapters.get(key="bab4").body


def test_the_signed_2024_lakip_verifies_on_the_public_page(mungka, client):
    signed = SignedDocument.objects.get(report=_report_2024(mungka))
    content = signed_bytes(signed)
    assert validate_signature(content)["valid"]
    extracted = subprocess.run(
        ["pdftotext", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    text = " ".join(extracted.split())
    assert "Laporan Kinerja Instansi Pemerintah (LKjIP)" in text
    assert "Mungka, 29 Januari 2025" in text
    page = client.post(
        f"/verifikasi/{signed.token}/",
        {"file": SimpleUploadedFile("lakip-2024.pdf", content, "application/pdf")},
    )
    assert "SAMA PERSIS" in page.content.decode()
