"""The plan in force for a report's year, for Bab II, the PK tables and Bab III B.

Today the plan is read from the year's targets (`Target`) and program budgets (`Anggaran`).
When the signed Perjanjian Kinerja exists (issue 12), this is the one function to change:
everything the LAKIP says about the plan goes through `plan_in_force`."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from documents.selectors.shared import target_display
from sakip.models import Anggaran, Nomenklatur, Target
from sakip.models.plan import NomenklaturKind
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
        Anggaran.objects.filter(year=report.year, program__office=report.office)
        .select_related("program")
        .order_by("program__code")
    ):
        programs.append(
            {
                "code": a.program.code,
                "name": a.program.name,
                "pagu": a.pagu,
                "realisasi": a.realisasi,
                "percent": _percent(a.realisasi, a.pagu),
                "sasaran_ids": program_sasaran.get(a.program.code, []),
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
