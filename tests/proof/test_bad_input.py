"""The bad-input corpus (tests/data/proof/): hostile and odd strings in every text field,
lying files and filenames, oversized uploads, hostile workbook cells and forged POSTs for
other units. Each is either kept verbatim and shown escaped, or refused with an Indonesian
message, and the data is as it was."""

from __future__ import annotations

import json
import re
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from documents.workbook_export import FIRST_DATA_ROW
from sakip.models import Evidence, PlanRow
from tests.procedure import head_of, pdf_upload, person, to_evaluation
from tests.proof.conftest import DATA
from workflow.services import procedure as svc
from workflow.services.rows import row_update

HOSTILE = json.loads((DATA / "hostile_strings.json").read_text())
FILENAMES = json.loads((DATA / "hostile_filenames.json").read_text())
# Markup that must never reach a page unescaped.
RAW_MARKUP = ["<script>alert(", "<img src=x onerror", "<svg onload", "<svg xmlns"]


def url(row: PlanRow, suffix: str = "") -> str:
    sub = row.submission
    return f"/laporan/{sub.report_id}/isian/{sub.pk}/baris/{row.pk}/{suffix}"


def page_url(submission, suffix: str = "") -> str:
    return f"/laporan/{submission.report_id}/isian/{submission.pk}/{suffix}"


def assert_refused(response, status: int) -> None:
    """Refused with the status and a page in Indonesian, never Django's English default."""
    assert response.status_code == status
    html = response.content.decode()
    assert ("Akses ditolak" if status == 403 else "Halaman tidak ditemukan") in html
    assert "Forbidden" not in html and "Not Found" not in html


def assert_escaped(html: str) -> None:
    for markup in RAW_MARKUP:
        assert markup not in html, markup


# ---- strings ------------------------------------------------------------------------------


@pytest.mark.parametrize("key", [k for k in HOSTILE if k != "null_byte"])
def test_it_keeps_hostile_text_verbatim_and_shows_it_escaped(client_for, kasi, text_row, key):
    value = HOSTILE[key]
    client = client_for(kasi)
    response = client.post(
        url(text_row),
        {"realisasi": "87,5", "sumber_data": value, "keterangan": value, "version": 1},
    )
    assert response.status_code == 302
    text_row.refresh_from_db()
    assert text_row.sumber_data == value.strip() and text_row.keterangan == value.strip()
    for page in (page_url(text_row.submission), url(text_row)):
        html = client.get(page).content.decode()
        assert_escaped(html)
    if key == "script":
        assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in html
    if key == "template_tags":
        assert kasi.password not in html


def test_it_refuses_null_characters_with_an_indonesian_message(client_for, kasi, text_row):
    stored = text_row.realisasi  # as step 2 left it (from the demo's quarters)
    response = client_for(kasi).post(
        url(text_row),
        {"realisasi": "87,5", "sumber_data": HOSTILE["null_byte"], "version": 1},
    )
    assert response.status_code == 400
    assert "Karakter null tidak diizinkan" in response.content.decode()
    text_row.refresh_from_db()
    assert text_row.version == 1 and text_row.realisasi == stored


def test_it_refuses_a_source_longer_than_its_column(client_for, kasi, text_row):
    response = client_for(kasi).post(
        url(text_row), {"realisasi": "87,5", "sumber_data": "x" * 300, "version": 1}
    )
    assert response.status_code == 400
    assert "paling banyak 255 karakter" in response.content.decode()
    text_row.refresh_from_db()
    assert text_row.version == 1 and text_row.sumber_data != "x" * 300


def test_it_refuses_a_huge_note_with_an_indonesian_message(client_for, kasi, text_row):
    huge = "panjang " * 40000
    client = client_for(kasi)
    response = client.post(
        url(text_row),
        {"realisasi": "87,5", "sumber_data": "SIMPEG", "keterangan": huge, "version": 1},
    )
    assert response.status_code == 400
    assert "Paling banyak" in response.content.decode()
    text_row.refresh_from_db()
    assert text_row.version == 1 and text_row.keterangan == ""
    assert client.get(page_url(text_row.submission)).status_code == 200


@pytest.mark.parametrize("realisasi", ["12abc", "1e309", "--5", "NaN", "∞", "1.2.3,4,5"])
def test_it_refuses_a_realisation_that_is_not_a_number(client_for, kasi, text_row, realisasi):
    stored = text_row.realisasi  # as step 2 left it (from the demo's quarters)
    response = client_for(kasi).post(
        url(text_row), {"realisasi": realisasi, "sumber_data": "SIMPEG", "version": 1}
    )
    assert response.status_code == 400
    text_row.refresh_from_db()
    assert text_row.version == 1 and text_row.realisasi == stored


def test_it_shows_a_hostile_return_reason_escaped(client_for, collecting, kasi, sekcam):
    report = to_evaluation(collecting)
    submission = report.submissions.get(unit=kasi.person.unit)
    row = submission.rows.first()
    response = client_for(sekcam).post(
        page_url(submission, "langkah/return_for_revision/"),
        {"reason": HOSTILE["script"], f"note_{row.pk}": HOSTILE["img_onerror"]},
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.state == "dikembalikan"
    html = client_for(kasi).get(page_url(submission)).content.decode()
    assert_escaped(html)
    assert "&lt;script&gt;" in html


# ---- evidence files ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["html_named.pdf", "svg_script_named.png", "shell_named.pdf"])
def test_it_refuses_files_whose_content_is_not_their_name(client_for, kasi, text_row, name):
    upload = SimpleUploadedFile(name, (DATA / name).read_bytes(), "application/pdf")
    client = client_for(kasi)
    response = client.post(url(text_row, "bukti/"), {"file": upload}, follow=True)
    assert "bukan PDF, JPG, PNG, XLSX atau DOCX" in response.content.decode()
    assert not Evidence.objects.filter(row=text_row).exists()


@pytest.mark.parametrize("name", FILENAMES)
def test_it_stores_hostile_filenames_safely(client_for, kasi, text_row, name):
    client = client_for(kasi)
    response = client.post(url(text_row, "bukti/"), {"file": pdf_upload(name)})
    assert response.status_code == 302
    evidence = Evidence.objects.get(row=text_row)
    stored = evidence.original_name
    assert "/" not in stored and "\\" not in stored and not stored.startswith(".")
    assert "<" not in stored and "\x00" not in stored and "\u202e" not in stored
    assert len(stored) <= 120 and stored.endswith(".pdf")
    # The file on disk is named by the application, inside the office's evidence folder.
    office = text_row.submission.report.office_id
    assert evidence.file.name.startswith(f"evidence/{office}/")
    path = Path(evidence.file.path).resolve()
    assert path.is_relative_to(Path(settings.MEDIA_ROOT).resolve()) and path.exists()
    assert_escaped(client.get(page_url(text_row.submission)).content.decode())


def test_it_refuses_oversized_evidence(client_for, kasi, text_row):
    big = b"%PDF-1.4\n" + b"0" * settings.SAKIP_EVIDENCE_MAX_BYTES
    upload = SimpleUploadedFile("besar.pdf", big, "application/pdf")
    response = client_for(kasi).post(url(text_row, "bukti/"), {"file": upload}, follow=True)
    assert "Berkas terlalu besar" in response.content.decode()
    assert not Evidence.objects.filter(row=text_row).exists()


def test_it_refuses_an_oversized_workbook(client_for, kasi, submission):
    big = b"PK\x03\x04" + b"0" * settings.SAKIP_UPLOAD_MAX_BYTES
    upload = SimpleUploadedFile("format.xlsx", big)
    response = client_for(kasi).post(page_url(submission, "unggah/"), {"file": upload})
    assert response.status_code == 400
    assert "Berkas terlalu besar" in response.content.decode()
    assert not submission.rows.filter(version__gt=1).exists()


# ---- workbooks -----------------------------------------------------------------------------


def _workbook_with(client, submission, values: dict[int, str]) -> SimpleUploadedFile:
    response = client.get(page_url(submission, "xlsx/"))
    book = load_workbook(BytesIO(response.content))
    sheet = book.worksheets[0]
    for n in range(submission.rows.count()):
        for column, value in values.items():
            sheet.cell(row=FIRST_DATA_ROW + n, column=column).value = value
    buffer = BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("format.xlsx", buffer.getvalue())


def test_it_keeps_script_in_workbook_cells_as_text_shown_escaped(client_for, kasi, submission):
    client = client_for(kasi)
    # Column 5 realisasi, 7 sumber data, 9 ket (the SOP's numbering).
    upload = _workbook_with(client, submission, {5: "87,5", 7: HOSTILE["script"], 9: "catatan"})
    html = client.post(page_url(submission, "unggah/"), {"file": upload}).content.decode()
    assert_escaped(html)
    token = re.search(rf"/isian/{submission.pk}/unggah/([\w-]+)/", html)
    assert token, "script is only text: the upload can be confirmed"
    assert client.post(page_url(submission, f"unggah/{token[1]}/")).status_code == 302
    assert set(submission.rows.values_list("sumber_data", flat=True)) == {HOSTILE["script"]}
    assert_escaped(client.get(page_url(submission)).content.decode())


@pytest.mark.parametrize("key", ["formula", "dde"])
def test_it_refuses_formulas_in_workbook_cells(client_for, kasi, submission, key):
    client = client_for(kasi)
    upload = _workbook_with(client, submission, {5: "87,5", 7: "SIMPEG", 9: HOSTILE[key]})
    html = client.post(page_url(submission, "unggah/"), {"file": upload}).content.decode()
    assert "Rumus tidak diizinkan" in html
    assert not submission.rows.filter(version__gt=1).exists()


def test_it_never_exports_typed_text_as_a_formula(client_for, kasi, text_row):
    client = client_for(kasi)
    response = client.post(
        url(text_row), {"realisasi": "87,5", "sumber_data": HOSTILE["dde"], "version": 1}
    )
    assert response.status_code == 302
    book = load_workbook(BytesIO(client.get(page_url(text_row.submission, "xlsx/")).content))
    cells = [c for row in book.worksheets[0].iter_rows() for c in row]
    assert HOSTILE["dde"] in [c.value for c in cells]
    assert not [c.coordinate for c in cells if c.data_type == "f"]


def test_it_refuses_text_in_the_number_column_and_keeps_the_rows(client_for, kasi, submission):
    client = client_for(kasi)
    upload = _workbook_with(client, submission, {5: "delapan puluh", 7: "SIMPEG"})
    before = list(submission.rows.order_by("pk").values_list("version", "realisasi"))
    response = client.post(page_url(submission, "unggah/"), {"file": upload})
    html = response.content.decode()
    assert 'id="upload-errors"' in html and "kesalahan ditemukan" in html
    # No confirmation form: only a link to upload another file.
    assert not re.search(rf"/isian/{submission.pk}/unggah/[\w-]+/", html)
    assert list(submission.rows.order_by("pk").values_list("version", "realisasi")) == before


# ---- forged POSTs for other units ------------------------------------------------------------


def test_it_refuses_a_forged_row_edit_from_another_unit(client_for, other_kasi, text_row):
    response = client_for(other_kasi).post(
        url(text_row), {"realisasi": "1", "sumber_data": "palsu", "version": 1}
    )
    assert_refused(response, 403)
    text_row.refresh_from_db()
    assert text_row.version == 1 and text_row.sumber_data != "palsu"


def test_it_refuses_forged_evidence_from_another_unit(client_for, other_kasi, text_row):
    response = client_for(other_kasi).post(url(text_row, "bukti/"), {"file": pdf_upload()})
    assert_refused(response, 403)
    assert not Evidence.objects.filter(row=text_row).exists()


def test_it_refuses_a_forged_submit_from_another_unit(client_for, other_kasi, submission):
    response = client_for(other_kasi).post(page_url(submission, "langkah/submit/"))
    assert_refused(response, 403)
    submission.refresh_from_db()
    assert submission.state == "belum_dikirim"


def test_it_refuses_a_forged_workbook_from_another_unit(client_for, kasi, other_kasi, submission):
    upload = _workbook_with(client_for(kasi), submission, {5: "50", 7: "palsu"})
    response = client_for(other_kasi).post(page_url(submission, "unggah/"), {"file": upload})
    assert_refused(response, 403)
    assert not submission.rows.filter(sumber_data="palsu").exists()


def test_it_refuses_deleting_another_units_evidence(client_for, kasi, other_kasi, text_row):
    evidence_upload = client_for(kasi).post(url(text_row, "bukti/"), {"file": pdf_upload()})
    assert evidence_upload.status_code == 302
    evidence = Evidence.objects.get(row=text_row)
    report = text_row.submission.report_id
    response = client_for(other_kasi).post(f"/laporan/{report}/bukti/{evidence.pk}/hapus/")
    assert_refused(response, 403)
    assert Evidence.objects.filter(pk=evidence.pk).exists()


def test_it_hides_another_offices_rows_from_a_forged_post(client_for, outsider, text_row):
    response = client_for(outsider).post(
        url(text_row), {"realisasi": "1", "sumber_data": "palsu", "version": 1}
    )
    assert_refused(response, 404)
    text_row.refresh_from_db()
    assert text_row.version == 1


def test_it_refuses_a_forged_step_from_the_wrong_role(client_for, collecting, kasi, outsider):
    for user, status in ((kasi, 403), (outsider, 404)):
        response = client_for(user).post(f"/laporan/{collecting.pk}/langkah/collect/")
        assert_refused(response, status)
    collecting.refresh_from_db()
    assert collecting.state == "pengumpulan"


def test_it_refuses_accepting_as_a_kasi(client_for, collecting, kasi):
    report = to_evaluation(collecting)
    submission = report.submissions.get(unit=kasi.person.unit)
    response = client_for(kasi).post(page_url(submission, "langkah/accept/"))
    assert_refused(response, 403)
    submission.refresh_from_db()
    assert submission.state == "dikirim"
    assert head_of(submission) == person("kasi-pemerintahan")


# ---- PDFs ------------------------------------------------------------------------------------


def _pdf_text(client, report, kind: str) -> str:
    response = client.get(f"/laporan/{report.pk}/dokumen/{kind}.pdf")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    # Narrow table columns wrap anywhere: compare without whitespace.
    return "".join(text.split())


def test_it_prints_hostile_text_literally_in_the_pdfs(client_for, collecting, kasi, sekcam, jf):
    row = collecting.submissions.get(unit=kasi.person.unit).rows.order_by("number").first()
    row_update(
        row=row,
        person=kasi.person,
        values={"sumber_data": HOSTILE["script"], "keterangan": HOSTILE["img_onerror"]},
        version=row.version,
    )
    report = to_evaluation(collecting)
    for sub in report.submissions.all():
        svc.submission_accept(submission=sub, person=sekcam.person)
    report = svc.report_finish_evaluation(report=report, person=sekcam.person)
    chapter = report.chapters.get(key="ikhtisar")
    svc.chapter_update(
        chapter=chapter,
        person=jf.person,
        body=f"Ringkasan {HOSTILE['script']} {HOSTILE['attr_break']}",
        version=chapter.version,
    )
    client = client_for(sekcam)
    # Escaped markup is printed as the characters typed; unescaped it would vanish.
    for text, values in (
        (_pdf_text(client, report, "tabel"), [HOSTILE["script"], HOSTILE["img_onerror"]]),
        (_pdf_text(client, report, "lakip"), [HOSTILE["script"], HOSTILE["attr_break"]]),
    ):
        for value in values:
            assert "".join(value.split()) in text
