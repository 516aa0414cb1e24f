"""The plan's documents by kind: the Perjanjian Kinerja, the IKU and the Rencana Aksi. They
belong to an office's year (and optionally a unit), not to a report, so they have their own
list; the plan page, the PK page and `render_document` share it."""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from django.utils.translation import gettext_lazy as _

from documents import iku, perjanjian, rencana_aksi
from documents.registry import DocumentFile
from documents.selectors.shared import DocumentMissing
from workflow.models import PerjanjianKinerja, PerjanjianState


@dataclass(frozen=True)
class PlanDocumentKind:
    kind: str
    title: str
    module: ModuleType


PLAN_KINDS = {
    d.kind: d
    for d in [
        PlanDocumentKind(perjanjian.KIND, _("Perjanjian Kinerja"), perjanjian),
        PlanDocumentKind(iku.KIND, _("Indikator Kinerja Utama (IKU)"), iku),
        PlanDocumentKind(rencana_aksi.KIND, _("Rencana Aksi"), rencana_aksi),
    ]
}


def perjanjian_pdf(agreement: PerjanjianKinerja) -> DocumentFile:
    """A PK version's PDF: once signed, always the stored signed bytes, never rendered
    again; before that, a watermarked draft of what it will freeze."""
    signed = getattr(agreement, "signed_document", None) if agreement.is_signed else None
    if signed is not None:
        from documents.signing import signed_bytes

        return DocumentFile(
            content=signed_bytes(signed),
            filename=perjanjian.filename(agreement).replace(".pdf", "-ttd.pdf"),
            pages=signed.pages,
            cached=True,
            signed=True,
        )
    rendered = perjanjian.render(agreement)
    return DocumentFile(
        content=rendered.content,
        filename=perjanjian.filename(agreement),
        pages=rendered.pages,
        cached=False,
    )


def current_perjanjian(year, unit=None) -> PerjanjianKinerja | None:
    """The PK of the office's year (or of `unit`): the signed version in force, else the
    version being prepared."""
    versions = PerjanjianKinerja.objects.filter(year=year, unit=unit).select_related(
        "office__kabupaten", "year", "unit"
    )
    signed = versions.filter(state=PerjanjianState.SIGNED).order_by("-version").first()
    return signed or versions.order_by("-version").first()


def plan_document_pdf(kind: str, year, unit=None) -> DocumentFile:
    """The plan document `kind` of the office's year (a unit's part with `unit`). Raises
    `DocumentMissing` for a PK not prepared yet, KeyError for an unknown kind."""
    entry = PLAN_KINDS[kind]
    if kind == perjanjian.KIND:
        agreement = current_perjanjian(year, unit)
        if agreement is None:
            raise DocumentMissing(
                _("Perjanjian Kinerja tahun %(year)s belum disiapkan.") % {"year": year.year}
            )
        return perjanjian_pdf(agreement)
    rendered = entry.module.render(year, unit)
    return DocumentFile(
        content=rendered.content,
        filename=entry.module.filename(year, unit),
        pages=rendered.pages,
        cached=False,
    )
