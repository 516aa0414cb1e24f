"""Each dashboard in Chromium: the SVG charts and the tables are visible, and the page
renders to a real screenshot."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _check_page(page, tmp_path, name: str, charts: int, tables: int) -> None:
    svgs = page.locator("svg.chart")
    assert svgs.count() >= charts
    for i in range(svgs.count()):
        assert svgs.nth(i).is_visible()
        box = svgs.nth(i).bounding_box()
        assert box["width"] > 300 and box["height"] > 100
    assert page.locator("table.dash-table").count() >= tables
    assert page.locator("table.dash-table").first.is_visible()
    shot = tmp_path / f"{name}.png"
    page.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > 100_000


def test_the_camat_sees_her_dashboard(login_as, live_server, tmp_path):
    page = login_as("camat")
    response = page.goto(f"{live_server.url}/dasbor/")
    assert response.status == 200
    assert page.get_by_role("heading", name="Capaian per sasaran strategis 2024").is_visible()
    assert page.get_by_role("img", name="Tren capaian per sasaran").is_visible()
    _check_page(page, tmp_path, "dasbor-kantor", charts=4, tables=4)


def test_the_kabupaten_reader_sees_his_dashboard(login_as, live_server, tmp_path):
    page = login_as("kabupaten")
    response = page.goto(f"{live_server.url}/dasbor/kabupaten/")
    assert response.status == 200
    rows = page.locator("table.dash-table tbody th[scope=row]")
    assert rows.all_inner_texts()[:2] == ["Harau", "Mungka"]
    _check_page(page, tmp_path, "dasbor-kabupaten", charts=1, tables=2)
