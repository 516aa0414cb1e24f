"""After a return, the rows the Sekcam pointed at are marked on the Kasi's page until they
change, and resending them untouched needs an explicit confirmation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.procedure import Procedure, head_of
from workflow.models import ReportState, SubmissionState
from workflow.services import procedure as svc
from workflow.services.rows import row_update

S, SS = ReportState, SubmissionState


@pytest.fixture
def returned(demo, kasi, sekcam):
    """Seksi Pemerintahan's rows returned with a note on row 1 (of the unit)."""
    procedure = Procedure()
    report = procedure.to(S.EVALUATING)
    submission = report.submissions.get(unit=kasi.person.unit)
    row = submission.rows.order_by("number").first()
    svc.submission_return(
        submission=submission,
        person=sekcam.person,
        reason="Periksa realisasi.",
        row_notes={row.pk: "Realisasi tidak sesuai bukti."},
    )
    submission.refresh_from_db()
    return submission, row


def _page(client, submission) -> str:
    url = f"/laporan/{submission.report_id}/isian/{submission.pk}/"
    return client.get(url).content.decode()


def _door(submission) -> str:
    return f"/laporan/{submission.report_id}/isian/{submission.pk}/langkah/submit/"


def test_the_pointed_row_is_marked_until_it_changes(client_for, kasi, returned):
    submission, row = returned
    client = client_for(kasi)
    html = _page(client, submission)
    assert "belum diperbaiki" in html and 'id="untouched"' in html
    assert "siap dikirim" not in html
    assert svc.untouched_returned_rows(submission) == [row.number]
    row.refresh_from_db()
    row_update(
        row=row, person=kasi.person, values={"realisasi": Decimal("77")}, version=row.version
    )
    html = _page(client, submission)
    assert "belum diperbaiki" not in html and "siap dikirim" in html
    assert svc.untouched_returned_rows(submission) == []


def test_resending_untouched_rows_asks_for_confirmation(client_for, kasi, returned):
    submission, row = returned
    client = client_for(kasi)
    html = _page(client, submission)
    assert 'id="submit-confirm"' in html and 'id="submit-form"' not in html
    page = client.get(_door(submission))
    assert "belum diubah sejak dikembalikan" in page.content.decode()
    refused = client.post(_door(submission))
    assert refused.status_code == 400
    assert "Centang konfirmasi ini" in refused.content.decode()
    submission.refresh_from_db()
    assert submission.state == SS.RETURNED
    sent = client.post(_door(submission), {"confirm_untouched": "on"})
    assert sent.status_code == 302
    submission.refresh_from_db()
    assert submission.state == SS.SUBMITTED


def test_a_return_without_row_notes_marks_nothing(demo, client_for, kasi, sekcam):
    report = Procedure().to(S.EVALUATING)
    submission = report.submissions.get(unit=kasi.person.unit)
    svc.submission_return(submission=submission, person=sekcam.person, reason="Lengkapi.")
    submission.refresh_from_db()
    assert svc.untouched_returned_rows(submission) == []
    response = client_for(kasi).post(_door(submission))
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.state == SS.SUBMITTED
    assert head_of(submission).unit_id == submission.unit_id
