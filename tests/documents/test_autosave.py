"""The draft editor never loses text: every chapter and analysis saves itself (htmx), a save
of unchanged text is no new version, and a stale save keeps the person's text and shows the
stored one, like a stale row."""

from __future__ import annotations

import pytest

from workflow.models import AuditEntry, ReportState

S = ReportState
HTMX = {"HTTP_HX_REQUEST": "true"}


def _post(client, report, chapter, body, version):
    return client.post(
        f"/laporan/{report.pk}/draf/bab/{chapter.pk}/",
        {f"c{chapter.pk}-body": body, f"c{chapter.pk}-version": version},
        **HTMX,
    )


def test_an_autosave_answers_with_the_new_version_and_tersimpan(report_at, client_for, jf):
    report = report_at(S.DRAFTING)
    chapter = report.chapters.get(key="bab1")
    assert chapter.generated  # the product's first draft
    response = _post(client_for(jf), report, chapter, "Latar belakang kami.", chapter.version)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-saved="true"' in body and "Tersimpan pukul" in body
    chapter.refresh_from_db()
    assert chapter.body == "Latar belakang kami." and not chapter.generated
    assert f'name="c{chapter.pk}-version" value="{chapter.version}"' in body
    # The "draf dari sistem" badge goes, out of band.
    assert f'id="gen-c{chapter.pk}" hx-swap-oob="true"' in body


def test_saving_unchanged_text_makes_no_new_version(report_at, client_for, jf):
    report = report_at(S.DRAFTING)
    chapter = report.chapters.get(key="bab2")
    entries = AuditEntry.objects.filter(report=report).count()
    response = _post(client_for(jf), report, chapter, chapter.body, chapter.version)
    assert 'data-saved="true"' in response.content.decode()
    version = chapter.version
    chapter.refresh_from_db()
    assert chapter.version == version
    assert AuditEntry.objects.filter(report=report).count() == entries


def test_a_stale_autosave_keeps_the_text_and_shows_the_stored_one(
    report_at, client_for, jf, sekcam
):
    report = report_at(S.DRAFTING)
    chapter = report.chapters.get(key="bab4")
    seen = chapter.version
    client = client_for(jf)
    assert (
        'data-saved="true"' in _post(client, report, chapter, "Tab pertama.", seen).content.decode()
    )
    response = _post(client, report, chapter, "Tab kedua, versi lama.", seen)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-saved="false"' in body
    assert "di tab atau perangkat lain" in body and "Isian Anda belum disimpan" in body
    assert "Tab pertama." in body  # the stored text, to compare
    # The version the editor holds stays the one it had: a later save is refused again
    # rather than silently overwriting.
    assert f'name="c{chapter.pk}-version" value="{seen}"' in body
    chapter.refresh_from_db()
    assert chapter.body == "Tab pertama."


def test_an_autosave_after_the_draft_was_submitted_is_refused_in_place(report_at, client_for, jf):
    report = report_at(S.CORRECTING)
    chapter = report.chapters.get(key="bab1")
    response = _post(client_for(jf), report, chapter, "Terlambat.", chapter.version)
    assert response.status_code == 409
    assert "data-htmx-error" in response.content.decode()
    chapter.refresh_from_db()
    assert chapter.body != "Terlambat."


@pytest.mark.browser
def test_the_drafter_types_and_nothing_is_lost(login_as, live_server):
    from tests.procedure import Procedure

    report = Procedure().to(S.DRAFTING)
    bab1 = report.chapters.get(key="bab1")
    bab4 = report.chapters.get(key="bab4")
    page = login_as("jf")
    page.goto(f"{live_server.url}/laporan/{report.pk}/draf/")
    page.fill(f"#bab-{bab1.pk} textarea", "Bab satu ditulis tanpa menekan simpan.")
    page.fill(f"#bab-{bab4.pk} textarea", "Bab empat juga.")
    page.click("h1")  # leaving the field saves too
    page.locator(f"#save-c{bab1.pk} .saved-note").wait_for()
    page.locator(f"#save-c{bab4.pk} .saved-note").wait_for()
    page.reload()
    assert page.input_value(f"#bab-{bab1.pk} textarea") == "Bab satu ditulis tanpa menekan simpan."
    assert page.input_value(f"#bab-{bab4.pk} textarea") == "Bab empat juga."
    # Typing and leaving at once: the page asks before the text could be lost.
    page.locator(f"#bab-{bab1.pk} textarea").press_sequentially(" Tambahan")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.evaluate("window.location.href = '/'")
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
