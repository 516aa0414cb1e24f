"""Steps 1 and 2 in Chromium through the real forms: the Camat orders the LAKIP with the
prefilled nota dinas, the Sekcam finds the task and distributes the format."""

from __future__ import annotations

import pytest

from workflow.models import Period, Report, ReportState

pytestmark = pytest.mark.browser


def test_the_camat_orders_and_the_sekcam_distributes_in_the_browser(login_as, live_server):
    page = login_as("camat")
    page.goto(f"{live_server.url}/tugas/")
    page.click("text=Buat nota dinas")
    assert "Penyusunan Laporan Kinerja (LAKIP) Tahun 2025" in page.input_value("input[name=hal]")
    page.click("input[type=submit]")
    page.wait_for_load_state()
    report = Report.objects.get(office__name="Mungka", year__year=2025, period=Period.ANNUAL)
    assert page.url == f"{live_server.url}/laporan/{report.pk}/"
    assert report.nota_dinas.isi.startswith("Dalam rangka")

    page = login_as("sekcam")
    page.goto(f"{live_server.url}/tugas/")
    page.click("text=Sampaikan format pengumpulan data kinerja")
    page.click(f"a[href='/laporan/{report.pk}/langkah/distribute/']")
    page.fill("input[name=place]", "Aula Kantor Camat Mungka")
    page.click("input[type=submit]")
    page.wait_for_load_state()
    assert "Langkah 2 selesai" in page.content()
    report.refresh_from_db()
    assert report.state == ReportState.COLLECTING
    assert report.submissions.count() == 6
    assert report.meetings.get().place == "Aula Kantor Camat Mungka"
