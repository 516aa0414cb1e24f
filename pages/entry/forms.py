"""Forms of step 3 and 5. The row form defers its rules to `sakip.cleaning`, which
the Excel import shares."""

from __future__ import annotations

from crispy_forms.bootstrap import AppendedText
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Div, Field, Layout, Row, Submit
from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from documents.nine_columns import realisasi_input
from sakip.cleaning import clean_entry
from sakip.models import Aggregation, PlanRow, TargetKind
from sakip.text import FormCharField, limit_of
from workflow.models import ROMAN, RevisionItem, RevisionRequest


def _limited(limit: int | None, rows: int = 2) -> forms.Textarea:
    # The browser stops at the limit; `clean_entry` says so in the same words as the import.
    return forms.Textarea(attrs={"rows": rows, "maxlength": limit})


# What a quarter's realisation is, by the indicator's aggregation rule.
QUARTER_HELP = {
    Aggregation.CUMULATIVE: _(
        "Isi capaian triwulan ini saja; realisasi s.d. triwulan ini dijumlahkan otomatis."
    ),
    Aggregation.LAST: _("Isi posisi pada akhir triwulan ini (angka kumulatif)."),
    Aggregation.AVERAGE: _("Isi nilai triwulan ini; realisasi tahunan adalah rata-ratanya."),
}


class RowForm(forms.Form):
    # The lengths are checked by `clean_entry` (shared with the Excel import).
    realisasi = FormCharField(label=_("Realisasi/ Progres Capaian"), required=False)
    sumber_data = FormCharField(
        label=_("Sumber Data"), required=False, max_length=limit_of(PlanRow, "sumber_data")
    )
    keterangan = FormCharField(
        label=_("Ket"), required=False, widget=_limited(limit_of(PlanRow, "keterangan"))
    )
    belum_berjalan = forms.BooleanField(label=_("Kegiatan belum berjalan"), required=False)
    belum_berjalan_reason = FormCharField(
        label=_("Alasan belum berjalan"),
        required=False,
        widget=_limited(limit_of(PlanRow, "belum_berjalan_reason")),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, row: PlanRow, url: str, cancel_url: str, **kwargs) -> None:
        initial = kwargs.pop("initial", None) or {
            "realisasi": realisasi_input(row),
            "sumber_data": row.sumber_data,
            "keterangan": row.keterangan,
            "belum_berjalan": row.belum_berjalan,
            "belum_berjalan_reason": row.belum_berjalan_reason,
            "version": row.version,
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.row = row
        self.values: dict = {}
        kind = row.indikator.target_kind
        field = self.fields["realisasi"]
        if kind == TargetKind.TEXT:
            field.widget = _limited(limit_of(PlanRow, "realisasi_text"))
            field.help_text = _("Target kualitatif: tuliskan realisasi/progresnya.")
        else:
            field.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})
            field.help_text = _("Angka, mis. 1.234,5 atau 1234,5.")
            if kind == TargetKind.PERCENT:
                field.help_text = _("Persen 0–100, mis. 87,5.")
        if row.quarter:
            field.label = _("Realisasi TW %(tw)s") % {"tw": ROMAN[row.quarter]}
            field.help_text = f"{QUARTER_HELP[row.indikator.aggregation]} {field.help_text}"
        realisasi = (
            AppendedText("realisasi", row.indikator.satuan)
            if row.indikator.satuan and kind != TargetKind.TEXT
            else Field("realisasi")
        )
        self.helper = FormHelper()
        self.helper.form_action = url
        self.helper.form_id = f"row-form-{row.pk}"
        self.helper.attrs = {
            "hx-post": url,
            "hx-target": f"#baris-{row.pk}",
            "hx-swap": "outerHTML",
        }
        self.helper.layout = Layout(
            Row(
                Column(realisasi, css_class="col-md-6"), Column("sumber_data", css_class="col-md-6")
            ),
            "keterangan",
            Row(
                Column("belum_berjalan", css_class="col-md-4 pt-md-4"),
                Column("belum_berjalan_reason", css_class="col-md-8"),
            ),
            "version",
            Div(
                Submit("save", _("Simpan baris"), css_class="btn-primary"),
                HTML(
                    f'<a class="btn btn-outline-secondary ms-2" href="{cancel_url}" '
                    f'hx-get="{cancel_url}" hx-target="#baris-{row.pk}" hx-swap="outerHTML">'
                    f"{_('Batal')}</a>"
                ),
                css_class="d-flex",
            ),
        )

    def clean(self):
        data = super().clean()
        values, errors = clean_entry(
            self.row,
            realisasi=data.get("realisasi"),
            sumber_data=data.get("sumber_data"),
            keterangan=data.get("keterangan"),
            belum_berjalan=data.get("belum_berjalan"),
            belum_berjalan_reason=data.get("belum_berjalan_reason"),
        )
        for field, message in errors.items():
            self.add_error(field, message)
        self.values = values
        return data


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("Bukti dukung (PDF, JPG, PNG, XLSX, DOCX)"))

    def __init__(self, *args, row: PlanRow, url: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_action = url
        self.helper.form_id = f"evidence-form-{row.pk}"
        self.helper.attrs = {
            "enctype": "multipart/form-data",
            "hx-post": url,
            "hx-encoding": "multipart/form-data",
            "hx-target": f"#baris-{row.pk}",
            "hx-swap": "outerHTML",
        }
        self.fields["file"].widget.attrs["accept"] = ".pdf,.jpg,.jpeg,.png,.xlsx,.docx"
        self.helper.layout = Layout(
            Row(
                Column("file", css_class="col"),
                Column(
                    Submit("upload", _("Unggah")),
                    css_class="col-auto pt-4",
                ),
            )
        )


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Berkas format isian (.xlsx)"))

    def __init__(self, *args, url: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".xlsx"
        self.helper = FormHelper()
        self.helper.form_action = url
        self.helper.attrs = {"enctype": "multipart/form-data"}
        self.helper.layout = Layout(
            "file", Submit("preview", _("Periksa berkas"), css_class="btn-primary")
        )


class ReturnForm(forms.Form):
    """The general reason plus an optional note per row (`note_<row pk>`)."""

    reason = FormCharField(
        label=_("Alasan pengembalian"),
        max_length=limit_of(RevisionRequest, "reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, rows: list[PlanRow], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for row in rows:
            self.fields[f"note_{row.pk}"] = FormCharField(
                label=_("Catatan baris %(no)s") % {"no": row.number},
                required=False,
                max_length=limit_of(RevisionItem, "note"),
                widget=forms.Textarea(attrs={"rows": 1}),
            )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def row_notes(self) -> dict[int, str]:
        return {
            int(name.removeprefix("note_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("note_") and value.strip()
        }


def row_url(row: PlanRow) -> str:
    sub = row.submission
    return reverse("entry:row_edit", args=[sub.report_id, sub.pk, row.pk])
