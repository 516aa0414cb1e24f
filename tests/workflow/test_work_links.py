"""The report page links each person to the work pages they need at the current step."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_it_sends_the_kasi_to_his_unit_while_collecting(procedure, client_for, kasi):
    report = procedure.to("pengumpulan")
    response = client_for(kasi).get(f"/laporan/{report.pk}/")
    body = response.content.decode()
    assert f"/laporan/{report.pk}/isian/" in body
    assert f"/laporan/{report.pk}/evaluasi/" not in body


def test_it_sends_the_sekcam_to_the_review_while_evaluating(procedure, client_for, sekcam):
    report = procedure.to("evaluasi")
    body = client_for(sekcam).get(f"/laporan/{report.pk}/").content.decode()
    assert f"/laporan/{report.pk}/evaluasi/" in body
    assert f"/laporan/{report.pk}/himpunan/" in body
    assert f"/laporan/{report.pk}/draf/" not in body


def test_it_links_the_draft_once_drafting_starts(procedure, client_for, jf):
    report = procedure.to("penyusunan_draf")
    body = client_for(jf).get(f"/laporan/{report.pk}/").content.decode()
    assert f"/laporan/{report.pk}/draf/" in body
    assert f"/laporan/{report.pk}/dokumen/" in body
