"""Pieces every document uses: the office letterhead, signatories, Indonesian numbers,
the target as printed, and the error for a document that does not exist yet."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Q
from django.utils.numberformat import format as number_format

from sakip.models import Person, Role, TargetKind, Tenure
from workflow.models import Report

ACTOR_ORDER = [Role.CAMAT, Role.SEKCAM, Role.KASI, Role.JF]


class DocumentMissing(Exception):
    """The report does not have this document yet (e.g. no finalisation meeting)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def fmt_number(value, places: int | None = None) -> str:
    """Indonesian number (1.234,5) without trailing zeros, whatever language is active."""
    if value is None:
        return ""
    number = Decimal(str(value))
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places))
    else:
        number = number.normalize()
        if number.as_tuple().exponent > 0:
            number = number.quantize(Decimal(1))
    return number_format(number, ",", grouping=3, thousand_sep=".", force_grouping=True)


def office_data(office) -> dict:
    return {
        "name": office.name,
        "kabupaten": office.kabupaten.name,
        "address": office.address,
        "postal_code": office.postal_code,
        "phone": office.phone,
        "email": office.email,
        "website": office.website,
        "city": office.city or office.name,
        "letter_code": office.letter_code,
        "letter_classification": office.letter_classification,
    }


def person_data(person: Person | None, *, acting: bool = False) -> dict:
    if person is None:
        return {"name": "", "jabatan": "", "pangkat": "", "nip": "", "acting": False}
    return {
        "name": person.full_name,
        "jabatan": person.jabatan,
        "pangkat": person.pangkat_golongan,
        "nip": person.nip,
        "acting": acting,
    }


def signatory(office, role: str, on: dt.date, *, unit=None) -> dict:
    """The person who held the post on the document's date (Tenure); if the register has no
    tenure for that date, the office's current holder of the role."""
    tenures = Tenure.objects.filter(office=office, role=role, start__lte=on).filter(
        Q(end__isnull=True) | Q(end__gte=on)
    )
    if unit is not None:
        tenures = tenures.filter(unit=unit)
    tenure = tenures.select_related("person").order_by("-start").first()
    if tenure is not None:
        return person_data(tenure.person, acting=tenure.acting)
    people = Person.objects.filter(office=office, role=role)
    if unit is not None:
        people = people.filter(unit=unit)
    return person_data(people.order_by("-heads_unit", "pk").first())


def target_display(indikator, target) -> str:
    satuan = indikator.satuan
    if indikator.target_kind == TargetKind.TEXT:
        return target.text
    if indikator.target_kind == TargetKind.RANGE and target.value_max is not None:
        return f"{fmt_number(target.value)}–{fmt_number(target.value_max)} {satuan}".strip()
    return _with_unit(fmt_number(target.value), satuan)


def _with_unit(number: str, satuan: str) -> str:
    if not number:
        return ""
    return f"{number}{satuan}" if satuan == "%" else f"{number} {satuan}".strip()


def _report_head(report: Report) -> dict:
    return {
        "pk": report.pk,
        "year": report.year.year,
        "state": report.state,
        "state_label": report.get_state_display(),
        "office": office_data(report.office),
    }
