"""Builds the demo offices from `demo.data`. Idempotent: running it twice changes
nothing. Past years (2023, 2024) are imported as closed reports with their realisations and
step timings, so dashboards and the LAKIP have earlier years to compare with. 2025 was
measured quarter by quarter (`demo.measurement`) and its annual report is started by the
Camat in the browser, its rows starting from the quarters. Every year 2023–2026 has its
Perjanjian Kinerja signed (the office's and each unit's); 2026's first three quarters are
measured and its PK Perubahan is being prepared (`demo.planning`)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from demo import data, history, measurement, planning
from sakip.models import (
    Anggaran,
    Indikator,
    Kabupaten,
    Nomenklatur,
    Office,
    Person,
    PlanRow,
    SasaranStrategis,
    Target,
    Tenure,
    Unit,
    Year,
)
from sakip.reference import office_copy_nomenklatur

# Imported as closed reports (Harau's both; Mungka's 2023 — its 2024 is run, demo/history.py).
HISTORY_YEARS = (2023, 2024)
PLAN_YEARS = (2023, 2024, 2025)


@transaction.atomic
def seed_demo() -> dict[str, Office]:
    kabupaten, _ = Kabupaten.objects.get_or_create(name=data.KABUPATEN)
    if not kabupaten.bupati_name:
        kabupaten.bupati_name = data.BUPATI
        kabupaten.save(update_fields=["bupati_name"])
    mungka = _office(kabupaten, data.MUNGKA)
    units = _units(mungka)
    people = _people(mungka, units, data.PEOPLE)
    _steps(mungka)
    nomenklatur = _nomenklatur(mungka)
    years = _years(mungka)
    _anggaran(years, nomenklatur)
    planning.sub_kegiatan_budget(years, nomenklatur)
    indikator = _plan(mungka, units, nomenklatur, years, data.SASARAN)
    # 2023 is imported as it ended; 2024 runs through every step of the procedure.
    _history(mungka, years[2023], indikator, people, units)
    for year in PLAN_YEARS:
        planning.sign_year(years[year], people)
    history.run_year(mungka, years[2024], indikator, people)
    # 2026 agreed in January; the quarters of 2025 and 2026 measured as the year went; then
    # the PK Perubahan 2026 the Kasubag PEP is preparing now (December 2026).
    planning.plan_2026(mungka, people)
    measurement.measure(mungka)
    planning.amend_2026(mungka, people, units, nomenklatur)

    harau = _office(kabupaten, data.HARAU)
    harau_units = _units(harau)
    harau_people = _people(harau, harau_units, data.HARAU_PEOPLE)
    _steps(harau)
    harau_nomenklatur = _nomenklatur(harau)
    harau_years = _years(harau)
    _anggaran(harau_years, harau_nomenklatur)
    # Harau reports the same kind of indicators, with its own figures.
    harau_plan = [(name, [_shifted(ind) for ind in inds]) for name, inds in data.SASARAN[:3]]
    harau_indikator = _plan(harau, harau_units, harau_nomenklatur, harau_years, harau_plan)
    for year in HISTORY_YEARS:
        _history(harau, harau_years[year], harau_indikator, harau_people, harau_units)
    for year in PLAN_YEARS:
        planning.sign_year(harau_years[year], harau_people, units=False)

    _kabupaten_reader(kabupaten)
    return {"mungka": mungka, "harau": harau}


def _shifted(ind: tuple) -> tuple:
    """Harau's variant of a Mungka indicator: same target, a slightly different realisation."""
    (name, satuan, polarity, kind, unit, code, source, targets, reals, renstra) = ind
    moved = {y: (round(v * 0.96, 2) if isinstance(v, int | float) else v) for y, v in reals.items()}
    return (name, satuan, polarity, kind, unit, code, source, targets, moved, renstra)


def _office(kabupaten: Kabupaten, spec: dict) -> Office:
    office, _ = Office.objects.update_or_create(
        kabupaten=kabupaten,
        name=spec["name"],
        defaults={k: v for k, v in spec.items() if k != "name"},
    )
    return office


def _units(office: Office) -> dict[str, Unit]:
    units = {}
    for order, (key, name, short, kind, supplies) in enumerate(data.UNITS, start=1):
        units[key], _ = Unit.objects.update_or_create(
            office=office,
            name=name,
            defaults={"short_name": short, "kind": kind, "supplies_data": supplies, "order": order},
        )
    return units


def _people(office: Office, units: dict[str, Unit], specs: list[tuple]) -> dict[str, Person]:
    user_model = get_user_model()
    people = {}
    for username, full_name, nip, pangkat, golongan, jabatan, unit_key, role, heads in specs:
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@{office.name.lower()}.go.id"}
        )
        if created or not user.has_usable_password():
            user.set_password(data.DEMO_PASSWORD)
        user.is_staff = role == "admin"
        user.save()
        person, _ = Person.objects.update_or_create(
            user=user,
            defaults={
                "office": office,
                "full_name": full_name,
                "nip": nip,
                "pangkat": pangkat,
                "golongan": golongan,
                "jabatan": jabatan,
                "unit": units[unit_key],
                "role": role,
                "heads_unit": heads,
            },
        )
        people[username] = person
        if heads and role in {"camat", "sekcam", "kasi"} or username.endswith("kasubag-pep"):
            Tenure.objects.get_or_create(
                office=office,
                role=role,
                unit=units[unit_key],
                person=person,
                defaults={"start": dt.date(2022, 1, 3)},
            )
    return people


def _kabupaten_reader(kabupaten: Kabupaten) -> None:
    username, full_name, nip, jabatan = data.KABUPATEN_READER
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=username, defaults={"email": "bagian.organisasi@limapuluhkotakab.go.id"}
    )
    if created:
        user.set_password(data.DEMO_PASSWORD)
        user.save()
    Person.objects.update_or_create(
        user=user,
        defaults={
            "kabupaten": kabupaten,
            "office": None,
            "full_name": full_name,
            "nip": nip,
            "jabatan": jabatan,
            "role": "kabupaten",
        },
    )


def _steps(office: Office) -> None:
    from workflow.sop_steps import ensure_office_steps

    # A new office already has them (post_save); an office of an older database may not.
    ensure_office_steps(office)


def _nomenklatur(office: Office) -> dict[str, Nomenklatur]:
    """The office's programs, kegiatan and sub kegiatan: the official ones of
    fixtures/nomenklatur.json, which every office gets when it is created."""
    office_copy_nomenklatur(office)
    return {n.code: n for n in Nomenklatur.objects.filter(office=office)}


def _years(office: Office) -> dict[int, Year]:
    return {y: Year.objects.get_or_create(office=office, year=y)[0] for y in PLAN_YEARS}


def _anggaran(years: dict[int, Year], nomenklatur: dict[str, Nomenklatur]) -> None:
    for code, figures in data.ANGGARAN.items():
        for year, (pagu, real) in zip(PLAN_YEARS, figures, strict=True):
            Anggaran.objects.get_or_create(
                year=years[year],
                nomenklatur=nomenklatur[code],
                defaults={"pagu": Decimal(pagu), "realisasi": Decimal(real)},
            )


def _plan(office, units, nomenklatur, years, sasaran_specs) -> list[tuple[Indikator, dict]]:
    result = []
    renstra = planning.renstra(office)
    for s_order, (s_name, indicators) in enumerate(sasaran_specs, start=1):
        sasaran, _ = SasaranStrategis.objects.get_or_create(
            office=office,
            name=s_name,
            defaults={"order": s_order, "code": f"SS{s_order}", "renstra": renstra},
        )
        for i_order, spec in enumerate(indicators, start=1):
            (name, satuan, polarity, kind, unit_key, code, source, targets, reals, renstra_end) = (
                spec
            )
            iku, rule, alasan, formula, annual = data.PLAN_DETAILS.get(
                name, (False, "terakhir", "", "", False)
            )
            text_renstra = isinstance(renstra_end, str)
            indikator, _ = Indikator.objects.get_or_create(
                office=office,
                sasaran=sasaran,
                name=name,
                defaults={
                    "satuan": satuan,
                    "polarity": polarity,
                    "target_kind": kind,
                    "unit": units[unit_key],
                    "nomenklatur": nomenklatur.get(code),
                    "sumber_data": source,
                    "order": i_order,
                    "renstra_target": None if text_renstra else Decimal(str(renstra_end)),
                    "renstra_target_text": renstra_end if text_renstra else "",
                    "definition": formula or _definition(name, satuan, polarity),
                    "iku": iku,
                    "aggregation": rule,
                    "alasan": alasan,
                },
            )
            for year, value in targets.items():
                Target.objects.get_or_create(
                    indikator=indikator,
                    year=years[year],
                    defaults=planning.target_fields(value, rule, polarity, annual),
                )
            result.append((indikator, reals))
    return result


def _definition(name: str, satuan: str, polarity: str) -> str:
    direction = (
        "semakin tinggi semakin baik" if polarity == "higher" else "semakin rendah semakin baik"
    )
    return f"{name} ({satuan or 'kualitatif'}); {direction}."


def _history(office, year, indikator, people, units) -> None:
    """A closed report of a past year, imported as it ended: every unit accepted, rows filled,
    and the step records of the procedure (with realistic times, some late)."""
    from workflow.models import Report, ReportState, Step, StepRecord, Submission, SubmissionState

    if Report.objects.filter(office=office, year=year).exists():
        return
    camat = next(p for p in people.values() if p.role == "camat")
    report = Report.objects.create(
        office=office, year=year, created_by=camat, state=ReportState.DISPATCHED
    )
    rng = random.Random(f"{office.name}-{year.year}")
    number = 0
    by_unit: dict[int, Submission] = {}
    for ind, _reals in indikator:
        if ind.unit_id not in by_unit:
            by_unit[ind.unit_id] = Submission.objects.create(
                report=report,
                unit=ind.unit,
                state=SubmissionState.ACCEPTED,
                submitted_at=timezone.now(),
                accepted_at=timezone.now(),
            )
    for submission in sorted(by_unit.values(), key=lambda s: s.unit.order):
        for ind, reals in indikator:
            if ind.unit_id != submission.unit_id:
                continue
            number += 1
            real = reals.get(year.year)
            target = ind.targets.get(year=year)
            PlanRow.objects.create(
                submission=submission,
                indikator=ind,
                target=target,
                unit=ind.unit,
                number=number,
                realisasi=None if isinstance(real, str) or real is None else Decimal(str(real)),
                realisasi_text=real if isinstance(real, str) else "",
                sumber_data=ind.sumber_data,
                version=2,
            )
    start = timezone.make_aware(dt.datetime(year.year + 1, 1, 6, 8, 0))
    for step in Step.objects.filter(office=office):
        actor = next((p for p in people.values() if p.role in step.actor_roles), camat)
        elapsed = int(step.minutes * rng.uniform(0.6, 1.6))
        StepRecord.objects.create(
            report=report,
            step=step,
            actor=actor,
            started_at=start,
            finished_at=start + dt.timedelta(minutes=elapsed),
            elapsed_minutes=elapsed,
            standard_minutes=step.minutes,
        )
        start += dt.timedelta(days=1)
