"""The links of the procedure's pages, given only where the person may follow them (the
rules are `pages.access`'s): the work pages of a report for its page, a unit's page, a
task's page. Registered as the procedure's `work_page_path` hook for the links in mail."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pages import access
from sakip.models import Person, Role
from workflow.models import Report, ReportState
from workflow.selectors import Task

S = ReportState
ENTRY_STATES = {S.COLLECTING, S.EVALUATING, S.MEASURING}


@dataclass(frozen=True)
class WorkLink:
    url: str
    label: str
    icon: str
    primary: bool = False


def work_page_path(report_id: int, submission_id: int | None = None) -> str:
    if submission_id:
        return reverse("entry:submission", args=[report_id, submission_id])
    return reverse("workflow:report_detail", args=[report_id])


def unit_page_url(person: Person, report: Report, submission) -> str:
    """The unit's page, if this person may open it; else no link."""
    if access.may_view_unit(person, report, submission.unit_id):
        return reverse("entry:submission", args=[report.pk, submission.pk])
    return ""


def with_urls(tasks: list[Task]) -> list[Task]:
    """The tasks with the page where each is done."""
    for task in tasks:
        submission_id = task.submission.pk if task.submission is not None else None
        task.url = work_page_path(task.report.pk, submission_id)
    return tasks


def work_links(report: Report, person: Person) -> list[WorkLink]:
    """The work pages of the report (entry, review, collection, draft, documents) this
    person may open now."""
    pk = report.pk
    links: list[WorkLink] = []
    has_rows = report.state != S.ORDERED
    own = access.is_office_member(person, report)
    if has_rows and own and person.heads_unit and person.role == Role.KASI:
        links.append(
            WorkLink(
                reverse("entry:my_submission", args=[pk]),
                _("Isian unit saya"),
                "pencil-square",
                primary=report.state in ENTRY_STATES,
            )
        )
    if has_rows and access.may_read_all_units(person, report):
        links.append(
            WorkLink(
                reverse("entry:review", args=[pk]),
                _("Evaluasi isian unit"),
                "clipboard-check",
                primary=report.state in {S.EVALUATING, S.MEASURING} and person.role == Role.SEKCAM,
            )
        )
        links.append(
            WorkLink(
                reverse("entry:collection", args=[pk]),
                _("Himpunan format (9 kolom)"),
                "table",
                primary=report.state == S.COLLECTING and person.role == Role.JF,
            )
        )
    if own and access.may_read_draft(person, report):
        links.append(
            WorkLink(
                reverse("documents:draft", args=[pk]),
                _("Draf LAKIP"),
                "journal-text",
                primary=report.state in {S.DRAFTING, S.CORRECTING},
            )
        )
    if not report.is_quarter:
        # A quarter's documents are listed on the quarter's own page.
        links.append(
            WorkLink(reverse("documents:page", args=[pk]), _("Dokumen (PDF)"), "file-earmark-pdf")
        )
    return links
