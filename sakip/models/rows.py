"""The nine-column table of the SOP: one row per indicator in a report, with its evidence."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from sakip import text
from sakip.models.org import Person, Unit
from sakip.models.plan import FOUR_PLACES, Indikator, Target


class PlanRow(models.Model):
    """A row of the SOP's format (section V). Columns 2, 3, 4, 6 and 8 come from the plan
    (indikator, target, unit); the section head fills 5, 7 and 9. `version` is bumped on every
    save so that a stale edit is refused instead of overwriting a newer one."""

    submission = models.ForeignKey(
        "workflow.Submission", on_delete=models.CASCADE, related_name="rows"
    )
    indikator = models.ForeignKey(Indikator, on_delete=models.PROTECT, related_name="rows")
    target = models.ForeignKey(Target, on_delete=models.PROTECT, related_name="rows")
    unit = models.ForeignKey(
        Unit, verbose_name=_("yang membidangi"), on_delete=models.PROTECT, related_name="rows"
    )
    number = models.PositiveSmallIntegerField(_("no"))
    realisasi = models.DecimalField(
        _("realisasi"),
        max_digits=16,
        decimal_places=4,
        null=True,
        blank=True,
        validators=FOUR_PLACES,
    )
    realisasi_text = text.TextField(_("realisasi/progres (teks)"), max_length=text.NOTE, blank=True)
    sumber_data = text.CharField(_("sumber data"), max_length=255, blank=True)
    keterangan = text.TextField(_("ket"), max_length=text.NOTE, blank=True)
    belum_berjalan = models.BooleanField(_("kegiatan belum berjalan"), default=False)
    belum_berjalan_reason = text.TextField(
        _("alasan belum berjalan"), max_length=text.NOTE, blank=True
    )
    analysis = text.TextField(
        _("analisis capaian"),
        max_length=text.REASON,
        blank=True,
        help_text=_("Penyebab keberhasilan/kegagalan dan solusi (untuk Bab III)."),
    )
    # True while the analysis is the product's first draft, untouched by a person.
    analysis_generated = models.BooleanField(_("analisis dibuat otomatis"), default=False)
    # A quarter's row (1–4; 0 in the year's LAKIP): the quarter's target and the earlier
    # quarters' realisations, as they stood when the quarter's measurement was opened.
    quarter = models.PositiveSmallIntegerField(_("triwulan"), default=0)
    quarter_target = models.DecimalField(
        _("target triwulan"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    earlier = models.JSONField(_("realisasi triwulan sebelumnya"), default=list, blank=True)
    # The year's row whose realisation was prefilled from the quarters: the latest quarter
    # measured (shown as "dari TW IV"), until its unit head confirms or changes it; else 0.
    from_quarter = models.PositiveSmallIntegerField(_("realisasi dari triwulan"), default=0)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("baris format pengumpulan")
        verbose_name_plural = _("baris format pengumpulan")
        ordering = ["submission__report", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "indikator"], name="row_unique_indikator"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.indikator}"

    @property
    def is_filled(self) -> bool:
        if self.belum_berjalan:
            return bool(self.belum_berjalan_reason.strip())
        has_value = self.realisasi is not None or bool(self.realisasi_text.strip())
        return has_value and bool(self.sumber_data.strip())


def evidence_path(instance: Evidence, filename: str) -> str:
    # The stored name never comes from the user: only the sanitised original name is kept.
    return f"evidence/{instance.row.submission.report.office_id}/{uuid.uuid4().hex}"


class Evidence(models.Model):
    row = models.ForeignKey(PlanRow, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=evidence_path, max_length=255)
    original_name = text.CharField(_("nama berkas"), max_length=160)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        ordering = ["row", "uploaded_at"]

    def __str__(self) -> str:
        return self.original_name
