"""Render a report's document without a browser (operators, checks):

python manage.py render_document lakip --report 5 -o lakip.pdf
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from documents.registry import KINDS, document_pdf
from documents.selectors.shared import DocumentMissing
from workflow.models import Report


class Command(BaseCommand):
    help = "Membuat PDF dokumen laporan: " + ", ".join(KINDS) + "."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(KINDS), help="Jenis dokumen.")
        parser.add_argument("--report", type=int, required=True, help="ID laporan.")
        parser.add_argument("-o", "--output", required=True, help="Berkas PDF keluaran.")

    def handle(self, *args, kind, report, output, **options):
        try:
            obj = Report.objects.select_related("office__kabupaten", "year").get(pk=report)
        except Report.DoesNotExist:
            raise CommandError(f"Laporan dengan ID {report} tidak ditemukan.") from None
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
