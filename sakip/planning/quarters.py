"""How an indicator's quarters (TW I–IV) make its year, by its aggregation rule
(`Indikator.aggregation`). The quarterly targets are the figure due by the end of each
quarter; the realisations of the quarters are combined here."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sakip.models import Aggregation

QUARTERS = (1, 2, 3, 4)


def year_value(values: Sequence[Decimal | None], rule: str) -> Decimal | None:
    """The year's figure from the quarters measured so far (None where not measured):
    cumulative adds them up, last value takes the latest measured quarter, average takes the
    mean of the measured quarters. None when no quarter was measured."""
    measured = [v for v in values if v is not None]
    if not measured:
        return None
    if rule == Aggregation.CUMULATIVE:
        return sum(measured, Decimal(0))
    if rule == Aggregation.AVERAGE:
        return sum(measured, Decimal(0)) / len(measured)
    return measured[-1]


def to_date(values: Sequence[Decimal | None], rule: str) -> list[Decimal | None]:
    """The year's figure after each quarter (what a quarter's progress is compared with the
    year's target): the running sum, the latest value or the running mean."""
    out: list[Decimal | None] = []
    for n in range(1, len(values) + 1):
        out.append(year_value(values[:n], rule) if values[n - 1] is not None else None)
    return out
