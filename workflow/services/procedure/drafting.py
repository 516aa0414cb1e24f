"""Steps 6 and 7: the staff write the LAKIP draft (its chapters and each row's analysis),
the Sekcam corrects it and accepts it or returns it with notes per chapter."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sakip.models import Person, PlanRow
from workflow.models import Chapter, Report, ReportState, RevisionItem, RevisionRequest
from workflow.permissions import can_act_on_report
from workflow.services import records
from workflow.services.content import StaleContent, content_changed
from workflow.services.core import (
    TransitionDenied,
    TransitionRefused,
    WorkflowError,
    contention_as_stale,
    run_transition,
)

# The LAKIP chapters written at step 6 (PermenPAN-RB 53/2014), in order.
CHAPTERS = [
    ("kata_pengantar", gettext_lazy("Kata Pengantar")),
    ("ikhtisar", gettext_lazy("Ikhtisar Eksekutif")),
    ("bab1", gettext_lazy("Bab I Pendahuluan")),
    ("bab2", gettext_lazy("Bab II Perencanaan Kinerja")),
    ("bab3_analisis", gettext_lazy("Bab III Akuntabilitas Kinerja: Analisis Capaian")),
    ("bab3_efisiensi", gettext_lazy("Bab III Akuntabilitas Kinerja: Efisiensi Sumber Daya")),
    ("bab3_program", gettext_lazy("Bab III Akuntabilitas Kinerja: Program Pendukung")),
    ("bab4", gettext_lazy("Bab IV Penutup")),
]


def create_chapters(report: Report) -> None:
    Chapter.objects.bulk_create(
        [
            Chapter(report=report, key=key, title=str(title), order=i)
            for i, (key, title) in enumerate(CHAPTERS)
        ]
    )


def draft_submit(*, report: Report, person: Person) -> Report:
    """Step 6 done: the draft goes to the Sekcam for correction."""

    def before(report, _t):
        empty = [c.title for c in report.chapters.all() if not c.body.strip()]
        if empty:
            raise TransitionRefused(
                _("Bab berikut belum ditulis: %(chapters)s") % {"chapters": ", ".join(empty)}
            )

    return run_transition(
        report,
        "submit_draft",
        person=person,
        before=before,
        after=lambda r, _t: records.start_step(r, 7, round=r.draft_round),
    )


def draft_accept(*, report: Report, person: Person) -> Report:
    return run_transition(
        report, "accept_draft", person=person, after=lambda r, _t: records.start_step(r, 8)
    )


def draft_return(
    *,
    report: Report,
    person: Person,
    reason: str,
    chapter_notes: dict[int, str] | None = None,
    transition: str = "return_draft",
) -> Report:
    """Step 7 (or 10): the draft goes back to drafting with a reason, optionally per chapter."""
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError(_("Alasan pengembalian wajib diisi."))
    chapter_notes = {k: v.strip() for k, v in (chapter_notes or {}).items() if v and v.strip()}
    step = 7 if transition == "return_draft" else 10

    def before(report, _t):
        request = RevisionRequest.objects.create(
            report=report,
            step_number=step,
            round=report.draft_round,
            reason=reason,
            created_by=person,
        )
        chapters = {c.pk: c for c in report.chapters.filter(pk__in=chapter_notes)}
        if set(chapter_notes) - set(chapters):
            raise WorkflowError(_("Catatan menunjuk bab yang bukan milik laporan ini."))
        RevisionItem.objects.bulk_create(
            [
                RevisionItem(request=request, chapter=chapters[pk], note=n)
                for pk, n in chapter_notes.items()
            ]
        )

    return run_transition(
        report,
        transition,
        person=person,
        note=reason,
        before=before,
        after=lambda r, _t: records.start_step(r, 6, round=r.draft_round),
        payload={"chapters": sorted(chapter_notes)},
    )


def _changed_by(locked, person: Person) -> str:
    """Who made the newer save, as the refusal names them: the person's own other tab is
    not "someone else"."""
    if locked.updated_by_id == person.pk:
        return _("di tab atau perangkat lain")
    return _("oleh %(who)s") % {"who": locked.updated_by or _("orang lain")}


def check_drafting(report: Report, person: Person) -> None:
    if report.state != ReportState.DRAFTING:
        raise TransitionRefused(_("Draf hanya dapat diubah pada tahap penyusunan draf."))
    if not can_act_on_report(person, report, 6):
        raise TransitionDenied(_("Anda tidak berwenang menyusun draf LAKIP."))


def chapter_update(*, chapter: Chapter, person: Person, body: str, version: int) -> Chapter:
    """Save a chapter of the draft (step 6), refusing a stale edit."""
    with contention_as_stale(), transaction.atomic():
        report = Report.objects.select_for_update().get(pk=chapter.report_id)
        locked = Chapter.objects.select_for_update().get(pk=chapter.pk)
        check_drafting(report, person)
        if body == locked.body:
            return locked  # nothing changed (an autosave on leaving the field): no new version
        if locked.version != version:
            raise StaleContent(
                _("Bab ini sudah diubah %(who)s. Isian Anda belum disimpan.")
                % {"who": _changed_by(locked, person)},
                text=locked.body,
                version=locked.version,
            )
        # A person's change ends the text's life as the product's draft.
        locked.generated = locked.generated and body == locked.body
        locked.body = body
        locked.version += 1
        locked.updated_by = person
        locked.save()
        content_changed(report, person=person, action="sakip.chapter.updated", chapter=locked.key)
    return locked


def row_analysis_update(*, row: PlanRow, person: Person, analysis: str, version: int) -> PlanRow:
    """Save a row's analysis (for Bab III) while the draft is being written, refusing a
    stale edit."""
    with contention_as_stale(), transaction.atomic():
        report_id = PlanRow.objects.filter(pk=row.pk).values_list("submission__report", flat=True)
        report = Report.objects.select_for_update().get(pk=report_id[0])
        locked = PlanRow.objects.select_for_update().get(pk=row.pk)
        check_drafting(report, person)
        if analysis.strip() == locked.analysis:
            return locked  # nothing changed: no new version
        if locked.version != version:
            raise StaleContent(
                _("Analisis baris ini sudah diubah %(who)s. Isian Anda belum disimpan.")
                % {"who": _changed_by(locked, person)},
                text=locked.analysis,
                version=locked.version,
            )
        analysis = analysis.strip()
        locked.analysis_generated = locked.analysis_generated and analysis == locked.analysis
        locked.analysis = analysis
        locked.version += 1
        locked.updated_by = person
        locked.save(
            update_fields=["analysis", "analysis_generated", "version", "updated_by", "updated_at"]
        )
        content_changed(report, person=person, action="sakip.row.analysis_updated", row=locked.pk)
    return locked
