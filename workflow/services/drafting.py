"""Step 6: the drafting staff write each row's analysis (causes of success or failure,
solutions) for Bab III of the LAKIP."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from sakip.models import Person, PlanRow
from workflow.models import Report
from workflow.permissions import can_act_on_report
from workflow.services import records
from workflow.services.core import (
    TransitionDenied,
    TransitionRefused,
    WorkflowError,
    contention_as_stale,
)


def row_analysis_update(*, row: PlanRow, person: Person, analysis: str, version: int) -> PlanRow:
    """Save a row's analysis while the draft is being written, refusing a stale edit; the
    report's data version moves so the cached draft is rendered again."""
    with contention_as_stale(), transaction.atomic():
        locked = (
            PlanRow.objects.select_for_update().select_related("submission__report").get(pk=row.pk)
        )
        report = locked.submission.report
        if report.state != "penyusunan_draf":
            raise TransitionRefused(_("Analisis hanya dapat diubah pada tahap penyusunan draf."))
        if not can_act_on_report(person, report, 6):
            raise TransitionDenied(_("Anda tidak berwenang menyusun draf LAKIP."))
        if locked.version != version:
            if locked.updated_by_id == person.pk:
                raise WorkflowError(
                    _(
                        "Analisis baris ini sudah diubah di tab atau perangkat lain. Muat "
                        "ulang halaman."
                    )
                )
            raise WorkflowError(
                _("Analisis baris ini sudah diubah oleh %(who)s. Muat ulang halaman.")
                % {"who": locked.updated_by or _("orang lain")}
            )
        locked.analysis = analysis.strip()
        locked.version += 1
        locked.updated_by = person
        locked.save(update_fields=["analysis", "version", "updated_by", "updated_at"])
        Report.objects.filter(pk=report.pk).update(data_version=F("data_version") + 1)
        records.audit(report, "sakip.row.analysis_updated", person, row=locked.pk)
    return locked
