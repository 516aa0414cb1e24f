"""The office's letter-number pattern: checked when the operator saves it, previewed in Data
induk, and never able to break a page, whatever old data holds."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from sakip.letter_pattern import render_letter_number
from sakip.models import Office
from tests.foundation.test_admin import _change_form_data
from workflow.models import LetterSequence, NotaDinas
from workflow.services.letters import format_letter_number

BAD_PATTERNS = {
    "{0}/{nomor}": "Tanda tanpa nama",
    "{}/{nomor}": "Tanda tanpa nama",
    "{salah}/{nomor}": "Tanda {salah} tidak dikenal",
    "{nomor:999999999}": "tidak diizinkan",
    "{nomor:>40}": "tidak diizinkan",
    "{tahun:x}/{nomor}": "tidak diizinkan",
    "{nomor.real}": "tidak dikenal",
    "{kode[0]}/{nomor}": "tidak dikenal",
    "{nomor!r}": "tanda seru",
    "{nomor": "tidak berpasangan",
    "900/CMK/{tahun}": "harus memuat {nomor}",
}


def _office_url(office: Office) -> str:
    return f"/admin/sakip/office/{office.pk}/change/"


@pytest.mark.parametrize(("pattern", "message"), BAD_PATTERNS.items())
def test_the_admin_refuses_a_pattern_it_could_not_format(
    client_for, admin_user, mungka, pattern, message
):
    client = client_for(admin_user)
    data = _change_form_data(client, _office_url(mungka))
    data["letter_pattern"] = pattern
    response = client.post(_office_url(mungka), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["letter_pattern"]
    assert any(message in e for e in errors), errors
    assert "Tanda yang tersedia: {klasifikasi}" in " ".join(errors)
    mungka.refresh_from_db()
    assert mungka.letter_pattern == "{klasifikasi}/{nomor}/{kode}/{bulan_romawi}/{tahun}"


def test_the_admin_saves_a_padded_pattern_and_previews_the_next_number(
    client_for, admin_user, mungka
):
    today = timezone.localdate()
    LetterSequence.objects.update_or_create(
        office=mungka, year=today.year, defaults={"last_number": 6}
    )
    client = client_for(admin_user)
    data = _change_form_data(client, _office_url(mungka))
    data["letter_pattern"] = "{klasifikasi}/{nomor:03}/{kode}/{bulan}/{tahun}"
    assert client.post(_office_url(mungka), data).status_code == 302
    page = client.get(_office_url(mungka)).content.decode()
    assert "nomor surat berikutnya" in page.lower()
    assert f"900/007/CMK/{today.month:02d}/{today.year}" in page


@pytest.mark.parametrize("pattern", [*BAD_PATTERNS, "{nomor:05}", "", "{{nomor}}"])
def test_formatting_never_raises_whatever_old_data_holds(mungka, pattern):
    Office.objects.filter(pk=mungka.pk).update(letter_pattern=pattern)
    mungka.refresh_from_db()
    for sequence in (12, "   ", "…"):
        number = format_letter_number(mungka, sequence=sequence, date=dt.date(2026, 3, 2))
        assert isinstance(number, str) and number


def test_an_unusable_old_pattern_falls_back_to_the_default():
    number = render_letter_number(
        "{0}/{salah}", classification="900", code="CMK", sequence=12, date=dt.date(2026, 3, 2)
    )
    assert number == "900/12/CMK/III/2026"


def test_the_camat_starts_the_lakip_whatever_the_stored_pattern(client_for, camat, mungka):
    Office.objects.filter(pk=mungka.pk).update(letter_pattern="{0}/{salah}/{nomor:99999999}")
    client = client_for(camat)
    assert client.get("/laporan/baru/").status_code == 200
    year = mungka.years.get(year=2025)
    response = client.post(
        "/laporan/baru/",
        {
            "year": year.pk,
            "tanggal": "2026-03-02",
            "kepada": "Sekretaris Camat Mungka",
            "dari": "Camat Mungka",
            "sifat": "Penting",
            "lampiran": "-",
            "hal": "Penyusunan LAKIP 2025",
            "isi": "Segera disusun.",
        },
    )
    assert response.status_code == 302
    # The nota dinas takes its number from the register, in the default pattern.
    nota = NotaDinas.objects.get(report__office=mungka, report__year=year)
    assert nota.nomor.startswith("900/") and nota.nomor.endswith("/CMK/III/2026")
