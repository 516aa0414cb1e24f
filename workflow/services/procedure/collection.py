"""Steps 3–5: each unit fills and sends its rows, the staff compile them, the Sekcam accepts
each unit's submission or returns it with reasons (per row), until every unit is accepted."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from sakip.models import Person
from sakip.rules import row_blockers
from workflow.models import (
    Report,
    ReportState,
    RevisionItem,
    RevisionRequest,
    Submission,
    SubmissionSnapshot,
    SubmissionState,
)
from workflow.models.procedure import all_accepted
from workflow.services import records
from workflow.services.core import TransitionRefused, WorkflowError, run_transition
from workflow.services.procedure.first_draft import draft_generate

S, SS = ReportState, SubmissionState


def submission_blockers(submission: Submission) -> list[str]:
    """What still keeps a unit from submitting, one message per problem."""
    problems = []
    rows = submission.rows.select_related("indikator", "target").prefetch_related("evidence")
    for row in rows:
        problems += [f"{_('Baris')} {row.number}: {p}" for p in row_blockers(row)]
    return problems


def submission_submit(*, submission: Submission, person: Person) -> Submission:
    """Step 3: the unit's head sends the filled rows. A snapshot of the round is kept so the
    next round can show what changed."""

    def before(report: Report, sub: Submission) -> None:
        problems = submission_blockers(sub)
        if problems:
            raise TransitionRefused(
                _("Isian belum lengkap: %(problems)s") % {"problems": "; ".join(problems)}
            )
        SubmissionSnapshot.objects.update_or_create(
            submission=sub, round=sub.round, defaults={"rows": snapshot_rows(sub)}
        )
        sub.submitted_at = timezone.now()

    def after(report: Report, sub: Submission) -> None:
        states = set(report.submissions.values_list("state", flat=True))
        if report.state == S.COLLECTING and states <= {SS.SUBMITTED, SS.ACCEPTED}:
            records.start_step(report, 4)
        if report.state in (S.EVALUATING, S.MEASURING):
            records.start_step(report, 5, submission=sub, round=sub.round)

    return run_transition(submission, "submit", person=person, before=before, after=after)


SNAPSHOT_FIELDS = [
    "realisasi",
    "realisasi_text",
    "sumber_data",
    "keterangan",
    "belum_berjalan",
    "belum_berjalan_reason",
]


def snapshot_rows(submission: Submission) -> dict:
    out = {}
    for row in submission.rows.prefetch_related("evidence"):
        cells = {f: _jsonable(getattr(row, f)) for f in SNAPSHOT_FIELDS}
        cells["evidence"] = sorted(e.original_name for e in row.evidence.all())
        out[str(row.pk)] = cells
    return out


def untouched_returned_rows(submission: Submission) -> list[int]:
    """The numbers of the rows the Sekcam pointed at in the latest return that have not
    changed since (their cells and evidence equal what was submitted in the returned round).
    Empty unless the submission is back with its unit."""
    if submission.state != SS.RETURNED:
        return []
    request = submission.revisions.order_by("-created_at", "-id").first()
    if request is None:
        return []
    pointed = set(request.items.filter(row__isnull=False).values_list("row_id", flat=True))
    if not pointed:
        return []
    snapshot = submission.snapshots.filter(round=request.round).first()
    if snapshot is None:
        return []
    now = snapshot_rows(submission)
    untouched = [pk for pk in pointed if now.get(str(pk)) == snapshot.rows.get(str(pk))]
    return sorted(submission.rows.filter(pk__in=untouched).values_list("number", flat=True))


def _jsonable(value):
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value.normalize()) if hasattr(value, "normalize") else str(value)


def report_collect(*, report: Report, person: Person) -> Report:
    """Step 4: staff compile every unit's format and pass it on for evaluation."""

    def after(report: Report, _t) -> None:
        # The evaluation as a whole (closed by finish_evaluation) and each unit's part.
        records.start_step(report, 5)
        for sub in report.submissions.filter(state=SS.SUBMITTED):
            records.start_step(report, 5, submission=sub, round=sub.round)

    return run_transition(report, "collect", person=person, after=after)


def submission_accept(*, submission: Submission, person: Person) -> Submission:
    """Step 5: the Sekcam accepts a unit's submission."""

    def before(report, sub):
        sub.accepted_at = timezone.now()

    def after(report, sub):
        # A quarter's measurement closes with its last unit accepted.
        if report.is_quarter and report.state == S.MEASURING and all_accepted(report):
            measurement_close(report=report, person=person)

    return run_transition(submission, "accept", person=person, before=before, after=after)


def measurement_close(*, report: Report, person: Person) -> Report:
    """A quarter's measurement closes once every unit is accepted."""
    return run_transition(report, "close_measurement", person=person)


def submission_return(
    *, submission: Submission, person: Person, reason: str, row_notes: dict[int, str] | None = None
) -> Submission:
    """Step 5: return one unit's submission with a reason (and notes on rows); the unit is
    back at step 3 in a new round. Every other unit keeps its state and rows."""
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError(_("Alasan pengembalian wajib diisi."))
    row_notes = {k: v.strip() for k, v in (row_notes or {}).items() if v and v.strip()}

    def before(report, sub):
        request = RevisionRequest.objects.create(
            report=report,
            submission=sub,
            step_number=5,
            round=sub.round,
            reason=reason,
            created_by=person,
        )
        rows = {r.pk: r for r in sub.rows.filter(pk__in=row_notes)}
        if set(row_notes) - set(rows):
            raise WorkflowError(_("Catatan menunjuk baris yang bukan milik isian ini."))
        RevisionItem.objects.bulk_create(
            [
                RevisionItem(request=request, row=rows[pk], note=note)
                for pk, note in row_notes.items()
            ]
        )

    def after(report, sub):
        records.start_step(report, 3, submission=sub, round=sub.round)

    return run_transition(
        submission,
        "return_for_revision",
        person=person,
        note=reason,
        before=before,
        after=after,
        payload={"rows": sorted(row_notes)},
    )


def report_finish_evaluation(*, report: Report, person: Person) -> Report:
    """Step 5 done: every submission accepted; drafting (step 6) starts from the product's
    first draft of every chapter and row analysis."""

    def after(report: Report, _t) -> None:
        records.start_step(report, 6, round=report.draft_round)
        draft_generate(report=report)

    return run_transition(report, "finish_evaluation", person=person, after=after)
