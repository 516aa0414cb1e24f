"""The plan page's forms. Numbers are typed the Indonesian way (`90`, `2,5`, `1.234`) and
checked by `sakip.planning.cleaning`, which the plan workbook shares."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Div, Field, Fieldset, Layout, Row, Submit
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from sakip.models import (
    Aggregation,
    Anggaran,
    Nomenklatur,
    Polarity,
    SasaranStrategis,
    Target,
    TargetKind,
    Unit,
    Year,
)
from sakip.numbers import format_id_decimal
from sakip.planning.cleaning import NUMBER_FIELDS, clean_plan_values, clean_rupiah

NUMBER_HELP = _("Angka, mis. 90 atau 2,5.")


def _number(label) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )


def _show(value) -> str:
    return format_id_decimal(value) if value is not None else ""


def _buttons(label, cancel_url: str, target: str) -> Div:
    return Div(
        Submit("save", label, css_class="btn-primary"),
        HTML(
            format_html(
                '<a class="btn btn-outline-secondary ms-2" href="{}" hx-get="{}" '
                'hx-target="{}" hx-swap="outerHTML">{}</a>',
                cancel_url,
                cancel_url,
                target,
                _("Batal"),
            )
        ),
        css_class="d-flex mt-2",
    )


class PlanRowForm(forms.Form):
    """One row of the plan: the indicator (the Renstra's, shared by the years) and its target
    of this year with TW I–IV."""

    name = forms.CharField(label=_("Indikator kinerja"), widget=forms.Textarea(attrs={"rows": 2}))
    iku = forms.BooleanField(label=_("Indikator Kinerja Utama (IKU)"), required=False)
    satuan = forms.CharField(label=_("Satuan"), required=False, max_length=40)
    target_kind = forms.ChoiceField(label=_("Jenis target"), choices=TargetKind.choices)
    polarity = forms.ChoiceField(label=_("Polaritas"), choices=Polarity.choices)
    aggregation = forms.ChoiceField(
        label=_("Cara menghitung triwulan"), choices=Aggregation.choices
    )
    definition = forms.CharField(
        label=_("Definisi/formula"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    alasan = forms.CharField(
        label=_("Alasan pemilihan (IKU)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    sumber_data = forms.CharField(label=_("Sumber data"), required=False, max_length=255)
    unit = forms.ModelChoiceField(label=_("Yang membidangi"), queryset=Unit.objects.none())
    nomenklatur = forms.ModelChoiceField(
        label=_("Program/Kegiatan/Sub Kegiatan"),
        queryset=Nomenklatur.objects.none(),
        required=False,
    )
    value = _number(_("Target tahun ini"))
    value_max = _number(_("Batas atas (target rentang)"))
    text = forms.CharField(label=_("Target (teks, indikator kualitatif)"), required=False)
    tw1 = _number(_("TW I"))
    tw2 = _number(_("TW II"))
    tw3 = _number(_("TW III"))
    tw4 = _number(_("TW IV"))
    renstra_target = _number(_("Target akhir Renstra"))
    renstra_target_text = forms.CharField(label=_("Target akhir Renstra (teks)"), required=False)

    def __init__(self, *args, year: Year, url: str, cancel_url: str, dom_id: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.year = year
        self.values: dict = {}
        self.fields["unit"].queryset = Unit.objects.filter(office_id=year.office_id)
        self.fields["nomenklatur"].queryset = Nomenklatur.objects.filter(office_id=year.office_id)
        self.fields["nomenklatur"].label_from_instance = lambda n: f"{n.code} {n.name}"
        for name in ("value", "value_max", "tw1", "tw2", "tw3", "tw4", "renstra_target"):
            self.fields[name].help_text = ""
        self.fields["value"].help_text = NUMBER_HELP
        self.fields["tw4"].help_text = _("Kumulatif dan nilai terakhir: TW IV = target tahun ini.")
        self.helper = FormHelper()
        self.helper.form_action = url
        self.helper.form_id = f"form-{dom_id}"
        self.helper.attrs = {"hx-post": url, "hx-target": f"#{dom_id}", "hx-swap": "outerHTML"}
        self.helper.layout = Layout(
            *self.head_fields(),
            Row(
                Column("satuan", css_class="col-md-2"),
                Column("target_kind", css_class="col-md-3"),
                Column("polarity", css_class="col-md-3"),
                Column("aggregation", css_class="col-md-4"),
            ),
            Row(
                Column("value", css_class="col-md-3"),
                Column("value_max", css_class="col-md-3"),
                Column("text", css_class="col-md-6"),
            ),
            Row(
                Column("tw1", css_class="col-md-2"),
                Column("tw2", css_class="col-md-2"),
                Column("tw3", css_class="col-md-2"),
                Column("tw4", css_class="col-md-2"),
                Column("renstra_target", css_class="col-md-2"),
                Column("renstra_target_text", css_class="col-md-2"),
            ),
            Row(Column("definition", css_class="col-md-6"), Column("alasan", css_class="col-md-6")),
            Row(
                Column("sumber_data", css_class="col-md-4"),
                Column("unit", css_class="col-md-3"),
                Column("nomenklatur", css_class="col-md-5"),
            ),
            *self.hidden_fields_layout(),
            _buttons(self.save_label(), cancel_url, f"#{dom_id}"),
        )

    def head_fields(self) -> list:
        return [
            Row(Column("name", css_class="col-md-9"), Column("iku", css_class="col-md-3 pt-md-4"))
        ]

    def hidden_fields_layout(self) -> list:
        return []

    def save_label(self):
        return _("Simpan baris")

    def clean(self):
        data = super().clean()
        kind = data.get("target_kind") or TargetKind.NUMBER
        raw = {
            name: data.get(name)
            for name in [
                *NUMBER_FIELDS,
                "name",
                "definition",
                "alasan",
                "satuan",
                "sumber_data",
                "text",
                "renstra_target_text",
            ]
        }
        values, errors = clean_plan_values(raw, kind=kind)
        for field, message in errors.items():
            if field not in self.errors:
                self.add_error(field, message)
        values.update(
            {
                "iku": bool(data.get("iku")),
                "target_kind": kind,
                "polarity": data.get("polarity") or Polarity.HIGHER,
                "aggregation": data.get("aggregation") or Aggregation.LAST,
                "unit": data.get("unit"),
                "nomenklatur": data.get("nomenklatur"),
            }
        )
        if kind == TargetKind.PERCENT and values.get("satuan") not in ("", "%"):
            self.add_error("satuan", _("Indikator persen bersatuan %."))
        self.values = values
        return data


def row_initial(target: Target) -> dict:
    ind = target.indikator
    return {
        "name": ind.name,
        "iku": ind.iku,
        "satuan": ind.satuan,
        "target_kind": ind.target_kind,
        "polarity": ind.polarity,
        "aggregation": ind.aggregation,
        "definition": ind.definition,
        "alasan": ind.alasan,
        "sumber_data": ind.sumber_data,
        "unit": ind.unit_id,
        "nomenklatur": ind.nomenklatur_id,
        "value": _show(target.value),
        "value_max": _show(target.value_max),
        "text": target.text,
        "tw1": _show(target.tw1),
        "tw2": _show(target.tw2),
        "tw3": _show(target.tw3),
        "tw4": _show(target.tw4),
        "renstra_target": _show(ind.renstra_target),
        "renstra_target_text": ind.renstra_target_text,
        "ind_version": ind.version,
        "target_version": target.version,
    }


class PlanRowEditForm(PlanRowForm):
    ind_version = forms.IntegerField(widget=forms.HiddenInput)
    target_version = forms.IntegerField(widget=forms.HiddenInput)

    def hidden_fields_layout(self) -> list:
        return [Field("ind_version"), Field("target_version")]


class IndikatorAddForm(PlanRowForm):
    """A new indicator of the year's plan, under one of its sasaran."""

    sasaran = forms.ModelChoiceField(
        label=_("Sasaran strategis"), queryset=SasaranStrategis.objects.none()
    )

    def __init__(self, *args, sasaran_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sasaran"].queryset = sasaran_queryset
        self.helper.attrs = {}

    def head_fields(self) -> list:
        return [
            "sasaran",
            Row(Column("name", css_class="col-md-9"), Column("iku", css_class="col-md-3 pt-md-4")),
        ]

    def save_label(self):
        return _("Tambahkan indikator")


class SasaranForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = SasaranStrategis
        fields = ["code", "name"]
        widgets = {"name": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, url: str, label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].max_length = 1000
        self.helper = FormHelper()
        self.helper.form_action = url
        self.helper.layout = Layout(
            Row(Column("code", css_class="col-md-2"), Column("name", css_class="col-md-10")),
            "version",
            Submit("save", label, css_class="btn-primary"),
        )


class AnggaranForm(forms.Form):
    """A budget line: pagu and realisation in rupiah (`2.310.400.000`)."""

    pagu = forms.CharField(
        label=_("Pagu (Rp)"), widget=forms.TextInput(attrs={"inputmode": "decimal"})
    )
    realisasi = forms.CharField(
        label=_("Realisasi (Rp)"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )

    def __init__(self, *args, url: str, cancel_url: str, dom_id: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.values: dict = {}
        self.helper = FormHelper()
        self.helper.form_action = url
        self.helper.attrs = {"hx-post": url, "hx-target": f"#{dom_id}", "hx-swap": "outerHTML"}
        self.helper.layout = Layout(
            *self.head(),
            Row(Column("pagu", css_class="col-md-6"), Column("realisasi", css_class="col-md-6")),
            *self.hidden(),
            _buttons(_("Simpan anggaran"), cancel_url, f"#{dom_id}"),
        )

    def head(self) -> list:
        return []

    def hidden(self) -> list:
        return []

    def clean(self):
        data = super().clean()
        for name, required in (("pagu", True), ("realisasi", False)):
            try:
                value = clean_rupiah(data.get(name), required=required)
            except ValueError as exc:
                self.add_error(name, str(exc))
                continue
            self.values[name] = value if value is not None else 0
        return data


class AnggaranEditForm(AnggaranForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def hidden(self) -> list:
        return [Field("version")]


class AnggaranAddForm(AnggaranForm):
    nomenklatur = forms.ModelChoiceField(
        label=_("Program/Kegiatan/Sub Kegiatan"), queryset=Nomenklatur.objects.none()
    )

    def __init__(self, *args, year: Year, **kwargs):
        super().__init__(*args, **kwargs)
        taken = Anggaran.objects.filter(year=year).values("nomenklatur_id")
        field = self.fields["nomenklatur"]
        field.queryset = Nomenklatur.objects.filter(office_id=year.office_id).exclude(pk__in=taken)
        field.label_from_instance = lambda n: f"{n.code} {n.name}"
        self.helper.attrs = {}

    def head(self) -> list:
        return ["nomenklatur"]


def anggaran_initial(line: Anggaran) -> dict:
    return {
        "pagu": format_id_decimal(line.pagu),
        "realisasi": format_id_decimal(line.realisasi),
        "version": line.version,
    }


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan perubahan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mengapa Perjanjian Kinerja yang sudah ditandatangani diubah."),
    )

    def __init__(self, *args, url: str, label, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_action = url
        self.helper.layout = Layout("reason", Submit("save", label, css_class="btn-primary"))


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Berkas rencana kinerja (.xlsx)"))

    def __init__(self, *args, url: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".xlsx"
        self.helper = FormHelper()
        self.helper.form_action = url
        self.helper.attrs = {"enctype": "multipart/form-data"}
        self.helper.layout = Layout(
            "file", Submit("preview", _("Periksa berkas"), css_class="btn-primary")
        )


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)

    def __init__(self, *args, url: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_action = url
        self.helper.form_class = "d-flex gap-2 align-items-end"
        self.helper.layout = Layout(
            Fieldset("", Field("year", wrapper_class="mb-0")),
            Submit("open", _("Buka tahun"), css_class="btn-outline-primary"),
        )
