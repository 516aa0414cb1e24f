"""What each document shows, as plain data (dicts, lists, strings, numbers, dates).

One selector per document. The PDF templates, the HTML pages and the Excel export read the
same data, and the draft cache hashes it: a document is rendered again only when this data
changes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone
from django.utils.numberformat import format as number_format
from django.utils.translation import gettext as _

from sakip.capaian import capaian_for_row
from sakip.models import Anggaran, Person, PlanRow, Role, TargetKind, Tenure
from workflow.models import LetterKind, LetterNumber, Meeting, MeetingKind, Report, Step

ACTOR_ORDER = [Role.CAMAT, Role.SEKCAM, Role.KASI, Role.JF]


class DocumentMissing(Exception):
    """The report does not have this document yet (e.g. no finalisation meeting)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# ---- Shared pieces --------------------------------------------------------------------------


def fmt_number(value, places: int | None = None) -> str:
    """Indonesian number (1.234,5) without trailing zeros, whatever language is active."""
    if value is None:
        return ""
    number = Decimal(str(value))
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places))
    else:
        number = number.normalize()
        if number.as_tuple().exponent > 0:
            number = number.quantize(Decimal(1))
    return number_format(number, ",", grouping=3, thousand_sep=".", force_grouping=True)


def office_data(office) -> dict:
    return {
        "name": office.name,
        "kabupaten": office.kabupaten.name,
        "address": office.address,
        "postal_code": office.postal_code,
        "phone": office.phone,
        "email": office.email,
        "website": office.website,
        "city": office.city or office.name,
        "letter_code": office.letter_code,
        "letter_classification": office.letter_classification,
    }


def person_data(person: Person | None, *, acting: bool = False) -> dict:
    if person is None:
        return {"name": "", "jabatan": "", "pangkat": "", "nip": "", "acting": False}
    return {
        "name": person.full_name,
        "jabatan": person.jabatan,
        "pangkat": person.pangkat_golongan,
        "nip": person.nip,
        "acting": acting,
    }


def signatory(office, role: str, on: dt.date, *, unit=None) -> dict:
    """The person who held the post on the document's date (Tenure); if the register has no
    tenure for that date, the office's current holder of the role."""
    tenures = Tenure.objects.filter(office=office, role=role, start__lte=on).filter(
        Q(end__isnull=True) | Q(end__gte=on)
    )
    if unit is not None:
        tenures = tenures.filter(unit=unit)
    tenure = tenures.select_related("person").order_by("-start").first()
    if tenure is not None:
        return person_data(tenure.person, acting=tenure.acting)
    people = Person.objects.filter(office=office, role=role)
    if unit is not None:
        people = people.filter(unit=unit)
    return person_data(people.order_by("-heads_unit", "pk").first())


def target_display(indikator, target) -> str:
    satuan = indikator.satuan
    if indikator.target_kind == TargetKind.TEXT:
        return target.text
    if indikator.target_kind == TargetKind.RANGE and target.value_max is not None:
        return f"{fmt_number(target.value)}–{fmt_number(target.value_max)} {satuan}".strip()
    return _with_unit(fmt_number(target.value), satuan)


def _with_unit(number: str, satuan: str) -> str:
    if not number:
        return ""
    return f"{number}{satuan}" if satuan == "%" else f"{number} {satuan}".strip()


def row_data(row: PlanRow, bands) -> dict:
    """One row of the nine-column table with its capaian."""
    ind = row.indikator
    cap = capaian_for_row(row, bands=bands)
    if row.belum_berjalan:
        realisasi = _("Kegiatan belum berjalan")
    elif ind.target_kind == TargetKind.TEXT or row.realisasi is None:
        realisasi = row.realisasi_text
    else:
        realisasi = _with_unit(fmt_number(row.realisasi), ind.satuan)
    nomen = ind.nomenklatur
    return {
        "pk": row.pk,
        "number": row.number,
        "sasaran": ind.sasaran.name,
        "sasaran_id": ind.sasaran_id,
        "indikator": ind.name,
        "indikator_id": ind.pk,
        "satuan": ind.satuan,
        "polarity": ind.polarity,
        "kind": ind.target_kind,
        "target": target_display(ind, row.target),
        "target_value": row.target.value,
        "target_max": row.target.value_max,
        "realisasi": realisasi,
        "realisasi_value": None if row.belum_berjalan else row.realisasi,
        "capaian": cap.rounded,
        "capaian_display": fmt_number(cap.rounded, places=2) if cap.rounded is not None else "",
        "formula": cap.formula,
        "band": cap.band.code if cap.band else "",
        "band_label": cap.band.label if cap.band else "",
        "program": f"{nomen.code} {nomen.name}" if nomen else "",
        "sumber_data": row.sumber_data,
        "unit": row.unit.name,
        "keterangan": row.keterangan,
        "belum_berjalan": row.belum_berjalan,
        "belum_berjalan_reason": row.belum_berjalan_reason,
        "analysis": row.analysis,
        "renstra": (
            ind.renstra_target_text
            if ind.target_kind == TargetKind.TEXT
            else _with_unit(fmt_number(ind.renstra_target), ind.satuan)
        ),
        "renstra_value": ind.renstra_target,
    }


def report_rows(report: Report) -> list[PlanRow]:
    return list(
        PlanRow.objects.filter(submission__report=report)
        .select_related(
            "indikator__sasaran", "indikator__nomenklatur", "target", "unit", "submission"
        )
        .order_by("number")
    )


def _report_head(report: Report) -> dict:
    return {
        "pk": report.pk,
        "year": report.year.year,
        "state": report.state,
        "state_label": report.get_state_display(),
        "office": office_data(report.office),
    }


# ---- The nine-column table ------------------------------------------------------------------


def table_data(report: Report) -> dict:
    bands = report.year.bands
    return {
        **_report_head(report),
        "date": timezone.localdate(),
        "rows": [row_data(r, bands) for r in report_rows(report)],
    }


# ---- Nota dinas, berita acara, surat pengantar ------------------------------------------------


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
    number = _letter(report, LetterKind.BERITA_ACARA)
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


def _letter(report: Report, kind: str) -> LetterNumber | None:
    """The report's latest register number for that letter."""
    return (
        LetterNumber.objects.filter(report=report, kind=kind).order_by("-issued_at", "-pk").first()
    )


def surat_pengantar_data(report: Report) -> dict:
    letter = _letter(report, LetterKind.SURAT_PENGANTAR)
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


# ---- The SOP --------------------------------------------------------------------------------


def sop_data(report: Report) -> dict:
    office = report.office
    year = report.year.year
    steps = [
        {
            "number": s.number,
            "name": s.name,
            "actors": [ACTOR_ORDER.index(r) for r in s.actor_roles if r in ACTOR_ORDER],
            "kelengkapan": s.kelengkapan,
            "minutes": s.minutes,
            "output": s.output,
            "note": s.note,
        }
        for s in Step.objects.filter(office=office).order_by("number")
    ]
    made = dt.date(year, 1, 2)
    return {
        "office": office_data(office),
        "year": year,
        "nomor": f"{office.letter_classification}/   /{office.letter_code}/I/{year}",
        "made": made,
        "camat": signatory(office, Role.CAMAT, made),
        "steps": steps,
        "total_minutes": sum(s["minutes"] for s in steps),
    }


# ---- Budget ---------------------------------------------------------------------------------


def anggaran_data(year) -> dict:
    items = []
    for a in Anggaran.objects.filter(year=year).select_related("program").order_by("program__code"):
        percent = a.realisasi / a.pagu * 100 if a.pagu else None
        items.append(
            {
                "code": a.program.code,
                "name": a.program.name,
                "pagu": a.pagu,
                "realisasi": a.realisasi,
                "percent": percent.quantize(Decimal("0.01")) if percent is not None else None,
            }
        )
    pagu = sum((i["pagu"] for i in items), Decimal(0))
    real = sum((i["realisasi"] for i in items), Decimal(0))
    return {
        "items": items,
        "pagu": pagu,
        "realisasi": real,
        "percent": (real / pagu * 100).quantize(Decimal("0.01")) if pagu else None,
    }


# ---- The LAKIP ------------------------------------------------------------------------------


def _history(report: Report, indikator_ids: list[int]) -> dict[int, list[dict]]:
    """The same indicators in the office's earlier reports, oldest first."""
    earlier = (
        PlanRow.objects.filter(
            indikator_id__in=indikator_ids,
            submission__report__office=report.office,
            submission__report__year__year__lt=report.year.year,
        )
        .select_related("indikator__sasaran", "indikator__nomenklatur", "target", "unit")
        .select_related("submission__report__year")
        .order_by("submission__report__year__year")
    )
    out: dict[int, list[dict]] = {}
    for row in earlier:
        year = row.submission.report.year
        data = row_data(row, year.bands)
        out.setdefault(row.indikator_id, []).append(
            {
                "year": year.year,
                "target": data["target"],
                "realisasi": data["realisasi"],
                "realisasi_value": data["realisasi_value"],
                "capaian": data["capaian"],
                "capaian_display": data["capaian_display"],
                "band": data["band"],
            }
        )
    return out


def _renstra_capaian(row: dict) -> str:
    """How far this year's realisation has come toward the Renstra end target."""
    from sakip.capaian import compute_capaian

    if row["renstra_value"] is None or row["realisasi_value"] is None:
        return ""
    cap = compute_capaian(
        polarity=row["polarity"],
        kind=TargetKind.NUMBER if row["kind"] == TargetKind.RANGE else row["kind"],
        target=row["renstra_value"],
        realisation=row["realisasi_value"],
    )
    return fmt_number(cap.rounded, places=2) if cap.rounded is not None else ""


def lakip_data(report: Report, *, final: bool = False, on: dt.date | None = None) -> dict:
    """Everything the LAKIP (PermenPAN-RB 53/2014) shows, for the draft and the final."""
    from sakip.capaian import band_for

    on = on or timezone.localdate()
    bands = report.year.bands
    rows = [row_data(r, bands) for r in report_rows(report)]
    history = _history(report, [r["indikator_id"] for r in rows])
    sasaran: list[dict] = []
    for r in rows:
        r["history"] = history.get(r["indikator_id"], [])
        r["renstra_capaian"] = _renstra_capaian(r)
        if not sasaran or sasaran[-1]["id"] != r["sasaran_id"]:
            sasaran.append({"id": r["sasaran_id"], "name": r["sasaran"], "rows": []})
        sasaran[-1]["rows"].append(r)
    for number, s in enumerate(sasaran, start=1):
        s["number"] = number
    measured = [r["capaian"] for r in rows if r["capaian"] is not None]
    average = (sum(measured) / len(measured)).quantize(Decimal("0.01")) if measured else None
    predicate = band_for(average, bands)
    band_counts = [
        {
            "code": b["code"],
            "label": b["label"],
            "min": fmt_number(b["min"]),
            "count": sum(1 for r in rows if r["band"] == b["code"]),
        }
        for b in bands
    ]
    letter = _letter(report, LetterKind.SURAT_PENGANTAR)
    head = _report_head(report)
    # The LAKIP does not print the workflow state; leaving it out of the data keeps the
    # cached draft valid when only the state moves (e.g. handed over for correction).
    del head["state"], head["state_label"]
    return {
        **head,
        "final": final,
        "date": on,
        "camat": signatory(report.office, Role.CAMAT, on),
        "chapters": {
            c.key: {"title": c.title, "body": c.body} for c in report.chapters.order_by("order")
        },
        "sasaran": sasaran,
        "rows": rows,
        "history_years": sorted({h["year"] for hs in history.values() for h in hs}),
        "summary": {
            "indikator": len(rows),
            "measured": len(measured),
            "belum_berjalan": sum(1 for r in rows if r["belum_berjalan"]),
            "text_only": sum(1 for r in rows if r["capaian"] is None and not r["belum_berjalan"]),
            "average": average,
            "average_display": fmt_number(average, places=2) if average is not None else "",
            "predicate": predicate.label if predicate else "",
            "bands": band_counts,
        },
        "anggaran": anggaran_data(report.year),
        "letter_number": letter.number if letter else "",
    }
