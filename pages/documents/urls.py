from django.urls import path

from pages.documents import drafting, regenerate, verify, views

app_name = "documents"

urlpatterns = [
    path("laporan/<int:pk>/dokumen/", views.documents_page, name="page"),
    path("laporan/<int:pk>/dokumen/tabel.xlsx", views.table_xlsx, name="table_xlsx"),
    path("laporan/<int:pk>/dokumen/<slug:kind>.pdf", views.document_download, name="download"),
    path("laporan/<int:pk>/dokumen/<slug:kind>.docx", views.document_word, name="download_docx"),
    path(
        "laporan/<int:pk>/dokumen/<slug:kind>/siapkan/",
        views.document_prepare,
        name="prepare",
    ),
    path("laporan/<int:pk>/draf/", drafting.draft_page, name="draft"),
    path("laporan/<int:pk>/draf/bab/<int:chapter_pk>/", drafting.chapter_save, name="chapter_save"),
    path(
        "laporan/<int:pk>/draf/bab/<int:chapter_pk>/buat-ulang/",
        regenerate.chapter_regenerate_view,
        name="chapter_regenerate",
    ),
    path("laporan/<int:pk>/draf/baris/<int:row_pk>/", drafting.analysis_save, name="analysis_save"),
    path("verifikasi/<str:token>/", verify.verify, name="verify"),
]
