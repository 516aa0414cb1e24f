"""The plan of a year frozen as data: what a Perjanjian Kinerja agrees to.

A snapshot is plain JSON (numbers as exact decimal strings), so a signed version keeps its
content whatever later happens to the live plan; Bab II of the LAKIP, its PK lampiran and
step 2 of the procedure read a version's snapshot, never the live plan. The same function
builds the live preview of a draft, so a draft and its signed version look the same."""

from __future__ import annotations

from decimal import Decimal

from sakip.models import Anggaran, NomenklaturKind, Renstra, Target, TargetKind, Year
from sakip.numbers import format_id_decimal

FORMAT = 1
PLAN_RELATED = ("indikator__sasaran", "indikator__unit", "indikator__nomenklatur")


def plan_targets(year: Year):
    """The year's plan rows: one target per indicator, in the plan's order."""
    return (
        Target.objects.filter(year=year)
        .select_related(*PLAN_RELATED)
        .order_by(
            "indikator__sasaran__order", "indikator__sasaran_id", "indikator__order", "indikator_id"
        )
    )


def plan_budget(year: Year):
    return (
        Anggaran.objects.filter(year=year)
        .select_related("nomenklatur")
        .order_by("nomenklatur__code")
    )


def dec(value: Decimal | None) -> str | None:
    """A decimal as an exact, plain string (`90`, `2.5`), or None."""
    if value is None:
        return None
    text = format(value.normalize(), "f")
    return text


def undec(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def renstra_of(year: Year) -> Renstra | None:
    return (
        Renstra.objects.filter(
            office_id=year.office_id, start_year__lte=year.year, end_year__gte=year.year
        )
        .order_by("-start_year")
        .first()
    )


def indikator_data(target: Target) -> dict:
    ind = target.indikator
    nomen = ind.nomenklatur
    return {
        "id": ind.pk,
        "target_id": target.pk,
        "name": ind.name,
        "iku": ind.iku,
        "satuan": ind.satuan,
        "polarity": ind.polarity,
        "target_kind": ind.target_kind,
        "aggregation": ind.aggregation,
        "definition": ind.definition,
        "alasan": ind.alasan,
        "sumber_data": ind.sumber_data,
        "unit_id": ind.unit_id,
        "unit": ind.unit.name,
        "nomenklatur_id": nomen.pk if nomen else None,
        "nomenklatur_code": nomen.code if nomen else "",
        "nomenklatur_name": nomen.name if nomen else "",
        "target": {
            "value": dec(target.value),
            "value_max": dec(target.value_max),
            "text": target.text,
            "tw": [dec(target.tw1), dec(target.tw2), dec(target.tw3), dec(target.tw4)],
        },
        "renstra_target": dec(ind.renstra_target),
        "renstra_target_text": ind.renstra_target_text,
    }


def budget_data(line: Anggaran) -> dict:
    n = line.nomenklatur
    return {
        "id": line.pk,
        "nomenklatur_id": n.pk,
        "code": n.code,
        "name": n.name,
        "kind": n.kind,
        "pagu": dec(line.pagu),
    }


def plan_snapshot(year: Year, *, targets=None, budget=None) -> dict:
    """The whole plan of the office's year: sasaran with their indicators and targets, and
    the budget lines. `targets` and `budget` may be given when already read."""
    targets = list(plan_targets(year) if targets is None else targets)
    budget = list(plan_budget(year) if budget is None else budget)
    sasaran: list[dict] = []
    for target in targets:
        s = target.indikator.sasaran
        if not sasaran or sasaran[-1]["id"] != s.pk:
            sasaran.append({"id": s.pk, "code": s.code, "name": s.name, "indikator": []})
        sasaran[-1]["indikator"].append(indikator_data(target))
    renstra = renstra_of(year)
    return {
        "format": FORMAT,
        "year": year.year,
        "renstra": {"name": renstra.name, "period": renstra.period} if renstra else None,
        "sasaran": sasaran,
        "anggaran": [budget_data(line) for line in budget],
    }


def indicators(snapshot: dict):
    """Every indicator of a snapshot with its sasaran, in order: (sasaran, indikator)."""
    for s in snapshot["sasaran"]:
        for ind in s["indikator"]:
            yield s, ind


def for_unit(snapshot: dict, unit_id: int) -> dict:
    """A unit's part of the office's snapshot: its indicators, and for each the most specific
    budget line behind it (the sub kegiatan's, else its kegiatan's, else its program's)."""
    sasaran = []
    codes = set()
    for s in snapshot["sasaran"]:
        mine = [i for i in s["indikator"] if i["unit_id"] == unit_id]
        if mine:
            sasaran.append({**s, "indikator": mine})
            codes |= {i["nomenklatur_code"] for i in mine if i["nomenklatur_code"]}
    lines = {}
    for code in codes:
        behind = budget_behind(snapshot["anggaran"], code)
        if behind:
            lines[behind["code"]] = behind
    return {**snapshot, "sasaran": sasaran, "anggaran": [lines[c] for c in sorted(lines)]}


def budget_behind(lines: list[dict], code: str) -> dict | None:
    """The budget line with the longest code that is `code` or one of its ancestors."""
    best = None
    for line in lines:
        if code == line["code"] or code.startswith(line["code"] + "."):
            if best is None or len(line["code"]) > len(best["code"]):
                best = line
    return best


def programs(snapshot: dict) -> list[dict]:
    return [line for line in snapshot["anggaran"] if line["kind"] == NomenklaturKind.PROGRAM]


# ---- Display ----------------------------------------------------------------------------


def with_satuan(number: str, satuan: str) -> str:
    if not number:
        return ""
    if not satuan:
        return number
    return f"{number}{satuan}" if satuan == "%" else f"{number} {satuan}"


def show(text: str | None) -> str:
    """A snapshot number the Indonesian way: `90`, `2,5`, `1.234`."""
    return "" if text is None else format_id_decimal(Decimal(text))


def target_text(ind: dict) -> str:
    """The year's target as printed: `90%`, `15 dokumen`, `65–75 nilai`, or the text."""
    t = ind["target"]
    if ind["target_kind"] == TargetKind.TEXT:
        return t["text"]
    if ind["target_kind"] == TargetKind.RANGE and t["value_max"] is not None:
        return with_satuan(f"{show(t['value'])}–{show(t['value_max'])}", ind["satuan"])
    return with_satuan(show(t["value"]), ind["satuan"])


def quarter_texts(ind: dict) -> list[str]:
    if ind["target_kind"] == TargetKind.TEXT:
        return ["", "", "", ""]
    return [with_satuan(show(v), ind["satuan"]) for v in ind["target"]["tw"]]


def renstra_text(ind: dict) -> str:
    if ind["target_kind"] == TargetKind.TEXT:
        return ind["renstra_target_text"]
    return with_satuan(show(ind["renstra_target"]), ind["satuan"])


def rupiah(text: str | None) -> str:
    return "" if text is None else format_id_decimal(Decimal(text), 0)


def total_pagu(lines: list[dict]) -> Decimal:
    return sum((Decimal(line["pagu"]) for line in lines if line["pagu"]), Decimal(0))
