"""Reads of the procedure: what each person must do now, with due times."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sakip.models import Person
from workflow.models import Report, ReportState, StepRecord, Submission, SubmissionState

S, SS = ReportState, SubmissionState

# What is to be done in each report state: (step, title).
STATE_TASKS = {
    S.ORDERED: (2, gettext_lazy("Sampaikan format pengumpulan data kinerja kepada Kasi/Kasubag")),
    S.COLLECTING: (4, gettext_lazy("Himpun format data dan informasi kinerja dari unit")),
    S.EVALUATING: (5, gettext_lazy("Analisis dan evaluasi isian unit")),
    S.DRAFTING: (6, gettext_lazy("Susun draf LAKIP")),
    S.CORRECTING: (7, gettext_lazy("Koreksi draf LAKIP")),
    S.FINALISATION: (8, gettext_lazy("Laksanakan dan catat rapat finalisasi LAKIP")),
    S.FINALISED: (9, gettext_lazy("Sampaikan LAKIP kepada Camat untuk persetujuan")),
    S.AWAITING_APPROVAL: (10, gettext_lazy("Setujui dan tandatangani LAKIP")),
    S.SIGNED: (11, gettext_lazy("Buat surat pengantar dan ambil nomor surat")),
    S.NUMBERED: (12, gettext_lazy("Gandakan dokumen LAKIP")),
    S.DUPLICATED: (13, gettext_lazy("Kirim dokumen LAKIP")),
    S.MEASURING: (5, gettext_lazy("Evaluasi isian pengukuran triwulan")),
}


@dataclass
class Task:
    report: Report
    step: int
    title: str
    people: list[Person] = field(default_factory=list)
    submission: Submission | None = None
    started_at: dt.datetime | None = None
    standard_minutes: int | None = None
    due_at: dt.datetime | None = None
    overdue: bool = False
    # The page where the task is done, filled in by the page layer.
    url: str = ""


def _open_record(report: Report, step: int, submission: Submission | None = None):
    wanted = submission.pk if submission else None
    mine = [r for r in report.open_records if r.step.number == step]
    exact = [r for r in mine if r.submission_id == wanted]
    return (exact or mine or [None])[0]


def report_tasks(report: Report, people: list[Person]) -> list[Task]:
    """Tasks of one report. `report` must come from `reports_with_tasks()` (prefetched)."""
    roles = {n: set(report.roles_of_step(n)) for n in range(1, 14)}
    tasks: list[Task] = []
    if report.state in (S.COLLECTING, S.EVALUATING, S.MEASURING):
        for sub in report.submissions.all():
            if sub.state in (SS.PENDING, SS.RETURNED):
                heads = [
                    p
                    for p in people
                    if p.unit_id == sub.unit_id and p.heads_unit and p.role in roles.get(3, set())
                ]
                title = (
                    _("Isi format pengumpulan %(unit)s")
                    if sub.state == SS.PENDING
                    else _("Perbaiki isian %(unit)s yang dikembalikan")
                ) % {"unit": sub.unit.name}
                tasks.append(_task(report, 3, title, heads, sub))
    step_title = STATE_TASKS.get(report.state)
    if step_title:
        step, title = step_title
        subs = list(report.submissions.all())
        ready = True
        if report.state == S.COLLECTING:
            ready = bool(subs) and all(s.state in (SS.SUBMITTED, SS.ACCEPTED) for s in subs)
        if report.state == S.MEASURING:
            # A quarter's units are evaluated as they send.
            ready = any(s.state == SS.SUBMITTED for s in subs)
        if ready:
            actors = [p for p in people if p.role in roles.get(step, set())]
            tasks.append(_task(report, step, title, actors))
    return tasks


def _task(report, step, title, people, submission=None) -> Task:
    record = _open_record(report, step, submission)
    return Task(
        report=report,
        step=step,
        title=title,
        people=people,
        submission=submission,
        started_at=record.started_at if record else None,
        standard_minutes=record.standard_minutes if record else None,
    )


def reports_with_tasks(**filters):
    from workflow.models import Step

    reports = list(
        Report.objects.filter(**filters)
        .exclude(state__in=[S.DISPATCHED, S.MEASURED])
        .select_related("office", "year")
        .prefetch_related(
            Prefetch("submissions", queryset=Submission.objects.select_related("unit")),
            Prefetch(
                "step_records",
                queryset=StepRecord.objects.filter(finished_at__isnull=True).select_related("step"),
                to_attr="open_records",
            ),
        )
    )
    office_ids = {r.office_id for r in reports}
    roles: dict[int, dict[int, list[str]]] = {}
    for office_id, number, actor_roles in Step.objects.filter(office_id__in=office_ids).values_list(
        "office_id", "number", "actor_roles"
    ):
        roles.setdefault(office_id, {})[number] = actor_roles
    for r in reports:
        r.prime_step_roles(roles.get(r.office_id, {}))
    return reports


def tasks_for_person(person: Person, *, now: dt.datetime | None = None) -> list[Task]:
    """What this person must do now, across the office's open reports, with due times
    (started + the step's standard minutes on the office's working calendar)."""
    from workflow.services.timing import office_calendar

    if person.office_id is None:
        return []
    now = now or timezone.now()
    people = list(Person.objects.filter(office_id=person.office_id).select_related("user"))
    tasks = []
    for report in reports_with_tasks(office_id=person.office_id):
        tasks += [t for t in report_tasks(report, people) if person in t.people]
    started = [t.started_at for t in tasks if t.started_at]
    if started:
        tz = timezone.get_default_timezone()
        first = timezone.localtime(min(started), tz).date()
        calendar = office_calendar(person.office, first, first + dt.timedelta(days=366))
        for t in tasks:
            if t.started_at and t.standard_minutes is not None:
                t.due_at = calendar.deadline(t.started_at, t.standard_minutes)
                t.overdue = now > t.due_at
    return sorted(tasks, key=lambda t: (t.due_at is None, t.due_at or now, t.step))


@dataclass(frozen=True)
class PerjanjianTask:
    perjanjian: object
    title: str


def perjanjian_tasks(person: Person) -> list[PerjanjianTask]:
    """The Perjanjian Kinerja waiting for this person: the Sekcam reviews what was submitted,
    the Camat signs what was reviewed, the Kasubag PEP (and the operator) fixes what was
    returned. A PK is the person's task when one of its transitions is available to them."""
    from workflow.models import PerjanjianKinerja, PerjanjianState
    from workflow.services.core import available_transitions

    if person is None or person.office_id is None:
        return []
    P = PerjanjianState
    waiting = (
        PerjanjianKinerja.objects.filter(
            office_id=person.office_id, state__in=[P.SUBMITTED, P.REVIEWED, P.RETURNED]
        )
        .select_related("office", "year", "unit")
        .order_by("-year__year", "unit__order")
    )
    tasks = []
    for pk in waiting:
        mine = available_transitions(pk, person.user)
        if mine:
            tasks.append(PerjanjianTask(pk, str(mine[-1].label)))
    return tasks
