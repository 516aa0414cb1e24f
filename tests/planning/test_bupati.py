"""The Bupati, Pihak Kedua of every office's PK, is named per kabupaten by the superuser."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from sakip.models import Kabupaten

pytestmark = pytest.mark.django_db


def test_the_superuser_names_the_bupati_in_the_admin(client, demo):
    root = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    client.force_login(root)
    kabupaten = Kabupaten.objects.get(name="Lima Puluh Kota")
    url = f"/admin/sakip/kabupaten/{kabupaten.pk}/change/"
    page = client.get(url).content.decode()
    assert 'name="bupati_name"' in page and 'name="bupati_nip"' in page
    response = client.post(
        url,
        {
            "name": "Lima Puluh Kota",
            "bupati_name": "Dr. H. SAFRIZAL, M.Si",
            "bupati_nip": "123",
            "bupati_jabatan": "",
        },
    )
    assert response.status_code == 200  # the NIP is checked like every NIP
    assert "NIP harus terdiri dari 18 angka" in response.content.decode()
    client.post(
        url,
        {
            "name": "Lima Puluh Kota",
            "bupati_name": "Dr. H. SAFRIZAL, M.Si",
            "bupati_nip": "",
            "bupati_jabatan": "Pj. Bupati Lima Puluh Kota",
        },
    )
    kabupaten.refresh_from_db()
    assert kabupaten.bupati_name == "Dr. H. SAFRIZAL, M.Si"
    assert kabupaten.head_title == "Pj. Bupati Lima Puluh Kota"


def test_an_office_operator_does_not_edit_the_kabupaten(client_for, admin_user, demo):
    kabupaten = Kabupaten.objects.get(name="Lima Puluh Kota")
    response = client_for(admin_user).get(f"/admin/sakip/kabupaten/{kabupaten.pk}/change/")
    assert response.status_code in (302, 403)
    assert (
        Kabupaten.objects.get(pk=kabupaten.pk).bupati_name
        == "H. ZULHENDRI DT. RAJO INTAN, S.H., M.M."
    )
