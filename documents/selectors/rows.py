"""The nine-column rows of a report with their capaian, and the table document."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from documents.selectors.shared import _report_head, _with_unit, fmt_number, target_display
from sakip.capaian import capaian_for_row
from sakip.models import PlanRow, TargetKind
from workflow.models import Report


def row_data(row: PlanRow, bands) -> dict:
    """One row of the nine-column table with its capaian."""
    ind = row.indikator
    cap = capaian_for_row(row, bands=bands)
    if row.belum_berjalan:
        realisasi = _("Kegiatan belum berjalan")
    elif ind.target_kind == TargetKind.TEXT or row.realisasi is None:
        realisasi = row.realisasi_text
    else:
        realisasi = _with_unit(fmt_number(row.realisasi), ind.satuan)
    nomen = ind.nomenklatur
    return {
        "pk": row.pk,
        "number": row.number,
        "sasaran": ind.sasaran.name,
        "sasaran_id": ind.sasaran_id,
        "indikator": ind.name,
        "indikator_id": ind.pk,
        "satuan": ind.satuan,
        "polarity": ind.polarity,
        "kind": ind.target_kind,
        "target": target_display(ind, row.target),
        "target_value": row.target.value,
        "target_max": row.target.value_max,
        "realisasi": realisasi,
        "realisasi_value": None if row.belum_berjalan else row.realisasi,
        "capaian": cap.rounded,
        "capaian_display": fmt_number(cap.rounded, places=2) if cap.rounded is not None else "",
        "formula": cap.formula,
        "band": cap.band.code if cap.band else "",
        "band_label": cap.band.label if cap.band else "",
        "program": f"{nomen.code} {nomen.name}" if nomen else "",
        "sumber_data": row.sumber_data,
        "unit": row.unit.name,
        "keterangan": row.keterangan,
        "belum_berjalan": row.belum_berjalan,
        "belum_berjalan_reason": row.belum_berjalan_reason,
        "analysis": row.analysis,
        "renstra": (
            ind.renstra_target_text
            if ind.target_kind == TargetKind.TEXT
            else _with_unit(fmt_number(ind.renstra_target), ind.satuan)
        ),
        "renstra_value": ind.renstra_target,
    }


def report_rows(report: Report) -> list[PlanRow]:
    return list(
        PlanRow.objects.filter(submission__report=report)
        .select_related(
            "indikator__sasaran", "indikator__nomenklatur", "target", "unit", "submission"
        )
        .order_by("number")
    )


def table_data(report: Report) -> dict:
    bands = report.year.bands
    return {
        **_report_head(report),
        "date": timezone.localdate(),
        "rows": [row_data(r, bands) for r in report_rows(report)],
    }
