"""The shared Word document: A4 pages with the PDFs' margins, Times New Roman (Liberation
Serif where Times is absent: the two are metric-compatible), Word's own heading and caption
styles (so the table of contents and the lists of tables and figures are Word fields),
tables whose header rows repeat on every page, pictures, and a DRAFT header until signed."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

import cairosvg
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
BLACK = RGBColor(0, 0, 0)
RED = RGBColor(0xB0, 0x00, 0x20)


def svg_to_png(svg: str, *, scale: float = 2.0) -> bytes:
    """Word takes raster pictures; CairoSVG draws our SVG charts with the same fonts."""
    svg = svg.replace('style="max-width:100%;height:auto"', "", 1)
    return cairosvg.svg2png(bytestring=svg.encode(), scale=scale)


def _font(style, size: float, *, bold: bool = False, italic: bool = False) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = BLACK
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    # The template's headings take the theme's font, which wins over the names above.
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)


LAKIP_COPY = "Salinan Word; dokumen resmi: PDF bertanda tangan elektronik"
LETTER_COPY = "Salinan Word; arsip resmi: PDF dari SAKIP Kecamatan"


def new_document(
    *, header: str, draft: bool, note: str = LAKIP_COPY, cover: bool = False
) -> DocxDocument:
    """An empty A4 document with the house styles and the running header and footer (not on
    the first page when it is a `cover`)."""
    doc = Document()
    styles = doc.styles
    _font(styles["Normal"], 12)
    normal = styles["Normal"].paragraph_format
    normal.space_after = Pt(6)
    normal.line_spacing = 1.15
    for name, size in (("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 12)):
        _font(styles[name], size, bold=True)
        styles[name].paragraph_format.space_before = Pt(12)
        styles[name].paragraph_format.space_after = Pt(8)
        styles[name].paragraph_format.keep_with_next = True
    styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(styles["Caption"], 10, bold=True)
    styles["Caption"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    styles["Caption"].paragraph_format.keep_with_next = True
    for name in ("List Bullet", "List Bullet 2"):
        _font(styles[name], 12)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.different_first_page_header_footer = cover
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.4)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2)
    _header_footer(section, header, draft, note)
    # Word updates the table of contents and the lists of tables and figures on opening.
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)
    return doc


def _header_footer(section, header: str, draft: bool, note: str) -> None:
    head = section.header.paragraphs[0]
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = head.add_run(header)
    run.font.size = Pt(8)
    if draft:
        mark = head.add_run("    DRAFT — belum ditandatangani")
        mark.bold = True
        mark.font.size = Pt(10)
        mark.font.color.rgb = RED
    else:
        copy = head.add_run(f"    {note}")
        copy.italic = True
        copy.font.size = Pt(8)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    foot.add_run("Halaman ").font.size = Pt(9)
    add_field(foot, "PAGE", "1", size=9)
    foot.add_run(" dari ").font.size = Pt(9)
    add_field(foot, "NUMPAGES", "1", size=9)


def _fld_char(paragraph: Paragraph, kind: str) -> None:
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(el)


def _instruction(paragraph: Paragraph, instruction: str) -> None:
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    paragraph.add_run()._r.append(text)


def add_field(paragraph: Paragraph, instruction: str, result: str = "", *, size=None) -> None:
    """A Word field (PAGE, SEQ …) with a cached result shown until Word updates it."""
    _fld_char(paragraph, "begin")
    _instruction(paragraph, instruction)
    _fld_char(paragraph, "separate")
    shown = paragraph.add_run(result)
    if size:
        shown.font.size = Pt(size)
    _fld_char(paragraph, "end")


def landscape_section(doc: DocxDocument) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Cm(1.6))


def page_break(doc: DocxDocument) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def para(
    doc_or_cell,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    align=None,
    size: float | None = None,
    indent: bool = False,
    style: str | None = None,
) -> Paragraph:
    p = doc_or_cell.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    p.paragraph_format.first_line_indent = Cm(1.25) if indent else Cm(0)
    return p


def caption(doc: DocxDocument, kind: str, number: int, title: str) -> Paragraph:
    """'Tabel 3. …' with a SEQ field, so Word's Table of Figures lists it with its page."""
    p = doc.add_paragraph(style="Caption")
    p.add_run(f"{kind} ")
    add_field(p, f"SEQ {kind} \\* ARABIC", str(number))
    p.add_run(f". {title}")
    return p


def field_list(doc: DocxDocument, instruction: str, entries: Sequence[str]) -> None:
    """A table of contents (or of tables, of figures) as a Word TOC field. Its cached result
    lists `entries` (without page numbers) until Word updates the field, which it offers
    when the document is opened (`updateFields`)."""
    entries = list(entries) or ["Perbarui bidang ini (klik kanan › Update Field)."]
    first = doc.add_paragraph()
    first.paragraph_format.first_line_indent = Cm(0)
    _fld_char(first, "begin")
    _instruction(first, instruction)
    _fld_char(first, "separate")
    first.add_run(entries[0])
    last = first
    for entry in entries[1:]:
        last = doc.add_paragraph()
        last.paragraph_format.first_line_indent = Cm(0)
        last.add_run(entry)
    _fld_char(last, "end")


def picture(doc: DocxDocument, png: bytes, width_cm: float) -> None:
    doc.add_picture(BytesIO(png), width=Cm(width_cm))
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    doc.paragraphs[-1].paragraph_format.first_line_indent = Cm(0)


def letterhead(doc: DocxDocument, office: dict) -> None:
    """The kop surat: the kabupaten, the kecamatan, the address, a double rule below."""
    centre = WD_ALIGN_PARAGRAPH.CENTER
    for text, size, bold, italic in (
        (f"PEMERINTAH KABUPATEN {office['kabupaten'].upper()}", 14, True, False),
        (f"KECAMATAN {office['name'].upper()}", 17, True, False),
        (
            " ".join(
                x
                for x in (
                    office["address"],
                    f"Kode Pos {office['postal_code']}" if office["postal_code"] else "",
                )
                if x
            ),
            9.5,
            False,
            True,
        ),
        (
            " · ".join(
                x
                for x in (
                    f"Telepon {office['phone']}" if office["phone"] else "",
                    f"Surel: {office['email']}" if office["email"] else "",
                    f"Laman: {office['website']}" if office["website"] else "",
                )
                if x
            ),
            9.5,
            False,
            True,
        ),
    ):
        p = para(doc, text, bold=bold, italic=italic, align=centre, size=size)
        p.paragraph_format.space_after = Pt(0)
    rule = doc.paragraphs[-1]
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (
        ("w:val", "double"),
        ("w:sz", "12"),
        ("w:space", "4"),
        ("w:color", "000000"),
    ):
        bottom.set(qn(key), value)
    borders.append(bottom)
    rule._p.get_or_add_pPr().append(borders)
    doc.add_paragraph()


def signature(doc: DocxDocument, person: dict, title: str, *, place_date: str = "") -> None:
    """The signature block on the right: place and date, post, room to sign, name, NIP."""
    lines: list[tuple[str, bool, bool]] = []
    if place_date:
        lines.append((place_date, False, False))
    lines.append((f"{'Plt. ' if person.get('acting') else ''}{title.upper()},", True, False))
    lines += [("", False, False)] * 3
    lines.append((person.get("name", ""), True, True))
    if person.get("pangkat"):
        lines.append((person["pangkat"], False, False))
    lines.append((f"NIP. {person.get('nip') or '-'}", False, False))
    for text, bold, underline in lines:
        p = doc.add_paragraph()
        p.paragraph_format.left_indent = Cm(8.5)
        p.paragraph_format.first_line_indent = Cm(0)
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.keep_with_next = True
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(text)
        run.bold = bold or None
        run.underline = underline or None


def save(doc: DocxDocument) -> bytes:
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
