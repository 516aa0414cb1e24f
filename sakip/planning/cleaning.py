"""What may be typed into the plan, checked the same way for the plan page's forms and the
plan workbook, so both refuse the same things with the same Indonesian messages. An
incomplete plan may be saved (the checks list what is missing); a wrong value may not."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from sakip.models import TargetKind
from sakip.numbers import parse_id_decimal

QUARTER_FIELDS = ["tw1", "tw2", "tw3", "tw4"]
NUMBER_FIELDS = ["value", "value_max", *QUARTER_FIELDS, "renstra_target"]
TEXT_FIELDS = {
    "name": 1000,
    "definition": 2000,
    "alasan": 2000,
    "satuan": 40,
    "sumber_data": 255,
    "text": 255,
    "renstra_target_text": 255,
}
# The numbers a qualitative indicator does not have, and the texts a numeric one does not.
TEXT_KIND_ONLY = ["text", "renstra_target_text"]
RUPIAH_DECIMALS = 2


def _empty(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def clean_number(raw: Any, *, percent: bool = False) -> Decimal | None:
    """An Indonesian number or nothing; raises ValueError with the reason."""
    if _empty(raw):
        return None
    value = parse_id_decimal(raw)
    if percent and value > 100:
        raise ValueError(_("Persen paling besar 100."))
    return value


def clean_rupiah(raw: Any, *, required: bool = True) -> Decimal | None:
    """Rupiah as written in a DPA: `2.310.400.000`, `Rp 110.000.000`, `1250000,50`."""
    if isinstance(raw, str):
        raw = raw.strip().removeprefix("Rp").removeprefix("rp").strip().rstrip(",-").strip()
    if _empty(raw):
        if required:
            raise ValueError(_("Isian rupiah masih kosong."))
        return None
    value = parse_id_decimal(raw)
    if value != value.quantize(Decimal(1).scaleb(-RUPIAH_DECIMALS)):
        raise ValueError(_("Rupiah paling banyak dua angka di belakang koma."))
    return value


def clean_plan_values(raw: dict, *, kind: str) -> tuple[dict, dict[str, str]]:
    """(values, errors by field) for the fields present in `raw`: the indicator's texts,
    its target of the year (value, value_max or text, TW I–IV) and its Renstra end target."""
    values: dict = {}
    errors: dict[str, str] = {}
    percent = kind == TargetKind.PERCENT
    for name in NUMBER_FIELDS:
        if name not in raw:
            continue
        if kind == TargetKind.TEXT:
            values[name] = None
            continue
        try:
            values[name] = clean_number(raw[name], percent=percent)
        except ValueError as exc:
            errors[name] = str(exc)
    for name, limit in TEXT_FIELDS.items():
        if name not in raw:
            continue
        text = "" if raw[name] is None else str(raw[name]).strip()
        if name in TEXT_KIND_ONLY and kind != TargetKind.TEXT:
            text = ""
        if len(text) > limit:
            errors[name] = _("Paling banyak %(n)d karakter.") % {"n": limit}
        values[name] = text
    if "name" in values and not values["name"]:
        errors["name"] = _("Nama indikator harus diisi.")
    low, high = values.get("value"), values.get("value_max")
    if kind == TargetKind.RANGE:
        if (low is None) != (high is None) and "value" not in errors:
            errors["value_max"] = _("Target rentang perlu batas bawah dan batas atas.")
        elif low is not None and high is not None and high < low:
            errors["value_max"] = _("Batas atas tidak boleh kurang dari batas bawah.")
    elif high is not None:
        errors["value_max"] = _("Batas atas hanya untuk target rentang; kosongkan.")
    return values, errors
