"""Mail to the people who must act next. Called only after commit."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.utils.translation import gettext as _


def notify_next_actors(report_id: int) -> int:
    from workflow.selectors import pending_tasks_for_report

    sent = 0
    for task in pending_tasks_for_report(report_id):
        for person in task.people:
            if not person.user.email:
                continue
            send_mail(
                subject=_("[SAKIP] %(task)s") % {"task": task.title},
                message=_(
                    "Yth. %(name)s,\n\nAda tugas untuk Anda pada %(report)s:\n%(task)s\n\n"
                    "Buka: %(url)s\n"
                )
                % {
                    "name": person.full_name,
                    "report": task.report,
                    "task": task.title,
                    "url": settings.SAKIP_PUBLIC_BASE_URL.rstrip("/") + task.url,
                },
                from_email=None,
                recipient_list=[person.user.email],
                fail_silently=True,
            )
            sent += 1
    return sent
