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


def projection(values: Sequence[Decimal | None], rule: str) -> Decimal | None:
    """The year's figure if the measured trend goes on to TW IV, or None where the trend
    allows none (fewer than one measured quarter for the sum and the mean, two for the last
    value, or TW IV already measured: then the year's figure is known).

    Cumulative: the sum so far plus the mean of the measured quarters for each quarter left.
    Average: the mean so far. Last value: the latest value plus the mean change per quarter
    for each quarter left (never below zero)."""
    measured = [(n, v) for n, v in enumerate(values, start=1) if v is not None]
    if not measured or (len(values) >= 4 and values[3] is not None):
        return None
    last_n = measured[-1][0]
    left = 4 - last_n
    if rule == Aggregation.CUMULATIVE:
        total = sum((v for _n, v in measured), Decimal(0))
        return total + total / len(measured) * left
    if rule == Aggregation.AVERAGE:
        return sum((v for _n, v in measured), Decimal(0)) / len(measured)
    if len(measured) < 2:
        return None
    (n0, v0), (n1, v1) = measured[0], measured[-1]
    slope = (v1 - v0) / (n1 - n0)
    return max(Decimal(0), v1 + slope * left)


def quarter_values(earlier: Sequence, value: Decimal | None) -> list[Decimal | None]:
    """The realisations TW I … this quarter: the earlier quarters as stored on a quarter's
    row (text or None) followed by this quarter's."""
    return [None if v in (None, "") else Decimal(str(v)) for v in earlier] + [value]
