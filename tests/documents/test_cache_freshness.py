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


class Draft:
    """Mungka 2025 in drafting, its LAKIP asked once by the JF (so it is in the cache)."""

    def __init__(self, report, client, pdf_text) -> None:
        self.report, self.client, self.pdf_text = report, client, pdf_text
        self.url = f"/laporan/{report.pk}/dokumen/lakip.pdf"
        self.first = client.get(self.url)

    def text(self) -> str:
        """The words of the draft the next request serves."""
        return _words(self.pdf_text, self.client.get(self.url))


@pytest.fixture
def draft(report_at, client_for, jf, pdf_text) -> Draft:
    return Draft(report_at(S.DRAFTING, chapters=True), client_for(jf), pdf_text)


def test_an_unchanged_draft_is_served_without_reading_its_data(draft, monkeypatch):
    def unread(*args, **kwargs):
        raise AssertionError("the draft's data was read although nothing changed")

    monkeypatch.setattr("documents.lakip.lakip_document_data", unread)
    again = draft.client.get(draft.url)
    assert again.status_code == 200 and again.content == draft.first.content


def test_a_chapter_edit_is_in_the_next_draft(draft):
    chapter = draft.report.chapters.get(key="bab4")
    procedure.chapter_update(
        chapter=chapter, person=person("jf"), body="Penutup yang baru.", version=chapter.version
    )
    assert "Penutup yang baru." in draft.text()


def test_a_renamed_camat_signs_the_next_draft(draft):
    camat = Person.objects.get(office=draft.report.office, role=Role.CAMAT)
    camat.full_name = "Drs. Penjabat Baru, M.Si."
    camat.save()
    assert "Penjabat Baru" in draft.text()


def test_the_office_city_is_in_the_next_draft(draft):
    office = draft.report.office
    office.city = "Koto Tinggi"
    office.save()
    assert "Koto Tinggi, 2 Desember 2026" in draft.text()


def test_the_next_day_the_draft_carries_the_new_date(draft, pdf_text, monkeypatch):
    assert "2 Desember 2026" in _words(pdf_text, draft.first)
    monkeypatch.setattr(
        "django.utils.timezone.localdate", lambda value=None, timezone=None: dt.date(2026, 12, 3)
    )
    assert "3 Desember 2026" in draft.text()


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
