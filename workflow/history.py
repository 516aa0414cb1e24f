"""The report's history as people read it: every audit action with an Indonesian name (one
mapping, `action_label`), the ~20 events of the procedure first, and the many row-level
edits of step 3 and 6 summed up per unit, person and day ("mengubah 12 baris, menambah 3
bukti dukung") instead of one line per save."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache

from django.db.models import Count, Max
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sakip.models import Person, PlanRow
from workflow.models import AuditEntry, Report, Submission

# Row-level actions: grouped, never listed one by one.
ROW_ACTIONS = {
    "sakip.row.updated": gettext_lazy("Mengubah baris"),
    "sakip.rows.imported": gettext_lazy("Mengunggah isian Excel"),
    "sakip.evidence.added": gettext_lazy("Menambah bukti dukung"),
    "sakip.evidence.deleted": gettext_lazy("Menghapus bukti dukung"),
    "sakip.row.analysis_updated": gettext_lazy("Menulis analisis capaian"),
    "sakip.row.analysis_regenerated": gettext_lazy("Membuat ulang analisis capaian dari data"),
    "sakip.chapter.updated": gettext_lazy("Menulis bab draf LAKIP"),
    "sakip.chapter.regenerated": gettext_lazy("Membuat ulang bab draf LAKIP dari data"),
}
IMPORTED = "sakip.rows.imported"
# Actions outside the two state machines.
OTHER_ACTIONS = {
    "sakip.report.created": gettext_lazy("Memerintahkan penyusunan LAKIP (nota dinas)"),
    "sakip.office.post_changed": gettext_lazy("Perubahan pemegang jabatan Camat/Sekcam"),
}


@cache
def _transition_labels() -> dict[str, object]:
    labels = {}
    for model, kind in ((Report, "report"), (Submission, "submission")):
        for t in model._meta.get_field("state").get_all_transitions(model):
            labels[f"sakip.{kind}.{t.name}"] = t.custom.get("label", t.name)
    return labels


def action_labels() -> dict[str, str]:
    """Every action code the application writes, with its name (in the active language)."""
    return {
        code: str(label)
        for code, label in {**_transition_labels(), **OTHER_ACTIONS, **ROW_ACTIONS}.items()
    }


def action_label(code: str) -> str:
    label = {**_transition_labels(), **OTHER_ACTIONS, **ROW_ACTIONS}.get(code)
    # An unknown code (a newer version's entry read by an older one) still reads as words.
    return str(label) if label is not None else _("Kegiatan lain (%(code)s)") % {"code": code}


@dataclass
class EditGroup:
    """The row-level edits of one unit by one person on one day."""

    day: dt.date
    unit: str
    actor: object
    last_at: dt.datetime
    rows: set[int] = field(default_factory=set)
    imports: int = 0
    evidence_added: int = 0
    evidence_deleted: int = 0
    analyses: set[int] = field(default_factory=set)
    chapters: set[str] = field(default_factory=set)

    @property
    def summary(self) -> str:
        parts = []
        if self.rows:
            parts.append(_("mengubah %(n)d baris") % {"n": len(self.rows)})
        if self.imports:
            parts.append(_("%(n)d kali lewat unggahan Excel") % {"n": self.imports})
        if self.evidence_added:
            parts.append(_("menambah %(n)d bukti dukung") % {"n": self.evidence_added})
        if self.evidence_deleted:
            parts.append(_("menghapus %(n)d bukti dukung") % {"n": self.evidence_deleted})
        if self.analyses:
            parts.append(_("menulis analisis %(n)d baris") % {"n": len(self.analyses)})
        if self.chapters:
            parts.append(_("menulis %(n)d bab draf") % {"n": len(self.chapters)})
        return ", ".join(parts)


def _row_units(pks: set) -> dict[int, str]:
    pks = {pk for pk in pks if isinstance(pk, int)}
    return dict(PlanRow.objects.filter(pk__in=pks).values_list("pk", "submission__unit__name"))


def history(report: Report) -> list[dict]:
    """The procedure's events, newest first (the row edits are in `edit_groups`)."""
    return [
        {
            "entry": e,
            "label": action_label(e.action),
            "note": (e.payload or {}).get("note", ""),
            "unit": (e.payload or {}).get("unit"),
        }
        for e in AuditEntry.objects.filter(report=report)
        .exclude(action__in=ROW_ACTIONS)
        .select_related("actor")
    ]


def edit_groups(report: Report) -> list[EditGroup]:
    """The row-level edits per unit, person and (local) day, newest first.

    Counted in the database, per day, person, action and row (or chapter): a report edited
    thousands of times reads a few dozen lines, not every audit entry. An Excel import names
    its rows in a list, so the (few) imports are read one by one. Four queries."""
    entries = AuditEntry.objects.filter(report=report, action__in=ROW_ACTIONS)
    counted = list(
        entries.exclude(action=IMPORTED)
        .annotate(
            day=TruncDate("created_at", tzinfo=timezone.get_current_timezone()),
            row=KeyTransform("row", "payload"),
            chapter=KeyTextTransform("chapter", "payload"),
        )
        .values("day", "actor_id", "action", "row", "chapter")
        .annotate(n=Count("id"), last_at=Max("created_at"))
    )
    imports = list(entries.filter(action=IMPORTED).order_by("created_at", "id"))
    units = _row_units({c["row"] for c in counted})
    actors = Person.objects.in_bulk(
        {c["actor_id"] for c in counted} | {e.actor_id for e in imports}
    )
    groups: dict[tuple, EditGroup] = {}

    def group_of(day, unit, actor_id, last_at) -> EditGroup:
        key = (day, unit, actor_id)
        group = groups.get(key)
        if group is None:
            group = groups[key] = EditGroup(day, unit, actors.get(actor_id), last_at)
        group.last_at = max(group.last_at, last_at)
        return group

    for c in counted:
        action, row = c["action"], c["row"]
        group = group_of(c["day"], units.get(row) or "–", c["actor_id"], c["last_at"])
        if action == "sakip.row.updated":
            group.rows.add(row)
        elif action == "sakip.evidence.added":
            group.evidence_added += c["n"]
        elif action == "sakip.evidence.deleted":
            group.evidence_deleted += c["n"]
        elif action in ("sakip.row.analysis_updated", "sakip.row.analysis_regenerated"):
            group.analyses.add(row)
        elif action in ("sakip.chapter.updated", "sakip.chapter.regenerated"):
            group.chapters.add(c["chapter"])
    for e in imports:
        payload = e.payload or {}
        day = timezone.localtime(e.created_at).date()
        group = group_of(day, payload.get("unit") or "–", e.actor_id, e.created_at)
        group.imports += 1
        group.rows.update(payload.get("rows") or [])
    return sorted(groups.values(), key=lambda g: g.last_at, reverse=True)
