"""The letters and minutes of the procedure: nota dinas (step 1), berita acara of the
finalisation meeting (step 8), surat pengantar (step 11)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from documents.selectors.shared import (
    ACTOR_ORDER,
    DocumentMissing,
    _report_head,
    person_data,
    signatory,
)
from sakip.models import Person, Role
from workflow.models import LetterKind, LetterNumber, Meeting, MeetingKind, Report


def nota_dinas_data(report: Report) -> dict:
    nota = getattr(report, "nota_dinas", None)
    if nota is None:
        raise DocumentMissing(_("Laporan ini belum memiliki nota dinas."))
    return {
        **_report_head(report),
        "nomor": nota.nomor,
        "tanggal": nota.tanggal,
        "kepada": nota.kepada,
        "dari": nota.dari,
        "tembusan": [t.strip() for t in nota.tembusan.splitlines() if t.strip()],
        "sifat": nota.sifat,
        "lampiran": nota.lampiran,
        "hal": nota.hal,
        "isi": nota.isi,
        "signatory": signatory(report.office, Role.CAMAT, nota.tanggal),
    }


def _attendee_rank(person: Person) -> tuple:
    order = {r: i for i, r in enumerate(ACTOR_ORDER)}
    return (order.get(person.role, 9), 0 if person.heads_unit else 1, person.full_name)


def berita_acara_data(report: Report) -> dict:
    meeting = (
        Meeting.objects.filter(report=report, kind=MeetingKind.FINALISATION)
        .select_related("chaired_by")
        .first()
    )
    if meeting is None:
        raise DocumentMissing(_("Laporan ini belum memiliki rapat finalisasi (langkah 8)."))
    people = sorted(meeting.attendees.all(), key=_attendee_rank)
    attendees = [{"name": p.full_name, "jabatan": p.jabatan} for p in people]
    for line in meeting.other_attendees.splitlines():
        if line.strip():
            name, _sep, jabatan = line.partition(";")
            attendees.append({"name": name.strip(), "jabatan": jabatan.strip()})
    chair = (
        person_data(meeting.chaired_by)
        if meeting.chaired_by
        else signatory(report.office, Role.CAMAT, meeting.date)
    )
    number = report_letter(report, LetterKind.BERITA_ACARA)
    return {
        **_report_head(report),
        "number": number.number if number else "",
        "date": meeting.date,
        "start_time": meeting.start_time,
        "place": meeting.place,
        "agenda": meeting.agenda,
        "decisions": meeting.decisions,
        "attendees": attendees,
        "chair": chair,
        "secretary": signatory(report.office, Role.SEKCAM, meeting.date),
    }


def report_letter(report: Report, kind: str) -> LetterNumber | None:
    """The report's latest register number for that letter."""
    return (
        LetterNumber.objects.filter(report=report, kind=kind).order_by("-issued_at", "-pk").first()
    )


def surat_pengantar_data(report: Report) -> dict:
    letter = report_letter(report, LetterKind.SURAT_PENGANTAR)
    if letter is None:
        raise DocumentMissing(_("Surat pengantar belum bernomor (langkah 11 belum dilakukan)."))
    date = timezone.localdate(letter.issued_at)
    copies = getattr(report, "copies", None)
    dispatch = getattr(report, "dispatch_record", None)
    return {
        **_report_head(report),
        "number": letter.number,
        "date": date,
        "copies": copies.count if copies else None,
        "recipient": dispatch.recipient if dispatch else "",
        "signatory": signatory(report.office, Role.CAMAT, date),
    }
