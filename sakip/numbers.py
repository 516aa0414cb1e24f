"""Numbers as Indonesians write them: `1.234,5` (dot for thousands, comma for decimals).

People also type plain `1234.5` or paste `1234,5`; all are accepted where they are
unambiguous. One parser for the forms and the Excel import, so both say the same thing."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

_GROUPED_ID = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")  # 1.234 / 1.234.567,5
_GROUPED_EN = re.compile(r"^\d{1,3}(,\d{3})+\.\d+$")  # 1,234.5 (pasted from English sheets)
_PLAIN_COMMA = re.compile(r"^\d+,\d+$")  # 1234,5
_PLAIN_DOT = re.compile(r"^\d+(\.\d+)?$")  # 1234 / 1234.5

# The number fields are max_digits=16, decimal_places=4, but SQLite (the embedded default)
# keeps a decimal as a double: 15 significant digits come back exactly, a 16th is rounded
# and Django then fails to read the row. So at most 11 digits before the comma and 4 after
# (below 10^11, ample for a kecamatan's figures), on every database alike.
SAFE_DIGITS = 15
MAX_DECIMALS = 4
MAX_INTEGER_DIGITS = SAFE_DIGITS - MAX_DECIMALS
LIMIT = Decimal(10) ** MAX_INTEGER_DIGITS
# Beyond this a number is shown in scientific notation (in an error message), not digit by
# digit: it is never a value the application keeps.
_SHOWN_IN_FULL = Decimal(10) ** 20


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
    # The size first: rounding a number with more digits than the context holds (10^27,
    # 1e25 from a workbook cell) would itself fail.
    if value >= LIMIT:
        raise ValueError(_too_large(MAX_DECIMALS))
    if value != value.quantize(Decimal(1).scaleb(-MAX_DECIMALS), rounding=ROUND_HALF_UP):
        raise ValueError(_("Paling banyak %(n)d angka di belakang koma.") % {"n": MAX_DECIMALS})
    return value


def _too_large(decimal_places: int) -> str:
    largest = Decimal(10) ** (SAFE_DIGITS - decimal_places) - Decimal(1).scaleb(-decimal_places)
    return _("Angka terlalu besar: paling besar %(max)s.") % {"max": format_id_decimal(largest)}


@deconstructible
class NumberRangeValidator:
    """For the model's decimal fields (admin forms included): no more digits than every
    database keeps exactly (see SAFE_DIGITS)."""

    def __init__(self, decimal_places: int = MAX_DECIMALS) -> None:
        self.decimal_places = decimal_places

    def __call__(self, value: Decimal | None) -> None:
        if value is None or not value.is_finite():
            return  # Django's DecimalField refuses what is not a number
        if abs(value) >= Decimal(10) ** (SAFE_DIGITS - self.decimal_places):
            raise ValidationError(_too_large(self.decimal_places), code="max_value")

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, NumberRangeValidator) and other.decimal_places == self.decimal_places
        )


def format_id_decimal(value: Decimal | int | float | None, places: int | None = None) -> str:
    """`Decimal("1234.50")` → `1.234,5`; `places` fixes the number of decimals."""
    if value is None:
        return ""
    value = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not value.is_finite() or abs(value) >= _SHOWN_IN_FULL:
        return f"{value.normalize() if value.is_finite() else value:E}".replace(".", ",")
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        text = f"{value:,.{places}f}"
    else:
        value = value.normalize()
        if value == value.to_integral_value():
            value = value.quantize(Decimal(1))
        text = f"{value:,f}"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")
