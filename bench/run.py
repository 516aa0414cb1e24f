"""`make bench`: figures, not tests. Prints one table and writes bench/results/latest.json.

(a) the nine-column page at 10 and 1,000 rows against its floor (bench/floor.py);
(b) the LAKIP PDF of 60 indicators against WeasyPrint rendering the same HTML alone, and a
    second request for the unchanged draft;
(b2) the first draft of step 6 for the same 60 indicators (goal under 2 s), and the same
    LAKIP as DOCX;
(c) an Excel upload of 1,000 rows (download, upload with validation, confirm);
(d) the full 13-step cycle through the services (step 10 renders and signs the PDF);
(e) a load test: gunicorn (2 workers) + PostgreSQL on loopback, 50 Locust users, 60 s.

(a)–(d) run in this process on a throwaway database: BENCH_DATABASE_URL, default
sqlite:////tmp/sakip-bench/bench.sqlite3 (a PostgreSQL URL works too; that database is
dropped and created). (e) uses the PostgreSQL database `sakip_bench` (BENCH_PG_URL).
`--skip-load` leaves (e) out; `--only-load` runs only (e)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = Path("/tmp/sakip-bench")
RESULTS = ROOT / "bench" / "results"
DEFAULT_DB = f"sqlite:///{WORK}/bench.sqlite3"
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/sakip_bench")
GOALS = {
    "queries_max": 15,
    "page_vs_floor": 1.5,
    "pdf_vs_weasyprint": 1.15,
    "load_rps": 150,
    "load_p95_ms": 300,
    "cpu_vs_floor": 2.0,
    "draft_s": 2.0,
}
sys.path.insert(0, str(ROOT))


# ---- environment --------------------------------------------------------------------------


def _base_env(database_url: str, media: Path) -> dict[str, str]:
    return {
        "DATABASE_URL": database_url,
        "SAKIP_MEDIA_ROOT": str(media),
        "SAKIP_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "SAKIP_SIGNING_PKCS12": str(WORK / "signing.p12"),
        "SAKIP_LOG_LEVEL": "ERROR",
    }


def _recreate_database(url: str) -> None:
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


def setup_django(database_url: str, media: Path) -> None:
    os.environ.update(_base_env(database_url, media))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.TEMPLATES[0]["DIRS"] = [*settings.TEMPLATES[0]["DIRS"], ROOT / "bench" / "templates"]
    settings.ROOT_URLCONF = "bench.floor"


def prepare_database() -> dict:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("seed_demo", verbosity=0)
    call_command("make_demo_certificate", verbosity=0)
    from bench import data

    return data.build()


# ---- helpers ------------------------------------------------------------------------------


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


def timed_get(client, url: str, runs: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)  # warm up: templates, caches
    assert response.status_code == 200, (url, response.status_code)
    times, queries = [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200
        queries.append(len(ctx))
    return {"queries": max(queries), "p50_ms": round(statistics.median(times) * 1000, 1)}


def pdf_pages(content: bytes) -> int:
    out = subprocess.run(["pdfinfo", "-"], input=content, capture_output=True).stdout.decode()
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


# ---- (a) the nine-column page -------------------------------------------------------------


def bench_page(ids: dict) -> dict:
    from django.test import Client

    from bench import data
    from workflow.models import Submission

    out = {}
    for label, sub_pk, runs in (("10", ids["small"], 15), ("1000", ids["large"], 5)):
        submission = Submission.objects.select_related("report").get(pk=sub_pk)
        data.fill(submission)
        client = Client()
        client.force_login(data.head_of(submission).user)
        page_url = url_named(
            "entry:submission", kwargs={"pk": submission.report_id, "sub_pk": submission.pk}
        )
        page = timed_get(client, page_url, runs)
        floor = timed_get(client, f"/bench/floor/{submission.pk}/", runs)
        out[label] = {
            "rows": submission.rows.count(),
            "page": page,
            "floor": floor,
            "ratio": round(page["p50_ms"] / floor["p50_ms"], 2),
        }
    return out


# ---- (b) the LAKIP PDF --------------------------------------------------------------------


def bench_pdf(ids: dict) -> dict:
    from django.conf import settings
    from django.test import Client
    from weasyprint import HTML

    from bench import data
    from documents import lakip
    from documents.lakip_data import lakip_document_data
    from documents.pdf import render_html
    from workflow.models import RenderedDocument, Report

    report = data.to_drafting(Report.objects.get(pk=ids["mungka_report"]))
    url = url_named("documents:download", kwargs={"pk": report.pk, "kind": "lakip"})
    if url is None:
        return {"error": "no documents: URL for the LAKIP"}
    client = Client()
    client.force_login(data.person("sekcam").user)
    cold, warm, raw = [], [], []
    content = b""
    for _ in range(3):
        RenderedDocument.objects.filter(report=report).delete()
        start = time.perf_counter()
        response = client.get(url)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        cold.append(time.perf_counter() - start)
        assert response.status_code == 200 and content.startswith(b"%PDF"), response.status_code
        start = time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200
        warm.append(time.perf_counter() - start)
        html = render_html(
            lakip.TEMPLATE,
            lakip._context(lakip_document_data(report, final=False), watermark=True),
        )
        start = time.perf_counter()
        HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
        raw.append(time.perf_counter() - start)
    rows = report.submissions.values_list("rows", flat=True).count()
    return {
        "indicators": rows,
        "pages": pdf_pages(content),
        "app_s": round(statistics.median(cold), 2),
        "weasyprint_s": round(statistics.median(raw), 2),
        "ratio": round(statistics.median(cold) / statistics.median(raw), 2),
        "cached_ms": round(statistics.median(warm) * 1000, 1),
    }


# ---- (c) Excel upload ---------------------------------------------------------------------


def bench_excel(ids: dict) -> dict:
    import re
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from openpyxl import load_workbook

    from bench import data
    from documents.workbook_export import FIRST_DATA_ROW
    from sakip.models import PlanRow
    from workflow.models import Submission

    submission = Submission.objects.get(pk=ids["large"])
    client = Client()
    client.force_login(data.head_of(submission).user)
    kwargs = {"pk": submission.report_id, "sub_pk": submission.pk}
    start = time.perf_counter()
    response = client.get(url_named("entry:xlsx_download", kwargs=kwargs))
    download = time.perf_counter() - start
    assert response.status_code == 200
    book = load_workbook(BytesIO(response.content))
    sheet = book.worksheets[0]
    rows = submission.rows.count()
    for n in range(rows):
        sheet.cell(row=FIRST_DATA_ROW + n, column=5).value = 50 + n % 50
    buffer = BytesIO()
    book.save(buffer)
    upload = SimpleUploadedFile(
        "format-isian.xlsx",
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    start = time.perf_counter()
    response = client.post(url_named("entry:xlsx_upload", kwargs=kwargs), {"file": upload})
    validate = time.perf_counter() - start
    html = response.content.decode()
    match = re.search(r"/unggah/([\w-]+)/", html)
    assert response.status_code == 200 and match, "the upload was not accepted for preview"
    start = time.perf_counter()
    response = client.post(url_named("entry:xlsx_confirm", kwargs={**kwargs, "token": match[1]}))
    confirm = time.perf_counter() - start
    assert response.status_code == 302
    changed = PlanRow.objects.filter(submission=submission, realisasi__gte=50, realisasi__lt=100)
    return {
        "rows": rows,
        "rows_saved": changed.count(),
        "download_s": round(download, 2),
        "upload_validate_s": round(validate, 2),
        "confirm_s": round(confirm, 2),
    }


# ---- (b2) the first draft and the Word copy -----------------------------------------------


def bench_draft(ids: dict) -> dict:
    """The first draft of step 6 for the 60-indicator report: the writer alone, and the
    writer with saving every chapter and row analysis; then the LAKIP as DOCX."""
    from django.db import transaction

    from documents.drafting.writer import draft_texts
    from documents.word.lakip import docx
    from sakip.models import PlanRow
    from workflow.models import Chapter, Report
    from workflow.services.procedure.first_draft import draft_generate

    report = Report.objects.get(pk=ids["mungka_report"])
    rows = PlanRow.objects.filter(submission__report=report).count()
    writer, saved, word = [], [], []
    for _ in range(3):
        start = time.perf_counter()
        draft_texts(report=report)
        writer.append(time.perf_counter() - start)
        with transaction.atomic():
            Chapter.objects.filter(report=report).update(body="", generated=False)
            PlanRow.objects.filter(submission__report=report).update(analysis="")
            start = time.perf_counter()
            draft_generate(report=report)
            saved.append(time.perf_counter() - start)
            transaction.set_rollback(True)
        start = time.perf_counter()
        content = docx(report)
        word.append(time.perf_counter() - start)
    return {
        "indicators": rows,
        "writer_s": round(statistics.median(writer), 2),
        "with_saving_s": round(statistics.median(saved), 2),
        "docx_s": round(statistics.median(word), 2),
        "docx_kb": round(len(content) / 1024),
    }


# ---- (d) the full cycle -------------------------------------------------------------------


def bench_cycle(ids: dict) -> dict:
    from bench import data
    from sakip.models import Year

    timings: dict[str, float] = {}
    start = time.perf_counter()
    report = data.full_cycle(Year.objects.get(pk=ids["cycle_year"]), timings, time.perf_counter)
    total = time.perf_counter() - start
    return {
        "state": report.state,
        "rows": sum(s.rows.count() for s in report.submissions.all()),
        "total_s": round(total, 2),
        "steps_s": {k: round(v, 3) for k, v in timings.items()},
    }


# ---- (e) the load test --------------------------------------------------------------------


def _django_cmd(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


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
    _recreate_database(PG_URL)
    env = {
        **os.environ,
        **_base_env(PG_URL, media),
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


# ---- the table ----------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def table(results: dict) -> str:
    lines = []

    def add(what: str, figure: str, goal: str = "", ok: bool | None = None) -> None:
        mark = "" if ok is None else verdict(ok)
        lines.append(f"| {what} | {figure} | {goal} | {mark} |")

    lines += ["| Measure | Figure | Goal | |", "|---|---|---|---|"]
    page = results.get("page")
    if page:
        q10, q1000 = page["10"]["page"]["queries"], page["1000"]["page"]["queries"]
        add(
            "Nine-column page, SQL queries (10 / 1,000 rows)",
            f"{q10} / {q1000}",
            f"equal, ≤ {GOALS['queries_max']}",
            q10 == q1000 and q1000 <= GOALS["queries_max"],
        )
        for label in ("10", "1000"):
            p = page[label]
            add(
                f"Nine-column page p50, {p['rows']} rows (floor)",
                f"{p['page']['p50_ms']} ms ({p['floor']['p50_ms']} ms, {p['ratio']}×)",
                f"≤ {GOALS['page_vs_floor']}× floor",
                p["ratio"] <= GOALS["page_vs_floor"],
            )
    pdf = results.get("pdf")
    if pdf and "error" not in pdf:
        add(
            f"LAKIP PDF, {pdf['indicators']} indicators, {pdf['pages']} pages (raw WeasyPrint)",
            f"{pdf['app_s']} s ({pdf['weasyprint_s']} s, {pdf['ratio']}×)",
            f"≤ {GOALS['pdf_vs_weasyprint']}× WeasyPrint",
            pdf["ratio"] <= GOALS["pdf_vs_weasyprint"],
        )
        add("LAKIP PDF, unchanged draft again (cache)", f"{pdf['cached_ms']} ms")
    elif pdf:
        add("LAKIP PDF", pdf["error"])
    excel = results.get("excel")
    if excel:
        add(
            f"Excel upload, {excel['rows']} rows: download / validate+preview / confirm",
            f"{excel['download_s']} s / {excel['upload_validate_s']} s / {excel['confirm_s']} s",
            "all rows saved",
            excel["rows_saved"] == excel["rows"],
        )
    draft = results.get("draft")
    if draft:
        add(
            f"First draft of the LAKIP, {draft['indicators']} indicators (writer / with saving)",
            f"{draft['writer_s']} s / {draft['with_saving_s']} s",
            f"< {GOALS['draft_s']} s",
            draft["with_saving_s"] < GOALS["draft_s"],
        )
        pdf_s = f" (PDF {pdf['app_s']} s)" if pdf and "error" not in pdf else ""
        add(
            f"LAKIP as DOCX, {draft['indicators']} indicators, {draft['docx_kb']} KB",
            f"{draft['docx_s']} s{pdf_s}",
        )
    cycle = results.get("cycle")
    if cycle:
        add(
            f"Full 13-step cycle, {cycle['rows']} rows (step 10 signs: "
            f"{cycle['steps_s'].get('10 tanda tangan', 0):.2f} s)",
            f"{cycle['total_s']} s",
            "ends dispatched",
            cycle["state"] == "dikirim",
        )
    load = results.get("load")
    if load:
        add(
            f"Load, {load['users']} users {load['seconds']} s: requests/s",
            f"{load['rps']}",
            f"≥ {GOALS['load_rps']}",
            load["rps"] >= GOALS["load_rps"],
        )
        add(
            "Load: p50 / p95 / p99 (all requests)",
            f"{load['p50_ms']:.0f} / {load['p95_ms']:.0f} / {load['p99_ms']:.0f} ms",
            f"p95 < {GOALS['load_p95_ms']} ms",
            load["p95_ms"] < GOALS["load_p95_ms"],
        )
        for name, e in sorted(load["endpoints"].items()):
            add(
                f"  {name} ({e['requests']} requests)",
                f"{e['p50_ms']:.0f} / {e['p95_ms']:.0f} / {e['p99_ms']:.0f} ms",
            )
        mean = load.get("server_mean_ms") or 0
        add(
            "Load: mean time inside gunicorn per request (→ ceiling of 2 workers)",
            f"{mean} ms (→ {2000 / mean:.0f} req/s)" if mean else "—",
        )
        cpu = load.get("cpu")
        if cpu and cpu["ratio"]:
            add(
                "Load: CPU per request in gunicorn, mixed / bare signed-in page (floor, "
                f"{cpu['floor_requests']} requests at {cpu['floor_rps']}/s)",
                f"{cpu['app_ms_per_request']} / {cpu['floor_app_ms_per_request']} ms "
                f"({cpu['ratio']}×)",
                f"≤ {GOALS['cpu_vs_floor']}× floor",
                cpu["ratio"] <= GOALS["cpu_vs_floor"],
            )
            add(
                "Load: CPU per request in PostgreSQL, mixed / floor (D)",
                f"{cpu['postgres_ms_per_request']} / {cpu['floor_postgres_ms_per_request']} ms",
            )
            add(
                "Load: CPU per request in Locust (the load generator)",
                f"{cpu['locust_ms_per_request']} ms",
            )
        add("Load: machine load average at the end (2 cores)", f"{load.get('load_average')}")
        add("Load: errors", f"{load['errors']} of {load['requests']}", "0", load["errors"] == 0)
        u = load["updates"]
        add(
            f"Load: lost updates ({u['acknowledged_saves']} acknowledged saves on "
            f"{u['rows_edited']} rows)",
            f"{u['lost']}",
            "0",
            u["lost"] == 0,
        )
    pages = results.get("pages")
    if pages:
        add("Where each page's CPU goes (in one process; shares of the request's CPU)", "", "")
        for p in pages:
            s = p["shares"]
            add(
                f"  {p['page']}",
                f"{p['cpu_ms']} ms, {p['queries']} queries ({p['ratio']}× floor): SQL "
                f"{s['sql']:.0f} %, templates {s['templates']:.0f} % (crispy forms "
                f"{s['crispy']:.0f} %), session and user {s['user']:.0f} %",
            )
    queries = results.get("queries")
    if queries:
        equal = all(q["small"] == q["large"] for q in queries["pages"].values())
        add(
            "SQL queries per page of the mixed workload, load test's data / 10× data "
            "(bench/queries.py)",
            f"{len(queries['pages'])} pages",
            "equal",
            equal,
        )
        for name, q in queries["pages"].items():
            add(f"  {name}", f"{q['small']} / {q['large']}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--only-load", action="store_true")
    parser.add_argument("--prepare-load", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    if args.prepare_load:
        import django

        django.setup()
        prepare_load()
        return

    results: dict = {"machine": {"cpus": os.cpu_count()}}
    if not args.only_load:
        url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
        media = WORK / "media"
        shutil.rmtree(media, ignore_errors=True)
        _recreate_database(url)
        setup_django(url, media)
        results["database"] = url.split(":")[0]
        print("Menyiapkan data benchmark…", flush=True)
        ids = prepare_database()
        for key, fn in (
            ("page", bench_page),
            ("excel", bench_excel),
            ("pdf", bench_pdf),
            ("draft", bench_draft),
            ("cycle", bench_cycle),
        ):
            print(f"Mengukur {key}…", flush=True)
            results[key] = fn(ids)
    if not args.skip_load:
        print("Uji beban (gunicorn + PostgreSQL, Locust)…", flush=True)
        results["load"] = bench_load()
        print("CPU dan kueri per halaman (profil)…", flush=True)
        results["pages"] = bench_pages()
        print("Kueri per halaman, data kecil vs 10×…", flush=True)
        results["queries"] = bench_queries()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print()
    print(table(results))
    print(f"\nJSON: {RESULTS / 'latest.json'}")


if __name__ == "__main__":
    main()
