"""Reading a filled plan workbook back, with the nine-column import's checks
(`workbook_import.check_container`: size, zip bomb, macros, not an xlsx; its cell errors and
changes), the marker of this office's year, formulas refused, and every cell cleaned by the
same rules as the plan page (`sakip.planning.cleaning`): per-cell errors in Indonesian and a
preview. The page saves nothing while an error remains, and only after the person confirms."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from documents.plan_workbook_export import (
    BUDGET_HEADERS,
    BUDGET_SHEET,
    CHOICES,
    EXTRA_ROWS_ALLOWED,
    FIRST_DATA_ROW,
    HEADER_ROW,
    MARKER_KIND,
    MARKER_SHEET,
    NO,
    NUMBER_FIELDS,
    PLAN_COLUMNS,
    PLAN_HEADERS,
    PLAN_SHEET,
    YES,
    choice_label,
)
from documents.workbook_import import CellChange, CellError, cell_text, check_container
from sakip.models import Anggaran, Nomenklatur, Target, TargetKind, Unit, Year
from sakip.numbers import format_id_decimal
from sakip.planning.cleaning import clean_plan_values, clean_rupiah
from sakip.planning.snapshot import PLAN_RELATED
from workflow.services.uploads import UploadRefused

logger = logging.getLogger(__name__)

# ---- Reading it back ----------------------------------------------------------------------


@dataclass
class PlanImport:
    errors: list[CellError] = field(default_factory=list)
    changes: list[CellChange] = field(default_factory=list)
    rows: dict[int, dict] = field(default_factory=dict)
    versions: dict[int, tuple[int, int]] = field(default_factory=dict)
    budget: dict[int, dict] = field(default_factory=dict)
    budget_versions: dict[int, int] = field(default_factory=dict)
    new_budget: dict[int, dict] = field(default_factory=dict)


def _refuse(message: str) -> None:
    raise UploadRefused(message)


def read_plan_upload(data: bytes, year: Year) -> PlanImport:
    """Parse an uploaded plan workbook; raises UploadRefused for a workbook refused whole."""
    check_container(data)
    try:
        wb = load_workbook(BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception:  # openpyxl raises many kinds for a damaged file; all mean the same here.
        _refuse(_("Berkas xlsx ini rusak atau tidak dapat dibaca."))
    try:
        _check_marker(wb, year)
        result = PlanImport()
        _read_plan(wb[PLAN_SHEET], year, result)
        _read_budget(wb[BUDGET_SHEET], year, result)
        return result
    except UploadRefused:
        raise
    except Exception:
        # openpyxl parses a worksheet lazily, while its cells are read: a sheet's XML cut in
        # half, an entity bomb or an external entity (refused by defusedxml) fails here.
        # For the person they all mean the same, and nothing has been saved.
        logger.info("Plan workbook of %s refused as damaged", year, exc_info=True)
        _refuse(_("Berkas xlsx ini rusak atau tidak dapat dibaca."))
    finally:
        wb.close()


def _check_marker(wb, year: Year) -> None:
    names = wb.sheetnames
    if MARKER_SHEET not in names or PLAN_SHEET not in names or BUDGET_SHEET not in names:
        _refuse(_("Berkas ini bukan berkas rencana kinerja yang diunduh dari aplikasi ini."))
    marker = {}
    for key, value, *_rest in wb[MARKER_SHEET].iter_rows(
        min_row=1, max_row=20, max_col=2, values_only=True
    ):
        if key:
            marker[str(key)] = value
    if marker.get("jenis") != MARKER_KIND:
        _refuse(_("Berkas ini bukan berkas rencana kinerja yang diunduh dari aplikasi ini."))
    if marker.get("kantor") != year.office_id:
        _refuse(
            _("Berkas ini rencana kantor kecamatan lain, bukan %(office)s.")
            % {"office": year.office}
        )
    if marker.get("tahun") != year.year:
        _refuse(
            _("Berkas ini rencana tahun %(got)s, bukan tahun %(year)s.")
            % {"got": marker.get("tahun"), "year": year.year}
        )


def _headers(ws, row: int, count: int) -> list[str]:
    values = next(ws.iter_rows(min_row=row, max_row=row, max_col=count, values_only=True), ())
    return [str(v).strip() if v is not None else "" for v in values]


def _formula(cell) -> bool:
    return getattr(cell, "data_type", None) == "f"


def _read_plan(ws, year: Year, result: PlanImport) -> None:
    if _headers(ws, HEADER_ROW, len(PLAN_HEADERS)) != PLAN_HEADERS:
        _refuse(
            _("Judul kolom lembar 'Rencana' telah diubah. Unduh berkas baru dan salin isian Anda.")
        )
    targets = {t.pk: t for t in Target.objects.filter(year=year).select_related(*PLAN_RELATED)}
    units = {u.name.strip().lower(): u for u in Unit.objects.filter(office_id=year.office_id)}
    nomenklatur = {n.code: n for n in Nomenklatur.objects.filter(office_id=year.office_id)}
    seen: set[int] = set()
    limit = FIRST_DATA_ROW + len(targets) + EXTRA_ROWS_ALLOWED
    for excel_row, cells in enumerate(
        ws.iter_rows(min_row=FIRST_DATA_ROW, max_col=len(PLAN_COLUMNS)), start=FIRST_DATA_ROW
    ):
        if excel_row > limit:
            _refuse(_("Berkas berisi terlalu banyak baris untuk rencana ini."))
        cells = list(cells) + [None] * (len(PLAN_COLUMNS) - len(cells))
        values = [getattr(c, "value", None) for c in cells]
        if all(v in (None, "") for v in values):
            continue
        ident = values[0]
        target = targets.get(ident) if isinstance(ident, int) else None
        if target is None or ident in seen:
            reason = (
                _("ID baris ganda.")
                if target is not None
                else _(
                    "Baris ini tidak ada dalam rencana tahun ini; indikator baru ditambahkan di halaman rencana."
                )
            )
            result.errors.append(CellError(excel_row, PLAN_HEADERS[0], cell_text(ident), reason))
            continue
        seen.add(ident)
        _read_plan_row(result, target, excel_row, cells, units, nomenklatur)


def _choice(choices, raw) -> str | None:
    text = str(raw or "").strip().lower()
    for choice in choices:
        if text in (choice.value, str(choice.label).lower()):
            return choice.value
    return None


def _read_plan_row(result, target: Target, excel_row: int, cells, units, nomenklatur) -> None:
    """Every cell of one plan row checked; its errors listed, or its changes kept."""
    column = {name: header for header, name in PLAN_COLUMNS if name}
    errors: list[CellError] = []

    def refuse(name: str, value, reason: str) -> None:
        errors.append(CellError(excel_row, column[name], cell_text(value), reason))

    raw: dict = {}
    for col, (_header, name) in enumerate(PLAN_COLUMNS, start=1):
        cell = cells[col - 1]
        value = getattr(cell, "value", None)
        if name is None:
            continue
        if _formula(cell):
            refuse(name, str(value), _("Rumus tidak diizinkan; tuliskan nilainya."))
            continue
        percent_cell = "%" in (getattr(cell, "number_format", "") or "")
        if name in NUMBER_FIELDS and isinstance(value, float | int) and percent_cell:
            value = Decimal(repr(value)) * 100  # typed as "90%", Excel stores 0.9
        raw[name] = value
    values: dict = {}
    for name, choices in CHOICES.items():
        if name in raw:
            values[name] = _choice(choices, raw[name])
            if values[name] is None:
                refuse(name, raw[name], _("Pilih salah satu isian dari daftar."))
    if "iku" in raw:
        flag = str(raw["iku"] or "").strip().lower()
        if flag not in ("", YES.lower(), NO.lower()):
            refuse("iku", raw["iku"], _("Isi dengan Ya atau Tidak."))
        values["iku"] = flag == YES.lower()
    if "unit" in raw:
        values["unit"] = units.get(str(raw["unit"] or "").strip().lower())
        if values["unit"] is None:
            refuse("unit", raw["unit"], _("Unit ini tidak ada di kantor Anda."))
    if "nomenklatur" in raw:
        code = str(raw["nomenklatur"] or "").strip()
        values["nomenklatur"] = nomenklatur.get(code) if code else None
        if code and values["nomenklatur"] is None:
            refuse("nomenklatur", code, _("Kode ini tidak ada di nomenklatur kantor."))
    kind = values.get("target_kind") or target.indikator.target_kind
    typed = {k: v for k, v in raw.items() if k not in values}
    cleaned, problems = clean_plan_values(typed, kind=kind)
    for name, message in problems.items():
        refuse(name, raw.get(name), message)
    if kind == TargetKind.PERCENT and cleaned.get("satuan") not in ("", "%", None):
        refuse("satuan", cleaned["satuan"], _("Indikator persen bersatuan %."))
    if errors:
        result.errors += errors
        return
    values.update(cleaned)
    old = _current(target)
    changed = [k for k, v in values.items() if v != old[k]]
    if changed:
        result.rows[target.pk] = values
        result.versions[target.pk] = (target.indikator.version, target.version)
    for name in changed:
        result.changes.append(
            CellChange(target.pk, excel_row, column[name], _show(old[name]), _show(values[name]))
        )


def _current(target: Target) -> dict:
    ind = target.indikator
    return {
        "name": ind.name,
        "iku": ind.iku,
        "satuan": ind.satuan,
        "target_kind": ind.target_kind,
        "polarity": ind.polarity,
        "aggregation": ind.aggregation,
        "value": target.value,
        "value_max": target.value_max,
        "text": target.text,
        "tw1": target.tw1,
        "tw2": target.tw2,
        "tw3": target.tw3,
        "tw4": target.tw4,
        "renstra_target": ind.renstra_target,
        "renstra_target_text": ind.renstra_target_text,
        "definition": ind.definition,
        "alasan": ind.alasan,
        "sumber_data": ind.sumber_data,
        "unit": ind.unit,
        "nomenklatur": ind.nomenklatur,
    }


def _show(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, Decimal):
        return format_id_decimal(value)
    if isinstance(value, Nomenklatur):
        return value.code
    for choices in CHOICES.values():
        if isinstance(value, str) and value in choices.values:
            return choice_label(choices, value)
    return str(value)


def _read_budget(ws, year: Year, result: PlanImport) -> None:
    if _headers(ws, HEADER_ROW - 1, len(BUDGET_HEADERS)) != BUDGET_HEADERS:
        _refuse(
            _("Judul kolom lembar 'Anggaran' telah diubah. Unduh berkas baru dan salin isian Anda.")
        )
    lines = {a.pk: a for a in Anggaran.objects.filter(year=year).select_related("nomenklatur")}
    taken = {a.nomenklatur_id for a in lines.values()}
    nomenklatur = {n.code: n for n in Nomenklatur.objects.filter(office_id=year.office_id)}
    limit = HEADER_ROW + len(lines) + EXTRA_ROWS_ALLOWED
    for excel_row, cells in enumerate(
        ws.iter_rows(min_row=HEADER_ROW, max_col=len(BUDGET_HEADERS)), start=HEADER_ROW
    ):
        if excel_row > limit:
            _refuse(_("Berkas berisi terlalu banyak baris anggaran."))
        cells = list(cells) + [None] * (len(BUDGET_HEADERS) - len(cells))
        values = [getattr(c, "value", None) for c in cells]
        if all(v in (None, "") for v in values):
            continue
        errors = []
        money = {}
        for col, name in ((5, "pagu"), (6, "realisasi")):
            cell = cells[col - 1]
            header = f"{BUDGET_SHEET}: {BUDGET_HEADERS[col - 1]}"
            if _formula(cell):
                errors.append(
                    CellError(
                        excel_row,
                        header,
                        str(values[col - 1]),
                        _("Rumus tidak diizinkan; tuliskan nilainya."),
                    )
                )
                continue
            try:
                money[name] = clean_rupiah(values[col - 1], required=name == "pagu")
            except ValueError as exc:
                errors.append(CellError(excel_row, header, cell_text(values[col - 1]), str(exc)))
        ident, code = values[0], str(values[1] or "").strip()
        line = lines.get(ident) if isinstance(ident, int) else None
        if ident not in (None, "") and line is None:
            errors.append(
                CellError(
                    excel_row,
                    f"{BUDGET_SHEET}: ID",
                    cell_text(ident),
                    _("Baris anggaran ini tidak ada dalam rencana tahun ini."),
                )
            )
        if line is None and ident in (None, ""):
            n = nomenklatur.get(code)
            if n is None:
                errors.append(
                    CellError(
                        excel_row,
                        f"{BUDGET_SHEET}: Kode",
                        code,
                        _("Kode ini tidak ada di nomenklatur kantor."),
                    )
                )
            elif n.pk in taken or n.pk in result.new_budget:
                errors.append(
                    CellError(
                        excel_row,
                        f"{BUDGET_SHEET}: Kode",
                        code,
                        _("Anggaran kode ini sudah ada; ubah barisnya."),
                    )
                )
        if errors:
            result.errors += errors
            continue
        money["realisasi"] = money.get("realisasi") or Decimal(0)
        if line is None:
            n = nomenklatur[code]
            result.new_budget[n.pk] = money
            result.changes.append(
                CellChange(
                    0,
                    excel_row,
                    f"{BUDGET_SHEET}: {code}",
                    "",
                    _("baru: pagu %(p)s") % {"p": format_id_decimal(money["pagu"])},
                )
            )
            continue
        changed = {k: v for k, v in money.items() if v != getattr(line, k)}
        if changed:
            result.budget[line.pk] = money
            result.budget_versions[line.pk] = line.version
            for name in changed:
                result.changes.append(
                    CellChange(
                        line.pk,
                        excel_row,
                        f"{BUDGET_SHEET}: {line.nomenklatur.code} {name}",
                        format_id_decimal(getattr(line, name)),
                        format_id_decimal(money[name]),
                    )
                )


# ---- The preview in the session -----------------------------------------------------------


def _json(value):
    if isinstance(value, Decimal):
        return {"d": str(value)}
    if isinstance(value, Unit | Nomenklatur):
        return {"id": value.pk}
    return value


def to_session(result: PlanImport, year: Year) -> dict:
    return {
        "year": year.pk,
        "rows": {
            str(pk): {k: _json(v) for k, v in vals.items()} for pk, vals in result.rows.items()
        },
        "versions": {str(pk): list(v) for pk, v in result.versions.items()},
        "budget": {
            str(pk): {k: str(v) for k, v in vals.items()} for pk, vals in result.budget.items()
        },
        "budget_versions": {str(pk): v for pk, v in result.budget_versions.items()},
        "new_budget": {
            str(pk): {k: str(v) for k, v in vals.items()} for pk, vals in result.new_budget.items()
        },
    }


def from_session(stored: dict, year: Year) -> dict:
    """The arguments of `plan_apply` from a stored preview."""
    units = {u.pk: u for u in Unit.objects.filter(office_id=year.office_id)}
    nomenklatur = {n.pk: n for n in Nomenklatur.objects.filter(office_id=year.office_id)}

    def back(name, value):
        if isinstance(value, dict) and "d" in value:
            return Decimal(value["d"])
        if isinstance(value, dict) and "id" in value:
            return (units if name == "unit" else nomenklatur).get(value["id"])
        return value

    return {
        "rows": {
            int(pk): {k: back(k, v) for k, v in vals.items()} for pk, vals in stored["rows"].items()
        },
        "versions": {int(pk): tuple(v) for pk, v in stored["versions"].items()},
        "budget": {
            int(pk): {k: Decimal(v) for k, v in vals.items()}
            for pk, vals in stored["budget"].items()
        },
        "budget_versions": {int(pk): v for pk, v in stored["budget_versions"].items()},
        "new_budget": {
            int(pk): {k: Decimal(v) for k, v in vals.items()}
            for pk, vals in stored["new_budget"].items()
        },
    }
