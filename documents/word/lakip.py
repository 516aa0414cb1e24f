"""The LAKIP as a Word document: the same content as the PDF (documents/lakip.py and
templates/documents/lakip.html), with Word heading styles for chapters and sections, captions
numbered by SEQ fields, a table of contents and lists of tables and figures as Word fields."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from documents import lakip
from documents.lakip_data import lakip_document_data
from documents.selectors import fmt_number
from documents.word.base import (
    add_markup,
    caption,
    field_list,
    landscape_section,
    merge_down,
    new_document,
    page_break,
    para,
    picture,
    save,
    signature,
    svg_to_png,
    table,
)

CENTRE = WD_ALIGN_PARAGRAPH.CENTER
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT


def filename(report) -> str:
    return lakip.filename(report).replace(".pdf", ".docx")


def _money(value) -> str:
    return fmt_number(value, places=0) if value is not None else "-"


def _pct(value) -> str:
    return fmt_number(value, places=2) if value is not None else "-"


def _cover(doc, d: dict) -> None:
    office = d["office"]
    for text, size, before in (
        (f"PEMERINTAH KABUPATEN {office['kabupaten'].upper()}", 15, 0),
        ("LAPORAN KINERJA", 24, 80),
        ("INSTANSI PEMERINTAH", 24, 0),
        (f"({d['abbr']})", 18, 6),
        (f"KECAMATAN {office['name'].upper()}", 20, 60),
        (f"TAHUN {d['year']}", 20, 8),
    ):
        p = para(doc, text, bold=True, align=CENTRE, size=size)
        p.paragraph_format.space_before = Pt(before)
    if not d["final"]:
        para(doc, "DRAF — belum ditandatangani", italic=True, align=CENTRE, size=11)
    for n, text in enumerate(
        (
            f"KECAMATAN {office['name'].upper()}",
            f"KABUPATEN {office['kabupaten'].upper()}",
            str(d["date"].year),
        )
    ):
        p = para(doc, text, bold=True, align=CENTRE, size=13)
        p.paragraph_format.space_after = Pt(0)
        if n == 0:
            p.paragraph_format.space_before = Pt(160 if d["final"] else 140)
    page_break(doc)


def _heading(doc, text: str, level: int) -> None:
    doc.add_heading(text, level=level)


def _title(doc, text: str) -> None:
    """A centred title that is not a heading (so the table of contents leaves it out)."""
    para(doc, text, bold=True, align=CENTRE, size=14)


def _pk_table(doc, d: dict) -> None:
    rows, spans = [], []
    for s in d["plan"]["sasaran"]:
        first = len(rows) + 1
        for i in s["indikator"]:
            rows.append([str(s["number"]), s["name"], i["name"], i["target"]])
        spans.append((first, len(rows)))
    t = table(
        doc,
        ["No", "Sasaran Strategis", "Indikator Kinerja", f"Target {d['year']}"],
        rows,
        widths=[1, 5.5, 7, 3],
        align=[CENTRE, None, None, CENTRE],
    )
    for first, last in spans:
        merge_down(t, 0, first, last)
        merge_down(t, 1, first, last)


def _bab1(doc, d: dict, place: dict) -> None:
    page_break(doc)
    _heading(doc, "BAB I PENDAHULUAN", 1)
    add_markup(doc, d["chapters"]["bab1"]["body"])
    _heading(doc, "Struktur Organisasi dan Sumber Daya Manusia", 2)
    picture(doc, svg_to_png(lakip.org_chart_svg(d)), 16)
    cap = d["cap"]
    caption(doc, "Gambar", place["struktur"], cap["struktur"]["title"])
    caption(doc, "Tabel", place["pegawai"], cap["pegawai"]["title"])
    rows, spans = [], []
    for n, g in enumerate(d["people"]["groups"], start=1):
        first = len(rows) + 1
        for p in g["people"]:
            rows.append([str(n), g["unit"], p["name"], p["jabatan"], p["golongan"]])
        spans.append((first, len(rows)))
    t = table(
        doc,
        ["No", "Unit Kerja", "Nama", "Jabatan", "Golongan"],
        rows,
        widths=[1, 4.5, 4.2, 4.5, 2],
        align=[CENTRE, None, None, None, CENTRE],
        footer=["", "JUMLAH PEGAWAI", "", "", str(d["people"]["total"])],
    )
    for first, last in spans:
        merge_down(t, 0, first, last)
        merge_down(t, 1, first, last)


def _bab2(doc, d: dict, place: dict) -> None:
    page_break(doc)
    year = d["year"]
    _heading(doc, "BAB II PERENCANAAN KINERJA", 1)
    add_markup(doc, d["chapters"]["bab2"]["body"])
    _heading(doc, f"A. Perjanjian Kinerja Tahun {year}", 2)
    para(
        doc,
        f"Perjanjian Kinerja Kecamatan {d['office']['name']} Tahun {year} memuat sasaran "
        "strategis, indikator kinerja dan target sebagai berikut.",
        indent=True,
    )
    caption(doc, "Tabel", place["pk"], d["cap"]["pk"]["title"])
    _pk_table(doc, d)
    _heading(doc, f"B. Anggaran Tahun {year}", 2)
    caption(doc, "Tabel", place["anggaran_rencana"], d["cap"]["anggaran_rencana"]["title"])
    table(
        doc,
        ["No", "Kode", "Program", "Anggaran (Rp)"],
        [
            [str(n), p["code"], p["name"], _money(p["pagu"])]
            for n, p in enumerate(d["plan"]["programs"], start=1)
        ],
        widths=[1, 2, 10, 3.5],
        align=[CENTRE, None, None, RIGHT],
        footer=["", "", "JUMLAH", _money(d["plan"]["pagu"])],
    )


def _sasaran(doc, d: dict, s: dict, place: dict, charts: dict[int, str]) -> None:
    year = d["year"]
    _heading(doc, f"Sasaran Strategis {s['number']}: {s['name']}", 3)
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


def _bab3(doc, d: dict, place: dict) -> None:
    page_break(doc)
    year = d["year"]
    _heading(doc, "BAB III AKUNTABILITAS KINERJA", 1)
    _heading(doc, "A. Capaian Kinerja Organisasi", 2)
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
    _heading(doc, "Analisis Capaian Kinerja", 3)
    add_markup(doc, d["chapters"]["bab3_analisis"]["body"])
    _heading(doc, "Program dan Kegiatan Penunjang Keberhasilan", 3)
    add_markup(doc, d["chapters"]["bab3_program"]["body"])
    _heading(doc, "B. Realisasi Anggaran dan Efisiensi", 2)
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
                _money(i["pagu"]),
                _money(i["realisasi"]),
                _pct(i["percent"]),
            ]
            for n, i in enumerate(a["items"], start=1)
        ],
        widths=[1, 1.8, 6.4, 3, 3, 1.5],
        align=[CENTRE, None, None, RIGHT, RIGHT, RIGHT],
        footer=["", "", "JUMLAH", _money(a["pagu"]), _money(a["realisasi"]), _pct(a["percent"])],
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
                _pct(e["capaian"]),
                _money(e["pagu"]) if e["programs"] else "-",
                _pct(e["absorbed"]),
                _pct(e["ratio"]),
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


def _lampiran(doc, d: dict) -> None:
    landscape_section(doc)
    year = d["year"]
    _heading(doc, f"LAMPIRAN I PERJANJIAN KINERJA TAHUN {year}", 1)
    _pk_table(doc, d)
    page_break(doc)
    _heading(doc, "LAMPIRAN II FORMAT PENGUMPULAN PERENCANAAN KINERJA", 1)
    rows = []
    for r in d["rows"]:
        if r["belum_berjalan"]:
            real = "Kegiatan belum berjalan" + (
                f": {r['belum_berjalan_reason']}" if r["belum_berjalan_reason"] else ""
            )
        else:
            real = (r["realisasi"] or "-") + (
                f"; capaian {r['capaian_display']}% ({r['band_label']})"
                if r["capaian_display"]
                else ""
            )
        rows.append(
            [
                str(r["number"]),
                r["sasaran"],
                r["indikator"],
                r["target"],
                real,
                r["program"],
                r["sumber_data"],
                r["unit"],
                r["keterangan"],
            ]
        )
    table(
        doc,
        [
            "No",
            "Sasaran Strategis",
            "Indikator Kinerja",
            "Target",
            "Realisasi/ Progres Capaian",
            "Program/Kegiatan/ Sub Kegiatan",
            "Sumber Data",
            "Yang membidangi",
            "Ket",
        ],
        rows,
        header_rows=[[str(n) for n in range(1, 10)]],
        widths=[0.8, 3.4, 4.2, 2, 2.8, 4.2, 2.8, 2.6, 3.2],
        size=8,
    )


def _places(d: dict) -> dict:
    """Caption key (or id) → its number, from the same list the PDF numbers."""
    place = {t["id"]: int(t["label"].split()[-1]) for t in d["tables"] + d["figures"]}
    for key, entry in d["cap"].items():
        place[key] = place[entry["id"]]
    return place


def docx(report) -> bytes:
    """The LAKIP of `report` as DOCX bytes: a DRAFT until signed, then a copy of the final
    (the signed PDF stays the record)."""
    signed = getattr(report, "signed_document", None)
    on = timezone.localdate(signed.signed_at) if signed is not None else None
    d = lakip_document_data(report, final=signed is not None, on=on)
    office = d["office"]
    with translation.override(settings.LANGUAGE_CODE):
        place_date = f"{office['city']}, {date_format(d['date'], 'j F Y')}"
    doc = new_document(
        header=f"{d['title']} ({d['abbr']}) Kecamatan {office['name']} Tahun {d['year']}",
        draft=signed is None,
        cover=True,
    )
    place = _places(d)
    chapters = d["chapters"]
    _cover(doc, d)
    _heading(doc, "KATA PENGANTAR", 1)
    add_markup(doc, chapters["kata_pengantar"]["body"])
    signature(doc, d["camat"], f"Camat {office['name']}", place_date=place_date)
    page_break(doc)
    _heading(doc, "IKHTISAR EKSEKUTIF", 1)
    add_markup(doc, chapters["ikhtisar"]["body"])
    caption(doc, "Tabel", place["ringkasan"], d["cap"]["ringkasan"]["title"])
    bands = d["summary"]["bands"]
    table(
        doc,
        ["No", "Kategori Capaian", "Jumlah Indikator"],
        [[str(n), b["label"], str(b["count"])] for n, b in enumerate(bands, start=1)]
        + [[str(len(bands) + 1), "Kegiatan belum berjalan", str(d["summary"]["belum_berjalan"])]],
        widths=[1.2, 9, 4],
        align=[CENTRE, None, CENTRE],
    )
    page_break(doc)
    _title(doc, "DAFTAR ISI")
    field_list(
        doc,
        'TOC \\o "1-3" \\h \\z \\u',
        [
            "KATA PENGANTAR",
            "IKHTISAR EKSEKUTIF",
            "BAB I PENDAHULUAN",
            "BAB II PERENCANAAN KINERJA",
            "BAB III AKUNTABILITAS KINERJA",
            "BAB IV PENUTUP",
            "LAMPIRAN",
        ],
    )
    page_break(doc)
    _title(doc, "DAFTAR TABEL")
    field_list(doc, 'TOC \\h \\z \\c "Tabel"', [f"{t['label']}. {t['title']}" for t in d["tables"]])
    page_break(doc)
    _title(doc, "DAFTAR GAMBAR")
    field_list(
        doc, 'TOC \\h \\z \\c "Gambar"', [f"{f['label']}. {f['title']}" for f in d["figures"]]
    )
    _bab1(doc, d, place)
    _bab2(doc, d, place)
    _bab3(doc, d, place)
    page_break(doc)
    _heading(doc, "BAB IV PENUTUP", 1)
    add_markup(doc, chapters["bab4"]["body"])
    signature(doc, d["camat"], f"Camat {office['name']}", place_date=place_date)
    _lampiran(doc, d)
    return save(doc)
