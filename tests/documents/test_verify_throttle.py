"""The public verification page takes anonymous uploads; each is read and hashed, so a
client address may check only so many files a minute (SAKIP_VERIFY_RATE), then gets a page
in Indonesian with status 429. Other addresses are not affected."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sakip.models import Person
from workflow.models import Report, SignedDocument

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _one_instant(monkeypatch):
    """The counts are per minute window: the test runs within one, whatever the clock."""
    import types

    import django_ratelimit.core

    frozen = types.SimpleNamespace(time=lambda: 1_800_000_000.0)
    monkeypatch.setattr(django_ratelimit.core, "time", frozen)


@pytest.fixture
def signed(mungka):
    report = Report.objects.get(office=mungka, year__year=2024)
    SignedDocument.objects.filter(report=report).delete()
    return SignedDocument.objects.create(
        report=report,
        token="uji-verifikasi",
        file=ContentFile(PDF, name="lakip.pdf"),
        sha256=hashlib.sha256(PDF).hexdigest(),
        signed_at=timezone.now(),
        signed_by=Person.objects.get(office=mungka, role="camat"),
        pages=1,
    )


def _check(client, signed, address: str):
    return client.post(
        f"/verifikasi/{signed.token}/",
        {"file": SimpleUploadedFile("lakip.pdf", PDF, "application/pdf")},
        REMOTE_ADDR=address,
    )


def test_an_address_that_checks_too_often_gets_a_429_in_indonesian(client, signed, settings):
    settings.SAKIP_VERIFY_RATE = "3/m"
    for _ in range(3):
        response = _check(client, signed, "203.0.113.7")
        assert response.status_code == 200
        assert "SAMA PERSIS" in response.content.decode()
    refused = _check(client, signed, "203.0.113.7")
    assert refused.status_code == 429
    body = refused.content.decode()
    assert "Terlalu banyak pemeriksaan" in body and "Tunggu satu menit" in body
    assert "SAMA PERSIS" not in body
    assert refused["Retry-After"] == "60"
    # Another address, and reading the page, go on as before.
    assert _check(client, signed, "198.51.100.9").status_code == 200
    assert client.get(f"/verifikasi/{signed.token}/", REMOTE_ADDR="203.0.113.7").status_code == 200


def test_behind_the_proxy_the_client_address_comes_from_its_header(client, signed, settings):
    settings.SAKIP_VERIFY_RATE = "2/m"
    settings.SAKIP_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"

    def through_proxy(address: str):
        return client.post(
            f"/verifikasi/{signed.token}/",
            {"file": SimpleUploadedFile("lakip.pdf", PDF, "application/pdf")},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_REAL_IP=address,
        )

    assert [through_proxy("203.0.113.7").status_code for _ in range(3)] == [200, 200, 429]
    assert through_proxy("203.0.113.8").status_code == 200


def test_an_ipv6_client_counts_per_64_network(client, signed, settings):
    settings.SAKIP_VERIFY_RATE = "1/m"
    assert _check(client, signed, "2001:db8:1:2::10").status_code == 200
    assert _check(client, signed, "2001:db8:1:2::99").status_code == 429
