"""Writes of the year's plan from the plan page: sasaran, indicators with their target of the
year, and budget lines. Each runs in one transaction with the year's row locked (the same
row a PK transition locks first), checks that the person prepares the plan and that the plan
is open (`plan_lock_reason`), refuses a stale edit (version), and records the change through
`plan_changed` (audit, the report's data version)."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from sakip.models import (
    Anggaran,
    Indikator,
    Nomenklatur,
    Person,
    PlanRow,
    SasaranStrategis,
    Target,
    Unit,
    Year,
)
from sakip.planning.snapshot import renstra_of
from workflow.models.perjanjian import plan_lock_reason
from workflow.permissions import may_prepare_plan
from workflow.services.content import plan_changed
from workflow.services.core import TransitionDenied, TransitionRefused, WorkflowError

INDIKATOR_FIELDS = [
    "name",
    "iku",
    "definition",
    "alasan",
    "satuan",
    "polarity",
    "target_kind",
    "aggregation",
    "sumber_data",
    "unit",
    "nomenklatur",
    "renstra_target",
    "renstra_target_text",
]
TARGET_FIELDS = ["value", "value_max", "text", "tw1", "tw2", "tw3", "tw4"]


class StalePlan(WorkflowError):
    """Someone saved this part of the plan after the form was loaded; `current` is what is
    stored now (the target with its indicator, the sasaran, or the budget line)."""

    def __init__(self, message: str, current) -> None:
        super().__init__(message)
        self.current = current


def lock_year(year: Year) -> Year:
    return Year.objects.select_for_update().select_related("office").get(pk=year.pk)


def check_plan_open(person: Person, year: Year) -> None:
    """Raise unless `person` may change the year's plan now."""
    if not may_prepare_plan(person, year.office_id):
        raise TransitionDenied(
            _(
                "Rencana kinerja disiapkan oleh Kasubag Perencanaan, Evaluasi dan Pelaporan "
                "dan operator; Anda hanya dapat membacanya."
            )
        )
    reason = plan_lock_reason(year)
    if reason:
        raise TransitionRefused(reason)


def _check_office(year: Year, **objects) -> None:
    for name, obj in objects.items():
        if obj is not None and obj.office_id != year.office_id:
            raise TransitionDenied(_("%(what)s bukan milik kantor Anda.") % {"what": name})


def _who(person: Person | None) -> str:
    return str(person) if person else _("orang lain")


# ---- Years ------------------------------------------------------------------------------


def year_open(*, person: Person, year: int) -> Year:
    """Add a year to the office, so its plan can be prepared."""
    if not may_prepare_plan(person, person.office_id):
        raise TransitionDenied(_("Tahun baru dibuka oleh Kasubag PEP atau operator."))
    with transaction.atomic():
        created_year, created = Year.objects.get_or_create(office_id=person.office_id, year=year)
        if not created:
            raise TransitionRefused(_("Tahun %(year)s sudah ada.") % {"year": year})
        plan_changed(created_year, person=person, action="sakip.plan.year_opened")
    return created_year


# ---- Sasaran ----------------------------------------------------------------------------


def sasaran_add(*, year: Year, person: Person, name: str, code: str = "") -> SasaranStrategis:
    """A new sasaran strategis of the Renstra that covers the year."""
    with transaction.atomic():
        year = lock_year(year)
        check_plan_open(person, year)
        last = SasaranStrategis.objects.filter(office_id=year.office_id).aggregate(m=Max("order"))
        sasaran = SasaranStrategis.objects.create(
            office_id=year.office_id,
            renstra=renstra_of(year),
            name=name.strip(),
            code=code.strip(),
            order=(last["m"] or 0) + 1,
        )
        plan_changed(year, person=person, action="sakip.plan.sasaran_added", sasaran=sasaran.pk)
    return sasaran


def sasaran_update(
    *, year: Year, sasaran: SasaranStrategis, person: Person, values: dict, version: int
) -> SasaranStrategis:
    with transaction.atomic():
        year = lock_year(year)
        check_plan_open(person, year)
        _check_office(year, sasaran=sasaran)
        saved = SasaranStrategis.objects.filter(pk=sasaran.pk, version=version).update(
            **values, version=F("version") + 1
        )
        if not saved:
            current = SasaranStrategis.objects.get(pk=sasaran.pk)
            raise StalePlan(
                _(
                    "Sasaran ini sudah diubah orang lain sebelum Anda menyimpan; isian Anda belum "
                    "disimpan."
                ),
                current,
            )
        plan_changed(year, person=person, action="sakip.plan.sasaran_updated", sasaran=sasaran.pk)
    return SasaranStrategis.objects.get(pk=sasaran.pk)


# ---- Indicators and their targets -------------------------------------------------------


def indikator_add(*, year: Year, person: Person, sasaran: SasaranStrategis, values: dict) -> Target:
    """A new indicator under `sasaran`, with its (possibly still empty) target of the year."""
    with transaction.atomic():
        year = lock_year(year)
        check_plan_open(person, year)
        _check_office(
            year, sasaran=sasaran, unit=values.get("unit"), nomenklatur=values.get("nomenklatur")
        )
        last = Indikator.objects.filter(sasaran=sasaran).aggregate(m=Max("order"))
        ind_values = {k: v for k, v in values.items() if k in INDIKATOR_FIELDS}
        indikator = Indikator.objects.create(
            office_id=year.office_id, sasaran=sasaran, order=(last["m"] or 0) + 1, **ind_values
        )
        target = Target.objects.create(
            indikator=indikator,
            year=year,
            **{k: v for k, v in values.items() if k in TARGET_FIELDS},
        )
        plan_changed(
            year, person=person, action="sakip.plan.indikator_added", indikator=indikator.pk
        )
    return target


def plan_row_update(
    *, target: Target, person: Person, values: dict, versions: tuple[int, int]
) -> Target:
    """Save one row of the plan (the indicator and its target of the year), only if nobody
    saved either since `versions` (indicator's, target's) were read."""
    with transaction.atomic():
        year = lock_year(target.year)
        check_plan_open(person, year)
        _check_office(
            year,
            indikator=target.indikator,
            unit=values.get("unit"),
            nomenklatur=values.get("nomenklatur"),
        )
        _save_row(target, person, values, versions)
        plan_changed(year, person=person, action="sakip.plan.row_updated", target=target.pk)
    return Target.objects.select_related("indikator").get(pk=target.pk)


def _save_row(target: Target, person: Person, values: dict, versions: tuple[int, int]) -> None:
    ind_version, target_version = versions
    ind_values = {k: v for k, v in values.items() if k in INDIKATOR_FIELDS}
    target_values = {k: v for k, v in values.items() if k in TARGET_FIELDS}
    ind_saved = Indikator.objects.filter(pk=target.indikator_id, version=ind_version).update(
        **ind_values, version=F("version") + 1
    )
    target_saved = Target.objects.filter(pk=target.pk, version=target_version).update(
        **target_values, version=F("version") + 1
    )
    if not (ind_saved and target_saved):
        current = Target.objects.select_related("indikator__unit", "indikator__nomenklatur").get(
            pk=target.pk
        )
        raise StalePlan(
            _(
                "Baris “%(name)s” sudah diubah orang lain sebelum Anda menyimpan; isian Anda "
                "belum disimpan."
            )
            % {"name": current.indikator.name},
            current,
        )


def plan_row_remove(*, target: Target, person: Person) -> None:
    """Take an indicator out of the year's plan (its target of the year). The indicator
    itself stays for the other years; a target already used by a report's rows stays."""
    with transaction.atomic():
        year = lock_year(target.year)
        check_plan_open(person, year)
        _check_office(year, indikator=target.indikator)
        if PlanRow.objects.filter(target=target).exists():
            raise TransitionRefused(
                _("Target ini sudah dipakai format pengumpulan LAKIP dan tidak dapat dihapus.")
            )
        name = target.indikator.name
        target.delete()
        plan_changed(year, person=person, action="sakip.plan.row_removed", indikator=name)


# ---- Budget -----------------------------------------------------------------------------


def anggaran_add(
    *,
    year: Year,
    person: Person,
    nomenklatur: Nomenklatur,
    pagu: Decimal,
    realisasi: Decimal | None = None,
) -> Anggaran:
    with transaction.atomic():
        year = lock_year(year)
        check_plan_open(person, year)
        _check_office(year, nomenklatur=nomenklatur)
        if Anggaran.objects.filter(year=year, nomenklatur=nomenklatur).exists():
            raise TransitionRefused(
                _("Anggaran %(code)s tahun ini sudah ada; ubah barisnya.")
                % {"code": nomenklatur.code}
            )
        line = Anggaran.objects.create(
            year=year, nomenklatur=nomenklatur, pagu=pagu, realisasi=realisasi or 0
        )
        plan_changed(year, person=person, action="sakip.plan.budget_added", code=nomenklatur.code)
    return line


def anggaran_update(*, line: Anggaran, person: Person, values: dict, version: int) -> Anggaran:
    with transaction.atomic():
        year = lock_year(line.year)
        check_plan_open(person, year)
        saved = Anggaran.objects.filter(pk=line.pk, version=version).update(
            **values, version=F("version") + 1
        )
        if not saved:
            current = Anggaran.objects.select_related("nomenklatur").get(pk=line.pk)
            raise StalePlan(
                _(
                    "Anggaran %(code)s sudah diubah orang lain sebelum Anda menyimpan; isian "
                    "Anda belum disimpan."
                )
                % {"code": current.nomenklatur.code},
                current,
            )
        plan_changed(year, person=person, action="sakip.plan.budget_updated", line=line.pk)
    return Anggaran.objects.select_related("nomenklatur").get(pk=line.pk)


def anggaran_remove(*, line: Anggaran, person: Person) -> None:
    with transaction.atomic():
        year = lock_year(line.year)
        check_plan_open(person, year)
        code = line.nomenklatur.code
        line.delete()
        plan_changed(year, person=person, action="sakip.plan.budget_removed", code=code)


# ---- The workbook and last year's plan ---------------------------------------------------


def plan_apply(
    *,
    year: Year,
    person: Person,
    rows: dict[int, dict],
    versions: dict[int, tuple[int, int]],
    budget: dict[int, dict],
    budget_versions: dict[int, int],
    new_budget: dict[int, dict],
) -> int:
    """Apply a checked plan workbook: every change or none. `rows` by target id, `budget` by
    budget line id, `new_budget` by nomenklatur id. Refused if anything changed since the
    preview was made."""
    with transaction.atomic():
        year = lock_year(year)
        check_plan_open(person, year)
        targets = {
            t.pk: t
            for t in Target.objects.filter(year=year, pk__in=rows).select_related("indikator")
        }
        lines = {a.pk: a for a in Anggaran.objects.filter(year=year, pk__in=budget)}
        if set(targets) != set(rows) or set(lines) != set(budget):
            raise TransitionRefused(_("Unggahan menunjuk baris yang bukan milik rencana ini."))
        units = set(Unit.objects.filter(office_id=year.office_id).values_list("pk", flat=True))
        for pk, values in rows.items():
            if values.get("unit") is not None and values["unit"].pk not in units:
                raise TransitionDenied(_("Unit bukan milik kantor Anda."))
            _save_row(targets[pk], person, values, versions[pk])
        for pk, values in budget.items():
            if not Anggaran.objects.filter(pk=pk, version=budget_versions[pk]).update(
                **values, version=F("version") + 1
            ):
                raise StalePlan(
                    _(
                        "Anggaran sudah diubah sejak pratinjau dibuat. Tidak ada yang disimpan; "
                        "unggah ulang berkasnya."
                    ),
                    lines[pk],
                )
        nomenklatur = Nomenklatur.objects.filter(office_id=year.office_id, pk__in=new_budget)
        for n in nomenklatur:
            Anggaran.objects.create(year=year, nomenklatur=n, **new_budget[n.pk])
        count = len(rows) + len(budget) + len(new_budget)
        if count:
            plan_changed(
                year,
                person=person,
                action="sakip.plan.imported",
                rows=sorted(rows),
                budget=sorted(budget),
                new_budget=sorted(new_budget),
            )
    return count


def plan_copy(*, year: Year, person: Person) -> int:
    """Copy last year's plan into this empty year: each indicator's target (year, TW I–IV)
    and each budget line's pagu (its realisation starts at zero). Returns the rows made."""
    with transaction.atomic():
        year = lock_year(year)
        check_plan_open(person, year)
        previous = Year.objects.filter(office_id=year.office_id, year=year.year - 1).first()
        if previous is None:
            raise TransitionRefused(
                _("Tahun %(year)s tidak ada; tidak ada yang dapat disalin.")
                % {"year": year.year - 1}
            )
        if Target.objects.filter(year=year).exists() or Anggaran.objects.filter(year=year).exists():
            raise TransitionRefused(
                _("Rencana tahun %(year)s sudah berisi; salinan hanya untuk tahun yang kosong.")
                % {"year": year.year}
            )
        targets = [
            Target(year=year, **{f: getattr(t, f) for f in ["indikator_id", *TARGET_FIELDS]})
            for t in Target.objects.filter(year=previous)
        ]
        lines = [
            Anggaran(year=year, nomenklatur_id=a.nomenklatur_id, pagu=a.pagu)
            for a in Anggaran.objects.filter(year=previous)
        ]
        Target.objects.bulk_create(targets)
        Anggaran.objects.bulk_create(lines)
        plan_changed(
            year,
            person=person,
            action="sakip.plan.copied",
            source=previous.year,
            targets=len(targets),
            budget=len(lines),
        )
    return len(targets) + len(lines)
