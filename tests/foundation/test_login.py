"""Every demo user signs in through the real login form and lands on their home page."""

from __future__ import annotations

import pytest

from sakip.models import Person

DEMO_USERS = [
    "camat",
    "sekcam",
    "kasi-pemerintahan",
    "kasi-pmd",
    "kasi-kesos",
    "kasi-trantib",
    "kasi-pelayanan",
    "kasubag-umum",
    "kasubag-pep",
    "jf",
    "admin",
    "kabupaten",
    "harau-camat",
    "harau-sekcam",
    "harau-kasi",
    "harau-jf",
    "harau-admin",
]


@pytest.mark.parametrize("username", DEMO_USERS)
def test_it_signs_in_every_demo_user(client, demo, username):
    response = client.post("/accounts/login/", {"username": username, "password": "mungka2025"})
    assert response.status_code == 302
    assert response.url == "/"

    home = client.get("/")
    assert home.status_code == 200
    person = Person.objects.get(user__username=username)
    assert person.get_role_display() in home.content.decode()
    assert person.full_name in home.content.decode()


def test_it_refuses_a_wrong_password_in_indonesian(client, demo):
    response = client.post("/accounts/login/", {"username": "camat", "password": "salah"})
    assert response.status_code == 200
    assert "nama pengguna dan sandi yang benar" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_sends_anonymous_visitors_to_the_login_page(client, demo):
    response = client.get("/")
    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=/"


def test_it_signs_out_with_post(client_for, camat):
    client = client_for(camat)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response.url == "/accounts/login/"
    assert client.get("/").status_code == 302


def test_the_login_page_speaks_indonesian(client, demo):
    body = client.get("/accounts/login/").content.decode()
    assert "Masuk ke SAKIP Kecamatan" in body
    assert "Nama pengguna" in body
    assert 'lang="id"' in body
