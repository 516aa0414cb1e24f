"""The plan's writes: who may change it, stale edits, the lock while its PK is reviewed or
signed, removing, the budget, copying last year's plan into an empty year."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sakip.models import Anggaran, Nomenklatur, PlanRow, Target, Year
from tests.planning.conftest import fix_row
from tests.procedure import person
from workflow.models import AuditEntry, PerjanjianKinerja, PerjanjianState
from workflow.services import TransitionDenied, TransitionRefused
from workflow.services import planning as svc
from workflow.services.planning import StalePlan

pytestmark = pytest.mark.django_db


def _target(year, name_part: str) -> Target:
    return Target.objects.select_related("indikator").get(
        year=year, indikator__name__icontains=name_part
    )


def test_the_kasubag_pep_saves_a_row_and_it_is_audited(year_2026, pep):
    target = _target(year_2026, "PATEN")
    saved = fix_row(target, pep, tw4=Decimal(97), sumber_data="Register PATEN 2026")
    assert saved.tw4 == 97 and saved.version == target.version + 1
    assert saved.indikator.sumber_data == "Register PATEN 2026"
    entry = AuditEntry.objects.filter(action="sakip.plan.row_updated").latest("id")
    assert entry.actor == pep and entry.payload == {"year": 2026, "target": target.pk}


def test_a_stale_row_is_refused_with_what_is_stored_now(year_2026, pep):
    target = _target(year_2026, "PATEN")
    versions = (target.indikator.version, target.version)
    fix_row(target, person("admin"), tw4=Decimal(96))
    with pytest.raises(StalePlan) as refused:
        svc.plan_row_update(
            target=target, person=pep, values={"tw4": Decimal(97)}, versions=versions
        )
    assert refused.value.current.tw4 == 96
    assert "sudah diubah orang lain" in refused.value.message
    assert Target.objects.get(pk=target.pk).tw4 == 96


@pytest.mark.parametrize("username", ["camat", "sekcam", "kasi-pemerintahan"])
def test_only_the_preparers_change_the_plan(year_2026, username):
    target = _target(year_2026, "PATEN")
    with pytest.raises(TransitionDenied, match="disiapkan oleh Kasubag"):
        fix_row(target, person(username), tw4=Decimal(97))
    with pytest.raises(TransitionDenied):
        svc.anggaran_update(
            line=Anggaran.objects.filter(year=year_2026).first(),
            person=person(username),
            values={"pagu": Decimal(1)},
            version=1,
        )


def test_another_office_may_not_touch_the_plan(year_2026):
    with pytest.raises(TransitionDenied):
        fix_row(_target(year_2026, "PATEN"), person("harau-jf"), tw4=Decimal(97))


def test_a_signed_years_plan_changes_only_through_a_pk_perubahan(year_2025, pep):
    target = _target(year_2025, "PATEN")
    with pytest.raises(TransitionRefused, match="melalui PK Perubahan"):
        fix_row(target, pep, tw4=Decimal(99))


def test_the_plan_is_locked_while_its_pk_is_reviewed(complete_2026, pep, office_pk):
    svc.perjanjian_submit(perjanjian=office_pk, person=pep)
    target = _target(complete_2026, "PATEN")
    with pytest.raises(TransitionRefused, match="sedang diperiksa"):
        fix_row(target, pep, tw4=Decimal(90))
    svc.perjanjian_return(
        perjanjian=office_pk, person=person("sekcam"), reason="TW I terlalu rendah"
    )
    assert fix_row(target, pep, tw1=Decimal(92)).tw1 == 92


def test_an_indicator_is_added_under_a_sasaran_and_removed_again(year_2026, pep):
    sasaran = _target(year_2026, "PATEN").indikator.sasaran
    unit = person("kasi-pelayanan").unit
    target = svc.indikator_add(
        year=year_2026,
        person=pep,
        sasaran=sasaran,
        values={
            "name": "Jumlah inovasi pelayanan",
            "satuan": "inovasi",
            "unit": unit,
            "value": Decimal(2),
        },
    )
    assert target.indikator.office_id == year_2026.office_id and target.value == 2
    assert target.indikator.order > 1
    svc.plan_row_remove(target=target, person=pep)
    assert not Target.objects.filter(pk=target.pk).exists()


def test_a_target_used_by_a_reports_rows_stays(pep):
    row = PlanRow.objects.filter(
        target__year__year=2024, target__year__office__name="Mungka"
    ).first()
    year = row.target.year
    office_pk = PerjanjianKinerja.objects.get(year=year, unit__isnull=True)
    # A PK Perubahan opens the signed year's plan again.
    svc.perjanjian_amend(perjanjian=office_pk, person=pep, reason="Refocusing anggaran")
    with pytest.raises(TransitionRefused, match="sudah dipakai format pengumpulan"):
        svc.plan_row_remove(target=row.target, person=pep)
    assert Target.objects.filter(pk=row.target_id).exists()


def test_budget_lines_are_added_changed_and_refused_twice(year_2026, pep):
    kegiatan = Nomenklatur.objects.get(office=year_2026.office, code="7.01.02.2.04")
    line = svc.anggaran_add(
        year=year_2026, person=pep, nomenklatur=kegiatan, pagu=Decimal(75_000_000)
    )
    with pytest.raises(TransitionRefused, match="sudah ada"):
        svc.anggaran_add(year=year_2026, person=pep, nomenklatur=kegiatan, pagu=Decimal(1))
    changed = svc.anggaran_update(
        line=line,
        person=pep,
        values={"pagu": Decimal(80_000_000), "realisasi": Decimal(0)},
        version=1,
    )
    assert changed.pagu == 80_000_000 and changed.version == 2
    with pytest.raises(StalePlan):
        svc.anggaran_update(line=line, person=pep, values={"pagu": Decimal(1)}, version=1)
    svc.anggaran_remove(line=changed, person=pep)
    assert not Anggaran.objects.filter(pk=line.pk).exists()


def test_last_years_plan_is_copied_into_an_empty_year_only(pep, year_2026):
    empty = svc.year_open(person=pep, year=2027)
    count = svc.plan_copy(year=empty, person=pep)
    source = Target.objects.filter(year=year_2026)
    copied = Target.objects.filter(year=empty)
    assert (
        copied.count() == source.count()
        and count == source.count() + Anggaran.objects.filter(year=year_2026).count()
    )
    one = copied.get(indikator__name__icontains="PATEN")
    assert (one.value, one.tw4) == (Decimal(97), Decimal(95))
    assert set(Anggaran.objects.filter(year=empty).values_list("realisasi", flat=True)) == {0}
    with pytest.raises(TransitionRefused, match="sudah berisi"):
        svc.plan_copy(year=empty, person=pep)


def test_copying_needs_a_previous_year(pep):
    lonely = svc.year_open(person=pep, year=2031)
    with pytest.raises(TransitionRefused, match="Tahun 2030 tidak ada"):
        svc.plan_copy(year=lonely, person=pep)
    with pytest.raises(TransitionRefused, match="sudah ada"):
        svc.year_open(person=pep, year=2031)
    with pytest.raises(TransitionDenied):
        svc.year_open(person=person("camat"), year=2032)
    assert not Year.objects.filter(year=2032).exists()


def test_a_submitted_pk_keeps_what_was_submitted(complete_2026, pep, office_pk):
    submitted = svc.perjanjian_submit(perjanjian=office_pk, person=pep)
    assert submitted.state == PerjanjianState.SUBMITTED
    frozen = [i for s in submitted.snapshot["sasaran"] for i in s["indikator"]]
    paten = next(i for i in frozen if "PATEN" in i["name"])
    assert paten["target"]["value"] == "97"
