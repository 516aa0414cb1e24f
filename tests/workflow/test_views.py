"""The workflow pages: who sees what, and how refusals look."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from workflow import hooks
from workflow.models import AuditEntry, Report, ReportState, StepRecord

S = ReportState
WIB = ZoneInfo("Asia/Jakarta")


def _messages(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


@pytest.mark.parametrize(
    "persona,status",
    [("camat", 200), ("sekcam", 403), ("kasi", 403), ("jf", 403), ("admin_user", 403)],
)
def test_only_the_camat_orders_a_lakip(request, client_for, persona, status):
    response = client_for(request.getfixturevalue(persona)).get("/laporan/baru/")
    assert response.status_code == status
    if status == 403:
        assert "Hanya Camat" in response.content.decode()


def test_the_create_page_offers_only_years_without_a_report(client_for, camat):
    response = client_for(camat).get("/laporan/baru/")
    years = [y.year for y in response.context["form"].fields["year"].queryset]
    assert years == [2025]
    assert "2025" in response.context["form"].initial["hal"]


def test_the_list_shows_the_offices_reports_only(client_for, camat, outsider):
    body = client_for(camat).get("/laporan/").content.decode()
    assert "LAKIP 2024" in body and "Harau" not in body
    assert "/laporan/baru/" in body


def test_the_kabupaten_reader_reads_but_cannot_act(client_for, kabupaten_reader, report_at):
    report = report_at(S.ORDERED)
    client = client_for(kabupaten_reader)
    assert client.get(f"/laporan/{report.pk}/").status_code == 200
    response = client.post(f"/laporan/{report.pk}/langkah/distribute/", {})
    assert response.status_code == 403
    assert Report.objects.get(pk=report.pk).state == S.ORDERED


def test_a_report_of_another_office_is_not_found(client_for, outsider, report_at):
    report = report_at(S.ORDERED)
    assert client_for(outsider).get(f"/laporan/{report.pk}/").status_code == 404


def test_the_report_page_shows_the_buttons_of_this_person_only(client_for, sekcam, jf, report_at):
    report = report_at(S.ORDERED)
    body = client_for(sekcam).get(f"/laporan/{report.pk}/").content.decode()
    assert f"/laporan/{report.pk}/langkah/distribute/" in body
    assert body.count('data-step="') == 13
    body = client_for(jf).get(f"/laporan/{report.pk}/").content.decode()
    assert "/langkah/" not in body


def test_the_step_page_is_forbidden_to_a_wrong_role(client_for, camat, report_at):
    report = report_at(S.ORDERED)
    response = client_for(camat).get(f"/laporan/{report.pk}/langkah/distribute/")
    assert response.status_code == 403
    assert "tidak berwenang" in response.content.decode()


def test_an_unknown_step_is_not_found(client_for, sekcam, report_at):
    report = report_at(S.ORDERED)
    assert client_for(sekcam).post(f"/laporan/{report.pk}/langkah/hapus/").status_code == 404


def test_a_step_not_possible_now_redirects_with_a_message(client_for, camat, report_at):
    report = report_at(S.ORDERED)
    response = client_for(camat).post(f"/laporan/{report.pk}/langkah/sign/", follow=True)
    assert response.redirect_chain == [(f"/laporan/{report.pk}/", 302)]
    assert "tidak dapat dilakukan pada tahap sekarang" in _messages(response)


def test_a_repeated_post_does_nothing_twice(client_for, sekcam, report_at):
    report = report_at(S.FINALISED)
    client = client_for(sekcam)
    url = f"/laporan/{report.pk}/langkah/send_for_approval/"
    assert client.post(url).status_code == 302
    audits = AuditEntry.objects.filter(report=report).count()
    records = StepRecord.objects.filter(report=report).count()
    response = client.post(url, follow=True)
    assert "mungkin sudah dilakukan" in _messages(response)
    assert Report.objects.get(pk=report.pk).state == S.AWAITING_APPROVAL
    assert AuditEntry.objects.filter(report=report).count() == audits
    assert StepRecord.objects.filter(report=report).count() == records


@pytest.mark.parametrize(
    "state,persona,name,unit",
    [
        (S.EVALUATING, "sekcam", "return_for_revision", True),
        (S.CORRECTING, "sekcam", "return_draft", False),
        (S.AWAITING_APPROVAL, "camat", "send_back", False),
    ],
)
def test_every_return_without_a_reason_shows_its_form_again(
    request, client_for, report_at, state, persona, name, unit
):
    """One door, one form per return: the rule "a return needs a reason" holds for the
    unit's return (step 5) and the draft's (steps 7 and 10) alike."""
    report = report_at(state)
    url = f"/laporan/{report.pk}/langkah/{name}/"
    if unit:
        submission = report.submissions.first()
        url = f"/laporan/{report.pk}/isian/{submission.pk}/langkah/{name}/"
    response = client_for(request.getfixturevalue(persona)).post(url, {"reason": "  "})
    assert response.status_code == 400
    assert response.context["form"].errors["reason"]
    assert Report.objects.get(pk=report.pk).state == state
    if unit:
        submission.refresh_from_db()
        assert submission.state == "dikirim"


def test_tasks_show_what_is_due_and_when(client_for, kasi, sekcam, procedure, monkeypatch):
    monkeypatch.setattr(
        "django.utils.timezone.now", lambda: dt.datetime(2026, 1, 9, 15, 0, tzinfo=WIB)
    )
    procedure.to(S.COLLECTING)
    response = client_for(kasi).get("/tugas/")
    [task] = response.context["tasks"]
    assert task.step == 3
    assert "Seksi Pemerintahan" in task.title
    # 120 working minutes from Friday 15:00: one hour on Friday, one on Monday.
    assert task.due_at == dt.datetime(2026, 1, 12, 8, 30, tzinfo=WIB)
    assert not task.overdue
    assert client_for(sekcam).get("/tugas/").context["tasks"] == []

    monkeypatch.setattr(
        "django.utils.timezone.now", lambda: dt.datetime(2026, 1, 12, 10, 0, tzinfo=WIB)
    )
    response = client_for(kasi).get("/tugas/")
    assert response.context["tasks"][0].overdue
    assert "Terlambat" in response.content.decode()


def test_a_signing_failure_is_a_message_not_a_server_error(
    client_for, camat, report_at, signed_finals, monkeypatch
):
    report = report_at(S.AWAITING_APPROVAL)

    def broken(*, report, person):
        raise OSError("font tidak ditemukan")

    monkeypatch.setattr(hooks.freeze_final, "_impl", broken)
    response = client_for(camat).post(f"/laporan/{report.pk}/langkah/sign/", follow=True)
    assert response.status_code == 200
    assert "belum ditandatangani" in _messages(response)
    assert Report.objects.get(pk=report.pk).state == S.AWAITING_APPROVAL
    assert not StepRecord.objects.filter(report=report, step__number=11).exists()


def test_the_camats_task_is_to_order_the_years_lakip(client_for, camat, sekcam):
    response = client_for(camat).get("/tugas/")
    assert [y.year for y in response.context["years_to_order"]] == [2025]
    assert "/laporan/baru/?tahun=" in response.content.decode()
    assert client_for(sekcam).get("/tugas/").context["years_to_order"] == []
