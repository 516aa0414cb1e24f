"""Concurrent requests on PostgreSQL (row locks): a step is done once, letter numbers are
unique and gap-free. The data is committed for real (threads have their own connections)
and removed afterwards, so the seeded demo stays as it was."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection

from tests.conftest import _ensure_demo
from tests.procedure import Procedure, person
from workflow.models import AuditEntry, LetterNumber, LetterSequence, Report, ReportState
from workflow.services import WorkflowError
from workflow.services import procedure as svc
from workflow.services.letters import letter_number_allocate

pytestmark = pytest.mark.postgres_only


@pytest.fixture
def committed(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        _ensure_demo()
        yield


def _in_threads(count: int, work) -> list:
    barrier = threading.Barrier(count)
    results: list = []

    def run(i: int) -> None:
        try:
            results.append(work(barrier))
        except WorkflowError as exc:
            results.append(type(exc).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


def test_two_people_performing_the_same_step_do_it_once(committed):
    procedure = Procedure()
    report = procedure.to(ReportState.FINALISED)
    try:
        sekcam = person("sekcam")

        def work(barrier):
            mine = Report.objects.get(pk=report.pk)
            barrier.wait()
            svc.report_send_for_approval(report=mine, person=sekcam)
            return "ok"

        results = _in_threads(2, work)
        assert sorted(results) in (
            ["StaleTransition", "ok"],
            ["TransitionRefused", "ok"],
        )
        assert Report.objects.get(pk=report.pk).state == ReportState.AWAITING_APPROVAL
        assert (
            AuditEntry.objects.filter(
                report=report, action="sakip.report.send_for_approval"
            ).count()
            == 1
        )
        assert report.step_records.filter(step__number=10).count() == 1
    finally:
        Report.objects.filter(pk=report.pk).delete()


def test_twenty_letter_numbers_at_once_are_unique_and_consecutive(committed):
    jf = person("jf")
    office = jf.office
    date = dt.date(2031, 3, 2)
    try:

        def work(barrier):
            barrier.wait()
            letter = letter_number_allocate(office=office, person=jf, purpose="Uji", date=date)
            return letter.sequence

        results = _in_threads(20, work)
        assert sorted(results) == list(range(1, 21))
        numbers = LetterNumber.objects.filter(office=office, year=2031)
        assert numbers.values("number").distinct().count() == 20
        assert LetterSequence.objects.get(office=office, year=2031).last_number == 20
    finally:
        LetterNumber.objects.filter(office=office, year=2031).delete()
        LetterSequence.objects.filter(office=office, year=2031).delete()
