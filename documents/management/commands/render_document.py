"""Render a document without a browser (operators, checks). The format follows the output
file's extension (.pdf, or .docx for the documents that have a Word copy):

python manage.py render_document lakip --report 5 -o lakip.pdf
python manage.py render_document lakip --report 5 -o lakip.docx
python manage.py render_document perjanjian-kinerja --office 1 --year 2025 [--unit 3] -o pk.pdf
python manage.py render_document iku|rencana-aksi --office 1 --year 2025 [--unit 3] -o iku.pdf
python manage.py render_document pengukuran-triwulan --office 1 --year 2025 --quarter 1 -o tw1.pdf

A report's documents take `--report`; the plan's documents (Perjanjian Kinerja, IKU, Rencana
Aksi) belong to an office's year and take `--office` and `--year`, and `--unit` for a unit's.
A quarter's measurement documents (undangan, daftar hadir, notulen, laporan pengukuran) take
`--office`, `--year` and `--quarter`.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from documents.plan_registry import PLAN_KINDS, plan_document_pdf
from documents.quarter_documents import QUARTER_KINDS, quarter_document_pdf
from documents.registry import KINDS, document_pdf
from documents.selectors.shared import DocumentMissing
from documents.word.registry import KINDS as WORD_KINDS
from documents.word.registry import document_docx
from sakip.models import Unit, Year
from workflow.models import ROMAN, Report


class Command(BaseCommand):
    help = (
        "Membuat PDF dokumen: "
        + ", ".join([*KINDS, *PLAN_KINDS, *QUARTER_KINDS])
        + "; atau DOCX (berkas keluaran .docx): "
        + ", ".join(WORD_KINDS)
        + "."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "kind", choices=sorted([*KINDS, *PLAN_KINDS, *QUARTER_KINDS]), help="Jenis dokumen."
        )
        parser.add_argument("--report", type=int, help="ID laporan (dokumen laporan).")
        parser.add_argument("--office", type=int, help="ID kantor (dokumen rencana).")
        parser.add_argument("--year", type=int, help="Tahun (dokumen rencana).")
        parser.add_argument("--unit", type=int, help="ID unit (PK, IKU, Rencana Aksi unit).")
        parser.add_argument(
            "--quarter", type=int, help="Triwulan 1–4 (dokumen pengukuran kinerja triwulan)."
        )
        parser.add_argument(
            "-o", "--output", required=True, help="Berkas keluaran: .pdf atau .docx."
        )

    def handle(self, *args, kind, output, **options):
        suffix = Path(output).suffix.lower()
        if suffix not in (".pdf", ".docx"):
            raise CommandError("Berkas keluaran harus berakhiran .pdf atau .docx.")
        if suffix == ".docx":
            self._write_docx(kind, output, options)
            return
        try:
            if kind in PLAN_KINDS:
                document = self._plan_document(kind, options)
            elif kind in QUARTER_KINDS:
                document = quarter_document_pdf(self._quarter(kind, options), kind)
            else:
                document = document_pdf(self._report(kind, options), kind)
        except DocumentMissing as exc:
            raise CommandError(exc.message) from None
        Path(output).write_bytes(document.content)
        how = (
            "bertanda tangan"
            if document.signed
            else ("dari arsip" if document.cached else "baru dibuat")
        )
        self.stdout.write(self.style.SUCCESS(f"{output}: {document.pages} halaman ({how})."))

    def _write_docx(self, kind: str, output: str, options: dict) -> None:
        if kind not in WORD_KINDS:
            raise CommandError(
                f"{kind} tidak tersedia sebagai DOCX; pilih {', '.join(WORD_KINDS)}."
            )
        report = self._report(kind, options)
        try:
            word = document_docx(report, kind)
        except DocumentMissing as exc:
            raise CommandError(f"{report}: {exc.message}") from None
        Path(output).write_bytes(word.content)
        self.stdout.write(self.style.SUCCESS(f"{output}: DOCX ({len(word.content)} bita)."))

    def _report(self, kind: str, options: dict) -> Report:
        if options.get("report") is None:
            raise CommandError(f"Dokumen {kind} memerlukan --report ID.")
        try:
            return Report.objects.select_related("office__kabupaten", "year").get(
                pk=options["report"]
            )
        except Report.DoesNotExist:
            raise CommandError(f"Laporan dengan ID {options['report']} tidak ditemukan.") from None

    def _year(self, kind: str, options: dict) -> Year:
        if options.get("office") is None or options.get("year") is None:
            raise CommandError(f"Dokumen {kind} memerlukan --office ID dan --year TAHUN.")
        year = (
            Year.objects.select_related("office__kabupaten")
            .filter(office_id=options["office"], year=options["year"])
            .first()
        )
        if year is None:
            raise CommandError(
                f"Kantor {options['office']} tidak memiliki tahun {options['year']}."
            )
        return year

    def _quarter(self, kind: str, options: dict) -> Report:
        quarter = options.get("quarter")
        if quarter is None:
            raise CommandError(f"Dokumen {kind} memerlukan --quarter N (triwulan 1–4).")
        if quarter not in ROMAN:
            raise CommandError("Triwulan harus 1, 2, 3 atau 4.")
        year = self._year(kind, options)
        report = (
            Report.objects.select_related("office__kabupaten", "year")
            .filter(year=year, period=quarter)
            .first()
        )
        if report is None:
            raise CommandError(
                f"Pengukuran TW {ROMAN[quarter]} {year.year} Kecamatan {year.office.name} "
                "belum pernah dibuka."
            )
        return report

    def _plan_document(self, kind: str, options: dict):
        year = self._year(kind, options)
        unit = None
        if options.get("unit") is not None:
            unit = Unit.objects.filter(pk=options["unit"], office_id=year.office_id).first()
            if unit is None:
                raise CommandError(f"Unit {options['unit']} bukan unit kantor ini.")
        return plan_document_pdf(kind, year, unit)
