"""What the benchmark's scripts share: where they work, the databases they build, the
environment the app runs in, and finding a page's URL by its name."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = Path("/tmp/sakip-bench")
RESULTS = ROOT / "bench" / "results"
DEFAULT_DB = f"sqlite:///{WORK}/bench.sqlite3"
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/sakip_bench")
sys.path.insert(0, str(ROOT))


def base_env(database_url: str, media: Path) -> dict[str, str]:
    return {
        "DATABASE_URL": database_url,
        "SAKIP_MEDIA_ROOT": str(media),
        "SAKIP_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "SAKIP_SIGNING_PKCS12": str(WORK / "signing.p12"),
        "SAKIP_LOG_LEVEL": "ERROR",
    }


def recreate_database(url: str) -> None:
    if url.startswith("sqlite"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        return
    base = url.split("?")[0]
    name, server = base.rsplit("/", 1)[1], base.rsplit("/", 1)[0] + "/postgres"
    subprocess.run(
        ["psql", server, "-q", "-c", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'],
        check=True,
    )
    subprocess.run(["psql", server, "-q", "-c", f'CREATE DATABASE "{name}"'], check=True)


def django_cmd(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def url_named(prefix: str, *, contains: str = "", kwargs: dict | None = None) -> str | None:
    """The first URL of the project whose name starts with `prefix` (and contains
    `contains`), reversed with whichever of `kwargs` its pattern takes. The harness looks
    names up at run time so it follows the URLconf instead of hard-coding paths."""
    from django.urls import NoReverseMatch, get_resolver, reverse

    def walk(patterns, namespace=""):
        for p in patterns:
            if hasattr(p, "url_patterns"):
                ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
                yield from walk(p.url_patterns, ns)
            elif p.name:
                yield f"{namespace}{p.name}", p

    for name, pattern in walk(get_resolver().url_patterns):
        if not name.startswith(prefix) or contains not in name:
            continue
        wanted = {k: v for k, v in (kwargs or {}).items() if k in pattern.pattern.converters}
        try:
            return reverse(name, kwargs=wanted)
        except NoReverseMatch:
            continue
    return None


def build_load_database(env: dict[str, str]) -> None:
    """The load test's PostgreSQL database (PG_URL), made afresh: migrated, the demo seeded,
    the static files collected, and the simulated office's data and sessions prepared
    (`bench/run.py --prepare-load`, which writes WORK/load-setup.json)."""
    recreate_database(PG_URL)
    for args in (
        ("migrate", "-v0"),
        ("createcachetable",),
        ("seed_demo", "-v0"),
        ("make_demo_certificate", "-v0"),
        ("collectstatic", "--noinput", "-v0"),
    ):
        django_cmd(env, *args)
    subprocess.run(
        [sys.executable, "bench/run.py", "--prepare-load"], cwd=ROOT, env=env, check=True
    )
