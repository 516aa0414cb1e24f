"""Security settings: CSRF on every form, production cookies and headers, `check --deploy`,
password rules, login throttling (django-axes) and private evidence."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import Client

from sakip.models import Evidence, PlanRow
from workflow.models import Period, Report

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SAKIP_DEBUG": "0",
    "SAKIP_SECRET_KEY": "k7#Qz9!vR2@pL5$wX8^nB3&mT6*yH1(dJ4)gF0-sA" * 2,
    "SAKIP_ALLOWED_HOSTS": "sakip.example.go.id",
}


def _production_env() -> dict[str, str]:
    # The browser tests' async switch is a test-only setting; production never has it.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(PRODUCTION_ENV, DATABASE_URL="sqlite:////tmp/proof-prod.sqlite3")
    env["DJANGO_SETTINGS_MODULE"] = "sakip.settings"
    return env


def _production(code: str) -> str:
    env = _production_env()
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


# ---- CSRF ------------------------------------------------------------------------------


def test_it_refuses_a_login_post_without_csrf_token(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": "camat", "password": "mungka2025"})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_it_refuses_a_state_change_without_csrf_token(camat):
    client = Client(enforce_csrf_checks=True)
    client.force_login(camat)
    response = client.post("/laporan/baru/", {"year": 2025})
    assert response.status_code == 403
    assert not Report.objects.filter(
        office=camat.person.office, year__year=2025, period=Period.ANNUAL
    ).exists()


# ---- production settings ----------------------------------------------------------------


def test_it_uses_secure_cookies_and_headers_in_production():
    out = _production(
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({k: getattr(s, k) for k in ['SESSION_COOKIE_SECURE', "
        "'CSRF_COOKIE_SECURE', 'SECURE_HSTS_SECONDS', 'SECURE_SSL_REDIRECT', "
        "'SECURE_CONTENT_TYPE_NOSNIFF', 'X_FRAME_OPTIONS', 'SESSION_ENGINE', 'DEBUG']}))"
    )
    values = json.loads(out)
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_SSL_REDIRECT"] and values["SECURE_CONTENT_TYPE_NOSNIFF"]
    assert values["X_FRAME_OPTIONS"] == "DENY"
    # Several app servers: sessions live in the database, not in a process.
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


def test_it_passes_check_deploy_in_production():
    env = _production_env()
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_it_refuses_to_start_production_without_a_secret_key():
    env = {**os.environ, "SAKIP_DEBUG": "0", "SAKIP_SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SAKIP_SECRET_KEY wajib diisi" in result.stderr


# ---- passwords and login throttling -------------------------------------------------------


@pytest.mark.parametrize("password", ["mungka", "12345678901", "password123"])
def test_it_rejects_weak_passwords(camat, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=camat)


def test_it_accepts_a_strong_password(camat):
    validate_password("Rapat-finalisasi-LAKIP-2025", user=camat)


@pytest.fixture
def throttled(settings, db):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()
    return Client()


def _login(client: Client, password: str):
    return client.post("/accounts/login/", {"username": "sekcam", "password": password})


def test_it_locks_the_account_after_five_failures(throttled, sekcam):
    for _ in range(4):
        response = _login(throttled, "salah")
        assert response.status_code == 200
    # The fifth failure reaches AXES_FAILURE_LIMIT: that attempt already answers locked.
    assert _login(throttled, "salah").status_code == 429
    locked = _login(throttled, "salah")
    assert locked.status_code == 429
    assert "Akun dikunci sementara" in locked.content.decode()
    assert "registration/locked_out.html" in [t.name for t in locked.templates]
    # Locked means locked: not even the right password gets in.
    right = _login(throttled, "mungka2025")
    assert right.status_code == 429
    assert "_auth_user_id" not in throttled.session


def test_it_resets_the_failure_count_after_a_successful_login(throttled, sekcam):
    for _ in range(4):
        assert _login(throttled, "salah").status_code == 200
    assert _login(throttled, "mungka2025").status_code == 302
    throttled.logout()
    for _ in range(4):
        assert _login(throttled, "salah").status_code == 200
    assert _login(throttled, "mungka2025").status_code == 302


# ---- private evidence --------------------------------------------------------------------


def test_it_never_serves_evidence_under_media_or_static_urls(client_for, camat, settings):
    row = PlanRow.objects.filter(submission__report__office=camat.person.office).first()
    evidence = Evidence(
        row=row,
        original_name="bukti.pdf",
        content_type="application/pdf",
        size=20,
        sha256="0" * 64,
    )
    evidence.file.save("bukti", ContentFile(b"%PDF-1.4 rahasia kantor"), save=True)
    assert Path(evidence.file.path).exists()
    client = client_for(camat)
    for url in (
        f"{settings.MEDIA_URL}{evidence.file.name}",
        f"/media/{evidence.file.name}",
        f"/static/{evidence.file.name}",
        f"/static/../media/{evidence.file.name}",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert b"rahasia kantor" not in response.content


def test_it_configures_s3_storage_from_the_environment():
    env = _production_env()
    env.update(
        SAKIP_STORAGE_BACKEND="storages.backends.s3.S3Storage",
        SAKIP_S3_BUCKET="sakip-media",
        SAKIP_S3_ENDPOINT_URL="https://s3.example.go.id",
    )
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps(s.STORAGES['default']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    storage = json.loads(result.stdout)
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "sakip-media"
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.example.go.id"
    assert storage["OPTIONS"]["default_acl"] is None
