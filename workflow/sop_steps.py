"""The SOP's 13 steps for an office: copied from the reference steps of
`fixtures/sop_steps.json` when the office is created. The copy is the office's own data: its
admin may change the actors (or the Mutu Baku) afterwards, and the SOP document shows them."""

from __future__ import annotations

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

from sakip.reference import load_fixtures_if_empty
from workflow.models import ReferenceStep, Step

WORKFLOW_FIXTURES = [("workflow", "ReferenceStep", "sop_steps")]


def ensure_office_steps(office) -> None:
    """Create the office's missing SOP steps (idempotent; existing steps are left as edited)."""
    existing = set(Step.objects.filter(office=office).values_list("number", flat=True))
    Step.objects.bulk_create(
        [
            Step(
                office=office,
                number=ref.number,
                name=ref.name,
                actor_roles=list(ref.actor_roles),
                kelengkapan=ref.kelengkapan,
                minutes=ref.minutes,
                output=ref.output,
            )
            for ref in ReferenceStep.objects.order_by("number")
            if ref.number not in existing
        ]
    )


def office_created(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        ensure_office_steps(instance)


def load_workflow_reference(sender: AppConfig, *, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """post_migrate receiver of the workflow app: the reference steps (sakip/reference.py
    says why this is the mechanism)."""
    load_fixtures_if_empty(
        WORKFLOW_FIXTURES,
        using=using,
        apps=kwargs.get("apps", global_apps),
        verbosity=kwargs.get("verbosity", 1),
    )
