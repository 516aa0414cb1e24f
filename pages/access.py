"""Who may see and act on what: the one place the pages ask.

One helper per kind of object, healthchecks-style: it returns the object, or raises `Http404`
when the object lies outside the person's reach (another office: its existence is not
revealed), or `PermissionDenied` with an Indonesian message saying why (the 403 page and the
htmx error fragment show it). The predicates (`may_…`) answer the same questions for the
pages that decide which links to show, so no page links a person to a page they will be
refused. Who may perform a step is the procedure's own rule (`workflow.permissions`, the
steps' roles as data); this module adds who may read what."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from documents.quarter_documents import QUARTER_KINDS
from sakip.models import (
    LEADER_ROLES,
    OFFICE_WIDE_ROLES,
    Evidence,
    Person,
    PlanRow,
    Role,
    Target,
    Year,
)
from workflow.models import Chapter, PerjanjianKinerja, Report, ReportState, Submission
from workflow.models.perjanjian import plan_lock_reason
from workflow.permissions import can_edit_rows, may_measure, may_prepare_plan

S = ReportState

# The states before the units' rows are compiled (step 4): until then each unit's rows are
# its own, and only the office-wide roles read them together.
BEFORE_COMPILED = frozenset({S.ORDERED, S.COLLECTING})


# ---- The person ---------------------------------------------------------------------------


def person_for(request) -> Person:
    """The signed-in person's profile; a user without one (a bare superuser) is refused."""
    person = getattr(request.user, "person", None) if request.user.is_authenticated else None
    if person is None:
        raise PermissionDenied(_("Akun Anda belum terdaftar sebagai pegawai kantor."))
    return person


def is_office_member(person: Person, report: Report) -> bool:
    return person.office_id is not None and person.office_id == report.office_id


def is_office_wide(person: Person, report: Report) -> bool:
    """Camat, Sekcam and the drafting staff read every unit's rows of their office."""
    return is_office_member(person, report) and person.role in OFFICE_WIDE_ROLES


# ---- Dashboards ---------------------------------------------------------------------------


def office_dashboard_reader(request) -> Person:
    """The office dashboard is the Camat's and the Sekcam's view of the whole office."""
    person = person_for(request)
    if person.office_id is None or person.role not in LEADER_ROLES:
        raise PermissionDenied(_("Dasbor kantor hanya untuk Camat dan Sekretaris Camat."))
    return person


def kabupaten_reader(request) -> Person:
    person = person_for(request)
    if person.role != Role.KABUPATEN or person.kabupaten_id is None:
        raise PermissionDenied(_("Dasbor kabupaten hanya untuk pembaca tingkat kabupaten."))
    return person


# ---- Reports ------------------------------------------------------------------------------


def visible_reports(person: Person) -> QuerySet[Report]:
    """Reports of the person's office; a kabupaten reader reads every office of the
    kabupaten."""
    reports = Report.objects.select_related("office", "year")
    if person.office_id:
        return reports.filter(office_id=person.office_id)
    if person.role == Role.KABUPATEN and person.kabupaten_id:
        return reports.filter(office__kabupaten_id=person.kabupaten_id)
    return reports.none()


def report_for(request, pk: int) -> Report:
    """A report the person may read: 404 outside their office (or kabupaten)."""
    return get_object_or_404(visible_reports(person_for(request)), pk=pk)


def report_to_act_on(request, pk: int) -> Report:
    """A report of the person's own office (a kabupaten reader only reads). Whether the
    person may perform a particular step is the transition's own check."""
    report = report_for(request, pk)
    if not is_office_member(person_for(request), report):
        raise PermissionDenied(_("Anda hanya dapat membaca laporan ini."))
    return report


# ---- A unit's rows and evidence -----------------------------------------------------------


def may_view_unit(person: Person, report: Report, unit_id: int) -> bool:
    """A unit's rows and evidence: its head, and the office-wide roles. The operator keeps
    the master data and does not read the units' figures."""
    if is_office_wide(person, report):
        return True
    return is_office_member(person, report) and person.heads_unit and person.unit_id == unit_id


def _unit_refusal(person: Person) -> str:
    if person.role == Role.ADMIN:
        return _(
            "Operator mengelola data induk dan tidak membuka isian unit. Isian dibaca oleh "
            "Camat, Sekretaris Camat, staf penyusun dan kepala unitnya."
        )
    return _("Isian ini milik unit lain; Anda hanya dapat membuka isian unit Anda sendiri.")


def submission_for(request, pk: int, sub_pk: int) -> Submission:
    """A unit's submission (with `.report` set), for its head and the office-wide roles."""
    person = person_for(request)
    report = get_object_or_404(visible_reports(person).filter(office_id=person.office_id), pk=pk)
    submission = get_object_or_404(
        Submission.objects.select_related("unit"), pk=sub_pk, report=report
    )
    submission.report = report
    if not may_view_unit(person, report, submission.unit_id):
        raise PermissionDenied(_unit_refusal(person))
    return submission


def row_for(request, pk: int, sub_pk: int, row_pk: int, *, related=()) -> PlanRow:
    """One row of a submission the person may view (with `.submission.report` set), read
    with its submission, unit and report in one query (the row editor's every request)."""
    person = person_for(request)
    row = get_object_or_404(
        PlanRow.objects.select_related(
            "submission__unit", "submission__report__office", "submission__report__year", *related
        ),
        pk=row_pk,
        submission_id=sub_pk,
        submission__report_id=pk,
        submission__report__office_id=person.office_id,
    )
    if not may_view_unit(person, row.submission.report, row.submission.unit_id):
        raise PermissionDenied(_unit_refusal(person))
    return row


def evidence_for(request, pk: int, ev_pk: int) -> Evidence:
    """An evidence file of a unit the person may view (with `.row.submission.report` set)."""
    person = person_for(request)
    report = get_object_or_404(visible_reports(person).filter(office_id=person.office_id), pk=pk)
    evidence = get_object_or_404(
        Evidence.objects.select_related("row__submission__unit"),
        pk=ev_pk,
        row__submission__report=report,
    )
    if not may_view_unit(person, report, evidence.row.unit_id):
        raise PermissionDenied(_unit_refusal(person))
    evidence.row.submission.report = report
    return evidence


def rows_edit_refusal(person: Person, submission: Submission) -> str | None:
    """Why this person may not change the unit's rows and evidence now, or None."""
    if can_edit_rows(person, submission):
        return None
    if not submission.is_editable:
        if submission.report.is_closed:
            return _("Laporan ini sudah ditutup; isiannya tidak dapat diubah lagi.")
        return _("Isian ini tidak dapat diubah pada tahap sekarang (%(state)s).") % {
            "state": submission.get_state_display()
        }
    return _("Hanya kepala unit ini yang dapat mengisi barisnya.")


def editable_submission(person: Person, submission: Submission) -> Submission:
    refusal = rows_edit_refusal(person, submission)
    if refusal:
        raise PermissionDenied(refusal)
    return submission


def may_read_all_units(person: Person, report: Report) -> bool:
    """The evaluation and the compiled table: every unit's rows side by side."""
    return is_office_wide(person, report)


def all_units_report_for(request, pk: int) -> Report:
    """A report whose units' rows are read together (evaluation, collection)."""
    person = person_for(request)
    report = get_object_or_404(visible_reports(person).filter(office_id=person.office_id), pk=pk)
    if not may_read_all_units(person, report):
        raise PermissionDenied(
            _(
                "Halaman ini menampilkan isian semua unit dan hanya dibuka Camat, Sekretaris "
                "Camat dan staf penyusun laporan."
            )
        )
    return report


# ---- The draft ----------------------------------------------------------------------------


def may_read_draft(person: Person, report: Report) -> bool:
    """The LAKIP draft (from step 6): the office's people and the kabupaten reader; the
    operator, who keeps the master data, reads the LAKIP once it is signed."""
    if not report.has_draft:
        return False
    if person.role == Role.ADMIN:
        return report.is_signed
    return True


def draft_report_for(request, pk: int) -> Report:
    person = person_for(request)
    report = report_for(request, pk)
    if not report.has_draft:
        raise PermissionDenied(_("Draf LAKIP baru disusun mulai langkah 6."))
    if not may_read_draft(person, report):
        raise PermissionDenied(_("Operator membaca LAKIP setelah ditandatangani Camat."))
    return report


def chapter_for(request, pk: int, chapter_pk: int) -> Chapter:
    report = report_to_act_on(request, pk)
    chapter = get_object_or_404(Chapter, pk=chapter_pk, report=report)
    chapter.report = report
    return chapter


def draft_row_for(request, pk: int, row_pk: int) -> PlanRow:
    report = report_to_act_on(request, pk)
    row = get_object_or_404(PlanRow, pk=row_pk, submission__report=report)
    return row


# ---- Documents ----------------------------------------------------------------------------


def document_refusal(person: Person, report: Report, kind: str) -> str | None:
    """Why this person may not read document `kind` of the report now, or None if they may.

    The combined nine-column table holds every unit's values: before the rows are compiled
    (step 4) a Kasi reads only his own unit's rows (on his unit's page), and the operator
    never reads the units' figures. The LAKIP draft follows `may_read_draft`."""
    if kind == "tabel":
        if person.role == Role.ADMIN:
            return _("Operator tidak membaca isian unit; tabel gabungan dibaca penyusun laporan.")
        if person.role == Role.KASI and report.state in BEFORE_COMPILED:
            return _(
                "Tabel gabungan semua unit dapat dibaca setelah format dihimpun (langkah 4). "
                "Isian unit Anda ada di halaman isian unit Anda."
            )
    if kind == "lakip" and report.has_draft and not may_read_draft(person, report):
        return _("Operator membaca LAKIP setelah ditandatangani Camat.")
    return None


def document_report_for(request, pk: int, kind: str) -> Report:
    report = report_for(request, pk)
    if report.is_quarter:
        # The LAKIP's documents do not exist for a quarter (its own: `quarter_document_for`).
        raise Http404
    refusal = document_refusal(person_for(request), report, kind)
    if refusal:
        raise PermissionDenied(refusal)
    return report


# ---- The plan and its Perjanjian Kinerja --------------------------------------------------
#
# The plan of a year is the office's: the Kasubag PEP (`jf`) and the operator prepare it, the
# Sekcam reviews and the Camat signs its PK, and each Kasi reads the indicators his unit
# answers for (and his unit's PK). A person without an office (the kabupaten reader) finds no
# plan at all (404), like another office's objects.

PLAN_READERS = frozenset({Role.CAMAT, Role.SEKCAM, Role.JF, Role.ADMIN})


def plan_scope(person: Person) -> int | None:
    """The unit whose indicators this person reads, or None for the whole plan."""
    return None if person.role in PLAN_READERS else person.unit_id


def may_read_plan(person: Person | None) -> bool:
    if person is None or person.office_id is None:
        return False
    return person.role in PLAN_READERS or (person.role == Role.KASI and person.unit_id is not None)


def plan_year_for(request, tahun: int) -> tuple[Person, Year]:
    """The year of the person's office whose plan they may read (404 without an office or
    such a year; 403 for a role that reads no plan)."""
    person = person_for(request)
    if person.office_id is None:
        raise Http404
    year = get_object_or_404(
        Year.objects.select_related("office__kabupaten"), office_id=person.office_id, year=tahun
    )
    if not may_read_plan(person):
        raise PermissionDenied(
            _("Rencana kinerja dibaca Camat, Sekretaris Camat, Kasi/Kasubag dan penyusunnya.")
        )
    return person, year


def plan_edit_refusal(person: Person, year: Year) -> str | None:
    """Why this person may not change the year's plan now, or None."""
    if not may_prepare_plan(person, year.office_id):
        return _(
            "Rencana kinerja disiapkan oleh Kasubag Perencanaan, Evaluasi dan Pelaporan dan "
            "operator; Anda dapat membacanya."
        )
    return plan_lock_reason(year)


def may_edit_plan(person: Person, year: Year) -> bool:
    return plan_edit_refusal(person, year) is None


def plan_preparer_for(request, tahun: int) -> tuple[Person, Year]:
    """A year whose plan this person prepares (the plan may still be locked by its PK: the
    services refuse that with the reason)."""
    person, year = plan_year_for(request, tahun)
    if not may_prepare_plan(person, year.office_id):
        raise PermissionDenied(plan_edit_refusal(person, year))
    return person, year


def plan_target_for(request, tahun: int, target_pk: int) -> tuple[Person, Year, Target]:
    """One row of the year's plan (a target with its indicator) the person may read."""
    person, year = plan_year_for(request, tahun)
    target = get_object_or_404(
        Target.objects.select_related(
            "indikator__sasaran", "indikator__unit", "indikator__nomenklatur", "year"
        ),
        pk=target_pk,
        year=year,
    )
    scope = plan_scope(person)
    if scope is not None and target.indikator.unit_id != scope:
        raise PermissionDenied(_("Indikator ini dibidangi unit lain."))
    return person, year, target


def may_read_perjanjian(person: Person, perjanjian: PerjanjianKinerja) -> bool:
    """The office's PKs for the plan's readers; a Kasi reads his own unit's PK."""
    if person.office_id != perjanjian.office_id:
        return False
    scope = plan_scope(person)
    return scope is None or perjanjian.unit_id == scope


def perjanjian_for(request, tahun: int, perjanjian_pk: int) -> tuple[Person, PerjanjianKinerja]:
    person, year = plan_year_for(request, tahun)
    perjanjian = get_object_or_404(
        PerjanjianKinerja.objects.select_related("office__kabupaten", "year", "unit", "amends"),
        pk=perjanjian_pk,
        year=year,
    )
    if not may_read_perjanjian(person, perjanjian):
        raise PermissionDenied(
            _("Perjanjian Kinerja ini milik unit lain; Anda membaca PK unit Anda sendiri.")
        )
    return person, perjanjian


# ---- The quarterly measurement ------------------------------------------------------------
#
# A quarter's measurement is a report of the year's office with its period (TW I–IV). Its
# units' rows follow the rules above (a unit's head, the office-wide roles); the quarter's
# pages and documents are read by the office's people; its combined figures (every unit's
# rows) like the compiled table: the office-wide roles, and a Kasi once the quarter closed.


def measurement_year_for(request, tahun: int) -> tuple[Person, Year]:
    """A year of the person's office whose quarters they may follow (404 without an office
    or such a year)."""
    person = person_for(request)
    if person.office_id is None:
        raise Http404
    year = get_object_or_404(
        Year.objects.select_related("office__kabupaten"), office_id=person.office_id, year=tahun
    )
    return person, year


def quarter_report_for(request, tahun: int, tw: int) -> tuple[Person, Report]:
    """The quarter's measurement of the person's office (404 if it was never opened)."""
    if tw not in (1, 2, 3, 4):
        raise Http404
    person, year = measurement_year_for(request, tahun)
    report = get_object_or_404(
        Report.objects.select_related("office__kabupaten", "year"), year=year, period=tw
    )
    return person, report


def quarter_figures_refusal(person: Person, report: Report) -> str | None:
    """Why this person may not read every unit's figures of the quarter, or None."""
    if person.role == Role.ADMIN:
        return _("Operator tidak membaca isian unit; capaian triwulan dibaca penyusun laporan.")
    if is_office_wide(person, report):
        return None
    if person.role == Role.KASI and report.is_closed:
        return None
    return _(
        "Capaian semua unit pada triwulan ini dapat dibaca setelah pengukurannya ditutup. "
        "Isian unit Anda ada di halaman isian unit Anda."
    )


def quarter_document_for(request, tahun: int, tw: int, kind: str) -> tuple[Person, Report]:
    """A document of the quarter: the invitation, attendance list and minutes for the
    office's people; the measurement report (every unit's figures) as
    `quarter_figures_refusal` says."""
    person, report = quarter_report_for(request, tahun, tw)
    entry = QUARTER_KINDS.get(kind)
    if entry is not None and entry.figures:
        refusal = quarter_figures_refusal(person, report)
        if refusal:
            raise PermissionDenied(refusal)
    return person, report


def measurer_for(person: Person, report: Report) -> Report:
    if not may_measure(person, report):
        raise PermissionDenied(
            _(
                "Rapat dan tindak lanjut pengukuran triwulan dicatat oleh Sekretaris Camat; "
                "Anda dapat membacanya di halaman triwulan."
            )
        )
    return report
