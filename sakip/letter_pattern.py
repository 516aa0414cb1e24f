"""The office's letter-number pattern, e.g. `{klasifikasi}/{nomor}/{kode}/{bulan_romawi}/{tahun}`
(the SOP's own number: 900/12/CMK/III/2025).

The operator types the pattern in Data induk, so it is checked on save: only the known
placeholders, by name, without attribute or index access, and a format spec only as a
zero-padded width for {nomor} (`{nomor:03}` → 007). Rendering never raises: a pattern that
old data holds and that no longer passes the check is replaced by the default."""

from __future__ import annotations

import datetime as dt
import re
from string import Formatter

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DEFAULT_LETTER_PATTERN = "{klasifikasi}/{nomor}/{kode}/{bulan_romawi}/{tahun}"
PLACEHOLDERS = ("klasifikasi", "nomor", "kode", "bulan_romawi", "bulan", "tahun")
ROMAN_MONTHS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
# `{nomor:03}`: zero-padded to at most 9 digits; nothing else takes a format spec.
_NOMOR_SPEC = re.compile(r"^0?[1-9]$")


def pattern_errors(pattern: str) -> list[str]:
    """What is wrong with a pattern, in Indonesian; empty when it is usable."""
    try:
        parts = list(Formatter().parse(pattern))
    except ValueError:
        return [_("Kurung kurawal { } tidak berpasangan.")]
    errors: list[str] = []
    names = set()
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name == "" or name.isdigit():
            errors.append(_("Tanda tanpa nama ({} atau {0}) tidak diizinkan; pakai nama tanda."))
            continue
        if name not in PLACEHOLDERS:
            errors.append(_("Tanda {%(name)s} tidak dikenal.") % {"name": name})
            continue
        names.add(name)
        if conversion:
            errors.append(_("Tanda {%(name)s} tidak boleh memakai tanda seru.") % {"name": name})
        if spec and not (name == "nomor" and _NOMOR_SPEC.match(spec)):
            errors.append(
                _(
                    "Format {%(name)s:%(spec)s} tidak diizinkan; hanya {nomor:03} (nomor diisi "
                    "nol sampai 1–9 angka)."
                )
                % {"name": name, "spec": spec}
            )
    if "nomor" not in names:
        errors.append(_("Pola harus memuat {nomor}, agar setiap surat bernomor lain."))
    return errors


def validate_letter_pattern(pattern: str) -> None:
    errors = pattern_errors(pattern)
    if errors:
        available = ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)
        raise ValidationError(
            [*errors, _("Tanda yang tersedia: %(available)s.") % {"available": available}]
        )


def render_letter_number(
    pattern: str,
    *,
    classification: str,
    code: str,
    sequence: int | str,
    date: dt.date,
) -> str:
    """The letter number; falls back to the default pattern rather than ever failing."""
    values = {
        "klasifikasi": classification,
        "nomor": sequence,
        "kode": code,
        "bulan_romawi": ROMAN_MONTHS[date.month - 1],
        "bulan": f"{date.month:02d}",
        "tahun": date.year,
    }
    if not pattern_errors(pattern):
        try:
            return pattern.format(**values)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            pass  # e.g. a zero-padded width for the placeholder "   " of a nota dinas
    return DEFAULT_LETTER_PATTERN.format(**values)
