"""The one PDF renderer: Django template → WeasyPrint → bytes, plus the draft cache.

Every document renders through `render_pdf` so they share the letterhead, the fonts (Liberation,
metric-compatible with Times New Roman and Arial, so page breaks match what the office gets in
Word) and the page numbering. Drafts are cached in `RenderedDocument` under a hash of the data
they were rendered from: an unchanged draft is served again without rendering."""

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
from django.utils import translation
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


def cached_pdf(report, kind: str, data: object, render) -> RenderedPdf:
    """Serve `kind` for `report` from the cache while `data` is unchanged; otherwise call
    `render()` and keep its result."""
    from workflow.models import RenderedDocument

    key = data_key(kind, data)
    hit = RenderedDocument.objects.filter(report=report, kind=kind, data_key=key).first()
    if hit is not None:
        content = _read_cached(hit.file)
        if content is not None:
            return RenderedPdf(content=content, pages=hit.pages, anchors={}, cached=True)
    result = render()
    _keep(report, kind, key, result)
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


def _keep(report, kind: str, key: str, result: RenderedPdf) -> None:
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
        entry.data_key, entry.pages = key, result.pages
        name = f"{report.office_id}-{report.pk}-{kind}-{key[:12]}.pdf"
        entry.file.save(name, ContentFile(result.content), save=False)
        entry.save()
        if replaced:
            transaction.on_commit(partial(entry.file.storage.delete, replaced))


def sha256_hex(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
