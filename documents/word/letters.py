"""The procedure's letters as Word documents, from the same data as their PDFs: the nota
dinas (step 1), the berita acara with its daftar hadir (step 8) and the surat pengantar
(step 11). Each a copy for editing; the PDFs are what the procedure records."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from documents.selectors import letters as selectors
from documents.word.base import (
    LETTER_COPY,
    letterhead,
    new_document,
    page_break,
    para,
    save,
    signature,
)
from documents.word.tables import table

CENTRE = WD_ALIGN_PARAGRAPH.CENTER


def _date(value, fmt: str = "j F Y") -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return date_format(value, fmt)


def _meta(doc, rows: list[tuple[str, str]], *, bold_last: bool = False) -> None:
    """'Label : value' lines, aligned with a tab stop."""
    for n, (label, value) in enumerate(rows):
        p = doc.add_paragraph()
        fmt = p.paragraph_format
        fmt.first_line_indent = Cm(0)
        fmt.space_after = Pt(0)
        fmt.left_indent = Cm(3.6)
        fmt.first_line_indent = Cm(-3.6)
        fmt.tab_stops.add_tab_stop(Cm(3.2))
        fmt.tab_stops.add_tab_stop(Cm(3.6))
        p.add_run(f"{label}\t:\t")
        run = p.add_run(value)
        run.bold = (bold_last and n == len(rows) - 1) or None


def _paragraphs(doc, text: str) -> None:
    for block in [b.strip() for b in (text or "").split("\n\n") if b.strip()]:
        p = para(doc, indent=True)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        for i, line in enumerate(block.splitlines()):
            if i:
                p.add_run().add_break()
            p.add_run(line)


def _title(doc, title: str, *lines: str) -> None:
    p = para(doc, title, bold=True, align=CENTRE, size=13)
    p.runs[0].underline = True
    p.paragraph_format.space_after = Pt(0)
    for line in lines:
        q = para(doc, line, align=CENTRE, bold=True)
        q.paragraph_format.space_after = Pt(0)
    doc.add_paragraph()


def nota_dinas_docx(report) -> bytes:
    d = selectors.nota_dinas_data(report)
    office = d["office"]
    doc = new_document(header=f"Nota Dinas {d['nomor']}", draft=False, note=LETTER_COPY)
    letterhead(doc, office)
    _title(doc, "NOTA DINAS")
    tembusan = d["tembusan"]
    _meta(
        doc,
        [
            ("Kepada", f"Yth. {d['kepada']}"),
            ("Dari", d["dari"]),
            ("Tembusan", "; ".join(tembusan) if tembusan else "-"),
            ("Tanggal", _date(d["tanggal"])),
            ("Nomor", d["nomor"]),
            ("Sifat", d["sifat"]),
            ("Lampiran", d["lampiran"]),
            ("Hal", d["hal"]),
        ],
        bold_last=True,
    )
    doc.add_paragraph()
    _paragraphs(doc, d["isi"])
    signature(doc, d["signatory"], f"Camat {office['name']}")
    return save(doc)


def berita_acara_docx(report) -> bytes:
    d = selectors.berita_acara_data(report)
    office = d["office"]
    doc = new_document(
        header=f"Berita Acara Rapat Finalisasi LAKIP Kecamatan {office['name']} Tahun {d['year']}",
        draft=False,
        note=LETTER_COPY,
    )
    letterhead(doc, office)
    number = [f"Nomor: {d['number']}"] if d["number"] else []
    _title(
        doc,
        "BERITA ACARA",
        "RAPAT FINALISASI LAPORAN KINERJA INSTANSI PEMERINTAH (LAKIP)",
        f"KECAMATAN {office['name'].upper()} TAHUN {d['year']}",
        *number,
    )
    when = f"Pada hari ini {_date(d['date'], 'l')}, tanggal {_date(d['date'])}"
    if d["start_time"]:
        when += f", pukul {d['start_time'].strftime('%H.%M')} WIB"
    if d["place"]:
        when += f", bertempat di {d['place']}"
    _paragraphs(
        doc,
        f"{when}, telah dilaksanakan Rapat Finalisasi Laporan Kinerja Instansi Pemerintah "
        f"(LAKIP) Kecamatan {office['name']} Tahun {d['year']} sesuai langkah 8 SOP Perencanaan "
        "Kinerja, dengan rincian sebagai berikut:",
    )
    chair = d["chair"]
    _meta(
        doc,
        [
            (
                "Pimpinan rapat",
                chair["name"] + (f" ({chair['jabatan']})" if chair["jabatan"] else ""),
            ),
            ("Peserta", f"{len(d['attendees'])} orang (daftar hadir terlampir)"),
            ("Acara", d["agenda"] or "Finalisasi draf LAKIP"),
        ],
    )
    para(doc, "Hasil/kesimpulan rapat:", bold=True)
    _paragraphs(doc, d["decisions"] or "-")
    _paragraphs(
        doc,
        "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana "
        "mestinya.",
    )
    signature(doc, chair, "Pimpinan Rapat")
    page_break(doc)
    letterhead(doc, office)
    _title(
        doc,
        "DAFTAR HADIR",
        f"RAPAT FINALISASI LAKIP KECAMATAN {office['name'].upper()} TAHUN {d['year']}",
    )
    _meta(
        doc,
        [
            ("Hari/tanggal", _date(d["date"], "l, j F Y")),
            ("Tempat", d["place"] or "-"),
        ],
    )
    doc.add_paragraph()
    table(
        doc,
        ["No", "Nama", "Jabatan", "Tanda Tangan"],
        [
            [str(n), a["name"], a["jabatan"], f"{n}. .............."]
            for n, a in enumerate(d["attendees"], start=1)
        ],
        widths=[1, 5.4, 6.3, 3.8],
        size=11,
    )
    signature(doc, chair, "Pimpinan Rapat")
    return save(doc)


def surat_pengantar_docx(report) -> bytes:
    d = selectors.surat_pengantar_data(report)
    office = d["office"]
    doc = new_document(header=f"Surat Pengantar {d['number']}", draft=False, note=LETTER_COPY)
    letterhead(doc, office)
    for line in (
        f"{office['city']}, {_date(d['date'])}",
        "",
        "Kepada",
        f"Yth. {d['recipient'] or 'Bupati ' + office['kabupaten']}",
        "di –",
        "      Tempat",
    ):
        p = para(doc, line)
        p.paragraph_format.left_indent = Cm(9)
        p.paragraph_format.space_after = Pt(0)
    doc.add_paragraph()
    _title(doc, "SURAT PENGANTAR", f"Nomor: {d['number']}")
    table(
        doc,
        ["No", "Naskah Dinas/Barang yang Dikirimkan", "Banyaknya", "Keterangan"],
        [
            [
                "1",
                f"Laporan Kinerja Instansi Pemerintah (LAKIP) Kecamatan {office['name']} Tahun "
                f"{d['year']}, telah ditandatangani secara elektronik oleh Camat {office['name']}",
                f"{d['copies']} eksemplar" if d["copies"] else "1 (satu) berkas",
                "Disampaikan dengan hormat untuk dapat dipergunakan sebagaimana mestinya",
            ]
        ],
        widths=[1, 7.5, 3.2, 4.8],
        size=11,
    )
    for line in (
        "Diterima tanggal: ....................",
        "Penerima,",
        "",
        "",
        "(.............................)",
        "NIP. ....................",
    ):
        p = para(doc, line)
        p.paragraph_format.space_after = Pt(0)
    signature(doc, d["signatory"], f"Camat {office['name']}")
    return save(doc)


# kind → writer (the file name is the PDF's, with the DOCX extension)
WRITERS = {
    "nota-dinas": nota_dinas_docx,
    "berita-acara": berita_acara_docx,
    "surat-pengantar": surat_pengantar_docx,
}
