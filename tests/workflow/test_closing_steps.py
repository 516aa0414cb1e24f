"""Steps 9, 12 and 13 on their own: handing the LAKIP to the Camat, the copies, and the
dispatch that closes the report — each through its door, as the person whose step it is."""

from __future__ import annotations

from django.core import mail

from workflow.models import CopyRecord, Dispatch, ReportState, StepRecord

S = ReportState


def _records(report, number: int):
    return StepRecord.objects.filter(report=report, step__number=number)


def test_step_9_the_sekcam_hands_the_lakip_to_the_camat(
    report_at, client_for, sekcam, camat, django_capture_on_commit_callbacks
):
    report = report_at(S.FINALISED)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(sekcam).post(f"/laporan/{report.pk}/langkah/send_for_approval/")
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == S.AWAITING_APPROVAL
    assert _records(report, 9).get().finished_at is not None
    assert _records(report, 10).get().finished_at is None  # the Camat's step is open
    assert [m.to for m in mail.outbox] == [[camat.email]]


def test_step_9_is_the_sekcams_and_only_after_the_meeting(report_at, client_for, camat, sekcam):
    report = report_at(S.FINALISATION)
    response = client_for(sekcam).post(f"/laporan/{report.pk}/langkah/send_for_approval/")
    assert response.status_code == 302  # back with a message: the meeting comes first
    report.refresh_from_db()
    assert report.state == S.FINALISATION
    report = report_at(S.FINALISED)
    response = client_for(camat).post(f"/laporan/{report.pk}/langkah/send_for_approval/")
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.state == S.FINALISED


def test_step_12_records_the_copies(report_at, client_for, jf):
    report = report_at(S.NUMBERED)
    page = client_for(jf).get(f"/laporan/{report.pk}/langkah/duplicate/")
    assert page.status_code == 200 and "eksemplar" in page.content.decode()
    response = client_for(jf).post(
        f"/laporan/{report.pk}/langkah/duplicate/",
        {"count": 7, "recipients": "Bupati\nInspektorat\nBappeda", "made_at": "2026-01-21"},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == S.DUPLICATED
    copy = CopyRecord.objects.get(report=report)
    assert copy.count == 7 and "Bappeda" in copy.recipients


def test_step_12_needs_at_least_one_copy(report_at, client_for, jf):
    report = report_at(S.NUMBERED)
    response = client_for(jf).post(
        f"/laporan/{report.pk}/langkah/duplicate/",
        {"count": 0, "recipients": "Bupati", "made_at": "2026-01-21"},
    )
    assert response.status_code == 400
    assert "Minimal satu eksemplar" in response.content.decode()
    report.refresh_from_db()
    assert report.state == S.NUMBERED
    assert not CopyRecord.objects.filter(report=report).exists()


def test_step_13_dispatches_and_closes_the_report(report_at, client_for, jf, kasi):
    report = report_at(S.DUPLICATED)
    response = client_for(jf).post(
        f"/laporan/{report.pk}/langkah/dispatch/",
        {
            "recipient": "Bupati Lima Puluh Kota",
            "date": "2026-01-22",
            "method": "Diantar langsung",
            "receipt_reference": "TT-01",
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == S.DISPATCHED and report.is_closed
    assert Dispatch.objects.get(report=report).receipt_reference == "TT-01"
    assert not StepRecord.objects.filter(report=report, finished_at__isnull=True).exists()
    # Closed: nothing of it changes any more, and the door says so.
    submission = report.submissions.get(unit=kasi.person.unit)
    row = submission.rows.first()
    edit = client_for(kasi).post(
        f"/laporan/{report.pk}/isian/{submission.pk}/baris/{row.pk}/",
        {"realisasi": "1", "version": row.version},
    )
    assert edit.status_code == 403
    assert "sudah ditutup" in edit.content.decode()
    again = client_for(jf).post(f"/laporan/{report.pk}/langkah/dispatch/", follow=True)
    assert "tidak dapat dilakukan pada tahap sekarang" in again.content.decode()
    assert Dispatch.objects.filter(report=report).count() == 1
