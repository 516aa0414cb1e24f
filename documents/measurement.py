"""What the quarter's measurement documents print (the invitation, the attendance list, the
minutes and the Laporan Pengukuran Kinerja Triwulan), gathered from one quarter `Report`.

The meeting may not be recorded yet: the documents then print dotted blanks for its date and
place and list the office's people as the invitees, so the Sekcam can print the invitation
and the attendance list before the meeting. The figures (every unit's rows, each
indicator's course through the year) are read only for the report, in a fixed number of
queries whatever the number of rows."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from documents.nine_columns import (
    number_display,
    realisasi_display,
    target_display,
    year_target_display,
)
from documents.selectors.shared import ACTOR_ORDER, _report_head, person_data, signatory
from sakip.capaian import capaian_for_row, row_to_date
from sakip.letter_pattern import render_letter_number
from sakip.models import Person, PlanRow, Role, TargetKind
from sakip.numbers import format_id_decimal
from workflow.measurement import indicator_courses, open_follow_ups, quarter_end
from workflow.models import ROMAN, FollowUp, Meeting, MeetingKind, Report

# The roles asked to the measurement meeting when none were recorded as invited.
INVITED_ROLES = (Role.CAMAT, Role.SEKCAM, Role.KASI, Role.JF)


def measurement_data(report: Report, *, figures: bool = True) -> dict:
    """Everything the quarter's documents print; `figures` adds every unit's rows, each
    indicator's course through the year and the chart's bars (the measurement report)."""
    data = {**quarter_head(report), **meeting_part(report)}
    data["follow_ups"] = follow_ups_part(report)
    if figures:
        bands = report.year.bands
        data["rows"] = rows_part(report, bands)
        data["courses"] = courses_part(report, bands)
    return data


def quarter_head(report: Report) -> dict:
    year, quarter = report.year.year, report.period
    roman = ROMAN[quarter]
    return {
        **_report_head(report),
        "quarter": quarter,
        "roman": roman,
        "tw": f"TW {roman}",
        "period_label": f"Triwulan {roman} Tahun {year}",
        "start": dt.date(year, 3 * quarter - 2, 1),
        "end": quarter_end(year, quarter),
        "closed": report.is_closed,
    }


# ---- The meeting --------------------------------------------------------------------------


def _rank(person: Person) -> tuple:
    order = {r: i for i, r in enumerate(ACTOR_ORDER)}
    unit = person.unit.order if person.unit_id else 0
    return (order.get(person.role, 9), 0 if person.heads_unit else 1, unit, person.full_name)


def _people(people) -> list[Person]:
    return sorted(people, key=_rank)


def _other_lines(text: str) -> list[dict]:
    out = []
    for line in text.splitlines():
        if line.strip():
            name, _sep, jabatan = line.partition(";")
            out.append({"name": name.strip(), "jabatan": jabatan.strip(), "attended": True})
    return out


def meeting_part(report: Report) -> dict:
    meeting = (
        Meeting.objects.filter(report=report, kind=MeetingKind.MEASUREMENT)
        .select_related("chaired_by")
        .prefetch_related("invitees__unit", "attendees__unit")
        .first()
    )
    office = report.office
    opened = timezone.localdate(report.created_at) if report.created_at else None
    # The invitation is dated the day the quarter was opened (never after the meeting).
    letter_date = opened or (meeting.date if meeting else None)
    if meeting is not None and letter_date and meeting.date < letter_date:
        letter_date = meeting.date
    on = meeting.date if meeting else (letter_date or quarter_end(report.year.year, 4))
    attendees = _people(meeting.attendees.all()) if meeting else []
    invited = _people(meeting.invitees.all()) if meeting else []
    if not invited:
        invited = _people(
            Person.objects.filter(
                office=office, role__in=INVITED_ROLES, user__is_active=True
            ).select_related("unit")
        )
    present = {p.pk for p in attendees}
    invited_pks = {p.pk for p in invited}
    listed = invited + [p for p in attendees if p.pk not in invited_pks]
    participants = [
        {"name": p.full_name, "jabatan": p.jabatan, "attended": p.pk in present} for p in listed
    ]
    others = _other_lines(meeting.other_attendees) if meeting else []
    camat = signatory(office, Role.CAMAT, on)
    chair = person_data(meeting.chaired_by) if meeting and meeting.chaired_by else camat
    return {
        "meeting": _meeting_fields(meeting),
        "letter_date": letter_date,
        "letter_number": render_letter_number(
            office.letter_pattern,
            classification=office.letter_classification,
            code=office.letter_code,
            sequence="\u2026\u2026",
            date=letter_date or on,
        ),
        "invitees": [{"name": p.full_name, "jabatan": p.jabatan} for p in invited],
        "participants": participants + others,
        "attendee_count": len(attendees) + len(others),
        "chair": chair,
        "secretary": signatory(office, Role.SEKCAM, on),
        "signer": _letter_signer(camat, office, on),
        "camat": camat,
    }


def _meeting_fields(meeting: Meeting | None) -> dict | None:
    if meeting is None:
        return None
    return {
        "date": meeting.date,
        "start_time": meeting.start_time,
        "place": meeting.place,
        "agenda": meeting.agenda,
        "decisions": meeting.decisions,
    }


def _letter_signer(camat: dict, office, on: dt.date) -> dict:
    """The Camat signs the invitation; while the post is vacant the Sekretaris Camat signs
    it on the Camat's behalf (a.n.)."""
    if camat["name"]:
        return {**camat, "title": f"Camat {office.name}", "on_behalf": ""}
    sekcam = signatory(office, Role.SEKCAM, on)
    return {**sekcam, "title": _("Sekretaris Camat"), "on_behalf": f"Camat {office.name}"}


# ---- Follow-ups ---------------------------------------------------------------------------


def _follow_up(f: FollowUp, *, carried: bool) -> dict:
    return {
        "indikator": f.indikator.name,
        "action": f.action,
        "unit": f.unit.name,
        "due_date": f.due_date,
        "open": f.done_at is None,
        "done_on": timezone.localdate(f.done_at) if f.done_at else None,
        "done_note": f.done_note,
        "from": f"TW {ROMAN.get(f.report.period, '')}" if carried else "",
    }


def follow_ups_part(report: Report) -> list[dict]:
    """This quarter's follow-ups, then those still open from the year's earlier quarters."""
    own = (
        FollowUp.objects.filter(report=report)
        .select_related("indikator", "unit", "report")
        .order_by("due_date", "pk")
    )
    earlier = open_follow_ups(report.office_id, report.year_id, before=report.period)
    return [_follow_up(f, carried=False) for f in own] + [
        _follow_up(f, carried=True) for f in earlier
    ]


# ---- The figures --------------------------------------------------------------------------


def rows_part(report: Report, bands) -> list[dict]:
    """The quarter's rows of every unit, in the nine columns: the quarter's target (the
    year's beside it), the quarter's realisation and the figure to date, capaian and band."""
    rows = (
        PlanRow.objects.filter(submission__report=report)
        .select_related("indikator__sasaran", "target", "unit")
        .order_by("number", "pk")
    )
    out = []
    for row in rows:
        cap = capaian_for_row(row, bands=bands)
        text = row.indikator.target_kind == TargetKind.TEXT
        so_far = None if text or row.belum_berjalan else row_to_date(row)
        out.append(
            {
                "number": row.number,
                "sasaran": row.indikator.sasaran.name,
                "indikator": row.indikator.name,
                "target": target_display(row) or "-",
                "year_target": year_target_display(row),
                "realisasi": "" if row.belum_berjalan else realisasi_display(row),
                "to_date": number_display(so_far, row),
                "belum_berjalan": row.belum_berjalan,
                "belum_berjalan_reason": row.belum_berjalan_reason,
                "capaian": cap.rounded,
                "capaian_display": format_id_decimal(cap.rounded),
                "band": cap.band.code if cap.band else "",
                "band_label": cap.band.label if cap.band else "",
                "sumber_data": row.sumber_data,
                "unit": row.unit.name,
                "keterangan": row.keterangan,
            }
        )
    return out


def courses_part(report: Report, bands) -> list[dict]:
    """Each indicator's quarters up to this one against the year's target: progress and
    the end-of-year projection where the trend allows one."""
    out = []
    for c in indicator_courses(report.year, upto=report.period, bands=bands):
        ind = c.indikator
        if ind.target_kind == TargetKind.TEXT:
            continue

        def show(value, satuan=ind.satuan) -> str:
            number = format_id_decimal(value)
            if not number:
                return ""
            return f"{number}{satuan}" if satuan == "%" else f"{number} {satuan}".strip()

        last = c.cells[-1].capaian if c.cells else None
        out.append(
            {
                "indikator": ind.name,
                "quarter_capaian": last.rounded if last else None,
                "aggregation": ind.get_aggregation_display(),
                "year_target": show(c.target.value),
                "cells": [
                    {"label": cell.label, "value": show(cell.value), "target": show(cell.target)}
                    for cell in c.cells
                ],
                "year_figure": show(c.year_figure),
                "progress": c.progress.rounded if c.progress else None,
                "progress_display": format_id_decimal(c.progress.rounded) if c.progress else "",
                "progress_band": c.progress.band.code if c.progress and c.progress.band else "",
                "projection": show(c.projection),
                "projected_display": (
                    format_id_decimal(c.projected.rounded) if c.projected else ""
                ),
                "projected_band": (
                    c.projected.band.label if c.projected and c.projected.band else ""
                ),
            }
        )
    return out
