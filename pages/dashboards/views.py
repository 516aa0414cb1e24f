"""The office dashboard (Camat, Sekcam) and the kabupaten dashboard (read-only readers).

Access follows DESIGN: the dashboard is the office head's and the data manager's view of
the whole office. A Kasi fills one unit's rows and a JF compiles the report; neither is
given the office-wide overview, so both get 403, like the admin (master data, not
performance). A kabupaten reader sees every office of his kabupaten on his own page and
nothing of the office pages."""

from __future__ import annotations

from functools import cached_property

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from documents.charts.bar import Bar, bar_chart
from documents.charts.grouped import grouped_bar_chart
from documents.charts.trend import trend_chart
from documents.xlsx import XLSX_CONTENT_TYPE, table_workbook
from pages import access
from pages.dashboards import quarters, tables
from pages.dashboards.selectors import (
    YearFigures,
    capaian_by_year,
    current_reports,
    pick_year,
    sasaran_trend,
)
from pages.dashboards.timing import sop_timing
from sakip.models import Office, Person

TIMING_COLOURS = ["#adb5bd", "#0d6efd"]
OFFICE_TABLES = ["isian", "langkah", "sasaran", "indikator", "tren", "waktu"]
OFFICE_QUARTER_TABLES = ["triwulan-sasaran", "triwulan-indikator"]
KABUPATEN_TABLES = ["kantor", "capaian"]
KABUPATEN_QUARTER_TABLES = ["triwulan"]


def _requested_year(request) -> int | None:
    raw = request.GET.get("tahun", "")
    if not raw:
        return None
    if not raw.isdigit():
        raise Http404(_("Tahun tidak dikenal."))
    return int(raw)


def _xlsx(table: tables.Table, filename: str) -> HttpResponse:
    content = table_workbook(
        headers=table.headers,
        rows=table.rows,
        sheet_title=table.title,
        title_lines=[table.title],
    )
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{slugify(filename)}.xlsx"'
    return response


class OfficeDashboard:
    """What the office dashboard shows, each part computed only when asked for (an export
    needs one table, the page needs them all)."""

    def __init__(self, office: Office, requested_year: int | None):
        self.office = office
        self.requested_year = requested_year

    @cached_property
    def figures(self) -> list[YearFigures]:
        return capaian_by_year([self.office])[self.office.pk]

    @cached_property
    def selected(self) -> YearFigures:
        selected = pick_year(self.figures, self.requested_year)
        if selected is None:
            raise Http404(_("Tahun tidak ditemukan."))
        return selected

    @cached_property
    def glance(self):
        return current_reports([self.office]).get(self.office.pk)

    @cached_property
    def trend(self):
        return sasaran_trend(self.figures)

    @cached_property
    def timing(self):
        return sop_timing(self.office)

    @cached_property
    def quarter_figures(self) -> quarters.YearQuarters:
        """The quarters of the year asked for, else of the year being measured."""
        reports = quarters.quarter_reports([self.office])
        by_year = {f.year.year: f.year for f in self.figures}
        year = quarters.measurement_year(
            self.requested_year, list(by_year), reports, self.selected.year.year
        )
        if year is None:
            raise Http404(_("Tahun tidak ditemukan."))
        return quarters.year_quarters(
            by_year[year], quarters.states_of(reports, self.office.pk, year)
        )

    def table(self, name: str) -> tables.Table:
        builders = {
            "triwulan-sasaran": lambda: tables.quarter_sasaran_table(self.quarter_figures),
            "triwulan-indikator": lambda: tables.quarter_indicator_table(self.quarter_figures),
            "isian": lambda: self.glance and tables.submissions_table(self.glance),
            "langkah": lambda: self.glance and tables.open_steps_table(self.glance),
            "sasaran": lambda: tables.sasaran_table(self.selected),
            "indikator": lambda: tables.indicator_table(self.selected),
            "tren": lambda: tables.trend_table(self.trend, self.figures),
            "waktu": lambda: tables.timing_table(self.timing),
        }
        table = builders[name]() if name in builders else None
        if not table:
            raise Http404(_("Tabel tidak ditemukan."))
        return table

    def charts(self) -> dict:
        year = self.selected.year.year
        sasaran_bars = [
            Bar(f"{i}. {s.sasaran.name}", s.percent, s.band.code if s.band else None)
            for i, s in enumerate(self.selected.sasaran, start=1)
        ]
        indicator_bars = [
            Bar(
                f"{f.row.number}. {f.row.indikator.name}",
                f.percent,
                f.band.code if f.band else None,
                note="" if f.percent is not None else f.capaian.formula,
            )
            for f in self.selected.indicators
        ]
        series = [
            (f"{i}. {t.sasaran.name}", [(y, sf.percent if sf else None) for y, sf in t.points])
            for i, t in enumerate(self.trend, start=1)
        ]
        series.append(
            (_("Kecamatan (rata-rata)"), [(f.year.year, f.percent) for f in self.figures])
        )
        steps = self.timing.steps
        return {
            "sasaran": bar_chart(
                sasaran_bars, title=_("Capaian per sasaran strategis %(y)s") % {"y": year}
            ),
            "indikator": bar_chart(
                indicator_bars,
                title=_("Capaian per indikator kinerja %(y)s") % {"y": year},
                width=960,
            ),
            "tren": trend_chart(
                series,
                title=_("Tren capaian per sasaran"),
                reference=100,
                width=720,
                highlight=len(series) - 1,
            ),
            "waktu": grouped_bar_chart(
                [t.label for t in steps],
                [
                    (_("Menit baku"), [t.step.minutes for t in steps]),
                    (_("Rata-rata aktual"), [t.average for t in steps]),
                ],
                title=_("Waktu pelaksanaan per langkah SOP (menit kerja)"),
                unit="menit",
                reference=None,
                decimals=0,
                colours=TIMING_COLOURS,
                width=720,
            ),
        }


# The office dashboard's body is kept in the shared cache under the office's data version
# (`sakip.versions`): any change the dashboard shows moves the version, so the next request
# computes afresh on every app server. The figures that depend on the clock (steps overdue,
# minutes so far) are at most this many seconds old.
DASHBOARD_CACHE_SECONDS = 60


@login_required
@require_GET
def office(request):
    """The context is lazy (each value computed when the template first reads it): when the
    body comes from the cache, nothing is computed at all."""
    person = access.office_dashboard_reader(request)
    requested = _requested_year(request)
    if requested is not None and not person.office.years.filter(year=requested).exists():
        raise Http404(_("Tahun tidak ditemukan."))
    dashboard = OfficeDashboard(person.office, requested)

    def exports() -> dict[str, str]:
        urls = _export_urls("dashboards:office_export", OFFICE_TABLES, year())
        measured = dashboard.quarter_figures.year.year
        urls.update(_export_urls("dashboards:office_export", OFFICE_QUARTER_TABLES, measured))
        return urls

    def year() -> int:
        return dashboard.selected.year.year

    return render(
        request,
        "dashboards/office.html",
        {
            "office": person.office,
            "cache_key": [person.office.pk, person.office.data_version, requested or ""],
            "cache_seconds": DASHBOARD_CACHE_SECONDS,
            "dashboard": dashboard,
            "year": SimpleLazyObject(year),
            "selected": SimpleLazyObject(lambda: dashboard.selected),
            "figures": SimpleLazyObject(lambda: dashboard.figures),
            "glance": SimpleLazyObject(lambda: dashboard.glance),
            "trend": SimpleLazyObject(lambda: dashboard.trend),
            "timing": SimpleLazyObject(lambda: dashboard.timing),
            "charts": SimpleLazyObject(dashboard.charts),
            "quarters": SimpleLazyObject(lambda: dashboard.quarter_figures),
            "measurement_url": SimpleLazyObject(
                lambda: reverse("measurement:year", args=[dashboard.quarter_figures.year.year])
            ),
            "exports": SimpleLazyObject(exports),
        },
    )


def _export_urls(name: str, table_names: list[str], year: int | None = None) -> dict[str, str]:
    """{table: its download URL}, keyed `triwulan_sasaran` for `triwulan-sasaran` so that
    templates can read it."""
    query = f"?tahun={year}" if year else ""
    return {t.replace("-", "_"): reverse(name, args=[t]) + query for t in table_names}


@login_required
@require_GET
def office_export(request, table: str):
    person = access.office_dashboard_reader(request)
    dashboard = OfficeDashboard(person.office, _requested_year(request))
    data = dashboard.table(table)
    return _xlsx(data, f"dasbor-{table}-{person.office.name}")


class KabupatenDashboard:
    def __init__(self, person: Person, requested_year: int | None = None):
        self.kabupaten = person.kabupaten
        self.offices = list(Office.objects.filter(kabupaten_id=person.kabupaten_id))
        self.requested_year = requested_year

    @cached_property
    def figures(self):
        return capaian_by_year(self.offices)

    @cached_property
    def glances(self):
        return current_reports(self.offices)

    @cached_property
    def years(self) -> list[int]:
        """Years in which at least one office has capaian figures."""
        return sorted(
            {f.year.year for figs in self.figures.values() for f in figs if f.has_figures}
        )

    def rows(self) -> list[dict]:
        rows = []
        for office in self.offices:
            per_year = {f.year.year: f for f in self.figures.get(office.pk, [])}
            rows.append(
                {
                    "office": office,
                    "glance": self.glances.get(office.pk),
                    "years": [per_year.get(y) for y in self.years],
                }
            )
        return rows

    @cached_property
    def all_years(self) -> list[int]:
        """Every year any office of the kabupaten plans (figures or not)."""
        return sorted({f.year.year for figs in self.figures.values() for f in figs})

    @cached_property
    def quarter_reports(self):
        return quarters.quarter_reports(self.offices)

    @cached_property
    def quarter_year(self) -> int | None:
        """The year asked for, else the latest year with a quarter opened, else this year."""
        today = timezone.localdate().year
        fallback = (
            today if today in self.all_years else (self.all_years[-1] if self.all_years else None)
        )
        year = quarters.measurement_year(
            self.requested_year, self.all_years, self.quarter_reports, fallback
        )
        if year is None and self.requested_year is not None:
            raise Http404(_("Tahun tidak ditemukan."))
        return year

    def quarter_rows(self) -> list[tuple[Office, list[quarters.QuarterState]]]:
        return [
            (o, quarters.states_of(self.quarter_reports, o.pk, self.quarter_year))
            for o in self.offices
        ]

    def table(self, name: str) -> tables.Table:
        if name == "triwulan" and self.quarter_year is not None:
            return tables.quarter_states_table(self.quarter_rows(), self.quarter_year)
        if name == "kantor":
            return tables.offices_table(self.offices, self.glances)
        if name == "capaian":
            return tables.office_capaian_table(self.offices, self.figures, self.years)
        raise Http404(_("Tabel tidak ditemukan."))

    def chart(self):
        series = []
        for year in self.years:
            values = []
            for office in self.offices:
                match = [f for f in self.figures.get(office.pk, []) if f.year.year == year]
                values.append(match[0].percent if match else None)
            series.append((str(year), values))
        return grouped_bar_chart(
            [o.name for o in self.offices],
            series,
            title=_("Capaian kinerja per kecamatan (rata-rata sasaran)"),
            width=720,
        )


@login_required
@require_GET
def kabupaten(request):
    person = access.kabupaten_reader(request)
    dashboard = KabupatenDashboard(person, _requested_year(request))
    exports = _export_urls("dashboards:kabupaten_export", KABUPATEN_TABLES)
    exports.update(
        _export_urls(
            "dashboards:kabupaten_export", KABUPATEN_QUARTER_TABLES, dashboard.quarter_year
        )
    )
    return render(
        request,
        "dashboards/kabupaten.html",
        {
            "kabupaten": dashboard.kabupaten,
            "dashboard": dashboard,
            "rows": dashboard.rows(),
            "years": dashboard.years,
            "chart": dashboard.chart(),
            "quarter_year": dashboard.quarter_year,
            "quarter_years": dashboard.all_years,
            "quarter_rows": dashboard.quarter_rows(),
            "exports": exports,
        },
    )


@login_required
@require_GET
def kabupaten_export(request, table: str):
    person = access.kabupaten_reader(request)
    dashboard = KabupatenDashboard(person, _requested_year(request))
    return _xlsx(dashboard.table(table), f"dasbor-kabupaten-{table}")
