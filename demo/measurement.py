"""Mungka's quarterly measurement (Pengukuran Kinerja Triwulan) through the real services, as
the office ran it: every quarter of 2025 and the first three of 2026. A few days after each
quarter ends the Sekcam opens it; each unit head fills the unit's rows with evidence and
sends them; the Sekcam accepts every unit (in TW II 2025 one unit is returned once with a
note on a row, corrected and sent again), and the last acceptance closes the quarter. A week
or two after the quarter the measurement meeting records who was invited and who came, the
Camat's directions and the follow-ups, which the unit heads mark done later on; one is still
open. TW IV 2026 has not ended on the demo's today (December 2026) and stays unopened.

Everything is dated with the demo's clock (`demo.history.office_clock`), and each quarter is
run only if it has not been opened yet, so building the demo twice changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from demo import data
from demo.history import WIB, OfficeClock, evidence_pdf, office_clock, unit_head
from sakip.models import Indikator, Office, Person, PlanRow, Role, TargetKind, Year
from workflow.models import ROMAN, FollowUp, Report, Submission
from workflow.services import procedure as svc
from workflow.services.measurement import (
    follow_up_add,
    follow_up_done,
    measurement_open,
    meeting_record,
)
from workflow.services.rows import evidence_add, row_update


def measure(office: Office) -> None:
    """The quarters of `data.QUARTER_DAYS` in the order they happened; each follow-up is
    marked done on its day, before whatever happened after it."""
    sekcam = Person.objects.get(office=office, role=Role.SEKCAM)
    indikator = {i.name: i for i in Indikator.objects.filter(office=office)}
    pending: list[tuple[dt.date, FollowUp, str]] = []
    start = dt.datetime(2025, 4, 1, 8, 0, tzinfo=WIB)
    with office_clock(start) as clock:
        for (year_number, quarter), (opened, met_on) in sorted(data.QUARTER_DAYS.items()):
            year = Year.objects.get(office=office, year=year_number)
            if Report.objects.filter(office=office, year=year, period=quarter).exists():
                continue
            opened = dt.date.fromisoformat(opened)
            _finish(pending, before=opened, clock=clock)
            report = _collect(year, quarter, sekcam, opened, clock)
            pending += _meeting(
                report, sekcam, indikator, dt.date.fromisoformat(met_on), clock=clock
            )
        _finish(pending, before=dt.date.max, clock=clock)


def _workdays(day: dt.date, n: int) -> dt.date:
    """`n` working days (Monday to Friday) after `day`."""
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def _values(row: PlanRow, value) -> dict:
    if value is None:
        return {"belum_berjalan": True, "belum_berjalan_reason": data.ANNUAL_ONLY}
    if row.indikator.target_kind == TargetKind.TEXT or isinstance(value, str):
        return {"realisasi_text": str(value)}
    return {"realisasi": Decimal(str(value))}


def _fill(submission: Submission, figures: dict, label: str, clock: OfficeClock) -> None:
    """The unit head fills every row of the quarter with a sumber data and one evidence file,
    then sends the unit's rows."""
    head = unit_head(submission)
    content = evidence_pdf(f"Bukti dukung pengukuran kinerja {label}", submission.unit.name)
    for row in submission.rows.select_related("indikator").order_by("number"):
        values = _values(row, figures[row.indikator.name])
        values["sumber_data"] = row.sumber_data or row.indikator.sumber_data
        values["keterangan"] = "-"
        row_update(row=row, person=head, values=values, version=row.version)
        if not values.get("belum_berjalan"):
            upload = SimpleUploadedFile(
                f"bukti-{label.lower().replace(' ', '-')}-{row.number}.pdf",
                content,
                content_type="application/pdf",
            )
            evidence_add(row=row, person=head, upload=upload)
        clock.later(9)
    svc.submission_submit(submission=submission, person=head)


def _collect(
    year: Year, quarter: int, sekcam: Person, opened: dt.date, clock: OfficeClock
) -> Report:
    """Open the quarter, let each unit fill and send (one unit returned once where
    `data.QUARTER_RETURN` says so), and accept them all: the quarter closes."""
    label = f"TW {ROMAN[quarter]} {year.year}"
    clock.at(opened, 8, 30)
    report = measurement_open(person=sekcam, year=year, quarter=quarter, today=opened)
    quarter_figures = {
        name: values[quarter - 1] for name, values in data.QUARTER_VALUES[year.year].items()
    }
    redo = data.QUARTER_RETURN if data.QUARTER_RETURN["quarter"] == (year.year, quarter) else None
    submissions = list(report.submissions.select_related("unit").order_by("unit__order"))
    for n, submission in enumerate(submissions):
        clock.at(_workdays(opened, n % 3), 9 + n)
        figures = dict(quarter_figures)
        if redo and redo["indikator"] in _names(submission):
            figures[redo["indikator"]] = redo["first"]
        _fill(submission, figures, label, clock)
    clock.at(_workdays(opened, 3), 9)
    returned = None
    for submission in submissions:
        submission = Submission.objects.get(pk=submission.pk)
        if redo and redo["indikator"] in _names(submission):
            returned = submission
            row = submission.rows.get(indikator__name=redo["indikator"])
            svc.submission_return(
                submission=submission,
                person=sekcam,
                reason=redo["reason"],
                row_notes={row.pk: redo["note"]},
            )
        else:
            svc.submission_accept(submission=submission, person=sekcam)
        clock.later(15)
    if returned is not None:
        _correct(returned, redo, quarter_figures, label, clock)
        clock.at(_workdays(opened, 5), 9)
        svc.submission_accept(submission=Submission.objects.get(pk=returned.pk), person=sekcam)
    return Report.objects.get(pk=report.pk)


def _names(submission: Submission) -> set[str]:
    return set(submission.rows.values_list("indikator__name", flat=True))


def _correct(
    submission: Submission, redo: dict, figures: dict, label: str, clock: OfficeClock
) -> None:
    """The unit head recounts the returned row, attaches the recount and sends again."""
    clock.at(_workdays(clock.now.date(), 1), 10)
    head = unit_head(submission)
    row = submission.rows.get(indikator__name=redo["indikator"])
    row_update(
        row=row,
        person=head,
        values={
            "realisasi": Decimal(str(figures[redo["indikator"]])),
            "keterangan": redo["fixed"],
        },
        version=row.version,
    )
    upload = SimpleUploadedFile(
        f"rekapitulasi-register-{label.lower().replace(' ', '-')}.pdf",
        evidence_pdf(f"Rekapitulasi buku register {label}", submission.unit.name),
        content_type="application/pdf",
    )
    evidence_add(row=row, person=head, upload=upload)
    svc.submission_submit(submission=Submission.objects.get(pk=submission.pk), person=head)


def _meeting(
    report: Report, sekcam: Person, indikator: dict, day: dt.date, *, clock: OfficeClock
) -> list[tuple[dt.date, FollowUp, str]]:
    """The quarter's measurement meeting and the follow-ups it decided; returns those to be
    marked done later, with their day and note."""
    key = (report.year.year, report.period)
    clock.at(day, 9)
    invited = list(
        Person.objects.filter(office=report.office)
        .exclude(role=Role.ADMIN)
        .select_related("user")
        .order_by("pk")
    )
    absent = set(data.MEETING_ABSENT.get(key, []))
    meeting_record(
        report=report,
        person=sekcam,
        data={
            "date": day,
            "start_time": dt.time(9, 0),
            "place": data.MEETING_PLACE,
            "agenda": f"Pengukuran kinerja triwulan {ROMAN[report.period]} tahun {key[0]}",
            "decisions": data.MEETING_DIRECTIONS[key],
        },
        invitees=invited,
        attendees=[p for p in invited if p.user.username not in absent],
    )
    clock.later(150)
    later = []
    for name, action, due, done in data.FOLLOW_UPS.get(key, []):
        ind = indikator[name]
        follow_up = follow_up_add(
            report=report,
            person=sekcam,
            indikator=ind,
            action=action,
            unit=ind.unit,
            due_date=dt.date.fromisoformat(due),
        )
        clock.later(5)
        if done is not None:
            later.append((dt.date.fromisoformat(done[0]), follow_up, done[1]))
    return later


def _finish(pending: list, *, before: dt.date, clock: OfficeClock) -> None:
    """The unit heads mark done the follow-ups finished before `before`, in date order."""
    due = sorted((p for p in pending if p[0] < before), key=lambda p: (p[0], p[1].pk))
    for day, follow_up, note in due:
        clock.at(day, 14)
        head = Person.objects.get(unit_id=follow_up.unit_id, heads_unit=True, role=Role.KASI)
        follow_up_done(follow_up=follow_up, person=head, note=note)
        pending.remove((day, follow_up, note))
