"""The work pages of a report (entry, review, collection, draft, documents) that this person
may open now, for the report page. Each page still checks access itself."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from workflow.models import Report, ReportState

S = ReportState
OFFICE_WIDE = {"camat", "sekcam", "jf", "admin"}
ENTRY_STATES = {S.COLLECTING, S.EVALUATING}
BEFORE_DRAFT = {S.ORDERED, S.COLLECTING, S.EVALUATING}


@dataclass(frozen=True)
class WorkLink:
    url: str
    label: str
    icon: str
    primary: bool = False


def work_links(report: Report, person) -> list[WorkLink]:
    if person is None or person.office_id != report.office_id:
        return []
    pk = report.pk
    links: list[WorkLink] = []
    has_rows = report.state != S.ORDERED
    if has_rows and person.heads_unit and person.role == "kasi":
        links.append(
            WorkLink(
                reverse("entry:my_submission", args=[pk]),
                _("Isian unit saya"),
                "pencil-square",
                primary=report.state in ENTRY_STATES,
            )
        )
    if has_rows and person.role in OFFICE_WIDE:
        links.append(
            WorkLink(
                reverse("entry:review", args=[pk]),
                _("Evaluasi isian unit"),
                "clipboard-check",
                primary=report.state == S.EVALUATING and person.role == "sekcam",
            )
        )
        links.append(
            WorkLink(
                reverse("entry:collection", args=[pk]),
                _("Himpunan format (9 kolom)"),
                "table",
                primary=report.state == S.COLLECTING and person.role == "jf",
            )
        )
    if report.state not in BEFORE_DRAFT and person.role in OFFICE_WIDE:
        links.append(
            WorkLink(
                reverse("documents:draft", args=[pk]),
                _("Draf LAKIP"),
                "journal-text",
                primary=report.state in {S.DRAFTING, S.CORRECTING},
            )
        )
    links.append(
        WorkLink(reverse("documents:page", args=[pk]), _("Dokumen (PDF)"), "file-earmark-pdf")
    )
    return links
