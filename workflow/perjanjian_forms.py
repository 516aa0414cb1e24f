"""The forms of the Perjanjian Kinerja's transitions, named in their metadata
(`perjanjian_meta`): the same door machinery as the procedure's steps renders and validates
them, and `perform()` calls the service."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflow.forms import DATE, REASON, StepForm
from workflow.services import planning as svc


class SubmitPerjanjianForm(StepForm):
    explanation = _(
        "Isi rencana dibekukan sekarang dan diajukan kepada Sekretaris Camat untuk diperiksa. "
        "Selama diperiksa, rencana tahun ini tidak dapat diubah."
    )

    def perform(self):
        return svc.perjanjian_submit(perjanjian=self.obj, person=self.person)


class ReviewPerjanjianForm(StepForm):
    explanation = _(
        "Perjanjian Kinerja sudah diperiksa dan sesuai; teruskan kepada Camat untuk ditandatangani."
    )
    note = forms.CharField(
        label=_("Catatan (tidak wajib)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def perform(self):
        return svc.perjanjian_review(
            perjanjian=self.obj, person=self.person, note=self.cleaned_data["note"].strip()
        )


class ReturnPerjanjianForm(StepForm):
    explanation = _(
        "Perjanjian Kinerja kembali kepada Kasubag Perencanaan, Evaluasi dan Pelaporan untuk "
        "diperbaiki; rencana tahun ini dapat diubah lagi. Tuliskan apa yang harus diperbaiki."
    )
    reason = REASON

    def perform(self):
        return svc.perjanjian_return(
            perjanjian=self.obj, person=self.person, reason=self.cleaned_data["reason"]
        )


class SignPerjanjianForm(StepForm):
    explanation = _(
        "Dengan menandatangani, versi ini dibekukan: PDF-nya disimpan, diberi sidik (SHA-256) "
        "dan ditandatangani secara elektronik dengan sertifikat kantor. Perubahan sesudahnya "
        "dibuat sebagai PK Perubahan."
    )
    dated = forms.DateField(
        label=_("Tanggal perjanjian"),
        widget=DATE,
        required=False,
        help_text=_("Tanggal yang tertulis pada PK; kosongkan untuk hari ini."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("dated", timezone.localdate())

    def perform(self):
        return svc.perjanjian_sign(
            perjanjian=self.obj, person=self.person, dated=self.cleaned_data.get("dated")
        )
