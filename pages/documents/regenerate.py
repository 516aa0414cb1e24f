"""Step 6: "Buat ulang" writes one chapter again from the report's data. A chapter that a
person has already changed is overwritten only after they confirm it on this page."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from pages import access
from workflow.models import ReportState
from workflow.permissions import can_act_on_report
from workflow.services.procedure import EditedText, chapter_regenerate


class RegenerateForm(forms.Form):
    timpa = forms.BooleanField(
        label=gettext_lazy("Ya, timpa isi bab ini dengan draf baru dari data"),
        required=True,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "post"
        self.helper.add_input(
            Submit("submit", gettext_lazy("Buat ulang dan timpa"), css_class="btn-danger")
        )


def _draft_url(report, chapter) -> str:
    return f"{reverse('documents:draft', args=[report.pk])}#bab-{chapter.pk}"


@login_required
@require_http_methods(["GET", "POST"])
def chapter_regenerate_view(request, pk: int, chapter_pk: int):
    chapter = access.chapter_for(request, pk, chapter_pk)
    report, person = chapter.report, access.person_for(request)
    if report.state != ReportState.DRAFTING or not can_act_on_report(person, report, 6):
        raise PermissionDenied(
            _("Bab hanya dapat dibuat ulang oleh penyusun pada tahap penyusunan draf.")
        )
    form = RegenerateForm(request.POST or None)
    if request.method == "POST":
        overwrite = form.is_valid() and form.cleaned_data["timpa"]
        try:
            chapter_regenerate(chapter=chapter, person=person, overwrite=overwrite)
        except EditedText:
            if "timpa" in request.POST:
                messages.error(request, _("Centang konfirmasi untuk menimpa isi bab."))
            # Ask first: the confirmation page below.
            return redirect(request.path)
        messages.success(request, _("%(title)s dibuat ulang dari data.") % {"title": chapter.title})
        return redirect(_draft_url(report, chapter))
    return render(
        request,
        "documents/regenerate_confirm.html",
        {"report": report, "chapter": chapter, "form": RegenerateForm()},
    )
