"""Step 2 of the year's LAKIP starts each row's realisation from the quarters measured, by
the indicator's rule, marked "dari TW …" until the unit head confirms it."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from sakip.models import Aggregation, PlanRow, TargetKind
from sakip.rules import row_blockers
from tests.procedure import head_of, start_collecting
from workflow.measurement import measured_quarters
from workflow.services.rows import row_update


def _annual_rows(report):
    return PlanRow.objects.filter(submission__report=report).select_related("indikator", "target")


def test_the_years_rows_start_from_the_four_quarters_by_each_rule(quarters):
    for q in (1, 2, 3, 4):
        quarters.measured(q)
    values = measured_quarters(quarters.year.office_id, quarters.year.pk)
    report = start_collecting()
    rows = [r for r in _annual_rows(report) if r.indikator.target_kind != TargetKind.TEXT]
    assert rows
    seen = set()
    for row in rows:
        v = values[row.indikator_id]
        rule = row.indikator.aggregation
        expected = {
            Aggregation.CUMULATIVE: sum(v, Decimal(0)),
            Aggregation.LAST: v[3],
            Aggregation.AVERAGE: sum(v, Decimal(0)) / 4,
        }[rule]
        assert row.realisasi == expected.quantize(Decimal("0.0001"))
        assert row.from_quarter == 4
        seen.add(rule)
    assert {Aggregation.CUMULATIVE, Aggregation.LAST} <= seen


def test_a_row_whose_quarters_were_never_measured_starts_empty(quarters, demo):
    report = start_collecting()
    assert all(r.realisasi is None and r.from_quarter == 0 for r in _annual_rows(report))


def test_the_unit_head_confirms_the_prefilled_figure_by_saving_it(quarters, client_for, kasi):
    quarters.measured(1)
    quarters.measured(2)
    report = start_collecting()
    sub = report.submissions.get(unit=kasi.person.unit)
    row = next(r for r in _annual_rows(report).filter(submission=sub) if r.from_quarter)
    assert row.from_quarter == 2
    assert any("belum dikonfirmasi" in p for p in row_blockers(row))
    page = client_for(kasi).get(reverse("entry:submission", args=[report.pk, sub.pk]))
    assert "dari TW II" in page.content.decode()
    row_update(
        row=row,
        person=head_of(sub),
        values={"realisasi": row.realisasi, "sumber_data": "Register"},
        version=row.version,
    )
    row.refresh_from_db()
    assert row.from_quarter == 0
    assert not any("belum dikonfirmasi" in p for p in row_blockers(row))
