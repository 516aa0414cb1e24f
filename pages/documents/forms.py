"""Forms of the step-6 chapter editor and the step-7 correction."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from sakip.models import PlanRow
from sakip.text import FormCharField, limit_of
from workflow.models import Chapter, RevisionItem, RevisionRequest


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
        help_text=_("Teks biasa; pisahkan paragraf dengan baris kosong."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()
        self.helper.form_show_labels = False  # the card header names the chapter


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


class DraftReturnForm(forms.Form):
    """The Sekcam's return at step 7: a reason, and optionally a note on each chapter."""

    reason = FormCharField(
        label=_("Alasan pengembalian"),
        max_length=limit_of(RevisionRequest, "reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, chapters=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.chapters = list(chapters)
        for chapter in self.chapters:
            self.fields[f"note_{chapter.pk}"] = FormCharField(
                label=_("Catatan untuk %(title)s") % {"title": chapter.title},
                required=False,
                max_length=limit_of(RevisionItem, "note"),
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.helper = _helper()

    def chapter_notes(self) -> dict[int, str]:
        return {
            c.pk: self.cleaned_data.get(f"note_{c.pk}", "")
            for c in self.chapters
            if self.cleaned_data.get(f"note_{c.pk}", "").strip()
        }
