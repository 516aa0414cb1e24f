"""The chapters' small safe markup: what a person types is text, never markup of the PDF."""

from __future__ import annotations

from documents.markup import Paragraph, Table, blocks, to_html


def test_typed_html_links_and_images_stay_text():
    html = to_html(
        "Awal <script>alert(1)</script> <img src=x onerror=y> "
        "![gambar](http://example.invalid/x.png) [tautan](javascript:alert(1))"
    )
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "![gambar](http://example.invalid/x.png)" in html


def test_paragraphs_lists_tables_and_notes_become_html():
    html = to_html(
        "**A. Judul**\n\nBaris satu\nbaris dua\n\n- butir\n- butir\n\n1. satu\n2. dua\n\n"
        "| Kolom | Nilai |\n|---|---|\n| a | 1 |\n\n[Penyusun: lengkapi <ini>.]"
    )
    assert '<p class="subhead"><strong>A. Judul</strong></p>' in html
    assert "Baris satu<br />\nbaris dua" in html
    assert html.count("<li>") == 4 and "<ul>" in html and "<ol>" in html
    assert '<table class="grid small markup">' in html and "<td>a</td>" in html
    assert '<mark class="penyusun">[Penyusun: lengkapi &lt;ini&gt;.]</mark>' in html


def test_the_block_model_for_word_keeps_kinds_numbers_and_notes():
    parsed = blocks(
        "Teks **tebal**\n\n3. tiga\n4. empat\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n[Penyusun: x]"
    )
    kinds = [type(b) for b in parsed]
    assert kinds == [Paragraph, Paragraph, Paragraph, Table, Paragraph]
    assert [r.bold for r in parsed[0].runs] == [False, True]
    assert (parsed[1].list_kind, parsed[1].number, parsed[2].number) == ("number", 3, 4)
    assert [[r.text for r in cell] for cell in parsed[3].header] == [["A"], ["B"]]
    assert parsed[4].runs[0].todo
