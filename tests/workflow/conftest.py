"""The workflow's tests walk the procedure with step 10's signing recorded instead of done
(the documents' tests sign for real), and select the PostgreSQL-only tests."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.procedure import Procedure
from workflow import hooks


@pytest.fixture
def signed_finals(monkeypatch):
    """Replace step 10's `freeze_final` hook (the documents app renders and signs a PDF:
    slow, and tested where it lives) with a recorder. Returns the list of calls."""
    calls = []

    def sign_final(*, report, person):
        calls.append((report.pk, person.pk))

    monkeypatch.setattr(hooks.freeze_final, "_impl", sign_final)
    return calls


@pytest.fixture
def procedure(demo, signed_finals):
    """The workflow's tests walk the procedure with step 10's signing recorded, not done."""
    return Procedure()


def is_postgres() -> bool:
    return connection.vendor == "postgresql"
