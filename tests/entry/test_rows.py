from decimal import Decimal

import pytest

from sakip.models import PlanRow, TargetKind
from tests.entry.conftest import row_url, sub_url
from workflow.models import Report

pytestmark = pytest.mark.django_db


def _row(submission, kind=TargetKind.PERCENT):
    return submission.rows.filter(indikator__target_kind=kind).order_by("number").first()


def _post(client, row, htmx=False, **data):
    payload = {
        "realisasi": "",
        "sumber_data": "Laporan pembinaan",
        "keterangan": "",
        "version": row.version,
        **data,
    }
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(row_url(row), payload, **headers)


def test_it_shows_the_sop_headers_and_numbering(client_for, kasi, submission):
    response = client_for(kasi).get(sub_url(submission))
    assert response.status_code == 200
    html = response.content.decode()
    for header in [
        '<th scope="col" class="c-no">No</th>',
        "Sasaran Strategis",
        "Realisasi/ Progres Capaian",
        "Program/Kegiatan/ Sub Kegiatan",
        "Yang membidangi",
        ">Ket</th>",
    ]:
        assert header in html
    assert "<th>9</th>" in html
    assert "dari 3 baris lengkap" in html
    assert "7.01.06.2.01.0001" in html


def test_it_saves_a_row_with_htmx_and_shows_capaian(client_for, kasi, submission, report):
    row = _row(submission)
    before = Report.objects.get(pk=report.pk).data_version
    response = _post(client_for(kasi), row, htmx=True, realisasi="87,5")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="baris-{row.pk}"' in html
    assert "Capaian 97,22%" in html
    assert 'title="Realisasi / Target × 100%"' in html
    assert 'hx-swap-oob="true"' in html
    row.refresh_from_db()
    assert row.realisasi == Decimal("87.5")
    assert row.version == 2
    assert row.updated_by == kasi.person
    assert Report.objects.get(pk=report.pk).data_version == before + 1


def test_it_saves_a_row_without_javascript(client_for, kasi, submission):
    row = _row(submission, TargetKind.NUMBER)
    response = _post(client_for(kasi), row, realisasi="1.234", keterangan="lengkap")
    assert response.status_code == 302
    assert response["Location"].endswith(f"#baris-{row.pk}")
    row.refresh_from_db()
    assert row.realisasi == Decimal("1234")
    assert row.keterangan == "lengkap"


def test_the_edit_form_works_without_javascript(client_for, kasi, submission):
    row = _row(submission)
    response = client_for(kasi).get(row_url(row))
    assert response.status_code == 200
    assert b"<html" in response.content
    assert b'name="version"' in response.content


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-3", "Angka tidak boleh negatif."),
        ("101", "Realisasi persen harus antara 0 dan 100."),
        ("banyak", "bukan angka"),
    ],
)
def test_it_refuses_bad_realisations_in_indonesian(client_for, kasi, submission, value, message):
    row = _row(submission)
    stored = row.realisasi  # as step 2 left it (the demo's quarters prefill it)
    response = _post(client_for(kasi), row, htmx=True, realisasi=value)
    assert response.status_code == 200
    assert message in response.content.decode()
    row.refresh_from_db()
    assert row.realisasi == stored
    assert row.version == 1


def test_it_needs_a_reason_when_the_activity_has_not_started(client_for, kasi, submission):
    row = _row(submission)
    response = _post(client_for(kasi), row, belum_berjalan="on")
    assert response.status_code == 400
    assert "Tuliskan alasan kegiatan belum berjalan." in response.content.decode()
    response = _post(client_for(kasi), row, belum_berjalan="on", belum_berjalan_reason="Anggaran")
    row.refresh_from_db()
    assert row.belum_berjalan and row.belum_berjalan_reason == "Anggaran"


def test_a_stale_save_is_refused_and_shows_the_stored_value(client_for, kasi, submission):
    row = _row(submission)
    client = client_for(kasi)
    assert _post(client, row, htmx=True, realisasi="80").status_code == 200
    response = _post(client, row, htmx=True, realisasi="60")
    html = response.content.decode()
    # The other save was the Kasi's own (another tab): the message does not name him.
    assert "sudah diubah di tab atau perangkat lain" in html
    assert f"sudah diubah oleh {kasi.person.full_name}" not in html
    assert "80%" in html
    row.refresh_from_db()
    assert row.realisasi == Decimal("80")
    assert row.version == 2


def test_a_save_made_stale_by_someone_else_names_them(client_for, kasi, sekcam, submission):
    from django.db.models import F

    row = _row(submission)
    PlanRow.objects.filter(pk=row.pk).update(
        version=F("version") + 1, updated_by=sekcam.person, realisasi=Decimal("70")
    )
    response = _post(client_for(kasi), row, htmx=True, realisasi="60")
    html = response.content.decode()
    assert f"sudah diubah oleh {sekcam.person.full_name}" in html
    assert "tab atau perangkat lain" not in html


def test_another_units_kasi_may_not_edit(client_for, other_kasi, submission):
    row = _row(submission)
    stored = row.realisasi
    assert client_for(other_kasi).get(sub_url(submission)).status_code == 403
    assert _post(client_for(other_kasi), row, realisasi="50").status_code == 403
    row.refresh_from_db()
    assert row.realisasi == stored and row.version == 1


def test_the_sekcam_sees_but_may_not_edit(client_for, sekcam, submission):
    row = _row(submission)
    client = client_for(sekcam)
    stored = row.realisasi
    assert client.get(sub_url(submission)).status_code == 200
    assert _post(client, row, realisasi="50").status_code == 403
    row.refresh_from_db()
    assert row.realisasi == stored and row.version == 1


def test_another_office_gets_404(client_for, outsider, submission):
    row = _row(submission)
    assert client_for(outsider).get(sub_url(submission)).status_code == 404
    assert _post(client_for(outsider), row, realisasi="50").status_code == 404


def test_text_targets_take_text(client_for, kasi, report):
    row = PlanRow.objects.filter(
        submission__report=report, indikator__target_kind=TargetKind.TEXT
    ).first()
    if row is None:
        pytest.fail("the demo has a qualitative indicator")
    head = row.unit.members.get(heads_unit=True, role="kasi").user
    response = _post(client_for(head), row, realisasi="Sudah terlaksana di 5 nagari")
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.realisasi_text == "Sudah terlaksana di 5 nagari"
    assert row.realisasi is None


def test_it_lists_blockers_and_refuses_to_submit_incomplete(client_for, kasi, submission):
    client = client_for(kasi)
    response = client.get(sub_url(submission))
    # Row 1's realisation starts from the demo's quarters; its evidence is still missing.
    assert "Baris 1: bukti dukung belum dilampirkan" in response.content.decode()
    response = client.post(sub_url(submission, "langkah/submit/"), follow=True)
    assert "Isian belum lengkap" in response.content.decode()
    submission.refresh_from_db()
    assert submission.state == "belum_dikirim"


def test_my_submission_sends_the_kasi_to_their_unit_and_others_to_the_review(
    client_for, kasi, sekcam, submission, report
):
    response = client_for(kasi).get(f"/laporan/{report.pk}/isian/")
    assert response["Location"] == sub_url(submission)
    response = client_for(sekcam).get(f"/laporan/{report.pk}/isian/")
    assert response["Location"] == f"/laporan/{report.pk}/evaluasi/"
