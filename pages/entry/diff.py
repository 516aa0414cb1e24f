"""What changed between two submitted rounds, cell by cell, from the snapshots
`submission_submit` keeps."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from sakip.numbers import format_id_decimal
from workflow.models import Submission

LABELS = {
    "realisasi": "Realisasi/ Progres Capaian",
    "realisasi_text": "Realisasi/ Progres Capaian",
    "sumber_data": "Sumber Data",
    "keterangan": "Ket",
    "belum_berjalan": "Kegiatan belum berjalan",
    "belum_berjalan_reason": "Alasan belum berjalan",
    "evidence": "Bukti dukung (dihapus → ditambah)",
}


@dataclass
class CellDiff:
    row_pk: int
    column: str
    old: str
    new: str


def _show(field: str, value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    if isinstance(value, list):
        return ", ".join(value) or "—"
    if field == "realisasi":
        try:
            return format_id_decimal(Decimal(str(value)))
        except InvalidOperation:
            return str(value)
    return str(value)


def round_diff(submission: Submission) -> tuple[int | None, dict[int, list[CellDiff]]]:
    """(previous round, {row pk: changed cells}) between the last two submitted rounds."""
    snapshots = list(submission.snapshots.order_by("-round")[:2])
    if len(snapshots) < 2:
        return None, {}
    new, old = snapshots[0].rows, snapshots[1].rows
    out: dict[int, list[CellDiff]] = {}
    for pk, cells in new.items():
        before = old.get(pk, {})
        for field, value in cells.items():
            previous = before.get(field)
            if previous == value:
                continue
            if field == "evidence":
                # Files are added and removed, not edited: a file still attached is neither.
                previous, value = _removed_and_added(previous or [], value or [])
            out.setdefault(int(pk), []).append(
                CellDiff(
                    int(pk), LABELS.get(field, field), _show(field, previous), _show(field, value)
                )
            )
    return snapshots[1].round, out


def _removed_and_added(before: list[str], after: list[str]) -> tuple[list[str], list[str]]:
    """The names only in `before` and only in `after`, counting duplicates (two files of the
    same name are two files)."""
    removed, added = Counter(before) - Counter(after), Counter(after) - Counter(before)
    return sorted(removed.elements()), sorted(added.elements())
