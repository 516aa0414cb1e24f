"""The office and its people: who works where, in which role, and who holds which post."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from sakip import text
from sakip.letter_pattern import DEFAULT_LETTER_PATTERN, validate_letter_pattern
from sakip.validators import validate_nip


class Kabupaten(models.Model):
    name = text.CharField(_("nama kabupaten"), max_length=120, unique=True)
    # The Pihak Kedua of every office's Perjanjian Kinerja. A Bupati is elected and usually
    # has no NIP; where the kabupaten has the PK signed by an official who has one, it is set.
    bupati_name = text.CharField(_("nama Bupati"), max_length=160, blank=True)
    bupati_nip = models.CharField(
        _("NIP Bupati"), max_length=18, blank=True, validators=[validate_nip]
    )
    bupati_jabatan = text.CharField(
        _("jabatan Pihak Kedua"),
        max_length=160,
        blank=True,
        help_text=_("Kosongkan untuk “Bupati” diikuti nama kabupaten."),
    )

    class Meta:
        verbose_name = _("kabupaten")
        verbose_name_plural = _("kabupaten")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def head_title(self) -> str:
        return self.bupati_jabatan or f"Bupati {self.name}"


class Office(models.Model):
    """A kecamatan office. Every record of the product belongs to exactly one office."""

    kabupaten = models.ForeignKey(
        Kabupaten, verbose_name=_("kabupaten"), on_delete=models.PROTECT, related_name="offices"
    )
    name = text.CharField(_("nama kecamatan"), max_length=120)
    letter_code = text.CharField(
        _("kode surat"), max_length=12, help_text=_("Kode pada nomor surat, mis. CMK.")
    )
    letter_classification = text.CharField(
        _("klasifikasi surat"),
        max_length=12,
        default="900",
        help_text=_("Kode klasifikasi arsip pada nomor surat, mis. 900."),
    )
    letter_pattern = text.CharField(
        _("pola nomor surat"),
        max_length=120,
        default=DEFAULT_LETTER_PATTERN,
        validators=[validate_letter_pattern],
        help_text=_(
            "Tersedia: {klasifikasi}, {nomor}, {kode}, {bulan_romawi}, {bulan}, {tahun}; "
            "{nomor:03} mengisi nomor dengan nol (007)."
        ),
    )
    address = text.CharField(_("alamat"), max_length=255, blank=True)
    postal_code = text.CharField(_("kode pos"), max_length=10, blank=True)
    phone = text.CharField(_("telepon"), max_length=40, blank=True)
    email = models.EmailField(_("surel"), blank=True)
    website = text.CharField(_("laman"), max_length=120, blank=True)
    city = text.CharField(
        _("tempat penandatanganan"),
        max_length=80,
        blank=True,
        help_text=_("Nama tempat pada tanggal surat, mis. Mungka."),
    )
    work_start = models.TimeField(_("jam kerja mulai"), default=dt.time(7, 30))
    work_end = models.TimeField(_("jam kerja selesai"), default=dt.time(16, 0))
    work_days = text.CharField(
        _("hari kerja"),
        max_length=20,
        default="0,1,2,3,4",
        help_text=_("Nomor hari kerja dipisah koma: 0 = Senin … 6 = Minggu."),
    )
    data_version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Moves on every change its pages show (sakip/versions.py): the cache key.",
    )
    # The office's profile, written once and used by every year's LAKIP (Bab I).
    legal_basis = text.TextField(
        _("dasar hukum"),
        max_length=text.LONG,
        blank=True,
        help_text=_(
            "Satu peraturan per baris, mis. Peraturan Bupati tentang kedudukan, susunan "
            "organisasi, tugas dan fungsi Kecamatan. Peraturan nasional tentang SAKIP dan "
            "kecamatan selalu dicantumkan."
        ),
    )
    duties = text.TextField(
        _("tugas"),
        max_length=text.LONG,
        blank=True,
        help_text=_("Tugas Camat/Kecamatan menurut peraturan bupati."),
    )
    functions = text.TextField(
        _("fungsi"), max_length=text.LONG, blank=True, help_text=_("Satu fungsi per baris.")
    )
    strategic_issues = text.TextField(
        _("isu strategis"),
        max_length=text.LONG,
        blank=True,
        help_text=_("Satu isu strategis per baris (dari Renstra)."),
    )

    class Meta:
        verbose_name = _("kantor kecamatan")
        verbose_name_plural = _("kantor kecamatan")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["kabupaten", "name"], name="office_unique_name"),
        ]

    def __str__(self) -> str:
        return f"Kecamatan {self.name}"

    @property
    def working_weekdays(self) -> set[int]:
        return {int(d) for d in self.work_days.split(",") if d.strip().isdigit()}


class UnitKind(models.TextChoices):
    PIMPINAN = "pimpinan", _("Pimpinan")
    SEKRETARIAT = "sekretariat", _("Sekretariat")
    SUBBAGIAN = "subbagian", _("Subbagian")
    SEKSI = "seksi", _("Seksi")
    FUNGSIONAL = "fungsional", _("Kelompok Jabatan Fungsional")


class Unit(models.Model):
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="units")
    name = text.CharField(_("nama unit"), max_length=160)
    short_name = text.CharField(_("nama singkat"), max_length=60, blank=True)
    kind = models.CharField(_("jenis"), max_length=20, choices=UnitKind.choices)
    supplies_data = models.BooleanField(
        _("unit penyuplai data"),
        default=False,
        help_text=_("Mengisi format pengumpulan (langkah 3)."),
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")
        ordering = ["office", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["office", "name"], name="unit_unique_name")]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    CAMAT = "camat", _("Camat")
    SEKCAM = "sekcam", _("Sekretaris Camat")
    KASI = "kasi", _("Kasi/Kasubag")
    JF = "jf", _("Jabatan Fungsional/Staf")
    ADMIN = "admin", _("Operator")
    KABUPATEN = "kabupaten", _("Pembaca tingkat kabupaten")


# The roles that perform the SOP's steps (Step.actor_roles); the operator and the kabupaten
# reader never do. A step's actors may only be these.
PROCEDURE_ROLES = frozenset({Role.CAMAT, Role.SEKCAM, Role.KASI, Role.JF})
# The roles that read every unit's rows and evidence of their office (the Kasi reads his own
# unit's; the operator keeps the master data and reads no unit's figures).
OFFICE_WIDE_ROLES = frozenset({Role.CAMAT, Role.SEKCAM, Role.JF})
# The office's leaders, who read the office dashboard.
LEADER_ROLES = frozenset({Role.CAMAT, Role.SEKCAM})
# Posts an office has one holder of at a time.
SINGLE_POSTS = (Role.CAMAT, Role.SEKCAM)


def validate_procedure_roles(value) -> None:
    """A step's actor roles: a non-empty list of procedure roles, each once."""
    allowed = ", ".join(r for r in Role.values if r in PROCEDURE_ROLES)
    if not isinstance(value, list) or not value:
        raise ValidationError(
            _("Pelaksana harus berupa daftar peran; pilih dari: %(allowed)s.")
            % {"allowed": allowed}
        )
    wrong = [str(v) for v in value if v not in PROCEDURE_ROLES]
    if wrong:
        raise ValidationError(
            _("Peran %(wrong)s tidak dapat melaksanakan langkah SOP; pilih dari: %(allowed)s.")
            % {"wrong": ", ".join(wrong), "allowed": allowed}
        )
    if len(set(value)) != len(value):
        raise ValidationError(_("Setiap peran cukup disebut sekali."))


class Person(models.Model):
    """The profile of a user: who they are on paper (for signature blocks) and in the office."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="person"
    )
    office = models.ForeignKey(
        Office,
        on_delete=models.CASCADE,
        related_name="people",
        null=True,
        blank=True,
        help_text=_("Kosong hanya untuk pembaca tingkat kabupaten."),
    )
    kabupaten = models.ForeignKey(
        Kabupaten,
        on_delete=models.CASCADE,
        related_name="readers",
        null=True,
        blank=True,
        help_text=_("Hanya untuk pembaca tingkat kabupaten."),
    )
    full_name = text.CharField(_("nama lengkap dan gelar"), max_length=160)
    nip = text.CharField(
        _("NIP"),
        max_length=18,
        blank=True,
        validators=[validate_nip],
        help_text=_("18 digit, tanpa spasi."),
    )
    pangkat = text.CharField(_("pangkat"), max_length=60, blank=True)
    golongan = text.CharField(_("golongan/ruang"), max_length=10, blank=True)
    jabatan = text.CharField(_("jabatan"), max_length=160, blank=True)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit kerja"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    role = models.CharField(_("peran"), max_length=12, choices=Role.choices)
    heads_unit = models.BooleanField(
        _("kepala unit"), default=False, help_text=_("Kasi/Kasubag yang memimpin unitnya.")
    )

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["full_name"]
        constraints = [
            models.CheckConstraint(
                name="person_office_or_kabupaten",
                condition=(models.Q(role=Role.KABUPATEN, kabupaten__isnull=False))
                | (~models.Q(role=Role.KABUPATEN) & models.Q(office__isnull=False)),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def clean(self) -> None:
        if self.role == Role.KABUPATEN and not self.kabupaten_id:
            raise ValidationError({"kabupaten": _("Pembaca kabupaten harus punya kabupaten.")})
        if self.role != Role.KABUPATEN and not self.office_id:
            raise ValidationError({"office": _("Pegawai harus terdaftar pada satu kantor.")})
        if self.unit_id and self.office_id and self.unit.office_id != self.office_id:
            raise ValidationError({"unit": _("Unit harus dari kantor yang sama.")})
        holder = self.other_holder()
        if holder is not None:
            raise ValidationError(
                {
                    "role": _(
                        "Kantor ini sudah memiliki %(post)s: %(holder)s. Untuk menyerahkan "
                        "jabatan, ubah dulu peran %(holder)s (atau nonaktifkan akunnya), lalu "
                        "jadikan pegawai ini %(post)s."
                    )
                    % {"post": self.get_role_display(), "holder": holder}
                }
            )

    def other_holder(self) -> Person | None:
        """Whoever else holds this person's single post (Camat, Sekcam) in the office."""
        if self.role not in SINGLE_POSTS or not self.office_id:
            return None
        others = Person.objects.filter(
            office_id=self.office_id, role=self.role, user__is_active=True
        )
        return others.exclude(pk=self.pk).first()

    @property
    def is_kabupaten_reader(self) -> bool:
        return self.role == Role.KABUPATEN

    @property
    def is_operator(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def pangkat_golongan(self) -> str:
        if self.pangkat and self.golongan:
            return f"{self.pangkat} ({self.golongan})"
        return self.pangkat or self.golongan

    @property
    def email(self) -> str:
        return self.user.email


class Tenure(models.Model):
    """Who held a post (Camat, Sekcam, head of a unit) from when to when, so that a document
    dated in the past is signed by the person who held the post on that date."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="tenures")
    role = models.CharField(_("jabatan"), max_length=12, choices=Role.choices)
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, null=True, blank=True)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="tenures")
    start = models.DateField(_("mulai"))
    end = models.DateField(_("selesai"), null=True, blank=True)
    acting = models.BooleanField(_("pelaksana tugas (Plt.)"), default=False)

    class Meta:
        verbose_name = _("masa jabatan")
        verbose_name_plural = _("masa jabatan")
        ordering = ["office", "role", "-start"]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.person} ({self.start}–{self.end or '…'})"


class Holiday(models.Model):
    """Non-working days (libur nasional, cuti bersama) for the working-minutes clock."""

    office = models.ForeignKey(
        Office,
        on_delete=models.CASCADE,
        related_name="holidays",
        null=True,
        blank=True,
        help_text=_("Kosong: berlaku untuk semua kantor (libur nasional)."),
    )
    date = models.DateField(_("tanggal"))
    name = text.CharField(_("keterangan"), max_length=120)

    class Meta:
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["office", "date"], name="holiday_unique_date"),
        ]

    def __str__(self) -> str:
        return f"{self.date}: {self.name}"
