"""Who holds the office's Camat and Sekcam posts is recorded in the audit trail whenever it
changes: a person's role becoming or ceasing to be camat/sekcam, or a tenure (masa jabatan)
of those posts created, changed or removed. The Camat reads it on the post-history page.

The admin (Data induk) is where these change; it snapshots the record before and after the
save and hands both here."""

from __future__ import annotations

from django.db.models import Model

from sakip.models import SINGLE_POSTS, Office, Person, Tenure
from workflow.models import AuditEntry

ACTION = "sakip.office.post_changed"


def person_snapshot(person: Person | None) -> dict | None:
    if person is None or person.pk is None:
        return None
    return {
        "jenis": "pegawai",
        "id": person.pk,
        "nama": person.full_name,
        "peran": person.role,
        "kantor": person.office_id,
    }


def tenure_snapshot(tenure: Tenure | None) -> dict | None:
    if tenure is None or tenure.pk is None:
        return None
    return {
        "jenis": "masa_jabatan",
        "id": tenure.pk,
        "nama": tenure.person.full_name,
        "peran": tenure.role,
        "kantor": tenure.office_id,
        "mulai": tenure.start.isoformat() if tenure.start else None,
        "selesai": tenure.end.isoformat() if tenure.end else None,
        "plt": tenure.acting,
    }


def snapshot(obj: Model | None) -> dict | None:
    if isinstance(obj, Person):
        return person_snapshot(obj)
    if isinstance(obj, Tenure):
        return tenure_snapshot(obj)
    return None


def _concerns_a_post(before: dict | None, after: dict | None) -> bool:
    roles = {s["peran"] for s in (before, after) if s}
    if not roles & set(SINGLE_POSTS) or before == after:
        return False
    if before and after and before["jenis"] == "pegawai":
        # A person's record: only who holds the post matters, not a changed NIP or title.
        return (before["peran"], before["kantor"]) != (after["peran"], after["kantor"])
    return True


def post_change_record(
    *, before: dict | None, after: dict | None, actor: Person | None, by: str
) -> AuditEntry | None:
    """Audit a change of the Camat's or Sekcam's post (nothing for any other change).
    `by` names who made it, also when they have no profile (the system's superuser)."""
    if not _concerns_a_post(before, after):
        return None
    offices = {s["kantor"] for s in (before, after) if s and s["kantor"]}
    entry = None
    for office_id in sorted(offices):
        entry = AuditEntry.objects.create(
            office=Office.objects.get(pk=office_id),
            report=None,
            action=ACTION,
            actor=actor,
            payload={"before": before, "after": after, "by": by},
        )
    return entry
