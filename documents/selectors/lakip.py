"""The LAKIP (PermenPAN-RB 53/2014): rows by sasaran, earlier years, the Renstra, the budget."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from documents.selectors.letters import report_letter
from documents.selectors.planning import lakip_pk
from documents.selectors.rows import report_rows, row_data
from documents.selectors.shared import _report_head, fmt_number, signatory
from sakip.models import Anggaran, NomenklaturKind, PlanRow, Role, TargetKind
from workflow.models import LetterKind, Period, Report


def anggaran_data(year) -> dict:
    """The programs' budget lines of the year (Bab III B): pagu, realisation, percentage."""
    items = []
    programs = Anggaran.objects.filter(year=year, nomenklatur__kind=NomenklaturKind.PROGRAM)
    for a in programs.select_related("nomenklatur").order_by("nomenklatur__code"):
        percent = a.realisasi / a.pagu * 100 if a.pagu else None
        items.append(
            {
                "code": a.nomenklatur.code,
                "name": a.nomenklatur.name,
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


def _history(report: Report, indikator_ids: list[int]) -> dict[int, list[dict]]:
    """The same indicators in the office's earlier years' reports (not their quarters),
    oldest first."""
    earlier = (
        PlanRow.objects.filter(
            indikator_id__in=indikator_ids,
            submission__report__office=report.office,
            submission__report__year__year__lt=report.year.year,
            submission__report__period=Period.ANNUAL,
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
    letter = report_letter(report, LetterKind.SURAT_PENGANTAR)
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
        # Bab II and Lampiran I: the Perjanjian Kinerja in force for this report's year.
        "perjanjian": lakip_pk(report),
        "letter_number": letter.number if letter else "",
    }
