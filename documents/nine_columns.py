"""The cells of the SOP's nine-column table (section V), formatted the Indonesian way, as
the pages and the exports show them."""

from __future__ import annotations

from django.utils.translation import gettext as _

from sakip.models import PlanRow, TargetKind
from sakip.numbers import format_id_decimal
from sakip.sop_format import SOP_HEADERS

HEADERS = SOP_HEADERS


def target_display(row: PlanRow) -> str:
    """`90 %`, `15 dokumen`, `60–70 hari`, or the text of a qualitative target. A quarter's
    row shows the quarter's target (the year's stands beside it: `year_target_display`)."""
    target, indikator = row.target, row.indikator
    if indikator.target_kind == TargetKind.TEXT:
        return target.text
    if row.quarter:
        if row.quarter_target is None:
            return "-"
        return _with_satuan(format_id_decimal(row.quarter_target), indikator.satuan)
    return year_target_display(row)


def year_target_display(row: PlanRow) -> str:
    """The year's target of a row, whatever its period."""
    target, indikator = row.target, row.indikator
    if indikator.target_kind == TargetKind.TEXT:
        return target.text
    if indikator.target_kind == TargetKind.RANGE and target.value_max is not None:
        number = f"{format_id_decimal(target.value)}–{format_id_decimal(target.value_max)}"
    else:
        number = format_id_decimal(target.value)
    return _with_satuan(number, indikator.satuan)


def number_display(value, row: PlanRow) -> str:
    """A figure of the row's indicator with its satuan, or empty."""
    if value is None:
        return ""
    return _with_satuan(format_id_decimal(value), row.indikator.satuan)


def realisasi_display(row: PlanRow) -> str:
    if row.indikator.target_kind == TargetKind.TEXT:
        return row.realisasi_text
    if row.realisasi is None:
        return ""
    return _with_satuan(format_id_decimal(row.realisasi), row.indikator.satuan)


def realisasi_input(row: PlanRow) -> str:
    """The realisation as the Kasi would type it back (no satuan)."""
    if row.indikator.target_kind == TargetKind.TEXT:
        return row.realisasi_text
    return format_id_decimal(row.realisasi) if row.realisasi is not None else ""


def _with_satuan(number: str, satuan: str) -> str:
    if not satuan:
        return number
    return f"{number}{satuan}" if satuan == "%" else f"{number} {satuan}"


def nomenklatur_display(row: PlanRow) -> str:
    n = row.indikator.nomenklatur
    return f"{n.code} {n.name}" if n else ""


def row_cells(row: PlanRow) -> list:
    """The nine cells of a row for an export (numbers formatted the Indonesian way)."""
    if row.belum_berjalan:
        realisasi = _("Kegiatan belum berjalan: %(reason)s") % {"reason": row.belum_berjalan_reason}
    else:
        realisasi = realisasi_display(row)
    return [
        row.number,
        row.indikator.sasaran.name,
        row.indikator.name,
        target_display(row),
        realisasi,
        nomenklatur_display(row),
        row.sumber_data,
        row.unit.name,
        row.keterangan,
    ]


ROW_RELATED = ("indikator__sasaran", "indikator__nomenklatur", "target", "unit")
