"""The small safe markup of the LAKIP's chapter text: paragraphs, bulleted and numbered lists,
simple tables (pipe tables), bold and italic. Nothing else.

Whatever a person types is text: raw HTML is escaped (markdown-it-py with `html` off), and
links and images are switched off, so a chapter can neither inject markup into the PDF nor
make WeasyPrint fetch a URL. One line break stays a line break (`breaks`), as people expect
from a text box. Notes for the drafter, `[Penyusun: …]`, are highlighted wherever they stand.

One parser, two renderers: `to_html` for the PDF templates and `blocks` (a small block model)
for the Word writer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.token import Token

# A note the product leaves for the drafter where the data cannot know the answer.
TODO = re.compile(r"\[Penyusun:[^\]]*\]")

SUBHEAD = re.compile(r"<p>(<strong>[^<]*</strong>)</p>")

_OFF = [
    "heading",
    "lheading",
    "code",
    "fence",
    "blockquote",
    "hr",
    "html_block",
    "reference",
    "link",
    "image",
    "autolink",
    "html_inline",
    "backticks",
    "entity",
]


@cache
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "breaks": True, "linkify": False})
    return md.enable("table").disable(_OFF)


def to_html(text: str) -> SafeString:
    """The chapter text as HTML for the PDF. Everything typed is escaped by the parser; the
    replacements below only touch markup the parser itself produced."""
    if not text or not text.strip():
        return mark_safe("")
    html = parser().render(text)
    html = html.replace("<table>", '<table class="grid small markup">')
    # A paragraph that is only bold text is a sub-heading ("**A. Latar Belakang**").
    html = SUBHEAD.sub(r'<p class="subhead">\1</p>', html)
    html = TODO.sub(lambda m: f'<mark class="penyusun">{m.group(0)}</mark>', html)
    return mark_safe(html)  # noqa: S308 — produced by the parser with html off


# ---- The block model for Word -----------------------------------------------------------


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    todo: bool = False
    # A line break before this run (a single newline typed in the text box).
    brk: bool = False


@dataclass
class Paragraph:
    runs: list[Run]
    # None for a plain paragraph; "bullet" or "number" for a list item.
    list_kind: str | None = None
    level: int = 0
    number: int = 0


@dataclass
class Table:
    header: list[list[Run]] = field(default_factory=list)
    rows: list[list[list[Run]]] = field(default_factory=list)


Block = Paragraph | Table


def _runs(inline: Token) -> list[Run]:
    runs: list[Run] = []
    bold = italic = brk = False
    for child in inline.children or []:
        if child.type == "strong_open":
            bold = True
        elif child.type == "strong_close":
            bold = False
        elif child.type == "em_open":
            italic = True
        elif child.type == "em_close":
            italic = False
        elif child.type in {"softbreak", "hardbreak"}:
            brk = True
        elif child.content:
            runs += _split_todo(child.content, bold=bold, italic=italic, brk=brk)
            brk = False
    return runs


def _split_todo(text: str, *, bold: bool, italic: bool, brk: bool) -> list[Run]:
    out, last = [], 0
    for m in TODO.finditer(text):
        if m.start() > last:
            out.append(Run(text[last : m.start()], bold, italic))
        out.append(Run(m.group(0), bold, italic, todo=True))
        last = m.end()
    if last < len(text):
        out.append(Run(text[last:], bold, italic))
    if out:
        out[0].brk = brk
    return out


def blocks(text: str) -> list[Block]:
    """The text as paragraphs (list items included, with their kind, depth and number) and
    tables, in order."""
    out: list[Block] = []
    lists: list[list] = []  # stack of [kind, next number]
    table: Table | None = None
    row: list[list[Run]] | None = None
    in_head = False
    for token in parser().parse(text or ""):
        t = token.type
        if t in {"bullet_list_open", "ordered_list_open"}:
            kind = "bullet" if t == "bullet_list_open" else "number"
            lists.append([kind, int(token.attrGet("start") or 1)])
        elif t in {"bullet_list_close", "ordered_list_close"}:
            lists.pop()
        elif t == "table_open":
            table = Table()
        elif t == "table_close":
            out.append(table)
            table = None
        elif t == "thead_open":
            in_head = True
        elif t == "thead_close":
            in_head = False
        elif t == "tr_open":
            row = []
        elif t == "tr_close" and table is not None:
            if in_head:
                table.header = row
            else:
                table.rows.append(row)
        elif t == "inline" and table is not None and row is not None:
            row.append(_runs(token))
        elif t == "inline":
            para = Paragraph(_runs(token))
            if lists:
                kind, number = lists[-1]
                para.list_kind, para.level, para.number = kind, len(lists) - 1, number
            out.append(para)
        elif t == "list_item_close" and lists:
            lists[-1][1] += 1
    return out
