"""The one place where typed or pasted text is cleaned, and how long free text may be.

Control characters (C0 except tab, newline and carriage return, and DEL) have no meaning in
a report; they arrive by pasting from Word (BEL ends a table cell, VT is a manual line break)
or on purpose, and an xlsx file cannot hold them (openpyxl refuses the whole export). They
are removed, VT and FF becoming line breaks. A NUL is refused by every form (Django's own
check, "Karakter null tidak diizinkan") and removed everywhere else.

Applied through the fields, so no form can forget it:
- the model fields `CharField` and `TextField` below clean what is stored (forms, services,
  imports) and hand their forms a `FormCharField`, so the admin and every model form clean
  and limit alike;
- plain forms use `FormCharField` with the model field's limit (`limit_of`);
- the workbook import cleans through `sakip.cleaning`, which uses `clean_text`."""

from __future__ import annotations

import re

from django import forms
from django.db import models

_LINE_BREAKS = re.compile("[\x0b\x0c]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")

# Limits of the free-text fields (characters). The model field holds the limit; forms read
# it from there (`limit_of`), so the form, the admin and the import refuse the same length.
NAME = 1_000  # a sasaran's or an indicator's name
NOTE = 2_000  # a row's remarks, a reason a step note, a return note on one row
REASON = 5_000  # the general reason of a return, a row's analysis
LONG = 10_000  # the nota dinas's text, the decisions of a meeting
CHAPTER = 20_000  # one chapter of the LAKIP draft


def clean_text(value: str) -> str:
    """`value` without control characters; VT and FF become line breaks."""
    if not value:
        return value
    return _CONTROL.sub("", _LINE_BREAKS.sub("\n", value))


class FormCharField(forms.CharField):
    """A form's text field: Django's checks first (a NUL is refused, the length limit), then
    the control characters removed."""

    def clean(self, value):
        value = super().clean(value)
        if not isinstance(value, str):
            return value
        value = clean_text(value)
        return value.strip() if self.strip else value


class _CleanTextMixin:
    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return clean_text(value) if isinstance(value, str) else value

    def formfield(self, **kwargs):
        # A field with choices keeps its choice field (Django ignores form_class there).
        kwargs.setdefault("form_class", FormCharField)
        return super().formfield(**kwargs)


class CharField(_CleanTextMixin, models.CharField):
    """models.CharField whose value is cleaned of control characters."""


class TextField(_CleanTextMixin, models.TextField):
    """models.TextField whose value is cleaned of control characters; give it a
    max_length (one of the limits above): the forms then refuse longer text."""


def limit_of(model: type[models.Model], field: str) -> int | None:
    return model._meta.get_field(field).max_length
