"""The quarter's pages as the office uses them: the Sekcam opens a quarter, records the
meeting and follow-ups; a Kasi fills his unit's rows on the usual entry page and closes his
follow-ups; refusals say why."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.procedure import fill, head_of
from workflow.models import FollowUp, Meeting, Report, ReportState
from workflow.services.measurement import follow_up_add
from workflow.services.procedure import submission_submit

S = ReportState


@pytest.fixture
def after_2025(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: dt.date(2026, 1, 10))


def test_the_sekcam_opens_a_quarter_from_the_year_page(client_for, sekcam, quarters, after_2025):
    client = client_for(sekcam)
    page = client.get(reverse("measurement:year", args=[2025]))
    assert page.status_code == 200
    assert reverse("measurement:open", args=[2025, 1]).encode() in page.content
    # Only the first quarter is offered while none is under way.
    response = client.post(reverse("measurement:open", args=[2025, 1]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("measurement:quarter", args=[2025, 1])
    assert "TW I 2025 dibuka" in response.content.decode()
    assert Report.objects.get(year=quarters.year, period=1).state == S.MEASURING
    again = client.get(reverse("measurement:year", args=[2025])).content.decode()
    assert reverse("measurement:open", args=[2025, 2]) not in again
    assert "Berjalan: 0 dari" in again


def test_a_future_quarter_is_refused_with_a_message_not_an_error(client_for, sekcam, demo):
    client = client_for(sekcam)
    response = client.post(reverse("measurement:open", args=[2026, 4]), follow=True)
    assert response.status_code == 200
    assert "TW IV 2026 belum berakhir" in response.content.decode()
    assert not Report.objects.filter(year__year=2026, period=4).exists()


def test_a_kasi_may_not_open_a_quarter(client_for, kasi, demo):
    response = client_for(kasi).post(reverse("measurement:open", args=[2025, 1]))
    assert response.status_code == 403
    assert "Sekretaris Camat" in response.content.decode()


def test_the_kasi_fills_the_quarter_on_the_usual_entry_page(client_for, kasi, quarters):
    report = quarters.open(2)
    page = client_for(kasi).get(reverse("measurement:quarter", args=[2025, 2]))
    text = page.content.decode()
    sub = report.submissions.get(unit=kasi.person.unit)
    unit_url = reverse("entry:submission", args=[report.pk, sub.pk])
    assert unit_url in text
    # Another unit's page is not linked for him; every unit's figures wait for the close.
    other = report.submissions.exclude(unit=kasi.person.unit).first()
    assert reverse("entry:submission", args=[report.pk, other.pk]) not in text
    assert "dapat dibaca setelah pengukurannya ditutup" in text
    entry = client_for(kasi).get(unit_url).content.decode()
    assert "Pengukuran kinerja TW II tahun 2025" in entry
    assert "target TW II" in entry and "target tahun:" in entry
    assert "TW I:" in entry


def test_the_meeting_is_recorded_with_invitees_and_attendance(client_for, sekcam, quarters):
    report = quarters.open(1)
    client = client_for(sekcam)
    form = client.get(reverse("measurement:meeting", args=[2025, 1]))
    people = form.context["form"].fields["invitees"].queryset
    invited = [p.pk for p in people]
    response = client.post(
        reverse("measurement:meeting", args=[2025, 1]),
        {
            "date": "2025-04-10",
            "start_time": "09:00",
            "place": "Aula Kantor Camat",
            "agenda": "Pengukuran kinerja TW I",
            "decisions": "Percepat pelayanan administrasi kependudukan.",
            "invitees": invited,
            "attendees": invited[:-1],
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get(report=report)
    assert meeting.invitees.count() == len(invited)
    assert meeting.attendees.count() == len(invited) - 1
    page = client.get(reverse("measurement:quarter", args=[2025, 1])).content.decode()
    assert "Percepat pelayanan administrasi kependudukan." in page


def test_attendees_must_be_invited(client_for, sekcam, quarters):
    quarters.open(1)
    client = client_for(sekcam)
    people = list(
        client.get(reverse("measurement:meeting", args=[2025, 1]))
        .context["form"]
        .fields["invitees"]
        .queryset
    )
    response = client.post(
        reverse("measurement:meeting", args=[2025, 1]),
        {"date": "2025-04-10", "invitees": [people[0].pk], "attendees": [people[1].pk]},
    )
    assert response.status_code == 200
    assert "Yang hadir harus termasuk undangan" in response.content.decode()


def test_the_sekcam_adds_a_follow_up_on_its_own_page(client_for, kasi, quarters):
    """The quarter page links to the follow-up form instead of carrying it on every view."""
    quarters.open(1)
    sekcam, url = client_for(quarters.sekcam.user), reverse("measurement:follow_up", args=[2025, 1])
    page = sekcam.get(reverse("measurement:quarter", args=[2025, 1])).content.decode()
    assert f'href="{url}"' in page and 'name="indikator"' not in page
    form = sekcam.get(url).content.decode()
    assert 'name="indikator"' in form and 'name="due_date"' in form
    kasi_page = client_for(kasi).get(reverse("measurement:quarter", args=[2025, 1]))
    assert f'href="{url}"' not in kasi_page.content.decode()


def test_follow_ups_are_carried_to_the_next_quarter_and_the_kasis_tasks(
    client_for, kasi, other_kasi, quarters
):
    first = quarters.open(1)
    row = first.submissions.get(unit=kasi.person.unit).rows.first()
    response = client_for(quarters.sekcam.user).post(
        reverse("measurement:follow_up", args=[2025, 1]),
        {
            "indikator": row.indikator_id,
            "action": "Lengkapi data register kependudukan",
            "unit": kasi.person.unit_id,
            "due_date": "2025-05-31",
        },
    )
    assert response.status_code == 302
    follow_up = FollowUp.objects.get(report=first)
    for sub in first.submissions.all():
        fill(sub)
        submission_submit(submission=sub, person=head_of(sub))
        from workflow.services.procedure import submission_accept

        submission_accept(submission=sub, person=quarters.sekcam)
    quarters.open(2)
    page = client_for(kasi).get(reverse("measurement:quarter", args=[2025, 2])).content.decode()
    assert "Lengkapi data register kependudukan" in page
    tasks = client_for(kasi).get(reverse("workflow:tasks")).content.decode()
    assert "Lengkapi data register kependudukan" in tasks
    # Another unit's head may not close it; its own head may.
    done_url = reverse("measurement:follow_up_done", args=[2025, follow_up.pk])
    assert client_for(other_kasi).post(done_url).status_code == 403
    assert client_for(kasi).post(done_url, {"note": "Sudah dilengkapi"}).status_code == 302
    follow_up.refresh_from_db()
    assert not follow_up.is_open and follow_up.done_note == "Sudah dilengkapi"
    assert (
        "Lengkapi data register"
        not in client_for(kasi).get(reverse("workflow:tasks")).content.decode()
    )


def test_a_follow_up_needs_an_action(quarters):
    report = quarters.open(1)
    row = report.submissions.first().rows.select_related("indikator", "unit").first()
    from workflow.services.core import WorkflowError

    with pytest.raises(WorkflowError, match="Isi tindak lanjutnya"):
        follow_up_add(
            report=report,
            person=quarters.sekcam,
            indikator=row.indikator,
            action="  ",
            unit=row.unit,
            due_date=dt.date(2025, 5, 1),
        )


@pytest.mark.parametrize("fixture", ["outsider", "kabupaten_reader"])
def test_other_offices_find_no_quarter(request, client_for, quarters, fixture):
    """Harau's Camat reads Harau's own quarters (none opened), never Mungka's; the kabupaten
    reader has no office pages (his view is the kabupaten dashboard)."""
    quarters.open(1)
    client = client_for(request.getfixturevalue(fixture))
    assert client.get(reverse("measurement:quarter", args=[2025, 1])).status_code == 404
    year = client.get(reverse("measurement:year", args=[2025]))
    if fixture == "kabupaten_reader":
        assert year.status_code == 404
    else:
        assert "Berjalan" not in year.content.decode()


def test_the_quarter_page_lists_the_documents_each_person_may_read(
    client_for, kasi, sekcam, quarters
):
    quarters.open(1)
    url = reverse("measurement:quarter", args=[2025, 1])
    report_pdf = reverse("measurement:document", args=[2025, 1, "pengukuran-triwulan"])
    invitation = reverse("measurement:document", args=[2025, 1, "undangan-pengukuran"])
    sekcam_page = client_for(sekcam).get(url).content.decode()
    assert report_pdf in sekcam_page and invitation in sekcam_page
    # A Kasi reads every unit's figures only once the quarter is closed: no link before.
    kasi_page = client_for(kasi).get(url).content.decode()
    assert invitation in kasi_page and report_pdf not in kasi_page


def test_a_quarters_row_shows_the_figure_to_date_where_quarters_add_up(quarters):
    from decimal import Decimal

    from pages.entry.table import row_view
    from sakip.models import Aggregation, PlanRow

    quarters.measured(1)
    report = quarters.open(2)
    rows = PlanRow.objects.filter(submission__report=report).select_related(
        "indikator__sasaran", "indikator__nomenklatur", "target", "unit", "submission"
    )
    by_rule = {r.indikator.aggregation: r for r in rows if r.earlier and r.earlier[0]}
    cumulative, last = by_rule[Aggregation.CUMULATIVE], by_rule[Aggregation.LAST]
    for row in (cumulative, last):
        row.realisasi = Decimal(2)
    assert row_view(cumulative, None).to_date.startswith(
        f"{Decimal(cumulative.earlier[0]) + 2:f}".rstrip("0").rstrip(".").replace(".", ",")
    )
    assert row_view(last, None).to_date == ""


def test_the_quarter_page_reads_as_many_queries_for_one_follow_up_as_for_five(
    client_for, sekcam, quarters
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    report = quarters.open(1)
    row = report.submissions.first().rows.select_related("indikator", "unit").first()
    client = client_for(sekcam)
    url = reverse("measurement:quarter", args=[2025, 1])

    def add(n):
        for i in range(n):
            follow_up_add(
                report=report,
                person=quarters.sekcam,
                indikator=row.indikator,
                action=f"Tindak lanjut {i}",
                unit=row.unit,
                due_date=dt.date(2025, 5, 1),
            )

    add(1)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    queries = len(one)
    add(4)
    with CaptureQueriesContext(connection) as five:
        page = client.get(url)
    assert page.content.decode().count("data-follow-up=") == 5
    assert len(five) == queries
