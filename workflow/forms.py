"""The forms of the procedure's transitions: one per transition, named in its metadata
(`custom["form"]`, see `workflow.models.procedure.step_meta`). A form collects the step's
input (a meeting, a reason with notes per row or chapter, a letter date, copies, dispatch),
explains the step on its page, and `perform()` calls the step's service. The one door of a
transition (`laporan/<pk>/langkah/<name>/`) renders and validates it; every page that offers
the action posts to that door."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sakip.models import Person, Role, Year
from sakip.text import FormCharField, limit_of
from workflow.models import (
    CopyRecord,
    Dispatch,
    Meeting,
    NotaDinas,
    Report,
    RevisionItem,
    RevisionRequest,
    Submission,
)
from workflow.services import procedure as svc

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _helper(label: str, *, danger: bool = False) -> FormHelper:
    helper = FormHelper()
    helper.form_method = "post"
    helper.add_input(Submit("submit", label, css_class="btn-danger" if danger else "btn-primary"))
    return helper


class StepMixin:
    """What every step form knows: the object the transition acts on (a report or a unit's
    submission), the person acting, and the button of the step."""

    explanation = ""

    def setup(self, *, obj: Report | Submission, person: Person, label: str, danger: bool) -> None:
        self.obj = obj
        self.person = person
        # A submission's report; a Perjanjian Kinerja has none.
        self.report = obj if isinstance(obj, Report) else getattr(obj, "report", None)
        self.helper = _helper(label, danger=danger)

    def perform(self) -> Report | Submission:
        raise NotImplementedError


class StepForm(StepMixin, forms.Form):
    def __init__(self, *args, obj, person, label: str, danger: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setup(obj=obj, person=person, label=label, danger=danger)


class StepModelForm(StepMixin, forms.ModelForm):
    def __init__(self, *args, obj, person, label: str, danger: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setup(obj=obj, person=person, label=label, danger=danger)


def _office_people(report: Report):
    return Person.objects.filter(office_id=report.office_id).order_by("full_name")


def _people_field(field, people) -> None:
    field.queryset = people
    field.label_from_instance = lambda p: f"{p.full_name} — {p.jabatan}"


def _meeting(form: forms.ModelForm) -> tuple[dict, list]:
    """The meeting fields and the attendees, as the step services take them."""
    data = {k: v for k, v in form.cleaned_data.items() if k != "attendees"}
    return data, list(form.cleaned_data["attendees"])


# ---- Steps 2–5 --------------------------------------------------------------------------


class DistributeForm(StepModelForm):
    """Step 2: the meeting with the section heads where the format is handed over."""

    explanation = _(
        "Catat rapat dengan Kasi dan Kasubag. Setelah disimpan, setiap unit penyuplai data "
        "menerima format pengumpulan berisi indikator dan target tahun ini."
    )

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
        _people_field(self.fields["attendees"], people)
        if not self.is_bound:
            invited = {Role.SEKCAM, Role.KASI, Role.JF}
            self.initial.setdefault("attendees", [p.pk for p in people if p.role in invited])
            self.initial.setdefault("date", timezone.localdate())
            self.initial.setdefault(
                "agenda",
                _("Penyampaian format pengumpulan data dan informasi kinerja tahun %(year)s")
                % {"year": self.report.year.year},
            )

    def perform(self):
        meeting, attendees = _meeting(self)
        return svc.report_distribute(
            report=self.obj, person=self.person, meeting=meeting, attendees=attendees
        )


class SubmitForm(StepForm):
    """Step 3: the unit's head sends the rows. After a return, rows the Sekcam pointed at
    that are still as they were need an explicit confirmation (the Kasi may have checked
    them and found them right, but should not resend them by oversight)."""

    explanation = _(
        "Kirim isian unit kepada Sekretaris Camat. Setelah dikirim, isian tidak dapat diubah."
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.untouched = svc.untouched_returned_rows(self.obj)
        if self.untouched:
            rows = ", ".join(str(n) for n in self.untouched)
            self.fields["confirm_untouched"] = forms.BooleanField(
                label=_(
                    "Baris %(rows)s yang ditunjuk Sekretaris Camat belum diubah sejak "
                    "dikembalikan. Saya sudah memeriksanya dan tetap mengirim isian ini."
                )
                % {"rows": rows},
                error_messages={
                    "required": _("Centang konfirmasi ini, atau perbaiki baris yang ditunjuk.")
                },
            )

    def perform(self):
        return svc.submission_submit(submission=self.obj, person=self.person)


class CollectForm(StepForm):
    explanation = _(
        "Semua unit sudah mengirim isiannya. Serahkan format yang terhimpun untuk dievaluasi."
    )

    def perform(self):
        return svc.report_collect(report=self.obj, person=self.person)


class AcceptForm(StepForm):
    explanation = _("Isian unit ini sudah benar dan sesuai.")

    def perform(self):
        return svc.submission_accept(submission=self.obj, person=self.person)


class NotesMixin:
    """A reason, and optionally a note on each of `targets` (rows or chapters), as fields
    `note_<pk>`; the pages that list the rows or chapters show each note field beside its
    row or chapter."""

    note_label = ""

    def add_notes(self, targets) -> None:
        self.targets = list(targets)
        for target in self.targets:
            self.fields[f"note_{target.pk}"] = FormCharField(
                label=self.note_label % {"name": self.target_name(target)},
                required=False,
                max_length=limit_of(RevisionItem, "note"),
                widget=forms.Textarea(attrs={"rows": 1}),
            )

    def target_name(self, target) -> str:
        raise NotImplementedError

    def notes(self) -> dict[int, str]:
        return {
            t.pk: self.cleaned_data[f"note_{t.pk}"].strip()
            for t in self.targets
            if self.cleaned_data.get(f"note_{t.pk}", "").strip()
        }


REASON = FormCharField(
    label=_("Alasan pengembalian"),
    max_length=limit_of(RevisionRequest, "reason"),
    widget=forms.Textarea(attrs={"rows": 4}),
    help_text=_("Wajib diisi: apa yang harus diperbaiki."),
)


class ReturnSubmissionForm(NotesMixin, StepForm):
    """Step 5: the Sekcam returns one unit's submission with a reason and notes per row."""

    explanation = _(
        "Isian unit kembali ke pengisian dalam putaran baru; unit lain tidak terpengaruh. "
        "Tuliskan apa yang harus diperbaiki, bila perlu per baris."
    )
    note_label = _("Catatan baris %(name)s")
    reason = REASON

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.add_notes(self.obj.rows.order_by("number"))

    def target_name(self, row) -> str:
        return str(row.number)

    def perform(self):
        return svc.submission_return(
            submission=self.obj,
            person=self.person,
            reason=self.cleaned_data["reason"],
            row_notes=self.notes(),
        )


class FinishEvaluationForm(StepForm):
    explanation = _(
        "Semua isian unit sudah diterima. Setelah evaluasi selesai, isian tidak dapat "
        "dikembalikan lagi dan penyusunan draf LAKIP dimulai."
    )

    def perform(self):
        return svc.report_finish_evaluation(report=self.obj, person=self.person)


class CloseMeasurementForm(StepForm):
    """Closes a quarter by hand where the last acceptance did not (a unit was dropped from
    the plan); normally the quarter closes with its last unit accepted."""

    explanation = _(
        "Semua isian unit sudah diterima. Setelah pengukuran triwulan ditutup, isiannya tidak "
        "dapat diubah atau dikembalikan lagi."
    )

    def perform(self):
        return svc.measurement_close(report=self.obj, person=self.person)


# ---- Steps 6–7 --------------------------------------------------------------------------


class SubmitDraftForm(StepForm):
    explanation = _("Ajukan draf LAKIP kepada Sekretaris Camat untuk dikoreksi.")

    def perform(self):
        return svc.draft_submit(report=self.obj, person=self.person)


class AcceptDraftForm(StepForm):
    explanation = _("Draf diterima; berikutnya rapat finalisasi LAKIP.")

    def perform(self):
        return svc.draft_accept(report=self.obj, person=self.person)


class ReturnDraftForm(NotesMixin, StepForm):
    """Step 7: the Sekcam returns the draft with a reason and notes per chapter."""

    explanation = _(
        "Draf kembali ke penyusunan dalam putaran baru. Tuliskan apa yang harus diperbaiki, "
        "bila perlu per bab."
    )
    note_label = _("Catatan untuk %(name)s")
    reason = REASON

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.add_notes(self.obj.chapters.order_by("order"))

    def target_name(self, chapter) -> str:
        return chapter.title

    def perform(self):
        return svc.draft_return(
            report=self.obj,
            person=self.person,
            reason=self.cleaned_data["reason"],
            chapter_notes=self.notes(),
        )


# ---- Steps 8–10 -------------------------------------------------------------------------


class FinaliseForm(StepModelForm):
    """Step 8: the finalisation meeting (for the berita acara and the attendance list)."""

    explanation = _(
        "Catat rapat finalisasi: waktu, tempat, peserta dan keputusan (untuk berita acara)."
    )

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
            _people_field(self.fields[name], people)
        self.fields["decisions"].required = True
        if not self.is_bound:
            invited = {Role.CAMAT, Role.SEKCAM, Role.KASI, Role.JF}
            self.initial.setdefault("attendees", [p.pk for p in people if p.role in invited])
            self.initial.setdefault("date", timezone.localdate())
            camat = next((p for p in people if p.role == Role.CAMAT), None)
            if camat:
                self.initial.setdefault("chaired_by", camat.pk)

    def perform(self):
        meeting, attendees = _meeting(self)
        return svc.report_finalise(
            report=self.obj, person=self.person, meeting=meeting, attendees=attendees
        )


class SendForApprovalForm(StepForm):
    explanation = _("Sampaikan dokumen LAKIP kepada Camat untuk disetujui dan ditandatangani.")

    def perform(self):
        return svc.report_send_for_approval(report=self.obj, person=self.person)


class SignForm(StepForm):
    explanation = _(
        "Dengan menyetujui, dokumen LAKIP final dibekukan, diberi sidik (SHA-256) dan "
        "ditandatangani secara elektronik. Langkah ini tidak dapat dibatalkan."
    )

    def perform(self):
        return svc.report_sign(report=self.obj, person=self.person)


class SendBackForm(ReturnDraftForm):
    """Step 10: the Camat sends the LAKIP back to drafting, with notes per chapter."""

    explanation = _("LAKIP kembali ke penyusunan draf dalam putaran baru. Tuliskan alasannya.")

    def perform(self):
        return svc.report_send_back(
            report=self.obj,
            person=self.person,
            reason=self.cleaned_data["reason"],
            chapter_notes=self.notes(),
        )


# ---- Steps 11–13 ------------------------------------------------------------------------


class NumberLetterForm(StepForm):
    """Step 11: the cover letter's date (the number's month and year come from it)."""

    explanation = _(
        "Surat pengantar mengambil nomor berikutnya dari register surat kantor. Nomor yang "
        "sudah diambil tidak dapat dipakai ulang."
    )
    date = forms.DateField(
        label=_("Tanggal surat"),
        required=False,
        widget=DATE,
        help_text=_("Kosongkan untuk tanggal hari ini."),
    )

    def perform(self):
        return svc.report_number_letter(
            report=self.obj, person=self.person, date=self.cleaned_data.get("date")
        )


class DuplicateForm(StepModelForm):
    explanation = _("Catat berapa eksemplar LAKIP digandakan dan untuk siapa.")

    class Meta:
        model = CopyRecord
        fields = ["count", "recipients", "made_at"]
        widgets = {"made_at": DATE, "recipients": forms.Textarea(attrs={"rows": 4})}

    def clean_count(self) -> int:
        count = self.cleaned_data["count"]
        if count < 1:
            raise forms.ValidationError(_("Minimal satu eksemplar."))
        return count

    def perform(self):
        data = self.cleaned_data
        return svc.report_duplicate(
            report=self.obj,
            person=self.person,
            count=data["count"],
            recipients=data["recipients"],
            made_at=data["made_at"],
        )


class DispatchForm(StepModelForm):
    explanation = _(
        "Catat pengiriman LAKIP. Setelah itu laporan ditutup dan tidak dapat diubah lagi."
    )

    class Meta:
        model = Dispatch
        fields = ["recipient", "date", "method", "receipt_reference"]
        widgets = {"date": DATE}

    def perform(self):
        return svc.report_dispatch(report=self.obj, person=self.person, dispatch=self.cleaned_data)


# ---- Step 1 (not a transition: it creates the report) ------------------------------------


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
