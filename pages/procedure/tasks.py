"""Tugas saya: what the signed-in person must do now, across the office's reports."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from pages import access
from pages.procedure.links import with_urls
from pages.procedure.reports import may_create_report, open_years
from workflow.measurement import follow_ups_for
from workflow.selectors import perjanjian_tasks, tasks_for_person


@login_required
def tasks(request):
    person = access.person_for(request)
    now = timezone.now()
    return render(
        request,
        "workflow/tasks.html",
        {
            "tasks": with_urls(tasks_for_person(person, now=now)),
            "now": now,
            # Step 1 has no report yet: the Camat's task is to start one.
            "years_to_order": list(open_years(person)) if may_create_report(person) else [],
            "perjanjian_tasks": perjanjian_tasks(person),
            "follow_ups": follow_ups_for(person),
        },
    )
