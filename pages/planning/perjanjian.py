"""The Perjanjian Kinerja's pages: one version with its parties, content, checks, buttons
(its transitions' doors), earlier versions, what changed since the previous version, and its
history; the PDF; preparing the year's drafts; the PK Perubahan."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from documents.plan_registry import PLAN_KINDS, perjanjian_pdf, plan_document_pdf
from documents.selectors.planning import pk_budget, pk_sasaran
from documents.selectors.shared import DocumentMissing
from documents.signing import verification_url
from pages import access
from pages.planning.forms import ReasonForm
from sakip.models import Unit
from sakip.planning.diff import snapshot_diff
from sakip.planning.parties import parties
from sakip.planning.snapshot import for_unit
from workflow.models import AuditEntry, PerjanjianKinerja, PerjanjianState
from workflow.models.perjanjian import office_agreement_in_force
from workflow.permissions import may_prepare_plan
from workflow.services import TransitionRefused
from workflow.services import planning as svc
from workflow.services.core import available_transitions, blocked_transitions

P = PerjanjianState


def pdf_response(document, *, inline: bool = True) -> HttpResponse:
    response = HttpResponse(document.content, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{document.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def perjanjian_prepare(request, tahun: int):
    person, year = access.plan_preparer_for(request, tahun)
    made = svc.perjanjian_prepare(year=year, person=person)
    messages.success(
        request,
        _("%(n)s draf Perjanjian Kinerja disiapkan.") % {"n": len(made)}
        if made
        else _("Semua Perjanjian Kinerja tahun ini sudah disiapkan."),
    )
    return redirect(reverse("planning:plan", args=[tahun]) + "#perjanjian")


HISTORY_LABELS = {
    "sakip.perjanjian.created": gettext_lazy("draf disiapkan"),
    "sakip.perjanjian.amended": gettext_lazy("PK Perubahan dibuat"),
    "sakip.perjanjian.submit": gettext_lazy("diajukan kepada Sekretaris Camat"),
    "sakip.perjanjian.review": gettext_lazy("diperiksa dan diteruskan kepada Camat"),
    "sakip.perjanjian.return_for_revision": gettext_lazy("dikembalikan untuk diperbaiki"),
    "sakip.perjanjian.sign": gettext_lazy("ditandatangani"),
}


def _history(perjanjian: PerjanjianKinerja) -> list[AuditEntry]:
    entries = list(
        AuditEntry.objects.filter(office_id=perjanjian.office_id, payload__perjanjian=perjanjian.pk)
        .select_related("actor")
        .order_by("created_at", "id")
    )
    for entry in entries:
        entry.label = HISTORY_LABELS.get(entry.action, entry.action)
    return entries


def _diff(perjanjian: PerjanjianKinerja, content: dict):
    """What this version changes in the version it amends."""
    previous = perjanjian.amends
    if previous is None or previous.snapshot is None:
        return None
    return snapshot_diff(previous.snapshot, content)


def _unit_outdated(perjanjian: PerjanjianKinerja) -> bool:
    """A signed unit's PK whose part of the office's PK in force has changed since."""
    if perjanjian.unit_id is None or not perjanjian.is_signed:
        return False
    office = office_agreement_in_force(perjanjian.year)
    if office is None or office.snapshot is None:
        return False
    return bool(snapshot_diff(perjanjian.snapshot, for_unit(office.snapshot, perjanjian.unit_id)))


@login_required
@require_GET
def perjanjian_page(request, tahun: int, perjanjian_pk: int):
    person, perjanjian = access.perjanjian_for(request, tahun, perjanjian_pk)
    content = perjanjian.content()
    if "pihak_pertama" in content:
        first, second = content["pihak_pertama"], content["pihak_kedua"]
    else:
        first, second = parties(
            perjanjian.office, perjanjian.dated or timezone.localdate(), unit=perjanjian.unit
        )
    versions = list(
        PerjanjianKinerja.objects.filter(year=perjanjian.year, unit=perjanjian.unit).order_by(
            "-version"
        )
    )
    history = _history(perjanjian)
    returned = next(
        (h for h in reversed(history) if h.action == "sakip.perjanjian.return_for_revision"), None
    )
    signed = getattr(perjanjian, "signed_document", None) if perjanjian.is_signed else None
    latest = versions[0]
    return render(
        request,
        "planning/perjanjian.html",
        {
            "year": perjanjian.year,
            "perjanjian": perjanjian,
            "pihak_pertama": first,
            "pihak_kedua": second,
            "sasaran": pk_sasaran(content),
            "anggaran": pk_budget(content, unit=perjanjian.unit_id is not None),
            "blockers": perjanjian.blockers() if perjanjian.is_live else [],
            "transitions": available_transitions(perjanjian, request.user),
            "blocked": blocked_transitions(perjanjian, request.user),
            "versions": [
                {"v": v, "url": reverse("planning:perjanjian", args=[tahun, v.pk])}
                for v in versions
            ],
            "diff": _diff(perjanjian, content),
            "history": history,
            "returned": returned if perjanjian.state == P.RETURNED else None,
            "signed": signed,
            "verify_url": verification_url(signed.token) if signed else "",
            "pdf_url": reverse("planning:perjanjian_pdf", args=[tahun, perjanjian.pk]),
            "can_amend": perjanjian.is_signed
            and latest.pk == perjanjian.pk
            and may_prepare_plan(person, perjanjian.office_id),
            "unit_outdated": _unit_outdated(perjanjian),
        },
    )


@login_required
@require_GET
def perjanjian_download(request, tahun: int, perjanjian_pk: int):
    _person, perjanjian = access.perjanjian_for(request, tahun, perjanjian_pk)
    return pdf_response(perjanjian_pdf(perjanjian), inline=request.GET.get("unduh") != "1")


@login_required
@require_http_methods(["GET", "POST"])
def perjanjian_amend(request, tahun: int, perjanjian_pk: int):
    """A PK Perubahan: a new version of this signed PK, with a reason."""
    person, perjanjian = access.perjanjian_for(request, tahun, perjanjian_pk)
    if not may_prepare_plan(person, perjanjian.office_id):
        raise PermissionDenied(_("PK Perubahan disiapkan oleh Kasubag PEP atau operator."))
    if not perjanjian.is_signed:
        raise TransitionRefused(
            _("PK Perubahan dibuat dari PK yang sudah ditandatangani; PK ini masih %(state)s.")
            % {"state": perjanjian.get_state_display().lower()}
        )
    url = reverse("planning:perjanjian_amend", args=[tahun, perjanjian.pk])
    form = ReasonForm(request.POST or None, url=url, label=_("Buat PK Perubahan"))
    if request.method == "POST" and form.is_valid():
        amendment = svc.perjanjian_amend(
            perjanjian=perjanjian, person=person, reason=form.cleaned_data["reason"]
        )
        messages.success(
            request,
            _(
                "PK Perubahan (versi %(v)s) dibuat sebagai draf. Ubah rencananya, lalu ajukan "
                "kembali untuk ditandatangani."
            )
            % {"v": amendment.version},
        )
        return redirect("planning:perjanjian", tahun, amendment.pk)
    return render(
        request,
        "planning/perjanjian_amend.html",
        {"year": perjanjian.year, "perjanjian": perjanjian, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_GET
def plan_document(request, tahun: int, kind: str):
    """The plan's documents of the year: the office's (or, `?unit=`, a unit's) Perjanjian
    Kinerja, IKU and Rencana Aksi. A Kasi reads his unit's."""
    if kind not in PLAN_KINDS:
        raise Http404
    person, year = access.plan_year_for(request, tahun)
    unit = None
    requested = request.GET.get("unit")
    scope = access.plan_scope(person)
    if scope is not None:
        if requested and requested != str(scope):
            raise PermissionDenied(_("Dokumen ini milik unit lain."))
        requested = str(scope)
    if requested:
        if not requested.isdigit():
            raise Http404
        unit = Unit.objects.filter(pk=int(requested), office_id=year.office_id).first()
        if unit is None:
            raise Http404
    try:
        document = plan_document_pdf(kind, year, unit)
    except DocumentMissing as exc:
        raise Http404(exc.message) from None
    return pdf_response(document, inline=request.GET.get("unduh") != "1")
