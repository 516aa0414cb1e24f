"""The Perjanjian Kinerja's state machine through the one service path: every transition,
its refusals, what it records and whom it tells; signing, verification; the PK Perubahan."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.plan_registry import perjanjian_pdf
from documents.selectors.planning import lakip_pk
from documents.signing import signed_bytes, validate_signature
from sakip.models import Target
from tests.planning.conftest import fix_row
from tests.procedure import person
from workflow.models import AuditEntry, PerjanjianKinerja, PerjanjianState, SignedDocument
from workflow.models.perjanjian import office_agreement_in_force
from workflow.services import TransitionDenied, TransitionRefused
from workflow.services import planning as svc

pytestmark = pytest.mark.django_db
P = PerjanjianState


def _walk_to_signed(pk, pep, *, dated=None):
    pk = svc.perjanjian_submit(perjanjian=pk, person=pep)
    pk = svc.perjanjian_review(perjanjian=pk, person=person("sekcam"))
    return svc.perjanjian_sign(perjanjian=pk, person=person("camat"), dated=dated)


def test_the_office_pk_goes_draft_submitted_reviewed_signed(
    complete_2026, pep, office_pk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submitted = svc.perjanjian_submit(perjanjian=office_pk, person=pep)
    assert submitted.state == P.SUBMITTED
    assert submitted.snapshot["pihak_pertama"]["name"] == "ILDA SUBUL HURIATI, S.AP, M.S"
    assert submitted.snapshot["pihak_kedua"]["jabatan"] == "Bupati Lima Puluh Kota"
    assert [m.to for m in mail.outbox] == [["sekcam@mungka.go.id"]]
    assert "/rencana/2026/pk/" in mail.outbox[0].body

    reviewed = svc.perjanjian_review(perjanjian=submitted, person=person("sekcam"), note="Sesuai")
    assert reviewed.state == P.REVIEWED
    signed = svc.perjanjian_sign(perjanjian=reviewed, person=person("camat"))
    assert signed.state == P.SIGNED and signed.signed_by == person("camat")
    assert office_agreement_in_force(complete_2026) == signed

    actions = list(
        AuditEntry.objects.filter(payload__perjanjian=signed.pk)
        .order_by("id")
        .values_list("action", "payload__source", "payload__target")
    )
    # 2026's office PK being prepared is the PK Perubahan (version 2) of the signed one.
    assert actions == [
        ("sakip.perjanjian.amended", None, None),
        ("sakip.perjanjian.submit", P.DRAFT, P.SUBMITTED),
        ("sakip.perjanjian.review", P.SUBMITTED, P.REVIEWED),
        ("sakip.perjanjian.sign", P.REVIEWED, P.SIGNED),
    ]


def test_signing_freezes_the_version_hashed_and_signed(complete_2026, pep, office_pk, client):
    signed = _walk_to_signed(office_pk, pep)
    document = SignedDocument.objects.get(perjanjian=signed)
    content = signed_bytes(document)
    assert hashlib.sha256(content).hexdigest() == document.sha256
    check = validate_signature(content)
    assert check["valid"] and check["intact"]
    # Every download is the stored bytes, never rendered again.
    assert perjanjian_pdf(signed).content == content

    page = client.get(f"/verifikasi/{document.token}/").content.decode()
    assert "Verifikasi Perjanjian Kinerja bertanda tangan elektronik" in page
    assert "Perjanjian Kinerja Perubahan Tahun 2026 (versi 2)" in page
    same = client.post(
        f"/verifikasi/{document.token}/", {"file": SimpleUploadedFile("pk.pdf", content)}
    ).content.decode()
    assert "SAMA PERSIS dengan Perjanjian Kinerja yang ditandatangani" in same
    altered = content.replace(b"Mungka", b"Munqka", 1)
    other = client.post(
        f"/verifikasi/{document.token}/", {"file": SimpleUploadedFile("pk.pdf", altered)}
    ).content.decode()
    assert "BUKAN Perjanjian Kinerja yang ditandatangani" in other


def test_returns_carry_a_reason_and_open_the_plan_again(complete_2026, pep, office_pk):
    submitted = svc.perjanjian_submit(perjanjian=office_pk, person=pep)
    with pytest.raises(TransitionRefused, match="alasan"):
        svc.perjanjian_return(perjanjian=submitted, person=person("sekcam"), reason=" ")
    returned = svc.perjanjian_return(
        perjanjian=submitted, person=person("sekcam"), reason="Target IKM terlalu tinggi"
    )
    assert returned.state == P.RETURNED
    entry = AuditEntry.objects.filter(action="sakip.perjanjian.return_for_revision").latest("id")
    assert entry.payload["reason"] == "Target IKM terlalu tinggi"
    # Submitted again, reviewed, and this time the Camat returns it.
    again = svc.perjanjian_submit(perjanjian=returned, person=pep)
    reviewed = svc.perjanjian_review(perjanjian=again, person=person("sekcam"))
    back = svc.perjanjian_return(
        perjanjian=reviewed, person=person("camat"), reason="Rapatkan lagi"
    )
    assert back.state == P.RETURNED


@pytest.mark.parametrize(
    ("username", "service", "why"),
    [
        (
            "camat",
            "perjanjian_submit",
            "dilakukan oleh Jabatan Fungsional/Staf, Operator, bukan oleh Camat",
        ),
        ("kasi-pemerintahan", "perjanjian_submit", "bukan oleh Kasi/Kasubag"),
        ("harau-jf", "perjanjian_submit", "milik kantor lain"),
    ],
)
def test_the_wrong_person_is_refused_with_the_reason(
    complete_2026, office_pk, username, service, why
):
    with pytest.raises(TransitionDenied, match=why):
        getattr(svc, service)(perjanjian=office_pk, person=person(username))
    assert PerjanjianKinerja.objects.get(pk=office_pk.pk).state == P.DRAFT


def test_review_sign_and_return_belong_to_their_roles(complete_2026, pep, office_pk):
    submitted = svc.perjanjian_submit(perjanjian=office_pk, person=pep)
    with pytest.raises(TransitionDenied, match="dilakukan oleh Sekretaris Camat"):
        svc.perjanjian_review(perjanjian=submitted, person=pep)
    with pytest.raises(TransitionDenied, match="dilakukan oleh Sekretaris Camat, bukan oleh Camat"):
        svc.perjanjian_return(perjanjian=submitted, person=person("camat"), reason="x")
    with pytest.raises(TransitionRefused, match="tidak dapat dilakukan pada tahap sekarang"):
        svc.perjanjian_sign(perjanjian=submitted, person=person("camat"))
    reviewed = svc.perjanjian_review(perjanjian=submitted, person=person("sekcam"))
    with pytest.raises(TransitionDenied, match="dilakukan oleh Camat"):
        svc.perjanjian_sign(perjanjian=reviewed, person=person("sekcam"))
    with pytest.raises(TransitionDenied, match="dilakukan oleh Camat, bukan oleh Sekretaris Camat"):
        svc.perjanjian_return(perjanjian=reviewed, person=person("sekcam"), reason="x")


def test_a_plan_with_failing_checks_is_not_submitted(year_2026, pep, office_pk):
    with pytest.raises(TransitionRefused, match="rencana masih memiliki kekurangan"):
        svc.perjanjian_submit(perjanjian=office_pk, person=pep)
    assert PerjanjianKinerja.objects.get(pk=office_pk.pk).snapshot is None


def test_a_units_pk_follows_the_signed_office_pk(complete_2026, pep, office_pk, year_2027):
    unit = person("kasi-pemerintahan").unit
    # Before the office's PK of the year is signed, the unit's PK waits for it.
    waiting = PerjanjianKinerja.objects.get(year=year_2027, unit=unit)
    with pytest.raises(TransitionRefused, match="PK kantor tahun ini belum ditandatangani"):
        svc.perjanjian_submit(perjanjian=waiting, person=pep)
    # 2026: once the office's PK Perubahan is signed, the unit's new version carries the
    # unit's part of it.
    _walk_to_signed(office_pk, pep)
    signed_v1 = PerjanjianKinerja.objects.get(year=complete_2026, unit=unit, version=1)
    unit_pk = svc.perjanjian_amend(
        perjanjian=signed_v1, person=pep, reason="Mengikuti PK Perubahan kantor"
    )
    signed = _walk_to_signed(unit_pk, pep)
    names = [i["name"] for s in signed.snapshot["sasaran"] for i in s["indikator"]]
    mine = Target.objects.filter(year=complete_2026, indikator__unit=unit)
    assert sorted(names) == sorted(t.indikator.name for t in mine)
    assert signed.snapshot["pihak_pertama"]["nip"] == "198507222006022002"  # the Kasi
    assert signed.snapshot["pihak_kedua"]["nip"] == "198003302000032001"  # the Camat
    assert SignedDocument.objects.filter(perjanjian=signed).exists()


def test_a_pk_perubahan_is_a_new_version_signed_again_and_shows_what_changed(
    year_2025, pep, client_for, camat
):
    v1 = office_agreement_in_force(year_2025)
    v1_bytes = perjanjian_pdf(v1).content
    with pytest.raises(TransitionRefused, match="alasan"):
        svc.perjanjian_amend(perjanjian=v1, person=pep, reason="")
    with pytest.raises(TransitionDenied):
        svc.perjanjian_amend(perjanjian=v1, person=person("camat"), reason="x")
    v2 = svc.perjanjian_amend(perjanjian=v1, person=pep, reason="Refocusing anggaran TW II")
    assert (v2.version, v2.state, v2.amends) == (2, P.DRAFT, v1)
    with pytest.raises(TransitionRefused):
        svc.perjanjian_amend(perjanjian=v1, person=pep, reason="lagi")
    paten = Target.objects.get(year=year_2025, indikator__name__icontains="PATEN")
    fix_row(paten, pep, value=Decimal(93), tw4=Decimal(93))

    page = client_for(camat).get(f"/rencana/2025/pk/{v2.pk}/").content.decode()
    assert "Perubahan dari versi 1" in page
    assert "95%" in page and "93%" in page

    signed = _walk_to_signed(v2, pep)
    assert office_agreement_in_force(year_2025) == signed
    # The earlier version stays signed and readable, byte for byte.
    assert PerjanjianKinerja.objects.get(pk=v1.pk).state == P.SIGNED
    assert perjanjian_pdf(PerjanjianKinerja.objects.get(pk=v1.pk)).content == v1_bytes
    first = client_for(camat).get(f"/rencana/2025/pk/{v1.pk}/pk.pdf")
    assert first.status_code == 200 and first.content == v1_bytes


def test_the_lakip_reads_the_version_in_force(year_2025, pep):
    from workflow.models import Report

    report = Report(office=year_2025.office, year=year_2025)
    before = lakip_pk(report)
    assert before["version"] == 1
    v1 = office_agreement_in_force(year_2025)
    v2 = svc.perjanjian_amend(perjanjian=v1, person=pep, reason="Perubahan target PATEN")
    paten = Target.objects.get(year=year_2025, indikator__name__icontains="PATEN")
    fix_row(paten, pep, value=Decimal(93), tw4=Decimal(93))
    # Not signed yet: the LAKIP still reads version 1.
    assert lakip_pk(report)["version"] == 1
    _walk_to_signed(v2, pep)
    after = lakip_pk(report)
    assert after["version"] == 2 and after["reason"] == "Perubahan target PATEN"
    targets = {r["indikator"]: r["target"] for s in after["sasaran"] for r in s["rows"]}
    assert targets["Persentase layanan PATEN yang selesai tepat waktu"] == "93%"
