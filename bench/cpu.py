"""Where the time of each page of the load test goes: CPU milliseconds and SQL queries per
request, in this process, with the load test's production settings and data — and, with
`--top N`, the functions that take it (cProfile on CPU time, cumulative).

    .venv/bin/python bench/cpu.py               # every endpoint of the mixed workload
    .venv/bin/python bench/cpu.py --top 25 --only dashboards:office

It builds (or, with `--reuse`, reuses) the PostgreSQL database `sakip_bench` exactly as
`make bench`'s load test does, then asks each page `--runs` times after a warm-up. CPU time
(`time.process_time`) is this process's own work, so the figures hold while other work runs
on the machine; wall time does not, and is not what this measures."""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.run import PG_URL, WORK, _base_env, _django_cmd, _recreate_database  # noqa: E402

SETUP = WORK / "load-setup.json"


def environment() -> dict[str, str]:
    media = WORK / "media-pg"
    return {
        **os.environ,
        **_base_env(PG_URL, media),
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(ROOT),
        "SAKIP_DEBUG": "0",
        "SAKIP_SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "SAKIP_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SAKIP_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }


def build(env: dict[str, str]) -> None:
    _recreate_database(PG_URL)
    for args in (
        ("migrate", "-v0"),
        ("createcachetable",),
        ("seed_demo", "-v0"),
        ("make_demo_certificate", "-v0"),
        ("collectstatic", "--noinput", "-v0"),
    ):
        _django_cmd(env, *args)
    subprocess.run(
        [sys.executable, "bench/run.py", "--prepare-load"], cwd=ROOT, env=env, check=True
    )


def endpoints(setup: dict) -> list[tuple[str, str, str]]:
    """(name, username, url) of each page of the mixed workload, and the floor."""
    kasi = setup["kasi"]["users"][0]
    row_pk, row_url = setup["kasi"]["rows"][kasi][0]
    out = [
        ("floor (bare signed-in page)", kasi, "/bench/bare/"),
        ("entry:submission", kasi, setup["kasi"]["pages"][kasi]),
        ("entry:row_edit (GET)", kasi, row_url),
        ("dashboards:office", "camat", setup["dashboard"]["page"]),
    ]
    out += [(name, "sekcam", url) for name, url in setup["review"]["pages"]]
    out += [(name, "sekcam", url) for name, url in setup.get("extra", {}).get("pages", [])]
    return out


class _Counter:
    def __init__(self, sink: list[str]) -> None:
        self.sink = sink

    def __call__(self, execute, sql, *args):
        self.sink.append(sql)
        return execute(sql, *args)


def measure(runs: int, top: int, only: str, show_sql: bool = False) -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection, reset_queries
    from django.test import Client

    setup = json.loads(SETUP.read_text())
    users = {u.username: u for u in get_user_model().objects.all()}
    rows = []
    for name, username, url in endpoints(setup):
        if only and only not in name:
            continue
        client = Client()
        client.force_login(users[username])
        for _ in range(3):  # warm-up: templates compiled, connection open
            assert client.get(url).status_code == 200, (name, url)
        # Counted at the cursor: each request resets Django's query log when it starts.
        queries: list[str] = []
        with connection.execute_wrapper(_Counter(queries)):
            client.get(url)
        cpu = []
        profile = cProfile.Profile(time.process_time) if top else None
        for _ in range(runs):
            start = time.process_time()
            if profile:
                profile.enable()
            client.get(url)
            if profile:
                profile.disable()
            cpu.append((time.process_time() - start) * 1000)
            reset_queries()
        rows.append((name, statistics.mean(cpu), statistics.median(cpu), len(queries)))
        if show_sql:
            print(f"\n==== {name}: {len(queries)} queries ====")
            for sql in queries:
                print(" ", sql[:220])
        if profile:
            print(f"\n==== {name}: top {top} by cumulative time ====")
            pstats.Stats(profile).sort_stats("cumulative").print_stats(top)
    floor = next((r[1] for r in rows if r[0].startswith("floor")), None)
    print(f"\n{'page':45} {'CPU ms mean':>12} {'median':>8} {'queries':>8} {'× floor':>8}")
    for name, mean, median, queries in rows:
        ratio = f"{mean / floor:.2f}" if floor else "–"
        print(f"{name:45} {mean:12.1f} {median:8.1f} {queries:8d} {ratio:>8}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="keep the database of a last run")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--top", type=int, default=0, help="print the N costliest functions")
    parser.add_argument("--only", default="", help="only the endpoints whose name has this")
    parser.add_argument("--sql", action="store_true", help="print each page's queries")
    args = parser.parse_args()
    env = environment()
    if not (args.reuse and SETUP.exists()):
        build(env)
    os.environ.update(env)
    measure(args.runs, args.top, args.only, args.sql)


if __name__ == "__main__":
    main()
