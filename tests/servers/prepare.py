"""Builds the reports the several-servers proof works on, in the servers' own database and
file store, through the real step services (tests/procedure.py), and prints their ids as one
line of JSON. Run by the proof in a subprocess with the servers' environment:

    python -m tests.servers.prepare

- Harau 2025 at step 3 (collecting): its Kasi uploads evidence to a row of his unit, and
  the nota dinas of step 1 is a document to prepare.
- Mungka 2025 signed by the Camat (step 10): step 11's door takes the next letter number."""

from __future__ import annotations

import json

import django


def main() -> dict:
    django.setup()

    from tests.procedure import Procedure, person
    from workflow.models import ReportState

    harau = Procedure("Harau").to(ReportState.COLLECTING)
    kasi = person("harau-kasi")
    submission = harau.submissions.get(unit=kasi.unit)
    row = submission.rows.order_by("number").first()
    mungka = Procedure("Mungka").to(ReportState.SIGNED)
    return {
        "harau": {"report": harau.pk, "submission": submission.pk, "row": row.pk},
        "mungka": {"report": mungka.pk, "office": mungka.office_id},
    }


if __name__ == "__main__":
    print(json.dumps(main()))
