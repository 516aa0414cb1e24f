"""The quarters (TW I–IV) on the dashboards: the office's course per indicator and per
sasaran, which office has measured which quarter, their xlsx exports and their queries."""

from __future__ import annotations

import io
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from sakip.models import Indikator, SasaranStrategis, Target
from sakip.versions import offices_changed
from tests.procedure import fill, head_of
from workflow.measurement import indicator_courses
from workflow.models import Report, SubmissionState
from workflow.services.procedure import submission_accept, submission_submit

URL = "/dasbor/"
KABUPATEN_URL = "/dasbor/kabupaten/"


@pytest.fixture
def cumulative(quarters):
    """Mungka's 2025 target of a cumulative, higher-is-better indicator with TW targets."""
    return (
        Target.objects.filter(
            year=quarters.year,
            indikator__aggregation="kumulatif",
            indikator__polarity="higher",
            tw1__isnull=False,
            tw2__isnull=False,
        )
        .select_related("indikator")
        .order_by("indikator__order", "pk")
        .first()
    )


def _row(response, indikator):
    return next(i for i in response.context["quarters"].indicators if i.indikator == indikator)


def _percent(value: Decimal) -> str:
    """A percentage as the page writes it: one decimal, Indonesian comma."""
    return str(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)).replace(".", ",") + "%"


def _sheet(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    return sheet, rows[0], rows[1:]


def test_it_shows_each_quarters_capaian_against_its_target(client_for, camat, quarters, cumulative):
    quarters.measured(1)
    quarters.measured(2)
    response = client_for(camat).get(URL, {"tahun": 2025})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Pengukuran triwulan 2025" in body

    # The unit filled 90 % of the year's target each quarter; a cumulative indicator adds
    # the quarters up and compares the sum with the quarter's target.
    each = cumulative.value * Decimal("0.9")
    row = _row(response, cumulative.indikator)
    tw1, tw2, tw3, tw4 = row.cells
    assert tw1.to_date == each and tw1.percent == each / cumulative.tw1 * 100
    assert tw2.to_date == 2 * each and tw2.percent == 2 * each / cumulative.tw2 * 100
    assert _percent(tw1.percent) in body and _percent(tw2.percent) in body
    assert tw1.band is not None and f"band-{tw2.band.code}" in body
    # Not measured yet: a dash, never 0.
    assert (tw3.value, tw3.percent, tw3.label) == (None, None, "–")
    assert (tw4.value, tw4.percent, tw4.label) == (None, None, "–")
    # Progress against the year's target and the projection to the end of the year.
    assert row.course.year_figure == 2 * each
    assert row.progress == 2 * each / cumulative.value * 100
    assert row.course.projection == 4 * each
    assert row.projected == 4 * each / cumulative.value * 100
    assert _percent(row.projected) in body

    states = response.context["quarters"].states
    assert [s.code for s in states] == ["selesai", "selesai", "belum", "belum"]
    assert "belum dibuka" in body


def test_each_sasaran_shows_the_mean_capaian_of_its_indicators(client_for, camat, quarters):
    quarters.measured(1)
    response = client_for(camat).get(URL, {"tahun": 2025})
    courses = indicator_courses(quarters.year)
    for group in response.context["quarters"].sasaran:
        mine = [c for c in courses if c.indikator.sasaran_id == group.sasaran.pk]
        percents = [
            c.cells[0].capaian.percent
            for c in mine
            if c.cells and c.cells[0].value is not None and c.cells[0].capaian.percent is not None
        ]
        expected = sum(percents, Decimal(0)) / len(percents) if percents else None
        assert group.quarters[0].percent == expected
        # TW II is not measured: no mean, a dash.
        assert group.quarters[1].percent is None and group.quarters[1].label == "–"
    assert any(g.quarters[0].percent is not None for g in response.context["quarters"].sasaran)


def test_without_a_measured_quarter_it_says_so_and_links_to_the_measurement(
    client_for, camat, quarters
):
    body = client_for(camat).get(URL, {"tahun": 2025}).content.decode()
    assert "Belum ada triwulan tahun 2025 yang diukur" in body
    assert 'href="/pengukuran/2025/"' in body
    assert "unduh/triwulan-indikator.xlsx" not in body


def test_by_default_it_shows_the_year_being_measured(client_for, camat, quarters):
    quarters.measured(1)
    response = client_for(camat).get(URL)
    assert response.context["selected"].year.year == 2024  # the latest year with a LAKIP
    # The demo has measured 2026 up to TW III: the latest year with a quarter opened.
    assert response.context["quarters"].year.year == 2026
    assert "unduh/triwulan-indikator.xlsx?tahun=2026" in response.content.decode()
    response = client_for(camat).get(URL, {"tahun": 2025})
    assert response.context["quarters"].year.year == 2025


def test_a_quarter_shows_on_the_next_request_once_accepted(client_for, camat, quarters, cumulative):
    client = client_for(camat)
    quarters.measured(1)
    assert _row(client.get(URL, {"tahun": 2025}), cumulative.indikator).cells[1].percent is None
    report = quarters.open(2)
    for sub in report.submissions.all():
        fill(sub)
        submission_submit(submission=sub, person=head_of(sub))
    # Sent but not yet accepted by the Sekcam: the quarter does not count yet.
    response = client.get(URL, {"tahun": 2025})
    assert _row(response, cumulative.indikator).cells[1].percent is None
    assert response.context["quarters"].states[1].code == "berjalan"
    for sub in report.submissions.all():
        submission_accept(submission=sub, person=quarters.sekcam)
    response = client.get(URL, {"tahun": 2025})
    assert _row(response, cumulative.indikator).cells[1].percent is not None
    assert response.context["quarters"].states[1].code == "selesai"


def test_the_quarter_tables_export_to_xlsx_with_the_figures(
    client_for, camat, quarters, cumulative
):
    quarters.measured(1)
    client = client_for(camat)
    response = client.get(URL, {"tahun": 2025})
    row = _row(response, cumulative.indikator)

    _sheet_, headers, rows = _sheet(client.get(URL + "unduh/triwulan-indikator.xlsx?tahun=2025"))
    mine = next(r for r in rows if r[2] == cumulative.indikator.name)
    cells = dict(zip(headers, mine, strict=True))
    assert Decimal(str(cells["Capaian TW I (%)"])) == row.cells[0].percent.quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    assert Decimal(str(cells["Realisasi TW I"])) == cumulative.value * Decimal("0.9")
    assert Decimal(str(cells["Target TW I"])) == cumulative.tw1
    assert cells["Kategori TW I"] == row.cells[0].band.label
    # Quarters not measured are empty cells, not 0.
    assert cells["Realisasi TW II"] is None and cells["Capaian TW II (%)"] is None
    assert Decimal(str(cells["Proyeksi akhir tahun"])) == row.course.projection

    _sheet_, headers, rows = _sheet(client.get(URL + "unduh/triwulan-sasaran.xlsx?tahun=2025"))
    groups = response.context["quarters"].sasaran
    assert [r[1] for r in rows] == [g.sasaran.name for g in groups]
    for r, g in zip(rows, groups, strict=True):
        cells = dict(zip(headers, r, strict=True))
        expected = g.quarters[0].percent
        got = cells["Capaian TW I (%)"]
        assert (got is None) == (expected is None)
        if expected is not None:
            assert Decimal(str(got)) == expected.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        assert cells["Capaian TW II (%)"] is None


def test_text_is_never_exported_as_a_formula(client_for, camat, quarters, cumulative):
    Indikator.objects.filter(pk=cumulative.indikator_id).update(name="=HYPERLINK(1)")
    SasaranStrategis.objects.filter(pk=cumulative.indikator.sasaran_id).update(name="+SUM(A1)")
    quarters.measured(1)
    client = client_for(camat)
    for table, column, text in (
        ("triwulan-indikator", "C", "=HYPERLINK(1)"),
        ("triwulan-sasaran", "B", "+SUM(A1)"),
    ):
        sheet, _h, _r = _sheet(client.get(f"{URL}unduh/{table}.xlsx?tahun=2025"))
        cell = next(c for c in sheet[column] if c.value == text)
        assert cell.data_type == "s"


@pytest.mark.parametrize("persona", ["kasi", "jf", "kabupaten_reader"])
def test_the_office_quarters_are_refused_to_others_as_the_dashboard_is(
    request, client_for, quarters, persona
):
    quarters.measured(1)
    client = client_for(request.getfixturevalue(persona))
    assert client.get(URL, {"tahun": 2025}).status_code == 403
    assert client.get(URL + "unduh/triwulan-indikator.xlsx?tahun=2025").status_code == 403
    assert client.get(URL + "unduh/triwulan-sasaran.xlsx?tahun=2025").status_code == 403


def test_an_unknown_year_of_the_quarters_is_not_found(client_for, camat, kabupaten_reader):
    assert client_for(camat).get(URL + "unduh/triwulan-indikator.xlsx?tahun=1999").status_code == (
        404
    )
    reader = client_for(kabupaten_reader)
    assert reader.get(KABUPATEN_URL, {"tahun": 1999}).status_code == 404
    assert reader.get(KABUPATEN_URL + "unduh/triwulan.xlsx?tahun=1999").status_code == 404


# ---- The kabupaten: which office has measured which quarter -------------------------------------


def _accept_one_unit(quarters, quarter: int) -> Report:
    report = quarters.open(quarter)
    sub = report.submissions.order_by("pk").first()
    fill(sub)
    submission_submit(submission=sub, person=head_of(sub))
    submission_accept(submission=sub, person=quarters.sekcam)
    return report


def test_the_kabupaten_sees_which_office_measured_which_quarter(
    client_for, kabupaten_reader, quarters, mungka, harau
):
    quarters.measured(1)
    running = _accept_one_unit(quarters, 2)
    units = running.submissions.count()
    client = client_for(kabupaten_reader)
    # By default the latest year with a quarter opened: the demo's 2026.
    assert client.get(KABUPATEN_URL).context["quarter_year"] == 2026
    response = client.get(KABUPATEN_URL, {"tahun": 2025})
    assert response.context["quarter_year"] == 2025
    rows = {office.name: states for office, states in response.context["quarter_rows"]}
    today = timezone.localtime().date()  # the day the units were accepted: the clock's
    assert rows["Mungka"][0].code == "selesai" and rows["Mungka"][0].closed_on == today
    assert rows["Mungka"][1].code == "berjalan"
    assert (rows["Mungka"][1].accepted, rows["Mungka"][1].units) == (1, units)
    assert [s.code for s in rows["Mungka"][2:]] == ["belum", "belum"]
    assert [s.code for s in rows["Harau"]] == ["belum"] * 4
    body = response.content.decode()
    assert "Pengukuran triwulan 2025 per kecamatan" in body
    assert f"1 dari {units} unit diterima" in body
    assert "belum dibuka" in body

    _sheet_, headers, rows = _sheet(client.get(KABUPATEN_URL + "unduh/triwulan.xlsx?tahun=2025"))
    sheet_rows = {r[0]: dict(zip(headers, r, strict=True)) for r in rows}
    assert sheet_rows["Mungka"]["Status TW I"].startswith("selesai")
    assert sheet_rows["Mungka"]["Selesai TW I"].date() == today
    assert sheet_rows["Mungka"]["Status TW II"] == f"berjalan (1 dari {units} unit diterima)"
    assert sheet_rows["Mungka"]["Selesai TW II"] is None
    assert sheet_rows["Harau"]["Status TW I"] == "belum dibuka"

    # Another year: nothing opened there.
    response = client.get(KABUPATEN_URL, {"tahun": 2024})
    assert all(s.code == "belum" for _o, states in response.context["quarter_rows"] for s in states)


# ---- Queries stay flat ----------------------------------------------------------------------------


def _more_indicators(quarters, count: int) -> None:
    """`count` more indicators with a 2025 target and TW targets under a new sasaran."""
    office = quarters.year.office
    sasaran = SasaranStrategis.objects.create(office=office, name="Sasaran tambahan", order=90)
    unit = Indikator.objects.filter(office=office).first().unit
    for i in range(count):
        indikator = Indikator.objects.create(
            office=office, sasaran=sasaran, name=f"Indikator tambahan {i}", unit=unit, order=i
        )
        Target.objects.create(
            indikator=indikator,
            year=quarters.year,
            value=Decimal(80),
            tw1=Decimal(20),
            tw2=Decimal(40),
            tw3=Decimal(60),
            tw4=Decimal(80),
        )


def test_the_office_queries_do_not_grow_with_quarters_or_indicators(
    client_for, camat, quarters, django_assert_num_queries
):
    client = client_for(camat)
    quarters.measured(1)
    client.get(URL, {"tahun": 2025})  # warm up the session and the per-process caches
    offices_changed(pk=camat.person.office_id)  # the body is computed, not from the cache
    with CaptureQueriesContext(connection) as one_quarter:
        response = client.get(URL, {"tahun": 2025})
    # Counted now: the connection keeps only the latest queries, and measuring three
    # quarters below runs thousands.
    queries = len(one_quarter)
    assert response.context["quarters"].measured
    before = len(response.context["quarters"].indicators)
    quarters.measured(2)
    quarters.measured(3)
    _more_indicators(quarters, 12)
    client.get(URL, {"tahun": 2025})
    offices_changed(pk=camat.person.office_id)
    with django_assert_num_queries(queries):
        response = client.get(URL, {"tahun": 2025})
    assert [s.code for s in response.context["quarters"].states][:3] == ["selesai"] * 3
    assert len(response.context["quarters"].indicators) == before + 12


def test_the_body_comes_from_the_cache_until_the_office_changes(client_for, camat, quarters):
    client = client_for(camat)
    quarters.measured(1)
    first = client.get(URL, {"tahun": 2025}).content.decode()
    with CaptureQueriesContext(connection) as computed:
        offices_changed(pk=camat.person.office_id)
        client.get(URL, {"tahun": 2025})
    with CaptureQueriesContext(connection) as cached:
        again = client.get(URL, {"tahun": 2025}).content.decode()
    assert len(cached) < len(computed) - 5
    assert again.count("selesai") == first.count("selesai")
    # A change the dashboard shows is there on the very next request.
    quarters.measured(2)
    after = client.get(URL, {"tahun": 2025}).content.decode()
    assert after.count("selesai") > first.count("selesai")


def test_the_kabupaten_queries_do_not_grow_with_quarters(
    client_for, kabupaten_reader, quarters, django_assert_num_queries
):
    client = client_for(kabupaten_reader)
    quarters.measured(1)
    client.get(KABUPATEN_URL)
    with CaptureQueriesContext(connection) as one_quarter:
        client.get(KABUPATEN_URL)
    queries = len(one_quarter)
    quarters.measured(2)
    quarters.measured(3)
    with django_assert_num_queries(queries):
        response = client.get(KABUPATEN_URL)
    mungka = next(s for o, s in response.context["quarter_rows"] if o.name == "Mungka")
    assert [s.code for s in mungka] == ["selesai", "selesai", "selesai", "belum"]
    assert all(
        sub.state == SubmissionState.ACCEPTED
        for sub in Report.objects.get(
            office__name="Mungka", year__year=2025, period=3
        ).submissions.all()
    )


def test_the_quarters_stay_out_of_the_years_figures_and_the_sop_timing(client_for, camat, quarters):
    client = client_for(camat)
    before = client.get(URL, {"tahun": 2025}).context
    figures = (before["selected"].percent, [f.row.pk for f in before["selected"].indicators])
    glance, timing = before["glance"].report.pk, before["timing"].table_rows
    quarters.measured(1)
    after = client.get(URL, {"tahun": 2025}).context
    assert after["selected"].report is None or not after["selected"].report.is_quarter
    assert all(f.row.quarter == 0 for f in after["selected"].indicators)
    assert (after["selected"].percent, [f.row.pk for f in after["selected"].indicators]) == (
        figures
    )
    assert after["glance"].report.pk == glance and not after["glance"].report.is_quarter
    assert [r["average"] for r in after["timing"].table_rows] == [r["average"] for r in timing]
