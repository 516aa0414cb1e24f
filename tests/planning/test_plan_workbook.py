"""The plan as a workbook, both ways: the download, the round trip through a preview, and the
corpus of bad workbooks — refused whole, or listed cell by cell with nothing saved."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from sakip.models import Anggaran, Target
from tests.data.make_bad_workbooks import DAMAGE, DAMAGED_WORDS, STATIC, damaged_sheet
from tests.planning.conftest import fix_row
from tests.procedure import person

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parent.parent / "data"
PATEN = "Persentase layanan PATEN yang selesai tepat waktu"
NEW = "Persentase nagari yang menerapkan layanan administrasi berbasis elektronik"


@pytest.fixture
def pep_client(demo):
    from django.test import Client

    client = Client()
    client.force_login(person("kasubag-pep").user)
    return client


def _download(client) -> bytes:
    response = client.get("/rencana/2026/xlsx/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return response.content


def _upload(client, data: bytes, name: str = "rencana.xlsx"):
    return client.post("/rencana/2026/unggah/", {"file": SimpleUploadedFile(name, data)})


def _row(ws, name: str) -> int:
    return next(r for r in range(6, ws.max_row + 1) if ws.cell(row=r, column=3).value == name)


def _edit(data: bytes, change) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    change(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _state(year):
    targets = Target.objects.filter(year=year).order_by("pk")
    return (
        list(targets.values_list("version", "value", "tw4")),
        list(Anggaran.objects.filter(year=year).order_by("pk").values_list("pagu", "version")),
    )


def test_the_download_is_the_plan_with_its_marker_and_locked_columns(pep_client, year_2026):
    wb = load_workbook(io.BytesIO(_download(pep_client)))
    assert wb.sheetnames == ["Rencana", "Anggaran", "Petunjuk", "_sakip"]
    ws = wb["Rencana"]
    assert [c.value for c in ws[5]][:4] == [
        "ID",
        "Sasaran Strategis",
        "Indikator Kinerja",
        "IKU (Ya/Tidak)",
    ]
    assert ws.max_row - 5 == Target.objects.filter(year=year_2026).count()
    row = _row(ws, PATEN)
    assert ws.cell(row=row, column=9).value == 97 and ws.cell(row=row, column=15).value == 95
    assert ws.cell(row=row, column=6).value == "Persen"
    assert ws.protection.sheet and ws["B6"].protection.locked and not ws["I6"].protection.locked
    marker = {r[0].value: r[1].value for r in wb["_sakip"].iter_rows(max_col=2)}
    assert marker == {
        "jenis": "sakip-rencana",
        "versi": 1,
        "kantor": year_2026.office_id,
        "tahun": 2026,
    }
    assert wb["_sakip"].sheet_state == "veryHidden"


def test_text_is_never_exported_as_a_formula(pep_client, year_2026, pep):
    fix_row(
        Target.objects.get(year=year_2026, indikator__name=PATEN),
        pep,
        definition="=1+1 bukan rumus",
    )
    ws = load_workbook(io.BytesIO(_download(pep_client)))["Rencana"]
    cell = ws.cell(row=_row(ws, PATEN), column=18)
    assert cell.value == "=1+1 bukan rumus" and cell.data_type == "s" and cell.quotePrefix


def test_the_round_trip_previews_then_saves(pep_client, year_2026):
    def change(wb):
        ws = wb["Rencana"]
        paten, new = _row(ws, PATEN), _row(ws, NEW)
        ws.cell(row=paten, column=15, value=97)  # TW IV = the year's target now
        ws.cell(row=new, column=16, value="60")  # Renstra end target typed as text
        ws.cell(
            row=new, column=18, value="=Nagari ber-SPBE ÷ seluruh nagari × 100%"
        ).data_type = "s"
        ws.cell(row=new, column=20, value="Laporan SPBE nagari")
        budget = wb["Anggaran"]
        last = budget.max_row + 1
        budget.cell(row=last, column=2, value="7.01.02.2.04")
        budget.cell(row=last, column=5, value="75.000.000")

    before = _state(year_2026)
    response = _upload(pep_client, _edit(_download(pep_client), change))
    html = response.content.decode()
    assert response.status_code == 200 and response.context["result"].errors == []
    assert (
        "sel akan berubah" in html
        and "Laporan SPBE nagari" in html
        and "baru: pagu 75.000.000" in html
    )
    assert _state(year_2026) == before  # nothing saved before the confirmation
    token = response.context["token"]
    assert pep_client.post(f"/rencana/2026/unggah/{token}/").status_code == 302
    paten = Target.objects.get(year=year_2026, indikator__name=PATEN)
    new = Target.objects.select_related("indikator").get(year=year_2026, indikator__name=NEW)
    assert paten.tw4 == 97
    assert new.indikator.renstra_target == 60
    assert new.indikator.definition.startswith("=Nagari ber-SPBE")
    assert Anggaran.objects.get(year=year_2026, nomenklatur__code="7.01.02.2.04").pagu == 75_000_000
    # The preview is used once.
    pep_client.post(f"/rencana/2026/unggah/{token}/")
    assert Target.objects.get(pk=paten.pk).version == paten.version


def test_a_row_changed_after_the_preview_is_not_overwritten(pep_client, year_2026, pep):
    data = _edit(
        _download(pep_client),
        lambda wb: wb["Rencana"].cell(row=_row(wb["Rencana"], PATEN), column=15, value=97),
    )
    token = _upload(pep_client, data).context["token"]
    fix_row(
        Target.objects.get(year=year_2026, indikator__name=PATEN), person("admin"), tw4=Decimal(96)
    )
    response = pep_client.post(f"/rencana/2026/unggah/{token}/", follow=True)
    assert "sudah diubah orang lain" in response.content.decode()
    assert Target.objects.get(year=year_2026, indikator__name=PATEN).tw4 == 96


# file name → the words of the refusal (the nine-column corpus, read as a plan workbook).
PLAN_WORDS = {
    "no_marker.xlsx": "bukan berkas rencana kinerja",
    "other_office.xlsx": "bukan berkas rencana kinerja",
    # A nine-column format whose sheet XML is cut: its sheet list already says it is no plan.
    "cut_in_half.xlsx": "bukan berkas rencana kinerja",
}


@pytest.mark.parametrize("how", DAMAGE)
@pytest.mark.parametrize("sheet", ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
def test_a_plan_workbook_with_damaged_worksheet_xml_is_refused(pep_client, year_2026, how, sheet):
    data = damaged_sheet(_download(pep_client), how, sheet)
    before = _state(year_2026)
    response = _upload(pep_client, data)
    assert response.status_code == 400
    assert DAMAGED_WORDS in response.context["refused"]
    assert _state(year_2026) == before


@pytest.mark.parametrize("name", sorted(STATIC))
def test_the_static_corpus_is_refused(pep_client, year_2026, name):
    words = PLAN_WORDS.get(name, STATIC[name][1])
    before = _state(year_2026)
    response = _upload(pep_client, (DATA / name).read_bytes(), name)
    assert response.status_code == 400
    assert words in response.context["refused"]
    assert "Tidak ada data yang diubah." in response.content.decode()
    assert _state(year_2026) == before


def _marker(key: str, delta: int):
    def change(wb):
        for row in wb["_sakip"].iter_rows(max_col=2):
            if row[0].value == key:
                row[1].value = row[1].value + delta

    return change


def _cell(sheet: str, column: int, value, *, row_of: str = PATEN):
    def change(wb):
        ws = wb[sheet]
        row = _row(ws, row_of) if sheet == "Rencana" else 5
        ws.cell(row=row, column=column, value=value)

    return change


def _header(sheet: str, ref: str):
    def change(wb):
        wb[sheet][ref] = "Diubah"

    return change


def _foreign_row(wb):
    ws = wb["Rencana"]
    ws.cell(row=ws.max_row + 1, column=1, value=999999)
    ws.cell(row=ws.max_row, column=3, value="Indikator siluman")


def _foreign_budget(wb):
    ws = wb["Anggaran"]
    ws.cell(row=ws.max_row + 1, column=2, value="9.99.99")
    ws.cell(row=ws.max_row, column=5, value=1000)


# mutation → (change, words, refused whole)
MUTATIONS = {
    "other_office": (_marker("kantor", 1000), "kantor kecamatan lain", True),
    "other_year": (_marker("tahun", -1), "bukan tahun 2026", True),
    "plan_header": (_header("Rencana", "I5"), "Judul kolom lembar 'Rencana'", True),
    "budget_header": (_header("Anggaran", "E4"), "Judul kolom lembar 'Anggaran'", True),
    "formula": (_cell("Rencana", 15, "=SUM(90,7)"), "Rumus tidak diizinkan", False),
    "not_a_number": (_cell("Rencana", 9, "sembilan puluh"), "bukan angka", False),
    "percent_over_100": (_cell("Rencana", 12, 120), "Persen paling besar 100.", False),
    "bad_choice": (
        _cell("Rencana", 7, "Semakin sedang"),
        "Pilih salah satu isian dari daftar.",
        False,
    ),
    "bad_flag": (_cell("Rencana", 4, "Mungkin"), "Isi dengan Ya atau Tidak.", False),
    "unknown_unit": (
        _cell("Rencana", 21, "Seksi Antah Berantah"),
        "Unit ini tidak ada di kantor Anda.",
        False,
    ),
    "unknown_code": (
        _cell("Rencana", 22, "7.99.99"),
        "Kode ini tidak ada di nomenklatur kantor.",
        False,
    ),
    "range_on_a_percent": (
        _cell("Rencana", 10, 99),
        "Batas atas hanya untuk target rentang",
        False,
    ),
    "foreign_row": (_foreign_row, "tidak ada dalam rencana tahun ini", False),
    "foreign_budget": (_foreign_budget, "Kode ini tidak ada di nomenklatur kantor.", False),
    "budget_formula": (_cell("Anggaran", 5, "=2*1000"), "Rumus tidak diizinkan", False),
    "budget_cents": (_cell("Anggaran", 5, "1.000,555"), "dua angka di belakang koma", False),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_tampered_workbooks_are_refused(pep_client, year_2026, name):
    change, words, whole = MUTATIONS[name]
    data = _edit(_download(pep_client), change)
    before = _state(year_2026)
    response = _upload(pep_client, data)
    if whole:
        assert response.status_code == 400
        assert words in response.context["refused"]
    else:
        assert response.status_code == 200
        assert any(words in e.reason for e in response.context["result"].errors), response.context[
            "result"
        ].errors
        assert response.context["token"] == ""
        assert b"confirm-upload" not in response.content
    assert _state(year_2026) == before


def test_a_nine_column_format_is_not_a_plan(pep_client, report_at, kasi):
    from django.test import Client

    report = report_at("pengumpulan")
    submission = report.submissions.first()
    reader = Client()
    reader.force_login(person("sekcam").user)
    data = reader.get(f"/laporan/{report.pk}/isian/{submission.pk}/xlsx/").content
    response = _upload(pep_client, data)
    assert response.status_code == 400
    assert "bukan berkas rencana kinerja" in response.context["refused"]


def test_only_the_preparers_upload_and_a_signed_year_is_locked(client_for, camat, pep_client):
    assert client_for(camat).get("/rencana/2026/unggah/").status_code == 403
    locked = pep_client.get("/rencana/2025/unggah/", follow=True)
    assert "melalui PK Perubahan" in locked.content.decode()
