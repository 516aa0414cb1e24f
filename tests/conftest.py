"""Shared fixtures: the demo offices (seeded once per test database) and one persona per
role, plus outsiders from the second office. Tests log in with `client.force_login`."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

# Browser tests run Playwright's sync API, which keeps an event loop on the main thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


_SQLITE_TEST_DIR: Path | None = None


def pytest_configure(config):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.AXES_ENABLED = False
    _sqlite_test_database_on_file()


def _sqlite_test_database_on_file() -> None:
    """On SQLite the test database is a file (in a private temp folder), not Django's shared
    in-memory database: threads then meet the real locking of `make run` (WAL, IMMEDIATE
    transactions, busy timeout), so the concurrency tests run here too. As fast as memory
    for this suite (tests roll back; the pages stay in SQLite's cache)."""
    global _SQLITE_TEST_DIR
    database = settings.DATABASES["default"]
    if not database["ENGINE"].endswith("sqlite3"):
        return
    _SQLITE_TEST_DIR = Path(tempfile.mkdtemp(prefix="sakip-test-db-"))
    database.setdefault("TEST", {})["NAME"] = str(_SQLITE_TEST_DIR / "test.sqlite3")


def pytest_unconfigure(config):
    if _SQLITE_TEST_DIR is not None:
        shutil.rmtree(_SQLITE_TEST_DIR, ignore_errors=True)


def pytest_collection_modifyitems(config, items):
    """PostgreSQL-only tests are deselected (not skipped) on any other database, whichever
    test directory they live in. The several-servers proof (tests/servers) makes its own
    PostgreSQL database whatever the suite runs on; only outside CI, on a machine with no
    PostgreSQL to reach, is it deselected, and the summary says so."""
    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    servers_reachable = None
    keep, drop = [], []
    for item in items:
        if item.get_closest_marker("postgres_only") and not on_postgres:
            drop.append(item)
            continue
        if item.get_closest_marker("servers") and not os.environ.get("CI"):
            if servers_reachable is None:
                from tests.servers.harness import postgres_admin_url, postgres_reachable

                servers_reachable = postgres_reachable()
                if not servers_reachable:
                    config.stash[SERVERS_NOTE] = (
                        f"tests/servers tidak dijalankan: PostgreSQL {postgres_admin_url()} "
                        "tidak terjangkau (di CI uji ini wajib berjalan)."
                    )
            if not servers_reachable:
                drop.append(item)
                continue
        keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


SERVERS_NOTE = pytest.StashKey[str]()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    note = config.stash.get(SERVERS_NOTE, "")
    if note:
        terminalreporter.write_line(note, yellow=True)


# The day the demo and the suite are written for: 2025's quarters and LAKIP are due, 2026's
# TW I–III are measured and its TW IV has not ended. "Today" (`timezone.localdate()`, which
# decides which quarters may open and which years' LAKIP may be ordered) is pinned to it,
# so the suite reads the same next year; the clock itself (`timezone.now()`) runs on.
TODAY = dt.date(2026, 12, 2)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    from django.utils import timezone

    real = timezone.localdate

    def localdate(value=None, timezone=None):
        return real(value, timezone) if value is not None else TODAY

    monkeypatch.setattr("django.utils.timezone.localdate", localdate)


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path_factory):
    settings.MEDIA_ROOT = tmp_path_factory.getbasetemp() / "media"


@pytest.fixture(scope="session", autouse=True)
def _signing_certificate(tmp_path_factory):
    """The office's signing certificate for the whole run: step 10 (report_sign) signs the
    final LAKIP with it. Self-signed, made by `make_demo_certificate` in a temp dir."""
    from django.test import override_settings

    path = tmp_path_factory.mktemp("signing") / "office.p12"
    call_command("make_demo_certificate", path=str(path), verbosity=0)
    with override_settings(SAKIP_SIGNING_PKCS12=str(path)):
        yield path


# After the demo is built once, its data is dumped here; a transactional test flushes the
# database afterwards, and the next test loads the dump instead of building the demo again
# (which signs every Perjanjian Kinerja and takes tens of seconds). The files the demo stored
# stay in the run's MEDIA_ROOT, which a flush does not touch.
_DEMO_DUMP: dict[str, str] = {}
# Rebuilt by the post_migrate handlers every flush runs (content types, permissions, the
# reference data from fixtures/), or not the demo's (sessions, login attempts, cache).
_NOT_DUMPED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "axes",
    "sakip.referencenomenklatur",
    "sakip.referenceband",
    "workflow.referencestep",
]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.test import override_settings

    # The demo signs its Perjanjian Kinerja: their files go where every test reads media.
    media = tmp_path_factory.getbasetemp() / "media"
    dump = tmp_path_factory.mktemp("demo") / "demo.json"
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        call_command("seed_demo", verbosity=0)
        call_command(
            "dumpdata",
            exclude=_NOT_DUMPED,
            natural_foreign=True,
            output=str(dump),
            verbosity=0,
        )
    _DEMO_DUMP["path"] = str(dump)


def _ensure_demo():
    # Transactional tests flush the database afterwards; bring the demo back where that
    # happened: from the dump of the first build, or built afresh.
    from sakip.models import Office

    if not Office.objects.filter(name="Mungka").exists():
        if "path" in _DEMO_DUMP:
            call_command("loaddata", _DEMO_DUMP["path"], verbosity=0)
        else:
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
def procedure(demo):
    """Mungka's 2025 report, walked through the real services (tests/procedure.py)."""
    from tests.procedure import Procedure

    return Procedure()


@pytest.fixture
def quarters(demo):
    """Mungka's 2025 quarters, opened and measured through the services (tests/procedure.py)."""
    from tests.procedure import Quarters

    return Quarters()


@pytest.fixture
def report_at(procedure):
    """`report_at(state, chapters=False)`: a fresh Mungka 2025 report taken to `state`."""

    def build(state: str, *, chapters: bool = False):
        return procedure.to(state, chapters=chapters)

    return build


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login


# ---- Browser tests: Debian's Chromium driven by Playwright (never a downloaded browser) ----

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "locale": "id-ID",
        "timezone_id": "Asia/Jakarta",
        "viewport": {"width": 1400, "height": 900},
    }


@pytest.fixture
def login_as(page, live_server, transactional_db):
    """Sign in through the real login form; returns the page."""
    _ensure_demo()

    def login(username: str, password: str = "mungka2025"):
        page.context.clear_cookies()
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        return page

    return login
