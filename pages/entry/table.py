"""A page's rows of the nine-column table: formatted once, capaian computed once, the
row's links filled from one reverse per URL name."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse

from documents.nine_columns import (
    HEADERS,
    ROW_RELATED,
    nomenklatur_display,
    number_display,
    realisasi_display,
    target_display,
    year_target_display,
)
from sakip.capaian import Capaian, capaian_for_row, row_to_date
from sakip.models import Aggregation, PlanRow
from sakip.numbers import format_id_decimal
from sakip.planning.quarters import quarter_values
from sakip.rules import row_blockers
from workflow.models import ROMAN

__all__ = ["HEADERS", "ROW_RELATED", "RowUrls", "RowView", "realisasi_display", "row_view"]


# An id no row or evidence will reach: each link is reversed once with it, then filled.
_SENTINEL = 2147483646


class RowUrls:
    """The links of a table's rows, for one page.

    `{% url %}` per row (five per row) was most of a 1,000-row page's time; here each named
    URL is reversed once with a sentinel id and then filled per row. The sentinel is the
    pattern's last argument, so the last occurrence is the one replaced."""

    def __init__(self, report_pk: int) -> None:
        self.report_pk = report_pk
        self._parts: dict[tuple, tuple[str, str]] = {}

    def _fill(self, name: str, args: tuple, pk: int) -> str:
        key = (name, *args)
        parts = self._parts.get(key)
        if parts is None:
            url = reverse(name, args=[*args, _SENTINEL])
            prefix, _sep, suffix = url.rpartition(str(_SENTINEL))
            parts = self._parts[key] = (prefix, suffix)
        return f"{parts[0]}{pk}{parts[1]}"

    def row_edit(self, row: PlanRow) -> str:
        return self._fill("entry:row_edit", (self.report_pk, row.submission_id), row.pk)

    def evidence_download(self, evidence_pk: int) -> str:
        return self._fill("entry:evidence_download", (self.report_pk,), evidence_pk)

    def evidence_delete(self, evidence_pk: int) -> str:
        return self._fill("entry:evidence_delete", (self.report_pk,), evidence_pk)


@dataclass
class EvidenceView:
    pk: int
    name: str
    download_url: str
    delete_url: str


@dataclass
class RowView:
    """One row ready for a template: plan columns formatted, capaian computed once, links
    filled. Templates read these flat attributes rather than walking `row.indikator...`
    per cell, which keeps a 1,000-row table close to the cost of printing its values."""

    row: PlanRow
    capaian: Capaian
    target: str
    realisasi: str
    nomenklatur: str
    blockers: list[str]
    notes: list[str] = field(default_factory=list)
    evidence: list[EvidenceView] = field(default_factory=list)
    edit_url: str = ""

    def __post_init__(self) -> None:
        row, indikator = self.row, self.row.indikator
        self.pk = row.pk
        self.number = row.number
        self.sasaran = indikator.sasaran.name
        self.indikator = indikator.name
        self.unit = row.unit.name
        n = indikator.nomenklatur
        self.nomenklatur_code, self.nomenklatur_name = (n.code, n.name) if n else ("", "")
        self.belum_berjalan = row.belum_berjalan
        self.belum_berjalan_reason = row.belum_berjalan_reason
        self.sumber_data = row.sumber_data
        self.keterangan = row.keterangan
        self.is_complete = not self.blockers
        self.blockers_title = "; ".join(self.blockers)
        band = self.capaian.band
        self.band_code, self.band_label = (band.code, band.label) if band else ("", "")
        self.has_percent = self.capaian.percent is not None
        rounded = self.capaian.rounded
        self.percent_display = f"{format_id_decimal(rounded, 2)}%" if rounded is not None else ""
        self.quarter = row.quarter
        self.from_quarter = ROMAN.get(row.from_quarter, "")
        if row.quarter:
            self.year_target = year_target_display(row)
            self.earlier = [
                (f"TW {ROMAN[n]}", number_display(v, row) if v is not None else "–")
                for n, v in enumerate(quarter_values(row.earlier, None)[:-1], start=1)
            ]
            # The figure to date differs from the quarter's own only where quarters add up
            # (a sum or a mean); a last value is its own figure to date.
            adds_up = indikator.aggregation != Aggregation.LAST
            self.to_date = number_display(row_to_date(row), row) if adds_up else ""


def row_view(
    row: PlanRow,
    bands: list[dict] | None,
    notes: list[str] | None = None,
    *,
    urls: RowUrls | None = None,
) -> RowView:
    """`urls` is shared by all rows of a page; without it the row's own report is asked."""
    if urls is None:
        urls = RowUrls(row.submission.report_id)
    evidence = [
        EvidenceView(
            e.pk, e.original_name, urls.evidence_download(e.pk), urls.evidence_delete(e.pk)
        )
        for e in row.evidence.all()
    ]
    return RowView(
        row=row,
        capaian=capaian_for_row(row, bands=bands),
        target=target_display(row),
        realisasi=realisasi_display(row),
        nomenklatur=nomenklatur_display(row),
        blockers=row_blockers(row),
        notes=notes or [],
        evidence=evidence,
        edit_url=urls.row_edit(row),
    )
