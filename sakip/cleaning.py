"""What a Kasi may put in a row, checked the same way for the web form and the Excel
import, so both refuse the same things with the same Indonesian messages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from sakip.models import PlanRow, TargetKind
from sakip.numbers import parse_id_decimal
from sakip.text import clean_text, limit_of

ENTRY_FIELDS = [
    "realisasi",
    "realisasi_text",
    "sumber_data",
    "keterangan",
    "belum_berjalan",
    "belum_berjalan_reason",
]
MAX_TEXT = limit_of(PlanRow, "realisasi_text")


def clean_realisasi(row: PlanRow, raw: Any) -> tuple[Decimal | None, str]:
    """(number, text) for the row's kind of target; raises ValueError in Indonesian."""
    kind = row.indikator.target_kind
    if kind == TargetKind.TEXT:
        text = _text(raw)
        if len(text) > MAX_TEXT:
            raise ValueError(_too_long(MAX_TEXT))
        return None, text
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, ""
    value = parse_id_decimal(raw)
    if kind == TargetKind.PERCENT and value > 100:
        raise ValueError(_("Realisasi persen harus antara 0 dan 100."))
    return value, ""


def clean_entry(
    row: PlanRow,
    *,
    realisasi: Any,
    sumber_data: Any,
    keterangan: Any,
    belum_berjalan: bool,
    belum_berjalan_reason: Any,
) -> tuple[dict, dict[str, str]]:
    """Returns (values for the row's fields, errors by field)."""
    errors: dict[str, str] = {}
    values: dict = {}
    try:
        values["realisasi"], values["realisasi_text"] = clean_realisasi(row, realisasi)
    except ValueError as exc:
        errors["realisasi"] = str(exc)
    values["sumber_data"] = _text(sumber_data)
    values["keterangan"] = _text(keterangan)
    values["belum_berjalan"] = bool(belum_berjalan)
    reason = _text(belum_berjalan_reason)
    if values["belum_berjalan"] and not reason:
        errors["belum_berjalan_reason"] = _("Tuliskan alasan kegiatan belum berjalan.")
    values["belum_berjalan_reason"] = reason if values["belum_berjalan"] else ""
    for field in ("sumber_data", "keterangan", "belum_berjalan_reason"):
        limit = limit_of(PlanRow, field)
        if len(values[field]) > limit:
            errors[field] = _too_long(limit)
    return values, errors


def _text(value: Any) -> str:
    return "" if value is None else clean_text(str(value)).strip()


def _too_long(limit: int) -> str:
    return _("Paling banyak %(n)d karakter.") % {"n": limit}


def row_values(row: PlanRow) -> dict:
    return {f: getattr(row, f) for f in ENTRY_FIELDS}
