"""Checking evidence files before they are stored: the type from the content (never the
name), the size, macro-free Office files, and a filename safe to hand back later."""

from __future__ import annotations

import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.utils.translation import gettext as _

from workflow.services.core import WorkflowError

MAX_NAME = 120
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO_MARKERS = ("macroenabled", "vbaproject")
MAX_CONTENT_TYPES_BYTES = 1024 * 1024
# An Office file is a zip: what its members declare they inflate to is checked before any
# is read. Real documents inflate a few times (pictures hardly at all); a zip bomb inflates
# hundreds of times, to hundreds of MB.
ZIP_MAX_MEMBERS = 1000
ZIP_MAX_UNCOMPRESSED = 100 * 1024 * 1024
ZIP_MAX_RATIO = 100


class UploadRefused(WorkflowError):
    """An uploaded file we will not keep; `.message` says why, in Indonesian."""


@dataclass(frozen=True)
class Checked:
    name: str
    content_type: str
    kind: str


ALLOWED = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def sanitize_filename(name: str, *, fallback: str = "berkas") -> str:
    """Keep only the last path part, no control characters or shell/HTML specials, at most
    MAX_NAME characters with the extension kept."""
    name = unicodedata.normalize("NFKC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r"[^\w .()\-]", "_", name, flags=re.UNICODE)
    name = re.sub(r"\s+", " ", name).strip(" .")
    name = re.sub(r"_+", "_", name)
    if not name:
        name = fallback
    stem, ext = os.path.splitext(name)
    ext = ext[:10]
    if len(name) > MAX_NAME:
        name = stem[: MAX_NAME - len(ext)].rstrip(" .") + ext
    return name


def office_kind(head: bytes, upload) -> str:
    """'xlsx' or 'docx' for an Office Open XML zip; refuses macro-enabled and other zips."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            _check_inflation(archive)
            names = {n.lower() for n in archive.namelist()}
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > MAX_CONTENT_TYPES_BYTES:
                raise UploadRefused(_("Berkas Office ini tidak wajar dan ditolak."))
            types = archive.read(info).decode("utf-8", "replace").lower()
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError):
        raise UploadRefused(_("Berkas ini bukan PDF, JPG, PNG, XLSX atau DOCX.")) from None
    finally:
        upload.seek(0)
    if any(m in types for m in MACRO_MARKERS) or any("vbaproject" in n for n in names):
        raise UploadRefused(
            _(
                "Berkas Office yang mengandung makro (xlsm/docm) tidak diterima. Simpan ulang sebagai .xlsx atau .docx."
            )
        )
    if XLSX_MAIN in types and "xl/workbook.xml" in names:
        return "xlsx"
    if DOCX_MAIN in types and "word/document.xml" in names:
        return "docx"
    raise UploadRefused(_("Berkas ini bukan PDF, JPG, PNG, XLSX atau DOCX."))


def _check_inflation(archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    declared = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if (
        len(infos) > ZIP_MAX_MEMBERS
        or declared > ZIP_MAX_UNCOMPRESSED
        or (declared > 1024 * 1024 and declared / packed > ZIP_MAX_RATIO)
    ):
        raise UploadRefused(
            _(
                "Berkas Office ini mengembang tidak wajar saat dibuka (lebih dari %(mb)s MB "
                "atau %(ratio)s kali ukurannya) dan ditolak. Simpan ulang berkasnya lalu "
                "unggah lagi."
            )
            % {"mb": _mb(ZIP_MAX_UNCOMPRESSED), "ratio": ZIP_MAX_RATIO}
        )


def checked_upload(upload) -> Checked:
    limit = settings.SAKIP_EVIDENCE_MAX_BYTES
    if upload.size > limit:
        raise UploadRefused(_("Berkas terlalu besar: paling besar %(mb)s MB.") % {"mb": _mb(limit)})
    if upload.size == 0:
        raise UploadRefused(_("Berkas kosong."))
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    guess = filetype.guess(head)
    ext = guess.extension if guess else ""
    if ext == "zip" or head.startswith(b"PK\x03\x04"):
        kind = office_kind(head, upload)
    elif ext in {"pdf", "jpg", "png"}:
        kind = ext
    else:
        raise UploadRefused(_("Berkas ini bukan PDF, JPG, PNG, XLSX atau DOCX."))
    name = sanitize_filename(upload.name)
    stem, current = os.path.splitext(name)
    wanted = {"jpg": (".jpg", ".jpeg")}.get(kind, (f".{kind}",))
    if current.lower() not in wanted:
        # The stored name says what the file really is, whatever it was called.
        name = sanitize_filename(f"{stem or 'berkas'}.{kind}")
    return Checked(name=name, content_type=ALLOWED[kind], kind=kind)


def _mb(limit: int) -> str:
    value = limit / (1024 * 1024)
    return f"{value:g}".replace(".", ",")
