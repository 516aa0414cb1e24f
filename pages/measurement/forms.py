"""The forms of the quarter's pages: its meeting, a follow-up, a follow-up done."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Field, Layout, Row, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from sakip.models import Indikator, Person, PlanRow, Unit
from sakip.text import FormCharField, limit_of
from workflow.models import FollowUp, Meeting, Report

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _people(report: Report):
    return (
        Person.objects.filter(office_id=report.office_id, user__is_active=True)
        .exclude(role="admin")
        .select_related("unit")
        .order_by("unit__order", "full_name")
    )


class PersonChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, person: Person) -> str:
        return f"{person.full_name} — {person.jabatan}" if person.jabatan else person.full_name


class MeetingForm(forms.ModelForm):
    invitees = PersonChoices(
        label=_("Undangan"), queryset=Person.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    attendees = PersonChoices(
        label=_("Hadir"),
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Meeting
        fields = [
            "date",
            "start_time",
            "place",
            "agenda",
            "decisions",
            "invitees",
            "attendees",
            "other_attendees",
        ]
        labels = {"decisions": _("Arahan Camat")}
        widgets = {"date": DATE, "start_time": TIME}

    def __init__(self, *args, report: Report, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        people = _people(report)
        self.fields["invitees"].queryset = people
        self.fields["attendees"].queryset = people
        self.fields["decisions"].help_text = _(
            "Arahan dan kesimpulan pimpinan rapat; tindak lanjut per indikator dicatat terpisah."
        )
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Row(
                Column("date", css_class="col-md-4"),
                Column("start_time", css_class="col-md-3"),
                Column("place", css_class="col-md-5"),
            ),
            "agenda",
            "decisions",
            Row(
                Column("invitees", css_class="col-md-6"), Column("attendees", css_class="col-md-6")
            ),
            "other_attendees",
            Submit("save", _("Simpan rapat")),
        )

    def clean(self):
        data = super().clean()
        invited = set(data.get("invitees") or [])
        absent_invitation = [p for p in data.get("attendees") or [] if p not in invited]
        if absent_invitation:
            self.add_error(
                "attendees",
                _("Yang hadir harus termasuk undangan: %(names)s.")
                % {"names": ", ".join(p.full_name for p in absent_invitation)},
            )
        return data


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["indikator", "action", "unit", "due_date"]
        widgets = {"due_date": DATE}

    def __init__(self, *args, report: Report, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        indikator_ids = PlanRow.objects.filter(submission__report=report).values("indikator_id")
        self.fields["indikator"].queryset = Indikator.objects.filter(pk__in=indikator_ids)
        self.fields["unit"].queryset = Unit.objects.filter(office_id=report.office_id)
        self.fields["action"].widget.attrs["rows"] = 2
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "indikator",
            Field("action"),
            Row(Column("unit", css_class="col-md-7"), Column("due_date", css_class="col-md-5")),
            Submit("save", _("Catat tindak lanjut")),
        )


class FollowUpDoneForm(forms.Form):
    note = FormCharField(
        label=_("Catatan penyelesaian"),
        required=False,
        max_length=limit_of(FollowUp, "done_note"),
        widget=forms.Textarea(attrs={"rows": 1}),
    )
