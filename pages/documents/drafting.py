"""Step 6 and 7 pages: the chapter editor of the LAKIP draft (with the Sekcam's notes beside
each chapter), the rows' analysis, and the Sekcam's accept/return with notes per chapter."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from documents.selectors.rows import report_rows
from pages.documents.forms import AnalysisForm, ChapterForm, DraftReturnForm
from pages.procedure.access import Forbidden, guarded, report_for, require_office_member
from workflow.models import RevisionItem, RevisionRequest
from workflow.permissions import can_act_on_report
from workflow.services import procedure
from workflow.services.core import TransitionDenied, WorkflowError
from workflow.services.drafting import row_analysis_update

DRAFTING, CORRECTING = "penyusunan_draf", "koreksi_draf"


def _draft_url(report, anchor: str = "") -> str:
    url = reverse("documents:draft", args=[report.pk])
    return f"{url}#{anchor}" if anchor else url


def _latest_return(report):
    return (
        RevisionRequest.objects.filter(report=report, step_number__in=[7, 10])
        .select_related("created_by")
        .order_by("-created_at", "-pk")
        .first()
    )


@login_required
@guarded
@require_GET
def draft_page(request, pk: int):
    report, person = report_for(request, pk)
    can_edit = report.state == DRAFTING and can_act_on_report(person, report, 6)
    can_correct = report.state == CORRECTING and can_act_on_report(person, report, 7)
    chapters = list(report.chapters.select_related("updated_by").order_by("order"))
    latest = _latest_return(report)
    notes: dict[int, list[RevisionItem]] = {}
    if latest is not None:
        for item in latest.items.filter(chapter__isnull=False):
            notes.setdefault(item.chapter_id, []).append(item)
    chapter_blocks = [
        {
            "chapter": c,
            "notes": notes.get(c.pk, []),
            "form": ChapterForm(initial={"body": c.body, "version": c.version}, prefix=f"c{c.pk}")
            if can_edit
            else None,
        }
        for c in chapters
    ]
    rows = [
        {
            "row": r,
            "form": AnalysisForm(
                initial={"analysis": r.analysis, "version": r.version}, prefix=f"r{r.pk}"
            )
            if can_edit
            else None,
        }
        for r in report_rows(report)
    ]
    return render(
        request,
        "documents/draft.html",
        {
            "report": report,
            "chapters": chapter_blocks,
            "rows": rows,
            "latest_return": latest,
            "can_edit": can_edit,
            "can_correct": can_correct,
            "return_form": DraftReturnForm(chapters=chapters) if can_correct else None,
        },
    )


def _run(request, report, action, success: str, anchor: str = ""):
    try:
        action()
    except TransitionDenied as exc:
        raise Forbidden(exc.message) from None
    except WorkflowError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, success)
    return redirect(_draft_url(report, anchor))


@login_required
@guarded
@require_POST
def chapter_save(request, pk: int, chapter_pk: int):
    report, person = report_for(request, pk)
    require_office_member(person, report)
    chapter = report.chapters.filter(pk=chapter_pk).first()
    if chapter is None:
        raise Http404
    form = ChapterForm(request.POST, prefix=f"c{chapter.pk}")
    if not form.is_valid():
        messages.error(request, _("Isian bab tidak valid."))
        return redirect(_draft_url(report, f"bab-{chapter.pk}"))
    return _run(
        request,
        report,
        lambda: procedure.chapter_update(
            chapter=chapter,
            person=person,
            body=form.cleaned_data["body"],
            version=form.cleaned_data["version"],
        ),
        _("%(title)s disimpan.") % {"title": chapter.title},
        f"bab-{chapter.pk}",
    )


@login_required
@guarded
@require_POST
def analysis_save(request, pk: int, row_pk: int):
    report, person = report_for(request, pk)
    require_office_member(person, report)
    row = next((r for r in report_rows(report) if r.pk == row_pk), None)
    if row is None:
        raise Http404
    form = AnalysisForm(request.POST, prefix=f"r{row.pk}")
    if not form.is_valid():
        messages.error(request, _("Isian analisis tidak valid."))
        return redirect(_draft_url(report, f"baris-{row.pk}"))
    return _run(
        request,
        report,
        lambda: row_analysis_update(
            row=row,
            person=person,
            analysis=form.cleaned_data["analysis"],
            version=form.cleaned_data["version"],
        ),
        _("Analisis baris %(n)s disimpan.") % {"n": row.number},
        f"baris-{row.pk}",
    )


@login_required
@guarded
@require_POST
def draft_submit_view(request, pk: int):
    report, person = report_for(request, pk)
    require_office_member(person, report)
    return _run(
        request,
        report,
        lambda: procedure.draft_submit(report=report, person=person),
        _("Draf diajukan kepada Sekretaris Camat untuk dikoreksi."),
    )


@login_required
@guarded
@require_POST
def draft_accept_view(request, pk: int):
    report, person = report_for(request, pk)
    require_office_member(person, report)
    return _run(
        request,
        report,
        lambda: procedure.draft_accept(report=report, person=person),
        _("Draf diterima; laporan menunggu rapat finalisasi."),
    )


@login_required
@guarded
@require_POST
def draft_return_view(request, pk: int):
    report, person = report_for(request, pk)
    require_office_member(person, report)
    chapters = list(report.chapters.order_by("order"))
    form = DraftReturnForm(request.POST, chapters=chapters)
    if not form.is_valid():
        messages.error(request, _("Alasan pengembalian wajib diisi."))
        return redirect(_draft_url(report, "koreksi"))
    return _run(
        request,
        report,
        lambda: procedure.draft_return(
            report=report,
            person=person,
            reason=form.cleaned_data["reason"],
            chapter_notes=form.chapter_notes(),
        ),
        _("Draf dikembalikan untuk direvisi."),
    )
