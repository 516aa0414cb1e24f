"""Create a self-signed PKCS#12 signing certificate for the demo office.

A real deployment uses the certificate the office gets from its certification authority (e.g.
BSrE); the demo and the tests need one that exists without a network. Idempotent: an existing
file that opens with the passphrase is kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def load_existing(path: Path, passphrase: bytes) -> bool:
    try:
        key, cert, _extra = pkcs12.load_key_and_certificates(path.read_bytes(), passphrase)
    except (ValueError, OSError):
        return False
    return key is not None and cert is not None


def make_certificate(path: Path, passphrase: bytes, *, common_name: str, org: str) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, "Sumatera Barat"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        name=common_name.encode(),
        key=key,
        cert=cert,
        cas=None,
        encryption_algorithm=serialization.BestAvailableEncryption(passphrase),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    path.chmod(0o600)


class Command(BaseCommand):
    help = "Membuat sertifikat tanda tangan elektronik (PKCS#12) swa-tanda untuk demo."

    def add_arguments(self, parser):
        parser.add_argument("--path", help="Lokasi berkas .p12 (bawaan: SAKIP_SIGNING_PKCS12).")
        parser.add_argument("--force", action="store_true", help="Buat ulang walau sudah ada.")
        parser.add_argument("--office", default="Kecamatan Mungka", help="Nama kantor.")

    def handle(self, *args, **options):
        path = Path(options["path"] or settings.SAKIP_SIGNING_PKCS12)
        passphrase = settings.SAKIP_SIGNING_PASSPHRASE.encode()
        if path.exists() and not options["force"]:
            if load_existing(path, passphrase):
                if options["verbosity"]:
                    self.stdout.write(f"Sertifikat sudah ada: {path}")
                return
            raise CommandError(
                f"Berkas {path} ada tetapi tidak dapat dibuka dengan kata sandi yang diatur. "
                "Gunakan --force untuk membuat ulang."
            )
        make_certificate(
            path,
            passphrase,
            common_name=f"Camat {options['office'].removeprefix('Kecamatan ')}",
            org=f"Pemerintah Kabupaten Lima Puluh Kota - {options['office']}",
        )
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Sertifikat dibuat: {path}"))
