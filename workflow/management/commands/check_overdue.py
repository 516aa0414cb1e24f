"""`python manage.py check_overdue`: mail each overdue step's actors once (for cron)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from workflow.services.overdue import notify_overdue_steps


class Command(BaseCommand):
    help = "Kirim surel sekali untuk setiap langkah yang melewati waktu Mutu Baku."

    def handle(self, *args, **options) -> None:
        count = notify_overdue_steps()
        if options["verbosity"]:
            self.stdout.write(f"Langkah terlambat yang diberitahukan: {count}")
