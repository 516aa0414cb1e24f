from django.urls import include, path

from pages.measurement import views

app_name = "measurement"

TW = "pengukuran/<int:tahun>/tw<int:tw>/"

urlpatterns = [
    path("pengukuran/<int:tahun>/", views.year_page, name="year"),
    path(TW, views.quarter_page, name="quarter"),
    path(TW + "dokumen/", include("pages.measurement.documents")),
]
