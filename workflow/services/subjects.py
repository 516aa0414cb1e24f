"""What `run_transition` does differently per kind of object, and nothing else: how the
object is locked, why a person is refused, and what is recorded once the state moved.

- A report or a unit's submission (the SOP's 13 steps): the report row is locked first, the
  step's record is closed and the steps it opens are mailed; the report's data version moves.
- A Perjanjian Kinerja: the year's row is locked first (plan edits lock it too, so nobody
  edits the plan while its PK is submitted), the audit entry names the PK, and the people of
  the transition's `notify` roles are mailed."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from sakip.models import Year
from sakip.versions import offices_changed
from workflow.models import PerjanjianKinerja, Report, StepRecord, Submission
from workflow.permissions import perjanjian_refusal, refusal
from workflow.services import records
from workflow.services.notifications import notify_perjanjian, notify_started


class ProcedureSubject:
    """A report or a submission: one of the SOP's steps."""

    def lock(self, obj: Report | Submission) -> tuple[Report | Submission, Report]:
        report_id = obj.pk if isinstance(obj, Report) else obj.report_id
        report = (
            Report.objects.select_for_update().select_related("office", "year").get(pk=report_id)
        )
        if isinstance(obj, Report):
            return report, report
        target = Submission.objects.select_for_update().select_related("unit").get(pk=obj.pk)
        target.report = report
        return target, report

    def refusal(self, person, obj, meta: dict) -> str:
        return refusal(person, obj, meta["step"], str(meta["label"]))

    def mark(self, report: Report) -> int:
        return StepRecord.objects.filter(report=report).aggregate(m=Max("id"))["m"] or 0

    def record(self, report: Report, target, *, name, meta, source, person, note, payload) -> None:
        submission = target if isinstance(target, Submission) else None
        step = meta["step"]
        records.finish_step(report, step, actor=person, submission=submission, note=note)
        records.audit(
            report,
            f"sakip.{'submission' if submission else 'report'}.{name}",
            person,
            step=step,
            source=source,
            target=target.state,
            note=note,
            unit=submission.unit.name if submission else None,
            **(payload or {}),
        )

    def settle(self, report: Report, target, mark: int, meta: dict) -> None:
        # An update, not a save: a step may have moved the report on in between (a quarter's
        # last acceptance closes it) and the save would see a concurrent transition.
        Report.objects.filter(pk=report.pk).update(
            data_version=F("data_version") + 1, updated_at=timezone.now()
        )
        report.refresh_from_db(fields=["data_version"])
        offices_changed(pk=report.office_id)
        opened = list(
            StepRecord.objects.filter(
                report=report, pk__gt=mark, finished_at__isnull=True
            ).values_list("pk", flat=True)
        )
        # Only the people whose step this transition opened hear about it, after commit.
        if opened:
            transaction.on_commit(lambda: notify_started(opened))


class PerjanjianSubject:
    """A Perjanjian Kinerja: the year's plan agreed and signed."""

    def lock(self, obj: PerjanjianKinerja) -> tuple[PerjanjianKinerja, PerjanjianKinerja]:
        Year.objects.select_for_update().filter(pk=obj.year_id).first()
        # Only the PK's row is locked: its unit may be empty (an outer join PostgreSQL does
        # not lock).
        target = (
            PerjanjianKinerja.objects.select_for_update(of=("self",))
            .select_related("office__kabupaten", "year", "unit")
            .get(pk=obj.pk)
        )
        return target, target

    def refusal(self, person, obj, meta: dict) -> str:
        return perjanjian_refusal(person, obj, meta)

    def mark(self, context: Any) -> None:
        return None

    def record(self, perjanjian, target, *, name, meta, source, person, note, payload) -> None:
        records.audit_office(
            perjanjian.office_id,
            f"sakip.perjanjian.{name}",
            person,
            perjanjian=perjanjian.pk,
            year=perjanjian.year.year,
            unit=perjanjian.unit.name if perjanjian.unit_id else None,
            version=perjanjian.version,
            source=source,
            target=target.state,
            note=note,
            **(payload or {}),
        )

    def settle(self, perjanjian, target, mark: None, meta: dict) -> None:
        offices_changed(pk=perjanjian.office_id)
        roles = sorted(meta.get("notify") or ())
        if roles:
            pk, label = perjanjian.pk, str(meta["label"])
            transaction.on_commit(lambda: notify_perjanjian(pk, roles, label))


def subject_for(obj) -> ProcedureSubject | PerjanjianSubject:
    if isinstance(obj, PerjanjianKinerja):
        return PerjanjianSubject()
    return ProcedureSubject()
