"""What the plan's pages share: the plan page's link, the refusal of an edit, the status of
an invalid in-place form."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from pages import access
from workflow.permissions import may_prepare_plan
from workflow.services import TransitionRefused


def plan_url(year, anchor: str = "") -> str:
    url = reverse("planning:plan", args=[year.year])
    return f"{url}#{anchor}" if anchor else url


def edit_refusal(request, person, year, *, post: bool):
    """None if `person` may change the year's plan now. A person who does not prepare the
    plan is refused (403); while the plan is locked by its PK, a GET goes back to the plan
    page with the reason and a POST is refused the way a service refuses (a message, or the
    htmx fragment)."""
    refusal = access.plan_edit_refusal(person, year)
    if refusal is None:
        return None
    if not may_prepare_plan(person, year.office_id):
        raise PermissionDenied(refusal)
    if post:
        raise TransitionRefused(refusal)
    messages.warning(request, refusal)
    return redirect(plan_url(year))


def invalid_status(request) -> int:
    # htmx swaps only 2xx answers by default: errors come back with 200 to appear in place.
    return 200 if request.htmx else 400
