"""The benchmark's data, built on top of the demo seed in a throwaway database:

- Mungka 2025 grows to 60 indicators (10 for Seksi Pemerintahan): the LAKIP of a realistic
  office, and the nine-column page at 10 rows;
- Harau 2025 gets 1,000 rows for its Seksi Pemerintahan: the page and the Excel upload at
  scale;
- Mungka's next year without a plan (2027: the demo has agreed 2026) gets the same
  indicators and is left without a report for the full 13-step cycle.

Step 2 fills the rows from the signed Perjanjian Kinerja in force, so each year's grown plan
is agreed as imported (`agree_plan`: a signed version whose snapshot is the plan as built,
without its PDF — the PK's own cost is not what the benchmark measures). Rows are filled with
bulk writes: this is set-up, not the procedure under test."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from sakip.models import (
    Evidence,
    Indikator,
    Office,
    Person,
    PlanRow,
    SasaranStrategis,
    Target,
    TargetKind,
    Unit,
    Year,
)
from workflow.models import PerjanjianKinerja, PerjanjianState, Report, Submission
from workflow.services import procedure as svc

TODAY = dt.date(2026, 1, 12)


def person(username: str) -> Person:
    return Person.objects.select_related("user", "office", "unit").get(user__username=username)


def add_indicators(office: Office, unit: Unit, count: int, years: list[Year]) -> None:
    """`count` more numeric indicators for `unit`, with a target in each of `years`."""
    if count <= 0:
        return
    sasaran = list(SasaranStrategis.objects.filter(office=office).order_by("order"))
    start = Indikator.objects.filter(office=office).count()
    new = Indikator.objects.bulk_create(
        [
            Indikator(
                office=office,
                sasaran=sasaran[i % len(sasaran)],
                name=f"Persentase layanan {unit.short_name or unit.name} tertangani ke-{start + i}",
                satuan="%",
                target_kind=TargetKind.PERCENT,
                sumber_data="Register layanan seksi",
                unit=unit,
                order=200 + start + i,
            )
            for i in range(count)
        ]
    )
    if not new[0].pk:  # backends without RETURNING on bulk insert
        new = list(Indikator.objects.filter(office=office, order__gte=200 + start).order_by("pk"))
    Target.objects.bulk_create(
        [
            Target(indikator=ind, year=year, value=Decimal(80 + (n % 15)))
            for n, ind in enumerate(new)
            for year in years
        ]
    )


def _rows_per_unit(office: Office, year: Year) -> dict[int, int]:
    counts: dict[int, int] = {}
    for unit_id in Target.objects.filter(year=year).values_list("indikator__unit", flat=True):
        counts[unit_id] = counts.get(unit_id, 0) + 1
    return counts


@transaction.atomic
def build() -> dict:
    mungka = Office.objects.get(name="Mungka")
    harau = Office.objects.get(name="Harau")
    m2025 = Year.objects.get(office=mungka, year=2025)
    h2025 = Year.objects.get(office=harau, year=2025)
    pemerintahan = Unit.objects.get(office=mungka, name="Seksi Pemerintahan")
    h_pemerintahan = Unit.objects.get(office=harau, name="Seksi Pemerintahan")

    # Mungka: 10 rows for Seksi Pemerintahan, 60 indicators in all, spread over the units.
    counts = _rows_per_unit(mungka, m2025)
    add_indicators(mungka, pemerintahan, 10 - counts.get(pemerintahan.pk, 0), [m2025])
    others = [u for u in Unit.objects.filter(office=mungka).order_by("order") if u.pk in counts]
    others = [u for u in others if u.pk != pemerintahan.pk]
    missing = 60 - Target.objects.filter(year=m2025).count()
    for i, unit in enumerate(others):
        share = missing // len(others) + (1 if i < missing % len(others) else 0)
        add_indicators(mungka, unit, share, [m2025])
    cycle_year = next_year(m2025)

    # Harau: 1,000 rows for one unit.
    counts = _rows_per_unit(harau, h2025)
    add_indicators(harau, h_pemerintahan, 1000 - counts.get(h_pemerintahan.pk, 0), [h2025])
    for year in (m2025, h2025, cycle_year):
        agree_plan(year)

    mungka_report = start_report(mungka, m2025)
    harau_report = start_report(harau, h2025)
    return {
        "mungka_report": mungka_report.pk,
        "harau_report": harau_report.pk,
        "small": mungka_report.submissions.get(unit=pemerintahan).pk,
        "large": harau_report.submissions.get(unit=h_pemerintahan).pk,
        "cycle_year": cycle_year.pk,
    }


def next_year(year: Year) -> Year:
    """The office's first year after the last one it has, with `year`'s targets."""
    last = Year.objects.filter(office=year.office).order_by("-year").first()
    following, _ = Year.objects.get_or_create(
        office=year.office, year=last.year + 1, defaults={"bands": year.bands}
    )
    Target.objects.bulk_create(
        [
            Target(indikator_id=t.indikator_id, year=following, value=t.value, text=t.text)
            for t in Target.objects.filter(year=year)
        ]
    )
    return following


def agree_plan(year: Year) -> PerjanjianKinerja:
    """A signed office PK version whose snapshot is the year's plan as the benchmark built it."""
    from workflow.services.planning import frozen_content

    camat = person("harau-camat" if year.office.name == "Harau" else "camat")
    latest = (
        PerjanjianKinerja.objects.filter(year=year, unit__isnull=True).order_by("-version").first()
    )
    agreement = PerjanjianKinerja(
        office=year.office,
        year=year,
        version=latest.version + 1 if latest else 1,
        amends=latest,
        reason="Rencana benchmark",
        created_by=camat,
    )
    snapshot = frozen_content(agreement, TODAY)
    return PerjanjianKinerja.objects.create(
        office=year.office,
        year=year,
        version=agreement.version,
        amends=latest,
        reason=agreement.reason,
        state=PerjanjianState.SIGNED,
        snapshot=snapshot,
        dated=TODAY,
        created_by=camat,
        signed_by=camat,
        signed_at=timezone.now(),
    )


def start_report(office: Office, year: Year) -> Report:
    """Steps 1–2: the report exists and every unit has its rows to fill."""
    prefix = "harau-" if office.name == "Harau" else ""
    camat = person(f"{prefix}camat")
    report = svc.report_create(person=camat, year=year, nota=svc.nota_dinas_defaults(camat, year))
    sekcam = person(f"{prefix}sekcam")
    return svc.report_distribute(
        report=report,
        person=sekcam,
        meeting={"date": TODAY, "place": "Aula Kantor Camat"},
        attendees=[sekcam],
    )


def fill(submission: Submission, *, seed: int = 0) -> None:
    """Fill every row of a submission (realisasi, source, one evidence record)."""
    rows = list(submission.rows.select_related("indikator", "target"))
    for n, row in enumerate(rows):
        if row.indikator.target_kind == TargetKind.TEXT:
            row.realisasi_text = "Terlaksana sesuai rencana"
        else:
            base = row.target.value or Decimal(100)
            row.realisasi = (base * Decimal(85 + (n + seed) % 30) / 100).quantize(Decimal("0.01"))
        row.sumber_data = row.sumber_data or "Laporan seksi"
        row.from_quarter = 0  # a figure prefilled from the quarters is confirmed by saving
        row.version += 1
    PlanRow.objects.bulk_update(
        rows, ["realisasi", "realisasi_text", "sumber_data", "from_quarter", "version"]
    )
    have = set(Evidence.objects.filter(row__submission=submission).values_list("row_id", flat=True))
    Evidence.objects.bulk_create(
        [
            Evidence(
                row=row,
                file=f"evidence/bench/{row.pk}",
                original_name=f"bukti-baris-{row.number}.pdf",
                content_type="application/pdf",
                size=1024,
                sha256=hashlib.sha256(str(row.pk).encode()).hexdigest(),
                uploaded_by=None,
            )
            for row in rows
            if row.pk not in have
        ]
    )


def head_of(submission: Submission) -> Person:
    return Person.objects.select_related("user", "office").get(
        unit=submission.unit, heads_unit=True
    )


def to_drafting(report: Report) -> Report:
    """Steps 3–5 for every unit, then the chapters of step 6 written."""
    prefix = "harau-" if report.office.name == "Harau" else ""
    for sub in report.submissions.all():
        fill(sub)
        svc.submission_submit(submission=sub, person=head_of(sub))
    svc.report_collect(report=report, person=person(f"{prefix}jf"))
    sekcam = person(f"{prefix}sekcam")
    for sub in report.submissions.all():
        svc.submission_accept(submission=sub, person=sekcam)
    svc.report_finish_evaluation(report=report, person=sekcam)
    write_chapters(report, person(f"{prefix}jf"))
    return Report.objects.get(pk=report.pk)


def write_chapters(report: Report, writer: Person) -> None:
    for chapter in report.chapters.all():
        svc.chapter_update(
            chapter=chapter,
            person=writer,
            body=(
                f"{chapter.title} Kecamatan {report.office.name} Tahun {report.year.year}. "
                "Capaian kinerja diuraikan per sasaran strategis berdasarkan data yang "
                "dihimpun dari seluruh Kasi dan Kasubag.\n\n"
            )
            * 3,
            version=chapter.version,
        )


def full_cycle(year: Year, timings: dict[str, float], clock) -> Report:
    """All 13 steps through the services, one entry per step in `timings` (seconds)."""
    camat, sekcam, jf = person("camat"), person("sekcam"), person("jf")

    def step(name: str, fn):
        start = clock()
        result = fn()
        timings[name] = timings.get(name, 0.0) + clock() - start
        return result

    report = step(
        "1 perintah",
        lambda: svc.report_create(
            person=camat, year=year, nota=svc.nota_dinas_defaults(camat, year)
        ),
    )
    step(
        "2 distribusi",
        lambda: svc.report_distribute(
            report=report, person=sekcam, meeting={"date": TODAY}, attendees=[sekcam]
        ),
    )
    subs = list(report.submissions.all())
    for sub in subs:
        fill(sub)
    step(
        "3 kirim isian",
        lambda: [svc.submission_submit(submission=s, person=head_of(s)) for s in subs],
    )
    step("4 himpun", lambda: svc.report_collect(report=report, person=jf))
    step(
        "5 evaluasi",
        lambda: (
            [svc.submission_accept(submission=s, person=sekcam) for s in subs],
            svc.report_finish_evaluation(report=report, person=sekcam),
        ),
    )
    step(
        "6 draf",
        lambda: (write_chapters(report, jf), svc.draft_submit(report=report, person=jf)),
    )
    step("7 koreksi", lambda: svc.draft_accept(report=report, person=sekcam))
    step(
        "8 finalisasi",
        lambda: svc.report_finalise(
            report=report,
            person=sekcam,
            meeting={"date": TODAY, "place": "Aula", "decisions": "LAKIP disepakati."},
            attendees=[camat, sekcam, jf],
        ),
    )
    step("9 ke Camat", lambda: svc.report_send_for_approval(report=report, person=sekcam))
    step("10 tanda tangan", lambda: svc.report_sign(report=report, person=camat))
    step("11 nomor surat", lambda: svc.report_number_letter(report=report, person=jf, date=TODAY))
    step(
        "12 penggandaan",
        lambda: svc.report_duplicate(
            report=report, person=jf, count=5, recipients="Bupati\nInspektorat", made_at=TODAY
        ),
    )
    step(
        "13 pengiriman",
        lambda: svc.report_dispatch(
            report=report,
            person=jf,
            dispatch={"recipient": "Bupati Lima Puluh Kota", "date": TODAY, "method": "Kurir"},
        ),
    )
    return Report.objects.get(pk=report.pk)
