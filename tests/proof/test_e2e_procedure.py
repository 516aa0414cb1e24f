"""The whole SOP in Debian's Chromium with the demo users, through the real pages only:
the Camat orders the LAKIP; the Sekcam distributes the format; all six units fill and
submit (one through Excel); one unit is returned twice; the JF compiles; the Sekcam
evaluates; the draft is written, returned once and corrected; the finalisation meeting;
approval and signing; the letter number; copies; dispatch. Every document is downloaded
and read with pdftotext, and the signed final verifies on the public verification page."""

from __future__ import annotations

import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from documents.workbook_export import FIRST_DATA_ROW
from sakip.models import Person, TargetKind
from sakip.numbers import format_id_decimal
from workflow.models import Period, Report, SignedDocument

pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parents[1] / "data" / "proof"
EXCEL_UNIT = "Seksi Pelayanan Publik"
RETURNED_UNIT = "Seksi Pemerintahan"


def realisasi_for(row) -> str:
    """What the Kasi types: the target itself (capaian 100 %), or a sentence for text."""
    if row.indikator.target_kind == TargetKind.TEXT:
        return "Terlaksana di seluruh nagari"
    return format_id_decimal(row.target.value)


class Office:
    """The office at work in one browser page, signing in as whoever acts next."""

    def __init__(self, login_as, live_server, tmp_path: Path) -> None:
        self.login_as = login_as
        self.url = live_server.url
        self.tmp = tmp_path
        self.page = None
        self.evidence = tmp_path / "notulen rapat.pdf"
        self.evidence.write_bytes((DATA / "minimal.pdf").read_bytes())

    def as_(self, username: str):
        self.page = self.login_as(username)
        return self.page

    def go(self, path: str):
        self.page.goto(f"{self.url}{path}")
        return self.page

    def step(self, report: Report, name: str, fields: dict[str, str] | None = None) -> None:
        """Open a step's page from the report, fill its form, confirm."""
        self.go(f"/laporan/{report.pk}/")
        self.page.click(
            f"#actions a[href$='/langkah/{name}/'], #actions form[action$='/langkah/{name}/'] button"
        )
        if "/langkah/" in self.page.url:
            for selector, value in (fields or {}).items():
                self.page.fill(selector, value)
            self.page.click("input[type=submit]")
        expect(self.page.locator(".alert-success").first).to_contain_text("selesai")

    # ---- step 3 ------------------------------------------------------------------------

    def _row(self, index: int):
        return self.page.locator("#sop-table tbody.sop-row").nth(index)

    def attach_evidence(self, index: int) -> None:
        self._row(index).locator("a.edit-row").click()
        self._row(index).locator("input[type=file]").set_input_files(str(self.evidence))
        self._row(index).locator("input[name=upload]").click()
        expect(self._row(index).locator(".evidence-list")).to_contain_text("notulen rapat.pdf")

    def fill_row(self, index: int, value: str) -> None:
        self._row(index).locator("a.edit-row").click()
        self._row(index).locator("[name=realisasi]").fill(value)
        self._row(index).locator("input[name=sumber_data]").fill("Register seksi 2025")
        self._row(index).locator("input[name=save]").click()
        expect(self._row(index).locator("a.edit-row")).to_be_visible()

    def fill_unit(self, report: Report, submission, *, excel: bool = False) -> None:
        self.as_(Person.objects.get(unit=submission.unit, heads_unit=True).user.username)
        self.go(f"/laporan/{report.pk}/isian/{submission.pk}/")
        rows = list(submission.rows.select_related("indikator", "target").order_by("number"))
        if excel:
            self.fill_by_excel(rows)
        for index, row in enumerate(rows):
            if not excel:
                self.fill_row(index, realisasi_for(row))
            self.attach_evidence(index)
        expect(self.page.locator("#entry-status")).to_contain_text(
            f"{len(rows)} dari {len(rows)} baris lengkap"
        )
        self.page.click("#submit-form button")
        expect(self.page.locator("[data-state]").first).to_have_attribute("data-state", "dikirim")

    def fill_by_excel(self, rows) -> None:
        with self.page.expect_download() as info:
            self.page.click("a[href$='/xlsx/']")
        book = load_workbook(BytesIO(Path(info.value.path()).read_bytes()))
        sheet = book.worksheets[0]
        for n, row in enumerate(rows):
            sheet.cell(row=FIRST_DATA_ROW + n, column=5).value = realisasi_for(row)
            sheet.cell(row=FIRST_DATA_ROW + n, column=7).value = "Rekap layanan PATEN"
        filled = self.tmp / "format-terisi.xlsx"
        book.save(filled)
        self.page.click("a[href$='/unggah/']")
        self.page.set_input_files("input[type=file]", str(filled))
        self.page.click("input[name=preview]")
        self.page.click("#confirm-upload")
        expect(self.page.locator(".alert-success").first).to_contain_text(
            "diperbarui dari berkas Excel"
        )

    # ---- step 5 ------------------------------------------------------------------------

    def review(self, report: Report, unit: str, *, reason: str = "") -> None:
        self.go(f"/laporan/{report.pk}/evaluasi/")
        self.page.locator(f'tr[data-unit="{unit}"] a').first.click()
        if reason:
            self.page.fill("textarea[name=reason]", reason)
            self.page.click("#return")
        else:
            self.page.click("#accept")
        state = "dikembalikan" if reason else "diterima"
        expect(self.page.locator(f'tr[data-unit="{unit}"] [data-state]')).to_have_attribute(
            "data-state", state
        )

    # ---- documents ---------------------------------------------------------------------

    def pdf_text(self, report: Report, kind: str) -> tuple[bytes, str]:
        response = self.page.request.get(f"{self.url}/laporan/{report.pk}/dokumen/{kind}.pdf")
        assert response.status == 200, kind
        content = response.body()
        assert content.startswith(b"%PDF"), kind
        text = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
        ).stdout.decode()
        return content, " ".join(text.split())


def test_the_office_runs_the_whole_procedure_in_the_browser(login_as, live_server, tmp_path):
    office = Office(login_as, live_server, tmp_path)

    # Step 1: the Camat orders the LAKIP with the prefilled nota dinas.
    page = office.as_("camat")
    office.go("/tugas/")
    page.click("text=Buat nota dinas")
    page.click("input[type=submit]")
    page.wait_for_load_state()
    report = Report.objects.get(office__name="Mungka", year__year=2025, period=Period.ANNUAL)

    # Step 2: the Sekcam meets the section heads and distributes the format.
    office.as_("sekcam")
    office.step(report, "distribute", {"input[name=place]": "Aula Kantor Camat Mungka"})
    submissions = {s.unit.name: s for s in report.submissions.select_related("unit")}
    assert len(submissions) == 6

    # Step 3: every unit fills its rows, attaches evidence and submits; one by Excel.
    for name, submission in submissions.items():
        office.fill_unit(report, submission, excel=name == EXCEL_UNIT)

    # Step 4: the JF compiles the formats.
    office.as_("jf")
    office.step(report, "collect")

    # Step 5: one unit is returned twice; the others are accepted at once.
    returned = submissions[RETURNED_UNIT]
    for round_, reason in enumerate(
        ["Realisasi baris 1 belum sesuai bukti.", "Sumber data baris 1 masih kurang."], start=1
    ):
        office.as_("sekcam")
        office.review(report, RETURNED_UNIT, reason=reason)
        office.as_("kasi-pemerintahan")
        office.go(f"/laporan/{report.pk}/isian/{returned.pk}/")
        expect(page.locator("#return-reason")).to_contain_text(reason)
        office.fill_row(0, f"{round_}0")
        office.page.click("#submit-form button")
        expect(office.page.locator("[data-state]").first).to_have_attribute("data-state", "dikirim")
    office.as_("sekcam")
    for name in submissions:
        office.review(report, name)
    office.step(report, "finish_evaluation")

    # Steps 6–7: the JF writes the draft; the Sekcam returns it once; corrected; accepted.
    office.as_("jf")
    office.go(f"/laporan/{report.pk}/draf/")
    for chapter in report.chapters.order_by("order"):
        card = office.page.locator(f"#bab-{chapter.pk}")
        card.locator("textarea").fill(f"{chapter.title} Kecamatan Mungka Tahun 2025.")
        card.locator("button.btn-primary").click()
        # The editor saves in place (htmx): the chapter's own state says so.
        expect(card.locator(".saved-note")).to_contain_text("Tersimpan")
    office.page.click("form[action$='/langkah/submit_draft/'] button")
    office.as_("sekcam")
    office.go(f"/laporan/{report.pk}/draf/")
    office.page.fill("#koreksi textarea[name=reason]", "Ikhtisar eksekutif perlu angka capaian.")
    office.page.click("#koreksi button.btn-warning")
    office.as_("jf")
    office.go(f"/laporan/{report.pk}/draf/")
    ikhtisar = report.chapters.get(key="ikhtisar")
    card = office.page.locator(f"#bab-{ikhtisar.pk}")
    card.locator("textarea").fill("Capaian rata-rata seluruh indikator 100 persen.")
    card.locator("button.btn-primary").click()
    expect(card.locator(".saved-note")).to_contain_text("Tersimpan")
    office.page.click("form[action$='/langkah/submit_draft/'] button")
    office.as_("sekcam")
    office.go(f"/laporan/{report.pk}/draf/")
    office.page.click("#koreksi button.btn-success")
    report.refresh_from_db()
    assert report.state == "finalisasi" and report.draft_round == 2

    # Steps 8–9: the finalisation meeting; the LAKIP goes to the Camat.
    office.step(
        report,
        "finalise",
        {
            "input[name=place]": "Aula Kantor Camat Mungka",
            "textarea[name=decisions]": "Disepakati.",
        },
    )
    office.step(report, "send_for_approval")

    # Step 10: the Camat approves and signs.
    office.as_("camat")
    office.step(report, "sign")

    # Steps 11–13: the letter number, the copies, the dispatch.
    office.as_("jf")
    office.step(report, "number_letter")
    office.step(
        report,
        "duplicate",
        {
            "input[name=count]": "5",
            "textarea[name=recipients]": "Bupati\nInspektorat",
            "input[name=made_at]": "2026-01-12",
        },
    )
    office.step(
        report,
        "dispatch",
        {
            "input[name=recipient]": "Bupati Lima Puluh Kota",
            "input[name=date]": "2026-01-13",
            "input[name=method]": "Kurir",
        },
    )
    report.refresh_from_db()
    assert report.state == "dikirim"
    # The register numbered the nota dinas, the berita acara and the cover letter, in order.
    numbers = list(report.letter_numbers.order_by("sequence"))
    assert [n.kind for n in numbers] == ["nota_dinas", "berita_acara", "surat_pengantar"]
    letter = numbers[-1]
    returned.refresh_from_db()
    assert returned.round == 3 and returned.revisions.count() == 2
    assert set(report.submissions.values_list("state", flat=True)) == {"diterima"}
    excel_rows = submissions[EXCEL_UNIT].rows.all()
    assert {r.sumber_data for r in excel_rows} == {"Rekap layanan PATEN"}
    assert report.revisions.filter(step_number=7).count() == 1

    # Every document, downloaded and read.
    expected = {
        "nota-dinas": ["Penyusunan Laporan Kinerja", "Mungka", numbers[0].number],
        "tabel": ["Realisasi", "Register seksi 2025", "Rekap layanan PATEN"],
        "lakip": ["Ikhtisar Eksekutif", "Capaian rata-rata seluruh indikator 100 persen"],
        "berita-acara": ["Aula Kantor Camat Mungka", "Disepakati", numbers[1].number],
        "surat-pengantar": [letter.number],
    }
    signed_pdf = b""
    for kind, phrases in expected.items():
        content, text = office.pdf_text(report, kind)
        for phrase in phrases:
            assert phrase.lower() in text.lower(), (kind, phrase)
        if kind == "lakip":
            signed_pdf = content

    # The signed final verifies on the public page, for anyone holding the link.
    signed = SignedDocument.objects.get(report=report)
    assert signed_pdf.count(b"/ByteRange") >= 1
    final = tmp_path / "lakip-final.pdf"
    final.write_bytes(signed_pdf)
    office.page.context.clear_cookies()
    office.go(f"/verifikasi/{signed.token}/")
    office.page.set_input_files("input[type=file]", str(final))
    office.page.click("form button.btn-primary")
    expect(office.page.locator(".alert-success")).to_contain_text("SAMA PERSIS")
    expect(office.page.locator(".alert-success")).to_contain_text("Tanda tangan elektronik sah")
