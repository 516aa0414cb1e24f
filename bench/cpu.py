"""Where the time of each page of the load test goes: CPU milliseconds and SQL queries per
request, in this process, with the load test's production settings and data — and, with
`--top N`, the functions that take it (cProfile on CPU time, cumulative). Every page's
profile also gives the shares of its CPU spent running SQL (compiling and executing), in
templates, in crispy forms (inside the templates) and reading the signed-in user.

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
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import PG_URL, WORK, base_env, build_load_database  # noqa: E402

SETUP = WORK / "load-setup.json"


def environment() -> dict[str, str]:
    media = WORK / "media-pg"
    return {
        **os.environ,
        **base_env(PG_URL, media),
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(ROOT),
        "SAKIP_DEBUG": "0",
        "SAKIP_SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "SAKIP_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SAKIP_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }


build = build_load_database


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
    if setup["pdf"]["page"]:
        out.append(("documents: LAKIP PDF", setup["pdf"]["users"][0], setup["pdf"]["page"]))
    out.append((POST, kasi, row_url))
    return out


POST = "entry:row_edit (POST)"
VERSION = re.compile(r'name="version" value="(\d+)"')


def _timed(client, name: str, url: str):
    if name != POST:
        return client.get, (url,)
    version = VERSION.search(client.get(url).content.decode()).group(1)
    data = {"realisasi": "50", "sumber_data": "Register", "keterangan": "", "version": version}
    return client.post, (url, data)


class _Counter:
    def __init__(self, sink: list[str]) -> None:
        self.sink = sink

    def __call__(self, execute, sql, *args):
        self.sink.append(sql)
        return execute(sql, *args)


# Where a request's CPU goes, from a profile of the same requests: each share is the
# cumulative time under these functions, as a part of the whole request (they nest: SQL run
# while a template renders counts in both, and crispy forms render inside the templates).
SHARES = {
    "sql": ("django/db/models/sql/compiler.py", "execute_sql"),
    "templates": ("django/template/base.py", "render"),
    "crispy": ("crispy_forms/templatetags/crispy_forms_tags.py", "render"),
    "user": ("django/contrib/auth/__init__.py", "get_user"),
}


def _shares(profile: cProfile.Profile) -> dict[str, float]:
    stats = pstats.Stats(profile).stats
    total = sum(tt for (_, _, fn), (_, _, tt, _, _) in stats.items())
    out = {}
    for share, (path, function) in SHARES.items():
        # Only the outermost call counts: the most cumulative time of a matching function.
        times = [
            ct
            for (filename, _, fn), (_, _, _, ct, _) in stats.items()
            if filename.endswith(path) and fn == function
        ]
        out[share] = round(100 * max(times, default=0) / total, 1) if total else 0.0
    return out


def measure(runs: int, top: int, only: str, show_sql: bool = False) -> list[dict]:
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
            fn, args = _timed(client, name, url)
            assert fn(*args).status_code in (200, 302), (name, url)
        # Counted at the cursor: each request resets Django's query log when it starts.
        queries: list[str] = []
        fn, args = _timed(client, name, url)
        with connection.execute_wrapper(_Counter(queries)):
            fn(*args)
        cpu = []
        for _ in range(runs):
            fn, args = _timed(client, name, url)
            start = time.process_time()
            fn(*args)
            cpu.append((time.process_time() - start) * 1000)
            reset_queries()
        # Profiled apart from the timed runs: the profiler slows what it watches.
        profile = cProfile.Profile(time.process_time)
        for _ in range(max(5, runs // 3)):
            fn, args = _timed(client, name, url)
            profile.enable()
            fn(*args)
            profile.disable()
            reset_queries()
        rows.append(
            {
                "page": name,
                "cpu_ms": round(statistics.mean(cpu), 1),
                "median_ms": round(statistics.median(cpu), 1),
                "queries": len(queries),
                "shares": _shares(profile),
            }
        )
        if show_sql:
            print(f"\n==== {name}: {len(queries)} queries ====")
            for sql in queries:
                print(" ", sql[:220])
        if top:
            print(f"\n==== {name}: top {top} by cumulative time ====")
            pstats.Stats(profile).sort_stats("cumulative").print_stats(top)
    floor = next((r["cpu_ms"] for r in rows if r["page"].startswith("floor")), None)
    for row in rows:
        row["ratio"] = round(row["cpu_ms"] / floor, 2) if floor else None
    return rows


def print_table(rows: list[dict]) -> None:
    print(
        f"\n{'page':32} {'CPU ms':>7} {'median':>7} {'queries':>7} {'× floor':>7}"
        f" {'SQL %':>6} {'tmpl %':>6} {'crispy':>6} {'user %':>6}"
    )
    for r in rows:
        s = r["shares"]
        ratio = f"{r['ratio']:.2f}" if r["ratio"] else "–"
        print(
            f"{r['page'][:32]:32} {r['cpu_ms']:7.1f} {r['median_ms']:7.1f} {r['queries']:7d}"
            f" {ratio:>7} {s['sql']:6.0f} {s['templates']:6.0f} {s['crispy']:6.0f}"
            f" {s['user']:6.0f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="keep the database of a last run")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--top", type=int, default=0, help="print the N costliest functions")
    parser.add_argument("--only", default="", help="only the endpoints whose name has this")
    parser.add_argument("--sql", action="store_true", help="print each page's queries")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    env = environment()
    if not (args.reuse and SETUP.exists()):
        build(env)
    os.environ.update(env)
    rows = measure(args.runs, args.top, args.only, args.sql)
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
