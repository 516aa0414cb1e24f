"""A year planned, checked, agreed and signed in Chromium: the Kasubag PEP opens 2026's plan
(its PK Perubahan under way), fixes what its checks list by editing rows in place, submits
the office's Perjanjian Kinerja;
the Sekcam reviews it; the Camat finds it on the home page and signs it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from workflow.models import PerjanjianKinerja, PerjanjianState, SignedDocument

pytestmark = pytest.mark.browser

PATEN = "Persentase layanan PATEN yang selesai tepat waktu"
WAKTU = "Rata-rata waktu penyelesaian layanan administrasi"
NEW = "Persentase nagari yang menerapkan layanan administrasi berbasis elektronik"


def _edit(page, name: str, values: dict[str, str]):
    row = page.locator("#plan-table tbody.plan-row", has_text=name)
    row.locator("a.edit-row").click()
    form = page.locator("#plan-table tbody.editing")
    expect(form.locator("[name=tw4]")).to_be_visible()
    for field, value in values.items():
        form.locator(f"[name={field}]").fill(value)
    form.locator("input[name=save]").click()
    saved = page.locator("#plan-table tbody.plan-row.just-saved", has_text=name)
    expect(saved).to_be_visible()
    return saved


def test_the_kasubag_pep_prepares_2026_and_the_camat_signs(login_as, live_server):
    page = login_as("kasubag-pep")
    page.click("nav >> text=Rencana")
    page.click("#years >> text=Buka rencana >> nth=0")
    expect(page).to_have_url(re.compile(r"/rencana/2026/$"))
    checks = page.locator("#checks")
    expect(checks).to_contain_text("target TW IV (95) tidak sama dengan target tahun ini (97)")
    expect(checks).to_contain_text("naik dari TW I ke TW II")
    expect(checks).to_contain_text("definisi/formula belum diisi")

    paten = _edit(page, PATEN, {"tw4": "97"})
    expect(paten.locator(".tw").nth(3)).to_have_text("97%")
    expect(page.locator("#plan-checks")).not_to_contain_text("PATEN")

    waktu = _edit(page, WAKTU, {"tw1": "2,2", "tw2": "2,1", "tw3": "1,9", "tw4": "1,8"})
    expect(waktu.locator(".tw").nth(0)).to_have_text("2,2 hari")
    _edit(
        page,
        NEW,
        {
            "definition": "Nagari dengan layanan elektronik ÷ seluruh nagari × 100%",
            "sumber_data": "Laporan SPBE nagari",
            "renstra_target": "60",
        },
    )
    expect(page.locator("#plan-checks")).to_contain_text("Semua pemeriksaan terpenuhi")
    page.screenshot(path="/tmp/planning-browser-plan.png", full_page=True)

    page.locator("#perjanjian-list tr", has_text="Camat dengan Bupati").locator("a").click()
    page.click("[data-transition=submit]")
    expect(page.locator(".alert-info")).to_contain_text("dibekukan")
    page.click("input[type=submit]")
    expect(page.locator("#pk-state")).to_have_text("Diajukan kepada Sekretaris Camat")
    office_pk = PerjanjianKinerja.objects.filter(
        year__year=2026, year__office__name="Mungka", unit__isnull=True
    ).latest("version")  # the PK Perubahan being prepared
    url = f"{live_server.url}/rencana/2026/pk/{office_pk.pk}/"

    page = login_as("sekcam")
    page.goto(url)
    page.click("[data-transition=review]")
    page.fill("textarea[name=note]", "Sudah sesuai Renstra.")
    page.click("input[type=submit]")
    expect(page.locator("#pk-state")).to_have_text("Diperiksa, menunggu tanda tangan Camat")

    page = login_as("camat")
    page.locator(".perjanjian-task", has_text="Tandatangani Perjanjian Kinerja").click()
    expect(page).to_have_url(url)
    expect(page.locator("#pk-targets")).to_contain_text("97%")
    page.click("[data-transition=sign]")
    page.fill("input[name=dated]", "2026-01-05")
    page.click("input[type=submit]")
    expect(page.locator("#pk-state")).to_have_text("Ditandatangani")
    expect(page.locator("#signed")).to_contain_text(
        "Ditandatangani secara elektronik oleh ILDA SUBUL HURIATI"
    )
    page.screenshot(path="/tmp/planning-browser-signed.png", full_page=True)

    office_pk.refresh_from_db()
    assert office_pk.state == PerjanjianState.SIGNED and str(office_pk.dated) == "2026-01-05"
    document = SignedDocument.objects.get(perjanjian=office_pk)
    page.goto(f"{live_server.url}/verifikasi/{document.token}/")
    expect(page.locator("h1")).to_contain_text("Verifikasi Perjanjian Kinerja")
