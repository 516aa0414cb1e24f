"""What the person sees when something is refused: the 403 says why (not your step, not your
unit, the report is closed, you only read), and a refused htmx action answers with a fragment
and its status that the page shows in place, changing nothing."""

from __future__ import annotations

import pytest

from tests.procedure import fill, head_of, start_collecting, to_evaluation
from workflow.models import ReportState, SubmissionState
from workflow.services import procedure as svc
from workflow.services.rows import StaleRow

HTMX = {"HTTP_HX_REQUEST": "true"}


def _door(report, name, submission=None) -> str:
    if submission is not None:
        return f"/laporan/{report.pk}/isian/{submission.pk}/langkah/{name}/"
    return f"/laporan/{report.pk}/langkah/{name}/"


@pytest.mark.django_db
def test_a_kasi_accepting_is_told_whose_step_it_is(demo, client_for, kasi):
    report = to_evaluation(start_collecting())
    submission = report.submissions.get(unit=kasi.person.unit)
    response = client_for(kasi).post(_door(report, "accept", submission))
    assert response.status_code == 403
    body = response.content.decode()
    assert "langkah 5 (Terima isian) dilakukan oleh Sekretaris Camat" in body
    submission.refresh_from_db()
    assert submission.state == SubmissionState.SUBMITTED


@pytest.mark.django_db
def test_the_head_of_another_unit_is_told_it_is_not_his_unit(demo, client_for, other_kasi, kasi):
    report = start_collecting()
    submission = report.submissions.get(unit=kasi.person.unit)
    fill(submission)
    response = client_for(other_kasi).post(_door(report, "submit", submission))
    assert response.status_code == 403
    assert f"hanya kepala {submission.unit.name}" in response.content.decode()


@pytest.mark.django_db
def test_the_kabupaten_reader_is_told_he_only_reads(demo, client_for, kabupaten_reader):
    report = start_collecting()
    response = client_for(kabupaten_reader).post(_door(report, "collect"))
    assert response.status_code == 403
    assert "hanya dapat membaca" in response.content.decode()


@pytest.mark.django_db
def test_an_htmx_row_save_after_the_unit_sent_its_rows_is_a_fragment_saying_why(
    demo, client_for, kasi
):
    report = start_collecting()
    submission = report.submissions.get(unit=kasi.person.unit)
    fill(submission)
    svc.submission_submit(submission=submission, person=head_of(submission))
    row = submission.rows.order_by("number").first()
    url = f"/laporan/{report.pk}/isian/{submission.pk}/baris/{row.pk}/"
    response = client_for(kasi).post(url, {"realisasi": "1", "version": row.version}, **HTMX)
    assert response.status_code == 403
    body = response.content.decode()
    assert "data-htmx-error" in body and "<html" not in body
    assert "tidak dapat diubah pada tahap sekarang" in body
    row.refresh_from_db()
    assert row.realisasi != 1


@pytest.mark.django_db
def test_an_htmx_evidence_removal_after_the_report_closed_says_so(demo, client_for, kasi):
    report = start_collecting()
    submission = report.submissions.get(unit=kasi.person.unit)
    fill(submission)
    svc.submission_submit(submission=submission, person=head_of(submission))
    evidence = submission.rows.order_by("number").first().evidence.first()
    url = f"/laporan/{report.pk}/bukti/{evidence.pk}/hapus/"
    response = client_for(kasi).post(url, **HTMX)
    assert response.status_code == 409
    assert "data-htmx-error" in response.content.decode()
    assert evidence.row.evidence.filter(pk=evidence.pk).exists()


@pytest.mark.django_db
def test_a_step_already_done_by_someone_else_is_a_message_on_the_page(demo, client_for, sekcam):
    report = to_evaluation(start_collecting())
    submission = report.submissions.first()
    svc.submission_accept(submission=submission, person=sekcam.person)
    response = client_for(sekcam).post(
        _door(report, "accept", submission),
        {"next": f"/laporan/{report.pk}/evaluasi/"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == f"/laporan/{report.pk}/evaluasi/"
    messages = " ".join(str(m) for m in response.context["messages"])
    assert "mungkin sudah dilakukan" in messages
    assert report.submissions.filter(state=SubmissionState.ACCEPTED).count() == 1
    report.refresh_from_db()
    assert report.state == ReportState.EVALUATING


def test_the_base_page_carries_the_htmx_error_handler(client_for, camat):
    body = client_for(camat).get("/").content.decode()
    assert 'id="htmx-messages"' in body and "js/sakip.js" in body


def test_stale_row_is_a_workflow_error():
    # The stale-row refusal is handled by the row form itself (it shows both values), so it
    # must stay a WorkflowError subclass the row view catches before the middleware.
    from workflow.services.core import WorkflowError

    assert issubclass(StaleRow, WorkflowError)
