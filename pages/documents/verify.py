"""The public verification page of a signed document (no login): the final LAKIP or a signed
version of a Perjanjian Kinerja. Anyone holding a copy can check that it is exactly the file
the Camat signed."""

from __future__ import annotations

import hashlib
import ipaddress

from django import forms
from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from documents.signing import validate_signature
from workflow.models import LetterKind, LetterNumber, SignedDocument


class VerifyForm(forms.Form):
    file = forms.FileField(label=_("Berkas PDF yang akan diperiksa"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.SAKIP_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(_("Berkas terlalu besar."))
        return upload


def client_address(group: str, request) -> str:
    """The client's address for throttling: behind the proxy the header it sets
    (SAKIP_CLIENT_IP_HEADER, e.g. HTTP_X_REAL_IP), else the connection's; an IPv6 client
    counts per /64, as one household or office usually holds one."""
    raw = request.META.get(settings.SAKIP_CLIENT_IP_HEADER) or request.META.get("REMOTE_ADDR")
    text = (raw or "").split(",")[-1].strip()
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return text or "unknown"
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def verify_rate(group: str, request) -> str:
    return settings.SAKIP_VERIFY_RATE


@require_http_methods(["GET", "POST"])
@ratelimit(key=client_address, rate=verify_rate, method="POST", block=False)
def verify(request, token: str):
    """Anonymous uploads of a PDF to check: each one is read and hashed, so they are
    throttled per client address (SAKIP_VERIFY_RATE)."""
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
    if getattr(request, "limited", False):
        response = render(
            request, "documents/verify_limited.html", {"document": document}, status=429
        )
        response["Retry-After"] = "60"
        return response
    letter = None
    if document.report_id:
        letter = (
            LetterNumber.objects.filter(report=document.report, kind=LetterKind.SURAT_PENGANTAR)
            .order_by("issued_at")
            .first()
        )
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
