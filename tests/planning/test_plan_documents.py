"""The plan's documents read with pdftotext: the Perjanjian Kinerja (both parties' names,
jabatan and NIPs, every indicator and target, the budget), the IKU and the Rencana Aksi, and
the `render_document` command for each."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

from documents.plan_registry import perjanjian_pdf, plan_document_pdf
from sakip.models import Target, Unit
from sakip.planning.snapshot import quarter_texts, target_text
from tests.procedure import person
from workflow.models import PerjanjianKinerja
from workflow.models.perjanjian import office_agreement_in_force

pytestmark = pytest.mark.django_db


@pytest.fixture
def pdf_text():
    """The PDF's text in the order it was drawn (`-raw`: each table cell whole), or as laid
    out on the page (`layout=True`: a table's header on one line, columns side by side)."""
    from tests.documents.conftest import _poppler

    return lambda content, layout=False: _poppler(
        "pdftotext", content, "-layout" if layout else "-raw"
    )


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _squash(text: str) -> str:
    """Without any whitespace: a long name wraps in a table cell wherever it likes."""
    return re.sub(r"\s+", "", text)


def test_the_office_pk_names_both_parties_and_every_target(year_2025, pdf_text):
    pk = office_agreement_in_force(year_2025)
    document = perjanjian_pdf(pk)
    assert document.signed
    text = _flat(pdf_text(document.content))
    assert "PERJANJIAN KINERJA TAHUN 2025" in text
    assert "Dalam rangka mewujudkan manajemen pemerintahan yang efektif" in text
    assert "selanjutnya disebut pihak pertama" in text and "selaku atasan pihak pertama" in text
    assert "ILDA SUBUL HURIATI, S.AP, M.S" in text and "NIP. 198003302000032001" in text
    assert "H. ZULHENDRI DT. RAJO INTAN, S.H., M.M." in text and "Bupati Lima Puluh Kota" in text
    assert "PIHAK KEDUA" in text and "PIHAK PERTAMA" in text
    assert "Mungka, 6 Januari 2025" in text
    for s in pk.snapshot["sasaran"]:
        assert _flat(s["name"]) in text
        for ind in s["indikator"]:
            assert _flat(ind["name"]) in text
            assert target_text(ind) in text
    layout = pdf_text(document.content, layout=True)
    assert re.search(r"No\s+Sasaran Strategis\s+Indikator Kinerja\s+Target", layout)
    assert re.search(r"No\s+Program\s+Anggaran \(Rp\)", layout)
    assert "2.310.400.000" in text and "JUMLAH 3.291.750.000" in text
    assert "Dokumen ini ditandatangani secara elektronik" in text
    assert "DRAFT" not in text


def test_the_pihak_kedua_of_the_office_pk_shows_a_nip_when_the_kabupaten_has_one(
    complete_2026, pep, pdf_text
):
    kabupaten = complete_2026.office.kabupaten
    kabupaten.bupati_nip = "197001012000031001"
    kabupaten.save()
    pk = PerjanjianKinerja.objects.filter(year=complete_2026, unit__isnull=True).latest("version")
    text = _flat(pdf_text(perjanjian_pdf(pk).content))
    assert "NIP. 197001012000031001" in text and "DRAFT" in text


def test_a_units_pk_has_the_kasi_first_and_the_camat_second(year_2025, pdf_text):
    unit = person("kasi-pelayanan").unit
    pk = PerjanjianKinerja.objects.get(year=year_2025, unit=unit, state="ditandatangani")
    content = perjanjian_pdf(pk).content
    layout = pdf_text(content, layout=True)
    text = _flat(pdf_text(content))
    assert "Seksi Pelayanan Publik" in text
    assert "DESI ARIANTI, S.Kom" in text and "NIP. 198901242014022001" in text
    assert "ILDA SUBUL HURIATI, S.AP, M.S" in text and "NIP. 198003302000032001" in text
    # The signature blocks: Pihak Kedua (the Camat) on the left, Pihak Pertama on the right.
    line = next(line for line in layout.splitlines() if "PIHAK KEDUA" in line)
    assert line.index("PIHAK KEDUA") < line.index("PIHAK PERTAMA")
    names = next(line for line in layout.splitlines() if "DESI ARIANTI" in line and "ILDA" in line)
    assert names.index("ILDA SUBUL HURIATI") < names.index("DESI ARIANTI")
    mine = Target.objects.filter(year=year_2025, indikator__unit=unit).select_related("indikator")
    for target in mine:
        assert _squash(target.indikator.name) in _squash(text)
    assert "Program/Kegiatan/Sub Kegiatan" in text
    assert "Pelaksanaan Urusan Pemerintahan yang terkait dengan Nonperizinan" in text


def test_the_iku_lists_the_key_indicators_with_reason_formula_source_and_unit(year_2025, pdf_text):
    document = plan_document_pdf("iku", year_2025)
    text = _flat(pdf_text(document.content))
    assert "INDIKATOR KINERJA UTAMA (IKU)" in text
    headers = (
        r"No\s+Sasaran Strategis\s+Indikator Kinerja Utama\s+Alasan/Formula\s+Sumber Data"
        r"\s+Penanggung Jawab"
    )
    assert re.search(headers, pdf_text(document.content, layout=True))
    snapshot = office_agreement_in_force(year_2025).snapshot
    iku = [i for s in snapshot["sasaran"] for i in s["indikator"] if i["iku"]]
    assert len(iku) == 6
    squashed = _squash(text)
    for ind in iku:
        assert _squash(ind["name"]) in squashed
        assert _squash(ind["sumber_data"]) in squashed
    assert "Laporan survei kepuasan masyarakat" in text
    assert "Persentase rekomendasi dan koordinasi" not in text  # not an IKU
    assert "DRAFT" not in text and "Sesuai PK 2025 Kecamatan Mungka" in text


def test_the_rencana_aksi_gives_each_indicator_its_quarters_and_kegiatan(year_2025, pdf_text):
    text = _flat(pdf_text(plan_document_pdf("rencana-aksi", year_2025).content))
    squashed = _squash(text)
    assert "RENCANAAKSI" in squashed and "Target Triwulan" in text
    layout = pdf_text(plan_document_pdf("rencana-aksi", year_2025).content, layout=True)
    assert re.search(r"TW I\s+TW II\s+TW III\s+TW IV", layout)
    snapshot = office_agreement_in_force(year_2025).snapshot
    for s in snapshot["sasaran"]:
        for ind in s["indikator"]:
            assert _squash(ind["name"]) in squashed
            for quarter in quarter_texts(ind):
                if quarter:
                    assert quarter in text
    assert "7.01.02.2.04.0002" in text and "54.200.000" in text
    assert "Pelayanan Terpadu" in text or "7.01.02.2.04" in text


def test_a_plan_not_yet_signed_prints_as_a_draft(year_2027, pdf_text):
    text = _flat(pdf_text(plan_document_pdf("rencana-aksi", year_2027).content))
    assert "DRAFT" in text and "Perjanjian Kinerja belum ditandatangani" in text
    assert "Persentase nagari yang menerapkan layanan administrasi berbasis elektronik" in text


@pytest.mark.parametrize("kind", ["perjanjian-kinerja", "iku", "rencana-aksi"])
def test_render_document_makes_each_plan_document(tmp_path, year_2025, pdf_text, kind):
    unit = Unit.objects.get(office=year_2025.office, name="Seksi Pemerintahan")
    out = tmp_path / f"{kind}.pdf"
    call_command(
        "render_document",
        kind,
        "--office",
        str(year_2025.office_id),
        "--year",
        "2025",
        "--unit",
        str(unit.pk),
        "-o",
        str(out),
        stdout=open(tmp_path / "log", "w"),
    )
    text = _flat(pdf_text(out.read_bytes()))
    assert "Seksi Pemerintahan" in text
    assert "Persentase nagari dengan administrasi pemerintahan tertib" in text
    assert "Persentase layanan PATEN" not in text  # another unit's indicator


def test_render_document_says_what_is_missing(tmp_path, year_2025):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--office ID dan --year"):
        call_command("render_document", "iku", "-o", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="tidak memiliki tahun 1999"):
        call_command(
            "render_document",
            "iku",
            "--office",
            str(year_2025.office_id),
            "--year",
            "1999",
            "-o",
            str(tmp_path / "x.pdf"),
        )
    with pytest.raises(CommandError, match="--report"):
        call_command("render_document", "lakip", "-o", str(tmp_path / "x.pdf"))


def test_the_lakip_bab_ii_and_lampiran_print_the_signed_pk(report_at, pdf_text):
    from documents.registry import document_pdf

    report = report_at("penyusunan_draf", chapters=True)
    text = _flat(pdf_text(document_pdf(report, "lakip").content))
    # Bab II and Lampiran I both print the signed version, with its programmes' budget.
    assert text.count("Sumber: PK 2025 Kecamatan Mungka, tanggal 6 Januari 2025") == 2
    assert text.count("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota") >= 2
