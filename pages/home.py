"""The home page: who the signed-in person is, and what they can do next."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pages.access import may_read_plan
from pages.procedure.links import with_urls
from pages.procedure.reports import open_years
from sakip.models import LEADER_ROLES, Office, Role
from workflow.models import Period, Report
from workflow.selectors import perjanjian_tasks, tasks_for_person

# What each role does in the SOP, in one sentence, so a new user knows their part.
ROLE_DUTIES = {
    Role.CAMAT: _(
        "Sebagai penanggung jawab, Anda memerintahkan penyusunan LAKIP, mengikuti rapat "
        "finalisasi, lalu menyetujui dan menandatangani LAKIP."
    ),
    Role.SEKCAM: _(
        "Sebagai Unit Pengelola Data, Anda menyampaikan format pengumpulan data, memeriksa dan "
        "mengembalikan isian unit, mengoreksi draf, lalu menyampaikan LAKIP kepada Camat."
    ),
    Role.KASI: _(
        "Sebagai Unit Penyuplai Data, Anda mengisi baris format pengumpulan unit Anda beserta "
        "bukti dukungnya, lalu mengirimkannya; bila dikembalikan, perbaiki dan kirim ulang."
    ),
    Role.JF: _(
        "Sebagai Unit Penyusunan Laporan Kinerja, Anda menghimpun isian unit, menyusun draf "
        "LAKIP, membuat surat pengantar dan nomornya, menggandakan, lalu mengirim LAKIP."
    ),
    Role.ADMIN: _(
        "Sebagai operator, Anda mengelola data induk kantor (unit kerja, pegawai, tahun, "
        "langkah SOP) dan bersama Kasubag PEP menyiapkan rencana kinerja: sasaran, "
        "indikator, target, anggaran, dan Perjanjian Kinerja."
    ),
    Role.KABUPATEN: _(
        "Anda membaca capaian kinerja dan kemajuan LAKIP seluruh kecamatan di kabupaten Anda."
    ),
}

# The operator's shortcuts: the plan page first (targets and budget are edited there, with
# Indonesian numbers), then the admin: (url name, label, icon).
ADMIN_SHORTCUTS = [
    ("planning:index", _("Rencana kinerja dan PK"), "bullseye"),
    ("admin:sakip_person_changelist", _("Pegawai"), "people"),
    ("admin:sakip_unit_changelist", _("Unit kerja"), "diagram-3"),
    ("admin:sakip_year_changelist", _("Tahun dan kategori capaian"), "calendar3"),
    ("admin:sakip_sasaranstrategis_changelist", _("Sasaran strategis"), "bullseye"),
    ("admin:sakip_indikator_changelist", _("Indikator kinerja"), "graph-up"),
    ("admin:sakip_target_changelist", _("Target"), "flag"),
    ("admin:sakip_anggaran_changelist", _("Anggaran"), "cash-coin"),
    ("admin:workflow_step_changelist", _("Langkah SOP dan Mutu Baku"), "signpost-split"),
    ("admin:sakip_holiday_changelist", _("Hari libur"), "calendar-x"),
]


def format_nip(nip: str) -> str:
    """NIP as printed on Indonesian civil-service documents: 19800330 200003 2 001."""
    if len(nip) != 18:
        return nip
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


@login_required
def home(request: HttpRequest) -> HttpResponse:
    person = getattr(request.user, "person", None)
    context: dict = {"person": person, "duty": ROLE_DUTIES.get(person.role) if person else None}
    if person is None:
        # A superuser without a profile: only the admin is of use to them.
        context["admin_url"] = reverse("admin:index") if request.user.is_staff else None
        return render(request, "sakip/home.html", context)
    context["nip"] = format_nip(person.nip)
    if person.role == Role.KABUPATEN:
        context.update(_kabupaten_context(person))
    else:
        context.update(_office_context(request, person))
    return render(request, "sakip/home.html", context)


def _office_context(request: HttpRequest, person) -> dict:
    reports = list(
        Report.objects.filter(office_id=person.office_id, period=Period.ANNUAL).select_related(
            "year"
        )
    )
    open_reports = [r for r in reports if not r.is_closed]
    context = {
        "tasks": _with_links(tasks_for_person(person)),
        "open_reports": open_reports,
        "closed_reports": [r for r in reports if r.is_closed],
        "report_list_url": reverse("workflow:report_list"),
        "tasks_url": reverse("workflow:tasks"),
        "dashboard_url": reverse("dashboards:office") if person.role in LEADER_ROLES else None,
    }
    if person.role == Role.CAMAT:
        # The Camat's first step: order the LAKIP of the latest year that has none yet and
        # whose Perjanjian Kinerja is signed (a year still being planned is not reported).
        context["year_to_start"] = open_years(person).order_by("-year").first()
        context["start_url"] = reverse("workflow:report_create")
        context["post_history_url"] = reverse("post_history", args=[person.office_id])
    context["perjanjian_tasks"] = perjanjian_tasks(person)
    if may_read_plan(person):
        context["plan_url"] = reverse("planning:index")
    if person.role == Role.ADMIN and request.user.is_staff:
        context["admin_shortcuts"] = [
            {"url": reverse(name), "label": label, "icon": icon}
            for name, label, icon in ADMIN_SHORTCUTS
        ]
    return context


def _kabupaten_context(person) -> dict:
    offices = Office.objects.filter(kabupaten_id=person.kabupaten_id).order_by("name")
    return {
        "kabupaten": person.kabupaten,
        "offices": offices,
        "kabupaten_dashboard_url": reverse("dashboards:kabupaten"),
    }


def _with_links(tasks: list) -> list[dict]:
    """Each task with the page where it is done, its due time (by the office's working hours)
    and whether it is late."""
    return [{"task": t, "due": t.due_at, "overdue": t.overdue} for t in with_urls(tasks)]
