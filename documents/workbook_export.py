"""The unit's format as a real workbook (steps 2–3): the SOP's headers and numbering, the
unit's rows prefilled, plan columns locked, a Ya/Tidak dropdown for "belum berjalan", an
instructions sheet, and a very hidden marker saying whose workbook this is."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from documents.nine_columns import HEADERS, ROW_RELATED, nomenklatur_display, target_display
from documents.xlsx import set_cell, table_workbook, workbook_bytes, write_table, write_title
from sakip.models import TargetKind
from workflow.models import Report, Submission

SHEET = "Format"
INSTRUCTIONS_SHEET = "Petunjuk"
MARKER_SHEET = "_sakip"
MARKER_KIND = "sakip-format-isian"
FORMAT_VERSION = 1
EXTRA_HEADERS = ["Kegiatan belum berjalan (Ya/Tidak)", "Alasan belum berjalan"]
ALL_HEADERS = HEADERS + EXTRA_HEADERS
HEADER_ROW = 6
FIRST_DATA_ROW = HEADER_ROW + 2
# Column number (1-based) → the row field it fills.
INPUT_COLUMNS = {
    5: "realisasi",
    7: "sumber_data",
    9: "keterangan",
    10: "belum_berjalan",
    11: "belum_berjalan_reason",
}
WIDTHS = [6, 32, 40, 14, 18, 36, 28, 22, 28, 16, 30]
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
YES, NO = "Ya", "Tidak"
SHEET_PASSWORD = "sakip"  # Guards against slips, not attackers: the import re-checks all.

INSTRUCTIONS = [
    "PETUNJUK PENGISIAN FORMAT PENGUMPULAN PERENCANAAN KINERJA",
    "",
    "1. Isi hanya sel berwarna kuning: kolom 5 (Realisasi/ Progres Capaian), 7 (Sumber Data),",
    "   9 (Ket), serta dua kolom terakhir (Kegiatan belum berjalan dan alasannya).",
    "2. Kolom 2, 3, 4, 6 dan 8 berasal dari rencana kinerja dan dikunci.",
    "3. Realisasi angka ditulis sebagai angka tanpa satuan, mis. 87,5 atau 1.234.",
    "   Untuk indikator persen tulis 0 sampai 100 (tanpa tanda %).",
    "   Untuk target kualitatif tuliskan realisasi/progresnya dalam kalimat.",
    "4. Bila kegiatan belum berjalan, pilih 'Ya' dan tuliskan alasannya; realisasi boleh kosong.",
    "5. Jangan menulis rumus; tuliskan nilainya.",
    "6. Jangan mengubah judul kolom, urutan lembar, atau menyalin ke berkas lain.",
    "7. Unggah kembali berkas ini pada halaman isian unit. Aplikasi menampilkan pratinjau",
    "   perubahan; data baru tersimpan setelah Anda menekan 'Simpan perubahan'.",
    "8. Bukti dukung (PDF, JPG, PNG, XLSX, DOCX) diunggah langsung pada halaman isian.",
]


def _realisasi_cell(row):
    if row.indikator.target_kind == TargetKind.TEXT:
        return row.realisasi_text
    return row.realisasi


def submission_workbook(submission: Submission) -> bytes:
    report: Report = submission.report
    rows = list(submission.rows.select_related(*ROW_RELATED).order_by("number"))
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    write_title(
        ws,
        [
            "FORMAT PENGUMPULAN PERENCANAAN KINERJA",
            f"{report.office} — Tahun {report.year.year}",
            f"Unit: {submission.unit.name}",
            "Isi hanya sel berwarna kuning. Lihat lembar 'Petunjuk'.",
        ],
    )
    data = [
        [
            row.number,
            row.indikator.sasaran.name,
            row.indikator.name,
            target_display(row),
            _realisasi_cell(row),
            nomenklatur_display(row),
            row.sumber_data,
            row.unit.name,
            row.keterangan,
            YES if row.belum_berjalan else NO,
            row.belum_berjalan_reason,
        ]
        for row in rows
    ]
    last = write_table(
        ws, ALL_HEADERS, data, start_row=HEADER_ROW, numbering=len(HEADERS), widths=WIDTHS
    )
    for i, row in enumerate(rows):
        excel_row = FIRST_DATA_ROW + i
        for col in INPUT_COLUMNS:
            cell = ws.cell(row=excel_row, column=col)
            cell.protection = Protection(locked=False)
            cell.fill = INPUT_FILL
        if row.indikator.target_kind != TargetKind.TEXT:
            ws.cell(row=excel_row, column=5).number_format = "#,##0.####"
    if rows:
        choice = DataValidation(
            type="list",
            formula1=f'"{YES},{NO}"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Pilihan tidak sah",
            error="Pilih Ya atau Tidak.",
        )
        ws.add_data_validation(choice)
        choice.add(f"J{FIRST_DATA_ROW}:J{last}")
    ws.freeze_panes = ws.cell(row=FIRST_DATA_ROW, column=3)
    ws.protection.sheet = True
    ws.protection.password = SHEET_PASSWORD
    ws.protection.formatColumns = False
    ws.protection.formatRows = False

    guide = wb.create_sheet(INSTRUCTIONS_SHEET)
    for i, line in enumerate(INSTRUCTIONS, start=1):
        set_cell(guide.cell(row=i, column=1), line).font = Font(bold=(i == 1))
    guide.column_dimensions["A"].width = 100

    marker = wb.create_sheet(MARKER_SHEET)
    for i, (key, value) in enumerate(marker_values(submission).items(), start=1):
        set_cell(marker.cell(row=i, column=1), key)
        marker.cell(row=i, column=2, value=value)
    marker.sheet_state = "veryHidden"
    marker.protection.sheet = True
    marker.protection.password = SHEET_PASSWORD
    wb.security = WorkbookProtection(workbookPassword=SHEET_PASSWORD, lockStructure=True)
    wb.active = 0
    return workbook_bytes(wb)


def marker_values(submission: Submission) -> dict:
    report = submission.report
    return {
        "jenis": MARKER_KIND,
        "versi": FORMAT_VERSION,
        "kantor": report.office_id,
        "tahun": report.year.year,
        "unit": submission.unit_id,
        "laporan": report.pk,
        "isian": submission.pk,
    }


def collection_workbook(report: Report, rows) -> bytes:
    """The combined table of all units (step 4), in the SOP's order, with capaian."""
    from documents.nine_columns import row_cells
    from sakip.capaian import capaian_for_row

    data = []
    for row in rows:
        capaian = capaian_for_row(row, bands=report.year.bands)
        data.append(
            row_cells(row)
            + [
                capaian.rounded,
                capaian.band.label if capaian.band else "",
                str(capaian.formula),
            ]
        )
    return table_workbook(
        headers=HEADERS + ["Capaian (%)", "Kategori", "Rumus"],
        rows=data,
        sheet_title="Himpunan",
        title_lines=[
            "HIMPUNAN FORMAT PENGUMPULAN PERENCANAAN KINERJA",
            f"{report.office} — Tahun {report.year.year}",
        ],
        numbering=len(HEADERS),
        widths=WIDTHS[:9] + [12, 16, 40],
    )
