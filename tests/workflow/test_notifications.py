"""Mail goes, after commit, only to the people a transition made due."""

from __future__ import annotations

from django.core import mail

from sakip.models import Person
from tests.procedure import head_of as unit_head
from workflow.models import ReportState
from workflow.services import procedure as svc

S = ReportState


def _recipients() -> list[str]:
    return sorted(address for m in mail.outbox for address in m.to)


def _emails(**filters) -> list[str]:
    return sorted(p.user.email for p in Person.objects.filter(**filters).select_related("user"))


def test_each_actor_hears_once_about_the_step_that_became_theirs(
    procedure, mungka, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        procedure.create()
    assert _recipients() == _emails(office=mungka, role="sekcam")

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        procedure.distribute()
    heads = sorted(unit_head(s).user.email for s in procedure.submissions)
    assert _recipients() == heads

    subs = procedure.submissions
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for sub in subs[:-1]:
            procedure.submit(sub)
    assert mail.outbox == []  # nobody new is due until the last unit submits

    with django_capture_on_commit_callbacks(execute=True):
        procedure.submit(subs[-1])
    assert _recipients() == _emails(office=mungka, role="jf")

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        procedure.collect()
    # One mail for the Sekcam, listing the evaluation and each unit's part.
    assert _recipients() == _emails(office=mungka, role="sekcam")
    assert mail.outbox[0].body.count("Langkah 5") == 1 + len(subs)

    mail.outbox.clear()
    returned = procedure.submissions[0]
    with django_capture_on_commit_callbacks(execute=True):
        svc.submission_accept(submission=procedure.submissions[1], person=procedure.sekcam)
        svc.submission_return(submission=returned, person=procedure.sekcam, reason="Lengkapi.")
    assert _recipients() == [unit_head(returned).user.email]


def test_no_mail_is_sent_before_commit(procedure, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        procedure.create()
    assert mail.outbox == []
    assert len(callbacks) == 1
