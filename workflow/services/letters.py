"""The office's letter register: numbers per office and year, gap-free, never issued twice,
safe under concurrent requests (the sequence row is locked while a number is taken)."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone

from sakip.letter_pattern import render_letter_number
from workflow.models import LetterNumber, LetterSequence
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


def letter_number_allocate(*, office, person, purpose: str, report=None, date=None) -> LetterNumber:
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
            purpose=purpose,
            report=report,
            issued_by=person,
        )
