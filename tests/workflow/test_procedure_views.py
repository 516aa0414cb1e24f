"""The whole procedure, steps 1–13, through the pages with the demo users: one unit is
returned once and the draft is returned once."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from sakip.models import Person
from tests.procedure import fill
from tests.procedure import head_of as unit_head
from workflow.models import (
    AuditEntry,
    LetterKind,
    LetterNumber,
    Period,
    Report,
    ReportState,
    RevisionRequest,
    SignedDocument,
    StepRecord,
    Submission,
)
from workflow.services import procedure as svc

S = ReportState


@pytest.fixture
def signing(request, settings, tmp_path_factory):
    """The documents app's real signing, with a demo certificate made for the test run."""
    path = tmp_path_factory.getbasetemp() / "workflow-signing.p12"
    if not path.exists():
        call_command("make_demo_certificate", path=str(path), verbosity=0)
    settings.SAKIP_SIGNING_PKCS12 = str(path)
    return None


def _as(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


def _ok(response, report):
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == f"/laporan/{report.pk}/"


def _office_ids(report, *roles):
    return [str(p.pk) for p in Person.objects.filter(office=report.office, role__in=roles)]


def test_the_whole_procedure_runs_through_the_pages(client, demo, signing):
    # Step 1: the Camat orders the LAKIP; the nota dinas comes prefilled.
    page = _as(client, "camat").get("/laporan/baru/")
    assert page.status_code == 200
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data["tanggal"] = "2026-01-05"
    data["hal"] = "Penyusunan LAKIP Tahun 2025"
    response = client.post("/laporan/baru/", data)
    report = Report.objects.get(office__name="Mungka", year__year=2025, period=Period.ANNUAL)
    _ok(response, report)
    assert report.nota_dinas.hal == "Penyusunan LAKIP Tahun 2025"
    base = f"/laporan/{report.pk}"

    # Step 2: the Sekcam records the meeting and distributes the format.
    assert _as(client, "sekcam").get(f"{base}/langkah/distribute/").status_code == 200
    response = client.post(
        f"{base}/langkah/distribute/",
        {
            "date": "2026-01-06",
            "start_time": "09:00",
            "place": "Aula Kantor Camat",
            "attendees": _office_ids(report, "kasi", "jf"),
            "agenda": "Penyampaian format pengumpulan data kinerja",
        },
    )
    _ok(response, report)
    subs = list(Submission.objects.filter(report=report).order_by("unit__order"))
    assert len(subs) == 6

    # Step 3: each unit head fills (the entry pages' work) and submits.
    for sub in subs:
        head = unit_head(sub)
        fill(sub)
        _ok(
            _as(client, head.user.username).post(f"{base}/isian/{sub.pk}/langkah/submit/"),
            report,
        )

    # Step 4: staff compile the formats.
    _ok(_as(client, "jf").post(f"{base}/langkah/collect/"), report)

    # Step 5: five accepted, one returned with a reason.
    returned, others = subs[0], subs[1:]
    _as(client, "sekcam")
    for sub in others:
        _ok(client.post(f"{base}/isian/{sub.pk}/langkah/accept/"), report)
    _ok(
        client.post(
            f"{base}/isian/{returned.pk}/langkah/return_for_revision/",
            {"reason": "Realisasi baris pertama tidak sesuai bukti."},
        ),
        report,
    )
    detail = client.get(f"{base}/").content.decode()
    assert 'data-blocked="finish_evaluation"' in detail
    assert "belum semua isian unit diterima" in detail
    response = client.post(f"{base}/langkah/finish_evaluation/", follow=True)
    assert "belum semua isian unit diterima" in response.content.decode()
    assert Report.objects.get(pk=report.pk).state == S.EVALUATING

    head = unit_head(returned)
    _ok(
        _as(client, head.user.username).post(f"{base}/isian/{returned.pk}/langkah/submit/"),
        report,
    )
    _as(client, "sekcam")
    _ok(client.post(f"{base}/isian/{returned.pk}/langkah/accept/"), report)
    _ok(client.post(f"{base}/langkah/finish_evaluation/"), report)

    # Step 6: the draft (chapters written with the chapter service), then submitted.
    jf = Person.objects.get(user__username="jf")
    for chapter in report.chapters.all():
        svc.chapter_update(chapter=chapter, person=jf, body="Isi bab.", version=chapter.version)
    _ok(_as(client, "jf").post(f"{base}/langkah/submit_draft/"), report)

    # Step 7: returned once, corrected, accepted.
    _ok(
        _as(client, "sekcam").post(
            f"{base}/langkah/return_draft/", {"reason": "Bab III belum membandingkan tahun lalu."}
        ),
        report,
    )
    assert Report.objects.get(pk=report.pk).draft_round == 2
    _ok(_as(client, "jf").post(f"{base}/langkah/submit_draft/"), report)
    _ok(_as(client, "sekcam").post(f"{base}/langkah/accept_draft/"), report)

    # Step 8: the finalisation meeting.
    response = _as(client, "camat").post(
        f"{base}/langkah/finalise/",
        {
            "date": "2026-01-14",
            "start_time": "10:00",
            "place": "Aula Kantor Camat",
            "chaired_by": str(Person.objects.get(user__username="camat").pk),
            "attendees": _office_ids(report, "camat", "sekcam", "kasi", "jf"),
            "other_attendees": "",
            "decisions": "LAKIP 2025 disepakati untuk ditandatangani.",
        },
    )
    _ok(response, report)

    # Steps 9 and 10.
    _ok(_as(client, "sekcam").post(f"{base}/langkah/send_for_approval/"), report)
    assert _as(client, "camat").get(f"{base}/langkah/sign/").status_code == 200
    _ok(client.post(f"{base}/langkah/sign/"), report)
    assert Report.objects.get(pk=report.pk).state == S.SIGNED
    assert SignedDocument.objects.filter(report=report).exists()

    # Step 11: the cover letter's number is shown afterwards.
    response = _as(client, "jf").post(
        f"{base}/langkah/number_letter/", {"date": "2026-01-20"}, follow=True
    )
    letter = LetterNumber.objects.get(report=report, kind=LetterKind.SURAT_PENGANTAR)
    assert letter.number.endswith("/CMK/I/2026")
    assert letter.number in response.content.decode()

    # Steps 12 and 13.
    _ok(
        client.post(
            f"{base}/langkah/duplicate/",
            {"count": "5", "recipients": "Bupati\nInspektorat", "made_at": "2026-01-21"},
        ),
        report,
    )
    _ok(
        client.post(
            f"{base}/langkah/dispatch/",
            {
                "recipient": "Bupati Lima Puluh Kota",
                "date": "2026-01-22",
                "method": "Diantar langsung",
                "receipt_reference": "TT-2026-01",
            },
        ),
        report,
    )

    report = Report.objects.get(pk=report.pk)
    assert report.state == S.DISPATCHED
    assert not StepRecord.objects.filter(report=report, finished_at__isnull=True).exists()
    assert RevisionRequest.objects.filter(report=report, step_number=5).count() == 1
    assert RevisionRequest.objects.filter(report=report, step_number=7).count() == 1
    assert AuditEntry.objects.filter(report=report).count() >= 25

    page = client.get(f"{base}/").content.decode()
    assert page.count('data-status="done"') == 13
    assert "Realisasi baris pertama tidak sesuai bukti." in page
    assert "Bab III belum membandingkan tahun lalu." in page
    assert "/langkah/" not in page  # a closed report offers no step to anybody
