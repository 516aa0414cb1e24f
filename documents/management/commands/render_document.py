"""Render a report's document without a browser (operators, checks). The format follows the
output file's extension:

python manage.py render_document lakip --report 5 -o lakip.pdf
python manage.py render_document lakip --report 5 -o lakip.docx
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from documents.registry import KINDS, document_pdf
from documents.selectors.shared import DocumentMissing
from documents.word.registry import KINDS as WORD_KINDS
from documents.word.registry import document_docx
from workflow.models import Report


class Command(BaseCommand):
    help = (
        "Membuat PDF dokumen laporan: "
        + ", ".join(KINDS)
        + "; atau DOCX (berkas keluaran .docx): "
        + ", ".join(WORD_KINDS)
        + "."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(KINDS), help="Jenis dokumen.")
        parser.add_argument("--report", type=int, required=True, help="ID laporan.")
        parser.add_argument(
            "-o", "--output", required=True, help="Berkas keluaran: .pdf atau .docx."
        )

    def handle(self, *args, kind, report, output, **options):
        try:
            obj = Report.objects.select_related("office__kabupaten", "year").get(pk=report)
        except Report.DoesNotExist:
            raise CommandError(f"Laporan dengan ID {report} tidak ditemukan.") from None
        suffix = Path(output).suffix.lower()
        if suffix == ".docx":
            if kind not in WORD_KINDS:
                raise CommandError(
                    f"{kind} tidak tersedia sebagai DOCX; pilih {', '.join(WORD_KINDS)}."
                )
            try:
                word = document_docx(obj, kind)
            except DocumentMissing as exc:
                raise CommandError(f"{obj}: {exc.message}") from None
            Path(output).write_bytes(word.content)
            self.stdout.write(self.style.SUCCESS(f"{output}: DOCX ({len(word.content)} bita)."))
            return
        if suffix != ".pdf":
            raise CommandError("Berkas keluaran harus berakhiran .pdf atau .docx.")
        try:
            document = document_pdf(obj, kind)
        except DocumentMissing as exc:
            raise CommandError(f"{obj}: {exc.message}") from None
        Path(output).write_bytes(document.content)
        how = (
            "final bertanda tangan"
            if document.signed
            else ("dari arsip" if document.cached else "baru dibuat")
        )
        self.stdout.write(self.style.SUCCESS(f"{output}: {document.pages} halaman ({how})."))
