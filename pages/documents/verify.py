"""The public verification page of a signed document (no login): the final LAKIP or a signed
version of a Perjanjian Kinerja. Anyone holding a copy can check that it is exactly the file
the Camat signed."""

from __future__ import annotations

import hashlib

from django import forms
from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from documents.signing import validate_signature
from workflow.models import LetterNumber, SignedDocument


class VerifyForm(forms.Form):
    file = forms.FileField(label=_("Berkas PDF yang akan diperiksa"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.SAKIP_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(_("Berkas terlalu besar."))
        return upload


@require_http_methods(["GET", "POST"])
def verify(request, token: str):
    document = get_object_or_404(
        SignedDocument.objects.select_related(
            "report__office__kabupaten",
            "report__year",
            "perjanjian__office__kabupaten",
            "perjanjian__year",
            "perjanjian__unit",
            "signed_by",
        ),
        token=token,
    )
    letter = None
    if document.report_id:
        letter = LetterNumber.objects.filter(report=document.report).order_by("issued_at").first()
    result = None
    form = VerifyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        content = form.cleaned_data["file"].read()
        digest = hashlib.sha256(content).hexdigest()
        signature = validate_signature(content)
        result = {
            "match": digest == document.sha256,
            "sha256": digest,
            "signature": signature,
        }
    return render(
        request,
        "documents/verify.html",
        {"document": document, "letter": letter, "form": form, "result": result},
    )
