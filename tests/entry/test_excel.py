import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from sakip.models import PlanRow
from tests.data.make_bad_workbooks import (
    DAMAGE,
    DAMAGED_WORDS,
    DOWNLOAD_SHEETS,
    MUTATIONS,
    STATIC,
    damaged_sheet,
    mutate,
)
from tests.entry.conftest import sub_url

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parent.parent / "data"


def _download(client, submission) -> bytes:
    response = client.get(sub_url(submission, "xlsx/"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return response.content


def _upload(client, submission, data: bytes, name="format.xlsx"):
    return client.post(sub_url(submission, "unggah/"), {"file": SimpleUploadedFile(name, data)})


def _state(submission):
    return list(
        PlanRow.objects.filter(submission=submission)
        .order_by("pk")
        .values_list("version", "realisasi", "sumber_data", "keterangan")
    )


def test_the_download_is_a_protected_format_with_marker(client_for, kasi, submission):
    wb = load_workbook(io.BytesIO(_download(client_for(kasi), submission)))
    assert wb.sheetnames == ["Format", "Petunjuk", "_sakip"]
    ws = wb["Format"]
    assert [c.value for c in ws[6]][:9] == [
        "No",
        "Sasaran Strategis",
        "Indikator Kinerja",
        "Target",
        "Realisasi/ Progres Capaian",
        "Program/Kegiatan/ Sub Kegiatan",
        "Sumber Data",
        "Yang membidangi",
        "Ket",
    ]
    assert [c.value for c in ws[7]][:9] == list(range(1, 10))
    assert ws.protection.sheet
    assert ws["B8"].protection.locked and not ws["E8"].protection.locked
    assert ws.data_validations.dataValidation[0].formula1 == '"Ya,Tidak"'
    marker = {r[0].value: r[1].value for r in wb["_sakip"].iter_rows(max_col=2)}
    assert wb["_sakip"].sheet_state == "veryHidden"
    assert marker["unit"] == submission.unit_id and marker["laporan"] == submission.report_id
    assert ws.max_row - 7 == submission.rows.count()


def test_the_round_trip_previews_then_saves(client_for, kasi, submission):
    client = client_for(kasi)
    wb = load_workbook(io.BytesIO(_download(client, submission)))
    ws = wb["Format"]
    ws["E8"] = "87,5"
    ws["G8"] = "Laporan pembinaan 2025"
    ws["I9"] = "=tulisan, bukan rumus"
    ws["I9"].data_type = "s"
    ws["J10"] = "Ya"
    ws["K10"] = "Menunggu anggaran perubahan"
    out = io.BytesIO()
    wb.save(out)
    before = _state(submission)
    response = _upload(client, submission, out.getvalue())
    html = response.content.decode()
    assert response.status_code == 200
    assert "sel akan berubah" in html
    assert "87,5" in html and "Laporan pembinaan 2025" in html
    assert _state(submission) == before
    token = response.context["token"]
    response = client.post(sub_url(submission, f"unggah/{token}/"))
    assert response.status_code == 302
    rows = list(submission.rows.order_by("number"))
    assert rows[0].realisasi == Decimal("87.5")
    assert rows[0].sumber_data == "Laporan pembinaan 2025"
    assert rows[1].keterangan == "=tulisan, bukan rumus"
    assert rows[2].belum_berjalan and rows[2].belum_berjalan_reason.startswith("Menunggu")
    assert client.post(sub_url(submission, f"unggah/{token}/")).status_code == 302
    assert rows[0].version == 2


def test_a_row_changed_after_the_preview_is_not_overwritten(client_for, kasi, submission):
    client = client_for(kasi)
    wb = load_workbook(io.BytesIO(_download(client, submission)))
    wb["Format"]["E8"] = 70
    out = io.BytesIO()
    wb.save(out)
    token = _upload(client, submission, out.getvalue()).context["token"]
    row = submission.rows.order_by("number").first()
    PlanRow.objects.filter(pk=row.pk).update(realisasi=Decimal("55"), version=9)
    client.post(sub_url(submission, f"unggah/{token}/"))
    row.refresh_from_db()
    assert row.realisasi == Decimal("55")


@pytest.mark.parametrize("name", sorted(STATIC))
def test_the_static_corpus_is_refused(client_for, kasi, submission, name):
    words = STATIC[name][1]
    before = _state(submission)
    response = _upload(client_for(kasi), submission, (DATA / name).read_bytes(), name)
    assert response.status_code == 400
    assert words in response.context["refused"]
    assert "Tidak ada data yang diubah." in response.content.decode()
    assert _state(submission) == before


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_tampered_formats_are_refused(client_for, kasi, submission, name):
    _change, words, whole = MUTATIONS[name]
    client = client_for(kasi)
    data = mutate(name, _download(client, submission))
    before = _state(submission)
    response = _upload(client, submission, data)
    if whole:
        assert response.status_code == 400
        assert words in response.context["refused"]
    else:
        assert response.status_code == 200
        assert any(words in e.reason for e in response.context["result"].errors)
        assert response.context["token"] == ""
        assert b"confirm-upload" not in response.content
    assert _state(submission) == before


def test_uploaded_workbooks_are_parsed_through_defusedxml():
    import openpyxl

    assert openpyxl.DEFUSEDXML is True


@pytest.mark.parametrize("sheet", sorted(DOWNLOAD_SHEETS))
@pytest.mark.parametrize("how", DAMAGE)
def test_a_format_with_damaged_worksheet_xml_is_refused(client_for, kasi, submission, how, sheet):
    client = client_for(kasi)
    data = damaged_sheet(_download(client, submission), how, DOWNLOAD_SHEETS[sheet])
    before = _state(submission)
    response = _upload(client, submission, data)
    assert response.status_code == 400
    assert DAMAGED_WORDS in response.context["refused"]
    assert "Tidak ada data yang diubah." in response.content.decode()
    assert _state(submission) == before


def test_an_oversized_upload_is_refused(client_for, kasi, submission, settings):
    client = client_for(kasi)
    data = _download(client, submission)
    settings.SAKIP_UPLOAD_MAX_BYTES = len(data) - 1
    response = _upload(client, submission, data)
    assert response.status_code == 400
    assert "terlalu besar" in response.context["refused"]


def test_another_units_kasi_may_not_upload(client_for, kasi, other_kasi, submission):
    data = _download(client_for(kasi), submission)
    response = _upload(client_for(other_kasi), submission, data)
    assert response.status_code == 403


def test_the_preview_lists_every_error_of_a_row(client_for, kasi, submission):
    client = client_for(kasi)
    wb = load_workbook(io.BytesIO(_download(client, submission)))
    wb["Format"]["E8"] = "-3"
    wb["Format"]["J8"] = "Mungkin"
    out = io.BytesIO()
    wb.save(out)
    result = _upload(client, submission, out.getvalue()).context["result"]
    assert {(e.excel_row, e.column) for e in result.errors} == {
        (8, "Realisasi/ Progres Capaian"),
        (8, "Kegiatan belum berjalan (Ya/Tidak)"),
    }
