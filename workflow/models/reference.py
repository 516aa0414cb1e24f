"""The SOP's steps as reference data: a table without an office, filled from
`fixtures/sop_steps.json` with `loaddata`. Every new office gets a copy (`Step`) that its
admin may change; the reference itself stays as the SOP has it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferenceStepManager(models.Manager):
    def get_by_natural_key(self, number: int) -> ReferenceStep:
        return self.get(number=number)


class ReferenceStep(models.Model):
    """One of the 13 steps of the SOP "Perencanaan Kinerja" with its Mutu Baku (kelengkapan,
    minutes, output) and the product's default actors (DESIGN.md: the SOP's actor columns
    were lost in its text)."""

    number = models.PositiveSmallIntegerField(_("no"), unique=True)
    name = models.CharField(_("kegiatan"), max_length=255)
    actor_roles = models.JSONField(
        _("pelaksana"), default=list, help_text=_("Kode peran: camat, sekcam, kasi, jf.")
    )
    kelengkapan = models.CharField(_("kelengkapan"), max_length=120)
    minutes = models.PositiveIntegerField(_("waktu (menit)"))
    output = models.CharField(_("output"), max_length=120)

    objects = ReferenceStepManager()

    class Meta:
        verbose_name = _("langkah SOP acuan")
        verbose_name_plural = _("langkah SOP acuan")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"

    def natural_key(self) -> tuple[int]:
        return (self.number,)
