"""Forms of the step-6 chapter editor (the step-7 return form is the transition's own,
`workflow.forms.ReturnDraftForm`)."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _


def _helper() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    return helper


class ChapterForm(forms.Form):
    body = forms.CharField(
        label=_("Isi"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Pisahkan paragraf dengan baris kosong. Daftar: awali baris dengan “- ” atau "
            "“1. ”. Tabel: “| Kolom | Kolom |”, lalu “|---|---|”, lalu baris isinya. "
            "**tebal**, *miring*. Catatan [Penyusun: …] ditandai kuning di PDF."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()
        self.helper.form_show_labels = False  # the card header names the chapter


class AnalysisForm(forms.Form):
    analysis = forms.CharField(
        label=_("Analisis capaian"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Penyebab keberhasilan/kegagalan dan solusinya."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()
