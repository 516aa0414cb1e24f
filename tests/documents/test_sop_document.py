"""The SOP document comes from the office's own copy of the steps, not from the reference."""

from __future__ import annotations

from documents.registry import document_pdf
from workflow.models import ReferenceStep, Report, Step


def test_the_sop_shows_the_offices_edited_steps(mungka, pdf_text):
    report = Report.objects.get(office=mungka, year__year=2024)
    Step.objects.filter(office=mungka, number=12).update(
        name="Penggandaan Dokumen Lakip (lima rangkap)", minutes=45
    )
    text = " ".join(pdf_text(document_pdf(report, "sop").content).split())
    assert "Penggandaan Dokumen Lakip (lima rangkap)" in text
    assert "810" in text  # 825 minutes of the SOP, step 12 now 15 minutes shorter
    assert ReferenceStep.objects.get(number=12).minutes == 60
