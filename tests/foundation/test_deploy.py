"""Production settings pass Django's deployment checks; the demo seed is idempotent."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


def _base_env() -> dict[str, str]:
    # The test run's own switches (async-unsafe for Playwright, any SAKIP_ setting) are not
    # part of a production environment.
    return {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("SAKIP_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {
        **_base_env(),
        "SAKIP_DEBUG": "0",
        "SAKIP_SECRET_KEY": "k9$Qv2#pLw8^zR4!mT6&xY1*cN3@hB5%jF7(dS0)gA-eU+iO=rK~lP?wZ;",
        "SAKIP_ALLOWED_HOSTS": "sakip.limapuluhkotakab.go.id",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "sakip.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output
    assert "System check identified some issues" not in output
    assert "System check identified no issues" in output


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = {
        **_base_env(),
        "SAKIP_DEBUG": "0",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SAKIP_SECRET_KEY wajib diisi" in result.stderr


def _counts() -> dict[str, int]:
    from django.apps import apps

    return {
        model._meta.label: model.objects.count()
        for app in ("sakip", "workflow", "auth")
        for model in apps.get_app_config(app).get_models()
    }


def test_seed_demo_is_idempotent(demo):
    before = _counts()
    call_command("seed_demo", verbosity=0)
    assert _counts() == before
    assert before["sakip.Office"] == 2
    assert before["sakip.Person"] >= 17


PREPARED = """
from django.db import connection
with connection.cursor() as cursor:
    for _ in range(7):
        cursor.execute("SELECT 1 WHERE %s = %s", [1, 1])
    cursor.execute("SELECT count(*) FROM pg_prepared_statements")
    print("prepared", cursor.fetchone()[0])
"""


def _prepared_statements(**extra: str) -> str:
    env = {
        **_base_env(),
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
        "DJANGO_SETTINGS_MODULE": "sakip.settings",
        **extra,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PREPARED],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()[-1]


def test_postgresql_plans_a_repeated_statement_once_per_connection():
    """Every page asks the same few queries: on PostgreSQL they are prepared on the server
    after five runs on a connection, unless a pooler that cannot keep them says "off"."""
    assert int(_prepared_statements()) >= 1
    assert _prepared_statements(SAKIP_DB_PREPARE_THRESHOLD="off") == "0"
