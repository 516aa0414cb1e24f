"""NIP and plan validation reject bad values with Indonesian messages."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from sakip.models import Indikator, Target, Year
from sakip.validators import validate_nip


def _messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_it_accepts_the_camats_nip_from_the_sop():
    validate_nip("198003302000032001")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("19800330200003200", "18 angka"),
        ("1980033020000320011", "18 angka"),
        ("19800330200003200A", "18 angka"),
        ("198003302000 32001", "18 angka"),
        ("198002302000032001", "tanggal lahir"),
        ("198013302000032001", "tanggal lahir"),
        ("198003302000132001", "bulan pengangkatan"),
        ("198003301990032001", "tahun pengangkatan"),
        ("198003302090032001", "tahun pengangkatan"),
        ("198003302000033001", "1 (pria) atau 2 (wanita)"),
        ("198003302000030001", "1 (pria) atau 2 (wanita)"),
    ],
)
def test_it_rejects_a_bad_nip_in_indonesian(value, message):
    with pytest.raises(ValidationError) as error:
        validate_nip(value)
    assert message in _messages(error.value)


def test_every_demo_nip_is_valid(demo):
    from sakip.models import Person

    for nip in Person.objects.values_list("nip", flat=True):
        validate_nip(nip)


def test_a_person_with_a_bad_nip_does_not_pass_full_clean(camat):
    person = camat.person
    person.nip = "12345"
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "nip" in error.value.message_dict
    assert "NIP harus terdiri dari 18 angka" in error.value.message_dict["nip"][0]


def _indikator(mungka, kind: str) -> Indikator:
    return Indikator.objects.filter(office=mungka, target_kind=kind).first()


def _target(mungka, kind: str, **values) -> Target:
    indikator = _indikator(mungka, kind)
    return Target(indikator=indikator, year=Year.objects.get(office=mungka, year=2025), **values)


@pytest.mark.parametrize(
    ("kind", "values", "field", "message"),
    [
        ("number", {}, "value", "Target angka harus diisi."),
        ("number", {"value": Decimal("-1")}, "value", "tidak boleh negatif"),
        ("percent", {"value": Decimal("120")}, "value", "tidak boleh lebih dari 100"),
        (
            "number",
            {"value": Decimal("5"), "value_max": Decimal("9")},
            "value_max",
            "hanya untuk target rentang",
        ),
        ("text", {"text": "  "}, "text", "harus diisi dengan teks"),
    ],
)
def test_target_clean_rejects_bad_values(mungka, kind, values, field, message):
    target = _target(mungka, kind, **values)
    with pytest.raises(ValidationError) as error:
        target.clean()
    assert message in " ".join(error.value.message_dict[field])


def test_target_clean_rejects_a_range_upside_down(mungka):
    indikator = _indikator(mungka, "number")
    indikator.target_kind = "range"
    target = Target(indikator=indikator, value=Decimal("10"), value_max=Decimal("5"))
    with pytest.raises(ValidationError) as error:
        target.clean()
    assert "Batas atas rentang" in error.value.message_dict["value_max"][0]


def test_target_clean_accepts_a_good_target(mungka):
    _target(mungka, "percent", value=Decimal("95")).clean()
    _target(mungka, "text", text="Tersusun tepat waktu").clean()


def test_indikator_clean_rejects_bad_values(mungka, harau):
    indikator = _indikator(mungka, "percent")
    indikator.satuan = "dokumen"
    indikator.renstra_target_text = "Baik"
    indikator.unit = harau.units.first()
    with pytest.raises(ValidationError) as error:
        indikator.clean()
    errors = error.value.message_dict
    assert errors["satuan"] == ["Indikator persen bersatuan %."]
    assert "hanya untuk indikator kualitatif" in errors["renstra_target_text"][0]
    assert errors["unit"] == ["Unit harus dari kantor yang sama."]


def test_indikator_clean_rejects_another_offices_sasaran(mungka, harau):
    indikator = _indikator(mungka, "number")
    indikator.sasaran = harau.sasaran.first()
    with pytest.raises(ValidationError) as error:
        indikator.clean()
    assert error.value.message_dict["sasaran"] == ["Sasaran harus dari kantor yang sama."]


@pytest.mark.parametrize(
    "bands",
    [
        [{"min": 50, "code": "a", "label": "A"}, {"min": 80, "code": "b", "label": "B"}],
        [{"min": 90, "code": "a", "label": "A"}, {"min": 10, "code": "b", "label": "B"}],
        [{"min": 90, "code": "a"}],
        "bukan daftar",
    ],
)
def test_year_clean_rejects_bad_bands(mungka, bands):
    year = Year(office=mungka, year=2030, bands=bands)
    with pytest.raises(ValidationError) as error:
        year.clean()
    message = error.value.message_dict["bands"][0]
    assert "Batas bawah" in message or "Tiap kategori" in message


def test_year_clean_accepts_the_default_bands(mungka):
    Year(office=mungka, year=2030).clean()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1e25", "tidak melebihi 16 angka"),  # Django's own check of max_digits comes first
        ("999999999999.9999", "Angka terlalu besar: paling besar 99.999.999.999,9999"),
        ("100000000000", "Angka terlalu besar: paling besar 99.999.999.999,9999"),
    ],
)
def test_the_admin_refuses_a_target_beyond_what_the_database_keeps(
    client_for, admin_user, mungka, value, message
):
    from tests.foundation.test_admin import _change_form_data

    target = Target.objects.filter(
        indikator__office=mungka, indikator__target_kind="number"
    ).first()
    client = client_for(admin_user)
    url = f"/admin/sakip/target/{target.pk}/change/"
    data = _change_form_data(client, url)
    data["value"] = value
    response = client.post(url, data)
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["value"])
    assert message in errors
    before = target.value
    target.refresh_from_db()
    assert target.value == before


def test_the_budget_keeps_thirteen_digits_of_rupiah(mungka):
    from sakip.models import Anggaran

    budget = Anggaran.objects.filter(year__office=mungka).first()
    budget.pagu = Decimal("9999999999999.99")
    budget.full_clean()
    budget.pagu = Decimal("10000000000000")
    with pytest.raises(ValidationError) as error:
        budget.full_clean()
    assert "paling besar 9.999.999.999.999,99" in _messages(error.value)
