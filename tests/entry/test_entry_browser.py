"""Step 3 and 5 in Chromium: a Kasi fills rows in place, attaches evidence and submits; the
Sekcam returns one row with a reason; the Kasi corrects it and resubmits; the Sekcam sees
the change and accepts."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from sakip.models import Person
from tests.entry.test_review import PDF, fill_and_submit
from tests.procedure import start_collecting
from workflow.services.procedure import report_collect
from workflow.services.rows import evidence_add

pytestmark = pytest.mark.browser


def _prepare():
    report = start_collecting("Mungka")
    kasi = Person.objects.get(user__username="kasi-pemerintahan")
    mine = report.submissions.get(unit=kasi.unit)
    for sub in report.submissions.exclude(pk=mine.pk).select_related("unit"):
        fill_and_submit(sub, Person.objects.get(unit=sub.unit, heads_unit=True, role="kasi"))
    rows = list(mine.rows.order_by("number"))
    for row in rows[1:]:
        evidence_add(row=row, person=kasi, upload=SimpleUploadedFile("notulen.pdf", PDF))
    return report, mine, rows


def _fill(page, index: int, value: str, sumber: str | None = None):
    body = page.locator("#sop-table tbody.sop-row").nth(index)
    body.locator("a.edit-row").click()
    body = page.locator("#sop-table tbody.sop-row").nth(index)
    body.locator("[name=realisasi]").fill(value)
    if sumber is not None:
        body.locator("input[name=sumber_data]").fill(sumber)
    body.locator("input[name=save]").click()
    return page.locator("#sop-table tbody.sop-row").nth(index)


def test_a_kasi_fills_submits_and_revises_and_the_sekcam_reviews(login_as, live_server, tmp_path):
    report, mine, rows = _prepare()
    page = login_as("kasi-pemerintahan")
    page.goto(f"{live_server.url}/laporan/{report.pk}/isian/{mine.pk}/")
    expect(page.locator("#sop-table thead tr").first).to_contain_text("Realisasi/ Progres Capaian")

    row1 = _fill(page, 0, "72", "Laporan pembinaan administrasi nagari")
    expect(row1.locator(".capaian")).to_contain_text("Capaian 80,00%")
    expect(row1.locator(".capaian")).to_have_attribute("title", "Realisasi / Target × 100%")
    expect(page.locator("#entry-status")).to_contain_text("dari 3 baris lengkap")

    row1.locator("a.edit-row").click()
    evidence = tmp_path / "bukti pembinaan.pdf"
    evidence.write_bytes(PDF)
    body = page.locator("#sop-table tbody.sop-row").nth(0)
    body.locator("input[type=file]").set_input_files(str(evidence))
    body.locator("input[name=upload]").click()
    expect(
        page.locator("#sop-table tbody.sop-row").nth(0).locator(".evidence-list")
    ).to_contain_text("bukti pembinaan.pdf")

    for index, row in enumerate(rows[1:], start=1):
        if row.indikator.target_kind == "text":
            _fill(page, index, "Terlaksana di seluruh nagari")
        else:
            _fill(page, index, "15" if row.indikator.target_kind == "number" else "90")
    expect(page.locator("#entry-status")).to_contain_text("3 dari 3 baris lengkap")
    page.screenshot(path="/tmp/entry-browser-kasi.png", full_page=True)
    page.click("#submit-form button")
    expect(page.locator("[data-state]").first).to_have_attribute("data-state", "dikirim")

    report_collect(report=report, person=Person.objects.get(user__username="jf"))

    page = login_as("sekcam")
    page.goto(f"{live_server.url}/laporan/{report.pk}/evaluasi/")
    page.locator(f'tr[data-unit="{mine.unit.name}"] a').click()
    page.fill(
        f"textarea[name=note_{rows[0].pk}]", "Realisasi 72% belum sesuai laporan; periksa lagi."
    )
    page.fill("textarea[name=reason]", "Baris 1 perlu diperiksa.")
    page.click("#return")
    expect(page.locator(f'tr[data-unit="{mine.unit.name}"] [data-state]')).to_have_attribute(
        "data-state", "dikembalikan"
    )

    page = login_as("kasi-pemerintahan")
    page.goto(f"{live_server.url}/laporan/{report.pk}/isian/{mine.pk}/")
    expect(page.locator("#return-reason")).to_contain_text("Baris 1 perlu diperiksa.")
    expect(page.locator("#sop-table tbody.sop-row").nth(0)).to_contain_text("belum sesuai laporan")
    _fill(page, 0, "86,5")
    expect(page.locator("#sop-table tbody.sop-row").nth(0).locator(".capaian")).to_contain_text(
        "96,11%"
    )
    page.click("#submit-form button")
    expect(page.locator("[data-state]").first).to_have_attribute("data-state", "dikirim")

    page = login_as("sekcam")
    page.goto(f"{live_server.url}/laporan/{report.pk}/evaluasi/{mine.pk}/")
    expect(page.locator("#diff-summary")).to_contain_text("1 baris berubah")
    changed = page.locator("#sop-table tbody.changed, table tbody.changed").first
    expect(changed).to_contain_text("72")
    expect(changed).to_contain_text("86,5")
    page.screenshot(path="/tmp/entry-browser-review.png", full_page=True)
    page.click("#accept")
    expect(page.locator(f'tr[data-unit="{mine.unit.name}"] [data-state]')).to_have_attribute(
        "data-state", "diterima"
    )
