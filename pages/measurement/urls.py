from django.urls import include, path

from pages.measurement import views

app_name = "measurement"

TAHUN = "pengukuran/<int:tahun>/"
TW = TAHUN + "tw<int:tw>/"

urlpatterns = [
    path("pengukuran/", views.index, name="index"),
    path(TAHUN, views.year_page, name="year"),
    path(TAHUN + "tindak-lanjut/<int:pk>/selesai/", views.follow_up_finish, name="follow_up_done"),
    path(TW, views.quarter_page, name="quarter"),
    path(TW + "buka/", views.open_quarter, name="open"),
    path(TW + "rapat/", views.meeting, name="meeting"),
    path(TW + "tindak-lanjut/", views.follow_up_new, name="follow_up"),
    path(TW + "dokumen/", include("pages.measurement.documents")),
]
