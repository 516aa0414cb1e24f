"""The quarters (TW I–IV) on the dashboards: each indicator's and each sasaran's course
through a year's quarters for the office dashboard, and which office has measured which
quarter for the kabupaten dashboard.

The figures are `workflow.measurement.indicator_courses` (the one capaian function with the
indicator's aggregation rule); this module only groups them by sasaran and averages the
capaian of a quarter the way the annual figures are averaged (indicators without a
percentage are left out). Every read is a fixed number of queries whatever the number of
offices, indicators and quarters."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pages.dashboards.selectors import mean, number_label, percent_label
from sakip.capaian import Band, Capaian, band_for
from sakip.models import Office, SasaranStrategis, TargetKind, Year
from workflow.measurement import IndicatorCourse, QuarterCell, indicator_courses
from workflow.models import ROMAN, Report, ReportState, SubmissionState

QUARTERS = (1, 2, 3, 4)


# ---- Which quarter is where --------------------------------------------------------------------


@dataclass
class QuarterState:
    """One office's measurement of one quarter: not opened, running (n of m units accepted)
    or closed (on the day of the last acceptance)."""

    quarter: int
    report: Report | None = None
    units: int = 0
    accepted: int = 0
    last_accepted: dt.datetime | None = None

    @property
    def code(self) -> str:
        if self.report is None:
            return "belum"
        return "selesai" if self.report.state == ReportState.MEASURED else "berjalan"

    @property
    def closed_on(self) -> dt.date | None:
        if self.code != "selesai" or self.last_accepted is None:
            return None
        return timezone.localtime(self.last_accepted).date()

    @property
    def label(self) -> str:
        if self.code == "belum":
            return _("belum dibuka")
        if self.code == "berjalan":
            return _("berjalan (%(n)s dari %(m)s unit diterima)") % {
                "n": self.accepted,
                "m": self.units,
            }
        if self.closed_on is None:
            return _("selesai")
        return _("selesai %(date)s") % {"date": date_format(self.closed_on, "DATE_FORMAT")}

    @property
    def tw(self) -> str:
        return f"TW {ROMAN[self.quarter]}"


def quarter_reports(offices: list[Office]) -> dict[tuple[int, int], dict[int, QuarterState]]:
    """{(office id, year): {quarter: QuarterState}} for every quarter opened by the offices,
    in any year, with its units counted. One query."""
    reports = (
        Report.objects.filter(office_id__in=[o.pk for o in offices], period__gt=0)
        .select_related("year")
        .annotate(
            units=Count("submissions"),
            accepted=Count("submissions", filter=Q(submissions__state=SubmissionState.ACCEPTED)),
            last_accepted=Max("submissions__accepted_at"),
        )
    )
    out: dict[tuple[int, int], dict[int, QuarterState]] = defaultdict(dict)
    for r in reports:
        out[(r.office_id, r.year.year)][r.period] = QuarterState(
            r.period, r, r.units, r.accepted, r.last_accepted
        )
    return out


def states_of(
    reports: dict[tuple[int, int], dict[int, QuarterState]], office_id: int, year: int | None
) -> list[QuarterState]:
    """TW I–IV of one office and year, unopened quarters included."""
    opened = reports.get((office_id, year), {}) if year is not None else {}
    return [opened.get(q) or QuarterState(q) for q in QUARTERS]


def measurement_year(
    requested: int | None,
    years: list[int],
    reports: dict[tuple[int, int], dict[int, QuarterState]],
    fallback: int | None,
) -> int | None:
    """The year whose quarters a dashboard shows: the one asked for, else the latest year in
    which a quarter was opened (the measurement under way), else `fallback`."""
    if requested is not None:
        return requested if requested in years else None
    opened = [year for (_office, year) in reports if year in years]
    if opened:
        return max(opened)
    return fallback


# ---- The office's quarters, per indicator and per sasaran -------------------------------------


@dataclass
class CellView:
    """One quarter of one indicator as the dashboard shows it."""

    quarter: int
    target: Decimal | None
    value: Decimal | None
    to_date: Decimal | None
    capaian: Capaian | None

    @property
    def measured(self) -> bool:
        return self.value is not None

    @property
    def percent(self) -> Decimal | None:
        return self.capaian.percent if self.capaian and self.measured else None

    @property
    def band(self) -> Band | None:
        return self.capaian.band if self.capaian and self.measured else None

    @property
    def label(self) -> str:
        return percent_label(self.percent)

    @property
    def target_label(self) -> str:
        return number_label(self.target)

    @property
    def value_label(self) -> str:
        return number_label(self.value)

    @property
    def to_date_label(self) -> str:
        return number_label(self.to_date)


def _cell(quarter: int, cell: QuarterCell | None) -> CellView:
    if cell is None:
        return CellView(quarter, None, None, None, None)
    return CellView(quarter, cell.target, cell.value, cell.to_date, cell.capaian)


@dataclass
class IndicatorQuarters:
    number: int
    course: IndicatorCourse
    cells: list[CellView]

    @property
    def indikator(self):
        return self.course.indikator

    @property
    def is_text(self) -> bool:
        return self.indikator.target_kind == TargetKind.TEXT

    @property
    def target_label(self) -> str:
        target = self.course.target
        if self.is_text:
            return target.text
        if self.indikator.target_kind == TargetKind.RANGE and target.value_max is not None:
            return f"{number_label(target.value)}–{number_label(target.value_max)}"
        return number_label(target.value)

    @property
    def year_figure_label(self) -> str:
        return number_label(self.course.year_figure)

    @property
    def progress(self) -> Decimal | None:
        progress = self.course.progress
        return progress.percent if progress and self.course.year_figure is not None else None

    @property
    def progress_label(self) -> str:
        return percent_label(self.progress)

    @property
    def progress_band(self) -> Band | None:
        return self.course.progress.band if self.progress is not None else None

    @property
    def projection_label(self) -> str:
        return number_label(self.course.projection)

    @property
    def projected(self) -> Decimal | None:
        projected = self.course.projected
        return projected.percent if projected and self.course.projection is not None else None

    @property
    def projected_label(self) -> str:
        return percent_label(self.projected)

    @property
    def projected_band(self) -> Band | None:
        return self.course.projected.band if self.projected is not None else None


@dataclass
class SasaranQuarter:
    quarter: int
    percent: Decimal | None
    band: Band | None

    @property
    def label(self) -> str:
        return percent_label(self.percent)


@dataclass
class SasaranQuarters:
    number: int
    sasaran: SasaranStrategis
    indicators: list[IndicatorQuarters] = field(default_factory=list)
    quarters: list[SasaranQuarter] = field(default_factory=list)


@dataclass
class YearQuarters:
    """One office's year, quarter by quarter."""

    year: Year
    states: list[QuarterState]
    sasaran: list[SasaranQuarters]

    @property
    def indicators(self) -> list[IndicatorQuarters]:
        return [i for s in self.sasaran for i in s.indicators]

    @property
    def measured(self) -> bool:
        """Whether any quarter has an accepted figure yet."""
        return any(c.measured for i in self.indicators for c in i.cells)


def year_quarters(year: Year, states: list[QuarterState]) -> YearQuarters:
    """Every indicator with a target in the year, grouped by sasaran, TW I–IV side by side;
    each sasaran's capaian of a quarter is the mean of its indicators' capaian. Two queries
    (`indicator_courses`)."""
    groups: dict[int, SasaranQuarters] = {}
    number = 0
    for course in indicator_courses(year):
        sasaran = course.indikator.sasaran
        group = groups.get(sasaran.pk)
        if group is None:
            group = groups[sasaran.pk] = SasaranQuarters(len(groups) + 1, sasaran)
        number += 1
        by_quarter = {c.quarter: c for c in course.cells}
        group.indicators.append(
            IndicatorQuarters(number, course, [_cell(q, by_quarter.get(q)) for q in QUARTERS])
        )
    for group in groups.values():
        for q in QUARTERS:
            percent = mean(
                i.cells[q - 1].percent
                for i in group.indicators
                if i.cells[q - 1].percent is not None
            )
            group.quarters.append(SasaranQuarter(q, percent, band_for(percent, year.bands)))
    return YearQuarters(year, states, list(groups.values()))
