"""The LAKIP as a Word document: the same content as the PDF (documents/lakip.py and
templates/documents/lakip.html), with Word heading styles for chapters and sections, captions
numbered by SEQ fields, a table of contents and lists of tables and figures as Word fields."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from docx.shared import Pt

from documents import lakip
from documents.lakip_data import lakip_document_data
from documents.word.base import (
    caption,
    field_list,
    landscape_section,
    new_document,
    page_break,
    para,
    picture,
    save,
    signature,
    svg_to_png,
)
from documents.word.lakip_bab3 import CENTRE, RIGHT, bab3, heading, money
from documents.word.tables import add_markup, merge_down, table
from sakip.sop_format import SOP_HEADERS


def filename(report) -> str:
    return lakip.filename(report).replace(".pdf", ".docx")


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
    heading(doc, "BAB I PENDAHULUAN", 1)
    add_markup(doc, d["chapters"]["bab1"]["body"])
    heading(doc, "Struktur Organisasi dan Sumber Daya Manusia", 2)
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
    heading(doc, "BAB II PERENCANAAN KINERJA", 1)
    add_markup(doc, d["chapters"]["bab2"]["body"])
    heading(doc, f"A. Perjanjian Kinerja Tahun {year}", 2)
    para(
        doc,
        f"Perjanjian Kinerja Kecamatan {d['office']['name']} Tahun {year} memuat sasaran "
        "strategis, indikator kinerja dan target sebagai berikut.",
        indent=True,
    )
    caption(doc, "Tabel", place["pk"], d["cap"]["pk"]["title"])
    _pk_table(doc, d)
    heading(doc, f"B. Anggaran Tahun {year}", 2)
    caption(doc, "Tabel", place["anggaran_rencana"], d["cap"]["anggaran_rencana"]["title"])
    table(
        doc,
        ["No", "Kode", "Program", "Anggaran (Rp)"],
        [
            [str(n), p["code"], p["name"], money(p["pagu"])]
            for n, p in enumerate(d["plan"]["programs"], start=1)
        ],
        widths=[1, 2, 10, 3.5],
        align=[CENTRE, None, None, RIGHT],
        footer=["", "", "JUMLAH", money(d["plan"]["pagu"])],
    )


def _lampiran(doc, d: dict) -> None:
    landscape_section(doc)
    year = d["year"]
    heading(doc, f"LAMPIRAN I PERJANJIAN KINERJA TAHUN {year}", 1)
    _pk_table(doc, d)
    page_break(doc)
    heading(doc, "LAMPIRAN II FORMAT PENGUMPULAN PERENCANAAN KINERJA", 1)
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
        SOP_HEADERS,
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
    heading(doc, "KATA PENGANTAR", 1)
    add_markup(doc, chapters["kata_pengantar"]["body"])
    signature(doc, d["camat"], f"Camat {office['name']}", place_date=place_date)
    page_break(doc)
    heading(doc, "IKHTISAR EKSEKUTIF", 1)
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
    bab3(doc, d, place)
    page_break(doc)
    heading(doc, "BAB IV PENUTUP", 1)
    add_markup(doc, chapters["bab4"]["body"])
    signature(doc, d["camat"], f"Camat {office['name']}", place_date=place_date)
    _lampiran(doc, d)
    return save(doc)
