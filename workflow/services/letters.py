"""The office's letter register: numbers per office and year, gap-free, never issued twice,
safe under concurrent requests (the sequence row is locked while a number is taken)."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone

from sakip.letter_pattern import render_letter_number
from workflow.models import LetterKind, LetterNumber, LetterSequence
from workflow.services.core import contention_as_stale


def format_letter_number(office, *, sequence: int | str, date: dt.date) -> str:
    """The number in the office's pattern; never fails, whatever the pattern holds."""
    return render_letter_number(
        office.letter_pattern,
        classification=office.letter_classification,
        code=office.letter_code,
        sequence=sequence,
        date=date,
    )


def letter_number_allocate(
    *,
    office,
    person,
    purpose: str,
    report=None,
    date=None,
    kind: str = LetterKind.SURAT_PENGANTAR,
) -> LetterNumber:
    """Take the next number of the office's register for `date`'s year; `kind` says which
    letter of the procedure carries it (nota dinas, berita acara, surat pengantar)."""
    date = date or timezone.localdate()
    with contention_as_stale(), transaction.atomic():
        try:
            with transaction.atomic():
                LetterSequence.objects.get_or_create(office=office, year=date.year)
        except IntegrityError:
            pass  # another request created it first; the lock below serialises us behind it
        sequence = LetterSequence.objects.select_for_update().get(office=office, year=date.year)
        sequence.last_number += 1
        sequence.save(update_fields=["last_number"])
        return LetterNumber.objects.create(
            office=office,
            year=date.year,
            sequence=sequence.last_number,
            number=format_letter_number(office, sequence=sequence.last_number, date=date),
            kind=kind,
            purpose=purpose,
            report=report,
            issued_by=person,
        )
