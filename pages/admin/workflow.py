"""Admin of the procedure's data. The SOP steps (who performs them, their Mutu Baku) are master
data the operator keeps; reports, unit submissions, the audit trail and the letter register
are shown read-only: their state changes only through `workflow.services`."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from pages.admin.scoping import (
    OfficeFilter,
    OfficeScopedAdmin,
    ReadOnlyScopedAdmin,
    register_office_lookup,
)
from sakip.models import PROCEDURE_ROLES
from workflow.models import AuditEntry, LetterNumber, Report, Step, Submission

register_office_lookup(Step, "office")
register_office_lookup(Report, "office")
register_office_lookup(Submission, "report__office")
register_office_lookup(AuditEntry, "office")
register_office_lookup(LetterNumber, "office")


class StepForm(forms.ModelForm):
    """Who performs a step: ticked from the procedure roles, never typed (the model's
    validator refuses any other role, e.g. the operator's, as well)."""

    actor_roles = forms.TypedMultipleChoiceField(
        label=_("pelaksana"),
        choices=[(role.value, role.label) for role in PROCEDURE_ROLES],
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Step
        fields = [
            "office",
            "number",
            "name",
            "actor_roles",
            "kelengkapan",
            "minutes",
            "output",
            "note",
        ]


@admin.register(Step)
class StepAdmin(OfficeScopedAdmin):
    # The 13 steps are the SOP's; the operator adjusts them but neither adds nor removes one.
    form = StepForm
    operator_can_add = operator_can_delete = False
    list_display = ["number", "name", "actor_roles", "kelengkapan", "minutes", "output"]
    list_display_links = ["number", "name"]
    fields = ["office", "number", "name", "actor_roles", "kelengkapan", "minutes", "output", "note"]

    def get_readonly_fields(self, request, obj=None):
        return ["number"] if obj is not None else []


class SubmissionInline(admin.TabularInline):
    model = Submission
    fields = ["unit", "state", "round", "submitted_at", "accepted_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Report)
class ReportAdmin(ReadOnlyScopedAdmin):
    list_display = ["__str__", "year", "state", "draft_round", "updated_at"]
    list_filter = ["state", ("year", OfficeFilter)]
    list_select_related = ["office", "year"]
    fields = ["office", "year", "state", "draft_round", "created_by", "created_at", "updated_at"]
    inlines = [SubmissionInline]


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyScopedAdmin):
    office_lookup = "report__office"
    list_display = ["unit", "report", "state", "round", "submitted_at", "accepted_at"]
    list_filter = ["state", ("unit", OfficeFilter)]
    list_select_related = ["unit", "report__office", "report__year"]
    fields = ["report", "unit", "state", "round", "submitted_at", "accepted_at"]


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyScopedAdmin):
    list_display = ["created_at", "action", "actor", "report"]
    list_filter = ["action"]
    search_fields = ["action"]
    list_select_related = ["actor", "report__office", "report__year"]
    fields = ["created_at", "action", "actor", "report", "payload"]
    date_hierarchy = "created_at"


@admin.register(LetterNumber)
class LetterNumberAdmin(ReadOnlyScopedAdmin):
    list_display = ["number", "purpose", "issued_at", "issued_by", "report"]
    list_filter = ["year"]
    search_fields = ["number", "purpose"]
    list_select_related = ["issued_by", "report__office", "report__year"]
    fields = ["year", "sequence", "number", "purpose", "issued_at", "issued_by", "report"]
