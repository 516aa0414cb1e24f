"""The home page tells each person who they are and what to do next."""

from __future__ import annotations

import datetime as dt

import pytest

from sakip.models import Year
from workflow.services import procedure


def _start_2025(camat_user, mungka):
    camat = camat_user.person
    year = Year.objects.get(office=mungka, year=2025)
    return procedure.report_create(
        person=camat, year=year, nota=procedure.nota_dinas_defaults(camat, year)
    )


def test_it_tells_the_camat_who_she_is(client_for, camat):
    body = client_for(camat).get("/").content.decode()
    assert "ILDA SUBUL HURIATI, S.AP, M.S" in body
    assert "19800330 200003 2 001" in body
    assert "Camat Mungka" in body
    assert "Kecamatan Mungka" in body
    assert "Lima Puluh Kota" in body


def test_it_asks_the_camat_to_start_the_current_year(client_for, camat):
    body = client_for(camat).get("/").content.decode()
    assert "LAKIP tahun 2025 belum dimulai" in body
    assert "Mulai LAKIP 2025" in body


def test_it_shows_the_sekcam_her_task_after_the_camat_orders_the_report(
    client_for, camat, sekcam, mungka
):
    report = _start_2025(camat, mungka)
    body = client_for(sekcam).get("/").content.decode()
    assert "Sampaikan format pengumpulan data kinerja" in body
    assert f"/laporan/{report.pk}/" in body
    assert "Langkah 2" in body


def test_it_no_longer_asks_the_camat_once_the_report_exists(client_for, camat, mungka):
    _start_2025(camat, mungka)
    body = client_for(camat).get("/").content.decode()
    assert "belum dimulai" not in body
    assert "Tidak ada tugas yang menunggu Anda saat ini." in body
    assert "LAKIP Mungka 2025" in body


def test_it_shows_the_kasi_the_unit_form_to_fill(client_for, camat, sekcam, kasi, mungka):
    report = _start_2025(camat, mungka)
    attendees = list(mungka.people.filter(role__in=["kasi", "sekcam"]))
    procedure.report_distribute(
        report=report,
        person=sekcam.person,
        meeting={"date": dt.date(2026, 1, 5), "place": "Aula Kantor Camat"},
        attendees=attendees,
    )
    body = client_for(kasi).get("/").content.decode()
    assert "Isi format pengumpulan Seksi Pemerintahan" in body
    assert "Langkah 3" in body


def test_it_tells_the_kasi_when_nothing_waits(client_for, kasi):
    body = client_for(kasi).get("/").content.decode()
    assert "Tidak ada tugas yang menunggu Anda saat ini." in body
    assert "Kasi/Kasubag" in body


def test_it_gives_the_operator_master_data_shortcuts(client_for, admin_user):
    body = client_for(admin_user).get("/").content.decode()
    assert "/admin/sakip/person/" in body
    assert "/admin/sakip/indikator/" in body
    assert "/admin/workflow/step/" in body
    assert 'href="/rencana/"' in body  # targets and budget are planned on the plan page
    assert "Operator" in body


def test_it_shows_the_kabupaten_reader_her_kabupaten(client_for, kabupaten_reader):
    response = client_for(kabupaten_reader).get("/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "pembaca tingkat Kabupaten Lima Puluh Kota" in body
    assert "Kecamatan Mungka" in body
    assert "Kecamatan Harau" in body


@pytest.mark.parametrize(
    ("fixture", "present", "absent"),
    [
        ("camat", ["Beranda"], ["Data induk", "Dasbor kabupaten"]),
        ("kasi", ["Beranda"], ["Data induk", "Dasbor kabupaten", "Dasbor"]),
        ("admin_user", ["Beranda", "Data induk"], ["Tugas saya", "Dasbor"]),
        ("kabupaten_reader", ["Beranda"], ["Tugas saya", "Data induk", "Laporan"]),
    ],
)
def test_it_shows_the_navigation_of_the_role(request, client_for, fixture, present, absent):
    client = client_for(request.getfixturevalue(fixture))
    labels = [str(item["label"]) for item in client.get("/").context["nav_items"]]
    for label in present:
        assert label in labels
    for label in absent:
        assert label not in labels


def test_every_role_gets_its_navigation_and_only_its_own(rf, camat, kasi, admin_user):
    from pages import navigation

    def labels(user):
        return [str(i["label"]) for i in navigation.navigation_for(rf.get("/"), user.person)]

    assert labels(camat) == [
        "Beranda",
        "Tugas saya",
        "Laporan",
        "Rencana",
        "Pengukuran",
        "Dasbor",
    ]
    assert labels(kasi) == ["Beranda", "Tugas saya", "Laporan", "Rencana", "Pengukuran"]
    assert labels(admin_user) == ["Beranda", "Laporan", "Rencana", "Pengukuran", "Data induk"]


def test_the_home_page_of_another_office_shows_nothing_of_mungka(client_for, outsider):
    body = client_for(outsider).get("/").content.decode()
    assert "Kecamatan Harau" in body
    assert "Mungka" not in body
