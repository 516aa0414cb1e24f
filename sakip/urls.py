from django.contrib import admin
from django.urls import include, path

from sakip.views import home

urlpatterns = [
    path("", home.home, name="home"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("workflow.urls")),
    path("", include("sakip.documents.urls")),
    path("", include("sakip.entry.urls")),
    path("", include("sakip.dashboards.urls")),
]
