"""What the measurement pages say of each quarter and each unit: its state in words, and
the links and buttons this person may follow."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from pages import access
from pages.procedure.links import unit_page_url
from sakip.models import Person, Year
from sakip.numbers import format_id_decimal
from workflow.measurement import IndicatorCourse, quarter_end, quarter_ended, quarter_reports
from workflow.models import ROMAN, Report


@dataclass
class QuarterStatus:
    quarter: int
    end: dt.date
    report: Report | None
    text: str
    tone: str
    url: str = ""
    open_url: str = ""
    accepted: int = 0
    units: int = 0

    @property
    def label(self) -> str:
        return f"TW {ROMAN[self.quarter]}"


def quarter_statuses(person: Person, year: Year, today: dt.date) -> list[QuarterStatus]:
    """TW I–IV of the year: closed, under way (units accepted of all), ready to open (with
    the button for whoever opens it), or not ended yet. Two queries."""
    reports = quarter_reports(year.office_id, year.pk)
    may_open = access.may_measure(person, Report(office_id=year.office_id, year=year))
    waiting = False
    out = []
    for q in ROMAN:
        report = reports.get(q)
        status = QuarterStatus(q, quarter_end(year.year, q), report, "", "secondary")
        if report is not None:
            status.url = reverse("measurement:quarter", args=[year.year, q])
            status.accepted, status.units = report.accepted, report.units
            if report.is_closed:
                status.text, status.tone = _("Selesai"), "success"
            else:
                status.text = _("Berjalan: %(a)d dari %(n)d unit diterima") % {
                    "a": status.accepted,
                    "n": status.units,
                }
                status.tone = "warning"
                waiting = True
        elif not quarter_ended(year.year, q, today):
            status.text = _("Belum berakhir (berakhir %(end)s)") % {
                "end": status.end.strftime("%d-%m-%Y")
            }
        else:
            status.text, status.tone = _("Belum dibuka"), "light"
            if may_open and not waiting:
                status.open_url = reverse("measurement:open", args=[year.year, q])
        out.append(status)
    return out


@dataclass
class UnitRow:
    name: str
    state: str
    state_code: str
    round: int
    url: str


def unit_rows(person: Person, report: Report) -> list[UnitRow]:
    return [
        UnitRow(
            sub.unit.name,
            sub.get_state_display(),
            sub.state,
            sub.round,
            unit_page_url(person, report, sub),
        )
        for sub in report.submissions.select_related("unit")
    ]


@dataclass
class CourseRow:
    """One indicator's line on the quarter's page, formatted."""

    sasaran: str
    indikator: str
    unit: str
    target: str
    to_date: str
    percent: str
    band_code: str
    band_label: str
    year_target: str
    progress: str
    projection: str


def _fmt(value, satuan: str) -> str:
    if value is None:
        return "–"
    number = format_id_decimal(value)
    if not satuan:
        return number
    return f"{number}{satuan}" if satuan == "%" else f"{number} {satuan}"


def _percent(capaian) -> str:
    rounded = capaian.rounded if capaian is not None else None
    return "–" if rounded is None else f"{format_id_decimal(rounded, 2)}%"


def course_rows(courses: list[IndicatorCourse], quarter: int) -> list[CourseRow]:
    out = []
    for c in courses:
        if len(c.cells) < quarter:
            continue
        cell, ind = c.cells[quarter - 1], c.indikator
        band = cell.capaian.band
        out.append(
            CourseRow(
                sasaran=ind.sasaran.name,
                indikator=ind.name,
                unit=ind.unit.name if ind.unit_id else "",
                target=_fmt(cell.target, ind.satuan),
                to_date=_fmt(cell.to_date, ind.satuan),
                percent=_percent(cell.capaian),
                band_code=band.code if band else "",
                band_label=band.label if band else "",
                year_target=_fmt(c.target.value, ind.satuan),
                progress=_percent(c.progress),
                projection=_fmt(c.projection, ind.satuan),
            )
        )
    return out
