"""The floor of the nine-column page: the same rows, one query, one loop in a template that
extends the same base layout. Whatever the real page costs above this is its own work
(capaian, evidence, revision notes, buttons)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import include, path

from documents.nine_columns import HEADERS
from sakip.models import PlanRow


@login_required
def floor(request, sub_pk: int):
    rows = (
        PlanRow.objects.filter(submission_id=sub_pk)
        .select_related("indikator__sasaran", "indikator__nomenklatur", "target", "unit")
        .order_by("number")
    )
    return render(request, "bench/floor.html", {"rows": rows, "headers": HEADERS})


urlpatterns = [
    path("bench/floor/<int:sub_pk>/", floor, name="bench_floor"),
    path("", include("pages.urls")),
]
