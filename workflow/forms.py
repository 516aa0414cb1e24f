"""The forms of the procedure's steps. They only collect input; the step services check the
rules and change state."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sakip.models import Person, Year
from workflow.models import CopyRecord, Dispatch, Meeting, NotaDinas

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _helper(label: str, *, danger: bool = False) -> FormHelper:
    helper = FormHelper()
    helper.form_method = "post"
    helper.add_input(Submit("submit", label, css_class="btn-danger" if danger else "btn-primary"))
    return helper


class StepForm(forms.Form):
    """Base of every step form: a submit button labelled with the step's action."""

    def __init__(self, *args, report, label: str, danger: bool = False, **kwargs) -> None:
        self.report = report
        super().__init__(*args, **kwargs)
        self.helper = _helper(label, danger=danger)


class ConfirmForm(StepForm):
    """No input: the page itself asks for confirmation."""


class ReasonForm(StepForm):
    reason = forms.CharField(
        label=_("Alasan"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Wajib diisi: apa yang harus diperbaiki."),
    )


class _StepModelForm(forms.ModelForm):
    def __init__(self, *args, report, label: str, danger: bool = False, **kwargs) -> None:
        self.report = report
        super().__init__(*args, **kwargs)
        self.helper = _helper(label, danger=danger)


def _office_people(report):
    return Person.objects.filter(office_id=report.office_id).order_by("full_name")


class CoordinationMeetingForm(_StepModelForm):
    """Step 2: the meeting with the section heads where the format is handed over."""

    class Meta:
        model = Meeting
        fields = ["date", "start_time", "place", "attendees", "agenda"]
        widgets = {
            "date": DATE,
            "start_time": TIME,
            "attendees": forms.CheckboxSelectMultiple,
            "agenda": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        people = _office_people(self.report)
        self.fields["attendees"].queryset = people
        self.fields["attendees"].label_from_instance = lambda p: f"{p.full_name} — {p.jabatan}"
        if not self.is_bound:
            self.initial.setdefault(
                "attendees", [p.pk for p in people if p.role in {"sekcam", "kasi", "jf"}]
            )
            self.initial.setdefault("date", timezone.localdate())
            self.initial.setdefault(
                "agenda",
                _("Penyampaian format pengumpulan data dan informasi kinerja tahun %(year)s")
                % {"year": self.report.year.year},
            )


class FinalisationMeetingForm(_StepModelForm):
    """Step 8: the finalisation meeting (for the berita acara and the attendance list)."""

    class Meta:
        model = Meeting
        fields = [
            "date",
            "start_time",
            "place",
            "chaired_by",
            "attendees",
            "other_attendees",
            "decisions",
        ]
        widgets = {
            "date": DATE,
            "start_time": TIME,
            "attendees": forms.CheckboxSelectMultiple,
            "other_attendees": forms.Textarea(attrs={"rows": 3}),
            "decisions": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        people = _office_people(self.report)
        for name in ("attendees", "chaired_by"):
            self.fields[name].queryset = people
            self.fields[name].label_from_instance = lambda p: f"{p.full_name} — {p.jabatan}"
        self.fields["decisions"].required = True
        if not self.is_bound:
            self.initial.setdefault(
                "attendees",
                [p.pk for p in people if p.role in {"camat", "sekcam", "kasi", "jf"}],
            )
            self.initial.setdefault("date", timezone.localdate())
            camat = next((p for p in people if p.role == "camat"), None)
            if camat:
                self.initial.setdefault("chaired_by", camat.pk)


def meeting_data(form: forms.ModelForm) -> tuple[dict, list]:
    """The meeting fields and the attendees, as the step services take them."""
    data = {k: v for k, v in form.cleaned_data.items() if k != "attendees"}
    return data, list(form.cleaned_data["attendees"])


class LetterForm(StepForm):
    """Step 11: the cover letter's date (the number's month and year come from it)."""

    date = forms.DateField(
        label=_("Tanggal surat"),
        required=False,
        widget=DATE,
        help_text=_("Kosongkan untuk tanggal hari ini."),
    )


class CopyForm(_StepModelForm):
    class Meta:
        model = CopyRecord
        fields = ["count", "recipients", "made_at"]
        widgets = {"made_at": DATE, "recipients": forms.Textarea(attrs={"rows": 4})}

    def clean_count(self) -> int:
        count = self.cleaned_data["count"]
        if count < 1:
            raise forms.ValidationError(_("Minimal satu eksemplar."))
        return count


class DispatchForm(_StepModelForm):
    class Meta:
        model = Dispatch
        fields = ["recipient", "date", "method", "receipt_reference"]
        widgets = {"date": DATE}


class ReportCreateForm(forms.ModelForm):
    """Step 1: the year and the nota dinas (prefilled, editable). Its number is not typed:
    it is taken from the office's letter register when the order is given."""

    year = forms.ModelChoiceField(queryset=Year.objects.none(), label=_("Tahun LAKIP"))

    class Meta:
        model = NotaDinas
        fields = [
            "tanggal",
            "kepada",
            "dari",
            "tembusan",
            "sifat",
            "lampiran",
            "hal",
            "isi",
        ]
        widgets = {
            "tanggal": DATE,
            "tembusan": forms.Textarea(attrs={"rows": 2}),
            "isi": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, years, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].queryset = years
        self.order_fields(["year"])
        self.helper = _helper(_("Perintahkan penyusunan LAKIP"))

    def nota(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "year"}
