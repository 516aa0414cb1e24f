"""The proof tests build their reports with the one procedure helper (tests/procedure.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.procedure import start_collecting
from workflow.models import Report

DATA = Path(__file__).resolve().parents[1] / "data" / "proof"
TODAY = dt.date(2026, 1, 12)


@pytest.fixture
def collecting(demo) -> Report:
    return start_collecting()
