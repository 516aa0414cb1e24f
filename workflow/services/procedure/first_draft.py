"""Step 6 begins with a first draft: every chapter and every row's analysis is written by the
product from the report's own data (the writer is plugged in through `hooks.draft_texts`).

A generated text carries a flag (`Chapter.generated`, `PlanRow.analysis_generated`) until a
person changes it. Writing again ("Buat ulang") never silently overwrites a person's text:
it is refused unless the caller confirms with `overwrite=True`."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from sakip.models import Person, PlanRow
from workflow import hooks
from workflow.models import Chapter, Report
from workflow.services.content import content_changed
from workflow.services.core import WorkflowError, contention_as_stale
from workflow.services.procedure.drafting import check_drafting


@dataclass
class DraftTexts:
    """What the writer returns: chapter key → text, row pk → analysis."""

    chapters: dict[str, str] = field(default_factory=dict)
    analyses: dict[int, str] = field(default_factory=dict)


class EditedText(WorkflowError):
    """The text was changed by a person; writing it again needs explicit confirmation."""


def draft_generate(*, report: Report) -> DraftTexts:
    """Write the first draft into every empty chapter and every empty row analysis of
    `report`. Runs inside the transition that opens step 6; text already written by a person
    is never touched."""
    with transaction.atomic():
        texts: DraftTexts = hooks.draft_texts(report=report)
        chapters = list(Chapter.objects.select_for_update().filter(report=report))
        filled = []
        for chapter in chapters:
            text = texts.chapters.get(chapter.key, "")
            if text and not chapter.body.strip():
                chapter.body, chapter.generated = text, True
                chapter.version += 1
                filled.append(chapter)
        Chapter.objects.bulk_update(filled, ["body", "generated", "version"])
        rows = list(
            PlanRow.objects.select_for_update().filter(submission__report=report, analysis="")
        )
        written = []
        for row in rows:
            text = texts.analyses.get(row.pk, "")
            if text:
                row.analysis, row.analysis_generated = text, True
                row.version += 1
                written.append(row)
        PlanRow.objects.bulk_update(written, ["analysis", "analysis_generated", "version"])
        # No audit entry of its own: the transition that opens step 6 is the audited event
        # (one entry per transition), and the flags say which texts are the product's.
    return texts


def chapter_regenerate(*, chapter: Chapter, person: Person, overwrite: bool = False) -> Chapter:
    """Write one chapter again from the data ("Buat ulang"). A chapter a person has edited is
    overwritten only with `overwrite=True`; otherwise `EditedText` is raised."""
    with contention_as_stale(), transaction.atomic():
        report = Report.objects.select_for_update().get(pk=chapter.report_id)
        locked = Chapter.objects.select_for_update().get(pk=chapter.pk)
        check_drafting(report, person)
        if locked.body.strip() and not locked.generated and not overwrite:
            raise EditedText(
                _(
                    "%(title)s sudah diubah oleh %(who)s. Membuat ulang akan menimpa tulisan "
                    "itu; konfirmasi dahulu."
                )
                % {"title": locked.title, "who": locked.updated_by or _("penyusun")}
            )
        texts: DraftTexts = hooks.draft_texts(report=report, chapters=[locked.key], rows=[])
        locked.body = texts.chapters.get(locked.key, "")
        locked.generated = True
        locked.version += 1
        locked.updated_by = person
        locked.save(update_fields=["body", "generated", "version", "updated_by", "updated_at"])
        content_changed(
            report,
            person=person,
            action="sakip.chapter.regenerated",
            chapter=locked.key,
            overwrite=overwrite,
        )
    return locked


def row_analysis_regenerate(*, row: PlanRow, person: Person, overwrite: bool = False) -> PlanRow:
    """Write one row's analysis again from the data, with the same rule as chapters."""
    with contention_as_stale(), transaction.atomic():
        report = Report.objects.select_for_update().get(
            pk=PlanRow.objects.filter(pk=row.pk).values("submission__report")[:1]
        )
        locked = PlanRow.objects.select_for_update().get(pk=row.pk)
        check_drafting(report, person)
        if locked.analysis.strip() and not locked.analysis_generated and not overwrite:
            raise EditedText(
                _(
                    "Analisis baris %(n)s sudah diubah oleh %(who)s. Membuat ulang akan "
                    "menimpa tulisan itu; konfirmasi dahulu."
                )
                % {"n": locked.number, "who": locked.updated_by or _("penyusun")}
            )
        texts: DraftTexts = hooks.draft_texts(report=report, chapters=[], rows=[locked.pk])
        locked.analysis = texts.analyses.get(locked.pk, "")
        locked.analysis_generated = True
        locked.version += 1
        locked.updated_by = person
        locked.save(
            update_fields=["analysis", "analysis_generated", "version", "updated_by", "updated_at"]
        )
        content_changed(
            report,
            person=person,
            action="sakip.row.analysis_regenerated",
            row=locked.pk,
            overwrite=overwrite,
        )
    return locked
