from django.urls import path

from pages.entry import evidence, excel, review, rows

app_name = "entry"

ISIAN = "laporan/<int:pk>/isian/<int:sub_pk>/"
BARIS = ISIAN + "baris/<int:row_pk>/"

urlpatterns = [
    path("laporan/<int:pk>/isian/", rows.my_submission, name="my_submission"),
    path(ISIAN, rows.submission_page, name="submission"),
    path(BARIS, rows.row_edit, name="row_edit"),
    path(BARIS + "tampil/", rows.row_show, name="row_show"),
    path(BARIS + "bukti/", evidence.evidence_upload, name="evidence_upload"),
    path(
        "laporan/<int:pk>/bukti/<int:ev_pk>/", evidence.evidence_download, name="evidence_download"
    ),
    path(
        "laporan/<int:pk>/bukti/<int:ev_pk>/hapus/",
        evidence.evidence_remove,
        name="evidence_delete",
    ),
    path(ISIAN + "xlsx/", excel.xlsx_download, name="xlsx_download"),
    path(ISIAN + "unggah/", excel.xlsx_upload, name="xlsx_upload"),
    path(ISIAN + "unggah/<str:token>/", excel.xlsx_confirm, name="xlsx_confirm"),
    path("laporan/<int:pk>/evaluasi/", review.review, name="review"),
    path("laporan/<int:pk>/evaluasi/<int:sub_pk>/", review.review_detail, name="review_detail"),
    path("laporan/<int:pk>/himpunan/", review.collection, name="collection"),
    path("laporan/<int:pk>/himpunan/xlsx/", review.collection_xlsx, name="collection_xlsx"),
]
