"""Value axes: round upper bounds, ticks on round steps, a zoomed lower bound."""

from __future__ import annotations

import math


def nice_maximum(value: float) -> float:
    """A round upper bound for the axis (120, 150, 200, …) so ticks fall on round numbers."""
    if value <= 0:
        return 100.0
    magnitude = 10 ** math.floor(math.log10(value))
    for factor in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if factor * magnitude >= value:
            return factor * magnitude
    return 10 * magnitude


def _step(span: float) -> float:
    magnitude = 10 ** math.floor(math.log10(span)) if span > 0 else 1
    for factor in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10):
        if span / (factor * magnitude) <= 6:
            return factor * magnitude
    return span / 5


def ticks(maximum: float, minimum: float = 0.0) -> list[float]:
    """Three to six ticks on a round step (25, 50, 100 …) from `minimum` to `maximum`."""
    step = _step(maximum - minimum)
    first = math.ceil(minimum / step - 1e-9)
    count = int(math.floor(maximum / step + 1e-9)) - first
    return [round((first + i) * step, 6) for i in range(count + 1)]


def zoomed_minimum(values: list[float], maximum: float) -> float:
    """Where a line chart's axis may start: close below the lowest value when every value
    sits high (capaian of 90–105 % would otherwise be a flat line at the top), else 0."""
    if not values or min(values) <= 0 or min(values) < maximum * 0.5:
        return 0.0
    lowest = min(values)
    step = _step(maximum - lowest)
    minimum = math.floor(lowest / step) * step
    if minimum >= lowest:
        minimum -= step
    # Align to the step of the final axis so that its first tick sits on the axis line.
    final = _step(maximum - minimum)
    return max(0.0, math.floor(minimum / final) * final)


def _axis_bounds(values: list[float], reference: float | None) -> float:
    candidates = [v for v in values if v is not None] + ([reference] if reference else [])
    return nice_maximum(max(candidates, default=100.0))
