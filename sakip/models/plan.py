"""The plan: years, strategic targets (sasaran), their indicators and targets, and the budget
nomenclature behind them."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from sakip import text
from sakip.models.org import Office, Unit
from sakip.models.reference import NomenklaturKind, default_bands
from sakip.numbers import NumberRangeValidator

FOUR_PLACES = [NumberRangeValidator(4)]
TWO_PLACES = [NumberRangeValidator(2)]


class Year(models.Model):
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(_("tahun"))
    bands = models.JSONField(
        _("kategori capaian"),
        default=default_bands,
        help_text=_("Batas bawah (%) tiap kategori, dari tertinggi ke terendah."),
    )

    class Meta:
        verbose_name = _("tahun")
        verbose_name_plural = _("tahun")
        ordering = ["office", "-year"]
        constraints = [models.UniqueConstraint(fields=["office", "year"], name="year_unique")]

    def __str__(self) -> str:
        return str(self.year)

    def clean(self) -> None:
        try:
            mins = [Decimal(str(b["min"])) for b in self.bands]
            complete = all(b["code"] and b["label"] for b in self.bands)
        except (KeyError, TypeError, ArithmeticError, ValueError):
            raise ValidationError(
                {"bands": _("Tiap kategori perlu 'min', 'code' dan 'label'.")}
            ) from None
        if not complete or not mins or mins != sorted(mins, reverse=True) or mins[-1] != 0:
            raise ValidationError(
                {"bands": _("Batas bawah harus menurun dan kategori terakhir mulai dari 0.")}
            )


class Renstra(models.Model):
    """The office's five-year strategic plan (Rencana Strategis): the period its sasaran
    strategis belong to, and the horizon of each indicator's end target."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="renstra")
    name = text.CharField(_("nama dokumen"), max_length=255)
    start_year = models.PositiveSmallIntegerField(_("tahun awal"))
    end_year = models.PositiveSmallIntegerField(_("tahun akhir"))

    class Meta:
        verbose_name = _("Renstra")
        verbose_name_plural = _("Renstra")
        ordering = ["office", "-start_year"]
        constraints = [
            models.UniqueConstraint(fields=["office", "start_year"], name="renstra_unique_start"),
            models.CheckConstraint(
                name="renstra_period_order",
                condition=models.Q(end_year__gte=models.F("start_year")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.period})"

    @property
    def period(self) -> str:
        return f"{self.start_year}–{self.end_year}"

    def covers(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year

    def clean(self) -> None:
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("Tahun akhir tidak boleh sebelum tahun awal.")})


class SasaranStrategis(models.Model):
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="sasaran")
    renstra = models.ForeignKey(
        Renstra,
        verbose_name=_("Renstra"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sasaran",
    )
    code = text.CharField(_("kode"), max_length=20, blank=True)
    name = text.TextField(_("sasaran strategis"), max_length=text.NAME)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    # Bumped on every save from the plan page, so a stale edit is refused (as for the rows).
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("sasaran strategis")
        verbose_name_plural = _("sasaran strategis")
        ordering = ["office", "order", "id"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.renstra_id and self.office_id and self.renstra.office_id != self.office_id:
            raise ValidationError({"renstra": _("Renstra harus dari kantor yang sama.")})


class Polarity(models.TextChoices):
    HIGHER = "higher", _("Semakin tinggi semakin baik")
    LOWER = "lower", _("Semakin rendah semakin baik")


class TargetKind(models.TextChoices):
    NUMBER = "number", _("Angka")
    PERCENT = "percent", _("Persen")
    RANGE = "range", _("Rentang")
    TEXT = "text", _("Teks/kualitatif")


class Aggregation(models.TextChoices):
    """How an indicator's quarters make its year: the quarterly targets (TW I–IV) are stated
    as the figure due by the end of each quarter, and the year's realisation is the sum of
    the quarters' (cumulative), the last quarter's (last value) or their mean (average)."""

    CUMULATIVE = "kumulatif", _("Kumulatif (dijumlahkan)")
    LAST = "terakhir", _("Nilai terakhir (TW IV)")
    AVERAGE = "rata_rata", _("Rata-rata triwulan")


class Nomenklatur(models.Model):
    """Program (7.01.02), Kegiatan (7.01.02.2.01) and Sub Kegiatan (7.01.02.2.01.0001) of one
    office: a new office starts with a copy of the official list (`ReferenceNomenklatur`)."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="nomenklatur")
    kind = models.CharField(_("tingkat"), max_length=14, choices=NomenklaturKind.choices)
    code = text.CharField(_("kode"), max_length=30)
    # The longest official sub kegiatan name (7.01.05.2.01.0001) has about 270 characters.
    name = text.CharField(_("nomenklatur"), max_length=500)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )

    class Meta:
        verbose_name = _("program/kegiatan/sub kegiatan")
        verbose_name_plural = _("program/kegiatan/sub kegiatan")
        ordering = ["office", "code"]
        constraints = [
            models.UniqueConstraint(fields=["office", "code"], name="nomenklatur_unique_code"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def clean(self) -> None:
        expected_parent = {
            NomenklaturKind.PROGRAM: None,
            NomenklaturKind.KEGIATAN: NomenklaturKind.PROGRAM,
            NomenklaturKind.SUB_KEGIATAN: NomenklaturKind.KEGIATAN,
        }[self.kind]
        if expected_parent is None and self.parent_id:
            raise ValidationError({"parent": _("Program tidak memiliki induk.")})
        if expected_parent and (not self.parent_id or self.parent.kind != expected_parent):
            raise ValidationError(
                {
                    "parent": _("Induk %(kind)s harus berupa %(parent)s.")
                    % {
                        "kind": self.get_kind_display(),
                        "parent": NomenklaturKind(expected_parent).label,
                    }
                }
            )
        if self.parent_id and not self.code.startswith(self.parent.code + "."):
            raise ValidationError({"code": _("Kode harus diawali kode induknya.")})


class Indikator(models.Model):
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="indikator")
    sasaran = models.ForeignKey(
        SasaranStrategis,
        verbose_name=_("sasaran strategis"),
        on_delete=models.CASCADE,
        related_name="indikator",
    )
    name = text.TextField(_("indikator kinerja"), max_length=text.NAME)
    iku = models.BooleanField(
        _("IKU"), default=False, help_text=_("Indikator Kinerja Utama kantor.")
    )
    satuan = text.CharField(_("satuan"), max_length=40, blank=True)
    polarity = models.CharField(
        _("polaritas"), max_length=6, choices=Polarity.choices, default=Polarity.HIGHER
    )
    target_kind = models.CharField(
        _("jenis target"), max_length=8, choices=TargetKind.choices, default=TargetKind.NUMBER
    )
    aggregation = models.CharField(
        _("cara menghitung triwulan"),
        max_length=10,
        choices=Aggregation.choices,
        default=Aggregation.LAST,
    )
    definition = text.TextField(_("definisi/formula"), max_length=text.NOTE, blank=True)
    alasan = text.TextField(
        _("alasan pemilihan"),
        max_length=text.NOTE,
        blank=True,
        help_text=_("Mengapa indikator ini dipilih (IKU)."),
    )
    sumber_data = text.CharField(_("sumber data"), max_length=255, blank=True)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("yang membidangi"),
        on_delete=models.PROTECT,
        related_name="indikator",
    )
    nomenklatur = models.ForeignKey(
        Nomenklatur,
        verbose_name=_("program/kegiatan/sub kegiatan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indikator",
    )
    renstra_target = models.DecimalField(
        _("target akhir Renstra"),
        max_digits=16,
        decimal_places=4,
        null=True,
        blank=True,
        validators=FOUR_PLACES,
    )
    renstra_target_text = text.CharField(
        _("target akhir Renstra (teks)"), max_length=255, blank=True
    )
    standard_value = models.DecimalField(
        _("nilai standar"),
        max_digits=16,
        decimal_places=4,
        null=True,
        blank=True,
        validators=FOUR_PLACES,
        help_text=_("Standar nasional atau kabupaten untuk indikator ini, bila ada (mis. SPM)."),
    )
    standard_source = text.CharField(
        _("sumber standar"),
        max_length=255,
        blank=True,
        help_text=_("Mis. Standar Pelayanan Minimal Kabupaten Lima Puluh Kota 2024."),
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("indikator kinerja")
        verbose_name_plural = _("indikator kinerja")
        ordering = ["office", "sasaran__order", "order", "id"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        if self.target_kind == TargetKind.PERCENT and self.satuan and self.satuan != "%":
            errors["satuan"] = _("Indikator persen bersatuan %.")
        if self.standard_value is not None and self.target_kind == TargetKind.TEXT:
            errors["standard_value"] = _("Indikator kualitatif tidak memiliki nilai standar.")
        if self.standard_value is not None and not self.standard_source.strip():
            errors["standard_source"] = _("Sebutkan sumber standarnya.")
        if self.target_kind != TargetKind.TEXT and self.renstra_target_text:
            errors["renstra_target_text"] = _("Target teks hanya untuk indikator kualitatif.")
        if self.sasaran_id and self.office_id and self.sasaran.office_id != self.office_id:
            errors["sasaran"] = _("Sasaran harus dari kantor yang sama.")
        if self.unit_id and self.office_id and self.unit.office_id != self.office_id:
            errors["unit"] = _("Unit harus dari kantor yang sama.")
        if errors:
            raise ValidationError(errors)


class Target(models.Model):
    """The target of one indicator for one year. Range targets use value and value_max;
    text targets use text. Quarterly targets (TW I–IV) are optional."""

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="targets")
    year = models.ForeignKey(
        Year, verbose_name=_("tahun"), on_delete=models.CASCADE, related_name="targets"
    )
    value = models.DecimalField(
        _("target"), max_digits=16, decimal_places=4, null=True, blank=True, validators=FOUR_PLACES
    )
    value_max = models.DecimalField(
        _("batas atas rentang"),
        max_digits=16,
        decimal_places=4,
        null=True,
        blank=True,
        validators=FOUR_PLACES,
    )
    text = text.CharField(_("target (teks)"), max_length=255, blank=True)
    tw1 = models.DecimalField(
        _("TW I"), max_digits=16, decimal_places=4, null=True, blank=True, validators=FOUR_PLACES
    )
    tw2 = models.DecimalField(
        _("TW II"), max_digits=16, decimal_places=4, null=True, blank=True, validators=FOUR_PLACES
    )
    tw3 = models.DecimalField(
        _("TW III"), max_digits=16, decimal_places=4, null=True, blank=True, validators=FOUR_PLACES
    )
    tw4 = models.DecimalField(
        _("TW IV"), max_digits=16, decimal_places=4, null=True, blank=True, validators=FOUR_PLACES
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("target")
        ordering = ["year", "indikator"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "year"], name="target_unique_year"),
        ]

    def __str__(self) -> str:
        return f"{self.indikator} ({self.year})"

    def clean(self) -> None:
        kind = self.indikator.target_kind if self.indikator_id else None
        if kind == TargetKind.TEXT:
            if not self.text.strip():
                raise ValidationError({"text": _("Target kualitatif harus diisi dengan teks.")})
            return
        if self.value is None:
            raise ValidationError({"value": _("Target angka harus diisi.")})
        if self.value < 0:
            raise ValidationError({"value": _("Target tidak boleh negatif.")})
        if kind == TargetKind.PERCENT and self.value > 100:
            raise ValidationError({"value": _("Target persen tidak boleh lebih dari 100.")})
        if kind == TargetKind.RANGE and (self.value_max is None or self.value_max < self.value):
            raise ValidationError(
                {
                    "value_max": _(
                        "Batas atas rentang harus diisi dan tidak kurang dari batas bawah."
                    )
                }
            )
        if kind != TargetKind.RANGE and self.value_max is not None:
            raise ValidationError({"value_max": _("Batas atas hanya untuk target rentang.")})


class Anggaran(models.Model):
    """Budget (pagu) and its realisation for one program, kegiatan or sub kegiatan in one
    year. The programs' lines make LAKIP Bab III B and the PK's budget table; the kegiatan and
    sub kegiatan lines stand behind the indicators in the Rencana Aksi."""

    year = models.ForeignKey(Year, on_delete=models.CASCADE, related_name="anggaran")
    nomenklatur = models.ForeignKey(
        Nomenklatur,
        verbose_name=_("program/kegiatan/sub kegiatan"),
        on_delete=models.CASCADE,
        related_name="anggaran",
    )
    pagu = models.DecimalField(
        _("pagu (Rp)"), max_digits=16, decimal_places=2, validators=TWO_PLACES
    )
    realisasi = models.DecimalField(
        _("realisasi (Rp)"), max_digits=16, decimal_places=2, default=0, validators=TWO_PLACES
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("anggaran")
        verbose_name_plural = _("anggaran")
        ordering = ["year", "nomenklatur__code"]
        constraints = [
            models.UniqueConstraint(fields=["year", "nomenklatur"], name="anggaran_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.nomenklatur} {self.year}"

    def clean(self) -> None:
        if (
            self.year_id
            and self.nomenklatur_id
            and self.year.office_id != self.nomenklatur.office_id
        ):
            raise ValidationError({"nomenklatur": _("Nomenklatur harus dari kantor yang sama.")})
