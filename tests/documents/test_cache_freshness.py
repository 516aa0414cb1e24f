"""A cached document is never stale: every kind of change a document shows is in it on the
next request, although an unchanged document is served without reading its data
(documents.pdf.versions_key: the office's data version, the office's reports' content
versions, today's date)."""

from __future__ import annotations

import datetime as dt

import pytest

from sakip.models import Person, Role
from tests.procedure import person
from workflow.models import Meeting, MeetingKind, ReportState
from workflow.services import procedure

pytestmark = pytest.mark.django_db
S = ReportState


def _words(pdf_text, response) -> str:
    assert response.status_code == 200
    return " ".join(pdf_text(response.content).split())


def test_an_unchanged_draft_is_served_without_reading_its_data(
    report_at, client_for, jf, monkeypatch
):
    report = report_at(S.DRAFTING, chapters=True)
    client = client_for(jf)
    url = f"/laporan/{report.pk}/dokumen/lakip.pdf"
    first = client.get(url)

    def unread(*args, **kwargs):
        raise AssertionError("the draft's data was read although nothing changed")

    monkeypatch.setattr("documents.lakip.lakip_document_data", unread)
    again = client.get(url)
    assert again.status_code == 200 and again.content == first.content


def test_a_chapter_edit_is_in_the_next_draft(report_at, client_for, jf, pdf_text):
    report = report_at(S.DRAFTING, chapters=True)
    client = client_for(jf)
    url = f"/laporan/{report.pk}/dokumen/lakip.pdf"
    client.get(url)
    chapter = report.chapters.get(key="bab4")
    procedure.chapter_update(
        chapter=chapter, person=person("jf"), body="Penutup yang baru.", version=chapter.version
    )
    assert "Penutup yang baru." in _words(pdf_text, client.get(url))


def test_a_renamed_camat_signs_the_next_draft(report_at, client_for, jf, pdf_text):
    report = report_at(S.DRAFTING, chapters=True)
    client = client_for(jf)
    url = f"/laporan/{report.pk}/dokumen/lakip.pdf"
    client.get(url)
    camat = Person.objects.get(office=report.office, role=Role.CAMAT)
    camat.full_name = "Drs. Penjabat Baru, M.Si."
    camat.save()
    assert "Penjabat Baru" in _words(pdf_text, client.get(url))


def test_the_office_city_is_in_the_next_draft(report_at, client_for, jf, pdf_text):
    report = report_at(S.DRAFTING, chapters=True)
    client = client_for(jf)
    url = f"/laporan/{report.pk}/dokumen/lakip.pdf"
    client.get(url)
    office = report.office
    office.city = "Koto Tinggi"
    office.save()
    assert "Koto Tinggi, 2 Desember 2026" in _words(pdf_text, client.get(url))


def test_the_next_day_the_draft_carries_the_new_date(
    report_at, client_for, jf, pdf_text, monkeypatch
):
    report = report_at(S.DRAFTING, chapters=True)
    client = client_for(jf)
    url = f"/laporan/{report.pk}/dokumen/lakip.pdf"
    assert "2 Desember 2026" in _words(pdf_text, client.get(url))
    monkeypatch.setattr(
        "django.utils.timezone.localdate", lambda value=None, timezone=None: dt.date(2026, 12, 3)
    )
    assert "3 Desember 2026" in _words(pdf_text, client.get(url))


def test_a_new_attendee_is_on_the_next_berita_acara(report_at, client_for, sekcam, pdf_text):
    report = report_at(S.NUMBERED)
    client = client_for(sekcam)
    url = f"/laporan/{report.pk}/dokumen/berita-acara.pdf"
    newcomer = Person.objects.filter(office=report.office).exclude(
        meetings__report=report, meetings__kind=MeetingKind.FINALISATION
    )[0]
    assert newcomer.full_name not in _words(pdf_text, client.get(url))
    Meeting.objects.get(report=report, kind=MeetingKind.FINALISATION).attendees.add(newcomer)
    assert newcomer.full_name in _words(pdf_text, client.get(url))
