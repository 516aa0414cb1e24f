"""Reading a filled format back (step 3). Every check happens before anything is saved:
the file must be a plain xlsx of a sane size, made by this application for this very
submission, with its headers intact; then each input cell is cleaned with the same rules
as the web form. The result lists every change and every error; the view saves only a
result without errors, after the person confirms."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from documents.nine_columns import ROW_RELATED
from documents.workbook_export import (
    ALL_HEADERS,
    FIRST_DATA_ROW,
    HEADER_ROW,
    INPUT_COLUMNS,
    MARKER_KIND,
    MARKER_SHEET,
    NO,
    SHEET,
    YES,
)
from sakip.cleaning import ENTRY_FIELDS, clean_entry, row_values
from sakip.models import PlanRow, TargetKind
from sakip.numbers import format_id_decimal
from workflow.models import Submission
from workflow.services.uploads import UploadRefused

MAX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_MEMBERS = 200
MAX_RATIO = 200
EXTRA_ROWS_ALLOWED = 50
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"

FIELD_COLUMN = {f: c for c, f in INPUT_COLUMNS.items()}
FIELD_COLUMN["realisasi_text"] = FIELD_COLUMN["realisasi"]


@dataclass
class CellError:
    excel_row: int
    column: str
    value: str
    reason: str


@dataclass
class CellChange:
    row_pk: int
    number: int
    column: str
    old: str
    new: str


@dataclass
class ImportResult:
    errors: list[CellError] = field(default_factory=list)
    changes: list[CellChange] = field(default_factory=list)
    values: dict[int, dict] = field(default_factory=dict)
    versions: dict[int, int] = field(default_factory=dict)


def _refuse(message: str) -> None:
    raise UploadRefused(message)


def check_container(data: bytes) -> None:
    """Cheap checks on the zip before any XML is parsed: a zip bomb, a macro-enabled
    workbook, or something else named .xlsx is refused here."""
    limit = settings.SAKIP_UPLOAD_MAX_BYTES
    if len(data) > limit:
        _refuse(
            _("Berkas terlalu besar: paling besar %(mb)s MB.")
            % {"mb": format_id_decimal(Decimal(limit) / (1024 * 1024), 0)}
        )
    if not data.startswith(b"PK\x03\x04"):
        _refuse(_("Berkas ini bukan berkas Excel .xlsx (apa pun namanya)."))
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_MEMBERS:
                _refuse(_("Berkas xlsx ini tidak wajar (terlalu banyak bagian)."))
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if total > MAX_UNCOMPRESSED or (total > 1024 * 1024 and total / packed > MAX_RATIO):
                _refuse(_("Berkas xlsx ini terlalu besar setelah dibuka dan ditolak."))
            names = {i.filename.lower() for i in infos}
            if any("vbaproject" in n for n in names):
                _refuse(_("Berkas berisi makro (xlsm) tidak diterima. Gunakan format unduhan."))
            try:
                types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
            except KeyError:
                types = ""
    except zipfile.BadZipFile:
        _refuse(_("Berkas ini bukan berkas Excel .xlsx (apa pun namanya)."))
    if "macroenabled" in types.lower():
        _refuse(_("Berkas berisi makro (xlsm) tidak diterima. Gunakan format unduhan."))
    if XLSX_MAIN not in types or "xl/workbook.xml" not in names:
        _refuse(_("Berkas ini bukan berkas Excel .xlsx (apa pun namanya)."))


@dataclass
class Cell:
    """What the import needs of a cell, read while the file is parsed."""

    value: object
    data_type: str | None = None
    number_format: str = ""


@dataclass
class Parsed:
    sheetnames: list[str]
    marker: dict
    headers: list[tuple]
    rows: list[list[Cell]]
    too_many_rows: bool


def _parse(data: bytes, row_limit: int) -> Parsed:
    """Everything the import reads, in memory. openpyxl parses a worksheet lazily, while its
    cells are iterated; doing all of it here keeps every parse failure in one place."""
    wb = load_workbook(BytesIO(data), read_only=True, data_only=False, keep_links=False)
    try:
        parsed = Parsed(list(wb.sheetnames), {}, [], [], False)
        if MARKER_SHEET not in wb.sheetnames or SHEET not in wb.sheetnames:
            return parsed
        for key, value, *_rest in wb[MARKER_SHEET].iter_rows(
            min_row=1, max_row=20, max_col=2, values_only=True
        ):
            if key:
                parsed.marker[str(key)] = value
        ws = wb[SHEET]
        parsed.headers = list(
            ws.iter_rows(
                min_row=HEADER_ROW,
                max_row=HEADER_ROW + 1,
                max_col=len(ALL_HEADERS),
                values_only=True,
            )
        )
        for excel_row, cells in enumerate(
            ws.iter_rows(min_row=FIRST_DATA_ROW, max_col=len(ALL_HEADERS)), start=FIRST_DATA_ROW
        ):
            if excel_row > row_limit:
                parsed.too_many_rows = True
                break
            parsed.rows.append(
                [
                    Cell(
                        getattr(c, "value", None),
                        getattr(c, "data_type", None),
                        getattr(c, "number_format", "") or "",
                    )
                    for c in cells
                ]
            )
        return parsed
    finally:
        wb.close()


def _check_marker(parsed: Parsed, submission: Submission) -> None:
    if MARKER_SHEET not in parsed.sheetnames or SHEET not in parsed.sheetnames:
        _refuse(_("Berkas ini bukan format isian yang diunduh dari aplikasi ini."))
    marker = parsed.marker
    report = submission.report
    if marker.get("jenis") != MARKER_KIND:
        _refuse(_("Berkas ini bukan format isian yang diunduh dari aplikasi ini."))
    if marker.get("kantor") != report.office_id:
        _refuse(
            _("Berkas ini format kantor kecamatan lain, bukan %(office)s.")
            % {"office": report.office}
        )
    if marker.get("tahun") != report.year.year:
        _refuse(
            _("Berkas ini format tahun %(got)s, bukan tahun %(year)s.")
            % {"got": marker.get("tahun"), "year": report.year.year}
        )
    if marker.get("laporan") != report.pk:
        _refuse(_("Berkas ini format laporan lain. Unduh format dari laporan ini."))
    if marker.get("unit") != submission.unit_id or marker.get("isian") != submission.pk:
        _refuse(
            _("Berkas ini format unit lain, bukan %(unit)s. Unduh format unit Anda.")
            % {"unit": submission.unit}
        )


def _check_headers(rows: list[tuple]) -> None:
    headers = [str(v).strip() if v is not None else "" for v in (rows[0] if rows else [])]
    numbers = list(rows[1]) if len(rows) > 1 else []
    if headers != ALL_HEADERS or numbers[:9] != list(range(1, 10)):
        _refuse(
            _(
                "Judul kolom atau penomoran kolom pada berkas telah diubah. Unduh format baru "
                "dan salin isian Anda ke dalamnya."
            )
        )


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float | int | Decimal) and not isinstance(value, bool):
        return format_id_decimal(Decimal(repr(value)) if isinstance(value, float) else value)
    return str(value)


# The plan workbook (`documents.plan_workbook_import`) reads its cells the same way.
cell_text = _cell_text


def read_upload(data: bytes, submission: Submission) -> ImportResult:
    """Parse an uploaded format; raises UploadRefused for a workbook refused as a whole."""
    check_container(data)
    rows = {
        r.number: r
        for r in PlanRow.objects.filter(submission=submission).select_related(*ROW_RELATED)
    }
    try:
        parsed = _parse(data, FIRST_DATA_ROW + len(rows) + EXTRA_ROWS_ALLOWED)
    except Exception:
        # A damaged file fails in many ways (a zip member cut short, XML cut in half, an
        # entity bomb or external entity refused by defusedxml, a cell openpyxl cannot
        # convert); for the person they all mean the same, and nothing has been saved.
        _refuse(_("Berkas xlsx ini rusak atau tidak dapat dibaca."))
    _check_marker(parsed, submission)
    _check_headers(parsed.headers)
    if parsed.too_many_rows:
        _refuse(_("Berkas berisi terlalu banyak baris untuk format ini."))
    return _read_rows(parsed.rows, rows)


def _read_rows(sheet_rows: list[list[Cell]], rows: dict[int, PlanRow]) -> ImportResult:
    result = ImportResult()
    seen: set[int] = set()
    for excel_row, cells in enumerate(sheet_rows, start=FIRST_DATA_ROW):
        cells = list(cells) + [Cell(None)] * (len(ALL_HEADERS) - len(cells))
        values = [c.value for c in cells]
        if all(v in (None, "") for v in values):
            continue
        number = values[0]
        row = rows.get(number) if isinstance(number, int) else None
        if row is None or number in seen:
            reason = (
                _("Nomor baris ganda.")
                if row is not None
                else _("Baris ini bukan milik isian unit Anda.")
            )
            result.errors.append(CellError(excel_row, ALL_HEADERS[0], _cell_text(number), reason))
            continue
        seen.add(number)
        _read_row(result, row, excel_row, cells)
    return result


def _read_row(result: ImportResult, row: PlanRow, excel_row: int, cells) -> None:
    raw: dict = {}
    formula = False
    for col, name in INPUT_COLUMNS.items():
        cell = cells[col - 1]
        value = cell.value
        if cell.data_type == "f":
            result.errors.append(
                CellError(
                    excel_row,
                    ALL_HEADERS[col - 1],
                    str(value),
                    _("Rumus tidak diizinkan; tuliskan nilainya."),
                )
            )
            formula = True
            continue
        if (
            name == "realisasi"
            and isinstance(value, float | int)
            and "%" in cell.number_format
            and row.indikator.target_kind != TargetKind.TEXT
        ):
            # Typed as "87%" Excel stores 0.87; the table means 87.
            value = Decimal(repr(value)) * 100
        raw[name] = value
    if formula:
        return
    flag = str(raw.get("belum_berjalan") or "").strip()
    bad_flag = flag.lower() not in {"", YES.lower(), NO.lower()}
    if bad_flag:
        # Reported, then the other cells of the row are still checked so that one upload
        # shows every problem at once.
        result.errors.append(
            CellError(excel_row, ALL_HEADERS[9], flag, _("Isi dengan Ya atau Tidak."))
        )
    values, errors = clean_entry(
        row,
        realisasi=raw.get("realisasi"),
        sumber_data=raw.get("sumber_data"),
        keterangan=raw.get("keterangan"),
        belum_berjalan=flag.lower() == YES.lower(),
        belum_berjalan_reason=raw.get("belum_berjalan_reason"),
    )
    for name, message in errors.items():
        col = FIELD_COLUMN[name]
        result.errors.append(
            CellError(excel_row, ALL_HEADERS[col - 1], _cell_text(raw.get(name)), message)
        )
    if errors or bad_flag:
        return
    old = row_values(row)
    changed = {f: values[f] for f in ENTRY_FIELDS if values[f] != old[f]}
    if not changed:
        return
    result.values[row.pk] = values
    result.versions[row.pk] = row.version
    for name in changed:
        if name == "realisasi_text" and row.indikator.target_kind != TargetKind.TEXT:
            continue
        if name == "realisasi" and row.indikator.target_kind == TargetKind.TEXT:
            continue
        result.changes.append(
            CellChange(
                row.pk,
                row.number,
                ALL_HEADERS[FIELD_COLUMN[name] - 1],
                _show(old[name]),
                _show(values[name]),
            )
        )


def _show(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, Decimal):
        return format_id_decimal(value)
    return str(value)


def to_session(result: ImportResult, submission: Submission) -> dict:
    """The parsed changes as JSON for the session, with the versions they were read at."""
    return {
        "submission": submission.pk,
        "values": {
            str(pk): {k: (str(v) if isinstance(v, Decimal) else v) for k, v in vals.items()}
            for pk, vals in result.values.items()
        },
        "versions": {str(pk): v for pk, v in result.versions.items()},
    }


def from_session(stored: dict) -> tuple[dict[int, dict], dict[int, int]]:
    values = {}
    for pk, vals in stored["values"].items():
        vals = dict(vals)
        if vals.get("realisasi") is not None:
            vals["realisasi"] = Decimal(vals["realisasi"])
        values[int(pk)] = vals
    return values, {int(pk): v for pk, v in stored["versions"].items()}
