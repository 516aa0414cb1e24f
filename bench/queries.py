"""SQL queries per request of every page of the load test's mixed workload, on the load
test's data and on ten times that data (issue #14): a page whose count grows with the data
runs a query per row, per unit, per person or per year somewhere; the goal is equal counts.

    .venv/bin/python bench/queries.py            # build `sakip_bench` as the load test does
    .venv/bin/python bench/queries.py --reuse    # reuse the last `sakip_bench`
    .venv/bin/python bench/queries.py --reuse --sql   # the answers' sizes, and the
                                                      # statements that repeat

`make bench` calls `measure(env)` (bench/run.py). The count runs on a copy,
`sakip_bench_queries` (`CREATE DATABASE … TEMPLATE sakip_bench`, dropped at the end, also on
failure), in a subprocess configured for it with the load test's production settings and
its own copy of the media. Each page is asked once as a warm-up and counted on the next
request, as the load test's users ask it: the same user (the first of its role, as
bench/cpu.py); the row edit's POST a valid save with the current version, counted up to its
redirect; the LAKIP PDF counted when it comes from the document cache. Then
`bench/grow.py` grows what the pages read about tenfold and every page is counted again.
The office dashboard is counted twice: as the load test sees it (its body from the cache)
and computed afresh (its data version moved).

The LAKIP's warm-up makes its HTML but stores a stand-in for the PDF: WeasyPrint would take
a minute over the 10× LAKIP, and the request counted reads the cache, never the layout.
`--render` lays it out for real."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import PG_URL, WORK  # noqa: E402
from bench.cpu import SETUP, build, environment  # noqa: E402

COPY = "sakip_bench_queries"
RESULT = WORK / "queries.json"


# ---- The copy of the load test's database ------------------------------------------------------


def _server(url: str) -> tuple[str, str]:
    """(database name, URL of the server's `postgres` database) of a PostgreSQL URL."""
    base = url.split("?")[0]
    head, name = base.rsplit("/", 1)
    return name, f"{head}/postgres"


def _psql(server: str, sql: str) -> str:
    return subprocess.run(
        ["psql", server, "-qtA", "-c", sql], check=True, capture_output=True, text=True
    ).stdout.strip()


def _populated(url: str) -> bool:
    """Whether the load test's database exists and holds its people."""
    name, server = _server(url)
    if _psql(server, f"SELECT count(*) FROM pg_database WHERE datname = '{name}'") != "1":
        return False
    found = subprocess.run(
        ["psql", url.split("?")[0], "-qtA", "-c", "SELECT count(*) FROM auth_user"],
        capture_output=True,
        text=True,
    )
    return found.returncode == 0 and found.stdout.strip() not in ("", "0")


def _copy(template_url: str, wait: float = 90) -> str:
    """A fresh copy of the template database; its URL. A template must have no other
    session: someone else's (bench/cpu.py --reuse) is given `wait` seconds to end, then
    ended, as are those a load test's server left idle."""
    template, server = _server(template_url)
    _drop(template_url)
    others = f"FROM pg_stat_activity WHERE datname = '{template}' AND pid <> pg_backend_pid()"
    deadline = time.monotonic() + wait
    while _psql(server, f"SELECT count(*) {others}") != "0" and time.monotonic() < deadline:
        print(f"{template} sedang dipakai; menunggu…", file=sys.stderr, flush=True)
        time.sleep(5)
    _psql(server, f"SELECT pg_terminate_backend(pid) {others}")
    _psql(server, f'CREATE DATABASE "{COPY}" TEMPLATE "{template}"')
    return template_url.split("?")[0].rsplit("/", 1)[0] + f"/{COPY}"


def _drop(template_url: str) -> None:
    _psql(_server(template_url)[1], f'DROP DATABASE IF EXISTS "{COPY}" WITH (FORCE)')


def _child_env(env: dict[str, str], url: str, media: Path) -> dict[str, str]:
    hosts = env.get("SAKIP_ALLOWED_HOSTS", "127.0.0.1,localhost")
    if "testserver" not in hosts.split(","):
        hosts += ",testserver"
    return {
        **env,
        "DATABASE_URL": url,
        "SAKIP_MEDIA_ROOT": str(media),
        "SAKIP_ALLOWED_HOSTS": hosts,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(ROOT),
    }


def run(env: dict[str, str] | None = None, *, reuse: bool = True, render: bool = False) -> dict:
    """Count on a copy of the load test's database (built first unless `reuse` finds it):
    {"pages", "grown", "sql", "bytes"}. `render`: the LAKIP's warm-up lays it out."""
    env = {**environment(), **(env or {})}
    template_url = env.get("DATABASE_URL", PG_URL)
    if not template_url.startswith("postgres"):
        template_url = PG_URL
    if not (reuse and SETUP.exists() and _populated(template_url)):
        build({**env, "DATABASE_URL": template_url})
    source = Path(env.get("SAKIP_MEDIA_ROOT", WORK / "media-pg"))
    media = WORK / "media-queries"
    shutil.rmtree(media, ignore_errors=True)
    RESULT.unlink(missing_ok=True)
    try:
        url = _copy(template_url)
        # The copy's rows name the load test's files (evidence, cached and signed PDFs);
        # the copy writes its own, and must not delete the load test's.
        if source.exists():
            shutil.copytree(source, media)
        subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--child"],
            cwd=ROOT,
            env={**_child_env(env, url, media), "BENCH_QUERIES_RENDER": "1" if render else ""},
            check=True,
        )
        return json.loads(RESULT.read_text())
    finally:
        _drop(template_url)
        shutil.rmtree(media, ignore_errors=True)


def measure(env: dict | None = None, *, reuse: bool = True, render: bool = False) -> dict:
    """{"pages": {name: {"small": n, "large": n}}, "grown": {what: "before → after"}}."""
    result = run(env, reuse=reuse, render=render)
    return {"pages": result["pages"], "grown": result["grown"]}


# ---- In the subprocess: the pages, counted --------------------------------------------------


@dataclass(frozen=True)
class Page:
    name: str
    username: str
    url: str
    kind: str = "get"  # get | save (the row edit's POST) | pdf | cold (cache emptied first)
    row: int = 0


def pages(setup: dict) -> list[Page]:
    """Every endpoint of the mixed workload (bench/locustfile.py), with the user the load
    test gives it (the first of its role, as bench/cpu.py)."""
    kasi = setup["kasi"]["users"][0]
    row_pk, row_url = setup["kasi"]["rows"][kasi][0]
    dashboard = setup["dashboard"]["page"]
    out = [
        Page("entry:submission", kasi, setup["kasi"]["pages"][kasi]),
        Page("entry:row_edit (GET)", kasi, row_url),
        Page("entry:row_edit (POST)", kasi, row_url, "save", row_pk),
        Page("dashboards:office", setup["dashboard"]["users"][0], dashboard),
        Page("dashboards:office (cache cold)", setup["dashboard"]["users"][0], dashboard, "cold"),
    ]
    reviewer = setup["review"]["users"][0]
    out += [Page(name, reviewer, url) for name, url in setup["review"]["pages"]]
    out += [Page(name, reviewer, url) for name, url in setup.get("extra", {}).get("pages", [])]
    if setup["pdf"]["page"]:
        out.append(
            Page("documents: LAKIP PDF", setup["pdf"]["users"][0], setup["pdf"]["page"], "pdf")
        )
    return out


class _Recorder:
    """Every statement sent to the database (with its placeholders, not its values)."""

    def __init__(self) -> None:
        self.sql: list[str] = []

    def __call__(self, execute, sql, params, many, context):
        self.sql.append(sql)
        return execute(sql, params, many, context)


def _request(client, page: Page):
    """The request of `page`, ready to send: what it needs is read here, before counting."""
    if page.kind == "save":
        from sakip.models import PlanRow

        row = PlanRow.objects.get(pk=page.row)
        value = 41 if row.realisasi != 41 else 42  # a change, within 0–100 for a percentage
        form = {
            "realisasi": str(value),
            "sumber_data": "Register layanan",
            "keterangan": "",
            "version": str(row.version),
        }
        return lambda: client.post(page.url, form)
    if page.kind == "cold":
        from sakip.models import Person
        from sakip.versions import offices_changed

        offices_changed(pk=Person.objects.get(user__username=page.username).office_id)
    return lambda: client.get(page.url)


def _check(page: Page, response, *, counted: bool) -> None:
    expected = 302 if page.kind == "save" else 200
    assert response.status_code == expected, (page.name, page.url, response.status_code)
    if page.kind == "pdf" and counted:
        assert response["X-Document-Source"] == "cache", (page.name, "not from the cache")


# What the warm-up stores in the document cache when it does not lay the LAKIP out.
STAND_IN = b"%PDF-1.4\n% bench/queries.py: WeasyPrint's layout left out\n%%EOF\n"


@contextmanager
def _rendering(real: bool):
    """The LAKIP's warm-up: rendered (`real`), or its HTML made and a stand-in stored under
    the same data key. What is counted is the next request, which reads the cache and never
    renders; laying out the 10× LAKIP would take WeasyPrint about a minute."""
    from documents import lakip
    from documents.pdf import RenderedPdf, render_html

    def stand_in(template: str, context: dict) -> RenderedPdf:
        render_html(template, context)
        return RenderedPdf(content=STAND_IN, pages=1, anchors={})

    original = lakip.render_pdf
    if not real:
        lakip.render_pdf = stand_in
    try:
        yield
    finally:
        lakip.render_pdf = original


def count(page_list: list[Page], *, render: bool = False) -> dict[str, dict]:
    """{page name: {"sql": the statements of one request after a warm-up, "bytes": the size
    of its answer}}."""
    from django.contrib.auth import get_user_model
    from django.db import connection, reset_queries
    from django.test import Client

    users = {u.username: u for u in get_user_model().objects.all()}
    out = {}
    for page in page_list:
        client = Client()
        client.force_login(users[page.username])
        with _rendering(render):  # warm-up (the PDF is rendered)
            _check(page, _request(client, page)(), counted=False)
        send = _request(client, page)
        reset_queries()
        recorder = _Recorder()
        with connection.execute_wrapper(recorder):
            response = send()
        _check(page, response, counted=True)
        size = -1 if response.content == STAND_IN else len(response.content)
        out[page.name] = {"sql": recorder.sql, "bytes": size}
    return out


def child() -> None:
    import django

    django.setup()
    from bench.grow import grow

    setup = json.loads(SETUP.read_text())
    page_list = pages(setup)
    started = time.perf_counter()

    def say(what: str) -> None:
        print(f"[{time.perf_counter() - started:5.1f} s] {what}", file=sys.stderr, flush=True)

    render = os.environ.get("BENCH_QUERIES_RENDER") == "1"
    say("Menghitung kueri pada data uji beban…")
    small = count(page_list, render=render)
    say("Menumbuhkan data 10×…")
    grown = grow(setup)
    say("Menghitung kueri pada data 10×…")
    large = count(page_list, render=render)
    say("Selesai.")
    # `--sql` prints the statements and the answers' sizes (the pages did grow).
    result = {"pages": {}, "grown": grown, "sql": {}, "bytes": {}}
    for p in page_list:
        before, after = small[p.name], large[p.name]
        result["pages"][p.name] = {"small": len(before["sql"]), "large": len(after["sql"])}
        result["sql"][p.name] = {"small": before["sql"], "large": after["sql"]}
        result["bytes"][p.name] = {"small": before["bytes"], "large": after["bytes"]}
    RESULT.write_text(json.dumps(result, indent=1, ensure_ascii=False))


# ---- The table --------------------------------------------------------------------------------


def table(result: dict) -> str:
    lines = ["| page | queries small | queries 10× | equal? |", "|---|---|---|---|"]
    for name, n in result["pages"].items():
        equal = "yes" if n["small"] == n["large"] else "NO"
        lines.append(f"| {name} | {n['small']} | {n['large']} | {equal} |")
    lines += ["", "Grown (10× data):"]
    lines += [f"- {what}: {change}" for what, change in result["grown"].items()]
    return "\n".join(lines)


# `IN (%s, %s, …)` has as many placeholders as values: the same statement on more data.
_IN_LIST = re.compile(r"IN \((?:%s, )*%s\)")


def repeated(result: dict) -> str:
    """Each page's answer on both data sizes, and the statements sent a different number of
    times on 10× data (the query that repeats, where a count grew)."""
    out = ["", "| page | answer small | answer 10× |", "|---|---|---|"]
    for name, size in result["bytes"].items():
        small, large = (f"{n / 1024:.0f} kB" if n >= 0 else "stand-in" for n in size.values())
        out.append(f"| {name} | {small} | {large} |")
    for name, sql in result["sql"].items():
        small = Counter(_IN_LIST.sub("IN (…)", s) for s in sql["small"])
        large = Counter(_IN_LIST.sub("IN (…)", s) for s in sql["large"])
        changed = [(s, small[s], large[s]) for s in small.keys() | large.keys()]
        changed = [c for c in changed if c[1] != c[2]]
        if not changed:
            continue
        out.append(f"\n==== {name}: {len(sql['small'])} → {len(sql['large'])} queries ====")
        for statement, before, after in sorted(changed, key=lambda c: c[1] - c[2]):
            out.append(f"  {before} → {after}×  {statement[:600]}")
    if not any(line.startswith("\n====") for line in out):
        out.append("\nEvery page sends the same statements on 10× data.")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="reuse the last `sakip_bench`")
    parser.add_argument("--sql", action="store_true", help="print the statements that repeat")
    parser.add_argument(
        "--render", action="store_true", help="lay the LAKIP out in its warm-up (a minute more)"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child()
        return
    WORK.mkdir(parents=True, exist_ok=True)
    result = run(reuse=args.reuse, render=args.render)
    print(table(result))
    if args.sql:
        print(repeated(result))


if __name__ == "__main__":
    main()
