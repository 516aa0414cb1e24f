"""The Perjanjian Kinerja (PermenPAN-RB 53/2014): the statement of the two parties, their
signature blocks (Pihak Kedua left, Pihak Pertama right), and the lampiran with the targets
and the budget. A draft is watermarked; a signed version is frozen like the final LAKIP: its
bytes are stored, hashed and PAdES-signed, and checked on the public verification page."""

from __future__ import annotations

import secrets

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from documents.lakip import qr_image
from documents.pdf import RenderedPdf, render_pdf
from documents.plan_context import plan_context
from documents.selectors.planning import perjanjian_data
from documents.signing import sign_rendered, store_signed, verification_url
from workflow.models import PerjanjianKinerja, SignedDocument
from workflow.services.core import WorkflowError

KIND = "perjanjian-kinerja"
TEMPLATE = "documents/perjanjian_kinerja.html"
SIGNATURE_ANCHOR = "ttd-camat"


def filename(perjanjian: PerjanjianKinerja) -> str:
    who = (
        slugify(perjanjian.unit.short_name or perjanjian.unit.name)
        if perjanjian.unit_id
        else "kantor"
    )
    version = f"-v{perjanjian.version}" if perjanjian.version > 1 else ""
    office = perjanjian.office.name.lower()
    return f"perjanjian-kinerja-{office}-{who}-{perjanjian.year.year}{version}.pdf"


def _context(data: dict, *, watermark: bool, verify_url: str = "") -> dict:
    return {
        **plan_context(data),
        "watermark": watermark,
        "verify_url": verify_url,
        "qr": qr_image(verify_url) if verify_url else "",
        "sig_id": SIGNATURE_ANCHOR if verify_url else "",
    }


def render(perjanjian: PerjanjianKinerja) -> RenderedPdf:
    """The version as it reads now, watermarked unless signed (a signed version's file is
    the stored one: see `plan_registry.perjanjian_pdf`)."""
    data = perjanjian_data(perjanjian)
    return render_pdf(TEMPLATE, _context(data, watermark=not perjanjian.is_signed))


def sign_perjanjian(*, perjanjian: PerjanjianKinerja, person) -> SignedDocument:
    """Render this version from its snapshot (no watermark, QR code to the verification
    page), sign it with the office's certificate, and store the signed bytes."""
    if SignedDocument.objects.filter(perjanjian=perjanjian).exists():
        raise WorkflowError(_("Versi PK ini sudah ditandatangani; dokumennya tidak dapat diubah."))
    token = secrets.token_urlsafe(24)
    url = verification_url(token)
    data = perjanjian_data(perjanjian)
    rendered = render_pdf(TEMPLATE, _context(data, watermark=False, verify_url=url))
    camat = data["pihak_pertama"] if data["camat_is_first"] else data["pihak_kedua"]
    now = timezone.now()
    signed = sign_rendered(
        rendered,
        anchor=SIGNATURE_ANCHOR,
        holder=camat,
        when=now,
        reason=_("Perjanjian Kinerja %(who)s Tahun %(year)s")
        % {
            "who": perjanjian.unit.name if perjanjian.unit_id else perjanjian.office,
            "year": perjanjian.year.year,
        },
        location=perjanjian.office.city or perjanjian.office.name,
    )
    return store_signed(
        signed=signed,
        rendered=rendered,
        token=token,
        name=f"pk-{perjanjian.office_id}-{perjanjian.pk}",
        when=now,
        person=person,
        perjanjian=perjanjian,
    )
