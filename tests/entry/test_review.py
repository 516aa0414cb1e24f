import io
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from sakip.models import PlanRow, TargetKind
from workflow.models import RevisionItem
from workflow.services.procedure import report_collect, submission_submit
from workflow.services.rows import evidence_add, row_update

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def fill_and_submit(submission, person):
    for row in submission.rows.all():
        text = row.indikator.target_kind == TargetKind.TEXT
        row_update(
            row=row,
            person=person,
            values={
                "realisasi": None if text else Decimal("80"),
                "realisasi_text": "Terlaksana" if text else "",
                "sumber_data": "Laporan",
                "keterangan": "",
                "belum_berjalan": False,
                "belum_berjalan_reason": "",
            },
            version=row.version,
        )
        if not row.evidence.exists():
            evidence_add(row=row, person=person, upload=SimpleUploadedFile("bukti.pdf", PDF))
    return submission_submit(submission=submission, person=person)


@pytest.fixture
def evaluating(report):
    from sakip.models import Person

    for sub in report.submissions.select_related("unit"):
        head = Person.objects.get(unit=sub.unit, heads_unit=True, role="kasi")
        fill_and_submit(sub, head)
    jf = Person.objects.get(user__username="jf")
    return report_collect(report=report, person=jf)


def test_the_review_lists_every_submission(client_for, sekcam, evaluating):
    response = client_for(sekcam).get(f"/laporan/{evaluating.pk}/evaluasi/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('data-state="dikirim"') == evaluating.submissions.count()
    assert "Seksi Pemerintahan" in html


def test_a_kasi_may_not_open_the_review(client_for, kasi, report):
    assert client_for(kasi).get(f"/laporan/{report.pk}/evaluasi/").status_code == 403


def test_return_with_row_notes_then_diff_then_accept(client_for, sekcam, kasi, evaluating):
    sub = evaluating.submissions.get(unit=kasi.person.unit)
    row = sub.rows.order_by("number").first()
    client = client_for(sekcam)
    base = f"/laporan/{evaluating.pk}/evaluasi/{sub.pk}/"
    door = f"/laporan/{evaluating.pk}/isian/{sub.pk}/langkah/"
    response = client.post(
        door + "return_for_revision/",
        {"reason": "Periksa lagi", f"note_{row.pk}": "Realisasi terlalu rendah"},
    )
    assert response.status_code == 302
    sub.refresh_from_db()
    assert sub.state == "dikembalikan" and sub.round == 2
    assert RevisionItem.objects.get(row=row).note == "Realisasi terlalu rendah"

    kasi_page = client_for(kasi).get(f"/laporan/{evaluating.pk}/isian/{sub.pk}/")
    html = kasi_page.content.decode()
    assert "Periksa lagi" in html and "Realisasi terlalu rendah" in html

    row.refresh_from_db()
    row_update(
        row=row,
        person=kasi.person,
        values={"realisasi": Decimal("88"), "realisasi_text": ""},
        version=row.version,
    )
    submission_submit(submission=sub, person=kasi.person)

    client = client_for(sekcam)
    html = client.get(base).content.decode()
    assert "Dibandingkan dengan putaran 1: 1 baris berubah" in html
    assert '<del class="text-danger">80</del> → <ins class="text-success">88</ins>' in html
    assert client.post(door + "accept/").status_code == 302
    sub.refresh_from_db()
    assert sub.state == "diterima"


def test_a_kasi_may_not_accept(client_for, kasi, evaluating):
    sub = evaluating.submissions.get(unit=kasi.person.unit)
    response = client_for(kasi).post(f"/laporan/{evaluating.pk}/isian/{sub.pk}/langkah/accept/")
    assert response.status_code == 403
    sub.refresh_from_db()
    assert sub.state == "dikirim"


def test_the_collection_shows_all_rows_in_order_and_exports(client_for, jf, evaluating):
    client = client_for(jf)
    response = client.get(f"/laporan/{evaluating.pk}/himpunan/")
    assert response.status_code == 200
    html = response.content.decode()
    numbers = [int(n) for n in re.findall(r'data-row="(\d+)"', html)]
    total = PlanRow.objects.filter(submission__report=evaluating).count()
    assert numbers == list(range(1, total + 1))
    response = client.get(f"/laporan/{evaluating.pk}/himpunan/xlsx/")
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content)).active
    headers = [c.value for c in ws[4]][:9]
    assert headers[4] == "Realisasi/ Progres Capaian"
    assert [c.value for c in ws[5]][:9] == list(range(1, 10))
    assert ws.max_row - 5 == len(numbers)


def test_the_diff_of_evidence_shows_only_added_and_removed_files(
    client_for, sekcam, kasi, evaluating
):
    from workflow.services.procedure import submission_return
    from workflow.services.rows import evidence_delete

    sub = evaluating.submissions.get(unit=kasi.person.unit)
    row = sub.rows.order_by("number").first()
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    kept = list(row.evidence.values_list("original_name", flat=True))
    assert kept, "the row was submitted with evidence"
    second = sub.rows.order_by("number")[1]
    gone = second.evidence.first()
    submission_return(submission=sub, person=sekcam.person, reason="Tambah bukti")
    sub.refresh_from_db()
    evidence_add(row=row, person=kasi.person, upload=SimpleUploadedFile("baru.pdf", pdf))
    evidence_add(row=second, person=kasi.person, upload=SimpleUploadedFile("ganti.pdf", pdf))
    evidence_delete(evidence=gone, person=kasi.person)
    submission_submit(submission=sub, person=kasi.person)

    html = client_for(sekcam).get(f"/laporan/{evaluating.pk}/evaluasi/{sub.pk}/").content.decode()
    cells = re.findall(r'<span class="me-3 diff-cell">(.*?)</span>', html, re.S)
    evidence_cells = [c for c in cells if "Bukti dukung" in c]
    assert len(evidence_cells) == 2
    added = next(c for c in evidence_cells if "baru.pdf" in c)
    assert '<del class="text-danger">—</del> → <ins class="text-success">baru.pdf</ins>' in added
    for name in kept:
        assert name not in added  # still attached: neither struck through nor added again
    replaced = next(c for c in evidence_cells if "ganti.pdf" in c)
    assert (
        f'<del class="text-danger">{gone.original_name}</del> → '
        '<ins class="text-success">ganti.pdf</ins>'
    ) in replaced
