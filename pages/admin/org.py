"""Admin of the office and its people: the office's letterhead data, units, staff, posts held
(tenures) and holidays."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model, password_validation
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from pages.admin.scoping import (
    OfficeFilter,
    OfficeScopedAdmin,
    is_unrestricted,
    operator_office,
)
from sakip.models import Holiday, Kabupaten, Office, Person, Role, Tenure, Unit


@admin.register(Kabupaten)
class KabupatenAdmin(admin.ModelAdmin):
    """Kabupaten are created by the system's superuser only (default model permissions), who
    also names the Bupati: Pihak Kedua of every office's Perjanjian Kinerja."""

    search_fields = ["name"]
    list_display = ["name", "bupati_name"]
    fieldsets = [
        (None, {"fields": ["name"]}),
        (
            _("Pihak Kedua Perjanjian Kinerja kantor"),
            {"fields": ["bupati_name", "bupati_nip", "bupati_jabatan"]},
        ),
    ]


@admin.register(Office)
class OfficeAdmin(OfficeScopedAdmin):
    office_lookup = "pk"
    operator_can_add = operator_can_delete = False
    fixed_fields = ("kabupaten",)
    list_display = ["name", "kabupaten", "letter_code", "phone", "email"]
    fieldsets = [
        (None, {"fields": ["kabupaten", "name", "city"]}),
        (
            _("Kop surat dan kontak"),
            {"fields": ["address", "postal_code", "phone", "email", "website"]},
        ),
        (
            _("Penomoran surat"),
            {"fields": ["letter_code", "letter_classification", "letter_pattern"]},
        ),
        (_("Jam kerja"), {"fields": ["work_start", "work_end", "work_days"]}),
    ]


@admin.register(Unit)
class UnitAdmin(OfficeScopedAdmin):
    list_display = ["name", "short_name", "kind", "supplies_data", "order"]
    list_editable = ["order"]
    list_filter = ["kind", "supplies_data"]
    search_fields = ["name", "short_name"]
    fields = ["office", "name", "short_name", "kind", "supplies_data", "order"]


class PersonCreationForm(forms.ModelForm):
    """Adding a person also creates their sign-in account, so the operator needs no access
    to the user accounts of other offices."""

    username = forms.CharField(label=_("Nama pengguna"), max_length=150)
    email = forms.EmailField(label=_("Surel"), required=False)
    password = forms.CharField(
        label=_("Kata sandi awal"),
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Sampaikan kepada pegawai; ia dapat menggantinya setelah masuk."),
    )

    class Meta:
        model = Person
        fields = [
            "office",
            "kabupaten",
            "role",
            "unit",
            "heads_unit",
            "full_name",
            "nip",
            "pangkat",
            "golongan",
            "jabatan",
        ]

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Nama pengguna ini sudah dipakai."))
        return username

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        password_validation.validate_password(password)
        return password


@admin.register(Person)
class PersonAdmin(OfficeScopedAdmin):
    list_display = ["full_name", "nip", "jabatan", "unit", "role", "heads_unit", "username"]
    list_filter = ["role", "heads_unit", ("unit", OfficeFilter)]
    search_fields = ["full_name", "nip", "jabatan", "user__username"]
    list_select_related = ["unit", "user"]
    readonly_fields = ["user"]
    fieldsets = [
        (None, {"fields": ["user", "office", "kabupaten", "role", "unit", "heads_unit"]}),
        (_("Identitas"), {"fields": ["full_name", "nip", "pangkat", "golongan", "jabatan"]}),
    ]
    add_fieldsets = [
        (_("Akun"), {"fields": ["username", "email", "password"]}),
        (None, {"fields": ["office", "kabupaten", "role", "unit", "heads_unit"]}),
        (_("Identitas"), {"fields": ["full_name", "nip", "pangkat", "golongan", "jabatan"]}),
    ]

    @admin.display(description=_("nama pengguna"), ordering="user__username")
    def username(self, obj: Person) -> str:
        return obj.user.username

    def get_fieldsets(self, request: HttpRequest, obj: Any = None):
        fieldsets = self.add_fieldsets if obj is None else self.fieldsets
        if is_unrestricted(request):
            return fieldsets
        # Operators never make kabupaten readers: that field is not theirs.
        return [
            (name, {"fields": [f for f in opts["fields"] if f != "kabupaten"]})
            for name, opts in fieldsets
        ]

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs):
        if obj is None:
            kwargs["form"] = PersonCreationForm
        return super().get_form(request, obj, change=change, **kwargs)

    def formfield_for_choice_field(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "role" and not is_unrestricted(request):
            kwargs["choices"] = [(v, label) for v, label in Role.choices if v != Role.KABUPATEN]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Person, form: Any, change: bool) -> None:
        if not change:
            data = form.cleaned_data
            obj.user = get_user_model().objects.create_user(
                username=data["username"], email=data.get("email", ""), password=data["password"]
            )
        # The operator role is the one that opens the admin; staff status follows the role.
        if obj.user.is_staff != (obj.role == Role.ADMIN) and not obj.user.is_superuser:
            obj.user.is_staff = obj.role == Role.ADMIN
            obj.user.save(update_fields=["is_staff"])
        super().save_model(request, obj, form, change)


@admin.register(Tenure)
class TenureAdmin(OfficeScopedAdmin):
    list_display = ["person", "role", "unit", "start", "end", "acting"]
    list_filter = ["role", "acting"]
    search_fields = ["person__full_name"]
    list_select_related = ["person", "unit"]
    fields = ["office", "role", "unit", "person", "start", "end", "acting"]


@admin.register(Holiday)
class HolidayAdmin(OfficeScopedAdmin):
    """National holidays (no office) are shown to every operator but kept by the superuser."""

    list_display = ["date", "name", "office"]
    list_filter = [("office", admin.EmptyFieldListFilter)]
    date_hierarchy = "date"
    search_fields = ["name"]
    fields = ["office", "date", "name"]

    def get_queryset(self, request: HttpRequest):
        queryset = admin.ModelAdmin.get_queryset(self, request)
        if is_unrestricted(request):
            return queryset
        office = operator_office(request)
        if office is None:
            return queryset.none()
        return queryset.filter(Q(office=office) | Q(office__isnull=True))

    def _own(self, request: HttpRequest, obj: Holiday | None) -> bool:
        return obj is None or obj.office_id is not None or is_unrestricted(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and self._own(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and self._own(request, obj)
