"""Capaian (achievement): the one place it is computed.

Higher is better: R / T × 100. Lower is better: (2T − R) / T × 100, never below 0.
Range targets [lo, hi]: 100 inside the range; below it R / lo × 100; above it
(2·hi − R) / hi × 100, never below 0. Text targets have no percentage: they are judged
in words (`percent` is None). The formula used is returned with every result."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from sakip.models.plan import Polarity, TargetKind
from sakip.models.reference import fixture_bands
from sakip.planning.quarters import quarter_values, to_date

if TYPE_CHECKING:
    from sakip.models import PlanRow

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Band:
    code: str
    label: str


@dataclass(frozen=True)
class Capaian:
    percent: Decimal | None
    formula: str
    band: Band | None

    @property
    def rounded(self) -> Decimal | None:
        if self.percent is None:
            return None
        return self.percent.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def band_for(percent: Decimal | None, bands: Sequence[dict] | None = None) -> Band | None:
    """The band whose lower bound the (rounded) percentage reaches; bands run high to low.
    Without `bands` (no year at hand), the default bands of `fixtures/capaian_bands.json`."""
    if percent is None:
        return None
    value = percent.quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    bands = bands or fixture_bands()
    for band in bands:
        if value >= Decimal(str(band["min"])):
            return Band(band["code"], band["label"])
    last = bands[-1]
    return Band(last["code"], last["label"])


def compute_capaian(
    *,
    polarity: str,
    kind: str,
    target: Decimal | None,
    realisation: Decimal | None,
    target_max: Decimal | None = None,
    bands: list[dict] | None = None,
) -> Capaian:
    if kind == TargetKind.TEXT:
        return Capaian(None, _("Target kualitatif: dinilai secara deskriptif"), None)
    if realisation is None or target is None:
        return Capaian(None, _("Belum ada realisasi"), None)
    if kind == TargetKind.RANGE and target_max is not None:
        percent, formula = _range(target, target_max, realisation)
    elif target == 0:
        # A zero target (e.g. "0 kasus") is met exactly when the realisation is zero too.
        met = realisation <= 0 if polarity == Polarity.LOWER else realisation >= 0
        percent = HUNDRED if met else Decimal(0)
        formula = _("Target 0: 100% bila tercapai, 0% bila tidak")
    elif polarity == Polarity.LOWER:
        percent = max(Decimal(0), (2 * target - realisation) / target * HUNDRED)
        formula = _("(2 × Target − Realisasi) / Target × 100%")
    else:
        percent = max(Decimal(0), realisation / target * HUNDRED)
        formula = _("Realisasi / Target × 100%")
    return Capaian(percent, formula, band_for(percent, bands))


def row_to_date(row: PlanRow) -> Decimal | None:
    """A quarter's row: the year's figure up to its quarter (None before anything is
    measured or when this quarter has no realisation)."""
    values = quarter_values(row.earlier, row.realisasi)
    return to_date(values, row.indikator.aggregation)[-1]


def _range(lo: Decimal, hi: Decimal, realisation: Decimal) -> tuple[Decimal, str]:
    formula = _("Rentang: 100% di dalam rentang, di luar dihitung terhadap batas terdekat")
    if lo <= realisation <= hi:
        return HUNDRED, formula
    if realisation < lo:
        return (realisation / lo * HUNDRED if lo else Decimal(0)), formula
    return (max(Decimal(0), (2 * hi - realisation) / hi * HUNDRED) if hi else Decimal(0)), formula


def capaian_for_row(row: PlanRow, bands: list[dict] | None = None) -> Capaian:
    """The row's capaian: the year's realisation against the year's target, or for a
    quarter's row the figure to date (by the indicator's aggregation rule) against the
    quarter's target."""
    if row.belum_berjalan:
        return Capaian(None, _("Kegiatan belum berjalan"), None)
    indikator, target = row.indikator, row.target
    if row.quarter:
        return compute_capaian(
            polarity=indikator.polarity,
            kind=indikator.target_kind,
            target=row.quarter_target,
            target_max=None,
            realisation=row_to_date(row),
            bands=bands,
        )
    return compute_capaian(
        polarity=indikator.polarity,
        kind=indikator.target_kind,
        target=target.value,
        target_max=target.value_max,
        realisation=row.realisasi,
        bands=bands,
    )
