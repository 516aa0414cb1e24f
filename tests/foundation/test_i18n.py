"""Bahasa Indonesia first, English as the second language."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sakip.validators import validate_nip


def test_it_speaks_indonesian_by_default(client_for, camat):
    body = client_for(camat).get("/").content.decode()
    assert "Langkah berikutnya" in body
    assert 'lang="id"' in body


def test_it_switches_to_english(client_for, camat):
    client = client_for(camat)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    body = client.get("/").content.decode()
    assert 'lang="en"' in body
    assert "Next step" in body
    assert "Who you are" in body
    assert "Sign out" in body
    assert "The 2025 LAKIP has not started." in body


def test_validation_messages_have_an_english_translation():
    with translation.override("en"), pytest.raises(ValidationError) as error:
        validate_nip("123")
    assert error.value.messages == ["An NIP consists of 18 digits without spaces or punctuation."]


def test_an_english_browser_still_gets_indonesian(client_for, camat):
    body = client_for(camat).get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="id"' in body
    assert "Langkah berikutnya" in body


def test_english_is_kept_once_chosen_whatever_the_browser_says(client_for, camat):
    client = client_for(camat)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    for accept in ("id-ID,id;q=0.9", "en-US", ""):
        body = client.get("/", HTTP_ACCEPT_LANGUAGE=accept).content.decode()
        assert 'lang="en"' in body and "Next step" in body
    client.post("/i18n/setlang/", {"language": "id", "next": "/"})
    assert 'lang="id"' in client.get("/", HTTP_ACCEPT_LANGUAGE="en-US").content.decode()


@pytest.mark.parametrize(
    ("language", "long", "short"),
    [
        ("id", "2 Desember 2026 03.03", "2 Des 2026 03.03"),
        ("en", "2 December 2026 03:03", "2 Dec 2026 03:03"),
    ],
)
def test_dates_name_the_month_in_both_languages(language, long, short):
    import datetime as dt

    from django.utils.formats import date_format

    moment = dt.datetime(2026, 12, 2, 3, 3)
    with translation.override(language):
        assert date_format(moment, "DATETIME_FORMAT") == long
        assert date_format(moment, "SHORT_DATETIME_FORMAT") == short
        assert date_format(moment.date(), "SHORT_DATE_FORMAT") == short.rsplit(" ", 1)[0]


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_report_page_shows_no_ambiguous_date(client_for, camat, mungka, language):
    import re

    from workflow.models import Report

    client = client_for(camat)
    client.post("/i18n/setlang/", {"language": language, "next": "/"})
    report = Report.objects.filter(office=mungka, period=0).order_by("-year__year").first()
    body = client.get(f"/laporan/{report.pk}/", HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert f'lang="{language}"' in body
    assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b", body)
    assert "a.m." not in body and "p.m." not in body
