"""What happened: step records with their timing against Mutu Baku, returns with reasons,
snapshots of each submitted round, and the audit trail."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sakip import text
from sakip.models import Office, Person, PlanRow
from workflow.models.procedure import Report, Step, Submission


class StepRecord(models.Model):
    """One performance of a step (per unit and round at steps 3 and 5): started when the step
    became due, finished when its actor completed it."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="step_records")
    step = models.ForeignKey(Step, on_delete=models.PROTECT, related_name="records")
    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, null=True, blank=True, related_name="step_records"
    )
    round = models.PositiveSmallIntegerField(_("putaran"), default=1)
    actor = models.ForeignKey(
        Person,
        verbose_name=_("pelaksana"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="step_records",
    )
    started_at = models.DateTimeField(_("mulai"))
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    elapsed_minutes = models.PositiveIntegerField(_("menit kerja"), null=True, blank=True)
    standard_minutes = models.PositiveIntegerField(_("menit baku"))
    overdue_notified_at = models.DateTimeField(null=True, blank=True)
    # Holds a return's reason too (RevisionRequest.reason): the same limit.
    note = text.TextField(_("catatan"), max_length=text.REASON, blank=True)

    class Meta:
        verbose_name = _("catatan langkah")
        verbose_name_plural = _("catatan langkah")
        ordering = ["report", "started_at", "id"]
        indexes = [models.Index(fields=["finished_at", "overdue_notified_at"])]

    def __str__(self) -> str:
        return f"{self.report} langkah {self.step.number}"

    @property
    def is_overdue(self) -> bool:
        return self.elapsed_minutes is not None and self.elapsed_minutes > self.standard_minutes


class RevisionRequest(models.Model):
    """A return for revision (step 5 for a submission, step 7 or 10 for the draft)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="revisions")
    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, null=True, blank=True, related_name="revisions"
    )
    step_number = models.PositiveSmallIntegerField()
    round = models.PositiveSmallIntegerField(
        _("putaran"), help_text="The round the return concerns (the new round is round + 1)."
    )
    reason = text.TextField(_("alasan"), max_length=text.REASON)
    created_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pengembalian untuk revisi")
        verbose_name_plural = _("pengembalian untuk revisi")
        ordering = ["report", "created_at"]

    def __str__(self) -> str:
        return f"{self.report}: {self.reason[:40]}"


class RevisionItem(models.Model):
    """A reason pointed at one row (step 5) or one chapter (step 7)."""

    request = models.ForeignKey(RevisionRequest, on_delete=models.CASCADE, related_name="items")
    row = models.ForeignKey(
        PlanRow, on_delete=models.CASCADE, null=True, blank=True, related_name="revision_items"
    )
    chapter = models.ForeignKey(
        "workflow.Chapter",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="revision_items",
    )
    note = text.TextField(_("catatan"), max_length=text.NOTE)

    class Meta:
        verbose_name = _("catatan revisi")
        verbose_name_plural = _("catatan revisi")
        constraints = [
            models.CheckConstraint(
                name="revision_item_row_or_chapter",
                condition=models.Q(row__isnull=False, chapter__isnull=True)
                | models.Q(row__isnull=True, chapter__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.note[:60]


class SubmissionSnapshot(models.Model):
    """The rows as they were submitted in a round: a resubmission is compared cell by cell
    with the previous round."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="snapshots")
    round = models.PositiveSmallIntegerField()
    rows = models.JSONField(help_text="{row_id: {field: value}} as submitted.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["submission", "round"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "round"], name="snapshot_unique_round"),
        ]


class AuditEntry(models.Model):
    """An audit line: namespaced action code (`sakip.submission.returned`), actor, payload."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="audit_entries")
    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, null=True, blank=True, related_name="audit_entries"
    )
    action = models.CharField(max_length=80)
    actor = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    payload = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("jejak audit")
        verbose_name_plural = _("jejak audit")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action}"
