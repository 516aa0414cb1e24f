"""The proof tests build their reports with the one procedure helper (tests/procedure.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sakip.models import TargetKind
from tests.procedure import start_collecting
from workflow.models import Report

DATA = Path(__file__).resolve().parents[1] / "data" / "proof"
TODAY = dt.date(2026, 1, 12)


@pytest.fixture
def collecting(demo) -> Report:
    return start_collecting()


@pytest.fixture
def submission(collecting, kasi):
    """Seksi Pemerintahan's part of the collecting report."""
    return collecting.submissions.get(unit=kasi.person.unit)


@pytest.fixture
def text_row(submission):
    """A row of that unit with a numeric target (named for the text typed into it)."""
    return submission.rows.exclude(indikator__target_kind=TargetKind.TEXT).first()
