"""The plan's tests start from the demo: Mungka's 2023–2026 plans with their PKs signed, and
the PK Perubahan 2026 being prepared (2026's plan open again: a target raised with its TW IV
left behind, a new indicator still incomplete, the office's version 2 in draft).
`complete_plan` finishes 2026 through the plan's services, the way the Kasubag PEP does on
the plan page."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sakip.models import Aggregation, Polarity, Target, TargetKind, Year
from sakip.planning.checks import plan_blockers
from sakip.planning.snapshot import plan_snapshot
from tests.procedure import person
from workflow.models import PerjanjianKinerja
from workflow.services import planning as svc


@pytest.fixture
def pep(demo):
    """The Kasubag Perencanaan, Evaluasi dan Pelaporan (role jf): prepares the plan."""
    return person("kasubag-pep")


@pytest.fixture
def year_2026(demo):
    return Year.objects.select_related("office__kabupaten").get(office__name="Mungka", year=2026)


@pytest.fixture
def year_2025(demo):
    return Year.objects.select_related("office__kabupaten").get(office__name="Mungka", year=2025)


@pytest.fixture
def office_pk(year_2026):
    """The office's PK of 2026 being prepared: its latest version (the PK Perubahan)."""
    return PerjanjianKinerja.objects.filter(year=year_2026, unit__isnull=True).latest("version")


def fix_row(target: Target, preparer, **values) -> Target:
    target = Target.objects.select_related("indikator").get(pk=target.pk)
    return svc.plan_row_update(
        target=target,
        person=preparer,
        values=values,
        versions=(target.indikator.version, target.version),
    )


def complete_plan(year: Year, preparer) -> None:
    """Remove every failing check of the year's plan through `plan_row_update`."""
    for target in Target.objects.filter(year=year).select_related("indikator"):
        ind = target.indikator
        values: dict = {}
        if not ind.definition:
            values["definition"] = "Jumlah yang tercapai ÷ jumlah seluruhnya × 100%"
        if not ind.sumber_data:
            values["sumber_data"] = "Laporan seksi"
        if ind.target_kind == TargetKind.TEXT:
            if values:
                fix_row(target, preparer, **values)
            continue
        if ind.renstra_target is None:
            values["renstra_target"] = Decimal(80)
        if ind.aggregation != Aggregation.AVERAGE and target.tw4 is not None:
            if ind.target_kind != TargetKind.RANGE and target.tw4 != target.value:
                values["tw4"] = target.value
        if ind.polarity == Polarity.LOWER and ind.aggregation != Aggregation.CUMULATIVE:
            values.update({"tw1": target.value, "tw2": target.value, "tw3": target.value})
            values["tw4"] = target.value
        if values:
            fix_row(target, preparer, **values)
    assert plan_blockers(plan_snapshot(year)) == []


@pytest.fixture
def year_2027(year_2026, pep):
    """A year with no signed PK: the Kasubag PEP opens 2027, copies 2026's plan into it and
    prepares its PK drafts."""
    year = svc.year_open(person=pep, year=2027)
    svc.plan_copy(year=year, person=pep)
    svc.perjanjian_prepare(year=year, person=pep)
    return Year.objects.select_related("office__kabupaten").get(pk=year.pk)


@pytest.fixture
def complete_2026(year_2026, pep):
    complete_plan(year_2026, pep)
    return year_2026
