from django.urls import path

from pages.procedure import reports, tasks, transitions

app_name = "workflow"

urlpatterns = [
    path("tugas/", tasks.tasks, name="tasks"),
    path("laporan/", reports.report_list, name="report_list"),
    path("laporan/baru/", reports.report_create_view, name="report_create"),
    path("laporan/<int:pk>/", reports.report_detail, name="report_detail"),
    path(
        "laporan/<int:pk>/langkah/<slug:name>/",
        transitions.report_transition,
        name="report_transition",
    ),
    path(
        "laporan/<int:pk>/isian/<int:sub_pk>/langkah/<slug:name>/",
        transitions.submission_transition,
        name="submission_transition",
    ),
]
