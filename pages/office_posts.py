"""The Camat's read-only page of who held the office's Camat and Sekcam posts, and who
changed that in Data induk, when (from the audit trail; workflow.services.posts)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from sakip.models import Role
from workflow.models import AuditEntry
from workflow.services.posts import ACTION

ROLE_LABELS = dict(Role.choices)


@dataclass
class PostChange:
    when: dt.datetime
    who: str
    before: str
    after: str


def _date(iso: str | None) -> str:
    return date_format(dt.date.fromisoformat(iso), "DATE_FORMAT") if iso else "…"


def describe(state: dict | None) -> str:
    """E.g. "ILDA SUBUL HURIATI — Camat (2 Januari 2025 – …)"; "–" for none."""
    if not state:
        return "–"
    text = f"{state['nama']} — {ROLE_LABELS.get(state['peran'], state['peran'])}"
    if state.get("jenis") == "masa_jabatan":
        acting = _("Plt.") + " " if state.get("plt") else ""
        text += f" ({acting}{_date(state.get('mulai'))} – {_date(state.get('selesai'))})"
    return text


@login_required
def post_history(request: HttpRequest, office_pk: int) -> HttpResponse:
    person = getattr(request.user, "person", None)
    if person is None or person.office_id != office_pk:
        raise Http404(_("Halaman tidak ditemukan."))
    if person.role != Role.CAMAT:
        raise PermissionDenied(_("Riwayat jabatan kantor hanya dapat dibuka oleh Camat."))
    entries = AuditEntry.objects.filter(office_id=office_pk, action=ACTION).select_related("actor")
    changes = [
        PostChange(
            when=e.created_at,
            who=e.actor.full_name if e.actor else (e.payload or {}).get("by", "–"),
            before=describe((e.payload or {}).get("before")),
            after=describe((e.payload or {}).get("after")),
        )
        for e in entries
    ]
    return render(request, "sakip/post_history.html", {"office": person.office, "changes": changes})
