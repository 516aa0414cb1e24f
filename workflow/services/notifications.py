"""Mail to the people who must act. Called only after commit, and only about the step
records a transition opened: a person hears once that a step became theirs, not again on
every later transition of the report."""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.utils.translation import gettext as _

from workflow import hooks
from workflow.permissions import UNIT_STEPS


def record_actors(record, people) -> list:
    """The people who must perform an open step record: the step's roles (data), and for a
    unit step the head of that unit."""
    roles = set(record.step.actor_roles)
    if record.submission_id and record.step.number in UNIT_STEPS:
        return [
            p
            for p in people
            if p.role in roles and p.heads_unit and p.unit_id == record.submission.unit_id
        ]
    return [p for p in people if p.role in roles]


def record_title(record) -> str:
    title = f"{_('Langkah')} {record.step.number}: {record.step.name}"
    if record.submission_id:
        title += f" ({record.submission.unit.name})"
    return title


def record_url(record) -> str:
    unit_step = record.submission_id and record.step.number in UNIT_STEPS
    path = hooks.work_page_path(record.report_id, record.submission_id if unit_step else None)
    return settings.SAKIP_PUBLIC_BASE_URL.rstrip("/") + path


def _records(record_ids):
    from workflow.models import StepRecord

    return list(
        StepRecord.objects.filter(pk__in=record_ids)
        .select_related("step", "report__office", "report__year", "submission__unit")
        .order_by("step__number", "id")
    )


def _people(office_ids):
    from sakip.models import Person

    people = defaultdict(list)
    for p in Person.objects.filter(office_id__in=office_ids).select_related("user"):
        people[p.office_id].append(p)
    return people


def _send(person, subject: str, lines: list[str], intro: str) -> bool:
    if not person.user.email:
        return False
    body = _("Yth. %(name)s,\n\n") % {"name": person.full_name} + intro + "\n\n"
    body += "\n\n".join(lines) + "\n"
    send_mail(
        subject=subject,
        message=body,
        from_email=None,
        recipient_list=[person.user.email],
        fail_silently=True,
    )
    return True


def notify_started(record_ids) -> int:
    """One mail per person about the steps that just became theirs."""
    records = _records(record_ids)
    if not records:
        return 0
    people = _people({r.report.office_id for r in records})
    tasks: dict[int, tuple] = {}
    for record in records:
        for person in record_actors(record, people[record.report.office_id]):
            tasks.setdefault(person.pk, (person, []))[1].append(record)
    sent = 0
    for person, mine in tasks.values():
        report = mine[0].report
        lines = [f"- {record_title(r)}\n  {record_url(r)}" for r in mine]
        subject = _("[SAKIP] Tugas baru: %(report)s") % {"report": report}
        intro = _("Ada tugas untuk Anda pada %(report)s:") % {"report": report}
        sent += _send(person, subject, lines, intro)
    return sent


def notify_overdue(record) -> int:
    """Mail the actors of one overdue step record (once; see `check_overdue`)."""
    people = _people({record.report.office_id})[record.report.office_id]
    sent = 0
    for person in record_actors(record, people):
        subject = _("[SAKIP] Terlambat: %(task)s") % {"task": record_title(record)}
        intro = _(
            "Langkah berikut pada %(report)s sudah melewati waktu baku %(minutes)s menit kerja:"
        ) % {"report": record.report, "minutes": record.standard_minutes}
        sent += _send(person, subject, [f"- {record_title(record)}\n  {record_url(record)}"], intro)
    return sent


def notify_perjanjian(perjanjian_id: int, roles: list[str], done: str) -> int:
    """After a PK transition: one mail to each person of the office holding one of `roles`
    (and, for a unit's PK, its head among them), with the link to the PK's page."""
    from workflow.models import PerjanjianKinerja

    perjanjian = (
        PerjanjianKinerja.objects.select_related("office", "year", "unit")
        .filter(pk=perjanjian_id)
        .first()
    )
    if perjanjian is None:
        return 0
    people = _people({perjanjian.office_id})[perjanjian.office_id]
    url = settings.SAKIP_PUBLIC_BASE_URL.rstrip("/") + hooks.plan_page_path(
        perjanjian.year.year, perjanjian_id
    )
    subject = _("[SAKIP] %(pk)s: %(state)s") % {
        "pk": perjanjian,
        "state": perjanjian.get_state_display(),
    }
    intro = _("%(pk)s: “%(done)s” sudah dilakukan. Keadaannya sekarang: %(state)s.") % {
        "pk": perjanjian,
        "done": done,
        "state": perjanjian.get_state_display(),
    }
    sent = 0
    for person in people:
        if person.role in roles:
            sent += _send(person, subject, [f"- {perjanjian}\n  {url}"], intro)
    return sent
