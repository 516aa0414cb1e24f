import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from sakip.models import Evidence
from tests.entry.conftest import row_url
from workflow.services.uploads import sanitize_filename

pytestmark = pytest.mark.django_db

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


def _xlsm() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(_xlsx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"sheet.main+xml", b"sheet.macroEnabled.main+xml")
            target.writestr(item, data)
        target.writestr("xl/vbaProject.bin", b"\x00" * 32)
    return out.getvalue()


def _upload(client, row, name, content):
    return client.post(row_url(row, "bukti/"), {"file": SimpleUploadedFile(name, content)})


def test_it_stores_evidence_with_a_sanitised_name(client_for, kasi, submission, settings):
    row = submission.rows.first()
    response = _upload(client_for(kasi), row, "../../etc/lap\x00oran <final>.pdf", PDF)
    assert response.status_code == 302
    evidence = Evidence.objects.get(row=row)
    assert evidence.original_name == "laporan _final_.pdf"
    assert evidence.content_type == "application/pdf"
    assert "laporan" not in evidence.file.name
    assert evidence.file.name.startswith(f"evidence/{row.submission.report.office_id}/")


def test_it_detects_the_type_from_content_not_the_name(client_for, kasi, submission):
    row = submission.rows.first()
    client = client_for(kasi)
    response = _upload(client, row, "foto.pdf", PNG)
    assert response.status_code == 302
    assert Evidence.objects.get(row=row).original_name == "foto.png"
    response = _upload(client, row, "laporan.pdf", b"MZ\x90\x00 this is an exe")
    assert (
        "bukan PDF, JPG, PNG, XLSX atau DOCX" in client.get(response["Location"]).content.decode()
    )
    assert Evidence.objects.filter(row=row).count() == 1


def test_it_accepts_xlsx_and_refuses_macro_workbooks(client_for, kasi, submission):
    row = submission.rows.first()
    client = client_for(kasi)
    _upload(client, row, "data.xlsx", _xlsx())
    assert Evidence.objects.filter(row=row, content_type__contains="spreadsheetml").count() == 1
    response = _upload(client, row, "data.xlsx", _xlsm())
    assert "makro" in client.get(response["Location"]).content.decode()
    assert Evidence.objects.filter(row=row).count() == 1


def _docx_bomb() -> bytes:
    """A docx whose document part inflates a thousandfold (20 MB of zeros)."""
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("word/document.xml", b"<w:document>" + b"0" * (20 * 1024 * 1024))
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bom.xlsx", lambda: (DATA_DIR / "zip_bomb.xlsx").read_bytes()),
        ("bom.docx", _docx_bomb),
    ],
)
def test_it_refuses_office_files_that_inflate_like_a_bomb(
    client_for, kasi, submission, name, content
):
    row = submission.rows.first()
    client = client_for(kasi)
    response = _upload(client, row, name, content())
    page = client.get(response["Location"]).content.decode()
    assert "mengembang tidak wajar saat dibuka" in page
    assert not Evidence.objects.filter(row=row).exists()


def test_it_refuses_oversized_evidence(client_for, kasi, submission, settings):
    settings.SAKIP_EVIDENCE_MAX_BYTES = 1024
    row = submission.rows.first()
    client = client_for(kasi)
    response = client.post(
        row_url(row, "bukti/"),
        {"file": SimpleUploadedFile("besar.pdf", PDF + b"0" * 2048)},
        HTTP_HX_REQUEST="true",
    )
    assert "Berkas terlalu besar" in response.content.decode()
    assert not Evidence.objects.filter(row=row).exists()


@pytest.fixture
def evidence(client_for, kasi, submission):
    row = submission.rows.first()
    _upload(client_for(kasi), row, "bukti.pdf", PDF)
    return Evidence.objects.get(row=row)


def _download(client, evidence):
    return client.get(f"/laporan/{evidence.row.submission.report_id}/bukti/{evidence.pk}/")


def test_the_unit_head_and_the_sekcam_download(client_for, kasi, sekcam, evidence):
    for user in (kasi, sekcam):
        response = _download(client_for(user), evidence)
        assert response.status_code == 200
        assert response["Content-Disposition"] == 'attachment; filename="bukti.pdf"'
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content) == PDF


def test_another_units_kasi_gets_403_and_another_office_404(
    client_for, other_kasi, outsider, evidence
):
    assert _download(client_for(other_kasi), evidence).status_code == 403
    assert _download(client_for(outsider), evidence).status_code == 404


def test_evidence_is_deleted_only_while_editable(
    client_for, kasi, evidence, django_capture_on_commit_callbacks
):
    client = client_for(kasi)
    url = f"/laporan/{evidence.row.submission.report_id}/bukti/{evidence.pk}/hapus/"
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    assert not Evidence.objects.filter(pk=evidence.pk).exists()
    assert not evidence.file.storage.exists(evidence.file.name)


def test_evidence_of_a_submitted_unit_stays(client_for, kasi, evidence, submission):
    from tests.entry.test_review import fill_and_submit

    fill_and_submit(submission, kasi.person)
    url = f"/laporan/{submission.report_id}/bukti/{evidence.pk}/hapus/"
    response = client_for(kasi).post(url)
    assert response.status_code == 302
    assert Evidence.objects.filter(pk=evidence.pk).exists()


def test_it_sanitises_names():
    assert sanitize_filename("C:\\Users\\x\\Bukti Rapat.pdf") == "Bukti Rapat.pdf"
    assert sanitize_filename("\x07\x1b") == "berkas"
    assert len(sanitize_filename("a" * 500 + ".pdf")) == 120
    assert sanitize_filename("a" * 500 + ".pdf").endswith(".pdf")
