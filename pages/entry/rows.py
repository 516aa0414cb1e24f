"""Step 3: the unit's nine-column page and editing a row in place (htmx, or a plain form
without JavaScript). Sending the rows is the `submit` transition's door."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from pages import access
from pages.entry.forms import EvidenceForm, RowForm
from pages.entry.table import HEADERS, ROW_RELATED, RowUrls, realisasi_display, row_view
from sakip.models import PlanRow
from workflow.models import RevisionItem, Submission, SubmissionState
from workflow.permissions import can_edit_rows
from workflow.services.core import available_transitions
from workflow.services.procedure import untouched_returned_rows
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


def _status(submission: Submission, views, untouched: list[int]) -> dict:
    complete = sum(1 for v in views if v.is_complete)
    blockers = [f"{_('Baris')} {v.row.number}: {b}" for v in views for b in v.blockers]
    total = len(views)
    return {
        "complete": complete,
        "total": total,
        "percent": int(complete * 100 / total) if total else 0,
        "blockers": blockers,
        # Rows the Sekcam pointed at that are still as they were returned.
        "untouched": untouched,
    }


def _can_submit(request, person, submission: Submission) -> bool:
    sends = any(t.name == "submit" for t in available_transitions(submission, request.user))
    return sends and can_edit_rows(person, submission)


def _mark(views, untouched: list[int]):
    for v in views:
        v.untouched = v.number in untouched
    return views


@login_required
def my_submission(request, pk: int):
    """Where a Kasi lands from the report: their own unit's part; others see the review."""
    report = access.report_to_act_on(request, pk)
    person = access.person_for(request)
    submission = report.submissions.filter(unit_id=person.unit_id).first()
    if submission and person.heads_unit:
        return redirect("entry:submission", report.pk, submission.pk)
    return redirect("entry:review", report.pk)


@login_required
def submission_page(request, pk: int, sub_pk: int):
    submission = access.submission_for(request, pk, sub_pk)
    person, report = access.person_for(request), submission.report
    bands = report.year.bands
    revision, notes = open_notes(submission)
    urls = RowUrls(report.pk)
    untouched = untouched_returned_rows(submission)
    views = _mark(
        [row_view(r, bands, notes.get(r.pk), urls=urls) for r in _rows(submission)], untouched
    )
    editable = can_edit_rows(person, submission)
    return render(
        request,
        "entry/submission.html",
        {
            "report": report,
            "submission": submission,
            "headers": HEADERS,
            "views": views,
            "can_edit": editable,
            "can_submit": _can_submit(request, person, submission),
            "revision": revision,
            "status": _status(submission, views, untouched),
        },
    )


def _row_context(request, person, report, submission, row: PlanRow) -> dict:
    row = PlanRow.objects.select_related(*ROW_RELATED).prefetch_related("evidence").get(pk=row.pk)
    row.submission = submission
    _revision, notes = open_notes(submission)
    v = row_view(row, report.year.bands, notes.get(row.pk), urls=RowUrls(report.pk))
    _mark([v], untouched_returned_rows(submission))
    return {
        "report": report,
        "submission": submission,
        "v": v,
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
    untouched = untouched_returned_rows(submission)
    context.update(
        {
            "status": _status(submission, views, untouched),
            "can_submit": _can_submit(request, person, submission),
            "oob": True,
            "saved": saved,
        }
    )
    return render(request, "entry/_row.html", context)


def _row_for(request, pk: int, sub_pk: int, row_pk: int):
    row = access.row_for(request, pk, sub_pk, row_pk, related=ROW_RELATED)
    return access.person_for(request), row.submission.report, row.submission, row


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
    prefetch_related_objects([row], "evidence")
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
            access.editable_submission(person, submission)
        messages.warning(request, access.rows_edit_refusal(person, submission))
        return redirect("entry:submission", pk, sub_pk)
    url = reverse("entry:row_edit", args=[pk, sub_pk, row.pk])
    cancel = reverse("entry:row_show", args=[pk, sub_pk, row.pk])
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
    if not request.htmx:
        messages.success(request, _("Baris %(no)s disimpan.") % {"no": row.number})
    return row_response(request, person, report, submission, row, saved=True)


def _invalid(request) -> int:
    # htmx swaps only 2xx answers by default, so the errors are sent with 200 to appear in
    # place; a plain form gets 400 (the browser shows the page either way).
    return 200 if request.htmx else 400
