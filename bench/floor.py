"""The floors the benchmark measures pages against.

- The nine-column page's floor: the same rows, one query, one loop in a template that
  extends the same base layout. Whatever the real page costs above this is its own work
  (capaian, evidence, revision notes, buttons).
- The load test's floor: a bare signed-in page that renders the base layout and nothing
  else (session, user, profile, navigation, messages: what every page pays)."""

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


@login_required
def bare(request):
    return render(request, "bench/bare.html")


urlpatterns = [
    path("bench/floor/<int:sub_pk>/", floor, name="bench_floor"),
    path("bench/bare/", bare, name="bench_bare"),
    path("", include("pages.urls")),
]
