"""A quarter's rows go through the same Excel round-trip as the year's collection: the
format shows the quarter's target, the upload previews and saves the quarter's figures."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import load_workbook

from tests.entry.conftest import sub_url


def test_a_quarters_format_round_trips(client_for, kasi, quarters):
    report = quarters.open(1)
    submission = report.submissions.get(unit=kasi.person.unit)
    client = client_for(kasi)
    response = client.get(sub_url(submission, "xlsx/"))
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(response.content))
    ws = wb["Format"]
    first = submission.rows.order_by("number").select_related("indikator").first()
    target_cell = str(ws["D8"].value)
    assert target_cell.startswith(f"{first.quarter_target.normalize():f}".replace(".", ","))
    ws["E8"] = "3"
    ws["G8"] = "Register triwulan I"
    out = io.BytesIO()
    wb.save(out)
    from django.core.files.uploadedfile import SimpleUploadedFile

    preview = client.post(
        sub_url(submission, "unggah/"), {"file": SimpleUploadedFile("tw1.xlsx", out.getvalue())}
    )
    assert preview.status_code == 200, preview.content.decode()[:500]
    token = preview.context["token"]
    assert client.post(sub_url(submission, f"unggah/{token}/")).status_code == 302
    first.refresh_from_db()
    assert first.realisasi == Decimal(3) and first.sumber_data == "Register triwulan I"
