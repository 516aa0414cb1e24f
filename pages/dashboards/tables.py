"""The tables of the dashboards as plain headers and rows, for the xlsx exports.

Exporters only yield rows; `documents.xlsx` makes the file. Percentages are written as numbers
rounded to two decimals (the pages show one), so a spreadsheet can sort and chart them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from pages.dashboards.quarters import QUARTERS, QuarterState, YearQuarters
from pages.dashboards.selectors import ReportGlance, SasaranTrend, YearFigures
from pages.dashboards.timing import SopTiming
from sakip.models import Office, TargetKind
from workflow.models import ROMAN


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[Any]]


def rounded(value: Decimal | None) -> Decimal | None:
    if value is None:
        return None
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def plain(value: Decimal | None) -> Decimal | None:
    """A stored decimal without its trailing zeros (85.0000 → 85)."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def target_cell(row) -> Any:
    return target_value(row.target, row.indikator.target_kind)


def target_value(target, kind: str) -> Any:
    if kind == TargetKind.TEXT:
        return target.text
    if kind == TargetKind.RANGE and target.value_max is not None:
        return f"{plain(target.value)}–{plain(target.value_max)}"
    return plain(target.value)


def realisation_cell(row) -> Any:
    if row.belum_berjalan:
        return _("Kegiatan belum berjalan")
    if row.realisasi is not None:
        return plain(row.realisasi)
    return row.realisasi_text or None


def submissions_table(glance: ReportGlance) -> Table:
    report = glance.report
    rows = [
        [
            s.unit.name,
            s.get_state_display(),
            s.round,
            timezone.localtime(s.submitted_at).replace(tzinfo=None) if s.submitted_at else None,
            timezone.localtime(s.accepted_at).replace(tzinfo=None) if s.accepted_at else None,
        ]
        for s in glance.submissions
    ]
    return Table(
        _("Isian unit LAKIP %(year)s") % {"year": report.year.year},
        [_("Unit"), _("Status"), _("Putaran"), _("Dikirim"), _("Diterima")],
        rows,
    )


def open_steps_table(glance: ReportGlance) -> Table:
    rows = [
        [
            o.what,
            timezone.localtime(o.record.started_at).replace(tzinfo=None),
            o.minutes,
            o.record.standard_minutes,
            _("Terlambat") if o.overdue else _("Dalam batas"),
            o.holder_names,
        ]
        for o in glance.open_steps
    ]
    return Table(
        _("Langkah berjalan LAKIP %(year)s") % {"year": glance.report.year.year},
        [
            _("Langkah"),
            _("Mulai"),
            _("Menit kerja berjalan"),
            _("Menit baku"),
            _("Status"),
            _("Dipegang oleh"),
        ],
        rows,
    )


def sasaran_table(figures: YearFigures) -> Table:
    rows = [
        [
            i,
            s.sasaran.name,
            len(s.indicators),
            s.counted,
            rounded(s.percent),
            s.band.label if s.band else None,
        ]
        for i, s in enumerate(figures.sasaran, start=1)
    ]
    rows.append(
        [
            None,
            _("Capaian kecamatan (rata-rata sasaran)"),
            sum(len(s.indicators) for s in figures.sasaran),
            sum(s.counted for s in figures.sasaran),
            rounded(figures.percent),
            figures.band.label if figures.band else None,
        ]
    )
    return Table(
        _("Capaian per sasaran %(year)s") % {"year": figures.year.year},
        [
            _("No."),
            _("Sasaran Strategis"),
            _("Jumlah indikator"),
            _("Indikator terhitung"),
            _("Capaian (%)"),
            _("Kategori"),
        ],
        rows,
    )


def indicator_table(figures: YearFigures) -> Table:
    rows = [
        [
            f.row.number,
            s.sasaran.name,
            f.row.indikator.name,
            f.row.indikator.satuan,
            target_cell(f.row),
            realisation_cell(f.row),
            rounded(f.capaian.rounded),
            f.band.label if f.band else None,
            f.capaian.formula,
            f.row.unit.name,
        ]
        for s in figures.sasaran
        for f in s.indicators
    ]
    return Table(
        _("Capaian per indikator %(year)s") % {"year": figures.year.year},
        [
            _("No."),
            _("Sasaran Strategis"),
            _("Indikator Kinerja"),
            _("Satuan"),
            _("Target"),
            _("Realisasi"),
            _("Capaian (%)"),
            _("Kategori"),
            _("Rumus"),
            _("Yang membidangi"),
        ],
        rows,
    )


def trend_table(trend: list[SasaranTrend], figures: list[YearFigures]) -> Table:
    years = [f.year.year for f in figures]
    rows = [
        [t.sasaran.name] + [rounded(sf.percent) if sf else None for _y, sf in t.points]
        for t in trend
    ]
    rows.append([_("Capaian kecamatan")] + [rounded(f.percent) for f in figures])
    return Table(
        _("Tren capaian per sasaran (%)"), [_("Sasaran Strategis")] + [str(y) for y in years], rows
    )


def timing_table(timing: SopTiming) -> Table:
    rows = [
        [
            t.step.number,
            t.step.name,
            t.step.minutes,
            *[rounded(v) for v in t.year_values(timing.years)],
            rounded(t.average),
            t.performances,
            t.late,
        ]
        for t in timing.steps
    ]
    return Table(
        _("Waktu pelaksanaan SOP (menit kerja)"),
        [
            _("No."),
            _("Kegiatan"),
            _("Menit baku"),
            *[_("Aktual %(year)s") % {"year": y} for y in timing.years],
            _("Rata-rata aktual"),
            _("Pelaksanaan"),
            _("Terlambat"),
        ],
        rows,
    )


def offices_table(offices: list[Office], glances: dict[int, ReportGlance]) -> Table:
    rows = []
    for office in offices:
        glance = glances.get(office.pk)
        if glance is None:
            rows.append([office.name, None, _("Belum ada laporan"), None, None, None, None])
            continue
        rows.append(
            [
                office.name,
                glance.report.year.year,
                glance.report.get_state_display(),
                glance.step,
                glance.accepted,
                len(glance.submissions),
                len(glance.overdue),
            ]
        )
    return Table(
        _("Posisi LAKIP per kecamatan"),
        [
            _("Kecamatan"),
            _("Tahun"),
            _("Tahap"),
            _("Langkah"),
            _("Isian diterima"),
            _("Jumlah isian"),
            _("Langkah terlambat"),
        ],
        rows,
    )


def office_capaian_table(
    offices: list[Office], figures: dict[int, list[YearFigures]], years: list[int]
) -> Table:
    rows = []
    for office in offices:
        per_year = {f.year.year: f for f in figures.get(office.pk, [])}
        rows.append(
            [office.name] + [rounded(per_year[y].percent) if y in per_year else None for y in years]
        )
    return Table(_("Capaian per kecamatan (%)"), [_("Kecamatan")] + [str(y) for y in years], rows)


def _tw(q: int) -> str:
    return f"TW {ROMAN[q]}"


def quarter_indicator_table(figures: YearQuarters) -> Table:
    """Each indicator's TW I–IV: the quarter's target, its realisation, the figure to date and
    the capaian (empty where the quarter was not measured), then the year's target, the
    figure so far, the progress against it and the end-of-year projection."""
    rows = []
    for s in figures.sasaran:
        for i in s.indicators:
            ind = i.indikator
            quarter_cells = []
            for c in i.cells:
                quarter_cells += [
                    plain(c.target),
                    plain(c.value),
                    plain(c.to_date),
                    rounded(c.percent),
                    c.band.label if c.band else None,
                ]
            rows.append(
                [
                    i.number,
                    s.sasaran.name,
                    ind.name,
                    ind.satuan,
                    ind.get_aggregation_display(),
                    target_value(i.course.target, ind.target_kind),
                    *quarter_cells,
                    plain(i.course.year_figure),
                    rounded(i.progress),
                    plain(i.course.projection),
                    rounded(i.projected),
                ]
            )
    quarter_headers = []
    for q in QUARTERS:
        tw = _tw(q)
        quarter_headers += [
            _("Target %(tw)s") % {"tw": tw},
            _("Realisasi %(tw)s") % {"tw": tw},
            _("Realisasi s.d. %(tw)s") % {"tw": tw},
            _("Capaian %(tw)s (%%)") % {"tw": tw},
            _("Kategori %(tw)s") % {"tw": tw},
        ]
    return Table(
        _("Pengukuran triwulan %(year)s per indikator") % {"year": figures.year.year},
        [
            _("No."),
            _("Sasaran Strategis"),
            _("Indikator Kinerja"),
            _("Satuan"),
            _("Aturan triwulan"),
            _("Target tahun"),
            *quarter_headers,
            _("Realisasi tahun berjalan"),
            _("Kemajuan thd target tahun (%)"),
            _("Proyeksi akhir tahun"),
            _("Capaian proyeksi (%)"),
        ],
        rows,
    )


def quarter_sasaran_table(figures: YearQuarters) -> Table:
    """Each sasaran's capaian per quarter: the mean of its indicators' capaian."""
    rows = []
    for s in figures.sasaran:
        cells = []
        for sq in s.quarters:
            cells += [rounded(sq.percent), sq.band.label if sq.band else None]
        rows.append([s.number, s.sasaran.name, len(s.indicators), *cells])
    headers = []
    for q in QUARTERS:
        headers += [
            _("Capaian %(tw)s (%%)") % {"tw": _tw(q)},
            _("Kategori %(tw)s") % {"tw": _tw(q)},
        ]
    return Table(
        _("Pengukuran triwulan %(year)s per sasaran") % {"year": figures.year.year},
        [_("No."), _("Sasaran Strategis"), _("Jumlah indikator"), *headers],
        rows,
    )


def quarter_states_table(rows: list[tuple[Office, list[QuarterState]]], year: int) -> Table:
    """Which office has measured which quarter of the year."""
    out = []
    for office, states in rows:
        cells = []
        for state in states:
            cells += [state.label, state.closed_on]
        out.append([office.name, *cells])
    headers = []
    for q in QUARTERS:
        headers += [_("Status %(tw)s") % {"tw": _tw(q)}, _("Selesai %(tw)s") % {"tw": _tw(q)}]
    return Table(
        _("Pengukuran triwulan %(year)s per kecamatan") % {"year": year},
        [_("Kecamatan"), *headers],
        out,
    )
