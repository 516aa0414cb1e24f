"""The hook implementation: the whole first draft of a report (or the parts asked for)."""

from __future__ import annotations

from collections.abc import Callable

from documents.drafting import bab3, chapters
from documents.drafting.indicators import row_analysis
from documents.lakip_data import lakip_document_data
from workflow.measurement import indicator_courses
from workflow.models import Report
from workflow.services.procedure.first_draft import DraftTexts

WRITERS: dict[str, Callable[[dict], str]] = {
    "kata_pengantar": chapters.kata_pengantar,
    "ikhtisar": chapters.ikhtisar,
    "bab1": chapters.bab1,
    "bab2": chapters.bab2,
    "bab3_analisis": bab3.bab3_analisis,
    "bab3_efisiensi": bab3.bab3_efisiensi,
    "bab3_program": bab3.bab3_program,
    "bab4": bab3.bab4,
}


def draft_texts(
    *, report: Report, chapters: list[str] | None = None, rows: list[int] | None = None
) -> DraftTexts:
    """The chapters (by key) and row analyses (by row pk) written from the report's data;
    `None` means all of them."""
    data = lakip_document_data(report, final=False)
    year = data["year"]
    keys = WRITERS if chapters is None else [k for k in chapters if k in WRITERS]
    wanted = None if rows is None else set(rows)
    analysed = [r for r in data["rows"] if wanted is None or r["pk"] in wanted]
    # Each indicator's course through the year's quarters, read once for the whole report.
    courses = {}
    if analysed and not report.is_quarter:
        courses = {c.indikator.pk: c for c in indicator_courses(report.year)}
    return DraftTexts(
        chapters={key: WRITERS[key](data) for key in keys},
        analyses={r["pk"]: row_analysis(r, year, courses.get(r["indikator_id"])) for r in analysed},
    )
