from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_NIP = re.compile(r"^\d{18}$")


def validate_nip(value: str) -> None:
    """An NIP is 18 digits: birth date (8), appointment year and month (6), sex (1: 1 or 2),
    sequence (3). Reject what cannot be one."""
    if not value:
        return
    if not _NIP.match(value):
        raise ValidationError(_("NIP harus terdiri dari 18 angka tanpa spasi atau tanda baca."))
    try:
        born = dt.date(int(value[0:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        raise ValidationError(
            _("NIP tidak sah: 8 angka pertama harus tanggal lahir (TTTTBBHH).")
        ) from None
    appointed = int(value[8:12])
    # Nobody is appointed a civil servant before the age of 18 or in the future.
    if not born.year + 18 <= appointed <= dt.date.today().year + 1:
        raise ValidationError(
            _("NIP tidak sah: angka ke-9 s.d. ke-12 harus tahun pengangkatan setelah lahir.")
        )
    month = int(value[12:14])
    if not 1 <= month <= 12:
        raise ValidationError(_("NIP tidak sah: angka ke-13 dan ke-14 harus bulan pengangkatan."))
    if value[14] not in "12":
        raise ValidationError(_("NIP tidak sah: angka ke-15 harus 1 (pria) atau 2 (wanita)."))
