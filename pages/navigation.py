"""The navigation bar per role. Each page adds its own entry here: (url name, label, roles)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

ALL = {"camat", "sekcam", "kasi", "jf", "admin"}
LEADERS = {"camat", "sekcam"}

NAV = [
    ("home", _("Beranda"), ALL | {"kabupaten"}),
    ("workflow:tasks", _("Tugas saya"), {"camat", "sekcam", "kasi", "jf"}),
    ("workflow:report_list", _("Laporan"), ALL),
    ("dashboards:office", _("Dasbor"), LEADERS),
    ("dashboards:kabupaten", _("Dasbor kabupaten"), {"kabupaten"}),
    ("admin:index", _("Data induk"), {"admin"}),
]

# Bootstrap Icons shown beside the labels; entries without one show the label only.
ICONS = {
    "home": "house-door",
    "workflow:tasks": "list-check",
    "workflow:report_list": "journal-text",
    "dashboards:office": "speedometer2",
    "dashboards:kabupaten": "bar-chart-line",
    "admin:index": "database-gear",
}


def navigation_for(request, person) -> list[dict]:
    if person is None:
        return []
    items = []
    for name, label, roles in NAV:
        if person.role not in roles:
            continue
        url = reverse(name)
        active = request.path == url if url == "/" else request.path.startswith(url)
        items.append({"url": url, "label": label, "active": active, "icon": ICONS.get(name, "")})
    return items
