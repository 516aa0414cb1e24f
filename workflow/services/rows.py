"""Writes of step 3: saving a row (optimistically locked), applying an Excel upload, and
evidence. Each checks permission and editability inside one transaction with the report
locked first (the same order `run_transition` locks in), and records the change through
`content_changed` (data version and audit)."""

from __future__ import annotations

import hashlib

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from sakip.models import Evidence, Person, PlanRow
from workflow.models import Report, Submission
from workflow.permissions import can_edit_rows
from workflow.services.content import content_changed
from workflow.services.core import (
    TransitionDenied,
    TransitionRefused,
    WorkflowError,
    contention_as_stale,
)
from workflow.services.uploads import checked_upload


class StaleRow(WorkflowError):
    """Someone saved the row after this form was loaded; `current` is the stored row."""

    def __init__(self, message: str, current: PlanRow) -> None:
        super().__init__(message)
        self.current = current


def _lock(submission_id: int) -> tuple[Report, Submission]:
    """The submission's report, then the submission, locked in that order (as every
    transition takes them)."""
    report = Report.objects.select_for_update(of=("self",)).get(submissions=submission_id)
    submission = Submission.objects.select_for_update().select_related("unit").get(pk=submission_id)
    submission.report = report
    return report, submission


def _check_editable(person: Person, submission: Submission) -> None:
    if not can_edit_rows(person, submission):
        if not submission.is_editable:
            raise TransitionRefused(
                _("Isian ini tidak dapat diubah lagi (%(state)s).")
                % {"state": submission.get_state_display()}
            )
        raise TransitionDenied(_("Hanya kepala unit ini yang dapat mengisi barisnya."))


def _save_row(row: PlanRow, person: Person, values: dict, version: int) -> int:
    # Saving a row the year's collection prefilled from the quarters confirms its figure.
    return PlanRow.objects.filter(pk=row.pk, version=version).update(
        **values,
        from_quarter=0,
        version=F("version") + 1,
        updated_by=person,
        updated_at=timezone.now(),
    )


def _stale_row_message(current: PlanRow, person: Person) -> str:
    if current.updated_by_id == person.pk:
        # Their own save from another tab or device: naming them would only puzzle them.
        return _(
            "Baris %(no)s sudah diubah di tab atau perangkat lain sebelum Anda menyimpan. "
            "Isian Anda belum disimpan."
        ) % {"no": current.number}
    return _(
        "Baris %(no)s sudah diubah oleh %(who)s sebelum Anda menyimpan. Isian Anda belum disimpan."
    ) % {"no": current.number, "who": current.updated_by or _("orang lain")}


def row_update(*, row: PlanRow, person: Person, values: dict, version: int) -> None:
    """Save the Kasi's columns of one row, only if nobody saved it since `version`."""
    with contention_as_stale(), transaction.atomic():
        report, submission = _lock(row.submission_id)
        _check_editable(person, submission)
        if not _save_row(row, person, values, version):
            current = PlanRow.objects.select_related("updated_by").get(pk=row.pk)
            raise StaleRow(_stale_row_message(current, person), current)
        content_changed(
            report, person=person, action="sakip.row.updated", row=row.pk, number=row.number
        )


def rows_apply(
    *, submission: Submission, person: Person, changes: dict[int, dict], versions: dict[int, int]
) -> int:
    """Apply an Excel upload: all rows or none. Refused if any row changed since the
    preview was made."""
    with contention_as_stale(), transaction.atomic():
        report, locked = _lock(submission.pk)
        _check_editable(person, locked)
        rows = {r.pk: r for r in locked.rows.filter(pk__in=changes)}
        if set(rows) != set(changes):
            raise TransitionRefused(_("Unggahan menunjuk baris yang bukan milik isian ini."))
        for pk, values in changes.items():
            if not _save_row(rows[pk], person, values, versions[pk]):
                raise StaleRow(
                    _(
                        "Baris %(no)s sudah diubah sejak pratinjau dibuat. Tidak ada yang "
                        "disimpan; unggah ulang berkasnya."
                    )
                    % {"no": rows[pk].number},
                    rows[pk],
                )
        if changes:
            content_changed(
                report,
                person=person,
                action="sakip.rows.imported",
                unit=locked.unit.name,
                rows=sorted(changes),
            )
    return len(changes)


def evidence_add(*, row: PlanRow, person: Person, upload) -> Evidence:
    """Attach a checked file (type from content, size, sanitised name) to a row."""
    checked = checked_upload(upload)
    with contention_as_stale(), transaction.atomic():
        report, submission = _lock(row.submission_id)
        _check_editable(person, submission)
        row.submission = submission
        digest = hashlib.sha256()
        for chunk in upload.chunks():
            digest.update(chunk)
        upload.seek(0)
        evidence = Evidence(
            row=row,
            original_name=checked.name,
            content_type=checked.content_type,
            size=upload.size,
            sha256=digest.hexdigest(),
            uploaded_by=person,
        )
        evidence.file.save(checked.name, upload, save=False)
        evidence.save()
        content_changed(
            report,
            person=person,
            action="sakip.evidence.added",
            row=row.pk,
            name=checked.name,
            size=upload.size,
        )
    return evidence


def evidence_delete(*, evidence: Evidence, person: Person) -> None:
    """Remove evidence while its submission is still editable; the file goes with it."""
    with contention_as_stale(), transaction.atomic():
        report, submission = _lock(evidence.row.submission_id)
        _check_editable(person, submission)
        name, storage, path = evidence.original_name, evidence.file.storage, evidence.file.name
        row_pk = evidence.row_id
        evidence.delete()
        content_changed(
            report, person=person, action="sakip.evidence.deleted", row=row_pk, name=name
        )
        transaction.on_commit(lambda: storage.delete(path))
