"""The SVG charts: valid markup, escaped labels, bars proportional to their values."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal

from documents.charts.bar import Bar, bar_chart
from documents.charts.format import format_number, wrap_label
from documents.charts.grouped import grouped_bar_chart
from documents.charts.trend import trend_chart

SVG = "{http://www.w3.org/2000/svg}"


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(str(svg))


def _bar_widths(root: ET.Element) -> list[float]:
    return [float(r.get("width")) for r in root.iter(f"{SVG}rect") if r.get("data-value")]


def test_it_draws_a_valid_accessible_bar_chart():
    svg = bar_chart(
        [Bar("Indeks Kepuasan Masyarakat", Decimal("96.54"), "sangat_tinggi"), Bar("B", None)],
        title="Capaian per indikator",
    )
    root = _parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-label") == "Capaian per indikator"
    assert root.find(f"{SVG}title").text == "Capaian per indikator"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "96,5%" in texts
    assert any(r.get("fill") == "#198754" for r in root.iter(f"{SVG}rect"))
    assert root.findall(f".//{SVG}line[@class='reference']")


def test_it_makes_bars_proportional_to_values():
    root = _parse(bar_chart([Bar("a", 40), Bar("b", 80), Bar("c", 120)], title="t"))
    a, b, c = _bar_widths(root)
    assert abs(b / a - 2) < 0.01
    assert abs(c / a - 3) < 0.01


def test_it_escapes_user_labels():
    evil = '<script>alert("x")</script> & co'
    for svg in (
        bar_chart([Bar(evil, 50, note=evil)], title=evil),
        trend_chart([(evil, [(2023, 10), (2024, None), (2025, 30)])], title=evil),
        grouped_bar_chart([evil], [(evil, [50])], title=evil),
    ):
        assert "<script>" not in str(svg)
        root = _parse(svg)
        assert root.get("aria-label") == evil


def test_it_draws_a_trend_across_years_with_a_legend():
    root = _parse(
        trend_chart(
            [("Sasaran 1", [(2023, 90), (2024, 95.5), (2025, 101)]), ("Sasaran 2", [(2023, 80)])],
            title="Tren",
        )
    )
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert {"2023", "2024", "2025", "Sasaran 1", "Sasaran 2", "95,5%", "Tahun"} <= set(texts)
    assert len(root.findall(f".//{SVG}polyline")) == 1
    assert len(root.findall(f".//{SVG}circle")) == 4


def test_it_groups_bars_per_category_and_series():
    root = _parse(
        grouped_bar_chart(
            ["Sasaran 1", "Sasaran 2"], [("Mungka", [90, 60]), ("Harau", [45, None])], title="G"
        )
    )
    widths = _bar_widths(root)
    assert len(widths) == 3
    assert abs(widths[0] / widths[1] - 2) < 0.01


def test_it_draws_empty_charts():
    for svg in (
        bar_chart([], title="x"),
        trend_chart([], title="x"),
        grouped_bar_chart([], [], title="x"),
    ):
        assert "Belum ada data" in str(svg)
        _parse(svg)


def test_it_wraps_long_labels_and_formats_numbers_in_indonesian():
    lines = wrap_label("Persentase " * 30, 20, max_lines=2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert format_number(Decimal("1234.56")) == "1.234,6"
    assert format_number(None) == "–"
