"""The one way content changes outside a transition: a report's rows, evidence, the Excel
import, chapters, analyses; and a year's plan. Every writer calls `content_changed` (or
`plan_changed`) inside its transaction, after it wrote: the report's `data_version` (the
document cache key) moves with `F()` so two concurrent writes never leave it behind, and the
audit trail records who changed what. A report's content is edited only while its unit or
its drafters hold it, and the office's cached pages (the dashboard) count it only once it is
sent on: the transition moves the office's data version then (sakip/versions.py), and these
edits do not. A year's plan is on those pages at once: `plan_changed` moves it."""

from __future__ import annotations

from django.db.models import F
from django.utils import timezone

from sakip.versions import offices_changed
from workflow.models import Report
from workflow.services import records
from workflow.services.core import WorkflowError


class StaleContent(WorkflowError):
    """Someone saved the text after this editor loaded it: nothing was saved. `text` and
    `version` are what is stored now, so the editor can show both and let the person choose."""

    def __init__(self, message: str, *, text: str, version: int) -> None:
        super().__init__(message)
        self.text = text
        self.version = version


def content_changed(report: Report, *, person, action: str, **payload) -> None:
    """Record a change of the report's content: bump its data version and audit `action`
    (a namespaced code such as `sakip.row.updated`) with `payload`. Call it inside the
    transaction that made the change."""
    Report.objects.filter(pk=report.pk).update(
        data_version=F("data_version") + 1, updated_at=timezone.now()
    )
    report.data_version, report.updated_at = (
        Report.objects.filter(pk=report.pk).values_list("data_version", "updated_at").get()
    )
    records.audit(report, action, person, **payload)


def plan_changed(year, *, person, action: str, **payload) -> None:
    """Record a change of a year's plan (sasaran, indicators, targets, budget): audit `action`
    for the office, and move the data version of the year's report if it has one (its LAKIP
    reads the budget and the indicators). Call it inside the transaction that made the
    change."""
    Report.objects.filter(year_id=year.pk).update(
        data_version=F("data_version") + 1, updated_at=timezone.now()
    )
    offices_changed(pk=year.office_id)
    records.audit_office(year.office_id, action, person, year=year.year, **payload)
