"""More of the bad-input corpus: numbers beyond what the database keeps, control characters
in any text (typed, pasted, imported or already stored) and the length of every free-text
field. Each is refused with an Indonesian message or cleaned, and nothing else changes."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from openpyxl import load_workbook

from sakip.models import PlanRow, TargetKind
from tests.procedure import to_evaluation
from tests.proof.test_bad_input import _workbook_with, page_url, url
from workflow.services import procedure as svc

# ---- numbers out of range ---------------------------------------------------------------------


@pytest.mark.parametrize("realisasi", ["1" + "0" * 27, "100000000000", "100.000.000.000,5"])
def test_it_refuses_a_realisation_larger_than_the_field_holds(
    client_for, kasi, text_row, realisasi
):
    stored = text_row.realisasi  # as step 2 left it (from the demo's quarters)
    response = client_for(kasi).post(
        url(text_row), {"realisasi": realisasi, "sumber_data": "SIMPEG", "version": 1}
    )
    assert response.status_code == 400
    assert "Angka terlalu besar: paling besar 99.999.999.999,9999" in response.content.decode()
    text_row.refresh_from_db()
    assert text_row.version == 1 and text_row.realisasi == stored


def test_it_keeps_the_largest_number_the_field_holds(client_for, kasi, text_row):
    text_row.indikator.target_kind = TargetKind.NUMBER
    text_row.indikator.save()
    response = client_for(kasi).post(
        url(text_row),
        {"realisasi": "99.999.999.999,9999", "sumber_data": "SIMPEG", "version": 1},
    )
    assert response.status_code == 302
    text_row.refresh_from_db()
    assert str(text_row.realisasi) == "99999999999.9999"
    assert client_for(kasi).get(page_url(text_row.submission)).status_code == 200


@pytest.mark.parametrize("cell", [1e25, 1e300, 10**27, "1" + "0" * 30])
def test_it_refuses_a_huge_number_in_a_workbook_cell(client_for, kasi, submission, cell):
    client = client_for(kasi)
    upload = _workbook_with(client, submission, {5: cell, 7: "SIMPEG"})
    before = list(submission.rows.order_by("pk").values_list("version", "realisasi"))
    response = client.post(page_url(submission, "unggah/"), {"file": upload})
    html = response.content.decode()
    assert 'id="upload-errors"' in html
    assert html.count("Angka terlalu besar") == submission.rows.count()
    assert not re.search(rf"/isian/{submission.pk}/unggah/[\w-]+/", html)
    assert list(submission.rows.order_by("pk").values_list("version", "realisasi")) == before


# ---- control characters -------------------------------------------------------------------

# BEL ends a Word table cell, VT is Word's manual line break, ESC and DEL arrive on purpose.
CONTROL = "Laporan\x07 SIMPEG\x1b\x7f"
CONTROL_LINES = "baris satu\x0bbaris dua\x0c"


def test_it_strips_control_characters_from_a_row(client_for, kasi, text_row):
    response = client_for(kasi).post(
        url(text_row),
        {"realisasi": "87,5", "sumber_data": CONTROL, "keterangan": CONTROL_LINES, "version": 1},
    )
    assert response.status_code == 302
    text_row.refresh_from_db()
    assert text_row.sumber_data == "Laporan SIMPEG"
    assert text_row.keterangan == "baris satu\nbaris dua"


def test_it_strips_control_characters_in_the_admin(client_for, admin_user, mungka):
    from sakip.models import Unit

    response = client_for(admin_user).post(
        "/admin/sakip/unit/add/",
        {"name": "Seksi\x07 Baru\x1b", "short_name": "Baru\x08", "kind": "seksi", "order": 30},
    )
    assert response.status_code == 302
    unit = Unit.objects.get(office=mungka, order=30)
    assert (unit.name, unit.short_name) == ("Seksi Baru", "Baru")


def test_it_strips_control_characters_written_by_any_service(collecting, jf, sekcam):
    from workflow.models import RevisionRequest

    report = to_evaluation(collecting)
    submission = report.submissions.first()
    svc.submission_return(
        submission=submission, person=sekcam.person, reason="Perbaiki\x07 baris 1\x1b"
    )
    assert RevisionRequest.objects.get(submission=submission).reason == "Perbaiki baris 1"


def test_the_workbook_import_cleans_text_the_same_way(text_row):
    from sakip.cleaning import clean_entry

    values, errors = clean_entry(
        text_row,
        realisasi="87,5",
        sumber_data=CONTROL,
        keterangan=CONTROL_LINES,
        belum_berjalan=False,
        belum_berjalan_reason="",
    )
    assert not errors
    assert values["sumber_data"] == "Laporan SIMPEG"
    assert values["keterangan"] == "baris satu\nbaris dua"


def _store_raw(row: PlanRow, **values: str) -> None:
    """Old data as it may already be in a database: written past every cleaning."""
    from django.db import connection

    columns = ", ".join(f"{name} = %s" for name in values)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE sakip_planrow SET {columns} WHERE id = %s", [*values.values(), row.pk]
        )


def test_every_export_survives_control_characters_in_old_data(
    client_for, collecting, kasi, sekcam, camat, submission
):
    row = submission.rows.order_by("number").first()
    _store_raw(row, sumber_data="SIM\x07PEG\x1b", keterangan="catatan\x0blama")
    row.refresh_from_db()
    assert "\x07" in row.sumber_data  # the old data really holds them
    exports = [
        (kasi, page_url(submission, "xlsx/")),
        (sekcam, f"/laporan/{collecting.pk}/dokumen/tabel.xlsx"),
        (sekcam, f"/laporan/{collecting.pk}/himpunan/xlsx/"),
        (camat, "/dasbor/unduh/isian.xlsx?tahun=2025"),
    ]
    for user, address in exports:
        response = client_for(user).get(address)
        assert response.status_code == 200, address
        content = b"".join(response.streaming_content) if response.streaming else response.content
        cells = [
            c.value
            for sheet in load_workbook(BytesIO(content)).worksheets
            for r in sheet.iter_rows()
            for c in r
            if isinstance(c.value, str)
        ]
        if "dasbor" not in address:
            assert "SIMPEG" in cells, address
        assert not [c for c in cells if re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", c)]


# ---- length limits ---------------------------------------------------------------------------


def test_it_refuses_a_huge_not_started_reason(client_for, kasi, text_row):
    response = client_for(kasi).post(
        url(text_row),
        {
            "sumber_data": "SIMPEG",
            "belum_berjalan": "on",
            "belum_berjalan_reason": "belum " * 20000,
            "version": 1,
        },
    )
    assert response.status_code == 400
    assert "Paling banyak 2000 karakter" in response.content.decode()
    text_row.refresh_from_db()
    assert text_row.version == 1 and not text_row.belum_berjalan


@pytest.mark.parametrize(
    ("model", "field", "limit"),
    [
        ("sakip.PlanRow", "keterangan", 2000),
        ("sakip.PlanRow", "belum_berjalan_reason", 2000),
        ("sakip.PlanRow", "analysis", 5000),
        ("sakip.Indikator", "name", 1000),
        ("workflow.Chapter", "body", 20000),
        ("workflow.RevisionRequest", "reason", 5000),
        ("workflow.NotaDinas", "isi", 10000),
        ("workflow.Meeting", "decisions", 10000),
    ],
)
def test_every_free_text_field_has_a_limit(model, field, limit):
    from django.apps import apps

    assert apps.get_model(model)._meta.get_field(field).max_length == limit


def test_no_text_field_is_left_without_a_limit():
    from django.apps import apps
    from django.db import models

    unlimited = [
        f"{m._meta.label}.{f.name}"
        for app in ("sakip", "workflow")
        for m in apps.get_app_config(app).get_models()
        for f in m._meta.get_fields()
        if isinstance(f, models.TextField) and not f.max_length
    ]
    assert unlimited == []


def test_the_chapter_editor_refuses_a_body_beyond_its_limit():
    from pages.documents.forms import ChapterForm

    form = ChapterForm(data={"body": "x" * 20001, "version": 1})
    assert not form.is_valid()
    assert "paling banyak 20000 karakter" in form.errors["body"][0]
    form = ChapterForm(data={"body": "Bab\x07 I", "version": 1})
    assert form.is_valid() and form.cleaned_data["body"] == "Bab I"


def test_a_step_note_beyond_its_limit_is_refused_whatever_form_sent_it(collecting, sekcam):
    from workflow.services import TransitionRefused

    report = to_evaluation(collecting)
    submission = report.submissions.first()
    with pytest.raises(TransitionRefused, match="Catatan paling banyak 5000 karakter"):
        svc.submission_return(submission=submission, person=sekcam.person, reason="x" * 5001)
    submission.refresh_from_db()
    assert submission.state == "dikirim" and not submission.revisions.exists()
