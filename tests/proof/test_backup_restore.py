"""The backup is only as good as its restore: dump the test database and a media folder with
deploy/backup.sh, restore both into a fresh database and folder with deploy/restore.sh, and
compare every table's row count and every file."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from django.db import connection

pytestmark = pytest.mark.postgres_only

ROOT = Path(__file__).resolve().parents[2]


def _url(name: str) -> str:
    s = connection.settings_dict
    user = s["USER"] or "postgres"
    password = f":{s['PASSWORD']}" if s["PASSWORD"] else ""
    return f"postgres://{user}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


def _counts(url: str, tables: list[str]) -> dict[str, int]:
    sql = " UNION ALL ".join(f"SELECT '{t}', count(*) FROM \"{t}\"" for t in tables)
    out = subprocess.run(
        ["psql", url, "-tA", "-F", "\t", "-c", sql], check=True, capture_output=True, text=True
    ).stdout
    return {name: int(n) for name, n in (line.split("\t") for line in out.splitlines() if line)}


@pytest.fixture
def fresh_database():
    name = f"{connection.settings_dict['NAME']}_restored_{os.getpid()}"
    admin = _url("postgres")
    drop = ["psql", admin, "-q", "-c", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)']
    subprocess.run(drop, check=True, capture_output=True)
    yield name
    subprocess.run(drop, check=True, capture_output=True)


def test_it_restores_a_backup_into_a_fresh_database(db, demo, tmp_path, fresh_database):
    media = tmp_path / "media"
    (media / "evidence" / "1").mkdir(parents=True)
    (media / "evidence" / "1" / "bukti").write_bytes(b"%PDF-1.4 bukti dukung\n")
    (media / "signed").mkdir()
    (media / "signed" / "lakip.pdf").write_bytes(b"%PDF-1.7 final\n")
    source_url = _url(connection.settings_dict["NAME"])
    env = {**os.environ, "DATABASE_URL": source_url, "SAKIP_MEDIA_ROOT": str(media)}

    backup = subprocess.run(
        [ROOT / "deploy" / "backup.sh", tmp_path / "backups"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    dump, archive = backup.stdout.split()
    assert Path(dump).stat().st_size > 0 and Path(archive).name.startswith("sakip-media-")

    restored_media = tmp_path / "restored-media"
    target_url = _url(fresh_database)
    restore = subprocess.run(
        [ROOT / "deploy" / "restore.sh", dump, archive],
        env={**env, "DATABASE_URL": target_url, "SAKIP_MEDIA_ROOT": str(restored_media)},
        check=True,
        capture_output=True,
        text=True,
    )
    assert "Dipulihkan" in restore.stdout

    tables = sorted(connection.introspection.table_names())
    source, restored = _counts(source_url, tables), _counts(target_url, tables)
    assert restored == source
    assert source["sakip_planrow"] > 0 and source["workflow_report"] > 0
    assert (restored_media / "evidence" / "1" / "bukti").read_bytes() == b"%PDF-1.4 bukti dukung\n"
    assert (restored_media / "signed" / "lakip.pdf").read_bytes() == b"%PDF-1.7 final\n"

    # A second restore over the now non-empty database is refused, data untouched.
    again = subprocess.run(
        [ROOT / "deploy" / "restore.sh", dump],
        env={**env, "DATABASE_URL": target_url},
        capture_output=True,
        text=True,
    )
    assert again.returncode == 3 and "tidak kosong" in again.stderr
    assert _counts(target_url, tables) == source
