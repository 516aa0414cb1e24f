"""The plan in force for a report's year, for Bab II, the PK tables and Bab III B.

Everything the LAKIP's draft says about the plan goes through `plan_in_force`: the signed
Perjanjian Kinerja in force for the year (its frozen version, the same one step 2 and the PK
lampiran read), or, for a year imported without one, the year's targets and budget lines.
Only the budget's realisation is read live: the agreement fixes the pagu, not the spending."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from documents.selectors.planning import perjanjian_for_report
from documents.selectors.shared import target_display
from sakip.models import Anggaran, Nomenklatur, NomenklaturKind, Target
from sakip.planning.snapshot import programs as agreed_programs
from sakip.planning.snapshot import target_text
from workflow.models import Report


def _program_of(nomenklatur: Nomenklatur | None) -> Nomenklatur | None:
    """The program above a kegiatan or sub kegiatan (the level budgets are kept at)."""
    node = nomenklatur
    while node is not None and node.kind != NomenklaturKind.PROGRAM:
        node = node.parent
    return node


CENT = Decimal("0.01")


def _percent(part: Decimal, whole: Decimal) -> Decimal | None:
    return (part / whole * 100).quantize(CENT, rounding=ROUND_HALF_UP) if whole else None


def plan_in_force(report: Report) -> dict:
    """Sasaran → indicators with the year's target and the program behind each, and the
    program budgets with the sasaran they serve. Plain data (ids, strings, Decimals)."""
    perjanjian = perjanjian_for_report(report)
    if perjanjian is not None and perjanjian.snapshot is not None:
        return _from_agreement(report, perjanjian)
    return _from_targets(report)


def _program_code(code: str) -> str:
    """7.01.02.2.01.0001 → 7.01.02: the program a kegiatan or sub kegiatan belongs to."""
    return ".".join(code.split(".")[:3]) if code else ""


def _from_agreement(report: Report, perjanjian) -> dict:
    content = perjanjian.snapshot
    sasaran: list[dict] = []
    program_sasaran: dict[str, list[int]] = {}
    for number, s in enumerate(content["sasaran"], start=1):
        rows = []
        for ind in s["indikator"]:
            program = _program_code(ind["nomenklatur_code"])
            rows.append(
                {
                    "id": ind["id"],
                    "name": ind["name"],
                    "target": target_text(ind),
                    "unit": ind["unit"],
                    "kegiatan": ind["nomenklatur_name"],
                    "kegiatan_code": ind["nomenklatur_code"],
                    "program_code": program,
                }
            )
            if program:
                ids = program_sasaran.setdefault(program, [])
                if s["id"] not in ids:
                    ids.append(s["id"])
        sasaran.append({"id": s["id"], "number": number, "name": s["name"], "indikator": rows})
    spent = _realisation_by_program(report)
    items = []
    for line in agreed_programs(content):
        pagu = Decimal(line["pagu"] or 0)
        realisasi = spent.get(line["code"], Decimal(0))
        items.append(
            {
                "code": line["code"],
                "name": line["name"],
                "pagu": pagu,
                "realisasi": realisasi,
                "percent": _percent(realisasi, pagu),
                "sasaran_ids": program_sasaran.get(line["code"], []),
            }
        )
    return {
        "source": "perjanjian",
        "perjanjian": str(perjanjian),
        "sasaran": sasaran,
        "programs": items,
        "pagu": sum((p["pagu"] for p in items), Decimal(0)),
        "realisasi": sum((p["realisasi"] for p in items), Decimal(0)),
    }


def _realisation_by_program(report: Report) -> dict[str, Decimal]:
    """The year's budget realisation per program: the program's own line where the office
    keeps one, else the sum of its kegiatan's and sub kegiatan's lines."""
    own: dict[str, Decimal] = {}
    below: dict[str, Decimal] = {}
    lines = Anggaran.objects.filter(year=report.year).select_related("nomenklatur")
    for a in lines:
        code = a.nomenklatur.code
        if a.nomenklatur.kind == NomenklaturKind.PROGRAM:
            own[code] = own.get(code, Decimal(0)) + a.realisasi
        else:
            program = _program_code(code)
            below[program] = below.get(program, Decimal(0)) + a.realisasi
    return {**below, **own}


def _from_targets(report: Report) -> dict:
    targets = (
        Target.objects.filter(year=report.year, indikator__office=report.office)
        .select_related(
            "indikator__sasaran",
            "indikator__unit",
            "indikator__nomenklatur__parent__parent",
        )
        .order_by("indikator__sasaran__order", "indikator__sasaran_id", "indikator__order", "pk")
    )
    sasaran: list[dict] = []
    program_sasaran: dict[str, list[int]] = {}
    for t in targets:
        ind = t.indikator
        if not sasaran or sasaran[-1]["id"] != ind.sasaran_id:
            sasaran.append(
                {
                    "id": ind.sasaran_id,
                    "number": len(sasaran) + 1,
                    "name": ind.sasaran.name,
                    "indikator": [],
                }
            )
        program = _program_of(ind.nomenklatur)
        nomen = ind.nomenklatur
        sasaran[-1]["indikator"].append(
            {
                "id": ind.pk,
                "name": ind.name,
                "target": target_display(ind, t),
                "unit": ind.unit.name,
                "kegiatan": nomen.name if nomen else "",
                "kegiatan_code": nomen.code if nomen else "",
                "program_code": program.code if program else "",
            }
        )
        if program is not None:
            ids = program_sasaran.setdefault(program.code, [])
            if ind.sasaran_id not in ids:
                ids.append(ind.sasaran_id)
    programs = []
    for a in (
        Anggaran.objects.filter(
            year=report.year,
            nomenklatur__office=report.office,
            nomenklatur__kind=NomenklaturKind.PROGRAM,
        )
        .select_related("nomenklatur")
        .order_by("nomenklatur__code")
    ):
        programs.append(
            {
                "code": a.nomenklatur.code,
                "name": a.nomenklatur.name,
                "pagu": a.pagu,
                "realisasi": a.realisasi,
                "percent": _percent(a.realisasi, a.pagu),
                "sasaran_ids": program_sasaran.get(a.nomenklatur.code, []),
            }
        )
    return {
        "source": "target",
        "sasaran": sasaran,
        "programs": programs,
        "pagu": sum((p["pagu"] for p in programs), Decimal(0)),
        "realisasi": sum((p["realisasi"] for p in programs), Decimal(0)),
    }


def efficiency(sasaran: list[dict], plan: dict) -> list[dict]:
    """Bab III B: per sasaran, the mean capaian of its measured indicators against the
    realisation of the budget of the programs behind them. Efficiency = capaian % / budget
    realisation %; above 1, the sasaran achieved relatively more than it spent."""
    out = []
    for s in sasaran:
        measured = [r["capaian"] for r in s["rows"] if r["capaian"] is not None]
        capaian = (
            (sum(measured) / len(measured)).quantize(CENT, rounding=ROUND_HALF_UP)
            if measured
            else None
        )
        programs = [p for p in plan["programs"] if s["id"] in p["sasaran_ids"]]
        pagu = sum((p["pagu"] for p in programs), Decimal(0))
        real = sum((p["realisasi"] for p in programs), Decimal(0))
        absorbed = _percent(real, pagu)
        ratio = (
            (capaian / absorbed).quantize(CENT, rounding=ROUND_HALF_UP)
            if capaian is not None and absorbed
            else None
        )
        out.append(
            {
                "sasaran_id": s["id"],
                "number": s["number"],
                "name": s["name"],
                "capaian": capaian,
                "programs": [f"{p['code']} {p['name']}" for p in programs],
                "pagu": pagu,
                "realisasi": real,
                "absorbed": absorbed,
                "ratio": ratio,
            }
        )
    return out
