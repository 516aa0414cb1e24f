"""`{{ text|markup }}`: chapter text in the small safe markup, as HTML (documents/markup.py)."""

from __future__ import annotations

from django import template

from documents.markup import to_html

register = template.Library()


@register.filter(name="markup")
def markup_filter(text: str):
    return to_html(text or "")
