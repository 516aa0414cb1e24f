"""'Buat ulang': one chapter (or row analysis) written again from the data, never silently
over a person's text; the page asks first."""

from __future__ import annotations

import pytest

from sakip.models import PlanRow
from tests.procedure import person
from workflow.models import Chapter, ReportState
from workflow.services import procedure
from workflow.services.core import TransitionDenied, TransitionRefused
from workflow.services.procedure import row_analysis_update
from workflow.services.procedure.first_draft import (
    EditedText,
    chapter_regenerate,
    row_analysis_regenerate,
)

S = ReportState


def _edit(chapter: Chapter, body: str) -> Chapter:
    return procedure.chapter_update(
        chapter=chapter, person=person("jf"), body=body, version=chapter.version
    )


def test_a_generated_chapter_is_written_again_without_asking(report_at):
    report = report_at(S.DRAFTING)
    chapter = report.chapters.get(key="bab2")
    generated = chapter.body
    Chapter.objects.filter(pk=chapter.pk).update(body="dari sistem, versi lama")
    again = chapter_regenerate(chapter=chapter, person=person("jf"))
    assert again.body == generated
    assert again.generated
    assert again.version == chapter.version + 1


def test_an_edited_chapter_is_not_overwritten_without_confirmation(report_at):
    report = report_at(S.DRAFTING)
    chapter = _edit(report.chapters.get(key="bab4"), "Tulisan penyusun sendiri.")
    assert not chapter.generated
    with pytest.raises(EditedText, match="sudah diubah oleh"):
        chapter_regenerate(chapter=chapter, person=person("jf"))
    chapter.refresh_from_db()
    assert chapter.body == "Tulisan penyusun sendiri."
    again = chapter_regenerate(chapter=chapter, person=person("jf"), overwrite=True)
    assert again.generated and "**A. Kesimpulan**" in again.body


def test_saving_the_same_generated_text_keeps_it_marked_as_generated(report_at):
    report = report_at(S.DRAFTING)
    chapter = report.chapters.get(key="ikhtisar")
    saved = _edit(chapter, chapter.body)
    assert saved.generated


def test_regeneration_is_for_the_drafting_staff_at_step_6(report_at):
    report = report_at(S.DRAFTING)
    chapter = report.chapters.get(key="bab1")
    with pytest.raises(TransitionDenied):
        chapter_regenerate(chapter=chapter, person=person("sekcam"))
    procedure.draft_submit(report=report, person=person("jf"))
    with pytest.raises(TransitionRefused):
        chapter_regenerate(chapter=chapter, person=person("jf"))


def test_a_row_analysis_follows_the_same_rule(report_at):
    report = report_at(S.DRAFTING)
    row = PlanRow.objects.filter(submission__report=report).order_by("number").first()
    assert row.analysis_generated
    edited = row_analysis_update(
        row=row, person=person("jf"), analysis="Koordinasi rutin.", version=row.version
    )
    assert not edited.analysis_generated
    with pytest.raises(EditedText):
        row_analysis_regenerate(row=edited, person=person("jf"))
    again = row_analysis_regenerate(row=edited, person=person("jf"), overwrite=True)
    assert again.analysis_generated and "Pada tahun 2025" in again.analysis


def test_the_page_asks_before_overwriting_an_edited_chapter(report_at, client_for, jf):
    report = report_at(S.DRAFTING)
    chapter = _edit(report.chapters.get(key="bab3_program"), "Program kami sendiri.")
    client = client_for(jf)
    page = client.get(f"/laporan/{report.pk}/draf/").content.decode()
    assert f'action="/laporan/{report.pk}/draf/bab/{chapter.pk}/buat-ulang/"' in page
    url = f"/laporan/{report.pk}/draf/bab/{chapter.pk}/buat-ulang/"
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == url
    chapter.refresh_from_db()
    assert chapter.body == "Program kami sendiri."
    confirm = client.get(url).content.decode()
    assert "menimpa" in confirm and "Program kami sendiri." in confirm
    response = client.post(url, {"timpa": "on"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/draf/#bab-{chapter.pk}")
    chapter.refresh_from_db()
    assert chapter.generated and "didukung oleh program dan kegiatan" in chapter.body


def test_the_page_refuses_others_and_other_offices(report_at, client_for, sekcam, outsider):
    report = report_at(S.DRAFTING)
    chapter = report.chapters.get(key="bab1")
    url = f"/laporan/{report.pk}/draf/bab/{chapter.pk}/buat-ulang/"
    assert client_for(sekcam).post(url).status_code == 403
    assert client_for(outsider).post(url).status_code == 404
    chapter.refresh_from_db()
    assert chapter.generated
