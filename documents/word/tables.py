"""Word tables (header rows repeated on every page, rows that do not split) and the chapter
markup as Word paragraphs, lists and tables."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from documents.markup import Block, Run, blocks
from documents.markup import Table as MarkupTable
from documents.word.base import para

# ---- Tables -------------------------------------------------------------------------------


def _shade(cell: _Cell, fill: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    props.append(shd)


def _row_flag(row, tag: str) -> None:
    props = row._tr.get_or_add_trPr()
    el = OxmlElement(tag)
    el.set(qn("w:val"), "true")
    props.append(el)


def _cell_text(cell: _Cell, value, *, size: float, bold: bool = False, align=None) -> None:
    p = cell.paragraphs[0]
    p.paragraph_format.first_line_indent = Cm(0)
    p.paragraph_format.space_after = Pt(0)
    if align is not None:
        p.alignment = align
    runs = value if isinstance(value, list) else [Run(str(value if value is not None else ""))]
    for r in runs:
        _add_run(p, r, size=size, bold=bold)


def _default_widths(header: Sequence, total: float) -> list[float]:
    """A narrow first column when it is the row number, the rest shared equally."""
    n = len(header)
    first = 1.0 if str(header[0]).strip() == "No" and n > 1 else None
    rest = (total - (first or 0)) / (n - (1 if first else 0))
    return ([first] if first else []) + [rest] * (n - (1 if first else 0))


def table(
    doc: DocxDocument,
    header: Sequence[str | list[Run]],
    rows: Sequence[Sequence],
    *,
    widths: Sequence[float] | None = None,
    size: float = 9.5,
    header_rows: Sequence[Sequence[str]] = (),
    align: Sequence | None = None,
    footer: Sequence | None = None,
    portrait_width: float = 16.5,
) -> Table:
    """A bordered table whose header row(s) repeat on every page and whose rows do not split
    across pages. `rows` hold strings or markup runs; `align` per column."""
    heads = [list(header), *[list(h) for h in header_rows]]
    t = doc.add_table(rows=len(heads), cols=len(header))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, head in enumerate(heads):
        row = t.rows[i]
        _row_flag(row, "w:tblHeader")
        _row_flag(row, "w:cantSplit")
        for cell, value in zip(row.cells, head, strict=True):
            _cell_text(cell, value, size=size, bold=i == 0, align=WD_ALIGN_PARAGRAPH.CENTER)
            _shade(cell, "E8E8E8" if i == 0 else "F4F4F4")
    for values in [*rows, *([footer] if footer else [])]:
        row = t.add_row()
        _row_flag(row, "w:cantSplit")
        for j, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            _cell_text(
                cell,
                value,
                size=size,
                bold=footer is not None and values is footer,
                align=align[j] if align else None,
            )
    widths = widths or _default_widths(header, portrait_width)
    t.autofit = False
    for column, w in zip(t.columns, widths, strict=True):
        column.width = Cm(w)  # the grid, which LibreOffice reads
    for row in t.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = Cm(w)  # the cells, which Word reads
    doc.add_paragraph().paragraph_format.space_after = Pt(2)
    return t


def merge_down(t: Table, column: int, first: int, last: int) -> None:
    """Merge a column's cells over rows first..last (a rowspan), keeping the first text."""
    if last <= first:
        return
    top = t.cell(first, column)
    for r in range(first + 1, last + 1):
        cell = t.cell(r, column)
        for p in cell.paragraphs:
            for run in p.runs:
                run.text = ""
    top.merge(t.cell(last, column))
    # python-docx joins the texts of merged cells: keep only the first paragraph.
    for extra in top.paragraphs[1:]:
        extra._element.getparent().remove(extra._element)


# ---- Markup -------------------------------------------------------------------------------


def _add_run(p: Paragraph, r: Run, *, size: float | None = None, bold: bool = False) -> None:
    if r.brk:
        p.add_run().add_break()
    run = p.add_run(r.text)
    run.bold = r.bold or bold or None
    run.italic = r.italic or r.todo or None
    if size:
        run.font.size = Pt(size)
    if r.todo:
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def add_markup(doc: DocxDocument, text: str, *, empty: str = "[Bagian ini belum ditulis.]") -> None:
    """Chapter text in the small markup as Word paragraphs, lists and tables."""
    parsed: list[Block] = blocks(text or "")
    if not parsed:
        para(doc, empty, italic=True)
        return
    for block in parsed:
        if isinstance(block, MarkupTable):
            table(doc, block.header, block.rows)
            continue
        subhead = len(block.runs) == 1 and block.runs[0].bold and not block.list_kind
        if block.list_kind == "bullet":
            p = doc.add_paragraph(style="List Bullet" if block.level == 0 else "List Bullet 2")
            p.paragraph_format.first_line_indent = None
        elif block.list_kind == "number":
            # Numbers written out: Word's automatic numbering would continue across lists.
            p = doc.add_paragraph()
            left = 0.75 + 0.75 * block.level
            p.paragraph_format.left_indent = Cm(left)
            p.paragraph_format.first_line_indent = Cm(-0.75)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(left))
            p.add_run(f"{block.number}.\t")
        else:
            p = doc.add_paragraph()
            p.paragraph_format.first_line_indent = Cm(0) if subhead else Cm(1.25)
            if subhead:
                p.paragraph_format.keep_with_next = True
                p.paragraph_format.space_before = Pt(8)
        if not subhead:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        for r in block.runs:
            _add_run(p, r)
