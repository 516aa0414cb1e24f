"""The year's plan as a workbook (reading it back: `plan_workbook_import`), with the
nine-column workbook's discipline: the shared safe writer (`documents.xlsx`: text never
becomes a formula), input cells unlocked and coloured, choice lists, an instructions sheet,
and a very hidden marker saying whose plan this is."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from documents.xlsx import set_cell, workbook_bytes, write_table, write_title
from sakip.models import (
    Aggregation,
    Polarity,
    Target,
    TargetKind,
    Unit,
    Year,
)
from sakip.planning.snapshot import plan_budget, plan_targets

PLAN_SHEET, BUDGET_SHEET, GUIDE_SHEET, MARKER_SHEET = "Rencana", "Anggaran", "Petunjuk", "_sakip"
MARKER_KIND = "sakip-rencana"
FORMAT_VERSION = 1
HEADER_ROW = 5
FIRST_DATA_ROW = HEADER_ROW + 1
YES, NO = "Ya", "Tidak"
SHEET_PASSWORD = "sakip"  # Guards against slips, not attackers: the import re-checks all.
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
EXTRA_ROWS_ALLOWED = 200

# (header, field) of the plan sheet; the first two columns are the plan's, locked.
PLAN_COLUMNS = [
    ("ID", None),
    ("Sasaran Strategis", None),
    ("Indikator Kinerja", "name"),
    ("IKU (Ya/Tidak)", "iku"),
    ("Satuan", "satuan"),
    ("Jenis target", "target_kind"),
    ("Polaritas", "polarity"),
    ("Cara menghitung triwulan", "aggregation"),
    ("Target", "value"),
    ("Batas atas (rentang)", "value_max"),
    ("Target (teks)", "text"),
    ("TW I", "tw1"),
    ("TW II", "tw2"),
    ("TW III", "tw3"),
    ("TW IV", "tw4"),
    ("Target akhir Renstra", "renstra_target"),
    ("Target akhir Renstra (teks)", "renstra_target_text"),
    ("Definisi/formula", "definition"),
    ("Alasan pemilihan", "alasan"),
    ("Sumber data", "sumber_data"),
    ("Yang membidangi", "unit"),
    ("Kode Program/Kegiatan/Sub Kegiatan", "nomenklatur"),
]
PLAN_HEADERS = [h for h, _f in PLAN_COLUMNS]
PLAN_WIDTHS = [6, 30, 40, 9, 10, 14, 24, 22, 10, 10, 22, 8, 8, 8, 8, 10, 22, 36, 30, 28, 26, 20]
BUDGET_HEADERS = [
    "ID",
    "Kode",
    "Program/Kegiatan/Sub Kegiatan",
    "Tingkat",
    "Pagu (Rp)",
    "Realisasi (Rp)",
]
BUDGET_WIDTHS = [6, 20, 60, 14, 18, 18]
NUMBER_FIELDS = {"value", "value_max", "tw1", "tw2", "tw3", "tw4", "renstra_target"}
CHOICES = {"target_kind": TargetKind, "polarity": Polarity, "aggregation": Aggregation}

INSTRUCTIONS = [
    "PETUNJUK PENGISIAN RENCANA KINERJA",
    "",
    "1. Lembar 'Rencana': satu baris per indikator. Isi hanya sel berwarna kuning; kolom ID dan",
    "   Sasaran Strategis berasal dari aplikasi dan dikunci.",
    "2. Angka ditulis tanpa satuan, mis. 90, 2,5 atau 1.234. Persen ditulis 0 sampai 100.",
    "3. Jenis target, polaritas, cara menghitung triwulan dan yang membidangi dipilih dari daftar.",
    "4. Kumulatif dan nilai terakhir: target TW IV sama dengan target tahun ini.",
    "5. Lembar 'Anggaran': pagu dan realisasi dalam rupiah. Baris baru: kosongkan ID dan tulis",
    "   kode program/kegiatan/sub kegiatan yang ada di nomenklatur kantor.",
    "6. Jangan menulis rumus; tuliskan nilainya. Jangan mengubah judul kolom atau urutan lembar.",
    "7. Indikator baru ditambahkan di halaman rencana, bukan di berkas ini.",
    "8. Unggah kembali berkas ini di halaman rencana. Aplikasi menampilkan pratinjau; data baru",
    "   tersimpan setelah Anda menekan 'Simpan perubahan'.",
]


def choice_label(choices, value: str) -> str:
    return str(choices(value).label)


def _row_cells(target: Target) -> list:
    ind = target.indikator
    return [
        target.pk,
        ind.sasaran.name,
        ind.name,
        YES if ind.iku else NO,
        ind.satuan,
        choice_label(TargetKind, ind.target_kind),
        choice_label(Polarity, ind.polarity),
        choice_label(Aggregation, ind.aggregation),
        target.value,
        target.value_max,
        target.text,
        target.tw1,
        target.tw2,
        target.tw3,
        target.tw4,
        ind.renstra_target,
        ind.renstra_target_text,
        ind.definition,
        ind.alasan,
        ind.sumber_data,
        ind.unit.name,
        ind.nomenklatur.code if ind.nomenklatur else "",
    ]


def _choice_list(ws, column: int, values: list[str], first: int, last: int) -> None:
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(values) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Pilihan tidak sah",
        error="Pilih dari daftar.",
    )
    ws.add_data_validation(validation)
    letter = ws.cell(row=first, column=column).column_letter
    validation.add(f"{letter}{first}:{letter}{last}")


def plan_workbook(year: Year) -> bytes:
    """The year's plan and budget, ready to be filled and uploaded again."""
    targets = list(plan_targets(year))
    wb = Workbook()
    ws = wb.active
    ws.title = PLAN_SHEET
    write_title(
        ws,
        [
            f"RENCANA KINERJA TAHUN {year.year}",
            f"Kecamatan {year.office.name}",
            "Isi hanya sel berwarna kuning. Lihat lembar 'Petunjuk'.",
        ],
    )
    last = write_table(
        ws, PLAN_HEADERS, [_row_cells(t) for t in targets], start_row=HEADER_ROW, widths=PLAN_WIDTHS
    )
    for excel_row in range(FIRST_DATA_ROW, last + 1):
        for col in range(3, len(PLAN_COLUMNS) + 1):
            cell = ws.cell(row=excel_row, column=col)
            cell.protection = Protection(locked=False)
            cell.fill = INPUT_FILL
    if targets:
        units = list(Unit.objects.filter(office_id=year.office_id).values_list("name", flat=True))
        for field_name, values in (
            ("iku", [YES, NO]),
            ("target_kind", [str(c.label) for c in TargetKind]),
            ("polarity", [str(c.label) for c in Polarity]),
            ("aggregation", [str(c.label) for c in Aggregation]),
        ):
            column = next(i for i, (_h, f) in enumerate(PLAN_COLUMNS, start=1) if f == field_name)
            _choice_list(ws, column, values, FIRST_DATA_ROW, last)
        # An inline list holds 255 characters and no commas; the import checks names anyway.
        if sum(len(u) + 1 for u in units) < 250 and not any("," in u for u in units):
            _choice_list(ws, len(PLAN_COLUMNS) - 1, units, FIRST_DATA_ROW, last)
    ws.freeze_panes = ws.cell(row=FIRST_DATA_ROW, column=4)
    _protect(ws)

    budget = wb.create_sheet(BUDGET_SHEET)
    write_title(budget, [f"ANGGARAN TAHUN {year.year}", f"Kecamatan {year.office.name}"])
    lines = list(plan_budget(year))
    rows = [
        [
            a.pk,
            a.nomenklatur.code,
            a.nomenklatur.name,
            a.nomenklatur.get_kind_display(),
            a.pagu,
            a.realisasi,
        ]
        for a in lines
    ]
    budget_last = write_table(
        budget, BUDGET_HEADERS, rows, start_row=HEADER_ROW - 1, widths=BUDGET_WIDTHS
    )
    for excel_row in range(HEADER_ROW, budget_last + 1 + 50):
        for col in (2, 5, 6) if excel_row > budget_last else (5, 6):
            cell = budget.cell(row=excel_row, column=col)
            cell.protection = Protection(locked=False)
            cell.fill = INPUT_FILL
    _protect(budget)

    guide = wb.create_sheet(GUIDE_SHEET)
    for i, line in enumerate(INSTRUCTIONS, start=1):
        set_cell(guide.cell(row=i, column=1), line).font = Font(bold=(i == 1))
    guide.column_dimensions["A"].width = 100

    marker = wb.create_sheet(MARKER_SHEET)
    values = {
        "jenis": MARKER_KIND,
        "versi": FORMAT_VERSION,
        "kantor": year.office_id,
        "tahun": year.year,
    }
    for i, (key, value) in enumerate(values.items(), start=1):
        set_cell(marker.cell(row=i, column=1), key)
        marker.cell(row=i, column=2, value=value)
    marker.sheet_state = "veryHidden"
    _protect(marker)
    wb.security = WorkbookProtection(workbookPassword=SHEET_PASSWORD, lockStructure=True)
    wb.active = 0
    return workbook_bytes(wb)


def _protect(ws) -> None:
    ws.protection.sheet = True
    ws.protection.password = SHEET_PASSWORD
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
