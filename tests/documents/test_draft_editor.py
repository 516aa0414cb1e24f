"""Step 6 chapter editor and the Sekcam's step-7 accept/return with notes per chapter."""

from __future__ import annotations

from workflow.models import Report, ReportState, RevisionItem

S = ReportState


def test_the_drafting_staff_save_a_chapter(report_at, client_for, jf):
    report = report_at(S.DRAFTING)
    chapter = report.chapters.get(key="bab1")
    client = client_for(jf)
    page = client.get(f"/laporan/{report.pk}/draf/")
    assert page.status_code == 200
    assert "Bab I Pendahuluan" in page.content.decode()
    response = client.post(
        f"/laporan/{report.pk}/draf/bab/{chapter.pk}/",
        {
            f"c{chapter.pk}-body": "Latar belakang.\n\nMaksud dan tujuan.",
            f"c{chapter.pk}-version": chapter.version,
        },
    )
    assert response.status_code == 302
    before = chapter.version
    chapter.refresh_from_db()
    assert chapter.body == "Latar belakang.\n\nMaksud dan tujuan."
    assert chapter.version == before + 1
    assert not chapter.generated


def test_a_stale_chapter_edit_is_refused(report_at, client_for, jf):
    report = report_at(S.DRAFTING)
    chapter = report.chapters.get(key="bab1")
    client = client_for(jf)
    url = f"/laporan/{report.pk}/draf/bab/{chapter.pk}/"
    seen = chapter.version
    client.post(url, {f"c{chapter.pk}-body": "Versi pertama", f"c{chapter.pk}-version": seen})
    response = client.post(
        url, {f"c{chapter.pk}-body": "Versi lama", f"c{chapter.pk}-version": seen}, follow=True
    )
    assert "sudah diubah" in response.content.decode()
    chapter.refresh_from_db()
    assert chapter.body == "Versi pertama"


def test_the_sekcam_cannot_write_the_draft(report_at, client_for, sekcam):
    report = report_at(S.DRAFTING)
    chapter = report.chapters.get(key="bab1")
    response = client_for(sekcam).post(
        f"/laporan/{report.pk}/draf/bab/{chapter.pk}/",
        {f"c{chapter.pk}-body": "x", f"c{chapter.pk}-version": chapter.version},
    )
    assert response.status_code == 403
    generated = chapter.body
    chapter.refresh_from_db()
    assert chapter.body == generated and chapter.generated


def test_the_analysis_of_a_row_bumps_the_data_version(report_at, client_for, jf):
    report = report_at(S.DRAFTING)
    row = report.submissions.first().rows.first()
    before = report.data_version
    client_for(jf).post(
        f"/laporan/{report.pk}/draf/baris/{row.pk}/",
        {f"r{row.pk}-analysis": "Koordinasi berjalan baik.", f"r{row.pk}-version": row.version},
    )
    row.refresh_from_db()
    assert row.analysis == "Koordinasi berjalan baik."
    assert Report.objects.get(pk=report.pk).data_version > before


def test_the_sekcam_returns_the_draft_with_notes_per_chapter(report_at, client_for, sekcam, jf):
    report = report_at(S.CORRECTING)
    chapter = report.chapters.get(key="bab2")
    client = client_for(sekcam)
    page = client.get(f"/laporan/{report.pk}/draf/")
    assert "Kembalikan untuk direvisi" in page.content.decode()
    response = client.post(
        f"/laporan/{report.pk}/langkah/return_draft/",
        {
            "reason": "Bab II belum memuat PK.",
            f"note_{chapter.pk}": "Tambahkan tabel PK <i>lengkap</i>.",
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == "penyusunan_draf"
    item = RevisionItem.objects.get(chapter=chapter)
    assert item.note == "Tambahkan tabel PK <i>lengkap</i>."
    body = client_for(jf).get(f"/laporan/{report.pk}/draf/").content.decode()
    assert "Tambahkan tabel PK &lt;i&gt;lengkap&lt;/i&gt;." in body
    assert "Bab II belum memuat PK." in body


def test_the_sekcam_accepts_the_draft(report_at, client_for, sekcam):
    report = report_at(S.CORRECTING)
    response = client_for(sekcam).post(f"/laporan/{report.pk}/langkah/accept_draft/")
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == "finalisasi"
