"""The quarter's measurement meeting decides follow-ups per indicator: what is to be done, by
which unit, by when. A follow-up left open shows in the next quarter and on the responsible
unit head's task list until it is marked done."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sakip import text
from sakip.models import Indikator, Person, Unit
from workflow.models.procedure import Report


class FollowUp(models.Model):
    report = models.ForeignKey(
        Report,
        verbose_name=_("pengukuran"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    indikator = models.ForeignKey(
        Indikator, verbose_name=_("indikator"), on_delete=models.PROTECT, related_name="+"
    )
    action = text.TextField(_("tindak lanjut"), max_length=text.NOTE)
    unit = models.ForeignKey(
        Unit, verbose_name=_("penanggung jawab"), on_delete=models.PROTECT, related_name="+"
    )
    due_date = models.DateField(_("batas waktu"))
    done_at = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    done_note = text.TextField(_("catatan penyelesaian"), max_length=text.NOTE, blank=True)
    done_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tindak lanjut")
        verbose_name_plural = _("tindak lanjut")
        ordering = ["report", "due_date", "pk"]

    def __str__(self) -> str:
        return f"{self.indikator}: {self.action[:60]}"

    @property
    def is_open(self) -> bool:
        return self.done_at is None
