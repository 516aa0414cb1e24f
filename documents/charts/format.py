"""Numbers and labels as the charts print them: Indonesian format, wrapped names."""

from __future__ import annotations

import textwrap
from decimal import ROUND_HALF_UP, Decimal

from django.utils.numberformat import format as number_format

Number = float | Decimal | int


def format_number(value: Number | None, places: int = 1) -> str:
    """Indonesian format regardless of the active language (the PDF renders outside requests)."""
    if value is None:
        return "–"
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return number_format(
        rounded,
        ",",
        decimal_pos=places,
        grouping=3,
        thousand_sep=".",
        force_grouping=True,
    )


def format_value(value: Number | None, unit: str, places: int = 1) -> str:
    if value is None:
        return "–"
    return (
        f"{format_number(value, places)}{unit}"
        if unit == "%"
        else (f"{format_number(value, places)} {unit}".rstrip())
    )


def wrap_label(label: str, max_chars: int, max_lines: int = 2) -> list[str]:
    """Break a long indicator name over a few lines, ending with an ellipsis if it is cut."""
    lines = textwrap.wrap(" ".join(str(label).split()), width=max(max_chars, 4)) or [""]
    if len(lines) > max_lines:
        kept = lines[:max_lines]
        last = kept[-1]
        if len(last) > max_chars - 1:
            last = last[: max_chars - 1].rstrip()
        kept[-1] = last + "…"
        return kept
    return lines
