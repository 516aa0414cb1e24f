"""The one xlsx writer every export uses (the nine-column table, dashboards, documents).

Exporters only produce headers and rows; this module makes the workbook. Text is always
written as text: a value starting with `=`, `+`, `-` or `@` could otherwise become a
formula when the file is opened (CSV/formula injection), so such text is stored as a
string cell with Excel's quote prefix and never as a formula. Control characters, which an
xlsx file cannot hold, are removed, so no export fails on what old data holds."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sakip.text import clean_text

MAX_CELL_TEXT = 32_767  # Excel's limit per cell
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_PREFIXES = ("=", "+", "-", "@")
NUMBER_FORMAT = "#,##0.####"

THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
NUMBERING_FILL = PatternFill("solid", fgColor="EDEDED")
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def set_cell(cell: Cell, value: Any) -> Cell:
    """Write `value` into `cell` safely: numbers and dates as such, everything else as text."""
    if value is None:
        cell.value = None
    elif isinstance(value, bool):
        cell.value = value
    elif isinstance(value, int | float | Decimal):
        cell.value = value
        cell.number_format = NUMBER_FORMAT
    elif isinstance(value, dt.datetime | dt.date):
        cell.value = value
    else:
        # Whatever old data holds: no control character (openpyxl refuses the whole file),
        # no more than a cell takes.
        text = clean_text(str(value))[:MAX_CELL_TEXT]
        cell.value = text
        # openpyxl turns "=…" into a formula; force a string cell for every risky prefix.
        cell.data_type = "s"
        if text.startswith(FORMULA_PREFIXES):
            cell.quotePrefix = True
    return cell


def write_table(
    ws: Worksheet,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    start_row: int = 1,
    numbering: bool | int = False,
    widths: Sequence[float] | None = None,
) -> int:
    """Write a bordered table with a header row and optionally the 1…n numbering row the
    SOP's formats carry (`numbering=n` numbers only the first n columns). Returns the
    number of the last row written."""
    for col, header in enumerate(headers, start=1):
        cell = set_cell(ws.cell(row=start_row, column=col), header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = CENTER
        cell.border = BORDER
    current = start_row
    if numbering:
        current += 1
        numbered = len(headers) if numbering is True else int(numbering)
        for col in range(1, len(headers) + 1):
            cell = ws.cell(row=current, column=col, value=col if col <= numbered else None)
            cell.fill = NUMBERING_FILL
            cell.alignment = CENTER
            cell.border = BORDER
            cell.font = Font(italic=True, size=9)
    for values in rows:
        current += 1
        for col, value in enumerate(values, start=1):
            cell = set_cell(ws.cell(row=current, column=col), value)
            cell.alignment = WRAP
            cell.border = BORDER
    for col, width in enumerate(widths or [], start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    return current


def write_title(ws: Worksheet, lines: Sequence[str], *, bold_first: bool = True) -> int:
    """Title lines above a table; returns the first free row (one blank row after)."""
    for i, line in enumerate(lines, start=1):
        cell = set_cell(ws.cell(row=i, column=1), line)
        if i == 1 and bold_first:
            cell.font = Font(bold=True, size=12)
    return len(lines) + 2 if lines else 1


def workbook_bytes(wb: Workbook) -> bytes:
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def table_workbook(
    *,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    sheet_title: str = "Data",
    title_lines: Sequence[str] = (),
    numbering: bool | int = False,
    widths: Sequence[float] | None = None,
) -> bytes:
    """A one-sheet workbook: optional title lines, then the table. The common export."""
    wb = Workbook()
    ws = wb.active
    ws.title = _SHEET_TITLE_FORBIDDEN.sub("", clean_text(sheet_title))[:31] or "Data"
    start = write_title(ws, title_lines)
    last_header_row = start + (1 if numbering else 0)
    write_table(ws, headers, rows, start_row=start, numbering=numbering, widths=widths)
    ws.freeze_panes = ws.cell(row=last_header_row + 1, column=1)
    return workbook_bytes(wb)
