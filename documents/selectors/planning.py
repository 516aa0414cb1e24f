"""The plan's documents read frozen content: a Perjanjian Kinerja its own version's snapshot
(or, while it is a draft, the live plan it will freeze), the IKU and the Rencana Aksi the
office's PK in force (or the live plan, marked as a draft, before one is signed). The LAKIP
asks `perjanjian_for_report` for the PK of its year, so Bab II, its PK lampiran and step 2
read the same version."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from documents.selectors.shared import office_data
from sakip.models import NomenklaturKind, Unit, Year
from sakip.planning.parties import parties
from sakip.planning.snapshot import (
    budget_behind,
    for_unit,
    indicators,
    plan_snapshot,
    programs,
    quarter_texts,
    renstra_text,
    rupiah,
    target_text,
    total_pagu,
)
from workflow.models import PerjanjianKinerja, Report
from workflow.models.perjanjian import office_agreement_in_force


def perjanjian_for_report(report: Report) -> PerjanjianKinerja | None:
    """The Perjanjian Kinerja in force for report X: the office's latest signed version of
    the report's year."""
    return office_agreement_in_force(report.year)


def pk_sasaran(content: dict) -> list[dict]:
    """`No | Sasaran Strategis | Indikator Kinerja | Target`, grouped by sasaran."""
    return [
        {
            "number": n,
            "name": s["name"],
            "rows": [
                {"indikator": i["name"], "target": target_text(i), "iku": i["iku"]}
                for i in s["indikator"]
            ],
        }
        for n, s in enumerate(content["sasaran"], start=1)
    ]


def pk_budget(content: dict, *, unit: bool) -> dict:
    """`No | Program | Anggaran`: the programs of the office's PK; the lines behind a unit's
    indicators for a unit's PK."""
    lines = content["anggaran"] if unit else programs(content)
    return {
        "header": "Program/Kegiatan/Sub Kegiatan" if unit else "Program",
        "items": [
            {"number": n, "code": line["code"], "name": line["name"], "pagu": rupiah(line["pagu"])}
            for n, line in enumerate(lines, start=1)
        ],
        "total": rupiah(str(total_pagu(lines))),
    }


def lakip_pk(report: Report) -> dict | None:
    """Bab II and Lampiran I of the LAKIP: the PK in force for the report, or None."""
    perjanjian = perjanjian_for_report(report)
    if perjanjian is None or perjanjian.snapshot is None:
        return None
    content = perjanjian.snapshot
    return {
        "version": perjanjian.version,
        "title": str(perjanjian),
        "reason": perjanjian.reason,
        "dated": perjanjian.dated,
        "sasaran": pk_sasaran(content),
        "anggaran": pk_budget(content, unit=False),
        "pihak_pertama": content.get("pihak_pertama"),
        "pihak_kedua": content.get("pihak_kedua"),
    }


def perjanjian_data(perjanjian: PerjanjianKinerja, *, on: dt.date | None = None) -> dict:
    """Everything the Perjanjian Kinerja document shows, from this version's content."""
    content = perjanjian.content()
    on = perjanjian.dated or on or timezone.localdate()
    if "pihak_pertama" in content:
        first, second = content["pihak_pertama"], content["pihak_kedua"]
    else:
        first, second = parties(perjanjian.office, on, unit=perjanjian.unit)
    is_unit = perjanjian.unit_id is not None
    return {
        "year": perjanjian.year.year,
        "office": office_data(perjanjian.office),
        "unit": perjanjian.unit.name if is_unit else "",
        "version": perjanjian.version,
        "amendment": perjanjian.is_amendment,
        "reason": perjanjian.reason,
        "date": on,
        "final": perjanjian.is_signed,
        "pihak_pertama": first,
        "pihak_kedua": second,
        # The Camat signs electronically: Pihak Pertama of the office's PK, Pihak Kedua of a
        # unit's.
        "camat_is_first": not is_unit,
        "sasaran": pk_sasaran(content),
        "anggaran": pk_budget(content, unit=is_unit),
        "renstra": content.get("renstra"),
    }


def plan_content(year: Year, *, unit: Unit | None = None) -> tuple[dict, PerjanjianKinerja | None]:
    """The year's plan as its documents show it: the office's PK in force, else the live
    plan (a draft). A unit's part where `unit` is given."""
    agreement = office_agreement_in_force(year)
    content = agreement.snapshot if agreement is not None else plan_snapshot(year)
    if unit is not None:
        content = for_unit(content, unit.pk)
    return content, agreement


def _head(year: Year, unit: Unit | None, agreement: PerjanjianKinerja | None) -> dict:
    on = (agreement.dated if agreement else None) or timezone.localdate()
    camat, _second = parties(year.office, on)
    return {
        "year": year.year,
        "office": office_data(year.office),
        "unit": unit.name if unit else "",
        "final": agreement is not None,
        "source": str(agreement) if agreement else "",
        "date": on,
        "camat": camat,
    }


def iku_data(year: Year, *, unit: Unit | None = None) -> dict:
    """`No | Sasaran Strategis | Indikator Kinerja Utama | Alasan/Formula | Sumber Data |
    Penanggung Jawab`: the IKU indicators of the year."""
    content, agreement = plan_content(year, unit=unit)
    rows = [
        {
            "sasaran": s["name"],
            "indikator": i["name"],
            "alasan": i["alasan"],
            "formula": i["definition"],
            "satuan": i["satuan"],
            "sumber_data": i["sumber_data"],
            "unit": i["unit"],
        }
        for s, i in indicators(content)
        if i["iku"]
    ]
    for n, row in enumerate(rows, start=1):
        row["number"] = n
    return {**_head(year, unit, agreement), "rows": rows}


def rencana_aksi_data(year: Year, *, unit: Unit | None = None) -> dict:
    """Per indicator its TW I–IV targets and the kegiatan behind it (the sub kegiatan, its
    kegiatan and the budget line that funds it)."""
    content, agreement = plan_content(year, unit=unit)
    parents = _kegiatan_names(year, content)
    sasaran = []
    for n, s in enumerate(content["sasaran"], start=1):
        rows = []
        for i in s["indikator"]:
            line = (
                budget_behind(content["anggaran"], i["nomenklatur_code"])
                if i["nomenklatur_code"]
                else None
            )
            rows.append(
                {
                    "indikator": i["name"],
                    "target": target_text(i),
                    "tw": quarter_texts(i),
                    "renstra": renstra_text(i),
                    "code": i["nomenklatur_code"],
                    "kegiatan": parents.get(i["nomenklatur_code"], ""),
                    "sub_kegiatan": i["nomenklatur_name"],
                    "pagu": rupiah(line["pagu"]) if line else "",
                    "pagu_of": line["code"] if line else "",
                    "unit": i["unit"],
                }
            )
        sasaran.append({"number": n, "name": s["name"], "rows": rows})
    return {**_head(year, unit, agreement), "sasaran": sasaran}


def _kegiatan_names(year: Year, content: dict) -> dict[str, str]:
    """{sub kegiatan code: its kegiatan's code and name}."""
    from sakip.models import Nomenklatur

    codes = {i["nomenklatur_code"] for _s, i in indicators(content) if i["nomenklatur_code"]}
    out = {}
    for n in Nomenklatur.objects.filter(office_id=year.office_id, code__in=codes).select_related(
        "parent"
    ):
        if n.kind == NomenklaturKind.SUB_KEGIATAN and n.parent is not None:
            out[n.code] = f"{n.parent.code} {n.parent.name}"
    return out
