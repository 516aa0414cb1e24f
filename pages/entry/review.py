"""Step 5 (the Sekcam's evaluation: accept, or return with reasons per row, seeing what a
resubmission changed) and step 4 (the collection: all units' rows in the SOP's order). The
accept and return buttons post to the transitions' door."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from documents.workbook_export import collection_workbook
from pages import access
from pages.entry.diff import round_diff
from pages.entry.excel import xlsx_response
from pages.entry.table import HEADERS, ROW_RELATED, RowUrls, row_view
from sakip.models import PlanRow
from workflow.forms import ReturnSubmissionForm
from workflow.models import RevisionItem
from workflow.services.core import available_transitions


@login_required
def review(request, pk: int):
    report = access.all_units_report_for(request, pk)
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


def _review_context(request, report, submission) -> dict:
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
    transitions = {t.name: t for t in available_transitions(submission, request.user)}
    # The return form is the transition's own form; its note fields stand under each row and
    # the whole form posts to the transition's door.
    return_t = transitions.get("return_for_revision")
    form = None
    if return_t is not None:
        form = ReturnSubmissionForm(
            obj=submission,
            person=access.person_for(request),
            label=return_t.label,
            danger=True,
        )
    for v in views:
        v.note_field = form[f"note_{v.row.pk}"] if form else None
        v.diffs = diffs.get(v.row.pk, [])
    here = reverse("entry:review", args=[report.pk])
    return {
        "report": report,
        "submission": submission,
        "headers": HEADERS,
        "views": views,
        "form": form,
        "accept": transitions.get("accept"),
        "return_t": return_t,
        "next": here,
        "previous_round": previous_round,
        "changed_rows": len(diffs),
        "revisions": submission.revisions.select_related("created_by").order_by("-created_at"),
    }


@login_required
def review_detail(request, pk: int, sub_pk: int):
    report = access.all_units_report_for(request, pk)
    submission = access.submission_for(request, pk, sub_pk)
    return render(request, "entry/review_detail.html", _review_context(request, report, submission))


def _collection_rows(report):
    return (
        PlanRow.objects.filter(submission__report=report)
        .select_related(*ROW_RELATED, "submission")
        .prefetch_related("evidence")
        .order_by("number")
    )


@login_required
def collection(request, pk: int):
    report = access.all_units_report_for(request, pk)
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
    report = access.all_units_report_for(request, pk)
    data = collection_workbook(report, _collection_rows(report))
    return xlsx_response(data, f"himpunan-format-kinerja-{report.year.year}.xlsx")
