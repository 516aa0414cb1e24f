"""Admin of the plan: years and their capaian bands, sasaran, indicators, targets, the
program/kegiatan/sub kegiatan nomenclature and the program budgets."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from pages.admin.scoping import (
    OfficeFilter,
    OfficeScopedAdmin,
    OfficeScopedInline,
    ReadOnlyScopedAdmin,
)
from sakip.models import (
    Anggaran,
    Evidence,
    Indikator,
    Nomenklatur,
    Renstra,
    SasaranStrategis,
    Target,
    Year,
)
from sakip.models.reference import NomenklaturKind


@admin.register(Year)
class YearAdmin(OfficeScopedAdmin):
    list_display = ["year", "office"]
    fields = ["office", "year", "bands"]


class IndikatorInline(admin.TabularInline):
    model = Indikator
    fields = ["order", "name", "satuan", "target_kind", "unit"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Renstra)
class RenstraAdmin(OfficeScopedAdmin):
    list_display = ["name", "start_year", "end_year"]
    fields = ["office", "name", "start_year", "end_year"]


@admin.register(SasaranStrategis)
class SasaranStrategisAdmin(OfficeScopedAdmin):
    list_display = ["code", "name", "renstra", "order"]
    list_display_links = ["code", "name"]
    search_fields = ["name", "code"]
    fields = ["office", "renstra", "code", "name", "order"]
    inlines = [IndikatorInline]


class TargetInline(OfficeScopedInline):
    model = Target
    fields = ["year", "value", "value_max", "text", "tw1", "tw2", "tw3", "tw4"]


@admin.register(Indikator)
class IndikatorAdmin(OfficeScopedAdmin):
    list_display = ["name", "sasaran", "satuan", "polarity", "target_kind", "unit"]
    list_filter = [("sasaran", OfficeFilter), ("unit", OfficeFilter), "target_kind", "polarity"]
    search_fields = ["name", "definition"]
    list_select_related = ["sasaran", "unit"]
    inlines = [TargetInline]
    fieldsets = [
        (None, {"fields": ["office", "sasaran", "order", "name", "iku", "unit", "nomenklatur"]}),
        (
            _("Pengukuran"),
            {
                "fields": [
                    "satuan",
                    "polarity",
                    "target_kind",
                    "aggregation",
                    "definition",
                    "alasan",
                    "sumber_data",
                    "renstra_target",
                    "renstra_target_text",
                    "standard_value",
                    "standard_source",
                ]
            },
        ),
    ]


@admin.register(Target)
class TargetAdmin(OfficeScopedAdmin):
    office_lookup = "indikator__office"
    fixed_fields = ()
    list_display = ["indikator", "year", "value", "value_max", "text"]
    list_filter = [("year", OfficeFilter)]
    search_fields = ["indikator__name"]
    list_select_related = ["indikator", "year"]
    fields = ["indikator", "year", "value", "value_max", "text", "tw1", "tw2", "tw3", "tw4"]


@admin.register(Nomenklatur)
class NomenklaturAdmin(OfficeScopedAdmin):
    list_display = ["code", "name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["code", "name"]
    list_select_related = ["parent"]
    fields = ["office", "kind", "parent", "code", "name"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            kwargs["queryset"] = Nomenklatur.objects.exclude(kind=NomenklaturKind.SUB_KEGIATAN)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Anggaran)
class AnggaranAdmin(OfficeScopedAdmin):
    office_lookup = "year__office"
    fixed_fields = ()
    list_display = ["nomenklatur", "year", "pagu", "realisasi"]
    list_filter = [("year", OfficeFilter), "nomenklatur__kind"]
    list_select_related = ["nomenklatur", "year"]
    fields = ["year", "nomenklatur", "pagu", "realisasi"]


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyScopedAdmin):
    """Listed for the operator's overview; the files themselves are handed out only by the
    access-checked evidence view, never by the admin."""

    office_lookup = "row__submission__report__office"
    list_display = ["original_name", "row", "size", "uploaded_by", "uploaded_at"]
    search_fields = ["original_name"]
    list_select_related = ["row__indikator", "uploaded_by"]
    fields = ["original_name", "row", "content_type", "size", "sha256", "uploaded_by"]
