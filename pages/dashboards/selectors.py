"""The figures of the dashboards, read for one office or for every office of a kabupaten.

Every percentage comes from `sakip.capaian.capaian_for_row(row, bands=year.bands)`, the one
capaian function; this module only averages its results. Each selector runs a fixed number
of queries whatever the number of offices, indicators or units (the tests hold it to that),
so the kabupaten page stays as fast with 13 kecamatan as with two.

Averaging rule (documented on the page too): a sasaran's capaian is the mean of the capaian
percentages of its indicators in that year; indicators without a percentage (text targets,
"kegiatan belum berjalan", no realisation yet) are left out and counted separately. The
office's capaian for a year is the mean of its sasaran, so that a sasaran with many
indicators does not outweigh the others. Only rows of submissions that were sent (submitted
or accepted) count."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.charts.format import format_number, format_value
from sakip.capaian import Band, Capaian, band_for, capaian_for_row
from sakip.models import Holiday, Office, Person, PlanRow, SasaranStrategis, TargetKind, Year
from workflow.models import (
    Period,
    Report,
    ReportState,
    Step,
    StepRecord,
    Submission,
    SubmissionState,
)
from workflow.selectors import STATE_TASKS
from workflow.services.timing import Calendar


def mean(values: Iterable[Decimal]) -> Decimal | None:
    values = list(values)
    if not values:
        return None
    return sum(values, Decimal(0)) / len(values)


def number_label(value: Decimal | None) -> str:
    """A stored figure as people write it: 85, 82,5, 1.250 (no trailing zeros)."""
    if value is None:
        return "–"
    places = (
        0 if value == value.to_integral_value() else min(2, -value.normalize().as_tuple().exponent)
    )
    return format_number(value, places)


def percent_label(value: Decimal | None) -> str:
    return format_value(value, "%") if value is not None else "–"


# Rows count once their unit has sent them: a Kasi's unsent draft is not yet a figure the
# office stands behind (a returned submission drops out until it is sent again).
COUNTED_STATES = [SubmissionState.SUBMITTED, SubmissionState.ACCEPTED]


# ---- Capaian --------------------------------------------------------------------------------


@dataclass
class IndicatorFigure:
    row: PlanRow
    capaian: Capaian

    @property
    def percent(self) -> Decimal | None:
        return self.capaian.percent

    @property
    def label(self) -> str:
        return percent_label(self.capaian.percent)

    @property
    def band(self) -> Band | None:
        return self.capaian.band

    @property
    def target_label(self) -> str:
        target, satuan = self.row.target, self.row.indikator.satuan
        kind = self.row.indikator.target_kind
        if kind == TargetKind.TEXT:
            return target.text
        if kind == TargetKind.RANGE and target.value_max is not None:
            return f"{number_label(target.value)}–{number_label(target.value_max)} {satuan}"
        return f"{number_label(target.value)} {satuan}".strip()

    @property
    def realisation_label(self) -> str:
        row = self.row
        if row.belum_berjalan:
            return _("Kegiatan belum berjalan")
        if row.realisasi is not None:
            return f"{number_label(row.realisasi)} {row.indikator.satuan}".strip()
        return row.realisasi_text or "–"


@dataclass
class SasaranFigure:
    sasaran: SasaranStrategis
    indicators: list[IndicatorFigure]
    percent: Decimal | None
    band: Band | None

    @property
    def label(self) -> str:
        return percent_label(self.percent)

    @property
    def counted(self) -> int:
        return sum(1 for f in self.indicators if f.percent is not None)


@dataclass
class YearFigures:
    """The capaian of one office in one year (empty lists where there is no report yet)."""

    year: Year
    report: Report | None
    sasaran: list[SasaranFigure] = field(default_factory=list)
    percent: Decimal | None = None
    band: Band | None = None

    @property
    def label(self) -> str:
        return percent_label(self.percent)

    @property
    def indicators(self) -> list[IndicatorFigure]:
        return [f for s in self.sasaran for f in s.indicators]

    @property
    def has_figures(self) -> bool:
        return self.percent is not None


def capaian_by_year(offices: list[Office]) -> dict[int, list[YearFigures]]:
    """{office id: [YearFigures oldest first]} for every Year of the offices. Four queries."""
    office_ids = [o.pk for o in offices]
    years = list(Year.objects.filter(office_id__in=office_ids).order_by("year"))
    reports = {
        r.year_id: r
        for r in Report.objects.filter(
            office_id__in=office_ids, period=Period.ANNUAL
        ).select_related("year")
    }
    sasaran = list(
        SasaranStrategis.objects.filter(office_id__in=office_ids).order_by("order", "id")
    )
    rows = (
        PlanRow.objects.filter(
            submission__report__office_id__in=office_ids,
            submission__report__period=Period.ANNUAL,
            submission__state__in=COUNTED_STATES,
        )
        .select_related("indikator", "target", "unit", "submission")
        .order_by("number")
    )
    by_report_sasaran: dict[tuple[int, int], list[PlanRow]] = defaultdict(list)
    for row in rows:
        by_report_sasaran[(row.submission.report_id, row.indikator.sasaran_id)].append(row)

    result: dict[int, list[YearFigures]] = {pk: [] for pk in office_ids}
    for year in years:
        report = reports.get(year.pk)
        figures = YearFigures(year=year, report=report)
        if report is not None:
            for s in (s for s in sasaran if s.office_id == year.office_id):
                indicators = [
                    IndicatorFigure(row, capaian_for_row(row, bands=year.bands))
                    for row in by_report_sasaran.get((report.pk, s.pk), [])
                ]
                if not indicators:
                    continue
                percent = mean(f.percent for f in indicators if f.percent is not None)
                figures.sasaran.append(
                    SasaranFigure(s, indicators, percent, band_for(percent, year.bands))
                )
            figures.percent = mean(s.percent for s in figures.sasaran if s.percent is not None)
            figures.band = band_for(figures.percent, year.bands)
        result[year.office_id].append(figures)
    return result


def pick_year(figures: list[YearFigures], requested: int | None) -> YearFigures | None:
    """The year asked for, else the latest year with capaian figures, else the latest year."""
    if requested is not None:
        return next((f for f in figures if f.year.year == requested), None)
    with_figures = [f for f in figures if f.has_figures]
    if with_figures:
        return with_figures[-1]
    return figures[-1] if figures else None


@dataclass
class SasaranTrend:
    sasaran: SasaranStrategis
    points: list[tuple[int, SasaranFigure | None]]


def sasaran_trend(figures: list[YearFigures]) -> list[SasaranTrend]:
    """Each sasaran across the years (None where a year has no figure for it)."""
    order: dict[int, SasaranStrategis] = {}
    per_year: dict[tuple[int, int], SasaranFigure] = {}
    for yf in figures:
        for sf in yf.sasaran:
            order.setdefault(sf.sasaran.pk, sf.sasaran)
            per_year[(sf.sasaran.pk, yf.year.year)] = sf
    return [
        SasaranTrend(s, [(yf.year.year, per_year.get((s.pk, yf.year.year))) for yf in figures])
        for s in sorted(order.values(), key=lambda s: (s.order, s.pk))
    ]


# ---- The current report at a glance -----------------------------------------------------------


@dataclass
class OpenStep:
    record: StepRecord
    minutes: int
    holders: list[Person]

    @property
    def overdue(self) -> bool:
        return self.minutes > self.record.standard_minutes

    @property
    def holder_names(self) -> str:
        return ", ".join(p.full_name for p in self.holders) or _("(belum ada pemegang)")

    @property
    def what(self) -> str:
        step = self.record.step
        if self.record.submission_id:
            return f"{step.number}. {step.name} — {self.record.submission.unit.name}"
        return f"{step.number}. {step.name}"


SUBMISSION_BADGES = {
    SubmissionState.PENDING: "text-bg-secondary",
    SubmissionState.SUBMITTED: "text-bg-primary",
    SubmissionState.ACCEPTED: "text-bg-success",
    SubmissionState.RETURNED: "text-bg-warning",
}


@dataclass
class ReportGlance:
    report: Report
    submissions: list[Submission]
    open_steps: list[OpenStep]
    steps: list[Step] = field(default_factory=list)

    @property
    def submission_rows(self) -> list[tuple[Submission, str]]:
        return [(s, SUBMISSION_BADGES.get(s.state, "text-bg-light")) for s in self.submissions]

    @property
    def strip(self) -> list[tuple[Step, str]]:
        """The 13 steps as done / current / to do, for the progress strip."""
        closed = self.report.state == ReportState.DISPATCHED
        return [
            (
                step,
                "done"
                if closed or step.number < self.step
                else ("current" if step.number == self.step else "todo"),
            )
            for step in self.steps
        ]

    @property
    def step(self) -> int:
        """The step the report is at. While units still fill their rows that is step 3,
        though the report-level task waiting behind them is step 4."""
        state = self.report.state
        if state == ReportState.DISPATCHED:
            return 13
        if state == ReportState.COLLECTING and any(
            s.state in (SubmissionState.PENDING, SubmissionState.RETURNED) for s in self.submissions
        ):
            return 3
        return STATE_TASKS.get(state, (1, ""))[0]

    @property
    def accepted(self) -> int:
        return sum(1 for s in self.submissions if s.state == SubmissionState.ACCEPTED)

    @property
    def overdue(self) -> list[OpenStep]:
        return [o for o in self.open_steps if o.overdue]

    @property
    def progress_percent(self) -> int:
        """Share of the 13 steps behind the report (for the progress bar)."""
        done = 13 if self.report.state == ReportState.DISPATCHED else self.step - 1
        return round(done * 100 / 13)


def calendars_for(offices: list[Office], first: dt.date, last: dt.date) -> dict[int, Calendar]:
    """The working-time calendar of each office with one query for all holidays; the same
    clock as `workflow.services.timing.office_working_minutes`, which would query per office."""
    holidays: dict[int | None, set[dt.date]] = defaultdict(set)
    for office_id, date in Holiday.objects.filter(
        Q(office_id__in=[o.pk for o in offices]) | Q(office__isnull=True),
        date__range=(first, last),
    ).values_list("office_id", "date"):
        holidays[office_id].add(date)
    return {
        o.pk: Calendar(
            o.work_start,
            o.work_end,
            frozenset(o.working_weekdays),
            frozenset(holidays[o.pk] | holidays[None]),
        )
        for o in offices
    }


def current_reports(offices: list[Office]) -> dict[int, ReportGlance]:
    """{office id: glance} of each office's current report: the latest still running, else
    the latest closed one. Offices without any report are absent. Six queries."""
    office_ids = [o.pk for o in offices]
    chosen: dict[int, Report] = {}
    reports = Report.objects.filter(office_id__in=office_ids, period=Period.ANNUAL).select_related(
        "year", "office"
    )
    for report in reports.order_by("year__year"):
        current = chosen.get(report.office_id)
        if current is None or not report.is_closed or current.is_closed:
            chosen[report.office_id] = report
    if not chosen:
        return {}
    picked = list(chosen.values())
    prefetch_related_objects(
        picked,
        Prefetch("submissions", queryset=Submission.objects.select_related("unit")),
        Prefetch(
            "step_records",
            queryset=StepRecord.objects.filter(finished_at__isnull=True)
            .select_related("step", "submission__unit")
            .order_by("started_at", "id"),
            to_attr="open_records",
        ),
    )
    people = list(Person.objects.filter(office_id__in=office_ids).order_by("full_name"))
    steps = office_steps(offices)
    now = timezone.now()
    earliest = min((r.started_at for rep in picked for r in rep.open_records), default=now)
    calendars = calendars_for(
        offices, timezone.localtime(earliest).date(), timezone.localtime(now).date()
    )
    result = {}
    for report in picked:
        staff = [p for p in people if p.office_id == report.office_id]
        open_steps = sorted(
            (
                OpenStep(
                    record=record,
                    minutes=calendars[report.office_id].minutes_between(record.started_at, now),
                    holders=_holders(record, staff),
                )
                for record in report.open_records
            ),
            key=lambda o: (not o.overdue, o.record.started_at),
        )
        result[report.office_id] = ReportGlance(
            report, list(report.submissions.all()), open_steps, steps[report.office_id]
        )
    return result


def _holders(record: StepRecord, staff: list[Person]) -> list[Person]:
    """Who must act on an open step: the unit's head at step 3, else the step's roles."""
    roles = set(record.step.actor_roles)
    if record.step.number == 3 and record.submission_id:
        return [
            p
            for p in staff
            if p.role in roles and p.heads_unit and p.unit_id == record.submission.unit_id
        ]
    return [p for p in staff if p.role in roles]


def office_steps(offices: list[Office]) -> dict[int, list[Step]]:
    steps: dict[int, list[Step]] = defaultdict(list)
    for step in Step.objects.filter(office_id__in=[o.pk for o in offices]).order_by("number"):
        steps[step.office_id].append(step)
    return steps
