"""The LAKIP: the draft (every PermenPAN-RB 53/2014 heading, DRAFT, cache) and the signed
final (pyHanko validation, tamper detection, public verification page, frozen bytes)."""

from __future__ import annotations

import re

from django.core.files.uploadedfile import SimpleUploadedFile

from documents.signing import validate_signature
from tests.procedure import person
from workflow.models import (
    LetterKind,
    LetterNumber,
    RenderedDocument,
    Report,
    ReportState,
    SignedDocument,
)
from workflow.services import procedure

S = ReportState

HEADINGS = [
    "KATA PENGANTAR",
    "IKHTISAR EKSEKUTIF",
    "DAFTAR ISI",
    "BAB I",
    "PENDAHULUAN",
    "BAB II",
    "PERENCANAAN KINERJA",
    "Perjanjian Kinerja Tahun 2025",
    "BAB III",
    "AKUNTABILITAS KINERJA",
    "A. Capaian Kinerja Organisasi",
    "dengan Tahun Sebelumnya dan Target Akhir Renstra",
    "B. Realisasi Anggaran",
    "BAB IV",
    "PENUTUP",
    "LAMPIRAN I",
    "LAMPIRAN II",
]


def test_the_draft_has_every_chapter_and_is_served_from_the_cache(
    report_at, client_for, jf, pdf_text, pdf_pages
):
    report = report_at(S.DRAFTING, chapters=True)
    chapter = report.chapters.get(key="bab4")
    procedure.chapter_update(
        chapter=chapter,
        person=person("jf"),
        body="Penutup <script>alert('x')</script> & <b>selesai</b>",
        version=chapter.version,
    )
    client = client_for(jf)
    url = f"/laporan/{report.pk}/dokumen/lakip.pdf"
    first = client.get(url)
    assert first.status_code == 200
    text = pdf_text(first.content)
    for heading in HEADINGS:
        assert heading in text, heading
    assert "DRAFT" in text
    assert "Kegiatan belum berjalan" in text
    assert "Penutup <script>alert('x')</script> & <b>selesai</b>" in text
    assert "198003302000032001" in text
    layout = pdf_text(first.content, layout=True)
    assert re.search(r"BAB I PENDAHULUAN\s+\d+", layout)  # daftar isi with page numbers
    assert re.search(r"Halaman 2 dari \d+", text)  # the cover carries no number
    assert 10 <= pdf_pages(first.content) <= 40

    cached = RenderedDocument.objects.get(report=report, kind="lakip")
    second = client.get(url)
    assert second.content == first.content
    assert RenderedDocument.objects.get(pk=cached.pk).rendered_at == cached.rendered_at

    row = report_rows_first(report)
    client.post(
        f"/laporan/{report.pk}/draf/baris/{row.pk}/",
        {
            f"r{row.pk}-analysis": "Target tercapai karena koordinasi.",
            f"r{row.pk}-version": row.version,
        },
    )
    third = client.get(url)
    assert "Target tercapai karena koordinasi." in pdf_text(third.content)
    assert RenderedDocument.objects.get(pk=cached.pk).data_key != cached.data_key


def report_rows_first(report):
    from documents.selectors.rows import report_rows

    return report_rows(report)[0]


def test_the_signed_final_is_frozen_verifiable_and_rejects_a_tampered_copy(
    report_at, client, client_for, camat, outsider, pdf_text
):
    report = report_at(S.NUMBERED)
    assert report.state == "bernomor"
    signed = SignedDocument.objects.get(report=report)
    stored = signed.file.read()
    assert validate_signature(stored)["valid"]

    response = client_for(camat).get(f"/laporan/{report.pk}/dokumen/lakip.pdf")
    assert response.content == stored
    text = pdf_text(stored)
    assert "DRAFT" not in text
    assert "ditandatangani secara elektronik" in text
    assert f"/verifikasi/{signed.token}/" in "".join(text.split())

    tampered = bytearray(stored)
    tampered[len(tampered) // 3] ^= 0x01
    assert not validate_signature(bytes(tampered))["valid"]

    client.logout()
    page = client.get(f"/verifikasi/{signed.token}/")
    assert page.status_code == 200
    body = page.content.decode()
    assert signed.sha256 in body
    cover_letter = LetterNumber.objects.get(report=report, kind=LetterKind.SURAT_PENGANTAR)
    assert cover_letter.number in body  # the surat pengantar's number
    ok = client.post(
        f"/verifikasi/{signed.token}/",
        {"file": SimpleUploadedFile("lakip.pdf", stored, "application/pdf")},
    )
    assert "SAMA PERSIS" in ok.content.decode()
    bad = client.post(
        f"/verifikasi/{signed.token}/",
        {"file": SimpleUploadedFile("lakip.pdf", bytes(tampered), "application/pdf")},
    )
    assert "BUKAN LAKIP final" in bad.content.decode()
    assert client.get("/verifikasi/tidak-ada/").status_code == 404

    assert client_for(outsider).get(f"/laporan/{report.pk}/dokumen/lakip.pdf").status_code == 404

    letter = client_for(camat).get(f"/laporan/{report.pk}/dokumen/surat-pengantar.pdf")
    letter_text = pdf_text(letter.content)
    assert "SURAT PENGANTAR" in letter_text
    assert f"Nomor: {cover_letter.number}" in letter_text
    minutes = pdf_text(
        client_for(camat).get(f"/laporan/{report.pk}/dokumen/berita-acara.pdf").content
    )
    for label in ["BERITA ACARA", "DAFTAR HADIR", "Nama", "Jabatan", "Tanda Tangan"]:
        assert label in minutes
    assert "Drs. AFRIZAL DT. RAJO MANGKUTO" in minutes
    assert "197205121998031004" in minutes
    assert "Wali Nagari Mungka" in minutes
    assert Report.objects.get(pk=report.pk).signed_document.sha256 == signed.sha256


def test_the_lakip_lists_its_tables_and_figures_with_pages_and_uses_the_lkjip_name(
    report_at, client_for, jf, pdf_text
):
    import re
    from decimal import Decimal

    from sakip.models import Indikator

    Indikator.objects.filter(name="Rata-rata waktu penyelesaian layanan administrasi").update(
        standard_value=Decimal(3), standard_source="SPM Kabupaten"
    )
    report = report_at(S.DRAFTING)
    content = client_for(jf).get(f"/laporan/{report.pk}/dokumen/lakip.pdf").content
    text = pdf_text(content)
    layout = pdf_text(content, layout=True)
    flat = " ".join(text.split())
    assert "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)" in flat
    # The running header on every page after the cover.
    assert (
        flat.count("Laporan Kinerja Instansi Pemerintah (LKjIP) Kecamatan Mungka Tahun 2025") > 10
    )
    assert "DAFTAR TABEL" in text and "DAFTAR GAMBAR" in text
    assert re.search(r"Tabel 1\s+Ringkasan Capaian Kinerja Tahun 2025\s+\d+", layout)
    assert re.search(r"Tabel 2\s+Pegawai menurut Unit Kerja, Jabatan dan Golongan\s+\d+", layout)
    assert re.search(r"Gambar 1\s+Struktur Organisasi Kecamatan Mungka\s+\d+", layout)
    assert re.search(r"Gambar 2\s+Capaian Indikator Sasaran 1 Tahun 2025\s+\d+", layout)
    assert re.search(r"DAFTAR GAMBAR\s+\d+", layout)  # in the daftar isi
    # The captions in the body carry the same numbers as the lists.
    assert "Tabel 3. Perjanjian Kinerja Tahun 2025" in flat
    assert "Gambar 1. Struktur Organisasi Kecamatan Mungka" in flat
    # Bab I: the people by unit; Bab III: the standard column and the efficiency table.
    assert "JUMLAH PEGAWAI" in text and "ILDA SUBUL HURIATI" in text
    assert "Standar Nasional/ Kabupaten" in flat and "3 hari" in flat
    assert "Efisiensi Penggunaan Anggaran per Sasaran Tahun 2025" in flat
    # The generated draft in the PDF: its notes for the drafter are there to be seen.
    assert "[Penyusun:" in text
