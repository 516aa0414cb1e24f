"""The Word copies: the LAKIP with Word heading styles, repeated table headers, pictures and
a DRAFT header until signed; the letters; the command picking the format by extension."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from docx.oxml.ns import qn

from sakip.models import PlanRow
from workflow.models import LetterKind, LetterNumber, ReportState

S = ReportState

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def _headings(doc, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def test_the_lakip_docx_has_word_headings_tables_pictures_and_every_indicator(
    report_at, client_for, jf, outsider
):
    report = report_at(S.DRAFTING, chapters=True)
    response = client_for(jf).get(f"/laporan/{report.pk}/dokumen/lakip.docx")
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert "lakip-mungka-2025.docx" in response["Content-Disposition"]
    doc = Document(io.BytesIO(response.content))
    h1 = _headings(doc, 1)
    for heading in [
        "KATA PENGANTAR",
        "IKHTISAR EKSEKUTIF",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
        "LAMPIRAN I PERJANJIAN KINERJA TAHUN 2025",
    ]:
        assert heading in h1, heading
    h2 = _headings(doc, 2)
    assert "A. Capaian Kinerja Organisasi" in h2 and "B. Realisasi Anggaran dan Efisiensi" in h2
    assert sum(1 for h in _headings(doc, 3) if h.startswith("Sasaran Strategis ")) == 5
    text = _text(doc)
    for name in PlanRow.objects.filter(submission__report=report).values_list(
        "indikator__name", flat=True
    ):
        assert name in text, name
    assert "Kegiatan belum berjalan" in text
    # Tables: header rows repeat on every page; there is one per captioned table and more.
    assert len(doc.tables) >= 18
    for table in doc.tables:
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
    assert len(doc.inline_shapes) == 6  # the organisation chart and one chart per sasaran
    header = doc.sections[0].header.paragraphs[0].text
    assert "Laporan Kinerja Instansi Pemerintah (LKjIP)" in header and "DRAFT" in header
    xml = doc.element.xml
    assert 'TOC \\o "1-3"' in xml and 'TOC \\h \\z \\c "Tabel"' in xml and "SEQ Gambar" in xml
    section = doc.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert client_for(outsider).get(f"/laporan/{report.pk}/dokumen/lakip.docx").status_code == 404


def test_the_chapter_markup_becomes_word_lists_tables_and_highlighted_notes(report_at):
    from documents.word.registry import document_docx
    from tests.procedure import person
    from workflow.services import procedure

    report = report_at(S.DRAFTING)
    chapter = report.chapters.get(key="bab4")
    procedure.chapter_update(
        chapter=chapter,
        person=person("jf"),
        body="- butir <b>satu</b>\n- butir dua\n\n| Kolom | Nilai |\n|---|---|\n| x | 7 |\n\n"
        "[Penyusun: rekomendasi]",
        version=chapter.version,
    )
    doc = Document(io.BytesIO(document_docx(report, "lakip").content))
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert "butir <b>satu</b>" in bullets
    assert any([c.text for c in t.rows[0].cells] == ["Kolom", "Nilai"] for t in doc.tables)
    notes = [r for p in doc.paragraphs for r in p.runs if r.text == "[Penyusun: rekomendasi]"]
    assert notes and notes[0].font.highlight_color is not None


def test_the_letters_are_word_documents_with_their_register_numbers(report_at, client_for, camat):
    report = report_at(S.FINALISED)
    client = client_for(camat)
    nota = Document(io.BytesIO(client.get(f"/laporan/{report.pk}/dokumen/nota-dinas.docx").content))
    number = LetterNumber.objects.get(report=report, kind=LetterKind.NOTA_DINAS).number
    assert "NOTA DINAS" in _text(nota) and number in _text(nota)
    minutes = Document(
        io.BytesIO(client.get(f"/laporan/{report.pk}/dokumen/berita-acara.docx").content)
    )
    text = _text(minutes)
    berita = LetterNumber.objects.get(report=report, kind=LetterKind.BERITA_ACARA).number
    assert f"Nomor: {berita}" in text and "DAFTAR HADIR" in text
    assert "Wali Nagari Mungka" in text
    header = minutes.sections[0].header.paragraphs[0].text
    assert "DRAFT" not in header and "Salinan Word" in header
    assert client.get(f"/laporan/{report.pk}/dokumen/surat-pengantar.docx").status_code == 404
    assert client.get(f"/laporan/{report.pk}/dokumen/sop.docx").status_code == 404


def test_the_command_picks_the_format_from_the_extension(report_at, tmp_path):
    report = report_at(S.DRAFTING, chapters=True)
    out = tmp_path / "lakip.docx"
    call_command("render_document", "lakip", "--report", str(report.pk), "-o", str(out))
    assert "BAB I PENDAHULUAN" in _headings(Document(str(out)), 1)
    pdf = tmp_path / "nota.pdf"
    call_command("render_document", "nota-dinas", "--report", str(report.pk), "-o", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    with pytest.raises(CommandError, match="tidak tersedia sebagai DOCX"):
        call_command("render_document", "sop", "--report", str(report.pk), "-o", str(out))
    with pytest.raises(CommandError, match=".pdf atau .docx"):
        call_command("render_document", "lakip", "--report", str(report.pk), "-o", "x.odt")


def test_the_signed_lakip_docx_is_a_copy_not_a_draft(report_at, client_for, camat):
    report = report_at(S.SIGNED)
    doc = Document(
        io.BytesIO(client_for(camat).get(f"/laporan/{report.pk}/dokumen/lakip.docx").content)
    )
    header = doc.sections[0].header.paragraphs[0].text
    assert "DRAFT" not in header and "dokumen resmi: PDF bertanda tangan elektronik" in header
    assert "DRAF — belum ditandatangani" not in _text(doc)
