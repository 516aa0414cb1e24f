"""Office scoping for the Django admin: the office's operator (role `admin`, staff) manages the
master data of their own office only; superusers (no person) see every office.

Every model admin names the lookup from its model to the Office (`office_lookup`); the same
table scopes the choices of every foreign key, so no form can point at another office's data."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sakip.models import (
    Anggaran,
    Evidence,
    Holiday,
    Indikator,
    Kabupaten,
    Nomenklatur,
    Office,
    Person,
    PlanRow,
    Renstra,
    Role,
    SasaranStrategis,
    Target,
    Tenure,
    Unit,
    Year,
)

# Model → lookup from that model to its Office. Models absent here are not office data.
OFFICE_LOOKUPS: dict[type[models.Model], str] = {
    Office: "pk",
    Unit: "office",
    Person: "office",
    Tenure: "office",
    Holiday: "office",
    Year: "office",
    Renstra: "office",
    SasaranStrategis: "office",
    Indikator: "office",
    Nomenklatur: "office",
    Target: "indikator__office",
    Anggaran: "year__office",
    PlanRow: "submission__report__office",
    Evidence: "row__submission__report__office",
}


def register_office_lookup(model: type[models.Model], lookup: str) -> None:
    """Workflow models join the table where they are registered."""
    OFFICE_LOOKUPS[model] = lookup


def operator_office(request: HttpRequest) -> Office | None:
    """The office a staff operator manages; None for anyone who is not an office operator."""
    user = request.user
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return None
    person = getattr(user, "person", None)
    if person is None or person.role != Role.ADMIN:
        return None
    return person.office


def is_unrestricted(request: HttpRequest) -> bool:
    return bool(request.user.is_active and request.user.is_superuser)


def scope_queryset(queryset: models.QuerySet, office: Office) -> models.QuerySet:
    """Restrict a queryset of any office model to `office`; unknown models yield nothing."""
    model = queryset.model
    if model is Kabupaten:
        return queryset.filter(pk=office.kabupaten_id)
    if model is get_user_model():
        return queryset.filter(person__office=office)
    lookup = OFFICE_LOOKUPS.get(model)
    if lookup is None:
        return queryset.none()
    return queryset.filter(**{lookup: office.pk})


class OfficeScopedAdmin(admin.ModelAdmin):
    """Base of every master-data admin. Operators see and choose only their office's rows;
    the `office` field is fixed to their office (shown, not editable) so that the model's
    unique constraints and clean() run against the right office."""

    office_lookup = "office"
    # What an operator may do besides viewing; superusers may do all of it.
    operator_can_add = True
    operator_can_change = True
    operator_can_delete = True
    # Fields whose value the operator never chooses (fixed to their office or kabupaten).
    fixed_fields = ("office",)

    def get_queryset(self, request: HttpRequest) -> models.QuerySet:
        queryset = super().get_queryset(request)
        if is_unrestricted(request):
            return queryset
        office = operator_office(request)
        if office is None:
            return queryset.none()
        return queryset.filter(**{self.office_lookup: office.pk})

    # Permissions: the operator's role grants them, not per-user model permissions, so a new
    # operator needs no setup beyond role `admin` and staff status.
    def _operator_may(self, request: HttpRequest, allowed: bool) -> bool:
        if is_unrestricted(request):
            return True
        return allowed and operator_office(request) is not None

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._operator_may(request, True)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._operator_may(request, True)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._operator_may(request, self.operator_can_add)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._operator_may(request, self.operator_can_change)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._operator_may(request, self.operator_can_delete)

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        office = None if is_unrestricted(request) else operator_office(request)
        if office is None:
            return super().formfield_for_foreignkey(db_field, request, **kwargs)
        related = db_field.remote_field.model
        queryset = kwargs.get("queryset")
        if queryset is None:
            queryset = related._default_manager.all()
        kwargs["queryset"] = scope_queryset(queryset, office)
        fixed = db_field.name in self.fixed_fields
        if fixed:
            kwargs["initial"] = office.kabupaten_id if related is Kabupaten else office.pk
            kwargs["help_text"] = ""
            if related is Office:
                kwargs["label"] = _("Kantor")
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if fixed and field is not None:
            field.disabled = True
        return field

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        office = None if is_unrestricted(request) else operator_office(request)
        if office is not None and "office" in self.fixed_fields and hasattr(obj, "office_id"):
            obj.office = office
        super().save_model(request, obj, form, change)


class ReadOnlyScopedAdmin(OfficeScopedAdmin):
    """Records that only services write (reports, submissions, audit, letter register): the
    admin shows them, nobody edits them here — state changes go through workflow.services."""

    operator_can_add = operator_can_change = operator_can_delete = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


# A foreign-key filter that offers only values present in the (scoped) changelist, so the
# sidebar never lists another office's units or years.
OfficeFilter = admin.RelatedOnlyFieldListFilter


class OfficeScopedInline(admin.TabularInline):
    """An inline whose foreign-key choices are limited to the operator's office."""

    extra = 0

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        office = None if is_unrestricted(request) else operator_office(request)
        if office is not None and field is not None:
            field.queryset = scope_queryset(field.queryset, office)
        return field
