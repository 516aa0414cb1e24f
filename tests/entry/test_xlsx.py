import io
import zipfile
from decimal import Decimal

from openpyxl import load_workbook

from documents.xlsx import table_workbook

RISKY = ['=HYPERLINK("http://x","klik")', "+62 812", "-5 kasus", "@SUM(A1)"]


def test_text_that_looks_like_a_formula_is_written_as_text():
    data = table_workbook(headers=["Teks", "Angka"], rows=[[text, Decimal("-5")] for text in RISKY])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    ws = load_workbook(io.BytesIO(data)).active
    for i, text in enumerate(RISKY, start=2):
        assert ws.cell(row=i, column=1).value == text
        assert ws.cell(row=i, column=1).data_type == "s"
        assert ws.cell(row=i, column=1).quotePrefix
        assert ws.cell(row=i, column=2).value == -5


def test_it_writes_title_headers_and_numbering():
    data = table_workbook(
        headers=["No", "Nama", "Catatan"],
        rows=[[1, "a", "b"]],
        title_lines=["JUDUL"],
        numbering=2,
    )
    ws = load_workbook(io.BytesIO(data)).active
    assert ws["A1"].value == "JUDUL"
    assert [c.value for c in ws[3]] == ["No", "Nama", "Catatan"]
    assert [c.value for c in ws[4]] == [1, 2, None]
    assert [c.value for c in ws[5]] == [1, "a", "b"]
