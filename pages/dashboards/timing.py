"""SOP timing against the Mutu Baku: each of the 13 steps' actual working minutes
(`StepRecord.elapsed_minutes`, finished records only) against its standard minutes.

A step may be performed several times in one report: step 3 and 5 once per unit and
revision round, step 6 and 7 once per draft round. The figure per report is the mean of
those performances, because each is measured against the same standard; the figure across
years is the mean over every performance of the step, and "late" counts performances that
took more working minutes than the standard. One aggregate query for all of it.

Only the year's LAKIP counts: a quarter's measurement (TW I–IV) runs its units' filling as
step 3 too, but the Mutu Baku states the minutes of the annual procedure."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Q, Sum

from documents.charts.format import format_number
from sakip.models import Office
from workflow.models import Period, Step, StepRecord


@dataclass
class StepTiming:
    step: Step
    per_year: dict[int, Decimal | None] = field(default_factory=dict)
    total_minutes: int = 0
    performances: int = 0
    late: int = 0

    @property
    def average(self) -> Decimal | None:
        if not self.performances:
            return None
        return Decimal(self.total_minutes) / self.performances

    @property
    def late_share(self) -> Decimal | None:
        if not self.performances:
            return None
        return Decimal(self.late * 100) / self.performances

    @property
    def over_standard(self) -> bool:
        return self.average is not None and self.average > self.step.minutes

    def year_values(self, years: list[int]) -> list[Decimal | None]:
        return [self.per_year.get(y) for y in years]

    @property
    def label(self) -> str:
        return f"{self.step.number}. {self.step.name}"


@dataclass
class SopTiming:
    years: list[int]
    steps: list[StepTiming]

    @property
    def most_often_late(self) -> list[StepTiming]:
        """The steps that ran late most often (at most three), by count then share."""
        late = [s for s in self.steps if s.late]
        late.sort(key=lambda s: (-s.late, -(s.late_share or 0), s.step.number))
        return late[:3]

    @property
    def table_rows(self) -> list[dict]:
        """The timing table as display strings (Indonesian numbers) for the page."""
        return [
            {
                "timing": t,
                "years": [minutes_label(v) for v in t.year_values(self.years)],
                "average": minutes_label(t.average),
                "late_share": format_number(t.late_share, 0) + "%" if t.performances else "–",
            }
            for t in self.steps
        ]

    @property
    def total_labels(self) -> list[str]:
        return [minutes_label(v) for v in self.year_totals]

    @property
    def standard_total(self) -> int:
        return sum(s.step.minutes for s in self.steps)

    def year_total(self, year: int) -> Decimal | None:
        values = [s.per_year.get(year) for s in self.steps]
        known = [v for v in values if v is not None]
        return sum(known, Decimal(0)) if known else None

    @property
    def year_totals(self) -> list[Decimal | None]:
        return [self.year_total(y) for y in self.years]


def sop_timing(office: Office) -> SopTiming:
    """The 13 steps of the office with their timing per report year and overall. Two queries."""
    steps = list(Step.objects.filter(office=office).order_by("number"))
    rows = (
        StepRecord.objects.filter(
            report__office=office,
            report__period=Period.ANNUAL,
            finished_at__isnull=False,
            elapsed_minutes__isnull=False,
        )
        .values("step_id", "report__year__year")
        .annotate(
            minutes=Sum("elapsed_minutes"),
            performances=Count("id"),
            late=Count("id", filter=Q(elapsed_minutes__gt=F("standard_minutes"))),
        )
        .order_by()
    )
    by_step: dict[int, list[dict]] = defaultdict(list)
    years: set[int] = set()
    for row in rows:
        by_step[row["step_id"]].append(row)
        years.add(row["report__year__year"])
    timings = []
    for step in steps:
        timing = StepTiming(step)
        for row in by_step.get(step.pk, []):
            timing.per_year[row["report__year__year"]] = (
                Decimal(row["minutes"]) / row["performances"]
            )
            timing.total_minutes += row["minutes"]
            timing.performances += row["performances"]
            timing.late += row["late"]
        timings.append(timing)
    return SopTiming(sorted(years), timings)


def minutes_label(value: Decimal | int | None) -> str:
    return format_number(value, 0) if value is not None else "–"
