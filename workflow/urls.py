from django.urls import path

from workflow.views import reports

app_name = "workflow"

urlpatterns = [
    path("laporan/<int:pk>/", reports.report_detail, name="report_detail"),
]
