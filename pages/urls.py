from django.contrib import admin
from django.urls import include, path

from pages import home, office_posts

urlpatterns = [
    path("", home.home, name="home"),
    path("kantor/<int:office_pk>/riwayat-jabatan/", office_posts.post_history, name="post_history"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("pages.procedure.urls")),
    path("", include("pages.documents.urls")),
    path("", include("pages.entry.urls")),
    path("", include("pages.dashboards.urls")),
    path("", include("pages.planning.urls")),
    path("", include("pages.measurement.urls")),
]

# A refusal says why, as a page or, for htmx, as a fragment shown in place.
handler403 = "pages.errors.permission_denied"
