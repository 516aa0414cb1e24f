"""The rules a row must meet before its unit may submit (step 3)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from sakip.models import PlanRow, TargetKind


def row_blockers(row: PlanRow) -> list[str]:
    if row.belum_berjalan:
        if not row.belum_berjalan_reason.strip():
            return [_("alasan 'kegiatan belum berjalan' belum diisi")]
        return []
    problems = []
    if row.indikator.target_kind == TargetKind.TEXT:
        if not row.realisasi_text.strip():
            problems.append(_("realisasi/progres belum diisi"))
    elif row.realisasi is None:
        problems.append(_("realisasi belum diisi"))
    if not row.sumber_data.strip():
        problems.append(_("sumber data belum diisi"))
    if not row.evidence.all():
        problems.append(_("bukti dukung belum dilampirkan"))
    return problems
