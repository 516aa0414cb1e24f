"""The navigation bar per role. Each page adds its own entry here: (url name, label, roles)."""

from __future__ import annotations

from functools import cache

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sakip.models import LEADER_ROLES, PROCEDURE_ROLES, Role

OFFICE = PROCEDURE_ROLES | {Role.ADMIN}

NAV = [
    ("home", _("Beranda"), OFFICE | {Role.KABUPATEN}),
    ("workflow:tasks", _("Tugas saya"), PROCEDURE_ROLES),
    ("workflow:report_list", _("Laporan"), OFFICE),
    ("planning:index", _("Rencana"), OFFICE),
    ("measurement:index", _("Pengukuran"), OFFICE),
    ("dashboards:office", _("Dasbor"), LEADER_ROLES),
    ("dashboards:kabupaten", _("Dasbor kabupaten"), {Role.KABUPATEN}),
    ("admin:index", _("Data induk"), {Role.ADMIN}),
]

# Bootstrap Icons shown beside the labels; entries without one show the label only.
ICONS = {
    "home": "house-door",
    "workflow:tasks": "list-check",
    "workflow:report_list": "journal-text",
    "planning:index": "bullseye",
    "measurement:index": "graph-up-arrow",
    "dashboards:office": "speedometer2",
    "dashboards:kabupaten": "bar-chart-line",
    "admin:index": "database-gear",
}


@cache
def _url(name: str) -> str:
    # The entries' paths never change while the process runs: reversed once, not per page.
    return reverse(name)


def navigation_for(request, person) -> list[dict]:
    if person is None:
        return []
    items = []
    for name, label, roles in NAV:
        if person.role not in roles:
            continue
        url = _url(name)
        active = request.path == url if url == "/" else request.path.startswith(url)
        items.append({"url": url, "label": label, "active": active, "icon": ICONS.get(name, "")})
    return items
