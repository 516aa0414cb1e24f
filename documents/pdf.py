"""The one PDF renderer: Django template → WeasyPrint → bytes, plus the draft cache.

Every document renders through `render_pdf` so they share the letterhead, the fonts (Liberation,
metric-compatible with Times New Roman and Arial, so page breaks match what the office gets in
Word) and the page numbering. Drafts are cached in `RenderedDocument` under a hash of the data
they were rendered from and the versions of what that data is read from: an unchanged draft
is served again without rendering, and without reading its data while no version moved."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

# Bump when the templates change in a way that must invalidate cached drafts.
RENDER_VERSION = "3"  # 2: Bab II and Lampiran I print the signed PK; 3: the LKjIP draft
CSS_PX_TO_PT = 0.75
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    pages: int
    # {anchor id: (page index, (x1, y1, x2, y2) in PDF points, origin bottom-left)}
    anchors: dict[str, tuple[int, tuple[float, float, float, float]]]
    cached: bool = False


def render_html(template: str, context: dict) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(template, context)


def render_pdf(template: str, context: dict) -> RenderedPdf:
    """Render a document template to PDF. The anchors let the signer put its visible box
    exactly where the template left room for it."""
    html = render_html(template, context)
    base_url = str(Path(settings.BASE_DIR))
    document = HTML(string=html, base_url=base_url).render(font_config=FontConfiguration())
    anchors = {}
    for index, page in enumerate(document.pages):
        for name, (x1, y1, x2, y2) in page.anchors.items():
            height = page.height * CSS_PX_TO_PT
            anchors[name] = (
                index,
                (
                    x1 * CSS_PX_TO_PT,
                    height - y2 * CSS_PX_TO_PT,
                    x2 * CSS_PX_TO_PT,
                    height - y1 * CSS_PX_TO_PT,
                ),
            )
    return RenderedPdf(content=document.write_pdf(), pages=len(document.pages), anchors=anchors)


def data_key(kind: str, data: object) -> str:
    """The cache key: the selector's data as canonical JSON, hashed with the kind."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, sort_keys=True, default=str)
    return hashlib.sha256(f"{RENDER_VERSION}|{kind}|{payload}".encode()).hexdigest()


def versions_key(report, kind: str) -> str:
    """What a document of `report` can read, as version numbers, in one query: the office's
    data version (its master data, plan, letters, meetings and every state; sakip/versions.py),
    the content version of each of the office's reports up to this year (a LAKIP shows earlier
    years, a quarter earlier quarters), and today's date (drafts are dated). While it is
    unchanged the cached document is served without reading its data at all."""
    from workflow.models import Report

    versions = list(
        Report.objects.filter(office_id=report.office_id, year__year__lte=report.year.year)
        .order_by("pk")
        .values_list("pk", "data_version", "office__data_version")
    )
    payload = f"{RENDER_VERSION}|{kind}|{report.pk}|{timezone.localdate()}|{versions}"
    return hashlib.sha256(payload.encode()).hexdigest()


def cached_pdf(report, kind: str, select, render) -> RenderedPdf:
    """Serve `kind` for `report` from the cache while what it shows is unchanged; otherwise
    `render(select())` and keep the result. Two checks, cheapest first: the versions of what
    it reads (no data read at all), then the hash of the data `select()` returns (a change
    that moved a version without changing this document keeps the cached file)."""
    from workflow.models import RenderedDocument

    versions = versions_key(report, kind)
    cached = RenderedDocument.objects.filter(report=report, kind=kind)
    hit = cached.filter(versions_key=versions).first()
    if hit is not None and (content := _read_cached(hit.file)) is not None:
        return RenderedPdf(content=content, pages=hit.pages, anchors={}, cached=True)
    data = select()
    key = data_key(kind, data)
    hit = cached.filter(data_key=key).first()
    if hit is not None and (content := _read_cached(hit.file)) is not None:
        cached.filter(pk=hit.pk, data_key=key).update(versions_key=versions)
        return RenderedPdf(content=content, pages=hit.pages, anchors={}, cached=True)
    result = render(data)
    _keep(report, kind, key, versions, result)
    return result


def _read_cached(file) -> bytes | None:
    """The cached file's bytes, or None to render again. Another app server may have just
    replaced it: its file is then gone, and on S3 it can vanish between the existence check
    and the download, which botocore reports as its own error. A cache never fails a
    request."""
    try:
        with file.open("rb") as fh:
            return fh.read()
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - logged; the document is rendered instead
        logger.warning("Cache dokumen %s tidak terbaca; dirender ulang.", file.name, exc_info=True)
        return None


def _keep(report, kind: str, key: str, versions: str, result: RenderedPdf) -> None:
    """Store a rendering as the report's cached `kind`. Several app servers may render the
    same document at once: the cache row is locked while its file is replaced (created
    first if missing, so two first renderings also meet on the lock), and the replaced file
    leaves the shared store only once the new row is committed."""
    from workflow.models import RenderedDocument

    with transaction.atomic():
        entry, _new = RenderedDocument.objects.select_for_update().get_or_create(
            report=report, kind=kind
        )
        replaced = entry.file.name
        entry.data_key, entry.versions_key, entry.pages = key, versions, result.pages
        name = f"{report.office_id}-{report.pk}-{kind}-{key[:12]}.pdf"
        entry.file.save(name, ContentFile(result.content), save=False)
        entry.save()
        if replaced:
            transaction.on_commit(partial(entry.file.storage.delete, replaced))


def sha256_hex(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
