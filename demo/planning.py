"""The demo's plans: the Renstra, quarterly targets by each indicator's rule, the sub
kegiatan budget, every year 2023–2026 agreed and signed (the office's PK and each unit's,
through the real services), and Mungka's PK Perubahan 2026 in preparation with its checks."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from demo import data
from demo.history import WIB, office_clock
from sakip.models import (
    Aggregation,
    Anggaran,
    Indikator,
    Nomenklatur,
    Office,
    Person,
    Polarity,
    Renstra,
    Role,
    SasaranStrategis,
    Target,
    TargetKind,
    Unit,
    Year,
)
from workflow.models import PerjanjianKinerja, PerjanjianState
from workflow.models.perjanjian import latest_office_agreement, office_agreement_in_force
from workflow.services import planning as svc

P = PerjanjianState
CENT = Decimal("0.01")


def renstra(office: Office) -> Renstra:
    name, start, end = data.RENSTRA
    found, _ = Renstra.objects.get_or_create(
        office=office,
        start_year=start,
        defaults={"name": name.format(office=office.name), "end_year": end},
    )
    return found


def _round(value: Decimal, places: Decimal = CENT) -> Decimal:
    return value.quantize(places, rounding=ROUND_HALF_UP).normalize()


def target_fields(value, rule: str, polarity: str, annual: bool) -> dict:
    """A target of the year with its quarters as the indicator's rule has them: a cumulative
    count grows to the year's figure, a last value approaches it, an average's quarters
    average to it; an indicator measured once a year has only TW IV."""
    if isinstance(value, str):
        return {"text": value}
    if isinstance(value, tuple):
        low, high = (Decimal(str(v)) for v in value)
        return {"value": low, "value_max": high, "tw4": low}
    year = Decimal(str(value))
    if annual:
        quarters = [None, None, None, year]
    elif rule == Aggregation.CUMULATIVE:
        whole = year == year.to_integral_value()
        quarters = [_round(year * q / 4, Decimal(1) if whole else CENT) for q in (1, 2, 3, 4)]
    elif rule == Aggregation.AVERAGE:
        factors = ("1.1", "1.03", "0.97", "0.9")
        if polarity == Polarity.HIGHER:
            factors = factors[::-1]
        quarters = [_round(year * Decimal(f)) for f in factors]
    else:
        step = Decimal("0.02") if polarity == Polarity.HIGHER else Decimal("-0.02")
        quarters = [_round(year * (1 - step * (4 - q))) for q in (1, 2, 3, 4)]
    return {"value": year, **{f"tw{q}": v for q, v in zip((1, 2, 3, 4), quarters, strict=True)}}


def sub_kegiatan_budget(years: dict[int, Year], nomenklatur: dict[str, Nomenklatur]) -> None:
    """The sub kegiatan lines behind the indicators: past years realised at 93–96 %."""
    for code, figures in data.SUB_KEGIATAN_PAGU.items():
        for (year, pagu), rate in zip(
            zip(sorted(years), figures, strict=True), ("0.96", "0.94", "0"), strict=True
        ):
            Anggaran.objects.get_or_create(
                year=years[year],
                nomenklatur=nomenklatur[code],
                defaults={
                    "pagu": Decimal(pagu),
                    "realisasi": _round(pagu * Decimal(rate), Decimal(1)),
                },
            )


def _cast(people: dict[str, Person]) -> tuple[Person, Person, Person]:
    """(the Kasubag PEP who prepares, the Sekcam, the Camat)."""
    by_role = {}
    for person in people.values():
        if person.role == Role.JF and (person.heads_unit or Role.JF not in by_role):
            by_role[Role.JF] = person
        by_role.setdefault(person.role, person)
    return by_role[Role.JF], by_role[Role.SEKCAM], by_role[Role.CAMAT]


def sign_year(year: Year, people: dict[str, Person], *, units: bool = True) -> None:
    """The year's PKs as they happened in its first week: prepared by the Kasubag PEP,
    reviewed by the Sekcam and signed by the Camat — the office's first, then each unit's."""
    preparer, sekcam, camat = _cast(people)
    if not PerjanjianKinerja.objects.filter(year=year).exists():
        svc.perjanjian_prepare(year=year, person=preparer)
    pks = PerjanjianKinerja.objects.filter(year=year).order_by("unit__order")
    office_pk = pks.filter(unit__isnull=True).order_by("-version").first()
    _agree(office_pk, preparer, sekcam, camat, dt.date(year.year, 1, 6))
    for pk in pks.filter(unit__isnull=False):
        if units:
            _agree(pk, preparer, sekcam, camat, dt.date(year.year, 1, 8))
        elif pk.state == P.DRAFT:
            pk.delete()


def _agree(pk: PerjanjianKinerja, preparer, sekcam, camat, dated: dt.date) -> None:
    if pk.state == P.DRAFT:
        pk = svc.perjanjian_submit(perjanjian=pk, person=preparer)
    if pk.state == P.SUBMITTED:
        pk = svc.perjanjian_review(perjanjian=pk, person=sekcam)
    if pk.state == P.REVIEWED:
        svc.perjanjian_sign(perjanjian=pk, person=camat, dated=dated)


def plan_2026(office: Office, people: dict[str, Person]) -> Year:
    """2026 as agreed in its first week: the Kasubag PEP copied 2025's plan and raised some
    targets, and the office's and every unit's PK were signed, so its quarters can be
    measured. Nothing if the year already has a plan."""
    preparer, _sekcam, _camat = _cast(people)
    year, _created = Year.objects.get_or_create(office=office, year=2026)
    if Target.objects.filter(year=year).exists():
        return year
    with office_clock(dt.datetime(2026, 1, 5, 8, 0, tzinfo=WIB)):
        svc.plan_copy(year=year, person=preparer)
        targets = {
            t.indikator.name: t
            for t in Target.objects.filter(year=year).select_related("indikator")
        }
        for name, value in data.PLAN_2026_TARGETS.items():
            if name == data.PLAN_2026_STALE_TW4:
                continue  # raised by the PK Perubahan
            target = targets[name]
            ind = target.indikator
            fields = target_fields(value, ind.aggregation, ind.polarity, target.tw1 is None)
            _update(target, preparer, fields)
        sign_year(year, people)
    return year


def amend_2026(
    office: Office,
    people: dict[str, Person],
    units: dict[str, Unit],
    nomenklatur: dict[str, Nomenklatur],
) -> None:
    """The PK Perubahan 2026 in preparation (after the APBD Perubahan, once TW III was
    measured): the Kasubag PEP opened the office's new version, raised the PATEN target, added
    a new indicator, and the plan page lists what is still wrong (a TW IV left at the earlier
    figure, rising quarters of a lower-is-better indicator, the new indicator's missing
    formula, sumber data and Renstra end target). Nothing unless the signed PK is the
    latest version."""
    preparer, _sekcam, _camat = _cast(people)
    year = Year.objects.get(office=office, year=2026)
    in_force = office_agreement_in_force(year)
    if in_force is None or latest_office_agreement(year) != in_force:
        return
    reason, day = data.PLAN_2026_AMENDMENT
    opened = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(9, 0), tzinfo=WIB)
    with office_clock(opened):
        svc.perjanjian_amend(perjanjian=in_force, person=preparer, reason=reason)
        targets = {
            t.indikator.name: t
            for t in Target.objects.filter(year=year).select_related("indikator")
        }
        paten = targets[data.PLAN_2026_STALE_TW4]
        ind = paten.indikator
        fields = target_fields(
            data.PLAN_2026_TARGETS[ind.name], ind.aggregation, ind.polarity, paten.tw1 is None
        )
        fields["tw4"] = paten.tw4  # left at the earlier figure: the plan's checks say so
        _update(paten, preparer, fields)
        name, quarters = data.PLAN_2026_RISING
        _update(
            targets[name],
            preparer,
            {f"tw{q}": Decimal(str(v)) for q, v in zip((1, 2, 3, 4), quarters, strict=True)},
        )
        spec = data.PLAN_2026_NEW
        sasaran = SasaranStrategis.objects.get(office=office, name=spec["sasaran"])
        svc.indikator_add(
            year=year,
            person=preparer,
            sasaran=sasaran,
            values={
                "name": spec["name"],
                "satuan": spec["satuan"],
                "target_kind": TargetKind(spec["target_kind"]),
                "unit": units[spec["unit"]],
                "nomenklatur": nomenklatur[spec["code"]],
                "value": Decimal(spec["value"]),
                "tw4": Decimal(spec["value"]),
                "tw2": Decimal(spec["value"]) / 2,
            },
        )


def _update(target: Target, person: Person, fields: dict) -> None:
    target.refresh_from_db()
    ind = Indikator.objects.get(pk=target.indikator_id)
    svc.plan_row_update(
        target=target, person=person, values=fields, versions=(ind.version, target.version)
    )
