"""Steps 6 and 7: the chapter editor of the LAKIP draft (with the Sekcam's notes beside each
chapter) and the rows' analysis. Submitting, accepting and returning the draft are
transitions: their buttons and the return form post to the transitions' door."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from documents.selectors.rows import report_rows
from pages import access
from pages.documents.forms import AnalysisForm, ChapterForm
from workflow.forms import ReturnDraftForm
from workflow.models import RevisionItem, RevisionRequest
from workflow.services.content import StaleContent
from workflow.services.core import available_transitions
from workflow.services.procedure import chapter_update, row_analysis_update


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
@require_GET
def draft_page(request, pk: int):
    report = access.draft_report_for(request, pk)
    person = access.person_for(request)
    transitions = {t.name: t for t in available_transitions(report, request.user)}
    # The drafter's step is open to this person exactly when they may submit the draft.
    can_edit = "submit_draft" in transitions
    chapters = list(report.chapters.select_related("updated_by").order_by("order"))
    latest = _latest_return(report)
    notes: dict[int, list[RevisionItem]] = {}
    if latest is not None:
        for item in latest.items.filter(chapter__isnull=False):
            notes.setdefault(item.chapter_id, []).append(item)
    return_t = transitions.get("return_draft")
    return_form = None
    if return_t is not None:
        return_form = ReturnDraftForm(obj=report, person=person, label=return_t.label, danger=True)
        return_form.helper.form_tag = False
        return_form.helper.inputs = []
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
            "submit_t": transitions.get("submit_draft"),
            "accept_t": transitions.get("accept_draft"),
            "return_t": return_t,
            "return_form": return_form,
            "next": _draft_url(report),
        },
    )


def _saved(request, *, kind: str, obj, form, anchor: str, message: str, save):
    """Save through `save()`; answer htmx (the autosave) with the editor's save state, a plain
    form with a redirect. A stale save keeps the person's text in the editor and shows the
    stored one beside it; nothing is lost either way."""
    if not form.is_valid():
        if request.htmx:
            return _save_state(request, kind, obj, form, error=form.errors.as_text())
        messages.error(request, _("Isian tidak valid: %(errors)s") % {"errors": form.errors})
        return redirect(anchor)
    try:
        saved = save(form.cleaned_data)
    except StaleContent as stale:
        if not request.htmx:
            raise
        return _save_state(request, kind, obj, form, stale=stale)
    if request.htmx:
        return _save_state(request, kind, saved, form)
    messages.success(request, message)
    return redirect(anchor)


def _save_state(request, kind: str, obj, form, *, stale=None, error: str = ""):
    # Answered with 200 even when nothing was saved: htmx swaps only 2xx answers, and the
    # state itself says whether the text is saved (data-saved), which the page's script reads.
    version = obj.version if stale is None else form.data.get(form.add_prefix("version"), "")
    return render(
        request,
        "documents/_save_state.html",
        {
            "kind": kind,
            "obj": obj,
            "prefix": form.prefix,
            "version": version,
            "stale": stale,
            "error": error,
            "saved_at": timezone.localtime() if stale is None and not error else None,
        },
    )


@login_required
@require_POST
def chapter_save(request, pk: int, chapter_pk: int):
    chapter = access.chapter_for(request, pk, chapter_pk)
    person = access.person_for(request)
    form = ChapterForm(request.POST, prefix=f"c{chapter.pk}")
    return _saved(
        request,
        kind="chapter",
        obj=chapter,
        form=form,
        anchor=_draft_url(chapter.report, f"bab-{chapter.pk}"),
        message=_("%(title)s disimpan.") % {"title": chapter.title},
        save=lambda data: chapter_update(
            chapter=chapter, person=person, body=data["body"], version=data["version"]
        ),
    )


@login_required
@require_POST
def analysis_save(request, pk: int, row_pk: int):
    row = access.draft_row_for(request, pk, row_pk)
    person = access.person_for(request)
    form = AnalysisForm(request.POST, prefix=f"r{row.pk}")
    return _saved(
        request,
        kind="analysis",
        obj=row,
        form=form,
        anchor=reverse("documents:draft", args=[pk]) + f"#baris-{row.pk}",
        message=_("Analisis baris %(n)s disimpan.") % {"n": row.number},
        save=lambda data: row_analysis_update(
            row=row, person=person, analysis=data["analysis"], version=data["version"]
        ),
    )
