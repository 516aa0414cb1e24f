from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.test import override_settings

from demo.build import seed_demo
from demo.data import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Membuat data demo Kecamatan Mungka (dan Kecamatan Harau) beserta pengguna demo."

    def handle(self, *args, **options):
        # The demo's Perjanjian Kinerja are signed with the office certificate (idempotent:
        # an existing certificate is kept).
        call_command("make_demo_certificate", verbosity=0)
        # Building the demo walks the PKs through their services, which mail the next
        # actor; nobody needs those mails.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            offices = seed_demo()
        for office in offices.values():
            self.stdout.write(f"{office}: siap.")
        self.stdout.write(f"Kata sandi semua pengguna demo: {DEMO_PASSWORD}")
