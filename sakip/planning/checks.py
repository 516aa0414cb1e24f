"""What keeps a year's plan from being agreed: the checks listed on the plan page, like the
blockers of the entry page. A Perjanjian Kinerja cannot be submitted while one fails.

They run on a snapshot (`snapshot.plan_snapshot`), so the live plan and a frozen version are
checked by the same code."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from sakip.models import Aggregation, Polarity, TargetKind
from sakip.planning.snapshot import indicators, show, undec

ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class PlanBlocker:
    indikator_id: int
    target_id: int
    indikator: str
    message: str

    def __str__(self) -> str:
        return f"{self.indikator}: {self.message}"


def indikator_problems(ind: dict, *, supplying_units: set[int] | None = None) -> list[str]:
    """Every problem of one indicator of the plan, one Indonesian phrase each."""
    problems = []
    kind = ind["target_kind"]
    target = ind["target"]
    text_kind = kind == TargetKind.TEXT
    if not text_kind and not ind["satuan"].strip():
        problems.append(_("satuan belum diisi"))
    if not ind["definition"].strip():
        problems.append(_("definisi/formula belum diisi"))
    if not ind["sumber_data"].strip():
        problems.append(_("sumber data belum diisi"))
    if supplying_units is not None and ind["unit_id"] not in supplying_units:
        problems.append(
            _("%(unit)s bukan unit penyuplai data; pilih seksi/subbagian yang membidangi")
            % {"unit": ind["unit"]}
        )
    if text_kind:
        if not target["text"].strip():
            problems.append(_("target tahun ini belum diisi"))
        if not ind["renstra_target_text"].strip():
            problems.append(_("target akhir Renstra belum diisi"))
        return problems
    if target["value"] is None:
        problems.append(_("target tahun ini belum diisi"))
    if ind["renstra_target"] is None:
        problems.append(_("target akhir Renstra belum diisi"))
    problems += _quarter_problems(ind)
    return problems


def _quarter_problems(ind: dict) -> list[str]:
    kind, rule = ind["target_kind"], ind["aggregation"]
    quarters = [undec(v) for v in ind["target"]["tw"]]
    value, value_max = undec(ind["target"]["value"]), undec(ind["target"]["value_max"])
    problems = []
    if rule in (Aggregation.CUMULATIVE, Aggregation.LAST) and value is not None:
        tw4 = quarters[3]
        if tw4 is None:
            problems.append(_("target TW IV belum diisi"))
        elif kind == TargetKind.RANGE and value_max is not None:
            if not value <= tw4 <= value_max:
                problems.append(
                    _("target TW IV (%(tw4)s) di luar rentang target tahun ini")
                    % {"tw4": show(ind["target"]["tw"][3])}
                )
        elif tw4 != value:
            problems.append(
                _("target TW IV (%(tw4)s) tidak sama dengan target tahun ini (%(year)s)")
                % {"tw4": show(ind["target"]["tw"][3]), "year": show(ind["target"]["value"])}
            )
    # A cumulative count grows by nature (cases so far), so only the other lower-is-better
    # indicators (a waiting time, a rate) must not plan to get worse through the year.
    if ind["polarity"] == Polarity.LOWER and rule != Aggregation.CUMULATIVE:
        rise = _first_rise(quarters)
        if rise is not None:
            before, after = rise
            problems.append(
                _(
                    "indikator semakin rendah semakin baik, tetapi target triwulannya naik dari "
                    "TW %(a)s ke TW %(b)s"
                )
                % {"a": ROMAN[before], "b": ROMAN[after]}
            )
    return problems


def _first_rise(values: list[Decimal | None]) -> tuple[int, int] | None:
    present = [(i, v) for i, v in enumerate(values) if v is not None]
    for (i, a), (j, b) in zip(present, present[1:], strict=False):
        if b > a:
            return i, j
    return None


def plan_blockers(
    snapshot: dict, *, supplying_units: set[int] | None = None, unit_id: int | None = None
) -> list[PlanBlocker]:
    """The failing checks of a plan snapshot (of one unit's indicators with `unit_id`)."""
    out = []
    mine = [ind for _s, ind in indicators(snapshot) if unit_id is None or ind["unit_id"] == unit_id]
    if not mine:
        out.append(PlanBlocker(0, 0, "", _("rencana tahun ini belum memuat indikator")))
    for ind in mine:
        for problem in indikator_problems(ind, supplying_units=supplying_units):
            out.append(PlanBlocker(ind["id"], ind["target_id"], ind["name"], problem))
    return out


def blockers_by_target(blockers: Iterable[PlanBlocker]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for b in blockers:
        out.setdefault(b.target_id, []).append(b.message)
    return out
