"""Who may perform a step: the permission callables of the transitions.

The roles of a step are data (`Step.actor_roles`, editable by the office's admin). A person
may act when they belong to the report's office and hold one of the step's roles; at steps 3
(filling) the person must also head the submission's unit. django-fsm does not call these
when a transition runs: `workflow.services` checks them before every transition."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from sakip.models import PROCEDURE_ROLES, Role

if TYPE_CHECKING:
    from sakip.models import Person
    from workflow.models import Report, Submission

# Steps whose actor acts for one unit: only the unit's head may perform them.
UNIT_STEPS = {3}


def person_of(user: Any) -> Person | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return getattr(user, "person", None)


def can_act_on_report(person: Person | None, report: Report, number: int) -> bool:
    if person is None or person.office_id != report.office_id:
        return False
    # Only procedure roles act, whatever an older step row lists (e.g. "admin").
    return person.role in PROCEDURE_ROLES and person.role in report.roles_of_step(number)


def can_act_on_submission(person: Person | None, submission: Submission, number: int) -> bool:
    if not can_act_on_report(person, submission.report, number):
        return False
    if number in UNIT_STEPS:
        return person.unit_id == submission.unit_id and person.heads_unit
    return True


def refusal(person: Person | None, obj: Report | Submission, number: int, label: str) -> str:
    """Why `person` may not perform step `number` on `obj`, in Indonesian: the 403 says it."""
    report = getattr(obj, "report", obj)
    if person is None:
        return _("Akun Anda belum terdaftar sebagai pegawai kantor.")
    if person.office_id != report.office_id:
        if person.role == Role.KABUPATEN:
            return _("Anda tidak berwenang bertindak: Anda hanya dapat membaca laporan ini.")
        return _("Anda tidak berwenang: laporan ini milik kantor lain.")
    roles = report.roles_of_step(number)
    if person.role not in roles:
        names = ", ".join(str(Role(r).label) for r in roles if r in Role.values) or "-"
        return _(
            "Anda tidak berwenang: langkah %(step)s (%(label)s) dilakukan oleh %(roles)s, "
            "bukan oleh %(role)s."
        ) % {
            "step": number,
            "label": label,
            "roles": names,
            "role": person.get_role_display(),
        }
    if number in UNIT_STEPS:
        return _(
            "Anda tidak berwenang: hanya kepala %(unit)s yang mengisi dan mengirim isiannya."
        ) % {"unit": obj.unit.name}
    return _("Anda tidak berwenang melakukan langkah ini.")


def report_step_permission(number: int):
    def permission(report: Report, user: Any) -> bool:
        return can_act_on_report(person_of(user), report, number)

    permission.step = number
    return permission


def submission_step_permission(number: int):
    def permission(submission: Submission, user: Any) -> bool:
        return can_act_on_submission(person_of(user), submission, number)

    permission.step = number
    return permission


# A quarter's measurement (TW I–IV) is opened, evaluated, and its meeting and follow-ups
# recorded by whoever performs step 5 (the Sekcam's evaluation) in the office's SOP.
MEASUREMENT_STEP = 5


def may_measure(person: Person | None, report: Report) -> bool:
    return can_act_on_report(person, report, MEASUREMENT_STEP)


def can_edit_rows(person: Person | None, submission: Submission) -> bool:
    """Only the head of the submission's unit, holding step 3's role, while it is open."""
    return submission.is_editable and can_act_on_submission(person, submission, 3)


# ---- The plan and its Perjanjian Kinerja ------------------------------------------------
#
# The year's plan is prepared by the Kasubag Perencanaan, Evaluasi dan Pelaporan (role `jf`)
# and the operator, reviewed by the Sekcam and signed by the Camat. These are the SOP's
# equipment, not its 13 steps, so the rules are the roles named on each PK transition
# (`perjanjian_meta(..., roles=...)`), not `Step.actor_roles`.

PLAN_PREPARERS = frozenset({Role.JF, Role.ADMIN})


def may_prepare_plan(person: Person | None, office_id: int | None) -> bool:
    return (
        person is not None
        and office_id is not None
        and person.office_id == office_id
        and person.role in PLAN_PREPARERS
    )


def perjanjian_permission(roles: frozenset[str]):
    """The permission of a PK transition: a person of the PK's office holding one of
    `roles`."""

    def permission(perjanjian, user: Any) -> bool:
        person = person_of(user)
        return (
            person is not None and person.office_id == perjanjian.office_id and person.role in roles
        )

    permission.roles = roles
    return permission


def perjanjian_refusal(person: Person | None, perjanjian, meta: dict) -> str:
    """Why `person` may not perform a PK transition, in Indonesian (the 403 says it)."""
    if person is None:
        return _("Akun Anda belum terdaftar sebagai pegawai kantor.")
    if person.office_id != perjanjian.office_id:
        return _("Anda tidak berwenang: Perjanjian Kinerja ini milik kantor lain.")
    names = ", ".join(str(r.label) for r in Role if r in meta["roles"])
    return _("Anda tidak berwenang: “%(label)s” dilakukan oleh %(roles)s, bukan oleh %(role)s.") % {
        "label": meta["label"],
        "roles": names,
        "role": person.get_role_display(),
    }
