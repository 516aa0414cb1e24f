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
