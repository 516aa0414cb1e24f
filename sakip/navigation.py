"""The navigation bar per role. Each page adds its own entry here: (url name, label, roles)."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

ALL = {"camat", "sekcam", "kasi", "jf", "admin"}

NAV = [
    ("home", _("Beranda"), ALL | {"kabupaten"}),
]


def navigation_for(request, person) -> list[dict]:
    if person is None:
        return []
    items = []
    for name, label, roles in NAV:
        if person.role not in roles:
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": label, "active": request.path == url})
    return items
