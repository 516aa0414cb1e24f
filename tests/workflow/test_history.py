"""The report page's history: words, not action codes; the procedure's events first; the
many row saves of step 3 summed up per unit, person and day."""

from __future__ import annotations

import re

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.procedure import head_of as unit_head
from tests.procedure import person
from workflow.history import action_label, action_labels
from workflow.models import AuditEntry, ReportState
from workflow.services.rows import evidence_add, row_update

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _edit_rows(report, times: int = 4):
    submission = report.submissions.order_by("unit__order").first()
    head = unit_head(submission)
    rows = list(submission.rows.order_by("number")[:3])
    for i in range(times):
        for row in rows:
            row.refresh_from_db()
            row_update(
                row=row, person=head, values={"keterangan": f"Catatan {i}"}, version=row.version
            )
    evidence_add(row=rows[0], person=head, upload=SimpleUploadedFile("bukti.pdf", PDF))
    return submission, head


def test_every_action_of_a_whole_procedure_has_a_name(report_at):
    report = report_at(ReportState.DISPATCHED)
    labels = action_labels()
    codes = set(AuditEntry.objects.filter(report=report).values_list("action", flat=True))
    assert codes and codes <= set(labels)
    assert all(labels[c] and not labels[c].startswith("sakip.") for c in codes)


def test_row_level_actions_have_indonesian_names():
    assert action_label("sakip.row.updated") == "Mengubah baris"
    assert action_label("sakip.evidence.added") == "Menambah bukti dukung"
    assert action_label("sakip.rows.imported") == "Mengunggah isian Excel"
    assert action_label("sakip.submission.accept") == "Terima isian"
    assert "sakip.tidak.ada" in action_label("sakip.tidak.ada")  # unknown: still words


def test_the_page_lists_the_procedure_first_and_sums_up_the_row_edits(report_at, client_for):
    report = report_at(ReportState.COLLECTING)
    submission, head = _edit_rows(report)
    body = client_for(person("sekcam").user).get(f"/laporan/{report.pk}/").content.decode()
    assert not re.search(r"sakip\.(row|rows|evidence)\.", body)
    history = body[body.index('id="history"') :]
    procedure, edits = history.split('id="edit-history"', 1)
    assert "Sampaikan format pengumpulan" in procedure
    assert "Memerintahkan penyusunan LAKIP" in procedure
    assert "Mengubah baris" not in procedure
    # 12 saves on 3 rows and one file: one line for the unit and the day.
    assert edits.count(submission.unit.name) == 1
    assert f"{head.full_name} mengubah 3 baris, menambah 1 bukti dukung" in edits


def test_edits_of_two_units_are_two_lines(report_at, client_for):
    report = report_at(ReportState.COLLECTING)
    first, _ = _edit_rows(report, times=1)
    other = report.submissions.exclude(pk=first.pk).order_by("unit__order").first()
    row = other.rows.first()
    row_update(row=row, person=unit_head(other), values={"keterangan": "x"}, version=row.version)
    body = client_for(person("sekcam").user).get(f"/laporan/{report.pk}/").content.decode()
    edits = body[body.index('id="edit-history"') :]
    assert "mengubah 3 baris, menambah 1 bukti dukung" in edits
    assert f"{unit_head(other).full_name} mengubah 1 baris" in edits


def test_the_edit_summary_reads_the_same_few_queries_however_many_edits(report_at):
    """Thousands of saves in a collection are counted in the database, not read one by one."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from workflow.history import edit_groups

    report = report_at(ReportState.COLLECTING)
    _edit_rows(report, times=1)
    with CaptureQueriesContext(connection) as few:
        groups = edit_groups(report)
    queries = len(few)
    assert [g.summary for g in groups] == ["mengubah 3 baris, menambah 1 bukti dukung"]
    _edit_rows(report, times=6)
    with CaptureQueriesContext(connection) as many:
        groups = edit_groups(report)
    assert len(many) == queries
    assert [g.summary for g in groups] == ["mengubah 3 baris, menambah 2 bukti dukung"]
