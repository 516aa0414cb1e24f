"""`make bench`: figures, not tests. Prints one table and writes bench/results/latest.json.

(a) the nine-column page at 10 and 1,000 rows against its floor (bench/floor.py);
(b) the LAKIP PDF of 60 indicators against WeasyPrint rendering the same HTML alone, and a
    second request for the unchanged draft;
(b2) the first draft of step 6 for the same 60 indicators (goal under 2 s), and the same
    LAKIP as DOCX;
(c) an Excel upload of 1,000 rows (download, upload with validation, confirm);
(d) the full 13-step cycle through the services (step 10 renders and signs the PDF);
(e) a load test: gunicorn (2 workers) + PostgreSQL on loopback, 50 Locust users, 60 s, then
    the floor phase, each page's CPU and profile, and its queries on 10× data (bench/load.py).
The table and the goals are in bench/table.py.

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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (  # noqa: E402
    DEFAULT_DB,
    RESULTS,
    ROOT,
    WORK,
    base_env,
    recreate_database,
    url_named,
)
from bench.load import bench_load, bench_pages, bench_queries, prepare_load  # noqa: E402
from bench.table import table  # noqa: E402

# ---- environment --------------------------------------------------------------------------


def setup_django(database_url: str, media: Path) -> None:
    os.environ.update(base_env(database_url, media))
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


# ---- the table ----------------------------------------------------------------------------


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
        recreate_database(url)
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
