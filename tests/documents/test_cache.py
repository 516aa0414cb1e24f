"""The shared cache of rendered documents (`documents.pdf.cached_pdf`), as several app
servers use it: a replaced file stays in the store until the new row is committed, and a
cached file that cannot be read is rendered again instead of failing the request."""

from __future__ import annotations

import pytest
from django.db.models import F

from documents.pdf import RenderedPdf, cached_pdf
from workflow.models import RenderedDocument, Report

pytestmark = pytest.mark.django_db


def _rendering(text: str):
    return lambda data: RenderedPdf(content=f"%PDF-1.7 {text}".encode(), pages=1, anchors={})


def _content_changed(report: Report) -> None:
    """What every write of a report's content does (workflow.services.content)."""
    Report.objects.filter(pk=report.pk).update(data_version=F("data_version") + 1)


@pytest.fixture
def report(mungka) -> Report:
    return Report.objects.filter(office=mungka).order_by("pk").first()


def test_a_replaced_rendering_leaves_the_store_only_after_the_commit(
    report, django_capture_on_commit_callbacks
):
    cached_pdf(report, "uji", lambda: {"versi": 1}, _rendering("satu"))
    first = RenderedDocument.objects.get(report=report, kind="uji")
    storage = first.file.storage

    _content_changed(report)
    with django_capture_on_commit_callbacks(execute=True):
        second = cached_pdf(report, "uji", lambda: {"versi": 2}, _rendering("dua"))
        # Another server may still be reading the old file until the new row is committed.
        assert storage.exists(first.file.name)

    assert not storage.exists(first.file.name)
    entry = RenderedDocument.objects.get(report=report, kind="uji")
    assert entry.pk == first.pk and entry.data_key != first.data_key
    assert entry.file.read() == second.content == b"%PDF-1.7 dua"
    assert cached_pdf(report, "uji", lambda: {"versi": 2}, _rendering("tiga")).cached


def test_a_cached_file_that_cannot_be_read_is_rendered_again(report, monkeypatch, caplog):
    cached_pdf(report, "uji", lambda: {"versi": 1}, _rendering("satu"))
    storage = RenderedDocument.objects.get(report=report, kind="uji").file.storage

    def vanished(name, mode="rb"):
        # What botocore raises when an S3 object is deleted between HEAD and GET.
        raise RuntimeError("NoSuchKey")

    monkeypatch.setattr(storage, "_open", vanished)
    again = cached_pdf(report, "uji", lambda: {"versi": 1}, _rendering("lagi"))

    assert not again.cached and again.content == b"%PDF-1.7 lagi"
    assert "tidak terbaca" in caplog.text


def test_while_no_version_moved_the_data_is_not_read_again(report):
    cached_pdf(report, "uji", lambda: {"versi": 1}, _rendering("satu"))

    def unread():
        raise AssertionError("the data was read although nothing changed")

    again = cached_pdf(report, "uji", unread, _rendering("lagi"))
    assert again.cached and again.content == b"%PDF-1.7 satu"


def test_a_moved_version_with_the_same_data_keeps_the_file(report):
    """A version moves for more than this document shows (another row of the office, say):
    the data is read again, found equal, and the cached file is served, not rendered."""
    cached_pdf(report, "uji", lambda: {"versi": 1}, _rendering("satu"))
    _content_changed(report)
    reads = []

    def select():
        reads.append(1)
        return {"versi": 1}

    assert cached_pdf(report, "uji", select, _rendering("lagi")).content == b"%PDF-1.7 satu"
    assert cached_pdf(report, "uji", select, _rendering("lagi")).cached
    assert reads == [1]  # the second request found the new versions remembered
