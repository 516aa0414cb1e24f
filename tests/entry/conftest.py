"""A Mungka 2025 report brought to step 3 through the real services."""

from __future__ import annotations

import pytest

from tests.procedure import start_collecting


@pytest.fixture
def report(mungka):
    return start_collecting(mungka.name)


@pytest.fixture
def submission(report, kasi):
    return report.submissions.get(unit=kasi.person.unit)


@pytest.fixture
def other_submission(report, other_kasi):
    return report.submissions.get(unit=other_kasi.person.unit)


def row_url(row, suffix: str = "") -> str:
    sub = row.submission
    return f"/laporan/{sub.report_id}/isian/{sub.pk}/baris/{row.pk}/{suffix}"


def sub_url(submission, suffix: str = "") -> str:
    return f"/laporan/{submission.report_id}/isian/{submission.pk}/{suffix}"
