"""Step 5 (the Sekcam's evaluation: accept, or return with reasons per row, seeing what a
resubmission changed) and step 4 (the collection: all units' rows in the SOP's order)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from documents.nine_columns import HEADERS, ROW_RELATED, RowUrls, row_view
from documents.workbook_export import collection_workbook
from pages.access import report_for, require_office_wide, submission_for
from pages.entry.diff import round_diff
from pages.entry.excel import xlsx_response
from pages.entry.forms import ReturnForm
from sakip.models import PlanRow
from workflow.models import RevisionItem
from workflow.services.core import TransitionDenied, WorkflowError, available_transitions
from workflow.services.procedure import submission_accept, submission_return


@login_required
def review(request, pk: int):
    person, report = report_for(request, pk)
    require_office_wide(person)
    submissions = list(
        report.submissions.select_related("unit").prefetch_related("rows").order_by("unit__order")
    )
    for sub in submissions:
        rows = list(sub.rows.all())
        sub.row_count = len(rows)
        sub.filled_count = sum(1 for r in rows if r.is_filled)
        sub.last_change = max(
            [sub.updated_at] + [r.updated_at for r in rows if r.updated_at], default=None
        )
    return render(
        request,
        "entry/review.html",
        {"report": report, "submissions": submissions},
    )


def _review_context(request, person, report, submission, form=None) -> dict:
    rows = list(
        submission.rows.select_related(*ROW_RELATED).prefetch_related("evidence").order_by("number")
    )
    notes: dict[int, list[str]] = {}
    for item in RevisionItem.objects.filter(
        request__submission=submission, row__isnull=False
    ).select_related("request"):
        notes.setdefault(item.row_id, []).append(
            _("Putaran %(round)s: %(note)s") % {"round": item.request.round, "note": item.note}
        )
    urls = RowUrls(report.pk)
    views = [row_view(r, report.year.bands, notes.get(r.pk), urls=urls) for r in rows]
    previous_round, diffs = round_diff(submission)
    transitions = {t.name for t in available_transitions(submission, request.user)}
    form = form or ReturnForm(rows=rows)
    for v in views:
        v.note_field = form[f"note_{v.row.pk}"]
        v.diffs = diffs.get(v.row.pk, [])
    return {
        "report": report,
        "submission": submission,
        "headers": HEADERS,
        "views": views,
        "form": form,
        "can_accept": "accept" in transitions,
        "can_return": "return_for_revision" in transitions,
        "previous_round": previous_round,
        "changed_rows": len(diffs),
        "revisions": submission.revisions.select_related("created_by").order_by("-created_at"),
    }


@login_required
def review_detail(request, pk: int, sub_pk: int):
    person, report, submission = submission_for(request, pk, sub_pk)
    require_office_wide(person)
    return render(
        request, "entry/review_detail.html", _review_context(request, person, report, submission)
    )


@require_POST
@login_required
def review_accept(request, pk: int, sub_pk: int):
    person, report, submission = submission_for(request, pk, sub_pk)
    try:
        submission_accept(submission=submission, person=person)
    except TransitionDenied as exc:
        raise PermissionDenied(exc.message) from None
    except WorkflowError as exc:
        messages.error(request, exc.message)
        return redirect("entry:review_detail", pk, sub_pk)
    messages.success(request, _("Isian %(unit)s diterima.") % {"unit": submission.unit})
    return redirect("entry:review", pk)


@require_POST
@login_required
def review_return(request, pk: int, sub_pk: int):
    person, report, submission = submission_for(request, pk, sub_pk)
    require_office_wide(person)
    rows = list(PlanRow.objects.filter(submission=submission).order_by("number"))
    form = ReturnForm(request.POST, rows=rows)
    if not form.is_valid():
        messages.error(request, _("Alasan pengembalian wajib diisi."))
        context = _review_context(request, person, report, submission, form=form)
        return render(request, "entry/review_detail.html", context, status=400)
    try:
        submission_return(
            submission=submission,
            person=person,
            reason=form.cleaned_data["reason"],
            row_notes=form.row_notes(),
        )
    except TransitionDenied as exc:
        raise PermissionDenied(exc.message) from None
    except WorkflowError as exc:
        messages.error(request, exc.message)
        return redirect("entry:review_detail", pk, sub_pk)
    messages.success(
        request, _("Isian %(unit)s dikembalikan untuk direvisi.") % {"unit": submission.unit}
    )
    return redirect("entry:review", pk)


def _collection_rows(report):
    return (
        PlanRow.objects.filter(submission__report=report)
        .select_related(*ROW_RELATED, "submission")
        .prefetch_related("evidence")
        .order_by("number")
    )


@login_required
def collection(request, pk: int):
    person, report = report_for(request, pk)
    require_office_wide(person)
    urls = RowUrls(report.pk)
    views = [row_view(r, report.year.bands, urls=urls) for r in _collection_rows(report)]
    return render(
        request,
        "entry/collection.html",
        {
            "report": report,
            "headers": HEADERS,
            "views": views,
            "complete": sum(1 for v in views if v.is_complete),
        },
    )


@login_required
def collection_xlsx(request, pk: int):
    person, report = report_for(request, pk)
    require_office_wide(person)
    data = collection_workbook(report, _collection_rows(report))
    return xlsx_response(data, f"himpunan-format-kinerja-{report.year.year}.xlsx")
