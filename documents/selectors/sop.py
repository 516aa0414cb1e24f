"""The SOP document: its header and the office's steps."""

from __future__ import annotations

import datetime as dt

from documents.selectors.shared import ACTOR_ORDER, office_data, signatory
from sakip.models import Role
from workflow.models import Report, Step


def sop_data(report: Report) -> dict:
    office = report.office
    year = report.year.year
    steps = [
        {
            "number": s.number,
            "name": s.name,
            "actors": [ACTOR_ORDER.index(r) for r in s.actor_roles if r in ACTOR_ORDER],
            "kelengkapan": s.kelengkapan,
            "minutes": s.minutes,
            "output": s.output,
            "note": s.note,
        }
        for s in Step.objects.filter(office=office).order_by("number")
    ]
    made = dt.date(year, 1, 2)
    return {
        "office": office_data(office),
        "year": year,
        "nomor": f"{office.letter_classification}/   /{office.letter_code}/I/{year}",
        "made": made,
        "camat": signatory(office, Role.CAMAT, made),
        "steps": steps,
        "total_minutes": sum(s["minutes"] for s in steps),
    }
