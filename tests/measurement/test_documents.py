"""The quarter's documents (undangan, daftar hadir, notulen, laporan pengukuran triwulan): read
back with pdftotext, made by the command, and served to whom the access rules allow."""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.measurement import measurement_data
from documents.quarter_documents import quarter_document_pdf
from sakip.models import Aggregation, Person, PlanRow, Polarity, Role, TargetKind, Tenure
from tests.procedure import fill, head_of
from workflow.models import Report
from workflow.services.measurement import follow_up_add, meeting_record
from workflow.services.procedure import submission_accept, submission_submit
from workflow.services.rows import row_update

URL = "/pengukuran/2025/tw1/dokumen/"
DECISIONS = "Setiap seksi melengkapi bukti dukung sebelum akhir April."
PLACE = "Aula Kantor Camat Mungka"


def pdf_text(content: bytes) -> str:
    """The PDF's words in the order they are drawn (a table cell's lines stay together),
    whitespace collapsed."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as fh:
        fh.write(content)
        fh.flush()
        out = subprocess.run(["pdftotext", "-raw", fh.name, "-"], capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


def _low_row(report: Report) -> PlanRow:
    """A row whose capaian is its own realisation against the TW target (higher is better,
    last value counts)."""
    return (
        PlanRow.objects.filter(
            submission__report=report,
            indikator__polarity=Polarity.HIGHER,
            indikator__aggregation=Aggregation.LAST,
            quarter_target__isnull=False,
        )
        .exclude(indikator__target_kind__in=[TargetKind.TEXT, TargetKind.RANGE])
        .select_related("indikator", "submission")
        .order_by("number")
        .first()
    )


def measure_tw1(quarters, report: Report | None = None) -> tuple[Report, PlanRow]:
    """TW I measured and closed, one row at 45,5 % of its TW target."""
    report = report or quarters.open(1)
    for sub in report.submissions.all():
        fill(sub)
    low = _low_row(report)
    value = (low.quarter_target * Decimal("0.455")).quantize(Decimal("0.0001"))
    row_update(
        row=low, person=head_of(low.submission), values={"realisasi": value}, version=low.version
    )
    for sub in report.submissions.all():
        submission_submit(submission=sub, person=head_of(sub))
    for sub in report.submissions.all():
        submission_accept(submission=sub, person=quarters.sekcam)
    return Report.objects.get(pk=report.pk), PlanRow.objects.get(pk=low.pk)


def record_meeting(quarters, report: Report, low: PlanRow) -> list[Person]:
    people = list(
        Person.objects.filter(
            office=report.office, role__in=["camat", "sekcam", "kasi", "jf"]
        ).order_by("pk")
    )
    meeting_record(
        report=report,
        person=quarters.sekcam,
        data={
            "date": dt.date(2025, 4, 10),
            "start_time": dt.time(9, 0),
            "place": PLACE,
            "agenda": "Pengukuran kinerja TW I",
            "decisions": DECISIONS,
        },
        invitees=people,
        attendees=people[:-1],
    )
    follow_up_add(
        report=report,
        person=quarters.sekcam,
        indikator=low.indikator,
        action="Percepat verifikasi administrasi nagari",
        unit=low.unit,
        due_date=dt.date(2025, 5, 31),
    )
    return people


@pytest.fixture
def tw1(quarters):
    report, low = measure_tw1(quarters)
    people = record_meeting(quarters, report, low)
    return report, low, people


def test_the_measurement_report_prints_the_quarters_figures_chart_and_follow_ups(tw1):
    report, low, _people = tw1
    text = pdf_text(quarter_document_pdf(report, "pengukuran-triwulan").content)
    assert "LAPORAN PENGUKURAN KINERJA TRIWULAN I TAHUN 2025" in text
    assert "KECAMATAN MUNGKA KABUPATEN LIMA PULUH KOTA" in text
    assert "s.d. TW I" in text
    assert "45,5" in text and "Sangat Rendah" in text
    for row in PlanRow.objects.filter(submission__report=report).select_related("indikator"):
        assert row.indikator.name in text
    assert "Grafik capaian" in text
    assert "Progres terhadap target tahun 2025 dan proyeksi akhir tahun" in text
    assert "Percepat verifikasi administrasi nagari" in text and "Belum selesai" in text
    assert DECISIONS in text
    assert "Halaman 1 dari" in text


def test_the_invitation_names_the_meeting_and_its_invitees(tw1):
    report, _low, people = tw1
    document = quarter_document_pdf(report, "undangan-pengukuran")
    assert document.filename == "undangan-pengukuran-TW1-2025-mungka.pdf"
    text = pdf_text(document.content)
    assert "KECAMATAN MUNGKA" in text
    assert "Undangan Rapat Pengukuran Kinerja Triwulan I Tahun 2025" in text
    for label in ["Nomor", "Sifat", "Lampiran", "Hal", "Kepada", "Yth."]:
        assert label in text
    assert "Kamis, 10 April 2025" in text and "09.00 WIB" in text and PLACE in text
    assert "DAFTAR UNDANGAN" in text
    camat = next(p for p in people if p.role == "camat")
    for person in people:
        if person != camat:
            assert person.full_name in text
    assert "CAMAT MUNGKA," in text and camat.full_name in text


def test_the_attendance_list_has_a_signature_line_per_invitee_and_marks_attendees(tw1):
    report, _low, people = tw1
    text = pdf_text(quarter_document_pdf(report, "daftar-hadir-pengukuran").content)
    assert "DAFTAR HADIR" in text and "RAPAT PENGUKURAN KINERJA TRIWULAN I TAHUN 2025" in text
    assert "Tanda Tangan" in text
    for person in people:
        assert person.full_name in text
    # "Hadir" beside each attendee (the footer says "Daftar Hadir" on every page).
    assert text.count("Hadir") - text.count("Daftar Hadir") == len(people) - 1
    # A numbered signature line for each invitee and three blank lines.
    for n in range(1, len(people) + 4):
        assert f"{n}. ......" in text


def test_the_minutes_carry_the_camats_directions_and_the_follow_ups(tw1):
    report, low, _people = tw1
    text = pdf_text(quarter_document_pdf(report, "notulen-pengukuran").content)
    assert "NOTULEN" in text and "TRIWULAN I TAHUN 2025" in text
    assert "Arahan Camat" in text and DECISIONS in text
    for header in ["Indikator", "Tindak lanjut", "Penanggung jawab", "Batas waktu", "Status"]:
        assert header in text
    assert "Percepat verifikasi administrasi nagari" in text and "31 Mei 2025" in text
    assert low.unit.name in text
    assert "NOTULIS," in text and "PIMPINAN RAPAT," in text


def test_while_the_camat_post_is_vacant_the_sekcam_signs_the_invitation_on_his_behalf(
    quarters, mungka
):
    report = quarters.open(1)
    Tenure.objects.filter(office=mungka, role=Role.CAMAT).delete()
    Person.objects.filter(office=mungka, role=Role.CAMAT).update(role=Role.JF)
    text = pdf_text(quarter_document_pdf(report, "undangan-pengukuran").content)
    assert "a.n. CAMAT MUNGKA SEKRETARIS CAMAT," in text
    assert quarters.sekcam.full_name in text


def test_without_a_meeting_the_letters_print_dotted_blanks(quarters):
    report = quarters.open(1)
    text = pdf_text(quarter_document_pdf(report, "undangan-pengukuran").content)
    assert "Undangan Rapat Pengukuran Kinerja Triwulan I Tahun 2025" in text
    assert "Hari/tanggal : ......" in text and "Tempat : ......" in text
    text = pdf_text(quarter_document_pdf(report, "notulen-pengukuran").content)
    assert "Tidak ada tindak lanjut." in text


def test_an_open_follow_up_of_tw1_is_carried_into_tw2s_report(tw1, quarters):
    second = quarters.measured(2)
    text = pdf_text(quarter_document_pdf(second, "pengukuran-triwulan").content)
    assert "LAPORAN PENGUKURAN KINERJA TRIWULAN II TAHUN 2025" in text
    assert "Percepat verifikasi administrasi nagari" in text
    assert "lanjutan dari TW I" in text


def test_the_documents_data_takes_the_same_queries_whatever_the_rows(tw1):
    report = Report.objects.select_related("office__kabupaten", "year").get(pk=tw1[0].pk)
    rows = PlanRow.objects.filter(submission__report=report)
    with CaptureQueriesContext(connection) as all_rows:
        data = measurement_data(report)
    assert len(data["rows"]) == rows.count() > 10
    rows.filter(submission=rows.order_by("-number")[0].submission).delete()
    with CaptureQueriesContext(connection) as fewer_rows:
        fewer = measurement_data(report)
    assert 0 < len(fewer["rows"]) < len(data["rows"])
    assert len(all_rows) == len(fewer_rows) < 20


def test_the_command_renders_a_quarter_document(tw1, tmp_path, mungka):
    out = tmp_path / "tw1.pdf"
    call_command(
        "render_document",
        "pengukuran-triwulan",
        office=mungka.pk,
        year=2025,
        quarter=1,
        output=str(out),
    )
    assert "LAPORAN PENGUKURAN KINERJA TRIWULAN I TAHUN 2025" in pdf_text(out.read_bytes())


def test_the_command_refuses_a_missing_or_unopened_quarter(quarters, tmp_path, mungka):
    out = str(tmp_path / "x.pdf")
    with pytest.raises(CommandError, match="memerlukan --quarter"):
        call_command(
            "render_document", "notulen-pengukuran", office=mungka.pk, year=2025, output=out
        )
    with pytest.raises(CommandError, match="TW III 2025 .* belum pernah dibuka"):
        call_command(
            "render_document",
            "undangan-pengukuran",
            office=mungka.pk,
            year=2025,
            quarter=3,
            output=out,
        )


def test_a_kasi_reads_the_measurement_report_once_the_quarter_is_closed(quarters, client_for, kasi):
    report = quarters.open(1)
    client = client_for(kasi)
    assert client.get(URL + "pengukuran-triwulan.pdf").status_code == 403
    response = client.get(URL + "undangan-pengukuran.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    measure_tw1(quarters, report)
    response = client.get(URL + "pengukuran-triwulan.pdf")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'inline; filename="pengukuran-triwulan-TW1-2025-mungka.pdf"'
    )
    assert "LAPORAN PENGUKURAN KINERJA TRIWULAN I TAHUN 2025" in pdf_text(response.content)


@pytest.mark.parametrize(
    ("who", "kind", "status"),
    [
        ("sekcam", "pengukuran-triwulan", 200),
        ("sekcam", "surat-sakti", 404),
        ("admin_user", "pengukuran-triwulan", 403),
        ("outsider", "pengukuran-triwulan", 404),
        ("outsider", "undangan-pengukuran", 404),
        ("kabupaten_reader", "pengukuran-triwulan", 404),
        ("kabupaten_reader", "daftar-hadir-pengukuran", 404),
    ],
)
def test_who_reads_the_quarters_documents(quarters, client_for, request, who, kind, status):
    quarters.open(1)
    response = client_for(request.getfixturevalue(who)).get(URL + kind + ".pdf")
    assert response.status_code == status
