"""Freeze, hash and sign a document (PAdES baseline B-B with pyHanko): the final LAKIP at step
10, and each signed version of a Perjanjian Kinerja (`documents.perjanjian`).

`sign_final` runs inside the `report_sign` transaction: if rendering or signing fails, the
report stays unsigned. The stored bytes are what every download and every verification uses;
a `SignedDocument` is created once and never updated."""

from __future__ import annotations

import asyncio
import secrets
import tempfile
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives.serialization import Encoding, pkcs12
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _
from pyhanko import stamp
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from documents import lakip
from documents.pdf import RenderedPdf, render_pdf, sha256_hex
from documents.selectors.shared import signatory
from sakip.models import Role
from workflow.models import SignedDocument
from workflow.services.core import WorkflowError

FIELD_NAME = "TandaTanganCamat"
QR_SPACE_PT = 2.7 / 2.54 * 72  # the QR code takes the left 2.7 cm of the signature space


def verification_url(token: str) -> str:
    return f"{settings.SAKIP_PUBLIC_BASE_URL.rstrip('/')}/verifikasi/{token}/"


def load_signer() -> signers.SimpleSigner:
    path = Path(settings.SAKIP_SIGNING_PKCS12)
    if not path.exists():
        raise WorkflowError(
            _(
                "Sertifikat tanda tangan elektronik kantor belum tersedia. Hubungi operator "
                "(perintah: python manage.py make_demo_certificate)."
            )
        )
    signer = signers.SimpleSigner.load_pkcs12(
        pfx_file=str(path), passphrase=settings.SAKIP_SIGNING_PASSPHRASE.encode()
    )
    if signer is None:
        raise WorkflowError(_("Sertifikat tanda tangan elektronik tidak dapat dibuka."))
    return signer


def _stamp_style(
    folder: str, signatory: dict, when, width: float, height: float
) -> stamp.StaticStampStyle:
    """The visible signature box: drawn by WeasyPrint in the document's own font and used by
    pyHanko as the field's appearance (read lazily from `folder` while signing)."""
    minute = timezone.localtime(when).replace(second=0, microsecond=0)
    content = _stamp_pdf(
        signatory["name"], signatory["nip"], minute, round(width, 1), round(height, 1)
    )
    path = Path(folder) / "stamp.pdf"
    path.write_bytes(content)
    return stamp.StaticStampStyle.from_pdf_file(str(path), border_width=0)


@lru_cache(maxsize=32)
def _stamp_pdf(name: str, nip: str, minute, width: float, height: float) -> bytes:
    """The stamp shows the minute of signing: several documents signed by one person in one
    minute (a year's PKs) share its rendering."""
    rendered = render_pdf(
        "documents/signature_stamp.html",
        {
            "signatory": {"name": name, "nip": nip},
            "when": minute,
            "width": width,
            "height": height,
            "box_height": height - 1.5,
        },
    )
    return rendered.content


def sign_pdf(content: bytes, *, page: int, box: tuple, style, reason: str, location: str) -> bytes:
    signer = load_signer()
    writer = IncrementalPdfFileWriter(BytesIO(content))
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason,
        location=location,
    )
    pdf_signer = signers.PdfSigner(
        meta,
        signer=signer,
        stamp_style=style,
        new_field_spec=fields.SigFieldSpec(sig_field_name=FIELD_NAME, on_page=page, box=box),
    )
    return outside_event_loop(lambda: pdf_signer.sign_pdf(writer).getvalue())


def outside_event_loop(work):
    """pyHanko's synchronous calls run `asyncio.run()`, which refuses to start inside a
    thread that already runs an event loop (an async server, a browser test's main thread
    seeding the demo): there the work runs in a short-lived thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return work()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()


def sign_rendered(
    rendered: RenderedPdf, *, anchor: str, holder: dict, when, reason: str, location: str
) -> bytes:
    """Sign a rendered document with the office's certificate, the visible box drawn in the
    room the template left at `anchor` (right of the QR code)."""
    page, (x1, y1, x2, y2) = rendered.anchors[anchor]
    box = (round(x1 + QR_SPACE_PT, 1), round(y1, 1), round(x2, 1), round(y2, 1))
    with tempfile.TemporaryDirectory() as folder:
        style = _stamp_style(folder, holder, when, box[2] - box[0], box[3] - box[1])
        return sign_pdf(
            rendered.content, page=page, box=box, style=style, reason=reason, location=location
        )


def store_signed(
    *, signed: bytes, rendered: RenderedPdf, token: str, name: str, when, person, **subject
) -> SignedDocument:
    """Keep the signed bytes once, with their SHA-256 and the unsigned rendering's, for the
    verification page. `subject` is `report=` or `perjanjian=`."""
    return SignedDocument.objects.create(
        token=token,
        file=ContentFile(signed, name=f"{name}-{token[:8]}.pdf"),
        sha256=sha256_hex(signed),
        unsigned_sha256=sha256_hex(rendered.content),
        signed_at=when,
        signed_by=person,
        pages=rendered.pages,
        **subject,
    )


def sign_final(*, report, person) -> SignedDocument:
    """Render the final LAKIP (no watermark, QR code to the verification page), sign it with
    the office's certificate and store the signed bytes with their SHA-256."""
    if SignedDocument.objects.filter(report=report).exists():
        raise WorkflowError(_("LAKIP ini sudah ditandatangani; dokumen final tidak dapat diubah."))
    token = secrets.token_urlsafe(24)
    now = timezone.now()
    on = timezone.localdate(now)
    rendered = lakip.render_final(report, on=on, verify_url=verification_url(token))
    signed = sign_rendered(
        rendered,
        anchor=lakip.SIGNATURE_ANCHOR,
        holder=signatory(report.office, Role.CAMAT, on),
        when=now,
        reason=_("Persetujuan LAKIP Kecamatan %(office)s Tahun %(year)s")
        % {"office": report.office.name, "year": report.year.year},
        location=report.office.city or report.office.name,
    )
    return store_signed(
        signed=signed,
        rendered=rendered,
        token=token,
        name=f"{report.office_id}-{report.pk}",
        when=now,
        person=person,
        report=report,
    )


def signed_bytes(document: SignedDocument) -> bytes:
    with document.file.open("rb") as fh:
        return fh.read()


@lru_cache(maxsize=4)
def _trust_root(path: str, mtime: float) -> asn1_x509.Certificate:
    """The office certificate as pyHanko's trust root (cached per file version)."""
    _key, cert, _extra = pkcs12.load_key_and_certificates(
        Path(path).read_bytes(), settings.SAKIP_SIGNING_PASSPHRASE.encode()
    )
    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))


def validate_signature(content: bytes) -> dict:
    """Check the embedded signature with pyHanko against the office's certificate.
    Returns {"valid": bool, "intact": bool, "signer": str}; never raises on bad input."""
    try:
        path = settings.SAKIP_SIGNING_PKCS12
        root = _trust_root(path, Path(path).stat().st_mtime)
        reader = PdfFileReader(BytesIO(content))
        sigs = reader.embedded_signatures
        if not sigs:
            return {"valid": False, "intact": False, "signer": ""}
        status = outside_event_loop(
            lambda: validate_pdf_signature(
                sigs[0], signer_validation_context=ValidationContext(trust_roots=[root])
            )
        )
        return {
            "valid": bool(status.bottom_line),
            "intact": bool(status.intact),
            "signer": status.signing_cert.subject.human_friendly,
        }
    except Exception:  # noqa: BLE001 - any unreadable or altered file is simply "not valid"
        return {"valid": False, "intact": False, "signer": ""}
