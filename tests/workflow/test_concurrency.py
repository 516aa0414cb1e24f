"""Concurrent requests, on SQLite (the `make run` default: a file database in WAL mode,
IMMEDIATE write transactions) and on PostgreSQL (row locks): a step is done once, letter
numbers are unique and gap-free, and whoever loses the race for a lock gets the "muat ulang
lalu coba lagi" message, never an error page. The data is committed for real: threads have
their own connections."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection, transaction

from tests.conftest import _ensure_demo
from tests.procedure import Procedure, person
from workflow.models import (
    AuditEntry,
    LetterNumber,
    LetterSequence,
    Report,
    ReportState,
    Submission,
    SubmissionState,
)
from workflow.services import WorkflowError
from workflow.services import procedure as svc
from workflow.services.core import StaleTransition
from workflow.services.letters import letter_number_allocate
from workflow.services.rows import row_update

LETTER_DATE = dt.date(2031, 3, 2)


# Transactional: no test transaction holds the (SQLite: database-wide) write lock, and the
# database is emptied afterwards (the demo is seeded again where needed, in 0.2 s).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def committed():
    _ensure_demo()


@pytest.fixture
def evaluating(committed):
    return Procedure().to(ReportState.EVALUATING)


def _in_threads(count: int, work) -> list:
    """Run `work(barrier)` in `count` threads started together. A WorkflowError is the
    person's message (its class name is recorded); anything else escaping is a failure
    (recorded as "ERROR: ..." so the assertion shows it)."""
    barrier = threading.Barrier(count)
    results: list = []

    def run() -> None:
        try:
            results.append(work(barrier))
        except WorkflowError as exc:
            results.append((type(exc).__name__, exc.message))
        except Exception as exc:  # noqa: BLE001 — an escaping error is what we look for
            results.append(f"ERROR: {type(exc).__name__}: {exc}")
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


def _loser_kinds(results: list) -> list[str]:
    return sorted(r[0] for r in results if r != "ok")


def test_the_sekcam_accepting_one_submission_twice_at_once_accepts_it_once(evaluating):
    submission = evaluating.submissions.order_by("unit__order").first()
    sekcam = person("sekcam")

    def work(barrier):
        mine = Submission.objects.get(pk=submission.pk)
        barrier.wait()
        svc.submission_accept(submission=mine, person=sekcam)
        return "ok"

    results = _in_threads(2, work)
    assert results.count("ok") == 1, results
    assert _loser_kinds(results) in (["StaleTransition"], ["TransitionRefused"]), results
    loser = next(r for r in results if r != "ok")
    assert "coba lagi" in loser[1] or "sudah dilakukan" in loser[1]
    submission.refresh_from_db()
    assert submission.state == SubmissionState.ACCEPTED
    accepted = AuditEntry.objects.filter(report=evaluating, action="sakip.submission.accept")
    assert accepted.count() == 1


def test_twenty_letter_numbers_at_once_are_unique_and_consecutive(committed):
    jf = person("jf")
    office = jf.office

    def work(barrier):
        barrier.wait()
        letter = letter_number_allocate(office=office, person=jf, purpose="Uji", date=LETTER_DATE)
        return letter.sequence

    results = _in_threads(20, work)
    assert sorted(results) == list(range(1, 21)), results
    numbers = LetterNumber.objects.filter(office=office, year=LETTER_DATE.year)
    assert numbers.values("number").distinct().count() == 20
    assert LetterSequence.objects.get(office=office, year=LETTER_DATE.year).last_number == 20


def _hold_the_lock(report: Report, holding: threading.Event, release: threading.Event) -> None:
    """Another person's long write: the report row and the letter sequence stay locked (the
    whole database on SQLite) until `release`."""
    try:
        with transaction.atomic():
            Report.objects.select_for_update().get(pk=report.pk)
            LetterSequence.objects.get_or_create(office=report.office, year=LETTER_DATE.year)
            LetterSequence.objects.select_for_update().get(
                office=report.office, year=LETTER_DATE.year
            )
            holding.set()
            release.wait(timeout=30)
    finally:
        connection.close()


def _give_up_soon(monkeypatch) -> None:
    """The waiting side gives up after 0.2 s instead of the configured busy/lock timeout."""
    if connection.vendor == "sqlite":
        monkeypatch.setitem(connection.settings_dict["OPTIONS"], "timeout", 0.2)


def _short_lock_wait() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '200ms'")


WRITES = {
    "transition": lambda report, sub, row: svc.submission_accept(
        submission=sub, person=person("sekcam")
    ),
    "row": lambda report, sub, row: row_update(
        row=row,
        person=person("kasi-pemerintahan"),
        values={"keterangan": "Catatan"},
        version=row.version,
    ),
    "letter": lambda report, sub, row: letter_number_allocate(
        office=report.office, person=person("jf"), purpose="Uji", date=LETTER_DATE
    ),
}


@pytest.mark.parametrize("write", WRITES)
def test_a_write_that_cannot_get_the_lock_gets_the_message(evaluating, monkeypatch, write):
    _give_up_soon(monkeypatch)
    kasi = person("kasi-pemerintahan")
    submission = evaluating.submissions.get(unit=kasi.unit)
    Submission.objects.filter(pk=submission.pk).update(state=SubmissionState.RETURNED)
    submission = Submission.objects.get(pk=submission.pk)
    if write == "transition":
        Submission.objects.filter(pk=submission.pk).update(state=SubmissionState.SUBMITTED)
        submission = Submission.objects.get(pk=submission.pk)
    row = submission.rows.order_by("number").first()
    holding, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold_the_lock, args=(evaluating, holding, release))
    holder.start()
    assert holding.wait(timeout=30)
    outcome: list = []

    def attempt() -> None:
        try:
            _short_lock_wait()
            WRITES[write](evaluating, submission, row)
            outcome.append("ok")
        except StaleTransition as exc:
            outcome.append(exc.message)
        except Exception as exc:  # noqa: BLE001
            outcome.append(f"ERROR: {type(exc).__name__}: {exc}")
        finally:
            connection.close()

    try:
        waiting = threading.Thread(target=attempt)
        waiting.start()
        waiting.join(timeout=30)
    finally:
        release.set()
        holder.join(timeout=30)
    assert len(outcome) == 1 and "Muat ulang halaman lalu coba lagi" in outcome[0], outcome
    # Nothing of the refused write was kept.
    submission.refresh_from_db()
    row.refresh_from_db()
    assert submission.state != SubmissionState.ACCEPTED
    assert row.keterangan != "Catatan"
    assert not LetterNumber.objects.filter(year=LETTER_DATE.year).exists()
