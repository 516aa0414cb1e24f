"""The 13 steps as services, one per action, named `<entity>_<action>`. Each goes through
`run_transition` (lock, permission, transition, save, records, audit, mail on commit)."""

from __future__ import annotations

import datetime as dt
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sakip.models import Person, PlanRow, Target, Year
from sakip.rules import row_blockers
from workflow import hooks
from workflow.models import (
    Chapter,
    CopyRecord,
    Dispatch,
    Meeting,
    MeetingKind,
    NotaDinas,
    Report,
    RevisionItem,
    RevisionRequest,
    Submission,
    SubmissionSnapshot,
)
from workflow.permissions import can_act_on_report
from workflow.services import records
from workflow.services.core import (
    TransitionDenied,
    TransitionRefused,
    WorkflowError,
    contention_as_stale,
    run_transition,
)
from workflow.services.letters import format_letter_number, letter_number_allocate
from workflow.services.notifications import notify_started

logger = logging.getLogger(__name__)

# The LAKIP chapters written at step 6 (PermenPAN-RB 53/2014), in order.
CHAPTERS = [
    ("kata_pengantar", _("Kata Pengantar")),
    ("ikhtisar", _("Ikhtisar Eksekutif")),
    ("bab1", _("Bab I Pendahuluan")),
    ("bab2", _("Bab II Perencanaan Kinerja")),
    ("bab3_analisis", _("Bab III Akuntabilitas Kinerja: Analisis Capaian")),
    ("bab3_efisiensi", _("Bab III Akuntabilitas Kinerja: Efisiensi Sumber Daya")),
    ("bab3_program", _("Bab III Akuntabilitas Kinerja: Program Pendukung")),
    ("bab4", _("Bab IV Penutup")),
]


# ---- Step 1 -----------------------------------------------------------------------------


def report_create(*, person: Person, year: Year, nota: dict) -> Report:
    """Step 1: the Camat orders the year's LAKIP together with a nota dinas."""
    with contention_as_stale(), transaction.atomic():
        probe = Report(office=person.office, year=year)
        if person.office_id is None or year.office_id != person.office_id:
            raise TransitionDenied(_("Tahun ini bukan milik kantor Anda."))
        if not can_act_on_report(person, probe, 1):
            raise TransitionDenied(_("Hanya Camat yang dapat memerintahkan penyusunan LAKIP."))
        try:
            with transaction.atomic():
                report = Report.objects.create(office=person.office, year=year, created_by=person)
        except IntegrityError:
            raise TransitionRefused(
                _("LAKIP tahun %(year)s sudah dibuat.") % {"year": year.year}
            ) from None
        NotaDinas.objects.create(report=report, **nota)
        records.finish_step(report, 1, actor=person)
        opened = records.start_step(report, 2)
        records.audit(report, "sakip.report.created", person, step=1, nota=nota.get("nomor"))
        _create_chapters(report)
        transaction.on_commit(lambda: notify_started([opened.pk]))
    return report


def nota_dinas_defaults(person: Person, year: Year) -> dict:
    office, today = person.office, timezone.localdate()
    return {
        # The office's own pattern with the sequence left blank, as the SOP writes 900/ /CMK/I/2025.
        "nomor": format_letter_number(office, sequence="   ", date=today),
        "tanggal": today,
        "kepada": _("Sekretaris Camat %(office)s") % {"office": office.name},
        "dari": _("Camat %(office)s") % {"office": office.name},
        "tembusan": _("Kasi dan Kasubag di lingkungan Kecamatan %(office)s")
        % {"office": office.name},
        "sifat": _("Penting"),
        "lampiran": "-",
        "hal": _("Penyusunan Laporan Kinerja (LAKIP) Tahun %(year)s") % {"year": year.year},
        "isi": _(
            "Dalam rangka pelaksanaan Sistem Akuntabilitas Kinerja Instansi Pemerintah sesuai "
            "Peraturan Presiden Nomor 29 Tahun 2014 dan Peraturan Menteri PAN-RB Nomor 53 Tahun "
            "2014, dengan ini Saudara diperintahkan untuk mengoordinasikan penyusunan Laporan "
            "Kinerja Kecamatan %(office)s Tahun %(year)s sesuai SOP Perencanaan Kinerja, "
            "mulai dari pengumpulan data dan informasi kinerja dari seluruh Kasi dan Kasubag "
            "sampai dengan pengiriman dokumen LAKIP.\n\nDemikian disampaikan untuk dilaksanakan "
            "dengan penuh tanggung jawab."
        )
        % {"office": office.name, "year": year.year},
    }


def _create_chapters(report: Report) -> None:
    Chapter.objects.bulk_create(
        [
            Chapter(report=report, key=key, title=str(title), order=i)
            for i, (key, title) in enumerate(CHAPTERS)
        ]
    )


# ---- Step 2 -----------------------------------------------------------------------------


def report_distribute(*, report: Report, person: Person, meeting: dict, attendees) -> Report:
    """Step 2: the Sekcam meets the section heads and distributes the format: one submission
    per data-supplying unit, its rows prefilled from the year's indicators and targets."""

    def before(report: Report, _target) -> None:
        targets = list(
            Target.objects.filter(year=report.year, indikator__office=report.office)
            .select_related("indikator__unit", "indikator__sasaran")
            .order_by("indikator__sasaran__order", "indikator__order", "indikator_id")
        )
        if not targets:
            raise TransitionRefused(
                _("Belum ada target indikator untuk tahun %(year)s.") % {"year": report.year.year}
            )
        m = Meeting.objects.create(report=report, kind=MeetingKind.COORDINATION, **meeting)
        m.attendees.set(attendees)
        units = sorted({t.indikator.unit for t in targets}, key=lambda u: (u.order, u.name))
        subs = {u.pk: Submission.objects.create(report=report, unit=u) for u in units}
        PlanRow.objects.bulk_create(
            [
                PlanRow(
                    submission=subs[t.indikator.unit_id],
                    indikator=t.indikator,
                    target=t,
                    unit=t.indikator.unit,
                    number=n,
                    sumber_data=t.indikator.data_source,
                )
                for n, t in enumerate(targets, start=1)
            ]
        )

    def after(report: Report, _target) -> None:
        for sub in report.submissions.all():
            records.start_step(report, 3, submission=sub, round=1)

    return run_transition(report, "distribute", person=person, before=before, after=after)


# ---- Steps 3–5 ----------------------------------------------------------------------------


def submission_blockers(submission: Submission) -> list[str]:
    """What still keeps a unit from submitting, one message per problem."""
    problems = []
    rows = submission.rows.select_related("indikator", "target").prefetch_related("evidence")
    for row in rows:
        problems += [f"{_('Baris')} {row.number}: {p}" for p in row_blockers(row)]
    return problems


def submission_submit(*, submission: Submission, person: Person) -> Submission:
    """Step 3: the unit's head sends the filled rows. A snapshot of the round is kept so the
    next round can show what changed."""

    def before(report: Report, sub: Submission) -> None:
        problems = submission_blockers(sub)
        if problems:
            raise TransitionRefused(
                _("Isian belum lengkap: %(problems)s") % {"problems": "; ".join(problems)}
            )
        SubmissionSnapshot.objects.update_or_create(
            submission=sub, round=sub.round, defaults={"rows": snapshot_rows(sub)}
        )
        sub.submitted_at = timezone.now()

    def after(report: Report, sub: Submission) -> None:
        states = set(report.submissions.values_list("state", flat=True))
        if report.state == "pengumpulan" and states <= {"dikirim", "diterima"}:
            records.start_step(report, 4)
        if report.state == "evaluasi":
            records.start_step(report, 5, submission=sub, round=sub.round)

    return run_transition(submission, "submit", person=person, before=before, after=after)


SNAPSHOT_FIELDS = [
    "realisasi",
    "realisasi_text",
    "sumber_data",
    "keterangan",
    "belum_berjalan",
    "belum_berjalan_reason",
]


def snapshot_rows(submission: Submission) -> dict:
    out = {}
    for row in submission.rows.prefetch_related("evidence"):
        cells = {f: _jsonable(getattr(row, f)) for f in SNAPSHOT_FIELDS}
        cells["evidence"] = sorted(e.original_name for e in row.evidence.all())
        out[str(row.pk)] = cells
    return out


def _jsonable(value):
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value.normalize()) if hasattr(value, "normalize") else str(value)


def report_collect(*, report: Report, person: Person) -> Report:
    """Step 4: staff compile every unit's format and pass it on for evaluation."""

    def after(report: Report, _t) -> None:
        # The evaluation as a whole (closed by finish_evaluation) and each unit's part.
        records.start_step(report, 5)
        for sub in report.submissions.filter(state="dikirim"):
            records.start_step(report, 5, submission=sub, round=sub.round)

    return run_transition(report, "collect", person=person, after=after)


def submission_accept(*, submission: Submission, person: Person) -> Submission:
    """Step 5: the Sekcam accepts a unit's submission."""

    def before(report, sub):
        sub.accepted_at = timezone.now()

    return run_transition(submission, "accept", person=person, before=before)


def submission_return(
    *, submission: Submission, person: Person, reason: str, row_notes: dict[int, str] | None = None
) -> Submission:
    """Step 5: return one unit's submission with a reason (and notes on rows); the unit is
    back at step 3 in a new round. Every other unit keeps its state and rows."""
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError(_("Alasan pengembalian wajib diisi."))
    row_notes = {k: v.strip() for k, v in (row_notes or {}).items() if v and v.strip()}

    def before(report, sub):
        request = RevisionRequest.objects.create(
            report=report,
            submission=sub,
            step_number=5,
            round=sub.round,
            reason=reason,
            created_by=person,
        )
        rows = {r.pk: r for r in sub.rows.filter(pk__in=row_notes)}
        if set(row_notes) - set(rows):
            raise WorkflowError(_("Catatan menunjuk baris yang bukan milik isian ini."))
        RevisionItem.objects.bulk_create(
            [
                RevisionItem(request=request, row=rows[pk], note=note)
                for pk, note in row_notes.items()
            ]
        )

    def after(report, sub):
        records.start_step(report, 3, submission=sub, round=sub.round)

    return run_transition(
        submission,
        "return_for_revision",
        person=person,
        note=reason,
        before=before,
        after=after,
        payload={"rows": sorted(row_notes)},
    )


def report_finish_evaluation(*, report: Report, person: Person) -> Report:
    """Step 5 done: every submission accepted; drafting (step 6) starts."""
    return run_transition(
        report,
        "finish_evaluation",
        person=person,
        after=lambda r, _t: records.start_step(r, 6, round=r.draft_round),
    )


# ---- Steps 6–7 ----------------------------------------------------------------------------


def draft_submit(*, report: Report, person: Person) -> Report:
    """Step 6 done: the draft goes to the Sekcam for correction."""

    def before(report, _t):
        empty = [c.title for c in report.chapters.all() if not c.body.strip()]
        if empty:
            raise TransitionRefused(
                _("Bab berikut belum ditulis: %(chapters)s") % {"chapters": ", ".join(empty)}
            )

    return run_transition(
        report,
        "submit_draft",
        person=person,
        before=before,
        after=lambda r, _t: records.start_step(r, 7, round=r.draft_round),
    )


def draft_accept(*, report: Report, person: Person) -> Report:
    return run_transition(
        report, "accept_draft", person=person, after=lambda r, _t: records.start_step(r, 8)
    )


def draft_return(
    *,
    report: Report,
    person: Person,
    reason: str,
    chapter_notes: dict[int, str] | None = None,
    transition: str = "return_draft",
) -> Report:
    """Step 7 (or 10): the draft goes back to drafting with a reason, optionally per chapter."""
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError(_("Alasan pengembalian wajib diisi."))
    chapter_notes = {k: v.strip() for k, v in (chapter_notes or {}).items() if v and v.strip()}
    step = 7 if transition == "return_draft" else 10

    def before(report, _t):
        request = RevisionRequest.objects.create(
            report=report,
            step_number=step,
            round=report.draft_round,
            reason=reason,
            created_by=person,
        )
        chapters = {c.pk: c for c in report.chapters.filter(pk__in=chapter_notes)}
        if set(chapter_notes) - set(chapters):
            raise WorkflowError(_("Catatan menunjuk bab yang bukan milik laporan ini."))
        RevisionItem.objects.bulk_create(
            [
                RevisionItem(request=request, chapter=chapters[pk], note=n)
                for pk, n in chapter_notes.items()
            ]
        )

    return run_transition(
        report,
        transition,
        person=person,
        note=reason,
        before=before,
        after=lambda r, _t: records.start_step(r, 6, round=r.draft_round),
        payload={"chapters": sorted(chapter_notes)},
    )


def chapter_update(*, chapter: Chapter, person: Person, body: str, version: int) -> Chapter:
    """Save a chapter of the draft (step 6), refusing a stale edit."""
    with contention_as_stale(), transaction.atomic():
        locked = Chapter.objects.select_for_update().select_related("report").get(pk=chapter.pk)
        report = locked.report
        if report.state != "penyusunan_draf":
            raise TransitionRefused(_("Draf hanya dapat diubah pada tahap penyusunan draf."))
        if not can_act_on_report(person, report, 6):
            raise TransitionDenied(_("Anda tidak berwenang menyusun draf LAKIP."))
        if locked.version != version:
            raise WorkflowError(
                _("Bab ini sudah diubah oleh %(who)s. Muat ulang untuk melihat isi terbaru.")
                % {"who": locked.updated_by or _("orang lain")}
            )
        locked.body = body
        locked.version += 1
        locked.updated_by = person
        locked.save()
        Report.objects.filter(pk=report.pk).update(data_version=report.data_version + 1)
    return locked


# ---- Steps 8–10 ---------------------------------------------------------------------------


# An earlier finalisation meeting's optional fields do not leak into the new record.
_MEETING_BLANK = {
    "start_time": None,
    "place": "",
    "other_attendees": "",
    "agenda": "",
    "decisions": "",
    "chaired_by": None,
}


def report_finalise(*, report: Report, person: Person, meeting: dict, attendees) -> Report:
    """Step 8: the finalisation meeting (date, place, attendees, decisions). After the Camat
    sent the LAKIP back (step 10), the meeting is held again and its record replaces the
    earlier one: the berita acara shows the meeting that led to the signed final."""

    def before(report, _t):
        m, _created = Meeting.objects.update_or_create(
            report=report,
            kind=MeetingKind.FINALISATION,
            defaults={**_MEETING_BLANK, **meeting},
        )
        m.attendees.set(attendees)

    return run_transition(
        report,
        "finalise",
        person=person,
        before=before,
        after=lambda r, _t: records.start_step(r, 9),
    )


def report_send_for_approval(*, report: Report, person: Person) -> Report:
    return run_transition(
        report, "send_for_approval", person=person, after=lambda r, _t: records.start_step(r, 10)
    )


def report_sign(*, report: Report, person: Person) -> Report:
    """Step 10: the Camat approves and signs. The final PDF is frozen, hashed and signed."""

    def after(report, _t):
        try:
            hooks.freeze_final(report=report, person=person)
        except WorkflowError:
            raise
        except Exception as exc:
            # Rendering or signing failed: the transaction rolls back and the Camat is told,
            # instead of a server error page.
            logger.exception("Signing the final LAKIP of report %s failed", report.pk)
            raise WorkflowError(
                _("Dokumen final gagal dibuat atau ditandatangani; LAKIP belum ditandatangani.")
            ) from exc
        records.start_step(report, 11)

    return run_transition(report, "sign", person=person, after=after)


def report_send_back(*, report: Report, person: Person, reason: str) -> Report:
    """Step 10: the Camat sends the LAKIP back to drafting with a reason."""
    return draft_return(report=report, person=person, reason=reason, transition="send_back")


# ---- Steps 11–13 --------------------------------------------------------------------------


def report_number_letter(*, report: Report, person: Person, date: dt.date | None = None) -> Report:
    """Step 11: the cover letter takes the next number of the office's register."""

    def before(report, _t):
        letter_number_allocate(
            office=report.office,
            person=person,
            report=report,
            date=date,
            purpose=_("Surat pengantar LAKIP Tahun %(year)s") % {"year": report.year.year},
        )

    return run_transition(
        report,
        "number_letter",
        person=person,
        before=before,
        after=lambda r, _t: records.start_step(r, 12),
    )


def report_duplicate(
    *, report: Report, person: Person, count: int, recipients: str, made_at
) -> Report:
    def before(report, _t):
        CopyRecord.objects.create(
            report=report, count=count, recipients=recipients, made_at=made_at
        )

    return run_transition(
        report,
        "duplicate",
        person=person,
        before=before,
        after=lambda r, _t: records.start_step(r, 13),
    )


def report_dispatch(*, report: Report, person: Person, dispatch: dict) -> Report:
    """Step 13: the LAKIP is sent; the report is closed and read-only."""

    def before(report, _t):
        Dispatch.objects.create(report=report, **dispatch)

    return run_transition(report, "dispatch", person=person, before=before)
