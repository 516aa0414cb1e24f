"""Step 3: the unit's nine-column page, editing a row in place (htmx, or a plain form
without JavaScript), and sending the submission."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from documents.nine_columns import HEADERS, ROW_RELATED, RowUrls, realisasi_display, row_view
from pages.access import can_edit_rows, report_for, submission_for
from pages.entry.forms import EvidenceForm, RowForm
from sakip.models import PlanRow
from workflow.models import RevisionItem, Submission, SubmissionState
from workflow.services.core import TransitionDenied, WorkflowError, available_transitions
from workflow.services.procedure import submission_submit
from workflow.services.rows import StaleRow, row_update


def _rows(submission: Submission):
    return (
        submission.rows.select_related(*ROW_RELATED).prefetch_related("evidence").order_by("number")
    )


def open_notes(submission: Submission) -> tuple[object | None, dict[int, list[str]]]:
    """The latest return (general reason) and its notes per row, while the unit revises."""
    if submission.state != SubmissionState.RETURNED:
        return None, {}
    request = submission.revisions.order_by("-created_at", "-id").first()
    if request is None:
        return None, {}
    notes: dict[int, list[str]] = {}
    for item in RevisionItem.objects.filter(request=request, row__isnull=False):
        notes.setdefault(item.row_id, []).append(item.note)
    return request, notes


def _status(submission: Submission, views) -> dict:
    complete = sum(1 for v in views if v.is_complete)
    blockers = [f"{_('Baris')} {v.row.number}: {b}" for v in views for b in v.blockers]
    total = len(views)
    return {
        "complete": complete,
        "total": total,
        "percent": int(complete * 100 / total) if total else 0,
        "blockers": blockers,
    }


@login_required
def my_submission(request, pk: int):
    """Where a Kasi lands from the report: their own unit's part; others see the review."""
    person, report = report_for(request, pk)
    submission = report.submissions.filter(unit_id=person.unit_id).first()
    if submission and person.heads_unit:
        return redirect("entry:submission", report.pk, submission.pk)
    return redirect("entry:review", report.pk)


@login_required
def submission_page(request, pk: int, sub_pk: int):
    person, report, submission = submission_for(request, pk, sub_pk)
    bands = report.year.bands
    revision, notes = open_notes(submission)
    urls = RowUrls(report.pk)
    views = [row_view(r, bands, notes.get(r.pk), urls=urls) for r in _rows(submission)]
    editable = can_edit_rows(person, submission)
    transitions = [t for t in available_transitions(submission, request.user) if t.step == 3]
    return render(
        request,
        "entry/submission.html",
        {
            "report": report,
            "submission": submission,
            "headers": HEADERS,
            "views": views,
            "can_edit": editable,
            "can_submit": bool(transitions) and editable,
            "revision": revision,
            "status": _status(submission, views),
        },
    )


def _row_context(request, person, report, submission, row: PlanRow) -> dict:
    row = PlanRow.objects.select_related(*ROW_RELATED).prefetch_related("evidence").get(pk=row.pk)
    row.submission = submission
    _revision, notes = open_notes(submission)
    return {
        "report": report,
        "submission": submission,
        "v": row_view(row, report.year.bands, notes.get(row.pk), urls=RowUrls(report.pk)),
        "can_edit": can_edit_rows(person, submission),
    }


def row_response(request, person, report, submission, row: PlanRow, *, saved: bool = False):
    """After a write: the row (and the page's status, out of band) for htmx, or a redirect
    back to the row for a plain form."""
    if not request.htmx:
        return redirect(
            reverse("entry:submission", args=[report.pk, submission.pk]) + f"#baris-{row.pk}"
        )
    context = _row_context(request, person, report, submission, row)
    urls = RowUrls(report.pk)
    views = [row_view(r, report.year.bands, urls=urls) for r in _rows(submission)]
    context.update({"status": _status(submission, views), "oob": True, "saved": saved})
    return render(request, "entry/_row.html", context)


def _row_for(request, pk: int, sub_pk: int, row_pk: int):
    person, report, submission = submission_for(request, pk, sub_pk)
    row = get_object_or_404(
        PlanRow.objects.select_related(*ROW_RELATED), pk=row_pk, submission=submission
    )
    row.submission = submission
    return person, report, submission, row


def _render_form(
    request,
    report,
    submission,
    row,
    form,
    *,
    stale=None,
    stale_message="",
    status=200,
    evidence_error="",
):
    evidence_form = EvidenceForm(
        row=row, url=reverse("entry:evidence_upload", args=[report.pk, submission.pk, row.pk])
    )
    context = {
        "report": report,
        "submission": submission,
        "v": row_view(row, report.year.bands, urls=RowUrls(report.pk)),
        "form": form,
        "evidence_form": evidence_form,
        "stale": stale,
        "stale_message": stale_message,
        "stale_value": realisasi_display(stale) if stale else "",
        "headers": HEADERS,
        "can_edit": True,
        "evidence_error": evidence_error,
    }
    template = "entry/_row_form.html" if request.htmx else "entry/row_edit.html"
    return render(request, template, context, status=status)


@login_required
def row_show(request, pk: int, sub_pk: int, row_pk: int):
    person, report, submission, row = _row_for(request, pk, sub_pk, row_pk)
    if not request.htmx:
        return redirect(reverse("entry:submission", args=[pk, sub_pk]) + f"#baris-{row.pk}")
    return render(
        request, "entry/_row.html", _row_context(request, person, report, submission, row)
    )


@login_required
def row_edit(request, pk: int, sub_pk: int, row_pk: int):
    person, report, submission, row = _row_for(request, pk, sub_pk, row_pk)
    if not can_edit_rows(person, submission):
        if request.method == "POST" or submission.is_editable:
            raise PermissionDenied
        messages.warning(request, _("Isian ini tidak dapat diubah pada tahap sekarang."))
        return redirect("entry:submission", pk, sub_pk)
    url = reverse("entry:row_edit", args=[pk, sub_pk, row.pk])
    cancel = reverse("entry:row_show", args=[pk, sub_pk, row.pk])
    row = PlanRow.objects.select_related(*ROW_RELATED).prefetch_related("evidence").get(pk=row.pk)
    row.submission = submission
    if request.method != "POST":
        return _render_form(
            request, report, submission, row, RowForm(row=row, url=url, cancel_url=cancel)
        )
    form = RowForm(request.POST, row=row, url=url, cancel_url=cancel)
    if not form.is_valid():
        return _render_form(request, report, submission, row, form, status=_invalid(request))
    try:
        row_update(row=row, person=person, values=form.values, version=form.cleaned_data["version"])
    except StaleRow as exc:
        # Keep what the person typed, show what is stored now; saving again is a choice
        # made knowingly, against the current version.
        data = request.POST.copy()
        data["version"] = exc.current.version
        form = RowForm(data, row=exc.current, url=url, cancel_url=cancel)
        form.is_valid()
        form.errors.clear()
        if not request.htmx:
            messages.error(request, exc.message)
        return _render_form(
            request,
            report,
            submission,
            row,
            form,
            stale=exc.current,
            stale_message=exc.message,
            status=_invalid(request),
        )
    except TransitionDenied as exc:
        raise PermissionDenied(exc.message) from None
    except WorkflowError as exc:
        messages.error(request, exc.message)
        return redirect("entry:submission", pk, sub_pk)
    if not request.htmx:
        messages.success(request, _("Baris %(no)s disimpan.") % {"no": row.number})
    return row_response(request, person, report, submission, row, saved=True)


def _invalid(request) -> int:
    # htmx swaps only 2xx answers by default, so the errors are sent with 200 to appear in
    # place; a plain form gets 400 (the browser shows the page either way).
    return 200 if request.htmx else 400


@require_POST
@login_required
def submit(request, pk: int, sub_pk: int):
    person, report, submission = submission_for(request, pk, sub_pk)
    try:
        submission_submit(submission=submission, person=person)
    except TransitionDenied as exc:
        raise PermissionDenied(exc.message) from None
    except WorkflowError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("Isian %(unit)s dikirim kepada Sekretaris Camat.") % {"unit": submission.unit},
        )
    return redirect("entry:submission", pk, sub_pk)
