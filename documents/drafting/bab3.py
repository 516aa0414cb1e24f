"""The closing chapters of the first draft: the analysis of Bab III A as a whole, Bab III B
(efficiency of the budget per sasaran, the supporting programs), and Bab IV Penutup."""

from __future__ import annotations

from decimal import Decimal

from documents.drafting.chapters import budget_sentence, measured_rows, ranked
from documents.drafting.words import (
    bullets,
    direction,
    join_and,
    md,
    paragraphs,
    percent,
    rupiah,
    todo,
)
from documents.selectors.shared import fmt_number

ATTENTION = {"sedang", "rendah", "sangat_rendah"}


def _average_by_year(d: dict) -> list[tuple[int, Decimal]]:
    """The mean capaian of the same indicators in the earlier years, latest first."""
    by_year: dict[int, list[Decimal]] = {}
    for r in d["rows"]:
        for h in r["history"]:
            if h["capaian"] is not None:
                by_year.setdefault(h["year"], []).append(h["capaian"])
    return [
        (y, (sum(v) / len(v)).quantize(Decimal("0.01")))
        for y, v in sorted(by_year.items(), reverse=True)
    ][:2]


def _band_counts(rows: list[dict]) -> str:
    """'2 indikator Sangat Tinggi dan 1 indikator Tinggi', bands from the highest."""
    counts: dict[str, int] = {}
    for r in sorted(rows, key=lambda r: -r["capaian"]):
        if r["band_label"]:
            counts[r["band_label"]] = counts.get(r["band_label"], 0) + 1
    return join_and([f"{n} indikator {label}" for label, n in counts.items()])


def _sasaran_paragraph(s: dict) -> str:
    rows = s["rows"]
    measured = [r for r in rows if r["capaian"] is not None]
    text = f"Sasaran {s['number']} ({md(s['name'])}) diukur dengan {len(rows)} indikator"
    if measured:
        mean = sum(r["capaian"] for r in measured) / len(measured)
        text += f"; rata-rata capaiannya {percent(mean)}"
        counts = _band_counts(measured)
        if counts:
            text += f" ({counts})"
    waiting = sum(1 for r in rows if r["belum_berjalan"])
    if waiting:
        text += f"; {waiting} indikator kegiatannya belum berjalan"
    text += "."
    top = max(measured, key=lambda r: r["capaian"], default=None)
    low = min(measured, key=lambda r: r["capaian"], default=None)
    if top is not None and top["capaian"] != low["capaian"]:
        text += (
            f" Capaian tertinggi pada indikator {md(top['indikator'])} "
            f"({top['capaian_display']}%), terendah pada indikator {md(low['indikator'])} "
            f"({low['capaian_display']}%)."
        )
    return text


def bab3_analisis(d: dict) -> str:
    s = d["summary"]
    blocks = []
    if s["average_display"]:
        head = (
            f"Secara keseluruhan, rata-rata capaian {s['measured']} indikator yang terukur adalah "
            f"{s['average_display']}% (kategori {s['predicate']})."
        )
        earlier = _average_by_year(d)
        if earlier:
            told = join_and([f"{percent(v)} pada tahun {y}" for y, v in earlier])
            delta = s["average"] - earlier[0][1]
            head += (
                f" Rata-rata capaian indikator yang sama adalah {told}; dengan demikian "
                f"rata-rata capaian tahun ini {direction(delta)}"
                + (f" {fmt_number(abs(delta), places=2)} poin" if delta else "")
                + f" dibanding tahun {earlier[0][0]}."
            )
        blocks.append(head)
    blocks.append("Capaian per sasaran strategis:")
    blocks.append(bullets([_sasaran_paragraph(x) for x in d["sasaran"]]))
    attention = [r for r in measured_rows(d) if r["band"] in ATTENTION]
    if attention:
        blocks.append(
            "Indikator berikut memerlukan perhatian karena capaiannya berkategori Sedang atau lebih rendah:"
        )
        blocks.append(
            bullets(
                [
                    f"{md(r['indikator'])}: {r['capaian_display']}% ({r['band_label']})"
                    for r in attention
                ]
            )
        )
    blocks.append(
        todo(
            "simpulkan faktor yang paling memengaruhi capaian tahun ini dan kaitkan dengan "
            "analisis per indikator di atas."
        )
    )
    return paragraphs(*blocks)


def bab3_efisiensi(d: dict) -> str:
    year = d["year"]
    intro = (
        "Efisiensi penggunaan sumber daya diukur dengan membandingkan rata-rata capaian kinerja "
        "setiap sasaran dengan persentase realisasi anggaran program yang mendukungnya "
        "(efisiensi = capaian % / realisasi anggaran %). Nilai lebih dari 1 berarti capaian "
        "kinerja relatif lebih tinggi daripada anggaran yang terserap "
        f"({d['cap']['efisiensi']['label']})."
    )
    if not d["anggaran"]["realisasi"]:
        return paragraphs(
            intro,
            f"Realisasi anggaran tahun {year} belum tercatat dalam sistem, sehingga efisiensi "
            "belum dapat dihitung. "
            + todo(
                "lengkapi realisasi anggaran program di Data induk › Anggaran program, lalu "
                "buat ulang bab ini."
            ),
        )
    items = []
    for e in d["efficiency"]:
        head = f"Sasaran {e['number']} ({md(e['name'])}): "
        if not e["programs"]:
            items.append(
                head
                + "belum ada program beranggaran yang terhubung dengan indikatornya. "
                + todo("hubungkan indikator dengan program/kegiatan di Data induk.")
            )
        elif e["capaian"] is None:
            items.append(head + "belum ada indikator yang capaiannya terukur dalam persen.")
        elif e["ratio"] is None:
            items.append(head + "realisasi anggaran programnya belum tercatat.")
        else:
            verdict = (
                "efisien"
                if e["ratio"] >= 1
                else "capaian kinerja lebih rendah daripada persentase anggaran yang terserap"
            )
            items.append(
                head + f"capaian {percent(e['capaian'])}, realisasi anggaran "
                f"{percent(e['absorbed'])} ({rupiah(e['realisasi'])} dari {rupiah(e['pagu'])}), "
                f"efisiensi {fmt_number(e['ratio'], places=2)}: {verdict}."
            )
    return paragraphs(
        intro,
        bullets(items),
        budget_sentence(d),
        todo(
            "jelaskan penyebab sisa anggaran (efisiensi belanja, kegiatan yang tidak "
            "terlaksana, dan sebagainya)."
        ),
    )


def bab3_program(d: dict) -> str:
    plan = d["plan"]
    kegiatan: dict[str, list[str]] = {}
    for s in plan["sasaran"]:
        for i in s["indikator"]:
            if (
                i["program_code"]
                and i["kegiatan"]
                and i["kegiatan"] not in kegiatan.get(i["program_code"], [])
            ):
                kegiatan.setdefault(i["program_code"], []).append(i["kegiatan"])
    numbers = {s["id"]: s["number"] for s in plan["sasaran"]}
    items = []
    for p in plan["programs"]:
        serves = sorted(numbers[x] for x in p["sasaran_ids"] if x in numbers)
        spent = (
            f"realisasi {rupiah(p['realisasi'])}, {percent(p['percent'])}"
            if p["realisasi"]
            else "realisasi belum tercatat"
        )
        text = f"**{md(p['name'])}** (pagu {rupiah(p['pagu'])}, {spent})"
        if serves:
            text += f" mendukung sasaran {join_and([str(n) for n in serves])}"
            if kegiatan.get(p["code"]):
                text += f" melalui {join_and([md(k) for k in kegiatan[p['code']]])}"
            text += "."
        else:
            text += " menunjang penyelenggaraan tugas kantor secara umum."
        items.append(text)
    if not items:
        return f"Program dan anggaran tahun {d['year']} belum tercatat. " + todo(
            "uraikan program dan kegiatan yang menunjang keberhasilan."
        )
    return paragraphs(
        f"Capaian kinerja tahun {d['year']} didukung oleh program dan kegiatan berikut:",
        bullets(items),
        todo("uraikan kegiatan yang paling menunjang keberhasilan atau menghambat capaian."),
    )


def bab4(d: dict) -> str:
    s = d["summary"]
    name = f"Kecamatan {d['office']['name']}"
    best, _weakest = ranked(d)
    missed = [r for r in measured_rows(d) if r["capaian"] < 100]
    head = (
        f"Laporan Kinerja Instansi Pemerintah (LKjIP) {name} Tahun {d['year']} melaporkan "
        f"{len(d['sasaran'])} sasaran strategis dengan {s['indikator']} indikator kinerja."
    )
    if s["average_display"]:
        head += (
            f" Rata-rata capaian {s['measured']} indikator yang terukur adalah "
            f"{s['average_display']}% dengan predikat {s['predicate']}"
        )
        counts = _band_counts(measured_rows(d))
        head += f" ({counts})." if counts else "."
    if s["belum_berjalan"]:
        head += f" Sebanyak {s['belum_berjalan']} indikator kegiatannya belum berjalan."
    blocks = ["**A. Kesimpulan**", head, budget_sentence(d)]
    if best:
        blocks.append(
            "Keberhasilan utama tampak pada indikator "
            + join_and([f"{md(r['indikator'])} ({r['capaian_display']}%)" for r in best])
            + "."
        )
    if missed:
        blocks.append("Indikator yang belum mencapai target:")
        blocks.append(bullets([f"{md(r['indikator'])}: {r['capaian_display']}%" for r in missed]))
    elif measured_rows(d):
        blocks.append("Seluruh indikator yang terukur telah mencapai target.")
    blocks += [
        "**B. Rekomendasi**",
        todo(
            "tuliskan rekomendasi dan langkah perbaikan untuk tahun berikutnya, terutama bagi "
            "indikator yang belum mencapai target atau kegiatannya belum berjalan."
        ),
        f"Demikian Laporan Kinerja {name} Tahun {d['year']} ini disusun. Semoga bermanfaat "
        "sebagai bahan evaluasi dan peningkatan kinerja.",
    ]
    return paragraphs(*blocks)
