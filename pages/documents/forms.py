"""Forms of the step-6 chapter editor (the step-7 return form is the transition's own,
`workflow.forms.ReturnDraftForm`)."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from sakip.models import PlanRow
from sakip.text import FormCharField, limit_of
from workflow.models import Chapter


def _helper() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    return helper


class ChapterForm(forms.Form):
    body = FormCharField(
        label=_("Isi"),
        required=False,
        max_length=limit_of(Chapter, "body"),
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
        # The version travels in the editor's save state (it moves with every autosave).
        self.helper.layout = Layout("body")


class AnalysisForm(forms.Form):
    analysis = FormCharField(
        label=_("Analisis capaian"),
        required=False,
        max_length=limit_of(PlanRow, "analysis"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Penyebab keberhasilan/kegagalan dan solusinya."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()
        self.helper.layout = Layout("analysis")
