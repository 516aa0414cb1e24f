"""Who may perform a step: the permission callables of the transitions.

The roles of a step are data (`Step.actor_roles`, editable by the office's admin). A person
may act when they belong to the report's office and hold one of the step's roles; at steps 3
(filling) the person must also head the submission's unit. django-fsm does not call these
when a transition runs: `workflow.services` checks them before every transition."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sakip.models import Person
    from workflow.models import Report, Submission

# Steps whose actor acts for one unit: only the unit's head may perform them.
UNIT_STEPS = {3}


def person_of(user: Any) -> Person | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return getattr(user, "person", None)


def step_roles(report: Report, number: int) -> list[str]:
    """The roles of step `number` for the report's office, cached on the report instance so
    listing the available transitions costs one query."""
    cache = report.__dict__.get("_step_roles")
    if cache is None:
        from workflow.models import Step

        cache = dict(
            Step.objects.filter(office_id=report.office_id).values_list("number", "actor_roles")
        )
        report.__dict__["_step_roles"] = cache
    return list(cache.get(number) or [])


def can_act_on_report(person: Person | None, report: Report, number: int) -> bool:
    if person is None or person.office_id != report.office_id:
        return False
    return person.role in step_roles(report, number)


def can_act_on_submission(person: Person | None, submission: Submission, number: int) -> bool:
    if not can_act_on_report(person, submission.report, number):
        return False
    if number in UNIT_STEPS:
        return person.unit_id == submission.unit_id and person.heads_unit
    return True


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
