"""The table `make bench` prints: each figure beside its goal (issue #14's goals), and
where a page's CPU goes."""

from __future__ import annotations

GOALS = {
    "queries_max": 15,
    "page_vs_floor": 1.5,
    "pdf_vs_weasyprint": 1.15,
    "load_rps": 150,
    "load_p95_ms": 300,
    "cpu_vs_floor": 2.0,
    "draft_s": 2.0,
}


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
