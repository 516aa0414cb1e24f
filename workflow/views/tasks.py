"""Tugas saya: what the signed-in person must do now, across the office's reports."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from workflow.selectors import tasks_for_person
from workflow.views.access import guarded, person_of


@login_required
@guarded
def tasks(request):
    person = person_of(request)
    now = timezone.now()
    return render(
        request,
        "workflow/tasks.html",
        {"tasks": tasks_for_person(person, now=now), "now": now},
    )
