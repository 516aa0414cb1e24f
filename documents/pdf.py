"""The one PDF renderer: Django template → WeasyPrint → bytes, plus the draft cache.

Every document renders through `render_pdf` so they share the letterhead, the fonts (Liberation,
metric-compatible with Times New Roman and Arial, so page breaks match what the office gets in
Word) and the page numbering. Drafts are cached in `RenderedDocument` under a hash of the data
they were rendered from: an unchanged draft is served again without rendering."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

# Bump when the templates change in a way that must invalidate cached drafts.
RENDER_VERSION = "2"  # 2: Bab II and Lampiran I print the signed PK
CSS_PX_TO_PT = 0.75


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
        try:
            with hit.file.open("rb") as fh:
                return RenderedPdf(content=fh.read(), pages=hit.pages, anchors={}, cached=True)
        except FileNotFoundError:
            pass  # the file went missing: render again below
    result = render()
    old = RenderedDocument.objects.filter(report=report, kind=kind).first()
    if old is not None and old.file:
        old.file.delete(save=False)
    name = f"{report.office_id}-{report.pk}-{kind}-{key[:12]}.pdf"
    RenderedDocument.objects.update_or_create(
        report=report,
        kind=kind,
        defaults={
            "data_key": key,
            "file": ContentFile(result.content, name=name),
            "pages": result.pages,
        },
    )
    return result


def sha256_hex(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
