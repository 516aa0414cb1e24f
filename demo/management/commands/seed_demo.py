from django.core.management.base import BaseCommand

from demo.build import seed_demo
from demo.data import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Membuat data demo Kecamatan Mungka (dan Kecamatan Harau) beserta pengguna demo."

    def handle(self, *args, **options):
        offices = seed_demo()
        for office in offices.values():
            self.stdout.write(f"{office}: siap.")
        self.stdout.write(f"Kata sandi semua pengguna demo: {DEMO_PASSWORD}")
