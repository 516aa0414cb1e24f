"""The context the plan's documents share: the data, the place and date line, and the
DRAFT watermark while the year has no signed PK."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format


def plan_context(data: dict) -> dict:
    with translation.override(settings.LANGUAGE_CODE):
        place_date = f"{data['office']['city']}, {date_format(data['date'], 'j F Y')}"
    return {
        "doc": data,
        "office": data["office"],
        "place_date": place_date,
        "watermark": not data["final"],
    }
