"""The one way a transition happens:

    lock the report row → lock the object → check the permission → transition → save →
    step records → audit entry → mail to the next actor on commit.

django-fsm does not check permissions when a transition method is called, so this does."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import OperationalError, transaction
from django.db.models import F, Max
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_fsm import ConcurrentTransition, can_proceed

from workflow.models import Report, StepRecord, Submission
from workflow.permissions import person_of, refusal
from workflow.services import records
from workflow.services.notifications import notify_started


class WorkflowError(Exception):
    """A domain error with a message for the person (in Indonesian)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TransitionDenied(WorkflowError):
    """The person may not perform this step (HTTP 403)."""


class TransitionRefused(WorkflowError):
    """The step is not possible in the current state or its conditions are not met."""


class StaleTransition(WorkflowError):
    """Someone else changed the state first; nothing was done."""


def _stale_message() -> str:
    return _(
        "Data ini baru saja diubah atau sedang dikerjakan orang lain. Muat ulang halaman lalu "
        "coba lagi."
    )


# PostgreSQL: serialization_failure, deadlock_detected, lock_not_available.
_CONTENTION_SQLSTATES = {"40001", "40P01", "55P03"}


def is_contention(exc: OperationalError) -> bool:
    """A write that lost the race for a lock (SQLite "database is locked", a PostgreSQL
    serialization failure, deadlock or lock timeout), as opposed to a broken database."""
    cause = exc.__cause__ or exc
    if getattr(cause, "sqlstate", None) in _CONTENTION_SQLSTATES:
        return True
    text = str(cause).lower()
    return "database is locked" in text or "database table is locked" in text


@contextmanager
def contention_as_stale() -> Iterator[None]:
    """Around a write transaction: losing the race for a lock becomes the same
    StaleTransition ("muat ulang lalu coba lagi") as a concurrent state change, never a 500.
    Every service that writes shared rows (transitions, rows and evidence, the letter
    register) opens its transaction inside this."""
    try:
        yield
    except OperationalError as exc:
        if not is_contention(exc):
            raise
        raise StaleTransition(_stale_message()) from exc


@dataclass(frozen=True)
class AvailableTransition:
    name: str
    target: Any
    meta: dict = field(compare=False)

    @property
    def label(self) -> str:
        return str(self.meta["label"])

    @property
    def step(self) -> int:
        return self.meta["step"]

    @property
    def danger(self) -> bool:
        return self.meta["danger"]

    @property
    def page(self) -> bool:
        """Whether the step needs its own page (a confirmation, a reason or other input);
        the others are a single button posting to the same door."""
        meta = self.meta
        return meta["confirm"] or meta["reason"] or bool(form_class(meta).base_fields)


def form_class(meta: dict) -> type:
    """The form of a transition, named in its metadata (`custom["form"]`)."""
    return import_string(meta["form"])


def transition_meta(obj: Report | Submission, name: str) -> dict | None:
    """The metadata (`custom`) of transition `name` of `obj`, or None if it has none."""
    method = getattr(obj, name, None)
    meta = getattr(method, "_django_fsm", None)
    if meta is None:
        return None
    t = meta.get_transition(meta.field.get_state(obj)) or next(iter(meta.transitions.values()))
    return t.custom


def available_transitions(obj: Report | Submission, user) -> list[AvailableTransition]:
    """The transitions this user may perform now, for the buttons of the page."""
    return [
        AvailableTransition(name=t.name, target=t.target, meta=t.custom)
        for t in obj.get_available_user_state_transitions(user)
    ]


def _current_transition(method):
    meta = method._django_fsm
    return meta.get_transition(meta.field.get_state(method.__self__))


def _unmet_conditions(method) -> list[str]:
    obj = method.__self__
    t = _current_transition(method)
    return [str(c.__doc__ or c.__name__) for c in (t.conditions if t else []) if not c(obj)]


@dataclass(frozen=True)
class BlockedTransition:
    name: str
    label: str
    step: int
    reasons: list[str]


def blocked_transitions(obj: Report | Submission, user) -> list[BlockedTransition]:
    """Transitions this user could perform in the current state but whose conditions are
    not met yet, with the reasons (e.g. "belum semua isian unit diterima")."""
    out = []
    for t in obj.get_all_state_transitions():
        method = getattr(obj, t.name)
        if t.source not in (obj.state, "*") or not t.has_perm(obj, user):
            continue
        unmet = _unmet_conditions(method)
        if unmet:
            out.append(
                BlockedTransition(
                    t.name, str(t.custom.get("label", t.name)), t.custom["step"], unmet
                )
            )
    return out


def check_transition(obj: Report | Submission, name: str, user) -> None:
    """Raise the error `run_transition` would raise before changing anything: unknown step,
    wrong state, wrong person, unmet conditions. Views use it to show a step's page."""
    method = getattr(obj, name, None)
    if method is None or not hasattr(method, "_django_fsm"):
        raise TransitionRefused(_("Langkah tidak dikenal."))
    if not can_proceed(method, check_conditions=False):
        raise TransitionRefused(
            _(
                "Langkah ini tidak dapat dilakukan pada tahap sekarang (%(state)s); mungkin "
                "sudah dilakukan. Tidak ada yang diubah."
            )
            % {"state": obj.get_state_display()}
        )
    meta = method._django_fsm
    if not meta.has_transition_perm(obj, meta.field.get_state(obj), user):
        custom = meta.get_transition(meta.field.get_state(obj)).custom
        raise TransitionDenied(refusal(person_of(user), obj, custom["step"], str(custom["label"])))
    unmet = _unmet_conditions(method)
    if unmet:
        raise TransitionRefused(_("Belum dapat dilakukan: %(why)s") % {"why": " ".join(unmet)})


def run_transition(
    obj: Report | Submission,
    name: str,
    *,
    person,
    note: str = "",
    payload: dict | None = None,
    before: Callable[[Report, Any], None] | None = None,
    after: Callable[[Report, Any], None] | None = None,
) -> Report | Submission:
    """Perform transition `name` on a report or submission for `person`.

    `before(report, target)` runs after the permission check and before the state changes
    (record the step's data, validate it); `after(report, target)` runs after the save (open
    the next steps' records). Both run inside the transaction: if anything fails, nothing is
    kept — no state change, no record, no mail."""
    user = person.user
    limit = StepRecord._meta.get_field("note").max_length
    if len(note) > limit:
        # Whatever form the note came from, the step record keeps at most this much.
        raise TransitionRefused(_("Catatan paling banyak %(n)d karakter.") % {"n": limit})
    with contention_as_stale(), transaction.atomic():
        report_id = obj.pk if isinstance(obj, Report) else obj.report_id
        report = (
            Report.objects.select_for_update().select_related("office", "year").get(pk=report_id)
        )
        if isinstance(obj, Report):
            target = report
        else:
            target = Submission.objects.select_for_update().select_related("unit").get(pk=obj.pk)
            target.report = report
        check_transition(target, name, user)
        method = getattr(target, name)
        meta = transition_meta(target, name)
        source = target.state
        last_record = StepRecord.objects.filter(report=report).aggregate(m=Max("id"))["m"] or 0
        if before:
            before(report, target)
        method()
        try:
            target.save()
        except ConcurrentTransition:
            raise StaleTransition(_stale_message()) from None
        step_number = meta["step"]
        submission = target if isinstance(target, Submission) else None
        records.finish_step(report, step_number, actor=person, submission=submission, note=note)
        kind = "submission" if submission else "report"
        records.audit(
            report,
            f"sakip.{kind}.{name}",
            person,
            step=step_number,
            source=source,
            target=target.state,
            note=note,
            unit=submission.unit.name if submission else None,
            **(payload or {}),
        )
        if after:
            after(report, target)
        report.data_version = F("data_version") + 1
        report.save(update_fields=["data_version", "updated_at"])
        report.refresh_from_db(fields=["data_version"])
        opened = list(
            StepRecord.objects.filter(
                report=report, pk__gt=last_record, finished_at__isnull=True
            ).values_list("pk", flat=True)
        )
        # Only the people whose step this transition opened hear about it, after commit.
        if opened:
            transaction.on_commit(lambda: notify_started(opened))
    return target
