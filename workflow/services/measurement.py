"""The quarter's measurement (TW I–IV): the Sekcam opens it once the quarter has ended,
each unit fills its rows for the quarter on the same nine-column page as the year's
collection, the Sekcam accepts or returns each unit (the same transitions as step 5) and
the quarter closes with the last acceptance. The measurement meeting and its follow-ups
are recorded here too."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sakip.models import Indikator, Person, PlanRow, Unit, Year
from workflow.measurement import measured_quarters, quarter_end, quarter_ended
from workflow.models import ROMAN, FollowUp, Meeting, MeetingKind, Report, ReportState
from workflow.permissions import may_measure
from workflow.services import records
from workflow.services.core import (
    TransitionDenied,
    TransitionRefused,
    WorkflowError,
    contention_as_stale,
)
from workflow.services.procedure.collection import measurement_close
from workflow.services.procedure.ordering import agreement_rows, distribute_rows

__all__ = ["measurement_close"]

S = ReportState


def _check_measurer(person: Person, report: Report) -> None:
    if person.office_id != report.office_id:
        raise TransitionDenied(_("Anda tidak berwenang: pengukuran ini milik kantor lain."))
    if not may_measure(person, report):
        raise TransitionDenied(
            _(
                "Pengukuran kinerja triwulan dibuka, dievaluasi dan dicatat rapatnya oleh "
                "pelaksana langkah 5 (Sekretaris Camat)."
            )
        )


def measurement_open(
    *, person: Person, year: Year, quarter: int, today: dt.date | None = None
) -> Report:
    """Open TW `quarter` of `year`: one submission per responsible unit, its rows from the
    signed PK in force, each with the quarter's target and the earlier quarters'
    realisations. Refused before the quarter has ended, while an earlier quarter is still
    being measured, and twice."""
    today = today or timezone.localdate()
    if quarter not in ROMAN:
        raise TransitionRefused(_("Triwulan harus I, II, III atau IV."))
    label = ROMAN[quarter]
    with contention_as_stale(), transaction.atomic():
        if year.office_id != person.office_id:
            raise TransitionDenied(_("Tahun ini bukan milik kantor Anda."))
        probe = Report(office=person.office, year=year, period=quarter)
        _check_measurer(person, probe)
        if not quarter_ended(year.year, quarter, today):
            raise TransitionRefused(
                _("TW %(tw)s %(year)s belum berakhir: pengukurannya dapat dibuka setelah %(end)s.")
                % {"tw": label, "year": year.year, "end": quarter_end(year.year, quarter)}
            )
        still_open = Report.objects.filter(
            office_id=year.office_id, year=year, period__gt=0, period__lt=quarter
        ).exclude(state=S.MEASURED)
        if still_open.exists():
            raise TransitionRefused(
                _("Tutup dulu pengukuran TW %(tw)s sebelum membuka TW %(next)s.")
                % {"tw": ROMAN[still_open.order_by("period")[0].period], "next": label}
            )
        try:
            with transaction.atomic():
                report = Report.objects.create(
                    office=person.office,
                    year=year,
                    period=quarter,
                    state=S.MEASURING,
                    created_by=person,
                )
        except IntegrityError:
            raise TransitionRefused(
                _("Pengukuran TW %(tw)s %(year)s sudah dibuka.") % {"tw": label, "year": year.year}
            ) from None
        rows = agreement_rows(report)
        earlier = measured_quarters(year.office_id, year.pk, before=quarter)

        def prefill(row: PlanRow) -> None:
            row.quarter_target = getattr(row.target, f"tw{quarter}")
            values = earlier.get(row.indikator_id, [None] * 4)[: quarter - 1]
            row.earlier = [None if v is None else str(v) for v in values]

        distribute_rows(report, rows, prefill=prefill)
        records.audit(report, "sakip.measurement.opened", person, quarter=quarter)
        for sub in report.submissions.all():
            records.start_step(report, 3, submission=sub, round=1)
    return report


MEETING_FIELDS = ("date", "start_time", "place", "agenda", "decisions", "other_attendees")


def meeting_record(*, report: Report, person: Person, data: dict, invitees, attendees) -> Meeting:
    """The quarter's measurement meeting: date, place, invitees, who attended, the Camat's
    directions (`decisions`). Recorded again to correct it."""
    if not report.is_quarter:
        raise TransitionRefused(_("Rapat pengukuran hanya untuk pengukuran triwulan."))
    _check_measurer(person, report)
    fields = {k: data.get(k) for k in MEETING_FIELDS if k in data}
    with contention_as_stale(), transaction.atomic():
        meeting, created = Meeting.objects.update_or_create(
            report=report, kind=MeetingKind.MEASUREMENT, defaults=fields
        )
        meeting.invitees.set(invitees)
        meeting.attendees.set(attendees)
        records.audit(
            report,
            "sakip.measurement.meeting",
            person,
            created=created,
            date=str(meeting.date),
            attendees=len(list(attendees)),
        )
    return meeting


def follow_up_add(
    *,
    report: Report,
    person: Person,
    indikator: Indikator,
    action: str,
    unit: Unit,
    due_date: dt.date,
) -> FollowUp:
    """A follow-up the meeting decided for one indicator: what, which unit, by when."""
    if not report.is_quarter:
        raise TransitionRefused(_("Tindak lanjut dicatat pada pengukuran triwulan."))
    _check_measurer(person, report)
    action = (action or "").strip()
    if not action:
        raise WorkflowError(_("Isi tindak lanjutnya."))
    if indikator.office_id != report.office_id or unit.office_id != report.office_id:
        raise TransitionDenied(_("Indikator dan unit harus dari kantor ini."))
    with contention_as_stale(), transaction.atomic():
        follow_up = FollowUp.objects.create(
            report=report,
            indikator=indikator,
            action=action,
            unit=unit,
            due_date=due_date,
            created_by=person,
        )
        records.audit(
            report,
            "sakip.measurement.follow_up",
            person,
            follow_up=follow_up.pk,
            indikator=indikator.pk,
            unit=unit.name,
            due=str(due_date),
        )
    return follow_up


def may_finish_follow_up(person: Person | None, follow_up: FollowUp) -> bool:
    """The head of the responsible unit, or whoever records the measurement."""
    if person is None or person.office_id != follow_up.report.office_id:
        return False
    if person.heads_unit and person.unit_id == follow_up.unit_id:
        return True
    return may_measure(person, follow_up.report)


def follow_up_done(*, follow_up: FollowUp, person: Person, note: str = "") -> FollowUp:
    if not may_finish_follow_up(person, follow_up):
        raise TransitionDenied(
            _("Tindak lanjut ini diselesaikan oleh kepala %(unit)s atau Sekretaris Camat.")
            % {"unit": follow_up.unit.name}
        )
    with contention_as_stale(), transaction.atomic():
        locked = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
        if locked.done_at is not None:
            raise TransitionRefused(_("Tindak lanjut ini sudah ditandai selesai."))
        locked.done_at = timezone.now()
        locked.done_by = person
        locked.done_note = (note or "").strip()
        locked.save(update_fields=["done_at", "done_by", "done_note"])
        records.audit(
            follow_up.report, "sakip.measurement.follow_up_done", person, follow_up=locked.pk
        )
    return locked
