"""Nota dinas, SOP, nine-column table (PDF and xlsx) and the command, from the demo data."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from documents.registry import document_pdf
from sakip.models import PlanRow
from workflow.models import Report, ReportState

S = ReportState

CAMAT_NIP = "198003302000032001"


def _imported_report(office):
    """Mungka's 2023: imported as it ended, without a finalisation meeting or letters."""
    return Report.objects.get(office=office, year__year=2023)


def test_it_renders_the_nota_dinas_in_the_tata_naskah_dinas_layout(
    report_at, client_for, jf, pdf_text, pdf_fonts
):
    report = report_at(S.ORDERED)
    response = client_for(jf).get(f"/laporan/{report.pk}/dokumen/nota-dinas.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for label in ["NOTA DINAS", "Kepada", "Dari", "Tembusan", "Tanggal", "Nomor", "Sifat"]:
        assert label in text
    for label in ["Lampiran", "Hal", "PEMERINTAH KABUPATEN LIMA PULUH KOTA", "KECAMATAN MUNGKA"]:
        assert label in text
    assert "ILDA SUBUL HURIATI, S.AP, M.S" in text
    assert f"NIP. {CAMAT_NIP}" in text
    assert "Halaman 1 dari 1" in text
    fonts = pdf_fonts(response.content)
    assert "LiberationSerif" in fonts.replace("-", "")
    assert all(" yes " in line for line in fonts.splitlines()[2:] if line.strip())


def test_it_renders_the_sop_from_the_step_data(mungka, pdf_text, pdf_pages):
    document = document_pdf(Report.objects.get(office=mungka, year__year=2024), "sop")
    text = pdf_text(document.content)
    for header in [
        "NOMOR SOP",
        "TGL. PEMBUATAN",
        "TGL. REVISI",
        "TGL. EFEKTIF",
        "DISAHKAN OLEH",
        "NAMA SOP",
        "DASAR HUKUM",
        "KUALIFIKASI PELAKSANA",
        "KETERKAITAN",
        "PERALATAN DAN PERLENGKAPAN",
        "PERINGATAN",
        "PENCATATAN DAN PENDATAAN",
    ]:
        assert header in text
    assert "900/ /CMK/I/2024" in " ".join(text.split())
    assert CAMAT_NIP in text
    for name in ["Memerintahkan penyusunan LAKIP", "Rapat Finalisasi Lakip", "Pengiriman dokumen"]:
        assert name in text
    flat = " ".join(text.split())
    assert "dikembalikan ke langkah 3" in flat
    assert "dikembalikan ke langkah 6" in flat
    for header in ["Camat", "Sekcam", "Kasi/Kasubbag", "JF", "Kelengkapan", "Waktu", "Output"]:
        assert header in text
    assert "825" in text  # the SOP's total standard time
    layout = pdf_text(document.content, layout=True)
    numbered = {
        int(line.split()[0])
        for line in layout.splitlines()
        if line.split()[:1] and line.split()[0].isdigit() and int(line.split()[0]) <= 13
    }
    assert set(range(1, 14)) <= numbered
    assert pdf_pages(document.content) == 3


def test_the_table_escapes_user_text_in_pdf_and_xlsx(mungka, client_for, kasi, pdf_text):
    report = _imported_report(mungka)
    row = PlanRow.objects.filter(submission__report=report).order_by("number").first()
    row.keterangan = "<script>alert(1)</script> <b>tebal</b>"
    row.sumber_data = '=HYPERLINK("http://x")'
    row.save()
    client = client_for(kasi)
    response = client.get(f"/laporan/{report.pk}/dokumen/tabel.pdf")
    assert response.status_code == 200
    text = pdf_text(response.content)
    flat = "".join(text.split())
    assert "<script>alert(1)</script><b>tebal</b>" in flat
    for header in ["Sasaran Strategis", "Indikator Kinerja", "Yang membidangi", "Ket"]:
        assert header in text
    response = client.get(f"/laporan/{report.pk}/dokumen/tabel.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [c for r in sheet.iter_rows() for c in r if c.value == row.sumber_data]
    assert values and values[0].data_type == "s"


def test_other_offices_get_404(mungka, client_for, outsider):
    report = _imported_report(mungka)
    client = client_for(outsider)
    assert client.get(f"/laporan/{report.pk}/dokumen/").status_code == 404
    assert client.get(f"/laporan/{report.pk}/dokumen/tabel.pdf").status_code == 404
    assert client.get(f"/laporan/{report.pk}/dokumen/tabel.xlsx").status_code == 404
    assert client.get(f"/laporan/{report.pk}/draf/").status_code == 404


def test_the_documents_page_offers_what_exists(mungka, client_for, sekcam):
    report = _imported_report(mungka)
    response = client_for(sekcam).get(f"/laporan/{report.pk}/dokumen/")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'hx-get="/laporan/{report.pk}/dokumen/sop/siapkan/"' in body
    assert "htmx-indicator" in body
    response = client_for(sekcam).get(f"/laporan/{report.pk}/dokumen/berita-acara/siapkan/")
    assert "belum memiliki rapat finalisasi" in response.content.decode()


def test_the_command_renders_and_explains_a_missing_document(mungka, tmp_path):
    report = _imported_report(mungka)
    out = tmp_path / "tabel.pdf"
    call_command("render_document", "tabel", "--report", str(report.pk), "-o", str(out))
    assert out.read_bytes().startswith(b"%PDF")
    with pytest.raises(CommandError, match="belum memiliki rapat finalisasi"):
        call_command("render_document", "berita-acara", "--report", str(report.pk), "-o", str(out))


def test_the_signature_block_names_who_held_the_post_on_the_date(mungka):
    import datetime as dt

    from documents.selectors.shared import signatory
    from sakip.models import Person, Tenure

    sekcam = Person.objects.get(user__username="sekcam")
    Tenure.objects.filter(office=mungka, role="camat").update(end=dt.date(2026, 6, 30))
    Tenure.objects.create(
        office=mungka, role="camat", person=sekcam, start=dt.date(2026, 7, 1), acting=True
    )
    before = signatory(mungka, "camat", dt.date(2026, 6, 1))
    after = signatory(mungka, "camat", dt.date(2026, 8, 1))
    assert before["nip"] == CAMAT_NIP and not before["acting"]
    assert after["name"] == sekcam.full_name and after["acting"]
    assert after["nip"] == "197205121998031004"


def test_the_nota_dinas_and_berita_acara_take_their_numbers_from_the_register(
    report_at, client_for, camat, pdf_text
):
    import re

    from workflow.models import LetterKind, LetterNumber

    report = report_at(S.NUMBERED)
    letters = {n.kind: n for n in LetterNumber.objects.filter(report=report).order_by("sequence")}
    assert set(letters) == {
        LetterKind.NOTA_DINAS,
        LetterKind.BERITA_ACARA,
        LetterKind.SURAT_PENGANTAR,
    }
    sequences = [letters[k].sequence for k in LetterKind.values]
    assert sequences == sorted(sequences) and len(set(sequences)) == 3  # in procedure order
    for letter in letters.values():
        assert re.fullmatch(r"900/\d+/CMK/[IVX]+/\d{4}", letter.number), letter.number
    assert report.nota_dinas.nomor == letters[LetterKind.NOTA_DINAS].number
    client = client_for(camat)
    nota = " ".join(
        pdf_text(client.get(f"/laporan/{report.pk}/dokumen/nota-dinas.pdf").content).split()
    )
    assert letters[LetterKind.NOTA_DINAS].number in nota
    assert "900/ /" not in nota  # no blank sequence any more
    minutes = pdf_text(client.get(f"/laporan/{report.pk}/dokumen/berita-acara.pdf").content)
    assert f"Nomor: {letters[LetterKind.BERITA_ACARA].number}" in minutes
    cover = pdf_text(client.get(f"/laporan/{report.pk}/dokumen/surat-pengantar.pdf").content)
    assert f"Nomor: {letters[LetterKind.SURAT_PENGANTAR].number}" in cover


def test_the_nota_dinas_form_no_longer_asks_for_a_number(harau, client_for):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="harau-camat")
    page = client_for(user).get("/laporan/baru/")
    assert page.status_code == 200
    assert 'name="nomor"' not in page.content.decode()
