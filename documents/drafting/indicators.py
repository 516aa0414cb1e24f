"""Bab III A, per indicator: target against realisation and capaian with its band; against the
two previous years in the data; its course through the year's quarters when they were
measured; against the Renstra end target and a national or kabupaten standard; the unit's
remarks; the reason where the activity has not started. Facts are stated; causes are left to
the drafter with a visible note."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from documents.drafting.words import (
    amount,
    better,
    direction,
    join_and,
    md,
    met,
    paragraphs,
    percent,
    quantity,
    quote,
    sentence,
    todo,
)
from sakip.capaian import compute_capaian
from sakip.models import Aggregation, Polarity, TargetKind

if TYPE_CHECKING:
    from workflow.measurement import IndicatorCourse

MEANINGLESS = {"", "-", "–", "0", "tidak ada", "nihil"}


def _remark(r: dict) -> str:
    ket = " ".join((r["keterangan"] or "").split())
    if ket.lower() in MEANINGLESS:
        return ""
    return f"Keterangan dari {md(r['unit'])}: {quote(ket)}."


def _measured(r: dict, year: int) -> str:
    target, real = r["target_value"], r["realisasi_value"]
    cap = f"{r['capaian_display']}%"
    band = r["band_label"]
    if r["kind"] == TargetKind.RANGE:
        first = (
            f"Pada tahun {year} indikator ini ditargetkan dalam rentang {md(r['target'])} dan "
            f"terealisasi {md(r['realisasi'])}, sehingga capaiannya {cap} (kategori {band})."
        )
        low, high = target, r["target_max"]
        if low is None or high is None:
            return first
        if real < low:
            where = (
                f"Realisasi masih {amount(low - real, r['satuan'])} di bawah batas bawah rentang."
            )
        elif real > high:
            where = f"Realisasi melampaui batas atas rentang sebesar {amount(real - high, r['satuan'])}."
        else:
            where = "Realisasi berada di dalam rentang target."
        return sentence(first, where)
    if r["polarity"] == Polarity.LOWER:
        first = (
            f"Indikator ini semakin rendah semakin baik. Target tahun {year} adalah paling "
            f"tinggi {md(r['target'])} dan realisasinya {md(r['realisasi'])}; dengan rumus "
            f"(2 × target − realisasi) / target × 100% capaiannya {cap} (kategori {band})."
        )
    else:
        first = (
            f"Pada tahun {year} indikator ini ditargetkan {md(r['target'])} dan terealisasi "
            f"{md(r['realisasi'])}, sehingga capaiannya {cap} (kategori {band})."
        )
    if target is None:
        return first
    gap = amount(abs(real - target), r["satuan"])
    state = met(real, target, r["polarity"])
    if state == 0:
        second = "Realisasi tepat sama dengan target."
    elif r["polarity"] == Polarity.LOWER:
        second = (
            f"Realisasi {gap} lebih rendah dari target, jadi lebih baik dari yang direncanakan."
            if state > 0
            else f"Realisasi melebihi batas target sebesar {gap}, sehingga target belum tercapai."
        )
    else:
        second = (
            f"Realisasi melampaui target sebesar {gap}."
            if state > 0
            else f"Realisasi masih {gap} di bawah target."
        )
    return sentence(first, second)


def _history(r: dict, year: int) -> str:
    earlier = [h for h in r["history"] if h["year"] < year][-2:]
    if not earlier:
        return (
            "Data realisasi indikator ini pada tahun-tahun sebelumnya belum tersedia dalam "
            "sistem, sehingga perbandingan antartahun belum dapat disajikan. "
            + todo("bila ada, tambahkan realisasi tahun sebelumnya dari LAKIP terdahulu.")
        )
    if r["kind"] == TargetKind.TEXT or r["realisasi_value"] is None:
        shown = quote if r["kind"] == TargetKind.TEXT else md
        told = [
            f"tahun {h['year']} {shown(h['realisasi'])}" if h["realisasi"] else ""
            for h in reversed(earlier)
        ]
        told = [t for t in told if t]
        return f"Sebagai pembanding, realisasi {join_and(told)}." if told else ""
    now = r["realisasi_value"]
    clauses = []
    for h in reversed(earlier):
        value = h.get("realisasi_value")
        if value is None:
            clauses.append(f"pada tahun {h['year']} belum ada realisasi yang dapat dibandingkan")
            continue
        delta = now - value
        shown = md(h["realisasi"])
        if delta == 0:
            clauses.append(f"sama dengan tahun {h['year']} ({shown})")
        else:
            clauses.append(
                f"{direction(delta)} {amount(abs(delta), r['satuan'])} dibanding tahun "
                f"{h['year']} ({shown})"
            )
    text = f"Realisasi tahun {year} {join_and(clauses)}."
    last = next((h for h in reversed(earlier) if h.get("realisasi_value") is not None), None)
    if last is not None:
        trend = better(now - last["realisasi_value"], r["polarity"])
        text += f" Dengan demikian kinerja indikator ini {trend} dibanding tahun {last['year']}."
    return text


def _quarters(r: dict, course: IndicatorCourse | None) -> str:
    """The indicator's course through the measured quarters: each quarter's realisation
    (with the figure to date where the rule adds up or averages) and its capaian against the
    quarter's target, then the year's figure the quarters give by the indicator's rule and
    its capaian against the year's target. Nothing when no quarter was measured."""
    if course is None or r["kind"] == TargetKind.TEXT:
        return ""
    measured = [c for c in course.cells if c.value is not None]
    if not measured or course.year_figure is None:
        return ""
    rule, satuan = course.indikator.aggregation, r["satuan"]
    told = []
    for cell in measured:
        notes = []
        if cell.to_date is not None and cell.to_date != cell.value:
            if rule == Aggregation.CUMULATIVE:
                notes.append(f"kumulatif {quantity(cell.to_date, satuan)}")
            elif rule == Aggregation.AVERAGE:
                notes.append(f"rata-rata sampai {cell.label} {quantity(cell.to_date, satuan)}")
        if cell.capaian.percent is not None:
            notes.append(f"capaian {percent(cell.capaian.rounded)}")
        shown = f"{cell.label} {quantity(cell.value, satuan)}"
        told.append(f"{shown} ({', '.join(notes)})" if notes else shown)
    figure = course.year_figure
    how = {
        Aggregation.CUMULATIVE: "jumlah realisasi triwulan yang terukur",
        Aggregation.AVERAGE: "rata-rata realisasi triwulan yang terukur",
    }.get(rule, f"realisasi {measured[-1].label} sebagai triwulan terakhir yang terukur")
    year_capaian = course.progress
    head = f"Sepanjang tahun, realisasi triwulanan indikator ini adalah {join_and(told)}"
    if year_capaian is not None and year_capaian.percent is not None:
        head += (
            f", sehingga capaian akhir tahun berdasarkan pengukuran triwulanan adalah "
            f"{percent(year_capaian.rounded)} (realisasi tahunan "
            f"{quantity(figure, satuan)}, yaitu {how})."
        )
    else:
        head += (
            f", sehingga realisasi tahunan berdasarkan pengukuran triwulanan adalah "
            f"{quantity(figure, satuan)} ({how})."
        )
    missing = [c.label for c in course.cells if c.value is None]
    gap = f"Pada {join_and(missing)} tidak ada realisasi yang terukur." if missing else ""
    reported = r["realisasi_value"]
    differs = ""
    if reported is not None and reported != figure.quantize(Decimal("0.0001")):
        differs = (
            f"Realisasi tahunan yang dilaporkan ({md(r['realisasi'])}) berbeda dari angka "
            "hasil pengukuran triwulanan. " + todo("jelaskan sebab perbedaannya.")
        )
    return sentence(head, gap, differs)


def _renstra(r: dict) -> str:
    if r["kind"] == TargetKind.TEXT:
        return f"Target akhir Renstra: {quote(r['renstra'])}." if r["renstra"] else ""
    if r["renstra_value"] is None:
        return "Target akhir Renstra indikator ini belum dicatat. " + todo(
            "lengkapi target akhir Renstra di Data induk › Indikator kinerja."
        )
    if r["realisasi_value"] is None or not r["renstra_capaian"]:
        return f"Target akhir Renstra indikator ini adalah {md(r['renstra'])}."
    reached = compute_capaian(
        polarity=r["polarity"],
        kind=TargetKind.NUMBER,
        target=r["renstra_value"],
        realisation=r["realisasi_value"],
    ).percent
    lower = r["polarity"] == Polarity.LOWER
    head = (
        f"Terhadap target akhir Renstra {'paling tinggi' if lower else 'sebesar'} "
        f"{md(r['renstra'])}, realisasi tahun ini setara dengan capaian {r['renstra_capaian']}%"
    )
    if reached is not None and reached >= 100:
        return head + "; target akhir Renstra telah tercapai."
    remaining = amount(abs(r["renstra_value"] - r["realisasi_value"]), r["satuan"])
    if lower:
        return head + f"; realisasi masih perlu turun {remaining} untuk mencapainya."
    return head + f"; masih diperlukan {remaining} lagi untuk mencapainya."


def _standard(r: dict, year: int) -> str:
    std = r.get("standard")
    if not std:
        return ""
    source = f" ({md(std['source'])})" if std["source"] else ""
    if not std["position"]:
        return f"Standar nasional/kabupaten{source} untuk indikator ini adalah {std['display']}."
    return (
        f"Standar nasional/kabupaten{source} untuk indikator ini adalah {std['display']}; "
        f"realisasi tahun {year} {std['position']} standar tersebut."
    )


def _cause(r: dict) -> str:
    target, real = r["target_value"], r["realisasi_value"]
    if r["kind"] == TargetKind.RANGE:
        reached = r["capaian"] is not None and r["capaian"] >= 100
    elif target is None or real is None:
        reached = False
    else:
        reached = met(real, target, r["polarity"]) >= 0
    if reached:
        return todo("jelaskan faktor penyebab keberhasilan dan upaya untuk mempertahankannya.")
    return todo(
        "jelaskan penyebab belum tercapainya target, kendala yang dihadapi, dan langkah "
        "perbaikan yang direncanakan."
    )


def row_analysis(r: dict, year: int, course: IndicatorCourse | None = None) -> str:
    """The analysis of one row (a dict of `selectors.row_data` with history, Renstra and
    standard, see `lakip_data.lakip_document_data`), with the indicator's quarterly course
    (`workflow.measurement.indicator_courses`) when its quarters were measured."""
    quarters = _quarters(r, course)
    if r["belum_berjalan"]:
        reason = " ".join((r["belum_berjalan_reason"] or "").split())
        return paragraphs(
            sentence(
                f"Kegiatan yang mendukung indikator ini belum berjalan pada tahun {year}, "
                f"sehingga realisasi dan capaiannya belum dapat diukur (target: "
                f"{md(r['target'])}).",
                f"Alasan yang disampaikan {md(r['unit'])}: {quote(reason)}." if reason else "",
            ),
            quarters,
            _history(r, year),
            sentence(_renstra(r), _remark(r)),
            todo(
                "jelaskan langkah yang diambil agar kegiatan dapat dilaksanakan dan kapan "
                "capaiannya dapat diukur."
            ),
        )
    if r["kind"] == TargetKind.TEXT:
        same = " ".join(r["target"].lower().split()) == " ".join(r["realisasi"].lower().split())
        return paragraphs(
            sentence(
                f"Indikator ini bersifat kualitatif. Target tahun {year}: {quote(r['target'])}; "
                f"realisasi: {quote(r['realisasi'] or '-')}.",
                "Capaian indikator kualitatif tidak dinyatakan dalam persen, melainkan dinilai "
                "dari kesesuaian realisasi dengan target.",
                "Realisasi sama dengan rumusan target."
                if same
                else todo(
                    "nyatakan apakah realisasi telah memenuhi target dan jelaskan alasannya."
                ),
            ),
            sentence(_history(r, year), _renstra(r)),
            _remark(r),
        )
    if r["realisasi_value"] is None or r["capaian"] is None:
        return paragraphs(
            f"Realisasi indikator ini untuk tahun {year} belum tercatat (target: "
            f"{md(r['target'])}). " + todo("lengkapi realisasi atau jelaskan sebabnya."),
            quarters,
            _remark(r),
        )
    return paragraphs(
        _measured(r, year),
        quarters,
        _history(r, year),
        sentence(_renstra(r), _standard(r, year)),
        sentence(_remark(r), _cause(r)),
    )
