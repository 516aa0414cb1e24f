"""The plan page: what each role sees, editing a row in place (htmx and without JavaScript),
stale edits, Indonesian numbers, the checks, the lock, copying last year, the PK's page and
its doors."""

from __future__ import annotations

import re

import pytest

from sakip.models import Anggaran, Target
from tests.procedure import person
from workflow.models import PerjanjianKinerja, PerjanjianState

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def _target(year, part: str) -> Target:
    return Target.objects.select_related("indikator").get(
        year=year, indikator__name__icontains=part
    )


def _row_post(target: Target, **changes) -> dict:
    ind = target.indikator
    data = {
        "name": ind.name,
        "satuan": ind.satuan,
        "target_kind": ind.target_kind,
        "polarity": ind.polarity,
        "aggregation": ind.aggregation,
        "definition": ind.definition,
        "sumber_data": ind.sumber_data,
        "unit": ind.unit_id,
        "nomenklatur": ind.nomenklatur_id or "",
        "value": "97",
        "tw1": "91",
        "tw2": "93",
        "tw3": "95",
        "tw4": "97",
        "renstra_target": "98",
        "ind_version": ind.version,
        "target_version": target.version,
    }
    if ind.iku:
        data["iku"] = "on"
    data.update(changes)
    return data


def test_the_kasubag_pep_sees_the_whole_plan_its_checks_and_can_edit(client_for, year_2026):
    html = client_for(person("kasubag-pep").user).get("/rencana/2026/").content.decode()
    assert html.count('class="plan-row') == Target.objects.filter(year=year_2026).count()
    checks = re.search(r'id="checks">(.*?)</ul>', html, re.S).group(1)
    assert "target TW IV (95) tidak sama dengan target tahun ini (97)" in checks
    assert "naik dari TW I ke TW II" in checks
    assert "definisi/formula belum diisi" in checks
    assert "PK belum dapat diajukan" in html
    assert "edit-row" in html and "Unggah rencana (Excel)" in html
    # Indonesian numbers, never 90,0000.
    assert "2,5 hari" not in html  # 2026's average is 2 hari
    assert ",0000" not in html and "1,6 hari" in html
    assert "2.310.400.000" in html  # the programme's pagu, copied from 2025


def test_the_camat_reads_it_without_editing(client_for, camat):
    html = client_for(camat).get("/rencana/2026/").content.decode()
    assert 'class="plan-row' in html and "edit-row" not in html
    assert "Tambah indikator" not in html and "Unggah rencana" not in html
    assert "Unduh rencana (Excel)" in html


def test_a_kasi_sees_only_the_indicators_his_unit_answers_for(client_for, kasi, year_2026):
    html = client_for(kasi).get("/rencana/2026/").content.decode()
    mine = Target.objects.filter(year=year_2026, indikator__unit=person("kasi-pemerintahan").unit)
    assert html.count('class="plan-row') == mine.count()
    assert "Persentase layanan PATEN" not in html
    assert 'id="budget-table"' not in html and "Unduh rencana (Excel)" not in html
    assert "Seksi Pemerintahan" in html and "Perjanjian Kinerja" in html
    assert client_for(kasi).get("/rencana/2026/xlsx/").status_code == 403


def test_other_offices_and_the_kabupaten_reader_find_no_plan(
    client_for, outsider, kabupaten_reader, year_2026
):
    target = _target(year_2026, "PATEN")
    assert client_for(outsider).get("/rencana/2026/").status_code == 404
    assert client_for(outsider).get(f"/rencana/2025/baris/{target.pk}/").status_code == 404
    assert client_for(kabupaten_reader).get("/rencana/2025/").status_code == 404


def test_a_row_is_edited_in_place_with_htmx(client_for, year_2026):
    client = client_for(person("kasubag-pep").user)
    target = _target(year_2026, "PATEN")
    form = client.get(f"/rencana/2026/baris/{target.pk}/", **HTMX)
    assert form.status_code == 200
    assert f'<tbody id="rencana-{target.pk}"' in form.content.decode()
    assert 'name="tw4" value="95"' in form.content.decode()
    saved = client.post(f"/rencana/2026/baris/{target.pk}/", _row_post(target), **HTMX)
    html = saved.content.decode()
    assert saved.status_code == 200 and "just-saved" in html
    assert 'id="plan-checks" class="card mb-3" hx-swap-oob="true"' in html
    assert "tidak sama dengan target tahun ini" not in html
    target.refresh_from_db()
    assert (target.value, target.tw4) == (97, 97)


def test_without_javascript_the_row_has_its_own_page(client_for, year_2026):
    client = client_for(person("kasubag-pep").user)
    target = _target(year_2026, "waktu penyelesaian")
    assert "Ubah baris rencana" in client.get(f"/rencana/2026/baris/{target.pk}/").content.decode()
    data = _row_post(
        target, value="2", tw1="2,5", tw2="2,25", tw3="2", tw4="1,75", renstra_target="1"
    )
    response = client.post(f"/rencana/2026/baris/{target.pk}/", data)
    assert response.status_code == 302
    assert response["Location"] == f"/rencana/2026/#rencana-{target.pk}"
    target.refresh_from_db()
    assert [str(v) for v in (target.tw1, target.tw2, target.tw4)] == ["2.5000", "2.2500", "1.7500"]
    html = client.get("/rencana/2026/").content.decode()
    assert "2,25 hari" in html and "1,75 hari" in html


def test_wrong_input_is_refused_in_indonesian_and_nothing_is_saved(client_for, year_2026):
    client = client_for(person("kasubag-pep").user)
    target = _target(year_2026, "PATEN")
    response = client.post(
        f"/rencana/2026/baris/{target.pk}/",
        _row_post(target, value="sembilan puluh", tw2="120"),
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "bukan angka" in html and "Persen paling besar 100." in html
    target.refresh_from_db()
    assert target.value == 97


def test_a_stale_edit_shows_both_values(client_for, year_2026):
    client = client_for(person("kasubag-pep").user)
    target = _target(year_2026, "PATEN")
    stale = _row_post(target, tw4="96")
    client_for(person("admin").user).post(
        f"/rencana/2026/baris/{target.pk}/", _row_post(target, tw4="94")
    )
    client = client_for(person("kasubag-pep").user)
    response = client.post(f"/rencana/2026/baris/{target.pk}/", stale, **HTMX)
    html = response.content.decode()
    assert "sudah diubah orang lain sebelum Anda menyimpan" in html
    assert "94%" in html  # what is stored now
    assert 'name="tw4" value="96"' in html  # what the person typed
    target.refresh_from_db()
    assert target.tw4 == 94


def test_a_signed_years_plan_is_locked_and_says_why(client_for, year_2025):
    client = client_for(person("kasubag-pep").user)
    html = client.get("/rencana/2025/").content.decode()
    assert "melalui PK Perubahan" in html and "edit-row" not in html
    target = _target(year_2025, "PATEN")
    response = client.get(f"/rencana/2025/baris/{target.pk}/", follow=True)
    assert "melalui PK Perubahan" in response.content.decode()
    refused = client.post(f"/rencana/2025/baris/{target.pk}/", _row_post(target), **HTMX)
    assert refused.status_code == 409 and "melalui PK Perubahan" in refused.content.decode()


def test_last_years_plan_is_copied_after_a_preview(client_for, year_2026):
    client = client_for(person("kasubag-pep").user)
    client.post("/rencana/tahun-baru/", {"year": 2027})
    plan = client.get("/rencana/2027/").content.decode()
    assert "Salin dari tahun sebelumnya" in plan
    preview = client.get("/rencana/2027/salin/").content.decode()
    assert "Persentase layanan PATEN yang selesai tepat waktu" in preview and "97%" in preview
    assert not Target.objects.filter(year__year=2027).exists()
    client.post("/rencana/2027/salin/")
    assert (
        Target.objects.filter(year__year=2027).count()
        == Target.objects.filter(year=year_2026).count()
    )
    assert "Salin dari tahun sebelumnya" not in client.get("/rencana/2027/").content.decode()


def test_indicators_sasaran_and_budget_are_added_from_the_page(client_for, year_2026):
    client = client_for(person("kasubag-pep").user)
    sasaran = _target(year_2026, "PATEN").indikator.sasaran
    response = client.post(
        "/rencana/2026/indikator/baru/",
        {
            "sasaran": sasaran.pk,
            "name": "Jumlah inovasi pelayanan publik",
            "satuan": "inovasi",
            "target_kind": "number",
            "polarity": "higher",
            "aggregation": "kumulatif",
            "unit": person("kasi-pelayanan").unit_id,
            "value": "3",
        },
    )
    assert response.status_code == 302
    added = Target.objects.get(year=year_2026, indikator__name="Jumlah inovasi pelayanan publik")
    assert added.value == 3 and added.indikator.sasaran == sasaran
    client.post("/rencana/2026/sasaran/baru/", {"code": "SS6", "name": "Meningkatnya inovasi"})
    assert "Meningkatnya inovasi" in client.get("/rencana/2026/").content.decode()
    line = Anggaran.objects.filter(year=year_2026).first()
    edited = client.post(
        f"/rencana/2026/anggaran/{line.pk}/",
        {"pagu": "Rp 2.500.000.000", "realisasi": "", "version": line.version},
        **HTMX,
    )
    assert edited.status_code == 200 and "2.500.000.000" in edited.content.decode()
    line.refresh_from_db()
    assert line.pagu == 2_500_000_000


def test_the_pk_page_offers_each_role_its_own_door(
    client_for, complete_2026, camat, sekcam, office_pk
):
    pk = office_pk
    pep = client_for(person("kasubag-pep").user)
    page = pep.get(f"/rencana/2026/pk/{pk.pk}/").content.decode()
    door = f"/rencana/2026/pk/{pk.pk}/langkah/submit/"
    assert door in page
    assert "Konfirmasi" in pep.get(door).content.decode()
    pep.post(door)
    pk.refresh_from_db()
    assert pk.state == PerjanjianState.SUBMITTED

    review = f"/rencana/2026/pk/{pk.pk}/langkah/review/"
    assert review in client_for(sekcam).get(f"/rencana/2026/pk/{pk.pk}/").content.decode()
    assert client_for(camat).get(review).status_code == 403
    client_for(sekcam).post(review, {"note": "Sesuai"})
    sign = f"/rencana/2026/pk/{pk.pk}/langkah/sign/"
    assert 'name="dated"' in client_for(camat).get(sign).content.decode()
    done = client_for(camat).post(sign, {"dated": "2026-01-05"}, follow=True)
    html = done.content.decode()
    assert "Tandatangani Perjanjian Kinerja" in html and "Halaman verifikasi" in html
    pk.refresh_from_db()
    assert pk.is_signed and str(pk.dated) == "2026-01-05"


def test_a_blocked_submission_says_why_on_the_pk_page(client_for, office_pk):
    pk = office_pk
    html = client_for(person("kasubag-pep").user).get(f"/rencana/2026/pk/{pk.pk}/").content.decode()
    assert "rencana masih memiliki kekurangan" in html
    assert f"/rencana/2026/pk/{pk.pk}/langkah/submit/" not in html


def test_the_drafts_of_a_new_years_pks_are_prepared(client_for, year_2026):
    client = client_for(person("kasubag-pep").user)
    client.post("/rencana/tahun-baru/", {"year": 2027})
    client.post("/rencana/2027/salin/")
    assert "Siapkan Perjanjian Kinerja" in client.get("/rencana/2027/").content.decode()
    client.post("/rencana/2027/pk/siapkan/")
    made = PerjanjianKinerja.objects.filter(year__year=2027, office__name="Mungka")
    assert made.filter(unit__isnull=True).count() == 1 and made.count() == 7
    assert "Siapkan Perjanjian Kinerja" not in client.get("/rencana/2027/").content.decode()
