"""Numbers as Indonesians write them: `1.234,5` (dot for thousands, comma for decimals).

People also type plain `1234.5` or paste `1234,5`; all are accepted where they are
unambiguous. One parser for the forms and the Excel import, so both say the same thing."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

_GROUPED_ID = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")  # 1.234 / 1.234.567,5
_GROUPED_EN = re.compile(r"^\d{1,3}(,\d{3})+\.\d+$")  # 1,234.5 (pasted from English sheets)
_PLAIN_COMMA = re.compile(r"^\d+,\d+$")  # 1234,5
_PLAIN_DOT = re.compile(r"^\d+(\.\d+)?$")  # 1234 / 1234.5

MAX_INTEGER_DIGITS = 12
MAX_DECIMALS = 4


def parse_id_decimal(text: str | int | float | Decimal) -> Decimal:
    """Parse a non-negative number written the Indonesian way or plainly.

    `1.234` is read as one thousand two hundred thirty-four (Indonesian grouping), `12.5`
    as twelve and a half (a single dot followed by other than three digits). Raises
    ValueError with an Indonesian message."""
    if isinstance(text, bool):
        raise ValueError(_("Isian harus berupa angka."))
    if isinstance(text, int | Decimal):
        value = Decimal(text)
    elif isinstance(text, float):
        value = Decimal(repr(text))
    else:
        raw = str(text or "").strip().replace("\u00a0", "").replace(" ", "")
        raw = raw.removesuffix("%")
        if not raw:
            raise ValueError(_("Isian angka masih kosong."))
        if raw.startswith("-"):
            raise ValueError(_("Angka tidak boleh negatif."))
        if raw.startswith("+"):
            raw = raw[1:]
        if _GROUPED_ID.match(raw):
            normal = raw.replace(".", "").replace(",", ".")
        elif _GROUPED_EN.match(raw):
            normal = raw.replace(",", "")
        elif _PLAIN_COMMA.match(raw):
            normal = raw.replace(",", ".")
        elif _PLAIN_DOT.match(raw):
            normal = raw
        else:
            raise ValueError(
                _("“%(text)s” bukan angka. Tulis misalnya 1.234,5 atau 1234,5.") % {"text": text}
            )
        try:
            value = Decimal(normal)
        except InvalidOperation:
            raise ValueError(_("“%(text)s” bukan angka.") % {"text": text}) from None
    if not value.is_finite():
        raise ValueError(_("Isian harus berupa angka."))
    if value < 0:
        raise ValueError(_("Angka tidak boleh negatif."))
    if value != value.quantize(Decimal(1).scaleb(-MAX_DECIMALS), rounding=ROUND_HALF_UP):
        raise ValueError(_("Paling banyak %(n)d angka di belakang koma.") % {"n": MAX_DECIMALS})
    if value >= Decimal(10) ** MAX_INTEGER_DIGITS:
        raise ValueError(_("Angka terlalu besar."))
    return value


def format_id_decimal(value: Decimal | int | float | None, places: int | None = None) -> str:
    """`Decimal("1234.50")` → `1.234,5`; `places` fixes the number of decimals."""
    if value is None:
        return ""
    value = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        text = f"{value:,.{places}f}"
    else:
        value = value.normalize()
        if value == value.to_integral_value():
            value = value.quantize(Decimal(1))
        text = f"{value:,f}"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")
