"""Admin of the office and its people: the office's letterhead data, units, staff, posts held
(tenures) and holidays."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model, password_validation
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pages.admin.scoping import (
    OfficeFilter,
    OfficeScopedAdmin,
    is_unrestricted,
    operator_office,
)
from sakip.models import Holiday, Kabupaten, Office, Person, Role, Tenure, Unit
from workflow.models import LetterSequence
from workflow.services.letters import format_letter_number
from workflow.services.posts import post_change_record, snapshot


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
            {
                "fields": [
                    "letter_code",
                    "letter_classification",
                    "letter_pattern",
                    "next_letter_number",
                ]
            },
        ),
        (_("Jam kerja"), {"fields": ["work_start", "work_end", "work_days"]}),
        (
            _("Profil kantor untuk LAKIP (Bab I)"),
            {
                "fields": ["legal_basis", "duties", "functions", "strategic_issues"],
                "description": _(
                    "Ditulis sekali dan dipakai draf LAKIP setiap tahun. Satu butir per baris."
                ),
            },
        ),
    ]
    readonly_fields = ["next_letter_number"]

    @admin.display(description=_("nomor surat berikutnya"))
    def next_letter_number(self, obj: Office | None) -> str:
        """A preview in the saved pattern: the number the next letter of this year gets."""
        if obj is None or obj.pk is None:
            return "–"
        today = timezone.localdate()
        last = (
            LetterSequence.objects.filter(office=obj, year=today.year)
            .values_list("last_number", flat=True)
            .first()
        )
        return format_letter_number(obj, sequence=(last or 0) + 1, date=today)


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


class PostAuditAdmin(OfficeScopedAdmin):
    """Every save or removal that changes who holds the Camat's or Sekcam's post leaves an
    audit entry (who, when, before, after); the Camat reads them on the post-history page."""

    def _record(self, request: HttpRequest, before: dict | None, after: dict | None) -> None:
        post_change_record(
            before=before,
            after=after,
            actor=getattr(request.user, "person", None),
            by=request.user.get_username(),
        )

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        stored = type(obj).objects.filter(pk=obj.pk).first() if change else None
        before = snapshot(stored)
        super().save_model(request, obj, form, change)
        self._record(request, before, snapshot(obj))

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        before = snapshot(obj)
        super().delete_model(request, obj)
        self._record(request, before, None)

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


def _own_person(request: HttpRequest, obj: Any) -> bool:
    """The operator's own record (a superuser is not limited by it)."""
    person = getattr(request.user, "person", None)
    return (
        obj is not None
        and person is not None
        and obj.pk == person.pk
        and not is_unrestricted(request)
    )


@admin.register(Person)
class PersonAdmin(PostAuditAdmin):
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

    # What the operator may never change on their own record: no self-promotion to a
    # procedure role, no leaving their office or heading a unit.
    SELF_LOCKED = ["role", "office", "kabupaten", "unit", "heads_unit"]

    @admin.display(description=_("nama pengguna"), ordering="user__username")
    def username(self, obj: Person) -> str:
        return obj.user.username

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None):
        fields = list(super().get_readonly_fields(request, obj))
        if _own_person(request, obj):
            fields += [f for f in self.SELF_LOCKED if f not in fields]
        return fields

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and not _own_person(request, obj)

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
        if _own_person(request, obj):
            # Belt and braces behind the read-only fields: the stored values stand.
            stored = Person.objects.get(pk=obj.pk)
            for name in self.SELF_LOCKED:
                setattr(obj, name, getattr(stored, name))
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


class TenureForm(forms.ModelForm):
    class Meta:
        model = Tenure
        fields = ["office", "role", "unit", "person", "start", "end", "acting"]

    def clean(self):
        data = super().clean()
        if self.own_person is not None and data.get("person") == self.own_person:
            # A tenure puts a name under the office's documents: never one's own.
            raise forms.ValidationError(_("Anda tidak dapat mencatat masa jabatan diri sendiri."))
        return data


@admin.register(Tenure)
class TenureAdmin(PostAuditAdmin):
    form = TenureForm
    list_display = ["person", "role", "unit", "start", "end", "acting"]
    list_filter = ["role", "acting"]
    search_fields = ["person__full_name"]
    list_select_related = ["person", "unit"]
    fields = ["office", "role", "unit", "person", "start", "end", "acting"]

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.own_person = (
            None if is_unrestricted(request) else getattr(request.user, "person", None)
        )
        return form

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and not (
            obj is not None and _own_person(request, obj.person)
        )

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and not (
            obj is not None and _own_person(request, obj.person)
        )


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
