"""Reads of the quarterly measurement: when a quarter ends, what the quarters measured, and
each indicator's course through the year (targets, realisations, figures to date, capaian,
progress against the year's target and a projection), in a fixed number of queries
whatever the number of indicators and quarters."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from sakip.capaian import Capaian, compute_capaian
from sakip.models import Aggregation, Indikator, PlanRow, Polarity, Target, TargetKind, Year
from sakip.planning.quarters import projection, to_date, year_value
from workflow.models import ROMAN, FollowUp, Report, SubmissionState


def quarter_end(year: int, quarter: int) -> dt.date:
    month = 3 * quarter
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def quarter_ended(year: int, quarter: int, today: dt.date) -> bool:
    return today > quarter_end(year, quarter)


def quarter_reports(office_id: int, year_id: int) -> dict[int, Report]:
    """The year's quarter measurements opened so far, by quarter, each with its units
    counted (`units`, `accepted`). One query."""
    reports = (
        Report.objects.filter(office_id=office_id, year_id=year_id, period__gt=0)
        .select_related("office", "year")
        .annotate(
            units=Count("submissions"),
            accepted=Count("submissions", filter=Q(submissions__state=SubmissionState.ACCEPTED)),
        )
    )
    return {r.period: r for r in reports}


def measured_quarters(
    office_id: int, year_id: int, *, before: int = 5
) -> dict[int, list[Decimal | None]]:
    """Per indicator, the realisation of TW I–IV as accepted by the Sekcam (None where the
    quarter was not measured, not accepted, or the activity had not started), for the
    quarters before `before`."""
    rows = PlanRow.objects.filter(
        submission__report__office_id=office_id,
        submission__report__year_id=year_id,
        submission__report__period__gt=0,
        submission__report__period__lt=before,
        submission__state=SubmissionState.ACCEPTED,
    ).values_list("indikator_id", "quarter", "realisasi", "belum_berjalan")
    out: dict[int, list[Decimal | None]] = {}
    for indikator_id, quarter, value, not_started in rows:
        values = out.setdefault(indikator_id, [None] * 4)
        values[quarter - 1] = None if not_started else value
    return out


@dataclass
class QuarterCell:
    quarter: int
    target: Decimal | None
    value: Decimal | None
    to_date: Decimal | None
    capaian: Capaian

    @property
    def label(self) -> str:
        return f"TW {ROMAN[self.quarter]}"


@dataclass
class IndicatorCourse:
    """One indicator through the year's quarters."""

    indikator: Indikator
    target: Target
    cells: list[QuarterCell] = field(default_factory=list)
    year_figure: Decimal | None = None
    progress: Capaian | None = None
    projection: Decimal | None = None
    projected: Capaian | None = None

    @property
    def measured(self) -> list[QuarterCell]:
        return [c for c in self.cells if c.value is not None]


def indicator_courses(year: Year, *, upto: int = 4, bands=None) -> list[IndicatorCourse]:
    """Every indicator with a target in the year, with its quarters up to `upto`: three
    queries whatever the number of indicators and quarters."""
    targets = list(
        Target.objects.filter(year=year)
        .select_related("indikator__sasaran", "indikator__unit")
        .order_by("indikator__sasaran__order", "indikator__order", "indikator__pk")
    )
    values = measured_quarters(year.office_id, year.pk, before=upto + 1)
    bands = bands if bands is not None else year.bands
    return [course(t, values.get(t.indikator_id, [None] * 4)[:upto], bands) for t in targets]


def course(target: Target, values: list[Decimal | None], bands=None) -> IndicatorCourse:
    ind = target.indikator
    out = IndicatorCourse(indikator=ind, target=target)
    if ind.target_kind == TargetKind.TEXT:
        return out
    running = to_date(values, ind.aggregation)
    for n, (value, so_far) in enumerate(zip(values, running, strict=True), start=1):
        tw_target = getattr(target, f"tw{n}")
        out.cells.append(
            QuarterCell(
                quarter=n,
                target=tw_target,
                value=value,
                to_date=so_far,
                capaian=_capaian(ind, tw_target, so_far, bands),
            )
        )
    out.year_figure = year_value(values, ind.aggregation)
    # Against the year's target, a range target counts its upper bound too.
    out.progress = _capaian(ind, target.value, out.year_figure, bands, target.value_max)
    if _ceiling_still_counting(ind, values):
        # A lower-is-better count (cases, complaints) against the year's ceiling: the sum so
        # far is below it all year long and would read as better than the target; only the
        # projection says how the year is going.
        out.progress = Capaian(None, _("Batas atas tahunan: lihat proyeksi"), None)
    out.projection = projection(values, ind.aggregation)
    if out.projection is not None and ind.target_kind == TargetKind.PERCENT:
        out.projection = min(out.projection, Decimal(100))  # a share never passes 100 %
    out.projected = _capaian(ind, target.value, out.projection, bands, target.value_max)
    return out


def _ceiling_still_counting(ind: Indikator, values: list[Decimal | None]) -> bool:
    return (
        ind.polarity == Polarity.LOWER
        and ind.aggregation == Aggregation.CUMULATIVE
        and (len(values) < 4 or values[3] is None)
    )


def _capaian(ind: Indikator, target, value, bands, target_max=None) -> Capaian:
    return compute_capaian(
        polarity=ind.polarity,
        kind=ind.target_kind,
        target=target,
        target_max=target_max,
        realisation=value,
        bands=bands,
    )


def open_follow_ups(office_id: int, year_id: int, *, before: int = 5):
    """Follow-ups still open from the year's quarters before `before`."""
    return (
        FollowUp.objects.filter(
            report__office_id=office_id,
            report__year_id=year_id,
            report__period__lt=before,
            done_at__isnull=True,
        )
        .select_related("indikator", "unit", "report__year")
        .order_by("due_date", "pk")
    )


def follow_ups_for(person) -> list[FollowUp]:
    """The open follow-ups this person answers for: those of the unit they head."""
    if person is None or not person.heads_unit or person.unit_id is None:
        return []
    return list(
        FollowUp.objects.filter(
            report__office_id=person.office_id, unit_id=person.unit_id, done_at__isnull=True
        )
        .select_related("indikator", "report__year")
        .order_by("due_date", "pk")
    )
