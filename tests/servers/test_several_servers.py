"""Nothing depends on one process's state: two gunicorn app servers on one PostgreSQL and one
file store serve the same people. Each test runs twice (tests/servers/conftest.py): with a
shared media folder (`berkas`) and with S3 (`s3`, moto's server on loopback). A person's
browser goes to server A or B as a load balancer might send it; the tests read the shared
database and store directly to see what happened."""

from __future__ import annotations

import hashlib
import io
import subprocess
import threading
from pathlib import Path
from uuid import uuid4

import pytest
import requests
from openpyxl import load_workbook

from documents.workbook_export import FIRST_DATA_ROW
from tests.servers.harness import Browser, forms_of
from workflow.models import ReportState

pytestmark = pytest.mark.servers

MINIMAL_PDF = (Path(__file__).resolve().parents[1] / "data" / "proof" / "minimal.pdf").read_bytes()


def _unique_pdf() -> bytes:
    # A comment after %%EOF keeps it a valid PDF whose bytes no other upload has.
    return MINIMAL_PDF + f"\n% bukti {uuid4().hex}\n".encode()


def _pdf_text(content: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def _signed_in(stack, server: str, username: str) -> Browser:
    browser = Browser()
    stack.expect(browser.sign_in(server, username), 302)
    return browser


def _at_once(calls: list) -> list:
    """Run the calls in threads released together; their results in order (a call that
    raised raises here)."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = calls[i]()
        except Exception as exc:  # noqa: BLE001 - handed to the test's thread below
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    for result in results:
        if isinstance(result, Exception):
            raise result
    return results


def test_a_session_begun_on_one_server_continues_on_the_other(stack):
    browser = Browser()
    signed_in = stack.expect(browser.sign_in(stack.a, "harau-kasi"), 302)
    assert signed_in.headers["Location"] == "/"
    session_key = browser.http.cookies["sessionid"]

    home = stack.expect(browser.get(stack.b, "/"), 200)
    assert "ARDI KURNIAWAN" in home.text and 'name="password"' not in home.text
    assert stack.database.one(
        "SELECT count(*) FROM django_session WHERE session_key = %s", session_key
    ) == (1,)

    # The sign-out form B rendered (its CSRF token included) is accepted by A.
    form, url = browser.form(stack.b, "/", match=lambda f: f.action == "/accounts/logout/")
    stack.expect(browser.submit(form, url, server=stack.a), 200, 302)
    assert stack.database.one(
        "SELECT count(*) FROM django_session WHERE session_key = %s", session_key
    ) == (0,)
    again = stack.expect(browser.get(stack.b, "/"), 302)
    assert again.headers["Location"].startswith("/accounts/login/")


def test_evidence_uploaded_on_one_server_is_downloaded_from_the_other(stack):
    ids = stack.ids["harau"]
    report, submission, row = ids["report"], ids["submission"], ids["row"]
    browser = _signed_in(stack, stack.a, "harau-kasi")
    content = _unique_pdf()

    form, url = browser.form(
        stack.a,
        f"/laporan/{report}/isian/{submission}/baris/{row}/",
        match=lambda f: f.id == f"evidence-form-{row}",
    )
    uploaded = stack.expect(
        browser.submit(form, url, files={"file": ("laporan-kegiatan.pdf", content)}), 302
    )
    evidence, name, sha256 = stack.database.one(
        "SELECT id, file, sha256 FROM sakip_evidence WHERE row_id = %s ORDER BY id DESC LIMIT 1",
        row,
    )
    assert stack.store.read(name) == content
    assert stack.store.written_elsewhere() == []

    # B shows the message A left and the file on the unit's page, and hands out A's upload.
    page = stack.expect(browser.get(stack.b, uploaded.headers["Location"].split("#")[0]), 200)
    assert "Bukti dukung diunggah." in page.text
    link = f"/laporan/{report}/bukti/{evidence}/"
    assert link in page.text
    download = stack.expect(browser.get(stack.b, link), 200)
    assert download.content == content
    assert download.headers["Content-Disposition"] == (
        'attachment; filename="laporan-kegiatan.pdf"'
    )
    assert sha256 == hashlib.sha256(content).hexdigest()

    # Removed on B: the file leaves the shared store once the removal is committed, and A no
    # longer hands it out.
    form, url = browser.form(
        stack.b,
        f"/laporan/{report}/isian/{submission}/baris/{row}/",
        match=lambda f: f.action == f"{link}hapus/",
    )
    stack.expect(browser.submit(form, url), 302)
    assert stack.store.read(name) is None
    stack.expect(browser.get(stack.a, link), 404)


def test_an_excel_preview_made_on_one_server_is_confirmed_on_the_other(stack):
    """The preview of an uploaded workbook waits in the session, so the confirmation may
    reach another server."""
    ids = stack.ids["harau"]
    report, submission, row = ids["report"], ids["submission"], ids["row"]
    browser = _signed_in(stack, stack.a, "harau-kasi")
    base = f"/laporan/{report}/isian/{submission}/"
    workbook = load_workbook(
        io.BytesIO(stack.expect(browser.get(stack.b, base + "xlsx/"), 200).content)
    )
    remark = f"Dari Excel {uuid4().hex[:6]}"
    workbook["Format"].cell(row=FIRST_DATA_ROW, column=9, value=remark)
    filled = io.BytesIO()
    workbook.save(filled)

    form, url = browser.form(stack.a, base + "unggah/", match=lambda f: f.files == ["file"])
    preview = stack.expect(
        browser.submit(form, url, files={"file": ("format.xlsx", filled.getvalue())}), 200
    )
    (confirm,) = [f for f in forms_of(preview.text) if f.action.startswith(base + "unggah/")]
    done = stack.expect(browser.submit(confirm, stack.a + base + "unggah/", server=stack.b), 302)
    assert done.headers["Location"] == base
    assert stack.database.one("SELECT keterangan FROM sakip_planrow WHERE id = %s", row) == (
        remark,
    )


def test_the_signed_lakip_stored_by_another_process_is_served_by_both_servers(stack):
    report = stack.ids["mungka"]["report"]
    browser = _signed_in(stack, stack.a, "jf")
    (name, sha256) = stack.database.one(
        "SELECT file, sha256 FROM workflow_signeddocument WHERE report_id = %s", report
    )
    stored = stack.store.read(name)
    assert stored is not None and hashlib.sha256(stored).hexdigest() == sha256
    for server in (stack.a, stack.b):
        served = stack.expect(browser.get(server, f"/laporan/{report}/dokumen/lakip.pdf"), 200)
        assert served.headers["X-Document-Source"] == "cache" and served.content == stored


def test_a_document_prepared_on_one_server_is_served_from_the_cache_on_the_other(stack):
    report = stack.ids["harau"]["report"]
    browser = _signed_in(stack, stack.a, "harau-kasi")

    prepared = stack.expect(
        browser.get(
            stack.a,
            f"/laporan/{report}/dokumen/nota-dinas/siapkan/",
            headers={"HX-Request": "true"},
        ),
        200,
    )
    link = f"/laporan/{report}/dokumen/nota-dinas.pdf"
    assert link in prepared.text
    cache_sql = (
        "SELECT data_key, file, rendered_at FROM workflow_rendereddocument "
        "WHERE report_id = %s AND kind = 'nota-dinas'"
    )
    cached = stack.database.one(cache_sql, report)
    stored = stack.store.read(cached[1])
    assert stored is not None and stored.startswith(b"%PDF")

    served = stack.expect(browser.get(stack.b, link), 200)
    assert served.headers["X-Document-Source"] == "cache"
    assert served.content == stored
    # B did not render again: the same key, the same file, written at the same moment.
    assert stack.database.one(cache_sql, report) == cached
    assert stack.store.written_elsewhere() == []


def test_a_document_both_servers_render_at_once_is_cached_once(stack):
    report = stack.ids["harau"]["report"]
    people = [_signed_in(stack, server, "harau-kasi") for server in (stack.a, stack.b)]
    link = f"/laporan/{report}/dokumen/sop.pdf"

    answers = _at_once(
        [lambda b=b, s=s: b.get(s, link) for b, s in zip(people, (stack.a, stack.b), strict=True)]
    )
    contents = {stack.expect(answer, 200).content for answer in answers}
    assert all(c.startswith(b"%PDF") for c in contents)
    (name,) = stack.database.one(
        "SELECT file FROM workflow_rendereddocument WHERE report_id = %s AND kind = 'sop'",
        report,
    )
    # One cached file, the one the row names: where both servers rendered, the later
    # rendering replaced the earlier one, whose file left the store after the commit.
    cached = {
        n for n in stack.store.names() if n.startswith("rendered/") and f"-{report}-sop-" in n
    }
    assert cached == {name}
    assert stack.store.read(name) in contents
    again = stack.expect(people[0].get(stack.a, link), 200)
    assert again.headers["X-Document-Source"] == "cache"


def test_a_change_made_on_one_server_is_in_the_next_document_from_the_other(stack):
    ids = stack.ids["harau"]
    report, submission, row = ids["report"], ids["submission"], ids["row"]
    camat = _signed_in(stack, stack.b, "harau-camat")
    link = f"/laporan/{report}/dokumen/tabel.pdf"
    before = stack.expect(camat.get(stack.b, link), 200)
    (old_name,) = stack.database.one(
        "SELECT file FROM workflow_rendereddocument WHERE report_id = %s AND kind = 'tabel'",
        report,
    )

    kasi = _signed_in(stack, stack.a, "harau-kasi")
    remark = f"Catatan{uuid4().hex[:6]}"
    path = f"/laporan/{report}/isian/{submission}/baris/{row}/"
    form, url = kasi.form(stack.a, path, match=lambda f: f.action == path)
    stack.expect(kasi.submit(form, url, keterangan=remark), 302)

    after = stack.expect(camat.get(stack.b, link), 200)
    assert after.headers["X-Document-Source"] == "rendered"
    assert remark not in _pdf_text(before.content) and remark in _pdf_text(after.content)
    (new_name,) = stack.database.one(
        "SELECT file FROM workflow_rendereddocument WHERE report_id = %s AND kind = 'tabel'",
        report,
    )
    assert new_name != old_name
    assert stack.store.read(new_name) == after.content
    assert stack.store.read(old_name) is None
    again = stack.expect(camat.get(stack.a, link), 200)
    assert again.headers["X-Document-Source"] == "cache" and again.content == after.content


def test_two_servers_racing_through_step_11_take_one_number(stack):
    report = stack.ids["mungka"]["report"]
    door = f"/laporan/{report}/langkah/number_letter/"
    people = [(_signed_in(stack, server, "jf"), server) for server in (stack.a, stack.b)]
    forms = [
        (browser, server, *browser.form(server, door, match=lambda f: f.action in ("", door)))
        for browser, server in people
    ]

    answers = _at_once([lambda b=b, f=f, u=u: b.submit(f, u) for b, _server, f, u in forms])
    for answer in answers:
        # The loser is refused (a message and a redirect, or a 403 with the reason), never a 500.
        stack.expect(answer, 302, 403)
    state = stack.database.one("SELECT state FROM workflow_report WHERE id = %s", report)
    assert state == (ReportState.NUMBERED,)
    numbers = stack.database.rows(
        "SELECT number FROM workflow_letternumber WHERE report_id = %s AND kind = 'surat_pengantar'",
        report,
    )
    assert len(numbers) == 1
    told = [
        browser.get(server, answer.headers["Location"]).text
        if answer.status_code == 302
        else answer.text
        for (browser, server, _f, _u), answer in zip(forms, answers, strict=True)
    ]
    assert sum(f"Nomor surat pengantar: {numbers[0][0]}" in page for page in told) == 1
    assert stack.database.one(
        "SELECT count(*) FROM workflow_auditentry WHERE report_id = %s AND action = %s",
        report,
        "sakip.report.number_letter",
    ) == (1,)


def test_letter_numbers_taken_on_both_servers_at_once_are_distinct_and_gap_free(stack):
    office = stack.ids["mungka"]["office"]
    browser = _signed_in(stack, stack.a, "jf")
    cookies = browser.http.cookies.get_dict()
    token = {"X-CSRFToken": cookies["csrftoken"]}

    def take(server: str):
        return lambda: requests.post(
            f"{server}/uji/nomor-surat/", cookies=cookies, headers=token, timeout=120
        )

    answers = _at_once([take(stack.a if i % 2 else stack.b) for i in range(20)])
    taken = [stack.expect(answer, 200).json() for answer in answers]

    year = taken[0]["year"]
    register = stack.database.rows(
        "SELECT sequence, number FROM workflow_letternumber WHERE office_id = %s AND year = %s "
        "ORDER BY sequence",
        office,
        year,
    )
    sequences = [sequence for sequence, _ in register]
    # The whole register of the year (step 11's number too, if it was taken): 1, 2, 3 ...
    assert sequences == list(range(1, len(register) + 1))
    assert len({number for _, number in register}) == len(register)
    assert sorted(t["sequence"] for t in taken) == sequences[-20:]
    assert {t["number"] for t in taken} == {number for _, number in register[-20:]}
    assert stack.database.one(
        "SELECT last_number FROM workflow_lettersequence WHERE office_id = %s AND year = %s",
        office,
        year,
    ) == (len(register),)


def test_stored_files_are_never_served_by_url(stack):
    """Files leave only through the access-checked views: no media URL answers, no page
    links to the store, and with S3 the objects are private."""
    ids = stack.ids["harau"]
    browser = _signed_in(stack, stack.a, "harau-kasi")
    pages = [
        f"/laporan/{ids['report']}/isian/{ids['submission']}/",
        f"/laporan/{ids['report']}/isian/{ids['submission']}/baris/{ids['row']}/",
        f"/laporan/{ids['report']}/dokumen/",
    ]
    for path in pages:
        html = stack.expect(browser.get(stack.b, path), 200).text
        for mark in [*stack.store.public_marks(), "/media-is-not-served/"]:
            assert mark not in html, (path, mark)
        assert all("/media" not in form.action for form in forms_of(html))

    names = [
        name
        for (name,) in stack.database.rows(
            "SELECT file FROM sakip_evidence UNION ALL SELECT file FROM workflow_signeddocument"
        )
    ]
    assert names and set(names) <= stack.store.names()
    for name in names[:3]:
        for server in (stack.a, stack.b):
            assert browser.get(server, f"/media-is-not-served/{name}").status_code == 404
            assert browser.get(server, f"/{name}").status_code == 404
        if stack.storage == "s3":
            assert stack.store.is_private(name)
    assert stack.store.written_elsewhere() == []
