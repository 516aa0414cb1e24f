"""A new user of `make run` finds Mungka's quarters measured: every quarter of 2025 and the
first three of 2026, each opened after the quarter ended, filled, accepted (one unit returned
once), with its measurement meeting and follow-ups, one still open; TW IV 2026 has not ended
and stays unopened. 2025's annual report starts from the quarters."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from sakip.models import Person, PlanRow, Role, Year
from tests.procedure import Procedure
from workflow.measurement import open_follow_ups, quarter_end, quarter_reports
from workflow.models import (
    FollowUp,
    Meeting,
    MeetingKind,
    PerjanjianKinerja,
    PerjanjianState,
    ReportState,
    RevisionRequest,
    SubmissionState,
)
from workflow.services.core import TransitionRefused
from workflow.services.measurement import measurement_open

S = ReportState
PRODUK = "Jumlah produk hukum nagari yang difasilitasi"  # cumulative
PATEN = "Persentase layanan PATEN yang selesai tepat waktu"  # last value
PMKS = "Ketersediaan data PMKS yang mutakhir"  # text


def _quarters(mungka, year: int) -> dict:
    return quarter_reports(mungka.pk, Year.objects.get(office=mungka, year=year).pk)


def _local(moment) -> dt.date:
    return timezone.localtime(moment).date()


def test_2025_was_measured_in_four_closed_quarters_each_after_it_ended(mungka):
    reports = _quarters(mungka, 2025)
    assert sorted(reports) == [1, 2, 3, 4]
    for quarter, report in reports.items():
        assert report.state == S.MEASURED and report.is_closed
        assert set(report.submissions.values_list("state", flat=True)) == {SubmissionState.ACCEPTED}
        ended = quarter_end(2025, quarter)
        assert ended < _local(report.created_at) <= ended + dt.timedelta(days=14)
        # Every row sent is filled, with evidence unless measured once a year.
        for row in PlanRow.objects.filter(submission__report=report).prefetch_related("evidence"):
            assert row.quarter == quarter
            assert row.belum_berjalan or list(row.evidence.all())
            assert row.belum_berjalan or row.realisasi is not None or row.realisasi_text


def test_one_unit_was_returned_once_and_sent_again(mungka):
    returned = RevisionRequest.objects.get(report__office=mungka, report__period__gt=0)
    assert returned.report.year.year == 2025 and returned.report.period == 2
    assert returned.reason
    assert returned.items.filter(row__isnull=False, note__gt="").exists()
    submission = returned.submission
    assert submission.round == 2 and submission.state == SubmissionState.ACCEPTED
    row = submission.rows.get(indikator__name="Rata-rata waktu penyelesaian layanan administrasi")
    assert row.realisasi == Decimal("2.1") and row.evidence.count() == 2


def test_each_quarter_has_its_meeting_with_invitees_attendees_and_directions(mungka):
    camat = Person.objects.get(office=mungka, role=Role.CAMAT)
    heads = set(Person.objects.filter(office=mungka, role=Role.KASI, heads_unit=True))
    staff = set(Person.objects.filter(office=mungka, role__in=[Role.SEKCAM, Role.JF]))
    reports = {**_quarters(mungka, 2025), **{10 + q: r for q, r in _quarters(mungka, 2026).items()}}
    assert len(reports) == 7
    for report in reports.values():
        meeting = Meeting.objects.get(report=report, kind=MeetingKind.MEASUREMENT)
        invited = set(meeting.invitees.all())
        attended = set(meeting.attendees.all())
        assert {camat, *heads, *staff} <= invited
        assert attended <= invited and len(attended) >= len(invited) - 2
        assert camat in attended
        assert meeting.place == "Aula Kantor Camat Mungka"
        assert meeting.decisions.startswith("1. ")
        ended = quarter_end(report.year.year, report.period)
        assert ended + dt.timedelta(days=7) <= meeting.date <= ended + dt.timedelta(days=21)


def test_follow_ups_were_finished_by_their_units_but_one(mungka):
    year_2025 = Year.objects.get(office=mungka, year=2025)
    follow_ups = FollowUp.objects.filter(report__office=mungka)
    assert follow_ups.filter(report__year=year_2025).count() >= 8
    still_open = follow_ups.get(done_at__isnull=True)
    assert list(open_follow_ups(mungka.pk, year_2025.pk)) == [still_open]
    assert still_open.report.period == 4 and still_open.due_date < dt.date(2026, 12, 2)
    for done in follow_ups.filter(done_at__isnull=False).select_related("report"):
        assert done.done_by.unit_id == done.unit_id and done.done_note
        assert done.created_at < done.done_at
        assert _local(done.done_at) <= done.due_date


def test_2026_has_three_quarters_and_tw_iv_is_not_opened(mungka):
    reports = _quarters(mungka, 2026)
    assert sorted(reports) == [1, 2, 3]
    assert {r.state for r in reports.values()} == {S.MEASURED}
    year = Year.objects.get(office=mungka, year=2026)
    with pytest.raises(TransitionRefused, match="TW IV 2026 belum berakhir"):
        measurement_open(
            person=Person.objects.get(office=mungka, role=Role.SEKCAM),
            year=year,
            quarter=4,
            today=dt.date(2026, 12, 2),
        )


def test_2026_was_agreed_in_january_and_its_pk_perubahan_is_being_prepared(mungka):
    pks = PerjanjianKinerja.objects.filter(year__office=mungka, year__year=2026)
    office = pks.filter(unit__isnull=True).order_by("version")
    assert [(p.version, p.state) for p in office] == [
        (1, PerjanjianState.SIGNED),
        (2, PerjanjianState.DRAFT),
    ]
    assert office[0].dated == dt.date(2026, 1, 6) and office[1].reason
    assert set(pks.filter(unit__isnull=False).values_list("state", flat=True)) == {
        PerjanjianState.SIGNED
    }


def test_the_2025_annual_rows_start_from_the_quarters(demo):
    report = Procedure("Mungka", 2025).to(S.COLLECTING)
    rows = {r.indikator.name: r for r in PlanRow.objects.filter(submission__report=report)}
    # Cumulative: the four quarters added up (3 + 4 + 5 + 4).
    assert (rows[PRODUK].from_quarter, rows[PRODUK].realisasi) == (4, Decimal(16))
    # Last value: TW IV's figure.
    assert (rows[PATEN].from_quarter, rows[PATEN].realisasi) == (4, Decimal("95.4"))
    # A text indicator is confirmed by its Kasi, not prefilled.
    assert rows[PMKS].from_quarter == 0 and not rows[PMKS].realisasi_text


@pytest.mark.django_db(transaction=True)
def test_the_quarters_survive_the_tests_demo_dump(demo):
    """tests/conftest.py reloads the demo from its dump after a transactional test."""
    from tests.conftest import _ensure_demo

    def state():
        meetings = Meeting.objects.filter(kind=MeetingKind.MEASUREMENT)
        return (
            sorted(FollowUp.objects.values_list("action", "done_at", "done_by__nip")),
            sorted(meetings.values_list("date", "invitees__nip")),
            sorted(meetings.values_list("date", "attendees__nip")),
            RevisionRequest.objects.filter(report__period__gt=0).count(),
        )

    before = state()
    assert before[0] and before[1]
    call_command("flush", interactive=False, verbosity=0)
    _ensure_demo()
    assert state() == before
