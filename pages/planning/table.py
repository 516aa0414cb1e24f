"""The plan page's table: the year's sasaran with their indicators and targets, each row
formatted once from the plan's snapshot (the same data a PK freezes), with its checks and
links; and the budget lines."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse

from sakip.models import Aggregation, Polarity, SasaranStrategis, TargetKind, Unit, Year
from sakip.planning.checks import PlanBlocker, blockers_by_target, plan_blockers
from sakip.planning.snapshot import (
    plan_budget,
    plan_snapshot,
    plan_targets,
    quarter_texts,
    renstra_of,
    renstra_text,
    rupiah,
    target_text,
    total_pagu,
)


def _label(choices, value: str) -> str:
    return str(choices(value).label) if value in choices.values else value


@dataclass
class PlanRowView:
    """One indicator with its target of the year, ready for the template."""

    ind: dict
    number: int
    tahun: int
    problems: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        ind = self.ind
        self.pk = ind["target_id"]
        self.dom_id = f"rencana-{self.pk}"
        self.name = ind["name"]
        self.iku = ind["iku"]
        self.satuan = ind["satuan"]
        self.target = target_text(ind)
        self.tw = quarter_texts(ind)
        self.renstra = renstra_text(ind)
        self.kind = _label(TargetKind, ind["target_kind"])
        self.polarity = _label(Polarity, ind["polarity"])
        self.lower = ind["polarity"] == Polarity.LOWER
        self.aggregation = _label(Aggregation, ind["aggregation"])
        self.definition = ind["definition"]
        self.sumber_data = ind["sumber_data"]
        self.unit = ind["unit"]
        self.nomenklatur_code = ind["nomenklatur_code"]
        self.nomenklatur_name = ind["nomenklatur_name"]
        self.is_complete = not self.problems
        self.problems_title = "; ".join(self.problems)
        self.edit_url = reverse("planning:row_edit", args=[self.tahun, self.pk])
        self.remove_url = reverse("planning:row_remove", args=[self.tahun, self.pk])


@dataclass
class SasaranGroup:
    pk: int
    code: str
    name: str
    rows: list[PlanRowView]


@dataclass
class PlanTable:
    year: Year
    groups: list[SasaranGroup]
    blockers: list[PlanBlocker]
    budget: list[dict]
    budget_total: str
    snapshot: dict

    @property
    def rows(self) -> list[PlanRowView]:
        return [r for g in self.groups for r in g.rows]


def supplying_units(year: Year) -> set[int]:
    return set(
        Unit.objects.filter(office_id=year.office_id, supplies_data=True).values_list(
            "pk", flat=True
        )
    )


def plan_table(year: Year, *, unit_id: int | None = None, with_empty: bool = False) -> PlanTable:
    """The year's plan for the page (a unit's indicators only with `unit_id`). With
    `with_empty`, the Renstra's sasaran that have no indicator this year are listed too, so
    the preparer can add one under them."""
    targets = list(plan_targets(year))
    budget = list(plan_budget(year))
    snapshot = plan_snapshot(year, targets=targets, budget=budget)
    blockers = plan_blockers(snapshot, supplying_units=supplying_units(year), unit_id=unit_id)
    problems = blockers_by_target(blockers)
    groups: list[SasaranGroup] = []
    number = 0
    for s in snapshot["sasaran"]:
        rows = []
        for ind in s["indikator"]:
            if unit_id is not None and ind["unit_id"] != unit_id:
                continue
            number += 1
            rows.append(PlanRowView(ind, number, year.year, problems.get(ind["target_id"], [])))
        if rows:
            groups.append(SasaranGroup(s["id"], s["code"], s["name"], rows))
    if with_empty:
        shown = {g.pk for g in groups}
        renstra = renstra_of(year)
        empty = SasaranStrategis.objects.filter(office_id=year.office_id).exclude(pk__in=shown)
        if renstra is not None:
            empty = empty.filter(Q(renstra=renstra) | Q(renstra__isnull=True))
        groups += [SasaranGroup(s.pk, s.code, s.name, []) for s in empty.order_by("order", "pk")]
    lines = [
        {
            "pk": line.pk,
            "code": line.nomenklatur.code,
            "name": line.nomenklatur.name,
            "kind": line.nomenklatur.get_kind_display(),
            "pagu": rupiah(str(line.pagu)),
            "realisasi": rupiah(str(line.realisasi)),
            "dom_id": f"anggaran-{line.pk}",
            "edit_url": reverse("planning:anggaran_edit", args=[year.year, line.pk]),
            "remove_url": reverse("planning:anggaran_remove", args=[year.year, line.pk]),
        }
        for line in budget
    ]
    programs = [b for b in snapshot["anggaran"] if b["kind"] == "program"]
    return PlanTable(
        year=year,
        groups=groups,
        blockers=blockers,
        budget=lines,
        budget_total=rupiah(str(total_pagu(programs))),
        snapshot=snapshot,
    )


def row_view(year: Year, target_id: int) -> PlanRowView | None:
    """One row as the page shows it (after an in-place save), with its checks."""
    table = plan_table(year)
    return next((r for r in table.rows if r.pk == target_id), None)
