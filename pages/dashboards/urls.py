from __future__ import annotations

from django.urls import path

from pages.dashboards import views

app_name = "dashboards"

urlpatterns = [
    path("dasbor/", views.office, name="office"),
    path("dasbor/unduh/<slug:table>.xlsx", views.office_export, name="office_export"),
    path("dasbor/kabupaten/", views.kabupaten, name="kabupaten"),
    path(
        "dasbor/kabupaten/unduh/<slug:table>.xlsx",
        views.kabupaten_export,
        name="kabupaten_export",
    ),
]
