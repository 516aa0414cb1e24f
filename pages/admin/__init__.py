"""Django admin: the master data of each office, kept by that office's operator."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from pages.admin import org, plan, workflow  # noqa: F401  (registers the model admins)
from pages.admin.scoping import OfficeScopedAdmin, ReadOnlyScopedAdmin, operator_office

admin.site.site_header = _("SAKIP Kecamatan — Data induk")
admin.site.site_title = _("SAKIP Kecamatan")
admin.site.index_title = _("Data induk kantor")

__all__ = ["OfficeScopedAdmin", "ReadOnlyScopedAdmin", "operator_office"]
