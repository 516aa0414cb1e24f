"""The quarter's machine: opened by the Sekcam after the quarter ends, filled by each unit
on the same nine-column rows, accepted or returned per unit, closed with the last unit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from sakip.capaian import capaian_for_row
from sakip.models import PlanRow
from tests.procedure import fill, head_of, person
from workflow.models import Period, ReportState, SubmissionState
from workflow.services.core import TransitionDenied, TransitionRefused
from workflow.services.procedure import submission_return, submission_submit

S, SS = ReportState, SubmissionState


def test_a_quarter_opens_with_each_units_rows_prefilled_from_the_signed_pk(quarters):
    report = quarters.open(1)
    assert report.period == Period.TW1 and report.state == S.MEASURING
    assert str(report) == "Pengukuran TW I 2025 Mungka"
    subs = list(report.submissions.select_related("unit"))
    assert len(subs) >= 2
    for sub in subs:
        for row in sub.rows.select_related("target"):
            assert row.quarter == 1
            assert row.quarter_target == row.target.tw1
            assert row.earlier == []


def test_a_future_quarter_is_refused_with_its_end_date(quarters):
    with pytest.raises(TransitionRefused, match="TW IV 2025 belum berakhir.*2025-12-31"):
        quarters.open(4, today=dt.date(2025, 12, 31))


def test_a_quarter_opens_once(quarters):
    quarters.open(1)
    with pytest.raises(TransitionRefused, match="sudah dibuka"):
        quarters.open(1)


def test_the_next_quarter_waits_for_the_open_one_to_close(quarters):
    quarters.open(1)
    with pytest.raises(TransitionRefused, match="Tutup dulu pengukuran TW I"):
        quarters.open(2)


@pytest.mark.parametrize("who", ["kasi-pemerintahan", "camat", "jf", "admin", "harau-sekcam"])
def test_only_the_sekcam_of_the_office_opens_a_quarter(quarters, who):
    from workflow.services.measurement import measurement_open

    with pytest.raises(TransitionDenied):
        measurement_open(
            person=person(who), year=quarters.year, quarter=1, today=dt.date(2026, 1, 2)
        )


def test_the_quarter_closes_with_its_last_unit_accepted_and_earlier_values_carry(quarters):
    first = quarters.measured(1)
    assert first.state == S.MEASURED and first.is_closed
    second = quarters.open(2)
    row = second.submissions.first().rows.select_related("indikator", "target").first()
    earlier_row = first.submissions.get(unit=row.unit).rows.get(indikator=row.indikator)
    assert row.earlier == [str(earlier_row.realisasi)]
    assert row.quarter_target == row.target.tw2


def test_a_returned_unit_sends_again_and_the_others_keep_their_state(quarters):
    report = quarters.open(1)
    subs = list(report.submissions.all())
    for sub in subs:
        fill(sub)
        submission_submit(submission=sub, person=head_of(sub))
    first, *others = subs
    row = first.rows.first()
    submission_return(
        submission=first,
        person=quarters.sekcam,
        reason="Bukti kurang",
        row_notes={row.pk: "Lampirkan SK"},
    )
    first.refresh_from_db()
    assert first.state == SS.RETURNED and first.round == 2
    assert all(type(s).objects.get(pk=s.pk).state == SS.SUBMITTED for s in others)
    assert type(report).objects.get(pk=report.pk).state == S.MEASURING


def test_capaian_of_a_cumulative_row_counts_the_earlier_quarters(quarters):
    quarters.measured(1)
    second = quarters.open(2)
    row = next(
        r
        for r in PlanRow.objects.filter(submission__report=second).select_related(
            "indikator", "target"
        )
        if r.indikator.aggregation == "kumulatif" and r.quarter_target
    )
    row.realisasi = Decimal(row.earlier[0]) if row.earlier[0] else Decimal(1)
    expected_to_date = Decimal(row.earlier[0] or 0) + row.realisasi
    result = capaian_for_row(row)
    assert result.percent == pytest.approx(expected_to_date / row.quarter_target * 100)


def test_progress_of_a_range_indicator_counts_inside_the_range_as_met(quarters):
    from sakip.models import TargetKind
    from workflow.measurement import course

    target = (
        quarters.year.targets.select_related("indikator")
        .filter(indikator__target_kind=TargetKind.RANGE)
        .first()
    )
    inside = (target.value + target.value_max) / 2
    result = course(target, [None, None, None, inside])
    assert result.progress.percent == 100


def test_a_percentage_is_never_projected_above_a_hundred(quarters):
    from sakip.models import Aggregation, TargetKind
    from workflow.measurement import course

    target = (
        quarters.year.targets.select_related("indikator")
        .filter(indikator__target_kind=TargetKind.PERCENT, indikator__aggregation=Aggregation.LAST)
        .first()
    )
    result = course(target, [Decimal(96), Decimal(98), Decimal(99.5), None])
    assert result.projection == 100


def test_a_closed_quarter_takes_no_more_changes(quarters):
    from workflow.services.rows import row_update

    report = quarters.measured(1)
    sub = report.submissions.first()
    row = sub.rows.first()
    with pytest.raises(TransitionRefused, match="tidak dapat diubah lagi"):
        row_update(row=row, person=head_of(sub), values={"keterangan": "x"}, version=row.version)
    with pytest.raises(TransitionRefused):
        submission_return(submission=sub, person=quarters.sekcam, reason="Terlambat")


def test_another_units_head_may_not_fill_or_read_a_quarters_rows(client_for, quarters, other_kasi):
    from django.urls import reverse

    from workflow.services.rows import row_update

    report = quarters.open(1)
    sub = report.submissions.exclude(unit=other_kasi.person.unit).first()
    row = sub.rows.first()
    with pytest.raises(TransitionDenied):
        row_update(row=row, person=other_kasi.person, values={"keterangan": "x"}, version=1)
    page = client_for(other_kasi).get(reverse("entry:submission", args=[report.pk, sub.pk]))
    assert page.status_code == 403


def test_a_lower_is_better_count_shows_no_progress_before_the_year_is_out(quarters):
    """Cases counted against a yearly ceiling: 12 of at most 16 by TW III is not "125 %"
    of the target; the projection tells how the year goes."""
    from sakip.models import Aggregation, Polarity
    from workflow.measurement import course

    target = (
        quarters.year.targets.select_related("indikator")
        .filter(indikator__polarity=Polarity.LOWER, indikator__aggregation=Aggregation.CUMULATIVE)
        .first()
    )
    running = course(target, [Decimal(4), Decimal(4), Decimal(4), None])
    assert running.progress.percent is None
    assert running.projection == 16
    assert running.projected.percent is not None
    finished = course(target, [Decimal(4), Decimal(4), Decimal(4), Decimal(4)])
    assert finished.progress.percent is not None
