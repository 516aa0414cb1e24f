"""The rules a row must meet before its unit may submit (step 3)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from sakip.models import PlanRow, TargetKind


def row_blockers(row: PlanRow) -> list[str]:
    """What still keeps this row from being submitted, one Indonesian phrase per problem.

    The SOP warns that an activity that has not started cannot deliver data: such a row
    needs only its reason. Every other row needs a realisation of its target's kind, a
    sumber data and at least one piece of evidence. Uses `row.evidence.all()` so a
    prefetch serves a whole table in one query."""
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
    if not list(row.evidence.all()):
        problems.append(_("bukti dukung belum dilampirkan"))
    if row.from_quarter:
        problems.append(
            _("realisasi dari triwulan belum dikonfirmasi (periksa lalu simpan barisnya)")
        )
    return problems
