from django.urls import path

from pages.planning import budget, excel, perjanjian, rows, views
from pages.procedure import transitions

app_name = "planning"

TAHUN = "rencana/<int:tahun>/"
BARIS = TAHUN + "baris/<int:target_pk>/"
ANGGARAN = TAHUN + "anggaran/<int:anggaran_pk>/"
PK = TAHUN + "pk/<int:perjanjian_pk>/"

urlpatterns = [
    path("rencana/", views.index, name="index"),
    path("rencana/tahun-baru/", views.year_open, name="year_open"),
    path(TAHUN, views.plan_page, name="plan"),
    path(TAHUN + "salin/", views.copy_previous, name="copy"),
    path(BARIS, rows.row_edit, name="row_edit"),
    path(BARIS + "tampil/", rows.row_show, name="row_show"),
    path(BARIS + "hapus/", rows.row_remove, name="row_remove"),
    path(TAHUN + "indikator/baru/", rows.indikator_add, name="indikator_add"),
    path(TAHUN + "sasaran/baru/", rows.sasaran_add, name="sasaran_add"),
    path(TAHUN + "sasaran/<int:sasaran_pk>/", rows.sasaran_edit, name="sasaran_edit"),
    path(TAHUN + "anggaran/baru/", budget.anggaran_add, name="anggaran_add"),
    path(ANGGARAN, budget.anggaran_edit, name="anggaran_edit"),
    path(ANGGARAN + "tampil/", budget.anggaran_show, name="anggaran_show"),
    path(ANGGARAN + "hapus/", budget.anggaran_remove, name="anggaran_remove"),
    path(TAHUN + "xlsx/", excel.xlsx_download, name="xlsx_download"),
    path(TAHUN + "unggah/", excel.xlsx_upload, name="xlsx_upload"),
    path(TAHUN + "unggah/<str:token>/", excel.xlsx_confirm, name="xlsx_confirm"),
    path(TAHUN + "dokumen/<slug:kind>.pdf", perjanjian.plan_document, name="document"),
    path(TAHUN + "pk/siapkan/", perjanjian.perjanjian_prepare, name="perjanjian_prepare"),
    path(PK, perjanjian.perjanjian_page, name="perjanjian"),
    path(PK + "pk.pdf", perjanjian.perjanjian_download, name="perjanjian_pdf"),
    path(PK + "perubahan/", perjanjian.perjanjian_amend, name="perjanjian_amend"),
    # The one door of the PK's transitions, the same machinery as the procedure's steps.
    path(
        PK + "langkah/<slug:name>/",
        transitions.perjanjian_transition,
        name="perjanjian_transition",
    ),
]
