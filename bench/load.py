"""(e) The load test of `make bench`: gunicorn (2 workers, production settings) and
PostgreSQL on loopback, 50 Locust users signed in beforehand, a 60-second mixed workload and
then a 20-second floor phase (the bare signed-in page) on the same server; the CPU each phase
costs per request (bench/proc.py), acknowledged saves checked against the database for lost
updates. After it, each page of the workload in one process (bench/cpu.py) and its SQL
queries on 10× data (bench/queries.py)."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.common import PG_URL, ROOT, WORK, base_env, build_load_database, url_named


def prepare_load() -> None:
    """Run inside the load test's environment: the data the simulated users work on."""
    from bench import data
    from sakip.models import Office, TargetKind, Year
    from workflow.models import Report

    mungka = Office.objects.get(name="Mungka")
    year = Year.objects.get(office=mungka, year=2025)
    # The PDF users read the 2025 draft while the Kasi fill 2026: the LAKIP shows earlier
    # years as history, so edits to 2025 rows would (rightly) invalidate the 2025 draft's
    # cache on every save, and later years never do.
    drafted = data.to_drafting(data.start_report(mungka, year))
    following = data.next_year(year)
    data.agree_plan(following)  # step 2 fills the rows from the signed PK in force
    report = data.start_report(mungka, following)
    kasi = {"users": [], "pages": {}, "rows": {}}
    for sub in report.submissions.select_related("unit"):
        head = data.head_of(sub)
        kasi["users"].append(head.user.username)
        kwargs = {"pk": report.pk, "sub_pk": sub.pk}
        kasi["pages"][head.user.username] = url_named("entry:submission", kwargs=kwargs)
        kasi["rows"][head.user.username] = [
            [row.pk, url_named("entry:row_edit", kwargs={**kwargs, "row_pk": row.pk})]
            for row in sub.rows.select_related("indikator")
            if row.indikator.target_kind in {TargetKind.NUMBER, TargetKind.PERCENT}
        ]
    first = report.submissions.first()
    review = [
        ("entry:review", url_named("entry:review", kwargs={"pk": report.pk})),
        (
            "entry:review_detail",
            url_named("entry:review_detail", kwargs={"pk": report.pk, "sub_pk": first.pk}),
        ),
        ("workflow:report_detail", url_named("workflow:report_detail", kwargs={"pk": report.pk})),
        ("planning:plan", url_named("planning:plan", kwargs={"tahun": following.year})),
    ]
    # A quarter's page joins the workload where the data has a measured quarter (the demo
    # measures 2025's four).
    quarter = Report.objects.filter(office=mungka, year=year, period__gt=0).order_by("-period")
    if quarter.exists():
        review.append(
            (
                "measurement:quarter",
                url_named(
                    "measurement:quarter", kwargs={"tahun": year.year, "tw": quarter[0].period}
                ),
            )
        )
    setup = {
        "kasi": kasi,
        "review": {"users": ["sekcam"], "pages": review},
        "dashboard": {"users": ["camat"], "page": url_named("dashboards:office")},
        "pdf": {
            "users": ["jf", "kasubag-pep"],
            "page": url_named("documents:download", kwargs={"pk": drafted.pk, "kind": "lakip"}),
        },
        "report": Report.objects.get(pk=report.pk).pk,
    }
    # The simulated users arrive signed in: a login is a deliberate half second of PBKDF2,
    # and fifty of them in the first seconds would measure the password hasher, not the
    # office's work. Sessions live in the database, so any worker accepts them.
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    setup["sessions"] = {}
    for role in ("kasi", "review", "dashboard", "pdf"):
        for username in setup[role]["users"]:
            client = Client()
            client.force_login(get_user_model().objects.get(username=username))
            setup["sessions"][username] = client.cookies[settings.SESSION_COOKIE_NAME].value
    (WORK / "load-setup.json").write_text(json.dumps(setup, indent=1))


def _wait_for(url: str, seconds: float = 60) -> None:
    import urllib.request

    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"server did not answer at {url}")


def _read_stats(prefix: Path) -> dict:
    import csv

    endpoints = {}
    with open(f"{prefix}_stats.csv") as fh:
        for row in csv.DictReader(fh):
            endpoints[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "rps": round(float(row["Requests/s"]), 1),
                "p50_ms": float(row["50%"] or 0),
                "p95_ms": float(row["95%"] or 0),
                "p99_ms": float(row["99%"] or 0),
            }
    return endpoints


def _lost_updates(acks_path: Path) -> dict:
    import psycopg

    acks: dict[int, list[dict]] = {}
    if acks_path.exists():
        for line in acks_path.read_text().splitlines():
            ack = json.loads(line)
            acks.setdefault(ack["row"], []).append(ack)
    lost = duplicate = unacknowledged = 0
    with psycopg.connect(PG_URL.replace("postgres://", "postgresql://")) as conn:
        stored = dict(
            (pk, (version, realisasi))
            for pk, version, realisasi in conn.execute(
                "SELECT id, version, realisasi FROM sakip_planrow WHERE id = ANY(%s)",
                [list(acks)],
            )
        )
    for pk, row_acks in acks.items():
        versions = [a["version"] for a in row_acks]
        duplicate += len(versions) - len(set(versions))
        last = max(row_acks, key=lambda a: a["version"])
        version, realisasi = stored[pk]
        if version < last["version"]:
            lost += 1
        elif version == last["version"] and int(realisasi) != last["value"]:
            lost += 1
        elif version > last["version"]:
            unacknowledged += 1
    return {
        "acknowledged_saves": sum(len(v) for v in acks.values()),
        "rows_edited": len(acks),
        "lost": lost + duplicate,
        "saved_without_ack": unacknowledged,
    }


def bench_load(users: int = 50, seconds: int = 60) -> dict:
    media = WORK / "media-pg"
    shutil.rmtree(media, ignore_errors=True)
    env = {
        **os.environ,
        **base_env(PG_URL, media),
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(ROOT),
        "SAKIP_DEBUG": "0",
        "SAKIP_SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "SAKIP_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SAKIP_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "SAKIP_DB_CONN_MAX_AGE": "60",
        "SAKIP_WORKERS": "2",
        "SAKIP_BIND": "127.0.0.1:8199",
        "SAKIP_ACCESS_LOG": str(WORK / "access.log"),
        "SAKIP_GUNICORN_LOG_LEVEL": "warning",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    build_load_database(env)
    acks = WORK / "acks.jsonl"
    acks.unlink(missing_ok=True)
    (WORK / "access.log").unlink(missing_ok=True)
    server_log = open(WORK / "gunicorn.log", "w")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "deploy/gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=server_log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for("http://127.0.0.1:8199/accounts/login/")
        phases = {
            name: _phase(server.pid, env, name, users, length)
            for name, length in (("mixed", seconds), ("floor", FLOOR_SECONDS))
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
        server_log.close()
    mixed, floor = phases["mixed"], phases["floor"]
    endpoints = _read_stats(WORK / "locust-mixed")
    total = endpoints.pop("Aggregated")
    return {
        "users": users,
        "seconds": seconds,
        "rps": total["rps"],
        "p50_ms": total["p50_ms"],
        "p95_ms": total["p95_ms"],
        "p99_ms": total["p99_ms"],
        "requests": total["requests"],
        "errors": total["failures"],
        "endpoints": endpoints,
        "updates": _lost_updates(acks),
        "server_mean_ms": mixed["server_mean_ms"],
        "load_average": mixed["load_average"],
        # CPU per request from /proc (bench/proc.py), and the same for the bare signed-in
        # page on the same server right after (the floor).
        "cpu": {
            "app_ms_per_request": mixed["app_cpu_ms"],
            "postgres_ms_per_request": mixed["postgres_cpu_ms"],
            "locust_ms_per_request": mixed["locust_cpu_ms"],
            "floor_app_ms_per_request": floor["app_cpu_ms"],
            "floor_postgres_ms_per_request": floor["postgres_cpu_ms"],
            "floor_rps": floor["rps"],
            "floor_requests": floor["requests"],
            "ratio": round(mixed["app_cpu_ms"] / floor["app_cpu_ms"], 2)
            if floor["app_cpu_ms"]
            else None,
        },
    }


FLOOR_SECONDS = 20


def _phase(server_pid: int, env: dict, name: str, users: int, seconds: int) -> dict:
    """One Locust run against the running server: its figures, and the CPU the app server,
    PostgreSQL and Locust spent on it per request (the access log counts the requests)."""
    from bench import proc

    log = WORK / "access.log"
    logged = _log_lines(log)
    app, database = proc.cpu_ms(server_pid), proc.postgres_cpu_ms()
    locust = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "locust"),
            "-f",
            "bench/locustfile.py",
            "--headless",
            "-u",
            str(users),
            "-r",
            "10",
            "-t",
            f"{seconds}s",
            "--host",
            "http://127.0.0.1:8199",
            "--csv",
            str(WORK / f"locust-{name}"),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env={
            **env,
            "BENCH_LOAD_SETUP": str(WORK / "load-setup.json"),
            "BENCH_ACKS": str(WORK / "acks.jsonl"),
            "BENCH_PHASE": name,
        },
    )
    locust_cpu = 0.0
    while locust.poll() is None:
        locust_cpu = max(locust_cpu, proc.cpu_ms(locust.pid))
        time.sleep(1)
    load_average = round(os.getloadavg()[0], 2)
    time.sleep(1)  # the last responses reach the access log
    app, database = proc.cpu_ms(server_pid) - app, proc.postgres_cpu_ms() - database
    times = _log_times(log)[logged:]
    requests = len(times) or 1
    stats = _read_stats(WORK / f"locust-{name}")["Aggregated"]
    return {
        "requests": len(times),
        "rps": stats["rps"],
        "server_mean_ms": round(statistics.mean(times), 1) if times else 0.0,
        "app_cpu_ms": round(app / requests, 1),
        "postgres_cpu_ms": round(database / requests, 1),
        "locust_cpu_ms": round(locust_cpu / requests, 1),
        "load_average": load_average,
    }


def _log_lines(log: Path) -> int:
    return len(_log_times(log))


def _log_times(log: Path) -> list[int]:
    """Time inside gunicorn of each request in the access log (its last field, `%(M)sms`)."""
    if not log.exists():
        return []
    return [int(line.rsplit(" ", 1)[1].removesuffix("ms\n")) for line in open(log)]


def bench_pages() -> list[dict]:
    """Each page of the mixed workload on the load test's database, in one process: CPU and
    SQL queries per request and where the CPU goes (bench/cpu.py)."""
    out = WORK / "pages.json"
    subprocess.run(
        [sys.executable, "bench/cpu.py", "--reuse", "--runs", "20", "--json", str(out)],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return json.loads(out.read_text())


def bench_queries() -> dict:
    """SQL queries per request of every page of the mixed workload, on the load test's data
    and on ten times as much (bench/queries.py)."""
    from bench import queries

    return queries.measure()
