"""Reference data of the planning domain: tables without an office, filled from `fixtures/`
with `loaddata` (see `sakip.reference`). A new office gets its own, editable copy of the
nomenclature; a new year gets a copy of the default capaian bands."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NomenklaturKind(models.TextChoices):
    PROGRAM = "program", _("Program")
    KEGIATAN = "kegiatan", _("Kegiatan")
    SUB_KEGIATAN = "sub_kegiatan", _("Sub Kegiatan")


class ReferenceNomenklaturManager(models.Manager):
    def get_by_natural_key(self, code: str) -> ReferenceNomenklatur:
        return self.get(code=code)


class ReferenceNomenklatur(models.Model):
    """The official program / kegiatan / sub kegiatan of urusan 7.01 Kecamatan
    (Kepmendagri 050-5889/2021), as in `fixtures/nomenklatur.json`. Keyed by its code, so
    loading the fixture again updates names instead of duplicating rows."""

    kind = models.CharField(_("tingkat"), max_length=14, choices=NomenklaturKind.choices)
    code = models.CharField(_("kode"), max_length=30, unique=True)
    name = models.CharField(_("nomenklatur"), max_length=500)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )

    objects = ReferenceNomenklaturManager()

    class Meta:
        verbose_name = _("nomenklatur acuan")
        verbose_name_plural = _("nomenklatur acuan")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def natural_key(self) -> tuple[str]:
        return (self.code,)


class ReferenceBandManager(models.Manager):
    def get_by_natural_key(self, code: str) -> ReferenceBand:
        return self.get(code=code)


class ReferenceBand(models.Model):
    """A default capaian category (Permendagri 86/2017) from `fixtures/capaian_bands.json`:
    every new year starts with these, and the office may change its year's copy."""

    code = models.SlugField(_("kode"), max_length=30, unique=True)
    label = models.CharField(_("kategori"), max_length=60)
    lower_bound = models.PositiveSmallIntegerField(_("batas bawah (%)"))

    objects = ReferenceBandManager()

    class Meta:
        verbose_name = _("kategori capaian acuan")
        verbose_name_plural = _("kategori capaian acuan")
        ordering = ["-lower_bound"]

    def __str__(self) -> str:
        return f"{self.label} (≥ {self.lower_bound})"

    def natural_key(self) -> tuple[str]:
        return (self.code,)

    def as_band(self) -> dict:
        """The band as a year stores it (`Year.bands`)."""
        return {"min": self.lower_bound, "code": self.code, "label": self.label}


BANDS_FIXTURE = "capaian_bands"


@cache
def fixture_bands() -> tuple[dict, ...]:
    """The default bands read straight from the fixture file, highest first: for code that
    computes capaian without a database (the capaian functions are pure)."""
    path = Path(settings.FIXTURE_DIRS[0]) / f"{BANDS_FIXTURE}.json"
    rows = [item["fields"] for item in json.loads(path.read_text(encoding="utf-8"))]
    rows.sort(key=lambda f: f["lower_bound"], reverse=True)
    return tuple({"min": f["lower_bound"], "code": f["code"], "label": f["label"]} for f in rows)


def default_bands() -> list[dict]:
    """A new year's bands: the reference table, else (before it is loaded) the fixture file."""
    bands = [band.as_band() for band in ReferenceBand.objects.order_by("-lower_bound")]
    return bands or [dict(b) for b in fixture_bands()]
