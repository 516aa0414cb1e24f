"""The kabupaten dashboard: every office of the reader's kabupaten, nothing else."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from sakip.models import Kabupaten, Person, Year
from tests.dashboards.conftest import make_office
from workflow.models import Report, ReportState
from workflow.services.procedure import nota_dinas_defaults, report_create

URL = "/dasbor/kabupaten/"


def test_the_reader_sees_every_office_of_his_kabupaten_side_by_side(
    client_for, kabupaten_reader, mungka, harau
):
    elsewhere = make_office(Kabupaten.objects.create(name="Tanah Datar"), "Lintau")
    response = client_for(kabupaten_reader).get(URL)
    assert response.status_code == 200
    offices = [r["office"] for r in response.context["rows"]]
    assert offices == [harau, mungka]
    body = response.content.decode()
    assert "Mungka" in body and "Harau" in body
    assert elsewhere.name not in body
    assert "<svg" in body


def test_its_capaian_per_office_equals_the_office_dashboard(
    client_for, kabupaten_reader, camat, outsider, mungka, harau
):
    rows = {r["office"].pk: r for r in client_for(kabupaten_reader).get(URL).context["rows"]}
    for user, office in ((camat, mungka), (outsider, harau)):
        office_view = client_for(user).get("/dasbor/", {"tahun": 2024}).context["selected"]
        years = client_for(kabupaten_reader).get(URL).context["years"]
        figure = rows[office.pk]["years"][years.index(2024)]
        assert figure.percent == office_view.percent


@pytest.mark.parametrize("persona", ["camat", "sekcam", "kasi", "jf", "admin_user", "outsider"])
def test_office_staff_cannot_open_it(request, client_for, persona):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 403
    assert client.get(URL + "unduh/capaian.xlsx").status_code == 403


def test_the_reader_cannot_open_office_pages_or_act(client_for, kabupaten_reader, mungka):
    """The office dashboard is closed to him; workflow lets him read his kabupaten's report
    pages (visible_reports) but never act on them, and other kabupaten stay unknown."""
    client = client_for(kabupaten_reader)
    assert client.get("/dasbor/").status_code == 403
    assert client.get("/dasbor/unduh/indikator.xlsx").status_code == 403
    camat = Person.objects.get(office=mungka, role="camat")
    year = Year.objects.get(office=mungka, year=2025)
    report = report_create(person=camat, year=year, nota=nota_dinas_defaults(camat, year))
    response = client.post(f"/laporan/{report.pk}/langkah/distribute/", {"date": "12/01/2026"})
    assert response.status_code in (403, 404)
    report.refresh_from_db()
    assert report.state == ReportState.ORDERED
    elsewhere = make_office(Kabupaten.objects.create(name="Tanah Datar"), "Lintau")
    foreign = Report.objects.get(office=elsewhere)
    assert client.get(f"/laporan/{foreign.pk}/").status_code == 404


def test_its_tables_export_with_the_same_figures(client_for, kabupaten_reader, mungka):
    client = client_for(kabupaten_reader)
    context = client.get(URL).context
    expected = {
        r["office"].name: [f.percent.quantize(Decimal("0.01")) if f else None for f in r["years"]]
        for r in context["rows"]
    }
    sheet = load_workbook(io.BytesIO(client.get(URL + "unduh/capaian.xlsx").content)).active
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert {r[0]: [Decimal(str(v)).quantize(Decimal("0.01")) for v in r[1:]] for r in rows} == (
        expected
    )
    sheet = load_workbook(io.BytesIO(client.get(URL + "unduh/kantor.xlsx").content)).active
    names = [r[0] for r in sheet.iter_rows(min_row=4, values_only=True)]
    assert names == ["Harau", "Mungka"]
    assert client.get(URL + "unduh/lainnya.xlsx").status_code == 404


def test_the_query_count_does_not_grow_with_offices(
    client_for, kabupaten_reader, mungka, django_assert_max_num_queries
):
    client = client_for(kabupaten_reader)
    with CaptureQueriesContext(connection) as before:
        client.get(URL)
    for name in ("Akabiluru", "Guguak", "Lareh Sago Halaban"):
        make_office(mungka.kabupaten, name)
    with django_assert_max_num_queries(len(before)):
        response = client.get(URL)
    assert len(response.context["rows"]) == 5
    lintau = next(r for r in response.context["rows"] if r["office"].name == "Guguak")
    assert lintau["glance"].overdue
