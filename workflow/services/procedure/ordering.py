"""Steps 1 and 2: the Camat orders the year's LAKIP with a nota dinas; the Sekcam meets the
section heads and distributes the format, one submission per data-supplying unit."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sakip.models import Person, PlanRow, Target, Year
from workflow.models import LetterKind, Meeting, MeetingKind, NotaDinas, Report, Submission
from workflow.permissions import can_act_on_report
from workflow.services import records
from workflow.services.core import (
    TransitionDenied,
    TransitionRefused,
    contention_as_stale,
    run_transition,
)
from workflow.services.letters import letter_number_allocate
from workflow.services.notifications import notify_started
from workflow.services.procedure.drafting import create_chapters


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
        number = letter_number_allocate(
            office=report.office,
            person=person,
            report=report,
            date=nota["tanggal"],
            kind=LetterKind.NOTA_DINAS,
            purpose=_("Nota dinas penyusunan LAKIP Tahun %(year)s") % {"year": year.year},
        )
        nota = {**nota, "nomor": number.number}
        NotaDinas.objects.create(report=report, **nota)
        records.finish_step(report, 1, actor=person)
        opened = records.start_step(report, 2)
        records.audit(report, "sakip.report.created", person, step=1, nota=nota.get("nomor"))
        create_chapters(report)
        transaction.on_commit(lambda: notify_started([opened.pk]))
    return report


def nota_dinas_defaults(person: Person, year: Year) -> dict:
    office, today = person.office, timezone.localdate()
    return {
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
                    sumber_data=t.indikator.sumber_data,
                )
                for n, t in enumerate(targets, start=1)
            ]
        )

    def after(report: Report, _target) -> None:
        for sub in report.submissions.all():
            records.start_step(report, 3, submission=sub, round=1)

    return run_transition(report, "distribute", person=person, before=before, after=after)
