"""The two parties of a Perjanjian Kinerja: the office's (Camat = Pihak Pertama, Bupati =
Pihak Kedua, named per kabupaten) and each unit's (its head = Pihak Pertama, the Camat =
Pihak Kedua). Who held a post on a date comes from the register of tenures."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from sakip.models import Kabupaten, Office, Person, Role, Tenure, Unit


def post_holder(office: Office, role: str, on: dt.date, *, unit: Unit | None = None):
    """(person, acting) who held the post on `on` (Tenure); without a tenure for that date,
    the office's current holder of the role (the unit's head for a unit)."""
    tenures = Tenure.objects.filter(office=office, role=role, start__lte=on).filter(
        Q(end__isnull=True) | Q(end__gte=on)
    )
    if unit is not None:
        tenures = tenures.filter(unit=unit)
    tenure = tenures.select_related("person").order_by("-start").first()
    if tenure is not None:
        return tenure.person, tenure.acting
    people = Person.objects.filter(office=office, role=role)
    if unit is not None:
        people = people.filter(unit=unit)
    return people.order_by("-heads_unit", "pk").first(), False


def person_party(person: Person | None, *, acting: bool = False) -> dict:
    if person is None:
        return {"name": "", "jabatan": "", "pangkat": "", "nip": "", "acting": False}
    return {
        "name": person.full_name,
        "jabatan": person.jabatan,
        "pangkat": person.pangkat_golongan,
        "nip": person.nip,
        "acting": acting,
    }


def bupati_party(kabupaten: Kabupaten) -> dict:
    return {
        "name": kabupaten.bupati_name,
        "jabatan": kabupaten.head_title,
        "pangkat": "",
        "nip": kabupaten.bupati_nip,
        "acting": False,
    }


def unit_head(office: Office, unit: Unit, on: dt.date):
    """The head of a unit on a date: the tenure of its Kasi/Kasubag, else its member who
    heads it."""
    person, acting = post_holder(office, Role.KASI, on, unit=unit)
    if person is None:
        person = Person.objects.filter(office=office, unit=unit, heads_unit=True).first()
    return person, acting


def parties(office: Office, on: dt.date, *, unit: Unit | None = None) -> tuple[dict, dict]:
    """(Pihak Pertama, Pihak Kedua) of the office's PK, or of `unit`'s."""
    camat, acting = post_holder(office, Role.CAMAT, on)
    if unit is None:
        return person_party(camat, acting=acting), bupati_party(office.kabupaten)
    head, head_acting = unit_head(office, unit, on)
    return person_party(head, acting=head_acting), person_party(camat, acting=acting)
