"""Generates the corpus of workbooks the Excel import must refuse.

Run `python tests/data/make_bad_workbooks.py` to (re)write the files of `STATIC` next to
this script. Those are refused whatever the database holds (not an xlsx, macros, a zip
bomb, no marker, another office). The cases that depend on the ids of a real submission
(another unit, year or report, a tampered header, formulas, foreign rows) are the
`MUTATIONS`: the tests apply them to a freshly downloaded format."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

HERE = Path(__file__).resolve().parent
HEADERS = [
    "No",
    "Sasaran Strategis",
    "Indikator Kinerja",
    "Target",
    "Realisasi/ Progres Capaian",
    "Program/Kegiatan/ Sub Kegiatan",
    "Sumber Data",
    "Yang membidangi",
    "Ket",
    "Kegiatan belum berjalan (Ya/Tidak)",
    "Alasan belum berjalan",
]
HEADER_ROW, FIRST_DATA_ROW = 6, 8


def _save(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def synthetic_format(marker: dict | None) -> bytes:
    """A workbook shaped like the application's format, with the given marker."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Format"
    for col, header in enumerate(HEADERS, start=1):
        ws.cell(row=HEADER_ROW, column=col, value=header)
    for col in range(1, 10):
        ws.cell(row=HEADER_ROW + 1, column=col, value=col)
    ws.cell(row=FIRST_DATA_ROW, column=1, value=1)
    ws.cell(row=FIRST_DATA_ROW, column=5, value=50)
    if marker is not None:
        m = wb.create_sheet("_sakip")
        for i, (key, value) in enumerate(marker.items(), start=1):
            m.cell(row=i, column=1, value=key)
            m.cell(row=i, column=2, value=value)
        m.sheet_state = "veryHidden"
    return _save(wb)


def _rezip(data: bytes, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, change(item.filename, source.read(item)))
        extra = change(None, None)
        for name, content in extra or []:
            target.writestr(name, content)
    return out.getvalue()


def macro_enabled(data: bytes) -> bytes:
    def change(name, content):
        if name is None:
            return [("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"\x00" * 508)]
        if name == "[Content_Types].xml":
            return content.replace(b"spreadsheetml.sheet.main+xml", b"sheet.macroEnabled.main+xml")
        return content

    return _rezip(data, change)


def zip_bomb(data: bytes) -> bytes:
    padding = b"<!--" + b"0" * (64 * 1024 * 1024) + b"-->"

    def change(name, content):
        if name == "xl/worksheets/sheet1.xml":
            return content.replace(b"<sheetData>", padding + b"<sheetData>", 1)
        return content

    return _rezip(data, change)


# Damaged worksheet XML (the parser meets it while cells are read, after the zip passed):
# cut in half, an entity bomb ("billion laughs"), an external entity (XXE).
_LAUGHS = "".join(
    f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10 if i else "ha"}">' for i in range(10)
)
_DOCTYPES = {
    "entity_bomb": (f"<!DOCTYPE worksheet [{_LAUGHS}]>".encode(), b"&l9;"),
    "external_entity": (
        b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        b"&xxe;",
    ),
}


def damaged_sheet(data: bytes, how: str, sheet: str) -> bytes:
    """`data` with the XML of worksheet `sheet` (e.g. "xl/worksheets/sheet1.xml") damaged."""

    def change(name, content):
        if name != sheet:
            return None if name is None else content
        if how == "cut_in_half":
            return content[: len(content) // 2]
        doctype, reference = _DOCTYPES[how]
        start = content.index(b"<worksheet")
        content = content[:start] + doctype + content[start:]
        # The entity is used in the first cell value, so a parser that expands it must.
        at = content.index(b"<v>") + len(b"<v>")
        return content[:at] + reference + content[at:]

    return _rezip(data, change)


DAMAGE = ("cut_in_half", "entity_bomb", "external_entity")
DAMAGED_WORDS = "rusak atau tidak dapat dibaca"
# The format downloaded from the application: its nine-column sheet and its marker sheet.
DOWNLOAD_SHEETS = {"rows": "xl/worksheets/sheet1.xml", "marker": "xl/worksheets/sheet3.xml"}

STATIC_MARKER = {
    "jenis": "sakip-format-isian",
    "versi": 1,
    "kantor": 0,
    "tahun": 2025,
    "unit": 0,
    "laporan": 0,
    "isian": 0,
}

# file name → (bytes maker, the words the refusal must contain)
STATIC = {
    "not_xlsx.xlsx": (lambda: b"No;Realisasi\n1;50\n", "bukan berkas Excel .xlsx"),
    "pdf_named.xlsx": (lambda: b"%PDF-1.4\n%%EOF\n", "bukan berkas Excel .xlsx"),
    "corrupt.xlsx": (lambda: b"PK\x03\x04" + b"\x00" * 200, "bukan berkas Excel .xlsx"),
    "docx_named.xlsx": (
        lambda: _rezip(
            synthetic_format(None),
            lambda n, c: (
                None
                if n is None
                else c.replace(b"spreadsheetml.sheet.main", b"wordprocessingml.document.main")
            ),
        ),
        "bukan berkas Excel .xlsx",
    ),
    "macro_enabled.xlsx": (
        lambda: macro_enabled(synthetic_format(STATIC_MARKER)),
        "makro",
    ),
    "zip_bomb.xlsx": (lambda: zip_bomb(synthetic_format(STATIC_MARKER)), "terlalu besar"),
    "no_marker.xlsx": (lambda: synthetic_format(None), "bukan format isian"),
    **{
        f"{how}.xlsx": (
            lambda how=how: damaged_sheet(
                synthetic_format(STATIC_MARKER), how, "xl/worksheets/sheet2.xml"
            ),
            DAMAGED_WORDS,
        )
        for how in DAMAGE
    },
    "other_office.xlsx": (lambda: synthetic_format(STATIC_MARKER), "kantor kecamatan lain"),
}


def _edit(data: bytes, change) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    change(wb)
    return _save(wb)


def _marker(key: str, delta: int):
    def change(wb):
        ws = wb["_sakip"]
        for row in ws.iter_rows(max_col=2):
            if row[0].value == key:
                row[1].value = row[1].value + delta

    return change


def _cell(ref: str, value):
    def change(wb):
        wb["Format"][ref] = value

    return change


def _foreign_row(wb):
    ws = wb["Format"]
    last = ws.max_row + 1
    ws.cell(row=last, column=1, value=999)
    ws.cell(row=last, column=5, value=10)


# mutation name → (change to a downloaded format, the words the refusal must contain,
# whether the whole file is refused (True) or the preview lists the error (False))
MUTATIONS = {
    "other_unit": (_marker("unit", 1000), "format unit lain", True),
    "other_year": (_marker("tahun", -1), "bukan tahun", True),
    "other_report": (_marker("laporan", 1000), "format laporan lain", True),
    "tampered_header": (_cell("E6", "Realisasi"), "Judul kolom", True),
    "tampered_numbering": (_cell("C7", 4), "Judul kolom", True),
    "formula_in_input": (_cell("E8", "=SUM(1,2)"), "Rumus tidak diizinkan", False),
    "foreign_row": (_foreign_row, "bukan milik isian unit Anda", False),
    "negative_value": (_cell("E8", "-5"), "Angka tidak boleh negatif.", False),
    "bad_flag": (_cell("J8", "Mungkin"), "Isi dengan Ya atau Tidak.", False),
    "missing_reason": (_cell("J8", "Ya"), "Tuliskan alasan kegiatan belum berjalan.", False),
}


def mutate(name: str, data: bytes) -> bytes:
    return _edit(data, MUTATIONS[name][0])


def main() -> None:
    for name, (make, _words) in STATIC.items():
        (HERE / name).write_bytes(make())
        print(f"{name}: {(HERE / name).stat().st_size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
