"""Shared fixtures: the demo offices (seeded once per test database) and one persona per
role, plus outsiders from the second office. Tests log in with `client.force_login`."""

from __future__ import annotations

import os

import pytest
from django.conf import settings
from django.core.management import call_command

# Browser tests run Playwright's sync API, which keeps an event loop on the main thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_configure(config):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.AXES_ENABLED = False


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path_factory):
    settings.MEDIA_ROOT = tmp_path_factory.getbasetemp() / "media"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", verbosity=0)


def _ensure_demo():
    # Transactional tests flush the database afterwards; seed again where that happened.
    from sakip.models import Office

    if not Office.objects.filter(name="Mungka").exists():
        call_command("seed_demo", verbosity=0)


@pytest.fixture
def demo(db):
    from sakip.models import Office

    _ensure_demo()
    return {o.name.lower(): o for o in Office.objects.all()}


@pytest.fixture
def mungka(demo):
    return demo["mungka"]


@pytest.fixture
def harau(demo):
    return demo["harau"]


def _user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.select_related("person").get(username=username)


@pytest.fixture
def camat(demo):
    return _user("camat")


@pytest.fixture
def sekcam(demo):
    return _user("sekcam")


@pytest.fixture
def kasi(demo):
    """Kasi Pemerintahan: heads Seksi Pemerintahan."""
    return _user("kasi-pemerintahan")


@pytest.fixture
def other_kasi(demo):
    """Kasi Pelayanan: heads another unit of the same office."""
    return _user("kasi-pelayanan")


@pytest.fixture
def jf(demo):
    return _user("jf")


@pytest.fixture
def admin_user(demo):
    return _user("admin")


@pytest.fixture
def outsider(demo):
    """The Camat of Kecamatan Harau: signed in, but of another office."""
    return _user("harau-camat")


@pytest.fixture
def kabupaten_reader(demo):
    return _user("kabupaten")


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login
