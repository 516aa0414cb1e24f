"""Steps 1 and 2: the Camat orders the year's LAKIP with a nota dinas; the Sekcam meets the
section heads and distributes the format, one submission per responsible unit, its rows
taken from the signed Perjanjian Kinerja in force for the year."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sakip.models import Person, PlanRow, Target, TargetKind, Unit, Year
from sakip.planning.quarters import year_value
from sakip.planning.snapshot import PLAN_RELATED, indicators, indikator_data
from workflow import hooks
from workflow.measurement import measured_quarters
from workflow.models import LetterKind, Meeting, MeetingKind, NotaDinas, Report, Submission
from workflow.models.perjanjian import office_agreement_in_force
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


def agreement_rows(report: Report) -> list[tuple[Target, dict]]:
    """The targets of the signed office PK in force for the report's year, in its order, each
    with the indicator as the PK froze it. Refused, with a link to the plan page, when no PK
    is signed, or when the live plan no longer matches it (a PK Perubahan is under way)."""
    year = report.year
    agreement = office_agreement_in_force(year)
    link = {
        "link_url": hooks.plan_page_path(year.year),
        "link_label": _("Buka rencana kinerja %(year)s") % {"year": year.year},
    }
    if agreement is None:
        raise TransitionRefused(
            _(
                "Perjanjian Kinerja Kecamatan %(office)s tahun %(year)s belum ditandatangani. "
                "Format pengumpulan diisi dari PK yang berlaku: siapkan dan tandatangani PK "
                "lebih dulu."
            )
            % {"office": report.office.name, "year": year.year},
            **link,
        )
    frozen = [ind for _s, ind in indicators(agreement.snapshot)]
    targets = Target.objects.filter(pk__in=[i["target_id"] for i in frozen]).select_related(
        *PLAN_RELATED
    )
    by_id = {t.pk: t for t in targets}
    for ind in frozen:
        target = by_id.get(ind["target_id"])
        # Targets are the year's own; the indicator itself is the Renstra's and shared by
        # the years, so a wording fixed in next year's plan does not stop this year's report.
        if target is None or indikator_data(target)["target"] != ind["target"]:
            raise TransitionRefused(
                _(
                    "Rencana tahun %(year)s sudah berubah sejak %(pk)s ditandatangani "
                    "(indikator “%(name)s”). Selesaikan dan tandatangani PK Perubahan lebih dulu."
                )
                % {"year": year.year, "pk": agreement, "name": ind["name"]},
                **link,
            )
    if not frozen:
        raise TransitionRefused(_("%(pk)s tidak memuat indikator.") % {"pk": agreement}, **link)
    return [(by_id[ind["target_id"]], ind) for ind in frozen]


def report_distribute(*, report: Report, person: Person, meeting: dict, attendees) -> Report:
    """Step 2: the Sekcam meets the section heads and distributes the format: one submission
    per responsible unit, its rows prefilled from the signed Perjanjian Kinerja in force for
    the year (its indicators, targets, units and sumber data as the PK froze them)."""

    def before(report: Report, _target) -> None:
        rows = agreement_rows(report)
        m = Meeting.objects.create(report=report, kind=MeetingKind.COORDINATION, **meeting)
        m.attendees.set(attendees)
        distribute_rows(report, rows, prefill=quarters_prefill(report))

    def after(report: Report, _target) -> None:
        for sub in report.submissions.all():
            records.start_step(report, 3, submission=sub, round=1)

    return run_transition(report, "distribute", person=person, before=before, after=after)


def distribute_rows(report: Report, rows: list[tuple[Target, dict]], prefill=None) -> None:
    """One submission per responsible unit, its rows as the PK froze them (indicator, target,
    unit, sumber data). `prefill(row)` completes each new row before it is saved (a quarter's
    target and earlier realisations; the year's realisation from the quarters)."""
    units = Unit.objects.in_bulk({frozen["unit_id"] for _t, frozen in rows})
    ordered = sorted(units.values(), key=lambda u: (u.order, u.name))
    subs = {u.pk: Submission.objects.create(report=report, unit=u) for u in ordered}
    new_rows = [
        PlanRow(
            submission=subs[frozen["unit_id"]],
            indikator=t.indikator,
            target=t,
            unit=units[frozen["unit_id"]],
            number=n,
            sumber_data=frozen["sumber_data"],
            quarter=report.period,
        )
        for n, (t, frozen) in enumerate(rows, start=1)
    ]
    for row in new_rows:
        if prefill:
            prefill(row)
    PlanRow.objects.bulk_create(new_rows)


def quarters_prefill(report: Report):
    """Step 2: each row's realisation starts from the quarters measured (accepted) during
    the year, by the indicator's aggregation rule, marked with the latest quarter until its
    unit head confirms it; a row whose quarters were never measured starts empty."""
    measured = measured_quarters(report.office_id, report.year_id)

    def prefill(row: PlanRow) -> None:
        values = measured.get(row.indikator_id)
        if not values or row.indikator.target_kind == TargetKind.TEXT:
            return
        figure = year_value(values, row.indikator.aggregation)
        if figure is not None:
            row.realisasi = figure
            row.from_quarter = max(n for n, v in enumerate(values, start=1) if v is not None)

    return prefill
