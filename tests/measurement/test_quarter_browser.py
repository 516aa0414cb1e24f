"""One quarter in Chromium, from opening to close: the Sekcam opens TW I 2025 on the year's
page, a Kasi fills and sends his unit's rows on the usual nine-column page, the Sekcam
accepts every unit and the quarter closes with its figures on the quarter's page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from sakip.models import Person
from tests.procedure import Quarters, fill, head_of
from workflow.models import Report
from workflow.services.procedure import submission_submit

pytestmark = pytest.mark.browser


def test_one_quarter_from_opening_to_close(login_as, live_server):
    Quarters()  # sets the demo's own 2025 quarters aside: TW I is opened here
    page = login_as("sekcam")
    page.goto(f"{live_server.url}/pengukuran/2025/")
    page.click('[data-open="1"]')
    expect(page.locator("h1")).to_contain_text("Pengukuran kinerja TW I tahun 2025")
    expect(page.locator("[data-state]").first).to_have_attribute("data-state", "pengukuran")

    report = Report.objects.get(year__office__name="Mungka", year__year=2025, period=1)
    kasi = Person.objects.get(user__username="kasi-pemerintahan")
    mine = report.submissions.get(unit=kasi.unit)
    for sub in report.submissions.all():
        fill(sub)
        if sub.pk != mine.pk:
            submission_submit(submission=sub, person=head_of(sub))

    page = login_as("kasi-pemerintahan")
    page.goto(f"{live_server.url}/pengukuran/2025/tw1/")
    page.click(f"#units a:has-text('{kasi.unit.name}')")
    expect(page.locator("h1 + div")).to_contain_text("Pengukuran kinerja TW I tahun 2025")
    body = page.locator("#sop-table tbody.sop-row").nth(0)
    expect(body.locator(".quarter-context")).to_contain_text("target TW I")
    body.locator("a.edit-row").click()
    body = page.locator("#sop-table tbody.sop-row").nth(0)
    expect(body.locator("label[for=id_realisasi]")).to_contain_text("Realisasi TW I")
    body.locator("[name=realisasi]").fill("1")
    body.locator("input[name=save]").click()
    expect(page.locator("#sop-table tbody.sop-row").nth(0).locator(".realisasi")).to_contain_text(
        "1"
    )
    page.click("#submit-form button")
    expect(page.locator("[data-state]").first).to_have_attribute("data-state", "dikirim")

    page = login_as("sekcam")
    for sub in report.submissions.order_by("unit__order"):
        page.goto(f"{live_server.url}/laporan/{report.pk}/evaluasi/{sub.pk}/")
        page.click("#accept")
        expect(page.locator(f'tr[data-unit="{sub.unit.name}"] [data-state]')).to_have_attribute(
            "data-state", "diterima"
        )
    page.goto(f"{live_server.url}/pengukuran/2025/tw1/")
    expect(page.locator("[data-state]").first).to_have_attribute("data-state", "terukur")
    expect(page.locator("#figures tbody tr").first).to_contain_text("%")
    page.goto(f"{live_server.url}/pengukuran/2025/")
    expect(page.locator('[data-quarter="1"]')).to_contain_text("Selesai")
    expect(page.locator('[data-open="2"]')).to_be_visible()
