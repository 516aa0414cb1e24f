"""Bab III of the LAKIP in Word: per sasaran its tables, chart and the indicators' analyses,
then the realisation of the budget and the efficiency per sasaran."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH

from documents import lakip
from documents.selectors.shared import fmt_number
from documents.word.base import caption, page_break, para, picture, svg_to_png
from documents.word.tables import add_markup, table

CENTRE = WD_ALIGN_PARAGRAPH.CENTER
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT


def money(value) -> str:
    return fmt_number(value, places=0) if value is not None else "-"


def pct(value) -> str:
    return fmt_number(value, places=2) if value is not None else "-"


def heading(doc, text: str, level: int) -> None:
    doc.add_heading(text, level=level)


def _sasaran(doc, d: dict, s: dict, place: dict, charts: dict[int, str]) -> None:
    year = d["year"]
    heading(doc, f"Sasaran Strategis {s['number']}: {s['name']}", 3)
    caption(doc, "Tabel", place[s["cap_a"]["id"]], s["cap_a"]["title"])
    table(
        doc,
        ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)", "Kategori"],
        [
            [
                str(n),
                r["indikator"],
                r["target"],
                "Kegiatan belum berjalan" if r["belum_berjalan"] else (r["realisasi"] or "-"),
                r["capaian_display"] or "-",
                "Belum berjalan" if r["belum_berjalan"] else (r["band_label"] or "Kualitatif"),
            ]
            for n, r in enumerate(s["rows"], start=1)
        ],
        widths=[1, 6, 2.4, 2.6, 2, 2.4],
        align=[CENTRE, None, CENTRE, CENTRE, CENTRE, CENTRE],
    )
    caption(doc, "Tabel", place[s["cap_b"]["id"]], s["cap_b"]["title"])
    years = d["history_years"]
    header = (
        ["No", "Indikator Kinerja"]
        + [f"Realisasi {y}" for y in years]
        + [f"Realisasi {year}", "Target Akhir Renstra", "Capaian thd. Renstra (%)"]
        + (["Standar Nasional/ Kabupaten"] if d["has_standards"] else [])
    )
    rows = []
    for n, r in enumerate(s["rows"], start=1):
        history = {h["year"]: h for h in r["history"]}
        cells = [str(n), r["indikator"]]
        for y in years:
            h = history.get(y)
            cells.append(
                f"{h['realisasi'] or '-'}"
                + (f" ({h['capaian_display']}%)" if h and h["capaian_display"] else "")
                if h
                else "-"
            )
        cells.append(
            "Belum berjalan"
            if r["belum_berjalan"]
            else (r["realisasi"] or "-")
            + (f" ({r['capaian_display']}%)" if r["capaian_display"] else "")
        )
        cells += [r["renstra"] or "-", r["renstra_capaian"] or "-"]
        if d["has_standards"]:
            std = r["standard"]
            cells.append(
                f"{std['display']}" + (f" ({std['position']})" if std["position"] else "")
                if std
                else "-"
            )
        rows.append(cells)
    rest = (16.5 - 5.5) / (len(header) - 2)
    table(
        doc,
        header,
        rows,
        size=9,
        widths=[1, 4.5] + [rest] * (len(header) - 2),
        align=[CENTRE, None] + [CENTRE] * (len(header) - 2),
    )
    if s["cap_chart"] and s["id"] in charts:
        picture(doc, svg_to_png(charts[s["id"]]), 15.5)
        caption(doc, "Gambar", place[s["cap_chart"]["id"]], s["cap_chart"]["title"])
    para(doc, f"Analisis capaian sasaran {s['number']}:", bold=True)
    for n, r in enumerate(s["rows"], start=1):
        head = para(doc, f"{n}. ")
        head.add_run(r["indikator"]).italic = True
        if r["capaian_display"]:
            head.add_run(f" — capaian {r['capaian_display']}% ({r['band_label']})")
        elif r["belum_berjalan"]:
            head.add_run(" — kegiatan belum berjalan")
        head.paragraph_format.keep_with_next = True
        if r["analysis"]:
            add_markup(doc, r["analysis"])
        elif r["belum_berjalan"]:
            reason = r["belum_berjalan_reason"]
            para(
                doc,
                f"Kegiatan belum berjalan pada tahun {year} sehingga data kinerja belum dapat "
                f"dikumpulkan{': ' + reason if reason else '.'}",
                indent=True,
            )
        elif not d["final"]:
            para(
                doc,
                "Analisis penyebab keberhasilan/kegagalan dan solusi belum ditulis.",
                italic=True,
            )


def bab3(doc, d: dict, place: dict) -> None:
    page_break(doc)
    year = d["year"]
    heading(doc, "BAB III AKUNTABILITAS KINERJA", 1)
    heading(doc, "A. Capaian Kinerja Organisasi", 2)
    bands = ", ".join(f"{b['label']} (≥ {b['min']}%)" for b in d["summary"]["bands"])
    para(
        doc,
        "Pengukuran kinerja dilakukan dengan membandingkan target dan realisasi setiap indikator "
        f"kinerja. Capaian dikelompokkan dalam kategori {bands}.",
        indent=True,
    )
    charts = lakip.chart_svgs(d)
    for s in d["sasaran"]:
        _sasaran(doc, d, s, place, charts)
    heading(doc, "Analisis Capaian Kinerja", 3)
    add_markup(doc, d["chapters"]["bab3_analisis"]["body"])
    heading(doc, "Program dan Kegiatan Penunjang Keberhasilan", 3)
    add_markup(doc, d["chapters"]["bab3_program"]["body"])
    heading(doc, "B. Realisasi Anggaran dan Efisiensi", 2)
    para(
        doc,
        f"Realisasi anggaran Kecamatan {d['office']['name']} Tahun {year} per program adalah "
        "sebagai berikut.",
        indent=True,
    )
    a = d["anggaran"]
    caption(doc, "Tabel", place["anggaran"], d["cap"]["anggaran"]["title"])
    table(
        doc,
        ["No", "Kode", "Program", "Pagu (Rp)", "Realisasi (Rp)", "%"],
        [
            [
                str(n),
                i["code"],
                i["name"],
                money(i["pagu"]),
                money(i["realisasi"]),
                pct(i["percent"]),
            ]
            for n, i in enumerate(a["items"], start=1)
        ],
        widths=[1, 1.8, 6.4, 3, 3, 1.5],
        align=[CENTRE, None, None, RIGHT, RIGHT, RIGHT],
        footer=["", "", "JUMLAH", money(a["pagu"]), money(a["realisasi"]), pct(a["percent"])],
    )
    caption(doc, "Tabel", place["efisiensi"], d["cap"]["efisiensi"]["title"])
    table(
        doc,
        [
            "No",
            "Sasaran Strategis",
            "Capaian Kinerja (%)",
            "Pagu Program (Rp)",
            "Realisasi Anggaran (%)",
            "Efisiensi",
        ],
        [
            [
                str(e["number"]),
                e["name"],
                pct(e["capaian"]),
                money(e["pagu"]) if e["programs"] else "-",
                pct(e["absorbed"]),
                pct(e["ratio"]),
            ]
            for e in d["efficiency"]
        ],
        widths=[1, 6.2, 2.2, 3, 2.4, 1.9],
        align=[CENTRE, None, RIGHT, RIGHT, RIGHT, RIGHT],
    )
    para(
        doc,
        "Efisiensi = capaian kinerja (%) / realisasi anggaran program pendukung (%).",
        italic=True,
        size=10,
    )
    add_markup(doc, d["chapters"]["bab3_efisiensi"]["body"])
