"""Ten times the load test's data, for `bench/queries.py`: what the pages of the mixed
workload read, grown about tenfold in the same office, so that a page whose SQL queries
follow the data shows it.

- the plan: the office's sasaran ×10, its units with rows ×10 (each new one with its head)
  and its indicators ×10 — the Kasi's unit's ×10, the rest on the new units — with targets
  in every year the pages read (the drafted 2025, the measured 2026, the running 2027) and a
  kegiatan each; the budget lines of 2025 and 2027 to every program, kegiatan and sub
  kegiatan; 2025 and 2027 agreed again (`bench.data.agree_plan`): the plan in force is the
  grown one;
- the rows (hence the Kasi's page, the review and report pages, the LAKIP, the dashboard,
  the quarters): a row for every target in the running report, the drafted report (filled
  with their evidence, `bench.data.fill`) and every measured quarter, in new submissions for
  the new units (the running report's each with its open step 3);
- the Kasi's edited row: ten evidence files, and one on each other row of the unit;
- the running report's saved row edits (audit entries) ×10 over ten days;
- and around them (`bench/grow_office.py`): the quarter's follow-ups ×10 and the earlier
  quarters' open ones, through `follow_up_add`; the office's people ×10, all at the running
  report's and the quarter's meetings; the annual reports with figures ×10, closed reports
  of earlier years imported as the demo imports its past (rows accepted, 13 steps timed).

Set-up, not the procedure under test: apart from the agreements and the follow-ups, it is
written in bulk, like `bench.data.fill`. Deterministic: no randomness."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.urls import resolve
from django.utils import timezone

from bench import data
from bench.grow_office import FACTOR, follow_ups, pair, past_years, people
from sakip.models import (
    Anggaran,
    Evidence,
    Indikator,
    Nomenklatur,
    NomenklaturKind,
    Person,
    PlanRow,
    Role,
    SasaranStrategis,
    Target,
    Unit,
    UnitKind,
    Year,
)
from sakip.versions import offices_changed
from workflow.history import ROW_ACTIONS
from workflow.models import (
    ROMAN,
    AuditEntry,
    Report,
    ReportState,
    Submission,
    SubmissionState,
)
from workflow.services.records import start_step


def _kwargs(url: str) -> dict:
    return resolve(url).kwargs


@transaction.atomic
def grow(setup: dict) -> dict[str, str]:
    """Grow the data of the load test's pages (`setup`: bench/run.py's load-setup.json);
    returns what was grown, `{what: "before → after"}`."""
    running = Report.objects.select_related("office", "year").get(pk=setup["report"])
    drafted = Report.objects.select_related("year").get(pk=_kwargs(setup["pdf"]["page"])["pk"])
    office = running.office
    quarters = list(Report.objects.filter(office=office, period__gt=0).select_related("year"))
    quarter_url = dict(setup["review"]["pages"]).get("measurement:quarter")
    where = _kwargs(quarter_url) if quarter_url else {}
    quarter = next(
        (q for q in quarters if (q.year.year, q.period) == (where.get("tahun"), where.get("tw"))),
        None,
    )
    kasi = setup["kasi"]["users"][0]
    kasi_sub = Submission.objects.get(pk=_kwargs(setup["kasi"]["pages"][kasi])["sub_pk"])
    row_pk = setup["kasi"]["rows"][kasi][0][0]
    reports = [running, drafted, *quarters]
    rows = PlanRow.objects.filter(submission__report__in=reports)
    before = {
        "people": Person.objects.filter(office=office).count(),
        "kasi": kasi_sub.rows.count(),
        "rows": [rows.filter(submission__report=r).count() for r in (running, drafted)],
        "quarters": rows.filter(submission__report__period__gt=0).count(),
    }
    grown: dict[str, str] = {}

    def note(what: str, counts: tuple) -> None:
        grown[what] = f"{counts[0]} → {counts[1]}"

    years = sorted({r.year for r in reports}, key=lambda y: y.year)
    note("sasaran strategis of the office", _sasaran(office))
    units, counted = _units(running, kasi_sub.unit)
    note("units with rows (each new one with its head)", counted)
    counts, new = _indicators(running, units, years)
    note(f"indicators with a target in {running.year.year}", counts)
    note(
        f"budget lines {drafted.year.year} / {running.year.year}",
        _budget(office, [drafted.year, running.year]),
    )
    for year in (drafted.year, running.year):
        data.agree_plan(year)
    for report in reports:
        _add_rows(report, new)
    for sub in drafted.submissions.all():
        data.fill(sub)
    note(f"rows of the Kasi's unit ({kasi})", (before["kasi"], kasi_sub.rows.count()))
    note(
        f"rows of the running report {running.year.year} / of the drafted LAKIP "
        f"{drafted.year.year} (filled, with evidence)",
        pair(
            before["rows"], [rows.filter(submission__report=r).count() for r in (running, drafted)]
        ),
    )
    note(
        "rows of the measured quarters "
        f"({', '.join(sorted({str(q.year.year) for q in quarters}))})",
        (before["quarters"], rows.filter(submission__report__period__gt=0).count()),
    )
    note(
        "evidence on the Kasi's edited row / on the unit's other rows", _evidence(kasi_sub, row_pk)
    )
    note(f"saved row edits on the running report (audit, over {FACTOR} days)", _edits(running))
    if quarter is not None:
        note(
            f"follow-ups of TW {ROMAN[quarter.period]} {quarter.year.year} / open ones carried "
            "from its earlier quarters",
            follow_ups(quarter),
        )
    note(
        "people of the office (all at both meetings)",
        people(office, before["people"], [running, quarter]),
    )
    note("annual reports with figures (earlier years, closed)", past_years(office))
    # Bulk writes send no signals: the cached dashboard is told that the office changed.
    offices_changed(pk=office.pk)
    return grown


# ---- The plan ---------------------------------------------------------------------------------


def _sasaran(office) -> tuple[int, int]:
    existing = list(SasaranStrategis.objects.filter(office=office).order_by("order", "pk"))
    last, n = existing[-1], len(existing)
    SasaranStrategis.objects.bulk_create(
        [
            SasaranStrategis(
                office=office,
                renstra_id=last.renstra_id,
                code=f"SS{n + i + 1}",
                name=f"Meningkatnya kualitas layanan kecamatan bidang ke-{n + i + 1}",
                order=last.order + i + 1,
            )
            for i in range(n * (FACTOR - 1))
        ]
    )
    return n, n * FACTOR


def _units(running: Report, kasi_unit: Unit) -> tuple[dict[Unit, int], tuple[int, int]]:
    """New units, each headed by a Kasi, to ×10 those with rows in the running report; the
    indicators each unit gets so that the office's are ×10 and the Kasi's unit's too."""
    office = running.office
    counts = {s.unit: s.rows.count() for s in running.submissions.select_related("unit")}
    order = Unit.objects.filter(office=office).aggregate(m=Max("order"))["m"] or 0
    new = Unit.objects.bulk_create(
        [
            Unit(
                office=office,
                name=f"Seksi Layanan Wilayah {i + 1}",
                short_name=f"Wilayah {i + 1}",
                kind=UnitKind.SEKSI,
                supplies_data=True,
                order=order + i + 1,
            )
            for i in range(len(counts) * (FACTOR - 1))
        ]
    )
    users = get_user_model().objects.bulk_create(
        [get_user_model()(username=f"bench-kasi-{u.pk}", password="!") for u in new]
    )
    Person.objects.bulk_create(
        [
            Person(
                user=user,
                office=office,
                full_name=f"Kepala {unit.name}",
                golongan="III/d",
                jabatan=f"Kepala {unit.name}",
                unit=unit,
                role=Role.KASI,
                heads_unit=True,
            )
            for user, unit in zip(users, new, strict=True)
        ]
    )
    extra = {kasi_unit: counts.get(kasi_unit, 0) * (FACTOR - 1)}
    rest = sum(counts.values()) * (FACTOR - 1) - extra[kasi_unit]
    for i, unit in enumerate(new):
        extra[unit] = rest // len(new) + (1 if i < rest % len(new) else 0)
    return extra, (len(counts), len(counts) + len(new))


def _indicators(
    running: Report, extra: dict[Unit, int], years: list[Year]
) -> tuple[tuple[int, int], list[int]]:
    """The indicators of `extra`, with targets in `years`, spread over every sasaran, each
    with a sub kegiatan (as the demo's); their ids."""
    office = running.office
    before = Target.objects.filter(year=running.year).count()
    start = Indikator.objects.filter(office=office).aggregate(m=Max("pk"))["m"] or 0
    for unit, count in extra.items():
        data.add_indicators(office, unit, count, years)
    sasaran = list(SasaranStrategis.objects.filter(office=office).order_by("order", "pk"))
    kegiatan = list(
        Nomenklatur.objects.filter(office=office, kind=NomenklaturKind.SUB_KEGIATAN).order_by(
            "code"
        )
    )
    new = list(Indikator.objects.filter(office=office, pk__gt=start).order_by("pk"))
    for i, ind in enumerate(new):
        ind.sasaran = sasaran[i % len(sasaran)]
        ind.nomenklatur = kegiatan[i % len(kegiatan)] if kegiatan else None
    Indikator.objects.bulk_update(new, ["sasaran", "nomenklatur"])
    after = Target.objects.filter(year=running.year).count()
    return (before, after), [ind.pk for ind in new]


def _budget(office, years: list[Year]) -> tuple[str, str]:
    """Every program, kegiatan and sub kegiatan of the office gets a line in `years`."""
    before = [Anggaran.objects.filter(year=y).count() for y in years]
    lines = []
    for year in years:
        have = set(Anggaran.objects.filter(year=year).values_list("nomenklatur_id", flat=True))
        for n, nomenklatur in enumerate(Nomenklatur.objects.filter(office=office).order_by("code")):
            if nomenklatur.pk not in have:
                pagu = Decimal(25_000_000 + 1_000_000 * (n % 40))
                lines.append(
                    Anggaran(year=year, nomenklatur=nomenklatur, pagu=pagu, realisasi=pagu * 9 / 10)
                )
    Anggaran.objects.bulk_create(lines)
    return pair(before, [Anggaran.objects.filter(year=y).count() for y in years])


# ---- Rows, evidence and edits -----------------------------------------------------------------


def _add_rows(report: Report, indicators: list[int]) -> None:
    """A row in `report` for each of `indicators`, as step 2 (or opening a quarter) makes
    them, in a new submission for a unit that had none; a quarter's row with its figure
    measured and its unit accepted."""
    subs = {s.unit_id: s for s in report.submissions.all()}
    number = PlanRow.objects.filter(submission__report=report).aggregate(m=Max("number"))["m"] or 0
    targets = Target.objects.filter(year=report.year, indikator__in=indicators)
    new = []
    for target in targets.select_related("indikator").order_by("indikator__unit__order", "pk"):
        ind = target.indikator
        sub = subs.get(ind.unit_id)
        if sub is None:
            sub = subs[ind.unit_id] = _submission(report, ind.unit_id)
        number += 1
        row = PlanRow(
            submission=sub,
            indikator=ind,
            target=target,
            unit_id=ind.unit_id,
            number=number,
            sumber_data=ind.sumber_data,
            quarter=report.period,
        )
        if report.period:
            row.realisasi = (target.value or Decimal(100)) * Decimal("0.9")
            row.earlier = [str(row.realisasi)] * (report.period - 1)
        new.append(row)
    PlanRow.objects.bulk_create(new)


def _submission(report: Report, unit_id: int) -> Submission:
    if report.state == ReportState.COLLECTING:
        sub = Submission.objects.create(report=report, unit_id=unit_id)
        start_step(report, 3, submission=sub, round=1)
        return sub
    now = timezone.now()
    return Submission.objects.create(
        report=report,
        unit_id=unit_id,
        state=SubmissionState.ACCEPTED,
        submitted_at=now,
        accepted_at=now,
    )


def _evidence(submission: Submission, row_pk: int) -> tuple[str, str]:
    """Ten evidence files on the Kasi's edited row, one on each other row of the unit."""
    files = Evidence.objects.filter(row__submission=submission)
    before = [files.filter(row_id=row_pk).count(), files.exclude(row_id=row_pk).count()]
    Evidence.objects.bulk_create(
        [
            Evidence(
                row=row,
                file=f"evidence/bench/{row.pk}-{n}",
                original_name=f"bukti-baris-{row.number}-{n + 1}.pdf",
                content_type="application/pdf",
                size=1024,
                sha256=f"{row.pk:032d}{n:032d}",
            )
            for row in submission.rows.order_by("number")
            for n in range(FACTOR if row.pk == row_pk else 1)
        ]
    )
    return pair(before, [files.filter(row_id=row_pk).count(), files.exclude(row_id=row_pk).count()])


def _edits(report: Report) -> tuple[int, int]:
    """The report's row edits ×10: its rows saved in turn by their unit's head, on each of the
    last ten days (the edit summary groups by day, unit and person)."""
    entries = AuditEntry.objects.filter(report=report, action__in=ROW_ACTIONS)
    before = entries.count()
    heads = {p.unit_id: p for p in Person.objects.filter(office=report.office, heads_unit=True)}
    rows = list(PlanRow.objects.filter(submission__report=report).order_by("number"))
    new = [
        AuditEntry(
            office=report.office,
            report=report,
            action="sakip.row.updated",
            actor=heads.get(row.unit_id),
            payload={"row": row.pk, "number": row.number},
        )
        for row in (rows[i % len(rows)] for i in range(max(before, len(rows)) * (FACTOR - 1)))
    ]
    AuditEntry.objects.bulk_create(new)
    now = timezone.now()
    for i, entry in enumerate(new):  # created_at is set on insert; the days come after
        entry.created_at = now - dt.timedelta(days=1 + i % FACTOR, minutes=i % 480)
    AuditEntry.objects.bulk_update(new, ["created_at"], batch_size=1000)
    return before, entries.count()
